//! Markdown → an annotated event stream → HTML.
//!
//! [`parse`] runs pulldown-cmark once and records what the rest of careerbook needs
//! to know about a page: its headings (with stable ids), its checklist items (with
//! stable ids) and its links. Output formats walk the same events, so the site and
//! the printed workbook never disagree about content.

use std::collections::{HashMap, VecDeque};
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use rustc_hash::FxHashMap;

use crate::diagnostics::Diagnostic;

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
    /// Errors, in the order they appear.
    pub problems: Vec<Problem>,
}

impl Document<'_> {
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
                let explicit = match take_explicit_id(&mut inner, body) {
                    Pin::Id(id) => Some(id),
                    Pin::None => None,
                    Pin::Invalid { id, offset } => {
                        p.problem(offset, invalid_task_id(&id), TASK_ID_HELP, "checklist");
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
                p.doc.tasks.push(Task {
                    id,
                    text: text.trim().to_string(),
                    checked_in_source: checked,
                    section: section.clone(),
                    explicit_id,
                    line: p.line_of(range.start),
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

fn invalid_task_id(id: &str) -> String {
    if id.is_empty() {
        "`{#}` gives the checklist item an empty id".to_string()
    } else {
        format!(
            "`{id}` is not a valid checklist id: ids use lower-case letters, digits and `-`, and start with a letter or digit"
        )
    }
}

/// What an item's trailing `{#…}` said.
enum Pin {
    /// None at all.
    None,
    Id(String),
    /// `{#…}` holding something that cannot be an id, at this byte offset of the body.
    Invalid {
        id: String,
        offset: usize,
    },
}

/// A task written `text {#my-id}` names its own id.
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
    let Some(open) = trimmed.rfind("{#") else {
        return Pin::None;
    };
    let Some(candidate) = trimmed[open + 2..].strip_suffix('}') else {
        return Pin::None;
    };
    if !crate::model::is_valid_id(candidate) {
        // Where `{#` is in the source, and the id as written there (the text may
        // differ: entities are decoded, quotes made typographic).
        let source = body.get(range.clone()).unwrap_or("");
        let (offset, id) = match source.rfind("{#") {
            Some(i) => (
                range.start + i,
                source[i + 2..]
                    .trim_end()
                    .strip_suffix('}')
                    .unwrap_or(candidate),
            ),
            None => (range.start, candidate),
        };
        return Pin::Invalid {
            id: id.to_string(),
            offset,
        };
    }
    let id = candidate.to_string();
    let rest = trimmed[..open].trim_end().to_string();
    let range = range.clone();
    inner.pop();
    if !rest.is_empty() {
        inner.push((Event::Text(CowStr::from(rest)), range));
    }
    Pin::Id(id)
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

/// How a checklist item is shown: ticked (with the date it was done) or not.
pub type TaskState<'s> = &'s dyn Fn(&Task) -> Option<String>;

/// Render the document as HTML. `done` says whether (and when) a task was done.
pub fn to_html(doc: &Document<'_>, done: TaskState<'_>) -> String {
    let mut slots = Slots::default();
    let marked = render_marked(doc, done, "", &mut slots);
    slots.fill(&marked, PAGE)
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
    let mut slots = Slots::default();
    let marked = render_marked(doc, done, page_key, &mut slots);
    slots.fill(&marked, PRINT)
}

/// [`to_html`] and [`to_print_html`] from one conversion. The two differ only in
/// heading ids and in the addresses of links between pages, so the HTML is made
/// once with a marker in each of those places, and each version fills the markers
/// in its own way.
pub fn to_html_and_print(
    doc: &Document<'_>,
    done: TaskState<'_>,
    page_key: &str,
) -> (String, String) {
    let mut slots = Slots::default();
    let marked = render_marked(doc, done, page_key, &mut slots);
    let (mut page, mut print) = (String::new(), String::new());
    slots.fill_into(&marked, &mut [(&mut page, PAGE), (&mut print, PRINT)]);
    (page, print)
}

/// Which version [`Slots::fill`] makes.
const PAGE: usize = 0;
const PRINT: usize = 1;

/// The values the markers stand for: the page's and the print chapter's, each
/// already escaped for where it goes.
#[derive(Default)]
struct Slots {
    values: Vec<[String; 2]>,
}

impl Slots {
    /// A marker for `page` in the page and `print` in the print chapter. Control
    /// characters and a number drawn per process: no text of a page can hold one,
    /// and HTML escaping leaves it as it is.
    fn marker(&mut self, page: String, print: String) -> String {
        self.values.push([page, print]);
        let index = (self.values.len() - 1).to_string();
        concat(&[marker_prefix(), &index, "\u{2}"])
    }

    /// `marked` with every marker replaced by its value for version `which`
    /// ([`PAGE`] or [`PRINT`]).
    fn fill(&self, marked: &str, which: usize) -> String {
        let mut out = String::new();
        self.fill_into(marked, &mut [(&mut out, which)]);
        out
    }

    /// [`Slots::fill`] into several outputs at once, each with its version: one
    /// pass over `marked` for the page and its print chapter.
    fn fill_into(&self, marked: &str, outs: &mut [(&mut String, usize)]) {
        let prefix = marker_prefix();
        for (out, _) in outs.iter_mut() {
            out.reserve(marked.len() + 16 * self.values.len());
        }
        let mut rest = marked;
        let push = |outs: &mut [(&mut String, usize)], text: &str| {
            for (out, _) in outs.iter_mut() {
                out.push_str(text);
            }
        };
        while let Some(at) = memchr::memchr(1, rest.as_bytes()) {
            push(outs, &rest[..at]);
            let value = rest[at..].strip_prefix(prefix).and_then(|tail| {
                let end = tail.find('\u{2}')?;
                let value = self.values.get(tail[..end].parse::<usize>().ok()?)?;
                Some((value, &tail[end + 1..]))
            });
            match value {
                Some((value, after)) => {
                    for (out, which) in outs.iter_mut() {
                        out.push_str(&value[*which]);
                    }
                    rest = after;
                }
                None => {
                    push(outs, "\u{1}");
                    rest = &rest[at + 1..];
                }
            }
        }
        push(outs, rest);
    }
}

/// How every [`Slots`] marker starts: a control character and the [`nonce`].
fn marker_prefix() -> &'static str {
    static PREFIX: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PREFIX.get_or_init(|| format!("\u{1}{:x}:", nonce()))
}

/// The strings joined, in a string of exactly their length: for the HTML a page
/// asks for many times, where `format!` would guess the size and grow.
fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// A number drawn once per process, for markers no page text can contain.
pub(crate) fn nonce() -> u64 {
    static NONCE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *NONCE.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    })
}

fn render_marked(
    doc: &Document<'_>,
    done: TaskState<'_>,
    page_key: &str,
    slots: &mut Slots,
) -> String {
    let print_links: HashMap<usize, String> = doc
        .links
        .iter()
        .map(|l| {
            let key = print_key(&l.target);
            let href = match &l.fragment {
                Some(f) => concat(&["#", &key, "--", f]),
                None => concat(&["#chapter-", &key]),
            };
            (l.event, href)
        })
        .collect();
    // The events go to the HTML writer one by one, rewritten on the way (no copy
    // of the page's events).
    let mut tasks = doc.tasks.iter();
    let mut open_task: Option<(&Task, Option<String>)> = None;
    let mut heading_has_link = false;
    // Inside an image, links are only text (its description).
    let mut in_image = 0usize;
    let mut pending: VecDeque<Event<'_>> = VecDeque::with_capacity(4);
    let mut next = 0;
    let events = std::iter::from_fn(|| {
        loop {
            if let Some(e) = pending.pop_front() {
                return Some(e);
            }
            let i = next;
            let Some(event) = doc.events.get(i) else {
                close_task(&mut pending, open_task.take());
                return pending.pop_front();
            };
            next += 1;
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
                    // One marker for the id and the anchor's link to it (the HTML
                    // writer escapes the id as `escape_attr` does).
                    let marked = id.as_deref().map(|id| {
                        let print = concat(&[page_key, "--", id]);
                        slots.marker(escape_attr(id), escape_attr(&print))
                    });
                    pending.push_back(Event::Start(Tag::Heading {
                        level: *level,
                        id: marked.clone().map(CowStr::from),
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
                    if let (Some(id), false) = (marked, heading_has_link) {
                        pending.push_back(Event::InlineHtml(CowStr::from(concat(&[
                            "<a class=\"anchor\" href=\"#",
                            &id,
                            "\">",
                        ]))));
                    }
                }
                Event::End(TagEnd::Heading(level)) => {
                    if !heading_has_link {
                        pending.push_back(Event::InlineHtml(CowStr::Borrowed("</a>")));
                    }
                    pending.push_back(Event::End(TagEnd::Heading(*level)));
                }
                Event::TaskListMarker(_) => {
                    let Some(task) = tasks.next() else { continue };
                    let date = done(task);
                    let id = escape_attr(&task.id);
                    pending.push_back(Event::InlineHtml(CowStr::from(concat(&[
                        "<label class=\"task\" id=\"task-",
                        &id,
                        "\"><input type=\"checkbox\" data-task=\"",
                        &id,
                        if date.is_some() {
                            "\" checked> "
                        } else {
                            "\"> "
                        },
                    ]))));
                    open_task = Some((task, date));
                }
                Event::End(TagEnd::Item)
                | Event::End(TagEnd::Paragraph)
                | Event::Start(Tag::List(_))
                    if open_task.is_some() =>
                {
                    close_task(&mut pending, open_task.take());
                    pending.push_back(event.clone());
                }
                Event::Start(Tag::Image { .. }) => {
                    in_image += 1;
                    return Some(event.clone());
                }
                Event::End(TagEnd::Image) => {
                    in_image = in_image.saturating_sub(1);
                    return Some(event.clone());
                }
                // A link to another page: written here as the HTML writer would
                // write it, with a marker for its address.
                Event::Start(Tag::Link {
                    dest_url, title, ..
                }) if in_image == 0 && print_links.contains_key(&i) => {
                    let href = slots.marker(escape_href(dest_url), escape_href(&print_links[&i]));
                    let title = escape_attr(title);
                    let title_attr = if title.is_empty() { "" } else { "\" title=\"" };
                    return Some(Event::InlineHtml(CowStr::from(concat(&[
                        "<a href=\"",
                        &href,
                        title_attr,
                        &title,
                        "\">",
                    ]))));
                }
                other => return Some(other.clone()),
            }
        }
    });
    // About 30 bytes of HTML an event (measured on the benchmark's pages): room
    // for a usual page at once, so its text is not copied to grow.
    let mut out = String::with_capacity(doc.events.len() * 32);
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

fn close_task<'a>(events: &mut VecDeque<Event<'a>>, task: Option<(&Task, Option<String>)>) {
    let Some((_, date)) = task else { return };
    events.push_back(Event::InlineHtml(CowStr::Borrowed("</label>")));
    if let Some(date) = date {
        events.push_back(Event::InlineHtml(CowStr::from(format!(
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

/// A link's address escaped as the HTML writer escapes it.
fn escape_href(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_href(&mut out, s).expect("writing to a String cannot fail");
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
    fn link_destinations_are_classified_like_a_browser_reads_them() {
        let page = |t: &str, f: Option<&str>, h: &str| LinkDest::Page {
            target: t.into(),
            fragment: f.map(str::to_string),
            href: h.into(),
        };
        let refused = |s: &str| LinkDest::Refused { scheme: s.into() };
        for (dest, want) in [
            ("https://example.ca/x.md", LinkDest::External),
            ("HTTP://example.ca", LinkDest::External),
            ("mailto:a@example.ca", LinkDest::External),
            ("#top", LinkDest::Local),
            ("img/a.png", LinkDest::Local),
            ("/guide/", LinkDest::Local),
            ("//example.ca/x", LinkDest::Local),
            ("notes/a:b.txt", LinkDest::Local),
            ("page?q=a:b", LinkDest::Local),
            (
                "../sponsors/finding.md#where",
                page(
                    "sponsors/finding.md",
                    Some("where"),
                    "../sponsors/finding.html#where",
                ),
            ),
            ("other.md", page("mentors/other.md", None, "other.html")),
            ("javascript:alert(1)", refused("javascript")),
            ("JaVaScRiPt:alert(1)", refused("javascript")),
            ("java\tscript:alert(1)", refused("javascript")),
            ("java\nscript:alert(1)", refused("javascript")),
            ("\u{1} javascript:alert(1)", refused("javascript")),
            ("data:text/html;base64,PHNjcmlwdD4=", refused("data")),
            ("data:image/png;base64,iVBO", refused("data")),
            ("vbscript:msgbox(1)", refused("vbscript")),
            ("file:///etc/passwd", refused("file")),
            ("tel:+15555550100", refused("tel")),
        ] {
            assert_eq!(classify_link(dest, "mentors"), want, "{dest:?}");
        }
    }

    #[test]
    fn refused_links_are_located_problems_and_never_published() {
        let md = "Intro\n\nClick [here](javascript:alert(1)) or [there](https://example.ca).\n\n![pixel](data:text/html;base64,PHNjcmlwdD4=)\n\n- [ ] Do [it](vbscript:msgbox(1)) {#t}\n\n## See [x](JAVASCRIPT:alert(2))\n\n<javascript:alert(3)>\n\n[ref]\n\n[ref]: data:text/html,x\n";
        let doc = parse(md, "p", "");
        let got: Vec<(usize, usize, &str)> = doc
            .problems
            .iter()
            .map(|p| (p.line, p.column, p.message.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    2,
                    7,
                    "`javascript:` links are not allowed, only http(s), mailto and links within the book"
                ),
                (
                    4,
                    1,
                    "`data:` images are not allowed, only http(s) and files of the book"
                ),
                (
                    6,
                    10,
                    "`vbscript:` links are not allowed, only http(s), mailto and links within the book"
                ),
                (
                    8,
                    8,
                    "`javascript:` links are not allowed, only http(s), mailto and links within the book"
                ),
                (
                    10,
                    1,
                    "`javascript:` links are not allowed, only http(s), mailto and links within the book"
                ),
                (
                    12,
                    1,
                    "`data:` links are not allowed, only http(s), mailto and links within the book"
                ),
            ]
        );
        let out = to_html(&doc, &|_| None);
        assert!(!out.contains("<img"), "{out}");
        // Every address left is the safe one or an anchor of the page.
        for href in out.split("href=\"").skip(1) {
            assert!(
                href.starts_with("https://example.ca\"") || href.starts_with('#'),
                "{out}"
            );
        }
        // The text stays; the safe link stays a link.
        assert!(
            out.contains("Click here or <a href=\"https://example.ca\">there</a>."),
            "{out}"
        );
        assert!(out.contains("pixel"), "{out}");
        assert!(out.contains("> Do it</label>"), "{out}");
        // As diagnostics, located in the page's file.
        let d = doc.diagnostics(Path::new("content/a.md"), 5);
        assert_eq!(d[0].location(), "content/a.md:7:7");
        assert_eq!(d[0].code, "link");
        assert!(d[0].is_error());
    }

    #[test]
    fn an_impossible_pinned_task_id_is_a_located_problem() {
        for (md, id, column) in [
            ("- [ ] Climb out {#../../escape}\n", "../../escape", 17),
            ("- [ ] Slash {#plan/m1}\n", "plan/m1", 13),
            ("- [ ] *Dash* first {#-a}\n", "-a", 20),
            ("- [ ] Quote {#a\"b}\n", "a\"b", 13),
        ] {
            let doc = parse(md, "p", "");
            assert_eq!(doc.problems.len(), 1, "{md}");
            let p = &doc.problems[0];
            assert_eq!((p.line, p.column, p.code), (0, column, "checklist"), "{md}");
            assert!(p.message.contains(&format!("`{id}`")), "{}", p.message);
            assert!(p.message.contains("lower-case letters, digits and `-`"));
            assert!(!doc.tasks[0].explicit_id);
        }
        let doc = parse("- [ ] Nothing {#}\n", "p", "");
        assert!(
            doc.problems[0].message.contains("empty"),
            "{:?}",
            doc.problems
        );
        // Valid pins, and braces that are not a pin, are no problem.
        let doc = parse(
            "- [ ] Fine {#plan-1}\n- [ ] Code `{#x/y}`\n- [ ] Set {a}\n",
            "p",
            "",
        );
        assert!(doc.problems.is_empty(), "{:?}", doc.problems);
        assert_eq!(doc.tasks[0].id, "plan-1");
    }

    #[test]
    fn one_conversion_gives_the_page_and_its_print_chapter() {
        let md =
            "# Title\n\n## Part {#part}\n\nSee [it](other.md#x \"a title\") and [top](other.md).\n";
        let doc = parse(md, "here", "");
        let none = |_: &Task| None;
        let (page, print) = to_html_and_print(&doc, &none, "here");
        assert_eq!(page, to_html(&doc, &none));
        assert_eq!(print, to_print_html(&doc, &none, "here"));
        let has = |html: &str, part: &str| assert!(html.contains(part), "{part} not in {html}");
        has(&page, r##"<h2 id="part"><a class="anchor" href="#part">"##);
        has(
            &print,
            r##"<h2 id="here--part"><a class="anchor" href="#here--part">"##,
        );
        has(&page, r##"<a href="other.html#x" title="a title">it</a>"##);
        has(&print, r##"<a href="#other--x" title="a title">it</a>"##);
        has(&print, r##"<a href="#chapter-other">top</a>"##);
        for html in [&page, &print] {
            assert!(!html.contains('\u{1}') && !html.contains('\u{2}'), "{html}");
        }
    }

    #[test]
    fn control_characters_in_the_text_are_not_taken_for_markers() {
        let md = "## A \u{1}0:0\u{2} heading\n\nText \u{1}ff:0\u{2} and [x](b.md).\n";
        let doc = parse(md, "k", "");
        let (page, print) = to_html_and_print(&doc, &|_: &Task| None, "k");
        for html in [&page, &print] {
            assert!(html.contains("Text \u{1}ff:0\u{2} and"), "{html}");
        }
        assert!(page.contains(r##"<a href="b.html">x</a>"##), "{page}");
    }

    #[test]
    fn a_page_link_inside_an_image_description_stays_text() {
        let doc = parse("![see [the guide](guide.md) here](pic.png)\n", "k", "");
        let (page, print) = to_html_and_print(&doc, &|_: &Task| None, "k");
        for html in [&page, &print] {
            assert!(
                html.contains(r##"<img src="pic.png" alt="see the guide here" />"##),
                "{html}"
            );
        }
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
