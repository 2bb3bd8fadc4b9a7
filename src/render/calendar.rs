//! `followups.ics`: the workbook's upcoming check-ins and dated next steps as an
//! RFC 5545 calendar, written with the `icalendar` crate.
//!
//! Built to be re-imported: each event's UID comes from the book, the person and
//! the kind of event — never from a date — so importing a newer file updates the
//! events instead of duplicating them. The output depends only on the workbook and
//! `today` (DTSTAMP is `today` at midnight UTC), so a build is reproducible.

use chrono::{Days, NaiveDate};
use icalendar::{Calendar, Component, Event, EventLike, Property};

use crate::language::Locale;
use crate::model::{Person, PrepCard, QuestionBank, Workbook};

/// What an event is about; part of its UID and of its sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    CheckIn,
    NextStep,
}

impl Kind {
    fn uid_part(self) -> &'static str {
        match self {
            Kind::CheckIn => "check-in",
            Kind::NextStep => "next-step",
        }
    }
}

struct Item<'a> {
    date: NaiveDate,
    kind: Kind,
    person: &'a Person,
    summary: String,
    description: String,
}

/// The calendar of follow-ups for `workbook` as of `today`:
///
/// - one all-day event per check-in (`last_contact` + `cadence_days`); a check-in
///   already overdue is put on `today`, where it still needs doing;
/// - one all-day event per next step with a `next_step_due`; a step already
///   overdue is put on `today`, as a check-in is.
///
/// A check-in's description carries the person's prep card in short (the last
/// conversation, with what was said only with `summaries`:
/// [`crate::audience::Audience::calendar_summaries`]; the next step, news to
/// share, questions from `questions`).
/// `book_id` namespaces the UIDs (use the same id as the browser's saved ticks).
/// Pass [`Workbook::without_private`] for your own copy: nothing here reads `notes`,
/// but private people would appear by name.
pub fn followups_ics(
    workbook: &Workbook,
    today: NaiveDate,
    book_id: &str,
    questions: &QuestionBank,
    locale: &Locale,
    summaries: bool,
) -> String {
    let mut items: Vec<Item<'_>> = Vec::new();
    for p in &workbook.people {
        if let Some(due) = p.next_check_in() {
            let mut description = match (p.last_contact, p.cadence_days) {
                (Some(last), Some(every)) => locale.t_with(
                    "calendar-last-contact",
                    &[
                        ("date", locale.long_date(last).into()),
                        ("days", i64::from(every).into()),
                    ],
                ),
                _ => String::new(),
            };
            if due < today {
                description.push(' ');
                description.push_str(&locale.t_with(
                    "calendar-was-due",
                    &[("date", locale.long_date(due).into())],
                ));
            }
            match PrepCard::of(p, workbook, questions, today) {
                Some(card) => {
                    description.push_str("\n\n");
                    description.push_str(&card.short(locale, summaries));
                }
                None => {
                    if let Some(step) = &p.next_step {
                        description.push('\n');
                        description.push_str(
                            &locale.t_with("calendar-next-step", &[("step", step.as_str().into())]),
                        );
                    }
                }
            }
            items.push(Item {
                date: due.max(today),
                kind: Kind::CheckIn,
                person: p,
                summary: locale.t_with("action-check-in", &[("name", p.name.as_str().into())]),
                description,
            });
        }
        if let (Some(step), Some(due)) = (&p.next_step, p.next_step_due) {
            let mut description =
                locale.t_with("calendar-next-step", &[("step", step.as_str().into())]);
            if due < today {
                description.push('\n');
                description.push_str(&locale.t_with(
                    "calendar-step-was-due",
                    &[("date", locale.long_date(due).into())],
                ));
            }
            items.push(Item {
                date: due.max(today),
                kind: Kind::NextStep,
                person: p,
                summary: locale.t_with(
                    "action-next-step",
                    &[
                        ("name", p.name.as_str().into()),
                        ("step", step.as_str().into()),
                    ],
                ),
                description,
            });
        }
    }
    items.sort_by(|a, b| (a.date, a.kind, &a.person.id).cmp(&(b.date, b.kind, &b.person.id)));

    let stamp = today
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc();
    let book = uid_safe(book_id);
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//careerbook//follow-ups//EN"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    // NAME and X-WR-CALNAME, in the book's language; the crate escapes them.
    cal.name(&one_line(&locale.t("calendar-name")));
    for item in items {
        let end = item
            .date
            .checked_add_days(Days::new(1))
            .unwrap_or(item.date);
        let event = Event::new()
            .uid(&format!(
                "{}.{}.{book}@careerbook",
                item.kind.uid_part(),
                item.person.id
            ))
            .timestamp(stamp)
            .starts(item.date)
            // DTEND is exclusive: an all-day event ends the next day.
            .ends(end)
            .summary(&one_line(&item.summary))
            .description(&plain(&item.description))
            .add_property("TRANSP", "TRANSPARENT")
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}

/// A UID part from any book id: ASCII letters, digits, `-`, `_` and `.`.
fn uid_safe(s: &str) -> String {
    let out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if out.is_empty() { "book".into() } else { out }
}

/// Text for a property: control characters other than line breaks (a stray
/// carriage return would end the content line) become spaces. The crate escapes
/// `,`, `;`, `\` and newlines, and folds long lines.
fn plain(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

/// Text for a one-line property (SUMMARY, the calendar's name): every run of
/// spaces, line breaks and control characters becomes one space. No-break
/// spaces stay, as French typography puts them (`Suivi\u{a0}: Nadia`).
fn one_line(s: &str) -> String {
    plain(s)
        .split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The calendar of book `b` with no question bank, in English.
    fn ics(wb: &Workbook, today: &str) -> String {
        followups_ics(
            wb,
            d(today),
            "b",
            &QuestionBank::default(),
            &Locale::default(),
            true,
        )
    }
    use crate::model::{Role, Stage};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn workbook() -> Workbook {
        let mut colette = Person::new("colette-arsenault", "Colette Arsenault", Role::Mentor);
        colette.stage = Stage::Active;
        colette.last_contact = Some(d("2026-11-05"));
        colette.cadence_days = Some(30);
        colette.next_step = Some("Send the outline; ask, gently, for comments".into());
        colette.next_step_due = Some(d("2026-12-03"));
        let mut owen = Person::new("owen-fraser", "Owen Fraser", Role::Mentor);
        owen.last_contact = Some(d("2026-09-10"));
        owen.cadence_days = Some(45); // due 2026-10-25: overdue
        let mut helene = Person::new("helene-cormier", "Hélène Cormier", Role::Sponsor);
        helene.next_step = Some("Past step".into());
        helene.next_step_due = Some(d("2026-11-01")); // overdue: on today
        let mut nobody = Person::new("nobody", "No Dates", Role::Sponsor);
        nobody.next_step = Some("Undated".into());
        Workbook {
            dir: String::new(),
            profile: None,
            people: vec![colette, owen, helene, nobody],
            ..Workbook::default()
        }
    }

    #[test]
    fn round_trips_through_a_parser() {
        let ics = followups_ics(
            &workbook(),
            d("2026-11-20"),
            "my book",
            &QuestionBank::default(),
            &Locale::default(),
            true,
        );
        let cal: Calendar = ics.parse().expect("valid iCalendar");
        let events: Vec<(String, String, NaiveDate)> = cal
            .events()
            .map(|e| {
                let start = match e.get_start() {
                    Some(icalendar::DatePerhapsTime::Date(d)) => d,
                    other => panic!("not an all-day event: {other:?}"),
                };
                (
                    e.get_summary().unwrap().to_string(),
                    e.get_uid().unwrap().to_string(),
                    start,
                )
            })
            .collect();
        assert_eq!(
            events,
            [
                (
                    "Check in with Owen Fraser".to_string(),
                    "check-in.owen-fraser.my-book@careerbook".to_string(),
                    d("2026-11-20"),
                ),
                // Overdue since 1 November: on today, where it still needs doing.
                (
                    "Next step with Hélène Cormier: Past step".to_string(),
                    "next-step.helene-cormier.my-book@careerbook".to_string(),
                    d("2026-11-20"),
                ),
                (
                    "Next step with Colette Arsenault: Send the outline; ask, gently, for comments"
                        .to_string(),
                    "next-step.colette-arsenault.my-book@careerbook".to_string(),
                    d("2026-12-03"),
                ),
                (
                    "Check in with Colette Arsenault".to_string(),
                    "check-in.colette-arsenault.my-book@careerbook".to_string(),
                    d("2026-12-05"),
                ),
            ]
        );
        let owen = cal.events().next().unwrap();
        assert_eq!(
            owen.get_end(),
            Some(icalendar::DatePerhapsTime::Date(d("2026-11-21")))
        );
        assert!(
            owen.get_description()
                .unwrap()
                .contains("was due on 25 October 2026")
        );
        let helene = cal.events().nth(1).unwrap();
        assert_eq!(
            helene.get_description(),
            Some("Next step: Past step\nThis step was due on 1 November 2026.")
        );
        assert_eq!(
            owen.get_timestamp().unwrap().to_rfc3339(),
            "2026-11-20T00:00:00+00:00"
        );
    }

    #[test]
    fn crlf_lines_and_reproducible() {
        let wb = workbook();
        let a = ics(&wb, "2026-11-20");
        assert_eq!(a, ics(&wb, "2026-11-20"));
        assert!(a.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(a.ends_with("END:VCALENDAR\r\n"));
        assert!(!a.replace("\r\n", "").contains('\n'), "bare LF in {a:?}");
        assert!(a.contains("\r\nVERSION:2.0\r\n"));
        assert!(a.contains("\r\nDTSTART;VALUE=DATE:20261120\r\n"), "{a}");
        assert!(a.contains("\r\nDTSTAMP:20261120T000000Z\r\n"), "{a}");
        assert!(a.lines().all(|l| l.len() <= 75), "lines are folded");
    }

    #[test]
    fn uids_do_not_depend_on_dates() {
        let wb = workbook();
        let uids = |today: &str| -> Vec<String> {
            let cal: Calendar = ics(&wb, today).parse().unwrap();
            let mut u: Vec<String> = cal
                .events()
                .map(|e| e.get_uid().unwrap().to_string())
                .collect();
            u.sort();
            u
        };
        assert_eq!(uids("2026-11-20"), uids("2026-11-25"));
    }

    #[test]
    fn empty_workbook_is_an_empty_calendar() {
        let ics = ics(&Workbook::default(), "2026-11-20");
        let cal: Calendar = ics.parse().unwrap();
        assert_eq!(cal.events().count(), 0);
        assert!(ics.contains("\r\nX-WR-CALNAME:Follow-ups\r\n"), "{ics}");
        assert!(ics.contains("\r\nNAME:Follow-ups\r\n"), "{ics}");
    }

    /// The built-in strings in French.
    fn french() -> Locale {
        Locale::new(
            "fr-CA",
            std::sync::Arc::new(crate::language::Strings::builtin()),
        )
    }

    #[test]
    fn a_french_calendar_is_named_and_worded_in_french() {
        let ics = followups_ics(
            &workbook(),
            d("2026-11-20"),
            "b",
            &QuestionBank::default(),
            &french(),
            true,
        );
        assert!(ics.contains("\r\nX-WR-CALNAME:Suivis\r\n"), "{ics}");
        assert!(ics.contains("\r\nNAME:Suivis\r\n"), "{ics}");
        assert!(!ics.contains("Follow-ups"), "{ics}");
        let cal: Calendar = ics.parse().expect("valid iCalendar");
        let summaries: Vec<&str> = cal.events().map(|e| e.get_summary().unwrap()).collect();
        assert_eq!(summaries[0], "Suivi\u{a0}: Owen Fraser", "{ics}");
        let owen = cal.events().next().unwrap();
        assert!(
            owen.get_description()
                .unwrap()
                .contains("était prévu le 25 octobre 2026"),
            "{ics}"
        );
    }

    #[test]
    fn a_calendar_name_from_a_project_is_escaped() {
        let mut theme = crate::load::Theme::builtin();
        theme.files.insert(
            "i18n/en-CA.ftl".into(),
            crate::load::theme::ThemeFile {
                bytes: std::borrow::Cow::Borrowed(
                    "calendar-name =\n    Mine; career, A\\B\n    and more\n".as_bytes(),
                ),
                source: Some("themes/default/i18n/en-CA.ftl".into()),
            },
        );
        let mut diags = crate::diagnostics::Diagnostics::new();
        let strings = crate::language::Strings::load(&theme, &["en-CA".into()], (1, 1), &mut diags);
        assert!(diags.is_empty(), "{diags:#?}");
        let locale = Locale::new("en-CA", std::sync::Arc::new(strings));
        let ics = followups_ics(
            &Workbook::default(),
            d("2026-11-20"),
            "b",
            &QuestionBank::default(),
            &locale,
            true,
        );
        // One line, with `;`, `,` and `\` escaped (RFC 5545, 3.3.11).
        assert!(
            ics.contains("\r\nX-WR-CALNAME:Mine\\; career\\, A\\\\B and more\r\n"),
            "{ics}"
        );
        let cal: Calendar = ics.parse().expect("valid iCalendar");
        assert_eq!(cal.events().count(), 0);
    }

    #[test]
    fn hostile_text_stays_in_its_property() {
        let mut p = Person::new("x", "Ève\r\nBEGIN:VEVENT", Role::Mentor);
        p.next_step = Some("a;b,c\\d\nline two".into());
        p.next_step_due = Some(d("2026-12-01"));
        let wb = Workbook {
            people: vec![p],
            ..Workbook::default()
        };
        let ics = ics(&wb, "2026-11-20");
        assert_eq!(
            ics.lines().filter(|l| *l == "BEGIN:VEVENT").count(),
            1,
            "{ics}"
        );
        let cal: Calendar = ics.parse().unwrap();
        let e = cal.events().next().unwrap();
        assert_eq!(e.get_description(), Some("Next step: a;b,c\\d\nline two"));
        assert_eq!(
            e.get_summary(),
            Some("Next step with Ève BEGIN:VEVENT: a;b,c\\d line two")
        );
    }

    #[test]
    fn long_accented_text_folds_on_character_boundaries() {
        let mut p = Person::new("helene", "Hélène Cormier-Thériault", Role::Sponsor);
        let step = "Envoyer à Hélène une mise à jour d’une page sur les résultats du projet pilote, avant l’été";
        p.next_step = Some(step.into());
        p.next_step_due = Some(d("2026-12-10"));
        let wb = Workbook {
            people: vec![p],
            ..Workbook::default()
        };
        let ics = ics(&wb, "2026-11-20");
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "{ics}");
        let cal: Calendar = ics.parse().unwrap();
        let e = cal.events().next().unwrap();
        assert_eq!(
            e.get_summary(),
            Some(format!("Next step with Hélène Cormier-Thériault: {step}").as_str())
        );
    }
}
