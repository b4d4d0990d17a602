//! The board's procedural rules, once the charges are framed: who may appeal a ruling and
//! until when (Art 33; Civil Procedure Code Arts 443–445), when a ruling is final, how a case
//! moves (DOMAIN.md, "How a case moves"), and how the session's votes are read (Arts 27–28,
//! 31–32).
//!
//! Pure: no I/O and no clock. Dates and holidays are arguments; the store and the shell
//! gather the facts, ask these functions, and write what they answer. Every refusal is a
//! [`ProceedingError`] whose message is a Persian sentence saying what to fix.

#[macro_use]
mod vocabulary;
mod access;
mod deliberation;
pub mod docket;
pub mod qualifications;
pub mod summons;
pub mod suspension;

pub use access::{AccessError, Action, Caller, Role, Scope};
pub use deliberation::{
    CastVote, Question, RulingSeed, Verdict, check_grade, grade_choice, grade_in, is_yes, majority,
    questions_for, seed_ruling,
};
pub use docket::{Docket, DocketCase, DocketEntry, DocketError, check_docket_case, open_sitting};
pub use qualifications::{Condition, check_condition, qualification_conditions};
pub use suspension::{
    LaterConviction, SuspensionState, SuspensionTerm, check_close, check_revocation,
    suspension_state, suspension_term,
};
pub use vocabulary::{
    AppealResult, ComplaintSource, HolderWas, Party, QuestionKind, RulingOutcome, RulingStatus,
    ServiceMethod, Stage,
};

/// Days to appeal from notification (Arts 33, 45).
pub use crate::engine::APPEAL_DAYS;

use crate::date::{DateError, JalaliDate};
use crate::session::SessionError;
use crate::status::CaseStatus;
use crate::{engine, to_persian_digits};
use serde::{Deserialize, Serialize};

fn fa(n: u8) -> String {
    to_persian_digits(&n.to_string())
}

/// Why a step of the proceedings is refused. Each message says what to fix and, where a rule
/// refuses it, cites the article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProceedingError {
    /// Only a signed ruling is served or appealed.
    #[error("رأی امضاشده‌ای در این پرونده نیست؛ پیش‌نویس ابلاغ نمی‌شود. نخست رأی را امضا کنید.")]
    NotSigned,
    #[error(
        "تاریخ ابلاغ پیش از امضای رأی ({}) است؛ رأی پس از امضا ابلاغ می‌شود. تاریخ را بازبینی کنید.",
        signed_on.format_fa()
    )]
    ServedBeforeSigning { signed_on: JalaliDate },
    #[error("رأی هیأت تجدیدنظر قطعی است و از آن تجدیدنظر خواسته نمی‌شود (مواد ۲۴ و ۳۳).")]
    AppealStageFinal,
    #[error("این رأی قطعی است: محکومیت به درجه‌های ۱ تا ۳ قابل تجدیدنظر نیست (مادهٔ ۳۳).")]
    LowGradeFinal { grade: u8 },
    #[error("از رأی برائت تنها رئیس مرکز می‌تواند تجدیدنظر بخواهد (مادهٔ ۳۳).")]
    AcquittalOnlyByHead,
    #[error(
        "این رأی قطعی است: تنها برائت در تخلف‌های درجهٔ ۵ تا ۷ قابل تجدیدنظرخواهی رئیس مرکز است (مادهٔ ۳۳)."
    )]
    AcquittalBelowFive,
    #[error("این رأی محکومیت نیست و تجدیدنظر از آن پیش‌بینی نشده است (مادهٔ ۳۳).")]
    NotAConviction,
    #[error(
        "شاکی نمی‌تواند از رأی تجدیدنظر بخواهد؛ تجدیدنظرخواهی از آنِ مدیر دفتر و رئیس مرکز است (مادهٔ ۳۳)."
    )]
    ComplainantMayNotAppeal,
    /// Anything else Art 33 does not open to appeal (a conviction with no grade recorded, a
    /// mixed ruling, an appeal board's outcome on a first-instance ruling).
    #[error(
        "این رأی قابل تجدیدنظر نیست: تنها محکومیت بدوی به درجه‌های ۴ تا ۷ و برائت در تخلف‌های درجهٔ ۵ تا ۷ قابل تجدیدنظر است (مادهٔ ۳۳). نتیجه و درجهٔ رأی را بازبینی کنید."
    )]
    NotAppealable,
    #[error("ابلاغ رأی به {} ثبت نشده است؛ نخست ابلاغ را ثبت کنید.", appellant.short_fa())]
    NotServed { appellant: Party },
    #[error("تاریخ تجدیدنظرخواهی پیش از ابلاغ رأی است؛ تاریخ را بازبینی کنید.")]
    FiledBeforeService,
    #[error(
        "تجدیدنظرخواهی خارج از مهلت است: مهلت بیست‌روزه از ابلاغ {} در {} به پایان رسیده است (مادهٔ ۳۳).",
        notified_on.format_fa(),
        deadline.format_fa()
    )]
    Late {
        notified_on: JalaliDate,
        deadline: JalaliDate,
    },
    #[error(
        "تأیید رأی بدوی با تصمیمی جز تصمیم بدوی ممکن نیست؛ اگر درجه یا نتیجه تغییر می‌کند «اصلاح» یا «نقض» را برگزینید."
    )]
    ConfirmedButChanged,
    #[error("رأی اصلاحی باید تصمیم بدوی را تغییر دهد؛ اگر همان است «تأیید» را برگزینید.")]
    ModifiedButSame,
    #[error("موتور قواعد درجه‌ای برای این پرونده نیافت.")]
    NoGradeRange,
    #[error(
        "رأی «{choice}» درجه‌ای از مادهٔ ۲۹ نیست؛ به پرسش درجه با «درجهٔ ۱» تا «درجهٔ ۷» رأی دهید."
    )]
    NotAGrade { choice: String },
    #[error(
        "درجهٔ {} در این پرونده مجاز نیست: مقررات درجهٔ {} تا {} را روا می‌دارد (مواد ۳۲، ۴۳ و ۴۴ آیین‌نامهٔ ۱۴۰۱ و بند مربوط از مواد ۳۴ تا ۴۱).",
        fa(*grade),
        fa(*lowest),
        fa(*highest)
    )]
    GradeNotAllowed { grade: u8, lowest: u8, highest: u8 },
    #[error("رئیس هیأت باید یکی از دو عضو قاضیِ حاضر در جلسه باشد (ماده ۲۶).")]
    ChairNotSittingJudge,
    #[error(
        "«{id}» از شرایط مواد ۹ تا ۱۱ آیین‌نامهٔ ۱۴۰۱ نیست؛ شرطی را برگزینید که مدیر از دست داده یا نداشته است (مادهٔ ۴۵)."
    )]
    NotACondition { id: String },
    #[error("مدت تعلیق تعقیب در رأی یک یا دو سال نیست؛ تعلیق تعقیب یک تا دو سال است (مادهٔ ۳۱).")]
    SuspensionYears,
    #[error(
        "این پرونده در وضعیت «تعلیق تعقیب» نیست؛ قرار تعلیقی برای لغو یا بایگانی ندارد (مادهٔ ۳۱)."
    )]
    NotSuspended,
    #[error(
        "قرار تعلیق تنها وقتی لغو می‌شود که مدیر برای تخلفی که در مدت تعلیق ({} تا {}) مرتکب شده محکومیت قطعی یافته باشد (مادهٔ ۳۱)؛ چنین محکومیتی در پرونده‌های او ثبت نشده است.",
        ordered_on.format_fa(),
        ends_on.format_fa()
    )]
    NothingRevokes {
        ordered_on: JalaliDate,
        ends_on: JalaliDate,
    },
    #[error(
        "تاریخ لغو پیش از قرار تعلیق ({}) است؛ تاریخ را بازبینی کنید.",
        ordered_on.format_fa()
    )]
    RevokedBeforeOrder { ordered_on: JalaliDate },
    #[error(
        "مدت تعلیق تعقیب تا {} ادامه دارد؛ پرونده پس از پایان آن بایگانی می‌شود (مادهٔ ۳۱).",
        ends_on.format_fa()
    )]
    SuspensionRuns { ends_on: JalaliDate },
    #[error(
        "مدیر برای تخلفی در مدت تعلیق محکومیت قطعی یافته است؛ قرار تعلیق باید لغو و به موضوع رسیدگی شود، نه آنکه پرونده بایگانی شود (مادهٔ ۳۱)."
    )]
    SuspensionToRevoke,
    #[error(
        "تعقیب این پرونده معلق است (مادهٔ ۳۱)؛ تا قرار تعلیق لغو نشده، به موضوع رسیدگی و جلسه‌ای برای آن ثبت نمی‌شود. اگر محکومیت قطعی تازه‌ای در مدت تعلیق هست، نخست قرار را لغو کنید."
    )]
    SuspendedNotHeard,
    /// The session cannot sit, or a vote cannot be counted (Arts 26–28).
    #[error(transparent)]
    Session(#[from] SessionError),
    /// A sitting's docket, or a recusal on one of its cases, is refused.
    #[error(transparent)]
    Docket(#[from] DocketError),
    /// A summons, its service or the defence refused (`summons`).
    #[error(transparent)]
    Summons(#[from] summons::SummonsError),
    /// A date the deadline cannot be computed from.
    #[error(transparent)]
    Date(#[from] DateError),
}

/// What the rules of appeal and finality read of a ruling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RulingFacts {
    pub stage: Stage,
    pub status: RulingStatus,
    pub outcome: Option<RulingOutcome>,
    /// The penalty's grade (Art 29), for a conviction.
    pub grade: Option<u8>,
    /// For an acquittal: the highest grade the charges carried ([`charge_grade`]); for a
    /// conviction on some charges, the highest grade of the charges acquitted.
    pub acquitted_charge_grade: Option<u8>,
    pub signed_on: Option<JalaliDate>,
    /// The code that judged the case (as the engine said when it was drafted); `None` reads
    /// as the 1401 code.
    pub regulation: Option<engine::Code>,
}

/// A session hears the case: refused while its prosecution is suspended (Art 31): the board
/// hears the matter only once it has revoked the order.
pub fn check_hearing(status: crate::CaseStatus) -> Result<(), ProceedingError> {
    if status == crate::CaseStatus::Suspended {
        return Err(ProceedingError::SuspendedNotHeard);
    }
    Ok(())
}

/// Whether `party` may appeal the ruling (Art 33): a first-instance conviction of grades 4–7
/// by the manager or the head of the Center; an acquittal on a charge of grades 5–7 by the
/// head of the Center only (also beside a conviction on other charges); a licence revoked under Art 45 by either. Nothing else, and never
/// an appeal board's ruling.
///
/// Under the older codes: 1396 Art 36 — the manager may appeal grades 5–6, and the head of the
/// Center every first-instance ruling; 1392 Art 24 — grades 5–6 by the manager or the head of
/// the Center, the rest final (reading `1392-art24-rest`: an acquittal is final).
pub fn appealable_by(ruling: &RulingFacts, party: Party) -> bool {
    if ruling.stage != Stage::FirstInstance {
        return false;
    }
    let convicted_5_6 = ruling.outcome == Some(RulingOutcome::Conviction)
        && ruling.grade.is_some_and(|g| (5..=6).contains(&g));
    match ruling.regulation {
        Some(engine::Code::V1396) => match party {
            Party::Manager => convicted_5_6,
            Party::CenterHead => ruling.outcome.is_some(),
            _ => false,
        },
        Some(engine::Code::V1392) => convicted_5_6 && party.may_ever_appeal(),
        _ => appealable_by_1401(ruling, party),
    }
}

/// Art 33 of the 1401 code.
fn appealable_by_1401(ruling: &RulingFacts, party: Party) -> bool {
    ruling.stage == Stage::FirstInstance
        && match (ruling.outcome, ruling.grade) {
            // A conviction on some charges may come with an acquittal on others: the head of
            // the Center may appeal that acquittal when its charge carried grades 5–7.
            (Some(RulingOutcome::Conviction), Some(g)) => {
                ((4..=7).contains(&g) && party.may_ever_appeal())
                    || (party == Party::CenterHead
                        && ruling.acquitted_charge_grade.is_some_and(|g| g >= 5))
            }
            // Art 45: the licence revoked for lost qualifications (a conviction with no grade
            // of Art 29) is appealable within 20 days; the text names no appellant, read as
            // Art 33 reads: the manager or the head of the Center.
            (Some(RulingOutcome::Conviction), None) => party.may_ever_appeal(),
            (Some(RulingOutcome::Acquittal), _) => {
                party == Party::CenterHead && ruling.acquitted_charge_grade.is_some_and(|g| g >= 5)
            }
            _ => false,
        }
}

/// Whether no one may appeal the ruling: it is final once served (Art 33).
pub fn nobody_may_appeal(ruling: &RulingFacts) -> bool {
    !appealable_by(ruling, Party::Manager) && !appealable_by(ruling, Party::CenterHead)
}

/// The highest grade the charges carry, as the engine read them: what an acquittal is weighed
/// by for appeal (Art 33). A charge whose grade the board chooses counts at the top of its
/// range.
pub fn charge_grade(suggestion: &engine::Suggestion) -> Option<u8> {
    suggestion
        .charges
        .iter()
        .map(|c| c.grade.unwrap_or(c.grade_range[1]))
        .max()
}

/// The last day to appeal a ruling served on `notified_on`: 20 days not counting the day of
/// service (CPC Art 445), moved past Fridays and `holidays` (CPC Art 444; Art 33).
pub fn appeal_deadline(
    notified_on: JalaliDate,
    holidays: &[JalaliDate],
) -> Result<JalaliDate, DateError> {
    engine::appeal_deadline(notified_on, APPEAL_DAYS, holidays)
}

/// A service of the ruling on a party, on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Service {
    pub to: Party,
    pub on: JalaliDate,
}

/// What a service starts (Art 33).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum AfterService {
    /// No one may appeal: the ruling is final once served.
    FinalNow,
    /// The 20 days run: until `deadline` for this recipient if he may appeal; `None` when he
    /// may not (the complainant, or the manager served an acquittal).
    Runs { deadline: Option<JalaliDate> },
}

/// Whether the ruling may be served on `notified_on`: a signed ruling, on or after the day it
/// was signed.
pub fn check_service(ruling: &RulingFacts, notified_on: JalaliDate) -> Result<(), ProceedingError> {
    if ruling.status == RulingStatus::Draft {
        return Err(ProceedingError::NotSigned);
    }
    match ruling.signed_on {
        Some(signed_on) if notified_on < signed_on => {
            Err(ProceedingError::ServedBeforeSigning { signed_on })
        }
        _ => Ok(()),
    }
}

/// What serving the ruling on `recipient` on `on` starts (Art 33): what no one may appeal is
/// final at once; otherwise the 20 days run for whoever may appeal, from his own service.
pub fn after_service(
    ruling: &RulingFacts,
    recipient: Party,
    on: JalaliDate,
    holidays: &[JalaliDate],
) -> Result<AfterService, ProceedingError> {
    check_service(ruling, on)?;
    if nobody_may_appeal(ruling) {
        return Ok(AfterService::FinalNow);
    }
    let deadline = match appealable_by(ruling, recipient) {
        true => Some(appeal_deadline(on, holidays)?),
        false => None,
    };
    Ok(AfterService::Runs { deadline })
}

/// The day the ruling was first served on `party`.
fn first_service(services: &[Service], party: Party) -> Option<JalaliDate> {
    services
        .iter()
        .filter(|s| s.to == party)
        .map(|s| s.on)
        .min()
}

/// Whether `appellant` may appeal the ruling on `filed_on` (Art 33), and if so the last day
/// he had. Refused, in this order: an appeal board's ruling; a conviction of grades 1–3; an
/// acquittal appealed by anyone but the head of the Center, or on a charge below grade 5; a
/// ruling that is no conviction (barred, suspended prosecution); the complainant; anything
/// else Art 33 does not open; a ruling not served on the appellant; an appeal dated before
/// the service; an appeal after the 20 days from his first service.
pub fn check_appeal(
    ruling: &RulingFacts,
    appellant: Party,
    services: &[Service],
    filed_on: JalaliDate,
    holidays: &[JalaliDate],
) -> Result<JalaliDate, ProceedingError> {
    use RulingOutcome as O;
    if ruling.status == RulingStatus::Draft {
        return Err(ProceedingError::NotSigned);
    }
    if ruling.stage == Stage::Appeal {
        return Err(ProceedingError::AppealStageFinal);
    }
    match (ruling.outcome, ruling.grade) {
        (Some(O::Conviction), Some(grade)) if grade < 4 => {
            return Err(ProceedingError::LowGradeFinal { grade });
        }
        (Some(O::Acquittal), _) if appellant != Party::CenterHead => {
            return Err(ProceedingError::AcquittalOnlyByHead);
        }
        (Some(O::Acquittal), _) if !appealable_by(ruling, Party::CenterHead) => {
            return Err(ProceedingError::AcquittalBelowFive);
        }
        (Some(O::Barred | O::SuspendedProsecution), _) => {
            return Err(ProceedingError::NotAConviction);
        }
        _ => {}
    }
    if !appellant.may_ever_appeal() {
        return Err(ProceedingError::ComplainantMayNotAppeal);
    }
    if !appealable_by(ruling, appellant) {
        return Err(ProceedingError::NotAppealable);
    }
    let notified_on =
        first_service(services, appellant).ok_or(ProceedingError::NotServed { appellant })?;
    if filed_on < notified_on {
        return Err(ProceedingError::FiledBeforeService);
    }
    let deadline = appeal_deadline(notified_on, holidays)?;
    if filed_on > deadline {
        return Err(ProceedingError::Late {
            notified_on,
            deadline,
        });
    }
    Ok(deadline)
}

/// Whether a signed ruling has become final by `today` (Art 33): no appeal was filed in time
/// and either no one may appeal it and it was served, or everyone who may appeal was served
/// and the 20 days from each one's first service ended before `today`.
pub fn is_final_by(
    ruling: &RulingFacts,
    services: &[Service],
    appealed_in_time: bool,
    holidays: &[JalaliDate],
    today: JalaliDate,
) -> bool {
    final_from(ruling, services, appealed_in_time, holidays).is_some_and(|day| day <= today)
}

/// The first day a signed ruling is final if nothing changes (Art 33): the day of its first
/// service when no one may appeal it; otherwise the day after the last of the appeal periods
/// of everyone who may appeal, each from his first service. `None` while it is not signed,
/// was appealed in time, or someone who may appeal has not been served. What
/// [`is_final_by`] compares with its day, and what the store keeps for the desk.
pub fn final_from(
    ruling: &RulingFacts,
    services: &[Service],
    appealed_in_time: bool,
    holidays: &[JalaliDate],
) -> Option<JalaliDate> {
    if ruling.status != RulingStatus::Signed || appealed_in_time {
        return None;
    }
    if nobody_may_appeal(ruling) {
        return services.iter().map(|s| s.on).min();
    }
    let mut last: Option<JalaliDate> = None;
    for party in [Party::Manager, Party::CenterHead] {
        if !appealable_by(ruling, party) {
            continue;
        }
        let deadline = appeal_deadline(first_service(services, party)?, holidays).ok()?;
        last = Some(last.map_or(deadline, |l| l.max(deadline)));
    }
    last?.add_days(1).ok()
}

/// The statuses a case passes through to go from `from` to `to` by the fewest allowed steps
/// ([`CaseStatus::may_move_to`]): the steps after `from`, ending with `to`. Empty when the
/// case is already there or cannot reach `to` (it is past it, or on another branch). A
/// suspended prosecution (Art 31) is left only by the board's own act (revoked or closed,
/// [`suspension`]), never on the way to somewhere else: from it, and through it, no path.
pub fn path_to(from: CaseStatus, to: CaseStatus) -> Vec<CaseStatus> {
    if from == to || from == CaseStatus::Suspended {
        return Vec::new();
    }
    let mut paths = std::collections::VecDeque::from([vec![from]]);
    let mut seen = vec![from];
    while let Some(path) = paths.pop_front() {
        let last = *path.last().unwrap_or(&from);
        if last == to {
            return path[1..].to_vec();
        }
        for next in CaseStatus::ALL {
            let through_suspension = last == CaseStatus::Suspended;
            if last.may_move_to(next) && !seen.contains(&next) && !through_suspension {
                seen.push(next);
                let mut longer = path.clone();
                longer.push(next);
                paths.push_back(longer);
            }
        }
    }
    Vec::new()
}

/// Whether the appeal board's `result` agrees with what it `decided` against the
/// first-instance grade (Art 33): confirming keeps the decision, modifying changes it.
pub fn check_appeal_result(
    result: AppealResult,
    decided: Option<u8>,
    first_grade: Option<u8>,
) -> Result<(), ProceedingError> {
    match result {
        AppealResult::Confirmed if decided != first_grade => {
            Err(ProceedingError::ConfirmedButChanged)
        }
        AppealResult::Modified if decided == first_grade => Err(ProceedingError::ModifiedButSame),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus::*;

    fn d(s: &str) -> JalaliDate {
        JalaliDate::parse(s).unwrap()
    }

    fn conviction(grade: u8) -> RulingFacts {
        RulingFacts {
            stage: Stage::FirstInstance,
            status: RulingStatus::Signed,
            outcome: Some(RulingOutcome::Conviction),
            grade: Some(grade),
            acquitted_charge_grade: None,
            regulation: None,
            signed_on: Some(d("1403/07/01")),
        }
    }

    #[test]
    fn path_to_takes_the_fewest_allowed_steps() {
        assert_eq!(path_to(Registered, Heard), vec![Scheduled, Heard]);
        assert_eq!(path_to(InReview, Decided), vec![Scheduled, Heard, Decided]);
        assert_eq!(path_to(Decided, Final), vec![Notified, Final]);
        assert_eq!(
            path_to(Heard, AppealDecided),
            vec![Decided, Notified, Appealed, AppealDecided]
        );
        assert_eq!(path_to(Notified, Appealed), vec![Appealed]);
        // An adjourned session goes back to scheduled.
        assert_eq!(path_to(Heard, Scheduled), vec![Scheduled]);
    }

    #[test]
    fn path_to_is_empty_when_there_or_unreachable() {
        assert!(path_to(Notified, Notified).is_empty());
        assert!(path_to(Scheduled, Scheduled).is_empty());
        // Past it, or on the other branch.
        assert!(path_to(Final, Notified).is_empty());
        assert!(path_to(Final, Appealed).is_empty());
        assert!(path_to(Appealed, Final).is_empty());
        assert!(path_to(Notified, InReview).is_empty());
        // A suspended prosecution is left only by the board's act (Art 31).
        assert!(path_to(Suspended, Heard).is_empty());
        assert!(path_to(Suspended, Final).is_empty());
        assert_eq!(path_to(Notified, Suspended), vec![Suspended]);
        assert_eq!(path_to(Decided, Final), vec![Notified, Final]);
    }

    #[test]
    fn every_path_is_made_of_allowed_steps() {
        for from in CaseStatus::ALL {
            for to in CaseStatus::ALL {
                let path = path_to(from, to);
                let mut at = from;
                for &step in &path {
                    assert!(at.may_move_to(step), "{from:?} → {to:?}: {path:?}");
                    at = step;
                }
                if !path.is_empty() {
                    assert_eq!(at, to);
                }
            }
        }
    }

    #[test]
    fn appeal_results_against_the_first_grade() {
        use AppealResult::*;
        assert_eq!(check_appeal_result(Confirmed, Some(5), Some(5)), Ok(()));
        assert_eq!(
            check_appeal_result(Confirmed, Some(4), Some(5)),
            Err(ProceedingError::ConfirmedButChanged)
        );
        assert_eq!(
            check_appeal_result(Modified, Some(5), Some(5)),
            Err(ProceedingError::ModifiedButSame)
        );
        assert_eq!(check_appeal_result(Modified, Some(4), Some(5)), Ok(()));
        assert_eq!(check_appeal_result(Reversed, None, Some(5)), Ok(()));
    }

    #[test]
    fn service_of_a_draft_or_before_signing_is_refused() {
        let mut draft = conviction(5);
        draft.status = RulingStatus::Draft;
        let err = check_service(&draft, d("1403/07/10")).unwrap_err();
        assert!(err.to_string().contains("پیش‌نویس ابلاغ نمی‌شود"), "{err}");
        let err = check_service(&conviction(5), d("1403/06/30")).unwrap_err();
        assert!(err.to_string().contains("۱۴۰۳/۰۷/۰۱"), "{err}");
        assert_eq!(check_service(&conviction(5), d("1403/07/01")), Ok(()));
    }

    #[test]
    fn messages_are_one_persian_line() {
        let late = ProceedingError::Late {
            notified_on: d("1403/07/10"),
            deadline: d("1403/07/30"),
        };
        assert_eq!(
            late.to_string(),
            "تجدیدنظرخواهی خارج از مهلت است: مهلت بیست‌روزه از ابلاغ ۱۴۰۳/۰۷/۱۰ در ۱۴۰۳/۰۷/۳۰ به پایان رسیده است (مادهٔ ۳۳)."
        );
        let grade = ProceedingError::GradeNotAllowed {
            grade: 2,
            lowest: 3,
            highest: 5,
        };
        assert!(
            grade
                .to_string()
                .starts_with("درجهٔ ۲ در این پرونده مجاز نیست: مقررات درجهٔ ۳ تا ۵")
        );
        assert_eq!(
            ProceedingError::NotServed {
                appellant: Party::CenterHead
            }
            .to_string(),
            "ابلاغ رأی به رئیس مرکز ثبت نشده است؛ نخست ابلاغ را ثبت کنید."
        );
    }
}
