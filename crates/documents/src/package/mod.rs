//! A case file that travels (issue 15): one file (`.heyat`, a ZIP archive) that carries a
//! case to a board that shares no server with this one — the appeal board in another city.
//!
//! Inside: `case.json` (the case file as the app shows it; a confidential reporter's identity
//! is not in it, Art 20), `keys.json` (the sending board's public keys), `rulings/*.pdf` (each
//! sealed ruling as kept, with its members' signatures inside), `evidence/*` (the evidence
//! files), `manifest.json` (every other file with its SHA-256 and size) and
//! `signature.json` (the sending installation's Ed25519 signature of the manifest's SHA-256).
//!
//! Receiving checks, in order: the signature over the manifest; every file against the
//! manifest, and nothing more; that the sending installation's key is trusted here (an
//! installation key this database holds, one in a keys file the sender gave, or a
//! fingerprint the receiving secretary compared with the sender's); and each sealed ruling
//! with the keys the package carries (trusted through the signed manifest). Only then is the
//! package kept, whole.

mod received;

use crate::{DocumentError, refused};
use heyat_core::proceedings::Caller;
use heyat_render as r;
use heyat_store::{
    PACKAGE_FORMAT, PackageSignature, PublicKeyRecord, ReceivedPackage, Receiving, Sending, Store,
    keys,
};
pub use received::{open_appeal_case, received_file, received_files};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The largest package read (the evidence limit of a case's files, with room).
pub const PACKAGE_MAX_BYTES: u64 = 1024 * 1024 * 1024;
/// The most files a package may hold.
const MAX_ENTRIES: usize = 10_000;

const MANIFEST: &str = "manifest.json";
const SIGNATURE: &str = "signature.json";

/// The manifest: what the package holds, each file with its SHA-256.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub case_number: String,
    pub board: String,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub exported_at: String,
    pub files: Vec<ManifestFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PackageWritten {
    pub path: String,
    pub case_number: String,
    pub bytes: u64,
    pub rulings: usize,
    pub evidence: usize,
    /// The sending installation's key, for the receiving secretary to compare.
    pub fingerprint: String,
    pub manifest_sha256: String,
}

/// One sealed ruling in a package, as checked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PackageRuling {
    pub file: String,
    pub genuine: bool,
    pub kind: Option<String>,
    pub decided_on: Option<String>,
    /// The signers' names and seats, or why the ruling is not genuine.
    pub detail: String,
}

/// What checking a package found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PackageReport {
    /// Intact, from a trusted sender, and every sealed ruling genuine: it may be received.
    pub genuine: bool,
    /// The signature holds and every file is as the manifest lists it.
    pub intact: bool,
    /// Persian: why it may not be received.
    pub reason: Option<String>,
    pub case_number: Option<String>,
    pub origin_board: Option<String>,
    /// UTC, as the manifest gives it.
    pub exported_at: Option<String>,
    /// Solar Hijri, Iran time, Persian digits.
    pub exported_at_fa: Option<String>,
    pub fingerprint: Option<String>,
    /// `known`, `keys-file` or `fingerprint`; none while the sender's key is not trusted.
    pub trusted_by: Option<String>,
    pub rulings: Vec<PackageRuling>,
    pub evidence: usize,
    pub files: usize,
    pub bytes: u64,
    pub manifest_sha256: Option<String>,
    /// The case as the package carries it (`case.json`), for the screen to show.
    #[ts(type = "unknown")]
    pub case: Option<serde_json::Value>,
}

impl PackageReport {
    fn refused(reason: impl Into<String>, bytes: u64) -> PackageReport {
        PackageReport {
            genuine: false,
            intact: false,
            reason: Some(reason.into()),
            case_number: None,
            origin_board: None,
            exported_at: None,
            exported_at_fa: None,
            fingerprint: None,
            trusted_by: None,
            rulings: Vec::new(),
            evidence: 0,
            files: 0,
            bytes,
            manifest_sha256: None,
            case: None,
        }
    }
}

/// How the receiving side trusts a sender it may not know yet.
#[derive(Debug, Clone, Default)]
pub struct Trust {
    /// The sending board's keys file (`heyat keys export`), given with the package.
    pub keys: Vec<PublicKeyRecord>,
    /// The sending installation's fingerprint, as its secretary read it out.
    pub fingerprint: Option<String>,
}

/// The file name of a package of `case_number` exported on `day` (ISO).
pub fn package_file(case_number: &str, day: &str) -> String {
    format!("case-{case_number}-{day}.heyat")
}

/// Writes the package of `case_id` to `out`, signed by this installation, the sending
/// registered and audited as `caller`'s.
pub async fn export_case(
    store: &Store,
    caller: &Caller,
    case_id: i64,
    out: &Path,
) -> Result<PackageWritten, DocumentError> {
    let file = store.case_file(case_id).await?;
    let board = store
        .boards()
        .await?
        .into_iter()
        .find(|b| b.id == file.case.board_id)
        .map(|b| b.name)
        .unwrap_or_default();
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    entries.push(("case.json".into(), json(&file)?));
    entries.push(("keys.json".into(), json(&store.public_keys().await?)?));
    entries.push((
        "parties.json".into(),
        json(&store.parties_of_case(case_id).await?)?,
    ));
    let mut rulings = 0;
    for ruling in &file.rulings {
        if let Some((_, pdf, _)) = store.sealed_ruling(ruling.id).await? {
            entries.push((
                format!("rulings/{}-{}.pdf", file.case.number, ruling.id),
                pdf,
            ));
            rulings += 1;
        }
    }
    for e in &file.evidence {
        let (record, bytes) = store.read_evidence(e.id).await?;
        entries.push((
            format!(
                "evidence/{}-{}",
                record.id,
                heyat_store::export_name(&record, &bytes)
            ),
            bytes,
        ));
    }
    let exported_at = store.now();
    let manifest = Manifest {
        format: PACKAGE_FORMAT.to_owned(),
        case_number: file.case.number.clone(),
        board,
        exported_at,
        files: entries
            .iter()
            .map(|(path, bytes)| ManifestFile {
                path: path.clone(),
                sha256: keys::sha256_hex(bytes),
                bytes: bytes.len() as u64,
            })
            .collect(),
    };
    let manifest_bytes = json(&manifest)?;
    let manifest_sha256 = keys::sha256_hex(&manifest_bytes);
    let evidence = file.evidence.len();
    let signature = store
        .sign_case_package(
            caller,
            &Sending {
                case_id,
                manifest_sha256: manifest_sha256.clone(),
                rulings: rulings as i64,
                evidence: evidence as i64,
            },
        )
        .await?;
    let signature_bytes = json(&signature)?;
    let bytes = write_zip(
        out,
        [
            (MANIFEST.to_owned(), manifest_bytes),
            (SIGNATURE.to_owned(), signature_bytes),
        ]
        .into_iter()
        .chain(entries),
    )?;
    Ok(PackageWritten {
        path: out.display().to_string(),
        case_number: file.case.number,
        bytes,
        rulings,
        evidence,
        fingerprint: signature.fingerprint,
        manifest_sha256,
    })
}

/// JSON of anything serialisable, as bytes.
fn json<T: Serialize>(value: &T) -> Result<Vec<u8>, DocumentError> {
    serde_json::to_vec_pretty(value)
        .map_err(|e| DocumentError::Io(format!("بستهٔ پرونده نوشته نشد: {e}")))
}

/// Writes the archive beside `out` and renames it once synced; answers its size.
fn write_zip(
    out: &Path,
    entries: impl Iterator<Item = (String, Vec<u8>)>,
) -> Result<u64, DocumentError> {
    let io = |e: &dyn std::fmt::Display| {
        DocumentError::Io(format!("بستهٔ پرونده در «{}» نوشته نشد: {e}", out.display()))
    };
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io(&e))?;
    }
    let partial = PathBuf::from(format!("{}.partial", out.display()));
    let file = std::fs::File::create(&partial).map_err(|e| io(&e))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in entries {
        zip.start_file(name, options).map_err(|e| io(&e))?;
        zip.write_all(&bytes).map_err(|e| io(&e))?;
    }
    let file = zip.finish().map_err(|e| io(&e))?;
    file.sync_all().map_err(|e| io(&e))?;
    drop(file);
    std::fs::rename(&partial, out).map_err(|e| io(&e))?;
    Ok(std::fs::metadata(out).map_err(|e| io(&e))?.len())
}

/// Every file of a package, read with limits (a package is untrusted until checked).
fn read_entries(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("این پرونده بستهٔ «هیأت» (ZIP) نیست یا ناقص رسیده است: {e}"))?;
    if zip.len() > MAX_ENTRIES {
        return Err("این بسته بیش از اندازه پرونده دارد و خوانده نشد.".into());
    }
    let mut out = Vec::with_capacity(zip.len());
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| format!("بسته ناقص است: {e}"))?;
        if entry.is_dir() {
            continue;
        }
        let name = entry
            .name()
            .map_err(|e| format!("نام پرونده‌ای در بسته خوانا نیست: {e}"))?
            .into_owned();
        let mut data = Vec::new();
        entry
            .take(PACKAGE_MAX_BYTES - total + 1)
            .read_to_end(&mut data)
            .map_err(|e| format!("«{name}» در بسته خوانا نیست: {e}"))?;
        total += data.len() as u64;
        if total > PACKAGE_MAX_BYTES {
            return Err("محتوای بسته از یک گیگابایت بیشتر است و خوانده نشد.".into());
        }
        if out.iter().any(|(n, _)| *n == name) {
            return Err(format!(
                "«{name}» دو بار در بسته آمده است؛ بسته دست‌کاری شده است."
            ));
        }
        out.push((name, data));
    }
    Ok(out)
}

/// Checks a package: see the module's notes for the order. Reads nothing but `store`'s keys.
pub async fn verify_package(
    store: &Store,
    renderer: &r::Renderer,
    bytes: &[u8],
    trust: &Trust,
) -> Result<PackageReport, DocumentError> {
    let size = bytes.len() as u64;
    let entries = match read_entries(bytes) {
        Ok(e) => e,
        Err(reason) => return Ok(PackageReport::refused(reason, size)),
    };
    let get = |name: &str| entries.iter().find(|(n, _)| n == name).map(|(_, b)| b);
    let (Some(manifest_bytes), Some(signature_bytes)) = (get(MANIFEST), get(SIGNATURE)) else {
        return Ok(PackageReport::refused(
            "فهرست یا امضای بسته در آن نیست؛ این پرونده بستهٔ پروندهٔ «هیأت» نیست.",
            size,
        ));
    };
    let (Ok(manifest), Ok(signature)) = (
        serde_json::from_slice::<Manifest>(manifest_bytes),
        serde_json::from_slice::<PackageSignature>(signature_bytes),
    ) else {
        return Ok(PackageReport::refused(
            "فهرست یا امضای بسته خوانا نیست؛ بسته دست‌کاری شده یا با نسخهٔ دیگری ساخته شده است.",
            size,
        ));
    };
    if manifest.format != PACKAGE_FORMAT {
        return Ok(PackageReport::refused(
            format!(
                "قالب بسته «{}» شناخته نیست؛ با نسخهٔ تازه‌تر «هیأت» بگشایید.",
                manifest.format
            ),
            size,
        ));
    }
    let manifest_sha256 = keys::sha256_hex(manifest_bytes);
    let mut report = PackageReport {
        case_number: Some(manifest.case_number.clone()),
        origin_board: Some(manifest.board.clone()),
        exported_at: Some(manifest.exported_at.clone()),
        exported_at_fa: Some(crate::seal::moment_fa(&manifest.exported_at)),
        fingerprint: Some(signature.fingerprint.clone()),
        manifest_sha256: Some(manifest_sha256.clone()),
        files: manifest.files.len(),
        ..PackageReport::refused("", size)
    };
    let refuse = |mut report: PackageReport, reason: String| {
        report.reason = Some(reason);
        Ok(report)
    };
    if !signature.holds(&manifest_sha256) {
        return refuse(
            report,
            "امضای بسته با فهرست آن نمی‌خواند: بسته پس از ارسال تغییر کرده یا امضای آن جعلی است."
                .into(),
        );
    }
    for f in &manifest.files {
        match get(&f.path) {
            None => {
                return refuse(
                    report,
                    format!("«{}» که در فهرست بسته آمده، در بسته نیست.", f.path),
                );
            }
            Some(b) if b.len() as u64 != f.bytes || keys::sha256_hex(b) != f.sha256 => {
                return refuse(
                    report,
                    format!(
                        "«{}» پس از ارسال تغییر کرده است (چکیدهٔ آن با فهرست نمی‌خواند).",
                        f.path
                    ),
                );
            }
            Some(_) => {}
        }
    }
    if let Some((extra, _)) = entries.iter().find(|(n, _)| {
        n != MANIFEST && n != SIGNATURE && !manifest.files.iter().any(|f| f.path == *n)
    }) {
        return refuse(
            report,
            format!("«{extra}» در فهرست بسته نیست و پس از ارسال به آن افزوده شده است."),
        );
    }
    let case: Option<serde_json::Value> =
        get("case.json").and_then(|b| serde_json::from_slice(b).ok());
    let Some(case) = case else {
        return refuse(
            report,
            "پروندهٔ «case.json» در بسته نیست یا خوانا نیست.".into(),
        );
    };
    let carried: Vec<PublicKeyRecord> = get("keys.json")
        .and_then(|b| serde_json::from_slice(b).ok())
        .unwrap_or_default();
    report.intact = true;
    report.case = Some(case);
    report.evidence = manifest
        .files
        .iter()
        .filter(|f| f.path.starts_with("evidence/"))
        .count();
    for f in manifest
        .files
        .iter()
        .filter(|f| f.path.starts_with("rulings/"))
    {
        let pdf = get(&f.path).map(Vec::as_slice).unwrap_or_default();
        let v = crate::seal::verify_pdf(renderer, pdf, &carried);
        report.rulings.push(PackageRuling {
            file: f.path.clone(),
            genuine: v.genuine,
            kind: v.kind,
            decided_on: v.decided_on,
            detail: match v.reason {
                Some(reason) => reason,
                None => v
                    .signers
                    .iter()
                    .map(|s| format!("{} ({})", s.name, s.seat_title))
                    .collect::<Vec<_>>()
                    .join("، "),
            },
        });
    }
    report.trusted_by = if store.knows_installation_key(&signature.public_key).await? {
        Some("known".into())
    } else if trust
        .keys
        .iter()
        .any(|k| k.public_key == signature.public_key && k.purpose == "installation")
    {
        Some("keys-file".into())
    } else if trust
        .fingerprint
        .as_deref()
        .is_some_and(|f| same_fingerprint(f, &signature.fingerprint))
    {
        Some("fingerprint".into())
    } else {
        None
    };
    if report.trusted_by.is_none() {
        let reason = match &trust.fingerprint {
            Some(given) if !given.trim().is_empty() => format!(
                "اثر انگشت کلید فرستنده {} است، نه «{}» که وارد کردید؛ این بسته از آن هیأت نیست یا در راه عوض شده است. آن را نپذیرید.",
                signature.fingerprint,
                given.trim()
            ),
            _ => format!(
                "کلید فرستندهٔ این بسته در این دستگاه شناخته نیست. اثر انگشت آن {} است: آن را با دبیر هیأت فرستنده (تلفنی یا در نامهٔ ارسال) بسنجید و وارد کنید، یا پروندهٔ کلیدهای آن هیأت را بدهید.",
                signature.fingerprint
            ),
        };
        return refuse(report, reason);
    }
    if let Some(bad) = report.rulings.iter().find(|r| !r.genuine) {
        let reason = format!("رأی «{}» در بسته معتبر نیست: {}", bad.file, bad.detail);
        return refuse(report, reason);
    }
    report.genuine = true;
    Ok(report)
}

/// Whether two fingerprints are the same, however typed: Persian or Latin digits, any case,
/// with or without dashes and spaces.
fn same_fingerprint(typed: &str, actual: &str) -> bool {
    let norm = |s: &str| {
        heyat_core::to_latin_digits(s)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect::<String>()
    };
    let typed = norm(typed);
    !typed.is_empty() && typed == norm(actual)
}

/// Checks a package and, if it may be received, keeps it whole as `caller`'s action: refused
/// with the reason (and nothing kept) otherwise.
pub async fn receive_package(
    store: &Store,
    renderer: &r::Renderer,
    caller: &Caller,
    bytes: &[u8],
    trust: &Trust,
) -> Result<(PackageReport, ReceivedPackage), DocumentError> {
    let report = verify_package(store, renderer, bytes, trust).await?;
    if !report.genuine {
        return Err(refused(format!(
            "بسته دریافت نشد: {}",
            report.reason.clone().unwrap_or_default()
        )));
    }
    let received = store
        .receive_package(
            caller,
            &Receiving {
                manifest_sha256: report.manifest_sha256.clone().unwrap_or_default(),
                case_number: report.case_number.clone().unwrap_or_default(),
                origin_board: report.origin_board.clone().unwrap_or_default(),
                fingerprint: report.fingerprint.clone().unwrap_or_default(),
                trusted_by: match report.trusted_by.as_deref() {
                    Some("known") => "known",
                    Some("keys-file") => "keys-file",
                    _ => "fingerprint",
                },
                exported_at: report.exported_at.clone().unwrap_or_default(),
                rulings: report.rulings.len() as i64,
                evidence: report.evidence as i64,
            },
            bytes,
        )
        .await?;
    Ok((report, received))
}
