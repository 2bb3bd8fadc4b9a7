//! Our Typst [`World`]: small on purpose. It serves the theme's `print/` files, the
//! files we generate (the chapters, the personal data as JSON, the timeline SVG),
//! the images of `content/` that a page shows, and the embedded fonts. Nothing
//! else: a template cannot read the rest of the disk, fetch a package or learn
//! the real date.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{LazyLock, Mutex};

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// Where a file of the world comes from, for diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A theme file, by its path in the theme (`print/workbook.typ`).
    Theme(String),
    /// A file we generate (`/data.json`, `/chapters.typ`).
    Generated(String),
    /// The markup of a content page, by its index in `Content::pages`.
    Page(usize),
    /// An image from `content/`.
    Asset(PathBuf),
}

enum Data {
    Bytes(Bytes),
    /// Read from the disk when a page first shows it.
    Disk(PathBuf),
}

pub struct PrintWorld {
    main: FileId,
    files: HashMap<FileId, (Data, Origin)>,
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
    today: NaiveDate,
}

/// The id of a virtual path such as `/workbook.typ`.
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl PrintWorld {
    pub fn new(main: &str, today: NaiveDate) -> PrintWorld {
        PrintWorld {
            main: file_id(main).expect("the main file's path is valid"),
            files: HashMap::new(),
            sources: Mutex::new(HashMap::new()),
            today,
        }
    }

    /// Serve `bytes` at `path` (e.g. `/data.json`).
    pub fn add(&mut self, path: &str, bytes: impl Into<Vec<u8>>, origin: Origin) {
        if let Some(id) = file_id(path) {
            self.files
                .insert(id, (Data::Bytes(Bytes::new(bytes.into())), origin));
        }
    }

    /// Serve a file of the project at `path`, read when it is first used.
    pub fn add_disk(&mut self, path: &str, source: PathBuf) {
        if let Some(id) = file_id(path) {
            self.files
                .insert(id, (Data::Disk(source.clone()), Origin::Asset(source)));
        }
    }

    pub fn origin(&self, id: FileId) -> Option<&Origin> {
        self.files.get(&id).map(|(_, o)| o)
    }

    /// The text of a source file, for turning byte offsets into lines.
    pub fn text(&self, id: FileId) -> Option<String> {
        self.source(id).ok().map(|s| s.text().to_string())
    }
}

impl World for PrintWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        super::fonts::book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut cache = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = cache.get(&id) {
            return s.clone();
        }
        let source = self.file(id).and_then(|bytes| {
            let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
            let text = crate::source::strip_bom(text);
            Ok(Source::new(id, text.to_string()))
        });
        cache.insert(id, source.clone());
        source
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some(
                "packages are not available to print templates: copy what you need into the theme's print/ folder".into(),
            )));
        }
        match self.files.get(&id) {
            Some((Data::Bytes(b), _)) => Ok(b.clone()),
            Some((Data::Disk(path), _)) => crate::source::read_bytes(path)
                .map(Bytes::new)
                .map_err(|e| FileError::from_io(e, path)),
            None => Err(FileError::NotFound(
                id.vpath().get_with_slash().to_string().into(),
            )),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        super::fonts::font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(
            self.today.year(),
            self.today.month() as u8,
            self.today.day() as u8,
        )
    }
}
