//! A workbook's Markdown pages and its print page, written in one pass: each
//! page is converted, put in the theme and written as soon as it is ready, and
//! its chapter of print.html follows in reading order, so the book is never
//! held whole in memory.

use std::io::Write;

use tera::Context;

use super::{Build, Threads, generated_page, render_template, render_template_to};
use crate::book::{PageRef, Pager, TocEntry};
use crate::compile::CompiledWorkbook;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{self, Task};
use crate::model::message::is_placeholder_name;
use crate::view::context::{HeadingInfo, PageContext, PageLink, PageSource, sections};
use crate::view::{PageInfo, WorkbookView};

/// Pages converted in parallel between two writes to print.html.
const PAGE_BATCH: usize = 256;

/// Everything a workbook's files are written from.
pub(super) struct Writer<'a> {
    pub build: Build<'a>,
    /// Takes in each page as it is written, for the search index.
    pub search: &'a super::search::Collector<'a>,
    pub compiled: &'a CompiledWorkbook<'a>,
    pub view: &'a WorkbookView,
    /// The context every page starts from (without the data that grows with
    /// the book, so copying it per worker stays cheap).
    pub shared: &'a Context,
    pub prefix: &'a str,
    pub toc: &'a [TocEntry],
    /// Previous and Next, in the contents' order.
    pub pager: &'a Pager<'a>,
    pub threads: Threads,
}

/// A link to a page of the pager from a page `root` below the site's root.
pub(super) fn page_link<'t>(page: PageRef<'t>, root: &str) -> PageLink<'t> {
    PageLink {
        title: page.title,
        url: format!("{root}{}", page.url),
    }
}

/// A chapter of print.html as its template sees it.
#[derive(serde::Serialize)]
struct PrintChapter<'a> {
    key: &'a str,
    title: &'a str,
    has_h1: bool,
    depth: usize,
    /// A marker the chapter's HTML replaces once it is converted.
    html: String,
}

/// Stands for chapter `i` in the print template's output until the chapter is
/// written there. Control characters and a per-process number: no data or
/// template text can contain it by chance.
fn print_marker(i: usize) -> String {
    format!("\u{1}careerbook-chapter-{:x}-{i}\u{1}", markdown::nonce())
}

impl Writer<'_> {
    /// The pages and print.html.
    pub(super) fn write_book(&self, diags: &mut Diagnostics) {
        let (tera, project) = (self.build.theme, self.build.project);
        let print = if tera.get_template("print.html").is_ok() {
            let chapters: Vec<PrintChapter> = self
                .compiled
                .order
                .iter()
                .zip(&self.compiled.pages)
                .enumerate()
                .map(|(i, (slot, b))| PrintChapter {
                    key: &slot.key,
                    title: &b.title,
                    has_h1: b.headings.iter().any(|h| h.level == 1),
                    depth: slot.depth,
                    html: print_marker(i),
                })
                .collect();
            let mut ctx = self.with_people(generated_page(self.shared, "Print", "print.html"));
            ctx.insert("chapters", &chapters);
            ctx.insert("page_size", project.config.print.page_size.css());
            ctx.insert("print", &true);
            match render_template(tera, "print.html", &ctx, project) {
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
                let written = self.build.site.stream(&path, &mut |w| {
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
        use rayon::prelude::*;
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
        let indices: Vec<usize> = (0..self.compiled.order.len()).collect();
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

    /// Convert page `i`, put it in the theme and write it. Returns its problem,
    /// if any, and its body for the print page (ids prefixed per chapter, links
    /// between chapters pointing at sections).
    fn write_page(
        &self,
        ctx: &mut Context,
        buf: &mut Vec<u8>,
        i: usize,
        with_print: bool,
    ) -> (Option<Diagnostic>, String) {
        let (order, project) = (&self.compiled.order, self.build.project);
        let (slot, body) = (&order[i], &self.compiled.pages[i]);
        let page = &project.content.pages[slot.source];
        let parsed;
        let doc = match self.build.pages.read(slot.source) {
            Some(doc) => doc,
            None => {
                parsed = project.content.parse(&body.text, &slot.key, &slot.dir);
                &parsed
            }
        };
        let root = "../".repeat(slot.url.matches('/').count());
        let state = |t: &Task| self.compiled.task_look(t, &root);
        let (mut html, mut print_html) = if with_print {
            markdown::to_html_and_print(doc, &state, &slot.key)
        } else {
            (markdown::to_html(doc, &state), String::new())
        };
        if page.front.message.is_some() {
            html = mark_placeholders(&html);
            print_html = mark_placeholders(&print_html);
        }
        let (prev, next) = self.pager.around(&slot.url);
        let is_index = slot.url == "index.html";
        let own = PageContext {
            page: PageInfo {
                title: &body.title,
                url: &slot.url,
                has_h1: body.headings.iter().any(|h| h.level == 1),
                is_index,
                headings: body
                    .headings
                    .iter()
                    .filter(|h| h.level == 2 || h.level == 3)
                    .map(|h| HeadingInfo {
                        id: &h.id,
                        text: &h.text,
                        level: h.level,
                    })
                    .collect(),
                sections: sections(&body.headings),
                source: Some(PageSource {
                    description: page.front.description.as_deref(),
                    source: &page.rel,
                    message: page.front.message.as_ref(),
                    untranslated: page
                        .untranslated
                        .then(|| self.build.project.config.default_language()),
                }),
            },
            site_root: root.clone(),
            prev: prev.map(|p| page_link(p, &root)),
            next: next.map(|p| page_link(p, &root)),
            root: root.clone(),
            content: html,
        };
        ctx.extend(Context::from_serialize(&own).expect("a page's context is an object"));
        if is_index {
            // Only the home page lists the contents inline; other pages share toc.js.
            ctx.insert("toc", self.toc);
        }
        let tera = self.build.theme;
        let template = if is_index && tera.get_template("index.html").is_ok() {
            "index.html"
        } else {
            "page.html"
        };
        // Into the worker's buffer, which keeps its size from page to page.
        buf.clear();
        let r = render_template_to(tera, template, ctx, project, buf);
        let written = r.and_then(|()| {
            self.build
                .site
                .put(&format!("{}{}", self.prefix, slot.url), buf)
        });
        if written.is_ok() {
            // A page read once for every member (no template in it) has the same
            // text in each member's workbook, whatever their ticks.
            let same_for_all = !is_index && self.build.pages.read(slot.source).is_some();
            self.search
                .add(i, &slot.url, &body.title, buf, same_for_all);
        }
        ctx.remove("toc");
        ctx.remove("content");
        (written.err(), print_html)
    }
}

/// In a message template's own page, show `{placeholder}`s as blanks to fill.
fn mark_placeholders(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_placeholder_name(&after[..close]) => {
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
