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

use sqlx::AnyPool;
use sqlx::Executor;
use sqlx::any::AnyPoolOptions;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "heyat.sqlite3";

/// The data folder's setting that points it at a PostgreSQL server instead of its own SQLite
/// file: one line, the server's URL (`postgres://user@host/db`); no line, or no file, is SQLite.
pub const SERVER_FILE: &str = "server.url";

pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
/// The same schema for PostgreSQL (`migrations-pg/`, one file for each SQLite migration).
pub(crate) static MIGRATOR_PG: sqlx::migrate::Migrator = sqlx::migrate!("./migrations-pg");

/// Which database a store runs on. SQLite is the embedded default (one machine, one file in
/// the data folder); PostgreSQL serves several machines at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend of an open connection (each query that differs between the two asks it).
    pub(crate) fn of(conn: &sqlx::AnyConnection) -> Backend {
        if conn.backend_name().eq_ignore_ascii_case("PostgreSQL") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }

    pub fn name_fa(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite (پروندهٔ همین رایانه)",
            Backend::Postgres => "PostgreSQL (کارساز پایگاه داده)",
        }
    }
}

/// An open Heyat database.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite: the database file. PostgreSQL: the data folder itself (the server holds the
    /// database; the folder still holds the evidence, the keys and received packages).
    path: PathBuf,
    data_dir: PathBuf,
    /// PostgreSQL: the server's URL without its password, for diagnostics.
    server: Option<String>,
    /// Crash tests only: how long each action holds its transaction before committing.
    commit_pause: Option<Duration>,
    /// The clock actions are dated by: the computer's, unless a test sets another
    /// ([`Store::with_clock`]).
    clock: fn() -> chrono::DateTime<chrono::Utc>,
    /// One recomputation of the kept limits at a time (`limits.rs`): two screens opening at
    /// once wait for one pass instead of doing the same work twice.
    limits_lock: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// The key of the PostgreSQL advisory lock every write transaction takes first: writers run
/// one at a time, as SQLite's `BEGIN IMMEDIATE` makes them, so the audit chain's head a
/// writer reads stays the head until it commits.
const PG_WRITE_LOCK: i64 = 0x4845_5941_5400; // "HEYAT"

impl Store {
    /// Opens (creating if needed) the database in `data_dir`, creating the folder too. The
    /// folder is made private to its owner (mode 0700 on Unix): it holds the reporters'
    /// identities (Art 20), the evidence and the installation's keys. When the folder's
    /// `server.url` names a PostgreSQL server, the store runs on that server instead.
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
        match server_setting(data_dir)? {
            Some(url) => Store::connect(&url, data_dir).await,
            None => Store::open(&data_dir.join(DATABASE_FILE)).await,
        }
    }

    /// Opens the database named by `db`: a `postgres://` URL (the data folder still holds
    /// files), else SQLite in `data_dir`.
    pub async fn open_with(db: Option<&str>, data_dir: &Path) -> Result<Store, StoreError> {
        match db {
            Some(url) if is_server_url(url) => {
                std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
                    path: data_dir.to_path_buf(),
                    source,
                })?;
                Store::connect(url, data_dir).await
            }
            _ => Store::open_in(data_dir).await,
        }
    }

    /// Opens (creating if needed) the database file at `path` and brings its schema up to
    /// date. WAL journal and foreign keys are on for every connection, and every commit is
    /// synced to the disk before it is reported done (`synchronous = FULL`): a ruling signed
    /// is still signed after a power cut.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let pool = AnyPoolOptions::new()
            .max_connections(4)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                         PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;",
                    )
                    .await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        MIGRATOR.run(&pool).await?;
        let data_dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        Store::ready(pool, Backend::Sqlite, path.to_path_buf(), data_dir, None).await
    }

    /// Opens the Heyat database on a PostgreSQL server (`postgres://user@host:port/db`),
    /// bringing its schema up to date (`migrations-pg/`). `data_dir` keeps what is not in
    /// the database: evidence files, the installation's keys, received packages. An
    /// unreachable server is [`StoreError::Unreachable`], with a Persian message.
    pub async fn connect(url: &str, data_dir: &Path) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let server = redact_url(url);
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(|e| StoreError::unreachable(&server, e))?;
        MIGRATOR_PG.run(&pool).await?;
        Store::ready(
            pool,
            Backend::Postgres,
            data_dir.to_path_buf(),
            data_dir.to_path_buf(),
            Some(server),
        )
        .await
    }

    async fn ready(
        pool: AnyPool,
        backend: Backend,
        path: PathBuf,
        data_dir: PathBuf,
        server: Option<String>,
    ) -> Result<Store, StoreError> {
        let store = Store {
            pool,
            backend,
            path,
            data_dir,
            server,
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
    /// chain's head it reads stays the head until it commits: SQLite's `BEGIN IMMEDIATE`;
    /// on PostgreSQL a transaction-scoped advisory lock every writer takes first.
    pub(crate) async fn write_tx(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>, StoreError> {
        match self.backend {
            Backend::Sqlite => Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?),
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)")
                    .bind(PG_WRITE_LOCK)
                    .execute(&mut *tx)
                    .await?;
                Ok(tx)
            }
        }
    }

    /// The moment now by the store's clock (the computer's unless a test set another), as
    /// stored: UTC, to the second.
    pub fn now(&self) -> String {
        audit::moment((self.clock)())
    }

    /// The folder the database lives in; evidence files are kept under it.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// SQLite: the database file; PostgreSQL: the data folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Where the database is, as a person reads it: the SQLite file's path, or the server's
    /// URL without its password.
    pub fn location(&self) -> String {
        match &self.server {
            Some(url) => url.clone(),
            None => self.path.display().to_string(),
        }
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn close(self) {
        self.pool.close().await;
    }
}

/// Whether `db` names a PostgreSQL server rather than a SQLite file.
pub fn is_server_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// The server named in the data folder's `server.url`, if any.
pub fn server_setting(data_dir: &Path) -> Result<Option<String>, StoreError> {
    let file = data_dir.join(SERVER_FILE);
    match std::fs::read_to_string(&file) {
        Ok(text) => {
            let url = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with('#'));
            match url {
                Some(url) if is_server_url(url) => Ok(Some(url.to_owned())),
                Some(_) => Err(StoreError::invalid(
                    "نشانی کارساز (server.url)",
                    format!(
                        "نشانی کارساز در «{}» باید با postgres:// آغاز شود",
                        file.display()
                    ),
                )),
                None => Ok(None),
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StoreError::DataDir { path: file, source }),
    }
}

/// Makes an empty database called `name` (lower-case letters, digits and `_`) on the server
/// at `url`, as a role that may create databases, and answers its URL: for tests and
/// `heyat bench`, which each want a database of their own. The app never calls it.
pub async fn create_server_database(url: &str, name: &str) -> Result<String, StoreError> {
    use sqlx::{Connection, Executor};
    if !plain_name(name) {
        return Err(StoreError::invalid(
            "نام پایگاه داده",
            format!("«{name}» تنها حروف کوچک لاتین، رقم و _ می‌پذیرد"),
        ));
    }
    sqlx::any::install_default_drivers();
    let server = redact_url(url);
    let mut conn = sqlx::AnyConnection::connect(url)
        .await
        .map_err(|e| StoreError::unreachable(&server, e))?;
    conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .await?;
    conn.close().await?;
    Ok(database_url(url, name))
}

/// Drops the database `create_server_database` made at `db_url`, connecting to the server's
/// `postgres` database to do it.
pub async fn drop_server_database(db_url: &str) -> Result<(), StoreError> {
    use sqlx::{Connection, Executor};
    let Some(name) = db_url
        .rsplit_once('/')
        .map(|(_, n)| n.split('?').next().unwrap_or(n))
        .filter(|n| plain_name(n))
    else {
        return Err(StoreError::invalid("نشانی پایگاه داده", redact_url(db_url)));
    };
    sqlx::any::install_default_drivers();
    let server = redact_url(db_url);
    let mut conn = sqlx::AnyConnection::connect(&database_url(db_url, "postgres"))
        .await
        .map_err(|e| StoreError::unreachable(&server, e))?;
    conn.execute(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .await?;
    conn.close().await?;
    Ok(())
}

/// A database name the server helpers take as is: lower-case letters, digits and `_`.
fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `url` with its database replaced by `name` (any query string kept).
fn database_url(url: &str, name: &str) -> String {
    let (path, query) = match url.split_once('?') {
        Some((p, q)) => (p, format!("?{q}")),
        None => (url, String::new()),
    };
    let base = match path.split_once("://") {
        Some((_, rest)) if rest.contains('/') => path.rsplit_once('/').map_or(path, |(b, _)| b),
        _ => path,
    };
    format!("{base}/{name}{query}")
}

/// A server URL with its password replaced by `***` (the user part's, and a `password=` or
/// `sslpassword=` of the query), fit for a screen or a log.
pub fn redact_url(url: &str) -> String {
    let (url, query) = match url.split_once('?') {
        Some((u, q)) => (u, Some(q)),
        None => (url, None),
    };
    let base = redact_authority(url);
    match query {
        None => base,
        Some(q) => {
            let params: Vec<String> = q
                .split('&')
                .map(|p| match p.split_once('=') {
                    Some((k, _))
                        if k.eq_ignore_ascii_case("password")
                            || k.eq_ignore_ascii_case("sslpassword") =>
                    {
                        format!("{k}=***")
                    }
                    _ => p.to_owned(),
                })
                .collect();
            format!("{base}?{}", params.join("&"))
        }
    }
}

fn redact_authority(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let (name, hidden) = match userinfo.split_once(':') {
                Some((name, _password)) => (name, ":***"),
                None => (userinfo, ""),
            };
            format!("{scheme}://{name}{hidden}@{host}{tail}")
        }
        None => url.to_owned(),
    }
}

/// A yes/no read from either backend: SQLite gives `0`/`1` (its flags are integers, and so
/// are its comparisons), PostgreSQL gives a boolean for a comparison and `0`/`1` for a flag
/// column. Read a `bool` field through it: `#[sqlx(try_from = "Flag")]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl From<Flag> for bool {
    fn from(f: Flag) -> bool {
        f.0
    }
}

impl sqlx::Type<sqlx::Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <bool as sqlx::Type<sqlx::Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <bool as sqlx::Type<sqlx::Any>>::compatible(ty)
            || <i64 as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        if let Ok(i) = <i64 as sqlx::Decode<sqlx::Any>>::decode(value.clone()) {
            return Ok(Flag(i != 0));
        }
        Ok(Flag(<bool as sqlx::Decode<sqlx::Any>>::decode(value)?))
    }
}

#[cfg(test)]
mod url_tests {
    use super::*;

    #[test]
    fn a_password_never_leaves_the_url() {
        assert_eq!(
            redact_url("postgres://heyat:s3cret@10.0.0.5:5432/heyat"),
            "postgres://heyat:***@10.0.0.5:5432/heyat"
        );
        assert_eq!(
            redact_url("postgres://heyat@db/heyat"),
            "postgres://heyat@db/heyat"
        );
        assert_eq!(redact_url("postgres://db/heyat"), "postgres://db/heyat");
        assert!(is_server_url("postgresql://db/x") && !is_server_url("/tmp/heyat.sqlite3"));
        assert_eq!(
            redact_url(
                "postgres://u:p@db/h?sslmode=verify-full&password=s3cret&sslrootcert=/c.crt"
            ),
            "postgres://u:***@db/h?sslmode=verify-full&password=***&sslrootcert=/c.crt"
        );
    }

    #[test]
    fn another_database_on_the_same_server() {
        assert_eq!(
            database_url("postgres://u:p@127.0.0.1:54329/heyat", "heyat_b_1"),
            "postgres://u:p@127.0.0.1:54329/heyat_b_1"
        );
        assert_eq!(
            database_url("postgres://db:5432/heyat?sslmode=require", "postgres"),
            "postgres://db:5432/postgres?sslmode=require"
        );
        assert_eq!(database_url("postgres://db", "x"), "postgres://db/x");
    }
}
