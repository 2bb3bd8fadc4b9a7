//! `careerbook check`: everything `build` validates, without writing anything, plus
//! checks that only make sense while editing.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use pulldown_cmark::{Event, Parser, Tag};

use crate::render::markdown;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::Project;
use crate::model::message;
use crate::{RenderOptions, load, output, render};

/// Check the project in `root`. Private data is checked too (a check writes
/// nothing, so nothing private can leak). Returns every problem, sorted.
pub fn check(root: &Path, today: NaiveDate) -> Vec<Diagnostic> {
    let opts = RenderOptions {
        today,
        private: true,
        body_end: None,
        person: None,
    };
    let mut diags = Diagnostics::new();
    // Everything a build does, with the files thrown away as they are made.
    let mut result = load::load(root, today, &mut diags);
    if let Some(project) = &result
        && render::render(project, &opts, &render::Discard, &mut diags).is_none()
    {
        result = None;
    }
    if let Some(project) = &result {
        check_person_links(project, &mut diags);
        check_unfillable_placeholders(project, &mut diags);
    }
    // The output folder `build` would write to (book.toml's, or the default):
    // one that `build` refuses is reported now, not after a whole build.
    let out = match &result {
        Some(project) => Some(project.config.build.output.clone()),
        None => Config::load(root).ok().map(|c| c.build.output),
    };
    if let Some(out) = out
        && let Err(e) = output::check_target(root, &root.join(out))
    {
        diags.push(e.diagnostic(root, false));
    }
    diags.sorted()
}

/// Content may link to a person's card (`relationships.html#person-<id>`); the
/// person must exist.
fn check_person_links(project: &Project, diags: &mut Diagnostics) {
    let ids: BTreeSet<&str> = project
        .workbook
        .people
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    for page in &project.content.pages {
        let line_of = |offset: usize| page.body[..offset].matches('\n').count() + page.body_line;
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
                        .at(line_of(range.start), 0)
                        .help(help),
                );
            }
        }
    }
}

/// A placeholder that is not filled automatically and that no person's `outreach`
/// gives a value for will be blank in every draft.
fn check_unfillable_placeholders(project: &Project, diags: &mut Diagnostics) {
    let people = &project.workbook.people;
    if people.is_empty() {
        return;
    }
    for page in &project.content.pages {
        let Some(meta) = &page.front.message else {
            continue;
        };
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
        let person: Vec<String> = check(root, today)
            .into_iter()
            .filter(|d| d.code == "person")
            .map(|d| d.message)
            .collect();
        assert_eq!(person, ["no person has the id `bob`"]);
    }
}
