//! The progress timeline: an SVG drawn here, in Rust, with no script or font to
//! fetch, and the same facts as rows for a text alternative.
//!
//! Twelve months from the plan's start: month ticks, the plan's phases as bands
//! with their done/total, a "today" line, logged interactions as circles (filled
//! where you gave something back), and check-ins as diamonds (hollow when
//! upcoming, filled when overdue).
//!
//! Every shape has a class (`tl-phase tl-phase-1`, `tl-contact tl-gave`, …) so a
//! theme can restyle it, and presentation attributes as defaults so the drawing
//! prints and reads well without any CSS. Text uses `currentColor`. Every string
//! from the data is XML-escaped, and the output depends only on the inputs.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::language::Locale;
use crate::model::Workbook;
use crate::model::plan::{MonthRange, Plan, month_start};

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 260.0;
/// Left edge of the time axis; row labels sit to its left.
const X0: f64 = 96.0;
/// Right edge of the time axis.
const X1: f64 = 944.0;
const BAND_Y: f64 = 12.0;
const BAND_H: f64 = 60.0;
const ONGOING_Y: f64 = 78.0;
const ONGOING_H: f64 = 18.0;
const AXIS_Y: f64 = 108.0;
const CONTACT_Y: f64 = 152.0;
const CHECKIN_Y: f64 = 184.0;
const LEGEND_Y: f64 = 240.0;
/// Without people (a public build, or no one tracked yet) there are no contact
/// or check-in rows: the picture ends below the months.
const PLAN_ONLY_HEIGHT: f64 = 168.0;

/// Band colours (fill, stroke) by phase position, repeating.
const PHASE_COLOURS: [(&str, &str); 5] = [
    ("#dbeafe", "#3b82f6"),
    ("#dcfce7", "#22c55e"),
    ("#fef3c7", "#d97706"),
    ("#fce7f3", "#db2777"),
    ("#ede9fe", "#7c3aed"),
];

/// One phase for the text alternative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseRow {
    /// The phase heading's id.
    pub id: String,
    /// The phase heading's text.
    pub title: String,
    /// First day (for an ongoing phase, the plan's start).
    pub start: Option<NaiveDate>,
    /// `None` for an ongoing phase.
    pub end: Option<NaiveDate>,
    /// Tasks of the phase that are done.
    pub done: usize,
    /// Tasks of the phase.
    pub total: usize,
    /// The phase today falls in.
    pub current: bool,
}

/// What a mark on the timeline stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// A logged interaction.
    Contact,
    /// A logged interaction where you gave something back.
    Gave,
    /// A check-in on or after today.
    CheckIn,
    /// A check-in whose date has passed.
    CheckInOverdue,
}

/// One mark on the timeline, for the text alternative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRow {
    /// When it happened, or is due.
    pub date: NaiveDate,
    /// What the mark stands for.
    pub kind: EventKind,
    /// The person's id.
    pub person_id: String,
    /// The person's name.
    pub person_name: String,
    /// The log entry's kind (`coffee`), or `check-in`.
    pub label: String,
    /// The log entry's summary.
    pub summary: Option<String>,
}

/// The timeline as data: its range, its phases and its marks (the same marks the
/// SVG draws, in date order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineRows {
    /// The plan's first day.
    pub start: Option<NaiveDate>,
    /// The last day shown (the day before month 13 starts).
    pub end: Option<NaiveDate>,
    /// Every phase of the plan, in order.
    pub phases: Vec<PhaseRow>,
    /// Marks in date order.
    pub events: Vec<EventRow>,
}

impl TimelineRows {
    /// Today is past the plan's last day: its 12 months are over.
    pub fn ended(&self, today: NaiveDate) -> bool {
        self.end.is_some_and(|end| today > end)
    }
}

/// The timeline's facts as rows. `phase_progress[i]` is `(done, total)` of
/// `plan.phases[i]` (see [`Plan::all_progress`]); missing entries count as 0/0.
/// Without a plan start there are phases but no dates and no events.
pub fn timeline_rows(
    plan: &Plan,
    phase_progress: &[(usize, usize)],
    workbook: &Workbook,
    today: NaiveDate,
    locale: &Locale,
) -> TimelineRows {
    let current = plan.current_index(today);
    let phases = plan
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (done, total) = phase_progress.get(i).copied().unwrap_or((0, 0));
            PhaseRow {
                id: p.id.clone(),
                title: p.title.clone(),
                start: p.start,
                end: p.end,
                done,
                total,
                current: current == Some(i),
            }
        })
        .collect();
    let (start, end) = (plan.start, plan.end());
    let mut events = Vec::new();
    if let (Some(start), Some(end)) = (start, end) {
        let in_range = |d: NaiveDate| start <= d && d <= end;
        for p in &workbook.people {
            for e in p.log.iter().filter(|e| in_range(e.date)) {
                events.push(EventRow {
                    date: e.date,
                    kind: if e.gave {
                        EventKind::Gave
                    } else {
                        EventKind::Contact
                    },
                    person_id: p.id.clone(),
                    person_name: p.name.clone(),
                    label: e
                        .kind
                        .clone()
                        .unwrap_or_else(|| locale.t("timeline-label-contact")),
                    summary: e.summary.clone(),
                });
            }
            if let Some(due) = p.next_check_in().filter(|d| in_range(*d)) {
                events.push(EventRow {
                    date: due,
                    kind: if due < today {
                        EventKind::CheckInOverdue
                    } else {
                        EventKind::CheckIn
                    },
                    person_id: p.id.clone(),
                    person_name: p.name.clone(),
                    label: locale.t("timeline-label-checkin"),
                    summary: None,
                });
            }
        }
    }
    // Stable: same-day marks keep file order within a kind.
    events.sort_by_key(|e| (e.date, e.kind));
    TimelineRows {
        start,
        end,
        phases,
        events,
    }
}

/// The timeline as an SVG document fragment (an `<svg>` element), or `None`
/// without a plan start (the page shows a note instead). Arguments as for
/// [`timeline_rows`].
pub fn timeline_svg(
    plan: &Plan,
    phase_progress: &[(usize, usize)],
    workbook: &Workbook,
    today: NaiveDate,
    locale: &Locale,
) -> Option<String> {
    let long_date = |d: NaiveDate| locale.long_date(d);
    let start = plan.start?;
    let end = plan.end()?;
    let rows = timeline_rows(plan, phase_progress, workbook, today, locale);
    let span_days = ((end - start).num_days() + 1) as f64;
    let x = |d: NaiveDate| X0 + (d - start).num_days() as f64 / span_days * (X1 - X0);
    let x_clamped = |d: NaiveDate| x(d).clamp(X0, X1);

    // The rows of contacts and check-ins, when there are people to put there.
    let people = !workbook.people.is_empty();
    let (height, today_bottom, legend_y) = if people {
        (HEIGHT, 198.0, LEGEND_Y)
    } else {
        (PLAN_ONLY_HEIGHT, AXIS_Y + 36.0, PLAN_ONLY_HEIGHT)
    };
    let mut s = String::with_capacity(8192);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-labelledby="tl-title tl-desc" font-family="system-ui, sans-serif" font-size="12" fill="currentColor">"##
    );
    let _ = write!(
        s,
        r#"<title id="tl-title">{}</title><desc id="tl-desc">{}</desc>"#,
        esc(&locale.t_with(
            "timeline-title",
            &[
                ("start", long_date(start).into()),
                ("end", long_date(end).into())
            ]
        )),
        esc(&description(&rows, today, locale))
    );

    // Row labels.
    let labels = [
        (BAND_Y + BAND_H / 2.0 + 4.0, locale.t("timeline-row-phases")),
        (CONTACT_Y + 4.0, locale.t("timeline-row-contacts")),
        (CHECKIN_Y + 4.0, locale.t("timeline-row-checkins")),
    ];
    for (y, label) in &labels[..if people { 3 } else { 1 }] {
        let label = esc(label);
        let _ = write!(
            s,
            r#"<text class="tl-row-label" x="8" y="{y:.1}" font-weight="600">{label}</text>"#
        );
    }

    // Today's line runs down through the phase bands. Drawn over them it would
    // strike through their names, under them it would vanish: each band it
    // crosses draws that stretch itself, over its fill and under its text,
    // which wears a halo of the band's colour.
    let today_x = (start <= today && today <= end).then(|| x(today));
    let behind_labels = |from: f64, to: f64, y: f64, h: f64| match today_x {
        Some(tx) if from <= tx && tx <= to => format!(
            r##"<line class="tl-today" x1="{tx:.1}" y1="{y:.1}" x2="{tx:.1}" y2="{:.1}" stroke="#dc2626" stroke-width="2" stroke-dasharray="4 3"/>"##,
            y + h
        ),
        _ => String::new(),
    };

    // Phase bands.
    let mut clips = String::new();
    let mut bands = String::new();
    for (i, (phase, row)) in plan.phases.iter().zip(&rows.phases).enumerate() {
        let n = i + 1;
        let (fill, stroke) = PHASE_COLOURS[i % PHASE_COLOURS.len()];
        let current = if row.current { " tl-current" } else { "" };
        let stroke_width = if row.current { 2.5 } else { 1.0 };
        let progress = locale.t_with(
            "timeline-done",
            &[("done", row.done.into()), ("total", row.total.into())],
        );
        match (phase.months, phase.start, phase.end) {
            (MonthRange::Months { .. }, Some(ps), Some(pe)) => {
                if pe < start || ps > end {
                    continue;
                }
                let bx = x_clamped(ps);
                let bw = (x_clamped(pe.succ_opt().unwrap_or(pe)) - bx).max(1.0);
                let _ = write!(
                    clips,
                    r#"<clipPath id="tl-clip-{n}"><rect x="{bx:.1}" y="{BAND_Y}" width="{bw:.1}" height="{BAND_H}"/></clipPath>"#
                );
                // "Months 1–2: Take stock" on two lines (in French the
                // colon follows a non-breaking space).
                let (line1, line2) = match phase.title.split_once(": ") {
                    Some((when, what)) => (
                        // Standing alone, the phase's name starts a line: "faire
                        // le point" after the French colon, "Faire le point" here.
                        capitalized(what),
                        format!("{} · {progress}", when.trim_end_matches('\u{a0}')),
                    ),
                    None => (phase.title.clone(), progress.clone()),
                };
                let tx = bx + 6.0;
                let name = name_lines(&line1, tx, bw - 10.0);
                let _ = write!(
                    bands,
                    r#"<g class="tl-phase tl-phase-{n}{current}"><title>{}</title><rect x="{bx:.1}" y="{BAND_Y}" width="{bw:.1}" height="{BAND_H}" rx="4" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"/>{}<g clip-path="url(#tl-clip-{n})" stroke="{fill}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">{}<text x="{:.1}" y="{:.1}" font-size="{:.1}">{}</text></g></g>"#,
                    esc(&locale.t_with(
                        "timeline-phase-dates",
                        &[
                            ("phase", phase.title.as_str().into()),
                            ("start", long_date(ps).into()),
                            ("end", long_date(pe).into()),
                            ("progress", progress.as_str().into()),
                        ]
                    )),
                    behind_labels(bx, bx + bw, BAND_Y, BAND_H),
                    name.svg,
                    tx,
                    BAND_Y + name.next_line,
                    fit_font(&line2, bw - 10.0, 11.0, 0.56),
                    esc(&line2),
                );
            }
            (MonthRange::Ongoing, ..) => {
                let _ = write!(
                    bands,
                    r##"<g class="tl-phase tl-phase-{n} tl-ongoing{current}"><title>{}</title><rect x="{X0}" y="{ONGOING_Y}" width="{:.1}" height="{ONGOING_H}" rx="4" fill="#f1f5f9" stroke="#94a3b8" stroke-width="{stroke_width}"/>{}<text x="{:.1}" y="{:.1}" font-size="11" stroke="#f1f5f9" stroke-width="3" stroke-linejoin="round" paint-order="stroke">{}</text></g>"##,
                    esc(&locale.t_with(
                        "timeline-all-year",
                        &[
                            ("phase", phase.title.as_str().into()),
                            ("progress", progress.as_str().into()),
                        ]
                    )),
                    X1 - X0,
                    behind_labels(X0, X1, ONGOING_Y, ONGOING_H),
                    X0 + 6.0,
                    ONGOING_Y + 13.0,
                    esc(&format!("{} · {progress}", phase.title)),
                );
            }
            _ => {}
        }
    }
    if !clips.is_empty() {
        let _ = write!(s, "<defs>{clips}</defs>");
    }
    // Today, under the bands (which draw their stretch of its line).
    if let Some(tx) = today_x {
        let _ = write!(
            s,
            // The line stops around the month labels so they stay readable.
            r##"<g class="tl-today"><line x1="{tx:.1}" y1="6" x2="{tx:.1}" y2="{:.1}" stroke="#dc2626" stroke-width="2" stroke-dasharray="4 3"/><line x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{today_bottom}" stroke="#dc2626" stroke-width="2" stroke-dasharray="4 3"/><text x="{tx:.1}" y="{}" font-size="11" font-weight="600" text-anchor="{}" fill="#b91c1c">{}</text></g>"##,
            AXIS_Y + 6.0,
            AXIS_Y + 24.0,
            today_bottom + 14.0,
            if tx > X1 - 60.0 {
                "end"
            } else if tx < X0 + 60.0 {
                "start"
            } else {
                "middle"
            },
            esc(&locale.t_with(
                "timeline-today",
                &[
                    ("day", i64::from(today.day()).into()),
                    ("month", locale.month_abbr(today.month()).into())
                ]
            )),
        );
    }

    s.push_str(&bands);

    // Month axis.
    let _ = write!(
        s,
        r##"<g class="tl-axis"><line x1="{X0}" y1="{AXIS_Y}" x2="{X1}" y2="{AXIS_Y}" stroke="#64748b"/>"##
    );
    for m in 1..=13u32 {
        let Some(tick) = month_start(start, m) else {
            continue;
        };
        let tx = x_clamped(tick);
        let _ = write!(
            s,
            r##"<line x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{:.1}" stroke="#64748b"/>"##,
            AXIS_Y - 4.0,
            AXIS_Y + 4.0
        );
        if m <= 12 {
            let next = month_start(start, m + 1).map_or(X1, x_clamped);
            let label = if m == 1 || tick.month() == 1 {
                format!("{} {}", locale.month_abbr(tick.month()), tick.year())
            } else {
                locale.month_abbr(tick.month())
            };
            let _ = write!(
                s,
                r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle">{label}</text>"#,
                (tx + next) / 2.0,
                AXIS_Y + 18.0
            );
        }
    }
    s.push_str("</g>");

    // Marks. Marks closer than a few pixels on the same row are stacked upward so
    // none hides another.
    let mut contact_xs: Vec<f64> = Vec::new();
    let mut checkin_xs: Vec<f64> = Vec::new();
    s.push_str(r#"<g class="tl-marks">"#);
    for e in &rows.events {
        let mx = x(e.date);
        let (row_y, placed) = match e.kind {
            EventKind::Contact | EventKind::Gave => (CONTACT_Y, &mut contact_xs),
            EventKind::CheckIn | EventKind::CheckInOverdue => (CHECKIN_Y, &mut checkin_xs),
        };
        let stacked = placed
            .iter()
            .filter(|&&px| (px - mx).abs() < 9.0)
            .count()
            .min(2);
        placed.push(mx);
        let my = row_y - 9.0 * stacked as f64;
        let tip = esc(&event_title(e, locale));
        let _ = match e.kind {
            EventKind::Contact => write!(
                s,
                r##"<circle class="tl-contact" cx="{mx:.1}" cy="{my:.1}" r="5" fill="#ffffff" stroke="#2563eb" stroke-width="2"><title>{tip}</title></circle>"##
            ),
            EventKind::Gave => write!(
                s,
                r##"<circle class="tl-contact tl-gave" cx="{mx:.1}" cy="{my:.1}" r="5.5" fill="#059669" stroke="#059669" stroke-width="2"><title>{tip}</title></circle>"##
            ),
            EventKind::CheckIn => write!(
                s,
                r##"<path class="tl-checkin" d="{}" fill="#ffffff" stroke="#7c3aed" stroke-width="2"><title>{tip}</title></path>"##,
                diamond(mx, my)
            ),
            EventKind::CheckInOverdue => write!(
                s,
                r##"<path class="tl-checkin tl-overdue" d="{}" fill="#dc2626" stroke="#dc2626" stroke-width="2"><title>{tip}</title></path>"##,
                diamond(mx, my)
            ),
        };
    }
    s.push_str("</g>");

    legend(&mut s, legend_y, people, locale);
    s.push_str("</svg>");
    Some(s)
}

/// The key to the marks, along the bottom at `y`; none without people.
fn legend(s: &mut String, y: f64, people: bool, locale: &Locale) {
    if !people {
        // The only mark is today's, and it is labelled.
        return;
    }
    let _ = write!(
        s,
        r##"<g class="tl-legend" font-size="11"><circle class="tl-contact" cx="{:.1}" cy="{:.1}" r="5" fill="#ffffff" stroke="#2563eb" stroke-width="2"/><text x="{:.1}" y="{:.1}">{}</text><circle class="tl-contact tl-gave" cx="{:.1}" cy="{:.1}" r="5.5" fill="#059669" stroke="#059669" stroke-width="2"/><text x="{:.1}" y="{:.1}">{}</text><path class="tl-checkin" d="{}" fill="#ffffff" stroke="#7c3aed" stroke-width="2"/><text x="{:.1}" y="{:.1}">{}</text><path class="tl-checkin tl-overdue" d="{}" fill="#dc2626" stroke="#dc2626" stroke-width="2"/><text x="{:.1}" y="{:.1}">{}</text><line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#dc2626" stroke-width="2" stroke-dasharray="4 3"/><text x="{:.1}" y="{:.1}">{}</text></g>"##,
        X0 + 6.0,
        y - 4.0,
        X0 + 16.0,
        y,
        esc(&locale.t("timeline-legend-contact")),
        X0 + 106.0,
        y - 4.0,
        X0 + 116.0,
        y,
        esc(&locale.t("timeline-legend-gave")),
        diamond(X0 + 236.0, y - 4.0),
        X0 + 246.0,
        y,
        esc(&locale.t("timeline-legend-checkin")),
        diamond(X0 + 336.0, y - 4.0),
        X0 + 346.0,
        y,
        esc(&locale.t("timeline-legend-overdue")),
        X0 + 476.0,
        y - 10.0,
        X0 + 476.0,
        y + 2.0,
        X0 + 484.0,
        y,
        esc(&locale.t("timeline-legend-today")),
    );
}

/// A phase's name in its band, and where the line under it goes.
struct NameLines {
    svg: String,
    /// The baseline of the line under the name, from the band's top.
    next_line: f64,
}

/// Below this size a phase's name goes on two lines rather than shrink more.
const NAME_SHRINKS_TO: f64 = 11.0;

/// A phase's name at `x`, bold, on one line that fits `width`, or on two
/// (cut at the space nearest its middle) when one line would need a size
/// below [`NAME_SHRINKS_TO`]: a long French name stays legible.
fn name_lines(name: &str, x: f64, width: f64) -> NameLines {
    let one = fit_font(name, width, 12.0, 0.62);
    let middle = name.len() / 2;
    let cut = name
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match cut {
        Some(cut) if one < NAME_SHRINKS_TO => {
            let (first, second) = (&name[..cut], &name[cut + 1..]);
            let size = fit_font(first, width, 12.0, 0.62).min(fit_font(second, width, 12.0, 0.62));
            NameLines {
                svg: format!(
                    r#"<text x="{x:.1}" y="{:.1}" font-size="{size:.1}" font-weight="600">{}<tspan x="{x:.1}" dy="{:.1}">{}</tspan></text>"#,
                    BAND_Y + 20.0,
                    esc(first),
                    size + 2.0,
                    esc(second),
                ),
                next_line: 52.0,
            }
        }
        _ => NameLines {
            svg: format!(
                r#"<text x="{x:.1}" y="{:.1}" font-size="{one:.1}" font-weight="600">{}</text>"#,
                BAND_Y + 24.0,
                esc(name),
            ),
            next_line: 44.0,
        },
    }
}

/// A font size at most `max` at which `text` roughly fits `width` (no font is
/// measured: `em` is the average glyph width in ems of a system sans-serif), and
/// never below 9 so it stays legible; the band's clip path cuts what still
/// overflows, and the `<title>` and the text alternative carry the full text.
fn fit_font(text: &str, width: f64, max: f64, em: f64) -> f64 {
    let chars = text.chars().count().max(1) as f64;
    (width / (chars * em)).clamp(9.0, max)
}

/// A diamond centred on (x, y).
fn diamond(x: f64, y: f64) -> String {
    const R: f64 = 6.0;
    format!(
        "M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
        x,
        y - R,
        x + R,
        y,
        x,
        y + R,
        x - R,
        y
    )
}

/// A mark's tooltip: `14 April 2026 — Colette Arsenault: coffee (you gave back)`.
fn event_title(e: &EventRow, locale: &Locale) -> String {
    locale.t_with(
        "timeline-event",
        &[
            ("date", locale.long_date(e.date).into()),
            ("what", event_text(e, locale).into()),
        ],
    )
}

/// A mark in words, without its date, as the tooltip and the timeline's table
/// say it: `Colette Arsenault: coffee (you gave back). Talked about pitching.`
pub fn event_text(e: &EventRow, locale: &Locale) -> String {
    let mut t = locale.t_with(
        "timeline-event-what",
        &[
            ("name", e.person_name.as_str().into()),
            ("label", e.label.as_str().into()),
        ],
    );
    match e.kind {
        EventKind::Gave => t.push_str(&format!(" ({})", locale.t("timeline-event-gave"))),
        EventKind::CheckInOverdue => {
            t.push_str(&format!(" ({})", locale.t("timeline-event-overdue")))
        }
        _ => {}
    }
    if let Some(summary) = &e.summary {
        t.push_str(". ");
        t.push_str(summary);
    }
    t
}

/// The `<desc>`: what a sighted reader takes in at a glance, in words.
fn description(rows: &TimelineRows, today: NaiveDate, locale: &Locale) -> String {
    let mut d = locale.t_with(
        "timeline-desc-phases",
        &[("count", rows.phases.len().into())],
    );
    if let Some(p) = rows.phases.iter().find(|p| p.current) {
        d.push(' ');
        d.push_str(&locale.t_with(
            "timeline-desc-current",
            &[
                ("date", locale.long_date(today).into()),
                ("phase", p.title.as_str().into()),
                ("done", p.done.into()),
                ("total", p.total.into()),
            ],
        ));
    }
    let contacts = rows
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Contact | EventKind::Gave))
        .count();
    let gave = rows
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Gave)
        .count();
    let upcoming = rows
        .events
        .iter()
        .filter(|e| e.kind == EventKind::CheckIn)
        .count();
    let overdue = rows
        .events
        .iter()
        .filter(|e| e.kind == EventKind::CheckInOverdue)
        .count();
    d.push(' ');
    // Once the plan is over, its check-ins are all past: the marks that count
    // are what the year held, and what is due now is on the dashboard.
    let ended = rows.ended(today);
    d.push_str(&locale.t_with(
        if ended {
            "timeline-desc-marks-ended"
        } else {
            "timeline-desc-marks"
        },
        &[
            ("contacts", contacts.into()),
            ("gave", gave.into()),
            ("upcoming", upcoming.into()),
            ("overdue", overdue.into()),
        ],
    ));
    d
}

/// Escape text for XML content and attribute values, dropping characters XML 1.0
/// cannot carry at all (most control characters), which would make the whole
/// image fail to load.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
