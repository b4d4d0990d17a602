//! Signing a ruling and checking a printed one.
//!
//! [`sign_ruling`]: the logged-in member signs the case's draft — the SHA-256 of the content
//! its print was made from and of the unsigned PDF typeset from it now — and when the last
//! member signed, the sealed ruling (every signature, the audit checkpoint) is typeset and
//! kept by the store in the same action, and saved under `documents/`.
//!
//! [`verify_pdf`]: a printed ruling is genuine when the data attached to it is what every
//! signature covers, each signer's key is one of the board's, the unsigned print typeset
//! from that data is the one they signed, and the file is byte for byte the sealed ruling
//! typeset from it: so a changed byte, a print without signatures (`heyat render`, a
//! draft) or a key from elsewhere is refused with the reason.

use crate::DocumentError;
use heyat_core::date::JalaliDate;
use heyat_core::proceedings::Caller;
use heyat_render as r;
use heyat_store::keys::{checkpoint_message, ruling_message, sha256_hex, verify_signature};
use heyat_store::{PublicKeyRecord, Sealed, SignProgress, Store};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// The file name of a case's sealed ruling under `documents/`.
pub fn signed_ruling_file(case_number: &str, ruling_id: i64) -> String {
    format!("ruling-{case_number}-{ruling_id}-signed.pdf")
}

/// The logged-in member signs the case's draft ruling with their password; the last
/// signature seals it. Answers the progress and, once sealed, where the final PDF was saved.
pub async fn sign_ruling(
    store: &Store,
    renderer: &r::Renderer,
    case_id: i64,
    caller: &Caller,
    password: &str,
    today: JalaliDate,
) -> Result<(SignProgress, Option<String>), DocumentError> {
    let to_sign = store.ruling_to_sign(case_id).await?;
    let input: r::RulingInput = serde_json::from_str(&to_sign.content_json)
        .map_err(|e| DocumentError::Refused(format!("دادهٔ چاپی پیش‌نویس خوانده نشد: {e}")))?;
    let appeal = to_sign.kind == "appeal-ruling";
    let body = match appeal {
        true => renderer.appeal_ruling(&input),
        false => renderer.ruling(&input),
    }?;
    let body_sha256 = sha256_hex(&body.pdf);
    let progress = store
        .sign_ruling_as(
            to_sign.ruling_id,
            caller,
            password,
            &body_sha256,
            &today.to_iso_string(),
            |s| {
                let sealed = r::SealedRuling {
                    input: input.clone(),
                    seal: r::Seal {
                        version: 1,
                        kind: s.kind.clone(),
                        board: s.board.clone(),
                        content_sha256: s.content_sha256.clone(),
                        body_sha256: s.body_sha256.clone(),
                        signatures: s
                            .signatures
                            .iter()
                            .map(|g| r::SealSignature {
                                member_id: g.member_id,
                                name: g.name.clone(),
                                seat_title: g.seat_title.clone(),
                                public_key: g.public_key.clone(),
                                fingerprint: g.fingerprint.clone(),
                                signed_at: g.signed_at.clone(),
                                signature: g.signature.clone(),
                            })
                            .collect(),
                        anchor: Some(r::AuditAnchor {
                            seq: s.checkpoint.seq,
                            head: s.checkpoint.head.clone(),
                            fingerprint: s.checkpoint.fingerprint.clone(),
                            signature: s.checkpoint.signature.clone(),
                        }),
                    },
                };
                if r::content_sha256(&sealed.input) != s.content_sha256 {
                    return Err("دادهٔ چاپی رأی با آنچه امضا شد یکی نیست".to_owned());
                }
                let pdf = renderer
                    .sealed_ruling(&sealed)
                    .map_err(|e| e.to_string())?
                    .pdf;
                let sealed_json = serde_json::to_string(&sealed).map_err(|e| e.to_string())?;
                Ok(Sealed { sealed_json, pdf })
            },
        )
        .await?;
    let saved = match &progress.pdf_sha256 {
        Some(_) => Some(save_sealed(store, case_id, progress.ruling_id).await?),
        None => None,
    };
    Ok((progress, saved))
}

/// Writes the sealed ruling kept in the store to `documents/` and answers its path.
pub async fn save_sealed(
    store: &Store,
    case_id: i64,
    ruling_id: i64,
) -> Result<String, DocumentError> {
    let (_, pdf, _) = store.sealed_ruling(ruling_id).await?.ok_or_else(|| {
        DocumentError::Refused("این رأی هنوز امضای همهٔ اعضا را ندارد.".to_owned())
    })?;
    let number = store.case_file(case_id).await?.case.number;
    let dir = store.data_dir().join("documents");
    std::fs::create_dir_all(&dir)
        .map_err(|e| DocumentError::Io(format!("پوشهٔ اسناد ساخته نشد: {e}")))?;
    let path = dir.join(signed_ruling_file(&number, ruling_id));
    std::fs::write(&path, &pdf).map_err(|e| DocumentError::Io(format!("PDF نوشته نشد: {e}")))?;
    Ok(path.display().to_string())
}

/// One signer of a genuine ruling.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Signer {
    pub name: String,
    pub seat_title: String,
    pub fingerprint: String,
    /// Solar Hijri, Iran time, Persian digits.
    pub signed_at: String,
}

/// What checking a printed ruling found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct VerifyReport {
    pub genuine: bool,
    /// Persian: why it is not genuine.
    pub reason: Option<String>,
    pub kind: Option<String>,
    pub case_number: Option<String>,
    pub decided_on: Option<String>,
    pub board: Option<String>,
    pub signers: Vec<Signer>,
    /// The audit chain's head printed on the ruling, `row:hash-prefix`.
    pub audit_head: Option<String>,
}

impl VerifyReport {
    fn refused(reason: impl Into<String>) -> VerifyReport {
        VerifyReport {
            genuine: false,
            reason: Some(reason.into()),
            kind: None,
            case_number: None,
            decided_on: None,
            board: None,
            signers: Vec::new(),
            audit_head: None,
        }
    }
}

/// A UTC moment (`2026-12-03T10:15:00Z`) as Iran's time in Solar Hijri, Persian digits.
pub fn moment_fa(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .ok()
        .and_then(|t| {
            let local = t.with_timezone(&chrono::FixedOffset::east_opt(3 * 3600 + 1800)?);
            use chrono::{Datelike, Timelike};
            let d =
                JalaliDate::from_iso(local.year(), local.month() as u8, local.day() as u8).ok()?;
            Some(format!(
                "{} ساعت {}",
                d.format_fa(),
                heyat_core::to_persian_digits(&format!(
                    "{:02}:{:02}",
                    local.hour(),
                    local.minute()
                ))
            ))
        })
        .unwrap_or_else(|| at.to_owned())
}

/// Checks a printed ruling (`pdf`) against `trusted`, the board's public keys.
pub fn verify_pdf(renderer: &r::Renderer, pdf: &[u8], trusted: &[PublicKeyRecord]) -> VerifyReport {
    let sealed = match r::extract_seal(pdf) {
        Err(e) => {
            return VerifyReport::refused(format!("این پرونده PDF خوانا یا رأی هیأت نیست: {e}"));
        }
        Ok(None) => {
            return VerifyReport::refused(
                "این سند امضای الکترونیکی اعضای هیأت را ندارد: پیش از امضا چاپ شده یا با «heyat render» ساخته شده است؛ تنها نسخهٔ امضاشدهٔ رأی معتبر است.",
            );
        }
        Ok(Some(s)) => s,
    };
    let seal = &sealed.seal;
    let mut report = VerifyReport {
        genuine: false,
        reason: None,
        kind: Some(match seal.kind.as_str() {
            "appeal-ruling" => "رأی هیأت تجدیدنظر".to_owned(),
            _ => "رأی هیأت بدوی".to_owned(),
        }),
        case_number: Some(sealed.input.case_number.clone()),
        decided_on: Some(sealed.input.session_date.format_fa()),
        board: Some(seal.board.clone()),
        signers: Vec::new(),
        audit_head: seal.anchor.as_ref().map(|a| {
            format!(
                "{}:{}",
                heyat_core::to_persian_digits(&a.seq.to_string()),
                &a.head[..a.head.len().min(16)]
            )
        }),
    };
    let refuse = |mut report: VerifyReport, reason: String| {
        report.reason = Some(reason);
        report
    };
    if seal.version != 1 || !matches!(seal.kind.as_str(), "ruling" | "appeal-ruling") {
        return refuse(
            report,
            "قالب مهر این سند شناخته نیست؛ با نسخهٔ تازه‌تر «هیأت» بسنجید.".into(),
        );
    }
    if r::content_sha256(&sealed.input) != seal.content_sha256 {
        return refuse(
            report,
            "دادهٔ رأی پس از امضا تغییر کرده است: چکیدهٔ آن با آنچه اعضا امضا کردند نمی‌خواند.".into(),
        );
    }
    if seal.signatures.is_empty() {
        return refuse(report, "این سند هیچ امضایی ندارد.".into());
    }
    for g in &seal.signatures {
        let Some(key) = trusted
            .iter()
            .find(|k| k.public_key == g.public_key && k.purpose == "member")
        else {
            return refuse(
                report,
                format!(
                    "کلید امضای «{}» (اثر انگشت {}) از کلیدهای اعضای این هیأت نیست؛ این رأی را کسی جز اعضای هیأت امضا کرده است.",
                    g.name, g.fingerprint
                ),
            );
        };
        if key.board_name.as_deref().is_some_and(|b| b != seal.board) {
            return refuse(
                report,
                format!(
                    "کلید امضای «{}» از آنِ «{}» است، نه هیأتی که رأی به نام اوست.",
                    g.name,
                    key.board_name.as_deref().unwrap_or("—")
                ),
            );
        }
        let message = ruling_message(
            &seal.kind,
            &seal.content_sha256,
            &seal.body_sha256,
            g.member_id,
            &g.signed_at,
        );
        if !verify_signature(&g.public_key, &message, &g.signature) {
            return refuse(report, format!("امضای «{}» با دادهٔ رأی نمی‌خواند.", g.name));
        }
        report.signers.push(Signer {
            name: g.name.clone(),
            seat_title: g.seat_title.clone(),
            fingerprint: g.fingerprint.clone(),
            signed_at: moment_fa(&g.signed_at),
        });
    }
    for m in &sealed.input.members {
        if !seal.signatures.iter().any(|g| g.name == m.name) {
            return refuse(
                report,
                format!(
                    "«{}» در رأی عضو هیأت آمده اما آن را امضا نکرده است.",
                    m.name
                ),
            );
        }
    }
    if let Some(a) = &seal.anchor {
        let ok = trusted.iter().any(|k| {
            k.purpose == "installation"
                && verify_signature(
                    &k.public_key,
                    &checkpoint_message(a.seq, &a.head),
                    &a.signature,
                )
        });
        if !ok {
            return refuse(
                report,
                "نقطهٔ وارسی دفتر رویدادها که بر رأی چاپ شده با کلید این هیأت امضا نشده است.".into(),
            );
        }
    }
    let body = match seal.kind.as_str() {
        "appeal-ruling" => renderer.appeal_ruling(&sealed.input),
        _ => renderer.ruling(&sealed.input),
    };
    match body {
        Ok(b) if sha256_hex(&b.pdf) == seal.body_sha256 => {}
        Ok(_) => {
            return refuse(report, "نسخهٔ امضانشدهٔ این رأی با آنچه اعضا امضا کردند یکی نیست (شاید با نسخهٔ دیگری از «هیأت» ساخته شده است).".into());
        }
        Err(e) => return refuse(report, format!("رأی از دادهٔ پیوستهٔ آن حروف‌چینی نشد: {e}")),
    }
    match renderer.sealed_ruling(&sealed) {
        Ok(again) if again.pdf == pdf => {}
        Ok(again) => {
            let differ = again.pdf.iter().zip(pdf).filter(|(a, b)| a != b).count()
                + again.pdf.len().abs_diff(pdf.len());
            return refuse(
                report,
                format!(
                    "پروندهٔ PDF پس از چاپ دست خورده است: {} بایت آن با رأی امضاشده نمی‌خواند.",
                    heyat_core::to_persian_digits(&differ.to_string())
                ),
            );
        }
        Err(e) => {
            return refuse(
                report,
                format!("رأی امضاشده از دادهٔ پیوستهٔ آن حروف‌چینی نشد: {e}"),
            );
        }
    }
    report.genuine = true;
    report
}

/// The board's public keys as exported: what the Center, the Kanoon or an appeal board
/// passes to `heyat verify --keys`.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct KeysFile {
    pub format: String,
    pub exported_at: String,
    pub keys: Vec<PublicKeyRecord>,
}

/// Writes every public key the store knows to `path` (JSON).
pub async fn trusted_keys_file(store: &Store, path: &Path) -> Result<usize, DocumentError> {
    let keys = store.public_keys().await?;
    let file = KeysFile {
        format: "heyat-board-keys/v1".to_owned(),
        exported_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        keys,
    };
    let json = serde_json::to_string_pretty(&file)
        .map_err(|e| DocumentError::Io(format!("کلیدها نوشته نشدند: {e}")))?;
    std::fs::write(path, json)
        .map_err(|e| DocumentError::Io(format!("کلیدها نوشته نشدند: {e}")))?;
    Ok(file.keys.len())
}

/// Reads an exported keys file.
pub fn read_keys_file(path: &Path) -> Result<Vec<PublicKeyRecord>, DocumentError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| DocumentError::Io(format!("پروندهٔ کلیدها خوانده نشد: {e}")))?;
    let file: KeysFile = serde_json::from_str(&text)
        .map_err(|e| DocumentError::Refused(format!("پروندهٔ کلیدها خوانا نیست: {e}")))?;
    Ok(file.keys)
}
