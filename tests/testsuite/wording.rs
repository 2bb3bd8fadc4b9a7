//! The theme's own words, in English and French: the advice the printed forms
//! give, plurals that follow the count, a draft's heading, the same name for the
//! same thing. Each test builds a small bilingual book (or the cohort fixture)
//! and reads the HTML or the PDF's text.

use crate::common::{Project, careerbook};

/// A bilingual book of two pages and a plan, with one person to track, so that
/// the pages and the PDF are quick to make.
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
    p.write("data/profile.yaml", "name: Sam Tremblay\n");
    p
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
