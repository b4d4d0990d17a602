//! The store's figures in a release build: `cargo bench -p heyat-store --bench figures`.
//! Generates the demo database in a temporary folder and prints search p50/p95 by kind of
//! query, opening a case file, and inserting cases (see `heyat_store::bench`).

use heyat_store::Store;
use heyat_store::bench::{BenchPlan, figures};

fn size(var: &str, default: u32) -> u32 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let plan = BenchPlan {
        cases: size("HEYAT_BENCH_CASES", if quick { 1000 } else { 100_000 }),
        inserts: size("HEYAT_BENCH_INSERTS", if quick { 100 } else { 10_000 }),
        queries: size("HEYAT_BENCH_QUERIES", if quick { 10 } else { 200 }),
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    rt.block_on(async {
        let store = Store::open_in(dir.path())
            .await
            .expect("the database opens");
        println!(
            "build: {}",
            if cfg!(debug_assertions) {
                "debug"
            } else {
                "release (bench profile)"
            }
        );
        figures(&store, &plan, today, &mut std::io::stdout())
            .await
            .expect("the figures");
        store.close().await;
    });
}
