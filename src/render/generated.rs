//! Everything of a workbook but its Markdown pages: the relationship tracker,
//! the progress page, the calendar of follow-ups, the shared table of contents
//! and the content's own files.

use tera::Context;

use super::pages::{Writer, page_link};
use super::{generated_page, render_template};
use crate::book::{GeneratedPage, TocEntry};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::view::context::workbook_id;
use crate::view::{ChapterView, WorkbookView};

/// The relationship tracker appears when there are people to track; the
/// progress page whenever the book has checklists; the sponsor brief when
/// there is a profile or a win to put on it.
pub(super) fn pages(view: &WorkbookView, locale: &crate::language::Locale) -> Vec<GeneratedPage> {
    let mut out = Vec::new();
    if !view.people.is_empty() {
        out.push(GeneratedPage {
            title: locale.t("page-relationships"),
            url: "relationships.html",
            template: "relationships.html",
        });
    }
    if view.progress.total > 0 {
        out.push(GeneratedPage {
            title: locale.t("page-progress"),
            url: "progress.html",
            template: "progress.html",
        });
    }
    if view.brief.is_some() {
        out.push(GeneratedPage {
            title: locale.t("page-brief"),
            url: "brief.html",
            template: "brief.html",
        });
    }
    out
}

impl Writer<'_> {
    /// Everything but the pages: the relationship tracker, the progress page,
    /// the calendar, the table of contents and the content's files.
    pub(super) fn write_rest(
        &self,
        chapters: Vec<ChapterView>,
        generated: &[GeneratedPage],
        diags: &mut Diagnostics,
    ) {
        let (project, prefix) = (self.build.project, self.prefix);
        self.write_generated(chapters, generated, diags);
        let workbook = &self.compiled.workbook;
        if !workbook.people.is_empty() {
            // Members' events must not share ids: the id names the member.
            let calendar_id = workbook_id(project, workbook);
            let ics = super::calendar::followups_ics(
                workbook,
                self.build.opts.today,
                &calendar_id,
                &self.compiled.questions,
                &self.compiled.locale,
                self.build.opts.shown().calendar_summaries(),
            );
            self.build
                .put(&format!("{prefix}followups.ics"), ics.as_bytes(), diags);
        }
        // The table of contents, shared by this workbook's pages.
        self.build.put(
            &format!("{prefix}toc.js"),
            toc_js(self.toc, &self.compiled.locale).as_bytes(),
            diags,
        );
        match toc_html(self.build.theme, self.shared.clone(), self.toc, project) {
            Some(Ok(html)) => self
                .build
                .put(&format!("{prefix}toc.html"), html.as_bytes(), diags),
            Some(Err(d)) => diags.push(d),
            None => {}
        }
        // Pages refer to their images relatively, so each workbook has its own copy.
        for asset in &project.content.assets {
            match std::fs::read(&asset.source) {
                Ok(bytes) => self
                    .build
                    .put(&format!("{prefix}{}", asset.rel), &bytes, diags),
                Err(e) => diags.push(
                    Diagnostic::error("io", format!("cannot read: {e}")).in_file(&asset.source),
                ),
            }
        }
    }

    /// The relationship tracker and the progress page. Only the progress page
    /// gets `chapters` (moved in, not copied: it grows with the book).
    fn write_generated(
        &self,
        chapters: Vec<ChapterView>,
        generated: &[GeneratedPage],
        diags: &mut Diagnostics,
    ) {
        let mut chapters = Some(chapters);
        // One copy of the shared context for all of them: only `page` (and the
        // progress page's `chapters`) differ.
        let mut ctx = self.with_people(generated_page(self.shared, "", ""));
        ctx.insert("content", "");
        ctx.insert("progress_json", &self.progress_json());
        let after_the_book = self.compiled.order.len();
        for (n, g) in generated.iter().enumerate() {
            ctx.insert("page", &crate::view::PageInfo::generated(&g.title, g.url));
            // Generated pages are at the workbook's root: addresses as they are.
            let (prev, next) = self.pager.around(g.url);
            ctx.insert("prev", &prev.map(|p| page_link(p, "")));
            ctx.insert("next", &next.map(|p| page_link(p, "")));
            if g.template == "progress.html"
                && let Some(chapters) = chapters.take()
            {
                ctx.insert("chapters", &chapters);
            }
            match render_template(self.build.theme, g.template, &ctx, self.build.project) {
                Ok(html) => {
                    self.build
                        .put(&format!("{}{}", self.prefix, g.url), html.as_bytes(), diags);
                    self.search
                        .add(after_the_book + n, g.url, &g.title, html.as_bytes(), false);
                }
                Err(d) => diags.push(d),
            }
            ctx.remove("chapters");
        }
    }

    /// The people with their drafts, and the plan's phases: what the tracker,
    /// the progress page and the print page add to the shared context.
    pub(super) fn with_people(&self, mut ctx: Context) -> Context {
        let people: Vec<_> = self.view.people.iter().map(|p| p.with_prep()).collect();
        ctx.insert("people_view", &people);
        ctx.insert("phases", &self.view.phases);
        ctx
    }

    /// The ticked checklist items as JSON for a `<script>` element: `done`
    /// (with the last date of ticks that fell due again, so an export keeps
    /// them), and only when there are any, `due` (id → the date after which a
    /// tick counts again) and `aliases` (retired id → the id it counts for).
    fn progress_json(&self) -> String {
        use std::collections::BTreeMap;
        #[derive(serde::Serialize)]
        struct Progress<'a> {
            /// Sorted, for the same bytes on every build.
            done: BTreeMap<&'a str, String>,
            #[serde(skip_serializing_if = "BTreeMap::is_empty")]
            due: BTreeMap<&'a str, String>,
            #[serde(skip_serializing_if = "BTreeMap::is_empty")]
            aliases: BTreeMap<&'a str, &'a str>,
        }
        let c = self.compiled;
        let progress = &c.workbook.progress;
        let mut done: BTreeMap<&str, String> = c
            .done
            .iter()
            .map(|(id, date)| (id.as_str(), date.clone()))
            .collect();
        let mut due = BTreeMap::new();
        for (id, d) in &progress.due {
            done.insert(id.as_str(), d.last_done.to_string());
            due.insert(id.as_str(), d.fresh_after.to_string());
        }
        let aliases = c
            .aliases
            .keys()
            .map(|old| {
                (
                    old.as_str(),
                    crate::model::progress::follow(&c.aliases, old),
                )
            })
            .collect();
        // Inside <script>: no id can open a comment or close the element early.
        super::script_json(&Progress { done, due, aliases })
    }
}

/// `toc.js`: the table of contents the pages' sidebar is built from.
/// The table of contents as a page of its own (`toc.html`), which the
/// sidebar frames without JavaScript; `None` when the theme has none.
pub(super) fn toc_html(
    tera: &tera::Tera,
    mut ctx: Context,
    toc: &[TocEntry],
    project: &crate::load::Project,
) -> Option<Result<String, Diagnostic>> {
    tera.get_template("toc.html").ok()?;
    ctx.insert("toc", toc);
    ctx.insert("root", "");
    ctx.insert("site_root", "");
    Some(render_template(tera, "toc.html", &ctx, project))
}

pub(super) fn toc_js(toc: &[TocEntry], locale: &crate::language::Locale) -> String {
    format!(
        "// The table of contents, shared by every page.\nwindow.careerbookToc = {};\n// What the scripts say, in this site's language.\nwindow.careerbookWords = {};\n",
        serde_json::to_string(toc).expect("the table of contents serialises"),
        super::script_json(&script_words(locale))
    )
}

/// The scripts' messages (`search.js` fills `{query}`, `{count}` and
/// `{shown}`, `book.js` `{done}` and `{total}`, the dev server's `live.js`
/// `{count}`): written once in `toc.js`,
/// which every page loads, rather than on every page.
fn script_words(
    locale: &crate::language::Locale,
) -> std::collections::BTreeMap<&'static str, String> {
    let placeholder = |name: &str| format!("{{{name}}}");
    [
        ("short", locale.t("search-too-short")),
        ("failed", locale.t("search-failed")),
        (
            "none",
            locale.t_with("search-none", &[("query", placeholder("query").into())]),
        ),
        (
            "one",
            locale.t_with("search-count", &[("count", 1_i64.into())]),
        ),
        (
            "other",
            locale.t_with("search-count", &[("count", placeholder("count").into())]),
        ),
        (
            "show_more",
            locale.t_with(
                "search-show-more",
                &[("count", placeholder("count").into())],
            ),
        ),
        (
            "more",
            locale.t_with(
                "search-count-more",
                &[
                    ("count", placeholder("count").into()),
                    ("shown", placeholder("shown").into()),
                ],
            ),
        ),
        // The dev server's notice over a page when a rebuild fails
        // (`serve/live.js`).
        (
            "serve_failed_one",
            locale.t_with("serve-failed", &[("count", 1_i64.into())]),
        ),
        (
            "serve_failed_other",
            locale.t_with("serve-failed", &[("count", placeholder("count").into())]),
        ),
        ("serve_last_good", locale.t("serve-last-good")),
        ("serve_dismiss", locale.t("serve-dismiss")),
        (
            "of",
            locale.t_with(
                "progress-of",
                &[
                    ("done", placeholder("done").into()),
                    ("total", placeholder("total").into()),
                ],
            ),
        ),
    ]
    .into_iter()
    .collect()
}
