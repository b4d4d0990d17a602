//! A case file that travels (issue 15): the case package sent from the case file, and a
//! package from another board checked and received. Each command checks the role, makes one
//! call into `heyat-documents`, and maps the error.

use crate::AppState;
use crate::error::CommandError;
use heyat_core::proceedings::Action;
use heyat_documents::package::{self, PackageReport, PackageWritten, Trust};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// The largest package the screen may hand over.
const MAX_PACKAGE_BYTES: usize = 512 * 1024 * 1024;

/// A package received, as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReceivedView {
    pub id: i64,
    pub case_number: String,
    pub origin_board: String,
    pub fingerprint: String,
    /// How the sender was trusted, in Persian.
    pub trusted_fa: String,
    /// Solar Hijri, Iran time, Persian digits.
    pub exported_at_fa: String,
    pub received_at_fa: String,
    pub rulings: i64,
    pub evidence: i64,
    pub bytes: i64,
    /// The files a person may open: sealed rulings and evidence.
    pub files: Vec<String>,
    /// The appeal case opened here from the package, if any.
    pub opened_case_id: Option<i64>,
}

/// The appeal case opened from a package.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OpenedCase {
    pub id: i64,
    pub number: String,
}

fn view(p: heyat_store::ReceivedPackage, files: Vec<String>) -> ReceivedView {
    ReceivedView {
        trusted_fa: match p.trusted_by.as_str() {
            "known" => "کلید فرستنده در این دستگاه شناخته بود",
            "keys-file" => "با پروندهٔ کلیدهای هیأت فرستنده",
            _ => "اثر انگشت با دبیر فرستنده سنجیده شد",
        }
        .to_owned(),
        exported_at_fa: heyat_documents::moment_fa(&p.exported_at),
        received_at_fa: heyat_documents::moment_fa(&p.received_at),
        id: p.id,
        case_number: p.case_number,
        origin_board: p.origin_board,
        fingerprint: p.fingerprint,
        rulings: p.rulings,
        evidence: p.evidence,
        bytes: p.bytes,
        opened_case_id: p.opened_case_id,
        files,
    }
}

/// Writes the package of `case_id` into the data folder's `packages/`, signed by this
/// installation: the file to send and the fingerprint to give the receiving board apart.
#[tauri::command]
pub async fn export_case_package(
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<PackageWritten, CommandError> {
    let caller = state.allow_case(Action::SendCase, case_id).await?;
    let number = state.store.case_file(case_id).await?.case.number;
    let out = state
        .data_dir
        .join("packages")
        .join(package::package_file(&number, &state.today_iso()));
    let written = package::export_case(&state.store, &caller, case_id, &out).await?;
    tracing::info!(
        case_id,
        bytes = written.bytes,
        rulings = written.rulings,
        "case package written"
    );
    Ok(written)
}

/// The package's bytes and the fingerprint typed, from a raw IPC body.
fn package_of(request: &tauri::ipc::Request<'_>) -> Result<(Vec<u8>, Trust), CommandError> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(CommandError::invalid(
            "بسته‌ای فرستاده نشد؛ پروندهٔ بسته (.heyat) را دوباره برگزینید.",
        ));
    };
    if bytes.is_empty() {
        return Err(CommandError::invalid(
            "پروندهٔ برگزیده خالی است؛ بستهٔ درست را برگزینید.",
        ));
    }
    if bytes.len() > MAX_PACKAGE_BYTES {
        return Err(CommandError::invalid(
            "بسته بیش از ۵۱۲ مگابایت است و از این صفحه خوانده نمی‌شود؛ با «heyat package import» دریافت کنید.",
        ));
    }
    let fingerprint = request
        .headers()
        .get("heyat-fingerprint")
        .and_then(|v| v.to_str().ok())
        .and_then(crate::commands::evidence::percent_decoded)
        .filter(|f| !f.trim().is_empty());
    Ok((
        bytes.clone(),
        Trust {
            keys: Vec::new(),
            fingerprint,
        },
    ))
}

/// Checks a package from another board without keeping anything.
#[tauri::command]
pub async fn verify_case_package(
    state: State<'_, AppState>,
    request: tauri::ipc::Request<'_>,
) -> Result<PackageReport, CommandError> {
    state.allow(Action::ReceiveCase).await?;
    let (bytes, trust) = package_of(&request)?;
    Ok(package::verify_package(&state.store, &state.renderer, &bytes, &trust).await?)
}

/// Checks a package and keeps it, once, if it may be received; refused with the reason.
#[tauri::command]
pub async fn receive_case_package(
    state: State<'_, AppState>,
    request: tauri::ipc::Request<'_>,
) -> Result<ReceivedView, CommandError> {
    let caller = state.allow(Action::ReceiveCase).await?;
    let (bytes, trust) = package_of(&request)?;
    let (report, kept) =
        package::receive_package(&state.store, &state.renderer, &caller, &bytes, &trust).await?;
    tracing::info!(id = kept.id, bytes = kept.bytes, "case package received");
    let files = report
        .rulings
        .iter()
        .map(|r| r.file.clone())
        .collect::<Vec<_>>();
    Ok(view(kept, files))
}

/// The packages received, the latest first, each with the files it holds.
#[tauri::command]
pub async fn received_packages(
    state: State<'_, AppState>,
) -> Result<Vec<ReceivedView>, CommandError> {
    state.allow(Action::ReceiveCase).await?;
    let mut out = Vec::new();
    for p in state.store.received_packages().await? {
        let files = package::received_files(&state.store, &p)
            .await
            .unwrap_or_default();
        out.push(view(p, files));
    }
    Ok(out)
}

/// Writes one file of a package received into the data folder's `received/ID/` (checked
/// against the package's manifest) and opens it with the system's viewer; answers its path.
#[tauri::command]
pub async fn open_received_file(
    state: State<'_, AppState>,
    id: i64,
    path: String,
) -> Result<String, CommandError> {
    state.allow(Action::ReceiveCase).await?;
    let kept = state.store.received_package(id).await?;
    let bytes = package::received_file(&state.store, &kept, &path).await?;
    let name = std::path::Path::new(&path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let dir = state
        .data_dir
        .join(heyat_store::RECEIVED_DIR)
        .join(id.to_string());
    std::fs::create_dir_all(&dir)
        .map_err(|e| CommandError::storage(format!("پوشهٔ بسته‌های دریافتی ساخته نشد: {e}")))?;
    let file = dir.join(name);
    std::fs::write(&file, bytes)
        .map_err(|e| CommandError::storage(format!("رونوشت پرونده نوشته نشد: {e}")))?;
    tracing::info!(id, viewer = state.open_with_viewer, "received file opened");
    crate::commands::files::to_viewer(&state, &file)
}

/// Opens the appeal case of a package received, at the signed-in secretary's appeal board,
/// registered today; answers the case.
#[tauri::command]
pub async fn open_case_from_package(
    state: State<'_, AppState>,
    id: i64,
) -> Result<OpenedCase, CommandError> {
    let caller = state.allow(Action::ReceiveCase).await?;
    let board_id = caller.board_id.ok_or_else(|| {
        CommandError::invalid("پروندهٔ واصله را دبیر هیأت تجدیدنظر می‌گشاید؛ با حساب او وارد شوید.")
    })?;
    let kept = state.store.received_package(id).await?;
    let made =
        package::open_appeal_case(&state.store, &caller, &kept, board_id, state.today_jalali())
            .await?;
    tracing::info!(id, case_id = made.id, "appeal case opened from a package");
    Ok(OpenedCase {
        id: made.id,
        number: made.number,
    })
}
