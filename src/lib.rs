//! careerbook: a static-site generator for one book, your career playbook of
//! mentors and sponsors.
//!
//! The flow runs one way: [`load`] reads the project (reporting every problem as a
//! [`Diagnostic`]), [`render`] turns it into files, which [`output`] writes into
//! a staging folder as they come and swaps into place when every one is written.

pub mod check;
pub mod config;
pub mod diagnostics;
pub mod init;
pub mod load;
pub mod model;
pub mod output;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod render;
pub mod serve;
pub mod source;
pub mod yaml;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use render::{OutputFile, RenderOptions};

/// What `careerbook build` was asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The project folder.
    pub root: PathBuf,
    /// Output folder; `None` means `[build] output` of book.toml, under `root`.
    pub out: Option<PathBuf>,
    pub today: NaiveDate,
    pub private: bool,
    /// In a cohort, build only this member's workbook.
    pub person: Option<String>,
    /// Also typeset `workbook.pdf` (one per member in a cohort).
    pub pdf: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>, today: NaiveDate) -> Self {
        BuildOptions {
            root: root.into(),
            out: None,
            today,
            private: false,
            person: None,
            pdf: false,
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub out: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    pub warnings: Vec<Diagnostic>,
}

/// A build that failed: every problem found, errors and warnings, sorted.
#[derive(Debug)]
pub struct BuildFailure {
    pub diagnostics: Vec<Diagnostic>,
}

/// Load and render the project in memory, writing nothing.
pub fn render_project(
    root: &Path,
    opts: &RenderOptions,
) -> (Option<(load::Project, Vec<OutputFile>)>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(project) = load::load(root, opts.today, &mut diags) else {
        return (None, diags);
    };
    let memory = render::Memory::new();
    let rendered = render::render(&project, opts, &memory, &mut diags);
    (rendered.map(|_| (project, memory.into_files())), diags)
}

/// Build the site: load, render, and write it atomically. On failure nothing is
/// written and the previous site stays as it was.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    let render_opts = RenderOptions {
        today: opts.today,
        private: opts.private,
        body_end: None,
        person: opts.person.clone(),
    };
    let mut diags = Diagnostics::new();
    let fail = |diags: Diagnostics| BuildFailure {
        diagnostics: diags.sorted(),
    };
    let Some(project) = load::load(&opts.root, opts.today, &mut diags) else {
        return Err(fail(diags));
    };
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| opts.root.join(&project.config.build.output));
    // Files go to disk as they are rendered; a failure drops the staging folder.
    let staging = match output::Staging::new(&opts.root, &out) {
        Ok(s) => s,
        Err(e) => {
            diags.push(e.diagnostic(&opts.root, opts.out.is_some()));
            return Err(fail(diags));
        }
    };
    let Some(mut stats) = render::render(&project, &render_opts, &staging, &mut diags) else {
        return Err(fail(diags));
    };
    if opts.pdf {
        match pdfs(&project, &render_opts, false) {
            Ok(pdf_files) => {
                for f in pdf_files {
                    let written = render::Sink::write_bytes(&staging, &f.path, &f.bytes);
                    if let Err(e) = written {
                        diags.push(render::sink::write_error(&f.path, &e));
                        return Err(fail(diags));
                    }
                    stats.files += 1;
                    stats.bytes += f.bytes.len() as u64;
                }
            }
            Err(problems) => {
                diags.extend(problems);
                return Err(fail(diags));
            }
        }
    }
    if let Err(e) = staging.commit() {
        diags.push(e.diagnostic(&opts.root, opts.out.is_some()));
        return Err(fail(diags));
    }
    Ok(BuildReport {
        out,
        pages: stats.pages,
        files: stats.files,
        bytes: stats.bytes,
        warnings: diags.sorted(),
    })
}

/// The PDF workbooks of a project: `workbook.pdf` for a single person (or a blank
/// copy), and `<id>/workbook.pdf` for each member of a cohort, typeset in one process.
#[cfg(feature = "pdf")]
pub fn pdfs(
    project: &load::Project,
    opts: &RenderOptions,
    blank: bool,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let mut diags = Diagnostics::new();
    let pdf_opts = pdf::PdfOptions {
        today: opts.today,
        blank,
        private: opts.private && !blank,
    };
    let empty = model::Workbook::default();
    let mut jobs: Vec<(String, &model::Workbook)> = Vec::new();
    if blank {
        jobs.push(("workbook.pdf".into(), &empty));
    } else if project.members.is_empty() {
        jobs.push(("workbook.pdf".into(), &project.workbook));
    } else {
        for m in &project.members {
            if opts.person.as_ref().is_none_or(|id| id == &m.id) {
                jobs.push((format!("{}/workbook.pdf", m.id), &m.workbook));
            }
        }
    }
    let mut out = Vec::with_capacity(jobs.len());
    for (path, workbook) in jobs {
        let Some(source) = render::pdf_source(project, workbook, opts, blank, &mut diags) else {
            continue;
        };
        match pdf::render_pdf(project, &source, &pdf_opts) {
            Ok(bytes) => out.push(OutputFile::new(path, bytes)),
            Err(problems) => diags.extend(problems),
        }
    }
    if diags.has_errors() {
        Err(diags.sorted())
    } else {
        Ok(out)
    }
}

/// Without the `pdf` feature there is no typesetter: say so instead of failing
/// silently.
#[cfg(not(feature = "pdf"))]
pub fn pdfs(
    _project: &load::Project,
    _opts: &RenderOptions,
    _blank: bool,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    Err(vec![Diagnostic::error(
        "pdf",
        "this careerbook was built without PDF support",
    )
    .help("install it with the default features (`cargo install careerbook`), or print print.html from a browser")])
}

/// `careerbook pdf`: typeset the workbook (or a blank one) to `out` without
/// building the site. Returns the files written.
pub fn write_pdfs(
    root: &Path,
    out: &Path,
    opts: &RenderOptions,
    blank: bool,
) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut diags = Diagnostics::new();
    let Some(project) = load::load(root, opts.today, &mut diags) else {
        return Err(diags.sorted());
    };
    let files = pdfs(&project, opts, blank)?;
    let mut written = Vec::new();
    for f in files {
        // A single PDF goes to `out` itself; a cohort's go to `out`'s folder, by member.
        let path = if f.path == "workbook.pdf" {
            out.to_path_buf()
        } else {
            out.with_file_name("").join(&f.path)
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                vec![Diagnostic::error(
                    "output",
                    format!("cannot create {}: {e}", dir.display()),
                )]
            })?;
        }
        // Write beside, then rename: a reader never sees half a PDF.
        let tmp = path.with_extension("pdf.partial");
        std::fs::write(&tmp, &f.bytes)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|e| {
                vec![Diagnostic::error(
                    "output",
                    format!("cannot write {}: {e}", path.display()),
                )]
            })?;
        written.push(path);
    }
    Ok((written, diags.sorted()))
}
