//! Evidence files, stored content-addressed under the data folder: `evidence/ab/abcdef…`, the
//! name being the SHA-256 of the bytes. Files are written once (temporary file, then rename),
//! read-only and never executable; their type is sniffed from the bytes, not taken from the
//! name, and only documents and pictures are accepted.

use crate::file::EvidenceRecord;
use crate::write::exists;
use crate::{Store, StoreError};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The evidence folder's name inside the data folder.
pub const EVIDENCE_DIR: &str = "evidence";
/// The largest file accepted: 25 MiB.
pub const EVIDENCE_MAX_BYTES: usize = 25 * 1024 * 1024;

/// The media type of `bytes`, from their first bytes; `None` for anything not a document or
/// picture (programs and scripts included).
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    let starts = |p: &[u8]| bytes.starts_with(p);
    if starts(b"%PDF-") {
        Some("application/pdf")
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("image/gif")
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Some("image/tiff")
    } else if bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if !starts(b"#!") && !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok() {
        Some("text/plain; charset=utf-8")
    } else {
        None
    }
}

/// The most of a text evidence file shown inside the app: 256 KiB.
pub const EVIDENCE_TEXT_MAX_BYTES: usize = 256 * 1024;

/// Whether `sha256` is a SHA-256 as the store writes it: exactly 64 lower-case hex digits.
/// Nothing else may become part of a path (no `..`, no `/`, no other length).
pub fn sha256_is_valid(sha256: &str) -> bool {
    sha256.len() == 64
        && sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Where the file with this SHA-256 lives under `data_dir`; refused for anything that is not
/// 64 lower-case hex digits (a damaged or edited row must not lead elsewhere on the disk).
pub fn evidence_path(data_dir: &Path, sha256: &str) -> Result<PathBuf, StoreError> {
    if !sha256_is_valid(sha256) {
        return Err(StoreError::Corrupt {
            what: "چکیدهٔ SHA-256 مدرک (باید ۶۴ نویسهٔ هگز کوچک باشد؛ پایگاه داده را از پشتیبان سالم بازگردانید)",
            value: sha256.chars().take(80).collect(),
        });
    }
    Ok(data_dir.join(EVIDENCE_DIR).join(&sha256[..2]).join(sha256))
}

/// The file extension of `bytes`' type, read from the bytes (never from a name): `pdf`,
/// `png`, `jpg`, `gif`, `tif`, `webp`, `txt`; `bin` for anything else.
pub fn extension_of(bytes: &[u8]) -> &'static str {
    match sniff(bytes) {
        Some("application/pdf") => "pdf",
        Some("image/png") => "png",
        Some("image/jpeg") => "jpg",
        Some("image/gif") => "gif",
        Some("image/tiff") => "tif",
        Some("image/webp") => "webp",
        Some(t) if t.starts_with("text/plain") => "txt",
        _ => "bin",
    }
}

/// The name a copy of evidence `record` gets when handed to the desktop's viewer: its id, the
/// stored name without any extension (dots and path signs made `_`), and the extension of the
/// type its bytes show. `report.pdf.exe` holding a PDF is exported as `7-report_pdf.pdf`.
pub fn export_name(record: &EvidenceRecord, bytes: &[u8]) -> String {
    let name = Path::new(&record.file_name);
    let stem: String = name
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .chars()
        .map(|c| {
            if c == '.' || c == '/' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let stem = stem.trim_matches(['_', ' ']);
    let stem = if stem.is_empty() { "evidence" } else { stem };
    format!("{}-{stem}.{}", record.id, extension_of(bytes))
}

/// Writes `bytes` to `path` if no file is there yet: a temporary file, flushed to disk, then
/// renamed, so a crash leaves either nothing or the whole file.
pub(crate) fn write_once(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if path.exists() {
        return Ok(());
    }
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let tmp = dir.join(format!(
        ".{}.part",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("evidence")
    ));
    // A crash may have left a read-only partial file behind.
    let _ = std::fs::remove_file(&tmp);
    {
        let mut f = std::fs::File::create(&tmp).map_err(io)?;
        f.write_all(bytes).map_err(io)?;
        f.sync_all().map_err(io)?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o444)).map_err(io)?;
    }
    std::fs::rename(&tmp, path).map_err(io)?;
    Ok(())
}

impl Store {
    /// Attaches a file to a case. The bytes are kept under the data folder by their SHA-256
    /// (the same file twice is kept once); the row records name, size and sniffed type.
    pub async fn add_evidence(
        &self,
        case_id: i64,
        file_name: &str,
        bytes: &[u8],
        description: &str,
        actor: &str,
    ) -> Result<EvidenceRecord, StoreError> {
        if bytes.is_empty() {
            return Err(StoreError::Evidence("پرونده خالی است".into()));
        }
        if bytes.len() > EVIDENCE_MAX_BYTES {
            return Err(StoreError::Evidence(format!(
                "حجم پرونده {} مگابایت است و بیش از ۲۵ مگابایت پذیرفته نمی‌شود؛ آن را کوچک‌تر کنید",
                bytes.len() / (1024 * 1024)
            )));
        }
        let Some(media_type) = sniff(bytes) else {
            return Err(StoreError::Evidence(
                "نوع پرونده شناخته نیست؛ تنها PDF، تصویر (PNG، JPEG، GIF، TIFF، WebP) یا متن پذیرفته می‌شود".into(),
            ));
        };
        let name = Path::new(file_name.trim())
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| !n.is_empty())
            .unwrap_or("evidence")
            .to_owned();
        let sha256 = hex::encode(Sha256::digest(bytes));
        let mut w = self.begin(actor).await?;
        exists(&mut w.tx, "cases", "پرونده", case_id).await?;
        let dup: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM evidence WHERE case_id = $1 AND sha256 = $2")
                .bind(case_id)
                .bind(&sha256)
                .fetch_optional(&mut *w.tx)
                .await?;
        if dup.is_some() {
            return Err(StoreError::Evidence(
                "همین پرونده پیش‌تر به این پرونده پیوست شده است".into(),
            ));
        }
        // The file goes to disk before the row commits: a crash between leaves an unreferenced
        // file, never a row without its file.
        write_once(&evidence_path(self.data_dir(), &sha256)?, bytes)?;
        // On a server the bytes go into the database too, in the same action: the other
        // machines' data folders do not have the file.
        if self.backend() == crate::Backend::Postgres {
            sqlx::query(
                "INSERT INTO evidence_blobs (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING",
            )
            .bind(&sha256)
            .bind(bytes.to_vec())
            .execute(&mut *w.tx)
            .await?;
        }
        let added_at = w.audit.at().to_owned();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO evidence (case_id, sha256, size, media_type, file_name, description, added_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(case_id)
        .bind(&sha256)
        .bind(bytes.len() as i64)
        .bind(media_type)
        .bind(&name)
        .bind(description.trim())
        .bind(&added_at)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "evidence", id).await?;
        w.commit().await?;
        Ok(EvidenceRecord {
            id,
            sha256,
            size: bytes.len() as i64,
            media_type: media_type.to_owned(),
            file_name: name,
            description: description.trim().to_owned(),
            added_at,
        })
    }

    /// The bytes of an evidence file, checked against their SHA-256.
    pub async fn read_evidence(
        &self,
        evidence_id: i64,
    ) -> Result<(EvidenceRecord, Vec<u8>), StoreError> {
        let rec: Option<EvidenceRecord> = sqlx::query_as(
            "SELECT id, sha256, size, media_type, file_name, description, added_at FROM evidence WHERE id = $1",
        )
        .bind(evidence_id)
        .fetch_optional(self.pool())
        .await?;
        let rec = rec.ok_or(StoreError::NotFound {
            what: "مدرک",
            id: evidence_id,
        })?;
        let path = evidence_path(self.data_dir(), &rec.sha256)?;
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            // On a server, a file attached on another machine: its bytes are in the database,
            // and once they check out, this machine keeps a copy.
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound
                    && self.backend() == crate::Backend::Postgres =>
            {
                let blob: Option<(Vec<u8>,)> =
                    sqlx::query_as("SELECT bytes FROM evidence_blobs WHERE sha256 = $1")
                        .bind(&rec.sha256)
                        .fetch_optional(self.pool())
                        .await?;
                let Some((bytes,)) = blob else {
                    return Err(StoreError::Io { path, source: e });
                };
                if hex::encode(Sha256::digest(&bytes)) != rec.sha256 {
                    return Err(StoreError::Evidence(format!(
                        "بایت‌های مدرک «{}» در پایگاه دادهٔ کارساز با چکیدهٔ ثبت‌شده نمی‌خواند: دست‌کاری یا خراب شده است",
                        rec.file_name
                    )));
                }
                write_once(&path, &bytes)?;
                bytes
            }
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.clone(),
                    source,
                });
            }
        };
        if hex::encode(Sha256::digest(&bytes)) != rec.sha256 {
            return Err(StoreError::Evidence(format!(
                "پروندهٔ «{}» روی دیسک دست‌کاری یا خراب شده است (چکیده نمی‌خواند)",
                path.display()
            )));
        }
        Ok((rec, bytes))
    }

    /// The text of a text evidence file, to be shown inside the app: checked against its
    /// SHA-256 like any read, and refused when the bytes are not UTF-8 text or are more than
    /// [`EVIDENCE_TEXT_MAX_BYTES`].
    pub async fn evidence_text(&self, evidence_id: i64) -> Result<String, StoreError> {
        let (_, bytes) = self.read_evidence(evidence_id).await?;
        if extension_of(&bytes) != "txt" {
            return Err(StoreError::Evidence(
                "این مدرک متن نیست؛ آن را با «باز کردن» در نمایشگر رایانه ببینید".into(),
            ));
        }
        if bytes.len() > EVIDENCE_TEXT_MAX_BYTES {
            return Err(StoreError::Evidence(format!(
                "متن این مدرک {} کیلوبایت است و بیش از ۲۵۶ کیلوبایت در برنامه نشان داده نمی‌شود؛ آن را با «باز کردن» ببینید",
                heyat_core::to_persian_digits(&(bytes.len() / 1024).to_string())
            )));
        }
        String::from_utf8(bytes).map_err(|_| StoreError::Evidence("متن این مدرک UTF-8 نیست".into()))
    }
}
