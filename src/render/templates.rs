//! Tera: the theme's templates, and pages' Markdown bodies rendered as templates.

use std::path::Path;

use tera::{Context, Tera};

use crate::diagnostics::{Diagnostic, line_col};
use crate::load::Theme;

/// Compile every template of the theme once.
pub fn compile_theme(theme: &Theme) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = new_tera();
    let mut problems = Vec::new();
    let mut sources = Vec::new();
    for (name, file) in theme.templates() {
        match std::str::from_utf8(&file.bytes) {
            Ok(text) => sources.push((
                name.to_string(),
                text.to_string(),
                file.display_path(&format!("templates/{name}")),
            )),
            Err(_) => problems.push(
                Diagnostic::error("template", "the template is not valid UTF-8 text")
                    .in_file(file.display_path(&format!("templates/{name}"))),
            ),
        }
    }
    // Parse each template alone first, so every syntax error is reported with its
    // own file, not just the first one Tera meets.
    for (name, text, path) in &sources {
        match Tera::default().add_raw_template(name, text) {
            // Alone, a child template misses its parent; that is checked below.
            Err(e) if !matches!(e.kind, tera::ErrorKind::MissingParent { .. }) => {
                problems.push(template_error(&e, path, text, 1));
            }
            _ => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, t, _)| (n.as_str(), t.as_str())))
    {
        // Inheritance problems (a missing parent, a cycle) only show up together.
        return Err(vec![Diagnostic::error("template", error_chain(&e)).help(
            "check the `extends`, `include` and `import` names against the theme's templates",
        )]);
    }
    Ok(tera)
}

/// A Tera instance that escapes everything it inserts, whatever a template's file
/// name says.
fn new_tera() -> Tera {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![""]);
    tera.set_escape_fn(escape_html);
    tera
}

/// Escape text for HTML content and quoted attributes. Unlike Tera's default we
/// leave `/` alone: it is harmless in both, and escaping it garbles URLs.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Render a Markdown body as a template. `{{` inside code and `{#id}` heading or
/// item attributes are protected first, so they come out as written.
pub fn render_body(
    body: &str,
    context: &Context,
    file: &Path,
    body_line: usize,
) -> Result<String, Diagnostic> {
    if !(body.contains("{{") || body.contains("{%")) {
        return Ok(body.to_string());
    }
    let protected = protect(body);
    if let Some((offset, tag)) = forbidden_tag(&protected) {
        // Pages cannot pull in other templates or define macros: a page that
        // includes itself, or a macro that calls itself, would recurse without end.
        let (line, column) = line_col(&protected, offset);
        return Err(Diagnostic::error(
            "template",
            format!("`{{% {tag} %}}` is not available in pages"),
        )
        .in_file(file)
        .at(line + body_line - 1, column)
        .help("pages may use `{{ … }}`, `{% if %}`, `{% for %}` and `{% set %}`; put reusable pieces in the theme's templates"));
    }
    let mut tera = new_tera();
    tera.add_raw_template("page", &protected)
        .map_err(|e| template_error(&e, file, &protected, body_line))?;
    tera.render("page", context)
        .map_err(|e| template_error(&e, file, body, body_line))
}

/// The first `include`, `extends`, `import` or `macro` tag outside `{% raw %}`
/// blocks: its byte offset and name.
fn forbidden_tag(text: &str) -> Option<(usize, &'static str)> {
    let mut in_raw = false;
    let mut from = 0;
    while let Some(i) = text[from..].find("{%") {
        let at = from + i;
        let inner = text[at + 2..].trim_start_matches(['-', ' ', '\t', '\n', '\r']);
        let word: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        match word.as_str() {
            "raw" => in_raw = true,
            "endraw" => in_raw = false,
            "include" | "extends" | "import" | "macro" if !in_raw => {
                let tag = match word.as_str() {
                    "include" => "include",
                    "extends" => "extends",
                    "import" => "import",
                    _ => "macro",
                };
                return Some((at, tag));
            }
            _ => {}
        }
        from = at + 2;
    }
    None
}

/// Wrap code spans, code blocks and `{#...}` attributes in `{% raw %}` so Tera
/// leaves them alone. Offsets of everything else stay the same line-wise.
pub fn protect(body: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut ranges: Vec<std::ops::Range<usize>> = Parser::new_ext(body, super::markdown::options())
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::Code(_) | Event::Start(Tag::CodeBlock(_))))
        .map(|(_, r)| r)
        .filter(|r| {
            let s = &body[r.clone()];
            s.contains("{{") || s.contains("{%") || s.contains("{#")
        })
        .collect();
    // `{#` opens a Tera comment; in Markdown it starts an id attribute.
    let mut from = 0;
    while let Some(i) = body[from..].find("{#") {
        let at = from + i;
        if !ranges.iter().any(|r| r.contains(&at)) {
            ranges.push(at..at + 2);
        }
        from = at + 2;
    }
    ranges.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(body.len() + ranges.len() * 24);
    let mut last = 0;
    for r in ranges {
        if r.start < last {
            continue;
        }
        out.push_str(&body[last..r.start]);
        out.push_str("{% raw %}");
        out.push_str(&body[r.clone()]);
        out.push_str("{% endraw %}");
        last = r.end;
    }
    out.push_str(&body[last..]);
    out
}

/// Turn a Tera error into a diagnostic, finding the line where we can: Tera's parse
/// errors carry `--> line:col`; for a missing variable we look for its name.
pub fn template_error(e: &tera::Error, file: &Path, source: &str, first_line: usize) -> Diagnostic {
    let chain = error_chain(e);
    let (mut line, mut col) = (0, 0);
    if let Some(pos) = chain.find("--> ") {
        let rest = &chain[pos + 4..];
        let mut nums = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        line = nums.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        col = nums.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    } else if let Some(i) = between(&chain, "Variable `", "`").and_then(|name| source.find(name)) {
        (line, col) = line_col(source, i);
    }
    let message = summarise(&chain);
    let help = if chain.contains("not found in context") {
        "the value is not in the data: guard it with `{% if … %}`, give it a `| default(value=\"…\")`, or fix the name"
    } else if chain.contains("expected") {
        "fix the template syntax; write `{% raw %}…{% endraw %}` around text that should keep its braces"
    } else {
        "see the template reference in the README"
    };
    let line = if line > 0 {
        line + first_line - 1
    } else {
        first_line
    };
    Diagnostic::error("template", message)
        .in_file(file)
        .at(line, col)
        .help(help)
}

/// Tera nests the useful message in its error's sources.
pub fn error_chain(e: &tera::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}

/// The one line of Tera's message worth showing (its parse errors quote the source,
/// which our own snippet already does).
fn summarise(chain: &str) -> String {
    if let Some(name) = between(chain, "Variable `", "` not found") {
        return format!("`{name}` is not defined");
    }
    if let Some(pos) = chain.find("= ") {
        let expected = chain[pos + 2..].lines().next().unwrap_or("").trim();
        return format!("template syntax error: {expected}");
    }
    chain
        .lines()
        .next()
        .unwrap_or(chain)
        .replace("'page'", "this page")
        .trim()
        .to_string()
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        let mut c = Context::new();
        c.insert(
            "profile",
            &serde_json::json!({"name": "<Ada>", "region": null}),
        );
        c
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

    #[test]
    fn data_is_escaped() {
        let out = render_body("Hi {{ profile.name }}", &ctx(), Path::new("a.md"), 1).unwrap();
        assert_eq!(out, "Hi &lt;Ada&gt;");
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
}
