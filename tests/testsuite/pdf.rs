//! The printed workbook: typeset the default workbook (personal and blank) and read
//! the PDF back with poppler-utils (`pdftotext`, `pdfinfo`; `pdftohtml` where
//! no-break spaces matter). Without poppler the tests that read text skip,
//! loudly, unless CAREERBOOK_REQUIRE_BROWSER is set.

use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

use careerbook::Diagnostic;
use careerbook::Options;
use careerbook::diagnostics::Diagnostics;
use careerbook::pdf::{PdfSource, render_pdf, render_pdf_output};
use serde_json::{Value, json};

use crate::common::{Project, today};

/// A view in the shape the lead's view builder produces: the sample person of the
/// default workbook, two people, a draft with a blank, a timeline.
fn sample_view() -> Value {
    json!({
        "today": "2026-11-24",
        "today_long": "24 November 2026",
        "private": false,
        "blank": false,
        "profile": {
            "name": "Nadia Boudreau", "pronouns": "she/her", "role": "Senior Product Designer",
            "organisation": "Harbourline Health", "email": "nadia.boudreau@example.ca",
            "region": "atlantic", "region_label": "Atlantic Canada", "plan_start": "2026-02-02",
            "goals": ["Present design decisions with confidence to senior leaders"],
            "ambitions": ["Move into a design manager role within two years"]
        },
        "dashboard": {
            "greeting": "Good to see you, Nadia.",
            "stages": ["prospect", "contacted", "active", "dormant"],
            "gap_rows": [
                {"label": "Mentors", "counts": [1, 1, 2, 0], "recommended": "2–3 active"},
                {"label": "Sponsors", "counts": [1, 0, 1, 0], "recommended": "1–2 active"}
            ],
            "verdicts": [
                {"severity": "good", "severity_label": "On track", "text": "You have two active mentors.", "link": "mentors/index.html", "link_text": "Mentors"},
                {"severity": "attention", "severity_label": "Worth attention", "text": "Only one active sponsor — see Finding sponsors", "lead": "Only one active sponsor", "link": "sponsors/finding-sponsors.html", "link_text": "Finding sponsors"},
                {"severity": "missing", "severity_label": "Missing", "text": "Nobody is dormant, which is fine.", "link": null, "link_text": null}
            ],
            "actions": [
                {"text": "Check in with Owen Fraser", "when": "30 days overdue", "overdue": true, "link": "people/owen-fraser.html", "kind": "check-in"},
                {"text": "Send Colette the talk outline", "when": "by 3 December 2026", "overdue": false, "link": "people/colette-arsenault.html", "kind": "next-step"}
            ],
            "only_taken": [],
            "progress": {"done": 11, "total": 75}
        },
        "progress": {"done": 11, "total": 75},
        "people": [
            {
                "id": "colette-arsenault", "name": "Colette Arsenault", "first_name": "Colette",
                "role": "mentor", "stage": "active", "title": "Director of Design",
                "organisation": "Saltmarsh Studio", "email": "colette@example.com",
                "links": ["https://example.com/colette-arsenault"],
                "areas": ["design leadership", "presenting to executives"],
                "channel": "in-person", "cadence_days": 30, "last_contact": "2026-11-05",
                "next_check_in": "2026-12-05", "overdue_days": null,
                "next_step": "Send her the outline of the January design review talk",
                "next_step_due": "2026-12-03",
                "log": [
                    {"date": "2026-04-14", "kind": "coffee", "summary": "First coffee at the Seaport market.", "gave": false},
                    {"date": "2026-06-18", "kind": "introduction", "summary": "Introduced her to Sam from the accessibility guild.", "gave": true}
                ],
                "notes": null, "private": false,
                "drafts": [{
                    "id": "thank-you-update", "title": "Thank you and progress update", "channel": "email",
                    "subject": "Thank you, and an update",
                    "subject_segments": [{"kind": "text", "text": "Thank you, and an update"}],
                    "paragraphs": [
                        [{"kind": "text", "text": "Hi "}, {"kind": "filled", "text": "Colette", "name": "first_name"}, {"kind": "text", "text": ","}],
                        [{"kind": "text", "text": "Your advice about opening with the decision worked: "}, {"kind": "missing", "text": "", "name": "result"}, {"kind": "text", "text": "."}]
                    ],
                    "missing": ["result"]
                }]
            },
            {
                "id": "owen-fraser", "name": "Owen Fraser", "first_name": "Owen",
                "role": "mentor", "stage": "active", "title": "Principal UX Researcher",
                "organisation": "Bluenose Analytics", "channel": "email", "cadence_days": 45,
                "last_contact": "2026-09-10", "next_check_in": "2026-10-25", "overdue_days": 30,
                "next_step": "Book a call about the research plan", "log": [], "drafts": []
            }
        ],
        "phases": [
            {"id": "months-1-2", "title": "Months 1–2: Take stock", "months": "1-2", "start": "2026-02-02", "end": "2026-04-01", "done": 5, "total": 6, "current": false},
            {"id": "months-9-12", "title": "Months 9–12: Review and deepen", "months": "9-12", "start": "2026-10-02", "end": "2027-02-01", "done": 0, "total": 6, "current": true}
        ],
        "timeline": {
            "svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 960 120\" width=\"100%\"><rect x=\"96\" y=\"12\" width=\"300\" height=\"60\" fill=\"#dbeafe\" stroke=\"#3b82f6\"/><line x1=\"96\" y1=\"100\" x2=\"944\" y2=\"100\" stroke=\"#64748b\"/></svg>",
            "start": "2026-02-02", "end": "2027-02-01", "events": []
        },
        "messages": []
    })
}

/// The view of a blank workbook: no personal data at all.
fn blank_view() -> Value {
    json!({
        "today": "2026-11-24", "today_long": "24 November 2026",
        "private": false, "blank": true,
        "profile": null, "dashboard": null, "people": [], "phases": [], "timeline": null,
        "messages": [{
            "id": "mentor-linkedin", "title": "LinkedIn note to a mentor", "channel": "linkedin",
            "role": "mentor", "stages": ["prospect"], "subject": null,
            "paragraphs": [[{"kind": "text", "text": "Hi "}, {"kind": "missing", "text": "", "name": "first_name"}]]
        }]
    })
}

fn load(root: &Path) -> careerbook::load::Project {
    let mut diags = Diagnostics::new();
    match careerbook::load::load(root, today(), &mut diags) {
        Some(p) => p,
        None => panic!("the project does not load: {:?}", diags.sorted()),
    }
}

/// What the PDF is typeset from: the project's own pages (their templates run
/// with its workbook, or none for a blank copy) and the given view.
fn source(project: &careerbook::load::Project, view: &Value, opts: &Options) -> PdfSource {
    let mut diags = Diagnostics::new();
    let Some(mut source) = careerbook::pdf::source(project, &project.workbook, opts, &mut diags)
    else {
        panic!("the pages do not render: {:?}", diags.sorted());
    };
    source.view = view.clone();
    source
}

fn options() -> Options {
    Options::new(".", today())
}

fn blank_options() -> Options {
    Options {
        blank: true,
        ..options()
    }
}

fn render_ok(project: &careerbook::load::Project, view: &Value, opts: &Options) -> Vec<u8> {
    match render_pdf(project, &source(project, view, opts), opts) {
        Ok(bytes) => bytes,
        Err(d) => panic!(
            "the PDF failed:\n{}",
            careerbook::diagnostics::render_human(&d, &project.root, false)
        ),
    }
}

/// The default workbook typeset once per test run, personal and blank.
static DEFAULT: LazyLock<(Project, Vec<u8>, Vec<u8>)> = LazyLock::new(|| {
    let p = Project::default_workbook();
    let project = load(p.root());
    let personal = render_ok(&project, &sample_view(), &options());
    let blank = render_ok(&project, &blank_view(), &blank_options());
    (p, personal, blank)
});

pub(crate) fn poppler() -> bool {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok()
        && Command::new("pdfinfo").arg("-v").output().is_ok()
        && Command::new("pdftohtml").arg("-v").output().is_ok();
    if !ok {
        if std::env::var_os("CAREERBOOK_REQUIRE_BROWSER").is_some() {
            panic!(
                "poppler-utils (pdftotext, pdfinfo, pdftohtml) is required: apt-get install poppler-utils"
            );
        }
        eprintln!("SKIPPED: poppler-utils (pdftotext, pdfinfo, pdftohtml) is not installed");
    }
    ok
}

fn write_temp(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    std::io::Write::write_all(&mut f, bytes).unwrap();
    f
}

/// The PDF's text as `pdftotext` gives it: lines as set, hyphens kept.
fn pdftotext(bytes: &[u8]) -> String {
    let f = write_temp(bytes);
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(f.path())
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF's text, with words hyphenated across lines joined and every run of
/// white space one space, so phrases can be searched whatever the line breaks.
pub(crate) fn pdf_text(bytes: &[u8]) -> String {
    let text = pdftotext(bytes).replace("-\n", "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdf_info(bytes: &[u8]) -> String {
    let f = write_temp(bytes);
    let out = Command::new("pdfinfo").arg(f.path()).output().unwrap();
    assert!(out.status.success(), "pdfinfo failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

fn assert_contains(text: &str, needle: &str) {
    let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(&needle),
        "the PDF should contain {needle:?}; it has:\n{}",
        &text[..text.len().min(3000)]
    );
}

/// Each page's text, laid out as on the page (pdftotext -layout).
fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    let f = write_temp(bytes);
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(f.path())
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(str::to_string)
        .collect()
}

#[test]
fn running_headers_name_the_last_heading_before_the_page() {
    if !poppler() {
        return;
    }
    let (p, personal, _) = &*DEFAULT;
    let book = load(p.root()).config.book.title;
    let pages = pdf_pages(personal);
    let first_line = |page: &str| -> String {
        let line = page.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        line.trim().to_string()
    };
    // The heading a page's running header names; None on a page without one.
    let header = |page: &str| -> Option<String> {
        first_line(page)
            .strip_prefix(book.as_str())
            .map(|rest| rest.trim().to_string())
    };
    // A page that opens a chapter has no running header; the next names it.
    let opens = pages
        .iter()
        .position(|page| first_line(page) == "Why you need both")
        .expect("a page opens with the chapter");
    assert_eq!(header(&pages[opens]), None);
    assert_eq!(
        header(&pages[opens + 1]).as_deref(),
        Some("Why you need both")
    );
    // The person's own part: its pages name its own headings (the part starts
    // on a page of its own), never a chapter's.
    let yours = pages
        .iter()
        .position(|page| {
            first_line(page).replace(' ', "") == "PART" && page.contains("Your workbook")
        })
        .expect("the part's opening page");
    let chapters: Vec<String> = pages[..yours]
        .iter()
        .filter(|page| header(page).is_none())
        .map(|page| first_line(page))
        .collect();
    let named: Vec<String> = pages[yours..]
        .iter()
        .filter_map(|page| header(page))
        .collect();
    // Here each of the part's headings that runs over opens a page of its own.
    let openers: Vec<String> = pages[yours..]
        .iter()
        .filter(|page| header(page).is_none())
        .map(|page| first_line(page))
        .collect();
    assert!(
        !named.is_empty(),
        "no page of your own part has a running header"
    );
    for h in &named {
        assert!(
            !chapters.contains(h),
            "a page of your own part names the chapter {h:?}"
        );
        assert!(openers.contains(h), "{h:?} is not one of {openers:?}");
    }
}

#[test]
fn personal_workbook_has_every_chapter_the_person_and_the_drafts() {
    let (_p, personal, _) = &*DEFAULT;
    assert!(personal.starts_with(b"%PDF-"));
    if !poppler() {
        return;
    }
    let text = pdf_text(personal);
    for title in [
        "Start here",
        "Why you need both",
        "Mentor or sponsor?",
        "Keeping relationships alive",
        "Mistakes to avoid",
        "Your 12-month plan",
        "Message templates",
        "LinkedIn note to a mentor",
        "Contents",
    ] {
        assert_contains(&text, title);
    }
    // Page bodies rendered as templates, with the person's data.
    assert_contains(&text, "Welcome, Nadia.");
    // Dates in prose read as words; a review checklist's stale tick is due
    // again; a reference says where its item is defined.
    assert_contains(&text, "Your plan started on 2 February 2026.");
    assert_contains(&text, "due again, last done 20 May 2026");
    assert_contains(&text, "also in Your 12-month plan");
    // The personal part: gap analysis, tracker, people, drafts.
    for s in [
        "Nadia Boudreau",
        "Relationship tracker",
        "Colette Arsenault",
        "Director of Design",
        "Thank you and progress update",
        "Your advice about opening with the decision worked",
        "2–3 active",
        "11 of 75 checklist items done",
        "30 days overdue",
    ] {
        assert_contains(&text, s);
    }
    // A checklist item ticked from data/progress.yaml shows when it was done.
    assert_contains(&text, "done 5 Feb 2026");
    // Message templates show their blanks by name.
    assert_contains(&text, "first name");

    let info = pdf_info(personal);
    let pages: usize = info_field(&info, "Pages").parse().unwrap();
    assert!((25..=120).contains(&pages), "{pages} pages");
    assert_contains(&text, &format!("Page 3 of {pages}"));
    assert_eq!(
        info_field(&info, "Title"),
        "Mentors & Sponsors: a career workbook"
    );
    assert_eq!(info_field(&info, "Author"), "Nadia Boudreau");
    assert!(
        info_field(&info, "Page size").contains("(A4)"),
        "A4 by default: {info}"
    );
    // A fixed document date: today, from the caller.
    assert!(info_field(&info, "CreationDate").contains("2026"), "{info}");
}

#[test]
fn a_cohort_members_chapters_speak_to_that_member() {
    let p = Project::from_fixture("cohort");
    let project = load(p.root());
    let names = ["Ana Lima", "Ben Okafor", "Chloe Roy"];
    for member in &project.members {
        let mut diags = Diagnostics::new();
        let source = careerbook::pdf::source(&project, &member.workbook, &options(), &mut diags)
            .expect("the member's pages render");
        let bytes = render_pdf(&project, &source, &options()).expect("the member's PDF");
        if !poppler() {
            return;
        }
        let text = pdf_text(&bytes);
        let name = member
            .workbook
            .profile
            .as_ref()
            .map(|p| p.name.clone())
            .unwrap();
        // The welcome chapter's template ran with this member's profile.
        assert_contains(&text, &format!("Hello, {name}."));
        for other in names.iter().filter(|n| **n != name) {
            assert!(!text.contains(other), "{other} appears in {name}'s PDF");
        }
    }
}

#[test]
fn blank_workbook_has_no_personal_data() {
    let (_p, _, blank) = &*DEFAULT;
    if !poppler() {
        return;
    }
    let text = pdf_text(blank);
    for personal in [
        "Nadia",
        "Boudreau",
        "Colette",
        "Arsenault",
        "Hélène",
        "Harbourline",
        "Prefers Tuesday mornings",
        "Put my name forward",
        "done 5 Feb 2026",
    ] {
        assert!(
            !text.contains(personal),
            "the blank workbook shows {personal:?}"
        );
    }
    for s in [
        "Start here",
        "Your 12-month plan",
        "Relationship tracker",
        "Person record",
        "Notes",
        "About you",
        "Next check-in",
    ] {
        assert_contains(&text, s);
    }
    // Its author is the book's (`[book] authors`, none in the sample), never
    // the person's.
    let info = pdf_info(blank);
    assert_eq!(info_field(&info, "Author"), "");
}

#[test]
fn every_heading_is_a_bookmark() {
    let (_p, personal, _) = &*DEFAULT;
    let outlines = count(personal, b"/Outlines");
    assert!(outlines > 0, "the PDF has no outline (bookmarks)");
    // Every chapter and section heading is an outline item with a title; chapter
    // titles are in the PDF as bookmark strings.
    assert!(
        count(personal, b"/Title") > 60,
        "too few bookmarks: {}",
        count(personal, b"/Title")
    );
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let (p, personal, blank) = &*DEFAULT;
    let project = load(p.root());
    assert!(
        render_ok(&project, &sample_view(), &options()) == *personal,
        "two personal PDFs differ"
    );
    assert!(
        render_ok(&project, &blank_view(), &blank_options()) == *blank,
        "two blank PDFs differ"
    );
}

#[test]
fn letter_paper_and_branding_from_book_toml() {
    let p = Project::from_fixture("minimal");
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    p.write(
        "book.toml",
        &format!(
            "{toml}\n[print]\npage-size = \"letter\"\n\n[branding]\norganisation = \"Tidewater Women in Tech\"\naccent = \"#7a1f5c\"\nfooter = \"Printed for the spring cohort\"\ncontact = \"mailto:cohort@example.org\"\nlogo = \"brand/logo.svg\"\n"
        ),
    );
    p.write(
        "brand/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 20\"><rect width=\"40\" height=\"20\" fill=\"#7a1f5c\"/></svg>",
    );
    let project = load(p.root());
    let bytes = render_ok(&project, &blank_view(), &blank_options());
    if !poppler() {
        return;
    }
    let info = pdf_info(&bytes);
    assert!(
        info_field(&info, "Page size").contains("(letter)"),
        "{info}"
    );
    let text = pdf_text(&bytes);
    assert_contains(&text, "Tidewater Women in Tech");
    assert_contains(&text, "Printed for the spring cohort");
    assert_contains(&text, "cohort@example.org");
}

#[test]
fn a_private_copy_says_so() {
    let p = Project::from_fixture("minimal");
    let project = load(p.root());
    let mut view = sample_view();
    view["private"] = json!(true);
    view["people"][0]["notes"] = json!("Prefers Tuesday mornings.");
    let bytes = render_ok(
        &project,
        &view,
        &Options {
            audience: careerbook::audience::Audience::Private,
            ..options()
        },
    );
    if !poppler() {
        return;
    }
    let text = pdf_text(&bytes);
    assert_contains(&text, "PRIVATE COPY");
    assert_contains(&text, "Prefers Tuesday mornings.");
}

fn theme_error(file: &str, text: &str) -> (Vec<Diagnostic>, Project) {
    let p = Project::from_fixture("minimal");
    p.write(file, text);
    let project = load(p.root());
    match render_pdf(
        &project,
        &source(&project, &sample_view(), &options()),
        &options(),
    ) {
        Ok(_) => panic!("a broken template should fail"),
        Err(d) => (d, p),
    }
}

#[test]
fn a_syntax_error_in_a_print_template_is_located() {
    let (diags, p) = theme_error(
        "themes/default/print/workbook.typ",
        "#let data = json(\"/data.json\")\n\n= Title\n\n#let x = (1, 2\nText\n",
    );
    let d = &diags[0];
    assert!(d.is_error());
    assert_eq!(
        d.file.as_deref(),
        Some(Path::new("themes/default/print/workbook.typ")),
        "{d:?}"
    );
    assert!(d.line >= 5, "{d:?}");
    assert!(d.column > 0, "{d:?}");
    let text = careerbook::diagnostics::render_human(&diags, p.root(), false);
    assert!(
        text.contains("themes/default/print/workbook.typ:"),
        "{text}"
    );
}

#[test]
fn an_error_in_an_included_template_names_that_file() {
    let (diags, _p) = theme_error(
        "themes/default/print/personal.typ",
        "#let section(data, settings) = {\n  let x = data.nobody.name\n}\n",
    );
    let d = &diags[0];
    assert_eq!(
        d.file.as_deref(),
        Some(Path::new("themes/default/print/personal.typ")),
        "{d:?}"
    );
    assert_eq!(d.line, 2, "{d:?}");
    assert!(d.help.is_some(), "{d:?}");
}

#[test]
fn templates_cannot_read_the_disk() {
    for (what, code) in [
        ("a project file", "#read(\"/book.toml\")"),
        ("a file outside", "#read(\"../../../../etc/passwd\")"),
        ("a package", "#import \"@preview/example:0.1.0\": *"),
    ] {
        let (diags, _p) = theme_error(
            "themes/default/print/workbook.typ",
            &format!("Hello\n{code}\n"),
        );
        assert_eq!(diags[0].line, 2, "{what}: {:?}", diags[0]);
    }
}

#[test]
fn hostile_markdown_comes_out_as_text() {
    let p = Project::from_fixture("minimal");
    let hostile = [
        "#sys.exit()",
        "$x^2$",
        "<label>",
        "@ref",
        "*not bold*",
        "back\\slash",
        "#{ panic() }",
        "]unbalanced[",
        "// not a comment",
        "= not a heading",
        "\"quoted\"",
        "a_b_c",
        "~tilde~",
        "`tick`",
        "https://example.com/x",
        "1. not a list",
    ];
    let body: String = hostile
        .iter()
        .map(|h| format!("Line {h} end\n\n"))
        .collect();
    // Markdown escapes keep the characters literal on the Markdown side too.
    let escaped = body
        .replace('\\', "\\\\")
        .replace('*', "\\*")
        .replace('`', "\\`")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('<', "\\<")
        .replace('_', "\\_")
        .replace('~', "\\~")
        .replace('#', "\\#")
        .replace('=', "\\=")
        .replace('"', "\\\"")
        .replace("1.", "1\\.");
    p.write(
        "content/hostile.md",
        &format!("---\ntitle: \"#hostile $title$ <x>\"\ntemplate: false\n---\n{escaped}"),
    );
    let project = load(p.root());
    let bytes = render_ok(&project, &blank_view(), &blank_options());
    if !poppler() {
        return;
    }
    let text = pdf_text(&bytes);
    assert_contains(&text, "#hostile $title$ <x>");
    for h in hostile {
        assert_contains(&text, &format!("Line {h} end"));
    }
}

#[test]
fn any_part_of_the_view_may_be_missing() {
    let p = Project::from_fixture("minimal");
    let project = load(p.root());
    let mut sparse = sample_view();
    for key in ["dashboard", "timeline", "profile"] {
        sparse[key] = Value::Null;
    }
    sparse["people"][0] = json!({"name": "Only A Name"});
    sparse["people"][1] = json!({});
    for view in [
        Value::Null,
        json!({}),
        json!({"people": null, "blank": null}),
        sparse,
    ] {
        for opts in [options(), blank_options()] {
            if let Err(d) = render_pdf(&project, &source(&project, &view, &opts), &opts) {
                panic!("{view}: {d:?}");
            }
        }
    }
}

#[test]
fn the_workbook_is_many_pages_and_not_bloated() {
    // Speed is measured by bench/pdf.sh, not here.
    let (p, _, _) = &*DEFAULT;
    let project = load(p.root());
    let out = render_pdf_output(
        &project,
        &source(&project, &sample_view(), &options()),
        &options(),
    )
    .unwrap();
    assert!(out.pages > 20);
    assert!(out.bytes.len() < 3_000_000, "{} bytes", out.bytes.len());
}

/// `bench/pdf.sh` runs this in release: typeset N times, print the median.
#[test]
#[ignore = "a benchmark: run with bench/pdf.sh"]
fn bench_pdf() {
    let runs: usize = std::env::var("CAREERBOOK_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let p = Project::default_workbook();
    let project = load(p.root());
    for (name, view, opts) in [
        ("personal", sample_view(), options()),
        ("blank", blank_view(), blank_options()),
    ] {
        let first = std::time::Instant::now();
        let out = render_pdf_output(&project, &source(&project, &view, &opts), &opts).unwrap();
        let cold = first.elapsed();
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = std::time::Instant::now();
                render_pdf_output(&project, &source(&project, &view, &opts), &opts).unwrap();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "{name}: {} pages, {} KiB, first {:.0} ms, warm median {:.1} ms (min {:.1}, max {:.1}, {runs} runs)",
            out.pages,
            out.bytes.len() / 1024,
            cold.as_secs_f64() * 1000.0,
            times[times.len() / 2],
            times[0],
            times[times.len() - 1],
        );
        // The dev server's case: the data changed since the last build, so Typst's
        // memoised layout of the personal pages cannot be reused.
        let mut changed: Vec<f64> = (0..runs)
            .map(|i| {
                let mut v = view.clone();
                v["today_long"] = json!(format!("run {i}"));
                let t = std::time::Instant::now();
                render_pdf_output(&project, &source(&project, &v, &opts), &opts).unwrap();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        changed.sort_by(f64::total_cmp);
        println!(
            "{name}: data changed every run: median {:.1} ms",
            changed[changed.len() / 2]
        );
        if let Ok(dir) = std::env::var("CAREERBOOK_BENCH_OUT") {
            std::fs::write(Path::new(&dir).join(format!("{name}.pdf")), &out.bytes).unwrap();
        }
    }
}

/// `careerbook pdf` on the cohort fixture, into `out`; the exit code and stderr.
/// `careerbook pdf` of a cohort into the folder `out`: each member's PDF in
/// `out/<id>/`.
fn cohort_pdfs(p: &Project, out: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let run = crate::common::careerbook()
        .args(["pdf", "--today", "2026-11-24", "-o"])
        .arg(out)
        .args(extra)
        .arg(p.root())
        .output()
        .unwrap();
    (
        run.status.code(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

#[test]
fn a_cohort_typeset_together_is_each_member_typeset_alone() {
    // A cohort's members are typeset in parallel batches that share Typst's
    // layout of the chapters; each PDF must still be exactly the one the member
    // gets alone, with their own name as the document's author.
    let p = Project::from_fixture("cohort");
    let together = tempfile::tempdir().unwrap();
    let (code, stderr) = cohort_pdfs(&p, together.path(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    // One line for the cohort, not one per member; no progress line when
    // stderr is not a terminal.
    let wrote: Vec<_> = stderr.lines().filter(|l| l.starts_with("Wrote")).collect();
    assert_eq!(wrote.len(), 1, "{stderr}");
    assert!(wrote[0].starts_with("Wrote 3 PDFs ("), "{stderr}");
    assert!(wrote[0].ends_with("<member>/workbook.pdf"), "{stderr}");
    assert!(!stderr.contains("Typesetting PDFs"), "{stderr}");
    for (id, name) in [
        ("ana-lima", "Ana Lima"),
        ("ben-okafor", "Ben Okafor"),
        ("chloe-roy", "Chloe Roy"),
    ] {
        let alone = tempfile::tempdir().unwrap();
        let (code, stderr) = cohort_pdfs(&p, alone.path(), &["--person", id]);
        assert_eq!(code, Some(0), "{stderr}");
        let a = std::fs::read(together.path().join(id).join("workbook.pdf")).unwrap();
        let b = std::fs::read(alone.path().join(id).join("workbook.pdf")).unwrap();
        assert!(a == b, "{id}'s PDF differs when typeset with the cohort");
        if poppler() {
            assert_eq!(info_field(&pdf_info(&a), "Author"), name);
        }
    }
}

#[test]
fn a_character_no_font_has_is_a_warning_naming_the_member_s_pdf() {
    let p = Project::from_fixture("cohort");
    let file = "data/people/ben-okafor/profile.yaml";
    let profile = std::fs::read_to_string(p.root().join(file)).unwrap();
    p.write(
        file,
        &profile.replace("name: Ben Okafor", "name: \"Ben 🚀 Okafor\""),
    );
    let out = tempfile::tempdir().unwrap();
    let (code, stderr) = cohort_pdfs(&p, out.path(), &[]);
    assert_eq!(code, Some(0), "a warning, not an error: {stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("as an empty box"))
        .collect();
    assert_eq!(warnings.len(), 1, "only Ben's PDF: {stderr}");
    assert!(warnings[0].contains("“🚀” (U+1F680)"), "{stderr}");
    assert!(stderr.contains("ben-okafor/workbook.pdf"), "{stderr}");
    // Where to change it: his own profile, not another member's.
    assert!(
        stderr.contains("it is in “Ben 🚀 Okafor”, data/people/ben-okafor/profile.yaml:"),
        "{stderr}"
    );
    // Without it, nothing to say.
    p.write(file, &profile);
    let (code, stderr) = cohort_pdfs(&p, out.path(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("empty box"), "{stderr}");
}

#[test]
fn a_character_no_font_has_is_a_warning_naming_the_file_written() {
    let p = Project::from_fixture("minimal");
    p.write("data/profile.yaml", "name: \"Ryan 🚀 Lee\"\n");
    let out = tempfile::tempdir().unwrap();
    // `cohort_pdfs` passes `-o` as given: here a file.
    let (code, stderr) = cohort_pdfs(&p, &out.path().join("mine.pdf"), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(out.path().join("mine.pdf").is_file(), "{stderr}");
    let at = stderr
        .lines()
        .skip_while(|l| !l.contains("as an empty box"))
        .nth(1)
        .unwrap_or_default();
    assert!(at.contains("mine.pdf"), "{stderr}");
    // The help says where the character is written.
    assert!(
        stderr.contains("it is in “Ryan 🚀 Lee”, data/profile.yaml:1:13"),
        "{stderr}"
    );
}

#[test]
fn a_character_no_font_has_in_a_page_is_a_warning_naming_the_page() {
    let p = Project::from_fixture("minimal");
    let page = std::fs::read_to_string(p.root().join("content/chapter.md")).unwrap();
    // Line 9 of the file, after the front matter and a first paragraph.
    let changed = page.replacen(
        "## Second heading",
        "Ready for launch 🚀 today.\n\n## Second heading",
        1,
    );
    let line = changed
        .lines()
        .position(|l| l.contains('🚀'))
        .map(|n| n + 1)
        .unwrap();
    p.write("content/chapter.md", &changed);
    let out = tempfile::tempdir().unwrap();
    let (code, stderr) = cohort_pdfs(&p, &out.path().join("mine.pdf"), &[]);
    assert_eq!(code, Some(0), "a warning, not an error: {stderr}");
    assert!(stderr.contains("“🚀” (U+1F680)"), "{stderr}");
    // Not in the data: the page, at the line and column of the character.
    assert!(
        stderr.contains(&format!(
            "take it out of the page: it is in “Ready for launch 🚀 today.”, content/chapter.md:{line}:18"
        )),
        "{stderr}"
    );
}

#[test]
fn a_failed_cohort_pdf_run_leaves_the_last_pdfs_as_they_were() {
    let p = Project::from_fixture("cohort");
    let out = tempfile::tempdir().unwrap();
    let (code, stderr) = cohort_pdfs(&p, out.path(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let before: Vec<Vec<u8>> = ["ana-lima", "ben-okafor", "chloe-roy"]
        .iter()
        .map(|id| std::fs::read(out.path().join(id).join("workbook.pdf")).unwrap())
        .collect();

    // A print template that fails for every member.
    p.write(
        "themes/default/print/personal.typ",
        "#let section(data, settings) = panic(\"broken on purpose\")\n",
    );
    let (code, stderr) = cohort_pdfs(&p, out.path(), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("broken on purpose"), "{stderr}");
    assert!(stderr.contains("personal.typ"), "{stderr}");
    for (id, old) in ["ana-lima", "ben-okafor", "chloe-roy"].iter().zip(&before) {
        let dir = out.path().join(id);
        let now = std::fs::read(dir.join("workbook.pdf")).unwrap();
        assert!(&now == old, "{id}'s PDF changed after a failed run");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["workbook.pdf"], "nothing is left beside it");
    }
}

#[test]
fn a_cohort_member_s_pdf_is_in_their_language_unless_another_is_asked_for() {
    let p = Project::bilingual_cohort();
    let files = |dir: &Path| -> Vec<String> {
        let mut found: Vec<String> = walk(dir)
            .into_iter()
            .map(|f| f.strip_prefix(dir).unwrap().display().to_string())
            .collect();
        found.sort();
        found
    };

    // Every member, each in their own language: none is left out.
    let all = tempfile::tempdir().unwrap();
    let (code, stderr) = cohort_pdfs(&p, all.path(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("Wrote 3 PDFs ("), "{stderr}");
    assert_eq!(
        files(all.path()),
        [
            "ana-lima/workbook.pdf",
            "ben-okafor/workbook.pdf",
            "chloe-roy/workbook.pdf"
        ]
    );

    // One member whose language is not the default.
    let one = tempfile::tempdir().unwrap();
    let (code, stderr) = cohort_pdfs(&p, one.path(), &["--person", "chloe-roy"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(files(one.path()), ["chloe-roy/workbook.pdf"]);
    let alone = std::fs::read(one.path().join("chloe-roy/workbook.pdf")).unwrap();
    let together = std::fs::read(all.path().join("chloe-roy/workbook.pdf")).unwrap();
    assert!(alone == together, "chloe-roy's PDF differs alone");
    if poppler() {
        assert!(pdf_text(&alone).contains("Chloe Roy"));
        assert!(
            pdf_text(&alone).contains(FRENCH),
            "chloe-roy's PDF is in French"
        );
        let ana = std::fs::read(all.path().join("ana-lima/workbook.pdf")).unwrap();
        assert!(
            !pdf_text(&ana).contains(FRENCH),
            "ana-lima's PDF is in English"
        );
    }

    // `--lang` asks for a language: everyone's PDF in it, named for it when it
    // is not theirs.
    let fr = tempfile::tempdir().unwrap();
    let (code, stderr) = cohort_pdfs(&p, fr.path(), &["--lang", "fr-CA"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("<member>/workbook.fr.pdf or ") && stderr.contains("<member>/workbook.pdf"),
        "{stderr}"
    );
    assert_eq!(
        files(fr.path()),
        [
            "ana-lima/workbook.fr.pdf",
            "ben-okafor/workbook.fr.pdf",
            "chloe-roy/workbook.pdf"
        ]
    );
    let chloe = std::fs::read(fr.path().join("chloe-roy/workbook.pdf")).unwrap();
    assert!(
        chloe == together,
        "chloe-roy's own-language PDF is the same"
    );
}

/// A heading only the French PDF has.
const FRENCH: &str = "Table des matières";

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// The PDF's text as [`pdf_text`] gives it, but with its no-break spaces,
/// which pdftotext writes as plain ones (pdftohtml keeps them). Each line of
/// a page ends with a space.
fn pdf_text_with_no_break_spaces(bytes: &[u8]) -> String {
    let f = write_temp(bytes);
    let out = Command::new("pdftohtml")
        .args(["-xml", "-i", "-stdout", "-enc", "UTF-8"])
        .arg(f.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftohtml failed");
    let xml = String::from_utf8_lossy(&out.stdout).replace("</text>", " ");
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    // Not `split_whitespace`, which would split at the no-break spaces too.
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn your_own_text_in_a_french_pdf_gets_french_spacing_and_stays_as_written_in_english() {
    if !poppler() {
        return;
    }
    let p = Project {
        dir: tempfile::tempdir().unwrap(),
    };
    p.write(
        "book.toml",
        "[book]\ntitle = \"Mon cahier : essai\"\nlanguages = [\"fr-CA\", \"en-CA\"]\n",
    );
    p.write("content/index.md", "---\ntitle: Bienvenue\n---\nBonjour.\n");
    p.write("content/index.en.md", "---\ntitle: Welcome\n---\nHello.\n");
    p.write(
        "content/messages/suivi.md",
        "---\ntitle: Petit suivi\nmessage:\n  channel: email\n  role: mentor\n  stages: [active]\n  subject: \"Petit suivi : {topic}\"\n---\n\nBonjour {first_name}.\n",
    );
    p.write(
        "data/profile.yaml",
        "name: Sam Tremblay\nemail: sam@example.ca\nplan_start: 2026-06-01\n",
    );
    p.write(
        "data/wins.yaml",
        "wins:\n  - {id: prix, date: 2026-10-14, title: \"Prix : meilleure équipe !\"}\n",
    );
    p.write(
        "data/relationships.yaml",
        "people:\n  - id: colette\n    name: Colette Arsenault\n    role: mentor\n    stage: active\n    \
         email: colette@example.com\n    links: [\"https://example.com/colette-arsenault\"]\n    \
         log:\n      - date: 2026-11-02\n        kind: coffee\n        summary: \"Elle m'a dit : « écris à Luc »\"\n",
    );
    let out = tempfile::tempdir().unwrap();
    let pdf = |lang: &str| {
        let file = out.path().join(format!("{lang}.pdf"));
        let run = crate::common::careerbook()
            .args(["pdf", "--today", "2026-11-24", "--lang", lang, "-o"])
            .arg(&file)
            .arg(p.root())
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "careerbook pdf failed:\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        pdf_text_with_no_break_spaces(&std::fs::read(&file).unwrap())
    };

    // As the French pages print them: no line can start with `:` or `»`.
    let fr = pdf("fr-CA");
    for phrase in [
        "Prix\u{a0}: meilleure équipe !",
        "Elle m'a dit\u{a0}: «\u{a0}écris à Luc\u{a0}»",
        "Mon cahier\u{a0}: essai",
        // A message template's subject, as its text and its title have it.
        "Petit suivi\u{a0}:",
    ] {
        assert!(fr.contains(phrase), "{phrase:?} in:\n{fr}");
    }
    // Addresses and links as written.
    assert!(fr.contains("colette@example.com"), "{fr}");
    assert!(fr.contains("https://example.com/colette-arsenault"), "{fr}");

    // The English PDF prints them as written.
    let en = pdf("en-CA");
    assert!(en.contains("Prix : meilleure équipe !"), "{en}");
    assert!(en.contains("Elle m'a dit : « écris à Luc »"), "{en}");
    assert!(
        !en.contains("Prix\u{a0}") && !en.contains("«\u{a0}"),
        "{en}"
    );
}

/// A person of `name` for a view: a mentor, with `log` entries and `drafts`.
fn person_view(id: &str, name: &str, log: Vec<Value>, drafts: Vec<Value>) -> Value {
    let first = name.split(' ').next().unwrap();
    json!({
        "id": id, "name": name, "first_name": first, "role": "mentor", "stage": "active",
        "title": "Principal UX Researcher", "organisation": "Bluenose Analytics",
        "channel": "email", "cadence_days": 45, "last_contact": "2026-09-10",
        "next_check_in": "2026-10-25", "overdue_days": 30,
        "next_step": "Book a call about the research plan", "next_step_due": "2026-12-03",
        "log": log, "drafts": drafts
    })
}

/// The minimal fixture typeset with the sample view's people replaced by `people`.
fn render_people(people: Vec<Value>) -> Vec<u8> {
    static MINIMAL: LazyLock<(Project, careerbook::load::Project)> = LazyLock::new(|| {
        let p = Project::from_fixture("minimal");
        let project = load(p.root());
        (p, project)
    });
    let mut view = sample_view();
    view["people"] = Value::Array(people);
    render_ok(&MINIMAL.1, &view, &options())
}

#[test]
fn names_are_never_hyphenated() {
    if !poppler() {
        return;
    }
    let names = [
        "Siobhán Ní Bhriain",
        "François Lapointe",
        "Bartholomew Vanderhoeven",
        "Marguerite Thibodeau",
    ];
    let pdf = render_people(
        names
            .iter()
            .enumerate()
            .map(|(i, n)| person_view(&format!("p{i}"), n, vec![], vec![]))
            .collect(),
    );
    let raw = pdftotext(&pdf);
    // The tracker's narrow first column printed the long ones whole, a word
    // to a line at most: never "Bhri-" on one line and "ain" on the next.
    for word in names.iter().flat_map(|n| n.split(' ')) {
        let chars: Vec<char> = word.chars().collect();
        for i in 2..chars.len().saturating_sub(1) {
            let (a, b): (String, String) =
                (chars[..i].iter().collect(), chars[i..].iter().collect());
            for hyphen in ["-", "\u{ad}", "\u{2010}"] {
                let split = format!("{a}{hyphen}\n{b}");
                assert!(!raw.contains(&split), "{word:?} hyphenated as {split:?}");
            }
        }
    }
    // The names are there, in the tracker and as the people's chapters.
    let text = pdf_text(&pdf);
    for n in names {
        assert!(text.matches(n).count() >= 2, "{n} in:\n{text}");
    }
}

#[test]
fn a_log_entry_s_kind_prints_as_the_site_shows_it() {
    if !poppler() {
        return;
    }
    let log = vec![
        json!({"date": "2026-11-18", "kind": "linkedin", "summary": "Sent the follow-up note.", "gave": false}),
        json!({"date": "2026-10-02", "kind": "coffee", "summary": "Coffee at the market.", "gave": true}),
    ];
    let mut p = person_view("owen", "Owen Fraser", log, vec![]);
    p["prep"] = json!({"last": {"date": "2026-11-18", "kind": "linkedin", "summary": "Sent the follow-up note."}});
    let text = pdf_text(&render_people(vec![p]));
    // A channel's own spelling, and other kinds as written, never re-capitalised.
    assert!(!text.contains("Linkedin"), "{text}");
    assert_contains(&text, "18 Nov 2026 LinkedIn Sent the follow-up note.");
    assert_contains(&text, "2 Oct 2026 coffee Coffee at the market.");
    assert_contains(&text, "18 Nov 2026 · LinkedIn: Sent the follow-up note.");
}

#[test]
fn a_draft_s_subject_and_signature_are_never_alone_on_a_page() {
    if !poppler() {
        return;
    }
    let seg = |t: &str| json!([{"kind": "text", "text": t}]);
    let draft = json!({
        "id": "news", "title": "Thank you and some news", "channel": "email",
        "subject_segments": [{"kind": "text", "text": "Thank you, and some news"}],
        "paragraphs": [
            seg("Hi Owen,"),
            seg("A quick thank-you, and some news I wanted you to hear first. When we talked about getting engineers into research sessions, I took your advice, and here is what came of it."),
            seg("Three of the five engineers on the team now sit in on a session a month, and the last release fixed the two problems they saw people struggle with. I would love to tell you more over coffee."),
            seg("Would you have twenty minutes in the new year?"),
            seg("With thanks, Nadia"),
        ],
        "missing": ["result"]
    });
    let line = json!({"date": "2026-10-02", "kind": "coffee", "summary": "Coffee.", "gave": false});
    let is_subject =
        |l: &str| l.starts_with("Subject:") || l.starts_with("Thank you and some news");
    let is_tail =
        |l: &str| l.starts_with("With thanks, Nadia") || l.starts_with("Still to fill in");
    // However much comes before the drafts, one log line more or less, no page
    // ends on a draft's title or subject, and none starts with its signature.
    for lines in 0..12 {
        let person = person_view(
            "owen",
            "Owen Fraser",
            vec![line.clone(); lines],
            vec![draft.clone(); 5],
        );
        let pages = pdf_pages(&render_people(vec![person]));
        for (n, page) in pages.iter().enumerate() {
            let body: Vec<&str> = page
                .lines()
                .map(str::trim)
                .filter(|l| {
                    !l.is_empty() && !l.starts_with("Page ") && !l.starts_with("Fixture Book")
                })
                .collect();
            let (Some(first), Some(last)) = (body.first(), body.last()) else {
                continue;
            };
            assert!(
                !is_subject(last),
                "with {lines} log lines, page {} ends on {last:?}:\n{page}",
                n + 1
            );
            assert!(
                !is_tail(first),
                "with {lines} log lines, page {} starts with {first:?}:\n{page}",
                n + 1
            );
        }
    }
}

/// A short draft is never split across pages: no page holds only its last
/// lines. The person's log grows from run to run, which moves the draft down
/// the page until, in some runs, it meets the page's end (in this layout, at
/// six and seven entries).
#[test]
fn a_short_draft_is_never_split_across_pages() {
    if !poppler() {
        return;
    }
    let p = Project::from_fixture("minimal");
    p.write(
        "content/messages/note.md",
        "---\ntitle: Check-in note\ntemplate: false\nmessage:\n  channel: email\n  role: mentor\n  \
         stages: [active]\n  subject: \"A quick update\"\n  placeholders: [first_name]\n---\n\n\
         Hi {first_name},\n\nI wanted to share where things stand since we last talked. The project \
         we discussed went to review last week, and the team took most of your advice about pacing \
         the launch.\n\nI am now thinking about the next step you suggested, and I would value twenty \
         minutes of your time this month to talk it through, whenever suits you.\n\n\
         Thanks again for your help,\n\nSIGNATURE-LINE\n",
    );
    let out = tempfile::tempdir().unwrap();
    for entries in 4..=9 {
        let log: String = (0..entries)
            .map(|i| {
                format!(
                    "      - date: 2026-0{}-1{}\n        kind: coffee\n        summary: Talked \
                     through the plan for the quarter and the things to try next, entry {i}.\n",
                    1 + i % 9,
                    i % 9
                )
            })
            .collect();
        p.write(
            "data/relationships.yaml",
            &format!(
                "people:\n  - id: kim\n    name: Kim Lee\n    role: mentor\n    stage: active\n    \
                 email: kim@example.org\n    last_contact: 2026-11-01\n    cadence_days: 30\n    log:\n{log}"
            ),
        );
        let file = out.path().join(format!("{entries}.pdf"));
        let (code, stderr) = cohort_pdfs(&p, &file, &[]);
        assert_eq!(code, Some(0), "{stderr}");
        let text = pdftotext(&std::fs::read(&file).unwrap());
        let pages: Vec<&str> = text.split('\u{c}').collect();
        // The draft on Kim's record (the guide's page of the template comes
        // before it): its title and its last line, on one page.
        let last = |needle: &str| pages.iter().rposition(|page| page.contains(needle));
        assert_eq!(
            last("Check-in note (email)"),
            last("SIGNATURE-LINE"),
            "with {entries} log entries"
        );
        // And the drafts' heading and its line go with the first draft.
        assert_eq!(
            last("The message templates that suit Kim"),
            last("Check-in note (email)"),
            "with {entries} log entries"
        );
    }
}
