use chrono::NaiveDate;
use heyat_store::Store;
use std::path::{Path, PathBuf};

/// What the commands share: the open database and the day the app started on.
pub struct AppState {
    pub store: Store,
    /// Fonts and templates, parsed once for every document the app prints.
    pub renderer: heyat_render::Renderer,
    pub data_dir: PathBuf,
    pub today: NaiveDate,
    /// Whether `open_evidence` hands the checked copy to the desktop's viewer (`xdg-open`).
    pub open_with_viewer: bool,
    /// What a restore asked for at the last run did at this start, in Persian.
    pub restore_note: Option<String>,
}

/// The file in the data folder naming the backup to put back at the next start; the store
/// cannot be replaced under the running app, so a restore waits for a restart.
pub const RESTORE_PENDING: &str = "restore-pending";

/// Puts back the backup named in `restore-pending`, if any, before the database opens.
/// Answers what happened, for the UI; a failed restore leaves the current database in place.
async fn restore_pending(data_dir: &Path) -> Option<String> {
    let marker = data_dir.join(RESTORE_PENDING);
    let name = std::fs::read_to_string(&marker).ok()?;
    let _ = std::fs::remove_file(&marker);
    let backup = data_dir.join("backups").join(name.trim());
    let db = data_dir.join(heyat_store::DATABASE_FILE);
    Some(match Store::restore_from(&backup, &db).await {
        Ok(report) => format!(
            "پشتیبان «{}» بازگردانده شد ({} جدول بررسی شد)؛ پایگاه دادهٔ پیشین در {} نگه داشته شد.",
            name.trim(),
            heyat_core::to_persian_digits(&report.counts.len().to_string()),
            report.previous.unwrap_or_else(|| "—".into())
        ),
        Err(e) => format!(
            "بازگردانی پشتیبان «{}» انجام نشد و پایگاه دادهٔ کنونی دست‌نخورده ماند: {e}",
            name.trim()
        ),
    })
}

/// Why the app could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Store(#[from] heyat_store::StoreError),
    #[error("HEYAT_TODAY باید تاریخی به شکل YYYY-MM-DD باشد، نه «{0}»")]
    Today(String),
}

impl AppState {
    /// Opens the database in `data_dir` and, on the very first start, loads the demo data.
    pub async fn open(data_dir: &Path, today: NaiveDate) -> Result<AppState, StartError> {
        let restore_note = restore_pending(data_dir).await;
        let store = Store::open_in(data_dir).await?;
        store.load_demo_if_new(today).await?;
        Ok(AppState {
            store,
            renderer: heyat_render::Renderer::new(),
            data_dir: data_dir.to_path_buf(),
            today,
            open_with_viewer: true,
            restore_note,
        })
    }
}

/// The app's "today": the system clock, unless `HEYAT_TODAY` pins it (tests and demos do).
pub fn today_from_env() -> Result<NaiveDate, StartError> {
    match std::env::var("HEYAT_TODAY") {
        Ok(text) => {
            NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| StartError::Today(text))
        }
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}
