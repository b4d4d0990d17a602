//! Backup and restore. A backup is `VACUUM INTO` a new file (safe while the app writes: it
//! reads one snapshot), then opened on its own and checked — `integrity_check` and the row
//! count of every table — before it is reported done; evidence files go beside it in
//! `FILE.evidence/`. A restore checks the backup the same way, keeps the current database as
//! `heyat.sqlite3.before-restore-…`, and swaps the file in with a rename.

use crate::evidence::{evidence_path, write_once};
use crate::{DataLock, Store, StoreError};
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{ConnectOptions, Connection};
use std::path::{Path, PathBuf};

/// Every table whose rows a backup must carry (those a database of an older schema lacks
/// are left out of its counts).
const TABLES: [&str; 23] = [
    "boards",
    "members",
    "board_seats",
    "offices",
    "managers",
    "cases",
    "charges",
    "complaints",
    "evidence",
    "sessions",
    "attendance",
    "votes",
    "rulings",
    "ruling_signoffs",
    "notifications",
    "appeals",
    "holidays",
    "users",
    "reporters",
    "reporter_reads",
    "restores",
    "penalty_executions",
    "audit_log",
];

/// What a verified backup or restore holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackupReport {
    pub path: String,
    /// `ok` from `PRAGMA integrity_check`.
    pub integrity: String,
    /// Rows per table.
    pub counts: Vec<(String, i64)>,
    pub evidence_files: i64,
    /// For a restore: where the database it replaced was kept.
    pub previous: Option<String>,
}

fn fail(message: impl Into<String>) -> StoreError {
    StoreError::Backup(message.into())
}

async fn open_read_only(path: &Path) -> Result<SqliteConnection, StoreError> {
    if !path.is_file() {
        return Err(fail(format!("پروندهٔ «{}» پیدا نشد", path.display())));
    }
    SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await
        .map_err(|e| {
            fail(format!(
                "«{}» پایگاه دادهٔ SQLite نیست یا باز نشد: {e}",
                path.display()
            ))
        })
}

async fn counts(conn: &mut SqliteConnection) -> Result<Vec<(String, i64)>, StoreError> {
    let present: Vec<(String,)> =
        sqlx::query_as("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut *conn)
            .await?;
    let mut out = Vec::new();
    for t in TABLES {
        if !present.iter().any(|p| p.0 == t) {
            continue;
        }
        let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {t}")))
            .fetch_one(&mut *conn)
            .await?;
        out.push((t.to_owned(), n));
    }
    Ok(out)
}

/// Opens `path` read-only and checks it: integrity, a Heyat schema no newer than this build.
async fn check_file(path: &Path) -> Result<(Vec<(String, i64)>, Vec<String>), StoreError> {
    let mut conn = open_read_only(path).await?;
    let result = async {
        let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .map_err(|e| fail(format!("«{}» خراب است: {e}", path.display())))?;
        if integrity != "ok" {
            return Err(fail(format!("«{}» خراب است: {integrity}", path.display())));
        }
        let (tables,): (i64,) = sqlx::query_as(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('_sqlx_migrations', 'cases', 'audit_log')",
        )
        .fetch_one(&mut conn)
        .await?;
        if tables != 3 {
            return Err(fail(format!("«{}» پشتیبان پایگاه دادهٔ هیأت نیست", path.display())));
        }
        let (newest,): (i64,) = sqlx::query_as("SELECT coalesce(max(version), 0) FROM _sqlx_migrations")
            .fetch_one(&mut conn)
            .await?;
        let ours = crate::MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
        if newest > ours {
            return Err(fail("این پشتیبان را نسخهٔ تازه‌تری از برنامه ساخته است؛ نخست برنامه را به‌روز کنید"));
        }
        let counts = counts(&mut conn).await?;
        let hashes: Vec<(String,)> = sqlx::query_as("SELECT DISTINCT sha256 FROM evidence")
            .fetch_all(&mut conn)
            .await?;
        Ok((counts, hashes.into_iter().map(|h| h.0).collect()))
    }
    .await;
    conn.close().await.ok();
    result
}

fn evidence_dir_of(backup: &Path) -> PathBuf {
    let mut name = backup.as_os_str().to_owned();
    name.push(".evidence");
    PathBuf::from(name)
}

fn copy_evidence(from_dir: &Path, to_dir: &Path, hashes: &[String]) -> Result<i64, StoreError> {
    for h in hashes {
        let src = evidence_path(from_dir, h)?;
        let bytes = std::fs::read(&src).map_err(|source| StoreError::Io {
            path: src.clone(),
            source,
        })?;
        write_once(&evidence_path(to_dir, h)?, &bytes)?;
    }
    Ok(hashes.len() as i64)
}

impl Store {
    /// Writes a verified copy of the database to `dest` (which must not exist), with the
    /// evidence files beside it in `dest.evidence/`. Safe while the app is writing.
    pub async fn backup_to(&self, dest: &Path) -> Result<BackupReport, StoreError> {
        if dest.exists() {
            return Err(fail(format!(
                "«{}» از پیش هست؛ نام دیگری بدهید تا چیزی رونویسی نشود",
                dest.display()
            )));
        }
        let dest_text = dest
            .to_str()
            .ok_or_else(|| fail("نشانی پروندهٔ پشتیبان باید نویسه‌های یونیکد باشد"))?;
        if self.backend() == crate::Backend::Postgres {
            return Err(fail(
                "پایگاه داده روی کارساز PostgreSQL است و با ابزار خود کارساز پشتیبان‌گیری می‌شود (pg_dump؛ راهنما در docs/postgresql.md)",
            ));
        }
        // Its own connection to the file: VACUUM INTO is SQLite's, not the pool's driver's.
        let mut conn = SqliteConnectOptions::new()
            .filename(self.path())
            .connect()
            .await?;
        let before = counts(&mut conn).await?;
        let vacuum = sqlx::query("VACUUM INTO $1")
            .bind(dest_text)
            .execute(&mut conn)
            .await;
        if let Err(e) = vacuum {
            let _ = std::fs::remove_file(dest);
            return Err(fail(format!("نوشتن «{}» انجام نشد: {e}", dest.display())));
        }
        let after = counts(&mut conn).await?;
        drop(conn);
        let checked = async {
            let (got, hashes) = check_file(dest).await?;
            for ((table, n), ((_, lo), (_, hi))) in got.iter().zip(before.iter().zip(after.iter()))
            {
                if n < lo.min(hi) || n > lo.max(hi) {
                    return Err(fail(format!(
                        "شمار ردیف‌های {table} در پشتیبان ({n}) با پایگاه داده ({lo}) نمی‌خواند"
                    )));
                }
            }
            let files = if hashes.is_empty() {
                0
            } else {
                copy_evidence(self.data_dir(), &evidence_dir_of(dest), &hashes)?
            };
            Ok((got, files))
        }
        .await;
        match checked {
            Ok((counts, evidence_files)) => Ok(BackupReport {
                path: dest.display().to_string(),
                integrity: "ok".into(),
                counts,
                evidence_files,
                previous: None,
            }),
            Err(e) => {
                let _ = std::fs::remove_file(dest);
                Err(e)
            }
        }
    }

    /// Replaces the database at `db_path` with the backup at `backup`, after checking the
    /// backup (integrity, schema, row counts, its audit chain) and that it is an earlier state
    /// of this very database: every row of the backup's audit chain must be the current
    /// chain's row of the same id, hash for hash (the current may be longer). A backup of
    /// another database, or of a history since rewritten, is refused
    /// ([`StoreError::RewritesHistory`]) unless `force`, which the restored database's audit
    /// log then records, naming `actor`; every restore is recorded there.
    ///
    /// Refused while another program (the app) holds the data folder ([`DataLock`]). The
    /// database it replaces is kept beside it as `….before-restore-YYYYMMDDTHHMMSS`. Close
    /// every [`Store`] on `db_path` first; open it again afterwards.
    pub async fn restore_from(
        backup: &Path,
        db_path: &Path,
        force: bool,
        actor: &str,
    ) -> Result<BackupReport, StoreError> {
        let (expected, hashes) = check_file(backup).await?;
        let data_dir = db_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let _held = DataLock::acquire(&data_dir)?;
        let with_suffix = |suffix: &str| {
            let mut name = db_path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        };
        // The backup is copied aside and brought up to this build's schema; every check runs
        // on the copy, so a refusal leaves the current database as it was.
        let staging = with_suffix(".restoring");
        let staged = stage(backup, &staging).await;
        let checked = match staged {
            Ok(()) => check_history(&staging, db_path, force).await,
            Err(e) => Err(e),
        };
        let history = match checked {
            Ok(h) => h,
            Err(e) => {
                remove_database(&staging);
                return Err(e);
            }
        };
        // Evidence next: a failure here leaves the current database untouched.
        let evidence_files = if hashes.is_empty() {
            0
        } else {
            match copy_evidence(&evidence_dir_of(backup), &data_dir, &hashes) {
                Ok(n) => n,
                Err(e) => {
                    remove_database(&staging);
                    return Err(e);
                }
            }
        };
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S").to_string();
        let previous = if db_path.exists() {
            let keep = with_suffix(&format!(".before-restore-{stamp}"));
            // A clean copy when the current database opens; its raw files when it does not
            // (a damaged database is the usual reason to restore).
            let clean = match Store::open(db_path).await {
                Ok(current) => {
                    let kept = current.backup_to(&keep).await;
                    current.close().await;
                    kept.is_ok()
                }
                Err(_) => false,
            };
            if !clean {
                let _ = std::fs::remove_file(&keep);
                for (from, to) in [
                    (db_path.to_path_buf(), keep.clone()),
                    (with_suffix("-wal"), {
                        let mut k = keep.as_os_str().to_owned();
                        k.push("-wal");
                        PathBuf::from(k)
                    }),
                ] {
                    if from.exists() {
                        std::fs::copy(&from, &to).map_err(|source| StoreError::Io {
                            path: to.clone(),
                            source,
                        })?;
                    }
                }
            }
            Some(keep.display().to_string())
        } else {
            None
        };
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(with_suffix(suffix));
        }
        std::fs::rename(&staging, db_path).map_err(|source| StoreError::Io {
            path: db_path.to_path_buf(),
            source,
        })?;
        // The checkpoints signed after the backup was made belong to the replaced database's
        // chain: they are kept beside it, so that the restored chain is not read as cut short.
        let anchors = data_dir.join(crate::ANCHORS_FILE);
        if anchors.exists() {
            let kept = data_dir.join(format!("{}.before-restore-{stamp}", crate::ANCHORS_FILE));
            std::fs::rename(&anchors, &kept).map_err(|source| StoreError::Io {
                path: kept.clone(),
                source,
            })?;
        }
        let store = Store::open(db_path).await?;
        let got = {
            let mut conn = open_read_only(db_path).await?;
            let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check")
                .fetch_one(&mut conn)
                .await?;
            if integrity != "ok" {
                return Err(fail(format!(
                    "پایگاه دادهٔ بازگردانده خراب است: {integrity}"
                )));
            }
            counts(&mut conn).await?
        };
        if expected.iter().any(|e| !got.contains(e)) {
            store.close().await;
            return Err(fail(
                "شمار ردیف‌های پایگاه دادهٔ بازگردانده با پشتیبان نمی‌خواند",
            ));
        }
        let recorded = store.record_restore(backup, force, &history, actor).await;
        store.close().await;
        recorded?;
        Ok(BackupReport {
            path: db_path.display().to_string(),
            integrity: "ok".into(),
            counts: got,
            evidence_files,
            previous,
        })
    }

    /// Writes the restore just made into the (restored) database's audit log.
    async fn record_restore(
        &self,
        backup: &Path,
        forced: bool,
        history: &History,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut w = self.begin(actor).await?;
        let at = w.audit.at().to_owned();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO restores (restored_at, forced, backup_file, backup_head, replaced_head, note)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(at)
        .bind(i64::from(forced))
        .bind(backup.display().to_string())
        .bind(&history.backup_head)
        .bind(&history.replaced_head)
        .bind(&history.note)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "restores", id).await?;
        w.commit().await
    }
}

/// What the restore found of the two histories.
struct History {
    /// The backup's last audit row, `id:hash`.
    backup_head: Option<String>,
    /// The replaced database's last audit row, `id:hash`.
    replaced_head: Option<String>,
    /// Persian: what the check found, when it was overridden.
    note: String,
}

/// Removes a database file and its journal files.
fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Copies the backup to `staging` and brings it up to this build's schema.
async fn stage(backup: &Path, staging: &Path) -> Result<(), StoreError> {
    remove_database(staging);
    let mut conn = open_read_only(backup).await?;
    let staged = sqlx::query("VACUUM INTO $1")
        .bind(
            staging
                .to_str()
                .ok_or_else(|| fail("نشانی پایگاه داده باید نویسه‌های یونیکد باشد"))?,
        )
        .execute(&mut conn)
        .await;
    conn.close().await.ok();
    if let Err(e) = staged {
        return Err(fail(format!("رونوشت پشتیبان ساخته نشد: {e}")));
    }
    let store = Store::open(staging).await?;
    store.close().await;
    Ok(())
}

/// The last row of an audit log, `id:hash`.
async fn head_of(conn: &mut SqliteConnection, schema: &str) -> Result<Option<String>, StoreError> {
    let sql = format!("SELECT id || ':' || hash FROM {schema}.audit_log ORDER BY id DESC LIMIT 1");
    let row: Option<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.0))
}

/// Checks that the staged backup is an earlier state of the database at `current`: its audit
/// chain whole, and every one of its rows the current chain's row of the same id and hash.
/// With `force`, what does not hold is noted instead of refused.
async fn check_history(staged: &Path, current: &Path, force: bool) -> Result<History, StoreError> {
    let store = Store::open(staged).await?;
    let report = store.verify_audit().await;
    store.close().await;
    let mut problems = Vec::new();
    if !report?.is_intact() {
        problems.push("زنجیرهٔ دفتر وقایع پشتیبان گسسته یا دست‌کاری شده است".to_owned());
    }
    let mut conn = SqliteConnectOptions::new()
        .filename(staged)
        .read_only(true)
        .connect()
        .await?;
    let backup_head = head_of(&mut conn, "main").await?;
    let mut replaced_head = None;
    if current.exists() {
        let compared: Result<(i64, Option<String>), sqlx::Error> = async {
            sqlx::query("ATTACH DATABASE $1 AS cur")
                .bind(current.to_str().unwrap_or_default())
                .execute(&mut conn)
                .await?;
            let (missing,): (i64,) = sqlx::query_as(
                "SELECT count(*) FROM main.audit_log b
                 LEFT JOIN cur.audit_log c ON c.id = b.id AND c.hash = b.hash
                 WHERE c.id IS NULL",
            )
            .fetch_one(&mut conn)
            .await?;
            let head: Option<(String,)> = sqlx::query_as(
                "SELECT id || ':' || hash FROM cur.audit_log ORDER BY id DESC LIMIT 1",
            )
            .fetch_optional(&mut conn)
            .await?;
            Ok((missing, head.map(|h| h.0)))
        }
        .await;
        match compared {
            Ok((0, head)) => replaced_head = head,
            Ok((missing, head)) => {
                replaced_head = head;
                problems.push(format!(
                    "{} ردیف از دفتر وقایع پشتیبان در پایگاه دادهٔ کنونی نیست یا دیگرگون است",
                    heyat_core::to_persian_digits(&missing.to_string())
                ));
            }
            Err(e) => problems.push(format!(
                "پایگاه دادهٔ کنونی برای سنجش با پشتیبان خوانده نشد ({e})"
            )),
        }
    }
    conn.close().await.ok();
    if !problems.is_empty() && !force {
        return Err(StoreError::RewritesHistory(format!(
            "این پشتیبان حالت پیشینِ همین پایگاه داده نیست و بازگرداندنش تاریخچه را بازنویسی می‌کند: {}. چیزی بازگردانده نشد؛ اگر به‌راستی باید این پشتیبان جای پایگاه داده را بگیرد، بازگردانی را به‌اجبار (--force) انجام دهید تا در دفتر وقایع ثبت شود",
            problems.join("؛ ")
        )));
    }
    Ok(History {
        backup_head,
        replaced_head,
        note: problems.join("؛ "),
    })
}
