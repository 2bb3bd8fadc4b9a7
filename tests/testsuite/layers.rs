//! The guidance as a built-in base: a project with `[content] base = true`
//! builds on it, replaces pages, adds its own, leaves some out, ejects pages to
//! edit, and hears when a page it ejected has a newer built-in edition.

use std::path::Path;

use careerbook::diagnostics::Diagnostics;
use careerbook::load::base::{Base, fingerprint};

use crate::common::{Project, careerbook, today};

/// `careerbook eject --dir <project> ARGS…`.
fn eject(p: &Project, args: &[&str]) -> std::process::Output {
    careerbook()
        .args(["eject", "--dir"])
        .arg(p.root())
        .args(args)
        .output()
        .unwrap()
}

/// A project as `careerbook init` makes it: book.toml with a base, data/, and
/// a content/ with only its note.
fn layered() -> Project {
    let dir = tempfile::tempdir().unwrap();
    let out = careerbook()
        .args(["init"])
        .arg(dir.path().join("p"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p = Project { dir };
    // The project is in p/: move it up so Project's helpers find it.
    for entry in std::fs::read_dir(p.root().join("p")).unwrap() {
        let entry = entry.unwrap();
        std::fs::rename(entry.path(), p.root().join(entry.file_name())).unwrap();
    }
    p
}

#[test]
fn a_book_in_french_first_gets_the_french_guidance_at_its_root() {
    let p = layered();
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    let (book, rest) = toml.split_once("[build]").unwrap();
    let book: String = book
        .lines()
        .map(|l| {
            if l.starts_with("languages =") {
                "languages = [\"fr-CA\", \"en-CA\"]"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    p.write("book.toml", &format!("{book}\n[build]{rest}"));
    let report = p.build_ok();
    assert!(
        !report
            .warnings
            .iter()
            .any(|w| w.code == "translation" || w.code == "edition"),
        "{:#?}",
        report.warnings
    );
    let root = p.site("index.html");
    assert!(root.contains("<html lang=\"fr-CA\""), "{root}");
    assert!(root.contains("Bienvenue, Nadia."), "the French guidance");
    assert!(root.contains("Mois 9 à 12"), "the plan's phases in French");
    assert!(
        !root.contains("Months 9"),
        "no English phase on the French site"
    );
    let en = p.site("en/index.html");
    assert!(en.contains("<html lang=\"en-CA\""), "{en}");
    assert!(
        en.contains("Welcome, Nadia."),
        "the English guidance under en/"
    );
    // A page of the project's own at `action-plan.md` replaces the French
    // page, and eject copies the French page there, with the English beside it.
    let out = eject(&p, &["action-plan.md"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ejected = std::fs::read_to_string(p.root().join("content/action-plan.md")).unwrap();
    assert!(ejected.contains("Votre plan sur 12 mois"), "{ejected}");
    let english = std::fs::read_to_string(p.root().join("content/action-plan.en.md")).unwrap();
    assert!(english.contains("Your 12-month plan"), "{english}");
    // A French-only book has the French guidance and no English site.
    p.write(
        "book.toml",
        &std::fs::read_to_string(p.root().join("book.toml"))
            .unwrap()
            .replace("languages = [\"fr-CA\", \"en-CA\"]", "language = \"fr-CA\""),
    );
    p.remove("content/action-plan.en.md");
    let report = p.build_ok();
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
    assert!(
        p.site("action-plan.html")
            .contains("Votre plan sur 12 mois")
    );
    assert!(!p.site_exists("en/index.html"));
}

#[test]
fn a_project_with_only_book_toml_and_data_builds_the_whole_guide() {
    let p = layered();
    let own: Vec<_> = std::fs::read_dir(p.root().join("content"))
        .unwrap()
        .collect();
    assert_eq!(own.len(), 1, "content/ holds only its note");
    p.build_ok();
    // The same site as the repository's own workbook, byte for byte: its
    // content/ is the base.
    let repo = Project::default_workbook();
    repo.build_ok();
    let (a, b) = (p.snapshot_site(), repo.snapshot_site());
    assert_eq!(a.len(), b.len());
    for ((fa, ba), (fb, bb)) in a.iter().zip(&b) {
        assert_eq!(fa, fb);
        assert!(ba == bb, "{fa} differs");
    }
    assert!(!p.site_exists("README.html"), "the note is never a page");
}

#[test]
fn a_project_page_replaces_adds_and_excludes() {
    let p = layered();
    p.write(
        "content/sponsors/finding-sponsors.md",
        "---\ntitle: Finding sponsors at Acme\norder: 2\n---\nAsk your director first. See [our own page](../acme.md).\n",
    );
    p.write(
        "content/acme.md",
        "---\ntitle: How Acme runs its program\norder: 50\n---\nBack to [finding sponsors](sponsors/finding-sponsors.md).\n",
    );
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    p.write(
        "book.toml",
        &toml.replace(
            "exclude = []",
            "exclude = [\"your-situation/\", \"mistakes-to-avoid.md\"]",
        ),
    );
    let report = p.build_ok();
    assert!(
        p.site("sponsors/finding-sponsors.html")
            .contains("Ask your director first")
    );
    assert!(p.site("acme.html").contains("How Acme runs its program"));
    assert!(!p.site_exists("your-situation/index.html"));
    assert!(!p.site_exists("mistakes-to-avoid.html"));
    // The other built-in pages are there; their links to what was left out
    // are text, not links to pages that do not exist, and no warning: the
    // project asked for it.
    assert!(p.site_exists("mentors/finding-mentors.html"));
    assert!(
        !report
            .warnings
            .iter()
            .any(|w| w.message.contains("exclude")),
        "{:#?}",
        report.warnings
    );
    for (page, html) in p.snapshot_site() {
        if page.ends_with(".html") {
            let html = String::from_utf8_lossy(&html);
            assert!(
                !html.contains("mistakes-to-avoid.html") && !html.contains("your-situation/"),
                "{page} links to an excluded page"
            );
        }
    }
    // The starter's ticks of items on mistakes-to-avoid.md are kept quietly.
    let progress = std::fs::read_to_string(p.root().join("data/progress.yaml")).unwrap();
    assert!(progress.contains("mistakes-mentor-search-engine:"));
    assert!(
        !report.warnings.iter().any(|w| w.code == "progress"),
        "{:#?}",
        report.warnings
    );
    // Excluding a page leaves out its translations with it.
    assert!(p.site_exists("fr/index.html"), "the starter is bilingual");
    assert!(!p.site_exists("fr/mistakes-to-avoid.html"));
    assert!(!p.site_exists("fr/your-situation/index.html"));
    // A link the project wrote to an excluded page is its to change.
    p.write(
        "content/acme.md",
        "---\ntitle: How Acme runs its program\norder: 50\n---\nBack to [finding sponsors](sponsors/finding-sponsors.md), or [mistakes](mistakes-to-avoid.md).\n",
    );
    let report = p.build_ok();
    let own: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.message.contains("exclude"))
        .collect();
    assert_eq!(own.len(), 1, "{:#?}", report.warnings);
    assert_eq!(own[0].file.as_deref(), Some(Path::new("content/acme.md")));
    assert!(p.site("acme.html").contains("or mistakes."));
    let toc = p.site("toc.js");
    assert!(toc.contains("How Acme runs its program") && !toc.contains("Women and sponsorship"));
}

#[test]
fn an_exclude_that_matches_nothing_is_an_error_with_a_suggestion() {
    let p = layered();
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    p.write(
        "book.toml",
        &toml.replace(
            "exclude = []",
            "exclude = [\"sponsors/finding-sponsor.md\"]",
        ),
    );
    let (diags, text) = p.build_err();
    assert_eq!(diags.len(), 1, "{text}");
    assert_eq!(diags[0].file.as_deref(), Some(Path::new("book.toml")));
    assert!(diags[0].line > 0);
    assert!(
        diags[0]
            .help
            .as_deref()
            .unwrap()
            .contains("did you mean `sponsors/finding-sponsors.md`?"),
        "{text}"
    );
}

#[test]
fn an_ejected_page_hears_of_a_newer_built_in_edition() {
    let p = layered();
    let out = eject(&p, &["sponsors/finding-sponsors.md"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ejected =
        std::fs::read_to_string(p.root().join("content/sponsors/finding-sponsors.md")).unwrap();
    let builtin = Base::builtin().get("sponsors/finding-sponsors.md").unwrap();
    assert!(ejected.starts_with(&format!("---\nbased_on: {}\n", fingerprint(builtin))));

    // With this edition: no warning.
    let load = |base: &Base| {
        let mut diags = Diagnostics::new();
        careerbook::load::load_on(p.root(), today(), base, &mut diags);
        diags.sorted()
    };
    assert!(!load(Base::builtin()).iter().any(|d| d.code == "edition"));

    // A test build of the next edition, whose finding-sponsors page changed.
    let mut next: Vec<(String, String)> = Base::builtin()
        .files()
        .map(|(rel, text)| (rel.to_string(), text.to_string()))
        .collect();
    for (rel, text) in &mut next {
        if rel == "sponsors/finding-sponsors.md" {
            text.push_str("\nA paragraph of the next edition.\n");
        }
    }
    let diags = load(&Base::from_files(next));
    let edition: Vec<_> = diags.iter().filter(|d| d.code == "edition").collect();
    assert_eq!(edition.len(), 1, "{diags:#?}");
    assert_eq!(
        edition[0].file.as_deref(),
        Some(Path::new("content/sponsors/finding-sponsors.md"))
    );
    assert_eq!(edition[0].line, 2, "at based_on");
    assert!(
        edition[0]
            .help
            .as_deref()
            .unwrap()
            .contains("eject --diff sponsors/finding-sponsors.md")
    );

    // eject --list and --diff say the same from the command line.
    let out = eject(&p, &["--list"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("sponsors/finding-sponsors.md"), "{listed}");
    assert!(
        listed.contains("yours, ejected from this edition"),
        "{listed}"
    );
    // As ejected, the page is the built-in one: its `based_on:` is no change.
    let out = eject(&p, &["--diff", "sponsors/finding-sponsors.md"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(said.contains("the same as the built-in page"), "{said}");
    // A change of the project's own is the diff, and only it.
    p.write(
        "content/sponsors/finding-sponsors.md",
        &format!("{ejected}\nAsk your director first.\n"),
    );
    let out = eject(&p, &["--diff", "sponsors/finding-sponsors.md"]);
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.contains("+Ask your director first."), "{diff}");
    assert!(!diff.contains("based_on"), "{diff}");
}

#[test]
fn a_project_made_by_the_old_init_keeps_building_and_sees_its_identical_pages() {
    // The old init copied the whole guidance and wrote no [content] section.
    let p = Project::default_workbook();
    let before = p.build_ok();
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    p.write("book.toml", &format!("{toml}\n[content]\nbase = true\n"));
    let after = p.build_ok();
    assert_eq!(before.pages, after.pages);
    let out = eject(&p, &["--list"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    // Its pages; the theme's files follow them.
    assert!(
        listed
            .lines()
            .filter(|l| !l.starts_with("theme/"))
            .all(|l| l.contains("yours, the same as the built-in page")),
        "{listed}"
    );
    // Deleting one of them changes nothing: the built-in page takes its place.
    p.remove("content/mentors/finding-mentors.md");
    let html = p.site("mentors/finding-mentors.html");
    p.build_ok();
    assert_eq!(p.site("mentors/finding-mentors.html"), html);
}

#[test]
fn checklist_ids_of_the_built_in_guidance_are_pinned() {
    // Upgrading must never lose a tick: every checklist item of the guidance
    // carries its own id (`{#id}`), so rewording an item keeps its id.
    for (rel, text) in Base::builtin().files() {
        for (n, line) in text.lines().enumerate() {
            let item = line.trim_start();
            if item.starts_with("- [ ]") || item.starts_with("- [x]") {
                assert!(
                    // `{#id}`, or `{=id}` for a reference to an item elsewhere.
                    item.trim_end().ends_with('}') && (item.contains("{#") || item.contains("{=")),
                    "{rel}:{}: a checklist item without a pinned id: {item}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn a_page_of_the_project_at_an_excluded_path_is_in_the_book_with_its_links() {
    let p = layered();
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    p.write(
        "book.toml",
        &toml.replace("exclude = []", "exclude = [\"mistakes-to-avoid.md\"]"),
    );
    p.write(
        "content/mistakes-to-avoid.md",
        "---\ntitle: Our own mistakes page\n---\nOurs.\n",
    );
    p.build_ok();
    assert!(
        p.site("mistakes-to-avoid.html")
            .contains("Our own mistakes page")
    );
    // The guide's links to it are links.
    assert!(
        p.site("index.html")
            .contains("href=\"mistakes-to-avoid.html\""),
        "{}",
        p.site("index.html")
    );
}

#[test]
fn in_a_cohort_too_a_link_of_the_project_to_an_excluded_page_is_a_warning() {
    let p = Project::from_fixture("cohort");
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    p.write(
        "book.toml",
        &format!("{toml}\n[content]\nbase = true\nexclude = [\"mistakes-to-avoid.md\"]\n"),
    );
    p.write(
        "content/my-page.md",
        "---\ntitle: My page\n---\nSee [mistakes](mistakes-to-avoid.md).\n",
    );
    let report = p.build_ok();
    let told: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.message.contains("exclude"))
        .collect();
    assert_eq!(told.len(), 1, "{:#?}", report.warnings);
    assert_eq!(
        told[0].file.as_deref(),
        Some(Path::new("content/my-page.md"))
    );
}

#[test]
fn theme_files_are_ejected_one_by_one_listed_and_diffed() {
    let p = layered();
    let builtin = |rel: &str| {
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("themes/default")
                .join(rel),
        )
        .unwrap()
    };
    let said = |out: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };

    // A file, and a folder; `themes/default/…`, as the README lists them, too.
    let out = eject(
        &p,
        &[
            "theme/templates/page.html",
            "theme/print/",
            "themes/default/static/css/book.css",
        ],
    );
    assert!(out.status.success(), "{}", said(&out));
    for rel in [
        "templates/page.html",
        "print/workbook.typ",
        "print/components.typ",
        "static/css/book.css",
    ] {
        let own = std::fs::read(p.root().join("themes/default").join(rel)).unwrap();
        assert!(own == builtin(rel), "{rel} is the built-in file");
        assert!(
            said(&out).contains(&format!("Wrote themes/default/{rel}")),
            "{}",
            said(&out)
        );
    }
    assert!(!p.root().join("themes/default/templates/base.html").exists());

    // Never overwritten.
    p.write("themes/default/static/css/book.css", "/* ours */\n");
    let out = eject(&p, &["theme/static/css/book.css"]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(
        said(&out).contains("Kept themes/default/static/css/book.css"),
        "{}",
        said(&out)
    );
    assert_eq!(
        std::fs::read_to_string(p.root().join("themes/default/static/css/book.css")).unwrap(),
        "/* ours */\n"
    );

    // A path that names nothing: an error with a did-you-mean, and nothing
    // written, not even the paths that are right.
    let out = eject(
        &p,
        &["theme/templates/base.html", "theme/templates/pge.html"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(
        said(&out)
            .contains("`theme/templates/pge.html` is not a file or folder of the built-in theme"),
        "{}",
        said(&out)
    );
    assert!(
        said(&out).contains("did you mean `theme/templates/page.html`?"),
        "{}",
        said(&out)
    );
    assert!(!p.root().join("themes/default/templates/base.html").exists());
    // A theme file named like a page says how to name it.
    let out = eject(&p, &["templates/base.html"]);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(
        said(&out).contains("`careerbook eject theme/templates/base.html`"),
        "{}",
        said(&out)
    );

    // The list says which the project replaces, and how.
    let out = eject(&p, &["--list"]);
    let listed = said(&out);
    let line = |rel: &str| {
        listed
            .lines()
            .find(|l| l.starts_with(&format!("theme/{rel} ")))
            .unwrap_or_else(|| panic!("{rel} is listed: {listed}"))
            .to_string()
    };
    assert!(
        line("templates/page.html")
            .ends_with("yours, the same as the built-in file: delete it to get new editions")
    );
    assert!(line("static/css/book.css").ends_with("yours, different from the built-in file"));
    assert!(line("templates/base.html").ends_with("built in"));
    assert!(
        listed.contains("theme files; themes/default/ replaces 6, 5 of them with the same text"),
        "{listed}"
    );

    // The diff is the project's change; the build uses the project's file.
    let out = eject(
        &p,
        &[
            "--diff",
            "theme/static/css/book.css",
            "theme/templates/page.html",
        ],
    );
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("+/* ours */"), "{}", said(&out));
    assert!(said(&out).contains("theme/templates/page.html: the same as the built-in file"));
    // A folder: the diffs of its files the project has (none differ here).
    let out = eject(&p, &["--diff", "theme/print/"]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(
        said(&out).contains("theme/print/: the same as the built-in file"),
        "{}",
        said(&out)
    );
    let out = eject(&p, &["--diff", "theme/static/"]);
    assert!(said(&out).contains("+/* ours */"), "{}", said(&out));
    p.build_ok();
    assert_eq!(p.site("assets/css/book.css"), "/* ours */\n");

    // Into the theme folder book.toml names.
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    assert!(toml.contains("theme = \"default\""), "{toml}");
    p.write(
        "book.toml",
        &toml.replace("theme = \"default\"", "theme = \"brand\""),
    );
    let out = eject(&p, &["theme/templates/base.html"]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(p.root().join("themes/brand/templates/base.html").is_file());
}
