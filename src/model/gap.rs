//! Gap analysis: mentors and sponsors by stage, held against what the guidance
//! recommends, with verdicts in plain words.
//!
//! The guidance: two or three real mentor relationships (one is a single point of
//! view, more than three is hard to keep up), and at least two sponsors so that
//! your advancement never depends on one advocate.

use serde::Serialize;

use super::people::{Person, Role, Stage};

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

/// One finding, as a sentence and an optional link to the guidance that helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// How the finding reads.
    pub severity: Severity,
    /// One plain sentence.
    pub text: String,
    /// Relative to the site root.
    pub link: Option<&'static str>,
}

impl Verdict {
    fn new(severity: Severity, text: impl Into<String>, link: Option<&'static str>) -> Verdict {
        Verdict {
            severity,
            text: text.into(),
            link,
        }
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
            "No mentor prospects in your pipeline: keep a few names ready for when a relationship runs its course — see Finding mentors",
            Some(FINDING_MENTORS),
        ));
    }
    if sponsors.prospect == 0 && sponsors.total() > 0 {
        verdicts.push(Verdict::new(
            Severity::Attention,
            "No sponsor prospects in your pipeline: note the senior people who could speak up for you next — see Finding sponsors",
            Some(FINDING_SPONSORS),
        ));
    }
    let dormant = mentors.dormant + sponsors.dormant;
    if dormant > 0 {
        let text = if dormant == 1 {
            "One relationship has gone quiet: a short update is often enough to revive it — see Keeping relationships".to_string()
        } else {
            format!(
                "{} relationships have gone quiet: a short update is often enough to revive one — see Keeping relationships",
                capitalise(&number_word(dormant))
            )
        };
        verdicts.push(Verdict::new(
            Severity::Attention,
            text,
            Some(KEEPING_RELATIONSHIPS),
        ));
    }
    if !only_taken.is_empty() {
        let names: Vec<&str> = only_taken.iter().map(|p| p.name.as_str()).collect();
        verdicts.push(Verdict::new(
            Severity::Attention,
            format!(
                "So far you have only taken from {}: find something to give back, such as an introduction, an article or a thank-you with results — see Keeping relationships",
                join_names(&names)
            ),
            Some(KEEPING_RELATIONSHIPS),
        ));
    }
    GapAnalysis {
        mentors,
        sponsors,
        verdicts,
        only_taken,
    }
}

fn mentor_verdict(active: usize) -> Verdict {
    match active {
        0 => Verdict::new(
            Severity::Missing,
            "You have no active mentor yet — see Finding mentors",
            Some(FINDING_MENTORS),
        ),
        1 => Verdict::new(
            Severity::Attention,
            "One active mentor: a second or third would give you more than one point of view — see Finding mentors",
            Some(FINDING_MENTORS),
        ),
        n if MENTORS_RECOMMENDED.contains(&n) => Verdict::new(
            Severity::Good,
            format!(
                "{} active mentors — right in the recommended range",
                capitalise(&number_word(n))
            ),
            None,
        ),
        n => Verdict::new(
            Severity::Attention,
            format!(
                "{} active mentors — more than the two or three the guidance suggests; make sure you can give each of them time — see Keeping relationships",
                capitalise(&number_word(n))
            ),
            Some(KEEPING_RELATIONSHIPS),
        ),
    }
}

fn sponsor_verdict(active: usize) -> Verdict {
    match active {
        0 => Verdict::new(
            Severity::Missing,
            "You have no active sponsor yet — see Finding sponsors",
            Some(FINDING_SPONSORS),
        ),
        1 => Verdict::new(
            Severity::Attention,
            "One active sponsor: you depend on a single advocate; aim for at least two — see Finding sponsors",
            Some(FINDING_SPONSORS),
        ),
        n => Verdict::new(
            Severity::Good,
            format!(
                "{} active sponsors — you do not depend on a single advocate",
                capitalise(&number_word(n))
            ),
            None,
        ),
    }
}

/// `one` … `twelve`, then digits: numbers read better as words in sentences.
pub fn number_word(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `A`, `A and B`, `A, B and C`.
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
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
            v(0).text,
            "You have no active mentor yet — see Finding mentors"
        );
        assert_eq!(v(0).link, Some(FINDING_MENTORS));
        assert_eq!(v(1).severity, Severity::Attention);
        assert!(v(1).text.starts_with("One active mentor"), "{}", v(1).text);
        assert_eq!(v(2).severity, Severity::Good);
        assert_eq!(
            v(2).text,
            "Two active mentors — right in the recommended range"
        );
        assert_eq!(v(3).severity, Severity::Good);
        assert_eq!(v(4).severity, Severity::Attention);
        assert!(
            v(4).text.starts_with("Four active mentors — more than"),
            "{}",
            v(4).text
        );
        assert_eq!(v(4).link, Some(KEEPING_RELATIONSHIPS));
    }

    #[test]
    fn sponsor_verdicts() {
        let v = |n| with(2, n).verdicts[1].clone();
        assert_eq!(v(0).severity, Severity::Missing);
        assert_eq!(
            v(0).text,
            "You have no active sponsor yet — see Finding sponsors"
        );
        assert_eq!(v(0).link, Some(FINDING_SPONSORS));
        assert_eq!(v(1).severity, Severity::Attention);
        assert!(
            v(1).text.contains("you depend on a single advocate"),
            "{}",
            v(1).text
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
        let texts: Vec<&str> = g.verdicts.iter().map(|v| v.text.as_str()).collect();
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
            last.text
                .starts_with("So far you have only taken from P 0 and P 2:"),
            "{}",
            last.text
        );
        assert_eq!(last.link, Some(KEEPING_RELATIONSHIPS));
    }

    #[test]
    fn joins_names() {
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
        assert_eq!(number_word(4), "four");
        assert_eq!(number_word(40), "40");
    }
}
