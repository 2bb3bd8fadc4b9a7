//! Reading the project's own files: the rules every source file follows, in one
//! place.
//!
//! - Text is UTF-8; a leading byte-order mark is dropped.
//! - A data file over [`MAX_DATA_BYTES`] is refused without being read.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, not_utf8};

/// The largest data file we read. A career workbook's YAML is a few kilobytes; a
/// file this size is a mistake, and reading it would only slow every build down.
pub const MAX_DATA_BYTES: u64 = 16 * 1024 * 1024;

/// `text` without a leading byte-order mark (editors on Windows write one).
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
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
/// that is unreadable or not UTF-8. A leading byte-order mark is dropped.
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
}
