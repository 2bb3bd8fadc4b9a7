//! `data/relationships.yaml`: the people you are building relationships with.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::{Location, Spanned};

use super::raw::{RawPerson, RawRelationships};
use super::recover::Entry;
use super::values::{check_email, check_id, check_link, suggest_id, suggest_placeholder};
use super::{DATA, IdRef, MAX_CADENCE_DAYS, MAX_KIND_CHARS, at, pos, quote, texts, trimmed};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::message::is_placeholder_name;
use crate::model::people::{LogEntry, Person};

/// Parse and validate `data/relationships.yaml`. People with problems are still
/// returned when their entry could be read (the problems are errors in `diags`,
/// so a build stops anyway); a second person with an id already used is left out.
/// The wins that log entries list are added to `win_refs`, to be checked
/// against the wins file ([`super::check_references`]). `complete` is set to
/// whether every entry could be read (when not, an id missing from the people
/// may be in an entry with a problem).
pub fn people(
    text: &str,
    file: &str,
    today: NaiveDate,
    win_refs: &mut Vec<IdRef>,
    complete: &mut bool,
    diags: &mut Diagnostics,
) -> Vec<Person> {
    *complete = true;
    let raws: Vec<Entry<RawPerson>> = match serde_saphyr::from_str::<Option<RawRelationships>>(text)
    {
        Ok(raw) => raw
            .and_then(|r| r.people)
            .unwrap_or_default()
            .into_iter()
            .map(|p| Entry {
                start: pos(&p.referenced),
                value: p.value,
                left_out: Vec::new(),
            })
            .collect(),
        Err(whole) => {
            *complete = false;
            recover_people(text, file, &whole, diags)
        }
    };

    let mut people: Vec<Person> = Vec::with_capacity(raws.len());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for Entry {
        start: (line, _),
        value: raw,
        left_out,
    } in raws
    {
        let id_loc = raw.id.referenced;
        let person = person(raw, &left_out, file, line, today, win_refs, diags);
        if let Some(first_line) = seen.get(&person.id) {
            diags.push(
                at(
                    Diagnostic::error(
                        DATA,
                        format!(
                            "the id `{}` is already used by the person on line {first_line}",
                            person.id
                        ),
                    ),
                    file,
                    &id_loc,
                )
                .help(format!(
                    "give each person a different id, for example `{}`",
                    unused_id(&suggest_id(&person.name), &seen)
                )),
            );
            continue;
        }
        seen.insert(person.id.clone(), line);
        people.push(person);
    }
    people
}

/// `base`, or `base-2`, `base-3`, … : the first that no one has yet.
fn unused_id(base: &str, seen: &BTreeMap<String, usize>) -> String {
    if !seen.contains_key(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !seen.contains_key(id))
        .expect("an unused id exists")
}

/// The relationships file did not deserialize as a whole: read each person's
/// entry on its own, and each key of it, so every problem is reported; the
/// people read, without the keys that had a problem, are checked as well.
fn recover_people(
    text: &str,
    file: &str,
    whole: &serde_saphyr::Error,
    diags: &mut Diagnostics,
) -> Vec<Entry<RawPerson>> {
    // Unknown top-level keys (`peple:`) are reported on their own.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct TopKeys {
        people: Option<IgnoredAny>,
    }
    #[derive(Deserialize)]
    struct Shape {
        people: Option<Vec<Spanned<IgnoredAny>>>,
    }
    let top = serde_saphyr::from_str::<Option<TopKeys>>(text).err();
    let starts = super::recover::shape::<Option<Shape>>(text)
        .flatten()
        .map(|s| super::recover::starts(s.people));
    // `role: Mentor` is reported; the rest of the person is still checked.
    let stand_ins = [("role", "mentor")];
    super::recover::entries(text, file, whole, top, starts, &stand_ins, diags)
}

/// Validate one person. Always returns the person so later checks (duplicates)
/// still run; problems go to `diags`. `left_out`: keys of the entry that had
/// a problem of their own (already reported), so not missing.
fn person(
    raw: RawPerson,
    left_out: &[String],
    file: &str,
    line: usize,
    today: NaiveDate,
    win_refs: &mut Vec<IdRef>,
    diags: &mut Diagnostics,
) -> Person {
    let mut push = |d: Diagnostic, loc: &Location| diags.push(at(d, file, loc));

    let id = raw.id.value.trim().to_string();
    if let Err(msg) = check_id(&id) {
        push(
            Diagnostic::error(DATA, msg).help(format!(
                "use lower-case letters, digits and `-`, for example `{}`",
                suggest_id(if id.is_empty() { &raw.name.value } else { &id })
            )),
            &raw.id.referenced,
        );
    }
    let name = raw.name.value.trim().to_string();
    if name.is_empty() {
        push(
            Diagnostic::error(DATA, "the name is empty").help("write the person's name"),
            &raw.name.referenced,
        );
    }

    let email = raw.email.and_then(|e| {
        let value = e.value.trim().to_string();
        if value.is_empty() {
            return None;
        }
        if let Err(msg) = check_email(&value) {
            push(
                Diagnostic::error(DATA, format!("email: {msg}"))
                    .help("write a plain address such as name@example.com"),
                &e.referenced,
            );
        }
        Some(value)
    });

    let mut links = Vec::new();
    for link in raw.links.unwrap_or_default() {
        let value = link.value.trim().to_string();
        match check_link(&value) {
            Ok(()) => links.push(value),
            Err(msg) => push(
                Diagnostic::error(DATA, format!("links: {msg}")).help(
                    "a link must start with https:// or http:// (a web page) or mailto: (an e-mail address)",
                ),
                &link.referenced,
            ),
        }
    }

    let cadence_days = raw.cadence_days.and_then(|c| {
        let days = c.value.0;
        if (1..=MAX_CADENCE_DAYS).contains(&days) {
            u32::try_from(days).ok()
        } else {
            let msg = if days < 1 {
                format!("cadence_days must be at least 1, not {days}")
            } else {
                format!("cadence_days is {days}: more than ten years between check-ins")
            };
            push(
                Diagnostic::error(DATA, msg).help(
                    "write how many days apart check-ins should be, for example 30, or remove the line",
                ),
                &c.referenced,
            );
            None
        }
    });

    let last_contact = raw.last_contact.map(|d| {
        if d.value.0 > today {
            push(
                Diagnostic::warning(
                    DATA,
                    format!("last_contact {} is after today ({today})", d.value),
                )
                .help("check the date; to plan a contact, use next_step and next_step_due"),
                &d.referenced,
            );
        }
        d.value.0
    });

    let next_step = trimmed(raw.next_step);
    let next_step_due = raw.next_step_due.map(|d| {
        if next_step.is_none() && !left_out.iter().any(|k| k == "next_step") {
            push(
                Diagnostic::warning(DATA, "next_step_due is set but there is no next_step")
                    .help("add a next_step saying what you plan to do, or remove next_step_due"),
                &d.referenced,
            );
        }
        d.value.0
    });

    let mut outreach = BTreeMap::new();
    let mut entries: Vec<_> = raw.outreach.unwrap_or_default().into_iter().collect();
    entries.sort_by_key(|(k, _)| pos(&k.referenced));
    for (key, value) in entries {
        if !is_placeholder_name(&key.value) {
            let suggestion = suggest_placeholder(&key.value);
            let help = if is_placeholder_name(&suggestion) {
                format!("placeholder names are lower_snake_case: did you mean `{suggestion}`?")
            } else {
                "placeholder names are lower_snake_case, like `their_work`".to_string()
            };
            push(
                Diagnostic::error(
                    DATA,
                    format!("outreach: {} is not a placeholder name", quote(&key.value)),
                )
                .help(help),
                &key.referenced,
            );
            continue;
        }
        if let Some(v) = trimmed(value) {
            outreach.insert(key.value, v);
        }
    }

    let mut log = Vec::new();
    for entry in raw.log.unwrap_or_default() {
        let e = entry.value;
        let date = e.date.value.0;
        if date > today {
            push(
                Diagnostic::error(
                    DATA,
                    format!("a log entry in the future: {date} is after today ({today})"),
                )
                .help("the log records what has happened: check the date, or plan the contact with next_step and next_step_due"),
                &e.date.referenced,
            );
        }
        let kind = e.kind.and_then(|k| {
            let v = k.value.trim().to_string();
            if v.chars().count() > MAX_KIND_CHARS || v.contains('\n') {
                push(
                    Diagnostic::warning(DATA, "the log entry's kind is long for a label")
                        .help("keep kind to a word or two, like `coffee` or `call`, and put the details in summary"),
                    &k.referenced,
                );
            }
            Some(v).filter(|v| !v.is_empty())
        });
        let mut wins: Vec<String> = Vec::new();
        for w in e.wins.unwrap_or_default() {
            let id = w.value.trim().to_string();
            if !id.is_empty() {
                win_refs.push(IdRef::new(&id, file, &w.referenced));
                if !wins.contains(&id) {
                    wins.push(id);
                }
            }
        }
        log.push(LogEntry {
            date,
            kind,
            summary: trimmed(e.summary),
            gave: e.gave.unwrap_or(false),
            wins,
        });
    }

    Person {
        id,
        name,
        role: raw.role,
        stage: raw.stage.unwrap_or_default(),
        title: trimmed(raw.title),
        organisation: trimmed(raw.organisation),
        email,
        links,
        areas: texts(raw.areas),
        channel: raw.channel,
        cadence_days,
        last_contact,
        next_step,
        next_step_due,
        outreach,
        log,
        met: trimmed(raw.met),
        notes: trimmed(raw.notes),
        private: raw.private.unwrap_or(false),
        line,
    }
}
