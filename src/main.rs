//! The `careerbook` command line: parse arguments, call the library, print
//! diagnostics, set the exit code. The clock is read here and nowhere else.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand};

use careerbook::audience::Audience;
use careerbook::diagnostics::render_human;
use careerbook::render::SiteStats;
use careerbook::{Options, config, output, say, sayln};

// Many small allocations on every core while rendering: see Cargo.toml.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read when it starts: one arena per CPU. The render's
/// worker threads are one per CPU too, and jemalloc's default of four arenas per
/// CPU leaves more pages partly used, so a build peaks higher.
/// (`percpu_arena` needs Linux's `sched_getcpu`.)
#[cfg(all(target_os = "linux", not(target_env = "msvc")))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static JEMALLOC_CONF: &u8 = &b"percpu_arena:percpu\0"[0];

#[derive(Parser)]
#[command(
    name = "careerbook",
    version,
    about = "Build your career workbook on mentors and sponsors: guidance, a dashboard, checklists, drafts and a calendar, as a static site and a PDF",
    long_about = None,
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the workbook into a static site
    Build {
        /// The workbook project folder
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Output folder (default: `[build] output` in book.toml, normally `site`)
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// The date to treat as today, YYYY-MM-DD (default: the system date)
        #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Include private notes and people; the site says so on every page
        #[arg(long)]
        private: bool,
        /// For the web: the guidance and your own progress and plan, no other person
        #[arg(long, conflicts_with = "private")]
        public: bool,
        /// In a cohort (data/people/<id>/), build only this member's workbook
        #[arg(long, value_name = "ID")]
        person: Option<String>,
        /// Also typeset the PDF workbook (site/workbook.pdf; one per language, in site/fr/ for
        /// French; in a cohort, members/<id>/workbook.pdf for each member, and the blank
        /// workbook in site/)
        #[arg(long)]
        pdf: bool,
    },
    /// Typeset the workbook as a PDF, personalized or blank
    Pdf {
        /// The workbook project folder
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The PDF to write, or a folder to write it in (default: workbook.pdf, or brief.pdf with
        /// --brief; -blank before .pdf with --blank; in DIR). In a cohort, the folder for the
        /// members' PDFs (default: pdfs/ in DIR), or with --person, that member's PDF
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// The date to treat as today, YYYY-MM-DD (default: the system date)
        #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Include private notes and people; every page says so
        #[arg(long)]
        private: bool,
        /// For the web: the guidance and your own progress and plan, no other person
        #[arg(long, conflicts_with = "private")]
        public: bool,
        /// No personal data: fill-in tables, empty checkboxes, templates with blanks
        #[arg(long, conflicts_with_all = ["private", "public"])]
        blank: bool,
        /// The one-page sponsor brief (brief.pdf) instead of the workbook
        #[arg(long)]
        brief: bool,
        /// In a cohort, typeset only this member's workbook
        #[arg(long, value_name = "ID")]
        person: Option<String>,
        /// One of the book's languages ([book] languages), such as fr-CA (default: the first,
        /// or in a cohort each member's own); another is written as workbook.fr.pdf
        #[arg(long, value_name = "TAG")]
        lang: Option<String>,
    },
    /// Build, serve the site on this machine, and rebuild and reload it as you edit
    Serve {
        /// The workbook project folder
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Output folder (default: `[build] output` in book.toml, normally `site`)
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// The port to listen on; 0 picks a free one
        #[arg(long, default_value_t = 3000)]
        port: u16,
        /// The address to listen on; anything but loopback shares your workbook with the network
        #[arg(long, default_value = "127.0.0.1", value_parser = careerbook::serve::parse_bind, value_name = "ADDRESS")]
        bind: std::net::IpAddr,
        /// Open the site in a web browser
        #[arg(long)]
        open: bool,
        /// The date to treat as today, YYYY-MM-DD (default: the system date when serve starts)
        #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Include private notes and people; the site says so on every page
        #[arg(long)]
        private: bool,
        /// Preview the public build: the guidance and your own progress and plan, no other person
        #[arg(long, conflicts_with = "private")]
        public: bool,
    },
    /// Check the project for problems without writing anything
    Check {
        /// The workbook project folder
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// How to print the problems: for people, or one JSON object per line for editors and CI
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        deny_warnings: bool,
        /// The date to treat as today, YYYY-MM-DD (default: the system date)
        #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Also check what a build for this audience would publish: `public` reports every page
        /// that would show a person you track
        #[arg(long, value_enum, value_name = "AUDIENCE")]
        audience: Option<AudienceArg>,
    },
    /// Write JSON Schemas for the data files, for editors to complete and validate YAML
    Schema {
        /// Folder to write the data files' schemas and template-context.schema.json into
        #[arg(long, short, default_value = "schemas")]
        out: PathBuf,
    },
    /// Create a new workbook project
    Init {
        /// Where to create it (created if missing)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Write into a folder that is not empty (existing files are never overwritten)
        #[arg(long)]
        force: bool,
        /// Also copy the default theme, to customize it
        #[arg(long)]
        theme: bool,
        /// Copy the whole guidance into content/ to own every page (by default it
        /// is built in, and content/ holds only the pages you replace or add)
        #[arg(long)]
        content: bool,
    },
    /// Copy built-in pages of the guidance into content/, or files of the
    /// theme into your theme folder, to edit them (never overwriting a file);
    /// list them, or show how yours differ
    Eject {
        /// Built-in pages (`sponsors/finding-sponsors.md`), parts (`messages/`),
        /// or theme files and folders (`theme/templates/page.html`, `theme/print/`)
        #[arg(value_name = "PATH", required_unless_present = "list")]
        paths: Vec<String>,
        /// The workbook project folder
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// List the built-in pages and theme files, and which ones the project replaces
        #[arg(long, conflicts_with_all = ["paths", "diff"])]
        list: bool,
        /// Show how each page or theme file of yours differs from the built-in one, instead of copying
        #[arg(long)]
        diff: bool,
    },
    /// Remove the built site
    Clean {
        /// The workbook project folder
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Output folder to remove (default: `[build] output` in book.toml)
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
}

/// `--audience`, as the command line spells it.
#[derive(Clone, Copy, clap::ValueEnum)]
enum AudienceArg {
    Private,
    Personal,
    Public,
}

impl From<AudienceArg> for Audience {
    fn from(a: AudienceArg) -> Audience {
        match a {
            AudienceArg::Private => Audience::Private,
            AudienceArg::Personal => Audience::Personal,
            AudienceArg::Public => Audience::Public,
        }
    }
}

/// `--private`, `--public` or neither (clap refuses both).
fn audience(private: bool, public: bool) -> Audience {
    if private {
        Audience::Private
    } else if public {
        Audience::Public
    } else {
        Audience::Personal
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

/// `--today`: the same rule, and the same advice, as a date in a data file.
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    use careerbook::model::date::{date_help, parse_iso_date};
    parse_iso_date(s).map_err(|e| format!("{e}\n\nhelp: {}", date_help(s)))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve { .. }) {
        end_quietly_on_a_closed_pipe();
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match cli.command {
        Command::Build {
            dir,
            out,
            today,
            private,
            public,
            person,
            pdf,
        } => build(
            &Options {
                out,
                audience: audience(private, public),
                person,
                pdf,
                ..Options::new(dir, today_or_now(today))
            },
            color,
        ),
        Command::Pdf {
            dir,
            out,
            today,
            private,
            public,
            blank,
            brief,
            person,
            lang,
        } => pdf(
            &Options {
                out,
                audience: audience(private, public),
                person,
                blank,
                brief,
                lang,
                ..Options::new(dir, today_or_now(today))
            },
            color,
        ),
        Command::Serve {
            dir,
            out,
            port,
            bind,
            open,
            today,
            private,
            public,
        } => {
            let mut serve = careerbook::serve::ServeOptions::new(dir, today_or_now(today));
            serve.build.out = out;
            serve.build.audience = audience(private, public);
            serve.port = port;
            serve.bind = bind;
            serve.open = open;
            serve.color = color;
            careerbook::serve::run(serve)
        }
        Command::Check {
            dir,
            format,
            deny_warnings,
            today,
            audience,
        } => check(
            &dir,
            format,
            deny_warnings,
            today_or_now(today),
            audience.map(Audience::from),
            color,
        ),
        Command::Schema { out } => schema(&out),
        Command::Init {
            dir,
            force,
            theme,
            content,
        } => init(&dir, force, theme, content),
        Command::Clean { dir, out } => clean(&dir, out, color),
        Command::Eject {
            paths,
            dir,
            list,
            diff,
        } => eject(&dir, &paths, list, diff, color),
        Command::Completions { shell } => {
            // Made whole first: clap_complete panics when it cannot write.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "careerbook", &mut script);
            if write_out(&script) {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// Write a command's output (what is piped or redirected: JSON, a listing, a
/// diff, a completion script) to stdout. A failure, such as a full disk, is an
/// error with a message rather than a panic; `false` then.
fn write_out(bytes: &[u8]) -> bool {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => true,
        Err(e) => {
            sayln!("error: cannot write the output: {e}");
            false
        }
    }
}

/// Output piped into a reader that stops early (`careerbook check --format json
/// | head`) ends careerbook as it ends `cat` or `grep`: quietly, killed by
/// SIGPIPE. Rust ignores that signal, so each print to a closed pipe would
/// panic instead. Not for `serve`: its connections are written with `writev`,
/// which raises the signal too, and a browser closing one must not stop the
/// server.
fn end_quietly_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: `signal` only puts back the system's default action for SIGPIPE,
    // before careerbook starts a thread or installs a handler of its own.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// The clock is read here, once, and nowhere below `main`.
fn today_or_now(today: Option<NaiveDate>) -> NaiveDate {
    today.unwrap_or_else(|| chrono::Local::now().date_naive())
}

fn build(opts: &Options, color: bool) -> ExitCode {
    let started = Instant::now();
    let dir = opts.root.as_path();
    let mut line = ProgressLine::on_stderr();
    let built = careerbook::build_reporting(opts, |p| line.show(p));
    line.clear();
    match built {
        Ok(report) => {
            say!("{}", render_human(&report.warnings, dir, color));
            let ms = started.elapsed().as_millis();
            let built = |what: &str, stats: SiteStats, out: &Path, note: &str| {
                let SiteStats {
                    pages,
                    files,
                    bytes,
                    pdfs,
                } = stats;
                let pdfs = match pdfs {
                    0 => String::new(),
                    n => format!(" and {n} PDF{}", plural(n)),
                };
                sayln!(
                    "Built {what}{pages} pages{pdfs} ({files} files, {}) into {} in {ms} ms — {note}",
                    human_bytes(bytes),
                    out.display(),
                )
            };
            let site = SiteStats {
                pages: report.pages,
                files: report.files,
                bytes: report.bytes,
                pdfs: report.pdfs,
            };
            let yours = audience_note(report.audience, opts.audience, report.public_profile);
            let yours = yours.as_str();
            match &report.members {
                None => built("", site, &report.out, yours),
                // A cohort: the guide is for the web, the members' tree is not.
                Some((members, stats)) => {
                    built(
                        "the guide: ",
                        site,
                        &report.out,
                        "the folder to publish: no member is in it",
                    );
                    let what = match &opts.person {
                        Some(id) => format!("{id}'s workbook and the cohort report: "),
                        None => "the members' workbooks and the cohort report: ".to_string(),
                    };
                    let note = match (&opts.person, report.kept_members) {
                        (None, _) => {
                            "each member's folder is theirs to keep; not for publishing".to_string()
                        }
                        (Some(_), 0) => "not for publishing".to_string(),
                        (Some(_), n) => format!(
                            "the other {n} member{} kept as the last build left them; not for publishing",
                            if n == 1 {
                                "'s workbook"
                            } else {
                                "s' workbooks"
                            }
                        ),
                    };
                    built(&what, *stats, members, &note);
                }
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            say!("{}", render_human(&failure.diagnostics, dir, color));
            let errors = failure.diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = failure.diagnostics.len() - errors;
            // The folder the build would have replaced: book.toml's, or the
            // default one when book.toml is what failed.
            let out = opts.out.clone().unwrap_or_else(|| {
                let config = config::Config::load(dir).unwrap_or_default();
                dir.join(config.build.output)
            });
            sayln!(
                "error: could not build the workbook: {errors} error{}{}; {}",
                plural(errors),
                if warnings > 0 {
                    format!(", {warnings} warning{}", plural(warnings))
                } else {
                    String::new()
                },
                if out.exists() {
                    "the previous site was left as it was"
                } else {
                    "nothing was written"
                }
            );
            ExitCode::FAILURE
        }
    }
}

fn pdf(opts: &Options, color: bool) -> ExitCode {
    let started = Instant::now();
    let dir = opts.root.as_path();
    let mut line = ProgressLine::on_stderr();
    let typeset = careerbook::write_pdfs(opts, |p| line.show(p));
    line.clear();
    match typeset {
        Ok((written, warnings)) => {
            say!("{}", render_human(&warnings, dir, color));
            let size = |path: &Path| std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            let ms = started.elapsed().as_millis();
            match written.as_slice() {
                [one] => sayln!(
                    "Wrote {} ({}) in {ms} ms",
                    one.display(),
                    human_bytes(size(one))
                ),
                // A cohort's: one line, not one per member.
                many => {
                    let total = many.iter().map(|p| size(p)).sum();
                    let folder = many
                        .first()
                        .and_then(|p| p.parent())
                        .and_then(Path::parent)
                        .unwrap_or(Path::new(""))
                        .to_path_buf();
                    // `workbook.pdf`, and `workbook.fr.pdf` for members
                    // whose language `--lang` is not.
                    let mut names: Vec<_> = many.iter().filter_map(|p| p.file_name()).collect();
                    names.sort();
                    names.dedup();
                    let places: Vec<String> = names
                        .iter()
                        .map(|n| folder.join("<member>").join(n).display().to_string())
                        .collect();
                    sayln!(
                        "Wrote {} PDFs ({}) in {ms} ms, one per member: {}",
                        many.len(),
                        human_bytes(total),
                        places.join(" or ")
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            say!("{}", render_human(&problems, dir, color));
            let what = if opts.brief {
                "the sponsor brief"
            } else {
                "the workbook"
            };
            sayln!("error: could not typeset {what}; nothing was written");
            ExitCode::FAILURE
        }
    }
}

/// Who a build for `audience` is for, and what of yours a public one holds:
/// said after `build` (and by `check --audience`). `asked` is the audience
/// asked for: your own copy of nothing personal is a public build.
fn audience_note(audience: Audience, asked: Audience, public_profile: Option<usize>) -> String {
    let yours = match audience {
        Audience::Private => "PRIVATE copy: do not publish",
        Audience::Personal => {
            "your own copy, with the people you track: not for publishing (--public builds one for the web)"
        }
        Audience::Public if asked == Audience::Personal => "for the web: it holds no personal data",
        Audience::Public => "for the web: no name or email address of anyone you track is in it",
    };
    // What of your own goes on the web, said where you look.
    match public_profile {
        Some(wins) => format!(
            "{yours}; your profile (not your email address) and {wins} win{} are ([public] show-profile)",
            if wins == 1 { "" } else { "s" }
        ),
        None => yours.to_string(),
    }
}

fn check(
    dir: &Path,
    format: Format,
    deny_warnings: bool,
    today: NaiveDate,
    audience: Option<Audience>,
    color: bool,
) -> ExitCode {
    let checked = careerbook::check::report(dir, today, audience);
    let diags = checked.diagnostics;
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    match format {
        Format::Json => {
            if !write_out(careerbook::diagnostics::render_json(&diags).as_bytes()) {
                return ExitCode::FAILURE;
            }
        }
        Format::Human => {
            say!("{}", render_human(&diags, dir, color));
            if diags.is_empty() {
                sayln!("No problems found.");
            } else {
                sayln!(
                    "{errors} error{}, {warnings} warning{}",
                    plural(errors),
                    plural(warnings)
                );
            }
            // What the build asked about would hold, said as `build` says it.
            if let (Some(p), 0) = (&checked.published, errors) {
                let asked = audience.unwrap_or(p.audience);
                // The command for the audience asked for (a plain build of
                // nothing personal is a public one, and says so).
                let build = match asked {
                    Audience::Public => "`careerbook build --public`",
                    _ => "`careerbook build`",
                };
                if p.cohort {
                    sayln!(
                        "{build} would make a guide of {} pages — the folder to publish: no member is in it",
                        p.pages
                    );
                } else {
                    sayln!(
                        "{build} would make {} pages — {}",
                        p.pages,
                        audience_note(p.audience, asked, p.public_profile)
                    );
                }
            }
        }
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn schema(out: &Path) -> ExitCode {
    match careerbook::init::write_schemas(out) {
        Ok(files) => {
            for f in files {
                sayln!("Wrote {}", f.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            sayln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn init(dir: &Path, force: bool, theme: bool, content: bool) -> ExitCode {
    match careerbook::init::init(dir, force, theme, content) {
        Ok(report) => {
            for kept in &report.kept {
                sayln!("Kept {} (it exists already)", kept.display());
            }
            let written = report.written.len();
            let here = dir == Path::new(".");
            let place = if here {
                "this folder".to_string()
            } else {
                dir.display().to_string()
            };
            if written == 0 {
                sayln!("Nothing to add: {place} already has every file of a workbook.");
            } else if report.kept.is_empty() {
                sayln!("Created a workbook in {place} ({written} files).");
            } else {
                sayln!(
                    "Added {written} file{} to the workbook in {place}.",
                    if written == 1 { "" } else { "s" },
                );
            }
            let cd = if here {
                String::new()
            } else {
                format!("cd {} && ", dir.display())
            };
            // The data files are an example's until replaced: a workbook
            // built from them is someone else's (and its wins and ticks
            // would be taken for yours).
            let samples: Vec<String> = report
                .written
                .iter()
                .filter(|f| f.starts_with("data") && f.extension().is_some_and(|e| e == "yaml"))
                .map(|f| f.display().to_string())
                .collect();
            if samples.is_empty() {
                sayln!("Next: run `{cd}careerbook build`.");
            } else {
                sayln!(
                    "The data files hold an example person, Nadia Boudreau, so that a first build shows a workbook filled in."
                );
                sayln!(
                    "Next: put your own profile, people, wins and ticks in {} (empty what you have none of yet), then run `{cd}careerbook build`.",
                    and_list(&samples)
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            sayln!("error: {e}");
            if matches!(e, careerbook::init::InitError::NotEmpty(_)) {
                sayln!(
                    "help: choose an empty folder, or add --force to add the missing files (existing files are never overwritten)"
                );
            }
            ExitCode::FAILURE
        }
    }
}

fn eject(dir: &Path, paths: &[String], list: bool, diff: bool, color: bool) -> ExitCode {
    use careerbook::eject::{self, Ejected, Status};
    // The guidance as this book sees it: in a book in French first, the
    // French pages are the ones without a suffix.
    let config = config::Config::load(dir);
    let languages = config.as_ref().map(|c| c.languages()).unwrap_or_default();
    let base = careerbook::load::base::Base::builtin().for_languages(&languages);
    let base = base.as_ref();
    let fail = |problems: &[careerbook::Diagnostic]| {
        say!("{}", render_human(problems, dir, color));
        ExitCode::FAILURE
    };
    // The theme folder a theme file goes to is book.toml's to say: without a
    // book.toml that loads, only pages can be ejected.
    let theme = match &config {
        Ok(c) => c.build.theme.clone(),
        Err(problems) if list || paths.iter().any(|p| eject::theme_path(p).is_some()) => {
            return fail(problems);
        }
        Err(_) => String::new(),
    };
    if list {
        let config = config.expect("checked above");
        let listed = eject::list(dir, base, &config.content.exclude);
        let theme_files = eject::list_theme(dir, &theme);
        let width = listed
            .iter()
            .chain(&theme_files)
            .map(|(rel, _)| rel.len())
            .max()
            .unwrap_or(0);
        let table: String =
            listed
                .iter()
                .map(|(rel, status)| format!("{rel:width$}  {}\n", status.describe()))
                .chain(theme_files.iter().map(|(rel, status)| {
                    format!("{rel:width$}  {}\n", status.describe_theme_file())
                }))
                .collect();
        if !write_out(table.as_bytes()) {
            return ExitCode::FAILURE;
        }
        // How many the project replaces, and how many of those with the
        // built-in text.
        let replaced = |listed: &[(String, Status)]| {
            let yours = listed
                .iter()
                .filter(|(_, s)| !matches!(s, Status::BuiltIn | Status::Excluded))
                .count();
            let same = listed
                .iter()
                .filter(|(_, s)| *s == Status::Identical)
                .count();
            let same = if same > 0 {
                format!(", {same} of them with the same text (delete those to get new editions)")
            } else {
                String::new()
            };
            format!("{yours}{same}")
        };
        sayln!(
            "{} built-in pages; content/ replaces {}{}",
            listed.len(),
            replaced(&listed),
            if config.content.base {
                ""
            } else {
                ". This project does not build on them: set `base = true` under [content] in book.toml"
            },
        );
        sayln!(
            "{} theme files; themes/{theme}/ replaces {}",
            theme_files.len(),
            replaced(&theme_files),
        );
        return ExitCode::SUCCESS;
    }
    if diff {
        let mut problems = Vec::new();
        for path in paths {
            match eject::diff(dir, base, path, &theme) {
                Ok(Some(d)) => {
                    if !write_out(d.to_string().as_bytes()) {
                        return ExitCode::FAILURE;
                    }
                }
                Ok(None) if eject::theme_path(path).is_some() => {
                    sayln!("{path}: the same as the built-in file")
                }
                Ok(None) => sayln!("{path}: the same as the built-in page"),
                Err(p) => problems.extend(p),
            }
        }
        return if problems.is_empty() {
            ExitCode::SUCCESS
        } else {
            fail(&problems)
        };
    }
    // A page goes with its translations into the book's other languages.
    match eject::eject(dir, base, paths, &languages, &theme) {
        Ok(done) => {
            for e in &done {
                match e {
                    Ejected::Written(p) => sayln!("Wrote {}", p.display()),
                    Ejected::Kept(p) => sayln!(
                        "Kept {}: it is there already, and eject never overwrites",
                        p.display()
                    ),
                }
            }
            ExitCode::SUCCESS
        }
        Err(problems) => fail(&problems),
    }
}

fn clean(dir: &Path, out: Option<PathBuf>, color: bool) -> ExitCode {
    let from_flag = out.is_some();
    let config = config::Config::load(dir);
    let out = match (out, &config) {
        (Some(o), _) => o,
        (None, Ok(c)) => dir.join(&c.build.output),
        (None, Err(problems)) => {
            say!("{}", render_human(problems, dir, color));
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = clean_folder(dir, &out) {
        let d = e.diagnostic(dir, from_flag);
        say!("{}", render_human(&[d], dir, color));
        return ExitCode::FAILURE;
    }
    // A cohort's members' tree, beside the site, when a build made it.
    let members = output::members_folder(dir, &out, &config.unwrap_or_default());
    if dir.join("data/people").is_dir()
        && members.join(output::MARKER).is_file()
        && let Err(e) = clean_folder(dir, &members)
    {
        let d = output::members_diagnostic(&e, dir);
        say!("{}", render_human(&[d], dir, color));
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Remove one output folder careerbook made, saying what went.
fn clean_folder(dir: &Path, out: &Path) -> Result<(), output::OutputError> {
    let existed = std::fs::symlink_metadata(out).is_ok();
    let cleaned = output::clean(dir, out)?;
    let stale = &cleaned.stale;
    if !existed && stale.removed.is_empty() {
        sayln!("Nothing to remove: {} does not exist", out.display());
    } else if existed {
        sayln!(
            "Removed {} ({} file{}, {})",
            out.display(),
            cleaned.files,
            plural(cleaned.files as usize),
            human_bytes(cleaned.bytes)
        );
    }
    if !stale.removed.is_empty() {
        sayln!(
            "Removed {} staging folder{} left by interrupted builds beside {}",
            stale.removed.len(),
            plural(stale.removed.len()),
            out.display()
        );
    }
    for busy in &stale.in_use {
        sayln!(
            "Left {}: a running build is writing it (it goes when that build ends)",
            busy.display()
        );
    }
    Ok(())
}

/// "Typesetting PDFs: 40 of 100" on one line of a terminal, rewritten as the
/// PDFs come, and gone when they are done. A cohort's PDFs take minutes; a
/// single workbook's, or output that is not a terminal, shows nothing.
struct ProgressLine {
    terminal: bool,
    shown: bool,
}

impl ProgressLine {
    fn on_stderr() -> Self {
        ProgressLine {
            terminal: std::io::stderr().is_terminal(),
            shown: false,
        }
    }

    fn show(&mut self, p: careerbook::PdfProgress) {
        if self.terminal && p.total > 1 {
            say!("\rTypesetting PDFs: {} of {}", p.done, p.total);
            self.shown = true;
        }
    }

    fn clear(&mut self) {
        if self.shown {
            // Back to the start of the line, and erase it.
            say!("\r\x1b[2K");
            self.shown = false;
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn human_bytes(b: u64) -> String {
    match b {
        0..1024 => format!("{b} B"),
        1024..1_048_576 => format!("{:.1} KB", b as f64 / 1024.0),
        _ => format!("{:.1} MB", b as f64 / 1_048_576.0),
    }
}
