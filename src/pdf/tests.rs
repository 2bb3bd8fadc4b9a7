use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use super::typst_markup::{
    Book, Page, PageTargets, escape_text, label_name, page_markup, string_literal,
};
use super::world::{Origin, PrintWorld};
use super::*;
use crate::load::Theme;
use crate::markdown;

fn page<'a>(rel: &'a str, key: &'a str) -> Page<'a> {
    Page {
        rel,
        dir: book::split_dir(rel).0,
        key,
        depth: 0,
        part: false,
        title: "A page",
        description: None,
        message: None,
    }
}

fn book_with(pages: &[(&str, &str, &[&str])]) -> Book {
    Book {
        pages: pages
            .iter()
            .map(|(rel, key, ids)| {
                (
                    rel.to_string(),
                    PageTargets {
                        key: key.to_string(),
                        ids: ids.iter().map(|s| s.to_string()).collect(),
                    },
                )
            })
            .collect(),
        ..Book::default()
    }
}

fn markup(md: &str) -> String {
    let doc = markdown::parse(md, "p", "");
    page_markup(&doc, &page("p.md", "p"), &book_with(&[]))
}

/// Typeset markup with the built-in components and return the text on the pages.
fn typeset(markup: &str) -> String {
    let theme = Theme::builtin();
    let mut world = PrintWorld::new("/main.typ", NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    world.add(
        "/components.typ",
        theme.files["print/components.typ"].bytes.to_vec(),
        Origin::Theme("print/components.typ".into()),
    );
    world.add(
        "/settings.json",
        br#"{"blank": false}"#.to_vec(),
        Origin::Generated("settings.json".into()),
    );
    world.add(
        "/main.typ",
        format!(
            "#import \"/components.typ\" as cb\n#show: cb.book-style\n#set page(width: 60cm, height: auto)\n#set par(justify: false)\n#set text(hyphenate: false)\n{markup}"
        ),
        Origin::Generated("main.typ".into()),
    );
    let doc = match typst::compile::<PagedDocument>(&world).output {
        Ok(doc) => doc,
        Err(e) => panic!("{e:?}\n--- markup:\n{markup}"),
    };
    let mut out = String::new();
    for p in doc.pages() {
        frame_text(&p.frame, &mut out);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn frame_text(frame: &Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => frame_text(&g.frame, out),
            FrameItem::Text(t) => {
                out.push_str(&t.text);
                out.push(' ');
            }
            _ => {}
        }
    }
}

#[test]
fn escapes_every_markup_character() {
    let mut s = String::new();
    escape_text(
        "#sys.exit() $x$ <l> @r *b* _i_ `c` \\ [] ~ // = - + 1. é",
        &mut s,
    );
    assert_eq!(
        s,
        "\\#sys\\.exit\\(\\) \\$x\\$ \\<l\\> \\@r \\*b\\* \\_i\\_ \\`c\\` \\\\ \\[\\] \\~ \\/\\/ \\= \\- \\+ 1\\. é"
    );
    assert_eq!(string_literal("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
}

#[test]
fn hostile_text_stays_text() {
    let hostile = [
        "#sys.exit()",
        "#panic(\"no\")",
        "$x^2$",
        "<label>",
        "@ref",
        "*bold*",
        "_emph_",
        "back\\slash \\",
        "]) #{ } [(",
        "// comment /* block",
        "https://example.com",
        "-- --- ... ~ -? -1",
        "'single' \"double\"",
        "\\u{41}",
    ];
    for h in hostile {
        let mut m = String::from("Start ");
        escape_text(h, &mut m);
        m.push_str(" end");
        let text = typeset(&m);
        let expected = format!("Start {h} end");
        let expected = expected.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(text, expected, "markup: {m}");
    }
}

#[test]
fn headings_carry_the_sites_ids_as_labels() {
    let m = markup("# Title\n\nIntro.\n\n## Where to look {#where}\n\n### Deeper\n");
    assert!(
        m.contains("#cb.chapter(level: 1, kind: \"chapter\", label: \"cb:p\", title: [Title])"),
        "{m}"
    );
    assert!(
        m.contains("#heading(depth: 2, offset: 0)[Where to look]#label(\"cb:p:where\")"),
        "{m}"
    );
    assert!(
        m.contains("#heading(depth: 3, offset: 0)[Deeper]#label(\"cb:p:deeper\")"),
        "{m}"
    );
    // The title h1 is not repeated in the body.
    assert_eq!(m.matches("Title").count(), 1, "{m}");
}

#[test]
fn checklists_show_their_state() {
    let md = "- [ ] First {#a}\n- [x] Second *really* {#b}\n";
    let doc = markdown::parse(md, "p", "");
    let mut book = book_with(&[]);
    book.done = HashMap::from([("b".to_string(), "2026-03-04".to_string())]);
    let m = page_markup(&doc, &page("p.md", "p"), &book);
    assert!(
        m.contains("#cb.checklist(tight: true, [#cb.task(id: \"a\", done: false, date: none)[First]], [#cb.task(id: \"b\", done: true, date: \"2026-03-04\")[Second #emph[really]]], )"),
        "{m}"
    );
    let text = typeset(&m);
    assert!(text.contains("First"), "{text}");
    assert!(text.contains("Second really done 4 Mar 2026"), "{text}");
    assert!(!text.contains("{#"), "{text}");
}

#[test]
fn a_task_in_a_mixed_list_keeps_its_bullet() {
    let m = markup("- plain\n- [ ] task {#t}\n  - nested\n");
    assert!(m.starts_with("#import"), "{m}");
    assert!(
        m.contains(
            "#list(tight: true, [plain], [#cb.task(id: \"t\", done: false, date: none)[task]#list("
        ),
        "{m}"
    );
    typeset(&m);
}

#[test]
fn links_inside_the_book_become_references() {
    let doc = markdown::parse(
        "See [finding](../sponsors/finding.md#where), [the top](finding.md), [nowhere](gone.md), [web](https://example.ca/a?b=\"c\") and <me@example.ca>.",
        "mentors-a",
        "mentors",
    );
    let book = book_with(&[
        ("sponsors/finding.md", "sponsors-finding", &["where"]),
        ("mentors/finding.md", "mentors-finding", &[]),
    ]);
    let m = page_markup(&doc, &page("mentors/a.md", "mentors-a"), &book);
    assert!(
        m.contains("#cb.xref(label(\"cb:sponsors-finding:where\"))[finding]"),
        "{m}"
    );
    assert!(
        m.contains("#cb.xref(label(\"cb:mentors-finding\"))[the top]"),
        "{m}"
    );
    assert!(m.contains("#[nowhere]"), "{m}");
    // Links in checklist items are not rewritten to `.html` by the markdown layer.
    let doc = markdown::parse(
        "- [ ] Use [finding](../sponsors/finding.md) {#t}\n",
        "mentors-a",
        "mentors",
    );
    let m2 = page_markup(&doc, &page("mentors/a.md", "mentors-a"), &book);
    assert!(
        m2.contains("#cb.xref(label(\"cb:sponsors-finding\"))[finding]"),
        "{m2}"
    );
    assert!(
        m.contains("#link(\"https://example.ca/a?b=\\\"c\\\"\")[web]"),
        "{m}"
    );
    assert!(
        m.contains("#link(\"mailto:me@example.ca\")[me\\@example\\.ca]"),
        "{m}"
    );
}

#[test]
fn tables_quotes_code_and_footnotes() {
    let m = markup(
        "| a | b |\n|:--|--:|\n| 1 | *2* |\n\n> quoted\n\n```rust\nfn main() { \"#x\" }\n```\n\nText[^n] and `#code`.\n\n[^n]: The *note*.\n\n<div>raw html</div>\n\n---\n",
    );
    assert!(
        m.contains(
            "#table(columns: 2, align: (left, right,), table.header([a], [b], ), [1], [#emph[2]], )"
        ),
        "{m}"
    );
    assert!(m.contains("#quote(block: true)[quoted"), "{m}");
    assert!(
        m.contains("#raw(block: true, lang: \"rust\", \"fn main() { \\\"#x\\\" }\")"),
        "{m}"
    );
    assert!(
        m.contains("Text#footnote[The #emph[note]\\.]#label(\"cb-fn:p:n\") and #raw(\"#code\")"),
        "{m}"
    );
    assert!(!m.contains("raw html"), "{m}");
    // Text runs split at style changes (emphasis, syntax colours): compare the
    // characters.
    let text: String = typeset(&m).split_whitespace().collect();
    assert!(text.contains("Thenote."), "{text}");
    assert!(text.contains("fnmain(){\"#x\"}"), "{text}");
    assert!(text.contains("and#code."), "{text}");
}

#[test]
fn message_templates_show_blanks() {
    let doc = markdown::parse("Hi {first_name}, about {topic} and {Not_A_Blank}.", "m", "");
    let mut p = page("messages/m.md", "m");
    p.message = Some(super::typst_markup::MessageInfo {
        channel: "linkedin".into(),
        role: "mentor".into(),
        stages: vec!["prospect".into()],
        subject: Some("About {topic}"),
    });
    let m = page_markup(&doc, &p, &book_with(&[]));
    assert!(
        m.contains("Hi #cb.blank(\"first_name\")\\, about #cb.blank(\"topic\") and \\{Not\\_A\\_Blank\\}\\."),
        "{m}"
    );
    assert!(m.contains("subject: [About #cb.blank(\"topic\")]"), "{m}");
    let text = typeset(&m);
    assert!(text.contains("first name"), "{text}");
    assert!(text.contains("LinkedIn"), "{text}");
}

#[test]
fn images_from_content_and_elsewhere() {
    let doc = markdown::parse(
        "![A *chart*](pic.png) ![Remote](https://example.com/x.png) ![Gone](gone.png)",
        "p",
        "part",
    );
    let mut book = book_with(&[]);
    book.images = HashSet::from(["part/pic.png".to_string()]);
    let m = page_markup(&doc, &page("part/p.md", "p"), &book);
    assert!(
        m.contains("#cb.image(\"/content/part/pic.png\", alt: \"A chart\")"),
        "{m}"
    );
    assert!(
        m.contains("#cb.missing-image(\"https://example.com/x.png\", alt: \"Remote\")"),
        "{m}"
    );
    assert!(
        m.contains("#cb.missing-image(\"gone.png\", alt: \"Gone\")"),
        "{m}"
    );
}

#[test]
fn labels_are_unambiguous() {
    assert_eq!(label_name("mentors-a", None), "cb:mentors-a");
    assert_eq!(label_name("p", Some("région")), "cb:p:r_e9_gion");
    assert_ne!(label_name("a_b", None), label_name("a-b", None));
}

#[test]
fn language_tags_split_for_typst() {
    assert_eq!(split_language("en-CA"), ("en".into(), Some("CA".into())));
    assert_eq!(
        split_language("zh-Hant-TW"),
        ("zh".into(), Some("TW".into()))
    );
    assert_eq!(split_language("fr"), ("fr".into(), None));
}

#[test]
fn site_links_in_the_view_become_print_labels() {
    let pages = HashMap::from([(
        "mentors/finding-mentors.html".to_string(),
        "mentors-finding-mentors".to_string(),
    )]);
    assert_eq!(
        print_label("../mentors/finding-mentors.html#where", &pages).as_deref(),
        Some("cb:mentors-finding-mentors:where")
    );
    assert_eq!(
        print_label("/mentors/finding-mentors.html", &pages).as_deref(),
        Some("cb:mentors-finding-mentors")
    );
    assert_eq!(
        print_label("people/owen-fraser.html", &pages).as_deref(),
        Some("cb-person:owen-fraser")
    );
    assert_eq!(
        print_label("relationships.html", &pages).as_deref(),
        Some("cb-tracker")
    );
    assert_eq!(print_label("https://example.com", &pages), None);
    let mut view = serde_json::json!({"a": [{"link": "relationships.html"}], "link": "x.html"});
    annotate_links(&mut view, &pages);
    assert_eq!(view["a"][0]["link_label"], "cb-tracker");
    assert!(view.get("link_label").is_none());
}

#[test]
fn a_french_document_gives_the_view_s_prose_french_spacing_and_leaves_the_rest() {
    let view = || {
        serde_json::json!({
            "title": "Prix : meilleure équipe !",
            "summary": "Elle m'a dit : « écris à Luc » à 30 %",
            "goals": ["présenter : clairement"],
            "email": "nadia@example.ca",
            "email_href": "mailto:nadia@example.ca",
            "links": ["https://example.com/a:b?x=1%20:2"],
            "date": "2026-11-24",
            "id": "prix-2026",
            "done": 3,
            "private": false,
            "none": null,
        })
    };
    let mut fr = view();
    with_typography("fr", &mut fr);
    assert_eq!(fr["title"], "Prix\u{a0}: meilleure équipe !");
    assert_eq!(
        fr["summary"],
        "Elle m'a dit\u{a0}: «\u{a0}écris à Luc\u{a0}» à 30\u{a0}%"
    );
    assert_eq!(fr["goals"][0], "présenter\u{a0}: clairement");
    // What is not prose holds no space, so the rule leaves it as written.
    for key in [
        "email",
        "email_href",
        "links",
        "date",
        "id",
        "done",
        "private",
        "none",
    ] {
        assert_eq!(fr[key], view()[key], "{key}");
    }
    // Any other language's view is left as it is.
    let mut en = view();
    with_typography("en", &mut en);
    assert_eq!(en, view());
}

#[test]
fn the_world_serves_only_its_files() {
    use typst::World;
    let mut world = PrintWorld::new("/main.typ", NaiveDate::from_ymd_opt(2026, 1, 2).unwrap());
    world.add("/main.typ", "hi", Origin::Generated("main.typ".into()));
    assert!(world.source(world.main()).is_ok());
    for path in ["/Cargo.toml", "/etc/passwd", "/data.json"] {
        let id = super::world::file_id(path).unwrap();
        assert!(world.file(id).is_err(), "{path}");
    }
    // A path climbing out of the root is not even a path.
    assert!(super::world::file_id("/../etc/passwd").is_none());
    let today = world.today(None).unwrap();
    assert_eq!(
        (today.year(), today.month(), today.day()),
        (Some(2026), Some(1), Some(2))
    );
}

#[test]
fn embedded_fonts_include_a_book_serif() {
    let families = fonts::families();
    assert!(
        families.iter().any(|f| f == "Libertinus Serif"),
        "{families:?}"
    );
    assert!(
        families.iter().any(|f| f == "DejaVu Sans Mono"),
        "{families:?}"
    );
}
