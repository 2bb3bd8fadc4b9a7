//! Hostile input: every case of the corpus in `tests/hostile/` (one TOML file per
//! case, saying what it writes into a project and what must happen) is run through
//! the real `careerbook` binary, `check` and then `build`, each with a deadline.
//!
//! Whatever the case, the binary must never panic, crash, hang, write anything
//! outside the output folder, publish a file from outside the project, or leave a
//! half-written site: on failure the previous good site stays byte-identical. Then
//! the case's own expectation is checked: an error with its code and
//! `file:line:column`, or a successful build whose output holds (or never holds)
//! the given text.
//!
//! A case may carry `known_bug = "…"`: a real defect in the product, reported and
//! not yet fixed. Its expectation is still checked, the other way round: the test
//! says `KNOWN BUG` while the defect is there, and fails once it is fixed, so the
//! marker is removed with the fix. Its details (and any other problem it shows)
//! are printed with `-- --nocapture`.
//!
//! `HOSTILE_CASE=part-of-a-name` runs only the matching cases; `HOSTILE_VERBOSE=1`
//! prints everything the binary printed. The case format is in tests/hostile/README.md.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::Value;

use crate::common;

mod markup;
use markup::{check_search_js, check_toc_js, duplicate_id, is_web_file, live_markup};

const TODAY: &str = "2026-11-24";
/// The default deadline for one run of the binary: generous, since the tests run a
/// debug build on a small machine shared with the other tests.
const DEFAULT_SECONDS: u64 = 60;
/// Every case has an outside folder holding this, which must never be published.
const OUTSIDE_MARKER: &str = "OUTSIDE-THE-PROJECT-7f3a";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    summary: String,
    /// `minimal` (tests/fixtures/minimal), `workbook` (this repository's own
    /// book.toml, content/ and data/) or `empty` (nothing at all).
    #[serde(default = "default_base")]
    base: String,
    /// Extra arguments for `build` (and `check`, where they exist), e.g. `--private`.
    #[serde(default)]
    build_args: Vec<String>,
    /// The deadline for each run of the binary.
    max_seconds: Option<u64>,
    #[serde(default)]
    files: Vec<FileSpec>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    symlinks: Vec<Symlink>,
    /// Files written beside the project (in `../outside/`).
    #[serde(default)]
    outside: Vec<FileSpec>,
    /// A folder made before the build (e.g. an output folder careerbook did not make).
    #[serde(default)]
    folders: Vec<String>,
    expect: Expect,
    known_bug: Option<String>,
}

fn default_base() -> String {
    "minimal".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    path: String,
    /// UTF-8 text.
    text: Option<String>,
    /// Each character (U+0000..=U+00FF) becomes one byte: for files that are not UTF-8.
    latin1: Option<String>,
    /// A large file made when the case runs: `head`, then `text` repeated until the
    /// file has `bytes` bytes, then `then` as many times, then `tail`.
    repeat: Option<Repeat>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Repeat {
    #[serde(default)]
    head: String,
    text: String,
    bytes: usize,
    /// Repeated as many times as `text` was, after it (to close what it opened).
    #[serde(default)]
    then: String,
    #[serde(default)]
    tail: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Symlink {
    path: String,
    /// The link's target as written (relative to the link's folder, or absolute).
    target: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// `error`: check and build exit 1 with a matching error; `ok`: both exit 0.
    outcome: String,
    /// For `error`: the diagnostic's code, file, line, column and a part of its
    /// message. `line` left out means "some line ≥ 1"; `line = 0` a file-level problem.
    code: Option<String>,
    file: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
    message: Option<String>,
    /// For `ok`: a warning with this code must be reported.
    warning: Option<String>,
    /// For `ok`: no file of the site contains any of these.
    #[serde(default)]
    absent: Vec<String>,
    /// For `ok`: these files of the site contain these texts.
    #[serde(default)]
    contains: Vec<Contains>,
    /// For `ok`: the case puts raw HTML in a page on purpose, so live markup in
    /// the output is expected (it is still listed when the test runs verbose).
    #[serde(default)]
    raw_html: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Contains {
    file: String,
    text: String,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn load_cases() -> Vec<(String, Case)> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let case: Case = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("tests/hostile/{name}.toml is not a valid case: {e}"));
        cases.push((name, case));
    }
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(cases.len() >= 40, "the corpus is missing: {}", cases.len());
    cases
}

// ---------------------------------------------------------------------------
// Running the binary with a deadline.

struct Run {
    /// `None`: killed by a signal (a crash, such as a stack overflow).
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn run(args: &[&str], project: &Path, deadline: Duration) -> Result<Run, String> {
    let mut cmd = common::careerbook();
    cmd.args(args)
        .arg(project)
        .current_dir(project.parent().unwrap())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // A panic must show as a panic, not as an abort.
        .env_remove("RUST_BACKTRACE");
    run_command(cmd, deadline)
}

fn run_command(mut cmd: Command, deadline: Duration) -> Result<Run, String> {
    let start = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("cannot start: {e}"))?;
    // Read both pipes on threads, so a chatty child cannot block on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "still running after {} s: killed (a hang or a runaway computation)",
                deadline.as_secs()
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap()).into_owned();
    Ok(Run {
        code: status.code(),
        stdout,
        stderr,
        elapsed,
    })
}

// ---------------------------------------------------------------------------
// Setting a case up.

fn file_bytes(spec: &FileSpec) -> Vec<u8> {
    match (&spec.text, &spec.latin1, &spec.repeat) {
        (Some(t), None, None) => t.as_bytes().to_vec(),
        (None, Some(l), None) => l
            .chars()
            .map(|c| u8::try_from(u32::from(c)).expect("latin1 holds U+0000..=U+00FF only"))
            .collect(),
        (None, None, Some(r)) => {
            assert!(!r.text.is_empty());
            let mut v = Vec::with_capacity(r.bytes + r.tail.len());
            v.extend_from_slice(r.head.as_bytes());
            let mut n = 0;
            while v.len() + r.tail.len() < r.bytes {
                v.extend_from_slice(r.text.as_bytes());
                n += 1;
            }
            for _ in 0..n {
                v.extend_from_slice(r.then.as_bytes());
            }
            v.extend_from_slice(r.tail.as_bytes());
            v
        }
        _ => panic!("{}: give exactly one of text, latin1, repeat", spec.path),
    }
}

fn write_file(root: &Path, spec: &FileSpec) {
    let path = root.join(&spec.path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, file_bytes(spec)).unwrap();
}

fn make_base(base: &str, root: &Path) {
    std::fs::create_dir_all(root).unwrap();
    match base {
        "minimal" => common::copy_dir(&common::fixture("minimal"), root),
        "workbook" => {
            let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
            std::fs::copy(repo.join("book.toml"), root.join("book.toml")).unwrap();
            for sub in ["content", "data"] {
                common::copy_dir(&repo.join(sub), &root.join(sub));
            }
        }
        "empty" => {}
        other => panic!("unknown base `{other}`"),
    }
}

/// Every file under `dir` (not following links), path → bytes, leaving out the
/// output folder `skip`. Links are recorded by their target.
fn snapshot(dir: &Path, skip: Option<&Path>) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    // A cohort's members' tree is written beside the site, as the site is.
    let members = skip.map(|s| s.with_file_name("members"));
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| skip != Some(e.path()) && members.as_deref() != Some(e.path()));
    for e in walker.filter_map(Result::ok) {
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if e.path_is_symlink() {
            let target = std::fs::read_link(e.path()).unwrap();
            files.insert(
                format!("{rel} (link)"),
                target.to_string_lossy().as_bytes().to_vec(),
            );
        } else if e.file_type().is_file() {
            // Large generated files are compared by length and a sample, not whole.
            let bytes = std::fs::read(e.path()).unwrap();
            let key = if bytes.len() > 1 << 20 {
                let mut k = bytes[..4096].to_vec();
                k.extend_from_slice(bytes.len().to_string().as_bytes());
                k
            } else {
                bytes
            };
            files.insert(rel, key);
        } else if e.file_type().is_dir() {
            files.insert(format!("{rel}/"), Vec::new());
        }
    }
    files
}

fn describe_diff(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> String {
    let mut out = Vec::new();
    for (k, v) in after {
        match before.get(k) {
            None => out.push(format!("added {k}")),
            Some(b) if b != v => out.push(format!("changed {k}")),
            _ => {}
        }
    }
    for k in before.keys() {
        if !after.contains_key(k) {
            out.push(format!("removed {k}"));
        }
    }
    out.join(", ")
}

// ---------------------------------------------------------------------------
// One case.

/// What one case showed: `Err` for a broken invariant or a failed expectation.
struct Outcome {
    /// Safety problems: always failures.
    unsafe_: Vec<String>,
    /// Problems with the case's own expectation.
    unmet: Vec<String>,
    notes: Vec<String>,
}

fn run_case(name: &str, case: &Case) -> Outcome {
    let mut o = Outcome {
        unsafe_: Vec::new(),
        unmet: Vec::new(),
        notes: Vec::new(),
    };
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("project");
    let outside = tmp.path().join("outside");
    make_base(&case.base, &project);
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(
        outside.join("secret.md"),
        format!("# {OUTSIDE_MARKER}\n\n{OUTSIDE_MARKER}\n"),
    )
    .unwrap();
    std::fs::write(
        outside.join("secret.css"),
        format!("/* {OUTSIDE_MARKER} */\n"),
    )
    .unwrap();
    std::fs::write(
        outside.join("secret.svg"),
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- {OUTSIDE_MARKER} --></svg>\n"),
    )
    .unwrap();
    std::fs::create_dir_all(outside.join("folder")).unwrap();
    std::fs::write(
        outside.join("folder/page.md"),
        format!("{OUTSIDE_MARKER}\n"),
    )
    .unwrap();
    for f in &case.outside {
        write_file(&outside, f);
    }

    // A good site first, from the base project, where the case does not choose its own output.
    let site = project.join("site");
    let deadline = Duration::from_secs(case.max_seconds.unwrap_or(DEFAULT_SECONDS));
    let has_good_site = case.base != "empty";
    if has_good_site {
        match run(
            &["build", "--today", TODAY],
            &project,
            Duration::from_secs(DEFAULT_SECONDS * 2),
        ) {
            Ok(r) if r.code == Some(0) => {}
            Ok(r) => panic!("{name}: the base project does not build:\n{}", r.stderr),
            Err(e) => panic!("{name}: the base project does not build: {e}"),
        }
    }
    let good_site = snapshot(&site, None);

    for f in &case.files {
        write_file(&project, f);
    }
    for r in &case.remove {
        let p = project.join(r);
        if p.is_dir() {
            std::fs::remove_dir_all(p).unwrap();
        } else {
            std::fs::remove_file(p).unwrap();
        }
    }
    for d in &case.folders {
        std::fs::create_dir_all(project.join(d)).unwrap();
    }
    for l in &case.symlinks {
        let path = project.join(&l.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&l.target, &path).unwrap();
        #[cfg(not(unix))]
        {
            o.notes.push("symbolic links are only tried on Unix".into());
            return o;
        }
    }
    // Everything but the site, before: nothing here may change.
    let world_before = snapshot(tmp.path(), Some(&site));

    let build_args: Vec<&str> = case.build_args.iter().map(String::as_str).collect();
    // check always looks at private data; `--public` is its `--audience public`.
    fn for_check<'a>(a: &&'a str) -> Option<&'a str> {
        match *a {
            "--private" => None,
            "--public" => Some("--audience=public"),
            a => Some(a),
        }
    }
    let check_args: Vec<&str> = ["check", "--format", "json", "--today", TODAY]
        .into_iter()
        .chain(build_args.iter().filter_map(for_check))
        .collect();
    let human_args: Vec<&str> = ["check", "--today", TODAY]
        .into_iter()
        .chain(build_args.iter().filter_map(for_check))
        .collect();
    let build_argv: Vec<&str> = ["build", "--today", TODAY]
        .into_iter()
        .chain(build_args.iter().copied())
        .collect();

    let mut runs = Vec::new();
    for (what, args) in [
        ("check --format json", &check_args),
        ("check", &human_args),
        ("build", &build_argv),
    ] {
        match run(args, &project, deadline) {
            Ok(r) => {
                let printed = format!("{}{}", r.stdout, r.stderr);
                if std::env::var_os("HOSTILE_VERBOSE").is_some() {
                    eprintln!("hostile/{name}: `{what}` exited {:?}:\n{printed}", r.code);
                }
                match r.code {
                    Some(0) | Some(1) => {}
                    Some(c) => o.unsafe_.push(format!("`{what}` exited {c}:\n{printed}")),
                    None => o.unsafe_.push(format!(
                        "`{what}` was killed by a signal (a crash):\n{printed}"
                    )),
                }
                for bad in ["panicked at", "overflowed its stack"] {
                    if printed.contains(bad) && matches!(r.code, Some(0) | Some(1)) {
                        o.unsafe_
                            .push(format!("`{what}` printed `{bad}`:\n{printed}"));
                    }
                }
                o.notes
                    .push(format!("{what}: {} ms", r.elapsed.as_millis()));
                runs.push(r);
            }
            Err(e) => {
                o.unsafe_.push(format!("`{what}`: {e}"));
                return o;
            }
        }
        // `check` writes nothing at all.
        if what.starts_with("check") {
            let now = snapshot(tmp.path(), Some(&site));
            if now != world_before {
                o.unsafe_.push(format!(
                    "`{what}` wrote files: {}",
                    describe_diff(&world_before, &now)
                ));
            }
            if snapshot(&site, None) != good_site {
                o.unsafe_.push(format!("`{what}` changed the site"));
            }
        }
    }
    let (json, human, build) = (&runs[0], &runs[1], &runs[2]);

    // Nothing outside the output folder was written, by build either.
    let world_after = snapshot(tmp.path(), Some(&site));
    // An output folder of the case's own choosing is where build may write.
    let own_out = own_output(case);
    // (Only a successful build may write there.)
    let may_write = own_out.clone().filter(|_| case.expect.outcome == "ok");
    let filter = |m: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        m.iter()
            .filter(|(k, _)| match &may_write {
                Some(out) => !k.starts_with(&format!("project/{out}")),
                None => true,
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    if filter(&world_after) != filter(&world_before) {
        o.unsafe_.push(format!(
            "build wrote outside the output folder: {}",
            describe_diff(&filter(&world_before), &filter(&world_after))
        ));
    }
    // No staging folders left behind.
    for e in std::fs::read_dir(&project).unwrap().filter_map(Result::ok) {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(".site.") || n.contains(".new-") || n.contains(".old-") {
            o.unsafe_.push(format!("build left {n} behind"));
        }
    }
    // Nothing from outside the project was published.
    let published = snapshot(&site, None);
    for (path, bytes) in &published {
        if String::from_utf8_lossy(bytes).contains(OUTSIDE_MARKER) {
            o.unsafe_.push(format!(
                "site/{path} publishes a file from outside the project"
            ));
        }
    }

    let diags: Vec<Value> = json
        .stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| match serde_json::from_str::<Value>(l) {
            Ok(v) => Some(v),
            Err(e) => {
                o.unmet
                    .push(format!("check printed a line that is not JSON ({e}): {l}"));
                None
            }
        })
        .collect();
    let errors: Vec<&Value> = diags.iter().filter(|d| d["severity"] == "error").collect();

    let e = &case.expect;
    match e.outcome.as_str() {
        "error" => {
            for (what, r) in [
                ("check --format json", json),
                ("check", human),
                ("build", build),
            ] {
                if r.code != Some(1) {
                    o.unmet
                        .push(format!("`{what}` should exit 1, exited {:?}", r.code));
                }
            }
            // The previous good site stays as it was.
            if published != good_site {
                o.unsafe_.push(format!(
                    "a failed build changed the previous site: {}",
                    describe_diff(&good_site, &published)
                ));
            }
            let matches = |d: &&&Value| {
                e.code.as_ref().is_none_or(|c| d["code"] == c.as_str())
                    && e.file.as_ref().is_none_or(|f| d["file"] == f.as_str())
                    && match e.line {
                        Some(l) => d["line"] == l,
                        None => d["line"].as_u64().unwrap_or(0) >= 1,
                    }
                    && e.column.is_none_or(|c| d["column"] == c)
                    && e.message.as_ref().is_none_or(|m| {
                        d["message"]
                            .as_str()
                            .unwrap_or("")
                            .to_lowercase()
                            .contains(&m.to_lowercase())
                    })
            };
            match errors.iter().find(matches) {
                None => o.unmet.push(format!(
                    "no error matches {{code: {:?}, file: {:?}, line: {:?}, column: {:?}, message: {:?}}}; got:\n{}",
                    e.code, e.file, e.line, e.column, e.message, json.stdout
                )),
                Some(d) => {
                    // Both human outputs show the same place.
                    let mut at = d["file"].as_str().unwrap_or("").to_string();
                    if d["line"].as_u64().unwrap_or(0) > 0 {
                        at.push_str(&format!(":{}", d["line"]));
                        if d["column"].as_u64().unwrap_or(0) > 0 {
                            at.push_str(&format!(":{}", d["column"]));
                        }
                    }
                    for (what, r) in [("check", human), ("build", build)] {
                        if !r.stderr.contains(&at) {
                            o.unmet.push(format!("`{what}` does not show {at}:\n{}", r.stderr));
                        }
                    }
                }
            }
            // (Or that nothing was written, when the folder the build would
            // have replaced is not the one that holds the good site.)
            let kept = build.stderr.contains("previous site was left as it was")
                || build.stderr.contains("; nothing was written");
            if !kept && has_good_site {
                o.unmet.push(format!(
                    "build does not say the site was kept:\n{}",
                    build.stderr
                ));
            }
        }
        "ok" => {
            for (what, r) in [
                ("check --format json", json),
                ("check", human),
                ("build", build),
            ] {
                if r.code != Some(0) {
                    o.unmet.push(format!(
                        "`{what}` should succeed, exited {:?}:\n{}{}",
                        r.code, r.stdout, r.stderr
                    ));
                }
            }
            if let Some(w) = &e.warning
                && !diags
                    .iter()
                    .any(|d| d["severity"] == "warning" && d["code"] == w.as_str())
            {
                o.unmet
                    .push(format!("no `{w}` warning; got:\n{}", json.stdout));
            }
            let out_dir = match &own_out {
                Some(out) => project.join(out),
                None => site.clone(),
            };
            let built = snapshot(&out_dir, None);
            if build.code == Some(0) && !built.contains_key(".careerbook-output") {
                o.unmet
                    .push("the site has no .careerbook-output marker".into());
            }
            for (path, bytes) in &built {
                if (path.starts_with("search/") || path.contains("/search/"))
                    && path.ends_with(".js")
                {
                    // Read whole: the snapshot keeps only a sample of large files.
                    let whole = std::fs::read(out_dir.join(path)).unwrap_or_default();
                    if let Err(problem) = check_search_js(&String::from_utf8_lossy(&whole)) {
                        o.unmet.push(format!("{path}: {problem}"));
                    }
                }
                // What a browser runs or renders as markup; the calendar and other
                // text files hold the same words as plain text, which is fine.
                if !is_web_file(path) {
                    continue;
                }
                let text = String::from_utf8_lossy(bytes);
                for a in &e.absent {
                    if text.contains(a.as_str()) {
                        o.unmet.push(format!("{path} contains {a:?}"));
                    }
                }
                if path.ends_with(".html")
                    && let Some(id) = duplicate_id(&text)
                {
                    o.unmet.push(format!("{path} has the id `{id}` twice"));
                }
                if path.ends_with(".html") || path.ends_with(".svg") {
                    for problem in live_markup(&text) {
                        if e.raw_html {
                            o.notes
                                .push(format!("{path}: {problem} (raw HTML, expected)"));
                        } else {
                            o.unmet.push(format!("{path}: {problem}"));
                        }
                    }
                }
                if path == "toc.js"
                    && let Err(problem) = check_toc_js(&text)
                {
                    o.unmet.push(format!("toc.js: {problem}"));
                }
            }
            for c in &e.contains {
                match built.get(&c.file) {
                    Some(b) if String::from_utf8_lossy(b).contains(&c.text) => {}
                    Some(_) => o
                        .unmet
                        .push(format!("{} does not contain {:?}", c.file, c.text)),
                    None => o.unmet.push(format!("{} was not built", c.file)),
                }
            }
        }
        other => panic!("{name}: unknown outcome `{other}`"),
    }
    o
}

/// The output folder a case sets in book.toml (`[build] output`), if it sets one
/// inside the project.
fn own_output(case: &Case) -> Option<String> {
    let book = case.files.iter().find(|f| f.path == "book.toml")?;
    let text = book.text.as_ref()?;
    let value: toml::Table = toml::from_str(text).ok()?;
    let out = value.get("build")?.get("output")?.as_str()?;
    (!out.starts_with('/') && !out.contains("..")).then(|| out.trim_end_matches('/').to_string())
}

/// Print past the test harness's capture, so the line shows in a plain `cargo test`.
fn loud(line: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "{line}");
}

#[test]
fn hostile_corpus() {
    let cases = load_cases();
    let only = std::env::var("HOSTILE_CASE").ok();
    let queue = Mutex::new(
        cases
            .iter()
            .filter(|(n, _)| only.as_ref().is_none_or(|o| n.contains(o.as_str())))
            .collect::<Vec<_>>(),
    );
    let failures = Mutex::new(Vec::new());
    let known = Mutex::new(Vec::new());
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let Some((name, case)) = queue.lock().unwrap().pop() else {
                        break;
                    };
                    let t = Instant::now();
                    let o = run_case(name, case);
                    eprintln!(
                        "hostile/{name}: {} ms ({})",
                        t.elapsed().as_millis(),
                        o.notes.join(", ")
                    );
                    // A known bug excuses what the case documents; its details are
                    // still printed, and a case that passes must lose its marker.
                    let mut problems = Vec::new();
                    let mut o = o;
                    if case.known_bug.is_some() {
                        o.unmet.splice(0..0, o.unsafe_.drain(..));
                    }
                    problems.extend(o.unsafe_);
                    match &case.known_bug {
                        None => problems.extend(o.unmet),
                        Some(bug) if o.unmet.is_empty() => problems.push(format!(
                            "marked as a known bug ({bug}), but it now behaves as expected: remove `known_bug` from tests/hostile/{name}.toml"
                        )),
                        Some(bug) => {
                            let text = bug.split_whitespace().collect::<Vec<_>>().join(" ");
                            let first = text.find(". ").map_or(text.as_str(), |i| &text[..=i]);
                            loud(&format!("KNOWN BUG hostile/{name}: {first}"));
                            eprintln!("KNOWN BUG hostile/{name}: {bug}\n  {}", o.unmet.join("\n  "));
                            known.lock().unwrap().push(name.clone());
                        }
                    }
                    if !problems.is_empty() {
                        failures.lock().unwrap().push(format!(
                            "hostile/{name} ({}):\n  {}",
                            case.summary,
                            problems.join("\n  ")
                        ));
                    }
                }
            });
        }
    });
    let known = known.into_inner().unwrap();
    if !known.is_empty() {
        eprintln!(
            "{} known bug(s) in the hostile corpus: {}",
            known.len(),
            known.join(", ")
        );
    }
    eprintln!("hostile corpus: {} s", started.elapsed().as_secs());
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The corpus files themselves: each one says where it goes and what must happen.
#[test]
fn every_case_is_described() {
    for (name, case) in load_cases() {
        assert!(!case.summary.trim().is_empty(), "{name}: no summary");
        assert!(
            case.expect.outcome == "ok" || case.expect.outcome == "error",
            "{name}"
        );
        if case.expect.outcome == "error" {
            assert!(
                case.expect.file.is_some(),
                "{name}: an error case names the file the error points at"
            );
        }
    }
}
