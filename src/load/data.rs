//! `data/`: YAML about the person. `profile`, `relationships`, `progress` and `wins` follow
//! a contract and are read by [`super::workbook`] into the model's types; every other `*.yaml` (or
//! `*.yml`) directly in `data/` is read here, untyped, and reaches templates under
//! its file stem (`data/events.yaml` → `events`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::source::read_data;
use crate::yaml;

pub const DIR: &str = "data";

/// Files with a contract, read into the model's types instead.
pub const TYPED: [&str; 4] = super::workbook::FILES;

#[derive(Debug, Default, Clone)]
pub struct Data {
    /// File stem → parsed value.
    pub files: BTreeMap<String, Value>,
    /// File stem → the file it came from (relative to the project).
    pub sources: BTreeMap<String, PathBuf>,
}

impl Data {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// The data file with a contract (`relationships`, `wins`…) that `stem`, in
/// the folder `dir` of the project at `root`, is a slip of the keyboard for,
/// when that file is not there: a letter off (`relationship`, `win`,
/// `progres`, `Wins`). A name further off, such as `programs`, is a file of
/// its own (data for templates). The one rule for `data/` and a member's
/// folder.
pub fn slip_for(root: &Path, dir: &str, stem: &str) -> Option<&'static str> {
    let lower = stem.to_lowercase();
    let typed = TYPED
        .into_iter()
        .find(|typed| strsim::levenshtein(&lower, typed) <= 1)?;
    let folder = root.join(dir);
    let there = |ext: &str| folder.join(format!("{typed}.{ext}")).exists();
    (!there("yaml") && !there("yml")).then_some(typed)
}

/// The warning for `file`, whose name is a slip for the data file `typed`'s
/// (`profile`, `relationships`…) in the folder `dir` ([`slip_for`]).
pub fn misnamed(file: &Path, typed: &str, dir: &str) -> Diagnostic {
    Diagnostic::warning(
        "data",
        format!(
            "`{}` is not read as your {typed}: careerbook reads {typed} from `{dir}/{typed}.yaml`",
            file.display()
        ),
    )
    .in_file(file)
    .help(format!(
        "did you mean `{typed}.yaml`? Rename the file to `{dir}/{typed}.yaml`"
    ))
}

pub fn load(root: &Path, diags: &mut Diagnostics) -> Data {
    let mut data = Data::default();
    let dir = root.join(DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return data;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(stem) = name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
        else {
            continue;
        };
        // Folders (`data/people/`) and broken links are not data files; a named
        // pipe or a device is one, refused when it is read.
        let a_file = std::fs::metadata(&path).is_ok_and(|m| !m.is_dir());
        if crate::load::content::is_ignored(&name) || !a_file || TYPED.contains(&stem) {
            continue;
        }
        let file = Path::new(DIR).join(&name);
        // Not in a cohort, whose personal data is in the members' folders.
        if !dir.join("people").is_dir()
            && let Some(typed) = slip_for(root, DIR, stem)
        {
            diags.push(misnamed(&file, typed, DIR));
        }
        if !stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            diags.push(
                Diagnostic::error("data", "a data file's name becomes a template variable")
                    .in_file(&file)
                    .help("name data files with letters, digits, `_` and `-`"),
            );
            continue;
        }
        if let Some(old) = data.sources.get(stem) {
            diags.push(
                Diagnostic::error(
                    "data",
                    format!("`{stem}` is also defined by {}", old.display()),
                )
                .in_file(&file)
                .help("keep one of the two files"),
            );
            continue;
        }
        let Some(text) = read_data(root, &file, diags) else {
            continue;
        };
        let value = if text.trim().is_empty() {
            Value::Null
        } else {
            match yaml::parse::<Value>(&text, &file, 1, "yaml") {
                Ok(v) => v,
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            }
        };
        data.sources.insert(stem.to_string(), file);
        data.files.insert(stem.to_string(), value);
    }
    data
}
