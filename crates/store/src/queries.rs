//! Reads the app's screens need. Every query here is run by a test against a real file.

use crate::{Store, StoreError};
use heyat_core::CaseStatus;
use serde::{Deserialize, Serialize};

/// A board with the people in its seats.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardSummary {
    pub id: i64,
    /// `first_instance` or `appeal`.
    pub kind: String,
    pub name: String,
    pub province: String,
    pub term_start: String,
    pub term_end: String,
    /// The chair the members elected from the judges (Art 26).
    pub chair_member_id: Option<i64>,
    pub seats: Vec<BoardSeat>,
}

/// One seat of a board and who holds it.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct BoardSeat {
    /// `judge_1`, `judge_2`, `representative`, `alternate_judge`, `alternate_representative`.
    pub seat: String,
    pub member_id: i64,
    /// `judge`, `kanoon_rep` or `center_rep`.
    pub kind: String,
    pub first_name: String,
    pub last_name: String,
    pub judicial_grade: Option<i64>,
    /// The code of the office whose licence the member holds (Art 23: a first-instance
    /// board's Kanoon representatives are office managers); `None` when none is on record.
    pub manages_office: Option<String>,
}

/// A line of the case list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseListItem {
    pub id: i64,
    /// `YEAR-SEQ`, e.g. `1403-0012`: unique per board and Solar Hijri year.
    pub number: String,
    pub board_id: i64,
    pub office_code: String,
    pub office_name: String,
    pub city: String,
    pub manager_name: String,
    pub status: CaseStatus,
    /// ISO date.
    pub registered_on: String,
    pub subject: String,
    pub charge_count: i64,
}

/// How many cases stand in one status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusCount {
    pub status: CaseStatus,
    pub count: i64,
}

/// Which cases to list.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct CaseFilter {
    pub status: Option<CaseStatus>,
    /// Words to find in the number, the office's code or name, the city or the manager's name.
    pub text: Option<String>,
    pub board_id: Option<i64>,
    pub office_id: Option<i64>,
    /// Registered on or after this ISO date.
    pub registered_from: Option<String>,
    /// Registered on or before this ISO date.
    pub registered_to: Option<String>,
    /// Any of these statuses, when not empty (and `status` too, when set).
    #[serde(default)]
    pub statuses: Vec<CaseStatus>,
}

/// A page of the case list: the lines from an offset, and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CasePage {
    pub total: i64,
    pub offset: i64,
    pub items: Vec<CaseListItem>,
}

/// The conditions of a case filter over `cases c`; `?1` is the full-text query and `?3`…`?8`
/// the filter's fields, bound by [`bind_filter`].
const FILTER_WHERE: &str = "WHERE ($3 IS NULL OR c.status = $3)
   AND ($1 IS NULL OR c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH $1))
   AND ($4 IS NULL OR c.board_id = $4)
   AND ($5 IS NULL OR c.office_id = $5)
   AND ($6 IS NULL OR c.registered_on >= $6)
   AND ($7 IS NULL OR c.registered_on <= $7)
   AND ($8 IS NULL OR c.status IN (SELECT value FROM json_each($8)))
";

/// [`FILTER_WHERE`] for PostgreSQL: the text query against the `tsvector`, the statuses from
/// the JSON array with `json_array_elements_text`.
const FILTER_WHERE_PG: &str = "WHERE ($3 IS NULL OR c.status = $3)
   AND ($1 IS NULL OR c.id IN (SELECT rowid FROM case_search
                                WHERE document @@ to_tsquery('simple', $1)))
   AND ($4 IS NULL OR c.board_id = $4)
   AND ($5 IS NULL OR c.office_id = $5)
   AND ($6 IS NULL OR c.registered_on >= $6)
   AND ($7 IS NULL OR c.registered_on <= $7)
   AND ($8 IS NULL OR c.status IN (SELECT json_array_elements_text(CAST($8 AS json))))
";

type Query<'q, O> = sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments>;

/// Binds `?1`…`?8` of [`FILTER_WHERE`] (`?2` is the caller's: a limit or nothing).
fn bind_filter<'q, O>(
    q: Query<'q, O>,
    fts: Option<String>,
    second: Option<i64>,
    filter: &'q CaseFilter,
) -> Query<'q, O> {
    let statuses = (!filter.statuses.is_empty()).then(|| {
        serde_json::Value::from(filter.statuses.iter().map(|s| s.code()).collect::<Vec<_>>())
            .to_string()
    });
    q.bind(fts)
        .bind(second)
        .bind(filter.status.map(|s| s.code().to_owned()))
        .bind(filter.board_id)
        .bind(filter.office_id)
        .bind(&filter.registered_from)
        .bind(&filter.registered_to)
        .bind(statuses)
}

#[derive(sqlx::FromRow)]
struct BoardRow {
    id: i64,
    kind: String,
    name: String,
    province: String,
    term_start: String,
    term_end: String,
    chair_member_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct CaseRow {
    id: i64,
    year: i64,
    seq: i64,
    board_id: i64,
    office_code: String,
    office_name: String,
    city: String,
    manager_name: String,
    status: String,
    registered_on: String,
    subject: String,
    charge_count: i64,
}

pub(crate) fn status_of(code: &str) -> Result<CaseStatus, StoreError> {
    CaseStatus::from_code(code).ok_or_else(|| StoreError::Corrupt {
        what: "وضعیت پرونده",
        value: code.to_owned(),
    })
}

/// The case number people read: year and a four-digit sequence.
pub fn case_number(year: i64, seq: i64) -> String {
    format!("{year}-{seq:04}")
}

impl Store {
    /// Every board, first-instance boards first, each with its seats in the order of Arts 23–25.
    pub async fn boards(&self) -> Result<Vec<BoardSummary>, StoreError> {
        let rows: Vec<BoardRow> = sqlx::query_as(
            "SELECT id, kind, name, province, term_start, term_end, chair_member_id FROM boards
             ORDER BY kind = 'appeal', id",
        )
        .fetch_all(self.pool())
        .await?;
        let mut boards = Vec::with_capacity(rows.len());
        for row in rows {
            let seats: Vec<BoardSeat> = sqlx::query_as(
                "SELECT s.seat, m.id AS member_id, m.kind, m.first_name, m.last_name, m.judicial_grade,
                   m.manages_office
                 FROM board_seats s JOIN members m ON m.id = s.member_id
                 WHERE s.board_id = $1
                 ORDER BY CASE s.seat WHEN 'judge_1' THEN 1 WHEN 'judge_2' THEN 2
                   WHEN 'representative' THEN 3 WHEN 'alternate_judge' THEN 4 ELSE 5 END",
            )
            .bind(row.id)
            .fetch_all(self.pool())
            .await?;
            boards.push(BoardSummary {
                id: row.id,
                kind: row.kind,
                name: row.name,
                province: row.province,
                chair_member_id: row.chair_member_id,
                term_start: row.term_start,
                term_end: row.term_end,
                seats,
            });
        }
        Ok(boards)
    }

    /// Cases matching `filter`, newest first. `text` goes through the Persian full-text
    /// search (see [`Store::search`]).
    pub async fn cases(&self, filter: &CaseFilter) -> Result<Vec<CaseListItem>, StoreError> {
        Ok(self.cases_page(filter, 0, None).await?.items)
    }

    /// The page of [`Store::cases`] from `offset`, at most `limit` lines, with how many match
    /// in all: what the case list on screen reads as it scrolls.
    pub async fn cases_page(
        &self,
        filter: &CaseFilter,
        offset: i64,
        limit: Option<i64>,
    ) -> Result<CasePage, StoreError> {
        let fts = filter
            .text
            .as_deref()
            .and_then(|t| crate::search::text_query(self.backend(), t));
        if filter.text.as_deref().is_some_and(|t| !t.trim().is_empty()) && fts.is_none() {
            return Ok(CasePage {
                total: 0,
                offset,
                items: Vec::new(),
            });
        }
        // The page's ids first, from `cases` and its indexes alone (an offset deep in the list
        // steps over index entries, not over joined lines), then their lines.
        // SQLite takes -1 for "no limit", PostgreSQL NULL.
        let (filter_where, no_limit) = match self.backend() {
            crate::Backend::Sqlite => (FILTER_WHERE, "coalesce($2, -1)"),
            crate::Backend::Postgres => (FILTER_WHERE_PG, "$2"),
        };
        let sql = format!(
            "WITH page AS (SELECT c.id, c.registered_on FROM cases c {filter_where}
                           ORDER BY c.registered_on DESC, c.id DESC
                           LIMIT {no_limit} OFFSET $9)
             {CASE_LIST_SELECT} JOIN page p ON p.id = c.id
             ORDER BY p.registered_on DESC, p.id DESC"
        );
        let rows: Vec<CaseRow> = bind_filter(
            sqlx::query_as(sqlx::AssertSqlSafe(sql)),
            fts.clone(),
            limit,
            filter,
        )
        .bind(offset.max(0))
        .fetch_all(self.pool())
        .await?;
        // A first page shorter than the limit is the whole list: no count needed.
        let total = match limit {
            Some(l) if offset <= 0 && (rows.len() as i64) < l => rows.len() as i64,
            None if offset <= 0 => rows.len() as i64,
            _ => {
                let sql = format!("SELECT count(*) FROM cases c {filter_where} AND $2 IS NULL");
                let (n,): (i64,) =
                    bind_filter(sqlx::query_as(sqlx::AssertSqlSafe(sql)), fts, None, filter)
                        .fetch_one(self.pool())
                        .await?;
                n
            }
        };
        Ok(CasePage {
            total,
            offset,
            items: rows
                .into_iter()
                .map(CaseRow::into_item)
                .collect::<Result<_, _>>()?,
        })
    }

    /// The number of cases in each status, in lifecycle order, zeros included.
    pub async fn status_counts(&self) -> Result<Vec<StatusCount>, StoreError> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT status, count(*) FROM cases GROUP BY status")
                .fetch_all(self.pool())
                .await?;
        let mut counts: Vec<StatusCount> = CaseStatus::ALL
            .iter()
            .map(|&status| StatusCount { status, count: 0 })
            .collect();
        for (code, count) in rows {
            let status = status_of(&code)?;
            if let Some(c) = counts.iter_mut().find(|c| c.status == status) {
                c.count = count;
            }
        }
        Ok(counts)
    }
}

const CASE_LIST_SELECT: &str =
    "SELECT c.id, c.year, c.seq, c.board_id, o.code AS office_code, o.name AS office_name,
        o.city, m.first_name || ' ' || m.last_name AS manager_name, c.status,
        c.registered_on, c.subject,
        (SELECT count(*) FROM charges ch WHERE ch.case_id = c.id) AS charge_count
 FROM cases c
 JOIN offices o ON o.id = c.office_id
 JOIN managers m ON m.id = c.manager_id
 ";

/// Case list lines: the common SELECT followed by `tail`, which may use `?1` (text) and `?2`
/// (integer).
pub(crate) async fn case_list_rows<'e, E>(
    executor: E,
    tail: &'static str,
    text: Option<String>,
    number: Option<i64>,
) -> Result<Vec<CaseListItem>, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let sql = format!("{CASE_LIST_SELECT}{tail}");
    let rows: Vec<CaseRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(text)
        .bind(number)
        .fetch_all(executor)
        .await?;
    rows.into_iter().map(CaseRow::into_item).collect()
}

impl CaseRow {
    fn into_item(self) -> Result<CaseListItem, StoreError> {
        Ok(CaseListItem {
            id: self.id,
            number: case_number(self.year, self.seq),
            board_id: self.board_id,
            office_code: self.office_code,
            office_name: self.office_name,
            city: self.city,
            manager_name: self.manager_name,
            status: status_of(&self.status)?,
            registered_on: self.registered_on,
            subject: self.subject,
            charge_count: self.charge_count,
        })
    }
}

/// An office as forms list it.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct OfficeItem {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub city: String,
    /// The office's manager, when one is registered.
    pub manager_name: Option<String>,
}

impl Store {
    /// Every office, by code.
    pub async fn offices(&self) -> Result<Vec<OfficeItem>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT o.id, o.code, o.name, o.city,
                    (SELECT m.first_name || ' ' || m.last_name FROM managers m
                     WHERE m.office_id = o.id ORDER BY m.id LIMIT 1) AS manager_name
             FROM offices o ORDER BY o.code",
        )
        .fetch_all(self.pool())
        .await?)
    }
}
