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
//! - `backup`: [`Store::backup_to`] (`VACUUM INTO`, verified) and [`Store::restore_from`]
//!   (only an earlier state of the same database, unless forced; never under the running app,
//!   `lock`);
//! - `reporters`: a reporter's identity kept apart and read on purpose (Art 20), `secrets`
//!   the installation's keys;
//! - `ranking`: index 7 of the 1404 ranking instruction for every office ([`ranking::index7_report`]);
//! - `demo`: the small first-start set and [`Store::generate_demo`] for large ones.
//! - `export`: the lists as tables written to XLSX or CSV; `import`: a register of offices,
//!   managers and open cases from XLSX ([`Store::import_register`]), checked row by row, saved
//!   as one action.

mod accounts;
mod act;
mod art45_31;
mod audit;
mod backup;
pub mod bench;
mod checkpoint;
mod demo;
mod engine_case;
mod error;
mod evidence;
pub mod export;
mod file;
pub mod import;
pub mod keys;
mod limits;
mod lock;
pub mod package;
mod proceedings;
mod queries;
pub mod ranking;
mod reporters;
mod schedule;
mod search;
mod secrets;
mod signing;
mod sittings;
pub mod statistics;
mod summons;
mod write;

pub use accounts::{AccountRow, ENROLMENT_HOURS, Enrolment, MAX_TRIES, PublicKeyRecord};
pub use art45_31::{LostQualification, SuspendedCase, SuspensionOrderRecord};
pub use audit::{AuditEntry, AuditProblem, AuditReport};
pub use backup::BackupReport;
pub use checkpoint::{ANCHORS_FILE, Checkpoint};
pub use demo::{DEMO_PASSWORD, DemoReport};
pub use engine_case::suggest;
pub use error::StoreError;
pub use evidence::{
    EVIDENCE_DIR, EVIDENCE_MAX_BYTES, EVIDENCE_TEXT_MAX_BYTES, evidence_path, export_name,
    extension_of, sha256_is_valid,
};
pub use file::*;
pub use limits::DeadlinePage;
pub use lock::{DataLock, LOCK_FILE};
pub use package::{
    FromPackage, PACKAGE_FORMAT, PackageSignature, Parties, RECEIVED_DIR, ReceivedPackage,
    Receiving, Sending, SentPackage,
};
pub use proceedings::{
    AppealFiled, Awaiting, Ballot, CaseFacts, Count, Deadline, DeadlineKind, Motion, Registered,
    SeatedPlace, Served,
};
pub use queries::{
    BoardSeat, BoardSummary, CaseFilter, CaseListItem, CasePage, OfficeItem, StatusCount,
    case_number,
};
pub use reporters::Reporter;
pub use schedule::{CaseLink, HistoryEntry, ScheduledSession};
pub use search::fts_query;
pub use signing::{SealInput, Sealed, SealedEntry, SignProgress, SignatureRecord, ToSign};
pub use sittings::{
    NewSitting, SittingCase, SittingMember, SittingRecord, SittingRecusal, SittingSummary,
};
pub use summons::{NewSummons, SummonsCharge, SummonsRecord};
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
    /// The clock actions are dated by: the computer's, unless a test sets another
    /// ([`Store::with_clock`]).
    clock: fn() -> chrono::DateTime<chrono::Utc>,
    /// One recomputation of the kept limits at a time (`limits.rs`): two screens opening at
    /// once wait for one pass instead of doing the same work twice.
    limits_lock: std::sync::Arc<tokio::sync::Mutex<()>>,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir`, creating the folder too. The
    /// folder is made private to its owner (mode 0700 on Unix): it holds the reporters'
    /// identities (Art 20), the evidence and the installation's keys.
    pub async fn open_in(data_dir: &Path) -> Result<Store, StoreError> {
        let failed = |source| StoreError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(data_dir).map_err(failed)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(data_dir, std::fs::Permissions::from_mode(0o700))
                .map_err(failed)?;
        }
        Store::open(&data_dir.join(DATABASE_FILE)).await
    }

    /// Opens (creating if needed) the database file at `path` and brings its schema up to
    /// date. WAL journal and foreign keys are on for every connection, and every commit is
    /// synced to the disk before it is reported done (`synchronous = FULL`): a ruling signed
    /// is still signed after a power cut.
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
            clock: chrono::Utc::now,
            limits_lock: Default::default(),
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

    /// The moment now by the store's clock (the computer's unless a test set another), as
    /// stored: UTC, to the second.
    pub fn now(&self) -> String {
        audit::moment((self.clock)())
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
