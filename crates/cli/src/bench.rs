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
    /// Only the rules engine's figures (no database, no signing).
    #[arg(long)]
    engine_only: bool,
}

pub fn run(db: Option<&Path>, args: &BenchArgs) -> Result<(), Failure> {
    if args.engine_only {
        return engine_figures();
    }
    let today = today()?;
    let tmp = std::env::temp_dir().join(format!("heyat-bench-{}", std::process::id()));
    // `--db postgres://…`: every part of the run on a database of its own, made on that
    // server and dropped after; a SQLite `--db` is the file the searches run on.
    let server = db
        .and_then(Path::to_str)
        .filter(|s| heyat_store::is_server_url(s))
        .map(str::to_owned);
    let mut places = Places {
        server: server.clone(),
        tmp: tmp.clone(),
        made: Vec::new(),
    };
    println!(
        "build: {}",
        if cfg!(debug_assertions) {
            "debug (our code unoptimised, dependencies opt-level 1)"
        } else {
            "release"
        }
    );
    println!(
        "backend: {}",
        match &server {
            Some(url) => format!("PostgreSQL, {}", heyat_store::redact_url(url)),
            None => "SQLite (one file, WAL, synchronous=FULL)".into(),
        }
    );
    let result = runtime()?.block_on(async {
        let store = match (db, &server) {
            (Some(path), None) => {
                std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
                    .map_err(|e| Failure::other(e.to_string()))?;
                Store::open(path).await.map_err(store_failure)?
            }
            _ => places.open("large").await?,
        };
        let plan = heyat_store::bench::BenchPlan {
            cases: args.cases,
            inserts: args.inserts,
            queries: args.queries,
        };
        let mut out = heyat_store::bench::figures(&store, &plan, today, &mut std::io::stdout())
            .await
            .map_err(store_failure);
        if out.is_ok() {
            // The same screens' reads beside a database of 100 cases, in this run.
            out = async {
                let small = places.open("small").await?;
                small
                    .generate_demo(100, today, 7, "heyat bench")
                    .await
                    .map_err(store_failure)?;
                heyat_store::bench::scale(
                    &small,
                    &store,
                    today,
                    args.queries.min(30),
                    &mut std::io::stdout(),
                )
                .await
                .map_err(store_failure)?;
                small.close().await;
                Ok(())
            }
            .await;
        }
        store.close().await;
        if out.is_ok() {
            out = signing_figures(places.open("signing").await?, today).await;
        }
        places.clean().await;
        out
    });
    let _ = std::fs::remove_dir_all(&tmp);
    result?;
    engine_figures()
}

/// Where each part of a run keeps its database: a SQLite file in a folder of its own under
/// `tmp`, or a fresh database on `server`, dropped by [`Places::clean`].
struct Places {
    server: Option<String>,
    tmp: std::path::PathBuf,
    made: Vec<String>,
}

impl Places {
    async fn open(&mut self, part: &str) -> Result<Store, Failure> {
        let dir = self.tmp.join(part);
        match &self.server {
            Some(url) => {
                let name = format!("heyat_bench_{}_{part}", std::process::id());
                let db = heyat_store::create_server_database(url, &name)
                    .await
                    .map_err(store_failure)?;
                self.made.push(db.clone());
                std::fs::create_dir_all(&dir).map_err(|e| Failure::other(e.to_string()))?;
                Store::connect(&db, &dir).await.map_err(store_failure)
            }
            None => Store::open_in(&dir).await.map_err(store_failure),
        }
    }

    async fn clean(self) {
        for db in &self.made {
            if let Err(e) = heyat_store::drop_server_database(db).await {
                eprintln!("{}: {e}", heyat_store::redact_url(db));
            }
        }
    }
}

/// The rules engine alone (`heyat suggest`'s work without the process): suggestions per second
/// and the latency of one, over case shapes the second reading added — several charges with an
/// appeal, an older code compared by penalty, Art 45 alone, a revoked suspension, a per-charge
/// acquittal — each parsed from JSON and evaluated.
fn engine_figures() -> Result<(), Failure> {
    use std::time::Instant;
    let shapes: [(&str, &str); 5] = [
        (
            "three charges, record, appeal",
            r#"{"decided_on":"1403/07/01","charges":[{"violation":"1401:36:a","committed_on":"1403/02/10"},{"violation":"absence","days":5,"committed_on":"1403/03/01"},{"violation":"1401:41","grade":3,"committed_on":"1403/01/05"}],"record":[{"grade":3,"regulation":"1401","final_on":"1402/01/15","carried_out_on":"1402/02/01"}],"holidays":["1403/07/28"],"decision":{"grade":6,"notified_on":"1403/07/10"}}"#,
        ),
        (
            "1396 code compared with 1401 by penalty",
            r#"{"decided_on":"1401/06/01","charges":[{"violation":"1396:37:14","grade":6,"committed_on":"1400/05/01","current_violation":"1401:39:e"}]}"#,
        ),
        (
            "Art 45 alone",
            r#"{"decided_on":"1403/07/01","manager":{"lost_qualifications":["1401:9:d","1401:11:b"]},"charges":[],"decision":{"notified_on":"1403/07/10"}}"#,
        ),
        (
            "Art 31 order revoked, Art 44",
            r#"{"decided_on":"1403/10/01","suspended_prosecution":{"ordered_on":"1403/03/01","years":1},"charges":[{"violation":"1401:36:a","committed_on":"1403/01/10"}],"record":[{"grade":3,"regulation":"1401","committed_on":"1403/06/01","final_on":"1403/09/01"}]}"#,
        ),
        (
            "acquitted on one charge",
            r#"{"decided_on":"1403/07/01","charges":[{"violation":"1401:38:a","committed_on":"1403/02/01"},{"violation":"1401:36:a","committed_on":"1403/02/10"}],"decision":{"grade":3,"acquitted_charges":[0],"notified_on":"1403/07/10"}}"#,
        ),
    ];
    println!("engine (heyat suggest without the process), 2000 runs per shape:");
    for (name, input) in shapes {
        heyat_core::suggest_json(input).map_err(|e| Failure::other(e.to_string()))?;
        let mut times = Vec::with_capacity(2000);
        for _ in 0..2000 {
            let t = Instant::now();
            let out = heyat_core::suggest_json(input).map_err(|e| Failure::other(e.to_string()))?;
            times.push(t.elapsed().as_secs_f64() * 1e6);
            std::hint::black_box(out);
        }
        times.sort_by(f64::total_cmp);
        let p = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
        println!(
            "  {name:<42} p50 {:>7.1} µs   p95 {:>7.1} µs   ({:.0} suggestions/s)",
            p(0.5),
            p(0.95),
            1e6 / p(0.5)
        );
    }
    Ok(())
}

/// Signing and verifying a ruling on the demo: a sign-in (one Argon2id check), each member's
/// signature (the password checked, the key unsealed — two Argon2id runs — the unsigned PDF
/// typeset and hashed, Ed25519), the last one also typesetting the sealed PDF and the audit
/// checkpoint in the same action; then `heyat verify`'s check of the sealed PDF (extract,
/// three signatures, two typesettings, a byte comparison).
async fn signing_figures(store: Store, today: chrono::NaiveDate) -> Result<(), Failure> {
    use std::time::Instant;
    let out = async {
        let renderer = heyat_render::Renderer::new();
        let fail = |e: heyat_documents::DocumentError| Failure::other(e.to_string());
        let start = Instant::now();
        let sealed = heyat_documents::demo::load(&store, &renderer, today)
            .await
            .map_err(fail)?
            .ok_or_else(|| Failure::other("the demo was not loaded"))?;
        println!(
            "demo with 14 accounts (28 Argon2id runs) and one ruling signed by three: {:.2} s",
            start.elapsed().as_secs_f64()
        );
        let mut samples = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            store
                .sign_in("secretary", heyat_store::DEMO_PASSWORD)
                .await
                .map_err(store_failure)?;
            samples.push(t.elapsed().as_secs_f64() * 1e3);
        }
        samples.sort_by(f64::total_cmp);
        println!(
            "sign-in (Argon2id m=19456 KiB, t=2, p=1): median {:.0} ms of 5",
            samples[2]
        );
        use chrono::Datelike;
        let day =
            heyat_core::JalaliDate::from_iso(today.year(), today.month() as u8, today.day() as u8)
                .map_err(|e| Failure::other(e.to_string()))?;
        let case = heyat_documents::demo::draft_for_signing(&store, &renderer, day, "11570031")
            .await
            .map_err(fail)?;
        for username in ["judge-1", "judge-2", "representative"] {
            let member = store
                .sign_in(username, heyat_store::DEMO_PASSWORD)
                .await
                .map_err(store_failure)?;
            let t = Instant::now();
            let (progress, _) = heyat_documents::sign_ruling(
                &store,
                &renderer,
                case,
                &member,
                heyat_store::DEMO_PASSWORD,
                day,
            )
            .await
            .map_err(fail)?;
            println!(
                "{username} signs{}: {:.0} ms",
                if progress.pdf_sha256.is_some() {
                    " (the last: sealed PDF and checkpoint too)"
                } else {
                    ""
                },
                t.elapsed().as_secs_f64() * 1e3
            );
        }
        let pdf = std::fs::read(&sealed).map_err(|e| Failure::other(e.to_string()))?;
        let keys = store.public_keys().await.map_err(store_failure)?;
        let mut samples = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let report = heyat_documents::verify_pdf(&renderer, &pdf, &keys);
            samples.push(t.elapsed().as_secs_f64() * 1e3);
            if !report.genuine {
                return Err(Failure::other(format!("{:?}", report.reason)));
            }
        }
        samples.sort_by(f64::total_cmp);
        println!(
            "verify a sealed ruling ({} KiB): median {:.0} ms of 5",
            pdf.len() / 1024,
            samples[2]
        );
        Ok(())
    }
    .await;
    store.close().await;
    out
}
