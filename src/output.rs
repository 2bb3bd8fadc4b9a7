//! Writing the site: into a fresh sibling folder, then swapped into place, so a
//! failed or interrupted build never leaves a half-written site behind.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::render::{OutputFile, Sink};

/// A file we leave in every output folder, so that `build` and `clean` only ever
/// replace or remove a folder careerbook made.
pub const MARKER: &str = ".careerbook-output";

/// Why an output folder cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("the output folder {0} holds the project itself")]
    ContainsProject(PathBuf),
    #[error(
        "the output folder {0} is inside content/, data/ or themes/, which careerbook never writes to"
    )]
    InsideSources(PathBuf),
    #[error("{0} exists and was not made by careerbook")]
    NotOurs(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

impl OutputError {
    pub fn help(&self) -> &'static str {
        match self {
            OutputError::ContainsProject(_) | OutputError::InsideSources(_) => {
                "choose another folder with --out or [build] output in book.toml, such as `site`"
            }
            OutputError::NotOurs(_) => {
                "careerbook only replaces folders it made: remove the folder yourself, or choose another with --out or [build] output in book.toml"
            }
            OutputError::Io { .. } => "check the folder's permissions and free space",
        }
    }

    /// The error as a diagnostic, pointing at where the folder was chosen: `--out`
    /// on the command line (`from_flag`), or else `output` under `[build]` in the
    /// book.toml of `project_root`, when it is set there.
    pub fn diagnostic(&self, project_root: &Path, from_flag: bool) -> Diagnostic {
        let d = Diagnostic::error("output", self.to_string()).help(self.help());
        if matches!(self, OutputError::Io { .. }) {
            return d;
        }
        if from_flag {
            return Diagnostic {
                message: format!("{self} (the folder given with --out)"),
                ..d
            };
        }
        match output_key_position(project_root) {
            Some((line, column)) => d.in_file(crate::config::FILE_NAME).at(line, column),
            None => Diagnostic {
                message: format!("{self} (the default output folder)"),
                ..d
            },
        }
    }
}

/// Line and column of the value of `output` under `[build]` in book.toml, in
/// whichever form the TOML writes it (a table, a dotted key, an inline table).
/// `None` when book.toml does not set it, or cannot be used (then the build
/// would not use its `output` either).
fn output_key_position(project_root: &Path) -> Option<(usize, usize)> {
    crate::config::Config::load(project_root)
        .ok()?
        .value_position("build.output")
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Refuse output folders that would destroy the user's work.
pub fn check_target(project_root: &Path, out: &Path) -> Result<(), OutputError> {
    let root = absolute(project_root);
    let out_abs = absolute(out);
    if root.starts_with(&out_abs) {
        return Err(OutputError::ContainsProject(out.to_path_buf()));
    }
    for src in ["content", "data", "themes"] {
        if out_abs.starts_with(root.join(src)) {
            return Err(OutputError::InsideSources(out.to_path_buf()));
        }
    }
    if out.exists() && !is_ours(out) {
        return Err(OutputError::NotOurs(out.to_path_buf()));
    }
    Ok(())
}

/// An empty folder, or one with our marker, may be replaced.
fn is_ours(out: &Path) -> bool {
    out.join(MARKER).is_file()
        || std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false)
}

/// Canonical where possible; for a path that does not exist yet, its nearest
/// existing parent made canonical, plus the rest.
fn absolute(p: &Path) -> PathBuf {
    let p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut existing = p.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(c) = existing.canonicalize() {
            let mut out = c;
            out.extend(rest.iter().rev());
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return p,
        }
    }
}

/// A new site being written: a fresh folder beside `out`, filled while the build
/// runs, swapped into place by [`Staging::commit`]. Dropped without a commit (a
/// failed build), it is removed and `out` stays as it was.
pub struct Staging {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    dir: tempfile::TempDir,
    /// The folders made so far in the staging folder.
    folders: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    /// Refuse an output folder that would destroy the user's work, then make the
    /// staging folder.
    pub fn new(project_root: &Path, out: &Path) -> Result<Self, OutputError> {
        check_target(project_root, out)?;
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        std::fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "site".into());
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.new-"))
            .tempdir_in(&parent)
            .map_err(io_err(&parent))?;
        Ok(Staging {
            out: out.to_path_buf(),
            parent,
            name,
            dir,
            folders: Default::default(),
        })
    }

    /// Swap the new site in: move the old one aside, move the new one in, then
    /// delete the old one.
    pub fn commit(self) -> Result<(), OutputError> {
        let Staging {
            out,
            parent,
            name,
            dir,
            folders: _,
        } = self;
        std::fs::write(
            dir.path().join(MARKER),
            b"This folder is written by careerbook and replaced by each build.\n",
        )
        .map_err(io_err(dir.path()))?;
        let staged = dir.keep();
        let old = if out.exists() {
            let aside = tempfile::Builder::new()
                .prefix(&format!(".{name}.old-"))
                .tempdir_in(&parent)
                .map_err(io_err(&parent))?
                .keep();
            std::fs::remove_dir(&aside).map_err(io_err(&aside))?;
            std::fs::rename(&out, &aside).map_err(io_err(&out))?;
            Some(aside)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(&staged, &out) {
            // Put the old site back so the user keeps a working one.
            if let Some(old) = &old {
                let _ = std::fs::rename(old, &out);
            }
            let _ = std::fs::remove_dir_all(&staged);
            return Err(io_err(&out)(e));
        }
        if let Some(old) = old {
            remove_tree(&old).map_err(io_err(&old))?;
        }
        Ok(())
    }
}

impl Sink for Staging {
    fn write_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut file = io::BufWriter::with_capacity(64 * 1024, self.create(path)?);
        write(&mut file)?;
        file.into_inner().map_err(io::IntoInnerError::into_error)?;
        Ok(())
    }

    fn write_bytes(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.create(path)?.write_all(bytes)
    }
}

impl Staging {
    /// Create the file at `path` under the staging folder, and its folders.
    fn create(&self, path: &str) -> io::Result<std::fs::File> {
        let path = self.dir.path().join(path);
        if let Some(dir) = path.parent() {
            // A folder is made once: asking the file system again for each of
            // its thousand pages costs two system calls a page.
            let mut made = self.folders.lock().unwrap_or_else(|e| e.into_inner());
            if !made.contains(dir) {
                std::fs::create_dir_all(dir)?;
                made.insert(dir.to_path_buf());
            }
        }
        std::fs::File::create(&path)
    }
}

/// Write `files` as the new content of `out`.
pub fn write_site(
    project_root: &Path,
    out: &Path,
    files: &[OutputFile],
) -> Result<(), OutputError> {
    let staging = Staging::new(project_root, out)?;
    for f in files {
        staging
            .write_bytes(&f.path, &f.bytes)
            .map_err(io_err(&out.join(&f.path)))?;
    }
    staging.commit()
}

/// Remove a folder and everything in it, its subfolders in parallel: a large
/// site's files are removed in a fraction of the time one thread takes, because
/// most of the work is the file system freeing each file. Links are removed, never
/// followed, `dir` itself included (as `remove_dir_all` does).
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    if !std::fs::symlink_metadata(dir)?.is_dir() {
        return std::fs::remove_file(dir);
    }
    let entries = std::fs::read_dir(dir)?.collect::<io::Result<Vec<_>>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        }
    })?;
    std::fs::remove_dir(dir)
}

/// Remove an output folder careerbook made. Returns the number of files and bytes.
pub fn clean(project_root: &Path, out: &Path) -> Result<(u64, u64), OutputError> {
    if !out.exists() {
        return Ok((0, 0));
    }
    check_target(project_root, out)?;
    let (mut files, mut bytes) = (0, 0);
    for entry in walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_file() {
            files += 1;
            bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    remove_tree(out).map_err(io_err(out))?;
    Ok((files, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The old site goes, all of it, folders removed side by side; a link inside
    /// it is removed as a link, never followed into what it points at.
    #[cfg(unix)]
    #[test]
    fn replacing_a_site_removes_the_old_one_and_never_follows_its_links() {
        let dir = tempfile::tempdir().unwrap();
        let (root, out) = (dir.path(), dir.path().join("site"));
        let keep = root.join("elsewhere");
        std::fs::create_dir_all(keep.join("inner")).unwrap();
        std::fs::write(keep.join("inner/precious.txt"), "mine").unwrap();
        let write = |files: &[&str]| {
            let staging = Staging::new(root, &out).unwrap();
            for f in files {
                staging.write_bytes(f, f.as_bytes()).unwrap();
            }
            staging.commit().unwrap();
        };
        write(&["index.html", "a/one.html", "a/b/two.html", "c/three.html"]);
        std::os::unix::fs::symlink(&keep, out.join("a/to-elsewhere")).unwrap();
        std::os::unix::fs::symlink(keep.join("inner/precious.txt"), out.join("file-link")).unwrap();
        write(&["index.html", "d/four.html"]);
        let mut left: Vec<String> = walkdir::WalkDir::new(&out)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                let e = e.unwrap();
                e.path().strip_prefix(&out).unwrap().display().to_string()
            })
            .collect();
        left.sort();
        assert_eq!(left, [MARKER, "d", "d/four.html", "index.html"]);
        assert_eq!(
            std::fs::read_to_string(keep.join("inner/precious.txt")).unwrap(),
            "mine"
        );
        let names: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.contains(".old-")), "{names:?}");
        // `clean` removes the same way.
        std::os::unix::fs::symlink(&keep, out.join("d/to-elsewhere")).unwrap();
        let (files, _) = clean(root, &out).unwrap();
        assert_eq!(files, 3);
        assert!(!out.exists());
        assert!(keep.join("inner/precious.txt").exists());
        // An output folder that is a link to a site elsewhere: replacing it
        // removes the link, not the site it points at.
        let real = root.join("real-site");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join(MARKER), "").unwrap();
        std::fs::write(real.join("index.html"), "theirs").unwrap();
        std::os::unix::fs::symlink(&real, &out).unwrap();
        write(&["index.html"]);
        assert!(!out.is_symlink() && out.join("index.html").is_file());
        assert_eq!(
            std::fs::read_to_string(real.join("index.html")).unwrap(),
            "theirs"
        );
    }

    #[test]
    fn refuses_to_replace_the_project_or_its_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("content")).unwrap();
        assert!(matches!(
            check_target(root, root),
            Err(OutputError::ContainsProject(_))
        ));
        assert!(matches!(
            check_target(root, root.parent().unwrap()),
            Err(OutputError::ContainsProject(_))
        ));
        assert!(matches!(
            check_target(root, &root.join("content/site")),
            Err(OutputError::InsideSources(_))
        ));
        assert!(check_target(root, &root.join("site")).is_ok());
    }

    #[test]
    fn a_refusal_points_at_where_the_folder_was_chosen() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("content")).unwrap();
        let refuse = |out: &Path| check_target(root, out).unwrap_err();
        // From book.toml: at the value of `output`, whichever way it is written.
        for (toml, at) in [
            (
                "[book]\ntitle = \"x\"\n\n[build]\noutput = \"content/site\"\n",
                (5, 10),
            ),
            ("build.output = \"content/site\"\n", (1, 16)),
            (
                "build = { theme = \"default\", output = \"content/site\" }\n",
                (1, 39),
            ),
        ] {
            std::fs::write(root.join("book.toml"), toml).unwrap();
            let d = refuse(&root.join("content/site")).diagnostic(root, false);
            assert_eq!(
                d.location(),
                format!("book.toml:{}:{}", at.0, at.1),
                "{toml}"
            );
            assert_eq!(d.code, "output");
            assert!(d.help.is_some());
        }
        // From --out, whatever book.toml says.
        let d = refuse(&root.join("content/site")).diagnostic(root, true);
        assert_eq!(d.file, None);
        assert!(
            d.message.ends_with("(the folder given with --out)"),
            "{d:?}"
        );
        // The default, when book.toml does not choose one.
        std::fs::write(root.join("book.toml"), "[book]\ntitle = \"x\"\n").unwrap();
        let d = refuse(root).diagnostic(root, false);
        assert_eq!(d.file, None);
        assert!(d.message.ends_with("(the default output folder)"), "{d:?}");
    }

    #[test]
    fn refuses_a_folder_it_did_not_make() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("docs");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("precious.txt"), "x").unwrap();
        let err = write_site(dir.path(), &out, &[]).unwrap_err();
        assert!(matches!(err, OutputError::NotOurs(_)));
        assert!(out.join("precious.txt").exists());
    }

    #[test]
    fn replaces_its_own_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(dir.path(), &out, &[OutputFile::new("a/old.html", "old")]).unwrap();
        write_site(dir.path(), &out, &[OutputFile::new("new.html", "new")]).unwrap();
        assert!(!out.join("a/old.html").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("new.html")).unwrap(),
            "new"
        );
        // Nothing left beside it.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("site")]);
        let (files, _) = clean(dir.path(), &out).unwrap();
        assert_eq!(files, 2);
        assert!(!out.exists());
    }
}
