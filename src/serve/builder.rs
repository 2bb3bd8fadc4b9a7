//! The builder thread: owns the file watcher, rebuilds the site when a source
//! changes, publishes each outcome as a [`Status`].

use std::collections::{BTreeSet, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Instant;

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use tokio::sync::watch;

use super::MEMBERS_PATH;
use super::{ServeError, ServeOptions, Status, StatusDiagnostic, script_tag};
use crate::audience::Audience;
use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, render_human};
use crate::load::content::is_ignored;
use crate::options::Options;
use crate::{OutputFile, output, render_project};

/// The source folders of a project, watched recursively.
const SOURCES: [&str; 3] = ["content", "data", "themes"];

enum Msg {
    Changed(Vec<PathBuf>),
    WatchErrors(Vec<String>),
    Stop,
}

type Watcher = Debouncer<notify_debouncer_full::notify::RecommendedWatcher, RecommendedCache>;

pub(super) struct BuilderThread {
    tx: mpsc::Sender<Msg>,
    thread: JoinHandle<()>,
}

impl BuilderThread {
    /// Build once, start watching, and hand the watcher to a thread that
    /// rebuilds on every change.
    pub(super) fn start(
        opts: &ServeOptions,
        out: PathBuf,
    ) -> Result<(BuilderThread, watch::Receiver<Arc<Status>>), ServeError> {
        let mut builder = Builder::new(opts, out);
        let first = builder.build(None);
        let (status_tx, status_rx) = watch::channel(Arc::new(first));

        let (tx, rx) = mpsc::channel();
        let events = tx.clone();
        let mut watcher = new_debouncer(opts.debounce, None, move |res: DebounceEventResult| {
            let msg = match res {
                Ok(events) => Msg::Changed(
                    events
                        .into_iter()
                        // Reading a file is no change.
                        .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                        .flat_map(|e| e.event.paths)
                        .collect(),
                ),
                Err(errors) => Msg::WatchErrors(errors.iter().map(|e| e.to_string()).collect()),
            };
            let _ = events.send(msg);
        })
        .map_err(|source| ServeError::Watch {
            path: builder.watch_root.clone(),
            source,
        })?;
        builder.watch(&mut watcher, None)?;

        let thread = std::thread::Builder::new()
            .name("careerbook-serve-builder".into())
            .spawn(move || builder.run(watcher, rx, status_tx))?;
        Ok((BuilderThread { tx, thread }, status_rx))
    }

    /// Stop after the build in progress, stop the watcher, wait for both.
    pub(super) fn stop(self) {
        let _ = self.tx.send(Msg::Stop);
        let _ = self.thread.join();
    }

    pub(super) fn stop_nonblocking(self) {
        let _ = self.tx.send(Msg::Stop);
    }
}

/// Live reload is serve's own: each page gets the script just before its
/// closing `</body>`, after rendering and before it is written.
fn with_reload_script(files: &mut [OutputFile], script: &str) {
    for f in files.iter_mut().filter(|f| f.path.ends_with(".html")) {
        if let Some(at) = memchr::memmem::rfind(&f.bytes, b"</body>") {
            f.bytes.splice(at..at, script.bytes());
        }
    }
}

struct Builder {
    /// The project folder, as given (diagnostics are relative to it).
    root: PathBuf,
    /// The project folder with links resolved: the watcher reports paths under it.
    watch_root: PathBuf,
    out: PathBuf,
    /// `out` under `watch_root`, to ignore the output folder's own churn.
    watch_out: PathBuf,
    /// What each build is asked for (the output folder is `out`).
    options: Options,
    color: bool,
    quiet: bool,
    /// Tells this server's builds apart from another run's, so a page left open
    /// across a restart reloads.
    session: String,
    /// Good builds so far.
    good: u64,
    /// Folders watched (the source folders recursively, others not).
    watched: HashSet<PathBuf>,
    /// Files outside the source folders that the build reads: book.toml and
    /// `additional-css`.
    extra_files: HashSet<PathBuf>,
}

impl Builder {
    fn new(opts: &ServeOptions, out: PathBuf) -> Self {
        let watch_root = opts
            .build
            .root
            .canonicalize()
            .or_else(|_| std::path::absolute(&opts.build.root))
            .unwrap_or_else(|_| opts.build.root.clone());
        let watch_out = match out.canonicalize() {
            Ok(o) => o,
            Err(_) => std::path::absolute(&out).unwrap_or_else(|_| out.clone()),
        };
        Builder {
            root: opts.build.root.clone(),
            watch_root,
            out,
            watch_out,
            options: opts.build.clone(),
            color: opts.color,
            quiet: opts.quiet,
            session: session_id(),
            good: 0,
            watched: HashSet::new(),
            extra_files: HashSet::new(),
        }
    }

    fn version(&self, good: u64) -> String {
        format!("{}-{good}", self.session)
    }

    fn say(&self, text: &str) {
        if !self.quiet {
            crate::say!("{text}");
        }
    }

    /// Build into the output folder and describe the outcome. `why` names what
    /// changed (None for the first build).
    fn build(&mut self, why: Option<&str>) -> Status {
        let started = Instant::now();
        let version = self.version(self.good + 1);
        let (result, mut diags) = render_project(&self.options);
        let written = result.and_then(|mut rendered| {
            let script = script_tag(&version);
            with_reload_script(&mut rendered.site, &script);
            with_reload_script(&mut rendered.members, &script);
            // A cohort's members go to their own folder, as `build` puts them,
            // and are served under MEMBERS_PATH.
            let members = (!rendered.project.members.is_empty())
                .then(|| output::members_folder(&self.root, &self.out, &rendered.project.config));
            let members_written = match &members {
                None => Ok(()),
                Some(m) => output::check_members_target(&self.root, &self.out, m)
                    .and_then(|()| output::write_site(&self.root, m, &rendered.members)),
            };
            if let Err(e) = members_written {
                diags.push(output::members_diagnostic(&e, &self.root));
                return None;
            }
            match output::write_site(&self.root, &self.out, &rendered.site) {
                Ok(()) => Some((rendered.site, members)),
                Err(e) => {
                    diags.push(Diagnostic::error("output", e.to_string()).help(e.help()));
                    None
                }
            }
        });
        let diags = diags.sorted();
        let ms = started.elapsed().as_millis();
        let prefix = why.map(|w| format!("{w}: ")).unwrap_or_default();
        self.say(&render_human(&diags, &self.root, self.color));
        let ok = written.is_some();
        if let Some((files, members)) = written {
            self.good += 1;
            let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
            let verb = if why.is_some() { "rebuilt" } else { "Built" };
            let members = members
                .map(|m| {
                    format!(
                        ", the members' workbooks into {} (served under {MEMBERS_PATH})",
                        m.display()
                    )
                })
                .unwrap_or_default();
            self.say(&format!(
                "{prefix}{verb} {pages} pages into {}{members} in {ms} ms{}\n",
                self.out.display(),
                match self.options.audience {
                    Audience::Private => " — PRIVATE copy: do not publish",
                    Audience::Personal => "",
                    Audience::Public => " — as a --public build shows it",
                }
            ));
        } else {
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let what = match why {
                Some(why) => format!("could not rebuild after {why}"),
                None => "could not build the workbook".into(),
            };
            self.say(&format!(
                "error: {what}: {errors} error{}; {}\n",
                if errors == 1 { "" } else { "s" },
                if self.good > 0 || self.out.join("index.html").is_file() {
                    "still serving the last good site"
                } else {
                    "nothing to serve until it is fixed"
                }
            ));
        }
        Status {
            version: self.version(self.good),
            ok,
            diagnostics: diags
                .into_iter()
                .map(|d| StatusDiagnostic::new(d, &self.root))
                .collect(),
        }
    }

    fn run(
        mut self,
        mut watcher: Watcher,
        rx: mpsc::Receiver<Msg>,
        status: watch::Sender<Arc<Status>>,
    ) {
        'serve: while let Ok(first) = rx.recv() {
            // Take everything already queued: one build for a burst of saves.
            let mut changed = BTreeSet::new();
            for msg in std::iter::once(first).chain(rx.try_iter()) {
                match msg {
                    Msg::Stop => break 'serve,
                    Msg::Changed(paths) => {
                        changed.extend(paths.into_iter().filter(|p| self.is_source(p)))
                    }
                    Msg::WatchErrors(errors) => {
                        for e in errors {
                            self.say(&format!("warning: watching for changes: {e}\n"));
                        }
                    }
                }
            }
            if changed.is_empty() {
                continue;
            }
            if let Err(e) = self.watch(&mut watcher, Some(&changed)) {
                self.say(&format!("warning: {e}\n"));
            }
            let why = self.describe(&changed);
            let outcome = self.build(Some(&why));
            status.send_replace(Arc::new(outcome));
        }
        watcher.stop();
    }

    /// Watch the project folder (not recursively: book.toml, and the source
    /// folders appearing or being replaced), each source folder recursively, and
    /// the folders of `additional-css` files. `changed` (None at the start) says
    /// which folders may need watching anew.
    fn watch(
        &mut self,
        watcher: &mut Watcher,
        changed: Option<&BTreeSet<PathBuf>>,
    ) -> Result<(), ServeError> {
        let mut add = |w: &mut Watcher,
                       dir: PathBuf,
                       mode: RecursiveMode,
                       again: bool|
         -> Result<(), ServeError> {
            if again && self.watched.contains(&dir) {
                let _ = w.unwatch(&dir);
                self.watched.remove(&dir);
            }
            if self.watched.contains(&dir) || !dir.is_dir() {
                return Ok(());
            }
            w.watch(&dir, mode).map_err(|source| ServeError::Watch {
                path: dir.clone(),
                source,
            })?;
            self.watched.insert(dir);
            Ok(())
        };
        add(
            watcher,
            self.watch_root.clone(),
            RecursiveMode::NonRecursive,
            false,
        )?;
        for src in SOURCES {
            let dir = self.watch_root.join(src);
            // A source folder created, deleted or renamed over: watch it afresh.
            let again = changed.is_some_and(|c| c.contains(&dir));
            add(watcher, dir, RecursiveMode::Recursive, again)?;
        }
        let config_changed =
            changed.is_none_or(|c| c.contains(&self.watch_root.join(config::FILE_NAME)));
        if config_changed && let Ok(config) = Config::load(&self.root) {
            self.extra_files.clear();
            for css in &config.output.html.additional_css {
                let path = self.watch_root.join(css);
                let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
                    continue;
                };
                let Ok(dir) = dir.canonicalize() else {
                    continue;
                };
                self.extra_files.insert(dir.join(name));
                if !SOURCES
                    .iter()
                    .any(|s| dir.starts_with(self.watch_root.join(s)))
                {
                    add(watcher, dir, RecursiveMode::NonRecursive, false)?;
                }
            }
        }
        Ok(())
    }

    /// Whether a changed path is something the build reads.
    fn is_source(&self, path: &Path) -> bool {
        if path.starts_with(&self.watch_out) {
            return false;
        }
        if self.extra_files.contains(path) {
            return true;
        }
        let Ok(rel) = path.strip_prefix(&self.watch_root) else {
            return false;
        };
        let mut names = Vec::new();
        for c in rel.components() {
            match c {
                Component::Normal(n) => match n.to_str() {
                    // Editor backups, swap files, dot-folders: never part of the book.
                    Some(n) if !is_ignored(n) => names.push(n),
                    _ => return false,
                },
                _ => return false,
            }
        }
        match names.as_slice() {
            [name] => *name == config::FILE_NAME || SOURCES.contains(name),
            [first, ..] => SOURCES.contains(first),
            [] => false,
        }
    }

    /// "content/chapter.md changed", "3 files changed".
    fn describe(&self, changed: &BTreeSet<PathBuf>) -> String {
        let rel = |p: &PathBuf| {
            p.strip_prefix(&self.watch_root)
                .unwrap_or(p)
                .display()
                .to_string()
        };
        match changed.len() {
            1 => format!("{} changed", rel(changed.first().expect("one"))),
            n => format!(
                "{} and {} other file{} changed",
                rel(changed.first().expect("several")),
                n - 1,
                if n == 2 { "" } else { "s" }
            ),
        }
    }
}

/// A random tag for this run (no clock: only `main` reads it).
fn session_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    format!("{:08x}", h.finish() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_trigger_a_build() {
        let dir = tempfile::tempdir().unwrap();
        let mut opts = ServeOptions::new(dir.path(), chrono::NaiveDate::MIN);
        opts.quiet = true;
        let b = Builder::new(&opts, dir.path().join("site"));
        let root = &b.watch_root;
        for yes in [
            "book.toml",
            "content/chapter.md",
            "content/part/index.md",
            "data/profile.yaml",
            "themes/default/templates/page.html",
            "themes",
        ] {
            assert!(b.is_source(&root.join(yes)), "{yes}");
        }
        for no in [
            "site/index.html",
            ".site.new-abc/index.html",
            "README.md",
            "target/debug/x",
            "content/.chapter.md.swp",
            "content/chapter.md~",
            "content/#chapter.md#",
            "content/notes.tmp",
            "data/.git/HEAD",
            "content/.hidden/page.md",
        ] {
            assert!(!b.is_source(&root.join(no)), "{no}");
        }
        assert!(!b.is_source(Path::new("/elsewhere/book.toml")));
    }
}
