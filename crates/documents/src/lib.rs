//! The documents of a case, composed from what the store holds and checked against the rules
//! engine: the ruling as the board drafted it ([`draft_ruling`]), the session's minutes
//! ([`minutes`]) and a notification slip ([`notice`]); and where they are saved
//! ([`save`]). The app and the `heyat` command print through here, so both print the same.

use heyat_core::board::{BoardKind, MemberKind, Seat};
use heyat_core::date::JalaliDate;
use heyat_core::engine;
use heyat_core::proceedings::{
    self as p, AppealResult, HolderWas, Party, RulingOutcome, RulingStatus, ServiceMethod, Stage,
    Verdict,
};
use heyat_core::to_persian_digits as fa;
use heyat_render as r;
use heyat_store::{BoardSummary, CaseFile, NewRuling, Store, StoreError};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

mod batch;
pub mod demo;
pub mod package;
mod ranking;
mod seal;
pub use batch::{BatchReport, reprint_sealed};
pub use ranking::{ranking_file, ranking_report, report_input as ranking_input};
pub use seal::{
    KeysFile, Signer, VerifyReport, moment_fa, read_keys_file, save_sealed, sign_ruling,
    signed_ruling_file, trusted_keys_file, verify_pdf,
};

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// What the board asked for cannot be written: the message says what to fix.
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Render(#[from] r::RenderError),
    #[error("{0}")]
    Io(String),
}

fn refused(message: impl Into<String>) -> DocumentError {
    DocumentError::Refused(message.into())
}

impl From<p::ProceedingError> for DocumentError {
    fn from(e: p::ProceedingError) -> Self {
        DocumentError::Store(e.into())
    }
}

impl From<heyat_core::date::DateError> for DocumentError {
    fn from(e: heyat_core::date::DateError) -> Self {
        refused(e.to_string())
    }
}

/// The ruling as the board drafts it in the case file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RulingDraft {
    /// A bar comes from the engine, whatever is chosen here.
    pub verdict: Verdict,
    pub grade: Option<u8>,
    /// For a suspension: its months, within the judging code's term (1401 grade 5: 3–12,
    /// grade 6: 13–36; 1396/1392 grade 5: 3–24).
    pub suspension_months: Option<u32>,
    /// For a suspended prosecution: 1 or 2 years (Art 31).
    pub suspension_years: Option<u8>,
    pub session_date: String,
    pub complaint_summary: String,
    pub defence_summary: String,
    /// The board's reasoning, one paragraph per line.
    pub reasoning: String,
    /// A dissenting member's opinion, with the seat where he sat.
    pub dissent_seat: Option<Seat>,
    pub dissent: Option<String>,
    /// An appeal board's result on the first-instance ruling (Art 33).
    #[serde(default)]
    pub appeal_result: Option<AppealResult>,
    /// With a penalty: the charges (their ids) the board found not established, acquitting
    /// the manager of them and convicting him of the rest (seeded from the guilt votes,
    /// `RulingSeed.acquitted_charges`).
    #[serde(default)]
    pub acquitted_charges: Vec<i64>,
    /// With a licence revocation (Art 45): the conditions of Arts 9–11 the manager lost or
    /// never had, by id (`1401:9:d`).
    #[serde(default)]
    pub qualifications: Vec<String>,
}

/// A ruling composed and checked: what the preview and the print typeset, and the draft
/// the store keeps.
pub struct Drafted {
    pub input: r::RulingInput,
    /// Typeset with the appeal board's template.
    pub appeal: bool,
    pub record: NewRuling,
    pub file_name: String,
}

/// A document saved in the data folder's `documents/`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Saved {
    pub path: String,
    pub pages: u32,
    pub bytes: u32,
    /// The verification code printed under the QR code.
    pub verification_code: String,
}

/// Saves a typeset document as `documents/NAME` under `data_dir`.
pub fn save(data_dir: &Path, name: &str, rendered: r::Rendered) -> Result<Saved, DocumentError> {
    let dir = data_dir.join("documents");
    std::fs::create_dir_all(&dir)
        .map_err(|e| DocumentError::Io(format!("پوشهٔ اسناد ساخته نشد: {e}")))?;
    let path = dir.join(name);
    std::fs::write(&path, &rendered.pdf)
        .map_err(|e| DocumentError::Io(format!("PDF نوشته نشد: {e}")))?;
    Ok(Saved {
        path: path.display().to_string(),
        pages: rendered.pages as u32,
        bytes: rendered.pdf.len() as u32,
        verification_code: rendered.verification.map(|v| v.code).unwrap_or_default(),
    })
}

fn hearing_board<'a>(
    boards: &'a [BoardSummary],
    file: &CaseFile,
) -> Result<&'a BoardSummary, DocumentError> {
    boards
        .iter()
        .find(|b| b.id == file.case.board_id)
        .ok_or_else(|| refused("هیأت رسیدگی‌کنندهٔ این پرونده یافت نشد."))
}

fn letterhead(board: &BoardSummary) -> r::Board {
    r::Board {
        name: board.name.clone(),
        level: match BoardKind::from_code(&board.kind) {
            Some(BoardKind::Appeal) => r::BoardLevel::Appeal,
            _ => r::BoardLevel::FirstInstance,
        },
    }
}

fn seat_of(kind: &str) -> MemberKind {
    MemberKind::from_code(kind).unwrap_or(MemberKind::KanoonRep)
}

fn day(iso: &str) -> Result<JalaliDate, DocumentError> {
    Ok(JalaliDate::parse_iso(iso)?)
}

/// What a signed ruling decided, in a sentence (for notices and the appeal ruling).
pub fn decided_fa(outcome: Option<RulingOutcome>, grade: Option<i64>) -> String {
    use RulingOutcome::*;
    match (outcome, grade) {
        (Some(Conviction | Modified | Confirmed), Some(g)) => {
            format!(
                "محکومیت مدیر دفتر به مجازات انتظامی درجهٔ {}",
                fa(&g.to_string())
            )
        }
        // Art 45: the store keeps a revocation as a conviction with no grade.
        (Some(Conviction), None) => "لغو پروانهٔ دفتر به سبب فقدان شرایط (مادهٔ ۴۵)".to_owned(),
        (Some(Acquittal), _) => "برائت مدیر دفتر".to_owned(),
        (Some(SuspendedProsecution), _) => "تعلیق تعقیب".to_owned(),
        (Some(Reversed), _) => "نقض رأی بدوی".to_owned(),
        _ => "موقوفی تعقیب".to_owned(),
    }
}

/// The typst input for the case's ruling as drafted, checked against the engine run on the
/// case as recorded (the manager's record, holidays and facts included): a grade the code
/// does not allow is refused with the article that bounds it.
pub async fn draft_ruling(
    store: &Store,
    case_id: i64,
    draft: &RulingDraft,
) -> Result<Drafted, DocumentError> {
    let file = store.case_file(case_id).await?;
    let boards = store.boards().await?;
    let board = hearing_board(&boards, &file)?;
    let stage = match BoardKind::from_code(&board.kind) {
        Some(BoardKind::Appeal) => Stage::Appeal,
        _ => Stage::FirstInstance,
    };
    if file
        .rulings
        .iter()
        .any(|x| x.stage == stage && x.status != RulingStatus::Draft)
    {
        return Err(StoreError::SignedRuling.into());
    }
    if draft.reasoning.trim().is_empty() {
        return Err(refused(
            "استدلال هیأت خالی است؛ رأی باید مستدل باشد (مادهٔ ۲۷). دلایل را بنویسید.",
        ));
    }
    let session_date =
        JalaliDate::parse(&draft.session_date).map_err(|e| refused(format!("تاریخ جلسه: {e}")))?;
    let mut case = store.engine_case(case_id, session_date).await?;
    // The engine reads the charges in the store's order (both by id): a charge's index there
    // is its place in `file.charges`.
    let acquitted: Vec<usize> = draft
        .acquitted_charges
        .iter()
        .map(|id| {
            file.charges
                .iter()
                .position(|c| c.id == *id)
                .ok_or_else(|| {
                    refused(format!(
                        "تخلف شمارهٔ {} در این پرونده نیست.",
                        fa(&id.to_string())
                    ))
                })
        })
        .collect::<Result<_, _>>()?;
    if draft.verdict == Verdict::LicenceRevocation {
        if !file.charges.is_empty() {
            return Err(refused(
                "رأی لغو پروانه به سبب فقدان شرایط (مادهٔ ۴۵) تنها در پرونده‌ای بی‌تخلف صادر می‌شود؛ این پرونده تخلف ثبت‌شده دارد. دربارهٔ تخلف‌ها رأی دهید یا پرونده‌ای جدا برای مادهٔ ۴۵ بگشایید.",
            ));
        }
        if draft.qualifications.is_empty() {
            return Err(refused(
                "شرط یا شرایطی از مواد ۹ تا ۱۱ را که مدیر دفتر از دست داده یا از ابتدا نداشته است برگزینید (مادهٔ ۴۵).",
            ));
        }
        case.lacks_qualifications = true;
        case.lost_qualifications = draft.qualifications.clone();
    }
    let mut suggestion = heyat_store::suggest(&case)?;
    let verdict = match draft.verdict {
        _ if suggestion.outcome == engine::Outcome::Barred => r::Verdict::Barred {
            reason: match suggestion.bar.as_ref().map(|b| b.reason) {
                Some(engine::BarReason::ResJudicata) => r::BarReason::ResJudicata,
                Some(engine::BarReason::Separation) => r::BarReason::Separation,
                Some(engine::BarReason::Death) => r::BarReason::Death,
                _ => r::BarReason::Limitation,
            },
        },
        Verdict::Penalty => {
            let grade = draft
                .grade
                .ok_or_else(|| refused("درجهٔ مجازات را برگزینید."))?;
            if !acquitted.is_empty() && acquitted.len() >= file.charges.len() {
                return Err(refused(
                    "همهٔ تخلف‌ها نامحرز علامت خورده است؛ رأی محکومیت بی تخلف محرز صادر نمی‌شود. رأی برائت را برگزینید.",
                ));
            }
            // The engine weighs the convicted charges only and answers the appeal for the
            // decision as a whole (Art 33: the conviction's and the acquittals').
            case.decision = Some(engine::Decision {
                outcome: engine::DecisionOutcome::Grade(grade),
                notified_on: None,
                acquitted_charges: acquitted.clone(),
            });
            suggestion = heyat_store::suggest(&case)?;
            let range = suggestion
                .grade
                .as_ref()
                .ok_or_else(|| refused("موتور قواعد درجه‌ای برای این پرونده نیافت."))?;
            p::check_grade(range, grade)?;
            r::Verdict::Penalty {
                grade,
                suspension_months: draft.suspension_months,
            }
        }
        Verdict::Acquittal => r::Verdict::Acquittal,
        Verdict::SuspendedProsecution => {
            if !suggestion.suspension.available {
                return Err(refused(
                    "تعلیق تعقیب در این پرونده ممکن نیست: تنها تخلف‌های درجهٔ ۱ تا ۴ را می‌توان تعلیق کرد (مادهٔ ۳۱).",
                ));
            }
            r::Verdict::SuspendedProsecution {
                years: draft.suspension_years.unwrap_or(1),
            }
        }
        Verdict::LicenceRevocation => {
            let revocation = suggestion.licence_revocation.as_ref().ok_or_else(|| {
                refused("موتور قواعد لغو پروانه به استناد مادهٔ ۴۵ را برای این پرونده نیافت.")
            })?;
            r::Verdict::LicenceRevocation {
                qualifications: if revocation.qualifications.is_empty() {
                    draft.qualifications.clone()
                } else {
                    revocation.qualifications.clone()
                },
            }
        }
    };
    let decided = match &verdict {
        r::Verdict::Penalty { grade, .. } => Some(*grade),
        _ => None,
    };
    let appeal_of = match stage {
        Stage::Appeal => Some(appeal_of(store, &file, draft, decided).await?),
        Stage::FirstInstance => None,
    };
    // The appeal notice follows the decision actually taken (Art 33), from the engine.
    let appeal = match (&appeal_of, &verdict) {
        // The appeal board's ruling is final; its template says so (Arts 24, 33).
        (Some(_), _) => None,
        (None, r::Verdict::Penalty { .. }) => {
            suggestion.appeal.as_ref().map(r::AppealNotice::from_engine)
        }
        (None, r::Verdict::LicenceRevocation { .. }) => suggestion
            .licence_revocation
            .as_ref()
            .map(|l| r::AppealNotice::from_engine(&l.appeal)),
        (None, r::Verdict::Acquittal) => match p::charge_grade(&suggestion) {
            Some(g) => decision_appeal(
                &case,
                engine::DecisionOutcome::Acquitted { charge_grade: g },
            )?,
            None => None,
        },
        // 1396 Art 36: the head of the Center may appeal every first-instance ruling.
        (None, _) if suggestion.regulation == engine::Code::V1396 => Some(r::AppealNotice {
            appealable: true,
            article: "1396:36".into(),
            by: vec![r::Appellant::CenterHead],
            days: 20,
        }),
        (None, _) => Some(r::AppealNotice {
            appealable: false,
            article: suggestion.regulation.appeal_article().into(),
            by: Vec::new(),
            days: 20,
        }),
    };
    let outcome = match (&appeal_of, &verdict) {
        (Some(a), _) => RulingOutcome::from(a.result),
        (None, r::Verdict::Penalty { .. }) => RulingOutcome::Conviction,
        (None, r::Verdict::Acquittal) => RulingOutcome::Acquittal,
        (None, r::Verdict::Barred { .. }) => RulingOutcome::Barred,
        (None, r::Verdict::SuspendedProsecution { .. }) => RulingOutcome::SuspendedProsecution,
        // Art 45: the store's outcomes have no revocation; a conviction with no grade (no
        // grade of Art 29 was imposed, so it weighs in no later recidivism, Art 43).
        (None, r::Verdict::LicenceRevocation { .. }) => RulingOutcome::Conviction,
    };
    // A reprinted draft keeps its number.
    let ruling_seq = file
        .rulings
        .iter()
        .position(|x| x.status == RulingStatus::Draft)
        .unwrap_or(file.rulings.len())
        + 1;
    let input = r::RulingInput {
        board: letterhead(board),
        case_number: fa(&file.case.number),
        ruling_number: fa(&format!("{}/{}", file.case.number, ruling_seq)),
        session_date,
        office: r::Office {
            name: file.case.office_name.clone(),
            code: fa(&file.case.office_code),
            city: file.case.city.clone(),
            manager: file.case.manager_name.clone(),
        },
        complainant: file.complaints.first().map(|k| r::Complainant {
            // The ruling names the source in Persian («مراجع دفتر»), never its code.
            source: heyat_core::proceedings::ComplaintSource::from_code(&k.source)
                .map_or_else(|| k.source.clone(), |s| s.title_fa().to_owned()),
            name: k.reporter_name.clone(),
            confidential: k.reporter_confidential,
        }),
        subject: file.case.subject.clone(),
        // A ruling always says what was complained of and what the manager answered.
        complaint_summary: Some(draft.complaint_summary.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .or_else(|| file.complaints.first().map(|k| k.summary.clone()))
            .unwrap_or_else(|| file.case.subject.clone()),
        defence_summary: Some(draft.defence_summary.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| "مدیر دفتر با وجود ابلاغ، لایحهٔ دفاعیه‌ای تقدیم نکرده است.".to_owned()),
        charges: suggestion
            .charges
            .iter()
            .enumerate()
            .map(|(i, c)| r::Charge {
                violation: c.violation.clone(),
                days: c.days,
                committed_on: c.committed_on,
                established: match &verdict {
                    r::Verdict::Acquittal => false,
                    r::Verdict::Penalty { .. } => !acquitted.contains(&i),
                    _ => true,
                },
                facts: None,
            })
            .collect(),
        reasoning: draft
            .reasoning
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        steps: r::RulingInput::steps_from(&suggestion),
        citations: Vec::new(),
        regulation: Some(suggestion.regulation.id().to_owned()),
        verdict,
        appeal,
        appeal_of,
        members: signers(&file, board, draft),
        secretary: None,
    };
    let record = NewRuling {
        case_id,
        session_id: file.sessions.last().map(|s| s.id),
        stage: Some(stage),
        outcome: Some(outcome),
        grade: decided.map(i64::from),
        suspension_months: draft.suspension_months.map(i64::from),
        suspension_years: match draft.verdict {
            Verdict::SuspendedProsecution => Some(i64::from(draft.suspension_years.unwrap_or(1))),
            _ => None,
        },
        text: draft.reasoning.trim().to_owned(),
        suggestion: serde_json::to_string(&suggestion).ok(),
        drafted_on: session_date.to_iso_string(),
        content_json: Some(
            serde_json::to_string(&input)
                .map_err(|e| refused(format!("دادهٔ رأی نوشته نشد: {e}")))?,
        ),
    };
    Ok(Drafted {
        input,
        appeal: stage == Stage::Appeal,
        record,
        file_name: format!("ruling-{}-{}.pdf", file.case.number, ruling_seq),
    })
}

/// Who may appeal a decision, as the engine says for the case.
fn decision_appeal(
    case: &engine::Case,
    outcome: engine::DecisionOutcome,
) -> Result<Option<r::AppealNotice>, DocumentError> {
    let mut case = case.clone();
    case.decision = Some(engine::Decision {
        outcome,
        notified_on: None,
        acquitted_charges: Vec::new(),
    });
    let suggestion = heyat_store::suggest(&case)?;
    Ok(suggestion.appeal.map(|a| r::AppealNotice::from_engine(&a)))
}

/// Who signs: those who sat in the latest session (alternates marked), else the holders.
fn signers(file: &CaseFile, board: &BoardSummary, draft: &RulingDraft) -> Vec<r::Member> {
    let sitting: Vec<(Seat, i64, bool)> = match file.sessions.last() {
        Some(session) => session
            .attendance
            .iter()
            .map(|a| (a.seat, a.member_id, a.holder_was != HolderWas::Present))
            .collect(),
        None => board
            .seats
            .iter()
            .filter_map(|s| Seat::from_code(&s.seat).map(|seat| (seat, s.member_id)))
            .filter(|(seat, _)| !seat.is_alternate())
            .map(|(seat, id)| (seat, id, false))
            .collect(),
    };
    let chair = file.sessions.last().and_then(|s| s.chair_member_id);
    sitting
        .iter()
        .filter_map(|(seat, member_id, alternate)| {
            let s = board.seats.iter().find(|s| s.member_id == *member_id)?;
            Some(r::Member {
                name: format!("{} {}", s.first_name, s.last_name),
                seat: seat_of(&s.kind),
                chair: chair.map_or(*seat == Seat::Judge1, |c| c == *member_id),
                alternate: *alternate,
                dissent: draft
                    .dissent
                    .clone()
                    .filter(|_| draft.dissent_seat == Some(*seat)),
            })
        })
        .collect()
}

/// What the appeal ruling says of the first-instance ruling it reviews, checked against the
/// decision: confirming keeps the decision, modifying changes it (Art 33).
async fn appeal_of(
    store: &Store,
    file: &CaseFile,
    draft: &RulingDraft,
    decided: Option<u8>,
) -> Result<r::AppealOf, DocumentError> {
    let link = file.appeal_of.as_ref().ok_or_else(|| {
        refused("این پرونده به رأی بدوی‌ای پیوند ندارد؛ پروندهٔ تجدیدنظر با ثبت تجدیدنظرخواهی در پروندهٔ بدوی گشوده می‌شود.")
    })?;
    let first = store.case_file(link.id).await?;
    let (position, ruling) = first
        .rulings
        .iter()
        .enumerate()
        .rev()
        .find(|(_, x)| x.status != RulingStatus::Draft)
        .ok_or_else(|| refused("رأی امضاشده‌ای در پروندهٔ بدوی نیست."))?;
    let appeal = first
        .appeals
        .iter()
        .find(|a| a.ruling_id == ruling.id && a.in_time)
        .ok_or_else(|| refused("تجدیدنظرخواهیِ در مهلتی از رأی بدوی ثبت نشده است (مادهٔ ۳۳)."))?;
    let result = draft
        .appeal_result
        .ok_or_else(|| refused("نتیجهٔ تجدیدنظر را برگزینید: تأیید، نقض یا اصلاح رأی بدوی."))?;
    p::check_appeal_result(
        result,
        decided,
        ruling.grade.and_then(|g| u8::try_from(g).ok()),
    )?;
    let first_board = store
        .boards()
        .await?
        .into_iter()
        .find(|b| b.id == first.case.board_id)
        .map(|b| b.name)
        .unwrap_or_default();
    Ok(r::AppealOf {
        board: first_board,
        ruling_number: fa(&format!("{}/{}", first.case.number, position + 1)),
        ruling_date: day(ruling.signed_on.as_deref().unwrap_or(&ruling.drafted_on))?,
        decided: decided_fa(ruling.outcome, ruling.grade),
        appellant: appeal.appellant.title_fa().to_owned(),
        filed_on: day(&appeal.filed_on)?,
        grounds: Some(appeal.grounds.trim())
            .filter(|g| !g.is_empty())
            .unwrap_or("تجدیدنظرخواه دلیلی جز اعتراض به رأی ننوشته است.")
            .to_owned(),
        result,
    })
}

/// The minutes of a session held in the case: attendance with alternates, the chair, each
/// question with every member's vote and the majority, dissents. Answers the input and the
/// file name.
pub async fn minutes(
    store: &Store,
    case_id: i64,
    session_id: i64,
) -> Result<(r::MinutesInput, String), DocumentError> {
    let file = store.case_file(case_id).await?;
    let boards = store.boards().await?;
    let board = hearing_board(&boards, &file)?;
    let (index, session) = file
        .sessions
        .iter()
        .enumerate()
        .find(|(_, s)| s.id == session_id)
        .ok_or_else(|| refused("این جلسه در پرونده ثبت نشده است."))?;
    let person = |id: i64| {
        board.seats.iter().find(|s| s.member_id == id).map_or_else(
            || "—".to_owned(),
            |s| format!("{} {}", s.first_name, s.last_name),
        )
    };
    let holder = |seat: Seat| board.seats.iter().find(|s| s.seat == seat.code());
    let attendance = session
        .attendance
        .iter()
        .map(|a| {
            let held_by = holder(a.seat);
            let present = a.holder_was == HolderWas::Present;
            r::Attendance {
                seat: seat_of(held_by.map_or("", |h| h.kind.as_str())),
                member: held_by.map_or_else(
                    || person(a.member_id),
                    |h| format!("{} {}", h.first_name, h.last_name),
                ),
                present,
                replaced_by: (!present).then(|| person(a.member_id)),
                note: match a.holder_was {
                    HolderWas::Absent => Some("غایب".to_owned()),
                    HolderWas::Recused => Some("کناره‌گیری به سبب تعارض منافع".to_owned()),
                    HolderWas::Present => None,
                },
            }
        })
        .collect();
    let mut asked: Vec<&str> = Vec::new();
    for v in &session.votes {
        if !asked.contains(&v.question.as_str()) {
            asked.push(&v.question);
        }
    }
    let questions = asked
        .iter()
        .map(|q| {
            let votes: Vec<_> = session.votes.iter().filter(|v| v.question == *q).collect();
            let choices: Vec<&str> = votes.iter().map(|v| v.choice.as_str()).collect();
            let majority = p::majority(&choices, session.attendance.len());
            r::Question {
                text: (*q).to_owned(),
                votes: votes
                    .iter()
                    .map(|v| r::Vote {
                        member: person(v.member_id),
                        choice: match majority {
                            Some(m) if m == v.choice => r::VoteChoice::Yes,
                            Some(_) => r::VoteChoice::No,
                            None => r::VoteChoice::Abstain,
                        },
                        note: Some(v.choice.clone()),
                    })
                    .collect(),
                result: majority.map_or_else(
                    || "اکثریتی حاصل نشد".to_owned(),
                    |m| format!("به اکثریت آرا: «{m}»"),
                ),
            }
        })
        .collect();
    let dissents = session
        .votes
        .iter()
        .filter_map(|v| {
            v.dissent.as_ref().map(|d| r::Dissent {
                member: person(v.member_id),
                text: d.clone(),
            })
        })
        .collect();
    let start_time = file
        .scheduled
        .iter()
        .find(|s| s.scheduled_on == session.held_on && !s.at_time.is_empty())
        .map_or_else(|| "—".to_owned(), |s| fa(&s.at_time));
    let input = r::MinutesInput {
        board: letterhead(board),
        case_number: fa(&file.case.number),
        session_number: fa(&(index + 1).to_string()),
        session_date: day(&session.held_on)?,
        start_time,
        place: format!("محل تشکیل هیأت، استان {}", board.province),
        attendance,
        chair: session
            .chair_member_id
            .map_or_else(|| "—".to_owned(), person),
        agenda: file.case.subject.clone(),
        questions,
        dissents,
        notes: Some(session.minutes.trim())
            .filter(|m| !m.is_empty())
            .map(str::to_owned),
        secretary: "دبیر هیأت".to_owned(),
    };
    Ok((
        input,
        format!("minutes-{}-{}.pdf", file.case.number, index + 1),
    ))
}

/// The combined minutes of a sitting that heard several cases (صورت‌جلسهٔ نشست): the
/// attendance once as the sitting opened, the alternates standing by, then each case in order
/// with who stepped aside and sat instead, its chair when not the sitting's, its questions,
/// votes and dissents as its own minutes have them, and what was decided so far. Answers the
/// input and the file name.
pub async fn sitting_minutes(
    store: &Store,
    sitting_id: i64,
) -> Result<(r::SittingMinutesInput, String), DocumentError> {
    let sitting = store.sitting(sitting_id).await?;
    let boards = store.boards().await?;
    let board = boards
        .iter()
        .find(|b| b.id == sitting.board_id)
        .ok_or_else(|| refused("هیأت این نشست یافت نشد."))?;
    let names = store.member_names().await?;
    let name = |id: i64| names.get(&id).cloned().unwrap_or_else(|| "—".to_owned());
    let holder = |seat: Seat| board.seats.iter().find(|s| s.seat == seat.code());
    let present = |seat: Seat| sitting.present.iter().find(|m| m.seat == seat);
    let mut used = Vec::new();
    let mut attendance = Vec::new();
    for seat in heyat_core::session::PRINCIPAL_SEATS {
        let held_by = holder(seat);
        let member = held_by.map_or_else(
            || "—".to_owned(),
            |h| format!("{} {}", h.first_name, h.last_name),
        );
        let kind = seat_of(held_by.map_or("", |h| h.kind.as_str()));
        if present(seat).is_some() {
            attendance.push(r::Attendance {
                seat: kind,
                member,
                present: true,
                replaced_by: None,
                note: None,
            });
            continue;
        }
        let alternate = seat
            .alternate()
            .filter(|a| !used.contains(a))
            .and_then(|a| present(a).map(|m| (a, m.name.clone())));
        if let Some((a, _)) = &alternate {
            used.push(*a);
        }
        attendance.push(r::Attendance {
            seat: kind,
            member,
            present: false,
            replaced_by: alternate.map(|(_, n)| n),
            note: Some("غایب".to_owned()),
        });
    }
    let standby = sitting
        .present
        .iter()
        .filter(|m| m.seat.is_alternate() && !used.contains(&m.seat))
        .map(|m| format!("{} ({})", m.name, m.seat.title_fa()))
        .collect();
    let mut cases = Vec::with_capacity(sitting.cases.len());
    let mut start_time = None;
    for c in &sitting.cases {
        let (own, _) = minutes(store, c.case_id, c.session_id).await?;
        start_time.get_or_insert(own.start_time.clone());
        let decided = match c.ruling_outcome {
            Some(_) => format!("{}.", decided_fa(c.ruling_outcome, c.ruling_grade)),
            None if own.questions.is_empty() => {
                "پرسشی هنوز به رأی گذاشته نشده است؛ رسیدگی ادامه دارد.".to_owned()
            }
            None => "نتیجهٔ هر پرسش در بالا آمده است؛ رأی پرونده پس از شور نوشته می‌شود.".to_owned(),
        };
        let recusals = c
            .recusals
            .iter()
            .map(|rc| r::Recusal {
                seat: seat_of(holder(rc.seat).map_or("", |h| h.kind.as_str())),
                member: name(rc.member_id),
                replaced_by: name(rc.replaced_by),
            })
            .collect();
        cases.push(r::SittingCase {
            case_number: fa(&c.number),
            agenda: if c.subject.trim().is_empty() {
                "—".to_owned()
            } else {
                c.subject.clone()
            },
            parties: format!("{} — {}", c.office_name, c.manager_name),
            recusals,
            chair: c
                .chair_member_id
                .filter(|&m| m != sitting.chair_member_id)
                .map(name),
            questions: own.questions,
            dissents: own.dissents,
            decided,
        });
    }
    let input = r::SittingMinutesInput {
        board: letterhead(board),
        sitting_number: fa(&sitting.id.to_string()),
        sitting_date: day(&sitting.held_on)?,
        start_time: start_time.unwrap_or_else(|| "—".to_owned()),
        place: format!("محل تشکیل هیأت، استان {}", board.province),
        attendance,
        standby,
        chair: name(sitting.chair_member_id),
        cases,
        secretary: "دبیر هیأت".to_owned(),
    };
    Ok((
        input,
        format!("sitting-minutes-{}-{}.pdf", sitting.held_on, sitting.id),
    ))
}

/// The file name of a notification's slip in `documents/`.
pub fn notice_file(case_number: &str, notification_id: i64) -> String {
    format!("notice-{case_number}-{notification_id}.pdf")
}

/// The slip of one notification: who was served, how, when, and the appeal deadline it
/// starts where the ruling may be appealed by him (Art 33).
pub async fn notice(
    store: &Store,
    case_id: i64,
    notification_id: i64,
) -> Result<(r::NoticeInput, String), DocumentError> {
    let file = store.case_file(case_id).await?;
    let served = file
        .notifications
        .iter()
        .find(|n| n.id == notification_id)
        .ok_or_else(|| refused("این ابلاغ در پرونده ثبت نشده است."))?;
    let (position, ruling) = file
        .rulings
        .iter()
        .enumerate()
        .find(|(_, x)| x.id == served.ruling_id)
        .ok_or_else(|| refused("رأی این ابلاغ در پرونده نیست."))?;
    let boards = store.boards().await?;
    let board = hearing_board(&boards, &file)?;
    let deadline = if p::appealable_by(&ruling.facts(), served.recipient) {
        let appeal_board = boards
            .iter()
            .find(|b| BoardKind::from_code(&b.kind) == Some(BoardKind::Appeal))
            .map(|b| b.name.clone())
            .unwrap_or_else(|| "هیأت تجدیدنظر".to_owned());
        Some(r::Deadline {
            days: 20,
            last_day: day(&store.appeal_deadline(&served.notified_on).await?)?,
            board: appeal_board,
            // A conviction with no grade is Art 45's revocation.
            article: match (ruling.outcome, ruling.grade, ruling.facts().regulation) {
                (Some(RulingOutcome::Conviction), None, _) => "1401:45",
                // The appeal article of the code that judged the case (1396 Art 36, 1392 Art 24).
                (_, _, Some(code)) => code.appeal_article(),
                _ => "1401:33",
            }
            .into(),
        })
    } else {
        None
    };
    let input = r::NoticeInput {
        board: letterhead(board),
        case_number: fa(&file.case.number),
        document: match ruling.stage {
            Stage::Appeal => "دادنامهٔ هیأت تجدیدنظر",
            Stage::FirstInstance => "دادنامهٔ هیأت بدوی",
        }
        .to_owned(),
        document_number: fa(&format!("{}/{}", file.case.number, position + 1)),
        document_date: day(ruling.signed_on.as_deref().unwrap_or(&ruling.drafted_on))?,
        summary: decided_fa(ruling.outcome, ruling.grade),
        recipient: match served.recipient {
            Party::Manager => file.case.manager_name.clone(),
            other => other.title_fa().to_owned(),
        },
        recipient_role: match served.recipient {
            Party::Manager => r::RecipientRole::Manager,
            Party::CenterHead => r::RecipientRole::CenterHead,
            Party::Complainant => r::RecipientRole::Complainant,
        },
        address: match served.recipient {
            Party::Manager => format!("{}، {}", file.case.office_name, file.case.city),
            Party::CenterHead => "مرکز آمار و فناوری اطلاعات قوه قضاییه، تهران".to_owned(),
            // Art 20: the complainant's particulars stay out of the file's documents.
            Party::Complainant => {
                "نشانی شاکی نزد دبیرخانهٔ هیأت محرمانه نگه داشته می‌شود.".to_owned()
            }
        },
        notified_on: day(&served.notified_on)?,
        method: match served.method {
            ServiceMethod::Electronic => "ابلاغ الکترونیکی از راه سامانهٔ ثنا",
            ServiceMethod::InPerson => "تحویل حضوری",
            ServiceMethod::Post => "پست سفارشی",
        }
        .to_owned(),
        deadline,
        served_by: "دبیرخانهٔ هیأت".to_owned(),
        secretary: "دبیر هیأت".to_owned(),
    };
    Ok((input, notice_file(&file.case.number, served.id)))
}

/// The file a summons is saved as under `documents/`.
pub fn summons_file(case_number: &str, summons_id: i64) -> String {
    format!("summons-{case_number}-{summons_id}.pdf")
}

/// A summons (اخطاریه) as recorded: the charges frozen when it was issued, each with its
/// clause; the session; the ten days to defend (and once served, its last day); the
/// provisions it rests on (`summons::SUMMONS_ARTICLES`); signed by `secretary`.
pub async fn summons(
    store: &Store,
    summons_id: i64,
    secretary: &str,
) -> Result<(r::SummonsInput, String), DocumentError> {
    use heyat_core::proceedings::summons as s;
    let summons = store.summons(summons_id).await?;
    let file = store.case_file(summons.case_id).await?;
    let boards = store.boards().await?;
    let board = hearing_board(&boards, &file)?;
    let position = store
        .summonses_of(summons.case_id)
        .await?
        .iter()
        .filter(|x| x.id <= summons.id)
        .count();
    let charges = summons
        .charges
        .iter()
        .map(|c| {
            Ok(r::SummonsCharge {
                violation: c.violation.clone(),
                days: c.days.and_then(|d| u32::try_from(d).ok()),
                committed_on: day(&c.committed_on)?,
                facts: Some(c.facts.clone()).filter(|f| !f.trim().is_empty()),
            })
        })
        .collect::<Result<Vec<_>, DocumentError>>()?;
    let served = match (&summons.served_on, summons.method, &summons.defence_due) {
        (Some(on), Some(method), Some(due)) => Some(r::SummonsServed {
            on: day(on)?,
            method: method.title_fa().to_owned(),
            defence_due: day(due)?,
        }),
        _ => None,
    };
    let input = r::SummonsInput {
        board: letterhead(board),
        case_number: fa(&file.case.number),
        summons_number: fa(&format!("{}/{}", file.case.number, position)),
        issued_on: day(&summons.issued_on)?,
        office: r::Office {
            name: file.case.office_name.clone(),
            code: fa(&file.case.office_code),
            city: file.case.city.clone(),
            manager: file.case.manager_name.clone(),
        },
        charges,
        session: r::SummonsSession {
            day: day(&summons.session_on)?,
            time: summons.at_time.clone(),
            place: summons.place.clone(),
        },
        defence_days: s::DEFENCE_DAYS as u32,
        served,
        articles: s::SUMMONS_ARTICLES.iter().map(|a| a.to_string()).collect(),
        secretary: secretary.to_owned(),
    };
    Ok((input, summons_file(&file.case.number, summons.id)))
}
