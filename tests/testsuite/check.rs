//! `careerbook check` on a corpus of broken projects: each case's diagnostics are
//! snapshotted as a person sees them, and the JSON form is checked for editors.

use crate::common::{Project, careerbook};

/// (case, file to write, its text). Each case breaks the `minimal` fixture once.
const CASES: &[(&str, &str, &str)] = &[
    (
        "toml_unknown_key",
        "book.toml",
        "[book]\ntitle = \"x\"\n[biuld]\noutput = \"site\"\n",
    ),
    ("toml_wrong_type", "book.toml", "[book]\ntitle = 3\n"),
    (
        "yaml_tab",
        "data/profile.yaml",
        "name: Robin\n\tregion: ontario\n",
    ),
    (
        "yaml_duplicate_key",
        "data/profile.yaml",
        "name: Robin\nname: Rob\n",
    ),
    (
        "yaml_unknown_key",
        "data/profile.yaml",
        "name: Robin\nregoin: ontario\n",
    ),
    (
        "yaml_bad_enum",
        "data/profile.yaml",
        "name: Robin\nregion: atlantis\n",
    ),
    (
        "yaml_bad_date",
        "data/profile.yaml",
        "name: Robin\nplan_start: 2026-02-30\n",
    ),
    (
        "yaml_french_colon",
        "data/relationships.yaml",
        "people:\n  - id: sam\n    name: Sam\n    role: mentor\n    log:\n      - date: 2026-01-10\n        summary: Premier café : il m'a parlé de ses débuts.\n",
    ),
    (
        "yaml_date_past_month_end",
        "data/relationships.yaml",
        "people:\n  - id: sam\n    name: Sam\n    role: mentor\n    next_step: Coffee\n    next_step_due: 2027-02-30\n",
    ),
    (
        "people_duplicate_id",
        "data/relationships.yaml",
        "people:\n  - id: sam\n    name: Sam\n    role: mentor\n  - id: sam\n    name: Sam Two\n    role: sponsor\n",
    ),
    (
        "people_future_log",
        "data/relationships.yaml",
        "people:\n  - id: sam\n    name: Sam\n    role: mentor\n    log:\n      - date: 2027-01-01\n        kind: call\n        summary: Not yet\n",
    ),
    (
        "people_bad_id",
        "data/relationships.yaml",
        "people:\n  - id: ../etc\n    name: Sam\n    role: mentor\n",
    ),
    (
        "progress_unknown_id",
        "data/progress.yaml",
        "done:\n  fixture-wirte: 2026-01-15\n",
    ),
    (
        "front_matter_unknown_key",
        "content/raw.md",
        "---\ntitle: Raw\ntemplat: false\n---\nText\n",
    ),
    (
        "page_template_syntax",
        "content/raw.md",
        "---\ntitle: Raw\n---\n{% for x in %}\n",
    ),
    (
        "broken_anchor",
        "content/raw.md",
        "---\ntitle: Raw\n---\nSee [this](chapter.md#frist-heading).\n",
    ),
    (
        "person_link",
        "content/raw.md",
        "---\ntitle: Raw\n---\nAsk [Sam](relationships.html#person-sma).\n",
    ),
    (
        "duplicate_task_id",
        "content/raw.md",
        "---\ntitle: Raw\n---\n- [ ] Again {#fixture-write}\n",
    ),
];

fn check_case(file: &str, text: &str) -> (i32, String, String) {
    let p = Project::from_fixture("minimal");
    if file != "data/relationships.yaml" {
        p.write(
            "data/relationships.yaml",
            "people:\n  - id: sam\n    name: Sam\n    role: mentor\n",
        );
    }
    p.write(file, text);
    let human = careerbook()
        .args(["check", "--today", "2026-11-24"])
        .arg(p.root())
        .output()
        .unwrap();
    let json = careerbook()
        .args(["check", "--format", "json", "--today", "2026-11-24"])
        .arg(p.root())
        .output()
        .unwrap();
    assert_eq!(human.status.code(), json.status.code());
    (
        human.status.code().unwrap(),
        String::from_utf8(human.stderr).unwrap(),
        String::from_utf8(json.stdout).unwrap(),
    )
}

#[test]
fn corpus_of_broken_projects() {
    for (case, file, text) in CASES {
        let (code, human, json) = check_case(file, text);
        assert!(code == 0 || code == 1, "{case}: exit {code}");
        assert!(!human.contains("panicked"), "{case}: {human}");
        // Every diagnostic names its file, and a line wherever the file has one.
        for line in json.lines() {
            let d: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{case}: {e}: {line}"));
            for key in [
                "severity", "code", "file", "line", "column", "message", "help",
            ] {
                assert!(d.get(key).is_some(), "{case}: no `{key}` in {line}");
            }
            assert!(d["line"].as_u64().unwrap() > 0, "{case}: no line in {line}");
            // The place the human output shows, column included.
            let at = format!(
                "{}:{}:{}",
                d["file"].as_str().unwrap(),
                d["line"],
                d["column"]
            );
            assert!(
                d["column"].as_u64().unwrap() > 0,
                "{case}: column 0 in {line}"
            );
            assert!(human.contains(&at), "{case}: {at} not in\n{human}");
        }
        assert!(!json.is_empty(), "{case}: nothing found");
        insta::assert_snapshot!(format!("check_{case}"), format!("exit {code}\n{human}"));
    }
}

/// `--today` reads dates by the same rule as the data files, with the same
/// advice, fitting the fault.
#[test]
fn an_impossible_today_is_a_usage_error_with_advice_that_fits() {
    let p = Project::from_fixture("minimal");
    for (today, help) in [
        (
            "2026-13-01",
            "help: months go from 01 to 12, and the month comes before the day: for 13 January 2026, write 2026-01-13",
        ),
        (
            "2027-02-30",
            "help: the last day of February 2027 is 2027-02-28: check the day",
        ),
        (
            "2026-1-5",
            "help: write it as YYYY-MM-DD: 2026-01-05 for 5 January 2026",
        ),
        (
            "12/07/2026",
            "help: write it as YYYY-MM-DD, year, month, day: 2026-07-12 for 12 July 2026, or 2026-12-07 for 7 December 2026",
        ),
        (
            "tomorrow",
            "help: write it as YYYY-MM-DD, for example 2026-03-09",
        ),
    ] {
        let out = careerbook()
            .args(["check", "--today", today])
            .arg(p.root())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{today}: {stderr}");
        assert!(
            stderr.contains(&format!("`{today}` is not a date")),
            "{stderr}"
        );
        assert!(stderr.contains(help), "{today}: {stderr}");
    }
}

#[test]
fn a_clean_project_exits_0_and_deny_warnings_fails_on_warnings() {
    let p = Project::from_fixture("minimal");
    let out = careerbook()
        .args(["check", "--today", "2026-11-24"])
        .arg(p.root())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("No problems found."));
    p.write(
        "content/raw.md",
        "---\ntitle: Raw\n---\n[gone](missing.md)\n",
    );
    let out = careerbook()
        .args(["check", "--today", "2026-11-24"])
        .arg(p.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = careerbook()
        .args(["check", "--deny-warnings", "--today", "2026-11-24"])
        .arg(p.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn check_writes_nothing() {
    let p = Project::from_fixture("minimal");
    careerbook()
        .args(["check", "--today", "2026-11-24"])
        .arg(p.root())
        .output()
        .unwrap();
    assert!(!p.root().join("site").exists());
}

#[test]
fn usage_errors_exit_2() {
    let out = careerbook()
        .args(["check", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn schemas_describe_the_data_and_init_points_editors_at_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = careerbook()
        .args(["schema", "--out"])
        .arg(dir.path().join("s"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let profile: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("s/profile.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(profile["required"], serde_json::json!(["name"]));
    assert_eq!(profile["additionalProperties"], serde_json::json!(false));
    let whole = profile.to_string();
    assert!(
        whole.contains("\"british-columbia\"") && whole.contains("\"format\":\"date\""),
        "{whole}"
    );
    let people = std::fs::read_to_string(dir.path().join("s/relationships.schema.json")).unwrap();
    for key in [
        "cadence_days",
        "next_step_due",
        "outreach",
        "\"gave\"",
        "mentor",
        "dormant",
        "in-person",
        "^[a-z0-9]+(-[a-z0-9]+)*$",
    ] {
        assert!(
            people.contains(key),
            "{key} missing from the relationships schema"
        );
    }

    let project = dir.path().join("wb");
    careerbook().arg("init").arg(&project).output().unwrap();
    let profile_yaml = std::fs::read_to_string(project.join("data/profile.yaml")).unwrap();
    assert!(
        profile_yaml
            .starts_with("# yaml-language-server: $schema=../schemas/profile.schema.json\n")
    );
    assert!(project.join("schemas/relationships.schema.json").is_file());
    // The schema line is a comment: the project still builds.
    let out = careerbook()
        .args(["build", "--today", "2026-11-24"])
        .current_dir(&project)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn in_a_cohort_person_links_are_checked_against_every_members_people() {
    // The pages are shared by every member: a link to a person some member tracks
    // is fine, a link to nobody's is reported (once).
    let p = Project::from_fixture("cohort");
    p.write(
        "content/people-links.md",
        "# Links\n\nSee [Mo](relationships.html#person-mo) and [Nobody](relationships.html#person-nobdy).\n",
    );
    let diags = careerbook::check::check(p.root(), crate::common::today(), None);
    let person: Vec<_> = diags.iter().filter(|d| d.code == "person").collect();
    assert_eq!(person.len(), 1, "{diags:?}");
    assert_eq!(person[0].message, "no person has the id `nobdy`");
    assert_eq!(person[0].location(), "content/people-links.md:3:44");
}
