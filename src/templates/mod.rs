//! Tera: the theme's templates, and pages' Markdown bodies rendered as templates.

use std::borrow::Cow;
use std::path::Path;

use tera::{Context, Tera};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, line_col, not_utf8};
use crate::load::Theme;
use crate::load::content::{Content, SourcePage};

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
            Err(e) => problems.push(not_utf8(
                file.display_path(&format!("templates/{name}")),
                &file.bytes,
                &e,
            )),
        }
    }
    // Tera follows `extends`, `include` and `import` without looking for cycles,
    // and a cycle overflows the stack: find them first (in the text).
    let cycles = template_cycles(&sources);
    // Parsing is the slow part of compiling, so a sound theme is parsed once,
    // all together.
    let together = if problems.is_empty() && cycles.is_empty() {
        match tera.add_raw_templates(sources.iter().map(|(n, t, _)| (n.as_str(), t.as_str()))) {
            Ok(()) => return Ok(tera),
            Err(e) => Some(e),
        }
    } else {
        None
    };
    // Something is wrong: parse each template alone, so every syntax error is
    // reported with its own file, not just the first one Tera meets.
    for (name, text, path) in &sources {
        match Tera::default().add_raw_template(name, text) {
            // Alone, a child template misses its parent, and one that extends
            // itself is a cycle: both are checked apart.
            Err(e)
                if !matches!(
                    e.kind,
                    tera::ErrorKind::MissingParent { .. } | tera::ErrorKind::CircularExtend { .. }
                ) =>
            {
                problems.push(template_error(&e, path, text, 1));
            }
            _ => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if !cycles.is_empty() {
        return Err(cycles);
    }
    // Inheritance problems (a missing parent, a cycle) only show up together.
    // (Here the templates were always tried together: nothing else was wrong.)
    let message = together.map_or_else(
        || "the theme's templates do not compile together".to_string(),
        |e| error_chain(&e),
    );
    Err(vec![Diagnostic::error("template", message).help(
        "check the `extends`, `include` and `import` names against the theme's templates",
    )])
}

/// How one template uses another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RefKind {
    Include,
    Extends,
    Import,
}

impl RefKind {
    fn tag(self) -> &'static str {
        match self {
            RefKind::Include => "include",
            RefKind::Extends => "extends",
            RefKind::Import => "import",
        }
    }

    /// "a includes b", "a extends b", "a imports b".
    fn verb(self) -> &'static str {
        match self {
            RefKind::Include => "includes",
            RefKind::Extends => "extends",
            RefKind::Import => "imports",
        }
    }
}

/// A `{% include %}`, `{% extends %}` or `{% import %}` tag: what it names (an
/// include may name several, the first that exists is used) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TemplateRef {
    kind: RefKind,
    names: Vec<String>,
    /// Byte offset of the tag's `{%`.
    offset: usize,
}

/// The templates a template names, read from its text the way Tera tokenises it:
/// comments, `{{ … }}` expressions and `{% raw %}` blocks are skipped, and quotes
/// inside a tag do not end it.
fn template_refs(text: &str) -> Vec<TemplateRef> {
    let mut refs = Vec::new();
    let mut i = 0;
    while let Some(j) = text[i..].find('{') {
        let at = i + j;
        let rest = &text[at..];
        if rest.starts_with("{#") {
            i = rest.find("#}").map_or(text.len(), |k| at + k + 2);
        } else if rest.starts_with("{{") {
            i = at + 2 + tag_end(&text[at + 2..], "}}");
        } else if rest.starts_with("{%") {
            let len = tag_end(&text[at + 2..], "%}");
            i = at + 2 + len;
            let inner = text[at + 2..at + 2 + len]
                .trim_end_matches("%}")
                .trim_start_matches('-')
                .trim_end_matches('-')
                .trim();
            let word: &str = inner
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("");
            let args = inner[word.len()..].trim_start();
            let kind = match word {
                "include" => RefKind::Include,
                "extends" => RefKind::Extends,
                "import" => RefKind::Import,
                "raw" => {
                    i = raw_end(text, i);
                    continue;
                }
                _ => continue,
            };
            let names = if kind == RefKind::Include && args.starts_with('[') {
                string_literals(&args[1..args.find(']').unwrap_or(args.len())])
            } else {
                string_literals(args).into_iter().take(1).collect()
            };
            if !names.is_empty() {
                refs.push(TemplateRef {
                    kind,
                    names,
                    offset: at,
                });
            }
        } else {
            i = at + 1;
        }
    }
    refs
}

/// The length of a tag's body up to and including `close`, skipping quoted
/// strings; the rest of the text when it is never closed.
fn tag_end(body: &str, close: &str) -> usize {
    let mut quote = None;
    for (k, c) in body.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None if body[k..].starts_with(close) => return k + close.len(),
            None => {}
        }
    }
    body.len()
}

/// Just past the `{% endraw %}` that closes a raw block whose opening tag ends at `from`.
fn raw_end(text: &str, from: usize) -> usize {
    let mut i = from;
    while let Some(j) = text[i..].find("{%") {
        let at = i + j;
        let len = tag_end(&text[at + 2..], "%}");
        let inner = text[at + 2..at + 2 + len]
            .trim_end_matches("%}")
            .trim_matches('-')
            .trim();
        i = at + 2 + len;
        if inner == "endraw" {
            return i;
        }
    }
    text.len()
}

/// The string literals at the start of `args` (`"a"`, `'b'`, `` `c` ``, separated by
/// commas), up to the first thing that is not one.
fn string_literals(args: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = args.trim_start();
    while let Some(q) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))
    {
        let Some(end) = rest[1..].find(q) else { break };
        out.push(rest[1..1 + end].to_string());
        rest = rest[end + 2..].trim_start();
        match rest.strip_prefix(',') {
            Some(r) => rest = r.trim_start(),
            None => break,
        }
    }
    out
}

/// Every cycle of `include`s and `extends` (which Tera would follow until the stack
/// runs out while rendering) and of `import`s (which it follows while loading
/// macros), one error per cycle, at the tag that closes it. `sources` are
/// (name, text, path for diagnostics).
fn template_cycles(sources: &[(String, String, std::path::PathBuf)]) -> Vec<Diagnostic> {
    use std::collections::HashMap;
    let index: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, (name, _, _))| (name.as_str(), i))
        .collect();
    // Edges to templates of the theme: (target, kind, offset in the source).
    let edges: Vec<Vec<(usize, RefKind, usize)>> = sources
        .iter()
        .map(|(_, text, _)| {
            template_refs(text)
                .into_iter()
                .filter_map(|r| {
                    // Like Tera: the first name that exists. A missing one is
                    // reported by Tera itself.
                    let target = r.names.iter().find_map(|n| index.get(n.as_str()))?;
                    Some((*target, r.kind, r.offset))
                })
                .collect()
        })
        .collect();
    let mut problems = Vec::new();
    // Rendering follows includes and parents; loading macros follows imports.
    for imports in [false, true] {
        let follows = |k: RefKind| (k == RefKind::Import) == imports;
        // 0: not seen, 1: on the current path, 2: done.
        let mut state = vec![0u8; sources.len()];
        for root in 0..sources.len() {
            if state[root] != 0 {
                continue;
            }
            // An explicit stack, so a long chain of templates cannot overflow ours.
            let mut path: Vec<(usize, usize)> = vec![(root, 0)];
            state[root] = 1;
            while let Some((node, next)) = path.last_mut() {
                let node = *node;
                let Some(&(target, kind, offset)) = edges[node].get(*next) else {
                    state[node] = 2;
                    path.pop();
                    continue;
                };
                *next += 1;
                if !follows(kind) {
                    continue;
                }
                match state[target] {
                    0 => {
                        state[target] = 1;
                        path.push((target, 0));
                    }
                    1 => {
                        let start = path
                            .iter()
                            .position(|(n, _)| *n == target)
                            .expect("a template on the path");
                        let cycle: Vec<usize> = path[start..].iter().map(|(n, _)| *n).collect();
                        problems.push(cycle_error(sources, &edges, &cycle, kind, offset));
                    }
                    _ => {}
                }
            }
        }
    }
    problems
}

/// The error for one cycle: `cycle` lists its templates in order, the last one's
/// tag (`kind` at `offset`) leading back to the first.
fn cycle_error(
    sources: &[(String, String, std::path::PathBuf)],
    edges: &[Vec<(usize, RefKind, usize)>],
    cycle: &[usize],
    kind: RefKind,
    offset: usize,
) -> Diagnostic {
    let last = *cycle.last().expect("a cycle has a template");
    let (_, text, path) = &sources[last];
    let (line, column) = line_col(text, offset);
    let names: Vec<&str> = cycle
        .iter()
        .chain(cycle.first())
        .map(|&n| sources[n].0.as_str())
        .collect();
    let mut hops = Vec::new();
    let mut kinds = Vec::new();
    for (k, &from) in cycle.iter().enumerate() {
        let to = cycle[(k + 1) % cycle.len()];
        let (hop_kind, hop_offset) = if from == last {
            (kind, offset)
        } else {
            edges[from]
                .iter()
                .find(|(t, hk, _)| {
                    *t == to && (*hk == RefKind::Import) == (kind == RefKind::Import)
                })
                .map(|&(_, hk, o)| (hk, o))
                .expect("the edge the search followed")
        };
        let (l, c) = line_col(&sources[from].1, hop_offset);
        kinds.push(hop_kind);
        hops.push(format!(
            "{}:{l}:{c} {} {}",
            sources[from].2.display(),
            hop_kind.verb(),
            sources[to].0
        ));
    }
    let message = if cycle.len() == 1 {
        format!("`{}` {} itself", names[0], kind.verb())
    } else {
        format!(
            "this `{}` closes a cycle: {}",
            kind.tag(),
            names.join(" → ")
        )
    };
    let one = cycle.len() == 1;
    let advice = if kinds.iter().all(|k| *k == RefKind::Extends) {
        if one {
            "a template cannot extend itself: remove this `extends`"
        } else {
            "a template cannot extend itself, even through others: remove one of these `extends`"
        }
    } else if kinds.iter().all(|k| *k == RefKind::Import) {
        if one {
            "a template's own macros need no import: call them as `self::name()`"
        } else {
            "templates cannot import each other's macros in a circle: move the shared macros to a file of their own"
        }
    } else if one {
        "rendering would never end: remove this include (for markup that nests, such as a tree, write a macro that calls itself)"
    } else {
        "rendering would never end: remove one of these tags (for markup that nests, such as a tree, write a macro that calls itself)"
    };
    let help = if cycle.len() == 1 {
        advice.to_string()
    } else {
        format!("{}; {advice}", hops.join(", "))
    };
    Diagnostic::error("template", message)
        .in_file(path)
        .at(line, column)
        .help(help)
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
///
/// Tera calls this for every value a template prints, a few dozen times a page,
/// so the text between the five special bytes is copied in runs, not by character
/// (they are ASCII, so a run never splits a character).
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    let mut copied = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&input[copied..]);
    out
}

/// Pages per Tera instance when pages are compiled: one instance per page would
/// repeat Tera's built-in filters for each, one for the whole book would parse
/// on one thread.
const PAGES_PER_GROUP: usize = 16;

/// What a page's Markdown is to Tera.
enum PageTemplate {
    /// No `{{` or `{%`: the text as it is.
    Plain,
    /// Parsed, as `name` in the group `group`.
    Parsed { group: usize, name: String },
    /// Cannot be a template (a syntax error, a tag pages may not use).
    Broken(Diagnostic),
}

/// The pages' Markdown bodies as templates, parsed once for the whole build: a
/// cohort fills every page once for each member, and parsing costs more than
/// filling in.
pub struct PageTemplates {
    groups: Vec<Tera>,
    /// By page index (`Content::pages`); pages that are not templates are `Plain`.
    pages: Vec<PageTemplate>,
}

impl PageTemplates {
    /// Parse every page that is a template, in parallel. Problems are kept with
    /// their page and reported when it is rendered.
    pub fn compile(content: &Content) -> PageTemplates {
        let templated: Vec<usize> = (0..content.pages.len())
            .filter(|&i| is_template(&content.pages[i]))
            .collect();
        // A group: its Tera, and what each of its pages became.
        type Group = (Tera, Vec<(usize, PageTemplate)>);
        let compiled: Vec<Group> = templated
            .par_chunks(PAGES_PER_GROUP)
            .enumerate()
            .map(|(group, chunk)| {
                let mut tera = new_tera();
                let parsed = chunk
                    .iter()
                    .map(|&i| {
                        let page = &content.pages[i];
                        // Unique in the group; errors say "this page" instead.
                        let name = format!("page-{i}");
                        let parsed = match add_page(
                            &mut tera,
                            &name,
                            &page.body,
                            &page.file,
                            page.body_line,
                        ) {
                            Ok(()) => PageTemplate::Parsed { group, name },
                            Err(d) => PageTemplate::Broken(d),
                        };
                        (i, parsed)
                    })
                    .collect();
                (tera, parsed)
            })
            .collect();
        let mut pages: Vec<PageTemplate> =
            content.pages.iter().map(|_| PageTemplate::Plain).collect();
        let mut groups = Vec::with_capacity(compiled.len());
        for (tera, parsed) in compiled {
            for (i, parsed) in parsed {
                pages[i] = parsed;
            }
            groups.push(tera);
        }
        PageTemplates { groups, pages }
    }

    /// Whether page `index` is the same in every workbook: not a template.
    pub fn is_plain(&self, index: usize) -> bool {
        matches!(self.pages.get(index), Some(PageTemplate::Plain))
    }

    /// Page `index`'s Markdown with `context` filled in.
    pub fn render<'a>(
        &self,
        index: usize,
        page: &'a SourcePage,
        context: &Context,
    ) -> Result<Cow<'a, str>, Diagnostic> {
        match &self.pages[index] {
            PageTemplate::Plain => Ok(Cow::Borrowed(page.body.as_str())),
            PageTemplate::Broken(d) => Err(d.clone()),
            PageTemplate::Parsed { group, name } => fill_page(
                &self.groups[*group],
                name,
                &page.body,
                context,
                &page.file,
                page.body_line,
            )
            .map(Cow::Owned),
        }
    }
}

/// Whether a page's Markdown goes through Tera: not when the page says
/// `template: false`, not for message templates (their `{placeholders}` are
/// filled per person), and not when nothing in it looks like a tag.
fn is_template(page: &SourcePage) -> bool {
    page.front.template != Some(false)
        && page.front.message.is_none()
        && (page.body.contains("{{") || page.body.contains("{%"))
}

/// Parse a page's body into `tera` as `name`. `{{` inside code and `{#id}` heading
/// or item attributes are protected first, so they come out as written; then the
/// body is checked for tags pages may not use.
fn add_page(
    tera: &mut Tera,
    name: &str,
    body: &str,
    file: &Path,
    body_line: usize,
) -> Result<(), Diagnostic> {
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
    tera.add_raw_template(name, &protected)
        .map_err(|e| page_error(&e, name, file, &protected, body_line))
}

/// Fill in page template `name` of `tera`.
fn fill_page(
    tera: &Tera,
    name: &str,
    body: &str,
    context: &Context,
    file: &Path,
    body_line: usize,
) -> Result<String, Diagnostic> {
    tera.render(name, context)
        .map_err(|e| page_error(&e, name, file, body, body_line))
}

/// A page template's error: Tera names the template, the reader knows it as
/// "this page".
fn page_error(
    e: &tera::Error,
    name: &str,
    file: &Path,
    source: &str,
    first_line: usize,
) -> Diagnostic {
    let chain = error_chain(e).replace(&format!("'{name}'"), "this page");
    error_from_chain(&chain, file, source, first_line)
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
    error_from_chain(&error_chain(e), file, source, first_line)
}

/// [`template_error`] from Tera's messages joined by [`error_chain`].
fn error_from_chain(chain: &str, file: &Path, source: &str, first_line: usize) -> Diagnostic {
    let (mut line, mut col) = (0, 0);
    if let Some(pos) = chain.find("--> ") {
        let rest = &chain[pos + 4..];
        let mut nums = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        line = nums.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        col = nums.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    } else if let Some(i) = between(chain, "Variable `", "`").and_then(|name| source.find(name)) {
        (line, col) = line_col(source, i);
    }
    let message = summarise(chain);
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
    chain.lines().next().unwrap_or(chain).trim().to_string()
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
            }],
            ..Default::default()
        };
        PageTemplates::compile(&content)
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
        let pages = PageTemplates::compile(&content);
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
        let errs = compile_theme(&theme).unwrap_err();
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
        let errs = compile_theme(&theme).unwrap_err();
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
        let errs = compile_theme(&theme).unwrap_err();
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
}
