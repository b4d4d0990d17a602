//! Heyat's desktop app. Commands here parse their input, call a crate, and map its error to
//! a code and a Persian message; the UI reaches them only through `ui/src/lib/ipc.ts`.

pub mod commands;
pub mod dto;
pub mod error;
pub mod logging;
mod state;
mod views;

pub use state::{AppState, RESTORE_PENDING, StartError, pinned_today};

use tauri::Manager;

/// Registers Heyat's commands on a builder (the real one, or the mock one in tests).
pub fn with_commands<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::auth::auth_state,
        commands::auth::first_start,
        commands::auth::sign_in,
        commands::auth::sign_out,
        commands::auth::lock,
        commands::auth::enrol,
        commands::auth::change_password,
        commands::auth::list_accounts,
        commands::auth::create_account,
        commands::auth::reissue_enrolment,
        commands::auth::unlock_account,
        commands::auth::deactivate_account,
        commands::auth::export_board_keys,
        commands::auth::checkpoint_audit,
        commands::auth::verify_document,
        commands::desk::app_info,
        commands::start::start_status,
        commands::start::retry_start,
        commands::case_file::list_cases,
        commands::desk::status_counts,
        commands::settings::list_boards,
        commands::case_file::catalogue,
        commands::case_file::qualifications,
        commands::case_file::vocabulary,
        commands::case_file::record_case_facts,
        commands::case_file::article,
        commands::case_file::suggest,
        commands::case_file::open_case,
        commands::case_file::suggest_for_case,
        commands::rulings::print_ruling,
        commands::hearing::check_quorum,
        commands::hearing::record_session,
        commands::hearing::record_votes,
        commands::complaints::list_offices,
        commands::complaints::register_complaint,
        commands::case_file::add_charge,
        commands::rulings::sign_off,
        commands::rulings::preview_ruling,
        commands::desk::calendar_month,
        commands::desk::desk,
        commands::desk::agenda,
        commands::hearing::schedule_session,
        commands::case_file::case_history,
        commands::settings::list_holidays,
        commands::settings::add_holiday,
        commands::settings::remove_holiday,
        commands::settings::seat_new_member,
        commands::evidence::attach_evidence,
        commands::evidence::open_evidence,
        commands::hearing::print_minutes,
        commands::docket::docket_day,
        commands::docket::sitting_quorum,
        commands::docket::open_sitting,
        commands::docket::recuse_in_sitting,
        commands::docket::get_sitting,
        commands::docket::list_sittings,
        commands::docket::print_sitting_minutes,
        commands::settings::list_backups,
        commands::settings::restore_on_restart,
        commands::rulings::pending_notices,
        commands::rulings::print_notice,
        commands::desk::finalize_due,
        commands::batch::reprint_rulings,
        commands::batch::stop_batch,
        commands::service::record_notification,
        commands::service::file_appeal,
        commands::desk::deadlines,
        commands::settings::backup_now,
        commands::evidence::evidence_text,
        commands::complaints::reveal_reporter,
        commands::case_file::set_case_subject,
        commands::case_file::set_lost_qualifications,
        commands::case_file::revoke_suspension,
        commands::case_file::close_suspension,
        commands::files::open_document,
        commands::files::show_in_folder,
        commands::diagnostics::diagnostics,
        commands::files::read_document,
        commands::files::print_view,
        commands::reports::statistics,
        commands::reports::ranking,
        commands::reports::print_ranking,
        commands::reports::export_list,
        commands::reports::import_template,
        commands::reports::import_register,
        commands::summons::list_summonses,
        commands::summons::issue_summons,
        commands::summons::print_summons,
        commands::summons::record_summons_service,
        commands::summons::record_defence,
        commands::packages::export_case_package,
        commands::packages::verify_case_package,
        commands::packages::receive_case_package,
        commands::packages::received_packages,
        commands::packages::open_received_file,
        commands::packages::open_case_from_package,
    ])
}

/// Starts the app: opens the database in the data folder (`HEYAT_DATA_DIR` overrides it; a
/// PostgreSQL server with `--db postgres://…`, `HEYAT_DB` or the folder's `server.url`),
/// with `HEYAT_DEMO=1` (or `--demo`) loads the demo on the very first start, and shows the
/// window.
pub fn run() {
    with_commands(tauri::Builder::default())
        .setup(|app| {
            let data_dir = match std::env::var_os("HEYAT_DATA_DIR") {
                Some(dir) => dir.into(),
                None => app.path().app_data_dir()?,
            };
            let today = state::pinned_today_from_env()?;
            // The demo data and its accounts only when asked for (`./run` does): a real first
            // start asks for the administrator instead.
            let demo = std::env::var("HEYAT_DEMO").is_ok_and(|v| v == "1")
                || std::env::args().any(|a| a == "--demo");
            logging::init(&data_dir);
            tracing::info!(
                version = env!("CARGO_PKG_VERSION"),
                os = std::env::consts::OS,
                data_dir = %data_dir.display(),
                demo,
                "start"
            );
            // A PostgreSQL server instead of the folder's own database: `--db postgres://…`
            // or HEYAT_DB (the folder's `server.url` does the same, kept with the folder).
            let db = std::env::args()
                .skip_while(|a| a != "--db")
                .nth(1)
                .or_else(|| std::env::var("HEYAT_DB").ok())
                .filter(|d| !d.is_empty());
            // A database that does not open still opens the window, which says why and
            // offers to try again (commands::start).
            let args = commands::start::StartArgs {
                data_dir,
                db,
                today,
                demo,
            };
            let opened = tauri::async_runtime::block_on(args.open());
            commands::start::install(&*app, args, opened);
            Ok(())
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("هیأت اجرا نشد: {e}");
            std::process::exit(1);
        });
}
