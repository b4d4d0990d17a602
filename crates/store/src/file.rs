//! A case with all its parts, and the steps of hearing it: sessions with attendance by seat
//! (Art 28), votes (one per member per question), rulings drafted, signed and made final
//! (Art 27), notifications and appeals (Art 33).

use crate::queries::{CaseListItem, case_list_rows};
use crate::write::{date, exists, update_row};
use crate::{Store, StoreError};
use heyat_core::board::Seat;
use heyat_core::proceedings::{
    HolderWas, Party, QuestionKind, RulingOutcome, RulingStatus, ServiceMethod, Stage,
};
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;

/// A case as a board member opens it: every part in one read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseFile {
    pub case: CaseListItem,
    pub office_id: i64,
    pub manager_id: i64,
    pub manager_national_id: String,
    pub office_province: String,
    /// The manager's death, as recorded (Art 30).
    pub manager_deceased_on: Option<String>,
    /// The manager's permanent separation from managing the office, as recorded (Art 30).
    pub manager_separated_on: Option<String>,
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
    /// The conditions of Arts 9–11 the board found the manager lost or never had (Art 45).
    pub lost_qualifications: Vec<crate::LostQualification>,
    /// The latest order of suspended prosecution (Art 31), revoked, closed or running.
    pub suspension: Option<crate::SuspensionOrderRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ChargeRecord {
    pub id: i64,
    pub violation: String,
    pub committed_on: String,
    pub days: Option<i64>,
    pub facts: String,
    pub last_prosecution_act_on: Option<String>,
}

/// A complaint; the reporter's name and contact are left out while confidential (Art 20).
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ComplaintRecord {
    pub id: i64,
    pub kind: String,
    pub source: String,
    pub received_on: String,
    pub reporter_name: Option<String>,
    pub reporter_contact: Option<String>,
    #[sqlx(try_from = "crate::Flag")]
    pub reporter_confidential: bool,
    /// An identity is on file for the reporter: [`Store::reporter_of`] reveals it, on
    /// purpose and on record.
    #[sqlx(try_from = "crate::Flag")]
    pub reporter_on_file: bool,
    pub summary: String,
    pub review_notes: Option<String>,
    pub forwarded_on: Option<String>,
    /// The day the complainant withdrew the complaint, if he did.
    pub withdrawn_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct EvidenceRecord {
    pub id: i64,
    pub sha256: String,
    pub size: i64,
    pub media_type: String,
    pub file_name: String,
    pub description: String,
    pub added_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionRecord {
    pub id: i64,
    pub board_id: i64,
    pub held_on: String,
    pub chair_member_id: Option<i64>,
    pub minutes: String,
    pub attendance: Vec<AttendanceRecord>,
    pub votes: Vec<VoteRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct AttendanceRecord {
    /// The principal seat: judge 1, judge 2 or the representative.
    pub seat: Seat,
    /// Who sat: the holder, or the alternate when the holder was absent or recused.
    pub member_id: i64,
    /// What the seat's holder was: present, absent or recused.
    pub holder_was: HolderWas,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct VoteRecord {
    pub id: i64,
    pub question: String,
    /// What the question decides; `None` only for votes recorded before kinds were kept.
    pub kind: Option<QuestionKind>,
    /// For a question of guilt: the charge.
    pub charge_id: Option<i64>,
    pub member_id: i64,
    pub choice: String,
    pub dissent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RulingRecord {
    pub id: i64,
    pub session_id: Option<i64>,
    pub stage: Stage,
    pub status: RulingStatus,
    pub outcome: Option<RulingOutcome>,
    pub grade: Option<i64>,
    /// Months of a suspension from management (grades 5 and 6).
    pub suspension_months: Option<i64>,
    /// Years of a suspended prosecution (Art 31).
    pub suspension_years: Option<i64>,
    /// The day the ruling became final.
    pub final_on: Option<String>,
    /// The day its penalty was carried out (Art 43).
    pub carried_out_on: Option<String>,
    pub text: String,
    /// The rules engine's suggestion with its trace, as JSON text.
    pub suggestion: Option<String>,
    pub drafted_on: String,
    pub signed_on: Option<String>,
    pub content_hash: Option<String>,
    pub signoffs: Vec<SignoffRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct SignoffRecord {
    pub member_id: i64,
    pub signed_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct NotificationRecord {
    pub id: i64,
    pub ruling_id: i64,
    pub recipient: Party,
    pub method: ServiceMethod,
    pub notified_on: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct AppealRecord {
    pub id: i64,
    pub ruling_id: i64,
    pub appellant: Party,
    pub filed_on: String,
    #[sqlx(try_from = "crate::Flag")]
    pub in_time: bool,
    pub grounds: String,
}

/// A session to record (Art 28: every seat filled, an alternate only for an absent or
/// recused holder of the same kind).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewSession {
    pub case_id: i64,
    pub held_on: String,
    pub attendance: Vec<AttendanceRecord>,
    #[serde(default)]
    pub minutes: String,
}

/// A ruling's draft (Art 27).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewRuling {
    pub case_id: i64,
    pub session_id: Option<i64>,
    /// First instance unless said otherwise.
    pub stage: Option<Stage>,
    pub outcome: Option<RulingOutcome>,
    pub grade: Option<i64>,
    #[serde(default)]
    pub suspension_months: Option<i64>,
    #[serde(default)]
    pub suspension_years: Option<i64>,
    pub text: String,
    /// The engine's suggestion (`heyat_core::suggest_json` output), kept with the ruling.
    pub suggestion: Option<String>,
    pub drafted_on: String,
    /// What the draft's print says (the typst input as canonical JSON): what members sign.
    #[serde(default)]
    pub content_json: Option<String>,
}

#[derive(sqlx::FromRow)]
struct RulingRow {
    id: i64,
    session_id: Option<i64>,
    stage: Stage,
    status: RulingStatus,
    outcome: Option<RulingOutcome>,
    grade: Option<i64>,
    suspension_months: Option<i64>,
    suspension_years: Option<i64>,
    final_on: Option<String>,
    carried_out_on: Option<String>,
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

fn checked_ruling(r: &NewRuling) -> Result<(Stage, String), StoreError> {
    let stage = r.stage.unwrap_or(Stage::FirstInstance);
    if let Some(m) = r.suspension_months
        && !(1..=36).contains(&m)
    {
        return Err(StoreError::invalid(
            "ماه‌های تعلیق",
            "تعلیق از مدیریت میان ۳ ماه و ۳ سال است (ماده ۲۹)",
        ));
    }
    if let Some(y) = r.suspension_years
        && !(1..=2).contains(&y)
    {
        return Err(StoreError::invalid(
            "مدت تعلیق تعقیب",
            "تعلیق تعقیب یک یا دو سال است (ماده ۳۱)",
        ));
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
    conn: &mut AnyConnection,
    id: i64,
) -> Result<(i64, String, Option<i64>), StoreError> {
    let row: Option<(i64, String, Option<i64>)> =
        sqlx::query_as("SELECT case_id, status, session_id FROM rulings WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    row.ok_or(StoreError::NotFound { what: "رأی", id })
}

impl Store {
    /// A case with its charges, complaints, evidence, sessions (attendance, votes), rulings
    /// (sign-offs), notifications and appeals, read in one snapshot.
    pub async fn case_file(&self, case_id: i64) -> Result<CaseFile, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        let case = case_list_rows(&mut *tx, "WHERE c.id = $2", None, Some(case_id))
            .await?
            .pop()
            .ok_or(StoreError::NotFound {
                what: "پرونده",
                id: case_id,
            })?;
        let (office_id, manager_id, manager_national_id, office_province, manager_deceased_on, manager_separated_on): (i64, i64, String, String, Option<String>, Option<String>) = sqlx::query_as(
            "SELECT o.id, m.id, m.national_id, o.province, m.deceased_on, m.separated_on FROM cases c JOIN managers m ON m.id = c.manager_id
             JOIN offices o ON o.id = c.office_id WHERE c.id = $1",
        )
        .bind(case_id)
        .fetch_one(&mut *tx)
        .await?;
        let charges = sqlx::query_as(
            "SELECT id, violation, committed_on, days, facts, last_prosecution_act_on FROM charges WHERE case_id = $1 ORDER BY id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let complaints = sqlx::query_as(
            "SELECT c.id, c.kind, c.source, c.received_on,
                    CASE WHEN c.reporter_confidential = 1 THEN NULL ELSE r.name END AS reporter_name,
                    CASE WHEN c.reporter_confidential = 1 THEN NULL ELSE r.contact END AS reporter_contact,
                    c.reporter_confidential, r.complaint_id IS NOT NULL AS reporter_on_file,
                    c.summary, c.review_notes, c.forwarded_on, c.withdrawn_on
             FROM complaints c LEFT JOIN reporters r ON r.complaint_id = c.id
             WHERE c.case_id = $1 ORDER BY c.id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let evidence = sqlx::query_as(
            "SELECT id, sha256, size, media_type, file_name, description, added_at FROM evidence WHERE case_id = $1 ORDER BY id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let session_rows: Vec<SessionRow> = sqlx::query_as(
            "SELECT id, board_id, held_on, chair_member_id, minutes FROM sessions WHERE case_id = $1 ORDER BY held_on, id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let mut sessions = Vec::with_capacity(session_rows.len());
        for s in session_rows {
            let attendance = sqlx::query_as(
                "SELECT seat, member_id, holder_was FROM attendance WHERE session_id = $1
                 ORDER BY CASE seat WHEN 'judge_1' THEN 1 WHEN 'judge_2' THEN 2 ELSE 3 END",
            )
            .bind(s.id)
            .fetch_all(&mut *tx)
            .await?;
            let votes = sqlx::query_as(
                "SELECT id, question, kind, charge_id, member_id, choice, dissent FROM votes WHERE session_id = $1 ORDER BY id",
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
            "SELECT r.id, r.session_id, r.stage, r.status, r.outcome, r.grade, r.suspension_months,
                    r.suspension_years, r.final_on, e.carried_out_on, r.text, r.suggestion, r.drafted_on,
                    r.signed_on, r.content_hash
             FROM rulings r LEFT JOIN penalty_executions e ON e.ruling_id = r.id
             WHERE r.case_id = $1 ORDER BY r.id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let mut rulings = Vec::with_capacity(ruling_rows.len());
        for r in ruling_rows {
            let signoffs = sqlx::query_as(
                "SELECT member_id, signed_at FROM ruling_signoffs WHERE ruling_id = $1 ORDER BY signed_at, member_id",
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
                suspension_months: r.suspension_months,
                suspension_years: r.suspension_years,
                final_on: r.final_on,
                carried_out_on: r.carried_out_on,
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
             JOIN rulings r ON r.id = n.ruling_id WHERE r.case_id = $1 ORDER BY n.notified_on, n.id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let appeals = sqlx::query_as(
            "SELECT a.id, a.ruling_id, a.appellant, a.filed_on, a.in_time, a.grounds FROM appeals a
             JOIN rulings r ON r.id = a.ruling_id WHERE r.case_id = $1 ORDER BY a.filed_on, a.id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        let lost_qualifications = crate::art45_31::lost_qualifications_of(&mut tx, case_id).await?;
        let suspension = crate::art45_31::suspension_of(&mut tx, case_id).await?;
        tx.commit().await?;
        drop(conn);
        let (appeal_of, appealed_as) = self.case_links(case_id).await?;
        let scheduled = self.scheduled_for(case_id).await?;
        Ok(CaseFile {
            lost_qualifications,
            suspension,
            scheduled,
            appeal_of,
            appealed_as,
            case,
            office_id,
            manager_id,
            manager_national_id,
            office_province,
            manager_deceased_on,
            manager_separated_on,
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
        let mut w = self.begin(actor).await?;
        let out = record_session_in(&mut w, s).await?;
        w.commit().await?;
        Ok(out)
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
        let mut w = self.begin(actor).await?;
        exists(&mut w.tx, "sessions", "جلسه", session_id).await?;
        let sat: Option<(i64,)> =
            sqlx::query_as("SELECT 1 FROM attendance WHERE session_id = $1 AND member_id = $2")
                .bind(session_id)
                .bind(member_id)
                .fetch_optional(&mut *w.tx)
                .await?;
        if sat.is_none() {
            return Err(StoreError::invalid(
                "عضو (member_id)",
                "این عضو در این جلسه حاضر نبوده و رأی نمی‌دهد",
            ));
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO votes (session_id, question, member_id, choice, dissent) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(session_id)
        .bind(question)
        .bind(member_id)
        .bind(choice)
        .bind(dissent.map(str::trim).filter(|d| !d.is_empty()))
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "votes", id).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Saves a ruling's draft.
    pub async fn draft_ruling(&self, r: &NewRuling, actor: &str) -> Result<i64, StoreError> {
        let (stage, drafted) = checked_ruling(r)?;
        let mut w = self.begin(actor).await?;
        exists(&mut w.tx, "cases", "پرونده", r.case_id).await?;
        if let Some(s) = r.session_id {
            exists(&mut w.tx, "sessions", "جلسه", s).await?;
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO rulings (case_id, session_id, stage, status, outcome, grade, suspension_months,
                 suspension_years, text, suggestion, drafted_on, content_json)
             VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(r.case_id)
        .bind(r.session_id)
        .bind(stage)
        .bind(r.outcome)
        .bind(r.grade)
        .bind(r.suspension_months)
        .bind(r.suspension_years)
        .bind(&r.text)
        .bind(&r.suggestion)
        .bind(drafted)
        .bind(&r.content_json)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "rulings", id).await?;
        w.commit().await?;
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
        let mut w = self.begin(actor).await?;
        let (case_id, status, _) = ruling_status(&mut w.tx, ruling_id).await?;
        if status != "draft" {
            return Err(StoreError::SignedRuling);
        }
        if case_id != r.case_id {
            return Err(StoreError::invalid(
                "پرونده (case_id)",
                "رأی به پروندهٔ دیگری تعلق دارد",
            ));
        }
        // Sign-offs given so far covered the old text; a print that says the same keeps them.
        let (old_text, old_content): (String, Option<String>) =
            sqlx::query_as("SELECT text, content_json FROM rulings WHERE id = $1")
                .bind(ruling_id)
                .fetch_one(&mut *w.tx)
                .await?;
        if old_text != r.text || old_content != r.content_json {
            crate::signing::clear_signoffs(&mut w.tx, &mut w.audit, ruling_id).await?;
        }
        update_row(
            &mut w.tx,
            &mut w.audit,
            "rulings",
            ruling_id,
            sqlx::query(
                "UPDATE rulings SET session_id = $1, stage = $2, outcome = $3, grade = $4, suspension_months = $5,
                    suspension_years = $6, text = $7, suggestion = $8, drafted_on = $9, content_json = $10 WHERE id = $11",
            )
            .bind(r.session_id)
            .bind(stage)
            .bind(r.outcome)
            .bind(r.grade)
            .bind(r.suspension_months)
            .bind(r.suspension_years)
            .bind(&r.text)
            .bind(&r.suggestion)
            .bind(drafted)
            .bind(&r.content_json)
            .bind(ruling_id),
        )
        .await?;
        w.commit().await?;
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
        let mut w = self.begin(actor).await?;
        let (_, status, session_id) = ruling_status(&mut w.tx, ruling_id).await?;
        if status != "draft" {
            return Err(StoreError::SignedRuling);
        }
        for m in member_ids {
            exists(&mut w.tx, "members", "عضو", *m).await?;
            if let Some(s) = session_id {
                let sat: Option<(i64,)> = sqlx::query_as(
                    "SELECT 1 FROM attendance WHERE session_id = $1 AND member_id = $2",
                )
                .bind(s)
                .bind(m)
                .fetch_optional(&mut *w.tx)
                .await?;
                if sat.is_none() {
                    return Err(StoreError::invalid(
                        "امضاکنندگان",
                        format!("عضو {m} در جلسهٔ این رأی حاضر نبوده است"),
                    ));
                }
            }
        }
        let at = w.audit.at().to_owned();
        for m in member_ids {
            let (rowid,): (i64,) = sqlx::query_as(
                "INSERT INTO ruling_signoffs (ruling_id, member_id, signed_at) VALUES ($1, $2, $3) RETURNING rowid",
            )
            .bind(ruling_id)
            .bind(m)
            .bind(&at)
            .fetch_one(&mut *w.tx)
            .await?;
            w.audit
                .inserted(&mut w.tx, "ruling_signoffs", rowid)
                .await?;
        }
        let hash =
            crate::signing::lock_ruling(&mut w.tx, &mut w.audit, ruling_id, &signed_on, None)
                .await?;
        w.commit().await?;
        Ok(hash)
    }

    /// Marks a signed ruling final (no appeal in time, or not appealable).
    pub async fn finalize_ruling(&self, ruling_id: i64, actor: &str) -> Result<(), StoreError> {
        let mut w = self.begin(actor).await?;
        finalize_ruling_in(&mut w, ruling_id).await?;
        w.commit().await
    }
}

pub(crate) async fn record_session_in(
    w: &mut crate::act::Act,
    s: &NewSession,
) -> Result<i64, StoreError> {
    record_session_with(w, s, None).await
}

/// [`record_session_in`], for a session held in a sitting: `docket` is the sitting and the
/// case's place on its docket (1, 2, …).
pub(crate) async fn record_session_with(
    w: &mut crate::act::Act,
    s: &NewSession,
    docket: Option<(i64, i64)>,
) -> Result<i64, StoreError> {
    let held_on = date("تاریخ جلسه (held_on)", &s.held_on)?.to_iso_string();
    let board: Option<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT b.id, b.chair_member_id FROM cases c JOIN boards b ON b.id = c.board_id WHERE c.id = $1",
    )
    .bind(s.case_id)
    .fetch_optional(&mut *w.tx)
    .await?;
    let (board_id, chair) = board.ok_or(StoreError::NotFound {
        what: "پرونده",
        id: s.case_id,
    })?;
    let seats: Vec<(String, i64)> =
        sqlx::query_as("SELECT seat, member_id FROM board_seats WHERE board_id = $1")
            .bind(board_id)
            .fetch_all(&mut *w.tx)
            .await?;
    let holder = |seat: Seat| {
        seats
            .iter()
            .find(|(s, _)| s == seat.code())
            .map(|(_, m)| *m)
    };
    for seat in [Seat::Judge1, Seat::Judge2, Seat::Representative] {
        let Some(a) = s.attendance.iter().find(|a| a.seat == seat) else {
            return Err(StoreError::invalid(
                "حضور (attendance)",
                format!(
                    "جایگاه «{}» خالی است؛ جلسه تنها با حضور همهٔ اعضا رسمی است (ماده ۲۸)",
                    seat.title_fa()
                ),
            ));
        };
        let expected = match a.holder_was {
            HolderWas::Present => holder(seat),
            HolderWas::Absent | HolderWas::Recused => seat.alternate().and_then(holder),
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
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO sessions (case_id, board_id, held_on, chair_member_id, minutes, sitting_id, docket_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(s.case_id)
    .bind(board_id)
    .bind(held_on)
    .bind(chair)
    .bind(&s.minutes)
    .bind(docket.map(|d| d.0))
    .bind(docket.map(|d| d.1))
    .fetch_one(&mut *w.tx)
    .await?;
    w.audit.inserted(&mut w.tx, "sessions", id).await?;
    for a in &s.attendance {
        let (rowid,): (i64,) = sqlx::query_as(
            "INSERT INTO attendance (session_id, seat, member_id, holder_was) VALUES ($1, $2, $3, $4) RETURNING rowid",
        )
        .bind(id)
        .bind(a.seat)
        .bind(a.member_id)
        .bind(a.holder_was)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "attendance", rowid).await?;
    }
    Ok(id)
}

pub(crate) async fn finalize_ruling_in(
    w: &mut crate::act::Act,
    ruling_id: i64,
) -> Result<(), StoreError> {
    let (_, status, _) = ruling_status(&mut w.tx, ruling_id).await?;
    if status != "signed" {
        return Err(StoreError::invalid(
            "وضعیت رأی",
            "تنها رأی امضاشده قطعی می‌شود",
        ));
    }
    update_row(
        &mut w.tx,
        &mut w.audit,
        "rulings",
        ruling_id,
        sqlx::query("UPDATE rulings SET status = 'final' WHERE id = $1").bind(ruling_id),
    )
    .await?;
    Ok(())
}
