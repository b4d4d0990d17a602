//! A day's docket: one sitting (نشست) of a board hears several cases in order.
//!
//! The rules are those of a single session, taken once for the sitting and carried to each
//! case (Arts 25, 26, 28 of the 1401 regulation):
//! - every case on the docket belongs to the sitting's board, may be heard ([`check_hearing`]:
//!   not while its prosecution is suspended, Art 31) and is not yet decided, and appears once;
//! - attendance is taken once: every place filled, an alternate of the same kind replacing an
//!   absent holder ([`seat_the_board`], Art 28);
//! - the chair is elected once among the sitting judges (Art 26) and chairs every case, unless
//!   he recuses on one;
//! - a member may recuse on one case: the alternate of the same kind sits in his place for
//!   that case only (Arts 25, 28). Without an alternate free, that case cannot be heard in
//!   this sitting; the others can.
//!
//! Pure: the store gathers the facts (the cases' boards and statuses, who attended) and writes
//! what these functions answer.

use super::{ProceedingError, check_hearing};
use crate::CaseStatus;
use crate::board::Seat;
use crate::session::{Attendance, Sitting, seat_the_board};
use serde::{Deserialize, Serialize};

/// A case put on the docket, as the store reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocketCase {
    pub case_id: i64,
    /// Its number as printed («۱۴۰۵-۰۰۰۳»), to name it in a refusal.
    pub number: String,
    pub board_id: i64,
    pub status: CaseStatus,
}

/// One case of the sitting: who sits for it and who chairs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocketEntry {
    pub case_id: i64,
    pub number: String,
    /// The places for this case: the sitting's, or with an alternate for a recused member.
    pub sitting: Sitting,
    /// The roster seat of the chair for this case.
    pub chair: Seat,
    /// Roster seats of the members who stepped aside on this case.
    pub recused: Vec<Seat>,
}

/// A sitting of one board on one day with its cases in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Docket {
    pub board_id: i64,
    /// Who is in the room, taken once (no recusal at the sitting's level).
    pub attendance: Attendance,
    /// The roster seat of the chair elected for the sitting (Art 26).
    pub chair: Seat,
    pub entries: Vec<DocketEntry>,
}

/// Why a docket, or a recusal on one of its cases, is refused. Each message names the case
/// and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocketError {
    #[error("نشست بی‌پرونده برگزار نمی‌شود؛ دست‌کم یک پرونده را در دستور نشست بگذارید.")]
    Empty,
    #[error(
        "پروندهٔ {number} از آنِ هیأت دیگری است و در نشست این هیأت رسیدگی نمی‌شود؛ آن را از دستور نشست بردارید."
    )]
    OtherBoard { number: String },
    #[error(
        "پروندهٔ {number} دو بار در دستور نشست آمده است؛ هر پرونده یک بار رسیدگی می‌شود، یکی را بردارید."
    )]
    Twice { number: String },
    #[error(
        "پروندهٔ {number} در وضعیت «{}» است و رأی آن داده شده؛ در نشست رسیدگی نمی‌شود، آن را از دستور نشست بردارید.",
        status.title_fa()
    )]
    AlreadyDecided { number: String, status: CaseStatus },
    #[error("پروندهٔ {number} در این نشست رسیدگی نمی‌شود: {reason}")]
    NotHeard { number: String, reason: String },
    #[error("پروندهٔ {number} در دستور این نشست نیست؛ نخست آن را به نشست بیفزایید.")]
    NotOnDocket { number: String },
    #[error(
        "«{}» در پروندهٔ {number} عضو هیأت نیست که کناره‌گیری کند؛ تنها عضوی که در این پرونده نشسته کناره‌گیری می‌کند.",
        seat.title_fa()
    )]
    NotSittingOnCase { seat: Seat, number: String },
    #[error(
        "در پروندهٔ {number} «{}» کناره‌گیری کرده و عضو علی‌البدل هم‌سنخ در نشست حاضر نیست یا جای دیگری را پر کرده است، پس این پرونده در این نشست رسیدگی نمی‌شود (مواد ۲۵ و ۲۸)؛ پرونده را از دستور نشست بردارید و برای روز دیگری وقت تعیین کنید، یا حضور عضو علی‌البدل را ثبت کنید.",
        seat.title_fa()
    )]
    NoAlternate { seat: Seat, number: String },
    #[error(
        "در پروندهٔ {number} رأی‌گیری آغاز شده است؛ کناره‌گیری پیش از رأی‌گیری اعلام می‌شود و آرای ثبت‌شده دگرگون نمی‌شود."
    )]
    AfterVotes { number: String },
    #[error(
        "رئیس پروندهٔ {number} باید یکی از دو عضو قاضیِ نشسته در همین پرونده باشد (ماده ۲۶)؛ قاضی دیگری را برگزینید."
    )]
    CaseChairNotSittingJudge { number: String },
}

fn refuse(e: DocketError) -> ProceedingError {
    ProceedingError::Docket(e)
}

/// Whether `case` may be put on the docket of `board_id`'s sitting: the board's own, heard
/// under the rule of a single session ([`check_hearing`]), not decided already.
pub fn check_docket_case(board_id: i64, case: &DocketCase) -> Result<(), ProceedingError> {
    if case.board_id != board_id {
        return Err(refuse(DocketError::OtherBoard {
            number: case.number.clone(),
        }));
    }
    if let Err(e) = check_hearing(case.status) {
        return Err(refuse(DocketError::NotHeard {
            number: case.number.clone(),
            reason: e.to_string(),
        }));
    }
    let heard_before_ruling = matches!(
        case.status,
        CaseStatus::Registered | CaseStatus::InReview | CaseStatus::Scheduled | CaseStatus::Heard
    );
    if !heard_before_ruling {
        return Err(refuse(DocketError::AlreadyDecided {
            number: case.number.clone(),
            status: case.status,
        }));
    }
    Ok(())
}

/// Opens a sitting of `board_id` with `attendance` taken once, the `chair` elected for it
/// (a roster seat: a sitting judge, Art 26) and the `cases` in the order they are heard.
pub fn open_sitting(
    board_id: i64,
    attendance: &Attendance,
    chair: Seat,
    cases: &[DocketCase],
) -> Result<Docket, ProceedingError> {
    if cases.is_empty() {
        return Err(refuse(DocketError::Empty));
    }
    let sitting = seat_the_board(attendance)?;
    if !sitting.sits(chair) || !chair.is_judge_seat() {
        return Err(ProceedingError::ChairNotSittingJudge);
    }
    let mut entries: Vec<DocketEntry> = Vec::with_capacity(cases.len());
    for case in cases {
        if entries.iter().any(|e| e.case_id == case.case_id) {
            return Err(refuse(DocketError::Twice {
                number: case.number.clone(),
            }));
        }
        check_docket_case(board_id, case)?;
        entries.push(DocketEntry {
            case_id: case.case_id,
            number: case.number.clone(),
            sitting: sitting.clone(),
            chair,
            recused: Vec::new(),
        });
    }
    Ok(Docket {
        board_id,
        attendance: attendance.clone(),
        chair,
        entries,
    })
}

impl Docket {
    /// The entry of `case_id`.
    pub fn entry(&self, case_id: i64) -> Option<&DocketEntry> {
        self.entries.iter().find(|e| e.case_id == case_id)
    }

    /// The member in roster seat `seat` steps aside on one case (`number` names it in a
    /// refusal): the alternate of the same kind, present and not sitting elsewhere, takes his
    /// place for that case only (Arts 25, 28). Refused once votes are recorded in the case
    /// (`votes_cast`), for a member who does not sit in it, and when no alternate is free: then
    /// the case cannot be heard in this sitting. When the case's chair steps aside, `chair`
    /// names who chairs it among its sitting judges; without one, the other judge who held
    /// his own place.
    pub fn recuse(
        &mut self,
        case_id: i64,
        number: &str,
        seat: Seat,
        votes_cast: bool,
        chair: Option<Seat>,
    ) -> Result<&DocketEntry, ProceedingError> {
        let attendance = self.attendance.clone();
        let entry = self
            .entries
            .iter_mut()
            .find(|e| e.case_id == case_id)
            .ok_or_else(|| {
                refuse(DocketError::NotOnDocket {
                    number: number.to_owned(),
                })
            })?;
        if !entry.sitting.sits(seat) {
            return Err(refuse(DocketError::NotSittingOnCase {
                seat,
                number: entry.number.clone(),
            }));
        }
        if votes_cast {
            return Err(refuse(DocketError::AfterVotes {
                number: entry.number.clone(),
            }));
        }
        let mut recused = entry.recused.clone();
        recused.push(seat);
        let for_case = Attendance {
            present: attendance
                .present
                .iter()
                .copied()
                .filter(|s| !recused.contains(s))
                .collect(),
            recused: recused.clone(),
        };
        let sitting = seat_the_board(&for_case).map_err(|_| {
            refuse(DocketError::NoAlternate {
                seat,
                number: entry.number.clone(),
            })
        })?;
        let case_chair = if recused.contains(&entry.chair) {
            let sitting_judge = |s: Seat| s.is_judge_seat() && sitting.sits(s);
            match chair {
                Some(c) if sitting_judge(c) => c,
                Some(_) => {
                    return Err(refuse(DocketError::CaseChairNotSittingJudge {
                        number: entry.number.clone(),
                    }));
                }
                None => sitting
                    .places()
                    .iter()
                    .filter(|p| p.filled_by.is_judge_seat())
                    .min_by_key(|p| p.by_alternate())
                    .map(|p| p.filled_by)
                    .ok_or(ProceedingError::ChairNotSittingJudge)?,
            }
        } else {
            entry.chair
        };
        entry.sitting = sitting;
        entry.recused = recused;
        entry.chair = case_chair;
        Ok(entry)
    }
}
