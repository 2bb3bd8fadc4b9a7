//! YAML reading shared by front matter, data files and the model's parsers
//! (serde-saphyr): text in, a value or a located diagnostic out, no file I/O.
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
    serde_saphyr::from_str::<T>(text).map_err(|e| to_diagnostic(&e, text, file, first_line, code))
}

/// A serde-saphyr error in `text` (which starts on line `first_line` of `file`)
/// as a located diagnostic.
pub fn to_diagnostic(
    e: &serde_saphyr::Error,
    text: &str,
    file: &Path,
    first_line: usize,
    code: &'static str,
) -> Diagnostic {
    let (mut line, mut column) = e
        .location()
        .map(|l| (l.line() as usize, l.column() as usize))
        .filter(|(l, _)| *l > 0)
        .unwrap_or((1, 0));
    let message = clean_message(&e.without_snippet().to_string());
    if is_about_tabs(&message)
        && let Some(tab) = find_tab(text, line, column)
    {
        // The scanner reports where it was (often the end of the line before);
        // the reader needs the tab itself.
        (line, column) = tab;
    }
    let help = did_you_mean_from_serde(&message).or_else(|| generic_help(&message));
    Diagnostic::error(code, message)
        .in_file(file)
        .at(line + first_line - 1, column)
        .help_opt(help)
}

fn is_about_tabs(message: &str) -> bool {
    message
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.eq_ignore_ascii_case("tab") || w.eq_ignore_ascii_case("tabs"))
}

/// The tab an error about tabs is about: the first one at or after the reported
/// line and column (1-based), or else the last one before it.
fn find_tab(text: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let at = text[line_start.min(text.len())..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i);
    let tab = text[at..]
        .find('\t')
        .map(|i| at + i)
        .or_else(|| text[..at].rfind('\t'))?;
    Some(crate::diagnostics::line_col(text, tab))
}

/// serde-saphyr appends positions (" at line N, column M", then for aliases
/// " (defined at line …)" and " (used at line …)") and advice about its own
/// options; we show the position ourselves, and our own advice. Its budget
/// errors name a Rust value (`Nodes { nodes: 250001 }`): we say what it means.
fn clean_message(raw: &str) -> String {
    let mut msg = raw.trim();
    for suffix in [" (used at line ", " (defined at line "] {
        if msg.ends_with(')')
            && let Some(i) = msg.rfind(suffix)
        {
            msg = &msg[..i];
        }
    }
    if let Some(i) = msg.rfind(" at line ")
        && msg[i + 9..].starts_with(|c: char| c.is_ascii_digit())
    {
        msg = &msg[..i];
    }
    let msg = msg.replace(", set DuplicateKeyPolicy in Options if acceptable", "");
    match msg.strip_prefix("budget breached: ") {
        Some(breach) => budget_message(breach),
        None => msg,
    }
}

/// serde-saphyr's `BudgetBreach`, as its `Debug` form names it, in words.
fn budget_message(breach: &str) -> String {
    let name = breach
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    let numbers: Vec<usize> = breach
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    // The count when the limit was passed: one more than the limit.
    let over = numbers.first().map_or(0, |n| n.saturating_sub(1));
    let what = match name {
        "Nodes" => format!(
            "the file would expand to more than {over} values (each alias repeats what its anchor holds)"
        ),
        "Events" => format!("the file has more than {over} YAML elements"),
        "Aliases" => format!("the file uses more than {over} aliases (`*name`)"),
        "Anchors" => format!("the file defines more than {over} anchors (`&name`)"),
        "Depth" => format!("the nesting depth is more than {over} levels"),
        "Documents" => format!("the file holds more than {over} YAML documents"),
        "ScalarBytes" => format!("the file's values add up to more than {over} bytes"),
        "MergeKeys" => format!("the file uses more than {over} merge keys (`<<`)"),
        "InputBytes" => format!("the file is longer than {over} bytes"),
        "AliasAnchorRatio" => match numbers[..] {
            [aliases, anchors, ..] => format!(
                "the file repeats its anchors through too many aliases ({aliases} aliases for {anchors} anchors)"
            ),
            _ => "the file repeats its anchors through too many aliases".to_string(),
        },
        _ => format!("the file is too large or nested too deeply to read safely ({name})"),
    };
    format!("over budget: {what}")
}

fn generic_help(message: &str) -> Option<String> {
    let help = if message.contains("duplicate mapping key") {
        "each key may appear once in a mapping: remove or rename one of them"
    } else if is_about_tabs(message) {
        "indent with spaces: YAML does not allow tabs for indentation"
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_error_points_at_the_tab() {
        let text = "people:\n  - id: sam\n\tname: Sam\n";
        let e = serde_saphyr::from_str::<serde_json::Value>(text).unwrap_err();
        let d = to_diagnostic(&e, text, Path::new("data/relationships.yaml"), 1, "yaml");
        assert_eq!((d.line, d.column), (3, 1), "{d:?}");
        assert!(d.help.as_deref().unwrap().contains("spaces"), "{d:?}");
        // In front matter, which starts on line 2 of the page.
        let d = to_diagnostic(&e, text, Path::new("content/a.md"), 2, "front-matter");
        assert_eq!(d.line, 4, "{d:?}");
    }

    #[test]
    fn messages_read_cleanly() {
        assert_eq!(
            clean_message(
                "budget breached: Nodes { nodes: 250001 } at line 1, column 14 (defined at line 5, column 7) (used at line 6, column 11)"
            ),
            "over budget: the file would expand to more than 250000 values (each alias repeats what its anchor holds)"
        );
        assert_eq!(
            clean_message("budget breached: Depth { depth: 65 }"),
            "over budget: the nesting depth is more than 64 levels"
        );
        assert_eq!(
            clean_message("invalid u16 (defined at line 1, column 10) (used at line 3, column 7)"),
            "invalid u16"
        );
        assert_eq!(
            clean_message(
                "duplicate mapping key: name, set DuplicateKeyPolicy in Options if acceptable at line 2, column 1"
            ),
            "duplicate mapping key: name"
        );
        assert_eq!(
            clean_message("budget breached: SequenceUnbalanced"),
            "over budget: the file is too large or nested too deeply to read safely (SequenceUnbalanced)"
        );
        // A whole alias bomb, through the real parser.
        let mut bomb = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (i, c) in ('b'..='i').enumerate() {
            let prev = (b'a' + i as u8) as char;
            bomb.push_str(&format!(
                "{c}: &{c} [{}]\n",
                vec![format!("*{prev}"); 10].join(",")
            ));
        }
        let e = serde_saphyr::from_str::<serde_json::Value>(&bomb).unwrap_err();
        let d = to_diagnostic(&e, &bomb, Path::new("data/bomb.yaml"), 1, "yaml");
        assert!(d.message.starts_with("over budget: "), "{d:?}");
        assert!(!d.message.contains("line"), "{d:?}");
        assert!(!d.message.contains('{'), "{d:?}");
    }

    #[test]
    fn finding_the_tab() {
        let text = "a: 1\nb:\n  c:\t2\n\td: 3\n";
        assert_eq!(find_tab(text, 1, 3), Some((3, 5)));
        assert_eq!(find_tab(text, 3, 6), Some((4, 1)));
        // None after: the last one before.
        assert_eq!(find_tab(text, 5, 1), Some((4, 1)));
        assert_eq!(find_tab("no tabs\n", 1, 1), None);
        // Out-of-range positions do not panic.
        assert_eq!(find_tab(text, 99, 99), Some((4, 1)));
        assert!(is_about_tabs("while scanning a plain scalar, found a tab"));
        assert!(!is_about_tabs("invalid type: table, expected a string"));
    }
}
