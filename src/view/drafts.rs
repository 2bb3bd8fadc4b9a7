//! The people you track, each with the drafts of the messages that suit them.

use chrono::NaiveDate;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use schemars::JsonSchema;
use serde::Serialize;

use crate::compile::CompiledWorkbook;
use crate::diagnostics::Diagnostics;
use crate::model::message::{self, Segment};
use crate::model::{Channel, News, Person, PrepCard};

/// A person with what careerbook computes about them.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PersonView {
    /// Everything written about them in relationships.yaml.
    #[serde(flatten)]
    pub person: Person,
    pub first_name: String,
    /// 0 for a prospect up to 3 for a dormant relationship, for sorting.
    pub stage_rank: u8,
    /// `mailto:` their address.
    pub email_href: Option<String>,
    pub next_check_in: Option<NaiveDate>,
    /// Days past the check-in, when it is past.
    pub overdue_days: Option<i64>,
    /// Days past the next step's due date, when it is past.
    pub step_overdue_days: Option<i64>,
    /// You have given something back in the log.
    pub gave_back: bool,
    /// The drafts of every message template that suits them.
    pub drafts: Vec<Draft>,
    /// What to have in mind before the next conversation (not for a prospect).
    /// Not in `workbook.people`, which every page's context copies: only the
    /// pages that show people have it, in `people_view` ([`WithPrep`]), and
    /// the PDF's data.
    #[serde(skip)]
    pub prep: Option<PrepCard>,
}

/// A person with their prep card, as `people_view` and the PDF have them.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WithPrep<'a> {
    #[serde(flatten)]
    pub person: &'a PersonView,
    /// What to have in mind before the next conversation (not for a prospect).
    pub prep: &'a Option<PrepCard>,
}

impl PersonView {
    /// This person with their prep card.
    pub fn with_prep(&self) -> WithPrep<'_> {
        WithPrep {
            person: self,
            prep: &self.prep,
        }
    }
}

/// A message template filled in for one person.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Draft {
    /// The template's file stem.
    pub id: String,
    pub title: String,
    pub channel: &'static str,
    /// The template's own page.
    pub page_url: String,
    pub subject: Option<String>,
    pub subject_segments: Option<Vec<Shown>>,
    pub paragraphs: Vec<Vec<Shown>>,
    /// The whole text, as it would be sent.
    pub plain: String,
    /// Placeholders no data fills, `win_impact` among them.
    pub missing: Vec<String>,
    /// How many of `missing` go under the person's `outreach:` (all but
    /// `win_impact`, which comes from the win).
    pub missing_outreach: usize,
    /// The title of the win whose `impact` would fill `{win_impact}`, when it
    /// has none.
    pub impact_from: Option<String>,
    /// An e-mail draft ready to open in a mail program.
    pub mailto: Option<String>,
}

/// A piece of a message as the templates see it: `text` is what to show (the
/// value, or `{name}` for a blank).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Shown {
    /// `text`, `filled`, `missing` (a blank) or `note` (a placeholder with
    /// nothing to say, and a bracketed note why).
    pub kind: &'static str,
    pub text: String,
    /// The placeholder's name, for `filled` and `missing`.
    pub name: Option<String>,
}

/// Characters left as they are in a `mailto:` query (RFC 6068 wants the rest
/// percent-encoded, spaces as `%20`, not `+`).
const MAILTO: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

pub(super) fn person(
    p: &Person,
    c: &CompiledWorkbook<'_>,
    today: NaiveDate,
    diags: &mut Diagnostics,
) -> PersonView {
    let profile = c.workbook.profile.as_ref();
    let news = c.workbook.news_for(p);
    // The drafts with blanks the person's entry could fill, and those blanks:
    // one warning for them all, after.
    let mut lacking: Vec<&str> = Vec::new();
    let mut blanks: Vec<String> = Vec::new();
    let drafts = c
        .messages
        .iter()
        .filter(|m| message::suits(m.meta.role, &m.meta.stages, p))
        .map(|m| {
            let filled = message::fill_with_news(&m.body, profile, p, news, &c.locale);
            let subject = m
                .meta
                .subject
                .as_deref()
                .map(|s| message::fill_with_news(s, profile, p, news, &c.locale));
            let mut missing = filled.missing.clone();
            for name in subject.iter().flat_map(|s| &s.missing) {
                if !missing.contains(name) {
                    missing.push(name.clone());
                }
            }
            // A win with no impact is fixed in the wins file, not in the
            // person's entry: say so there.
            let mut outreach = missing.clone();
            let mut impact_from = None;
            if let News::Unheard(w) = news
                && let Some(i) = outreach.iter().position(|n| n == "win_impact")
            {
                outreach.remove(i);
                impact_from = Some(w.title.clone());
                diags.push(message::win_impact_diagnostic(
                    &m.title,
                    p,
                    w,
                    &c.workbook.wins_file(),
                ));
            }
            if !outreach.is_empty() {
                lacking.push(&m.title);
                for name in &outreach {
                    if !blanks.contains(name) {
                        blanks.push(name.clone());
                    }
                }
            }
            let mailto = (m.meta.channel == Channel::Email)
                .then_some(p.email.as_deref())
                .flatten()
                .map(|email| {
                    mailto(
                        email,
                        subject.as_ref().map(|s| s.text.as_str()),
                        &filled.text,
                    )
                });
            Draft {
                id: m.id.clone(),
                title: m.title.clone(),
                channel: m.meta.channel.as_str(),
                page_url: m.url.clone(),
                subject: subject.as_ref().map(|s| s.text.clone()),
                subject_segments: subject
                    .as_ref()
                    .map(|s| s.segments.iter().map(shown).collect()),
                paragraphs: paragraphs(&filled.segments),
                plain: filled.text,
                missing_outreach: outreach.len(),
                missing,
                impact_from,
                mailto,
            }
        })
        .collect();
    if !lacking.is_empty() {
        diags.push(message::missing_diagnostic(
            &lacking,
            p,
            &blanks,
            &c.workbook.relationships_file(),
        ));
    }
    PersonView {
        first_name: p.first_name().to_string(),
        stage_rank: p.stage as u8,
        email_href: p.email.as_ref().map(|e| format!("mailto:{e}")),
        next_check_in: p.next_check_in(),
        overdue_days: p.days_overdue(today),
        step_overdue_days: p.step_overdue_days(today),
        gave_back: p.gave_back(),
        drafts,
        prep: PrepCard::of(p, &c.workbook, &c.questions, today),
        person: p.clone(),
    }
}

/// A `mailto:` link that opens the draft, addressed, in a mail program.
fn mailto(email: &str, subject: Option<&str>, body: &str) -> String {
    let mut href = format!(
        "mailto:{}?",
        utf8_percent_encode(email, MAILTO)
            .to_string()
            .replace("%40", "@")
    );
    if let Some(s) = subject {
        href.push_str(&format!("subject={}&", utf8_percent_encode(s, MAILTO)));
    }
    let body = body.trim().replace('\n', "\r\n");
    href.push_str(&format!("body={}", utf8_percent_encode(&body, MAILTO)));
    href
}

fn shown(seg: &Segment) -> Shown {
    match seg {
        Segment::Text(t) => Shown {
            kind: "text",
            text: t.clone(),
            name: None,
        },
        Segment::Filled { name, value } => Shown {
            kind: "filled",
            text: value.clone(),
            name: Some(name.clone()),
        },
        Segment::Missing { name } => Shown {
            kind: "missing",
            text: format!("{{{name}}}"),
            name: Some(name.clone()),
        },
        Segment::Note { name, text } => Shown {
            kind: "note",
            text: text.clone(),
            name: Some(name.clone()),
        },
    }
}

/// Split a message into paragraphs at blank lines; single line breaks become spaces.
pub(super) fn paragraphs(segments: &[Segment]) -> Vec<Vec<Shown>> {
    let mut out: Vec<Vec<Shown>> = vec![Vec::new()];
    for seg in segments {
        match seg {
            Segment::Text(t) => {
                let normalised = t.replace("\r\n", "\n");
                for (i, part) in normalised.split("\n\n").enumerate() {
                    if i > 0 && !out.last().is_some_and(Vec::is_empty) {
                        out.push(Vec::new());
                    }
                    // Line breaks inside a paragraph become single spaces; the
                    // spaces around filled values stay as written.
                    // A line break before a filled value still separates words.
                    let owned;
                    let part = if part.ends_with('\n') {
                        owned = format!("{} ", part.trim_end());
                        owned.as_str()
                    } else {
                        part
                    };
                    let lines: Vec<&str> = part.split('\n').collect();
                    let last = lines.len() - 1;
                    let text = lines
                        .iter()
                        .enumerate()
                        .map(|(i, l)| {
                            let l = if i < last { l.trim_end() } else { l };
                            if i > 0 { l.trim_start() } else { l }
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    let text = if out.last().is_some_and(Vec::is_empty) {
                        text.trim_start().to_string()
                    } else {
                        text
                    };
                    if !text.is_empty() {
                        out.last_mut().expect("never empty").push(Shown {
                            kind: "text",
                            text,
                            name: None,
                        });
                    }
                }
            }
            other => out.last_mut().expect("never empty").push(shown(other)),
        }
    }
    out.retain(|p| !p.is_empty());
    for para in &mut out {
        if let Some(last) = para.last_mut().filter(|s| s.kind == "text") {
            last.text = last.text.trim_end().to_string();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let segs = vec![
            Segment::Text("Hi ".into()),
            Segment::Filled {
                name: "first_name".into(),
                value: "Ada".into(),
            },
            Segment::Text(",\n\nI saw your talk\non ".into()),
            Segment::Missing {
                name: "topic".into(),
            },
            Segment::Text(".\n".into()),
        ];
        let p = paragraphs(&segs);
        assert_eq!(p.len(), 2);
        let texts: Vec<Vec<&str>> = p
            .iter()
            .map(|para| para.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![
                vec!["Hi ", "Ada", ","],
                vec!["I saw your talk on ", "{topic}", "."]
            ]
        );
        assert_eq!(p[1][1].kind, "missing");
    }

    #[test]
    fn mailto_encoding_keeps_the_address_readable() {
        let enc = utf8_percent_encode("20 minutes & a coffee?\r\n", MAILTO).to_string();
        assert_eq!(enc, "20%20minutes%20%26%20a%20coffee%3F%0D%0A");
    }
}
