//! Where rendered files go. A build streams every file to disk as soon as it is
//! rendered, so a book of ten thousand pages never sits whole in memory;
//! `check`, the dev server and the library API collect the files in memory.

use std::collections::HashSet;
use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use crate::diagnostics::Diagnostic;

use super::OutputFile;

/// Something that stores the files of a site. Called from many threads at once.
pub trait Sink: Sync {
    /// Store the file at `path` (relative to the output folder, `/`-separated)
    /// with what `write` produces.
    fn write_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> io::Result<()>;

    /// Store `bytes` at `path`.
    fn write_bytes(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.write_with(path, &mut |w| w.write_all(bytes))
    }
}

/// Another sink's files under a folder: a language's site (`fr/`).
pub struct Prefixed<'a> {
    pub inner: &'a dyn Sink,
    pub prefix: String,
}

impl Sink for Prefixed<'_> {
    fn write_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> io::Result<()> {
        self.inner
            .write_with(&format!("{}{path}", self.prefix), write)
    }
}

/// Files kept in memory.
#[derive(Default)]
pub struct Memory {
    files: Mutex<Vec<OutputFile>>,
}

impl Memory {
    pub fn new() -> Self {
        Self::default()
    }

    fn keep(&self, file: OutputFile) {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(file);
    }

    /// The files, sorted by path (render writes them in no fixed order).
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Memory {
    fn write_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        self.keep(OutputFile::new(path, bytes));
        Ok(())
    }

    fn write_bytes(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.keep(OutputFile::new(path, bytes));
        Ok(())
    }
}

/// Files written nowhere: `check` renders everything to find every problem, and
/// keeps nothing.
pub struct Discard;

impl Sink for Discard {
    fn write_with(
        &self,
        _path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> io::Result<()> {
        write(&mut io::sink())
    }

    fn write_bytes(&self, _path: &str, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }
}

/// What a render wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SiteStats {
    pub files: usize,
    /// HTML files among them.
    pub pages: usize,
    pub bytes: u64,
    /// PDFs among them (`build --pdf`).
    pub pdfs: usize,
}

impl std::ops::Add for SiteStats {
    type Output = SiteStats;
    fn add(self, other: SiteStats) -> SiteStats {
        SiteStats {
            files: self.files + other.files,
            pages: self.pages + other.pages,
            bytes: self.bytes + other.bytes,
            pdfs: self.pdfs + other.pdfs,
        }
    }
}

/// A sink as render uses it: two files may not claim one path (a page, an asset
/// and a generated page could), and what was written is counted for the report.
pub(crate) struct Site<'a> {
    sink: &'a dyn Sink,
    claimed: Mutex<HashSet<String>>,
    files: AtomicUsize,
    pages: AtomicUsize,
    bytes: AtomicU64,
}

impl<'a> Site<'a> {
    pub fn new(sink: &'a dyn Sink) -> Self {
        Site {
            sink,
            claimed: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    /// Write a whole file.
    pub fn put(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.claim(path)?;
        self.sink
            .write_bytes(path, bytes)
            .map_err(|e| write_error(path, &e))?;
        self.count(path, bytes.len() as u64);
        Ok(())
    }

    /// Write a file piece by piece (the print page holds the whole book).
    pub fn stream(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> Result<(), Diagnostic> {
        self.claim(path)?;
        let mut counted = 0u64;
        self.sink
            .write_with(path, &mut |w| {
                let mut w = Counting {
                    inner: w,
                    count: &mut counted,
                };
                write(&mut w)
            })
            .map_err(|e| write_error(path, &e))?;
        self.count(path, counted);
        Ok(())
    }

    /// Claim `path` for one file; a second claim is an error.
    fn claim(&self, path: &str) -> Result<(), Diagnostic> {
        let fresh = self
            .claimed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string());
        if fresh {
            Ok(())
        } else {
            Err(
                Diagnostic::error("output", format!("two files would be written to `{path}`"))
                    .help("rename one of them: content files, theme static files (under assets/) and generated pages share the site"),
            )
        }
    }

    fn count(&self, path: &str, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        if path.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn stats(&self) -> SiteStats {
        SiteStats {
            files: self.files.load(Ordering::Relaxed),
            pages: self.pages.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            pdfs: 0,
        }
    }
}

/// A file of the site that could not be written.
pub fn write_error(path: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::error("output", format!("cannot write `{path}`: {e}"))
        .help("check the output folder's permissions and free space")
}

/// Counts the bytes that pass through.
struct Counting<'w> {
    inner: &'w mut (dyn Write + Send),
    count: &'w mut u64,
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        *self.count += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_written_once() {
        let memory = Memory::new();
        let site = Site::new(&memory);
        site.put("a.html", b"one").unwrap();
        let err = site.put("a.html", b"two").unwrap_err();
        assert!(
            err.message
                .contains("two files would be written to `a.html`")
        );
        site.stream("b.css", &mut |w| {
            w.write_all(b"x")?;
            w.write_all(b"yz")
        })
        .unwrap();
        assert_eq!(
            site.stats(),
            SiteStats {
                files: 2,
                pages: 1,
                bytes: 6,
                pdfs: 0,
            }
        );
        let files = memory.into_files();
        assert_eq!(files.len(), 2);
        assert_eq!(files[0], OutputFile::new("a.html", "one"));
        assert_eq!(files[1], OutputFile::new("b.css", "xyz"));
    }
}
