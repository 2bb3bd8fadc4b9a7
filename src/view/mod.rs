//! What templates and the PDF see: typed views of a compiled workbook.
//!
//! The HTML theme (Tera), the print page and the PDF (Typst, through
//! `/data.json`) all read these same structures, so they never disagree, and a
//! field added here is added for every output at once. `careerbook schema`
//! describes them for theme authors (see [`schema`]).

pub mod brief;
pub mod context;
pub mod dashboard;
pub mod drafts;
mod schema;
pub mod timeline;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::Serialize;

use crate::audience::Audience;
use crate::compile::CompiledWorkbook;
use crate::diagnostics::Diagnostics;
use crate::model::message;
use crate::model::{MonthRange, Profile};
use crate::options::Options;

pub use brief::BriefView;
pub use context::{BookInfo, PageInfo, PageLink, SharedContext, SiteInfo};
pub use dashboard::Dashboard;
pub use drafts::{PersonView, Shown};
pub use schema::{template_schema, variable_paths};

/// The personal workbook as one view: the dashboard, the people with their
/// drafts, progress by chapter and phase, the timeline, the blank message
/// templates. Built once per workbook and shared by every output.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WorkbookView {
    pub today: NaiveDate,
    /// A cohort member's id (their folder under `data/people/`); none for
    /// anyone else's workbook and for a cohort's guide.
    pub member: Option<String>,
    /// `today` written out, e.g. "24 November 2026".
    pub today_long: String,
    /// A `--private` build.
    pub private: bool,
    /// No profile and no people: a workbook to fill in.
    pub blank: bool,
    pub profile: Option<ProfileView>,
    /// Checklist items ticked, of all of them.
    pub progress: Count,
    /// `None` without a profile or people.
    pub dashboard: Option<Dashboard>,
    pub people: Vec<PersonView>,
    /// The 12-month plan's phases, in order.
    pub phases: Vec<PhaseView>,
    /// A chapter per page with checklists. It grows with the book: renderers
    /// take it out ([`WorkbookView::take_chapters`]) for the one page that
    /// shows it, so what every page copies stays small.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapters: Option<Vec<ChapterView>>,
    /// `None` without a dated plan.
    pub timeline: Option<TimelineView>,
    /// The sponsor brief; `None` with neither a profile nor a win.
    pub brief: Option<BriefView>,
    /// How many people have a prep card (in `people_view`).
    pub prep_cards: usize,
    /// The blank message templates.
    pub messages: Vec<MessageView>,
    /// The data files this workbook is read from, as the pages tell a reader
    /// to edit them (a cohort member's are in their folder).
    pub files: DataFiles,
}

/// Where a workbook's data lives: `data/wins.yaml`, or in a cohort
/// `data/people/<id>/wins.yaml`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DataFiles {
    pub profile: String,
    pub relationships: String,
    pub wins: String,
    pub progress: String,
}

impl DataFiles {
    pub fn of(workbook: &crate::model::Workbook) -> DataFiles {
        DataFiles {
            profile: workbook.profile_file(),
            relationships: workbook.relationships_file(),
            wins: workbook.wins_file(),
            progress: workbook.progress_file(),
        }
    }
}

impl WorkbookView {
    /// The chapters, moved out (they go to the progress page only).
    pub fn take_chapters(&mut self) -> Vec<ChapterView> {
        self.chapters.take().unwrap_or_default()
    }
}

/// Done of total.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
pub struct Count {
    pub done: usize,
    pub total: usize,
}

/// The profile, with its region written out.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProfileView {
    #[serde(flatten)]
    pub profile: Profile,
    pub region_label: Option<String>,
}

/// A phase of the plan.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PhaseView {
    pub id: String,
    pub title: String,
    /// "Months 1–2", "Month 3", "Ongoing".
    pub months: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub done: usize,
    pub total: usize,
    /// Today falls inside it.
    pub current: bool,
    /// The phase's heading on the plan page.
    pub url: String,
    /// The checklist items of the phase.
    pub task_ids: Vec<String>,
}

/// A page's checklist progress.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ChapterView {
    pub title: String,
    pub url: String,
    pub done: usize,
    pub total: usize,
    pub task_ids: Vec<String>,
}

/// The 12-month timeline: an SVG picture and its events as text.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TimelineView {
    pub svg: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Today is past the plan's last day: the 12 months are over.
    pub ended: bool,
    pub events: Vec<TimelineEvent>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct TimelineEvent {
    pub date: NaiveDate,
    pub text: String,
}

/// A message template, blank, as its own page shows it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MessageView {
    pub id: String,
    pub title: String,
    pub url: String,
    pub channel: &'static str,
    pub role: &'static str,
    pub stages: Vec<&'static str>,
    pub subject: Option<String>,
    pub paragraphs: Vec<Vec<Shown>>,
}

/// Build the view of a compiled workbook. Warns (in `diags`) about drafts with
/// blanks no data fills.
pub fn workbook(c: &CompiledWorkbook<'_>, opts: &Options, diags: &mut Diagnostics) -> WorkbookView {
    let (today, private) = (opts.today, opts.shows_private());
    let wb = &c.workbook;
    let audience = opts.shown();
    // A public build shows your progress on the home page even without the
    // profile (which it shows only when asked).
    let has_data = wb.profile.is_some()
        || !wb.people.is_empty()
        || (audience == Audience::Public && !wb.progress.done.is_empty());
    let people: Vec<PersonView> = wb
        .people
        .iter()
        .map(|p| drafts::person(p, c, today, diags))
        .collect();
    let phase_progress: Vec<(usize, usize)> =
        c.summary.phases.iter().map(|p| (p.done, p.total)).collect();
    let current = c.plan.current_index(today);
    let phases: Vec<PhaseView> = c
        .plan
        .phases
        .iter()
        .enumerate()
        .map(|(i, ph)| {
            let (done, total) = phase_progress.get(i).copied().unwrap_or((0, 0));
            PhaseView {
                id: ph.id.clone(),
                title: ph.title.clone(),
                months: months_label(&ph.months, &c.locale),
                start: ph.start,
                end: ph.end,
                done,
                total,
                current: current == Some(i),
                url: format!("{}#{}", c.plan.page_url.as_deref().unwrap_or(""), ph.id),
                task_ids: c
                    .plan
                    .phase_tasks(ph, &c.tasks)
                    .map(|t| t.id.to_string())
                    .collect(),
            }
        })
        .collect();
    // Each page's checklist ids, grouped in one pass (a book may have thousands of pages).
    let mut ids_by_page: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for t in &c.tasks {
        ids_by_page.entry(&t.page_url).or_default().push(&t.id);
    }
    // In parallel: a chapter per page, and this runs beside the link check, which
    // finishes first and would leave its core idle.
    let chapters: Vec<ChapterView> = c
        .summary
        .pages
        .par_iter()
        .map(|pg| {
            let ids = ids_by_page
                .get(&*pg.page_url)
                .map_or(&[][..], Vec::as_slice);
            ChapterView {
                title: pg.page_title.to_string(),
                url: pg.page_url.to_string(),
                done: pg.done,
                total: pg.total,
                task_ids: ids.iter().map(|s| s.to_string()).collect(),
            }
        })
        .collect();
    let timeline =
        timeline::timeline_svg(&c.plan, &phase_progress, wb, today, &c.locale).map(|svg| {
            let rows = timeline::timeline_rows(&c.plan, &phase_progress, wb, today, &c.locale);
            TimelineView {
                svg,
                start: rows.start,
                end: rows.end,
                ended: rows.ended(today),
                events: rows
                    .events
                    .iter()
                    .map(|e| TimelineEvent {
                        date: e.date,
                        text: timeline::event_text(e, &c.locale),
                    })
                    .collect(),
            }
        });
    let progress = Count {
        done: c.summary.done,
        total: c.summary.total,
    };
    let mut dashboard = has_data.then(|| dashboard::dashboard(c, &phases, progress, today));
    if !audience.shows_people()
        && let Some(d) = &mut dashboard
    {
        d.leave_out_relationships();
    }
    let messages = c
        .messages
        .iter()
        .map(|m| {
            let filled = message::fill(&m.body, None, None);
            MessageView {
                id: m.id.clone(),
                title: m.title.clone(),
                url: m.url.clone(),
                channel: m.meta.channel.as_str(),
                role: m.meta.role.as_str(),
                stages: m.meta.stages.iter().map(|s| s.as_str()).collect(),
                subject: m.meta.subject.clone(),
                paragraphs: drafts::paragraphs(&filled.segments),
            }
        })
        .collect();
    let prep_cards = people.iter().filter(|p| p.prep.is_some()).count();
    WorkbookView {
        today,
        member: wb.member_id().map(str::to_string),
        today_long: c.locale.long_date(today),
        private,
        blank: !has_data,
        profile: wb.profile.as_ref().map(|p| ProfileView {
            profile: p.clone(),
            region_label: p.region.map(|r| r.label(&c.locale)),
        }),
        progress,
        dashboard,
        people,
        phases,
        chapters: Some(chapters),
        timeline,
        brief: brief::brief(wb, &c.locale),
        prep_cards,
        messages,
        files: DataFiles::of(wb),
    }
}

fn months_label(m: &MonthRange, locale: &crate::language::Locale) -> String {
    match *m {
        MonthRange::Months { first, last } if first == last => {
            locale.t_with("plan-month", &[("month", i64::from(first).into())])
        }
        MonthRange::Months { first, last } => locale.t_with(
            "plan-months",
            &[
                ("first", i64::from(first).into()),
                ("last", i64::from(last).into()),
            ],
        ),
        MonthRange::Ongoing => locale.t("plan-ongoing"),
    }
}
