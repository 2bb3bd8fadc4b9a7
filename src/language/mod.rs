//! The book's languages: the strings a reader sees in each (Fluent, from the
//! theme's `i18n/<tag>.ftl`), long dates, and French typography. A build in
//! several languages renders the project once per language
//! ([`crate::load::Project::in_language`]); everything a page shows in words
//! goes through the [`Locale`] of that language.

mod dates;
mod strings;
pub mod typography;

use std::sync::Arc;

use chrono::NaiveDate;
pub use dates::month_name;
pub use strings::{Strings, Value};

/// One language of the book, ready to translate: its tag (`fr-CA`), and its
/// strings with the default language's beneath them. Cheap to clone.
#[derive(Clone)]
pub struct Locale {
    tag: String,
    strings: Arc<Strings>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("tag", &self.tag).finish()
    }
}

impl Default for Locale {
    /// Canadian English with the built-in strings (tests, and code that has
    /// no project).
    fn default() -> Self {
        Locale::new("en-CA", Arc::new(Strings::builtin()))
    }
}

impl Locale {
    pub fn new(tag: &str, strings: Arc<Strings>) -> Self {
        Locale {
            tag: tag.to_string(),
            strings,
        }
    }

    /// Whether there is a message `id` (in this language or the default).
    pub fn has(&self, id: &str) -> bool {
        self.strings.has(&self.tag, id)
    }

    /// The BCP 47 tag: `fr-CA`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The primary subtag: `fr`.
    pub fn primary(&self) -> &str {
        crate::config::primary_subtag(&self.tag)
    }

    /// The message `id`, in this language (or the default language's when
    /// this one lacks it), with the language's typography.
    pub fn t(&self, id: &str) -> String {
        match self.plain(id) {
            Some(text) => text.to_string(),
            None => self.t_with(id, &[]),
        }
    }

    /// Message `id` when it takes no argument, formatted once for the build.
    pub fn plain(&self, id: &str) -> Option<&str> {
        self.strings.plain(&self.tag, id)
    }

    /// [`Locale::t`] with arguments: `{ $name }`, `{ $count }` (plural rules
    /// are the language's: French counts 0 and 1 as one).
    pub fn t_with(&self, id: &str, args: &[(&str, Value)]) -> String {
        let text = self.strings.format(&self.tag, id, args);
        typography::apply(self.primary(), &text).into_owned()
    }

    /// `Two`, `Deux`: a count as a word, capitalized, to start a sentence
    /// (digits from 13 on).
    pub fn number_word(&self, n: usize) -> String {
        dates::number_word(self.primary(), n)
    }

    /// `A`, `A and B`, `A, B and C` (`A, B et C`).
    pub fn list(&self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => self.t_with(
                "list-and",
                &[
                    ("init", init.join(", ").into()),
                    ("last", last.as_str().into()),
                ],
            ),
        }
    }

    /// Every message whose id starts with `prefix`, in this language: what
    /// the print theme reads (`print-`), by id.
    pub fn all_starting(&self, prefix: &str) -> std::collections::BTreeMap<String, String> {
        self.strings
            .ids_starting(prefix)
            .map(|id| (id.to_string(), self.t(id)))
            .collect()
    }

    /// `24 November 2026`, `1er décembre 2026`.
    pub fn long_date(&self, date: NaiveDate) -> String {
        dates::long_date(self.primary(), date)
    }

    /// `Nov`, `nov.`: a month (1–12) in a few letters, for labels.
    pub fn month_abbr(&self, month: u32) -> String {
        dates::month_abbr(self.primary(), month)
    }

    /// `November`, `novembre`.
    pub fn month_name(&self, month: u32) -> &'static str {
        dates::month_name(self.primary(), month)
    }
}
