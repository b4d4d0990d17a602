//! What the app (or `heyat render … DATA.json`) hands the renderer: one struct per
//! document, shaped like the store's rows and the engine's output, so that filling one is a
//! matter of copying fields. Dates are [`JalaliDate`]s (JSON: `"1403/07/01"`, Persian digits
//! or ISO accepted); articles are regulation ids (`1401:37:f`) whose corrected text the
//! renderer looks up itself. `templates/README.md` documents the JSON.

use heyat_core::JalaliDate;
use heyat_core::engine::{Appeal, Appellant as EngineAppellant, Step, Suggestion};
use serde::{Deserialize, Serialize};

/// The board that sits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    /// Its full name as printed in the header: «هیأت بدوی رسیدگی به تخلفات … استان تهران».
    pub name: String,
    pub level: BoardLevel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoardLevel {
    FirstInstance,
    Appeal,
}

/// The office and its manager (the person the case is against).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// «دفتر خدمات الکترونیک قضایی شمارهٔ ۲۷ تهران».
    pub name: String,
    /// The office code as registered (printed left to right).
    pub code: String,
    pub city: String,
    /// The manager's name as it should be printed, with any title («آقای رضا محمدی»).
    pub manager: String,
}

/// Who brought the matter (Art 21). Art 20: the reporter's identity is confidential by
/// default; `name` is printed only when `confidential` is false.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complainant {
    /// How the case started: «شکایت مراجع»، «گزارش بازرسی معاونت خدمات»، …
    pub source: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default = "yes")]
    pub confidential: bool,
}

fn yes() -> bool {
    true
}

/// A charge as the board found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Charge {
    /// The catalogue clause (`1401:38:g`), resolved as the engine resolved it.
    pub violation: String,
    /// For absence and closure: the number of days.
    #[serde(default)]
    pub days: Option<u32>,
    pub committed_on: JalaliDate,
    /// The board's finding: established or not.
    pub established: bool,
    /// What happened, in the board's words (optional; the clause title is printed anyway).
    #[serde(default)]
    pub facts: Option<String>,
}

/// One step of the rules engine's trace, as the engine's JSON gives it (unknown fields such
/// as `reason_en` are ignored so that the engine's `steps` can be passed as they are).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceStep {
    /// `VERSION:ARTICLE`.
    pub article: String,
    /// `VERSION:ARTICLE:CLAUSE` when a clause is meant.
    #[serde(default)]
    pub clause: Option<String>,
    pub mandatory: bool,
    #[serde(default)]
    pub from: Option<u8>,
    #[serde(default)]
    pub to: Option<u8>,
    pub reason_fa: String,
    /// For a discretionary step: whether the board used the discretion. `None` prints the
    /// step as the engine worded it.
    #[serde(default)]
    pub adopted: Option<bool>,
}

impl From<&Step> for TraceStep {
    fn from(s: &Step) -> Self {
        TraceStep {
            article: s.article.clone(),
            clause: s.clause.clone(),
            mandatory: s.mandatory,
            from: s.from,
            to: s.to,
            reason_fa: s.reason_fa.clone(),
            adopted: None,
        }
    }
}

/// Why prosecution stops (Art 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BarReason {
    ResJudicata,
    Limitation,
    Separation,
    Death,
}

/// The operative part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Verdict {
    /// Conviction to a grade of the judging code's list of penalties (1401 Art 29, 1396
    /// Art 35, 1392 Art 23); a suspension needs its length in months, within the term that
    /// code sets (1401 grade 5: 3–12, grade 6: 13–36; 1396/1392 grade 5: 3–24). With some
    /// charges not `established`, the manager is acquitted of those and convicted of the rest.
    Penalty {
        grade: u8,
        #[serde(default)]
        suspension_months: Option<u32>,
    },
    Acquittal,
    /// Prosecution barred (Art 30).
    Barred {
        reason: BarReason,
    },
    /// Prosecution suspended for 1–2 years (Art 31).
    SuspendedProsecution {
        years: u8,
    },
    /// Art 45 alone: the licence revoked because the manager lost, or never had, the
    /// conditions of Arts 9–11 (`1401:9:d`, `1401:11:b`, …), each quoted from the regulations.
    LicenceRevocation {
        qualifications: Vec<String>,
    },
}

/// Who may appeal (Art 33).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Appellant {
    Manager,
    CenterHead,
}

/// Whether the ruling is final or may be appealed, as the engine's `appeal` says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppealNotice {
    pub appealable: bool,
    /// The article that decides it (`1401:33`, `1401:45`).
    pub article: String,
    #[serde(default)]
    pub by: Vec<Appellant>,
    /// Days from notification (20 under Arts 33 and 45).
    #[serde(default = "twenty")]
    pub days: u32,
}

fn twenty() -> u32 {
    20
}

impl AppealNotice {
    /// The engine's answer on appeal, as the ruling prints it.
    pub fn from_engine(appeal: &Appeal) -> AppealNotice {
        match appeal {
            Appeal::Open { by, article, .. } => AppealNotice {
                appealable: true,
                article: (*article).to_owned(),
                by: by
                    .iter()
                    .map(|a| match a {
                        EngineAppellant::Manager => Appellant::Manager,
                        EngineAppellant::CenterHead => Appellant::CenterHead,
                    })
                    .collect(),
                days: 20,
            },
            Appeal::Final { article, .. } => AppealNotice {
                appealable: false,
                article: (*article).to_owned(),
                by: Vec::new(),
                days: 20,
            },
        }
    }
}

/// What kind of member sits (Arts 23–25): core's own type, `judge`, `kanoon_rep` or
/// `center_rep` (`kanoon_representative` and `center_representative` are read too).
pub use heyat_core::board::MemberKind;

/// A member who sat and signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    pub seat: MemberKind,
    #[serde(default)]
    pub chair: bool,
    /// Sat as the alternate of the seat (Art 25).
    #[serde(default)]
    pub alternate: bool,
    /// The member's dissenting opinion; `None` for a member of the majority.
    #[serde(default)]
    pub dissent: Option<String>,
}

/// For an appeal ruling: the first-instance ruling appealed and what becomes of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppealOf {
    /// The first-instance board's name.
    pub board: String,
    pub ruling_number: String,
    pub ruling_date: JalaliDate,
    /// What it decided, in a sentence.
    pub decided: String,
    /// Who appealed, as printed («مدیر دفتر»، «رئیس مرکز آمار و فناوری اطلاعات قوه قضاییه»).
    pub appellant: String,
    pub filed_on: JalaliDate,
    /// The appellant's grounds, summarised.
    pub grounds: String,
    pub result: AppealResult,
}

/// The appeal board's result: core's own type (Art 33), one vocabulary for the app, the
/// store and the documents.
pub use heyat_core::proceedings::AppealResult;

/// A ruling: `ruling` (first instance) or `appeal-ruling` (with `appeal_of`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulingInput {
    pub board: Board,
    pub case_number: String,
    pub ruling_number: String,
    pub session_date: JalaliDate,
    pub office: Office,
    #[serde(default)]
    pub complainant: Option<Complainant>,
    /// One line: what the case is about.
    pub subject: String,
    pub complaint_summary: String,
    pub defence_summary: String,
    pub charges: Vec<Charge>,
    /// The board's own reasoning, one string per paragraph.
    pub reasoning: Vec<String>,
    /// The engine's trace (its `steps`), written into the reasoning as sentences.
    #[serde(default)]
    pub steps: Vec<TraceStep>,
    /// Further provisions to quote besides those the charges, steps and verdict cite.
    #[serde(default)]
    pub citations: Vec<String>,
    /// The code that judged the case (`"1401"`, `"1396"`, `"1392"`, the engine's
    /// `regulation`): the penalty is worded and bounded as that code words it. Absent in
    /// rulings drafted before the field existed, which are worded as before (the 1401 code):
    /// it is left out of the JSON when absent, so that their content hash stays the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulation: Option<String>,
    pub verdict: Verdict,
    /// For a first-instance ruling; an appeal ruling is always final.
    #[serde(default)]
    pub appeal: Option<AppealNotice>,
    /// Required for an appeal ruling.
    #[serde(default)]
    pub appeal_of: Option<AppealOf>,
    pub members: Vec<Member>,
    /// The secretary who prepared the print.
    #[serde(default)]
    pub secretary: Option<String>,
}

impl RulingInput {
    /// The engine's steps as the reasoning prints them: every step except the one on appeal,
    /// which the appeal notice states instead.
    pub fn steps_from(suggestion: &Suggestion) -> Vec<TraceStep> {
        let appeal_article = suggestion.regulation.appeal_article();
        suggestion
            .steps
            .iter()
            .filter(|s| s.article != appeal_article)
            .map(TraceStep::from)
            .collect()
    }
}

/// A seat at a session: who held it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub seat: MemberKind,
    /// The member appointed to the seat.
    pub member: String,
    pub present: bool,
    /// The alternate who sat in the member's place (Art 25).
    #[serde(default)]
    pub replaced_by: Option<String>,
    /// Why the member was absent or stepped aside.
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteChoice {
    Yes,
    No,
    Abstain,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// The member who voted (as in `attendance`, the alternate's name where one sat).
    pub member: String,
    pub choice: VoteChoice,
    #[serde(default)]
    pub note: Option<String>,
}

/// One question put to the vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub text: String,
    pub votes: Vec<Vote>,
    /// The result in words («تخلف احراز شد»).
    pub result: String,
}

/// A dissenting member's opinion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dissent {
    pub member: String,
    pub text: String,
}

/// Session minutes (صورتجلسه).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinutesInput {
    pub board: Board,
    pub case_number: String,
    pub session_number: String,
    pub session_date: JalaliDate,
    /// «۱۰:۰۰» or «10:00».
    pub start_time: String,
    pub place: String,
    pub attendance: Vec<Attendance>,
    /// The chair's name (a judge, Art 26).
    pub chair: String,
    pub agenda: String,
    pub questions: Vec<Question>,
    #[serde(default)]
    pub dissents: Vec<Dissent>,
    #[serde(default)]
    pub notes: Option<String>,
    pub secretary: String,
}

/// A member who stepped aside on one case of a sitting, and the alternate who sat in his
/// place for that case only (Arts 25, 28).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recusal {
    pub seat: MemberKind,
    pub member: String,
    pub replaced_by: String,
}

/// One case heard in a sitting, in its place on the docket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SittingCase {
    pub case_number: String,
    /// What the case is about (its subject).
    pub agenda: String,
    /// The office and its manager.
    pub parties: String,
    /// Members who stepped aside on this case; empty when the sitting's members sat.
    #[serde(default)]
    pub recusals: Vec<Recusal>,
    /// Who chaired this case, when not the sitting's chair (he stepped aside).
    #[serde(default)]
    pub chair: Option<String>,
    pub questions: Vec<Question>,
    #[serde(default)]
    pub dissents: Vec<Dissent>,
    /// What was decided, in a sentence («تخلف احراز شد؛ درجهٔ ۳»), or that it is pending.
    pub decided: String,
}

/// The combined minutes of a sitting that heard several cases (صورت‌جلسهٔ نشست): attendance
/// once, then each case in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SittingMinutesInput {
    pub board: Board,
    pub sitting_number: String,
    pub sitting_date: JalaliDate,
    /// «۱۰:۰۰» or «10:00», or «—».
    pub start_time: String,
    pub place: String,
    /// The three places, as in session minutes.
    pub attendance: Vec<Attendance>,
    /// Alternates in the room who did not take a place at the opening.
    #[serde(default)]
    pub standby: Vec<String>,
    /// The chair elected for the sitting (Art 26).
    pub chair: String,
    pub cases: Vec<SittingCase>,
    pub secretary: String,
}

/// Who is served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientRole {
    Manager,
    CenterHead,
    Complainant,
    Other,
}

/// Notification slip (برگ ابلاغ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeInput {
    pub board: Board,
    pub case_number: String,
    /// What is served: «دادنامه شمارهٔ …».
    pub document: String,
    pub document_number: String,
    pub document_date: JalaliDate,
    /// The operative part in a sentence.
    pub summary: String,
    pub recipient: String,
    pub recipient_role: RecipientRole,
    pub address: String,
    pub notified_on: JalaliDate,
    /// «تحویل حضوری»، «سامانه ثنا»، …
    pub method: String,
    /// The appeal deadline, when the document may be appealed.
    #[serde(default)]
    pub deadline: Option<Deadline>,
    /// The person who served it.
    pub served_by: String,
    pub secretary: String,
}

/// An appeal period that runs from this notification (Arts 33, 45).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    pub days: u32,
    /// The last day (the engine's `appeal.deadline`).
    pub last_day: JalaliDate,
    /// Where an appeal is filed.
    pub board: String,
    pub article: String,
}

impl Deadline {
    /// The deadline the engine computed for a notified decision (`suggest` with
    /// `decision.notified_on`): `None` when the ruling is final or not yet notified.
    /// `recipient` chooses the manager's deadline or the head of the Center's.
    pub fn from_engine(appeal: &Appeal, recipient: RecipientRole, board: &str) -> Option<Deadline> {
        match appeal {
            Appeal::Open {
                deadline,
                center_head_deadline,
                article,
                ..
            } => {
                let last_day = match recipient {
                    RecipientRole::CenterHead => center_head_deadline.or(*deadline),
                    _ => *deadline,
                }?;
                Some(Deadline {
                    days: 20,
                    last_day,
                    board: board.to_owned(),
                    article: (*article).to_owned(),
                })
            }
            Appeal::Final { .. } => None,
        }
    }
}

/// The report of index 7 of the 1404 Ranking Instruction (Art 4, item 7: the disciplinary and
/// judicial record) for an evaluation period: each office's score and what lowered it. The
/// store's `ranking::index7_report` rows, copied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankingInput {
    /// Who prepared the report, printed in the letterhead (a board or its secretariat).
    pub issuer: String,
    /// The evaluation period, both days included.
    pub from: JalaliDate,
    pub to: JalaliDate,
    /// The day the report was made: its date and the PDF's.
    pub made_on: JalaliDate,
    pub offices: Vec<RankingOffice>,
    /// Printed under the table (e.g. that criminal convictions are not recorded).
    #[serde(default)]
    pub note: Option<String>,
}

/// One office's index 7.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankingOffice {
    /// The office code as registered (printed left to right).
    pub code: String,
    pub name: String,
    pub city: String,
    #[serde(default)]
    pub manager: Option<String>,
    /// 0–100.
    pub score: u32,
    /// Up to how many levels the rank may be lowered (crimes of grades 1–3, clause الف).
    #[serde(default)]
    pub rank_levels_down_max: u32,
    #[serde(default)]
    pub effects: Vec<RankingEffect>,
}

/// One conviction of the period and its effect on the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankingEffect {
    pub case_number: String,
    /// The day the ruling became final.
    pub final_on: JalaliDate,
    pub grade: u8,
    /// The code that judged it: `1401`, `1396` or `1392`.
    pub regulation: String,
    /// `1404:4:7:a` … `1404:4:7:e`; absent when no clause deducts it (a revocation is excepted).
    #[serde(default)]
    pub clause: Option<String>,
    pub deduction: u32,
    /// The engine's reason.
    pub reason_fa: String,
}

/// Summons (اخطاریه): the charges and the session notified to the office manager, and his
/// time to defend in writing. The 1401 regulation sets no procedure for it; the ten days and
/// the counting are `heyat_core::proceedings::summons`'s choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummonsInput {
    pub board: Board,
    pub case_number: String,
    /// As the board numbers it: «۱۴۰۵-۰۰۰۷/اخ-۱».
    pub summons_number: String,
    pub issued_on: JalaliDate,
    /// The office and its manager, who is summoned.
    pub office: Office,
    /// The charges as the case held them when the summons was issued.
    pub charges: Vec<SummonsCharge>,
    pub session: SummonsSession,
    /// Days to send the written defence, counted from the service.
    pub defence_days: u32,
    /// Once served: when and how, and the last day to defend.
    #[serde(default)]
    pub served: Option<SummonsServed>,
    /// The provisions the summons rests on (`1401:21`, …), quoted at the end.
    pub articles: Vec<String>,
    pub secretary: String,
}

/// A charge as the summons states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummonsCharge {
    /// The catalogue clause (`1401:38:k`).
    pub violation: String,
    #[serde(default)]
    pub days: Option<u32>,
    pub committed_on: JalaliDate,
    #[serde(default)]
    pub facts: Option<String>,
}

/// The session the manager is summoned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummonsSession {
    pub day: JalaliDate,
    /// `HH:MM`.
    pub time: String,
    pub place: String,
}

/// The service of a summons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummonsServed {
    pub on: JalaliDate,
    /// «تحویل حضوری»، «ابلاغ الکترونیکی از راه سامانهٔ ثنا»، …
    pub method: String,
    pub defence_due: JalaliDate,
}
