//! Prep cards: what to have in mind before the next conversation with someone
//! you are in touch with. The last conversation, the step you owe them, what you
//! could bring, and three questions from the guidance's question bank, chosen
//! by their role and where the relationship stands.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Workbook;
use super::people::{LogEntry, Person, Role, Stage};
use super::wins::Win;
use crate::language::Locale;

/// How many questions a card suggests.
pub const QUESTIONS_PER_CARD: usize = 3;
/// How many of your wins a card offers to share.
pub const WINS_PER_CARD: usize = 3;
/// The start of a question group's heading id: `ask-<role>-<stage>`.
pub const GROUP_PREFIX: &str = "ask-";

/// The guidance's questions, by role and stage: each group is the list under a
/// heading `{#ask-<role>-<stage>}` (`### With an active sponsor {#ask-sponsor-active}`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuestionBank {
    groups: BTreeMap<(Role, Stage), Group>,
}

#[derive(Debug, Clone, PartialEq)]
struct Group {
    questions: Vec<String>,
    /// The group's heading on its page, from the site's root (`page.html#ask-…`).
    url: String,
}

impl QuestionBank {
    /// The role and stage a group heading's id names (`ask-mentor-active`), or
    /// why it names none.
    pub fn group_of(id: &str) -> Result<(Role, Stage), String> {
        let rest = id.strip_prefix(GROUP_PREFIX).unwrap_or(id);
        let (role, stage) = rest.split_once('-').unwrap_or((rest, ""));
        let role = match role {
            "mentor" => Role::Mentor,
            "sponsor" => Role::Sponsor,
            other => return Err(format!("`{other}` is not a role (mentor or sponsor)")),
        };
        match Stage::ALL.iter().find(|s| s.as_str() == stage) {
            Some(s) => Ok((role, *s)),
            None => Err(format!(
                "`{stage}` is not a stage (prospect, contacted, active or dormant)"
            )),
        }
    }

    /// Whether a heading's id is meant as a group: `ask-mentor-…` or
    /// `ask-sponsor-…` (then a stage that is not one is a mistake to report).
    pub fn is_group_id(id: &str) -> bool {
        id.strip_prefix(GROUP_PREFIX)
            .is_some_and(|rest| rest.starts_with("mentor-") || rest.starts_with("sponsor-"))
    }

    /// The heading id of a group.
    pub fn group_id(role: Role, stage: Stage) -> String {
        format!("{GROUP_PREFIX}{}-{}", role.as_str(), stage.as_str())
    }

    /// Add a group; `false` (and nothing added) if the bank has one for this
    /// role and stage already.
    pub fn add(&mut self, role: Role, stage: Stage, questions: Vec<String>, url: String) -> bool {
        if self.groups.contains_key(&(role, stage)) {
            return false;
        }
        self.groups.insert((role, stage), Group { questions, url });
        true
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Up to three questions for `person`: from their role and stage's group,
    /// starting further along the list with each conversation logged, so the
    /// next card suggests others. With the group's heading address.
    pub fn for_person(&self, person: &Person) -> (Vec<String>, Option<String>) {
        let Some(g) = self.groups.get(&(person.role, person.stage)) else {
            return (Vec::new(), None);
        };
        let n = g.questions.len();
        let start = if n == 0 { 0 } else { person.log.len() % n };
        let picked = (0..n.min(QUESTIONS_PER_CARD))
            .map(|i| g.questions[(start + i) % n].clone())
            .collect();
        (picked, Some(g.url.clone()))
    }
}

/// One person's prep card.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct PrepCard {
    /// The latest logged conversation.
    pub last: Option<LogEntry>,
    /// What you plan to do next with them.
    pub next_step: Option<String>,
    pub next_step_due: Option<NaiveDate>,
    /// Days the next step is past its date, when it is.
    pub step_overdue_days: Option<i64>,
    /// What they care about (their `areas`): where something you bring helps.
    pub areas: Vec<String>,
    /// Your newest wins they have not heard about (at most three).
    pub wins: Vec<Win>,
    /// Suggested questions (at most three).
    pub questions: Vec<String>,
    /// Where the questions come from in the guidance.
    pub questions_url: Option<String>,
}

impl PrepCard {
    /// The card of `person`, if you are in touch with them (contacted, active
    /// or dormant: a prospect has no conversation to prepare from yet).
    pub fn of(
        person: &Person,
        workbook: &Workbook,
        bank: &QuestionBank,
        today: NaiveDate,
    ) -> Option<PrepCard> {
        if person.stage == Stage::Prospect {
            return None;
        }
        // The latest entry; of two on one day, the one written later.
        let last = person
            .log
            .iter()
            .enumerate()
            .max_by_key(|(i, e)| (e.date, *i))
            .map(|(_, e)| e.clone());
        let (questions, questions_url) = bank.for_person(person);
        Some(PrepCard {
            last,
            next_step: person.next_step.clone(),
            next_step_due: person.next_step_due,
            step_overdue_days: person.step_overdue_days(today),
            areas: person.areas.clone(),
            wins: workbook
                .unheard_by(person)
                .into_iter()
                .take(WINS_PER_CARD)
                .cloned()
                .collect(),
            questions,
            questions_url,
        })
    }

    /// The card in a few plain lines, for a calendar event's description;
    /// what the last conversation was about only with `summary`.
    pub fn short(&self, locale: &Locale, summary: bool) -> String {
        let mut lines = Vec::new();
        if let Some(e) = &self.last {
            let when = match &e.kind {
                Some(k) => format!("{}, {k}", locale.long_date(e.date)),
                None => locale.long_date(e.date),
            };
            lines.push(match e.summary.as_ref().filter(|_| summary) {
                Some(s) => locale.t_with(
                    "prep-short-last-summary",
                    &[("when", when.into()), ("summary", s.as_str().into())],
                ),
                None => locale.t_with("prep-short-last", &[("when", when.into())]),
            });
        }
        if let Some(step) = &self.next_step {
            let step = step.as_str().into();
            lines.push(if let Some(late) = self.step_overdue_days {
                locale.t_with(
                    "prep-short-step-overdue",
                    &[("step", step), ("days", late.into())],
                )
            } else if let Some(due) = self.next_step_due {
                locale.t_with(
                    "prep-short-step-by",
                    &[("step", step), ("date", locale.long_date(due).into())],
                )
            } else {
                locale.t_with("prep-short-step", &[("step", step)])
            });
        }
        if let Some(w) = self.wins.first() {
            lines.push(locale.t_with("prep-short-news", &[("win", w.title.as_str().into())]));
        }
        for q in &self.questions {
            lines.push(locale.t_with("prep-short-ask", &[("question", q.as_str().into())]));
        }
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn entry(date: &str, kind: &str) -> LogEntry {
        LogEntry {
            date: d(date),
            kind: Some(kind.into()),
            summary: Some(format!("{kind} on {date}")),
            gave: false,
            wins: Vec::new(),
        }
    }

    fn bank() -> QuestionBank {
        let mut b = QuestionBank::default();
        let qs = |p: &str| (1..=4).map(|i| format!("{p} {i}?")).collect::<Vec<_>>();
        assert!(b.add(
            Role::Mentor,
            Stage::Active,
            qs("MA"),
            "p.html#ask-mentor-active".into()
        ));
        assert!(b.add(
            Role::Sponsor,
            Stage::Dormant,
            qs("SD")[..2].to_vec(),
            "p.html#d".into()
        ));
        assert!(!b.add(Role::Mentor, Stage::Active, qs("again"), "q.html".into()));
        b
    }

    #[test]
    fn group_ids_name_a_role_and_a_stage() {
        assert_eq!(
            QuestionBank::group_of("ask-sponsor-contacted"),
            Ok((Role::Sponsor, Stage::Contacted))
        );
        assert!(
            QuestionBank::group_of("ask-coach-active")
                .unwrap_err()
                .contains("role")
        );
        assert!(
            QuestionBank::group_of("ask-mentor-activ")
                .unwrap_err()
                .contains("stage")
        );
        assert_eq!(
            QuestionBank::group_id(Role::Mentor, Stage::Dormant),
            "ask-mentor-dormant"
        );
    }

    #[test]
    fn questions_follow_role_and_stage_and_move_on_with_each_conversation() {
        let b = bank();
        let mut p = Person::new("a", "Ada", Role::Mentor);
        p.stage = Stage::Active;
        let (q, url) = b.for_person(&p);
        assert_eq!(q, ["MA 1?", "MA 2?", "MA 3?"]);
        assert_eq!(url.as_deref(), Some("p.html#ask-mentor-active"));
        p.log.push(entry("2026-01-01", "coffee"));
        assert_eq!(b.for_person(&p).0, ["MA 2?", "MA 3?", "MA 4?"]);
        p.log.push(entry("2026-02-01", "coffee"));
        assert_eq!(b.for_person(&p).0, ["MA 3?", "MA 4?", "MA 1?"]);
        // A group of two gives two; a stage with no group gives none.
        let mut s = Person::new("s", "Sam", Role::Sponsor);
        s.stage = Stage::Dormant;
        assert_eq!(b.for_person(&s).0, ["SD 1?", "SD 2?"]);
        s.stage = Stage::Active;
        assert_eq!(b.for_person(&s), (Vec::new(), None));
    }

    #[test]
    fn a_card_has_the_last_conversation_the_overdue_step_and_unheard_wins() {
        let mut p = Person::new("a", "Ada", Role::Mentor);
        p.stage = Stage::Active;
        p.log = vec![
            entry("2026-05-01", "coffee"),
            entry("2026-09-01", "call"),
            entry("2026-09-01", "email"),
            entry("2026-03-01", "event"),
        ];
        p.next_step = Some("Send the outline".into());
        p.next_step_due = Some(d("2026-11-20"));
        p.areas = vec!["research".into()];
        p.log[0].wins = vec!["told".into()];
        let win = |id: &str, date: &str| Win {
            id: id.into(),
            date: d(date),
            title: format!("{id} title"),
            impact: None,
            seen_by: Vec::new(),
            private: false,
            line: 0,
        };
        let wb = Workbook {
            wins: vec![
                win("told", "2026-10-01"),
                win("new", "2026-11-01"),
                win("old", "2026-01-01"),
            ],
            ..Workbook::default()
        };
        let card = PrepCard::of(&p, &wb, &bank(), d("2026-12-04")).unwrap();
        assert_eq!(card.last.as_ref().unwrap().kind.as_deref(), Some("email"));
        assert_eq!(card.step_overdue_days, Some(14));
        let ids: Vec<&str> = card.wins.iter().map(|w| w.id.as_str()).collect();
        assert_eq!(ids, ["new", "old"]);
        assert_eq!(card.questions.len(), 3);
        let short = card.short(&Locale::default(), true);
        assert!(
            short.starts_with("Last time (1 September 2026, email): email on 2026-09-01\n"),
            "{short}"
        );
        // Without what was said.
        let without = card.short(&Locale::default(), false);
        assert!(!without.contains("email on 2026-09-01"), "{without}");
        assert!(without.contains("1 September 2026, email"), "{without}");
        assert!(
            short.contains("Your next step: Send the outline (14 days overdue)"),
            "{short}"
        );
        assert!(short.contains("News to share: new title"), "{short}");
        assert_eq!(short.matches("\nAsk: ").count(), 3, "{short}");

        // On its day the step is not overdue yet; a prospect has no card.
        let on_time = PrepCard::of(&p, &wb, &bank(), d("2026-11-20")).unwrap();
        assert_eq!(on_time.step_overdue_days, None);
        assert!(
            on_time
                .short(&Locale::default(), true)
                .contains("(by 20 November 2026)")
        );
        p.stage = Stage::Prospect;
        assert!(PrepCard::of(&p, &wb, &bank(), d("2026-12-04")).is_none());
    }
}
