//! The search index: what the search box in the top bar looks through.
//!
//! The index is made from the pages as they are written, from the text inside
//! their `<main>` element, so it holds exactly what the build's pages show and
//! nothing else: a build without `--private` has no notes or private people in
//! its index because its pages have none, and a public build no other person.
//! Every workbook (a cohort's guide, each member's) has an index of its own,
//! as it is a site of its own.
//!
//! Every file is a script that hands its data to
//! `careerbookSearch(document.currentScript, data)`: a page opened from
//! `file://` may load scripts but not fetch files. Under a workbook's
//! `search/` folder:
//!
//! | file | what it holds |
//! | --- | --- |
//! | `index.js` | the table: how many pages, where each chunk of pages starts, which terms file holds which terms |
//! | `terms-N.js` | terms (normalised words) → postings: page number (as the difference from the one before) and weight, in pairs |
//! | `pages-N.js` | pages in a run: address, title, and sections (anchor, heading, text) to build excerpts from |
//!
//! A small book has one terms file; a large one has a file per two-letter
//! prefix, and pages come in chunks of about [`CHUNK_BYTES`], so a search
//! loads only the terms it asks about and the pages it shows.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, RwLock};

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{OutputFile, push_script_string, script_json};

mod terms;
use terms::{PageTerms, Place, Term};

/// The index's format; the client refuses another.
const VERSION: u32 = 1;
/// Below this many bytes of postings, the terms go in one file.
const ONE_TERMS_FILE: usize = 192 * 1024;
/// At most this many bytes of a page's text are kept for excerpts (all of it
/// is searched): a page of megabytes does not make an index of megabytes.
const PAGE_TEXT: usize = 64 * 1024;
/// About how many bytes of text each file of pages holds.
const CHUNK_BYTES: usize = 32 * 1024;

/// Which of a workbook's pages go into its index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every page.
    Everything,
    /// None: `[output.html] search = false`.
    Off,
}

/// Pages as the index reads them, kept across the workbooks of one build: a
/// cohort's members each have a whole index (their workbook is a site of its
/// own), and most of their pages are the guide's chapters, whose text is the
/// same for every member. Such a page is read once per distinct `<main>` (the
/// ticks left out): one for the whole cohort, unless a theme prints something
/// of the member's on it.
#[derive(Default)]
pub struct Shared {
    pages: Mutex<FxHashMap<Vec<u8>, Arc<Read>>>,
}

/// A page as read: its row, the length of its text, its terms and their
/// weights.
struct Read {
    row: String,
    text: usize,
    terms: Vec<(Term, u8)>,
}

impl Shared {
    /// What identifies a page's index entry: its address, title and `<main>`
    /// ([`main_of`]), with the ticks left out (a ticked box has no text).
    fn key(url: &str, title: &str, main: &[u8]) -> Vec<u8> {
        let mut key = Vec::with_capacity(url.len() + title.len() + main.len() + 2);
        key.extend_from_slice(url.as_bytes());
        key.push(0);
        key.extend_from_slice(title.as_bytes());
        key.push(0);
        let mut rest = main;
        while let Some(at) = memchr::memmem::find(rest, b" checked>") {
            key.extend_from_slice(&rest[..at]);
            key.push(b'>');
            rest = &rest[at + b" checked>".len()..];
        }
        key.extend_from_slice(rest);
        key
    }
}

/// Collects a workbook's pages as they are written, from any thread.
///
/// Pages are placed in the index in their order as soon as every page before
/// them has come: their postings are added and their rows copied into the
/// pages file being filled, which goes to `spill` (the site) once full. So the
/// text of the workbook is not held until the end, only the pages that came
/// ahead of their turn.
pub struct Collector<'s> {
    scope: Scope,
    /// Pages read for other workbooks of the build, when there are others.
    shared: Option<&'s Shared>,
    /// Where the index's files go (the workbook's folder in the site).
    prefix: String,
    /// Takes each pages file as soon as it is complete; without it, they are
    /// all returned by [`Collector::finish`].
    spill: Option<&'s (dyn Fn(OutputFile) + Sync)>,
    /// Below this many bytes of postings, the terms go in one file.
    one_terms_file: usize,
    /// Every term seen, numbered as first seen; read by every page, written
    /// only for words not seen before.
    terms: RwLock<Terms>,
    index: Mutex<Index>,
}

/// Terms numbered as first seen: pages keep numbers, not copies of their
/// words, and postings are gathered by number.
#[derive(Default)]
struct Terms {
    /// Most terms' numbers, by [`Term::Packed`]'s number: a small table.
    packed: FxHashMap<u128, u32>,
    spelled: FxHashMap<Box<str>, u32>,
    /// The terms by number.
    names: Vec<String>,
}

impl Terms {
    fn get(&self, term: &Term) -> Option<u32> {
        match term {
            Term::Packed(n) => self.packed.get(n),
            Term::Spelled(s) => self.spelled.get(s),
        }
        .copied()
    }

    /// A term's number, given the next if it has none.
    fn number(&mut self, term: &Term) -> u32 {
        let next = self.names.len() as u32;
        let id = *match term {
            Term::Packed(n) => self.packed.entry(*n).or_insert(next),
            Term::Spelled(s) => self.spelled.entry(s.clone()).or_insert(next),
        };
        if id == next {
            self.names.push(term.name());
        }
        id
    }
}

/// The index as it grows.
#[derive(Default)]
struct Index {
    /// Postings by term number, in page order.
    postings: Vec<Postings>,
    /// Pages that came ahead of their turn, waiting for those before them,
    /// by order.
    waiting: BTreeMap<usize, Page>,
    /// The order of the next page to place.
    next: usize,
    /// How many pages are placed (the next page's number).
    placed: u32,
    /// The pages file being filled: its script and the text in it.
    chunk: String,
    chunk_text: usize,
    /// The first page of each pages file begun.
    starts: Vec<usize>,
    /// Complete pages files not yet handed to `spill`, by number.
    done: Vec<(usize, String)>,
}

/// One indexed page, as the thread that wrote it left it.
struct Page {
    /// Its row of a pages file, as JSON: `[address, title, [[anchor, heading,
    /// text], …]]`.
    row: String,
    /// The length of its text, to cut the pages files to size.
    text: usize,
    /// Its terms (numbers in the collector's table) and their weights.
    terms: Vec<(u32, u8)>,
}

/// A stretch of a page under one heading (or before the first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The heading's `id`, to link to; empty before the first heading.
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

impl<'s> Collector<'s> {
    /// A collector for the workbook whose files go under `prefix` (its folder
    /// in the site).
    pub fn new(scope: Scope, shared: Option<&'s Shared>, prefix: &str) -> Self {
        Collector {
            scope,
            shared,
            prefix: prefix.to_string(),
            spill: None,
            one_terms_file: ONE_TERMS_FILE,
            terms: RwLock::new(Terms::default()),
            index: Mutex::new(Index::default()),
        }
    }

    /// Hand each pages file to `spill` as soon as it is complete.
    pub fn spilling_to(self, spill: &'s (dyn Fn(OutputFile) + Sync)) -> Self {
        Collector {
            spill: Some(spill),
            ..self
        }
    }

    /// Take in a written page. `same_for_all` says its text is the same in
    /// every workbook of the build (a cohort's chapter with no template in
    /// it): it is then read once and kept for the others.
    pub fn add(&self, order: usize, url: &str, title: &str, html: &[u8], same_for_all: bool) {
        if self.scope == Scope::Off {
            return;
        }
        let main = main_of(html);
        let Some(shared) = self.shared.filter(|_| same_for_all) else {
            let Read { row, text, terms } = read(url, title, main);
            self.take(order, row, text, &terms);
            return;
        };
        let key = Shared::key(url, title, main);
        let known = lock(&shared.pages).get(&key).cloned();
        let read = known.unwrap_or_else(|| {
            let read = Arc::new(read(url, title, main));
            lock(&shared.pages).insert(key, read.clone());
            read
        });
        self.take(order, read.row.clone(), read.text, &read.terms);
    }

    /// Number a page's terms and place it, with any pages that waited for it;
    /// then hand over the pages files that filled up.
    fn take(&self, order: usize, row: String, text: usize, terms: &[(Term, u8)]) {
        let terms = self.number(terms);
        let full = {
            let mut index = lock(&self.index);
            index.take_in(order, Page { row, text, terms });
            match self.spill {
                Some(_) => std::mem::take(&mut index.done),
                None => Vec::new(),
            }
        };
        if let Some(spill) = self.spill {
            for (n, script) in full {
                spill(OutputFile::new(self.path(&format!("pages-{n}.js")), script));
            }
        }
    }

    fn path(&self, name: &str) -> String {
        path(&self.prefix, name)
    }

    /// Terms with their weights, numbered in the table: most are known, and
    /// are looked up with the other threads; new ones are numbered after.
    fn number(&self, terms: &[(Term, u8)]) -> Vec<(u32, u8)> {
        let mut numbered = Vec::with_capacity(terms.len());
        let mut new = Vec::new();
        {
            let table = self.terms.read().unwrap_or_else(|p| p.into_inner());
            for &(ref term, weight) in terms {
                let id = table.get(term).unwrap_or_else(|| {
                    new.push((numbered.len(), term));
                    u32::MAX
                });
                numbered.push((id, weight));
            }
        }
        if !new.is_empty() {
            let mut table = self.terms.write().unwrap_or_else(|p| p.into_inner());
            for (at, term) in new {
                // Another thread may have numbered it in between.
                numbered[at].0 = table.number(term);
            }
        }
        numbered
    }

    /// The index's files not yet handed over: the terms files, the last pages
    /// files and `index.js`; none when search is off.
    pub fn finish(self) -> Vec<OutputFile> {
        let Collector {
            scope,
            prefix,
            one_terms_file,
            terms,
            index,
            ..
        } = self;
        if scope == Scope::Off {
            return Vec::new();
        }
        let mut index = into_inner(index);
        // Pages that waited for one that never came (it failed to be
        // written) take their places in order all the same.
        for (_, page) in std::mem::take(&mut index.waiting) {
            index.place(page);
        }
        index.close_chunk();
        let names = terms
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .names;
        // Every term is on a placed page; this only makes sure of it.
        index.postings.resize_with(names.len(), Postings::default);
        let (terms, shards) = terms_files(&index.postings, &names, one_terms_file);
        let table = Table {
            v: VERSION,
            pages: index.placed as usize,
            chunks: index.starts,
            shards,
        };
        let mut script = script_start();
        script.push_str(&script_json(&table));
        script_end(&mut script);
        let mut out = Vec::with_capacity(terms.len() + index.done.len() + 1);
        for (n, script) in terms.into_iter().enumerate() {
            out.push(OutputFile::new(
                path(&prefix, &format!("terms-{n}.js")),
                script,
            ));
        }
        for (n, script) in index.done {
            out.push(OutputFile::new(
                path(&prefix, &format!("pages-{n}.js")),
                script,
            ));
        }
        out.push(OutputFile::new(path(&prefix, "index.js"), script));
        out
    }
}

impl Index {
    /// Place a page, and the pages that waited for it; or let it wait for
    /// the pages before it.
    fn take_in(&mut self, order: usize, page: Page) {
        if order != self.next {
            self.waiting.insert(order, page);
            return;
        }
        self.place(page);
        self.next += 1;
        while let Some(page) = self.waiting.remove(&self.next) {
            self.place(page);
            self.next += 1;
        }
    }

    /// Give a page the next number: its postings, and its row in the pages
    /// file being filled (a new one once the last holds [`CHUNK_BYTES`]).
    fn place(&mut self, page: Page) {
        let n = self.placed;
        if n == 0 || self.chunk_text >= CHUNK_BYTES {
            self.close_chunk();
            self.starts.push(n as usize);
            // Room for the text and the JSON around it, so that the file is
            // not copied as it grows.
            self.chunk = String::with_capacity(CHUNK_BYTES + CHUNK_BYTES / 2);
            self.chunk.push_str(&script_start());
            self.chunk.push('[');
            self.chunk_text = 0;
        } else {
            self.chunk.push(',');
        }
        self.chunk.push_str(&page.row);
        self.chunk_text += 1 + page.text;
        for (id, weight) in page.terms {
            let id = id as usize;
            if id >= self.postings.len() {
                self.postings.resize_with(id + 1, Postings::default);
            }
            self.postings[id].push(n, weight);
        }
        self.placed += 1;
    }

    /// Complete the pages file being filled, if any.
    fn close_chunk(&mut self) {
        if self.chunk.is_empty() {
            return;
        }
        let mut script = std::mem::take(&mut self.chunk);
        script.push(']');
        script_end(&mut script);
        self.done.push((self.starts.len() - 1, script));
    }
}

/// A page's bytes as text; careerbook writes UTF-8, a theme's file might not.
fn text_of(html: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(html) {
        Ok(text) => text.into(),
        Err(_) => String::from_utf8_lossy(html),
    }
}

/// Where a file of the index goes, under a workbook's folder.
fn path(prefix: &str, name: &str) -> String {
    format!("{prefix}search/{name}")
}

/// The part of a page the index reads: its `<main>` element, or all of it
/// when it has none.
fn main_of(html: &[u8]) -> &[u8] {
    match memchr::memmem::find(html, b"<main") {
        Some(start) => {
            let end =
                memchr::memmem::rfind(&html[start..], b"</main>").map_or(html.len(), |e| start + e);
            &html[start..end]
        }
        None => html,
    }
}

/// Read a written page to keep: its row of a pages file, the length of its
/// text, its terms.
fn read(url: &str, title: &str, main: &[u8]) -> Read {
    let main = text_of(main);
    let sections = sections(&main);
    let (row, text) = row(url, title, &sections);
    Read {
        row,
        text,
        terms: terms_of(title, &sections),
    }
}

/// A page's terms, from its title and sections, and their weights.
fn terms_of(title: &str, sections: &[Section]) -> Vec<(Term, u8)> {
    // Room for about one distinct word in three of a page's text, so the
    // table is not grown as it fills.
    let text: usize = sections.iter().map(|s| s.text.len()).sum();
    let mut terms = PageTerms::with_capacity(text / 16);
    terms.add(title, Place::Title);
    for s in sections {
        terms.add(&s.heading, Place::Heading);
        terms.add(&s.text, Place::Body);
    }
    terms.weights().collect()
}

/// A page's row of a pages file, as JSON, and the length of the text in it
/// (at most [`PAGE_TEXT`]).
fn row(url: &str, title: &str, sections: &[Section]) -> (String, usize) {
    let mut room = PAGE_TEXT;
    let size: usize = sections
        .iter()
        .map(|s| s.anchor.len() + s.heading.len() + s.text.len() + 12)
        .sum();
    let mut out = String::with_capacity(url.len() + title.len() + size.min(2 * PAGE_TEXT) + 16);
    out.push('[');
    push_script_string(&mut out, url);
    out.push(',');
    push_script_string(&mut out, title);
    out.push_str(",[");
    for (n, s) in sections.iter().enumerate() {
        let mut end = s.text.len().min(room);
        while !s.text.is_char_boundary(end) {
            end -= 1;
        }
        room -= end;
        if n > 0 {
            out.push(',');
        }
        out.push('[');
        push_script_string(&mut out, &s.anchor);
        out.push(',');
        push_script_string(&mut out, &s.heading);
        out.push(',');
        push_script_string(&mut out, &s.text[..end]);
        out.push(']');
    }
    out.push_str("]]");
    (out, PAGE_TEXT - room)
}

/// A lock, whether or not another thread panicked holding it: the data is
/// only ever appended to.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn into_inner<T>(m: Mutex<T>) -> T {
    m.into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The table `index.js` holds.
#[derive(Serialize)]
struct Table {
    v: u32,
    pages: usize,
    /// The first page of each `pages-N.js`.
    chunks: Vec<usize>,
    /// A term's first two characters (or `""` for every term) → its `terms-N.js`.
    shards: BTreeMap<String, usize>,
}

/// Every file of the index is one call: this, the data as JSON, [`script_end`].
fn script_start() -> String {
    String::from("careerbookSearch(document.currentScript, ")
}

fn script_end(script: &mut String) {
    script.push_str(");\n");
}

/// The terms files, and which file holds the terms of each two-letter prefix
/// (`""`: one file for all), from the postings by term number.
fn terms_files(
    postings: &[Postings],
    names: &[String],
    one_file: usize,
) -> (Vec<String>, BTreeMap<String, usize>) {
    use rayon::prelude::*;
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_unstable_by(|&a, &b| names[a].cmp(&names[b]));
    let total: usize = order
        .iter()
        .map(|&id| names[id].len() + postings[id].count as usize * 5 + 6)
        .sum();

    // One file, or one per two-letter prefix.
    let mut groups: Vec<(String, &[usize])> = Vec::new();
    if total <= one_file {
        groups.push((String::new(), &order));
    } else {
        let mut start = 0;
        while start < order.len() {
            let key: String = names[order[start]].chars().take(2).collect();
            let len = order[start..]
                .iter()
                .take_while(|&&id| names[id].chars().take(2).eq(key.chars()))
                .count();
            groups.push((key, &order[start..start + len]));
            start += len;
        }
    }
    let files = groups
        .par_iter()
        .map(|(_, ids)| {
            let mut script = script_start();
            script.push('{');
            for (i, &id) in ids.iter().enumerate() {
                if i > 0 {
                    script.push(',');
                }
                script.push_str(&script_json(&names[id]));
                script.push(':');
                encode_into(&postings[id], &mut script);
            }
            script.push('}');
            script_end(&mut script);
            script
        })
        .collect();
    let shards = groups
        .into_iter()
        .enumerate()
        .map(|(n, (key, _))| (key, n))
        .collect();
    (files, shards)
}

/// A term's postings as they are gathered: for each page it is on, the
/// page's number as the difference from the one before, then its weight. A
/// difference is kept seven bits to a byte (most take one), so a 10,000-page
/// book's postings take a few megabytes rather than the 20 that pairs of
/// numbers would.
#[derive(Default)]
struct Postings {
    bytes: Vec<u8>,
    /// The last page added.
    last: u32,
    /// How many pages.
    count: u32,
}

impl Postings {
    /// Add a page after those added before it.
    fn push(&mut self, page: u32, weight: u8) {
        let mut gap = page - self.last;
        while gap >= 0x80 {
            self.bytes.push(gap as u8 | 0x80);
            gap >>= 7;
        }
        self.bytes.push(gap as u8);
        self.bytes.push(weight);
        self.last = page;
        self.count += 1;
    }

    /// Each page's difference from the one before, and its weight.
    fn iter(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut rest = &self.bytes[..];
        std::iter::from_fn(move || {
            let mut gap = 0u32;
            let mut shift = 0;
            loop {
                let (&b, tail) = rest.split_first()?;
                rest = tail;
                gap |= u32::from(b & 0x7f) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
            }
            let (&weight, tail) = rest.split_first()?;
            rest = tail;
            Some((gap, weight))
        })
    }
}

/// Postings as a JSON array: each page's number as the difference from the one
/// before, then the weight.
fn encode_into(postings: &Postings, s: &mut String) {
    s.push('[');
    for (i, (gap, weight)) in postings.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        push_number(s, gap);
        s.push(',');
        push_number(s, u32::from(weight));
    }
    s.push(']');
}

/// A number in decimal, without `fmt`'s machinery (postings are most of
/// what the terms files hold).
fn push_number(s: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.push_str(std::str::from_utf8(&digits[at..]).expect("digits are ASCII"));
}

/// What an element is to the index, by its name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Its text is not the page's content: navigation (the pager, "on this
    /// page"), scripts and styles, controls. Besides these, anything a theme
    /// marks with `data-search-skip` (the home page's table of contents).
    Skipped,
    /// It sits inside a line of text: no space is put in its place.
    Inline,
    /// It has no content and no end tag.
    Void,
    Heading(u8),
    /// A table or a description list, whose cells or terms are read apart
    /// ([`CELLS`]).
    Table,
    /// A table's cell, or a description list's term.
    Cell,
    /// Anything else: a block, whose start and end separate words.
    Block,
}

/// What stands between a table's cells in the text kept for excerpts, and
/// before each term of a description list but the first: a row read as
/// "Aspect · Mentor · Sponsor", a person's facts as "Preferred channel email ·
/// Email …", not as one run of words. It is not a word, so the index's words
/// are the same.
const CELLS: &str = "· ";

/// What the element named `name` is.
fn kind(name: &[u8]) -> Kind {
    // careerbook's themes write lower-case names; a theme may not. Every name
    // the index knows has at most eight letters.
    let mut lower = [0u8; 8];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return Kind::Block;
    };
    for (l, b) in lower.iter_mut().zip(name) {
        *l = b.to_ascii_lowercase();
    }
    match &*lower {
        [b'h', level @ b'1'..=b'6'] => Kind::Heading(level - b'0'),
        b"nav" | b"script" | b"style" | b"noscript" | b"template" | b"svg" | b"button"
        | b"select" | b"textarea" => Kind::Skipped,
        b"a" | b"abbr" | b"b" | b"bdi" | b"bdo" | b"cite" | b"code" | b"data" | b"dfn" | b"em"
        | b"i" | b"kbd" | b"mark" | b"q" | b"s" | b"samp" | b"small" | b"span" | b"strong"
        | b"sub" | b"sup" | b"time" | b"u" | b"var" => Kind::Inline,
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"source" | b"track" | b"wbr" => Kind::Void,
        b"table" | b"dl" => Kind::Table,
        b"td" | b"th" | b"dt" => Kind::Cell,
        _ => Kind::Block,
    }
}

/// The text of a page's `<main>` ([`main_of`]), in sections at each heading
/// that has an `id`. The page's `<h1>` is its title, which is indexed as the
/// title.
fn sections(body: &str) -> Vec<Section> {
    // Room for a usual section's text at once, so it is seldom copied as it
    // grows; no more than what is left of the page. (Room for 16 KB a
    // section cost more in memory handed out than the copies it saved.)
    let room = |at: usize| String::with_capacity((body.len() - at).min(1024));
    let mut out = vec![Section {
        text: room(0),
        ..Section::default()
    }];
    // The element being skipped and how deep inside it we are.
    let mut skipping: Option<(Vec<u8>, usize)> = None;
    // Inside a heading: 1–6, and whether its text is the section's heading
    // (h2–h6 with an id) or left out (h1).
    let mut heading: Option<(u8, bool)> = None;
    // Whether the next cell is its table's first.
    let mut first_cell = true;
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let section = out.last_mut().expect("there is always a section");
            i = match (&skipping, heading) {
                (None, Some((_, true))) => push_run(&mut section.heading, body, i),
                (None, None) => push_run(&mut section.text, body, i),
                _ => next_tag(bytes, i),
            };
            continue;
        }
        if body[i..].starts_with("<!--") {
            i = body[i..].find("-->").map_or(bytes.len(), |n| i + n + 3);
            continue;
        }
        let end = tag_end(bytes, i);
        let tag = &body[i + 1..end.saturating_sub(1).max(i + 1)];
        i = end;
        let closing = tag.starts_with('/');
        let tag = tag.trim_start_matches('/');
        let name_len = tag
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        // careerbook's themes write lower-case names; a theme may not.
        let name = &tag.as_bytes()[..name_len];
        if name.is_empty() {
            continue;
        }
        let attrs = &tag[name_len..];
        let self_closing = attrs.trim_end().ends_with('/');
        if let Some((skipped, depth)) = skipping.as_mut() {
            if name.eq_ignore_ascii_case(skipped) {
                if closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                } else if !self_closing {
                    *depth += 1;
                }
            }
            continue;
        }
        let kind = kind(name);
        if !closing
            && !self_closing
            && (kind == Kind::Skipped
                || (kind != Kind::Void
                    && SKIP_MARK.find(attrs.as_bytes()).is_some()
                    && has_attribute(attrs, "data-search-skip")))
        {
            skipping = Some((name.to_ascii_lowercase(), 1));
            continue;
        }
        let section = out.last_mut().expect("there is always a section");
        match (kind, closing) {
            (Kind::Heading(level), false) => {
                let id = attribute(attrs, "id");
                let titled = level > 1 && id.is_some();
                if titled {
                    out.push(Section {
                        anchor: id.map(|v| decode(v).into_owned()).unwrap_or_default(),
                        heading: String::new(),
                        text: room(i),
                    });
                } else if level > 1 {
                    // A heading without an id stays in its section's text.
                    space(&mut section.text);
                    continue;
                }
                heading = Some((level, titled));
            }
            (Kind::Heading(level), true) if heading.is_some_and(|(l, _)| l == level) => {
                heading = None;
            }
            (Kind::Inline, _) => {}
            (Kind::Table, false) => {
                space(&mut section.text);
                first_cell = true;
            }
            (Kind::Cell, false) => {
                space(&mut section.text);
                if !std::mem::take(&mut first_cell) {
                    section.text.push_str(CELLS);
                }
            }
            _ => space(&mut section.text),
        }
    }
    for s in &mut out {
        trim_in_place(&mut s.text);
        trim_in_place(&mut s.heading);
    }
    // The first section is kept even when empty only if the page has nothing else.
    if out.len() > 1 && out[0].text.is_empty() {
        out.remove(0);
    }
    out
}

/// Finds the attribute that marks an element as left out, before its
/// attributes are read.
static SKIP_MARK: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("data-search-skip"));

/// Where the next tag starts (or the text ends), from `from`.
fn next_tag(bytes: &[u8], from: usize) -> usize {
    // Between block elements there is often only a line break: looked
    // through here, before a call to `memchr` for the rest.
    let near = bytes.len().min(from + 8);
    match bytes[from..near].iter().position(|&b| b == b'<') {
        Some(n) => from + n,
        None => memchr::memchr(b'<', &bytes[near..]).map_or(bytes.len(), |n| near + n),
    }
}

/// Where the tag that starts at `at` (a `<`) ends: just after its `>`, outside
/// quoted attribute values.
fn tag_end(bytes: &[u8], at: usize) -> usize {
    // Most tags are a few bytes long: looked through here, before a call to
    // `memchr` for the rest.
    let near = bytes.len().min(at + 16);
    let after = at + 1;
    for (n, &b) in bytes[after..near].iter().enumerate() {
        match b {
            b'>' => return after + n + 1,
            b'"' | b'\'' => return quoted_tag_end(bytes, after + n),
            _ => {}
        }
    }
    quoted_tag_end(bytes, near)
}

/// [`tag_end`] from `i`, which is inside the tag but not inside a quoted
/// value, or is the quote that opens one.
fn quoted_tag_end(bytes: &[u8], mut i: usize) -> usize {
    if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
        match memchr::memchr(quote, &bytes[i + 1..]) {
            Some(m) => i += 1 + m + 1,
            None => return bytes.len(),
        }
    }
    while let Some(n) = memchr::memchr3(b'>', b'"', b'\'', &bytes[i..]) {
        let at = i + n;
        match bytes[at] {
            b'>' => return at + 1,
            quote => match memchr::memchr(quote, &bytes[at + 1..]) {
                Some(m) => i = at + 1 + m + 1,
                None => break,
            },
        }
    }
    bytes.len()
}

fn has_attribute(attrs: &str, name: &str) -> bool {
    attribute_spans(attrs).any(|(n, _)| n.eq_ignore_ascii_case(name))
}

fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    attribute_spans(attrs)
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// The attributes of a tag as (name, raw value) pairs.
fn attribute_spans(attrs: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = attrs;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let close = inner.find(q).unwrap_or(inner.len());
                    (&inner[..close], inner.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = v;
            rest = tail;
        }
        if name.is_empty() {
            // Nothing we understand: stop rather than loop.
            rest = "";
            return None;
        }
        Some((name, value))
    })
}

/// Append the text from `from` up to the next tag (or the end) as it reads:
/// character references decoded, each run of HTML's white space (ASCII) as
/// one space, none at the start of `out` or after a space. A no-break space
/// stays. Returns where the text ends.
///
/// Most of a page's text is words and single spaces, which are copied as
/// they are, a stretch at a time ([`plain_end`]); only what ends a stretch is
/// looked at one by one.
fn push_run(out: &mut String, body: &str, from: usize) -> usize {
    let bytes = body.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'<' => break,
            b'&' => match decode_one(&body[i..]) {
                Some((c, len)) => {
                    if c.is_ascii_whitespace() {
                        space(out);
                    } else {
                        out.push(c);
                    }
                    i += len;
                }
                None => {
                    out.push('&');
                    i += 1;
                }
            },
            b' ' | b'\t' | b'\n' | b'\r' | 0x0C => {
                space(out);
                i += 1;
            }
            _ => {
                // Not a space, so a space inside the stretch follows a letter.
                let end = plain_end(bytes, i + 1);
                out.push_str(&body[i..end]);
                i = end;
            }
        }
    }
    i
}

/// Where the stretch of plain text from `from` ends: at the first `<` or
/// `&`, control character (white space among them), or space after a
/// space. Eight bytes are looked at at once, as in `terms::word_bytes`: each
/// test sets the high bit of the bytes it finds, and no sum carries into
/// the next byte, so the first byte found is the first in the text.
fn plain_end(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW: u64 = 0x7F * ONES;
    const HIGH: u64 = 0x80 * ONES;
    // The bytes of `x` equal to `c`: their high bit.
    let equal = |x: u64, c: u8| {
        let y = x ^ (u64::from(c) * ONES);
        !(((y & LOW) + LOW) | y) & HIGH
    };
    let mut i = from;
    // Whether the byte before `i` is a space.
    let mut after_space = bytes.get(i.wrapping_sub(1)) == Some(&b' ');
    while let Some(eight) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        // Below 0x20: a control character.
        let control = !((x & LOW) + 0x60 * ONES) & !x & HIGH;
        let spaces = equal(x, b' ');
        let second_space = spaces & ((spaces << 8) | (u64::from(after_space) << 7));
        let stop = equal(x, b'<') | equal(x, b'&') | control | second_space;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        after_space = spaces >> 63 == 1;
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'<' || b == b'&' || b < 0x20 || (b == b' ' && after_space) {
            break;
        }
        after_space = b == b' ';
        i += 1;
    }
    i
}

/// A space between words, unless there is one already (or no word yet).
fn space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

fn trim_in_place(s: &mut String) {
    s.truncate(s.trim_end().len());
    let start = s.len() - s.trim_start().len();
    s.drain(..start);
}

/// Decode the character references careerbook's pages use ([`decode_one`]).
fn decode(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('&') {
        return raw.into();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_one(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// The character reference `rest` starts with (at its `&`) and its length:
/// the five named ones Tera and pulldown-cmark write, `&nbsp;`, and numeric
/// ones. None for anything else, which reads as written.
fn decode_one(rest: &str) -> Option<(char, usize)> {
    // A reference is short; look for its `;` in the next few bytes (on a
    // character boundary: accented text often follows `&#39;`).
    let mut window = rest.len().min(12);
    while !rest.is_char_boundary(window) {
        window -= 1;
    }
    let end = rest[..window].find(';')?;
    let name = &rest[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let n = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else {
                name.strip_prefix('#').and_then(|d| d.parse().ok())
            };
            n.and_then(char::from_u32)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests;
