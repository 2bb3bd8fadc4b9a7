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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn aliases(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_tick_under_a_retired_id_counts_for_the_new_one() {
        let mut p = Progress::default();
        p.mark("old", d("2026-03-01"))
            .mark("other", d("2026-03-02"));
        p.positions.insert("old".into(), (3, 3));
        p.resolve_aliases(&aliases(&[("old", "new")]));
        assert_eq!(p.done_on("new"), Some(d("2026-03-01")));
        assert!(!p.is_done("old"));
        assert!(p.is_done("other"));
        assert_eq!(p.renamed.get("old").map(String::as_str), Some("new"));
        assert_eq!(p.positions.get("new"), Some(&(3, 3)));
    }

    #[test]
    fn when_both_ids_are_ticked_the_later_date_wins() {
        let mut p = Progress::default();
        p.mark("old", d("2026-05-01")).mark("new", d("2026-04-01"));
        p.resolve_aliases(&aliases(&[("old", "new")]));
        assert_eq!(p.done.len(), 1);
        assert_eq!(p.done_on("new"), Some(d("2026-05-01")));
    }

    #[test]
    fn chains_are_followed_and_loops_stop() {
        let chain = aliases(&[("a", "b"), ("b", "c")]);
        assert_eq!(follow(&chain, "a"), "c");
        assert_eq!(follow(&chain, "c"), "c");
        let looped = aliases(&[("a", "b"), ("b", "a")]);
        assert_eq!(follow(&looped, "a"), "b");
        let mut p = Progress::default();
        p.mark("a", d("2026-01-01"));
        p.resolve_aliases(&chain);
        assert_eq!(p.done_on("c"), Some(d("2026-01-01")));
    }

    #[test]
    fn ticks_older_than_the_review_period_fall_due_again() {
        let mut p = Progress::default();
        p.mark("stale", d("2026-09-04")) // 91 days before today
            .mark("edge", d("2026-09-05")) // exactly 90 days: still counts
            .mark("fresh", d("2026-11-30"))
            .mark("other-page", d("2020-01-01")); // no review period
        let today = d("2026-12-04");
        p.expire(|id| (id != "other-page").then_some(90), today);
        assert!(!p.is_done("stale"));
        assert_eq!(
            p.due.get("stale"),
            Some(&DueAgain {
                last_done: d("2026-09-04"),
                fresh_after: d("2026-09-05"),
            })
        );
        assert!(p.is_done("edge") && p.is_done("fresh") && p.is_done("other-page"));
        assert_eq!(p.due.len(), 1);
    }

    #[test]
    fn a_review_period_near_the_calendar_limits_does_not_panic() {
        let mut p = Progress::default();
        p.mark("a", NaiveDate::MIN);
        p.expire(|_| Some(3660), NaiveDate::MIN);
        assert!(p.is_done("a"));
    }
}
