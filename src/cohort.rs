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
static GUIDE: std::sync::LazyLock<Workbook> = std::sync::LazyLock::new(Workbook::default);

/// The workbooks to make, or an error when `--person` names no member (with a
/// did-you-mean), or is given for a project that is not a cohort.
pub fn workbooks<'p>(
    project: &'p Project,
    person: Option<&str>,
) -> Result<Workbooks<'p>, Diagnostic> {
    let is_cohort = !project.members.is_empty();
    if let Some(id) = person
        && !project.members.iter().any(|m| m.id == id)
    {
        let ids = project.members.iter().map(|m| m.id.as_str());
        return Err(Diagnostic::error(
            "cohort",
            format!("there is no member `{id}` in data/people/"),
        )
        .help(match suggest(id, ids) {
            Some(s) => format!("did you mean `{s}`?"),
            None if !is_cohort => {
                "--person builds one member of a cohort; this project has no data/people/ folder"
                    .to_string()
            }
            None => "use the name of a folder under data/people/".to_string(),
        }));
    }
    Ok(Workbooks {
        root: if is_cohort { &GUIDE } else { &project.workbook },
        members: project
            .members
            .iter()
            .filter(|m| person.is_none_or(|id| m.id == id))
            .collect(),
        is_cohort,
    })
}
