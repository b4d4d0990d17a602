//! One user action, one transaction: [`Store::begin`] opens a write transaction (`BEGIN
//! IMMEDIATE`) and reads the audit chain's head for the acting person; every row the action
//! touches is written and audited through the [`Act`]; [`Act::commit`] writes the chain's new
//! head and commits. Dropping an `Act` without committing rolls everything back, so an action
//! refused halfway, or a process killed halfway, leaves nothing of it behind.

use crate::audit::AuditChain;
use crate::{Store, StoreError};
use std::time::Duration;

/// An action in progress: its transaction and its audit entries.
pub(crate) struct Act {
    pub(crate) tx: sqlx::Transaction<'static, sqlx::Any>,
    pub(crate) audit: AuditChain,
    pause: Option<Duration>,
}

impl Store {
    /// Starts an action by `actor` (the person the audit log names).
    pub(crate) async fn begin(&self, actor: &str) -> Result<Act, StoreError> {
        let mut tx = self.write_tx().await?;
        let audit = AuditChain::start_with_clock(&mut tx, actor, self.clock).await?;
        Ok(Act {
            tx,
            audit,
            pause: self.commit_pause,
        })
    }

    /// A store that holds every action's transaction open for `pause` just before it commits:
    /// what the crash tests use to kill a process in the middle of an action. Never used by
    /// the app.
    pub fn pausing_before_commit(mut self, pause: Duration) -> Store {
        self.commit_pause = Some(pause);
        self
    }

    /// A store whose actions are dated by `clock` instead of the computer's: what the tests
    /// use to turn the clock back. Never used by the app.
    pub fn with_clock(mut self, clock: fn() -> chrono::DateTime<chrono::Utc>) -> Store {
        self.clock = clock;
        self
    }
}

impl Act {
    /// Writes the audit chain's head and commits the whole action.
    pub(crate) async fn commit(self) -> Result<(), StoreError> {
        let Act {
            mut tx,
            audit,
            pause,
        } = self;
        audit.finish(&mut tx).await?;
        if let Some(pause) = pause {
            std::thread::sleep(pause);
        }
        tx.commit().await.map_err(StoreError::commit_unanswered)?;
        Ok(())
    }
}
