//! The data files' shapes, as written: what serde reads and what the JSON
//! Schemas are derived from, so the two cannot drift.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::model::date::Date;
use crate::model::people::{Channel, Role, Stage};
use crate::model::profile::Region;

/// `data/profile.yaml`: about you.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerbook profile (data/profile.yaml)")]
pub(crate) struct RawProfile {
    /// Your name, as the workbook greets you and signs drafts.
    #[schemars(with = "String", length(min = 1))]
    pub(super) name: Spanned<String>,
    pub(super) pronouns: Option<String>,
    /// Your job title; fills `{my_role}` in drafts.
    pub(super) role: Option<String>,
    /// Where you work; fills `{my_organisation}` in drafts.
    pub(super) organisation: Option<String>,
    #[schemars(with = "Option<String>", email)]
    pub(super) email: Option<Spanned<String>>,
    /// Where in Canada you work; the guidance points you to your region's note.
    pub(super) region: Option<Region>,
    /// Day 1 of your 12-month plan (YYYY-MM-DD).
    #[schemars(with = "Option<IsoDate>")]
    pub(super) plan_start: Option<Date>,
    /// What you want to get better at; the first fills `{goal}` in drafts.
    pub(super) goals: Option<Vec<String>>,
    /// Where you want to go; sponsors need to hear it. The first fills `{ambition}`.
    pub(super) ambitions: Option<Vec<String>>,
    /// The kinds of roles or stretch assignments you want; the sponsor brief
    /// lists them for a sponsor to keep in mind.
    pub(super) open_to: Option<Vec<String>>,
    /// In a cohort, the language of your workbook, one of the book's
    /// `languages` such as `fr-CA` (by default the book's first).
    #[schemars(with = "Option<String>")]
    pub(super) language: Option<Spanned<String>>,
}

/// `data/relationships.yaml`: the people you are building relationships with.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerbook relationships (data/relationships.yaml)")]
pub(crate) struct RawRelationships {
    #[schemars(with = "Option<Vec<RawPerson>>")]
    pub(super) people: Option<Vec<Spanned<RawPerson>>>,
}

/// A mentor or sponsor, current or prospective.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPerson {
    /// Unique; lower-case letters, digits and `-`. Their card is `relationships.html#person-<id>`.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub(super) id: Spanned<String>,
    #[schemars(with = "String", length(min = 1))]
    pub(super) name: Spanned<String>,
    /// Mentors develop you; sponsors advance you.
    pub(super) role: Role,
    /// Default: prospect.
    pub(super) stage: Option<Stage>,
    pub(super) title: Option<String>,
    pub(super) organisation: Option<String>,
    #[schemars(with = "Option<String>", email)]
    pub(super) email: Option<Spanned<String>>,
    /// Only http(s) and mailto addresses.
    #[schemars(with = "Option<Vec<String>>")]
    pub(super) links: Option<Vec<Spanned<String>>>,
    /// What they can help with.
    pub(super) areas: Option<Vec<String>>,
    /// How you reach them.
    pub(super) channel: Option<Channel>,
    /// How often to be in touch, in days.
    #[schemars(with = "Option<u32>", range(min = 1, max = 3660))]
    pub(super) cadence_days: Option<Spanned<Days>>,
    #[schemars(with = "Option<IsoDate>")]
    pub(super) last_contact: Option<Spanned<Date>>,
    pub(super) next_step: Option<String>,
    /// When you plan the next step (YYYY-MM-DD); it becomes a calendar event.
    #[schemars(with = "Option<IsoDate>")]
    pub(super) next_step_due: Option<Spanned<Date>>,
    /// Where you met, to follow "we met at": `the alumni reception in Halifax
    /// last March`. Fills `{where_we_met}` in drafts.
    pub(super) met: Option<String>,
    /// Values for message placeholders, e.g. `topic`, `their_work`, `challenge`.
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub(super) outreach: Option<HashMap<Spanned<String>, Option<String>>>,
    /// Your history together, oldest first.
    #[schemars(with = "Option<Vec<RawLogEntry>>")]
    pub(super) log: Option<Vec<Spanned<RawLogEntry>>>,
    /// Private: only in a `build --private`.
    pub(super) notes: Option<String>,
    /// The whole person is private: only in a `build --private`.
    pub(super) private: Option<bool>,
}

/// Something that happened between you.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLogEntry {
    #[schemars(with = "IsoDate")]
    pub(super) date: Spanned<Date>,
    /// A short word: coffee, call, email, event, update, thanks, introduction…
    #[schemars(with = "Option<String>")]
    pub(super) kind: Option<Spanned<String>>,
    pub(super) summary: Option<String>,
    /// `true` when you gave something back (an introduction, an article, a result).
    pub(super) gave: Option<bool>,
    /// Ids of wins (in wins.yaml) you shared in this contact: they know about them now.
    #[schemars(with = "Option<Vec<String>>")]
    pub(super) wins: Option<Vec<Spanned<String>>>,
}

/// `data/progress.yaml`: checklist items you have done.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerbook progress (data/progress.yaml)")]
pub(crate) struct RawProgress {
    /// Checklist item id → the date you did it (YYYY-MM-DD).
    #[schemars(with = "Option<std::collections::BTreeMap<String, IsoDate>>")]
    pub(super) done: Option<HashMap<Spanned<String>, Option<Spanned<String>>>>,
}

/// `data/wins.yaml`: what you have achieved.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerbook wins (data/wins.yaml)")]
pub(crate) struct RawWins {
    #[schemars(with = "Option<Vec<RawWin>>")]
    pub(super) wins: Option<Vec<Spanned<RawWin>>>,
}

/// One result you can point to.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWin {
    /// Unique; lower-case letters, digits and `-`. Log entries name it in `wins:`.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub(super) id: Spanned<String>,
    /// When it happened (YYYY-MM-DD); not after today.
    #[schemars(with = "IsoDate")]
    pub(super) date: Spanned<Date>,
    /// What you did, in a line; fills `{win}` in sponsor updates.
    #[schemars(with = "String", length(min = 1))]
    pub(super) title: Spanned<String>,
    /// What it changed, in a line; fills `{win_impact}`.
    #[schemars(with = "Option<String>")]
    pub(super) impact: Option<Spanned<String>>,
    /// Ids of people (in relationships.yaml) who already know about it.
    #[schemars(with = "Option<Vec<String>>")]
    pub(super) seen_by: Option<Vec<Spanned<String>>>,
    /// Only in a `build --private`.
    pub(super) private: Option<bool>,
}

/// A date written `YYYY-MM-DD`.
#[derive(JsonSchema)]
#[schemars(extend("format" = "date"))]
#[allow(dead_code)]
pub(crate) struct IsoDate(#[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))] String);

/// JSON Schemas for the data files, derived from the types that read them
/// so they cannot drift: (file name, schema).
pub fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        (
            "profile.schema.json",
            serde_json::to_value(schemars::schema_for!(RawProfile)).expect("schema"),
        ),
        (
            "relationships.schema.json",
            serde_json::to_value(schemars::schema_for!(RawRelationships)).expect("schema"),
        ),
        (
            "progress.schema.json",
            serde_json::to_value(schemars::schema_for!(RawProgress)).expect("schema"),
        ),
        (
            "wins.schema.json",
            serde_json::to_value(schemars::schema_for!(RawWins)).expect("schema"),
        ),
    ]
}

/// A whole number of days. Accepts any integer so that the range check can happen
/// afterwards with a position and a clear message (and without stopping).
pub(super) struct Days(pub(super) i64);

impl<'de> Deserialize<'de> for Days {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Days;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a whole number of days, such as 30")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Days, E> {
                Ok(Days(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Days, E> {
                Ok(Days(i64::try_from(v).unwrap_or(i64::MAX)))
            }
        }
        d.deserialize_any(Visitor)
    }
}
