//! A day's docket as the store carries it out: a sitting of one board hears several cases in
//! order (`heyat_core::proceedings::docket`). Opening the sitting is one action: the sitting,
//! who was in the room, the chair elected once, and one session per case with the carried
//! attendance, each written by the same internals as a single session
//! ([`crate::proceedings::hold_session_in`]: the same checks, status moves and audit). A
//! member's recusal on one case of the sitting is another action.

use crate::act::Act;
use crate::file::{AttendanceRecord, NewSession};
use crate::queries::{case_number, status_of};
use crate::write::{date, update_row};
use crate::{Store, StoreError};
use heyat_core::board::Seat;
use heyat_core::proceedings::{self as p, Docket, DocketCase, HolderWas};
use heyat_core::session::Attendance;
use serde::Serialize;

/// A sitting to open: the board's day, who attended (roster seats), the chair elected among
/// the sitting judges (a member id), and the cases in the order they are heard.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct NewSitting {
    pub board_id: i64,
    /// ISO date.
    pub held_on: String,
    /// Roster seats whose holder is in the room.
    pub present: Vec<Seat>,
    pub chair_member_id: i64,
    pub case_ids: Vec<i64>,
}

/// A member in the room, by roster seat.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SittingMember {
    pub seat: Seat,
    pub member_id: i64,
    pub name: String,
}

/// A member who stepped aside on one case, and who sat in his place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SittingRecusal {
    /// The principal seat.
    pub seat: Seat,
    pub member_id: i64,
    pub replaced_by: i64,
}

/// One case of the sitting, in its place on the docket, with how far it has gone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SittingCase {
    /// 1, 2, … in the order heard.
    pub order: i64,
    pub case_id: i64,
    pub session_id: i64,
    pub number: String,
    pub subject: String,
    pub office_name: String,
    pub manager_name: String,
    pub status: heyat_core::CaseStatus,
    /// Who chairs this case (the sitting's chair unless he stepped aside).
    pub chair_member_id: Option<i64>,
    /// Who sat, place by place (judge 1, judge 2, representative).
    pub attendance: Vec<AttendanceRecord>,
    pub recusals: Vec<SittingRecusal>,
    /// Questions put to the vote so far, and the votes cast on them.
    pub questions: i64,
    pub votes: i64,
    /// The latest ruling's outcome and grade, once drafted.
    pub ruling_outcome: Option<p::RulingOutcome>,
    pub ruling_grade: Option<i64>,
}

/// A sitting with its cases in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SittingRecord {
    pub id: i64,
    pub board_id: i64,
    pub board_name: String,
    /// ISO date.
    pub held_on: String,
    pub chair_member_id: i64,
    pub created_by: String,
    pub created_at: String,
    pub present: Vec<SittingMember>,
    pub cases: Vec<SittingCase>,
}

/// A sitting as a list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct SittingSummary {
    pub id: i64,
    pub board_id: i64,
    pub board_name: String,
    pub held_on: String,
    pub cases: i64,
}

/// The roster of `board_id`: (seat, member id).
async fn roster(w: &mut Act, board_id: i64) -> Result<Vec<(Seat, i64)>, StoreError> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT seat, member_id FROM board_seats WHERE board_id = $1")
            .bind(board_id)
            .fetch_all(&mut *w.tx)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(s, m)| Some((Seat::from_code(&s)?, m)))
        .collect())
}

/// A case as the docket reads it: its number, board and status.
async fn docket_case(w: &mut Act, case_id: i64) -> Result<DocketCase, StoreError> {
    let row: Option<(i64, i64, i64, String)> =
        sqlx::query_as("SELECT year, seq, board_id, status FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_optional(&mut *w.tx)
            .await?;
    let (year, seq, board_id, status) = row.ok_or(StoreError::NotFound {
        what: "پرونده",
        id: case_id,
    })?;
    Ok(DocketCase {
        case_id,
        number: heyat_core::to_persian_digits(&case_number(year, seq)),
        board_id,
        status: status_of(&status)?,
    })
}

impl Store {
    /// Opens a sitting as one action: the cases checked (the board's own, heard under the
    /// rule of a single session, none twice), the attendance taken once (Art 28), the chair
    /// elected once among the sitting judges (Art 26), and one session per case in order,
    /// each moving its case to «heard». Answers the sitting's id.
    pub async fn open_sitting(
        &self,
        s: &NewSitting,
        today: &str,
        actor: &str,
    ) -> Result<i64, StoreError> {
        let held_on = date("تاریخ نشست", &s.held_on)?;
        if held_on > date("امروز", today)? {
            return Err(StoreError::invalid(
                "تاریخ نشست",
                "در آینده است؛ نشستی را ثبت کنید که برگزار می‌شود یا شده است (برای آینده «تعیین وقت» کنید)",
            ));
        }
        let mut w = self.begin(actor).await?;
        let seats = roster(&mut w, s.board_id).await?;
        if seats.is_empty() {
            return Err(StoreError::invalid(
                "هیأت",
                "این هیأت عضوی ندارد؛ نخست در «تنظیمات» اعضا را بنشانید",
            ));
        }
        let holder = |seat: Seat| seats.iter().find(|(s, _)| *s == seat).map(|(_, m)| *m);
        for &seat in &s.present {
            if holder(seat).is_none() {
                return Err(StoreError::invalid(
                    "حضور",
                    format!(
                        "جایگاه «{}» در این هیأت کسی را ندارد؛ از «تنظیمات» آن را پر کنید",
                        seat.title_fa()
                    ),
                ));
            }
        }
        let chair = s
            .present
            .iter()
            .copied()
            .find(|&seat| holder(seat) == Some(s.chair_member_id))
            .ok_or(p::ProceedingError::ChairNotSittingJudge)?;
        let mut cases = Vec::with_capacity(s.case_ids.len());
        for &id in &s.case_ids {
            cases.push(docket_case(&mut w, id).await?);
        }
        let attendance = Attendance {
            present: s.present.clone(),
            recused: Vec::new(),
        };
        let docket = p::open_sitting(s.board_id, &attendance, chair, &cases)?;
        let held_on = held_on.to_iso_string();
        let created_at = w.audit.at().to_owned();
        let (sitting_id,): (i64,) = sqlx::query_as(
            "INSERT INTO sittings (board_id, held_on, chair_member_id, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(s.board_id)
        .bind(&held_on)
        .bind(s.chair_member_id)
        .bind(actor)
        .bind(&created_at)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "sittings", sitting_id).await?;
        for &seat in &docket.attendance.present {
            let (rowid,): (i64,) = sqlx::query_as(
                "INSERT INTO sitting_presence (sitting_id, seat, member_id) VALUES ($1, $2, $3) RETURNING rowid",
            )
            .bind(sitting_id)
            .bind(seat.code())
            .bind(holder(seat))
            .fetch_one(&mut *w.tx)
            .await?;
            w.audit
                .inserted(&mut w.tx, "sitting_presence", rowid)
                .await?;
        }
        // Elected once for the sitting; each session then takes the board's chair.
        crate::write::elect_chair_in(&mut w, s.board_id, s.chair_member_id).await?;
        for (i, entry) in docket.entries.iter().enumerate() {
            let session = NewSession {
                case_id: entry.case_id,
                held_on: held_on.clone(),
                attendance: entry
                    .sitting
                    .places()
                    .iter()
                    .map(|place| AttendanceRecord {
                        seat: place.seat,
                        member_id: holder(place.filled_by).unwrap_or_default(),
                        holder_was: if place.by_alternate() {
                            HolderWas::Absent
                        } else {
                            HolderWas::Present
                        },
                    })
                    .collect(),
                minutes: String::new(),
            };
            crate::proceedings::hold_session_in(
                &mut w,
                &session,
                None,
                Some((sitting_id, i as i64 + 1)),
            )
            .await?;
        }
        w.commit().await?;
        Ok(sitting_id)
    }

    /// The member `member_id` steps aside on one case of the sitting, as one action: the
    /// alternate of the same kind present at the sitting takes his place in that case's
    /// session only (Arts 25, 28); when he chaired it, `chair_member_id` (or else the other
    /// judge) chairs it (Art 26). Refused once votes are recorded in the case, and when no
    /// alternate is free: the case is then not heard in this sitting.
    pub async fn recuse_in_sitting(
        &self,
        sitting_id: i64,
        case_id: i64,
        member_id: i64,
        chair_member_id: Option<i64>,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut w = self.begin(actor).await?;
        let row: Option<(i64, i64)> =
            sqlx::query_as("SELECT board_id, chair_member_id FROM sittings WHERE id = $1")
                .bind(sitting_id)
                .fetch_optional(&mut *w.tx)
                .await?;
        let (board_id, sitting_chair) = row.ok_or(StoreError::NotFound {
            what: "نشست",
            id: sitting_id,
        })?;
        let presence: Vec<(String, i64)> =
            sqlx::query_as("SELECT seat, member_id FROM sitting_presence WHERE sitting_id = $1")
                .bind(sitting_id)
                .fetch_all(&mut *w.tx)
                .await?;
        let presence: Vec<(Seat, i64)> = presence
            .into_iter()
            .filter_map(|(s, m)| Some((Seat::from_code(&s)?, m)))
            .collect();
        let seat_of = |member: i64| presence.iter().find(|(_, m)| *m == member).map(|(s, _)| *s);
        let member_of = |seat: Seat| presence.iter().find(|(s, _)| *s == seat).map(|(_, m)| *m);
        let chair = seat_of(sitting_chair).ok_or(p::ProceedingError::ChairNotSittingJudge)?;
        let seat = seat_of(member_id).ok_or_else(|| {
            StoreError::invalid(
                "کناره‌گیری",
                "این عضو در نشست حاضر نبوده است؛ تنها عضوی که در پرونده نشسته کناره‌گیری می‌کند",
            )
        })?;
        let case_chair = match chair_member_id {
            Some(c) => Some(seat_of(c).ok_or_else(|| {
                StoreError::invalid(
                    "رئیس پرونده",
                    "این عضو در نشست حاضر نبوده است؛ رئیس پرونده را از میان قاضیان نشسته برگزینید",
                )
            })?),
            None => None,
        };
        // The docket as it was opened (its cases were checked then), with the recusals
        // recorded since, replayed in order.
        let sessions: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(
            "SELECT id, case_id, chair_member_id FROM sessions WHERE sitting_id = $1 ORDER BY docket_order",
        )
        .bind(sitting_id)
        .fetch_all(&mut *w.tx)
        .await?;
        let mut cases = Vec::with_capacity(sessions.len());
        for (_, id, _) in &sessions {
            let mut c = docket_case(&mut w, *id).await?;
            c.status = heyat_core::CaseStatus::Heard;
            cases.push(c);
        }
        let attendance = Attendance {
            present: presence.iter().map(|(s, _)| *s).collect(),
            recused: Vec::new(),
        };
        let mut docket: Docket = p::open_sitting(board_id, &attendance, chair, &cases)?;
        let mut target = None;
        for ((session_id, id, session_chair), case) in sessions.iter().zip(&cases) {
            let earlier: Vec<(String, String)> = sqlx::query_as(
                "SELECT seat, holder_was FROM attendance WHERE session_id = $1 AND holder_was = 'recused'",
            )
            .bind(session_id)
            .fetch_all(&mut *w.tx)
            .await?;
            let chair_then = session_chair.and_then(seat_of);
            for (s, _) in earlier {
                if let Some(s) = Seat::from_code(&s) {
                    docket.recuse(*id, &case.number, s, false, chair_then)?;
                }
            }
            if *id == case_id {
                target = Some((*session_id, case.number.clone()));
            }
        }
        let (session_id, number) = match target {
            Some(t) => t,
            None => {
                let c = docket_case(&mut w, case_id).await?;
                return Err(p::ProceedingError::Docket(p::DocketError::NotOnDocket {
                    number: c.number,
                })
                .into());
            }
        };
        let (votes,): (i64,) = sqlx::query_as("SELECT count(*) FROM votes WHERE session_id = $1")
            .bind(session_id)
            .fetch_one(&mut *w.tx)
            .await?;
        let entry = docket
            .recuse(case_id, &number, seat, votes > 0, case_chair)?
            .clone();
        for place in entry.sitting.places() {
            let new_member = member_of(place.filled_by).unwrap_or_default();
            let holder_was = if !place.by_alternate() {
                HolderWas::Present
            } else if entry.recused.contains(&place.seat) {
                HolderWas::Recused
            } else {
                HolderWas::Absent
            };
            let (rowid, was_member, was): (i64, i64, HolderWas) = sqlx::query_as(
                "SELECT rowid, member_id, holder_was FROM attendance WHERE session_id = $1 AND seat = $2",
            )
            .bind(session_id)
            .bind(place.seat)
            .fetch_one(&mut *w.tx)
            .await?;
            if was_member != new_member || was != holder_was {
                update_row(
                    &mut w.tx,
                    &mut w.audit,
                    "attendance",
                    rowid,
                    sqlx::query(
                        "UPDATE attendance SET member_id = $1, holder_was = $2 WHERE rowid = $3",
                    )
                    .bind(new_member)
                    .bind(holder_was)
                    .bind(rowid),
                )
                .await?;
            }
        }
        let new_chair = member_of(entry.chair);
        let (old_chair,): (Option<i64>,) =
            sqlx::query_as("SELECT chair_member_id FROM sessions WHERE id = $1")
                .bind(session_id)
                .fetch_one(&mut *w.tx)
                .await?;
        if old_chair != new_chair {
            update_row(
                &mut w.tx,
                &mut w.audit,
                "sessions",
                session_id,
                sqlx::query("UPDATE sessions SET chair_member_id = $1 WHERE id = $2")
                    .bind(new_chair)
                    .bind(session_id),
            )
            .await?;
        }
        w.commit().await
    }

    /// The sitting of a session, if it was held in one.
    pub async fn sitting_of_session(&self, session_id: i64) -> Result<Option<i64>, StoreError> {
        let row: Option<(Option<i64>,)> =
            sqlx::query_as("SELECT sitting_id FROM sessions WHERE id = $1")
                .bind(session_id)
                .fetch_optional(self.pool())
                .await?;
        Ok(row.and_then(|r| r.0))
    }

    /// The sittings held from `from` on (ISO), latest first.
    pub async fn sittings_from(&self, from: &str) -> Result<Vec<SittingSummary>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT t.id, t.board_id, b.name AS board_name, t.held_on,
                    (SELECT count(*) FROM sessions s WHERE s.sitting_id = t.id) AS cases
             FROM sittings t JOIN boards b ON b.id = t.board_id
             WHERE t.held_on >= $1 ORDER BY t.held_on DESC, t.id DESC",
        )
        .bind(from)
        .fetch_all(self.pool())
        .await?)
    }

    /// A sitting with who was in the room and its cases in order: number, parties, who sat
    /// and chaired, and how far each has gone (questions and votes, the ruling's outcome).
    pub async fn sitting(&self, sitting_id: i64) -> Result<SittingRecord, StoreError> {
        let head: Option<(i64, String, String, i64, String, String)> = sqlx::query_as(
            "SELECT t.board_id, b.name, t.held_on, t.chair_member_id, t.created_by, t.created_at
             FROM sittings t JOIN boards b ON b.id = t.board_id WHERE t.id = $1",
        )
        .bind(sitting_id)
        .fetch_optional(self.pool())
        .await?;
        let (board_id, board_name, held_on, chair_member_id, created_by, created_at) =
            head.ok_or(StoreError::NotFound {
                what: "نشست",
                id: sitting_id,
            })?;
        let present: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT p.seat, p.member_id, m.first_name || ' ' || m.last_name
             FROM sitting_presence p JOIN members m ON m.id = p.member_id
             WHERE p.sitting_id = $1
             ORDER BY CASE p.seat WHEN 'judge_1' THEN 1 WHEN 'judge_2' THEN 2
                 WHEN 'representative' THEN 3 WHEN 'alternate_judge' THEN 4 ELSE 5 END",
        )
        .bind(sitting_id)
        .fetch_all(self.pool())
        .await?;
        let present: Vec<SittingMember> = present
            .into_iter()
            .filter_map(|(s, member_id, name)| {
                Some(SittingMember {
                    seat: Seat::from_code(&s)?,
                    member_id,
                    name,
                })
            })
            .collect();
        #[derive(sqlx::FromRow)]
        struct Row {
            order: i64,
            case_id: i64,
            session_id: i64,
            year: i64,
            seq: i64,
            subject: String,
            office_name: String,
            manager_name: String,
            status: String,
            chair_member_id: Option<i64>,
            questions: i64,
            votes: i64,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT s.docket_order AS \"order\", c.id AS case_id, s.id AS session_id, c.year, c.seq,
                    c.subject, o.name AS office_name,
                    m.first_name || ' ' || m.last_name AS manager_name, c.status,
                    s.chair_member_id,
                    (SELECT count(DISTINCT v.question) FROM votes v WHERE v.session_id = s.id) AS questions,
                    (SELECT count(*) FROM votes v WHERE v.session_id = s.id) AS votes
             FROM sessions s
             JOIN cases c ON c.id = s.case_id
             JOIN offices o ON o.id = c.office_id
             JOIN managers m ON m.id = c.manager_id
             WHERE s.sitting_id = $1 ORDER BY s.docket_order",
        )
        .bind(sitting_id)
        .fetch_all(self.pool())
        .await?;
        let mut cases = Vec::with_capacity(rows.len());
        for r in rows {
            let attendance: Vec<AttendanceRecord> = sqlx::query_as(
                "SELECT seat, member_id, holder_was FROM attendance WHERE session_id = $1
                 ORDER BY CASE seat WHEN 'judge_1' THEN 1 WHEN 'judge_2' THEN 2 ELSE 3 END",
            )
            .bind(r.session_id)
            .fetch_all(self.pool())
            .await?;
            let holder = |seat: Seat| present.iter().find(|m| m.seat == seat).map(|m| m.member_id);
            let recusals = attendance
                .iter()
                .filter(|a| a.holder_was == HolderWas::Recused)
                .map(|a| SittingRecusal {
                    seat: a.seat,
                    member_id: holder(a.seat).unwrap_or_default(),
                    replaced_by: a.member_id,
                })
                .collect();
            let ruling: Option<(Option<p::RulingOutcome>, Option<i64>)> = sqlx::query_as(
                "SELECT outcome, grade FROM rulings WHERE case_id = $1 ORDER BY id DESC LIMIT 1",
            )
            .bind(r.case_id)
            .fetch_optional(self.pool())
            .await?;
            let (ruling_outcome, ruling_grade) = ruling.unwrap_or((None, None));
            cases.push(SittingCase {
                order: r.order,
                case_id: r.case_id,
                session_id: r.session_id,
                number: case_number(r.year, r.seq),
                subject: r.subject,
                office_name: r.office_name,
                manager_name: r.manager_name,
                status: status_of(&r.status)?,
                chair_member_id: r.chair_member_id,
                attendance,
                recusals,
                questions: r.questions,
                votes: r.votes,
                ruling_outcome,
                ruling_grade,
            });
        }
        Ok(SittingRecord {
            id: sitting_id,
            board_id,
            board_name,
            held_on,
            chair_member_id,
            created_by,
            created_at,
            present,
            cases,
        })
    }
}
