//! Markdown events → Typst markup.
//!
//! Walks the same annotated event stream as [`crate::markdown::to_html`]
//! (headings with their ids, checklist items with theirs), so the printed workbook
//! and the site never disagree about content. Everything from the page is emitted
//! either as escaped text or as an argument of a Typst function call with a
//! string literal, so no text can be read as Typst code: `#sys.exit()`, `$x$`,
//! `<label>` and `@ref` come out as the characters they are.
//!
//! The markup calls a small set of functions the theme's `print/components.typ`
//! defines (imported as `cb`): `chapter`, `task`, `checklist`, `blank`, `xref`,
//! `image`, `missing-image`, `message-meta` and `rule`. Everything else is plain
//! Typst (`heading`, `list`, `enum`, `table`, `emph`, `raw`, `footnote`, …), so
//! a theme restyles it with ordinary set and show rules.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, LinkType, Tag, TagEnd};

use crate::markdown::{Document, LinkDest, Task, classify_link, plain_text, resolve};
use crate::model::message::is_placeholder_name;

/// What the converter needs to know about the whole book: which pages and
/// headings exist (for internal links), which checklist items are done, which
/// images can be shown.
#[derive(Debug, Default)]
pub struct Book {
    /// Content path (`mentors/finding-mentors.md`) → page key and heading ids.
    pub pages: HashMap<String, PageTargets>,
    /// Checklist id → the date it was done. Empty in blank mode.
    pub done: HashMap<String, String>,
    /// Checklist id → the date a tick that fell due again was last done, in
    /// words in the document's language. Empty in blank mode.
    pub due: HashMap<String, String>,
    /// Retired checklist ids → the ids that replaced them.
    pub aliases: std::collections::BTreeMap<String, String>,
    /// Checklist id → the key and title of the page that defines the item
    /// (where a reference `{=id}` points).
    pub homes: HashMap<String, (String, String)>,
    /// Content assets (`mentors/picture.png`) an image may show.
    pub images: HashSet<String>,
}

#[derive(Debug, Default, Clone)]
pub struct PageTargets {
    pub key: String,
    pub ids: HashSet<String>,
}

/// One page of the book, as the converter sees it.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// Content path, e.g. `mentors/finding-mentors.md`.
    pub rel: &'a str,
    /// Folder of the page relative to `content/` (`""` at the top).
    pub dir: &'a str,
    /// The page key (`mentors-finding-mentors`), unique in the book.
    pub key: &'a str,
    /// Depth in the book: 0 for top-level pages and part introductions.
    pub depth: usize,
    /// The folder's `index.md`: a part of the book.
    pub part: bool,
    /// Title from front matter or file name, used when the body has no `# h1`.
    pub title: &'a str,
    pub description: Option<&'a str>,
    /// A message template: `{placeholder}`s become visible blanks.
    pub message: Option<MessageInfo<'a>>,
}

#[derive(Debug, Clone)]
pub struct MessageInfo<'a> {
    pub channel: String,
    pub role: String,
    pub stages: Vec<String>,
    pub subject: Option<&'a str>,
}

/// The label of a page (`heading: None`) or of one of its headings.
pub fn label_name(key: &str, heading: Option<&str>) -> String {
    let mut s = String::from("cb:");
    encode_label(key, &mut s);
    if let Some(h) = heading {
        s.push(':');
        encode_label(h, &mut s);
    }
    s
}

/// Label text that is unambiguous whatever the id holds: letters, digits and `-`
/// as they are, anything else as `_hex_`.
fn encode_label(raw: &str, out: &mut String) {
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else {
            let _ = write!(out, "_{:x}_", c as u32);
        }
    }
}

/// A Typst string literal holding `s` exactly.
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Escape text for Typst markup: every ASCII punctuation character is written
/// with a backslash (Typst reads `\` + any character as that character), so no
/// markup, shorthand, comment, label or code can start inside it. Line breaks
/// become spaces, as in a Markdown paragraph.
pub fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Text with `{placeholder}`s shown as blanks (`#cb.blank("name")`).
pub fn escape_with_blanks(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_placeholder_name(&after[..close]) => {
                escape_text(&rest[..open], out);
                let _ = write!(out, "#cb.blank({})", string_literal(&after[..close]));
                rest = &after[close + 1..];
            }
            _ => {
                escape_text(&rest[..=open], out);
                rest = after;
            }
        }
    }
    escape_text(rest, out);
}

/// The markup of one page: its chapter heading, then its body.
pub fn page_markup(doc: &Document<'_>, page: &Page<'_>, book: &Book) -> String {
    let mut conv = Converter {
        page,
        book,
        out: String::with_capacity(doc.events.len() * 24),
        tasks: doc.tasks.iter(),
        open_task: false,
        task_suffix: String::new(),
        lists: Vec::new(),
        footnotes: HashMap::new(),
        footnotes_used: HashSet::new(),
        title_h1: None,
        heading_id: None,
        in_code_block: None,
        skip_depth: 0,
    };
    // The body's first `# h1` is the chapter's title (as on the site, where it
    // replaces the page title); the rest of the body follows the chapter heading.
    let first_h1 = doc.events.iter().position(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: pulldown_cmark::HeadingLevel::H1,
                ..
            })
        )
    });
    let events = conv.collect_footnotes(&doc.events);
    let title = match first_h1 {
        Some(start) => {
            let end = start
                + doc.events[start..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                    .unwrap_or(0);
            conv.title_h1 = Some((start, end));
            let mut inner = Converter::nested(&conv);
            inner.walk(&doc.events[start + 1..end]);
            inner.out
        }
        None => {
            let mut s = String::new();
            escape_text(page.title, &mut s);
            s
        }
    };

    let mut head = String::with_capacity(256);
    head.push_str("#import \"/components.typ\" as cb\n\n");
    let _ = write!(
        head,
        "#cb.chapter(level: {}, kind: {}, label: {}, title: [{}]",
        page.depth + 1,
        if page.part { "\"part\"" } else { "\"chapter\"" },
        string_literal(&label_name(page.key, None)),
        title.trim()
    );
    if let Some(d) = page.description {
        head.push_str(", description: [");
        escape_text(d, &mut head);
        head.push(']');
    }
    head.push_str(")\n\n");
    if let Some(m) = &page.message {
        let _ = write!(
            head,
            "#cb.message-meta(channel: {}, role: {}, stages: ({}), subject: ",
            string_literal(&m.channel),
            string_literal(&m.role),
            m.stages
                .iter()
                .map(|s| string_literal(s) + ",")
                .collect::<String>()
        );
        match &m.subject {
            Some(s) => {
                head.push('[');
                escape_with_blanks(s, &mut head);
                head.push(']');
            }
            None => head.push_str("none"),
        }
        head.push_str(")\n\n");
    }
    conv.out.push_str(&head);
    conv.walk_indexed(&events);
    conv.out
}

struct Converter<'p, 'd> {
    page: &'p Page<'p>,
    book: &'p Book,
    out: String,
    tasks: std::slice::Iter<'d, Task>,
    /// A `#cb.task(...)[` is open and waits for the end of the item's own text.
    open_task: bool,
    /// What goes after the open item's text: a due-again note, a reference's
    /// link to where the item is defined.
    task_suffix: String,
    /// For each open list: whether it is a checklist.
    lists: Vec<bool>,
    /// Footnote name → its text as markup.
    footnotes: HashMap<String, String>,
    footnotes_used: HashSet<String>,
    /// Event range of the body's first `# h1`, which became the title.
    title_h1: Option<(usize, usize)>,
    /// The id of the heading being written (the same one the site uses).
    heading_id: Option<String>,
    /// Collecting a code block: its language and text so far.
    in_code_block: Option<(String, String)>,
    /// Inside something we drop (raw HTML blocks, image alt text).
    skip_depth: usize,
}

impl<'p, 'd> Converter<'p, 'd> {
    /// A converter for a fragment (a footnote, a title), sharing the book.
    fn nested(parent: &Converter<'p, 'd>) -> Converter<'p, 'd> {
        Converter {
            page: parent.page,
            book: parent.book,
            out: String::new(),
            tasks: [].iter(),
            open_task: false,
            task_suffix: String::new(),
            lists: Vec::new(),
            footnotes: HashMap::new(),
            footnotes_used: HashSet::new(),
            title_h1: None,
            heading_id: None,
            in_code_block: None,
            skip_depth: 0,
        }
    }

    /// Take footnote definitions out of the stream, converted on their own, and
    /// return the remaining events with their original indices.
    fn collect_footnotes<'e>(&mut self, events: &'e [Event<'e>]) -> Vec<(usize, &'e Event<'e>)> {
        let mut rest = Vec::with_capacity(events.len());
        let mut i = 0;
        while i < events.len() {
            if let Event::Start(Tag::FootnoteDefinition(name)) = &events[i] {
                let mut depth = 0;
                let mut j = i + 1;
                while j < events.len() {
                    match &events[j] {
                        Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                        Event::End(TagEnd::FootnoteDefinition) if depth == 0 => break,
                        Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                let mut inner = Converter::nested(self);
                inner.walk(&events[i + 1..j.min(events.len())]);
                self.footnotes
                    .entry(name.to_string())
                    .or_insert_with(|| inner.out.trim().to_string());
                i = j + 1;
                continue;
            }
            rest.push((i, &events[i]));
            i += 1;
        }
        rest
    }

    fn walk(&mut self, events: &[Event<'_>]) {
        let indexed: Vec<(usize, &Event<'_>)> = events.iter().enumerate().collect();
        self.walk_indexed(&indexed);
    }

    fn walk_indexed(&mut self, events: &[(usize, &Event<'_>)]) {
        let mut k = 0;
        while k < events.len() {
            let (i, event) = events[k];
            if let Some((start, end)) = self.title_h1
                && (start..=end).contains(&i)
            {
                k += 1;
                continue;
            }
            if let Event::Start(Tag::Image { dest_url, .. }) = event {
                // The image's description is the text inside it.
                let mut depth = 0usize;
                let mut inner = Vec::new();
                k += 1;
                while k < events.len() {
                    match events[k].1 {
                        Event::Start(Tag::Image { .. }) => depth += 1,
                        Event::End(TagEnd::Image) if depth == 0 => break,
                        Event::End(TagEnd::Image) => depth -= 1,
                        e => inner.push(e.clone()),
                    }
                    k += 1;
                }
                self.image(dest_url, &plain_text(&inner));
                k += 1;
                continue;
            }
            if let Event::Start(Tag::List(first)) = event {
                let (checklist, tight) = list_shape(&events[k..]);
                self.close_task();
                self.start_list(*first, checklist, tight);
                k += 1;
                continue;
            }
            self.event(event);
            k += 1;
        }
        self.close_task();
    }

    fn start_list(&mut self, first: Option<u64>, checklist: bool, tight: bool) {
        let tight = if tight { "true" } else { "false" };
        if checklist {
            let _ = write!(self.out, "#cb.checklist(tight: {tight}, ");
        } else if let Some(n) = first {
            let _ = write!(self.out, "#enum(start: {n}, tight: {tight}, ");
        } else {
            let _ = write!(self.out, "#list(tight: {tight}, ");
        }
        self.lists.push(checklist);
    }

    fn close_task(&mut self) {
        if self.open_task {
            self.out.push_str(&self.task_suffix);
            self.task_suffix.clear();
            self.out.push(']');
            self.open_task = false;
        }
    }

    fn event(&mut self, event: &Event<'_>) {
        if let Some((_, code)) = &mut self.in_code_block {
            match event {
                Event::Text(t) => code.push_str(t),
                Event::End(TagEnd::CodeBlock) => {
                    let (lang, code) = self.in_code_block.take().expect("checked");
                    let code = code.strip_suffix('\n').unwrap_or(&code);
                    self.out.push_str("#raw(block: true, ");
                    if !lang.is_empty() {
                        let _ = write!(self.out, "lang: {}, ", string_literal(&lang));
                    }
                    let _ = write!(self.out, "{})\n\n", string_literal(code));
                }
                _ => {}
            }
            return;
        }
        if self.skip_depth > 0 {
            match event {
                Event::Start(Tag::HtmlBlock | Tag::Image { .. }) => self.skip_depth += 1,
                Event::End(TagEnd::HtmlBlock | TagEnd::Image) => self.skip_depth -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) => {
                if self.page.message.is_some() {
                    escape_with_blanks(t, &mut self.out);
                } else {
                    escape_text(t, &mut self.out);
                }
            }
            Event::Code(t) | Event::InlineMath(t) => {
                let _ = write!(self.out, "#raw({})", string_literal(t));
            }
            Event::DisplayMath(t) => {
                let _ = write!(self.out, "#raw(block: true, {})\n\n", string_literal(t));
            }
            // Raw HTML has no meaning on paper; the text between inline tags stays.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::FootnoteReference(name) => self.footnote_ref(name),
            Event::SoftBreak => self.out.push(' '),
            Event::HardBreak => self.out.push_str("#linebreak()"),
            Event::Rule => self.out.push_str("#cb.rule()\n\n"),
            Event::TaskListMarker(_) => {
                let Some(task) = self.tasks.next() else {
                    return;
                };
                // A reference (`{=id}`) is the item it names: the same box.
                let id = crate::model::progress::follow(&self.book.aliases, &task.id);
                let date = self.book.done.get(id);
                let _ = write!(
                    self.out,
                    "#cb.task(id: {}, done: {}, date: {})[",
                    string_literal(id),
                    date.is_some(),
                    date.map_or_else(|| "none".to_string(), |d| string_literal(d)),
                );
                if let Some(long) = self.book.due.get(id) {
                    let _ = write!(self.task_suffix, "#cb.due-again({})", string_literal(long));
                }
                if task.reference
                    && let Some((key, title)) = self.book.homes.get(id)
                {
                    let mut text = String::new();
                    escape_text(title, &mut text);
                    let _ = write!(
                        self.task_suffix,
                        "#cb.task-home(label({}))[{text}]",
                        string_literal(&label_name(key, None))
                    );
                }
                self.open_task = true;
            }
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, id, .. } => {
                self.close_task();
                // `##` is depth 2 within its chapter; the offset places it in the
                // book (level 2 in a top-level chapter, 3 in a part's chapter), so
                // a theme styles sections by depth and bookmarks nest. A stray
                // `# h1` counts as `##`.
                let depth = (*level as usize).max(2);
                self.heading_id = id.as_deref().map(str::to_string);
                let _ = write!(
                    self.out,
                    "#heading(depth: {depth}, offset: {})[",
                    self.page.depth
                );
            }
            Tag::BlockQuote(_) => self.out.push_str("#quote(block: true)["),
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split([' ', ',', '{'])
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.in_code_block = Some((lang, String::new()));
            }
            Tag::HtmlBlock => self.skip_depth = 1,
            Tag::List(first) => {
                // Lists reached here are nested in a fragment walked without
                // look-ahead (footnotes, titles): plain lists.
                self.start_list(*first, false, true);
            }
            Tag::Item => self.out.push('['),
            Tag::FootnoteDefinition(_) => {}
            Tag::Table(aligns) => {
                let aligns: Vec<&str> = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::None | Alignment::Left => "left",
                        Alignment::Center => "center",
                        Alignment::Right => "right",
                    })
                    .collect();
                let _ = write!(
                    self.out,
                    "#table(columns: {}, align: ({},), ",
                    aligns.len().max(1),
                    aligns.join(", ")
                );
            }
            Tag::TableHead => self.out.push_str("table.header("),
            Tag::TableRow => {}
            Tag::TableCell => self.out.push('['),
            Tag::Emphasis => self.out.push_str("#emph["),
            Tag::Strong => self.out.push_str("#strong["),
            Tag::Strikethrough => self.out.push_str("#strike["),
            Tag::Superscript => self.out.push_str("#super["),
            Tag::Subscript => self.out.push_str("#sub["),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.link(*link_type, dest_url),
            // Handled with look-ahead in `walk_indexed`.
            Tag::Image { .. } => self.skip_depth = 1,
            Tag::MetadataBlock(_) => self.skip_depth = 1,
            // Not enabled for pages; kept readable should it ever be.
            Tag::DefinitionList => {}
            Tag::DefinitionListTitle => self.out.push_str("#strong["),
            Tag::DefinitionListDefinition => self.out.push_str("#pad(left: 1.5em)["),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                self.close_task();
                self.out.push_str("\n\n");
            }
            TagEnd::Heading(_) => {
                // The heading's id: the same one the site uses.
                let id = self.heading_id.take();
                self.out.push(']');
                if let Some(id) = id {
                    let _ = write!(
                        self.out,
                        "#label({})",
                        string_literal(&label_name(self.page.key, Some(&id)))
                    );
                }
                self.out.push_str("\n\n");
            }
            TagEnd::BlockQuote(_) => self.out.push_str("]\n\n"),
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image | TagEnd::MetadataBlock(_) => {}
            TagEnd::List(_) => {
                self.close_task();
                self.lists.pop();
                self.out.push_str(")\n\n");
            }
            TagEnd::Item => {
                self.close_task();
                // Trailing paragraph breaks inside an item would loosen the list.
                let trimmed = self.out.trim_end().len();
                self.out.truncate(trimmed);
                self.out.push_str("], ");
            }
            TagEnd::FootnoteDefinition => {}
            TagEnd::Table => self.out.push_str(")\n\n"),
            TagEnd::TableHead => self.out.push_str("), "),
            TagEnd::TableRow => {}
            TagEnd::TableCell => self.out.push_str("], "),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => self.out.push(']'),
            TagEnd::DefinitionList => {}
            TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition => {
                self.out.push_str("]\n\n")
            }
        }
    }

    /// A link: to another page (or a heading on it) as an internal reference the
    /// theme can give a page number; to the web as a link; to anything else (a
    /// page that does not exist, a file) as its text only.
    fn link(&mut self, link_type: LinkType, dest: &str) {
        if matches!(link_type, LinkType::Email) {
            let _ = write!(
                self.out,
                "#link({})[",
                string_literal(&format!("mailto:{dest}"))
            );
            return;
        }
        if let Some(label) = self.internal_target(dest) {
            let _ = write!(self.out, "#cb.xref(label({}))[", string_literal(&label));
            return;
        }
        // The same rule as the site: only web and e-mail addresses are links.
        if classify_link(dest, self.page.dir) == LinkDest::External {
            let _ = write!(self.out, "#link({})[", string_literal(dest));
        } else {
            self.out.push_str("#[");
        }
    }

    /// `other.html#frag` (the markdown layer rewrote `.md` links to the site's
    /// `.html`) or `other.md#frag`, relative to this page → the label of that
    /// page or heading.
    fn internal_target(&self, dest: &str) -> Option<String> {
        if dest.contains(':') || dest.starts_with('/') {
            return None;
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let target = if path.is_empty() {
            // `#heading` on this very page.
            self.page.rel.to_string()
        } else {
            // Links inside checklist items reach us as written (`.md`).
            let stem = path
                .strip_suffix(".html")
                .or_else(|| path.strip_suffix(".md"))?;
            let rel = resolve(self.page.dir, stem)?;
            format!("{rel}.md")
        };
        let page = self.book.pages.get(&target)?;
        Some(match fragment {
            Some(f) if page.ids.contains(f) => label_name(&page.key, Some(f)),
            _ => label_name(&page.key, None),
        })
    }

    /// An image from `content/`, relative to the page; anything else (a web
    /// address, a missing file) becomes a note with its description.
    fn image(&mut self, dest: &str, alt: &str) {
        let path = (!dest.contains(':') && !dest.starts_with('/'))
            .then(|| resolve(self.page.dir, dest.split(['#', '?']).next().unwrap_or("")))
            .flatten()
            .filter(|p| self.book.images.contains(p));
        match path {
            Some(p) => {
                let _ = write!(
                    self.out,
                    "#cb.image({}, alt: {})",
                    string_literal(&format!("/content/{p}")),
                    string_literal(alt)
                );
            }
            None => {
                let _ = write!(
                    self.out,
                    "#cb.missing-image({}, alt: {})",
                    string_literal(dest),
                    string_literal(alt)
                );
            }
        }
    }

    fn footnote_ref(&mut self, name: &str) {
        let label = format!("cb-fn:{}:{}", self.page.key, name);
        if self.footnotes_used.contains(name) {
            let _ = write!(self.out, "#footnote(label({}))", string_literal(&label));
            return;
        }
        let text = self.footnotes.get(name).cloned().unwrap_or_default();
        self.footnotes_used.insert(name.to_string());
        let _ = write!(
            self.out,
            "#footnote[{text}]#label({})",
            string_literal(&label)
        );
    }
}

/// For the list starting at `events[0]`: whether every item is a checklist item,
/// and whether it is tight (no item holds paragraphs).
fn list_shape(events: &[(usize, &Event<'_>)]) -> (bool, bool) {
    let mut depth = 0usize;
    let mut items = 0usize;
    let mut tasks = 0usize;
    let mut tight = true;
    let mut item_start = false;
    for (_, e) in events {
        match e {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Event::Start(Tag::Item) if depth == 1 => {
                items += 1;
                item_start = true;
                continue;
            }
            Event::Start(Tag::Paragraph) if depth == 1 => {
                tight = false;
                continue;
            }
            Event::TaskListMarker(_) if depth == 1 && item_start => tasks += 1,
            _ => {}
        }
        item_start = false;
    }
    (items > 0 && tasks == items, tight)
}
