//! A day's docket: a sitting of one board hears several cases in order (issue 13). The rules
//! are heyat-core's (`proceedings::docket`); each command checks the role for the board,
//! makes one store call and maps the error. Votes are recorded in each case's own session, as
//! for a single session (`hearing::record_votes`).

use crate::AppState;
use crate::commands::hearing::attendance_of;
use crate::dto::{
    DocketCandidate, DocketDay, PlaceView, PrintedRuling, QuorumView, RecusalView,
    SessionAttendance, SittingCaseView, SittingForm, SittingMemberView, SittingRow, SittingView,
};
use crate::error::CommandError;
use crate::views::iso_date;
use heyat_core::date::JalaliDate;
use heyat_core::proceedings::Action;
use heyat_core::session::seat_the_board;
use heyat_core::{CaseStatus, to_persian_digits};
use heyat_store::{BoardSummary, CaseFilter};
use tauri::State;

fn day_fa(iso: &str) -> Result<String, CommandError> {
    let d = JalaliDate::parse_iso(iso).map_err(|e| CommandError::storage(e.to_string()))?;
    Ok(format!("{} {}", d.weekday().name_fa(), d.format_fa()))
}

async fn board(state: &AppState, board_id: i64) -> Result<BoardSummary, CommandError> {
    state
        .store
        .boards()
        .await?
        .into_iter()
        .find(|b| b.id == board_id)
        .ok_or_else(|| CommandError::invalid("هیأت: این هیأت تعریف نشده است"))
}

fn name_in(board: &BoardSummary, member_id: i64) -> String {
    board
        .seats
        .iter()
        .find(|s| s.member_id == member_id)
        .map_or_else(
            || "—".to_owned(),
            |s| format!("{} {}", s.first_name, s.last_name),
        )
}

/// The board the caller works for, or (for the administrator) the first first-instance board.
async fn callers_board(state: &AppState, asked: Option<i64>) -> Result<i64, CommandError> {
    let caller = state.signed_in().await?;
    if let Some(b) = asked.or(caller.board_id) {
        return Ok(b);
    }
    state
        .store
        .boards()
        .await?
        .into_iter()
        .find(|b| b.kind == "first_instance")
        .map(|b| b.id)
        .ok_or_else(|| CommandError::invalid("هیأت: هیأتی تعریف نشده است"))
}

/// What the «hold a sitting» form needs for the board's day (today unless given): the cases
/// set for that day first, by time, then the board's other cases not yet decided.
#[tauri::command]
pub async fn docket_day(
    state: State<'_, AppState>,
    board_id: Option<i64>,
    day: Option<String>,
) -> Result<DocketDay, CommandError> {
    let board_id = callers_board(&state, board_id).await?;
    state.allow_board(Action::ReadCases, board_id).await?;
    let day = match day.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => iso_date("روز نشست", d)?,
        None => state.today_iso(),
    };
    let b = board(&state, board_id).await?;
    let scheduled: Vec<_> = state
        .store
        .agenda(&day, &day)
        .await?
        .into_iter()
        .filter(|s| s.board_id == board_id)
        .collect();
    let cases = state
        .store
        .cases(&CaseFilter {
            board_id: Some(board_id),
            ..CaseFilter::default()
        })
        .await?;
    let open = |s: CaseStatus| {
        matches!(
            s,
            CaseStatus::Registered
                | CaseStatus::InReview
                | CaseStatus::Scheduled
                | CaseStatus::Heard
        )
    };
    let mut candidates: Vec<DocketCandidate> = Vec::new();
    for s in &scheduled {
        if candidates.iter().any(|c| c.case_id == s.case_id) {
            continue;
        }
        if let Some(c) = cases.iter().find(|c| c.id == s.case_id && open(c.status)) {
            candidates.push(DocketCandidate {
                case_id: c.id,
                number: c.number.clone(),
                subject: c.subject.clone(),
                office_name: c.office_name.clone(),
                manager_name: c.manager_name.clone(),
                status_fa: c.status.title_fa().to_owned(),
                scheduled: true,
                time_fa: to_persian_digits(&s.at_time),
            });
        }
    }
    for c in cases.iter().filter(|c| open(c.status)) {
        if candidates.iter().any(|x| x.case_id == c.id) {
            continue;
        }
        candidates.push(DocketCandidate {
            case_id: c.id,
            number: c.number.clone(),
            subject: c.subject.clone(),
            office_name: c.office_name.clone(),
            manager_name: c.manager_name.clone(),
            status_fa: c.status.title_fa().to_owned(),
            scheduled: false,
            time_fa: String::new(),
        });
    }
    Ok(DocketDay {
        board_id,
        board_name: b.name,
        day_fa: day_fa(&day)?,
        day,
        candidates,
    })
}

/// Whether the board has quorum with this attendance (Art 28), and who sits, for a sitting.
#[tauri::command]
pub async fn sitting_quorum(
    state: State<'_, AppState>,
    board_id: i64,
    attendance: SessionAttendance,
) -> Result<QuorumView, CommandError> {
    state.allow_board(Action::ReadCases, board_id).await?;
    let b = board(&state, board_id).await?;
    Ok(match seat_the_board(&present_only(&attendance)) {
        Ok(sitting) => {
            let mut places = Vec::with_capacity(3);
            for p in sitting.places() {
                let holder = b
                    .seats
                    .iter()
                    .find(|s| s.seat == p.filled_by.code())
                    .ok_or_else(|| {
                        CommandError::invalid(format!(
                            "حضور: جایگاه «{}» در این هیأت کسی را ندارد؛ از «تنظیمات» آن را پر کنید",
                            p.filled_by.title_fa()
                        ))
                    })?;
                places.push(PlaceView {
                    seat: p.seat,
                    seat_fa: p.seat.title_fa().to_owned(),
                    member_id: holder.member_id,
                    member_name: format!("{} {}", holder.first_name, holder.last_name),
                    by_alternate: p.by_alternate(),
                });
            }
            QuorumView {
                quorum: true,
                message: None,
                places,
            }
        }
        Err(e) => QuorumView {
            quorum: false,
            message: Some(e.to_string()),
            places: Vec::new(),
        },
    })
}

/// The sitting's attendance: a holder not present is away for every case (recusal is per
/// case, [`recuse_in_sitting`]).
fn present_only(a: &SessionAttendance) -> heyat_core::session::Attendance {
    let mut att = attendance_of(a);
    att.recused.clear();
    att
}

/// Opens a sitting: the attendance once, the chair, one session per case in order (one
/// action). Answers the sitting's id.
#[tauri::command]
pub async fn open_sitting(
    state: State<'_, AppState>,
    form: SittingForm,
) -> Result<i64, CommandError> {
    let caller = state
        .allow_board(Action::HoldSession, form.board_id)
        .await?;
    let sitting = heyat_store::NewSitting {
        board_id: form.board_id,
        held_on: iso_date("تاریخ نشست", &form.held_on)?,
        present: present_only(&form.attendance).present,
        chair_member_id: form.chair_member_id,
        case_ids: form.case_ids,
    };
    Ok(state
        .store
        .open_sitting(&sitting, &state.today_iso(), &caller.actor())
        .await?)
}

/// A member steps aside on one case of the sitting: the alternate sits for that case only
/// (Arts 25, 28). Answers the sitting as it now stands.
#[tauri::command]
pub async fn recuse_in_sitting(
    state: State<'_, AppState>,
    sitting_id: i64,
    case_id: i64,
    member_id: i64,
    chair_member_id: Option<i64>,
) -> Result<SittingView, CommandError> {
    let caller = state.allow_case(Action::HoldSession, case_id).await?;
    state
        .store
        .recuse_in_sitting(
            sitting_id,
            case_id,
            member_id,
            chair_member_id,
            &caller.actor(),
        )
        .await?;
    view(&state, sitting_id).await
}

async fn view(state: &AppState, sitting_id: i64) -> Result<SittingView, CommandError> {
    let s = state.store.sitting(sitting_id).await?;
    let b = board(state, s.board_id).await?;
    let name = |id: i64| name_in(&b, id);
    let mut cases = Vec::with_capacity(s.cases.len());
    for c in s.cases {
        let places = c
            .attendance
            .iter()
            .map(|a| PlaceView {
                seat: a.seat,
                seat_fa: a.seat.title_fa().to_owned(),
                member_id: a.member_id,
                member_name: name(a.member_id),
                by_alternate: a.holder_was != heyat_core::proceedings::HolderWas::Present,
            })
            .collect();
        let recusals = c
            .recusals
            .iter()
            .map(|r| RecusalView {
                seat_fa: r.seat.title_fa().to_owned(),
                member_id: r.member_id,
                member_name: name(r.member_id),
                replaced_by_name: name(r.replaced_by),
            })
            .collect();
        cases.push(SittingCaseView {
            order: c.order,
            case_id: c.case_id,
            session_id: c.session_id,
            number: c.number,
            subject: c.subject,
            office_name: c.office_name,
            manager_name: c.manager_name,
            status_fa: c.status.title_fa().to_owned(),
            chair_name: c.chair_member_id.map_or_else(|| "—".to_owned(), name),
            places,
            recusals,
            questions: c.questions,
            votes: c.votes,
            outcome_fa: c
                .ruling_outcome
                .map(|_| heyat_documents::decided_fa(c.ruling_outcome, c.ruling_grade)),
        });
    }
    Ok(SittingView {
        id: s.id,
        board_id: s.board_id,
        board_name: s.board_name,
        day_fa: day_fa(&s.held_on)?,
        chair_member_id: s.chair_member_id,
        chair_name: name(s.chair_member_id),
        present: s
            .present
            .into_iter()
            .map(|m| SittingMemberView {
                seat: m.seat,
                seat_fa: m.seat.title_fa().to_owned(),
                member_id: m.member_id,
                name: m.name,
            })
            .collect(),
        cases,
    })
}

async fn sitting_board(state: &AppState, sitting_id: i64) -> Result<i64, CommandError> {
    Ok(state.store.sitting(sitting_id).await?.board_id)
}

/// A sitting with its cases in order.
#[tauri::command]
pub async fn get_sitting(
    state: State<'_, AppState>,
    sitting_id: i64,
) -> Result<SittingView, CommandError> {
    let board_id = sitting_board(&state, sitting_id).await?;
    state.allow_board(Action::ReadCases, board_id).await?;
    view(&state, sitting_id).await
}

/// The caller's board's sittings of the last 90 days and on, latest first.
#[tauri::command]
pub async fn list_sittings(state: State<'_, AppState>) -> Result<Vec<SittingRow>, CommandError> {
    let caller = state.allow(Action::ReadCases).await?;
    let from = (state.today() - chrono::Duration::days(90))
        .format("%Y-%m-%d")
        .to_string();
    state
        .store
        .sittings_from(&from)
        .await?
        .into_iter()
        .filter(|s| caller.board_id.is_none_or(|b| b == s.board_id))
        .map(|s| {
            Ok(SittingRow {
                id: s.id,
                board_name: s.board_name,
                day_fa: day_fa(&s.held_on)?,
                cases: s.cases,
            })
        })
        .collect()
}

/// Typesets the combined minutes of the sitting and saves the PDF in `documents/`.
#[tauri::command]
pub async fn print_sitting_minutes(
    state: State<'_, AppState>,
    sitting_id: i64,
) -> Result<PrintedRuling, CommandError> {
    let board_id = sitting_board(&state, sitting_id).await?;
    state.allow_board(Action::Print, board_id).await?;
    let (input, name) = heyat_documents::sitting_minutes(&state.store, sitting_id).await?;
    let rendered = state
        .renderer
        .sitting_minutes(&input)
        .map_err(heyat_documents::DocumentError::from)?;
    Ok(heyat_documents::save(&state.data_dir, &name, rendered)?.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use heyat_core::board::Seat;
    use heyat_core::proceedings::HolderWas;

    #[test]
    fn a_holder_marked_recused_for_the_sitting_is_away_for_every_case() {
        let a = SessionAttendance {
            judge_1: HolderWas::Recused,
            judge_2: HolderWas::Present,
            representative: HolderWas::Present,
            alternate_judge_present: true,
            alternate_representative_present: false,
        };
        let att = present_only(&a);
        assert!(att.recused.is_empty());
        assert!(!att.present.contains(&Seat::Judge1));
        assert!(att.present.contains(&Seat::AlternateJudge));
    }
}
