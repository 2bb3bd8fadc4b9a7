//! Pages whose Markdown is a template: parsed once for the whole build, filled
//! in for each workbook.

use std::borrow::Cow;
use std::path::Path;

use rayon::prelude::*;
use tera::{Context, Tera};

use super::{error_chain, error_from_chain, new_tera};
use crate::diagnostics::{Diagnostic, line_col};
use crate::load::content::{Content, SourcePage};

/// Pages per Tera instance when pages are compiled: one instance per page would
/// repeat Tera's built-in filters for each, one for the whole book would parse
/// on one thread.
pub(super) const PAGES_PER_GROUP: usize = 16;

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
    pub fn compile(content: &Content, locale: &crate::language::Locale) -> PageTemplates {
        let templated: Vec<usize> = (0..content.pages.len())
            .filter(|&i| is_template(&content.pages[i]))
            .collect();
        // A group: its Tera, and what each of its pages became.
        type Group = (Tera, Vec<(usize, PageTemplate)>);
        let compiled: Vec<Group> = templated
            .par_chunks(PAGES_PER_GROUP)
            .enumerate()
            .map(|(group, chunk)| {
                let mut tera = new_tera(locale);
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
    let mut ranges: Vec<std::ops::Range<usize>> = Parser::new_ext(body, crate::markdown::options())
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
