//! The cohort report: how a program's members are doing, in aggregate.
//!
//! Counts only: no notes, no private people or wins (each member's workbook is
//! reduced to what a default build may show), no win's text, and no names
//! unless `[cohort] show_names`.

use chrono::NaiveDate;
use serde::Serialize;
use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::load::{Member, Project};
use crate::model::{Plan, Role, Stage, Workbook};
use crate::options::Options;
use crate::view::SharedContext;

use super::{generated_page, render_template};

/// One member's figures.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MemberStats {
    pub id: String,
    pub name: Option<String>,
    pub active_mentor: bool,
    pub active_sponsor: bool,
    pub overdue: usize,
    /// Index of the plan phase the member is in today (by their `plan_start`).
    pub phase: Option<usize>,
    pub done: usize,
    /// Wins logged (public ones: never their text).
    pub wins: usize,
}

/// The numbers on the report.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct CohortSummary {
    pub members: usize,
    pub with_mentor: usize,
    pub with_sponsor: usize,
    pub with_both: usize,
    pub with_neither: usize,
    /// Overdue check-ins across the cohort, and members with at least one.
    pub overdue_check_ins: usize,
    pub members_overdue: usize,
    /// Members per plan phase (by today's date), and without a plan start.
    pub per_phase: Vec<(String, usize)>,
    pub no_plan: usize,
    /// Wins logged across the cohort, and members with at least one.
    pub wins: usize,
    pub members_with_wins: usize,
}

pub fn stats(member: &Member, plan: &Plan, today: NaiveDate) -> MemberStats {
    let wb: Workbook = member.workbook.without_private();
    let active = |role: Role| {
        wb.people
            .iter()
            .any(|p| p.role == role && p.stage == Stage::Active)
    };
    let member_plan = Plan::new(
        plan.phases
            .iter()
            .map(|p| crate::model::PhaseDef {
                id: p.id.clone(),
                title: p.title.clone(),
                months: p.months,
            })
            .collect(),
        wb.plan_start(),
    );
    MemberStats {
        id: member.id.clone(),
        name: wb.profile.as_ref().map(|p| p.name.clone()),
        active_mentor: active(Role::Mentor),
        active_sponsor: active(Role::Sponsor),
        overdue: wb.people.iter().filter(|p| p.is_overdue(today)).count(),
        phase: member_plan.current_index(today),
        done: wb.progress.done.len(),
        wins: wb.wins.len(),
    }
}

pub fn summarize(stats: &[MemberStats], plan: &Plan) -> CohortSummary {
    let mut s = CohortSummary {
        members: stats.len(),
        per_phase: plan.phases.iter().map(|p| (p.title.clone(), 0)).collect(),
        ..Default::default()
    };
    for m in stats {
        s.with_mentor += usize::from(m.active_mentor);
        s.with_sponsor += usize::from(m.active_sponsor);
        s.with_both += usize::from(m.active_mentor && m.active_sponsor);
        s.with_neither += usize::from(!m.active_mentor && !m.active_sponsor);
        s.overdue_check_ins += m.overdue;
        s.members_overdue += usize::from(m.overdue > 0);
        s.wins += m.wins;
        s.members_with_wins += usize::from(m.wins > 0);
        match m.phase {
            Some(i) => s.per_phase[i].1 += 1,
            None => s.no_plan += 1,
        }
    }
    s
}

/// `cohort.html` (and the members' index on it, when names may be shown).
/// `beside_guide`: the report is published with the guide, whose search and
/// print page it links to; otherwise it is in the members' tree.
/// `plan` is the guide's: the same phases for every member, dated by each
/// member's own plan start.
pub fn report(
    project: &Project,
    tera: &Tera,
    plan: &Plan,
    opts: &Options,
    show_names: bool,
    beside_guide: bool,
) -> Result<String, Diagnostic> {
    let today = opts.today;
    let stats: Vec<MemberStats> = project
        .members
        .iter()
        .map(|m| stats(m, plan, today))
        .collect();
    let summary = summarize(&stats, plan);
    let guide = Workbook::default();
    let mut shared = SharedContext::new(project, &guide, today, opts.shown());
    // Beside the members' workbooks there is no index to search.
    shared.site.search &= beside_guide;
    let shared = shared.to_tera(project, true);
    let locale = project.locale();
    let title = locale.t("page-cohort-report");
    let mut ctx = generated_page(&shared, &title, "cohort.html");
    ctx.insert("site_root", "");
    ctx.insert("prev", &None::<()>);
    ctx.insert("next", &None::<()>);
    ctx.insert("summary", &summary);
    ctx.insert("phase_chart", &phase_chart(&summary, &locale));
    ctx.insert("show_names", &show_names);
    ctx.insert("member_rows", &if show_names { stats } else { Vec::new() });
    // The members' folders are at the top of the tree; another language's
    // report is in its folder (`fr/`) beside them.
    let folder = project.config.folder_of(&project.config.book.language);
    ctx.insert("members_root", if folder.is_empty() { "" } else { "../" });
    // Nor a print page: the report prints as it is.
    ctx.insert("no_print", &!beside_guide);
    render_template(tera, "cohort.html", &ctx, project)
}

/// A horizontal bar chart of members per phase, as SVG.
fn phase_chart(summary: &CohortSummary, locale: &crate::language::Locale) -> String {
    let rows: Vec<(String, usize)> = summary
        .per_phase
        .iter()
        .cloned()
        .chain(std::iter::once((
            locale.t("cohort-chart-no-plan"),
            summary.no_plan,
        )))
        .collect();
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    // Each phase's name on a line of its own above its bar: a name of any
    // length (the French ones are long) never runs into the bar or its count.
    const ROW: usize = 40;
    const BAR: f64 = 420.0;
    let height = ROW * rows.len() + 4;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 {height}\" role=\"img\" aria-labelledby=\"phase-chart-title\" class=\"phase-chart\"><title id=\"phase-chart-title\">{}</title>",
        crate::view::timeline::esc(&locale.t("cohort-chart-title"))
    );
    for (i, (label, n)) in rows.iter().enumerate() {
        let y = i * ROW;
        let w = (*n as f64 / max as f64 * BAR).round();
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"13\" font-family=\"system-ui, sans-serif\" fill=\"currentColor\">{}</text><rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"16\" rx=\"3\" fill=\"#0b6e69\"/><text x=\"{}\" y=\"{}\" font-size=\"13\" font-family=\"system-ui, sans-serif\" fill=\"currentColor\">{n}</text>",
            y + 14,
            crate::view::timeline::esc(label),
            y + 20,
            w + 6.0,
            y + 33
        ));
    }
    svg.push_str("</svg>");
    svg
}
