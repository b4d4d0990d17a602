//! The kept limits (migration 0012) against the engine run over every case, as the desk did
//! before they were kept; and the case list read a page at a time.

use crate::common::*;
use heyat_core::CaseStatus;
use heyat_core::date::JalaliDate;
use heyat_core::proceedings as p;
use heyat_store::{CaseFilter, NewCharge, Store};
use std::collections::BTreeSet;

fn day() -> JalaliDate {
    JalaliDate::parse_iso("2026-11-23").unwrap()
}

/// Every limit computed afresh from the case files and the engine: (case, kind, due).
async fn computed(store: &Store, today: JalaliDate) -> BTreeSet<(i64, &'static str, String)> {
    let holidays = store.holiday_dates().await.unwrap();
    let mut out = BTreeSet::new();
    for case in store.cases(&CaseFilter::default()).await.unwrap() {
        use CaseStatus::*;
        match case.status {
            Registered | InReview | Scheduled | Heard => {
                if let Some(due) = store
                    .suggestion(case.id, today)
                    .await
                    .ok()
                    .and_then(|s| s.charges.iter().filter_map(|c| c.limitation_until).min())
                {
                    out.insert((case.id, "limitation", due.to_iso_string()));
                }
            }
            Notified => {
                let file = store.case_file(case.id).await.unwrap();
                if let Some(due) = file
                    .notifications
                    .iter()
                    .filter_map(|n| JalaliDate::parse_iso(&n.notified_on).ok())
                    .min()
                    .and_then(|on| p::appeal_deadline(on, &holidays).ok())
                {
                    out.insert((case.id, "appeal", due.to_iso_string()));
                }
            }
            _ => {}
        }
    }
    out
}

async fn kept(store: &Store, today: JalaliDate) -> BTreeSet<(i64, &'static str, String)> {
    store
        .deadlines(today)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.case_id, d.kind.code(), d.due_on.to_iso_string()))
        .collect()
}

/// The notified cases final by `today`, straight from core's rule over each file.
async fn final_computed(store: &Store, today: JalaliDate) -> BTreeSet<i64> {
    let holidays = store.holiday_dates().await.unwrap();
    let mut out = BTreeSet::new();
    for (case, file) in store.files_in(CaseStatus::Notified).await.unwrap() {
        let Some(r) = file.signed_ruling() else {
            continue;
        };
        let appealed = file
            .appeals
            .iter()
            .any(|a| a.ruling_id == r.id && a.in_time);
        if p::is_final_by(
            &r.facts(),
            &file.services_of(r.id),
            appealed,
            &holidays,
            today,
        ) {
            out.insert(case.id);
        }
    }
    out
}

#[tokio::test]
async fn kept_limits_are_what_the_engine_computes_and_follow_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::common::open_in(dir.path()).await.unwrap();
    store.generate_demo(400, today(), 3, ACTOR).await.unwrap();
    let today = day();
    assert_eq!(store.stale_limits().await.unwrap(), 400, "new cases wait");
    let expected = computed(&store, today).await;
    assert!(expected.len() > 150, "{} limits", expected.len());
    assert!(expected.iter().any(|e| e.1 == "appeal"));
    assert_eq!(kept(&store, today).await, expected);
    assert_eq!(store.stale_limits().await.unwrap(), 0, "all recomputed");
    let finals: BTreeSet<i64> = store
        .final_by(today)
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(finals, final_computed(&store, today).await);
    assert!(!finals.is_empty());

    // A charge moved a year later: that case's limitation moves, and only it is recomputed.
    let open = store
        .cases(&CaseFilter {
            status: Some(CaseStatus::Registered),
            ..CaseFilter::default()
        })
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.charge_count > 0)
        .unwrap();
    let file = store.case_file(open.id).await.unwrap();
    let ch = &file.charges[0];
    let later = JalaliDate::parse_iso(&ch.committed_on)
        .unwrap()
        .add_days(200)
        .unwrap()
        .to_iso_string();
    store
        .update_charge(
            ch.id,
            &NewCharge {
                violation: ch.violation.clone(),
                committed_on: later,
                days: ch.days,
                facts: ch.facts.clone(),
                last_prosecution_act_on: None,
            },
            ACTOR,
        )
        .await
        .unwrap();
    assert_eq!(store.stale_limits().await.unwrap(), 1);
    let after = kept(&store, today).await;
    assert_ne!(after, expected, "the limitation moved");
    assert_eq!(after, computed(&store, today).await);

    // A holiday on the last day of an appeal period moves that deadline a day on (CPC 445).
    let appeal = expected.iter().find(|e| e.1 == "appeal").unwrap().clone();
    store
        .add_holiday(&appeal.2, "تعطیل آزمایشی", ACTOR)
        .await
        .unwrap();
    assert!(store.stale_limits().await.unwrap() > 0);
    let moved = kept(&store, today).await;
    assert_eq!(moved, computed(&store, today).await);
    let now = moved.iter().find(|e| e.0 == appeal.0).unwrap();
    assert!(now.2 > appeal.2, "{now:?} after {appeal:?}");

    // Within a horizon, soonest first, overdue included, and paged.
    let page = store
        .deadlines_page(today, Some(30), 0, Some(5))
        .await
        .unwrap();
    let within: Vec<_> = moved
        .iter()
        .filter(|e| JalaliDate::parse_iso(&e.2).unwrap() <= today.add_days(30).unwrap())
        .collect();
    assert_eq!(page.total as usize, within.len());
    assert!(page.rows.len() <= 5);
    assert!(page.rows.windows(2).all(|w| w[0].due_on <= w[1].due_on));
}

#[tokio::test]
async fn the_case_list_is_read_a_page_at_a_time_under_any_filter() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::common::open_in(dir.path()).await.unwrap();
    store.generate_demo(600, today(), 5, ACTOR).await.unwrap();
    let all = store.cases(&CaseFilter::default()).await.unwrap();
    let mut paged = Vec::new();
    let mut offset = 0;
    loop {
        let page = store
            .cases_page(&CaseFilter::default(), offset, Some(64))
            .await
            .unwrap();
        assert_eq!(page.total, 600);
        assert_eq!(page.offset, offset);
        if page.items.is_empty() {
            break;
        }
        offset += page.items.len() as i64;
        paged.extend(page.items);
    }
    assert_eq!(paged, all, "the pages together are the list, in order");

    let open = CaseFilter {
        statuses: vec![CaseStatus::Notified, CaseStatus::Decided],
        ..CaseFilter::default()
    };
    let page = store.cases_page(&open, 10, Some(20)).await.unwrap();
    let expected: Vec<_> = all
        .iter()
        .filter(|c| matches!(c.status, CaseStatus::Notified | CaseStatus::Decided))
        .cloned()
        .collect();
    assert_eq!(page.total as usize, expected.len());
    assert_eq!(page.items, expected[10..30]);

    let text = CaseFilter {
        text: Some(all[17].manager_name.clone()),
        ..CaseFilter::default()
    };
    let found = store.cases(&text).await.unwrap();
    let first = store.cases_page(&text, 0, Some(2)).await.unwrap();
    assert_eq!(first.total as usize, found.len());
    assert_eq!(first.items[..], found[..first.items.len()]);
}

#[tokio::test]
async fn the_desk_counts_every_final_ruling_and_names_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::common::open_in(dir.path()).await.unwrap();
    store.generate_demo(400, today(), 3, ACTOR).await.unwrap();
    let all = store.final_by(day()).await.unwrap();
    let (total, first) = store.finalizable(day(), 3).await.unwrap();
    assert_eq!(total as usize, all.len());
    assert_eq!(
        first,
        all.iter().take(3).map(|f| f.1.clone()).collect::<Vec<_>>()
    );
}
