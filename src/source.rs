//! Reading the project's own files: the rules every source file follows, in one
//! place.
//!
//! - Only regular files are opened. Opening a named pipe waits for a writer that
//!   never comes, and a device such as `/dev/zero` never ends, so anything else
//!   (pipe, socket, device) is refused, by its metadata, before it is opened.
//!   Links are followed: a link to a pipe is a pipe.
//! - Text is UTF-8; a leading byte-order mark is dropped.
//! - A data file over [`MAX_DATA_BYTES`] is refused without being read.

use std::fs::{FileType, Metadata};
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, not_utf8};

/// The largest data file we read. A career workbook's YAML is a few kilobytes; a
/// file this size is a mistake, and reading it would only slow every build down.
pub const MAX_DATA_BYTES: u64 = 16 * 1024 * 1024;

/// `text` without a leading byte-order mark (editors on Windows write one).
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The metadata of the file at `path` (following links) when it is a regular
/// file; otherwise an error saying what it is, and the file is never opened.
pub fn regular_file(path: &Path) -> io::Result<Metadata> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        Ok(meta)
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {}, not a regular file", kind(meta.file_type())),
        ))
    }
}

/// The bytes of a regular file (see [`regular_file`]).
pub fn read_bytes(path: &Path) -> io::Result<Vec<u8>> {
    regular_file(path)?;
    std::fs::read(path)
}

/// That the file `rel` names in the project folder at `root` is in it once
/// symbolic links are followed; otherwise an error saying it leads outside.
/// For the files book.toml names (the logo, stylesheets): the site must not
/// publish files from elsewhere, nor careerbook read them.
pub fn inside(root: &Path, rel: &Path) -> io::Result<()> {
    if root
        .join(rel)
        .canonicalize()?
        .starts_with(root.canonicalize()?)
    {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "it leads outside the project folder",
        ))
    }
}

/// The bytes of a file book.toml names, refusing one outside the project
/// ([`inside`]) or that is not a regular file ([`regular_file`]).
pub fn read_inside(root: &Path, rel: &Path) -> io::Result<Vec<u8>> {
    inside(root, rel)?;
    read_bytes(&root.join(rel))
}

/// Whether a file of this type is neither a regular file, a folder nor a link:
/// a named pipe, a socket or a device, which no build may open.
pub fn is_special(file_type: FileType) -> bool {
    !(file_type.is_file() || file_type.is_dir() || file_type.is_symlink())
}

/// The error for a file of the project that is not a regular file (`file_type`
/// without following links, or of the link's target).
pub fn not_regular(file: impl Into<PathBuf>, file_type: FileType) -> Diagnostic {
    Diagnostic::error(
        "io",
        format!("this is {}, not a regular file", kind(file_type)),
    )
    .in_file(file)
    .help("careerbook reads only regular files (reading this one could wait for ever): remove it, or put an ordinary file in its place")
}

/// What a file that is not a regular one is, in words.
fn kind(file_type: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// The error for a data file over [`MAX_DATA_BYTES`].
pub fn too_large(file: impl Into<PathBuf>, bytes: u64) -> Diagnostic {
    Diagnostic::error(
        "data",
        format!(
            "the file is {} MB, over the {} MB limit for data files",
            bytes >> 20,
            MAX_DATA_BYTES >> 20
        ),
    )
    .in_file(file)
    .help("data files hold a person's profile and relationships; split or trim it")
}

/// Read a text file of the project (`file` relative to `root`), reporting a file
/// that is not regular, unreadable or not UTF-8. A leading byte-order mark is
/// dropped.
pub fn read_text(root: &Path, file: &Path, diags: &mut Diagnostics) -> Option<String> {
    read(root, file, None, diags)
}

/// Like [`read_text`], for a data file: one over [`MAX_DATA_BYTES`] is refused
/// unread.
pub fn read_data(root: &Path, file: &Path, diags: &mut Diagnostics) -> Option<String> {
    read(root, file, Some(MAX_DATA_BYTES), diags)
}

fn read(root: &Path, file: &Path, limit: Option<u64>, diags: &mut Diagnostics) -> Option<String> {
    let path = root.join(file);
    let bytes = match std::fs::metadata(&path) {
        Ok(meta) if !meta.is_file() => {
            diags.push(not_regular(file, meta.file_type()));
            return None;
        }
        Ok(meta) if limit.is_some_and(|max| meta.len() > max) => {
            diags.push(too_large(file, meta.len()));
            return None;
        }
        Ok(_) => std::fs::read(&path),
        Err(e) => Err(e),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error("io", format!("cannot read the file: {e}")).in_file(file));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            let bom = text.len() - strip_bom(&text).len();
            text.drain(..bom);
            Some(text)
        }
        Err(e) => {
            diags.push(not_utf8(file, e.as_bytes(), &e.utf8_error()));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped_once() {
        assert_eq!(strip_bom("\u{feff}title"), "title");
        assert_eq!(strip_bom("\u{feff}\u{feff}x"), "\u{feff}x");
        assert_eq!(strip_bom("plain"), "plain");
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "\u{feff}# A\n").unwrap();
        let mut diags = Diagnostics::new();
        let text = read_text(dir.path(), Path::new("a.md"), &mut diags);
        assert_eq!(text.as_deref(), Some("# A\n"));
        assert!(diags.is_empty());
    }

    #[test]
    fn a_data_file_over_the_limit_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let f = std::fs::File::create(dir.path().join("big.yaml")).unwrap();
        f.set_len(MAX_DATA_BYTES + 1).unwrap();
        let mut diags = Diagnostics::new();
        assert!(read_data(dir.path(), Path::new("big.yaml"), &mut diags).is_none());
        let d = diags.into_vec().remove(0);
        assert_eq!(d.code, "data");
        assert_eq!(
            d.message,
            "the file is 16 MB, over the 16 MB limit for data files"
        );
        // Other text files have no such limit.
        let mut diags = Diagnostics::new();
        assert!(read_text(dir.path(), Path::new("big.yaml"), &mut diags).is_some());
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_without_being_opened() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        std::os::unix::fs::symlink(&pipe, dir.path().join("link.md")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.md")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let root = dir.path().to_path_buf();
        std::thread::spawn(move || {
            let mut diags = Diagnostics::new();
            for f in ["pipe.md", "link.md", "zero.md"] {
                assert!(read_text(&root, Path::new(f), &mut diags).is_none());
            }
            let bytes = read_bytes(&root.join("pipe.md")).map_err(|e| e.to_string());
            let _ = tx.send((diags.into_vec(), bytes));
        });
        let (diags, bytes) = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("reading a named pipe must not wait for a writer");
        let said: Vec<_> = diags
            .iter()
            .map(|d| (d.location(), d.message.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "pipe.md".to_string(),
                    "this is a named pipe, not a regular file"
                ),
                (
                    "link.md".to_string(),
                    "this is a named pipe, not a regular file"
                ),
                (
                    "zero.md".to_string(),
                    "this is a device, not a regular file"
                ),
            ]
        );
        assert_eq!(bytes.unwrap_err(), "it is a named pipe, not a regular file");
    }
}
