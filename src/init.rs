//! `careerbook init`: a new workbook project from the defaults compiled into the
//! binary (the same files as this repository's own workbook).

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

static CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
static DATA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");
const BOOK_TOML: &str = include_str!("../book.toml");
const GITIGNORE: &str = "# The built site; `careerbook build` writes it again.\n/site/\n/.site.*\n\
# A cohort's members' workbooks: each names the people that member works with.\n/members/\n/.members.*\n";

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

/// Write a new project into `dir`. Without `force`, `dir` must be empty or absent;
/// with it, existing files are still never overwritten.
pub fn init(dir: &Path, force: bool, with_theme: bool) -> Result<InitReport, InitError> {
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
    let mut files: Vec<(PathBuf, &[u8])> = vec![
        (PathBuf::from("book.toml"), BOOK_TOML.as_bytes()),
        (PathBuf::from(".gitignore"), GITIGNORE.as_bytes()),
    ];
    collect(&CONTENT, Path::new("content"), &mut files);
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
    let owned: Vec<(PathBuf, Vec<u8>)> = schema_files.into_iter().chain(data_files).collect();
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
