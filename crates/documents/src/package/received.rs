//! The packages this board received: their files handed out only as the kept manifest lists
//! them, and the appeal case opened from one.

use super::{MANIFEST, Manifest, read_entries};
use crate::{DocumentError, refused};
use heyat_core::proceedings::Caller;
use heyat_store::{ReceivedPackage, Store, keys};

/// The files of a package received that a person may open: its sealed rulings and evidence.
pub async fn received_files(
    store: &Store,
    received: &ReceivedPackage,
) -> Result<Vec<String>, DocumentError> {
    Ok(kept_manifest(store, received)?
        .1
        .files
        .into_iter()
        .map(|f| f.path)
        .filter(|p| p.starts_with("rulings/") || p.starts_with("evidence/"))
        .collect())
}

/// A kept package's files and manifest, the manifest checked against the hash received.
type Kept = (Vec<(String, Vec<u8>)>, Manifest);

fn kept_manifest(store: &Store, received: &ReceivedPackage) -> Result<Kept, DocumentError> {
    let kept = store.received_path(&received.manifest_sha256);
    let bytes = std::fs::read(&kept).map_err(|e| {
        DocumentError::Io(format!("بستهٔ دریافتی «{}» خوانده نشد: {e}", kept.display()))
    })?;
    let entries = read_entries(&bytes).map_err(refused)?;
    let manifest_bytes = entries
        .iter()
        .find(|(n, _)| n == MANIFEST)
        .map(|(_, b)| b.as_slice())
        .unwrap_or_default();
    if keys::sha256_hex(manifest_bytes) != received.manifest_sha256 {
        return Err(refused(
            "بستهٔ نگه‌داشته با آنچه دریافت شد نمی‌خواند؛ به آن اعتماد نکنید.",
        ));
    }
    let manifest: Manifest = serde_json::from_slice(manifest_bytes)
        .map_err(|_| refused("فهرست بستهٔ دریافتی خوانا نیست."))?;
    Ok((entries, manifest))
}

/// One file of a package received, as kept (`rulings/…` or `evidence/…`): checked against
/// the package's manifest again before it is handed out.
pub async fn received_file(
    store: &Store,
    received: &ReceivedPackage,
    path: &str,
) -> Result<Vec<u8>, DocumentError> {
    kept_file(&kept_manifest(store, received)?, path)
}

/// A file of a kept package, checked against its manifest.
fn kept_file(kept: &Kept, path: &str) -> Result<Vec<u8>, DocumentError> {
    let (entries, manifest) = kept;
    let listed = manifest
        .files
        .iter()
        .find(|f| f.path == path)
        .ok_or_else(|| refused(format!("«{path}» در این بسته نیست.")))?;
    let data = entries
        .iter()
        .find(|(n, _)| n == path)
        .map(|(_, b)| b.clone())
        .ok_or_else(|| refused(format!("«{path}» در این بسته نیست.")))?;
    if keys::sha256_hex(&data) != listed.sha256 {
        return Err(refused(format!(
            "«{path}» در بستهٔ نگه‌داشته تغییر کرده است؛ به آن اعتماد نکنید."
        )));
    }
    Ok(data)
}

/// Opens, at the appeal board `board_id`, the appeal case of a package received, registered
/// on `today`: the office and manager as the package carries them, the charges as the
/// first-instance board framed them, the subject naming its case and board.
pub async fn open_appeal_case(
    store: &Store,
    caller: &Caller,
    received: &ReceivedPackage,
    board_id: i64,
    today: heyat_core::date::JalaliDate,
) -> Result<heyat_store::CaseRef, DocumentError> {
    let kept = kept_manifest(store, received)?;
    let unreadable = |what: &str| refused(format!("«{what}» در بستهٔ دریافتی خوانا نیست."));
    let case: serde_json::Value = serde_json::from_slice(&kept_file(&kept, "case.json")?)
        .map_err(|_| unreadable("case.json"))?;
    let parties: heyat_store::Parties = serde_json::from_slice(&kept_file(&kept, "parties.json")?)
        .map_err(|_| unreadable("parties.json"))?;
    let charges: Vec<heyat_store::NewCharge> =
        serde_json::from_value(case["charges"].clone()).map_err(|_| unreadable("case.json"))?;
    if charges.is_empty() {
        return Err(refused(
            "پروندهٔ این بسته تخلفی ندارد و پروندهٔ تجدیدنظری از آن گشوده نمی‌شود.",
        ));
    }
    let of = format!(
        "تجدیدنظرخواهی از رأی پروندهٔ بدوی {} ({})",
        heyat_core::to_persian_digits(&received.case_number),
        received.origin_board
    );
    let subject = match case["case"]["subject"].as_str().map(str::trim) {
        Some(s) if !s.is_empty() => format!("{of}: {s}"),
        _ => of,
    };
    Ok(store
        .open_case_from_package(
            caller,
            &heyat_store::FromPackage {
                received_id: received.id,
                board_id,
                registered_on: today.to_iso_string(),
                parties,
                subject,
                charges,
            },
        )
        .await?)
}
