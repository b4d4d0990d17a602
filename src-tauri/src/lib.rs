//! Heyat's desktop app. Commands here parse their input, call a crate, and map its error to
//! a code and a Persian message; the UI reaches them only through `ui/src/lib/ipc.ts`.

pub mod commands;
pub mod dto;
mod state;

pub use state::{AppState, RESTORE_PENDING, StartError};

use tauri::Manager;

/// Registers Heyat's commands on a builder (the real one, or the mock one in tests).
pub fn with_commands<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app_info,
        commands::list_cases,
        commands::status_counts,
        commands::list_boards,
        commands::catalogue,
        commands::article,
        commands::suggest,
        commands::open_case,
        commands::suggest_for_case,
        commands::print_ruling,
        commands::check_quorum,
        commands::record_session,
        commands::record_votes,
        commands::list_offices,
        commands::register_complaint,
        commands::add_charge,
        commands::sign_off,
        commands::set_member_pin,
        commands::preview_ruling,
        commands::calendar_month,
        commands::desk,
        commands::agenda,
        commands::schedule_session,
        commands::case_history,
        commands::list_holidays,
        commands::add_holiday,
        commands::remove_holiday,
        commands::seat_new_member,
        commands::attach_evidence,
        commands::open_evidence,
        commands::print_minutes,
        commands::list_backups,
        commands::restore_on_restart,
        commands::pending_notices,
        commands::print_notice,
        commands::finalize_due,
        commands::record_notification,
        commands::file_appeal,
        commands::deadlines,
        commands::backup_now,
    ])
}

/// Starts the app: opens the database in the data folder (`HEYAT_DATA_DIR` overrides it),
/// loads demo data on the very first start, and shows the window.
pub fn run() {
    with_commands(tauri::Builder::default())
        .setup(|app| {
            let data_dir = match std::env::var_os("HEYAT_DATA_DIR") {
                Some(dir) => dir.into(),
                None => app.path().app_data_dir()?,
            };
            let today = state::today_from_env()?;
            let state = tauri::async_runtime::block_on(AppState::open(&data_dir, today))?;
            app.manage(state);
            Ok(())
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("هیأت اجرا نشد: {e}");
            std::process::exit(1);
        });
}
