//! The person's own data files, `profile`, `relationships`, `progress` and `wins`: read
//! from `data/` (or a cohort member's `data/people/<id>/`) and handed, as text,
//! to the model's parsers.

use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostics::Diagnostics;
use crate::model::{DataFiles, SourceFile, Workbook};
use crate::source::read_data;

/// Read `data/profile.yaml`, `data/relationships.yaml`, `data/progress.yaml` and `data/wins.yaml`
/// under the project folder `root` (a `.yml` file is read when there is no
/// `.yaml`). Missing files are fine: no data at all is an empty workbook.
/// Diagnostics name files relative to `root`, e.g. `data/relationships.yaml`.
///
/// Problems are reported to `diags` and loading carries on; the caller decides
/// (by `diags.has_errors()`) whether to build.
pub fn load(root: &Path, today: NaiveDate, diags: &mut Diagnostics) -> Workbook {
    load_dir(root, super::data::DIR, today, diags)
}

/// Like [`load`], from another folder of the project (a cohort member's
/// `data/people/<id>`), with the same file names.
pub fn load_dir(root: &Path, dir: &str, today: NaiveDate, diags: &mut Diagnostics) -> Workbook {
    let [profile, relationships, progress, wins] =
        FILES.map(|name| read(root, &format!("{dir}/{name}.yaml"), diags));
    fn source(read: &Option<(String, String)>) -> Option<SourceFile<'_>> {
        read.as_ref().map(|(file, text)| SourceFile { file, text })
    }
    let files = DataFiles {
        profile: source(&profile),
        relationships: source(&relationships),
        progress: source(&progress),
        wins: source(&wins),
    };
    Workbook::from_files(dir, files, today, diags)
}

/// The names of a workbook's data files, without extension.
pub const FILES: [&str; 4] = ["profile", "relationships", "progress", "wins"];

/// The workbook's data files that exist in `dir` (relative to `root`), as
/// they are named there (`data/profile.yml`).
pub fn present(root: &Path, dir: &str) -> Vec<String> {
    FILES
        .iter()
        .filter_map(|name| find(root, &format!("{dir}/{name}.yaml")))
        .collect()
}

/// The file `file` (a `.yaml` name) as it exists under `root`: itself, or else
/// with `.yml`. A folder of that name is no file; a named pipe or a device is,
/// and is refused by [`read_data`].
fn find(root: &Path, file: &str) -> Option<String> {
    let yml = file.replace(".yaml", ".yml");
    [file, yml.as_str()]
        .into_iter()
        .find(|f| std::fs::metadata(root.join(f)).is_ok_and(|m| !m.is_dir()))
        .map(str::to_string)
}

/// Read one data file, if it exists (see [`find`]): the file's name relative to
/// `root`, and its text.
fn read(root: &Path, file: &str, diags: &mut Diagnostics) -> Option<(String, String)> {
    let file = find(root, file)?;
    read_data(root, Path::new(&file), diags).map(|text| (file, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    }

    #[test]
    fn loads_files_from_a_project_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        std::fs::write(
            dir.path().join("data/profile.yml"),
            "name: N\nplan_start: 2026-02-31\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("data/relationships.yaml"),
            "people:\n  - id: a\n    name: A\n    role: mentor\n  - id: b\n    name: B\n    role: sponsor\n",
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        let wb = load(dir.path(), today(), &mut diags);
        assert_eq!(wb.people.len(), 2);
        assert_eq!(wb.dir, "data");
        let diags = diags.sorted();
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert_eq!(
            diags[0].file.as_deref(),
            Some(Path::new("data/profile.yml"))
        );
        assert_eq!(diags[0].line, 2);

        let empty = tempfile::tempdir().unwrap();
        let mut diags = Diagnostics::new();
        assert!(load(empty.path(), today(), &mut diags).is_empty());
        assert!(diags.is_empty());
    }

    #[test]
    fn a_members_files_are_named_by_their_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data/people/ana")).unwrap();
        std::fs::write(
            dir.path().join("data/people/ana/progress.yaml"),
            "done:\n  x: 2030-01-01\n",
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        let wb = load_dir(dir.path(), "data/people/ana", today(), &mut diags);
        assert_eq!(wb.dir, "data/people/ana");
        let diags = diags.sorted();
        assert!(!diags.is_empty());
        assert!(
            diags
                .iter()
                .all(|d| d.file.as_deref() == Some(Path::new("data/people/ana/progress.yaml"))),
            "{diags:#?}"
        );
    }
}
