use super::*;
use crate::language::Locale;
use crate::load::content::{Content, SourcePage};
use pages::PAGES_PER_GROUP;
use std::borrow::Cow;
use tera::Context;

fn ctx() -> Context {
    let mut c = Context::new();
    c.insert(
        "profile",
        &serde_json::json!({"name": "<Ada>", "region": null}),
    );
    c
}

/// One page's body through [`PageTemplates`], as a build renders it.
fn render_body(
    body: &str,
    context: &Context,
    file: &Path,
    body_line: usize,
) -> Result<String, Diagnostic> {
    let content = Content {
        pages: vec![SourcePage {
            file: file.to_path_buf(),
            rel: "a.md".into(),
            front: Default::default(),
            body: body.to_string(),
            body_line,
            untranslated: false,
        }],
        ..Default::default()
    };
    PageTemplates::compile(&content, &Locale::default())
        .render(0, &content.pages[0], context)
        .map(Cow::into_owned)
}

fn page(rel: &str, body: &str) -> SourcePage {
    SourcePage {
        file: Path::new("content").join(rel),
        rel: rel.to_string(),
        front: Default::default(),
        body: body.to_string(),
        body_line: 4,
        untranslated: false,
    }
}

#[test]
fn pages_are_parsed_once_and_filled_for_each_context() {
    let mut content = Content::default();
    // More pages than a group holds, so several groups are used.
    for i in 0..PAGES_PER_GROUP + 3 {
        content.pages.push(page(
            &format!("p{i}.md"),
            &format!("{i}: {{{{ profile.name }}}}"),
        ));
    }
    content.pages.push(page("plain.md", "No tags {here}."));
    content.pages.push(page("broken.md", "a\n{% if %}\n"));
    content
        .pages
        .push(page("undefined.md", "{{ nobody.here }}"));
    let pages = PageTemplates::compile(&content, &Locale::default());
    let mut other = Context::new();
    other.insert("profile", &serde_json::json!({"name": "Bo"}));
    for (i, p) in content.pages.iter().enumerate().take(PAGES_PER_GROUP + 3) {
        assert_eq!(
            pages.render(i, p, &ctx()).unwrap(),
            format!("{i}: &lt;Ada&gt;")
        );
        assert_eq!(pages.render(i, p, &other).unwrap(), format!("{i}: Bo"));
    }
    let n = PAGES_PER_GROUP + 3;
    let plain = pages.render(n, &content.pages[n], &ctx()).unwrap();
    assert!(matches!(plain, Cow::Borrowed("No tags {here}.")));
    let broken = pages
        .render(n + 1, &content.pages[n + 1], &ctx())
        .unwrap_err();
    assert_eq!(broken.file.as_deref(), Some(Path::new("content/broken.md")));
    assert_eq!(
        broken.line, 5,
        "the page's second line is the file's fifth: {broken:?}"
    );
    let undefined = pages
        .render(n + 2, &content.pages[n + 2], &ctx())
        .unwrap_err();
    assert!(
        undefined.message.contains("`nobody.here` is not defined"),
        "{undefined:?}"
    );
    // Tera's own name for the page never reaches the reader.
    for d in [&broken, &undefined] {
        assert!(!format!("{d:?}").contains("page-"), "{d:?}");
    }
}

#[test]
fn pages_cannot_include_or_define_macros() {
    let err = render_body(
        "a\n{% include \"page\" %}\n",
        &ctx(),
        Path::new("content/a.md"),
        3,
    )
    .unwrap_err();
    assert_eq!((err.line, err.column), (4, 1), "{err:?}");
    let err = render_body(
        "{% macro m() %}{{ self::m() }}{% endmacro %}",
        &ctx(),
        Path::new("a.md"),
        1,
    )
    .unwrap_err();
    assert!(err.message.contains("macro"), "{err:?}");
    // In code, the same text is only text.
    let ok = render_body(
        "`{% include \"x\" %}` {{ profile.name }}",
        &ctx(),
        Path::new("a.md"),
        1,
    )
    .unwrap();
    assert!(ok.contains("{% include \"x\" %}"), "{ok}");
}

fn sources(files: &[(&str, &str)]) -> Vec<(String, String, std::path::PathBuf)> {
    files
        .iter()
        .map(|(n, t)| {
            (
                n.to_string(),
                t.to_string(),
                format!("templates/{n}").into(),
            )
        })
        .collect()
}

#[test]
fn template_references_are_read_like_tera_reads_them() {
    let text = "{# {% include \"a\" %} #}{{ \"{% include 'b' %}\" }}\n{% raw %}{% include \"c\" %}{% endraw %}\n{%- include [\"d\", 'e'] ignore missing -%} {% extends `f` %}{% import \"g\" as m %}{% if x %}{% endif %}";
    let refs = template_refs(text);
    let got: Vec<(RefKind, Vec<&str>, (usize, usize))> = refs
        .iter()
        .map(|r| {
            (
                r.kind,
                r.names.iter().map(String::as_str).collect(),
                line_col(text, r.offset),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (RefKind::Include, vec!["d", "e"], (3, 1)),
            (RefKind::Extends, vec!["f"], (3, 43)),
            (RefKind::Import, vec!["g"], (3, 60)),
        ]
    );
    // A quoted `%}` does not end the tag; an unclosed tag is not a reference.
    assert_eq!(
        template_refs("{% include \"a%}b\" %}")[0].names,
        vec!["a%}b"]
    );
    assert!(template_refs("{% include \"a\"").len() <= 1);
    assert!(template_refs("{% include %}{%").is_empty());
}

#[test]
fn a_template_that_includes_itself_is_a_located_error() {
    let errs = template_cycles(&sources(&[
        ("page.html", "{% include \"pager.html\" %}"),
        ("pager.html", "<nav>\n  {% include \"pager.html\" %}</nav>"),
    ]));
    assert_eq!(errs.len(), 1, "{errs:?}");
    let e = &errs[0];
    assert_eq!(e.file.as_deref(), Some(Path::new("templates/pager.html")));
    assert_eq!((e.line, e.column), (2, 3));
    assert_eq!(e.message, "`pager.html` includes itself");
    assert!(e.help.as_deref().unwrap().contains("macro"), "{e:?}");
}

#[test]
fn a_cycle_is_reported_at_the_tag_that_closes_it_with_its_path() {
    let errs = template_cycles(&sources(&[
        ("a.html", "{% include \"b.html\" %}"),
        ("b.html", "x\n{% include \"c.html\" %}"),
        ("c.html", "{% if y %}{% include \"b.html\" %}{% endif %}"),
    ]));
    assert_eq!(errs.len(), 1, "{errs:?}");
    let e = &errs[0];
    assert_eq!(e.file.as_deref(), Some(Path::new("templates/c.html")));
    assert_eq!((e.line, e.column), (1, 11));
    assert_eq!(
        e.message,
        "this `include` closes a cycle: b.html → c.html → b.html"
    );
    assert!(
        e.help.as_deref().unwrap().starts_with(
            "templates/b.html:2:1 includes c.html, templates/c.html:1:11 includes b.html; "
        ),
        "{e:?}"
    );
}

#[test]
fn extends_and_imports_make_cycles_too() {
    let errs = template_cycles(&sources(&[
        ("base.html", "{% extends \"page.html\" %}"),
        (
            "page.html",
            "{% extends \"base.html\" %}{% block main %}{% endblock main %}",
        ),
    ]));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0]
            .message
            .contains("base.html → page.html → base.html")
    );
    assert!(
        errs[0]
            .help
            .as_deref()
            .unwrap()
            .contains("cannot extend itself, even")
    );
    // A page that includes a partial which extends the page never ends either.
    let errs = template_cycles(&sources(&[
        ("page.html", "{% include \"part.html\" %}"),
        ("part.html", "{% extends \"page.html\" %}"),
    ]));
    assert_eq!(errs.len(), 1, "{errs:?}");
    let errs = template_cycles(&sources(&[
        ("m1.html", "{% import \"m2.html\" as m2 %}"),
        ("m2.html", "{% import \"m1.html\" as m1 %}"),
    ]));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].message.contains("`import`"), "{errs:?}");
}

#[test]
fn shared_partials_and_macro_imports_are_not_cycles() {
    let errs = template_cycles(&sources(&[
        (
            "base.html",
            "{% import \"macros.html\" as m %}{% include \"nav.html\" %}",
        ),
        (
            "page.html",
            "{% extends \"base.html\" %}{% include \"nav.html\" %}",
        ),
        // Importing macros from a template that includes you is fine: Tera
        // only reads its macros.
        (
            "nav.html",
            "{% import \"base.html\" as b %}{% include \"missing.html\" ignore missing %}{% include [\"gone.html\", \"item.html\"] %}",
        ),
        ("item.html", ""),
        ("macros.html", ""),
    ]));
    assert!(errs.is_empty(), "{errs:?}");
    // The first template of a list that exists is the one used.
    let errs = template_cycles(&sources(&[
        ("a.html", "{% include [\"b.html\", \"a.html\"] %}"),
        ("b.html", ""),
    ]));
    assert!(errs.is_empty(), "{errs:?}");
}

#[test]
fn compiling_a_theme_with_a_cycle_is_an_error_not_a_crash() {
    use crate::load::theme::ThemeFile;
    let mut theme = crate::load::Theme::builtin();
    theme.files.insert(
        "templates/partials/pager.html".into(),
        ThemeFile {
            bytes: std::borrow::Cow::Borrowed(b"{% include \"partials/pager.html\" %}"),
            source: Some("themes/default/templates/partials/pager.html".into()),
        },
    );
    let errs = compile_theme(&theme, &Locale::default()).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(
        errs[0].location(),
        "themes/default/templates/partials/pager.html:1:1"
    );
    // And a chain of extends that leads into a cycle, which Tera itself follows forever.
    let mut theme = crate::load::Theme::builtin();
    for (name, text) in [
        ("templates/base.html", &b"{% extends \"page.html\" %}"[..]),
        ("templates/page.html", &b"{% extends \"base.html\" %}"[..]),
    ] {
        theme.files.insert(
            name.into(),
            ThemeFile {
                bytes: std::borrow::Cow::Borrowed(text),
                source: None,
            },
        );
    }
    let errs = compile_theme(&theme, &Locale::default()).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].message.contains("closes a cycle"), "{errs:?}");
    // Latin-1 text is located.
    let mut theme = crate::load::Theme::builtin();
    theme.files.insert(
        "templates/page.html".into(),
        ThemeFile {
            bytes: std::borrow::Cow::Borrowed(b"<p>\n<p>Caf\xe9"),
            source: None,
        },
    );
    let errs = compile_theme(&theme, &Locale::default()).unwrap_err();
    assert_eq!(
        (errs[0].line, errs[0].column, errs[0].code),
        (2, 7, "encoding")
    );
}

#[test]
fn data_is_escaped() {
    let out = render_body("Hi {{ profile.name }}", &ctx(), Path::new("a.md"), 1).unwrap();
    assert_eq!(out, "Hi &lt;Ada&gt;");
}

#[test]
fn escaping_covers_the_five_characters_and_keeps_the_rest() {
    assert_eq!(
        escape_html(r#"<a href="x?a=1&b='2'">é/ü</a>"#),
        "&lt;a href=&quot;x?a=1&amp;b=&#39;2&#39;&quot;&gt;é/ü&lt;/a&gt;"
    );
    assert_eq!(escape_html(""), "");
    assert_eq!(escape_html("plain"), "plain");
    assert_eq!(escape_html("&&"), "&amp;&amp;");
}

proptest::proptest! {
    /// Copying in runs gives what escaping character by character gives.
    #[test]
    fn escaping_in_runs_matches_escaping_each_character(text in "[a-zé&<>\"'/ 😀]{0,40}") {
        let mut expected = String::new();
        for c in text.chars() {
            match c {
                '&' => expected.push_str("&amp;"),
                '<' => expected.push_str("&lt;"),
                '>' => expected.push_str("&gt;"),
                '"' => expected.push_str("&quot;"),
                '\'' => expected.push_str("&#39;"),
                c => expected.push(c),
            }
        }
        proptest::prop_assert_eq!(escape_html(&text), expected);
    }
}

#[test]
fn code_and_attributes_keep_their_braces() {
    let body = "## Title {#custom}\n\nUse `{{ profile.name }}`.\n\n```\n{% if x %}{{ y }}{% endif %}\n```\n\n- [ ] Task {#t-1}\n\n{{ profile.name }}\n";
    let out = render_body(body, &ctx(), Path::new("a.md"), 1).unwrap();
    assert!(out.contains("## Title {#custom}"), "{out}");
    assert!(out.contains("`{{ profile.name }}`"), "{out}");
    assert!(out.contains("{% if x %}{{ y }}{% endif %}"), "{out}");
    assert!(out.contains("- [ ] Task {#t-1}"), "{out}");
    assert!(out.ends_with("&lt;Ada&gt;\n"), "{out}");
}

#[test]
fn comparing_a_missing_value_is_false() {
    let out = render_body(
        "{% if profile.region == \"atlantic\" %}A{% else %}B{% endif %}",
        &ctx(),
        Path::new("a.md"),
        1,
    )
    .unwrap();
    assert_eq!(out, "B");
}

#[test]
fn syntax_errors_point_at_the_line() {
    let err = render_body(
        "line one\n\n{% if %}\n",
        &ctx(),
        Path::new("content/a.md"),
        5,
    )
    .unwrap_err();
    assert_eq!(err.line, 7, "{err:?}");
    assert!(
        err.message.starts_with("template syntax error"),
        "{}",
        err.message
    );
}

#[test]
fn missing_variables_point_at_their_use() {
    let err = render_body(
        "a\nb {{ nobody.name }}\n",
        &ctx(),
        Path::new("content/a.md"),
        3,
    )
    .unwrap_err();
    assert_eq!((err.line, err.column), (4, 6), "{err:?}");
    assert!(err.message.contains("nobody.name"), "{}", err.message);
}

#[test]
fn long_date_writes_an_iso_date_in_words_and_refuses_anything_else() {
    let mut c = Context::new();
    c.insert(
        "profile",
        &serde_json::json!({"plan_start": "2026-02-02", "first_name": "Nadia"}),
    );
    let out = render_body(
        "Welcome, {{ profile.first_name }}. Since {{ profile.plan_start | long_date }}.",
        &c,
        Path::new("content/a.md"),
        3,
    )
    .unwrap();
    assert_eq!(out, "Welcome, Nadia. Since 2 February 2026.");
    let err = render_body(
        "x\n{{ profile.first_name | long_date }}",
        &c,
        Path::new("content/a.md"),
        3,
    )
    .unwrap_err();
    assert!(err.is_error());
    assert!(err.line >= 3, "{err:?}");
    assert!(
        err.message
            .contains("`Nadia` is not a date in the form YYYY-MM-DD"),
        "{err:?}"
    );
}

#[test]
fn phrase_drops_the_full_stop_a_goal_was_written_with() {
    let mut c = Context::new();
    c.insert(
        "profile",
        &serde_json::json!({"ambitions": ["a director role.", "more..."], "goals": ["a team"]}),
    );
    let out = render_body(
        "**{{ profile.ambitions | first | phrase }}**. {{ profile.goals | first | phrase }}. {{ profile.ambitions | last | phrase }}",
        &c,
        Path::new("content/a.md"),
        3,
    )
    .unwrap();
    assert_eq!(out, "**a director role**. a team. more...");
}

#[test]
fn full_stop_ends_a_sentence_once() {
    let mut c = Context::new();
    c.insert(
        "titles",
        &serde_json::json!([
            "Shipped the portal",
            "Prix : meilleure équipe\u{a0}!",
            "Led the review.",
            "Asked « pourquoi? »",
            "Wait…"
        ]),
    );
    let out = render_body(
        "{% for t in titles %}{{ t | full_stop | safe }}|{% endfor %}",
        &c,
        Path::new("content/a.md"),
        3,
    )
    .unwrap();
    assert_eq!(
        out,
        "Shipped the portal.|Prix : meilleure équipe\u{a0}!|Led the review.|Asked « pourquoi? »|Wait…|"
    );
}

#[test]
fn escape_is_the_same_escaping_as_printing_and_leaves_slashes() {
    let mut c = Context::new();
    c.insert("file", "data/people/<x>/wins.yaml");
    let out = render_body(
        "{{ file | escape | safe }} {{ file }}",
        &c,
        Path::new("content/a.md"),
        3,
    )
    .unwrap();
    assert_eq!(
        out,
        "data/people/&lt;x&gt;/wins.yaml data/people/&lt;x&gt;/wins.yaml"
    );
}

#[test]
fn every_filter_named_in_the_help_is_one_tera_knows() {
    let mut tera = new_tera(&Locale::default());
    for name in FILTERS.iter() {
        tera.add_raw_template("t", &format!("{{{{ 1 | {name} }}}}"))
            .unwrap();
        if let Err(e) = tera.render("t", &Context::new()) {
            let chain = error_chain(&e);
            assert!(!chain.contains("not found"), "{name}: {chain}");
        }
    }
}

#[test]
fn a_render_error_is_found_where_its_name_is_written() {
    let source =
        "<p>{{ page.title }}</p>\n{{ page.title | upcase }} {{ nav(x=1) }}\n{{ book.titel }}\n";
    let at = |chain: &str| fault_in(chain, source).map(|i| line_col(source, i));
    assert_eq!(
        at("Variable `book.titel` not found in context while rendering 'x'"),
        Some((3, 4))
    );
    assert_eq!(at("Filter 'upcase' not found"), Some((2, 17)));
    assert_eq!(at("Function 'nav' not found"), Some((2, 30)));
    assert_eq!(at("Filter 'lower' not found"), None);
    let d = error_from_chain("Filter 'uper' not found", Path::new("t.html"), source, 1);
    assert_eq!(d.help.as_deref(), Some("did you mean `upper`?"));
}

#[test]
fn a_block_never_closed_is_named_where_it_opens() {
    let source = "{% if a %}x{% endif %}\n{%- raw %}{% if %}{%- endraw -%}\n{% for p in people %}\n{{ p }}\n";
    let mut tera = Tera::default();
    let e = tera.add_raw_template("t", source).unwrap_err();
    let d = template_error(&e, Path::new("t.html"), source, 1);
    assert_eq!(d.message, "`{% for %}` is never closed", "{d:?}");
    assert_eq!((d.line, d.column), (3, 1));
    assert_eq!(
        d.help.as_deref(),
        Some("end it with `{% endfor %}` where its part ends")
    );
    // Without a final newline, Tera stops on the last line itself.
    let source = "Intro\n{% if a %}\nNever closed.";
    let e = tera.add_raw_template("u", source).unwrap_err();
    let d = template_error(&e, Path::new("u.html"), source, 1);
    assert_eq!(d.message, "`{% if %}` is never closed", "{d:?}");
    assert_eq!((d.line, d.column), (2, 1));
}

#[test]
fn a_right_name_without_a_value_says_so_rather_than_suggest_itself() {
    // A cohort's guide has no profile: `profile.first_name` is a real name
    // with no value there.
    let ctx = Context::new();
    let err = render_body(
        "Hello {{ profile.first_name }}!\n",
        &ctx,
        Path::new("content/program.md"),
        4,
    )
    .unwrap_err();
    let help = err.help.as_deref().unwrap_or_default();
    assert!(!help.contains("did you mean"), "{help}");
    assert!(
        help.starts_with(
            "`profile.first_name` has no value here: a cohort's guide belongs to no member"
        ),
        "{help}"
    );
    assert!(help.contains("{% if profile.first_name %}"), "{help}");
    // A misspelt one still gets the name it was likely meant to be.
    let err = render_body(
        "Hello {{ profile.frist_name }}!\n",
        &ctx,
        Path::new("content/program.md"),
        4,
    )
    .unwrap_err();
    assert_eq!(
        err.help.as_deref(),
        Some("did you mean `profile.first_name`?")
    );
}
