//! Putting a finished staging folder in place of the output folder: one
//! exchange where the system allows it, two renames where it does not, tried
//! again while other builds of the same project swap their sites in.

use std::io;
use std::path::{Path, PathBuf};

use super::remove_tree;

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
pub(super) fn swap_in(
    new: &Path,
    out: &Path,
    parent: &Path,
    name: &str,
) -> io::Result<Option<PathBuf>> {
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
pub(super) struct Contention;

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
