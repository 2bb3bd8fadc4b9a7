//! The YAML loaders: any data file, generic or with a contract, never a panic, and
//! every problem names its file. The input is split on NUL bytes into the profile,
//! relationships and progress files.
#![no_main]

use std::path::Path;

use careerbook::Diagnostics;
use careerbook::model::Workbook;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(d) = careerbook::load::yaml::parse::<serde_json::Value>(
        text,
        Path::new("data/x.yaml"),
        1,
        "yaml",
    ) {
        assert!(d.line >= 1, "{d:?}");
    }
    let mut parts = text.splitn(3, '\0');
    let (profile, people, progress) = (parts.next(), parts.next(), parts.next());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut diags = Diagnostics::new();
    let _ = Workbook::from_sources(profile, people, progress, today, &mut diags);
    for d in diags.into_vec() {
        assert!(d.file.is_some(), "{d:?}");
    }
});
