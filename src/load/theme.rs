//! The theme: Tera templates, CSS and JavaScript. The default theme is compiled into
//! the binary so an installed `careerbook` works anywhere; a project's
//! `themes/<name>/` overrides it file by file, so a user copies only what they change.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::content::{is_ignored, slash_path};

pub static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub const DIR: &str = "themes";

#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub bytes: Cow<'static, [u8]>,
    /// The project file that overrides the built-in one, if any.
    pub source: Option<PathBuf>,
}

impl ThemeFile {
    /// Where diagnostics should point: the project's file, or the built-in one.
    pub fn display_path(&self, rel: &str) -> PathBuf {
        match &self.source {
            Some(p) => p.clone(),
            None => PathBuf::from(format!("(built-in theme)/{rel}")),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Path inside the theme (`templates/page.html`, `static/css/book.css`) → file.
    pub files: BTreeMap<String, ThemeFile>,
}

impl Theme {
    pub fn builtin() -> Theme {
        let mut files = BTreeMap::new();
        collect_builtin(&BUILTIN, &mut files);
        Theme { files }
    }

    pub fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, v)| k.strip_prefix("templates/").map(|name| (name, v)))
    }

    /// Files copied to the site under `assets/`.
    pub fn static_files(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, v)| k.strip_prefix("static/").map(|name| (name, v)))
    }
}

fn collect_builtin(dir: &'static Dir<'static>, files: &mut BTreeMap<String, ThemeFile>) {
    for f in dir.files() {
        files.insert(
            slash_path(f.path()),
            ThemeFile {
                bytes: Cow::Borrowed(f.contents()),
                source: None,
            },
        );
    }
    for d in dir.dirs() {
        collect_builtin(d, files);
    }
}

/// The built-in theme with the files of `themes/<name>/`, `name` from `[build]
/// theme` of `config`.
pub fn load(root: &Path, config: &Config, diags: &mut Diagnostics) -> Theme {
    let name = config.build.theme.as_str();
    let mut theme = Theme::builtin();
    let dir = root.join(DIR).join(name);
    if !dir.is_dir() {
        if name != "default" {
            let (line, column) = config.position("build.theme").unwrap_or((0, 0));
            diags.push(
                Diagnostic::error("theme", format!("there is no theme folder themes/{name}/"))
                    .in_file(crate::config::FILE_NAME)
                    .at(line, column)
                    .help("create the folder, or remove `theme` from [build] to use the built-in theme"),
            );
        }
        return theme;
    }
    let walker = WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker.filter_map(Result::ok) {
        let file = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        if crate::source::is_special(entry.file_type()) {
            diags.push(crate::source::not_regular(file, entry.file_type()));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = slash_path(
            entry
                .path()
                .strip_prefix(&dir)
                .expect("walkdir stays under its root"),
        );
        match crate::source::read_bytes(entry.path()) {
            Ok(bytes) => {
                theme.files.insert(
                    rel,
                    ThemeFile {
                        bytes: Cow::Owned(bytes),
                        source: Some(file),
                    },
                );
            }
            Err(e) => {
                diags.push(Diagnostic::error("io", format!("cannot read: {e}")).in_file(file))
            }
        }
    }
    theme
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_theme_folder_is_located_at_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::parse("# theme = \"old\"\n[build]\ntheme = \"missing\"\n").unwrap();
        let mut diags = Diagnostics::new();
        load(dir.path(), &config, &mut diags);
        let d = diags.into_vec().remove(0);
        assert_eq!(d.location(), "book.toml:3:1");
        assert_eq!(d.message, "there is no theme folder themes/missing/");
    }
}
