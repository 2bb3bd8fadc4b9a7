//! What a workbook's pages must get right: links reach a page and a heading on
//! it, checklist ids are unique, message templates list their placeholders.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::PageBody;
use crate::book::PageSlot;
use crate::diagnostics::{Diagnostic, Diagnostics, suggest};
use crate::load::Project;
use crate::load::content::{MessageMeta, SourcePage};
use crate::markdown::Task;
use crate::model::message;

/// Links must reach a page, and a heading on it. Pages are checked in
/// parallel; the problems come back in reading order.
pub(super) fn links(project: &Project, order: &[PageSlot], bodies: &[PageBody]) -> Vec<Diagnostic> {
    let pages = &project.content.pages;
    let anchors: FxHashMap<&str, FxHashSet<&str>> = order
        .iter()
        .zip(bodies)
        .map(|(slot, r)| {
            (
                pages[slot.source].rel.as_str(),
                r.headings.iter().map(|h| h.id.as_str()).collect(),
            )
        })
        .collect();
    let per_page: Vec<Vec<Diagnostic>> = order
        .par_iter()
        .zip(bodies)
        .map(|(slot, r)| {
            let file = &pages[slot.source].file;
            let mut problems = Vec::new();
            for link in &r.links {
                match anchors.get(link.target.as_str()) {
                    None => problems.push(
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
                            problems.push(
                                Diagnostic::warning(
                                    "link",
                                    format!("`{}` has no heading `#{f}`", link.target),
                                )
                                .in_file(file)
                                .at(link.line, link.column)
                                .help(match suggest(f, ids.iter().copied()) {
                                    Some(s) => format!("did you mean `#{s}`?"),
                                    None => {
                                        "link to one of the page's headings, or drop the `#…` part"
                                            .into()
                                    }
                                }),
                            );
                        }
                    }
                }
            }
            problems
        })
        .collect();
    per_page.into_iter().flatten().collect()
}

/// Checklist ids must be unique across the book.
pub(super) fn task_ids(
    project: &Project,
    order: &[PageSlot],
    tasks: &[Vec<Task>],
    diags: &mut Diagnostics,
) {
    let pages = &project.content.pages;
    let mut seen: FxHashMap<&str, (&std::path::Path, usize)> = FxHashMap::default();
    seen.reserve(tasks.iter().map(Vec::len).sum());
    for (slot, page_tasks) in order.iter().zip(tasks) {
        let file = &pages[slot.source].file;
        for t in page_tasks {
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

/// A message template's `placeholders:` must list exactly what its text uses.
pub(super) fn placeholders(page: &SourcePage, meta: &MessageMeta, diags: &mut Diagnostics) {
    let mut used = message::placeholders(&page.body);
    if let Some(subject) = &meta.subject {
        for p in message::placeholders(subject) {
            if !used.contains(&p) {
                used.push(p);
            }
        }
    }
    let undeclared: Vec<&str> = used
        .iter()
        .filter(|u| !meta.placeholders.contains(u))
        .map(String::as_str)
        .collect();
    let unused: Vec<&str> = meta
        .placeholders
        .iter()
        .filter(|d| !used.contains(d))
        .map(String::as_str)
        .collect();
    if !undeclared.is_empty() {
        diags.push(
            Diagnostic::warning(
                "message",
                format!("the template uses placeholders it does not list: {}", undeclared.join(", ")),
            )
            .in_file(&page.file)
            .at(2, 1)
            .help("add them to `placeholders:` in the front matter, so editors and checks know what the template needs"),
        );
    }
    if !unused.is_empty() {
        diags.push(
            Diagnostic::warning(
                "message",
                format!(
                    "`placeholders:` lists names the template never uses: {}",
                    unused.join(", ")
                ),
            )
            .in_file(&page.file)
            .at(2, 1)
            .help("remove them from `placeholders:`, or use them as `{name}` in the text"),
        );
    }
}
