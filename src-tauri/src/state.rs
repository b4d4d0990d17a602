use chrono::NaiveDate;
use heyat_core::date::JalaliDate;
use heyat_core::proceedings::{Action, Caller, Scope};
use heyat_store::Store;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::CommandError;

/// What the commands share: the open database, the renderer, the clock and who acts.
pub struct AppState {
    pub store: Store,
    /// Fonts and templates, parsed once for every document the app prints.
    pub renderer: heyat_render::Renderer,
    pub data_dir: PathBuf,
    /// A day pinned for tests and demos (`HEYAT_TODAY`); otherwise the clock is read each time.
    pub pinned_today: Option<NaiveDate>,
    /// Who is signed in at this window; `None` before sign-in, after sign-out or a lock.
    pub session: Mutex<Option<Caller>>,
    /// Minutes without input after which the window locks.
    pub idle_lock_minutes: u32,
    /// The audit chain as checked at this start, in the background ([`AppState::check_audit`]):
    /// a province's chain of half a million rows takes seconds to hash, and the window must not
    /// wait for it.
    pub audit: std::sync::Arc<Mutex<AuditCheck>>,
    /// Whether documents and evidence copies are handed to the system's viewer (the opener).
    pub open_with_viewer: bool,
    /// What a restore asked for at the last run did at this start, in Persian.
    pub restore_note: Option<String>,
    /// A batch of rulings is being printed (one at a time), and whether it was asked to stop.
    pub batch_running: std::sync::atomic::AtomicBool,
    pub batch_stop: std::sync::atomic::AtomicBool,
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
    let text = std::fs::read_to_string(&marker).ok()?;
    // The backup's name, then who asked for the restore (the administrator signed in then).
    let mut lines = text.lines();
    let name = lines.next().unwrap_or_default().to_owned();
    let asked_by = lines
        .next()
        .filter(|a| !a.trim().is_empty())
        .unwrap_or("مدیر سامانه (درخواست پیشین)")
        .to_owned();
    let backup = data_dir.join("backups").join(name.trim());
    let db = data_dir.join(heyat_store::DATABASE_FILE);
    let restored = Store::restore_from(&backup, &db, false, &asked_by).await;
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

/// Where the start's check of the audit chain stands.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum AuditCheck {
    #[default]
    Checking,
    Intact,
    /// What is wrong, in Persian.
    Broken(String),
}

impl AuditCheck {
    /// The check's outcome as the banner says it.
    pub fn from_report(report: &heyat_store::AuditReport) -> AuditCheck {
        match report.problems.first() {
            None => AuditCheck::Intact,
            Some(first) => AuditCheck::Broken(format!(
                "دفتر رویدادها سالم نیست ({} مشکل؛ نخستین در ردیف {}): {}. تا روشن شدن علت، به داده‌ها اعتماد نکنید و با مدیر سامانه تماس بگیرید.",
                heyat_core::to_persian_digits(&report.problems.len().to_string()),
                heyat_core::to_persian_digits(&first.id.to_string()),
                first.problem
            )),
        }
    }

    /// What is wrong, if the check found (or failed with) a problem.
    pub fn problem(&self) -> Option<&str> {
        match self {
            AuditCheck::Broken(p) => Some(p),
            _ => None,
        }
    }
}

/// Why the app could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Store(#[from] heyat_store::StoreError),
    #[error("HEYAT_TODAY باید تاریخی به شکل YYYY-MM-DD باشد، نه «{0}»")]
    Today(String),
    #[error("{0}")]
    Document(#[from] heyat_documents::DocumentError),
}

impl AppState {
    /// Opens the database in `data_dir` and, on the very first start, loads the demo data.
    /// Opens the database in `data_dir`. With `demo`, a database that has never held data
    /// gets the demo data set and its accounts (README gives their password); without it,
    /// the first start asks for the administrator instead. The audit chain is checked here.
    pub async fn open(
        data_dir: &Path,
        pinned_today: Option<NaiveDate>,
        demo: bool,
    ) -> Result<AppState, StartError> {
        AppState::open_with(data_dir, None, pinned_today, demo).await
    }

    /// [`AppState::open`] on the database `db` names: a PostgreSQL server's URL (`--db` or
    /// `HEYAT_DB`), else the data folder's own (its `server.url`, else its SQLite file).
    pub async fn open_with(
        data_dir: &Path,
        db: Option<&str>,
        pinned_today: Option<NaiveDate>,
        demo: bool,
    ) -> Result<AppState, StartError> {
        let restore_note = restore_pending(data_dir).await;
        let lock = heyat_store::DataLock::acquire(data_dir)?;
        let store = Store::open_with(db, data_dir).await?;
        let today = pinned_today.unwrap_or_else(|| chrono::Local::now().date_naive());
        let renderer = heyat_render::Renderer::new();
        if demo {
            heyat_documents::demo::load(&store, &renderer, today).await?;
        }
        Ok(AppState {
            store,
            renderer,
            data_dir: data_dir.to_path_buf(),
            pinned_today,
            session: Mutex::new(None),
            idle_lock_minutes: 10,
            audit: Default::default(),
            // HEYAT_NO_VIEWER=1 (the e2e walk under Xvfb): documents opened are logged only.
            open_with_viewer: std::env::var("HEYAT_NO_VIEWER").map_or(true, |v| v != "1"),
            restore_note,
            batch_running: Default::default(),
            batch_stop: Default::default(),
            lock: std::sync::Mutex::new(Some(lock)),
        })
    }

    /// Checks the audit chain on a task of its own and keeps the outcome for the banner and
    /// the diagnostics; the window opens meanwhile. A check that cannot read the database
    /// counts as a problem, not as intact.
    pub fn check_audit(&self) -> tauri::async_runtime::JoinHandle<()> {
        let store = self.store.clone();
        let slot = self.audit.clone();
        tauri::async_runtime::spawn(async move {
            let started = std::time::Instant::now();
            let outcome = match store.verify_audit().await {
                Ok(report) => AuditCheck::from_report(&report),
                Err(e) => AuditCheck::Broken(format!(
                    "دفتر رویدادها وارسی نشد: {e}. برنامه را دوباره باز کنید و اگر تکرار شد با مدیر سامانه تماس بگیرید."
                )),
            };
            match outcome.problem() {
                Some(problem) => tracing::warn!("audit chain: {}", crate::logging::scrub(problem)),
                None => tracing::info!(
                    ms = started.elapsed().as_millis() as u64,
                    "audit chain intact"
                ),
            }
            if let Ok(mut s) = slot.lock() {
                *s = outcome;
            }
        })
    }

    /// The start's audit check as it stands now.
    pub fn audit_check(&self) -> AuditCheck {
        self.audit.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Who is signed in, or `unauthenticated`: the account as it is now, so that one
    /// deactivated, locked or re-enrolled since the sign-in acts no more, and a changed role
    /// or board counts at once.
    pub async fn signed_in(&self) -> Result<Caller, CommandError> {
        let cached = self
            .session
            .lock()
            .map_err(|_| CommandError::storage("نشست کاربر خوانده نشد؛ برنامه را دوباره باز کنید"))?
            .clone()
            .ok_or_else(CommandError::unauthenticated)?;
        match self.store.caller(cached.account_id).await? {
            Some(fresh) => {
                if fresh != cached {
                    self.set_session(Some(fresh.clone()));
                }
                Ok(fresh)
            }
            None => {
                self.set_session(None);
                Err(CommandError::unauthenticated())
            }
        }
    }

    /// Sets (or clears) who is signed in.
    pub fn set_session(&self, caller: Option<Caller>) {
        if let Ok(mut s) = self.session.lock() {
            *s = caller;
        }
    }

    /// The signed-in person, if their role may take `action` at all.
    pub async fn allow(&self, action: Action) -> Result<Caller, CommandError> {
        let caller = self.signed_in().await?;
        caller.may_act(action)?;
        Ok(caller)
    }

    /// The signed-in person, if they may take `action` for the board `board_id` (their own).
    pub async fn allow_board(&self, action: Action, board_id: i64) -> Result<Caller, CommandError> {
        let caller = self.signed_in().await?;
        caller.may(
            action,
            Scope {
                board_id: Some(board_id),
                ..Scope::default()
            },
        )?;
        Ok(caller)
    }

    /// The signed-in person, if they may take `action` on the file of `case_id` (their
    /// board's; the boards an appeal links also read each other's file).
    pub async fn allow_case(&self, action: Action, case_id: i64) -> Result<Caller, CommandError> {
        let caller = self.signed_in().await?;
        let (board_id, reviewing) = self.store.case_boards(case_id).await?;
        let scope = Scope {
            board_id: Some(board_id),
            ..Scope::default()
        };
        if caller.may(action, scope).is_err()
            && action == Action::ReadCases
            && reviewing.contains(&caller.board_id.unwrap_or(-1))
        {
            return Ok(caller);
        }
        caller.may(action, scope)?;
        Ok(caller)
    }

    /// The signed-in person, if they may take `action` on the file of `case_id` as its board's
    /// secretary, or as a member only when they are the board's elected chair (Art 26).
    pub async fn allow_case_board_chair(
        &self,
        action: Action,
        case_id: i64,
    ) -> Result<Caller, CommandError> {
        let caller = self.signed_in().await?;
        let (board_id, _) = self.store.case_boards(case_id).await?;
        let chair = self
            .store
            .boards()
            .await?
            .into_iter()
            .find(|b| b.id == board_id)
            .and_then(|b| b.chair_member_id);
        caller.may(
            action,
            Scope {
                board_id: Some(board_id),
                chair_member_id: chair,
                chair_only: false,
            },
        )?;
        Ok(caller)
    }

    /// The signed-in person, if they chaired the latest session of `case_id`.
    pub async fn allow_case_chair(
        &self,
        action: Action,
        case_id: i64,
    ) -> Result<Caller, CommandError> {
        match self.store.last_session_of(case_id).await? {
            Some(session_id) => self.allow_chair(action, session_id).await,
            None => {
                self.allow_case(action, case_id).await?;
                Err(CommandError::invalid(
                    "جلسه: این پرونده هنوز جلسه‌ای ندارد؛ رأی را رئیس جلسه پس از برگزاری جلسه می‌نویسد",
                ))
            }
        }
    }

    /// The signed-in person, if they chair `session_id` and may take `action` in its case.
    pub async fn allow_chair(
        &self,
        action: Action,
        session_id: i64,
    ) -> Result<Caller, CommandError> {
        let caller = self.signed_in().await?;
        let (board_id, chair) = self.store.session_board_and_chair(session_id).await?;
        caller.may(
            action,
            Scope {
                board_id: Some(board_id),
                chair_member_id: chair,
                chair_only: true,
            },
        )?;
        Ok(caller)
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
