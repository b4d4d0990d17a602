//! `heyat bench`: the store's figures on a generated database — search latency (p50, p95)
//! for name, office and number queries, opening a case with all its parts, and inserting
//! cases. Run it on a release build for real figures; a debug build measures SQLite at the
//! dependencies' opt-level 1 and our code unoptimised, and says so.

use crate::Failure;
use crate::db::{runtime, store_failure, today};
use heyat_store::{CaseFilter, NewCase, Store};
use std::path::Path;
use std::time::{Duration, Instant};

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

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(label: &str, mut samples: Vec<Duration>, hits: usize) {
    samples.sort();
    println!(
        "{label:<28} n={:<5} p50={:>8.2} ms  p95={:>8.2} ms  max={:>8.2} ms  mean hits={}",
        samples.len(),
        percentile(&samples, 0.5).as_secs_f64() * 1e3,
        percentile(&samples, 0.95).as_secs_f64() * 1e3,
        samples.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        hits / samples.len().max(1)
    );
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
        let out = measure(&store, args, today).await;
        store.close().await;
        out
    });
    if db.is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

async fn measure(store: &Store, args: &BenchArgs, today: chrono::NaiveDate) -> Result<(), Failure> {
    let all = store
        .cases(&CaseFilter::default())
        .await
        .map_err(store_failure)?;
    if all.is_empty() {
        let t = Instant::now();
        let r = store
            .generate_demo(args.cases, today, 1404, "heyat bench")
            .await
            .map_err(store_failure)?;
        let secs = t.elapsed().as_secs_f64();
        println!(
            "generate {} cases (1 000 per transaction, with charges, rulings, audit, index): {:.1} s ({:.0} cases/s)",
            r.cases,
            secs,
            r.cases as f64 / secs
        );
    }
    let all = store
        .cases(&CaseFilter::default())
        .await
        .map_err(store_failure)?;
    println!("database: {} cases", all.len());
    let mut rng = fastrand::Rng::with_seed(7);
    let mut pick = || &all[rng.usize(..all.len())];

    type Term = fn(&heyat_store::CaseListItem) -> String;
    let kinds: [(&str, Term); 5] = [
        ("search: manager full name", |c| c.manager_name.clone()),
        ("search: manager last name", |c| {
            c.manager_name
                .split(' ')
                .next_back()
                .unwrap_or("")
                .to_owned()
        }),
        ("search: office code", |c| c.office_code.clone()),
        ("search: office name", |c| c.office_name.clone()),
        ("search: case number", |c| {
            heyat_core::to_persian_digits(&c.number)
        }),
    ];
    for (label, term) in &kinds {
        let terms: Vec<String> = (0..args.queries).map(|_| term(pick())).collect();
        let mut samples = Vec::with_capacity(terms.len());
        let mut hits = 0;
        for t in &terms {
            let start = Instant::now();
            let found = store.search(t, 50).await.map_err(store_failure)?;
            samples.push(start.elapsed());
            if found.is_empty() {
                return Err(Failure::other(format!("search «{t}» found nothing")));
            }
            hits += found.len();
        }
        report(label, samples, hits);
    }

    let ids: Vec<i64> = (0..args.queries).map(|_| pick().id).collect();
    let mut samples = Vec::with_capacity(ids.len());
    let mut parts = 0;
    for id in ids {
        let start = Instant::now();
        let file = store.case_file(id).await.map_err(store_failure)?;
        samples.push(start.elapsed());
        parts +=
            file.charges.len() + file.rulings.len() + file.notifications.len() + file.appeals.len();
    }
    report("open case file (all parts)", samples, parts);

    let sample = pick().clone();
    let opened = store.case_file(sample.id).await.map_err(store_failure)?;
    let template = NewCase {
        board_id: sample.board_id,
        office_id: opened.office_id,
        manager_id: None,
        registered_on: today.format("%Y-%m-%d").to_string(),
        subject: "عدم نصب تعرفهٔ خدمات".into(),
        charges: vec![heyat_store::NewCharge {
            violation: "1401:34:d".into(),
            committed_on: today.format("%Y-%m-%d").to_string(),
            days: None,
            facts: "تعرفهٔ مصوب در محل دید مراجعان نصب نشده بود.".into(),
            last_prosecution_act_on: None,
        }],
    };
    let start = Instant::now();
    for _ in 0..args.inserts {
        store
            .create_case(&template, "heyat bench")
            .await
            .map_err(store_failure)?;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "insert {} cases, one transaction each (case, charge, audit, index): {:.1} s ({:.0} cases/s, {:.2} ms each)",
        args.inserts,
        secs,
        f64::from(args.inserts) / secs,
        secs * 1e3 / f64::from(args.inserts)
    );
    Ok(())
}
