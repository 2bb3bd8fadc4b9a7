//! Broken projects: every problem is reported with its file, line and column, all
//! at once, and nothing is written.

use crate::common::Project;

fn located(diags: &[careerbook::Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .map(|d| format!("{} {}", d.location(), d.message))
        .collect()
}

#[test]
fn broken_book_toml_is_located_with_a_hint() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Fixture\"\ntitel = \"typo\"\n",
    );
    let (diags, text) = p.build_err();
    assert_eq!(
        located(&diags),
        [
            "book.toml:3:1 unknown field `titel`, expected one of `title`, `authors`, `description`, `language`, `languages`"
        ]
    );
    insta::assert_snapshot!(text);
    assert!(!p.site_exists("index.html"));
}

#[test]
fn broken_yaml_is_located() {
    let p = Project::from_fixture("minimal");
    p.write("data/profile.yaml", "name: Robin\nregion: [ontario\n");
    let (diags, text) = p.build_err();
    assert_eq!(diags.len(), 1, "{text}");
    assert_eq!(
        diags[0].file.as_deref(),
        Some(std::path::Path::new("data/profile.yaml"))
    );
    assert_eq!(diags[0].line, 2, "{text}");
}

#[test]
fn broken_front_matter_is_located_in_the_page() {
    let p = Project::from_fixture("minimal");
    p.write(
        "content/chapter.md",
        "---\ntitle: A chapter\nordr: 1\n---\nBody\n",
    );
    let (diags, text) = p.build_err();
    assert_eq!(
        located(&diags),
        [
            "content/chapter.md:3:1 unknown field `ordr`, expected one of title, order, description, template, message, review_days, aliases, based_on",
            // The pages are still compiled: what the new chapter lacks is
            // reported in the same run.
            "content/index.md:7:6 `chapter.md` has no heading `#second-heading`",
            "data/progress.yaml:2:3 `fixture-write` is not a checklist item in the book",
        ]
    );
    assert_eq!(diags[0].help.as_deref(), Some("did you mean `order`?"));
    insta::assert_snapshot!(text);
}

#[test]
fn unclosed_front_matter() {
    let p = Project::from_fixture("minimal");
    p.write("content/chapter.md", "---\ntitle: A chapter\n\nBody\n");
    let (diags, _) = p.build_err();
    assert_eq!(
        located(&diags),
        [
            "content/chapter.md:1:1 the front matter is never closed",
            "content/index.md:7:6 `chapter.md` has no heading `#second-heading`",
            "data/progress.yaml:2:3 `fixture-write` is not a checklist item in the book",
        ]
    );
}

#[test]
fn template_errors_in_pages_name_the_line() {
    let p = Project::from_fixture("minimal");
    p.write(
        "content/chapter.md",
        // The heading the home page links to stays: the links are checked too.
        "---\ntitle: A chapter\n---\nFine line.\n\n{% if profile.name %}\nNever closed.\n\n\
         ## Second heading\n",
    );
    let (diags, text) = p.build_err();
    assert_eq!(diags.len(), 1, "{text}");
    assert_eq!(
        diags[0].file.as_deref(),
        Some(std::path::Path::new("content/chapter.md"))
    );
    // Where the block opens, not past the end of the file where Tera
    // noticed it.
    assert_eq!((diags[0].line, diags[0].column), (6, 1), "{text}");
    assert_eq!(diags[0].message, "`{% if %}` is never closed", "{text}");
    assert_eq!(
        diags[0].help.as_deref(),
        Some("end it with `{% endif %}` where its part ends")
    );
}

#[test]
fn undefined_variables_in_pages_point_at_their_use() {
    let p = Project::from_fixture("minimal");
    p.write(
        "content/chapter.md",
        "---\ntitle: A chapter\n---\nLine one.\n\nHi {{ profle.name }}\n\n## Second heading\n",
    );
    let (diags, text) = p.build_err();
    assert_eq!((diags[0].line, diags[0].column), (6, 7), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn broken_theme_templates_are_reported_per_file() {
    let p = Project::from_fixture("minimal");
    p.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}{{ content | safe }\n{% endblock main %}\n",
    );
    let (diags, text) = p.build_err();
    assert_eq!(diags.len(), 1, "{text}");
    assert_eq!(
        diags[0].file.as_deref(),
        Some(std::path::Path::new("themes/default/templates/page.html"))
    );
    assert_eq!(diags[0].line, 2, "{text}");
}

#[test]
fn a_theme_template_s_render_error_is_reported_where_it_is_written_once() {
    let p = Project::from_fixture("minimal");
    let builtin = |rel: &str| {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("themes/default/templates")
                .join(rel),
        )
        .unwrap()
    };
    // A parent template's misspelt variable, and a partial's unknown filter:
    // Tera names the page's template it was rendering, with no line.
    p.write(
        "themes/default/templates/base.html",
        &builtin("base.html").replacen("{{ book.title }}", "{{ book.titel }}", 1),
    );
    p.write(
        "themes/default/templates/partials/pager.html",
        &(builtin("partials/pager.html") + "{{ page.title | uper }}\n"),
    );
    let (diags, text) = p.build_err();
    let found: Vec<(String, &str, Option<&str>)> = diags
        .iter()
        .map(|d| (d.location(), d.message.as_str(), d.help.as_deref()))
        .collect();
    assert_eq!(found.len(), 2, "{text}");
    assert!(
        found.contains(&(
            "themes/default/templates/base.html:6:50".to_string(),
            "`book.titel` is not defined",
            Some("did you mean `book.title`?")
        )),
        "{text}"
    );
    let pager = builtin("partials/pager.html").lines().count() + 1;
    assert!(
        found.iter().any(|(at, what, help)| at.starts_with(&format!(
            "themes/default/templates/partials/pager.html:{pager}:"
        )) && what.contains("uper")
            && *help == Some("did you mean `upper`?")),
        "{text}"
    );
}

#[test]
fn a_book_toml_in_error_does_not_make_its_languages_pages_unlisted() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Book\"\nlanguages = [\"en-CA\", \"fr-CA\"]\n\n[branding]\ncontact = \"www.example.org\"\n",
    );
    p.write(
        "content/chapter.fr.md",
        "---\ntitle: Un chapitre\n---\nBonjour.\n",
    );
    let (diags, text) = p.build_err();
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("is not an http(s) or mailto link")),
        "{text}"
    );
    // book.toml lists French: its French page is not "in a language it does
    // not list" because book.toml could not be read.
    assert!(!diags.iter().any(|d| d.code == "translation"), "{text}");
}

#[test]
fn a_missing_logo_is_reported_with_book_toml_s_other_problems() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Book\"\n\n[branding]\nlogo = \"brand/logo.png\"\ncontact = \"www.example.org\"\n\n[output.html]\nadditional-css = [\"custom.css\", \"here.css\"]\n",
    );
    p.write("here.css", "main { color: black; }\n");
    let (diags, text) = p.build_err();
    let at = |message: &str| {
        diags
            .iter()
            .find(|d| d.message == message)
            .unwrap_or_else(|| panic!("no `{message}` in {text}"))
            .location()
    };
    // At the values, which are what is wrong.
    assert_eq!(at("cannot find the logo `brand/logo.png`"), "book.toml:5:8");
    assert_eq!(
        at("cannot find the stylesheet `custom.css`"),
        "book.toml:9:18"
    );
    assert_eq!(
        at("`www.example.org` is not an http(s) or mailto link"),
        "book.toml:6:11"
    );
    assert_eq!(diags.len(), 3, "{text}");
    // `check` says the same, and the files, once there, build.
    let checked = careerbook::check::check(p.root(), crate::common::today(), None);
    assert_eq!(checked.iter().filter(|d| d.code == "config").count(), 3);
    // A logo that is not the image its name says (an SVG saved as `.png`)
    // would be a broken image on the site and stop the PDF: said at its line.
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>\n";
    p.write("brand/logo.png", svg);
    p.write("custom.css", "");
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    let toml = toml.replace("www.example.org", "https://example.org");
    p.write("book.toml", &toml);
    let (diags, text) = p.build_err();
    assert_eq!(diags.len(), 1, "{text}");
    assert_eq!(diags[0].location(), "book.toml:5:8");
    assert_eq!(
        diags[0].message,
        "the logo `brand/logo.png` is not a PNG image"
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("it is an SVG image: give the file the `.svg` extension, here and in [branding] logo")
    );
    // Named for what it is, it builds.
    p.write("brand/logo.svg", svg);
    p.write("book.toml", &toml.replace("logo.png", "logo.svg"));
    p.build_ok();
    assert!(p.site_exists("assets/brand/logo.svg"));
}

#[test]
fn an_empty_page_file_is_a_warning() {
    let p = Project::from_fixture("minimal");
    p.write("content/empty-notes.md", "\n  \n");
    let report = p.build_ok();
    let w = report
        .warnings
        .iter()
        .find(|w| w.message == "this page is empty")
        .expect("a warning");
    assert_eq!(w.location(), "content/empty-notes.md");
    assert!(
        w.help.as_deref().unwrap().contains("titled “Empty notes”"),
        "{w:?}"
    );
    // It is still built, as it says.
    assert!(p.site_exists("empty-notes.html"));
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let p = Project::from_fixture("minimal");
    p.write("book.toml", "[book]\nlanguage = \"english\"\n");
    p.write("data/profile.yaml", "name: [x\n");
    p.write("content/chapter.md", "---\nordr: 1\n---\n");
    p.write("content/raw.md", "---\ntitle: x\n");
    let (diags, text) = p.build_err();
    let files: Vec<_> = diags
        .iter()
        .map(|d| d.file.as_ref().unwrap().display().to_string())
        .collect();
    assert_eq!(
        files,
        [
            "book.toml",
            "content/chapter.md",
            "content/raw.md",
            "data/profile.yaml"
        ],
        "{text}"
    );
}

#[test]
fn duplicate_checklist_ids_are_errors() {
    let p = Project::from_fixture("minimal");
    p.write(
        "content/raw.md",
        "---\ntitle: Raw\n---\n- [ ] Again {#fixture-write}\n",
    );
    let (diags, text) = p.build_err();
    assert_eq!(diags[0].code, "checklist", "{text}");
    assert!(
        diags[0]
            .help
            .as_deref()
            .unwrap()
            .contains("content/chapter.md"),
        "{text}"
    );
}

#[test]
fn broken_links_are_warnings_with_suggestions() {
    let p = Project::from_fixture("minimal");
    p.write(
        "content/raw.md",
        "---\ntitle: Raw\n---\n[gone](missing.md) and [typo](chapter.md#second-headng)\n\n\
         [page typo](part/insde.md)\n",
    );
    let report = p.build_ok();
    let messages: Vec<_> = report
        .warnings
        .iter()
        .map(|d| (d.location(), d.message.clone(), d.help.clone()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                "content/raw.md:4:1".to_string(),
                "the link points to `missing.md`, which is not a page".to_string(),
                Some(
                    "link to a page of the book (its .md file, relative to this page); \
                     `careerbook eject --list` lists the built-in ones"
                        .to_string()
                )
            ),
            (
                "content/raw.md:4:24".to_string(),
                "`chapter.md` has no heading `#second-headng`".to_string(),
                Some("did you mean `#second-heading`?".to_string())
            ),
            (
                "content/raw.md:6:1".to_string(),
                "the link points to `part/insde.md`, which is not a page".to_string(),
                Some("did you mean the page `part/inside.md`?".to_string())
            ),
        ]
    );
}

#[test]
fn non_utf8_and_bom_files() {
    let p = Project::from_fixture("minimal");
    std::fs::write(
        p.root().join("content/raw.md"),
        b"---\ntitle: x\n---\ncaf\xe9\n",
    )
    .unwrap();
    let (diags, _) = p.build_err();
    assert_eq!(
        located(&diags),
        ["content/raw.md:4:4 the file is not valid UTF-8 text"]
    );
    std::fs::write(
        p.root().join("content/raw.md"),
        "\u{feff}---\ntitle: With a BOM\n---\nText\n",
    )
    .unwrap();
    p.build_ok();
    assert!(p.site("raw.html").contains("<h1>With a BOM</h1>"));
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_project_are_refused() {
    let p = Project::from_fixture("minimal");
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "secret").unwrap();
    std::os::unix::fs::symlink(outside.path(), p.root().join("content/leak.txt")).unwrap();
    let (diags, _) = p.build_err();
    assert_eq!(
        located(&diags),
        ["content/leak.txt this symbolic link points outside the project folder"]
    );
}

#[test]
fn every_refused_link_and_bad_item_id_of_a_page_is_reported_at_once() {
    let p = Project::from_fixture("minimal");
    p.write(
        "content/chapter.md",
        "# A chapter\n\nSee [this](javascript:alert(1)).\n\n- [ ] Do it {#../x}\n- [ ] And [that](data:text/html,hi)\n\n\
         ## Second heading\n",
    );
    let (diags, text) = p.build_err();
    let found = located(&diags);
    assert_eq!(found.len(), 3, "{text}");
    assert!(
        found[0].starts_with("content/chapter.md:3:5 `javascript:`"),
        "{text}"
    );
    assert!(found[1].starts_with("content/chapter.md:5:"), "{text}");
    assert!(found[2].starts_with("content/chapter.md:6:"), "{text}");
    assert!(!p.site_exists("index.html"));
}

/// Each data file (and front matter, and an untyped data file) reports a
/// French ` : ` in a value with help that quotes the line back, by the same
/// path, in one person's data and in a cohort member's.
#[test]
fn a_colon_in_a_french_value_gets_the_line_back_in_quotes_in_every_file() {
    let cases = [
        (
            "minimal",
            "data/profile.yaml",
            "name: Robin\nrole: Conseillère : design\n",
            2,
            "`role: \"Conseillère : design\"`",
        ),
        (
            "minimal",
            "data/relationships.yaml",
            "people:\n  - id: jf\n    name: JF\n    role: mentor\n    log:\n      - date: 2026-01-10\n        summary: Premier café : il m'a parlé de ses débuts.\n",
            7,
            "`summary: \"Premier café : il m'a parlé de ses débuts.\"`",
        ),
        (
            "minimal",
            "data/wins.yaml",
            "wins:\n  - id: dotation\n    date: 2026-11-01\n    title: Dotation : délai réduit\n",
            4,
            "`title: \"Dotation : délai réduit\"`",
        ),
        (
            "minimal",
            "data/progress.yaml",
            "done:\n  fixture-write: le 15 : fait\n",
            2,
            "`fixture-write: \"le 15 : fait\"`",
        ),
        (
            "minimal",
            "data/events.yaml",
            "- titre: Midi-conférence : le mentorat\n",
            1,
            "`- titre: \"Midi-conférence : le mentorat\"`",
        ),
        (
            "minimal",
            "content/raw.md",
            "---\ntitle: Dotation : délai réduit\n---\nText\n",
            2,
            "`title: \"Dotation : délai réduit\"`",
        ),
        (
            "cohort",
            "data/people/chloe-roy/relationships.yaml",
            "people:\n  - id: jf\n    name: JF\n    role: mentor\n    next_step: Relance : un café en janvier\n",
            5,
            "`next_step: \"Relance : un café en janvier\"`",
        ),
        (
            "cohort",
            "data/people/chloe-roy/profile.yaml",
            "name: Chloé Roy\ngoals:\n  - Devenir gestionnaire : en 2027\n",
            3,
            "`- \"Devenir gestionnaire : en 2027\"`",
        ),
    ];
    for (fixture, file, text, line, quoted) in cases {
        let p = Project::from_fixture(fixture);
        p.write(file, text);
        let (diags, rendered) = p.build_err();
        let d = diags
            .iter()
            .find(|d| d.file.as_deref() == Some(std::path::Path::new(file)))
            .unwrap_or_else(|| panic!("{file}: {rendered}"));
        assert_eq!(d.line, line, "{file}: {rendered}");
        let help = d.help.as_deref().unwrap_or_default();
        assert!(help.contains("put the whole"), "{file}: {rendered}");
        assert!(help.contains(quoted), "{file}: {rendered}");
        assert!(rendered.contains(&format!("help: {help}")), "{rendered}");
        // The advice works: the line as quoted reads.
        let fixed = text.replace(
            text.lines().nth(line - 1).unwrap().trim(),
            quoted.trim_matches('`'),
        );
        p.write(file, &fixed);
        if let Err(diags) = p.build() {
            assert!(
                diags.iter().all(|d| !d.message.contains("mapping values")
                    && !d.message.starts_with("expected string")),
                "{file}: {diags:#?}"
            );
        }
    }
}

#[test]
fn an_impossible_date_gets_help_that_fits_the_fault() {
    let p = Project::from_fixture("minimal");
    p.write(
        "data/relationships.yaml",
        "people:\n  - id: jf\n    name: JF\n    role: mentor\n    next_step: Café\n    next_step_due: 2027-02-30\n    last_contact: 2026-13-01\n    log:\n      - date: 2026-1-5\n",
    );
    let (diags, text) = p.build_err();
    let helps: Vec<(String, Option<&str>)> = diags
        .iter()
        .map(|d| (d.location(), d.help.as_deref()))
        .collect();
    assert_eq!(
        helps,
        [
            (
                "data/relationships.yaml:6:20".to_string(),
                Some("the last day of February 2027 is 2027-02-28: check the day")
            ),
            (
                "data/relationships.yaml:7:19".to_string(),
                Some(
                    "months go from 01 to 12, and the month comes before the day: for 13 January 2026, write 2026-01-13"
                )
            ),
            (
                "data/relationships.yaml:9:15".to_string(),
                Some("write it as YYYY-MM-DD: 2026-01-05 for 5 January 2026")
            ),
        ],
        "{text}"
    );
    // The same in progress.yaml, which reads its dates itself.
    let p = Project::from_fixture("minimal");
    p.write("data/progress.yaml", "done:\n  fixture-write: 2026-04-31\n");
    let (diags, text) = p.build_err();
    assert_eq!(
        diags[0].help.as_deref(),
        Some("the last day of April 2026 is 2026-04-30: check the day"),
        "{text}"
    );
}

#[test]
fn a_region_with_an_accent_and_a_language_without_its_region_get_a_did_you_mean() {
    let p = Project::from_fixture("minimal");
    p.write("data/profile.yaml", "name: Robin\nregion: Québec\n");
    let (diags, text) = p.build_err();
    assert_eq!(diags.len(), 1, "{text}");
    assert_eq!(
        diags[0].help.as_deref(),
        Some("did you mean `quebec`?"),
        "{text}"
    );

    // A cohort member's `language: fr`, as `careerbook pdf --lang fr` says.
    let p = Project::bilingual_cohort();
    p.write(
        "data/people/chloe-roy/profile.yaml",
        "name: Chloé Roy\nlanguage: fr\n",
    );
    let (diags, text) = p.build_err();
    assert_eq!(
        located(&diags),
        ["data/people/chloe-roy/profile.yaml:2:11 `fr` is not one of the book's languages"],
        "{text}"
    );
    assert_eq!(diags[0].help.as_deref(), Some("did you mean `fr-CA`?"));
    // Even when another key of the profile has a problem too.
    p.write(
        "data/people/chloe-roy/profile.yaml",
        "name: Chloé Roy\nregion: Québec\nlanguage: fr\n",
    );
    let (diags, text) = p.build_err();
    let helps: Vec<Option<&str>> = diags.iter().map(|d| d.help.as_deref()).collect();
    assert_eq!(
        helps,
        [
            Some("did you mean `quebec`?"),
            Some("did you mean `fr-CA`?")
        ],
        "{text}"
    );
}

/// A value's own check (an id, an e-mail address) is reported in the same
/// run as another key's problem in the same entry, not after it is fixed.
#[test]
fn independent_problems_of_one_entry_are_reported_in_one_run() {
    let p = Project::from_fixture("minimal");
    p.write(
        "data/relationships.yaml",
        "people:\n  - id: JF\n    name: Jean-François D'Amours\n    role: Mentor\n    email: jf.damours(at)example.com\n    cadence_days: monthly\n    next_step_due: 2026-12-01\n    next_step: [call]\n",
    );
    let (diags, text) = p.build_err();
    assert_eq!(
        located(&diags),
        [
            "data/relationships.yaml:2:9 `JF` is not a valid id: ids use lower-case letters, digits and `-`",
            "data/relationships.yaml:4:11 unknown variant `Mentor`, expected one of mentor, sponsor",
            "data/relationships.yaml:5:12 email: `jf.damours(at)example.com` is not an e-mail address",
            "data/relationships.yaml:6:5 invalid type: string \"monthly\", expected a whole number of days, such as 30",
            "data/relationships.yaml:8:16 expected string scalar",
        ],
        "{text}"
    );
    // `next_step` was left out for its own problem: not reported missing.
    assert!(!text.contains("no next_step"), "{text}");

    // A win, and a profile.
    let p = Project::from_fixture("minimal");
    p.write(
        "data/wins.yaml",
        "wins:\n  - id: Dotation\n    date: 2026-02-30\n    title: ''\n",
    );
    p.write(
        "data/profile.yaml",
        "name: Robin\nplan_start: 2026-13-01\nemail: robin(at)example.com\n",
    );
    let (diags, text) = p.build_err();
    let found = located(&diags);
    assert_eq!(found.len(), 5, "{text}");
    assert!(
        found[0].starts_with("data/profile.yaml:2:13 `2026-13-01`"),
        "{text}"
    );
    assert!(
        found[1].starts_with("data/profile.yaml:3:8 email:"),
        "{text}"
    );
    assert!(
        found[2].starts_with("data/wins.yaml:2:9 `Dotation` is not a valid id"),
        "{text}"
    );
    assert!(
        found[3].starts_with("data/wins.yaml:3:11 `2026-02-30`"),
        "{text}"
    );
    assert!(
        found[4].starts_with("data/wins.yaml:4:12 the win's title is empty"),
        "{text}"
    );
}
