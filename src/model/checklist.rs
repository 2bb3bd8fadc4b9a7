//! Checklists with memory: the book's task-list items, which of them are done
//! (`data/progress.yaml`), and how far along each page and plan phase is.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::parse::PROGRESS_FILE;
use super::plan::Plan;
use super::progress::Progress;
use crate::diagnostics::{Diagnostic, Diagnostics, suggest};

/// One checklist item of the book, as the content layer found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRef {
    /// Stable id (`plan-m1-write-goals`); the key in `progress.yaml`.
    pub id: String,
    /// The item's text, without markup.
    pub text: String,
    /// Title of the page the item is on (shared by the page's items: a book may
    /// have tens of thousands).
    pub page_title: Arc<str>,
    /// The page's URL relative to the site root (`action-plan.html`).
    pub page_url: Arc<str>,
    /// Id of the level-2 heading the item is under (a plan phase, on the plan page).
    pub section: Option<String>,
}

impl TaskRef {
    /// A task from the five things the content layer knows about it.
    pub fn new(
        id: impl Into<String>,
        text: impl Into<String>,
        page_title: impl Into<Arc<str>>,
        page_url: impl Into<Arc<str>>,
        section: Option<String>,
    ) -> TaskRef {
        TaskRef {
            id: id.into(),
            text: text.into(),
            page_title: page_title.into(),
            page_url: page_url.into(),
            section,
        }
    }

    /// Link to the item on its page: `<page_url>#task-<id>`.
    pub fn url(&self) -> String {
        format!("{}#task-{}", self.page_url, self.id)
    }
}

/// `(task_id, text, page_title, page_url, section_id)`, the order the content
/// layer lists them in.
impl From<(String, String, String, String, Option<String>)> for TaskRef {
    fn from(
        (id, text, page_title, page_url, section): (String, String, String, String, Option<String>),
    ) -> TaskRef {
        TaskRef::new(id, text, page_title, page_url, section)
    }
}

/// Done and total for one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageProgress {
    /// Title of the page.
    pub page_title: Arc<str>,
    /// The page's URL relative to the site root.
    pub page_url: Arc<str>,
    /// Items done (listed in `progress.yaml`).
    pub done: usize,
    /// Items on the page.
    pub total: usize,
}

/// Done and total for one plan phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseProgress {
    /// The phase's heading id.
    pub phase_id: String,
    /// The phase's heading text.
    pub title: String,
    /// Items of the phase that are done.
    pub done: usize,
    /// Items of the phase.
    pub total: usize,
}

/// The progress page's numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistSummary {
    /// Pages with at least one item, in the order their items came (reading order).
    pub pages: Vec<PageProgress>,
    /// Every phase of the plan, in order (phases without items show 0/0).
    pub phases: Vec<PhaseProgress>,
    /// Items done in the whole book.
    pub done: usize,
    /// Items in the whole book.
    pub total: usize,
}

/// Count done items per page and per plan phase. Only ids in `progress.yaml`
/// count as done: a box ticked in the browser is not known to the build.
pub fn summarize(tasks: &[TaskRef], plan: &Plan, progress: &Progress) -> ChecklistSummary {
    let mut pages: Vec<PageProgress> = Vec::new();
    // Where each page's entry is in `pages` (which keeps the book's order).
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    for t in tasks {
        let done = usize::from(progress.is_done(&t.id));
        match index.get(&*t.page_url) {
            Some(&i) => {
                pages[i].done += done;
                pages[i].total += 1;
            }
            None => {
                index.insert(&t.page_url, pages.len());
                pages.push(PageProgress {
                    page_title: t.page_title.clone(),
                    page_url: t.page_url.clone(),
                    done,
                    total: 1,
                });
            }
        }
    }
    let phases = plan
        .phases
        .iter()
        .map(|phase| {
            let (done, total) = plan.phase_progress(phase, tasks, progress);
            PhaseProgress {
                phase_id: phase.id.clone(),
                title: phase.title.clone(),
                done,
                total,
            }
        })
        .collect();
    ChecklistSummary {
        pages,
        phases,
        done: tasks.iter().filter(|t| progress.is_done(&t.id)).count(),
        total: tasks.len(),
    }
}

/// Warn about ids in `progress.yaml` that match no checklist item of the book
/// (renamed items, typos), pointing at the id with the closest real id. Ticks
/// of the items on pages the book excludes (`excluded`) are kept quietly.
pub fn check_progress_ids(
    tasks: &[TaskRef],
    progress: &Progress,
    excluded: &std::collections::BTreeSet<String>,
    diags: &mut Diagnostics,
) {
    if progress.done.is_empty() {
        // Nothing to look up: skip gathering every id of the book.
        return;
    }
    let known: FxHashSet<&str> = tasks.iter().map(|t| t.id.as_str()).collect();
    for id in progress.done.keys() {
        if known.contains(id.as_str()) || excluded.contains(id) {
            continue;
        }
        let (line, column) = progress.positions.get(id).copied().unwrap_or((0, 0));
        let help = match suggest(id, tasks.iter().map(|t| t.id.as_str())) {
            Some(best) => format!("did you mean `{best}`?"),
            None => "remove the line, or copy the id from the item's `#task-…` link in the book"
                .to_string(),
        };
        diags.push(
            Diagnostic::warning(
                "progress",
                format!("`{id}` is not a checklist item in the book"),
            )
            .in_file(if progress.file.is_empty() {
                PROGRESS_FILE
            } else {
                progress.file.as_str()
            })
            .at(line, column)
            .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::PhaseDef;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn tasks() -> Vec<TaskRef> {
        vec![
            TaskRef::new("why-1", "List", "Why", "why.html", None),
            TaskRef::new("plan-a", "A", "Plan", "action-plan.html", Some("m1".into())),
            TaskRef::new("plan-b", "B", "Plan", "action-plan.html", Some("m1".into())),
            TaskRef::new("plan-c", "C", "Plan", "action-plan.html", Some("m3".into())),
        ]
    }

    fn plan() -> Plan {
        Plan::new(
            vec![
                PhaseDef::from_heading("m1", "Months 1–2", "1-2").unwrap(),
                PhaseDef::from_heading("m3", "Months 3–4", "3-4").unwrap(),
                PhaseDef::from_heading("on", "Ongoing", "ongoing").unwrap(),
            ],
            Some(d("2026-02-02")),
        )
        .on_page("action-plan.html")
    }

    #[test]
    fn counts_per_page_and_phase() {
        let mut progress = Progress::default();
        progress.mark("plan-a", d("2026-02-05"));
        progress.mark("why-1", d("2026-02-03"));
        let s = summarize(&tasks(), &plan(), &progress);
        let pages: Vec<_> = s
            .pages
            .iter()
            .map(|p| (&*p.page_url, p.done, p.total))
            .collect();
        assert_eq!(pages, [("why.html", 1, 1), ("action-plan.html", 1, 3)]);
        let phases: Vec<_> = s
            .phases
            .iter()
            .map(|p| (p.phase_id.as_str(), p.done, p.total))
            .collect();
        assert_eq!(phases, [("m1", 1, 2), ("m3", 0, 1), ("on", 0, 0)]);
        assert_eq!((s.done, s.total), (2, 4));
        assert_eq!(tasks()[1].url(), "action-plan.html#task-plan-a");
    }

    #[test]
    fn unknown_progress_ids_warn_with_a_suggestion() {
        let mut diags = Diagnostics::new();
        let progress = crate::model::parse::progress(
            "done:\n  plan-a: 2026-02-05\n  plan-bb: 2026-02-06\n  zzz-unrelated-thing: 2026-02-07\n",
            PROGRESS_FILE,
            d("2026-03-01"),
            &mut diags,
        );
        assert!(diags.is_empty(), "{diags:?}");
        check_progress_ids(&tasks(), &progress, &Default::default(), &mut diags);
        let ds = diags.sorted();
        assert_eq!(ds.len(), 2, "{ds:#?}");
        assert_eq!(
            ds[0].message,
            "`plan-bb` is not a checklist item in the book"
        );
        assert_eq!((ds[0].line, ds[0].column), (3, 3));
        assert_eq!(ds[0].help.as_deref(), Some("did you mean `plan-b`?"));
        assert!(!ds[0].is_error());
        assert_eq!(
            ds[0].file.as_deref(),
            Some(std::path::Path::new("data/progress.yaml"))
        );
        assert_eq!(ds[1].line, 4);
        assert!(
            ds[1]
                .help
                .as_deref()
                .unwrap()
                .starts_with("remove the line")
        );
    }
}
