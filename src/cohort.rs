//! Which workbooks a build makes: one person's, or a cohort's guide and its
//! members', for build, pdf, serve and check alike. The one place that reads
//! `--person` (which build and pdf take).

use crate::diagnostics::{Diagnostic, suggest};
use crate::load::{Member, Project};
use crate::model::Workbook;

/// The workbooks of a project, as every output makes them.
pub struct Workbooks<'p> {
    /// At the site's root: the person's workbook, or a cohort's guide (no
    /// personal data).
    pub root: &'p Workbook,
    /// The cohort's members to build (one with `--person`), in id order.
    pub members: Vec<&'p Member>,
    /// The project is a cohort (it has `data/people/`).
    pub is_cohort: bool,
}

/// The empty workbook a cohort's guide is built from.
static GUIDE: std::sync::LazyLock<Workbook> = std::sync::LazyLock::new(Workbook::guide);

/// Which members a view of the project, in one language, makes workbooks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speakers {
    /// Those whose language is the view's: each member's workbook is made in
    /// their own language, by the view in it.
    OfTheLanguage,
    /// Every member, in the view's language: a PDF asked for in one language
    /// (`pdf --lang`).
    Everyone,
}

/// The workbooks to make, each in its member's language, or an error when
/// `--person` names no member (with a did-you-mean), or is given for a project
/// that is not a cohort.
pub fn workbooks<'p>(
    project: &'p Project,
    person: Option<&str>,
) -> Result<Workbooks<'p>, Vec<Diagnostic>> {
    workbooks_for(project, person, Speakers::OfTheLanguage)
}

/// [`workbooks`] of the members `speakers` says.
pub fn workbooks_for<'p>(
    project: &'p Project,
    person: Option<&str>,
    speakers: Speakers,
) -> Result<Workbooks<'p>, Vec<Diagnostic>> {
    let is_cohort = !project.members.is_empty();
    if let Some(id) = person
        && !project.members.iter().any(|m| m.id == id)
    {
        let ids = project.members.iter().map(|m| m.id.as_str());
        return Err(vec![
            Diagnostic::error("cohort", format!("there is no member `{id}` in data/people/"))
                .help(match suggest(id, ids) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if !is_cohort => {
                        "--person builds one member of a cohort; this project has no data/people/ folder"
                            .to_string()
                    }
                    None => "use the name of a folder under data/people/".to_string(),
                }),
        ]);
    }
    // The members' tree holds the cohort report and its assets beside the
    // members' folders: a member may not take one of their names.
    let taken = members_tree_names(project);
    let clashes: Vec<Diagnostic> = project
        .members
        .iter()
        .filter(|m| taken.contains(&m.id.as_str()))
        .map(|m| {
            Diagnostic::error(
                "cohort",
                format!(
                    "the member id `{}` is the name of a folder the members' tree keeps for itself",
                    m.id
                ),
            )
            .in_file(format!("data/people/{}", m.id))
            .help(format!(
                "rename the member's folder under data/people/; the members' tree keeps {} for itself",
                taken
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
        .collect();
    if !clashes.is_empty() {
        return Err(clashes);
    }
    // Each member's workbook is in their language: built with the project's
    // view in that language ([`Project::in_language`]).
    let language = &project.config.book.language;
    let default = project.config.default_language();
    Ok(Workbooks {
        root: if is_cohort { &GUIDE } else { &project.workbook },
        members: project
            .members
            .iter()
            .filter(|m| person.is_none_or(|id| m.id == id))
            .filter(|m| {
                speakers == Speakers::Everyone || m.language().unwrap_or(&default) == language
            })
            .collect(),
        is_cohort,
    })
}

/// The folders at the top of the members' tree that are not members': the
/// theme's assets, and the first folder of each additional stylesheet.
fn members_tree_names(project: &Project) -> Vec<&str> {
    let mut names = vec!["assets"];
    // The cohort report in each other language: `fr/cohort.html`.
    names.extend(
        project
            .config
            .book
            .languages
            .iter()
            .skip(1)
            .map(|l| crate::config::primary_subtag(l)),
    );
    for css in &project.config.output.html.additional_css {
        if let Some(std::path::Component::Normal(first)) = css.components().next()
            && css.components().count() > 1
            && let Some(first) = first.to_str()
        {
            names.push(first);
        }
    }
    names
}
