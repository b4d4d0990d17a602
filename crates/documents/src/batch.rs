//! Printing many sealed rulings at once: each typeset again from its seal on every core,
//! compared with the PDF kept when it was sealed (the same seal gives the same bytes), and
//! written to one folder — with progress and a stop.

use heyat_render::{Renderer, SealedRuling};
use heyat_store::SealedEntry;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// What a batch did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchReport {
    pub folder: PathBuf,
    pub total: usize,
    pub written: usize,
    /// Typeset again, not the bytes kept at sealing («case number: why»): not written,
    /// named here to be looked into (`heyat audit verify`).
    pub differing: Vec<String>,
    /// Could not be typeset or written («case number: why»).
    pub failed: Vec<String>,
    /// Stopped before the end.
    pub stopped: bool,
}

/// Typesets every entry again from its seal into `folder` (`CASE-NUMBER.pdf`), on every
/// core; `progress(done, total)` is called after each document, from the worker threads.
/// A PDF that does not come out as the one kept is not written and is named in the report.
pub fn reprint_sealed(
    renderer: &Renderer,
    entries: &[SealedEntry],
    folder: &Path,
    stop: &AtomicBool,
    progress: impl Fn(usize, usize) + Sync,
) -> Result<BatchReport, crate::DocumentError> {
    std::fs::create_dir_all(folder).map_err(|e| {
        crate::DocumentError::Io(format!("پوشهٔ «{}» ساخته نشد: {e}", folder.display()))
    })?;
    let done = AtomicUsize::new(0);
    let written = AtomicUsize::new(0);
    let differing = Mutex::new(Vec::new());
    let failed = Mutex::new(Vec::new());
    let total = entries.len();
    heyat_render::run_parallel(total, 0, stop, |i| {
        let e = &entries[i];
        let outcome = serde_json::from_str::<SealedRuling>(&e.sealed)
            .map_err(|err| format!("دادهٔ مهر خوانده نشد: {err}"))
            .and_then(|sealed| {
                renderer
                    .sealed_ruling(&sealed)
                    .map_err(|err| err.to_string())
            })
            .and_then(|rendered| {
                if heyat_store::keys::sha256_hex(&rendered.pdf) != e.pdf_sha256 {
                    return Ok(false);
                }
                let path = folder.join(format!("{}.pdf", e.case_number));
                std::fs::write(&path, &rendered.pdf)
                    .map(|()| true)
                    .map_err(|err| format!("«{}» نوشته نشد: {err}", path.display()))
            });
        match outcome {
            Ok(true) => {
                written.fetch_add(1, Ordering::Relaxed);
            }
            Ok(false) => {
                if let Ok(mut d) = differing.lock() {
                    d.push(format!(
                        "{}: حروف‌چینی دوباره با PDF نگه‌داشته یکی نیست",
                        e.case_number
                    ));
                }
            }
            Err(why) => {
                if let Ok(mut f) = failed.lock() {
                    f.push(format!("{}: {why}", e.case_number));
                }
            }
        }
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
    });
    let finished = done.into_inner();
    Ok(BatchReport {
        folder: folder.to_path_buf(),
        total,
        written: written.into_inner(),
        differing: differing.into_inner().unwrap_or_default(),
        failed: failed.into_inner().unwrap_or_default(),
        stopped: finished < total,
    })
}
