//! YAML reading shared by front matter and data files (serde-saphyr).
//!
//! serde-saphyr rejects duplicate keys and caps alias expansion and nesting depth by
//! default, which is what we want for files a person edits by hand (and for hostile
//! ones): a clear error instead of a silently dropped value or an exhausted machine.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, did_you_mean_from_serde};

/// Parse `text` as `T`. `first_line` is the line of the file where `text` starts
/// (front matter starts on line 2), so positions point into the real file.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
    code: &'static str,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str::<T>(text).map_err(|e| to_diagnostic(&e, file, first_line, code))
}

pub fn to_diagnostic(
    e: &serde_saphyr::Error,
    file: &Path,
    first_line: usize,
    code: &'static str,
) -> Diagnostic {
    let (line, column) = e
        .location()
        .map(|l| (l.line() as usize, l.column() as usize))
        .filter(|(l, _)| *l > 0)
        .unwrap_or((1, 0));
    let message = clean_message(&e.without_snippet().to_string());
    let help = did_you_mean_from_serde(&message).or_else(|| generic_help(&message));
    Diagnostic::error(code, message)
        .in_file(file)
        .at(line + first_line - 1, column)
        .help_opt(help)
}

/// serde-saphyr appends " at line N, column M" and advice about its own options;
/// we show the position ourselves and our own advice.
fn clean_message(raw: &str) -> String {
    let mut msg = raw.trim();
    if let Some(i) = msg.rfind(" at line ") {
        msg = &msg[..i];
    }
    msg.replace(", set DuplicateKeyPolicy in Options if acceptable", "")
}

fn generic_help(message: &str) -> Option<String> {
    let help = if message.contains("duplicate mapping key") {
        "each key may appear once in a mapping: remove or rename one of them"
    } else if message.contains("found a tab") || message.contains("tab") {
        "YAML indents with spaces only: replace the tab with spaces"
    } else if message.contains("missing field") {
        "add the field; see the data reference in the README"
    } else if message.contains("recursion limit") || message.contains("budget") {
        "the file nests or repeats aliases too deeply to be a workbook file: simplify it"
    } else if message.contains("invalid") {
        "check the value's type against the data reference in the README"
    } else {
        return None;
    };
    Some(help.to_string())
}
