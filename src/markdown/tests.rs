use super::*;

fn html(md: &str) -> String {
    to_html(&parse(md, "page", ""), &|_| TaskLook::default())
}

#[test]
fn headings_get_stable_unique_ids_and_anchors() {
    let doc = parse(
        "# Hello, World\n\n## Hello, World\n\n## Custom {#mine}\n",
        "p",
        "",
    );
    let ids: Vec<_> = doc.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["hello-world", "hello-world-1", "mine"]);
    let out = html("## Where to look\n");
    assert!(out.contains("<h2 id=\"where-to-look\"><a class=\"anchor\" href=\"#where-to-look\">Where to look</a></h2>"), "{out}");
}

#[test]
fn heading_attributes_become_data_attributes() {
    let out = html("## Months 1–2 {#months-1-2 months=1-2}\n");
    assert!(out.contains("data-months=\"1-2\""), "{out}");
    let doc = parse("## Months 1–2 {#months-1-2 months=1-2}\n", "p", "");
    assert_eq!(
        doc.headings[0].attrs,
        vec![("months".to_string(), "1-2".to_string())]
    );
}

#[test]
fn task_items_get_ids_and_sections() {
    let md = "## Phase one {#one}\n\n- [ ] Write three goals {#plan-goals}\n- [x] Ask *Pat* for coffee\n";
    let doc = parse(md, "plan", "");
    assert_eq!(doc.tasks.len(), 2);
    assert_eq!(doc.tasks[0].id, "plan-goals");
    assert!(doc.tasks[0].explicit_id);
    assert_eq!(doc.tasks[0].text, "Write three goals");
    assert_eq!(doc.tasks[0].section.as_deref(), Some("one"));
    assert_eq!(doc.tasks[1].id, "plan-ask-pat-for-coffee");
    assert!(doc.tasks[1].checked_in_source);
    assert_eq!(doc.tasks[1].line, 3);
}

#[test]
fn tasks_render_as_checkboxes_with_their_state() {
    let md = "- [ ] First {#a}\n- [ ] Second {#b}\n";
    let doc = parse(md, "p", "");
    let out = to_html(&doc, &|t| {
        (t.id == "b").then(|| "2026-03-04".to_string()).into()
    });
    assert!(out.contains("<label class=\"task\" id=\"task-a\"><input type=\"checkbox\" data-task=\"a\"> First</label>"), "{out}");
    assert!(out.contains("data-task=\"b\" checked> Second</label> <span class=\"done-on\">done <time datetime=\"2026-03-04\">2026-03-04</time></span>"), "{out}");
    assert!(!out.contains("{#"), "{out}");
}

#[test]
fn links_inside_checklist_items_are_page_links_too() {
    let doc = parse(
        "- [ ] Read [finding mentors](mentors/finding.md) {#t}\n",
        "p",
        "",
    );
    assert_eq!(doc.links.len(), 1);
    let out = to_html(&doc, &|_| TaskLook::default());
    assert!(out.contains("href=\"mentors/finding.html\""), "{out}");
    let print = to_print_html(&doc, &|_| TaskLook::default(), "p");
    assert!(
        print.contains("href=\"#chapter-mentors-finding\""),
        "{print}"
    );
}

#[test]
fn links_to_pages_become_html_links() {
    let doc = parse(
        "[a](../sponsors/finding.md#where) [b](https://example.ca/x.md)",
        "p",
        "mentors",
    );
    assert_eq!(doc.links.len(), 1);
    assert_eq!(doc.links[0].target, "sponsors/finding.md");
    assert_eq!(doc.links[0].fragment.as_deref(), Some("where"));
    let out = to_html(&doc, &|_| TaskLook::default());
    assert!(
        out.contains("href=\"../sponsors/finding.html#where\""),
        "{out}"
    );
    assert!(out.contains("href=\"https://example.ca/x.md\""), "{out}");
}

#[test]
fn print_html_prefixes_ids_and_points_links_at_sections() {
    let doc = parse(
        "## Where {#where}\n\n[a](../sponsors/finding.md#look) [b](other.md)\n",
        "p",
        "mentors",
    );
    let out = to_print_html(&doc, &|_| TaskLook::default(), "mentors-p");
    assert!(
        out.contains("<h2 id=\"mentors-p--where\"><a class=\"anchor\" href=\"#mentors-p--where\">"),
        "{out}"
    );
    assert!(out.contains("href=\"#sponsors-finding--look\""), "{out}");
    assert!(out.contains("href=\"#chapter-mentors-other\""), "{out}");
}

#[test]
fn link_destinations_are_classified_like_a_browser_reads_them() {
    let page = |t: &str, f: Option<&str>, h: &str| LinkDest::Page {
        target: t.into(),
        fragment: f.map(str::to_string),
        href: h.into(),
    };
    let refused = |s: &str| LinkDest::Refused { scheme: s.into() };
    for (dest, want) in [
        ("https://example.ca/x.md", LinkDest::External),
        ("HTTP://example.ca", LinkDest::External),
        ("mailto:a@example.ca", LinkDest::External),
        ("#top", LinkDest::Local),
        ("img/a.png", LinkDest::Local),
        ("/guide/", LinkDest::Local),
        ("//example.ca/x", LinkDest::Local),
        ("notes/a:b.txt", LinkDest::Local),
        ("page?q=a:b", LinkDest::Local),
        (
            "../sponsors/finding.md#where",
            page(
                "sponsors/finding.md",
                Some("where"),
                "../sponsors/finding.html#where",
            ),
        ),
        ("other.md", page("mentors/other.md", None, "other.html")),
        ("javascript:alert(1)", refused("javascript")),
        ("JaVaScRiPt:alert(1)", refused("javascript")),
        ("java\tscript:alert(1)", refused("javascript")),
        ("java\nscript:alert(1)", refused("javascript")),
        ("\u{1} javascript:alert(1)", refused("javascript")),
        ("data:text/html;base64,PHNjcmlwdD4=", refused("data")),
        ("data:image/png;base64,iVBO", refused("data")),
        ("vbscript:msgbox(1)", refused("vbscript")),
        ("file:///etc/passwd", refused("file")),
        ("tel:+15555550100", refused("tel")),
    ] {
        assert_eq!(classify_link(dest, "mentors"), want, "{dest:?}");
    }
}

#[test]
fn refused_links_are_located_problems_and_never_published() {
    let md = "Intro\n\nClick [here](javascript:alert(1)) or [there](https://example.ca).\n\n![pixel](data:text/html;base64,PHNjcmlwdD4=)\n\n- [ ] Do [it](vbscript:msgbox(1)) {#t}\n\n## See [x](JAVASCRIPT:alert(2))\n\n<javascript:alert(3)>\n\n[ref]\n\n[ref]: data:text/html,x\n";
    let doc = parse(md, "p", "");
    let got: Vec<(usize, usize, &str)> = doc
        .problems
        .iter()
        .map(|p| (p.line, p.column, p.message.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                2,
                7,
                "`javascript:` links are not allowed, only http(s), mailto and links within the book"
            ),
            (
                4,
                1,
                "`data:` images are not allowed, only http(s) and files of the book"
            ),
            (
                6,
                10,
                "`vbscript:` links are not allowed, only http(s), mailto and links within the book"
            ),
            (
                8,
                8,
                "`javascript:` links are not allowed, only http(s), mailto and links within the book"
            ),
            (
                10,
                1,
                "`javascript:` links are not allowed, only http(s), mailto and links within the book"
            ),
            (
                12,
                1,
                "`data:` links are not allowed, only http(s), mailto and links within the book"
            ),
        ]
    );
    let out = to_html(&doc, &|_| TaskLook::default());
    assert!(!out.contains("<img"), "{out}");
    // Every address left is the safe one or an anchor of the page.
    for href in out.split("href=\"").skip(1) {
        assert!(
            href.starts_with("https://example.ca\"") || href.starts_with('#'),
            "{out}"
        );
    }
    // The text stays; the safe link stays a link.
    assert!(
        out.contains("Click here or <a href=\"https://example.ca\">there</a>."),
        "{out}"
    );
    assert!(out.contains("pixel"), "{out}");
    assert!(out.contains("> Do it</label>"), "{out}");
    // As diagnostics, located in the page's file.
    let d = doc.diagnostics(Path::new("content/a.md"), 5);
    assert_eq!(d[0].location(), "content/a.md:7:7");
    assert_eq!(d[0].code, "link");
    assert!(d[0].is_error());
}

#[test]
fn an_impossible_pinned_task_id_is_a_located_problem() {
    for (md, id, column) in [
        ("- [ ] Climb out {#../../escape}\n", "../../escape", 17),
        ("- [ ] Slash {#plan/m1}\n", "plan/m1", 13),
        ("- [ ] *Dash* first {#-a}\n", "-a", 20),
        ("- [ ] Quote {#a\"b}\n", "a\"b", 13),
    ] {
        let doc = parse(md, "p", "");
        assert_eq!(doc.problems.len(), 1, "{md}");
        let p = &doc.problems[0];
        assert_eq!((p.line, p.column, p.code), (0, column, "checklist"), "{md}");
        assert!(p.message.contains(&format!("`{id}`")), "{}", p.message);
        assert!(p.message.contains("lower-case letters, digits and `-`"));
        assert!(!doc.tasks[0].explicit_id);
    }
    let doc = parse("- [ ] Nothing {#}\n", "p", "");
    assert!(
        doc.problems[0].message.contains("empty"),
        "{:?}",
        doc.problems
    );
    // Valid pins, and braces that are not a pin, are no problem.
    let doc = parse(
        "- [ ] Fine {#plan-1}\n- [ ] Code `{#x/y}`\n- [ ] Set {a}\n",
        "p",
        "",
    );
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert_eq!(doc.tasks[0].id, "plan-1");
}

#[test]
fn one_conversion_gives_the_page_and_its_print_chapter() {
    let md =
        "# Title\n\n## Part {#part}\n\nSee [it](other.md#x \"a title\") and [top](other.md).\n";
    let doc = parse(md, "here", "");
    let none = |_: &Task| TaskLook::default();
    let (page, print) = to_html_and_print(&doc, &none, "here");
    assert_eq!(page, to_html(&doc, &none));
    assert_eq!(print, to_print_html(&doc, &none, "here"));
    let has = |html: &str, part: &str| assert!(html.contains(part), "{part} not in {html}");
    has(&page, r##"<h2 id="part"><a class="anchor" href="#part">"##);
    has(
        &print,
        r##"<h2 id="here--part"><a class="anchor" href="#here--part">"##,
    );
    has(&page, r##"<a href="other.html#x" title="a title">it</a>"##);
    has(&print, r##"<a href="#other--x" title="a title">it</a>"##);
    has(&print, r##"<a href="#chapter-other">top</a>"##);
    for html in [&page, &print] {
        assert!(!html.contains('\u{1}') && !html.contains('\u{2}'), "{html}");
    }
}

#[test]
fn control_characters_in_the_text_are_not_taken_for_markers() {
    let md = "## A \u{1}0:0\u{2} heading\n\nText \u{1}ff:0\u{2} and [x](b.md).\n";
    let doc = parse(md, "k", "");
    let (page, print) = to_html_and_print(&doc, &|_: &Task| TaskLook::default(), "k");
    for html in [&page, &print] {
        assert!(html.contains("Text \u{1}ff:0\u{2} and"), "{html}");
    }
    assert!(page.contains(r##"<a href="b.html">x</a>"##), "{page}");
}

#[test]
fn a_page_link_inside_an_image_description_stays_text() {
    let doc = parse("![see [the guide](guide.md) here](pic.png)\n", "k", "");
    let (page, print) = to_html_and_print(&doc, &|_: &Task| TaskLook::default(), "k");
    for html in [&page, &print] {
        assert!(
            html.contains(r##"<img src="pic.png" alt="see the guide here" />"##),
            "{html}"
        );
    }
}

#[test]
fn slugs() {
    assert_eq!(
        slug("Mentor vs. Sponsor: side by side"),
        "mentor-vs-sponsor-side-by-side"
    );
    assert_eq!(slug("Don’t wait"), "dont-wait");
    assert_eq!(slug("Région de l'Atlantique"), "région-de-latlantique");
    assert_eq!(slug("!!!"), "section");
}

#[test]
fn extensions_are_on() {
    let out = html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ \"quoted\"[^1]\n\n[^1]: note\n");
    assert!(out.contains("<table>"), "{out}");
    assert!(out.contains("<del>old</del>"), "{out}");
    assert!(out.contains("“quoted”"), "{out}");
    assert!(out.contains("footnote"), "{out}");
}

#[test]
fn a_reference_names_the_item_it_repeats() {
    let md = "- [ ] Own item {#mine}\n- [ ] Tell your manager {=plan-m5-share}\n";
    let doc = parse(md, "p", "");
    let (own, reference) = (&doc.tasks[0], &doc.tasks[1]);
    assert!(!own.reference && own.explicit_id);
    assert!(reference.reference);
    assert_eq!(reference.id, "plan-m5-share");
    assert_eq!(reference.text, "Tell your manager");
    // Located at its `{=`, for an error about the id it names.
    assert_eq!((reference.line, reference.column), (1, 25));
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

#[test]
fn an_impossible_reference_is_a_located_problem() {
    let doc = parse("- [ ] Text {=Not An Id}\n- [ ] Empty {=}\n", "p", "");
    assert_eq!(doc.problems.len(), 2, "{:?}", doc.problems);
    assert_eq!((doc.problems[0].line, doc.problems[0].column), (0, 12));
    assert!(doc.problems[0].message.contains("`Not An Id`"));
    assert!(doc.problems[0].help.contains("{=its-id}"));
    assert!(doc.problems[1].message.contains("`{=}`"));
}

#[test]
fn a_reference_draws_the_same_box_and_links_to_where_it_is_defined() {
    let doc = parse("- [ ] Share it {=plan-a}\n", "here", "");
    let look = |_: &Task| TaskLook {
        done: Some("2026-07-15".into()),
        defined_at: Some((
            "../action-plan.html#task-plan-a".into(),
            "#task-plan-a".into(),
            "Your <plan>".into(),
        )),
        ..TaskLook::default()
    };
    let (page, print) = to_html_and_print(&doc, &look, "here");
    for (html, href) in [
        (&page, "../action-plan.html#task-plan-a"),
        (&print, "#task-plan-a"),
    ] {
        // The same box (data-task), no second anchor with the item's id.
        assert!(
            html.contains("<label class=\"task task-ref\"><input type=\"checkbox\" data-task=\"plan-a\" checked> Share it</label>"),
            "{html}"
        );
        assert!(!html.contains("id=\"task-plan-a\""), "{html}");
        assert!(
            html.contains(&format!(
                "<span class=\"task-home\">also in <a href=\"{href}\">Your &lt;plan&gt;</a></span>"
            )),
            "{html}"
        );
    }
}

#[test]
fn a_tick_that_fell_due_again_shows_unticked_with_the_last_date() {
    let doc = parse("- [ ] Review {#r}\n", "p", "");
    let look = |_: &Task| TaskLook {
        due: Some(("2026-02-05".into(), "2026-09-05".into())),
        due_long: Some("5 February 2026".into()),
        aliases: vec!["old-r".into()],
        ..TaskLook::default()
    };
    let out = to_html(&doc, &look);
    assert!(
        out.contains("<input type=\"checkbox\" data-task=\"r\" data-aliases=\"old-r\" data-fresh-after=\"2026-09-05\"> Review</label> <span class=\"due-again\">due again, last done <time datetime=\"2026-02-05\">5 February 2026</time></span>"),
        "{out}"
    );
    assert!(!out.contains("checked"), "{out}");
}

#[test]
fn an_unlinked_page_link_is_its_text_and_the_rest_stay_links() {
    let mut doc = parse(
        "See [gone](gone.md) and [kept](kept.md#top), then [gone again](gone.md#x).\n",
        "p",
        "",
    );
    doc.unlink(|target| target == "gone.md");
    assert_eq!(doc.links.len(), 1);
    assert_eq!(doc.links[0].target, "kept.md");
    let html = to_html(&doc, &|_| Default::default());
    assert_eq!(
        html,
        "<p>See gone and <a href=\"kept.html#top\">kept</a>, then gone again.</p>\n"
    );
    // The link that stays still leads to its chapter on the print page.
    let print = to_print_html(&doc, &|_| Default::default(), "p");
    assert!(print.contains("href=\"#kept--top\""), "{print}");
}

#[test]
fn a_link_to_a_heading_of_the_same_page_finds_it_on_the_print_page_too() {
    let doc = parse(
        "## Where you live {#region-atlantic}\n\nSee [your region](#region-atlantic), [an item](#task-a-b), [a box](#box) and [top](#).\n\n<div id=\"box\">Box</div>\n\n- [ ] A b {#a-b}\n",
        "mentors-what",
        "mentors",
    );
    let (page, print) = to_html_and_print(&doc, &|_| Default::default(), "mentors-what");
    assert!(
        page.contains("<a href=\"#region-atlantic\">your region</a>"),
        "{page}"
    );
    assert!(
        print.contains("<a href=\"#mentors-what--region-atlantic\">your region</a>"),
        "{print}"
    );
    assert!(
        print.contains("id=\"mentors-what--region-atlantic\""),
        "{print}"
    );
    // A checklist item's id is the same on both pages.
    assert!(
        print.contains("<a href=\"#task-a-b\">an item</a>"),
        "{print}"
    );
    assert!(page.contains("<a href=\"#\">top</a>"), "{page}");
    // An id that is not a heading's is the same on the print page.
    assert!(print.contains("<a href=\"#box\">a box</a>"), "{print}");
}
