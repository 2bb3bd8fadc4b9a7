//! The book's shape: which pages exist, their addresses, titles and reading order,
//! and the table of contents built from them.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::content::{Content, SourcePage};

/// A page in reading order.
#[derive(Debug, Clone)]
pub struct PageSlot {
    /// Index into `Content::pages`.
    pub source: usize,
    /// Output path, e.g. `mentors/finding-mentors.html`.
    pub url: String,
    /// Folder relative to `content/` (`""` at the top).
    pub dir: String,
    /// A key unique to the page, used to prefix generated checklist ids.
    pub key: String,
    pub depth: usize,
}

/// One line of the table of contents.
#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct TocEntry {
    pub title: String,
    /// `None` for a part folder without an `index.md`.
    pub url: Option<String>,
    pub level: usize,
    pub part: bool,
}

enum Item {
    Page(usize),
    Folder(String),
}

/// Folder → its items with their sort key (order, file name).
type Children = BTreeMap<String, Vec<((i64, String), Item)>>;

/// Order the pages: the book's `index.md` first, then each folder's items by
/// `order` then file name, a part's `index.md` before its chapters.
pub fn reading_order(content: &Content) -> Vec<PageSlot> {
    let mut children: Children = BTreeMap::new();
    let mut index_of: BTreeMap<String, usize> = BTreeMap::new();
    for (i, page) in content.pages.iter().enumerate() {
        let (dir, name) = split_dir(&page.rel);
        if name == "index.md" {
            index_of.insert(dir.to_string(), i);
        } else {
            let key = (page.front.order.unwrap_or(i64::MAX), name.to_string());
            children
                .entry(dir.to_string())
                .or_default()
                .push((key, Item::Page(i)));
        }
    }
    for folder in content.folders.keys() {
        let (parent, name) = split_dir(folder);
        let order = index_of
            .get(folder)
            .and_then(|&i| content.pages[i].front.order)
            .unwrap_or(i64::MAX);
        children
            .entry(parent.to_string())
            .or_default()
            .push(((order, name.to_string()), Item::Folder(folder.clone())));
    }
    for items in children.values_mut() {
        items.sort_by(|a, b| a.0.cmp(&b.0));
    }

    fn walk(
        dir: &str,
        depth: usize,
        content: &Content,
        children: &Children,
        index_of: &BTreeMap<String, usize>,
        out: &mut Vec<PageSlot>,
    ) {
        if let Some(&i) = index_of.get(dir) {
            out.push(slot(i, &content.pages[i], depth.saturating_sub(1)));
        }
        for (_, item) in children.get(dir).into_iter().flatten() {
            match item {
                Item::Page(i) => out.push(slot(*i, &content.pages[*i], depth)),
                Item::Folder(f) => walk(f, depth + 1, content, children, index_of, out),
            }
        }
    }
    let mut out = Vec::with_capacity(content.pages.len());
    walk("", 0, content, &children, &index_of, &mut out);
    out
}

fn slot(i: usize, page: &SourcePage, depth: usize) -> PageSlot {
    let stem = page.rel.strip_suffix(".md").unwrap_or(&page.rel);
    let (dir, _) = split_dir(&page.rel);
    PageSlot {
        source: i,
        url: format!("{stem}.html"),
        dir: dir.to_string(),
        key: stem.replace('/', "-"),
        depth,
    }
}

/// A page's title when its front matter gives none: its file's name, or its
/// folder's for a part's `index.md`, made readable.
pub fn default_title(rel: &str) -> String {
    let (dir, name) = split_dir(rel);
    humanise(if name == "index.md" && !dir.is_empty() {
        split_dir(dir).1
    } else {
        name
    })
}

/// A page careerbook writes from the data rather than from a Markdown file (the
/// relationship tracker, the progress page): it has a place in the contents.
pub struct GeneratedPage {
    pub title: String,
    pub url: &'static str,
    /// The theme template that writes it.
    pub template: &'static str,
}

/// `a/b/c.md` → (`a/b`, `c.md`); `c.md` → (``, `c.md`).
pub fn split_dir(rel: &str) -> (&str, &str) {
    rel.rsplit_once('/').unwrap_or(("", rel))
}

/// A title from a file or folder name: `finding-mentors` → `Finding mentors`.
pub fn humanise(name: &str) -> String {
    let name = name
        .strip_suffix(".md")
        .unwrap_or(name)
        .replace(['-', '_'], " ");
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What Previous and Next follow: the pages in the order the contents list
/// them, so the generated pages (the tracker, progress, the brief) sit between
/// the home page and the first chapter, as in the sidebar.
pub struct Pager<'t> {
    pages: Vec<PageRef<'t>>,
    at: std::collections::HashMap<&'t str, usize>,
}

/// A page the pager links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRef<'t> {
    pub title: &'t str,
    /// From the site's root.
    pub url: &'t str,
}

impl<'t> Pager<'t> {
    pub fn new(toc: &'t [TocEntry]) -> Self {
        let pages: Vec<PageRef> = toc
            .iter()
            .filter_map(|e| {
                Some(PageRef {
                    title: &e.title,
                    url: e.url.as_deref()?,
                })
            })
            .collect();
        let at = pages.iter().enumerate().map(|(i, p)| (p.url, i)).collect();
        Pager { pages, at }
    }

    /// The pages before and after the one at `url`.
    pub fn around(&self, url: &str) -> (Option<PageRef<'t>>, Option<PageRef<'t>>) {
        match self.at.get(url) {
            Some(&i) => (
                i.checked_sub(1).map(|j| self.pages[j]),
                self.pages.get(i + 1).copied(),
            ),
            None => (None, None),
        }
    }
}

/// The table of contents, shared by every page (written once, not into each page).
/// Generated pages (the tracker, progress) follow the home page.
pub fn toc(
    content: &Content,
    order: &[PageSlot],
    titles: &[String],
    generated: &[GeneratedPage],
) -> Vec<TocEntry> {
    let mut out = Vec::with_capacity(order.len() + generated.len());
    let generated_entries = generated.iter().map(|g| TocEntry {
        title: g.title.to_string(),
        url: Some(g.url.to_string()),
        level: 0,
        part: false,
    });
    if order.first().is_none_or(|s| s.url != "index.html") {
        out.extend(generated_entries.clone());
    }
    let mut seen_parts = std::collections::BTreeSet::new();
    for (slot, title) in order.iter().zip(titles) {
        let page = &content.pages[slot.source];
        let (dir, name) = split_dir(&page.rel);
        // Parts without their own index.md still get a heading line.
        if !dir.is_empty() && seen_parts.insert(dir.to_string()) && name != "index.md" {
            let depth = dir.matches('/').count();
            out.push(TocEntry {
                title: humanise(split_dir(dir).1),
                url: None,
                level: depth,
                part: true,
            });
        }
        out.push(TocEntry {
            title: title.clone(),
            url: Some(slot.url.clone()),
            level: slot.depth,
            part: name == "index.md" && !dir.is_empty(),
        });
        if slot.url == "index.html" {
            out.extend(generated_entries.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::content::FrontMatter;
    use std::path::PathBuf;

    fn page(rel: &str, order: Option<i64>) -> SourcePage {
        SourcePage {
            file: PathBuf::from(format!("content/{rel}")),
            rel: rel.into(),
            front: FrontMatter {
                order,
                ..Default::default()
            },
            body: String::new(),
            body_line: 1,
            untranslated: false,
        }
    }

    #[test]
    fn orders_by_order_then_name_with_parts() {
        let mut content = Content {
            pages: vec![
                page("zeta.md", Some(1)),
                page("alpha.md", None),
                page("index.md", None),
                page("part/index.md", Some(2)),
                page("part/b.md", None),
                page("part/a.md", None),
                page("beta.md", None),
            ],
            ..Default::default()
        };
        content.folders.insert("part".into(), ());
        let order = reading_order(&content);
        let urls: Vec<_> = order.iter().map(|s| s.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "index.html",
                "zeta.html",
                "part/index.html",
                "part/a.html",
                "part/b.html",
                "alpha.html",
                "beta.html"
            ]
        );
        assert_eq!(order[3].depth, 1);
        assert_eq!(order[2].depth, 0);
        assert_eq!(order[3].key, "part-a");
    }

    #[test]
    fn humanises_names() {
        assert_eq!(humanise("finding-mentors.md"), "Finding mentors");
    }
}
