//! The strings of the interface, with Project Fluent: one `.ftl` file per
//! language in the theme (`i18n/en-CA.ftl`, `i18n/fr-CA.ftl`). A project's
//! `themes/<name>/i18n/<tag>.ftl` sits on top of the built-in file of its
//! language, message by message, so changing one wording takes one line; a
//! file for a language careerbook does not know adds that language. A
//! message missing from a language falls back to the default language's.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::load::theme::{BUILTIN, Theme};

/// An argument of a message: text, or a number (which chooses the plural).
#[derive(Debug, Clone)]
pub enum Value {
    Text(String),
    Number(i64),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Value::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Number(n)
    }
}

/// Every language's messages, and which language is the default.
pub struct Strings {
    default: String,
    bundles: BTreeMap<String, FluentBundle<FluentResource>>,
    /// Every message id of every language.
    ids: BTreeSet<String>,
    /// Per language, every message that takes no argument, formatted once
    /// with the language's typography: most of what a page says, looked up
    /// rather than formatted on every page.
    plain: BTreeMap<String, std::collections::HashMap<String, String>>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings")
            .field("default", &self.default)
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Strings {
    /// The built-in strings of every language the built-in theme has, with
    /// Canadian English the default.
    pub fn builtin() -> Strings {
        let tags: Vec<String> = builtin_tags();
        let mut ignored = Diagnostics::new();
        Strings::load(&Theme::builtin(), &tags, (0, 0), &mut ignored)
    }

    /// The strings of `languages` (the default first) from `theme`, reporting
    /// each `.ftl` syntax error at its line and column, a language with no
    /// file at book.toml's `languages` (`at`), and each message one language
    /// lacks that the default has.
    pub fn load(
        theme: &Theme,
        languages: &[String],
        at: (usize, usize),
        diags: &mut Diagnostics,
    ) -> Strings {
        let default = languages.first().cloned().unwrap_or_else(|| "en-CA".into());
        let mut bundles = BTreeMap::new();
        let mut ids: BTreeMap<String, (BTreeSet<String>, PathBuf)> = BTreeMap::new();
        for tag in languages {
            let rel = format!("i18n/{tag}.ftl");
            let builtin = BUILTIN
                .get_file(&rel)
                .and_then(|f| std::str::from_utf8(f.contents()).ok());
            let own = theme
                .files
                .get(&rel)
                .filter(|f| f.source.is_some())
                .map(|f| (f.display_path(&rel), String::from_utf8_lossy(&f.bytes)));
            if builtin.is_none() && own.is_none() {
                diags.push(
                    Diagnostic::error(
                        "language",
                        format!("careerbook has no strings for `{tag}`"),
                    )
                    .in_file(crate::config::FILE_NAME)
                    .at(at.0, at.1)
                    .help(format!(
                        "built in are {}; for another language, write themes/<theme>/i18n/{tag}.ftl with every message of the built-in en-CA.ftl",
                        builtin_tags().join(" and ")
                    )),
                );
                continue;
            }
            let langid = tag
                .parse::<unic_langid::LanguageIdentifier>()
                .unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Fluent wraps arguments in Unicode isolation marks for
            // right-to-left text; in HTML, ICS and Typst they are stray
            // invisible characters.
            bundle.set_use_isolating(false);
            let mut names = BTreeSet::new();
            let builtin_path = PathBuf::from(format!("(built-in theme)/{rel}"));
            if let Some(text) = builtin
                && let Some(res) = parse(text.to_string(), &builtin_path, diags)
            {
                names.extend(message_ids(&res));
                // Ids are unique in a built-in file (a test checks it).
                let _ = bundle.add_resource(res);
            }
            let mut file = builtin_path;
            if let Some((path, text)) = own
                && let Some(res) = parse(text.into_owned(), &path, diags)
            {
                retired_in(&res, &path, diags);
                names.extend(message_ids(&res));
                bundle.add_resource_overriding(res);
                file = path;
            }
            ids.insert(tag.clone(), (names, file));
            bundles.insert(tag.clone(), bundle);
        }
        if let Some((wanted, _)) = ids.get(&default) {
            for (tag, (have, file)) in ids.iter().filter(|(t, _)| **t != default) {
                let missing: Vec<&str> = wanted.difference(have).map(String::as_str).collect();
                if !missing.is_empty() {
                    diags.push(
                        Diagnostic::warning(
                            "language",
                            format!(
                                "{} message{} of {default} {} no `{tag}` text: {}",
                                missing.len(),
                                if missing.len() == 1 { "" } else { "s" },
                                if missing.len() == 1 { "has" } else { "have" },
                                missing.join(", ")
                            ),
                        )
                        .in_file(file)
                        .help(format!(
                            "readers of `{tag}` see the {default} text until you add {}",
                            if missing.len() == 1 { "it" } else { "them" }
                        )),
                    );
                }
            }
        }
        let ids: BTreeSet<String> = ids.into_values().flat_map(|(names, _)| names).collect();
        let mut strings = Strings {
            default,
            bundles,
            ids,
            plain: BTreeMap::new(),
        };
        let plain = strings
            .bundles
            .keys()
            .map(|tag| {
                let primary = crate::config::primary_subtag(tag);
                let formatted = strings
                    .ids
                    .iter()
                    .filter_map(|id| {
                        let text = strings.format_checked(tag, id, None)?;
                        Some((
                            id.clone(),
                            super::typography::apply(primary, &text).into_owned(),
                        ))
                    })
                    .collect();
                (tag.clone(), formatted)
            })
            .collect();
        strings.plain = plain;
        strings
    }

    /// Message `id` of `tag` with no arguments, as [`Strings::format`] and
    /// the language's typography make it, when it takes none.
    pub fn plain(&self, tag: &str, id: &str) -> Option<&str> {
        self.plain.get(tag)?.get(id).map(String::as_str)
    }

    /// [`Strings::format`], or `None` when formatting reported a problem
    /// (such as an argument the message needs and did not get) or no
    /// language has the message.
    fn format_checked(&self, tag: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = [self.bundles.get(tag), self.bundles.get(&self.default)]
            .into_iter()
            .flatten()
            .find(|b| b.has_message(id))?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        errors.is_empty().then_some(text)
    }

    /// The ids of every message that starts with `prefix`.
    pub fn ids_starting(&self, prefix: &str) -> impl Iterator<Item = &str> {
        self.ids
            .iter()
            .map(String::as_str)
            .filter(move |id| id.starts_with(prefix))
    }

    /// Message `id` in `tag`, or in the default language when `tag` lacks it;
    /// the id itself when no language has it (every id the code uses is in
    /// both built-in files: a test checks it).
    pub fn format(&self, tag: &str, id: &str, args: &[(&str, Value)]) -> String {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::new();
            for (name, value) in args {
                match value {
                    Value::Text(s) => a.set(*name, FluentValue::from(s.as_str())),
                    Value::Number(n) => a.set(*name, FluentValue::from(*n)),
                }
            }
            a
        });
        for bundle in [self.bundles.get(tag), self.bundles.get(&self.default)]
            .into_iter()
            .flatten()
        {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
                    .into_owned();
            }
        }
        id.to_string()
    }

    /// Whether `tag` or the default language has message `id`.
    pub fn has(&self, tag: &str, id: &str) -> bool {
        [self.bundles.get(tag), self.bundles.get(&self.default)]
            .into_iter()
            .flatten()
            .any(|b| b.has_message(id))
    }
}

/// The languages the built-in theme has strings for.
pub fn builtin_tags() -> Vec<String> {
    let mut tags: Vec<String> = BUILTIN
        .get_dir("i18n")
        .map(|d| {
            d.files()
                .filter_map(|f| {
                    f.path()
                        .file_name()?
                        .to_str()?
                        .strip_suffix(".ftl")
                        .map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    // The default language first.
    tags.sort_by_key(|t| (t != "en-CA", t.clone()));
    tags
}

/// A `.ftl` file, or `None` with its syntax errors reported.
fn parse(text: String, file: &std::path::Path, diags: &mut Diagnostics) -> Option<FluentResource> {
    match FluentResource::try_new(text) {
        Ok(res) => Some(res),
        Err((res, errors)) => {
            for e in errors {
                let (line, column) = line_col(res.source(), e.pos.start);
                diags.push(
                    Diagnostic::error("language", format!("this Fluent file does not parse: {e}"))
                        .in_file(file)
                        .at(line, column)
                        .help("write a message as `id = text`, and a continued line indented; see projectfluent.org for the syntax"),
                );
            }
            None
        }
    }
}

/// Messages careerbook once had and no longer reads, with what took their
/// place: a project's override of one would otherwise change nothing, silently.
const RETIRED: &[(&str, &str)] = &[
    (
        "print-checklist-items-done",
        "`print-checklist-items-done-one` (after a count of 1) and `print-checklist-items-done-other`",
    ),
    ("print-started-on", "`print-plan-started-on`"),
];

/// A warning for each retired message a project's file still sets.
fn retired_in(res: &FluentResource, file: &std::path::Path, diags: &mut Diagnostics) {
    for id in message_ids(res) {
        let Some((_, instead)) = RETIRED.iter().find(|(old, _)| *old == id) else {
            continue;
        };
        let (line, column) = message_at(res.source(), &id);
        diags.push(
            Diagnostic::warning(
                "language",
                format!(
                    "careerbook no longer uses the message `{id}`, so this text is never shown"
                ),
            )
            .in_file(file)
            .at(line, column)
            .help(format!("write your wording as {instead} instead")),
        );
    }
}

/// Where message `id` is defined in a Fluent file: the line that starts with
/// `id =` (line 1 if none does, which parsing rules out).
fn message_at(source: &str, id: &str) -> (usize, usize) {
    let line = source.lines().position(|line| {
        line.strip_prefix(id)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    });
    (line.map_or(1, |n| n + 1), 1)
}

fn message_ids(res: &FluentResource) -> impl Iterator<Item = String> + '_ {
    res.entries().filter_map(|e| match e {
        ast::Entry::Message(m) => Some(m.id.name.to_string()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message id the Rust code asks for: the first string argument of
    /// each `t(` and `t_with(` call under src/.
    fn ids_in_code() -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for entry in walkdir::WalkDir::new(src)
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for call in [".t(\"", ".t_with(\"", "t_with(\n"] {
                for (at, _) in text.match_indices(call) {
                    let rest = text[at + call.len()..].trim_start().trim_start_matches('"');
                    let id: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    if id.len() > 2 && rest[id.len()..].starts_with('"') {
                        ids.insert(id);
                    }
                }
            }
        }
        ids
    }

    fn builtin_ids(tag: &str) -> BTreeSet<String> {
        let text = std::str::from_utf8(
            BUILTIN
                .get_file(format!("i18n/{tag}.ftl"))
                .unwrap()
                .contents(),
        )
        .unwrap()
        .to_string();
        let res = FluentResource::try_new(text).expect("the built-in file parses");
        let all: Vec<String> = message_ids(&res).collect();
        let unique: BTreeSet<String> = all.iter().cloned().collect();
        assert_eq!(
            all.len(),
            unique.len(),
            "a message is defined twice in {tag}.ftl"
        );
        unique
    }

    #[test]
    fn every_id_the_code_uses_is_in_every_built_in_language() {
        let used = ids_in_code();
        assert!(used.len() > 40, "the scan found the calls: {used:?}");
        for tag in builtin_tags() {
            let have = builtin_ids(&tag);
            let missing: Vec<&String> = used.iter().filter(|id| !have.contains(*id)).collect();
            assert!(missing.is_empty(), "{tag}.ftl lacks {missing:?}");
        }
    }

    #[test]
    fn french_has_every_english_message_and_no_other() {
        assert_eq!(builtin_ids("en-CA"), builtin_ids("fr-CA"));
    }

    #[test]
    fn a_retired_message_is_named_where_it_is_set() {
        let res = FluentResource::try_new(
            "# a comment\ntitle = Mine\nprint-started-on = Commencé le\nprint-checklist-items-done-one = fait\n"
                .to_string(),
        )
        .unwrap();
        let mut diags = Diagnostics::default();
        retired_in(
            &res,
            std::path::Path::new("themes/t/i18n/fr-CA.ftl"),
            &mut diags,
        );
        let found = diags.into_vec();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!((found[0].line, found[0].column), (3, 1));
        assert!(found[0].message.contains("`print-started-on`"));
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap()
                .contains("print-plan-started-on")
        );
        // Every retired message is gone from the built-in files.
        for (id, _) in RETIRED {
            for tag in builtin_tags() {
                assert!(!builtin_ids(&tag).contains(*id), "{id} in {tag}");
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let s = Strings::builtin();
        let overdue = |tag: &str, n: i64| s.format(tag, "when-overdue", &[("days", n.into())]);
        assert_eq!(overdue("en-CA", 1), "1 day overdue");
        assert_eq!(overdue("en-CA", 0), "0 days overdue");
        // French counts 0 and 1 as one.
        assert_eq!(overdue("fr-CA", 0), "en retard de 0 jour");
        assert_eq!(overdue("fr-CA", 40), "en retard de 40 jours");
        // No isolation marks around arguments.
        assert!(
            !s.format("en-CA", "dashboard-hello", &[("name", "Nadia".into())])
                .contains('\u{2068}')
        );
    }

    #[test]
    fn a_message_missing_in_a_language_falls_back_to_the_default() {
        let mut theme = Theme::builtin();
        theme.files.insert(
            "i18n/fr-CA.ftl".into(),
            crate::load::theme::ThemeFile {
                bytes: std::borrow::Cow::Borrowed(b"language-name = Fran\xc3\xa7ais\n"),
                source: Some("themes/default/i18n/fr-CA.ftl".into()),
            },
        );
        let mut diags = Diagnostics::new();
        let s = Strings::load(
            &theme,
            &["en-CA".into(), "fr-CA".into()],
            (1, 1),
            &mut diags,
        );
        // The project's file sits on the built-in one: nothing is missing.
        assert!(diags.is_empty(), "{diags:#?}");
        assert_eq!(s.format("fr-CA", "page-progress", &[]), "Votre progression");
        // An id no language has comes back as itself.
        assert_eq!(s.format("fr-CA", "no-such-id", &[]), "no-such-id");
    }
}
