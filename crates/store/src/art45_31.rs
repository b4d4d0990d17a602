//! Two matters of the second reading that the case file carries apart from the charges:
//!
//! - **Art 45**: the conditions of Arts 9–11 the first-instance board found the manager lost
//!   or never had ([`Store::set_lost_qualifications`]); with any on record the case may be
//!   heard with no charge, and the engine reads it as `lacks_qualifications`.
//! - **Art 31**: the order a final ruling of suspended prosecution makes (written when the
//!   ruling becomes final, [`suspend_in`]), revoked by the board when the manager is finally
//!   convicted of a violation committed within the period ([`Store::revoke_suspension`]: the
//!   case goes back to be heard) or closed once the period ended with none
//!   ([`Store::close_suspension`]: the case is final). The rules are core's
//!   (`heyat_core::proceedings::{qualifications, suspension}`).

use crate::act::Act;
use crate::audit::snapshot;
use crate::write::{date, update_row};
use crate::{Store, StoreError};
use heyat_core::CaseStatus;
use heyat_core::date::JalaliDate;
use heyat_core::proceedings::{
    self as p, LaterConviction, ProceedingError, SuspensionState, SuspensionTerm,
};
use heyat_core::regulation::library;
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;

/// A condition of Arts 9–11 found lost (Art 45).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct LostQualification {
    /// The clause id (`1401:9:d`).
    pub condition: String,
    /// The day the board found it (ISO).
    pub found_on: String,
    /// A note, or where the evidence showing it is.
    #[serde(default)]
    pub note: String,
}

/// The order of a suspended prosecution (Art 31) as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SuspensionOrderRecord {
    pub id: i64,
    /// The ruling that ordered it.
    pub ruling_id: i64,
    pub ordered_on: String,
    pub years: i64,
    /// The last day of the period.
    pub ends_on: String,
    /// The day the board revoked it, and the conviction that revoked it.
    pub revoked_on: Option<String>,
    pub revoked_by_ruling_id: Option<i64>,
    /// The day the board closed the file, the period ended.
    pub closed_on: Option<String>,
}

impl SuspensionOrderRecord {
    /// The term as core reads it.
    pub fn term(&self) -> Result<SuspensionTerm, StoreError> {
        let day = |what: &'static str, iso: &str| {
            JalaliDate::parse_iso(iso).map_err(|_| StoreError::Corrupt {
                what,
                value: iso.to_owned(),
            })
        };
        Ok(SuspensionTerm {
            ordered_on: day("تاریخ قرار تعلیق", &self.ordered_on)?,
            years: u8::try_from(self.years).unwrap_or(1),
            ends_on: day("پایان تعلیق", &self.ends_on)?,
        })
    }

    /// Neither revoked nor closed.
    pub fn is_open(&self) -> bool {
        self.revoked_on.is_none() && self.closed_on.is_none()
    }
}

/// A suspended prosecution on the desk: where it stands today.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuspendedCase {
    pub case_id: i64,
    pub case_number: String,
    pub office_name: String,
    pub manager_name: String,
    pub order: SuspensionOrderRecord,
    pub state: SuspensionState,
    /// For a suspension to revoke: the number of the case whose final conviction revokes it.
    pub revoking_case_number: Option<String>,
}

pub(crate) async fn lost_qualifications_of(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<Vec<LostQualification>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT condition, found_on, note FROM case_qualifications WHERE case_id = $1 ORDER BY rowid",
    )
    .bind(case_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The case's latest suspension order, if any.
pub(crate) async fn suspension_of(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<Option<SuspensionOrderRecord>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, ruling_id, ordered_on, years, ends_on, revoked_on, revoked_by_ruling_id, closed_on
         FROM suspension_orders WHERE case_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(case_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The same manager's final convictions in other proceedings (not this case, the case it
/// reviews nor the appeal case reviewing it), each with the day its violation was committed
/// (the latest charge of its case) and the day it became final.
pub(crate) async fn later_convictions(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<Vec<LaterConviction>, StoreError> {
    let rows: Vec<(i64, Option<String>, Option<String>)> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT r.id, r.final_on, (SELECT max(h.committed_on) FROM charges h WHERE h.case_id = c.id)
         FROM rulings r JOIN cases c ON c.id = r.case_id JOIN cases me ON me.id = $1
         WHERE c.manager_id = me.manager_id AND {LATER_CONVICTION}
         ORDER BY r.final_on, r.id"
    )))
        .bind(case_id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(ruling_id, final_on, committed_on)| {
            later_conviction(ruling_id, final_on, committed_on)
        })
        .collect())
}

/// A final conviction `r` (of case `c`) of the same manager as the suspended case `me`, in
/// other proceedings: not `me`, nor the case it reviews, nor an appeal reviewing it.
const LATER_CONVICTION: &str = "r.status = 'final' AND r.grade IS NOT NULL
           AND r.outcome IN ('conviction', 'confirmed', 'modified')
           AND c.id <> me.id AND c.id IS DISTINCT FROM me.appeal_of_case_id
           AND (c.appeal_of_case_id IS NULL OR c.appeal_of_case_id <> me.id)";

/// (the latest suspension order row with its case) case, id, ruling, ordered on, years,
/// ends on, revoked on, revoked by, closed on.
type OrderRow = (
    i64,
    i64,
    i64,
    String,
    i64,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
);

fn later_conviction(
    ruling_id: i64,
    final_on: Option<String>,
    committed_on: Option<String>,
) -> Option<LaterConviction> {
    Some(LaterConviction {
        ruling_id,
        final_on: JalaliDate::parse_iso(final_on.as_deref()?).ok()?,
        committed_on: JalaliDate::parse_iso(committed_on.as_deref()?).ok()?,
    })
}

/// Writes the order of the final ruling `ruling_id` of suspended prosecution, dated the day
/// the ruling was signed, and suspends the case (Art 31); the caller has made the ruling final.
pub(crate) async fn suspend_in(
    w: &mut Act,
    case_id: i64,
    ruling_id: i64,
) -> Result<(), StoreError> {
    let (signed_on, drafted_on, years): (Option<String>, String, Option<i64>) =
        sqlx::query_as("SELECT signed_on, drafted_on, suspension_years FROM rulings WHERE id = $1")
            .bind(ruling_id)
            .fetch_one(&mut *w.tx)
            .await?;
    let ordered_on = date("تاریخ رأی", signed_on.as_deref().unwrap_or(&drafted_on))?;
    let term = p::suspension_term(ordered_on, years)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO suspension_orders (case_id, ruling_id, ordered_on, years, ends_on)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(case_id)
    .bind(ruling_id)
    .bind(term.ordered_on.to_iso_string())
    .bind(i64::from(term.years))
    .bind(term.ends_on.to_iso_string())
    .fetch_one(&mut *w.tx)
    .await?;
    w.audit.inserted(&mut w.tx, "suspension_orders", id).await?;
    crate::proceedings::advance(w, case_id, CaseStatus::Suspended).await
}

/// The case's open order and the convictions that weigh on it, for an action on a suspended
/// case; refused when the case is not suspended.
async fn open_order(
    conn: &mut AnyConnection,
    case_id: i64,
) -> Result<(SuspensionOrderRecord, Vec<LaterConviction>), StoreError> {
    let status: Option<(String,)> = sqlx::query_as("SELECT status FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&mut *conn)
        .await?;
    let (status,) = status.ok_or(StoreError::NotFound {
        what: "پرونده",
        id: case_id,
    })?;
    let order = suspension_of(conn, case_id).await?.filter(|o| o.is_open());
    match order {
        Some(order) if status == CaseStatus::Suspended.code() => {
            Ok((order, later_convictions(conn, case_id).await?))
        }
        _ => Err(ProceedingError::NotSuspended.into()),
    }
}

impl Store {
    /// Records which conditions of Arts 9–11 the manager lost or never had (Art 45), as the
    /// whole list: conditions left out are removed, new ones added, changed ones rewritten.
    /// One action. Refused — nothing saved — for a condition that is none of Arts 9–11's, a
    /// condition twice, a day in the future or unreadable, a case before the appeal board (the
    /// first-instance board finds it), or a case whose ruling is signed.
    pub async fn set_lost_qualifications(
        &self,
        case_id: i64,
        list: &[LostQualification],
        today: JalaliDate,
        actor: &str,
    ) -> Result<(), StoreError> {
        let lib = library().map_err(|e| StoreError::Corrupt {
            what: "مقررات",
            value: e.to_string(),
        })?;
        let mut wanted: Vec<LostQualification> = Vec::with_capacity(list.len());
        for q in list {
            let condition = p::check_condition(lib, &q.condition)?.id;
            if wanted.iter().any(|w| w.condition == condition) {
                return Err(StoreError::invalid(
                    "شرایط از دست‌رفته (مادهٔ ۴۵)",
                    format!("«{condition}» دو بار آمده است؛ هر شرط را یک بار برگزینید"),
                ));
            }
            let found = date("تاریخ احراز", &q.found_on)?;
            if found > today {
                return Err(StoreError::invalid(
                    "تاریخ احراز",
                    format!(
                        "{} در آینده است؛ روزی را بدهید که هیأت فقدان شرط را احراز کرد",
                        found.format_fa()
                    ),
                ));
            }
            wanted.push(LostQualification {
                condition,
                found_on: found.to_iso_string(),
                note: q.note.trim().to_owned(),
            });
        }
        let mut w = self.begin(actor).await?;
        let board: Option<(String,)> = sqlx::query_as(
            "SELECT b.kind FROM cases c JOIN boards b ON b.id = c.board_id WHERE c.id = $1",
        )
        .bind(case_id)
        .fetch_optional(&mut *w.tx)
        .await?;
        match board {
            None => {
                return Err(StoreError::NotFound {
                    what: "پرونده",
                    id: case_id,
                });
            }
            Some((kind,)) if kind != "first_instance" => {
                return Err(StoreError::invalid(
                    "شرایط از دست‌رفته (مادهٔ ۴۵)",
                    "فقدان شرایط را هیأت بدوی احراز می‌کند (مادهٔ ۴۵)؛ در پروندهٔ تجدیدنظر آن را از پروندهٔ بدوی بخوانید",
                ));
            }
            Some(_) => {}
        }
        let signed: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM rulings WHERE case_id = $1 AND status IN ('signed', 'final') LIMIT 1",
        )
        .bind(case_id)
        .fetch_optional(&mut *w.tx)
        .await?;
        if signed.is_some() {
            return Err(StoreError::invalid(
                "شرایط از دست‌رفته (مادهٔ ۴۵)",
                "رأی این پرونده امضا شده است؛ آنچه بر آن رأی داده شده دیگر تغییر نمی‌کند",
            ));
        }
        let had = lost_qualifications_of(&mut w.tx, case_id).await?;
        let rowid_of = async |conn: &mut AnyConnection, condition: &str| {
            sqlx::query_as::<_, (i64,)>(
                "SELECT rowid FROM case_qualifications WHERE case_id = $1 AND condition = $2",
            )
            .bind(case_id)
            .bind(condition)
            .fetch_one(&mut *conn)
            .await
            .map(|r| r.0)
        };
        for old in had
            .iter()
            .filter(|o| !wanted.iter().any(|n| n.condition == o.condition))
        {
            let rowid = rowid_of(&mut w.tx, &old.condition).await?;
            let before = snapshot(&mut w.tx, "case_qualifications", rowid).await?;
            sqlx::query("DELETE FROM case_qualifications WHERE rowid = $1")
                .bind(rowid)
                .execute(&mut *w.tx)
                .await?;
            w.audit
                .record(
                    &mut w.tx,
                    "delete",
                    "case_qualifications",
                    rowid,
                    before.as_ref(),
                    None,
                )
                .await?;
        }
        for q in &wanted {
            match had.iter().find(|o| o.condition == q.condition) {
                Some(old) if old == q => {}
                Some(_) => {
                    let rowid = rowid_of(&mut w.tx, &q.condition).await?;
                    update_row(
                        &mut w.tx,
                        &mut w.audit,
                        "case_qualifications",
                        rowid,
                        sqlx::query(
                            "UPDATE case_qualifications SET found_on = $1, note = $2 WHERE rowid = $3",
                        )
                        .bind(&q.found_on)
                        .bind(&q.note)
                        .bind(rowid),
                    )
                    .await?;
                }
                None => {
                    let (rowid,): (i64,) = sqlx::query_as(
                        "INSERT INTO case_qualifications (case_id, condition, found_on, note)
                         VALUES ($1, $2, $3, $4) RETURNING rowid",
                    )
                    .bind(case_id)
                    .bind(&q.condition)
                    .bind(&q.found_on)
                    .bind(&q.note)
                    .fetch_one(&mut *w.tx)
                    .await?;
                    w.audit
                        .inserted(&mut w.tx, "case_qualifications", rowid)
                        .await?;
                }
            }
        }
        w.commit().await
    }

    /// Revokes the case's suspended prosecution on `on` (Art 31): only for a final conviction
    /// of the same manager for a violation committed within the period; the order keeps which
    /// one, and the case goes back to review, to be scheduled and heard again (on conviction,
    /// Art 44 combines the two). One action; refused — nothing changed — for a case not
    /// suspended, with no such conviction, or dated before the order or after `today`.
    pub async fn revoke_suspension(
        &self,
        case_id: i64,
        on: &str,
        today: JalaliDate,
        actor: &str,
    ) -> Result<i64, StoreError> {
        let on = date("تاریخ لغو قرار تعلیق", on)?;
        if on > today {
            return Err(StoreError::invalid(
                "تاریخ لغو قرار تعلیق",
                format!("{} در آینده است؛ روز تصمیم هیأت را بدهید", on.format_fa()),
            ));
        }
        let mut w = self.begin(actor).await?;
        let (order, convictions) = open_order(&mut w.tx, case_id).await?;
        let conviction = p::check_revocation(&order.term()?, &convictions, on)?;
        update_row(
            &mut w.tx,
            &mut w.audit,
            "suspension_orders",
            order.id,
            sqlx::query(
                "UPDATE suspension_orders SET revoked_on = $1, revoked_by_ruling_id = $2 WHERE id = $3",
            )
            .bind(on.to_iso_string())
            .bind(conviction.ruling_id)
            .bind(order.id),
        )
        .await?;
        crate::write::move_case_in(&mut w, case_id, CaseStatus::InReview).await?;
        w.commit().await?;
        Ok(conviction.ruling_id)
    }

    /// Closes the file of a suspended prosecution whose period ended with no conviction that
    /// revokes it (Art 31): the case is final. One action; refused while the period runs or
    /// when such a conviction is on record (the suspension must be revoked instead).
    pub async fn close_suspension(
        &self,
        case_id: i64,
        today: JalaliDate,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut w = self.begin(actor).await?;
        let (order, convictions) = open_order(&mut w.tx, case_id).await?;
        p::check_close(&order.term()?, &convictions, today)?;
        update_row(
            &mut w.tx,
            &mut w.audit,
            "suspension_orders",
            order.id,
            sqlx::query("UPDATE suspension_orders SET closed_on = $1 WHERE id = $2")
                .bind(today.to_iso_string())
                .bind(order.id),
        )
        .await?;
        crate::write::move_case_in(&mut w, case_id, CaseStatus::Final).await?;
        w.commit().await
    }

    /// The suspended prosecutions (cases in «تعلیق تعقیب» with an open order) and where each
    /// stands on `today`: to be revoked first, then ended, then running; the soonest end first
    /// within each.
    pub async fn suspended_cases(
        &self,
        today: JalaliDate,
    ) -> Result<Vec<SuspendedCase>, StoreError> {
        let filter = crate::CaseFilter {
            status: Some(CaseStatus::Suspended),
            ..crate::CaseFilter::default()
        };
        let cases = self.cases(&filter).await?;
        let mut conn = self.pool().acquire().await?;
        // Every suspended case's latest order and its manager's final convictions in two
        // queries, not two per case: a province holds hundreds of suspended prosecutions.
        let orders: Vec<OrderRow> = sqlx::query_as(
            "SELECT o.case_id, o.id, o.ruling_id, o.ordered_on, o.years, o.ends_on, o.revoked_on,
                    o.revoked_by_ruling_id, o.closed_on
               FROM suspension_orders o JOIN cases me ON me.id = o.case_id
              WHERE me.status = 'suspended'
                AND o.id = (SELECT max(x.id) FROM suspension_orders x WHERE x.case_id = o.case_id)",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut orders: std::collections::HashMap<i64, SuspensionOrderRecord> = orders
            .into_iter()
            .map(|o| {
                (
                    o.0,
                    SuspensionOrderRecord {
                        id: o.1,
                        ruling_id: o.2,
                        ordered_on: o.3,
                        years: o.4,
                        ends_on: o.5,
                        revoked_on: o.6,
                        revoked_by_ruling_id: o.7,
                        closed_on: o.8,
                    },
                )
            })
            .collect();
        // The final convictions of the managers with a suspended case are read once (not
        // once per suspended case: a manager's cases were walked again for each of his
        // suspended ones), then paired with each suspended case; the terms of `LATER_CONVICTION`, on
        // the rows of `conv`.
        let rows: Vec<(i64, i64, Option<String>, Option<String>)> = sqlx::query_as(
            "WITH conv AS MATERIALIZED (
                 SELECT c.manager_id AS manager_id, c.id AS case_id,
                        c.appeal_of_case_id AS appeal_of, r.id AS ruling_id, r.final_on AS final_on
                   FROM rulings r JOIN cases c ON c.id = r.case_id
                  WHERE r.status = 'final' AND r.grade IS NOT NULL
                    AND r.outcome IN ('conviction', 'confirmed', 'modified')
                    AND c.manager_id IN (SELECT manager_id FROM cases WHERE status = 'suspended'))
             SELECT me.id, conv.ruling_id, conv.final_on,
                    (SELECT max(h.committed_on) FROM charges h WHERE h.case_id = conv.case_id)
               FROM cases me JOIN conv ON conv.manager_id = me.manager_id
              WHERE me.status = 'suspended'
                AND conv.case_id <> me.id AND conv.case_id IS DISTINCT FROM me.appeal_of_case_id
                AND (conv.appeal_of IS NULL OR conv.appeal_of <> me.id)
              ORDER BY conv.final_on, conv.ruling_id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut convictions: std::collections::HashMap<i64, Vec<LaterConviction>> =
            std::collections::HashMap::new();
        for (case_id, ruling_id, final_on, committed_on) in rows {
            if let Some(c) = later_conviction(ruling_id, final_on, committed_on) {
                convictions.entry(case_id).or_default().push(c);
            }
        }
        let mut out = Vec::new();
        for case in cases {
            let Some(order) = orders.remove(&case.id) else {
                continue;
            };
            if !order.is_open() {
                continue;
            }
            let later = convictions.remove(&case.id).unwrap_or_default();
            out.push(with_state(&mut conn, case, order, &later, today).await?);
        }
        // What the board must act on first: a suspension to revoke, then one ended (to
        // close), then the running ones, the soonest end first in each.
        let rank = |s: &SuspendedCase| match s.state {
            SuspensionState::ToRevoke { .. } => 0,
            SuspensionState::Ended => 1,
            SuspensionState::Running => 2,
        };
        out.sort_by(|a, b| (rank(a), &a.order.ends_on).cmp(&(rank(b), &b.order.ends_on)));
        Ok(out)
    }

    /// The latest suspension order of `case_id`, if any, and where it stands on `today` (the
    /// state matters only while the order is open).
    pub async fn suspension_of_case(
        &self,
        case_id: i64,
        today: JalaliDate,
    ) -> Result<Option<SuspendedCase>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let case =
            crate::queries::case_list_rows(&mut *conn, "WHERE c.id = $2", None, Some(case_id))
                .await?
                .pop()
                .ok_or(StoreError::NotFound {
                    what: "پرونده",
                    id: case_id,
                })?;
        suspended_case(&mut conn, case, today).await
    }
}

async fn suspended_case(
    conn: &mut AnyConnection,
    case: crate::CaseListItem,
    today: JalaliDate,
) -> Result<Option<SuspendedCase>, StoreError> {
    let Some(order) = suspension_of(conn, case.id).await? else {
        return Ok(None);
    };
    let convictions = later_convictions(conn, case.id).await?;
    Ok(Some(
        with_state(conn, case, order, &convictions, today).await?,
    ))
}

/// A suspended case with where its order stands on `today`.
async fn with_state(
    conn: &mut AnyConnection,
    case: crate::CaseListItem,
    order: SuspensionOrderRecord,
    convictions: &[LaterConviction],
    today: JalaliDate,
) -> Result<SuspendedCase, StoreError> {
    let state = p::suspension_state(&order.term()?, convictions, today);
    let revoking_case_number = match state {
        SuspensionState::ToRevoke { ruling_id } => {
            let row: Option<(i64, i64)> = sqlx::query_as(
                "SELECT c.year, c.seq FROM rulings r JOIN cases c ON c.id = r.case_id WHERE r.id = $1",
            )
            .bind(ruling_id)
            .fetch_optional(&mut *conn)
            .await?;
            row.map(|(y, s)| crate::case_number(y, s))
        }
        _ => None,
    };
    Ok(SuspendedCase {
        revoking_case_number,
        case_id: case.id,
        case_number: case.number,
        office_name: case.office_name,
        manager_name: case.manager_name,
        order,
        state,
    })
}
