//! The summons (اخطاریه): the notice that tells the office manager the charges against him and
//! the day of the session, and how long he has to defend in writing (DOMAIN.md, "How a case
//! moves", step 2: «the manager is informed and may defend in writing»).
//!
//! **The 1401 regulation is silent here.** Chapter 6 (Arts 21–45) names the board (Art 21), the
//! session (Art 28) and a reasoned ruling (Art 27), but not how the manager is told of the
//! charges, nor a time to defend. These are the choices made, as a board secretary would
//! expect them (listed in `regulations/README.md`, "Readings the text leaves open"):
//!
//! - **ten days to defend in writing** ([`DEFENCE_DAYS`]) from the day the summons is served,
//!   the ten days Iran's disciplinary boards customarily give an accused to answer the charges
//!   in writing; counted as the Civil Procedure Code counts every period that runs from a
//!   service: the day of service not counted (CPC Art 445), a last day that falls on a Friday
//!   or a holiday moved to the next working day (CPC Art 444) — the same rule and code as the
//!   appeal deadline ([`crate::engine::appeal_deadline`]);
//! - **the session after the ten days**: a summons is issued only for a session day later than
//!   the last day to defend counted from the issue (service cannot come sooner), so that the
//!   written defence is in the file when the board sits; a service recorded too late for that
//!   is kept (it happened) and flagged, so the secretary puts the session off;
//! - **a late defence is kept, marked late**, not refused: the law sets no bar, and the board,
//!   which must give a reasoned ruling (Art 27), may still weigh it. What is refused is a
//!   defence dated after the ruling was signed: it can no longer be part of this hearing.
//!
//! Pure: the clock (`today`) and the holidays are arguments.

use crate::date::{DateError, JalaliDate};
use crate::status::CaseStatus;
use crate::to_persian_digits;
use serde::Serialize;

/// Days the manager has to send a written defence, from the service of the summons (a choice:
/// the 1401 regulation sets none; see the module's notes).
pub const DEFENCE_DAYS: i64 = 10;

/// The provisions a summons rests on: the board hears complaints and reports against managers
/// (Art 21), in a session of all its members (Art 28), and rules with reasons (Art 27).
pub const SUMMONS_ARTICLES: [&str; 3] = ["1401:21", "1401:27", "1401:28"];

/// Why a summons, its service or the defence cannot be recorded. Each message says what to
/// fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SummonsError {
    #[error(
        "این پرونده هنوز تخلفی ندارد؛ اخطاریه اتهام‌ها را به مدیر دفتر اعلام می‌کند. نخست تخلف منتسب را در بخش «تخلفات» ثبت کنید."
    )]
    NoCharges,
    #[error(
        "این پرونده در وضعیت «{}» است؛ اخطاریه پیش از صدور رأی و برای رسیدگی صادر می‌شود.",
        status.title_fa()
    )]
    NotBeforeRuling { status: CaseStatus },
    #[error(
        "روز جلسه ({}) گذشته است؛ روزی از امروز ({}) به بعد برگزینید.",
        session_on.format_fa(),
        today.format_fa()
    )]
    SessionPast {
        session_on: JalaliDate,
        today: JalaliDate,
    },
    #[error(
        "روز جلسه ({}) زودتر از پایان مهلت ده‌روزهٔ دفاع است: اگر اخطاریه امروز ابلاغ شود، مهلت دفاع تا {} است (مواد ۴۴۴ و ۴۴۵ قانون آیین دادرسی مدنی). جلسه را {} یا پس از آن بگذارید.",
        session_on.format_fa(),
        defence_due.format_fa(),
        earliest.format_fa()
    )]
    SessionTooSoon {
        session_on: JalaliDate,
        defence_due: JalaliDate,
        earliest: JalaliDate,
    },
    #[error(
        "روز جلسه ({}) {} است و هیأت در روز تعطیل جلسه ندارد؛ روز کاری دیگری برگزینید.",
        session_on.format_fa(),
        if session_on.is_friday() { "جمعه" } else { "تعطیل رسمی" }
    )]
    SessionOnHoliday { session_on: JalaliDate },
    #[error(
        "ابلاغ این اخطاریه در {} ثبت شده است؛ ابلاغ دوباره ثبت نمی‌شود. اگر جلسه تجدید شده، اخطاریهٔ تازه صادر کنید.",
        served_on.format_fa()
    )]
    AlreadyServed { served_on: JalaliDate },
    #[error(
        "تاریخ ابلاغ ({}) پیش از صدور اخطاریه ({}) است؛ تاریخ را بازبینی کنید.",
        served_on.format_fa(),
        issued_on.format_fa()
    )]
    ServedBeforeIssue {
        served_on: JalaliDate,
        issued_on: JalaliDate,
    },
    #[error(
        "تاریخ {what} ({}) هنوز نرسیده است؛ آنچه رخ داده ثبت می‌شود، نه آنچه خواهد شد. تاریخ امروز یا پیش از آن بدهید.",
        on.format_fa()
    )]
    InFuture { what: &'static str, on: JalaliDate },
    #[error(
        "تاریخ ابلاغ ({}) پس از روز جلسه ({}) است؛ اخطاریهٔ جلسهٔ گذشته ابلاغ نمی‌شود. برای جلسهٔ تازه اخطاریهٔ تازه صادر کنید.",
        served_on.format_fa(),
        session_on.format_fa()
    )]
    ServedAfterSession {
        served_on: JalaliDate,
        session_on: JalaliDate,
    },
    #[error("ابلاغ این اخطاریه هنوز ثبت نشده است؛ نخست تاریخ و نحوهٔ ابلاغ را ثبت کنید.")]
    NotServed,
    #[error(
        "دریافت لایحهٔ دفاعیه در {} ثبت شده است؛ دوباره ثبت نمی‌شود.",
        received_on.format_fa()
    )]
    DefenceAlreadyReceived { received_on: JalaliDate },
    #[error(
        "تاریخ دریافت دفاعیه ({}) پیش از ابلاغ اخطاریه ({}) است؛ تاریخ را بازبینی کنید.",
        received_on.format_fa(),
        served_on.format_fa()
    )]
    DefenceBeforeService {
        received_on: JalaliDate,
        served_on: JalaliDate,
    },
    #[error(
        "رأی این پرونده در {} امضا شده است؛ دفاعیه‌ای که پس از آن رسیده ({}) جزء این رسیدگی نیست. آن را در مستندات پیوست کنید.",
        signed_on.format_fa(),
        received_on.format_fa()
    )]
    DefenceAfterRuling {
        received_on: JalaliDate,
        signed_on: JalaliDate,
    },
    /// A date the deadline cannot be computed from.
    #[error(transparent)]
    Date(#[from] DateError),
}

/// What a summons is issued on: the case as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseForSummons {
    pub status: CaseStatus,
    /// How many charges the case holds.
    pub charges: usize,
    /// A ruling of the case is signed (or final).
    pub ruling_signed: bool,
}

/// A summons as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SummonsFacts {
    pub issued_on: JalaliDate,
    pub session_on: JalaliDate,
    pub served_on: Option<JalaliDate>,
    pub defence_received_on: Option<JalaliDate>,
}

/// What the service of a summons starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AfterSummonsService {
    /// The last day to send the written defence.
    pub defence_due: JalaliDate,
    /// The session falls on or before that day: the manager has not had his ten days, and
    /// the session should be put off.
    pub session_too_soon: bool,
}

/// The last day to defend a summons served on `served_on`: [`DEFENCE_DAYS`] not counting the
/// day of service (CPC Art 445), moved past Fridays and `holidays` (CPC Art 444).
pub fn defence_deadline(
    served_on: JalaliDate,
    holidays: &[JalaliDate],
) -> Result<JalaliDate, DateError> {
    crate::engine::appeal_deadline(served_on, DEFENCE_DAYS, holidays)
}

/// The first day a session may be set for in a summons issued on `issued_on`: the day after
/// the last day to defend were it served that very day, moved past Fridays and `holidays`
/// (the board does not sit when offices are closed).
pub fn earliest_session(
    issued_on: JalaliDate,
    holidays: &[JalaliDate],
) -> Result<JalaliDate, DateError> {
    let mut day = defence_deadline(issued_on, holidays)?.add_days(1)?;
    while day.is_friday() || holidays.contains(&day) {
        day = day.add_days(1)?;
    }
    Ok(day)
}

/// Whether a summons may be issued `today` for a session on `session_on`: a case with at
/// least one charge, not yet ruled on, a session day not past, not a Friday or a holiday,
/// and after the ten days to defend. Answers the last day to defend were it served today.
pub fn check_issue(
    case: &CaseForSummons,
    session_on: JalaliDate,
    today: JalaliDate,
    holidays: &[JalaliDate],
) -> Result<JalaliDate, SummonsError> {
    use CaseStatus::*;
    if case.ruling_signed || !matches!(case.status, Registered | InReview | Scheduled | Heard) {
        return Err(SummonsError::NotBeforeRuling {
            status: case.status,
        });
    }
    if case.charges == 0 {
        return Err(SummonsError::NoCharges);
    }
    if session_on < today {
        return Err(SummonsError::SessionPast { session_on, today });
    }
    if session_on.is_friday() || holidays.contains(&session_on) {
        return Err(SummonsError::SessionOnHoliday { session_on });
    }
    let defence_due = defence_deadline(today, holidays)?;
    if session_on <= defence_due {
        return Err(SummonsError::SessionTooSoon {
            session_on,
            defence_due,
            earliest: earliest_session(today, holidays)?,
        });
    }
    Ok(defence_due)
}

/// Whether the summons may be recorded as served on `served_on`, and what it starts: not
/// twice, not before it was issued, not in the future, not after the session.
pub fn check_service(
    summons: &SummonsFacts,
    served_on: JalaliDate,
    today: JalaliDate,
    holidays: &[JalaliDate],
) -> Result<AfterSummonsService, SummonsError> {
    if let Some(served_on) = summons.served_on {
        return Err(SummonsError::AlreadyServed { served_on });
    }
    if served_on < summons.issued_on {
        return Err(SummonsError::ServedBeforeIssue {
            served_on,
            issued_on: summons.issued_on,
        });
    }
    if served_on > today {
        return Err(SummonsError::InFuture {
            what: "ابلاغ",
            on: served_on,
        });
    }
    if served_on > summons.session_on {
        return Err(SummonsError::ServedAfterSession {
            served_on,
            session_on: summons.session_on,
        });
    }
    let defence_due = defence_deadline(served_on, holidays)?;
    Ok(AfterSummonsService {
        defence_due,
        session_too_soon: summons.session_on <= defence_due,
    })
}

/// Whether the defence may be recorded as received on `received_on`; answers whether it came
/// late (after the last day to defend). Refused when the summons was not served, the defence
/// is on record already, it is dated before the service or in the future, or after the
/// ruling was signed (`ruling_signed_on`).
pub fn check_defence(
    summons: &SummonsFacts,
    received_on: JalaliDate,
    today: JalaliDate,
    ruling_signed_on: Option<JalaliDate>,
    holidays: &[JalaliDate],
) -> Result<bool, SummonsError> {
    let served_on = summons.served_on.ok_or(SummonsError::NotServed)?;
    if let Some(received_on) = summons.defence_received_on {
        return Err(SummonsError::DefenceAlreadyReceived { received_on });
    }
    if received_on < served_on {
        return Err(SummonsError::DefenceBeforeService {
            received_on,
            served_on,
        });
    }
    if received_on > today {
        return Err(SummonsError::InFuture {
            what: "دریافت دفاعیه",
            on: received_on,
        });
    }
    if let Some(signed_on) = ruling_signed_on
        && received_on > signed_on
    {
        return Err(SummonsError::DefenceAfterRuling {
            received_on,
            signed_on,
        });
    }
    Ok(received_on > defence_deadline(served_on, holidays)?)
}

/// «ده (۱۰)»: the defence days as documents word them.
pub fn defence_days_fa() -> String {
    format!("ده ({})", to_persian_digits(&DEFENCE_DAYS.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> JalaliDate {
        JalaliDate::parse(s).unwrap()
    }

    fn case() -> CaseForSummons {
        CaseForSummons {
            status: CaseStatus::Scheduled,
            charges: 1,
            ruling_signed: false,
        }
    }

    #[test]
    fn the_earliest_session_follows_the_ten_days() {
        // 1405/09/02 is a Monday; ten days later, 1405/09/12, is a Thursday; the day after
        // is a Friday, when the board does not sit.
        assert_eq!(
            defence_deadline(d("1405/09/02"), &[]).unwrap(),
            d("1405/09/12")
        );
        assert_eq!(
            earliest_session(d("1405/09/02"), &[]).unwrap(),
            d("1405/09/14")
        );
        assert!(check_issue(&case(), d("1405/09/12"), d("1405/09/02"), &[]).is_err());
        assert_eq!(
            check_issue(&case(), d("1405/09/14"), d("1405/09/02"), &[]),
            Ok(d("1405/09/12"))
        );
    }

    #[test]
    fn a_late_service_is_kept_and_flagged() {
        let s = SummonsFacts {
            issued_on: d("1405/09/02"),
            session_on: d("1405/09/15"),
            served_on: None,
            defence_received_on: None,
        };
        let after = check_service(&s, d("1405/09/06"), d("1405/09/06"), &[]).unwrap();
        assert_eq!(after.defence_due, d("1405/09/16"));
        assert!(after.session_too_soon);
    }
}
