//! The people you track (`data/relationships.yaml`) and the words that describe a
//! relationship: its role, stage and channel.
//!
//! These are the validated, clean types the rest of careerbook works with; the
//! YAML shapes (with source positions) live in [`super::parse`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a person does for you: develops you (mentor) or advances you (sponsor).
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
pub enum Role {
    /// Someone who develops you: advice, feedback, perspective.
    Mentor,
    /// Someone who advances you: speaks up for you where decisions are made.
    Sponsor,
}

impl Role {
    /// The word as written in the data files (`mentor`, `sponsor`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Mentor => "mentor",
            Role::Sponsor => "sponsor",
        }
    }
}

/// How far a relationship has come.
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
    Default,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Someone you would like to approach (the default: listing a person is the
    /// first step).
    #[default]
    Prospect,
    /// You have reached out; no relationship yet.
    Contacted,
    /// A going relationship.
    Active,
    /// A relationship that has gone quiet.
    Dormant,
}

impl Stage {
    /// Every stage, in the order a relationship usually moves through them.
    pub const ALL: [Stage; 4] = [
        Stage::Prospect,
        Stage::Contacted,
        Stage::Active,
        Stage::Dormant,
    ];

    /// The word as written in the data files (`prospect`, `contacted`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Prospect => "prospect",
            Stage::Contacted => "contacted",
            Stage::Active => "active",
            Stage::Dormant => "dormant",
        }
    }
}

/// How you reach a person.
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
pub enum Channel {
    /// A LinkedIn message.
    Linkedin,
    /// E-mail.
    Email,
    /// At a conference or event.
    Conference,
    /// Face to face (`in-person`).
    InPerson,
}

impl Channel {
    /// The word as written in the data files (`linkedin`, `in-person`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Linkedin => "linkedin",
            Channel::Email => "email",
            Channel::Conference => "conference",
            Channel::InPerson => "in-person",
        }
    }
}

/// One person from `data/relationships.yaml`, validated.
///
/// Computations about the relationship (check-ins, reciprocity) are in
/// [`super::relationship`].
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Person {
    /// Lower-case letters, digits and `-`; unique in the workbook. Safe to use in
    /// URLs and HTML ids as it is (`relationships.html#person-<id>`).
    pub id: String,
    /// Their full name, as they write it.
    pub name: String,
    /// Mentor or sponsor.
    pub role: Role,
    /// How far the relationship has come (default: prospect).
    pub stage: Stage,
    /// Their job title.
    pub title: Option<String>,
    /// Where they work.
    pub organisation: Option<String>,
    /// A plain address (checked: it becomes a `mailto:` link).
    pub email: Option<String>,
    /// Only `http://`, `https://` and `mailto:` addresses get this far.
    pub links: Vec<String>,
    /// What they know about: expertise, for choosing whom to ask.
    pub areas: Vec<String>,
    /// How you reach them.
    pub channel: Option<Channel>,
    /// How often to be in touch, in days (at least 1).
    pub cadence_days: Option<u32>,
    /// When you were last in touch.
    pub last_contact: Option<NaiveDate>,
    /// What you plan to do next with them.
    pub next_step: Option<String>,
    /// When the next step is planned (our extension to the contract's `next_step`).
    pub next_step_due: Option<NaiveDate>,
    /// Placeholder name → text for message templates (keys are lower_snake_case).
    pub outreach: BTreeMap<String, String>,
    /// In file order. No entry is dated after the build's "today".
    pub log: Vec<LogEntry>,
    /// Where you met, to follow "we met at" (fills `{where_we_met}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met: Option<String>,
    /// Always private: dropped by [`super::Workbook::without_private`].
    pub notes: Option<String>,
    /// The whole person is private: dropped by [`super::Workbook::without_private`].
    pub private: bool,
    /// Line of the person's entry in the file (1-based), for later diagnostics
    /// such as a message template missing a value for this person.
    #[serde(skip)]
    pub line: usize,
}

/// One logged interaction with a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LogEntry {
    /// When it happened (never after the build's "today").
    pub date: NaiveDate,
    /// A short free label: `coffee`, `call`, `introduction`, …
    pub kind: Option<String>,
    /// What happened, in a sentence or two.
    pub summary: Option<String>,
    /// Something you gave back (an introduction, an article, help).
    pub gave: bool,
    /// Ids of your wins you shared then: they know about them now.
    pub wins: Vec<String>,
}

impl Person {
    /// A person with only the required fields, for tests and examples.
    pub fn new(id: impl Into<String>, name: impl Into<String>, role: Role) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            role,
            stage: Stage::default(),
            title: None,
            organisation: None,
            email: None,
            links: Vec::new(),
            areas: Vec::new(),
            channel: None,
            cadence_days: None,
            last_contact: None,
            next_step: None,
            next_step_due: None,
            outreach: BTreeMap::new(),
            log: Vec::new(),
            met: None,
            notes: None,
            private: false,
            line: 0,
        }
    }

    /// The name to greet the person by (`Hi Colette,`): [`first_name_of`].
    pub fn first_name(&self) -> &str {
        first_name_of(&self.name)
    }

    /// The anchor of the person's card on the relationships page.
    pub fn anchor(&self) -> String {
        format!("person-{}", self.id)
    }

    /// Link to the person's card, relative to the site root.
    pub fn url(&self) -> String {
        format!("relationships.html#{}", self.anchor())
    }
}

/// The name to greet someone by: the first word of `name`, past a title
/// before it ("Dr. Priya Sharma" and "Mme Lise Roy" are greeted "Priya" and
/// "Lise", not "Dr," or "Mme,"). A title is a word that ends with a full
/// stop, or one of [`TITLES`]. A person's `outreach: first_name:` says
/// otherwise where needed.
pub fn first_name_of(name: &str) -> &str {
    let mut words = name.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let title = word.ends_with('.') || TITLES.contains(&word.to_lowercase().as_str());
        if !(title && words.peek().is_some()) {
            return word;
        }
    }
    name
}

/// Titles written before a name without a full stop, in English and French.
const TITLES: [&str; 11] = [
    "dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame", "mme", "mlle", "dre",
];

#[cfg(test)]
mod first_name_tests {
    use super::first_name_of;

    #[test]
    fn a_title_before_a_name_is_not_the_name_to_greet_by() {
        for (name, first) in [
            ("Priya Sharma", "Priya"),
            ("Dr. Priya Sharma", "Priya"),
            ("Dr Priya Sharma", "Priya"),
            ("Prof. Dr. Ana Lima", "Ana"),
            ("Mme Lise Roy", "Lise"),
            ("M. Jean Roy", "Jean"),
            ("J. Robert Oppen", "Robert"),
            ("  Hélène   Cormier ", "Hélène"),
            // A title alone is all there is to greet by.
            ("Dr.", "Dr."),
            ("Madame", "Madame"),
            ("", ""),
        ] {
            assert_eq!(first_name_of(name), first, "{name:?}");
        }
    }
}
