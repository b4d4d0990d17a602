//! A board's existing register brought in from Excel: offices, their managers and the open
//! cases, from a workbook laid out as [`template`] hands it out (one sheet per kind, Persian
//! headers, an example row, a notes sheet).
//!
//! [`Store::import_register`] reads the file and checks every row against the file itself
//! and the database (a missing field, an unknown office code, an impossible Solar Hijri date,
//! an unknown violation, a duplicate, a national id failing its check digit), each problem
//! with its sheet, row number and what to fix. Nothing is saved unless the file is clean and
//! the caller confirms; then every row goes in as one action: one transaction, audited.

use crate::act::Act;
use crate::export::xlsx_error;
use crate::write::{
    NewCase, NewCharge, NewManager, NewOffice, checked_charge, checked_manager, checked_office,
    insert_case, insert_manager, insert_office,
};
use crate::{Store, StoreError};
use heyat_core::{CaseStatus, JalaliDate, to_latin_digits, to_persian_digits};
use serde::Serialize;
use sqlx::AnyConnection;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The sheet of offices.
pub const OFFICES: &str = "دفاتر";
/// The sheet of office managers.
pub const MANAGERS: &str = "مدیران";
/// The sheet of open cases.
pub const CASES: &str = "پرونده‌ها";
/// The sheet explaining each column.
pub const NOTES: &str = "راهنما";

/// A column of a sheet: its header, whether it must be filled, what it takes, and the
/// template's example.
struct Field {
    title: &'static str,
    required: bool,
    note: &'static str,
    example: &'static str,
    width: f64,
}

const fn f(
    title: &'static str,
    required: bool,
    note: &'static str,
    example: &'static str,
    width: f64,
) -> Field {
    Field {
        title,
        required,
        note,
        example,
        width,
    }
}

const DATE_NOTE: &str = "تاریخ شمسی به شکل ۱۴۰۳/۰۵/۱۲ (رقم فارسی یا لاتین)، یا خانهٔ تاریخ اکسل";

const OFFICE_FIELDS: &[Field] = &[
    f(
        "کد دفتر",
        true,
        "کد دفتر خدمات الکترونیک قضایی، فقط رقم؛ در همهٔ برگه‌ها دفتر را با همین کد بشناسانید",
        "11560099",
        12.0,
    ),
    f(
        "نام دفتر",
        true,
        "نام کامل دفتر",
        "دفتر خدمات الکترونیک قضایی شمارهٔ ۹۹ تهران",
        40.0,
    ),
    f("شهر", true, "شهر دفتر", "تهران", 12.0),
    f("استان", true, "استان دفتر", "تهران", 12.0),
    f("تاریخ صدور پروانه", false, DATE_NOTE, "1401/02/15", 16.0),
    f("تاریخ پایان پروانه", false, DATE_NOTE, "1406/02/14", 16.0),
];

const MANAGER_FIELDS: &[Field] = &[
    f(
        "کد ملی",
        true,
        "ده رقم با رقم کنترل درست؛ اگر با صفر آغاز می‌شود، خانه را متنی نگه دارید",
        "0012345679",
        14.0,
    ),
    f("نام", true, "نام مدیر دفتر", "سارا", 14.0),
    f(
        "نام خانوادگی",
        true,
        "نام خانوادگی مدیر دفتر",
        "احمدی",
        16.0,
    ),
    f(
        "کد دفتر",
        true,
        "کد دفتری که این شخص مدیر (دارندهٔ پروانهٔ) آن است: در برگهٔ دفاتر یا از پیش در برنامه",
        "11560099",
        12.0,
    ),
];

const CASE_FIELDS: &[Field] = &[
    f(
        "هیأت",
        true,
        "شناسهٔ هیأت (عدد) یا نام کامل آن، همان‌گونه که در تنظیمات برنامه آمده",
        "1",
        30.0,
    ),
    f(
        "کد دفتر",
        true,
        "کد دفتری که پرونده دربارهٔ آن است: در برگهٔ دفاتر یا از پیش در برنامه",
        "11560099",
        12.0,
    ),
    f(
        "کد ملی مدیر",
        false,
        "کد ملی مدیری که پرونده علیه اوست؛ خالی: مدیر کنونی دفتر",
        "0012345679",
        14.0,
    ),
    f("تاریخ ثبت", true, DATE_NOTE, "1404/03/10", 12.0),
    f(
        "موضوع",
        true,
        "موضوع پرونده به زبان دبیر هیأت",
        "غیبت مدیر دفتر",
        30.0,
    ),
    f(
        "شناسهٔ تخلف",
        false,
        "بند آیین‌نامه مانند 1401:37:f، یا absence (غیبت) و closure (تعطیلی) با شمار روزها؛ خالی: پرونده بی اتهام ثبت می‌شود",
        "absence",
        14.0,
    ),
    f(
        "تاریخ ارتکاب",
        false,
        "لازم وقتی شناسهٔ تخلف داده شده؛ تاریخ شمسی",
        "1404/02/20",
        12.0,
    ),
    f(
        "شمار روزها",
        false,
        "برای absence و closure لازم است: دست‌کم ۱",
        "3",
        10.0,
    ),
    f("شرح", false, "شرح واقعهٔ تخلف", "سه روز غیبت بی‌جانشین", 30.0),
];

const KINDS: [(&str, &[Field]); 3] = [
    (OFFICES, OFFICE_FIELDS),
    (MANAGERS, MANAGER_FIELDS),
    (CASES, CASE_FIELDS),
];

/// One thing to fix in the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub sheet: String,
    /// The row as Excel numbers it (the header is row 1).
    pub row: u32,
    /// The column's header, when the problem is in one cell.
    pub column: Option<String>,
    /// What is wrong and what to do, in Persian.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            out,
            "برگهٔ «{}»، ردیف {}",
            self.sheet,
            to_persian_digits(&self.row.to_string())
        )?;
        if let Some(c) = &self.column {
            write!(out, "، ستون «{c}»")?;
        }
        write!(out, ": {}", self.message)
    }
}

/// What an import found, and whether it was saved.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    pub offices: usize,
    pub managers: usize,
    pub cases: usize,
    /// Every row to fix; the file is saved only when this is empty.
    pub problems: Vec<Problem>,
    /// True when everything was saved, in one transaction.
    pub saved: bool,
    /// The numbers the store gave the imported cases.
    pub case_numbers: Vec<String>,
}

/// A cell as read.
#[derive(Debug, Clone, PartialEq)]
enum Raw {
    Empty,
    Text(String),
    /// A number cell, as its digits.
    Number(String),
    Date(JalaliDate),
}

impl Raw {
    fn text(&self) -> String {
        match self {
            Raw::Empty => String::new(),
            Raw::Text(s) | Raw::Number(s) => s.clone(),
            Raw::Date(d) => d.format(),
        }
    }
}

/// A sheet's data rows: (Excel row number, header → cell).
struct Sheet {
    name: &'static str,
    rows: Vec<(u32, HashMap<&'static str, Raw>)>,
}

fn cell(data: &calamine::Data) -> Raw {
    use calamine::Data;
    match data {
        Data::Empty => Raw::Empty,
        Data::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                Raw::Empty
            } else {
                Raw::Text(t.to_owned())
            }
        }
        Data::Int(i) => Raw::Number(i.to_string()),
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
            Raw::Number(format!("{}", *x as i64))
        }
        Data::Float(x) => Raw::Text(x.to_string()),
        Data::Bool(b) => Raw::Text(b.to_string()),
        Data::DateTime(dt) => {
            let days = dt.as_f64().floor() as i64;
            chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|base| base.checked_add_signed(chrono::Duration::days(days)))
                .and_then(|d| {
                    use chrono::Datelike;
                    JalaliDate::from_iso(d.year(), d.month() as u8, d.day() as u8).ok()
                })
                .map_or_else(|| Raw::Text(dt.to_string()), Raw::Date)
        }
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|t| JalaliDate::parse_iso(t).ok())
            .map_or_else(|| Raw::Text(s.clone()), Raw::Date),
        Data::DurationIso(s) => Raw::Text(s.clone()),
        Data::Error(e) => Raw::Text(format!("#{e}")),
    }
}

/// Reads the workbook's three sheets; header problems are reported, not thrown.
fn read(path: &Path, problems: &mut Vec<Problem>) -> Result<Vec<Sheet>, StoreError> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e| {
        StoreError::Spreadsheet(format!(
            "«{}» خوانده نشد؛ پرونده‌ای .xlsx بدهید ({e})",
            path.display()
        ))
    })?;
    let names = book.sheet_names();
    let mut sheets = Vec::new();
    for (name, fields) in KINDS {
        if !names.iter().any(|n| n == name) {
            continue;
        }
        let range = book
            .worksheet_range(name)
            .map_err(|e| StoreError::Spreadsheet(format!("برگهٔ «{name}» خوانده نشد: {e}")))?;
        let mut sheet = Sheet {
            name,
            rows: Vec::new(),
        };
        let Some((last_row, last_col)) = range.end() else {
            sheets.push(sheet);
            continue;
        };
        let at = |r: u32, c: u32| range.get_value((r, c)).map_or(Raw::Empty, cell);
        let mut columns: Vec<(u32, &'static str)> = Vec::new();
        for c in 0..=last_col {
            let title = at(0, c).text();
            if let Some(field) = fields.iter().find(|f| f.title == title.trim()) {
                columns.push((c, field.title));
            }
        }
        for field in fields {
            if !columns.iter().any(|(_, t)| *t == field.title) {
                problems.push(Problem {
                    sheet: name.to_owned(),
                    row: 1,
                    column: Some(field.title.to_owned()),
                    message:
                        "این ستون در ردیف سرستون‌ها نیست؛ سرستون را همان‌گونه که در الگو آمده بنویسید"
                            .into(),
                });
            }
        }
        for r in 1..=last_row {
            let values: HashMap<&'static str, Raw> =
                columns.iter().map(|&(c, t)| (t, at(r, c))).collect();
            if values.values().all(|v| *v == Raw::Empty) {
                continue;
            }
            let example = fields
                .iter()
                .all(|f| values.get(f.title).map(Raw::text).unwrap_or_default() == f.example);
            if r == 1 && example {
                continue;
            }
            sheet.rows.push((r + 1, values));
        }
        sheets.push(sheet);
    }
    if sheets.is_empty() {
        problems.push(Problem {
            sheet: names.first().cloned().unwrap_or_default(),
            row: 1,
            column: None,
            message: format!(
                "هیچ‌یک از برگه‌های «{OFFICES}»، «{MANAGERS}» و «{CASES}» در پرونده نیست؛ الگو را با heyat import --template بگیرید و پر کنید"
            ),
        });
    }
    Ok(sheets)
}

/// What the database already holds that rows refer to.
struct Known {
    /// Office code → (id, has a manager).
    offices: HashMap<String, (i64, bool)>,
    /// National id → id.
    managers: HashMap<String, i64>,
    /// (id, name).
    boards: Vec<(i64, String)>,
    /// (office code, registered on, subject) of cases on record.
    cases: HashSet<(String, String, String)>,
}

async fn known(conn: &mut AnyConnection) -> Result<Known, StoreError> {
    let offices: Vec<(String, i64, crate::Flag)> = sqlx::query_as(
        "SELECT o.code, o.id, EXISTS (SELECT 1 FROM managers m WHERE m.office_id = o.id) FROM offices o",
    )
    .fetch_all(&mut *conn)
    .await?;
    let managers: Vec<(String, i64)> = sqlx::query_as("SELECT national_id, id FROM managers")
        .fetch_all(&mut *conn)
        .await?;
    let boards: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM boards ORDER BY id")
        .fetch_all(&mut *conn)
        .await?;
    let cases: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT o.code, c.registered_on, c.subject FROM cases c JOIN offices o ON o.id = c.office_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(Known {
        offices: offices
            .into_iter()
            .map(|(code, id, m)| (code, (id, m.0)))
            .collect(),
        managers: managers.into_iter().collect(),
        boards,
        cases: cases.into_iter().collect(),
    })
}

/// A case row checked: what [`insert_case`] needs once offices and managers are in.
struct PlannedCase {
    board_id: i64,
    office_code: String,
    manager_national_id: Option<String>,
    registered_on: String,
    subject: String,
    charges: Vec<NewCharge>,
}

/// Every row checked.
#[derive(Default)]
struct Plan {
    offices: Vec<NewOffice>,
    /// With the code of the office each one manages.
    managers: Vec<(NewManager, String)>,
    cases: Vec<PlannedCase>,
}

/// The message of a store check, without its field (the column says it).
fn message_of(e: StoreError) -> String {
    match e {
        StoreError::Invalid { message, .. } => message,
        other => other.to_string(),
    }
}

/// A date cell as ISO, or what to fix.
fn date_of(raw: &Raw) -> Result<String, String> {
    match raw {
        Raw::Date(d) => Ok(d.to_iso_string()),
        other => JalaliDate::parse(&other.text())
            .map(JalaliDate::to_iso_string)
            .map_err(|e| format!("{e}؛ تاریخ شمسی ممکنی مانند ۱۴۰۳/۰۵/۱۲ بنویسید")),
    }
}

fn check(sheets: &[Sheet], known: &Known, problems: &mut Vec<Problem>) -> Plan {
    let mut plan = Plan::default();
    let mut problem = |sheet: &str, row: u32, column: Option<&str>, message: String| {
        problems.push(Problem {
            sheet: sheet.to_owned(),
            row,
            column: column.map(str::to_owned),
            message,
        })
    };
    let sheet = |name: &str| sheets.iter().find(|s| s.name == name);
    let get = |values: &HashMap<&'static str, Raw>, title: &str| {
        values.get(title).cloned().unwrap_or(Raw::Empty)
    };
    let fa_row = |r: u32| to_persian_digits(&r.to_string());

    // Offices.
    let mut office_rows: HashMap<String, u32> = HashMap::new();
    for (row, values) in sheet(OFFICES).map_or(&[][..], |s| &s.rows[..]) {
        let mut ok = true;
        for field in OFFICE_FIELDS.iter().filter(|f| f.required) {
            if get(values, field.title) == Raw::Empty {
                problem(
                    OFFICES,
                    *row,
                    Some(field.title),
                    "خالی است؛ آن را پر کنید".into(),
                );
                ok = false;
            }
        }
        let mut dates = [None, None];
        for (i, title) in ["تاریخ صدور پروانه", "تاریخ پایان پروانه"]
            .iter()
            .enumerate()
        {
            let raw = get(values, title);
            if raw != Raw::Empty {
                match date_of(&raw) {
                    Ok(d) => dates[i] = Some(d),
                    Err(m) => {
                        problem(OFFICES, *row, Some(title), m);
                        ok = false;
                    }
                }
            }
        }
        if !ok {
            continue;
        }
        let office = NewOffice {
            code: get(values, "کد دفتر").text(),
            name: get(values, "نام دفتر").text(),
            city: get(values, "شهر").text(),
            province: get(values, "استان").text(),
            licence_issued_on: dates[0].clone(),
            licence_expires_on: dates[1].clone(),
        };
        let office = match checked_office(&office) {
            Ok(o) => o,
            Err(e) => {
                problem(OFFICES, *row, Some("کد دفتر"), message_of(e));
                continue;
            }
        };
        if let Some(first) = office_rows.get(&office.code) {
            problem(
                OFFICES,
                *row,
                Some("کد دفتر"),
                format!(
                    "کد دفتر «{}» تکراری است: در ردیف {} همین برگه هم آمده؛ یکی را پاک کنید",
                    office.code,
                    fa_row(*first)
                ),
            );
            continue;
        }
        office_rows.insert(office.code.clone(), *row);
        if known.offices.contains_key(&office.code) {
            problem(
                OFFICES,
                *row,
                Some("کد دفتر"),
                format!(
                    "دفتر با کد «{}» از پیش در برنامه ثبت شده؛ این ردیف را پاک کنید",
                    office.code
                ),
            );
            continue;
        }
        plan.offices.push(office);
    }
    let office_known =
        |code: &str| office_rows.contains_key(code) || known.offices.contains_key(code);

    // Managers.
    let mut manager_rows: HashMap<String, u32> = HashMap::new();
    let mut managed: HashSet<String> = HashSet::new();
    for (row, values) in sheet(MANAGERS).map_or(&[][..], |s| &s.rows[..]) {
        let mut ok = true;
        for field in MANAGER_FIELDS.iter().filter(|f| f.required) {
            if get(values, field.title) == Raw::Empty {
                problem(
                    MANAGERS,
                    *row,
                    Some(field.title),
                    "خالی است؛ آن را پر کنید".into(),
                );
                ok = false;
            }
        }
        if !ok {
            continue;
        }
        // A number cell drops a national id's leading zeros.
        let national_id = match get(values, "کد ملی") {
            Raw::Number(n) if n.len() < 10 => format!("{n:0>10}"),
            other => other.text(),
        };
        let manager = NewManager {
            national_id,
            first_name: get(values, "نام").text(),
            last_name: get(values, "نام خانوادگی").text(),
            office_id: None,
        };
        let manager = match checked_manager(&manager) {
            Ok(m) => m,
            Err(e) => {
                problem(MANAGERS, *row, Some("کد ملی"), message_of(e));
                continue;
            }
        };
        let code = to_latin_digits(&get(values, "کد دفتر").text());
        if !office_known(&code) {
            problem(
                MANAGERS,
                *row,
                Some("کد دفتر"),
                format!(
                    "کد دفتر «{code}» نه در برگهٔ «{OFFICES}» هست و نه در برنامه؛ کد را درست کنید یا دفتر را در برگهٔ «{OFFICES}» بیفزایید"
                ),
            );
            continue;
        }
        if let Some(first) = manager_rows.get(&manager.national_id) {
            problem(
                MANAGERS,
                *row,
                Some("کد ملی"),
                format!(
                    "کد ملی «{}» تکراری است: در ردیف {} همین برگه هم آمده؛ یکی را پاک کنید",
                    manager.national_id,
                    fa_row(*first)
                ),
            );
            continue;
        }
        manager_rows.insert(manager.national_id.clone(), *row);
        if known.managers.contains_key(&manager.national_id) {
            problem(
                MANAGERS,
                *row,
                Some("کد ملی"),
                format!(
                    "مدیری با کد ملی «{}» از پیش در برنامه ثبت شده؛ این ردیف را پاک کنید",
                    manager.national_id
                ),
            );
            continue;
        }
        managed.insert(code.clone());
        plan.managers.push((manager, code));
    }

    // Cases.
    let mut case_rows: HashMap<(String, String, String), u32> = HashMap::new();
    for (row, values) in sheet(CASES).map_or(&[][..], |s| &s.rows[..]) {
        let mut ok = true;
        for field in CASE_FIELDS.iter().filter(|f| f.required) {
            if get(values, field.title) == Raw::Empty {
                problem(
                    CASES,
                    *row,
                    Some(field.title),
                    "خالی است؛ آن را پر کنید".into(),
                );
                ok = false;
            }
        }
        if !ok {
            continue;
        }
        let board = to_latin_digits(&get(values, "هیأت").text());
        let board_id = match board.parse::<i64>() {
            Ok(id) => known.boards.iter().find(|b| b.0 == id).map(|b| b.0),
            Err(_) => known.boards.iter().find(|b| b.1 == board).map(|b| b.0),
        };
        let Some(board_id) = board_id else {
            let list: Vec<String> = known
                .boards
                .iter()
                .map(|(id, name)| format!("{} ({name})", to_persian_digits(&id.to_string())))
                .collect();
            problem(
                CASES,
                *row,
                Some("هیأت"),
                format!(
                    "هیأت «{board}» در برنامه نیست؛ شناسه یا نام یکی از این‌ها را بدهید: {}",
                    list.join("، ")
                ),
            );
            continue;
        };
        let code = to_latin_digits(&get(values, "کد دفتر").text());
        if !office_known(&code) {
            problem(
                CASES,
                *row,
                Some("کد دفتر"),
                format!(
                    "کد دفتر «{code}» نه در برگهٔ «{OFFICES}» هست و نه در برنامه؛ کد را درست کنید یا دفتر را در برگهٔ «{OFFICES}» بیفزایید"
                ),
            );
            continue;
        }
        let manager_national_id = match get(values, "کد ملی مدیر") {
            Raw::Empty => None,
            Raw::Number(n) if n.len() < 10 => Some(format!("{n:0>10}")),
            other => Some(to_latin_digits(&other.text())),
        };
        match &manager_national_id {
            Some(nid) if !manager_rows.contains_key(nid) && !known.managers.contains_key(nid) => {
                problem(
                    CASES,
                    *row,
                    Some("کد ملی مدیر"),
                    format!(
                        "مدیری با کد ملی «{nid}» نه در برگهٔ «{MANAGERS}» هست و نه در برنامه؛ کد را درست کنید یا مدیر را در برگهٔ «{MANAGERS}» بیفزایید"
                    ),
                );
                continue;
            }
            None if !managed.contains(&code) && !known.offices.get(&code).is_some_and(|o| o.1) => {
                problem(
                    CASES,
                    *row,
                    Some("کد ملی مدیر"),
                    format!(
                        "دفتر «{code}» مدیری ندارد؛ کد ملی مدیر را بدهید یا مدیر دفتر را در برگهٔ «{MANAGERS}» بیفزایید"
                    ),
                );
                continue;
            }
            _ => {}
        }
        let registered_on = match date_of(&get(values, "تاریخ ثبت")) {
            Ok(d) => d,
            Err(m) => {
                problem(CASES, *row, Some("تاریخ ثبت"), m);
                continue;
            }
        };
        let subject = get(values, "موضوع").text();
        let mut charges = Vec::new();
        let violation = get(values, "شناسهٔ تخلف").text();
        if !violation.is_empty() {
            let committed = get(values, "تاریخ ارتکاب");
            let committed_on = match committed {
                Raw::Empty => {
                    problem(
                        CASES,
                        *row,
                        Some("تاریخ ارتکاب"),
                        "برای اتهام، تاریخ ارتکاب را بدهید".into(),
                    );
                    continue;
                }
                other => match date_of(&other) {
                    Ok(d) => d,
                    Err(m) => {
                        problem(CASES, *row, Some("تاریخ ارتکاب"), m);
                        continue;
                    }
                },
            };
            let days = match get(values, "شمار روزها") {
                Raw::Empty => None,
                other => match to_latin_digits(&other.text()).parse::<i64>() {
                    Ok(d) => Some(d),
                    Err(_) => {
                        problem(
                            CASES,
                            *row,
                            Some("شمار روزها"),
                            format!("«{}» عدد نیست؛ شمار روزها را با رقم بنویسید", other.text()),
                        );
                        continue;
                    }
                },
            };
            let charge = NewCharge {
                violation,
                committed_on,
                days,
                facts: get(values, "شرح").text(),
                last_prosecution_act_on: None,
            };
            match checked_charge(&charge) {
                Ok(c) => charges.push(c),
                Err(e) => {
                    let column = match &e {
                        StoreError::Invalid { field, .. } if field.contains("days") => "شمار روزها",
                        _ => "شناسهٔ تخلف",
                    };
                    problem(CASES, *row, Some(column), message_of(e));
                    continue;
                }
            }
        }
        let key = (code.clone(), registered_on.clone(), subject.clone());
        if let Some(first) = case_rows.get(&key) {
            problem(
                CASES,
                *row,
                None,
                format!(
                    "پرونده تکراری است: ردیف {} همین برگه همین دفتر، تاریخ ثبت و موضوع را دارد؛ یکی را پاک کنید",
                    fa_row(*first)
                ),
            );
            continue;
        }
        case_rows.insert(key.clone(), *row);
        if known.cases.contains(&key) {
            problem(
                CASES,
                *row,
                None,
                "پرونده‌ای با همین دفتر، تاریخ ثبت و موضوع از پیش در برنامه هست؛ این ردیف را پاک کنید".into(),
            );
            continue;
        }
        plan.cases.push(PlannedCase {
            board_id,
            office_code: code,
            manager_national_id,
            registered_on,
            subject,
            charges,
        });
    }
    plan
}

/// Writes the planned rows inside `w`; returns the new cases' numbers.
async fn save(w: &mut Act, plan: &Plan) -> Result<Vec<String>, StoreError> {
    let mut offices: HashMap<String, i64> = HashMap::new();
    for office in &plan.offices {
        let id = insert_office(w, office).await?;
        offices.insert(office.code.clone(), id);
    }
    let office_id = async |w: &mut Act, offices: &HashMap<String, i64>, code: &str| {
        if let Some(id) = offices.get(code) {
            return Ok(*id);
        }
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM offices WHERE code = $1")
            .bind(code)
            .fetch_optional(&mut *w.tx)
            .await?;
        row.map(|r| r.0)
            .ok_or_else(|| StoreError::invalid("کد دفتر", format!("دفتر «{code}» پیدا نشد")))
    };
    for (manager, code) in &plan.managers {
        let id = office_id(w, &offices, code).await?;
        let m = NewManager {
            office_id: Some(id),
            ..manager.clone()
        };
        insert_manager(w, &m).await?;
    }
    let mut numbers = Vec::new();
    for c in &plan.cases {
        let office = office_id(w, &offices, &c.office_code).await?;
        let manager_id = match &c.manager_national_id {
            Some(nid) => {
                let row: Option<(i64,)> =
                    sqlx::query_as("SELECT id FROM managers WHERE national_id = $1")
                        .bind(nid)
                        .fetch_optional(&mut *w.tx)
                        .await?;
                Some(row.map(|r| r.0).ok_or_else(|| {
                    StoreError::invalid("کد ملی مدیر", format!("مدیر «{nid}» پیدا نشد"))
                })?)
            }
            None => None,
        };
        let case = NewCase {
            board_id: c.board_id,
            office_id: office,
            manager_id,
            registered_on: c.registered_on.clone(),
            subject: c.subject.clone(),
            charges: c.charges.clone(),
        };
        let made = insert_case(&mut w.tx, &mut w.audit, &case, CaseStatus::Registered).await?;
        numbers.push(made.number);
    }
    Ok(numbers)
}

impl Store {
    /// Imports the register in the XLSX file at `path`. Every row is checked first; the
    /// report lists each problem with its sheet and row. Without `confirm` (a dry run), or
    /// with any problem, nothing is saved. With `confirm` and a clean file, every office,
    /// manager and case goes in as one action by `actor`: one transaction, audited.
    pub async fn import_register(
        &self,
        path: &Path,
        confirm: bool,
        actor: &str,
    ) -> Result<ImportReport, StoreError> {
        let mut problems = Vec::new();
        let sheets = read(path, &mut problems)?;
        let report = |plan: &Plan, problems: Vec<Problem>| ImportReport {
            offices: plan.offices.len(),
            managers: plan.managers.len(),
            cases: plan.cases.len(),
            problems,
            saved: false,
            case_numbers: Vec::new(),
        };
        if !confirm {
            let mut conn = self.pool().acquire().await?;
            let known = known(&mut conn).await?;
            let plan = check(&sheets, &known, &mut problems);
            return Ok(report(&plan, problems));
        }
        let mut w = self.begin(actor).await?;
        // Checked again inside the transaction, against the database as it is now.
        let known = known(&mut w.tx).await?;
        let plan = check(&sheets, &known, &mut problems);
        if !problems.is_empty() {
            return Ok(report(&plan, problems));
        }
        let numbers = save(&mut w, &plan).await?;
        w.commit().await?;
        Ok(ImportReport {
            saved: true,
            case_numbers: numbers,
            ..report(&plan, problems)
        })
    }
}

/// The workbook the app hands out to fill: one sheet per kind (offices, managers, cases),
/// right to left, Persian headers (a required one marked), an example row in grey, and a
/// notes sheet explaining each column. The example row is skipped on import while it is
/// left as it is.
pub fn template() -> Result<Vec<u8>, StoreError> {
    use rust_xlsxwriter::{Color, Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let textual = Format::new().set_num_format("@");
    let example = Format::new()
        .set_num_format("@")
        .set_italic()
        .set_font_color(Color::Gray);
    for (name, fields) in KINDS {
        let sheet = book.add_worksheet();
        sheet.set_name(name).map_err(xlsx_error)?;
        sheet.set_right_to_left(true);
        for (c, field) in fields.iter().enumerate() {
            let c = c as u16;
            sheet
                .set_column_format(c, &textual)
                .map_err(xlsx_error)?
                .set_column_width(c, field.width)
                .map_err(xlsx_error)?
                .write_string_with_format(0, c, field.title, &bold)
                .map_err(xlsx_error)?
                .write_string_with_format(1, c, field.example, &example)
                .map_err(xlsx_error)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    }
    let notes = book.add_worksheet();
    notes.set_name(NOTES).map_err(xlsx_error)?;
    notes.set_right_to_left(true);
    let wrap = Format::new().set_text_wrap();
    for (c, (title, width)) in [
        ("برگه", 14.0),
        ("ستون", 18.0),
        ("لازم", 8.0),
        ("توضیح", 80.0),
    ]
    .into_iter()
    .enumerate()
    {
        let c = c as u16;
        notes
            .write_string_with_format(0, c, title, &bold)
            .map_err(xlsx_error)?
            .set_column_width(c, width)
            .map_err(xlsx_error)?;
    }
    notes.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    let mut r = 1u32;
    for (name, fields) in KINDS {
        for field in fields {
            notes.write_string(r, 0, name).map_err(xlsx_error)?;
            notes.write_string(r, 1, field.title).map_err(xlsx_error)?;
            notes
                .write_string(r, 2, if field.required { "بله" } else { "" })
                .map_err(xlsx_error)?;
            notes
                .write_string_with_format(r, 3, field.note, &wrap)
                .map_err(xlsx_error)?;
            r += 1;
        }
    }
    r += 1;
    for line in [
        "ردیف دوم هر برگه نمونه است: تا دست‌نخورده بماند خوانده نمی‌شود؛ می‌توانید آن را پاک کنید.",
        "هر ردیف برگهٔ پرونده‌ها یک پروندهٔ باز با حداکثر یک اتهام است؛ اتهام‌های دیگر را پس از ورود در برنامه بیفزایید.",
        "دفتر و مدیری که از پیش در برنامه هست دوباره نیاید؛ در برگه‌های دیگر با کد دفتر و کد ملی به آن اشاره کنید.",
        "ورود نخست آزمایشی است و هیچ چیز ذخیره نمی‌شود؛ هر ردیف نادرست با شمارهٔ ردیف و آنچه باید درست شود گزارش می‌شود. تنها وقتی پرونده بی‌خطاست و ورود تأیید شود، همه با هم ذخیره می‌شوند.",
    ] {
        notes
            .write_string_with_format(r, 3, line, &wrap)
            .map_err(xlsx_error)?;
        r += 1;
    }
    book.save_to_buffer().map_err(xlsx_error)
}

/// Writes [`template`] to `path`.
pub fn write_template(path: &Path) -> Result<(), StoreError> {
    let bytes = template()?;
    std::fs::write(path, bytes).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })
}
