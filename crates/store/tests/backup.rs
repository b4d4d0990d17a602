use crate::common::*;
use heyat_store::Store;

#[tokio::test]
async fn backup_while_open_then_restore_brings_back_every_row_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![charge("1401:35:d", "بدون رسید")]), ACTOR)
        .await
        .unwrap();
    let pdf = b"%PDF-1.4 evidence".to_vec();
    w.store
        .add_evidence(c.id, "a.pdf", &pdf, "", ACTOR)
        .await
        .unwrap();

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("backup.sqlite3");
    let report = w.store.backup_to(&file).await.unwrap();
    assert_eq!(report.integrity, "ok");
    assert_eq!(report.evidence_files, 1);
    assert!(report.counts.iter().any(|(t, n)| t == "cases" && *n == 1));
    assert!(out.path().join("backup.sqlite3.evidence").is_dir());
    let err = w.store.backup_to(&file).await.unwrap_err();
    assert!(err.to_string().contains("از پیش هست"), "{err}");

    // Work after the backup, then restore: the later case is gone, the earlier one is back.
    w.store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let path = w.store.path().to_path_buf();
    w.store.close().await;
    std::fs::remove_dir_all(dir.path().join("evidence")).unwrap();
    let restored = Store::restore_from(&file, &path).await.unwrap();
    assert!(
        restored
            .previous
            .as_deref()
            .unwrap()
            .contains("before-restore")
    );
    let store = Store::open(&path).await.unwrap();
    assert_eq!(count(&store, "cases").await, 1);
    assert_eq!(store.search("رسید", 10).await.unwrap().len(), 1);
    let ev = store.case_file(c.id).await.unwrap().evidence[0].id;
    assert_eq!(store.read_evidence(ev).await.unwrap().1, pdf);
    assert!(store.verify_audit().await.unwrap().is_intact());
    // The database it replaced was kept and is whole.
    let kept = Store::open(std::path::Path::new(restored.previous.as_deref().unwrap()))
        .await
        .unwrap();
    assert_eq!(count(&kept, "cases").await, 2);
}

#[tokio::test]
async fn a_bad_backup_is_refused_and_the_database_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    w.store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let path = w.store.path().to_path_buf();
    w.store.close().await;
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"not a database at all, just some text").unwrap();
    let err = Store::restore_from(&junk, &path).await.unwrap_err();
    assert_eq!(err.code(), "backup", "{err}");
    let missing = Store::restore_from(&dir.path().join("nope.sqlite3"), &path)
        .await
        .unwrap_err();
    assert!(missing.to_string().contains("پیدا نشد"), "{missing}");
    // An SQLite file that is not a Heyat database.
    let other = dir.path().join("other.sqlite3");
    {
        use sqlx::{ConnectOptions, Connection};
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&other)
            .create_if_missing(true)
            .connect()
            .await
            .unwrap();
        sqlx::query("CREATE TABLE t (x)")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
    }
    assert!(
        Store::restore_from(&other, &path)
            .await
            .unwrap_err()
            .to_string()
            .contains("هیأت نیست")
    );
    let store = Store::open(&path).await.unwrap();
    assert_eq!(count(&store, "cases").await, 1);
    assert!(!dir.path().join("heyat.sqlite3.restoring").exists());
}

#[tokio::test]
async fn a_damaged_database_is_replaced_and_its_raw_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    w.store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let file = dir.path().join("good.sqlite3");
    w.store.backup_to(&file).await.unwrap();
    let path = w.store.path().to_path_buf();
    w.store.close().await;
    std::fs::write(&path, b"this file was overwritten by accident").unwrap();
    let report = Store::restore_from(&file, &path).await.unwrap();
    let kept = report.previous.unwrap();
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        b"this file was overwritten by accident"
    );
    let store = Store::open(&path).await.unwrap();
    assert_eq!(count(&store, "cases").await, 1);
}
