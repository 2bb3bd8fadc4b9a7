//! Rendering: from the loaded project to the files of the site, each handed to a
//! [`Sink`] as soon as it is made ([`crate::output`] writes a build's to disk). The
//! project is never changed, and the same project and options give the same files.

pub mod book;
pub mod calendar;
pub mod cohort;
pub mod markdown;
pub mod sink;
pub mod templates;
pub mod timeline;
pub mod workbook;

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::Project;
use crate::load::content::{MessageMeta, SourcePage};
use crate::model::{PhaseDef, Plan, TaskRef, Workbook};
use book::PageSlot;
use markdown::{Heading, Task};
use sink::Site;
pub use sink::{Discard, Memory, Sink, SiteStats};
use templates::PageTemplates;
use workbook::MessageTemplate;

/// One file of the site: a path relative to the output folder, with `/`
/// separators, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// "Now" for every computed date.
    pub today: NaiveDate,
    /// Include private notes and people (`build --private`).
    pub private: bool,
    /// Extra HTML for the end of `<body>` (the dev server's reload script).
    pub body_end: Option<String>,
    /// In a cohort, build only this member's workbook (`build --person ID`).
    pub person: Option<String>,
}

/// A page after its template ran and its Markdown was read: what the workbook
/// view and the checks need. It is converted to HTML only when it is written,
/// so a big book's HTML is never all in memory. (Converting it here and keeping
/// the HTML in a temporary file until then, to parse each page once, was
/// measured: the file's writes and reads cost what the second parse saved.)
struct PageBody<'a> {
    title: String,
    /// The Markdown after the page's template ran (the source itself when it has
    /// no template syntax).
    text: Cow<'a, str>,
    headings: Vec<Heading>,
    links: Vec<markdown::PageLink>,
}

#[derive(Serialize)]
struct PageLinkCtx<'a> {
    title: &'a str,
    url: String,
}

/// Render the whole site into `sink`. Returns `None` if any page failed (the
/// reasons are in `diags`); what was written then must be thrown away.
///
/// A single person's project is one workbook at the site's root. A cohort
/// (`data/people/<id>/`) gets the organisation's guide, without personal data, at
/// the root, a cohort report, and one complete workbook per member under `<id>/`;
/// all of them share the theme's assets.
pub fn render(
    project: &Project,
    opts: &RenderOptions,
    sink: &dyn Sink,
    diags: &mut Diagnostics,
) -> Option<SiteStats> {
    let site = Site::new(sink);
    // The theme, and the pages that are templates: parsed once for every
    // workbook.
    let (tera, pages) = rayon::join(
        || templates::compile_theme(&project.theme),
        || PageTemplates::compile(&project.content),
    );
    let tera = match tera {
        Ok(t) => t,
        Err(problems) => {
            diags.extend(problems);
            return None;
        }
    };
    let read = read_once(project, &pages);
    let compiled = Compiled {
        theme: &tera,
        pages: PageSources {
            templates: &pages,
            read: &read,
        },
    };
    if let Some(id) = &opts.person
        && !project.members.iter().any(|m| &m.id == id)
    {
        let ids = project.members.iter().map(|m| m.id.as_str());
        diags.push(
            Diagnostic::error("cohort", format!("there is no member `{id}` in data/people/"))
                .help(match crate::diagnostics::suggest(id, ids) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if project.members.is_empty() => {
                        "--person builds one member of a cohort; this project has no data/people/ folder".to_string()
                    }
                    None => "use the name of a folder under data/people/".to_string(),
                }),
        );
        return None;
    }
    // At the root: the person's workbook, or a cohort's guide without personal data.
    let guide = Workbook::default();
    let root = if project.members.is_empty() {
        &project.workbook
    } else {
        &guide
    };
    render_workbook(
        project,
        compiled,
        root,
        "",
        Threads::All,
        opts,
        &site,
        diags,
    )?;
    if !project.members.is_empty() {
        let members: Vec<&crate::load::Member> = project
            .members
            .iter()
            .filter(|m| opts.person.as_ref().is_none_or(|id| &m.id == id))
            .collect();
        // Members are built side by side; when there are enough of them to keep
        // every thread busy, each member's pages go in order on one thread, which
        // then copies the shared context once rather than once per piece of work.
        let threads = if members.len() >= rayon::current_num_threads() {
            Threads::One
        } else {
            Threads::All
        };
        let member_diags: Vec<Diagnostics> = members
            .par_iter()
            .map(|m| {
                let mut d = Diagnostics::new();
                let prefix = format!("{}/", m.id);
                render_workbook(
                    project,
                    compiled,
                    &m.workbook,
                    &prefix,
                    threads,
                    opts,
                    &site,
                    &mut d,
                );
                d
            })
            .collect();
        for d in member_diags {
            diags.extend(d);
        }
        if diags.has_errors() {
            return None;
        }
        match cohort::report(project, &tera, opts) {
            Ok(files) => {
                for f in files {
                    put(&site, &f.path, &f.bytes, diags);
                }
            }
            Err(d) => diags.push(d),
        }
    }
    shared_files(project, &tera, opts, &site, diags);
    (!diags.has_errors()).then(|| site.stats())
}

/// Write a file, reporting a failure (or a path written twice) in `diags`.
fn put(site: &Site, path: &str, bytes: &[u8], diags: &mut Diagnostics) {
    if let Err(d) = site.put(path, bytes) {
        diags.push(d);
    }
}

/// The theme's assets, the 404 page, additional CSS and the logo: once per site.
fn shared_files(
    project: &Project,
    tera: &tera::Tera,
    opts: &RenderOptions,
    site: &Site,
    diags: &mut Diagnostics,
) {
    if tera.get_template("404.html").is_ok() {
        let mut ctx = shared_context(project, &Workbook::default(), opts, true);
        ctx.insert("root", "");
        ctx.insert("site_root", "");
        match render_template(tera, "404.html", &ctx, project) {
            Ok(html) => put(site, "404.html", html.as_bytes(), diags),
            Err(d) => diags.push(d),
        }
    }
    for (name, file) in project.theme.static_files() {
        put(site, &format!("assets/{name}"), &file.bytes, diags);
    }
    if let (Some(logo), Some(url)) = (
        &project.config.branding.logo,
        project.config.branding.logo_url(),
    ) {
        match read_inside(&project.root, logo) {
            Ok(bytes) => put(site, &url, &bytes, diags),
            Err(e) => diags.push(
                Diagnostic::error(
                    "config",
                    format!("cannot read the logo `{}`: {e}", logo.display()),
                )
                .in_file(crate::config::FILE_NAME)
                .at(project.config.line_of("branding.logo"), 1)
                .help("fix the path in [branding] logo; it is relative to the project folder"),
            ),
        }
    }
    for css in &project.config.output.html.additional_css {
        let rel = crate::load::content::slash_path(css);
        match read_inside(&project.root, css) {
            Ok(bytes) => put(site, &rel, &bytes, diags),
            Err(e) => diags.push(
                Diagnostic::error(
                    "config",
                    format!("cannot read additional CSS `{}`: {e}", css.display()),
                )
                .in_file(crate::config::FILE_NAME)
                .at(project.config.line_of("output.html.additional-css"), 1)
                .help("fix the path in [output.html] additional-css"),
            ),
        }
    }
}

/// Read a file named in book.toml, refusing one that resolves (through a symbolic
/// link) outside the project: the site must not publish files from elsewhere.
fn read_inside(root: &std::path::Path, rel: &std::path::Path) -> std::io::Result<Vec<u8>> {
    let path = root.join(rel);
    let inside = path.canonicalize()?.starts_with(root.canonicalize()?);
    if !inside {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "it leads outside the project folder",
        ));
    }
    crate::source::read_bytes(&path)
}

/// The templates of a build, parsed once: the theme's, and the pages' own.
#[derive(Clone, Copy)]
struct Compiled<'a> {
    theme: &'a tera::Tera,
    pages: PageSources<'a>,
}

/// The pages as every workbook of a build starts from them.
#[derive(Clone, Copy)]
struct PageSources<'a> {
    /// The pages that are templates, parsed.
    templates: &'a PageTemplates,
    /// By page index, in a cohort: the Markdown of a page that is not a template,
    /// read once, since it is the same in every member's workbook.
    read: &'a [Option<markdown::Document<'a>>],
}

impl<'a> PageSources<'a> {
    fn read(&self, index: usize) -> Option<&'a markdown::Document<'a>> {
        self.read.get(index).and_then(Option::as_ref)
    }
}

/// In a cohort, the pages that are not templates read once for every member (a
/// single workbook reads each page when it writes it, so that a big book is
/// never held in memory whole).
fn read_once<'p>(
    project: &'p Project,
    pages: &PageTemplates,
) -> Vec<Option<markdown::Document<'p>>> {
    if project.members.is_empty() {
        return Vec::new();
    }
    let content = &project.content;
    let mut read: Vec<Option<markdown::Document<'p>>> =
        content.pages.iter().map(|_| None).collect();
    let order = book::reading_order(content);
    let docs: Vec<(usize, markdown::Document<'p>)> = order
        .par_iter()
        .filter(|slot| pages.is_plain(slot.source))
        .map(|slot| {
            let body = content.pages[slot.source].body.as_str();
            (slot.source, markdown::parse(body, &slot.key, &slot.dir))
        })
        .collect();
    for (i, doc) in docs {
        read[i] = Some(doc);
    }
    read
}

/// Which threads write a workbook's pages.
#[derive(Clone, Copy)]
enum Threads {
    /// All of them: the workbook is the only one being built.
    All,
    /// One, page after page: other workbooks keep the other threads busy.
    One,
}

/// One complete workbook (pages, tracker, progress, print page, calendar, table
/// of contents, content files) under `prefix` (`""`, or `<id>/` for a member).
#[allow(clippy::too_many_arguments)]
fn render_workbook(
    project: &Project,
    compiled: Compiled<'_>,
    full: &Workbook,
    prefix: &str,
    threads: Threads,
    opts: &RenderOptions,
    site: &Site,
    diags: &mut Diagnostics,
) -> Option<()> {
    let content = &project.content;
    // The way from a page of this workbook up to the site's root, for shared assets.
    let up_to_site = "../".repeat(prefix.matches('/').count());
    let Prepared {
        order,
        bodies,
        workbook,
        shared,
        done,
        view,
    } = prepare(project, compiled.pages, full, opts, diags)?;
    let tera = compiled.theme;
    let workbook = &workbook;
    let titles: Vec<String> = bodies.iter().map(|b| b.title.clone()).collect();
    let generated = generated_pages(&view);
    let toc = book::toc(content, &order, &titles, &generated);
    let mut shared = shared;
    shared.insert("site_root", &up_to_site);
    // The progress per chapter grows with the book: only the progress page gets
    // it (as `chapters`), so what every page copies stays small.
    let mut view = view;
    let chapters = view
        .as_object_mut()
        .and_then(|v| v.remove("chapters"))
        .unwrap_or(Value::Null);
    shared.insert("workbook", &view);
    shared.insert("dashboard", &view["dashboard"]);
    shared.insert("timeline", &view["timeline"]);

    // 3. The pages with print.html, and the rest of the workbook, side by side.
    let writer = WorkbookWriter {
        project,
        order: &order,
        bodies: &bodies,
        titles: &titles,
        shared: &shared,
        done: &done,
        tera,
        site,
        prefix,
        up_to_site: &up_to_site,
        toc: &toc,
        threads,
        sources: compiled.pages,
    };
    let (book_diags, rest_diags) = rayon::join(
        || {
            let mut d = Diagnostics::new();
            writer.write_book(&view, &mut d);
            d
        },
        || {
            let mut d = Diagnostics::new();
            writer.write_rest(&view, chapters, &generated, workbook, opts, &mut d);
            d
        },
    );
    diags.extend(book_diags);
    diags.extend(rest_diags);
    (!diags.has_errors()).then_some(())
}

/// Stands for chapter `i` in the print template's output until the chapter is
/// written there. Control characters and a per-process number: no data or
/// template text can contain it by chance.
fn print_marker(i: usize) -> String {
    format!("\u{1}careerbook-chapter-{:x}-{i}\u{1}", markdown::nonce())
}

/// A context of one value, moved in. `Context::insert` and `json!` copy what they
/// are given, and a chapter list has a value per page of the book.
fn context_of(key: &str, value: Value) -> Context {
    let mut map = serde_json::Map::new();
    map.insert(key.to_string(), value);
    Context::from_value(Value::Object(map)).expect("an object")
}

/// A page's level-2 headings, each with the level-3 headings under it
/// (`subsections`): what an "On this page" list shows, without a test per heading
/// in the template.
fn sections(headings: &[markdown::Heading]) -> Vec<Value> {
    let mut sections: Vec<Value> = Vec::new();
    let mut subsections: Vec<Value> = Vec::new();
    let close = |sections: &mut Vec<Value>, subsections: &mut Vec<Value>| {
        if let Some(last) = sections.last_mut() {
            last["subsections"] = Value::Array(std::mem::take(subsections));
        }
    };
    for h in headings {
        match h.level {
            2 => {
                close(&mut sections, &mut subsections);
                sections.push(json!({"id": h.id, "text": h.text}));
            }
            // Before the first section there is nothing to put them under.
            3 if !sections.is_empty() => subsections.push(json!({"id": h.id, "text": h.text})),
            _ => {}
        }
    }
    close(&mut sections, &mut subsections);
    sections
}

/// Pages converted in parallel between two writes to print.html.
const PAGE_BATCH: usize = 256;

/// Everything a workbook's files are written from.
struct WorkbookWriter<'a> {
    project: &'a Project,
    order: &'a [PageSlot],
    bodies: &'a [PageBody<'a>],
    titles: &'a [String],
    /// The context every page starts from (without the data that grows with the
    /// book, so copying it per worker stays cheap).
    shared: &'a Context,
    done: &'a HashMap<String, String>,
    tera: &'a tera::Tera,
    site: &'a Site<'a>,
    prefix: &'a str,
    up_to_site: &'a str,
    toc: &'a [book::TocEntry],
    threads: Threads,
    /// The pages as every workbook starts from them (some already read).
    sources: PageSources<'a>,
}

impl WorkbookWriter<'_> {
    /// Everything but the pages: the relationship tracker, the progress page, the
    /// calendar, the table of contents and the content's files.
    fn write_rest(
        &self,
        view: &Value,
        chapters: Value,
        generated: &[GeneratedPage],
        workbook: &Workbook,
        opts: &RenderOptions,
        diags: &mut Diagnostics,
    ) {
        let (project, tera, site, prefix) = (self.project, self.tera, self.site, self.prefix);
        self.write_generated(view, chapters, generated, diags);
        if !workbook.people.is_empty() {
            // Members' events must not share ids: the book id gets the member's prefix.
            let calendar_id = format!("{}{}", book_id(project), prefix.trim_end_matches('/'));
            let ics = calendar::followups_ics(workbook, opts.today, &calendar_id);
            put(
                site,
                &format!("{prefix}followups.ics"),
                ics.as_bytes(),
                diags,
            );
        }
        // The table of contents, shared by this workbook's pages.
        let toc_js = format!(
            "// The table of contents, shared by every page.\nwindow.careerbookToc = {};\n",
            serde_json::to_string(self.toc).expect("the table of contents serialises")
        );
        put(site, &format!("{prefix}toc.js"), toc_js.as_bytes(), diags);
        if tera.get_template("toc.html").is_ok() {
            let mut ctx = self.shared.clone();
            ctx.insert("toc", self.toc);
            ctx.insert("root", "");
            match render_template(tera, "toc.html", &ctx, project) {
                Ok(html) => put(site, &format!("{prefix}toc.html"), html.as_bytes(), diags),
                Err(d) => diags.push(d),
            }
        }
        // Pages refer to their images relatively, so each workbook has its own copy.
        for asset in &project.content.assets {
            match std::fs::read(&asset.source) {
                Ok(bytes) => put(site, &format!("{prefix}{}", asset.rel), &bytes, diags),
                Err(e) => diags.push(
                    Diagnostic::error("io", format!("cannot read: {e}")).in_file(&asset.source),
                ),
            }
        }
    }

    /// The relationship tracker and the progress page. Only the progress page gets
    /// `chapters` (moved in, not copied: it grows with the book).
    fn write_generated(
        &self,
        view: &Value,
        chapters: Value,
        generated: &[GeneratedPage],
        diags: &mut Diagnostics,
    ) {
        let first_chapter = self.order.first().map(|s| PageLinkCtx {
            title: &self.titles[0],
            url: s.url.clone(),
        });
        let mut chapters = Some(chapters);
        // One copy of the shared context for all of them: only `page` (and the
        // progress page's `chapters`) differ.
        let mut ctx = self.shared.clone();
        ctx.insert("root", "");
        ctx.insert("content", "");
        ctx.insert("prev", &first_chapter);
        ctx.insert("next", &None::<PageLinkCtx>);
        ctx.insert("people_view", &view["people"]);
        ctx.insert("phases", &view["phases"]);
        ctx.insert(
            "progress_json",
            // Safe inside <script>: `<`, `>` and `&` as JSON escapes, so no id can
            // open a comment or close the script element early.
            &serde_json::to_string(&json!({"done": self.done}))
                .expect("progress serialises")
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026"),
        );
        for g in generated {
            ctx.insert("page", &json!({"title": g.title, "url": g.url, "headings": [], "sections": [], "has_h1": true, "is_index": false}));
            if g.template == "progress.html"
                && let Some(chapters) = chapters.take()
            {
                ctx.extend(context_of("chapters", chapters));
            }
            match render_template(self.tera, g.template, &ctx, self.project) {
                Ok(html) => put(
                    self.site,
                    &format!("{}{}", self.prefix, g.url),
                    html.as_bytes(),
                    diags,
                ),
                Err(d) => diags.push(d),
            }
            ctx.remove("chapters");
        }
    }

    /// The pages and print.html, in one pass: each page is converted, put in the
    /// theme and written as soon as it is ready, and its part of print.html follows
    /// in reading order, so the book is never held whole in memory.
    fn write_book(&self, view: &Value, diags: &mut Diagnostics) {
        let print = if self.tera.get_template("print.html").is_ok() {
            let mut ctx = self.shared.clone();
            let chapters: Vec<Value> = self
                .order
                .iter()
                .zip(self.bodies)
                .enumerate()
                .map(|(i, (slot, b))| {
                    json!({
                        "key": slot.key,
                        "title": b.title,
                        "has_h1": b.headings.iter().any(|h| h.level == 1),
                        "depth": slot.depth,
                        "html": print_marker(i),
                    })
                })
                .collect();
            ctx.insert("page", &json!({"title": "Print", "url": "print.html", "headings": [], "sections": [], "has_h1": true, "is_index": false}));
            ctx.insert("root", "");
            ctx.extend(context_of("chapters", Value::Array(chapters)));
            ctx.insert("people_view", &view["people"]);
            ctx.insert("phases", &view["phases"]);
            ctx.insert("page_size", self.project.config.print.page_size.css());
            ctx.insert("print", &true);
            match render_template(self.tera, "print.html", &ctx, self.project) {
                Ok(skeleton) => Some(skeleton),
                Err(d) => {
                    diags.push(d);
                    return;
                }
            }
        } else {
            None
        };
        match &print {
            Some(skeleton) => {
                let path = format!("{}print.html", self.prefix);
                let mut failed = Vec::new();
                let written = self.site.stream(&path, &mut |w| {
                    failed = self.write_all(Some((skeleton, &mut *w)))?;
                    Ok(())
                });
                diags.extend(failed);
                if let Err(d) = written {
                    diags.push(d);
                }
            }
            None => match self.write_all(None) {
                Ok(failed) => diags.extend(failed),
                Err(e) => diags.push(Diagnostic::error("output", format!("cannot write: {e}"))),
            },
        }
    }

    /// Write every page; with `print`, also fill the print template's chapter
    /// markers in order. Returns the pages that failed.
    fn write_all(
        &self,
        mut print: Option<(&str, &mut (dyn Write + Send))>,
    ) -> std::io::Result<Vec<Diagnostic>> {
        let mut failed = Vec::new();
        let mut rest = print.as_ref().map(|(skeleton, _)| *skeleton).unwrap_or("");
        let with_print = print.is_some();
        // What a batch gives: each page's problem, if any, and its chapter of
        // print.html.
        type Batch<'b> = (&'b [usize], Vec<(Option<Diagnostic>, String)>);
        // Takes in a batch: its problems, and its chapters into print.html, in order.
        let mut take_in = |batch: Option<Batch>| -> std::io::Result<()> {
            let Some((indices, done)) = batch else {
                return Ok(());
            };
            for (&i, (problem, print_html)) in indices.iter().zip(done) {
                failed.extend(problem);
                let Some((_, w)) = print.as_mut() else {
                    continue;
                };
                // A theme may leave a chapter out; then its marker is not there.
                let marker = print_marker(i);
                if let Some(at) = rest.find(&marker) {
                    w.write_all(&rest.as_bytes()[..at])?;
                    w.write_all(print_html.as_bytes())?;
                    rest = &rest[at + marker.len()..];
                }
            }
            Ok(())
        };
        let indices: Vec<usize> = (0..self.order.len()).collect();
        // Each piece of work starts from its own copy of the shared context.
        let min_piece = match self.threads {
            Threads::All => 1,
            Threads::One => usize::MAX,
        };
        let mut previous: Option<Batch> = None;
        for batch in indices.chunks(PAGE_BATCH) {
            // The previous batch goes into print.html while this one is converted.
            let (taken, done) = rayon::join(
                || take_in(previous.take()),
                || {
                    batch
                        .par_iter()
                        .with_min_len(min_piece)
                        .map_init(
                            || (self.shared.clone(), Vec::new()),
                            |(ctx, buf), &i| self.write_page(ctx, buf, i, with_print),
                        )
                        .collect()
                },
            );
            taken?;
            previous = Some((batch, done));
        }
        take_in(previous)?;
        if let Some((_, w)) = print.as_mut() {
            w.write_all(rest.as_bytes())?;
        }
        Ok(failed)
    }

    /// Convert page `i`, put it in the theme and write it. Returns its problem, if
    /// any, and its body for the print page (ids prefixed per chapter, links
    /// between chapters pointing at sections).
    fn write_page(
        &self,
        ctx: &mut Context,
        buf: &mut Vec<u8>,
        i: usize,
        with_print: bool,
    ) -> (Option<Diagnostic>, String) {
        let (slot, body) = (&self.order[i], &self.bodies[i]);
        let page = &self.project.content.pages[slot.source];
        let parsed;
        let doc = match self.sources.read(slot.source) {
            Some(doc) => doc,
            None => {
                parsed = markdown::parse(&body.text, &slot.key, &slot.dir);
                &parsed
            }
        };
        let state = |t: &Task| self.done.get(&t.id).cloned();
        let (mut html, mut print_html) = if with_print {
            markdown::to_html_and_print(doc, &state, &slot.key)
        } else {
            (markdown::to_html(doc, &state), String::new())
        };
        if page.front.message.is_some() {
            html = mark_placeholders(&html);
            print_html = mark_placeholders(&print_html);
        }
        let root = "../".repeat(slot.url.matches('/').count());
        let link = |j: usize| {
            json!({
                "title": self.titles[j],
                "url": format!("{root}{}", self.order[j].url),
            })
        };
        // The page's own keys, moved into the worker's context: lists and the
        // page's HTML are set after `json!`, which would copy them.
        let headings: Vec<Value> = body
            .headings
            .iter()
            .filter(|h| h.level == 2 || h.level == 3)
            .map(|h| json!({"id": h.id, "text": h.text, "level": h.level}))
            .collect();
        let sections = sections(&body.headings);
        let mut own = json!({
            "page": {
                "title": body.title,
                "description": page.front.description,
                "url": slot.url,
                "source": page.rel,
                "has_h1": body.headings.iter().any(|h| h.level == 1),
                "is_index": slot.url == "index.html",
                "message": page.front.message,
            },
            "site_root": format!("{root}{}", self.up_to_site),
        });
        own["page"]["headings"] = Value::Array(headings);
        own["page"]["sections"] = Value::Array(sections);
        own["prev"] = i.checked_sub(1).map_or(Value::Null, link);
        own["next"] = if i + 1 < self.order.len() {
            link(i + 1)
        } else {
            Value::Null
        };
        own["root"] = Value::String(root);
        own["content"] = Value::String(html);
        ctx.extend(Context::from_value(own).expect("an object"));
        let is_index = slot.url == "index.html";
        if is_index {
            // Only the home page lists the contents inline; other pages share toc.js.
            ctx.insert("toc", self.toc);
        }
        let template = if is_index && self.tera.get_template("index.html").is_ok() {
            "index.html"
        } else {
            "page.html"
        };
        // Into the worker's buffer, which keeps its size from page to page.
        buf.clear();
        let r = render_template_to(self.tera, template, ctx, self.project, buf);
        let written = r.and_then(|()| self.site.put(&format!("{}{}", self.prefix, slot.url), buf));
        ctx.remove("toc");
        ctx.remove("content");
        (written.err(), print_html)
    }
}

/// A workbook's pages read, and its view.
struct Prepared<'a> {
    order: Vec<PageSlot>,
    bodies: Vec<PageBody<'a>>,
    /// What may be shown: the whole workbook in a private build, else the public part.
    workbook: Workbook,
    shared: Context,
    done: HashMap<String, String>,
    view: Value,
}

fn prepare<'a>(
    project: &'a Project,
    pages: PageSources<'_>,
    full: &Workbook,
    opts: &RenderOptions,
    diags: &mut Diagnostics,
) -> Option<Prepared<'a>> {
    prepare_with(project, pages, full, opts, true, diags)
}

/// [`prepare`], saying whether templates see the untyped data files.
fn prepare_with<'a>(
    project: &'a Project,
    pages: PageSources<'_>,
    full: &Workbook,
    opts: &RenderOptions,
    data_files: bool,
    diags: &mut Diagnostics,
) -> Option<Prepared<'a>> {
    let order = book::reading_order(&project.content);
    // Private people and notes only in a private build.
    let workbook = if opts.private {
        full.clone()
    } else {
        full.public()
    };
    let shared = shared_context(project, &workbook, opts, data_files);
    let done: HashMap<String, String> = workbook
        .progress
        .done
        .iter()
        .map(|(id, date)| (id.clone(), date.to_string()))
        .collect();

    // 1. Bodies: template, then Markdown. In parallel; each page on its own.
    let read: Vec<_> = order
        .par_iter()
        .map(|slot| read_body(project, pages, slot, &shared))
        .collect();
    // Each page's checklist items go to the plan; nothing after needs them on the page.
    let (mut bodies, mut tasks) = (
        Vec::with_capacity(read.len()),
        Vec::with_capacity(read.len()),
    );
    for b in read {
        match b {
            Ok((body, page_tasks)) => {
                bodies.push(body);
                tasks.push(page_tasks);
            }
            Err(problems) => diags.extend(problems),
        }
    }
    if bodies.len() != order.len() {
        return None;
    }

    // 2. The links and checklist ids checked, beside the personal workbook: plan,
    // checklists, dashboard, people, drafts.
    let (link_problems, (view, view_diags)) = rayon::join(
        || {
            let mut d = Diagnostics::new();
            d.extend(check_links(project, &order, &bodies));
            check_task_ids(project, &order, &tasks, &mut d);
            d
        },
        || {
            let mut d = Diagnostics::new();
            let view = workbook_view(project, &workbook, &order, &bodies, &tasks, opts, &mut d);
            (view, d)
        },
    );
    diags.extend(link_problems);
    diags.extend(view_diags);
    Some(Prepared {
        order,
        bodies,
        workbook,
        shared,
        done,
        view,
    })
}

/// What the PDF is typeset from, for one workbook: its view, and every page's
/// Markdown after the page's template ran with that workbook, in reading order.
pub struct PdfSource {
    pub view: Value,
    /// The pages in reading order, and their text in the same order.
    pub order: Vec<PageSlot>,
    pub texts: Vec<String>,
    /// Checklist item id → the date it was done.
    pub done: HashMap<String, String>,
}

/// The PDF's source for `full` (a person's or a member's workbook), or for a
/// blank, fill-in-by-hand copy: no personal data at all, not even the untyped
/// data files.
pub fn pdf_source(
    project: &Project,
    full: &Workbook,
    opts: &RenderOptions,
    blank: bool,
    diags: &mut Diagnostics,
) -> Option<PdfSource> {
    let empty = Workbook::default();
    let full = if blank { &empty } else { full };
    let Prepared {
        order,
        bodies,
        mut view,
        done,
        ..
    } = prepare_with(
        project,
        PageSources {
            templates: &PageTemplates::compile(&project.content),
            read: &[],
        },
        full,
        opts,
        !blank,
        diags,
    )?;
    view["book"] = json!({
        "title": project.config.book.title,
        "authors": project.config.book.authors,
        "description": project.config.book.description,
        "language": project.config.book.language,
    });
    Some(PdfSource {
        view,
        order,
        texts: bodies.into_iter().map(|b| b.text.into_owned()).collect(),
        done,
    })
}

/// A page careerbook writes from the data rather than from a Markdown file.
pub struct GeneratedPage {
    pub title: &'static str,
    pub url: &'static str,
    pub template: &'static str,
}

/// The relationship tracker appears when there are people to track; the progress
/// page whenever the book has checklists.
fn generated_pages(view: &Value) -> Vec<GeneratedPage> {
    let mut out = Vec::new();
    if view["people"].as_array().is_some_and(|p| !p.is_empty()) {
        out.push(GeneratedPage {
            title: "Your relationships",
            url: "relationships.html",
            template: "relationships.html",
        });
    }
    if view["progress"]["total"].as_u64().unwrap_or(0) > 0 {
        out.push(GeneratedPage {
            title: "Your progress",
            url: "progress.html",
            template: "progress.html",
        });
    }
    out
}

/// The plan (from the headings that carry `months=`), the checklist items of every
/// page, and from them the workbook view shared by every output.
fn workbook_view(
    project: &Project,
    workbook: &Workbook,
    order: &[PageSlot],
    rendered: &[PageBody],
    page_tasks: &[Vec<Task>],
    opts: &RenderOptions,
    diags: &mut Diagnostics,
) -> Value {
    let pages = &project.content.pages;
    let mut tasks = Vec::new();
    let mut phase_defs = Vec::new();
    let mut plan_page: Option<String> = None;
    let mut messages = Vec::new();
    for ((slot, body), page_tasks) in order.iter().zip(rendered).zip(page_tasks) {
        let page = &pages[slot.source];
        let (title, url): (Arc<str>, Arc<str>) =
            (body.title.as_str().into(), slot.url.as_str().into());
        for t in page_tasks {
            tasks.push(TaskRef::new(
                t.id.as_str(),
                t.text.as_str(),
                title.clone(),
                url.clone(),
                t.section.clone(),
            ));
        }
        for h in &body.headings {
            let Some((_, months)) = h.attrs.iter().find(|(k, _)| k == "months") else {
                continue;
            };
            if plan_page.as_ref().is_some_and(|p| p != &slot.url) {
                diags.push(
                    Diagnostic::warning("plan", "plan phases are already defined on another page")
                        .in_file(&page.file)
                        .at(h.line, 0)
                        .help(format!(
                            "keep the `months=` headings of the 12-month plan on one page ({})",
                            plan_page.as_deref().unwrap_or_default()
                        )),
                );
                continue;
            }
            match PhaseDef::from_heading(&h.id, &h.text, months) {
                Ok(def) => {
                    plan_page = Some(slot.url.clone());
                    phase_defs.push(def);
                }
                Err(e) => diags.push(
                    Diagnostic::error("plan", e)
                        .in_file(&page.file)
                        .at(h.line, 0)
                        .help(
                            "write the months as `months=1-2`, `months=9-12` or `months=ongoing`",
                        ),
                ),
            }
        }
        if let Some(meta) = &page.front.message {
            check_placeholders(page, meta, diags);
            let (_, name) = book::split_dir(&page.rel);
            messages.push(MessageTemplate {
                id: name.trim_end_matches(".md").to_string(),
                title: body.title.clone(),
                url: slot.url.clone(),
                meta: meta.clone(),
                body: page.body.clone(),
            });
        }
    }
    let mut plan = Plan::new(phase_defs, workbook.plan_start());
    if let Some(url) = plan_page {
        plan = plan.on_page(url);
    }
    crate::model::checklist::check_progress_ids(&tasks, &project.workbook.progress, diags);
    let summary = crate::model::checklist::summarise(&tasks, &plan, &workbook.progress);
    let titles: FxHashMap<String, String> = order
        .iter()
        .zip(rendered)
        .map(|(s, r)| (s.url.clone(), r.title.clone()))
        .collect();
    workbook::view(
        &workbook::Inputs {
            workbook,
            plan: &plan,
            tasks: &tasks,
            summary: &summary,
            messages: &messages,
            titles: &titles,
            today: opts.today,
            private: opts.private,
        },
        diags,
    )
}

/// A message template's `placeholders:` must list exactly what its text uses.
fn check_placeholders(page: &SourcePage, meta: &MessageMeta, diags: &mut Diagnostics) {
    let mut used = crate::model::message::placeholders(&page.body);
    if let Some(subject) = &meta.subject {
        for p in crate::model::message::placeholders(subject) {
            if !used.contains(&p) {
                used.push(p);
            }
        }
    }
    let undeclared: Vec<&str> = used
        .iter()
        .filter(|u| !meta.placeholders.contains(u))
        .map(String::as_str)
        .collect();
    let unused: Vec<&str> = meta
        .placeholders
        .iter()
        .filter(|d| !used.contains(d))
        .map(String::as_str)
        .collect();
    if !undeclared.is_empty() {
        diags.push(
            Diagnostic::warning(
                "message",
                format!("the template uses placeholders it does not list: {}", undeclared.join(", ")),
            )
            .in_file(&page.file)
            .at(2, 1)
            .help("add them to `placeholders:` in the front matter, so editors and checks know what the template needs"),
        );
    }
    if !unused.is_empty() {
        diags.push(
            Diagnostic::warning(
                "message",
                format!(
                    "`placeholders:` lists names the template never uses: {}",
                    unused.join(", ")
                ),
            )
            .in_file(&page.file)
            .at(2, 1)
            .help("remove them from `placeholders:`, or use them as `{name}` in the text"),
        );
    }
}

/// Namespaces what the browser remembers (ticked checklists) and the calendar's
/// event ids per workbook.
pub fn book_id(project: &Project) -> String {
    let c = &project.config;
    markdown::slug(&format!("{} {}", c.book.title, c.output.html.base_url))
}

fn render_template(
    tera: &tera::Tera,
    name: &str,
    ctx: &Context,
    project: &Project,
) -> Result<String, Diagnostic> {
    tera.render(name, ctx)
        .map_err(|e| template_failure(project, name, &e))
}

/// [`render_template`], appending to `out`.
fn render_template_to(
    tera: &tera::Tera,
    name: &str,
    ctx: &Context,
    project: &Project,
    out: &mut Vec<u8>,
) -> Result<(), Diagnostic> {
    tera.render_to(name, ctx, out)
        .map_err(|e| template_failure(project, name, &e))
}

/// A theme template that failed while rendering.
fn template_failure(project: &Project, name: &str, e: &tera::Error) -> Diagnostic {
    let file = project
        .theme
        .files
        .get(&format!("templates/{name}"))
        .map(|f| f.display_path(&format!("templates/{name}")))
        .unwrap_or_else(|| format!("templates/{name}").into());
    Diagnostic::error("template", templates::error_chain(e))
        .in_file(file)
        .help("a theme template failed while rendering: check the names it uses against the template reference in the README")
}

/// Run the page's template and read its Markdown for headings, checklist items
/// and links. The checklist items come apart from the page.
fn read_body<'a>(
    project: &'a Project,
    pages: PageSources<'_>,
    slot: &PageSlot,
    shared: &Context,
) -> Result<(PageBody<'a>, Vec<Task>), Vec<Diagnostic>> {
    let page = &project.content.pages[slot.source];
    let text = pages
        .templates
        .render(slot.source, page, shared)
        .map_err(|d| vec![d])?;
    // The page's title, once its Markdown is known to hold nothing refused.
    let title_of = |doc: &markdown::Document| -> Result<String, Vec<Diagnostic>> {
        // Refused links and impossible checklist ids: every one of them, at once.
        let problems = doc.diagnostics(&page.file, page.body_line);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(page
            .front
            .title
            .clone()
            .or_else(|| doc.first_h1().map(str::to_string))
            .unwrap_or_else(|| {
                let (dir, name) = book::split_dir(&page.rel);
                book::humanise(if name == "index.md" && !dir.is_empty() {
                    book::split_dir(dir).1
                } else {
                    name
                })
            }))
    };
    let (title, mut headings, mut tasks, mut links) = match pages.read(slot.source) {
        // Read once for every workbook: each gets a copy.
        Some(doc) => (
            title_of(doc)?,
            doc.headings.clone(),
            doc.tasks.clone(),
            doc.links.clone(),
        ),
        // Read for this workbook alone.
        None => {
            let doc = markdown::scan(&text, &slot.key, &slot.dir);
            (title_of(&doc)?, doc.headings, doc.tasks, doc.links)
        }
    };
    // Lines within the body become lines of the file.
    headings.iter_mut().for_each(|h| h.line += page.body_line);
    tasks.iter_mut().for_each(|t| t.line += page.body_line);
    links.iter_mut().for_each(|l| l.line += page.body_line);
    Ok((
        PageBody {
            title,
            text,
            headings,
            links,
        },
        tasks,
    ))
}

/// In a message template's own page, show `{placeholder}`s as blanks to fill.
fn mark_placeholders(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if crate::model::message::is_placeholder_name(&after[..close]) => {
                out.push_str("<mark class=\"placeholder\">{");
                out.push_str(&after[..close]);
                out.push_str("}</mark>");
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Links must reach a page, and a heading on it. Pages are checked in parallel;
/// the problems come back in reading order.
fn check_links(project: &Project, order: &[PageSlot], rendered: &[PageBody]) -> Vec<Diagnostic> {
    let pages = &project.content.pages;
    let anchors: FxHashMap<&str, FxHashSet<&str>> = order
        .iter()
        .zip(rendered)
        .map(|(slot, r)| {
            (
                pages[slot.source].rel.as_str(),
                r.headings.iter().map(|h| h.id.as_str()).collect(),
            )
        })
        .collect();
    let per_page: Vec<Vec<Diagnostic>> = order
        .par_iter()
        .zip(rendered)
        .map(|(slot, r)| {
            let file = &pages[slot.source].file;
            let mut problems = Vec::new();
            for link in &r.links {
                match anchors.get(link.target.as_str()) {
                    None => problems.push(
                        Diagnostic::warning(
                            "link",
                            format!("the link points to `{}`, which is not a page", link.target),
                        )
                        .in_file(file)
                        .at(link.line, link.column)
                        .help("link to a .md file under content/, relative to this page"),
                    ),
                    Some(ids) => {
                        if let Some(f) = &link.fragment
                            && !ids.contains(f.as_str())
                        {
                            let suggestion = crate::diagnostics::suggest(f, ids.iter().copied());
                            problems.push(
                                Diagnostic::warning(
                                    "link",
                                    format!("`{}` has no heading `#{f}`", link.target),
                                )
                                .in_file(file)
                                .at(link.line, link.column)
                                .help(match suggestion {
                                    Some(s) => format!("did you mean `#{s}`?"),
                                    None => {
                                        "link to one of the page's headings, or drop the `#…` part"
                                            .into()
                                    }
                                }),
                            );
                        }
                    }
                }
            }
            problems
        })
        .collect();
    per_page.into_iter().flatten().collect()
}

/// Checklist ids must be unique across the book.
fn check_task_ids(
    project: &Project,
    order: &[PageSlot],
    tasks: &[Vec<Task>],
    diags: &mut Diagnostics,
) {
    let pages = &project.content.pages;
    let mut seen: FxHashMap<&str, (&std::path::Path, usize)> = FxHashMap::default();
    seen.reserve(tasks.iter().map(Vec::len).sum());
    for (slot, page_tasks) in order.iter().zip(tasks) {
        let file = &pages[slot.source].file;
        for t in page_tasks {
            if let Some((other, line)) = seen.insert(&t.id, (file, t.line)) {
                diags.push(
                    Diagnostic::error("checklist", format!("two checklist items have the id `{}`", t.id))
                        .in_file(file)
                        .at(t.line, 0)
                        .help(format!(
                            "the other is at {}:{line}; give one of them its own id with `{{#another-id}}` at the end of the item",
                            other.display()
                        )),
                );
            }
        }
    }
}

/// What every template sees: the book's settings and the workbook's data, with
/// the untyped data files unless `data_files` is false (a blank PDF).
fn shared_context(
    project: &Project,
    workbook: &Workbook,
    opts: &RenderOptions,
    data_files: bool,
) -> Context {
    let config = &project.config;
    let mut ctx = Context::new();
    if data_files {
        for (stem, value) in &project.data.files {
            ctx.insert(stem.as_str(), value);
        }
    }
    // `profile` and `people` are always there, so guidance can test them without
    // guarding against an undefined variable; every profile field is present
    // (null when not written), so `profile.region == "atlantic"` just works.
    let profile = workbook
        .profile
        .as_ref()
        .map(|p| serde_json::to_value(p).expect("a profile serialises"))
        .unwrap_or_else(|| json!({}));
    ctx.insert("profile", &profile);
    ctx.insert("people", &workbook.people);
    ctx.insert("progress", &workbook.progress);
    ctx.insert(
        "book",
        &json!({
            "title": config.book.title,
            "authors": config.book.authors,
            "description": config.book.description,
            "language": config.book.language,
        }),
    );
    let css: Vec<String> = config
        .output
        .html
        .additional_css
        .iter()
        .map(|p| crate::load::content::slash_path(p))
        .collect();
    ctx.insert(
        "site",
        &json!({
            "base_url": config.output.html.base_url,
            "additional_css": css,
            "private": opts.private,
            "today": opts.today.to_string(),
            "generator": concat!("careerbook ", env!("CARGO_PKG_VERSION")),
            "book_id": book_id(project),
            "branding": {
                "organisation": config.branding.organisation,
                "logo": config.branding.logo_url(),
                "accent": config.branding.accent,
                "footer": config.branding.footer,
                "contact": config.branding.contact,
            },
        }),
    );
    ctx.insert("body_end", &opts.body_end);
    ctx
}
