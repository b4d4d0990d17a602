//! The summons (اخطاریه): issued and printed for a session, its service and the defence
//! recorded, listed in the case file. The rules are `heyat_core::proceedings::summons`; each
//! act is one store action.

use crate::AppState;
use crate::dto::{PrintedRuling, SummonsIssued, SummonsPanel, SummonsView};
use crate::error::CommandError;
use crate::views::{fa_date, iso_date};
use heyat_core::date::JalaliDate;
use heyat_core::proceedings::summons as s;
use heyat_core::proceedings::{Action, ServiceMethod};
use heyat_documents::DocumentError;
use heyat_store::SummonsRecord;
use tauri::State;

fn view(
    state: &AppState,
    r: &SummonsRecord,
    case_number: &str,
    too_soon: bool,
) -> Result<SummonsView, CommandError> {
    let lib =
        heyat_core::regulation::library().map_err(|e| CommandError::storage(e.to_string()))?;
    let today = state.today_jalali();
    let session =
        JalaliDate::parse_iso(&r.session_on).map_err(|e| CommandError::storage(e.to_string()))?;
    let due = r
        .defence_due
        .as_deref()
        .map(JalaliDate::parse_iso)
        .transpose()
        .map_err(|e| CommandError::storage(e.to_string()))?;
    let pdf = state
        .data_dir
        .join("documents")
        .join(heyat_documents::summons_file(case_number, r.id));
    Ok(SummonsView {
        id: r.id,
        case_id: r.case_id,
        issued_on_fa: fa_date(&r.issued_on)?,
        session_on_fa: format!("{} {}", session.weekday().name_fa(), session.format_fa()),
        at_time_fa: heyat_core::to_persian_digits(&r.at_time),
        place: r.place.clone(),
        charges_fa: r
            .charges
            .iter()
            .map(|c| match lib.get(&c.violation) {
                Some(heyat_core::regulation::Provision::Clause(_, cl)) => cl.title_fa.clone(),
                Some(p) => p.article().title_fa.clone(),
                None => c.violation.clone(),
            })
            .collect(),
        served_on_fa: r.served_on.as_deref().map(fa_date).transpose()?,
        method: r.method,
        defence_due_fa: due.map(JalaliDate::format_fa),
        days_left: due
            .filter(|_| r.defence_received_on.is_none())
            .map(|d| today.days_until(d)),
        session_too_soon: too_soon || due.is_some_and(|d| session <= d),
        defence_received_on_fa: r.defence_received_on.as_deref().map(fa_date).transpose()?,
        defence_late: r.defence_late,
        defence_note: r.defence_note.clone(),
        pdf_path: pdf.exists().then(|| pdf.display().to_string()),
    })
}

async fn case_number(state: &AppState, case_id: i64) -> Result<String, CommandError> {
    Ok(state.store.case_file(case_id).await?.case.number)
}

/// Typesets a summons as recorded and saves it under `documents/`.
async fn print(
    state: &AppState,
    summons_id: i64,
    secretary: &str,
) -> Result<PrintedRuling, CommandError> {
    let (input, name) = heyat_documents::summons(&state.store, summons_id, secretary).await?;
    let rendered = state
        .renderer
        .summons(&input)
        .map_err(DocumentError::from)?;
    Ok(heyat_documents::save(&state.data_dir, &name, rendered)?.into())
}

/// The summonses of a case, and what the form to issue one starts with: the next session
/// set for the case if it falls after the ten days to defend, and the first day that does.
#[tauri::command]
pub async fn list_summonses(
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<SummonsPanel, CommandError> {
    state.allow_case(Action::ReadCases, case_id).await?;
    let number = case_number(&state, case_id).await?;
    let today = state.today_jalali();
    let holidays = state.store.holiday_dates().await?;
    let earliest =
        s::earliest_session(today, &holidays).map_err(|e| CommandError::invalid(e.to_string()))?;
    let next = state
        .store
        .scheduled_for(case_id)
        .await?
        .into_iter()
        .filter_map(|sc| Some((JalaliDate::parse_iso(&sc.scheduled_on).ok()?, sc.at_time)))
        .find(|(day, _)| *day >= earliest);
    let mut summonses = Vec::new();
    for r in state.store.summonses_of(case_id).await? {
        summonses.push(view(&state, &r, &number, false)?);
    }
    Ok(SummonsPanel {
        summonses,
        scheduled_day: next.as_ref().map(|(d, _)| d.format()),
        scheduled_at: next.map(|(_, t)| t).filter(|t| !t.is_empty()),
        earliest_session: earliest.format(),
        earliest_session_fa: earliest.format_fa(),
        defence_days: s::DEFENCE_DAYS as u32,
    })
}

/// Issues a summons today for the session on `session_on` at `at_time` (the case's charges
/// frozen in it; the session set by the same action when none is on that day), then prints
/// it under `documents/`.
#[tauri::command]
pub async fn issue_summons(
    state: State<'_, AppState>,
    case_id: i64,
    session_on: String,
    at_time: String,
    place: String,
) -> Result<SummonsIssued, CommandError> {
    let caller = state.allow_case(Action::Summon, case_id).await?;
    let new = heyat_store::NewSummons {
        case_id,
        session_on: iso_date("روز جلسه", &session_on)?,
        at_time,
        place,
    };
    let record = state
        .store
        .issue_summons(&new, state.today_jalali(), &caller.actor())
        .await?;
    let printed = print(&state, record.id, &caller.name).await?;
    let number = case_number(&state, case_id).await?;
    Ok(SummonsIssued {
        summons: view(&state, &record, &number, false)?,
        printed,
    })
}

/// Prints a summons again (after its service, the print states it and the last day).
#[tauri::command]
pub async fn print_summons(
    state: State<'_, AppState>,
    summons_id: i64,
) -> Result<PrintedRuling, CommandError> {
    let case_id = state.store.summons(summons_id).await?.case_id;
    let caller = state.allow_case(Action::Print, case_id).await?;
    print(&state, summons_id, &caller.name).await
}

/// Records the service of a summons: the day and how; answers the last day to defend.
#[tauri::command]
pub async fn record_summons_service(
    state: State<'_, AppState>,
    summons_id: i64,
    method: ServiceMethod,
    served_on: String,
) -> Result<SummonsView, CommandError> {
    let case_id = state.store.summons(summons_id).await?.case_id;
    let caller = state.allow_case(Action::Summon, case_id).await?;
    let served_on = iso_date("تاریخ ابلاغ", &served_on)?;
    let (record, after) = state
        .store
        .serve_summons(
            summons_id,
            method,
            &served_on,
            state.today_jalali(),
            &caller.actor(),
        )
        .await?;
    let number = case_number(&state, case_id).await?;
    view(&state, &record, &number, after.session_too_soon)
}

/// Records the manager's written defence: the day it came and a note; a late one is kept and
/// marked late.
#[tauri::command]
pub async fn record_defence(
    state: State<'_, AppState>,
    summons_id: i64,
    received_on: String,
    note: String,
) -> Result<SummonsView, CommandError> {
    let case_id = state.store.summons(summons_id).await?.case_id;
    let caller = state.allow_case(Action::Summon, case_id).await?;
    let received_on = iso_date("تاریخ دریافت دفاعیه", &received_on)?;
    let record = state
        .store
        .record_defence(
            summons_id,
            &received_on,
            &note,
            state.today_jalali(),
            &caller.actor(),
        )
        .await?;
    let number = case_number(&state, case_id).await?;
    view(&state, &record, &number, false)
}
