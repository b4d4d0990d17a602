//! The desk, the sessions agenda, the deadlines screen and the calendar.

use crate::AppState;
use crate::dto::{
    AgendaRow, AppInfo, CalendarDay, CalendarMonth, DESK_LINES, DeadlinePage, DeadlineRow,
    DeskView, MAX_PAGE, StatusCountRow, UnsignedRow,
};
use crate::error::CommandError;
use heyat_core::date::{JalaliDate, days_in_month, month_name_fa};
use heyat_core::to_persian_digits;
use tauri::State;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, CommandError> {
    let caller = state.signed_in().await?;
    let boards = state.store.boards().await?;
    let today = state.today_jalali();
    // The board the person works for; an administrator's header names the first-instance one.
    let board = match caller.board_id {
        Some(id) => boards.into_iter().find(|b| b.id == id),
        None => boards.into_iter().find(|b| b.kind == "first_instance"),
    };
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        board_name: board.map(|b| b.name),
        data_dir: state.data_dir.display().to_string(),
        database_path: state.store.location(),
        today: state.today_iso(),
        today_fa: format!("{} {}", today.weekday().name_fa(), today.format_fa()),
        today_solar: today.format(),
        restore_note: state.restore_note.clone(),
        restore_pending: std::fs::read_to_string(state.data_dir.join(crate::RESTORE_PENDING))
            .ok()
            .and_then(|n| n.lines().next().map(|l| l.trim().to_owned())),
    })
}

#[tauri::command]
pub async fn status_counts(
    state: State<'_, AppState>,
) -> Result<Vec<StatusCountRow>, CommandError> {
    state
        .allow(heyat_core::proceedings::Action::ReadCases)
        .await?;
    Ok(state
        .store
        .status_counts()
        .await?
        .into_iter()
        .map(|c| StatusCountRow {
            status: c.status,
            status_fa: c.status.title_fa().to_owned(),
            count: c.count,
        })
        .collect())
}

fn agenda_row(s: heyat_store::ScheduledSession, today: &str) -> Result<AgendaRow, CommandError> {
    let day = JalaliDate::parse_iso(&s.scheduled_on)?;
    Ok(AgendaRow {
        id: s.id,
        case_id: s.case_id,
        case_number: heyat_store::case_number(s.case_year, s.case_seq),
        board_name: s.board_name,
        office_name: s.office_name,
        manager_name: s.manager_name,
        day_fa: format!("{} {}", day.weekday().name_fa(), day.format_fa()),
        time_fa: to_persian_digits(&s.at_time),
        note: s.note,
        is_today: s.scheduled_on == today,
    })
}

/// The sessions set from today on, for the sessions screen.
#[tauri::command]
pub async fn agenda(state: State<'_, AppState>) -> Result<Vec<AgendaRow>, CommandError> {
    state
        .allow(heyat_core::proceedings::Action::ReadCases)
        .await?;
    let today = state.today_iso();
    state
        .store
        .agenda(&today, "9999-12-31")
        .await?
        .into_iter()
        .map(|s| agenda_row(s, &today))
        .collect()
}

fn deadline_row(d: heyat_store::Deadline, today: JalaliDate) -> DeadlineRow {
    DeadlineRow {
        kind_fa: d.kind.title_fa().to_owned(),
        article: d.kind.article().to_owned(),
        kind: d.kind.code().to_owned(),
        due_on_fa: d.due_on.format_fa(),
        days_left: today.days_until(d.due_on),
        case_id: d.case_id,
        case_number: d.case_number,
        office_name: d.office_name,
    }
}

/// A page of the limits running on the board's cases, soonest first: the 20 days to appeal
/// a notified ruling (Art 33) and limitation before a ruling (Art 30), as the engine
/// computed them when each case last changed (kept in the store).
#[tauri::command]
pub async fn deadlines(
    state: State<'_, AppState>,
    offset: Option<i64>,
    limit: Option<i64>,
) -> Result<DeadlinePage, CommandError> {
    state
        .allow(heyat_core::proceedings::Action::ReadCases)
        .await?;
    let limit = limit.unwrap_or(MAX_PAGE);
    let offset = offset.unwrap_or(0);
    if !(1..=MAX_PAGE).contains(&limit) || offset < 0 {
        return Err(CommandError::invalid(
            "صفحهٔ فهرست نادرست خواسته شد: از ۱ تا ۵۰۰ سطر، از سطر صفر به بعد.",
        ));
    }
    let today = state.today_jalali();
    let page = state
        .store
        .deadlines_page(today, None, offset, Some(limit))
        .await?;
    Ok(DeadlinePage {
        total: page.total,
        offset,
        rows: page
            .rows
            .into_iter()
            .map(|d| deadline_row(d, today))
            .collect(),
    })
}

/// The desk: today's sessions, the next two weeks', limits running out, counts by status,
/// rulings awaiting signatures and rulings whose appeal period has ended.
#[tauri::command]
pub async fn desk(state: State<'_, AppState>) -> Result<DeskView, CommandError> {
    state
        .allow(heyat_core::proceedings::Action::ReadCases)
        .await?;
    let today = state.today_jalali();
    let today_iso = today.to_iso_string();
    let until = today.add_days(14)?.to_iso_string();
    let (mut today_rows, mut upcoming) = (Vec::new(), Vec::new());
    for s in state.store.agenda(&today_iso, &until).await? {
        let row = agenda_row(s, &today_iso)?;
        if row.is_today {
            today_rows.push(row);
        } else {
            upcoming.push(row);
        }
    }
    let limits = state
        .store
        .deadlines_page(today, Some(30), 0, Some(DESK_LINES))
        .await?;
    let unsigned = state.store.awaiting_signatures().await?;
    let unsigned_total = unsigned.len() as i64;
    let unsigned = unsigned
        .into_iter()
        .take(DESK_LINES as usize)
        .map(|u| UnsignedRow {
            case_id: u.case_id,
            case_number: u.case_number,
            office_name: u.office_name,
            signed: u.signed,
            sitting: u.sitting,
        })
        .collect();
    let (finalizable_total, finalizable) = state.store.finalizable(today, DESK_LINES).await?;
    let suspensions = state.store.suspended_cases(today).await?;
    let suspensions_total = suspensions.len() as i64;
    let suspensions = suspensions
        .into_iter()
        .take(DESK_LINES as usize)
        .map(|s| crate::views::suspension_view(s, today))
        .collect::<Result<_, _>>()?;
    Ok(DeskView {
        suspensions,
        suspensions_total,
        unsigned_total,
        finalizable_total,
        finalizable,
        today_fa: format!("{} {}", today.weekday().name_fa(), today.format_fa()),
        today: today_rows,
        upcoming,
        deadlines_total: limits.total,
        deadlines: limits
            .rows
            .into_iter()
            .map(|d| deadline_row(d, today))
            .collect(),
        counts: status_counts(state).await?,
        unsigned,
    })
}

/// Makes final every notified ruling whose appeal period has ended with no appeal (Art 33);
/// answers the case numbers.
#[tauri::command]
pub async fn finalize_due(state: State<'_, AppState>) -> Result<Vec<String>, CommandError> {
    let caller = state
        .allow(heyat_core::proceedings::Action::Finalize)
        .await?;
    Ok(state
        .store
        .finalize_due(state.today_jalali(), &caller.actor())
        .await?)
}

/// A Solar Hijri month for the date picker (today's when `year`/`month` are absent), with
/// Fridays and the holidays on record marked closed.
#[tauri::command]
pub async fn calendar_month(
    state: State<'_, AppState>,
    year: Option<i32>,
    month: Option<u8>,
) -> Result<CalendarMonth, CommandError> {
    state.signed_in().await?;
    let today = state.today_jalali();
    let (year, month) = (year.unwrap_or(today.year()), month.unwrap_or(today.month()));
    let first = JalaliDate::new(year, month, 1)?;
    let holidays = state.store.holidays().await?;
    let days = (0..i64::from(days_in_month(year, month)))
        .map(|i| {
            let d = first.add_days(i)?;
            let iso = d.to_iso_string();
            let closed = holidays
                .iter()
                .find(|h| h.day == iso)
                .map(|h| h.title.clone())
                .or_else(|| d.is_friday().then(|| "جمعه".to_owned()));
            Ok(CalendarDay {
                day: d.day(),
                solar: d.format(),
                weekday: d.weekday() as u8,
                closed,
                today: d == today,
                iso,
            })
        })
        .collect::<Result<_, CommandError>>()?;
    Ok(CalendarMonth {
        year,
        month,
        title_fa: format!(
            "{} {}",
            month_name_fa(month),
            to_persian_digits(&year.to_string())
        ),
        days,
    })
}
