//! Outreach drafts: message templates with `{placeholders}`, filled in from your
//! profile and the person's record.
//!
//! A placeholder is a lower_snake_case name in single braces: `{first_name}`.
//! Brace text that is not such a name (`{ not this }`, `{}`) is ordinary text.
//! A placeholder with no value stays in the draft as written, and is marked as
//! missing, so the blank is visible; the result is plain text (escaping is the
//! HTML layer's job).

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::diagnostics::Diagnostic;

use super::people::{Person, Role, Stage};
use super::profile::Profile;
use super::wins::News;
use crate::language::Locale;

/// Placeholders filled from the profile and the person's record. Any other name
/// is looked up in the person's `outreach` map, which may also override these
/// (a nickname for `first_name`, say): what you wrote for one person wins over
/// what is derived.
pub const AUTO_FILLED: [&str; 13] = [
    "name",
    "first_name",
    "their_title",
    "their_organisation",
    "my_name",
    "my_role",
    "my_organisation",
    "goal",
    "ambition",
    "my_first_name",
    "where_we_met",
    "win",
    "win_impact",
];

/// The longest placeholder name: a label for a blank, not a sentence.
pub const MAX_PLACEHOLDER_CHARS: usize = 40;

/// Whether `name` is a placeholder name: lower_snake_case (a lower-case letter,
/// then lower-case letters, digits and `_`), at most [`MAX_PLACEHOLDER_CHARS`]
/// long. The one rule for drafts, `outreach` keys, the site's marked blanks and
/// the PDF's.
pub fn is_placeholder_name(name: &str) -> bool {
    name.len() <= MAX_PLACEHOLDER_CHARS
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether a placeholder is filled without the person's `outreach` map.
pub fn is_auto_filled(name: &str) -> bool {
    AUTO_FILLED.contains(&name)
}

/// A piece of a filled message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Template text, as written.
    Text(String),
    /// A placeholder and the value it got.
    Filled {
        /// The placeholder's name.
        name: String,
        /// What it was filled with (plain text).
        value: String,
    },
    /// A placeholder with no value: show `{name}`, marked.
    Missing {
        /// The placeholder's name.
        name: String,
    },
    /// A placeholder that has nothing to say, and a note to you saying why
    /// (`{win}` when the person has heard every win): shown marked, in
    /// brackets, never sent by mistake as if it were the value.
    Note {
        /// The placeholder's name.
        name: String,
        /// The note, in brackets.
        text: String,
    },
}

/// Serialized for templates as `{kind: "text", text}`, `{kind: "filled", name,
/// value}` or `{kind: "missing", name}`.
impl Serialize for Segment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Segment::Text(text) => {
                let mut st = s.serialize_struct("Segment", 2)?;
                st.serialize_field("kind", "text")?;
                st.serialize_field("text", text)?;
                st.end()
            }
            Segment::Filled { name, value } => {
                let mut st = s.serialize_struct("Segment", 3)?;
                st.serialize_field("kind", "filled")?;
                st.serialize_field("name", name)?;
                st.serialize_field("value", value)?;
                st.end()
            }
            Segment::Missing { name } => {
                let mut st = s.serialize_struct("Segment", 2)?;
                st.serialize_field("kind", "missing")?;
                st.serialize_field("name", name)?;
                st.end()
            }
            Segment::Note { name, text } => {
                let mut st = s.serialize_struct("Segment", 3)?;
                st.serialize_field("kind", "note")?;
                st.serialize_field("name", name)?;
                st.serialize_field("text", text)?;
                st.end()
            }
        }
    }
}

/// A template with its placeholders filled.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FilledMessage {
    /// The draft as plain text; missing placeholders stay as `{name}`.
    pub text: String,
    /// The same draft in pieces, so HTML can mark what was filled and what is blank.
    pub segments: Vec<Segment>,
    /// Names of placeholders with no value, each once, in order of first use.
    pub missing: Vec<String>,
}

/// One piece of a template: text, or a placeholder name.
enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// Split a template into text and placeholders.
fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while let Some(open) = template[i..].find('{').map(|o| i + o) {
        let after = open + 1;
        match template[after..].find(['}', '{']).map(|c| after + c) {
            Some(close)
                if template.as_bytes()[close] == b'}'
                    && is_placeholder_name(&template[after..close]) =>
            {
                if text_start < open {
                    out.push(Piece::Text(&template[text_start..open]));
                }
                out.push(Piece::Placeholder(&template[after..close]));
                text_start = close + 1;
                i = close + 1;
            }
            _ => i = after,
        }
    }
    if text_start < template.len() {
        out.push(Piece::Text(&template[text_start..]));
    }
    out
}

/// The placeholder names a template uses, each once, in order of first use (for
/// checking a template's declared `placeholders` against its text).
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for p in pieces(template) {
        if let Piece::Placeholder(name) = p
            && !names.iter().any(|n| n == name)
        {
            names.push(name.to_string());
        }
    }
    names
}

/// What fills a placeholder.
enum Value {
    Text(String),
    Note(String),
}

/// `{win}` and `{win_impact}` for a person, from what they have heard of your
/// wins. `None`: no value (a win without an impact).
fn win_value(name: &str, person: &Person, news: News<'_>, locale: &Locale) -> Option<Value> {
    let note = |id: &str| {
        Value::Note(format!(
            "[{}]",
            locale.t_with(id, &[("name", person.first_name().into())])
        ))
    };
    Some(match (news, name) {
        (News::Unheard(w), "win") => Value::Text(w.title.clone()),
        (News::Unheard(w), _) => Value::Text(w.impact.clone()?),
        (News::AllHeard, "win") => note("draft-note-all-heard"),
        (News::NoWins, "win") => note("draft-note-no-wins"),
        (_, _) => note("draft-note-win-first"),
    })
}

/// The value of a placeholder for this profile and person (and, for `{win}`
/// and `{win_impact}`, what the person has heard of your wins), if any.
fn value(
    name: &str,
    profile: Option<&Profile>,
    person: Option<&Person>,
    news: Option<(News<'_>, &Locale)>,
) -> Option<Value> {
    if let Some(v) = person.and_then(|p| p.outreach.get(name)) {
        return Some(Value::Text(v.clone()));
    }
    if let ("win" | "win_impact", Some(p), Some((news, locale))) = (name, person, news) {
        return win_value(name, p, news, locale);
    }
    let value = match name {
        "name" => person.map(|p| p.name.clone()),
        "first_name" => person.map(|p| p.first_name().to_string()),
        "their_title" => person.and_then(|p| p.title.clone()),
        "their_organisation" => person.and_then(|p| p.organisation.clone()),
        "my_name" => profile.map(|p| p.name.clone()),
        "my_first_name" => profile.map(|p| p.first_name().to_string()),
        "my_role" => profile.and_then(|p| p.role.clone()),
        "my_organisation" => profile.and_then(|p| p.organisation.clone()),
        "goal" => profile.and_then(|p| p.goals.first().cloned()),
        "where_we_met" => person.and_then(|p| p.met.clone()),
        "ambition" => profile.and_then(|p| p.ambitions.first().cloned()),
        _ => None,
    };
    value.filter(|v| !v.trim().is_empty()).map(Value::Text)
}

/// `phrase` without its final full stop when the text that follows it starts
/// with punctuation: goals, ambitions and `outreach:` slots are phrases that
/// drafts and pages put mid-sentence ("I'm working toward {ambition}."), and a
/// phrase written as a sentence ("a director role.") must not end the sentence
/// twice. An ellipsis is kept.
pub fn before_punctuation<'a>(phrase: &'a str, next: &str) -> &'a str {
    // French puts a no-break space before `;`, `:`, `!` and `?`.
    let follows = next
        .trim_start_matches(['\u{a0}', '\u{202f}'])
        .starts_with(['.', ',', ';', ':', '!', '?']);
    match phrase.trim_end().strip_suffix('.') {
        Some(rest) if follows && !rest.ends_with('.') => rest,
        _ => phrase,
    }
}

/// `text` as a sentence of its own: with a full stop, unless it already ends
/// one (`.`, `!`, `?`, `…`, before any closing quote or bracket).
pub fn with_full_stop(text: &str) -> String {
    let text = text.trim_end();
    let end = text.trim_end_matches([
        '»', '”', '’', '"', '\'', ')', ']', ' ', '\u{a0}', '\u{202f}',
    ]);
    if text.is_empty() || end.ends_with(['.', '!', '?', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// Fill a template for a person (or, with `person: None`, a generic draft with only
/// your own details filled in). `{win}` and `{win_impact}` stay blank: see
/// [`fill_with_news`].
pub fn fill(template: &str, profile: Option<&Profile>, person: Option<&Person>) -> FilledMessage {
    fill_with(template, profile, person, None)
}

/// Like [`fill`], with what `person` has heard of your wins, for `{win}` and
/// `{win_impact}`.
pub fn fill_with_news(
    template: &str,
    profile: Option<&Profile>,
    person: &Person,
    news: News<'_>,
    locale: &Locale,
) -> FilledMessage {
    fill_with(template, profile, Some(person), Some((news, locale)))
}

fn fill_with(
    template: &str,
    profile: Option<&Profile>,
    person: Option<&Person>,
    news: Option<(News<'_>, &Locale)>,
) -> FilledMessage {
    let mut text = String::with_capacity(template.len() + 64);
    let mut segments: Vec<Segment> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    let pieces = pieces(template);
    for (i, piece) in pieces.iter().enumerate() {
        let next = match pieces.get(i + 1) {
            Some(Piece::Text(t)) => t,
            _ => "",
        };
        match *piece {
            Piece::Text(t) => {
                text.push_str(t);
                match segments.last_mut() {
                    Some(Segment::Text(prev)) => prev.push_str(t),
                    _ => segments.push(Segment::Text(t.to_string())),
                }
            }
            Piece::Placeholder(name) => match value(name, profile, person, news) {
                Some(Value::Text(value)) => {
                    let value = before_punctuation(&value, next).to_string();
                    text.push_str(&value);
                    segments.push(Segment::Filled {
                        name: name.to_string(),
                        value,
                    });
                }
                Some(Value::Note(note)) => {
                    text.push_str(&note);
                    segments.push(Segment::Note {
                        name: name.to_string(),
                        text: note,
                    });
                }
                None => {
                    text.push('{');
                    text.push_str(name);
                    text.push('}');
                    if !missing.iter().any(|m| m == name) {
                        missing.push(name.to_string());
                    }
                    segments.push(Segment::Missing {
                        name: name.to_string(),
                    });
                }
            },
        }
    }
    FilledMessage {
        text,
        segments,
        missing,
    }
}

/// The warning for a draft whose `{win_impact}` is blank because the win it
/// reports has no `impact`: points at the win, where the fix goes.
pub fn win_impact_diagnostic(
    template_title: &str,
    person: &Person,
    win: &super::Win,
    file: &str,
) -> Diagnostic {
    Diagnostic::warning(
        "message",
        format!(
            "the draft “{template_title}” for {} reports the win `{}`, which has no impact for {{win_impact}}",
            person.name, win.id
        ),
    )
    .in_file(file)
    .at(win.line, 0)
    .help(format!(
        "add `impact: …` to the win `{}`, saying what it changed in a line",
        win.id
    ))
}

/// The warning for a draft with blanks: names the template, the person and the
/// missing fields, and points at the person's entry in the relationships file,
/// which is where the fix goes.
pub fn missing_diagnostic(
    template_titles: &[&str],
    person: &Person,
    missing: &[String],
    file: &str,
) -> Diagnostic {
    let fields: Vec<String> = missing.iter().map(|m| format!("{{{m}}}")).collect();
    let id = &person.id;
    // What fills each blank: a field of the person's entry or of your profile
    // for the placeholders filled without `outreach:`, else `outreach:` itself.
    let mut fixes: Vec<String> = Vec::new();
    let mut outreach: Vec<String> = Vec::new();
    for name in missing {
        match name.as_str() {
            "where_we_met" => fixes.push(format!("add `met: …` to `{id}`")),
            "their_title" => fixes.push(format!("add `title: …` to `{id}`")),
            "their_organisation" => fixes.push(format!("add `organisation: …` to `{id}`")),
            "my_role" => fixes.push("add `role: …` to your profile".into()),
            "my_organisation" => fixes.push("add `organisation: …` to your profile".into()),
            "goal" => fixes.push(format!(
                "add a goal to `goals:` in your profile (or `goal: …` under `outreach:` for `{id}`)"
            )),
            "ambition" => fixes.push("add an entry to `ambitions:` in your profile".into()),
            other => outreach.push(format!("`{other}: …`")),
        }
    }
    if !outreach.is_empty() {
        fixes.insert(
            0,
            format!("add {} under `outreach:` for `{id}`", outreach.join(", ")),
        );
    }
    // One warning per person, however many of their drafts lack values: a
    // sparse entry is one thing to fix, not a page of warnings.
    let drafts = match template_titles {
        [one] => format!("the draft “{one}” for {} has", person.name),
        many => format!(
            "{} drafts for {} (“{}”) have",
            many.len(),
            person.name,
            many.join("”, “")
        ),
    };
    Diagnostic::warning(
        "message",
        format!("{drafts} no value for {}", fields.join(", ")),
    )
    .in_file(file)
    .at(person.line, 0)
    .help(format!(
        "{}, or fill the blank in by hand before sending",
        fixes.join("; ")
    ))
}

/// Whether a template (by its front matter's `role` and `stages`) suits a person:
/// same role, and the person's stage is listed (no stages listed: any stage).
pub fn suits(meta_role: Role, meta_stages: &[Stage], person: &Person) -> bool {
    person.role == meta_role && (meta_stages.is_empty() || meta_stages.contains(&person.stage))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        let mut p = Profile::new("Nadia Boudreau");
        p.role = Some("Senior Product Designer".into());
        p.organisation = Some("Harbourline Health".into());
        p.goals = vec!["Present with confidence".into()];
        p
    }

    fn colette() -> Person {
        let mut p = Person::new("colette", "Colette Arsenault", Role::Mentor);
        p.title = Some("Director of Design".into());
        p.outreach
            .insert("topic".into(), "presenting design trade-offs".into());
        p
    }

    #[test]
    fn fills_auto_and_outreach_values() {
        let m = fill(
            "Hi {first_name}, I'm {my_name}, {my_role} at {my_organisation}. About {topic}: {goal}.",
            Some(&profile()),
            Some(&colette()),
        );
        assert_eq!(
            m.text,
            "Hi Colette, I'm Nadia Boudreau, Senior Product Designer at Harbourline Health. About presenting design trade-offs: Present with confidence."
        );
        assert!(m.missing.is_empty());
        assert_eq!(
            m.segments[1],
            Segment::Filled {
                name: "first_name".into(),
                value: "Colette".into()
            }
        );
        assert_eq!(m.segments[0], Segment::Text("Hi ".into()));
    }

    #[test]
    fn missing_values_stay_visible_and_marked() {
        let m = fill(
            "Dear {name}, re {event} and {event} at {their_organisation}.",
            Some(&profile()),
            Some(&colette()),
        );
        assert_eq!(
            m.text,
            "Dear Colette Arsenault, re {event} and {event} at {their_organisation}."
        );
        assert_eq!(m.missing, ["event", "their_organisation"]);
        assert!(m.segments.contains(&Segment::Missing {
            name: "event".into()
        }));
        // Generic draft: only your own details.
        let g = fill("Hi {first_name}, {my_name}", Some(&profile()), None);
        assert_eq!(g.text, "Hi {first_name}, Nadia Boudreau");
        assert_eq!(g.missing, ["first_name"]);
        let none = fill("{ambition}", None, None);
        assert_eq!(none.missing, ["ambition"]);
    }

    #[test]
    fn hostile_values_are_plain_text() {
        let mut p = colette();
        p.outreach
            .insert("topic".into(), "<script>alert(1)</script>".into());
        let m = fill("About {topic}.", None, Some(&p));
        assert_eq!(m.text, "About <script>alert(1)</script>.");
        assert_eq!(
            m.segments[1],
            Segment::Filled {
                name: "topic".into(),
                value: "<script>alert(1)</script>".into()
            }
        );
    }

    #[test]
    fn a_phrase_written_as_a_sentence_does_not_end_the_sentence_twice() {
        let mut profile = profile();
        profile.ambitions = vec!["a director role by 2028.".into()];
        profile.goals = vec!["the move to Acme Inc.".into()];
        let m = fill(
            "Toward {ambition}. Next: {goal}, then {goal} again",
            Some(&profile),
            None,
        );
        assert_eq!(
            m.text,
            "Toward a director role by 2028. Next: the move to Acme Inc, then the move to Acme Inc. again"
        );
        // What HTML marks as filled is what the text says.
        assert_eq!(
            m.segments[1],
            Segment::Filled {
                name: "ambition".into(),
                value: "a director role by 2028".into()
            }
        );
        // French: a no-break space before the punctuation.
        assert_eq!(
            fill("Je vise {ambition}\u{202f}; et vous", Some(&profile), None).text,
            "Je vise a director role by 2028\u{202f}; et vous"
        );
        // An ellipsis, and a phrase followed by a word, stay as written.
        assert_eq!(before_punctuation("and so on...", "."), "and so on...");
        assert_eq!(before_punctuation("a role.", " and"), "a role.");
        assert_eq!(before_punctuation("a role", "."), "a role");
    }

    #[test]
    fn outreach_overrides_derived_values() {
        let mut p = colette();
        p.outreach.insert("first_name".into(), "Coco".into());
        assert_eq!(fill("Hi {first_name}", None, Some(&p)).text, "Hi Coco");
    }

    #[test]
    fn a_persons_goal_overrides_the_profiles_first_goal() {
        let mut profile = profile();
        profile.goals.push("Lead a design team".into());
        let mut p = colette();
        // Without an override: the profile's first goal, as written.
        assert_eq!(
            fill("Next: {goal}.", Some(&profile), Some(&p)).text,
            "Next: Present with confidence."
        );
        assert_eq!(
            fill("Next: {goal}.", Some(&profile), None).text,
            "Next: Present with confidence."
        );
        p.outreach
            .insert("goal".into(), "the step to design manager".into());
        let m = fill("Next: {goal}.", Some(&profile), Some(&p));
        assert_eq!(m.text, "Next: the step to design manager.");
        assert!(m.missing.is_empty());
        // Another person keeps the profile's goal.
        assert_eq!(
            fill("{goal}", Some(&profile), Some(&colette())).text,
            "Present with confidence"
        );
    }

    #[test]
    fn where_we_met_comes_from_the_persons_met_field() {
        let mut p = colette();
        let m = fill("We met at {where_we_met}.", Some(&profile()), Some(&p));
        assert_eq!(m.missing, ["where_we_met"]);
        p.met = Some("the alumni reception in Halifax".into());
        assert_eq!(
            fill("We met at {where_we_met}.", Some(&profile()), Some(&p)).text,
            "We met at the alumni reception in Halifax."
        );
        assert!(is_auto_filled("where_we_met"));
    }

    #[test]
    fn brace_text_that_is_not_a_placeholder_is_text() {
        let t = "Keep { not this }, {}, {Name}, {a-b}, {{topic}} and {unclosed";
        let m = fill(t, None, Some(&colette()));
        assert_eq!(
            m.text,
            "Keep { not this }, {}, {Name}, {a-b}, {presenting design trade-offs} and {unclosed"
        );
        assert_eq!(placeholders(t), ["topic"]);
        assert_eq!(
            placeholders("{a} {b_2} {a} {3x}"),
            ["a", "b_2"],
            "unique, in order"
        );
        // Text segments are merged.
        assert_eq!(m.segments.len(), 3);
    }

    #[test]
    fn a_placeholder_name_is_at_most_forty_characters() {
        let longest = "a".repeat(MAX_PLACEHOLDER_CHARS);
        let too_long = "a".repeat(MAX_PLACEHOLDER_CHARS + 1);
        assert!(is_placeholder_name(&longest));
        assert!(!is_placeholder_name(&too_long));
        assert!(!is_placeholder_name(""));
        assert!(!is_placeholder_name("_x"));
        assert!(!is_placeholder_name("2x"));
        // The draft treats an over-long name as text, as the site and the PDF do.
        let t = format!("{{{longest}}} {{{too_long}}}");
        assert_eq!(placeholders(&t), [longest]);
        assert_eq!(fill(&t, None, None).text, t);
    }

    #[test]
    fn missing_values_make_a_warning_at_the_person() {
        let mut p = colette();
        p.line = 12;
        let m = fill("{event} {challenge} {topic}", None, Some(&p));
        let d = missing_diagnostic(
            &["Follow-up after a talk"],
            &p,
            &m.missing,
            "data/relationships.yaml",
        );
        assert!(!d.is_error());
        assert_eq!(
            d.message,
            "the draft “Follow-up after a talk” for Colette Arsenault has no value for {event}, {challenge}"
        );
        // The person's line, at its start (no column is known).
        assert_eq!(d.location(), "data/relationships.yaml:12:1");
        assert_eq!(
            d.help.as_deref(),
            Some(
                "add `event: …`, `challenge: …` under `outreach:` for `colette`, or fill the blank in by hand before sending"
            )
        );
        // A blank filled from the person's entry or the profile says which field.
        let m = fill("{event} at {where_we_met}; {ambition}", None, Some(&p));
        let d = missing_diagnostic(&["Hello"], &p, &m.missing, "data/relationships.yaml");
        assert_eq!(
            d.help.as_deref(),
            Some(
                "add `event: …` under `outreach:` for `colette`; add `met: …` to `colette`; add an entry to `ambitions:` in your profile, or fill the blank in by hand before sending"
            )
        );
    }

    #[test]
    fn a_person_s_drafts_with_blanks_are_one_warning() {
        let p = colette();
        let d = missing_diagnostic(
            &["Hello", "Follow-up"],
            &p,
            &["event".to_string(), "topic".to_string()],
            "data/relationships.yaml",
        );
        assert_eq!(
            d.message,
            "2 drafts for Colette Arsenault (“Hello”, “Follow-up”) have no value for {event}, {topic}"
        );
    }

    #[test]
    fn suits_role_and_stage() {
        let mut p = colette();
        p.stage = Stage::Contacted;
        assert!(suits(
            Role::Mentor,
            &[Stage::Prospect, Stage::Contacted],
            &p
        ));
        assert!(suits(Role::Mentor, &[], &p));
        assert!(!suits(Role::Sponsor, &[], &p));
        assert!(!suits(Role::Mentor, &[Stage::Active], &p));
    }

    #[test]
    fn segments_serialize_for_templates() {
        let m = fill("Hi {first_name} {topic_x}", None, Some(&colette()));
        let v = serde_json::to_value(&m).unwrap();
        assert_eq!(v["segments"][0]["kind"], "text");
        assert_eq!(v["segments"][1]["kind"], "filled");
        assert_eq!(v["segments"][1]["value"], "Colette");
        assert_eq!(v["segments"][3]["kind"], "missing");
        assert_eq!(v["segments"][3]["name"], "topic_x");
    }
}
