//! The personal workbook on a fixture with a fixed `--today`: dashboard verdicts,
//! drafts, the calendar, privacy, and hostile strings coming out as text.

use crate::common::Project;

const PROFILE: &str = "\
name: Avery Tremblay
region: quebec
plan_start: 2026-03-02
goals:
  - Lead a cross-team project
ambitions:
  - Run a product group
";

const PEOPLE: &str = "\
people:
  - id: mina-osei
    name: Mina Osei
    role: mentor
    stage: active
    email: mina@example.org
    cadence_days: 30
    last_contact: 2026-09-01
    outreach:
      topic: hiring well
    log:
      - date: 2026-09-01
        kind: coffee
        summary: Talked about hiring.
  - id: raj-patel
    name: Raj Patel
    role: sponsor
    stage: prospect
    email: raj@example.org
    next_step: Ask for 20 minutes after the budget review
    next_step_due: 2026-12-01
";

fn personal() -> Project {
    let p = Project::default_workbook();
    p.write("data/profile.yaml", PROFILE);
    p.write("data/relationships.yaml", PEOPLE);
    // The sample's wins name the sample's people, whom PEOPLE replaces.
    p.write("data/wins.yaml", "wins: []\n");
    p.write(
        "data/progress.yaml",
        "done:\n  plan-m1-write-goals: 2026-03-05\n",
    );
    p
}

#[test]
fn dashboard_verdicts_and_actions_follow_the_data() {
    let p = personal();
    p.build_ok();
    let index = p.site("index.html");
    assert!(index.contains(">Your dashboard<"), "{index}");
    // One active mentor, no active sponsor.
    assert!(index.contains("One active mentor"), "{index}");
    assert!(index.contains("You have no active sponsor yet — see <a href=\"sponsors/finding-sponsors.html\">Finding sponsors</a>"), "{index}");
    // Mina: last contact 2026-09-01 + 30 days = 2026-10-01, overdue by 54 days on 2026-11-24.
    assert!(
        index.contains(
            "Check in with Mina Osei</a> <span class=\"action-when overdue\">54 days overdue</span>"
        ),
        "{index}"
    );
    assert!(index.contains("Next step with Raj Patel: Ask for 20 minutes after the budget review</a> <span class=\"action-when\">by 1 December 2026</span>"), "{index}");
    // Reciprocity: Mina has a log but never gave back.
    assert!(
        index.contains("<a href=\"relationships.html#person-mina-osei\">Mina Osei</a>"),
        "{index}"
    );
    // Plan started 2026-03-02: 2026-11-24 is in months 9–12.
    assert!(index.contains("Months 9–12"), "{index}");
}

#[test]
fn giving_back_praises_only_when_someone_has_had_something_back() {
    let giving = |p: &Project| {
        let index = p.site("index.html");
        let start = index.find("id=\"reciprocity-title\"").expect("the card");
        let end = start + index[start..].find("</section>").unwrap();
        index[start..end].to_string()
    };
    let p = personal();
    // Mina has only taken: she is listed, alone, so in the singular.
    p.build_ok();
    assert!(giving(&p).contains("Mina Osei"), "{}", giving(&p));
    assert!(
        giving(&p).contains("You have only taken from this person so far."),
        "{}",
        giving(&p)
    );
    let fr = p.site("fr/index.html");
    assert!(
        fr.contains("cette personne vous a apporté de l’aide"),
        "{fr}"
    );
    // Nobody tracked: no praise for giving back to no one.
    p.write("data/relationships.yaml", "people: []\n");
    p.build_ok();
    let card = giving(&p);
    assert!(card.contains("Nothing to show yet"), "{card}");
    assert!(!card.contains("Keep it up"), "{card}");
    // Mina gave back once: now the praise is earned.
    p.write(
        "data/relationships.yaml",
        &PEOPLE.replace(
            "summary: Talked about hiring.",
            "summary: Talked about hiring.\n        gave: true",
        ),
    );
    p.build_ok();
    assert!(giving(&p).contains("Keep it up"), "{}", giving(&p));
}

/// Once the plan's 12 months are over, the timeline says so and how to plan
/// another year; during them, it does not.
#[test]
fn a_plan_whose_year_is_over_says_so_under_the_timeline() {
    let p = personal();
    p.build_ok();
    assert!(!p.site("index.html").contains("timeline-ended"));
    // Started 2025-09-15: its last day was 2026-09-14, before 2026-11-24.
    p.write(
        "data/profile.yaml",
        &PROFILE.replace("plan_start: 2026-03-02", "plan_start: 2025-09-15"),
    );
    p.build_ok();
    for page in ["index.html", "progress.html"] {
        let html = p.site(page);
        assert!(
            html.contains(
                "Your 12 months ended on 14 September 2026. Look back at what the year \
                 brought you, then plan the next one: set <code>plan_start:</code> in \
                 <code>data/profile.yaml</code> to the day it begins."
            ),
            "{page}: {html}"
        );
    }
    let fr = p.site("fr/index.html").replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        fr.contains("Vos 12 mois ont pris fin le 14 septembre 2026."),
        "{fr}"
    );
    // The timeline's counts are the year's, said as such: Mina's check-in,
    // due after it, is on the dashboard, not in them.
    let index = p.site("index.html");
    assert!(
        index.contains(
            "The plan’s 12 months are over; in them, 1 logged interaction (0 where you gave back)."
        ),
        "{index}"
    );
    assert!(!index.contains("upcoming check-in"), "{index}");
    // The timeline's table says a mark as its tooltip does, in the page's
    // language.
    let progress = p.site("progress.html");
    assert!(
        progress.contains("<td>Mina Osei: coffee. Talked about hiring.</td>"),
        "{progress}"
    );
    let fr = p.site("fr/progress.html");
    assert!(
        fr.contains("<td>Mina Osei\u{a0}: coffee. Talked about hiring.</td>"),
        "{fr}"
    );
}

/// A next step past its due date is marked late where people are listed, as
/// the dashboard and the prep card mark it.
#[test]
fn an_overdue_next_step_is_marked_in_the_tracker_and_the_card() {
    let p = personal();
    p.build_ok();
    assert!(!p.site("relationships.html").contains(">4 days overdue"));
    p.write(
        "data/relationships.yaml",
        &PEOPLE.replace("next_step_due: 2026-12-01", "next_step_due: 2026-11-20"),
    );
    p.build_ok();
    let html = p.site("relationships.html");
    assert!(
        html.contains(
            "(by <time datetime=\"2026-11-20\">20 November 2026</time>)</span> \
             <span class=\"tag tag-overdue\">4 days overdue</span></td>"
        ),
        "the tracker: {html}"
    );
    assert!(
        html.contains("<strong class=\"overdue-text\">(4 days overdue)</strong></dd>"),
        "the card: {html}"
    );
    assert!(p.site("index.html").contains(">4 days overdue<"));
}

/// The brief's page gives the command that typesets it, in the page's
/// language (`careerbook pdf --brief` alone makes the book's first).
#[test]
fn the_brief_gives_the_command_for_its_own_language() {
    let p = personal();
    p.build_ok();
    // The brief's command typesets the brief in the page's language.
    assert!(
        p.site("brief.html")
            .contains("run <code>careerbook pdf --brief --lang en-CA</code>."),
        "{}",
        p.site("brief.html")
    );
    assert!(
        p.site("fr/brief.html")
            .contains("lancez <code>careerbook pdf --brief --lang fr-CA</code>."),
        "{}",
        p.site("fr/brief.html")
    );
}

#[test]
fn drafts_are_filled_per_person_and_blanks_are_marked() {
    let p = personal();
    let report = p.build_ok();
    let rel = p.site("relationships.html");
    // Raj is a sponsor prospect: the strategic-conversation email suits him.
    assert!(
        rel.contains("Request for a strategic conversation"),
        "{rel}"
    );
    assert!(rel.contains("Dear Raj,"), "{rel}");
    // He has no outreach values: his blanks are visible and marked.
    assert!(
        rel.contains("<mark class=\"blank\" title=\"Not in your data yet: topic\">{topic}</mark>"),
        "{rel}"
    );
    // Email drafts get a mailto link with subject and body.
    assert!(rel.contains("href=\"mailto:raj@example.org?subject=20%20minutes%20on%20%7Btopic%7D%3F&amp;body=Dear%20Raj%2C"), "{rel}");
    // And the build warns, naming the person and the field.
    let warning = report
        .warnings
        .iter()
        .find(|d| d.code == "message" && d.message.contains("Raj Patel"))
        .expect("a warning for Raj's blanks");
    assert!(warning.message.contains("topic"), "{warning:?}");
    assert_eq!(
        warning.file.as_deref(),
        Some(std::path::Path::new("data/relationships.yaml"))
    );
}

#[test]
fn checklists_remember_progress_and_the_progress_page_counts_it() {
    let p = personal();
    p.build_ok();
    let plan = p.site("action-plan.html");
    assert!(
        plan.contains("data-task=\"plan-m1-write-goals\" checked>"),
        "{plan}"
    );
    let progress = p.site("progress.html");
    assert!(
        progress.contains("\"done\":{\"plan-m1-write-goals\":\"2026-03-05\"}"),
        "{progress}"
    );
    assert!(
        progress.contains("<span class=\"done-count\">1</span> / 6"),
        "{progress}"
    );
}

#[test]
fn followups_calendar_has_stable_events() {
    let p = personal();
    p.build_ok();
    let ics = p.site("followups.ics");
    let parsed: icalendar::Calendar = ics.parse().expect("the calendar parses");
    let summaries: Vec<String> = parsed
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .filter_map(|e| icalendar::Component::get_summary(e).map(str::to_string))
        .collect();
    assert!(
        summaries.iter().any(|s| s.contains("Mina Osei")),
        "{summaries:?}"
    );
    assert!(
        summaries.iter().any(|s| s.contains("Raj Patel")),
        "{summaries:?}"
    );
    // Mina's check-in is overdue: it lands on today.
    assert!(ics.contains("DTSTART;VALUE=DATE:20261124"), "{ics}");
    assert!(ics.contains("\r\n"), "RFC 5545 lines end with CRLF");
    // Rebuilding on another day keeps the UIDs, so a calendar updates its events.
    let uids = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let mut opts = p.options();
    opts.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    careerbook::build(&opts).unwrap();
    assert_eq!(uids(&ics), uids(&p.site("followups.ics")));
}

/// A unique marker in every private field: none may leave a default build.
#[test]
fn private_data_appears_only_with_private() {
    let p = personal();
    p.write(
        "data/relationships.yaml",
        &format!(
            "{PEOPLE}    notes: SECRET-NOTE-RAJ\n  - id: secret-person\n    name: SECRET-NAME\n    role: sponsor\n    stage: contacted\n    title: SECRET-TITLE\n    organisation: SECRET-ORG\n    email: secret@example.org\n    links: [\"https://example.org/SECRET-LINK\"]\n    areas: [SECRET-AREA]\n    next_step: SECRET-STEP\n    next_step_due: 2026-12-02\n    cadence_days: 10\n    last_contact: 2026-11-20\n    outreach:\n      topic: SECRET-TOPIC\n    log:\n      - date: 2026-11-20\n        kind: call\n        summary: SECRET-LOG\n    notes: SECRET-NOTE-PRIVATE\n    private: true\n"
        ),
    );
    p.build_ok();
    let site = p.snapshot_site();
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("SECRET"), "{path} leaks private data");
        assert!(
            !text.contains("secret-person") && !text.contains("secret@example.org"),
            "{path} leaks a private person"
        );
    }
    // Your own copy is not for publishing either: it names the people you track.
    assert!(p.site("index.html").contains("noindex"));
    assert!(!p.site("index.html").contains("Private copy."));

    let mut opts = p.options();
    opts.audience = careerbook::audience::Audience::Private;
    careerbook::build(&opts).unwrap();
    let rel = p.site("relationships.html");
    for marker in [
        "SECRET-NOTE-RAJ",
        "SECRET-NAME",
        "SECRET-TITLE",
        "SECRET-ORG",
        "SECRET-LINK",
        "SECRET-AREA",
        "SECRET-STEP",
        "SECRET-TOPIC",
        "SECRET-LOG",
        "SECRET-NOTE-PRIVATE",
    ] {
        assert!(
            rel.contains(marker),
            "{marker} missing from the private build"
        );
    }
    assert!(p.site("followups.ics").contains("SECRET-NAME"));
    for (path, bytes) in p.snapshot_site() {
        if path.ends_with(".html") && !path.ends_with("toc.html") && !path.ends_with("404.html") {
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                text.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"),
                "{path} lacks noindex"
            );
            assert!(
                text.contains("class=\"private-banner\""),
                "{path} lacks the banner"
            );
        }
    }
}

#[test]
fn hostile_strings_come_out_as_text() {
    let p = personal();
    let evil =
        r#"<script>alert(1)</script>"><img src=x onerror=alert(2)>{{ profile.name }}{% raw %}"#;
    p.write(
        "data/relationships.yaml",
        &format!(
            "people:\n  - id: evil\n    name: '{0}'\n    role: mentor\n    stage: prospect\n    title: '{0}'\n    organisation: '{0}'\n    areas: ['{0}']\n    next_step: '{0}'\n    outreach:\n      topic: '{0}'\n    log:\n      - date: 2026-11-01\n        kind: '{0}'\n        summary: '{0}'\n",
            evil.replace('\'', "''")
        ),
    );
    p.write(
        "data/profile.yaml",
        &format!(
            "name: '{}'\nplan_start: 2026-03-02\n",
            evil.replace('\'', "''")
        ),
    );
    p.build_ok();
    for (path, bytes) in p.snapshot_site() {
        if !(path.ends_with(".html") || path.ends_with(".js")) || path.starts_with("assets/") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>alert"), "{path} has a live script");
        assert!(!text.contains("<img src=x"), "{path} has a live image tag");
    }
    let rel = p.site("relationships.html");
    assert!(
        rel.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || rel.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{rel}"
    );
    // Template syntax in data is data, never evaluated.
    assert!(p.site("index.html").contains("{{ profile.name }}"));
}

#[test]
fn unsafe_links_and_bad_data_are_located_errors() {
    let p = personal();
    p.write(
        "data/relationships.yaml",
        "people:\n  - id: a\n    name: A\n    role: mentor\n    links: [\"javascript:alert(1)\"]\n  - id: a\n    name: B\n    role: sponsr\n    last_contact: 2026-02-30\n",
    );
    let (diags, text) = p.build_err();
    let at: Vec<_> = diags.iter().map(|d| d.location()).collect();
    assert!(
        at.iter().all(|l| l.starts_with("data/relationships.yaml:")),
        "{text}"
    );
    assert!(text.contains("javascript:"), "{text}");
    assert!(
        text.contains("sponsr") && text.contains("did you mean `sponsor`?"),
        "{text}"
    );
}

#[test]
fn the_sample_workbook_builds_without_a_warning() {
    let p = Project::default_workbook();
    let report = p.build_ok();
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
    // Every draft is filled in: Priya's after-talk note names her challenge.
    let people = p.site("relationships.html");
    assert!(people.contains("letting go of design work I still love doing myself"));
    assert!(
        p.site_exists("relationships.html")
            && p.site_exists("progress.html")
            && p.site_exists("followups.ics")
    );
}

/// `careerbook check` warns at a template of your own that asks for a value
/// no one it suits has (drop the placeholder, or add the value), beside each
/// draft's warning; not at a built-in template, which cannot be changed where
/// it is.
#[test]
fn check_warns_at_your_own_template_when_no_one_it_suits_has_a_value() {
    // A new project: the sample's data on the built-in guide.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("book");
    let init = crate::common::careerbook()
        .arg("init")
        .arg(&root)
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");
    let at_templates = |diags: &[careerbook::Diagnostic]| -> Vec<String> {
        diags
            .iter()
            .filter(|d| d.message.starts_with("no person this template suits"))
            .map(|d| format!("{} {}", d.location(), d.message))
            .collect()
    };
    let diags = careerbook::check::check(&root, crate::common::today(), None);
    assert_eq!(at_templates(&diags), Vec::<String>::new());

    std::fs::create_dir_all(root.join("content/messages")).unwrap();
    std::fs::write(
        root.join("content/messages/book-note.md"),
        "---\ntitle: A note about a book\nmessage:\n  channel: email\n  role: mentor\n  stages: [contacted]\n  placeholders: [first_name, book]\n---\n\nHi {first_name}, have you read {book}?\n",
    )
    .unwrap();
    let diags = careerbook::check::check(&root, crate::common::today(), None);
    assert_eq!(
        at_templates(&diags),
        ["content/messages/book-note.md:2:1 no person this template suits has a value for {book}"]
    );
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("Priya Natarajan") && d.message.contains("{book}")),
        "{diags:?}"
    );
}

// ---------------------------------------------------------------------------
// Checklists: references, retired ids, review periods.

#[test]
fn a_task_is_ticked_once_wherever_it_appears() {
    let p = personal();
    // A tick saved under the id the item had on the sponsors page before it
    // became a reference to the plan's item.
    p.write(
        "data/progress.yaml",
        "done:\n  approach-sponsor-state-ambition: 2026-07-15\n",
    );
    p.build_ok();
    let sponsors = p.site("sponsors/approaching-sponsors.html");
    // The reference draws the plan's box, ticked, and links to it.
    assert!(
        sponsors.contains("<label class=\"task task-ref\"><input type=\"checkbox\" data-task=\"plan-m5-share-ambitions\" checked>"),
        "{sponsors}"
    );
    assert!(
        sponsors.contains("also in <a href=\"../action-plan.html#task-plan-m5-share-ambitions\">Your 12-month plan</a>"),
        "{sponsors}"
    );
    assert!(!sponsors.contains("data-task=\"approach-sponsor-state-ambition\""));
    let plan = p.site("action-plan.html");
    assert!(
        plan.contains("id=\"task-plan-m5-share-ambitions\"><input type=\"checkbox\" data-task=\"plan-m5-share-ambitions\" data-aliases=\"approach-sponsor-state-ambition\" checked>"),
        "{plan}"
    );
    // Counted once, where it is defined: in the plan's rows, not the chapter's.
    let progress = p.site("progress.html");
    let rows: Vec<&str> = progress
        .split("data-tasks=\"")
        .skip(1)
        .map(|r| r.split('"').next().unwrap())
        .collect();
    let holding = |id: &str| {
        rows.iter()
            .filter(|r| r.split(' ').any(|t| t == id))
            .count()
    };
    // One phase row and one chapter row (the plan's) hold it.
    assert_eq!(holding("plan-m5-share-ambitions"), 2, "{rows:?}");
    assert_eq!(holding("approach-sponsor-state-ambition"), 0, "{rows:?}");
    assert!(
        progress.contains("\"done\":{\"plan-m5-share-ambitions\":\"2026-07-15\"}"),
        "{progress}"
    );
    assert!(
        progress.contains("\"approach-sponsor-state-ambition\":\"plan-m5-share-ambitions\""),
        "{progress}"
    );
    // The print page shows the same ticked box, linking within itself.
    let print = p.site("print.html");
    assert!(
        print.contains("data-task=\"plan-m5-share-ambitions\" checked> Tell your manager, and one senior leader"),
        "{print}"
    );
    assert!(print.contains("also in <a href=\"#task-plan-m5-share-ambitions\">"));
    // check says the old id can be renamed, at its line.
    let diags = careerbook::check::check(p.root(), crate::common::today(), None);
    let note = diags
        .iter()
        .find(|d| d.message.contains("retired id"))
        .expect("a note about the retired id");
    assert!(!note.is_error());
    assert_eq!(note.location(), "data/progress.yaml:2:3");
    assert!(
        note.help
            .as_deref()
            .unwrap()
            .contains("rename `approach-sponsor-state-ambition` to `plan-m5-share-ambitions`"),
        "{note:?}"
    );
}

#[test]
fn a_reference_to_an_unknown_id_is_a_located_error_with_a_suggestion() {
    let p = personal();
    p.write(
        "content/extra.md",
        "---\ntitle: Extra\n---\n\n- [ ] Goals again {=plan-m1-write-goal}\n",
    );
    let (diags, text) = p.build_err();
    let d = diags
        .iter()
        .find(|d| d.code == "checklist")
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(d.location(), "content/extra.md:5:19", "{text}");
    assert!(d.message.contains("`{=plan-m1-write-goal}`"), "{text}");
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `{=plan-m1-write-goals}`?")
    );
}

#[test]
fn aliases_must_name_an_item_of_their_page_and_retire_an_unused_id() {
    let p = personal();
    p.write(
        "content/extra.md",
        "---\ntitle: Extra\naliases:\n  old-one: extra-itme\n  plan-m1-write-goals: extra-item\n---\n\n- [ ] Item {#extra-item}\n",
    );
    let (diags, text) = p.build_err();
    let found = |part: &str| {
        diags
            .iter()
            .find(|d| d.message.contains(part))
            .unwrap_or_else(|| panic!("no {part:?} in {text}"))
    };
    let wrong = found("`extra-itme`, which is not a checklist item of this page");
    assert_eq!(wrong.location(), "content/extra.md:4:12");
    assert_eq!(wrong.help.as_deref(), Some("did you mean `extra-item`?"));
    let used = found("an item still has that id");
    assert_eq!(used.location(), "content/extra.md:5:24");
}

#[test]
fn review_checklists_fall_due_again() {
    let p = personal();
    p.write(
        "data/progress.yaml",
        "done:\n  mistakes-mentor-search-engine: 2026-05-20\n  mistakes-sponsor-confused-roles: 2026-11-02\n",
    );
    p.build_ok();
    let page = p.site("mistakes-to-avoid.html");
    // 2026-05-20 is more than 90 days before 2026-11-24: due again, unticked.
    assert!(
        page.contains(
            "data-task=\"mistakes-mentor-search-engine\" data-fresh-after=\"2026-08-26\">"
        ),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"due-again\">due again, last done <time datetime=\"2026-05-20\">20 May 2026</time></span>"),
        "{page}"
    );
    assert!(
        page.contains("data-task=\"mistakes-sponsor-confused-roles\" checked>"),
        "{page}"
    );
    // Counted as not done; the data keeps the last date for an export.
    let progress = p.site("progress.html");
    assert!(
        progress.contains("<span class=\"done-count\">1</span> / 10"),
        "{progress}"
    );
    assert!(
        progress.contains("\"due\":{\"mistakes-mentor-search-engine\":\"2026-08-26\"}"),
        "{progress}"
    );
    assert!(
        progress.contains("\"mistakes-mentor-search-engine\":\"2026-05-20\""),
        "{progress}"
    );
    // The dashboard lists it with the last date.
    let index = p.site("index.html");
    assert!(
        index.contains("<li class=\"action action-review\"><a href=\"mistakes-to-avoid.html#task-mistakes-mentor-search-engine\">"),
        "{index}"
    );
    assert!(
        index.contains("<span class=\"action-when\">last done 20 May 2026</span>"),
        "{index}"
    );
}

#[test]
fn pages_greet_by_first_name_and_write_dates_in_words() {
    let p = personal();
    p.build_ok();
    let index = p.site("index.html");
    assert!(index.contains("Welcome, Avery."), "{index}");
    assert!(!index.contains("Welcome, Avery Tremblay"), "{index}");
    assert!(
        index.contains("Your plan started on 2 March 2026."),
        "{index}"
    );
    assert!(
        p.site("action-plan.html")
            .contains("Your plan began on 2 March 2026."),
    );
}

#[test]
fn the_reconnection_draft_says_where_you_met() {
    let p = personal();
    p.write(
        "data/relationships.yaml",
        "people:\n  - id: gil\n    name: Gil Roy\n    role: sponsor\n    stage: dormant\n    met: the alumni reception in Halifax\n",
    );
    p.build_ok();
    let rel = p.site("relationships.html");
    assert!(
        rel.contains("We met at the alumni reception in Halifax, and"),
        "{rel}"
    );
}

#[test]
fn a_ticked_item_says_when_in_words_with_the_date_for_machines() {
    let p = Project::default_workbook();
    p.build_ok();
    let plan = p.site("action-plan.html");
    assert!(
        plan.contains(
            "class=\"done-on\">done <time datetime=\"2026-02-05\">5 February 2026</time>"
        ),
        "{plan}"
    );
    let fr = p.site("fr/action-plan.html");
    assert!(
        fr.contains("<time datetime=\"2026-02-05\">5 février 2026</time>"),
        "{fr}"
    );
}

#[test]
fn a_person_s_drafts_with_blanks_make_one_warning() {
    let p = Project::default_workbook();
    p.write(
        "data/relationships.yaml",
        "people:\n  - id: marcus\n    name: Marcus Lee\n    role: sponsor\n    stage: active\n    email: marcus@example.org\n",
    );
    p.write("data/wins.yaml", "wins: []\n");
    let report = p.build_ok();
    let about: Vec<&str> = report
        .warnings
        .iter()
        .filter(|w| w.code == "message" && w.message.contains("Marcus Lee"))
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(about.len(), 1, "{about:#?}");
    assert!(
        about[0].starts_with("2 drafts for Marcus Lee (“"),
        "{about:#?}"
    );
    assert!(
        about[0].ends_with("have no value for {project}, {result}, {new_role}"),
        "{about:#?}"
    );
}
