//! What the engine decided about each case's limits, kept in `case_limits` (migration 0012)
//! so that the desk and the deadlines screen read them with one indexed query instead of
//! running the engine over every open case at every opening: the earliest limitation of a
//! case not yet ruled on (Art 30), the last day to appeal a served ruling (Art 33), and the
//! first day that ruling is final if no one appeals in time.
//!
//! Every fact the limits are computed from marks its case stale by trigger, in the same
//! transaction as the change; [`Store::refresh_limits`] recomputes the stale cases (the
//! engine's suggestion, core's `appeal_deadline` and `final_from`) before each read. A
//! limitation is computed for the day of the refresh: it depends on that day only through
//! whether Art 30 of the 1401 code was in force, which it is for every day since 1401.

use crate::proceedings::{Awaiting, Deadline, DeadlineKind};
use crate::{Store, StoreError};
use heyat_core::CaseStatus;
use heyat_core::date::JalaliDate;
use heyat_core::proceedings as p;

/// What a refresh computed for one case.
#[derive(Debug, Default, PartialEq)]
struct Limits {
    limitation_on: Option<JalaliDate>,
    appeal_until: Option<JalaliDate>,
    final_from: Option<JalaliDate>,
}

/// How many stale cases one pass reads at a time.
const CHUNK: i64 = 2000;

/// A page of the limits running on the board's cases.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlinePage {
    /// How many limits there are in all (within the horizon asked for).
    pub total: i64,
    pub rows: Vec<Deadline>,
}

type DeadlineRow = (i64, i64, i64, String, String, String);

impl Store {
    /// Recomputes the kept limits of every case marked stale, as of `as_of`; answers how many
    /// cases were recomputed. A case changed while it was being recomputed stays marked and
    /// is recomputed at the next call.
    pub async fn refresh_limits(&self, as_of: JalaliDate) -> Result<usize, StoreError> {
        let _one_at_a_time = self.limits_lock.lock().await;
        let holidays = self.holiday_dates().await?;
        let mut after = 0_i64;
        let mut done = 0;
        loop {
            let stale: Vec<(i64, i64, Option<CaseStatus>)> = sqlx::query_as(
                "SELECT s.case_id, s.marks, c.status FROM case_limits_stale s
                 LEFT JOIN cases c ON c.id = s.case_id
                 WHERE s.case_id > $1 ORDER BY s.case_id LIMIT $2",
            )
            .bind(after)
            .bind(CHUNK)
            .fetch_all(self.pool())
            .await?;
            let Some(last) = stale.last() else { break };
            after = last.0;
            let mut computed = Vec::with_capacity(stale.len());
            for (case_id, marks, status) in stale {
                let limits = match status {
                    Some(status) => {
                        self.compute_limits(case_id, status, as_of, &holidays)
                            .await?
                    }
                    None => Limits::default(),
                };
                computed.push((case_id, marks, status.is_some(), limits));
            }
            let mut tx = self.write_tx().await?;
            for (case_id, marks, exists, l) in &computed {
                if *exists && *l != Limits::default() {
                    sqlx::query(
                        "INSERT INTO case_limits (case_id, limitation_on, appeal_until, final_from)
                         VALUES ($1, $2, $3, $4)
                         ON CONFLICT (case_id) DO UPDATE SET limitation_on = excluded.limitation_on,
                            appeal_until = excluded.appeal_until, final_from = excluded.final_from",
                    )
                    .bind(case_id)
                    .bind(l.limitation_on.map(|d| d.to_iso_string()))
                    .bind(l.appeal_until.map(|d| d.to_iso_string()))
                    .bind(l.final_from.map(|d| d.to_iso_string()))
                    .execute(&mut *tx)
                    .await?;
                } else {
                    sqlx::query("DELETE FROM case_limits WHERE case_id = $1")
                        .bind(case_id)
                        .execute(&mut *tx)
                        .await?;
                }
                sqlx::query("DELETE FROM case_limits_stale WHERE case_id = $1 AND marks = $2")
                    .bind(case_id)
                    .bind(marks)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            done += computed.len();
        }
        Ok(done)
    }

    /// How many cases wait to have their limits recomputed.
    pub async fn stale_limits(&self) -> Result<i64, StoreError> {
        let (n,): (i64,) = sqlx::query_as("SELECT count(*) FROM case_limits_stale")
            .fetch_one(self.pool())
            .await?;
        Ok(n)
    }

    /// Marks every case's limits stale (after the rules changed with a new version).
    pub async fn mark_all_limits_stale(&self) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO case_limits_stale (case_id) SELECT id FROM cases WHERE true
             ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1",
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn compute_limits(
        &self,
        case_id: i64,
        status: CaseStatus,
        as_of: JalaliDate,
        holidays: &[JalaliDate],
    ) -> Result<Limits, StoreError> {
        use CaseStatus::*;
        Ok(match status {
            Registered | InReview | Scheduled | Heard => {
                // A case the engine cannot read (no charge yet, a clause of another code) has
                // no limit to show.
                let limitation_on = match self.suggestion(case_id, as_of).await {
                    Ok(s) => s.charges.iter().filter_map(|c| c.limitation_until).min(),
                    Err(e @ StoreError::Database(_)) => return Err(e),
                    Err(_) => None,
                };
                Limits {
                    limitation_on,
                    ..Limits::default()
                }
            }
            Notified => {
                let file = self.case_file(case_id).await?;
                let first = file
                    .notifications
                    .iter()
                    .filter_map(|n| JalaliDate::parse_iso(&n.notified_on).ok())
                    .min();
                let final_from = file.signed_ruling().and_then(|r| {
                    p::final_from(
                        &r.facts(),
                        &file.services_of(r.id),
                        file.appealed_in_time(r.id),
                        holidays,
                    )
                });
                Limits {
                    limitation_on: None,
                    appeal_until: first.and_then(|on| p::appeal_deadline(on, holidays).ok()),
                    final_from,
                }
            }
            _ => Limits::default(),
        })
    }

    /// The limits running on open and notified cases on `today`, soonest first: the appeal
    /// deadline of a served ruling (from its first service) and the earliest limitation of a
    /// case not yet ruled on, as the engine computed them from the case as recorded.
    pub async fn deadlines(&self, today: JalaliDate) -> Result<Vec<Deadline>, StoreError> {
        Ok(self.deadlines_page(today, None, 0, None).await?.rows)
    }

    /// A page of [`Store::deadlines`]: those due by `within_days` from `today` when given
    /// (overdue ones included), from `offset`, at most `limit`.
    pub async fn deadlines_page(
        &self,
        today: JalaliDate,
        within_days: Option<i64>,
        offset: i64,
        limit: Option<i64>,
    ) -> Result<DeadlinePage, StoreError> {
        self.refresh_limits(today).await?;
        let until = match within_days {
            Some(days) => today
                .add_days(days)
                .map_err(|e| StoreError::invalid("مهلت", e.to_string()))?
                .to_iso_string(),
            None => "9999-12-31".to_owned(),
        };
        // From the kept limits and their indexes alone (a refreshed row holds a limit only
        // for a case in a status that runs it), merged soonest first; then the page's lines.
        const ALL: &str = "
            SELECT case_id, 'limitation' AS kind, limitation_on AS due FROM case_limits
             WHERE limitation_on <= $1
            UNION ALL
            SELECT case_id, 'appeal', appeal_until FROM case_limits WHERE appeal_until <= $1";
        let (total,): (i64,) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM case_limits WHERE limitation_on <= $1)
                  + (SELECT count(*) FROM case_limits WHERE appeal_until <= $1)",
        )
        .bind(&until)
        .fetch_one(self.pool())
        .await?;
        let rows: Vec<DeadlineRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "WITH page AS ({ALL} ORDER BY due, case_id LIMIT $2 OFFSET $3)
             SELECT c.id, c.year, c.seq, o.name, p.kind, p.due
               FROM page p JOIN cases c ON c.id = p.case_id JOIN offices o ON o.id = c.office_id
              ORDER BY p.due, p.case_id"
        )))
        .bind(&until)
        // No limit: -1 for SQLite, NULL for PostgreSQL.
        .bind(match self.backend() {
            crate::Backend::Sqlite => Some(limit.unwrap_or(-1)),
            crate::Backend::Postgres => limit,
        })
        .bind(offset)
        .fetch_all(self.pool())
        .await?;
        let rows = rows
            .into_iter()
            .map(|(case_id, year, seq, office_name, kind, due)| {
                Ok(Deadline {
                    case_id,
                    case_number: crate::case_number(year, seq),
                    office_name,
                    kind: if kind == "appeal" {
                        DeadlineKind::Appeal
                    } else {
                        DeadlineKind::Limitation
                    },
                    due_on: JalaliDate::parse_iso(&due).map_err(|_| StoreError::Corrupt {
                        what: "مهلت نگه‌داشته",
                        value: due.clone(),
                    })?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(DeadlinePage { total, rows })
    }

    /// The notified cases whose ruling is final by `today` (Art 33: the appeal periods
    /// ended, no appeal in time): (case, number, ruling).
    pub async fn final_by(&self, today: JalaliDate) -> Result<Vec<(i64, String, i64)>, StoreError> {
        self.refresh_limits(today).await?;
        let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT c.id, c.year, c.seq,
                    (SELECT max(r.id) FROM rulings r WHERE r.case_id = c.id AND r.status <> 'draft')
               FROM case_limits l JOIN cases c ON c.id = l.case_id
              WHERE l.final_from <= $1 AND c.status = 'notified'
              ORDER BY l.final_from, c.id",
        )
        .bind(today.to_iso_string())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, year, seq, ruling)| (id, crate::case_number(year, seq), ruling))
            .collect())
    }

    /// How many notified cases have a ruling final by `today` (Art 33), and the numbers of
    /// the first `limit` of them, longest final first: what the desk shows.
    pub async fn finalizable(
        &self,
        today: JalaliDate,
        limit: i64,
    ) -> Result<(i64, Vec<String>), StoreError> {
        self.refresh_limits(today).await?;
        let day = today.to_iso_string();
        let (total,): (i64,) =
            sqlx::query_as("SELECT count(*) FROM case_limits WHERE final_from <= $1")
                .bind(&day)
                .fetch_one(self.pool())
                .await?;
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT c.year, c.seq FROM case_limits l JOIN cases c ON c.id = l.case_id
              WHERE l.final_from <= $1 ORDER BY l.final_from, c.id LIMIT $2",
        )
        .bind(&day)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok((
            total,
            rows.into_iter()
                .map(|(year, seq)| crate::case_number(year, seq))
                .collect(),
        ))
    }

    /// The draft rulings of heard cases, with how many of those who sat have signed.
    pub async fn awaiting_signatures(&self) -> Result<Vec<Awaiting>, StoreError> {
        let rows: Vec<(i64, i64, i64, String, i64, i64)> = sqlx::query_as(
            "SELECT c.id, c.year, c.seq, o.name,
                    (SELECT count(*) FROM ruling_signoffs s WHERE s.ruling_id = r.id),
                    (SELECT count(*) FROM attendance a WHERE a.session_id = r.session_id)
               FROM cases c
               JOIN offices o ON o.id = c.office_id
               JOIN rulings r ON r.id = (SELECT min(d.id) FROM rulings d
                                         WHERE d.case_id = c.id AND d.status = 'draft')
              WHERE c.status = 'heard'
              ORDER BY c.registered_on DESC, c.id DESC",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(case_id, year, seq, office_name, signed, sitting)| Awaiting {
                    case_id,
                    case_number: crate::case_number(year, seq),
                    office_name,
                    signed: signed as u32,
                    sitting: sitting as u32,
                },
            )
            .collect())
    }
}
