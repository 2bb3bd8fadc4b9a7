//! Your wins (`data/wins.yaml`): what you have achieved, and who has heard about
//! it. Sponsors speak for you with these; the sponsor brief lists them, and a
//! sponsor update is filled with the newest one that sponsor has not heard.

use chrono::NaiveDate;
use serde::Serialize;

use super::Workbook;
use super::people::Person;

/// One result, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Win {
    /// Lower-case letters, digits and `-`; unique in the wins file. Log entries
    /// name it in `wins:`.
    pub id: String,
    /// When it happened (never after the build's "today").
    pub date: NaiveDate,
    /// What you did, in a line.
    pub title: String,
    /// What it changed, in a line.
    pub impact: Option<String>,
    /// Ids of people who already know about it.
    pub seen_by: Vec<String>,
    /// Only in a `build --private`.
    pub private: bool,
    /// Line of the win's entry (1-based), for diagnostics found later.
    #[serde(skip)]
    pub line: usize,
}

/// What a sponsor update can say about your results to one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum News<'a> {
    /// The newest win they have not heard about.
    Unheard(&'a Win),
    /// They know every win in the file.
    AllHeard,
    /// There is no win at all (no wins file, or an empty one).
    NoWins,
}

impl Workbook {
    /// The wins, newest first; of two on the same day, the one written later
    /// in the file first (it was most likely added later).
    pub fn wins_newest_first(&self) -> Vec<&Win> {
        let mut wins: Vec<(usize, &Win)> = self.wins.iter().enumerate().collect();
        wins.sort_by(|(i, a), (j, b)| b.date.cmp(&a.date).then(j.cmp(i)));
        wins.into_iter().map(|(_, w)| w).collect()
    }

    /// Whether `person` knows about `win`: it names them in `seen_by`, or one
    /// of their log entries lists it as shared.
    pub fn knows(&self, person: &Person, win: &Win) -> bool {
        win.seen_by.contains(&person.id) || person.log.iter().any(|e| e.wins.contains(&win.id))
    }

    /// The wins `person` has not heard about, newest first.
    pub fn unheard_by(&self, person: &Person) -> Vec<&Win> {
        self.wins_newest_first()
            .into_iter()
            .filter(|w| !self.knows(person, w))
            .collect()
    }

    /// What an update to `person` can report: the newest win they have not
    /// heard of that is not private. A draft is written to someone else, who
    /// may pass it on, so a private win (kept in a `--private` build for your
    /// own pages) never fills one.
    pub fn news_for(&self, person: &Person) -> News<'_> {
        if self.wins.iter().all(|w| w.private) {
            return News::NoWins;
        }
        match self.unheard_by(person).into_iter().find(|w| !w.private) {
            Some(w) => News::Unheard(w),
            None => News::AllHeard,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LogEntry, Role};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn win(id: &str, date: &str) -> Win {
        Win {
            id: id.into(),
            date: d(date),
            title: format!("Title of {id}"),
            impact: None,
            seen_by: Vec::new(),
            private: false,
            line: 0,
        }
    }

    fn shared(date: &str, wins: &[&str]) -> LogEntry {
        LogEntry {
            date: d(date),
            kind: Some("call".into()),
            summary: None,
            gave: false,
            wins: wins.iter().map(|w| w.to_string()).collect(),
        }
    }

    #[test]
    fn newest_first_and_ties_go_to_the_later_entry() {
        let wb = Workbook {
            wins: vec![
                win("a", "2026-03-01"),
                win("b", "2026-09-01"),
                win("c", "2026-09-01"),
                win("d", "2026-05-01"),
            ],
            ..Workbook::default()
        };
        let ids: Vec<&str> = wb
            .wins_newest_first()
            .iter()
            .map(|w| w.id.as_str())
            .collect();
        assert_eq!(ids, ["c", "b", "d", "a"]);
    }

    #[test]
    fn a_person_knows_a_win_from_seen_by_or_their_log() {
        let mut sponsor = Person::new("hel", "Hélène", Role::Sponsor);
        let other = Person::new("gar", "Gareth", Role::Sponsor);
        let mut seen = win("seen", "2026-10-01");
        seen.seen_by = vec!["hel".into()];
        let wb = Workbook {
            wins: vec![win("old", "2026-01-01"), seen, win("told", "2026-11-01")],
            ..Workbook::default()
        };
        sponsor.log.push(shared("2026-11-02", &["told"]));
        let unheard: Vec<&str> = wb
            .unheard_by(&sponsor)
            .iter()
            .map(|w| w.id.as_str())
            .collect();
        assert_eq!(unheard, ["old"]);
        assert_eq!(wb.news_for(&sponsor), News::Unheard(&wb.wins[0]));
        // Someone else has heard nothing: the newest win is theirs to hear.
        assert_eq!(wb.news_for(&other), News::Unheard(&wb.wins[2]));

        sponsor.log.push(shared("2026-11-03", &["old"]));
        assert_eq!(wb.news_for(&sponsor), News::AllHeard);
        assert_eq!(Workbook::default().news_for(&sponsor), News::NoWins);
    }
}
