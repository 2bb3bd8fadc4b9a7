//! `careerbook build` end to end on fixture projects.

use crate::common::{Project, today};

#[test]
fn builds_every_page_with_prev_next_and_shared_toc() {
    let p = Project::from_fixture("minimal");
    let report = p.build_ok();
    assert_eq!(
        report.pages, 10,
        "5 content pages + progress, the sponsor brief, print, toc and 404"
    );
    for page in [
        "index.html",
        "chapter.html",
        "raw.html",
        "part/index.html",
        "part/inside.html",
    ] {
        assert!(p.site_exists(page), "{page} missing");
    }
    let chapter = p.site("chapter.html");
    // Reading order, as in the contents: index, the workbook's own pages
    // (progress, the brief), chapter (order 1), raw (2), part (3) and its page.
    let pager = |page: &str| {
        let html = p.site(page);
        let link = |rel: &str| {
            let at = html.find(&format!("rel=\"{rel}\" href=\""))?;
            let rest = &html[at + rel.len() + 13..];
            Some(rest[..rest.find('"').unwrap()].to_string())
        };
        (link("prev"), link("next"))
    };
    let link = |href: &str| Some(href.to_string());
    assert_eq!(pager("index.html"), (None, link("progress.html")));
    assert_eq!(
        pager("progress.html"),
        (link("index.html"), link("brief.html"))
    );
    assert_eq!(
        pager("brief.html"),
        (link("progress.html"), link("chapter.html"))
    );
    assert_eq!(
        pager("chapter.html"),
        (link("brief.html"), link("raw.html"))
    );
    let inside = p.site("part/inside.html");
    assert!(
        inside.contains(r#"href="../part/index.html""#),
        "prev link is relative to the page's folder"
    );
    assert!(inside.contains(r#"<script src="../toc.js" defer></script>"#));
    // The table of contents is written once and shared, never inlined in chapters.
    let toc = p.site("toc.js");
    assert!(
        toc.contains(r#""title":"Inside the part","url":"part/inside.html","level":1"#),
        "{toc}"
    );
    assert!(
        !chapter.contains("Inside the part"),
        "chapters must not carry the whole table of contents"
    );
    assert!(p.site("toc.html").contains("<base target=\"_parent\">"));
}

#[test]
fn markdown_extensions_ids_and_links() {
    let p = Project::from_fixture("minimal");
    p.build_ok();
    let chapter = p.site("chapter.html");
    assert!(chapter.contains(r##"<h2 id="first-heading"><a class="anchor" href="#first-heading">First heading</a></h2>"##), "{chapter}");
    assert!(chapter.contains(r#"<h2 id="second-heading">"#));
    let index = p.site("index.html");
    assert!(
        index.contains(r#"href="chapter.html#second-heading""#),
        ".md links become .html links: {index}"
    );
    assert!(
        p.site("part/index.html")
            .contains(r#"href="../index.html""#)
    );
    // Non-Markdown files are copied.
    assert!(p.site_exists("picture.svg"));
}

#[test]
fn templates_personalise_and_escape_but_leave_code_alone() {
    let p = Project::from_fixture("minimal");
    p.build_ok();
    let index = p.site("index.html");
    assert!(index.contains("Hello, Robin &lt;Tester&gt;."), "{index}");
    assert!(!index.contains("<Tester>"));
    let chapter = p.site("chapter.html");
    assert!(
        chapter.contains("<code>{{ profile.name }}</code>"),
        "{chapter}"
    );
    assert!(
        chapter.contains("{% for x in items %}{{ x }}{% endfor %}"),
        "{chapter}"
    );
    // `template: false` opts out.
    assert!(
        p.site("raw.html")
            .contains("This page shows {{ profile.name }} as written.")
    );
}

#[test]
fn no_data_still_builds_a_blank_workbook() {
    let p = Project::from_fixture("minimal");
    p.remove("data");
    p.build_ok();
    assert!(p.site("index.html").contains("Hello, reader."));
}

#[test]
fn checklist_items_are_checkboxes_ticked_from_progress() {
    let p = Project::from_fixture("minimal");
    p.build_ok();
    let chapter = p.site("chapter.html");
    assert!(
        chapter.contains(
            r#"<input type="checkbox" data-task="fixture-write" checked> Write it down</label>"#
        ),
        "{chapter}"
    );
    assert!(
        chapter.contains("<time datetime=\"2026-01-15\">"),
        "{chapter}"
    );
    assert!(
        chapter.contains(r#"data-task="chapter-say-it-out-loud">"#),
        "generated ids come from page and text: {chapter}"
    );
}

#[test]
fn theme_overrides_replace_one_file_and_keep_the_rest() {
    let p = Project::from_fixture("minimal");
    p.build_ok();
    assert!(p.site("chapter.html").contains("fixture-override"));
    // base.html still comes from the built-in theme.
    assert!(p.site("chapter.html").contains("class=\"skip-link\""));
    assert!(p.site_exists("assets/css/book.css"));
    assert!(p.site_exists("assets/js/book.js"));
}

#[test]
fn two_builds_are_byte_identical() {
    let p = Project::from_fixture("minimal");
    p.build_ok();
    let first = p.snapshot_site();
    p.build_ok();
    assert_eq!(first, p.snapshot_site());
    // And a different copy of the same inputs gives the same bytes.
    let q = Project::from_fixture("minimal");
    q.build_ok();
    assert_eq!(first, q.snapshot_site());
}

#[test]
fn base_url_is_used_where_paths_must_be_absolute() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Fixture Book\"\n[output.html]\nbase-url = \"/guide\"\n",
    );
    p.build_ok();
    let not_found = p.site("404.html");
    assert!(
        not_found.contains(r#"href="/guide/assets/css/book.css""#),
        "{not_found}"
    );
    // Pages themselves link relatively, so they work under any path.
    assert!(
        p.site("part/inside.html")
            .contains(r#"href="../assets/css/book.css""#)
    );
}

#[test]
fn additional_css_is_copied_and_linked() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[output.html]\nadditional-css = [\"style/brand.css\"]\n",
    );
    p.write("style/brand.css", ":root { --accent: #a00; }\n");
    p.build_ok();
    assert!(
        p.site("part/inside.html")
            .contains(r#"<link rel="stylesheet" href="../style/brand.css">"#)
    );
    assert_eq!(p.site("style/brand.css"), ":root { --accent: #a00; }\n");
}

#[test]
fn a_failed_build_keeps_the_last_good_site() {
    let p = Project::from_fixture("minimal");
    p.build_ok();
    let before = p.snapshot_site();
    p.write("content/chapter.md", "---\ntitle: [unclosed\n---\nBody\n");
    p.build_err();
    assert_eq!(before, p.snapshot_site(), "the old site must be untouched");
    // No staging folders left behind.
    let leftovers: Vec<_> = std::fs::read_dir(p.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_failed_first_build_says_nothing_was_written_and_a_later_one_that_the_site_stays() {
    let p = Project::from_fixture("minimal");
    let chapter = std::fs::read_to_string(p.root().join("content/chapter.md")).unwrap();
    p.write("content/chapter.md", "---\ntitle: [unclosed\n---\nBody\n");
    let failed = || {
        let out = crate::common::careerbook()
            .args(["build", "--today", "2026-11-24"])
            .arg(p.root())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let said = failed();
    assert!(said.contains("; nothing was written"), "{said}");
    assert!(!p.site_exists("index.html"));
    p.write("content/chapter.md", &chapter);
    p.build_ok();
    p.write("content/chapter.md", "---\ntitle: [unclosed\n---\nBody\n");
    let said = failed();
    assert!(
        said.contains("; the previous site was left as it was"),
        "{said}"
    );
}

#[test]
fn the_build_never_writes_into_content_or_data() {
    let p = Project::from_fixture("minimal");
    let before: Vec<_> = ["content", "data"]
        .iter()
        .flat_map(|d| {
            walkdir::WalkDir::new(p.root().join(d))
                .into_iter()
                .filter_map(Result::ok)
        })
        .map(|e| (e.path().to_path_buf(), e.metadata().unwrap().len()))
        .collect();
    p.build_ok();
    let after: Vec<_> = ["content", "data"]
        .iter()
        .flat_map(|d| {
            walkdir::WalkDir::new(p.root().join(d))
                .into_iter()
                .filter_map(Result::ok)
        })
        .map(|e| (e.path().to_path_buf(), e.metadata().unwrap().len()))
        .collect();
    assert_eq!(before, after);
    let mut opts = p.options();
    opts.out = Some(p.root().join("content/site"));
    let err = careerbook::build(&opts).unwrap_err();
    assert!(
        err.diagnostics[0].message.contains("content/"),
        "{:?}",
        err.diagnostics
    );
}

#[test]
fn the_default_workbook_builds_cleanly() {
    let p = Project::default_workbook();
    let report = p.build_ok();
    assert!(report.pages >= 20, "{} pages", report.pages);
    let link_warnings: Vec<_> = report
        .warnings
        .iter()
        .filter(|d| d.code == "link")
        .collect();
    assert!(
        link_warnings.is_empty(),
        "broken links in the guidance: {link_warnings:#?}"
    );
}

#[test]
fn print_page_holds_every_chapter_with_unique_ids() {
    let p = Project::default_workbook();
    p.build_ok();
    let print = p.site("print.html");
    assert!(
        print.contains("<section class=\"print-chapter\" id=\"chapter-mentors-finding-mentors\">"),
        "{print}"
    );
    assert!(print.contains("Prepared for <strong>Nadia Boudreau</strong>"));
    assert!(print.contains("@page { size: A4; }"));
    // Links between chapters point at sections of the same page.
    assert!(
        print.contains("href=\"#chapter-mentors-finding-mentors\"")
            || print.contains("href=\"#mentors-finding-mentors--"),
        "cross-chapter links"
    );
    assert!(
        !print.contains("href=\"mentors/finding-mentors.html"),
        "no links to separate pages inside the print page"
    );
    // Every id is unique, or the print page's anchors would be ambiguous.
    let mut ids = std::collections::HashSet::new();
    for part in print.split(" id=\"").skip(1) {
        let id = part.split('"').next().unwrap();
        assert!(
            ids.insert(id.to_string()),
            "duplicate id `{id}` in print.html"
        );
    }
    // A blank workbook prints a fill-in tracker and a name line.
    let q = Project::default_workbook();
    q.remove("data");
    q.write(
        "book.toml",
        "[book]\ntitle = \"Guide\"\n[print]\npage-size = \"letter\"\n",
    );
    q.build_ok();
    let blank = q.site("print.html");
    assert!(blank.contains("Name: <span class=\"fill-line\">"));
    assert!(blank.contains("@page { size: letter; }"));
    assert_eq!(blank.matches("<tr class=\"ruled\">").count(), 8);
}

#[test]
fn branding_appears_on_every_page_and_in_print() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Guide\"\n[branding]\norganisation = \"Maple Mentoring Network\"\nlogo = \"brand/logo.svg\"\naccent = \"#a0522d\"\nfooter = \"© Maple Mentoring Network\"\ncontact = \"mailto:hello@example.org\"\n",
    );
    p.write(
        "brand/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>",
    );
    p.build_ok();
    assert!(p.site_exists("assets/brand/logo.svg"));
    for page in ["index.html", "part/inside.html", "progress.html"] {
        let html = p.site(page);
        assert!(html.contains(":root { --accent: #a0522d; }"), "{page}");
        assert!(
            html.contains("brand/logo.svg\" alt=\"Maple Mentoring Network\""),
            "{page}"
        );
        assert!(html.contains("© Maple Mentoring Network"), "{page}");
        assert!(html.contains("href=\"mailto:hello@example.org\""), "{page}");
    }
    assert!(p.site("print.html").contains("Maple Mentoring Network"));
    // A bad colour is refused with its line, not written into CSS.
    p.write(
        "book.toml",
        "[branding]\naccent = \"red;}body{display:none\"\n",
    );
    let (diags, _) = p.build_err();
    assert_eq!(diags[0].location(), "book.toml:2:10");
}

#[test]
fn branding_accent_is_made_readable_in_dark_mode() {
    let p = Project::from_fixture("minimal");
    // The README's sienna is 3.2:1 on the dark page: dark mode gets a lighter
    // sienna (computed, so the same every build), the light page the colour as
    // written.
    p.write(
        "book.toml",
        "[book]\ntitle = \"Guide\"\n[branding]\naccent = \"#a0522d\"\n",
    );
    p.build_ok();
    let style = "<style>:root { --accent: #a0522d; } @media (prefers-color-scheme: dark) { :root { --accent: #cb7045; } }</style>";
    for page in ["index.html", "part/inside.html", "progress.html"] {
        assert!(p.site(page).contains(style), "{page}");
    }
    let first = p.site("index.html");
    p.build_ok();
    assert_eq!(p.site("index.html"), first, "byte-identical");
    // A gold too pale for text on the light page is darkened there.
    p.write("book.toml", "[branding]\naccent = \"#fc0\"\n");
    p.build_ok();
    let html = p.site("index.html");
    assert!(
        html.contains("<style>:root { --accent: #856a00; } @media (prefers-color-scheme: dark) { :root { --accent: #fc0; } }</style>"),
        "{html}"
    );
    // `accent-dark` chooses the dark accent.
    p.write(
        "book.toml",
        "[branding]\naccent = \"#a0522d\"\naccent-dark = \"#e96\"\n",
    );
    p.build_ok();
    assert!(p.site("index.html").contains(
        "<style>:root { --accent: #a0522d; } @media (prefers-color-scheme: dark) { :root { --accent: #e96; } }</style>"
    ));
    // Without branding, no style: the theme's own accents.
    p.write("book.toml", "[book]\ntitle = \"Guide\"\n");
    p.build_ok();
    assert!(!p.site("index.html").contains("<style>"));
    // A bad dark accent is refused where it is written, as `accent` is.
    p.write(
        "book.toml",
        "[branding]\naccent = \"#a0522d\"\naccent-dark = \"#a0522d; color: red\"\n",
    );
    let (diags, _) = p.build_err();
    assert_eq!(diags[0].location(), "book.toml:3:15");
    assert!(diags[0].message.contains("not a colour"), "{diags:?}");
}

#[test]
fn on_this_page_lists_the_sections_and_themes_see_their_subsections() {
    let p = Project::default_workbook();
    p.write(
        "content/sections.md",
        "# Sections\n\nText.\n\n### Before any section\n\n## First\n\n### Inside first\n\n#### Deeper\n\n## Second\n\n## Third\n\n### Inside third\n",
    );
    p.build_ok();
    let page = p.site("sections.html");
    let nav = &page[page.find("<nav class=\"on-this-page\"").expect("a nav")..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    assert_eq!(
        nav.matches("<li>").count(),
        3,
        "the level-2 headings only: {nav}"
    );
    for (id, text) in [("first", "First"), ("second", "Second"), ("third", "Third")] {
        assert!(
            nav.contains(&format!("<li><a href=\"#{id}\">{text}</a></li>")),
            "{nav}"
        );
    }
    // A theme may show each section's level-3 headings too.
    p.write(
        "themes/default/templates/page.html",
        "{% for s in page.sections %}[{{ s.id }}:{% for sub in s.subsections %}{{ sub.id }},{% endfor %}]{% endfor %}",
    );
    p.build_ok();
    assert_eq!(
        p.site("sections.html"),
        "[first:inside-first,][second:][third:inside-third,]"
    );
}

/// A page whose template fails is still read for its checklist ids and links,
/// and the other pages' links are checked: one run reports every problem.
#[test]
fn a_template_error_does_not_hide_the_page_s_other_problems() {
    let p = Project::from_fixture("minimal");
    p.write(
        "content/raw.md",
        "---\ntitle: Raw\n---\nHello {{ profile.frist_name }}.\n\n\
         - [ ] Meet your buddy {#Meet_Buddy}\n\nSee [the part](part/insde.md).\n",
    );
    p.write(
        "content/chapter.md",
        "---\ntitle: Chapter\n---\n## First heading\n\nBack to [gone](gone.md).\n\n\
         - [ ] Call Ryan {#call-ryan}\n- [ ] Call Ryan again {#call-ryan}\n",
    );
    let (problems, _) = p.build_err();
    let found: Vec<(String, &str)> = problems
        .iter()
        .map(|d| (d.location(), d.message.as_str()))
        .collect();
    for (at, what) in [
        ("content/raw.md:4:", "`profile.frist_name` is not defined"),
        (
            "content/raw.md:6:",
            "`Meet_Buddy` is not a valid checklist id",
        ),
        ("content/raw.md:8:", "the link points to `part/insde.md`"),
        ("content/chapter.md:6:", "the link points to `gone.md`"),
        (
            "content/chapter.md:9:",
            "two checklist items have the id `call-ryan`",
        ),
    ] {
        assert!(
            found
                .iter()
                .any(|(loc, msg)| loc.starts_with(at) && msg.starts_with(what)),
            "{at} {what}: {found:?}"
        );
    }
}

#[test]
fn a_broken_front_matter_does_not_hide_the_other_pages_problems() {
    let p = Project::from_fixture("minimal");
    // An unknown key, and a front matter never closed.
    p.write(
        "content/typo.md",
        "---\ntitle: Typo\nordr: 2\n---\nSee [the chapter](chapter.md).\n",
    );
    p.write("content/open.md", "---\ntitle: Open\nNo end.\n");
    p.write(
        "content/chapter.md",
        "---\ntitle: Chapter\n---\nHello {{ profile.frist_name }}.\n\n\
         Back to [typo](typo.md), [open](open.md) and [gone](gone.md).\n",
    );
    let checked = careerbook::check::check(p.root(), today(), None);
    for (problems, run) in [(p.build_err().0, "build"), (checked, "check")] {
        let found: Vec<(String, &str)> = problems
            .iter()
            .map(|d| (d.location(), d.message.as_str()))
            .collect();
        for (at, what) in [
            ("content/typo.md:3:", "unknown field `ordr`"),
            ("content/open.md:1:", "the front matter is never closed"),
            (
                "content/chapter.md:4:",
                "`profile.frist_name` is not defined",
            ),
            ("content/chapter.md:6:", "the link points to `gone.md`"),
        ] {
            assert!(
                found
                    .iter()
                    .any(|(loc, msg)| loc.starts_with(at) && msg.contains(what)),
                "{run}: {at} {what}: {found:?}"
            );
        }
        // The pages with a broken front matter are still there to link to.
        assert!(
            !found
                .iter()
                .any(|(_, msg)| msg.contains("`typo.md`") || msg.contains("`open.md`")),
            "{run}: {found:?}"
        );
    }
    // Nothing was written.
    assert!(!p.root().join("site").exists());
}
