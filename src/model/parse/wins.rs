//! `data/wins.yaml`: what you have achieved, and who has heard about it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::{Location, Spanned};

use super::raw::{RawWin, RawWins};
use super::recover::Entry;
use super::values::{check_id, suggest_id};
use super::{DATA, IdRef, at, pos};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::wins::Win;

/// The longest title or impact before we suggest shortening it: the sponsor
/// brief has one line for each, and a draft puts them mid-sentence.
const MAX_LINE_CHARS: usize = 140;

/// The wins file did not deserialize as a whole: read each win on its own,
/// and each key of it, so every problem is reported; the wins read, without
/// the keys that had a problem, are returned to be checked as well.
fn recover_wins(
    text: &str,
    file: &str,
    whole: &serde_saphyr::Error,
    diags: &mut Diagnostics,
) -> Vec<Entry<RawWin>> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct TopKeys {
        wins: Option<IgnoredAny>,
    }
    #[derive(Deserialize)]
    struct Shape {
        wins: Option<Vec<Spanned<IgnoredAny>>>,
    }
    let top = serde_saphyr::from_str::<Option<TopKeys>>(text).err();
    let starts = super::recover::shape::<Option<Shape>>(text)
        .flatten()
        .map(|s| super::recover::starts(s.wins));
    // A date that is not one is reported; the rest of the win is still
    // checked (no check reads the stand-in, which is not in the future).
    let stand_ins = [("date", "1970-01-01")];
    super::recover::entries::<RawWin>(text, file, whole, top, starts, &stand_ins, diags)
}

/// Parse and validate `data/wins.yaml`. Wins with problems are still returned
/// when they could be read (the problems are errors, so a build stops anyway);
/// a second win with an id already used is left out. `seen_by` ids are
/// returned with their positions, to be checked against the people
/// ([`super::check_references`]). `None` when the file could not be read
/// as a whole (the reason is in `diags`): then no id can be said to be
/// missing from it.
pub fn wins(
    text: &str,
    file: &str,
    today: NaiveDate,
    diags: &mut Diagnostics,
) -> Option<(Vec<Win>, Vec<IdRef>)> {
    let raws = match serde_saphyr::from_str::<Option<RawWins>>(text) {
        Ok(raw) => raw.and_then(|r| r.wins).unwrap_or_default(),
        Err(whole) => {
            // Every win's problems, and the problems of the values of those
            // that could be read; then no more: an id may be missing only
            // because the win that has it could not be read.
            let read = recover_wins(text, file, &whole, diags);
            checked(
                read.into_iter().map(|e| (e.start.0, e.value)),
                file,
                today,
                diags,
            );
            return None;
        }
    };
    Some(checked(
        raws.into_iter().map(|r| (pos(&r.referenced).0, r.value)),
        file,
        today,
        diags,
    ))
}

/// Validate each win, and that no two have the same id (the second is left
/// out). The wins, and the people they name in `seen_by`.
fn checked(
    raws: impl Iterator<Item = (usize, RawWin)>,
    file: &str,
    today: NaiveDate,
    diags: &mut Diagnostics,
) -> (Vec<Win>, Vec<IdRef>) {
    let mut wins = Vec::new();
    let mut refs = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (line, raw) in raws {
        let id_loc = raw.id.referenced;
        let win = win(raw, file, line, today, &mut refs, diags);
        if let Some(first) = seen.get(&win.id) {
            diags.push(
                at(
                    Diagnostic::error(
                        DATA,
                        format!(
                            "the id `{}` is already used by the win on line {first}",
                            win.id
                        ),
                    ),
                    file,
                    &id_loc,
                )
                .help(format!(
                    "give each win a different id, for example `{}`",
                    suggest_id(&win.title)
                )),
            );
            continue;
        }
        seen.insert(win.id.clone(), line);
        wins.push(win);
    }
    (wins, refs)
}

fn win(
    raw: RawWin,
    file: &str,
    line: usize,
    today: NaiveDate,
    refs: &mut Vec<IdRef>,
    diags: &mut Diagnostics,
) -> Win {
    let mut push = |d: Diagnostic, loc: &Location| diags.push(at(d, file, loc));
    let title = raw.title.value.trim().to_string();
    let id = raw.id.value.trim().to_string();
    if let Err(msg) = check_id(&id) {
        push(
            Diagnostic::error(DATA, msg).help(format!(
                "use lower-case letters, digits and `-`, for example `{}`",
                suggest_id(if id.is_empty() { &title } else { &id })
            )),
            &raw.id.referenced,
        );
    }
    if title.is_empty() {
        push(
            Diagnostic::error(DATA, "the win's title is empty").help(
                "say what you did in a line, such as `Ran the referral app pilot in three clinics`",
            ),
            &raw.title.referenced,
        );
    }
    let mut long = |what: &str, text: &str, loc: &Location| {
        if text.chars().count() > MAX_LINE_CHARS || text.contains('\n') {
            push(
                Diagnostic::warning(DATA, format!("the win's {what} is long for one line"))
                    .help(format!(
                        "keep {what} to one line of at most {MAX_LINE_CHARS} characters: the sponsor brief and the drafts quote it whole"
                    )),
                loc,
            );
        }
    };
    long("title", &title, &raw.title.referenced);
    let impact = raw.impact.and_then(|i| {
        let v = i.value.trim().to_string();
        long("impact", &v, &i.referenced);
        Some(v).filter(|v| !v.is_empty())
    });
    let date = raw.date.value.0;
    if date > today {
        diags.push(
            at(
                Diagnostic::error(
                    DATA,
                    format!("a win in the future: {date} is after today ({today})"),
                ),
                file,
                &raw.date.referenced,
            )
            .help("a win is something that has happened: check the date, or add it once it has"),
        );
    }
    let mut seen_by = Vec::new();
    for person in raw.seen_by.unwrap_or_default() {
        let v = person.value.trim().to_string();
        if v.is_empty() {
            continue;
        }
        refs.push(IdRef::new(&v, file, &person.referenced));
        if !seen_by.contains(&v) {
            seen_by.push(v);
        }
    }
    Win {
        id,
        date,
        title,
        impact,
        seen_by,
        private: raw.private.unwrap_or(false),
        line,
    }
}
