//! The 12-month plan: phases defined by headings of the plan page
//! (`## Months 1–2: Take stock {#months-1-2 months=1-2}`), placed on the calendar
//! from the profile's `plan_start`.

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

use super::checklist::TaskRef;
use super::progress::Progress;

/// Which months of the plan a phase covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum MonthRange {
    /// Months `first` to `last` of the plan, inclusive, counting from 1.
    Months {
        /// The first month, counting from 1.
        first: u32,
        /// The last month, inclusive.
        last: u32,
    },
    /// All year long, alongside the other phases.
    Ongoing,
}

/// The longest plan we place on the calendar, in months. Real plans are 12
/// months; a larger number is a typo.
pub const MAX_MONTH: u32 = 120;

impl MonthRange {
    /// Parse the value of a `months=` heading attribute: `1-2`, `9-12`, `3`
    /// (one month) or `ongoing`. An en dash (`1–2`) is accepted too.
    pub fn parse(value: &str) -> Result<MonthRange, String> {
        let v = value.trim();
        if v.eq_ignore_ascii_case("ongoing") {
            return Ok(MonthRange::Ongoing);
        }
        let bad = || {
            format!(
                "`months={v}` is not a month range: write `months=1-2`, `months=3` or `months=ongoing`"
            )
        };
        let (a, b) = match v.split_once(['-', '–']) {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (v, v),
        };
        let first: u32 = a.parse().map_err(|_| bad())?;
        let last: u32 = b.parse().map_err(|_| bad())?;
        if first == 0 {
            return Err(format!("`months={v}`: months count from 1"));
        }
        if last < first {
            return Err(format!("`months={v}`: the range ends before it starts"));
        }
        if last > MAX_MONTH {
            return Err(format!(
                "`months={v}`: a plan runs for at most {MAX_MONTH} months"
            ));
        }
        Ok(MonthRange::Months { first, last })
    }
}

/// A phase as the plan page defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseDef {
    /// The heading's id; tasks under the heading belong to the phase.
    pub id: String,
    /// The heading's text.
    pub title: String,
    /// Which months of the plan it covers.
    pub months: MonthRange,
}

impl PhaseDef {
    /// A phase from a heading's id, text and `months` attribute. The error is a
    /// plain sentence for a diagnostic pointing at the heading.
    pub fn from_heading(id: &str, title: &str, months_attr: &str) -> Result<PhaseDef, String> {
        Ok(PhaseDef {
            id: id.to_string(),
            title: title.to_string(),
            months: MonthRange::parse(months_attr)?,
        })
    }
}

/// A phase placed on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phase {
    /// The heading's id.
    pub id: String,
    /// The heading's text.
    pub title: String,
    /// Which months of the plan it covers.
    pub months: MonthRange,
    /// First day (inclusive). For an ongoing phase, the plan's start.
    pub start: Option<NaiveDate>,
    /// Last day (inclusive). `None` for an ongoing phase, or without a plan start.
    pub end: Option<NaiveDate>,
}

impl Phase {
    /// Whether `day` falls inside this (dated) phase.
    pub fn contains(&self, day: NaiveDate) -> bool {
        match (self.months, self.start, self.end) {
            (MonthRange::Months { .. }, Some(s), Some(e)) => s <= day && day <= e,
            _ => false,
        }
    }

    /// Whether the phase runs all year rather than in given months.
    pub fn is_ongoing(&self) -> bool {
        self.months == MonthRange::Ongoing
    }
}

/// The plan: its phases in page order, with real dates when `plan_start` is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Plan {
    /// Day 1 of the plan (the profile's `plan_start`).
    pub start: Option<NaiveDate>,
    /// In page order.
    pub phases: Vec<Phase>,
    /// The plan page's URL (`action-plan.html`). When set, only tasks on that page
    /// count towards phases, so a heading id reused elsewhere cannot mix in.
    pub page_url: Option<String>,
}

/// The first day of month `n` (1-based) of a plan starting on `start`. Calendar
/// months, so a plan starting on 2 February has month 2 starting on 2 March; a
/// start on the 31st clamps to the end of shorter months (chrono's rule).
pub fn month_start(start: NaiveDate, n: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(n.saturating_sub(1)))
}

impl Plan {
    /// Place the phases on the calendar. Months N–M run from the first day of
    /// month N to the day before month M+1 starts.
    pub fn new(phases: Vec<PhaseDef>, plan_start: Option<NaiveDate>) -> Plan {
        let phases = phases
            .into_iter()
            .map(|p| {
                let (start, end) = match (p.months, plan_start) {
                    (MonthRange::Months { first, last }, Some(s)) => (
                        month_start(s, first),
                        month_start(s, last + 1).and_then(|d| d.checked_sub_days(Days::new(1))),
                    ),
                    (MonthRange::Ongoing, s) => (s, None),
                    (_, None) => (None, None),
                };
                Phase {
                    id: p.id,
                    title: p.title,
                    months: p.months,
                    start,
                    end,
                }
            })
            .collect();
        Plan {
            start: plan_start,
            phases,
            page_url: None,
        }
    }

    /// Restrict phase tasks to the plan page (see [`Plan::page_url`]).
    pub fn on_page(mut self, url: impl Into<String>) -> Plan {
        self.page_url = Some(url.into());
        self
    }

    /// The last day of the 12-month plan (the day before month 13 starts).
    pub fn end(&self) -> Option<NaiveDate> {
        month_start(self.start?, 13)?.checked_sub_days(Days::new(1))
    }

    /// The phase `today` falls in: the dated phase containing it; after the start
    /// but outside every dated phase (past the end, or in a gap), the first
    /// ongoing phase; before the start, or without a start date, none.
    pub fn current_phase(&self, today: NaiveDate) -> Option<&Phase> {
        let start = self.start?;
        if today < start {
            return None;
        }
        self.phases
            .iter()
            .find(|p| p.contains(today))
            .or_else(|| self.phases.iter().find(|p| p.is_ongoing()))
    }

    /// Index of [`Plan::current_phase`] in `phases`.
    pub fn current_index(&self, today: NaiveDate) -> Option<usize> {
        let current = self.current_phase(today)?;
        self.phases.iter().position(|p| std::ptr::eq(p, current))
    }

    /// The tasks of a phase: those under its heading on the plan page.
    pub fn phase_tasks<'t>(
        &self,
        phase: &Phase,
        tasks: &'t [TaskRef],
    ) -> impl Iterator<Item = &'t TaskRef> {
        let id = phase.id.clone();
        let page = self.page_url.clone();
        tasks.iter().filter(move |t| {
            t.section.as_deref() == Some(id.as_str())
                && page.as_deref().is_none_or(|u| u == &*t.page_url)
        })
    }

    /// `(done, total)` of a phase's tasks.
    pub fn phase_progress(
        &self,
        phase: &Phase,
        tasks: &[TaskRef],
        progress: &Progress,
    ) -> (usize, usize) {
        self.phase_tasks(phase, tasks)
            .fold((0, 0), |(done, total), t| {
                (done + usize::from(progress.is_done(&t.id)), total + 1)
            })
    }

    /// `(done, total)` for every phase, in order (what the timeline takes).
    pub fn all_progress(&self, tasks: &[TaskRef], progress: &Progress) -> Vec<(usize, usize)> {
        self.phases
            .iter()
            .map(|p| self.phase_progress(p, tasks, progress))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn sample(start: Option<&str>) -> Plan {
        let defs = vec![
            PhaseDef::from_heading("months-1-2", "Months 1–2: Take stock", "1-2").unwrap(),
            PhaseDef::from_heading("months-3-4", "Months 3–4: Reach out", "3-4").unwrap(),
            PhaseDef::from_heading("months-5-8", "Months 5–8: Get seen", "5-8").unwrap(),
            PhaseDef::from_heading("months-9-12", "Months 9–12: Review", "9-12").unwrap(),
            PhaseDef::from_heading("ongoing", "Ongoing", "ongoing").unwrap(),
        ];
        Plan::new(defs, start.map(d))
    }

    #[test]
    fn parses_month_ranges() {
        assert_eq!(
            MonthRange::parse("1-2"),
            Ok(MonthRange::Months { first: 1, last: 2 })
        );
        assert_eq!(
            MonthRange::parse("9–12"),
            Ok(MonthRange::Months { first: 9, last: 12 })
        );
        assert_eq!(
            MonthRange::parse("3"),
            Ok(MonthRange::Months { first: 3, last: 3 })
        );
        assert_eq!(MonthRange::parse("ongoing"), Ok(MonthRange::Ongoing));
        for bad in ["", "a-b", "0-2", "4-2", "1-500", "1-2-3", "soon"] {
            assert!(MonthRange::parse(bad).is_err(), "{bad}");
        }
        let e = PhaseDef::from_heading("x", "X", "first").unwrap_err();
        assert!(e.contains("months=1-2"), "{e}");
    }

    #[test]
    fn phases_get_calendar_dates() {
        let plan = sample(Some("2026-02-02"));
        let dates: Vec<_> = plan.phases.iter().map(|p| (p.start, p.end)).collect();
        assert_eq!(
            dates,
            vec![
                (Some(d("2026-02-02")), Some(d("2026-04-01"))),
                (Some(d("2026-04-02")), Some(d("2026-06-01"))),
                (Some(d("2026-06-02")), Some(d("2026-10-01"))),
                (Some(d("2026-10-02")), Some(d("2027-02-01"))),
                (Some(d("2026-02-02")), None),
            ]
        );
        assert_eq!(plan.end(), Some(d("2027-02-01")));
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        // A plan starting on 31 January: month 2 starts on 28 February.
        assert_eq!(month_start(d("2026-01-31"), 2), Some(d("2026-02-28")));
        let plan = Plan::new(
            vec![PhaseDef::from_heading("m1", "M1", "1").unwrap()],
            Some(d("2026-01-31")),
        );
        assert_eq!(plan.phases[0].end, Some(d("2026-02-27")));
    }

    #[test]
    fn phase_of_today() {
        let plan = sample(Some("2026-02-02"));
        let id = |today: &str| plan.current_phase(d(today)).map(|p| p.id.as_str());
        assert_eq!(id("2026-02-01"), None, "before the start");
        assert_eq!(id("2026-02-02"), Some("months-1-2"), "first day");
        assert_eq!(id("2026-04-01"), Some("months-1-2"), "last day of phase 1");
        assert_eq!(id("2026-04-02"), Some("months-3-4"));
        assert_eq!(id("2026-07-15"), Some("months-5-8"));
        assert_eq!(id("2026-11-20"), Some("months-9-12"));
        assert_eq!(
            id("2027-02-01"),
            Some("months-9-12"),
            "last day of the plan"
        );
        assert_eq!(id("2027-02-02"), Some("ongoing"), "after the end");
        assert_eq!(plan.current_index(d("2026-11-20")), Some(3));

        // Without an ongoing phase, nothing is current after the end.
        let mut short = sample(Some("2026-02-02"));
        short.phases.pop();
        assert!(short.current_phase(d("2027-03-01")).is_none());
        // Without a start date, nothing is current.
        assert!(sample(None).current_phase(d("2026-05-01")).is_none());
        assert!(sample(None).phases.iter().all(|p| p.end.is_none()));
    }

    #[test]
    fn progress_of_a_phase() {
        let plan = sample(Some("2026-02-02")).on_page("action-plan.html");
        let task = |id: &str, section: &str, page: &str| {
            TaskRef::new(id, id, "Plan", page, Some(section.to_string()))
        };
        let tasks = vec![
            task("a", "months-1-2", "action-plan.html"),
            task("b", "months-1-2", "action-plan.html"),
            task("c", "months-3-4", "action-plan.html"),
            // Same heading id on another page: not part of the plan.
            task("z", "months-1-2", "other.html"),
        ];
        let mut progress = Progress::default();
        progress.mark("a", d("2026-02-10"));
        assert_eq!(
            plan.phase_progress(&plan.phases[0], &tasks, &progress),
            (1, 2)
        );
        assert_eq!(
            plan.phase_progress(&plan.phases[1], &tasks, &progress),
            (0, 1)
        );
        assert_eq!(
            plan.all_progress(&tasks, &progress),
            vec![(1, 2), (0, 1), (0, 0), (0, 0), (0, 0)]
        );
    }
}
