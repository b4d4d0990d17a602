//! Lists out to XLSX and CSV, read back; a register in from the template, dry run first.

use crate::{demo_store, today};
use calamine::{Data, Reader, Xlsx};
use heyat_core::JalaliDate;
use heyat_store::{CaseFilter, Store, export, import};
use std::io::Cursor;

fn book(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).unwrap()
}

fn jalali_today() -> JalaliDate {
    use chrono::Datelike;
    let t = today();
    JalaliDate::from_iso(t.year(), t.month() as u8, t.day() as u8).unwrap()
}

#[tokio::test]
async fn the_case_list_exported_to_xlsx_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let list = store.cases(&CaseFilter::default()).await.unwrap();
    let table = export::cases(&store, &CaseFilter::default()).await.unwrap();
    let path = dir.path().join("cases.xlsx");
    export::write(&table, &path).unwrap();
    let mut book = book(std::fs::read(&path).unwrap());
    let range = book.worksheet_range("پرونده‌ها").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), list.len() + 1, "a header and one row per case");
    assert_eq!(rows[0][0], Data::String("شمارهٔ پرونده".into()));
    assert_eq!(rows[0][2], Data::String("تاریخ ثبت".into()));
    assert_eq!(rows[0][3], Data::String("تاریخ ثبت (شمسی)".into()));
    for (row, case) in rows[1..].iter().zip(&list) {
        assert_eq!(row[0], Data::String(case.number.clone()));
        assert_eq!(row[4], Data::String(case.office_code.clone()));
        let Data::DateTime(when) = &row[2] else {
            panic!("the registration day is a date cell: {:?}", row[2]);
        };
        assert!(when.is_datetime());
        let day = JalaliDate::parse_iso(&case.registered_on).unwrap();
        assert_eq!(row[3], Data::String(day.format_fa()));
        assert_eq!(row[9], Data::Float(case.charge_count as f64));
    }

    // Filtered as `heyat cases` filters: one status only.
    let status = list[0].status;
    let filter = CaseFilter {
        status: Some(status),
        ..Default::default()
    };
    let some = export::cases(&store, &filter).await.unwrap();
    assert_eq!(
        some.rows.len(),
        list.iter().filter(|c| c.status == status).count()
    );
    // The other lists are tables too.
    for table in [
        export::deadlines(&store, jalali_today()).await.unwrap(),
        export::rulings(&store).await.unwrap(),
        export::sessions(&store).await.unwrap(),
    ] {
        assert!(
            !table.rows.is_empty(),
            "{} has rows in the demo",
            table.name
        );
        export::xlsx(&table).unwrap();
    }
}

#[tokio::test]
async fn csv_has_a_bom_and_quotes_as_rfc_4180() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let table = export::cases(&store, &CaseFilter::default()).await.unwrap();
    let path = dir.path().join("cases.csv");
    export::write(&table, &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.lines().next().unwrap().ends_with("شمار اتهام‌ها"));
    assert_eq!(text.matches("\r\n").count(), table.rows.len() + 1);

    let quoted = export::Table {
        name: "t",
        columns: vec![export::Column {
            title: "a",
            kind: export::Kind::Text,
            width: 5.0,
        }],
        rows: vec![vec![export::Cell::Text("x, \"y\"\nz".into())]],
    };
    assert_eq!(export::csv(&quoted), "\u{feff}a\r\n\"x, \"\"y\"\"\nz\"\r\n");
}

/// The template with one row filled in each sheet (the example row left as it is), and
/// `national_id` as the new manager's.
fn filled_template(national_id: &str) -> Vec<u8> {
    let mut template = book(import::template().unwrap());
    let mut out = rust_xlsxwriter::Workbook::new();
    let rows: [(&str, Vec<&str>); 3] = [
        (
            import::OFFICES,
            vec![
                "11569001",
                "دفتر شمارهٔ ۹۰۰۱ قم",
                "قم",
                "قم",
                "1401/01/15",
                "",
            ],
        ),
        (
            import::MANAGERS,
            vec![national_id, "مریم", "کاظمی", "۱۱۵۶۹۰۰۱"],
        ),
        (
            import::CASES,
            vec![
                "1",
                "11569001",
                "",
                "1405/02/01",
                "غیبت مدیر",
                "absence",
                "1405/01/20",
                "4",
                "چهار روز غیبت",
            ],
        ),
    ];
    for (name, values) in rows {
        let range = template.worksheet_range(name).unwrap();
        let sheet = out.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in range.rows().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet
                    .write_string(r as u32, c as u16, v.to_string())
                    .unwrap();
            }
        }
        for (c, v) in values.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(2, c as u16, *v).unwrap();
            }
        }
    }
    out.save_to_buffer().unwrap()
}

async fn counts(store: &Store) -> (usize, usize, i64) {
    let offices = store.offices().await.unwrap().len();
    let cases = store.cases(&CaseFilter::default()).await.unwrap().len();
    let audit = store.verify_audit().await.unwrap().rows;
    (offices, cases, audit)
}

#[tokio::test]
async fn a_register_is_refused_with_its_bad_row_then_imported_once_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let before = counts(&store).await;

    // The template as handed out: its example rows are skipped, nothing to import.
    let path = dir.path().join("template.xlsx");
    import::write_template(&path).unwrap();
    let report = store.import_register(&path, true, "test").await.unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!((report.offices, report.managers, report.cases), (0, 0, 0));

    // A national id whose check digit is wrong: refused, its row named, nothing saved.
    let bad = dir.path().join("bad.xlsx");
    std::fs::write(&bad, filled_template("1234567890")).unwrap();
    let report = store.import_register(&bad, true, "test").await.unwrap();
    assert!(!report.saved);
    assert_eq!(report.problems.len(), 2, "{:#?}", report.problems);
    let p = &report.problems[0];
    assert_eq!((p.sheet.as_str(), p.row), (import::MANAGERS, 3));
    assert!(p.to_string().contains("ردیف ۳"), "{p}");
    assert!(p.message.contains("کد ملی"), "{p}");
    // The case row then has no manager for its office.
    assert_eq!(report.problems[1].sheet, import::CASES);
    assert_eq!(
        counts(&store).await,
        before,
        "nothing saved, nothing audited"
    );

    // Corrected: a dry run saves nothing, --confirm saves it all in one action.
    let good = dir.path().join("good.xlsx");
    std::fs::write(&good, filled_template("1234567891")).unwrap();
    let dry = store.import_register(&good, false, "test").await.unwrap();
    assert!(dry.problems.is_empty(), "{:?}", dry.problems);
    assert!(!dry.saved);
    assert_eq!((dry.offices, dry.managers, dry.cases), (1, 1, 1));
    assert_eq!(counts(&store).await, before);
    let done = store
        .import_register(&good, true, "cli:test")
        .await
        .unwrap();
    assert!(done.saved);
    assert_eq!(done.case_numbers.len(), 1);
    let after = counts(&store).await;
    assert_eq!(after.0, before.0 + 1);
    assert_eq!(after.1, before.1 + 1);
    // An office, a manager, a case and its charge audited.
    assert!(after.2 >= before.2 + 4);
    assert!(store.verify_audit().await.unwrap().is_intact());
    let case = store
        .cases(&CaseFilter {
            text: Some("11569001".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(case.len(), 1);
    assert_eq!(case[0].manager_name, "مریم کاظمی");
    assert_eq!(case[0].charge_count, 1);
    let history = store.case_history(case[0].id).await.unwrap();
    assert!(!history.is_empty());
    assert!(history.iter().all(|h| h.actor == "cli:test"), "{history:?}");

    // The same file again: every row is a duplicate now.
    let again = store.import_register(&good, true, "test").await.unwrap();
    assert!(!again.saved);
    assert_eq!(again.problems.len(), 3, "{:#?}", again.problems);
}

#[tokio::test]
async fn impossible_dates_and_unknown_codes_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let mut out = rust_xlsxwriter::Workbook::new();
    let sheet = out.add_worksheet();
    sheet.set_name(import::CASES).unwrap();
    let headers = [
        "هیأت",
        "کد دفتر",
        "کد ملی مدیر",
        "تاریخ ثبت",
        "موضوع",
        "شناسهٔ تخلف",
        "تاریخ ارتکاب",
        "شمار روزها",
        "شرح",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        ["1", "11560027", "", "1402/12/30", "الف", "", "", "", ""],
        ["1", "99999999", "", "1404/01/10", "ب", "", "", "", ""],
        [
            "1",
            "11560027",
            "",
            "1404/01/10",
            "ج",
            "1401:99:z",
            "1404/01/01",
            "",
            "",
        ],
        ["", "11560027", "", "1404/01/10", "د", "", "", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r as u32 + 1, c as u16, *v).unwrap();
            }
        }
    }
    let path = dir.path().join("cases.xlsx");
    std::fs::write(&path, out.save_to_buffer().unwrap()).unwrap();
    let report = store.import_register(&path, false, "test").await.unwrap();
    let found: Vec<(u32, Option<&str>)> = report
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (2, Some("تاریخ ثبت")),
            (3, Some("کد دفتر")),
            (4, Some("شناسهٔ تخلف")),
            (5, Some("هیأت")),
        ],
        "{:#?}",
        report.problems
    );
    assert!(
        report.problems[0].message.contains("۳۰"),
        "{}",
        report.problems[0]
    );
}
