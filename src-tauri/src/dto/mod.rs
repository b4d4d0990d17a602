//! What crosses the IPC boundary. The TypeScript declarations in `ui/src/lib/bindings.ts`
//! are generated from these types (see the `bindings` test), so the two cannot drift.

use heyat_core::CaseStatus;
use heyat_core::board::Seat;
use heyat_core::proceedings::{HolderWas, Question, RulingSeed};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod bindings;
mod docket;
mod engine;
mod pages;
mod records;
mod reports;
mod summons;

pub use crate::error::{CommandError, ErrorCode};
pub use bindings::typescript_bindings;
pub use docket::*;
pub use engine::*;
pub use heyat_documents::RulingDraft;
pub use pages::*;
pub use records::*;
pub use reports::*;
pub use summons::*;

/// The app, its board and where its data lives.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// The first-instance board this installation serves, if one is set up.
    pub board_name: Option<String>,
    pub data_dir: String,
    pub database_path: String,
    /// ISO date.
    pub today: String,
    /// Solar Hijri, Persian digits, with the weekday: «دوشنبه ۱۴۰۵/۰۹/۰۲».
    pub today_fa: String,
    /// Solar Hijri with Latin digits, as forms and the engine take it: `1405/09/02`.
    pub today_solar: String,
    /// What a restore asked for at the last run did at this start.
    pub restore_note: Option<String>,
    /// The backup to be put back at the next start, if one was asked for.
    pub restore_pending: Option<String>,
}

/// Whether the database opened at start; if not, why (Persian) and where it looked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StartStatus {
    pub ok: bool,
    pub message: Option<String>,
    /// The data folder, or the server's URL without its password.
    pub place: Option<String>,
}

/// A line of the case list, with what people read already in Persian.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub case: CaseListItem,
    pub status_fa: String,
    /// Solar Hijri with Persian digits.
    pub registered_on_fa: String,
}

/// How many cases stand in one status.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StatusCountRow {
    pub status: CaseStatus,
    pub status_fa: String,
    pub count: i64,
}

/// A board and its members, as the settings screen shows them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BoardView {
    pub id: i64,
    pub kind: String,
    pub kind_fa: String,
    pub name: String,
    pub province: String,
    pub term_start_fa: String,
    pub term_end_fa: String,
    pub seats: Vec<SeatView>,
}

/// One seat of a board (Arts 23–25) and who holds it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SeatView {
    pub seat: String,
    pub member_id: i64,
    pub seat_fa: String,
    pub member_name: String,
    pub member_kind_fa: String,
    pub judicial_grade: Option<i64>,
    /// The code of the office whose licence the member holds (Art 23), in Persian digits;
    /// null when none is on record.
    pub manages_office_fa: Option<String>,
}

/// A case as a board member opens it: every part from the store, with what people read
/// (Solar Hijri dates, each charge's title and article text) already in Persian.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseFileView {
    pub file: CaseFile,
    pub status_fa: String,
    pub registered_on_fa: String,
    pub charges: Vec<ChargeView>,
    /// The chair of the hearing board (Art 26), if elected.
    pub chair_member_id: Option<i64>,
    /// Every ISO date in the file as people read it (Solar Hijri, Persian digits).
    pub dates_fa: std::collections::BTreeMap<String, String>,
    /// The questions a session puts to the vote, from the charges (DOMAIN.md step 4).
    pub questions: Vec<Question>,
    /// What the last session's votes decided, to seed the ruling's draft.
    pub seed: Option<RulingSeed>,
    /// Every condition of Arts 9–11 (Art 45), for the checklist of those the manager lost.
    pub conditions: Vec<heyat_core::proceedings::Condition>,
    /// The case's suspended prosecution (Art 31), as people read it.
    pub suspension: Option<SuspensionView>,
}

/// A suspended prosecution (Art 31) as the case file and the desk show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SuspensionView {
    pub case_id: i64,
    pub case_number: String,
    pub office_name: String,
    pub manager_name: String,
    /// The ruling's date, Solar Hijri with Persian digits.
    pub ordered_on_fa: String,
    pub years: i64,
    /// The last day of the period, Solar Hijri with Persian digits.
    pub ends_on_fa: String,
    /// Days from today to the last day; negative once it has passed.
    pub days_left: i64,
    /// `running`, `to_revoke`, `ended` (the file to close), `revoked` or `closed`.
    pub state: String,
    pub state_fa: String,
    /// For a suspension to revoke: the case whose final conviction revokes it.
    pub revoking_case_number: Option<String>,
    pub revoked_on_fa: Option<String>,
    pub closed_on_fa: Option<String>,
}

/// A charge with the catalogue clause it names.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChargeView {
    pub id: i64,
    pub violation: String,
    pub title_fa: String,
    /// The clause's corrected text; for absence and closure, how the days decide the clause.
    pub text_fa: String,
    pub grade: Option<u8>,
    pub grade_range: Option<[u8; 2]>,
    pub days: Option<i64>,
    pub committed_on_fa: String,
    pub last_prosecution_act_on_fa: Option<String>,
    pub facts: String,
}

/// A ruling saved as PDF.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PrintedRuling {
    pub path: String,
    pub pages: u32,
    pub bytes: u32,
    /// The verification code printed under the QR code.
    pub verification_code: String,
}

impl From<heyat_documents::Saved> for PrintedRuling {
    fn from(s: heyat_documents::Saved) -> Self {
        PrintedRuling {
            path: s.path,
            pages: s.pages,
            bytes: s.bytes,
            verification_code: s.verification_code,
        }
    }
}

/// Who came to a session: each principal seat's holder (`present`, `absent`, `recused`) and
/// whether each alternate attended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionAttendance {
    pub judge_1: HolderWas,
    pub judge_2: HolderWas,
    pub representative: HolderWas,
    pub alternate_judge_present: bool,
    pub alternate_representative_present: bool,
}

/// Whether the board may sit (Art 28), and who sits where.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuorumView {
    pub quorum: bool,
    /// Why not, with what to do, in Persian.
    pub message: Option<String>,
    pub places: Vec<PlaceView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlaceView {
    pub seat: Seat,
    pub seat_fa: String,
    pub member_id: i64,
    pub member_name: String,
    pub by_alternate: bool,
}

/// A sitting member's vote on a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VoteInput {
    pub member_id: i64,
    pub choice: String,
    pub dissent: Option<String>,
}

/// The count on a question after the votes were recorded.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TallyView {
    /// The majority's choice, once two members agree.
    pub decided: Option<String>,
    pub dissenters: Vec<String>,
    pub awaiting: Vec<String>,
}

/// A complaint or violation report as the secretary registers it (Arts 20–21). Dates are
/// Solar Hijri or ISO.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ComplaintForm {
    /// `complaint` or `violation_report`.
    pub kind: String,
    /// `client`, `inspection`, `services_deputy`, `kanoon`, `other_authority`.
    pub source: String,
    pub received_on: String,
    pub office_id: i64,
    pub reporter_name: Option<String>,
    pub reporter_contact: Option<String>,
    /// Art 20: confidential by default.
    pub reporter_confidential: bool,
    pub summary: String,
    /// The Kanoon representative's review (practice, never required).
    pub review_notes: Option<String>,
    /// Forward to the first-instance board now, which opens a case (Art 21).
    pub forward: bool,
    /// The subject of the case it opens, in the secretary's words; never taken from the
    /// summary. Empty: the case has no subject yet.
    pub case_subject: Option<String>,
}

/// A charge added to a case from the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChargeForm {
    pub violation: String,
    pub committed_on: String,
    pub days: Option<i64>,
    pub facts: String,
    pub last_prosecution_act_on: Option<String>,
}

/// What registering a complaint did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ComplaintRegistered {
    pub complaint_id: i64,
    /// The case opened when the complaint was forwarded to the board.
    pub case_id: Option<i64>,
    pub case_number: Option<String>,
}

/// A time limit running on a case (Art 30 limitation, Art 33 appeal).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DeadlineRow {
    pub case_id: i64,
    pub case_number: String,
    pub office_name: String,
    /// `appeal` or `limitation`.
    pub kind: String,
    pub kind_fa: String,
    /// The article that sets the limit (`1401:33`, `1401:30`).
    pub article: String,
    /// The last day, Solar Hijri with Persian digits.
    pub due_on_fa: String,
    /// Days from today to the last day; negative once it has passed.
    pub days_left: i64,
}

/// A verified backup made from the settings screen.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackupDone {
    pub path: String,
    /// `ok` from SQLite's integrity check of the copy.
    pub integrity: String,
    pub cases: i64,
    pub tables: u32,
    pub evidence_files: i64,
}

/// A Solar Hijri month for the date picker: its days with weekday and closures.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CalendarMonth {
    pub year: i32,
    /// 1 (Farvardin) to 12 (Esfand).
    pub month: u8,
    /// «آذر ۱۴۰۵».
    pub title_fa: String,
    pub days: Vec<CalendarDay>,
}

/// One day of a [`CalendarMonth`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CalendarDay {
    pub day: u8,
    /// ISO date.
    pub iso: String,
    /// Solar Hijri with Latin digits, as forms take it: `1405/09/02`.
    pub solar: String,
    /// 0 = Saturday … 6 = Friday (the Persian week).
    pub weekday: u8,
    /// Why the offices are closed that day: «جمعه» or the holiday's title.
    pub closed: Option<String>,
    pub today: bool,
}

/// A scheduled session as the desk and the agenda show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AgendaRow {
    pub id: i64,
    pub case_id: i64,
    pub case_number: String,
    pub board_name: String,
    pub office_name: String,
    pub manager_name: String,
    /// Solar Hijri with Persian digits and the weekday.
    pub day_fa: String,
    /// `HH:MM` in Persian digits, or empty.
    pub time_fa: String,
    pub note: String,
    pub is_today: bool,
}

/// How many lines of a long list the desk shows; the screen of that list has the rest.
pub const DESK_LINES: i64 = 50;

/// The desk (میز کار): what a secretary needs at the start of the day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DeskView {
    pub today_fa: String,
    /// Sessions set for today.
    pub today: Vec<AgendaRow>,
    /// Sessions set for the next 14 days.
    pub upcoming: Vec<AgendaRow>,
    /// Time limits ending within 30 days (or passed), soonest first: the first
    /// [`DESK_LINES`] of `deadlines_total`.
    pub deadlines: Vec<DeadlineRow>,
    pub deadlines_total: i64,
    pub counts: Vec<StatusCountRow>,
    /// Draft rulings still awaiting members' signatures, newest first: the first
    /// [`DESK_LINES`] of `unsigned_total`.
    pub unsigned: Vec<UnsignedRow>,
    pub unsigned_total: i64,
    /// Notified cases whose appeal period ended with no appeal: their rulings may be made
    /// final. The first [`DESK_LINES`] numbers of `finalizable_total`.
    pub finalizable: Vec<String>,
    pub finalizable_total: i64,
    /// Suspended prosecutions (Art 31): to revoke, then ended (to close), then running, the
    /// soonest end first in each: the first [`DESK_LINES`] of `suspensions_total`.
    pub suspensions: Vec<SuspensionView>,
    pub suspensions_total: i64,
}

/// What recording a notification did (Art 33).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NotificationDone {
    /// The last day this recipient may appeal, Solar Hijri with Persian digits; none when he
    /// may not.
    pub deadline_fa: Option<String>,
    /// The ruling is final now: no one may appeal it.
    pub final_now: bool,
}

/// A draft ruling not yet signed by everyone who sat.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UnsignedRow {
    pub case_id: i64,
    pub case_number: String,
    pub office_name: String,
    pub signed: u32,
    pub sitting: u32,
}

/// Where signing stands after a member signed (Art 27).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SignView {
    pub signed: Vec<String>,
    pub remaining: Vec<String>,
    /// Set once every member who sat has signed: the ruling is locked.
    pub content_hash: Option<String>,
    /// Set once every member who sat has signed: where the sealed ruling's PDF was saved.
    pub pdf_path: Option<String>,
}

/// A line of the case's history, in Persian.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HistoryRow {
    pub id: i64,
    /// The day, Solar Hijri with Persian digits (local time).
    pub at_fa: String,
    /// `HH:MM` in Persian digits, local time.
    pub time_fa: String,
    pub actor: String,
    /// «ثبت تخلف», «ویرایش رأی» …
    pub what_fa: String,
    pub table_name: String,
    pub row_id: i64,
}

/// A holiday as the settings screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HolidayRow {
    pub day: String,
    pub day_fa: String,
    pub title: String,
}

/// What filing an appeal did: the appeal, and the case opened before the appeal board.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppealFiled {
    pub appeal: AppealRecord,
    pub appeal_case_id: Option<i64>,
    pub appeal_case_number: Option<String>,
}

/// A person who may sit on boards, for the settings screen's seat editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MemberForm {
    /// `judge`, `kanoon_rep` or `center_rep`.
    pub kind: String,
    pub first_name: String,
    pub last_name: String,
    pub judicial_grade: Option<i64>,
    pub on_kanoon_directors: bool,
    /// The code of the office this person manages (holds its licence); `null` or blank when
    /// none. A first-instance board's Kanoon representative and its alternate must (Arts 23,
    /// 25). Persian or Latin digits.
    #[serde(default)]
    pub manages_office: Option<String>,
}

/// A backup in the data folder's `backups/`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackupFile {
    pub name: String,
    pub bytes: u64,
    /// When it was made, Solar Hijri and local time, Persian digits.
    pub made_fa: String,
}

/// A notification slip (برگ ابلاغ) waiting to be printed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PendingNotice {
    pub case_id: i64,
    pub notification_id: i64,
    pub case_number: String,
    pub recipient_fa: String,
    pub notified_on_fa: String,
}

/// The titles people read for every code the UI shows, from core's one vocabulary
/// (code → Persian title).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Vocabulary {
    pub seats: std::collections::BTreeMap<String, String>,
    pub holder_was: std::collections::BTreeMap<String, String>,
    pub ruling_status: std::collections::BTreeMap<String, String>,
    pub stages: std::collections::BTreeMap<String, String>,
    pub parties: std::collections::BTreeMap<String, String>,
    pub methods: std::collections::BTreeMap<String, String>,
    pub case_status: std::collections::BTreeMap<String, String>,
    pub complaint_sources: std::collections::BTreeMap<String, String>,
    /// The conditions of Arts 9–11 (1401) an Art 45 ruling may find lost, in the
    /// regulation's order: `[id, «مادهٔ ۹، بند «ت»: مدرک تحصیلی»]`.
    pub qualifications: Vec<(String, String)>,
    /// Each code's list of penalties by grade (1401 Art 29, 1396 Art 35, 1392 Art 23), as
    /// the code words them: what the ruling's draft offers for a case judged by that code.
    pub penalties: std::collections::BTreeMap<String, Vec<heyat_core::regulation::Penalty>>,
}
