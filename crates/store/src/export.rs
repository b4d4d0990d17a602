//! The board's lists as tables to take away: the cases (with the case list's filters), the
//! limits running (appeal and limitation), the rulings and the sessions set. Each list is a
//! [`Table`] — Persian headers and rows of typed cells — built here from the same queries the
//! screens use; [`write()`] saves a table as XLSX (right to left, a bold frozen header, real
//! date cells with the Solar Hijri date in Persian digits beside each) or as CSV (UTF-8 with a
//! BOM, RFC 4180 quoting), by the file's extension.

use crate::{CaseFilter, Store, StoreError};
use heyat_core::JalaliDate;
use heyat_core::proceedings::{RulingOutcome, RulingStatus, Stage};
use std::path::Path;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    /// A day: written as a real date, with its Solar Hijri form in a column beside it.
    Date,
}

/// A column: its Persian header, what it holds and its width in characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: &'static str,
    pub kind: Kind,
    pub width: f64,
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(i64),
    Date(JalaliDate),
    Empty,
}

/// A list as a table: its name (the sheet's), its columns and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// The header that follows a date column: the same day in Solar Hijri, Persian digits.
pub fn solar_header(title: &str) -> String {
    format!("{title} (شمسی)")
}

impl Table {
    /// The headers as written: each date column followed by its Solar Hijri column.
    pub fn headers(&self) -> Vec<String> {
        let mut out = Vec::new();
        for c in &self.columns {
            out.push(c.title.to_owned());
            if c.kind == Kind::Date {
                out.push(solar_header(c.title));
            }
        }
        out
    }
}

fn col(title: &'static str, kind: Kind, width: f64) -> Column {
    Column { title, kind, width }
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

/// A stored ISO day (or a timestamp beginning with one) as a date cell; empty when absent.
fn day(iso: Option<&str>) -> Cell {
    iso.and_then(|t| t.get(..10))
        .and_then(|t| JalaliDate::parse_iso(t).ok())
        .map_or(Cell::Empty, Cell::Date)
}

/// The cases matching `filter` (as `heyat cases` and the case list filter them), newest first.
pub async fn cases(store: &Store, filter: &CaseFilter) -> Result<Table, StoreError> {
    let list = store.cases(filter).await?;
    Ok(Table {
        name: "پرونده‌ها",
        columns: vec![
            col("شمارهٔ پرونده", Kind::Text, 14.0),
            col("وضعیت", Kind::Text, 18.0),
            col("تاریخ ثبت", Kind::Date, 12.0),
            col("کد دفتر", Kind::Text, 12.0),
            col("نام دفتر", Kind::Text, 36.0),
            col("شهر", Kind::Text, 12.0),
            col("مدیر دفتر", Kind::Text, 22.0),
            col("موضوع", Kind::Text, 40.0),
            col("شمار اتهام‌ها", Kind::Number, 12.0),
        ],
        rows: list
            .into_iter()
            .map(|c| {
                vec![
                    text(c.number),
                    text(c.status.title_fa()),
                    day(Some(&c.registered_on)),
                    text(c.office_code),
                    text(c.office_name),
                    text(c.city),
                    text(c.manager_name),
                    text(c.subject),
                    Cell::Number(c.charge_count),
                ]
            })
            .collect(),
    })
}

/// The limits running on `today` (appeal, Art 33; limitation, Art 30), soonest first.
pub async fn deadlines(store: &Store, today: JalaliDate) -> Result<Table, StoreError> {
    let list = store.deadlines(today).await?;
    Ok(Table {
        name: "مهلت‌ها",
        columns: vec![
            col("شمارهٔ پرونده", Kind::Text, 14.0),
            col("نام دفتر", Kind::Text, 36.0),
            col("مهلت", Kind::Text, 20.0),
            col("ماده", Kind::Text, 10.0),
            col("پایان مهلت", Kind::Date, 12.0),
            col("روزهای مانده", Kind::Number, 12.0),
        ],
        rows: list
            .into_iter()
            .map(|d| {
                vec![
                    text(d.case_number),
                    text(d.office_name),
                    text(d.kind.title_fa()),
                    text(d.kind.article()),
                    Cell::Date(d.due_on),
                    Cell::Number(today.days_until(d.due_on)),
                ]
            })
            .collect(),
    })
}

#[derive(sqlx::FromRow)]
struct RulingLine {
    year: i64,
    seq: i64,
    board_name: String,
    office_name: String,
    manager_name: String,
    stage: Stage,
    status: RulingStatus,
    outcome: Option<RulingOutcome>,
    grade: Option<i64>,
    drafted_on: String,
    signed_on: Option<String>,
    final_on: Option<String>,
}

/// Every ruling, drafts included, newest first.
pub async fn rulings(store: &Store) -> Result<Table, StoreError> {
    let list: Vec<RulingLine> = sqlx::query_as(
        "SELECT c.year, c.seq, b.name AS board_name, o.name AS office_name,
                m.first_name || ' ' || m.last_name AS manager_name,
                r.stage, r.status, r.outcome, r.grade, r.drafted_on, r.signed_on, r.final_on
         FROM rulings r
         JOIN cases c ON c.id = r.case_id
         JOIN boards b ON b.id = c.board_id
         JOIN offices o ON o.id = c.office_id
         JOIN managers m ON m.id = c.manager_id
         ORDER BY r.drafted_on DESC, r.id DESC",
    )
    .fetch_all(store.pool())
    .await?;
    Ok(Table {
        name: "آراء",
        columns: vec![
            col("شمارهٔ پرونده", Kind::Text, 14.0),
            col("هیأت", Kind::Text, 30.0),
            col("نام دفتر", Kind::Text, 36.0),
            col("مدیر دفتر", Kind::Text, 22.0),
            col("مرحله", Kind::Text, 12.0),
            col("وضعیت رأی", Kind::Text, 14.0),
            col("نتیجه", Kind::Text, 18.0),
            col("درجه", Kind::Number, 8.0),
            col("تاریخ پیش‌نویس", Kind::Date, 12.0),
            col("تاریخ امضا", Kind::Date, 12.0),
            col("تاریخ قطعیت", Kind::Date, 12.0),
        ],
        rows: list
            .into_iter()
            .map(|r| {
                vec![
                    text(crate::case_number(r.year, r.seq)),
                    text(r.board_name),
                    text(r.office_name),
                    text(r.manager_name),
                    text(r.stage.title_fa()),
                    text(r.status.title_fa()),
                    r.outcome.map_or(Cell::Empty, |o| text(o.title_fa())),
                    r.grade.map_or(Cell::Empty, Cell::Number),
                    day(Some(&r.drafted_on)),
                    day(r.signed_on.as_deref()),
                    day(r.final_on.as_deref()),
                ]
            })
            .collect(),
    })
}

/// Every session set, by day and time.
pub async fn sessions(store: &Store) -> Result<Table, StoreError> {
    let list = store.agenda("0000-01-01", "9999-12-31").await?;
    Ok(Table {
        name: "جلسات",
        columns: vec![
            col("تاریخ جلسه", Kind::Date, 12.0),
            col("ساعت", Kind::Text, 8.0),
            col("شمارهٔ پرونده", Kind::Text, 14.0),
            col("هیأت", Kind::Text, 30.0),
            col("نام دفتر", Kind::Text, 36.0),
            col("مدیر دفتر", Kind::Text, 22.0),
            col("یادداشت", Kind::Text, 30.0),
        ],
        rows: list
            .into_iter()
            .map(|s| {
                vec![
                    day(Some(&s.scheduled_on)),
                    text(heyat_core::to_persian_digits(&s.at_time)),
                    text(crate::case_number(s.case_year, s.case_seq)),
                    text(s.board_name),
                    text(s.office_name),
                    text(s.manager_name),
                    text(s.note),
                ]
            })
            .collect(),
    })
}

/// The format a file's extension asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
}

impl Format {
    /// `.xlsx` or `.csv` (any case); anything else is refused in Persian.
    pub fn of(path: &Path) -> Result<Format, StoreError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("xlsx") => Ok(Format::Xlsx),
            Some("csv") => Ok(Format::Csv),
            _ => Err(StoreError::invalid(
                "پروندهٔ خروجی",
                format!(
                    "«{}» پسوند .xlsx یا .csv ندارد؛ یکی از این دو را بدهید",
                    path.display()
                ),
            )),
        }
    }
}

/// Saves `table` to `path`, as XLSX or CSV by its extension.
pub fn write(table: &Table, path: &Path) -> Result<(), StoreError> {
    let bytes = match Format::of(path)? {
        Format::Xlsx => xlsx(table)?,
        Format::Csv => csv(table).into_bytes(),
    };
    std::fs::write(path, bytes).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })
}

pub(crate) fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> StoreError {
    StoreError::Spreadsheet(format!("ساخته نشد: {e}"))
}

/// The table as an XLSX workbook of one right-to-left sheet.
pub fn xlsx(table: &Table) -> Result<Vec<u8>, StoreError> {
    use rust_xlsxwriter::{ExcelDateTime, Format as Fmt, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(table.name).map_err(xlsx_error)?;
    sheet.set_right_to_left(true);
    let bold = Fmt::new().set_bold();
    let date = Fmt::new().set_num_format("yyyy-mm-dd");
    let mut c = 0u16;
    for column in &table.columns {
        sheet
            .write_string_with_format(0, c, column.title, &bold)
            .map_err(xlsx_error)?;
        sheet
            .set_column_width(c, column.width)
            .map_err(xlsx_error)?;
        c += 1;
        if column.kind == Kind::Date {
            sheet
                .write_string_with_format(0, c, solar_header(column.title), &bold)
                .map_err(xlsx_error)?;
            sheet.set_column_width(c, 14.0).map_err(xlsx_error)?;
            c += 1;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1)
            .map_err(|_| StoreError::Spreadsheet("ردیف‌ها بیش از گنجایش یک برگه‌اند".into()))?;
        let mut c = 0u16;
        for (cell, column) in row.iter().zip(&table.columns) {
            match cell {
                Cell::Text(s) => {
                    sheet.write_string(r, c, s).map_err(xlsx_error)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c, *n as f64).map_err(xlsx_error)?;
                }
                Cell::Date(d) => {
                    let (y, m, dd) = d.iso();
                    let when = ExcelDateTime::from_ymd(y as u16, m, dd).map_err(xlsx_error)?;
                    sheet
                        .write_datetime_with_format(r, c, &when, &date)
                        .map_err(xlsx_error)?;
                    sheet
                        .write_string(r, c + 1, d.format_fa())
                        .map_err(xlsx_error)?;
                }
                Cell::Empty => {}
            }
            c += if column.kind == Kind::Date { 2 } else { 1 };
        }
    }
    book.save_to_buffer().map_err(xlsx_error)
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The table as CSV: UTF-8 with a BOM (so Excel reads the Persian), CRLF line ends, dates as
/// ISO days with the Solar Hijri day beside each.
pub fn csv(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    let line = |out: &mut String, fields: Vec<String>| {
        let cells: Vec<String> = fields.iter().map(|f| field(f)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(&mut out, table.headers());
    for row in &table.rows {
        let mut fields = Vec::new();
        for (cell, column) in row.iter().zip(&table.columns) {
            match cell {
                Cell::Text(s) => fields.push(s.clone()),
                Cell::Number(n) => fields.push(n.to_string()),
                Cell::Date(d) => {
                    fields.push(d.to_iso_string());
                    fields.push(d.format_fa());
                }
                Cell::Empty => {
                    fields.push(String::new());
                    if column.kind == Kind::Date {
                        fields.push(String::new());
                    }
                }
            }
        }
        line(&mut out, fields);
    }
    out
}

/// The figures of a period (see [`crate::statistics`]): one row per bar of each chart, by
/// dimension, in the screen's order.
pub fn statistics(stats: &crate::statistics::Statistics) -> Table {
    let mut rows = Vec::new();
    for (key, title) in crate::statistics::DIMENSIONS {
        for c in stats.dimension(key) {
            rows.push(vec![
                text(title),
                text(c.label_fa.clone()),
                Cell::Number(c.count),
            ]);
        }
    }
    Table {
        name: "آمار",
        columns: vec![
            col("بر حسب", Kind::Text, 16.0),
            col("مورد", Kind::Text, 60.0),
            col("شمار", Kind::Number, 10.0),
        ],
        rows,
    }
}

/// Index 7 of the 1404 ranking instruction for a period (see [`crate::ranking`]): one row per
/// conviction counted, and one row for an office with none (score 100).
pub fn ranking(rows: &[crate::ranking::Index7Row]) -> Table {
    let mut out = Vec::new();
    for r in rows {
        let office = [
            text(r.office_code.clone()),
            text(r.office_name.clone()),
            text(r.city.clone()),
            text(r.manager_name.clone().unwrap_or_default()),
            Cell::Number(i64::from(r.score)),
            Cell::Number(i64::from(r.rank_levels_down_max)),
        ];
        if r.effects.is_empty() {
            let mut row = office.to_vec();
            row.extend([
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                text("بدون کسر"),
                Cell::Number(0),
                text("محکومیت قطعی در دوره ثبت نشده است"),
            ]);
            out.push(row);
        }
        for e in &r.effects {
            let mut row = office.to_vec();
            let code = heyat_core::engine::Code::from_id(&e.regulation)
                .map_or(e.regulation.clone(), |c| c.name_fa().to_owned());
            row.extend([
                text(e.case_number.clone()),
                day(Some(&e.final_on)),
                Cell::Number(i64::from(e.grade)),
                text(code),
                text(crate::ranking::clause_fa(e.clause.as_deref())),
                Cell::Number(i64::from(e.deduction)),
                text(e.reason_fa.clone()),
            ]);
            out.push(row);
        }
    }
    Table {
        name: "شاخص ۷ رتبه‌بندی",
        columns: vec![
            col("کد دفتر", Kind::Text, 12.0),
            col("نام دفتر", Kind::Text, 36.0),
            col("شهر", Kind::Text, 12.0),
            col("مدیر دفتر", Kind::Text, 22.0),
            col("امتیاز شاخص ۷", Kind::Number, 12.0),
            col("تنزل رتبه تا (درجه)", Kind::Number, 12.0),
            col("شمارهٔ پرونده", Kind::Text, 14.0),
            col("تاریخ قطعیت", Kind::Date, 12.0),
            col("درجه", Kind::Number, 8.0),
            col("آیین‌نامه", Kind::Text, 16.0),
            col("بند", Kind::Text, 40.0),
            col("کسر", Kind::Number, 8.0),
            col("شرح", Kind::Text, 50.0),
        ],
        rows: out,
    }
}
