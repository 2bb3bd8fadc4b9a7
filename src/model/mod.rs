//! The workbook's domain: your profile, the people you track, checklist progress,
//! and what careerbook computes from them (the plan's phases, gap analysis, next
//! actions, outreach drafts).
//!
//! Plain types and logic, pure: nothing here reads a file (loading reads them and
//! hands their text to [`Workbook::from_files`]) or the clock (everything that
//! depends on "now" takes `today`).
//!
//! The data contract (every file optional, every problem a located diagnostic):
//!
//! - `data/profile.yaml`: `name` (required), `pronouns`, `role`, `organisation`,
//!   `email`, `region`, `plan_start`, `goals`, `ambitions`, `open_to`;
//! - `data/relationships.yaml`: `people:`, a list of [`Person`]s;
//! - `data/progress.yaml`: `done:`, checklist item id → date done;
//! - `data/wins.yaml`: `wins:`, a list of [`Win`]s (what you achieved, and who
//!   has heard about it).
//!
//! Dates are `YYYY-MM-DD`. See [`parse`] for the checks.

pub mod actions;
pub mod checklist;
pub mod date;
pub mod gap;
pub mod message;
pub mod parse;
pub mod people;
pub mod plan;
pub mod prep;
pub mod profile;
pub mod progress;
pub mod relationship;
pub mod wins;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diagnostics::Diagnostics;

pub use actions::{Action, ActionKind, next_actions};
pub use checklist::{ChecklistSummary, TaskRef};
pub use gap::{GapAnalysis, Verdict};
pub use message::{FilledMessage, Segment};
pub use parse::{PROFILE_FILE, PROGRESS_FILE, RELATIONSHIPS_FILE, WINS_FILE, schemas};
pub use people::{Channel, LogEntry, Person, Role, Stage};
pub use plan::{MonthRange, Phase, PhaseDef, Plan};
pub use prep::{PrepCard, QuestionBank};
pub use profile::{Profile, Region};
pub use progress::{DueAgain, Progress};
pub use wins::{News, Win};

/// Everything the person wrote about themselves and their relationships.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Workbook {
    /// `None` when there is no `data/profile.yaml` (or it is empty).
    pub profile: Option<Profile>,
    /// In file order.
    pub people: Vec<Person>,
    /// Checklist items done, from `data/progress.yaml`.
    pub progress: Progress,
    /// Your wins, from `data/wins.yaml`, in file order.
    pub wins: Vec<Win>,
    /// The folder the files came from (`data`, or `data/people/<id>` for a member
    /// of a cohort), for diagnostics found after loading; for a cohort's guide,
    /// [`ANY_MEMBER`].
    #[serde(skip)]
    pub dir: String,
    /// The plan's day 1 when the profile is left out (a public build without
    /// `show-profile`): the plan's dates may be shown, the name may not.
    #[serde(skip)]
    pub plan_start_alone: Option<NaiveDate>,
    /// The data files named with `.yml` rather than `.yaml` (by their
    /// `.yaml` name, `data/wins.yaml`), so that what is said of them after
    /// loading names them as they are.
    #[serde(skip)]
    pub yml: Vec<&'static str>,
}

/// One data file's text, with its name relative to the project folder (how
/// diagnostics name it, e.g. `data/people/ana/profile.yaml`).
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

/// The texts of a workbook's data files; `None` for a file that does not
/// exist.
#[derive(Debug, Clone, Copy, Default)]
pub struct DataFiles<'a> {
    pub profile: Option<SourceFile<'a>>,
    pub relationships: Option<SourceFile<'a>>,
    pub progress: Option<SourceFile<'a>>,
    pub wins: Option<SourceFile<'a>>,
}

/// The folder a cohort's guide names for its reader's data: the guide is every
/// member's, and each member's files are in their own folder.
pub const ANY_MEMBER: &str = "data/people/<id>";

impl Workbook {
    /// The empty workbook a cohort's guide is built from: no one's data, and
    /// its pages name the files in a member's folder (`data/progress.yaml`
    /// is an error in a cohort).
    pub fn guide() -> Workbook {
        Workbook {
            dir: ANY_MEMBER.to_string(),
            ..Workbook::default()
        }
    }

    /// Build a workbook from its data files' text. `dir` is the folder they are
    /// in (`data`, or `data/people/<id>` for a member of a cohort), kept for
    /// diagnostics found later. Problems are reported to `diags` and parsing
    /// carries on; the caller decides (by `diags.has_errors()`) whether to build.
    pub fn from_files(
        dir: &str,
        files: DataFiles<'_>,
        today: NaiveDate,
        diags: &mut Diagnostics,
    ) -> Workbook {
        let mut win_refs = Vec::new();
        let mut people_complete = true;
        let people = files
            .relationships
            .map(|f| {
                parse::people(
                    f.text,
                    f.file,
                    today,
                    &mut win_refs,
                    &mut people_complete,
                    diags,
                )
            })
            .unwrap_or_default();
        let wins = files
            .wins
            .map(|f| parse::wins(f.text, f.file, today, diags));
        // A file that could not be read whole says nothing about which ids
        // it lacks: the other file's references to it are not checked.
        let wins_complete = !matches!(wins, Some(None));
        let (wins, mut seen_by) = wins.flatten().unwrap_or_default();
        if !people_complete {
            seen_by.clear();
        }
        if !wins_complete {
            win_refs.clear();
        }
        let yml = [
            (PROFILE_FILE, files.profile),
            (RELATIONSHIPS_FILE, files.relationships),
            (PROGRESS_FILE, files.progress),
            (WINS_FILE, files.wins),
        ]
        .into_iter()
        .filter(|(_, f)| f.is_some_and(|f| f.file.ends_with(".yml")))
        .map(|(name, _)| name)
        .collect();
        let wb = Workbook {
            dir: dir.to_string(),
            plan_start_alone: None,
            yml,
            profile: files
                .profile
                .and_then(|f| parse::profile(f.text, f.file, diags)),
            people,
            progress: files
                .progress
                .map(|f| parse::progress(f.text, f.file, today, diags))
                .unwrap_or_default(),
            wins,
        };
        let people: Vec<&str> = wb.people.iter().map(|p| p.id.as_str()).collect();
        let win_ids: Vec<&str> = wb.wins.iter().map(|w| w.id.as_str()).collect();
        parse::check_references(
            &seen_by,
            &people,
            &win_refs,
            &win_ids,
            &wb.wins_file(),
            diags,
        );
        wb
    }

    /// Build a workbook from the text of `data/profile.yaml`,
    /// `data/relationships.yaml` and `data/progress.yaml` (`None`: the file does
    /// not exist).
    pub fn from_sources(
        profile: Option<&str>,
        relationships: Option<&str>,
        progress: Option<&str>,
        today: NaiveDate,
        diags: &mut Diagnostics,
    ) -> Workbook {
        fn source<'a>(file: &'a str, text: Option<&'a str>) -> Option<SourceFile<'a>> {
            text.map(|text| SourceFile { file, text })
        }
        let files = DataFiles {
            profile: source(PROFILE_FILE, profile),
            relationships: source(RELATIONSHIPS_FILE, relationships),
            progress: source(PROGRESS_FILE, progress),
            wins: None,
        };
        Workbook::from_files("data", files, today, diags)
    }

    /// A copy without private people, private wins and any `notes`: what your
    /// own copy (the default build) shows.
    pub fn without_private(&self) -> Workbook {
        Workbook {
            profile: self.profile.clone(),
            people: self
                .people
                .iter()
                .filter(|p| !p.private)
                .map(|p| Person {
                    notes: None,
                    ..p.clone()
                })
                .collect(),
            progress: self.progress.clone(),
            wins: self.wins.iter().filter(|w| !w.private).cloned().collect(),
            dir: self.dir.clone(),
            plan_start_alone: self.plan_start_alone,
            yml: self.yml.clone(),
        }
    }

    /// The file people come from: `data/relationships.yaml`, or a cohort
    /// member's `data/people/<id>/relationships.yaml`.
    pub fn relationships_file(&self) -> String {
        self.data_file(RELATIONSHIPS_FILE)
    }

    /// The file the profile comes from.
    pub fn profile_file(&self) -> String {
        self.data_file(PROFILE_FILE)
    }

    /// The file wins come from.
    pub fn wins_file(&self) -> String {
        self.data_file(WINS_FILE)
    }

    /// The file ticks come from.
    pub fn progress_file(&self) -> String {
        self.data_file(PROGRESS_FILE)
    }

    /// `file` (`data/wins.yaml`) where this workbook's data is: in a cohort,
    /// in the member's folder. The one rule for diagnostics and for what the
    /// pages tell a reader to edit.
    fn data_file(&self, file: &'static str) -> String {
        let path = if self.dir.is_empty() {
            file.to_string()
        } else {
            let name = file.rsplit('/').next().unwrap_or(file);
            format!("{}/{name}", self.dir)
        };
        if self.yml.contains(&file) {
            format!("{}.yml", path.trim_end_matches(".yaml"))
        } else {
            path
        }
    }

    /// A cohort member's id: the folder under `data/people/` the workbook
    /// comes from.
    pub fn member_id(&self) -> Option<&str> {
        self.dir
            .strip_prefix("data/people/")
            .filter(|_| self.dir != ANY_MEMBER)
    }

    /// Nothing written yet: no profile, no people, no progress, no wins.
    pub fn is_empty(&self) -> bool {
        self.profile.is_none()
            && self.people.is_empty()
            && self.progress.done.is_empty()
            && self.wins.is_empty()
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The profile's plan start, if any.
    pub fn plan_start(&self) -> Option<NaiveDate> {
        self.profile
            .as_ref()
            .and_then(|p| p.plan_start)
            .or(self.plan_start_alone)
    }
}

/// Whether `id` is a valid person or member id: lower-case letters, digits and
/// single `-` between them (safe in URLs, HTML ids and folder names).
pub fn is_valid_id(id: &str) -> bool {
    parse::check_id(id).is_ok()
}

#[cfg(test)]
mod tests;
