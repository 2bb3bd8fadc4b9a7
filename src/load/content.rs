//! `content/`: Markdown pages with YAML front matter. Sub-folders are parts of the
//! book; a folder's `index.md` introduces the part. Other files are copied as they are.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;
use walkdir::WalkDir;

use super::base::Base;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Channel, Role, Stage};
use crate::source::{self, read_text};
use crate::yaml;

pub const DIR: &str = "content";

/// What a page may say about itself between `---` lines.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    /// Position among its siblings; pages without one follow, by file name.
    pub order: Option<i64>,
    pub description: Option<String>,
    /// `false` turns off template rendering of the body (for pages that show
    /// template syntax, or message templates with `{placeholders}`).
    pub template: Option<bool>,
    /// Present on message templates (`content/messages/*.md`).
    pub message: Option<MessageMeta>,
    /// Ticks of this page's checklist items fall due again after this many
    /// days (a review checklist): 1 to 3660.
    pub review_days: Option<Spanned<u32>>,
    /// Retired checklist ids → the id of an item of this page that replaced
    /// them: ticks under the old id count for the new one.
    pub aliases: Option<BTreeMap<String, Spanned<String>>>,
    /// On a page copied from the built-in guidance by `careerbook eject`: the
    /// fingerprint of the built-in page it was copied from, so `check` can
    /// say when a newer edition of it came with careerbook.
    pub based_on: Option<Spanned<String>>,
}

impl FrontMatter {
    /// In place of a front matter that could not be read: the page is not a
    /// template, since whether it asked to be is unknown.
    fn unread() -> FrontMatter {
        FrontMatter {
            template: Some(false),
            ..FrontMatter::default()
        }
    }
}

/// The longest review period: ten years, like a person's check-in rhythm.
pub const MAX_REVIEW_DAYS: u32 = 3660;

/// The line and column (1-based) in the page's file of a value of its front
/// matter, which starts on line 2.
pub fn front_position<T>(value: &Spanned<T>) -> (usize, usize) {
    let at = &value.referenced;
    (at.line() as usize + 1, at.column() as usize)
}

/// Who a message template suits and what it needs filled in.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageMeta {
    pub channel: Channel,
    pub role: Role,
    #[serde(default)]
    pub stages: Vec<Stage>,
    pub subject: Option<String>,
    #[serde(default)]
    pub placeholders: Vec<String>,
}

/// A Markdown source file.
#[derive(Debug, Clone)]
pub struct SourcePage {
    /// Relative to the project folder, e.g. `content/mentors/finding-mentors.md`.
    pub file: PathBuf,
    /// Relative to `content/`, with `/` separators, e.g. `mentors/finding-mentors.md`.
    pub rel: String,
    pub front: FrontMatter,
    pub body: String,
    /// The line of the file on which `body` starts.
    pub body_line: usize,
    /// In a view of the book in another language, a page that has no
    /// translation into it: it is shown in the default language, with a note.
    pub untranslated: bool,
}

/// A file copied to the site as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    pub rel: String,
    pub source: PathBuf,
}

#[derive(Debug, Default)]
pub struct Content {
    pub pages: Vec<SourcePage>,
    pub assets: Vec<Asset>,
    /// Part folders (relative to content/, `/` separators), including empty ones.
    pub folders: BTreeMap<String, ()>,
    /// Built-in pages that `[content] exclude` leaves out (relative to content/).
    pub excluded: std::collections::BTreeSet<String>,
    /// The checklist items on those pages: a tick of one in progress.yaml is
    /// kept, not reported as an id the book does not know.
    pub excluded_tasks: std::collections::BTreeSet<String>,
    /// The pages in each other language of the book, by primary subtag
    /// (`fr`), each under the path of the page it translates (`name.fr.md`
    /// is here as `name.md`).
    pub translations: BTreeMap<String, Vec<SourcePage>>,
}

impl Content {
    /// A page's Markdown, parsed to convert, with its links to the pages
    /// `[content] exclude` leaves out made plain text.
    pub fn parse<'t>(&self, text: &'t str, key: &str, dir: &str) -> crate::markdown::Document<'t> {
        let mut doc = crate::markdown::parse(text, key, dir);
        if !self.excluded.is_empty() {
            doc.unlink(|target| self.excluded.contains(target));
        }
        doc
    }

    /// The default language's book: the pages without their translations.
    pub fn without_translations(&self) -> Content {
        Content {
            pages: self.pages.clone(),
            assets: self.assets.clone(),
            folders: self.folders.clone(),
            excluded: self.excluded.clone(),
            excluded_tasks: self.excluded_tasks.clone(),
            translations: BTreeMap::new(),
        }
    }

    /// The book's pages in `primary` (`fr`): each page's translation, or the
    /// page itself marked [`SourcePage::untranslated`], and the pages only
    /// that language has, in the walk's order.
    pub fn in_language(&self, primary: &str) -> Content {
        let empty = Vec::new();
        let translated = self.translations.get(primary).unwrap_or(&empty);
        let by_rel: BTreeMap<&str, &SourcePage> =
            translated.iter().map(|p| (p.rel.as_str(), p)).collect();
        let mut pages: Vec<SourcePage> = self
            .pages
            .iter()
            .map(|page| match by_rel.get(page.rel.as_str()) {
                Some(t) => (*t).clone(),
                None => SourcePage {
                    untranslated: true,
                    ..page.clone()
                },
            })
            .collect();
        let own: std::collections::HashSet<&str> =
            self.pages.iter().map(|p| p.rel.as_str()).collect();
        pages.extend(
            translated
                .iter()
                .filter(|p| !own.contains(p.rel.as_str()))
                .cloned(),
        );
        pages.sort_by(|a, b| a.rel.split('/').cmp(b.rel.split('/')));
        Content {
            pages,
            assets: self.assets.clone(),
            folders: self.folders.clone(),
            excluded: self.excluded.clone(),
            excluded_tasks: self.excluded_tasks.clone(),
            translations: BTreeMap::new(),
        }
    }
}

/// The built-in guidance a project builds on (`[content] base = true`), and
/// what it leaves out of it.
#[derive(Debug, Clone, Copy)]
pub struct Layers<'a> {
    pub base: &'a Base,
    /// `[content] exclude`: built-in pages or parts to leave out.
    pub exclude: &'a [String],
    /// Where `exclude` is written in book.toml, for diagnostics.
    pub exclude_at: (usize, usize),
}

/// Walk `content/` in a stable order and read every page; with `layers`, on
/// top of the built-in guidance (see [`super::base`]).
pub fn load(
    root: &Path,
    layers: Option<Layers<'_>>,
    languages: &[String],
    diags: &mut Diagnostics,
) -> Content {
    let mut content = load_own(root, layers.is_none(), diags);
    if let Some(layers) = layers {
        add_base(&mut content, layers, languages, diags);
    }
    split_languages(&mut content, languages, layers.map(|l| l.base), diags);
    content
}

/// Move each page written in another language of the book (`name.fr.md`) to
/// [`Content::translations`], and warn about each of the project's pages
/// that one of the book's languages lacks. A page in a language the book does
/// not list is an error in the project, and left out of the built-in
/// guidance (`base`).
fn split_languages(
    content: &mut Content,
    languages: &[String],
    base: Option<&Base>,
    diags: &mut Diagnostics,
) {
    let default = languages
        .first()
        .map_or("en", |l| crate::config::primary_subtag(l));
    let others: Vec<&str> = languages
        .iter()
        .skip(1)
        .map(|l| crate::config::primary_subtag(l))
        .collect();
    let pages = std::mem::take(&mut content.pages);
    // Most pages stay: room for them at once (a 10,000-page book's list is
    // megabytes, and growing it by doubling leaves a third of it unused).
    content.pages.reserve_exact(pages.len());
    let mut unlisted: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for page in pages {
        let Some((stem, primary)) = language_suffix(&page.rel)
            .map(|(stem, primary)| (stem.to_string(), primary.to_string()))
        else {
            content.pages.push(with_typography(default, page));
            continue;
        };
        let (stem, primary) = (stem.as_str(), primary.as_str());
        let page = with_typography(primary, page);
        let stem_rel = format!("{stem}.md");
        if others.contains(&primary) {
            content
                .translations
                .entry(primary.to_string())
                .or_default()
                .push(SourcePage {
                    rel: stem_rel,
                    ..page
                });
        } else if super::base::is_built_in(&page.file) {
            // The built-in guidance speaks languages this book may not.
        } else if primary.len() == 3 && primary != default {
            // `faq.new.md`: three letters are more often a word than a language.
            content.pages.push(page);
        } else if primary == default {
            diags.push(
                Diagnostic::error(
                    "content",
                    format!("`.{primary}.md` is the default language's page, which has no suffix"),
                )
                .in_file(&page.file)
                .help(format!(
                    "rename it to `{}`",
                    stem_rel.rsplit('/').next().unwrap_or(&stem_rel)
                )),
            );
        } else {
            unlisted
                .entry(primary.to_string())
                .or_default()
                .push(page.file);
        }
    }
    // Pages written ahead of their language (or copied from a book that has
    // it) are left out, with one warning per language.
    for (primary, files) in unlisted {
        let others = files.len() - 1;
        diags.push(
            Diagnostic::warning(
                "translation",
                if others == 0 {
                    format!("this page is in `{primary}`, a language book.toml does not list: it is left out")
                } else {
                    format!(
                        "this page and {others} other{} are in `{primary}`, a language book.toml does not list: they are left out",
                        if others == 1 { "" } else { "s" }
                    )
                },
            )
            .in_file(&files[0])
            .help(format!(
                "add the language to [book] languages (such as `languages = [\"{}\", \"{primary}-CA\"]`) to build them, or rename the files if `.{primary}` is not a language",
                languages.first().map_or("en-CA", String::as_str)
            )),
        );
    }
    for (primary, translated) in &content.translations {
        let have: std::collections::HashSet<&str> =
            translated.iter().map(|p| p.rel.as_str()).collect();
        for page in content
            .pages
            .iter()
            .filter(|p| !have.contains(p.rel.as_str()))
        {
            // The built-in guidance is not the project's to translate, and
            // a project page that replaces a built-in one has a warning of
            // its own when it lacks a language (`other_languages`).
            if super::base::is_built_in(&page.file)
                || base.is_some_and(|b| b.get(&page.rel).is_some())
            {
                continue;
            }
            diags.push(
                Diagnostic::warning(
                    "translation",
                    format!("this page has no `{primary}` translation"),
                )
                .in_file(&page.file)
                .help(format!(
                    "readers of the `{primary}` site get this page as it is, with a note that it is not translated yet; add `{}` beside it",
                    page.rel.rsplit('/').next().unwrap_or(&page.rel).replace(".md", &format!(".{primary}.md"))
                )),
            );
        }
    }
}

/// A page with its language's typography ([`crate::language::typography`]):
/// done once here, so the site, the PDF and the search index all have it.
fn with_typography(primary: &str, mut page: SourcePage) -> SourcePage {
    use crate::language::typography;
    if let std::borrow::Cow::Owned(body) = typography::apply_markdown(primary, &page.body) {
        page.body = body;
    }
    let subject = page.front.message.as_mut().and_then(|m| m.subject.as_mut());
    for text in [
        page.front.title.as_mut(),
        page.front.description.as_mut(),
        subject,
    ]
    .into_iter()
    .flatten()
    {
        if let std::borrow::Cow::Owned(fixed) = typography::apply(primary, text) {
            *text = fixed;
        }
    }
    page
}

/// `guide/page.fr.md` → (`guide/page`, `fr`); `None` for a page with no
/// language suffix.
pub(crate) fn language_suffix(rel: &str) -> Option<(&str, &str)> {
    let stem = rel.strip_suffix(".md")?;
    let (name, lang) = stem.rsplit_once('.')?;
    let is_code = (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_lowercase());
    (is_code && !name.ends_with('/') && !name.is_empty()).then_some((name, lang))
}

/// The built-in pages under the project's: a project page at the same path
/// replaces one, `exclude` leaves some out, and the pages stay in path order
/// (the walk's), which the book's order starts from.
fn add_base(
    content: &mut Content,
    layers: Layers<'_>,
    languages: &[String],
    diags: &mut Diagnostics,
) {
    let mut excluded: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for pattern in layers.exclude {
        let matched = layers.base.excluded_by(pattern);
        if matched.is_empty() {
            let help = match layers.base.closest(pattern) {
                Some(best) => format!("did you mean `{best}`? `careerbook eject --list` lists the built-in pages"),
                None => "name a built-in page (`sponsors/finding-sponsors.md`) or part (`messages/`); `careerbook eject --list` lists them".to_string(),
            };
            diags.push(
                Diagnostic::error(
                    "config",
                    format!("[content] exclude: `{pattern}` is not a built-in page or part"),
                )
                .in_file(crate::config::FILE_NAME)
                .at(layers.exclude_at.0, layers.exclude_at.1)
                .help(help),
            );
        }
        excluded.extend(matched);
    }
    for page in &content.pages {
        if let Some(diag) = newer_edition(page, layers.base) {
            diags.push(diag);
        }
    }
    let own: std::collections::HashSet<String> =
        content.pages.iter().map(|p| p.rel.clone()).collect();
    for page in content
        .pages
        .iter()
        .filter(|p| layers.base.get(&p.rel).is_some())
    {
        for missing in other_languages(&page.rel, layers.base, languages)
            .into_iter()
            .filter(|v| !own.contains(v.as_str()))
        {
            diags.push(
                Diagnostic::warning(
                    "edition",
                    format!(
                        "this page replaces the built-in `{}`, but not its other language, `{missing}`",
                        page.rel
                    ),
                )
                .in_file(&page.file)
                .help(format!(
                    "readers of `{missing}` still get the built-in page; `careerbook eject {missing}` copies it here to change it too"
                )),
            );
        }
    }
    let mut added = Vec::new();
    for (rel, text) in layers.base.files() {
        if own.contains(rel) || excluded.contains(rel) || !rel.ends_with(".md") {
            continue;
        }
        let file = PathBuf::from(format!("{}{rel}", super::base::PREFIX));
        let page = parse_page(text.to_string(), file, rel.to_string(), diags);
        if let Some((dir, _)) = rel.rsplit_once('/') {
            content.folders.insert(dir.to_string(), ());
        }
        added.push(page);
    }
    content.pages.extend(added);
    // A page the project writes at an excluded path is in the book: its own.
    excluded.retain(|rel| !own.contains(*rel));
    for rel in excluded.iter().filter(|rel| rel.ends_with(".md")) {
        let Some(text) = layers.base.get(rel) else {
            continue;
        };
        let mut quiet = Diagnostics::new();
        let page = parse_page(
            text.to_string(),
            PathBuf::new(),
            rel.to_string(),
            &mut quiet,
        );
        // The key and folder the page's items would have in the book.
        let key = language_stem(rel).replace('/', "-");
        let (dir, _) = crate::book::split_dir(rel);
        let doc = crate::markdown::scan(&page.body, &key, dir);
        content
            .excluded_tasks
            .extend(doc.tasks.into_iter().map(|t| t.id));
    }
    content.excluded = excluded.into_iter().map(str::to_string).collect();
    // As the walk orders them: by name within a folder, a folder's pages at
    // its name.
    content
        .pages
        .sort_by(|a, b| a.rel.split('/').cmp(b.rel.split('/')));
}

/// The built-in pages that are `rel` in another of the book's `languages`:
/// `name.md` and `name.<lang>.md` (`name.fr.md`) are one page in two languages.
fn other_languages(rel: &str, base: &Base, languages: &[String]) -> Vec<String> {
    let stem = language_stem(rel);
    let listed: Vec<&str> = languages
        .iter()
        .map(|l| crate::config::primary_subtag(l))
        .collect();
    let in_book = |page: &str| match language_suffix(page) {
        Some((_, primary)) => listed.contains(&primary),
        // The default language's page.
        None => true,
    };
    base.files()
        .map(|(other, _)| other)
        .filter(|other| {
            *other != rel
                && other.ends_with(".md")
                && language_stem(other) == stem
                && in_book(other)
        })
        .map(str::to_string)
        .collect()
}

/// `guide/page.fr.md` → `guide/page`; `guide/page.md` → `guide/page`.
pub(crate) fn language_stem(rel: &str) -> &str {
    match language_suffix(rel) {
        Some((name, _)) => name,
        None => rel.strip_suffix(".md").unwrap_or(rel),
    }
}

/// A page ejected from the built-in guidance (`based_on:`) whose built-in
/// original has changed since, or is gone: a warning at `based_on`, so an
/// organization knows which of its pages to review after an upgrade.
fn newer_edition(page: &SourcePage, base: &Base) -> Option<Diagnostic> {
    let based_on = page.front.based_on.as_ref()?;
    let (line, column) = front_position(based_on);
    let d = match base.get(&page.rel) {
        Some(text) => {
            let now = super::base::fingerprint(text);
            if now == based_on.value.trim() {
                return None;
            }
            Diagnostic::warning(
                "edition",
                format!(
                    "the built-in `{}` has changed since this page was ejected from it",
                    page.rel
                ),
            )
            .help(format!(
                "`careerbook eject --diff {}` shows how your page and the built-in one differ; once yours is up to date, set `based_on: {now}`",
                page.rel
            ))
        }
        None => Diagnostic::warning(
            "edition",
            format!(
                "`{}` was ejected from a built-in page that this careerbook no longer has",
                page.rel
            ),
        )
        .help("it stays a page of your own; remove `based_on` to stop this warning"),
    };
    Some(d.in_file(&page.file).at(line, column))
}

/// The project's own `content/`. `warn_missing`: a missing folder means a
/// book with no chapters (not so on top of the built-in guidance).
fn load_own(root: &Path, warn_missing: bool, diags: &mut Diagnostics) -> Content {
    let mut content = Content::default();
    let dir = root.join(DIR);
    if !dir.is_dir() && !warn_missing {
        return content;
    }
    if !dir.is_dir() {
        diags.push(
            Diagnostic::warning(
                "content",
                "there is no content/ folder: the book has no chapters",
            )
            .in_file(DIR)
            .help("create content/ with Markdown files, or run `careerbook init`"),
        );
        return content;
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_string_lossy().as_ref()));
    // Markdown files found by the walk: (file, path under content/).
    let mut markdown: Vec<(PathBuf, String)> = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let file = e
                    .path()
                    .map(|p| rel_to(root, p))
                    .unwrap_or_else(|| PathBuf::from(DIR));
                diags.push(Diagnostic::error("content", format!("cannot read: {e}")).in_file(file));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path();
        let rel = slash_path(
            path.strip_prefix(&dir)
                .expect("walkdir stays under its root"),
        );
        let file = rel_to(root, path);
        if entry.path_is_symlink() {
            // A link may point anywhere on the disk; only follow it if it stays inside
            // the project, so a workbook cannot publish files from elsewhere.
            let target = path.canonicalize();
            if let Some(kind) = target
                .as_ref()
                .ok()
                .filter(|t| t.starts_with(&canonical_root))
                .and_then(|t| std::fs::metadata(t).ok())
                .map(|m| m.file_type())
                .filter(|t| source::is_special(*t))
            {
                diags.push(source::not_regular(file, kind));
                continue;
            }
            match target {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => {}
                Ok(target) if target.is_dir() => {
                    diags.push(
                        Diagnostic::error("content", "symbolic links to folders are not followed")
                            .in_file(file)
                            .help("move the folder into content/ instead of linking it"),
                    );
                    continue;
                }
                _ => {
                    diags.push(
                        Diagnostic::error(
                            "content",
                            "this symbolic link points outside the project folder",
                        )
                        .in_file(file)
                        .help(
                            "copy the file into content/; links may only point inside the project",
                        ),
                    );
                    continue;
                }
            }
        } else if entry.file_type().is_dir() {
            if !is_safe_rel(&rel) {
                diags.push(unsafe_name(file));
                continue;
            }
            content.folders.insert(rel, ());
            continue;
        } else if source::is_special(entry.file_type()) {
            // A named pipe would block the build for ever; a device never ends.
            diags.push(source::not_regular(file, entry.file_type()));
            continue;
        }
        if !is_safe_rel(&rel) {
            diags.push(unsafe_name(file));
            continue;
        }
        if is_note(&rel) {
            continue;
        } else if rel.ends_with(".md") {
            markdown.push((file, rel));
        } else {
            content.assets.push(Asset {
                rel,
                source: path.to_path_buf(),
            });
        }
    }
    // Reading and front matter, page by page in parallel; pages keep the walk's order.
    let read = || {
        markdown
            .into_par_iter()
            .map(|(file, rel)| {
                let mut d = Diagnostics::new();
                let page = read_text(root, &file, &mut d).map(|text| {
                    if text.trim().is_empty() {
                        d.push(empty_page(&file, &rel));
                    }
                    parse_page(text, file, rel, &mut d)
                });
                (page, d)
            })
            .collect()
    };
    let pages: Vec<(Option<SourcePage>, Diagnostics)> = match readers() {
        Some(pool) => pool.install(read),
        None => read(),
    };
    for (page, d) in pages {
        diags.extend(d);
        content.pages.extend(page);
    }
    content
}

/// A page file with nothing in it: it is still a page (an empty one, titled
/// from its name), which is seldom what was meant.
fn empty_page(file: &Path, rel: &str) -> Diagnostic {
    Diagnostic::warning("content", "this page is empty")
        .in_file(file)
        .help(format!(
            "it is built as an empty page titled “{}”: write its text (and a `title:` in front matter), or remove the file",
            crate::book::default_title(rel)
        ))
}

/// Threads that read the content: more than there are cores, because on a cold
/// cache reading a file is mostly waiting for the disk, and many reads in flight
/// finish sooner than one per core. `None` if the threads cannot be made: then
/// the usual ones read.
fn readers() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        rayon::ThreadPoolBuilder::new()
            .num_threads((cores * READERS_PER_CORE).clamp(8, 64))
            .thread_name(|i| format!("careerbook-read-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

const READERS_PER_CORE: usize = 8;

fn unsafe_name(file: PathBuf) -> Diagnostic {
    Diagnostic::error("content", "this file name cannot be published safely")
        .in_file(file)
        .help("use letters, digits, `-`, `_` and `.` in file and folder names")
}

/// Names a URL can carry without escaping: a page's path becomes its address.
fn is_safe_rel(rel: &str) -> bool {
    rel.split('/').all(|seg| {
        !seg.is_empty()
            && seg != ".."
            && seg
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    })
}

/// `content/README.md` is a note for whoever edits the folder (`careerbook
/// init` writes one), never a page.
pub fn is_note(rel: &str) -> bool {
    rel == "README.md"
}

/// Editor backups, swap files and dotfiles are never part of the book.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
}

/// The code of a problem in a page's front matter. Loading keeps the page
/// all the same (see [`super::Loaded::Flawed`]).
pub const FRONT_MATTER: &str = "front-matter";

/// Split front matter from the body and parse it. A page whose front matter
/// is broken is kept without it, and is not read as a template (what it
/// asked for is unknown), with the problem in `diags`.
pub fn parse_page(text: String, file: PathBuf, rel: String, diags: &mut Diagnostics) -> SourcePage {
    let (front_text, body, body_line) = match split_front_matter(&text) {
        Ok(parts) => parts,
        Err(line) => {
            diags.push(
                Diagnostic::error(FRONT_MATTER, "the front matter is never closed")
                    .in_file(&file)
                    .at(line, 1)
                    .help("end the front matter with a line holding only `---`"),
            );
            // Where the body starts is unknown: the page is kept with all
            // that follows the opening line as its body, so that its
            // headings and checklist items are still found, and links and
            // ticks that name them are not reported too.
            let mut body = text;
            body.drain(..body.find('\n').map_or(body.len(), |n| n + 1));
            return SourcePage {
                file,
                rel,
                front: FrontMatter::unread(),
                body,
                body_line: 2,
                untranslated: false,
            };
        }
    };
    let front = match front_text {
        None => FrontMatter::default(),
        Some(t) if t.trim().is_empty() => FrontMatter::default(),
        Some(t) => match yaml::parse::<FrontMatter>(t, &file, 2, FRONT_MATTER) {
            Ok(f) => f,
            Err(d) => {
                diags.push(d);
                FrontMatter::unread()
            }
        },
    };
    if let Some(days) = &front.review_days
        && !(1..=MAX_REVIEW_DAYS).contains(&days.value)
    {
        let (line, column) = front_position(days);
        diags.push(
            Diagnostic::error(
                FRONT_MATTER,
                format!(
                    "`review_days: {}` is not a review period: it must be from 1 to {MAX_REVIEW_DAYS} days",
                    days.value
                ),
            )
            .in_file(&file)
            .at(line, column)
            .help("write how many days a tick lasts before the item is due again, e.g. `review_days: 90`; remove the line if the ticks should last"),
        );
    }
    // The body is the end of the file's text: keep that text, without the front
    // matter, rather than copy the body out of it.
    let front_len = text.len() - body.len();
    let mut body = text;
    body.drain(..front_len);
    SourcePage {
        file,
        rel,
        front,
        body,
        body_line,
        untranslated: false,
    }
}

/// `Ok((front matter, body, first line of body))`, or `Err(line)` of an unclosed
/// opening fence. Front matter is a first line of `---` and a later line of `---`.
pub fn split_front_matter(text: &str) -> Result<(Option<&str>, &str, usize), usize> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok((None, text, 1));
    };
    let mut offset = 0;
    for (line, l) in (2..).zip(rest.split_inclusive('\n')) {
        let trimmed = l.trim_end_matches(['\n', '\r']);
        if trimmed == "---" || trimmed == "..." {
            let front = &rest[..offset];
            let body = &rest[offset + l.len()..];
            return Ok((Some(front), body, line + 1));
        }
        offset += l.len();
    }
    Err(1)
}

fn rel_to(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// A relative path with `/` separators on every platform.
pub fn slash_path(p: &Path) -> String {
    p.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let (f, b, line) = split_front_matter("---\ntitle: A\n---\n# Body\n").unwrap();
        assert_eq!(f, Some("title: A\n"));
        assert_eq!(b, "# Body\n");
        assert_eq!(line, 4);
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let (f, b, line) = split_front_matter("# Just text\n---\n").unwrap();
        assert_eq!(f, None);
        assert_eq!(b, "# Just text\n---\n");
        assert_eq!(line, 1);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert_eq!(split_front_matter("---\ntitle: A\n# Body\n"), Err(1));
    }

    #[test]
    fn crlf_front_matter() {
        let (f, b, _) = split_front_matter("---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(f, Some("title: A\r\n"));
        assert_eq!(b, "Body");
    }

    #[test]
    fn unknown_front_matter_key_points_at_its_line() {
        let mut diags = Diagnostics::new();
        let page = parse_page(
            "---\ntitle: A\nordr: 2\n---\nBody\n".to_string(),
            PathBuf::from("content/a.md"),
            "a.md".into(),
            &mut diags,
        );
        // Kept, without its front matter and not as a template.
        assert_eq!(page.front.title, None);
        assert_eq!(page.front.template, Some(false));
        assert_eq!(page.body, "Body\n");
        let d = diags.into_vec().remove(0);
        assert_eq!(d.line, 3);
        assert_eq!(d.help.as_deref(), Some("did you mean `order`?"));
    }

    #[test]
    fn safe_names() {
        assert!(is_safe_rel("mentors/finding-mentors.md"));
        assert!(!is_safe_rel("a b.md"));
        assert!(!is_safe_rel("x/\"onload.md"));
    }
}

#[cfg(test)]
mod layer_tests {
    use super::*;

    fn project(files: &[(&str, &str)], exclude: &[&str], base: &Base) -> (Content, Diagnostics) {
        project_in(files, exclude, base, &["en-CA", "fr-CA"])
    }

    fn project_in(
        files: &[(&str, &str)],
        exclude: &[&str],
        base: &Base,
        languages: &[&str],
    ) -> (Content, Diagnostics) {
        let dir = tempfile::tempdir().unwrap();
        for (rel, text) in files {
            let path = dir.path().join(DIR).join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let exclude: Vec<String> = exclude.iter().map(|s| s.to_string()).collect();
        let mut diags = Diagnostics::new();
        let layers = Layers {
            base,
            exclude: &exclude,
            exclude_at: (1, 1),
        };
        (
            load(
                dir.path(),
                Some(layers),
                &languages.iter().map(|l| l.to_string()).collect::<Vec<_>>(),
                &mut diags,
            ),
            diags,
        )
    }

    fn base() -> Base {
        Base::from_files(
            [
                ("index.md", "# Home\n"),
                ("guide/a.md", "# A\n"),
                ("guide/a.fr.md", "# A en français\n"),
                ("guide/b.md", "# B\n"),
                ("z.md", "# Z\n"),
            ]
            .map(|(r, t)| (r.to_string(), t.to_string())),
        )
    }

    #[test]
    fn project_pages_replace_and_add_and_exclude_leaves_out() {
        let (content, diags) = project(
            &[
                ("guide/b.md", "# Mine\n"),
                ("guide-extra.md", "# Extra\n"),
                ("guide-extra.fr.md", "# En plus\n"),
                ("README.md", "notes"),
            ],
            &["z.md"],
            &base(),
        );
        assert!(diags.is_empty(), "{diags:#?}");
        let rels: Vec<&str> = content.pages.iter().map(|p| p.rel.as_str()).collect();
        // In the walk's order: a folder's pages at the folder's name.
        assert_eq!(
            rels,
            ["guide/a.md", "guide/b.md", "guide-extra.md", "index.md"]
        );
        // The built-in French page is the French translation of guide/a.md.
        let fr: Vec<(&str, &Path)> = content.translations["fr"]
            .iter()
            .map(|p| (p.rel.as_str(), p.file.as_path()))
            .collect();
        assert_eq!(
            fr,
            [
                ("guide/a.md", Path::new("(built-in)/guide/a.fr.md")),
                ("guide-extra.md", Path::new("content/guide-extra.fr.md")),
            ]
        );
        let b = content
            .pages
            .iter()
            .find(|p| p.rel == "guide/b.md")
            .unwrap();
        assert_eq!(b.body, "# Mine\n");
        assert_eq!(b.file, Path::new("content/guide/b.md"));
        let a = content
            .pages
            .iter()
            .find(|p| p.rel == "guide/a.md")
            .unwrap();
        assert_eq!(a.file, Path::new("(built-in)/guide/a.md"));
        assert!(content.excluded.contains("z.md"));
    }

    #[test]
    fn replacing_one_language_of_a_page_warns_about_the_other() {
        let (_, diags) = project(&[("guide/a.md", "# Mine\n")], &[], &base());
        let diags = diags.sorted();
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert!(diags[0].message.contains("`guide/a.fr.md`"), "{diags:#?}");
        let (_, diags) = project(
            &[
                ("guide/a.md", "# Mine\n"),
                ("guide/a.fr.md", "# La mienne\n"),
            ],
            &[],
            &base(),
        );
        assert!(diags.is_empty(), "{diags:#?}");
        // A book in English only has no French page to miss.
        let (content, diags) = project_in(&[("guide/a.md", "# Mine\n")], &[], &base(), &["en-CA"]);
        assert!(diags.is_empty(), "{diags:#?}");
        assert!(content.translations.is_empty());
        assert_eq!(language_stem("guide/a.fr.md"), "guide/a");
        assert_eq!(language_stem("guide/v1.2.md"), "guide/v1.2");
    }
}
