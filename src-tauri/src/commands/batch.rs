//! Printing the rulings sealed in a period at once: typeset again from their seals on every
//! core into one folder under `exports/`, with a progress event after each ruling and a stop.

use crate::AppState;
use crate::dto::{BatchDone, BatchProgress};
use crate::error::CommandError;
use crate::views::iso_date;
use heyat_core::proceedings::Action;
use std::sync::atomic::Ordering;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// The event sent after each ruling of a batch.
pub const PROGRESS_EVENT: &str = "batch-progress";

#[tauri::command]
pub async fn reprint_rulings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<BatchDone, CommandError> {
    state.allow(Action::Print).await?;
    let (from, to) = (iso_date("از تاریخ", &from)?, iso_date("تا تاریخ", &to)?);
    if from > to {
        return Err(CommandError::invalid(
            "«از تاریخ» پس از «تا تاریخ» است؛ بازهٔ تاریخ را درست کنید.",
        ));
    }
    if state.batch_running.swap(true, Ordering::SeqCst) {
        return Err(CommandError::invalid(
            "چاپ گروهی دیگری در جریان است؛ بگذارید به پایان برسد یا آن را متوقف کنید.",
        ));
    }
    state.batch_stop.store(false, Ordering::SeqCst);
    let entries = match state.store.sealed_between(&from, &to).await {
        Ok(e) => e,
        Err(e) => {
            state.batch_running.store(false, Ordering::SeqCst);
            return Err(e.into());
        }
    };
    let folder = state
        .data_dir
        .join("exports")
        .join(format!("rulings-{from}-{to}"));
    let handle = app.clone();
    let report = tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        let out = heyat_documents::reprint_sealed(
            &state.renderer,
            &entries,
            &folder,
            &state.batch_stop,
            |done, total| {
                // A window closed meanwhile misses an event; the batch goes on.
                let _ = handle.emit(PROGRESS_EVENT, BatchProgress { done, total });
            },
        );
        state.batch_running.store(false, Ordering::SeqCst);
        out
    })
    .await
    .map_err(|e| CommandError::storage(format!("چاپ گروهی از کار افتاد: {e}")))??;
    tracing::info!(
        total = report.total,
        written = report.written,
        stopped = report.stopped,
        "batch of sealed rulings"
    );
    Ok(BatchDone {
        folder: report.folder.display().to_string(),
        total: report.total,
        written: report.written,
        differing: report.differing,
        failed: report.failed,
        stopped: report.stopped,
    })
}

/// Stops the running batch after the rulings being typeset now.
#[tauri::command]
pub async fn stop_batch(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.allow(Action::Print).await?;
    state.batch_stop.store(true, Ordering::SeqCst);
    Ok(())
}
