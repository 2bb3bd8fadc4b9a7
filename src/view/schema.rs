//! The template variables as a JSON Schema, for theme authors: derived from the
//! same types the templates are given, so the reference cannot drift from what
//! the templates see. `careerbook schema` writes it as
//! `template-context.schema.json`.

use schemars::JsonSchema;

use super::context::{PageContext, SharedContext};
use super::drafts::WithPrep;
use super::{ChapterView, Dashboard, PhaseView, TimelineView, WorkbookView};
use crate::book::TocEntry;

/// Every variable of careerbook's theme templates. Every template sees the
/// shared ones (`profile`, `people`, `progress`, `book`, `site`, the project's
/// other `data/*.yaml` files under their file stems) and `workbook`,
/// `dashboard`, `timeline`, `site_root`; `page.html` and `index.html` see the
/// page's own (`page`, `root`, `prev`, `next`, `content`, and `toc` on the home
/// page); the generated pages add what their name says.
#[allow(dead_code)] // Only its schema is used.
#[derive(JsonSchema)]
#[schemars(title = "careerbook template variables")]
struct TemplateVariables<'a> {
    #[serde(flatten)]
    shared: SharedContext<'a>,
    #[serde(flatten)]
    page: PageContext<'a>,
    /// The whole workbook view (`chapters` excepted: see `chapters`).
    workbook: WorkbookView,
    /// `workbook.dashboard`.
    dashboard: Option<Dashboard>,
    /// `workbook.timeline`.
    timeline: Option<TimelineView>,
    /// The table of contents (the home page and `toc.html`; other pages load
    /// `toc.js`).
    toc: Option<Vec<TocEntry>>,
    /// The people with their drafts and prep cards (relationships.html,
    /// progress.html, print.html); `workbook.people` without the prep cards.
    people_view: Option<Vec<WithPrep<'a>>>,
    /// The plan's phases (relationships.html, progress.html, print.html).
    phases: Option<Vec<PhaseView>>,
    /// Checklist progress by page (progress.html). print.html gets its chapters
    /// as `{key, title, has_h1, depth, html}` instead.
    chapters: Option<Vec<ChapterView>>,
    /// The ticked items as JSON, safe inside `<script>` (relationships.html,
    /// progress.html).
    progress_json: Option<String>,
    /// The paper size as CSS, e.g. `A4` (print.html).
    page_size: Option<String>,
    /// True on print.html.
    print: Option<bool>,
}

/// The JSON Schema of [`TemplateVariables`].
pub fn template_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(TemplateVariables)).expect("schema")
}

/// Every variable a template can name, as dotted paths (`profile.first_name`),
/// three levels deep at most: what a misspelt name is compared with. Made
/// once: a template error can come once per cohort member.
pub fn variable_paths() -> &'static [String] {
    static PATHS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(paths);
    &PATHS
}

fn paths() -> Vec<String> {
    use serde_json::Value;
    let schema = template_schema();
    let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
    // A `$ref`, `anyOf` (an `Option`) or `allOf` leads to the object's
    // properties.
    fn properties<'v>(
        v: &'v Value,
        defs: &'v Value,
        out: &mut Vec<&'v serde_json::Map<String, Value>>,
    ) {
        if let Some(d) = v
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
            .and_then(|name| defs.get(name))
        {
            properties(d, defs, out);
        }
        if let Some(p) = v.get("properties").and_then(Value::as_object) {
            out.push(p);
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            for sub in v.get(key).and_then(Value::as_array).into_iter().flatten() {
                properties(sub, defs, out);
            }
        }
    }
    fn walk(v: &Value, defs: &Value, prefix: &str, depth: usize, out: &mut Vec<String>) {
        let mut found = Vec::new();
        properties(v, defs, &mut found);
        for map in found {
            for (name, sub) in map {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                if depth > 1 {
                    walk(sub, defs, &path, depth - 1, out);
                }
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&schema, &defs, "", 3, &mut out);
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_variables_include_the_profile_s_fields_and_the_workbook_s() {
        let paths = super::variable_paths();
        for known in [
            "profile.first_name",
            "workbook.files.profile",
            "site.today",
            "page.title",
        ] {
            assert!(paths.iter().any(|p| p == known), "{known}: {paths:?}");
        }
    }
}
