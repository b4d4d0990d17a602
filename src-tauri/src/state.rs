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
        let store = Store::open_in(data_dir).await?;
        store.load_demo_if_new(today).await?;
        Ok(AppState {
            store,
            renderer: heyat_render::Renderer::new(),
            data_dir: data_dir.to_path_buf(),
            today,
            open_with_viewer: true,
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
