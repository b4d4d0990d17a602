//! The board's proceedings as the store carries them out: each user action is one
//! transaction ([`Store::begin`]) that checks the action against the rules of
//! `heyat_core::proceedings`, writes every row it touches, audits them, and moves the case's
//! status (and, for an appeal, the other case's) inside the same transaction. A refusal, a
//! failure or a killed process leaves all of the action or none of it.

use crate::act::Act;
use crate::file::{AppealRecord, CaseFile, NewSession, RulingRecord};
use crate::queries::status_of;
use crate::write::{CaseRef, NewComplaint, date, insert_case, update_row};
use crate::{Store, StoreError};
use heyat_core::CaseStatus;
use heyat_core::board::Seat;
use heyat_core::date::JalaliDate;
use heyat_core::proceedings::{
    self as p, Party, QuestionKind, RulingFacts, RulingOutcome, RulingStatus, Service,
    ServiceMethod, Stage,
};
use heyat_core::session::{Attendance, Vote, seat_the_board};
use serde::Serialize;

/// A complaint registered, and the case it opened when it was forwarded (Art 21).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Registered {
    pub complaint_id: i64,
    pub case: Option<CaseRef>,
}

/// A notification served, and what it started (Art 33).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Served {
    pub notification_id: i64,
    /// The last day for this recipient to appeal (ISO), when he may.
    pub deadline: Option<String>,
    /// No one may appeal: the ruling became final on service.
    pub final_now: bool,
}

/// An appeal filed in time, and the case opened before the appeal board.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppealFiled {
    pub appeal: AppealRecord,
    /// The last day the appeal could be filed (ISO).
    pub deadline: String,
    pub appeal_case: Option<CaseRef>,
}

/// One member's vote as cast.
#[derive(Debug, Clone, PartialEq)]
pub struct Ballot {
    pub member_id: i64,
    pub choice: String,
    pub dissent: Option<String>,
}

/// A question put to the vote.
#[derive(Debug, Clone, PartialEq)]
pub struct Motion {
    pub kind: QuestionKind,
    /// For a question of guilt: the charge.
    pub charge_id: Option<i64>,
    pub text: String,
}

/// The count of one question after the votes were recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count {
    /// The majority's choice, once two members agree.
    pub decided: Option<String>,
    /// Members in the minority.
    pub dissenters: Vec<i64>,
    /// Members who sat and have not voted on it yet.
    pub awaiting: Vec<i64>,
}

impl RulingRecord {
    /// What the rules of appeal and finality read of a ruling.
    pub fn facts(&self) -> RulingFacts {
        RulingFacts {
            stage: self.stage,
            status: self.status,
            outcome: self.outcome,
            grade: self.grade.and_then(|g| u8::try_from(g).ok()),
            acquitted_charge_grade: self.acquitted_charge_grade(),
            regulation: self
                .suggestion
                .as_deref()
                .and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
                .and_then(|v| {
                    v["regulation"]
                        .as_str()
                        .and_then(heyat_core::engine::Code::from_id)
                }),
            signed_on: self
                .signed_on
                .as_deref()
                .and_then(|d| JalaliDate::parse_iso(d).ok()),
        }
    }

    /// The highest grade the acquitted charges carried, from the suggestion kept with the
    /// ruling: what an acquittal is weighed by for appeal (Art 33). An acquittal acquits of
    /// every charge; a conviction of the charges its suggestion does not mark `acquitted`.
    fn acquitted_charge_grade(&self) -> Option<u8> {
        // The kept suggestion's charges, as `charge_grade` reads them: a range at its top.
        let kept: serde_json::Value = serde_json::from_str(self.suggestion.as_deref()?).ok()?;
        let conviction = self.outcome == Some(RulingOutcome::Conviction);
        kept["charges"]
            .as_array()?
            .iter()
            .filter(|c| !conviction || c["acquitted"].as_bool() == Some(true))
            .filter_map(|c| c["grade"].as_u64().or_else(|| c["grade_range"][1].as_u64()))
            .max()
            .and_then(|g| u8::try_from(g).ok())
    }
}

impl CaseFile {
    /// The latest ruling that is signed or final: what is served and appealed.
    pub fn signed_ruling(&self) -> Option<&RulingRecord> {
        self.rulings
            .iter()
            .rev()
            .find(|r| r.status != RulingStatus::Draft)
    }

    /// Who was served the ruling, and when.
    pub fn services_of(&self, ruling_id: i64) -> Vec<Service> {
        self.notifications
            .iter()
            .filter(|n| n.ruling_id == ruling_id)
            .filter_map(|n| {
                Some(Service {
                    to: n.recipient,
                    on: JalaliDate::parse_iso(&n.notified_on).ok()?,
                })
            })
            .collect()
    }

    pub(crate) fn appealed_in_time(&self, ruling_id: i64) -> bool {
        self.appeals
            .iter()
            .any(|a| a.ruling_id == ruling_id && a.in_time)
    }
}

fn iso_of(d: JalaliDate) -> String {
    d.to_iso_string()
}

/// Moves a case along the shortest path of allowed steps to `to` (core's `path_to`), each
/// step audited; a case already there, or past it, stays.
pub(crate) async fn advance(w: &mut Act, case_id: i64, to: CaseStatus) -> Result<(), StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT status FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&mut *w.tx)
        .await?;
    let (code,) = row.ok_or(StoreError::NotFound {
        what: "پرونده",
        id: case_id,
    })?;
    for step in p::path_to(status_of(&code)?, to) {
        set_status(w, case_id, step).await?;
    }
    Ok(())
}

/// Writes one step of a case's status, audited; the caller has checked the step is allowed.
pub(crate) async fn set_status(
    w: &mut Act,
    case_id: i64,
    to: CaseStatus,
) -> Result<(), StoreError> {
    update_row(
        &mut w.tx,
        &mut w.audit,
        "cases",
        case_id,
        sqlx::query("UPDATE cases SET status = $1 WHERE id = $2")
            .bind(to.code())
            .bind(case_id),
    )
    .await
}

/// Marks a signed ruling final on `on`, and its case with it: final, or for a first-instance
/// ruling of suspended prosecution, suspended with the order it makes (Art 31).
async fn finalize_in(
    w: &mut Act,
    case_id: i64,
    ruling_id: i64,
    on: &str,
) -> Result<(), StoreError> {
    update_row(
        &mut w.tx,
        &mut w.audit,
        "rulings",
        ruling_id,
        sqlx::query(
            "UPDATE rulings SET status = 'final', final_on = $1 WHERE id = $2 AND status = 'signed'",
        )
        .bind(on)
        .bind(ruling_id),
    )
    .await?;
    let (outcome, stage): (Option<p::RulingOutcome>, Stage) =
        sqlx::query_as("SELECT outcome, stage FROM rulings WHERE id = $1")
            .bind(ruling_id)
            .fetch_one(&mut *w.tx)
            .await?;
    if outcome == Some(p::RulingOutcome::SuspendedProsecution) && stage == Stage::FirstInstance {
        return crate::art45_31::suspend_in(w, case_id, ruling_id).await;
    }
    advance(w, case_id, CaseStatus::Final).await
}

/// What holding a session writes, inside the caller's action: the case may be heard
/// (Art 31), the chair elected among the sitting judges (Art 26), the session with its
/// attendance (Art 28; `docket` = its sitting and place there), the case moved to «heard».
pub(crate) async fn hold_session_in(
    w: &mut Act,
    session: &NewSession,
    chair_member_id: Option<i64>,
    docket: Option<(i64, i64)>,
) -> Result<i64, StoreError> {
    let (status,): (String,) = sqlx::query_as("SELECT status FROM cases WHERE id = $1")
        .bind(session.case_id)
        .fetch_optional(&mut *w.tx)
        .await?
        .ok_or(StoreError::NotFound {
            what: "پرونده",
            id: session.case_id,
        })?;
    p::check_hearing(status_of(&status)?)?;
    if let Some(chair) = chair_member_id {
        let sitting_judge = session
            .attendance
            .iter()
            .any(|a| a.member_id == chair && a.seat.is_judge_seat());
        if !sitting_judge {
            return Err(p::ProceedingError::ChairNotSittingJudge.into());
        }
        let (board_id,): (i64,) = sqlx::query_as("SELECT board_id FROM cases WHERE id = $1")
            .bind(session.case_id)
            .fetch_one(&mut *w.tx)
            .await?;
        crate::write::elect_chair_in(w, board_id, chair).await?;
    }
    let id = crate::file::record_session_with(w, session, docket).await?;
    advance(w, session.case_id, CaseStatus::Heard).await?;
    Ok(id)
}

impl Store {
    /// The holidays on record as dates.
    pub async fn holiday_dates(&self) -> Result<Vec<JalaliDate>, StoreError> {
        Ok(self
            .holidays()
            .await?
            .into_iter()
            .filter_map(|h| JalaliDate::parse_iso(&h.day).ok())
            .collect())
    }

    /// The last day to appeal a ruling served on `notified_on` (ISO), by the engine's rule
    /// (Art 33; CPC Arts 443–445) and the holidays on record.
    pub async fn appeal_deadline(&self, notified_on: &str) -> Result<String, StoreError> {
        let on = date("تاریخ ابلاغ", notified_on)?;
        let holidays = self.holiday_dates().await?;
        p::appeal_deadline(on, &holidays)
            .map(iso_of)
            .map_err(|e| StoreError::invalid("تاریخ ابلاغ", e.to_string()))
    }

    /// Registers a complaint or report and, when it is forwarded to the board, opens the
    /// first-instance case for it (Art 21): one action.
    pub async fn register_and_open(
        &self,
        complaint: &NewComplaint,
        forward: bool,
        today: &str,
        actor: &str,
    ) -> Result<Registered, StoreError> {
        if complaint.summary.trim().is_empty() {
            return Err(StoreError::invalid(
                "شرح شکایت یا گزارش",
                "خالی است؛ بنویسید چه تخلفی گزارش شده است",
            ));
        }
        let key = crate::reporters::confidential_key(self)?;
        let mut w = self.begin(actor).await?;
        let case = if forward {
            let board: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM boards WHERE kind = 'first_instance' ORDER BY id LIMIT 1",
            )
            .fetch_optional(&mut *w.tx)
            .await?;
            let (board_id,) = board.ok_or_else(|| {
                StoreError::invalid(
                    "هیأت بدوی",
                    "هیأت بدوی تعریف نشده است؛ نخست در «تنظیمات» هیأت را بسازید",
                )
            })?;
            let office_id = complaint.office_id.ok_or_else(|| {
                StoreError::invalid("دفتر", "دفتری را که از آن شکایت شده برگزینید")
            })?;
            // The subject is the secretary's to write, never cut from the intake text (which
            // may name the reporter, Art 20): without one, the case has none.
            let new = crate::NewCase {
                board_id,
                office_id,
                manager_id: None,
                registered_on: today.to_owned(),
                subject: complaint
                    .case_subject
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
                charges: Vec::new(),
            };
            Some(insert_case(&mut w.tx, &mut w.audit, &new, CaseStatus::Registered).await?)
        } else {
            None
        };
        let mut c = complaint.clone();
        if let Some(made) = &case {
            c.case_id = Some(made.id);
            c.forwarded_on = Some(today.to_owned());
        }
        let complaint_id = crate::write::register_complaint_in(&mut w, &c, &key).await?;
        w.commit().await?;
        Ok(Registered { complaint_id, case })
    }

    /// Records a session held with its attendance (Art 28) and the chair the members elected
    /// among the sitting judges (Art 26); the case is then heard. One action.
    pub async fn hold_session(
        &self,
        session: &NewSession,
        chair_member_id: Option<i64>,
        today: &str,
        actor: &str,
    ) -> Result<i64, StoreError> {
        let held_on = date("تاریخ جلسه", &session.held_on)?;
        if held_on > date("امروز", today)? {
            return Err(StoreError::invalid(
                "تاریخ جلسه",
                "در آینده است؛ جلسه‌ای را ثبت کنید که برگزار شده است (برای آینده «تعیین وقت» کنید)",
            ));
        }
        let mut w = self.begin(actor).await?;
        let id = hold_session_in(&mut w, session, chair_member_id, None).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Records the sitting members' votes on one question as one action: each member once,
    /// a dissent only from the minority (Art 28); a vote on the grade names one the code
    /// allows for the case (Arts 29, 32, 34–44) and is kept as «درجهٔ n».
    pub async fn cast_votes(
        &self,
        session_id: i64,
        motion: &Motion,
        ballots: &[Ballot],
        actor: &str,
    ) -> Result<Count, StoreError> {
        let text = motion.text.trim();
        if text.is_empty() {
            return Err(StoreError::invalid(
                "پرسش",
                "پرسشی را که به رأی گذاشته می‌شود بنویسید",
            ));
        }
        let (case_id, held_on): (i64, String) =
            sqlx::query_as("SELECT case_id, held_on FROM sessions WHERE id = $1")
                .bind(session_id)
                .fetch_optional(self.pool())
                .await?
                .ok_or(StoreError::NotFound {
                    what: "جلسه",
                    id: session_id,
                })?;
        let file = self.case_file(case_id).await?;
        let session =
            file.sessions
                .iter()
                .find(|s| s.id == session_id)
                .ok_or(StoreError::NotFound {
                    what: "جلسه",
                    id: session_id,
                })?;
        if let Some(charge) = motion.charge_id
            && !file.charges.iter().any(|c| c.id == charge)
        {
            return Err(StoreError::invalid("پرسش", "این تخلف در پرونده نیست"));
        }
        // The roster seat of each member who sat: the holder's own, or the alternate's.
        let seat_of = |member_id: i64| {
            session
                .attendance
                .iter()
                .find(|a| a.member_id == member_id)
                .map(|a| {
                    if a.holder_was == p::HolderWas::Present {
                        a.seat
                    } else {
                        a.seat.alternate().unwrap_or(a.seat)
                    }
                })
        };
        let attendance = Attendance {
            present: session
                .attendance
                .iter()
                .filter_map(|a| seat_of(a.member_id))
                .collect(),
            recused: Vec::new(),
        };
        let sitting = seat_the_board(&attendance).map_err(p::ProceedingError::from)?;
        let range = match motion.kind {
            QuestionKind::Grade => {
                let on = date("تاریخ جلسه", &held_on)?;
                self.suggestion(case_id, on).await?.grade
            }
            _ => None,
        };
        let mut all: Vec<Vote> = session
            .votes
            .iter()
            .filter(|v| v.question == text)
            .filter_map(|v| {
                Some(Vote {
                    member: seat_of(v.member_id)?,
                    choice: v.choice.clone(),
                    dissent: v.dissent.clone(),
                })
            })
            .collect();
        let mut new = Vec::new();
        for b in ballots.iter().filter(|b| !b.choice.trim().is_empty()) {
            let member = seat_of(b.member_id).ok_or_else(|| {
                StoreError::invalid("رأی", "این عضو در این جلسه حاضر نبوده و رأی نمی‌دهد")
            })?;
            let choice = p::grade_choice(motion.kind, &b.choice, range.as_ref())?;
            let dissent = b.dissent.clone().filter(|d| !d.trim().is_empty());
            new.push((b.member_id, choice.clone(), dissent.clone()));
            all.push(Vote {
                member,
                choice,
                dissent,
            });
        }
        // Counted as a whole before anything is written: a refused vote saves nothing.
        let tally = sitting.tally(&all).map_err(p::ProceedingError::from)?;
        let mut w = self.begin(actor).await?;
        for (member_id, choice, dissent) in &new {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO votes (session_id, question, member_id, choice, dissent, kind, charge_id)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(session_id)
            .bind(text.to_owned())
            .bind(*member_id)
            .bind(choice.clone())
            .bind(dissent.as_deref().map(|d| d.trim().to_owned()))
            .bind(motion.kind)
            .bind(motion.charge_id)
            .fetch_one(&mut *w.tx)
            .await?;
            w.audit.inserted(&mut w.tx, "votes", id).await?;
        }
        w.commit().await?;
        let member_of = |seat: &Seat| {
            session
                .attendance
                .iter()
                .find(|a| seat_of(a.member_id) == Some(*seat))
                .map(|a| a.member_id)
        };
        Ok(Count {
            decided: tally.decided,
            dissenters: tally.dissenters.iter().filter_map(member_of).collect(),
            awaiting: tally.awaiting.iter().filter_map(member_of).collect(),
        })
    }

    /// Serves the case's signed ruling on `recipient` (Art 33): refused before the ruling
    /// was signed or dated before its signing; the case is then notified, and a ruling no
    /// one may appeal becomes final at once. One action.
    pub async fn serve(
        &self,
        case_id: i64,
        recipient: Party,
        method: ServiceMethod,
        notified_on: &str,
        actor: &str,
    ) -> Result<Served, StoreError> {
        let on = date("تاریخ ابلاغ", notified_on)?;
        let file = self.case_file(case_id).await?;
        let ruling = file.signed_ruling().ok_or(p::ProceedingError::NotSigned)?;
        let facts = ruling.facts();
        let holidays = self.holiday_dates().await?;
        let after = p::after_service(&facts, recipient, on, &holidays)?;
        let mut w = self.begin(actor).await?;
        let (notification_id,): (i64,) = sqlx::query_as(
            "INSERT INTO notifications (ruling_id, recipient, method, notified_on) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(ruling.id)
        .bind(recipient)
        .bind(method)
        .bind(iso_of(on))
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit
            .inserted(&mut w.tx, "notifications", notification_id)
            .await?;
        advance(&mut w, case_id, CaseStatus::Notified).await?;
        let served = match after {
            p::AfterService::FinalNow => {
                if ruling.status == RulingStatus::Signed {
                    finalize_in(&mut w, case_id, ruling.id, &iso_of(on)).await?;
                }
                Served {
                    notification_id,
                    deadline: None,
                    final_now: true,
                }
            }
            p::AfterService::Runs { deadline } => Served {
                notification_id,
                deadline: deadline.map(iso_of),
                final_now: false,
            },
        };
        w.commit().await?;
        Ok(served)
    }

    /// Files an appeal against the case's signed ruling (Art 33) and opens the case before
    /// the appeal board, with the first-instance file linked and its charges copied: one
    /// action. Refused when the ruling is final for this appellant, not served on him, or
    /// the 20 days have run out.
    pub async fn appeal(
        &self,
        case_id: i64,
        appellant: Party,
        filed_on: &str,
        grounds: &str,
        actor: &str,
    ) -> Result<AppealFiled, StoreError> {
        let filed = date("تاریخ تجدیدنظرخواهی", filed_on)?;
        let file = self.case_file(case_id).await?;
        let ruling = file.signed_ruling().ok_or(p::ProceedingError::NotSigned)?;
        let holidays = self.holiday_dates().await?;
        let deadline = p::check_appeal(
            &ruling.facts(),
            appellant,
            &file.services_of(ruling.id),
            filed,
            &holidays,
        )?;
        let mut w = self.begin(actor).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO appeals (ruling_id, appellant, filed_on, in_time, grounds) VALUES ($1, $2, $3, 1, $4) RETURNING id",
        )
        .bind(ruling.id)
        .bind(appellant)
        .bind(iso_of(filed))
        .bind(grounds.trim())
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "appeals", id).await?;
        advance(&mut w, case_id, CaseStatus::Appealed).await?;
        let appeal_board: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM boards WHERE kind = 'appeal' ORDER BY id LIMIT 1")
                .fetch_optional(&mut *w.tx)
                .await?;
        let appeal_case = match (&file.appealed_as, appeal_board) {
            (Some(open), _) => Some(CaseRef {
                id: open.id,
                number: crate::case_number(open.year, open.seq),
            }),
            (None, Some((board,))) => Some(
                crate::schedule::open_appeal_case_in(&mut w, case_id, board, &iso_of(filed))
                    .await?,
            ),
            (None, None) => None,
        };
        w.commit().await?;
        Ok(AppealFiled {
            appeal: AppealRecord {
                id,
                ruling_id: ruling.id,
                appellant,
                filed_on: iso_of(filed),
                in_time: true,
                grounds: grounds.trim().to_owned(),
            },
            deadline: iso_of(deadline),
            appeal_case,
        })
    }

    /// Makes final every notified ruling whose appeal period ended with no appeal (Art 33),
    /// as one action; answers the case numbers.
    pub async fn finalize_due(
        &self,
        today: JalaliDate,
        actor: &str,
    ) -> Result<Vec<String>, StoreError> {
        let due = self.final_by(today).await?;
        if due.is_empty() {
            return Ok(Vec::new());
        }
        let mut w = self.begin(actor).await?;
        for (case_id, _, ruling_id) in &due {
            finalize_in(&mut w, *case_id, *ruling_id, &iso_of(today)).await?;
        }
        w.commit().await?;
        Ok(due.into_iter().map(|d| d.1).collect())
    }

    /// The cases in `status`, each with its whole file.
    pub async fn files_in(
        &self,
        status: CaseStatus,
    ) -> Result<Vec<(crate::CaseListItem, CaseFile)>, StoreError> {
        let filter = crate::CaseFilter {
            status: Some(status),
            ..crate::CaseFilter::default()
        };
        let mut out = Vec::new();
        for case in self.cases(&filter).await? {
            let file = self.case_file(case.id).await?;
            out.push((case, file));
        }
        Ok(out)
    }

    /// The id of the case numbered `number` (`1405-0004`, Persian or Latin digits); when
    /// two boards use the same number, `board_id` says which.
    pub async fn case_id_by_number(
        &self,
        number: &str,
        board_id: Option<i64>,
    ) -> Result<i64, StoreError> {
        let latin = heyat_core::to_latin_digits(number.trim());
        let (year, seq) = latin
            .split_once('-')
            .and_then(|(y, s)| Some((y.parse::<i64>().ok()?, s.parse::<i64>().ok()?)))
            .ok_or_else(|| {
                StoreError::invalid(
                    "شمارهٔ پرونده",
                    format!("«{number}» شمارهٔ پرونده نیست؛ مانند 1405-0004 بدهید"),
                )
            })?;
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM cases WHERE year = $1 AND seq = $2 AND ($3 IS NULL OR board_id = $3) ORDER BY id",
        )
        .bind(year)
        .bind(seq)
        .bind(board_id)
        .fetch_all(self.pool())
        .await?;
        match rows.as_slice() {
            [(id,)] => Ok(*id),
            [] => Err(StoreError::invalid(
                "شمارهٔ پرونده",
                format!("پرونده‌ای با شمارهٔ {number} نیست"),
            )),
            _ => Err(StoreError::invalid(
                "شمارهٔ پرونده",
                format!("چند هیأت پرونده‌ای با شمارهٔ {number} دارند؛ هیأت را هم بگویید"),
            )),
        }
    }
}

/// What kind of limit runs on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The 20 days to appeal a served ruling (Art 33).
    Appeal,
    /// Two years from the violation or the last act of prosecution (Art 30).
    Limitation,
}

impl DeadlineKind {
    pub fn code(self) -> &'static str {
        match self {
            DeadlineKind::Appeal => "appeal",
            DeadlineKind::Limitation => "limitation",
        }
    }

    pub fn title_fa(self) -> &'static str {
        match self {
            DeadlineKind::Appeal => "مهلت تجدیدنظرخواهی",
            DeadlineKind::Limitation => "مرور زمان تعقیب",
        }
    }

    pub fn article(self) -> &'static str {
        match self {
            DeadlineKind::Appeal => "1401:33",
            DeadlineKind::Limitation => "1401:30",
        }
    }
}

/// A limit running on a case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deadline {
    pub case_id: i64,
    pub case_number: String,
    pub office_name: String,
    pub kind: DeadlineKind,
    pub due_on: JalaliDate,
}

/// A draft ruling waiting for its signatures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Awaiting {
    pub case_id: i64,
    pub case_number: String,
    pub office_name: String,
    pub signed: u32,
    pub sitting: u32,
}

impl Store {
    /// Keeps the board's draft of the case's ruling: a new draft, or the one not yet signed
    /// rewritten (its sign-offs dropped, they covered other words). A signed ruling of the
    /// same stage is never rewritten.
    pub async fn keep_draft(&self, r: &crate::NewRuling, actor: &str) -> Result<i64, StoreError> {
        let stage = r.stage.unwrap_or(Stage::FirstInstance);
        let rows: Vec<(i64, RulingStatus)> = sqlx::query_as(
            "SELECT id, status FROM rulings WHERE case_id = $1 AND stage = $2 ORDER BY id DESC LIMIT 1",
        )
        .bind(r.case_id)
        .bind(stage)
        .fetch_all(self.pool())
        .await?;
        // A suspension the board revoked (Art 31) reopens the matter: its ruling stays as
        // signed, and the new hearing's ruling is a new draft.
        let revoked: Option<(i64,)> = sqlx::query_as(
            "SELECT o.ruling_id FROM suspension_orders o WHERE o.case_id = $1 AND o.revoked_on IS NOT NULL
             ORDER BY o.id DESC LIMIT 1",
        )
        .bind(r.case_id)
        .fetch_optional(self.pool())
        .await?;
        match rows.first() {
            Some((id, RulingStatus::Draft)) => {
                self.update_ruling(*id, r, actor).await?;
                Ok(*id)
            }
            Some((id, _)) if revoked.is_some_and(|(suspended,)| suspended == *id) => {
                self.draft_ruling(r, actor).await
            }
            Some(_) => Err(StoreError::SignedRuling),
            None => self.draft_ruling(r, actor).await,
        }
    }
}

impl crate::VoteRecord {
    /// The vote as the rules of deliberation read it; `None` for a vote recorded before
    /// questions had kinds and whose kind could not be told.
    pub fn cast(&self) -> Option<p::CastVote> {
        Some(p::CastVote {
            kind: self.kind?,
            charge_id: self.charge_id,
            question: self.question.clone(),
            member_id: self.member_id,
            choice: self.choice.clone(),
            dissent: self.dissent.clone(),
        })
    }
}

impl Store {
    /// The seats of the board hearing `case_id`, with who holds each.
    pub async fn roster_of(&self, case_id: i64) -> Result<Vec<crate::BoardSeat>, StoreError> {
        let (board_id,): (i64,) = sqlx::query_as("SELECT board_id FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound {
                what: "پرونده",
                id: case_id,
            })?;
        Ok(self
            .boards()
            .await?
            .into_iter()
            .find(|b| b.id == board_id)
            .map(|b| b.seats)
            .unwrap_or_default())
    }

    /// Every member's full name, by id.
    pub async fn member_names(&self) -> Result<std::collections::HashMap<i64, String>, StoreError> {
        let rows: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, first_name, last_name FROM members")
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .into_iter()
            .map(|(id, first, last)| (id, format!("{first} {last}")))
            .collect())
    }
}

impl Store {
    /// Every notification on record with its case, oldest first.
    pub async fn notifications(
        &self,
    ) -> Result<Vec<(crate::CaseListItem, crate::NotificationRecord)>, StoreError> {
        let mut out = Vec::new();
        for status in [
            CaseStatus::Notified,
            CaseStatus::Final,
            CaseStatus::Appealed,
            CaseStatus::AppealDecided,
            CaseStatus::Decided,
            CaseStatus::Suspended,
        ] {
            for (case, file) in self.files_in(status).await? {
                for n in file.notifications {
                    out.push((case.clone(), n));
                }
            }
        }
        out.sort_by_key(|(_, n)| n.id);
        Ok(out)
    }
}

impl Store {
    /// Adds a person and seats them on a board as one action: the composition rules of
    /// Arts 23–25 are checked before it commits, so a refusal leaves no stray person behind.
    pub async fn seat_new_member(
        &self,
        board_id: i64,
        seat: &str,
        member: &crate::NewMember,
        actor: &str,
    ) -> Result<i64, StoreError> {
        let mut w = self.begin(actor).await?;
        let id = crate::write::add_member_in(&mut w, member).await?;
        crate::write::assign_seat_in(&mut w, board_id, seat, id).await?;
        w.commit().await?;
        Ok(id)
    }

    /// Sets a session for a case on `day` (ISO) at `at_time`; a day before `today` is
    /// refused.
    pub async fn schedule_hearing(
        &self,
        case_id: i64,
        day: &str,
        at_time: &str,
        note: &str,
        today: JalaliDate,
        actor: &str,
    ) -> Result<i64, StoreError> {
        if date("تاریخ جلسه", day)? < today {
            return Err(StoreError::invalid(
                "تاریخ جلسه",
                format!(
                    "گذشته است؛ روزی از امروز ({}) به بعد برگزینید",
                    today.format_fa()
                ),
            ));
        }
        self.schedule_session(case_id, day, at_time, note, actor)
            .await
    }
}

/// One place of a sitting board and who fills it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeatedPlace {
    /// The principal seat (judge 1, judge 2, representative).
    pub seat: Seat,
    pub member_id: i64,
    pub name: String,
    /// Filled by the alternate of the same kind (Arts 25, 28).
    pub by_alternate: bool,
}

impl Store {
    /// Who fills each place of `sitting`, from the roster of the board hearing `case_id`; a
    /// roster seat no one holds is refused with what to fix.
    pub async fn places_of(
        &self,
        case_id: i64,
        sitting: &heyat_core::session::Sitting,
    ) -> Result<Vec<SeatedPlace>, StoreError> {
        let roster = self.roster_of(case_id).await?;
        sitting
            .places()
            .iter()
            .map(|p| {
                let s = roster
                    .iter()
                    .find(|s| s.seat == p.filled_by.code())
                    .ok_or_else(|| {
                        StoreError::invalid(
                            "حضور",
                            format!(
                                "جایگاه «{}» در این هیأت کسی را ندارد؛ از «تنظیمات» آن را پر کنید",
                                p.filled_by.title_fa()
                            ),
                        )
                    })?;
                Ok(SeatedPlace {
                    seat: p.seat,
                    member_id: s.member_id,
                    name: format!("{} {}", s.first_name, s.last_name),
                    by_alternate: p.by_alternate(),
                })
            })
            .collect()
    }
}

/// Facts of a case the engine weighs, as the secretary records them; each one left `None`
/// stays as it was.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct CaseFacts {
    /// The day the case's final penalty was carried out (Art 43's two years start then).
    #[serde(default)]
    pub carried_out_on: Option<String>,
    /// The manager's death (Art 30).
    #[serde(default)]
    pub deceased_on: Option<String>,
    /// The manager's permanent separation from managing the office (Art 30).
    #[serde(default)]
    pub separated_on: Option<String>,
    /// The complainant withdrew the complaint (1396 Art 38 note 2; 1392 Art 26 note 2).
    #[serde(default)]
    pub complaint_withdrawn_on: Option<String>,
}

impl Store {
    /// Records facts of the case file as one action: when its final penalty was carried
    /// out, the manager's death or permanent separation, a withdrawn complaint. Every date is
    /// checked before anything is written.
    pub async fn record_case_facts(
        &self,
        case_id: i64,
        facts: &CaseFacts,
        actor: &str,
    ) -> Result<(), StoreError> {
        let day = |field: &'static str, d: &Option<String>| {
            d.as_deref()
                .filter(|d| !d.trim().is_empty())
                .map(|d| date(field, d).map(iso_of))
                .transpose()
        };
        let carried = day("تاریخ اجرای مجازات", &facts.carried_out_on)?;
        let deceased = day("تاریخ فوت مدیر", &facts.deceased_on)?;
        let separated = day("تاریخ انفصال دائم مدیر", &facts.separated_on)?;
        let withdrawn = day("تاریخ استرداد شکایت", &facts.complaint_withdrawn_on)?;
        let file = self.case_file(case_id).await?;
        let mut w = self.begin(actor).await?;
        if let Some(on) = &carried {
            let ruling = file
                .rulings
                .iter()
                .rev()
                .find(|r| r.status == RulingStatus::Final && r.grade.is_some())
                .ok_or_else(|| {
                    StoreError::invalid(
                        "تاریخ اجرای مجازات",
                        "این پرونده رأی قطعیِ محکومیت ندارد؛ تنها مجازاتِ رأی قطعی اجرا می‌شود",
                    )
                })?;
            if ruling.final_on.as_deref().is_some_and(|f| on.as_str() < f) {
                return Err(StoreError::invalid(
                    "تاریخ اجرای مجازات",
                    "پیش از قطعیت رأی است؛ مجازات پس از قطعیت اجرا می‌شود",
                ));
            }
            sqlx::query(
                "INSERT INTO penalty_executions (ruling_id, carried_out_on) VALUES ($1, $2)
                 ON CONFLICT (ruling_id) DO UPDATE SET carried_out_on = excluded.carried_out_on",
            )
            .bind(ruling.id)
            .bind(on)
            .execute(&mut *w.tx)
            .await?;
            w.audit
                .inserted(&mut w.tx, "penalty_executions", ruling.id)
                .await?;
        }
        if deceased.is_some() || separated.is_some() {
            update_row(
                &mut w.tx,
                &mut w.audit,
                "managers",
                file.manager_id,
                sqlx::query(
                    "UPDATE managers SET deceased_on = coalesce($1, deceased_on),
                        separated_on = coalesce($2, separated_on) WHERE id = $3",
                )
                .bind(&deceased)
                .bind(&separated)
                .bind(file.manager_id),
            )
            .await?;
        }
        if let Some(on) = &withdrawn {
            if file.complaints.is_empty() {
                return Err(StoreError::invalid(
                    "تاریخ استرداد شکایت",
                    "این پرونده شکایتی ندارد که مسترد شود",
                ));
            }
            for c in &file.complaints {
                update_row(
                    &mut w.tx,
                    &mut w.audit,
                    "complaints",
                    c.id,
                    sqlx::query("UPDATE complaints SET withdrawn_on = $1 WHERE id = $2")
                        .bind(on)
                        .bind(c.id),
                )
                .await?;
            }
        }
        w.commit().await
    }
}
