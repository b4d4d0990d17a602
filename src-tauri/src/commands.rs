//! The commands the UI may call (each granted in `capabilities/main.json`).

use crate::AppState;
use crate::dto::{AppInfo, BoardView, CaseRow, CommandError, SeatView, StatusCountRow};
use chrono::{Datelike, NaiveDate};
use heyat_core::date::JalaliDate;
use heyat_store::CaseFilter;
use tauri::State;

/// The longest search text accepted; anything longer is a mistake, not a query.
const MAX_QUERY_CHARS: usize = 200;

fn invalid(message: impl Into<String>) -> CommandError {
    CommandError {
        code: "invalid_input".into(),
        message: message.into(),
    }
}

fn jalali(date: NaiveDate) -> Result<JalaliDate, CommandError> {
    JalaliDate::from_iso(date.year(), date.month() as u8, date.day() as u8).map_err(|e| {
        CommandError {
            code: "date".into(),
            message: e.to_string(),
        }
    })
}

/// An ISO date from the database as people read it: Solar Hijri with Persian digits.
fn fa_date(iso: &str) -> Result<String, CommandError> {
    JalaliDate::parse_iso(iso)
        .map(JalaliDate::format_fa)
        .map_err(|e| CommandError {
            code: "date".into(),
            message: e.to_string(),
        })
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, CommandError> {
    let boards = state.store.boards().await?;
    let today = jalali(state.today)?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        board_name: boards
            .into_iter()
            .find(|b| b.kind == "first_instance")
            .map(|b| b.name),
        data_dir: state.data_dir.display().to_string(),
        database_path: state.store.path().display().to_string(),
        today: state.today.format("%Y-%m-%d").to_string(),
        today_fa: format!("{} {}", today.weekday().name_fa(), today.format_fa()),
    })
}

#[tauri::command]
pub async fn list_cases(
    state: State<'_, AppState>,
    filter: CaseFilter,
) -> Result<Vec<CaseRow>, CommandError> {
    if filter
        .text
        .as_deref()
        .is_some_and(|t| t.chars().count() > MAX_QUERY_CHARS)
    {
        return Err(invalid(
            "عبارت جستجو بیش از ۲۰۰ نویسه است؛ آن را کوتاه‌تر کنید.",
        ));
    }
    let cases = state.store.cases(&filter).await?;
    cases
        .into_iter()
        .map(|case| {
            Ok(CaseRow {
                status_fa: case.status.title_fa().to_owned(),
                registered_on_fa: fa_date(&case.registered_on)?,
                case,
            })
        })
        .collect()
}

#[tauri::command]
pub async fn status_counts(
    state: State<'_, AppState>,
) -> Result<Vec<StatusCountRow>, CommandError> {
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

fn seat_fa(seat: &str) -> &'static str {
    match seat {
        "judge_1" => "عضو قاضی اول",
        "judge_2" => "عضو قاضی دوم",
        "representative" => "نماینده",
        "alternate_judge" => "عضو علی‌البدل قاضی",
        "alternate_representative" => "عضو علی‌البدل نماینده",
        _ => "جایگاه نامشخص",
    }
}

fn member_kind_fa(kind: &str) -> &'static str {
    match kind {
        "judge" => "قاضی",
        "kanoon_rep" => "نمایندهٔ کانون",
        "center_rep" => "نمایندهٔ مرکز",
        _ => "نامشخص",
    }
}

#[tauri::command]
pub async fn list_boards(state: State<'_, AppState>) -> Result<Vec<BoardView>, CommandError> {
    state
        .store
        .boards()
        .await?
        .into_iter()
        .map(|b| {
            Ok(BoardView {
                id: b.id,
                kind_fa: if b.kind == "appeal" {
                    "هیأت تجدیدنظر"
                } else {
                    "هیأت بدوی"
                }
                .to_owned(),
                kind: b.kind,
                name: b.name,
                province: b.province,
                term_start_fa: fa_date(&b.term_start)?,
                term_end_fa: fa_date(&b.term_end)?,
                seats: b
                    .seats
                    .into_iter()
                    .map(|s| SeatView {
                        seat_fa: seat_fa(&s.seat).to_owned(),
                        member_name: format!("{} {}", s.first_name, s.last_name),
                        member_kind_fa: member_kind_fa(&s.kind).to_owned(),
                        judicial_grade: s.judicial_grade,
                        seat: s.seat,
                    })
                    .collect(),
            })
        })
        .collect()
}
