//! Heyat's documents: typst used as a library.
//!
//! A [`Renderer`] is built once: it parses the fonts bundled under `templates/fonts/` and
//! holds the standard library. Each render serves the template as the main file and the
//! data as a fixed virtual file `/data.json`, which the template reads with `json(...)`.
//! Data therefore never becomes markup: a field holding `#panic()` or `*` prints as typed.
//! File ids are interned by typst for the life of the process, so they are made once per
//! template here and never per render.

use serde::Serialize;
use std::collections::HashMap;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The bundled fonts (OFL): Vazirmatn for Persian and Latin alike.
const FONTS: [&[u8]; 2] = [
    include_bytes!("../../../templates/fonts/Vazirmatn-Regular.ttf"),
    include_bytes!("../../../templates/fonts/Vazirmatn-Bold.ttf"),
];

/// A document Heyat can print, with its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Document {
    /// The cover sheet of a case file (برگ جلد پرونده).
    CaseCover,
}

impl Document {
    pub const ALL: [Document; 1] = [Document::CaseCover];

    fn template(self) -> (&'static str, &'static str) {
        match self {
            Document::CaseCover => (
                "/case-cover.typ",
                include_str!("../../../templates/case-cover.typ"),
            ),
        }
    }

    /// A complete example of the data the template reads; it renders as is.
    pub fn example(self) -> &'static str {
        match self {
            Document::CaseCover => include_str!("../../../templates/case-cover.example.json"),
        }
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Document::CaseCover => "case-cover",
        }
    }

    pub fn from_name(name: &str) -> Option<Document> {
        Document::ALL.into_iter().find(|d| d.name() == name)
    }
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("داده‌های سند به JSON تبدیل نشد: {0}")]
    Data(#[from] serde_json::Error),
    #[error("قالب سند خطا دارد: {0}")]
    Template(String),
    #[error("ساخت PDF انجام نشد: {0}")]
    Pdf(String),
}

/// A calendar day given to the template as `datetime.today()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Fonts, library and templates, prepared once and shared by every render.
pub struct Renderer {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    templates: HashMap<FileId, Source>,
    mains: HashMap<Document, FileId>,
    data_id: FileId,
}

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("a fixed, valid path"),
    )
    .intern()
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

impl Renderer {
    pub fn new() -> Renderer {
        let fonts: Vec<Font> = FONTS
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        let mut templates = HashMap::new();
        let mut mains = HashMap::new();
        for doc in Document::ALL {
            let (path, text) = doc.template();
            let id = file_id(path);
            templates.insert(id, Source::new(id, text.to_owned()));
            mains.insert(doc, id);
        }
        Renderer {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(book),
            fonts,
            templates,
            mains,
            data_id: file_id("/data.json"),
        }
    }

    /// Typesets `doc` with `data` and returns the PDF's bytes. The same input and `today`
    /// give the same bytes.
    pub fn render<T: Serialize>(
        &self,
        doc: Document,
        data: &T,
        today: Today,
    ) -> Result<Vec<u8>, RenderError> {
        let world = RenderWorld {
            renderer: self,
            main: self.mains[&doc],
            data: Bytes::new(serde_json::to_vec(data)?),
            today,
        };
        let document: PagedDocument = typst::compile(&world)
            .output
            .map_err(|e| RenderError::Template(describe(&e)))?;
        let options = typst_pdf::PdfOptions {
            ident: typst::foundations::Smart::Custom(format!("heyat-{}", doc.name())),
            ..Default::default()
        };
        typst_pdf::pdf(&document, &options).map_err(|e| RenderError::Pdf(describe(&e)))
    }
}

fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

struct RenderWorld<'a> {
    renderer: &'a Renderer,
    main: FileId,
    data: Bytes,
    today: Today,
}

impl World for RenderWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.renderer.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.renderer.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.renderer
            .templates
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_without_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.renderer.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::NotFound(
                id.get().vpath().get_without_slash().into(),
            ))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.renderer.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(self.today.year, self.today.month, self.today.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TODAY: Today = Today {
        year: 2026,
        month: 11,
        day: 23,
    };

    fn cover() -> serde_json::Value {
        serde_json::from_str(Document::CaseCover.example()).unwrap()
    }

    #[test]
    fn renders_a_pdf_and_the_same_input_gives_the_same_bytes() {
        let renderer = Renderer::new();
        let a = renderer
            .render(Document::CaseCover, &cover(), TODAY)
            .unwrap();
        let b = renderer
            .render(Document::CaseCover, &cover(), TODAY)
            .unwrap();
        assert!(a.starts_with(b"%PDF-"));
        assert_eq!(a, b);
    }

    #[test]
    fn markup_in_data_is_printed_not_run() {
        let renderer = Renderer::new();
        let hostile = "#panic(\"boom\") *bold* $x$ ] < @ref";
        let mut data = cover();
        for field in [
            "board",
            "number",
            "registered_on",
            "status",
            "office",
            "manager",
            "subject",
            "printed_on",
        ] {
            data[field] = json!(hostile);
        }
        data["charges"][0]["title"] = json!(hostile);
        let pdf = renderer.render(Document::CaseCover, &data, TODAY).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn missing_fields_are_a_template_error_not_a_panic() {
        let renderer = Renderer::new();
        let err = renderer
            .render(Document::CaseCover, &json!({}), TODAY)
            .unwrap_err();
        assert!(matches!(err, RenderError::Template(_)), "{err}");
    }
}
