use super::*;
use crate::language::Locale;
use crate::model::{LogEntry, Person, PhaseDef, Role};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn plan(start: Option<&str>) -> Plan {
    Plan::new(
        vec![
            PhaseDef::from_heading("m1", "Months 1–2: Take stock", "1-2").unwrap(),
            PhaseDef::from_heading("m3", "Months 3–12: Reach & <grow>", "3-12").unwrap(),
            PhaseDef::from_heading("on", "Ongoing: Keep going", "ongoing").unwrap(),
        ],
        start.map(d),
    )
}

fn workbook() -> Workbook {
    let mut a = Person::new("a", "Zoë <script>alert(\"x\")</script> & Co", Role::Mentor);
    a.log = vec![
        LogEntry {
            date: d("2026-03-01"),
            kind: Some("coffee".into()),
            summary: Some("Talked <b>shop</b>".into()),
            gave: false,
            wins: Vec::new(),
        },
        LogEntry {
            date: d("2026-04-01"),
            kind: None,
            summary: None,
            gave: true,
            wins: Vec::new(),
        },
        // Before the plan: not drawn.
        LogEntry {
            date: d("2025-12-01"),
            kind: None,
            summary: None,
            gave: false,
            wins: Vec::new(),
        },
    ];
    a.last_contact = Some(d("2026-04-01"));
    a.cadence_days = Some(30); // 2026-05-01: overdue on 2026-06-15
    let mut b = Person::new("b", "Bo", Role::Sponsor);
    b.last_contact = Some(d("2026-06-01"));
    b.cadence_days = Some(60); // 2026-07-31: upcoming
    Workbook {
        people: vec![a, b],
        ..Workbook::default()
    }
}

#[test]
fn no_plan_start_no_drawing() {
    assert!(
        timeline_svg(
            &plan(None),
            &[],
            &workbook(),
            d("2026-06-15"),
            &Locale::default()
        )
        .is_none()
    );
    let rows = timeline_rows(
        &plan(None),
        &[],
        &workbook(),
        d("2026-06-15"),
        &Locale::default(),
    );
    assert_eq!(rows.phases.len(), 3);
    assert!(rows.events.is_empty());
}

#[test]
fn rows_hold_phases_and_marks() {
    let p = plan(Some("2026-02-02"));
    let rows = timeline_rows(
        &p,
        &[(2, 3), (1, 4)],
        &workbook(),
        d("2026-06-15"),
        &Locale::default(),
    );
    assert_eq!(rows.end, Some(d("2027-02-01")));
    let phases: Vec<_> = rows
        .phases
        .iter()
        .map(|r| (r.id.as_str(), r.done, r.total, r.current))
        .collect();
    assert_eq!(
        phases,
        [("m1", 2, 3, false), ("m3", 1, 4, true), ("on", 0, 0, false)]
    );
    let events: Vec<_> = rows.events.iter().map(|e| (e.date, e.kind)).collect();
    assert_eq!(
        events,
        [
            (d("2026-03-01"), EventKind::Contact),
            (d("2026-04-01"), EventKind::Gave),
            (d("2026-05-01"), EventKind::CheckInOverdue),
            (d("2026-07-31"), EventKind::CheckIn),
        ]
    );
    assert_eq!(rows.events[1].label, "contact");
}

/// The timeline of a plan started on 2 February 2026, as of 15 June.
fn june_svg() -> String {
    let p = plan(Some("2026-02-02"));
    timeline_svg(
        &p,
        &[(2, 3), (1, 4)],
        &workbook(),
        d("2026-06-15"),
        &Locale::default(),
    )
    .unwrap()
}

#[test]
fn svg_is_accessible_escaped_and_marks_today() {
    let svg = june_svg();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(r#"viewBox="0 0 960 260""#));
    assert!(svg.contains(r#"role="img" aria-labelledby="tl-title tl-desc""#));
    assert!(
        svg.contains(
            r#"<title id="tl-title">Plan timeline, 2 February 2026 to 1 February 2027</title>"#
        ),
        "{svg}"
    );
    assert!(svg.contains(r#"<desc id="tl-desc">3 phases. Today, 15 June 2026, falls in “Months 3–12: Reach &amp; &lt;grow&gt;” (1 of 4 tasks done)."#), "{svg}");
    // Names and titles are escaped everywhere.
    assert!(!svg.contains("<script>"), "{svg}");
    assert!(!svg.contains("<grow>"), "{svg}");
    assert!(!svg.contains("<b>"), "{svg}");
    assert!(svg.contains("Zoë &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"));
    // Today's marker and label.
    assert!(svg.contains(r#"<g class="tl-today">"#));
    assert!(svg.contains("Today, 15 Jun"));
    // Bands, labels and marks.
    assert!(svg.contains(r#"class="tl-phase tl-phase-1""#));
    assert!(svg.contains(r#"class="tl-phase tl-phase-2 tl-current""#));
    assert!(svg.contains("Months 1–2 · 2/3 done"));
    assert!(svg.contains(">Take stock<"));
    assert!(svg.contains(r#"class="tl-phase tl-phase-3 tl-ongoing""#));
    assert!(svg.contains(">Feb 2026<") && svg.contains(">Mar<") && svg.contains(">Jan 2027<"));
    let marks = &svg[svg.find("tl-marks").unwrap()..svg.find("tl-legend").unwrap()];
    assert_eq!(marks.matches(r#"<circle class="tl-contact" cx"#).count(), 1);
    assert_eq!(
        marks
            .matches(r#"<circle class="tl-contact tl-gave" cx"#)
            .count(),
        1
    );
    assert_eq!(marks.matches(r#"<path class="tl-checkin" d"#).count(), 1);
    assert_eq!(
        marks
            .matches(r#"<path class="tl-checkin tl-overdue" d"#)
            .count(),
        1
    );
    assert!(marks.contains("Talked &lt;b&gt;shop&lt;/b&gt;"), "{marks}");
    assert!(!svg.contains("href"), "no external resources");
    // Deterministic.
    assert_eq!(svg, june_svg());
}

#[test]
fn today_outside_the_plan_has_no_marker() {
    let p = plan(Some("2026-02-02"));
    let before = timeline_svg(&p, &[], &workbook(), d("2026-01-15"), &Locale::default()).unwrap();
    assert!(!before.contains("tl-today\""));
    let after = timeline_svg(&p, &[], &workbook(), d("2027-03-01"), &Locale::default()).unwrap();
    assert!(!after.contains("tl-today\""));
}

#[test]
fn svg_is_well_formed_xml() {
    let p = plan(Some("2026-02-02"));
    let mut wb = workbook();
    wb.people[0].name = "Ctrl\u{1}char \u{7}bell".into();
    let svg = timeline_svg(&p, &[(0, 1)], &wb, d("2026-06-15"), &Locale::default()).unwrap();
    assert!(
        !svg.chars().any(|c| c.is_control()),
        "control characters dropped"
    );
    // A tiny tag-balance check: every opened element is closed in order.
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg.as_str();
    while let Some(i) = rest.find('<') {
        let j = rest[i..].find('>').unwrap() + i;
        let tag = &rest[i + 1..j];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "{svg}");
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap().to_string());
        }
        rest = &rest[j + 1..];
    }
    assert!(stack.is_empty(), "{stack:?}");
}

#[test]
fn a_phase_name_on_its_band_starts_with_a_capital() {
    // French puts the name after the colon in lower case; on its band it
    // starts a line of its own.
    let p = Plan::new(
        vec![
            PhaseDef::from_heading("m1", "Mois 1 et 2\u{a0}: faire le point", "1-2").unwrap(),
            PhaseDef::from_heading("m3", "Mois 3 à 12\u{a0}: élargir son réseau", "3-12").unwrap(),
        ],
        Some(d("2026-02-02")),
    );
    let svg = timeline_svg(&p, &[], &workbook(), d("2026-03-01"), &Locale::default()).unwrap();
    assert!(svg.contains(">Faire le point</text>"), "{svg}");
    assert!(svg.contains(">Élargir son réseau</text>"), "{svg}");
    assert!(svg.contains(">Mois 1 et 2 · "), "{svg}");
    assert!(!svg.contains(">faire le point<"), "{svg}");
}

#[test]
fn today_passes_under_the_phase_names_not_through_them() {
    let svg = june_svg();
    // Today's group comes before the bands, which cover it...
    let today = svg.find(r#"<g class="tl-today">"#).unwrap();
    assert!(today < svg.find(r#"<g class="tl-phase"#).unwrap(), "{svg}");
    // ...and the bands today falls in (the current one and the ongoing one)
    // draw their stretch of the line over their fill, under their names, which
    // wear a halo of the band's colour.
    for class in [
        r#"<g class="tl-phase tl-phase-2 tl-current">"#,
        r#"<g class="tl-phase tl-phase-3 tl-ongoing">"#,
    ] {
        let band = &svg[svg.find(class).expect(class)..];
        let band = &band[..band.find("</text></g>").unwrap()];
        let (rect, line, text) = (
            band.find("<rect").unwrap(),
            band.find(r#"<line class="tl-today""#).expect(class),
            band.find("<text").unwrap(),
        );
        assert!(rect < line && line < text, "{band}");
        assert!(band.contains(r#"paint-order="stroke""#), "{band}");
    }
    let first = &svg[svg.find(r#"<g class="tl-phase tl-phase-1">"#).unwrap()..];
    let first = &first[..first.find("</g></g>").unwrap()];
    assert!(!first.contains("<line"), "today is not in phase 1: {first}");
    assert!(
        first.contains(r##"stroke="#dbeafe" stroke-width="3""##),
        "{first}"
    );
}

/// A phase's name too long for its band at a legible size goes on two lines;
/// a short one stays on one.
#[test]
fn a_long_phase_name_goes_on_two_lines_rather_than_shrink() {
    let p = Plan::new(
        vec![
            PhaseDef::from_heading("m1", "Mois 1 à 4 : faire le point", "1-4").unwrap(),
            PhaseDef::from_heading(
                "m5",
                "Mois 5 à 8 : gagner en visibilité auprès des parrains et marraines",
                "5-8",
            )
            .unwrap(),
        ],
        Some(d("2026-02-02")),
    );
    let svg = timeline_svg(
        &p,
        &[],
        &Workbook::default(),
        d("2026-03-01"),
        &Locale::default(),
    )
    .unwrap();
    let size = |name: &str| -> f64 {
        let at = svg.find(name).unwrap_or_else(|| panic!("{name}: {svg}"));
        let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
        let size = &tag[tag.find("font-size=\"").unwrap() + 11..];
        size[..size.find('"').unwrap()].parse().unwrap()
    };
    assert!(svg.contains(">Faire le point</text>"), "{svg}");
    assert!(
        svg.contains(">Gagner en visibilité auprès<tspan x=\""),
        "{svg}"
    );
    assert!(
        svg.contains("dy=\"14.0\">des parrains et marraines</tspan></text>"),
        "{svg}"
    );
    assert!(size("Gagner en visibilité") >= 11.0, "{svg}");
    assert!(size("Faire le point") >= 12.0, "{svg}");
}
