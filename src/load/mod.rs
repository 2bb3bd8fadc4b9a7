//! Reading a workbook project from disk. Loading only reads; every problem becomes a
//! [`Diagnostic`] and loading carries on, so all problems are reported at once.

pub mod base;
pub mod content;
pub mod data;
pub mod theme;
pub mod workbook;

/// [`crate::yaml`], under the path it had when loading owned it (the model
/// parses YAML text too, without loading).
pub use crate::yaml;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::model::Workbook;

pub use content::Content;
pub use data::Data;
pub use theme::Theme;

/// Everything a build needs, read from the project folder.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    pub content: Content,
    /// The other `data/*.yaml` files, untyped, for templates.
    pub data: Data,
    /// The person's profile, relationships and progress, validated.
    pub workbook: Workbook,
    /// A cohort's members, from `data/people/<id>/`, by id.
    pub members: Vec<Member>,
    pub theme: Theme,
    /// The interface's strings in every language of the book.
    pub strings: std::sync::Arc<crate::language::Strings>,
}

impl Project {
    /// The language this view of the project is in (`[book] language`: the
    /// default one, or the one [`Project::in_language`] chose).
    pub fn locale(&self) -> crate::language::Locale {
        crate::language::Locale::new(&self.config.book.language, self.strings.clone())
    }

    /// The project as readers of `tag` (one of its languages) see it: that
    /// language's pages (each untranslated page in the default language),
    /// title and description.
    pub fn in_language(&self, tag: &str) -> Project {
        let mut config = self.config.clone();
        config.book.language = tag.to_string();
        let content = if tag == self.config.default_language() {
            self.content.without_translations()
        } else {
            self.content.in_language(crate::config::primary_subtag(tag))
        };
        Project {
            root: self.root.clone(),
            config,
            content,
            data: self.data.clone(),
            workbook: self.workbook.clone(),
            members: self.members.clone(),
            theme: self.theme.clone(),
            strings: self.strings.clone(),
        }
    }
}

/// The project folder must be one: a mistyped name would otherwise build the
/// bare guidance into a new folder of that name, or serve one that never comes.
pub fn project_folder(root: &Path) -> Result<(), Diagnostic> {
    if root.is_dir() {
        return Ok(());
    }
    let what = if root.exists() {
        "is not a folder"
    } else {
        "does not exist"
    };
    Err(Diagnostic::error(
        "project",
        format!("the project folder `{}` {what}", root.display()),
    )
    .help(
        "give the folder that holds book.toml (the current folder if none is given), \
         or start a project there with `careerbook init`",
    ))
}

/// Read the whole project. Returns the project when nothing was an error, with any
/// warnings in `diags`. `today` is needed to reject log entries in the future.
pub fn load(root: &Path, today: NaiveDate, diags: &mut Diagnostics) -> Option<Project> {
    read(root, today, diags).whole()
}

/// [`load`], on top of `base` instead of the built-in guidance when book.toml
/// asks for a base (`[content] base = true`): for tests of another edition.
pub fn load_on(
    root: &Path,
    today: NaiveDate,
    base: &base::Base,
    diags: &mut Diagnostics,
) -> Option<Project> {
    read_on(root, today, base, diags).whole()
}

/// A project as read.
pub enum Loaded {
    /// Nothing was an error.
    Whole(Project),
    /// Only pages' front matter had errors. Each such page is kept with none
    /// (and is not read as a template), so that the pages can still be
    /// compiled for the problems in them: one run reports a broken front
    /// matter and a template error on another page. Never built from.
    Flawed(Project),
    /// Errors that leave nothing sound to compile (book.toml, the data).
    Failed,
}

impl Loaded {
    /// The project, if nothing was an error.
    pub fn whole(self) -> Option<Project> {
        match self {
            Loaded::Whole(project) => Some(project),
            Loaded::Flawed(_) | Loaded::Failed => None,
        }
    }
}

/// [`load`], keeping a project whose only errors are in pages' front matter
/// ([`Loaded::Flawed`]).
pub fn read(root: &Path, today: NaiveDate, diags: &mut Diagnostics) -> Loaded {
    read_on(root, today, base::Base::builtin(), diags)
}

fn read_on(root: &Path, today: NaiveDate, base: &base::Base, diags: &mut Diagnostics) -> Loaded {
    if let Err(d) = project_folder(root) {
        diags.push(d);
        return Loaded::Failed;
    }
    let config = match Config::load_with_files(root) {
        Ok(c) => Some(c),
        Err(problems) => {
            diags.extend(problems);
            None
        }
    };
    // Keep going without a config so that content and data problems are reported
    // in the same run.
    let cfg = config.clone().unwrap_or_default();
    // The guidance's own pages in the book's default language.
    let base = base.for_languages(&cfg.languages());
    let layers = cfg.content.base.then(|| content::Layers {
        base: &base,
        exclude: &cfg.content.exclude,
        exclude_at: cfg.position("content.exclude").unwrap_or((1, 1)),
    });
    let mut found = Diagnostics::new();
    let content = content::load(root, layers, &cfg.languages(), &mut found);
    // Which languages a page may be in comes from book.toml: with book.toml
    // in error, the defaults would call its pages in other languages unlisted.
    diags.extend(
        found
            .into_iter()
            .filter(|d| config.is_some() || d.code != "translation"),
    );
    let data = data::load(root, diags);
    let workbook = workbook::load(root, today, diags);
    let members = load_members(root, today, diags);
    // The languages a profile may ask for are book.toml's: with book.toml in
    // error, the defaults (English only) would call a French member's wrong.
    let languages_known = config.is_some();
    for (file, profile) in members
        .iter()
        .map(|m| {
            (
                format!("data/people/{}/profile.yaml", m.id),
                &m.workbook.profile,
            )
        })
        .chain(std::iter::once((
            "data/profile.yaml".to_string(),
            &workbook.profile,
        )))
    {
        if let Some(p) = profile.as_ref().filter(|_| languages_known) {
            let member = file != "data/profile.yaml";
            profile_language(p, &file, member, &cfg.languages(), diags);
        }
    }
    if !members.is_empty() {
        personal_data_beside_members(root, diags);
    }
    let theme = theme::load(root, &cfg, diags);
    let at = cfg
        .position("book.languages")
        .or_else(|| cfg.position("book.language"))
        .unwrap_or((1, 1));
    let strings = crate::language::Strings::load(&theme, &cfg.languages(), at, diags);
    let Some(config) = config else {
        return Loaded::Failed;
    };
    let project = Project {
        root: root.to_path_buf(),
        config,
        content,
        data,
        workbook,
        members,
        theme,
        strings: std::sync::Arc::new(strings),
    };
    let errors = || diags.iter().filter(|d| d.severity == Severity::Error);
    if errors().next().is_none() {
        Loaded::Whole(project)
    } else if errors().all(|d| d.code == content::FRONT_MATTER) {
        Loaded::Flawed(project)
    } else {
        Loaded::Failed
    }
}

/// One member of a cohort: their own profile, relationships and progress.
#[derive(Debug, Clone)]
pub struct Member {
    /// The folder name under `data/people/`: the member's part of the site.
    pub id: String,
    pub workbook: Workbook,
}

impl Member {
    /// The language the member's profile asks for, if any.
    pub fn language(&self) -> Option<&String> {
        self.workbook.profile.as_ref()?.language.as_ref()
    }
}

/// A profile's `language` must be one of the book's: a cohort member's
/// workbook is built in it.
fn profile_language(
    profile: &crate::model::Profile,
    file: &str,
    member: bool,
    languages: &[String],
    diags: &mut Diagnostics,
) {
    let Some(tag) = &profile.language else {
        return;
    };
    let (line, column) = profile.language_at;
    // Your own workbook is in every language of the book; `language` chooses
    // a cohort member's, and would silently do nothing here.
    if !member && languages.first() != Some(tag) && languages.contains(tag) {
        diags.push(
            Diagnostic::warning(
                "data",
                format!("`language: {tag}` chooses a cohort member's language; your own workbook is in the book's languages"),
            )
            .in_file(file)
            .at(line, column)
            .help(format!(
                "to have `{tag}` at the site's root (and in the PDF), put it first in book.toml's [book] languages, such as `languages = [\"{tag}\"{}]`; then remove `language` here",
                languages
                    .iter()
                    .filter(|l| *l != tag)
                    .map(|l| format!(", \"{l}\""))
                    .collect::<String>()
            )),
        );
        return;
    }
    if !languages.contains(tag) {
        diags.push(
            Diagnostic::error(
                "data",
                format!("`{tag}` is not one of the book's languages"),
            )
            .in_file(file)
            .at(line, column)
            .help(match crate::config::language_like(languages, tag) {
                Some(like) => format!("did you mean `{like}`?"),
                None => format!(
                    "write one of {} (book.toml's [book] languages), or remove `language` for the book's first",
                    languages.join(", ")
                ),
            }),
        );
    }
}

/// In a cohort (members under `data/people/`), the guide at the root has no
/// personal data: a profile, relationships or progress directly in `data/` would
/// be nobody's, so each one is refused rather than silently left out.
fn personal_data_beside_members(root: &Path, diags: &mut Diagnostics) {
    for file in workbook::present(root, data::DIR) {
        let name = Path::new(&file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        diags.push(
            Diagnostic::error(
                "cohort",
                format!("{file} and data/people/ are both here: a cohort keeps personal data only in data/people/<id>/"),
            )
            .in_file(&file)
            .help(format!(
                "move it into a member's folder (data/people/<id>/{name}), or remove data/people/ to build one person's workbook"
            )),
        );
    }
}

/// `data/people/<id>/` folders, in id order. Each id becomes a folder of the site,
/// so only plain names are allowed.
fn load_members(root: &Path, today: NaiveDate, diags: &mut Diagnostics) -> Vec<Member> {
    let dir = root.join("data/people");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<(String, std::fs::FileType)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.file_name().to_str()?.to_string(), e.file_type().ok()?)))
        .filter(|(name, _)| !content::is_ignored(name))
        .collect();
    names.sort_by(|a, b| a.0.cmp(&b.0));
    // Each member's files are read and checked on their own, in parallel (a
    // cohort may have a thousand members); problems come back in id order.
    let loaded: Vec<(Option<Member>, Diagnostics)> = names
        .into_par_iter()
        .map(|(id, kind)| {
            let mut d = Diagnostics::new();
            let member = load_member(root, id, kind, today, &mut d);
            (member, d)
        })
        .collect();
    let mut members = Vec::with_capacity(loaded.len());
    for (member, d) in loaded {
        diags.extend(d);
        members.extend(member);
    }
    members
}

fn load_member(
    root: &Path,
    id: String,
    kind: std::fs::FileType,
    today: NaiveDate,
    diags: &mut Diagnostics,
) -> Option<Member> {
    let file = PathBuf::from("data/people").join(&id);
    if !kind.is_dir() {
        diags.push(
            Diagnostic::error("cohort", "data/people/ holds one folder per member")
                .in_file(&file)
                .help("move the file into a member's folder, e.g. data/people/<id>/profile.yaml"),
        );
        return None;
    }
    if !crate::model::is_valid_id(&id) {
        diags.push(
            Diagnostic::error("cohort", format!("`{id}` cannot be a member's folder name"))
                .in_file(&file)
                .help("member folders use lower-case letters, digits and `-` (the name becomes part of the site's addresses)"),
        );
        return None;
    }
    let dir = format!("data/people/{id}");
    member_files(root, &dir, diags);
    let workbook = workbook::load_dir(root, &dir, today, diags);
    Some(Member { id, workbook })
}

/// A member's folder holds their four data files and nothing careerbook
/// reads besides: a file named otherwise (`relationship.yaml`) would be
/// left out without a word, so it is a warning, as is a folder with no
/// profile, whose workbook would have no name.
fn member_files(root: &Path, dir: &str, diags: &mut Diagnostics) {
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|name| !content::is_ignored(name))
        .collect();
    names.sort();
    for name in &names {
        let Some(stem) = name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
        else {
            continue;
        };
        if workbook::FILES.contains(&stem) {
            continue;
        }
        let file = Path::new(dir).join(name);
        diags.push(match data::slip_for(root, dir, stem) {
            Some(typed) => data::misnamed(&file, typed, dir),
            None => Diagnostic::warning(
                "data",
                format!("careerbook does not read `{}`", file.display()),
            )
            .in_file(&file)
            .help(format!(
                "a member's folder holds {}: move other files elsewhere",
                workbook::FILES.map(|f| format!("{f}.yaml")).join(", ")
            )),
        });
    }
    if workbook::present(root, dir)
        .iter()
        .all(|f| !f.ends_with("/profile.yaml") && !f.ends_with("/profile.yml"))
    {
        diags.push(
            Diagnostic::warning(
                "data",
                format!("`{dir}/` has no profile.yaml: this member's workbook has no name"),
            )
            .in_file(Path::new(dir))
            .help(format!(
                "add `{dir}/profile.yaml` with at least `name: …`, or remove the folder"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    #[test]
    fn personal_data_beside_member_folders_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::create_dir_all(root.join("data/people/ana")).unwrap();
        std::fs::write(root.join("content/index.md"), "# Guide\n").unwrap();
        std::fs::write(root.join("data/people/ana/profile.yaml"), "name: Ana\n").unwrap();
        std::fs::write(root.join("data/profile.yml"), "name: Whose\n").unwrap();
        std::fs::write(root.join("data/progress.yaml"), "done: {}\n").unwrap();
        // Other data files are the guide's, not personal: they stay.
        std::fs::write(root.join("data/events.yaml"), "- a talk\n").unwrap();
        let mut diags = Diagnostics::new();
        assert!(load(root, today(), &mut diags).is_none());
        let said: Vec<_> = diags
            .sorted()
            .into_iter()
            .map(|d| (d.code, d.location(), d.message))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "cohort",
                    "data/profile.yml".to_string(),
                    "data/profile.yml and data/people/ are both here: a cohort keeps personal data only in data/people/<id>/".to_string()
                ),
                (
                    "cohort",
                    "data/progress.yaml".to_string(),
                    "data/progress.yaml and data/people/ are both here: a cohort keeps personal data only in data/people/<id>/".to_string()
                ),
            ]
        );
        // Without members, data/ is one person's workbook, as before.
        std::fs::remove_dir_all(root.join("data/people/ana")).unwrap();
        let mut diags = Diagnostics::new();
        let project = load(root, today(), &mut diags).expect("one person's workbook");
        assert!(diags.is_empty(), "{:?}", diags.into_vec());
        assert_eq!(project.workbook.profile.unwrap().name, "Whose");
    }
}
