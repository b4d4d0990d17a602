//! The hearing: scheduling, attendance and quorum, the session, the votes, the minutes.

use crate::AppState;
use crate::dto::{PlaceView, PrintedRuling, QuorumView, SessionAttendance, TallyView, VoteInput};
use crate::error::CommandError;
use crate::views::iso_date;
use heyat_core::board::Seat;
use heyat_core::proceedings::{HolderWas, QuestionKind};
use heyat_core::session::{Attendance, Sitting, seat_the_board};
use tauri::State;

/// Sets a session for a case (Solar Hijri or ISO day, optional `HH:MM`); a day already past
/// is refused.
#[tauri::command]
pub async fn schedule_session(
    state: State<'_, AppState>,
    case_id: i64,
    day: String,
    at_time: String,
    note: String,
) -> Result<i64, CommandError> {
    let caller = state
        .allow_case(heyat_core::proceedings::Action::Schedule, case_id)
        .await?;
    let day = iso_date("تاریخ جلسه", &day)?;
    Ok(state
        .store
        .schedule_hearing(
            case_id,
            &day,
            &at_time,
            &note,
            state.today_jalali(),
            &caller.actor(),
        )
        .await?)
}

pub(crate) fn attendance_of(a: &SessionAttendance) -> Attendance {
    let mut att = Attendance::default();
    for (seat, status) in [
        (Seat::Judge1, a.judge_1),
        (Seat::Judge2, a.judge_2),
        (Seat::Representative, a.representative),
    ] {
        match status {
            HolderWas::Present => att.present.push(seat),
            HolderWas::Recused => att.recused.push(seat),
            HolderWas::Absent => {}
        }
    }
    if a.alternate_judge_present {
        att.present.push(Seat::AlternateJudge);
    }
    if a.alternate_representative_present {
        att.present.push(Seat::AlternateRepresentative);
    }
    att
}

/// Who fills each place of the sitting, from the roster of the board hearing the case.
async fn places(
    state: &AppState,
    case_id: i64,
    sitting: &Sitting,
) -> Result<Vec<PlaceView>, CommandError> {
    Ok(state
        .store
        .places_of(case_id, sitting)
        .await?
        .into_iter()
        .map(|p| PlaceView {
            seat: p.seat,
            seat_fa: p.seat.title_fa().to_owned(),
            member_id: p.member_id,
            member_name: p.name,
            by_alternate: p.by_alternate,
        })
        .collect())
}

/// Whether the board hearing the case has quorum with this attendance (Art 28), and who sits.
#[tauri::command]
pub async fn check_quorum(
    state: State<'_, AppState>,
    case_id: i64,
    attendance: SessionAttendance,
) -> Result<QuorumView, CommandError> {
    state
        .allow_case(heyat_core::proceedings::Action::ReadCases, case_id)
        .await?;
    Ok(match seat_the_board(&attendance_of(&attendance)) {
        Ok(sitting) => QuorumView {
            quorum: true,
            message: None,
            places: places(&state, case_id, &sitting).await?,
        },
        Err(e) => QuorumView {
            quorum: false,
            message: Some(e.to_string()),
            places: Vec::new(),
        },
    })
}

/// Records a session held, with the chair elected (Art 26); refused without quorum (Art 28).
#[tauri::command]
pub async fn record_session(
    state: State<'_, AppState>,
    case_id: i64,
    held_on: String,
    attendance: SessionAttendance,
    chair_member_id: Option<i64>,
) -> Result<i64, CommandError> {
    let caller = state
        .allow_case(heyat_core::proceedings::Action::HoldSession, case_id)
        .await?;
    let sitting = seat_the_board(&attendance_of(&attendance))
        .map_err(|e| CommandError::invalid(e.to_string()))?;
    let holder_was = |seat: Seat| match seat {
        Seat::Judge1 => attendance.judge_1,
        Seat::Judge2 => attendance.judge_2,
        _ => attendance.representative,
    };
    let session = heyat_store::NewSession {
        case_id,
        held_on: iso_date("تاریخ جلسه", &held_on)?,
        attendance: places(&state, case_id, &sitting)
            .await?
            .into_iter()
            .map(|p| heyat_store::AttendanceRecord {
                seat: p.seat,
                member_id: p.member_id,
                holder_was: holder_was(p.seat),
            })
            .collect(),
        minutes: String::new(),
    };
    Ok(state
        .store
        .hold_session(
            &session,
            chair_member_id,
            &state.today_iso(),
            &caller.actor(),
        )
        .await?)
}

/// Records the sitting members' votes on one question and counts them (Art 28).
#[tauri::command]
pub async fn record_votes(
    state: State<'_, AppState>,
    session_id: i64,
    question: String,
    kind: QuestionKind,
    charge_id: Option<i64>,
    votes: Vec<VoteInput>,
) -> Result<TallyView, CommandError> {
    let caller = state
        .allow_chair(heyat_core::proceedings::Action::RecordVotes, session_id)
        .await?;
    let motion = heyat_store::Motion {
        kind,
        charge_id,
        text: question,
    };
    let ballots: Vec<_> = votes
        .into_iter()
        .map(|v| heyat_store::Ballot {
            member_id: v.member_id,
            choice: v.choice,
            dissent: v.dissent,
        })
        .collect();
    let count = state
        .store
        .cast_votes(session_id, &motion, &ballots, &caller.actor())
        .await?;
    let names = state.store.member_names().await?;
    let name = |id: &i64| names.get(id).cloned().unwrap_or_else(|| "—".to_owned());
    Ok(TallyView {
        decided: count.decided,
        dissenters: count.dissenters.iter().map(name).collect(),
        awaiting: count.awaiting.iter().map(name).collect(),
    })
}

/// Typesets the minutes of a session held in the case and saves the PDF in `documents/`.
#[tauri::command]
pub async fn print_minutes(
    state: State<'_, AppState>,
    case_id: i64,
    session_id: i64,
) -> Result<PrintedRuling, CommandError> {
    state
        .allow_case(heyat_core::proceedings::Action::Print, case_id)
        .await?;
    let (input, name) = heyat_documents::minutes(&state.store, case_id, session_id).await?;
    let rendered = state
        .renderer
        .minutes(&input)
        .map_err(heyat_documents::DocumentError::from)?;
    Ok(heyat_documents::save(&state.data_dir, &name, rendered)?.into())
}
