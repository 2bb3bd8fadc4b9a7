use super::terms::{BODY_MAX, IN_HEADING, IN_TITLE, MAX_TERM, MIN_TERM, normalize};
use super::*;

/// The next number of a fixed sequence (a linear congruential generator):
/// random enough for the property tests here, and the same on every run.
pub(super) fn next_random(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed
}

fn page(html: &str) -> Vec<Section> {
    sections(&text_of(main_of(html.as_bytes())))
}

fn json_of(file: &OutputFile) -> serde_json::Value {
    let text = std::str::from_utf8(&file.bytes).unwrap();
    let inner = text
        .strip_prefix("careerbookSearch(document.currentScript, ")
        .and_then(|t| t.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("not a search script: {text}"));
    serde_json::from_str(inner).unwrap()
}

#[test]
fn accents_case_and_ligatures_fold() {
    assert_eq!(normalize("Geneviève"), "genevieve");
    assert_eq!(normalize("RÔLE"), "role");
    assert_eq!(normalize("Œuvre Æsir Straße"), "oeuvre aesir strasse");
    assert_eq!(normalize("ﬁnd Ångström"), "find angstrom");
    assert_eq!(normalize("l’équipe"), "l’equipe");
    assert_eq!(
        words("l’Équipe a CO-op 2026 x ﬁne"),
        [
            ("2026".to_string(), 1),
            ("co".to_string(), 1),
            ("equipe".to_string(), 1),
            ("fine".to_string(), 1),
            ("op".to_string(), 1)
        ]
    );
}

/// The words of body text and their weights, by name.
fn words(text: &str) -> Vec<(String, u8)> {
    let mut terms = PageTerms::with_capacity(8);
    terms.add(text, Place::Body);
    let mut words: Vec<(String, u8)> = terms.weights().map(|(t, w)| (t.name(), w)).collect();
    words.sort();
    words
}

#[test]
fn words_are_cut_as_the_folded_text_reads() {
    // The plain reading: fold the whole text, cut it at whatever is not a
    // letter or digit, keep words of two to forty characters.
    fn plain(text: &str) -> Vec<(String, u8)> {
        let mut counts: BTreeMap<String, u8> = BTreeMap::new();
        let folded = normalize(text);
        for word in folded.split(|c: char| !c.is_alphanumeric()) {
            if (MIN_TERM..=MAX_TERM).contains(&word.chars().count()) {
                let n = counts.entry(word.to_string()).or_default();
                *n = (*n + 1).min(BODY_MAX);
            }
        }
        counts.into_iter().collect()
    }
    let long: Vec<String> = vec![
        "x".repeat(15),
        "Y".repeat(17),
        "ÿ".repeat(20),
        "q".repeat(41),
    ];
    let mut pieces = vec![
        " ", "-", "'", "’", "a", "B", "z9", "Word", "é", "É", "e\u{301}", "ﬁ", "Œ", "ß", "½",
        "\u{a0}", "日本",
    ];
    pieces.extend(long.iter().map(String::as_str));
    let mut seed = 11u64;
    for _ in 0..5000 {
        let mut text = String::new();
        next_random(&mut seed);
        for _ in 0..(seed >> 40) % 16 {
            next_random(&mut seed);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        assert_eq!(words(&text), plain(&text), "{text:?}");
    }
}

#[test]
fn a_term_is_one_key_however_it_was_read() {
    // Packed from ASCII text, or folded from accented text: the same term,
    // so one list of postings.
    for (ascii, wide) in [
        ("Role", "Rôle"),
        ("EQUIPE", "équipe"),
        ("Sixteen1Letters", "Sïxteen1Letters"),
        ("SeventeenLetters1", "Séventeenletters1"),
    ] {
        assert_eq!(words(ascii), words(wide));
        let key = |text: &str| {
            let mut terms = PageTerms::with_capacity(4);
            terms.add(text, Place::Body);
            terms.weights().map(|(t, _)| t).collect::<Vec<Term>>()
        };
        assert_eq!(key(ascii), key(wide));
    }
    assert_eq!(Term::of("sixteenletterss1").name(), "sixteenletterss1");
    assert_eq!(Term::of("seventeenletters1").name(), "seventeenletters1");
}

#[test]
fn main_is_read_in_sections_at_headings_with_ids() {
    let s = page(
        "<html><body><header>Top bar</header><main><h1 id=\"t\">Title</h1>\
         <p>Intro &amp; more&nbsp;text.</p>\
         <h2 id=\"where\">Where <em>to</em> look</h2><p>Alumni&#x2F;networks</p>\
         <h3>No id</h3><p>still here</p>\
         <h3 id=\"deeper\">Deeper</h3><ul><li>one</li><li>two</li></ul></main>\
         <footer>Footer</footer></body></html>",
    );
    assert_eq!(
        s,
        [
            Section {
                anchor: "".into(),
                heading: "".into(),
                text: "Intro & more\u{a0}text.".into()
            },
            Section {
                anchor: "where".into(),
                heading: "Where to look".into(),
                text: "Alumni/networks No id still here".into()
            },
            Section {
                anchor: "deeper".into(),
                heading: "Deeper".into(),
                text: "one two".into()
            },
        ]
    );
}

#[test]
fn a_table_s_cells_and_a_list_s_terms_are_read_apart() {
    let s = page(
        "<main><p>How they differ:</p><table><thead><tr><th>Aspect</th><th>Mentor</th></tr></thead>\
         <tbody><tr><td>Purpose</td><td>Develops <em>you</em></td></tr>\
         <tr><td></td><td>0</td></tr></tbody></table><p>After.</p>\
         <table><tr><td>Second</td><td>table</td></tr></table>\
         <dl><dt>Channel</dt><dd>email</dd><dt>Email</dt><dd>a@example.org</dd></dl></main>",
    );
    assert_eq!(
        s[0].text,
        "How they differ: Aspect · Mentor · Purpose · Develops you · · 0 After. Second · table \
         Channel email · Email a@example.org"
    );
    // The separator is no word: the same terms as without it.
    assert_eq!(
        words(&s[0].text),
        words(
            "How they differ Aspect Mentor Purpose Develops you 0 After Second table \
             Channel email Email a@example.org"
        )
    );
}

#[test]
fn navigation_scripts_and_marked_parts_are_left_out() {
    let s = page(
        "<main><nav class=\"pager\"><a>Next</a><nav>inner</nav> after</nav>\
         <script>var x = \"<p>\";</script><p>kept</p>\
         <section data-search-skip class=\"contents\"><section>toc</section>more toc</section>\
         <!-- <p>comment</p> --><p title=\"a > b\">also kept</p><button>Copy</button></main>",
    );
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].text, "kept also kept");
}

#[test]
fn weights_rank_title_over_heading_over_body() {
    let sections = page(
        "<main><p>sponsor sponsor sponsor sponsor sponsor sponsor sponsor mentor</p>\
         <h2 id=\"h\">Mentor</h2></main>",
    );
    let terms: BTreeMap<String, u8> = terms_of("Sponsors and mentors", &sections)
        .into_iter()
        .map(|(t, w)| (t.name(), w))
        .collect();
    assert_eq!(terms["sponsor"], BODY_MAX);

    assert_eq!(terms["mentor"], IN_HEADING + 1);
    assert_eq!(terms["sponsors"], IN_TITLE);
    assert_eq!(terms["and"], IN_TITLE);
}

fn collect(scope: Scope, pages: &[(&str, &str, &str)]) -> Collector<'static> {
    let c = Collector::new(scope, None, "");
    // In reverse: the index must not depend on the order pages arrive in.
    for (n, (url, title, html)) in pages.iter().enumerate().rev() {
        c.add(n, url, title, html.as_bytes(), false);
    }
    c
}

#[test]
fn a_small_book_has_one_terms_file_and_postings_in_page_order() {
    let c = collect(
        Scope::Everything,
        &[
            ("index.html", "Home", "<main><p>Hélène</p></main>"),
            ("a.html", "Alumni", "<main><p>helene alumni</p></main>"),
            ("b.html", "Other", "<main><p>nothing</p></main>"),
            ("c.html", "Last", "<main><p>Helene</p></main>"),
        ],
    );
    let files = c.finish();
    let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        names,
        ["search/terms-0.js", "search/pages-0.js", "search/index.js"]
    );
    let table = json_of(&files[2]);
    assert_eq!(table["pages"], 4);
    assert_eq!(table["shards"], serde_json::json!({"": 0}));
    assert!(table.get("guide").is_none());
    let terms = json_of(&files[0]);
    // Pages 0, 1 and 3: the differences 0, 1, 2.
    assert_eq!(terms["helene"], serde_json::json!([0, 1, 1, 1, 2, 1]));
    assert_eq!(terms["alumni"], serde_json::json!([1, 11]));
    let pages = json_of(&files[1]);
    assert_eq!(
        pages[0],
        serde_json::json!(["index.html", "Home", [["", "", "Hélène"]]])
    );
}

#[test]
fn a_large_book_splits_terms_by_prefix_and_pages_by_size() {
    let pages: Vec<(String, String)> = (0..400)
        .map(|n| {
            (
                format!("p{n}.html"),
                format!(
                    "<main><p>word{n} shared alpha{} {}</p></main>",
                    n % 7,
                    "text ".repeat(200)
                ),
            )
        })
        .collect();
    let c = Collector {
        one_terms_file: 1024,
        ..Collector::new(Scope::Everything, None, "")
    };
    for (n, (url, html)) in pages.iter().enumerate() {
        c.add(n, url, "Page", html.as_bytes(), false);
    }
    let files = c.finish();
    let table = json_of(files.last().unwrap());
    let shards = table["shards"].as_object().unwrap();
    assert!(shards.len() > 3, "{shards:?}");
    assert!(!shards.contains_key(""));
    // Every term sits in the file its first two letters name.
    for (key, n) in shards {
        let file = files
            .iter()
            .find(|f| f.path == format!("search/terms-{n}.js"))
            .unwrap();
        for term in json_of(file).as_object().unwrap().keys() {
            assert!(term.starts_with(key.as_str()), "{term} in {key}");
        }
    }
    let chunks = table["chunks"].as_array().unwrap();
    assert!(chunks.len() > 5, "{chunks:?}");
    assert_eq!(chunks[0], 0);
}

#[test]
fn hostile_text_stays_data() {
    let c = collect(
        Scope::Everything,
        &[(
            "index.html",
            "</script><script>alert(1)</script>",
            "<main><p>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; \u{2028} \"quoted\" back\\slash</p></main>",
        )],
    );
    let files = c.finish();
    for f in &files {
        // Each file is exactly one call with one JSON value: it parses.
        let _ = json_of(f);
    }
    let raw = String::from_utf8_lossy(&files[1].bytes);
    assert!(!raw.contains('<') && !raw.contains('\u{2028}'), "{raw}");
    let pages = json_of(&files[1]);
    assert_eq!(pages[0][1], "</script><script>alert(1)</script>");
    assert_eq!(
        pages[0][2][0][2],
        "</script><img src=x onerror=alert(1)> \u{2028} \"quoted\" back\\slash"
    );
}

#[test]
fn odd_markup_never_loops_or_panics() {
    for html in [
        "<",
        "<main",
        "<main><h2 id=",
        "<main><h2 id=\"x\"",
        "<main><!--",
        "<main><p attr='unclosed>text",
        "<main></h2></h3><h9>x</h9>&#xFFFFFFFF;&#;&;&amp</main>",
        "<main><nav><nav></main>",
        "<main>é<b>\u{0}</b></main>",
    ] {
        let _ = page(html);
    }
}

#[test]
fn a_huge_page_keeps_its_words_but_not_all_its_text() {
    let html = format!("<main><p>{} needle</p></main>", "word é ".repeat(30_000));
    let c = collect(Scope::Everything, &[("huge.html", "Huge", &html)]);
    let files = c.finish();
    let pages = json_of(&files[1]);
    let kept = pages[0][2][0][2].as_str().unwrap();
    assert!(kept.len() <= PAGE_TEXT, "{}", kept.len());
    // Still found by a word past the part kept.
    assert!(json_of(&files[0]).get("needle").is_some());
}

#[test]
fn a_page_read_for_one_member_serves_the_next_whatever_their_ticks() {
    let shared = Shared::default();
    let files = |ticked: &str, own: &str| {
        let c = Collector::new(Scope::Everything, Some(&shared), "");
        let chapter = format!(
            "<main><h2 id=\"a\">Finding mentors</h2><p>Ask around.</p><input type=\"checkbox\" data-task=\"t\"{ticked}></main>"
        );
        c.add(0, "mentors.html", "Mentors", chapter.as_bytes(), true);
        c.add(
            1,
            "index.html",
            "Home",
            format!("<main><p>{own}</p></main>").as_bytes(),
            false,
        );
        c.finish()
    };
    let ana = files(" checked", "Hello Ana");
    let ben = files("", "Hello Ben");
    // One chapter read, kept once; the home pages are each member's own.
    assert_eq!(lock(&shared.pages).len(), 1);
    let text = |files: &[OutputFile]| -> String {
        files
            .iter()
            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
            .collect()
    };
    assert!(text(&ana).contains("Hello Ana") && !text(&ana).contains("Hello Ben"));
    assert!(text(&ben).contains("Hello Ben") && !text(&ben).contains("Hello Ana"));
    // Without the cache, the same files.
    let alone = Collector::new(Scope::Everything, None, "");
    alone.add(0, "mentors.html", "Mentors", b"<main><h2 id=\"a\">Finding mentors</h2><p>Ask around.</p><input type=\"checkbox\" data-task=\"t\"></main>", true);
    alone.add(
        1,
        "index.html",
        "Home",
        b"<main><p>Hello Ben</p></main>",
        false,
    );
    assert_eq!(alone.finish(), ben);
}

#[test]
fn references_before_accented_text_decode_without_splitting_a_character() {
    // `&#39;` then `intérêt`: the window that looks for the `;` of the next
    // reference must end on a character boundary.
    assert_eq!(decode("l&#39;intérêt"), "l'intérêt");
    assert_eq!(decode("&amp éé"), "&amp éé");
    assert_eq!(decode("&ééééééé;"), "&ééééééé;");
}

#[test]
fn page_text_is_written_as_script_json_writes_it() {
    let every_ascii: String = (0u8..0x80).map(char::from).collect();
    for text in [
        "",
        "plain words",
        every_ascii.as_str(),
        "</script><!-- & -->",
        "line\u{2028}para\u{2029}end \u{2027}\u{202A}",
        "Geneviève, œuvre, « guillemets », 🙂",
        "\"quoted\" back\\slash\u{7f}\u{1b}",
    ] {
        let mut pushed = String::new();
        push_script_string(&mut pushed, text);
        assert_eq!(pushed, script_json(text), "{text:?}");
    }
}

#[test]
fn white_space_reads_as_single_spaces_whatever_its_shape() {
    // The plain reading: words, one space between, a space at either end
    // where the text has white space there.
    fn plain(out: &mut String, raw: &str) {
        let text = decode(raw);
        if text.starts_with(|c: char| c.is_ascii_whitespace()) {
            space(out);
        }
        for (k, word) in text.split_ascii_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        if text.ends_with(|c: char| c.is_ascii_whitespace()) {
            space(out);
        }
    }
    // Words of every length, so stretches of plain text cross the eight
    // bytes looked at at once, and references that decode to white space.
    let pieces = [
        " ",
        "  ",
        "\n",
        "\t",
        "\r",
        "\x0C",
        "\x0B",
        "a",
        "word",
        "mentorship",
        "é",
        "&amp;",
        "&#32;",
        "&#x0A;",
        "&nbsp;",
        "\u{a0}",
        "&",
        "&bogus;",
    ];
    let mut seed = 7u64;
    for _ in 0..5000 {
        let mut raw = String::new();
        let mut before = String::new();
        next_random(&mut seed);
        if seed >> 63 == 1 {
            before.push('x');
        }
        for _ in 0..(seed >> 40) % 24 {
            next_random(&mut seed);
            raw.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let (mut fast, mut slow) = (before.clone(), before);
        // The text ends at a tag, and only there.
        let html = format!("{raw}<p>after");
        assert_eq!(push_run(&mut fast, &html, 0), raw.len(), "{raw:?}");
        plain(&mut slow, &raw);
        assert_eq!(fast, slow, "{raw:?}");
    }
}

#[test]
fn pages_files_go_out_as_they_fill_and_make_the_same_index() {
    let pages: Vec<String> = (0..60)
        .map(|n| format!("<main><p>page{n} {}</p></main>", "words ".repeat(2000)))
        .collect();
    // Pages arrive in an order of their own, as threads finish them.
    let arrival: Vec<usize> = (0..60).map(|n| (n * 7) % 60).collect();
    let whole = Collector::new(Scope::Everything, None, "");
    let spilled = Mutex::new(Vec::new());
    let spill = |file: OutputFile| lock(&spilled).push(file);
    let streaming = Collector::new(Scope::Everything, None, "").spilling_to(&spill);
    for &n in &arrival {
        let url = format!("p{n}.html");
        whole.add(n, &url, "Page", pages[n].as_bytes(), false);
        streaming.add(n, &url, "Page", pages[n].as_bytes(), false);
    }
    let early = lock(&spilled).len();
    assert!(early > 3, "pages files written before the end: {early}");
    let last = streaming.finish();
    let mut streamed = std::mem::take(&mut *lock(&spilled));
    streamed.extend(last);
    let mut whole = whole.finish();
    let by_path = |a: &OutputFile, b: &OutputFile| a.path.cmp(&b.path);
    streamed.sort_by(by_path);
    whole.sort_by(by_path);
    assert_eq!(streamed, whole);
}

#[test]
fn pages_after_one_that_never_came_are_still_indexed_in_order() {
    let c = Collector::new(Scope::Everything, None, "");
    // Page 1 failed to be written: 2 and 3 wait for it, then take their places.
    c.add(3, "c.html", "C", b"<main><p>gamma</p></main>", false);
    c.add(0, "a.html", "A", b"<main><p>alpha</p></main>", false);
    c.add(2, "b.html", "B", b"<main><p>beta</p></main>", false);
    let files = c.finish();
    let pages = json_of(&files[1]);
    let urls: Vec<&str> = pages
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[0].as_str().unwrap())
        .collect();
    assert_eq!(urls, ["a.html", "b.html", "c.html"]);
    let terms = json_of(&files[0]);
    assert_eq!(terms["gamma"], serde_json::json!([2, 1]));
}

#[test]
fn element_names_are_known_whatever_their_case() {
    for (name, expected) in [
        (&b"nav"[..], Kind::Skipped),
        (b"TEXTAREA", Kind::Skipped),
        (b"a", Kind::Inline),
        (b"Strong", Kind::Inline),
        (b"var", Kind::Inline),
        (b"br", Kind::Void),
        (b"wbr", Kind::Void),
        (b"p", Kind::Block),
        (b"section", Kind::Block),
        (b"navigation", Kind::Block),
        (b"h3", Kind::Heading(3)),
        (b"H1", Kind::Heading(1)),
        (b"h7", Kind::Block),
        (b"template", Kind::Skipped),
        (b"templates", Kind::Block),
        (b"", Kind::Block),
    ] {
        assert!(kind(name) == expected, "{}", String::from_utf8_lossy(name));
    }
}

#[test]
fn a_tag_ends_at_its_first_closing_bracket_outside_quotes() {
    fn plain(bytes: &[u8], at: usize) -> usize {
        let mut quote = None;
        for (i, &b) in bytes.iter().enumerate().skip(at + 1) {
            match (quote, b) {
                (Some(q), b) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'>') => return i + 1,
                (None, b'"' | b'\'') => quote = Some(b),
                _ => {}
            }
        }
        bytes.len()
    }
    let pieces: [&[u8]; 8] = [
        b"<",
        b">",
        b"\"",
        b"'",
        b"a",
        b" x=",
        b"data-long-name",
        b"\n",
    ];
    let mut seed = 5u64;
    for _ in 0..5000 {
        let mut tag = b"<".to_vec();
        next_random(&mut seed);
        for _ in 0..(seed >> 40) % 20 {
            next_random(&mut seed);
            tag.extend_from_slice(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        assert_eq!(
            tag_end(&tag, 0),
            plain(&tag, 0),
            "{}",
            String::from_utf8_lossy(&tag)
        );
        let from = (seed >> 20) as usize % tag.len();
        assert_eq!(
            next_tag(&tag, from),
            tag[from..]
                .iter()
                .position(|&b| b == b'<')
                .map_or(tag.len(), |n| from + n)
        );
    }
}

/// Postings are kept packed: what goes in comes back, in order, for gaps of
/// every size a page number can have and every weight.
#[test]
fn postings_give_back_the_pages_and_weights_put_in() {
    let mut seed = 7;
    for round in 0..200 {
        let mut postings = Postings::default();
        let mut pairs = Vec::new();
        let mut page = 0u32;
        for n in 0..round {
            // Gaps of one byte, of several, and the largest there can be.
            let gap = match next_random(&mut seed) % 4 {
                0 => 1,
                1 => (next_random(&mut seed) >> 33) as u32 % 300,
                2 => (next_random(&mut seed) >> 33) as u32 % (1 << 22),
                _ if n == 0 => u32::MAX,
                _ => 1,
            };
            let Some(next) = page.checked_add(gap).filter(|&p| n == 0 || p > page) else {
                break;
            };
            page = next;
            let weight = (next_random(&mut seed) >> 56) as u8;
            postings.push(page, weight);
            pairs.push((page, weight));
        }
        assert_eq!(postings.count as usize, pairs.len());
        let mut last = 0;
        let gaps: Vec<(u32, u8)> = pairs
            .iter()
            .map(|&(p, w)| {
                let gap = p - last;
                last = p;
                (gap, w)
            })
            .collect();
        assert_eq!(postings.iter().collect::<Vec<_>>(), gaps, "round {round}");
    }
}
