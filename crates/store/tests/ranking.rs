//! Index 7 of the 1404 ranking instruction for every office, from the demo's record.

use crate::common::*;
use heyat_core::date::JalaliDate;
use heyat_store::ranking::{Index7Row, index7_report};

fn day(s: &str) -> JalaliDate {
    JalaliDate::parse(s).unwrap()
}

fn office<'a>(rows: &'a [Index7Row], code: &str) -> &'a Index7Row {
    rows.iter().find(|r| r.office_code == code).unwrap()
}

#[tokio::test]
async fn every_office_gets_its_index_7_with_each_deduction_and_clause() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::common::open_in(dir.path()).await.unwrap();
    assert!(store.load_demo_if_new(today()).await.unwrap());

    // 1404: the licence revoked in Rey (final 1404/02/07) is excepted; no one else convicted.
    let rows = index7_report(&store, day("1404/01/01"), day("1404/12/29"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 5, "every office, convicted or not");
    assert!(rows.iter().all(|r| r.score == 100), "{rows:#?}");
    let codes: Vec<&str> = rows.iter().map(|r| r.office_code.as_str()).collect();
    assert_eq!(
        codes,
        ["11560027", "11560114", "11570031", "11580008", "11590042"]
    );
    let rey = office(&rows, "11590042");
    assert_eq!(
        rey.manager_name.as_deref(),
        Some("حمید ابراهیمی"),
        "today's manager"
    );
    assert_eq!(rey.effects.len(), 1);
    let e = &rey.effects[0];
    assert_eq!(
        (
            e.case_number.as_str(),
            e.grade,
            e.regulation.as_str(),
            e.clause.as_deref(),
            e.deduction
        ),
        ("1403-0001", 7, "1401", None, 0)
    );
    assert_eq!(e.final_on, "2025-04-27");
    assert!(e.reason_fa.contains("لغو پروانه"), "{}", e.reason_fa);
    assert!(office(&rows, "11560114").effects.is_empty());

    // 1405: the grade 1 reprimand in Tehran 27 (final 1405/03/01) is clause پ, −20.
    let rows = store
        .index7_report(day("1405/01/01"), day("1405/12/29"))
        .await
        .unwrap();
    assert_eq!(rows[0].office_code, "11560027", "lowest score first");
    assert_eq!(rows[0].score, 80);
    let e = &rows[0].effects[0];
    assert_eq!(
        (
            e.grade,
            e.clause.as_deref(),
            e.deduction,
            e.final_on.as_str()
        ),
        (1, Some("1404:4:7:c"), 20, "2026-05-22")
    );
    assert!(
        rows[1..]
            .iter()
            .all(|r| r.score == 100 && r.effects.is_empty())
    );

    // Both years together: each conviction in its place.
    let rows = index7_report(&store, day("1404/01/01"), day("1405/12/29"))
        .await
        .unwrap();
    assert_eq!(office(&rows, "11560027").score, 80);
    assert_eq!(office(&rows, "11590042").effects.len(), 1);

    let err = index7_report(&store, day("1405/01/01"), day("1404/01/01"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
}

#[tokio::test]
async fn the_report_goes_out_as_a_sheet_one_row_per_deduction_or_office() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::common::open_in(dir.path()).await.unwrap();
    assert!(store.load_demo_if_new(today()).await.unwrap());
    let rows = index7_report(&store, day("1404/01/01"), day("1405/12/29"))
        .await
        .unwrap();
    let table = heyat_store::export::ranking(&rows);
    let expected: usize = rows.iter().map(|r| r.effects.len().max(1)).sum();
    assert_eq!(table.rows.len(), expected);
    let bytes = heyat_store::export::xlsx(&table).unwrap();
    use calamine::{Data, Reader, Xlsx};
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("شاخص ۷ رتبه‌بندی").unwrap();
    let sheet: Vec<&[Data]> = range.rows().collect();
    assert_eq!(sheet.len(), expected + 1);
    assert_eq!(sheet[0][4], Data::String("امتیاز شاخص ۷".into()));
    // A deduction names its clause; an office with none says so.
    assert!(sheet.iter().any(
        |r| matches!(&r[11], Data::String(s) if s.starts_with("بند ") && s.contains("شاخص ۷"))
    ));
    assert!(
        sheet
            .iter()
            .any(|r| r[4] == Data::Float(100.0) && r[11] == Data::String("بدون کسر".into()))
    );
}
