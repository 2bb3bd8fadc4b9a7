//! Problems found while loading or rendering a workbook.
//!
//! Every stage reports into a [`Diagnostics`] list instead of stopping at the first
//! problem, so a user fixes everything in one pass. A diagnostic names the file, line
//! and column (1-based) and, where we can, says how to fix it. Both renderers, for
//! people and as JSON, show the same place ([`Diagnostic::position`]).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, located in a file of the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short stable code naming the kind of problem, e.g. `yaml`, `front-matter`.
    pub code: &'static str,
    /// Path relative to the project folder (or a description of a built-in file).
    pub file: Option<PathBuf>,
    /// 1-based; 0 when the problem is with the whole file.
    pub line: usize,
    /// 1-based, in characters; 0 when unknown (shown as 1 when there is a
    /// line: see [`Diagnostic::position`]).
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: None,
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::error(code, message)
        }
    }

    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// The line and column every output shows, the one rule for both: both
    /// count from 1; a problem with a line but no known column is at the
    /// line's start (column 1, where the human output puts its caret), and a
    /// problem with the whole file is at (0, 0).
    pub fn position(&self) -> (usize, usize) {
        match self.line {
            0 => (0, 0),
            line => (line, self.column.max(1)),
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column` ([`Diagnostic::position`]), or `file` alone for a
    /// problem with the whole file.
    pub fn location(&self) -> String {
        let mut s = match &self.file {
            Some(f) => f.display().to_string(),
            None => return String::new(),
        };
        let (line, column) = self.position();
        if line > 0 {
            let _ = write!(s, ":{line}:{column}");
        }
        s
    }
}

/// All problems found so far, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file, then position, so output is stable whatever order the
    /// (parallel) stages found things in.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
        });
        self.items.dedup();
        self.items
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(items: Vec<Diagnostic>) -> Self {
        Diagnostics { items }
    }
}

/// Render diagnostics the way cargo does: a header, the source line with a caret,
/// and a help line. `root` is the project folder the file paths are relative to.
pub fn render_human(diags: &[Diagnostic], root: &Path, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let path = d.file.as_ref().map(|f| f.display().to_string());
        let (line, column) = d.position();
        let source_line = d
            .file
            .as_ref()
            .filter(|_| line > 0)
            .and_then(|f| read_line(&root.join(f), line));
        let title = level.primary_title(d.message.as_str()).id(d.code);
        let mut report: Vec<Group> = Vec::new();
        match (&path, &source_line) {
            (Some(path), Some(text)) => {
                let start = char_to_byte(text, column - 1);
                let end = next_token_end(text, start);
                let snippet = Snippet::source(text.as_str())
                    .line_start(line)
                    .path(path.as_str())
                    .annotation(AnnotationKind::Primary.span(start..end));
                report.push(title.element(snippet));
            }
            (Some(path), None) => {
                let mut origin = annotate_snippets::Origin::path(path.as_str());
                if line > 0 {
                    origin = origin.line(line).char_column(column);
                }
                report.push(title.element(origin));
            }
            _ => report.push(Group::with_title(title)),
        }
        if let Some(help) = &d.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// One JSON object per line, for editors and CI, at the place the human
/// output shows ([`Diagnostic::position`]).
pub fn render_json(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let (line, column) = d.position();
        let shown = Diagnostic {
            line,
            column,
            ..d.clone()
        };
        out.push_str(&serde_json::to_string(&shown).expect("a diagnostic always serialises"));
        out.push('\n');
    }
    out
}

fn read_line(path: &Path, line: usize) -> Option<String> {
    let bytes = crate::source::read_bytes(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let l = text.lines().nth(line - 1)?;
    // Very long lines (minified data) would flood the terminal.
    Some(l.chars().take(300).collect())
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(text.len())
}

/// Underline the word at `start`, or one character.
fn next_token_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    // A value after `key: ` (YAML), `key = ` (TOML) or `- ` (a list item)
    // is underlined whole: `Big Win`, `Nov 10, 2026`, a quoted string.
    let before = text[..start].trim_end();
    // (After `- `, a list item's own first key is a key: `- titel: x`.)
    let item_key = before.ends_with('-')
        && rest
            .split(" #")
            .next()
            .is_some_and(|r| r.contains(": ") || r.trim_end().ends_with(':'));
    let at_value = start > before.len()
        && !item_key
        && (before.ends_with(':') || before.ends_with('=') || before.ends_with('-'));
    if at_value && let Some(len) = value_len(rest) {
        return start + len;
    }
    let word = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || matches!(c, ':' | ',' | ']' | '}'))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    if word == 0 {
        rest.chars().next().map_or(start, |c| start + c.len_utf8())
    } else {
        start + word
    }
}

/// The length of the value `rest` starts with: a quoted string to its closing
/// quote, anything else to the end of the line or a comment, its trailing
/// spaces left out. None for a flow list or map (`[`, `{`), whose items are
/// underlined one by one.
fn value_len(rest: &str) -> Option<usize> {
    let first = rest.chars().next()?;
    match first {
        '[' | '{' => None,
        '"' | '\'' => Some(
            rest[1..]
                .find(first)
                .map_or(rest.trim_end().len(), |close| close + 2),
        ),
        _ => {
            let line = rest.find(" #").map_or(rest, |comment| &rest[..comment]);
            Some(line.trim_end().len()).filter(|&len| len > 0)
        }
    }
}

/// serde reports unknown fields as "unknown field `x`, expected one of `a`, `b`".
/// Turn that into a "did you mean" hint.
pub fn did_you_mean_from_serde(message: &str) -> Option<String> {
    let unknown = between(message, "unknown field `", "`")
        .or_else(|| between(message, "unknown variant `", "`"))?;
    let rest = message.split_once("expected")?.1;
    // serde writes the candidates in backticks; serde-saphyr writes them bare.
    let expected: Vec<&str> = if rest.contains('`') {
        rest.split('`').skip(1).step_by(2).collect()
    } else {
        rest.trim_start_matches(" one of")
            .split([',', ' '])
            .filter(|w| !w.is_empty() && *w != "or")
            .collect()
    };
    // A province where a region is asked for: the region it is in.
    if let Some(region) = crate::model::profile::Region::of_province(unknown).map(|r| r.value())
        && expected.contains(&region.as_str())
    {
        return Some(format!(
            "`{unknown}` is in the `{region}` region: write `{region}`"
        ));
    }
    match suggest(unknown, expected.iter().copied()) {
        Some(best) => Some(format!("did you mean `{best}`?")),
        None if !expected.is_empty() => Some(format!(
            "expected one of: {}",
            expected
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        None => None,
    }
}

/// The closest candidate to `word`, if any is close enough to be a likely typo.
/// Case and accents do not count (`Québec` is `quebec`): a candidate that
/// differs from `word` only by them is the one.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = fold(word);
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &fold(c)), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `text` in lower case without accents, for comparing what people type.
pub fn fold(text: &str) -> String {
    without_accents(text)
        .chars()
        .flat_map(char::to_lowercase)
        .collect()
}

/// `text` without its accents (`Geneviève` → `Genevieve`), decomposed: the
/// letters as a person typing without them writes them.
pub fn without_accents(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    text.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

/// Line and column (1-based, column in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// A file that is not UTF-8: an `encoding` error at the first byte that is not,
/// by line and column (counting the valid text before it).
pub fn not_utf8(file: impl Into<PathBuf>, bytes: &[u8], error: &std::str::Utf8Error) -> Diagnostic {
    let valid = error.valid_up_to().min(bytes.len());
    let before = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
    let (line, column) = line_col(before, valid);
    Diagnostic::error("encoding", "the file is not valid UTF-8 text")
        .in_file(file)
        .at(line, column)
        .help("save the file as UTF-8 (this character is in another encoding, such as Latin-1)")
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_known_key() {
        let msg = "unknown field `titel`, expected one of `title`, `authors`, `language`";
        assert_eq!(
            did_you_mean_from_serde(msg).as_deref(),
            Some("did you mean `title`?")
        );
    }

    #[test]
    fn understands_bare_candidate_lists() {
        let msg = "unknown variant `actve`, expected one of prospect, active";
        assert_eq!(
            did_you_mean_from_serde(msg).as_deref(),
            Some("did you mean `active`?")
        );
    }

    #[test]
    fn case_and_accents_do_not_hide_the_candidate() {
        let msg = "unknown variant `Québec`, expected one of atlantic, quebec, ontario, prairies, british-columbia, north, outside-canada";
        assert_eq!(
            did_you_mean_from_serde(msg).as_deref(),
            Some("did you mean `quebec`?")
        );
        assert_eq!(suggest("MENTOR", ["mentor", "sponsor"]), Some("mentor"));
        assert_eq!(
            suggest("Colombie-Britannique", ["british-columbia", "quebec"]),
            None
        );
        assert_eq!(fold("Île-du-Prince-Édouard"), "ile-du-prince-edouard");
    }

    #[test]
    fn a_province_where_a_region_is_asked_for_gets_its_region() {
        let regions = "expected one of atlantic, quebec, ontario, prairies, british-columbia, north, outside-canada";
        for (typed, region) in [
            ("nova-scotia", "atlantic"),
            ("Nova Scotia", "atlantic"),
            ("Nouvelle-Écosse", "atlantic"),
            ("PEI", "atlantic"),
            ("NL", "atlantic"),
            ("QC", "quebec"),
            ("alberta", "prairies"),
            ("B.C.", "british-columbia"),
            ("Colombie-Britannique", "british-columbia"),
            ("nunavut", "north"),
        ] {
            let msg = format!("unknown variant `{typed}`, {regions}");
            assert_eq!(
                did_you_mean_from_serde(&msg),
                Some(format!(
                    "`{typed}` is in the `{region}` region: write `{region}`"
                )),
                "{typed}"
            );
        }
        // Elsewhere, a province is a word like any other.
        let msg = "unknown variant `on`, expected one of mentor, sponsor";
        assert_eq!(
            did_you_mean_from_serde(msg).as_deref(),
            Some("expected one of: `mentor`, `sponsor`")
        );
    }

    #[test]
    fn a_line_without_a_column_is_at_its_start_in_every_output() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        std::fs::write(
            dir.path().join("data/relationships.yaml"),
            "people:\n  - id: sam\n    name: Sam\n",
        )
        .unwrap();
        let d = Diagnostic::warning("draft", "a blank")
            .in_file("data/relationships.yaml")
            .at(3, 0);
        let human = render_human(std::slice::from_ref(&d), dir.path(), false);
        assert!(human.contains("data/relationships.yaml:3:1"), "{human}");
        assert_eq!(d.location(), "data/relationships.yaml:3:1");
        let json: serde_json::Value = serde_json::from_str(&render_json(&[d])).unwrap();
        assert_eq!(
            (json["line"].as_u64(), json["column"].as_u64()),
            (Some(3), Some(1))
        );
        // When the file cannot be read, the same place.
        let gone = Diagnostic::error("data", "x")
            .in_file("data/gone.yaml")
            .at(7, 0);
        let human = render_human(&[gone], dir.path(), false);
        assert!(human.contains("data/gone.yaml:7:1"), "{human}");
        // A problem with the whole file has no line and no column.
        let whole = Diagnostic::error("data", "x").in_file("data/gone.yaml");
        assert_eq!(whole.location(), "data/gone.yaml");
        let json: serde_json::Value = serde_json::from_str(&render_json(&[whole])).unwrap();
        assert_eq!(
            (json["line"].as_u64(), json["column"].as_u64()),
            (Some(0), Some(0))
        );
    }

    #[test]
    fn lists_expected_keys_when_nothing_is_close() {
        let msg = "unknown field `zzz`, expected `title` or `order`";
        assert_eq!(
            did_you_mean_from_serde(msg).as_deref(),
            Some("expected one of: `title`, `order`")
        );
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\ncé d\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'd' is after the two-byte 'é' and a space
        assert_eq!(line_col(text, text.find('d').unwrap()), (2, 4));
    }

    #[test]
    fn not_utf8_points_at_the_first_bad_byte() {
        // "Café" in Latin-1 on line 2: é is the single byte 0xE9.
        let bytes = b"[book]\ntitle = \"Caf\xe9\"\n".to_vec();
        let e = std::str::from_utf8(&bytes).unwrap_err();
        let d = not_utf8("book.toml", &bytes, &e);
        assert_eq!((d.line, d.column), (2, 13), "{d:?}");
        assert_eq!(d.code, "encoding");
        assert!(d.help.unwrap().contains("UTF-8"));
        // Accented letters before it count as one column each.
        let mut bytes = "é\nà b".as_bytes().to_vec();
        bytes.push(0xff);
        let e = std::str::from_utf8(&bytes).unwrap_err();
        let d = not_utf8("x", &bytes, &e);
        assert_eq!((d.line, d.column), (2, 4), "{d:?}");
        // At the very start.
        let bytes = vec![0xff];
        let e = std::str::from_utf8(&bytes).unwrap_err();
        let d = not_utf8("x", &bytes, &e);
        assert_eq!((d.line, d.column), (1, 1), "{d:?}");
    }

    #[test]
    fn renders_a_caret_under_the_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("book.toml"), "[book]\ntitel = \"x\"\n").unwrap();
        let d = Diagnostic::error("config", "unknown key `titel`")
            .in_file("book.toml")
            .at(2, 1)
            .help("did you mean `title`?");
        let text = render_human(&[d], dir.path(), false);
        assert!(
            text.contains("error[config]: unknown key `titel`"),
            "{text}"
        );
        assert!(text.contains("book.toml:2:1"), "{text}");
        assert!(text.contains("^^^^^"), "{text}");
        assert!(text.contains("help: did you mean `title`?"), "{text}");
    }
}

#[cfg(test)]
mod underline_tests {
    use super::next_token_end;

    /// The text `next_token_end` underlines from `column` (1-based, in bytes
    /// here: the lines are ASCII).
    fn underlined(line: &str, column: usize) -> &str {
        &line[column - 1..next_token_end(line, column - 1)]
    }

    #[test]
    fn a_value_is_underlined_whole_and_a_key_alone() {
        assert_eq!(underlined("  - id: Big Win", 9), "Big Win");
        assert_eq!(
            underlined("    date: Nov 10, 2026  # when", 11),
            "Nov 10, 2026"
        );
        assert_eq!(
            underlined("email: Maria <maria@example.com>", 8),
            "Maria <maria@example.com>"
        );
        assert_eq!(
            underlined("logo = \"brand/my logo.svg\" # old", 8),
            "\"brand/my logo.svg\""
        );
        assert_eq!(underlined("  - plan m1 list", 5), "plan m1 list");
        // The first key of a list item is a key.
        assert_eq!(underlined("  - titel: x", 5), "titel");
        // A key, an item of a flow list: one word.
        assert_eq!(underlined("titel = \"x\"", 1), "titel");
        assert_eq!(underlined("seen_by: [ana, bo b]", 16), "bo");
        assert_eq!(underlined("goals: [a b]", 8), "[a");
    }
}
