//! The summons (اخطاریه) as the store carries it: issued for a session with the case's charges
//! frozen in it (and the session scheduled by the same action when none was set for that day),
//! served, and the manager's written defence received — each one action, checked against
//! `heyat_core::proceedings::summons` and audited with the actor.

use crate::act::Act;
use crate::write::{date, update_row};
use crate::{Store, StoreError};
use heyat_core::date::JalaliDate;
use heyat_core::proceedings::ServiceMethod;
use heyat_core::proceedings::summons::{self as s, CaseForSummons, SummonsFacts};
use serde::{Deserialize, Serialize};

/// A charge as the summons told it to the manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummonsCharge {
    /// The catalogue clause (`1401:37:f`), or `absence` / `closure` with `days`.
    pub violation: String,
    /// ISO date.
    pub committed_on: String,
    pub days: Option<i64>,
    pub facts: String,
}

/// A summons as recorded. Dates are ISO.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummonsRecord {
    pub id: i64,
    pub case_id: i64,
    pub issued_on: String,
    pub session_on: String,
    /// `HH:MM`.
    pub at_time: String,
    pub place: String,
    pub scheduled_session_id: Option<i64>,
    /// The charges frozen when it was issued.
    pub charges: Vec<SummonsCharge>,
    pub served_on: Option<String>,
    pub method: Option<ServiceMethod>,
    /// The last day to send the written defence, once served.
    pub defence_due: Option<String>,
    pub defence_received_on: Option<String>,
    /// The defence came after `defence_due`.
    pub defence_late: Option<bool>,
    pub defence_note: String,
}

#[derive(sqlx::FromRow)]
struct SummonsRow {
    id: i64,
    case_id: i64,
    issued_on: String,
    session_on: String,
    at_time: String,
    place: String,
    scheduled_session_id: Option<i64>,
    charges: String,
    served_on: Option<String>,
    method: Option<ServiceMethod>,
    defence_due: Option<String>,
    defence_received_on: Option<String>,
    defence_late: Option<crate::Flag>,
    defence_note: String,
}

impl TryFrom<SummonsRow> for SummonsRecord {
    type Error = StoreError;
    fn try_from(r: SummonsRow) -> Result<Self, StoreError> {
        let charges = serde_json::from_str(&r.charges).map_err(|_| StoreError::Corrupt {
            what: "اتهام‌های اخطاریه",
            value: r.charges.clone(),
        })?;
        Ok(SummonsRecord {
            id: r.id,
            case_id: r.case_id,
            issued_on: r.issued_on,
            session_on: r.session_on,
            at_time: r.at_time,
            place: r.place,
            scheduled_session_id: r.scheduled_session_id,
            charges,
            served_on: r.served_on,
            method: r.method,
            defence_due: r.defence_due,
            defence_received_on: r.defence_received_on,
            defence_late: r.defence_late.map(bool::from),
            defence_note: r.defence_note,
        })
    }
}

impl SummonsRecord {
    /// What the rules of `heyat_core::proceedings::summons` read of it.
    pub fn facts(&self) -> Result<SummonsFacts, StoreError> {
        let opt = |field, d: &Option<String>| d.as_deref().map(|d| date(field, d)).transpose();
        Ok(SummonsFacts {
            issued_on: date("تاریخ صدور اخطاریه", &self.issued_on)?,
            session_on: date("روز جلسه", &self.session_on)?,
            served_on: opt("تاریخ ابلاغ", &self.served_on)?,
            defence_received_on: opt("تاریخ دریافت دفاعیه", &self.defence_received_on)?,
        })
    }
}

/// A summons to issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSummons {
    pub case_id: i64,
    /// ISO day of the session.
    pub session_on: String,
    /// `HH:MM` (Persian digits accepted).
    pub at_time: String,
    /// Where the board sits; empty: the board's secretariat in its province.
    #[serde(default)]
    pub place: String,
}

const COLUMNS: &str =
    "SELECT id, case_id, issued_on, session_on, at_time, place, scheduled_session_id,
        charges, served_on, method, defence_due, defence_received_on, defence_late, defence_note
    FROM summonses";

fn time_of(text: &str) -> Result<String, StoreError> {
    let t = heyat_core::to_latin_digits(text.trim());
    let ok = t.len() == 5
        && t.as_bytes()[2] == b':'
        && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && t[3..].parse::<u8>().is_ok_and(|m| m < 60);
    if ok {
        Ok(t)
    } else if t.is_empty() {
        Err(StoreError::invalid(
            "ساعت جلسه",
            "خالی است؛ اخطاریه روز و ساعت جلسه را اعلام می‌کند. ساعت را به شکل ۰۹:۳۰ بنویسید",
        ))
    } else {
        Err(StoreError::invalid(
            "ساعت جلسه",
            format!("«{text}» ساعت نیست؛ به شکل ۰۹:۳۰ بنویسید"),
        ))
    }
}

async fn summons_in(w: &mut Act, id: i64) -> Result<SummonsRecord, StoreError> {
    let row: Option<SummonsRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{COLUMNS} WHERE id = $1")))
            .bind(id)
            .fetch_optional(&mut *w.tx)
            .await?;
    row.ok_or(StoreError::NotFound {
        what: "اخطاریه",
        id,
    })?
    .try_into()
}

impl Store {
    /// Issues a summons `today` for the session `new` names, the case's charges frozen in it:
    /// refused unless the case has a charge, is not ruled on, and the session day is after the
    /// ten days to defend (`summons::check_issue`). When no session of the case is set for
    /// that day, the same action sets it. One action.
    pub async fn issue_summons(
        &self,
        new: &NewSummons,
        today: JalaliDate,
        actor: &str,
    ) -> Result<SummonsRecord, StoreError> {
        let session_on = date("روز جلسه", &new.session_on)?;
        let at_time = time_of(&new.at_time)?;
        let holidays = self.holiday_dates().await?;
        let mut w = self.begin(actor).await?;
        let row: Option<(heyat_core::CaseStatus, String)> = sqlx::query_as(
            "SELECT c.status, b.province FROM cases c JOIN boards b ON b.id = c.board_id WHERE c.id = $1",
        )
        .bind(new.case_id)
        .fetch_optional(&mut *w.tx)
        .await?;
        let (status, province) = row.ok_or(StoreError::NotFound {
            what: "پرونده",
            id: new.case_id,
        })?;
        let charges: Vec<(String, String, Option<i64>, String)> = sqlx::query_as(
            "SELECT violation, committed_on, days, facts FROM charges WHERE case_id = $1 ORDER BY id",
        )
        .bind(new.case_id)
        .fetch_all(&mut *w.tx)
        .await?;
        let (signed,): (i64,) = sqlx::query_as(
            "SELECT count(*) FROM rulings WHERE case_id = $1 AND status IN ('signed', 'final')",
        )
        .bind(new.case_id)
        .fetch_one(&mut *w.tx)
        .await?;
        let case = CaseForSummons {
            status,
            charges: charges.len(),
            ruling_signed: signed > 0,
        };
        s::check_issue(&case, session_on, today, &holidays)
            .map_err(heyat_core::proceedings::ProceedingError::from)?;
        let session_iso = session_on.to_iso_string();
        let twice: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM summonses WHERE case_id = $1 AND session_on = $2")
                .bind(new.case_id)
                .bind(&session_iso)
                .fetch_optional(&mut *w.tx)
                .await?;
        if twice.is_some() {
            return Err(StoreError::invalid(
                "روز جلسه",
                format!(
                    "اخطاریهٔ جلسهٔ {} این پرونده پیش‌تر صادر شده است؛ همان را دوباره چاپ کنید",
                    session_on.format_fa()
                ),
            ));
        }
        let scheduled: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM scheduled_sessions WHERE case_id = $1 AND scheduled_on = $2 ORDER BY id LIMIT 1",
        )
        .bind(new.case_id)
        .bind(&session_iso)
        .fetch_optional(&mut *w.tx)
        .await?;
        let scheduled_id = match scheduled {
            Some((id,)) => id,
            None => {
                crate::schedule::schedule_session_in(
                    &mut w,
                    new.case_id,
                    &session_iso,
                    &at_time,
                    "با اخطاریه به مدیر دفتر",
                )
                .await?
            }
        };
        let frozen: Vec<SummonsCharge> = charges
            .into_iter()
            .map(|(violation, committed_on, days, facts)| SummonsCharge {
                violation,
                committed_on,
                days,
                facts,
            })
            .collect();
        let place = match new.place.trim() {
            "" => format!("دبیرخانهٔ هیأت، {province}"),
            p => p.to_owned(),
        };
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO summonses (case_id, issued_on, session_on, at_time, place, scheduled_session_id, charges)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(new.case_id)
        .bind(today.to_iso_string())
        .bind(&session_iso)
        .bind(&at_time)
        .bind(&place)
        .bind(scheduled_id)
        .bind(serde_json::to_string(&frozen).map_err(|e| StoreError::Corrupt {
            what: "اتهام‌های اخطاریه",
            value: e.to_string(),
        })?)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "summonses", id).await?;
        let record = summons_in(&mut w, id).await?;
        w.commit().await?;
        Ok(record)
    }

    /// Records that the summons was served on `served_on` (ISO) by `method`, and the last day
    /// to defend it starts (`summons::check_service`). One action.
    pub async fn serve_summons(
        &self,
        summons_id: i64,
        method: ServiceMethod,
        served_on: &str,
        today: JalaliDate,
        actor: &str,
    ) -> Result<(SummonsRecord, s::AfterSummonsService), StoreError> {
        let on = date("تاریخ ابلاغ", served_on)?;
        let holidays = self.holiday_dates().await?;
        let mut w = self.begin(actor).await?;
        let current = summons_in(&mut w, summons_id).await?;
        let after = s::check_service(&current.facts()?, on, today, &holidays)
            .map_err(heyat_core::proceedings::ProceedingError::from)?;
        update_row(
            &mut w.tx,
            &mut w.audit,
            "summonses",
            summons_id,
            sqlx::query(
                "UPDATE summonses SET served_on = $1, method = $2, defence_due = $3 WHERE id = $4",
            )
            .bind(on.to_iso_string())
            .bind(method)
            .bind(after.defence_due.to_iso_string())
            .bind(summons_id),
        )
        .await?;
        let record = summons_in(&mut w, summons_id).await?;
        w.commit().await?;
        Ok((record, after))
    }

    /// Records the manager's written defence received on `received_on` (ISO) with a note
    /// (what it says, how many pages); a defence after the last day is kept and marked late
    /// (`summons::check_defence`). One action.
    pub async fn record_defence(
        &self,
        summons_id: i64,
        received_on: &str,
        note: &str,
        today: JalaliDate,
        actor: &str,
    ) -> Result<SummonsRecord, StoreError> {
        let on = date("تاریخ دریافت دفاعیه", received_on)?;
        let holidays = self.holiday_dates().await?;
        let mut w = self.begin(actor).await?;
        let current = summons_in(&mut w, summons_id).await?;
        let signed: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT min(signed_on) FROM rulings WHERE case_id = $1 AND status IN ('signed', 'final')",
        )
        .bind(current.case_id)
        .fetch_optional(&mut *w.tx)
        .await?;
        let signed_on = signed
            .and_then(|(d,)| d)
            .map(|d| date("تاریخ امضای رأی", &d))
            .transpose()?;
        let late_by_today = s::check_defence(&current.facts()?, on, today, signed_on, &holidays)
            .map_err(heyat_core::proceedings::ProceedingError::from)?;
        // Late against the last day as served (the holidays of that day), so that a later
        // change to the holidays does not turn a defence late or in time after the fact.
        let late = match &current.defence_due {
            Some(due) => on > date("مهلت دفاع", due)?,
            None => late_by_today,
        };
        update_row(
            &mut w.tx,
            &mut w.audit,
            "summonses",
            summons_id,
            sqlx::query(
                "UPDATE summonses SET defence_received_on = $1, defence_late = $2, defence_note = $3 WHERE id = $4",
            )
            .bind(on.to_iso_string())
            .bind(i64::from(late))
            .bind(note.trim())
            .bind(summons_id),
        )
        .await?;
        let record = summons_in(&mut w, summons_id).await?;
        w.commit().await?;
        Ok(record)
    }

    /// The summonses of a case, newest session first.
    pub async fn summonses_of(&self, case_id: i64) -> Result<Vec<SummonsRecord>, StoreError> {
        let rows: Vec<SummonsRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{COLUMNS} WHERE case_id = $1 ORDER BY session_on DESC, id DESC"
        )))
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// One summons.
    pub async fn summons(&self, summons_id: i64) -> Result<SummonsRecord, StoreError> {
        let row: Option<SummonsRow> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{COLUMNS} WHERE id = $1")))
                .bind(summons_id)
                .fetch_optional(self.pool())
                .await?;
        row.ok_or(StoreError::NotFound {
            what: "اخطاریه",
            id: summons_id,
        })?
        .try_into()
    }

    /// Summonses not served yet whose session is still ahead, and those whose defence has not
    /// come with its last day from `today` on: what the desk lists, soonest first.
    pub async fn summonses_pending(
        &self,
        today: JalaliDate,
    ) -> Result<Vec<SummonsRecord>, StoreError> {
        let today = today.to_iso_string();
        let rows: Vec<SummonsRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{COLUMNS} WHERE (served_on IS NULL AND session_on >= $1)
                OR (served_on IS NOT NULL AND defence_received_on IS NULL AND defence_due >= $1)
             ORDER BY coalesce(defence_due, session_on), id"
        )))
        .bind(today)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(TryInto::try_into).collect()
    }
}
