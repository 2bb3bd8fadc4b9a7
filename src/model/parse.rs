//! Reading the three data files into the model, strictly.
//!
//! The YAML is deserialized with serde-saphyr into "raw" shapes that mirror the
//! files (every struct `deny_unknown_fields`, source positions kept with
//! [`Spanned`] where a later check must point at a value), then validated into the
//! clean types of the model. Every problem becomes a [`Diagnostic`] with the file,
//! line, column and a fix, and checking carries on so that one build reports them
//! all:
//!
//! - semantic checks (ids, links, dates in the future, …) never stop early;
//! - serde stops at the first type error of a document, so when the relationships
//!   file fails as a whole, each person's entry is parsed again on its own
//!   (`recover_people`) and every person's first problem is reported.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::{Location, Spanned};

use super::date::{DATE_ERROR_MARK, DATE_HELP, Date, parse_iso_date};
use super::message::is_placeholder_name;
use super::people::{Channel, LogEntry, Person, Role, Stage};
use super::profile::{Profile, Region};
use super::progress::Progress;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Where the profile lives, relative to the project folder.
pub const PROFILE_FILE: &str = "data/profile.yaml";
/// Where the people live, relative to the project folder.
pub const RELATIONSHIPS_FILE: &str = "data/relationships.yaml";
/// Where checklist progress lives, relative to the project folder.
pub const PROGRESS_FILE: &str = "data/progress.yaml";

/// Code of problems in the YAML itself or its shape (the same code the generic data
/// loader uses, so a syntax error reported by both is shown once).
const YAML: &str = "yaml";
/// Code of problems with a value that has the right shape.
const DATA: &str = "data";

/// The longest `kind` of a log entry before we suggest moving words to `summary`.
const MAX_KIND_CHARS: usize = 40;
/// The longest check-in rhythm we accept: ten years. Longer is a typo, and keeping
/// it bounded keeps date arithmetic far from chrono's limits.
const MAX_CADENCE_DAYS: i64 = 3660;

// ---------------------------------------------------------------------------
// Raw shapes, as written in the files.

/// `data/profile.yaml`: about you.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerbook profile (data/profile.yaml)")]
pub(crate) struct RawProfile {
    /// Your name, as the workbook greets you and signs drafts.
    #[schemars(with = "String", length(min = 1))]
    name: Spanned<String>,
    pronouns: Option<String>,
    /// Your job title; fills `{my_role}` in drafts.
    role: Option<String>,
    /// Where you work; fills `{my_organisation}` in drafts.
    organisation: Option<String>,
    #[schemars(with = "Option<String>", email)]
    email: Option<Spanned<String>>,
    /// Where in Canada you work; the guidance points you to your region's note.
    region: Option<Region>,
    /// Day 1 of your 12-month plan (YYYY-MM-DD).
    #[schemars(with = "Option<IsoDate>")]
    plan_start: Option<Date>,
    /// What you want to get better at; the first fills `{goal}` in drafts.
    goals: Option<Vec<String>>,
    /// Where you want to go; sponsors need to hear it. The first fills `{ambition}`.
    ambitions: Option<Vec<String>>,
}

/// `data/relationships.yaml`: the people you are building relationships with.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerbook relationships (data/relationships.yaml)")]
pub(crate) struct RawRelationships {
    #[schemars(with = "Option<Vec<RawPerson>>")]
    people: Option<Vec<Spanned<RawPerson>>>,
}

/// A mentor or sponsor, current or prospective.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPerson {
    /// Unique; lower-case letters, digits and `-`. Their card is `relationships.html#person-<id>`.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    id: Spanned<String>,
    #[schemars(with = "String", length(min = 1))]
    name: Spanned<String>,
    /// Mentors develop you; sponsors advance you.
    role: Role,
    /// Default: prospect.
    stage: Option<Stage>,
    title: Option<String>,
    organisation: Option<String>,
    #[schemars(with = "Option<String>", email)]
    email: Option<Spanned<String>>,
    /// Only http(s) and mailto addresses.
    #[schemars(with = "Option<Vec<String>>")]
    links: Option<Vec<Spanned<String>>>,
    /// What they can help with.
    areas: Option<Vec<String>>,
    /// How you reach them.
    channel: Option<Channel>,
    /// How often to be in touch, in days.
    #[schemars(with = "Option<u32>", range(min = 1, max = 3660))]
    cadence_days: Option<Spanned<Days>>,
    #[schemars(with = "Option<IsoDate>")]
    last_contact: Option<Spanned<Date>>,
    next_step: Option<String>,
    /// When you plan the next step (YYYY-MM-DD); it becomes a calendar event.
    #[schemars(with = "Option<IsoDate>")]
    next_step_due: Option<Spanned<Date>>,
    /// Where you met, to follow "we met at": `the alumni reception in Halifax
    /// last March`. Fills `{where_we_met}` in drafts.
    met: Option<String>,
    /// Values for message placeholders, e.g. `topic`, `their_work`, `challenge`.
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    outreach: Option<HashMap<Spanned<String>, Option<String>>>,
    /// Your history together, oldest first.
    #[schemars(with = "Option<Vec<RawLogEntry>>")]
    log: Option<Vec<Spanned<RawLogEntry>>>,
    /// Private: only in a `build --private`.
    notes: Option<String>,
    /// The whole person is private: only in a `build --private`.
    private: Option<bool>,
}

/// Something that happened between you.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLogEntry {
    #[schemars(with = "IsoDate")]
    date: Spanned<Date>,
    /// A short word: coffee, call, email, event, update, thanks, introduction…
    #[schemars(with = "Option<String>")]
    kind: Option<Spanned<String>>,
    summary: Option<String>,
    /// `true` when you gave something back (an introduction, an article, a result).
    gave: Option<bool>,
}

/// `data/progress.yaml`: checklist items you have done.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "careerbook progress (data/progress.yaml)")]
pub(crate) struct RawProgress {
    /// Checklist item id → the date you did it (YYYY-MM-DD).
    #[schemars(with = "Option<std::collections::BTreeMap<String, IsoDate>>")]
    done: Option<HashMap<Spanned<String>, Option<Spanned<String>>>>,
}

/// A date written `YYYY-MM-DD`.
#[derive(JsonSchema)]
#[schemars(extend("format" = "date"))]
#[allow(dead_code)]
pub(crate) struct IsoDate(#[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))] String);

/// JSON Schemas for the three data files, derived from the types that read them
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
    ]
}

/// A whole number of days. Accepts any integer so that the range check can happen
/// afterwards with a position and a clear message (and without stopping).
struct Days(i64);

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

// ---------------------------------------------------------------------------
// Helpers.

fn pos(loc: &Location) -> (usize, usize) {
    (loc.line() as usize, loc.column() as usize)
}

fn at(d: Diagnostic, file: &str, loc: &Location) -> Diagnostic {
    let (line, column) = pos(loc);
    d.in_file(file).at(line, column)
}

/// A serde-saphyr error as a located diagnostic, with our own advice for the
/// messages our types produce.
fn yaml_error(e: &serde_saphyr::Error, text: &str, file: &str) -> Diagnostic {
    let mut d = crate::yaml::to_diagnostic(e, text, Path::new(file), 1, YAML);
    if d.message.contains(DATE_ERROR_MARK) {
        d.help = Some(DATE_HELP.to_string());
    } else if d.message.starts_with("cannot deserialize null into") {
        d.message = "a value is needed here, but nothing is written after the colon".into();
        d.help = Some("write the value, or remove the line".into());
    } else if d.message.contains("expected a whole number of days") {
        d.help = Some("write how many days apart check-ins should be, for example 30".into());
    } else if let Some(help) = shape_help(&d.message) {
        d.help = Some(help);
    }
    d
}

/// Advice for a value of the wrong shape, in the words of the data files rather
/// than of Rust types.
fn shape_help(message: &str) -> Option<String> {
    let help = if message.starts_with("invalid boolean") {
        "write `true` or `false`".to_string()
    } else if message.starts_with("expected sequence") {
        "this takes a list: put each item on its own line starting with `- `, or write `[first, second]`".to_string()
    } else if message.starts_with("expected mapping") {
        "this takes names and values: one `name: value` per line, indented under it".to_string()
    } else if message.starts_with("expected string") {
        "this takes text: put it in quotes if it starts with `[`, `{` or another YAML symbol"
            .to_string()
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        match field {
            "role" => "add `role: mentor` or `role: sponsor`; it is required".to_string(),
            "date" => "add the date, such as `date: 2026-03-09`; it is required".to_string(),
            _ => format!("add `{field}:` with a value; it is required"),
        }
    } else {
        return None;
    };
    Some(help)
}

/// A value for a message, shortened so a pasted essay does not flood the terminal.
fn quote(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() > MAX {
        let short: String = s.chars().take(MAX).collect();
        format!("`{short}…`")
    } else {
        format!("`{s}`")
    }
}

/// Lists and maps may be written with nothing after the colon; that means empty.
fn texts(v: Option<Vec<String>>) -> Vec<String> {
    v.unwrap_or_default()
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn trimmed(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A person's id: lower-case ASCII letters, digits and `-`, starting with a letter
/// or digit. It becomes part of URLs and HTML ids, so nothing else is allowed.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("the id is empty".into());
    }
    let ok = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{} is not a valid id: ids use lower-case letters, digits and `-`",
            quote(id)
        ))
    }
}

/// A lower-case ASCII id made from any text (`Hélène Cormier` → `helene-cormier`),
/// to suggest in a help message.
pub fn suggest_id(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        let c = fold_accent(c.to_ascii_lowercase());
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if out.is_empty() { "person".into() } else { out }
}

/// The common accented letters of French and other Latin-script names, without
/// their accent.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Î' | 'Ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ô' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// A link a page may carry: `http(s)://host…` or `mailto:…`. Anything else
/// (`javascript:`, `data:`, relative paths) is refused: the value ends up in an
/// `href`, where only these are harmless and meaningful.
pub fn check_link(url: &str) -> Result<(), String> {
    if url.is_empty() {
        return Err("the link is empty".into());
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "{} contains spaces or control characters",
            quote(url)
        ));
    }
    let lower = url.to_ascii_lowercase();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = lower.strip_prefix(scheme) {
            return if rest.is_empty() || rest.starts_with('/') {
                Err(format!("{} has no site name after `{scheme}`", quote(url)))
            } else {
                Ok(())
            };
        }
    }
    if let Some(rest) = lower.strip_prefix("mailto:") {
        return if rest.is_empty() {
            Err(format!("{} has no address", quote(url)))
        } else {
            Ok(())
        };
    }
    let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    Err(match scheme {
        Some(s) => format!("`{s}:` links are not allowed, only http(s) and mailto"),
        None => format!("{} is not a full web address", quote(url)),
    })
}

/// A plain e-mail address. It becomes a `mailto:` link, so characters that would
/// add headers or break the link (`?`, `&`, `<`, spaces, …) are refused.
pub fn check_email(email: &str) -> Result<(), String> {
    let bad = |c: char| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"'?&/%`".contains(c);
    match email.split_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !email.chars().any(bad) =>
        {
            Ok(())
        }
        _ => Err(format!("{} is not an e-mail address", quote(email))),
    }
}

fn suggest_placeholder(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        let c = fold_accent(c.to_ascii_lowercase());
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// Line and column of the first line with content (not blank, a comment or a
/// document marker): where a file-level "missing field" is best shown.
fn first_content(text: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, l)| {
            let t = l.trim_start();
            let skip = t.is_empty() || t.starts_with('#') || t.starts_with("---");
            (!skip).then(|| (i + 1, l.chars().count() - t.chars().count() + 1))
        })
        .unwrap_or((1, 1))
}

// ---------------------------------------------------------------------------
// data/profile.yaml

/// Parse and validate `data/profile.yaml`. `None` for an empty file or one that
/// does not parse (the reason is in `diags`).
pub fn profile(text: &str, file: &str, diags: &mut Diagnostics) -> Option<Profile> {
    let raw = match serde_saphyr::from_str::<Option<RawProfile>>(text) {
        Ok(raw) => raw?,
        Err(e) => {
            let mut d = yaml_error(&e, text, file);
            if d.message.starts_with("missing field") {
                (d.line, d.column) = first_content(text);
            }
            diags.push(d);
            return None;
        }
    };
    let name = raw.name.value.trim().to_string();
    if name.is_empty() {
        diags.push(
            at(
                Diagnostic::error(DATA, "your name is empty"),
                file,
                &raw.name.referenced,
            )
            .help("write your name after `name:`; it greets you and signs your messages"),
        );
    }
    let email = raw.email.and_then(|e| {
        let value = e.value.trim().to_string();
        if value.is_empty() {
            return None;
        }
        if let Err(msg) = check_email(&value) {
            diags.push(
                at(
                    Diagnostic::error(DATA, format!("email: {msg}")),
                    file,
                    &e.referenced,
                )
                .help("write a plain address such as name@example.com"),
            );
        }
        Some(value)
    });
    Some(Profile {
        name,
        pronouns: trimmed(raw.pronouns),
        role: trimmed(raw.role),
        organisation: trimmed(raw.organisation),
        email,
        region: raw.region,
        plan_start: raw.plan_start.map(|d| d.0),
        goals: texts(raw.goals),
        ambitions: texts(raw.ambitions),
    })
}

// ---------------------------------------------------------------------------
// data/relationships.yaml

/// Parse and validate `data/relationships.yaml`. People with problems are still
/// returned when their entry could be read (the problems are errors in `diags`,
/// so a build stops anyway); a second person with an id already used is left out.
pub fn people(text: &str, file: &str, today: NaiveDate, diags: &mut Diagnostics) -> Vec<Person> {
    let raws: Vec<((usize, usize), RawPerson)> =
        match serde_saphyr::from_str::<Option<RawRelationships>>(text) {
            Ok(raw) => raw
                .and_then(|r| r.people)
                .unwrap_or_default()
                .into_iter()
                .map(|p| (pos(&p.referenced), p.value))
                .collect(),
            Err(whole) => recover_people(text, file, &whole, diags),
        };

    let mut people: Vec<Person> = Vec::with_capacity(raws.len());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for ((line, _), raw) in raws {
        let id_loc = raw.id.referenced;
        let person = person(raw, file, line, today, diags);
        if let Some(first_line) = seen.get(&person.id) {
            diags.push(
                at(
                    Diagnostic::error(
                        DATA,
                        format!(
                            "the id `{}` is already used by the person on line {first_line}",
                            person.id
                        ),
                    ),
                    file,
                    &id_loc,
                )
                .help(format!(
                    "give each person a different id, for example `{}`",
                    unused_id(&suggest_id(&person.name), &seen)
                )),
            );
            continue;
        }
        seen.insert(person.id.clone(), line);
        people.push(person);
    }
    people
}

/// `base`, or `base-2`, `base-3`, … : the first that no one has yet.
fn unused_id(base: &str, seen: &BTreeMap<String, usize>) -> String {
    if !seen.contains_key(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !seen.contains_key(id))
        .expect("an unused id exists")
}

/// The relationships file did not deserialize as a whole. Parse each person's
/// entry on its own so that every broken entry is reported, not only the first.
fn recover_people(
    text: &str,
    file: &str,
    whole: &serde_saphyr::Error,
    diags: &mut Diagnostics,
) -> Vec<((usize, usize), RawPerson)> {
    let mut found_problem = false;
    // Unknown top-level keys (`peple:`) are reported on their own.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct TopKeys {
        people: Option<IgnoredAny>,
    }
    if let Err(e) = serde_saphyr::from_str::<Option<TopKeys>>(text) {
        diags.push(yaml_error(&e, text, file));
        found_problem = true;
    }
    let mut raws = Vec::new();
    for (start, entry) in person_entries(text).unwrap_or_default() {
        match serde_saphyr::from_str::<RawPerson>(&entry) {
            Ok(raw) => raws.push((start, raw)),
            Err(e) => {
                let mut d = yaml_error(&e, text, file);
                // serde notices a missing field at the end of the entry; the
                // entry's first line is where a reader looks for it.
                if d.message.starts_with("missing field") {
                    (d.line, d.column) = start;
                }
                diags.push(d);
                found_problem = true;
            }
        }
    }
    if !found_problem {
        // Not something one entry explains (broken syntax, aliases across
        // entries, …): report the file's own error.
        diags.push(yaml_error(whole, text, file));
        raws.clear();
    }
    raws
}

/// Each entry of the `people:` list as a document of its own: the entry's lines,
/// with everything before it blanked out (newlines and spaces), so line and column
/// numbers in errors are those of the real file. `None` when the file is not
/// well-formed YAML or the list is written in flow style with several entries on
/// a line, which lines cannot separate.
fn person_entries(text: &str) -> Option<Vec<((usize, usize), String)>> {
    #[derive(Deserialize)]
    struct Shape {
        people: Option<Vec<Spanned<IgnoredAny>>>,
    }
    let shape = serde_saphyr::from_str::<Option<Shape>>(text).ok()??;
    let starts: Vec<(usize, usize)> = shape
        .people
        .unwrap_or_default()
        .iter()
        .map(|s| pos(&s.referenced))
        .collect();
    if starts.windows(2).any(|w| w[0].0 == w[1].0) || starts.iter().any(|s| s.0 == 0 || s.1 == 0) {
        return None;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    starts
        .iter()
        .map(|&(line, column)| {
            let first = lines.get(line - 1)?;
            let indent = column - 1;
            let mut entry = "\n".repeat(line - 1);
            entry.push_str(&" ".repeat(indent));
            entry.extend(first.chars().skip(indent));
            // An entry goes on while lines are indented at least as far as its
            // first key (blank lines and comments do not end it).
            for l in &lines[line..] {
                let content = l.trim_end_matches(['\n', '\r']);
                let rest = content.trim_start_matches(' ');
                let lead = content.len() - rest.len();
                if rest.is_empty() || rest.starts_with('#') || lead >= indent {
                    entry.push_str(l);
                } else {
                    break;
                }
            }
            Some(((line, column), entry))
        })
        .collect()
}

/// Validate one person. Always returns the person so later checks (duplicates)
/// still run; problems go to `diags`.
fn person(
    raw: RawPerson,
    file: &str,
    line: usize,
    today: NaiveDate,
    diags: &mut Diagnostics,
) -> Person {
    let mut push = |d: Diagnostic, loc: &Location| diags.push(at(d, file, loc));

    let id = raw.id.value.trim().to_string();
    if let Err(msg) = check_id(&id) {
        push(
            Diagnostic::error(DATA, msg).help(format!(
                "use lower-case letters, digits and `-`, for example `{}`",
                suggest_id(if id.is_empty() { &raw.name.value } else { &id })
            )),
            &raw.id.referenced,
        );
    }
    let name = raw.name.value.trim().to_string();
    if name.is_empty() {
        push(
            Diagnostic::error(DATA, "the name is empty").help("write the person's name"),
            &raw.name.referenced,
        );
    }

    let email = raw.email.and_then(|e| {
        let value = e.value.trim().to_string();
        if value.is_empty() {
            return None;
        }
        if let Err(msg) = check_email(&value) {
            push(
                Diagnostic::error(DATA, format!("email: {msg}"))
                    .help("write a plain address such as name@example.com"),
                &e.referenced,
            );
        }
        Some(value)
    });

    let mut links = Vec::new();
    for link in raw.links.unwrap_or_default() {
        let value = link.value.trim().to_string();
        match check_link(&value) {
            Ok(()) => links.push(value),
            Err(msg) => push(
                Diagnostic::error(DATA, format!("links: {msg}")).help(
                    "a link must start with https:// or http:// (a web page) or mailto: (an e-mail address)",
                ),
                &link.referenced,
            ),
        }
    }

    let cadence_days = raw.cadence_days.and_then(|c| {
        let days = c.value.0;
        if (1..=MAX_CADENCE_DAYS).contains(&days) {
            u32::try_from(days).ok()
        } else {
            let msg = if days < 1 {
                format!("cadence_days must be at least 1, not {days}")
            } else {
                format!("cadence_days is {days}: more than ten years between check-ins")
            };
            push(
                Diagnostic::error(DATA, msg).help(
                    "write how many days apart check-ins should be, for example 30, or remove the line",
                ),
                &c.referenced,
            );
            None
        }
    });

    let last_contact = raw.last_contact.map(|d| {
        if d.value.0 > today {
            push(
                Diagnostic::warning(
                    DATA,
                    format!("last_contact {} is after today ({today})", d.value),
                )
                .help("check the date; to plan a contact, use next_step and next_step_due"),
                &d.referenced,
            );
        }
        d.value.0
    });

    let next_step = trimmed(raw.next_step);
    let next_step_due = raw.next_step_due.map(|d| {
        if next_step.is_none() {
            push(
                Diagnostic::warning(DATA, "next_step_due is set but there is no next_step")
                    .help("add a next_step saying what you plan to do, or remove next_step_due"),
                &d.referenced,
            );
        }
        d.value.0
    });

    let mut outreach = BTreeMap::new();
    let mut entries: Vec<_> = raw.outreach.unwrap_or_default().into_iter().collect();
    entries.sort_by_key(|(k, _)| pos(&k.referenced));
    for (key, value) in entries {
        if !is_placeholder_name(&key.value) {
            let suggestion = suggest_placeholder(&key.value);
            let help = if is_placeholder_name(&suggestion) {
                format!("placeholder names are lower_snake_case: did you mean `{suggestion}`?")
            } else {
                "placeholder names are lower_snake_case, like `their_work`".to_string()
            };
            push(
                Diagnostic::error(
                    DATA,
                    format!("outreach: {} is not a placeholder name", quote(&key.value)),
                )
                .help(help),
                &key.referenced,
            );
            continue;
        }
        if let Some(v) = trimmed(value) {
            outreach.insert(key.value, v);
        }
    }

    let mut log = Vec::new();
    for entry in raw.log.unwrap_or_default() {
        let e = entry.value;
        let date = e.date.value.0;
        if date > today {
            push(
                Diagnostic::error(
                    DATA,
                    format!("a log entry in the future: {date} is after today ({today})"),
                )
                .help("the log records what has happened: check the date, or plan the contact with next_step and next_step_due"),
                &e.date.referenced,
            );
        }
        let kind = e.kind.and_then(|k| {
            let v = k.value.trim().to_string();
            if v.chars().count() > MAX_KIND_CHARS || v.contains('\n') {
                push(
                    Diagnostic::warning(DATA, "the log entry's kind is long for a label")
                        .help("keep kind to a word or two, like `coffee` or `call`, and put the details in summary"),
                    &k.referenced,
                );
            }
            Some(v).filter(|v| !v.is_empty())
        });
        log.push(LogEntry {
            date,
            kind,
            summary: trimmed(e.summary),
            gave: e.gave.unwrap_or(false),
        });
    }

    Person {
        id,
        name,
        role: raw.role,
        stage: raw.stage.unwrap_or_default(),
        title: trimmed(raw.title),
        organisation: trimmed(raw.organisation),
        email,
        links,
        areas: texts(raw.areas),
        channel: raw.channel,
        cadence_days,
        last_contact,
        next_step,
        next_step_due,
        outreach,
        log,
        met: trimmed(raw.met),
        notes: trimmed(raw.notes),
        private: raw.private.unwrap_or(false),
        line,
    }
}

// ---------------------------------------------------------------------------
// data/progress.yaml

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
            Err(msg) => {
                diags.push(at(Diagnostic::error(DATA, msg), file, &date.referenced).help(DATE_HELP))
            }
        }
    }
    progress
}
