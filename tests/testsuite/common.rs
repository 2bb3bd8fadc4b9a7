//! Helpers shared by the integration tests: copy a fixture project into a temporary
//! folder, build it, read what was written.

use std::path::{Path, PathBuf};

use careerbook::{BuildReport, Diagnostic, Options};
use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A temporary copy of a fixture project (fixtures are never built in place).
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn from_fixture(name: &str) -> Project {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixture(name), dir.path());
        Project { dir }
    }

    /// The cohort fixture in English and French, with Chloe Roy's workbook in
    /// French (`language: fr-CA`).
    pub fn bilingual_cohort() -> Project {
        let p = Project::from_fixture("cohort");
        let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
        p.write(
            "book.toml",
            &toml.replacen(
                "[book]\n",
                "[book]\nlanguages = [\"en-CA\", \"fr-CA\"]\n",
                1,
            ),
        );
        let profile =
            std::fs::read_to_string(p.root().join("data/people/chloe-roy/profile.yaml")).unwrap();
        p.write(
            "data/people/chloe-roy/profile.yaml",
            &format!("{profile}language: fr-CA\n"),
        );
        p
    }

    /// The repository's own default workbook (book.toml, content/, data/).
    pub fn default_workbook() -> Project {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(root.join("book.toml"), dir.path().join("book.toml")).unwrap();
        for sub in ["content", "data"] {
            copy_dir(&root.join(sub), &dir.path().join(sub));
        }
        Project { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        let path = self.root().join(rel);
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
    }

    pub fn options(&self) -> Options {
        Options::new(self.root(), today())
    }

    pub fn build(&self) -> Result<BuildReport, Vec<Diagnostic>> {
        careerbook::build(&self.options()).map_err(|f| f.diagnostics)
    }

    pub fn build_ok(&self) -> BuildReport {
        match self.build() {
            Ok(r) => r,
            Err(d) => panic!(
                "build failed:\n{}",
                careerbook::diagnostics::render_human(&d, self.root(), false)
            ),
        }
    }

    /// The diagnostics of a failing build, rendered as a person sees them.
    pub fn build_err(&self) -> (Vec<Diagnostic>, String) {
        match self.build() {
            Ok(_) => panic!("the build should have failed"),
            Err(d) => {
                let text = careerbook::diagnostics::render_human(&d, self.root(), false);
                (d, text)
            }
        }
    }

    pub fn site(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join("site").join(rel))
            .unwrap_or_else(|e| panic!("site/{rel}: {e}"))
    }

    pub fn site_exists(&self, rel: &str) -> bool {
        self.root().join("site").join(rel).exists()
    }

    /// A file of a cohort's members' tree (`members/` beside `site/`).
    pub fn members(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join("members").join(rel))
            .unwrap_or_else(|e| panic!("members/{rel}: {e}"))
    }

    pub fn members_exists(&self, rel: &str) -> bool {
        self.root().join("members").join(rel).exists()
    }

    /// Every file of the built site, path → bytes, for whole-site comparisons.
    pub fn snapshot_site(&self) -> Vec<(String, Vec<u8>)> {
        self.snapshot("site")
    }

    /// Every file under `folder` of the project, path → bytes.
    pub fn snapshot(&self, folder: &str) -> Vec<(String, Vec<u8>)> {
        let site = self.root().join(folder);
        let mut files: Vec<_> = walkdir::WalkDir::new(&site)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(&site)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The `careerbook` binary built for these tests.
pub fn careerbook() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_careerbook"));
    cmd.env("NO_COLOR", "1");
    cmd
}
