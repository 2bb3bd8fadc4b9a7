//! The workbook's domain: your profile, the people you track, checklist progress,
//! and what careerbook computes from them (the plan's phases, gap analysis, next
//! actions, outreach drafts).
//!
//! Plain types and logic. Only [`Workbook::load`] reads files, and nothing here
//! reads the clock: everything that depends on "now" takes `today`.
//!
//! The data contract (every file optional, every problem a located diagnostic):
//!
//! - `data/profile.yaml`: `name` (required), `pronouns`, `role`, `organisation`,
//!   `email`, `region`, `plan_start`, `goals`, `ambitions`;
//! - `data/relationships.yaml`: `people:`, a list of [`Person`]s;
//! - `data/progress.yaml`: `done:`, checklist item id → date done.
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
pub mod profile;
pub mod progress;
pub mod relationship;

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diagnostics::Diagnostics;

pub use actions::{Action, ActionKind, next_actions};
pub use checklist::{ChecklistSummary, TaskRef};
pub use gap::{GapAnalysis, Verdict};
pub use message::{FilledMessage, Segment};
pub use parse::{PROFILE_FILE, PROGRESS_FILE, RELATIONSHIPS_FILE, schemas};
pub use people::{Channel, LogEntry, Person, Role, Stage};
pub use plan::{MonthRange, Phase, PhaseDef, Plan};
pub use profile::{Profile, Region};
pub use progress::Progress;

/// Everything the person wrote about themselves and their relationships.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Workbook {
    /// `None` when there is no `data/profile.yaml` (or it is empty).
    pub profile: Option<Profile>,
    /// In file order.
    pub people: Vec<Person>,
    /// Checklist items done, from `data/progress.yaml`.
    pub progress: Progress,
    /// The folder the files came from (`data`, or `data/people/<id>` for a member
    /// of a cohort), for diagnostics found after loading.
    #[serde(skip)]
    pub dir: String,
}

impl Workbook {
    /// Read `data/profile.yaml`, `data/relationships.yaml` and `data/progress.yaml`
    /// under the project folder `root` (a `.yml` file is read when there is no
    /// `.yaml`). Missing files are fine: no data at all is an empty workbook.
    /// Diagnostics name files relative to `root`, e.g. `data/relationships.yaml`.
    ///
    /// Problems are reported to `diags` and loading carries on; the caller decides
    /// (by `diags.has_errors()`) whether to build.
    pub fn load(root: &Path, today: NaiveDate, diags: &mut Diagnostics) -> Workbook {
        Workbook::load_dir(root, "data", today, diags)
    }

    /// Like [`Workbook::load`], from another folder of the project (a cohort
    /// member's `data/people/<id>`), with the same file names.
    pub fn load_dir(root: &Path, dir: &str, today: NaiveDate, diags: &mut Diagnostics) -> Workbook {
        let profile = read(root, &format!("{dir}/profile.yaml"), diags);
        let relationships = read(root, &format!("{dir}/relationships.yaml"), diags);
        let progress = read(root, &format!("{dir}/progress.yaml"), diags);
        Workbook {
            dir: dir.to_string(),
            profile: profile.and_then(|(file, text)| parse::profile(&text, &file, diags)),
            people: relationships
                .map(|(file, text)| parse::people(&text, &file, today, diags))
                .unwrap_or_default(),
            progress: progress
                .map(|(file, text)| parse::progress(&text, &file, today, diags))
                .unwrap_or_default(),
        }
    }

    /// Build a workbook from the files' text (`None`: the file does not exist).
    /// Diagnostics name the files as [`Workbook::load`] does.
    pub fn from_sources(
        profile: Option<&str>,
        relationships: Option<&str>,
        progress: Option<&str>,
        today: NaiveDate,
        diags: &mut Diagnostics,
    ) -> Workbook {
        Workbook {
            dir: "data".to_string(),
            profile: profile.and_then(|t| parse::profile(t, PROFILE_FILE, diags)),
            people: relationships
                .map(|t| parse::people(t, RELATIONSHIPS_FILE, today, diags))
                .unwrap_or_default(),
            progress: progress
                .map(|t| parse::progress(t, PROGRESS_FILE, today, diags))
                .unwrap_or_default(),
        }
    }

    /// A copy without private people and without any `notes`: what a default
    /// (shareable) build may show.
    pub fn public(&self) -> Workbook {
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
            dir: self.dir.clone(),
        }
    }

    /// The file people come from, for diagnostics.
    pub fn relationships_file(&self) -> String {
        if self.dir.is_empty() {
            RELATIONSHIPS_FILE.to_string()
        } else {
            format!("{}/relationships.yaml", self.dir)
        }
    }

    /// Nothing written yet: no profile, no people, no progress.
    pub fn is_empty(&self) -> bool {
        self.profile.is_none() && self.people.is_empty() && self.progress.done.is_empty()
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The profile's plan start, if any.
    pub fn plan_start(&self) -> Option<NaiveDate> {
        self.profile.as_ref().and_then(|p| p.plan_start)
    }
}

/// Whether `id` is a valid person or member id: lower-case letters, digits and
/// single `-` between them (safe in URLs, HTML ids and folder names).
pub fn is_valid_id(id: &str) -> bool {
    parse::check_id(id).is_ok()
}

/// Read one data file, if it exists (as `.yaml`, or else `.yml`): the file's
/// name relative to `root`, and its text.
fn read(root: &Path, file: &str, diags: &mut Diagnostics) -> Option<(String, String)> {
    let yml = file.replace(".yaml", ".yml");
    let file = [file, yml.as_str()]
        .into_iter()
        .find(|f| root.join(f).is_file())?;
    crate::source::read_data(root, Path::new(file), diags).map(|text| (file.to_string(), text))
}

#[cfg(test)]
mod tests;
