//! `careerbook check`: everything `build` validates, without writing anything, plus
//! checks that only make sense while editing.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use pulldown_cmark::{Event, Parser, Tag};

use crate::markdown;

use crate::audience::Audience;
use crate::cohort;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::Project;
use crate::model::{Person, message};
use crate::options::Options;
use crate::{output, render};

/// Check the project in `root`. Private data is checked too (a check writes
/// nothing, so nothing private can leak). With `audience`, also render the
/// build for that audience and report what it would refuse to publish (for
/// `public`, every page that would show a person you track). Returns every
/// problem, sorted.
pub fn check(root: &Path, today: NaiveDate, audience: Option<Audience>) -> Vec<Diagnostic> {
    report(root, today, audience).diagnostics
}

/// What [`report`] found.
pub struct Checked {
    /// Every problem, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// With an audience other than `private`, what a build for it would
    /// hold, when it renders.
    pub published: Option<Published>,
}

/// What a build for an audience would hold, as `check --audience` sums it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The audience the build is for ([`Audience::of`]: your own copy of
    /// nothing personal is a public build).
    pub audience: Audience,
    /// Its pages (a cohort's: the guide's, which is what is published).
    pub pages: usize,
    /// Whether the project is a cohort's.
    pub cohort: bool,
    /// [`Audience::public_profile`].
    pub public_profile: Option<usize>,
}

/// [`check`], and what a build for `audience` would hold.
pub fn report(root: &Path, today: NaiveDate, audience: Option<Audience>) -> Checked {
    let opts = Options {
        audience: Audience::Private,
        ..Options::new(root, today)
    };
    let mut diags = Diagnostics::new();
    let mut published = None;
    // Everything a build does, with the files thrown away as they are made.
    let mut result = crate::load_for(&opts, &mut diags);
    if let Some(project) = &result
        && render::render(
            project,
            &opts,
            render::Outputs::both(&render::Discard),
            &mut diags,
        )
        .is_none()
    {
        result = None;
    }
    if let Some(project) = &result
        && let Some(audience) = audience.filter(|a| *a != Audience::Private)
    {
        // Keep what only this audience brings: the rest, and a cohort's guide's
        // findings, the render above reported already.
        let mut found = Diagnostics::new();
        let opts = Options {
            audience,
            ..opts.clone()
        };
        let rendered = render::render(
            project,
            &opts,
            render::Outputs::both(&render::Discard),
            &mut found,
        );
        published = rendered.map(|r| Published {
            audience: r.audience,
            pages: r.site.pages,
            cohort: !project.members.is_empty(),
            public_profile: r.audience.public_profile(project),
        });
        let new: Vec<Diagnostic> = found
            .into_iter()
            .filter(|d| d.code == "audience" && !diags.iter().any(|seen| seen == d))
            .collect();
        diags.extend(new);
    }
    if let Some(project) = &result {
        check_person_links(project, &mut diags);
        check_unfillable_placeholders(project, &mut diags);
        check_retired_ids(project, &mut diags);
    }
    // The output folder `build` would write to (book.toml's, or the default):
    // one that `build` refuses is reported now, not after a whole build.
    let out = match &result {
        Some(project) => Some(project.config.build.output.clone()),
        None => Config::load(root).ok().map(|c| c.build.output),
    };
    if let Some(out) = out {
        let out = root.join(out);
        if let Err(e) = output::check_target(root, &out) {
            diags.push(e.diagnostic(root, false));
        }
        // A cohort's members' folder, as `build` would choose it.
        if let Some(project) = result.as_ref().filter(|p| !p.members.is_empty()) {
            let members = output::members_folder(root, &out, &project.config);
            if let Err(e) = output::check_members_target(root, &out, &members) {
                diags.push(output::members_diagnostic(&e, root));
            }
        }
    }
    Checked {
        diagnostics: diags.sorted(),
        published,
    }
}

/// Everyone the project tracks: the person's people, or in a cohort every
/// member's (the pages are shared, so a link or a placeholder needs to work for
/// someone).
fn everyone(project: &Project) -> Vec<&Person> {
    let Ok(workbooks) = cohort::workbooks(project, None) else {
        return Vec::new();
    };
    std::iter::once(workbooks.root)
        .chain(workbooks.members.iter().map(|m| &m.workbook))
        .flat_map(|w| &w.people)
        .collect()
}

/// Content may link to a person's card (`relationships.html#person-<id>`); the
/// person must exist.
fn check_person_links(project: &Project, diags: &mut Diagnostics) {
    let ids: BTreeSet<&str> = everyone(project).iter().map(|p| p.id.as_str()).collect();
    for page in &project.content.pages {
        // Lines within the body become lines of the file.
        let at = |offset: usize| {
            let (line, column) = crate::diagnostics::line_col(&page.body, offset);
            (line - 1 + page.body_line, column)
        };
        // Read as the build reads it: a footnote is not a link, a table cell is.
        let parser = Parser::new_ext(&page.body, markdown::options());
        for (event, range) in parser.into_offset_iter() {
            let Event::Start(Tag::Link { dest_url, .. }) = event else {
                continue;
            };
            let Some((_, id)) = dest_url.split_once("#person-") else {
                continue;
            };
            if !ids.contains(id) {
                let help = match crate::diagnostics::suggest(id, ids.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "add the person to data/relationships.yaml, or fix the id".to_string(),
                };
                diags.push(
                    Diagnostic::warning("person", format!("no person has the id `{id}`"))
                        .in_file(&page.file)
                        .at(at(range.start).0, at(range.start).1)
                        .help(help),
                );
            }
        }
    }
}

/// A placeholder that is not filled automatically and that no person's `outreach`
/// gives a value for will be blank in every draft.
/// A tick under a retired checklist id (a page's `aliases:`) still counts; say
/// that the id can be renamed, so progress files move to the new ids.
fn check_retired_ids(project: &Project, diags: &mut Diagnostics) {
    let aliases = crate::compile::aliases(project);
    if aliases.is_empty() {
        return;
    }
    let workbooks =
        std::iter::once(&project.workbook).chain(project.members.iter().map(|m| &m.workbook));
    for wb in workbooks {
        let progress = &wb.progress;
        for old in progress.done.keys().filter(|id| aliases.contains_key(*id)) {
            let new = crate::model::progress::follow(&aliases, old);
            let (line, column) = progress.positions.get(old).copied().unwrap_or((0, 0));
            diags.push(
                Diagnostic::warning(
                    "progress",
                    format!("`{old}` is a retired id of `{new}`: the tick still counts"),
                )
                .in_file(if progress.file.is_empty() {
                    crate::model::PROGRESS_FILE
                } else {
                    progress.file.as_str()
                })
                .at(line, column)
                .help(format!(
                    "rename `{old}` to `{new}` in this file when you next edit it"
                )),
            );
        }
    }
}

fn check_unfillable_placeholders(project: &Project, diags: &mut Diagnostics) {
    let people = everyone(project);
    if people.is_empty() {
        return;
    }
    for page in &project.content.pages {
        let Some(meta) = &page.front.message else {
            continue;
        };
        // A built-in template cannot be changed where it is, and each person's
        // draft already warns of its blanks, naming what to add for whom.
        if crate::load::base::is_built_in(&page.file) {
            continue;
        }
        let mut names = message::placeholders(&page.body);
        if let Some(subject) = &meta.subject {
            names.extend(message::placeholders(subject));
        }
        let suited: Vec<_> = people
            .iter()
            .filter(|p| message::suits(meta.role, &meta.stages, p))
            .collect();
        if suited.is_empty() {
            continue;
        }
        let mut seen = BTreeSet::new();
        for name in names {
            if !seen.insert(name.clone()) || message::is_auto_filled(&name) {
                continue;
            }
            if suited.iter().all(|p| !p.outreach.contains_key(&name)) {
                diags.push(
                    Diagnostic::warning(
                        "message",
                        format!("no person this template suits has a value for {{{name}}}"),
                    )
                    .in_file(&page.file)
                    .at(2, 1)
                    .help(format!(
                        "add `{name}: …` under `outreach:` for the people you will send it to, or drop the placeholder"
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_links_are_read_with_the_markdown_options_of_the_build() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::create_dir_all(root.join("data")).unwrap();
        std::fs::write(
            root.join("data/relationships.yaml"),
            "people:\n  - id: ana\n    name: Ana\n    role: mentor\n",
        )
        .unwrap();
        // `[^ghost]: …` is a footnote for the build; without its options it would
        // be a link definition, and `[^ghost]` a link to a person who is not there.
        std::fs::write(
            root.join("content/index.md"),
            "# Home\n\nA note[^ghost], [Ana](relationships.html#person-ana) and [Bob](relationships.html#person-bob).\n\n[^ghost]: relationships.html#person-ghost\n",
        )
        .unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let person: Vec<String> = check(root, today, None)
            .into_iter()
            .filter(|d| d.code == "person")
            .map(|d| d.message)
            .collect();
        assert_eq!(person, ["no person has the id `bob`"]);
    }

    /// `check` in a thread, failing the test if it takes longer than a minute:
    /// reading a named pipe would never return.
    #[cfg(unix)]
    fn check_within_a_minute(root: &Path) -> Vec<Diagnostic> {
        let (tx, rx) = std::sync::mpsc::channel();
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
            let _ = tx.send(check(&root, today, None));
        });
        rx.recv_timeout(std::time::Duration::from_secs(60))
            .expect("check must not wait on a named pipe")
    }

    #[cfg(unix)]
    fn mkfifo(path: &Path) {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
    }

    /// (file, message) of the diagnostics with this code.
    fn said(diags: &[Diagnostic], code: &str) -> Vec<(String, String)> {
        diags
            .iter()
            .filter(|d| d.code == code)
            .map(|d| (d.location(), d.message.clone()))
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn named_pipes_and_devices_are_refused_before_they_are_opened() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["content", "data", "themes/mine/templates"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        std::fs::write(root.join("book.toml"), "[build]\ntheme = \"mine\"\n").unwrap();
        std::fs::write(root.join("content/index.md"), "# Home\n").unwrap();
        for pipe in [
            "content/pipe.md",
            "content/picture.png",
            "data/profile.yaml",
            "data/events.yaml",
            "themes/mine/templates/page.html",
        ] {
            mkfifo(&root.join(pipe));
        }
        // A link to a pipe is a pipe; a device never ends.
        symlink("pipe.md", root.join("content/link.md")).unwrap();
        symlink("/dev/zero", root.join("data/progress.yaml")).unwrap();
        let diags = check_within_a_minute(root);
        let pipe = "this is a named pipe, not a regular file".to_string();
        let f = |file: &str| file.to_string();
        assert_eq!(
            said(&diags, "io"),
            [
                (f("content/link.md"), pipe.clone()),
                (f("content/picture.png"), pipe.clone()),
                (f("content/pipe.md"), pipe.clone()),
                (f("data/events.yaml"), pipe.clone()),
                (f("data/profile.yaml"), pipe.clone()),
                (
                    f("data/progress.yaml"),
                    "this is a device, not a regular file".to_string()
                ),
                (f("themes/mine/templates/page.html"), pipe),
            ],
            "{diags:#?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_book_toml_or_logo_that_is_a_named_pipe_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::create_dir_all(root.join("brand")).unwrap();
        std::fs::write(root.join("content/index.md"), "# Home\n").unwrap();
        std::fs::write(
            root.join("book.toml"),
            "# logo = \"old.png\"\n[branding]\nlogo = \"brand/logo.png\"\n",
        )
        .unwrap();
        mkfifo(&root.join("brand/logo.png"));
        let diags = check_within_a_minute(root);
        assert_eq!(
            said(&diags, "config"),
            [(
                "book.toml:3:8".to_string(),
                "cannot read the logo `brand/logo.png`: it is a named pipe, not a regular file"
                    .to_string()
            )],
            "{diags:#?}"
        );
        std::fs::remove_file(root.join("book.toml")).unwrap();
        mkfifo(&root.join("book.toml"));
        let diags = check_within_a_minute(root);
        assert_eq!(
            said(&diags, "config"),
            [(
                "book.toml".to_string(),
                "cannot read book.toml: it is a named pipe, not a regular file".to_string()
            )],
            "{diags:#?}"
        );
    }
}
