//! Checklist progress (`data/progress.yaml`): which items are done, and when.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

/// Checklist item id → the date it was done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Progress {
    /// Item id → the date it was done.
    pub done: BTreeMap<String, NaiveDate>,
    /// Where each id is written in `data/progress.yaml` (line, column; 1-based), so
    /// a later check that knows the book's checklists can point at an unknown id.
    #[serde(skip)]
    pub positions: BTreeMap<String, (usize, usize)>,
    /// The file it was read from, relative to the project (`data/progress.yaml`);
    /// empty when it was not read from a file.
    #[serde(skip)]
    pub file: String,
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

    /// Mark an item done (tests and examples).
    pub fn mark(&mut self, task_id: impl Into<String>, on: NaiveDate) -> &mut Self {
        self.done.insert(task_id.into(), on);
        self
    }
}
