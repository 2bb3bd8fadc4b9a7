//! The built-in guidance: this repository's `content/`, compiled into the
//! binary. A project with `[content] base = true` (what `careerbook init`
//! writes) builds on it: a page of its own `content/` at the same path
//! replaces the built-in one, a page at a new path is added, and
//! `[content] exclude` leaves built-in pages or parts out. So a project gets
//! each new edition of the guidance by upgrading careerbook, and keeps only
//! the pages it changed.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use include_dir::{Dir, include_dir};

/// The guidance as files (`careerbook init --content` copies them).
pub(crate) static CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// How diagnostics name a built-in page: `(built-in)/mentors/finding-mentors.md`.
pub const PREFIX: &str = "(built-in)/";

/// Whether `file` (a [`crate::load::content::SourcePage::file`]) is a built-in page.
pub fn is_built_in(file: &std::path::Path) -> bool {
    file.starts_with(PREFIX.trim_end_matches('/'))
}

/// The built-in pages (and any other file), by path under `content/`.
#[derive(Debug, Clone, Default)]
pub struct Base {
    files: BTreeMap<String, String>,
}

impl Base {
    /// The guidance compiled into this careerbook.
    pub fn builtin() -> &'static Base {
        static BASE: LazyLock<Base> = LazyLock::new(|| {
            let mut files = BTreeMap::new();
            collect(&CONTENT, &mut files);
            Base { files }
        });
        &BASE
    }

    /// A base of these pages (path under `content/` → text), for tests of an
    /// edition other than the built-in one.
    pub fn from_files(files: impl IntoIterator<Item = (String, String)>) -> Base {
        Base {
            files: files.into_iter().collect(),
        }
    }

    /// Every file, in path order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The text of the built-in file at `rel` (a path under `content/`).
    pub fn get(&self, rel: &str) -> Option<&str> {
        self.files.get(rel).map(String::as_str)
    }

    /// The files an `exclude` or `eject` pattern names: the file itself, or
    /// every file under a folder (`messages/` or `messages`).
    pub fn matching(&self, pattern: &str) -> Vec<&str> {
        let p = pattern.trim().trim_start_matches("content/");
        let folder = format!("{}/", p.trim_end_matches('/'));
        self.files
            .keys()
            .filter(|rel| rel.as_str() == p || rel.starts_with(&folder))
            .map(String::as_str)
            .collect()
    }

    /// The files an `exclude` pattern leaves out: those it names, and their
    /// versions in other languages (`page.md` takes `page.fr.md` with it, as
    /// a folder takes all of its files).
    pub fn excluded_by(&self, pattern: &str) -> Vec<&str> {
        let named = self.matching(pattern);
        // Only a default-language page takes its translations with it: a
        // translation named alone (`page.fr.md`) leaves the page as it is.
        let stems: std::collections::HashSet<&str> = named
            .iter()
            .filter(|rel| super::content::language_suffix(rel).is_none())
            .filter_map(|rel| rel.strip_suffix(".md"))
            .collect();
        self.files
            .keys()
            .map(String::as_str)
            .filter(|rel| {
                named.contains(rel)
                    || (rel.ends_with(".md") && stems.contains(super::content::language_stem(rel)))
            })
            .collect()
    }
}

/// The language the built-in guidance's pages without a suffix are written in.
pub const SOURCE_LANGUAGE: &str = "en";

impl Base {
    /// The guidance as a book whose default language is `languages`' first
    /// sees it: its pages without a suffix are in that language. The built-in
    /// pages are written in English (`page.md`) with translations beside them
    /// (`page.fr.md`); for a book in French first, `page.fr.md` becomes
    /// `page.md` and `page.md` becomes `page.en.md`, so a French book's
    /// default pages are the French ones, a page of the project's own at
    /// `page.md` replaces the French page, and `eject page.md` copies it.
    /// A page with no translation into that language stays as it is.
    pub fn for_languages(&self, languages: &[String]) -> std::borrow::Cow<'_, Base> {
        let default = languages
            .first()
            .map_or(SOURCE_LANGUAGE, |l| crate::config::primary_subtag(l));
        let suffix = format!(".{default}.md");
        if default == SOURCE_LANGUAGE || !self.files.keys().any(|rel| rel.ends_with(&suffix)) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut files = BTreeMap::new();
        for (rel, text) in &self.files {
            let rel = match rel.strip_suffix(&suffix) {
                Some(stem) => format!("{stem}.md"),
                None => match rel.strip_suffix(".md") {
                    Some(stem)
                        if super::content::language_suffix(rel).is_none()
                            && self.files.contains_key(&format!("{stem}{suffix}")) =>
                    {
                        format!("{stem}.{SOURCE_LANGUAGE}.md")
                    }
                    _ => rel.clone(),
                },
            };
            files.insert(rel, text.clone());
        }
        std::borrow::Cow::Owned(Base { files })
    }
}

impl Base {
    /// The built-in page or part (`messages/`) closest to a pattern that
    /// named nothing, for a "did you mean".
    pub fn closest(&self, pattern: &str) -> Option<String> {
        let pages: Vec<&str> = self.files.keys().map(String::as_str).collect();
        let parts: Vec<String> = pages
            .iter()
            .filter_map(|rel| rel.rsplit_once('/').map(|(dir, _)| format!("{dir}/")))
            .collect();
        let candidates = pages
            .iter()
            .copied()
            .chain(parts.iter().map(String::as_str));
        crate::diagnostics::suggest(pattern, candidates).map(str::to_string)
    }
}

fn collect(dir: &Dir<'static>, out: &mut BTreeMap<String, String>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            let rel = file.path().to_string_lossy().replace('\\', "/");
            out.insert(rel, text.to_string());
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

/// A short, stable fingerprint of a built-in page's text (FNV-1a, 64 bits),
/// written as `based_on:` in an ejected page's front matter: when the built-in
/// page's fingerprint no longer matches, its edition changed since.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.replace("\r\n", "\n").bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excluding_a_page_takes_its_translations_but_not_the_other_way() {
        let base = Base::from_files(
            [
                "a.md",
                "a.fr.md",
                "b.md",
                "b.fr.md",
                "part/c.md",
                "part/c.fr.md",
            ]
            .map(|rel| (rel.to_string(), "text\n".to_string())),
        );
        assert_eq!(base.excluded_by("a.md"), ["a.fr.md", "a.md"]);
        assert_eq!(base.excluded_by("b.fr.md"), ["b.fr.md"]);
        assert_eq!(base.excluded_by("part/"), ["part/c.fr.md", "part/c.md"]);
        assert!(base.excluded_by("nothing.md").is_empty());
    }

    #[test]
    fn a_book_in_french_first_sees_the_french_pages_as_its_own() {
        let base = Base::from_files(
            [
                ("a.md", "A"),
                ("a.fr.md", "A fr"),
                ("only-en.md", "E"),
                ("b/c.md", "C"),
                ("b/c.fr.md", "C fr"),
                ("b/pic.png", "png"),
            ]
            .map(|(k, v)| (k.to_string(), v.to_string())),
        );
        let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let fr = base.for_languages(&langs(&["fr-CA", "en-CA"]));
        let files: Vec<(&str, &str)> = fr.files().collect();
        assert_eq!(
            files,
            [
                ("a.en.md", "A"),
                ("a.md", "A fr"),
                ("b/c.en.md", "C"),
                ("b/c.md", "C fr"),
                ("b/pic.png", "png"),
                ("only-en.md", "E"),
            ]
        );
        // English first, or a language the guidance has no pages in: as built in.
        assert!(matches!(
            base.for_languages(&langs(&["en-CA", "fr-CA"])),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(
            base.for_languages(&langs(&["es-MX"])),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn the_builtin_base_is_this_repositorys_content() {
        let base = Base::builtin();
        let on_disk = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("content/mentors/finding-mentors.md"),
        )
        .unwrap();
        assert_eq!(
            base.get("mentors/finding-mentors.md"),
            Some(on_disk.as_str())
        );
        assert!(base.matching("messages/").len() > 5);
        assert_eq!(base.matching("messages"), base.matching("messages/"));
        assert_eq!(base.matching("content/index.md"), ["index.md"]);
        assert!(base.matching("mess").is_empty());
    }

    #[test]
    fn fingerprints_are_stable_and_ignore_line_endings() {
        assert_eq!(fingerprint("a\nb\n"), fingerprint("a\r\nb\r\n"));
        assert_ne!(fingerprint("a"), fingerprint("b"));
        assert_eq!(fingerprint(""), "cbf29ce484222325");
    }
}
