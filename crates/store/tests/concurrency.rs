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

/// Two members sign the same ruling at the same moment, each from a store of their own, while
/// two more stores register cases and a third keeps trying to change a ruling already sealed:
/// both signatures are kept (the third member's then seals it), the sealed ruling's row and
/// its seal are byte for byte what they were, and the chain is one chain.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_members_sign_at_once_and_a_sealed_ruling_never_changes() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let members = sitting(&w).await;
    let (_, sealed) = drafted(&w).await;
    for m in &members {
        sign_as(&w.store, sealed, m, PASSWORD, "2026-08-02")
            .await
            .unwrap();
    }
    let before = ruling_as_text(&w.store, sealed).await;
    let seal_before = w.store.sealed_ruling(sealed).await.unwrap().unwrap();
    let (_, open) = drafted(&w).await;
    let stop = Instant::now() + FOR;

    let mut writers = Vec::new();
    for i in 0..2 {
        let store = open_in(dir.path()).await.unwrap();
        let case = new_case(&w, vec![]);
        writers.push(tokio::spawn(async move {
            let mut made = 0;
            while Instant::now() < stop {
                store
                    .create_case(&case, &format!("writer-{i}"))
                    .await
                    .unwrap();
                made += 1;
            }
            store.close().await;
            made
        }));
    }
    let tamperer = {
        let store = open_in(dir.path()).await.unwrap();
        tokio::spawn(async move {
            let mut refused = 0;
            while Instant::now() < stop {
                for sql in [
                    "UPDATE rulings SET text = 'دگرگون' WHERE id = $1",
                    "UPDATE rulings SET grade = 1 WHERE id = $1",
                    "DELETE FROM ruling_seals WHERE ruling_id = $1",
                ] {
                    let r = sqlx::query(sql).bind(sealed).execute(store.pool()).await;
                    let refusal = r.expect_err("the database took a change of a sealed ruling");
                    assert!(refusal.to_string().contains("heyat:"), "{sql}: {refusal}");
                    refused += 1;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            store.close().await;
            refused
        })
    };
    // Judge 1 and judge 2 press «sign» at the same moment, on two machines.
    let (one, two) = (
        open_in(dir.path()).await.unwrap(),
        open_in(dir.path()).await.unwrap(),
    );
    let (a, b) = tokio::join!(
        sign_as(&one, open, &members[0], PASSWORD, "2026-08-02"),
        sign_as(&two, open, &members[1], PASSWORD, "2026-08-02"),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let first = a.signed.len().min(b.signed.len());
    assert_eq!((first, a.signed.len().max(b.signed.len())), (1, 2));
    assert!(a.content_hash.is_none() && b.content_hash.is_none());
    let last = sign_as(&w.store, open, &members[2], PASSWORD, "2026-08-02")
        .await
        .unwrap();
    assert_eq!(last.signed.len(), 3, "no signature lost: {last:?}");
    assert!(last.remaining.is_empty() && last.pdf_sha256.is_some());

    let mut cases = 0;
    for t in writers {
        cases += t.await.unwrap();
    }
    let refused = tamperer.await.unwrap();
    assert_eq!(ruling_as_text(&w.store, sealed).await, before);
    assert_eq!(
        w.store.sealed_ruling(sealed).await.unwrap().unwrap(),
        seal_before
    );
    let report = w.store.verify_audit().await.unwrap();
    assert!(report.is_intact(), "{report:?}");
    eprintln!(
        "two signatures at once and a seal, beside {cases} cases registered and {refused} \
         changes of a sealed ruling refused; {} audit rows",
        report.rows
    );
    one.close().await;
    two.close().await;
}

/// What a signature fixes of ruling `id`, as text: what "unchanged" is checked against.
async fn ruling_as_text(store: &heyat_store::Store, id: i64) -> String {
    type Row = (
        String,
        Option<String>,
        Option<i64>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let r: Row = sqlx::query_as(
        "SELECT status, outcome, grade, text, signed_on, content_hash, content_json
         FROM rulings WHERE id = $1",
    )
    .bind(id)
    .fetch_one(store.pool())
    .await
    .unwrap();
    format!("{r:?}")
}
