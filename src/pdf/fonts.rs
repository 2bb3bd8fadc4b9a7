//! Fonts: only the ones compiled into the binary (Libertinus Serif, New Computer
//! Modern, DejaVu Sans Mono), never the system's, so a workbook typesets the same
//! on every machine. Loaded once per process.

use std::sync::LazyLock;

use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

static FONTS: LazyLock<FontStore> = LazyLock::new(|| {
    let mut store = FontStore::new();
    store.extend(typst_kit::fonts::embedded());
    store
});

pub fn book() -> &'static LazyHash<FontBook> {
    FONTS.book()
}

pub fn font(index: usize) -> Option<Font> {
    FONTS.font(index)
}

/// The families available to a print template, for its documentation and tests.
pub fn families() -> Vec<String> {
    let mut names: Vec<String> = FONTS
        .book()
        .families()
        .map(|(name, _)| name.to_string())
        .collect();
    names.sort();
    names.dedup();
    names
}
