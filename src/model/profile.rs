//! About you (`data/profile.yaml`): who you are, what you want, and when your plan
//! started.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where you work. Guidance differs a little by region (networks, events), so the
/// value is an enum rather than free text.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// New Brunswick, Nova Scotia, Prince Edward Island, Newfoundland and Labrador.
    Atlantic,
    /// Quebec.
    Quebec,
    /// Ontario.
    Ontario,
    /// Manitoba, Saskatchewan, Alberta.
    Prairies,
    /// British Columbia (`british-columbia`).
    BritishColumbia,
    /// Yukon, Northwest Territories, Nunavut.
    North,
    /// Anywhere else (`outside-canada`).
    OutsideCanada,
}

impl Region {
    /// The region a province or territory is in, by its name or its postal
    /// abbreviation, in English or French, as people type them
    /// (`Nova Scotia`, `nouvelle-écosse`, `NS`): what `region:` is told
    /// when someone writes their province.
    pub fn of_province(name: &str) -> Option<Region> {
        let name: String = crate::diagnostics::fold(name.trim())
            .chars()
            .filter(|&c| c != '.')
            .map(|c| if c == ' ' || c == '_' { '-' } else { c })
            .collect();
        let region = match name.trim_matches('-') {
            "new-brunswick"
            | "nouveau-brunswick"
            | "nb"
            | "nova-scotia"
            | "nouvelle-ecosse"
            | "ns"
            | "prince-edward-island"
            | "ile-du-prince-edouard"
            | "pei"
            | "pe"
            | "ipe"
            | "newfoundland"
            | "newfoundland-and-labrador"
            | "labrador"
            | "terre-neuve"
            | "terre-neuve-et-labrador"
            | "nl"
            | "tnl" => Region::Atlantic,
            "qc" | "pq" => Region::Quebec,
            "on" => Region::Ontario,
            "manitoba" | "mb" | "saskatchewan" | "sk" | "alberta" | "ab" => Region::Prairies,
            "bc" | "colombie-britannique" | "cb" => Region::BritishColumbia,
            "yukon"
            | "yt"
            | "northwest-territories"
            | "territoires-du-nord-ouest"
            | "nt"
            | "nwt"
            | "tno"
            | "nunavut"
            | "nu" => Region::North,
            _ => return None,
        };
        Some(region)
    }

    /// The region as data files write it: `atlantic`, `british-columbia`, …
    pub fn value(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .expect("a region serialises as its name")
    }

    /// A name to show people: `Atlantic Canada`, `British Columbia`, …
    pub fn label(self, locale: &crate::language::Locale) -> String {
        locale.t(match self {
            Region::Atlantic => "region-atlantic",
            Region::Quebec => "region-quebec",
            Region::Ontario => "region-ontario",
            Region::Prairies => "region-prairies",
            Region::BritishColumbia => "region-british-columbia",
            Region::North => "region-north",
            Region::OutsideCanada => "region-outside-canada",
        })
    }
}

/// The workbook owner's profile, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Profile {
    /// Your name (required): greets you and signs your messages.
    pub name: String,
    /// Your pronouns, as you write them.
    pub pronouns: Option<String>,
    /// Your job title (not a [`super::Role`]: that is what a person is to you).
    pub role: Option<String>,
    /// Where you work.
    pub organisation: Option<String>,
    /// Your e-mail address.
    pub email: Option<String>,
    /// Where you work, by region.
    pub region: Option<Region>,
    /// Day 1 of the 12-month plan.
    pub plan_start: Option<NaiveDate>,
    /// What you want to learn or achieve; the first fills `{goal}`.
    pub goals: Vec<String>,
    /// What sponsors need to hear.
    pub ambitions: Vec<String>,
    /// The kinds of roles or stretch assignments you want (the sponsor brief).
    pub open_to: Vec<String>,
    /// In a cohort, the language of this member's workbook (one of the
    /// book's `languages`); by default the book's first.
    pub language: Option<String>,
    /// Where `language` is written (line, column), to point at it when the
    /// book does not have that language.
    #[serde(skip)]
    #[schemars(skip)]
    pub language_at: (usize, usize),
}

impl Profile {
    /// A profile with only a name, for tests and examples.
    pub fn new(name: impl Into<String>) -> Profile {
        Profile {
            name: name.into(),
            pronouns: None,
            role: None,
            organisation: None,
            email: None,
            region: None,
            plan_start: None,
            goals: Vec::new(),
            ambitions: Vec::new(),
            open_to: Vec::new(),
            language: None,
            language_at: (0, 0),
        }
    }

    /// The name to greet you by: [`super::people::first_name_of`].
    pub fn first_name(&self) -> &str {
        super::people::first_name_of(&self.name)
    }
}
