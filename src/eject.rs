//! `careerbook eject`: copy built-in pages of the guidance into the project's
//! `content/` to edit them, list which pages the project replaces, and show how
//! a replaced page differs from the built-in one.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::load::base::{Base, fingerprint};
use crate::load::content::{DIR, parse_page};

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
/// matter; a page the project has already is never overwritten. A pattern
/// that names nothing is an error with a did-you-mean, and then nothing is
/// written. A page comes with its built-in translations into the book's other
/// `languages` (`name.fr.md`), so the project's versions stay in step.
pub fn eject(
    root: &Path,
    base: &Base,
    patterns: &[String],
    languages: &[String],
) -> Result<Vec<Ejected>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut pages: Vec<&str> = Vec::new();
    for pattern in patterns {
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
    let mut done = Vec::new();
    for rel in pages {
        let path = Path::new(DIR).join(rel);
        let full = root.join(&path);
        if full.exists() {
            done.push(Ejected::Kept(path));
            continue;
        }
        let text = base.get(rel).expect("a matched page exists");
        let ejected = with_based_on(text, &fingerprint(text));
        let write = || -> std::io::Result<()> {
            if let Some(dir) = full.parent() {
                std::fs::create_dir_all(dir)?;
            }
            // create_new: a file that appeared since the check is not overwritten.
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&full)?;
            std::io::Write::write_all(&mut f, ejected.as_bytes())
        };
        match write() {
            Ok(()) => done.push(Ejected::Written(path)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                done.push(Ejected::Kept(path))
            }
            Err(e) => {
                return Err(vec![
                    Diagnostic::error("output", format!("cannot write {}: {e}", path.display()))
                        .in_file(&path),
                ]);
            }
        }
    }
    Ok(done)
}

/// How the project's page at `pattern` differs from the built-in one, as a
/// unified diff (the built-in page first); `Ok(None)` when they are the same.
pub fn diff(root: &Path, base: &Base, pattern: &str) -> Result<Option<String>, Vec<Diagnostic>> {
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
    let (builtin, own) = (normalise(&builtin), normalise(&own));
    if builtin == own {
        return Ok(None);
    }
    let diff = similar::TextDiff::from_lines(&builtin, &own);
    Ok(Some(
        diff.unified_diff()
            .context_radius(3)
            .header(&format!("built-in {rel}"), &path.display().to_string())
            .to_string(),
    ))
}

fn unknown(base: &Base, pattern: &str) -> Diagnostic {
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
        let done = eject(dir.path(), &base(), &["messages/".to_string()], &[]).unwrap();
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
        let again = eject(dir.path(), &base(), &["messages/a.md".to_string()], &[]).unwrap();
        assert_eq!(again, [Ejected::Kept("content/messages/a.md".into())]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("content/messages/a.md")).unwrap(),
            "mine"
        );

        let err = eject(dir.path(), &base(), &["mesages/a.md".to_string()], &[]).unwrap_err();
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
        eject(dir.path(), &b, &["messages/a.md".to_string()], &[]).unwrap();
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
        let d = diff(dir.path(), &newer, "messages/a.md").unwrap().unwrap();
        assert!(d.contains("-A, better.") && d.contains("+A."), "{d}");
        assert_eq!(diff(dir.path(), &b, "index.md").unwrap(), None);
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
        )
        .unwrap();
        assert_eq!(done.len(), 1, "{done:?}");
    }
}
