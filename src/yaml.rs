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
    let help = did_you_mean_from_serde(&message)
        .or_else(|| syntax_help(&message, text, line, column))
        .or_else(|| duplicate_help(&message, text, line, column, first_line))
        .or_else(|| generic_help(&message));
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

/// Advice for the parser's own errors whose cause the line shows: a `: `
/// inside a value (French puts a space before the colon), a quote that
/// closes before the value ends or never closes, a symbol that starts
/// something else in YAML, or an indentation that does not line up. `line`
/// and `column` (1-based) are in `text`. Where a value should be quoted, the
/// user's own line is given back quoted.
fn syntax_help(message: &str, text: &str, line: usize, column: usize) -> Option<String> {
    let src = text.lines().nth(line.checked_sub(1)?)?;
    let before: String = src.chars().take(column.saturating_sub(1)).collect();
    let at = src.chars().nth(column.saturating_sub(1));
    // Where the line's content starts (after its indentation and any `- `).
    let starts_line = before.trim_start_matches([' ', '-']).is_empty();
    // `, `the line quoted``, or nothing when there is no value to quote.
    let fix = || {
        quoted_line(src)
            .map(|line| format!(", `{line}`"))
            .unwrap_or_default()
    };
    let quote_it = |why: &str| format!("{why}: put the whole value in quotes{}", fix());
    let help = if message.starts_with("mapping values are not allowed") {
        if before.contains(": ") {
            quote_it("YAML reads a colon followed by a space as the start of a new key")
        } else {
            INDENT_HELP.to_string()
        }
    } else if message.starts_with("invalid trailing content after") {
        quote_it("the value goes on after its closing quote")
            + " (inside single quotes, an apostrophe is written twice: `''`)"
    } else if message.starts_with("unclosed quote") {
        let closed = closed_quote(src)
            .map(|line| format!(", `{line}`"))
            .unwrap_or_default();
        format!(
            "the quote that starts the value never closes: close it at the end of the value{closed}, or write the value without quotes"
        )
    } else if message.starts_with("unclosed bracket") {
        let (opening, what, close) = match at {
            Some('{') => ('{', "a mapping", '}'),
            _ => ('[', "a list", ']'),
        };
        format!(
            "a value that starts with `{opening}` is {what}: close it with `{close}`, or, if it is text, put the whole value in quotes{}",
            fix()
        )
    } else if message.starts_with("unexpected character")
        || message.starts_with("alias references unknown anchor")
        || message.starts_with("while scanning an anchor or alias")
        || message.starts_with("while scanning a block scalar")
    {
        let symbol = match at {
            Some('`') => "a backtick".to_string(),
            Some(c) => format!("`{c}`"),
            None => "this symbol".to_string(),
        };
        quote_it(&format!(
            "{symbol} at the start of a value means something else in YAML"
        ))
    } else if message.contains("did not find expected key")
        || message.contains("did not find expected '-' indicator")
        || message.starts_with("simple key expected")
    {
        if starts_line {
            INDENT_HELP.to_string()
        } else {
            quote_it("the value goes on after a closing `]`, `}` or quote")
        }
    } else {
        return None;
    };
    Some(help)
}

const INDENT_HELP: &str = "check this line's indentation: line it up, with spaces, with the keys or `- ` items it belongs with; a key indented further is read as part of the value above it";

/// The longest value given back in a help, quoted; longer ones are cut with `…`.
const MOST_QUOTED_CHARS: usize = 60;

/// `key: value` (or `- value`, `- key: value`) as `src` has it, with the value
/// in quotes. `None` when there is no value to quote.
fn quoted_line(src: &str) -> Option<String> {
    let (lead, key, value) = split_line(src);
    let (value, comment) = match value.find(" #") {
        Some(i) => (value[..i].trim_end(), &value[i..]),
        None => (value, ""),
    };
    if value.is_empty() {
        return None;
    }
    // Quotes around the whole value were meant as quotes: keep what is inside.
    let inner = ['"', '\'']
        .iter()
        .find_map(|q| {
            value
                .strip_prefix(*q)
                .and_then(|v| v.strip_suffix(*q))
                .filter(|v| !v.is_empty())
        })
        .unwrap_or(value);
    Some(format!(
        "{lead}{key}{}{comment}",
        quote_value(&shorten(inner))
    ))
}

/// A line whose value opens a quote it never closes, closed. (Until the quote
/// closes, ` #` is text, not a comment.)
fn closed_quote(src: &str) -> Option<String> {
    let (lead, key, value) = split_line(src);
    let q = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let rest = &value[1..];
    if rest.is_empty() {
        return None;
    }
    Some(format!("{lead}{key}{q}{}{q}", shorten(rest)))
}

/// A line cut into its `- ` (if any), its key with `: ` (if any), and its value,
/// without the indentation.
fn split_line(src: &str) -> (&str, &str, &str) {
    let body = src.trim();
    let (lead, body) = match body.strip_prefix("- ") {
        Some(rest) => ("- ", rest.trim_start()),
        None => ("", body),
    };
    // A key is one word, as the data files and front matter write them; text
    // with a colon in it is not one.
    match body.find(": ") {
        Some(i)
            if i > 0
                && body[..i]
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-') =>
        {
            (lead, &body[..i + 2], body[i + 2..].trim())
        }
        _ => (lead, "", body),
    }
}

fn shorten(value: &str) -> String {
    if value.chars().count() > MOST_QUOTED_CHARS {
        let short: String = value.chars().take(MOST_QUOTED_CHARS).collect();
        format!("{}…", short.trim_end())
    } else {
        value.to_string()
    }
}

/// `value` as a quoted YAML scalar: in double quotes, or single quotes when it
/// holds double ones (and no apostrophe), or double quotes with escapes.
fn quote_value(value: &str) -> String {
    if !value.contains(['"', '\\']) {
        format!("\"{value}\"")
    } else if !value.contains('\'') {
        format!("'{value}'")
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// A text value that YAML read as a mapping because of a `: ` in it (`- Devenir
/// gestionnaire : en 2027` in a list of text): advice to quote it, with the
/// line given back. `line` and `column` (1-based) are where the value starts in
/// `text`.
pub fn colon_in_text_help(text: &str, line: usize, column: usize) -> Option<String> {
    let src = text.lines().nth(line.checked_sub(1)?)?;
    let value: String = src.chars().skip(column.saturating_sub(1)).collect();
    if !value.contains(": ") && !value.trim_end().ends_with(':') {
        return None;
    }
    let fix = quoted_line(src)
        .map(|l| format!(", `{l}`"))
        .unwrap_or_default();
    Some(format!(
        "YAML reads a colon followed by a space as a name and its value: put the whole text in quotes{fix}"
    ))
}

/// For a key written twice in a mapping, where the first one is: the key
/// at the same column on an earlier line of the same mapping (which ends,
/// going up, at a line indented less, after its first key's `- ` is read).
fn duplicate_help(
    message: &str,
    text: &str,
    line: usize,
    column: usize,
    first_line: usize,
) -> Option<String> {
    let key = message.strip_prefix("duplicate mapping key: ")?.trim();
    let lines: Vec<&str> = text.lines().collect();
    for n in (0..line.saturating_sub(1).min(lines.len())).rev() {
        let l = lines[n];
        let content = l.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = l.len() - content.len();
        // The key's column, past any `- ` that starts a list item.
        let mut rest = content;
        let mut key_at = indent;
        while let Some(after) = rest.strip_prefix('-').filter(|a| a.starts_with(' ')) {
            let item = after.trim_start();
            key_at += 1 + after.len() - item.len();
            rest = item;
        }
        let named = rest
            .strip_prefix(key)
            .is_some_and(|after| after.trim_start().starts_with(':'));
        if key_at + 1 == column && named {
            return Some(format!(
                "`{key}` is first written at line {}; each key may appear once in a mapping: remove or rename one of them",
                n + first_line
            ));
        }
        if indent + 1 < column {
            break;
        }
    }
    None
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
    fn a_key_written_twice_says_where_the_first_is() {
        let text = "wins:\n  - id: a\n    title: One\n    date: 2026-01-01\n  - id: b\n    title: Two\n    # a note\n    title: Again\n";
        let e = serde_saphyr::from_str::<serde_json::Value>(text).unwrap_err();
        let d = to_diagnostic(&e, text, Path::new("data/wins.yaml"), 1, "yaml");
        assert_eq!(d.line, 8, "{d:?}");
        assert_eq!(
            d.help.as_deref(),
            Some(
                "`title` is first written at line 6; each key may appear once in a mapping: remove or rename one of them"
            )
        );
        // The first key of a list item is found past its `- `, and front
        // matter's lines count from the file's.
        let text = "- id: a\n  name: x\n  id: b\n";
        let e = serde_saphyr::from_str::<serde_json::Value>(text).unwrap_err();
        let d = to_diagnostic(&e, text, Path::new("x.md"), 2, "yaml");
        assert_eq!(d.line, 4, "{d:?}");
        assert!(
            d.help
                .as_deref()
                .unwrap()
                .starts_with("`id` is first written at line 2;"),
            "{d:?}"
        );
    }

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

    /// The help for `text`'s parser error, read as a data file.
    fn help_for(text: &str) -> String {
        let e = serde_saphyr::from_str::<serde_json::Value>(text).unwrap_err();
        let d = to_diagnostic(&e, text, Path::new("data/x.yaml"), 1, "yaml");
        d.help
            .clone()
            .unwrap_or_else(|| panic!("no help for {text:?}: {d:?}"))
    }

    #[test]
    fn a_colon_in_a_french_value_is_quoted_back() {
        assert_eq!(
            help_for("summary: Premier café : il m'a parlé de ses débuts.\n"),
            "YAML reads a colon followed by a space as the start of a new key: put the whole value in quotes, `summary: \"Premier café : il m'a parlé de ses débuts.\"`"
        );
        // Deep in a list, and in a list item.
        let help = help_for(
            "people:\n  - id: a\n    log:\n      - date: 2026-01-01\n        summary: Dotation : délai réduit\n",
        );
        assert!(
            help.ends_with("`summary: \"Dotation : délai réduit\"`"),
            "{help}"
        );
        let help = help_for("goals:\n  - Devenir : gestionnaire : en 2027\n");
        assert!(
            help.ends_with("`- \"Devenir : gestionnaire : en 2027\"`"),
            "{help}"
        );
        // Quotes in the value: the other kind around it; a comment stays one.
        let help = help_for("title: « Bonjour » : \"oui\" # vu\n");
        assert!(
            help.ends_with("`title: '« Bonjour » : \"oui\"' # vu`"),
            "{help}"
        );
        let help = help_for("title: L'\"atelier\" : oui\n");
        assert!(
            help.ends_with(r#"`title: "L'\"atelier\" : oui"`"#),
            "{help}"
        );
        // A long value is cut.
        let long = format!("summary: Premier café : {}\n", "très ".repeat(30));
        assert!(help_for(&long).ends_with("très…\"`"), "{}", help_for(&long));
    }

    #[test]
    fn other_parser_errors_say_what_to_do() {
        // An apostrophe inside single quotes.
        let help = help_for("title: 'L'équipe'\n");
        assert!(help.contains("`title: \"L'équipe\"`"), "{help}");
        assert!(help.contains("`''`"), "{help}");
        // Text after a closing quote.
        let help = help_for("title: \"Le Devoir\" a publié\n");
        assert!(help.contains("`title: '\"Le Devoir\" a publié'`"), "{help}");
        // A quote that never closes.
        let help = help_for("summary: \"Bonjour\n");
        assert!(help.contains("`summary: \"Bonjour\"`"), "{help}");
        // A bracket that never closes, and text after a closed one.
        let help = help_for("title: [Brouillon plan\n");
        assert!(help.contains("close it with `]`"), "{help}");
        assert!(help.contains("`title: \"[Brouillon plan\"`"), "{help}");
        let help = help_for("title: [Brouillon] plan\n");
        assert!(help.contains("`title: \"[Brouillon] plan\"`"), "{help}");
        // A symbol that starts something else.
        for (text, symbol) in [
            ("summary: @marie\n", "`@`"),
            ("title: `code`\n", "a backtick"),
            ("title: *important*\n", "`*`"),
            ("title: & co\n", "`&`"),
        ] {
            let help = help_for(text);
            assert!(
                help.contains("put the whole value in quotes"),
                "{text:?}: {help}"
            );
            assert!(help.starts_with(symbol), "{text:?}: {help}");
        }
        // Indentation.
        for text in [
            "a: x\n b: y\n",
            "a:\n  b: 1\n c: 2\n",
            "people:\n  - id: a\n    name: b\n   role: c\n",
        ] {
            assert!(
                help_for(text).starts_with("check this line's indentation"),
                "{text:?}"
            );
        }
        // Tabs keep their own advice.
        assert!(help_for("a: 1\n\tb: 2\n").contains("spaces"));
    }

    #[test]
    fn a_colon_in_text_read_as_a_mapping() {
        let text = "goals:\n  - Devenir gestionnaire : en 2027\n";
        assert_eq!(
            colon_in_text_help(text, 2, 5).as_deref(),
            Some(
                "YAML reads a colon followed by a space as a name and its value: put the whole text in quotes, `- \"Devenir gestionnaire : en 2027\"`"
            )
        );
        assert_eq!(colon_in_text_help("goals:\n  - [a, b]\n", 2, 5), None);
        // Out of range: nothing, no panic.
        assert_eq!(colon_in_text_help(text, 9, 99), None);
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
