//! What a command was asked to do, resolved once from the command line.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::audience::Audience;

/// The folder in the project that `careerbook pdf` writes a cohort's PDFs to
/// (one folder per member), without `--out`.
pub const COHORT_PDFS: &str = "pdfs";

/// The options of `build`, `pdf`, `check` and `serve`: one set, read by every
/// step, so that "today", "who it is for" and "which member" mean the same
/// everywhere.
#[derive(Debug, Clone)]
pub struct Options {
    /// The project folder.
    pub root: PathBuf,
    /// Where to write: the site's folder (`build`, `serve`; `None` means
    /// `[build] output` of book.toml, under `root`) or the PDF (`pdf`).
    pub out: Option<PathBuf>,
    /// "Now" for every computed date. Read from the clock in `main` only.
    pub today: NaiveDate,
    /// Who the build is for: `--private`, `--public`, or your own copy.
    pub audience: Audience,
    /// In a cohort, only this member's workbook (`--person ID`).
    pub person: Option<String>,
    /// `build --pdf`: also typeset the PDF workbook.
    pub pdf: bool,
    /// `pdf --blank`: no personal data at all, to fill in by hand.
    pub blank: bool,
    /// `pdf --brief`: the one-page sponsor brief instead of the workbook.
    pub brief: bool,
    /// `pdf --lang fr-CA`: the PDF in this language of the book (by default
    /// the first).
    pub lang: Option<String>,
}

impl Options {
    /// A build of `root` on `today` for its owner (no notes, no private
    /// people), everything else by default.
    pub fn new(root: impl Into<PathBuf>, today: NaiveDate) -> Self {
        Options {
            root: root.into(),
            out: None,
            today,
            audience: Audience::Personal,
            person: None,
            pdf: false,
            blank: false,
            brief: false,
            lang: None,
        }
    }

    /// Where `careerbook pdf` writes: `out`, or `workbook.pdf` (with
    /// `--blank`, `workbook-blank.pdf`; with `--brief`, `brief.pdf` and
    /// `brief-blank.pdf`) in the project folder.
    ///
    /// In another language than the book's first (`primary`, such as `fr`),
    /// the language comes before `.pdf`: `workbook.fr.pdf`.
    /// `--out` may also name a folder to write that file in.
    pub fn pdf_path(&self, primary: Option<&str>) -> PathBuf {
        match &self.out {
            Some(folder) if self.out_is_folder() => folder.join(self.pdf_file_name(primary)),
            Some(file) => file.clone(),
            None => self.root.join(self.pdf_file_name(primary)),
        }
    }

    /// Where `careerbook pdf` writes a cohort's PDFs, one folder per member
    /// inside it: `--out` when it is a folder (it exists as one, or ends in
    /// `/`), else `--out`'s folder; without `--out`, `pdfs/` in the project
    /// folder, so that members' folders never land beside `data/` and
    /// `content/` (a member may be called `data`).
    pub fn cohort_pdf_folder(&self) -> PathBuf {
        match &self.out {
            Some(out) if self.out_is_folder() => out.clone(),
            Some(out) => out.parent().map(PathBuf::from).unwrap_or_default(),
            None => self.root.join(COHORT_PDFS),
        }
    }

    /// `--out` names a folder: one that exists, or a path ending in `/`.
    pub fn out_is_folder(&self) -> bool {
        self.out.as_ref().is_some_and(|out| {
            out.is_dir() || out.as_os_str().to_string_lossy().ends_with(['/', '\\'])
        })
    }

    /// The PDF's file name: `workbook.pdf`, `brief.pdf`, `workbook-blank.pdf`,
    /// and in a language not the book's first (or not a member's own) with
    /// its primary subtag: `workbook.fr.pdf`.
    pub fn pdf_file_name(&self, primary: Option<&str>) -> String {
        let name = self.pdf_name().trim_end_matches(".pdf");
        let blank = if self.blank { "-blank" } else { "" };
        let lang = primary.map(|p| format!(".{p}")).unwrap_or_default();
        format!("{name}{blank}{lang}.pdf")
    }

    /// The PDF's file name in a cohort member's folder: `workbook.pdf`, or
    /// `brief.pdf` with `--brief`.
    pub fn pdf_name(&self) -> &'static str {
        if self.brief {
            "brief.pdf"
        } else {
            "workbook.pdf"
        }
    }

    /// The audience as the build honours it: a blank copy has nothing
    /// private to show.
    pub fn shown(&self) -> Audience {
        match self.audience {
            Audience::Private if self.blank => Audience::Personal,
            a => a,
        }
    }

    /// Private data is included: asked for, and not a blank copy.
    pub fn shows_private(&self) -> bool {
        self.shown().shows_private()
    }
}
