//! Reading the data files: the contract, strictly.

use std::path::Path;

use super::*;
use crate::diagnostics::Diagnostic;
use crate::model::date::DATE_HELP;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-20";

fn people_of(yaml: &str) -> (Vec<Person>, Vec<Diagnostic>) {
    let mut diags = Diagnostics::new();
    let wb = Workbook::from_sources(None, Some(yaml), None, d(TODAY), &mut diags);
    (wb.people, diags.sorted())
}

fn only(diags: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(diags.len(), 1, "{diags:#?}");
    &diags[0]
}

const GOOD: &str = "\
people:
  - id: colette-arsenault
    name: Colette Arsenault
    role: mentor
    stage: active
    title: Director of Design
    email: colette@example.com
    links:
      - https://example.com/colette
      - mailto:colette@example.com
    areas: [design leadership]
    channel: in-person
    cadence_days: 30
    last_contact: 2026-11-05
    next_step: Send the outline
    next_step_due: 2026-12-03
    outreach:
      topic: presenting design trade-offs
      their_work: building the team
    log:
      - date: 2026-04-14
        kind: coffee
        summary: First coffee.
      - date: 2026-06-18
        kind: introduction
        summary: Introduced her to Sam.
        gave: true
    notes: Prefers Tuesdays.
  - id: daniel
    name: Daniel Whitford
    role: sponsor
    private: true
";

#[test]
fn reads_a_good_file() {
    let (people, diags) = people_of(GOOD);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(people.len(), 2);
    let c = &people[0];
    assert_eq!(c.id, "colette-arsenault");
    assert_eq!(c.role, Role::Mentor);
    assert_eq!(c.stage, Stage::Active);
    assert_eq!(c.channel, Some(Channel::InPerson));
    assert_eq!(c.cadence_days, Some(30));
    assert_eq!(c.last_contact, Some(d("2026-11-05")));
    assert_eq!(c.next_step_due, Some(d("2026-12-03")));
    assert_eq!(c.links.len(), 2);
    assert_eq!(c.outreach["topic"], "presenting design trade-offs");
    assert_eq!(c.log.len(), 2);
    assert!(!c.log[0].gave && c.log[1].gave);
    assert_eq!(c.log[1].kind.as_deref(), Some("introduction"));
    assert_eq!(c.line, 2);
    let p = &people[1];
    assert_eq!(p.stage, Stage::Prospect, "default stage");
    assert!(p.private);
}

#[test]
fn no_data_is_an_empty_workbook() {
    let mut diags = Diagnostics::new();
    let wb = Workbook::from_sources(None, None, None, d(TODAY), &mut diags);
    assert!(wb.is_empty());
    assert!(diags.is_empty());
    // Empty files, comment-only files and empty lists are fine too.
    let wb = Workbook::from_sources(
        Some(""),
        Some("# nobody yet\n"),
        Some("done:\n"),
        d(TODAY),
        &mut diags,
    );
    assert!(wb.is_empty());
    let wb = Workbook::from_sources(None, Some("people:\n"), None, d(TODAY), &mut diags);
    assert!(wb.people.is_empty());
    let wb = Workbook::from_sources(None, Some("people: []\n"), None, d(TODAY), &mut diags);
    assert!(wb.people.is_empty());
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn unknown_key_points_at_it_with_a_suggestion() {
    let (_, diags) =
        people_of("people:\n  - id: a\n    name: A\n    role: mentor\n    stgae: active\n");
    let e = only(&diags);
    assert!(e.is_error());
    assert_eq!(
        e.file.as_deref(),
        Some(Path::new("data/relationships.yaml"))
    );
    assert_eq!((e.line, e.column), (5, 5));
    assert!(e.message.contains("unknown field `stgae`"), "{}", e.message);
    assert_eq!(e.help.as_deref(), Some("did you mean `stage`?"));
}

#[test]
fn unknown_top_level_key() {
    let (_, diags) = people_of("peple:\n  - id: a\n");
    let e = only(&diags);
    assert_eq!((e.line, e.column), (1, 1));
    assert_eq!(e.help.as_deref(), Some("did you mean `people`?"));
}

#[test]
fn bad_enum_values() {
    let (_, diags) = people_of("people:\n  - id: a\n    name: A\n    role: mentr\n");
    let e = only(&diags);
    assert_eq!((e.line, e.column), (4, 11));
    assert!(
        e.message.contains("unknown variant `mentr`"),
        "{}",
        e.message
    );
    assert_eq!(e.help.as_deref(), Some("did you mean `mentor`?"));

    let mut diags = Diagnostics::new();
    Workbook::from_sources(
        Some("name: N\nregion: atlantc\n"),
        None,
        None,
        d(TODAY),
        &mut diags,
    );
    let diags = diags.sorted();
    let e = only(&diags);
    assert_eq!(e.file.as_deref(), Some(Path::new("data/profile.yaml")));
    assert_eq!(e.line, 2);
    assert_eq!(e.help.as_deref(), Some("did you mean `atlantic`?"));
}

#[test]
fn impossible_and_malformed_dates() {
    let (_, diags) = people_of(
        "people:\n  - id: a\n    name: A\n    role: mentor\n    last_contact: 2026-02-30\n",
    );
    let e = only(&diags);
    assert_eq!((e.line, e.column), (5, 19));
    assert_eq!(
        e.message,
        "`2026-02-30` is not a date: February 2026 has 28 days"
    );
    // Written as YYYY-MM-DD already: the help names the month's last day.
    assert_eq!(
        e.help.as_deref(),
        Some("the last day of February 2026 is 2026-02-28: check the day")
    );

    let mut diags = Diagnostics::new();
    let wb = Workbook::from_sources(
        Some("name: N\nplan_start: 26-1-5\n"),
        None,
        None,
        d(TODAY),
        &mut diags,
    );
    // Read without the date, to check the rest.
    let profile = wb.profile.unwrap();
    assert_eq!((profile.name.as_str(), profile.plan_start), ("N", None));
    let diags = diags.sorted();
    let e = only(&diags);
    assert_eq!((e.line, e.column), (2, 13));
    assert!(
        e.message.contains("`26-1-5` is not a date"),
        "{}",
        e.message
    );
    assert!(e.message.contains("YYYY-MM-DD"), "{}", e.message);
    assert_eq!(e.help.as_deref(), Some(DATE_HELP));
}

#[test]
fn duplicate_id_points_at_the_second_and_names_the_first() {
    let (people, diags) = people_of(
        "people:\n  - id: sam\n    name: Sam A\n    role: mentor\n  - id: sam\n    name: Sam B\n    role: sponsor\n",
    );
    let e = only(&diags);
    assert_eq!((e.line, e.column), (5, 9));
    assert_eq!(
        e.message,
        "the id `sam` is already used by the person on line 2"
    );
    assert_eq!(
        e.help.as_deref(),
        Some("give each person a different id, for example `sam-b`")
    );
    assert_eq!(people.len(), 1);

    // The suggestion is never an id already taken.
    let (_, diags) = people_of(
        "people:\n  - id: sam-b\n    name: Sam B\n    role: mentor\n  - id: sam-b\n    name: Sam B\n    role: sponsor\n",
    );
    assert_eq!(
        only(&diags).help.as_deref(),
        Some("give each person a different id, for example `sam-b-2`")
    );
}

#[test]
fn a_log_entry_in_the_future() {
    let (_, diags) = people_of(
        "people:\n  - id: a\n    name: A\n    role: mentor\n    log:\n      - date: 2026-11-21\n        summary: Tomorrow\n      - date: 2026-11-20\n        summary: Today is fine\n",
    );
    let e = only(&diags);
    assert!(e.is_error());
    assert_eq!((e.line, e.column), (6, 15));
    assert_eq!(
        e.message,
        "a log entry in the future: 2026-11-21 is after today (2026-11-20)"
    );
    assert!(e.help.as_deref().unwrap().contains("next_step_due"));
}

#[test]
fn only_web_and_mail_links() {
    let (people, diags) = people_of(
        "people:\n  - id: a\n    name: A\n    role: mentor\n    links:\n      - https://example.com/a\n      - javascript:alert(1)\n      - data:text/html,x\n      - example.com/a\n      - HTTPS://EXAMPLE.COM\n      - mailto:a@example.com\n",
    );
    assert_eq!(diags.len(), 3, "{diags:#?}");
    assert_eq!((diags[0].line, diags[0].column), (7, 9));
    assert_eq!(
        diags[0].message,
        "links: `javascript:` links are not allowed, only http(s) and mailto"
    );
    assert!(diags[0].help.as_deref().unwrap().contains("https://"));
    assert!(
        diags[1].message.starts_with("links: `data:`"),
        "{}",
        diags[1].message
    );
    assert_eq!(
        diags[2].message,
        "links: `example.com/a` is not a full web address"
    );
    assert_eq!(
        people[0].links,
        [
            "https://example.com/a",
            "HTTPS://EXAMPLE.COM",
            "mailto:a@example.com"
        ]
    );
}

#[test]
fn ids_are_url_safe() {
    let (_, diags) = people_of(
        "people:\n  - id: ../etc/passwd\n    name: Hélène Cormier\n    role: sponsor\n  - id: Hélène\n    name: H\n    role: sponsor\n  - id: \"\"\n    name: Hélène Cormier\n    role: sponsor\n",
    );
    assert_eq!(diags.len(), 3, "{diags:#?}");
    assert_eq!((diags[0].line, diags[0].column), (2, 9));
    assert_eq!(
        diags[0].message,
        "`../etc/passwd` is not a valid id: ids use lower-case letters, digits and `-`"
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("use lower-case letters, digits and `-`, for example `etc-passwd`")
    );
    assert!(diags[1].help.as_deref().unwrap().ends_with("`helene`"));
    assert_eq!(diags[2].message, "the id is empty");
    assert!(
        diags[2]
            .help
            .as_deref()
            .unwrap()
            .ends_with("`helene-cormier`")
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let yaml = "\
people:
  - id: one
    name: One
    role: mentor
    stgae: active
  - id: two
    name: Two
    role: mentor
    links: [javascript:void(0)]
    cadence_days: 0
    log:
      - date: 2030-01-01
        summary: future
  - id: three
    name: Three
    role: sponser
  - id: two
    name: Two again
    role: mentor
  - id: four
    name: Four
    role: mentor
    last_contact: 2026-02-30
";
    let (people, diags) = people_of(yaml);
    let found: Vec<(usize, &str)> = diags.iter().map(|d| (d.line, d.message.as_str())).collect();
    assert_eq!(diags.len(), 7, "{found:#?}");
    assert_eq!(
        diags[0].line, 5,
        "unknown key in the first person: {found:#?}"
    );
    assert_eq!(diags[1].line, 9, "bad link");
    assert_eq!(diags[2].line, 10, "cadence 0");
    assert_eq!(diags[3].line, 12, "future log");
    assert_eq!(diags[4].line, 16, "bad enum in the third person");
    assert_eq!(diags[4].help.as_deref(), Some("did you mean `sponsor`?"));
    assert_eq!(diags[5].line, 17, "duplicate id");
    assert!(diags[5].message.contains("line 6"), "{}", diags[5].message);
    assert!(diags.iter().all(Diagnostic::is_error));
    // The last person's bad date is reported in the same run.
    assert_eq!(diags[6].line, 23);
    assert!(diags[6].message.contains("2026-02-30"), "{found:#?}");
    // People are kept, read without the keys that had a problem (`role:
    // sponser` with a stand-in), so their other values are checked too.
    let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["one", "two", "three", "four"]);
}

#[test]
fn recovery_keeps_positions_in_flow_and_compact_styles() {
    // A list written without indentation, and a one-line flow entry.
    let yaml = "people:\n- id: a\n  name: A\n  role: mentr\n- {id: b, name: B, role: sponsr}\n- id: c\n  name: C\n  role: mentor\n";
    let (people, diags) = people_of(yaml);
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert_eq!((diags[0].line, diags[0].column), (4, 9));
    assert_eq!(diags[1].line, 5);
    // `a` with a stand-in role, and `c`; the flow entry is not read.
    assert_eq!(people.len(), 2);

    // Several flow entries on one line cannot be separated by lines: the first
    // error is still reported.
    let (_, diags) = people_of("people: [{id: a, name: A, role: x}, {id: b, name: B, role: y}]\n");
    assert_eq!(diags.len(), 1, "{diags:#?}");

    // Windows line endings.
    let (people, diags) = people_of(
        "people:\r\n  - id: a\r\n    name: A\r\n    role: mentr\r\n  - id: b\r\n    name: B\r\n    role: mentor\r\n    nme: x\r\n",
    );
    let found: Vec<(usize, usize)> = diags.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(found, [(4, 11), (8, 5)], "{diags:#?}");
    // `a` is read with a stand-in role, `b` without its unknown key.
    let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);

    // Broken YAML syntax is reported once.
    let (_, diags) = people_of("people:\n  - id: a\n   name: A\n");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].code, "yaml");
}

#[test]
fn other_value_checks() {
    let (people, diags) = people_of(
        "people:
  - id: a
    name: A
    role: mentor
    cadence_days: forty
  - id: b
    name: '  '
    role: mentor
    email: 'b@example.com?bcc=x@evil.example'
    outreach:
      Their Work: x
      topic:
    next_step_due: 2026-12-01
    last_contact: 2026-12-01
    log:
      - date: 2026-01-01
        kind: a very long label that should really be a summary instead
",
    );
    let msgs: Vec<(usize, &str)> = diags.iter().map(|d| (d.line, d.message.as_str())).collect();
    assert_eq!(diags.len(), 7, "{msgs:#?}");
    assert!(
        diags[0].message.contains("whole number of days"),
        "{msgs:#?}"
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("write how many days apart check-ins should be, for example 30")
    );
    assert_eq!(diags[1].message, "the name is empty");
    assert!(diags[2].message.starts_with("email:"), "{msgs:#?}");
    assert_eq!(diags[3].line, 11);
    assert_eq!(
        diags[3].help.as_deref(),
        Some("placeholder names are lower_snake_case: did you mean `their_work`?")
    );
    // Warnings: a due date with no step, a last contact after today, a long kind.
    assert_eq!(diags[4].line, 13);
    assert!(!diags[4].is_error());
    assert_eq!(diags[5].line, 14);
    assert!(!diags[5].is_error());
    assert_eq!(diags[6].line, 17);
    assert!(!diags[6].is_error());
    // Empty outreach values count as not written.
    assert!(people[0].outreach.is_empty());
}

#[test]
fn profile_fields() {
    let mut diags = Diagnostics::new();
    let wb = Workbook::from_sources(
        Some(
            "name: Nadia Boudreau\npronouns: she/her\nrole: Designer\nregion: british-columbia\nplan_start: 2026-02-02\ngoals:\n  - Present\n  - Lead\nambitions: [Manage]\n",
        ),
        None,
        None,
        d(TODAY),
        &mut diags,
    );
    assert!(diags.is_empty(), "{diags:#?}");
    let p = wb.profile.unwrap();
    assert_eq!(p.region, Some(Region::BritishColumbia));
    assert_eq!(p.plan_start, Some(d("2026-02-02")));
    assert_eq!(p.goals, ["Present", "Lead"]);
    assert_eq!(p.ambitions, ["Manage"]);

    let mut diags = Diagnostics::new();
    Workbook::from_sources(
        Some("pronouns: she/her\n"),
        None,
        None,
        d(TODAY),
        &mut diags,
    );
    let diags = diags.sorted();
    let e = only(&diags);
    assert!(e.message.contains("missing field `name`"), "{}", e.message);
    assert_eq!((e.line, e.column), (1, 1));
    assert_eq!(
        e.help.as_deref(),
        Some("add `name:` with a value; it is required")
    );

    let mut diags = Diagnostics::new();
    Workbook::from_sources(Some("name:\n"), None, None, d(TODAY), &mut diags);
    let diags = diags.sorted();
    let e = only(&diags);
    assert_eq!(
        e.message,
        "a value is needed here, but nothing is written after the colon"
    );
}

#[test]
fn progress_dates_are_all_checked() {
    let mut diags = Diagnostics::new();
    let wb = Workbook::from_sources(
        None,
        None,
        Some("done:\n  a: 2026-02-03\n  b: 2026-02-30\n  c:\n  d: 03/02/2026\n  e: 2026-12-01\n"),
        d(TODAY),
        &mut diags,
    );
    let diags = diags.sorted();
    let found: Vec<(usize, usize, bool)> = diags
        .iter()
        .map(|d| (d.line, d.column, d.is_error()))
        .collect();
    assert_eq!(
        found,
        [(3, 6, true), (4, 3, true), (5, 6, true), (6, 6, false)],
        "{diags:#?}"
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("the last day of February 2026 is 2026-02-28: check the day")
    );
    // Day and month first: either reading.
    assert_eq!(
        diags[2].help.as_deref(),
        Some(
            "write it as YYYY-MM-DD, year, month, day: 2026-02-03 for 3 February 2026, or 2026-03-02 for 2 March 2026"
        )
    );
    assert_eq!(wb.progress.done_on("a"), Some(d("2026-02-03")));
    assert!(wb.progress.is_done("e"));
    assert_eq!(wb.progress.positions["a"], (2, 3));
}

#[test]
fn public_drops_private_people_and_all_notes() {
    let (people, _) = people_of(GOOD);
    let wb = Workbook {
        people,
        ..Workbook::default()
    };
    assert!(wb.people[0].notes.is_some());
    let public = wb.without_private();
    assert_eq!(public.people.len(), 1);
    assert_eq!(public.people[0].id, "colette-arsenault");
    assert!(
        public
            .people
            .iter()
            .all(|p| p.notes.is_none() && !p.private)
    );
    let json = serde_json::to_string(&public).unwrap();
    assert!(
        !json.contains("Tuesdays") && !json.contains("Whitford"),
        "{json}"
    );
    // The original is untouched.
    assert_eq!(wb.people.len(), 2);
}

#[test]
fn an_outreach_key_longer_than_a_placeholder_name_is_refused() {
    // The same rule as drafts, the site and the PDF: such a name is never a blank.
    let long = "a".repeat(41);
    let (people, diags) = people_of(&format!(
        "people:\n  - id: a\n    name: A\n    role: mentor\n    outreach:\n      {long}: x\n      {}: y\n",
        "b".repeat(40)
    ));
    let e = only(&diags);
    assert_eq!(
        (e.line, e.message.as_str()),
        (
            6,
            format!("outreach: `{long}` is not a placeholder name").as_str()
        )
    );
    assert_eq!(people[0].outreach.len(), 1);
}

#[test]
fn wrong_shapes_get_advice_in_data_words() {
    let (_, diags) = people_of(
        "people:\n  - id: a\n    name: A\n    role: mentor\n    links: https://example.com\n  - id: b\n    name: B\n    role: mentor\n    private: maybe\n  - id: c\n    name: C\n",
    );
    let helps: Vec<(usize, &str)> = diags
        .iter()
        .map(|d| (d.line, d.help.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        helps,
        [
            (
                5,
                "this takes a list: put each item on its own line starting with `- `, or write `[first, second]`"
            ),
            (9, "write `true` or `false`"),
            (10, "add `role: mentor` or `role: sponsor`; it is required"),
        ],
        "{diags:#?}"
    );
}

// ---------------------------------------------------------------------------
// Wins (`data/wins.yaml`) and the ids that cross files.

/// A workbook from a relationships file and a wins file (either left out with
/// `None`), read from `dir` as `build` reads it.
fn with_wins(
    dir: &str,
    relationships: Option<&str>,
    wins: Option<&str>,
) -> (Workbook, Vec<Diagnostic>) {
    let relationships_file = format!("{dir}/relationships.yaml");
    let wins_file = format!("{dir}/wins.yaml");
    let files = DataFiles {
        relationships: relationships.map(|text| SourceFile {
            file: &relationships_file,
            text,
        }),
        wins: wins.map(|text| SourceFile {
            file: &wins_file,
            text,
        }),
        ..DataFiles::default()
    };
    let mut diags = Diagnostics::new();
    let wb = Workbook::from_files(dir, files, d(TODAY), &mut diags);
    (wb, diags.sorted())
}

const ROHAN: &str = "\
people:
  - id: rohan-mehta
    name: Rohan Mehta
    role: sponsor
    stage: active
    log:
      - date: 2026-11-13
        kind: call
        wins: [lakehouse-launch, lakehouse-lanch]
";

#[test]
fn wins_read_from_a_good_file() {
    let (wb, diags) = with_wins(
        "data",
        Some(ROHAN.replace(", lakehouse-lanch", "").as_str()),
        Some(
            "wins:\n  - id: lakehouse-launch\n    date: 2026-11-12\n    title: '  Launched the lakehouse  '\n    impact: Dashboards refresh hourly\n    seen_by: [rohan-mehta, rohan-mehta]\n    private: false\n  - id: quiet\n    date: 2026-01-05\n    title: Quiet one\n    impact: '   '\n",
        ),
    );
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(wb.wins.len(), 2);
    let w = &wb.wins[0];
    assert_eq!(w.id, "lakehouse-launch");
    assert_eq!(w.date, d("2026-11-12"));
    assert_eq!(w.title, "Launched the lakehouse", "trimmed");
    assert_eq!(w.impact.as_deref(), Some("Dashboards refresh hourly"));
    assert_eq!(w.seen_by, ["rohan-mehta"], "written twice, kept once");
    assert!(!w.private);
    assert_eq!(w.line, 2);
    assert_eq!(wb.wins[1].impact, None, "a blank impact is no impact");
    assert_eq!(wb.wins[1].line, 8);
    assert_eq!(wb.people[0].log[0].wins, ["lakehouse-launch"]);
}

#[test]
fn an_unknown_seen_by_is_located_in_the_wins_file_with_a_suggestion() {
    let (_, diags) = with_wins(
        "data",
        Some(ROHAN.replace(", lakehouse-lanch", "").as_str()),
        Some(
            "wins:\n  - id: lakehouse-launch\n    date: 2026-11-12\n    title: Launched the lakehouse\n    seen_by:\n      - rohan-mehta\n      - rohan-mehat\n",
        ),
    );
    let e = only(&diags);
    assert!(e.is_error());
    assert_eq!(e.code, "data");
    assert_eq!(e.file.as_deref(), Some(Path::new("data/wins.yaml")));
    assert_eq!((e.line, e.column), (7, 9));
    assert_eq!(e.message, "there is no person with the id `rohan-mehat`");
    assert_eq!(e.help.as_deref(), Some("did you mean `rohan-mehta`?"));

    // Nothing close: the advice says where ids come from.
    let (_, diags) = with_wins(
        "data",
        Some(ROHAN.replace(", lakehouse-lanch", "").as_str()),
        Some(
            "wins:\n  - id: lakehouse-launch\n    date: 2026-11-12\n    title: Launched the lakehouse\n    seen_by: [zz]\n",
        ),
    );
    let e = only(&diags);
    assert_eq!((e.line, e.column), (5, 15));
    assert_eq!(
        e.help.as_deref(),
        Some("use the id of a person in relationships.yaml")
    );
}

#[test]
fn an_unknown_log_win_is_located_in_the_relationships_file_with_a_suggestion() {
    let (_, diags) = with_wins(
        "data",
        Some(ROHAN),
        Some(
            "wins:\n  - id: lakehouse-launch\n    date: 2026-11-12\n    title: Launched the lakehouse\n",
        ),
    );
    let e = only(&diags);
    assert!(e.is_error());
    assert_eq!(e.code, "data");
    assert_eq!(
        e.file.as_deref(),
        Some(Path::new("data/relationships.yaml"))
    );
    assert_eq!((e.line, e.column), (9, 34));
    assert_eq!(e.message, "there is no win with the id `lakehouse-lanch`");
    assert_eq!(e.help.as_deref(), Some("did you mean `lakehouse-launch`?"));
}

#[test]
fn log_wins_without_a_wins_file_say_where_to_add_them() {
    let (wb, diags) = with_wins("data", Some(ROHAN), None);
    assert!(wb.wins.is_empty());
    let found: Vec<(usize, usize, &str)> = diags
        .iter()
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (9, 16, "there is no win with the id `lakehouse-launch`"),
            (9, 34, "there is no win with the id `lakehouse-lanch`"),
        ],
        "{diags:#?}"
    );
    for e in &diags {
        assert!(e.is_error());
        assert_eq!(
            e.file.as_deref(),
            Some(Path::new("data/relationships.yaml"))
        );
        assert_eq!(
            e.help.as_deref(),
            Some("there are no wins yet: add this one to data/wins.yaml, or remove the id")
        );
    }

    // A cohort member's advice names the member's own wins file.
    let (_, diags) = with_wins("data/people/ana", Some(ROHAN), None);
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert_eq!(
        diags[0].file.as_deref(),
        Some(Path::new("data/people/ana/relationships.yaml"))
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("there are no wins yet: add this one to data/people/ana/wins.yaml, or remove the id")
    );
}

#[test]
fn every_problem_in_the_wins_file_is_reported_at_once() {
    let wins = "\
wins:
  - id: Bad_Id
    date: 2026-11-01
    title: First
  - id: ../up
    date: 2026-11-02
    title: Second
  - id: ok-one
    date: 2026-11-21
    title: '   '
    seen_by: [nobody]
  - id: ok-one
    date: 2026-11-03
    title: Again
";
    let (wb, diags) = with_wins(
        "data",
        Some(ROHAN.replace(", lakehouse-lanch", "").as_str()),
        Some(wins),
    );
    let found: Vec<(&str, usize, usize, &str)> = diags
        .iter()
        .map(|d| {
            (
                d.file.as_deref().unwrap().to_str().unwrap(),
                d.line,
                d.column,
                d.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            // The log's `lakehouse-launch` is not among these wins.
            (
                "data/relationships.yaml",
                9,
                16,
                "there is no win with the id `lakehouse-launch`"
            ),
            (
                "data/wins.yaml",
                2,
                9,
                "`Bad_Id` is not a valid id: ids use lower-case letters, digits and `-`"
            ),
            (
                "data/wins.yaml",
                5,
                9,
                "`../up` is not a valid id: ids use lower-case letters, digits and `-`"
            ),
            (
                "data/wins.yaml",
                9,
                11,
                "a win in the future: 2026-11-21 is after today (2026-11-20)"
            ),
            ("data/wins.yaml", 10, 12, "the win's title is empty"),
            (
                "data/wins.yaml",
                11,
                15,
                "there is no person with the id `nobody`"
            ),
            (
                "data/wins.yaml",
                12,
                9,
                "the id `ok-one` is already used by the win on line 8"
            ),
        ],
        "{diags:#?}"
    );
    assert!(diags.iter().all(Diagnostic::is_error));
    assert_eq!(
        diags[1].help.as_deref(),
        Some("use lower-case letters, digits and `-`, for example `bad-id`")
    );
    // Wins that could be read are kept; the second `ok-one` is left out.
    let ids: Vec<&str> = wb.wins.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["Bad_Id", "../up", "ok-one"]);
}

#[test]
fn wins_file_shape_problems_are_located_yaml_errors() {
    let cases = [
        // (the win's extra line, line, column, part of the message, help)
        (
            "    titel: x\n",
            5,
            5,
            "unknown field `titel`",
            "did you mean `title`?",
        ),
        (
            "    private: maybe\n",
            5,
            14,
            "invalid boolean",
            "write `true` or `false`",
        ),
        (
            "    seen_by: 42\n",
            5,
            14,
            "expected sequence",
            "this takes a list: put each item on its own line starting with `- `, or write `[first, second]`",
        ),
    ];
    for (extra, line, column, message, help) in cases {
        let text = format!("wins:\n  - id: a\n    date: 2026-11-12\n    title: A\n{extra}");
        let (wb, diags) = with_wins("data", None, Some(&text));
        let e = only(&diags);
        assert_eq!(e.code, "yaml", "{e:#?}");
        assert_eq!(e.file.as_deref(), Some(Path::new("data/wins.yaml")));
        assert_eq!((e.line, e.column), (line, column), "{e:#?}");
        assert!(e.message.contains(message), "{e:#?}");
        assert_eq!(e.help.as_deref(), Some(help), "{e:#?}");
        assert!(wb.wins.is_empty());
    }

    let (_, diags) = with_wins(
        "data",
        None,
        Some("wins:\n  - id: a\n    date: 2026-02-30\n    title: A\n"),
    );
    let e = only(&diags);
    assert_eq!((e.line, e.column), (3, 11));
    assert_eq!(
        e.message,
        "`2026-02-30` is not a date: February 2026 has 28 days"
    );
    assert_eq!(
        e.help.as_deref(),
        Some("the last day of February 2026 is 2026-02-28: check the day")
    );

    // A long or multi-line title or impact is only a warning.
    let long = "x".repeat(141);
    let (wb, diags) = with_wins(
        "data",
        None,
        Some(&format!(
            "wins:\n  - id: a\n    date: 2026-11-12\n    title: {long}\n    impact: \"one\\ntwo\"\n"
        )),
    );
    let found: Vec<(usize, bool, &str)> = diags
        .iter()
        .map(|d| (d.line, d.is_error(), d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (4, false, "the win's title is long for one line"),
            (5, false, "the win's impact is long for one line"),
        ]
    );
    assert_eq!(wb.wins.len(), 1);
}

#[test]
fn a_private_win_is_dropped_from_your_own_copy() {
    let (wb, diags) = with_wins(
        "data",
        None,
        Some(
            "wins:\n  - id: open\n    date: 2026-11-01\n    title: Open news\n  - id: salary\n    date: 2026-11-12\n    title: PRIVATEWIN salary\n    impact: PRIVATEIMPACT\n    private: true\n",
        ),
    );
    assert!(diags.is_empty(), "{diags:#?}");
    assert!(wb.wins[1].private);
    let own = wb.without_private();
    let ids: Vec<&str> = own.wins.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["open"]);
    let json = serde_json::to_string(&own).unwrap();
    assert!(
        !json.contains("PRIVATEWIN") && !json.contains("PRIVATEIMPACT"),
        "{json}"
    );
    // The original is untouched.
    assert_eq!(wb.wins.len(), 2);
}

#[test]
fn news_is_the_newest_win_a_person_has_not_heard() {
    let relationships = "\
people:
  - id: helene
    name: Hélène Cormier
    role: sponsor
    stage: active
    log:
      - date: 2026-10-20
        kind: call
        wins: [pilot]
  - id: gareth
    name: Gareth McNeil
    role: sponsor
";
    let wins = "\
wins:
  - id: review
    date: 2026-06-03
    title: Review
  - id: first-same-day
    date: 2026-11-12
    title: Written first
  - id: pilot
    date: 2026-10-14
    title: Pilot
  - id: second-same-day
    date: 2026-11-12
    title: Written later
    seen_by: [gareth]
  - id: older-unheard
    date: 2026-09-01
    title: Older
";
    let (wb, diags) = with_wins("data", Some(relationships), Some(wins));
    assert!(diags.is_empty(), "{diags:#?}");
    let helene = wb.person("helene").unwrap();
    let gareth = wb.person("gareth").unwrap();
    let news = |p| match wb.news_for(p) {
        News::Unheard(w) => w.id.as_str(),
        other => panic!("{other:?}"),
    };
    // Two wins on the newest day: the one written later in the file is news.
    assert_eq!(news(helene), "second-same-day");
    // Gareth has heard that one (seen_by): the other of the same day is next.
    assert_eq!(news(gareth), "first-same-day");
    let unheard: Vec<&str> = wb
        .unheard_by(helene)
        .iter()
        .map(|w| w.id.as_str())
        .collect();
    assert_eq!(
        unheard,
        [
            "second-same-day",
            "first-same-day",
            "older-unheard",
            "review"
        ],
        "newest first, without the pilot her log shared"
    );

    // Once every win is shared (in the log or seen_by), there is no news.
    let told_all = relationships.replace("wins: [pilot]", "wins: [pilot, review, older-unheard]");
    let wins_seen = wins.replace(
        "title: Written first",
        "title: Written first\n    seen_by: [helene]",
    );
    let wins_seen = wins_seen.replace("seen_by: [gareth]", "seen_by: [gareth, helene]");
    let (wb, diags) = with_wins("data", Some(&told_all), Some(&wins_seen));
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(wb.news_for(wb.person("helene").unwrap()), News::AllHeard);
    assert!(matches!(
        wb.news_for(wb.person("gareth").unwrap()),
        News::Unheard(w) if w.id == "first-same-day"
    ));

    // No wins file, or one with no wins: nothing to report.
    let (wb, _) = with_wins(
        "data",
        Some(
            relationships
                .replace("wins: [pilot]", "summary: x")
                .as_str(),
        ),
        None,
    );
    assert_eq!(wb.news_for(wb.person("helene").unwrap()), News::NoWins);
    let (wb, diags) = with_wins("data", None, Some("wins:\n"));
    assert!(diags.is_empty() && wb.wins.is_empty(), "{diags:#?}");

    // A private win (kept in a --private build) is never the news of a
    // draft: the newest one that is not private is.
    let private_newest = wins.replace(
        "title: Written later",
        "title: Written later\n    private: true",
    );
    let (wb, diags) = with_wins("data", Some(relationships), Some(&private_newest));
    assert!(diags.is_empty(), "{diags:#?}");
    let helene = wb.person("helene").unwrap();
    assert!(wb.wins.iter().any(|w| w.private));
    assert!(
        matches!(wb.news_for(helene), News::Unheard(w) if w.id == "first-same-day"),
        "{:?}",
        wb.news_for(helene)
    );
    // Only private wins: as if there were none.
    let only_private =
        "wins:\n  - id: raise\n    date: 2026-10-01\n    title: A raise\n    private: true\n";
    let no_log_wins = relationships.replace("wins: [pilot]", "summary: x");
    let (wb, diags) = with_wins("data", Some(&no_log_wins), Some(only_private));
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(wb.news_for(wb.person("helene").unwrap()), News::NoWins);
}

#[test]
fn a_broken_wins_file_does_not_make_log_wins_unknown() {
    // The log's `lakehouse-launch` is in the wins file; only the misspelt key is wrong.
    let (_, diags) = with_wins(
        "data",
        Some(ROHAN.replace(", lakehouse-lanch", "").as_str()),
        Some(
            "wins:\n  - id: lakehouse-launch\n    date: 2026-11-12\n    titel: Launched the lakehouse\n",
        ),
    );
    let e = only(&diags);
    assert_eq!(e.file.as_deref(), Some(Path::new("data/wins.yaml")));
    assert!(e.message.contains("unknown field `titel`"), "{e:#?}");
}

#[test]
fn reading_on_after_a_problem_adds_none_of_its_own() {
    let profile_of = |yaml: &str| {
        let mut diags = Diagnostics::new();
        Workbook::from_sources(Some(yaml), None, None, d(TODAY), &mut diags);
        diags.sorted()
    };
    let messages = |diags: &[Diagnostic]| -> Vec<String> {
        diags
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect()
    };
    // Every key of an entry wrong: its two problems, nothing past the end.
    let (_, diags) = people_of("people:\n  - id: [x]\n    role: mentr\n");
    assert_eq!(diags.len(), 2, "{:#?}", messages(&diags));
    assert!(diags.iter().all(|d| d.line <= 3), "{:#?}", messages(&diags));
    // An entry that is not a mapping is one problem.
    let (_, diags) = people_of("people:\n  - just text\n  - id: b\n    name: B\n    role: mentr\n");
    assert_eq!(diags.len(), 2, "{:#?}", messages(&diags));
    // A second document is one problem, not one per key blanked.
    let diags = profile_of("name: Sam\n---\nname: Other\n");
    assert_eq!(diags.len(), 1, "{:#?}", messages(&diags));
    // An alias to an anchor in a key blanked out is not a problem of the file.
    let diags = profile_of("name: &n [1]\nrole: *n\n");
    assert!(
        !diags.iter().any(|d| d.message.contains("alias")),
        "{:#?}",
        messages(&diags)
    );
    // Positions are the file's, far down a long list.
    let mut yaml = String::from("people:\n");
    for i in 0..200 {
        yaml.push_str(&format!("  - id: p{i}\n    name: P\n    role: mentor\n"));
    }
    yaml.push_str("  - id: last\n    name: Last\n    role: mentr\n    stage: activ\n");
    let (_, diags) = people_of(&yaml);
    let at: Vec<(usize, usize)> = diags.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(at, [(604, 11), (605, 12)], "{:#?}", messages(&diags));
}

#[test]
fn a_key_written_twice_in_one_entry_does_not_hide_the_other_entries_problems() {
    let wins = "\
wins:
  - id: Big Win
    date: 2026-01-01
    title: One
    title: Two
  - id: second
    date: 2026-02-30
    title: Three
";
    let people = "\
people:
  - id: ana
    name: Ana
    name: Ana Lima
    role: mentor
  - id: bo
    name: Bo
    role: mentr
";
    let (_, diags) = with_wins("data", Some(people), Some(wins));
    let found: Vec<String> = diags
        .iter()
        .map(|d| format!("{} {}", d.location(), d.message))
        .collect();
    for (at, what) in [
        ("data/wins.yaml:2:9", "`Big Win` is not a valid id"),
        ("data/wins.yaml:5:5", "duplicate mapping key: title"),
        ("data/wins.yaml:7:11", "`2026-02-30` is not a date"),
        ("data/relationships.yaml:4:5", "duplicate mapping key: name"),
        ("data/relationships.yaml:8:11", "mentr"),
    ] {
        assert!(
            found.iter().any(|f| f.starts_with(at) && f.contains(what)),
            "{at} {what}: {found:#?}"
        );
    }
}
