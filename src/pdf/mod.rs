//! The printed workbook: the book's chapters and the person's data typeset as one
//! PDF with Typst, in-process, with the fonts compiled into the binary.
//!
//! The chapters are the same pages as the site, converted from the same Markdown
//! events ([`typst_markup`]). The design lives in the theme's `print/*.typ`
//! templates (overridable file by file like any theme file). Content and data
//! reach the templates as virtual files of our small [`world::PrintWorld`]:
//!
//! | file | what |
//! |---|---|
//! | `/workbook.typ` | the theme's `print/workbook.typ`: the main file |
//! | `/brief.typ` | the theme's `print/brief.typ`: the main file of `pdf --brief` (no chapters) |
//! | `/<name>.typ` | every other `print/<name>` file of the theme |
//! | `/data.json` | the view: book, profile, dashboard, people, drafts, … |
//! | `/settings.json` | page size, language, the document date, the mode |
//! | `/chapters.typ` | the chapters in reading order (includes `/pages/NNN.typ`) |
//! | `/timeline.svg` | the plan's timeline, when the view has one |
//! | `/content/<path>` | images of `content/` that a page shows |
//! | `/brand/logo.<ext>` | the `[branding] logo`, when book.toml names one |

pub mod fonts;
pub mod schedule;
mod source;
pub mod typst_markup;
pub mod world;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use serde::Serialize;
use serde_json::{Value, json};
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst_layout::PagedDocument;

use crate::diagnostics::{Diagnostic, line_col};
use crate::language::typography;
use crate::load::Project;
use crate::load::content::SourcePage;
use crate::options::Options;
use crate::view::context::Branding;
use crate::{book, markdown};
pub use source::{PdfSource, source};
use typst_markup::{Book, MessageInfo, Page, PageTargets};
use world::{Origin, PrintWorld};

/// The theme file every print design starts from.
pub const MAIN_TEMPLATE: &str = "print/workbook.typ";
/// The theme file of the one-page sponsor brief (`careerbook pdf --brief`).
pub const BRIEF_TEMPLATE: &str = "print/brief.typ";

/// A typeset workbook.
#[derive(Debug, Clone)]
pub struct PdfOutput {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// What the PDF could not show as written (see [`missing_glyphs`]).
    pub missing: Option<MissingGlyphs>,
}

/// The characters a PDF shows as an empty box, and the text the first is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyphs {
    chars: Vec<char>,
    context: String,
}

/// Typeset the workbook. `view` is the personal data as JSON (in blank mode, the
/// blank view). Problems in pages or in the theme's print templates come back as
/// diagnostics naming the file, line and column; nothing panics.
pub fn render_pdf(
    project: &Project,
    source: &PdfSource,
    opts: &Options,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    render_pdf_output(project, source, opts).map(|o| o.bytes)
}

/// [`render_pdf`], also telling the number of pages.
pub fn render_pdf_output(
    project: &Project,
    source: &PdfSource,
    opts: &Options,
) -> Result<PdfOutput, Vec<Diagnostic>> {
    if !project.theme.files.contains_key(MAIN_TEMPLATE) {
        return Err(vec![
            Diagnostic::error("print", format!("the theme has no {MAIN_TEMPLATE}"))
                .help("add the file to the theme, or remove the theme's print/ folder to use the built-in design"),
        ]);
    }
    let chapters = chapters(project, source, opts)?;
    let world = build_world(project, source, opts, &chapters, "/workbook.typ");
    typeset(&world, project, opts, "workbook")
}

/// The one-page sponsor brief (`print/brief.typ`): the same view, without the
/// chapters. A brief that does not fit on one page is an error saying what to
/// shorten, since a sponsor is handed one sheet.
pub fn render_brief(
    project: &Project,
    source: &PdfSource,
    opts: &Options,
    workbook: &crate::model::Workbook,
) -> Result<PdfOutput, Vec<Diagnostic>> {
    if !project.theme.files.contains_key(BRIEF_TEMPLATE) {
        return Err(vec![
            Diagnostic::error("print", format!("the theme has no {BRIEF_TEMPLATE}"))
                .help("add the file to the theme, or remove the theme's print/ folder to use the built-in design"),
        ]);
    }
    let world = build_world(project, source, opts, &[], "/brief.typ");
    let out = typeset(&world, project, opts, "brief")?;
    if out.pages != 1 {
        // Whose brief, and the files its text comes from (a cohort member's
        // own); a blank brief's length is the theme's.
        let whose = match workbook.member_id() {
            Some(id) => format!("the sponsor brief of `{id}`"),
            None => "the sponsor brief".to_string(),
        };
        let from_data = source.view.get("brief").is_some_and(|b| !b.is_null());
        let problem = Diagnostic::error(
            "print",
            format!("{whose} runs to {} pages; it must fit on one", out.pages),
        );
        let problem = if from_data {
            problem.in_file(workbook.profile_file()).help(format!(
                "shorten what is long in {} and {}: each win's title and impact to a line, the first ambition to a sentence, `open_to` to a few items",
                workbook.profile_file(),
                workbook.wins_file()
            ))
        } else {
            problem.help("shorten what is long in the theme's print/brief.typ")
        };
        return Err(vec![problem]);
    }
    Ok(out)
}

/// Typeset `world`'s main file and write the PDF. `kind` names the document
/// in the PDF's identifier (`workbook`, `brief`).
fn typeset(
    world: &PrintWorld,
    project: &Project,
    opts: &Options,
    kind: &str,
) -> Result<PdfOutput, Vec<Diagnostic>> {
    let compiled = std::panic::catch_unwind(AssertUnwindSafe(|| {
        typst::compile::<PagedDocument>(world).output
    }));
    let document = match compiled {
        Ok(Ok(doc)) => doc,
        Ok(Err(errors)) => return Err(to_diagnostics(world, project, &errors)),
        Err(_) => return Err(vec![internal_error("typesetting")]),
    };
    let pdf_options = typst_pdf::PdfOptions {
        ident: Smart::Custom(format!(
            "careerbook/{}/{}{}",
            project.config.book.title,
            if opts.blank { "blank" } else { "personal" },
            if kind == "workbook" {
                String::new()
            } else {
                format!("/{kind}")
            }
        )),
        creator: Smart::Custom(Some(
            concat!("careerbook ", env!("CARGO_PKG_VERSION")).into(),
        )),
        timestamp: None,
        ..Default::default()
    };
    let exported =
        std::panic::catch_unwind(AssertUnwindSafe(|| typst_pdf::pdf(&document, &pdf_options)));
    let bytes = match exported {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(errors)) => return Err(to_diagnostics(world, project, &errors)),
        Err(_) => return Err(vec![internal_error("writing the PDF")]),
    };
    Ok(PdfOutput {
        bytes,
        pages: document.pages().len(),
        missing: missing_glyphs(&document),
    })
}

/// The characters the PDF shows as an empty box because none of its embedded
/// fonts has them (an emoji in a name, say): Typst sets such a character as
/// glyph 0 of its last font, silently. The site is not affected (browsers
/// fall back on the system's fonts), so this says what to change for print.
fn missing_glyphs(document: &PagedDocument) -> Option<MissingGlyphs> {
    use typst::layout::{Frame, FrameItem};
    fn walk(frame: &Frame, found: &mut Vec<(char, String)>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, found),
                FrameItem::Text(text) => {
                    for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                        let Some(c) = text.text.get(glyph.range()).and_then(|s| s.chars().next())
                        else {
                            continue;
                        };
                        if !c.is_whitespace()
                            && !c.is_control()
                            && !found.iter().any(|(seen, _)| *seen == c)
                        {
                            found.push((c, text.text.trim().to_string()));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    for page in document.pages() {
        walk(&page.frame, &mut found);
    }
    let context = found.first()?.1.clone();
    Some(MissingGlyphs {
        chars: found.into_iter().map(|(c, _)| c).collect(),
        context,
    })
}

impl MissingGlyphs {
    /// The warning. `data` is the folder (from the project folder) of the
    /// data files the PDF was made from: the first character is looked for in
    /// them, then in the pages of `project` (the PDF's language), to say where
    /// to change it.
    pub fn warning(&self, project: &Project, data: Option<&str>) -> Diagnostic {
        let chars: Vec<String> = self
            .chars
            .iter()
            .take(8)
            .map(|c| format!("“{c}” (U+{:04X})", u32::from(*c)))
            .collect();
        let first = self.chars[0];
        let context = &self.context;
        // The text it is shown in, in the data and then in the pages; only
        // then the character alone (a stray one elsewhere is not the one).
        let found = needles(context, first)
            .into_iter()
            .flatten()
            .find_map(|(needle, offset)| {
                data.and_then(|data| in_data(&project.root, data, &needle, offset))
                    .or_else(|| in_pages(&project.content.pages, &needle, offset))
            });
        let (from, at) = match &found {
            Some(Written::Data(at)) => ("your data", format!(", {at}")),
            Some(Written::Page(at)) => ("the page", format!(", {at}")),
            // A value the view made, or text of the theme's.
            None => ("your data", String::new()),
        };
        Diagnostic::warning(
            "print",
            format!(
                "the PDF shows {} as an empty box: its fonts have no such character",
                chars.join(", ")
            ),
        )
        .help(if self.chars.len() == 1 {
            format!("the site shows it as written; for print, take it out of {from}: it is in “{context}”{at}")
        } else {
            format!("the site shows them as written; for print, take them out of {from}: “{first}” is in “{context}”{at}")
        })
    }
}

/// Where a character the fonts lack is written, as `file:line:column`.
enum Written {
    /// In a data file.
    Data(String),
    /// In a page of the guidance.
    Page(String),
}

/// What to look for: `context`, the text the PDF shows `c` in, at `c`; or
/// else `c` alone.
fn needles(context: &str, c: char) -> [Option<(String, usize)>; 2] {
    [
        context.find(c).map(|at| (context.to_string(), at)),
        Some((c.to_string(), 0)),
    ]
}

/// Where `needle` (at `offset` in it) is first written in the YAML files of
/// the folder `data` (from the project folder at `root`). None if not found
/// (a value the view made, or a folder that cannot be read).
fn in_data(root: &Path, data: &str, needle: &str, offset: usize) -> Option<Written> {
    let mut files: Vec<_> = std::fs::read_dir(root.join(data))
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    files.iter().find_map(|path| {
        let text = String::from_utf8(crate::source::read_bytes(path).ok()?).ok()?;
        let at = text.find(needle)? + offset;
        let (line, column) = line_col(&text, at);
        let name = path.file_name()?.to_string_lossy();
        Some(Written::Data(format!("{data}/{name}:{line}:{column}")))
    })
}

/// Where `needle` (at `offset` in it) is first written in the guidance's
/// `pages`: the PDF prints what a page's Markdown says, so a character only
/// a page has is changed there.
fn in_pages(pages: &[SourcePage], needle: &str, offset: usize) -> Option<Written> {
    pages.iter().find_map(|page| {
        let at = page.body.find(needle)? + offset;
        let (line, column) = line_col(&page.body, at);
        Some(Written::Page(format!(
            "{}:{}:{column}",
            page.file.display(),
            page.body_line + line - 1
        )))
    })
}

/// Drop what Typst memoised that the last three typesetting runs (a run: one
/// workbook, or one batch of a cohort's members) did not use. What every run
/// uses stays (the chapters' layout, which depends only on the chapters and the
/// settings): the dev server's next rebuild and a cohort's next members start
/// from it, while what only one batch of a cohort used is dropped: Typst keeps
/// what it memoised until told to evict it.
pub fn trim_caches() {
    typst::comemo::evict(3);
}

fn internal_error(stage: &str) -> Diagnostic {
    Diagnostic::error("print", format!("the typesetter failed while {stage}")).help(
        "this is a bug in careerbook or Typst: please report it with the workbook that causes it",
    )
}

/// A generated Typst file and where it came from.
struct Generated {
    path: String,
    text: String,
    origin: Origin,
}

/// Every page in reading order as Typst markup, plus `/chapters.typ` which
/// includes them in order.
fn chapters(
    project: &Project,
    source: &PdfSource,
    opts: &Options,
) -> Result<Vec<Generated>, Vec<Diagnostic>> {
    let content = &project.content;
    // The pages' templates ran with the workbook's data when the source was made.
    let (order, texts) = (&source.order, &source.texts);

    // 2. What links may point at: every page and heading.
    let docs: Vec<markdown::Document<'_>> = order
        .iter()
        .zip(texts)
        .map(|(slot, text)| content.parse(text, &slot.key, &slot.dir))
        .collect();
    let mut targets = Book {
        done: if opts.blank {
            HashMap::new()
        } else {
            source.done.clone()
        },
        due: if opts.blank {
            HashMap::new()
        } else {
            source.due.clone()
        },
        aliases: source.aliases.clone(),
        homes: source.homes.clone(),
        images: content
            .assets
            .iter()
            .filter(|a| is_image(&a.rel))
            .map(|a| a.rel.clone())
            .collect(),
        ..Book::default()
    };
    for (slot, doc) in order.iter().zip(&docs) {
        targets.pages.insert(
            content.pages[slot.source].rel.clone(),
            PageTargets {
                key: slot.key.clone(),
                ids: doc.headings.iter().map(|h| h.id.clone()).collect(),
            },
        );
    }

    // 3. Markup, one file per page.
    let mut files = Vec::with_capacity(order.len() + 1);
    let mut index = String::from("#import \"/components.typ\" as cb\n\n");
    let mut seen_parts = HashSet::new();
    for (i, (slot, doc)) in order.iter().zip(&docs).enumerate() {
        let page = &content.pages[slot.source];
        let (dir, name) = book::split_dir(&page.rel);
        // A part folder without its own index.md still gets a part title.
        if !dir.is_empty() && seen_parts.insert(dir.to_string()) && name != "index.md" {
            let mut title = String::new();
            typst_markup::escape_text(&book::humanise(book::split_dir(dir).1), &mut title);
            let _ = writeln!(
                index,
                "#cb.chapter(level: {}, kind: \"part\", label: none, title: [{title}])\n",
                dir.matches('/').count() + 1
            );
        }
        let title = page
            .front
            .title
            .clone()
            .unwrap_or_else(|| book::default_title(&page.rel));
        let message = page.front.message.as_ref().map(|m| {
            let meta = serde_json::to_value(m).unwrap_or(Value::Null);
            let s = |k: &str| {
                meta.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            MessageInfo {
                channel: s("channel"),
                role: s("role"),
                stages: meta
                    .get("stages")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default(),
                subject: m.subject.as_deref(),
            }
        });
        let info = Page {
            rel: &page.rel,
            dir: &slot.dir,
            key: &slot.key,
            depth: slot.depth,
            part: name == "index.md" && !dir.is_empty(),
            title: &title,
            description: page.front.description.as_deref(),
            message,
        };
        let path = format!("/pages/{i:03}.typ");
        let _ = writeln!(index, "#include {}\n", typst_markup::string_literal(&path));
        files.push(Generated {
            path,
            text: typst_markup::page_markup(doc, &info, &targets),
            origin: Origin::Page(slot.source),
        });
    }
    files.push(Generated {
        path: "/chapters.typ".into(),
        text: index,
        origin: Origin::Generated("chapters.typ".into()),
    });
    Ok(files)
}

fn is_image(rel: &str) -> bool {
    let lower = rel.to_ascii_lowercase();
    [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

fn build_world(
    project: &Project,
    source: &PdfSource,
    opts: &Options,
    chapters: &[Generated],
    main: &str,
) -> PrintWorld {
    let mut world = PrintWorld::new(main, opts.today);
    for (key, file) in &project.theme.files {
        if let Some(rest) = key.strip_prefix("print/") {
            world.add(
                &format!("/{rest}"),
                file.bytes.to_vec(),
                Origin::Theme(key.clone()),
            );
        }
    }
    for g in chapters {
        world.add(&g.path, g.text.clone(), g.origin.clone());
    }
    for asset in &project.content.assets {
        if is_image(&asset.rel) {
            world.add_disk(&format!("/content/{}", asset.rel), asset.source.clone());
        }
    }
    if let Some((path, source)) = logo(project) {
        world.add_disk(&path, source);
    }

    let mut data = source.view.clone();
    annotate_links(&mut data, &page_keys(project));
    // The timeline's picture is a file of its own; the view points at it.
    if let Some(t) = data.get_mut("timeline").and_then(Value::as_object_mut)
        && let Some(Value::String(svg)) = t.remove("svg")
    {
        world.add(
            "/timeline.svg",
            svg,
            Origin::Generated("timeline.svg".into()),
        );
        t.insert("image".into(), json!("/timeline.svg"));
    }
    let locale = project.locale();
    let primary = locale.primary();
    with_typography(primary, &mut data);
    world.add(
        "/data.json",
        serde_json::to_vec(&data).expect("JSON serialises"),
        Origin::Generated("data.json".into()),
    );
    let mut settings = settings(project, opts);
    with_typography(primary, &mut settings);
    world.add(
        "/settings.json",
        serde_json::to_vec(&settings).expect("JSON serialises"),
        Origin::Generated("settings.json".into()),
    );
    world
}

/// Every text of the JSON the print theme reads (`/data.json`,
/// `/settings.json`) with the typography of the document's language
/// ([`crate::language::typography`]), as a page of the site prints every value
/// (the French escape in `templates/mod.rs`): in a French PDF, what you wrote
/// in `data/` (a win's title, a log summary, a goal) and in book.toml gets
/// non-breaking spaces before `:` and inside « », so `:` or `»` never starts a
/// line. The rule changes only an ordinary space beside those marks, so an
/// email address, a link, an ISO date or an id (none holds a space) stays as
/// written; in English nothing changes.
fn with_typography(primary: &str, value: &mut Value) {
    match value {
        Value::String(text) => {
            if let Cow::Owned(fixed) = typography::apply(primary, text) {
                *text = fixed;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| with_typography(primary, v)),
        Value::Object(map) => map.values_mut().for_each(|v| with_typography(primary, v)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// What the print templates need besides the view (`/settings.json`): paper,
/// language, the date, the mode.
#[derive(Serialize)]
struct Settings<'a> {
    /// `a4` or `us-letter`.
    page: &'static str,
    lang: String,
    region: Option<String>,
    date: DocumentDate,
    title: &'a str,
    authors: &'a [String],
    description: Option<&'a str>,
    blank: bool,
    private: bool,
    /// `private`, `personal` or `public` ([`crate::audience::Audience::name`]).
    audience: &'static str,
    generator: &'static str,
    branding: Branding<'a>,
    /// The print theme's words in the document's language: every message of
    /// the theme's `i18n/<tag>.ftl` whose id starts with `print-`.
    strings: std::collections::BTreeMap<String, String>,
}

/// The document's date, as Typst's `datetime` takes it.
#[derive(Serialize)]
struct DocumentDate {
    year: i32,
    month: u32,
    day: u32,
    iso: String,
}

fn settings(project: &Project, opts: &Options) -> Value {
    let book = &project.config.book;
    let (lang, region) = split_language(&book.language);
    let settings = Settings {
        page: project.config.print.page_size.name(),
        lang,
        region,
        date: DocumentDate {
            year: opts.today.year(),
            month: opts.today.month(),
            day: opts.today.day(),
            iso: opts.today.to_string(),
        },
        title: project.config.title(),
        authors: &book.authors,
        description: project.config.description(),
        blank: opts.blank,
        private: opts.shows_private(),
        audience: opts.shown().name(),
        generator: concat!("careerbook ", env!("CARGO_PKG_VERSION")),
        // The logo as the print world serves it.
        branding: Branding::of(project, logo(project).map(|(path, _)| path)),
        strings: project.locale().all_starting("print-"),
    };
    serde_json::to_value(settings).expect("the settings serialise")
}

/// `en-CA` → (`en`, `CA`); `zh-Hant-TW` → (`zh`, `TW`); `fr` → (`fr`, none).
pub fn split_language(tag: &str) -> (String, Option<String>) {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("en").to_ascii_lowercase();
    let region = parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase);
    (lang, region)
}

/// Site address of each page (`mentors/finding-mentors.html`) → its key.
fn page_keys(project: &Project) -> HashMap<String, String> {
    book::reading_order(&project.content)
        .into_iter()
        .map(|slot| (slot.url, slot.key))
        .collect()
}

/// Give every `link` in the view a `link_label`: the label a print template can
/// point an internal link at. Pages and their headings are labelled by the
/// chapters; the personal sections by the print theme itself (`cb-glance`,
/// `cb-tracker`, `cb-person:<id>`), so a template links only where the label
/// exists.
fn annotate_links(value: &mut Value, pages: &HashMap<String, String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(link)) = map.get("link")
                && let Some(label) = print_label(link, pages)
            {
                map.insert("link_label".into(), Value::String(label));
            }
            for v in map.values_mut() {
                annotate_links(v, pages);
            }
        }
        Value::Array(items) => {
            for v in items {
                annotate_links(v, pages);
            }
        }
        _ => {}
    }
}

fn print_label(link: &str, pages: &HashMap<String, String>) -> Option<String> {
    if link.contains(':') {
        return None;
    }
    let mut url = link;
    loop {
        let before = url;
        url = url.trim_start_matches("./").trim_start_matches('/');
        url = url.strip_prefix("../").unwrap_or(url);
        if url == before {
            break;
        }
    }
    let (page, fragment) = url.split_once('#').unwrap_or((url, ""));
    if let Some(id) = page
        .strip_prefix("people/")
        .and_then(|p| p.strip_suffix(".html"))
    {
        return Some(format!("cb-person:{id}"));
    }
    match page {
        "relationships.html" => return Some("cb-tracker".into()),
        "progress.html" => return Some("cb-glance".into()),
        _ => {}
    }
    let key = pages.get(page)?;
    Some(typst_markup::label_name(
        key,
        (!fragment.is_empty()).then_some(fragment),
    ))
}

/// The logo's path in the print world and on the disk, if book.toml names one
/// that exists.
fn logo(project: &Project) -> Option<(String, PathBuf)> {
    let rel = project.config.branding.logo.as_ref()?;
    let ext = rel.extension()?.to_str()?.to_ascii_lowercase();
    let source = project.root.join(rel);
    source
        .is_file()
        .then(|| (format!("/brand/logo.{ext}"), source))
}

/// Typst's errors as ours: the theme file (or the page) with line and column.
fn to_diagnostics(
    world: &PrintWorld,
    project: &Project,
    errors: &[SourceDiagnostic],
) -> Vec<Diagnostic> {
    let mut out = Vec::with_capacity(errors.len());
    for e in errors {
        if e.severity != typst::diag::Severity::Error {
            continue;
        }
        // A detached error (e.g. in a function of the standard library) is placed
        // at the nearest call in our files.
        let span = std::iter::once(e.span)
            .chain(e.trace.iter().rev().map(|t| t.span.into()))
            .find(|s| s.id().is_some())
            .unwrap_or(e.span);
        let mut message = e.message.to_string();
        let mut hints: Vec<String> = e.hints.iter().map(|h| h.v.to_string()).collect();
        let mut d = match span.id().and_then(|id| world.origin(id).map(|o| (id, o))) {
            Some((id, origin)) => {
                let (line, column) = world
                    .range(span)
                    .zip(world.text(id))
                    .map(|(r, text)| line_col(&text, r.start))
                    .unwrap_or((0, 0));
                match origin {
                    Origin::Theme(key) => {
                        let file = project.theme.files.get(key);
                        let path = file
                            .map(|f| f.display_path(key))
                            .unwrap_or_else(|| PathBuf::from(key));
                        hints.push(if file.is_some_and(|f| f.source.is_some()) {
                            format!(
                                "fix the print template, or delete it to use the built-in {key}"
                            )
                        } else {
                            "the built-in print template failed: please report this as a bug".into()
                        });
                        Diagnostic::error("print", message.clone())
                            .in_file(path)
                            .at(line, column)
                    }
                    Origin::Page(i) => {
                        message = format!("while typesetting this page: {message}");
                        hints.push("the page's Markdown could not be typeset; please report this with the page".into());
                        Diagnostic::error("print", message.clone())
                            .in_file(project.content.pages[*i].file.clone())
                    }
                    Origin::Generated(name) => {
                        hints.push(format!(
                            "the print templates read `/{name}`, which careerbook makes; check how a template uses it"
                        ));
                        Diagnostic::error("print", message.clone())
                            .in_file(format!("(generated)/{name}"))
                            .at(line, column)
                    }
                    Origin::Asset(path) => Diagnostic::error("print", message.clone())
                        .in_file(path.strip_prefix(&project.root).unwrap_or(path)),
                }
            }
            None => Diagnostic::error("print", message.clone()).in_file(
                project
                    .theme
                    .files
                    .get(MAIN_TEMPLATE)
                    .map(|f| f.display_path(MAIN_TEMPLATE))
                    .unwrap_or_else(|| PathBuf::from(MAIN_TEMPLATE)),
            ),
        };
        hints.dedup();
        d = d.help(hints.join("; "));
        out.push(d);
    }
    if out.is_empty() {
        out.push(internal_error("typesetting"));
    }
    out
}

#[cfg(test)]
mod tests;
