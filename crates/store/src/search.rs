//! Persian full-text search over cases (SQLite FTS5). Each case's row in `case_search` is
//! written by the store, with its text folded by [`heyat_core::fold_persian`]; queries are
//! folded the same way and each word matched as a prefix, all words required.

use crate::queries::{CaseListItem, case_list_rows};
use crate::{Backend, Store, StoreError};
use heyat_core::search_terms;
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct IndexSource {
    year: i64,
    seq: i64,
    office: String,
    manager: String,
    subject: String,
    facts: String,
}

/// Writes (or rewrites) the search row of case `case_id`.
pub(crate) async fn index_case(conn: &mut AnyConnection, case_id: i64) -> Result<(), StoreError> {
    let sql = match Backend::of(conn) {
        Backend::Sqlite => {
            "SELECT c.year, c.seq,
                o.code || ' ' || o.name || ' ' || o.city || ' ' || o.province AS office,
                m.first_name || ' ' || m.last_name || ' ' || m.national_id AS manager,
                c.subject,
                coalesce((SELECT group_concat(ch.violation || ' ' || ch.facts, ' ')
                          FROM charges ch WHERE ch.case_id = c.id), '') AS facts
             FROM cases c JOIN offices o ON o.id = c.office_id JOIN managers m ON m.id = c.manager_id
             WHERE c.id = $1"
        }
        Backend::Postgres => {
            "SELECT c.year, c.seq,
                o.code || ' ' || o.name || ' ' || o.city || ' ' || o.province AS office,
                m.first_name || ' ' || m.last_name || ' ' || m.national_id AS manager,
                c.subject,
                coalesce((SELECT string_agg(ch.violation || ' ' || ch.facts, ' ' ORDER BY ch.id)
                          FROM charges ch WHERE ch.case_id = c.id), '') AS facts
             FROM cases c JOIN offices o ON o.id = c.office_id JOIN managers m ON m.id = c.manager_id
             WHERE c.id = $1"
        }
    };
    let src: Option<IndexSource> = sqlx::query_as(sql)
        .bind(case_id)
        .fetch_optional(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM case_search WHERE rowid = $1")
        .bind(case_id)
        .execute(&mut *conn)
        .await?;
    let Some(src) = src else { return Ok(()) };
    sqlx::query(
        "INSERT INTO case_search (rowid, number, office, manager, facts) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(case_id)
    .bind(format!("{} {:04} {}", src.year, src.seq, src.seq))
    .bind(index_text(&src.office))
    .bind(index_text(&src.manager))
    .bind(index_text(&format!("{} {}", src.subject, src.facts)))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What the index holds of `text`: its search words, space-separated.
fn index_text(text: &str) -> String {
    search_terms(text).join(" ")
}

/// The way rows are written into `case_search`; a database indexed another way is indexed
/// again on opening. 2: stop words left out.
const INDEX_VERSION: &str = "2";

/// Brings the search index up to date: rebuilt whole if it was written another way, else
/// the cases it lacks added. Returns how many cases were indexed.
pub(crate) async fn refresh_index(conn: &mut AnyConnection) -> Result<u64, StoreError> {
    let version: Option<(String,)> =
        sqlx::query_as("SELECT value FROM meta WHERE key = 'search_index_version'")
            .fetch_optional(&mut *conn)
            .await?;
    if version.as_ref().map(|v| v.0.as_str()) != Some(INDEX_VERSION) {
        sqlx::query("DELETE FROM case_search")
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "INSERT INTO meta (key, value) VALUES ('search_index_version', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(INDEX_VERSION)
        .execute(&mut *conn)
        .await?;
    }
    index_missing(conn).await
}

/// Indexes every case that has no search row yet (cases written before the index existed, or
/// by another program). Returns how many.
pub(crate) async fn index_missing(conn: &mut AnyConnection) -> Result<u64, StoreError> {
    let missing: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM cases WHERE id NOT IN (SELECT rowid FROM case_search)")
            .fetch_all(&mut *conn)
            .await?;
    for (id,) in &missing {
        index_case(conn, *id).await?;
    }
    Ok(missing.len() as u64)
}

/// The full-text query for what a person typed, in the backend's syntax: FTS5's
/// `"w1"* "w2"*` on SQLite ([`fts_query`]), `'w1':* & 'w2':*` for PostgreSQL's `to_tsquery`
/// over the `simple` configuration (the words are already folded in Rust, as the index's are).
pub(crate) fn text_query(backend: Backend, text: &str) -> Option<String> {
    match backend {
        Backend::Sqlite => fts_query(text),
        Backend::Postgres => {
            let terms = search_terms(text);
            let words: Vec<String> = terms
                .iter()
                .map(|t| t.replace(['\'', '\\'], ""))
                .filter(|t| !t.is_empty())
                .map(|t| format!("'{t}':*"))
                .collect();
            (!words.is_empty()).then(|| words.join(" & "))
        }
    }
}

/// The FTS5 query for what a person typed: every word, folded, quoted, as a prefix; `None`
/// when nothing searchable is left (no words, or only [`heyat_core::fold::SEARCH_STOPWORDS`]).
/// Quoting leaves no FTS syntax to inject.
pub fn fts_query(text: &str) -> Option<String> {
    let terms = search_terms(text);
    if terms.is_empty() {
        return None;
    }
    Some(
        terms
            .iter()
            .map(|t| format!("\"{}\"*", t.replace('"', "")))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

impl Store {
    /// Cases matching the words of `query` in their number, office (code, name, city),
    /// manager (name, national id), subject or charges' facts, best match first. Persian and
    /// Arabic spellings and digits match alike.
    pub async fn search(&self, query: &str, limit: i64) -> Result<Vec<CaseListItem>, StoreError> {
        let Some(fts) = text_query(self.backend(), query) else {
            return Ok(Vec::new());
        };
        let tail = match self.backend() {
            Backend::Sqlite => {
                "JOIN (SELECT rowid AS hit, rank FROM case_search WHERE case_search MATCH $1) s ON s.hit = c.id
                 ORDER BY s.rank, c.id DESC LIMIT $2"
            }
            // ts_rank: higher is better (FTS5's rank: lower is better).
            Backend::Postgres => {
                "JOIN (SELECT rowid AS hit, ts_rank(document, q) AS score
                         FROM case_search, to_tsquery('simple', $1) AS q WHERE document @@ q) s
                   ON s.hit = c.id
                 ORDER BY s.score DESC, c.id DESC LIMIT $2"
            }
        };
        case_list_rows(self.pool(), tail, Some(fts), Some(limit)).await
    }

    /// Rebuilds the whole search index (after a restore from an older file, or by hand).
    pub async fn rebuild_search_index(&self) -> Result<u64, StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM case_search")
            .execute(&mut *tx)
            .await?;
        let n = index_missing(&mut tx).await?;
        tx.commit().await?;
        Ok(n)
    }
}
