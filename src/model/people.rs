//! Words that describe a relationship: its role, stage and channel.

use serde::{Deserialize, Serialize};

/// What a person does for you: develops you (mentor) or advances you (sponsor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Mentor,
    Sponsor,
}

/// How far a relationship has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    #[default]
    Prospect,
    Contacted,
    Active,
    Dormant,
}

/// How you reach a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Linkedin,
    Email,
    Conference,
    InPerson,
}
