//! The theme's own words, in English and French: the advice the printed forms
//! give, plurals that follow the count, a draft's heading, the same name for the
//! same thing. Each test builds a small bilingual book (or the cohort fixture)
//! and reads the HTML or the PDF's text.

use crate::common::{Project, careerbook};

/// A bilingual book of a few pages: a plan whose first phase is under way with
/// one item of two done, two message templates, and one active mentor to check
/// in with every day. Small, so that the pages and the PDF are quick to make.
fn small_book() -> Project {
    let p = Project {
        dir: tempfile::tempdir().unwrap(),
    };
    p.write(
        "book.toml",
        "[book]\ntitle = \"Wording\"\nlanguages = [\"en-CA\", \"fr-CA\"]\n",
    );
    p.write("content/index.md", "---\ntitle: Welcome\n---\nHello.\n");
    p.write(
        "content/index.fr.md",
        "---\ntitle: Bienvenue\n---\nBonjour.\n",
    );
    p.write(
        "content/plan.md",
        "---\ntitle: Plan\n---\n\
         ## Months 1–6: Start {#first months=1-6}\n\n\
         - [ ] Find a mentor {#find-mentor}\n- [ ] Find a sponsor {#find-sponsor}\n\n\
         ## Months 7–12: Deepen {#second months=7-12}\n\n- [ ] Give back {#give-back}\n\n\
         ## Ongoing: Keep going {#ongoing months=ongoing}\n\n- [ ] Keep in touch {#keep-in-touch}\n",
    );
    p.write(
        "content/plan.fr.md",
        "---\ntitle: Plan\n---\n\
         ## Mois 1 à 6 : commencer {#first months=1-6}\n\n\
         - [ ] Trouver une mentore ou un mentor {#find-mentor}\n\
         - [ ] Trouver une marraine ou un parrain {#find-sponsor}\n\n\
         ## Mois 7 à 12 : approfondir {#second months=7-12}\n\n- [ ] Rendre la pareille {#give-back}\n\n\
         ## En continu : garder le cap {#ongoing months=ongoing}\n\n- [ ] Garder le contact {#keep-in-touch}\n",
    );
    // Two templates for an active mentor: one blank in the first, two in the
    // second.
    let message = |title: &str, channel: &str, body: &str| {
        format!(
            "---\ntitle: {title}\nmessage:\n  channel: {channel}\n  role: mentor\n  stages: [active]\n---\n\n{body}\n"
        )
    };
    p.write(
        "content/messages/talk.md",
        &message(
            "Follow-up after a talk",
            "conference",
            "Hi {first_name}, congratulations on {new_role}.",
        ),
    );
    p.write(
        "content/messages/talk.fr.md",
        &message(
            "Suivi après une conférence",
            "conference",
            "Bonjour {first_name}, félicitations pour {new_role}.",
        ),
    );
    p.write(
        "content/messages/news.md",
        &message(
            "News for a mentor",
            "email",
            "Hi {first_name}, {project} went well: {result}.",
        ),
    );
    p.write(
        "content/messages/news.fr.md",
        &message(
            "Des nouvelles pour une mentore ou un mentor",
            "email",
            "Bonjour {first_name}, {project} s’est bien passé : {result}.",
        ),
    );
    p.write(
        "data/profile.yaml",
        "name: Sam Tremblay\nplan_start: 2026-06-01\n",
    );
    p.write("data/progress.yaml", "done:\n  find-mentor: 2026-07-02\n");
    p.write(
        "data/relationships.yaml",
        "people:\n  - id: kim\n    name: Kim Lee\n    role: mentor\n    stage: active\n    \
         cadence_days: 1\n    last_contact: 2026-11-01\n",
    );
    p
}

/// `text` with French typography's no-break spaces (before `:`, inside « »)
/// as plain ones, so that a test can spell a phrase as it reads.
fn plain_spaces(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

/// The text of `careerbook pdf` for `p`, with `extra` arguments; none without
/// poppler-utils.
#[cfg(feature = "pdf")]
fn pdf_text(p: &Project, extra: &[&str]) -> Option<String> {
    if !crate::pdf::poppler() {
        return None;
    }
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("workbook.pdf");
    let run = careerbook()
        .args(["pdf", "--today", "2026-11-24", "-o"])
        .arg(&file)
        .args(extra)
        .arg(p.root())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "careerbook pdf failed:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    Some(crate::pdf::pdf_text(&std::fs::read(&file).unwrap()))
}

#[test]
#[cfg(feature = "pdf")]
fn the_blank_workbook_asks_for_two_active_sponsors_as_the_dashboard_does() {
    let p = small_book();
    let Some(en) = pdf_text(&p, &["--blank"]) else {
        return;
    };
    assert!(
        en.contains("Aim for two or three active mentors and at least two active sponsors."),
        "{en}"
    );
    assert!(!en.contains("one active sponsor"), "{en}");
    let fr = pdf_text(&p, &["--blank", "--lang", "fr-CA"]).unwrap();
    assert!(
        fr.contains(
            "Visez deux ou trois relations de mentorat actives et au moins deux relations de parrainage actives."
        ),
        "{fr}"
    );
    assert!(!fr.contains("une relation de parrainage active"), "{fr}");
}

#[test]
fn counts_of_one_take_the_singular() {
    let p = small_book();
    p.build_ok();

    // The timeline's description: French counts 0 and 1 as one.
    let en = p.site("index.html");
    assert!(en.contains("(1 of 2 tasks done)"), "{en}");
    let fr = plain_spaces(&p.site("fr/index.html"));
    assert!(fr.contains("(1 tâche faite sur 2)"), "{fr}");

    // The note under a draft names each blank as the draft shows it; one
    // blank is "it", two are "them".
    let en = p.site("relationships.html");
    assert!(
        en.contains("Still to fill in: <code>{new_role}</code>. Add it under"),
        "{en}"
    );
    assert!(
        en.contains(
            "Still to fill in: <code>{project}</code>, <code>{result}</code>. Add them under"
        ),
        "{en}"
    );
    let fr = plain_spaces(&p.site("fr/relationships.html"));
    assert!(
        fr.contains("Encore à remplir : <code>{new_role}</code>. Ajoutez-le sous"),
        "{fr}"
    );
    assert!(
        fr.contains(
            "Encore à remplir : <code>{project}</code>, <code>{result}</code>. Ajoutez-les sous"
        ),
        "{fr}"
    );

    // The calendar, for a check-in every day (its lines are folded at 75
    // octets).
    let ics = p.site("followups.ics").replace("\r\n ", "");
    assert!(
        ics.contains("You planned to be in touch every day."),
        "{ics}"
    );
    let ics = plain_spaces(&p.site("fr/followups.ics").replace("\r\n ", ""));
    assert!(
        ics.contains("Vous aviez prévu de reprendre contact chaque jour."),
        "{ics}"
    );
}

#[test]
fn the_cohort_report_says_one_member_keeps_a_wins_file() {
    let p = Project::bilingual_cohort();
    p.write(
        "data/people/ana-lima/wins.yaml",
        "wins:\n  - {id: talk, date: 2026-10-01, title: Gave a talk}\n",
    );
    p.build_ok();
    let en = p.members("cohort.html");
    assert!(
        en.contains("<strong>1</strong> of 3 members keeps a wins file, with 1 win logged in all."),
        "{en}"
    );
    let fr = plain_spaces(&p.members("fr/cohort.html"));
    assert!(
        fr.contains("<strong>1</strong> membre sur 3 tient un fichier de réalisations"),
        "{fr}"
    );
}

#[test]
#[cfg(feature = "pdf")]
fn a_draft_s_heading_in_the_pdf_is_its_title_then_its_channel() {
    // Not "Follow-up after a talk after an event": the channel is a label, as
    // on the web pages.
    let p = small_book();
    let Some(en) = pdf_text(&p, &[]) else {
        return;
    };
    assert!(en.contains("Follow-up after a talk (event)"), "{en}");
    assert!(en.contains("News for a mentor (email)"), "{en}");
    assert!(!en.contains("after a talk after an event"), "{en}");
    // In a sentence, the channel still says how the message goes.
    assert!(en.contains("sent after an event"), "{en}");
    let fr = plain_spaces(&pdf_text(&p, &["--lang", "fr-CA"]).unwrap());
    assert!(
        fr.contains("Suivi après une conférence (événement)"),
        "{fr}"
    );
    assert!(
        fr.contains("Des nouvelles pour une mentore ou un mentor (courriel)"),
        "{fr}"
    );
    assert!(!fr.contains("conférence après un événement"), "{fr}");
    assert!(fr.contains("à envoyer après un événement"), "{fr}");

    // The web pages name the channel the same way.
    p.build_ok();
    assert!(
        p.site("fr/relationships.html")
            .contains("Suivi après une conférence <span class=\"muted\">(événement)</span>")
    );
}

#[test]
#[cfg(feature = "pdf")]
fn the_pdf_plan_table_says_when_the_ongoing_phase_starts_as_the_progress_page_does() {
    // Not "1 Jun 2026 –" with nothing after the dash.
    let p = small_book();
    let Some(en) = pdf_text(&p, &[]) else {
        return;
    };
    let en = plain_spaces(&en);
    assert!(
        en.contains("Ongoing: Keep going 1 Jun 2026 onwards"),
        "{en}"
    );
    let fr = plain_spaces(&pdf_text(&p, &["--lang", "fr-CA"]).unwrap());
    assert!(
        fr.contains("En continu : garder le cap À partir du 1er juin 2026"),
        "{fr}"
    );
    p.build_ok();
    assert!(
        p.site("progress.html")
            .contains("<time datetime=\"2026-06-01\">1 June 2026</time> onwards")
    );
    assert!(
        plain_spaces(&p.site("fr/progress.html"))
            .contains("À partir du <time datetime=\"2026-06-01\">1er juin 2026</time>")
    );
}

#[test]
fn the_cohort_report_names_members_without_a_plan_start_one_way() {
    // Chloe Roy has no plan_start: the chart and the table below it count her
    // under the same name.
    let p = Project::bilingual_cohort();
    p.build_ok();
    let en = p.members("cohort.html");
    assert_eq!(en.matches("No plan start yet").count(), 2, "{en}");
    let fr = p.members("fr/cohort.html");
    assert_eq!(fr.matches("Plan pas encore commencé").count(), 2, "{fr}");
    assert!(!fr.contains("Sans date de début"), "{fr}");
}

#[test]
#[cfg(feature = "pdf")]
fn a_person_s_rhythm_of_one_day_reads_every_day_in_the_pdf() {
    // Not "every 1 days", as the web pages and the calendar say.
    let p = small_book();
    let Some(en) = pdf_text(&p, &[]) else {
        return;
    };
    assert!(en.contains("Active every day"), "{en}");
    assert!(!en.contains("every 1 days"), "{en}");
    let fr = plain_spaces(&pdf_text(&p, &["--lang", "fr-CA"]).unwrap());
    assert!(fr.contains("chaque jour"), "{fr}");
    assert!(!fr.contains("tous les 1 jours"), "{fr}");
}

#[test]
#[cfg(feature = "pdf")]
fn a_count_of_one_or_none_takes_the_singular_in_the_pdf() {
    // Not "1 of 1 checklist items done" or « 0/1 faites »: French counts 0
    // and 1 as one, as the web pages do.
    let p = small_book();
    // One checklist item in the whole book, in a plan of one phase.
    p.write(
        "content/plan.md",
        "---\ntitle: Plan\n---\n## Months 1–12: Start {#first months=1-12}\n\n- [ ] Find a mentor {#find-mentor}\n",
    );
    p.write(
        "content/plan.fr.md",
        "---\ntitle: Plan\n---\n## Mois 1 à 12 : commencer {#first months=1-12}\n\n- [ ] Trouver une mentore ou un mentor {#find-mentor}\n",
    );
    let Some(en) = pdf_text(&p, &[]) else {
        return;
    };
    assert!(en.contains("1 of 1 checklist item done"), "{en}");
    let fr = plain_spaces(&pdf_text(&p, &["--lang", "fr-CA"]).unwrap());
    assert!(
        fr.contains("1 sur 1 case cochée dans les listes de contrôle"),
        "{fr}"
    );
    // The timeline's phase.
    assert!(
        fr.contains("1/1 faite") && !fr.contains("1/1 faites"),
        "{fr}"
    );
    // The print page says it as the dashboard does.
    p.build_ok();
    assert!(
        p.site("print.html")
            .contains("<strong>1</strong> of 1 checklist item done."),
        "{}",
        p.site("print.html")
    );

    // None done.
    p.remove("data/progress.yaml");
    let en = pdf_text(&p, &[]).unwrap();
    assert!(en.contains("0 of 1 checklist item done"), "{en}");
    let fr = plain_spaces(&pdf_text(&p, &["--lang", "fr-CA"]).unwrap());
    assert!(fr.contains("0 sur 1 case cochée"), "{fr}");
    assert!(
        fr.contains("0/1 faite") && !fr.contains("0/1 faites"),
        "{fr}"
    );
}
