//! Heyat's storage: one SQLite file, opened through sqlx, shared by the app and the CLI.
//!
//! The schema lives in `migrations/` (append-only, embedded with `sqlx::migrate!`). Queries
//! are typed `query_as` calls over `FromRow` structs, each exercised by the tests in this
//! crate against a real SQLite file: the compile-time `query!` macros would need a live
//! database or committed offline data at every build, for no check the tests do not make.
//!
//! - reads for the screens: [`Store::boards`], [`Store::cases`], [`Store::status_counts`],
//!   [`Store::case_file`] (a case with every part), [`Store::search`] (Persian FTS5, `search`);
//! - changes (`write`, `file`, `evidence`): each one `BEGIN IMMEDIATE` transaction that
//!   checks its input first (a Persian message naming the field), writes, appends the audit
//!   log and refreshes the search index — so bad input leaves nothing half-saved;
//! - `audit`: the hash-chained log and [`Store::verify_audit`];
//! - signed rulings and their charges are refused in Rust ([`StoreError::SignedRuling`]) and
//!   by triggers (migration 0002);
//! - `backup`: [`Store::backup_to`] (`VACUUM INTO`, verified) and [`Store::restore_from`];
//! - `demo`: the small first-start set and [`Store::generate_demo`] for large ones.

mod accounts;
mod act;
mod audit;
mod checkpoint;
mod backup;
pub mod bench;
mod demo;
mod engine_case;
mod error;
mod evidence;
mod file;
pub mod keys;
mod proceedings;
mod queries;
mod schedule;
mod search;
mod secrets;
mod signing;
mod write;

pub use accounts::{AccountRow, ENROLMENT_HOURS, Enrolment, MAX_TRIES, PublicKeyRecord};
pub use audit::{AuditEntry, AuditProblem, AuditReport};
pub use backup::BackupReport;
pub use checkpoint::{ANCHORS_FILE, Checkpoint};
pub use demo::{DEMO_PASSWORD, DemoReport};
pub use engine_case::suggest;
pub use error::StoreError;
pub use evidence::{EVIDENCE_DIR, EVIDENCE_MAX_BYTES};
pub use file::*;
pub use proceedings::{
    AppealFiled, Awaiting, Ballot, CaseFacts, Count, Deadline, DeadlineKind, Motion, Registered,
    SeatedPlace, Served,
};
pub use queries::{
    BoardSeat, BoardSummary, CaseFilter, CaseListItem, OfficeItem, StatusCount, case_number,
};
pub use schedule::{CaseLink, HistoryEntry, ScheduledSession};
pub use search::fts_query;
pub use signing::{SealInput, Sealed, SignProgress, SignatureRecord, ToSign};
pub use write::{
    CaseRef, Holiday, NewBoard, NewCase, NewCharge, NewComplaint, NewManager, NewMember, NewOffice,
};

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "heyat.sqlite3";

pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// An open Heyat database.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    path: PathBuf,
    /// Crash tests only: how long each action holds its transaction before committing.
    commit_pause: Option<Duration>,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir`, creating the folder too.
    pub async fn open_in(data_dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        Store::open(&data_dir.join(DATABASE_FILE)).await
    }

    /// Opens (creating if needed) the database file at `path` and brings its schema up to
    /// date. WAL journal and foreign keys are on for every connection.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        let url = format!("sqlite://{}", path.display());
        let options = SqliteConnectOptions::from_str(&url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        let store = Store {
            pool,
            path: path.to_path_buf(),
            commit_pause: None,
        };
        // Cases written before the search index existed (or by another program) are indexed
        // now; on an indexed database this finds nothing.
        let mut tx = store.write_tx().await?;
        search::refresh_index(&mut tx).await?;
        tx.commit().await?;
        Ok(store)
    }

    /// A write transaction that holds the write lock from its start, so that the audit
    /// chain's head it reads stays the head until it commits.
    pub(crate) async fn write_tx(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// The folder the database lives in; evidence files are kept under it.
    pub fn data_dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub async fn close(self) {
        self.pool.close().await;
    }
}
