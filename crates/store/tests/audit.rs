use crate::common::*;
use heyat_store::StoreError;

async fn exec(store: &heyat_store::Store, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
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
