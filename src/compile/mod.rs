//! The compiled workbook: every page read (its template run with the
//! workbook's data, its Markdown scanned), checked, and the plan, checklists
//! and message templates drawn from it. Format-neutral: the HTML pages, the
//! print page and the PDF each take a [`CompiledWorkbook`] and only format it.

mod checks;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use tera::Context;

use crate::book::{self, PageSlot};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::Project;
use crate::load::content::MessageMeta;
use crate::markdown::{self, Document, Heading, PageLink, Task, TaskLook};
use crate::model::progress::follow;
use crate::model::{ChecklistSummary, PhaseDef, Plan, Progress, QuestionBank, TaskRef, Workbook};
use crate::options::Options;
use crate::templates::PageTemplates;
use crate::view::SharedContext;

/// A page after its template ran and its Markdown was read. It is converted to
/// a format only when it is written, so a big book's HTML is never all in
/// memory.
pub struct PageBody<'a> {
    pub title: String,
    /// The Markdown after the page's template ran (the source itself when it
    /// has no template syntax).
    pub text: Cow<'a, str>,
    /// Its headings, lines counted in the file.
    pub headings: Vec<Heading>,
    pub links: Vec<PageLink>,
}

/// A message template from `content/messages/`.
#[derive(Debug, Clone)]
pub struct MessageTemplate {
    /// The file stem, e.g. `mentor-linkedin`.
    pub id: String,
    pub title: String,
    /// The template page's address.
    pub url: String,
    pub meta: MessageMeta,
    pub body: String,
}

/// One workbook, compiled: what every output is made from.
pub struct CompiledWorkbook<'a> {
    /// The pages in reading order.
    pub order: Vec<PageSlot>,
    /// The pages' bodies, in the same order.
    pub pages: Vec<PageBody<'a>>,
    /// What the build's audience may see ([`crate::audience`]).
    pub workbook: Workbook,
    /// The variables the pages' templates ran with; the theme starts from them.
    pub context: Context,
    /// Every checklist item, in reading order.
    pub tasks: Vec<TaskRef>,
    /// The 12-month plan, from the headings that carry `months=`.
    pub plan: Plan,
    pub summary: ChecklistSummary,
    pub messages: Vec<MessageTemplate>,
    /// The guidance's questions by role and stage, for prep cards.
    pub questions: QuestionBank,
    /// Checklist item id → the date it was done (YYYY-MM-DD); a tick that fell
    /// due again is not here (it is in `workbook.progress.due`).
    pub done: HashMap<String, String>,
    /// Retired checklist ids → the ids that replaced them (pages' `aliases:`).
    pub aliases: BTreeMap<String, String>,
    /// Checklist item id → where it is in `tasks`.
    pub homes: HashMap<String, usize>,
    /// The language every word careerbook writes for this workbook is in.
    pub locale: crate::language::Locale,
    /// A checklist item's notes in that language.
    pub task_words: std::sync::Arc<crate::markdown::TaskWords>,
}

impl CompiledWorkbook<'_> {
    /// The title of the page at `url` (from the site's root).
    pub fn title_of(&self, url: &str) -> Option<&str> {
        self.order
            .iter()
            .position(|s| s.url == url)
            .map(|i| self.pages[i].title.as_str())
    }

    /// The pages' titles, in reading order.
    pub fn titles(&self) -> Vec<String> {
        self.pages.iter().map(|b| b.title.clone()).collect()
    }

    /// The id a checklist item's box carries: its own, or for a reference the
    /// id it names, retired ids followed.
    pub fn box_id<'t>(&'t self, task: &'t Task) -> &'t str {
        follow(&self.aliases, &task.id)
    }

    /// How a checklist item is drawn on a page whose way up to the workbook's
    /// root is `root` (`../` per folder): the one place that says what a box
    /// shows, for the site's pages and print page.
    pub fn task_look(&self, task: &Task, root: &str) -> TaskLook {
        let id = self.box_id(task);
        let progress = &self.workbook.progress;
        TaskLook {
            id: (id != task.id).then(|| id.to_string()),
            done: self.done.get(id).cloned(),
            due: progress
                .due
                .get(id)
                .map(|d| (d.last_done.to_string(), d.fresh_after.to_string())),
            due_long: progress
                .due
                .get(id)
                .map(|d| self.locale.long_date(d.last_done)),
            done_long: progress.done_on(id).map(|d| self.locale.long_date(d)),
            words: self.task_words.clone(),
            aliases: if task.reference {
                Vec::new()
            } else {
                self.retired_ids(id)
            },
            defined_at: task
                .reference
                .then(|| self.homes.get(id).map(|&i| &self.tasks[i]))
                .flatten()
                .map(|home| {
                    let anchor = format!("#task-{id}");
                    (
                        format!("{root}{}{anchor}", home.page_url),
                        anchor,
                        home.page_title.to_string(),
                    )
                }),
        }
    }

    /// The retired ids that count as item `id`, in order.
    pub fn retired_ids(&self, id: &str) -> Vec<String> {
        self.aliases
            .keys()
            .filter(|old| follow(&self.aliases, old) == id)
            .cloned()
            .collect()
    }
}

/// Every page's `aliases:` (retired checklist id → the id that replaced it).
pub fn aliases(project: &Project) -> BTreeMap<String, String> {
    project
        .content
        .pages
        .iter()
        .filter_map(|p| p.front.aliases.as_ref())
        .flatten()
        .map(|(old, new)| (old.clone(), new.value.clone()))
        .collect()
}

/// The pages as every workbook of a build starts from them.
#[derive(Clone, Copy)]
pub struct PageSources<'a> {
    /// The pages that are templates, parsed.
    pub templates: &'a PageTemplates,
    /// By page index, in a cohort: the Markdown of a page that is not a
    /// template, read once, since it is the same in every member's workbook.
    pub read: &'a [Option<Document<'a>>],
}

impl<'a> PageSources<'a> {
    /// Pages read for each workbook on its own (one workbook, or a PDF).
    pub fn unread(templates: &'a PageTemplates) -> Self {
        PageSources {
            templates,
            read: &[],
        }
    }

    pub fn read(&self, index: usize) -> Option<&'a Document<'a>> {
        self.read.get(index).and_then(Option::as_ref)
    }
}

/// In a cohort, the pages that are not templates read once for every member (a
/// single workbook reads each page when it writes it, so that a big book is
/// never held in memory whole).
pub fn read_once<'p>(project: &'p Project, pages: &PageTemplates) -> Vec<Option<Document<'p>>> {
    if project.members.is_empty() {
        return Vec::new();
    }
    let content = &project.content;
    let mut read: Vec<Option<Document<'p>>> = content.pages.iter().map(|_| None).collect();
    let order = book::reading_order(content);
    let docs: Vec<(usize, Document<'p>)> = order
        .par_iter()
        .filter(|slot| pages.is_plain(slot.source))
        .map(|slot| {
            let body = content.pages[slot.source].body.as_str();
            (slot.source, content.parse(body, &slot.key, &slot.dir))
        })
        .collect();
    for (i, doc) in docs {
        read[i] = Some(doc);
    }
    read
}

/// Compile one workbook (a person's, a member's, a cohort's guide or a blank
/// one): run every page's template, read its Markdown, check links and
/// checklist ids, and draw the plan, checklists and message templates from the
/// pages. `None` when a page failed (the reasons are in `diags`).
pub fn compile<'a>(
    project: &'a Project,
    pages: PageSources<'_>,
    workbook: &Workbook,
    opts: &Options,
    diags: &mut Diagnostics,
) -> Option<CompiledWorkbook<'a>> {
    let order = book::reading_order(&project.content);
    // What the build's audience may see, and nothing more, for every output.
    let audience = opts.shown();
    let mut workbook = audience.workbook(workbook, project.config.public.show_profile);
    // Ticks under retired ids count for the ids that replaced them.
    let aliases = aliases(project);
    workbook.progress.resolve_aliases(&aliases);
    // A blank copy has no personal data at all, not even the untyped data files.
    let mut context =
        SharedContext::new(project, &workbook, opts.today, audience).to_tera(project, !opts.blank);

    // 1. Bodies: template, then Markdown. In parallel; each page on its own.
    let read: Vec<_> = order
        .par_iter()
        .map(|slot| read_body(project, pages, slot, &context))
        .collect();
    // Each page's checklist items go to the plan; nothing after needs them on the page.
    let (mut bodies, mut tasks) = (
        Vec::with_capacity(read.len()),
        Vec::with_capacity(read.len()),
    );
    let mut failed = false;
    for page in read {
        failed |= !page.problems.is_empty();
        diags.extend(page.problems);
        bodies.push(page.body);
        tasks.push(page.tasks);
    }
    if failed {
        // The links and checklist ids are checked all the same, so that one
        // run reports every problem it can.
        diags.extend(checks::links(project, &order, &bodies));
        checks::task_ids(project, &order, &tasks, &aliases, diags);
        return None;
    }

    // 2. The links and checklist ids checked, beside the plan and checklists.
    let (problems, (drawn, drawn_diags)) = rayon::join(
        || {
            let mut d = Diagnostics::new();
            d.extend(checks::links(project, &order, &bodies));
            checks::task_ids(project, &order, &tasks, &aliases, &mut d);
            checks::aliases(project, &order, &tasks, &mut d);
            d
        },
        || {
            let mut d = Diagnostics::new();
            let drawn = draw(
                project, &workbook, &order, &bodies, &tasks, opts.today, &mut d,
            );
            (drawn, d)
        },
    );
    diags.extend(problems);
    diags.extend(drawn_diags);
    let Drawn {
        tasks,
        plan,
        summary,
        messages,
        questions,
        progress,
    } = drawn;
    if !progress.due.is_empty() {
        // Templates that read `progress` see the ticks that fell due again as due.
        context.insert("progress", &progress);
    }
    workbook.progress = progress;
    let done: HashMap<String, String> = workbook
        .progress
        .done
        .iter()
        .map(|(id, date)| (id.clone(), date.to_string()))
        .collect();
    let homes = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    Some(CompiledWorkbook {
        order,
        pages: bodies,
        workbook,
        context,
        tasks,
        plan,
        summary,
        messages,
        questions,
        done,
        aliases,
        homes,
        task_words: std::sync::Arc::new(crate::markdown::TaskWords::of(&project.locale())),
        locale: project.locale(),
    })
}

/// What is drawn from the pages: checklists, the plan, message templates.
struct Drawn {
    tasks: Vec<TaskRef>,
    plan: Plan,
    summary: ChecklistSummary,
    messages: Vec<MessageTemplate>,
    questions: QuestionBank,
    /// The workbook's progress with the ticks that fell due again moved to `due`.
    progress: Progress,
}

/// The plan (from the headings that carry `months=`), the checklist items of
/// every page with the workbook's progress on them, and the message templates.
fn draw(
    project: &Project,
    workbook: &Workbook,
    order: &[PageSlot],
    bodies: &[PageBody],
    page_tasks: &[Vec<Task>],
    today: chrono::NaiveDate,
    diags: &mut Diagnostics,
) -> Drawn {
    // Items on pages whose ticks fall due again → after how many days.
    let mut review: HashMap<&str, u32> = HashMap::new();
    let pages = &project.content.pages;
    // Room for every item at once: a large book has tens of thousands.
    let mut tasks = Vec::with_capacity(page_tasks.iter().map(Vec::len).sum());
    let mut phase_defs = Vec::new();
    let mut plan_page: Option<String> = None;
    let mut messages = Vec::new();
    let mut questions = QuestionBank::default();
    for ((slot, body), page_tasks) in order.iter().zip(bodies).zip(page_tasks) {
        let page = &pages[slot.source];
        let (title, url): (Arc<str>, Arc<str>) =
            (body.title.as_str().into(), slot.url.as_str().into());
        let review_days = page.front.review_days.as_ref().map(|d| d.value);
        // A reference is the item where it is defined: counted there, once.
        for t in page_tasks.iter().filter(|t| !t.reference) {
            if let Some(days) = review_days {
                review.insert(&t.id, days);
            }
            tasks.push(TaskRef::new(
                t.id.as_str(),
                t.text.as_str(),
                title.clone(),
                url.clone(),
                t.section.clone(),
            ));
        }
        for h in &body.headings {
            let Some((_, months)) = h.attrs.iter().find(|(k, _)| k == "months") else {
                continue;
            };
            if plan_page.as_ref().is_some_and(|p| p != &slot.url) {
                diags.push(
                    Diagnostic::warning("plan", "plan phases are already defined on another page")
                        .in_file(&page.file)
                        .at(h.line, 0)
                        .help(format!(
                            "keep the `months=` headings of the 12-month plan on one page ({})",
                            plan_page.as_deref().unwrap_or_default()
                        )),
                );
                continue;
            }
            match PhaseDef::from_heading(&h.id, &h.text, months) {
                Ok(def) => {
                    plan_page = Some(slot.url.clone());
                    phase_defs.push(def);
                }
                Err(e) => diags.push(
                    Diagnostic::error("plan", e)
                        .in_file(&page.file)
                        .at(h.line, 0)
                        .help(
                            "write the months as `months=1-2`, `months=9-12` or `months=ongoing`",
                        ),
                ),
            }
        }
        if body
            .headings
            .iter()
            .any(|h| QuestionBank::is_group_id(&h.id))
        {
            draw_questions(&mut questions, page, slot, body, diags);
        }
        if let Some(meta) = &page.front.message {
            checks::placeholders(page, meta, diags);
            let (_, name) = book::split_dir(&page.rel);
            messages.push(MessageTemplate {
                id: name.trim_end_matches(".md").to_string(),
                title: body.title.clone(),
                url: slot.url.clone(),
                meta: meta.clone(),
                body: page.body.clone(),
            });
        }
    }
    let mut plan = Plan::new(phase_defs, workbook.plan_start());
    if let Some(url) = plan_page {
        plan = plan.on_page(url);
    }
    // The workbook's own progress file: a member's ids are checked against the
    // book like a single person's.
    crate::model::checklist::check_progress_ids(
        &tasks,
        &workbook.progress,
        &project.content.excluded_tasks,
        diags,
    );
    let mut progress = workbook.progress.clone();
    if !review.is_empty() {
        progress.expire(|id| review.get(id).copied(), today);
    }
    let summary = crate::model::checklist::summarize(&tasks, &plan, &progress);
    Drawn {
        tasks,
        plan,
        summary,
        messages,
        questions,
        progress,
    }
}

/// The question groups of a page (the lists under `{#ask-<role>-<stage>}`
/// headings) added to the bank; a group that names no stage, has no
/// questions or repeats one already in the bank is a warning at its heading.
fn draw_questions(
    bank: &mut QuestionBank,
    page: &crate::load::content::SourcePage,
    slot: &PageSlot,
    body: &PageBody,
    diags: &mut Diagnostics,
) {
    for (id, _, items) in markdown::lists_under(&body.text, QuestionBank::is_group_id) {
        let line = body
            .headings
            .iter()
            .find(|h| h.id == id)
            .map_or(0, |h| h.line);
        let warn = |msg: String, help: &str| {
            Diagnostic::warning("questions", msg)
                .in_file(&page.file)
                .at(line, 0)
                .help(help.to_string())
        };
        match QuestionBank::group_of(&id) {
            Err(e) => diags.push(warn(
                format!("the question group `{id}` names no stage: {e}"),
                "name a group `ask-<mentor|sponsor>-<prospect|contacted|active|dormant>`, such as `ask-mentor-active`",
            )),
            Ok(_) if items.is_empty() => diags.push(warn(
                format!("the question group `{id}` has no questions"),
                "put the questions in a list right under the heading, one per item",
            )),
            Ok((role, stage)) => {
                let url = format!("{}#{id}", slot.url);
                if !bank.add(role, stage, items, url) {
                    diags.push(warn(
                        format!("the question group `{id}` is already in the book"),
                        "keep one list of questions for each role and stage; prep cards use the first",
                    ));
                }
            }
        }
    }
}

/// Run the page's template and read its Markdown for headings, checklist items
/// and links. The checklist items come apart from the page.
/// A page read: its body and checklist items, and its problems. A page with
/// problems fails the workbook, but what could still be read of it (its
/// links, headings and checklist items) is checked with the other pages', so
/// one run reports every problem.
struct Read<'a> {
    body: PageBody<'a>,
    tasks: Vec<Task>,
    problems: Vec<Diagnostic>,
}

fn read_body<'a>(
    project: &'a Project,
    pages: PageSources<'_>,
    slot: &PageSlot,
    shared: &Context,
) -> Read<'a> {
    let page = &project.content.pages[slot.source];
    // A template that fails leaves the page's own text to read: its
    // checklist ids and links are checked all the same.
    let (text, mut problems) = match pages.templates.render(slot.source, page, shared) {
        Ok(text) => (text, Vec::new()),
        Err(d) => (Cow::Borrowed(page.body.as_str()), vec![d]),
    };
    let read_alone;
    let doc = match pages.read(slot.source).filter(|_| problems.is_empty()) {
        // Read once for every workbook.
        Some(doc) => doc,
        // Read for this workbook alone.
        None => {
            read_alone = markdown::scan(&text, &slot.key, &slot.dir);
            &read_alone
        }
    };
    // Refused links and impossible checklist ids: every one of them, at once.
    problems.extend(doc.diagnostics(&page.file, page.body_line));
    let title = page
        .front
        .title
        .clone()
        .or_else(|| doc.first_h1().map(str::to_string))
        .unwrap_or_else(|| book::default_title(&page.rel));
    let mut headings = doc.headings.clone();
    let mut tasks = doc.tasks.clone();
    // The links made text are checked too: they are the page's.
    let mut links: Vec<_> = doc.links.iter().chain(&doc.unlinked).cloned().collect();
    // Lines within the body become lines of the file.
    headings.iter_mut().for_each(|h| h.line += page.body_line);
    tasks.iter_mut().for_each(|t| t.line += page.body_line);
    links.iter_mut().for_each(|l| l.line += page.body_line);
    let body = PageBody {
        title,
        text,
        headings,
        links,
    };
    Read {
        body,
        tasks,
        problems,
    }
}
