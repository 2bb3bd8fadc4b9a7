//! What a workbook's pages must get right: links reach a page and a heading on
//! it, checklist ids are unique, message templates list their placeholders.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::PageBody;
use crate::book::PageSlot;
use crate::diagnostics::{Diagnostic, Diagnostics, suggest};
use crate::load::Project;
use crate::load::content::{MessageMeta, SourcePage, front_position};
use crate::markdown::Task;
use crate::model::message;
use crate::model::progress::follow;
use std::collections::BTreeMap;

/// A page's path without its `.md`.
fn stem(page: &str) -> &str {
    page.strip_suffix(".md").unwrap_or(page)
}

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
                    // A built-in page's link to a page the book excludes is
                    // shown as its text, as the user asked by excluding it; a
                    // link the user wrote is theirs to change.
                    None if project.content.excluded.contains(&link.target) => {
                        if !file.starts_with(crate::load::base::PREFIX) {
                            problems.push(
                                Diagnostic::warning(
                                    "link",
                                    format!(
                                        "the link points to `{}`, which `[content] exclude` leaves out; it is shown as plain text",
                                        link.target
                                    ),
                                )
                                .in_file(file)
                                .at(link.line, link.column)
                                .help("change or remove the link, or stop excluding the page it points to"),
                            );
                        }
                    }
                    None => problems.push(
                        Diagnostic::warning(
                            "link",
                            format!("the link points to `{}`, which is not a page", link.target),
                        )
                        .in_file(file)
                        .at(link.line, link.column)
                        // Compared without `.md`, which every page has.
                        .help(match suggest(
                            stem(&link.target),
                            anchors.keys().map(|page| stem(page)),
                        ) {
                            Some(s) => format!("did you mean the page `{s}.md`?"),
                            None => "link to a page of the book (its .md file, relative to this page); \
                                     `careerbook eject --list` lists the built-in ones"
                                .into(),
                        }),
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

/// Checklist ids must be unique across the book, and a reference (`{=id}`)
/// must name an item that some page defines (or a retired id of one).
pub(super) fn task_ids(
    project: &Project,
    order: &[PageSlot],
    tasks: &[Vec<Task>],
    aliases: &BTreeMap<String, String>,
    diags: &mut Diagnostics,
) {
    let pages = &project.content.pages;
    let mut seen: FxHashMap<&str, (&std::path::Path, usize)> = FxHashMap::default();
    seen.reserve(tasks.iter().map(Vec::len).sum());
    for (slot, page_tasks) in order.iter().zip(tasks) {
        let file = &pages[slot.source].file;
        for t in page_tasks.iter().filter(|t| !t.reference) {
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
    for (slot, page_tasks) in order.iter().zip(tasks) {
        let file = &pages[slot.source].file;
        for t in page_tasks.iter().filter(|t| t.reference) {
            let target = follow(aliases, &t.id);
            if seen.contains_key(target) {
                continue;
            }
            let help = match suggest(&t.id, seen.keys().copied()) {
                Some(best) => format!("did you mean `{{={best}}}`?"),
                None => "write `{=id}` with the id of an item defined on another page (its `#task-…` link), or `{#id}` to make this item one of its own".to_string(),
            };
            diags.push(
                Diagnostic::error(
                    "checklist",
                    format!(
                        "`{{={}}}` refers to a checklist item that no page defines",
                        t.id
                    ),
                )
                .in_file(file)
                .at(t.line, t.column)
                .help(help),
            );
        }
    }
}

/// A page's `aliases:` retire ids in favour of items of that page: each old id
/// is no item's id any more (and retired once), and each new id is an item
/// the page defines.
pub(super) fn aliases(
    project: &Project,
    order: &[PageSlot],
    tasks: &[Vec<Task>],
    diags: &mut Diagnostics,
) {
    let pages = &project.content.pages;
    let defined: FxHashSet<&str> = tasks
        .iter()
        .flatten()
        .filter(|t| !t.reference)
        .map(|t| t.id.as_str())
        .collect();
    let mut retired: FxHashMap<&str, &std::path::Path> = FxHashMap::default();
    for (slot, page_tasks) in order.iter().zip(tasks) {
        let page = &pages[slot.source];
        let Some(aliases) = &page.front.aliases else {
            continue;
        };
        let own: Vec<&str> = page_tasks
            .iter()
            .filter(|t| !t.reference)
            .map(|t| t.id.as_str())
            .collect();
        for (old, new) in aliases {
            let (line, column) = front_position(new);
            let at = |d: Diagnostic| d.in_file(&page.file).at(line, column);
            if !crate::model::is_valid_id(old) {
                diags.push(
                    at(Diagnostic::error(
                        crate::load::content::FRONT_MATTER,
                        format!("`{old}` in `aliases:` is not a checklist id"),
                    ))
                    .help("write the retired id as it was: lower-case letters, digits and `-`"),
                );
            } else if defined.contains(old.as_str()) {
                diags.push(
                    at(Diagnostic::error(
                        crate::load::content::FRONT_MATTER,
                        format!("`{old}` is retired in `aliases:` but an item still has that id"),
                    ))
                    .help(format!(
                        "turn that item into a reference, `{{={}}}`, or remove `{old}` from `aliases:`",
                        new.value
                    )),
                );
            } else if let Some(other) = retired.insert(old, &page.file) {
                diags.push(
                    at(Diagnostic::error(
                        crate::load::content::FRONT_MATTER,
                        format!(
                            "`{old}` is already retired in `aliases:` of {}",
                            other.display()
                        ),
                    ))
                    .help("retire an id once, on the page of the item that replaced it"),
                );
            }
            if !own.contains(&new.value.as_str()) {
                let help = match suggest(&new.value, own.iter().copied()) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => "name an item of this page: put `aliases:` on the page that defines the item the old id now counts for".to_string(),
                };
                diags.push(
                    at(Diagnostic::error(
                        crate::load::content::FRONT_MATTER,
                        format!(
                            "`aliases:` maps `{old}` to `{}`, which is not a checklist item of this page",
                            new.value
                        ),
                    ))
                    .help(help),
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
