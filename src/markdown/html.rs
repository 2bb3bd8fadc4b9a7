//! A page's annotated events as HTML: the site's page, and its chapter of the
//! print page (ids prefixed per chapter, links between chapters pointing at
//! sections), from one walk over the events.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::{Document, Task};

/// How a checklist item is shown: ticked (with the date it was done) or not,
/// due again, or a reference to an item defined elsewhere.
pub type TaskState<'s> = &'s dyn Fn(&Task) -> TaskLook;

/// What the workbook says about one checklist item where it is drawn.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskLook {
    /// The id the box carries when it is not the item's own (a reference's
    /// target once retired ids are followed).
    pub id: Option<String>,
    /// When it was done (YYYY-MM-DD), if it counts as done.
    pub done: Option<String>,
    /// A tick that fell due again: the date it was last done (YYYY-MM-DD) and
    /// the date after which a tick counts again (YYYY-MM-DD).
    pub due: Option<(String, String)>,
    /// Retired ids that count as this item (the browser's ticks under them).
    pub aliases: Vec<String>,
    /// For a reference: where the item is defined, as the page's link, the
    /// print page's link and the page's title.
    pub defined_at: Option<(String, String, String)>,
    /// For a tick that fell due again, the date it was last done in words.
    pub due_long: Option<String>,
    /// `done` in words.
    pub done_long: Option<String>,
    /// What the item's notes say, in the page's language.
    pub words: std::sync::Arc<TaskWords>,
}

/// The words a checklist item's notes say ("done", "due again, last done",
/// "also in"), in the page's language: made once per workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskWords {
    pub done: String,
    pub due_again: String,
    pub also_in: String,
}

impl Default for TaskWords {
    fn default() -> Self {
        TaskWords::of(&crate::language::Locale::default())
    }
}

impl TaskWords {
    pub fn of(locale: &crate::language::Locale) -> Self {
        TaskWords {
            done: locale.t("task-done"),
            due_again: locale.t("task-due-again"),
            also_in: locale.t("task-also-in"),
        }
    }
}

impl From<Option<String>> for TaskLook {
    /// Done on that date, or not done.
    fn from(done: Option<String>) -> TaskLook {
        TaskLook {
            done,
            ..TaskLook::default()
        }
    }
}

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
pub(crate) fn concat(parts: &[&str]) -> String {
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
    let mut open_task: Option<OpenTask> = None;
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
                    let mut look = done(task);
                    let id = escape_attr(look.id.as_deref().unwrap_or(&task.id));
                    let mut extra = String::new();
                    if !look.aliases.is_empty() {
                        extra.push_str("\" data-aliases=\"");
                        extra.push_str(&escape_attr(&look.aliases.join(" ")));
                    }
                    if let Some((_, fresh_after)) = &look.due {
                        extra.push_str("\" data-fresh-after=\"");
                        extra.push_str(&escape_attr(fresh_after));
                    }
                    // A reference draws the same box, without the anchor, which
                    // stays with the item where it is defined.
                    let mut html = if task.reference {
                        concat(&[
                            "<label class=\"task task-ref\"><input type=\"checkbox\" data-task=\"",
                            &id,
                            &extra,
                        ])
                    } else {
                        concat(&[
                            "<label class=\"task\" id=\"task-",
                            &id,
                            "\"><input type=\"checkbox\" data-task=\"",
                            &id,
                            &extra,
                        ])
                    };
                    html.push_str(if look.done.is_some() {
                        "\" checked> "
                    } else {
                        "\"> "
                    });
                    pending.push_back(Event::InlineHtml(CowStr::from(html)));
                    let defined_at = look.defined_at.take().map(|(page, print, title)| {
                        (slots.marker(escape_href(&page), escape_href(&print)), title)
                    });
                    open_task = Some((task, look, defined_at));
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
                // A link to another page, or to a heading of this one: written
                // here as the HTML writer would write it, with a marker for its
                // address, which differs on the print page (a chapter's
                // section there, a heading's id with the chapter's key before
                // it; other ids, a checklist item's `task-…` or one in raw
                // HTML, are the same there).
                Event::Start(Tag::Link {
                    dest_url, title, ..
                }) if in_image == 0 => {
                    let print = match print_links.get(&i) {
                        Some(print) => Cow::Borrowed(print.as_str()),
                        None => match dest_url.strip_prefix('#') {
                            Some(id) if doc.headings.iter().any(|h| h.id == id) => {
                                Cow::Owned(concat(&["#", page_key, "--", id]))
                            }
                            _ => return Some(event.clone()),
                        },
                    };
                    let href = slots.marker(escape_href(dest_url), escape_href(&print));
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

/// A checklist item whose label is open: the item, how it looks, and for a
/// reference the marker of its link and the title of the page it links to.
type OpenTask<'t> = (&'t Task, TaskLook, Option<(String, String)>);

fn close_task<'a>(events: &mut VecDeque<Event<'a>>, task: Option<OpenTask<'_>>) {
    let Some((_, look, defined_at)) = task else {
        return;
    };
    let words = &look.words;
    events.push_back(Event::InlineHtml(CowStr::Borrowed("</label>")));
    if let Some(date) = look.done {
        let long = look.done_long.unwrap_or_else(|| date.clone());
        events.push_back(Event::InlineHtml(CowStr::from(format!(
            " <span class=\"done-on\">{} <time datetime=\"{}\">{}</time></span>",
            escape_attr(&words.done),
            escape_attr(&date),
            escape_attr(&long)
        ))));
    }
    if let Some((last, _)) = look.due {
        let long = look.due_long.unwrap_or_else(|| last.clone());
        events.push_back(Event::InlineHtml(CowStr::from(format!(
            " <span class=\"due-again\">{} <time datetime=\"{}\">{}</time></span>",
            escape_attr(&words.due_again),
            escape_attr(&last),
            escape_attr(&long)
        ))));
    }
    if let Some((href, title)) = defined_at {
        events.push_back(Event::InlineHtml(CowStr::from(concat(&[
            " <span class=\"task-home\">",
            &escape_attr(&words.also_in),
            " <a href=\"",
            &href,
            "\">",
            &escape_attr(&title),
            "</a></span>",
        ]))));
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
