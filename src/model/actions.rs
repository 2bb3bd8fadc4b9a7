//! The dashboard's "next actions": what to do now, most pressing first.

use chrono::NaiveDate;
use serde::Serialize;

use super::Workbook;
use super::checklist::TaskRef;
use super::plan::Plan;
use crate::language::Locale;

/// What kind of thing an action is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    /// A check-in whose date (last contact + cadence) has passed.
    CheckIn,
    /// A person's `next_step`.
    NextStep,
    /// An open checklist item of the current plan phase.
    Task,
    /// A checklist item whose tick fell due again (its page's `review_days`).
    Review,
}

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    /// What kind of action this is (for grouping and icons).
    pub kind: ActionKind,
    /// A plain sentence: `Check in with Owen Fraser`, `Next step with …: …`, or the
    /// task's text.
    pub text: String,
    /// The person it concerns, for check-ins and next steps.
    pub person_id: Option<String>,
    /// The person's name, for check-ins and next steps.
    pub person_name: Option<String>,
    /// When it is (or was) due.
    pub due: Option<NaiveDate>,
    /// Days past `due`, when it is past.
    pub days_overdue: Option<i64>,
    /// When a review item was last done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_done: Option<NaiveDate>,
    /// Relative to the site root: `relationships.html#person-<id>` or
    /// `<page_url>#task-<id>`.
    pub link: String,
}

/// The first `n` actions, in this order:
/// 1. overdue check-ins, most overdue first;
/// 2. next steps by due date, undated ones after the dated;
/// 3. checklist items whose tick fell due again, in page order;
/// 4. the open tasks of the current plan phase, in page order.
///
/// Ties keep the file's (or page's) order, so the list is stable.
pub fn next_actions(
    workbook: &Workbook,
    plan: &Plan,
    tasks: &[TaskRef],
    today: NaiveDate,
    n: usize,
    locale: &Locale,
) -> Vec<Action> {
    let mut check_ins: Vec<Action> = workbook
        .people
        .iter()
        .filter_map(|p| {
            let late = p.days_overdue(today)?;
            Some(Action {
                kind: ActionKind::CheckIn,
                text: locale.t_with("action-check-in", &[("name", p.name.as_str().into())]),
                person_id: Some(p.id.clone()),
                person_name: Some(p.name.clone()),
                due: p.next_check_in(),
                days_overdue: Some(late),
                last_done: None,
                link: p.url(),
            })
        })
        .collect();
    check_ins.sort_by_key(|a| std::cmp::Reverse(a.days_overdue));

    let mut steps: Vec<Action> = workbook
        .people
        .iter()
        .filter_map(|p| {
            let step = p.next_step.as_deref()?;
            let due = p.next_step_due;
            Some(Action {
                kind: ActionKind::NextStep,
                text: locale.t_with(
                    "action-next-step",
                    &[("name", p.name.as_str().into()), ("step", step.into())],
                ),
                person_id: Some(p.id.clone()),
                person_name: Some(p.name.clone()),
                due,
                days_overdue: p.step_overdue_days(today),
                last_done: None,
                link: p.url(),
            })
        })
        .collect();
    // `None` sorts first in Option's order; undated steps belong last.
    steps.sort_by_key(|a| (a.due.is_none(), a.due));

    let open_tasks = plan
        .current_phase(today)
        .into_iter()
        .flat_map(|phase| plan.phase_tasks(phase, tasks))
        .filter(|t| !workbook.progress.is_done(&t.id))
        .map(|t| Action {
            kind: ActionKind::Task,
            text: t.text.clone(),
            person_id: None,
            person_name: None,
            due: None,
            days_overdue: None,
            last_done: None,
            link: t.url(),
        });

    let reviews = tasks.iter().filter_map(|t| {
        let due = workbook.progress.due.get(&t.id)?;
        Some(Action {
            kind: ActionKind::Review,
            text: t.text.clone(),
            person_id: None,
            person_name: None,
            due: None,
            days_overdue: None,
            last_done: Some(due.last_done),
            link: t.url(),
        })
    });

    check_ins
        .into_iter()
        .chain(steps)
        .chain(reviews)
        .chain(open_tasks)
        .take(n)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::people::{Person, Role};
    use crate::model::plan::PhaseDef;
    use crate::model::progress::Progress;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn person(id: &str, last: Option<&str>, cadence: Option<u32>) -> Person {
        let mut p = Person::new(id, format!("Name {id}"), Role::Mentor);
        p.last_contact = last.map(d);
        p.cadence_days = cadence;
        p
    }

    #[test]
    fn orders_check_ins_then_steps_then_tasks() {
        let today = d("2026-06-15");
        let mut a = person("a", Some("2026-05-01"), Some(30)); // due 05-31: 15 days late
        a.next_step = Some("Undated step".into());
        let b = person("b", Some("2026-04-01"), Some(30)); // due 05-01: 45 days late
        let c = person("c", Some("2026-06-10"), Some(30)); // due 07-10: not late
        let mut e = person("e", None, None);
        e.next_step = Some("Later step".into());
        e.next_step_due = Some(d("2026-07-01"));
        let mut f = person("f", None, None);
        f.next_step = Some("Sooner step".into());
        f.next_step_due = Some(d("2026-06-10"));
        let mut progress = Progress::default();
        progress.mark("t1", d("2026-06-01"));
        let wb = Workbook {
            dir: String::new(),
            profile: None,
            people: vec![a, b, c, e, f],
            progress,
            wins: Vec::new(),
            plan_start_alone: None,
            yml: Vec::new(),
        };
        let plan = Plan::new(
            vec![
                PhaseDef::from_heading("m1", "M1", "1-4").unwrap(),
                PhaseDef::from_heading("m5", "M5", "5-12").unwrap(),
            ],
            Some(d("2026-02-02")),
        );
        let tasks = vec![
            TaskRef::new(
                "t1",
                "Done task",
                "Plan",
                "action-plan.html",
                Some("m5".into()),
            ),
            TaskRef::new(
                "t2",
                "Open task",
                "Plan",
                "action-plan.html",
                Some("m5".into()),
            ),
            TaskRef::new(
                "t0",
                "Earlier phase",
                "Plan",
                "action-plan.html",
                Some("m1".into()),
            ),
        ];
        let all = next_actions(&wb, &plan, &tasks, today, 10, &Locale::default());
        let texts: Vec<&str> = all.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Check in with Name b",
                "Check in with Name a",
                "Next step with Name f: Sooner step",
                "Next step with Name e: Later step",
                "Next step with Name a: Undated step",
                "Open task",
            ]
        );
        assert_eq!(all[0].days_overdue, Some(45));
        assert_eq!(all[0].link, "relationships.html#person-b");
        assert_eq!(all[2].days_overdue, Some(5));
        assert_eq!(all[3].days_overdue, None);
        assert_eq!(all[5].link, "action-plan.html#task-t2");
        assert_eq!(all[5].kind, ActionKind::Task);

        let five = next_actions(&wb, &plan, &tasks, today, 5, &Locale::default());
        assert_eq!(five.len(), 5);
        assert_eq!(five[4].text, "Next step with Name a: Undated step");
    }

    #[test]
    fn empty_workbook_has_only_tasks() {
        let plan = Plan::new(
            vec![PhaseDef::from_heading("m1", "M1", "1-2").unwrap()],
            Some(d("2026-02-02")),
        );
        let tasks = vec![TaskRef::new(
            "t",
            "Task",
            "Plan",
            "p.html",
            Some("m1".into()),
        )];
        let wb = Workbook::default();
        let all = next_actions(&wb, &plan, &tasks, d("2026-02-03"), 5, &Locale::default());
        assert_eq!(all.len(), 1);
        // Before the plan starts there is no current phase.
        assert!(
            next_actions(&wb, &plan, &tasks, d("2026-01-01"), 5, &Locale::default()).is_empty()
        );
    }
}
