use crate::common::*;
use heyat_store::Store;

#[tokio::test]
async fn backup_while_open_then_restore_brings_back_every_row_and_file() {
    if skip_unless_sqlite() {
        return;
    }
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
    let restored = Store::restore_from(&file, &path, false, ACTOR)
        .await
        .unwrap();
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
    if skip_unless_sqlite() {
        return;
    }
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
    let err = Store::restore_from(&junk, &path, false, ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "backup", "{err}");
    let missing = Store::restore_from(&dir.path().join("nope.sqlite3"), &path, false, ACTOR)
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
        Store::restore_from(&other, &path, false, ACTOR)
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
    if skip_unless_sqlite() {
        return;
    }
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
    // The damaged file cannot show that the backup is an earlier state of it: only a forced
    // restore puts the backup back, and says so in the audit log.
    let err = Store::restore_from(&file, &path, false, ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "refused", "{err}");
    assert!(err.to_string().contains("--force"), "{err}");
    let report = Store::restore_from(&file, &path, true, ACTOR)
        .await
        .unwrap();
    let kept = report.previous.unwrap();
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        b"this file was overwritten by accident"
    );
    let store = Store::open(&path).await.unwrap();
    assert_eq!(count(&store, "cases").await, 1);
}

/// A database in its own folder with one case, and a backup of it in another.
async fn with_backup(
    dir: &tempfile::TempDir,
    out: &tempfile::TempDir,
) -> (World, std::path::PathBuf) {
    let w = world(dir).await;
    w.store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let file = out.path().join("backup.sqlite3");
    w.store.backup_to(&file).await.unwrap();
    (w, file)
}

async fn restores(store: &Store) -> Vec<(i64, String)> {
    sqlx::query_as("SELECT forced, note FROM restores ORDER BY id")
        .fetch_all(store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn an_older_backup_of_the_same_database_is_restored_and_the_restore_recorded() {
    if skip_unless_sqlite() {
        return;
    }
    let (dir, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (w, file) = with_backup(&dir, &out).await;
    w.store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    // A checkpoint signed after the backup was made: it belongs to the chain being replaced.
    let admin = heyat_core::proceedings::Caller {
        account_id: 0,
        username: "admin".into(),
        name: "مدیر".into(),
        role: heyat_core::proceedings::Role::Admin,
        board_id: None,
        member_id: None,
    };
    w.store.checkpoint_audit(&admin).await.unwrap();
    let path = w.store.path().to_path_buf();
    w.store.close().await;
    Store::restore_from(&file, &path, false, "secretary")
        .await
        .unwrap();
    let anchors = dir.path().join(heyat_store::ANCHORS_FILE);
    assert!(
        !anchors.exists(),
        "the replaced chain's checkpoints are set aside"
    );
    assert!(std::fs::read_dir(dir.path()).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("anchors.log.before-restore-")
    }));
    let store = Store::open(&path).await.unwrap();
    assert_eq!(count(&store, "cases").await, 1);
    assert_eq!(restores(&store).await, [(0, String::new())]);
    let last = &store.audit_entries(1).await.unwrap()[0];
    assert_eq!(
        (last.table_name.as_str(), last.actor.as_str()),
        ("restores", "secretary")
    );
    assert!(store.verify_audit().await.unwrap().is_intact());
}

#[tokio::test]
async fn a_backup_of_another_database_is_refused_unless_forced_and_then_audited() {
    if skip_unless_sqlite() {
        return;
    }
    let (dir, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (_, foreign) = with_backup(&tempfile::tempdir().unwrap(), &out).await;
    let w = world(&dir).await;
    for _ in 0..2 {
        w.store
            .create_case(&new_case(&w, vec![]), "secretary")
            .await
            .unwrap();
    }
    let path = w.store.path().to_path_buf();
    w.store.close().await;
    let err = Store::restore_from(&foreign, &path, false, ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "refused", "{err}");
    assert!(err.to_string().contains("تاریخچه را بازنویسی"), "{err}");
    assert!(!dir.path().join("heyat.sqlite3.restoring").exists());
    {
        let store = Store::open(&path).await.unwrap();
        assert_eq!(count(&store, "cases").await, 2, "untouched");
        store.close().await;
    }
    // Forced: the backup is put back and its audit log says so, by whom.
    Store::restore_from(&foreign, &path, true, "مدیر سامانه")
        .await
        .unwrap();
    let store = Store::open(&path).await.unwrap();
    assert_eq!(count(&store, "cases").await, 1);
    let recorded = restores(&store).await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].0, 1, "forced");
    assert!(recorded[0].1.contains("ردیف"), "{recorded:?}");
    let last = &store.audit_entries(1).await.unwrap()[0];
    assert_eq!(last.table_name, "restores");
    assert_eq!(last.actor, "مدیر سامانه");
    assert!(last.after.as_deref().unwrap().contains("\"forced\":1"));
    assert!(store.verify_audit().await.unwrap().is_intact());
}

#[tokio::test]
async fn a_restore_is_refused_while_the_app_holds_the_data_folder() {
    if skip_unless_sqlite() {
        return;
    }
    let (dir, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (w, file) = with_backup(&dir, &out).await;
    w.store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let path = w.store.path().to_path_buf();
    let held = heyat_store::DataLock::acquire(dir.path()).unwrap();
    assert!(held.path().ends_with(heyat_store::LOCK_FILE));
    for force in [false, true] {
        let err = Store::restore_from(&file, &path, force, ACTOR)
            .await
            .unwrap_err();
        assert_eq!(err.code(), "locked", "{err}");
        assert!(err.to_string().contains("ببندید"), "{err}");
    }
    assert_eq!(count(&w.store, "cases").await, 2, "nothing restored");
    drop(held);
    w.store.close().await;
    Store::restore_from(&file, &path, false, ACTOR)
        .await
        .unwrap();
}

/// On PostgreSQL the store makes no backup of its own: the server's tools do (pg_dump), and
/// the store says so rather than write a file that is not one.
#[tokio::test]
async fn on_a_server_the_backup_is_the_servers() {
    if !on_postgres() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let out = tempfile::tempdir().unwrap();
    let err = w
        .store
        .backup_to(&out.path().join("b.sqlite3"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "backup", "{err}");
    assert!(err.to_string().contains("pg_dump"), "{err}");
    assert!(!out.path().join("b.sqlite3").exists());
}
