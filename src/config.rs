//! `book.toml`: the workbook's settings. Strict: an unknown key is an error with a hint.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::colour::{
    DARK_SURFACES, LIGHT_SURFACES, hex, is_hex_colour, parse_hex_colour, readable_on,
};
use crate::diagnostics::{Diagnostic, did_you_mean_from_serde, line_col};

pub const FILE_NAME: &str = "book.toml";

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub book: BookConfig,
    pub build: BuildConfig,
    pub output: OutputConfig,
    pub print: PrintConfig,
    pub branding: BrandingConfig,
    pub cohort: CohortConfig,
    pub public: PublicConfig,
    pub content: ContentConfig,
    /// The book's title and description in each language but the first
    /// (`[translation.fr-CA]`).
    pub translation: BTreeMap<String, BookTranslation>,
    /// Where each key was written in book.toml (empty for the defaults).
    #[serde(skip)]
    positions: Positions,
}

/// Where the keys of book.toml are, recorded from the parser's spans when the
/// file is read: the one way to locate a key, so a diagnostic never points at a
/// comment, or at another key or value that happens to hold the same word.
/// Keys are dotted paths, whichever way the TOML writes them (`[branding]` then
/// `logo = …`, `branding.logo = …`, or `branding = { logo = … }`).
#[derive(Debug, Clone, Default)]
struct Positions(BTreeMap<String, KeyPosition>);

/// Line and column (1-based) of a key and of its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KeyPosition {
    key: (usize, usize),
    value: (usize, usize),
}

impl Positions {
    /// Every key of `text` (which must parse as TOML), tables included.
    fn of(text: &str) -> Positions {
        let mut positions = Positions::default();
        if let Ok(table) = toml::de::DeTable::parse(text) {
            positions.add(text, "", table.get_ref());
        }
        positions
    }

    fn add(&mut self, text: &str, prefix: &str, table: &toml::de::DeTable<'_>) {
        for (key, value) in table {
            let path = if prefix.is_empty() {
                key.get_ref().to_string()
            } else {
                format!("{prefix}.{}", key.get_ref())
            };
            let at = KeyPosition {
                key: line_col(text, key.span().start),
                value: line_col(text, value.span().start),
            };
            if let toml::de::DeValue::Table(inner) = value.get_ref() {
                self.add(text, &path, inner);
            }
            self.0.insert(path, at);
        }
    }
}

/// At most this many of book.toml's keys are reported at once.
const MAX_PROBLEMS: usize = 50;

/// `text` (TOML) with the entry at byte `at` blanked out: the key and its
/// value, or a table's header and every entry under it, each byte but line
/// breaks made a space, so that what stays is where it was (its problems are
/// located in the text as written). None if `text` is not TOML, or nothing
/// is at `at`.
fn without_entry_at(text: &str, at: usize) -> Option<String> {
    use toml::de::{DeTable, DeValue};
    /// The spans to blank for the innermost entry of `table` at `at`.
    fn find(table: &DeTable<'_>, at: usize) -> Option<Vec<std::ops::Range<usize>>> {
        for (key, value) in table {
            if let DeValue::Table(inner) = value.get_ref()
                && let Some(found) = find(inner, at)
            {
                return Some(found);
            }
            let (k, v) = (key.span(), value.span());
            if !(k.contains(&at) || v.contains(&at)) {
                continue;
            }
            return Some(match value.get_ref() {
                // A `[table]`: its header (which is the value's span, before
                // the key's) and the entries under it.
                DeValue::Table(inner) if v.start < k.start => {
                    let mut spans = vec![v];
                    entries(inner, &mut spans);
                    spans
                }
                _ => std::iter::once(k.start..v.end).collect(),
            });
        }
        None
    }
    fn entries(table: &DeTable<'_>, spans: &mut Vec<std::ops::Range<usize>>) {
        for (key, value) in table {
            match value.get_ref() {
                DeValue::Table(inner) if value.span().start < key.span().start => {
                    spans.push(value.span());
                    entries(inner, spans);
                }
                _ => spans.push(key.span().start..value.span().end),
            }
        }
    }
    let table = DeTable::parse(text).ok()?;
    let spans = find(table.get_ref(), at)?;
    let mut bytes = text.as_bytes().to_vec();
    for span in spans {
        for b in bytes.get_mut(span)?.iter_mut() {
            if !matches!(*b, b'\n' | b'\r') {
                *b = b' ';
            }
        }
    }
    let rest = String::from_utf8(bytes).ok()?;
    // A dotted key (`build.thme = …`) or an inline table's first entry
    // blanked leaves what is not TOML (`build.`, `{ , …}`): stop there rather
    // than report a syntax error the file does not have.
    DeTable::parse(&rest).is_ok().then_some(rest)
}

/// A program with many members (`data/people/<id>/`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct CohortConfig {
    /// Name members in the cohort index and report. Off by default: the report
    /// is aggregate only.
    pub show_names: bool,
    /// Where the members' workbooks and the cohort report go, from the
    /// project folder. By default `members`, beside the output folder. Never
    /// inside the output folder, which is for publishing.
    pub output: Option<PathBuf>,
    /// Also put the cohort report, counts only and never names, in the
    /// published site (`cohort.html`).
    pub publish_report: bool,
}

/// The pages the book is made of: the project's `content/`, on top of the
/// built-in guidance when `base` is on ([`crate::load::base`]).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct ContentConfig {
    /// Build on the guidance built into careerbook: `content/` overrides a
    /// built-in page by having a file at its path, and adds pages. Off unless
    /// book.toml says so (what `careerbook init` writes), so a project that
    /// owns all its pages keeps building exactly as it did.
    pub base: bool,
    /// Built-in pages (`sponsors/finding-sponsors.md`) or parts (`messages/`)
    /// to leave out.
    pub exclude: Vec<String>,
}

/// What a public build (`--public`) shows beyond the guidance and your
/// progress.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct PublicConfig {
    /// Your own profile (name, role, organisation, goals, ambitions) and your
    /// wins not marked private, never your email address: off by default.
    pub show_profile: bool,
}

/// An organization's look: shown on every page and in print.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct BrandingConfig {
    /// The organisation publishing the workbook.
    pub organisation: Option<String>,
    /// An image in the project (PNG, JPEG, SVG or WebP), copied to the site.
    pub logo: Option<PathBuf>,
    /// `#rgb` or `#rrggbb`: links, ticks and highlights.
    pub accent: Option<String>,
    /// `#rgb` or `#rrggbb`: the accent in dark mode (by default `accent`,
    /// lightened until it reads on the dark background).
    pub accent_dark: Option<String>,
    /// A line for the foot of every page.
    pub footer: Option<String>,
    /// Where readers can reach the organisation: an http(s) or mailto URL.
    pub contact: Option<String>,
}

impl BrandingConfig {
    /// The logo's address in the site (`assets/brand/logo.<ext>`).
    pub fn logo_url(&self) -> Option<String> {
        let ext = self
            .logo
            .as_ref()?
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        Some(format!("assets/brand/logo.{ext}"))
    }

    /// The accent on light pages and paper: `accent` as written, or, when text
    /// in it would fall below [`MIN_CONTRAST`](crate::colour::MIN_CONTRAST) on the default theme's light
    /// page or panels, the same hue darkened just enough (`#rrggbb`).
    pub fn accent_light(&self) -> Option<String> {
        let written = self.accent.as_deref()?;
        let rgb = parse_hex_colour(written)?;
        let readable = readable_on(rgb, &LIGHT_SURFACES, false);
        Some(if readable == rgb {
            written.to_string()
        } else {
            hex(readable)
        })
    }

    /// The accent in dark mode: `accent-dark`, or else `accent`, as written
    /// when text in it reaches [`MIN_CONTRAST`](crate::colour::MIN_CONTRAST) on the default theme's dark page
    /// and panels, otherwise the same hue lightened just enough (`#rrggbb`).
    pub fn accent_on_dark(&self) -> Option<String> {
        let written = self.accent_dark.as_deref().or(self.accent.as_deref())?;
        let rgb = parse_hex_colour(written)?;
        let readable = readable_on(rgb, &DARK_SURFACES, true);
        Some(if readable == rgb {
            written.to_string()
        } else {
            hex(readable)
        })
    }
}

/// The printed workbook (PDF and print page).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct PrintConfig {
    pub page_size: PageSize,
}

/// A4 for most of the world, Letter for North American offices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageSize {
    #[default]
    A4,
    Letter,
}

impl PageSize {
    /// The name Typst and CSS `@page` use.
    pub fn name(self) -> &'static str {
        match self {
            PageSize::A4 => "a4",
            PageSize::Letter => "us-letter",
        }
    }

    /// For CSS `@page { size: … }`.
    pub fn css(self) -> &'static str {
        match self {
            PageSize::A4 => "A4",
            PageSize::Letter => "letter",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BookConfig {
    pub title: String,
    pub authors: Vec<String>,
    pub description: Option<String>,
    /// A BCP 47 language tag, used for `<html lang>` and the PDF's metadata:
    /// the one-language shorthand for `languages`. Once book.toml is read it
    /// is the first of `languages` (the default language), and in a view of
    /// the project in another language ([`crate::load::Project::in_language`])
    /// that language.
    pub language: String,
    /// The book's languages, the default first: `["en-CA", "fr-CA"]`. The
    /// default language's site is at the output's root, each other's under
    /// its primary subtag (`fr/`).
    pub languages: Vec<String>,
}

/// The book's title and description, and the organization's name and footer
/// line, in a language other than the first.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BookTranslation {
    pub title: Option<String>,
    pub description: Option<String>,
    /// `[branding] organisation` in this language.
    pub organisation: Option<String>,
    /// `[branding] footer` in this language.
    pub footer: Option<String>,
}

impl Default for BookConfig {
    fn default() -> Self {
        BookConfig {
            title: "My career workbook".into(),
            authors: Vec::new(),
            description: None,
            language: "en-CA".into(),
            languages: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct BuildConfig {
    /// Output folder, relative to the project folder.
    pub output: PathBuf,
    /// Name of a folder under `themes/` whose files override the built-in theme.
    pub theme: String,
}

impl Default for BuildConfig {
    fn default() -> Self {
        BuildConfig {
            output: PathBuf::from("site"),
            theme: "default".into(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    pub html: HtmlConfig,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct HtmlConfig {
    /// The path the site is served under, e.g. `/guide/`. Pages link to each other
    /// relatively, so this matters only where an absolute path is unavoidable
    /// (the 404 page, which a server shows at any depth).
    pub base_url: String,
    /// Extra stylesheets from the project folder, linked after the theme's.
    pub additional_css: Vec<PathBuf>,
    /// The search box and its index (`search/`); on unless turned off.
    pub search: bool,
}

impl Default for HtmlConfig {
    fn default() -> Self {
        HtmlConfig {
            base_url: "/".into(),
            additional_css: Vec::new(),
            search: true,
        }
    }
}

impl Config {
    /// Line and column of `key` (a dotted path such as `branding.logo`) where
    /// book.toml sets it; `None` when book.toml does not (a default).
    pub fn position(&self, key: &str) -> Option<(usize, usize)> {
        self.positions.0.get(key).map(|p| p.key)
    }

    /// Line and column of the value of `key` (see [`Config::position`]).
    pub fn value_position(&self, key: &str) -> Option<(usize, usize)> {
        self.positions.0.get(key).map(|p| p.value)
    }

    /// The line of book.toml where `key` is set (0 when it is not: the position
    /// is unknown).
    pub fn line_of(&self, key: &str) -> usize {
        self.position(key).map_or(0, |(line, _)| line)
    }

    /// Read `book.toml` from `root`. A missing file gives the defaults: any folder with
    /// `content/` is a workbook.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        Config::load_from(root, false)
    }

    /// [`Config::load`], and look for the files book.toml names (the logo,
    /// additional stylesheets) in the project: for a build or a check, which
    /// report a missing one with book.toml's other problems rather than once
    /// they are fixed.
    pub fn load_with_files(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        Config::load_from(root, true)
    }

    fn load_from(root: &Path, with_files: bool) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join(FILE_NAME);
        let text = match crate::source::read_bytes(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    return Err(vec![crate::diagnostics::not_utf8(
                        FILE_NAME,
                        e.as_bytes(),
                        &e.utf8_error(),
                    )]);
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(vec![
                    Diagnostic::error("config", format!("cannot read book.toml: {e}"))
                        .in_file(FILE_NAME),
                ]);
            }
        };
        Config::read(&text, with_files.then_some(root))
    }

    /// Read book.toml's text. The files it names are not looked for: see
    /// [`Config::load_with_files`].
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::read(text, None)
    }

    /// Read book.toml's text, and look for the files it names in the project
    /// at `root`, if given.
    fn read(text: &str, root: Option<&Path>) -> Result<Config, Vec<Diagnostic>> {
        let text = crate::source::strip_bom(text);
        // Every key the settings do not take, or whose value is of the wrong
        // kind, is reported at once: each is blanked out in turn and the rest
        // read again. (Broken TOML syntax stops it: what follows is unknown.)
        let mut problems = Vec::new();
        let mut reading = text.to_string();
        let config: Option<Config> = loop {
            match toml::from_str(&reading) {
                Ok(config) => break Some(config),
                Err(e) => {
                    let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((0, 0));
                    let message = e.message().to_string();
                    problems.push(
                        Diagnostic::error("config", message.clone())
                            .in_file(FILE_NAME)
                            .at(line, col)
                            .help_opt(did_you_mean_from_serde(&message).or_else(|| {
                                message.starts_with("invalid").then(|| {
                                    "check the value against the book.toml reference in the README"
                                        .to_string()
                                })
                            })),
                    );
                    match e
                        .span()
                        .and_then(|span| without_entry_at(&reading, span.start))
                    {
                        Some(rest) if rest != reading && problems.len() < MAX_PROBLEMS => {
                            reading = rest;
                        }
                        _ => break None,
                    }
                }
            }
        };
        let Some(config) = config else {
            return Err(problems);
        };
        let config = Config {
            positions: Positions::of(text),
            ..config
        };
        problems.extend(config.validate());
        if let Some(root) = root {
            problems.extend(config.file_problems(root));
        }
        if problems.is_empty() {
            Ok(config.normalised())
        } else {
            Err(problems)
        }
    }

    /// The problems of the files book.toml names (the logo, additional
    /// stylesheets) in the project at `root`: missing, not a regular file
    /// (never opened), a link out of the project (never read), or a logo that
    /// is not the image its name says. A path [`Config::validate`] refuses
    /// is not looked for.
    fn file_problems(&self, root: &Path) -> Vec<Diagnostic> {
        let logo = self
            .branding
            .logo
            .iter()
            .filter(|logo| is_image(logo))
            .map(|logo| ("branding.logo", "the logo", logo, "[branding] logo"));
        let css = self.output.html.additional_css.iter().map(|css| {
            let table = "[output.html] additional-css";
            ("output.html.additional-css", "the stylesheet", css, table)
        });
        logo.chain(css)
            .filter(|(_, _, path, _)| is_inside(path))
            .filter_map(|(key, what, path, table)| {
                let fix = format!("fix the path in {table}; it is relative to the project folder");
                // A symbolic link out of the project is never read (nor
                // published: the build refuses it the same way).
                let found = crate::source::regular_file(&root.join(path))
                    .and_then(|_| crate::source::inside(root, path));
                let (message, help) = match found {
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => (
                        format!("cannot find {what} `{}`", path.display()),
                        format!(
                            "put the file at `{}` in the project folder, or fix the path in {table}",
                            path.display()
                        ),
                    ),
                    Err(e) => (format!("cannot read {what} `{}`: {e}", path.display()), fix),
                    Ok(()) if key == "branding.logo" => not_its_format(root, path)?,
                    Ok(()) => return None,
                };
                let (l, c) = self.value_position(key).unwrap_or((0, 0));
                Some(
                    Diagnostic::error("config", message)
                        .in_file(FILE_NAME)
                        .at(l, c)
                        .help(help),
                )
            })
            .collect()
    }

    fn validate(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        // At the value, which is what is wrong.
        let mut bad = |key: &str, message: String, help: &str| {
            let (l, c) = self.value_position(key).unwrap_or((0, 0));
            problems.push(
                Diagnostic::error("config", message)
                    .in_file(FILE_NAME)
                    .at(l, c)
                    .help(help),
            );
        };
        if !is_language_tag(&self.book.language) {
            bad(
                "book.language",
                format!("`{}` is not a language tag", self.book.language),
                "use a BCP 47 tag such as `en-CA`, `fr-CA` or `en`",
            );
        }
        if self.position("book.language").is_some() && self.position("book.languages").is_some() {
            bad(
                "book.languages",
                "book.toml sets both `language` and `languages`".into(),
                "keep `languages` (the first is the default) and remove `language`, its one-language shorthand",
            );
        }
        if self.position("book.languages").is_some() && self.book.languages.is_empty() {
            bad(
                "book.languages",
                "`languages` is empty".into(),
                "list at least one language, the default first: `languages = [\"en-CA\", \"fr-CA\"]`",
            );
        }
        let mut primaries: Vec<&str> = Vec::new();
        for tag in &self.book.languages {
            if !is_language_tag(tag) {
                bad(
                    "book.languages",
                    format!("`{tag}` is not a language tag"),
                    "use BCP 47 tags such as `en-CA` and `fr-CA`",
                );
                continue;
            }
            let primary = primary_subtag(tag);
            if primaries.contains(&primary) {
                bad(
                    "book.languages",
                    format!("two languages share the primary subtag `{primary}`"),
                    "a language's pages are `<name>.<primary>.md` and its site `site/<primary>/`, so list one language per primary subtag",
                );
            }
            primaries.push(primary);
        }
        for tag in self.translation.keys() {
            if !self.languages().iter().any(|l| l == tag) {
                let key = format!("translation.{tag}");
                bad(
                    &key,
                    format!("[translation.{tag}] is for a language the book does not list"),
                    "add it to `languages` in [book], or remove this table",
                );
            }
        }
        if self.book.title.trim().is_empty() {
            bad(
                "book.title",
                "the book title is empty".into(),
                "give the workbook a title",
            );
        }
        let base = &self.output.html.base_url;
        if !base.starts_with('/')
            || base.contains("//")
            || base.contains(['?', '#', '"', '<', '>', '\\'])
            || base.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            bad(
                "output.html.base-url",
                format!("`{base}` is not a path the site can live under"),
                "write an absolute path such as `/` or `/guide/`",
            );
        }
        if self.build.theme.is_empty() || !self.build.theme.chars().all(is_name_char) {
            bad(
                "build.theme",
                format!("`{}` is not a theme folder name", self.build.theme),
                "use the name of a folder under themes/, e.g. `default`",
            );
        }
        let b = &self.branding;
        if let Some(accent) = &b.accent
            && !is_hex_colour(accent)
        {
            bad(
                "branding.accent",
                format!("`{accent}` is not a colour careerbook can use"),
                "write a hex colour such as `#0b6e69` or `#c30`",
            );
        }
        if let Some(accent) = &b.accent_dark
            && !is_hex_colour(accent)
        {
            bad(
                "branding.accent-dark",
                format!("`{accent}` is not a colour careerbook can use"),
                "write a hex colour such as `#5fc4bd` or `#e96`",
            );
        }
        if let Some(contact) = &b.contact {
            let lower = contact.to_ascii_lowercase();
            if !(lower.starts_with("https://")
                || lower.starts_with("http://")
                || lower.starts_with("mailto:"))
                || contact
                    .chars()
                    .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
            {
                bad(
                    "branding.contact",
                    format!("`{contact}` is not an http(s) or mailto link"),
                    "write a link such as `https://example.org/mentoring` or `mailto:mentoring@example.org`",
                );
            }
        }
        if let Some(logo) = &b.logo {
            if !is_image(logo) {
                bad(
                    "branding.logo",
                    format!("`{}` is not an image careerbook can show", logo.display()),
                    "use a PNG, JPEG, SVG or WebP file from the project",
                );
            } else if !is_inside(logo) {
                bad(
                    "branding.logo",
                    format!("`{}` is outside the project folder", logo.display()),
                    "put the logo in the project, e.g. `brand/logo.svg`",
                );
            }
        }
        for css in &self.output.html.additional_css {
            if !is_inside(css) {
                bad(
                    "output.html.additional-css",
                    format!("`{}` is outside the project folder", css.display()),
                    "list stylesheets by their path inside the project, e.g. `custom.css`",
                );
            }
        }
        problems
    }

    /// The book's languages, the default first (at least one).
    pub fn languages(&self) -> Vec<String> {
        if self.book.languages.is_empty() {
            vec![self.book.language.clone()]
        } else {
            self.book.languages.clone()
        }
    }

    /// The book's title in the language of this view of the project
    /// (`[translation.<tag>] title`, or `[book] title`).
    pub fn title(&self) -> &str {
        self.translated(|t| t.title.as_deref())
            .unwrap_or(&self.book.title)
    }

    /// The book's description in the language of this view (see [`Config::title`]).
    pub fn description(&self) -> Option<&str> {
        self.translated(|t| t.description.as_deref())
            .or(self.book.description.as_deref())
    }

    /// `[branding] organisation` in the language of this view (see
    /// [`Config::title`]).
    pub fn organisation(&self) -> Option<&str> {
        self.translated(|t| t.organisation.as_deref())
            .or(self.branding.organisation.as_deref())
    }

    /// `[branding] footer` in the language of this view (see [`Config::title`]).
    pub fn footer(&self) -> Option<&str> {
        self.translated(|t| t.footer.as_deref())
            .or(self.branding.footer.as_deref())
    }

    /// What `[translation.<tag>]` says for the language of this view.
    fn translated<'c>(
        &'c self,
        field: impl Fn(&'c BookTranslation) -> Option<&'c str>,
    ) -> Option<&'c str> {
        self.translation.get(&self.book.language).and_then(field)
    }

    /// Where the site in `tag` goes, from the output folder (and where a
    /// cohort's report in it goes, from the members' tree): `""` for the
    /// default language, its primary subtag for another (`fr/`).
    pub fn folder_of(&self, tag: &str) -> String {
        if tag == self.default_language() {
            String::new()
        } else {
            format!("{}/", primary_subtag(tag))
        }
    }

    /// The default language: the first of `languages`.
    pub fn default_language(&self) -> String {
        self.languages().swap_remove(0)
    }

    fn normalised(mut self) -> Config {
        self.book.languages = self.languages();
        self.book.language = self.book.languages[0].clone();
        if !self.output.html.base_url.ends_with('/') {
            self.output.html.base_url.push('/');
        }
        self
    }
}

/// `#rgb` or `#rrggbb`: safe to put in CSS as it is.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// `fr` of `fr-CA`: the suffix of a page's translation (`name.fr.md`) and the
/// folder of its site (`fr/`).
pub fn primary_subtag(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// The one of `languages` that `tag` most likely means, for a "did you mean":
/// the same tag in another case (`fr-ca`), or else the one of the same
/// language (`fr`, `fr-FR` → `fr-CA`). `None` when no language of the book
/// is close.
pub fn language_like<'a>(languages: &'a [String], tag: &str) -> Option<&'a str> {
    let tag = tag.trim();
    languages
        .iter()
        .find(|l| l.eq_ignore_ascii_case(tag))
        .or_else(|| {
            languages
                .iter()
                .find(|l| primary_subtag(l).eq_ignore_ascii_case(primary_subtag(tag)))
        })
        .map(String::as_str)
}

/// A syntactic check of a BCP 47 tag: a 2–3 letter language, then subtags of 1–8
/// letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether a logo's file is an image careerbook can show, by its extension.
fn is_image(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "png" | "jpg" | "jpeg" | "svg" | "webp"
        )
    })
}

/// What is wrong with a logo whose bytes are not the image its name says
/// (an SVG saved as `logo.png`), which the site would show as a broken image
/// and the PDF could not typeset: the message and the help. `logo` is the
/// path as book.toml writes it, in the project folder at `root`. Reads the
/// file's first bytes.
fn not_its_format(root: &Path, logo: &Path) -> Option<(String, String)> {
    use std::io::Read;
    let ext = logo.extension()?.to_str()?.to_ascii_lowercase();
    let mut head = Vec::with_capacity(512);
    let read =
        std::fs::File::open(root.join(logo)).and_then(|f| f.take(512).read_to_end(&mut head));
    if let Err(e) = read {
        return Some((
            format!("cannot read the logo `{}`: {e}", logo.display()),
            "fix the path in [branding] logo; it is relative to the project folder".into(),
        ));
    }
    let is = |format: &str| match format {
        "png" => head.starts_with(b"\x89PNG\r\n\x1a\n"),
        "jpg" | "jpeg" => head.starts_with(b"\xFF\xD8\xFF"),
        "webp" => head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP"),
        _ => String::from_utf8_lossy(&head).contains("<svg"),
    };
    if is(&ext) {
        return if ext == "svg" {
            not_well_formed(root, logo)
        } else {
            None
        };
    }
    // With its article: "an SVG image", "a PNG image".
    let name = |format: &str| match format {
        "jpg" | "jpeg" => "a JPEG",
        "webp" => "a WebP",
        "svg" => "an SVG",
        _ => "a PNG",
    };
    let help = match ["png", "jpg", "webp", "svg"].into_iter().find(|f| is(f)) {
        Some(f) => format!(
            "it is {} image: give the file the `.{f}` extension, here and in [branding] logo",
            name(f)
        ),
        None => "save the logo as a PNG, JPEG, SVG or WebP image".to_string(),
    };
    Some((
        format!("the logo `{}` is not {} image", logo.display(), name(&ext)),
        help,
    ))
}

/// The problem of an SVG logo that is not well-formed XML (a file cut short,
/// say): the site would show a broken image and the PDF would refuse it.
/// The file is read whole here, up to [`SVG_LOGO_MAX`].
fn not_well_formed(root: &Path, logo: &Path) -> Option<(String, String)> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let read = std::fs::File::open(root.join(logo))
        .and_then(|f| f.take(SVG_LOGO_MAX + 1).read_to_end(&mut bytes));
    if read.is_err() || bytes.len() as u64 > SVG_LOGO_MAX {
        // Read errors were reported by the first look; a logo this large is
        // left to the PDF's reader.
        return None;
    }
    let text = String::from_utf8_lossy(&bytes);
    // A DOCTYPE is allowed, as the PDF's SVG reader allows it: drawing
    // programs write one.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let problem = match roxmltree::Document::parse_with_options(&text, options) {
        Ok(doc) if doc.root_element().tag_name().name() == "svg" => return None,
        Ok(doc) => format!(
            "its root element is `{}`, not `svg`",
            doc.root_element().tag_name().name()
        ),
        Err(e) => e.to_string(),
    };
    Some((
        format!("the logo `{}` is not a well-formed SVG image: {problem}", logo.display()),
        "save the logo again from the program that made it, or fix the file where the reader stopped"
            .to_string(),
    ))
}

/// Larger SVG logos are not read when book.toml is checked.
const SVG_LOGO_MAX: u64 = 4 * 1024 * 1024;

/// Whether a path book.toml names stays inside the project folder, as
/// written (where a symbolic link leads is [`crate::source::inside`]'s).
fn is_inside(path: &Path) -> bool {
    !path.is_absolute()
        && !path
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_like_the_one_written() {
        let languages = ["en-CA".to_string(), "fr-CA".to_string()];
        for tag in ["fr", "FR", "fr-ca", "fr-FR", " fr "] {
            assert_eq!(language_like(&languages, tag), Some("fr-CA"), "{tag}");
        }
        assert_eq!(language_like(&languages, "en"), Some("en-CA"));
        assert_eq!(language_like(&languages, "es"), None);
        assert_eq!(language_like(&languages, ""), None);
    }

    #[test]
    fn empty_file_gives_defaults() {
        let c = Config::parse("").unwrap();
        assert_eq!(c.book.language, "en-CA");
        assert_eq!(c.build.output, PathBuf::from("site"));
        assert_eq!(c.output.html.base_url, "/");
    }

    #[test]
    fn unknown_key_is_located_with_a_hint() {
        let err = Config::parse("[book]\ntitle = \"x\"\ntitel = \"y\"\n").unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!((err[0].line, err[0].column), (3, 1));
        assert!(err[0].message.contains("titel"), "{}", err[0].message);
        assert_eq!(err[0].help.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn every_unknown_key_and_wrong_value_is_reported_at_once() {
        let text = "[book]\ntitel = \"x\"\nauthors = \"me\"\n\n[brandng]\nlogo = \"a.png\"\nname = \"Org\"\n\n\
                    [print]\npage-size = \"legal\"\n\n[branding]\naccent = \"blue\"\n\n\
                    [public]\nshow-profil = true\n";
        let err = Config::parse(text).unwrap_err();
        let mut found: Vec<(usize, usize, &str)> = err
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
        found.sort();
        let at: Vec<(usize, usize)> = found.iter().map(|(l, c, _)| (*l, *c)).collect();
        // The key, the wrong value, the unknown table (its name), the wrong
        // variant, the colour (book.toml's own check, on what is left), and
        // the last key.
        assert_eq!(
            at,
            [(2, 1), (3, 11), (5, 2), (10, 13), (13, 10), (16, 1)],
            "{found:#?}"
        );
        assert!(found[0].2.contains("`titel`"));
        assert!(found[2].2.contains("`brandng`"));
        assert!(found[5].2.contains("`show-profil`"));
        // A dotted key or an inline table's entry that cannot be blanked out
        // alone: its problem, and no syntax error the file does not have.
        for text in [
            "build.thme = \"x\"\nbranding.accent = \"blue\"\n",
            "branding = { logo = \"a.png\", nme = \"x\" }\n",
        ] {
            let err = Config::parse(text).unwrap_err();
            assert!(
                err.iter()
                    .all(|d| !d.message.contains("expected")
                        || d.message.starts_with("unknown field")),
                "{err:#?}"
            );
            assert!(err[0].message.starts_with("unknown field"), "{err:#?}");
        }
        // Broken TOML stops it: what follows cannot be read.
        let err =
            Config::parse("[book]\ntitel = \"x\"\ntitle = \"y\n[public]\nx = 1\n").unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
    }

    #[test]
    fn the_entry_at_a_problem_is_blanked_where_it_stands() {
        let text = "[book]\ntitel = \"é\"\n[brandng]\nlogo = [\n  1,\n]\n[print]\n";
        let at = text.find("titel").unwrap();
        let blanked = without_entry_at(text, at).unwrap();
        assert_eq!(blanked.len(), text.len());
        assert_eq!(
            blanked.lines().nth(1),
            Some(" ".repeat("titel = \"é\"".len()).as_str())
        );
        let at = text.find("brandng").unwrap();
        let blanked = without_entry_at(text, at).unwrap();
        assert_eq!(
            blanked
                .lines()
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>(),
            ["[book]", "titel = \"é\"", "[print]"]
        );
    }

    #[test]
    fn wrong_type_is_located() {
        let err = Config::parse("[book]\nauthors = \"me\"\n").unwrap_err();
        assert_eq!(err[0].line, 2);
    }

    #[test]
    fn bad_values_are_all_reported() {
        let err = Config::parse(
            "[book]\nlanguage = \"english please\"\n[output.html]\nbase-url = \"guide\"\n",
        )
        .unwrap_err();
        assert_eq!(err.len(), 2, "{err:?}");
        assert_eq!(err[0].line, 2);
        assert_eq!(err[1].line, 4);
    }

    #[test]
    fn branding_is_validated() {
        let c = Config::parse("[branding]\norganisation = \"Org\"\naccent = \"#c30\"\ncontact = \"mailto:a@example.org\"\nlogo = \"brand/logo.svg\"\n").unwrap();
        assert_eq!(
            c.branding.logo_url().as_deref(),
            Some("assets/brand/logo.svg")
        );
        let err = Config::parse("[branding]\naccent = \"red; } body { display: none\"\ncontact = \"javascript:alert(1)\"\nlogo = \"../secret.png\"\n").unwrap_err();
        assert_eq!(err.len(), 3, "{err:?}");
        assert_eq!((err[0].line, err[1].line, err[2].line), (2, 3, 4));
    }

    #[test]
    fn keys_are_located_where_the_parser_read_them_never_in_comments() {
        // The words `logo` and `language` appear first in a comment and in a
        // value: the diagnostics point at the keys' values.
        let text = "# logo = \"old.gif\", our old logo\n[book]\ndescription = \"the language of mentors\"\nlanguage = \"english please\"\n\n[branding]\nlogo = \"brand/logo.gif\"\n";
        let err = Config::parse(text).unwrap_err();
        let at: Vec<_> = err.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(4, 12), (7, 8)], "{err:?}");
        // Dotted keys and inline tables too.
        let c = Config::parse(
            "branding = { organisation = \"O\", logo = \"b.svg\" }\nbuild.theme = \"x\"\n",
        )
        .unwrap();
        assert_eq!(c.position("branding.logo"), Some((1, 34)));
        assert_eq!(c.position("build.theme"), Some((2, 7)));
        assert_eq!(c.value_position("build.theme"), Some((2, 15)));
        assert_eq!(c.line_of("branding"), 1);
        // Not set: no position.
        assert_eq!(c.position("branding.accent"), None);
        assert_eq!(c.line_of("branding.accent"), 0);
        assert_eq!(Config::default().line_of("build.theme"), 0);
    }

    #[test]
    fn accent_dark_is_validated_where_it_is_written() {
        let err = Config::parse("[branding]\naccent = \"#a0522d\"\naccent-dark = \"lighter\"\n")
            .unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].location(), "book.toml:3:15");
        assert!(err[0].message.contains("`lighter`"), "{err:?}");
    }

    #[test]
    fn page_size() {
        let c = Config::parse("[print]\npage-size = \"letter\"\n").unwrap();
        assert_eq!(c.print.page_size, PageSize::Letter);
        let err = Config::parse("[print]\npage-size = \"legal\"\n").unwrap_err();
        assert_eq!(err[0].line, 2);
    }

    #[test]
    fn base_url_gets_a_trailing_slash() {
        let c = Config::parse("[output.html]\nbase-url = \"/guide\"\n").unwrap();
        assert_eq!(c.output.html.base_url, "/guide/");
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("en-CA"));
        assert!(is_language_tag("fr"));
        assert!(is_language_tag("zh-Hant-TW"));
        assert!(!is_language_tag("english"));
        assert!(!is_language_tag("en_CA"));
        assert!(!is_language_tag(""));
    }
}
