//! careerbook: a static-site generator for one book, your career playbook of
//! mentors and sponsors.
//!
//! The flow runs one way: [`load`] reads the project (reporting every problem as a
//! [`Diagnostic`]), [`render`] turns it into files in memory, [`output`] swaps them
//! into place.

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
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>, today: NaiveDate) -> Self {
        BuildOptions {
            root: root.into(),
            out: None,
            today,
            private: false,
            person: None,
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
    let files = render::render(&project, opts, &mut diags);
    (files.map(|f| (project, f)), diags)
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
    let (result, diags) = render_project(&opts.root, &render_opts);
    let Some((project, files)) = result else {
        return Err(BuildFailure {
            diagnostics: diags.sorted(),
        });
    };
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| opts.root.join(&project.config.build.output));
    if let Err(e) = output::write_site(&opts.root, &out, &files) {
        let mut all = diags;
        all.push(Diagnostic::error("output", e.to_string()).help(e.help()));
        return Err(BuildFailure {
            diagnostics: all.sorted(),
        });
    }
    Ok(BuildReport {
        out,
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
        bytes: files.iter().map(|f| f.bytes.len() as u64).sum(),
        warnings: diags.sorted(),
    })
}
