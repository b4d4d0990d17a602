//! The figures of a period, counted from the demo and checked against the rows themselves.

use crate::demo_store;
use calamine::{Data, Reader, Xlsx};
use heyat_store::statistics::{Period, Statistics};
use heyat_store::{CaseFilter, export};
use std::io::Cursor;

fn total(counts: &[heyat_store::statistics::Count]) -> i64 {
    counts.iter().map(|c| c.count).sum()
}

#[tokio::test]
async fn the_demo_counts_agree_with_its_cases_charges_and_rulings() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let all: Statistics = store.statistics(&Period::default()).await.unwrap();
    let cases = store.cases(&CaseFilter::default()).await.unwrap();
    assert_eq!(all.cases, cases.len() as i64);
    assert_eq!(
        total(&all.by_status),
        all.cases,
        "every case has one status"
    );
    assert_eq!(total(&all.by_month), all.cases, "every case has one month");
    assert_eq!(
        total(&all.by_office),
        all.cases,
        "every case has one office"
    );
    let charges: i64 = cases.iter().map(|c| c.charge_count).sum();
    assert_eq!(all.charges, charges);
    assert_eq!(total(&all.by_violation), charges);
    // The rulings counted are the signed or final ones, one per case and stage, read here from
    // the rulings list as exported.
    let listed = export::rulings(&store).await.unwrap();
    let mut standing = std::collections::BTreeSet::new();
    for row in &listed.rows {
        let status = &row[5];
        if *status != export::Cell::Text("پیش‌نویس".into()) {
            standing.insert(format!("{:?}{:?}", row[0], row[4]));
        }
    }
    assert_eq!(all.rulings, standing.len() as i64);
    assert!(all.rulings >= 3);
    assert_eq!(
        total(&all.by_outcome),
        all.rulings,
        "every standing ruling has an outcome"
    );
    let graded: i64 = total(&all.by_grade);
    assert!(graded >= 2 && graded <= all.rulings);
    assert!(
        all.by_grade.windows(2).all(|w| w[0].key < w[1].key),
        "grades in order"
    );
    assert!(all.by_grade.iter().all(|c| c.label_fa.starts_with("درجهٔ ")));
    assert!(
        all.by_outcome
            .iter()
            .any(|c| c.key == "conviction" && c.label_fa.contains("محکومیت")),
        "{:?}",
        all.by_outcome
    );
    // A catalogue clause is named with its article; a measured violation in its own words.
    assert!(
        all.by_violation
            .iter()
            .any(|c| c.key == "1401:38:b" && c.label_fa.contains("مادهٔ ۳۸ آیین‌نامهٔ ۱۴۰۱")),
        "{:?}",
        all.by_violation
    );
    assert!(
        all.by_violation
            .iter()
            .any(|c| c.key == "absence" && c.label_fa.starts_with("غیبت"))
    );
    // Months run in time order, named in Persian.
    let keys: Vec<&str> = all.by_month.iter().map(|c| c.key.as_str()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(
        all.by_month
            .iter()
            .all(|c| c.label_fa.chars().any(|ch| ('۰'..='۹').contains(&ch)))
    );
    // Most first where order is by count.
    assert!(all.by_office.windows(2).all(|w| w[0].count >= w[1].count));

    // A period counts only what was registered in it.
    let newest = cases.iter().map(|c| c.registered_on.clone()).max().unwrap();
    let from = &newest[..10];
    let some = store
        .statistics(&Period {
            from: Some(from.to_owned()),
            to: None,
            board_id: None,
        })
        .await
        .unwrap();
    assert_eq!(
        some.cases,
        cases
            .iter()
            .filter(|c| c.registered_on.as_str() >= from)
            .count() as i64
    );
    assert!(some.cases < all.cases);

    // Out to XLSX, one row per bar, read back.
    let table = export::statistics(&all);
    let bytes = export::xlsx(&table).unwrap();
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("آمار").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    let bars = all.by_violation.len()
        + all.by_grade.len()
        + all.by_office.len()
        + all.by_month.len()
        + all.by_outcome.len()
        + all.by_status.len();
    assert_eq!(rows.len(), bars + 1);
    assert_eq!(rows[0][2], Data::String("شمار".into()));
    assert_eq!(rows[1][0], Data::String("تخلف".into()));
}

#[tokio::test]
async fn a_period_backwards_or_a_bad_day_is_refused_in_persian() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let e = store
        .statistics(&Period {
            from: Some("2026-05-01".into()),
            to: Some("2026-01-01".into()),
            board_id: None,
        })
        .await
        .unwrap_err();
    assert!(e.to_string().contains("جابه‌جا"), "{e}");
    let e = store
        .statistics(&Period {
            from: Some("2026-13-01".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(e.to_string().contains("از تاریخ"), "{e}");
}
