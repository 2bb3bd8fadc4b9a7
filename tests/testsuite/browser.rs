//! The built workbook in a real browser: Debian's Chromium, headless, driven over
//! the DevTools protocol (headless_chrome), against the sample workbook built with
//! `--today 2026-11-24` and served on loopback, at the root and under a sub-path.
//!
//! Needs `/usr/bin/chromium` (apt-get install chromium), and for two of the tests
//! axe-core and the Nu HTML Checker with a Java runtime; `.ci/run` installs them
//! all (`npm install --prefix target/js axe-core vnu-jar`, `default-jre-headless`).
//! Where one is missing a test prints `SKIPPED: …` and passes, unless
//! `CAREERBOOK_REQUIRE_BROWSER` is set (as in CI), when it fails. `AXE_CORE_JS`,
//! `VNU_JAR`, `JAVA` and `CAREERBOOK_CHROMIUM` point at other copies.
//!
//! Screenshots land in `target/browser-artefacts/`.

mod support;

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value;
use support::{Chrome, Site, bounded, skip};

use crate::common;

/// One test's deadline: generous for a debug build on a busy two-core machine.
const LIMIT: Duration = Duration::from_secs(300);

/// A page of each kind the workbook makes.
const PAGE_KINDS: &[(&str, &str)] = &[
    ("home", "index.html"),
    ("chapter", "mentors/finding-mentors.html"),
    ("plan", "action-plan.html"),
    ("relationships", "relationships.html"),
    ("progress", "progress.html"),
    ("message", "messages/mentor-linkedin.html"),
    ("print", "print.html"),
    ("not-found", "404.html"),
    // The French site: longer words, the language switch, French typography.
    ("home-fr", "fr/index.html"),
    ("relationships-fr", "fr/relationships.html"),
    ("print-fr", "fr/print.html"),
];

fn chromium_or_skip(test: &str) -> bool {
    match support::chromium() {
        Ok(_) => true,
        Err(why) => {
            skip(test, &why);
            false
        }
    }
}

/// Open every page and collect what went wrong on each.
fn visit_every_page(chrome: &Chrome, site: &Site) -> BTreeMap<String, Vec<String>> {
    let mut broken = BTreeMap::new();
    for page in site.pages() {
        chrome.open(&site.url(&page));
        let p = chrome.take_problems();
        for w in &p.warnings {
            eprintln!("{page}: warning: {w}");
        }
        if !p.errors.is_empty() {
            broken.insert(page, p.errors);
        }
    }
    broken
}

fn report(broken: &BTreeMap<String, Vec<String>>) -> String {
    broken
        .iter()
        .map(|(page, errors)| format!("{page}:\n  {}", errors.join("\n  ")))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_page_loads_without_console_errors_or_failed_requests() {
    let test = "every_page_loads_without_console_errors_or_failed_requests";
    if !chromium_or_skip(test) {
        return;
    }
    bounded(test, LIMIT, true, |watch| {
        let site = Site::serve("/");
        let chrome = Chrome::launch(&watch);
        let pages = site.pages();
        assert!(pages.len() >= 25, "{pages:?}");
        let broken = visit_every_page(&chrome, &site);
        assert!(
            broken.is_empty(),
            "pages with problems:\n{}",
            report(&broken)
        );
        // The sidebar is built from toc.js on every page, and marks where you are.
        chrome.open(&site.url("mentors/finding-mentors.html"));
        let current = chrome.eval(
            "[document.querySelectorAll('#sidebar a').length, (document.querySelector('#sidebar [aria-current=page]') || {}).textContent]",
        );
        assert!(current[0].as_u64().unwrap() >= 20, "{current}");
        assert_eq!(current[1], "Finding mentors", "{current}");
    });
}

#[test]
fn the_site_works_under_a_sub_path() {
    let test = "the_site_works_under_a_sub_path";
    if !chromium_or_skip(test) {
        return;
    }
    bounded(test, LIMIT, true, |watch| {
        let site = Site::serve("/guide/");
        assert!(site.base.ends_with("/guide/"), "{}", site.base);
        let chrome = Chrome::launch(&watch);
        let broken = visit_every_page(&chrome, &site);
        assert!(
            broken.is_empty(),
            "pages with problems under /guide/:\n{}",
            report(&broken)
        );

        // Every link on a page deep in the book stays under /guide/.
        chrome.open(&site.url("mentors/finding-mentors.html"));
        let links = chrome.eval(
            "Array.from(document.querySelectorAll('a[href]')).map(a => a.href).filter(h => h.startsWith(location.origin))",
        );
        let links: Vec<&str> = links
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(links.len() >= 20, "{links:?}");
        for l in &links {
            assert!(l.starts_with(&site.base), "{l} leaves {}", site.base);
        }
        // Following them works: the next chapter, and the sidebar's first entry.
        for link in [".pager-next", "#sidebar a"] {
            chrome.open(&site.url("mentors/finding-mentors.html"));
            let href = chrome.eval(&format!("document.querySelector('{link}').href"));
            let href = href.as_str().unwrap();
            chrome.open(href);
            assert!(chrome.tab.get_url().starts_with(&site.base), "{href}");
            let p = chrome.take_problems();
            assert!(p.errors.is_empty(), "{href}: {:?}", p.errors);
        }

        // A missing page, at any depth, shows the 404 page with its styles: the one
        // place base-url is used.
        chrome.open(&site.url("mentors/no-such-page.html"));
        let p = chrome.take_problems();
        let others: Vec<&String> = p
            .errors
            .iter()
            .filter(|e| !(e.contains("404") && e.contains("no-such-page")))
            .collect();
        assert!(others.is_empty(), "{others:?}");
        let page = chrome.eval(
            "({title: document.title, sheets: Array.from(document.styleSheets).map(s => s.cssRules.length), home: document.querySelector('.not-found a').href})",
        );
        assert!(
            page["title"]
                .as_str()
                .unwrap()
                .starts_with("Page not found"),
            "{page}"
        );
        assert!(
            page["sheets"][0].as_u64().unwrap_or(0) > 10,
            "the 404 page has no styles: {page}"
        );
        assert_eq!(page["home"], format!("{}index.html", site.base));
    });
}

#[test]
fn ticks_survive_a_reload_and_export_as_progress_yaml() {
    let test = "ticks_survive_a_reload_and_export_as_progress_yaml";
    if !chromium_or_skip(test) {
        return;
    }
    bounded(test, LIMIT, true, |watch| {
        let site = Site::serve("/");
        let chrome = Chrome::launch(&watch);
        let sample =
            std::fs::read_to_string(site.project.root().join("data/progress.yaml")).unwrap();
        let mut diags = careerbook::Diagnostics::new();
        let before = careerbook::model::Workbook::from_sources(
            None,
            None,
            Some(&sample),
            common::today(),
            &mut diags,
        )
        .progress
        .done;
        assert!(before.len() >= 5, "{before:?}");

        chrome.open(&site.url("action-plan.html"));
        let boxes = chrome.eval(
            "Array.from(document.querySelectorAll('input[data-task]')).map(b => [b.dataset.task, b.checked])",
        );
        let boxes: Vec<(String, bool)> = boxes
            .as_array()
            .unwrap()
            .iter()
            .map(|b| (b[0].as_str().unwrap().to_string(), b[1].as_bool().unwrap()))
            .collect();
        // One the sample has not done, to tick; one it has, to untick.
        let (tick, _) = boxes
            .iter()
            .find(|(id, on)| !on && !before.contains_key(id))
            .expect("an open item")
            .clone();
        let (untick, _) = boxes
            .iter()
            .find(|(id, on)| *on && before.contains_key(id))
            .expect("a done item")
            .clone();
        for id in [&tick, &untick] {
            chrome
                .tab
                .find_element(&format!("input[data-task=\"{id}\"]"))
                .unwrap()
                .click()
                .unwrap();
        }
        let state = |id: &str| {
            chrome.eval(&format!(
                "document.querySelector('input[data-task=\"{id}\"]').checked"
            ))
        };
        assert_eq!(state(&tick), Value::Bool(true));
        assert_eq!(state(&untick), Value::Bool(false));

        chrome.reload();
        assert_eq!(
            state(&tick),
            Value::Bool(true),
            "{tick} is ticked after a reload"
        );
        assert_eq!(
            state(&untick),
            Value::Bool(false),
            "{untick} is unticked after a reload"
        );

        // The progress page exports progress.yaml: the sample's items, less the
        // one unticked, plus the one ticked with today's date in the browser.
        chrome.open(&site.url("progress.html"));
        chrome
            .tab
            .find_element("#export-progress")
            .unwrap()
            .click()
            .unwrap();
        let out = chrome.eval(
            "({yaml: document.getElementById('progress-yaml').value, shown: !document.getElementById('progress-yaml').hidden, copy: !document.querySelector('[data-copy=\"progress-yaml\"]').hidden})",
        );
        assert_eq!(out["shown"], true, "{out}");
        assert_eq!(
            out["copy"], true,
            "the copy button shows with the YAML: {out}"
        );
        let yaml = out["yaml"].as_str().unwrap();
        let mut diags = careerbook::Diagnostics::new();
        let after = careerbook::model::Workbook::from_sources(
            None,
            None,
            Some(yaml),
            common::today(),
            &mut diags,
        )
        .progress
        .done;
        let problems: Vec<_> = diags
            .into_vec()
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        assert!(
            problems.is_empty(),
            "the export is not a valid progress.yaml: {problems:?}\n{yaml}"
        );
        let today = chrono::Utc::now().date_naive();
        let ticked = after
            .get(&tick)
            .unwrap_or_else(|| panic!("{tick} missing from\n{yaml}"));
        assert!(
            (*ticked - today).num_days().abs() <= 1,
            "{tick} is dated {ticked}, not today ({today})"
        );
        assert!(
            !after.contains_key(&untick),
            "{untick} was unticked:\n{yaml}"
        );
        for (id, date) in &before {
            if id != &untick {
                assert_eq!(after.get(id), Some(date), "{id} lost from\n{yaml}");
            }
        }
        assert_eq!(after.len(), before.len(), "{yaml}");

        // The counts on the page follow the ticks; a tick that fell due again
        // (on a page with `review_days:`) is exported with its date but is
        // counted only when it is later than the date in the page's `due`.
        let due = chrome
            .eval("(JSON.parse(document.getElementById('progress-data').textContent).due || {})");
        assert!(
            due.get("mistakes-mentor-search-engine").is_some(),
            "the sample's stale self-check tick is due again: {due}"
        );
        let counts = |id: &str| {
            after.get(id).is_some_and(|date| {
                due.get(id)
                    .and_then(Value::as_str)
                    .is_none_or(|fresh_after| date.to_string().as_str() > fresh_after)
            })
        };
        let rows = chrome.eval(
            "Array.from(document.querySelectorAll('tr[data-tasks]')).map(r => [r.dataset.tasks, r.querySelector('.done-count').textContent])",
        );
        for row in rows.as_array().unwrap() {
            let ids: Vec<&str> = row[0]
                .as_str()
                .unwrap()
                .split(' ')
                .filter(|s| !s.is_empty())
                .collect();
            let done = ids.iter().filter(|id| counts(id)).count();
            assert_eq!(row[1], done.to_string(), "{row}");
        }
        assert!(chrome.take_problems().errors.is_empty());
    });
}

#[test]
fn the_copy_button_copies_the_filled_draft_and_mailto_carries_it() {
    let test = "the_copy_button_copies_the_filled_draft_and_mailto_carries_it";
    if !chromium_or_skip(test) {
        return;
    }
    bounded(test, LIMIT, true, |watch| {
        let site = Site::serve("/");
        let chrome = Chrome::launch(&watch);
        chrome.open(&site.url("relationships.html"));
        // Catch what the page hands to the clipboard (the real clipboard of a
        // headless browser is not shared with anything a test can read reliably).
        chrome.eval(
            "(() => { window.__copied = []; navigator.clipboard.writeText = t => { window.__copied.push(t); return Promise.resolve(); }; return true; })()",
        );
        let id = chrome.eval(
            "document.querySelector('[data-copy^=\"draft-colette-arsenault-\"]').dataset.copy",
        );
        let id = id.as_str().expect("a draft for Colette").to_string();
        let button = format!("[data-copy=\"{id}\"]");
        assert_eq!(
            chrome.eval(&format!("document.querySelector('{button}').hidden")),
            false
        );
        chrome.tab.find_element(&button).unwrap().click().unwrap();
        let copied = chrome.eval("window.__copied");
        let copied = copied[0]
            .as_str()
            .unwrap_or_else(|| panic!("nothing copied: {copied}"));
        assert!(copied.contains("Hi Colette"), "{copied}");
        assert!(
            copied.contains("Nadia"),
            "signed by the profile's name: {copied}"
        );
        assert!(
            !copied.contains('<') && !copied.contains("  "),
            "{copied:?}"
        );
        // Exactly the paragraphs on the page, a blank line between them.
        let shown = chrome.eval(&format!(
            "Array.from(document.getElementById('{id}').querySelectorAll('p')).map(p => p.textContent.replace(/\\s+/g, ' ').trim()).join('\\n\\n')"
        ));
        assert_eq!(Value::String(copied.to_string()), shown);
        assert_eq!(
            chrome.eval(&format!(
                "document.querySelector('{button}').classList.contains('copied')"
            )),
            true,
            "the button shows it copied"
        );

        // Email drafts open the mail app with the subject and body filled in.
        let mailtos = chrome.eval(
            "Array.from(document.querySelectorAll('a.mailto')).map(a => a.getAttribute('href'))",
        );
        let mailtos: Vec<&str> = mailtos
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(!mailtos.is_empty(), "no mailto links");
        for m in &mailtos {
            let (to, query) = m
                .strip_prefix("mailto:")
                .and_then(|m| m.split_once('?'))
                .unwrap_or_else(|| panic!("{m}"));
            assert!(to.contains('@'), "{m}");
            let params: BTreeMap<&str, String> = query
                .split('&')
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k, percent_decode(v)))
                .collect();
            assert!(params.get("subject").is_some_and(|s| !s.is_empty()), "{m}");
            let body = params
                .get("body")
                .unwrap_or_else(|| panic!("no body= in {m}"));
            assert!(body.contains("Nadia"), "{body}");
            assert!(
                body.contains("\n\n") || body.contains("\r\n\r\n"),
                "paragraphs kept: {body:?}"
            );
        }
        assert!(chrome.take_problems().errors.is_empty());
    });
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(n) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(n);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn dark_mode_and_a_phone_screen_fit_every_page_kind() {
    let test = "dark_mode_and_a_phone_screen_fit_every_page_kind";
    if !chromium_or_skip(test) {
        return;
    }
    bounded(test, LIMIT, true, |watch| {
        let site = Site::serve("/");
        let chrome = Chrome::launch(&watch);
        let dir = support::artefacts();
        let mut problems = Vec::new();
        for (mode, (w, h, mobile, dark)) in [
            ("phone-dark", (390, 844, true, true)),
            ("phone-light", (390, 844, true, false)),
            ("desktop-dark", (1280, 900, false, true)),
        ] {
            chrome.emulate(w, h, mobile, dark);
            for (kind, page) in PAGE_KINDS {
                if kind.starts_with("print") {
                    continue; // the print page is laid out for paper
                }
                chrome.open(&site.url(page));
                let fit = chrome.eval(
                    "(() => {
                       const w = window.innerWidth;
                       const wide = Array.from(document.querySelectorAll('body *'))
                         .filter(e => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed')
                         .filter(e => !e.closest('.table-wrap, pre'))
                         .slice(0, 5)
                         .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right));
                       const bg = getComputedStyle(document.body).backgroundColor;
                       // The timeline's phase names on their coloured bands: WCAG's
                       // contrast ratio, at least 4.5 in either colour scheme.
                       const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
                       const lum = c => c.map(v => v / 255)
                         .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
                         .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                       const faint = Array.from(document.querySelectorAll('.tl-phase')).flatMap(g => {
                         const band = lum(rgb(getComputedStyle(g.querySelector('rect')).fill));
                         return Array.from(g.querySelectorAll('text')).map(t => {
                           const [hi, lo] = [band, lum(rgb(getComputedStyle(t).fill))].sort((a, b) => b - a);
                           const ratio = (hi + 0.05) / (lo + 0.05);
                           return ratio < 4.5 ? t.textContent + ': ' + ratio.toFixed(2) : null;
                         }).filter(Boolean);
                       });
                       const phases = document.querySelectorAll('.tl-phase text').length;
                       return {scroll: document.documentElement.scrollWidth, inner: w, wide, bg, faint, phases};
                     })()",
                );
                chrome.screenshot(&dir.join(format!("{kind}-{mode}.png")));
                if fit["scroll"].as_u64() > fit["inner"].as_u64() {
                    problems.push(format!("{page} ({mode}) overflows sideways: {fit}"));
                }
                if !fit["faint"].as_array().unwrap().is_empty() {
                    problems.push(format!(
                        "{page} ({mode}): timeline text too faint on its band: {}",
                        fit["faint"]
                    ));
                }
                if *kind == "progress" {
                    assert!(
                        fit["phases"].as_u64() > Some(0),
                        "{page}: no timeline: {fit}"
                    );
                }
                // The theme follows the system's colour scheme.
                let bg: Vec<f64> = fit["bg"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches(|c: char| !c.is_ascii_digit())
                    .split(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .filter(|s| !s.is_empty())
                    .take(3)
                    .map(|n| n.parse().unwrap())
                    .collect();
                let light = bg.iter().sum::<f64>() / 3.0 > 128.0;
                if light == dark {
                    problems.push(format!("{page} ({mode}) has background {}", fit["bg"]));
                }
                let p = chrome.take_problems();
                problems.extend(
                    p.errors
                        .into_iter()
                        .map(|e| format!("{page} ({mode}): {e}")),
                );
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        eprintln!("screenshots in {}", dir.display());
    });
}

#[test]
fn axe_finds_no_serious_or_critical_violations() {
    let test = "axe_finds_no_serious_or_critical_violations";
    if !chromium_or_skip(test) {
        return;
    }
    let axe = match support::axe_js() {
        Ok(p) => p,
        Err(why) => return skip(test, &why),
    };
    bounded(test, LIMIT, true, move |watch| {
        let axe = std::fs::read_to_string(axe).unwrap();
        let site = Site::serve("/");
        let chrome = Chrome::launch(&watch);
        let mut found = Vec::new();
        let mut checked = 0;
        // A phone's width too: tables scroll and columns stay in view there.
        let modes = [
            ("light", 1280, false),
            ("dark", 1280, true),
            ("phone, light", 390, false),
            ("phone, dark", 390, true),
        ];
        for (mode, width, dark) in modes {
            chrome.emulate(width, 900, width < 600, dark);
            for (kind, page) in PAGE_KINDS {
                chrome.open(&site.url(page));
                chrome.eval(&format!("(() => {{ {axe}\n; return true; }})()"));
                let result = chrome.eval(
                    "axe.run(document, {resultTypes: ['violations']}).then(r => ({
                       rules: r.passes.length + r.violations.length + r.incomplete.length,
                       violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                         nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary.split('\\n').slice(1).join(' '))}))
                     }))",
                );
                assert!(
                    result["rules"].as_u64().unwrap_or(0) > 10,
                    "axe did not run on {page}: {result}"
                );
                checked += 1;
                for v in result["violations"].as_array().unwrap() {
                    let impact = v["impact"].as_str().unwrap_or("");
                    let line = format!(
                        "{kind} ({page}, {mode}): [{impact}] {}: {} — {}",
                        v["id"], v["help"], v["nodes"]
                    );
                    if impact == "serious" || impact == "critical" {
                        found.push(line);
                    } else {
                        eprintln!("axe (not failing): {line}");
                    }
                }
            }
        }
        assert_eq!(checked, PAGE_KINDS.len() * modes.len());
        assert!(
            found.is_empty(),
            "serious or critical accessibility problems:\n{}",
            found.join("\n")
        );
    });
}

/// HTML errors that are known product bugs, reported and not yet fixed:
/// (file, part of vnu's message, the bug). None at present.
const KNOWN_HTML_ERRORS: &[(&str, &str, &str)] = &[];

#[test]
fn the_nu_html_checker_finds_no_errors_on_any_page() {
    let test = "the_nu_html_checker_finds_no_errors_on_any_page";
    let (java, jar) = match support::vnu() {
        Ok(t) => t,
        Err(why) => return skip(test, &why),
    };
    bounded(test, LIMIT, false, move |watch| {
        // The public build and a private one (banner, notes, private people).
        let public = common::Project::default_workbook();
        public.build_ok();
        let mut opts = public.options();
        opts.audience = careerbook::audience::Audience::Private;
        opts.out = Some(public.root().join("private-site"));
        careerbook::build(&opts).unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
        let mut files = support::html_files(&public.root().join("site"));
        files.extend(support::html_files(&public.root().join("private-site")));
        assert!(files.len() >= 50, "{files:?}");
        let mut cmd = std::process::Command::new(java);
        cmd.arg("-jar")
            .arg(jar)
            .args(["--errors-only", "--format", "json"])
            .args(&files)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let child = cmd.spawn().unwrap();
        watch.add(child.id());
        let out = child.wait_with_output().unwrap();
        let json: Value = serde_json::from_slice(&out.stderr)
            .or_else(|_| serde_json::from_slice(&out.stdout))
            .unwrap_or_else(|e| {
                panic!(
                    "vnu did not answer in JSON ({e}):\n{}\n{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                )
            });
        let root = public.root().to_string_lossy().into_owned();
        let mut errors: Vec<String> = json["messages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
            .map(|m| {
                format!(
                    "{}:{}:{}: {} [{}]",
                    m["url"]
                        .as_str()
                        .unwrap_or("")
                        .replace("file:", "")
                        .replace(&root, ""),
                    m["lastLine"],
                    m["firstColumn"],
                    m["message"].as_str().unwrap_or(""),
                    m["extract"].as_str().unwrap_or("").replace('\n', "⏎")
                )
            })
            .collect();
        // Known bugs, reported: each must still happen (strict), and is set apart.
        for (file, message, bug) in KNOWN_HTML_ERRORS {
            let before = errors.len();
            errors.retain(|e| !(e.contains(file) && e.contains(message)));
            assert!(
                errors.len() < before,
                "fixed: `{message}` in {file} is no longer reported; remove it from KNOWN_HTML_ERRORS"
            );
            support::loud(&format!("KNOWN BUG (vnu): {file}: {bug}"));
        }
        assert!(
            errors.is_empty(),
            "{} HTML errors:\n{}",
            errors.len(),
            errors.join("\n")
        );
    });
}

/// Wait (in the page) until the search has listed results or said why not, and
/// return the status line and the results as (address, title, heading, excerpt,
/// marked words).
const SEARCH_RESULTS: &str = "new Promise(done => {
    const start = Date.now();
    (function poll() {
      const status = document.getElementById('search-status').textContent;
      if (status && !/^Loading/.test(status) || Date.now() - start > 10000) {
        done({
          status,
          open: !document.getElementById('search').hidden,
          results: Array.from(document.querySelectorAll('#search-results a')).map(a => ({
            href: a.href,
            title: (a.querySelector('.search-title') || {}).textContent,
            heading: (a.querySelector('.search-heading') || {}).textContent || '',
            excerpt: (a.querySelector('.search-excerpt') || {}).textContent || '',
            marks: Array.from(a.querySelectorAll('mark')).map(m => m.textContent),
          })),
        });
      } else {
        setTimeout(poll, 50);
      }
    })();
  })";

#[test]
fn search_finds_pages_from_file_urls_by_keyboard_and_by_address() {
    let test = "search_finds_pages_from_file_urls_by_keyboard_and_by_address";
    if !chromium_or_skip(test) {
        return;
    }
    bounded(test, LIMIT, true, |watch| {
        let site = Site::serve("/");
        let chrome = Chrome::launch(&watch);
        let file = |page: &str| format!("file://{}/{page}", site.root().display());

        // ?search= opens the search with its results, from file:// (no server).
        chrome.open(&(file("mentors/finding-mentors.html") + "?search=helene"));
        let found = chrome.eval(SEARCH_RESULTS);
        assert_eq!(found["open"], true, "{found}");
        let first = &found["results"][0];
        assert!(
            first["href"]
                .as_str()
                .unwrap()
                .ends_with("/relationships.html#person-helene-cormier-name"),
            "accents fold, and the result links to the person's heading: {found}"
        );
        assert!(first["marks"].to_string().contains("Hélène"), "{found}");

        // A word written after an elided letter ("d'expérience", "O'Brien") is
        // marked with its letter and apostrophe, typographic or not; the same
        // word without them is marked alone.
        chrome.open(&(file("fr/index.html") + "?search=d'exp%C3%A9rience"));
        let found = chrome.eval(SEARCH_RESULTS);
        let marks: Vec<&str> = found["results"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["marks"].as_array().unwrap())
            .map(|m| m.as_str().unwrap())
            .collect();
        assert!(marks.contains(&"d’expérience"), "{found}");
        assert!(marks.contains(&"expérience"), "{found}");
        assert!(marks.iter().all(|m| m.ends_with("expérience")), "{found}");

        // The / key opens it from any page; results come as you type a prefix,
        // titles and headings first; arrows and Enter open one; Escape closes.
        chrome.open(&file("index.html"));
        assert_eq!(
            chrome.eval("document.getElementById('search').hidden"),
            true
        );
        chrome.tab.press_key("/").unwrap();
        assert_eq!(
            chrome.eval("document.activeElement.id"),
            "search-input",
            "the / key focuses the search box"
        );
        chrome.tab.type_str("alumn").unwrap();
        let found = chrome.eval(SEARCH_RESULTS);
        let results = found["results"].as_array().unwrap();
        assert!(!results.is_empty(), "{found}");
        for r in results {
            assert!(
                r["marks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|m| m.as_str().unwrap().eq_ignore_ascii_case("alumn")),
                "the typed prefix is marked in every result: {r}"
            );
        }
        let target = results[0]["href"].as_str().unwrap().to_string();
        chrome.tab.press_key("ArrowDown").unwrap();
        assert_eq!(
            chrome.eval("document.activeElement.href"),
            Value::String(target.clone())
        );
        chrome.tab.press_key("Enter").unwrap();
        let start = std::time::Instant::now();
        while chrome.try_eval("location.href") != Ok(Value::String(target.clone())) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "Enter did not open {target}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        chrome.open(&file("progress.html"));
        chrome.tab.press_key("s").unwrap();
        assert_eq!(
            chrome.eval("document.getElementById('search').hidden"),
            false
        );
        chrome.tab.press_key("Escape").unwrap();
        assert_eq!(
            chrome.eval("document.getElementById('search').hidden"),
            true
        );

        // Nothing found is said, not left blank.
        chrome.open(&(file("index.html") + "?search=zzyzx"));
        let found = chrome.eval(SEARCH_RESULTS);
        assert!(
            found["status"]
                .as_str()
                .unwrap()
                .starts_with("No page matches"),
            "{found}"
        );

        // Past the first twelve, "Show more" lists twelve more and moves
        // the focus to the first of them.
        chrome.open(&(file("index.html") + "?search=mentor"));
        let found = chrome.eval(SEARCH_RESULTS);
        assert_eq!(found["results"].as_array().unwrap().len(), 12, "{found}");
        let status = found["status"].as_str().unwrap().to_string();
        assert!(status.contains("the first 12 are listed"), "{found}");
        let total: usize = status.split(' ').next().unwrap().parse().unwrap();
        assert!(total > 12, "{found}");
        chrome.eval(
            "(() => { document.getElementById('search-status').textContent = ''; \
             document.querySelector('#search-results .search-more button').click(); })()",
        );
        let found = chrome.eval(SEARCH_RESULTS);
        let listed = found["results"].as_array().unwrap();
        assert_eq!(listed.len(), total.min(24), "{found}");
        assert_eq!(
            chrome.eval("document.activeElement.href"),
            listed[12]["href"],
            "the focus is on the first result added"
        );
        assert_eq!(
            chrome.eval("!!document.querySelector('#search-results .search-more')"),
            total > 24,
            "{found}"
        );

        // Served under a sub-path, results stay under it.
        let sub = Site::serve("/guide/");
        chrome.open(&(sub.url("action-plan.html") + "?search=sponsor"));
        let found = chrome.eval(SEARCH_RESULTS);
        let results = found["results"].as_array().unwrap();
        assert!(results.len() >= 5, "{found}");
        for r in results {
            assert!(r["href"].as_str().unwrap().starts_with(&sub.base), "{r}");
        }
        chrome.emulate(390, 844, true, true);
        chrome.open(&(sub.url("index.html") + "?search=mentor"));
        chrome.eval(SEARCH_RESULTS);
        let fits = chrome.eval(
            "(() => { const r = document.getElementById('search').getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth; })()",
        );
        assert_eq!(fits, true, "the search panel fits a phone's width");
        chrome.screenshot(&support::artefacts().join("search-phone-dark.png"));
        let p = chrome.take_problems();
        assert!(p.errors.is_empty(), "{:?}", p.errors);
    });
}

#[test]
fn a_members_workbook_searches_the_guide_and_their_own_pages_on_its_own() {
    let test = "a_members_workbook_searches_the_guide_and_their_own_pages_on_its_own";
    if !chromium_or_skip(test) {
        return;
    }
    bounded(test, LIMIT, true, |watch| {
        let p = crate::common::Project::from_fixture("cohort");
        p.build_ok();
        let chrome = Chrome::launch(&watch);
        // Each member's workbook is a site of its own, outside the published one.
        let file = |page: &str| format!("file://{}/members/{page}", p.root().display());
        // Ana's own people, on her tracker.
        chrome.open(&(file("ana-lima/plan.html") + "?search=reyes"));
        let found = chrome.eval(SEARCH_RESULTS);
        let hrefs: Vec<String> = found["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["href"].as_str().unwrap().to_string())
            .collect();
        assert!(
            hrefs
                .iter()
                .any(|h| h.contains("/ana-lima/relationships.html")),
            "{found}"
        );
        // The guide's chapters, opened inside Ana's workbook; her home page
        // only.
        chrome.open(&(file("ana-lima/index.html") + "?search=plan"));
        let found = chrome.eval(SEARCH_RESULTS);
        let results = found["results"].as_array().unwrap();
        assert!(!results.is_empty(), "{found}");
        for r in results {
            let href = r["href"].as_str().unwrap();
            assert!(
                href.contains("/members/ana-lima/"),
                "{href} leaves Ana's workbook"
            );
        }
        let homes = results
            .iter()
            .filter(|r| r["href"].as_str().unwrap().ends_with("/index.html"))
            .count();
        assert!(homes <= 1, "two home pages listed: {found}");
        // Another member's people are not found.
        chrome.open(&(file("ben-okafor/index.html") + "?search=reyes"));
        let found = chrome.eval(SEARCH_RESULTS);
        assert_eq!(found["results"].as_array().unwrap().len(), 0, "{found}");
        let problems = chrome.take_problems();
        assert!(problems.errors.is_empty(), "{:?}", problems.errors);
    });
}
