//! Markdown → HTML: any page body, never a panic; a body without `<` never yields a
//! script tag.
#![no_main]

use careerbook::render::markdown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let doc = markdown::parse(body, "fuzz", "part");
    let done = |t: &markdown::Task| -> markdown::TaskLook {
        t.checked_in_source.then(|| "2026-01-01".to_string()).into()
    };
    let html = markdown::to_html(&doc, &done);
    let _ = markdown::to_print_html(&doc, &done, "part-fuzz");
    if !body.contains('<') {
        assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    }
});
