//! Reading the three data files into the model, strictly.
//!
//! The YAML is deserialized with serde-saphyr into "raw" shapes that mirror the
//! files ([`raw`]: every struct `deny_unknown_fields`, source positions kept with
//! [`Spanned`] where a later check must point at a value), then validated into the
//! clean types of the model, one file per data file ([`profile`], [`people`],
//! [`progress`], [`wins`]); ids that one file uses from another (a win's
//! `seen_by`, a log entry's `wins`) are checked once both are read
//! ([`check_references`]). Every problem becomes a [`Diagnostic`] with the file, line,
//! column and a fix, and checking carries on so that one build reports them all:
//!
//! - semantic checks (ids, links, dates in the future, …) never stop early;
//! - serde stops at the first type error of a document, so when a file fails as
//!   a whole, each entry of its list (a person, a win) is read again on its own,
//!   and each key of an entry or of the profile, blanked out once it has
//!   reported its problem ([`recover`]): every problem is reported.
//!
//! The rules for single values (ids, links, e-mail addresses) are in [`values`].

mod people;
mod profile;
mod progress;
mod raw;
mod recover;
mod values;
mod wins;

pub use people::people;
pub use profile::profile;
pub use progress::progress;
pub use raw::schemas;
pub use values::{check_email, check_id, check_link, suggest_id};
pub use wins::wins;

use std::path::Path;

use serde_saphyr::Location;

use super::date::date_help_for_message;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Where the profile lives, relative to the project folder.
pub const PROFILE_FILE: &str = "data/profile.yaml";
/// Where the people live, relative to the project folder.
pub const RELATIONSHIPS_FILE: &str = "data/relationships.yaml";
/// Where checklist progress lives, relative to the project folder.
pub const PROGRESS_FILE: &str = "data/progress.yaml";
/// Where wins live, relative to the project folder.
pub const WINS_FILE: &str = "data/wins.yaml";

/// Code of problems in the YAML itself or its shape (the same code the generic data
/// loader uses, so a syntax error reported by both is shown once).
const YAML: &str = "yaml";
/// Code of problems with a value that has the right shape.
const DATA: &str = "data";

/// The longest `kind` of a log entry before we suggest moving words to `summary`.
const MAX_KIND_CHARS: usize = 40;
/// The longest check-in rhythm we accept: ten years. Longer is a typo, and keeping
/// it bounded keeps date arithmetic far from chrono's limits.
const MAX_CADENCE_DAYS: i64 = 3660;

/// An id one data file uses from another, where it is written.
#[derive(Debug, Clone)]
pub struct IdRef {
    pub id: String,
    file: String,
    line: usize,
    column: usize,
}

impl IdRef {
    fn new(id: &str, file: &str, loc: &Location) -> IdRef {
        let (line, column) = pos(loc);
        IdRef {
            id: id.to_string(),
            file: file.to_string(),
            line,
            column,
        }
    }
}

/// Check the ids that cross files: each of `people_refs` (a win's `seen_by`)
/// must be a person's id, each of `win_refs` (a log entry's `wins`) a win's.
/// `wins_file` is where wins are read from, named in the advice when there is
/// none.
pub fn check_references(
    people_refs: &[IdRef],
    people: &[&str],
    win_refs: &[IdRef],
    wins: &[&str],
    wins_file: &str,
    diags: &mut Diagnostics,
) {
    for (refs, known, what) in [(people_refs, people, "person"), (win_refs, wins, "win")] {
        for r in refs.iter().filter(|r| !known.contains(&r.id.as_str())) {
            let help = match crate::diagnostics::suggest(&r.id, known.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None if what == "win" && known.is_empty() => {
                    format!("there are no wins yet: add this one to {wins_file}, or remove the id")
                }
                None if what == "win" => format!("use the id of a win in {wins_file}"),
                None => "use the id of a person in relationships.yaml".to_string(),
            };
            diags.push(
                Diagnostic::error(
                    DATA,
                    format!("there is no {what} with the id {}", quote(&r.id)),
                )
                .in_file(&r.file)
                .at(r.line, r.column)
                .help(help),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Helpers shared by the files' readers.

fn pos(loc: &Location) -> (usize, usize) {
    (loc.line() as usize, loc.column() as usize)
}

fn at(d: Diagnostic, file: &str, loc: &Location) -> Diagnostic {
    let (line, column) = pos(loc);
    d.in_file(file).at(line, column)
}

/// A serde-saphyr error as a located diagnostic, with our own advice for the
/// messages our types produce.
fn yaml_error(e: &serde_saphyr::Error, text: &str, file: &str) -> Diagnostic {
    yaml_error_in(e, text, file, 1)
}

/// [`yaml_error`] for `text` that starts on line `first_line` of the file.
fn yaml_error_in(e: &serde_saphyr::Error, text: &str, file: &str, first_line: usize) -> Diagnostic {
    let mut d = crate::yaml::to_diagnostic(e, text, Path::new(file), first_line, YAML);
    if let Some(help) = date_help_for_message(&d.message) {
        d.help = Some(help);
    } else if d.message.starts_with("cannot deserialize null into") {
        d.message = "a value is needed here, but nothing is written after the colon".into();
        d.help = Some("write the value, or remove the line".into());
    } else if d.message.contains("expected a whole number of days") {
        d.help = Some("write how many days apart check-ins should be, for example 30".into());
    } else if let Some(help) = d
        .message
        .starts_with("expected string")
        .then(|| {
            crate::yaml::colon_in_text_help(text, (d.line + 1).saturating_sub(first_line), d.column)
        })
        .flatten()
    {
        // `- Devenir gestionnaire : en 2027` in a list of text is a mapping.
        d.help = Some(help);
    } else if let Some(help) = shape_help(&d.message) {
        d.help = Some(help);
    }
    d
}

/// Advice for a value of the wrong shape, in the words of the data files rather
/// than of Rust types.
fn shape_help(message: &str) -> Option<String> {
    let help = if message.starts_with("invalid boolean") {
        "write `true` or `false`".to_string()
    } else if message.starts_with("expected sequence") {
        "this takes a list: put each item on its own line starting with `- `, or write `[first, second]`".to_string()
    } else if message.starts_with("expected mapping") {
        "this takes names and values: one `name: value` per line, indented under it".to_string()
    } else if message.starts_with("expected string") {
        "this takes text: put it in quotes if it starts with `[`, `{` or another YAML symbol"
            .to_string()
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        match field {
            "role" => "add `role: mentor` or `role: sponsor`; it is required".to_string(),
            "date" => "add the date, such as `date: 2026-03-09`; it is required".to_string(),
            _ => format!("add `{field}:` with a value; it is required"),
        }
    } else {
        return None;
    };
    Some(help)
}

/// A value for a message, shortened so a pasted essay does not flood the terminal.
fn quote(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() > MAX {
        let short: String = s.chars().take(MAX).collect();
        format!("`{short}…`")
    } else {
        format!("`{s}`")
    }
}

/// Lists and maps may be written with nothing after the colon; that means empty.
fn texts(v: Option<Vec<String>>) -> Vec<String> {
    v.unwrap_or_default()
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn trimmed(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Line and column of the first line with content (not blank, a comment or a
/// document marker): where a file-level "missing field" is best shown.
fn first_content(text: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, l)| {
            let t = l.trim_start();
            let skip = t.is_empty() || t.starts_with('#') || t.starts_with("---");
            (!skip).then(|| (i + 1, l.chars().count() - t.chars().count() + 1))
        })
        .unwrap_or((1, 1))
}
