use super::staging::MARKER_TEXT;
use super::*;

/// The old site goes, all of it, folders removed side by side; a link inside
/// it is removed as a link, never followed into what it points at.
#[cfg(unix)]
#[test]
fn replacing_a_site_removes_the_old_one_and_never_follows_its_links() {
    let dir = tempfile::tempdir().unwrap();
    let (root, out) = (dir.path(), dir.path().join("site"));
    let keep = root.join("elsewhere");
    std::fs::create_dir_all(keep.join("inner")).unwrap();
    std::fs::write(keep.join("inner/precious.txt"), "mine").unwrap();
    let write = |files: &[&str]| {
        let staging = Staging::new(root, &out).unwrap();
        for f in files {
            staging.write_bytes(f, f.as_bytes()).unwrap();
        }
        staging.commit().unwrap();
    };
    write(&["index.html", "a/one.html", "a/b/two.html", "c/three.html"]);
    std::os::unix::fs::symlink(&keep, out.join("a/to-elsewhere")).unwrap();
    std::os::unix::fs::symlink(keep.join("inner/precious.txt"), out.join("file-link")).unwrap();
    write(&["index.html", "d/four.html"]);
    let mut left: Vec<String> = walkdir::WalkDir::new(&out)
        .min_depth(1)
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            e.path().strip_prefix(&out).unwrap().display().to_string()
        })
        .collect();
    left.sort();
    assert_eq!(left, [MARKER, "d", "d/four.html", "index.html"]);
    assert_eq!(
        std::fs::read_to_string(keep.join("inner/precious.txt")).unwrap(),
        "mine"
    );
    let names: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".old-")), "{names:?}");
    // `clean` removes the same way.
    std::os::unix::fs::symlink(&keep, out.join("d/to-elsewhere")).unwrap();
    let cleaned = clean(root, &out).unwrap();
    assert_eq!(cleaned.files, 3);
    assert!(!out.exists());
    assert!(keep.join("inner/precious.txt").exists());
    // An output folder that is a link to a site elsewhere: replacing it
    // removes the link, not the site it points at.
    let real = root.join("real-site");
    std::fs::create_dir(&real).unwrap();
    std::fs::write(real.join(MARKER), "").unwrap();
    std::fs::write(real.join("index.html"), "theirs").unwrap();
    std::os::unix::fs::symlink(&real, &out).unwrap();
    write(&["index.html"]);
    assert!(!out.is_symlink() && out.join("index.html").is_file());
    assert_eq!(
        std::fs::read_to_string(real.join("index.html")).unwrap(),
        "theirs"
    );
}

/// While a new site is swapped in, the output folder and its pages are
/// always there: the old site or the new one, never neither.
#[cfg(target_os = "linux")]
#[test]
fn the_output_folder_is_never_missing_during_a_swap() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    write_site(dir.path(), &out, &[OutputFile::new("index.html", "0")]).unwrap();
    let (done, missing) = (AtomicBool::new(false), AtomicUsize::new(0));
    std::thread::scope(|s| {
        s.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                if std::fs::read(out.join("index.html")).is_err() {
                    missing.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
        for i in 1..300 {
            let page = OutputFile::new("index.html", i.to_string());
            write_site(dir.path(), &out, &[page]).unwrap();
        }
        done.store(true, Ordering::Relaxed);
    });
    assert_eq!(missing.into_inner(), 0);
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "299"
    );
}

/// Stale staging folders go; a held one, an unmarked one, a link, a file,
/// another output's, and what a link leads to stay.
#[cfg(unix)]
#[test]
fn removes_only_abandoned_staging_folders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("site");
    let marked = |name: &str| {
        let p = root.join(name);
        std::fs::create_dir_all(p.join("sub")).unwrap();
        std::fs::write(p.join(MARKER), MARKER_TEXT).unwrap();
        std::fs::write(p.join("sub/page.html"), "x").unwrap();
        p
    };
    let elsewhere = marked("elsewhere");
    let dead = marked(".site.new-dead");
    std::os::unix::fs::symlink(&elsewhere, dead.join("sub/link")).unwrap();
    let dead_old = marked(".site.old-dead");
    let other = marked(".docs.new-dead");
    let unmarked = root.join(".site.new-unmarked");
    std::fs::create_dir(&unmarked).unwrap();
    std::os::unix::fs::symlink(&elsewhere, root.join(".site.new-link")).unwrap();
    let fake = root.join(".site.new-fakemarker");
    std::fs::create_dir(&fake).unwrap();
    std::os::unix::fs::symlink(elsewhere.join(MARKER), fake.join(MARKER)).unwrap();
    let live = Staging::new(root, &out).unwrap();
    // `Staging::new` already removed the dead ones.
    assert!(!dead.exists() && !dead_old.exists());
    let dead = marked(".site.new-dead");
    let stale = remove_stale(&out);
    assert_eq!(stale.removed, [dead]);
    assert_eq!(stale.in_use, [live.path().to_path_buf()]);
    assert!(stale.failed.is_empty());
    for kept in [&other, &unmarked, &fake, &root.join(".site.new-link")] {
        assert!(
            std::fs::symlink_metadata(kept).is_ok(),
            "{}",
            kept.display()
        );
    }
    assert!(elsewhere.join("sub/page.html").is_file());
    assert!(elsewhere.join(MARKER).is_file());
    // Dropped (a failed build), it goes at once.
    let path = live.path().to_path_buf();
    drop(live);
    assert!(!path.exists());
}

#[test]
fn refuses_to_replace_the_project_or_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("content")).unwrap();
    assert!(matches!(
        check_target(root, root),
        Err(OutputError::ContainsProject(_))
    ));
    assert!(matches!(
        check_target(root, root.parent().unwrap()),
        Err(OutputError::ContainsProject(_))
    ));
    assert!(matches!(
        check_target(root, &root.join("content/site")),
        Err(OutputError::InsideSources(_))
    ));
    assert!(check_target(root, &root.join("site")).is_ok());
}

#[test]
fn a_refusal_points_at_where_the_folder_was_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("content")).unwrap();
    let refuse = |out: &Path| check_target(root, out).unwrap_err();
    // From book.toml: at the value of `output`, whichever way it is written.
    for (toml, at) in [
        (
            "[book]\ntitle = \"x\"\n\n[build]\noutput = \"content/site\"\n",
            (5, 10),
        ),
        ("build.output = \"content/site\"\n", (1, 16)),
        (
            "build = { theme = \"default\", output = \"content/site\" }\n",
            (1, 39),
        ),
    ] {
        std::fs::write(root.join("book.toml"), toml).unwrap();
        let d = refuse(&root.join("content/site")).diagnostic(root, false);
        assert_eq!(
            d.location(),
            format!("book.toml:{}:{}", at.0, at.1),
            "{toml}"
        );
        assert_eq!(d.code, "output");
        assert!(d.help.is_some());
    }
    // From --out, whatever book.toml says.
    let d = refuse(&root.join("content/site")).diagnostic(root, true);
    assert_eq!(d.file, None);
    assert!(
        d.message.ends_with("(the folder given with --out)"),
        "{d:?}"
    );
    // The default, when book.toml does not choose one.
    std::fs::write(root.join("book.toml"), "[book]\ntitle = \"x\"\n").unwrap();
    let d = refuse(root).diagnostic(root, false);
    assert_eq!(d.file, None);
    assert!(d.message.ends_with("(the default output folder)"), "{d:?}");
}

#[test]
fn refuses_a_folder_it_did_not_make() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("docs");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("precious.txt"), "x").unwrap();
    let err = write_site(dir.path(), &out, &[]).unwrap_err();
    assert!(matches!(err, OutputError::NotOurs(_)));
    assert!(out.join("precious.txt").exists());
}

#[test]
fn replaces_its_own_site_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    write_site(dir.path(), &out, &[OutputFile::new("a/old.html", "old")]).unwrap();
    write_site(dir.path(), &out, &[OutputFile::new("new.html", "new")]).unwrap();
    assert!(!out.join("a/old.html").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("new.html")).unwrap(),
        "new"
    );
    // Nothing left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("site")]);
    let cleaned = clean(dir.path(), &out).unwrap();
    assert_eq!(cleaned.files, 2);
    assert!(!out.exists());
}
