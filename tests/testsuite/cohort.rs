//! Cohorts: one workbook per member under `site/<id>/`, shared assets, and an
//! aggregate report that never leaks a member's private data.

use crate::common::Project;

#[test]
fn every_member_gets_a_personal_workbook_sharing_the_theme() {
    let p = Project::from_fixture("cohort");
    p.build_ok();
    // The organisation's guide at the root has no personal data.
    assert!(p.site("index.html").contains("Hello, program member."));
    for (id, name) in [
        ("ana-lima", "Ana Lima"),
        ("ben-okafor", "Ben Okafor"),
        ("chloe-roy", "Chloe Roy"),
    ] {
        let index = p.site(&format!("{id}/index.html"));
        assert!(index.contains(&format!("Hello, {name}.")), "{id}");
        assert!(
            index.contains("href=\"../assets/css/book.css\""),
            "{id} shares the root's CSS"
        );
        assert!(
            index.contains("<script src=\"toc.js\" defer>"),
            "{id} has its own table of contents"
        );
        assert!(p.site_exists(&format!("{id}/toc.js")));
        assert!(
            !p.site_exists(&format!("{id}/assets/css/book.css")),
            "no copy of the CSS per member"
        );
    }
    // Each member's progress is their own, on the page and in print, though the
    // plan (no template in it) is read once for all members.
    for file in ["plan.html", "print.html"] {
        let ticked = |id: &str| {
            p.site(&format!("{id}/{file}"))
                .contains("data-task=\"find-mentor\" checked>")
        };
        assert!(ticked("ana-lima"), "ana-lima/{file}");
        assert!(!ticked("ben-okafor"), "ben-okafor/{file}");
    }
    // No member's people appear in another member's workbook.
    assert!(p.site("ana-lima/relationships.html").contains("Mo Reyes"));
    for (path, bytes) in p.snapshot_site() {
        let text = String::from_utf8_lossy(&bytes);
        if !path.starts_with("ana-lima/") {
            assert!(
                !text.contains("Mo Reyes"),
                "{path} shows another member's people"
            );
        }
        assert!(!text.contains("ANA-PRIVATE"), "{path} leaks private data");
    }
    // Calendar ids differ between members, so calendars never collide.
    let ana = p.site("ana-lima/followups.ics");
    let ben = p.site("ben-okafor/followups.ics");
    let uid = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_string()
    };
    assert_ne!(uid(&ana), uid(&ben));
}

#[test]
fn the_cohort_report_counts_exactly_and_names_no_one() {
    let p = Project::from_fixture("cohort");
    p.build_ok();
    let report = p.site("cohort.html");
    let count = |label: &str| -> String {
        let at = report
            .find(&format!("<th scope=\"row\">{label}</th>"))
            .unwrap_or_else(|| panic!("{label}: {report}"));
        let rest = &report[at..];
        let start = rest.find("<td class=\"count\">").unwrap() + "<td class=\"count\">".len();
        rest[start..start + rest[start..].find('<').unwrap()].to_string()
    };
    assert_eq!(count("An active mentor"), "2");
    assert_eq!(
        count("An active sponsor"),
        "1",
        "the private sponsor does not count"
    );
    assert_eq!(count("Both"), "1");
    assert_eq!(count("Neither"), "1");
    assert!(
        report.contains("<strong>3</strong> overdue check-ins, across 2 members."),
        "{report}"
    );
    assert_eq!(count("Months 1–6"), "1");
    assert_eq!(count("Months 7–12"), "1");
    assert_eq!(count("No plan start yet"), "1");
    for name in [
        "Ana Lima",
        "Ben Okafor",
        "Chloe Roy",
        "ana-lima",
        "Mo Reyes",
    ] {
        assert!(!report.contains(name), "the report names {name}");
    }
    // With show_names, the coordinator gets a table linking each workbook.
    p.write(
        "book.toml",
        "[book]\ntitle = \"Cohort Guide\"\n[cohort]\nshow-names = true\n",
    );
    p.build_ok();
    let named = p.site("cohort.html");
    assert!(
        named.contains("<a href=\"ana-lima/index.html\">Ana Lima</a>"),
        "{named}"
    );
    assert!(!named.contains("ANA-PRIVATE"));
}

#[test]
fn person_builds_one_member() {
    let p = Project::from_fixture("cohort");
    let mut opts = p.options();
    opts.person = Some("ben-okafor".into());
    careerbook::build(&opts).unwrap();
    assert!(p.site_exists("ben-okafor/index.html"));
    assert!(!p.site_exists("ana-lima/index.html"));
    opts.person = Some("ben-okafr".into());
    let err = careerbook::build(&opts).unwrap_err();
    assert_eq!(
        err.diagnostics[0].help.as_deref(),
        Some("did you mean `ben-okafor`?")
    );
}

#[test]
fn hostile_member_folders_are_refused() {
    let p = Project::from_fixture("cohort");
    p.write("data/people/Bad Name/profile.yaml", "name: X\n");
    p.write("data/people/loose.yaml", "name: X\n");
    let (diags, text) = p.build_err();
    let files: Vec<_> = diags.iter().map(|d| d.location()).collect();
    assert!(
        files.contains(&"data/people/Bad Name".to_string()),
        "{text}"
    );
    assert!(
        files.contains(&"data/people/loose.yaml".to_string()),
        "{text}"
    );
}

#[test]
fn member_data_errors_name_the_members_file() {
    let p = Project::from_fixture("cohort");
    p.write(
        "data/people/chloe-roy/relationships.yaml",
        "people:\n  - id: x\n    name: X\n    role: mentr\n",
    );
    let (diags, _) = p.build_err();
    assert_eq!(
        diags[0].location(),
        "data/people/chloe-roy/relationships.yaml:4:11"
    );
}

#[test]
fn a_members_unknown_progress_id_is_reported_by_check_and_build() {
    // Issue 19, bug 1: a member's progress.yaml was never checked against the book.
    let p = Project::from_fixture("cohort");
    p.write(
        "data/people/ana-lima/progress.yaml",
        "done:\n  find-mentor: 2026-09-10\n  find-mentr: 2026-09-11\n",
    );
    let report = careerbook::build(&p.options()).expect("an unknown id is a warning");
    let warning = report
        .warnings
        .iter()
        .find(|d| d.message.contains("find-mentr"))
        .unwrap_or_else(|| panic!("no warning for the unknown id: {:?}", report.warnings));
    assert_eq!(warning.location(), "data/people/ana-lima/progress.yaml:3:3");
    assert_eq!(warning.help.as_deref(), Some("did you mean `find-mentor`?"));
    let checked = careerbook::check::check(p.root(), crate::common::today());
    assert_eq!(
        checked
            .iter()
            .filter(|d| d.message.contains("find-mentr"))
            .count(),
        1,
        "check reports it once: {checked:?}"
    );
}

#[test]
fn pdf_for_a_member_who_does_not_exist_fails_with_a_suggestion() {
    // Issue 19, bug 2: `pdf --person <typo>` wrote nothing and exited 0.
    let p = Project::from_fixture("cohort");
    let out = crate::common::careerbook()
        .args(["pdf", "--today", "2026-11-24", "--person", "ben-okafr"])
        .arg(p.root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("there is no member `ben-okafr`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `ben-okafor`?"), "{stderr}");
    assert!(!p.root().join("ben-okafor").exists(), "nothing is written");
}
