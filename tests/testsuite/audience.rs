//! Who a build is for: your own copy (the default), `--private` and `--public`,
//! and what each may show in every output file.

use crate::common::{Project, careerbook, today};

fn run(cmd: &mut std::process::Command) -> (i32, String) {
    let out = cmd.output().expect("careerbook runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What identifies the people the sample workbook tracks: names, email
/// addresses, the longer texts of their history, private notes.
fn tracked(p: &Project) -> Vec<String> {
    let mut diags = careerbook::Diagnostics::new();
    let project =
        careerbook::load::load(p.root(), today(), &mut diags).expect("the workbook loads");
    let mut out = Vec::new();
    for person in &project.workbook.people {
        out.push(person.name.clone());
        out.extend(person.email.clone());
        out.extend(person.notes.clone());
        out.extend(
            person
                .log
                .iter()
                .filter_map(|e| e.summary.clone())
                .filter(|s| s.chars().count() >= 24),
        );
    }
    assert!(out.len() > 10, "the sample workbook tracks people: {out:?}");
    out
}

fn html_pages(files: &[(String, Vec<u8>)]) -> impl Iterator<Item = (&str, String)> {
    files
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.as_str(), String::from_utf8_lossy(bytes).into_owned()))
}

#[test]
fn your_own_copy_is_the_default_and_every_page_says_it_is_not_for_publishing() {
    let p = Project::default_workbook();
    let (code, stderr) = run(careerbook()
        .args(["build", "--today", "2026-11-24"])
        .arg(p.root()));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("not for publishing (--public builds one for the web)"),
        "{stderr}"
    );
    let site = p.snapshot_site();
    // (404.html and toc.html, the contents' frame, are never indexed.)
    for (path, html) in html_pages(&site)
        .filter(|(path, _)| !(path.ends_with("404.html") || path.ends_with("toc.html")))
    {
        assert!(
            html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"),
            "{path} may be indexed"
        );
        // In the page's language: the note is the same element in each.
        assert!(
            html.contains("<p class=\"audience-note\">"),
            "{path} does not say so"
        );
        assert!(!html.contains("class=\"private-banner\""), "{path}");
    }
    // The people you work with, their drafts and the calendar are there; notes are not.
    assert!(p.site("relationships.html").contains("Owen Fraser"));
    assert!(p.site_exists("followups.ics"));
    assert!(!p.site("relationships.html").contains("Private notes:"));
}

#[test]
fn a_public_build_shows_no_one_you_track_in_any_file() {
    let p = Project::default_workbook();
    let (code, stderr) = run(careerbook()
        .args(["build", "--public", "--today", "2026-11-24"])
        .arg(p.root()));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("for the web: no name or email address of anyone you track is in it"),
        "{stderr}"
    );
    let site = p.snapshot_site();
    // Every file: pages, print page, search index, scripts.
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes);
        for t in tracked(&p) {
            assert!(!text.contains(t.as_str()), "site/{path} shows `{t}`");
        }
        // Your own profile only when you ask for it.
        assert!(
            !text.contains("Nadia Boudreau"),
            "site/{path} shows the profile"
        );
    }
    assert!(!p.site_exists("relationships.html"), "no tracker");
    assert!(!p.site_exists("followups.ics"), "no calendar");
    for (path, html) in html_pages(&site)
        .filter(|(path, _)| !(path.ends_with("404.html") || path.ends_with("toc.html")))
    {
        assert!(!html.contains("noindex"), "{path} is for the web");
        assert!(!html.contains("<p class=\"audience-note\">"), "{path}");
    }
    // Your progress and plan are there, without the relationship cards.
    let home = p.site("index.html");
    assert!(home.contains("checklist items done"), "{home}");
    assert!(home.contains("class=\"timeline"), "{home}");
    assert!(!home.contains("Mentors and sponsors"), "{home}");
    assert!(!home.contains("Next actions"), "{home}");
    assert!(p.site_exists("progress.html"));

    // Opting in shows the profile, and still no one else.
    p.write(
        "book.toml",
        &(std::fs::read_to_string(p.root().join("book.toml")).unwrap()
            + "\n[public]\nshow-profile = true\n"),
    );
    let (code, stderr) = run(careerbook()
        .args(["build", "--public", "--today", "2026-11-24"])
        .arg(p.root()));
    assert_eq!(code, 0, "{stderr}");
    // The summary says what of yours went on the web.
    let yours = "for the web: no name or email address of anyone you track is in it; your profile (not your email address) and 7 wins are ([public] show-profile)";
    assert!(stderr.contains(yours), "{stderr}");
    // `check --audience public` says it before the build, with the page count.
    let (code, checked) = run(careerbook()
        .args(["check", "--audience", "public", "--today", "2026-11-24"])
        .arg(p.root()));
    assert_eq!(code, 0, "{checked}");
    assert!(checked.contains(yours), "{checked}");
    let built: usize = stderr
        .split("Built ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no page count in {stderr}"));
    assert!(
        checked.contains(&format!(
            "`careerbook build --public` would make {built} pages — "
        )),
        "{built} pages built: {checked}"
    );
    // Without an audience, `check` says nothing of a build.
    let (_, plain) = run(careerbook()
        .args(["check", "--today", "2026-11-24"])
        .arg(p.root()));
    assert!(!plain.contains("would make"), "{plain}");
    assert!(p.site("index.html").contains("Nadia"));
    assert!(!p.site_exists("relationships.html"));
    // Your email address stays off the web, where it would be collected.
    for (path, bytes) in p.snapshot_site() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("nadia.boudreau@"), "site/{path}");
    }
    assert!(p.site("brief.html").contains("Nadia Boudreau"));
}

#[cfg(feature = "pdf")]
#[test]
fn a_public_pdf_shows_no_one_you_track_and_your_own_copy_says_what_it_is() {
    if !crate::pdf::poppler() {
        return;
    }
    let p = Project::default_workbook();
    let pdf = p.root().join("public.pdf");
    let (code, stderr) = run(careerbook()
        .args(["pdf", "--public", "--today", "2026-11-24", "--out"])
        .arg(&pdf)
        .arg(p.root()));
    assert_eq!(code, 0, "{stderr}");
    let text = crate::pdf::pdf_text(&std::fs::read(&pdf).unwrap());
    assert!(text.contains("checklist items done"), "{text}");
    for t in tracked(&p) {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(!text.contains(&t), "the public PDF shows `{t}`");
    }
    assert!(!text.contains("Not for publishing"));
    let own = p.root().join("own.pdf");
    let (code, stderr) = run(careerbook()
        .args(["pdf", "--today", "2026-11-24", "--out"])
        .arg(&own)
        .arg(p.root()));
    assert_eq!(code, 0, "{stderr}");
    let text = crate::pdf::pdf_text(&std::fs::read(&own).unwrap());
    assert!(text.contains("Owen Fraser"));
    assert!(
        text.contains("Your own copy: it names the people you work with. Not for publishing."),
        "{text}"
    );
}

#[test]
fn public_and_private_together_is_a_usage_error() {
    let p = Project::default_workbook();
    for cmd in ["build", "pdf"] {
        let (code, stderr) = run(careerbook()
            .args([cmd, "--public", "--private"])
            .arg(p.root()));
        assert_eq!(code, 2, "{cmd}: {stderr}");
        assert!(stderr.contains("cannot be used with"), "{stderr}");
    }
    let (code, stderr) = run(careerbook()
        .args(["pdf", "--public", "--blank"])
        .arg(p.root()));
    assert_eq!(code, 2, "{stderr}");
    let (code, stderr) = run(careerbook()
        .args(["check", "--audience", "everyone"])
        .arg(p.root()));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("possible values: private, personal, public"),
        "{stderr}"
    );
}

#[test]
fn a_page_that_names_someone_you_track_fails_a_public_build_and_check_says_where() {
    let p = Project::default_workbook();
    p.build_ok();
    let good = p.snapshot_site();
    p.write(
        "content/thanks.md",
        "---\ntitle: Thanks\norder: 99\n---\nWith thanks to OWEN FRASER and to\nHelene Cormier.\n",
    );
    // (Written in capitals, and without the accents their entries have.)
    // Your own copy may name them.
    let checked = careerbook::check::check(p.root(), today(), None);
    assert!(!checked.iter().any(|d| d.code == "audience"), "{checked:?}");
    // For the web, each is reported at their entry in relationships.yaml.
    let checked = careerbook::check::check(
        p.root(),
        today(),
        Some(careerbook::audience::Audience::Public),
    );
    let found: Vec<String> = checked
        .iter()
        .filter(|d| d.code == "audience")
        .map(|d| format!("{} {}", d.location(), d.message))
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("data/relationships.yaml:50:1 "),
        "{found:#?}"
    );
    assert!(
        found[0].contains("the name `Owen Fraser` is in `print.html`, `thanks.html`, `search/"),
        "{found:#?}"
    );
    assert!(found[1].contains("`Hélène Cormier`"), "{found:#?}");
    // The help names the page of the project to change, not only the output.
    let helps: Vec<&str> = checked
        .iter()
        .filter(|d| d.code == "audience")
        .filter_map(|d| d.help.as_deref())
        .collect();
    assert!(
        helps.iter().all(|h| h.starts_with(
            "it is written in `content/thanks.md`; a public build shows no other person"
        )),
        "{helps:#?}"
    );
    let (code, stderr) = run(careerbook()
        .args(["build", "--public", "--today", "2026-11-24"])
        .arg(p.root()));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("a public build would publish a person you track"),
        "{stderr}"
    );
    assert_eq!(p.snapshot_site(), good, "the last good site stays");
}

#[test]
fn a_name_a_page_breaks_across_lines_or_joins_with_a_no_break_space_is_found() {
    let p = Project::default_workbook();
    // Without the search index, whose text has single spaces, only the
    // pages show the names.
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    p.write(
        "book.toml",
        &toml.replacen("[output.html]\n", "[output.html]\nsearch = false\n", 1),
    );
    p.write(
        "content/thanks.md",
        "---\ntitle: Thanks\norder: 99\n---\nCoffee with Owen\nFraser, and with Hélène&nbsp;Cormier.\n",
    );
    let checked = careerbook::check::check(
        p.root(),
        today(),
        Some(careerbook::audience::Audience::Public),
    );
    let found: Vec<&str> = checked
        .iter()
        .filter(|d| d.code == "audience")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].contains("`Owen Fraser` is in `print.html`, `thanks.html`"),
        "{found:#?}"
    );
    assert!(
        found[1].contains("`Hélène Cormier` is in `print.html`, `thanks.html`"),
        "{found:#?}"
    );
}

#[test]
fn a_workbook_with_no_personal_data_is_built_for_the_web() {
    // An organization's guide from an empty data/: nothing to keep off the web.
    let p = Project::default_workbook();
    p.remove("data");
    let (code, stderr) = run(careerbook()
        .args(["build", "--today", "2026-11-24"])
        .arg(p.root()));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("for the web: it holds no personal data"),
        "{stderr}"
    );
    for (path, html) in html_pages(&p.snapshot_site())
        .filter(|(path, _)| !(path.ends_with("404.html") || path.ends_with("toc.html")))
    {
        assert!(!html.contains("noindex"), "{path}");
        assert!(!html.contains("<p class=\"audience-note\">"), "{path}");
    }
}

#[test]
fn a_cohorts_guide_that_names_a_member_fails_and_check_says_so_once() {
    let p = Project::from_fixture("cohort");
    p.write(
        "content/thanks.md",
        "---\ntitle: Thanks\norder: 99\n---\nWith thanks to Ana Lima.\n",
    );
    let (diags, text) = p.build_err();
    assert!(
        diags.iter().any(|d| d.code == "audience"
            && d.location() == "data/people/ana-lima/profile.yaml:1:1"
            && d.message.contains("the member's name `Ana Lima` is in")),
        "{text}"
    );
    for audience in [None, Some(careerbook::audience::Audience::Public)] {
        let checked = careerbook::check::check(p.root(), today(), audience);
        let found = checked.iter().filter(|d| d.code == "audience").count();
        assert_eq!(found, 1, "{audience:?}: {checked:#?}");
    }
}

#[test]
fn check_says_a_plain_build_of_nothing_personal_is_for_the_web() {
    let p = Project::from_fixture("minimal");
    p.remove("data/profile.yaml");
    p.remove("data/progress.yaml");
    let (code, said) = run(careerbook()
        .args(["check", "--audience", "personal", "--today", "2026-11-24"])
        .arg(p.root()));
    assert_eq!(code, 0, "{said}");
    // The command asked about, and what it makes of no personal data.
    assert!(
        said.contains("`careerbook build` would make ")
            && said.contains(" pages — for the web: it holds no personal data"),
        "{said}"
    );
}
