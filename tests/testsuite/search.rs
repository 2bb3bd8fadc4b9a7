//! The search index (`search/` in each workbook): it holds what the build's
//! pages show and nothing else, a cohort's guide is indexed once, and the files
//! stay small. The search box itself is tried in a browser in `browser.rs`.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::Value;

use crate::common::Project;

/// The search files of the workbook under `prefix` (`""` or `<member>/`),
/// name → the JSON each one hands to `careerbookSearch`.
fn index(p: &Project, prefix: &str) -> BTreeMap<String, Value> {
    // A cohort member's workbook (`<id>/`) is in the members' tree.
    let tree = if prefix.is_empty() { "site" } else { "members" };
    let dir = p.root().join(tree).join(prefix).join("search");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let json = text
            .strip_prefix("careerbookSearch(document.currentScript, ")
            .and_then(|t| t.strip_suffix(");\n"))
            .unwrap_or_else(|| panic!("{} is not one call with one value", path.display()));
        let value =
            serde_json::from_str(json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.insert(
            path.file_name().unwrap().to_string_lossy().into_owned(),
            value,
        );
    }
    out
}

/// Every string in the index, as one text to look through.
fn all_text(files: &BTreeMap<String, Value>) -> String {
    files
        .values()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The pages of an index, in order: (address, title, sections).
fn pages(files: &BTreeMap<String, Value>) -> Vec<Value> {
    let table = &files["index.js"];
    let mut out = Vec::new();
    for n in 0..table["chunks"].as_array().unwrap().len() {
        out.extend(
            files[&format!("pages-{n}.js")]
                .as_array()
                .unwrap()
                .iter()
                .cloned(),
        );
    }
    assert_eq!(out.len() as u64, table["pages"].as_u64().unwrap());
    out
}

/// The pages (addresses) a term is on, from the postings.
fn pages_with(files: &BTreeMap<String, Value>, term: &str) -> Vec<String> {
    let all = pages(files);
    let shards = files["index.js"]["shards"].as_object().unwrap();
    let n = shards.get("").or_else(|| shards.get(&term[..2])).unwrap();
    let Some(list) = files[&format!("terms-{n}.js")].get(term) else {
        return Vec::new();
    };
    let list = list.as_array().unwrap();
    let mut page = 0;
    let mut out = Vec::new();
    for pair in list.chunks(2) {
        page += pair[0].as_u64().unwrap() as usize;
        out.push(all[page][0].as_str().unwrap().to_string());
    }
    out
}

#[test]
fn the_index_holds_the_guide_and_the_persons_own_pages() {
    let p = Project::default_workbook();
    p.build_ok();
    let files = index(&p, "");
    let urls: Vec<String> = pages(&files)
        .iter()
        .map(|r| r[0].as_str().unwrap().to_string())
        .collect();
    for url in [
        "index.html",
        "mentors/finding-mentors.html",
        "messages/mentor-linkedin.html",
        "relationships.html",
        "progress.html",
    ] {
        assert!(urls.iter().any(|u| u == url), "{url} is not in {urls:?}");
    }
    // Not the print page (a copy of every page), the 404 page or toc.html.
    for url in ["print.html", "404.html", "toc.html"] {
        assert!(!urls.iter().any(|u| u == url), "{url} is indexed");
    }
    // Accents folded: Hélène is found as helene, on the tracker.
    assert!(pages_with(&files, "helene").contains(&"relationships.html".to_string()));
    // A person's card is a section that links to their heading, which is
    // their name (the role and stage tags beside it are left out).
    let tracker = pages(&files)
        .into_iter()
        .find(|r| r[0] == "relationships.html")
        .unwrap();
    let sections = tracker[2].as_array().unwrap();
    assert!(
        sections
            .iter()
            .any(|s| s[0] == "person-owen-fraser-name" && s[1] == "Owen Fraser"),
        "{tracker}"
    );
    // The tracker's table is read a cell at a time.
    assert!(
        sections[0][2]
            .as_str()
            .unwrap()
            .contains("Owen Fraser · mentor · active"),
        "{tracker}"
    );
}

#[test]
fn the_words_of_a_page_stay_apart_in_its_index() {
    // The sponsor brief sets a name above a role, and a win's title above its
    // impact and date, with CSS; their words are still words apart.
    let p = Project::default_workbook();
    p.build_ok();
    let text = all_text(&index(&p, ""));
    assert!(text.contains("Hélène Cormier Vice-President"), "{text}");
    // No word of the book runs into the next (`portalNovember`), save the
    // names that are written that way.
    let glued: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            let chars: Vec<char> = w.chars().collect();
            chars
                .windows(2)
                .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
        })
        .filter(|w| !["LinkedIn", "LeBlanc", "McNeil"].contains(w))
        .collect();
    assert!(glued.is_empty(), "{glued:?}");
}

#[test]
fn a_build_without_private_has_no_private_data_in_its_index() {
    let p = Project::default_workbook();
    p.build_ok();
    let public = all_text(&index(&p, ""));
    for secret in [
        "Daniel Whitford",
        "Dalhousie",
        "advisory board of a provincial",
    ] {
        assert!(!public.contains(secret), "{secret} is in a public index");
    }
    // With --private, they are on the pages and so in the index.
    let mut opts = p.options();
    opts.audience = careerbook::audience::Audience::Private;
    careerbook::build(&opts).unwrap();
    let private = all_text(&index(&p, ""));
    for secret in ["Daniel Whitford", "Dalhousie"] {
        assert!(
            private.contains(secret),
            "{secret} is missing from a private index"
        );
    }
}

#[test]
fn a_cohort_indexes_the_guide_and_each_members_whole_workbook_apart() {
    let p = Project::from_fixture("cohort");
    p.build_ok();
    let guide = index(&p, "");
    let guide_text = all_text(&guide);
    let guide_pages = pages(&guide).len();
    for member in ["ana-lima", "ben-okafor", "chloe-roy"] {
        let own = index(&p, &format!("{member}/"));
        // A site of its own: its index has the chapters and the member's pages.
        let urls: Vec<String> = pages(&own)
            .iter()
            .map(|page| page[0].as_str().unwrap().to_string())
            .collect();
        assert!(urls.len() >= guide_pages, "{member}: {urls:?}");
        assert!(urls.iter().any(|u| u == "plan.html"), "{member}: {urls:?}");
    }
    let ana = all_text(&index(&p, "ana-lima/"));
    assert!(
        ana.contains("Mo Reyes"),
        "Ana's own people are in her index"
    );
    for (member, other) in [("ben-okafor", "Mo Reyes"), ("chloe-roy", "Mo Reyes")] {
        assert!(!all_text(&index(&p, &format!("{member}/"))).contains(other));
    }
    assert!(
        !guide_text.contains("Mo Reyes"),
        "the guide's index has a member's people"
    );
    assert!(
        !guide_text.contains("Ana Lima"),
        "the guide's index names a member"
    );
    assert!(
        !ana.contains("ANA-PRIVATE"),
        "private data in a default build's index"
    );
}

#[test]
fn the_default_workbooks_search_files_are_under_80_kib_gzipped() {
    let p = Project::default_workbook();
    p.build_ok();
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(p.root().join("site/search"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(p.root().join("site/assets/js/search.js"));
    let mut total = 0;
    for f in &files {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&std::fs::read(f).unwrap()).unwrap();
        total += gz.finish().unwrap().len();
    }
    assert!(
        total <= 80 * 1024,
        "{total} bytes gzipped over {} files",
        files.len()
    );
}

#[test]
fn hostile_text_in_data_stays_data_in_the_index() {
    let p = Project::default_workbook();
    p.write(
        "data/relationships.yaml",
        &std::fs::read_to_string(p.root().join("data/relationships.yaml"))
            .unwrap()
            .replace(
                "name: Owen Fraser",
                "name: \"Owen \\\"); alert(1); // </script><img src=x onerror=alert(2)> \\u2028 Fraser\"",
            ),
    );
    p.build_ok();
    let files = index(&p, "");
    let tracker = pages(&files)
        .into_iter()
        .find(|r| r[0] == "relationships.html")
        .unwrap();
    // The name reaches the index as the text it is, inside a JSON string
    // (the files parsed as one call with one value each, above).
    assert!(
        tracker.to_string().contains(
            "Owen \\\"); alert(1); // </script><img src=x onerror=alert(2)> \u{2028} Fraser"
        ),
        "{tracker}"
    );
}
