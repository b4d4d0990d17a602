//! The rules engine's view of a case, built from this database: the charges; the same
//! manager's earlier final convictions with their grade, the day each became final and the
//! day it was carried out (Art 43); the holidays (Art 33's deadline); a withdrawn complaint
//! (1396 Art 38 note 2); the manager's death or permanent separation (Art 30); the conditions
//! of Arts 9–11 the board found lost (Art 45); the case's order of suspended prosecution and
//! whether the board revoked it (Art 31). The app in
//! session and `heyat suggest --case` both read a case through [`Store::engine_case`].

use crate::{Store, StoreError};
use heyat_core::date::JalaliDate;
use heyat_core::engine::{self, ChargeInput, Code, CodeChoice, RecordEntry, ViolationRef};
use heyat_core::regulation::{Measured, library};

/// The case's manager and links: (manager, first-instance case reviewed, deceased on,
/// separated on).
type CaseFacts = (i64, Option<i64>, Option<String>, Option<String>);
/// An earlier ruling: (grade, final on, carried out on, suggestion, drafted on).
type RecordRow = (
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

fn day(what: &'static str, iso: &str) -> Result<JalaliDate, StoreError> {
    JalaliDate::parse_iso(iso).map_err(|_| StoreError::Corrupt {
        what,
        value: iso.to_owned(),
    })
}

fn on_or_before(iso: Option<&str>, as_of: JalaliDate) -> bool {
    iso.and_then(|d| JalaliDate::parse_iso(d).ok())
        .is_some_and(|d| d <= as_of)
}

/// The engine refused the case as recorded: the field and what is wrong.
fn engine_error(e: engine::CaseError) -> StoreError {
    StoreError::Engine {
        field: e.field,
        message: e.message,
    }
}

impl Store {
    /// The case `case_id` as the engine reads it on `as_of` (the session's day): every fact
    /// the database holds that the rules weigh.
    pub async fn engine_case(
        &self,
        case_id: i64,
        as_of: JalaliDate,
    ) -> Result<engine::Case, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        let row: Option<CaseFacts> = sqlx::query_as(
            "SELECT c.manager_id, c.appeal_of_case_id, m.deceased_on, m.separated_on
             FROM cases c JOIN managers m ON m.id = c.manager_id WHERE c.id = $1",
        )
        .bind(case_id)
        .fetch_optional(&mut *tx)
        .await?;
        let (manager_id, appeal_of, deceased_on, separated_on) =
            row.ok_or(StoreError::NotFound {
                what: "پرونده",
                id: case_id,
            })?;
        let charges: Vec<(String, String, Option<i64>, Option<String>)> = sqlx::query_as(
            "SELECT violation, committed_on, days, last_prosecution_act_on FROM charges
             WHERE case_id = $1 ORDER BY id",
        )
        .bind(case_id)
        .fetch_all(&mut *tx)
        .await?;
        // Earlier final convictions of the same manager, in other proceedings: not this case,
        // nor the first-instance case it reviews, nor the appeal case reviewing it.
        let record: Vec<RecordRow> = sqlx::query_as(
            "SELECT r.grade, r.final_on, e.carried_out_on, r.suggestion, r.drafted_on,
                    (SELECT max(h.committed_on) FROM charges h WHERE h.case_id = c.id)
                 FROM rulings r JOIN cases c ON c.id = r.case_id
                 LEFT JOIN penalty_executions e ON e.ruling_id = r.id
                 WHERE c.manager_id = $1 AND r.status = 'final' AND r.grade IS NOT NULL
                   AND r.outcome IN ('conviction', 'confirmed', 'modified')
                   AND c.id <> $2 AND c.id IS DISTINCT FROM $3
                   AND (c.appeal_of_case_id IS NULL OR c.appeal_of_case_id <> $2)
                 ORDER BY coalesce(r.final_on, r.drafted_on), r.id",
        )
        .bind(manager_id)
        .bind(case_id)
        .bind(appeal_of)
        .fetch_all(&mut *tx)
        .await?;
        let withdrawn: (i64,) = sqlx::query_as(
            "SELECT count(*) FROM complaints WHERE case_id IN ($1, coalesce($2, $1))
             AND withdrawn_on IS NOT NULL AND withdrawn_on <= $3",
        )
        .bind(case_id)
        .bind(appeal_of)
        .bind(as_of.to_iso_string())
        .fetch_one(&mut *tx)
        .await?;
        let holidays: Vec<(String,)> = sqlx::query_as("SELECT day FROM holidays ORDER BY day")
            .fetch_all(&mut *tx)
            .await?;
        // Art 45 is found by the first-instance board; the appeal case reads its findings.
        let lost = crate::art45_31::lost_qualifications_of(&mut tx, appeal_of.unwrap_or(case_id))
            .await?
            .into_iter()
            .filter(|q| on_or_before(Some(&q.found_on), as_of))
            .map(|q| q.condition)
            .collect::<Vec<_>>();
        // Art 31: the order of this case (or, on appeal, of the case reviewed).
        let order = crate::art45_31::suspension_of(&mut tx, appeal_of.unwrap_or(case_id)).await?;
        tx.commit().await?;
        let suspension_revoked = order
            .as_ref()
            .is_some_and(|o| on_or_before(o.revoked_on.as_deref(), as_of));
        let suspended_prosecution = order
            .map(|o| {
                o.term().map(|t| engine::SuspensionOrder {
                    ordered_on: t.ordered_on,
                    years: t.years,
                })
            })
            .transpose()?
            .filter(|o| o.ordered_on <= as_of);
        let charges = charges
            .into_iter()
            .map(|(violation, committed_on, days, last_act)| {
                let measured = match violation.as_str() {
                    "absence" => Some(Measured::Absence),
                    "closure" => Some(Measured::Closure),
                    _ => None,
                };
                Ok(ChargeInput {
                    violation: match measured {
                        Some(kind) => ViolationRef::Measured(kind),
                        None => ViolationRef::Clause(violation),
                    },
                    days: days.and_then(|d| u32::try_from(d).ok()),
                    committed_on: day("تاریخ وقوع تخلف", &committed_on)?,
                    last_prosecution_act_on: last_act
                        .as_deref()
                        .map(|d| day("تاریخ آخرین اقدام تعقیبی", d))
                        .transpose()?,
                    grade: None,
                    res_judicata: false,
                    current_violation: None,
                    crime_found: false,
                    suspension_revoked,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let record = record
            .into_iter()
            .filter(|(_, final_on, ..)| on_or_before(final_on.as_deref(), as_of))
            .map(
                |(grade, final_on, carried_out_on, suggestion, _, committed_on)| {
                    // The code that judged it, as the engine said when the ruling was drafted.
                    let regulation = suggestion
                        .as_deref()
                        .and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
                        .and_then(|v| v["regulation"].as_str().and_then(Code::from_id));
                    Ok(RecordEntry {
                        grade: u8::try_from(grade).unwrap_or(7),
                        regulation,
                        final_on: final_on
                            .as_deref()
                            .map(|d| day("تاریخ قطعیت", d))
                            .transpose()?,
                        carried_out_on: carried_out_on
                            .as_deref()
                            .filter(|d| on_or_before(Some(d), as_of))
                            .map(|d| day("تاریخ اجرا", d))
                            .transpose()?,
                        // The violation it punished: the latest charge of that case.
                        committed_on: committed_on
                            .as_deref()
                            .map(|d| day("تاریخ وقوع تخلف", d))
                            .transpose()?,
                    })
                },
            )
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(engine::Case {
            decided_on: as_of,
            regulation: CodeChoice::Auto,
            deceased: on_or_before(deceased_on.as_deref(), as_of),
            permanently_separated: on_or_before(separated_on.as_deref(), as_of),
            lacks_qualifications: !lost.is_empty(),
            lost_qualifications: lost,
            suspended_prosecution,
            charges,
            record,
            complaint_withdrawn: withdrawn.0 > 0,
            holidays: holidays
                .into_iter()
                .filter_map(|(d,)| JalaliDate::parse_iso(&d).ok())
                .collect(),
            decision: None,
        })
    }

    /// The engine's suggestion for the case as recorded, decided on `as_of`.
    pub async fn suggestion(
        &self,
        case_id: i64,
        as_of: JalaliDate,
    ) -> Result<engine::Suggestion, StoreError> {
        let case = self.engine_case(case_id, as_of).await?;
        suggest(&case)
    }
}

/// Runs the engine on a case read from the store.
pub fn suggest(case: &engine::Case) -> Result<engine::Suggestion, StoreError> {
    if case.charges.is_empty() && !case.lacks_qualifications {
        return Err(StoreError::invalid(
            "تخلف‌ها",
            "برای این پرونده هنوز تخلفی ثبت نشده است؛ نخست تخلف‌های منتسب را بیفزایید، یا اگر پرونده برای فقدان شرایط است، شرط‌هایی از مواد ۹ تا ۱۱ را که مدیر از دست داده ثبت کنید (مادهٔ ۴۵)",
        ));
    }
    let lib = library().map_err(|e| StoreError::Corrupt {
        what: "مقررات",
        value: e.to_string(),
    })?;
    engine::suggest(case, lib).map_err(engine_error)
}
