//! The personal workbook as one view: the dashboard, the people with their drafts,
//! progress by chapter and phase, the timeline, the blank message templates.
//!
//! Built once per build and shared by every output: the HTML templates, the print
//! page and the PDF all read this same JSON, so they never disagree.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use chrono::NaiveDate;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use serde_json::{Value, json};

use crate::diagnostics::Diagnostics;
use crate::load::content::MessageMeta;
use crate::model::date::long_date;
use crate::model::gap::{self, Severity};
use crate::model::message::{self, Segment};
use crate::model::{ChecklistSummary, Person, Plan, Stage, TaskRef, Workbook, next_actions};

use super::timeline;

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

/// Everything the view is made from.
pub struct Inputs<'a> {
    pub workbook: &'a Workbook,
    pub plan: &'a Plan,
    pub tasks: &'a [TaskRef],
    pub summary: &'a ChecklistSummary,
    pub messages: &'a [MessageTemplate],
    /// Page address → title, for naming the chapters a verdict links to.
    pub titles: &'a FxHashMap<String, String>,
    pub today: NaiveDate,
    pub private: bool,
}

/// Characters left as they are in a `mailto:` query (RFC 6068 wants the rest
/// percent-encoded, spaces as `%20`, not `+`).
const MAILTO: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Build the view. Warns (in `diags`) about drafts with blanks no data fills.
pub fn view(inputs: &Inputs<'_>, diags: &mut Diagnostics) -> Value {
    let wb = inputs.workbook;
    let has_data = wb.profile.is_some() || !wb.people.is_empty();
    let people: Vec<Value> = wb
        .people
        .iter()
        .map(|p| person_view(p, inputs, diags))
        .collect();
    let phase_progress: Vec<(usize, usize)> = inputs
        .summary
        .phases
        .iter()
        .map(|p| (p.done, p.total))
        .collect();
    let current = inputs.plan.current_index(inputs.today);
    let phases: Vec<Value> = inputs
        .plan
        .phases
        .iter()
        .enumerate()
        .map(|(i, ph)| {
            let (done, total) = phase_progress.get(i).copied().unwrap_or((0, 0));
            let task_ids: Vec<&str> = inputs
                .plan
                .phase_tasks(ph, inputs.tasks)
                .map(|t| t.id.as_str())
                .collect();
            json!({
                "id": ph.id,
                "title": ph.title,
                "months": months_label(&ph.months),
                "start": ph.start,
                "end": ph.end,
                "done": done,
                "total": total,
                "current": current == Some(i),
                "url": format!("{}#{}", inputs.plan.page_url.as_deref().unwrap_or(""), ph.id),
                "task_ids": task_ids,
            })
        })
        .collect();
    // Each page's checklist ids, grouped in one pass (a book may have thousands of pages).
    let mut ids_by_page: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for t in inputs.tasks {
        ids_by_page.entry(&t.page_url).or_default().push(&t.id);
    }
    // In parallel: a chapter per page, and this runs beside the link check, which
    // finishes first and would leave its core idle.
    let chapters: Vec<Value> = inputs
        .summary
        .pages
        .par_iter()
        .map(|pg| {
            let ids = ids_by_page.get(&*pg.page_url).map_or(&[][..], Vec::as_slice);
            json!({"title": pg.page_title, "url": pg.page_url, "done": pg.done, "total": pg.total, "task_ids": ids})
        })
        .collect();
    let timeline =
        timeline::timeline_svg(inputs.plan, &phase_progress, wb, inputs.today).map(|svg| {
            let rows = timeline::timeline_rows(inputs.plan, &phase_progress, wb, inputs.today);
            let events: Vec<Value> = rows
                .events
                .iter()
                .map(|e| {
                    let what = match &e.summary {
                        Some(s) => format!("{} — {}: {}", e.person_name, e.label, s),
                        None => format!("{} — {}", e.person_name, e.label),
                    };
                    json!({"date": e.date, "text": what})
                })
                .collect();
            json!({"svg": svg, "start": rows.start, "end": rows.end, "events": events})
        });
    let dashboard = has_data.then(|| dashboard_view(inputs, &phases));
    let messages: Vec<Value> = inputs
        .messages
        .iter()
        .map(|m| {
            let filled = message::fill(&m.body, None, None);
            json!({
                "id": m.id,
                "title": m.title,
                "url": m.url,
                "channel": m.meta.channel.as_str(),
                "role": m.meta.role.as_str(),
                "stages": m.meta.stages.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                "subject": m.meta.subject,
                "paragraphs": paragraphs(&filled.segments),
            })
        })
        .collect();
    let mut view = json!({
        "today": inputs.today,
        "today_long": long_date(inputs.today),
        "private": inputs.private,
        "blank": !has_data,
        "profile": wb.profile.as_ref().map(|p| {
            let mut v = serde_json::to_value(p).expect("a profile serialises");
            v["region_label"] = json!(p.region.map(|r| r.label()));
            v
        }),
        "progress": {"done": inputs.summary.done, "total": inputs.summary.total},
    });
    // Moved in, not written inside `json!`, which would copy each of them: a
    // chapter per page is tens of thousands of values in a large book.
    view["dashboard"] = dashboard.unwrap_or(Value::Null);
    view["people"] = Value::Array(people);
    view["phases"] = Value::Array(phases);
    view["chapters"] = Value::Array(chapters);
    view["timeline"] = timeline.unwrap_or(Value::Null);
    view["messages"] = Value::Array(messages);
    view
}

fn dashboard_view(inputs: &Inputs<'_>, phases: &[Value]) -> Value {
    let wb = inputs.workbook;
    let analysis = gap::analyse(&wb.people);
    let stages = [
        Stage::Prospect,
        Stage::Contacted,
        Stage::Active,
        Stage::Dormant,
    ];
    let row = |label: &str, counts: &gap::StageCounts, recommended: &str| {
        json!({
            "label": label,
            "counts": stages.iter().map(|s| counts.get(*s)).collect::<Vec<_>>(),
            "recommended": recommended,
        })
    };
    let verdicts: Vec<Value> = analysis
        .verdicts
        .iter()
        .map(|v| {
            let (severity, label) = match v.severity {
                Severity::Good => ("good", "On track"),
                Severity::Attention => ("attention", "Worth attention"),
                Severity::Missing => ("missing", "Missing"),
            };
            // "… — see Finding sponsors": the chapter's name becomes the link.
            let (lead, named) = match (v.link, v.text.rsplit_once(" — see ")) {
                (Some(_), Some((lead, named))) => (lead.to_string(), Some(named.to_string())),
                _ => (v.text.clone(), None),
            };
            let link_text = named.or_else(|| v.link.and_then(|l| inputs.titles.get(l).cloned()));
            json!({
                "severity": severity,
                "severity_label": label,
                "text": v.text,
                "lead": lead,
                "link": v.link,
                "link_text": link_text,
            })
        })
        .collect();
    let actions: Vec<Value> = next_actions(wb, inputs.plan, inputs.tasks, inputs.today, 5)
        .into_iter()
        .map(|a| {
            let when = match (a.days_overdue, a.due) {
                (Some(d), _) if d > 0 => {
                    Some(format!("{d} day{} overdue", if d == 1 { "" } else { "s" }))
                }
                (_, Some(due)) if due == inputs.today => Some("today".to_string()),
                (_, Some(due)) => Some(format!("by {}", long_date(due))),
                _ => None,
            };
            json!({
                "text": a.text,
                "kind": a.kind,
                "when": when,
                "overdue": a.days_overdue.is_some_and(|d| d > 0),
                "link": a.link,
            })
        })
        .collect();
    let name = wb.profile.as_ref().map(|p| p.first_name().to_string());
    json!({
        "greeting": match name {
            Some(n) => format!("Hello, {n}"),
            None => "Your dashboard".to_string(),
        },
        "today_long": long_date(inputs.today),
        "stages": stages.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "gap_rows": [
            row("Mentors", &analysis.mentors, "2–3 active"),
            row("Sponsors", &analysis.sponsors, "2 or more active"),
        ],
        "verdicts": verdicts,
        "actions": actions,
        "only_taken": analysis.only_taken,
        "progress": {"done": inputs.summary.done, "total": inputs.summary.total},
        "phase": phases.iter().find(|p| p["current"] == json!(true)).cloned(),
    })
}

fn person_view(p: &Person, inputs: &Inputs<'_>, diags: &mut Diagnostics) -> Value {
    let profile = inputs.workbook.profile.as_ref();
    let drafts: Vec<Value> = inputs
        .messages
        .iter()
        .filter(|m| message::suits(m.meta.role, &m.meta.stages, p))
        .map(|m| {
            let filled = message::fill(&m.body, profile, Some(p));
            let subject = m
                .meta
                .subject
                .as_deref()
                .map(|s| message::fill(s, profile, Some(p)));
            let mut missing = filled.missing.clone();
            for name in subject.iter().flat_map(|s| &s.missing) {
                if !missing.contains(name) {
                    missing.push(name.clone());
                }
            }
            if !missing.is_empty() {
                diags.push(message::missing_diagnostic(
                    &m.title,
                    p,
                    &missing,
                    &inputs.workbook.relationships_file(),
                ));
            }
            let mailto = (m.meta.channel == crate::model::Channel::Email)
                .then_some(p.email.as_deref())
                .flatten()
                .map(|email| {
                    let mut href = format!(
                        "mailto:{}?",
                        utf8_percent_encode(email, MAILTO)
                            .to_string()
                            .replace("%40", "@")
                    );
                    if let Some(s) = &subject {
                        href.push_str(&format!(
                            "subject={}&",
                            utf8_percent_encode(&s.text, MAILTO)
                        ));
                    }
                    let body = filled.text.trim().replace('\n', "\r\n");
                    href.push_str(&format!("body={}", utf8_percent_encode(&body, MAILTO)));
                    href
                });
            json!({
                "id": m.id,
                "title": m.title,
                "channel": m.meta.channel.as_str(),
                "page_url": m.url,
                "subject": subject.as_ref().map(|s| s.text.clone()),
                "subject_segments": subject.as_ref().map(|s| flat_segments(&s.segments)),
                "paragraphs": paragraphs(&filled.segments),
                "plain": filled.text,
                "missing": missing,
                "mailto": mailto,
            })
        })
        .collect();
    let mut v = serde_json::to_value(p).expect("a person serialises");
    let extra = json!({
        "first_name": p.first_name(),
        "role": p.role.as_str(),
        "stage": p.stage.as_str(),
        "stage_rank": p.stage as u8,
        "channel": p.channel.map(|c| c.as_str()),
        "email_href": p.email.as_ref().map(|e| format!("mailto:{e}")),
        "next_check_in": p.next_check_in(),
        "overdue_days": p.days_overdue(inputs.today).filter(|d| *d > 0),
        "gave_back": p.gave_back(),
        "drafts": drafts,
    });
    if let (Value::Object(map), Value::Object(extra)) = (&mut v, extra) {
        map.extend(extra);
        map.remove("line");
    }
    v
}

/// A segment as the templates see it: `{kind, text, name}` where `text` is what to
/// show (the value, or `{name}` for a blank).
#[derive(Serialize)]
struct Shown<'a> {
    kind: &'static str,
    text: std::borrow::Cow<'a, str>,
    name: Option<&'a str>,
}

fn shown(seg: &Segment) -> Shown<'_> {
    match seg {
        Segment::Text(t) => Shown {
            kind: "text",
            text: t.as_str().into(),
            name: None,
        },
        Segment::Filled { name, value } => Shown {
            kind: "filled",
            text: value.as_str().into(),
            name: Some(name),
        },
        Segment::Missing { name } => Shown {
            kind: "missing",
            text: format!("{{{name}}}").into(),
            name: Some(name),
        },
    }
}

fn flat_segments(segments: &[Segment]) -> Vec<Shown<'_>> {
    segments.iter().map(shown).collect()
}

/// Split a message into paragraphs at blank lines; single line breaks become spaces.
fn paragraphs(segments: &[Segment]) -> Vec<Vec<Shown<'_>>> {
    let mut out: Vec<Vec<Shown<'_>>> = vec![Vec::new()];
    for seg in segments {
        match seg {
            Segment::Text(t) => {
                let normalised = t.replace("\r\n", "\n");
                for (i, part) in normalised.split("\n\n").enumerate() {
                    if i > 0 && !out.last().is_some_and(Vec::is_empty) {
                        out.push(Vec::new());
                    }
                    // Line breaks inside a paragraph become single spaces; the
                    // spaces around filled values stay as written.
                    // A line break before a filled value still separates words.
                    let owned;
                    let part = if part.ends_with('\n') {
                        owned = format!("{} ", part.trim_end());
                        owned.as_str()
                    } else {
                        part
                    };
                    let lines: Vec<&str> = part.split('\n').collect();
                    let last = lines.len() - 1;
                    let text = lines
                        .iter()
                        .enumerate()
                        .map(|(i, l)| {
                            let l = if i < last { l.trim_end() } else { l };
                            if i > 0 { l.trim_start() } else { l }
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    let text = if out.last().is_some_and(Vec::is_empty) {
                        text.trim_start().to_string()
                    } else {
                        text
                    };
                    if !text.is_empty() {
                        out.last_mut().expect("never empty").push(Shown {
                            kind: "text",
                            text: text.into(),
                            name: None,
                        });
                    }
                }
            }
            other => out.last_mut().expect("never empty").push(shown(other)),
        }
    }
    out.retain(|p| !p.is_empty());
    for para in &mut out {
        if let Some(last) = para.last_mut().filter(|s| s.kind == "text") {
            last.text = last.text.trim_end().to_string().into();
        }
    }
    out
}

fn months_label(m: &crate::model::MonthRange) -> String {
    match m {
        crate::model::MonthRange::Months { first, last } if first == last => {
            format!("Month {first}")
        }
        crate::model::MonthRange::Months { first, last } => format!("Months {first}–{last}"),
        crate::model::MonthRange::Ongoing => "Ongoing".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let segs = vec![
            Segment::Text("Hi ".into()),
            Segment::Filled {
                name: "first_name".into(),
                value: "Ada".into(),
            },
            Segment::Text(",\n\nI saw your talk\non ".into()),
            Segment::Missing {
                name: "topic".into(),
            },
            Segment::Text(".\n".into()),
        ];
        let p = paragraphs(&segs);
        assert_eq!(p.len(), 2);
        let texts: Vec<Vec<&str>> = p
            .iter()
            .map(|para| para.iter().map(|s| s.text.as_ref()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![
                vec!["Hi ", "Ada", ","],
                vec!["I saw your talk on ", "{topic}", "."]
            ]
        );
        assert_eq!(p[1][1].kind, "missing");
    }

    #[test]
    fn mailto_encoding_keeps_the_address_readable() {
        let enc = utf8_percent_encode("20 minutes & a coffee?\r\n", MAILTO).to_string();
        assert_eq!(enc, "20%20minutes%20%26%20a%20coffee%3F%0D%0A");
    }
}
