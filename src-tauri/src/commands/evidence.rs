//! Evidence attached to a case: the bytes in, a checked copy out to the system's viewer.

use crate::AppState;
use crate::error::CommandError;
use tauri::State;

fn invalid(message: impl Into<String>) -> CommandError {
    CommandError::invalid(message)
}

/// `%XX` escapes (what `encodeURIComponent` writes) back to text.
pub(crate) fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Attaches a file to a case: the bytes as the raw body of the call, the case, file name and
/// description in headers (`heyat-case-id`, `heyat-file-name`, `heyat-description`, the
/// texts URI-encoded). The store checks the type (PDF, image, text), the size (25 MiB) and
/// refuses the same file twice.
#[tauri::command]
pub async fn attach_evidence(
    state: State<'_, AppState>,
    request: tauri::ipc::Request<'_>,
) -> Result<crate::dto::EvidenceRecord, CommandError> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(invalid(
            "پرونده‌ای برای پیوست فرستاده نشد؛ پرونده را دوباره برگزینید.",
        ));
    };
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(percent_decoded)
    };
    let case_id = header("heyat-case-id")
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| invalid("پروندهٔ مقصد پیوست معلوم نیست."))?;
    let caller = state
        .allow_case(heyat_core::proceedings::Action::EditCase, case_id)
        .await?;
    let file_name = header("heyat-file-name").unwrap_or_default();
    let description = header("heyat-description").unwrap_or_default();
    if description.trim().is_empty() {
        return Err(invalid(
            "شرح مستند را بنویسید (مثلاً «گزارش بازرسی مورخ ۱۴۰۵/۰۸/۲۰»).",
        ));
    }
    Ok(state
        .store
        .add_evidence(case_id, &file_name, bytes, &description, &caller.actor())
        .await?
        .into())
}

/// Opens an evidence file with the system's viewer: the bytes are checked against their
/// SHA-256 first and a copy is written under the data folder's `exports/` (the kept file
/// itself is never handed out). Answers the copy's path.
#[tauri::command]
pub async fn open_evidence(
    state: State<'_, AppState>,
    evidence_id: i64,
) -> Result<String, CommandError> {
    let case_id = state.store.evidence_case(evidence_id).await?;
    state
        .allow_case(heyat_core::proceedings::Action::ReadCases, case_id)
        .await?;
    let (record, bytes) = state.store.read_evidence(evidence_id).await?;
    let dir = state.data_dir.join("exports");
    std::fs::create_dir_all(&dir)
        .map_err(|e| CommandError::storage(format!("پوشهٔ exports ساخته نشد: {e}")))?;
    // Named by the type the bytes show, never by the stored name's extension: a PDF called
    // `report.exe` opens as a PDF, and nothing opens as a program.
    let path = dir.join(heyat_store::export_name(&record, &bytes));
    std::fs::write(&path, &bytes)
        .map_err(|e| CommandError::storage(format!("رونوشت مستند نوشته نشد: {e}")))?;
    // The viewer is the desktop's business (any system: tauri-plugin-opener); without one the
    // copy stays where it is and its path is answered.
    tracing::info!(
        evidence = evidence_id,
        viewer = state.open_with_viewer,
        "open evidence copy"
    );
    if state.open_with_viewer
        && let Err(e) = tauri_plugin_opener::open_path(path.display().to_string(), None::<&str>)
    {
        tracing::warn!("the system viewer did not open an evidence copy: {e}");
    }
    Ok(path.display().to_string())
}

/// The text of a text evidence file, shown inside the app (checked against its SHA-256; at
/// most 256 KiB; refused for anything that is not UTF-8 text).
#[tauri::command]
pub async fn evidence_text(
    state: State<'_, AppState>,
    evidence_id: i64,
) -> Result<String, CommandError> {
    let case_id = state.store.evidence_case(evidence_id).await?;
    state
        .allow_case(heyat_core::proceedings::Action::ReadCases, case_id)
        .await?;
    Ok(state.store.evidence_text(evidence_id).await?)
}
