//! `heyat export` and `heyat import` run as a person would, on the demo database.

use calamine::{Data, Reader, Xlsx, open_workbook};
use std::process::{Command, Output};

fn heyat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heyat"))
        .args(args)
        .env("HEYAT_TODAY", "2026-11-23")
        .env("USER", "tester")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn audit_rows(db: &str) -> i64 {
    let o = heyat(&["--db", db, "audit", "verify", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["rows"].as_i64().unwrap()
}

fn case_count(db: &str) -> usize {
    let o = heyat(&["--db", db, "cases", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v.as_array().unwrap().len()
}

/// A register with one manager row (national id `nid`) for a demo office.
fn register(path: &std::path::Path, nid: &str) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("مدیران").unwrap();
    for (c, h) in ["کد ملی", "نام", "نام خانوادگی", "کد دفتر"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let office = "11569002";
    let offices = book.add_worksheet();
    offices.set_name("دفاتر").unwrap();
    for (c, (h, v)) in [
        ("کد دفتر", office),
        ("نام دفتر", "دفتر ۹۰۰۲"),
        ("شهر", "قم"),
        ("استان", "قم"),
        ("تاریخ صدور پروانه", ""),
        ("تاریخ پایان پروانه", ""),
    ]
    .iter()
    .enumerate()
    {
        offices.write_string(0, c as u16, *h).unwrap();
        offices.write_string(1, c as u16, *v).unwrap();
    }
    let sheet = book.worksheet_from_name("مدیران").unwrap();
    for (c, v) in [nid, "حسن", "رضایی", office].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn export_reads_back_and_import_refuses_then_saves() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("heyat.sqlite3");
    let db = db.to_str().unwrap();
    let o = heyat(&["--db", db, "demo"]);
    assert!(o.status.success(), "{}", stderr(&o));

    let xlsx = dir.path().join("cases.xlsx");
    let o = heyat(&["--db", db, "export", "cases", "-o", xlsx.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("پرونده‌ها").unwrap();
    assert_eq!(range.height(), case_count(db) + 1);
    assert_eq!(
        range.get_value((0, 0)),
        Some(&Data::String("شمارهٔ پرونده".into()))
    );
    assert!(matches!(range.get_value((1, 2)), Some(Data::DateTime(_))));

    let csv = dir.path().join("deadlines.csv");
    let o = heyat(&[
        "--db",
        db,
        "export",
        "deadlines",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read(&csv)
            .unwrap()
            .starts_with(&[0xEF, 0xBB, 0xBF])
    );
    let o = heyat(&["--db", db, "export", "cases", "-o", "x.pdf"]);
    assert_eq!(o.status.code(), Some(2));

    let template = dir.path().join("template.xlsx");
    let o = heyat(&[
        "--db",
        db,
        "import",
        "--template",
        template.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = heyat(&["--db", db, "import", template.to_str().unwrap()]);
    assert!(
        o.status.success(),
        "the template as handed out is clean: {}",
        stderr(&o)
    );

    let (rows, cases) = (audit_rows(db), case_count(db));
    let bad = dir.path().join("bad.xlsx");
    register(&bad, "1234567890");
    let o = heyat(&["--db", db, "import", "--confirm", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("برگهٔ «مدیران»، ردیف ۲"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        (audit_rows(db), case_count(db)),
        (rows, cases),
        "nothing saved"
    );

    let good = dir.path().join("good.xlsx");
    register(&good, "1234567891");
    let o = heyat(&["--db", db, "import", good.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(audit_rows(db), rows, "a dry run saves nothing");
    let o = heyat(&["--db", db, "import", "--confirm", good.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(audit_rows(db), rows + 2, "an office and a manager, audited");
}
