//! The store's records as the UI reads them: the app's own types, so that only `dto` is
//! exported to TypeScript and a change of the store's rows is a change the app makes on
//! purpose. Each converts from (or, for forms, into) the store's record of the same name.

use heyat_core::CaseStatus;
use heyat_core::board::Seat;
use heyat_core::proceedings::{
    HolderWas, Party, QuestionKind, RulingOutcome, RulingStatus, ServiceMethod, Stage,
};
use heyat_store as store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A line of the case list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseListItem {
    pub id: i64,
    /// `YEAR-SEQ`, e.g. `1403-0012`: unique per board and Solar Hijri year.
    pub number: String,
    pub board_id: i64,
    pub office_code: String,
    pub office_name: String,
    pub city: String,
    pub manager_name: String,
    pub status: CaseStatus,
    /// ISO date.
    pub registered_on: String,
    pub subject: String,
    pub charge_count: i64,
}

impl From<store::CaseListItem> for CaseListItem {
    fn from(r: store::CaseListItem) -> Self {
        CaseListItem {
            id: r.id,
            number: r.number,
            board_id: r.board_id,
            office_code: r.office_code,
            office_name: r.office_name,
            city: r.city,
            manager_name: r.manager_name,
            status: r.status,
            registered_on: r.registered_on,
            subject: r.subject,
            charge_count: r.charge_count,
        }
    }
}

/// An office as forms list it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OfficeItem {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub city: String,
    /// The office's manager, when one is registered.
    pub manager_name: Option<String>,
}

impl From<store::OfficeItem> for OfficeItem {
    fn from(r: store::OfficeItem) -> Self {
        OfficeItem {
            id: r.id,
            code: r.code,
            name: r.name,
            city: r.city,
            manager_name: r.manager_name,
        }
    }
}

/// A case as a board member opens it: every part in one read.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseFile {
    pub case: CaseListItem,
    pub office_id: i64,
    pub manager_id: i64,
    pub manager_national_id: String,
    pub office_province: String,
    /// The manager's death, as recorded (Art 30).
    pub manager_deceased_on: Option<String>,
    /// The manager's permanent separation from managing the office, as recorded (Art 30).
    pub manager_separated_on: Option<String>,
    pub charges: Vec<ChargeRecord>,
    pub complaints: Vec<ComplaintRecord>,
    pub evidence: Vec<EvidenceRecord>,
    pub sessions: Vec<SessionRecord>,
    pub rulings: Vec<RulingRecord>,
    pub notifications: Vec<NotificationRecord>,
    pub appeals: Vec<AppealRecord>,
    /// Sessions set for the case (not yet necessarily held).
    pub scheduled: Vec<ScheduledSession>,
    /// For an appeal case: the first-instance case it reviews (Art 33).
    pub appeal_of: Option<CaseLink>,
    /// For a first-instance case: the case opened before the appeal board.
    pub appealed_as: Option<CaseLink>,
    /// The conditions of Arts 9–11 the board found the manager lost or never had (Art 45).
    pub lost_qualifications: Vec<LostQualification>,
    /// The latest order of suspended prosecution (Art 31).
    pub suspension: Option<SuspensionOrderRecord>,
}

/// A condition of Arts 9–11 found lost (Art 45).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LostQualification {
    /// The clause id (`1401:9:d`).
    pub condition: String,
    /// The day the board found it: ISO from the store; Solar Hijri or ISO from a form.
    pub found_on: String,
    /// A note, or where the evidence showing it is.
    #[serde(default)]
    pub note: String,
}

impl From<store::LostQualification> for LostQualification {
    fn from(r: store::LostQualification) -> Self {
        LostQualification {
            condition: r.condition,
            found_on: r.found_on,
            note: r.note,
        }
    }
}

/// The order of a suspended prosecution (Art 31) as recorded; dates ISO.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SuspensionOrderRecord {
    pub id: i64,
    pub ruling_id: i64,
    pub ordered_on: String,
    pub years: i64,
    /// The last day of the period.
    pub ends_on: String,
    pub revoked_on: Option<String>,
    /// The final conviction that revoked it.
    pub revoked_by_ruling_id: Option<i64>,
    /// The day the board closed the file, the period ended.
    pub closed_on: Option<String>,
}

impl From<store::SuspensionOrderRecord> for SuspensionOrderRecord {
    fn from(r: store::SuspensionOrderRecord) -> Self {
        SuspensionOrderRecord {
            id: r.id,
            ruling_id: r.ruling_id,
            ordered_on: r.ordered_on,
            years: r.years,
            ends_on: r.ends_on,
            revoked_on: r.revoked_on,
            revoked_by_ruling_id: r.revoked_by_ruling_id,
            closed_on: r.closed_on,
        }
    }
}

impl From<store::CaseFile> for CaseFile {
    fn from(r: store::CaseFile) -> Self {
        CaseFile {
            case: r.case.into(),
            office_id: r.office_id,
            manager_id: r.manager_id,
            manager_national_id: r.manager_national_id,
            office_province: r.office_province,
            manager_deceased_on: r.manager_deceased_on,
            manager_separated_on: r.manager_separated_on,
            charges: r.charges.into_iter().map(Into::into).collect(),
            complaints: r.complaints.into_iter().map(Into::into).collect(),
            evidence: r.evidence.into_iter().map(Into::into).collect(),
            sessions: r.sessions.into_iter().map(Into::into).collect(),
            rulings: r.rulings.into_iter().map(Into::into).collect(),
            notifications: r.notifications.into_iter().map(Into::into).collect(),
            appeals: r.appeals.into_iter().map(Into::into).collect(),
            scheduled: r.scheduled.into_iter().map(Into::into).collect(),
            appeal_of: r.appeal_of.map(Into::into),
            appealed_as: r.appealed_as.map(Into::into),
            lost_qualifications: r.lost_qualifications.into_iter().map(Into::into).collect(),
            suspension: r.suspension.map(Into::into),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChargeRecord {
    pub id: i64,
    pub violation: String,
    pub committed_on: String,
    pub days: Option<i64>,
    pub facts: String,
    pub last_prosecution_act_on: Option<String>,
}

impl From<store::ChargeRecord> for ChargeRecord {
    fn from(r: store::ChargeRecord) -> Self {
        ChargeRecord {
            id: r.id,
            violation: r.violation,
            committed_on: r.committed_on,
            days: r.days,
            facts: r.facts,
            last_prosecution_act_on: r.last_prosecution_act_on,
        }
    }
}

/// A complaint; the reporter's name and contact are left out while confidential (Art 20).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ComplaintRecord {
    pub id: i64,
    pub kind: String,
    pub source: String,
    pub received_on: String,
    pub reporter_name: Option<String>,
    pub reporter_contact: Option<String>,
    pub reporter_confidential: bool,
    /// An identity is on file: `reveal_reporter` shows it, and the reading is recorded.
    pub reporter_on_file: bool,
    pub summary: String,
    pub review_notes: Option<String>,
    pub forwarded_on: Option<String>,
    /// The day the complainant withdrew the complaint, if he did.
    pub withdrawn_on: Option<String>,
}

/// A reporter's identity, revealed on purpose (Art 20); the reading is on record.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReporterIdentity {
    pub complaint_id: i64,
    pub name: Option<String>,
    pub contact: Option<String>,
    pub confidential: bool,
}

impl From<store::Reporter> for ReporterIdentity {
    fn from(r: store::Reporter) -> Self {
        ReporterIdentity {
            complaint_id: r.complaint_id,
            name: r.name,
            contact: r.contact,
            confidential: r.confidential,
        }
    }
}

impl From<store::ComplaintRecord> for ComplaintRecord {
    fn from(r: store::ComplaintRecord) -> Self {
        ComplaintRecord {
            id: r.id,
            kind: r.kind,
            source: r.source,
            received_on: r.received_on,
            reporter_name: r.reporter_name,
            reporter_contact: r.reporter_contact,
            reporter_confidential: r.reporter_confidential,
            reporter_on_file: r.reporter_on_file,
            summary: r.summary,
            review_notes: r.review_notes,
            forwarded_on: r.forwarded_on,
            withdrawn_on: r.withdrawn_on,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EvidenceRecord {
    pub id: i64,
    pub sha256: String,
    pub size: i64,
    pub media_type: String,
    pub file_name: String,
    pub description: String,
    pub added_at: String,
}

impl From<store::EvidenceRecord> for EvidenceRecord {
    fn from(r: store::EvidenceRecord) -> Self {
        EvidenceRecord {
            id: r.id,
            sha256: r.sha256,
            size: r.size,
            media_type: r.media_type,
            file_name: r.file_name,
            description: r.description,
            added_at: r.added_at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SessionRecord {
    pub id: i64,
    pub board_id: i64,
    pub held_on: String,
    pub chair_member_id: Option<i64>,
    pub minutes: String,
    pub attendance: Vec<AttendanceRecord>,
    pub votes: Vec<VoteRecord>,
}

impl From<store::SessionRecord> for SessionRecord {
    fn from(r: store::SessionRecord) -> Self {
        SessionRecord {
            id: r.id,
            board_id: r.board_id,
            held_on: r.held_on,
            chair_member_id: r.chair_member_id,
            minutes: r.minutes,
            attendance: r.attendance.into_iter().map(Into::into).collect(),
            votes: r.votes.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AttendanceRecord {
    /// The principal seat: judge 1, judge 2 or the representative.
    pub seat: Seat,
    /// Who sat: the holder, or the alternate when the holder was absent or recused.
    pub member_id: i64,
    /// What the seat's holder was: present, absent or recused.
    pub holder_was: HolderWas,
}

impl From<store::AttendanceRecord> for AttendanceRecord {
    fn from(r: store::AttendanceRecord) -> Self {
        AttendanceRecord {
            seat: r.seat,
            member_id: r.member_id,
            holder_was: r.holder_was,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct VoteRecord {
    pub id: i64,
    pub question: String,
    /// What the question decides; `None` only for votes recorded before kinds were kept.
    pub kind: Option<QuestionKind>,
    /// For a question of guilt: the charge.
    pub charge_id: Option<i64>,
    pub member_id: i64,
    pub choice: String,
    pub dissent: Option<String>,
}

impl From<store::VoteRecord> for VoteRecord {
    fn from(r: store::VoteRecord) -> Self {
        VoteRecord {
            id: r.id,
            question: r.question,
            kind: r.kind,
            charge_id: r.charge_id,
            member_id: r.member_id,
            choice: r.choice,
            dissent: r.dissent,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RulingRecord {
    pub id: i64,
    pub session_id: Option<i64>,
    pub stage: Stage,
    pub status: RulingStatus,
    pub outcome: Option<RulingOutcome>,
    pub grade: Option<i64>,
    /// Months of a suspension from management (grades 5 and 6).
    pub suspension_months: Option<i64>,
    /// Years of a suspended prosecution (Art 31).
    pub suspension_years: Option<i64>,
    /// The day the ruling became final.
    pub final_on: Option<String>,
    /// The day its penalty was carried out (Art 43).
    pub carried_out_on: Option<String>,
    pub text: String,
    /// The rules engine's suggestion with its trace, as JSON text.
    pub suggestion: Option<String>,
    pub drafted_on: String,
    pub signed_on: Option<String>,
    pub content_hash: Option<String>,
    pub signoffs: Vec<SignoffRecord>,
}

impl From<store::RulingRecord> for RulingRecord {
    fn from(r: store::RulingRecord) -> Self {
        RulingRecord {
            id: r.id,
            session_id: r.session_id,
            stage: r.stage,
            status: r.status,
            outcome: r.outcome,
            grade: r.grade,
            suspension_months: r.suspension_months,
            suspension_years: r.suspension_years,
            final_on: r.final_on,
            carried_out_on: r.carried_out_on,
            text: r.text,
            suggestion: r.suggestion,
            drafted_on: r.drafted_on,
            signed_on: r.signed_on,
            content_hash: r.content_hash,
            signoffs: r.signoffs.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SignoffRecord {
    pub member_id: i64,
    pub signed_at: String,
}

impl From<store::SignoffRecord> for SignoffRecord {
    fn from(r: store::SignoffRecord) -> Self {
        SignoffRecord {
            member_id: r.member_id,
            signed_at: r.signed_at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NotificationRecord {
    pub id: i64,
    pub ruling_id: i64,
    pub recipient: Party,
    pub method: ServiceMethod,
    pub notified_on: String,
}

impl From<store::NotificationRecord> for NotificationRecord {
    fn from(r: store::NotificationRecord) -> Self {
        NotificationRecord {
            id: r.id,
            ruling_id: r.ruling_id,
            recipient: r.recipient,
            method: r.method,
            notified_on: r.notified_on,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppealRecord {
    pub id: i64,
    pub ruling_id: i64,
    pub appellant: Party,
    pub filed_on: String,
    pub in_time: bool,
    pub grounds: String,
}

impl From<store::AppealRecord> for AppealRecord {
    fn from(r: store::AppealRecord) -> Self {
        AppealRecord {
            id: r.id,
            ruling_id: r.ruling_id,
            appellant: r.appellant,
            filed_on: r.filed_on,
            in_time: r.in_time,
            grounds: r.grounds,
        }
    }
}

/// A session set for a day, with what the agenda shows of its case.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ScheduledSession {
    pub id: i64,
    pub case_id: i64,
    pub case_year: i64,
    pub case_seq: i64,
    pub board_id: i64,
    pub board_name: String,
    pub office_name: String,
    pub manager_name: String,
    /// ISO date.
    pub scheduled_on: String,
    /// `HH:MM`, or empty.
    pub at_time: String,
    pub note: String,
}

impl From<store::ScheduledSession> for ScheduledSession {
    fn from(r: store::ScheduledSession) -> Self {
        ScheduledSession {
            id: r.id,
            case_id: r.case_id,
            case_year: r.case_year,
            case_seq: r.case_seq,
            board_id: r.board_id,
            board_name: r.board_name,
            office_name: r.office_name,
            manager_name: r.manager_name,
            scheduled_on: r.scheduled_on,
            at_time: r.at_time,
            note: r.note,
        }
    }
}

/// A case the file points at: the first-instance case an appeal reviews, or the reverse.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseLink {
    pub id: i64,
    pub year: i64,
    pub seq: i64,
    pub board_name: String,
}

impl From<store::CaseLink> for CaseLink {
    fn from(r: store::CaseLink) -> Self {
        CaseLink {
            id: r.id,
            year: r.year,
            seq: r.seq,
            board_name: r.board_name,
        }
    }
}

/// Which cases to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseFilter {
    #[ts(optional)]
    pub status: Option<CaseStatus>,
    /// Words to find in the number, the office's code or name, the city or the manager's name.
    #[ts(optional)]
    pub text: Option<String>,
    #[ts(optional)]
    pub board_id: Option<i64>,
    #[ts(optional)]
    pub office_id: Option<i64>,
    /// Registered on or after this ISO date.
    #[ts(optional)]
    pub registered_from: Option<String>,
    /// Registered on or before this ISO date.
    #[ts(optional)]
    pub registered_to: Option<String>,
    /// Any of these statuses.
    #[serde(default)]
    #[ts(optional)]
    pub statuses: Option<Vec<CaseStatus>>,
}

impl From<CaseFilter> for store::CaseFilter {
    fn from(r: CaseFilter) -> Self {
        store::CaseFilter {
            status: r.status,
            text: r.text,
            board_id: r.board_id,
            office_id: r.office_id,
            registered_from: r.registered_from,
            registered_to: r.registered_to,
            statuses: r.statuses.unwrap_or_default(),
        }
    }
}

/// Facts of a case the engine weighs, as the secretary records them; each one left `None`
/// stays as it was.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
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

impl From<CaseFacts> for store::CaseFacts {
    fn from(r: CaseFacts) -> Self {
        store::CaseFacts {
            carried_out_on: r.carried_out_on,
            deceased_on: r.deceased_on,
            separated_on: r.separated_on,
            complaint_withdrawn_on: r.complaint_withdrawn_on,
        }
    }
}
