//! Under load and faults (issue 26): readers of `serve` during rebuilds, builds
//! killed part-way, builds running at once, files that cannot be read, output
//! folders that cannot be written, a full disk. Each test has deadlines; the
//! cases that need root (a small tmpfs) say loudly when they are skipped.
//!
//! `bench/soak.sh` is the long version of the first test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use careerbook::serve::{self, ServeOptions, ServerHandle};

use crate::common::{self, Project};

/// Generous: the machine is small and other tests run in parallel.
const DEADLINE: Duration = Duration::from_secs(60);

/// A server on a free loopback port.
struct Server {
    handle: Option<ServerHandle>,
    runtime: tokio::runtime::Runtime,
    base: String,
}

impl Server {
    fn start(root: &Path, debounce: Duration) -> Server {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let mut opts = ServeOptions::new(root, common::today());
        opts.port = 0;
        opts.quiet = true;
        opts.debounce = debounce;
        let handle = runtime
            .block_on(async { tokio::time::timeout(DEADLINE, serve::start(opts)).await })
            .expect("the server starts in time")
            .expect("the server starts");
        let base = handle.url().trim_end_matches('/').to_string();
        assert!(base.starts_with("http://127.0.0.1:"), "{base}");
        Server {
            handle: Some(handle),
            runtime,
            base,
        }
    }

    fn version(&self, agent: &ureq::Agent) -> String {
        let mut res = agent
            .get(format!("{}/__careerbook/status", self.base))
            .call()
            .unwrap();
        let status: serde_json::Value =
            serde_json::from_str(&res.body_mut().read_to_string().unwrap()).unwrap();
        assert_eq!(status["ok"], true, "{status:#}");
        status["version"].as_str().unwrap().to_string()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            let _ = self
                .runtime
                .block_on(async { tokio::time::timeout(DEADLINE, handle.shutdown()).await });
        }
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// The request path of every file of a built site (folders' index pages as `/`
/// and `/part/`), dotfiles left out.
fn site_paths(site: &Path) -> Vec<String> {
    let mut paths: Vec<String> = walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(site)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| !p.starts_with('.'))
        .map(|p| match p.strip_suffix("index.html") {
            Some(folder) => format!("/{folder}"),
            None => format!("/{p}"),
        })
        .collect();
    paths.sort();
    paths
}

/// What a folder holds beside `site`: staging folders left behind show here.
fn leftovers(parent: &Path, name: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.")))
        .collect();
    names.sort();
    names
}

fn snapshot(site: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(site).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Paths only, for readable failures.
fn names(snapshot: &[(String, Vec<u8>)]) -> Vec<&str> {
    snapshot.iter().map(|(p, _)| p.as_str()).collect()
}

/// A child process, killed if the test fails before it exits.
struct Child(std::process::Child);

impl Child {
    /// Wait for the exit, with a deadline; (success, stderr).
    fn finish(mut self) -> (bool, String) {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.0.try_wait().unwrap() {
                break status;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "careerbook did not finish in time"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut err = String::new();
        if let Some(mut stderr) = self.0.stderr.take() {
            stderr.read_to_string(&mut err).unwrap();
        }
        (status.success(), err)
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

fn spawn(cmd: &mut Command) -> Child {
    Child(
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    )
}

/// `careerbook build` of `root` (for 2026-11-24 unless `today` says otherwise).
fn build_cmd(root: &Path, today: &str) -> Command {
    let mut cmd = common::careerbook();
    cmd.args(["build", "--today", today]).arg(root);
    cmd
}

fn run(cmd: &mut Command) -> (bool, String) {
    spawn(cmd).finish()
}

fn is_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Whoever owns a file we just made is who we are.
        let probe = tempfile::NamedTempFile::new().unwrap();
        probe.as_file().metadata().unwrap().uid() == 0
    }
    #[cfg(not(unix))]
    false
}

/// A command that file permissions apply to. Root ignores them, so as root the
/// command runs without the powers that override them (`setpriv`, util-linux:
/// `.ci/run` makes sure it is there).
fn without_root_powers(cmd: Command) -> Command {
    if !is_root() {
        return cmd;
    }
    let found = Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "running as root, these tests need `setpriv` (util-linux) to drop the power to ignore file permissions"
    );
    let mut wrapped = Command::new("setpriv");
    wrapped
        .arg("--bounding-set=-dac_override,-dac_read_search")
        .arg("--")
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => wrapped.env(k, v),
            None => wrapped.env_remove(k),
        };
    }
    wrapped
}

/// A small pseudo-random sequence (xorshift), seeded from the clock and printed,
/// so a failure can be replayed with `CAREERBOOK_FAULT_SEED`.
struct Random(u64);

impl Random {
    fn new() -> Random {
        let seed = std::env::var("CAREERBOOK_FAULT_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("fault seed: CAREERBOOK_FAULT_SEED={seed}");
        Random(seed)
    }

    /// In `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// Readers never see a missing page, an error or half a page while the site is
/// rebuilt under them: the new site replaces the old in one step.
#[test]
fn readers_never_see_a_missing_or_cut_page_during_rebuilds() {
    let project = Project::from_fixture("minimal");
    let server = Server::start(project.root(), Duration::from_millis(10));
    let paths = site_paths(&project.root().join("site"));
    assert!(paths.len() >= 6, "{paths:?}");
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..4)
        .map(|i| {
            let (stop, paths, base) = (stop.clone(), paths.clone(), server.base.clone());
            std::thread::spawn(move || {
                let agent = agent();
                let (mut requests, mut bad) = (0u64, Vec::new());
                // Each reader starts at another page.
                for path in paths.iter().cycle().skip(i) {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let mut res = agent.get(format!("{base}{path}")).call().unwrap();
                    let code = res.status().as_u16();
                    let body = res.body_mut().read_to_string().unwrap_or_default();
                    requests += 1;
                    if code != 200 {
                        bad.push(format!("{path}: {code}"));
                    } else if (path.ends_with('/') || path.ends_with(".html"))
                        && !body.trim_end().ends_with("</html>")
                    {
                        bad.push(format!("{path}: cut short ({} bytes)", body.len()));
                    }
                }
                (requests, bad)
            })
        })
        .collect();

    // Rebuild again and again, each time waiting for the new site to be served.
    let agent = agent();
    let rebuilds = 40;
    let chapter = std::fs::read_to_string(project.root().join("content/chapter.md")).unwrap();
    let start = Instant::now();
    for i in 0..rebuilds {
        let before = server.version(&agent);
        project.write("content/chapter.md", &format!("{chapter}\nEdit {i}.\n"));
        while server.version(&agent) == before {
            assert!(start.elapsed() < DEADLINE, "rebuild {i} never came");
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    stop.store(true, Ordering::Relaxed);
    let (mut requests, mut bad) = (0, Vec::new());
    for r in readers {
        let (n, b) = r.join().unwrap();
        requests += n;
        bad.extend(b);
    }
    eprintln!(
        "{requests} requests during {rebuilds} rebuilds in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    assert!(requests > 200, "too few requests to tell: {requests}");
    assert!(
        bad.is_empty(),
        "{} bad answers, the first: {:?}",
        bad.len(),
        &bad[..bad.len().min(20)]
    );
    assert_eq!(leftovers(project.root(), "site"), Vec::<String>::new());
}

/// One request written byte for byte, so nothing normalises the path on the way.
fn raw_get(addr: SocketAddr, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let code = response
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP response: {response:?}"));
    (code, response)
}

/// A 10,000-character path, or one with a name longer than any file system
/// takes, is a 4xx, never a 500; and the server says nothing that looks like a
/// crash.
#[test]
fn absurd_paths_get_a_4xx_not_a_500() {
    let project = Project::from_fixture("minimal");
    let mut child = Child(
        common::careerbook()
            .args(["serve", "--port", "0", "--today", "2026-11-24"])
            .arg(project.root())
            .stdin(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let (tx, rx) = std::sync::mpsc::channel();
    let stderr = child.0.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut log = Vec::new();
    let url = loop {
        let line = rx
            .recv_timeout(DEADLINE)
            .unwrap_or_else(|_| panic!("no `Serving` line; saw {log:?}"));
        if let Some(url) = line.strip_prefix("Serving ") {
            break url.to_string();
        }
        log.push(line);
    };
    let addr: SocketAddr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    let long_name = format!("/{}", "a".repeat(10_000));
    let long_path = "/a".repeat(5_000);
    let name_too_long = format!("/part/{}.html", "x".repeat(300));
    // Short enough to pass the guard, too long for the file system once joined
    // to the output folder's path.
    let deep = format!("/{}index.html", "part/".repeat(810));
    for (path, expect) in [
        (long_name.as_str(), 414),
        (long_path.as_str(), 414),
        (name_too_long.as_str(), 404),
        (deep.as_str(), 404),
        ("/chapter.html/inside", 404),
    ] {
        let (code, response) = raw_get(addr, path);
        assert_eq!(code, expect, "{}…: {response}", &path[..40.min(path.len())]);
    }
    // Still serving.
    assert_eq!(raw_get(addr, "/").0, 200);
    let kill = Command::new("kill")
        .args(["-INT", &child.0.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let start = Instant::now();
    while child.0.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < DEADLINE, "serve did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
    log.extend(std::iter::from_fn(|| {
        rx.recv_timeout(Duration::from_secs(5)).ok()
    }));
    let text = log.join("\n").to_lowercase();
    for crash in ["panic", "error", "500", "internal"] {
        assert!(
            !text.contains(crash),
            "`{crash}` in serve's output:\n{text}"
        );
    }
}

/// A build killed at random points (as by `kill -9` or a power cut) leaves the
/// last good site as it was; the next build removes what the killed ones left
/// and writes the site as any build would.
#[test]
fn builds_killed_at_random_points_leave_nothing_once_built_again() {
    let project = Project::default_workbook();
    let root = project.root();
    let site = root.join("site");
    let started = Instant::now();
    let (ok, err) = run(&mut build_cmd(root, "2026-11-24"));
    assert!(ok, "{err}");
    let took = started.elapsed();
    let good = snapshot(&site);
    let mut random = Random::new();
    let (mut kills, mut left_behind) = (0, 0);
    // Until three kills have left a staging folder (at most 15 tries): each
    // proves the next build removes what a killed one left.
    while kills < 15 && left_behind < 3 {
        let mut child = spawn(&mut build_cmd(root, "2026-11-24"));
        let delay = took.as_micros() as u64 * random.below(100) / 100;
        std::thread::sleep(Duration::from_micros(delay));
        child.0.kill().unwrap();
        child.0.wait().unwrap();
        kills += 1;
        let left = leftovers(root, "site");
        if !left.is_empty() {
            left_behind += 1;
        }
        // Whatever the moment, the site is the last good one, whole.
        let now = snapshot(&site);
        assert!(now == good, "after a kill at {delay} µs: {:?}", names(&now));
    }
    eprintln!("{kills} builds killed, {left_behind} left a staging folder behind");
    assert!(
        left_behind > 0,
        "no kill left a staging folder: nothing was tested"
    );
    let (ok, err) = run(&mut build_cmd(root, "2026-11-24"));
    assert!(ok, "{err}");
    assert_eq!(leftovers(root, "site"), Vec::<String>::new());
    assert!(
        snapshot(&site) == good,
        "the site differs from a clean build's"
    );
}

/// A running build's staging folder is never taken for abandoned: not by
/// another build, not by `clean`. Only marked real folders are removed, links
/// never followed.
#[cfg(unix)]
#[test]
fn only_abandoned_staging_folders_are_removed() {
    let project = Project::from_fixture("minimal");
    let root = project.root();
    let site = root.join("site");
    // A build in progress in this process (its folder is locked).
    let live = careerbook::output::Staging::new(root, &site).unwrap();
    careerbook::render::Sink::write_bytes(&live, "index.html", b"<html>live</html>").unwrap();
    let live_dir = live.path().to_path_buf();
    // What a killed build leaves: a marked folder, with a link inside.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("precious.txt"), "mine").unwrap();
    std::fs::write(elsewhere.path().join(".careerbook-output"), "").unwrap();
    let dead = root.join(".site.new-dead01");
    std::fs::create_dir_all(dead.join("part")).unwrap();
    std::fs::write(dead.join(".careerbook-output"), "").unwrap();
    std::fs::write(dead.join("part/index.html"), "old").unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), dead.join("part/link")).unwrap();
    let dead_old = root.join(".site.old-dead02");
    std::fs::create_dir(&dead_old).unwrap();
    std::fs::write(dead_old.join(".careerbook-output"), "").unwrap();
    // Not careerbook's: no marker, a link, a file.
    let unmarked = root.join(".site.new-nomark");
    std::fs::create_dir(&unmarked).unwrap();
    std::fs::write(unmarked.join("notes.txt"), "mine").unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), root.join(".site.new-link")).unwrap();
    std::fs::write(root.join(".site.new-file"), "mine").unwrap();

    let (ok, err) = run(&mut build_cmd(root, "2026-11-24"));
    assert!(ok, "{err}");
    let mut kept = vec![
        ".site.new-file".to_string(),
        ".site.new-link".into(),
        ".site.new-nomark".into(),
        live_dir.file_name().unwrap().to_string_lossy().into_owned(),
    ];
    kept.sort();
    assert_eq!(leftovers(root, "site"), kept);
    assert!(live_dir.join("index.html").is_file());
    assert!(unmarked.join("notes.txt").is_file());
    assert!(elsewhere.path().join("precious.txt").is_file());
    assert!(elsewhere.path().join(".careerbook-output").is_file());

    // `clean` says it leaves the live one; the build then finishes.
    std::fs::create_dir(&dead).unwrap();
    std::fs::write(dead.join(".careerbook-output"), "").unwrap();
    let (ok, err) = run(common::careerbook().arg("clean").arg(root));
    assert!(ok, "{err}");
    assert!(
        err.contains("Removed 1 staging folder left by interrupted builds"),
        "{err}"
    );
    assert!(err.contains("a running build is writing it"), "{err}");
    assert!(!dead.exists() && !site.exists());
    assert!(live_dir.join("index.html").is_file());
    live.commit().unwrap();
    assert_eq!(
        std::fs::read_to_string(site.join("index.html")).unwrap(),
        "<html>live</html>"
    );
    assert!(!live_dir.exists());
}

/// Several builds of one project at once: each succeeds, and the site is one
/// of theirs, whole (each build is for another day, so their sites differ).
#[test]
fn builds_at_the_same_time_leave_one_whole_site() {
    let project = Project::from_fixture("minimal");
    let root = project.root();
    let days = ["2026-11-24", "2027-01-15", "2027-03-01", "2027-06-30"];
    let expected: Vec<_> = days
        .iter()
        .map(|day| {
            let alone = Project::from_fixture("minimal");
            let (ok, err) = run(&mut build_cmd(alone.root(), day));
            assert!(ok, "{err}");
            snapshot(&alone.root().join("site"))
        })
        .collect();
    assert!(
        expected[0] != expected[1],
        "the days should give other sites"
    );
    for round in 0..3 {
        let children: Vec<_> = days
            .iter()
            .map(|day| spawn(&mut build_cmd(root, day)))
            .collect();
        for child in children {
            let (ok, err) = child.finish();
            assert!(ok, "round {round}: a build failed:\n{err}");
        }
        let site = snapshot(&root.join("site"));
        assert!(
            expected.contains(&site),
            "round {round}: the site is no single build's: {:?}",
            names(&site)
        );
        assert_eq!(leftovers(root, "site"), Vec::<String>::new());
    }
}

/// A page that cannot be read: the error names it and says what is wrong; the
/// last good site stays.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let project = Project::from_fixture("minimal");
    let root = project.root();
    let (ok, err) = run(&mut build_cmd(root, "2026-11-24"));
    assert!(ok, "{err}");
    let good = snapshot(&root.join("site"));
    let page = root.join("content/chapter.md");
    std::fs::set_permissions(&page, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (ok, err) = run(&mut without_root_powers(build_cmd(root, "2026-11-24")));
    std::fs::set_permissions(&page, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(!ok, "the build should fail");
    assert!(err.contains("content/chapter.md"), "{err}");
    assert!(err.to_lowercase().contains("permission denied"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(snapshot(&root.join("site")) == good);
}

/// An output folder in a folder that cannot be written: the error names the
/// folder and says how to fix it; the last good site stays, nothing is left.
#[cfg(unix)]
#[test]
fn an_unwritable_output_folder_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let project = Project::from_fixture("minimal");
    let root = project.root();
    let shelf = root.join("shelf");
    let out = shelf.join("site");
    let build = || {
        let mut cmd = build_cmd(root, "2026-11-24");
        cmd.arg("--out").arg(&out);
        cmd
    };
    let (ok, err) = run(&mut build());
    assert!(ok, "{err}");
    let good = snapshot(&out);
    std::fs::set_permissions(&shelf, std::fs::Permissions::from_mode(0o555)).unwrap();
    let (ok, err) = run(&mut without_root_powers(build()));
    std::fs::set_permissions(&shelf, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(!ok, "the build should fail");
    assert!(err.contains(&shelf.display().to_string()), "{err}");
    assert!(err.to_lowercase().contains("permission denied"), "{err}");
    assert!(
        err.contains("help:") && err.contains("permissions"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(snapshot(&out) == good);
    assert_eq!(leftovers(&shelf, "site"), Vec::<String>::new());
}

/// A tmpfs mounted for one test, unmounted however the test ends (then the
/// temporary folder that held the mount point goes).
struct Tmpfs(PathBuf, #[allow(dead_code)] tempfile::TempDir);

impl Tmpfs {
    /// `None` (said loudly) when not root or mounting is not allowed.
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let mnt = dir.path().join("mnt");
        std::fs::create_dir(&mnt).unwrap();
        if !is_root() {
            eprintln!("SKIPPED: a full disk needs root, to mount a small tmpfs (CI runs as root)");
            return None;
        }
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&mnt)
            .output()
            .expect("running as root, `mount` (util-linux) must be installed");
        assert!(
            out.status.success(),
            "cannot mount a tmpfs as root: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(Tmpfs(mnt, dir))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            // Busy: detach it, so no mount outlives the test.
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

/// The disk fills up during a build: a clear error naming the output folder,
/// the last good site byte for byte, no staging folder left; with room again,
/// the build succeeds.
#[test]
fn a_full_disk_keeps_the_last_good_site() {
    let Some(disk) = Tmpfs::mount("2m") else {
        return;
    };
    let project = Project::from_fixture("minimal");
    let root = project.root();
    let out = disk.0.join("site");
    let build = || {
        let mut cmd = build_cmd(root, "2026-11-24");
        cmd.arg("--out").arg(&out);
        cmd
    };
    let (ok, err) = run(&mut build());
    assert!(ok, "{err}");
    let good = snapshot(&out);
    // Fill the disk, then give back a little: the next build starts, and runs
    // out of room part-way.
    let filler = disk.0.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let chunk = vec![7u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        match f.write(&chunk) {
            Ok(0) => break,
            Ok(n) => size += n as u64,
            Err(e) => {
                assert_eq!(e.raw_os_error(), Some(28), "{e}");
                break;
            }
        }
    }
    f.set_len(size.saturating_sub(16 * 1024)).unwrap();
    f.sync_all().unwrap();
    drop(f);
    let (ok, err) = run(&mut build());
    assert!(!ok, "the build should fail on a full disk");
    assert!(
        err.to_lowercase().contains("no space left on device"),
        "{err}"
    );
    assert!(err.contains(&out.display().to_string()), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(snapshot(&out) == good, "the last good site changed");
    assert_eq!(leftovers(&disk.0, "site"), Vec::<String>::new());
    std::fs::remove_file(&filler).unwrap();
    let (ok, err) = run(&mut build());
    assert!(ok, "{err}");
    assert!(snapshot(&out) == good);
    assert_eq!(leftovers(&disk.0, "site"), Vec::<String>::new());
}
