//! `careerbook serve` over loopback: a real server on a free port, a real HTTP
//! client, real file changes. Every wait has a deadline; no test can hang.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use careerbook::serve::{self, ServeOptions, ServerHandle};
use serde_json::Value;

use crate::common::{self, Project};

/// Generous: the machine is small and other tests run in parallel.
const DEADLINE: Duration = Duration::from_secs(30);

/// A server on a free loopback port, serving a temporary copy of a fixture.
struct Server {
    project: Project,
    handle: Option<ServerHandle>,
    runtime: tokio::runtime::Runtime,
    base: String,
}

impl Server {
    fn start(project: Project) -> Server {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let mut opts = ServeOptions::new(project.root(), common::today());
        opts.port = 0;
        opts.quiet = true;
        let handle = runtime
            .block_on(async { tokio::time::timeout(DEADLINE, serve::start(opts)).await })
            .expect("the server starts in time")
            .expect("the server starts");
        let base = handle.url().trim_end_matches('/').to_string();
        assert!(base.starts_with("http://127.0.0.1:"), "{base}");
        Server {
            project,
            handle: Some(handle),
            runtime,
            base,
        }
    }

    fn addr(&self) -> SocketAddr {
        self.handle.as_ref().unwrap().addr()
    }

    fn get(&self, path: &str) -> (u16, String) {
        get(&format!("{}{path}", self.base))
    }

    fn status(&self) -> Value {
        let (code, body) = self.get("/__careerbook/status");
        assert_eq!(code, 200, "{body}");
        serde_json::from_str(&body).unwrap()
    }

    fn events(&self) -> Events {
        Events::connect(&format!("{}/__careerbook/events", self.base))
    }

    fn stop(&mut self) {
        if let Some(handle) = self.handle.take() {
            self.runtime
                .block_on(async { tokio::time::timeout(DEADLINE, handle.shutdown()).await })
                .expect("the server stops in time");
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .build()
        .into()
}

fn get(url: &str) -> (u16, String) {
    let mut res = agent(Duration::from_secs(10))
        .get(url)
        .call()
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let code = res.status().as_u16();
    (code, res.body_mut().read_to_string().unwrap())
}

/// One request written byte for byte, so nothing normalises the path on the way.
fn raw_get(addr: SocketAddr, path: &str, host: &str) -> (u16, String) {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    let code = response
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP response to {path}: {response:?}"));
    (code, response)
}

/// Poll `f` until it returns `Some`, or fail after the deadline.
fn wait_for<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(t) = f() {
            return t;
        }
        assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A server-sent events client on its own thread: (event name, data) pairs.
struct Events {
    rx: mpsc::Receiver<Option<(String, Value)>>,
}

impl Events {
    fn connect(url: &str) -> Events {
        let (tx, rx) = mpsc::channel();
        let url = url.to_string();
        std::thread::spawn(move || {
            let res = agent(DEADLINE * 2).get(&url).call().unwrap();
            assert_eq!(
                res.headers()
                    .get("content-type")
                    .and_then(|v| v.to_str().ok()),
                Some("text/event-stream")
            );
            let reader = BufReader::new(res.into_body().into_reader());
            let (mut name, mut data) = (String::new(), String::new());
            for line in reader.lines() {
                let Ok(line) = line else { break };
                if line.is_empty() {
                    if !data.is_empty() {
                        let value = serde_json::from_str(&data).unwrap();
                        if tx.send(Some((name.clone(), value))).is_err() {
                            return;
                        }
                    }
                    name.clear();
                    data.clear();
                } else if let Some(n) = line.strip_prefix("event: ") {
                    name = n.to_string();
                } else if let Some(d) = line.strip_prefix("data: ") {
                    data.push_str(d);
                }
            }
            // The stream ended.
            let _ = tx.send(None);
        });
        Events { rx }
    }

    /// The next event, which must come before the deadline.
    fn next(&self) -> Option<(String, Value)> {
        self.rx
            .recv_timeout(DEADLINE)
            .expect("timed out waiting for a server-sent event")
    }

    /// Skip events until one named `name`.
    fn until(&self, name: &str) -> Value {
        let start = Instant::now();
        loop {
            let left = DEADLINE.saturating_sub(start.elapsed());
            match self.rx.recv_timeout(left) {
                Ok(Some((n, v))) if n == name => return v,
                Ok(Some(_)) => {}
                Ok(None) => panic!("the event stream ended before `{name}`"),
                Err(_) => panic!("timed out waiting for the `{name}` event"),
            }
        }
    }
}

fn page_version(html: &str) -> &str {
    let start = html
        .find("data-careerbook-version=\"")
        .unwrap_or_else(|| panic!("no live-reload script in {html}"))
        + "data-careerbook-version=\"".len();
    let len = html[start..].find('"').unwrap();
    &html[start..start + len]
}

#[test]
fn a_missing_page_under_a_language_gets_that_language_s_404_page() {
    let p = Project::from_fixture("minimal");
    p.write(
        "book.toml",
        "[book]\ntitle = \"Fixture Book\"\nlanguages = [\"en-CA\", \"fr-CA\"]\n",
    );
    let server = Server::start(p);
    let (code, fr) = server.get("/fr/no-such-page.html");
    assert_eq!(code, 404);
    assert!(fr.contains("<html lang=\"fr-CA\""), "{fr}");
    assert!(fr.contains("Page introuvable"), "{fr}");
    assert!(fr.contains("/__careerbook/live.js"), "{fr}");
    // Deeper too, and elsewhere the default language's page.
    assert!(server.get("/fr/a/b/c.html").1.contains("Page introuvable"));
    for path in ["/no-such-page.html", "/nope/x.html"] {
        let (code, en) = server.get(path);
        assert_eq!(code, 404, "{path}");
        assert!(en.contains("<html lang=\"en-CA\""), "{path}: {en}");
    }
}

#[test]
fn serves_pages_with_the_reload_script_that_build_leaves_out() {
    let server = Server::start(Project::from_fixture("minimal"));
    let (code, index) = server.get("/");
    assert_eq!(code, 200);
    assert!(index.contains("Hello, Robin &lt;Tester&gt;."), "{index}");
    assert!(
        index.contains(r#"<script src="/__careerbook/live.js" data-careerbook-version=""#),
        "{index}"
    );
    let (code, chapter) = server.get("/chapter.html");
    assert_eq!(code, 200);
    assert!(chapter.contains("First heading"), "{chapter}");
    assert_eq!(page_version(&chapter), page_version(&index));
    let (code, part) = server.get("/part/");
    assert_eq!(code, 200);
    assert!(part.contains("__careerbook"));
    let (code, script) = server.get("/__careerbook/live.js");
    assert_eq!(code, 200);
    assert!(script.contains("EventSource"), "{script}");
    let status = server.status();
    assert_eq!(status["ok"], true);
    assert_eq!(status["version"], page_version(&index));

    // Missing pages get the site's 404 page, with the script.
    let (code, missing) = server.get("/no-such-page.html");
    assert_eq!(code, 404);
    assert!(missing.contains("Page not found"), "{missing}");
    assert!(missing.contains("/__careerbook/live.js"), "{missing}");

    // `careerbook build` never carries it.
    let built = Project::from_fixture("minimal");
    built.build_ok();
    for (path, bytes) in built.snapshot_site() {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__careerbook"),
            "{path} of `build` has the live-reload script"
        );
    }
}

#[test]
fn a_saved_change_is_served_and_reloads_the_page() {
    let server = Server::start(Project::from_fixture("minimal"));
    let events = server.events();
    let (name, first) = events.next().unwrap();
    assert_eq!(name, "status", "the current state comes first");
    assert_eq!(first["ok"], true);

    server.project.write(
        "content/chapter.md",
        "---\ntitle: A chapter\norder: 1\n---\n## Freshly edited\n\nNew words.\n",
    );
    let reload = events.until("reload");
    assert_eq!(reload["ok"], true);
    assert_ne!(reload["version"], first["version"]);
    let (code, chapter) = server.get("/chapter.html");
    assert_eq!(code, 200);
    assert!(chapter.contains("Freshly edited"), "{chapter}");
    assert_eq!(page_version(&chapter), reload["version"]);

    // Editor leftovers are not changes.
    let before = server.status()["version"].clone();
    server.project.write("content/.chapter.md.swp", "swap");
    server.project.write("content/chapter.md~", "backup");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(server.status()["version"], before);
}

#[test]
fn a_broken_yaml_file_shows_the_overlay_and_keeps_the_last_good_site() {
    let server = Server::start(Project::from_fixture("minimal"));
    let events = server.events();
    assert_eq!(events.next().unwrap().0, "status");
    let (_, good) = server.get("/");
    let good_version = page_version(&good).to_string();

    server.project.write("data/profile.yaml", "name: [x\n");
    let failed = events.until("failed");
    assert_eq!(failed["ok"], false);
    let status = server.status();
    assert_eq!(status["ok"], false);
    assert_eq!(
        status["version"], good_version,
        "the site served is still the last good build"
    );
    let diags = status["diagnostics"].as_array().unwrap();
    let yaml = diags
        .iter()
        .find(|d| d["file"] == "data/profile.yaml")
        .unwrap_or_else(|| panic!("no diagnostic for data/profile.yaml: {status:#}"));
    assert_eq!(yaml["severity"], "error");
    assert!(yaml["line"].as_u64().unwrap() >= 1, "{yaml}");
    assert!(
        yaml["location"]
            .as_str()
            .unwrap()
            .starts_with("data/profile.yaml:"),
        "{yaml}"
    );
    // The overlay shows the diagnostic as the terminal does.
    let rendered = yaml["rendered"].as_str().unwrap();
    assert!(rendered.contains("data/profile.yaml:"), "{rendered}");
    assert!(rendered.contains("name: [x"), "{rendered}");

    // The last good page is still served, and a page opened now learns of the
    // failure as soon as it connects.
    let (code, page) = server.get("/");
    assert_eq!(code, 200);
    assert!(page.contains("Hello, Robin &lt;Tester&gt;."), "{page}");
    assert_eq!(page_version(&page), good_version);
    let late = server.events();
    let (name, now) = late.next().unwrap();
    assert_eq!(name, "status");
    assert_eq!(now["ok"], false);
    assert_eq!(now["diagnostics"], status["diagnostics"]);

    // Fixed: the overlay goes, the new page is served.
    server
        .project
        .write("data/profile.yaml", "name: Robin Fixed\nregion: ontario\n");
    let reload = events.until("reload");
    assert_eq!(reload["ok"], true);
    assert_eq!(late.until("reload"), reload);
    let status = server.status();
    assert_eq!(status["ok"], true);
    assert_eq!(status["diagnostics"], Value::Array(vec![]));
    let (_, page) = server.get("/");
    assert!(page.contains("Hello, Robin Fixed."), "{page}");
    assert_eq!(page_version(&page), status["version"]);
}

#[test]
fn a_project_broken_from_the_start_is_served_once_fixed() {
    let project = Project::from_fixture("minimal");
    project.write("data/profile.yaml", "name: [x\n");
    let server = Server::start(project);
    let status = server.status();
    assert_eq!(status["ok"], false);
    // Nothing built yet: every page is our 404 page, with the script, so the
    // browser shows the overlay and reloads once it is fixed.
    let (code, page) = server.get("/");
    assert_eq!(code, 404);
    assert!(page.contains("not been built yet"), "{page}");
    assert_eq!(page_version(&page), status["version"]);
    let events = server.events();
    server
        .project
        .write("data/profile.yaml", "name: Robin\nregion: ontario\n");
    events.until("reload");
    let (code, page) = server.get("/");
    assert_eq!(code, 200);
    assert!(page.contains("Hello, Robin."), "{page}");
}

#[test]
fn nothing_outside_the_output_folder_is_ever_served() {
    let project = Project::from_fixture("minimal");
    project.write("Cargo.toml", "SECRET-CARGO-MARKER\n");
    project.write("secret.txt", "TOP-SECRET-MARKER\n");
    let server = Server::start(project);
    let root = server.project.root();
    let out = server.handle.as_ref().unwrap().out().to_path_buf();
    assert_eq!(out, root.join("site"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("secret.txt"), out.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(root, out.join("up")).unwrap();
    }
    let secrets = [
        "SECRET-CARGO-MARKER",
        "TOP-SECRET-MARKER",
        "[book]",
        "name: Robin",
    ];
    let leaks = |response: &str| secrets.iter().any(|s| response.contains(s));
    let addr = server.addr();
    // Paths that climb out or hide a separator: refused outright.
    for path in [
        "/../Cargo.toml",
        "/../book.toml",
        "/%2e%2e/book.toml",
        "/%2E%2E/book.toml",
        "/..%2fbook.toml",
        "/%2e%2e%2fdata%2fprofile.yaml",
        "/assets/..%5c..%5cbook.toml",
        "/assets/..\\..\\book.toml",
        "/part/../../secret.txt",
        "/./../secret.txt",
        "//../secret.txt",
        "/site/../book.toml",
    ] {
        let (code, response) = raw_get(addr, path, "127.0.0.1");
        assert_eq!(code, 400, "{path}: {response}");
        assert!(!leaks(&response), "{path} leaked: {response}");
    }
    // Links leading out, hidden files, double encoding: not found.
    for path in [
        "/leak.txt",
        "/up/secret.txt",
        "/up/book.toml",
        "/up/data/profile.yaml",
        "/up/",
        "/.careerbook-output",
        "/%252e%252e/book.toml",
    ] {
        let (code, response) = raw_get(addr, path, "127.0.0.1");
        assert_eq!(code, 404, "{path}: {response}");
        assert!(!leaks(&response), "{path} leaked: {response}");
    }
    // A link inside the output folder to a file inside it is fine.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(out.join("chapter.html"), out.join("alias.html")).unwrap();
        let (code, alias) = raw_get(addr, "/alias.html", "127.0.0.1");
        assert_eq!(code, 200, "{alias}");
    }
    // Only requests for this machine: a page on another site that points its
    // own name at 127.0.0.1 (DNS rebinding) cannot read the workbook.
    let (code, response) = raw_get(addr, "/", "attacker.example");
    assert_eq!(code, 403, "{response}");
    assert!(!response.contains("Hello, Robin"));
    assert_eq!(raw_get(addr, "/", "localhost:1234").0, 200);
}

#[test]
fn only_loopback_binds_are_quiet() {
    assert_eq!(serve::bind_warning("127.0.0.1".parse().unwrap()), None);
    assert_eq!(serve::bind_warning("::1".parse().unwrap()), None);
    for ip in ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5"] {
        let warning = serve::bind_warning(ip.parse().unwrap())
            .unwrap_or_else(|| panic!("no warning for {ip}"));
        assert!(warning.starts_with("warning:"), "{warning}");
        assert!(warning.contains("personal data"), "{warning}");
    }
}

#[test]
fn shutdown_ends_the_event_streams_and_stops_watching() {
    let mut server = Server::start(Project::from_fixture("minimal"));
    let events = server.events();
    assert_eq!(events.next().unwrap().0, "status");
    let addr = server.addr();
    let before = std::fs::read_to_string(server.project.root().join("site/chapter.html")).unwrap();
    server.stop();
    assert_eq!(events.next(), None, "the stream ends with the server");
    assert!(
        TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_err(),
        "nothing listens any more"
    );
    server
        .project
        .write("content/chapter.md", "## Edited after the end\n");
    std::thread::sleep(Duration::from_millis(600));
    let after = std::fs::read_to_string(server.project.root().join("site/chapter.html")).unwrap();
    assert_eq!(before, after, "no rebuild once stopped");
}

#[cfg(unix)]
#[test]
fn the_command_serves_until_interrupted() {
    let project = Project::from_fixture("minimal");
    let mut child = Child(
        common::careerbook()
            .args(["serve", "--port", "0", "--today", "2026-11-24"])
            .arg(project.root())
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let child = &mut child.0;
    // Read stderr on a thread, so a silent server cannot hang the test.
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let url = loop {
        let line = rx
            .recv_timeout(DEADLINE)
            .unwrap_or_else(|_| panic!("no `Serving` line; saw {seen:?}"));
        if let Some(url) = line.strip_prefix("Serving ") {
            break url.to_string();
        }
        seen.push(line);
    };
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let (code, page) = get(&url);
    assert_eq!(code, 200);
    assert!(page.contains("/__careerbook/live.js"));

    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = wait_for("serve to exit after Ctrl-C", || child.try_wait().unwrap());
    assert!(exit.success(), "{exit:?}");
    // Everything it printed, up to the end of its stderr.
    let rest: Vec<String> = std::iter::from_fn(|| rx.recv_timeout(DEADLINE).ok()).collect();
    assert!(
        rest.iter().any(
            |l| l.contains("to publish, build it for the web with `careerbook build --public`")
        ),
        "{rest:?}"
    );
}

/// A child process killed if the test fails before it exits.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

#[test]
fn a_cohort_is_served_as_two_trees_and_a_stray_members_folder_never() {
    let server = Server::start(Project::from_fixture("cohort"));
    let root = server.project.root();
    assert!(
        server.status()["ok"].as_bool().unwrap(),
        "{}",
        server.status()
    );
    // The guide at the root, with no member in it.
    let (code, guide) = server.get("/index.html");
    assert_eq!(code, 200);
    assert!(guide.contains("Hello, program member."), "{guide}");
    assert_eq!(server.get("/ana-lima/index.html").0, 404);
    // Each member's workbook in the members' tree, as `build` writes it.
    let (code, ana) = server.get("/__careerbook/members/ana-lima/index.html");
    assert_eq!(code, 200, "{ana}");
    assert!(ana.contains("Hello, Ana Lima."), "{ana}");
    assert!(
        ana.contains(serve::SCRIPT_PATH),
        "members' pages reload too"
    );
    assert_eq!(server.get("/__careerbook/members/ana-lima/").0, 200);
    assert_eq!(server.get("/__careerbook/members/cohort.html").0, 200);
    assert!(root.join("members/ana-lima/index.html").is_file());
    assert!(!root.join("site/ana-lima").exists());
    // Nothing climbs out of the members' tree either.
    for path in [
        "/__careerbook/members/../book.toml",
        "/__careerbook/members/%2e%2e/data/people/ana-lima/profile.yaml",
    ] {
        let (code, response) = raw_get(server.addr(), path, "127.0.0.1");
        assert!(code == 400 || code == 404, "{path}: {code} {response}");
        assert!(!response.contains("name: Ana"), "{path} leaked: {response}");
    }
    drop(server);

    // One person's project with a folder of its own called members/: not ours,
    // never served.
    let project = Project::from_fixture("minimal");
    project.write("members/notes.html", "MY-OWN-MEMBERS-NOTES\n");
    let server = Server::start(project);
    let (code, response) = server.get("/__careerbook/members/notes.html");
    assert_eq!(code, 404, "{response}");
    assert!(!response.contains("MY-OWN-MEMBERS-NOTES"));
}
