//! A book in two languages: `[book] languages`, pages' translations beside
//! them (`name.fr.md`), one site per language, the interface's strings from
//! Fluent (`i18n/<tag>.ftl`, overridable message by message), long dates and
//! French typography, and every problem with a language located.

use crate::common::Project;

/// The minimal fixture in English and French, with the chapter translated
/// and the front page not.
fn bilingual() -> Project {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Fixture Book\"\nlanguages = [\"en-CA\", \"fr-CA\"]\n\n[translation.fr-CA]\ntitle = \"Livre témoin\"\n",
    );
    p.write(
        "content/chapter.fr.md",
        "---\ntitle: Un chapitre\norder: 1\n---\n## Premier titre\n\nObjectif : « avancer » à 60 %. Code : `a : b`.\n\n## Deuxième titre {#second-heading}\n\n- [ ] L'écrire {#fixture-write}\n- [ ] Le dire à voix haute\n\nCommencé le {{ \"2026-12-01\" | long_date }}.\n",
    );
    p
}

#[test]
fn each_language_gets_its_own_site_with_its_pages_and_words() {
    let p = bilingual();
    let report = p.build_ok();
    let en = p.site("chapter.html");
    let fr = p.site("fr/chapter.html");
    assert!(en.contains("<html lang=\"en-CA\""), "{en}");
    assert!(fr.contains("<html lang=\"fr-CA\""), "{fr}");
    assert!(en.contains("First heading") && !en.contains("Premier titre"));
    assert!(fr.contains("Premier titre") && fr.contains("Livre témoin"));
    // French typography: no ordinary space before `:` or inside « », none
    // added in code; dates in French.
    assert!(
        fr.contains("Objectif\u{a0}: «\u{a0}avancer\u{a0}» à 60\u{a0}%"),
        "{fr}"
    );
    assert!(fr.contains("<code>a : b</code>"), "{fr}");
    assert!(fr.contains("1er décembre 2026"), "{fr}");
    // Checklist ids are shared: one progress.yaml ticks both languages, and
    // the note beside a ticked item is in the page's language.
    assert!(fr.contains("data-task=\"fixture-write\" checked>"), "{fr}");
    assert!(fr.contains("<span class=\"done-on\">fait le <time"), "{fr}");
    assert!(en.contains("<span class=\"done-on\">done <time"), "{en}");
    // The untranslated front page is in the French site, in English, and
    // `check` (and the build) say so once.
    assert!(p.site("fr/index.html").contains("Hello"));
    let untranslated: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| {
            w.code == "translation"
                && w.file
                    .as_ref()
                    .is_some_and(|f| f.ends_with("content/index.md"))
        })
        .collect();
    assert_eq!(untranslated.len(), 1, "{:#?}", report.warnings);
    // The chapter is translated: no warning about it.
    assert!(
        !report.warnings.iter().any(|w| w
            .file
            .as_ref()
            .is_some_and(|f| f.ends_with("content/chapter.md"))),
        "{:#?}",
        report.warnings
    );
    assert!(
        untranslated[0]
            .file
            .as_ref()
            .is_some_and(|f| f.ends_with("content/index.md")),
        "{untranslated:#?}"
    );
    assert!(
        untranslated[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("index.fr.md")
    );
    // Each language has its own calendar, 404 page and search index.
    assert!(p.site_exists("fr/404.html"));
    assert!(p.site_exists("fr/search"));
    // The language's own title; the default language's on the English site.
    assert!(p.site("index.html").contains("Fixture Book"));
}

#[test]
fn pages_of_a_language_the_book_does_not_list_are_left_out_with_one_warning() {
    let p = Project::from_fixture("minimal");
    p.write("content/chapter.de.md", "# Kapitel\n");
    p.write("content/index.de.md", "# Start\n");
    let report = p.build_ok();
    let w: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.message.contains("`de`"))
        .collect();
    assert_eq!(w.len(), 1, "{:#?}", report.warnings);
    assert_eq!(w[0].code, "translation");
    assert!(
        w[0].file
            .as_ref()
            .unwrap()
            .ends_with("content/chapter.de.md")
    );
    assert!(w[0].message.contains("1 other"), "{}", w[0].message);
    assert!(w[0].help.as_deref().unwrap().contains("languages"));
    assert!(!p.site_exists("chapter.de.html") && !p.site_exists("de"));
}

#[test]
fn the_default_language_has_no_suffix() {
    let p = Project::from_fixture("minimal");
    p.write("content/extra.en.md", "# Extra\n");
    let (diags, text) = p.build_err();
    let e = diags.iter().find(|d| d.code == "content").unwrap();
    assert!(
        e.file.as_ref().unwrap().ends_with("content/extra.en.md"),
        "{text}"
    );
    assert!(e.help.as_deref().unwrap().contains("`extra.md`"), "{text}");
    // A failed build leaves no site.
    assert!(!p.site_exists("index.html"));
}

#[test]
fn three_letter_suffixes_are_names_not_languages() {
    let p = Project::from_fixture("minimal");
    p.write("content/notes.old.md", "# Old notes\n");
    p.build_ok();
    assert!(p.site_exists("notes.old.html"));
}

#[test]
fn a_language_careerbook_has_no_strings_for_is_an_error_in_book_toml() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Fixture Book\"\nlanguages = [\"en-CA\", \"de-DE\"]\n",
    );
    let (diags, text) = p.build_err();
    let e = diags.iter().find(|d| d.code == "language").unwrap();
    assert_eq!(e.file.as_deref(), Some(std::path::Path::new("book.toml")));
    assert_eq!(e.line, 3, "{text}");
    assert!(e.message.contains("de-DE"), "{text}");
    assert!(
        e.help.as_deref().unwrap().contains("i18n/de-DE.ftl"),
        "{text}"
    );
}

#[test]
fn a_project_adds_a_language_with_its_own_strings() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Fixture Book\"\nlanguages = [\"en-CA\", \"de-DE\"]\n",
    );
    p.write(
        "themes/default/i18n/de-DE.ftl",
        "language-name = Deutsch\npage-progress = Ihr Fortschritt\n",
    );
    let report = p.build_ok();
    assert!(p.site("de/progress.html").contains("Ihr Fortschritt"));
    // Every message it lacks falls back to English, and the build says which.
    let missing = report
        .warnings
        .iter()
        .find(|w| w.code == "language")
        .expect("a warning about the missing messages");
    assert!(missing.message.contains("de-DE"), "{missing:?}");
    assert!(
        missing
            .file
            .as_ref()
            .unwrap()
            .ends_with("themes/default/i18n/de-DE.ftl")
    );
}

#[test]
fn a_project_changes_one_message_and_keeps_the_rest() {
    let p = bilingual();
    p.write(
        "themes/default/i18n/fr-CA.ftl",
        "page-progress = Où j'en suis\n",
    );
    let report = p.build_ok();
    let progress = p.site("fr/progress.html");
    assert!(progress.contains("Où j&#39;en suis") || progress.contains("Où j'en suis"));
    // The other messages are still the built-in French ones: no warning.
    assert!(
        !report.warnings.iter().any(|w| w.code == "language"),
        "{:#?}",
        report.warnings
    );
}

#[test]
fn a_fluent_syntax_error_is_located() {
    let p = bilingual();
    p.write(
        "themes/default/i18n/fr-CA.ftl",
        "page-progress = Où j'en suis\n\nnot a message\n",
    );
    let (diags, text) = p.build_err();
    let e = diags.iter().find(|d| d.code == "language").unwrap();
    assert!(
        e.file
            .as_ref()
            .unwrap()
            .ends_with("themes/default/i18n/fr-CA.ftl"),
        "{text}"
    );
    assert_eq!(e.line, 3, "{text}");
    assert!(e.column >= 1, "{text}");
}

#[test]
fn language_and_languages_together_is_an_error() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Fixture Book\"\nlanguage = \"en-CA\"\nlanguages = [\"en-CA\", \"fr-CA\"]\n",
    );
    let (diags, text) = p.build_err();
    assert!(
        diags
            .iter()
            .any(|d| d.code == "config" && d.line == 4 && d.message.contains("both")),
        "{text}"
    );
}

#[test]
fn two_languages_with_one_primary_subtag_is_an_error() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Fixture Book\"\nlanguages = [\"en-CA\", \"en-GB\"]\n",
    );
    let (diags, text) = p.build_err();
    assert!(
        diags
            .iter()
            .any(|d| d.code == "config" && d.message.contains("primary subtag")),
        "{text}"
    );
}

#[test]
fn a_translation_table_for_an_unlisted_language_is_an_error() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Fixture Book\"\n\n[translation.fr-CA]\ntitle = \"Livre\"\n",
    );
    let (diags, text) = p.build_err();
    assert!(
        diags
            .iter()
            .any(|d| d.code == "config" && d.message.contains("translation.fr-CA")),
        "{text}"
    );
}

#[test]
fn the_repository_workbook_is_bilingual_and_the_french_dashboard_is_french() {
    let p = Project::default_workbook();
    let report = p.build_ok();
    // Every page of the guidance has its French translation.
    assert!(
        !report.warnings.iter().any(|w| w.code == "translation"),
        "{:#?}",
        report.warnings
    );
    let fr = p.site("fr/index.html");
    assert!(fr.contains("<html lang=\"fr-CA\""));
    assert!(
        fr.contains("Votre tableau de bord"),
        "the dashboard is French"
    );
    assert!(fr.contains("Suivi\u{a0}: "), "next actions are French");
    assert!(!fr.contains("Check in with"), "no English next action");
    let ics = p.site("fr/followups.ics");
    assert!(ics.contains("SUMMARY:Suivi\u{a0}: "), "{ics}");
    // The English site is as it was: English words only where careerbook
    // writes them.
    let en = p.site("index.html");
    assert!(en.contains("Check in with") && !en.contains("Suivi\u{a0}: "));
}

#[test]
fn a_cohort_member_gets_their_workbook_in_their_language() {
    let p = Project::bilingual_cohort();
    p.build_ok();
    // One workbook per member, in their folder, in their language.
    assert!(
        p.members("chloe-roy/index.html")
            .contains("<html lang=\"fr-CA\"")
    );
    assert!(
        p.members("ana-lima/index.html")
            .contains("<html lang=\"en-CA\"")
    );
    assert!(!p.members_exists("fr/chloe-roy") && !p.members_exists("fr/ana-lima"));
    // Built in one language, a member's workbook links to no other.
    for page in ["chloe-roy/index.html", "ana-lima/index.html"] {
        let html = p.members(page);
        assert!(
            !html.contains("hreflang") && !html.contains("language-link"),
            "{page}"
        );
    }
    // The report and the guide in every language.
    assert!(p.members("cohort.html").contains("<html lang=\"en-CA\""));
    assert!(p.members("fr/cohort.html").contains("<html lang=\"fr-CA\""));
    assert!(p.site("fr/index.html").contains("<html lang=\"fr-CA\""));
}

#[test]
fn a_member_s_language_must_be_one_of_the_book_s() {
    let p = Project::from_fixture("cohort");
    let profile =
        std::fs::read_to_string(p.root().join("data/people/chloe-roy/profile.yaml")).unwrap();
    p.write(
        "data/people/chloe-roy/profile.yaml",
        &format!("{profile}language: fr-CA\n"),
    );
    let (diags, text) = p.build_err();
    let e = diags.iter().find(|d| d.code == "data").unwrap();
    assert_eq!(
        e.file.as_deref(),
        Some(std::path::Path::new("data/people/chloe-roy/profile.yaml")),
        "{text}"
    );
    assert_eq!(e.line, profile.lines().count() + 1, "{text}");
    assert!(e.help.as_deref().unwrap().contains("en-CA"), "{text}");
}

#[test]
fn your_own_text_on_a_french_page_gets_french_spacing_and_stays_as_written_in_english() {
    let p = bilingual();
    p.write(
        "data/relationships.yaml",
        "people:\n  - id: marie\n    name: Marie-Ève Roy\n    role: mentor\n    stage: active\n    log:\n      - date: 2026-11-02\n        kind: coffee\n        summary: \"Elle m'a dit : « écris à Luc »\"\n",
    );
    p.build_ok();
    let fr = p.site("fr/relationships.html");
    assert!(
        fr.contains("dit\u{a0}: «\u{a0}écris à Luc\u{a0}»"),
        "no line can start with `:` or `»`: {fr}"
    );
    // The English page prints it as written.
    let en = p.site("relationships.html");
    assert!(en.contains("dit : « écris à Luc »"), "{en}");
}

#[test]
fn a_french_draft_s_subject_gets_french_spacing_in_the_page_and_the_mail_link() {
    let p = bilingual();
    let message = |subject: &str| {
        format!(
            "---\ntitle: Follow up\ntemplate: false\nmessage:\n  channel: email\n  role: mentor\n  \
             subject: \"{subject}\"\n  placeholders: [first_name]\n---\n\nHello {{first_name}}.\n"
        )
    };
    p.write(
        "content/messages/follow-up.md",
        &message("Quick note : {first_name}"),
    );
    p.write(
        "content/messages/follow-up.fr.md",
        &message("Petit suivi : {first_name}"),
    );
    p.write(
        "data/relationships.yaml",
        "people:\n  - id: marie\n    name: Marie Roy\n    role: mentor\n    stage: active\n    email: marie@example.org\n",
    );
    p.build_ok();
    let fr = p.site("fr/relationships.html");
    assert!(fr.contains("Petit suivi\u{a0}: "), "{fr}");
    // The mail program gets the subject as the page shows it: `:` never
    // starts a line of the subject.
    assert!(
        fr.contains("subject=Petit%20suivi%C2%A0%3A%20Marie"),
        "{fr}"
    );
    // English is left as written.
    let en = p.site("relationships.html");
    assert!(en.contains("subject=Quick%20note%20%3A%20Marie"), "{en}");
}

#[test]
fn the_scripts_words_are_in_each_site_s_language() {
    let p = bilingual();
    p.build_ok();
    let words = |rel: &str| -> serde_json::Value {
        let js = p.site(rel);
        let start =
            js.find("window.careerbookWords = ").unwrap() + "window.careerbookWords = ".len();
        let end = start + js[start..].find(";\n").unwrap();
        serde_json::from_str(&js[start..end]).unwrap()
    };
    let (en, fr) = (words("toc.js"), words("fr/toc.js"));
    // The search's, and the dev server's notice over a page.
    assert_eq!(en["show_more"], "Show {count} more");
    assert_eq!(fr["show_more"], "Afficher {count} de plus");
    assert_eq!(
        en["serve_failed_one"],
        "careerbook: the build failed with 1 error"
    );
    assert_eq!(
        fr["serve_failed_other"],
        "careerbook\u{a0}: la génération du site a échoué ({count} erreurs)"
    );
    assert_eq!(fr["serve_dismiss"], "Fermer");
}

#[test]
fn language_in_your_own_profile_says_where_the_language_is_set() {
    let p = bilingual();
    p.write(
        "data/profile.yaml",
        "name: Nadia Boudreau\nlanguage: fr-CA\n",
    );
    let report = p.build_ok();
    let w = report
        .warnings
        .iter()
        .find(|d| d.code == "data")
        .expect("a warning for `language`");
    assert_eq!(
        w.file.as_deref(),
        Some(std::path::Path::new("data/profile.yaml"))
    );
    assert_eq!((w.line, w.column), (2, 11), "{w:?}");
    assert!(
        w.help
            .as_deref()
            .unwrap()
            .contains("languages = [\"fr-CA\", \"en-CA\"]"),
        "{w:?}"
    );
    // The book's first language: nothing to say.
    p.write(
        "data/profile.yaml",
        "name: Nadia Boudreau\nlanguage: en-CA\n",
    );
    assert!(!p.build_ok().warnings.iter().any(|d| d.code == "data"));
}

#[test]
fn every_page_links_to_its_versions_in_the_other_languages() {
    let p = bilingual();
    // The built-in chapter template (the fixture overrides it).
    p.remove("themes/default/templates/page.html");
    p.build_ok();
    let en = p.site("part/index.html");
    let fr = p.site("fr/part/index.html");
    assert!(
        en.contains("<link rel=\"alternate\" hreflang=\"fr-CA\" href=\"../fr/part/index.html\">"),
        "{en}"
    );
    assert!(
        en.contains("<a class=\"language-link\" href=\"../fr/part/index.html\" lang=\"fr-CA\" hreflang=\"fr-CA\">Français</a>"),
        "{en}"
    );
    assert!(
        fr.contains("<a class=\"language-link\" href=\"../../part/index.html\" lang=\"en-CA\" hreflang=\"en-CA\">English</a>"),
        "{fr}"
    );
    // The untranslated page says so, and its text carries its own language.
    assert!(fr.contains("class=\"note untranslated-note\""), "{fr}");
    assert!(fr.contains("<div lang=\"en-CA\">"), "{fr}");
    // The French 404 page leads home to the French site.
    assert!(p.site("fr/404.html").contains("href=\"/fr/index.html\""));
    // A book in one language has none of this.
    let one = Project::from_fixture("minimal");
    one.build_ok();
    assert!(!one.site("chapter.html").contains("hreflang"));
}

/// An `.ftl` file's single-line messages, by id.
fn messages(ftl: &str) -> std::collections::BTreeMap<&str, &str> {
    ftl.lines()
        .filter_map(|line| line.split_once(" = "))
        .filter(|(id, _)| !id.starts_with(['#', ' ']) && !id.contains(' '))
        .collect()
}

/// Words rather than a file name or a command (`data/wins.yaml`,
/// `careerbook pdf --brief`), which read the same in every language.
fn is_prose(run: &str) -> bool {
    let words = run
        .split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .count();
    words >= 2 && !run.contains('/') && !run.contains("--") && !run.contains("careerbook")
}

/// What a message says outside its `{ … }` placeables and markup.
fn literal_runs(value: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut depth = 0;
    let mut run = String::new();
    for c in value.chars() {
        match c {
            '{' | '<' => {
                depth += 1;
                runs.push(std::mem::take(&mut run));
            }
            '}' | '>' => depth -= 1,
            _ if depth == 0 => run.push(c),
            _ => {}
        }
    }
    runs.push(run);
    runs.into_iter().map(|r| r.trim().to_string()).collect()
}

#[test]
fn no_english_string_of_the_theme_is_left_on_the_french_site() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n");
    let en = std::fs::read_to_string(root.join("en-CA.ftl")).unwrap();
    let fr = std::fs::read_to_string(root.join("fr-CA.ftl")).unwrap();
    let (en, fr) = (messages(&en), messages(&fr));
    // Long enough to be the theme's words rather than a person's, from the
    // messages French words differently (not a name such as "LinkedIn").
    let english: Vec<String> = en
        .iter()
        .filter(|(id, value)| fr.get(*id) != Some(*value))
        .flat_map(|(_, value)| literal_runs(value))
        .filter(|r| r.chars().count() >= 12 && is_prose(r))
        .collect();
    assert!(
        english.len() > 150,
        "the scan found the strings: {}",
        english.len()
    );
    let p = Project::default_workbook();
    p.build_ok();
    let mut found = Vec::new();
    for (path, bytes) in p.snapshot_site() {
        let Some(rel) = path.strip_prefix("fr/") else {
            continue;
        };
        if !(rel.ends_with(".html") || rel.ends_with(".ics")) {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes).replace("&#39;", "'");
        for s in &english {
            if text.contains(s.as_str()) {
                found.push(format!("{path}: “{s}”"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English on the French site:\n{}",
        found.join("\n")
    );
    // And the French site is French: the theme's French words are there.
    assert!(p.site("fr/index.html").contains("Prochaines actions"));
    assert!(p.site("fr/followups.ics").contains("Dernier contact"));
}

/// The texts of the `<time>` elements that follow `before` in `html`, with
/// their `datetime`: `("2026-12-03", "3 décembre 2026")`.
fn times_after(html: &str, before: &str) -> Vec<(String, String)> {
    let lead = format!("{before}<time datetime=\"");
    html.match_indices(&lead)
        .map(|(at, _)| {
            let rest = &html[at + lead.len()..];
            let (iso, rest) = rest.split_once("\">").expect("a datetime");
            let (text, _) = rest.split_once("</time>").expect("a closed <time>");
            (iso.to_string(), text.to_string())
        })
        .collect()
}

/// A YYYY-MM-DD date.
fn is_iso(s: &str) -> bool {
    s.len() == 10
        && s.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[test]
fn the_html_and_the_pdf_name_things_alike_and_sentences_give_dates_in_words() {
    let p = Project::default_workbook();
    p.build_ok();
    let fr = p.site("fr/relationships.html");
    let en = p.site("relationships.html");
    // The prep card and a log entry where you gave back say what the PDF
    // says (print-prep-last, print-gave-back).
    assert!(fr.contains("<dt>Dernier échange</dt>"), "{fr}");
    assert!(fr.contains("<span class=\"tag tag-gave\">vous avez aidé</span>"));
    assert!(!fr.contains("<dt>La dernière fois</dt>") && !fr.contains("donné en retour"));
    assert!(en.contains("<dt>Last time</dt>"));
    // The sponsor brief's headings are the PDF's.
    let brief = p.site("fr/brief.html");
    assert!(brief.contains(">Réalisations récentes</h3>"), "{brief}");
    assert!(brief.contains(">Occasions recherchées</h3>"), "{brief}");
    assert!(!brief.contains("Résultats récents") && !brief.contains("Disponible pour"));
    let progress = p.site("fr/progress.html");
    assert!(
        progress.contains("<th scope=\"col\">Cochés</th>"),
        "{progress}"
    );
    // A date in a sentence is in words; the machine keeps YYYY-MM-DD.
    for (page, before) in [
        (&fr, "prochain suivi le "),
        (&fr, "d’ici le "),
        (&en, "next check-in "),
        (&en, "by "),
        (&progress, "À partir du "),
        (&fr, "<dt>Dernier échange</dt>\n<dd>"),
    ] {
        let times = times_after(page, before);
        assert!(!times.is_empty(), "no “{before}<time>”");
        for (iso, text) in times {
            assert!(is_iso(&iso), "{before}: datetime {iso}");
            assert!(!is_iso(&text), "{before}{text}: a date in words");
            assert!(text.ends_with(&iso[..4]), "{before}{text}: the year last");
        }
    }
    let home = p.site("fr/index.html");
    let caption = home
        .split_once("<figcaption>")
        .and_then(|(_, r)| r.split_once('.'))
        .map(|(c, _)| c)
        .expect("the timeline's caption");
    assert!(
        caption.starts_with("Votre plan sur 12 mois, du ") && !caption.chars().any(|c| c == '-'),
        "{caption}"
    );
    // The calendar is named in the book's language.
    let ics = p.site("fr/followups.ics");
    assert!(ics.contains("\r\nX-WR-CALNAME:Suivis\r\n"), "{ics}");
    assert!(
        p.site("followups.ics")
            .contains("\r\nX-WR-CALNAME:Follow-ups\r\n")
    );
}

#[test]
fn a_book_toml_in_error_does_not_make_a_member_s_language_unknown() {
    let p = Project::bilingual_cohort();
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    p.write("book.toml", &toml.replacen("title =", "titel =", 1));
    let (diags, text) = p.build_err();
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("unknown field `titel`")),
        "{text}"
    );
    // Chloe's `language: fr-CA` is right: book.toml lists it, even though
    // book.toml has another problem.
    assert!(
        !diags
            .iter()
            .any(|d| d.message.contains("is not one of the book's languages")),
        "{text}"
    );
}

#[test]
fn the_organization_s_name_and_footer_line_are_in_each_language() {
    let p = bilingual();
    let toml = std::fs::read_to_string(p.root().join("book.toml")).unwrap();
    p.write(
        "book.toml",
        &format!(
            "{toml}organisation = \"Réseau Érable\"\nfooter = \"© 2026 Réseau Érable\"\n\n\
             [branding]\norganisation = \"Maple Network\"\nfooter = \"© 2026 Maple Network\"\n\
             contact = \"mailto:hello@example.org\"\n"
        ),
    );
    p.build_ok();
    let english = p.site("chapter.html");
    let french = p.site("fr/chapter.html");
    assert!(english.contains("© 2026 Maple Network"), "{english}");
    assert!(english.contains("<span class=\"brand-name\">Maple Network</span>"));
    assert!(french.contains("© 2026 Réseau Érable"), "{french}");
    assert!(french.contains("<span class=\"brand-name\">Réseau Érable</span>"));
    assert!(!french.contains("Maple Network"), "{french}");
}
