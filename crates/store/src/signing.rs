//! Members sign rulings one by one, each with their own key (Art 27: the members who sat
//! sign the reasoned ruling). A member signs what the ruling prints — the SHA-256 of its
//! canonical content (the typst input kept with the draft) and of its unsigned PDF — with
//! their Ed25519 key, opened by their password ([`crate::keys`]). When the last member who
//! sat has signed, in the same action: the ruling locks, the case moves on, the audit chain's
//! head is signed as a checkpoint, and the final PDF — typeset by the caller's `seal` with
//! every signature and the checkpoint — is kept with its SHA-256, so it prints again
//! identical.

use crate::accounts::{Try, current_key, try_password};
use crate::audit::{AuditChain, now};
use crate::checkpoint::{Checkpoint, append_anchor, checkpoint};
use crate::keys;
use crate::write::{date, update_row};
use crate::{Store, StoreError};
use heyat_core::board::Seat;
use heyat_core::proceedings::{Caller, Stage};
use serde::Serialize;
use sqlx::AnyConnection;

/// Where the signing of a draft stands after one member signed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignProgress {
    pub ruling_id: i64,
    /// Who has signed, in order.
    pub signed: Vec<i64>,
    /// Who sat and has not signed yet.
    pub remaining: Vec<i64>,
    /// Set when the last member signed: the SHA-256 of the signed content; the ruling is locked.
    pub content_hash: Option<String>,
    /// Set when the last member signed: the final PDF's SHA-256.
    pub pdf_sha256: Option<String>,
}

/// One member's signature of a ruling.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignatureRecord {
    pub member_id: i64,
    pub name: String,
    pub seat_title: String,
    pub public_key: String,
    pub fingerprint: String,
    pub signed_at: String,
    pub signature: String,
}

/// What the final PDF is typeset from, once the last member signed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SealInput {
    pub ruling_id: i64,
    /// `ruling` or `appeal-ruling`.
    pub kind: String,
    pub board: String,
    /// The canonical content every member signed (the typst input, JSON).
    pub content_json: String,
    pub content_sha256: String,
    pub body_sha256: String,
    pub signatures: Vec<SignatureRecord>,
    pub checkpoint: Checkpoint,
}

/// The final PDF and the sealed data attached to it, from the caller's `seal`.
pub struct Sealed {
    pub sealed_json: String,
    pub pdf: Vec<u8>,
}

/// A ruling as signing reads it: status, session, stage, content, case.
type DraftRow = (String, Option<i64>, Stage, Option<String>, i64);

/// A signature as the seal reads it: member, first and last name, seat, key, fingerprint,
/// moment, signature.
type SignatureRow = (i64, String, String, Seat, String, String, String, String);

/// A draft ready to be signed: its id, kind and content as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct ToSign {
    pub ruling_id: i64,
    pub kind: &'static str,
    pub content_json: String,
}

#[derive(sqlx::FromRow)]
struct ContentRuling {
    case_id: i64,
    stage: String,
    outcome: Option<String>,
    grade: Option<i64>,
    text: String,
    suggestion: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ContentCharge {
    id: i64,
    violation: String,
    committed_on: Option<String>,
    days: Option<i64>,
    facts: String,
}

/// The text a ruling's content hash is taken over: the ruling and its case's charges as one
/// compact JSON object, keys in this order, written in Rust so that both backends give the
/// same bytes. It is the text SQLite's `json_object`/`json_group_array` wrote for the same
/// row before the store ran on PostgreSQL too (a test compares them), so that rulings signed
/// then still verify.
pub(crate) async fn content_json(
    conn: &mut AnyConnection,
    ruling_id: i64,
) -> Result<String, StoreError> {
    let r: ContentRuling = sqlx::query_as(
        "SELECT case_id, stage, outcome, grade, text, suggestion FROM rulings WHERE id = $1",
    )
    .bind(ruling_id)
    .fetch_one(&mut *conn)
    .await?;
    let charges: Vec<ContentCharge> = sqlx::query_as(
        "SELECT id, violation, committed_on, days, facts FROM charges WHERE case_id = $1 ORDER BY id",
    )
    .bind(r.case_id)
    .fetch_all(&mut *conn)
    .await?;
    let j = |v: serde_json::Value| v.to_string();
    let charges: Vec<String> = charges
        .into_iter()
        .map(|c| {
            format!(
                "{{\"id\":{},\"violation\":{},\"committed_on\":{},\"days\":{},\"facts\":{}}}",
                c.id,
                j(c.violation.into()),
                j(c.committed_on.into()),
                j(c.days.into()),
                j(c.facts.into())
            )
        })
        .collect();
    Ok(format!(
        "{{\"case_id\":{},\"stage\":{},\"outcome\":{},\"grade\":{},\"text\":{},\"suggestion\":{},\"charges\":[{}]}}",
        r.case_id,
        j(r.stage.into()),
        j(r.outcome.into()),
        j(r.grade.into()),
        j(r.text.into()),
        j(r.suggestion.into()),
        charges.join(",")
    ))
}

impl Store {
    /// The text a ruling's content hash covers when it is signed without a sealed print
    /// (`content_json` above), for checking it from outside.
    pub async fn ruling_content_text(&self, ruling_id: i64) -> Result<String, StoreError> {
        let mut conn = self.pool().acquire().await?;
        content_json(&mut conn, ruling_id).await
    }
}

/// The content a ruling's signatures cover: the ruling and its case's charges; hashed with
/// the signing day. Signed once, this never changes (triggers of migration 0002).
pub(crate) async fn lock_ruling(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    ruling_id: i64,
    signed_on: &str,
    content_hash: Option<&str>,
) -> Result<String, StoreError> {
    let content = (content_json(conn, ruling_id).await?,);
    let hash = content_hash.map_or_else(
        || keys::sha256_hex(format!("{}|{}", content.0, signed_on).as_bytes()),
        str::to_owned,
    );
    update_row(
        conn,
        audit,
        "rulings",
        ruling_id,
        sqlx::query(
            "UPDATE rulings SET status = 'signed', signed_on = $1, content_hash = $2 WHERE id = $3",
        )
        .bind(signed_on)
        .bind(&hash)
        .bind(ruling_id),
    )
    .await?;
    Ok(hash)
}

/// Removes the sign-offs of a draft whose text changed: they covered other words.
pub(crate) async fn clear_signoffs(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    ruling_id: i64,
) -> Result<(), StoreError> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT rowid FROM ruling_signoffs WHERE ruling_id = $1")
            .bind(ruling_id)
            .fetch_all(&mut *conn)
            .await?;
    for (rowid,) in rows {
        let before = crate::audit::snapshot(conn, "ruling_signoffs", rowid).await?;
        sqlx::query("DELETE FROM ruling_signoffs WHERE rowid = $1")
            .bind(rowid)
            .execute(&mut *conn)
            .await?;
        audit
            .record(
                conn,
                "delete",
                "ruling_signoffs",
                rowid,
                before.as_ref(),
                None,
            )
            .await?;
    }
    Ok(())
}

impl Store {
    /// The case's draft ruling, with the content its print was made from: what members sign.
    pub async fn ruling_to_sign(&self, case_id: i64) -> Result<ToSign, StoreError> {
        let row: Option<(i64, Stage, Option<String>)> = sqlx::query_as(
            "SELECT id, stage, content_json FROM rulings WHERE case_id = $1 AND status = 'draft' ORDER BY id DESC LIMIT 1",
        )
        .bind(case_id)
        .fetch_optional(self.pool())
        .await?;
        let Some((ruling_id, stage, content)) = row else {
            let signed: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM rulings WHERE case_id = $1 AND status <> 'draft' LIMIT 1",
            )
            .bind(case_id)
            .fetch_optional(self.pool())
            .await?;
            if signed.is_some() {
                return Err(StoreError::SignedRuling);
            }
            return Err(StoreError::invalid(
                "رأی",
                "پیش‌نویس رأیی برای امضا نیست؛ نخست رأی را بنویسید و PDF آن را بسازید",
            ));
        };
        let content_json = content.ok_or_else(|| {
            StoreError::invalid(
                "رأی",
                "از این پیش‌نویس هنوز PDF ساخته نشده است؛ اعضا آنچه را چاپ می‌شود امضا می‌کنند: نخست PDF رأی را بسازید",
            )
        })?;
        Ok(ToSign {
            ruling_id,
            kind: match stage {
                Stage::Appeal => "appeal-ruling",
                Stage::FirstInstance => "ruling",
            },
            content_json,
        })
    }

    /// The logged-in member signs the draft `ruling_id` with their key, opened by
    /// `password` (a wrong one is counted, as at sign-in). `body_sha256` is the SHA-256 of the
    /// unsigned PDF typeset from the draft's content. The member must have sat in the
    /// ruling's session and sign once; the last signature seals the ruling (see the module).
    pub async fn sign_ruling_as<F>(
        &self,
        ruling_id: i64,
        caller: &Caller,
        password: &str,
        body_sha256: &str,
        signed_on: &str,
        seal: F,
    ) -> Result<SignProgress, StoreError>
    where
        F: FnOnce(&SealInput) -> Result<Sealed, String>,
    {
        let signed_on = date("تاریخ امضا (signed_on)", signed_on)?.to_iso_string();
        let member_id = caller.member_id.ok_or_else(|| {
            StoreError::invalid(
                "امضاکننده",
                "رأی را اعضای هیأت امضا می‌کنند؛ با حساب عضو وارد شوید",
            )
        })?;
        let mut w = self.begin(&caller.actor()).await?;
        if let Try::Wrong(e) =
            try_password(&mut w.tx, &mut w.audit, caller.account_id, password).await?
        {
            w.commit().await?;
            return Err(e);
        }
        let row: Option<DraftRow> = sqlx::query_as(
            "SELECT status, session_id, stage, content_json, case_id FROM rulings WHERE id = $1",
        )
        .bind(ruling_id)
        .fetch_optional(&mut *w.tx)
        .await?;
        let (status, session_id, stage, content_json, case_id) =
            row.ok_or(StoreError::NotFound {
                what: "رأی",
                id: ruling_id,
            })?;
        if status != "draft" {
            return Err(StoreError::SignedRuling);
        }
        let content_json = content_json.ok_or_else(|| {
            StoreError::invalid(
                "رأی",
                "از این پیش‌نویس هنوز PDF ساخته نشده است؛ نخست PDF رأی را بسازید",
            )
        })?;
        let kind = match stage {
            Stage::Appeal => "appeal-ruling",
            Stage::FirstInstance => "ruling",
        };
        let session_id = session_id.ok_or_else(|| {
            StoreError::invalid(
                "جلسه",
                "این رأی به جلسه‌ای پیوند ندارد؛ رأی را اعضای حاضر در جلسهٔ رسمی امضا می‌کنند (مواد ۲۷ و ۲۸)",
            )
        })?;
        let sat: Vec<(i64, Seat)> = sqlx::query_as(
            "SELECT member_id, seat FROM attendance WHERE session_id = $1
             ORDER BY CASE seat WHEN 'judge_1' THEN 1 WHEN 'judge_2' THEN 2 ELSE 3 END",
        )
        .bind(session_id)
        .fetch_all(&mut *w.tx)
        .await?;
        if !sat.iter().any(|(m, _)| *m == member_id) {
            return Err(StoreError::invalid(
                "امضاکننده",
                "شما در جلسهٔ این رأی حاضر نبوده‌اید و آن را امضا نمی‌کنید",
            ));
        }
        let already: Vec<(i64, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT member_id, content_sha256, body_sha256 FROM ruling_signoffs WHERE ruling_id = $1 ORDER BY signed_at, rowid",
        )
        .bind(ruling_id)
        .fetch_all(&mut *w.tx)
        .await?;
        if already.iter().any(|(m, _, _)| *m == member_id) {
            return Err(StoreError::invalid(
                "امضاکننده",
                "شما پیش‌تر این رأی را امضا کرده‌اید؛ هر عضو یک بار امضا می‌کند",
            ));
        }
        let content_sha256 = keys::sha256_hex(content_json.as_bytes());
        if already.iter().any(|(_, c, b)| {
            c.as_deref() != Some(content_sha256.as_str()) || b.as_deref() != Some(body_sha256)
        }) {
            return Err(StoreError::invalid(
                "رأی",
                "متن چاپی رأی پس از امضای عضو پیشین تغییر کرده است؛ PDF رأی را دوباره بسازید تا همه همان متن را امضا کنند",
            ));
        }
        let key_row = current_key(&mut w.tx, caller.account_id).await?.ok_or_else(|| {
            StoreError::invalid("کلید امضا", "برای این حساب کلید امضایی ساخته نشده است؛ از مدیر سامانه کد ثبت‌نام تازه بخواهید")
        })?;
        let password = heyat_core::to_latin_digits(password);
        let key = key_row
            .sealed()
            .and_then(|s| keys::unseal(&s, &password))
            .ok_or_else(|| {
                StoreError::invalid("کلید امضا", "کلید امضای این حساب با گذرواژه گشوده نشد؛ از مدیر سامانه کد ثبت‌نام تازه بخواهید")
            })?;
        let signed_at = now();
        let signature = keys::sign(
            &key,
            &keys::ruling_message(kind, &content_sha256, body_sha256, member_id, &signed_at),
        );
        let (rowid,): (i64,) = sqlx::query_as(
            "INSERT INTO ruling_signoffs (ruling_id, member_id, signed_at, key_id, content_sha256, body_sha256, signature)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING rowid",
        )
        .bind(ruling_id)
        .bind(member_id)
        .bind(&signed_at)
        .bind(key_row.id)
        .bind(&content_sha256)
        .bind(body_sha256)
        .bind(&signature)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit
            .inserted(&mut w.tx, "ruling_signoffs", rowid)
            .await?;
        let mut signed: Vec<i64> = already.iter().map(|r| r.0).collect();
        signed.push(member_id);
        let remaining: Vec<i64> = sat
            .iter()
            .map(|(m, _)| *m)
            .filter(|m| !signed.contains(m))
            .collect();
        if !remaining.is_empty() {
            w.commit().await?;
            return Ok(SignProgress {
                ruling_id,
                signed,
                remaining,
                content_hash: None,
                pdf_sha256: None,
            });
        }
        lock_ruling(
            &mut w.tx,
            &mut w.audit,
            ruling_id,
            &signed_on,
            Some(&content_sha256),
        )
        .await?;
        // Signed, the case is decided; an appeal board's ruling also decides the appeal of
        // the first-instance case it reviews. Both in this same action.
        let first: (Option<i64>,) =
            sqlx::query_as("SELECT appeal_of_case_id FROM cases WHERE id = $1")
                .bind(case_id)
                .fetch_one(&mut *w.tx)
                .await?;
        crate::proceedings::advance(&mut w, case_id, heyat_core::CaseStatus::Decided).await?;
        if let Some(first) = first.0 {
            crate::proceedings::advance(&mut w, first, heyat_core::CaseStatus::AppealDecided)
                .await?;
        }
        let signatures = signatures_of(&mut w.tx, ruling_id, session_id).await?;
        let checkpoint =
            checkpoint(&mut w.tx, &mut w.audit, self.data_dir(), "ruling-locked").await?;
        let (board,): (String,) = sqlx::query_as(
            "SELECT b.name FROM cases c JOIN boards b ON b.id = c.board_id WHERE c.id = $1",
        )
        .bind(case_id)
        .fetch_one(&mut *w.tx)
        .await?;
        let input = SealInput {
            ruling_id,
            kind: kind.to_owned(),
            board,
            content_json,
            content_sha256: content_sha256.clone(),
            body_sha256: body_sha256.to_owned(),
            signatures,
            checkpoint: checkpoint.clone(),
        };
        let sealed = seal(&input).map_err(|e| {
            StoreError::invalid(
                "رأی امضاشده",
                format!("نسخهٔ امضاشدهٔ رأی ساخته نشد و امضای شما ثبت نشد: {e}"),
            )
        })?;
        let pdf_sha256 = keys::sha256_hex(&sealed.pdf);
        sqlx::query(
            "INSERT INTO ruling_seals (ruling_id, sealed, pdf, pdf_sha256, sealed_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(ruling_id)
        .bind(&sealed.sealed_json)
        .bind(&sealed.pdf)
        .bind(&pdf_sha256)
        .bind(now())
        .execute(&mut *w.tx)
        .await?;
        let after = serde_json::json!({ "ruling_id": ruling_id, "pdf_sha256": pdf_sha256 });
        w.audit
            .record(
                &mut w.tx,
                "insert",
                "ruling_seals",
                ruling_id,
                None,
                Some(&after),
            )
            .await?;
        w.commit().await?;
        append_anchor(self.data_dir(), &checkpoint)?;
        Ok(SignProgress {
            ruling_id,
            signed,
            remaining,
            content_hash: Some(content_sha256),
            pdf_sha256: Some(pdf_sha256),
        })
    }

    /// The case a ruling belongs to.
    pub async fn ruling_case(&self, ruling_id: i64) -> Result<i64, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT case_id FROM rulings WHERE id = $1")
            .bind(ruling_id)
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| r.0).ok_or(StoreError::NotFound {
            what: "رأی",
            id: ruling_id,
        })
    }

    /// The sealed ruling of `ruling_id`: the final PDF as kept, and the sealed data.
    pub async fn sealed_ruling(
        &self,
        ruling_id: i64,
    ) -> Result<Option<(String, Vec<u8>, String)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT sealed, pdf, pdf_sha256 FROM ruling_seals WHERE ruling_id = $1")
                .bind(ruling_id)
                .fetch_optional(self.pool())
                .await?,
        )
    }
}

/// The signatures of a ruling, in seat order, with the signer's name, seat and key.
async fn signatures_of(
    conn: &mut AnyConnection,
    ruling_id: i64,
    session_id: i64,
) -> Result<Vec<SignatureRecord>, StoreError> {
    let rows: Vec<SignatureRow> = sqlx::query_as(
        "SELECT s.member_id, m.first_name, m.last_name, a.seat, k.public_key, k.fingerprint, s.signed_at, s.signature
         FROM ruling_signoffs s JOIN members m ON m.id = s.member_id
         JOIN attendance a ON a.session_id = $1 AND a.member_id = s.member_id
         JOIN account_keys k ON k.id = s.key_id
         WHERE s.ruling_id = $2
         ORDER BY CASE a.seat WHEN 'judge_1' THEN 1 WHEN 'judge_2' THEN 2 ELSE 3 END",
    )
    .bind(session_id)
    .bind(ruling_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(member_id, first, last, seat, public_key, fingerprint, signed_at, signature)| {
                SignatureRecord {
                    member_id,
                    name: format!("{first} {last}"),
                    seat_title: seat.title_fa().to_owned(),
                    public_key,
                    fingerprint,
                    signed_at,
                    signature,
                }
            },
        )
        .collect())
}

/// A sealed ruling as the check reads it: id, stage, content, its hash, the PDF, its hash.
type SealedRow = (i64, Stage, Option<String>, Option<String>, Vec<u8>, String);

/// A kept signature: member, moment, content and body hashes, signature, public key.
type KeptSignature = (
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Signed rulings whose record no longer matches what was signed: the content's SHA-256, each
/// member's signature over it, the kept PDF's SHA-256. An edit in SQL after signing (with the
/// triggers dropped) shows here, and so in `heyat audit verify` and the app's start.
pub(crate) async fn sealed_problems(
    conn: &mut AnyConnection,
) -> Result<Vec<crate::AuditProblem>, StoreError> {
    let mut problems = Vec::new();
    let sealed: Vec<SealedRow> = sqlx::query_as(
        "SELECT r.id, r.stage, r.content_json, r.content_hash, s.pdf, s.pdf_sha256
             FROM rulings r JOIN ruling_seals s ON s.ruling_id = r.id ORDER BY r.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (id, stage, content, hash, pdf, pdf_sha) in sealed {
        let mut wrong = |what: &str| {
            problems.push(crate::AuditProblem {
                id,
                problem: format!("رأی امضاشدهٔ شمارهٔ {id} پس از امضا دست خورده است: {what}"),
            })
        };
        let content_sha = content
            .as_deref()
            .map(|c| keys::sha256_hex(c.as_bytes()))
            .unwrap_or_default();
        if hash.as_deref() != Some(content_sha.as_str()) {
            wrong("متن ثبت‌شده با چکیدهٔ امضاشده نمی‌خواند");
        }
        if keys::sha256_hex(&pdf) != pdf_sha {
            wrong("PDF نگه‌داشته با چکیدهٔ آن نمی‌خواند");
        }
        let kind = match stage {
            Stage::Appeal => "appeal-ruling",
            Stage::FirstInstance => "ruling",
        };
        let signatures: Vec<KeptSignature> =
            sqlx::query_as(
                "SELECT s.member_id, s.signed_at, s.content_sha256, s.body_sha256, s.signature, k.public_key
                 FROM ruling_signoffs s LEFT JOIN account_keys k ON k.id = s.key_id WHERE s.ruling_id = $1",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
        for (member, at, c, b, signature, key) in signatures {
            let ok = match (c, b, signature, key) {
                (Some(c), Some(b), Some(sig), Some(key)) => {
                    c == content_sha
                        && keys::verify_signature(
                            &key,
                            &keys::ruling_message(kind, &c, &b, member, &at),
                            &sig,
                        )
                }
                _ => false,
            };
            if !ok {
                wrong(&format!("امضای عضو {member} با متن ثبت‌شده نمی‌خواند"));
            }
        }
    }
    Ok(problems)
}

/// A sealed ruling to print again: its ruling, case number, sealed data and the kept PDF's
/// SHA-256.
#[derive(Debug, Clone, PartialEq)]
pub struct SealedEntry {
    pub ruling_id: i64,
    pub case_number: String,
    pub sealed: String,
    pub pdf_sha256: String,
}

impl Store {
    /// The rulings signed between `from` and `to` (ISO days of the ruling's signing, both
    /// included), oldest first,
    /// without their PDFs (a batch reads one document's data at a time, not hundreds of PDFs).
    pub async fn sealed_between(
        &self,
        from: &str,
        to: &str,
    ) -> Result<Vec<SealedEntry>, StoreError> {
        let rows: Vec<(i64, i64, i64, String, String)> = sqlx::query_as(
            "SELECT s.ruling_id, c.year, c.seq, s.sealed, s.pdf_sha256
               FROM ruling_seals s JOIN rulings r ON r.id = s.ruling_id JOIN cases c ON c.id = r.case_id
              WHERE coalesce(r.signed_on, substr(s.sealed_at, 1, 10)) BETWEEN $1 AND $2
              ORDER BY coalesce(r.signed_on, substr(s.sealed_at, 1, 10)), s.ruling_id",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(ruling_id, year, seq, sealed, pdf_sha256)| SealedEntry {
                ruling_id,
                case_number: crate::case_number(year, seq),
                sealed,
                pdf_sha256,
            })
            .collect())
    }
}
