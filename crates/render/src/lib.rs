//! Heyat's documents: typst used as a library.
//!
//! A [`Renderer`] is built once: it parses the fonts bundled under `templates/fonts/` and
//! the templates, and holds the standard library. Each render takes a typed input
//! ([`RulingInput`], [`MinutesInput`], [`NoticeInput`], [`SummonsInput`], …), prepares it in Rust (dates in
//! Persian digits, article texts looked up in the regulations, the operative part worded,
//! a [`Verification`] code computed) and serves the result as the fixed virtual file
//! `/data.json`, which the template reads with `json(...)`. Data therefore never becomes
//! markup: a field holding `#panic()` or `*` prints as typed.
//!
//! File ids are interned by typst for the life of the process, so they are made once per
//! template here and never per render. `World::today` is `None`: the only date a template
//! sees is in its data, and the PDF's creation date is the document's own date, so the same
//! input gives the same bytes. Output is PDF/A-2b, and PDF/A-3b for a sealed ruling
//! ([`Renderer::sealed_ruling`]), which carries its seal as an attached file that
//! [`extract_seal`] reads back.

mod input;
mod pages;
mod prepare;
mod seal;
mod text;
mod verify;

pub use input::*;
pub use pages::{PREVIEW_SCALE, PreviewPage, run_parallel, workers};
pub use seal::{
    AuditAnchor, SEAL_FILE, SEAL_VERSION, Seal, SealSignature, SealedRuling, content_sha256,
    extract_seal,
};
pub use text::{isolate_latin, words as number_words};
pub use verify::Verification;

use heyat_core::JalaliDate;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::layout::{Frame, FrameItem};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// The bundled fonts (OFL): Noto Naskh Arabic for the body, Vazirmatn for headings, tables
/// and Latin text.
const FONTS: [&[u8]; 4] = [
    include_bytes!("../../../templates/fonts/Vazirmatn-Regular.ttf"),
    include_bytes!("../../../templates/fonts/Vazirmatn-Bold.ttf"),
    include_bytes!("../../../templates/fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../../templates/fonts/NotoNaskhArabic-Bold.ttf"),
];

/// Shared by every template: page, fonts, header, footer, QR code.
const COMMON: (&str, &str) = ("/common.typ", include_str!("../../../templates/common.typ"));

/// A document Heyat can print, with its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Document {
    /// The cover sheet of a case file (برگ جلد پرونده); its data goes to the template as is.
    CaseCover,
    /// First-instance ruling (دادنامهٔ هیأت بدوی): [`RulingInput`].
    Ruling,
    /// Appeal ruling (دادنامهٔ هیأت تجدیدنظر): [`RulingInput`] with `appeal_of`.
    AppealRuling,
    /// Session minutes (صورتجلسه): [`MinutesInput`].
    Minutes,
    /// The combined minutes of a sitting that heard several cases (صورت‌جلسهٔ نشست):
    /// [`SittingMinutesInput`].
    SittingMinutes,
    /// Notification slip (برگ ابلاغ): [`NoticeInput`].
    Notice,
    /// The report of index 7 of the 1404 Ranking Instruction for an evaluation period
    /// (گزارش شاخص سوابق انتظامی و قضائی دفاتر): [`RankingInput`].
    Ranking,
    /// Summons of the manager to answer the charges (اخطاریه): [`SummonsInput`].
    Summons,
}

impl Document {
    pub const ALL: [Document; 8] = [
        Document::Ruling,
        Document::AppealRuling,
        Document::Minutes,
        Document::SittingMinutes,
        Document::Notice,
        Document::CaseCover,
        Document::Ranking,
        Document::Summons,
    ];

    fn template(self) -> (&'static str, &'static str) {
        match self {
            Document::CaseCover => (
                "/case-cover.typ",
                include_str!("../../../templates/case-cover.typ"),
            ),
            Document::Ruling | Document::AppealRuling => {
                ("/ruling.typ", include_str!("../../../templates/ruling.typ"))
            }
            Document::Minutes => (
                "/minutes.typ",
                include_str!("../../../templates/minutes.typ"),
            ),
            Document::SittingMinutes => (
                "/sitting-minutes.typ",
                include_str!("../../../templates/sitting-minutes.typ"),
            ),
            Document::Notice => ("/notice.typ", include_str!("../../../templates/notice.typ")),
            Document::Ranking => (
                "/ranking.typ",
                include_str!("../../../templates/ranking.typ"),
            ),
            Document::Summons => (
                "/summons.typ",
                include_str!("../../../templates/summons.typ"),
            ),
        }
    }

    /// A complete example of the input; it renders as is.
    pub fn example(self) -> &'static str {
        match self {
            Document::CaseCover => include_str!("../../../templates/case-cover.example.json"),
            Document::Ruling => include_str!("../../../templates/ruling.example.json"),
            Document::AppealRuling => {
                include_str!("../../../templates/appeal-ruling.example.json")
            }
            Document::Minutes => include_str!("../../../templates/minutes.example.json"),
            Document::SittingMinutes => {
                include_str!("../../../templates/sitting-minutes.example.json")
            }
            Document::Notice => include_str!("../../../templates/notice.example.json"),
            Document::Ranking => include_str!("../../../templates/ranking.example.json"),
            Document::Summons => include_str!("../../../templates/summons.example.json"),
        }
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Document::CaseCover => "case-cover",
            Document::Ruling => "ruling",
            Document::AppealRuling => "appeal-ruling",
            Document::Minutes => "minutes",
            Document::SittingMinutes => "sitting-minutes",
            Document::Notice => "notice",
            Document::Ranking => "ranking",
            Document::Summons => "summons",
        }
    }

    pub fn from_name(name: &str) -> Option<Document> {
        Document::ALL.into_iter().find(|d| d.name() == name)
    }
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("داده‌های سند خوانده نشد: {0}")]
    Data(#[from] serde_json::Error),
    #[error("داده‌های سند نادرست است: {0}")]
    Invalid(String),
    #[error("قالب سند خطا دارد: {0}")]
    Template(String),
    #[error("ساخت PDF انجام نشد: {0}")]
    Pdf(String),
    /// Reading a sealed ruling's seal back from a PDF failed.
    #[error("مهر دادنامه خوانده نشد: {0}")]
    Seal(String),
}

/// A finished document.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// `None` for the case cover, which carries no code.
    pub verification: Option<Verification>,
}

/// Data ready for a template, with the date the PDF records as its creation date.
struct Prepared {
    data: serde_json::Value,
    date: Option<JalaliDate>,
    verification: Option<Verification>,
}

/// How a sealed ruling's PDF differs from the unsigned print: its own identifier (from the
/// whole seal) and date (the last signature).
struct Sealed {
    ident: String,
    timestamp: Timestamp,
}

/// How many renders [`Renderer::render_batch`] makes between evictions of typst's memo
/// cache, which otherwise grows by about 1.5 MiB per document.
pub const EVICT_EVERY: usize = 50;

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
        let common = file_id(COMMON.0);
        templates.insert(common, Source::new(common, COMMON.1.to_owned()));
        for doc in Document::ALL {
            let (path, text) = doc.template();
            let id = file_id(path);
            templates
                .entry(id)
                .or_insert_with(|| Source::new(id, text.to_owned()));
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

    /// A first-instance ruling.
    pub fn ruling(&self, input: &RulingInput) -> Result<Rendered, RenderError> {
        self.finish(Document::Ruling, prepare_ruling(input, false)?)
    }

    /// An appeal ruling (`input.appeal_of` is required).
    pub fn appeal_ruling(&self, input: &RulingInput) -> Result<Rendered, RenderError> {
        self.finish(Document::AppealRuling, prepare_ruling(input, true)?)
    }

    /// A signed ruling: the pages of [`Renderer::ruling`] (or [`Renderer::appeal_ruling`]
    /// when `seal.kind` is `appeal-ruling`) with each member's electronic signature in the
    /// signature block, a verification box whose QR code carries
    /// `heyat:sealed:CONTENT_SHA256:BODY_SHA256`, and the whole [`SealedRuling`] attached
    /// as [`SEAL_FILE`]. PDF/A-3b, dated at the last signature; the same seal gives the same
    /// bytes. The seal must belong to the input (its `content_sha256`); the signatures are
    /// not checked here.
    pub fn sealed_ruling(&self, sealed: &SealedRuling) -> Result<Rendered, RenderError> {
        let (appeal, signed) = seal::check(sealed)?;
        let doc = if appeal {
            Document::AppealRuling
        } else {
            Document::Ruling
        };
        let mut prepared = prepare_ruling(&sealed.input, appeal)?;
        prepared.data["seal"] = seal::prepare(sealed)?;
        let ident = format!(
            "heyat-sealed-{}-{}",
            doc.name(),
            verify::sha256_hex(&serde_json::to_vec(sealed)?)
        );
        let date = signed
            .datetime()
            .ok_or_else(|| RenderError::Invalid("زمان امضا بیرون از بازهٔ پذیرفته است".into()))?;
        self.finish_pdf(
            doc,
            prepared,
            Some(Sealed {
                ident,
                timestamp: Timestamp::new_utc(date),
            }),
        )
    }

    /// Session minutes.
    pub fn minutes(&self, input: &MinutesInput) -> Result<Rendered, RenderError> {
        let v = Verification::of("minutes", input)?;
        let (data, date) = prepare::minutes(input, &v)?;
        self.finish(Document::Minutes, with(data, date, v))
    }

    /// The combined minutes of a sitting: attendance once, then each case in order.
    pub fn sitting_minutes(&self, input: &SittingMinutesInput) -> Result<Rendered, RenderError> {
        let v = Verification::of("sitting-minutes", input)?;
        let (data, date) = prepare::sitting_minutes(input, &v)?;
        self.finish(Document::SittingMinutes, with(data, date, v))
    }

    /// A notification slip.
    pub fn notice(&self, input: &NoticeInput) -> Result<Rendered, RenderError> {
        let v = Verification::of("notice", input)?;
        let (data, date) = prepare::notice(input, &v)?;
        self.finish(Document::Notice, with(data, date, v))
    }

    /// The report of index 7 (disciplinary and judicial record) of the 1404 Ranking
    /// Instruction for an evaluation period: each office's score, and each conviction with
    /// its clause («بند پ شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی») or why none deducts it.
    pub fn ranking(&self, input: &RankingInput) -> Result<Rendered, RenderError> {
        let v = Verification::of("ranking", input)?;
        let (data, date) = prepare::ranking(input, &v)?;
        self.finish(Document::Ranking, with(data, date, v))
    }

    /// A summons of the manager to answer the charges (اخطاریه).
    pub fn summons(&self, input: &SummonsInput) -> Result<Rendered, RenderError> {
        let v = Verification::of("summons", input)?;
        let (data, date) = prepare::summons(input, &v)?;
        self.finish(Document::Summons, with(data, date, v))
    }

    /// Any document from its JSON input (the schema in `templates/README.md`), as
    /// `heyat render` does.
    pub fn render_json(&self, doc: Document, json: &str) -> Result<Rendered, RenderError> {
        fn parse<T: DeserializeOwned>(json: &str) -> Result<T, RenderError> {
            Ok(serde_json::from_str(json)?)
        }
        match doc {
            Document::Ruling => self.ruling(&parse(json)?),
            Document::AppealRuling => self.appeal_ruling(&parse(json)?),
            Document::Minutes => self.minutes(&parse(json)?),
            Document::SittingMinutes => self.sitting_minutes(&parse(json)?),
            Document::Notice => self.notice(&parse(json)?),
            Document::Ranking => self.ranking(&parse(json)?),
            Document::Summons => self.summons(&parse(json)?),
            Document::CaseCover => self.finish(
                Document::CaseCover,
                Prepared {
                    data: isolate_all(parse(json)?),
                    date: None,
                    verification: None,
                },
            ),
        }
    }

    /// Many documents in a row, evicting typst's memo cache every [`EVICT_EVERY`] renders so
    /// that memory stays flat; `each` receives each result in order.
    pub fn render_batch<'a, I>(
        &self,
        doc: Document,
        inputs: I,
        mut each: impl FnMut(usize, Result<Rendered, RenderError>),
    ) where
        I: IntoIterator<Item = &'a str>,
    {
        for (i, json) in inputs.into_iter().enumerate() {
            each(i, self.render_json(doc, json));
            if (i + 1) % EVICT_EVERY == 0 {
                evict_cache();
            }
        }
        evict_cache();
    }

    /// A ruling's pages (first instance, or appeal with `appeal`) as SVG images, for a
    /// preview on screen: the same layout as the PDF, without the PDF/A packaging.
    pub fn ruling_preview(
        &self,
        input: &RulingInput,
        appeal: bool,
    ) -> Result<Vec<String>, RenderError> {
        let doc = if appeal {
            Document::AppealRuling
        } else {
            Document::Ruling
        };
        let document = self.compile(doc, &prepare_ruling(input, appeal)?)?;
        let opts = typst_svg::SvgOptions::default();
        Ok(document
            .pages()
            .iter()
            .map(|page| typst_svg::svg(page, &opts))
            .collect())
    }

    /// The text as typeset, page by page, in the order typst laid it out (for checks that
    /// should not depend on a PDF text extractor).
    pub fn typeset_text(&self, doc: Document, json: &str) -> Result<Vec<String>, RenderError> {
        let prepared = prepare_any(doc, json)?;
        let document = self.compile(doc, &prepared)?;
        Ok(document
            .pages()
            .iter()
            .map(|p| {
                let mut s = String::new();
                frame_text(&p.frame, &mut s);
                s
            })
            .collect())
    }

    fn compile(&self, doc: Document, prepared: &Prepared) -> Result<PagedDocument, RenderError> {
        let world = RenderWorld {
            renderer: self,
            main: self.mains[&doc],
            data: Bytes::new(serde_json::to_vec(&prepared.data)?),
        };
        typst::compile(&world)
            .output
            .map_err(|e| RenderError::Template(describe(&e)))
    }

    fn finish(&self, doc: Document, prepared: Prepared) -> Result<Rendered, RenderError> {
        self.finish_pdf(doc, prepared, None)
    }

    fn finish_pdf(
        &self,
        doc: Document,
        prepared: Prepared,
        sealed: Option<Sealed>,
    ) -> Result<Rendered, RenderError> {
        let document = self.compile(doc, &prepared)?;
        let standard = |s: PdfStandard| {
            PdfStandards::new(&[s]).map_err(|e| RenderError::Pdf(e.message().to_string()))
        };
        let (ident, timestamp, standards) = match sealed {
            // PDF/A-2 allows no attached file; PDF/A-3 does.
            Some(s) => (s.ident, Some(s.timestamp), standard(PdfStandard::A_3b)?),
            None => {
                let timestamp = prepared.date.and_then(|d| {
                    let (y, m, day) = d.iso();
                    Datetime::from_ymd(y, m, day).map(Timestamp::new_utc)
                });
                let ident = match &prepared.verification {
                    Some(v) => format!("heyat-{}-{}", doc.name(), v.sha256),
                    None => format!("heyat-{}", doc.name()),
                };
                // PDF/A needs a document date; the case cover has none and is a working paper.
                let standards = if prepared.date.is_some() {
                    standard(PdfStandard::A_2b)?
                } else {
                    PdfStandards::default()
                };
                (ident, timestamp, standards)
            }
        };
        let options = PdfOptions {
            ident: Smart::Custom(ident),
            creator: Smart::Custom(Some("Heyat (typst)".to_owned())),
            timestamp,
            standards,
            ..Default::default()
        };
        let pdf =
            typst_pdf::pdf(&document, &options).map_err(|e| RenderError::Pdf(describe(&e)))?;
        Ok(Rendered {
            pdf,
            pages: document.pages().len(),
            verification: prepared.verification,
        })
    }
}

/// Drops typst's memoized results older than a few compilations. Long-running callers that
/// render many documents outside [`Renderer::render_batch`] should call it now and then.
pub fn evict_cache() {
    typst::comemo::evict(0);
}

fn with(data: serde_json::Value, date: JalaliDate, v: Verification) -> Prepared {
    Prepared {
        data,
        date: Some(date),
        verification: Some(v),
    }
}

/// The data a template reads (`/data.json`) for a JSON input: what the document will say,
/// already worded, for a preview or for typesetting the same ruling with another engine.
pub fn prepare_json(doc: Document, json: &str) -> Result<serde_json::Value, RenderError> {
    Ok(prepare_any(doc, json)?.data)
}

fn prepare_any(doc: Document, json: &str) -> Result<Prepared, RenderError> {
    Ok(match doc {
        Document::Ruling => prepare_ruling(&serde_json::from_str(json)?, false)?,
        Document::AppealRuling => prepare_ruling(&serde_json::from_str(json)?, true)?,
        Document::Minutes => {
            let input: MinutesInput = serde_json::from_str(json)?;
            let v = Verification::of("minutes", &input)?;
            let (d, date) = prepare::minutes(&input, &v)?;
            with(d, date, v)
        }
        Document::SittingMinutes => {
            let input: SittingMinutesInput = serde_json::from_str(json)?;
            let v = Verification::of("sitting-minutes", &input)?;
            let (d, date) = prepare::sitting_minutes(&input, &v)?;
            with(d, date, v)
        }
        Document::Notice => {
            let input: NoticeInput = serde_json::from_str(json)?;
            let v = Verification::of("notice", &input)?;
            let (d, date) = prepare::notice(&input, &v)?;
            with(d, date, v)
        }
        Document::Ranking => {
            let input: RankingInput = serde_json::from_str(json)?;
            let v = Verification::of("ranking", &input)?;
            let (d, date) = prepare::ranking(&input, &v)?;
            with(d, date, v)
        }
        Document::Summons => {
            let input: SummonsInput = serde_json::from_str(json)?;
            let v = Verification::of("summons", &input)?;
            let (d, date) = prepare::summons(&input, &v)?;
            with(d, date, v)
        }
        Document::CaseCover => Prepared {
            data: isolate_all(serde_json::from_str(json)?),
            date: None,
            verification: None,
        },
    })
}

fn prepare_ruling(input: &RulingInput, appeal: bool) -> Result<Prepared, RenderError> {
    let kind = if appeal { "appeal-ruling" } else { "ruling" };
    let v = Verification::of(kind, input)?;
    let (data, date) = prepare::ruling(input, appeal, &v)?;
    Ok(with(data, date, v))
}

/// Every string of a JSON value with its Latin runs isolated (the case cover's data, which
/// goes to its template without a typed input).
fn isolate_all(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::String(s) => Value::String(text::isolate_latin(&s)),
        Value::Array(items) => Value::Array(items.into_iter().map(isolate_all).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, isolate_all(v))).collect())
        }
        other => other,
    }
}

fn frame_text(frame: &Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => frame_text(&g.frame, out),
            FrameItem::Text(t) => {
                out.push_str(&t.text);
                out.push('\n');
            }
            _ => {}
        }
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
        None
    }
}
