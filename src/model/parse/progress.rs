//! `data/progress.yaml`: checklist items you have done.

use chrono::NaiveDate;

use super::raw::RawProgress;
use super::{DATA, at, pos, yaml_error};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::date::{date_help, parse_iso_date};
use crate::model::progress::Progress;

/// Parse and validate `data/progress.yaml`. Each entry is checked on its own, so
/// every bad date is reported. Whether the ids exist is checked later, against the
/// book's checklists ([`super::checklist::check_progress_ids`]).
pub fn progress(text: &str, file: &str, today: NaiveDate, diags: &mut Diagnostics) -> Progress {
    let raw = match serde_saphyr::from_str::<Option<RawProgress>>(text) {
        Ok(raw) => raw,
        Err(e) => {
            diags.push(yaml_error(&e, text, file));
            return Progress::default();
        }
    };
    let mut entries: Vec<_> = raw
        .and_then(|r| r.done)
        .unwrap_or_default()
        .into_iter()
        .collect();
    entries.sort_by_key(|(k, _)| pos(&k.referenced));
    let mut progress = Progress {
        file: file.to_string(),
        ..Progress::default()
    };
    for (id, date) in entries {
        let key = id.value.trim().to_string();
        let Some(date) = date else {
            diags.push(
                at(
                    Diagnostic::error(DATA, format!("no date for the checklist item `{key}`")),
                    file,
                    &id.referenced,
                )
                .help(format!("write the date it was done: `{key}: 2026-03-09`")),
            );
            continue;
        };
        match parse_iso_date(date.value.trim()) {
            Ok(d) => {
                if d > today {
                    diags.push(
                        at(
                            Diagnostic::warning(
                                DATA,
                                format!("`{key}` is marked done on {d}, after today ({today})"),
                            ),
                            file,
                            &date.referenced,
                        )
                        .help("check the date"),
                    );
                }
                progress.positions.insert(key.clone(), pos(&id.referenced));
                progress.done.insert(key, d);
            }
            Err(msg) => diags.push(
                at(Diagnostic::error(DATA, msg), file, &date.referenced)
                    .help(date_help(&date.value)),
            ),
        }
    }
    progress
}
