//! What the server refuses before a request reaches `ServeDir`: any path that
//! could name a file outside the output folder, and requests for another host.
//!
//! `ServeDir` itself rejects `..` after decoding, but it follows symlinks, so a
//! link inside the output folder could expose any file on the machine. Here the
//! path is decoded once, the way `ServeDir` decodes it, checked segment by
//! segment, and the file it resolves to (and a folder's `index.html`) must stay
//! inside the output folder once every link is resolved.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use axum::http::HeaderValue;
use percent_encoding::percent_decode_str;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// 400: the path tries to climb out, or hides a separator.
    BadPath,
    /// 404: a hidden file, a link leading outside the output folder, or a name
    /// no file can have.
    NotFound,
    /// 414: longer than any path a file system takes.
    TooLong,
}

/// The longest path, in bytes once decoded, that can name a file of a site
/// (Linux's `PATH_MAX`); longer is refused with 414.
pub const MAX_PATH: usize = 4096;
/// The longest name of one file or folder (`NAME_MAX` on Linux, macOS and
/// Windows alike); a longer segment cannot exist, so it is a 404.
pub const MAX_NAME: usize = 255;

/// Check the raw (still percent-encoded) path of a request against the output
/// folder `out`. `Ok` means the request may go on: to a file inside `out`, or to
/// one that does not exist (which then gets the 404 page).
pub fn check_path(out: &Path, raw_path: &str) -> Result<(), Refusal> {
    let file = resolve(out, raw_path)?;
    let meta = match std::fs::symlink_metadata(&file) {
        Ok(meta) => meta,
        // Missing: nothing to leak, and ServeDir answers with the 404 page. (A
        // dangling link lands here too, and ServeDir cannot open it either.)
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(());
        }
        // Anything else (a name too long, a loop of links, no permission) would
        // be a 500 from ServeDir: there is no page there.
        Err(_) => return Err(Refusal::NotFound),
    };
    // Compare real paths: the output folder may be reached through a link
    // itself, which is fine, but nothing inside it may lead out.
    let Ok(real_out) = out.canonicalize() else {
        return Err(Refusal::NotFound);
    };
    let inside = |p: &Path| match p.canonicalize() {
        Ok(real) => real.starts_with(&real_out),
        // Exists (as a link) but does not resolve: ServeDir would 404 anyway.
        Err(_) => false,
    };
    if !inside(&file) {
        return Err(Refusal::NotFound);
    }
    // ServeDir serves a folder's index.html: that may be a link too.
    if meta.is_dir() || file.is_dir() {
        let index = file.join("index.html");
        if std::fs::symlink_metadata(&index).is_ok() && !inside(&index) {
            return Err(Refusal::NotFound);
        }
    }
    Ok(())
}

/// The file a request path names under `out`, refusing what no page of a site
/// could be called.
pub fn resolve(out: &Path, raw_path: &str) -> Result<PathBuf, Refusal> {
    let lower = raw_path.to_ascii_lowercase();
    // An encoded slash or backslash, or a NUL, is never part of a real page name.
    if ["%2f", "%5c", "%00"].iter().any(|e| lower.contains(e)) {
        return Err(Refusal::BadPath);
    }
    let decoded = percent_decode_str(raw_path)
        .decode_utf8()
        .map_err(|_| Refusal::BadPath)?;
    if decoded.len() > MAX_PATH {
        return Err(Refusal::TooLong);
    }
    if decoded.contains(['\\', '\0']) {
        return Err(Refusal::BadPath);
    }
    let mut file = out.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(Refusal::BadPath),
            // Windows drive letters and alternate streams.
            s if s.contains(':') => return Err(Refusal::BadPath),
            // The output marker and any other dotfile are not part of the site.
            s if s.starts_with('.') => return Err(Refusal::NotFound),
            s if s.len() > MAX_NAME => return Err(Refusal::NotFound),
            s => file.push(s),
        }
    }
    Ok(file)
}

/// Whether a `Host` header names this machine: `localhost`, `*.localhost` or a
/// loopback address, with any port. A page on another site that resolves its
/// own name to 127.0.0.1 (DNS rebinding) sends its own name, and is refused. A
/// request with no Host header (HTTP/1.0) is let through.
pub fn host_is_local(host: Option<&HeaderValue>) -> bool {
    let Some(host) = host else {
        return true;
    };
    let Ok(host) = host.to_str() else {
        return false;
    };
    let name = if let Some(rest) = host.strip_prefix('[') {
        // [::1]:3000
        match rest.split_once(']') {
            Some((ip, _)) => ip,
            None => return false,
        }
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_climbing_and_hidden_separators() {
        let out = Path::new("/srv/site");
        for bad in [
            "/../Cargo.toml",
            "/a/../../x",
            "/%2e%2e/book.toml",
            "/%2E%2E/book.toml",
            "/..%2fbook.toml",
            "/%2e%2e%2fdata%2fprofile.yaml",
            "/assets/..%5c..%5cbook.toml",
            "/assets/..\\..\\book.toml",
            "/a%00.html",
            "/c:/windows",
            "/%ff.html",
        ] {
            assert_eq!(resolve(out, bad), Err(Refusal::BadPath), "{bad}");
        }
        assert_eq!(resolve(out, "/.careerbook-output"), Err(Refusal::NotFound));
        let long = format!("/{}", "a".repeat(10_000));
        assert_eq!(resolve(out, &long), Err(Refusal::TooLong));
        assert_eq!(resolve(out, &"/a".repeat(2_100)), Err(Refusal::TooLong));
        let name = format!("/part/{}.html", "a".repeat(251));
        assert_eq!(resolve(out, &name), Err(Refusal::NotFound));
        let name = format!("/part/{}.html", "a".repeat(250));
        assert!(resolve(out, &name).is_ok());
        assert_eq!(
            resolve(out, "/part/inside.html"),
            Ok(PathBuf::from("/srv/site/part/inside.html"))
        );
        assert_eq!(
            resolve(out, "/a%20b.html"),
            Ok(PathBuf::from("/srv/site/a b.html"))
        );
        assert_eq!(resolve(out, "/"), Ok(PathBuf::from("/srv/site")));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_links_that_lead_out() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join("inner")).unwrap();
        std::fs::write(out.join("page.html"), "page").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path(), out.join("up")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("inner/index.html"))
            .unwrap();
        std::os::unix::fs::symlink(out.join("page.html"), out.join("alias.html")).unwrap();
        assert_eq!(check_path(&out, "/page.html"), Ok(()));
        assert_eq!(check_path(&out, "/missing.html"), Ok(()));
        assert_eq!(
            check_path(&out, "/alias.html"),
            Ok(()),
            "a link inside is fine"
        );
        assert_eq!(check_path(&out, "/leak.txt"), Err(Refusal::NotFound));
        assert_eq!(check_path(&out, "/up/secret.txt"), Err(Refusal::NotFound));
        assert_eq!(check_path(&out, "/up/"), Err(Refusal::NotFound));
        assert_eq!(check_path(&out, "/inner/"), Err(Refusal::NotFound));
    }

    #[test]
    fn answers_only_to_this_machine() {
        let h = |s: &'static str| host_is_local(Some(&HeaderValue::from_static(s)));
        for ok in [
            "localhost",
            "localhost:3000",
            "LOCALHOST.",
            "book.localhost:80",
            "127.0.0.1:3000",
            "127.1.2.3",
            "[::1]:3000",
        ] {
            assert!(h(ok), "{ok}");
        }
        for bad in [
            "evil.example:3000",
            "192.168.1.2",
            "localhost.evil.example",
            "[::1",
        ] {
            assert!(!h(bad), "{bad}");
        }
        assert!(host_is_local(None));
    }
}
