//! Writing the site: into a fresh sibling folder, then swapped into place, so a
//! failed or interrupted build never leaves a half-written site behind, and
//! whoever reads the output folder (`serve`, another web server) never finds it
//! missing.
//!
//! - A build writes into `.NAME.new-XXXXXX` beside the output folder `NAME`. That
//!   folder carries the marker from the start and is locked by its build (an
//!   advisory lock on the folder itself, which the system drops when the process
//!   ends, even by `kill -9`).
//! - The commit exchanges the staging folder and the output folder in one step
//!   (`renameat2` with `RENAME_EXCHANGE` on Linux), then removes the old site,
//!   now under the staging name. Elsewhere, or where the file system refuses,
//!   the old site is moved aside and the new one moved in.
//! - Each build, and `clean`, removes the staging folders beside the output that
//!   killed builds left: marked, not a link, and locked by no running build.

use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::render::{OutputFile, Sink};

mod staging;
mod swap;

pub use staging::{Staging, Stale, remove_stale};

/// A file we leave in every output folder, so that `build` and `clean` only ever
/// replace or remove a folder careerbook made.
pub const MARKER: &str = ".careerbook-output";

/// Why an output folder cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("the output folder {0} holds the project itself")]
    ContainsProject(PathBuf),
    #[error(
        "the output folder {0} is inside content/, data/ or themes/, which careerbook never writes to"
    )]
    InsideSources(PathBuf),
    #[error("{0} exists and was not made by careerbook")]
    NotOurs(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{0} was replaced by other builds of this project at the same moment, again and again")]
    Contended(PathBuf),
    #[error(
        "the members' folder {members} and the output folder {site} overlap: members' workbooks name the people they work with, and the output folder is for publishing"
    )]
    MembersInSite { members: PathBuf, site: PathBuf },
}

impl OutputError {
    pub fn help(&self) -> &'static str {
        match self {
            OutputError::ContainsProject(_) | OutputError::InsideSources(_) => {
                "choose another folder with --out or [build] output in book.toml, such as `site`"
            }
            OutputError::NotOurs(_) => {
                "careerbook only replaces folders it made: remove the folder yourself, or choose another with --out or [build] output in book.toml"
            }
            OutputError::Io { .. } => "check the folder's permissions and free space",
            OutputError::Contended(_) => {
                "let the other builds finish, then build again: the site there is whole, from one of them"
            }
            OutputError::MembersInSite { .. } => {
                "set `output` under [cohort] in book.toml to a folder outside the output folder, such as `members`"
            }
        }
    }

    /// The error as a diagnostic, pointing at where the folder was chosen: `--out`
    /// on the command line (`from_flag`), or else `output` under `[build]` in the
    /// book.toml of `project_root`, when it is set there.
    pub fn diagnostic(&self, project_root: &Path, from_flag: bool) -> Diagnostic {
        let d = Diagnostic::error("output", self.to_string()).help(self.help());
        if matches!(self, OutputError::Io { .. } | OutputError::Contended(_)) {
            return d;
        }
        if from_flag {
            return Diagnostic {
                message: format!("{self} (the folder given with --out)"),
                ..d
            };
        }
        match output_key_position(project_root) {
            Some((line, column)) => d.in_file(crate::config::FILE_NAME).at(line, column),
            None => Diagnostic {
                message: format!("{self} (the default output folder)"),
                ..d
            },
        }
    }
}

/// A problem with a cohort's members' folder, pointing at `output` under
/// `[cohort]` in book.toml when it is set there.
pub fn members_diagnostic(e: &OutputError, project_root: &Path) -> Diagnostic {
    let d = Diagnostic::error("output", e.to_string()).help(e.help());
    let at = crate::config::Config::load(project_root)
        .ok()
        .and_then(|c| c.value_position("cohort.output"));
    match (e, at) {
        (OutputError::Io { .. } | OutputError::Contended(_), _) => d,
        (_, Some((line, column))) => d.in_file(crate::config::FILE_NAME).at(line, column),
        (_, None) => Diagnostic {
            message: format!("{e} (the members' folder, beside the output folder by default)"),
            ..d
        },
    }
}

/// Where a cohort's members' workbooks go: `[cohort] output` (from the project
/// folder), or else `members` beside the site's output folder.
pub fn members_folder(project_root: &Path, site: &Path, config: &crate::config::Config) -> PathBuf {
    match &config.cohort.output {
        Some(dir) => project_root.join(dir),
        None => site.with_file_name("members"),
    }
}

/// Refuse a members' folder that would destroy the user's work, as for any
/// output folder, or that overlaps the output folder meant for publishing.
pub fn check_members_target(
    project_root: &Path,
    site: &Path,
    members: &Path,
) -> Result<(), OutputError> {
    let (site_abs, members_abs) = (absolute(site), absolute(members));
    if members_abs.starts_with(&site_abs) || site_abs.starts_with(&members_abs) {
        return Err(OutputError::MembersInSite {
            members: members.to_path_buf(),
            site: site.to_path_buf(),
        });
    }
    check_target(project_root, members)
}

/// Line and column of the value of `output` under `[build]` in book.toml, in
/// whichever form the TOML writes it (a table, a dotted key, an inline table).
/// `None` when book.toml does not set it, or cannot be used (then the build
/// would not use its `output` either).
fn output_key_position(project_root: &Path) -> Option<(usize, usize)> {
    crate::config::Config::load(project_root)
        .ok()?
        .value_position("build.output")
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Refuse output folders that would destroy the user's work.
pub fn check_target(project_root: &Path, out: &Path) -> Result<(), OutputError> {
    let root = absolute(project_root);
    let out_abs = absolute(out);
    if root.starts_with(&out_abs) {
        return Err(OutputError::ContainsProject(out.to_path_buf()));
    }
    for src in ["content", "data", "themes"] {
        if out_abs.starts_with(root.join(src)) {
            return Err(OutputError::InsideSources(out.to_path_buf()));
        }
    }
    if out.exists() && !is_ours(out) {
        return Err(OutputError::NotOurs(out.to_path_buf()));
    }
    Ok(())
}

/// An empty folder, or one with our marker, may be replaced.
fn is_ours(out: &Path) -> bool {
    out.join(MARKER).is_file()
        || std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false)
}

/// Canonical where possible; for a path that does not exist yet, its nearest
/// existing parent made canonical, plus the rest.
fn absolute(p: &Path) -> PathBuf {
    let p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut existing = p.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(c) = existing.canonicalize() {
            let mut out = c;
            out.extend(rest.iter().rev());
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return p,
        }
    }
}

/// Write `files` as the new content of `out`.
pub fn write_site(
    project_root: &Path,
    out: &Path,
    files: &[OutputFile],
) -> Result<(), OutputError> {
    let staging = Staging::new(project_root, out)?;
    for f in files {
        staging
            .write_bytes(&f.path, &f.bytes)
            .map_err(io_err(&out.join(&f.path)))?;
    }
    staging.commit()
}

/// Where a members' tree says who it was built for (`your own copy`,
/// `--private`, `--public`): a folder is kept only for a build for the same.
pub const AUDIENCE_FILE: &str = ".careerbook-audience";

/// Put the folders `names` of the last build's `old` tree into `staging`, as
/// they were, where this build made none of its own: `build --person` remakes
/// one member's workbook and keeps the others'. Only from a tree careerbook
/// made for the same `audience` (written in [`AUDIENCE_FILE`]): a `--private`
/// build's notes never stay behind in a build without `--private`. Files are
/// linked, not copied (a build never changes a file in place), or copied
/// where the file system cannot link; links in the old tree are left behind.
/// Returns the names not kept (no folder, or built for another audience).
pub fn keep_from<'n>(
    old: &Path,
    staging: &Staging,
    names: &[&'n str],
    audience: &str,
) -> Result<Vec<&'n str>, OutputError> {
    fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            let (src, dst) = (entry.path(), to.join(entry.file_name()));
            let kind = entry.file_type()?;
            if kind.is_dir() {
                copy_tree(&src, &dst)?;
            } else if kind.is_file() && std::fs::hard_link(&src, &dst).is_err() {
                std::fs::copy(&src, &dst)?;
            }
        }
        Ok(())
    }
    let same_audience = std::fs::read_to_string(old.join(AUDIENCE_FILE))
        .is_ok_and(|written| written.trim() == audience);
    if !old.join(MARKER).is_file() || !same_audience {
        return Ok(names.to_vec());
    }
    let mut missing = Vec::new();
    for name in names {
        let (from, to) = (old.join(name), staging.path().join(name));
        let is_dir = std::fs::symlink_metadata(&from).is_ok_and(|m| m.is_dir());
        if is_dir && !to.exists() {
            copy_tree(&from, &to).map_err(io_err(&to))?;
        } else if !to.exists() {
            missing.push(*name);
        }
    }
    Ok(missing)
}

/// Remove a folder and everything in it, its subfolders in parallel: a large
/// site's files are removed in a fraction of the time one thread takes, because
/// most of the work is the file system freeing each file. Links are removed, never
/// followed, `dir` itself included (as `remove_dir_all` does). The marker goes
/// last, so a removal cut short leaves a folder that still says it is
/// careerbook's, for the next build to finish. What is already gone (another
/// build removing the same folder) is no error.
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    fn gone(r: io::Result<()>) -> io::Result<()> {
        match r {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            r => r,
        }
    }
    let meta = match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        m => m?,
    };
    if !meta.is_dir() {
        return gone(std::fs::remove_file(dir));
    }
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        d => d?.collect::<io::Result<Vec<_>>>()?,
    };
    entries
        .par_iter()
        .filter(|entry| entry.file_name() != MARKER)
        .try_for_each(|entry| {
            gone(if entry.file_type()?.is_dir() {
                std::fs::remove_dir_all(entry.path())
            } else {
                std::fs::remove_file(entry.path())
            })
        })?;
    gone(std::fs::remove_file(dir.join(MARKER)))?;
    gone(std::fs::remove_dir(dir))
}

/// What [`clean`] removed.
#[derive(Debug, Default)]
pub struct Cleaned {
    /// Files and bytes of the output folder.
    pub files: u64,
    pub bytes: u64,
    /// Staging folders beside it.
    pub stale: Stale,
}

/// Remove an output folder careerbook made, and the staging folders that
/// killed builds left beside it (not one a running build holds).
pub fn clean(project_root: &Path, out: &Path) -> Result<Cleaned, OutputError> {
    check_target(project_root, out)?;
    let mut cleaned = Cleaned::default();
    if std::fs::symlink_metadata(out).is_ok() {
        for entry in walkdir::WalkDir::new(out)
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.file_type().is_file() {
                cleaned.files += 1;
                cleaned.bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
            }
        }
        remove_tree(out).map_err(io_err(out))?;
    }
    cleaned.stale = remove_stale(out);
    if let Some((path, e)) = cleaned.stale.failed.pop() {
        return Err(OutputError::Io { path, source: e });
    }
    Ok(cleaned)
}

#[cfg(test)]
mod tests;
