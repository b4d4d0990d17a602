//! Several writers at once on one database, each with its own pool (as several apps on one
//! server are; on SQLite, several programs on one file): for a bounded time they register
//! cases. Afterwards every case each writer was told it made is there once, the numbers are
//! all different, and the audit chain is one unbroken chain.

use crate::common::*;
use std::time::{Duration, Instant};

const WRITERS: usize = 4;
const FOR: Duration = Duration::from_secs(3);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn several_writers_lose_nothing_and_keep_one_chain() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let before: (i64,) = sqlx::query_as("SELECT count(*) FROM audit_log")
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    let case = new_case(&w, vec![]);
    let mut tasks = Vec::new();
    for i in 0..WRITERS {
        // A store of its own on the same database: its own connections, as another app.
        let store = open_in(dir.path()).await.unwrap();
        let case = case.clone();
        tasks.push(tokio::spawn(async move {
            let start = Instant::now();
            let mut made = Vec::new();
            while start.elapsed() < FOR {
                let r = store
                    .create_case(&case, &format!("writer-{i}"))
                    .await
                    .unwrap();
                made.push(r.id);
            }
            store.close().await;
            made
        }));
    }
    let mut made = Vec::new();
    for t in tasks {
        made.extend(t.await.unwrap());
    }
    assert!(made.len() >= WRITERS, "each writer made at least one case");
    let (cases, distinct_numbers): (i64, i64) =
        sqlx::query_as("SELECT count(*), count(DISTINCT year * 100000 + seq) FROM cases")
            .fetch_one(w.store.pool())
            .await
            .unwrap();
    assert_eq!(cases, made.len() as i64, "no case lost or doubled");
    assert_eq!(distinct_numbers, cases, "every case has its own number");
    let mut ids = made.clone();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), made.len());
    let report = w.store.verify_audit().await.unwrap();
    assert!(report.is_intact(), "{report:?}");
    assert!(report.rows >= before.0 + made.len() as i64);
    eprintln!(
        "{WRITERS} writers for {FOR:?}: {} cases, {} audit rows",
        made.len(),
        report.rows
    );
}
