//! "Copy diagnostics" in the settings: what support staff ask for, as text: the version, the
//! system, the data folder and its database, the audit chain's state, and the log's last
//! lines (which keep no typed value, see `logging`).

use crate::AppState;
use crate::error::CommandError;
use tauri::State;

/// The diagnostics as plain text, for the clipboard.
#[tauri::command]
pub async fn diagnostics(state: State<'_, AppState>) -> Result<String, CommandError> {
    let caller = state.signed_in().await?;
    let db = state.store.location();
    let db_bytes = match state.store.backend() {
        heyat_store::Backend::Sqlite => std::fs::metadata(state.store.path())
            .map(|m| format!("{} bytes", m.len()))
            .unwrap_or_default(),
        heyat_store::Backend::Postgres => "PostgreSQL server".to_owned(),
    };
    let mut out = String::new();
    out.push_str(&format!("Heyat {}\n", env!("CARGO_PKG_VERSION")));
    out.push_str(&format!(
        "system: {} {} ({})\n",
        std::env::consts::OS,
        std::env::consts::ARCH,
        std::env::consts::FAMILY
    ));
    out.push_str(&format!("today: {}\n", state.today_iso()));
    out.push_str(&format!("role: {}\n", caller.role.code()));
    out.push_str(&format!("data folder: {}\n", state.data_dir.display()));
    out.push_str(&format!("database: {db} ({db_bytes})\n"));
    out.push_str(&format!(
        "audit chain: {}\n",
        match state.audit_check() {
            crate::state::AuditCheck::Checking => "checking".to_owned(),
            crate::state::AuditCheck::Intact => "intact".to_owned(),
            crate::state::AuditCheck::Broken(p) => crate::logging::scrub(&p),
        }
    ));
    out.push_str(&format!(
        "log folder: {}\n--- last log lines ---\n",
        crate::logging::log_dir(&state.data_dir).display()
    ));
    for line in crate::logging::tail(&state.data_dir, 40) {
        out.push_str(&line);
        out.push('\n');
    }
    tracing::info!("diagnostics copied");
    Ok(out)
}
