//! careerbook: a static-site generator for one book, your career playbook of
//! mentors and sponsors.
//!
//! The flow runs one way (ARCHITECTURE.md has the map): [`load`] reads the
//! project (reporting every problem as a [`Diagnostic`]), [`compile`] turns each
//! workbook ([`cohort`] says which) into a format-neutral [`CompiledWorkbook`],
//! [`view`] gives templates a typed view of it, and [`render`] (the site) and
//! [`pdf`] (the printed workbook) only format it. [`output`] writes a build's
//! files into a staging folder as they come and swaps it into place when every
//! one is written.

/// `eprint!` for careerbook's messages (problems, progress, what was done): a
/// message that cannot be written, as to a full disk, is dropped rather than
/// a panic, and the exit code still says how the command ended.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

/// [`say!`] with a line break: careerbook's `eprintln!`.
#[macro_export]
macro_rules! sayln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod audience;
pub mod book;
pub mod check;
pub mod cohort;
pub mod colour;
pub mod compile;
pub mod config;
pub mod diagnostics;
pub mod eject;
pub mod init;
pub mod language;
pub mod load;
pub mod markdown;
pub mod model;
pub mod options;
pub mod output;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod render;
pub mod serve;
pub mod source;
pub mod templates;
pub mod view;
pub mod yaml;

use std::path::PathBuf;

pub use compile::CompiledWorkbook;
pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use options::Options;
pub use render::OutputFile;

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub out: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    /// PDFs among the files (`--pdf`).
    pub pdfs: usize,
    /// A cohort's members' tree: where it went, and what it holds.
    pub members: Option<(PathBuf, render::SiteStats)>,
    /// With `--person`, how many other members' workbooks were kept from the
    /// last build as they were.
    pub kept_members: usize,
    /// Who the site was built for ([`render::Rendered::audience`]).
    pub audience: audience::Audience,
    /// A public build that shows your profile (`[public] show-profile`): how
    /// many of your wins it shows with it.
    pub public_profile: Option<usize>,
    pub warnings: Vec<Diagnostic>,
}

/// How far a run of PDFs is: `done` of `total` workbooks typeset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfProgress {
    pub done: usize,
    pub total: usize,
}

/// A build that failed: every problem found, errors and warnings, sorted.
#[derive(Debug)]
pub struct BuildFailure {
    pub diagnostics: Vec<Diagnostic>,
}

/// Load the project for `opts`. When the only errors are in pages' front
/// matter, the rest is compiled all the same, its output thrown away, for the
/// problems in it: one run reports them all. The result is then `None`.
fn load_for(opts: &Options, diags: &mut Diagnostics) -> Option<load::Project> {
    match load::read(&opts.root, opts.today, diags) {
        load::Loaded::Whole(project) => Some(project),
        load::Loaded::Flawed(project) => {
            render::render(
                &project,
                opts,
                render::Outputs::both(&render::Discard),
                diags,
            );
            None
        }
        load::Loaded::Failed => None,
    }
}

/// Load and render the project into `outputs`, writing nothing else.
pub fn render_into(
    opts: &Options,
    outputs: render::Outputs<'_>,
) -> (Option<(load::Project, render::Rendered)>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(project) = load_for(opts, &mut diags) else {
        return (None, diags);
    };
    let rendered = render::render(&project, opts, outputs, &mut diags);
    (rendered.map(|r| (project, r)), diags)
}

/// A project rendered in memory: the site's files, and a cohort's members'.
#[derive(Debug)]
pub struct InMemory {
    pub project: load::Project,
    pub site: Vec<OutputFile>,
    pub members: Vec<OutputFile>,
}

/// Load and render the project in memory, writing nothing.
pub fn render_project(opts: &Options) -> (Option<InMemory>, Diagnostics) {
    let (site, members) = (render::Memory::new(), render::Memory::new());
    let outputs = render::Outputs {
        site: &site,
        members: &members,
    };
    let (rendered, diags) = render_into(opts, outputs);
    let rendered = rendered.map(|(project, _)| InMemory {
        project,
        site: site.into_files(),
        members: members.into_files(),
    });
    (rendered, diags)
}

/// Build the site: load, render, and write it atomically. On failure nothing is
/// written and the previous site stays as it was.
pub fn build(opts: &Options) -> Result<BuildReport, BuildFailure> {
    build_reporting(opts, |_| {})
}

/// [`build`], telling `progress` how far the PDFs are after each few members
/// (with `--pdf`; a cohort's take minutes).
pub fn build_reporting(
    opts: &Options,
    progress: impl FnMut(PdfProgress),
) -> Result<BuildReport, BuildFailure> {
    let mut diags = Diagnostics::new();
    let fail = |diags: Diagnostics| BuildFailure {
        diagnostics: diags.sorted(),
    };
    let Some(project) = load_for(opts, &mut diags) else {
        return Err(fail(diags));
    };
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| opts.root.join(&project.config.build.output));
    // A cohort's members go to a tree of their own, never inside the site.
    let members_out = (!project.members.is_empty())
        .then(|| output::members_folder(&opts.root, &out, &project.config));
    if let Some(members) = &members_out
        && let Err(e) = output::check_members_target(&opts.root, &out, members)
    {
        diags.push(output::members_diagnostic(&e, &opts.root));
        return Err(fail(diags));
    }
    // Files go to disk as they are rendered; a failure drops the staging folders.
    let staging = match output::Staging::new(&opts.root, &out) {
        Ok(s) => s,
        Err(e) => {
            diags.push(e.diagnostic(&opts.root, opts.out.is_some()));
            return Err(fail(diags));
        }
    };
    let members_staging = match members_out
        .as_deref()
        .map(|m| output::Staging::new(&opts.root, m))
        .transpose()
    {
        Ok(s) => s,
        Err(e) => {
            diags.push(output::members_diagnostic(&e, &opts.root));
            return Err(fail(diags));
        }
    };
    let outputs = render::Outputs {
        site: &staging,
        members: match &members_staging {
            Some(m) => m,
            None => &render::Discard,
        },
    };
    let Some(mut stats) = render::render(&project, opts, outputs, &mut diags) else {
        return Err(fail(diags));
    };
    if opts.pdf {
        // One PDF per language, beside that language's site (`fr/`); a
        // cohort's members each have theirs, in their language, in their
        // folder of the members' tree, and the cohort's guide, which is for
        // the web, the blank workbook to print and fill in by hand.
        let mut progress = progress;
        let blank = Options {
            blank: true,
            person: None,
            ..opts.clone()
        };
        for (i, tag) in project.config.languages().iter().enumerate() {
            let view = (i > 0).then(|| project.in_language(tag));
            let view = view.as_ref().unwrap_or(&project);
            let folder = project.config.folder_of(tag);
            let mut runs: Vec<(&Options, &dyn render::Sink, &mut render::SiteStats, &str)> =
                Vec::new();
            match &members_staging {
                Some(members) => {
                    runs.push((opts, members, &mut stats.members, ""));
                    runs.push((&blank, &staging, &mut stats.site, &folder));
                }
                None => runs.push((opts, &staging, &mut stats.site, &folder)),
            }
            for (opts, sink, counts, prefix) in runs {
                let typeset = pdfs(
                    view,
                    opts,
                    cohort::Speakers::OfTheLanguage,
                    |f| {
                        let path = format!("{prefix}{}", f.path);
                        sink.write_bytes(&path, &f.bytes)
                            .map_err(|e| render::sink::write_error(&path, &e))?;
                        counts.files += 1;
                        counts.pdfs += 1;
                        counts.bytes += f.bytes.len() as u64;
                        Ok(())
                    },
                    &mut progress,
                );
                match typeset {
                    // The site's pages have said what the data lacks.
                    Ok(warnings) => diags.extend(warnings.of_pdfs),
                    Err(problems) => {
                        diags.extend(problems);
                        return Err(fail(diags));
                    }
                }
            }
        }
    }
    // The members' tree says who it was built for, so that `--person` keeps
    // the others' workbooks only when they were built for the same.
    let audience = stats.audience.name();
    if let Some(staged) = &members_staging
        && let Err(e) =
            render::Sink::write_bytes(staged, output::AUDIENCE_FILE, audience.as_bytes())
    {
        diags.push(render::sink::write_error(output::AUDIENCE_FILE, &e));
        return Err(fail(diags));
    }
    // One member remade (`--person`): the others' workbooks stay as the last
    // build left them.
    let mut kept = 0;
    if let (Some(person), Some(staged), Some(old)) = (&opts.person, &members_staging, &members_out)
    {
        let others: Vec<&str> = project
            .members
            .iter()
            .map(|m| m.id.as_str())
            .filter(|id| id != person)
            .collect();
        match output::keep_from(old, staged, &others, audience) {
            Ok(missing) => {
                kept = others.len() - missing.len();
                if !missing.is_empty() {
                    let shown: Vec<String> =
                        missing.iter().take(5).map(|id| format!("`{id}`")).collect();
                    let more = missing.len().saturating_sub(shown.len());
                    diags.push(
                        Diagnostic::warning(
                            "cohort",
                            format!(
                                "{} member{} no workbook in {} for this build: {}{}",
                                missing.len(),
                                if missing.len() == 1 { " has" } else { "s have" },
                                old.display(),
                                shown.join(", "),
                                if more > 0 { format!(" and {more} more") } else { String::new() }
                            ),
                        )
                        .help("the last build did not make theirs, or made it for another audience (--private, --public): build without --person to make every member's"),
                    );
                }
            }
            Err(e) => {
                diags.push(output::members_diagnostic(&e, &opts.root));
                return Err(fail(diags));
            }
        }
    }
    // The members' tree first: if the site cannot be swapped in after it, the
    // published folder still holds the last good guide.
    if let Some(m) = members_staging
        && let Err(e) = m.commit()
    {
        diags.push(output::members_diagnostic(&e, &opts.root));
        return Err(fail(diags));
    }
    if let Err(e) = staging.commit() {
        diags.push(e.diagnostic(&opts.root, opts.out.is_some()));
        return Err(fail(diags));
    }
    Ok(BuildReport {
        out,
        pages: stats.site.pages,
        files: stats.site.files,
        bytes: stats.site.bytes,
        pdfs: stats.site.pdfs,
        members: members_out.map(|m| (m, stats.members)),
        kept_members: kept,
        audience: stats.audience,
        public_profile: stats.audience.public_profile(&project),
        warnings: diags.sorted(),
    })
}

/// The PDF workbooks of a project: `workbook.pdf` for a single person (or a
/// blank copy), and `<id>/workbook.pdf` for each member of a cohort (one with
/// `--person`), typeset in one process. Each PDF goes to `emit` as soon as it
/// and every one before it succeeded; after the first error the rest are still
/// typeset, to report every problem, but no longer emitted.
#[cfg(feature = "pdf")]
pub fn pdfs(
    project: &load::Project,
    opts: &Options,
    speakers: cohort::Speakers,
    mut emit: impl FnMut(OutputFile) -> Result<(), Diagnostic>,
    mut progress: impl FnMut(PdfProgress),
) -> Result<PdfWarnings, Vec<Diagnostic>> {
    let mut diags = Diagnostics::new();
    // What only the PDFs have to say.
    let mut printed: Vec<Diagnostic> = Vec::new();
    let workbooks = cohort::workbooks_for(project, opts.person.as_deref(), speakers)?;
    let empty = model::Workbook::default();
    let name = opts.pdf_name();
    // Each PDF, the workbook it is made from, and the folder of its data files.
    let jobs: Vec<(String, &model::Workbook, Option<String>)> = if opts.blank {
        vec![(name.into(), &empty, None)]
    } else if workbooks.is_cohort {
        let language = &project.config.book.language;
        let default = project.config.default_language();
        workbooks
            .members
            .iter()
            .map(|m| {
                // A member's PDF in a language not their own says which
                // (`workbook.fr.pdf`), as a single workbook's does.
                let theirs = m.language().unwrap_or(&default) == language;
                let primary = (!theirs).then(|| config::primary_subtag(language));
                let path = format!("{}/{}", m.id, opts.pdf_file_name(primary));
                (path, &m.workbook, Some(format!("data/people/{}", m.id)))
            })
            .collect()
    } else {
        vec![(name.into(), workbooks.root, Some("data".to_string()))]
    };
    /// A PDF as typeset: where it goes, the PDF (none when its data failed),
    /// what its data said, and the folder of its data files.
    struct Typeset {
        path: String,
        pdf: Option<Result<pdf::PdfOutput, Vec<Diagnostic>>>,
        found: Diagnostics,
        data: Option<String>,
    }
    // Members are typeset side by side, each PDF emitted as soon as it and those
    // before it are done; Typst's caches are trimmed every few members, keeping
    // the layout the members share (the chapters).
    let typeset = |(path, workbook, data): &(String, &model::Workbook, Option<String>)| {
        let mut found = Diagnostics::new();
        let pdf = pdf::source(project, workbook, opts, &mut found).map(|source| {
            if opts.brief {
                pdf::render_brief(project, &source, opts, workbook)
            } else {
                pdf::render_pdf_output(project, &source, opts)
            }
        });
        Typeset {
            path: path.clone(),
            pdf,
            found,
            data: data.clone(),
        }
    };
    let mut done = 0;
    let take = |Typeset {
                    path,
                    pdf,
                    found,
                    data,
                }| {
        diags.extend(found);
        done += 1;
        progress(PdfProgress {
            done,
            total: jobs.len(),
        });
        match pdf {
            Some(Ok(out)) if !diags.has_errors() => {
                // Named by the PDF they are about: in a cohort, whose.
                printed.extend(
                    out.missing
                        .map(|m| m.warning(project, data.as_deref()).in_file(&path)),
                );
                if let Err(e) = emit(OutputFile::new(path.as_str(), out.bytes)) {
                    // The error is in `diags`: the PDFs after it are not typeset.
                    diags.push(e);
                    return false;
                }
            }
            Some(Err(problems)) => diags.extend(problems),
            _ => {}
        }
        true
    };
    let every = 2 * rayon::current_num_threads();
    pdf::schedule::in_order(&jobs, typeset, take, every, pdf::trim_caches);
    if diags.has_errors() {
        Err(diags.sorted())
    } else {
        Ok(PdfWarnings {
            of_data: diags.sorted(),
            of_pdfs: printed,
        })
    }
}

/// What typesetting had to say, when it succeeded.
#[derive(Debug, Default)]
pub struct PdfWarnings {
    /// About the data, as the site's pages say it too (a draft's blank, …):
    /// `build --pdf` has printed them already, `careerbook pdf` prints them.
    pub of_data: Vec<Diagnostic>,
    /// What only the PDFs have to say (a character no font has).
    pub of_pdfs: Vec<Diagnostic>,
}

/// Without the `pdf` feature there is no typesetter: say so instead of failing
/// silently.
#[cfg(not(feature = "pdf"))]
pub fn pdfs(
    _project: &load::Project,
    _opts: &Options,
    _speakers: cohort::Speakers,
    _emit: impl FnMut(OutputFile) -> Result<(), Diagnostic>,
    _progress: impl FnMut(PdfProgress),
) -> Result<PdfWarnings, Vec<Diagnostic>> {
    Err(vec![Diagnostic::error(
        "pdf",
        "this careerbook was built without PDF support",
    )
    .help("install it with the default features (`cargo install careerbook`), or print print.html from a browser")])
}

/// `careerbook pdf`: typeset the workbook (or a blank one) to
/// [`Options::pdf_path`] without building the site. Returns the files written
/// and the warnings.
pub fn write_pdfs(
    opts: &Options,
    progress: impl FnMut(PdfProgress),
) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut diags = Diagnostics::new();
    let Some(project) = load_for(opts, &mut diags) else {
        return Err(diags.sorted());
    };
    let languages = project.config.languages();
    if let Some(tag) = opts.lang.as_ref().filter(|tag| !languages.contains(tag)) {
        return Err(vec![
            Diagnostic::error(
                "language",
                format!("`{tag}` is not one of the book's languages"),
            )
            .in_file(config::FILE_NAME)
            .help(match config::language_like(&languages, tag) {
                Some(full) => format!("did you mean `{full}`?"),
                None => format!(
                    "choose one of {}, or add it to [book] languages",
                    languages.join(", ")
                ),
            }),
        ]);
    }
    // The languages to typeset in, and whose workbooks in each: a cohort's
    // members each in their own (as `build --pdf` does), unless `--lang` asks
    // for one; anyone else's workbook in the default language or the one asked.
    let cohort = !project.members.is_empty() && !opts.blank;
    let views: Vec<(&str, cohort::Speakers)> = match &opts.lang {
        Some(tag) => vec![(tag.as_str(), cohort::Speakers::Everyone)],
        None if cohort => languages
            .iter()
            .map(|tag| (tag.as_str(), cohort::Speakers::OfTheLanguage))
            .collect(),
        None => vec![(languages[0].as_str(), cohort::Speakers::OfTheLanguage)],
    };
    let primary = opts
        .lang
        .as_ref()
        .filter(|tag| **tag != languages[0])
        .map(|tag| config::primary_subtag(tag).to_string());
    let out = &opts.pdf_path(primary.as_deref());
    // A cohort's PDFs go one folder per member, except one member's asked for
    // by name (`--person ana --out ana.pdf`).
    let to_the_file = opts.out.is_some() && !opts.out_is_folder();
    let folder = opts.cohort_pdf_folder();
    if cohort && to_the_file && opts.person.is_none() {
        let name = out.file_name().unwrap_or_default().to_string_lossy();
        diags.push(
            Diagnostic::warning(
                "pdf",
                format!(
                    "in a cohort, --out is the folder for the members' PDFs: the name `{name}` is not used"
                ),
            )
            .help(format!(
                "each member's PDF goes to {}; give --out a folder (ending in /), or add --person ID to write one member's PDF to `{name}`",
                folder.join("<id>").join(opts.pdf_name()).display()
            )),
        );
    }
    // Each PDF is written beside its place as it comes, and all are renamed into
    // place once every one succeeded: a reader never sees half a PDF, and a
    // failed run leaves the PDFs of the last good one as they were.
    let mut partial: Vec<(PathBuf, PathBuf)> = Vec::new();
    // One count over every language's members.
    let total = if cohort {
        let person = opts.person.as_deref();
        project
            .members
            .iter()
            .filter(|m| person.is_none_or(|id| m.id == id))
            .count()
    } else {
        1
    };
    let (mut progress, mut before) = (progress, 0);
    // A single PDF goes to `out` itself; a cohort's to their folder, by
    // member.
    let place = |name: &str| {
        if name == opts.pdf_name() || (cohort && to_the_file && opts.person.is_some()) {
            out.to_path_buf()
        } else {
            folder.join(name)
        }
    };
    let mut typeset = Ok(PdfWarnings::default());
    for (tag, speakers) in views {
        let view = (tag != languages[0]).then(|| project.in_language(tag));
        let mut last = 0;
        typeset = pdfs(
            view.as_ref().unwrap_or(&project),
            opts,
            speakers,
            |f| {
                let path = place(&f.path);
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        Diagnostic::error("output", format!("cannot create {}: {e}", dir.display()))
                    })?;
                }
                let tmp = path.with_extension("pdf.partial");
                std::fs::write(&tmp, &f.bytes).map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    Diagnostic::error("output", format!("cannot write {}: {e}", path.display()))
                })?;
                partial.push((tmp, path));
                Ok(())
            },
            |p| {
                last = p.total;
                progress(PdfProgress {
                    done: before + p.done,
                    total: total.max(before + p.total),
                });
            },
        );
        before += last;
        match &mut typeset {
            // Said once when every language's PDF has it (a draft's blank).
            Ok(warnings) => diags.extend(std::mem::take(&mut warnings.of_data).into_iter().chain(
                // Named by the file they went to (`-o h.pdf`).
                std::mem::take(&mut warnings.of_pdfs).into_iter().map(|w| {
                    match w.file.as_deref().and_then(|f| f.to_str()) {
                        Some(name) => {
                            let path = place(name);
                            w.in_file(path)
                        }
                        None => w,
                    }
                }),
            )),
            Err(_) => break,
        }
    }
    if let Err(problems) = typeset {
        for (tmp, _) in &partial {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(problems);
    }
    let mut written = Vec::with_capacity(partial.len());
    let mut pending = partial.into_iter();
    for (tmp, path) in pending.by_ref() {
        if let Err(e) = std::fs::rename(&tmp, &path) {
            for (tmp, _) in std::iter::once((tmp, path.clone())).chain(pending) {
                let _ = std::fs::remove_file(tmp);
            }
            return Err(vec![Diagnostic::error(
                "output",
                format!("cannot write {}: {e}", path.display()),
            )]);
        }
        written.push(path);
    }
    Ok((written, diags.sorted()))
}
