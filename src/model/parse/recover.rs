//! Reading on after a problem, so one run reports every problem of a data file.
//!
//! serde stops at the first problem of a document. When a data file does not
//! deserialize as a whole, each entry of its list (a person, a win) is read
//! again on its own ([`entries`]), and within an entry, or a file that is one
//! mapping (the profile), the key that held the problem is blanked out and the
//! rest read again ([`every_key`]), until nothing more is wrong. What is read
//! then, without the keys left out, goes on to the checks of its values (an
//! id, an e-mail address), so their problems are reported in the same run.

use std::ops::Range;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde_saphyr::Spanned;

use super::{pos, yaml_error, yaml_error_in};
use crate::diagnostics::Diagnostics;
use crate::model::date::DATE_ERROR_MARK;

/// The most problems reported for one mapping: each one found costs reading
/// the mapping again, and a mapping wrong in twenty places has said enough.
const MOST_PER_MAPPING: usize = 20;
/// The most entries a list is read again by, one at a time.
const MOST_ENTRIES: usize = 2_000;
/// The most problems reported for one file's entries: a file wrong in a
/// hundred places has said enough.
const MOST_PER_FILE: usize = 100;

/// A mapping read with the keys that had a problem left out.
pub(super) struct Partial<T> {
    pub(super) value: T,
    /// The keys left out (their problems are reported): a check that needs
    /// one of them says nothing about its absence.
    pub(super) left_out: Vec<String>,
    /// The text that was read, with those keys' lines blank.
    doc: String,
}

/// One entry of a list, read with [`entries`]: where it starts (line,
/// column), and what of it could be read.
pub(super) struct Entry<T> {
    pub(super) start: (usize, usize),
    pub(super) value: T,
    pub(super) left_out: Vec<String>,
}

/// A required key, and a value that stands in for it while the rest of a
/// mapping is read when its own value had a problem (`role: Mentr` is
/// reported, and `role: mentor` stands in, so the entry's other values are
/// checked in the same run). Only keys whose value no check reads.
pub(super) type StandIn = (&'static str, &'static str);

/// A file whose top level holds a list of entries `T` that did not
/// deserialize as a whole (`whole`): every entry's problems, and the entries
/// that could be read, without the keys that had a problem (see
/// [`every_key`]). `top` is the file's problem with its top-level keys, if
/// any (`peple:`); `starts`, where each entry of the list starts (line,
/// column), when the file's shape allows reading them apart. When no entry
/// explains the failure (broken syntax, an alias across entries), the file's
/// own error is reported and nothing is returned.
pub(super) fn entries<T: DeserializeOwned>(
    text: &str,
    file: &str,
    whole: &serde_saphyr::Error,
    top: Option<serde_saphyr::Error>,
    starts: Option<Vec<(usize, usize)>>,
    stand_ins: &[StandIn],
    diags: &mut Diagnostics,
) -> Vec<Entry<T>> {
    let mut found_problem = false;
    if let Some(e) = top {
        diags.push(yaml_error(&e, text, file));
        found_problem = true;
    }
    let mut read = Vec::new();
    let mut found = Diagnostics::new();
    let starts = starts.filter(|starts| {
        // Flow style with several entries on a line: lines cannot part them;
        // and a list longer than any person keeps is not read entry by entry
        // (each good entry is read where it is, as long as the file up to it).
        !(starts.windows(2).any(|w| w[0].0 == w[1].0)
            || starts.iter().any(|s| s.0 == 0 || s.1 == 0)
            || starts.len() > MOST_ENTRIES)
    });
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for start in starts.unwrap_or_default() {
        let Some(entry) = entry_text(&lines, start) else {
            continue;
        };
        // The entry alone, its first key where it is in the file: positions
        // in it are the file's, `start.0 - 1` lines down.
        match every_key::<T>(
            entry,
            (1, start.1),
            start.0 - 1,
            file,
            stand_ins,
            &mut found,
        ) {
            // Read again where it is in the file, for the positions the
            // checks of its values point at.
            Some(partial) => {
                found_problem |= !partial.left_out.is_empty();
                match serde_saphyr::from_str::<T>(&("\n".repeat(start.0 - 1) + &partial.doc)) {
                    Ok(value) => read.push(Entry {
                        start,
                        value,
                        left_out: partial.left_out,
                    }),
                    Err(_) => found_problem = true,
                }
            }
            None => found_problem = true,
        }
        if found.iter().count() >= MOST_PER_FILE {
            found.push(
                crate::diagnostics::Diagnostic::error(
                    super::YAML,
                    format!(
                        "more than {MOST_PER_FILE} problems: the rest of the file was not read"
                    ),
                )
                .in_file(file)
                .at(start.0, start.1)
                .help("fix these first, then build again to see what remains"),
            );
            break;
        }
    }
    diags.extend(found);
    if !found_problem {
        diags.push(yaml_error(whole, text, file));
        read.clear();
    }
    read
}

/// A file's shape `S` (where its entries start), read with a key written
/// twice let through: the shape does not read the entries' keys, and the
/// entry with the key twice is read on its own, where that is reported, so
/// the other entries' problems are found in the same run.
pub(super) fn shape<S: DeserializeOwned>(text: &str) -> Option<S> {
    let mut options = serde_saphyr::Options::default();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::FirstWins;
    serde_saphyr::from_str_with_options(text, options).ok()
}

/// Where each entry of a list starts, from the list read as spans.
pub(super) fn starts(list: Option<Vec<Spanned<IgnoredAny>>>) -> Vec<(usize, usize)> {
    list.unwrap_or_default()
        .iter()
        .map(|s| pos(&s.referenced))
        .collect()
}

/// The entry of a list whose first key is at `start` (line, column) as a
/// document of its own: its lines, with the list's `- ` before its first key
/// made spaces, so columns are those of the file. Made one entry at a time,
/// so a long file's entries are never all in memory at once.
fn entry_text(lines: &[&str], (line, column): (usize, usize)) -> Option<String> {
    let first = lines.get(line.checked_sub(1)?)?;
    let indent = column - 1;
    let mut entry = " ".repeat(indent);
    entry.extend(first.chars().skip(indent));
    // An entry goes on while lines are indented at least as far as its first
    // key (blank lines and comments do not end it).
    for l in &lines[line..] {
        let content = l.trim_end_matches(['\n', '\r']);
        let rest = content.trim_start_matches(' ');
        let lead = content.len() - rest.len();
        if rest.is_empty() || rest.starts_with('#') || lead >= indent {
            entry.push_str(l);
        } else {
            break;
        }
    }
    Some(entry)
}

/// Read the mapping whose first key is at `start` (line, column) in `doc`,
/// which starts `offset` lines into the file: every key's first problem goes
/// to `diags`, not only the mapping's first, and the mapping is returned
/// without the keys that had one (a required key of `stand_ins` with its
/// stand-in value). `None` when it cannot be read even so: a required key
/// had a problem, or the problem is not with one key (the file's syntax).
pub(super) fn every_key<T: DeserializeOwned>(
    mut doc: String,
    start: (usize, usize),
    offset: usize,
    file: &str,
    stand_ins: &[StandIn],
    diags: &mut Diagnostics,
) -> Option<Partial<T>> {
    let mut blanked: Vec<String> = Vec::new();
    let mut misspelt = false;
    loop {
        let e = match serde_saphyr::from_str::<T>(&doc) {
            Ok(value) => {
                return Some(Partial {
                    value,
                    left_out: blanked,
                    doc,
                });
            }
            Err(e) => e,
        };
        let mut d = yaml_error_in(&e, &doc, file, offset + 1);
        if !blanked.is_empty() && !about_a_value(&d.message) {
            // Not a problem of one key (an alias to an anchor in a key blanked
            // out, a second document): what blanking did, not the file.
            return None;
        }
        if d.message.starts_with("missing field") {
            // A key blanked out to read on is not missing, nor one an unknown
            // key may be a misspelling of (`titel:`); one that is, is missing
            // from the whole mapping, whose first line is where a reader
            // looks for it (serde notices at its end).
            let blanked_out = blanked
                .iter()
                .any(|k| d.message.contains(&format!("`{k}`")));
            if !misspelt && !blanked_out {
                (d.line, d.column) = (start.0 + offset, start.1);
                diags.push(d);
            }
            return None;
        }
        let line = d.line.checked_sub(offset)?;
        let reads_on = about_a_value(&d.message);
        misspelt |= d.message.starts_with("unknown field");
        // A key written twice: the second goes, the first stays.
        let twice = d.message.starts_with("duplicate mapping key");
        diags.push(d);
        if !reads_on || blanked.len() + 1 >= MOST_PER_MAPPING {
            return None;
        }
        let (key, lines) = key_at(&doc, start, line)?;
        let stand_in = stand_ins
            .iter()
            .find(|(k, _)| *k == key && !twice && !blanked.contains(&key))
            .map(|(k, v)| format!("{}{k}: {v}", " ".repeat(start.1 - 1)));
        doc = blank(&doc, lines, stand_in.as_deref());
        blanked.push(key);
        // Nothing left to read: every key had a problem.
        if doc
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            return None;
        }
    }
}

/// Whether a problem is with one key or its value (a wrong type, an unknown
/// key or variant, a bad date, a key twice), so the rest of the mapping can
/// be read without it; not the file's syntax, an alias, or a second document.
fn about_a_value(message: &str) -> bool {
    [
        "unknown field",
        "unknown variant",
        "invalid type",
        "invalid value",
        "invalid length",
        "duplicate mapping key",
        "missing field",
        "a value is needed here",
        // serde-saphyr's own word for a value of the wrong shape.
        "expected ",
    ]
    .iter()
    .any(|start| message.starts_with(start))
        || message.contains(DATE_ERROR_MARK)
        || message.contains("expected a whole number")
}

/// The key of the block mapping whose first key is at `start` that line `at`
/// (1-based) falls in: its name, and its lines (0-based). `None` when the line
/// is outside the mapping.
fn key_at(doc: &str, start: (usize, usize), at: usize) -> Option<(String, Range<usize>)> {
    let indent = start.1.checked_sub(1)?;
    let lines: Vec<&str> = doc.lines().collect();
    let mut keys = Vec::new();
    let mut end = lines.len();
    for (i, l) in lines.iter().enumerate().skip(start.0.checked_sub(1)?) {
        let rest = l.trim_start_matches(' ');
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        let lead = l.len() - rest.len();
        if lead < indent {
            end = i;
            break;
        }
        // A list may be written at its key's indentation (`- item`).
        if lead == indent && !rest.starts_with("- ") && rest != "-" {
            keys.push(i);
        }
    }
    let line = at.checked_sub(1)?;
    if line >= end {
        return None;
    }
    let k = keys.iter().rposition(|&k| k <= line)?;
    let (from, to) = (keys[k], keys.get(k + 1).copied().unwrap_or(end));
    // A mapping in flow style (`{id: a, role: x}`) has no lines of its own.
    if lines[from].trim_start().starts_with(['{', '[']) {
        return None;
    }
    let name = lines[from]
        .trim_start()
        .split(':')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(['"', '\''])
        .to_string();
    Some((name, from..to))
}

/// `doc` with the lines `lines` (0-based) emptied, their line breaks kept;
/// the first one holds `first` instead, if given.
fn blank(doc: &str, lines: Range<usize>, first: Option<&str>) -> String {
    doc.split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| {
            if lines.contains(&i) {
                let keep = if i == lines.start { first } else { None };
                let end = if l.ends_with('\n') { "\n" } else { "" };
                format!("{}{end}", keep.unwrap_or(""))
            } else {
                l.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::raw::{RawPerson, RawProfile};

    fn messages(diags: &Diagnostics) -> Vec<(usize, String)> {
        // In the order they were found.
        diags.iter().map(|d| (d.line, d.message.clone())).collect()
    }

    #[test]
    fn every_key_of_a_mapping_reports_its_own_problem() {
        let text = "name: Sam\nregion: atlantc\npronoun: they\nplan_start: 2026-13-01\ngoals:\n- one\n- 2\n";
        let mut diags = Diagnostics::new();
        let read =
            every_key::<Option<RawProfile>>(text.into(), (1, 1), 0, "p.yaml", &[], &mut diags);
        // Read without the keys that had a problem: `name` is there to check.
        let read = read.unwrap();
        assert_eq!(read.left_out, ["region", "pronoun", "plan_start"]);
        assert_eq!(read.value.unwrap().name.value, "Sam");
        let found = messages(&diags);
        assert_eq!(
            found.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            [2, 3, 4],
            "{found:?}"
        );
        assert!(found[1].1.contains("unknown field `pronoun`"), "{found:?}");
    }

    #[test]
    fn a_key_blanked_out_is_not_reported_missing_but_a_missing_one_is() {
        let text = "    role: mentr\n    stage: active\n";
        let mut diags = Diagnostics::new();
        let read = every_key::<RawPerson>(text.into(), (1, 5), 0, "r.yaml", &[], &mut diags);
        assert!(read.is_none());
        let found = messages(&diags);
        // `role` is wrong, `id` and `name` are missing: the mapping's line.
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].1.contains("mentr"), "{found:?}");
        assert!(found[1].1.starts_with("missing field"), "{found:?}");
        assert_eq!(found[1].0, 1);
    }

    #[test]
    fn a_required_key_with_a_problem_has_a_stand_in_to_read_the_rest() {
        let stand_ins = [("role", "mentor")];
        let text = "  id: a\n  name: A\n  role: Mentr\n  stage: activ\n  email: x\n";
        let mut diags = Diagnostics::new();
        let read = every_key::<RawPerson>(text.into(), (1, 3), 0, "r.yaml", &stand_ins, &mut diags);
        let read = read.unwrap();
        assert_eq!(read.left_out, ["role", "stage"]);
        assert_eq!(read.value.email.unwrap().value, "x");
        assert_eq!(messages(&diags).len(), 2);
        // Written twice, the second is left out, and the first stays.
        let text = "  id: a\n  name: A\n  role: sponsor\n  role: mentr\n";
        let mut diags = Diagnostics::new();
        let read = every_key::<RawPerson>(text.into(), (1, 3), 0, "r.yaml", &stand_ins, &mut diags);
        let found = messages(&diags);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.starts_with("duplicate mapping key"), "{found:?}");
        assert_eq!(
            read.unwrap().value.role,
            crate::model::people::Role::Sponsor
        );
    }

    #[test]
    fn a_hostile_mapping_stops_after_enough_problems() {
        let text: String = (0..500).map(|i| format!("k{i}: 1\n")).collect();
        let mut diags = Diagnostics::new();
        let read =
            every_key::<Option<RawProfile>>(text.clone(), (1, 1), 0, "p.yaml", &[], &mut diags);
        assert!(read.is_none());
        assert_eq!(diags.iter().count(), MOST_PER_MAPPING);
    }

    #[test]
    fn a_file_broken_everywhere_stops_after_enough_problems_and_says_so() {
        let text = format!(
            "people:\n{}",
            "  - id: x\n    name: X\n    role: mentr\n".repeat(1_500)
        );
        let whole = serde_saphyr::from_str::<crate::model::parse::raw::RawRelationships>(&text)
            .err()
            .unwrap();
        #[derive(serde::Deserialize)]
        struct Shape {
            people: Option<Vec<Spanned<IgnoredAny>>>,
        }
        let shape: Shape = serde_saphyr::from_str(&text).unwrap();
        let mut diags = Diagnostics::new();
        let started = std::time::Instant::now();
        let read = entries::<RawPerson>(
            &text,
            "r.yaml",
            &whole,
            None,
            Some(starts(shape.people)),
            &[("role", "mentor")],
            &mut diags,
        );
        // Each entry read so far, with `role: mentor` standing in, to check
        // its other values; none after the last problem reported.
        assert_eq!(read.len(), MOST_PER_FILE);
        assert!(read.iter().all(|e| e.left_out == ["role"]));
        let found: Vec<_> = diags.iter().collect();
        assert_eq!(found.len(), MOST_PER_FILE + 1);
        assert!(
            found[MOST_PER_FILE]
                .message
                .starts_with("more than 100 problems")
        );
        // Not a benchmark: a guard against reading on for minutes.
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }

    #[test]
    fn a_line_outside_the_mapping_has_no_key() {
        let doc = "\n  a: 1\n  b:\n  - x\n  - y\n  c: 3\nd: 4\n";
        assert_eq!(key_at(doc, (2, 3), 4), Some(("b".into(), 2..5)));
        assert_eq!(key_at(doc, (2, 3), 6), Some(("c".into(), 5..6)));
        assert_eq!(key_at(doc, (2, 3), 7), None);
        assert_eq!(key_at(doc, (2, 3), 1), None);
        assert_eq!(key_at("  {a: 1, b: x}\n", (1, 3), 1), None);
    }
}
