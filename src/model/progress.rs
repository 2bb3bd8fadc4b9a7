//! Checklist progress (`data/progress.yaml`): which items are done, and when.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

/// Checklist item id → the date it was done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Progress {
    /// Item id → the date it was done.
    pub done: BTreeMap<String, NaiveDate>,
    /// Items whose tick fell due again (their page's `review_days` have passed
    /// since): item id → when it was last done and from when a tick counts
    /// again. They are not in `done`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub due: BTreeMap<String, DueAgain>,
    /// Where each id is written in `data/progress.yaml` (line, column; 1-based), so
    /// a later check that knows the book's checklists can point at an unknown id.
    #[serde(skip)]
    pub positions: BTreeMap<String, (usize, usize)>,
    /// The file it was read from, relative to the project (`data/progress.yaml`);
    /// empty when it was not read from a file.
    #[serde(skip)]
    pub file: String,
    /// Retired ids found in the file (a page's `aliases:`) → the id their tick
    /// now counts for.
    #[serde(skip)]
    pub renamed: BTreeMap<String, String>,
}

/// A tick that fell due again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DueAgain {
    /// When the item was last done.
    pub last_done: NaiveDate,
    /// A tick made after this date counts (today less the review period).
    pub fresh_after: NaiveDate,
}

/// The id `id` stands for: itself, or, for a retired id, the id it was retired
/// in favour of (followed through chains; a loop stops where it started).
pub fn follow<'a>(aliases: &'a BTreeMap<String, String>, id: &'a str) -> &'a str {
    let mut at = id;
    for _ in 0..aliases.len() {
        match aliases.get(at) {
            Some(next) if next != id => at = next,
            _ => break,
        }
    }
    at
}

impl Progress {
    /// The date an item was done, if it is done.
    pub fn done_on(&self, task_id: &str) -> Option<NaiveDate> {
        self.done.get(task_id).copied()
    }

    /// Whether an item is done.
    pub fn is_done(&self, task_id: &str) -> bool {
        self.done.contains_key(task_id)
    }

    /// Count ticks under retired ids (`aliases`: old id → new id) for the ids
    /// that replaced them; when both are ticked, the later date wins. Each
    /// retired id found is remembered in `renamed`.
    pub fn resolve_aliases(&mut self, aliases: &BTreeMap<String, String>) {
        if aliases.is_empty() {
            return;
        }
        let retired: Vec<String> = self
            .done
            .keys()
            .filter(|id| aliases.contains_key(*id))
            .cloned()
            .collect();
        for old in retired {
            let new = follow(aliases, &old).to_string();
            if new == old {
                continue;
            }
            let Some(date) = self.done.remove(&old) else {
                continue;
            };
            let kept = self.done.entry(new.clone()).or_insert(date);
            *kept = (*kept).max(date);
            if let Some(&at) = self.positions.get(&old) {
                self.positions.entry(new.clone()).or_insert(at);
            }
            self.renamed.insert(old, new);
        }
    }

    /// Move ticks older than their item's review period (`review_days(id)`, in
    /// days) before `today` from `done` to `due`: a tick made `days` days ago
    /// still counts, one a day older falls due again.
    pub fn expire(&mut self, review_days: impl Fn(&str) -> Option<u32>, today: NaiveDate) {
        let mut due = Vec::new();
        for (id, &date) in &self.done {
            let Some(days) = review_days(id) else {
                continue;
            };
            let Some(fresh_after) = today.checked_sub_days(chrono::Days::new(u64::from(days)))
            else {
                continue;
            };
            if date < fresh_after {
                due.push((
                    id.clone(),
                    DueAgain {
                        last_done: date,
                        fresh_after,
                    },
                ));
            }
        }
        for (id, d) in due {
            self.done.remove(&id);
            self.due.insert(id, d);
        }
    }

    /// Mark an item done (tests and examples).
    pub fn mark(&mut self, task_id: impl Into<String>, on: NaiveDate) -> &mut Self {
        self.done.insert(task_id.into(), on);
        self
    }
}
