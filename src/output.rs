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

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::render::{OutputFile, Sink};

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

/// What a staging folder's marker says (the same file stays in the finished site).
const MARKER_TEXT: &[u8] = b"This folder is written by careerbook and replaced by each build.\n";

/// A new site being written: a fresh folder beside `out`, filled while the build
/// runs, swapped into place by [`Staging::commit`]. Dropped without a commit (a
/// failed build), it is removed and `out` stays as it was.
///
/// The folder carries the marker from the start, and this build holds a lock on
/// it until it is committed or dropped; the operating system releases the lock
/// when the process ends, however it ends. That is how the next build (and
/// `clean`) tells a folder left by a killed build, which it removes, from one a
/// running build is still writing, which it leaves alone ([`remove_stale`]).
pub struct Staging {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    /// `None` once committed.
    dir: Option<tempfile::TempDir>,
    /// The lock on `dir` (none where the file system cannot lock folders).
    _hold: Option<std::fs::File>,
    /// The folders made so far in the staging folder.
    folders: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    /// Refuse an output folder that would destroy the user's work, remove the
    /// staging folders that killed builds left beside it, then make this
    /// build's staging folder.
    pub fn new(project_root: &Path, out: &Path) -> Result<Self, OutputError> {
        check_target(project_root, out)?;
        let (parent, name) = parent_and_name(out);
        std::fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        // Best effort: a folder that cannot be removed now is tried again by
        // the next build, and `clean` reports it.
        remove_stale(out);
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.new-"))
            .tempdir_in(&parent)
            .map_err(io_err(&parent))?;
        // The lock first, then the marker: a folder with the marker is always
        // either held by its build or abandoned.
        let hold = try_hold(dir.path()).ok().flatten();
        std::fs::write(dir.path().join(MARKER), MARKER_TEXT).map_err(io_err(dir.path()))?;
        Ok(Staging {
            out: out.to_path_buf(),
            parent,
            name,
            dir: Some(dir),
            _hold: hold,
            folders: Default::default(),
        })
    }

    /// The staging folder.
    pub fn path(&self) -> &Path {
        self.dir.as_ref().expect("not yet committed").path()
    }

    /// Swap the new site in, in one step where the system allows it (the old
    /// and new folders exchange names), then delete the old one.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let staged = self.dir.take().expect("committed once").keep();
        // Hold the old site too, so that once it has a staging folder's name
        // no other build takes it for abandoned while this one removes it.
        let _old_hold = try_hold(&self.out).ok().flatten();
        match swap_in(&staged, &self.out, &self.parent, &self.name) {
            Ok(old) => {
                // The new site is in place: the build has succeeded. A failure
                // to remove the old one leaves a marked folder, which the next
                // build or `clean` removes.
                if let Some(old) = old {
                    let _ = remove_tree(&old);
                }
                Ok(())
            }
            Err(e) => {
                let _ = remove_tree(&staged);
                if e.get_ref().is_some_and(|inner| inner.is::<Contention>()) {
                    return Err(OutputError::Contended(self.out.clone()));
                }
                Err(io_err(&self.out)(e))
            }
        }
    }

    /// An error writing into the staging folder, saying which site it was for.
    fn in_context(&self, e: io::Error) -> io::Error {
        io::Error::new(
            e.kind(),
            format!(
                "{e} (writing the new site for {}; the last good site there is kept)",
                self.out.display()
            ),
        )
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            let _ = remove_tree(&dir.keep());
        }
    }
}

/// The folder that holds `out`, and `out`'s name.
fn parent_and_name(out: &Path) -> (PathBuf, String) {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    (parent, name)
}

/// How one attempt at swapping the new site in went.
enum Swap {
    /// In place; the old site, if there was one, is at this path.
    Done(Option<PathBuf>),
    /// Another build swapped its site in at the same moment: try again.
    Retry,
    /// The system or file system cannot exchange folders.
    Unsupported,
}

/// Put the folder `new` at `out`, and say where the old site went. Builds of
/// the same project running at once each swap their own site in; the last one
/// stays, whole.
fn swap_in(new: &Path, out: &Path, parent: &Path, name: &str) -> io::Result<Option<PathBuf>> {
    let mut exchange_works = cfg!(target_os = "linux");
    for _ in 0..32 {
        let step = if !exchange_works {
            two_renames(new, out, parent, name)?
        } else if std::fs::symlink_metadata(out).is_ok() {
            exchange(new, out)?
        } else {
            place(new, out)?
        };
        match step {
            Swap::Done(old) => return Ok(old),
            Swap::Retry => {}
            Swap::Unsupported => exchange_works = false,
        }
    }
    // Only after many rounds, each lost to another build that put a whole
    // site in place.
    Err(io::Error::other(Contention))
}

/// Why [`swap_in`] gave up: other builds kept swapping their sites in.
#[derive(Debug, thiserror::Error)]
#[error("other builds kept replacing it")]
struct Contention;

/// `new` and `out` trade places in one step: a reader of `out` finds the old
/// site or the new one, never nothing.
#[cfg(target_os = "linux")]
fn exchange(new: &Path, out: &Path) -> io::Result<Swap> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, new, CWD, out, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(Swap::Done(Some(new.to_path_buf()))),
        // `out` went (`clean`, or another build's fallback): place ours.
        Err(Errno::NOENT) => Ok(Swap::Retry),
        Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => Ok(Swap::Unsupported),
        Err(e) => Err(e.into()),
    }
}

/// `new` becomes `out`, which does not exist yet, unless another build's site
/// got there first.
#[cfg(target_os = "linux")]
fn place(new: &Path, out: &Path) -> io::Result<Swap> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, new, CWD, out, RenameFlags::NOREPLACE) {
        Ok(()) => Ok(Swap::Done(None)),
        Err(Errno::EXIST) => Ok(Swap::Retry),
        Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => Ok(Swap::Unsupported),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_new: &Path, _out: &Path) -> io::Result<Swap> {
    Ok(Swap::Unsupported)
}

#[cfg(not(target_os = "linux"))]
fn place(_new: &Path, _out: &Path) -> io::Result<Swap> {
    Ok(Swap::Unsupported)
}

/// Where folders cannot be exchanged: move the old site aside, then the new one
/// in. For a moment there is no `out`.
fn two_renames(new: &Path, out: &Path, parent: &Path, name: &str) -> io::Result<Swap> {
    let old = if std::fs::symlink_metadata(out).is_ok() {
        let aside = tempfile::Builder::new()
            .prefix(&format!(".{name}.old-"))
            .tempdir_in(parent)?
            .keep();
        std::fs::remove_dir(&aside)?;
        match std::fs::rename(out, &aside) {
            Ok(()) => Some(aside),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        }
    } else {
        None
    };
    match std::fs::rename(new, out) {
        Ok(()) => Ok(Swap::Done(old)),
        // Another build's site came in between: ours goes in over it next time.
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::DirectoryNotEmpty | io::ErrorKind::AlreadyExists
            ) =>
        {
            if let Some(old) = old {
                let _ = remove_tree(&old);
            }
            Ok(Swap::Retry)
        }
        Err(e) => {
            // Put the old site back so the user keeps a working one.
            if let Some(old) = &old {
                let _ = std::fs::rename(old, out);
            }
            Err(e)
        }
    }
}

/// Lock the folder `dir` without waiting: `Ok(Some(file))` while the file is
/// open, `Ok(None)` when another process (or another handle) holds it, an error
/// when it cannot be locked (not a folder, a link, a file system without locks).
#[cfg(unix)]
fn try_hold(dir: &Path) -> io::Result<Option<std::fs::File>> {
    use std::os::unix::fs::MetadataExt;
    let file = std::fs::File::open(dir)?;
    // The folder opened must be the one named, not one a link leads to.
    let (opened, named) = (file.metadata()?, std::fs::symlink_metadata(dir)?);
    if !opened.is_dir() || (opened.dev(), opened.ino()) != (named.dev(), named.ino()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a folder of its own",
        ));
    }
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Folders cannot be opened to lock them here: every staging folder counts as
/// in use, and none is removed as stale.
#[cfg(not(unix))]
fn try_hold(_dir: &Path) -> io::Result<Option<std::fs::File>> {
    Err(io::ErrorKind::Unsupported.into())
}

/// What [`remove_stale`] found beside an output folder.
#[derive(Debug, Default)]
pub struct Stale {
    /// Staging folders left by builds that ended before finishing, removed.
    pub removed: Vec<PathBuf>,
    /// Staging folders a running build holds, left alone.
    pub in_use: Vec<PathBuf>,
    /// Abandoned staging folders that could not be removed, and why.
    pub failed: Vec<(PathBuf, io::Error)>,
}

/// Remove the staging folders beside `out` that builds killed part-way left
/// (`.NAME.new-*`, and `.NAME.old-*` from the two-rename fallback). Only real
/// folders (never a link) that carry careerbook's marker and that no running
/// build holds are removed; links inside them are removed, never followed.
pub fn remove_stale(out: &Path) -> Stale {
    let (parent, name) = parent_and_name(out);
    let mut stale = Stale::default();
    let Ok(entries) = std::fs::read_dir(&parent) else {
        return stale;
    };
    let prefixes = [format!(".{name}.new-"), format!(".{name}.old-")];
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        if !prefixes.iter().any(|p| n.starts_with(p.as_str())) {
            continue;
        }
        let path = entry.path();
        let is_folder = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        let marked = std::fs::symlink_metadata(path.join(MARKER)).is_ok_and(|m| m.is_file());
        if !is_folder || !marked {
            continue;
        }
        match try_hold(&path) {
            // Held while it is removed, so two builds never remove it together.
            Ok(Some(_held)) => match remove_tree(&path) {
                Ok(()) => stale.removed.push(path),
                Err(e) => stale.failed.push((path, e)),
            },
            Ok(None) => stale.in_use.push(path),
            // Cannot tell whether a build holds it: leave it.
            Err(_) => stale.in_use.push(path),
        }
    }
    stale.removed.sort();
    stale.in_use.sort();
    stale
}

impl Sink for Staging {
    fn write_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> io::Result<()> {
        let written = (|| {
            let mut file = io::BufWriter::with_capacity(64 * 1024, self.create(path)?);
            write(&mut file)?;
            file.into_inner().map_err(io::IntoInnerError::into_error)?;
            Ok(())
        })();
        written.map_err(|e| self.in_context(e))
    }

    fn write_bytes(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.create(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| self.in_context(e))
    }
}

impl Staging {
    /// Create the file at `path` under the staging folder, and its folders.
    fn create(&self, path: &str) -> io::Result<std::fs::File> {
        let path = self.path().join(path);
        if let Some(dir) = path.parent() {
            // A folder is made once: asking the file system again for each of
            // its thousand pages costs two system calls a page.
            let mut made = self.folders.lock().unwrap_or_else(|e| e.into_inner());
            if !made.contains(dir) {
                std::fs::create_dir_all(dir)?;
                made.insert(dir.to_path_buf());
            }
        }
        std::fs::File::create(&path)
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
mod tests {
    use super::*;

    /// The old site goes, all of it, folders removed side by side; a link inside
    /// it is removed as a link, never followed into what it points at.
    #[cfg(unix)]
    #[test]
    fn replacing_a_site_removes_the_old_one_and_never_follows_its_links() {
        let dir = tempfile::tempdir().unwrap();
        let (root, out) = (dir.path(), dir.path().join("site"));
        let keep = root.join("elsewhere");
        std::fs::create_dir_all(keep.join("inner")).unwrap();
        std::fs::write(keep.join("inner/precious.txt"), "mine").unwrap();
        let write = |files: &[&str]| {
            let staging = Staging::new(root, &out).unwrap();
            for f in files {
                staging.write_bytes(f, f.as_bytes()).unwrap();
            }
            staging.commit().unwrap();
        };
        write(&["index.html", "a/one.html", "a/b/two.html", "c/three.html"]);
        std::os::unix::fs::symlink(&keep, out.join("a/to-elsewhere")).unwrap();
        std::os::unix::fs::symlink(keep.join("inner/precious.txt"), out.join("file-link")).unwrap();
        write(&["index.html", "d/four.html"]);
        let mut left: Vec<String> = walkdir::WalkDir::new(&out)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                let e = e.unwrap();
                e.path().strip_prefix(&out).unwrap().display().to_string()
            })
            .collect();
        left.sort();
        assert_eq!(left, [MARKER, "d", "d/four.html", "index.html"]);
        assert_eq!(
            std::fs::read_to_string(keep.join("inner/precious.txt")).unwrap(),
            "mine"
        );
        let names: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.contains(".old-")), "{names:?}");
        // `clean` removes the same way.
        std::os::unix::fs::symlink(&keep, out.join("d/to-elsewhere")).unwrap();
        let cleaned = clean(root, &out).unwrap();
        assert_eq!(cleaned.files, 3);
        assert!(!out.exists());
        assert!(keep.join("inner/precious.txt").exists());
        // An output folder that is a link to a site elsewhere: replacing it
        // removes the link, not the site it points at.
        let real = root.join("real-site");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join(MARKER), "").unwrap();
        std::fs::write(real.join("index.html"), "theirs").unwrap();
        std::os::unix::fs::symlink(&real, &out).unwrap();
        write(&["index.html"]);
        assert!(!out.is_symlink() && out.join("index.html").is_file());
        assert_eq!(
            std::fs::read_to_string(real.join("index.html")).unwrap(),
            "theirs"
        );
    }

    /// While a new site is swapped in, the output folder and its pages are
    /// always there: the old site or the new one, never neither.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_output_folder_is_never_missing_during_a_swap() {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(dir.path(), &out, &[OutputFile::new("index.html", "0")]).unwrap();
        let (done, missing) = (AtomicBool::new(false), AtomicUsize::new(0));
        std::thread::scope(|s| {
            s.spawn(|| {
                while !done.load(Ordering::Relaxed) {
                    if std::fs::read(out.join("index.html")).is_err() {
                        missing.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
            for i in 1..300 {
                let page = OutputFile::new("index.html", i.to_string());
                write_site(dir.path(), &out, &[page]).unwrap();
            }
            done.store(true, Ordering::Relaxed);
        });
        assert_eq!(missing.into_inner(), 0);
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "299"
        );
    }

    /// Stale staging folders go; a held one, an unmarked one, a link, a file,
    /// another output's, and what a link leads to stay.
    #[cfg(unix)]
    #[test]
    fn removes_only_abandoned_staging_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("site");
        let marked = |name: &str| {
            let p = root.join(name);
            std::fs::create_dir_all(p.join("sub")).unwrap();
            std::fs::write(p.join(MARKER), MARKER_TEXT).unwrap();
            std::fs::write(p.join("sub/page.html"), "x").unwrap();
            p
        };
        let elsewhere = marked("elsewhere");
        let dead = marked(".site.new-dead");
        std::os::unix::fs::symlink(&elsewhere, dead.join("sub/link")).unwrap();
        let dead_old = marked(".site.old-dead");
        let other = marked(".docs.new-dead");
        let unmarked = root.join(".site.new-unmarked");
        std::fs::create_dir(&unmarked).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join(".site.new-link")).unwrap();
        let fake = root.join(".site.new-fakemarker");
        std::fs::create_dir(&fake).unwrap();
        std::os::unix::fs::symlink(elsewhere.join(MARKER), fake.join(MARKER)).unwrap();
        let live = Staging::new(root, &out).unwrap();
        // `Staging::new` already removed the dead ones.
        assert!(!dead.exists() && !dead_old.exists());
        let dead = marked(".site.new-dead");
        let stale = remove_stale(&out);
        assert_eq!(stale.removed, [dead]);
        assert_eq!(stale.in_use, [live.path().to_path_buf()]);
        assert!(stale.failed.is_empty());
        for kept in [&other, &unmarked, &fake, &root.join(".site.new-link")] {
            assert!(
                std::fs::symlink_metadata(kept).is_ok(),
                "{}",
                kept.display()
            );
        }
        assert!(elsewhere.join("sub/page.html").is_file());
        assert!(elsewhere.join(MARKER).is_file());
        // Dropped (a failed build), it goes at once.
        let path = live.path().to_path_buf();
        drop(live);
        assert!(!path.exists());
    }

    #[test]
    fn refuses_to_replace_the_project_or_its_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("content")).unwrap();
        assert!(matches!(
            check_target(root, root),
            Err(OutputError::ContainsProject(_))
        ));
        assert!(matches!(
            check_target(root, root.parent().unwrap()),
            Err(OutputError::ContainsProject(_))
        ));
        assert!(matches!(
            check_target(root, &root.join("content/site")),
            Err(OutputError::InsideSources(_))
        ));
        assert!(check_target(root, &root.join("site")).is_ok());
    }

    #[test]
    fn a_refusal_points_at_where_the_folder_was_chosen() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("content")).unwrap();
        let refuse = |out: &Path| check_target(root, out).unwrap_err();
        // From book.toml: at the value of `output`, whichever way it is written.
        for (toml, at) in [
            (
                "[book]\ntitle = \"x\"\n\n[build]\noutput = \"content/site\"\n",
                (5, 10),
            ),
            ("build.output = \"content/site\"\n", (1, 16)),
            (
                "build = { theme = \"default\", output = \"content/site\" }\n",
                (1, 39),
            ),
        ] {
            std::fs::write(root.join("book.toml"), toml).unwrap();
            let d = refuse(&root.join("content/site")).diagnostic(root, false);
            assert_eq!(
                d.location(),
                format!("book.toml:{}:{}", at.0, at.1),
                "{toml}"
            );
            assert_eq!(d.code, "output");
            assert!(d.help.is_some());
        }
        // From --out, whatever book.toml says.
        let d = refuse(&root.join("content/site")).diagnostic(root, true);
        assert_eq!(d.file, None);
        assert!(
            d.message.ends_with("(the folder given with --out)"),
            "{d:?}"
        );
        // The default, when book.toml does not choose one.
        std::fs::write(root.join("book.toml"), "[book]\ntitle = \"x\"\n").unwrap();
        let d = refuse(root).diagnostic(root, false);
        assert_eq!(d.file, None);
        assert!(d.message.ends_with("(the default output folder)"), "{d:?}");
    }

    #[test]
    fn refuses_a_folder_it_did_not_make() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("docs");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("precious.txt"), "x").unwrap();
        let err = write_site(dir.path(), &out, &[]).unwrap_err();
        assert!(matches!(err, OutputError::NotOurs(_)));
        assert!(out.join("precious.txt").exists());
    }

    #[test]
    fn replaces_its_own_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(dir.path(), &out, &[OutputFile::new("a/old.html", "old")]).unwrap();
        write_site(dir.path(), &out, &[OutputFile::new("new.html", "new")]).unwrap();
        assert!(!out.join("a/old.html").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("new.html")).unwrap(),
            "new"
        );
        // Nothing left beside it.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("site")]);
        let cleaned = clean(dir.path(), &out).unwrap();
        assert_eq!(cleaned.files, 2);
        assert!(!out.exists());
    }
}
