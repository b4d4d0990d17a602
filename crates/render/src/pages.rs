//! On screen and in bulk: a ruling's pages as PNG images for the live preview (only the
//! pages that changed since the last preview are drawn again), and many documents to PDF on
//! every core, with progress and a stop.

use crate::{Document, RenderError, Rendered, Renderer, RulingInput, prepare_ruling};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Pixels per typographic point of a preview page: 1.5 draws an A4 page 893 × 1263 pixels,
/// sharp on a screen at 100 % and readable at 150 %.
pub const PREVIEW_SCALE: f32 = 1.5;

/// A page of a preview.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewPage {
    /// A hash of the page as laid out: the same text in the same place gives the same hash.
    pub hash: String,
    pub width: u32,
    pub height: u32,
    /// The page as PNG; `None` when the caller already holds a page with this hash.
    pub png: Option<Vec<u8>>,
}

impl Renderer {
    /// A ruling's pages (first instance, or appeal with `appeal`) as PNG images at `scale`
    /// pixels per point: the same layout as the PDF. Pages whose hash is in `known` (the
    /// pages the screen shows already) are not drawn again; the others are drawn in
    /// parallel, one page per core.
    pub fn ruling_preview_png(
        &self,
        input: &RulingInput,
        appeal: bool,
        scale: f32,
        known: &[String],
    ) -> Result<Vec<PreviewPage>, RenderError> {
        let doc = if appeal {
            Document::AppealRuling
        } else {
            Document::Ruling
        };
        let mut prepared = prepare_ruling(input, appeal)?;
        // The verification code is a hash of the whole ruling, printed in every page's footer:
        // left in, each keystroke would change every page. The preview shows a dash; the code
        // is made when the ruling is printed.
        for field in ["code", "sha256"] {
            prepared.data["verification"][field] = "—".into();
        }
        // Its QR code too (on the last page): a fixed one, so that a page that did not move
        // is the same page again.
        prepared.data["verification"]["qr"] = crate::verify::qr_runs("heyat:preview");
        let document = self.compile(doc, &prepared)?;
        let scale = if scale.is_finite() {
            scale.clamp(0.5, 4.0)
        } else {
            PREVIEW_SCALE
        };
        let opts = typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(f64::from(scale)),
            render_bleed: false,
        };
        let pages = document.pages();
        let hashes: Vec<String> = pages
            .iter()
            .map(|p| format!("{:032x}", typst::utils::hash128(&p.frame)))
            .collect();
        let todo: Vec<usize> = (0..pages.len())
            .filter(|&i| !known.contains(&hashes[i]))
            .collect();
        let drawn: Vec<Mutex<Option<Drawn>>> = (0..pages.len()).map(|_| Mutex::new(None)).collect();
        let next = AtomicUsize::new(0);
        let workers = workers().min(todo.len()).max(1);
        std::thread::scope(|s| {
            for _ in 0..workers {
                s.spawn(|| {
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&i) = todo.get(k) else { break };
                        let pixmap = typst_render::render(&pages[i], &opts);
                        let png = gray_png(pixmap.width(), pixmap.height(), pixmap.data())
                            .map(|png| (pixmap.width(), pixmap.height(), png));
                        if let Ok(mut slot) = drawn[i].lock() {
                            *slot = Some(png);
                        }
                    }
                });
            }
        });
        let size = |i: usize| {
            let s = pages[i].frame.size();
            (
                (s.x.to_pt() as f32 * scale).round() as u32,
                (s.y.to_pt() as f32 * scale).round() as u32,
            )
        };
        hashes
            .into_iter()
            .zip(drawn)
            .enumerate()
            .map(|(i, (hash, slot))| {
                let slot = slot.into_inner().unwrap_or(None);
                Ok(match slot {
                    Some(r) => {
                        let (width, height, png) = r?;
                        PreviewPage {
                            hash,
                            width,
                            height,
                            png: Some(png),
                        }
                    }
                    None => {
                        let (width, height) = size(i);
                        PreviewPage {
                            hash,
                            width,
                            height,
                            png: None,
                        }
                    }
                })
            })
            .collect()
    }

    /// Many documents to PDF on `threads` threads (0: one per core), each thread taking the
    /// next input as it finishes one; typst's memo cache is evicted every
    /// [`crate::EVICT_EVERY`] documents so that memory stays flat. `each` receives every
    /// result with its index, in the order they finish, from the worker threads. Setting
    /// `stop` makes every thread stop after its current document; answers how many were
    /// rendered.
    pub fn render_parallel<F>(
        &self,
        doc: Document,
        inputs: &[&str],
        threads: usize,
        stop: &AtomicBool,
        each: F,
    ) -> usize
    where
        F: Fn(usize, Result<Rendered, RenderError>) + Sync,
    {
        run_parallel(inputs.len(), threads, stop, |i| {
            each(i, self.render_json(doc, inputs[i]))
        })
    }
}

/// `work(0)`, …, `work(count - 1)` on `threads` threads (0: one per core), each thread taking
/// the next index as it finishes one, typst's memo cache evicted every
/// [`crate::EVICT_EVERY`] items; `stop` stops every thread after its current item. Answers
/// how many items were done.
pub fn run_parallel<F>(count: usize, threads: usize, stop: &AtomicBool, work: F) -> usize
where
    F: Fn(usize) + Sync,
{
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let threads = if threads == 0 { workers() } else { threads }
        .min(count)
        .max(1);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    work(i);
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if n.is_multiple_of(crate::EVICT_EVERY) {
                        // Everything: keeping results used by recent documents
                        // (`evict(3)`) was measured slower (10.1 s for 500, not 8.8 s)
                        // and grew to 1 GiB.
                        crate::evict_cache();
                    }
                }
            });
        }
    });
    crate::evict_cache();
    done.into_inner()
}

/// The page as an 8-bit grayscale PNG, quickly compressed: the templates print only in
/// shades of grey (`luma`), on an opaque white page, so one channel of four says it all, at
/// a quarter of the pixels to compress and about a third of the bytes of RGBA.
fn gray_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, RenderError> {
    let gray: Vec<u8> = rgba
        .chunks_exact(4)
        .map(|p| {
            ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000) as u8
        })
        .collect();
    let mut out = Vec::with_capacity(gray.len() / 8);
    let failed = |e: png::EncodingError| RenderError::Pdf(format!("PNG: {e}"));
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&gray).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

/// A page drawn: width, height, PNG.
type Drawn = Result<(u32, u32, Vec<u8>), RenderError>;

/// One worker per core.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
