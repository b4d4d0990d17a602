//! Backup and restore. A backup is `VACUUM INTO` a new file (safe while the app writes: it
//! reads one snapshot), then opened on its own and checked — `integrity_check` and the row
//! count of every table — before it is reported done; evidence files go beside it in
//! `FILE.evidence/`. A restore checks the backup the same way, keeps the current database as
//! `heyat.sqlite3.before-restore-…`, and swaps the file in with a rename.

use crate::evidence::{evidence_path, write_once};
use crate::{Store, StoreError};
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{ConnectOptions, Connection};
use std::path::{Path, PathBuf};

/// Every table whose rows a backup must carry.
const TABLES: [&str; 19] = [
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
    let mut out = Vec::new();
    for t in TABLES {
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
        let src = evidence_path(from_dir, h);
        let bytes = std::fs::read(&src).map_err(|source| StoreError::Io {
            path: src.clone(),
            source,
        })?;
        write_once(&evidence_path(to_dir, h), &bytes)?;
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
        let mut conn = self.pool().acquire().await?;
        let before = counts(&mut conn).await?;
        let vacuum = sqlx::query("VACUUM INTO ?")
            .bind(dest_text)
            .execute(&mut *conn)
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
    /// backup (integrity, schema, row counts). The database it replaces is kept beside it as
    /// `….before-restore-YYYYMMDDTHHMMSS`. Close every [`Store`] on `db_path` first; open it
    /// again afterwards.
    pub async fn restore_from(backup: &Path, db_path: &Path) -> Result<BackupReport, StoreError> {
        let (expected, hashes) = check_file(backup).await?;
        let data_dir = db_path.parent().unwrap_or(Path::new(".")).to_path_buf();
        std::fs::create_dir_all(&data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.clone(),
            source,
        })?;
        // Evidence first: a failure here leaves the current database untouched.
        let evidence_files = if hashes.is_empty() {
            0
        } else {
            copy_evidence(&evidence_dir_of(backup), &data_dir, &hashes)?
        };
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S").to_string();
        let with_suffix = |suffix: &str| {
            let mut name = db_path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        };
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
        let staging = with_suffix(".restoring");
        let _ = std::fs::remove_file(&staging);
        {
            let mut conn = open_read_only(backup).await?;
            let staged = sqlx::query("VACUUM INTO ?")
                .bind(
                    staging
                        .to_str()
                        .ok_or_else(|| fail("نشانی پایگاه داده باید نویسه‌های یونیکد باشد"))?,
                )
                .execute(&mut conn)
                .await;
            conn.close().await.ok();
            if let Err(e) = staged {
                let _ = std::fs::remove_file(&staging);
                return Err(fail(format!("رونوشت پشتیبان ساخته نشد: {e}")));
            }
        }
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(with_suffix(suffix));
        }
        std::fs::rename(&staging, db_path).map_err(|source| StoreError::Io {
            path: db_path.to_path_buf(),
            source,
        })?;
        let store = Store::open(db_path).await?;
        let got = {
            let mut conn = store.pool().acquire().await?;
            let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check")
                .fetch_one(&mut *conn)
                .await?;
            if integrity != "ok" {
                return Err(fail(format!(
                    "پایگاه دادهٔ بازگردانده خراب است: {integrity}"
                )));
            }
            counts(&mut conn).await?
        };
        store.close().await;
        if got != expected {
            return Err(fail(
                "شمار ردیف‌های پایگاه دادهٔ بازگردانده با پشتیبان نمی‌خواند",
            ));
        }
        Ok(BackupReport {
            path: db_path.display().to_string(),
            integrity: "ok".into(),
            counts: got,
            evidence_files,
            previous,
        })
    }
}
