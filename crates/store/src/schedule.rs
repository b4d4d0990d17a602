//! The board's calendar and a case's paper trail: sessions the secretary schedules
//! (DOMAIN.md step 3), the case opened before the appeal board when an appeal is in time
//! (Art 33), and a case's history read back from the audit log.

use crate::write::{NewCase, NewCharge, date, exists, insert_case, update_row};
use crate::{CaseRef, Store, StoreError};
use heyat_core::CaseStatus;
use serde::Serialize;

/// A session set for a day, with what the agenda shows of its case.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ScheduledSession {
    pub id: i64,
    pub case_id: i64,
    pub case_year: i64,
    pub case_seq: i64,
    pub board_id: i64,
    pub board_name: String,
    pub office_name: String,
    pub manager_name: String,
    /// ISO date.
    pub scheduled_on: String,
    /// `HH:MM`, or empty.
    pub at_time: String,
    pub note: String,
}

/// A case the file points at: the first-instance case an appeal reviews, or the reverse.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct CaseLink {
    pub id: i64,
    pub year: i64,
    pub seq: i64,
    pub board_name: String,
}

/// One line of a case's history, from the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct HistoryEntry {
    pub id: i64,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub at: String,
    pub actor: String,
    /// `insert`, `update` or `delete`.
    pub action: String,
    pub table_name: String,
    pub row_id: i64,
    /// The row after the change (before it, for a deletion), as JSON text.
    pub row: Option<String>,
}

/// Scheduled sessions with what the agenda shows of their case.
const AGENDA: &str = "SELECT s.id, s.case_id, c.year AS case_year, c.seq AS case_seq, s.board_id,
        b.name AS board_name, o.name AS office_name,
        m.first_name || ' ' || m.last_name AS manager_name, s.scheduled_on, s.at_time, s.note
    FROM scheduled_sessions s
    JOIN cases c ON c.id = s.case_id
    JOIN boards b ON b.id = s.board_id
    JOIN offices o ON o.id = c.office_id
    JOIN managers m ON m.id = c.manager_id
    ";

fn checked_time(text: &str) -> Result<String, StoreError> {
    let t = heyat_core::to_latin_digits(text.trim());
    if t.is_empty() {
        return Ok(t);
    }
    let ok = t.len() == 5
        && t.as_bytes()[2] == b':'
        && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && t[3..].parse::<u8>().is_ok_and(|m| m < 60);
    if ok {
        Ok(t)
    } else {
        Err(StoreError::invalid(
            "ساعت جلسه",
            format!("«{text}» ساعت نیست؛ به شکل ۰۹:۳۰ بنویسید یا خالی بگذارید"),
        ))
    }
}

impl Store {
    /// Sets a session for a case on `day` (ISO) and moves the case to «scheduled» when it
    /// was registered, in review or heard.
    pub async fn schedule_session(
        &self,
        case_id: i64,
        day: &str,
        at_time: &str,
        note: &str,
        actor: &str,
    ) -> Result<i64, StoreError> {
        let mut w = self.begin(actor).await?;
        let out = schedule_session_in(&mut w, case_id, day, at_time, note).await?;
        w.commit().await?;
        Ok(out)
    }

    /// The sessions set from `from` to `to` (ISO, inclusive), by day and time.
    pub async fn agenda(&self, from: &str, to: &str) -> Result<Vec<ScheduledSession>, StoreError> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{AGENDA}WHERE s.scheduled_on BETWEEN $1 AND $2
             ORDER BY s.scheduled_on, s.at_time = '', s.at_time, s.id"
        )))
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?)
    }

    /// The sessions set for one case, by day.
    pub async fn scheduled_for(&self, case_id: i64) -> Result<Vec<ScheduledSession>, StoreError> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{AGENDA}WHERE s.case_id = $1 ORDER BY s.scheduled_on, s.id"
        )))
        .bind(case_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Opens the case before the appeal board `appeal_board_id` for the first-instance case
    /// `case_id`: same office and manager, the charges copied, the first-instance file linked
    /// (Art 33). Refused when it was opened already.
    pub async fn open_appeal_case(
        &self,
        case_id: i64,
        appeal_board_id: i64,
        registered_on: &str,
        actor: &str,
    ) -> Result<CaseRef, StoreError> {
        let mut w = self.begin(actor).await?;
        let out = open_appeal_case_in(&mut w, case_id, appeal_board_id, registered_on).await?;
        w.commit().await?;
        Ok(out)
    }

    /// The first-instance case an appeal case reviews, and the appeal case opened for a
    /// first-instance case.
    pub async fn case_links(
        &self,
        case_id: i64,
    ) -> Result<(Option<CaseLink>, Option<CaseLink>), StoreError> {
        const LINK: &str = "SELECT c.id, c.year, c.seq, b.name AS board_name FROM cases c
                            JOIN boards b ON b.id = c.board_id WHERE ";
        let appeal_of = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{LINK}c.id = (SELECT appeal_of_case_id FROM cases WHERE id = $1)"
        )))
        .bind(case_id)
        .fetch_optional(self.pool())
        .await?;
        let appealed_as = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{LINK}c.appeal_of_case_id = $1"
        )))
        .bind(case_id)
        .fetch_optional(self.pool())
        .await?;
        Ok((appeal_of, appealed_as))
    }

    /// Every change the audit log holds about a case and its parts, oldest first.
    pub async fn case_history(&self, case_id: i64) -> Result<Vec<HistoryEntry>, StoreError> {
        // Rows name their case directly, or through a session or a ruling of it. Each branch
        // is one lookup on its expression index (migration 0004): the ids go in as JSON lists,
        // since SQLite does not probe an expression index for a subquery; `+table_name` keeps
        // the planner from scanning by table name instead.
        let ids = |table: &'static str| {
            sqlx::query_as::<_, (i64,)>(sqlx::AssertSqlSafe(format!(
                "SELECT id FROM {table} WHERE case_id = $1"
            )))
            .bind(case_id)
            .fetch_all(self.pool())
        };
        let list = |rows: Vec<(i64,)>| {
            serde_json::Value::from(rows.into_iter().map(|r| r.0).collect::<Vec<_>>()).to_string()
        };
        let sessions = list(ids("sessions").await?);
        let rulings = list(ids("rulings").await?);
        const COLUMNS: &str = "SELECT id, at, actor, action, table_name, row_id, coalesce(after, before) AS row FROM audit_log";
        const ROW: &str = "json_extract(coalesce(after, before), '$.";
        // The same on PostgreSQL, by the expressions its indexes are on (migration 0004).
        const PG_ROW: &str = "(coalesce(after, before)::jsonb ->> '";
        let sql = match self.backend() {
            crate::Backend::Sqlite => format!(
                "{COLUMNS} WHERE table_name = 'cases' AND row_id = $1
             UNION {COLUMNS} WHERE {ROW}case_id') = $1
                AND +table_name IN ('charges', 'complaints', 'evidence', 'sessions', 'rulings', 'scheduled_sessions',
                                   'case_qualifications', 'suspension_orders', 'summonses')
             UNION {COLUMNS} WHERE {ROW}session_id') IN (SELECT value FROM json_each($2))
                AND +table_name IN ('attendance', 'votes')
             UNION {COLUMNS} WHERE {ROW}ruling_id') IN (SELECT value FROM json_each($3))
                AND +table_name IN ('ruling_signoffs', 'notifications', 'appeals')
             ORDER BY id"
            ),
            crate::Backend::Postgres => format!(
                "{COLUMNS} WHERE table_name = 'cases' AND row_id = $1
             UNION {COLUMNS} WHERE {PG_ROW}case_id') = CAST($1 AS TEXT)
                AND table_name IN ('charges', 'complaints', 'evidence', 'sessions', 'rulings', 'scheduled_sessions',
                                   'case_qualifications', 'suspension_orders', 'summonses')
             UNION {COLUMNS} WHERE {PG_ROW}session_id') IN (SELECT json_array_elements_text(CAST($2 AS json)))
                AND table_name IN ('attendance', 'votes')
             UNION {COLUMNS} WHERE {PG_ROW}ruling_id') IN (SELECT json_array_elements_text(CAST($3 AS json)))
                AND table_name IN ('ruling_signoffs', 'notifications', 'appeals')
             ORDER BY id"
            ),
        };
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(case_id)
            .bind(sessions)
            .bind(rulings)
            .fetch_all(self.pool())
            .await?)
    }
}

pub(crate) async fn open_appeal_case_in(
    w: &mut crate::act::Act,
    case_id: i64,
    appeal_board_id: i64,
    registered_on: &str,
) -> Result<CaseRef, StoreError> {
    let kind: Option<(String,)> = sqlx::query_as("SELECT kind FROM boards WHERE id = $1")
        .bind(appeal_board_id)
        .fetch_optional(&mut *w.tx)
        .await?;
    match kind {
        Some((k,)) if k == "appeal" => {}
        Some(_) => {
            return Err(StoreError::invalid(
                "هیأت تجدیدنظر",
                "هیأت برگزیده هیأت تجدیدنظر نیست (ماده ۲۴)",
            ));
        }
        None => {
            return Err(StoreError::NotFound {
                what: "هیأت",
                id: appeal_board_id,
            });
        }
    }
    exists(&mut w.tx, "cases", "پرونده", case_id).await?;
    let open: Option<(i64,)> = sqlx::query_as("SELECT id FROM cases WHERE appeal_of_case_id = $1")
        .bind(case_id)
        .fetch_optional(&mut *w.tx)
        .await?;
    if open.is_some() {
        return Err(StoreError::invalid(
            "پروندهٔ تجدیدنظر",
            "پروندهٔ تجدیدنظر این پرونده پیش‌تر گشوده شده است",
        ));
    }
    let (office_id, manager_id, year, seq, subject): (i64, i64, i64, i64, String) =
        sqlx::query_as("SELECT office_id, manager_id, year, seq, subject FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_one(&mut *w.tx)
            .await?;
    let charges: Vec<crate::ChargeRecord> = sqlx::query_as(
        "SELECT id, violation, committed_on, days, facts, last_prosecution_act_on FROM charges
         WHERE case_id = $1 ORDER BY id",
    )
    .bind(case_id)
    .fetch_all(&mut *w.tx)
    .await?;
    let new = NewCase {
        board_id: appeal_board_id,
        office_id,
        manager_id: Some(manager_id),
        registered_on: registered_on.to_owned(),
        subject: {
            let of = format!(
                "تجدیدنظرخواهی از رأی پروندهٔ بدوی {}",
                heyat_core::to_persian_digits(&crate::case_number(year, seq))
            );
            match subject.trim() {
                "" => of,
                s => format!("{of}: {s}"),
            }
        },
        charges: charges
            .into_iter()
            .map(|c| NewCharge {
                violation: c.violation,
                committed_on: c.committed_on,
                days: c.days,
                facts: c.facts,
                last_prosecution_act_on: c.last_prosecution_act_on,
            })
            .collect(),
    };
    let made = insert_case(&mut w.tx, &mut w.audit, &new, CaseStatus::Registered).await?;
    update_row(
        &mut w.tx,
        &mut w.audit,
        "cases",
        made.id,
        sqlx::query("UPDATE cases SET appeal_of_case_id = $1 WHERE id = $2")
            .bind(case_id)
            .bind(made.id),
    )
    .await?;
    Ok(made)
}

pub(crate) async fn schedule_session_in(
    w: &mut crate::act::Act,
    case_id: i64,
    day: &str,
    at_time: &str,
    note: &str,
) -> Result<i64, StoreError> {
    let day = date("تاریخ جلسه", day)?.to_iso_string();
    let at_time = checked_time(at_time)?;
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT board_id, status FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_optional(&mut *w.tx)
            .await?;
    let (board_id, status) = row.ok_or(StoreError::NotFound {
        what: "پرونده",
        id: case_id,
    })?;
    let status = crate::queries::status_of(&status)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO scheduled_sessions (case_id, board_id, scheduled_on, at_time, note)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(case_id)
    .bind(board_id)
    .bind(&day)
    .bind(&at_time)
    .bind(note.trim())
    .fetch_one(&mut *w.tx)
    .await?;
    w.audit
        .inserted(&mut w.tx, "scheduled_sessions", id)
        .await?;
    // A case registered, in review or heard (an adjourned hearing) now awaits a session.
    if status != CaseStatus::Scheduled && status.may_move_to(CaseStatus::Scheduled) {
        update_row(
            &mut w.tx,
            &mut w.audit,
            "cases",
            case_id,
            sqlx::query("UPDATE cases SET status = $1 WHERE id = $2")
                .bind(CaseStatus::Scheduled.code())
                .bind(case_id),
        )
        .await?;
    }
    Ok(id)
}
