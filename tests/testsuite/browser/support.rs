//! What the browser tests stand on: finding the tools (Chromium, axe-core, the Nu
//! HTML Checker) or skipping loudly, a built workbook served on loopback, a
//! headless Chromium driven over the DevTools protocol, and a deadline for every
//! test.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Log, Network, Page, Runtime};
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::Value;

use crate::common::Project;

// ---------------------------------------------------------------------------
// Tools, or a loud skip.

/// `CAREERBOOK_REQUIRE_BROWSER` set (as `.ci/run` does): a missing tool fails the
/// test instead of skipping it.
pub fn required() -> bool {
    std::env::var_os("CAREERBOOK_REQUIRE_BROWSER").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Say that a test did not run, and why; or fail, where the tools are required.
pub fn skip(test: &str, why: &str) {
    let msg = format!(
        "SKIPPED: {test}: {why} (run .ci/run, or see the top of tests/testsuite/browser.rs, to install it)"
    );
    if required() {
        panic!("{msg}; CAREERBOOK_REQUIRE_BROWSER is set, so this is a failure");
    }
    loud(&format!("\n{}\n{msg}\n{}", "=".repeat(78), "=".repeat(78)));
}

/// Print past the test harness's capture, so the line shows in a plain `cargo test`.
pub fn loud(line: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Debian's Chromium (`CAREERBOOK_CHROMIUM` overrides). Never downloaded.
pub fn chromium() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("CAREERBOOK_CHROMIUM") {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!("CAREERBOOK_CHROMIUM={} is not a file", p.display()))
        };
    }
    for p in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if Path::new(p).is_file() {
            return Ok(PathBuf::from(p));
        }
    }
    Err("Chromium is not installed (apt-get install chromium)".into())
}

/// axe-core's browser bundle, installed by `.ci/run` under target/js.
pub fn axe_js() -> Result<PathBuf, String> {
    let p = std::env::var_os("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/js/node_modules/axe-core/axe.min.js"));
    if p.is_file() {
        Ok(p)
    } else {
        Err(format!("axe-core is not installed: no {}", p.display()))
    }
}

/// The Nu HTML Checker's jar (from the npm package vnu-jar) and a Java to run it.
pub fn vnu() -> Result<(PathBuf, PathBuf), String> {
    let jar = std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/js/node_modules/vnu-jar/build/dist/vnu.jar"));
    if !jar.is_file() {
        return Err(format!(
            "the Nu HTML Checker is not installed: no {}",
            jar.display()
        ));
    }
    let java = std::env::var_os("JAVA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("java"));
    match std::process::Command::new(&java).arg("-version").output() {
        Ok(o) if o.status.success() => Ok((java, jar)),
        _ => Err("Java is not installed (apt-get install default-jre-headless)".into()),
    }
}

/// Where screenshots are kept for people (and CI) to look at.
pub fn artefacts() -> PathBuf {
    let dir = repo().join("target/browser-artefacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

// ---------------------------------------------------------------------------
// Deadlines.

/// Processes a test started, killed (by id) if it runs out of time.
#[derive(Clone, Default)]
pub struct Watch(Arc<Mutex<Vec<u32>>>);

impl Watch {
    pub fn add(&self, pid: u32) {
        self.0.lock().unwrap().push(pid);
    }
}

/// One browser test at a time: Chromium is heavy on a two-core machine, and the
/// tests compare timings only against their own deadline.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Run `f` with a deadline. On time-out the processes it started are killed and
/// the test fails; `f`'s own panics fail the test as usual.
pub fn bounded(
    name: &str,
    limit: Duration,
    exclusive: bool,
    f: impl FnOnce(Watch) + Send + 'static,
) {
    let _turn = exclusive.then(|| ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner()));
    let watch = Watch::default();
    let w = watch.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let started = Instant::now();
    let worker = std::thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(w)));
            let _ = tx.send(result);
        })
        .unwrap();
    match rx.recv_timeout(limit) {
        Ok(Ok(())) => {
            let _ = worker.join();
            eprintln!("{name}: {:.1} s", started.elapsed().as_secs_f64());
        }
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(_) => {
            for pid in watch.0.lock().unwrap().iter() {
                let _ = std::process::Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            }
            panic!("{name} did not finish within {} s", limit.as_secs());
        }
    }
}

// ---------------------------------------------------------------------------
// The site, built and served.

pub struct Site {
    pub project: Project,
    /// `http://127.0.0.1:PORT/` or `http://127.0.0.1:PORT/guide/`.
    pub base: String,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Site {
    /// The sample workbook built with `--today 2026-11-24`, served under `base_path`
    /// (`/` or a sub-path such as `/guide/`, which is then also book.toml's base-url).
    pub fn serve(base_path: &str) -> Site {
        let project = Project::default_workbook();
        if base_path != "/" {
            let book = std::fs::read_to_string(project.root().join("book.toml")).unwrap();
            assert!(book.contains("base-url = \"/\""), "{book}");
            project.write(
                "book.toml",
                &book.replace("base-url = \"/\"", &format!("base-url = \"{base_path}\"")),
            );
        }
        project.build_ok();
        let site = project.root().join("site");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        let not_found = std::fs::read_to_string(site.join("404.html")).unwrap();
        // A missing page gets the site's 404 page, as a web host would show it.
        let missing = move || {
            let page = not_found.clone();
            async move {
                (
                    axum::http::StatusCode::NOT_FOUND,
                    axum::response::Html(page),
                )
            }
        };
        let files = tower_http::services::ServeDir::new(&site).not_found_service(
            axum::handler::HandlerWithoutStateExt::into_service(missing.clone()),
        );
        let app = if base_path == "/" {
            axum::Router::new().fallback_service(files)
        } else {
            axum::Router::new()
                .nest_service(base_path.trim_end_matches('/'), files)
                .fallback(missing)
        };
        runtime.spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Site {
            project,
            base: format!("http://{addr}{base_path}"),
            runtime: Some(runtime),
        }
    }

    pub fn url(&self, page: &str) -> String {
        format!("{}{page}", self.base)
    }

    pub fn root(&self) -> PathBuf {
        self.project.root().join("site")
    }

    /// Every page of the site, relative to its root, sorted.
    pub fn pages(&self) -> Vec<String> {
        html_files(&self.root())
            .into_iter()
            .map(|p| {
                p.strip_prefix(self.root())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_timeout(Duration::from_secs(5));
        }
    }
}

pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

// ---------------------------------------------------------------------------
// Chromium.

/// Everything a page did that a person would count as broken.
#[derive(Default)]
pub struct Problems {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

impl Problems {
    fn push_error(&mut self, e: String) {
        self.errors.push(e);
    }
}

/// A headless Chromium with one tab, recording console errors, uncaught
/// exceptions and failed requests as they happen.
pub struct Chrome {
    /// Kept for its process: dropping it ends Chromium.
    _browser: Browser,
    _profile: tempfile::TempDir,
    pub tab: Arc<Tab>,
    pub problems: Arc<Mutex<Problems>>,
}

/// Written into every page before its own scripts run: failures a page can see
/// itself, in case an event of the protocol is missed.
const RECORDER: &str = r#"
(function () {
  var cb = window.__careerbookTest = { errors: [] };
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) {
      cb.errors.push("failed to load " + (t.src || t.href));
    } else {
      cb.errors.push("uncaught: " + (e.message || e));
    }
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    cb.errors.push("unhandled rejection: " + (e.reason && e.reason.message || e.reason));
  });
})();
"#;

impl Chrome {
    pub fn launch(watch: &Watch) -> Chrome {
        let path = chromium().unwrap();
        let profile = tempfile::tempdir().unwrap();
        let args: Vec<&std::ffi::OsStr> = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--mute-audio",
        ]
        .iter()
        .map(std::ffi::OsStr::new)
        .collect();
        let options = LaunchOptions {
            headless: true,
            sandbox: false,
            enable_gpu: false,
            path: Some(path),
            user_data_dir: Some(profile.path().to_path_buf()),
            window_size: Some((1280, 900)),
            args,
            idle_browser_timeout: Duration::from_secs(600),
            ..LaunchOptions::default()
        };
        let browser = Browser::new(options).expect("Chromium starts");
        if let Some(pid) = browser.get_process_id() {
            watch.add(pid);
        }
        let tab = browser.new_tab().expect("a tab");
        tab.set_default_timeout(Duration::from_secs(30));
        let problems = Arc::new(Mutex::new(Problems::default()));
        let p = problems.clone();
        tab.add_event_listener(Arc::new(move |event: &Event| {
            let mut p = p.lock().unwrap();
            match event {
                Event::RuntimeConsoleAPICalled(e) => {
                    let text = e
                        .params
                        .args
                        .iter()
                        .map(|a| {
                            a.value
                                .as_ref()
                                .map(|v| v.to_string())
                                .or_else(|| a.description.clone())
                                .unwrap_or_default()
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    match e.params.Type {
                        Runtime::ConsoleAPICalledEventTypeOption::Error
                        | Runtime::ConsoleAPICalledEventTypeOption::Assert => {
                            p.errors.push(format!("console.error: {text}"))
                        }
                        Runtime::ConsoleAPICalledEventTypeOption::Warning => {
                            p.warnings.push(format!("console.warn: {text}"))
                        }
                        _ => {}
                    }
                }
                Event::RuntimeExceptionThrown(e) => {
                    let d = &e.params.exception_details;
                    let what = d
                        .exception
                        .as_ref()
                        .and_then(|x| x.description.clone())
                        .unwrap_or_else(|| d.text.clone());
                    p.errors.push(format!(
                        "uncaught exception at {}:{}: {what}",
                        d.url.as_deref().unwrap_or("?"),
                        d.line_number
                    ));
                }
                Event::LogEntryAdded(e) => {
                    let entry = &e.params.entry;
                    let text = format!(
                        "log ({:?}): {} {}",
                        entry.source,
                        entry.text,
                        entry.url.as_deref().unwrap_or("")
                    );
                    match entry.level {
                        Log::LogEntryLevel::Error => p.push_error(text),
                        Log::LogEntryLevel::Warning => p.warnings.push(text),
                        _ => {}
                    }
                }
                // (A request the page itself cancelled, by moving on, is no failure.)
                Event::NetworkLoadingFailed(e) if e.params.canceled != Some(true) => {
                    p.push_error(format!(
                        "request failed ({:?}): {}",
                        e.params.Type, e.params.error_text
                    ));
                }
                Event::NetworkResponseReceived(e) if e.params.response.status >= 400 => {
                    let r = &e.params.response;
                    p.push_error(format!("HTTP {} for {}", r.status, r.url));
                }
                _ => {}
            }
        }))
        .unwrap();
        tab.call_method(Runtime::Enable(None)).unwrap();
        tab.call_method(Log::Enable(None)).unwrap();
        tab.call_method(Network::Enable {
            max_total_buffer_size: None,
            max_resource_buffer_size: None,
            max_post_data_size: None,
            report_direct_socket_traffic: None,
            enable_durable_messages: None,
        })
        .unwrap();
        tab.call_method(Page::Enable {
            enable_file_chooser_opened_event: None,
        })
        .unwrap();
        tab.call_method(Page::AddScriptToEvaluateOnNewDocument {
            source: RECORDER.to_string(),
            world_name: None,
            include_command_line_api: None,
            run_immediately: None,
        })
        .unwrap();
        // Dates in the page are the browser's today in UTC, which the tests can
        // compute too.
        tab.call_method(Emulation::SetTimezoneOverride {
            timezone_id: "UTC".into(),
        })
        .unwrap();
        Chrome {
            _browser: browser,
            _profile: profile,
            tab,
            problems,
        }
    }

    /// Open a page and wait until it has loaded and the book's script has run.
    pub fn open(&self, url: &str) {
        self.mark_old_document();
        self.tab
            .navigate_to(url)
            .unwrap_or_else(|e| panic!("opening {url}: {e}"));
        self.settle(url);
    }

    pub fn reload(&self) {
        let url = self.tab.get_url();
        self.mark_old_document();
        self.tab
            .reload(false, None)
            .unwrap_or_else(|e| panic!("reloading {url}: {e}"));
        self.settle(&url);
    }

    /// A mark the next document will not have, to tell when it has replaced this one.
    fn mark_old_document(&self) {
        let _ = self.try_eval("window.__careerbookOld = true");
    }

    /// Wait for the new document: loaded, and the book's script run.
    fn settle(&self, url: &str) {
        let start = Instant::now();
        loop {
            let ready = self.try_eval(
                "!window.__careerbookOld && document.readyState === 'complete' && (!document.querySelector('script[src$=\"book.js\"]') || document.documentElement.classList.contains('js'))",
            );
            // (An error here is the old document going away: try again.)
            if ready == Ok(Value::Bool(true)) {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "{url} never finished loading"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Evaluate an expression (awaiting a promise) and return its JSON value.
    pub fn eval(&self, expression: &str) -> Value {
        self.try_eval(expression)
            .unwrap_or_else(|e| panic!("evaluating {expression}: {e}"))
    }

    /// Evaluate, or say why not (e.g. the document went away mid-navigation).
    pub fn try_eval(&self, expression: &str) -> Result<Value, String> {
        let r = self
            .tab
            .call_method(Runtime::Evaluate {
                expression: format!("(async () => JSON.stringify(await ({expression})))()"),
                object_group: None,
                include_command_line_api: None,
                silent: Some(false),
                context_id: None,
                return_by_value: Some(true),
                generate_preview: None,
                user_gesture: Some(true),
                await_promise: Some(true),
                throw_on_side_effect: None,
                timeout: None,
                disable_breaks: None,
                repl_mode: None,
                allow_unsafe_eval_blocked_by_csp: None,
                unique_context_id: None,
                serialization_options: None,
            })
            .map_err(|e| e.to_string())?;
        if let Some(d) = r.exception_details {
            return Err(format!(
                "{} {:?}",
                d.text,
                d.exception.and_then(|e| e.description)
            ));
        }
        Ok(match r.result.value {
            Some(Value::String(s)) => serde_json::from_str(&s).unwrap(),
            _ => Value::Null,
        })
    }

    /// Take what the page and the protocol recorded since the last call.
    pub fn take_problems(&self) -> Problems {
        let mut p = std::mem::take(&mut *self.problems.lock().unwrap());
        // What the page saw itself, and requests the resource timing marks as failed.
        let seen = self.eval(
            "(() => {
               const own = (window.__careerbookTest || {errors: []}).errors;
               const bad = performance.getEntriesByType('resource')
                 .concat(performance.getEntriesByType('navigation'))
                 .filter(e => e.responseStatus >= 400)
                 .map(e => 'HTTP ' + e.responseStatus + ' for ' + e.name);
               return own.concat(bad);
             })()",
        );
        for e in seen.as_array().into_iter().flatten() {
            let e = e.as_str().unwrap_or_default().to_string();
            if !p.errors.contains(&e) {
                p.push_error(e);
            }
        }
        p
    }

    /// Emulate a screen: (width, height, mobile) and light or dark colours.
    pub fn emulate(&self, width: u32, height: u32, mobile: bool, dark: bool) {
        self.tab
            .call_method(Emulation::SetDeviceMetricsOverride {
                width,
                height,
                // (1: the layout is the same at any density, and the screenshots stay small.)
                device_scale_factor: 1.0,
                mobile,
                scale: None,
                screen_width: Some(width),
                screen_height: Some(height),
                position_x: None,
                position_y: None,
                dont_set_visible_size: None,
                screen_orientation: None,
                viewport: None,
                display_feature: None,
                device_posture: None,
            })
            .unwrap();
        self.tab
            .call_method(Emulation::SetEmulatedMedia {
                media: None,
                features: Some(vec![Emulation::MediaFeature {
                    name: "prefers-color-scheme".into(),
                    value: if dark { "dark" } else { "light" }.into(),
                }]),
            })
            .unwrap();
    }

    /// A PNG of the page from its top, as tall as the page (at most 6000 px).
    pub fn screenshot(&self, path: &Path) {
        let size = self
            .eval("[document.documentElement.clientWidth, document.documentElement.scrollHeight]");
        let (w, h) = (
            size[0].as_f64().unwrap(),
            size[1].as_f64().unwrap().min(6000.0),
        );
        let shot = self
            .tab
            .call_method(Page::CaptureScreenshot {
                format: Some(Page::CaptureScreenshotFormatOption::Png),
                quality: None,
                clip: Some(Page::Viewport {
                    x: 0.0,
                    y: 0.0,
                    width: w,
                    height: h,
                    scale: 1.0,
                }),
                from_surface: Some(true),
                capture_beyond_viewport: Some(true),
                optimize_for_speed: None,
            })
            .unwrap();
        std::fs::write(path, base64_decode(&shot.data)).unwrap();
    }
}

/// Standard base64, as the protocol sends screenshots.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let bytes: Vec<u8> = text
        .bytes()
        .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= u32::from(value(c)) << (18 - 6 * i);
        }
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}
