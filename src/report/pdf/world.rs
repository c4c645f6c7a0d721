//! The little world a PDF template is compiled in: its own text as the main file, the brief's
//! data as `data.json`, the DejaVu fonts built into the binary, and nothing else: no other files,
//! no packages, no system fonts, no network. Today's date is the report date, or none.

use std::sync::{Mutex, OnceLock};

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts every PDF uses: DejaVu Sans (the charts' font) in four styles, and DejaVu Sans Mono.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = [
            dejavu::sans::regular(),
            dejavu::sans::bold(),
            dejavu::sans::oblique(),
            dejavu::sans::bold_oblique(),
            dejavu::sans_mono::regular(),
        ]
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// The path the template reads its data from: `json("data.json")`.
pub const DATA_FILE: &str = "data.json";

pub struct BriefWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

impl BriefWorld {
    /// A world whose main file is `template` (named `name`, as errors will show it).
    pub fn new(name: &str, template: &str, data: Vec<u8>, today: Option<Datetime>) -> Self {
        let id = |path: &str| {
            // The names are ours ("brief.typ", "data.json"), always valid paths.
            let vpath = VirtualPath::new(path).unwrap_or_else(|_| {
                VirtualPath::new("main.typ").expect("a plain file name is a valid path")
            });
            RootedPath::new(VirtualRoot::Project, vpath).intern()
        };
        BriefWorld {
            main: parsed(id(name), template),
            data_id: id(DATA_FILE),
            data: Bytes::new(data),
            today,
        }
    }

    pub fn main_source(&self) -> &Source {
        &self.main
    }
}

impl World for BriefWorld {
    fn library(&self) -> &LazyHash<Library> {
        static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
        LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_here(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_string()))
        } else {
            Err(not_here(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// The template `text` as Typst's source `id`, parsed once while it stays the same: the
/// companies of a site share their template (a source is shared, not copied, when cloned). One
/// source is kept for each template name, the last one read.
fn parsed(id: FileId, text: &str) -> Source {
    static PARSED: Mutex<Vec<Source>> = Mutex::new(Vec::new());
    let mut parsed = PARSED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(source) = parsed.iter().find(|s| s.id() == id && s.text() == text) {
        return source.clone();
    }
    let source = Source::new(id, text.to_string());
    parsed.retain(|s| s.id() != id);
    parsed.push(source.clone());
    source
}

/// A template may read only its data: packages and other files are not available.
fn not_here(id: FileId) -> FileError {
    match id.root() {
        VirtualRoot::Package(package) => FileError::Package(PackageError::Other(Some(
            format!("packages are not available to ipobrief's templates ({package})").into(),
        ))),
        VirtualRoot::Project => FileError::Other(Some(
            format!(
                "{} is not available: a template reads only {DATA_FILE}",
                id.vpath().get_with_slash()
            )
            .into(),
        )),
    }
}
