//! Cohorts: the organization's guide in the published site, and each member's
//! workbook, a complete site of its own, in the members' tree beside it; an
//! aggregate report that never leaks a member's private data.

use crate::common::Project;

/// Everything that identifies a member or a person a member tracks, in the
/// cohort fixture.
const PERSONAL: [&str; 12] = [
    "Ana Lima",
    "Ben Okafor",
    "Chloe Roy",
    "ana-lima",
    "ben-okafor",
    "chloe-roy",
    "Mo Reyes",
    "Sal Vega",
    "Ida Chen",
    "Ola Berg",
    "ANA-PRIVATE",
    "Hello, Ana",
];

#[test]
fn every_member_gets_a_workbook_of_their_own_outside_the_published_site() {
    let p = Project::from_fixture("cohort");
    let report = p.build_ok();
    // The organisation's guide at the root has no personal data.
    assert!(p.site("index.html").contains("Hello, program member."));
    assert_eq!(
        report.members.as_ref().map(|(dir, _)| dir.clone()),
        Some(p.root().join("members"))
    );
    for (id, name) in [
        ("ana-lima", "Ana Lima"),
        ("ben-okafor", "Ben Okafor"),
        ("chloe-roy", "Chloe Roy"),
    ] {
        assert!(!p.site_exists(id), "{id} is not in the published site");
        let index = p.members(&format!("{id}/index.html"));
        assert!(index.contains(&format!("Hello, {name}.")), "{id}");
        // A site of its own: its own assets, table of contents and search.
        assert!(
            index.contains("href=\"assets/css/book.css\""),
            "{id} has its own CSS"
        );
        assert!(index.contains("<script src=\"toc.js\" defer>"), "{id}");
        for file in [
            "assets/css/book.css",
            "assets/js/book.js",
            "toc.js",
            "search/index.js",
            "404.html",
        ] {
            assert!(p.members_exists(&format!("{id}/{file}")), "{id}/{file}");
        }
        // Your own copy: not for search engines, and it says so.
        assert!(index.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assert!(index.contains("Not for publishing."));
    }
    // The guide is for the web.
    let guide = p.site("index.html");
    assert!(!guide.contains("noindex"), "{guide}");
    assert!(!guide.contains("Not for publishing."));
    // Each member's progress is their own, on the page and in print, though the
    // plan (no template in it) is read once for all members.
    for file in ["plan.html", "print.html"] {
        let ticked = |id: &str| {
            p.members(&format!("{id}/{file}"))
                .contains("data-task=\"find-mentor\" checked>")
        };
        assert!(ticked("ana-lima"), "ana-lima/{file}");
        assert!(!ticked("ben-okafor"), "ben-okafor/{file}");
    }
    // No member's people appear in another member's workbook.
    assert!(
        p.members("ana-lima/relationships.html")
            .contains("Mo Reyes")
    );
    for (path, bytes) in p.snapshot("members") {
        let text = String::from_utf8_lossy(&bytes);
        if !path.starts_with("ana-lima/") {
            assert!(
                !text.contains("Mo Reyes"),
                "{path} shows another member's people"
            );
        }
        assert!(!text.contains("ANA-PRIVATE"), "{path} leaks private data");
    }
    // Calendar ids and the browser's memory of ticks differ between members.
    let ana = p.members("ana-lima/followups.ics");
    let ben = p.members("ben-okafor/followups.ics");
    let uid = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_string()
    };
    assert_ne!(uid(&ana), uid(&ben));
    let book = |id: &str| {
        let html = p.members(&format!("{id}/index.html"));
        let at = html.find("data-book=\"").unwrap() + 11;
        html[at..at + html[at..].find('"').unwrap()].to_string()
    };
    assert_ne!(book("ana-lima"), book("ben-okafor"));
}

#[test]
fn a_member_s_pages_name_the_data_files_in_their_own_folder() {
    let p = Project::from_fixture("cohort");
    p.build_ok();
    let mut named = std::collections::BTreeSet::new();
    for id in ["ana-lima", "ben-okafor", "chloe-roy"] {
        for page in [
            "index.html",
            "relationships.html",
            "progress.html",
            "brief.html",
        ] {
            let page = format!("{id}/{page}");
            if !p.members_exists(&page) {
                continue;
            }
            let html = p.members(&page);
            for (at, _) in html.match_indices("data/") {
                let file: String = html[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
                    .collect();
                let file = file.trim_end_matches('.');
                if file.ends_with(".yaml") {
                    assert!(
                        file.starts_with(&format!("data/people/{id}/")),
                        "{id}/{page} names `{file}`"
                    );
                    named.insert(file.to_string());
                }
            }
        }
    }
    // The progress page names the member's progress file (and the YAML it
    // exports says where to paste it).
    assert!(
        named.contains("data/people/ana-lima/progress.yaml"),
        "{named:?}"
    );
    // Her brief asks for her ambition in her own profile.
    let brief = p.members("ana-lima/brief.html");
    assert!(
        brief.contains(
            "Add <code>ambitions:</code> to <code>data/people/ana-lima/profile.yaml</code>"
        ),
        "{brief}"
    );
    // The brief says how to typeset it: a member does not run careerbook.
    assert!(
        brief.contains(
            "ask whoever builds your cohort's workbooks to run \
             <code>careerbook pdf --brief --person ana-lima</code>."
        ),
        "{brief}"
    );
    // The guide is every member's: its progress page names a member's file,
    // not `data/progress.yaml`, which a cohort refuses.
    let guide = p.site("progress.html");
    assert!(!guide.contains("data/progress.yaml"), "{guide}");
    assert_eq!(
        guide
            .matches("data/people/&lt;id&gt;/progress.yaml")
            .count(),
        3,
        "the save text, the YAML's comment and the text without JavaScript: {guide}"
    );
}

#[test]
fn the_published_site_holds_nothing_of_any_member_whatever_the_options() {
    let p = Project::from_fixture("cohort");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Cohort Guide\"\n[cohort]\nshow-names = true\npublish-report = true\n",
    );
    // The members' PDFs, typeset once, go with their workbooks too.
    for args in [&["--private"][..], &["--pdf"], &["--public"]] {
        let out = crate::common::careerbook()
            .args(["build", "--today", "2026-11-24"])
            .args(args)
            .arg(p.root())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(stderr.contains("members' workbooks"), "{stderr}");
        let site = p.snapshot("site");
        assert!(site.iter().any(|(path, _)| path == "cohort.html"));
        for (path, bytes) in &site {
            // The one PDF of the guide is the blank workbook, to print.
            let text = if path.ends_with(".pdf") {
                assert_eq!(path, "workbook.pdf", "{args:?}: {path} is a member's PDF");
                match crate::pdf::poppler() {
                    true => crate::pdf::pdf_text(bytes),
                    false => String::new(),
                }
            } else {
                String::from_utf8_lossy(bytes).into_owned()
            };
            for personal in PERSONAL {
                assert!(
                    !text.contains(personal) && !path.contains(personal),
                    "{args:?}: site/{path} holds `{personal}`"
                );
            }
        }
        assert_eq!(p.members_exists("ana-lima/workbook.pdf"), args == ["--pdf"]);
        assert_eq!(p.site_exists("workbook.pdf"), args == ["--pdf"]);
    }
}

#[test]
fn the_cohort_report_goes_with_the_members_and_counts_exactly() {
    let p = Project::from_fixture("cohort");
    p.build_ok();
    assert!(
        !p.site_exists("cohort.html"),
        "the report is not published by default"
    );
    let report = p.members("cohort.html");
    assert!(
        p.members_exists("assets/css/book.css"),
        "the report's own style"
    );
    // The members' tree opens on it, and it links nowhere that is not there.
    assert_eq!(p.members("index.html"), report);
    assert!(p.members("toc.js").contains("\"url\":\"cohort.html\""));
    assert!(
        !report.contains("print.html"),
        "no print page beside the members"
    );
    assert!(!report.contains("search.js"), "no index beside the members");
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
    for name in PERSONAL {
        assert!(!report.contains(name), "the report names {name}");
    }
    // Its footer says what it is: counts, not "your own copy" naming people.
    assert!(
        report.contains("<p class=\"audience-note\">The program’s copy: counts about its members"),
        "{report}"
    );
    assert!(
        !report.contains("it names the people you work with"),
        "{report}"
    );
    // With show-names, the coordinator gets a table linking each workbook;
    // with publish-report, the site gets the counts, and never the names.
    p.write(
        "book.toml",
        "[book]\ntitle = \"Cohort Guide\"\n[cohort]\nshow-names = true\npublish-report = true\n",
    );
    p.build_ok();
    let named = p.members("cohort.html");
    assert!(
        named.contains("<a href=\"ana-lima/index.html\">Ana Lima</a>"),
        "{named}"
    );
    assert!(!named.contains("ANA-PRIVATE"));
    assert!(
        named.contains(
            "<p class=\"audience-note\">The program’s copy: it names the program’s members."
        ),
        "{named}"
    );
    let published = p.site("cohort.html");
    assert!(
        published.contains("<strong>3</strong> overdue check-ins"),
        "{published}"
    );
    assert!(!published.contains("Ana Lima"), "{published}");
}

#[test]
fn person_builds_one_member() {
    let p = Project::from_fixture("cohort");
    let mut opts = p.options();
    opts.person = Some("ben-okafor".into());
    let report = careerbook::build(&opts).unwrap();
    assert!(p.members_exists("ben-okafor/index.html"));
    assert!(!p.members_exists("ana-lima/index.html"));
    assert_eq!(report.kept_members, 0);

    // After a build of everyone, one member remade leaves the others' as they
    // were, and a folder that is no member's is not kept.
    opts.person = None;
    careerbook::build(&opts).unwrap();
    let ana = p.members("ana-lima/index.html");
    std::fs::create_dir(p.root().join("members/gone")).unwrap();
    p.write(
        "data/people/ben-okafor/profile.yaml",
        "name: Ben Okafor-Smith\n",
    );
    opts.person = Some("ben-okafor".into());
    let report = careerbook::build(&opts).unwrap();
    assert_eq!(report.kept_members, 2);
    assert_eq!(p.members("ana-lima/index.html"), ana);
    assert!(p.members_exists("chloe-roy/index.html"));
    assert!(
        p.members("ben-okafor/index.html")
            .contains("Ben Okafor-Smith")
    );
    assert!(!p.members_exists("gone"));

    // A member with no folder yet is told of, not linked to nothing silently.
    p.write("data/people/dan-new/profile.yaml", "name: Dan New\n");
    let report = careerbook::build(&opts).unwrap();
    assert_eq!(report.kept_members, 2);
    let told: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.code == "cohort")
        .collect();
    assert_eq!(told.len(), 1, "{:#?}", report.warnings);
    assert!(told[0].message.contains("`dan-new`"), "{}", told[0].message);
    std::fs::remove_dir_all(p.root().join("data/people/dan-new")).unwrap();

    // A --private build's notes never stay behind in a build without it.
    opts.person = None;
    opts.audience = careerbook::audience::Audience::Private;
    careerbook::build(&opts).unwrap();
    assert!(
        p.members("ana-lima/relationships.html")
            .contains("ANA-PRIVATE")
    );
    opts.person = Some("ben-okafor".into());
    opts.audience = careerbook::audience::Audience::Personal;
    let report = careerbook::build(&opts).unwrap();
    assert_eq!(report.kept_members, 0);
    assert!(!p.members_exists("ana-lima"));
    assert!(report.warnings.iter().any(|w| w.code == "cohort"));

    opts.person = Some("ben-okafr".into());
    let err = careerbook::build(&opts).unwrap_err();
    assert_eq!(
        err.diagnostics[0].help.as_deref(),
        Some("did you mean `ben-okafor`?")
    );
}

#[test]
fn person_works_with_every_audience() {
    let p = Project::from_fixture("cohort");
    for audience in [
        careerbook::audience::Audience::Private,
        careerbook::audience::Audience::Personal,
        careerbook::audience::Audience::Public,
    ] {
        let mut opts = p.options();
        opts.person = Some("ana-lima".into());
        opts.audience = audience;
        careerbook::build(&opts).unwrap();
        let ana = p.members("ana-lima/index.html");
        assert!(!p.members_exists("ben-okafor"), "{audience:?}");
        // Her own people only in her own copy; her notes only in a private one.
        let tracker = p.members_exists("ana-lima/relationships.html");
        assert_eq!(tracker, audience != careerbook::audience::Audience::Public);
        if tracker {
            let people = p.members("ana-lima/relationships.html");
            assert!(people.contains("Mo Reyes"), "{audience:?}");
            assert_eq!(
                people.contains("ANA-PRIVATE-NOTE"),
                audience == careerbook::audience::Audience::Private
            );
        }
        assert_eq!(
            ana.contains("noindex"),
            audience != careerbook::audience::Audience::Public,
            "{audience:?}"
        );
        for (path, bytes) in p.snapshot("site") {
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("Mo Reyes") && !text.contains("Ana Lima"),
                "{audience:?}: site/{path}"
            );
        }
    }
}

#[test]
fn a_members_folder_that_overlaps_the_site_is_refused_and_nothing_is_written() {
    let p = Project::from_fixture("cohort");
    // By default the members' folder is beside the output folder.
    let out = crate::common::careerbook()
        .args(["build", "--today", "2026-11-24", "--out"])
        .arg(p.root().join("public"))
        .arg(p.root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(p.members_exists("ana-lima/index.html"), "beside --out");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Cohort Guide\"\n[cohort]\noutput = \"site/people\"\n",
    );
    let (diags, text) = p.build_err();
    assert_eq!(diags[0].location(), "book.toml:4:10", "{text}");
    assert!(
        text.contains("the output folder is for publishing"),
        "{text}"
    );
    assert!(!p.site_exists("people"));
    // The same from check, before any build.
    let checked = careerbook::check::check(p.root(), crate::common::today(), None);
    assert!(
        checked.iter().any(|d| d.location() == "book.toml:4:10"),
        "{checked:?}"
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
    let checked = careerbook::check::check(p.root(), crate::common::today(), None);
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

#[test]
fn every_link_in_the_members_tree_leads_to_a_file_of_it() {
    // Bilingual, with names: the report, its sidebar (with and without
    // JavaScript) and every member's workbook, in two languages.
    let p = Project::bilingual_cohort();
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    p.write(
        "book.toml",
        &format!("{toml}\n[cohort]\nshow-names = true\n"),
    );
    p.build_ok();
    let tree = p.root().join("members");
    let mut pages = Vec::new();
    let mut dirs = vec![tree.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                pages.push(path);
            }
        }
    }
    assert!(pages.len() > 20, "{pages:?}");
    let mut broken = Vec::new();
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        for attr in ["href=\"", "src=\""] {
            for rest in html.split(attr).skip(1) {
                let url = &rest[..rest.find('"').unwrap()];
                let local = !(url.is_empty()
                    || url.starts_with('#')
                    || url.starts_with('/')
                    || url.contains(':'));
                if !local {
                    continue;
                }
                let path = url.split(['#', '?']).next().unwrap();
                if !page.parent().unwrap().join(path).exists() {
                    broken.push(format!(
                        "{} -> {url}",
                        page.strip_prefix(&tree).unwrap().display()
                    ));
                }
            }
        }
    }
    broken.sort();
    broken.dedup();
    assert!(broken.is_empty(), "{broken:#?}");

    // One member remade: the sidebar still lists every member, whose
    // workbooks are kept.
    let mut opts = p.options();
    opts.person = Some("chloe-roy".into());
    careerbook::build(&opts).unwrap();
    let toc = p.members("toc.js");
    assert!(
        toc.contains("ana-lima/index.html") && toc.contains("ben-okafor/index.html"),
        "{toc}"
    );
    assert!(p.members_exists("ana-lima/index.html"));
}

#[test]
fn a_member_s_misnamed_or_stray_file_and_a_folder_without_profile_are_warnings() {
    let p = Project::from_fixture("cohort");
    let dir = p.root().join("data/people/ana-lima");
    std::fs::rename(
        dir.join("relationships.yaml"),
        dir.join("relationship.yaml"),
    )
    .unwrap();
    p.write("data/people/ana-lima/notes.yaml", "x: 1\n");
    std::fs::create_dir_all(p.root().join("data/people/empty")).unwrap();
    let report = p.build_ok();
    let said: Vec<String> = report
        .warnings
        .iter()
        .filter(|w| w.code == "data")
        .map(|w| {
            format!(
                "{} {} | {}",
                w.location(),
                w.message,
                w.help.clone().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(said.len(), 3, "{said:#?}");
    assert!(
        said[0].starts_with("data/people/ana-lima/notes.yaml careerbook does not read"),
        "{said:#?}"
    );
    assert!(
        said[1].starts_with(
            "data/people/ana-lima/relationship.yaml `data/people/ana-lima/relationship.yaml` is not read as your \
             relationships: careerbook reads relationships from `data/people/ana-lima/relationships.yaml`"
        ),
        "{said:#?}"
    );
    assert!(
        said[1].contains("did you mean `relationships.yaml`?"),
        "{said:#?}"
    );
    assert!(
        said[2].starts_with("data/people/empty `data/people/empty/` has no profile.yaml"),
        "{said:#?}"
    );
}

#[test]
fn a_data_file_named_close_to_one_careerbook_reads_is_a_warning() {
    let p = Project::default_workbook();
    let text = std::fs::read_to_string(p.root().join("data/wins.yaml")).unwrap();
    p.remove("data/wins.yaml");
    p.write("data/win.yaml", &text);
    // Data for templates, named like nothing careerbook reads (or close, but
    // more than a slip of the keyboard away): no warning.
    p.write("data/events.yaml", "- a talk\n");
    p.write("data/projects.yaml", "- a project\n");
    p.write("data/programs.yaml", "- a program\n");
    // The log's wins are now unknown (errors); the warning says why.
    let (diags, text) = p.build_err();
    let said: Vec<String> = diags
        .iter()
        .filter(|d| !d.is_error())
        .map(|w| format!("{} {}", w.location(), w.message))
        .collect();
    assert_eq!(
        said,
        [
            "data/win.yaml `data/win.yaml` is not read as your wins: careerbook reads wins from `data/wins.yaml`"
        ],
        "{text}"
    );
}

#[test]
fn member_ids_the_members_tree_keeps_for_itself_are_all_reported_at_once() {
    let p = Project::bilingual_cohort();
    for id in ["assets", "fr"] {
        p.write(&format!("data/people/{id}/profile.yaml"), "name: Someone\n");
    }
    let (diags, text) = p.build_err();
    let clashes: Vec<&careerbook::Diagnostic> = diags
        .iter()
        .filter(|d| d.message.contains("keeps for itself"))
        .collect();
    assert_eq!(clashes.len(), 2, "{text}");
    assert_eq!(clashes[0].location(), "data/people/assets");
    assert_eq!(clashes[1].location(), "data/people/fr");
    assert!(
        clashes[0]
            .help
            .as_deref()
            .unwrap()
            .ends_with("the members' tree keeps `assets`, `fr` for itself"),
        "{text}"
    );
    assert!(!p.root().join("members").exists());
}
