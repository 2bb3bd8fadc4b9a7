//! `careerbook eject`: copy built-in pages of the guidance into the project's
//! `content/`, or files of the built-in theme into its theme folder, to edit
//! them; list which ones the project replaces, and show how a replaced one
//! differs from the built-in one.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::load::base::{Base, fingerprint};
use crate::load::content::{DIR, parse_page};
use crate::load::theme::Theme;

/// Where a built-in page stands in a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Not in the project's `content/`: the built-in page is used.
    BuiltIn,
    /// Left out by `[content] exclude`.
    Excluded,
    /// The project has the same text: delete it to get new editions.
    Identical,
    /// Replaced, ejected from this very edition.
    Current,
    /// Replaced, ejected from an older edition: worth a review.
    Older,
    /// Replaced, without `based_on` (a project made by an older `init`).
    Replaced,
}

impl Status {
    pub fn describe(&self) -> &'static str {
        match self {
            Status::BuiltIn => "built in",
            Status::Excluded => "excluded in book.toml",
            Status::Identical => {
                "yours, the same as the built-in page: delete it to get new editions"
            }
            Status::Current => "yours, ejected from this edition",
            Status::Older => "yours, ejected from an older edition: review it (eject --diff)",
            Status::Replaced => "yours, different from the built-in page",
        }
    }

    /// [`Status::describe`], for a file of the theme.
    pub fn describe_theme_file(&self) -> &'static str {
        match self {
            Status::Identical => {
                "yours, the same as the built-in file: delete it to get new editions"
            }
            Status::BuiltIn | Status::Excluded => "built in",
            Status::Current | Status::Older | Status::Replaced => {
                "yours, different from the built-in file"
            }
        }
    }
}

/// How `eject`'s paths name the built-in theme's files rather than pages:
/// `theme/templates/page.html`, a folder such as `theme/print/`, or `theme/`
/// for all of it.
pub const THEME: &str = "theme/";

/// The path inside the theme that `pattern` names (`""` for all of it), or
/// none if it names pages. `themes/<name>/…`, as the README lists the theme's
/// files, reads as `theme/…`.
pub fn theme_path(pattern: &str) -> Option<&str> {
    let pattern = pattern.trim();
    if pattern == THEME.trim_end_matches('/') {
        return Some("");
    }
    if let Some(rest) = pattern.strip_prefix(THEME) {
        return Some(rest);
    }
    let rest = pattern
        .strip_prefix(crate::load::theme::DIR)?
        .strip_prefix('/')?;
    Some(rest.split_once('/').map_or("", |(_, rest)| rest))
}

/// The built-in theme's files that `path` (from [`theme_path`]) names: the
/// file, or every file in the folder.
fn theme_files<'t>(theme: &'t Theme, path: &str) -> Vec<(&'t str, &'t [u8])> {
    let folder = path.trim_end_matches('/');
    theme
        .files
        .iter()
        .filter(|(rel, _)| {
            folder.is_empty()
                || *rel == path
                || rel
                    .strip_prefix(folder)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
        .map(|(rel, file)| (rel.as_str(), &*file.bytes))
        .collect()
}

/// Every file of the built-in theme (as `theme/…`) and where it stands in the
/// project at `root`, whose theme folder is `themes/<name>/`.
pub fn list_theme(root: &Path, name: &str) -> Vec<(String, Status)> {
    let theme = Theme::builtin();
    theme_files(&theme, "")
        .into_iter()
        .map(|(rel, builtin)| {
            let own = std::fs::read(theme_file(root, name, rel)).ok();
            let status = match own {
                None => Status::BuiltIn,
                Some(own) if normalise_bytes(&own) == normalise_bytes(builtin) => Status::Identical,
                Some(_) => Status::Replaced,
            };
            (format!("{THEME}{rel}"), status)
        })
        .collect()
}

/// Where the project at `root` keeps its own copy of the theme's file `rel`.
fn theme_file(root: &Path, name: &str, rel: &str) -> PathBuf {
    root.join(theme_folder(name)).join(rel)
}

/// The project's theme folder, `themes/<name>`.
fn theme_folder(name: &str) -> PathBuf {
    Path::new(crate::load::theme::DIR).join(name)
}

fn normalise_bytes(bytes: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memmem::find(bytes, b"\r\n").is_none() {
        return bytes.into();
    }
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    Cow::Owned(text.into_bytes())
}

/// Every built-in page (`*.md` under the guidance) and where it stands in the
/// project at `root`, excluding `exclude` patterns.
pub fn list(root: &Path, base: &Base, exclude: &[String]) -> Vec<(String, Status)> {
    let excluded: Vec<&str> = exclude.iter().flat_map(|p| base.excluded_by(p)).collect();
    base.files()
        .filter(|(rel, _)| rel.ends_with(".md"))
        .map(|(rel, text)| {
            let own = std::fs::read_to_string(root.join(DIR).join(rel)).ok();
            let status = match own {
                None if excluded.contains(&rel) => Status::Excluded,
                None => Status::BuiltIn,
                Some(own) if normalise(&own) == normalise(text) => Status::Identical,
                Some(own) => match based_on(&own, rel) {
                    Some(b) if b == fingerprint(text) => Status::Current,
                    Some(_) => Status::Older,
                    None => Status::Replaced,
                },
            };
            (rel.to_string(), status)
        })
        .collect()
}

fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// The `based_on` of a page's front matter.
fn based_on(text: &str, rel: &str) -> Option<String> {
    let mut diags = crate::diagnostics::Diagnostics::new();
    parse_page(
        text.to_string(),
        PathBuf::from(rel),
        rel.to_string(),
        &mut diags,
    )
    .front
    .based_on
    .map(|b| b.value.trim().to_string())
}

/// What `eject` did with one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ejected {
    /// Copied to this path (relative to the project).
    Written(PathBuf),
    /// The project has this page already: left as it is.
    Kept(PathBuf),
}

/// Copy the built-in pages that `patterns` name (pages, or parts such as
/// `messages/`) into `root`'s `content/`, each with `based_on:` in its front
/// matter, and the built-in theme's files they name ([`THEME`]) into its
/// theme folder `themes/<theme>/`; a file the project has already is never
/// overwritten. A pattern that names nothing is an error with a did-you-mean,
/// and then nothing is written. A page comes with its built-in translations
/// into the book's other `languages` (`name.fr.md`), so the project's
/// versions stay in step.
pub fn eject(
    root: &Path,
    base: &Base,
    patterns: &[String],
    languages: &[String],
    theme: &str,
) -> Result<Vec<Ejected>, Vec<Diagnostic>> {
    let builtin_theme = Theme::builtin();
    let mut problems = Vec::new();
    let mut pages: Vec<&str> = Vec::new();
    let mut theme_rels: Vec<&str> = Vec::new();
    for pattern in patterns {
        if let Some(path) = theme_path(pattern) {
            let matched = theme_files(&builtin_theme, path);
            if matched.is_empty() {
                problems.push(unknown_theme_file(&builtin_theme, pattern));
            }
            for (rel, _) in matched {
                if !theme_rels.contains(&rel) {
                    theme_rels.push(rel);
                }
            }
            continue;
        }
        let matched: Vec<&str> = base
            .matching(pattern)
            .into_iter()
            .filter(|rel| rel.ends_with(".md"))
            .collect();
        if matched.is_empty() {
            problems.push(unknown(base, pattern));
        }
        for rel in matched {
            let stem = rel.trim_end_matches(".md");
            let translations = languages.iter().skip(1).filter_map(|tag| {
                let primary = crate::config::primary_subtag(tag);
                base.files()
                    .map(|(other, _)| other)
                    .find(|other| *other == format!("{stem}.{primary}.md"))
            });
            for page in std::iter::once(rel).chain(translations) {
                if !pages.contains(&page) {
                    pages.push(page);
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let pages = pages.into_iter().map(|rel| {
        let text = base.get(rel).expect("a matched page exists");
        (
            Path::new(DIR).join(rel),
            Cow::Owned(with_based_on(text, &fingerprint(text)).into_bytes()),
        )
    });
    let theme_files = theme_rels.into_iter().map(|rel| {
        let file = &builtin_theme.files[rel];
        (theme_folder(theme).join(rel), Cow::Borrowed(&*file.bytes))
    });
    let mut done = Vec::new();
    for (path, bytes) in pages.chain(theme_files) {
        done.push(write_new(root, path, &bytes).map_err(|d| vec![d])?);
    }
    Ok(done)
}

/// Write `bytes` to `path` (from `root`) unless a file is there already.
fn write_new(root: &Path, path: PathBuf, bytes: &[u8]) -> Result<Ejected, Diagnostic> {
    let full = root.join(&path);
    if full.exists() {
        return Ok(Ejected::Kept(path));
    }
    let write = || -> std::io::Result<()> {
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // create_new: a file that appeared since the check is not overwritten.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&full)?;
        std::io::Write::write_all(&mut f, bytes)
    };
    match write() {
        Ok(()) => Ok(Ejected::Written(path)),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(Ejected::Kept(path)),
        Err(e) => Err(
            Diagnostic::error("output", format!("cannot write {}: {e}", path.display()))
                .in_file(&path),
        ),
    }
}

/// How the project's page at `pattern` differs from the built-in one, as a
/// unified diff (the built-in page first); `Ok(None)` when they are the same.
pub fn diff(
    root: &Path,
    base: &Base,
    pattern: &str,
    theme: &str,
) -> Result<Option<String>, Vec<Diagnostic>> {
    if let Some(path) = theme_path(pattern) {
        return diff_theme_file(root, path, pattern, theme);
    }
    let rel = pattern.trim().trim_start_matches("content/");
    let Some(builtin) = base.get(rel).filter(|_| rel.ends_with(".md")) else {
        return Err(vec![unknown(base, pattern)]);
    };
    let path = Path::new(DIR).join(rel);
    let own = std::fs::read_to_string(root.join(&path)).map_err(|e| {
        vec![
            Diagnostic::error("eject", format!("cannot read {}: {e}", path.display())).help(
                format!("`careerbook eject {rel}` copies the built-in page there first"),
            ),
        ]
    })?;
    // The page as `eject` wrote it has a `based_on:` line the built-in one
    // has not: not a change the project made.
    let builtin = match based_on(&own, rel) {
        Some(fingerprint) => with_based_on(builtin, &fingerprint),
        None => builtin.to_string(),
    };
    Ok(unified(
        &normalise(&builtin),
        &normalise(&own),
        &format!("built-in {rel}"),
        &path,
    ))
}

/// How `own` (the project's file at `path`) differs from `builtin`, as a
/// unified diff; none when they are the same.
fn unified(builtin: &str, own: &str, builtin_name: &str, path: &Path) -> Option<String> {
    (builtin != own).then(|| {
        similar::TextDiff::from_lines(builtin, own)
            .unified_diff()
            .context_radius(3)
            .header(builtin_name, &path.display().to_string())
            .to_string()
    })
}

/// [`diff`] for a file of the theme: the project's copy in `themes/<theme>/`
/// against the built-in one.
fn diff_theme_file(
    root: &Path,
    rel: &str,
    pattern: &str,
    theme: &str,
) -> Result<Option<String>, Vec<Diagnostic>> {
    let builtin_theme = Theme::builtin();
    let Some(builtin) = builtin_theme.files.get(rel) else {
        // A folder (`theme/print/`): each of its files that the project has.
        let files = theme_files(&builtin_theme, rel);
        if files.is_empty() {
            return Err(vec![unknown_theme_file(&builtin_theme, pattern)]);
        }
        let mut diffs = Vec::new();
        for (file, _) in files {
            if root.join(theme_folder(theme)).join(file).exists()
                && let Some(d) = diff_theme_file(root, file, pattern, theme)?
            {
                diffs.push(d);
            }
        }
        return Ok((!diffs.is_empty()).then(|| diffs.concat()));
    };
    let path = theme_folder(theme).join(rel);
    let own = std::fs::read(root.join(&path)).map_err(|e| {
        vec![
            Diagnostic::error("eject", format!("cannot read {}: {e}", path.display())).help(
                format!("`careerbook eject {THEME}{rel}` copies the built-in file there first"),
            ),
        ]
    })?;
    let builtin = String::from_utf8_lossy(&normalise_bytes(&builtin.bytes)).into_owned();
    let own = String::from_utf8_lossy(&normalise_bytes(&own)).into_owned();
    Ok(unified(
        &builtin,
        &own,
        &format!("built-in {THEME}{rel}"),
        &path,
    ))
}

/// A path under [`THEME`] that names no file or folder of the built-in theme.
fn unknown_theme_file(theme: &Theme, pattern: &str) -> Diagnostic {
    let files = theme.files.keys().map(|rel| format!("{THEME}{rel}"));
    let folders = theme.files.keys().filter_map(|rel| {
        rel.rsplit_once('/')
            .map(|(dir, _)| format!("{THEME}{dir}/"))
    });
    let wanted = theme_path(pattern).map_or(pattern.to_string(), |p| format!("{THEME}{p}"));
    // Never the name asked for itself.
    let candidates: Vec<String> = files.chain(folders).filter(|c| *c != wanted).collect();
    let help = match crate::diagnostics::suggest(&wanted, candidates.iter().map(String::as_str)) {
        Some(best) => {
            format!("did you mean `{best}`? `careerbook eject --list` lists the theme's files")
        }
        None => "`careerbook eject --list` lists the theme's files".to_string(),
    };
    Diagnostic::error(
        "eject",
        format!("`{pattern}` is not a file or folder of the built-in theme"),
    )
    .help(help)
}

fn unknown(base: &Base, pattern: &str) -> Diagnostic {
    let theme = Theme::builtin();
    let in_theme = pattern.trim().trim_start_matches('/');
    if !in_theme.is_empty() && !theme_files(&theme, in_theme).is_empty() {
        return Diagnostic::error(
            "eject",
            format!("`{pattern}` is not a built-in page or part"),
        )
        .help(format!(
            "it is a file of the theme: `careerbook eject {THEME}{in_theme}` copies it into the project's theme folder"
        ));
    }
    let help = match base.closest(pattern) {
        Some(best) => {
            format!("did you mean `{best}`? `careerbook eject --list` lists the built-in pages")
        }
        None => "`careerbook eject --list` lists the built-in pages".to_string(),
    };
    Diagnostic::error(
        "eject",
        format!("`{pattern}` is not a built-in page or part"),
    )
    .help(help)
}

/// `text` with `based_on: <fingerprint>` as the first line of its front matter.
fn with_based_on(text: &str, fingerprint: &str) -> String {
    let line = format!("based_on: {fingerprint}\n");
    match text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    {
        Some(rest) => format!("---\n{line}{rest}"),
        None => format!("---\n{line}---\n{text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Base {
        Base::from_files([
            (
                "index.md".to_string(),
                "---\ntitle: Home\n---\nWelcome.\n".to_string(),
            ),
            (
                "messages/a.md".to_string(),
                "---\ntitle: A\n---\nA.\n".to_string(),
            ),
            (
                "messages/b.md".to_string(),
                "No front matter.\n".to_string(),
            ),
        ])
    }

    #[test]
    fn eject_copies_with_based_on_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let done = eject(
            dir.path(),
            &base(),
            &["messages/".to_string()],
            &[],
            "default",
        )
        .unwrap();
        assert_eq!(
            done,
            [
                Ejected::Written("content/messages/a.md".into()),
                Ejected::Written("content/messages/b.md".into())
            ]
        );
        let a = std::fs::read_to_string(dir.path().join("content/messages/a.md")).unwrap();
        let fp = fingerprint("---\ntitle: A\n---\nA.\n");
        assert_eq!(a, format!("---\nbased_on: {fp}\ntitle: A\n---\nA.\n"));
        let b = std::fs::read_to_string(dir.path().join("content/messages/b.md")).unwrap();
        assert!(
            b.starts_with("---\nbased_on: ") && b.ends_with("---\nNo front matter.\n"),
            "{b}"
        );

        std::fs::write(dir.path().join("content/messages/a.md"), "mine").unwrap();
        let again = eject(
            dir.path(),
            &base(),
            &["messages/a.md".to_string()],
            &[],
            "default",
        )
        .unwrap();
        assert_eq!(again, [Ejected::Kept("content/messages/a.md".into())]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("content/messages/a.md")).unwrap(),
            "mine"
        );

        let err = eject(
            dir.path(),
            &base(),
            &["mesages/a.md".to_string()],
            &[],
            "default",
        )
        .unwrap_err();
        assert!(
            err[0]
                .help
                .as_deref()
                .unwrap()
                .contains("did you mean `messages/a.md`?"),
            "{err:?}"
        );
    }

    #[test]
    fn list_says_where_each_built_in_page_stands() {
        let dir = tempfile::tempdir().unwrap();
        let b = base();
        eject(
            dir.path(),
            &b,
            &["messages/a.md".to_string()],
            &[],
            "default",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("content/index.md"),
            "---\ntitle: Home\n---\nWelcome.\n",
        )
        .unwrap();
        let listed = list(dir.path(), &b, &["messages/b.md".to_string()]);
        assert_eq!(
            listed,
            [
                ("index.md".to_string(), Status::Identical),
                ("messages/a.md".to_string(), Status::Current),
                ("messages/b.md".to_string(), Status::Excluded),
            ]
        );
        // A new edition of the built-in page: the ejected one is now older.
        let newer = Base::from_files([(
            "messages/a.md".to_string(),
            "---\ntitle: A\n---\nA, better.\n".to_string(),
        )]);
        assert_eq!(list(dir.path(), &newer, &[])[0].1, Status::Older);
        let d = diff(dir.path(), &newer, "messages/a.md", "default")
            .unwrap()
            .unwrap();
        assert!(d.contains("-A, better.") && d.contains("+A."), "{d}");
        assert_eq!(diff(dir.path(), &b, "index.md", "default").unwrap(), None);
    }

    #[test]
    fn a_page_comes_with_its_translations_into_the_book_s_languages() {
        let dir = tempfile::tempdir().unwrap();
        let languages = ["en-CA".to_string(), "fr-CA".to_string()];
        let base = Base::from_files(
            [
                ("messages/a.md", "# A\n"),
                ("messages/a.fr.md", "# A en français\n"),
            ]
            .map(|(r, t)| (r.to_string(), t.to_string())),
        );
        let done = eject(
            dir.path(),
            &base,
            &["messages/a.md".to_string()],
            &languages,
            "default",
        )
        .unwrap();
        assert_eq!(done.len(), 2, "{done:?}");
        assert!(dir.path().join("content/messages/a.fr.md").is_file());
        // In an English book the French page stays built in.
        let dir = tempfile::tempdir().unwrap();
        let done = eject(
            dir.path(),
            &base,
            &["messages/a.md".to_string()],
            &languages[..1],
            "default",
        )
        .unwrap();
        assert_eq!(done.len(), 1, "{done:?}");
    }
}
