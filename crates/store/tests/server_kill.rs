//! The PostgreSQL server killed mid-write (SIGKILL of the postmaster and its backends, no
//! shutdown checkpoint) and started again, while two stores keep registering cases: every case
//! a writer was told was saved is there after the restart, nothing is doubled, the writers
//! were told in Persian that the server could not be reached (never anything worse), they
//! write again once it is back, and the audit chain is one intact chain.
//!
//! It stops the shared server, so it runs only when asked: `HEYAT_PG_KILL` names the script
//! that kills and starts it (`scripts/pg`), and `./test` runs it alone after the suite.

use crate::common::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn server_killed_mid_write_loses_nothing_committed() {
    let Some(script) = std::env::var_os("HEYAT_PG_KILL") else {
        eprintln!("HEYAT_PG_KILL is not set: the server is not killed in this run");
        return;
    };
    assert!(on_postgres(), "HEYAT_PG_KILL needs HEYAT_TEST_PG");
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let saved = Arc::new(Mutex::new(Vec::<(i64, Instant)>::new()));
    let refused = Arc::new(Mutex::new(Vec::<(String, String)>::new()));
    // The writers run until a few seconds after the server is back.
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for i in 0..2 {
        let store = open_in(dir.path()).await.unwrap();
        let case = new_case(&w, vec![charge("1401:38:k", "وجه بیش از تعرفه")]);
        let (saved, refused, stop) = (saved.clone(), refused.clone(), stop.clone());
        writers.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                match store.create_case(&case, &format!("writer-{i}")).await {
                    Ok(r) => saved.lock().unwrap().push((r.id, Instant::now())),
                    Err(e) => {
                        refused
                            .lock()
                            .unwrap()
                            .push((e.code().to_owned(), e.to_string()));
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                }
            }
            store.close().await;
        }));
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let run = |what: &str| {
        let out = std::process::Command::new(&script)
            .arg(what)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let before_kill = saved.lock().unwrap().len();
    run("kill");
    let killed_at = Instant::now();
    tokio::time::sleep(Duration::from_secs(1)).await;
    run("start");
    let back_at = Instant::now();
    tokio::time::sleep(Duration::from_secs(3)).await;
    stop.store(true, Ordering::Relaxed);
    for t in writers {
        t.await.unwrap();
    }
    let saved = saved.lock().unwrap().clone();
    let refused = refused.lock().unwrap().clone();

    // Read through a new store: the server as it came back from its WAL.
    let store = open_in(dir.path()).await.unwrap();
    let mut ids: Vec<i64> = sqlx::query_as::<_, (i64,)>("SELECT id FROM cases")
        .fetch_all(store.pool())
        .await
        .unwrap()
        .into_iter()
        .map(|(id,)| id)
        .collect();
    ids.sort();
    for (id, _) in &saved {
        assert!(
            ids.binary_search(id).is_ok(),
            "case {id} was saved, and is gone"
        );
    }
    let mut told: Vec<i64> = saved.iter().map(|(id, _)| *id).collect();
    told.sort();
    told.dedup();
    assert_eq!(told.len(), saved.len(), "no case reported twice");
    // A commit whose answer the kill cut off may be there without the writer knowing: at most
    // one per writer. Nothing else is.
    assert!(
        ids.len() <= saved.len() + 2,
        "{} cases on the server, {} reported saved",
        ids.len(),
        saved.len()
    );
    let mut kinds: Vec<&str> = refused.iter().map(|r| r.1.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    eprintln!(
        "restart took {:.1} s; {} refusals, of {} kinds: {kinds:#?}",
        (back_at - killed_at).as_secs_f64(),
        refused.len(),
        kinds.len()
    );
    assert!(!refused.is_empty(), "the kill was felt by the writers");
    for (code, message) in &refused {
        assert_eq!(code, "unreachable", "{message}");
        assert!(message.contains("کارساز"), "a Persian message: {message}");
    }
    let after = saved.iter().filter(|(_, at)| *at > back_at).count();
    assert!(
        after > 0,
        "the writers wrote again once the server was back"
    );
    let report = store.verify_audit().await.unwrap();
    assert!(report.is_intact(), "{report:?}");
    eprintln!(
        "server killed after {before_kill} cases and started {:.1} s later: {} cases saved \
         ({} after the restart), {} refusals while it was down ({}), {} on the server, \
         audit chain of {} rows intact",
        (back_at - killed_at).as_secs_f64(),
        saved.len(),
        after,
        refused.len(),
        refused.first().map(|r| r.1.as_str()).unwrap_or(""),
        ids.len(),
        report.rows
    );
    store.close().await;
}
