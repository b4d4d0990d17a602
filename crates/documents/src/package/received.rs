//! The packages this board received: their files handed out only as the kept manifest lists
//! them, and the appeal case opened from one.

use super::{MANIFEST, Manifest};
use crate::{DocumentError, refused};
use heyat_core::proceedings::Caller;
use heyat_store::{ReceivedPackage, Store, keys};

/// The files of a package received that a person may open: its sealed rulings and evidence.
pub async fn received_files(
    store: &Store,
    received: &ReceivedPackage,
) -> Result<Vec<String>, DocumentError> {
    Ok(Kept::open(store, received)?
        .manifest
        .files
        .into_iter()
        .map(|f| f.path)
        .filter(|p| p.starts_with("rulings/") || p.starts_with("evidence/"))
        .collect())
}

/// One file of a package received, as kept (`rulings/…` or `evidence/…`): checked against
/// the package's manifest again before it is handed out.
pub async fn received_file(
    store: &Store,
    received: &ReceivedPackage,
    path: &str,
) -> Result<Vec<u8>, DocumentError> {
    Kept::open(store, received)?.file(path)
}

/// A kept package opened for reading one entry at a time (a package may hold hundreds of
/// megabytes of evidence; listing it or opening one ruling reads only what it needs), its
/// manifest checked against the hash received.
struct Kept {
    zip: zip::ZipArchive<std::fs::File>,
    manifest: Manifest,
}

impl Kept {
    fn open(store: &Store, received: &ReceivedPackage) -> Result<Kept, DocumentError> {
        let path = store.received_path(&received.manifest_sha256);
        let unreadable = |e: &dyn std::fmt::Display| {
            DocumentError::Io(format!("بستهٔ دریافتی «{}» خوانده نشد: {e}", path.display()))
        };
        let file = std::fs::File::open(&path).map_err(|e| unreadable(&e))?;
        let mut zip = zip::ZipArchive::new(file).map_err(|e| unreadable(&e))?;
        let manifest_bytes = entry(&mut zip, MANIFEST, MANIFEST_MAX_BYTES)?;
        if keys::sha256_hex(&manifest_bytes) != received.manifest_sha256 {
            return Err(refused(
                "بستهٔ نگه‌داشته با آنچه دریافت شد نمی‌خواند؛ به آن اعتماد نکنید.",
            ));
        }
        let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
            .map_err(|_| refused("فهرست بستهٔ دریافتی خوانا نیست."))?;
        Ok(Kept { zip, manifest })
    }

    /// A file the manifest lists, checked against its hash.
    fn file(&mut self, path: &str) -> Result<Vec<u8>, DocumentError> {
        let listed = self
            .manifest
            .files
            .iter()
            .find(|f| f.path == path)
            .ok_or_else(|| refused(format!("«{path}» در این بسته نیست.")))?;
        let (sha256, bytes) = (listed.sha256.clone(), listed.bytes);
        let data = entry(&mut self.zip, path, bytes)?;
        if keys::sha256_hex(&data) != sha256 {
            return Err(refused(format!(
                "«{path}» در بستهٔ نگه‌داشته تغییر کرده است؛ به آن اعتماد نکنید."
            )));
        }
        Ok(data)
    }
}

/// The largest manifest read (10 000 files of long names).
const MANIFEST_MAX_BYTES: u64 = 8 * 1024 * 1024;

/// The entry `name` of a kept package, at most `limit` bytes (one more is read, so that a
/// longer one fails its hash).
fn entry(
    zip: &mut zip::ZipArchive<std::fs::File>,
    name: &str,
    limit: u64,
) -> Result<Vec<u8>, DocumentError> {
    use std::io::Read;
    let missing = || refused(format!("«{name}» در این بسته نیست."));
    let file = zip.by_name(name).map_err(|_| missing())?;
    let mut data = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut data)
        .map_err(|e| refused(format!("«{name}» در بستهٔ دریافتی خوانا نیست: {e}")))?;
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
    let mut kept = Kept::open(store, received)?;
    let unreadable = |what: &str| refused(format!("«{what}» در بستهٔ دریافتی خوانا نیست."));
    let case: serde_json::Value =
        serde_json::from_slice(&kept.file("case.json")?).map_err(|_| unreadable("case.json"))?;
    let parties: heyat_store::Parties = serde_json::from_slice(&kept.file("parties.json")?)
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
