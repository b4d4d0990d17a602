use crate::common::*;
use heyat_store::StoreError;

async fn exec(store: &heyat_store::Store, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(crate::common::portable(sql)))
        .execute(store.pool())
        .await
        .unwrap();
}

#[tokio::test]
async fn every_change_is_logged_with_before_and_after() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(
            &new_case(&w, vec![charge("1401:35:d", "بدون رسید")]),
            "secretary",
        )
        .await
        .unwrap();
    w.store
        .move_case(c.id, heyat_core::CaseStatus::InReview, "secretary")
        .await
        .unwrap();
    let entries = w.store.audit_entries(3).await.unwrap();
    let moved = &entries[0];
    assert_eq!(
        (
            moved.action.as_str(),
            moved.table_name.as_str(),
            moved.row_id
        ),
        ("update", "cases", c.id)
    );
    assert_eq!(moved.actor, "secretary");
    assert!(
        moved
            .before
            .as_deref()
            .unwrap()
            .contains("\"status\":\"registered\"")
    );
    assert!(
        moved
            .after
            .as_deref()
            .unwrap()
            .contains("\"status\":\"in_review\"")
    );
    assert_eq!(
        (
            entries[1].table_name.as_str(),
            entries[2].table_name.as_str()
        ),
        ("charges", "cases")
    );
    let report = w.store.verify_audit().await.unwrap();
    assert!(report.is_intact(), "{report:?}");
    // board, 5 members and their seats, office, manager, case, charge, move.
    assert_eq!(report.rows, 1 + 5 * 2 + 2 + 3);
}

#[tokio::test]
async fn the_log_refuses_updates_and_verify_finds_edits_and_deletions() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    for _ in 0..3 {
        w.store
            .create_case(&new_case(&w, vec![]), ACTOR)
            .await
            .unwrap();
    }
    let err: StoreError = sqlx::query("UPDATE audit_log SET actor = 'x' WHERE id = 3")
        .execute(w.store.pool())
        .await
        .unwrap_err()
        .into();
    assert!(matches!(err, StoreError::AuditAppendOnly), "{err}");
    let err: StoreError = sqlx::query("DELETE FROM audit_log WHERE id = 3")
        .execute(w.store.pool())
        .await
        .unwrap_err()
        .into();
    assert!(matches!(err, StoreError::AuditAppendOnly));

    // Someone who drops the triggers and edits the file is still found out.
    exec(&w.store, "DROP TRIGGER audit_log_no_update").await;
    exec(&w.store, "DROP TRIGGER audit_log_no_delete").await;
    let rows = w.store.verify_audit().await.unwrap().rows;

    exec(
        &w.store,
        "UPDATE audit_log SET actor = 'someone else' WHERE id = 5",
    )
    .await;
    let report = w.store.verify_audit().await.unwrap();
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert_eq!(report.problems[0].id, 5);
    assert!(report.problems[0].problem.contains("ویرایش"));

    exec(&w.store, "DELETE FROM audit_log WHERE id = 9").await;
    let report = w.store.verify_audit().await.unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.id == 10 && p.problem.contains("حذف")),
        "{report:?}"
    );

    exec(
        &w.store,
        &format!("DELETE FROM audit_log WHERE id = {rows}"),
    )
    .await;
    let report = w.store.verify_audit().await.unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.id == rows && p.problem.contains("پایانی")),
        "{report:?}"
    );
}

fn a_day_ahead() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now() + chrono::Duration::days(1)
}

#[tokio::test]
async fn a_clock_behind_the_last_recorded_change_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    // A change made while the clock ran a day ahead; then the clock is set back (to the
    // real time): the log's last row is now in the clock's future.
    let ahead = w.store.clone().with_clock(a_day_ahead);
    let c = ahead
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let last = w.store.last_recorded_at().await.unwrap().unwrap();
    let rows = count(&w.store, "audit_log").await;
    let cases = count(&w.store, "cases").await;
    let err = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::ClockBehind { last: l } if *l == last),
        "{err:?}"
    );
    assert_eq!(err.code(), "clock");
    let text = err.to_string();
    assert!(text.contains("ساعت") && text.contains(&last), "{text}");
    assert!(text.contains("چیزی ذخیره نشد"), "{text}");
    let err = w
        .store
        .move_case(c.id, heyat_core::CaseStatus::InReview, ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "clock");
    assert_eq!(count(&w.store, "audit_log").await, rows);
    assert_eq!(count(&w.store, "cases").await, cases);
    // With the clock right again (here: ahead as before), actions go on.
    ahead
        .move_case(c.id, heyat_core::CaseStatus::InReview, ACTOR)
        .await
        .unwrap();
    assert!(w.store.verify_audit().await.unwrap().is_intact());
}
