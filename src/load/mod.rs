//! Reading a workbook project from disk. Loading only reads; every problem becomes a
//! [`Diagnostic`] and loading carries on, so all problems are reported at once.

pub mod content;
pub mod data;
pub mod theme;
pub mod yaml;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Workbook;

pub use content::Content;
pub use data::Data;
pub use theme::Theme;

/// Everything a build needs, read from the project folder.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    pub content: Content,
    /// The other `data/*.yaml` files, untyped, for templates.
    pub data: Data,
    /// The person's profile, relationships and progress, validated.
    pub workbook: Workbook,
    pub theme: Theme,
}

/// Read the whole project. Returns the project when nothing was an error, with any
/// warnings in `diags`. `today` is needed to reject log entries in the future.
pub fn load(root: &Path, today: NaiveDate, diags: &mut Diagnostics) -> Option<Project> {
    let config = match Config::load(root) {
        Ok(c) => Some(c),
        Err(problems) => {
            diags.extend(problems);
            None
        }
    };
    // Keep going without a config so that content and data problems are reported
    // in the same run.
    let cfg = config.clone().unwrap_or_default();
    let content = content::load(root, diags);
    let data = data::load(root, diags);
    let workbook = Workbook::load(root, today, diags);
    let theme = theme::load(root, &cfg.build.theme, diags);
    let config = config?;
    if diags.has_errors() {
        return None;
    }
    Some(Project {
        root: root.to_path_buf(),
        config,
        content,
        data,
        workbook,
        theme,
    })
}

/// Read a text file of the project (`file` relative to `root`), reporting unreadable
/// or non-UTF-8 files. A leading byte-order mark is dropped.
pub fn read_text(root: &Path, file: &Path, diags: &mut Diagnostics) -> Option<String> {
    let bytes = match std::fs::read(root.join(file)) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error("io", format!("cannot read the file: {e}")).in_file(file));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Some(text)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&e.as_bytes()[..valid]);
            let (line, column) = crate::diagnostics::line_col(&text, valid);
            diags.push(
                Diagnostic::error("encoding", "the file is not valid UTF-8 text")
                    .in_file(file)
                    .at(line, column)
                    .help("save the file with UTF-8 encoding"),
            );
            None
        }
    }
}
