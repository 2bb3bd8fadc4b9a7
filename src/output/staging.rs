//! A build's staging folder: made beside the output folder, marked and locked
//! from the start, written through [`Sink`], swapped in by [`Staging::commit`];
//! and the folders killed builds left, found and removed.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::swap::{Contention, swap_in};
use super::{MARKER, OutputError, check_target, io_err, remove_tree};
use crate::render::Sink;

/// What a staging folder's marker says (the same file stays in the finished site).
pub(super) const MARKER_TEXT: &[u8] =
    b"This folder is written by careerbook and replaced by each build.\n";

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
