//! Wins, the sponsor brief, `{win}` in sponsor updates and prep cards, built
//! from the repository's own workbook with a wins file of the test's own.

use chrono::NaiveDate;

use careerbook::Options;
use careerbook::audience::Audience;

use crate::common::{Project, careerbook};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

/// A private win's title: it must never leave a default build.
const MARKER: &str = "PRIVATEWINMARKER";

/// Wins for the default workbook's people. Hélène Cormier (an active sponsor)
/// knows `referral-app-review` and `referral-pilot-results` from her log, and
/// `seen-by-helene` from `seen_by`; of the rest, the newest public one is
/// `same-day-second` (written after `same-day-first`, on the same day).
fn wins_file() -> String {
    format!(
        "wins:
  - id: referral-app-review
    date: 2026-06-03
    title: Review win
  - id: referral-pilot-results
    date: 2026-10-14
    title: Pilot win
    impact: Waits fell
  - id: older-unheard
    date: 2026-09-01
    title: Older unheard win
  - id: same-day-first
    date: 2026-11-10
    title: Same day first
  - id: same-day-second
    date: 2026-11-10
    title: Same day second
    impact: Second impact
    seen_by: [colette-arsenault]
  - id: seen-by-helene
    date: 2026-11-30
    title: Newest but Hélène knows
    seen_by: [helene-cormier]
  - id: secret
    date: 2026-12-01
    title: {MARKER} raise
    impact: {MARKER} impact
    private: true
"
    )
}

fn project() -> Project {
    let p = Project::default_workbook();
    p.write("data/wins.yaml", &wins_file());
    p
}

fn options(p: &Project) -> Options {
    Options::new(p.root(), today())
}

fn build(_: &Project, opts: &Options) -> careerbook::BuildReport {
    careerbook::build(opts).unwrap_or_else(|f| panic!("{:#?}", f.diagnostics))
}

/// No draft was left with a `{win}` or `{win_impact}` blank (and so no warning).
fn assert_no_blank_win(report: &careerbook::BuildReport) {
    assert!(
        !report
            .warnings
            .iter()
            .any(|w| w.message.contains("no value for {win")),
        "{:#?}",
        report.warnings
    );
}

/// The part of `html` from the element with `id` to the end of that section.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element with id {id}"));
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

#[test]
fn a_sponsor_update_reports_the_newest_win_they_have_not_heard() {
    let p = project();
    let report = build(&p, &options(&p));
    let html = p.site("relationships.html");
    let draft = section(&html, "draft-helene-cormier-sponsor-keep-informed");
    // Not the newest win (she has seen it), nor the private one, but the
    // later-written of the two on the same day.
    assert!(draft.contains("Same day second"), "{draft}");
    assert!(draft.contains("Second impact"), "{draft}");
    assert!(!draft.contains("Newest but"), "{draft}");
    // Colette has seen `same-day-second`: her newest unheard is the other one.
    let card = section(&html, "prep-colette-arsenault");
    assert!(card.contains("Same day first"), "{card}");
    assert!(!card.contains("Same day second"), "{card}");
    // No warning about {win}: every sponsor's draft is filled.
    assert_no_blank_win(&report);
    // The dashboard counts what each active sponsor has not heard: the six
    // public wins less the three Hélène knows.
    let index = p.site("index.html");
    let wins_card = section(&index, "wins-title");
    assert!(
        wins_card.contains("Hélène Cormier</a>: 3 not heard yet"),
        "{wins_card}"
    );
}

#[test]
fn a_win_without_impact_is_a_blank_like_any_other_and_says_where_to_fix_it() {
    let p = project();
    // Hélène's newest unheard win has no impact: drop `same-day-second`'s.
    p.write(
        "data/wins.yaml",
        &wins_file().replace("    impact: Second impact\n", ""),
    );
    build(&p, &options(&p));
    let html = p.site("relationships.html");
    // The draft's <details>: its summary, body and notes.
    let body = html
        .find("id=\"draft-helene-cormier-sponsor-keep-informed\"")
        .unwrap();
    let start = html[..body].rfind("<summary>").unwrap();
    let draft = &html[start..body + html[body..].find("</details>").unwrap()];
    assert!(draft.contains("{win_impact}</mark>"), "{draft}");
    // Counted in the badge and listed with the other blanks …
    let summary = &draft[..draft.find("</summary>").unwrap()];
    assert!(summary.contains("to fill in</span>"), "{summary}");
    let note = &draft[draft
        .find("class=\"draft-missing\"")
        .expect("a note on what to fill in")..];
    let note = &note[..note.find("</p>").unwrap()];
    assert!(note.contains("win_impact"), "{note}");
    // … and the note says it comes from the win, in the wins file.
    assert!(
        note.contains(
            "the win “Same day second” has no <code>impact:</code> in <code>data/wins.yaml</code>"
        ),
        "{note}"
    );

    // A wins file named `.yml` is named so, in the note and in the warning.
    p.remove("data/wins.yaml");
    p.write(
        "data/wins.yml",
        &wins_file().replace("    impact: Second impact\n", ""),
    );
    let report = build(&p, &options(&p));
    let html = p.site("relationships.html");
    assert!(
        html.contains("has no <code>impact:</code> in <code>data/wins.yml</code>"),
        "the note names data/wins.yml"
    );
    let warning = report
        .warnings
        .iter()
        .find(|w| w.message.contains("which has no impact"))
        .expect("a warning about the win without impact");
    assert_eq!(
        warning.file.as_deref(),
        Some(std::path::Path::new("data/wins.yml")),
        "{warning:?}"
    );
}

#[test]
fn when_a_sponsor_has_heard_every_win_the_draft_says_so() {
    let p = Project::default_workbook();
    p.write(
        "data/wins.yaml",
        "wins:\n  - id: referral-app-review\n    date: 2026-06-03\n    title: Review win\n  - id: referral-pilot-results\n    date: 2026-10-14\n    title: Pilot win\n",
    );
    let report = build(&p, &options(&p));
    let html = p.site("relationships.html");
    let draft = section(&html, "draft-helene-cormier-sponsor-keep-informed");
    assert!(draft.contains("<mark class=\"note\">"), "{draft}");
    assert!(
        draft.contains("nothing new for Hélène: they know every win in your wins file"),
        "{draft}"
    );
    assert!(!draft.contains("{win}"), "no blank is left: {draft}");
    assert_no_blank_win(&report);
}

#[test]
fn the_brief_has_the_ambition_and_the_five_newest_public_wins() {
    let p = project();
    build(&p, &options(&p));
    let brief = p.site("brief.html");
    assert!(brief.contains("A design manager role within two years"));
    assert_eq!(brief.matches("class=\"brief-win-title\"").count(), 5);
    let newest = brief
        .find("Newest but Hélène knows")
        .expect("the newest win");
    let oldest_shown = brief.find("Older unheard win").expect("the fifth");
    assert!(newest < oldest_shown, "newest first");
    assert!(!brief.contains("Review win"), "only the five newest");
    // Who else can vouch: active people, sponsors first; no prospect.
    let vouch = section(&brief, "brief-vouch");
    let helene = vouch.find("Hélène Cormier").unwrap();
    let colette = vouch.find("Colette Arsenault").unwrap();
    assert!(helene < colette, "{vouch}");
    assert!(!vouch.contains("Daniel Whitford"), "a prospect: {vouch}");
    // Linked from the dashboard, and in the print page.
    assert!(p.site("index.html").contains("href=\"brief.html\""));
    assert!(p.site("print.html").contains("id=\"print-brief\""));
}

#[test]
fn a_private_win_is_only_in_a_private_build_and_never_on_the_brief() {
    let p = project();
    build(&p, &options(&p));
    for (file, bytes) in p.snapshot_site() {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(MARKER),
            "a private win is in {file}"
        );
    }
    let private = Options {
        audience: Audience::Private,
        ..options(&p)
    };
    build(&p, &private);
    let html = p.site("relationships.html");
    // Your private copy shows it among your wins…
    assert!(html.contains(MARKER) || p.site("index.html").contains(MARKER));
    // …but a draft, written to someone else, never carries it: the newest
    // public win they have not heard is the news, as in a default build.
    let draft = section(&html, "draft-helene-cormier-sponsor-keep-informed");
    assert!(!draft.contains(MARKER), "{draft}");
    assert!(draft.contains("Same day second"), "{draft}");
    // Nor does the brief, which is made to hand over.
    assert!(!p.site("brief.html").contains(MARKER));
    let print = p.site("print.html");
    assert!(!section(&print, "print-brief").contains(MARKER));
}

#[test]
fn prep_cards_for_people_in_touch_with_questions_by_role_and_stage() {
    let p = project();
    build(&p, &options(&p));
    let html = p.site("relationships.html");
    // Contacted, active and dormant people have a card; prospects do not.
    for id in [
        "colette-arsenault",
        "helene-cormier",
        "priya-natarajan",
        "gareth-mcneil",
    ] {
        assert!(html.contains(&format!("id=\"prep-{id}\"")), "{id}");
    }
    for id in ["daniel-whitford", "lucie-leblanc"] {
        assert!(!html.contains(&format!("id=\"prep-{id}\"")), "{id}");
    }
    let card = section(&html, "prep-colette-arsenault");
    // The last conversation is the latest log entry, and the step due on
    // 3 December is a day late on the 4th.
    assert!(card.contains("2026-11-05"), "{card}");
    assert!(card.contains("(1 day overdue)"), "{card}");
    assert!(card.contains("design leadership"), "her areas: {card}");
    // Three questions, each from the bank's group for an active mentor.
    let bank =
        std::fs::read_to_string(p.root().join("content/preparing-a-conversation.md")).unwrap();
    let group = |id: &str| -> String {
        let start = bank.find(&format!("{{#{id}}}")).expect("the group");
        let rest = &bank[start..];
        rest[..rest[3..].find("\n#").map_or(rest.len(), |e| e + 3)].to_string()
    };
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let questions = &card[card.find("class=\"prep-questions\"").expect("questions")..];
    let asked: Vec<&str> = questions
        .split("<li>")
        .skip(1)
        .map(|q| q.split("</li>").next().unwrap())
        .collect();
    assert_eq!(asked.len(), 3, "{questions}");
    let mentor_active = plain(&group("ask-mentor-active"));
    let sponsor_active = plain(&group("ask-sponsor-active"));
    for q in &asked {
        let q = plain(&q.replace("&#39;", "'"));
        assert!(
            mentor_active.contains(&q),
            "{q} is not an active mentor's question"
        );
        assert!(!sponsor_active.contains(&q), "{q}");
    }
    // A sponsor's card draws from the sponsors' group.
    let card = section(&html, "prep-helene-cormier");
    let first = card
        .split("class=\"prep-questions\"")
        .nth(1)
        .and_then(|q| q.split("<li>").nth(1))
        .and_then(|q| q.split("</li>").next())
        .expect("a question");
    assert!(
        sponsor_active.contains(&plain(&first.replace("&#39;", "'"))),
        "{first}"
    );

    // The check-in's calendar event carries the card's short form.
    let ics = p.site("followups.ics").replace("\r\n ", "");
    let event = ics
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("UID:check-in.colette-arsenault"))
        .expect("Colette's check-in");
    assert!(
        event.contains("Your next step: Send her the outline"),
        "{event}"
    );
    assert_eq!(event.matches("\\nAsk: ").count(), 3, "{event}");
    // When the last conversation was, not what was said: a calendar is
    // often shared or synced to a work account. A private build has it.
    assert!(event.contains("Last time ("), "{event}");
    assert!(!event.contains("Sent her the results"), "{event}");
    let mut opts = options(&p);
    opts.audience = careerbook::audience::Audience::Private;
    build(&p, &opts);
    let ics = p.site("followups.ics").replace("\r\n ", "");
    assert!(ics.contains("Sent her the results"), "{ics}");
}

#[test]
fn a_wins_file_with_problems_names_each_one() {
    let p = Project::default_workbook();
    p.write(
        "data/wins.yaml",
        "wins:\n  - id: a\n    date: 2026-01-01\n    title: A\n    seen_by: [helene-cormer]\n  - id: a\n    date: 2027-01-01\n    title: Again\n",
    );
    let out = careerbook()
        .args(["check", "--today", "2026-12-04"])
        .arg(p.root())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("there is no person with the id `helene-cormer`"),
        "{err}"
    );
    assert!(err.contains("did you mean `helene-cormier`?"), "{err}");
    assert!(err.contains("data/wins.yaml:5:"), "{err}");
    assert!(
        err.contains("the id `a` is already used by the win on line 2"),
        "{err}"
    );
    assert!(err.contains("a win in the future"), "{err}");
}

#[cfg(feature = "pdf")]
mod pdf {
    use super::*;
    use crate::pdf::{pdf_text, poppler};

    fn pdf(p: &Project, args: &[&str]) -> (bool, Vec<u8>, String) {
        let out_file = p.root().join("out.pdf");
        let _ = std::fs::remove_file(&out_file);
        let out = careerbook()
            .arg("pdf")
            .arg(p.root())
            .args(["--today", "2026-12-04", "-o"])
            .arg(&out_file)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            std::fs::read(&out_file).unwrap_or_default(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn pages(bytes: &[u8]) -> usize {
        let f = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
        std::fs::write(f.path(), bytes).unwrap();
        let out = std::process::Command::new("pdfinfo")
            .arg(f.path())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap()
    }

    #[test]
    fn the_brief_is_one_page_with_public_wins_only() {
        if !poppler() {
            return;
        }
        let p = project();
        let (ok, bytes, err) = pdf(&p, &["--brief"]);
        assert!(ok, "{err}");
        assert_eq!(pages(&bytes), 1);
        let text = pdf_text(&bytes);
        assert!(
            text.contains("A design manager role within two years"),
            "{text}"
        );
        assert!(text.contains("Newest but Hélène knows"), "{text}");
        assert!(!text.contains(MARKER), "{text}");
        // Even from a private build: the brief is made to hand over.
        let (ok, bytes, err) = pdf(&p, &["--brief", "--private"]);
        assert!(ok, "{err}");
        assert!(!pdf_text(&bytes).contains(MARKER));

        // A blank one, to fill in by hand: one page, no one's name.
        let (ok, bytes, err) = pdf(&p, &["--brief", "--blank"]);
        assert!(ok, "{err}");
        assert_eq!(pages(&bytes), 1);
        assert!(!pdf_text(&bytes).contains("Nadia"));
    }

    #[test]
    fn a_brief_too_long_for_one_page_is_an_error_saying_what_to_shorten() {
        let p = Project::default_workbook();
        let long = "A result described at far too great a length ".repeat(40);
        let wins: String = (1..=5)
            .map(|i| {
                format!(
                    "  - id: w{i}\n    date: 2026-0{i}-01\n    title: {long}\n    impact: {long}\n"
                )
            })
            .collect();
        p.write(
            "data/wins.yaml",
            &format!("wins:\n  - id: referral-app-review\n    date: 2026-06-03\n    title: R\n  - id: referral-pilot-results\n    date: 2026-10-14\n    title: P\n{wins}"),
        );
        let (ok, bytes, err) = pdf(&p, &["--brief"]);
        assert!(!ok);
        assert!(bytes.is_empty(), "nothing written");
        assert!(err.contains("the sponsor brief runs to"), "{err}");
        assert!(
            err.contains("shorten what is long in data/profile.yaml and data/wins.yaml: each win's title and impact to a line"),
            "{err}"
        );
        assert!(err.contains("--> data/profile.yaml"), "{err}");
    }

    #[test]
    fn the_workbook_pdf_has_prep_cards_and_no_private_win() {
        if !poppler() {
            return;
        }
        let p = project();
        let (ok, bytes, err) = pdf(&p, &[]);
        assert!(ok, "{err}");
        let text = pdf_text(&bytes);
        assert!(text.contains("Before you next talk"), "a prep card");
        assert!(text.contains("Your sponsor brief"));
        assert!(!text.contains(MARKER));
        let (ok, bytes, err) = pdf(&p, &["--private"]);
        assert!(ok, "{err}");
        assert!(
            pdf_text(&bytes).contains(MARKER),
            "news to share, in a private copy"
        );
    }
}

#[test]
fn each_members_brief_is_made_from_that_members_wins_only() {
    let p = Project::from_fixture("cohort");
    p.write(
        "data/people/ana-lima/wins.yaml",
        "wins:\n  - id: tidy-backlog\n    date: 2026-10-01\n    title: ANAWINMARKER shipped\n",
    );
    p.write(
        "book.toml",
        &format!(
            "{}\n[cohort]\nshow-names = true\n",
            std::fs::read_to_string(p.root().join("book.toml")).unwrap()
        ),
    );
    p.build_ok();
    assert!(
        p.members("ana-lima/brief.html")
            .contains("ANAWINMARKER shipped")
    );
    for (file, bytes) in p
        .snapshot_site()
        .into_iter()
        .chain(p.snapshot("members/ben-okafor"))
    {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("ANAWINMARKER"),
            "Ana's win is in {file}"
        );
    }
    // The report counts wins, never their text.
    let report = p.members("cohort.html");
    assert!(
        report.contains("keeps a wins file, with 1 win logged"),
        "{report}"
    );
    assert!(!report.contains("ANAWINMARKER"));
}
