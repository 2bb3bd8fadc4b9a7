//! The HTML site: from compiled workbooks to the files of the site, each handed
//! to a [`Sink`] as soon as it is made ([`crate::output`] writes a build's to
//! disk). The project is never changed, and the same project and options give
//! the same files.

pub mod calendar;
mod generated;
mod pages;
pub mod report;
mod search;
pub mod sink;

use rayon::prelude::*;
use tera::Context;

use crate::audience::{Audience, Guard, ThirdParty};
use crate::book::TocEntry;
use crate::cohort;
use crate::compile::{self, CompiledWorkbook, PageSources};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::load::Project;
use crate::model::{Plan, Workbook};
use crate::options::Options;
use crate::templates::{self, PageTemplates};
use crate::view::{self, PageInfo, SharedContext};
use sink::Site;
pub use sink::{Discard, Memory, Sink, SiteStats};

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

/// Where a build's files go.
#[derive(Clone, Copy)]
pub struct Outputs<'a> {
    /// The site: a person's workbook, or a cohort's guide (publishable).
    pub site: &'a dyn Sink,
    /// A cohort's members: each member's workbook, a complete site of its own,
    /// under `<id>/`, and the cohort report. Nothing goes here outside a cohort.
    pub members: &'a dyn Sink,
}

impl<'a> Outputs<'a> {
    /// Both trees into one sink (a check, which keeps nothing).
    pub fn both(sink: &'a dyn Sink) -> Self {
        Outputs {
            site: sink,
            members: sink,
        }
    }
}

/// What a render wrote, per tree, and for whom.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rendered {
    pub site: SiteStats,
    pub members: SiteStats,
    /// The audience built for ([`Audience::of`]: your own copy of nothing
    /// personal is a public build).
    pub audience: Audience,
}

/// Render the whole site into `outputs`. Returns `None` if any page failed
/// (the reasons are in `diags`); what was written then must be thrown away.
///
/// A single person's project is one workbook at the site's root. A cohort
/// (`data/people/<id>/`) gets the organization's guide, without personal data,
/// at the site's root, and in the members' tree a complete workbook per member
/// under `<id>/` (its own assets included, to hand over as it is) and the
/// cohort report.
pub fn render(
    project: &Project,
    opts: &Options,
    outputs: Outputs<'_>,
    diags: &mut Diagnostics,
) -> Option<Rendered> {
    let languages = project.config.languages();
    if languages.len() == 1 {
        return render_language(project, opts, outputs, diags);
    }
    // The default language at the root, each other under its primary subtag:
    // the same site, once per language.
    let mut total: Option<Rendered> = None;
    let mut seen = std::collections::HashSet::new();
    for (i, tag) in languages.iter().enumerate() {
        let prefix = project.config.folder_of(tag);
        // A cohort's members each have one workbook, in their language, at
        // `<id>/` ([`cohort::workbooks`]); only the report goes under `fr/`.
        let site = sink::Prefixed {
            inner: outputs.site,
            prefix,
        };
        let view = project.in_language(tag);
        let mut d = Diagnostics::new();
        let rendered = render_language(
            &view,
            opts,
            Outputs {
                site: &site,
                members: outputs.members,
            },
            &mut d,
        );
        // A problem in the data is found once per language: say it once.
        let place = |w: &Diagnostic| (w.file.clone(), w.line, w.column, w.code);
        if i == 0 {
            seen.extend(d.iter().map(place));
            diags.extend(d);
        } else {
            diags.extend(
                d.into_iter()
                    .filter(|w| w.severity == Severity::Error || !seen.contains(&place(w))),
            );
        }
        let rendered = rendered?;
        total = Some(match total {
            None => rendered,
            Some(t) => Rendered {
                site: t.site + rendered.site,
                members: t.members + rendered.members,
                audience: t.audience,
            },
        });
    }
    total
}

/// [`render`], in the language of this view of the project.
fn render_language(
    project: &Project,
    opts: &Options,
    outputs: Outputs<'_>,
    diags: &mut Diagnostics,
) -> Option<Rendered> {
    let workbooks = match cohort::workbooks(project, opts.person.as_deref()) {
        Ok(w) => w,
        Err(problems) => {
            diags.extend(problems);
            return None;
        }
    };
    // Your own copy of nothing personal is a public build.
    let opts = &Options {
        audience: opts.shown().of(project),
        ..opts.clone()
    };
    // What is meant for publishing (a public build, a cohort's guide) is read
    // back as it is written: a file that still shows a person the project
    // tracks, or a member, fails the build.
    if !(workbooks.is_cohort || opts.shown() == Audience::Public) {
        return render_workbooks(project, opts, &workbooks, outputs, diags);
    }
    let everyone =
        std::iter::once(&project.workbook).chain(project.members.iter().map(|m| &m.workbook));
    let people = ThirdParty::of(everyone, workbooks.is_cohort).except_written_in(
        crate::load::base::Base::builtin()
            .files()
            .map(|(_, text)| text),
    );
    let guard = Guard::new(outputs.site, &people);
    let rendered = render_workbooks(
        project,
        opts,
        &workbooks,
        Outputs {
            site: &guard,
            ..outputs
        },
        diags,
    );
    let found = guard.findings_with(|path| own_page_of(project, path));
    let clean = found.is_empty();
    diags.extend(found);
    rendered.filter(|_| clean)
}

/// The project's own page (not a built-in one) that the site's file `path`
/// (`thanks.html`, `fr/thanks.html`) was made from, as the project names it
/// (`content/thanks.md`).
fn own_page_of(project: &Project, path: &str) -> Option<String> {
    let config = &project.config;
    let in_language = |tag: &str| -> Option<&[crate::load::content::SourcePage]> {
        if tag == config.default_language() {
            Some(&project.content.pages)
        } else {
            project
                .content
                .translations
                .get(crate::config::primary_subtag(tag))
                .map(Vec::as_slice)
        }
    };
    config.languages().iter().find_map(|tag| {
        let rest = path.strip_prefix(config.folder_of(tag).as_str())?;
        let rel = format!("{}.md", rest.strip_suffix(".html")?);
        in_language(tag)?
            .iter()
            .find(|page| page.rel == rel && !crate::load::base::is_built_in(&page.file))
            .map(|page| page.file.display().to_string())
    })
}

/// [`render`], with no second look at what is written.
fn render_workbooks(
    project: &Project,
    opts: &Options,
    workbooks: &cohort::Workbooks<'_>,
    outputs: Outputs<'_>,
    diags: &mut Diagnostics,
) -> Option<Rendered> {
    let site = Site::new(outputs.site);
    // The theme, and the pages that are templates: parsed once for every
    // workbook.
    let (tera, pages) = rayon::join(
        || templates::compile_theme(&project.theme, &project.locale()),
        || PageTemplates::compile(&project.content, &project.locale()),
    );
    let tera = match tera {
        Ok(t) => t,
        Err(problems) => {
            diags.extend(problems);
            return None;
        }
    };
    let read = compile::read_once(project, &pages);
    // A cohort's guide holds no personal data: it is built for the web.
    let guide_opts = Options {
        audience: Audience::Public,
        ..opts.clone()
    };
    let build = Build {
        project,
        opts: if workbooks.is_cohort {
            &guide_opts
        } else {
            opts
        },
        theme: &tera,
        pages: PageSources {
            templates: &pages,
            read: &read,
        },
        site: &site,
        search: None,
    };
    let guide_plan = build.workbook(workbooks.root, "", Threads::All, diags)?;
    let guide_files = build.shared_files(diags);
    build.put_all("", &guide_files, diags);
    let members_site = Site::new(outputs.members);
    let read_pages = search::Shared::default();
    if workbooks.is_cohort {
        let members = Build {
            opts,
            site: &members_site,
            search: Some(&read_pages),
            ..build
        };
        // Members are built side by side; when there are enough of them to keep
        // every thread busy, each member's pages go in order on one thread, which
        // then copies the shared context once rather than once per piece of work.
        let threads = if workbooks.members.len() >= rayon::current_num_threads() {
            Threads::One
        } else {
            Threads::All
        };
        let member_diags: Vec<Diagnostics> = workbooks
            .members
            .par_iter()
            .map(|m| {
                let mut d = Diagnostics::new();
                let prefix = format!("{}/", m.id);
                members.workbook(&m.workbook, &prefix, threads, &mut d);
                // The 404 page is nobody's, the assets everybody's: the guide's.
                members.put_all(&prefix, &guide_files, &mut d);
                d
            })
            .collect();
        for d in member_diags {
            diags.extend(d);
        }
        if diags.has_errors() {
            return None;
        }
        // The report is about people, even in aggregate: it goes with the
        // members (as cohort.html, and as index.html, which the tree opens on),
        // and to the site only when `[cohort] publish-report` asks, without names.
        let cohort = &project.config.cohort;
        // The report in each language: the default's at the top of the tree,
        // another's under its folder (`fr/`), beside the members' folders.
        let lang = project.config.folder_of(&project.config.book.language);
        let up = if lang.is_empty() { "" } else { "../" };
        match report::report(project, &tera, &guide_plan, opts, cohort.show_names, false) {
            Ok(html) => {
                members.put(&format!("{lang}cohort.html"), html.as_bytes(), diags);
                members.put(&format!("{lang}index.html"), html.as_bytes(), diags);
            }
            Err(d) => diags.push(d),
        }
        if cohort.publish_report {
            match report::report(project, &tera, &guide_plan, build.opts, false, true) {
                Ok(html) => build.put("cohort.html", html.as_bytes(), diags),
                Err(d) => diags.push(d),
            }
        }
        // The coordinator's sidebar: the report, and each member's workbook
        // when the report may name them.
        let mut toc = vec![TocEntry {
            title: project.locale().t("page-cohort-report"),
            url: Some("cohort.html".into()),
            level: 0,
            part: false,
        }];
        if cohort.show_names {
            // Every member, whatever their workbook's language, as the
            // report's table lists them: with `--person` the others' folders
            // are kept from the last build (a member with none is a warning).
            toc.extend(project.members.iter().map(|m| {
                TocEntry {
                    title: m
                        .workbook
                        .profile
                        .as_ref()
                        .map_or_else(|| m.id.clone(), |p| p.name.clone()),
                    url: Some(format!("{up}{}/index.html", m.id)),
                    level: 0,
                    part: false,
                }
            }));
        }
        members.put(
            &format!("{lang}toc.js"),
            generated::toc_js(&toc, &project.locale()).as_bytes(),
            diags,
        );
        // Without JavaScript the sidebar is this page, in a frame.
        let guide = Workbook::default();
        let ctx =
            SharedContext::new(project, &guide, opts.today, opts.shown()).to_tera(project, false);
        match generated::toc_html(&tera, ctx, &toc, project) {
            Some(Ok(html)) => members.put(&format!("{lang}toc.html"), html.as_bytes(), diags),
            Some(Err(d)) => diags.push(d),
            None => {}
        }
        members.put_all(&lang, &guide_files, diags);
    }
    (!diags.has_errors()).then(|| Rendered {
        site: site.stats(),
        members: members_site.stats(),
        audience: opts.shown(),
    })
}

/// What every workbook of one build shares.
#[derive(Clone, Copy)]
struct Build<'a> {
    project: &'a Project,
    opts: &'a Options,
    /// The theme's templates, parsed once.
    theme: &'a tera::Tera,
    /// The pages as every workbook starts from them (some already read).
    pages: PageSources<'a>,
    site: &'a Site<'a>,
    /// Pages the search index has read for another workbook (a cohort's
    /// members share the guide's chapters).
    search: Option<&'a search::Shared>,
}

/// Which threads write a workbook's pages.
#[derive(Clone, Copy)]
enum Threads {
    /// All of them: the workbook is the only one being built.
    All,
    /// One, page after page: other workbooks keep the other threads busy.
    One,
}

impl Build<'_> {
    /// Write a file, reporting a failure (or a path written twice) in `diags`.
    fn put(&self, path: &str, bytes: &[u8], diags: &mut Diagnostics) {
        if let Err(d) = self.site.put(path, bytes) {
            diags.push(d);
        }
    }

    /// One complete workbook (pages, tracker, progress, print page, calendar,
    /// table of contents, content files) under `prefix` (`""`, or `<id>/` for a
    /// member). Returns its plan.
    fn workbook(
        &self,
        workbook: &Workbook,
        prefix: &str,
        threads: Threads,
        diags: &mut Diagnostics,
    ) -> Option<Plan> {
        let compiled = compile::compile(self.project, self.pages, workbook, self.opts, diags)?;
        let mut view = view::workbook(&compiled, self.opts, diags);
        let chapters = view.take_chapters();
        let titles = compiled.titles();
        let generated = generated::pages(&view, &compiled.locale);
        let toc = crate::book::toc(&self.project.content, &compiled.order, &titles, &generated);
        let mut shared = compiled.context.clone();
        // Every workbook is a site of its own, with its own assets (a cohort's
        // member's can be handed over as it is): its pages reach the assets
        // the way they reach its root.
        shared.insert("site_root", "");
        if !prefix.is_empty() {
            // A member's workbook is built in their language only: no link to
            // versions in the others, which do not exist.
            shared.insert("languages", &[] as &[crate::view::context::LanguageLink]);
        }
        shared.insert("workbook", &view);
        shared.insert("dashboard", &view.dashboard);
        shared.insert("timeline", &view.timeline);
        let scope = if self.project.config.output.html.search {
            search::Scope::Everything
        } else {
            search::Scope::Off
        };
        // The index's files go to the site as they are made (its pages files
        // as they fill, so the workbook's text is not held until the end).
        let spilled = std::sync::Mutex::new(Vec::new());
        let spill = |file: OutputFile| {
            if let Err(d) = self.site.put(&file.path, &file.bytes) {
                spilled
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .push(d);
            }
        };
        let search = search::Collector::new(scope, self.search, prefix).spilling_to(&spill);
        let writer = pages::Writer {
            build: *self,
            search: &search,
            compiled: &compiled,
            view: &view,
            shared: &shared,
            prefix,
            toc: &toc,
            pager: &crate::book::Pager::new(&toc),
            threads,
        };
        // The pages with print.html, and the rest of the workbook, side by side.
        let (book_diags, rest_diags) = rayon::join(
            || {
                let mut d = Diagnostics::new();
                writer.write_book(&mut d);
                d
            },
            || {
                let mut d = Diagnostics::new();
                writer.write_rest(chapters, &generated, &mut d);
                d
            },
        );
        diags.extend(book_diags);
        diags.extend(rest_diags);
        search.finish().into_par_iter().for_each(spill);
        diags.extend(
            spilled
                .into_inner()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        );
        let CompiledWorkbook { plan, .. } = compiled;
        (!diags.has_errors()).then_some(plan)
    }

    /// The theme's assets, the 404 page, additional CSS and the logo: what a
    /// site has beside its pages. Made (and the project's files read) once, and
    /// put under each site's folder with [`Build::put_all`].
    fn shared_files(&self, diags: &mut Diagnostics) -> Vec<OutputFile> {
        let project = self.project;
        let mut files = Vec::new();
        if self.theme.get_template("404.html").is_ok() {
            let guide = Workbook::default();
            let mut ctx = SharedContext::new(project, &guide, self.opts.today, self.opts.shown())
                .to_tera(project, true);
            ctx.insert("root", "");
            ctx.insert("site_root", "");
            match render_template(self.theme, "404.html", &ctx, project) {
                Ok(html) => files.push(OutputFile::new("404.html", html)),
                Err(d) => diags.push(d),
            }
        }
        for (name, file) in project.theme.static_files() {
            files.push(OutputFile::new(
                format!("assets/{name}"),
                file.bytes.clone(),
            ));
        }
        let branding = &project.config.branding;
        if let (Some(logo), Some(url)) = (&branding.logo, branding.logo_url()) {
            match crate::source::read_inside(&project.root, logo) {
                Ok(bytes) => files.push(OutputFile::new(url, bytes)),
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
            match crate::source::read_inside(&project.root, css) {
                Ok(bytes) => files.push(OutputFile::new(rel, bytes)),
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
        files
    }

    /// Write `files` under `prefix` (`""`, or a member's folder).
    fn put_all(&self, prefix: &str, files: &[OutputFile], diags: &mut Diagnostics) {
        for f in files {
            self.put(&format!("{prefix}{}", f.path), &f.bytes, diags);
        }
    }
}

/// What JSON for a script writes for the byte at `i` of a string, beyond
/// JSON's own escapes: `<`, `>` and `&` (no text can close a script element
/// or open a comment) and U+2028 and U+2029 (line breaks to older
/// JavaScript), escaped at their last byte (E2 80 A8 and E2 80 A9).
fn script_escape(bytes: &[u8], i: usize) -> Option<&'static str> {
    match bytes[i] {
        b'<' => Some("\\u003c"),
        b'>' => Some("\\u003e"),
        b'&' => Some("\\u0026"),
        0xA8 if i >= 2 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80 => Some("\\u2028"),
        0xA9 if i >= 2 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80 => Some("\\u2029"),
        _ => None,
    }
}

/// A string as [`script_json`] writes it, quotes and all, straight into
/// `out`: the search index writes each page's text this way, without a
/// serializer's two passes over it (a test holds the two to the same bytes).
pub(crate) fn push_script_string(out: &mut String, s: &str) {
    /// Bytes that may need an escape: JSON's (quote, backslash, controls)
    /// and [`script_escape`]'s.
    const LOOK: [bool; 256] = {
        let mut look = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            look[b] = true;
            b += 1;
        }
        look[b'"' as usize] = true;
        look[b'\\' as usize] = true;
        look[b'<' as usize] = true;
        look[b'>' as usize] = true;
        look[b'&' as usize] = true;
        look[0xA8] = true;
        look[0xA9] = true;
        look
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !LOOK[b as usize] {
            continue;
        }
        let mut control = [b'\\', b'u', b'0', b'0', 0, 0];
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..0x20 => {
                control[4] = HEX[usize::from(b >> 4)];
                control[5] = HEX[usize::from(b & 0xF)];
                std::str::from_utf8(&control).expect("ASCII")
            }
            _ => match script_escape(bytes, i) {
                Some(escape) => escape,
                None => continue,
            },
        };
        let to = if b >= 0x80 { i - 2 } else { i };
        out.push_str(&s[from..to]);
        out.push_str(escape);
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out.push('"');
}

/// JSON for a script, inline in a page (the progress page's data) or a file
/// of its own (the search index), that stays data: `<`,
/// `>` and `&` in strings (no text can close a script element or open a
/// comment) and U+2028 and U+2029 (line breaks to older JavaScript) as `\u`
/// escapes.
pub(crate) fn script_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    use std::io;
    struct Escaping;
    impl serde_json::ser::Formatter for Escaping {
        fn write_string_fragment<W: ?Sized + io::Write>(
            &mut self,
            w: &mut W,
            fragment: &str,
        ) -> io::Result<()> {
            let bytes = fragment.as_bytes();
            let mut from = 0;
            for (i, &b) in bytes.iter().enumerate() {
                let Some(escape) = script_escape(bytes, i) else {
                    continue;
                };
                let to = if b >= 0x80 { i - 2 } else { i };
                w.write_all(&bytes[from..to])?;
                w.write_all(escape.as_bytes())?;
                from = i + 1;
            }
            w.write_all(&bytes[from..])
        }
    }
    let mut out = Vec::with_capacity(128);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Escaping);
    value
        .serialize(&mut ser)
        .expect("the values careerbook writes serialise");
    String::from_utf8(out).expect("JSON of strings is UTF-8")
}

/// The context of a page careerbook writes itself, at a workbook's root.
fn generated_page<'a>(shared: &Context, title: &'a str, url: &'a str) -> Context {
    let mut ctx = shared.clone();
    ctx.insert("page", &PageInfo::generated(title, url));
    ctx.insert("root", "");
    ctx
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

/// A theme template that failed while rendering. Tera names the template it
/// was asked for (`index.html`), not the parent or partial at fault
/// (`base.html`, `partials/pager.html`), and no line: the fault is looked for
/// where its name is written, that template first, then the others. Found,
/// it is reported there, once for all the pages that met it.
fn template_failure(project: &Project, name: &str, e: &tera::Error) -> Diagnostic {
    let chain = templates::error_chain(e);
    let path = |name: &str| {
        let rel = format!("templates/{name}");
        project
            .theme
            .files
            .get(&rel)
            .map_or_else(|| rel.clone().into(), |f| f.display_path(&rel))
    };
    let asked = project.theme.templates().filter(|(n, _)| *n == name);
    let others = project.theme.templates().filter(|(n, _)| *n != name);
    let at_fault = asked.chain(others).find_map(|(n, f)| {
        let text = std::str::from_utf8(&f.bytes).ok()?;
        templates::fault_in(&chain, text).map(|_| (n, text))
    });
    match at_fault {
        Some((n, text)) => templates::template_error(e, &path(n), text, 1),
        None => Diagnostic::error("template", chain)
            .in_file(path(name))
            .help("a theme template failed while rendering: check the names it uses against the template reference in the README"),
    }
}
