//! The audit log: every change the store makes appends a row with who, when, what (the row
//! before and after, as JSON), chained by SHA-256 so that an edited or deleted row shows.
//!
//! Row `n` hashes row `n-1`'s hash with its own fields; ids run 1, 2, 3… without gaps; and
//! `meta.audit_head` holds the last id and hash, so that cutting rows off the end shows too.
//! Writers hold the database's write lock (`BEGIN IMMEDIATE`) from the start of their
//! transaction, so the chain has one head at a time.

use crate::{Store, StoreError};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Column, Row, any::AnyRow};

const HEAD_KEY: &str = "audit_head";
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The chain's head while a transaction appends to it.
pub(crate) struct AuditChain {
    next_id: i64,
    prev: String,
    actor: String,
    at: String,
}

/// SHA-256 over the fields of a row, each prefixed by its length so that no two different
/// rows run together into the same bytes: previous hash, id, at, actor, action, table, row
/// id, before, after (NUL for none).
fn hash_of(fields: [&str; 9]) -> String {
    let mut h = Sha256::new();
    for part in fields {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// The current moment as stored: UTC, to the second.
pub(crate) fn now() -> String {
    moment(chrono::Utc::now())
}

/// A moment as stored: UTC, to the second (`YYYY-MM-DDTHH:MM:SSZ`, which sorts as it reads).
pub(crate) fn moment(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A row as JSON, whatever its table: integers, reals and text as themselves, blobs as hex.
pub(crate) fn row_json(row: &AnyRow) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for (i, col) in row.columns().iter().enumerate() {
        let value = if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
            v.map_or(serde_json::Value::Null, Into::into)
        } else if let Ok(v) = row.try_get::<Option<String>, _>(i) {
            v.map_or(serde_json::Value::Null, Into::into)
        } else if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
            v.map_or(serde_json::Value::Null, Into::into)
        } else if let Ok(v) = row.try_get::<Option<Vec<u8>>, _>(i) {
            v.map_or(serde_json::Value::Null, |b| hex::encode(b).into())
        } else {
            serde_json::Value::Null
        };
        map.insert(col.name().to_owned(), value);
    }
    serde_json::Value::Object(map)
}

/// The column that is SQLite's `rowid` of `table` in the PostgreSQL schema (migrations-pg):
/// the table's own `id`, its one-column key when that is another table's id, or the explicit
/// `rowid` column the tables without an integer key of their own were given.
pub(crate) fn pg_row_key(table: &str) -> &'static str {
    match table {
        "attendance"
        | "board_seats"
        | "case_qualifications"
        | "case_search"
        | "holidays"
        | "ruling_signoffs"
        | "sitting_presence" => "rowid",
        "case_limits" | "case_limits_stale" => "case_id",
        "member_pins" => "member_id",
        "penalty_executions" | "ruling_seals" => "ruling_id",
        "reporters" => "complaint_id",
        _ => "id",
    }
}

/// The row of `table` with `rowid`, as JSON; `table` is one of the store's own names.
pub(crate) async fn snapshot(
    conn: &mut AnyConnection,
    table: &'static str,
    rowid: i64,
) -> Result<Option<serde_json::Value>, StoreError> {
    let key = match crate::Backend::of(conn) {
        crate::Backend::Sqlite => "rowid",
        crate::Backend::Postgres => pg_row_key(table),
    };
    let sql = format!("SELECT * FROM {table} WHERE {key} = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(rowid)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(row_json))
}

impl AuditChain {
    /// Reads the head of the chain, dating the action by the computer's clock. Call inside a
    /// write (`BEGIN IMMEDIATE`) transaction. A clock that reads earlier than the last row
    /// is refused ([`StoreError::ClockBehind`]): the log's order is the order of time.
    pub(crate) async fn start(
        conn: &mut AnyConnection,
        actor: &str,
    ) -> Result<AuditChain, StoreError> {
        AuditChain::start_with_clock(conn, actor, chrono::Utc::now).await
    }

    /// [`AuditChain::start`] with the action dated by `clock`.
    pub(crate) async fn start_with_clock(
        conn: &mut AnyConnection,
        actor: &str,
        clock: fn() -> chrono::DateTime<chrono::Utc>,
    ) -> Result<AuditChain, StoreError> {
        let last: Option<(i64, String, String)> =
            sqlx::query_as("SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1")
                .fetch_optional(&mut *conn)
                .await?;
        let at = moment(clock());
        let (last_id, prev) = match last {
            Some((_, _, last_at)) if at < last_at => {
                return Err(StoreError::ClockBehind { last: last_at });
            }
            Some((id, hash, _)) => (id, hash),
            None => (0, GENESIS.to_owned()),
        };
        Ok(AuditChain {
            next_id: last_id + 1,
            prev,
            actor: actor.to_owned(),
            at,
        })
    }

    /// The moment this action is dated by (every row it writes carries it).
    pub(crate) fn at(&self) -> &str {
        &self.at
    }

    /// Appends one change. `before`/`after` are the row as it was and as it is.
    pub(crate) async fn record(
        &mut self,
        conn: &mut AnyConnection,
        action: &'static str,
        table: &'static str,
        row_id: i64,
        before: Option<&serde_json::Value>,
        after: Option<&serde_json::Value>,
    ) -> Result<(), StoreError> {
        let before = before.map(|v| v.to_string());
        let after = after.map(|v| v.to_string());
        let id = self.next_id;
        let hash = hash_of([
            &self.prev,
            &id.to_string(),
            &self.at,
            &self.actor,
            action,
            table,
            &row_id.to_string(),
            before.as_deref().unwrap_or("\u{0}"),
            after.as_deref().unwrap_or("\u{0}"),
        ]);
        sqlx::query(
            "INSERT INTO audit_log (id, at, actor, action, table_name, row_id, before, after, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id)
        .bind(&self.at)
        .bind(&self.actor)
        .bind(action)
        .bind(table)
        .bind(row_id)
        .bind(before)
        .bind(after)
        .bind(&self.prev)
        .bind(&hash)
        .execute(&mut *conn)
        .await?;
        self.prev = hash;
        self.next_id += 1;
        Ok(())
    }

    /// Records a row just inserted.
    pub(crate) async fn inserted(
        &mut self,
        conn: &mut AnyConnection,
        table: &'static str,
        rowid: i64,
    ) -> Result<(), StoreError> {
        let after = snapshot(conn, table, rowid).await?;
        self.record(conn, "insert", table, rowid, None, after.as_ref())
            .await
    }

    /// The chain's head as it stands in this transaction: the last row's id and hash.
    pub(crate) fn head(&self) -> (i64, &str) {
        (self.next_id - 1, &self.prev)
    }

    /// Writes the head into `meta`; call once before committing.
    pub(crate) async fn finish(self, conn: &mut AnyConnection) -> Result<(), StoreError> {
        if self.prev == GENESIS {
            return Ok(());
        }
        sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .bind(HEAD_KEY)
            .bind(format!("{}:{}", self.next_id - 1, self.prev))
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}

/// One problem `verify_audit` found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditProblem {
    /// The row where the chain breaks (or the head's id).
    pub id: i64,
    /// Persian: what is wrong there.
    pub problem: String,
}

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditReport {
    pub rows: i64,
    pub problems: Vec<AuditProblem>,
}

impl AuditReport {
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// One row of the audit log, as a screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub table_name: String,
    pub row_id: i64,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ChainRow {
    id: i64,
    at: String,
    actor: String,
    action: String,
    table_name: String,
    row_id: i64,
    before: Option<String>,
    after: Option<String>,
    prev_hash: String,
    hash: String,
}

impl Store {
    /// Checks every row of the audit log against the chain: an edited row no longer hashes
    /// to its `hash`, a deleted row leaves a gap in the ids and a `prev_hash` that does not
    /// match, rows cut off the end no longer reach `meta.audit_head`.
    pub async fn verify_audit(&self) -> Result<AuditReport, StoreError> {
        // One read snapshot, read in pages so that a large log does not sit in memory.
        let mut conn = self.pool().acquire().await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        if self.backend() == crate::Backend::Postgres {
            // PostgreSQL's default isolation sees each statement's own snapshot.
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute(&mut *tx)
                .await?;
        }
        let head: Option<(String,)> = sqlx::query_as("SELECT value FROM meta WHERE key = $1")
            .bind(HEAD_KEY)
            .fetch_optional(&mut *tx)
            .await?;
        let mut problems = Vec::new();
        // `anchors.log` belongs to the data folder's live database, not to a copy beside it
        // (a restore's staged backup).
        let live = self.backend() == crate::Backend::Postgres
            || self.path().file_name() == Some(std::ffi::OsStr::new(crate::DATABASE_FILE));
        let anchors = crate::checkpoint::anchors(&mut tx, self.data_dir(), live).await?;
        let mut seen_anchor = vec![false; anchors.len()];
        let mut prev = GENESIS.to_owned();
        let mut expected_id = 1;
        let mut count = 0i64;
        let mut last: Option<String> = None;
        loop {
            let rows: Vec<ChainRow> = sqlx::query_as(
                "SELECT id, at, actor, action, table_name, row_id, before, after, prev_hash, hash
                 FROM audit_log WHERE id >= $1 ORDER BY id LIMIT 5000",
            )
            .bind(expected_id)
            .fetch_all(&mut *tx)
            .await?;
            let Some(end) = rows.last() else { break };
            last = Some(format!("{}:{}", end.id, end.hash));
            count += rows.len() as i64;
            for r in &rows {
                if r.id != expected_id {
                    problems.push(AuditProblem {
                        id: r.id,
                        problem: format!(
                            "ردیف‌های {} تا {} دفتر وقایع حذف شده‌اند",
                            expected_id,
                            r.id - 1
                        ),
                    });
                }
                if r.prev_hash != prev {
                    problems.push(AuditProblem {
                        id: r.id,
                        problem: "زنجیره گسسته است: ردیف پیشین حذف یا ویرایش شده است".into(),
                    });
                }
                let recomputed = hash_of([
                    &r.prev_hash,
                    &r.id.to_string(),
                    &r.at,
                    &r.actor,
                    &r.action,
                    &r.table_name,
                    &r.row_id.to_string(),
                    r.before.as_deref().unwrap_or("\u{0}"),
                    r.after.as_deref().unwrap_or("\u{0}"),
                ]);
                if recomputed != r.hash {
                    problems.push(AuditProblem {
                        id: r.id,
                        problem: "این ردیف پس از ثبت ویرایش شده است (چکیده با محتوا نمی‌خواند)"
                            .into(),
                    });
                }
                for (i, a) in anchors.iter().enumerate() {
                    if a.seq == r.id {
                        seen_anchor[i] = true;
                        if a.head != r.hash {
                            problems.push(AuditProblem {
                                id: r.id,
                                problem: format!(
                                    "دفتر وقایع بازنویسی شده است: ردیف {} با نقطهٔ وارسی امضاشدهٔ {} ({}) نمی‌خواند",
                                    r.id, a.at, a.source
                                ),
                            });
                        }
                    }
                }
                prev = r.hash.clone();
                expected_id = r.id + 1;
            }
        }
        tx.commit().await?;
        for (a, seen) in anchors.iter().zip(seen_anchor) {
            if !a.signed_right {
                problems.push(AuditProblem {
                    id: a.seq,
                    problem: format!(
                        "امضای نقطهٔ وارسی {} ({}) با کلید این نصب نمی‌خواند",
                        a.at, a.source
                    ),
                });
            }
            if !seen && a.seq > 0 {
                problems.push(AuditProblem {
                    id: a.seq,
                    problem: format!(
                        "دفتر وقایع کوتاه شده است: نقطهٔ وارسی امضاشدهٔ {} ({}) تا ردیف {} را دیده بود و این ردیف نیست",
                        a.at, a.source, a.seq
                    ),
                });
            }
        }
        match (head.map(|h| h.0), last) {
            (None, None) => {}
            (Some(h), Some(l)) if h == l => {}
            (Some(h), _) => problems.push(AuditProblem {
                id: h
                    .split(':')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0),
                problem: "ردیف‌های پایانی دفتر وقایع حذف شده‌اند (سرِ زنجیره پیدا نیست)".into(),
            }),
            (None, Some(_)) => problems.push(AuditProblem {
                id: 0,
                problem: "نشانی سرِ زنجیرهٔ دفتر وقایع حذف شده است".into(),
            }),
        }
        let mut conn = self.pool().acquire().await?;
        problems.extend(crate::signing::sealed_problems(&mut conn).await?);
        Ok(AuditReport {
            rows: count,
            problems,
        })
    }

    /// When the last change on record was made (the last audit row's moment, UTC), if any:
    /// no day set by hand may go back before it.
    pub async fn last_recorded_at(&self) -> Result<Option<String>, StoreError> {
        let last: Option<(String,)> =
            sqlx::query_as("SELECT at FROM audit_log ORDER BY id DESC LIMIT 1")
                .fetch_optional(self.pool())
                .await?;
        Ok(last.map(|l| l.0))
    }

    /// The latest `limit` rows of the audit log, newest first.
    pub async fn audit_entries(&self, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, at, actor, action, table_name, row_id, before, after
             FROM audit_log ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }
}
