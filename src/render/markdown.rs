//! Markdown → an annotated event stream → HTML.
//!
//! [`parse`] runs pulldown-cmark once and records what the rest of careerbook needs
//! to know about a page: its headings (with stable ids), its checklist items (with
//! stable ids) and its links. Output formats walk the same events, so the site and
//! the printed workbook never disagree about content.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The parser options every page uses.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// `key=value` attributes from `{#id key=value}`.
    pub attrs: Vec<(String, String)>,
    /// 0-based line within the body.
    pub line: usize,
}

/// A checklist item: a task-list entry `- [ ] text {#optional-id}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub id: String,
    pub text: String,
    /// Whether the source itself ticks it (`- [x]`).
    pub checked_in_source: bool,
    /// Id of the nearest level-2 heading above it, which groups tasks into sections
    /// (the plan's phases are such sections).
    pub section: Option<String>,
    pub explicit_id: bool,
    /// 0-based line within the body.
    pub line: usize,
}

/// A link to another `.md` page, as written and as resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLink {
    /// Target path relative to `content/` (`mentors/finding-mentors.md`).
    pub target: String,
    pub fragment: Option<String>,
    /// 0-based line within the body, 1-based column.
    pub line: usize,
    pub column: usize,
    /// Index of the link's start event in [`Document::events`].
    pub event: usize,
}

#[derive(Debug)]
pub struct Document<'a> {
    pub events: Vec<Event<'a>>,
    pub headings: Vec<Heading>,
    pub tasks: Vec<Task>,
    pub links: Vec<PageLink>,
}

impl Document<'_> {
    pub fn first_h1(&self) -> Option<&str> {
        self.headings
            .iter()
            .find(|h| h.level == 1)
            .map(|h| h.text.as_str())
    }
}

/// Parse a page body. `page_key` (e.g. `mentors-finding-mentors`) prefixes ids made
/// from item text; `page_dir` is the page's folder relative to `content/` (`""` at
/// the top), for resolving relative links.
pub fn parse<'a>(body: &'a str, page_key: &str, page_dir: &str) -> Document<'a> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| {
        line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    };

    let mut doc = Document {
        events: Vec::new(),
        headings: Vec::new(),
        tasks: Vec::new(),
        links: Vec::new(),
    };
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let mut section: Option<String> = None;
    let mut iter = Parser::new_ext(body, options())
        .into_offset_iter()
        .peekable();

    while let Some((event, range)) = iter.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let mut inner = Vec::new();
                for (e, _) in iter.by_ref() {
                    if matches!(e, Event::End(TagEnd::Heading(_))) {
                        break;
                    }
                    inner.push(e);
                }
                let text = plain_text(&inner);
                let base = id
                    .as_deref()
                    .map(str::to_string)
                    .unwrap_or_else(|| slug(&text));
                let id = unique(&base, &mut used_ids);
                if level == HeadingLevel::H2 {
                    section = Some(id.clone());
                }
                doc.headings.push(Heading {
                    level: level as u8,
                    id: id.clone(),
                    text,
                    attrs: attrs
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.as_deref().unwrap_or("").to_string()))
                        .collect(),
                    line: line_of(range.start),
                });
                doc.events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                }));
                doc.events.extend(inner);
                doc.events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::TaskListMarker(checked) => {
                // Gather the item's own inline content: up to the end of its
                // paragraph or item, or the start of a nested list.
                let mut inner: Vec<Event<'a>> = Vec::new();
                while let Some((e, _)) = iter.peek() {
                    if matches!(
                        e,
                        Event::End(TagEnd::Item) | Event::End(TagEnd::Paragraph) | Event::Start(_)
                    ) && !matches!(
                        e,
                        Event::Start(
                            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. }
                        )
                    ) {
                        break;
                    }
                    let (e, _) = iter.next().expect("peeked");
                    inner.push(e);
                }
                let explicit = take_explicit_id(&mut inner);
                let text = plain_text(&inner);
                let explicit_id = explicit.is_some();
                let id = explicit.unwrap_or_else(|| {
                    // At most 48 characters (not bytes: accented letters are
                    // several bytes and a byte cut could split one).
                    let s: String = slug(&text).chars().take(48).collect();
                    let s = s.trim_end_matches('-');
                    format!("{page_key}-{s}")
                });
                doc.tasks.push(Task {
                    id,
                    text: text.trim().to_string(),
                    checked_in_source: checked,
                    section: section.clone(),
                    explicit_id,
                    line: line_of(range.start),
                });
                doc.events.push(Event::TaskListMarker(checked));
                // Links inside the item are page links like any other.
                let line = line_of(range.start);
                for e in inner {
                    let e = match e {
                        Event::Start(Tag::Link {
                            link_type,
                            dest_url,
                            title,
                            id,
                        }) => {
                            let dest = match rewrite_page_link(&dest_url, page_dir) {
                                Some((target, fragment, href)) => {
                                    doc.links.push(PageLink {
                                        target,
                                        fragment,
                                        line,
                                        column: 0,
                                        event: doc.events.len(),
                                    });
                                    CowStr::from(href)
                                }
                                None => dest_url,
                            };
                            Event::Start(Tag::Link {
                                link_type,
                                dest_url: dest,
                                title,
                                id,
                            })
                        }
                        other => other,
                    };
                    doc.events.push(e);
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = match rewrite_page_link(&dest_url, page_dir) {
                    Some((target, fragment, href)) => {
                        let line = line_of(range.start);
                        doc.links.push(PageLink {
                            target,
                            fragment,
                            line,
                            column: body[line_starts[line]..range.start].chars().count() + 1,
                            event: doc.events.len(),
                        });
                        CowStr::from(href)
                    }
                    None => dest_url,
                };
                doc.events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                }));
            }
            other => doc.events.push(other),
        }
    }
    doc
}

/// A task written `text {#my-id}` names its own id.
fn take_explicit_id(inner: &mut Vec<Event<'_>>) -> Option<String> {
    // Adjacent text events are merged first: the parser may split `{#id}` apart.
    let mut merged: Vec<Event<'_>> = Vec::with_capacity(inner.len());
    for e in inner.drain(..) {
        match (merged.last_mut(), e) {
            (Some(Event::Text(prev)), Event::Text(t)) => {
                *prev = CowStr::from(format!("{prev}{t}"));
            }
            (_, e) => merged.push(e),
        }
    }
    *inner = merged;
    let Some(Event::Text(last)) = inner.last() else {
        return None;
    };
    let trimmed = last.trim_end();
    let open = trimmed.rfind("{#")?;
    let candidate = trimmed[open + 2..].strip_suffix('}')?;
    if candidate.is_empty()
        || !candidate
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return None;
    }
    let id = candidate.to_string();
    let rest = trimmed[..open].trim_end().to_string();
    inner.pop();
    if !rest.is_empty() {
        inner.push(Event::Text(CowStr::from(rest)));
    }
    Some(id)
}

/// `other.md#frag` relative to `page_dir` → (content path, fragment, href to write).
/// Returns `None` for anything that is not a relative link to a Markdown page.
fn rewrite_page_link(dest: &str, page_dir: &str) -> Option<(String, Option<String>, String)> {
    if dest.contains(':') || dest.starts_with('/') || dest.starts_with('#') {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (dest, None),
    };
    let stem = path.strip_suffix(".md")?;
    let mut parts: Vec<&str> = if page_dir.is_empty() {
        Vec::new()
    } else {
        page_dir.split('/').collect()
    };
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let target = parts.join("/");
    let mut href = format!("{stem}.html");
    if let Some(f) = &fragment {
        href.push('#');
        href.push_str(f);
    }
    Some((target, fragment, href))
}

/// The text a reader sees, without markup.
pub fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s
}

/// A URL-safe id from heading or item text: lower case, words joined by `-`.
/// Letters outside ASCII are kept (French headings keep their accents).
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' {
            dash = true;
        }
    }
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

/// `base`, or `base-1`, `base-2`, … : the first that no heading on the page has.
fn unique(base: &str, used: &mut HashMap<String, usize>) -> String {
    let mut n = *used.get(base).unwrap_or(&0);
    let mut id = base.to_string();
    while used.contains_key(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.insert(base.to_string(), n);
    used.entry(id.clone()).or_insert(0);
    id
}

/// How a checklist item is shown: ticked (with the date it was done) or not.
pub type TaskState<'s> = &'s dyn Fn(&Task) -> Option<String>;

/// Render the document as HTML. `done` says whether (and when) a task was done.
pub fn to_html(doc: &Document<'_>, done: TaskState<'_>) -> String {
    render_html(doc, done, None)
}

/// The key of the chapter a page link points to on the print page, where every
/// chapter is a section of one document: `mentors/finding.md` → `mentors-finding`.
pub fn print_key(target: &str) -> String {
    target.trim_end_matches(".md").replace('/', "-")
}

/// Render the document as a section of the one-page print version: heading ids are
/// prefixed with the page's key (`<key>--<id>`) so they stay unique, and links to
/// other pages point at their section of the same document.
pub fn to_print_html(doc: &Document<'_>, done: TaskState<'_>, page_key: &str) -> String {
    render_html(doc, done, Some(page_key))
}

fn render_html(doc: &Document<'_>, done: TaskState<'_>, print: Option<&str>) -> String {
    let prefixed = |id: &str| match print {
        Some(key) => format!("{key}--{id}"),
        None => id.to_string(),
    };
    let print_links: HashMap<usize, String> = match print {
        Some(_) => doc
            .links
            .iter()
            .map(|l| {
                let key = print_key(&l.target);
                let href = match &l.fragment {
                    Some(f) => format!("#{key}--{f}"),
                    None => format!("#chapter-{key}"),
                };
                (l.event, href)
            })
            .collect(),
        None => HashMap::new(),
    };
    let mut out = String::with_capacity(doc.events.len() * 16);
    let mut tasks = doc.tasks.iter();
    let mut open_task: Option<(&Task, Option<String>)> = None;
    let mut events: Vec<Event<'_>> = Vec::with_capacity(doc.events.len() + 16);
    let mut heading_has_link = false;
    for (i, event) in doc.events.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading_has_link = doc.events[i..]
                    .iter()
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                    .any(|e| matches!(e, Event::Start(Tag::Link { .. })));
                let id = id.as_deref().map(|id| CowStr::from(prefixed(id)));
                events.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: id.clone(),
                    classes: classes.clone(),
                    // Custom attributes are valid HTML only as data-*.
                    attrs: attrs
                        .iter()
                        .map(|(k, v)| {
                            let k = if k.starts_with("data-") {
                                k.to_string()
                            } else {
                                format!("data-{k}")
                            };
                            (CowStr::from(k), v.clone())
                        })
                        .collect(),
                }));
                if let (Some(id), false) = (id, heading_has_link) {
                    events.push(Event::InlineHtml(CowStr::from(format!(
                        "<a class=\"anchor\" href=\"#{}\">",
                        escape_attr(&id)
                    ))));
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                if !heading_has_link {
                    events.push(Event::InlineHtml(CowStr::Borrowed("</a>")));
                }
                events.push(Event::End(TagEnd::Heading(*level)));
            }
            Event::TaskListMarker(_) => {
                let Some(task) = tasks.next() else { continue };
                let date = done(task);
                let id = escape_attr(&task.id);
                events.push(Event::InlineHtml(CowStr::from(format!(
                    "<label class=\"task\" id=\"task-{id}\"><input type=\"checkbox\" data-task=\"{id}\"{}> ",
                    if date.is_some() { " checked" } else { "" }
                ))));
                open_task = Some((task, date));
            }
            Event::End(TagEnd::Item)
            | Event::End(TagEnd::Paragraph)
            | Event::Start(Tag::List(_))
                if open_task.is_some() =>
            {
                close_task(&mut events, open_task.take());
                events.push(event.clone());
            }
            Event::Start(Tag::Link {
                link_type,
                title,
                id,
                ..
            }) if print_links.contains_key(&i) => {
                events.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: CowStr::from(print_links[&i].clone()),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            other => events.push(other.clone()),
        }
    }
    close_task(&mut events, open_task.take());
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    out
}

fn close_task<'a>(events: &mut Vec<Event<'a>>, task: Option<(&Task, Option<String>)>) {
    let Some((_, date)) = task else { return };
    events.push(Event::InlineHtml(CowStr::Borrowed("</label>")));
    if let Some(date) = date {
        events.push(Event::InlineHtml(CowStr::from(format!(
            " <span class=\"done-on\">done <time datetime=\"{0}\">{0}</time></span>",
            escape_attr(&date)
        ))));
    }
}

pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).expect("writing to a String cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        to_html(&parse(md, "page", ""), &|_| None)
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
        let out = to_html(&doc, &|t| (t.id == "b").then(|| "2026-03-04".to_string()));
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
        let out = to_html(&doc, &|_| None);
        assert!(out.contains("href=\"mentors/finding.html\""), "{out}");
        let print = to_print_html(&doc, &|_| None, "p");
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
        let out = to_html(&doc, &|_| None);
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
        let out = to_print_html(&doc, &|_| None, "mentors-p");
        assert!(
            out.contains(
                "<h2 id=\"mentors-p--where\"><a class=\"anchor\" href=\"#mentors-p--where\">"
            ),
            "{out}"
        );
        assert!(out.contains("href=\"#sponsors-finding--look\""), "{out}");
        assert!(out.contains("href=\"#chapter-mentors-other\""), "{out}");
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
}
