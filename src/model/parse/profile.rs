//! `data/profile.yaml`: about you.

use super::raw::RawProfile;
use super::values::check_email;
use super::{DATA, at, first_content, texts, trimmed};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::profile::Profile;

/// Parse and validate `data/profile.yaml`. `None` for an empty file or one that
/// does not parse (the reason is in `diags`); a profile whose keys had
/// problems of their own (reported) is read without them.
pub fn profile(text: &str, file: &str, diags: &mut Diagnostics) -> Option<Profile> {
    // Every key's problem, not only the first; the keys that read well are
    // checked in the same run.
    let raw = super::recover::every_key::<Option<RawProfile>>(
        text.to_string(),
        first_content(text),
        0,
        file,
        &[],
        diags,
    )?
    .value?;
    let name = raw.name.value.trim().to_string();
    if name.is_empty() {
        diags.push(
            at(
                Diagnostic::error(DATA, "your name is empty"),
                file,
                &raw.name.referenced,
            )
            .help("write your name after `name:`; it greets you and signs your messages"),
        );
    }
    let email = raw.email.and_then(|e| {
        let value = e.value.trim().to_string();
        if value.is_empty() {
            return None;
        }
        if let Err(msg) = check_email(&value) {
            diags.push(
                at(
                    Diagnostic::error(DATA, format!("email: {msg}")),
                    file,
                    &e.referenced,
                )
                .help("write a plain address such as name@example.com"),
            );
        }
        Some(value)
    });
    Some(Profile {
        name,
        pronouns: trimmed(raw.pronouns),
        role: trimmed(raw.role),
        organisation: trimmed(raw.organisation),
        email,
        region: raw.region,
        plan_start: raw.plan_start.map(|d| d.0),
        goals: texts(raw.goals),
        ambitions: texts(raw.ambitions),
        open_to: texts(raw.open_to),
        language_at: raw
            .language
            .as_ref()
            .map_or((0, 0), |l| super::pos(&l.referenced)),
        language: raw.language.map(|l| l.value.trim().to_string()),
    })
}
