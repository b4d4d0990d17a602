//! Changes to a board's records. Each method is one `BEGIN IMMEDIATE` transaction that
//! validates its input first (a Persian message naming the field to fix), writes, appends
//! the audit log and refreshes the search index, so a failure leaves nothing half-saved.

use crate::audit::{AuditChain, snapshot};
use crate::queries::case_number;
use crate::search::index_case;
use crate::{Store, StoreError};
use heyat_core::board::{BoardKind, Candidate, MemberKind, Seat, check_chair, check_seat};
use heyat_core::date::JalaliDate;
use heyat_core::{CaseStatus, national_id_is_valid, to_latin_digits};
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;

/// A new office.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewOffice {
    pub code: String,
    pub name: String,
    pub city: String,
    pub province: String,
    pub licence_issued_on: Option<String>,
    pub licence_expires_on: Option<String>,
}

/// A new office manager (the licence holder, Art 29 note).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewManager {
    pub national_id: String,
    pub first_name: String,
    pub last_name: String,
    pub office_id: Option<i64>,
}

/// A new person who may sit on boards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMember {
    /// `judge`, `kanoon_rep` or `center_rep`.
    pub kind: String,
    pub first_name: String,
    pub last_name: String,
    pub judicial_grade: Option<i64>,
    #[serde(default)]
    pub on_kanoon_directors: bool,
    /// The code of the office whose licence this person holds (they are its مدیر دفتر);
    /// `None` (or blank) when they manage none. A first-instance board's Kanoon
    /// representative and its alternate must manage one (Arts 23, 25). Persian digits are
    /// taken; the code is stored in Latin digits, like `offices.code`.
    #[serde(default)]
    pub manages_office: Option<String>,
}

/// A new board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewBoard {
    /// `first_instance` or `appeal`.
    pub kind: String,
    pub name: String,
    pub province: String,
    pub term_start: String,
    pub term_end: String,
}

/// A charge: a catalogue clause id (`1401:37:f`) or a measured kind (`absence`, `closure`)
/// with its days.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewCharge {
    pub violation: String,
    pub committed_on: String,
    pub days: Option<i64>,
    #[serde(default)]
    pub facts: String,
    pub last_prosecution_act_on: Option<String>,
}

/// A new case. The number is given by the store: the next in its board and Solar Hijri year.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewCase {
    pub board_id: i64,
    pub office_id: i64,
    /// Default: the office's manager.
    pub manager_id: Option<i64>,
    pub registered_on: String,
    pub subject: String,
    #[serde(default)]
    pub charges: Vec<NewCharge>,
}

/// A day the offices are closed besides Fridays (CPC Art 444).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Holiday {
    /// ISO date.
    pub day: String,
    pub title: String,
}

/// A case just created.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseRef {
    pub id: i64,
    pub number: String,
}

/// A complaint or violation report (Arts 20–21).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewComplaint {
    /// `complaint` or `violation_report`.
    pub kind: String,
    /// `client`, `inspection`, `services_deputy`, `kanoon`, `other_authority`.
    pub source: String,
    pub received_on: String,
    pub office_id: Option<i64>,
    pub reporter_name: Option<String>,
    pub reporter_contact: Option<String>,
    /// Art 20: confidential unless the secretary says otherwise.
    pub reporter_confidential: Option<bool>,
    pub summary: String,
    pub review_notes: Option<String>,
    pub forwarded_on: Option<String>,
    pub case_id: Option<i64>,
    /// The subject of the case opened when it is forwarded, as the secretary writes it; never
    /// taken from the summary (which may name the reporter, Art 20). None: no subject yet.
    #[serde(default)]
    pub case_subject: Option<String>,
}

pub(crate) fn date(field: &'static str, text: &str) -> Result<JalaliDate, StoreError> {
    JalaliDate::parse_iso(&to_latin_digits(text.trim())).map_err(|_| {
        StoreError::invalid(
            field,
            format!("تاریخ «{text}» معتبر نیست؛ به شکل YYYY-MM-DD (میلادی) بدهید"),
        )
    })
}

fn iso(field: &'static str, text: &str) -> Result<String, StoreError> {
    date(field, text).map(JalaliDate::to_iso_string)
}

fn opt_iso(field: &'static str, text: Option<&str>) -> Result<Option<String>, StoreError> {
    text.filter(|t| !t.trim().is_empty())
        .map(|t| iso(field, t))
        .transpose()
}

fn required(field: &'static str, text: &str) -> Result<String, StoreError> {
    let t = text.trim();
    if t.is_empty() {
        Err(StoreError::invalid(field, "خالی است؛ آن را پر کنید"))
    } else {
        Ok(t.to_owned())
    }
}

fn one_of(field: &'static str, value: &str, allowed: &[&str]) -> Result<(), StoreError> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(StoreError::invalid(
            field,
            format!(
                "«{value}» پذیرفته نیست؛ یکی از این‌ها را بدهید: {}",
                allowed.join("، ")
            ),
        ))
    }
}

/// Checks a charge and returns it with normalised dates.
pub(crate) fn checked_charge(c: &NewCharge) -> Result<NewCharge, StoreError> {
    let violation = required("اتهام (violation)", &c.violation)?;
    let measured = matches!(violation.as_str(), "absence" | "closure");
    if !measured {
        let lib = heyat_core::regulation::library().map_err(|e| StoreError::Corrupt {
            what: "مقررات",
            value: e.to_string(),
        })?;
        if lib.clause(&violation).is_none() {
            return Err(StoreError::invalid(
                "اتهام (violation)",
                format!(
                    "بند «{violation}» در مقررات نیست؛ شناسهٔ بند را مانند 1401:37:f یا absence/closure با شمار روزها بدهید"
                ),
            ));
        }
    }
    match (measured, c.days) {
        (true, None) => {
            return Err(StoreError::invalid(
                "روزها (days)",
                "برای غیبت یا تعطیلی شمار روزها را بدهید",
            ));
        }
        (_, Some(d)) if d < 1 => {
            return Err(StoreError::invalid("روزها (days)", "باید دست‌کم ۱ باشد"));
        }
        _ => {}
    }
    Ok(NewCharge {
        violation,
        committed_on: iso("تاریخ ارتکاب (committed_on)", &c.committed_on)?,
        days: c.days,
        facts: c.facts.trim().to_owned(),
        last_prosecution_act_on: opt_iso(
            "آخرین اقدام تعقیبی (last_prosecution_act_on)",
            c.last_prosecution_act_on.as_deref(),
        )?,
    })
}

pub(crate) async fn exists(
    conn: &mut AnyConnection,
    table: &'static str,
    what: &'static str,
    id: i64,
) -> Result<(), StoreError> {
    let sql = format!("SELECT 1 FROM {table} WHERE id = $1");
    let found: Option<(i64,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    found.map(|_| ()).ok_or(StoreError::NotFound { what, id })
}

/// Refuses a change to the charges of a case whose ruling is signed (the trigger says the
/// same to anything that bypasses this check).
pub(crate) async fn charges_open(conn: &mut AnyConnection, case_id: i64) -> Result<(), StoreError> {
    let signed: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM rulings WHERE case_id = $1 AND status IN ('signed', 'final') LIMIT 1",
    )
    .bind(case_id)
    .fetch_optional(&mut *conn)
    .await?;
    match signed {
        Some(_) => Err(StoreError::SignedRuling),
        None => Ok(()),
    }
}

pub(crate) async fn insert_charge(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    case_id: i64,
    c: &NewCharge,
) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO charges (case_id, violation, committed_on, days, facts, last_prosecution_act_on)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(case_id)
    .bind(&c.violation)
    .bind(&c.committed_on)
    .bind(c.days)
    .bind(&c.facts)
    .bind(&c.last_prosecution_act_on)
    .fetch_one(&mut *conn)
    .await?;
    audit.inserted(conn, "charges", id).await?;
    Ok(id)
}

/// Inserts a checked case with its charges; the caller commits.
pub(crate) async fn insert_case(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    case: &NewCase,
    status: CaseStatus,
) -> Result<CaseRef, StoreError> {
    let registered = date("تاریخ ثبت (registered_on)", &case.registered_on)?;
    // Empty when the secretary has not written one yet (a case opened from a complaint).
    let subject = case.subject.trim().to_owned();
    let charges = case
        .charges
        .iter()
        .map(checked_charge)
        .collect::<Result<Vec<_>, _>>()?;
    exists(conn, "boards", "هیأت", case.board_id).await?;
    let office_manager: Option<(Option<i64>,)> = sqlx::query_as(
        "SELECT (SELECT id FROM managers WHERE office_id = o.id ORDER BY id DESC LIMIT 1) FROM offices o WHERE o.id = $1",
    )
    .bind(case.office_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((office_manager,)) = office_manager else {
        return Err(StoreError::NotFound {
            what: "دفتر",
            id: case.office_id,
        });
    };
    let manager_id = match case.manager_id.or(office_manager) {
        Some(id) => {
            exists(conn, "managers", "مدیر دفتر", id).await?;
            id
        }
        None => {
            return Err(StoreError::invalid(
                "مدیر دفتر (manager_id)",
                "این دفتر مدیری ندارد؛ مدیر پرونده را بدهید",
            ));
        }
    };
    let year = i64::from(registered.year());
    let (seq,): (i64,) = sqlx::query_as(
        "SELECT coalesce(max(seq), 0) + 1 FROM cases WHERE board_id = $1 AND year = $2",
    )
    .bind(case.board_id)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO cases (board_id, year, seq, office_id, manager_id, status, registered_on, subject)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(case.board_id)
    .bind(year)
    .bind(seq)
    .bind(case.office_id)
    .bind(manager_id)
    .bind(status.code())
    .bind(registered.to_iso_string())
    .bind(subject)
    .fetch_one(&mut *conn)
    .await?;
    audit.inserted(conn, "cases", id).await?;
    for c in &charges {
        insert_charge(conn, audit, id, c).await?;
    }
    index_case(conn, id).await?;
    Ok(CaseRef {
        id,
        number: case_number(year, seq),
    })
}

/// Runs an UPDATE on one row and records it in the audit log with before and after.
pub(crate) async fn update_row(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    table: &'static str,
    id: i64,
    query: sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments>,
) -> Result<(), StoreError> {
    let before = snapshot(conn, table, id).await?;
    query.execute(&mut *conn).await?;
    let after = snapshot(conn, table, id).await?;
    audit
        .record(conn, "update", table, id, before.as_ref(), after.as_ref())
        .await
}

impl Store {
    /// Registers an office.
    pub async fn add_office(&self, office: &NewOffice, actor: &str) -> Result<i64, StoreError> {
        let office = checked_office(office)?;
        let mut w = self.begin(actor).await?;
        let id = insert_office(&mut w, &office).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Registers an office manager; the national id's check digit must be right.
    pub async fn add_manager(&self, manager: &NewManager, actor: &str) -> Result<i64, StoreError> {
        let manager = checked_manager(manager)?;
        let mut w = self.begin(actor).await?;
        let id = insert_manager(&mut w, &manager).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Registers a person who may sit on boards.
    pub async fn add_member(&self, member: &NewMember, actor: &str) -> Result<i64, StoreError> {
        let mut w = self.begin(actor).await?;
        let out = add_member_in(&mut w, member).await?;
        w.commit().await?;
        Ok(out)
    }

    /// Forms a board (its seats are filled with [`Store::assign_seat`]).
    pub async fn add_board(&self, board: &NewBoard, actor: &str) -> Result<i64, StoreError> {
        let kind = BoardKind::from_code(&board.kind).ok_or_else(|| {
            StoreError::invalid("نوع هیأت (kind)", "first_instance یا appeal بدهید")
        })?;
        let name = required("نام هیأت (name)", &board.name)?;
        let province = required("استان (province)", &board.province)?;
        let start = iso("آغاز دوره (term_start)", &board.term_start)?;
        let end = iso("پایان دوره (term_end)", &board.term_end)?;
        if start > end {
            return Err(StoreError::invalid(
                "پایان دوره (term_end)",
                "پیش از آغاز دوره است",
            ));
        }
        let mut w = self.begin(actor).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO boards (kind, name, province, term_start, term_end) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(kind.code())
        .bind(name)
        .bind(province)
        .bind(start)
        .bind(end)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "boards", id).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Seats `member_id` in `seat` of `board_id`, replacing whoever held it, after the
    /// composition rules of Arts 23–25 (an appeal judge below grade 9, or a first-instance
    /// Kanoon representative who manages no office or sits on the Kanoon's board of
    /// directors, is refused).
    pub async fn assign_seat(
        &self,
        board_id: i64,
        seat: &str,
        member_id: i64,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut w = self.begin(actor).await?;
        assign_seat_in(&mut w, board_id, seat, member_id).await?;
        w.commit().await
    }

    /// Records the chair the members elected: one of the board's judges (Art 26).
    pub async fn elect_chair(
        &self,
        board_id: i64,
        member_id: i64,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut w = self.begin(actor).await?;
        elect_chair_in(&mut w, board_id, member_id).await?;
        w.commit().await
    }

    /// Opens a case with its charges, numbered next in its board and Solar Hijri year.
    pub async fn create_case(&self, case: &NewCase, actor: &str) -> Result<CaseRef, StoreError> {
        required("موضوع (subject)", &case.subject)?;
        let mut w = self.begin(actor).await?;
        let made = insert_case(&mut w.tx, &mut w.audit, case, CaseStatus::Registered).await?;
        w.commit().await?;
        Ok(made)
    }

    /// Writes a case's subject (the secretary's words; a case opened from a complaint has
    /// none until then).
    pub async fn set_case_subject(
        &self,
        case_id: i64,
        subject: &str,
        actor: &str,
    ) -> Result<(), StoreError> {
        let subject = required("موضوع (subject)", subject)?;
        let mut w = self.begin(actor).await?;
        exists(&mut w.tx, "cases", "پرونده", case_id).await?;
        update_row(
            &mut w.tx,
            &mut w.audit,
            "cases",
            case_id,
            sqlx::query("UPDATE cases SET subject = $1 WHERE id = $2")
                .bind(subject)
                .bind(case_id),
        )
        .await?;
        index_case(&mut w.tx, case_id).await?;
        w.commit().await
    }

    /// Adds a charge to a case whose ruling is not yet signed.
    pub async fn add_charge(
        &self,
        case_id: i64,
        charge: &NewCharge,
        actor: &str,
    ) -> Result<i64, StoreError> {
        let charge = checked_charge(charge)?;
        let mut w = self.begin(actor).await?;
        exists(&mut w.tx, "cases", "پرونده", case_id).await?;
        charges_open(&mut w.tx, case_id).await?;
        let id = insert_charge(&mut w.tx, &mut w.audit, case_id, &charge).await?;
        index_case(&mut w.tx, case_id).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Changes a charge, unless its case's ruling is signed.
    pub async fn update_charge(
        &self,
        charge_id: i64,
        charge: &NewCharge,
        actor: &str,
    ) -> Result<(), StoreError> {
        let c = checked_charge(charge)?;
        let mut w = self.begin(actor).await?;
        let case_id = charge_case(&mut w.tx, charge_id).await?;
        charges_open(&mut w.tx, case_id).await?;
        update_row(
            &mut w.tx,
            &mut w.audit,
            "charges",
            charge_id,
            sqlx::query(
                "UPDATE charges SET violation = $1, committed_on = $2, days = $3, facts = $4, last_prosecution_act_on = $5 WHERE id = $6",
            )
            .bind(c.violation)
            .bind(c.committed_on)
            .bind(c.days)
            .bind(c.facts)
            .bind(c.last_prosecution_act_on)
            .bind(charge_id),
        )
        .await?;
        index_case(&mut w.tx, case_id).await?;
        w.commit().await?;
        Ok(())
    }

    /// Removes a charge, unless its case's ruling is signed.
    pub async fn delete_charge(&self, charge_id: i64, actor: &str) -> Result<(), StoreError> {
        let mut w = self.begin(actor).await?;
        let case_id = charge_case(&mut w.tx, charge_id).await?;
        charges_open(&mut w.tx, case_id).await?;
        let before = snapshot(&mut w.tx, "charges", charge_id).await?;
        sqlx::query("DELETE FROM charges WHERE id = $1")
            .bind(charge_id)
            .execute(&mut *w.tx)
            .await?;
        w.audit
            .record(
                &mut w.tx,
                "delete",
                "charges",
                charge_id,
                before.as_ref(),
                None,
            )
            .await?;
        index_case(&mut w.tx, case_id).await?;
        w.commit().await?;
        Ok(())
    }

    /// Moves a case one step along its lifecycle; an illegal jump is refused
    /// ([`CaseStatus::move_to`]).
    pub async fn move_case(
        &self,
        case_id: i64,
        to: CaseStatus,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut w = self.begin(actor).await?;
        move_case_in(&mut w, case_id, to).await?;
        w.commit().await
    }

    /// Registers a complaint or violation report; the reporter is confidential unless said
    /// otherwise (Art 20).
    pub async fn register_complaint(
        &self,
        c: &NewComplaint,
        actor: &str,
    ) -> Result<i64, StoreError> {
        let key = crate::reporters::confidential_key(self)?;
        let mut w = self.begin(actor).await?;
        let out = register_complaint_in(&mut w, c, &key).await?;
        w.commit().await?;
        Ok(out)
    }

    /// Records the Kanoon representative's review notes, the date the complaint was forwarded
    /// to the board (Art 21) and the case it opened; `None` leaves a field as it is.
    pub async fn review_complaint(
        &self,
        complaint_id: i64,
        review_notes: Option<&str>,
        forwarded_on: Option<&str>,
        case_id: Option<i64>,
        actor: &str,
    ) -> Result<(), StoreError> {
        let forwarded = opt_iso("تاریخ ارسال به هیأت (forwarded_on)", forwarded_on)?;
        let mut w = self.begin(actor).await?;
        exists(&mut w.tx, "complaints", "شکایت یا گزارش", complaint_id).await?;
        if let Some(k) = case_id {
            exists(&mut w.tx, "cases", "پرونده", k).await?;
        }
        update_row(
            &mut w.tx,
            &mut w.audit,
            "complaints",
            complaint_id,
            sqlx::query(
                "UPDATE complaints SET review_notes = coalesce($1, review_notes),
                    forwarded_on = coalesce($2, forwarded_on), case_id = coalesce($3, case_id) WHERE id = $4",
            )
            .bind(review_notes.map(str::trim))
            .bind(forwarded)
            .bind(case_id)
            .bind(complaint_id),
        )
        .await?;
        w.commit().await?;
        Ok(())
    }

    /// The holidays on record, in date order (for deadlines and the engine's `holidays`).
    pub async fn holidays(&self) -> Result<Vec<Holiday>, StoreError> {
        Ok(
            sqlx::query_as("SELECT day, title FROM holidays ORDER BY day")
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// Adds a day the offices are closed (besides Fridays).
    pub async fn add_holiday(&self, day: &str, title: &str, actor: &str) -> Result<(), StoreError> {
        let day = iso("روز (day)", day)?;
        let title = required("عنوان (title)", title)?;
        let mut w = self.begin(actor).await?;
        let (rowid,): (i64,) = sqlx::query_as(
            "INSERT INTO holidays (day, title) VALUES ($1, $2)
             ON CONFLICT (day) DO UPDATE SET title = excluded.title RETURNING rowid",
        )
        .bind(day)
        .bind(title)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "holidays", rowid).await?;
        w.commit().await?;
        Ok(())
    }
}

impl Store {
    /// Removes a holiday from the list; refused when the day is not on it.
    pub async fn remove_holiday(&self, day: &str, actor: &str) -> Result<(), StoreError> {
        let day = iso("روز (day)", day)?;
        let mut w = self.begin(actor).await?;
        let row: Option<(i64,)> = sqlx::query_as("SELECT rowid FROM holidays WHERE day = $1")
            .bind(&day)
            .fetch_optional(&mut *w.tx)
            .await?;
        let Some((rowid,)) = row else {
            return Err(StoreError::invalid(
                "روز (day)",
                "این روز در فهرست تعطیلات نیست",
            ));
        };
        let before = snapshot(&mut w.tx, "holidays", rowid).await?;
        sqlx::query("DELETE FROM holidays WHERE rowid = $1")
            .bind(rowid)
            .execute(&mut *w.tx)
            .await?;
        w.audit
            .record(
                &mut w.tx,
                "delete",
                "holidays",
                rowid,
                before.as_ref(),
                None,
            )
            .await?;
        w.commit().await?;
        Ok(())
    }
}

async fn board_kind(conn: &mut AnyConnection, board_id: i64) -> Result<BoardKind, StoreError> {
    let kind: Option<(String,)> = sqlx::query_as("SELECT kind FROM boards WHERE id = $1")
        .bind(board_id)
        .fetch_optional(&mut *conn)
        .await?;
    let kind = kind.ok_or(StoreError::NotFound {
        what: "هیأت",
        id: board_id,
    })?;
    BoardKind::from_code(&kind.0).ok_or(StoreError::Corrupt {
        what: "نوع هیأت",
        value: kind.0,
    })
}

pub(crate) async fn candidate(
    conn: &mut AnyConnection,
    member_id: i64,
) -> Result<Candidate, StoreError> {
    let row: Option<(String, Option<i64>, i64, Option<String>)> = sqlx::query_as(
        "SELECT kind, judicial_grade, on_kanoon_directors, manages_office FROM members WHERE id = $1",
    )
    .bind(member_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (kind, grade, director, manages_office) = row.ok_or(StoreError::NotFound {
        what: "عضو",
        id: member_id,
    })?;
    Ok(Candidate {
        kind: MemberKind::from_code(&kind).ok_or(StoreError::Corrupt {
            what: "نوع عضو",
            value: kind,
        })?,
        judicial_grade: grade.and_then(|g| u8::try_from(g).ok()),
        on_kanoon_directors: director != 0,
        manages_office,
    })
}

async fn charge_case(conn: &mut AnyConnection, charge_id: i64) -> Result<i64, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT case_id FROM charges WHERE id = $1")
        .bind(charge_id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|r| r.0).ok_or(StoreError::NotFound {
        what: "اتهام",
        id: charge_id,
    })
}

pub(crate) async fn elect_chair_in(
    w: &mut crate::act::Act,
    board_id: i64,
    member_id: i64,
) -> Result<(), StoreError> {
    board_kind(&mut w.tx, board_id).await?;
    let who = candidate(&mut w.tx, member_id).await?;
    check_chair(&who)?;
    let seated: Option<(String,)> =
        sqlx::query_as("SELECT seat FROM board_seats WHERE board_id = $1 AND member_id = $2")
            .bind(board_id)
            .bind(member_id)
            .fetch_optional(&mut *w.tx)
            .await?;
    if seated.is_none() {
        return Err(StoreError::invalid(
            "رئیس هیأت",
            "این قاضی عضو این هیأت نیست؛ نخست او را در جایگاهی بنشانید",
        ));
    }
    update_row(
        &mut w.tx,
        &mut w.audit,
        "boards",
        board_id,
        sqlx::query("UPDATE boards SET chair_member_id = $1 WHERE id = $2")
            .bind(member_id)
            .bind(board_id),
    )
    .await?;
    Ok(())
}

/// Registers a complaint; its reporter's identity goes apart ([`crate::reporters`]), the
/// audit log holding only its keyed hash (`key`).
pub(crate) async fn register_complaint_in(
    w: &mut crate::act::Act,
    c: &NewComplaint,
    key: &[u8; 32],
) -> Result<i64, StoreError> {
    one_of("نوع (kind)", &c.kind, &["complaint", "violation_report"])?;
    one_of(
        "منبع (source)",
        &c.source,
        &[
            "client",
            "inspection",
            "services_deputy",
            "kanoon",
            "other_authority",
        ],
    )?;
    let received = iso("تاریخ وصول (received_on)", &c.received_on)?;
    let forwarded = opt_iso(
        "تاریخ ارسال به هیأت (forwarded_on)",
        c.forwarded_on.as_deref(),
    )?;
    let summary = required("خلاصه (summary)", &c.summary)?;
    if let Some(o) = c.office_id {
        exists(&mut w.tx, "offices", "دفتر", o).await?;
    }
    if let Some(k) = c.case_id {
        exists(&mut w.tx, "cases", "پرونده", k).await?;
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO complaints (kind, source, received_on, office_id,
             reporter_confidential, summary, review_notes, forwarded_on, case_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(&c.kind)
    .bind(&c.source)
    .bind(received)
    .bind(c.office_id)
    .bind(i64::from(c.reporter_confidential.unwrap_or(true)))
    .bind(summary)
    .bind(&c.review_notes)
    .bind(forwarded)
    .bind(c.case_id)
    .fetch_one(&mut *w.tx)
    .await?;
    w.audit.inserted(&mut w.tx, "complaints", id).await?;
    crate::reporters::insert_reporter(
        w,
        key,
        id,
        c.reporter_name.as_deref(),
        c.reporter_contact.as_deref(),
    )
    .await?;
    Ok(id)
}

pub(crate) async fn move_case_in(
    w: &mut crate::act::Act,
    case_id: i64,
    to: CaseStatus,
) -> Result<(), StoreError> {
    let from: Option<(String,)> = sqlx::query_as("SELECT status FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&mut *w.tx)
        .await?;
    let from = from.ok_or(StoreError::NotFound {
        what: "پرونده",
        id: case_id,
    })?;
    crate::queries::status_of(&from.0)?.move_to(to)?;
    crate::proceedings::set_status(w, case_id, to).await
}

pub(crate) async fn add_member_in(
    w: &mut crate::act::Act,
    member: &NewMember,
) -> Result<i64, StoreError> {
    let kind = MemberKind::from_code(&member.kind).ok_or_else(|| {
        StoreError::invalid(
            "نوع عضو (kind)",
            format!(
                "«{}» شناخته نیست؛ judge، kanoon_rep یا center_rep بدهید",
                member.kind
            ),
        )
    })?;
    let first = required("نام (first_name)", &member.first_name)?;
    let last = required("نام خانوادگی (last_name)", &member.last_name)?;
    match (kind, member.judicial_grade) {
        (MemberKind::Judge, None) => {
            return Err(StoreError::invalid(
                "پایهٔ قضایی (judicial_grade)",
                "پایهٔ قضایی قاضی را بدهید (۱ تا ۱۱)",
            ));
        }
        (_, Some(g)) if !(1..=11).contains(&g) => {
            return Err(StoreError::invalid(
                "پایهٔ قضایی (judicial_grade)",
                "باید میان ۱ و ۱۱ باشد",
            ));
        }
        _ => {}
    }
    let manages_office = office_code_of_manager(member.manages_office.as_deref())?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO members (kind, first_name, last_name, judicial_grade, on_kanoon_directors,
             manages_office)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(kind.code())
    .bind(first)
    .bind(last)
    .bind(member.judicial_grade)
    .bind(i64::from(member.on_kanoon_directors))
    .bind(manages_office)
    .fetch_one(&mut *w.tx)
    .await?;
    w.audit.inserted(&mut w.tx, "members", id).await?;
    Ok(id)
}

/// The code of the office a member manages, as `offices.code` is kept: Latin digits only;
/// blank is none.
fn office_code_of_manager(code: Option<&str>) -> Result<Option<String>, StoreError> {
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let latin = to_latin_digits(code);
    if latin.chars().all(|c| c.is_ascii_digit()) {
        Ok(Some(latin))
    } else {
        Err(StoreError::invalid(
            "کد دفتر تحت مدیریت (manages_office)",
            format!(
                "«{code}» کد دفتر نیست؛ فقط رقم‌های کد دفتری را بدهید که این شخص مدیر آن است، یا اگر مدیر دفتری نیست خالی بگذارید"
            ),
        ))
    }
}

pub(crate) async fn assign_seat_in(
    w: &mut crate::act::Act,
    board_id: i64,
    seat: &str,
    member_id: i64,
) -> Result<(), StoreError> {
    let seat = Seat::from_code(seat).ok_or_else(|| {
        StoreError::invalid(
            "جایگاه (seat)",
            format!("«{seat}» شناخته نیست؛ judge_1، judge_2، representative، alternate_judge یا alternate_representative بدهید"),
        )
    })?;
    let board = board_kind(&mut w.tx, board_id).await?;
    let who = candidate(&mut w.tx, member_id).await?;
    check_seat(board, seat, &who)?;
    let old: Option<(i64,)> =
        sqlx::query_as("SELECT rowid FROM board_seats WHERE board_id = $1 AND seat = $2")
            .bind(board_id)
            .bind(seat.code())
            .fetch_optional(&mut *w.tx)
            .await?;
    if let Some((rowid,)) = old {
        let before = snapshot(&mut w.tx, "board_seats", rowid).await?;
        sqlx::query("DELETE FROM board_seats WHERE rowid = $1")
            .bind(rowid)
            .execute(&mut *w.tx)
            .await?;
        w.audit
            .record(
                &mut w.tx,
                "delete",
                "board_seats",
                rowid,
                before.as_ref(),
                None,
            )
            .await?;
    }
    let (rowid,): (i64,) = sqlx::query_as(
        "INSERT INTO board_seats (board_id, seat, member_id) VALUES ($1, $2, $3) RETURNING rowid",
    )
    .bind(board_id)
    .bind(seat.code())
    .bind(member_id)
    .fetch_one(&mut *w.tx)
    .await?;
    w.audit.inserted(&mut w.tx, "board_seats", rowid).await?;
    Ok(())
}

/// An office with its fields checked: code in Latin digits, names trimmed, dates ISO.
pub(crate) fn checked_office(office: &NewOffice) -> Result<NewOffice, StoreError> {
    let code = to_latin_digits(&required("کد دفتر (code)", &office.code)?);
    if !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(StoreError::invalid("کد دفتر (code)", "فقط رقم بدهید"));
    }
    Ok(NewOffice {
        code,
        name: required("نام دفتر (name)", &office.name)?,
        city: required("شهر (city)", &office.city)?,
        province: required("استان (province)", &office.province)?,
        licence_issued_on: opt_iso("تاریخ صدور پروانه", office.licence_issued_on.as_deref())?,
        licence_expires_on: opt_iso("تاریخ پایان پروانه", office.licence_expires_on.as_deref())?,
    })
}

/// Inserts a checked office ([`checked_office`]) inside an action.
pub(crate) async fn insert_office(
    w: &mut crate::act::Act,
    office: &NewOffice,
) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO offices (code, name, city, province, licence_issued_on, licence_expires_on)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&office.code)
    .bind(&office.name)
    .bind(&office.city)
    .bind(&office.province)
    .bind(&office.licence_issued_on)
    .bind(&office.licence_expires_on)
    .fetch_one(&mut *w.tx)
    .await?;
    w.audit.inserted(&mut w.tx, "offices", id).await?;
    Ok(id)
}

/// A manager with the national id's check digit checked (Latin digits) and names trimmed.
pub(crate) fn checked_manager(manager: &NewManager) -> Result<NewManager, StoreError> {
    let national_id = to_latin_digits(manager.national_id.trim());
    if !national_id_is_valid(&national_id) {
        return Err(StoreError::invalid(
            "کد ملی (national_id)",
            format!(
                "«{}» کد ملی درستی نیست؛ ده رقم با رقم کنترل درست بدهید",
                manager.national_id
            ),
        ));
    }
    Ok(NewManager {
        national_id,
        first_name: required("نام (first_name)", &manager.first_name)?,
        last_name: required("نام خانوادگی (last_name)", &manager.last_name)?,
        office_id: manager.office_id,
    })
}

/// Inserts a checked manager ([`checked_manager`]) inside an action; the office must exist.
pub(crate) async fn insert_manager(
    w: &mut crate::act::Act,
    manager: &NewManager,
) -> Result<i64, StoreError> {
    if let Some(office) = manager.office_id {
        exists(&mut w.tx, "offices", "دفتر", office).await?;
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO managers (national_id, first_name, last_name, office_id) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&manager.national_id)
    .bind(&manager.first_name)
    .bind(&manager.last_name)
    .bind(manager.office_id)
    .fetch_one(&mut *w.tx)
    .await?;
    w.audit.inserted(&mut w.tx, "managers", id).await?;
    Ok(id)
}
