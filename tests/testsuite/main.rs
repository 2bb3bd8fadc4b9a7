//! careerbook's integration tests, as modules of one test binary (the layout
//! mdBook uses): one link of the program instead of one per file. Run one file's
//! tests with `cargo test --test testsuite <module>::` (for example `hostile::`).
//! Fixtures stay in `tests/fixtures/`, the hostile corpus in `tests/hostile/`.

// pdf.rs builds deeply nested `json!` views.
#![recursion_limit = "256"]
// What the tests print (a browser test skipped, a figure measured) is for the
// test harness, which captures it: std's print macros are the right ones here.
#![allow(clippy::disallowed_macros)]

mod audience;
mod browser;
mod build;
mod check;
mod cli;
mod cohort;
mod common;
mod errors;
mod faults;
mod hostile;
mod languages;
mod layers;
#[cfg(feature = "pdf")]
mod pdf;
mod properties;
mod search;
mod serve;
mod wins;
mod wording;
mod workbook;
