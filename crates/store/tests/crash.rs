//! Crash safety: a child process writes cases in a loop and is killed with SIGKILL at a
//! random moment, many times over; then the database must pass `integrity_check`, hold every
//! case the children reported committed, and keep an intact audit chain and search index.

use crate::common::*;
use heyat_store::Store;
use std::io::BufRead;
use std::process::{Command, Stdio};
use std::time::Duration;

const CHILD_ENV: &str = "HEYAT_CRASH_CHILD_DB";
const KILLS: usize = 100;

/// Does nothing in a normal run; re-invoked by the test below with `HEYAT_CRASH_CHILD_DB`
/// set, writes cases until killed, printing each id after its commit.
#[tokio::test]
async fn crash_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let store = Store::open(std::path::Path::new(&path)).await.unwrap();
    let (board, office): (i64, i64) =
        sqlx::query_as("SELECT (SELECT min(id) FROM boards), (SELECT min(id) FROM offices)")
            .fetch_one(store.pool())
            .await
            .unwrap();
    let w = World {
        store,
        board,
        members: vec![],
        office,
    };
    let mut n = 0u64;
    loop {
        let c = w
            .store
            .create_case(
                &new_case(
                    &w,
                    vec![
                        charge("1401:38:k", "رسید"),
                        charge("1401:35:d", "بدون رسید"),
                    ],
                ),
                "crash",
            )
            .await
            .unwrap();
        n += 1;
        if n.is_multiple_of(3) {
            w.store
                .move_case(c.id, heyat_core::CaseStatus::InReview, "crash")
                .await
                .unwrap();
        }
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        writeln!(out, "COMMITTED {}", c.id).unwrap();
        out.flush().unwrap();
    }
}

#[test]
#[cfg(unix)]
fn sigkill_during_writes_loses_no_committed_case() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(heyat_store::DATABASE_FILE);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let store = Store::open(&path).await.unwrap();
        world_in(store.clone()).await;
        store.close().await;
    });
    let exe = std::env::current_exe().unwrap();
    let mut committed = Vec::new();
    let mut rng = fastrand::Rng::with_seed(4);
    let mut survived = 0;
    for _ in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "crash::crash_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if let Some(id) = line.strip_prefix("COMMITTED ") {
                    let _ = tx.send(id.parse::<i64>().unwrap());
                }
            }
        });
        // Wait for the first commit, then kill at a random moment within the write loop.
        let first = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the child wrote nothing");
        committed.push(first);
        std::thread::sleep(Duration::from_millis(rng.u64(1..120)));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(!status.success());
        reader.join().unwrap();
        committed.extend(rx.try_iter());
        survived += 1;
    }
    eprintln!(
        "crash test: {survived} SIGKILLs survived, {} committed cases checked",
        committed.len()
    );
    assert!(
        committed.len() > KILLS,
        "the children should have committed more than one case each"
    );
    rt.block_on(async {
        let store = Store::open(&path).await.unwrap();
        let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(integrity, "ok");
        let ids: Vec<(i64,)> = sqlx::query_as("SELECT id FROM cases")
            .fetch_all(store.pool())
            .await
            .unwrap();
        let ids: std::collections::HashSet<i64> = ids.into_iter().map(|r| r.0).collect();
        for id in &committed {
            assert!(ids.contains(id), "committed case {id} is missing");
        }
        let (charges,): (i64,) = sqlx::query_as("SELECT count(*) FROM charges")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(
            charges,
            2 * ids.len() as i64,
            "a case and its charges commit together"
        );
        let (indexed,): (i64,) = sqlx::query_as("SELECT count(*) FROM case_search")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(indexed, ids.len() as i64);
        let report = store.verify_audit().await.unwrap();
        assert!(report.is_intact(), "{report:?}");
    });
}
