use chrono::NaiveDate;
use heyat_core::date::JalaliDate;
use heyat_store::Store;
use std::path::{Path, PathBuf};

/// What the commands share: the open database, the renderer, the clock and who acts.
pub struct AppState {
    pub store: Store,
    /// Fonts and templates, parsed once for every document the app prints.
    pub renderer: heyat_render::Renderer,
    pub data_dir: PathBuf,
    /// A day pinned for tests and demos (`HEYAT_TODAY`); otherwise the clock is read each time.
    pub pinned_today: Option<NaiveDate>,
    /// The person the audit log names for every change made from this window: the account
    /// logged in to the computer, until the app has logins of its own.
    pub actor: String,
    /// Whether `open_evidence` hands the checked copy to the desktop's viewer (`xdg-open`).
    pub open_with_viewer: bool,
    /// What a restore asked for at the last run did at this start, in Persian.
    pub restore_note: Option<String>,
    /// The data folder held for as long as the app runs: no restore replaces the database
    /// under it (`heyat restore` is refused meanwhile). `None` once released.
    lock: std::sync::Mutex<Option<heyat_store::DataLock>>,
}

/// The file in the data folder naming the backup to put back at the next start; the store
/// cannot be replaced under the running app, so a restore waits for a restart.
pub const RESTORE_PENDING: &str = "restore-pending";

/// Puts back the backup named in `restore-pending`, if any, before the database opens.
/// Answers what happened, for the UI; a failed restore leaves the current database in place.
async fn restore_pending(data_dir: &Path) -> Option<String> {
    let marker = data_dir.join(RESTORE_PENDING);
    let name = std::fs::read_to_string(&marker).ok()?;
    let backup = data_dir.join("backups").join(name.trim());
    let db = data_dir.join(heyat_store::DATABASE_FILE);
    let restored = Store::restore_from(&backup, &db, false, &os_user()).await;
    // Another window of the app holds the folder: the restore waits for a start with none.
    if !matches!(restored, Err(heyat_store::StoreError::Locked { .. })) {
        let _ = std::fs::remove_file(&marker);
    }
    Some(match restored {
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
    pub async fn open(
        data_dir: &Path,
        pinned_today: Option<NaiveDate>,
    ) -> Result<AppState, StartError> {
        let restore_note = restore_pending(data_dir).await;
        let lock = heyat_store::DataLock::acquire(data_dir)?;
        let store = Store::open_in(data_dir).await?;
        let today = pinned_today.unwrap_or_else(|| chrono::Local::now().date_naive());
        store.load_demo_if_new(today).await?;
        Ok(AppState {
            store,
            renderer: heyat_render::Renderer::new(),
            data_dir: data_dir.to_path_buf(),
            pinned_today,
            actor: os_user(),
            open_with_viewer: true,
            restore_note,
            lock: std::sync::Mutex::new(Some(lock)),
        })
    }

    /// Lets go of the data folder (the app is closing): a restore may run from now on.
    pub fn release_lock(&self) {
        if let Ok(mut held) = self.lock.lock() {
            held.take();
        }
    }
}

impl AppState {
    /// Today, read when asked: an app left open overnight moves on to the next day.
    pub fn today(&self) -> NaiveDate {
        self.pinned_today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Today in the Solar Hijri calendar.
    pub fn today_jalali(&self) -> JalaliDate {
        let t = self.today();
        use chrono::Datelike;
        JalaliDate::from_iso(t.year(), t.month() as u8, t.day() as u8)
            .expect("the clock's day is a calendar day")
    }

    /// Today as the store keeps dates (ISO).
    pub fn today_iso(&self) -> String {
        self.today().format("%Y-%m-%d").to_string()
    }
}

/// The account logged in to the computer, which the audit log names.
fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .map_or_else(|| "کاربر این رایانه".to_owned(), |u| format!("کاربر {u}"))
}

/// A day pinned by `HEYAT_TODAY` (tests and demos), if any; otherwise the clock is read. Only
/// a debug or test build honours it: a release build dates what it does by the clock, and
/// says on standard error that it ignored the variable.
pub fn pinned_today_from_env() -> Result<Option<NaiveDate>, StartError> {
    pinned_today(std::env::var("HEYAT_TODAY").ok(), cfg!(debug_assertions))
}

/// The day `value` pins, when this build `honoured` it.
pub fn pinned_today(
    value: Option<String>,
    honoured: bool,
) -> Result<Option<NaiveDate>, StartError> {
    let Some(text) = value else { return Ok(None) };
    if !honoured {
        eprintln!(
            "HEYAT_TODAY نادیده گرفته شد: در نسخهٔ نهایی «امروز» را ساعت رایانه می‌گوید، نه این متغیر."
        );
        return Ok(None);
    }
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| StartError::Today(text))
}
