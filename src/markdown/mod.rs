//! Markdown → an annotated event stream → HTML.
//!
//! [`parse`] runs pulldown-cmark once and records what the rest of careerbook needs
//! to know about a page: its headings (with stable ids), its checklist items (with
//! stable ids) and its links. Output formats walk the same events, so the site and
//! the printed workbook never disagree about content.

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use rustc_hash::FxHashMap;

use crate::diagnostics::Diagnostic;

mod html;
pub use html::{
    TaskLook, TaskState, TaskWords, escape_attr, print_key, to_html, to_html_and_print,
    to_print_html,
};
pub(crate) use html::{concat, nonce};

/// The Markdown options: the one place that says them. Every reading of a page
/// (the build, `check`, the template scanner) parses with these, so all agree
/// on what is a link, a footnote or a checklist item.
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

/// A checklist item: a task-list entry `- [ ] text {#optional-id}`, or a
/// reference to an item defined elsewhere, `- [ ] text {=its-id}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// The item's id; for a reference, the id it refers to as written.
    pub id: String,
    pub text: String,
    /// Whether the source itself ticks it (`- [x]`).
    pub checked_in_source: bool,
    /// Id of the nearest level-2 heading above it, which groups tasks into sections
    /// (the plan's phases are such sections).
    pub section: Option<String>,
    pub explicit_id: bool,
    /// Written `{=id}`: the same item as the one with that id, shown again
    /// (same box, counted once, where it is defined).
    pub reference: bool,
    /// 0-based line within the body.
    pub line: usize,
    /// 1-based column of a reference's `{=…}` (of the item's marker, for an
    /// item that is not a reference); `line` is that position's line too.
    pub column: usize,
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

/// Something in a page's Markdown that careerbook will not publish: a link to an
/// address it refuses, or a checklist id that cannot be one.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 0-based line within the body, 1-based column.
    pub line: usize,
    pub column: usize,
    pub code: &'static str,
    pub message: String,
    pub help: &'static str,
}

#[derive(Debug)]
pub struct Document<'a> {
    /// The events to convert (none after [`scan`]).
    pub events: Vec<Event<'a>>,
    pub headings: Vec<Heading>,
    pub tasks: Vec<Task>,
    pub links: Vec<PageLink>,
    /// Links [`Document::unlink`] made text: still the page's to check.
    pub unlinked: Vec<PageLink>,
    /// Errors, in the order they appear.
    pub problems: Vec<Problem>,
}

impl Document<'_> {
    /// Links to the pages `gone` says are not in the book become their text:
    /// a page `[content] exclude` leaves out is no broken link. The events keep
    /// their places (the link's start and end become empty text), so the
    /// indexes into them stay true.
    pub fn unlink(&mut self, gone: impl Fn(&str) -> bool) {
        let events = &mut self.events;
        let unlinked = &mut self.unlinked;
        self.links.retain(|link| {
            if !gone(&link.target) {
                return true;
            }
            unlinked.push(link.clone());
            if let Some(start) = events.get_mut(link.event) {
                *start = Event::Text(CowStr::Borrowed(""));
                // Links do not nest: the next link end is this one's.
                if let Some(end) = events[link.event..]
                    .iter_mut()
                    .find(|e| matches!(e, Event::End(TagEnd::Link)))
                {
                    *end = Event::Text(CowStr::Borrowed(""));
                }
            }
            false
        });
    }

    pub fn first_h1(&self) -> Option<&str> {
        self.headings
            .iter()
            .find(|h| h.level == 1)
            .map(|h| h.text.as_str())
    }

    /// The problems as errors located in `file`, whose body starts on `body_line`.
    pub fn diagnostics(&self, file: &Path, body_line: usize) -> Vec<Diagnostic> {
        self.problems
            .iter()
            .map(|p| {
                Diagnostic::error(p.code, p.message.clone())
                    .in_file(file)
                    .at(p.line + body_line, p.column)
                    .help(p.help)
            })
            .collect()
    }
}

/// Where a link (or image) in content goes, and so what careerbook does with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkDest {
    /// Another page of the book, `other.md#frag` relative to the page: its path
    /// under `content/`, the fragment, and the `.html` address to write.
    Page {
        target: String,
        fragment: Option<String>,
        href: String,
    },
    /// `http:`, `https:` or `mailto:`: published as written.
    External,
    /// No scheme: a fragment, a path or a file of the site, as written.
    Local,
    /// Any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, …), in lower
    /// case: never published.
    Refused { scheme: String },
}

/// Classify a link's destination as written in a page in `page_dir` (relative to
/// `content/`, `""` at the top). The scheme is read the way a browser reads it:
/// spaces and control characters around the address, and tabs and line breaks
/// inside it, are ignored, so `java&#9;script:` is still `javascript:`.
pub fn classify_link(dest: &str, page_dir: &str) -> LinkDest {
    let trimmed = dest.trim_matches(|c: char| c <= ' ');
    let cleaned: std::borrow::Cow<'_, str> = if trimmed.contains(['\t', '\n', '\r']) {
        trimmed
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .into()
    } else {
        trimmed.into()
    };
    let scheme_len = cleaned
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .filter(|&i| i > 0 && cleaned[i..].starts_with(':'))
        .filter(|_| cleaned.starts_with(|c: char| c.is_ascii_alphabetic()));
    if let Some(len) = scheme_len {
        let scheme = &cleaned[..len];
        return if ["http", "https", "mailto"]
            .iter()
            .any(|s| scheme.eq_ignore_ascii_case(s))
        {
            LinkDest::External
        } else {
            LinkDest::Refused {
                scheme: scheme.to_ascii_lowercase(),
            }
        };
    }
    match page_link(dest, page_dir) {
        Some((target, fragment, href)) => LinkDest::Page {
            target,
            fragment,
            href,
        },
        None => LinkDest::Local,
    }
}

/// Parse a page body. `page_key` (e.g. `mentors-finding-mentors`) prefixes ids made
/// from item text; `page_dir` is the page's folder relative to `content/` (`""` at
/// the top), for resolving relative links.
pub fn parse<'a>(body: &'a str, page_key: &str, page_dir: &str) -> Document<'a> {
    read(body, page_key, page_dir, true)
}

/// [`parse`] without keeping the events: what a page holds (headings, checklist
/// items, links, problems) for less work, when it is not converted yet.
pub fn scan<'a>(body: &'a str, page_key: &str, page_dir: &str) -> Document<'a> {
    read(body, page_key, page_dir, false)
}

fn read<'a>(body: &'a str, page_key: &str, page_dir: &str, keep_events: bool) -> Document<'a> {
    let mut p = Parsing {
        body,
        page_dir,
        keep_events,
        emitted: 0,
        line_starts: std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', body.as_bytes()).map(|i| i + 1))
            .collect(),
        open: Vec::new(),
        doc: Document {
            // About one event per 16 bytes of Markdown: fewer regrowths.
            events: Vec::with_capacity(if keep_events { body.len() / 16 } else { 0 }),
            headings: Vec::new(),
            tasks: Vec::new(),
            links: Vec::new(),
            unlinked: Vec::new(),
            problems: Vec::new(),
        },
    };
    let mut used_ids: FxHashMap<String, usize> = FxHashMap::default();
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
                for (e, r) in iter.by_ref() {
                    if matches!(e, Event::End(TagEnd::Heading(_))) {
                        break;
                    }
                    inner.push((e, r));
                }
                let text = plain_text_of(inner.iter().map(|(e, _)| e));
                let base = id
                    .as_deref()
                    .map(str::to_string)
                    .unwrap_or_else(|| slug(&text));
                let id = unique(&base, &mut used_ids);
                if level == HeadingLevel::H2 {
                    section = Some(id.clone());
                }
                p.doc.headings.push(Heading {
                    level: level as u8,
                    id: id.clone(),
                    text,
                    attrs: attrs
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.as_deref().unwrap_or("").to_string()))
                        .collect(),
                    line: p.line_of(range.start),
                });
                p.emit(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                }));
                for (e, r) in inner {
                    p.push(e, r);
                }
                p.emit(Event::End(TagEnd::Heading(level)));
            }
            Event::TaskListMarker(checked) => {
                // Gather the item's own inline content: up to the end of its
                // paragraph or item, or the start of a nested list.
                let mut inner: Vec<(Event<'a>, Range<usize>)> = Vec::new();
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
                    inner.push(iter.next().expect("peeked"));
                }
                let mut at = range.start;
                let mut reference = false;
                let explicit = match take_explicit_id(&mut inner, body) {
                    Pin::Id { id, offset, refers } => {
                        if refers {
                            at = offset;
                        }
                        reference = refers;
                        Some(id)
                    }
                    Pin::None => None,
                    Pin::Invalid { id, offset, refers } => {
                        let help = if refers { TASK_REF_HELP } else { TASK_ID_HELP };
                        p.problem(offset, invalid_task_id(&id, refers), help, "checklist");
                        None
                    }
                };
                let text = plain_text_of(inner.iter().map(|(e, _)| e));
                let explicit_id = explicit.is_some();
                let id = explicit.unwrap_or_else(|| {
                    // At most 48 characters (not bytes: accented letters are
                    // several bytes and a byte cut could split one).
                    let s: String = slug(&text).chars().take(48).collect();
                    let s = s.trim_end_matches('-');
                    concat(&[page_key, "-", s])
                });
                let (line, column) = p.position(at);
                p.doc.tasks.push(Task {
                    id,
                    text: text.trim().to_string(),
                    checked_in_source: checked,
                    section: section.clone(),
                    explicit_id,
                    reference,
                    line,
                    column,
                });
                p.emit(Event::TaskListMarker(checked));
                // Links inside the item are page links like any other.
                for (e, r) in inner {
                    p.push(e, r);
                }
            }
            other => p.push(other, range),
        }
    }
    p.doc
}

/// The state of [`parse`]: the document so far, and what it takes to locate things.
struct Parsing<'a, 'p> {
    body: &'a str,
    page_dir: &'p str,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
    /// For each open link or image: whether its start was kept (a refused one
    /// loses its start and end, keeping only its text).
    open: Vec<bool>,
    /// Whether the events go into the document ([`parse`]) or only count ([`scan`]).
    keep_events: bool,
    /// Events emitted so far: the index of the next one.
    emitted: usize,
    doc: Document<'a>,
}

impl<'a> Parsing<'a, '_> {
    /// 0-based line of a byte offset of the body.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// 0-based line and 1-based column of a byte offset of the body.
    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = self
            .body
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }

    fn problem(&mut self, offset: usize, message: String, help: &'static str, code: &'static str) {
        let (line, column) = self.position(offset);
        self.doc.problems.push(Problem {
            line,
            column,
            code,
            message,
            help,
        });
    }

    fn emit(&mut self, event: Event<'a>) {
        self.emitted += 1;
        if self.keep_events {
            self.doc.events.push(event);
        }
    }

    /// Add an event at `range` of the body, checking and rewriting the
    /// destinations of links and images.
    fn push(&mut self, event: Event<'a>, range: Range<usize>) {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match classify_link(&dest_url, self.page_dir) {
                    LinkDest::Refused { scheme } => {
                        self.problem(
                            range.start,
                            format!(
                                "`{scheme}:` links are not allowed, only http(s), mailto and links within the book"
                            ),
                            LINK_HELP,
                            "link",
                        );
                        self.open.push(false);
                        return;
                    }
                    LinkDest::Page {
                        target,
                        fragment,
                        href,
                    } => {
                        let (line, column) = self.position(range.start);
                        self.doc.links.push(PageLink {
                            target,
                            fragment,
                            line,
                            column,
                            event: self.emitted,
                        });
                        CowStr::from(href)
                    }
                    LinkDest::External | LinkDest::Local => dest_url,
                };
                self.open.push(true);
                self.emit(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                if let LinkDest::Refused { scheme } = classify_link(dest_url, self.page_dir) {
                    self.problem(
                        range.start,
                        format!(
                            "`{scheme}:` images are not allowed, only http(s) and files of the book"
                        ),
                        LINK_HELP,
                        "link",
                    );
                    self.open.push(false);
                    return;
                }
                self.open.push(true);
                self.emit(event);
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if self.open.pop().unwrap_or(true) {
                    self.emit(event);
                }
            }
            other => self.emit(other),
        }
    }
}

const LINK_HELP: &str = "link to a web page (`https://…`), an e-mail address (`mailto:…`), or a page or file of the book by its path (`other.md`); a link that runs code or embeds a document is never published";

const TASK_ID_HELP: &str = "write the id at the end of the item as `{#my-id}`, or leave `{#…}` out and careerbook makes one from the item's text";

const TASK_REF_HELP: &str = "write `{=its-id}` at the end of the item, with the id of the item it repeats (its `#task-…` link in the book)";

fn invalid_task_id(id: &str, refers: bool) -> String {
    match (id.is_empty(), refers) {
        (true, false) => "`{#}` gives the checklist item an empty id".to_string(),
        (true, true) => "`{=}` refers to no checklist item: the id is empty".to_string(),
        (false, _) => format!(
            "`{id}` is not a valid checklist id: ids use lower-case letters, digits and `-`, and start with a letter or digit"
        ),
    }
}

/// What an item's trailing `{#…}` or `{=…}` said.
enum Pin {
    /// None at all.
    None,
    /// `{#id}` (its own id) or, with `refers`, `{=id}` (the id of the item it
    /// repeats), at this byte offset of the body.
    Id {
        id: String,
        offset: usize,
        refers: bool,
    },
    /// `{#…}` or `{=…}` holding something that cannot be an id, at this byte
    /// offset of the body.
    Invalid {
        id: String,
        offset: usize,
        refers: bool,
    },
}

/// A task written `text {#my-id}` names its own id; one written `text {=its-id}`
/// repeats the item with that id.
fn take_explicit_id(inner: &mut Vec<(Event<'_>, Range<usize>)>, body: &str) -> Pin {
    // Adjacent text events are merged first: the parser may split `{#id}` apart.
    let mut merged: Vec<(Event<'_>, Range<usize>)> = Vec::with_capacity(inner.len());
    for (e, r) in inner.drain(..) {
        match (merged.last_mut(), e) {
            (Some((Event::Text(prev), prev_range)), Event::Text(t)) => {
                *prev = CowStr::from(format!("{prev}{t}"));
                prev_range.end = r.end;
            }
            (_, e) => merged.push((e, r)),
        }
    }
    *inner = merged;
    let Some((Event::Text(last), range)) = inner.last() else {
        return Pin::None;
    };
    let trimmed = last.trim_end();
    // The last `{#` or `{=` of the text: the one that ends it.
    let Some((open, mark)) = [("{#", false), ("{=", true)]
        .iter()
        .filter_map(|&(m, refers)| trimmed.rfind(m).map(|i| (i, (m, refers))))
        .max_by_key(|&(i, _)| i)
    else {
        return Pin::None;
    };
    let (mark, refers) = mark;
    let Some(candidate) = trimmed[open + 2..].strip_suffix('}') else {
        return Pin::None;
    };
    // Where the mark is in the source, and the id as written there (the text may
    // differ: entities are decoded, quotes made typographic).
    let source = body.get(range.clone()).unwrap_or("");
    let (offset, written) = match source.rfind(mark) {
        Some(i) => (
            range.start + i,
            source[i + 2..]
                .trim_end()
                .strip_suffix('}')
                .unwrap_or(candidate),
        ),
        None => (range.start, candidate),
    };
    if !crate::model::is_valid_id(candidate) {
        return Pin::Invalid {
            id: written.to_string(),
            offset,
            refers,
        };
    }
    let id = candidate.to_string();
    let rest = trimmed[..open].trim_end().to_string();
    let range = range.clone();
    inner.pop();
    if !rest.is_empty() {
        inner.push((Event::Text(CowStr::from(rest)), range));
    }
    Pin::Id { id, offset, refers }
}

/// `other.md#frag` relative to `page_dir` → (content path, fragment, href to write).
/// Returns `None` for anything that is not a relative link to a Markdown page.
fn page_link(dest: &str, page_dir: &str) -> Option<(String, Option<String>, String)> {
    if dest.contains(':') || dest.starts_with('/') || dest.starts_with('#') {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (dest, None),
    };
    let stem = path.strip_suffix(".md")?;
    let target = resolve(page_dir, path)?;
    let mut href = format!("{stem}.html");
    if let Some(f) = &fragment {
        href.push('#');
        href.push_str(f);
    }
    Some((target, fragment, href))
}

/// `dir` + a relative path → a path under `content/`, or `None` if it climbs
/// out (or names nothing).
pub fn resolve(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = if dir.is_empty() {
        Vec::new()
    } else {
        dir.split('/').collect()
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
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The text a reader sees, without markup.
pub fn plain_text(events: &[Event<'_>]) -> String {
    plain_text_of(events.iter())
}

fn plain_text_of<'e, 'a: 'e>(events: impl Iterator<Item = &'e Event<'a>>) -> String {
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
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
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
fn unique(base: &str, used: &mut FxHashMap<String, usize>) -> String {
    // The usual case, a heading's text not seen before on its page: one copy.
    if !used.contains_key(base) {
        let id = base.to_string();
        used.insert(id.clone(), 0);
        return id;
    }
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

#[cfg(test)]
mod tests;

/// The list under each heading whose id `wanted` accepts: (the heading's id,
/// its line in `body` counting from 1, the plain text of each item of the
/// first level). A group ends at the next heading; nested lists are not items.
/// The question bank's groups (`### … {#ask-mentor-active}`) are read this way.
pub fn lists_under(body: &str, wanted: impl Fn(&str) -> bool) -> Vec<(String, usize, Vec<String>)> {
    let mut groups: Vec<(String, usize, Vec<String>)> = Vec::new();
    let mut in_group = false;
    let mut depth = 0usize;
    let mut item: Option<String> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                in_group = false;
                if let Some(id) = id.filter(|id| wanted(id)) {
                    let line = body[..range.start].matches('\n').count() + 1;
                    groups.push((id.to_string(), line, Vec::new()));
                    in_group = true;
                }
            }
            Event::Start(Tag::List(_)) if in_group => depth += 1,
            Event::End(TagEnd::List(_)) if in_group => depth = depth.saturating_sub(1),
            Event::Start(Tag::Item) if in_group && depth == 1 => item = Some(String::new()),
            Event::End(TagEnd::Item) if in_group && depth == 1 => {
                if let (Some(text), Some(group)) = (item.take(), groups.last_mut()) {
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !text.is_empty() {
                        group.2.push(text);
                    }
                }
            }
            Event::Text(t) | Event::Code(t) if depth == 1 => {
                if let Some(s) = item.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak if depth == 1 => {
                if let Some(s) = item.as_mut() {
                    s.push(' ');
                }
            }
            _ => {}
        }
    }
    groups
}
