//! Keeping a relationship going: when to check in next, whether you are late, and
//! whether you give as well as take.

use chrono::{Days, NaiveDate};

use super::people::{Person, Stage};

impl Person {
    /// When you planned to be in touch next: `last_contact` + `cadence_days`.
    /// `None` unless both are known. Applies to every stage: a dormant person
    /// with a cadence is someone you mean to revive (remove `cadence_days` to stop
    /// the reminders).
    pub fn next_check_in(&self) -> Option<NaiveDate> {
        let last = self.last_contact?;
        last.checked_add_days(Days::new(u64::from(self.cadence_days?)))
    }

    /// The check-in date has passed. On the due day itself you are not late yet.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.next_check_in().is_some_and(|due| due < today)
    }

    /// How many days late the check-in is (at least 1), or `None` if it is not
    /// overdue.
    pub fn days_overdue(&self, today: NaiveDate) -> Option<i64> {
        let due = self.next_check_in()?;
        let late = (today - due).num_days();
        (late > 0).then_some(late)
    }

    /// How many days late the next step is (at least 1), or `None` if it has
    /// no due date or is not late. On the due day itself you are not late yet.
    pub fn step_overdue_days(&self, today: NaiveDate) -> Option<i64> {
        let due = self.next_step_due?;
        let late = (today - due).num_days();
        (late > 0).then_some(late)
    }

    /// You have logged giving something back at least once.
    pub fn gave_back(&self) -> bool {
        self.log.iter().any(|e| e.gave)
    }

    /// A relationship under way: contacted or active.
    pub fn is_live(&self) -> bool {
        matches!(self.stage, Stage::Active | Stage::Contacted)
    }

    /// A live relationship with logged interactions, none of which gave
    /// anything back: relationships last when they go both ways.
    pub fn only_taken(&self) -> bool {
        self.is_live() && !self.log.is_empty() && !self.gave_back()
    }

    /// The latest logged interaction, if any.
    pub fn last_logged(&self) -> Option<NaiveDate> {
        self.log.iter().map(|e| e.date).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::people::{LogEntry, Role};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn person(last: Option<&str>, cadence: Option<u32>) -> Person {
        let mut p = Person::new("ada", "Ada Lovelace", Role::Mentor);
        p.last_contact = last.map(d);
        p.cadence_days = cadence;
        p
    }

    fn entry(date: &str, gave: bool) -> LogEntry {
        LogEntry {
            date: d(date),
            kind: Some("coffee".into()),
            summary: None,
            gave,
            wins: Vec::new(),
        }
    }

    #[test]
    fn next_check_in_is_last_contact_plus_cadence() {
        assert_eq!(
            person(Some("2026-09-10"), Some(45)).next_check_in(),
            Some(d("2026-10-25"))
        );
        assert_eq!(person(Some("2026-09-10"), None).next_check_in(), None);
        assert_eq!(person(None, Some(30)).next_check_in(), None);
    }

    #[test]
    fn due_day_itself_is_not_overdue() {
        let p = person(Some("2026-11-01"), Some(30)); // due 2026-12-01
        assert!(!p.is_overdue(d("2026-11-30")));
        assert!(!p.is_overdue(d("2026-12-01")));
        assert_eq!(p.days_overdue(d("2026-12-01")), None);
        assert!(p.is_overdue(d("2026-12-02")));
        assert_eq!(p.days_overdue(d("2026-12-02")), Some(1));
        assert_eq!(p.days_overdue(d("2026-12-31")), Some(30));
    }

    #[test]
    fn no_rhythm_is_never_overdue() {
        assert!(!person(Some("2020-01-01"), None).is_overdue(d("2026-01-01")));
        assert_eq!(person(None, None).days_overdue(d("2026-01-01")), None);
    }

    #[test]
    fn reciprocity() {
        let mut p = person(None, None);
        p.stage = Stage::Active;
        // Nothing logged: nothing to judge yet.
        assert!(!p.only_taken());
        p.log = vec![entry("2026-04-01", false), entry("2026-05-01", false)];
        assert!(p.only_taken());
        assert!(!p.gave_back());
        p.log.push(entry("2026-06-01", true));
        assert!(p.gave_back());
        assert!(!p.only_taken());
        assert_eq!(p.last_logged(), Some(d("2026-06-01")));

        // Prospects and dormant relationships are not counted.
        let mut q = person(None, None);
        q.log = vec![entry("2026-04-01", false)];
        q.stage = Stage::Prospect;
        assert!(!q.only_taken());
        q.stage = Stage::Dormant;
        assert!(!q.only_taken());
        q.stage = Stage::Contacted;
        assert!(q.only_taken());
    }
}
