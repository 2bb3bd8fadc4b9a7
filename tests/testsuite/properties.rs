//! Property tests over the parsers that read what a person (or anyone) wrote: the
//! front-matter splitter, the YAML loaders, the Markdown → HTML converter and the
//! Markdown → Typst escaping. None may panic, whatever the input; output must stay
//! escaped; ids stay within their alphabet.
//!
//! Case counts are bounded (256, short strings) so the suite stays fast; the cargo
//! fuzz targets in `fuzz/` run the same entry points for as long as you like.

use std::path::{Path, PathBuf};

use careerbook::Diagnostics;
use careerbook::load::content::{parse_page, split_front_matter};
use careerbook::markdown;
use careerbook::model::Workbook;
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::select;

fn config() -> ProptestConfig {
    ProptestConfig {
        // PROPTEST_CASES=10000 for a longer run.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256),
        // Shrinking a failure is worth a little time, not minutes.
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

mod inputs;
use inputs::*;

// ---------------------------------------------------------------------------
// The front-matter splitter.

proptest! {
    #![proptest_config(config())]

    #[test]
    fn split_front_matter_is_total_and_consistent(
        text in prop_oneof![any_text(200), tokens(FRONT_MATTER_TOKENS, 40)]
    ) {
        let fenced = text.starts_with("---\n") || text.starts_with("---\r\n");
        match split_front_matter(&text) {
            Ok((None, body, line)) => {
                prop_assert!(!fenced);
                prop_assert_eq!(body, text.as_str());
                prop_assert_eq!(line, 1);
            }
            Ok((Some(front), body, line)) => {
                prop_assert!(fenced);
                // Both are slices of the text, in order: the fence, the front
                // matter, the closing line, the body to the end.
                prop_assert!(text.ends_with(body));
                let start = if text.starts_with("---\r\n") { 5 } else { 4 };
                prop_assert_eq!(&text[start..start + front.len()], front);
                let before_body = &text[..text.len() - body.len()];
                // The line after the closing fence (one past the end when the
                // fence is the file's last line, without a newline).
                let fence_unterminated = body.is_empty() && !text.ends_with('\n');
                prop_assert_eq!(
                    line,
                    before_body.matches('\n').count() + 1 + usize::from(fence_unterminated)
                );
            }
            Err(line) => {
                prop_assert!(fenced);
                prop_assert_eq!(line, 1);
            }
        }
    }

    #[test]
    fn front_matter_round_trips(
        lines in prop::collection::vec("[a-z:éß \"'#\\[\\]{}-]{0,16}", 0..6),
        body in any_text(80),
    ) {
        let front: String = lines
            .iter()
            .filter(|l| l.trim_end() != "---" && l.trim_end() != "...")
            .map(|l| format!("{l}\n"))
            .collect();
        let text = format!("---\n{front}---\n{body}");
        let (f, b, line) = split_front_matter(&text).unwrap();
        prop_assert_eq!(f, Some(front.as_str()));
        prop_assert_eq!(b, body.as_str());
        prop_assert_eq!(line, front.matches('\n').count() + 3);
    }

    #[test]
    fn parse_page_never_panics_and_locates_its_errors(
        text in prop_oneof![any_text(200), tokens(FRONT_MATTER_TOKENS, 40)]
    ) {
        let mut diags = Diagnostics::new();
        let file = PathBuf::from("content/page.md");
        let page = parse_page(text.clone(), file.clone(), "page.md".into(), &mut diags);
        let diags = diags.into_vec();
        // The page is kept whatever its front matter: its body is the end
        // of the file (none when the front matter never closes).
        prop_assert!(text.ends_with(&page.body));
        if !diags.is_empty() && page.front.review_days.is_none() {
            // Not knowing what the front matter asked, it is not a template.
            prop_assert_eq!(page.front.template, Some(false));
        }
        for d in &diags {
            prop_assert!(d.is_error());
            prop_assert_eq!(d.file.as_deref(), Some(file.as_path()));
            prop_assert!(d.line >= 1, "{d:?}");
            // The line is in the file (or one past its end, for an error
            // at the very end of the text).
            prop_assert!(d.line <= text.split('\n').count() + 1, "{d:?}");
        }
    }
}

// ---------------------------------------------------------------------------
// YAML: the generic loader and the three data files with a contract.

proptest! {
    #![proptest_config(config())]

    #[test]
    fn yaml_values_never_panic_and_errors_are_located(
        text in prop_oneof![any_text(200), tokens(YAML_TOKENS, 60)]
    ) {
        let file = Path::new("data/extra.yaml");
        if let Err(d) = careerbook::load::yaml::parse::<serde_json::Value>(&text, file, 1, "yaml") {
            prop_assert!(d.is_error());
            prop_assert_eq!(d.code, "yaml");
            prop_assert_eq!(d.file.as_deref(), Some(file));
            prop_assert!(d.line >= 1, "{d:?}");
        }
    }

    #[test]
    fn data_files_never_panic_and_every_problem_names_its_file(
        profile in prop::option::of(prop_oneof![any_text(120), tokens(YAML_TOKENS, 40)]),
        people in prop::option::of(prop_oneof![any_text(120), tokens(YAML_TOKENS, 60)]),
        progress in prop::option::of(prop_oneof![any_text(120), tokens(YAML_TOKENS, 30)]),
    ) {
        let mut diags = Diagnostics::new();
        let wb = Workbook::from_sources(
            profile.as_deref(),
            people.as_deref(),
            progress.as_deref(),
            today(),
            &mut diags,
        );
        let names = ["data/profile.yaml", "data/relationships.yaml", "data/progress.yaml"];
        let diags = diags.into_vec();
        for d in &diags {
            let f = d.file.as_deref().and_then(Path::to_str).unwrap_or("");
            prop_assert!(names.contains(&f), "{d:?}");
        }
        // A build goes on only without errors; then what was read obeys the contract.
        if diags.iter().any(|d| d.is_error()) {
            return Ok(());
        }
        for p in &wb.people {
            prop_assert!(careerbook::model::is_valid_id(&p.id), "{:?}", p.id);
            for l in &p.links {
                let l = l.to_ascii_lowercase();
                prop_assert!(
                    l.starts_with("https://") || l.starts_with("http://") || l.starts_with("mailto:"),
                    "{l}"
                );
            }
        }
    }

    /// Documents shaped like the real files, with hostile values in every slot:
    /// the loader must either accept them within the contract or explain.
    #[test]
    fn shaped_relationships_are_accepted_within_the_contract_or_explained(
        people in prop::collection::vec(person_yaml(), 0..4)
    ) {
        let text = format!("people:\n{}", people.concat());
        let mut diags = Diagnostics::new();
        let wb = Workbook::from_sources(None, Some(&text), None, today(), &mut diags);
        let diags = diags.into_vec();
        let errors = diags.iter().filter(|d| d.is_error()).count();
        for d in &diags {
            prop_assert_eq!(
                d.file.as_deref(),
                Some(Path::new("data/relationships.yaml")),
                "{:?}", d
            );
            prop_assert!(d.line >= 1, "{d:?}");
        }
        // A build goes on only without errors; then the contract holds in full.
        if errors == 0 {
            prop_assert_eq!(wb.people.len(), people.len(), "{}", text);
            for p in &wb.people {
                prop_assert!(careerbook::model::is_valid_id(&p.id), "{:?}", p.id);
                for e in &p.log {
                    prop_assert!(e.date <= today(), "{e:?}");
                }
            }
        }
    }
}

fn person_yaml() -> impl Strategy<Value = String> {
    let ids = select(
        &[
            "sam", "sam-2", "../etc", "a/b", "Sam", "", "-x", "x-", "ok9",
        ][..],
    );
    let dates = select(
        &[
            "2026-01-01",
            "2026-02-30",
            "2026-13-01",
            "26-1-5",
            "2026-1-1",
            "0001-01-01",
            "9999-12-31",
            "2027-06-01",
            "\"2026-03-04\"",
            "2026-03-04T10:00:00",
            "~",
        ][..],
    );
    let texts = select(
        &[
            "Sam",
            "'<script>alert(1)</script>'",
            "\"\\\" onfocus=\\\"x\"",
            "''",
            "'{{ x }}'",
            "é",
            "[a, b]",
            "{a: b}",
            "123",
            "true",
        ][..],
    );
    let links = select(
        &[
            "https://example.org",
            "javascript:alert(1)",
            "JAVASCRIPT:x",
            "data:text/html,x",
            "mailto:a@b.c",
            "http://",
            "//evil.example",
            "ftp://x",
            "\"java\\tscript:x\"",
        ][..],
    );
    let cadences = select(
        &[
            "30",
            "0",
            "-5",
            "3661",
            "99999999999999999999",
            "often",
            "1.5",
        ][..],
    );
    (ids, texts.clone(), dates.clone(), dates, links, cadences, texts).prop_map(
        |(id, name, last, due, link, cadence, summary)| {
            format!(
                "  - id: {id}\n    name: {name}\n    role: mentor\n    links: [{link}]\n    cadence_days: {cadence}\n    last_contact: {last}\n    next_step_due: {due}\n    log:\n      - date: {last}\n        summary: {summary}\n"
            )
        },
    )
}

// ---------------------------------------------------------------------------
// Markdown → HTML.

fn html_of(body: &str) -> String {
    let doc = markdown::parse(body, "page", "");
    let done = |_: &markdown::Task| markdown::TaskLook::default();
    markdown::to_html(&doc, &done)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn markdown_never_panics(
        body in prop_oneof![any_text(300), tokens(MARKDOWN_TOKENS, 80)]
    ) {
        let doc = markdown::parse(&body, "page", "part");
        let done = |t: &markdown::Task| -> markdown::TaskLook {
            t.checked_in_source.then(|| "2026-01-01".to_string()).into()
        };
        let _ = markdown::to_html(&doc, &done);
        let _ = markdown::to_print_html(&doc, &done, "part-page");
        let ids = doc.headings.iter().map(|h| h.id.clone());
        for id in ids {
            prop_assert!(!id.is_empty());
        }
    }

    /// Text that holds no `<` can never become a tag, however it is encoded
    /// (`&lt;script&gt;`, `&#x3c;img …`): entities decode to text, which is escaped.
    #[test]
    fn text_without_tags_never_becomes_a_tag(body in tokens(MARKDOWN_NO_LT_TOKENS, 80)) {
        let html = html_of(&body).to_ascii_lowercase();
        for tag in ["<script", "<iframe", "<svg", "<object", "<embed", "<style"] {
            prop_assert!(!html.contains(tag), "{tag} in {html}\nfrom {body:?}");
        }
        // Images come only from Markdown image syntax, never from text.
        if !body.contains("![") {
            prop_assert!(!html.contains("<img"), "{html}\nfrom {body:?}");
        }
    }

    /// Anything at all inside a code span or block comes out as text.
    #[test]
    fn code_is_always_escaped(code in "[^`\r\n]{1,60}") {
        let html = html_of(&format!("Before `{code}` after.\n\n```\n{code}\n```\n"));
        prop_assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
        let escaped = code.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        prop_assert!(html.contains(&escaped), "{escaped} not in {html}");
    }

    /// Generated checklist ids from ASCII text: lower-case letters, digits and `-`.
    #[test]
    fn task_ids_from_ascii_text_are_safe(body in task_items(ASCII_WORDS)) {
        let doc = markdown::parse(&body, "page", "");
        for t in &doc.tasks {
            prop_assert!(
                !t.id.is_empty()
                    && t.id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{:?} from {body:?}",
                t.id
            );
            if !t.explicit_id {
                prop_assert!(!t.id.ends_with('-'), "{:?}", t.id);
            }
        }
    }

    /// Generated checklist ids from any text: never a character that means
    /// something in HTML, a URL, YAML or a path.
    ///
    /// Ids keep letters outside ASCII (`café` → `…-café`); long ones are covered
    /// by `long_accented_task_gets_an_id` below.
    #[test]
    fn task_ids_from_any_text_are_safe(body in short_unicode_items()) {
        let doc = markdown::parse(&body, "page", "");
        for t in &doc.tasks {
            prop_assert!(!t.id.is_empty());
            prop_assert!(
                !t.id.chars().any(|c| c.is_whitespace()
                    || c.is_control()
                    || "<>&\"'`/\\?#%{}[]:;,.!".contains(c)),
                "{:?} from {body:?}",
                t.id
            );
        }
    }

    /// Heading ids on one page are unique, so every anchor leads to one place.
    #[test]
    fn heading_ids_are_unique_on_a_page(
        headings in prop::collection::vec(select(&["A", "A 1", "a-1", "B", "A-1", "Section", "section", ""][..]), 1..8)
    ) {
        let body: String = headings.iter().map(|h| format!("## {h}\n\n")).collect();
        let doc = markdown::parse(&body, "page", "");
        let mut ids: Vec<&str> = doc.headings.iter().map(|h| h.id.as_str()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), n, "duplicate heading ids from {:?}", headings);
    }
}

/// Task lists whose generated ids stay under 48 bytes (see the known bug above).
fn short_unicode_items() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(select(UNICODE_WORDS), 0..5), 1..6).prop_map(
        |items| {
            items
                .into_iter()
                .map(|words| {
                    let mut text = String::new();
                    for w in words {
                        if markdown::slug(&format!("{text} {w}")).len() >= 40 {
                            break;
                        }
                        text.push(' ');
                        text.push_str(w);
                    }
                    format!("- [ ] {text}\n")
                })
                .collect()
        },
    )
}

/// Was a panic: a generated id cut inside "é" (a byte cut). Ids are now cut on
/// characters.
#[test]
fn long_accented_task_gets_an_id() {
    let body = "- [ ] Remercier mon mentor après notre réunion générale annuelle\n";
    let id = markdown::parse(body, "page", "").tasks[0].id.clone();
    assert!(id.starts_with("page-remercier-mon-mentor-après"), "{id}");
    assert!(id.chars().count() <= "page-".len() + 48, "{id}");
}

/// Was a collision: "A", "A", "A 1" gave `a`, `a-1`, `a-1`.
#[test]
fn heading_ids_never_collide() {
    let doc = markdown::parse("## A\n\n## A\n\n## A 1\n\n## A {#a-2}\n", "page", "");
    let ids: Vec<&str> = doc.headings.iter().map(|h| h.id.as_str()).collect();
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

// ---------------------------------------------------------------------------
// Markdown → Typst (the printed workbook).

#[cfg(feature = "pdf")]
mod typst_escaping {
    use super::*;
    use ::typst::syntax::{SyntaxKind, SyntaxNode};
    use careerbook::pdf::typst_markup::{escape_text, label_name, string_literal};

    fn kinds(node: &SyntaxNode, out: &mut Vec<SyntaxKind>) {
        out.push(node.kind());
        for c in node.children() {
            kinds(c, out);
        }
    }

    proptest! {
        #![proptest_config(config())]

        /// Escaped text parses as Typst markup made only of text, escapes and
        /// spaces: no code, math, label, reference, heading, list or comment.
        #[test]
        fn escaped_text_is_only_text_in_typst(text in prop_oneof![any_text(120), tokens(MARKDOWN_TOKENS, 40)]) {
            let mut markup = String::new();
            escape_text(&text, &mut markup);
            let root = ::typst::syntax::parse(&markup);
            prop_assert!(root.errors_and_warnings().0.is_empty(), "{markup:?}: {:?}", root.errors_and_warnings());
            let mut ks = Vec::new();
            kinds(&root, &mut ks);
            for k in ks {
                prop_assert!(
                    matches!(
                        k,
                        SyntaxKind::Markup
                            | SyntaxKind::Text
                            | SyntaxKind::Escape
                            | SyntaxKind::Space
                            | SyntaxKind::Parbreak
                            | SyntaxKind::Linebreak
                    ),
                    "{k:?} in {markup:?} from {text:?}"
                );
            }
        }

        /// A string literal holds exactly the text, whatever it contains.
        #[test]
        fn string_literals_hold_any_text(text in any_text(120)) {
            let code = format!("#let x = {}", string_literal(&text));
            let root = ::typst::syntax::parse(&code);
            prop_assert!(root.errors_and_warnings().0.is_empty(), "{code:?}: {:?}", root.errors_and_warnings());
        }

        /// Labels are made of one alphabet, whatever the page key and heading id.
        #[test]
        fn labels_are_plain(key in any_text(40), id in any_text(40)) {
            let label = label_name(&key, Some(&id));
            prop_assert!(label.starts_with("cb:"));
            prop_assert!(
                label[3..].chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':'),
                "{label}"
            );
        }
    }
}
