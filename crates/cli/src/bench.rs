//! `heyat bench`: the store's figures on a generated database — search latency (p50, p95)
//! for name, office and number queries, opening a case with all its parts, and inserting
//! cases. Run it on a release build for real figures; a debug build measures SQLite at the
//! dependencies' opt-level 1 and our code unoptimised, and says so.

use crate::Failure;
use crate::db::{runtime, store_failure, today};
use heyat_store::Store;
use std::path::Path;

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Cases in the database searched (generated in a temporary folder unless --db is given).
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u32).range(1000..=1_000_000))]
    cases: u32,
    /// Cases inserted one transaction each for the insert figure.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    inserts: u32,
    /// Queries of each kind.
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    queries: u32,
}

pub fn run(db: Option<&Path>, args: &BenchArgs) -> Result<(), Failure> {
    let today = today()?;
    let tmp = std::env::temp_dir().join(format!("heyat-bench-{}", std::process::id()));
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => tmp.join(heyat_store::DATABASE_FILE),
    };
    println!(
        "build: {}",
        if cfg!(debug_assertions) {
            "debug (our code unoptimised, dependencies opt-level 1)"
        } else {
            "release"
        }
    );
    let result = runtime()?.block_on(async {
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
            .map_err(|e| Failure::other(e.to_string()))?;
        let store = Store::open(&path).await.map_err(store_failure)?;
        let plan = heyat_store::bench::BenchPlan {
            cases: args.cases,
            inserts: args.inserts,
            queries: args.queries,
        };
        let out = heyat_store::bench::figures(&store, &plan, today, &mut std::io::stdout())
            .await
            .map_err(store_failure);
        store.close().await;
        out
    });
    if db.is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}
