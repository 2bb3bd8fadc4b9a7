//! The front-matter splitter and page parser: any text, never a panic; an error is
//! always located in the page.
#![no_main]

use careerbook::Diagnostics;
use careerbook::load::content::{parse_page, split_front_matter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((_, body, _)) = split_front_matter(text) {
        assert!(text.ends_with(body));
    }
    let mut diags = Diagnostics::new();
    let page = parse_page(
        text.to_string(),
        "content/fuzz.md".into(),
        "fuzz.md".into(),
        &mut diags,
    );
    if page.is_none() {
        for d in diags.into_vec() {
            assert!(d.line >= 1, "{d:?}");
        }
    }
});
