//! Who a build is for, and what each audience may see: the one place these
//! rules live. Every output (the pages, the print page, the PDF, the calendar,
//! the search index) is made from the workbook [`Audience::workbook`] reduces,
//! so no output needs a rule of its own; a public build is also read back as it
//! is written, and a page that still shows a tracked person (a name typed into
//! a page, a theme template reading a data file) fails the build ([`Guard`]).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::sync::Mutex;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashSet;

use crate::diagnostics::Diagnostic;
use crate::load::Project;
use crate::model::{Person, Profile, Win, Workbook};
use crate::render::Sink;

/// Who a build is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    /// You alone (`--private`): everything, notes and private people too,
    /// with a banner on every page.
    Private,
    /// Your own copy (the default): the people you work with, their drafts
    /// and the calendar, without notes or private people; every page says it
    /// is not for publishing and asks search engines to stay away.
    #[default]
    Personal,
    /// The web (`--public`): the guidance, your progress, plan and timeline,
    /// your profile only if `[public] show-profile` says so, and no other
    /// person at all.
    Public,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Private, Audience::Personal, Audience::Public];

    /// `private`, `personal` or `public`: what templates see as `site.audience`.
    pub fn name(self) -> &'static str {
        match self {
            Audience::Private => "private",
            Audience::Personal => "personal",
            Audience::Public => "public",
        }
    }

    /// The audience called `name`.
    pub fn parse(name: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Notes and people marked `private: true`.
    pub fn shows_private(self) -> bool {
        self == Audience::Private
    }

    /// What was said in a conversation (a log entry's summary) in the
    /// calendar's events: a calendar is often shared, or synced to a work
    /// account, so only a private build carries it there.
    pub fn calendar_summaries(self) -> bool {
        self.shows_private()
    }

    /// Other people: names, contact details, histories, drafts, the calendar.
    pub fn shows_people(self) -> bool {
        self != Audience::Public
    }

    /// Search engines may index it: only a public build is meant for the web.
    pub fn indexable(self) -> bool {
        self == Audience::Public
    }

    /// The audience a build of `project` is really for: your own copy of a
    /// project with no personal data at all (an organization's guide built
    /// from an empty `data/`, not a cohort) has nothing to keep off the web,
    /// so it is built as a public one (indexable, no "not for publishing"
    /// line).
    pub fn of(self, project: &Project) -> Audience {
        match self {
            Audience::Personal if project.members.is_empty() && project.workbook.is_empty() => {
                Audience::Public
            }
            a => a,
        }
    }

    /// What of your own a build for this audience publishes with
    /// `[public] show-profile`: the number of wins shown with your profile,
    /// when this is a public build that shows it.
    pub fn public_profile(self, project: &Project) -> Option<usize> {
        (self == Audience::Public)
            .then(|| self.workbook(&project.workbook, project.config.public.show_profile))
            .filter(|shown| shown.profile.is_some())
            .map(|shown| shown.wins.len())
    }

    /// What this audience may see of `workbook`. `show_profile` is
    /// `[public] show-profile`: a public build shows the person's own profile
    /// only when they asked for it.
    pub fn workbook(self, workbook: &Workbook, show_profile: bool) -> Workbook {
        match self {
            Audience::Private => workbook.clone(),
            Audience::Personal => workbook.without_private(),
            // Wins are about you, like the profile: shown with it or not at
            // all, and never with who has heard them (ids of people).
            // Never the email address: on the web it is collected for
            // spam; a page can still give it, written out by its owner.
            Audience::Public => Workbook {
                profile: workbook
                    .profile
                    .clone()
                    .filter(|_| show_profile)
                    .map(|profile| Profile {
                        email: None,
                        ..profile
                    }),
                people: Vec::new(),
                progress: workbook.progress.clone(),
                wins: workbook
                    .wins
                    .iter()
                    .filter(|w| show_profile && !w.private)
                    .map(|w| Win {
                        seen_by: Vec::new(),
                        ..w.clone()
                    })
                    .collect(),
                dir: workbook.dir.clone(),
                plan_start_alone: workbook.plan_start(),
                yml: workbook.yml.clone(),
            },
        }
    }
}

/// What would identify a tracked person in a page: their name, email address,
/// and the longer texts of their history, with where they are written.
pub struct ThirdParty {
    matcher: Option<AhoCorasick>,
    /// Per pattern (the text as written, or as HTML escapes it): whose it is.
    owners: Vec<(String, Owner)>,
    /// The longest pattern's length in bytes.
    longest: usize,
    /// Whether what is read is a cohort's guide, which every member's
    /// workbook links to, rather than a `--public` build.
    cohort: bool,
}

/// A text to look for, and the person it belongs to.
#[derive(Debug, Clone)]
struct Owner {
    /// As the data file has it.
    text: String,
    file: String,
    line: usize,
    what: &'static str,
}

/// Texts shorter than this from a person's history are not looked for: "Coffee"
/// or "Call" may well be in the guidance.
const MIN_HISTORY_CHARS: usize = 24;

impl ThirdParty {
    /// The people of `workbooks` (each with the file they come from), private
    /// ones included. With `cohort` (a guide, whose members are third parties
    /// too) the name and email address of each member's profile as well, and
    /// of each person only their name and email address: a cohort of a
    /// thousand members tracks thousands of people, whose histories would make
    /// an automaton of a hundred megabytes for a guide that has no place to
    /// print them.
    pub fn of<'w>(workbooks: impl IntoIterator<Item = &'w Workbook>, cohort: bool) -> ThirdParty {
        let mut owners: Vec<(String, Owner)> = Vec::new();
        // Each text kept once, found by a hash (a cohort has thousands).
        let mut seen: FxHashSet<String> = FxHashSet::default();
        let mut add = |text: &str, file: &str, line: usize, what: &'static str| {
            if text.trim().is_empty() {
                return;
            }
            let owner = Owner {
                text: text.to_string(),
                file: file.to_string(),
                line,
                what,
            };
            let spaced = String::from_utf8_lossy(&one_space(text.as_bytes())).into_owned();
            for form in forms(&spaced) {
                // Matching ignores ASCII case: one form per spelling.
                if seen.insert(form.to_ascii_lowercase()) {
                    owners.push((form, owner.clone()));
                }
            }
        };
        for wb in workbooks {
            if cohort && let Some(profile) = &wb.profile {
                let file = wb.profile_file();
                add(&profile.name, &file, 1, "member's name");
                if let Some(email) = &profile.email {
                    add(email, &file, 1, "member's email address");
                }
            }
            let file = wb.relationships_file();
            for p in &wb.people {
                for (text, what) in texts(p) {
                    if !cohort || matches!(what, "name" | "email address") {
                        add(text, &file, p.line, what);
                    }
                }
            }
        }
        ThirdParty::looking_for(owners, cohort)
    }

    /// What looks for `owners`' texts.
    fn looking_for(owners: Vec<(String, Owner)>, cohort: bool) -> ThirdParty {
        let matcher = (!owners.is_empty()).then(|| {
            // The contiguous automaton: a tenth of the memory of the default
            // for tens of thousands of patterns, and fast enough for the
            // guide's few files.
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .ascii_case_insensitive(true)
                .build(owners.iter().map(|(t, _)| t.as_str()))
                .expect("short patterns build")
        });
        let longest = owners.iter().map(|(t, _)| t.len()).max().unwrap_or(0);
        ThirdParty {
            matcher,
            owners,
            longest,
            cohort,
        }
    }

    /// Without the texts that `guidance` (the built-in guidance's pages, as
    /// written) has itself: a person the project tracks may share a name with
    /// someone the guidance cites, and a page that prints the guidance's
    /// words publishes nothing of theirs. Such a text is then not looked for
    /// in any file (the guard cannot tell the guidance's use of a name from
    /// another); their email address and history still are.
    pub fn except_written_in<'t>(self, guidance: impl IntoIterator<Item = &'t str>) -> ThirdParty {
        let mut known: FxHashSet<&str> = FxHashSet::default();
        for text in guidance {
            for i in self.find_in(text.as_bytes(), true, true) {
                known.insert(self.owners[i].1.text.as_str());
            }
        }
        if known.is_empty() {
            return self;
        }
        let known: FxHashSet<String> = known.into_iter().map(str::to_string).collect();
        let owners = self
            .owners
            .into_iter()
            .filter(|(_, owner)| !known.contains(&owner.text))
            .collect();
        ThirdParty::looking_for(owners, self.cohort)
    }

    /// The texts found as whole words in `bytes`, by pattern (a text found
    /// twice is there twice), in a stretch of a file: one
    /// that starts the file (`first`) or not, ends it (`last`) or not. A text
    /// is only taken where the bytes on both sides of it are known: at the
    /// very start of a stretch that does not start the file, or at the very
    /// end of one that does not end it, it is left for the stretch that
    /// overlaps it ([`Scanning`]).
    fn find_in(&self, bytes: &[u8], first: bool, last: bool) -> Vec<usize> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let bytes = &*one_space(bytes);
        let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
        matcher
            .find_overlapping_iter(bytes)
            .filter(|m| {
                let before = match m.start().checked_sub(1) {
                    Some(i) => bytes.get(i),
                    None if first => None,
                    None => return false,
                };
                if m.end() == bytes.len() && !last {
                    return false;
                }
                !word(before) && !word(bytes.get(m.end()))
            })
            .map(|m| m.pattern().as_usize())
            .collect()
    }
}

/// `bytes` with each run of white space as one space: HTML's white space,
/// the no-break space (as a character or as `&nbsp;`, `&#160;`, `&#xa0;`), so
/// that a name a page's source breaks across two lines, or joins with a
/// no-break space, is found as the data writes it.
fn one_space(bytes: &[u8]) -> Cow<'_, [u8]> {
    /// The length of the white space `rest` starts with, if any.
    fn space_at(rest: &[u8]) -> Option<usize> {
        match rest.first()? {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0C => Some(1),
            0xC2 if rest.get(1) == Some(&0xA0) => Some(2),
            b'&' => [&b"&nbsp;"[..], b"&#160;", b"&#xa0;", b"&#xA0;"]
                .iter()
                .find(|e| rest.starts_with(e))
                .map(|e| e.len()),
            _ => None,
        }
    }
    // Most text has only single spaces: left as it is.
    let plain = |b: &[u8]| {
        !b.windows(2)
            .any(|w| matches!(w[0], b'\t' | b'\n' | b'\r' | 0x0C | 0xC2 | b'&') || w == b"  ")
            && !matches!(b.last(), Some(b'\t' | b'\n' | b'\r' | 0x0C))
    };
    if plain(bytes) {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match space_at(&bytes[i..]) {
            Some(mut len) => {
                let mut end = i + len;
                while let Some(more) = space_at(&bytes[end..]) {
                    len += more;
                    end = i + len;
                }
                out.push(b' ');
                i = end;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// The ways a page may print `text`: as the data has it; with a typographic
/// apostrophe, as Markdown's smart punctuation makes of `O'Brien` in a
/// page's prose; in capitals or lower case (ASCII letters' case is ignored
/// by the matcher, these are for `È` and `é`); without its accents, as a
/// person typing `Genevieve` writes it; and each as HTML escapes it.
fn forms(text: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let mut spellings = vec![text.to_string()];
    if text.contains('\'') {
        spellings.push(text.replace('\'', "\u{2019}"));
    }
    if text.contains('\u{2019}') {
        spellings.push(text.replace('\u{2019}', "'"));
    }
    if !text.is_ascii() {
        for s in std::mem::take(&mut spellings) {
            let bare = crate::diagnostics::without_accents(&s).nfc().collect();
            spellings.extend([s.to_uppercase(), s.to_lowercase(), bare, s]);
        }
    }
    let mut out = Vec::with_capacity(spellings.len() * 2);
    for s in spellings {
        let escaped = crate::templates::escape_html(&s);
        if escaped != s {
            out.push(escaped);
        }
        out.push(s);
    }
    out
}

/// The texts of a person worth looking for.
fn texts(p: &Person) -> Vec<(&str, &'static str)> {
    let mut out = vec![(p.name.as_str(), "name")];
    out.extend(p.email.as_deref().map(|e| (e, "email address")));
    out.extend(p.next_step.as_deref().map(|s| (s, "next step")));
    out.extend(p.met.as_deref().map(|s| (s, "where you met")));
    out.extend(
        p.log
            .iter()
            .filter_map(|e| e.summary.as_deref())
            .map(|s| (s, "log")),
    );
    out.extend(p.notes.as_deref().map(|s| (s, "notes")));
    out.retain(|(t, what)| {
        matches!(*what, "name" | "email address") || t.trim().chars().count() >= MIN_HISTORY_CHARS
    });
    out
}

/// A sink that reads every file of a public build before passing it on, and
/// keeps what it found: the build then fails, and nothing is published.
pub struct Guard<'a> {
    inner: &'a dyn Sink,
    people: &'a ThirdParty,
    /// Output path and pattern, for each finding.
    found: Mutex<Vec<(String, usize)>>,
}

impl<'a> Guard<'a> {
    pub fn new(inner: &'a dyn Sink, people: &'a ThirdParty) -> Self {
        Guard {
            inner,
            people,
            found: Mutex::new(Vec::new()),
        }
    }

    /// Keep what was found in the file at `path`, each text once.
    fn keep(&self, path: &str, mut found: Vec<usize>) {
        found.sort_unstable();
        found.dedup();
        if !found.is_empty() {
            let mut all = self.found.lock().unwrap_or_else(|e| e.into_inner());
            all.extend(found.into_iter().map(|i| (path.to_string(), i)));
        }
    }

    /// One error per text found, naming the files it is in, in the order of
    /// the texts' owners.
    pub fn findings(self) -> Vec<Diagnostic> {
        self.findings_with(|_| None)
    }

    /// [`Guard::findings`], each naming also the project's own page an output
    /// file was made from (`source`: `thanks.html` → `content/thanks.md`),
    /// which is what to change.
    pub fn findings_with(self, source: impl Fn(&str) -> Option<String>) -> Vec<Diagnostic> {
        let found = self.found.into_inner().unwrap_or_else(|e| e.into_inner());
        // Text (as written) → its owner and the files it is in, sorted.
        let mut by_text: BTreeMap<&str, (&Owner, BTreeSet<String>)> = BTreeMap::new();
        for (path, i) in found {
            let owner = &self.people.owners[i].1;
            by_text
                .entry(owner.text.as_str())
                .or_insert_with(|| (owner, BTreeSet::new()))
                .1
                .insert(path);
        }
        by_text
            .into_values()
            .map(|(owner, paths)| {
                let mut sources: Vec<String> = paths.iter().filter_map(|p| source(p)).collect();
                sources.dedup();
                let mut paths: Vec<String> = paths.into_iter().map(|p| format!("`{p}`")).collect();
                // Pages first: they are what a person would fix.
                paths.sort_by_key(|p| !p.ends_with(".html`"));
                let shown = match paths.len() {
                    0..=3 => paths.join(", "),
                    n => format!("{} and {} more", paths[..3].join(", "), n - 3),
                };
                let (whose, help) = if self.people.cohort {
                    (
                        "the cohort's guide would publish a member's data",
                        "the guide is every member's, and shows no member or person they track; \
                         take it out of the page or template that prints it",
                    )
                } else {
                    (
                        "a public build would publish a person you track",
                        "a public build shows no other person; take it out of the page or template that prints it, \
                         or build your own copy without --public",
                    )
                };
                let help = match sources.as_slice() {
                    [] => help.to_string(),
                    pages => format!(
                        "it is written in {}; {help}",
                        pages
                            .iter()
                            .map(|p| format!("`{p}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                Diagnostic::error(
                    "audience",
                    format!(
                        "{whose}: the {} `{}` is in {shown}",
                        owner.what,
                        shorten(&owner.text)
                    ),
                )
                .in_file(&owner.file)
                .at(owner.line, 1)
                .help(help)
            })
            .collect()
    }
}

/// A long text, cut for a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

impl Sink for Guard<'_> {
    fn write_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> io::Result<()> {
        if self.people.matcher.is_none() {
            return self.inner.write_with(path, write);
        }
        // A file written piece by piece is the print page, the whole book:
        // read as it passes, a stretch at a time, never held whole.
        let mut found = Vec::new();
        self.inner.write_with(path, &mut |w| {
            let mut scanning = Scanning {
                people: self.people,
                inner: w,
                pending: Vec::new(),
                first: true,
                found: Vec::new(),
            };
            write(&mut scanning)?;
            found = scanning.finish();
            Ok(())
        })?;
        self.keep(path, found);
        Ok(())
    }

    fn write_bytes(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.keep(path, self.people.find_in(bytes, true, true));
        self.inner.write_bytes(path, bytes)
    }
}

/// About how many bytes [`Scanning`] gathers before it looks through them.
const STRETCH: usize = 64 * 1024;

/// Passes a file on as it is written and looks through it for tracked people
/// a stretch at a time. Each stretch keeps the end of the one before it, long
/// enough for the longest text and the byte before it, so a text cut between
/// two writes is found whole, with what is on both sides of it.
struct Scanning<'a, 'w> {
    people: &'a ThirdParty,
    inner: &'w mut (dyn Write + Send),
    /// Written and not yet looked through, after the end of what was.
    pending: Vec<u8>,
    /// Whether `pending` starts the file.
    first: bool,
    found: Vec<usize>,
}

impl Scanning<'_, '_> {
    /// Look through what is pending, keeping its end for the next stretch.
    fn look(&mut self) {
        let found = self.people.find_in(&self.pending, self.first, false);
        self.found.extend(found);
        // Twice the longest text: one the page writes with more white space
        // than the data (a line break and its indent) is longer as written.
        let keep = 2 * self.people.longest + 1;
        if self.pending.len() > keep {
            self.pending.drain(..self.pending.len() - keep);
            self.first = false;
        }
    }

    /// What was found, the end of the file looked through too.
    fn finish(mut self) -> Vec<usize> {
        let found = self.people.find_in(&self.pending, self.first, true);
        self.found.extend(found);
        self.found
    }
}

impl Write for Scanning<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.pending.extend_from_slice(&buf[..n]);
        if self.pending.len() >= STRETCH + self.people.longest {
            self.look();
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LogEntry, Profile, Role};
    use crate::render::Memory;

    fn workbook() -> Workbook {
        let mut rohan = Person::new("rohan", "Rohan O'Neil", Role::Sponsor);
        rohan.email = Some("rohan@example.ca".into());
        rohan.notes = Some("Prefers mornings".into());
        rohan.log.push(LogEntry {
            date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            kind: Some("coffee".into()),
            summary: Some("Talked through the launch review in detail".into()),
            gave: false,
            wins: Vec::new(),
        });
        let mut secret = Person::new("sam", "Sam Secret", Role::Mentor);
        secret.private = true;
        Workbook {
            profile: Some(Profile::new("Nadia Boudreau")),
            people: vec![rohan, secret],
            ..Workbook::default()
        }
    }

    #[test]
    fn each_audience_sees_its_part() {
        let wb = workbook();
        let private = Audience::Private.workbook(&wb, false);
        assert_eq!(private.people.len(), 2);
        assert!(private.people[0].notes.is_some());
        let personal = Audience::Personal.workbook(&wb, false);
        assert_eq!(personal.people.len(), 1);
        assert!(personal.people[0].notes.is_none());
        assert!(personal.profile.is_some());
        let public = Audience::Public.workbook(&wb, false);
        assert!(public.people.is_empty());
        assert!(public.profile.is_none());
        assert!(Audience::Public.workbook(&wb, true).profile.is_some());
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.name()), Some(a));
        }
        assert_eq!(Audience::parse("everyone"), None);
    }

    #[test]
    fn the_guard_finds_a_name_however_a_page_prints_it() {
        let mut wb = workbook();
        wb.people[0].name = "Geneviève O'Brien".into();
        let people = ThirdParty::of([&wb], false);
        for (n, page) in [
            // Markdown's smart punctuation.
            "<p>Ask Geneviève O\u{2019}Brien.</p>",
            "<p>Ask GENEVIÈVE O'BRIEN.</p>",
            "<p>ask genevieve o&#39;brien</p>",
            "[\"Genevieve O\u{2019}Brien\"]",
        ]
        .into_iter()
        .enumerate()
        {
            let memory = Memory::new();
            let guard = Guard::new(&memory, &people);
            guard
                .write_bytes(&format!("{n}.html"), page.as_bytes())
                .unwrap();
            let found = guard.findings();
            assert_eq!(found.len(), 1, "{page}: {found:#?}");
            assert!(
                found[0].message.contains("the name `Geneviève O'Brien`"),
                "{page}: {}",
                found[0].message
            );
        }
        // Still whole words only.
        let memory = Memory::new();
        let guard = Guard::new(&memory, &people);
        guard
            .write_bytes("x.html", "Geneviève O'Briens".as_bytes())
            .unwrap();
        assert!(guard.findings().is_empty());
    }

    #[test]
    fn the_guard_finds_a_name_broken_across_lines_or_joined_by_a_no_break_space() {
        let people = ThirdParty::of([&workbook()], false);
        for page in [
            "<p>Coffee with Rohan\nO'Neil.</p>",
            "<li>Coffee with Rohan\n    O'Neil</li>",
            "<p>Rohan&nbsp;O'Neil</p>",
            "<p>Rohan&#160;O'Neil</p>",
            "<p>Rohan\u{a0}O\u{2019}Neil</p>",
            "<p>Rohan \t O&#39;Neil</p>",
        ] {
            let found = people.find_in(page.as_bytes(), true, true);
            assert!(
                found
                    .iter()
                    .any(|&i| people.owners[i].1.text == "Rohan O'Neil"),
                "{page:?}"
            );
        }
        // A file written in pieces, the name cut in its long white space.
        let memory = Memory::new();
        let guard = Guard::new(&memory, &people);
        let spaces = " ".repeat(people.longest);
        guard
            .write_with("p.html", &mut |w| {
                w.write_all(&vec![b'x'; STRETCH - 8])?;
                w.write_all(format!(" Rohan{spaces}\nO'Neil ").as_bytes())?;
                w.write_all(&vec![b'x'; STRETCH])
            })
            .unwrap();
        assert_eq!(guard.findings().len(), 1);
        // Words stay whole.
        assert!(people.find_in(b"Rohan\nO'Neils", true, true).is_empty());
    }

    #[test]
    fn a_name_the_built_in_guidance_writes_is_not_a_person_s() {
        let mut wb = workbook();
        wb.people[0].name = "Herminia Ibarra".into();
        let guidance = "Research by Herminia Ibarra found that sponsors matter.";
        let people = ThirdParty::of([&wb], true).except_written_in([guidance]);
        assert!(people.find_in(guidance.as_bytes(), true, true).is_empty());
        // Her email address, which the guidance does not write, is still looked for.
        assert!(!people.find_in(b"rohan@example.ca", true, true).is_empty());
        // In a cohort's guide, the finding says whose data it is.
        let memory = Memory::new();
        let guard = Guard::new(&memory, &people);
        guard.write_bytes("a.html", b"rohan@example.ca").unwrap();
        let found = guard.findings();
        assert!(
            found[0]
                .message
                .starts_with("the cohort's guide would publish a member's data: the email address"),
            "{}",
            found[0].message
        );
        assert!(!found[0].help.as_deref().unwrap().contains("--public"));
    }

    #[test]
    fn the_guard_finds_names_escaped_or_not_as_whole_words_only() {
        let wb = workbook();
        let people = ThirdParty::of([&wb], false);
        let memory = Memory::new();
        let guard = Guard::new(&memory, &people);
        guard
            .write_bytes("a.html", b"<p>Ask Rohan O&#39;Neil.</p>")
            .unwrap();
        guard
            .write_bytes("b.html", b"Sam Secrets and Rohan O'Neill")
            .unwrap();
        guard
            .write_with("c.js", &mut |w| {
                w.write_all(b"[\"Talked through the launch ")?;
                w.write_all(b"review in detail\", \"rohan@example.ca\"]")
            })
            .unwrap();
        let found = guard.findings();
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(messages[0].contains("the name `Rohan O'Neil` is in `a.html`"));
        assert!(
            messages[1]
                .contains("the log `Talked through the launch review in detail` is in `c.js`")
        );
        assert!(messages[2].contains("the email address `rohan@example.ca` is in `c.js`"));
        assert_eq!(
            found[0].file.as_deref(),
            Some(std::path::Path::new("data/relationships.yaml"))
        );
        // Everything still reached the sink: the build's failure drops it.
        assert_eq!(memory.into_files().len(), 3);
    }

    /// A file written piece by piece is looked through a stretch at a time:
    /// a text finds the same wherever it falls against the stretches, cut
    /// between two of them, at the start of one, at the end of one; and run
    /// into a word on either side, it is not found there either.
    #[test]
    fn a_file_written_in_pieces_finds_a_text_wherever_it_is_cut() {
        let wb = workbook();
        let people = ThirdParty::of([&wb], false);
        let texts = [
            "Rohan O'Neil",
            "rohan@example.ca",
            "Sam Secret",
            "Talked through the launch review in detail",
        ];
        // Written a kilobyte at a time, the file is first looked through
        // at the end of the write that fills a stretch.
        const PIECE: usize = 1000;
        let boundary = (STRETCH + people.longest).div_ceil(PIECE) * PIECE;
        for text in texts {
            for (before, after) in [(false, false), (true, false), (false, true)] {
                for at in boundary - people.longest - 3..boundary + 3 {
                    let mut file = vec![b' '; at];
                    if before {
                        file.push(b'x');
                    }
                    file.extend_from_slice(text.as_bytes());
                    if after {
                        file.push(b'x');
                    }
                    file.resize(2 * STRETCH + 3 * PIECE, b' ');
                    let memory = Memory::new();
                    let guard = Guard::new(&memory, &people);
                    guard
                        .write_with("print.html", &mut |w| {
                            file.chunks(PIECE).try_for_each(|piece| w.write_all(piece))
                        })
                        .unwrap();
                    let found: Vec<&str> = guard
                        .found
                        .into_inner()
                        .unwrap()
                        .into_iter()
                        .map(|(_, i)| people.owners[i].1.text.as_str())
                        .collect();
                    let expected = if before || after { vec![] } else { vec![text] };
                    assert_eq!(found, expected, "{text:?} at {at}, {before} {after}");
                    assert_eq!(memory.into_files()[0].bytes, file, "passed on whole");
                }
            }
        }
    }

    /// The print page holds the whole book: the guard hands it on piece by
    /// piece as it is written, whether or not there is anyone to look for,
    /// and never holds it whole.
    #[test]
    fn the_guard_passes_a_file_on_as_it_is_written() {
        /// A sink that only counts the writes it is given.
        #[derive(Default)]
        struct Writes(Mutex<Vec<usize>>);
        struct Count<'a>(&'a Mutex<Vec<usize>>);
        impl Write for Count<'_> {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.0.lock().unwrap().push(buf.len());
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        impl Sink for Writes {
            fn write_with(
                &self,
                _path: &str,
                write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
            ) -> io::Result<()> {
                write(&mut Count(&self.0))
            }
        }
        let tracked = workbook();
        for wb in [&tracked, &Workbook::default()] {
            let people = ThirdParty::of([wb], false);
            let sink = Writes::default();
            let guard = Guard::new(&sink, &people);
            let piece = vec![b'a'; 100_000];
            guard
                .write_with("print.html", &mut |w| {
                    (0..10).try_for_each(|_| w.write_all(&piece))
                })
                .unwrap();
            assert_eq!(
                sink.0.into_inner().unwrap(),
                vec![100_000; 10],
                "tracked people: {}",
                !wb.people.is_empty()
            );
        }
    }
}
