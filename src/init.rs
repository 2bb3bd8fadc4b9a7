//! `careerbook init`: a new workbook project from the defaults compiled into the
//! binary (the same files as this repository's own workbook).

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::load::base::CONTENT;

static DATA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");
const BOOK_TOML: &str = include_str!("../book.toml");
const GITIGNORE: &str = "# The built site; `careerbook build` writes it again.\n/site/\n/.site.*\n\
# A cohort's members' workbooks: each names the people that member works with.\n/members/\n/.members.*\n\
# PDFs from `careerbook pdf`; a cohort's, one folder per member, in pdfs/ or the\n# folder given with --out.\n/workbook*.pdf\n/brief*.pdf\n/pdfs/\n/*/workbook*.pdf\n/*/brief*.pdf\n";

#[derive(Debug, Default)]
pub struct InitReport {
    pub written: Vec<PathBuf>,
    /// Files that already existed and were left as they were.
    pub kept: Vec<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{0} is not empty")]
    NotEmpty(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What `content/` holds in a project that builds on the built-in guidance:
/// nothing but this note (never a page: see `load::content::is_note`).
const CONTENT_README: &str = "\
Your own pages go here, on top of the guidance built into careerbook.

- A file at the same path as a built-in page replaces it: `careerbook eject
  sponsors/finding-sponsors.md` copies that page here to edit.
- A file at a new path adds a page (`order:` in its front matter places it).
- `exclude` under `[content]` in book.toml leaves built-in pages or parts out:
  exclude = [\"sponsors/finding-sponsors.md\", \"messages/\"]
- The book is in the languages `languages` in book.toml lists. A page's
  translation sits beside it (`what-mentors-do.fr.md`); `eject` copies a page
  with its translations, so replace both to keep them in step.

`careerbook eject --list` shows the built-in pages and which ones you replace;
`careerbook check` says when a page you replaced has a newer built-in edition.
Pages you do not replace come from careerbook itself, so upgrading careerbook
brings you each new edition of the guidance. This file is never a page.
";

/// What `init` adds to book.toml when the project builds on the built-in guidance.
const CONTENT_BASE: &str = "
[content]
# Build on the guidance built into careerbook: a page in content/ at the same
# path replaces a built-in one; `exclude` leaves built-in pages or parts out.
base = true
exclude = []
";

/// Write a new project into `dir`. Without `force`, `dir` must be empty or absent;
/// with it, existing files are still never overwritten. The guidance is built
/// in (`content/` holds a note on how to replace pages); with `with_content`,
/// copied, for a project that owns every page.
pub fn init(
    dir: &Path,
    force: bool,
    with_theme: bool,
    with_content: bool,
) -> Result<InitReport, InitError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Io { path, source }
    };
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(io(dir))?;
        if entries.next().is_some() && !force {
            return Err(InitError::NotEmpty(dir.to_path_buf()));
        }
    }
    let book_toml = if with_content {
        BOOK_TOML.to_string()
    } else {
        format!("{BOOK_TOML}{CONTENT_BASE}")
    };
    let mut files: Vec<(PathBuf, &[u8])> =
        vec![(PathBuf::from(".gitignore"), GITIGNORE.as_bytes())];
    if with_content {
        collect(&CONTENT, Path::new("content"), &mut files);
    } else {
        files.push((
            PathBuf::from("content/README.md"),
            CONTENT_README.as_bytes(),
        ));
    }
    collect(&DATA, Path::new("data"), &mut files);
    if with_theme {
        collect(
            &crate::load::theme::BUILTIN,
            Path::new("themes/default"),
            &mut files,
        );
    }
    // Editors that speak the YAML language server complete and validate the data
    // files as you type, from the schemas written beside them.
    let schema_files: Vec<(PathBuf, Vec<u8>)> = crate::model::schemas()
        .into_iter()
        .map(|(name, schema)| (Path::new("schemas").join(name), schema_bytes(&schema)))
        .collect();
    let data_files: Vec<(PathBuf, Vec<u8>)> = files
        .iter()
        .filter(|(rel, _)| rel.starts_with("data"))
        .map(|(rel, bytes)| (rel.clone(), with_schema_line(rel, bytes)))
        .collect();
    files.retain(|(rel, _)| !rel.starts_with("data"));
    let owned: Vec<(PathBuf, Vec<u8>)> = [(PathBuf::from("book.toml"), book_toml.into_bytes())]
        .into_iter()
        .chain(schema_files)
        .chain(data_files)
        .collect();
    let files = files
        .into_iter()
        .map(|(rel, b)| (rel, b.to_vec()))
        .chain(owned);
    let mut report = InitReport::default();
    for (rel, bytes) in files {
        let path = dir.join(&rel);
        if path.exists() {
            report.kept.push(rel);
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        // create_new: even a file that appeared since the check is not overwritten.
        let mut f = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                report.kept.push(rel);
                continue;
            }
            Err(e) => return Err(io(&path)(e)),
        };
        std::io::Write::write_all(&mut f, &bytes).map_err(io(&path))?;
        report.written.push(rel);
    }
    Ok(report)
}

fn schema_bytes(schema: &serde_json::Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema serialises");
    text.push('\n');
    text.into_bytes()
}

/// `# yaml-language-server: $schema=../schemas/<stem>.schema.json` on top of a data
/// file that has a schema.
fn with_schema_line(rel: &Path, bytes: &[u8]) -> Vec<u8> {
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !crate::load::data::TYPED.contains(&stem.as_str()) {
        return bytes.to_vec();
    }
    let mut out =
        format!("# yaml-language-server: $schema=../schemas/{stem}.schema.json\n").into_bytes();
    out.extend_from_slice(bytes);
    out
}

/// `careerbook schema`: write the data files' JSON Schemas into `out`.
pub fn write_schemas(out: &Path) -> Result<Vec<PathBuf>, InitError> {
    std::fs::create_dir_all(out).map_err(|source| InitError::Io {
        path: out.to_path_buf(),
        source,
    })?;
    let mut written = Vec::new();
    let template = (
        "template-context.schema.json",
        crate::view::template_schema(),
    );
    for (name, schema) in crate::model::schemas().into_iter().chain([template]) {
        let path = out.join(name);
        std::fs::write(&path, schema_bytes(&schema)).map_err(|source| InitError::Io {
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}

fn collect(dir: &'static Dir<'static>, prefix: &Path, out: &mut Vec<(PathBuf, &'static [u8])>) {
    for f in dir.files() {
        out.push((prefix.join(f.path()), f.contents()));
    }
    for d in dir.dirs() {
        collect(d, prefix, out);
    }
}
