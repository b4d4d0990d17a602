//! Members sign rulings one by one, each with a PIN of their own (Art 27: the members who
//! sat sign the reasoned ruling); when the last of them has signed, the ruling locks.
//!
//! A PIN is 4 to 8 digits. Only a salted SHA-256, iterated [`PIN_ROUNDS`] times, is kept:
//! enough that a copy of the database does not show the PINs at a glance; a PIN this short
//! is an accountability check between colleagues, not a cryptographic signature. Five wrong
//! tries in fifteen minutes lock the member's PIN for the rest of that quarter-hour.

use crate::audit::{AuditChain, now};
use crate::write::{date, exists, update_row};
use crate::{Store, StoreError};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

/// Rounds of SHA-256 over a PIN.
pub const PIN_ROUNDS: u32 = 20_000;

/// Wrong PINs allowed in [`LOCKOUT_MINUTES`] before the member's PIN is refused.
pub const PIN_TRIES: i64 = 5;
pub const LOCKOUT_MINUTES: i64 = 15;

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
}

fn pin_hash(salt: &str, pin: &str) -> String {
    let mut digest = Sha256::digest(format!("{salt}:{pin}").as_bytes());
    for _ in 1..PIN_ROUNDS {
        digest = Sha256::digest(digest);
    }
    hex::encode(digest)
}

/// A PIN as typed (Persian or Latin digits), or what to fix.
fn checked_pin(field: &'static str, pin: &str) -> Result<String, StoreError> {
    let pin = heyat_core::to_latin_digits(pin.trim());
    if !(4..=8).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(StoreError::invalid(field, "رمز امضا باید ۴ تا ۸ رقم باشد"));
    }
    Ok(pin)
}

async fn stored_pin(
    conn: &mut SqliteConnection,
    member_id: i64,
) -> Result<Option<(String, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT salt, pin_hash FROM member_pins WHERE member_id = ?")
            .bind(member_id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// The content a ruling's signatures cover: the ruling and its case's charges; hashed with
/// the signing day. Signed once, this never changes (triggers of migration 0002).
pub(crate) async fn lock_ruling(
    conn: &mut SqliteConnection,
    audit: &mut AuditChain,
    ruling_id: i64,
    signed_on: &str,
) -> Result<String, StoreError> {
    let content: (String,) = sqlx::query_as(
        "SELECT json_object('case_id', r.case_id, 'stage', r.stage, 'outcome', r.outcome, 'grade', r.grade,
                'text', r.text, 'suggestion', r.suggestion,
                'charges', (SELECT json_group_array(json_object('id', id, 'violation', violation,
                    'committed_on', committed_on, 'days', days, 'facts', facts)) FROM
                    (SELECT * FROM charges WHERE case_id = r.case_id ORDER BY id)))
         FROM rulings r WHERE r.id = ?",
    )
    .bind(ruling_id)
    .fetch_one(&mut *conn)
    .await?;
    let hash = hex::encode(Sha256::digest(
        format!("{}|{}", content.0, signed_on).as_bytes(),
    ));
    update_row(
        conn,
        audit,
        "rulings",
        ruling_id,
        sqlx::query(
            "UPDATE rulings SET status = 'signed', signed_on = ?, content_hash = ? WHERE id = ?",
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
    conn: &mut SqliteConnection,
    audit: &mut AuditChain,
    ruling_id: i64,
) -> Result<(), StoreError> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT rowid FROM ruling_signoffs WHERE ruling_id = ?")
        .bind(ruling_id)
        .fetch_all(&mut *conn)
        .await?;
    for (rowid,) in rows {
        let before = crate::audit::snapshot(conn, "ruling_signoffs", rowid).await?;
        sqlx::query("DELETE FROM ruling_signoffs WHERE rowid = ?")
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
    /// Checks `pin` against the member's, counting wrong tries: after [`PIN_TRIES`] wrong
    /// ones within [`LOCKOUT_MINUTES`], even the right PIN is refused until that time passed.
    /// A wrong try is recorded at once, so it counts though nothing else is saved.
    async fn check_pin(
        &self,
        member_id: i64,
        field: &'static str,
        pin: &str,
    ) -> Result<(), StoreError> {
        let pin = checked_pin(field, pin)?;
        let mut conn = self.pool().acquire().await?;
        let Some((salt, hash)) = stored_pin(&mut conn, member_id).await? else {
            return Err(StoreError::invalid(
                field,
                "برای این عضو رمز امضا تعیین نشده است؛ از «تنظیمات» رمز او را تعیین کنید",
            ));
        };
        let since = (chrono::Utc::now() - chrono::Duration::minutes(LOCKOUT_MINUTES))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let (tries,): (i64,) =
            sqlx::query_as("SELECT count(*) FROM pin_failures WHERE member_id = ? AND at >= ?")
                .bind(member_id)
                .bind(&since)
                .fetch_one(&mut *conn)
                .await?;
        if tries >= PIN_TRIES {
            return Err(StoreError::invalid(
                field,
                "پنج بار پیاپی رمز نادرست وارد شده است؛ برای ایمنی، رمز این عضو تا پانزده دقیقه پذیرفته نمی‌شود",
            ));
        }
        if pin_hash(&salt, &pin) != hash {
            sqlx::query("INSERT INTO pin_failures (member_id, at) VALUES (?, ?)")
                .bind(member_id)
                .bind(now())
                .execute(&mut *conn)
                .await?;
            let left = PIN_TRIES - tries - 1;
            return Err(StoreError::invalid(
                field,
                format!(
                    "رمز نادرست است؛ چیزی ثبت نشد. {} بار دیگر می‌توانید بکوشید",
                    heyat_core::to_persian_digits(&left.to_string())
                ),
            ));
        }
        sqlx::query("DELETE FROM pin_failures WHERE member_id = ?")
            .bind(member_id)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// Whether each member has a signing PIN: the members' ids that have one.
    pub async fn members_with_pin(&self) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as("SELECT member_id FROM member_pins ORDER BY 1")
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// Sets a member's signing PIN. Changing a PIN needs the current one.
    pub async fn set_member_pin(
        &self,
        member_id: i64,
        current: Option<&str>,
        pin: &str,
        actor: &str,
    ) -> Result<(), StoreError> {
        let pin = checked_pin("رمز تازه", pin)?;
        let has_pin = stored_pin(&mut *self.pool().acquire().await?, member_id)
            .await?
            .is_some();
        if has_pin {
            let current = current
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .ok_or_else(|| {
                    StoreError::invalid(
                        "رمز کنونی",
                        "این عضو رمز امضا دارد؛ برای تغییر، رمز کنونی را هم بدهید",
                    )
                })?;
            self.check_pin(member_id, "رمز کنونی", current).await?;
        }
        let mut w = self.begin(actor).await?;
        exists(&mut w.tx, "members", "عضو", member_id).await?;
        let salt = format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
        let hash = pin_hash(&salt, &pin);
        let at = now();
        sqlx::query(
            "INSERT INTO member_pins (member_id, salt, pin_hash, set_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (member_id) DO UPDATE SET salt = excluded.salt, pin_hash = excluded.pin_hash, set_at = excluded.set_at",
        )
        .bind(member_id)
        .bind(&salt)
        .bind(&hash)
        .bind(&at)
        .execute(&mut *w.tx)
        .await?;
        // The log says a PIN was set, never its hash.
        let after = serde_json::json!({ "member_id": member_id, "set_at": at });
        w.audit
            .record(
                &mut w.tx,
                "update",
                "member_pins",
                member_id,
                None,
                Some(&after),
            )
            .await?;
        w.commit().await?;
        Ok(())
    }

    /// One member signs a draft with their PIN. The member must have sat in the ruling's
    /// session and sign once; when every member who sat has signed, the ruling is locked
    /// with the SHA-256 of its content and `signed_on`.
    pub async fn sign_off(
        &self,
        ruling_id: i64,
        member_id: i64,
        pin: &str,
        signed_on: &str,
        actor: &str,
    ) -> Result<SignProgress, StoreError> {
        let signed_on = date("تاریخ امضا (signed_on)", signed_on)?.to_iso_string();
        self.check_pin(member_id, "رمز امضا", pin).await?;
        let mut w = self.begin(actor).await?;
        let row: Option<(String, Option<i64>)> =
            sqlx::query_as("SELECT status, session_id FROM rulings WHERE id = ?")
                .bind(ruling_id)
                .fetch_optional(&mut *w.tx)
                .await?;
        let (status, session_id) = row.ok_or(StoreError::NotFound {
            what: "رأی",
            id: ruling_id,
        })?;
        if status != "draft" {
            return Err(StoreError::SignedRuling);
        }
        let session_id = session_id.ok_or_else(|| {
            StoreError::invalid(
                "جلسه",
                "این رأی به جلسه‌ای پیوند ندارد؛ رأی را اعضای حاضر در جلسهٔ رسمی امضا می‌کنند (مواد ۲۷ و ۲۸)",
            )
        })?;
        let sat: Vec<(i64,)> = sqlx::query_as(
            "SELECT member_id FROM attendance WHERE session_id = ?
             ORDER BY CASE seat WHEN 'judge_1' THEN 1 WHEN 'judge_2' THEN 2 ELSE 3 END",
        )
        .bind(session_id)
        .fetch_all(&mut *w.tx)
        .await?;
        let sat: Vec<i64> = sat.into_iter().map(|r| r.0).collect();
        if !sat.contains(&member_id) {
            return Err(StoreError::invalid(
                "امضاکننده",
                "این عضو در جلسهٔ این رأی حاضر نبوده است و آن را امضا نمی‌کند",
            ));
        }
        let already: Vec<(i64,)> = sqlx::query_as(
            "SELECT member_id FROM ruling_signoffs WHERE ruling_id = ? ORDER BY signed_at, rowid",
        )
        .bind(ruling_id)
        .fetch_all(&mut *w.tx)
        .await?;
        let mut signed: Vec<i64> = already.into_iter().map(|r| r.0).collect();
        if signed.contains(&member_id) {
            return Err(StoreError::invalid(
                "امضاکننده",
                "این عضو پیش‌تر این رأی را امضا کرده است؛ هر عضو یک بار امضا می‌کند",
            ));
        }
        let (rowid,): (i64,) = sqlx::query_as(
            "INSERT INTO ruling_signoffs (ruling_id, member_id, signed_at) VALUES (?, ?, ?) RETURNING rowid",
        )
        .bind(ruling_id)
        .bind(member_id)
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit
            .inserted(&mut w.tx, "ruling_signoffs", rowid)
            .await?;
        signed.push(member_id);
        let remaining: Vec<i64> = sat.into_iter().filter(|m| !signed.contains(m)).collect();
        let content_hash = if remaining.is_empty() {
            let hash = lock_ruling(&mut w.tx, &mut w.audit, ruling_id, &signed_on).await?;
            // Signed, the case is decided; an appeal board's ruling also decides the appeal
            // of the first-instance case it reviews. Both in this same action.
            let (case_id, first): (i64, Option<i64>) = sqlx::query_as(
                "SELECT c.id, c.appeal_of_case_id FROM rulings r JOIN cases c ON c.id = r.case_id WHERE r.id = ?",
            )
            .bind(ruling_id)
            .fetch_one(&mut *w.tx)
            .await?;
            crate::proceedings::advance(&mut w, case_id, heyat_core::CaseStatus::Decided).await?;
            if let Some(first) = first {
                crate::proceedings::advance(&mut w, first, heyat_core::CaseStatus::AppealDecided)
                    .await?;
            }
            Some(hash)
        } else {
            None
        };
        w.commit().await?;
        Ok(SignProgress {
            ruling_id,
            signed,
            remaining,
            content_hash,
        })
    }
}
