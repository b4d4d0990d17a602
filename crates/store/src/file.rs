//! A case with all its parts, and the steps of hearing it: sessions with attendance by seat
//! (Art 28), votes (one per member per question), rulings drafted, signed and made final
//! (Art 27), notifications and appeals (Art 33).

use crate::audit::AuditChain;
use crate::queries::{CaseListItem, case_list_rows};
use crate::write::{date, exists, update_row};
use crate::{Store, StoreError};
use heyat_core::board::Seat;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

/// A case as a board member opens it: every part in one read.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseFile {
    pub case: CaseListItem,
    pub office_id: i64,
    pub manager_id: i64,
    pub manager_national_id: String,
    pub office_province: String,
    pub charges: Vec<ChargeRecord>,
    pub complaints: Vec<ComplaintRecord>,
    pub evidence: Vec<EvidenceRecord>,
    pub sessions: Vec<SessionRecord>,
    pub rulings: Vec<RulingRecord>,
    pub notifications: Vec<NotificationRecord>,
    pub appeals: Vec<AppealRecord>,
    /// Sessions set for the case (not yet necessarily held).
    pub scheduled: Vec<crate::ScheduledSession>,
    /// For an appeal case: the first-instance case it reviews (Art 33).
    pub appeal_of: Option<crate::CaseLink>,
    /// For a first-instance case: the case opened before the appeal board.
    pub appealed_as: Option<crate::CaseLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
pub struct ChargeRecord {
    pub id: i64,
    pub violation: String,
    pub committed_on: String,
    pub days: Option<i64>,
    pub facts: String,
    pub last_prosecution_act_on: Option<String>,
}

/// A complaint; the reporter's name and contact are left out while confidential (Art 20).
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
pub struct ComplaintRecord {
    pub id: i64,
    pub kind: String,
    pub source: String,
    pub received_on: String,
    pub reporter_name: Option<String>,
    pub reporter_contact: Option<String>,
    pub reporter_confidential: bool,
    pub summary: String,
    pub review_notes: Option<String>,
    pub forwarded_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
pub struct EvidenceRecord {
    pub id: i64,
    pub sha256: String,
    pub size: i64,
    pub media_type: String,
    pub file_name: String,
    pub description: String,
    pub added_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SessionRecord {
    pub id: i64,
    pub board_id: i64,
    pub held_on: String,
    pub chair_member_id: Option<i64>,
    pub minutes: String,
    pub attendance: Vec<AttendanceRecord>,
    pub votes: Vec<VoteRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, sqlx::FromRow)]
pub struct AttendanceRecord {
    /// `judge_1`, `judge_2` or `representative`.
    pub seat: String,
    /// Who sat: the holder, or the alternate when the holder was absent or recused.
    pub member_id: i64,
    /// `present`, `absent` or `recused`: what the seat's holder was.
    pub holder_was: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
pub struct VoteRecord {
    pub id: i64,
    pub question: String,
    pub member_id: i64,
    pub choice: String,
    pub dissent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RulingRecord {
    pub id: i64,
    pub session_id: Option<i64>,
    pub stage: String,
    /// `draft`, `signed` or `final`.
    pub status: String,
    pub outcome: Option<String>,
    pub grade: Option<i64>,
    pub text: String,
    /// The rules engine's suggestion with its trace, as JSON text.
    pub suggestion: Option<String>,
    pub drafted_on: String,
    pub signed_on: Option<String>,
    pub content_hash: Option<String>,
    pub signoffs: Vec<SignoffRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
pub struct SignoffRecord {
    pub member_id: i64,
    pub signed_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
pub struct NotificationRecord {
    pub id: i64,
    pub ruling_id: i64,
    pub recipient: String,
    pub method: String,
    pub notified_on: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
pub struct AppealRecord {
    pub id: i64,
    pub ruling_id: i64,
    pub appellant: String,
    pub filed_on: String,
    pub in_time: bool,
    pub grounds: String,
}

/// A session to record (Art 28: every seat filled, an alternate only for an absent or
/// recused holder of the same kind).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewSession {
    pub case_id: i64,
    pub held_on: String,
    pub attendance: Vec<AttendanceRecord>,
    #[serde(default)]
    pub minutes: String,
}

/// A ruling's draft (Art 27).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct NewRuling {
    pub case_id: i64,
    #[ts(optional)]
    pub session_id: Option<i64>,
    /// `first_instance` (default) or `appeal`.
    #[ts(optional)]
    pub stage: Option<String>,
    #[ts(optional)]
    pub outcome: Option<String>,
    #[ts(optional)]
    pub grade: Option<i64>,
    pub text: String,
    /// The engine's suggestion (`heyat_core::suggest_json` output), kept with the ruling.
    #[ts(optional)]
    pub suggestion: Option<String>,
    pub drafted_on: String,
}

#[derive(sqlx::FromRow)]
struct RulingRow {
    id: i64,
    session_id: Option<i64>,
    stage: String,
    status: String,
    outcome: Option<String>,
    grade: Option<i64>,
    text: String,
    suggestion: Option<String>,
    drafted_on: String,
    signed_on: Option<String>,
    content_hash: Option<String>,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    board_id: i64,
    held_on: String,
    chair_member_id: Option<i64>,
    minutes: String,
}

fn checked_ruling(r: &NewRuling) -> Result<(String, String), StoreError> {
    let stage = r.stage.clone().unwrap_or_else(|| "first_instance".into());
    if !matches!(stage.as_str(), "first_instance" | "appeal") {
        return Err(StoreError::invalid(
            "مرحله (stage)",
            "first_instance یا appeal بدهید",
        ));
    }
    if let Some(o) = &r.outcome {
        const OUTCOMES: [&str; 8] = [
            "conviction",
            "acquittal",
            "mixed",
            "suspended_prosecution",
            "barred",
            "confirmed",
            "reversed",
            "modified",
        ];
        if !OUTCOMES.contains(&o.as_str()) {
            return Err(StoreError::invalid(
                "نتیجه (outcome)",
                format!(
                    "«{o}» شناخته نیست؛ یکی از این‌ها را بدهید: {}",
                    OUTCOMES.join("، ")
                ),
            ));
        }
    }
    if let Some(g) = r.grade
        && !(1..=7).contains(&g)
    {
        return Err(StoreError::invalid(
            "درجه (grade)",
            "درجهٔ مجازات میان ۱ و ۷ است (ماده ۲۹)",
        ));
    }
    if let Some(s) = &r.suggestion
        && serde_json::from_str::<serde_json::Value>(s).is_err()
    {
        return Err(StoreError::invalid(
            "پیشنهاد (suggestion)",
            "JSON درستی نیست",
        ));
    }
    let drafted = date("تاریخ پیش‌نویس (drafted_on)", &r.drafted_on)?.to_iso_string();
    Ok((stage, drafted))
}

async fn ruling_status(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<(i64, String, Option<i64>), StoreError> {
    let row: Option<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT case_id, status, session_id FROM rulings WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    row.ok_or(StoreError::NotFound { what: "رأی", id })
}

/// The last day to appeal a ruling notified on `notified_on` (ISO): 20 days not counting the
/// day of notification (Art 33; CPC Art 445), moved past Fridays and `holidays` (CPC Art 444).
pub fn appeal_deadline(notified_on: &str, holidays: &[String]) -> Result<String, StoreError> {
    let start = date("تاریخ ابلاغ", notified_on)?;
    let mut last = start
        .add_days(20)
        .map_err(|_| StoreError::invalid("تاریخ ابلاغ", "بیرون از بازهٔ تقویم است"))?;
    while last.is_friday() || holidays.contains(&last.to_iso_string()) {
        last = last
            .add_days(1)
            .map_err(|_| StoreError::invalid("تاریخ ابلاغ", "بیرون از بازهٔ تقویم است"))?;
    }
    Ok(last.to_iso_string())
}

impl Store {
    /// A case with its charges, complaints, evidence, sessions (attendance, votes), rulings
    /// (sign-offs), notifications and appeals, read in one snapshot.
    pub async fn case_file(&self, case_id: i64) -> Result<CaseFile, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        let case = case_list_rows(&mut *tx, "WHERE c.id = ?2", None, Some(case_id))
            .await?
            .pop()
            .ok_or(StoreError::NotFound {
                what: "پرونده",
                id: case_id,
            })?;
        let (office_id, manager_id, manager_national_id, office_province): (i64, i64, String, String) = sqlx::query_as(
            "SELECT o.id, m.id, m.national_id, o.province FROM cases c JOIN managers m ON m.id = c.manager_id
             JOIN offices o ON o.id = c.office_id WHERE c.id = ?",
        )
        .bind(case_id)
        .fetch_one(&mut *tx)
        .await?;
        let charges = sqlx::query_as(
            "SELECT id, violation, committed_on, days, facts, last_prosecution_act_on FROM charges WHERE case_id = ? ORDER BY id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let complaints = sqlx::query_as(
            "SELECT id, kind, source, received_on,
                    CASE WHEN reporter_confidential = 1 THEN NULL ELSE reporter_name END AS reporter_name,
                    CASE WHEN reporter_confidential = 1 THEN NULL ELSE reporter_contact END AS reporter_contact,
                    reporter_confidential, summary, review_notes, forwarded_on
             FROM complaints WHERE case_id = ? ORDER BY id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let evidence = sqlx::query_as(
            "SELECT id, sha256, size, media_type, file_name, description, added_at FROM evidence WHERE case_id = ? ORDER BY id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let session_rows: Vec<SessionRow> = sqlx::query_as(
            "SELECT id, board_id, held_on, chair_member_id, minutes FROM sessions WHERE case_id = ? ORDER BY held_on, id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let mut sessions = Vec::with_capacity(session_rows.len());
        for s in session_rows {
            let attendance = sqlx::query_as(
                "SELECT seat, member_id, holder_was FROM attendance WHERE session_id = ?
                 ORDER BY CASE seat WHEN 'judge_1' THEN 1 WHEN 'judge_2' THEN 2 ELSE 3 END",
            )
            .bind(s.id)
            .fetch_all(&mut *tx)
            .await?;
            let votes = sqlx::query_as(
                "SELECT id, question, member_id, choice, dissent FROM votes WHERE session_id = ? ORDER BY id",
            )
            .bind(s.id)
            .fetch_all(&mut *tx)
            .await?;
            sessions.push(SessionRecord {
                id: s.id,
                board_id: s.board_id,
                held_on: s.held_on,
                chair_member_id: s.chair_member_id,
                minutes: s.minutes,
                attendance,
                votes,
            });
        }
        let ruling_rows: Vec<RulingRow> = sqlx::query_as(
            "SELECT id, session_id, stage, status, outcome, grade, text, suggestion, drafted_on, signed_on, content_hash
             FROM rulings WHERE case_id = ? ORDER BY id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let mut rulings = Vec::with_capacity(ruling_rows.len());
        for r in ruling_rows {
            let signoffs = sqlx::query_as(
                "SELECT member_id, signed_at FROM ruling_signoffs WHERE ruling_id = ? ORDER BY signed_at, member_id",
            )
            .bind(r.id)
            .fetch_all(&mut *tx)
            .await?;
            rulings.push(RulingRecord {
                id: r.id,
                session_id: r.session_id,
                stage: r.stage,
                status: r.status,
                outcome: r.outcome,
                grade: r.grade,
                text: r.text,
                suggestion: r.suggestion,
                drafted_on: r.drafted_on,
                signed_on: r.signed_on,
                content_hash: r.content_hash,
                signoffs,
            });
        }
        let notifications = sqlx::query_as(
            "SELECT n.id, n.ruling_id, n.recipient, n.method, n.notified_on FROM notifications n
             JOIN rulings r ON r.id = n.ruling_id WHERE r.case_id = ? ORDER BY n.notified_on, n.id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let appeals = sqlx::query_as(
            "SELECT a.id, a.ruling_id, a.appellant, a.filed_on, a.in_time, a.grounds FROM appeals a
             JOIN rulings r ON r.id = a.ruling_id WHERE r.case_id = ? ORDER BY a.filed_on, a.id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        drop(conn);
        let (appeal_of, appealed_as) = self.case_links(case_id).await?;
        let scheduled = self.scheduled_for(case_id).await?;
        Ok(CaseFile {
            scheduled,
            appeal_of,
            appealed_as,
            case,
            office_id,
            manager_id,
            manager_national_id,
            office_province,
            charges,
            complaints,
            evidence,
            sessions,
            rulings,
            notifications,
            appeals,
        })
    }

    /// Records a session with its attendance. Refused unless every seat is filled by its
    /// holder, or by the alternate of the same kind when the holder was absent or recused
    /// (Arts 25, 28).
    pub async fn record_session(&self, s: &NewSession, actor: &str) -> Result<i64, StoreError> {
        let held_on = date("تاریخ جلسه (held_on)", &s.held_on)?.to_iso_string();
        let mut tx = self.write_tx().await?;
        let board: Option<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT b.id, b.chair_member_id FROM cases c JOIN boards b ON b.id = c.board_id WHERE c.id = ?",
        )
        .bind(s.case_id)
        .fetch_optional(&mut *tx)
        .await?;
        let (board_id, chair) = board.ok_or(StoreError::NotFound {
            what: "پرونده",
            id: s.case_id,
        })?;
        let seats: Vec<(String, i64)> =
            sqlx::query_as("SELECT seat, member_id FROM board_seats WHERE board_id = ?")
                .bind(board_id)
                .fetch_all(&mut *tx)
                .await?;
        let holder = |seat: Seat| {
            seats
                .iter()
                .find(|(s, _)| s == seat.code())
                .map(|(_, m)| *m)
        };
        for seat in [Seat::Judge1, Seat::Judge2, Seat::Representative] {
            let Some(a) = s.attendance.iter().find(|a| a.seat == seat.code()) else {
                return Err(StoreError::invalid(
                    "حضور (attendance)",
                    format!(
                        "جایگاه «{}» خالی است؛ جلسه تنها با حضور همهٔ اعضا رسمی است (ماده ۲۸)",
                        seat.title_fa()
                    ),
                ));
            };
            let expected = match a.holder_was.as_str() {
                "present" => holder(seat),
                "absent" | "recused" => seat.alternate().and_then(holder),
                other => {
                    return Err(StoreError::invalid(
                        "حضور (holder_was)",
                        format!("«{other}» شناخته نیست؛ present، absent یا recused بدهید"),
                    ));
                }
            };
            if expected != Some(a.member_id) {
                return Err(StoreError::invalid(
                    "حضور (attendance)",
                    format!(
                        "در جایگاه «{}» باید دارندهٔ آن جایگاه بنشیند، یا اگر غایب است یا کنار رفته، عضو علی‌البدل هم‌نوعش (مواد ۲۵ و ۲۸)",
                        seat.title_fa()
                    ),
                ));
            }
        }
        if s.attendance.len() != 3 {
            return Err(StoreError::invalid(
                "حضور (attendance)",
                "سه جایگاه judge_1، judge_2 و representative را یک بار بدهید",
            ));
        }
        let chair = chair.filter(|c| s.attendance.iter().any(|a| a.member_id == *c));
        let mut audit = AuditChain::start(&mut tx, actor).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO sessions (case_id, board_id, held_on, chair_member_id, minutes) VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(s.case_id)
        .bind(board_id)
        .bind(held_on)
        .bind(chair)
        .bind(&s.minutes)
        .fetch_one(&mut *tx)
        .await?;
        audit.inserted(&mut tx, "sessions", id).await?;
        for a in &s.attendance {
            let (rowid,): (i64,) = sqlx::query_as(
                "INSERT INTO attendance (session_id, seat, member_id, holder_was) VALUES (?, ?, ?, ?) RETURNING rowid",
            )
            .bind(id)
            .bind(&a.seat)
            .bind(a.member_id)
            .bind(&a.holder_was)
            .fetch_one(&mut *tx)
            .await?;
            audit.inserted(&mut tx, "attendance", rowid).await?;
        }
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records one member's vote on one question; a member who sat in the session votes
    /// once per question.
    pub async fn record_vote(
        &self,
        session_id: i64,
        question: &str,
        member_id: i64,
        choice: &str,
        dissent: Option<&str>,
        actor: &str,
    ) -> Result<i64, StoreError> {
        let question = question.trim();
        let choice = choice.trim();
        if question.is_empty() || choice.is_empty() {
            return Err(StoreError::invalid("رأی (vote)", "پرسش و پاسخ را بدهید"));
        }
        let mut tx = self.write_tx().await?;
        exists(&mut tx, "sessions", "جلسه", session_id).await?;
        let sat: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM attendance WHERE session_id = ? AND member_id = ?")
                .bind(session_id)
                .bind(member_id)
                .fetch_optional(&mut *tx)
                .await?;
        if sat.is_none() {
            return Err(StoreError::invalid(
                "عضو (member_id)",
                "این عضو در این جلسه حاضر نبوده و رأی نمی‌دهد",
            ));
        }
        let mut audit = AuditChain::start(&mut tx, actor).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO votes (session_id, question, member_id, choice, dissent) VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(session_id)
        .bind(question)
        .bind(member_id)
        .bind(choice)
        .bind(dissent.map(str::trim).filter(|d| !d.is_empty()))
        .fetch_one(&mut *tx)
        .await?;
        audit.inserted(&mut tx, "votes", id).await?;
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Saves a ruling's draft.
    pub async fn draft_ruling(&self, r: &NewRuling, actor: &str) -> Result<i64, StoreError> {
        let (stage, drafted) = checked_ruling(r)?;
        let mut tx = self.write_tx().await?;
        exists(&mut tx, "cases", "پرونده", r.case_id).await?;
        if let Some(s) = r.session_id {
            exists(&mut tx, "sessions", "جلسه", s).await?;
        }
        let mut audit = AuditChain::start(&mut tx, actor).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO rulings (case_id, session_id, stage, status, outcome, grade, text, suggestion, drafted_on)
             VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(r.case_id)
        .bind(r.session_id)
        .bind(stage)
        .bind(&r.outcome)
        .bind(r.grade)
        .bind(&r.text)
        .bind(&r.suggestion)
        .bind(drafted)
        .fetch_one(&mut *tx)
        .await?;
        audit.inserted(&mut tx, "rulings", id).await?;
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes a draft; a signed ruling is refused ([`StoreError::SignedRuling`]).
    pub async fn update_ruling(
        &self,
        ruling_id: i64,
        r: &NewRuling,
        actor: &str,
    ) -> Result<(), StoreError> {
        let (stage, drafted) = checked_ruling(r)?;
        let mut tx = self.write_tx().await?;
        let (case_id, status, _) = ruling_status(&mut tx, ruling_id).await?;
        if status != "draft" {
            return Err(StoreError::SignedRuling);
        }
        if case_id != r.case_id {
            return Err(StoreError::invalid(
                "پرونده (case_id)",
                "رأی به پروندهٔ دیگری تعلق دارد",
            ));
        }
        let mut audit = AuditChain::start(&mut tx, actor).await?;
        // Sign-offs given so far covered the old text.
        crate::signing::clear_signoffs(&mut tx, &mut audit, ruling_id).await?;
        update_row(
            &mut tx,
            &mut audit,
            "rulings",
            ruling_id,
            sqlx::query(
                "UPDATE rulings SET session_id = ?, stage = ?, outcome = ?, grade = ?, text = ?, suggestion = ?, drafted_on = ? WHERE id = ?",
            )
            .bind(r.session_id)
            .bind(stage)
            .bind(&r.outcome)
            .bind(r.grade)
            .bind(&r.text)
            .bind(&r.suggestion)
            .bind(drafted)
            .bind(ruling_id),
        )
        .await?;
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Signs a draft: each member's sign-off, the date, and the SHA-256 of the signed
    /// content (the ruling and its charges). From then on neither changes. Returns the hash.
    pub async fn sign_ruling(
        &self,
        ruling_id: i64,
        member_ids: &[i64],
        signed_on: &str,
        actor: &str,
    ) -> Result<String, StoreError> {
        let signed_on = date("تاریخ امضا (signed_on)", signed_on)?.to_iso_string();
        if member_ids.is_empty() {
            return Err(StoreError::invalid(
                "امضاکنندگان",
                "دست‌کم یک عضو باید امضا کند",
            ));
        }
        let mut tx = self.write_tx().await?;
        let (_, status, session_id) = ruling_status(&mut tx, ruling_id).await?;
        if status != "draft" {
            return Err(StoreError::SignedRuling);
        }
        for m in member_ids {
            exists(&mut tx, "members", "عضو", *m).await?;
            if let Some(s) = session_id {
                let sat: Option<(i64,)> = sqlx::query_as(
                    "SELECT 1 FROM attendance WHERE session_id = ? AND member_id = ?",
                )
                .bind(s)
                .bind(m)
                .fetch_optional(&mut *tx)
                .await?;
                if sat.is_none() {
                    return Err(StoreError::invalid(
                        "امضاکنندگان",
                        format!("عضو {m} در جلسهٔ این رأی حاضر نبوده است"),
                    ));
                }
            }
        }
        let mut audit = AuditChain::start(&mut tx, actor).await?;
        let at = crate::audit::now();
        for m in member_ids {
            let (rowid,): (i64,) = sqlx::query_as(
                "INSERT INTO ruling_signoffs (ruling_id, member_id, signed_at) VALUES (?, ?, ?) RETURNING rowid",
            )
            .bind(ruling_id)
            .bind(m)
            .bind(&at)
            .fetch_one(&mut *tx)
            .await?;
            audit.inserted(&mut tx, "ruling_signoffs", rowid).await?;
        }
        let hash = crate::signing::lock_ruling(&mut tx, &mut audit, ruling_id, &signed_on).await?;
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(hash)
    }

    /// Marks a signed ruling final (no appeal in time, or not appealable).
    pub async fn finalize_ruling(&self, ruling_id: i64, actor: &str) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let (_, status, _) = ruling_status(&mut tx, ruling_id).await?;
        if status != "signed" {
            return Err(StoreError::invalid(
                "وضعیت رأی",
                "تنها رأی امضاشده قطعی می‌شود",
            ));
        }
        let mut audit = AuditChain::start(&mut tx, actor).await?;
        update_row(
            &mut tx,
            &mut audit,
            "rulings",
            ruling_id,
            sqlx::query("UPDATE rulings SET status = 'final' WHERE id = ?").bind(ruling_id),
        )
        .await?;
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the service of a signed ruling.
    pub async fn record_notification(
        &self,
        ruling_id: i64,
        recipient: &str,
        method: &str,
        notified_on: &str,
        actor: &str,
    ) -> Result<i64, StoreError> {
        if !matches!(recipient, "manager" | "center_head" | "complainant") {
            return Err(StoreError::invalid(
                "گیرنده (recipient)",
                "manager، center_head یا complainant بدهید",
            ));
        }
        if !matches!(method, "electronic" | "in_person" | "post") {
            return Err(StoreError::invalid(
                "روش ابلاغ (method)",
                "electronic، in_person یا post بدهید",
            ));
        }
        let notified_on = date("تاریخ ابلاغ (notified_on)", notified_on)?.to_iso_string();
        let mut tx = self.write_tx().await?;
        let (_, status, _) = ruling_status(&mut tx, ruling_id).await?;
        if status == "draft" {
            return Err(StoreError::invalid(
                "رأی",
                "رأی هنوز امضا نشده است؛ پیش‌نویس ابلاغ نمی‌شود",
            ));
        }
        let mut audit = AuditChain::start(&mut tx, actor).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO notifications (ruling_id, recipient, method, notified_on) VALUES (?, ?, ?, ?) RETURNING id",
        )
        .bind(ruling_id)
        .bind(recipient)
        .bind(method)
        .bind(notified_on)
        .fetch_one(&mut *tx)
        .await?;
        audit.inserted(&mut tx, "notifications", id).await?;
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records an appeal and whether it is in time: within 20 days of the appellant's
    /// notification (Art 33), the last day moved past Fridays and holidays.
    pub async fn file_appeal(
        &self,
        ruling_id: i64,
        appellant: &str,
        filed_on: &str,
        grounds: &str,
        actor: &str,
    ) -> Result<AppealRecord, StoreError> {
        if !matches!(appellant, "manager" | "center_head") {
            return Err(StoreError::invalid(
                "تجدیدنظرخواه (appellant)",
                "manager یا center_head بدهید (ماده ۳۳)",
            ));
        }
        let filed_on = date("تاریخ تجدیدنظرخواهی (filed_on)", filed_on)?.to_iso_string();
        let mut tx = self.write_tx().await?;
        ruling_status(&mut tx, ruling_id).await?;
        let notified: Option<(String,)> = sqlx::query_as(
            "SELECT min(notified_on) FROM notifications WHERE ruling_id = ? AND recipient = ? HAVING count(*) > 0",
        )
        .bind(ruling_id)
        .bind(appellant)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((notified,)) = notified else {
            return Err(StoreError::invalid(
                "ابلاغ",
                "ابلاغ رأی به تجدیدنظرخواه ثبت نشده است؛ نخست ابلاغ را ثبت کنید",
            ));
        };
        let holidays: Vec<(String,)> = sqlx::query_as("SELECT day FROM holidays WHERE day >= ?")
            .bind(&notified)
            .fetch_all(&mut *tx)
            .await?;
        let holidays: Vec<String> = holidays.into_iter().map(|h| h.0).collect();
        let in_time = filed_on <= appeal_deadline(&notified, &holidays)?;
        let mut audit = AuditChain::start(&mut tx, actor).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO appeals (ruling_id, appellant, filed_on, in_time, grounds) VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(ruling_id)
        .bind(appellant)
        .bind(&filed_on)
        .bind(i64::from(in_time))
        .bind(grounds.trim())
        .fetch_one(&mut *tx)
        .await?;
        audit.inserted(&mut tx, "appeals", id).await?;
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(AppealRecord {
            id,
            ruling_id,
            appellant: appellant.to_owned(),
            filed_on,
            in_time,
            grounds: grounds.trim().to_owned(),
        })
    }
}
