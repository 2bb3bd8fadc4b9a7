//! The `careerbook` command as a user runs it: exit codes, messages, init, clean.

use crate::common::{Project, careerbook};

fn run(cmd: &mut std::process::Command) -> (i32, String, String) {
    let out = cmd.output().expect("careerbook runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn init_then_build_works_in_an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("my-workbook");
    let (code, _, err) = run(careerbook().arg("init").arg(&target));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Created a workbook"), "{err}");
    // The example's data is named as such, and every file of it to replace.
    assert!(err.contains("an example person, Nadia Boudreau"), "{err}");
    assert!(
        err.contains(
            "data/profile.yaml, data/progress.yaml, data/relationships.yaml and data/wins.yaml"
        ),
        "{err}"
    );
    for f in [
        "book.toml",
        "content/README.md",
        "data/profile.yaml",
        ".gitignore",
    ] {
        assert!(target.join(f).is_file(), "{f} missing");
    }
    // The guidance is built in: content/ holds only the note on replacing pages.
    assert!(!target.join("content/index.md").exists());
    assert!(
        !target.join("themes").exists(),
        "the theme is only copied with --theme"
    );
    let (code, _, err) = run(careerbook()
        .args(["build", "--today", "2026-11-24"])
        .current_dir(&target));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Built "), "{err}");
    // The starter is complete: its first build has nothing to warn about.
    assert!(!err.contains("warning"), "{err}");
    assert!(target.join("site/index.html").is_file());
    // What careerbook writes stays out of version control; the project's own
    // files, a PDF among content/'s assets included, do not.
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(&target)
            .output()
            .ok()
            .map(|o| o.status.code())
    };
    if git(&["init", "-q"]) == Some(Some(0)) {
        for built in [
            "site/index.html",
            "members/ana/index.html",
            "workbook.pdf",
            "workbook.fr.pdf",
            "brief-blank.pdf",
            "ana-lima/workbook.pdf",
            "ana-lima/brief.pdf",
            // Where `careerbook pdf` puts a cohort's without --out.
            &format!("{}/ana-lima/workbook.pdf", careerbook::options::COHORT_PDFS),
            &format!("{}/ana-lima/brief.fr.pdf", careerbook::options::COHORT_PDFS),
        ] {
            assert_eq!(
                git(&["check-ignore", "-q", built]),
                Some(Some(0)),
                "{built}"
            );
        }
        for own in ["book.toml", "data/profile.yaml", "content/handout.pdf"] {
            assert_eq!(git(&["check-ignore", "-q", own]), Some(Some(1)), "{own}");
        }
    }
}

#[test]
fn init_refuses_a_folder_with_files_and_force_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("book.toml"), "# mine\n").unwrap();
    let (code, _, err) = run(careerbook().arg("init").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(
        err.contains("is not empty") && err.contains("--force"),
        "{err}"
    );
    let force = || {
        run(careerbook()
            .args(["init", "--force", "--theme"])
            .arg(dir.path()))
    };
    let (code, _, err) = force();
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Kept book.toml"), "{err}");
    assert!(err.contains("Added ") && !err.contains("Created"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("book.toml")).unwrap(),
        "# mine\n"
    );
    assert!(
        dir.path()
            .join("themes/default/templates/base.html")
            .is_file()
    );
    // Again: every file is there already.
    let (code, _, err) = force();
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Nothing to add"), "{err}");
    assert!(
        err.contains("Next: run `"),
        "no data file was written: {err}"
    );
}

#[test]
fn build_errors_exit_1_with_located_diagnostics() {
    let p = Project::from_fixture("minimal");
    p.write("data/profile.yaml", "name: Robin\n\tregion: ontario\n");
    let (code, _, err) = run(careerbook().arg("build").arg(p.root()));
    assert_eq!(code, 1);
    // At the tab itself.
    assert!(err.contains("data/profile.yaml:2:1"), "{err}");
    assert!(
        err.contains("could not build the workbook: 1 error"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_arguments_exit_2_with_help() {
    let (code, _, err) = run(careerbook().args(["build", "--today", "24/11/2026"]));
    assert_eq!(code, 2);
    assert!(err.contains("write it as YYYY-MM-DD"), "{err}");
    let (code, _, _) = run(careerbook().arg("frobnicate"));
    assert_eq!(code, 2);
}

#[test]
fn help_and_version() {
    let (code, out, _) = run(careerbook().arg("--help"));
    assert_eq!(code, 0);
    for cmd in ["build", "init", "clean", "completions"] {
        assert!(out.contains(cmd), "{out}");
    }
    let (code, out, _) = run(careerbook().args(["build", "--help"]));
    assert_eq!(code, 0);
    assert!(
        out.contains("--today") && out.contains("--out") && out.contains("--private"),
        "{out}"
    );
    let (_, out, _) = run(careerbook().arg("--version"));
    assert!(out.starts_with("careerbook "), "{out}");
}

#[test]
fn clean_removes_the_site_and_says_how_much() {
    let p = Project::from_fixture("minimal");
    p.build_ok();
    let (code, _, err) = run(careerbook().arg("clean").arg(p.root()));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Removed") && err.contains("files"), "{err}");
    assert!(!p.root().join("site").exists());
    let (code, _, err) = run(careerbook().arg("clean").arg(p.root()));
    assert_eq!(code, 0);
    assert!(err.contains("Nothing to remove"), "{err}");
}

#[test]
fn clean_removes_a_cohorts_members_tree_too() {
    let p = Project::from_fixture("cohort");
    p.build_ok();
    assert!(p.members_exists("ana-lima/index.html"));
    let (code, _, err) = run(careerbook().arg("clean").arg(p.root()));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("members"), "{err}");
    assert!(!p.root().join("members").exists(), "{err}");
    assert!(!p.root().join("site").exists(), "{err}");
}

#[test]
fn clean_refuses_a_folder_careerbook_did_not_make() {
    let p = Project::from_fixture("minimal");
    p.write("docs/keep.txt", "precious");
    let (code, _, err) = run(careerbook()
        .arg("clean")
        .arg(p.root())
        .arg("--out")
        .arg(p.root().join("docs")));
    assert_eq!(code, 1);
    assert!(err.contains("not made by careerbook"), "{err}");
    assert!(p.root().join("docs/keep.txt").exists());
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = run(careerbook().args(["completions", shell]));
        assert_eq!(code, 0);
        assert!(out.contains("careerbook"), "{shell}");
    }
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_command_and_build_pdf_write_workbooks() {
    let p = Project::from_fixture("cohort");
    let (code, _, err) = run(careerbook()
        .args(["build", "--pdf", "--today", "2026-11-24"])
        .arg(p.root()));
    assert_eq!(code, 0, "{err}");
    for id in ["ana-lima", "ben-okafor", "chloe-roy"] {
        let pdf = std::fs::read(p.root().join(format!("members/{id}/workbook.pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{id}");
    }
    // The guide, for the web, has the blank workbook to print.
    let guide = std::fs::read(p.root().join("site/workbook.pdf")).unwrap();
    assert!(guide.starts_with(b"%PDF-"));
    assert!(err.contains(" pages and 1 PDF ("), "{err}");
    assert!(err.contains(" pages and 3 PDFs ("), "{err}");
    // `careerbook pdf` puts a cohort's PDFs in one folder, never a folder per
    // member beside data/ and content/.
    let (code, _, err) = run(careerbook()
        .args(["pdf", "--today", "2026-11-24"])
        .arg(p.root()));
    assert_eq!(code, 0, "{err}");
    assert!(
        p.root().join("pdfs/ben-okafor/workbook.pdf").is_file(),
        "{err}"
    );
    assert!(!p.root().join("ben-okafor").exists());
    // A file name for a cohort's PDFs is not used, and says so; with
    // --person, it is that member's PDF.
    let (code, _, err) = run(careerbook()
        .args(["pdf", "--today", "2026-11-24", "--out"])
        .arg(p.root().join("out/guide.pdf"))
        .arg(p.root()));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("the name `guide.pdf` is not used"), "{err}");
    assert!(p.root().join("out/chloe-roy/workbook.pdf").is_file());
    let (code, _, err) = run(careerbook()
        .args([
            "pdf",
            "--today",
            "2026-11-24",
            "--person",
            "ana-lima",
            "--out",
        ])
        .arg(p.root().join("ana.pdf"))
        .arg(p.root()));
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("is not used"), "{err}");
    assert!(
        std::fs::read(p.root().join("ana.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    let blank = p.root().join("blank.pdf");
    let (code, _, err) = run(careerbook()
        .args(["pdf", "--blank", "--today", "2026-11-24", "--out"])
        .arg(&blank)
        .arg(p.root()));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Wrote"), "{err}");
    assert!(std::fs::read(&blank).unwrap().starts_with(b"%PDF-"));
    // The cover's field for a date says which date it wants.
    if crate::pdf::poppler() {
        let text = crate::pdf::pdf_text(&std::fs::read(&blank).unwrap());
        assert!(text.contains("plan started on"), "{text}");
        assert!(!text.contains("\nstarted on"), "{text}");
    }
    let (code, _, _) = run(careerbook()
        .args(["pdf", "--blank", "--private"])
        .arg(p.root()));
    assert_eq!(code, 2, "--blank and --private conflict");
}

/// `careerbook pdf` alone says what the data lacks, as `build` does: a
/// draft's blank is a blank in the PDF too. `build --pdf` says it once.
#[cfg(feature = "pdf")]
#[test]
fn the_pdf_command_says_what_the_data_lacks_once() {
    let p = Project {
        dir: tempfile::tempdir().unwrap(),
    };
    p.write("book.toml", "[book]\ntitle = \"Blanks\"\n");
    p.write("content/index.md", "---\ntitle: Welcome\n---\nHello.\n");
    p.write(
        "content/messages/talk.md",
        "---\ntitle: Congratulations\nmessage:\n  channel: email\n  role: mentor\n  \
         stages: [active]\n---\n\nHi {first_name}, congratulations on {new_role}.\n",
    );
    p.write("data/profile.yaml", "name: Sam Tremblay\n");
    p.write(
        "data/relationships.yaml",
        "people:\n  - id: kim\n    name: Kim Lee\n    role: mentor\n    stage: active\n",
    );
    let warning = "the draft “Congratulations” for Kim Lee has no value for {new_role}";
    let pdf = p.root().join("workbook.pdf");
    let (code, _, err) = run(careerbook()
        .args(["pdf", "--today", "2026-11-24", "--out"])
        .arg(&pdf)
        .arg(p.root()));
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches(warning).count(), 1, "{err}");
    assert!(err.contains("data/relationships.yaml:2:"), "{err}");
    let (code, _, err) = run(careerbook()
        .args(["build", "--pdf", "--today", "2026-11-24"])
        .arg(p.root()));
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches(warning).count(), 1, "{err}");
}

#[test]
fn init_with_content_copies_the_guidance_to_own_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("owned");
    let (code, _, err) = run(careerbook().args(["init", "--content"]).arg(&target));
    assert_eq!(code, 0, "{err}");
    let builtin = careerbook::load::base::Base::builtin();
    for (rel, text) in builtin.files() {
        let copied = std::fs::read_to_string(target.join("content").join(rel)).unwrap();
        assert_eq!(copied, text, "{rel}");
    }
    let toml = std::fs::read_to_string(target.join("book.toml")).unwrap();
    assert!(
        !toml.contains("[content]"),
        "an owned copy builds on nothing: {toml}"
    );
    let (code, _, err) = run(careerbook()
        .args(["build", "--today", "2026-11-24"])
        .current_dir(&target));
    assert_eq!(code, 0, "{err}");
}

/// Output piped into a reader that stops early (`careerbook … | head`) ends
/// careerbook quietly, as it ends `cat`: no panic, no message. Both ends of
/// the pipe are closed before careerbook writes, so each write meets a closed
/// pipe; stdout and stderr alike.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_a_command_quietly() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    let repo = env!("CARGO_MANIFEST_DIR");
    let commands: [&[&str]; 4] = [
        &["completions", "bash"],
        &["check", "--format", "json", "--today", "2026-11-24", repo],
        &["eject", "--list", "--dir", repo],
        &["check", "--today", "2026-11-24", repo],
    ];
    for args in commands {
        for closed in ["stdout", "stderr"] {
            let mut cmd = careerbook();
            cmd.args(args).stdin(Stdio::null());
            // The other stream is read, to look for a panic's message.
            let child = if closed == "stdout" {
                cmd.stdout(Stdio::piped()).stderr(Stdio::piped())
            } else {
                cmd.stdout(Stdio::null()).stderr(Stdio::piped())
            }
            .spawn()
            .unwrap();
            let mut child = child;
            let mut seen = String::new();
            if closed == "stdout" {
                drop(child.stdout.take());
                use std::io::Read;
                child
                    .stderr
                    .take()
                    .unwrap()
                    .read_to_string(&mut seen)
                    .unwrap();
            } else {
                drop(child.stderr.take());
            }
            let status = child.wait().unwrap();
            let quiet = status.success() || status.signal() == Some(13);
            assert!(
                quiet && !seen.contains("panicked"),
                "careerbook {} with its {closed} closed: {status:?}\n{seen}",
                args.join(" ")
            );
        }
    }
}

/// Output that cannot be written (a full disk: Linux's `/dev/full`) is an
/// error with a message and exit code 1, not a panic.
#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_disk_is_an_error_not_a_panic() {
    let repo = env!("CARGO_MANIFEST_DIR");
    // A project with something to report.
    let project = Project::from_fixture("minimal");
    project.write("content/broken.md", "See [nothing](nothing.md).\n");
    let warned = project.root().to_str().unwrap().to_string();
    let commands: [&[&str]; 3] = [
        &["completions", "bash"],
        &[
            "check",
            "--format",
            "json",
            "--today",
            "2026-11-24",
            &warned,
        ],
        &["eject", "--list", "--dir", repo],
    ];
    for args in commands {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let (code, _, err) = run(careerbook().args(args).stdout(full));
        assert_eq!(code, 1, "careerbook {}: {err}", args.join(" "));
        assert!(
            err.contains("error: cannot write the output: No space left on device")
                && !err.contains("panicked"),
            "careerbook {}: {err}",
            args.join(" ")
        );
    }
}

/// Messages that cannot be written (stderr on a full disk) are dropped, not a
/// panic: the command does its work and its exit code says how it ended (std's
/// `eprintln!` would have stopped it with code 101 at the first message).
#[cfg(target_os = "linux")]
#[test]
fn messages_to_a_full_disk_do_not_stop_a_command() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let project = Project::from_fixture("minimal");
    let root = project.root().to_str().unwrap().to_string();
    let (code, _, _) = run(careerbook()
        .args(["build", &root, "--today", "2026-11-24"])
        .stderr(full()));
    assert_eq!(code, 0, "a build that works");
    assert!(project.site_exists("index.html"), "the site is built");

    project.write("data/people.yaml", "people: [unclosed\n");
    for args in [["build", &root], ["check", &root]] {
        let (code, _, _) = run(careerbook().args(args).stderr(full()));
        assert_eq!(code, 1, "careerbook {} with a broken data file", args[0]);
    }
}

/// A mistyped project folder is an error naming it, for every command that
/// reads a project, and nothing is made in its place (it used to build the
/// bare guidance into a new folder of that name).
#[test]
fn a_missing_project_folder_is_an_error_and_nothing_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("my-workbok");
    let file = dir.path().join("book.toml");
    std::fs::write(&file, "").unwrap();
    for (root, what) in [(&missing, "does not exist"), (&file, "is not a folder")] {
        let root = root.to_str().unwrap();
        let commands: [&[&str]; 4] = [
            &["build", root],
            &["check", root],
            &["pdf", root],
            &["serve", root, "--port", "0"],
        ];
        for args in commands {
            let (code, _, err) = run(careerbook().args(args).args(["--today", "2026-11-24"]));
            assert_eq!(code, 1, "careerbook {}: {err}", args.join(" "));
            assert!(
                err.contains(&format!(
                    "error[project]: the project folder `{root}` {what}"
                )) && err.contains("careerbook init"),
                "careerbook {}: {err}",
                args.join(" ")
            );
        }
    }
    assert!(!missing.exists(), "nothing is made in its place");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
