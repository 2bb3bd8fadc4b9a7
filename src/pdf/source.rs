//! What the PDF is typeset from: one compiled workbook and its view.

use std::collections::HashMap;

use crate::book::PageSlot;
use crate::compile::{self, PageSources};
use crate::diagnostics::Diagnostics;
use crate::load::Project;
use crate::model::Workbook;
use crate::options::Options;
use crate::templates::PageTemplates;
use serde_json::Value;

use crate::view::{self, BookInfo};

/// One workbook's view, and every page's Markdown after the page's template
/// ran with that workbook, in reading order.
pub struct PdfSource {
    /// The [`WorkbookView`] and the book's settings (`book`), as the print
    /// templates read them from `/data.json`.
    pub view: Value,
    /// The pages in reading order, and their text in the same order.
    pub order: Vec<PageSlot>,
    pub texts: Vec<String>,
    /// Checklist item id → the date it was done.
    pub done: HashMap<String, String>,
    /// Checklist item id → the date a tick that fell due again was last done.
    pub due: HashMap<String, String>,
    /// Retired checklist ids → the ids that replaced them.
    pub aliases: std::collections::BTreeMap<String, String>,
    /// Checklist item id → the key and title of the page that defines it.
    pub homes: HashMap<String, (String, String)>,
}

/// The PDF's source for `workbook` (a person's or a member's), or with
/// `--blank` for a fill-in-by-hand copy: no personal data at all, not even the
/// untyped data files.
pub fn source(
    project: &Project,
    workbook: &Workbook,
    opts: &Options,
    diags: &mut Diagnostics,
) -> Option<PdfSource> {
    let empty = Workbook::default();
    let workbook = if opts.blank { &empty } else { workbook };
    let templates = PageTemplates::compile(&project.content, &project.locale());
    let pages = PageSources::unread(&templates);
    let mut compiled = compile::compile(project, pages, workbook, opts, diags)?;
    let workbook_view = view::workbook(&compiled, opts, diags);
    let mut view = serde_json::to_value(&workbook_view).expect("the view serialises");
    // The PDF prints each person's prep card on their page.
    let people: Vec<_> = workbook_view.people.iter().map(|p| p.with_prep()).collect();
    view["people"] = serde_json::to_value(people).expect("the people serialise");
    view["book"] = serde_json::to_value(BookInfo::of(project)).expect("the book serialises");
    let due = compiled
        .workbook
        .progress
        .due
        .iter()
        .map(|(id, d)| (id.clone(), compiled.locale.long_date(d.last_done)))
        .collect();
    let keys: HashMap<&str, &str> = compiled
        .order
        .iter()
        .map(|s| (s.url.as_str(), s.key.as_str()))
        .collect();
    let homes = compiled
        .tasks
        .iter()
        .filter_map(|t| {
            let key = keys.get(&*t.page_url)?;
            Some((t.id.clone(), (key.to_string(), t.page_title.to_string())))
        })
        .collect();
    let aliases = std::mem::take(&mut compiled.aliases);
    Some(PdfSource {
        due,
        aliases,
        homes,
        view,
        order: compiled.order,
        texts: compiled
            .pages
            .into_iter()
            .map(|b| b.text.into_owned())
            .collect(),
        done: compiled.done,
    })
}
