//! The dashboard: the mentor-and-sponsor gap analysis, what to do next, and
//! where the plan stands.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::{Count, PhaseView};
use crate::compile::CompiledWorkbook;
use crate::model::gap::{self, PersonRef, Severity, StageCounts};
use crate::model::{ActionKind, Role, Stage, Win, next_actions};

/// The stages in the order the gap table shows them.
const STAGES: [Stage; 4] = [
    Stage::Prospect,
    Stage::Contacted,
    Stage::Active,
    Stage::Dormant,
];

#[derive(Debug, Serialize, JsonSchema)]
pub struct Dashboard {
    /// "Hello, Nadia", or "Your dashboard" without a profile.
    pub greeting: String,
    pub today_long: String,
    /// The columns of the gap table.
    pub stages: Vec<&'static str>,
    /// Mentors and sponsors, counted by stage.
    pub gap_rows: Vec<GapRow>,
    pub verdicts: Vec<VerdictView>,
    /// The next five things to do.
    pub actions: Vec<ActionView>,
    /// Live relationships where you have only taken so far.
    pub only_taken: Vec<PersonRef>,
    /// Live relationships with a logged interaction that gave something back:
    /// with none, and nobody in `only_taken`, there is no one to praise yet.
    pub gave_back: usize,
    pub progress: Count,
    /// The phase of the plan today falls in.
    pub phase: Option<PhaseView>,
    /// Your wins, and who has not heard them yet.
    pub wins: WinsCard,
}

/// Your wins on the dashboard: a nudge to tell your sponsors.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WinsCard {
    /// How many wins this build shows.
    pub total: usize,
    /// The newest of them.
    pub newest: Option<Win>,
    /// Each active sponsor, with how many of your wins they have not heard
    /// about, in the order of the relationships file.
    pub sponsors: Vec<SponsorNews>,
    /// How many of them have not heard every win.
    pub sponsors_behind: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct SponsorNews {
    pub id: String,
    pub name: String,
    /// Wins they have not heard about.
    pub unheard: usize,
}

impl Dashboard {
    /// For a build that shows no other person (`--public`): the gap analysis,
    /// the next actions and the giving-back list are about the people you
    /// track, and would read as "you have no one" without them.
    pub fn leave_out_relationships(&mut self) {
        self.gap_rows.clear();
        self.verdicts.clear();
        self.actions.clear();
        self.only_taken.clear();
        self.gave_back = 0;
        self.wins.sponsors.clear();
        self.wins.sponsors_behind = 0;
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct GapRow {
    pub label: String,
    /// By stage, in the order of [`Dashboard::stages`].
    pub counts: Vec<usize>,
    pub recommended: String,
}

/// A finding of the gap analysis.
#[derive(Debug, Serialize, JsonSchema)]
pub struct VerdictView {
    /// `good`, `attention` or `missing`.
    pub severity: &'static str,
    pub severity_label: String,
    pub text: String,
    /// The text before the chapter it points to.
    pub lead: String,
    pub link: Option<&'static str>,
    /// The name of the chapter `link` points to.
    pub link_text: Option<String>,
}

/// One of the next things to do.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActionView {
    pub text: String,
    pub kind: ActionKind,
    /// "3 days overdue", "today", "by 1 December 2026", or for an item due
    /// again "last done 5 February 2026".
    pub when: Option<String>,
    pub overdue: bool,
    /// Relative to the site root.
    pub link: String,
}

pub(super) fn dashboard(
    c: &CompiledWorkbook<'_>,
    phases: &[PhaseView],
    progress: Count,
    today: NaiveDate,
) -> Dashboard {
    let wb = &c.workbook;
    let analysis = gap::analyze(&wb.people);
    let locale = &c.locale;
    let row = |label, counts: &StageCounts, recommended| GapRow {
        label,
        counts: STAGES.iter().map(|s| counts.get(*s)).collect(),
        recommended,
    };
    let verdicts = analysis
        .verdicts
        .iter()
        .map(|v| {
            let (severity, severity_label) = match v.severity {
                Severity::Good => ("good", locale.t("verdict-good")),
                Severity::Attention => ("attention", locale.t("verdict-attention")),
                Severity::Missing => ("missing", locale.t("verdict-missing")),
            };
            // A chapter the book leaves out (`[content] exclude`) is not linked.
            let link = v.link.filter(|l| c.title_of(l).is_some());
            let lead = v.text(locale);
            // "… — see Finding sponsors": the chapter's name becomes the link
            // (and stays as words when the book leaves the chapter out).
            let named = v.chapter(locale);
            VerdictView {
                severity,
                severity_label,
                text: match &named {
                    Some(chapter) => locale.t_with(
                        "verdict-see",
                        &[
                            ("lead", lead.as_str().into()),
                            ("chapter", chapter.as_str().into()),
                        ],
                    ),
                    None => lead.clone(),
                },
                lead,
                link,
                link_text: named.filter(|_| link.is_some()),
            }
        })
        .collect();
    let actions = next_actions(wb, &c.plan, &c.tasks, today, 5, locale)
        .into_iter()
        .map(|a| ActionView {
            when: match (a.days_overdue, a.due) {
                (Some(d), _) if d > 0 => Some(locale.t_with("when-overdue", &[("days", d.into())])),
                (_, Some(due)) if due == today => Some(locale.t("when-today")),
                (_, Some(due)) => {
                    Some(locale.t_with("when-by", &[("date", locale.long_date(due).into())]))
                }
                _ => a.last_done.map(|d| {
                    locale.t_with("when-last-done", &[("date", locale.long_date(d).into())])
                }),
            },
            overdue: a.days_overdue.is_some_and(|d| d > 0),
            text: a.text,
            kind: a.kind,
            link: a.link,
        })
        .collect();
    let mut d = Dashboard {
        greeting: match &wb.profile {
            Some(p) => locale.t_with("dashboard-hello", &[("name", p.first_name().into())]),
            None => locale.t("dashboard-yours"),
        },
        today_long: locale.long_date(today),
        stages: STAGES.iter().map(|s| s.as_str()).collect(),
        gap_rows: vec![
            row(
                locale.t("gap-row-mentors"),
                &analysis.mentors,
                locale.t("gap-row-mentors-recommended"),
            ),
            row(
                locale.t("gap-row-sponsors"),
                &analysis.sponsors,
                locale.t("gap-row-sponsors-recommended"),
            ),
        ],
        verdicts,
        actions,
        only_taken: analysis.only_taken,
        gave_back: analysis.gave_back,
        progress,
        phase: phases.iter().find(|p| p.current).cloned(),
        wins: WinsCard {
            sponsors_behind: 0,
            total: wb.wins.len(),
            newest: wb.wins_newest_first().first().map(|w| (*w).clone()),
            sponsors: wb
                .people
                .iter()
                .filter(|p| p.role == Role::Sponsor && p.stage == Stage::Active)
                .map(|p| SponsorNews {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    unheard: wb.unheard_by(p).len(),
                })
                .collect(),
        },
    };
    d.wins.sponsors_behind = d.wins.sponsors.iter().filter(|s| s.unheard > 0).count();
    d
}
