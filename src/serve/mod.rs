//! `careerbook serve`: build the workbook, serve the site on this machine, rebuild
//! it when a source changes and reload the browser.
//!
//! The pieces:
//! - [`start`] builds once, binds, and runs an axum server whose only file
//!   handler is tower-http's `ServeDir` on the output folder, behind a guard
//!   ([`guard`]) that refuses anything that could leave that folder.
//! - A builder thread owns the file watcher: debounced changes under book.toml,
//!   content/, data/ and themes/ rebuild the site with
//!   [`crate::render_project`] and [`crate::output::write_site`]. A failed
//!   rebuild writes nothing, so the last good site stays served.
//! - Each build's outcome is a [`Status`], published on a `tokio::sync::watch`
//!   channel. Before they are written, the builder gives every page a small
//!   script (rendering knows nothing of it) that follows
//!   `/__careerbook/events` (server-sent events): it reloads after a good
//!   rebuild and shows the diagnostics over the page after a failed one.
//!
//! Nothing lives in globals: the server's state is an [`Arc`] handed to the
//! handlers, and [`ServerHandle::shutdown`] stops the server, the watcher and the
//! builder.

mod builder;
pub mod guard;

use std::convert::Infallible;
use std::io::IsTerminal as _;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use futures_util::Stream;
use serde::Serialize;
use tokio::sync::watch;
use tower_http::services::ServeDir;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, render_human};
use crate::options::Options;
use crate::output::{self, OutputError};

/// Where the server's own endpoints live; no page of a site can be there, since
/// content paths never start with an underscore folder of this name.
pub const PREFIX: &str = "/__careerbook/";
/// Server-sent events: `status` on connect, then `reload` or `failed` after each
/// rebuild. The data of each is a [`Status`] as JSON.
pub const EVENTS_PATH: &str = "/__careerbook/events";
/// The current [`Status`] as JSON.
pub const STATUS_PATH: &str = "/__careerbook/status";
/// The live-reload script the pages load.
pub const SCRIPT_PATH: &str = "/__careerbook/live.js";
/// A cohort's members' tree (each member's workbook under `<id>/`, and the
/// cohort report), which `build` writes outside the output folder: served
/// here, apart from the guide at `/`.
pub const MEMBERS_PATH: &str = "/__careerbook/members/";

/// The script: follows the event stream, reloads, draws the overlay. It builds
/// the overlay with DOM nodes and `textContent` only, so no diagnostic text is
/// ever parsed as HTML; it is a same-origin file, not inline code, so it runs
/// under a `script-src 'self'` Content-Security-Policy.
pub const SCRIPT: &str = include_str!("live.js");

/// What `careerbook serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The project, the output folder, today, private: as for `build`.
    pub build: Options,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the site in a browser once it is served ([`run`] only).
    pub open: bool,
    /// Colour the diagnostics printed to the terminal.
    pub color: bool,
    /// Print nothing to the terminal (tests).
    pub quiet: bool,
    /// How long the sources must be still before a rebuild starts.
    pub debounce: Duration,
}

impl ServeOptions {
    /// Loopback, port 3000, no browser, a 100 ms debounce.
    pub fn new(root: impl Into<PathBuf>, today: NaiveDate) -> Self {
        ServeOptions {
            build: Options::new(root, today),
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 3000,
            open: false,
            color: false,
            quiet: false,
            debounce: Duration::from_millis(100),
        }
    }
}

/// The outcome of the latest build, as the browser and `/__careerbook/status`
/// see it.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// The last good build, the one being served. Every page of a build carries
    /// its version; a page whose version differs from a good status reloads.
    pub version: String,
    /// Whether the latest build succeeded (otherwise the site is the last good one).
    pub ok: bool,
    /// The latest build's diagnostics, sorted, as `careerbook build` prints them:
    /// the errors and warnings of a failed build, the warnings of a good one.
    pub diagnostics: Vec<StatusDiagnostic>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusDiagnostic {
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    /// `file:line:column`, as far as it is known.
    pub location: String,
    /// The diagnostic as the terminal shows it, without colour: header, source
    /// line with a caret, help.
    pub rendered: String,
}

impl StatusDiagnostic {
    fn new(d: Diagnostic, root: &Path) -> Self {
        StatusDiagnostic {
            location: d.location(),
            rendered: render_human(std::slice::from_ref(&d), root, false)
                .trim_end()
                .to_string(),
            diagnostic: d,
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot watch {path} for changes: {source}")]
    Watch {
        path: PathBuf,
        source: notify_debouncer_full::notify::Error,
    },
    #[error("cannot start the server: {0}")]
    Io(#[from] std::io::Error),
}

impl ServeError {
    pub fn help(&self) -> Option<&'static str> {
        match self {
            ServeError::Output(e) => Some(e.help()),
            ServeError::Bind { .. } => Some(
                "another program may be using the port: choose another with --port, or --port 0 for any free one",
            ),
            ServeError::Watch { .. } => Some(
                "on Linux, the limit of watched folders may be too low (fs.inotify.max_user_watches)",
            ),
            ServeError::Io(_) => None,
        }
    }
}

/// The warning printed when the server listens beyond this machine, or `None`
/// for a loopback address.
pub fn bind_warning(ip: IpAddr) -> Option<String> {
    if ip.is_loopback() {
        return None;
    }
    let who = if ip.is_unspecified() {
        "every network this machine is on".to_string()
    } else {
        format!("the network at {ip}")
    };
    Some(format!(
        "warning: serving to {who}, not just this machine. Your workbook may hold personal data \
         (names, notes about people, your plans): anyone who can reach this address can read it. \
         Use --bind 127.0.0.1 to keep it private."
    ))
}

/// This machine's address on its network, as others there reach a server
/// bound to every address (`--bind 0.0.0.0`): the one the system would send
/// from to a far address. Connecting a UDP socket sends nothing; it only
/// asks the system for a route. `None` without one (no network).
fn network_address(wildcard: IpAddr) -> Option<IpAddr> {
    let (local, far): (SocketAddr, SocketAddr) = match wildcard {
        // Documentation addresses (RFC 5737, RFC 3849): routed like any other.
        IpAddr::V4(_) => (
            (Ipv4Addr::UNSPECIFIED, 0).into(),
            (Ipv4Addr::new(192, 0, 2, 1), 9).into(),
        ),
        IpAddr::V6(_) => (
            (Ipv6Addr::UNSPECIFIED, 0).into(),
            (Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1), 9).into(),
        ),
    };
    let socket = std::net::UdpSocket::bind(local).ok()?;
    socket.connect(far).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

/// `--bind`: an IP address, or `localhost`.
pub fn parse_bind(s: &str) -> Result<IpAddr, String> {
    if s.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    s.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .map_err(|_| format!("`{s}` is not an IP address; e.g. 127.0.0.1, ::1 or 0.0.0.0"))
}

/// What the handlers share.
struct AppState {
    /// The output folder, as given (it is replaced whole by every build).
    out: PathBuf,
    /// A cohort's members' folder: served under [`MEMBERS_PATH`] once a build
    /// has made it (it carries careerbook's marker).
    members: PathBuf,
    status: watch::Receiver<Arc<Status>>,
    shutdown: watch::Receiver<bool>,
    /// Answer only requests whose Host names this machine (against DNS
    /// rebinding), when listening on loopback.
    loopback_only: bool,
}

/// A running server. Dropping it asks everything to stop without waiting;
/// [`ServerHandle::shutdown`] waits.
pub struct ServerHandle {
    addr: SocketAddr,
    out: PathBuf,
    status: watch::Receiver<Arc<Status>>,
    shutdown: watch::Sender<bool>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    builder: Option<builder::BuilderThread>,
}

impl ServerHandle {
    /// The address the server listens on (with the real port when 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT/`, the address to open (loopback for a wildcard bind).
    pub fn url(&self) -> String {
        let ip = match self.addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            ip => ip,
        };
        format!("http://{}/", SocketAddr::new(ip, self.addr.port()))
    }

    /// The output folder being served.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// The outcome of the latest build.
    pub fn status(&self) -> Arc<Status> {
        self.status.borrow().clone()
    }

    /// Stop accepting, end the event streams, let requests in flight finish,
    /// stop the watcher and the builder (after the build in progress, if any).
    pub async fn shutdown(mut self) {
        self.shutdown.send_replace(true);
        if let Some(mut server) = self.server.take() {
            // Connections close once their response is done; a client that
            // never reads its response does not hold us up for long.
            if tokio::time::timeout(Duration::from_secs(5), &mut server)
                .await
                .is_err()
            {
                server.abort();
            }
        }
        if let Some(builder) = self.builder.take() {
            let _ = tokio::task::spawn_blocking(move || builder.stop()).await;
        }
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        self.shutdown.send_replace(true);
        if let Some(builder) = self.builder.take() {
            builder.stop_nonblocking();
        }
    }
}

/// Build the site, start watching and serving. Returns once the server listens,
/// whether or not the first build succeeded (a failed one is reported in
/// [`ServerHandle::status`] and the browser, and serving shows the last good
/// site, if any). Must be called inside a Tokio runtime with I/O and time enabled.
pub async fn start(opts: ServeOptions) -> Result<ServerHandle, ServeError> {
    let out = match &opts.build.out {
        Some(out) => out.clone(),
        None => {
            // A broken book.toml is reported by the first build; until it is
            // fixed, the default output folder is used.
            let config = Config::load(&opts.build.root).unwrap_or_default();
            opts.build.root.join(config.build.output)
        }
    };
    // Never serve (or replace) the project itself or a folder careerbook did not make.
    output::check_target(&opts.build.root, &out)?;
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    let addr = listener.local_addr()?;

    let (builder, status) = {
        let opts = opts.clone();
        let out = out.clone();
        tokio::task::spawn_blocking(move || builder::BuilderThread::start(&opts, out))
            .await
            .map_err(|e| ServeError::Io(std::io::Error::other(e)))??
    };

    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let config = Config::load(&opts.build.root).unwrap_or_default();
    let state = Arc::new(AppState {
        members: output::members_folder(&opts.build.root, &out, &config),
        out: out.clone(),
        status: status.clone(),
        shutdown: shutdown_rx.clone(),
        loopback_only: opts.bind.is_loopback(),
    });
    let app = router(state);
    let mut stop = shutdown_rx;
    let server = tokio::spawn(
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stop.wait_for(|s| *s).await;
            })
            .into_future(),
    );
    Ok(ServerHandle {
        addr,
        out,
        status,
        shutdown: shutdown_tx,
        server: Some(server),
        builder: Some(builder),
    })
}

/// `careerbook serve`: start, print the address, wait for Ctrl-C, stop.
pub fn run(opts: ServeOptions) -> ExitCode {
    // Serve keeps going through a project's errors, but not without a project.
    if let Err(d) = crate::load::project_folder(&opts.build.root) {
        crate::say!(
            "{}",
            crate::diagnostics::render_human(&[d], &opts.build.root, opts.color)
        );
        return ExitCode::FAILURE;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            crate::sayln!("error: cannot start the server: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        if let Some(warning) = bind_warning(opts.bind) {
            crate::sayln!("{warning}");
        }
        let open = opts.open;
        let cohort = opts.build.root.join("data/people").is_dir();
        let handle = match start(opts).await {
            Ok(h) => h,
            Err(e) => {
                crate::sayln!("error: {e}");
                if let Some(help) = e.help() {
                    crate::sayln!("help: {help}");
                }
                return ExitCode::FAILURE;
            }
        };
        let url = handle.url();
        crate::sayln!("Serving {url}");
        if handle.addr().ip().is_unspecified()
            && let Some(ip) = network_address(handle.addr().ip())
        {
            crate::sayln!(
                "Others on your network: http://{}/",
                SocketAddr::new(ip, handle.addr().port())
            );
        }
        if cohort {
            crate::sayln!(
                "The members' workbooks: {url}{}",
                MEMBERS_PATH.trim_start_matches('/')
            );
        }
        crate::sayln!("Watching for changes; press Ctrl-C to stop.");
        if open {
            // Quietly: no browser is no problem, the address is printed above.
            tokio::task::spawn_blocking(move || {
                let _ = opener::open_browser(url);
            });
        }
        stop_signal().await;
        crate::sayln!("Stopping…");
        let out = handle.out().to_path_buf();
        handle.shutdown().await;
        crate::sayln!(
            "{} holds the served build, with the live-reload script: to publish, build it for the web with `careerbook build --public`.",
            out.display()
        );
        ExitCode::SUCCESS
    })
}

/// Ctrl-C, or SIGTERM on Unix.
async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            // No signal handling: run until killed.
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => ctrl_c.await,
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await;
}

/// Whether the terminal takes colour, the way `main` decides it.
pub fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// The tag each page gets at the end of `<body>` in serve's builds.
pub fn script_tag(version: &str) -> String {
    // The version is ours (hex and digits), but escape it all the same.
    format!(
        "<script src=\"{SCRIPT_PATH}\" data-careerbook-version=\"{}\" defer></script>",
        crate::templates::escape_html(version)
    )
}

fn router(state: Arc<AppState>) -> Router {
    let files = ServeDir::new(&state.out)
        .append_index_html_on_directories(true)
        .not_found_service(get(not_found).with_state(state.clone()));
    let members = ServeDir::new(&state.members)
        .append_index_html_on_directories(true)
        .not_found_service(get(not_found).with_state(state.clone()));
    Router::new()
        .route(EVENTS_PATH, get(events))
        .route(STATUS_PATH, get(status_json))
        .route(SCRIPT_PATH, get(script))
        .nest_service(MEMBERS_PATH.trim_end_matches('/'), members)
        .fallback_service(files)
        .layer(middleware::from_fn_with_state(state.clone(), guard_layer))
        .with_state(state)
}

/// Every request passes here first: the Host check, then the path check, and
/// no caching of anything (the site changes under the browser).
async fn guard_layer(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    if state.loopback_only && !guard::host_is_local(req.headers().get(header::HOST)) {
        return (
            StatusCode::FORBIDDEN,
            "careerbook serve only answers requests for this machine (localhost).\n",
        )
            .into_response();
    }
    let path = req.uri().path();
    let members = MEMBERS_PATH.trim_end_matches('/');
    let in_members = match path.strip_prefix(members) {
        Some("") => Some("/"),
        rest => rest.filter(|r| r.starts_with('/')),
    };
    let checked = match in_members {
        // Only a folder a cohort's build made: never another folder of the project.
        Some(rest) if state.members.join(output::MARKER).is_file() => {
            guard::check_path(&state.members, rest)
        }
        Some(_) => Err(guard::Refusal::NotFound),
        None => guard::check_path(&state.out, path),
    };
    if let Err(refusal) = checked {
        return refusal.into_response();
    }
    let mut res = next.run(req).await;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

impl IntoResponse for guard::Refusal {
    fn into_response(self) -> Response {
        match self {
            guard::Refusal::BadPath => {
                (StatusCode::BAD_REQUEST, "This path is not allowed.\n").into_response()
            }
            guard::Refusal::NotFound => (StatusCode::NOT_FOUND, "Not found.\n").into_response(),
            guard::Refusal::TooLong => {
                (StatusCode::URI_TOO_LONG, "This path is too long.\n").into_response()
            }
        }
    }
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

async fn status_json(State(state): State<Arc<AppState>>) -> Response {
    let status = state.status.borrow().clone();
    (
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_string(&*status).expect("a status always serialises"),
    )
        .into_response()
}

fn status_event(name: &'static str, status: &Status) -> Event {
    Event::default()
        .event(name)
        .retry(Duration::from_secs(1))
        .data(serde_json::to_string(status).expect("a status always serialises"))
}

/// `status` with the current state at once, then `reload` or `failed` after each
/// build; the stream ends when the server stops.
async fn events(
    State(state): State<Arc<AppState>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    struct Follow {
        status: watch::Receiver<Arc<Status>>,
        shutdown: watch::Receiver<bool>,
        first: bool,
    }
    let follow = Follow {
        status: state.status.clone(),
        shutdown: state.shutdown.clone(),
        first: true,
    };
    let stream = futures_util::stream::unfold(follow, |mut f| async move {
        if f.first {
            f.first = false;
            let now = f.status.borrow_and_update().clone();
            return Some((Ok(status_event("status", &now)), f));
        }
        let changed = tokio::select! {
            changed = f.status.changed() => changed.is_ok(),
            _ = f.shutdown.wait_for(|s| *s) => false,
        };
        if !changed {
            return None;
        }
        let now = f.status.borrow_and_update().clone();
        let name = if now.ok { "reload" } else { "failed" };
        Some((Ok(status_event(name, &now)), f))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The site's 404.html (with the live-reload script, which the theme's page may
/// lack), or a small page of our own when there is none yet. Under a
/// language's folder (`/fr/…`), that language's 404.html.
async fn not_found(State(state): State<Arc<AppState>>, uri: axum::http::Uri) -> Response {
    let version = state.status.borrow().version.clone();
    let tag = script_tag(&version);
    let folder = uri
        .path()
        .trim_start_matches('/')
        .split_once('/')
        .map(|(first, _)| first)
        .filter(|first| !first.is_empty() && !first.starts_with('.'));
    let candidates = folder
        .map(|f| format!("/{f}/404.html"))
        .into_iter()
        .chain(std::iter::once("/404.html".to_string()));
    let mut page = None;
    for candidate in candidates {
        if guard::check_path(&state.out, &candidate).is_ok()
            && let Ok(html) =
                tokio::fs::read_to_string(state.out.join(candidate.trim_start_matches('/'))).await
        {
            page = Some(html);
            break;
        }
    }
    let html = match page {
        Some(html) if html.contains("data-careerbook-version") => html,
        Some(mut html) => {
            match html.rfind("</body>") {
                Some(at) => html.insert_str(at, &format!("{tag}\n")),
                None => html.push_str(&tag),
            }
            html
        }
        None => format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Not found</title>\
             <meta name=\"color-scheme\" content=\"light dark\"></head>\n<body>\n<h1>Not found</h1>\n\
             <p>There is no page here{}.</p>\n<p><a href=\"/\">Go to the start</a></p>\n{tag}\n</body>\n</html>\n",
            if state.out.join("index.html").is_file() {
                ""
            } else {
                ": the workbook has not been built yet"
            }
        ),
    };
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_network_address_is_one_others_can_reach() {
        // On a machine with a network, an address of its own family that is
        // neither loopback nor the wildcard; without one, none.
        for wildcard in [Ipv4Addr::UNSPECIFIED.into(), Ipv6Addr::UNSPECIFIED.into()] {
            if let Some(ip) = network_address(wildcard) {
                assert_eq!(ip.is_ipv4(), wildcard.is_ipv4(), "{ip}");
                assert!(!ip.is_loopback() && !ip.is_unspecified(), "{ip}");
            }
        }
    }

    #[test]
    fn only_loopback_binds_are_quiet() {
        assert_eq!(bind_warning("127.0.0.1".parse().unwrap()), None);
        assert_eq!(bind_warning("127.0.0.2".parse().unwrap()), None);
        assert_eq!(bind_warning("::1".parse().unwrap()), None);
        for ip in ["0.0.0.0", "::", "192.168.1.10"] {
            let w = bind_warning(ip.parse().unwrap()).unwrap();
            assert!(w.contains("personal data"), "{w}");
        }
    }

    #[test]
    fn bind_takes_localhost_and_addresses() {
        assert_eq!(parse_bind("localhost"), Ok(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        assert_eq!(parse_bind("[::1]"), Ok(IpAddr::V6(Ipv6Addr::LOCALHOST)));
        assert!(parse_bind("example.org").is_err());
    }

    #[test]
    fn the_script_tag_carries_the_version() {
        let tag = script_tag("ab-3");
        assert!(tag.contains("data-careerbook-version=\"ab-3\""), "{tag}");
        assert!(tag.contains(SCRIPT_PATH), "{tag}");
    }

    #[test]
    fn the_script_never_parses_html() {
        assert!(!SCRIPT.contains("innerHTML"));
        assert!(!SCRIPT.contains("insertAdjacentHTML"));
        assert!(SCRIPT.contains("textContent"));
    }
}
