//! When the database does not open at start (a server that does not answer, a data folder
//! another copy holds, a schema newer than this app), the window still opens and says why in
//! Persian, with the place it tried, and offers to try again — instead of a process that
//! exits with a line on a console no one sees.

use crate::dto::StartStatus;
use crate::error::CommandError;
use crate::state::{AppState, StartError};
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Manager, Runtime};

/// What the start was asked to open, kept to try again.
#[derive(Debug, Clone)]
pub struct StartArgs {
    pub data_dir: PathBuf,
    pub db: Option<String>,
    pub today: Option<NaiveDate>,
    pub demo: bool,
}

/// The failed start: its arguments and the last reason, in Persian.
pub struct StartFailure {
    pub args: StartArgs,
    pub message: Mutex<String>,
}

impl StartArgs {
    /// Where the start looked, as a person reads it (a server without its password).
    fn place(&self) -> String {
        match &self.db {
            Some(url) => heyat_store::redact_url(url),
            None => match heyat_store::server_setting(&self.data_dir) {
                Ok(Some(url)) => heyat_store::redact_url(&url),
                _ => self.data_dir.display().to_string(),
            },
        }
    }

    pub async fn open(&self) -> Result<AppState, StartError> {
        AppState::open_with(&self.data_dir, self.db.as_deref(), self.today, self.demo).await
    }
}

/// Puts the opened state in place (and starts its audit check), or keeps the failure.
pub fn install<R: Runtime>(
    app: &impl Manager<R>,
    args: StartArgs,
    opened: Result<AppState, StartError>,
) {
    match opened {
        Ok(state) => {
            state.check_audit();
            app.manage(state);
        }
        Err(e) => {
            let message = e.to_string();
            tracing::error!(
                "the database did not open: {}",
                crate::logging::scrub(&message)
            );
            match app.try_state::<StartFailure>() {
                Some(failure) => *failure.message.lock().unwrap() = message,
                None => {
                    app.manage(StartFailure {
                        args,
                        message: Mutex::new(message),
                    });
                }
            }
        }
    }
}

fn status<R: Runtime>(app: &AppHandle<R>) -> StartStatus {
    if app.try_state::<AppState>().is_some() {
        return StartStatus {
            ok: true,
            message: None,
            place: None,
        };
    }
    match app.try_state::<StartFailure>() {
        Some(f) => StartStatus {
            ok: false,
            message: Some(f.message.lock().unwrap().clone()),
            place: Some(f.args.place()),
        },
        None => StartStatus {
            ok: false,
            message: Some("برنامه هنوز در حال آغاز است؛ لحظه‌ای دیگر دوباره بکوشید.".into()),
            place: None,
        },
    }
}

/// Whether the database opened at start, and if not, why. Asked before anything else; needs
/// no sign-in (nobody can sign in without a database).
#[tauri::command]
pub async fn start_status<R: Runtime>(app: AppHandle<R>) -> Result<StartStatus, CommandError> {
    Ok(status(&app))
}

/// Tries the failed start again (the server back, the other copy closed): on success the
/// app works from the next command on.
#[tauri::command]
pub async fn retry_start<R: Runtime>(app: AppHandle<R>) -> Result<StartStatus, CommandError> {
    if app.try_state::<AppState>().is_some() {
        return Ok(status(&app));
    }
    if let Some(failure) = app.try_state::<StartFailure>() {
        let args = failure.args.clone();
        let opened = args.open().await;
        install(&app, args, opened);
    }
    Ok(status(&app))
}
