//! The sponsor brief: one page a sponsor can speak from in a room you are not
//! in. Who you are, where you want to go, your latest results, what you are
//! open to, and who else can vouch for you.

use schemars::JsonSchema;
use serde::Serialize;

use chrono::Datelike;

use crate::model::{Role, Stage, Win, Workbook};

/// At most this many wins: a brief is read in a minute.
pub const MAX_WINS: usize = 5;

#[derive(Debug, Serialize, JsonSchema)]
pub struct BriefView {
    /// Your name; `None` when the build does not show the profile.
    pub name: Option<String>,
    pub pronouns: Option<String>,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub email: Option<String>,
    /// Your region, written out.
    pub region: Option<String>,
    /// Your first ambition: where you want to go.
    pub ambition: Option<String>,
    /// Your other ambitions.
    pub more_ambitions: Vec<String>,
    /// Your newest public wins, newest first (at most five).
    pub wins: Vec<BriefWin>,
    /// How many public wins the file has in all.
    pub wins_total: usize,
    /// The roles or stretch assignments you want (`open_to`). Not your
    /// goals: those are what you are learning, not what a sponsor can offer.
    pub open_to: Vec<String>,
    /// Your active mentors and sponsors (never a private person).
    pub vouchers: Vec<Voucher>,
}

/// A win as the brief shows it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BriefWin {
    pub id: String,
    pub title: String,
    pub impact: Option<String>,
    pub date: chrono::NaiveDate,
    /// The month it happened: "November 2026".
    pub when: String,
}

/// Someone who can speak for your work.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Voucher {
    pub name: String,
    /// `mentor` or `sponsor`.
    pub role: &'static str,
    pub title: Option<String>,
    pub organisation: Option<String>,
}

/// The brief of `wb` (what the build's audience may see of it): `None` when
/// there is neither a profile nor a win to put on it.
pub fn brief(wb: &Workbook, locale: &crate::language::Locale) -> Option<BriefView> {
    let public: Vec<&Win> = wb
        .wins_newest_first()
        .into_iter()
        .filter(|w| !w.private)
        .collect();
    if wb.profile.is_none() && public.is_empty() {
        return None;
    }
    let p = wb.profile.as_ref();
    let mut vouchers: Vec<Voucher> = wb
        .people
        .iter()
        .filter(|p| p.stage == Stage::Active && !p.private)
        .map(|p| Voucher {
            name: p.name.clone(),
            role: p.role.as_str(),
            title: p.title.clone(),
            organisation: p.organisation.clone(),
        })
        .collect();
    // Sponsors first: they are the ones with a say.
    vouchers.sort_by_key(|v| v.role != Role::Sponsor.as_str());
    Some(BriefView {
        name: p.map(|p| p.name.clone()),
        pronouns: p.and_then(|p| p.pronouns.clone()),
        role: p.and_then(|p| p.role.clone()),
        organisation: p.and_then(|p| p.organisation.clone()),
        email: p.and_then(|p| p.email.clone()),
        region: p.and_then(|p| p.region).map(|r| r.label(locale)),
        ambition: p.and_then(|p| p.ambitions.first().cloned()),
        more_ambitions: p
            .map(|p| p.ambitions.iter().skip(1).cloned().collect())
            .unwrap_or_default(),
        wins_total: public.len(),
        wins: public
            .into_iter()
            .take(MAX_WINS)
            .map(|w| BriefWin {
                id: w.id.clone(),
                title: w.title.clone(),
                impact: w.impact.clone(),
                date: w.date,
                when: format!("{} {}", locale.month_name(w.date.month()), w.date.year()),
            })
            .collect(),
        open_to: p.map(|p| p.open_to.clone()).unwrap_or_default(),
        vouchers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Profile};

    fn win(id: &str, date: &str, private: bool) -> Win {
        Win {
            id: id.into(),
            date: date.parse().unwrap(),
            title: id.to_uppercase(),
            impact: None,
            seen_by: Vec::new(),
            private,
            line: 0,
        }
    }

    #[test]
    fn the_brief_has_the_newest_public_wins_and_active_people_only() {
        let mut profile = Profile::new("Nadia Boudreau");
        profile.ambitions = vec!["a design manager role".into(), "later, a director".into()];
        profile.goals = vec!["presenting".into()];
        let person = |id: &str, role, stage, private| {
            let mut p = Person::new(id, id.to_uppercase(), role);
            p.stage = stage;
            p.private = private;
            p
        };
        let mut wins: Vec<Win> = (1..=7)
            .map(|m| win(&format!("w{m}"), &format!("2026-0{m}-01"), false))
            .collect();
        wins.push(win("secret", "2026-09-01", true));
        let wb = Workbook {
            profile: Some(profile),
            people: vec![
                person("m", Role::Mentor, Stage::Active, false),
                person("s", Role::Sponsor, Stage::Active, false),
                person("hidden", Role::Sponsor, Stage::Active, true),
                person("dormant", Role::Sponsor, Stage::Dormant, false),
            ],
            wins,
            ..Workbook::default()
        };
        let b = brief(&wb, &crate::language::Locale::default()).unwrap();
        let ids: Vec<&str> = b.wins.iter().map(|w| w.id.as_str()).collect();
        // A private win is never on the brief, even in a --private build.
        assert_eq!(ids, ["w7", "w6", "w5", "w4", "w3"]);
        assert_eq!(b.wins_total, 7);
        assert_eq!(b.ambition.as_deref(), Some("a design manager role"));
        assert_eq!(b.more_ambitions, ["later, a director"]);
        assert!(b.open_to.is_empty(), "goals are not what you are open to");
        let names: Vec<&str> = b.vouchers.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["S", "M"]);
        assert!(brief(&Workbook::default(), &crate::language::Locale::default()).is_none());
    }
}
