use crate::common::*;
use heyat_core::CaseStatus;

#[tokio::test]
async fn generated_demo_has_every_status_and_an_intact_log() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::common::open_in(dir.path()).await.unwrap();
    let report = store.generate_demo(1500, today(), 7, "demo").await.unwrap();
    assert_eq!(report.cases, 1500);
    let counts = store.status_counts().await.unwrap();
    for c in &counts {
        assert!(c.count > 0, "no case in {:?}", c.status);
    }
    assert_eq!(counts.iter().map(|c| c.count).sum::<i64>(), 1500);
    let boards = store.boards().await.unwrap();
    assert_eq!(boards.len(), 9);
    for b in boards.iter().filter(|b| b.kind == "appeal") {
        for s in b.seats.iter().filter(|s| s.kind == "judge") {
            assert!(s.judicial_grade.unwrap() >= 9);
        }
    }
    // Art 23: every first-instance board's Kanoon representatives manage an office.
    for b in boards.iter().filter(|b| b.kind == "first_instance") {
        for s in b.seats.iter().filter(|s| s.kind == "kanoon_rep") {
            assert!(s.manages_office.is_some(), "{} {}", b.name, s.seat);
        }
    }
    assert!(store.verify_audit().await.unwrap().is_intact());
    assert!(!store.search("تهران", 5).await.unwrap().is_empty());
    let final_case = store
        .cases(&heyat_store::CaseFilter {
            status: Some(CaseStatus::Final),
            text: None,
            ..Default::default()
        })
        .await
        .unwrap()[0]
        .id;
    let file = store.case_file(final_case).await.unwrap();
    assert_eq!(
        file.rulings[0].status,
        heyat_core::proceedings::RulingStatus::Final
    );
    assert_eq!(file.rulings[0].signoffs.len(), 3);
    assert_eq!(file.notifications.len(), 1);
    let err = store
        .generate_demo(10, today(), 7, "demo")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert_eq!(
        store
            .generate_demo(0, today(), 7, "demo")
            .await
            .unwrap_err()
            .code(),
        "invalid"
    );
    // Same seed, same data.
    let again = tempfile::tempdir().unwrap();
    let other = crate::common::open_in(again.path()).await.unwrap();
    other.generate_demo(1500, today(), 7, "demo").await.unwrap();
    let a = store.cases(&Default::default()).await.unwrap();
    let b = other.cases(&Default::default()).await.unwrap();
    assert_eq!(
        a.iter()
            .map(|c| (&c.number, &c.subject))
            .collect::<Vec<_>>(),
        b.iter()
            .map(|c| (&c.number, &c.subject))
            .collect::<Vec<_>>()
    );
}

/// Two apps starting at once on one empty database (two machines' first start on a new
/// server, both asked for the demo): the emptiness check and the load are one write action,
/// so the demo is loaded once, never twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_first_starts_at_once_load_the_demo_once() {
    let dir = tempfile::tempdir().unwrap();
    let one = open_in(dir.path()).await.unwrap();
    let two = open_in(dir.path()).await.unwrap();
    let (a, b) = tokio::join!(one.load_demo_if_new(today()), two.load_demo_if_new(today()));
    let loaded = [a.unwrap(), b.unwrap()];
    assert_eq!(loaded.iter().filter(|l| **l).count(), 1, "{loaded:?}");
    assert_eq!(
        one.boards().await.unwrap().len(),
        2,
        "one demo's two boards"
    );
    assert!(one.verify_audit().await.unwrap().is_intact());
    one.close().await;
    two.close().await;
}
