// Declares the app's commands so that each gets an `allow-…` permission; the capability in
// `capabilities/` grants exactly those the UI uses, and nothing else is callable.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_cases",
    "status_counts",
    "list_boards",
    "catalogue",
    "vocabulary",
    "record_case_facts",
    "article",
    "suggest",
    "open_case",
    "suggest_for_case",
    "print_ruling",
    "check_quorum",
    "record_session",
    "record_votes",
    "list_offices",
    "register_complaint",
    "add_charge",
    "sign_off",
    "set_member_pin",
    "preview_ruling",
    "calendar_month",
    "desk",
    "agenda",
    "schedule_session",
    "case_history",
    "list_holidays",
    "add_holiday",
    "remove_holiday",
    "seat_new_member",
    "attach_evidence",
    "open_evidence",
    "print_minutes",
    "list_backups",
    "restore_on_restart",
    "pending_notices",
    "print_notice",
    "finalize_due",
    "record_notification",
    "file_appeal",
    "deadlines",
    "backup_now",
    "evidence_text",
    "reveal_reporter",
    "set_case_subject",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
