//! Rendering: a pure function from the loaded project to the files of the site.
//! Nothing here touches the disk; [`crate::output`] writes the result.

pub mod book;
pub mod markdown;
pub mod templates;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::Project;
use book::PageSlot;
use markdown::{Heading, Task};

/// One file of the site: a path relative to the output folder, with `/`
/// separators, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// "Now" for every computed date.
    pub today: NaiveDate,
    /// Include private notes and people (`build --private`).
    pub private: bool,
    /// Extra HTML for the end of `<body>` (the dev server's reload script).
    pub body_end: Option<String>,
}

/// A page after its body was rendered, before it is put in the theme.
struct RenderedBody {
    title: String,
    html: String,
    headings: Vec<Heading>,
    tasks: Vec<Task>,
    links: Vec<markdown::PageLink>,
}

#[derive(Serialize)]
struct PageLinkCtx<'a> {
    title: &'a str,
    url: String,
}

/// Render the whole site. Returns `None` if any page failed (the reasons are in
/// `diags`).
pub fn render(
    project: &Project,
    opts: &RenderOptions,
    diags: &mut Diagnostics,
) -> Option<Vec<OutputFile>> {
    let content = &project.content;
    let order = book::reading_order(content);
    let shared = shared_context(project, opts);
    let done = done_map(project);

    // 1. Bodies: template, then Markdown. In parallel; each page on its own.
    let bodies: Vec<Result<RenderedBody, Diagnostic>> = order
        .par_iter()
        .map(|slot| render_body(project, slot, &shared, &done))
        .collect();
    let mut rendered = Vec::with_capacity(bodies.len());
    for b in bodies {
        match b {
            Ok(b) => rendered.push(b),
            Err(d) => diags.push(d),
        }
    }
    if rendered.len() != order.len() {
        return None;
    }
    check_links_and_tasks(project, &order, &rendered, diags);

    // 2. Theme. Compiled once for all pages.
    let tera = match templates::compile_theme(&project.theme) {
        Ok(t) => t,
        Err(problems) => {
            diags.extend(problems);
            return None;
        }
    };
    let titles: Vec<String> = rendered.iter().map(|r| r.title.clone()).collect();
    let toc = book::toc(content, &order, &titles);

    let pages: Vec<Result<OutputFile, Diagnostic>> = order
        .par_iter()
        .enumerate()
        .map(|(i, slot)| {
            let page = &content.pages[slot.source];
            let body = &rendered[i];
            let root = "../".repeat(slot.url.matches('/').count());
            let link = |j: usize| PageLinkCtx {
                title: &rendered[j].title,
                url: format!("{root}{}", order[j].url),
            };
            let mut ctx = shared.clone();
            ctx.insert(
                "page",
                &json!({
                    "title": body.title,
                    "description": page.front.description,
                    "url": slot.url,
                    "source": page.rel,
                    "headings": body.headings.iter().filter(|h| h.level == 2 || h.level == 3)
                        .map(|h| json!({"id": h.id, "text": h.text, "level": h.level})).collect::<Vec<_>>(),
                    "has_h1": body.headings.iter().any(|h| h.level == 1),
                    "is_index": slot.url == "index.html",
                    "message": page.front.message,
                }),
            );
            ctx.insert("prev", &i.checked_sub(1).map(link));
            ctx.insert("next", &(i + 1 < order.len()).then(|| link(i + 1)));
            ctx.insert("root", &root);
            ctx.insert("content", &body.html);
            if slot.url == "index.html" {
                // Only the home page lists the contents inline; other pages share toc.js.
                ctx.insert("toc", &toc);
            }
            let template = if slot.url == "index.html" && tera.get_template("index.html").is_ok() {
                "index.html"
            } else {
                "page.html"
            };
            render_template(&tera, template, &ctx, project).map(|html| OutputFile::new(slot.url.clone(), html))
        })
        .collect();
    let mut files = Vec::with_capacity(pages.len() + 16);
    for p in pages {
        match p {
            Ok(f) => files.push(f),
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        return None;
    }

    // 3. Shared files: the table of contents, the theme's assets, copied content.
    files.push(OutputFile::new(
        "toc.js",
        format!(
            "// The table of contents, shared by every page.\nwindow.careerbookToc = {};\n",
            serde_json::to_string(&toc).expect("the table of contents serialises")
        ),
    ));
    let mut ctx = shared.clone();
    ctx.insert("toc", &toc);
    ctx.insert("root", "");
    for (template, path) in [("toc.html", "toc.html"), ("404.html", "404.html")] {
        if tera.get_template(template).is_ok() {
            match render_template(&tera, template, &ctx, project) {
                Ok(html) => files.push(OutputFile::new(path, html)),
                Err(d) => diags.push(d),
            }
        }
    }
    for (name, file) in project.theme.static_files() {
        files.push(OutputFile::new(
            format!("assets/{name}"),
            file.bytes.to_vec(),
        ));
    }
    for asset in &content.assets {
        match std::fs::read(&asset.source) {
            Ok(bytes) => files.push(OutputFile::new(asset.rel.clone(), bytes)),
            Err(e) => diags
                .push(Diagnostic::error("io", format!("cannot read: {e}")).in_file(&asset.source)),
        }
    }
    for css in &project.config.output.html.additional_css {
        let rel = crate::load::content::slash_path(css);
        match std::fs::read(project.root.join(css)) {
            Ok(bytes) => files.push(OutputFile::new(rel, bytes)),
            Err(e) => diags.push(
                Diagnostic::error(
                    "config",
                    format!("cannot read additional CSS `{}`: {e}", css.display()),
                )
                .in_file(crate::config::FILE_NAME)
                .help("fix the path in [output.html] additional-css"),
            ),
        }
    }
    if diags.has_errors() {
        return None;
    }
    // A page, an asset and a theme file could claim the same path.
    files.sort_by(|a, b| a.path.cmp(&b.path));
    for pair in files.windows(2) {
        if pair[0].path == pair[1].path {
            diags.push(
                Diagnostic::error("output", format!("two files would be written to `{}`", pair[0].path))
                    .help("rename one of them: content files, theme static files (under assets/) and generated pages share the site"),
            );
        }
    }
    (!diags.has_errors()).then_some(files)
}

fn render_template(
    tera: &tera::Tera,
    name: &str,
    ctx: &Context,
    project: &Project,
) -> Result<String, Diagnostic> {
    tera.render(name, ctx).map_err(|e| {
        let file = project
            .theme
            .files
            .get(&format!("templates/{name}"))
            .map(|f| f.display_path(&format!("templates/{name}")))
            .unwrap_or_else(|| format!("templates/{name}").into());
        Diagnostic::error("template", templates::error_chain(&e))
            .in_file(file)
            .help("a theme template failed while rendering: check the names it uses against the template reference in the README")
    })
}

fn render_body(
    project: &Project,
    slot: &PageSlot,
    shared: &Context,
    done: &HashMap<String, String>,
) -> Result<RenderedBody, Diagnostic> {
    let page = &project.content.pages[slot.source];
    let text = if page.front.template == Some(false) || page.front.message.is_some() {
        page.body.clone()
    } else {
        templates::render_body(&page.body, shared, &page.file, page.body_line)?
    };
    let doc = markdown::parse(&text, &slot.key, &slot.dir);
    let mut html = markdown::to_html(&doc, &|t: &Task| done.get(&t.id).cloned());
    if page.front.message.is_some() {
        html = mark_placeholders(&html);
    }
    let title = page
        .front
        .title
        .clone()
        .or_else(|| doc.first_h1().map(str::to_string))
        .unwrap_or_else(|| {
            let (dir, name) = book::split_dir(&page.rel);
            book::humanise(if name == "index.md" && !dir.is_empty() {
                book::split_dir(dir).1
            } else {
                name
            })
        });
    let line = |l: usize| l + page.body_line;
    Ok(RenderedBody {
        title,
        html,
        headings: doc
            .headings
            .into_iter()
            .map(|mut h| {
                h.line = line(h.line);
                h
            })
            .collect(),
        tasks: doc
            .tasks
            .into_iter()
            .map(|mut t| {
                t.line = line(t.line);
                t
            })
            .collect(),
        links: doc
            .links
            .into_iter()
            .map(|mut l| {
                l.line = line(l.line);
                l
            })
            .collect(),
    })
}

/// In a message template's own page, show `{placeholder}`s as blanks to fill.
fn mark_placeholders(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_placeholder_name(&after[..close]) => {
                out.push_str("<mark class=\"placeholder\">{");
                out.push_str(&after[..close]);
                out.push_str("}</mark>");
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_placeholder_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Links must reach a page (and a heading on it); checklist ids must be unique.
fn check_links_and_tasks(
    project: &Project,
    order: &[PageSlot],
    rendered: &[RenderedBody],
    diags: &mut Diagnostics,
) {
    let pages = &project.content.pages;
    let anchors: HashMap<&str, HashSet<&str>> = order
        .iter()
        .zip(rendered)
        .map(|(slot, r)| {
            (
                pages[slot.source].rel.as_str(),
                r.headings.iter().map(|h| h.id.as_str()).collect(),
            )
        })
        .collect();
    let mut seen: HashMap<&str, (&std::path::Path, usize)> = HashMap::new();
    for (slot, r) in order.iter().zip(rendered) {
        let file = &pages[slot.source].file;
        for link in &r.links {
            match anchors.get(link.target.as_str()) {
                None => diags.push(
                    Diagnostic::warning(
                        "link",
                        format!("the link points to `{}`, which is not a page", link.target),
                    )
                    .in_file(file)
                    .at(link.line, link.column)
                    .help("link to a .md file under content/, relative to this page"),
                ),
                Some(ids) => {
                    if let Some(f) = &link.fragment
                        && !ids.contains(f.as_str())
                    {
                        let suggestion = crate::diagnostics::suggest(f, ids.iter().copied());
                        diags.push(
                            Diagnostic::warning(
                                "link",
                                format!("`{}` has no heading `#{f}`", link.target),
                            )
                            .in_file(file)
                            .at(link.line, link.column)
                            .help(match suggestion {
                                Some(s) => format!("did you mean `#{s}`?"),
                                None => "link to one of the page's headings, or drop the `#…` part"
                                    .into(),
                            }),
                        );
                    }
                }
            }
        }
        for t in &r.tasks {
            if let Some((other, line)) = seen.insert(&t.id, (file, t.line)) {
                diags.push(
                    Diagnostic::error("checklist", format!("two checklist items have the id `{}`", t.id))
                        .in_file(file)
                        .at(t.line, 0)
                        .help(format!(
                            "the other is at {}:{line}; give one of them its own id with `{{#another-id}}` at the end of the item",
                            other.display()
                        )),
                );
            }
        }
    }
}

/// Checklist item id → the date it was done, from `data/progress.yaml`.
fn done_map(project: &Project) -> HashMap<String, String> {
    project
        .data
        .files
        .get("progress")
        .and_then(|p| p.get("done"))
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| v.to_string()),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What every template sees: the book's settings and the workbook's data.
fn shared_context(project: &Project, opts: &RenderOptions) -> Context {
    let config = &project.config;
    let mut ctx = Context::new();
    for (stem, value) in &project.data.files {
        ctx.insert(stem.as_str(), value);
    }
    // `profile` and `people` are always there, so guidance can test them without
    // guarding against an undefined variable.
    let profile = project
        .data
        .files
        .get("profile")
        .filter(|v| v.is_object())
        .cloned()
        .unwrap_or_else(|| json!({}));
    ctx.insert("profile", &profile);
    let people = project
        .data
        .files
        .get("relationships")
        .and_then(|r| r.get("people"))
        .cloned()
        .unwrap_or_else(|| json!([]));
    ctx.insert("people", &people);
    ctx.insert(
        "book",
        &json!({
            "title": config.book.title,
            "authors": config.book.authors,
            "description": config.book.description,
            "language": config.book.language,
        }),
    );
    let css: Vec<String> = config
        .output
        .html
        .additional_css
        .iter()
        .map(|p| crate::load::content::slash_path(p))
        .collect();
    ctx.insert(
        "site",
        &json!({
            "base_url": config.output.html.base_url,
            "additional_css": css,
            "private": opts.private,
            "today": opts.today.to_string(),
            "generator": concat!("careerbook ", env!("CARGO_PKG_VERSION")),
            // Namespaces what the browser remembers (ticked checklists) per workbook.
            "book_id": markdown::slug(&format!("{} {}", config.book.title, config.output.html.base_url)),
        }),
    );
    ctx.insert("body_end", &opts.body_end);
    ctx
}
