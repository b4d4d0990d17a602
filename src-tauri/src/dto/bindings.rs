//! `ui/src/lib/bindings.ts`: the TypeScript declarations of every IPC type, generated from
//! the Rust types (the `bindings` test fails when the committed file differs).

use super::*;
use heyat_core::CaseStatus;
use heyat_core::board::Seat;
use heyat_core::date::JalaliDate;
use heyat_core::engine;
use heyat_core::proceedings::{self as p, HolderWas, Question, RulingSeed};
use ts_rs::TS;

/// The declarations of every IPC type, in one TypeScript module.
pub fn typescript_bindings() -> String {
    let cfg = ts_rs::Config::new().with_large_int("number");
    let decls = [
        CommandError::decl(&cfg),
        AppInfo::decl(&cfg),
        CaseStatus::decl(&cfg),
        CaseListItem::decl(&cfg),
        CaseRow::decl(&cfg),
        CaseFilter::decl(&cfg),
        StatusCountRow::decl(&cfg),
        BoardView::decl(&cfg),
        SeatView::decl(&cfg),
        CatalogueEntry::decl(&cfg),
        CaseFileView::decl(&cfg),
        RulingDraft::decl(&cfg),
        BackupDone::decl(&cfg),
        DeadlineRow::decl(&cfg),
        ComplaintForm::decl(&cfg),
        ChargeForm::decl(&cfg),
        ComplaintRegistered::decl(&cfg),
        OfficeItem::decl(&cfg),
        SessionAttendance::decl(&cfg),
        QuorumView::decl(&cfg),
        PlaceView::decl(&cfg),
        VoteInput::decl(&cfg),
        TallyView::decl(&cfg),
        PrintedRuling::decl(&cfg),
        ChargeView::decl(&cfg),
        CaseFile::decl(&cfg),
        ChargeRecord::decl(&cfg),
        ComplaintRecord::decl(&cfg),
        ReporterIdentity::decl(&cfg),
        EvidenceRecord::decl(&cfg),
        SessionRecord::decl(&cfg),
        AttendanceRecord::decl(&cfg),
        VoteRecord::decl(&cfg),
        RulingRecord::decl(&cfg),
        SignoffRecord::decl(&cfg),
        NotificationRecord::decl(&cfg),
        AppealRecord::decl(&cfg),
        ArticleView::decl(&cfg),
        SuggestRequest::decl(&cfg),
        ManagerFacts::decl(&cfg),
        ChargeRequest::decl(&cfg),
        RecordRequest::decl(&cfg),
        DecisionRequest::decl(&cfg),
        SuspensionRequest::decl(&cfg),
        QualificationView::decl(&cfg),
        // The engine's answer, declared in heyat-core.
        engine::Suggestion::decl(&cfg),
        engine::Code::decl(&cfg),
        engine::Outcome::decl(&cfg),
        engine::Bar::decl(&cfg),
        engine::BarReason::decl(&cfg),
        engine::ChargeOutcome::decl(&cfg),
        engine::GradeRange::decl(&cfg),
        engine::Suspension::decl(&cfg),
        engine::Step::decl(&cfg),
        engine::Appeal::decl(&cfg),
        engine::Appellant::decl(&cfg),
        engine::Lenient::decl(&cfg),
        engine::Comparison::decl(&cfg),
        engine::Referral::decl(&cfg),
        engine::LicenceRevocation::decl(&cfg),
        engine::Reading::decl(&cfg),
        engine::SuspensionOrderOutcome::decl(&cfg),
        engine::SuspensionStatus::decl(&cfg),
        heyat_core::regulation::Penalty::decl(&cfg),
        heyat_core::regulation::PenaltyKind::decl(&cfg),
        heyat_core::regulation::Suspends::decl(&cfg),
        JalaliDate::decl(&cfg),
        CalendarMonth::decl(&cfg),
        CalendarDay::decl(&cfg),
        AgendaRow::decl(&cfg),
        DeskView::decl(&cfg),
        UnsignedRow::decl(&cfg),
        SignView::decl(&cfg),
        HistoryRow::decl(&cfg),
        HolidayRow::decl(&cfg),
        AppealFiled::decl(&cfg),
        MemberForm::decl(&cfg),
        BackupFile::decl(&cfg),
        PendingNotice::decl(&cfg),
        NotificationDone::decl(&cfg),
        ScheduledSession::decl(&cfg),
        CaseLink::decl(&cfg),
        // One vocabulary: core's enums, as the store keeps them and the UI sends them.
        ErrorCode::decl(&cfg),
        Seat::decl(&cfg),
        HolderWas::decl(&cfg),
        Question::decl(&cfg),
        RulingSeed::decl(&cfg),
        p::QuestionKind::decl(&cfg),
        p::Verdict::decl(&cfg),
        p::Stage::decl(&cfg),
        p::RulingStatus::decl(&cfg),
        p::RulingOutcome::decl(&cfg),
        p::Party::decl(&cfg),
        p::ServiceMethod::decl(&cfg),
        p::AppealResult::decl(&cfg),
        Vocabulary::decl(&cfg),
        CaseFacts::decl(&cfg),
        LostQualification::decl(&cfg),
        SuspensionOrderRecord::decl(&cfg),
        SuspensionView::decl(&cfg),
        p::Condition::decl(&cfg),
        SummonsView::decl(&cfg),
        SummonsPanel::decl(&cfg),
        SummonsIssued::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/src/dto.rs and the crates they use.\n\
         // Do not edit: run `HEYAT_WRITE_BINDINGS=1 cargo test -p heyat-app bindings` instead.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}
