//! What a failed command answers: one of a closed set of codes (mirrored in TypeScript by
//! `bindings.ts`) and a Persian message that says what to fix.

use serde::Serialize;
use ts_rs::TS;

/// Why a command failed. The UI branches on these, never on the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Input that cannot be taken as it is; nothing was saved.
    InvalidInput,
    /// A step the proceedings do not allow (who may appeal, when, a vote that does not count).
    Refused,
    /// A case, session, ruling or member that is not on record.
    NotFound,
    /// Already on record.
    Duplicate,
    /// A signed ruling, or the charges it ruled on, cannot change.
    SignedRuling,
    /// The database, its folder or a file could not be read or written.
    Storage,
    /// A document could not be typeset.
    Render,
    /// The regulations data or the rules engine failed.
    Engine,
    /// No one is signed in at this window (or it locked): sign in first.
    Unauthenticated,
    /// The signed-in person's role or board may not do this.
    Forbidden,
    /// The database server did not answer; nothing was saved, and what was typed is still on
    /// the screen to send again.
    Unreachable,
}

/// Every failed command answers with a stable code for the UI and a Persian message for people.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
    /// Writes the failure to the log file (quoted values blanked: `logging::scrub`): storage,
    /// typesetting and engine failures as warnings, refusals and bad input as information.
    pub fn logged(self) -> CommandError {
        let message = crate::logging::scrub(&self.message);
        match self.code {
            ErrorCode::Storage | ErrorCode::Render | ErrorCode::Engine => {
                tracing::warn!(code = ?self.code, "command failed: {message}")
            }
            _ => tracing::info!(code = ?self.code, "command refused: {message}"),
        }
        self
    }

    pub fn invalid(message: impl Into<String>) -> CommandError {
        CommandError {
            code: ErrorCode::InvalidInput,
            message: message.into(),
        }
        .logged()
    }

    pub fn unauthenticated() -> CommandError {
        CommandError {
            code: ErrorCode::Unauthenticated,
            message: "نخست وارد شوید: کسی در این پنجره وارد نشده یا صفحه قفل شده است".into(),
        }
    }

    pub fn storage(message: impl Into<String>) -> CommandError {
        CommandError {
            code: ErrorCode::Storage,
            message: message.into(),
        }
        .logged()
    }
}

impl From<heyat_store::StoreError> for CommandError {
    fn from(e: heyat_store::StoreError) -> Self {
        use heyat_store::StoreError as S;
        let code = match &e {
            S::Invalid { .. }
            | S::Transition(_)
            | S::Composition(_)
            | S::Evidence(_)
            | S::Spreadsheet(_) => ErrorCode::InvalidInput,
            // A clock behind the record, a data folder the app holds, a restore that would
            // rewrite history: refused as asked; the message says what to set right.
            S::Proceeding(_) | S::ClockBehind { .. } | S::Locked { .. } | S::RewritesHistory(_) => {
                ErrorCode::Refused
            }
            S::NotFound { .. } => ErrorCode::NotFound,
            S::Duplicate { .. } => ErrorCode::Duplicate,
            S::SignedRuling => ErrorCode::SignedRuling,
            S::Engine { .. } => ErrorCode::Engine,
            S::DataDir { .. }
            | S::Database(_)
            | S::Migrate(_)
            | S::Corrupt { .. }
            | S::AuditAppendOnly
            | S::Io { .. }
            | S::Backup(_) => ErrorCode::Storage,
            S::Unreachable { .. } => ErrorCode::Unreachable,
        };
        CommandError {
            code,
            message: e.to_string(),
        }
        .logged()
    }
}

impl From<heyat_documents::DocumentError> for CommandError {
    fn from(e: heyat_documents::DocumentError) -> Self {
        match e {
            heyat_documents::DocumentError::Store(s) => s.into(),
            heyat_documents::DocumentError::Refused(message) => CommandError {
                code: ErrorCode::Refused,
                message,
            }
            .logged(),
            heyat_documents::DocumentError::Render(r) => CommandError {
                code: ErrorCode::Render,
                message: r.to_string(),
            }
            .logged(),
            heyat_documents::DocumentError::Io(message) => CommandError::storage(message),
        }
    }
}

impl From<heyat_core::proceedings::AccessError> for CommandError {
    fn from(e: heyat_core::proceedings::AccessError) -> Self {
        CommandError {
            code: ErrorCode::Forbidden,
            message: e.to_string(),
        }
        .logged()
    }
}

impl From<heyat_core::date::DateError> for CommandError {
    fn from(e: heyat_core::date::DateError) -> Self {
        CommandError::invalid(e.to_string())
    }
}
