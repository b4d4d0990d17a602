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
    result?;
    signing_figures()
}

/// Signing and verifying a ruling on the demo: a sign-in (one Argon2id check), each member's
/// signature (the password checked, the key unsealed — two Argon2id runs — the unsigned PDF
/// typeset and hashed, Ed25519), the last one also typesetting the sealed PDF and the audit
/// checkpoint in the same action; then `heyat verify`'s check of the sealed PDF (extract,
/// three signatures, two typesettings, a byte comparison).
fn signing_figures() -> Result<(), Failure> {
    use std::time::Instant;
    let dir = std::env::temp_dir().join(format!("heyat-bench-sign-{}", std::process::id()));
    let today = today()?;
    let out = runtime()?.block_on(async {
        let store = Store::open_in(&dir).await.map_err(store_failure)?;
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
        store.close().await;
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&dir);
    out
}
