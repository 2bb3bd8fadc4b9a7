//! Gap analysis: mentors and sponsors by stage, held against what the guidance
//! recommends, with verdicts in plain words.
//!
//! The guidance: two or three real mentor relationships (one is a single point of
//! view, more than three is hard to keep up), and at least two sponsors so that
//! your advancement never depends on one advocate.

use serde::Serialize;

use super::people::{Person, Role, Stage};
use crate::language::Locale;

/// Link to the chapter on finding mentors.
pub const FINDING_MENTORS: &str = "mentors/finding-mentors.html";
/// Link to the chapter on finding sponsors.
pub const FINDING_SPONSORS: &str = "sponsors/finding-sponsors.html";
/// Link to the chapter on keeping relationships going.
pub const KEEPING_RELATIONSHIPS: &str = "keeping-relationships.html";

/// The recommended number of active mentors.
pub const MENTORS_RECOMMENDED: std::ops::RangeInclusive<usize> = 2..=3;
/// The recommended minimum of active sponsors.
pub const SPONSORS_RECOMMENDED_MIN: usize = 2;

/// How a verdict reads: fine, worth a look, or something missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// In line with the guidance.
    Good,
    /// Worth a look: below or above the recommendation, or a gentle note.
    Attention,
    /// Something the guidance counts on is not there at all.
    Missing,
}

/// One finding, and an optional link to the guidance that helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// How the finding reads.
    pub severity: Severity,
    pub finding: Finding,
    /// Relative to the site root.
    pub link: Option<&'static str>,
}

/// What the analysis found; [`Verdict::text`] says it in a language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Finding {
    NoActiveMentor,
    OneActiveMentor,
    /// Within the recommended range.
    ActiveMentors(usize),
    /// More than the recommended range.
    TooManyMentors(usize),
    NoActiveSponsor,
    OneActiveSponsor,
    ActiveSponsors(usize),
    NoMentorProspects,
    NoSponsorProspects,
    /// Relationships gone quiet.
    Dormant(usize),
    /// The names of the people you have only taken from.
    OnlyTaken(Vec<String>),
}

impl Verdict {
    fn new(severity: Severity, finding: Finding, link: Option<&'static str>) -> Verdict {
        Verdict {
            severity,
            finding,
            link,
        }
    }

    /// The finding as one plain sentence, without the chapter it points to.
    pub fn text(&self, locale: &Locale) -> String {
        let count = |id: &str, n: usize| {
            locale.t_with(
                id,
                &[
                    ("count", n.into()),
                    ("number", locale.number_word(n).into()),
                ],
            )
        };
        match &self.finding {
            Finding::NoActiveMentor => locale.t("gap-no-active-mentor"),
            Finding::OneActiveMentor => locale.t("gap-one-active-mentor"),
            Finding::ActiveMentors(n) => count("gap-active-mentors", *n),
            Finding::TooManyMentors(n) => count("gap-too-many-mentors", *n),
            Finding::NoActiveSponsor => locale.t("gap-no-active-sponsor"),
            Finding::OneActiveSponsor => locale.t("gap-one-active-sponsor"),
            Finding::ActiveSponsors(n) => count("gap-active-sponsors", *n),
            Finding::NoMentorProspects => locale.t("gap-no-mentor-prospects"),
            Finding::NoSponsorProspects => locale.t("gap-no-sponsor-prospects"),
            Finding::Dormant(n) => count("gap-dormant", *n),
            Finding::OnlyTaken(names) => {
                locale.t_with("gap-only-taken", &[("names", locale.list(names).into())])
            }
        }
    }

    /// The name the finding gives the chapter it links to (`Finding
    /// mentors`), if it links to one.
    pub fn chapter(&self, locale: &Locale) -> Option<String> {
        Some(locale.t(match self.link? {
            FINDING_MENTORS => "gap-see-finding-mentors",
            FINDING_SPONSORS => "gap-see-finding-sponsors",
            _ => "gap-see-keeping-relationships",
        }))
    }
}

/// How many people of one role are at each stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StageCounts {
    /// People you would like to approach.
    pub prospect: usize,
    /// People you have reached out to.
    pub contacted: usize,
    /// Relationships that are going.
    pub active: usize,
    /// Relationships that have gone quiet.
    pub dormant: usize,
}

impl StageCounts {
    fn count(people: &[Person], role: Role) -> StageCounts {
        let mut c = StageCounts::default();
        for p in people.iter().filter(|p| p.role == role) {
            *c.get_mut(p.stage) += 1;
        }
        c
    }

    fn get_mut(&mut self, stage: Stage) -> &mut usize {
        match stage {
            Stage::Prospect => &mut self.prospect,
            Stage::Contacted => &mut self.contacted,
            Stage::Active => &mut self.active,
            Stage::Dormant => &mut self.dormant,
        }
    }

    /// The count at one stage.
    pub fn get(&self, stage: Stage) -> usize {
        match stage {
            Stage::Prospect => self.prospect,
            Stage::Contacted => self.contacted,
            Stage::Active => self.active,
            Stage::Dormant => self.dormant,
        }
    }

    /// Everyone of the role, at any stage.
    pub fn total(&self) -> usize {
        self.prospect + self.contacted + self.active + self.dormant
    }
}

/// A person named in a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PersonRef {
    /// The person's id (for `relationships.html#person-<id>`).
    pub id: String,
    /// The person's name.
    pub name: String,
}

impl From<&Person> for PersonRef {
    fn from(p: &Person) -> PersonRef {
        PersonRef {
            id: p.id.clone(),
            name: p.name.clone(),
        }
    }
}

/// The dashboard's gap analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapAnalysis {
    /// Mentors by stage.
    pub mentors: StageCounts,
    /// Sponsors by stage.
    pub sponsors: StageCounts,
    /// Mentors, sponsors, pipeline, quiet relationships, reciprocity: in that order.
    pub verdicts: Vec<Verdict>,
    /// Live relationships where you have only taken so far (see
    /// [`Person::only_taken`]), in file order.
    pub only_taken: Vec<PersonRef>,
    /// Live relationships where you have given something back at least once.
    pub gave_back: usize,
}

/// Analyze the people you track. Pass the people the page may show (the public
/// ones in a default build).
pub fn analyze(people: &[Person]) -> GapAnalysis {
    let mentors = StageCounts::count(people, Role::Mentor);
    let sponsors = StageCounts::count(people, Role::Sponsor);
    let only_taken: Vec<PersonRef> = people
        .iter()
        .filter(|p| p.only_taken())
        .map(PersonRef::from)
        .collect();

    let mut verdicts = vec![
        mentor_verdict(mentors.active),
        sponsor_verdict(sponsors.active),
    ];
    // With nobody of a role at all, the verdict above already says where to start.
    if mentors.prospect == 0 && mentors.total() > 0 {
        verdicts.push(Verdict::new(
            Severity::Attention,
            Finding::NoMentorProspects,
            Some(FINDING_MENTORS),
        ));
    }
    if sponsors.prospect == 0 && sponsors.total() > 0 {
        verdicts.push(Verdict::new(
            Severity::Attention,
            Finding::NoSponsorProspects,
            Some(FINDING_SPONSORS),
        ));
    }
    let dormant = mentors.dormant + sponsors.dormant;
    if dormant > 0 {
        verdicts.push(Verdict::new(
            Severity::Attention,
            Finding::Dormant(dormant),
            Some(KEEPING_RELATIONSHIPS),
        ));
    }
    if !only_taken.is_empty() {
        verdicts.push(Verdict::new(
            Severity::Attention,
            Finding::OnlyTaken(only_taken.iter().map(|p| p.name.clone()).collect()),
            Some(KEEPING_RELATIONSHIPS),
        ));
    }
    GapAnalysis {
        mentors,
        sponsors,
        verdicts,
        only_taken,
        gave_back: people
            .iter()
            .filter(|p| p.is_live() && p.gave_back())
            .count(),
    }
}

fn mentor_verdict(active: usize) -> Verdict {
    match active {
        0 => Verdict::new(
            Severity::Missing,
            Finding::NoActiveMentor,
            Some(FINDING_MENTORS),
        ),
        1 => Verdict::new(
            Severity::Attention,
            Finding::OneActiveMentor,
            Some(FINDING_MENTORS),
        ),
        n if MENTORS_RECOMMENDED.contains(&n) => {
            Verdict::new(Severity::Good, Finding::ActiveMentors(n), None)
        }
        n => Verdict::new(
            Severity::Attention,
            Finding::TooManyMentors(n),
            Some(KEEPING_RELATIONSHIPS),
        ),
    }
}

fn sponsor_verdict(active: usize) -> Verdict {
    match active {
        0 => Verdict::new(
            Severity::Missing,
            Finding::NoActiveSponsor,
            Some(FINDING_SPONSORS),
        ),
        1 => Verdict::new(
            Severity::Attention,
            Finding::OneActiveSponsor,
            Some(FINDING_SPONSORS),
        ),
        n => Verdict::new(Severity::Good, Finding::ActiveSponsors(n), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::people::LogEntry;

    fn people(role: Role, active: usize) -> Vec<Person> {
        (0..active)
            .map(|i| {
                let mut p = Person::new(format!("{}-{i}", role.as_str()), format!("P {i}"), role);
                p.stage = Stage::Active;
                p
            })
            .collect()
    }

    /// The verdict as the dashboard says it in English.
    fn text(v: &Verdict) -> String {
        let l = Locale::default();
        match v.chapter(&l) {
            Some(c) => format!("{} — see {c}", v.text(&l)),
            None => v.text(&l),
        }
    }

    fn with(mentors: usize, sponsors: usize) -> GapAnalysis {
        let mut all = people(Role::Mentor, mentors);
        all.extend(people(Role::Sponsor, sponsors));
        analyze(&all)
    }

    #[test]
    fn mentor_verdicts() {
        let v = |n| with(n, 2).verdicts[0].clone();
        assert_eq!(v(0).severity, Severity::Missing);
        assert_eq!(
            text(&v(0)),
            "You have no active mentor yet — see Finding mentors"
        );
        assert_eq!(v(0).link, Some(FINDING_MENTORS));
        assert_eq!(v(1).severity, Severity::Attention);
        assert!(
            text(&v(1)).starts_with("One active mentor"),
            "{}",
            text(&v(1))
        );
        assert_eq!(v(2).severity, Severity::Good);
        assert_eq!(
            text(&v(2)),
            "Two active mentors — right in the recommended range"
        );
        assert_eq!(v(3).severity, Severity::Good);
        assert_eq!(v(4).severity, Severity::Attention);
        assert!(
            text(&v(4)).starts_with("Four active mentors — more than"),
            "{}",
            text(&v(4))
        );
        assert_eq!(v(4).link, Some(KEEPING_RELATIONSHIPS));
    }

    #[test]
    fn sponsor_verdicts() {
        let v = |n| with(2, n).verdicts[1].clone();
        assert_eq!(v(0).severity, Severity::Missing);
        assert_eq!(
            text(&v(0)),
            "You have no active sponsor yet — see Finding sponsors"
        );
        assert_eq!(v(0).link, Some(FINDING_SPONSORS));
        assert_eq!(v(1).severity, Severity::Attention);
        assert!(
            text(&v(1)).contains("you depend on a single advocate"),
            "{}",
            text(&v(1))
        );
        assert_eq!(v(2).severity, Severity::Good);
        assert_eq!(v(2).link, None);
    }

    #[test]
    fn counts_by_stage_and_pipeline_notes() {
        let mut all = people(Role::Mentor, 2);
        let mut prospect = Person::new("m-p", "Pat", Role::Mentor);
        prospect.stage = Stage::Prospect;
        all.push(prospect);
        let mut quiet = Person::new("s-d", "Dee", Role::Sponsor);
        quiet.stage = Stage::Dormant;
        all.push(quiet);
        let g = analyze(&all);
        assert_eq!(
            g.mentors,
            StageCounts {
                prospect: 1,
                contacted: 0,
                active: 2,
                dormant: 0
            }
        );
        assert_eq!(g.sponsors.dormant, 1);
        assert_eq!(g.sponsors.total(), 1);
        let texts: Vec<String> = g.verdicts.iter().map(text).collect();
        // Mentor prospects exist: no mentor pipeline note; no sponsor prospects: one.
        assert!(
            !texts.iter().any(|t| t.starts_with("No mentor prospects")),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.starts_with("No sponsor prospects")),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("One relationship has gone quiet")),
            "{texts:?}"
        );
    }

    #[test]
    fn empty_workbook() {
        let g = analyze(&[]);
        assert_eq!(g.verdicts[0].severity, Severity::Missing);
        assert_eq!(g.verdicts[1].severity, Severity::Missing);
        assert_eq!(g.verdicts.len(), 2, "{:#?}", g.verdicts);
        assert!(g.only_taken.is_empty());
    }

    #[test]
    fn reciprocity_lists_who_you_only_took_from() {
        let mut all = people(Role::Mentor, 3);
        let log = |gave| LogEntry {
            date: "2026-05-01".parse().unwrap(),
            kind: None,
            summary: None,
            gave,
            wins: Vec::new(),
        };
        all[0].log = vec![log(false)];
        all[1].log = vec![log(false), log(true)];
        all[2].log = vec![log(false)];
        let g = analyze(&all);
        let ids: Vec<&str> = g.only_taken.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["mentor-0", "mentor-2"]);
        let last = g.verdicts.last().unwrap();
        assert!(
            text(last).starts_with("So far you have only taken from P 0 and P 2:"),
            "{}",
            text(last)
        );
        assert_eq!(last.link, Some(KEEPING_RELATIONSHIPS));
    }
}
