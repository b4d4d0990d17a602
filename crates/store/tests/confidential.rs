//! Art 20: the reporter's identity is kept apart, never in the audit log or the search index
//! in clear, and read only on purpose and on record; the case's subject is the secretary's.

use crate::common::*;
use heyat_store::{NewComplaint, Store};

const NAME: &str = "پروین سلحشور";
const CONTACT: &str = "09121234567";

fn complaint(w: &World) -> NewComplaint {
    NewComplaint {
        kind: "complaint".into(),
        source: "client".into(),
        received_on: "2026-11-20".into(),
        office_id: Some(w.office),
        reporter_name: Some(NAME.into()),
        reporter_contact: Some(CONTACT.into()),
        summary: "دریافت وجه بیش از تعرفه برای ثبت‌نام سامانهٔ ثنا".into(),
        ..NewComplaint::default()
    }
}

/// Every text the audit log holds, rows run together.
async fn whole_audit_log(store: &Store) -> String {
    let (text,): (String,) = sqlx::query_as(sqlx::AssertSqlSafe(portable(
        "SELECT group_concat(at || actor || action || table_name || coalesce(before, '') || coalesce(after, ''), '|') FROM audit_log"
    )))
    .fetch_one(store.pool())
    .await
    .unwrap();
    text
}

#[tokio::test]
async fn the_reporters_identity_never_reaches_the_audit_log_or_the_index_in_clear() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let made = w
        .store
        .register_and_open(&complaint(&w), true, "2026-11-23", ACTOR)
        .await
        .unwrap();
    let case = made.case.unwrap();
    // A second complaint by the same person, registered without a case.
    w.store
        .register_complaint(&complaint(&w), ACTOR)
        .await
        .unwrap();

    let log = whole_audit_log(&w.store).await;
    for clear in [NAME, CONTACT, "سلحشور"] {
        assert!(!log.contains(clear), "«{clear}» in the audit log");
    }
    // What the log keeps of the identity: keyed hashes, the same for the same person.
    let kept: Vec<(String,)> =
        sqlx::query_as("SELECT after FROM audit_log WHERE table_name = 'reporters' ORDER BY id")
            .fetch_all(w.store.pool())
            .await
            .unwrap();
    assert_eq!(kept.len(), 2);
    let first: serde_json::Value = serde_json::from_str(&kept[0].0).unwrap();
    let second: serde_json::Value = serde_json::from_str(&kept[1].0).unwrap();
    assert!(
        first["name"].as_str().unwrap().starts_with("hmac-sha256:"),
        "{first}"
    );
    assert_eq!(first["name"], second["name"]);
    assert_ne!(first["name"], first["contact"]);
    // Not a plain (unkeyed) SHA-256 of the name, which anyone could compute from a list.
    use sha2::Digest;
    let plain = hex::encode(sha2::Sha256::digest(NAME.as_bytes()));
    assert!(!log.contains(&plain));
    // The complaint's own row keeps no identity either.
    let (name, contact): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT reporter_name, reporter_contact FROM complaints WHERE id = $1")
            .bind(made.complaint_id)
            .fetch_one(w.store.pool())
            .await
            .unwrap();
    assert_eq!((name, contact), (None, None));
    // The search index holds nothing of it, and no search finds the case by it.
    let (index,): (String,) = sqlx::query_as(sqlx::AssertSqlSafe(portable(
        "SELECT group_concat(number || office || manager || facts, '|') FROM case_search",
    )))
    .fetch_one(w.store.pool())
    .await
    .unwrap();
    assert!(
        !index.contains("سلحشور") && !index.contains(CONTACT),
        "{index}"
    );
    assert!(w.store.search("سلحشور", 10).await.unwrap().is_empty());
    assert!(w.store.search(CONTACT, 10).await.unwrap().is_empty());
    // The case file says an identity is on file, without it (confidential by default).
    let file = w.store.case_file(case.id).await.unwrap();
    assert!(file.complaints[0].reporter_on_file);
    assert!(file.complaints[0].reporter_confidential);
    assert_eq!(file.complaints[0].reporter_name, None);
    let key = std::fs::read(dir.path().join("keys/confidential.key")).unwrap();
    assert_eq!(key.len(), 32);
}

#[tokio::test]
async fn reading_an_identity_is_one_call_recorded_in_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let made = w
        .store
        .register_and_open(&complaint(&w), true, "2026-11-23", ACTOR)
        .await
        .unwrap();
    let rows = count(&w.store, "audit_log").await;
    let who = w
        .store
        .reporter_of(made.complaint_id, "رئیس هیأت")
        .await
        .unwrap();
    assert_eq!(who.name.as_deref(), Some(NAME));
    assert_eq!(who.contact.as_deref(), Some(CONTACT));
    assert!(who.confidential);
    assert_eq!(count(&w.store, "audit_log").await, rows + 1);
    let read = &w.store.audit_entries(1).await.unwrap()[0];
    assert_eq!(
        (read.table_name.as_str(), read.actor.as_str()),
        ("reporter_reads", "رئیس هیأت")
    );
    let after: serde_json::Value = serde_json::from_str(read.after.as_deref().unwrap()).unwrap();
    assert_eq!(after["complaint_id"], made.complaint_id, "whose identity");
    assert_eq!(after["read_by"], "رئیس هیأت");
    assert!(!whole_audit_log(&w.store).await.contains("سلحشور"));
    // A complaint that is not on record: nothing read, nothing recorded.
    let err = w.store.reporter_of(9999, "رئیس هیأت").await.unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert_eq!(count(&w.store, "audit_log").await, rows + 1);
    assert_eq!(count(&w.store, "reporter_reads").await, 1);
    assert!(w.store.verify_audit().await.unwrap().is_intact());
}

#[tokio::test]
async fn the_case_subject_is_never_taken_from_the_complaint_text() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let mut c = complaint(&w);
    c.summary = format!("{NAME} گزارش داد که دفتر وجه اضافه گرفته است");
    let made = w
        .store
        .register_and_open(&c, true, "2026-11-23", ACTOR)
        .await
        .unwrap();
    let id = made.case.unwrap().id;
    let file = w.store.case_file(id).await.unwrap();
    assert_eq!(
        file.case.subject, "",
        "no subject until the secretary writes one"
    );
    let opened: (Option<String>,) = sqlx::query_as(
        "SELECT after FROM audit_log WHERE table_name = 'cases' AND row_id = $1 ORDER BY id LIMIT 1",
    )
    .bind(id)
    .fetch_one(w.store.pool())
    .await
    .unwrap();
    assert!(opened.0.unwrap().contains("\"subject\":\"\""));
    // The secretary writes it, here or when registering.
    w.store
        .set_case_subject(id, "  دریافت وجه اضافه  ", ACTOR)
        .await
        .unwrap();
    assert_eq!(
        w.store.case_file(id).await.unwrap().case.subject,
        "دریافت وجه اضافه"
    );
    assert_eq!(w.store.search("اضافه", 10).await.unwrap().len(), 1);
    let err = w.store.set_case_subject(id, " ", ACTOR).await.unwrap_err();
    assert_eq!(err.code(), "invalid");
    c.case_subject = Some("تعرفه".into());
    let made = w
        .store
        .register_and_open(&c, true, "2026-11-23", ACTOR)
        .await
        .unwrap();
    let file = w.store.case_file(made.case.unwrap().id).await.unwrap();
    assert_eq!(file.case.subject, "تعرفه");
}

#[tokio::test]
async fn identities_already_on_file_move_apart_when_the_database_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    // A database as release 0005 left it, with a reporter named in the complaint's row.
    let older = dir.path().join("migrations");
    std::fs::create_dir(&older).unwrap();
    let all = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
    for entry in std::fs::read_dir(all).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if name.as_str() < "0006" {
            std::fs::copy(entry.path(), older.join(&name)).unwrap();
        }
    }
    let path = dir.path().join(heyat_store::DATABASE_FILE);
    {
        use sqlx::ConnectOptions;
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .connect()
            .await
            .unwrap();
        sqlx::migrate::Migrator::new(older.as_path())
            .await
            .unwrap()
            .run(&mut conn)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO complaints (id, kind, source, received_on, reporter_name, reporter_contact, summary)
             VALUES (1, 'complaint', 'client', '2026-01-01', $1, $2, 'شرح')",
        )
        .bind(NAME)
        .bind(CONTACT)
        .execute(&mut conn)
        .await
        .unwrap();
        sqlx::Connection::close(conn).await.unwrap();
    }
    let store = Store::open(&path).await.unwrap();
    let (name, contact): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT reporter_name, reporter_contact FROM complaints WHERE id = 1")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!((name, contact), (None, None));
    let who = store.reporter_of(1, ACTOR).await.unwrap();
    assert_eq!(who.name.as_deref(), Some(NAME));
    assert_eq!(who.contact.as_deref(), Some(CONTACT));
    // Nothing writes an identity into the complaint's row again.
    let err = sqlx::query("UPDATE complaints SET reporter_name = 'x' WHERE id = 1")
        .execute(store.pool())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("heyat:reporter_apart"), "{err}");
}
