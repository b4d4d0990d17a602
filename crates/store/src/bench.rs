//! Figures for the store (search latency p50/p95 for name, office and number queries,
//! opening a case with all its parts, inserting cases), shared by `heyat bench` and
//! `cargo bench -p heyat-store` (benches/figures.rs, a release build). Timing only: nothing
//! here asserts a duration.

use crate::{CaseFilter, NewCase, NewCharge, Store, StoreError};
use std::io::Write;
use std::time::{Duration, Instant};

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchPlan {
    /// Cases to generate when the database is empty.
    pub cases: u32,
    /// Cases inserted one transaction each.
    pub inserts: u32,
    /// Queries (and case files opened) of each kind.
    pub queries: u32,
}

macro_rules! line {
    ($out:expr, $($arg:tt)*) => {
        // A figure that cannot be written is not worth failing the measurement for.
        let _ = writeln!($out, $($arg)*);
    };
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(out: &mut dyn Write, label: &str, mut samples: Vec<Duration>, hits: usize) {
    samples.sort();
    line!(
        out,
        "{label:<28} n={:<5} p50={:>8.2} ms  p95={:>8.2} ms  max={:>8.2} ms  mean hits={}",
        samples.len(),
        percentile(&samples, 0.5).as_secs_f64() * 1e3,
        percentile(&samples, 0.95).as_secs_f64() * 1e3,
        samples.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        hits / samples.len().max(1)
    );
}

/// Measures the store on the database of `store`: generates `plan.cases` cases first if it
/// holds none, then times searches of each kind, opening case files, and `plan.inserts`
/// single-case transactions; writes one line per figure to `out`.
pub async fn figures(
    store: &Store,
    plan: &BenchPlan,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    let args = plan;
    let all = store.cases(&CaseFilter::default()).await?;
    if all.is_empty() {
        let t = Instant::now();
        let r = store
            .generate_demo(args.cases, today, 1404, "heyat bench")
            .await?;
        let secs = t.elapsed().as_secs_f64();
        line!(
            out,
            "generate {} cases (1 000 per transaction, with charges, rulings, audit, index): {:.1} s ({:.0} cases/s)",
            r.cases,
            secs,
            r.cases as f64 / secs
        );
    }
    let all = store.cases(&CaseFilter::default()).await?;
    line!(out, "database: {} cases", all.len());
    let mut rng = fastrand::Rng::with_seed(7);
    let mut pick = || &all[rng.usize(..all.len())];

    type Term = fn(&crate::CaseListItem) -> String;
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
            let found = store.search(t, 50).await?;
            samples.push(start.elapsed());
            if found.is_empty() {
                return Err(StoreError::Corrupt {
                    what: "نمایهٔ جست‌وجو (پرونده‌ای که هست پیدا نشد)",
                    value: t.clone(),
                });
            }
            hits += found.len();
        }
        report(out, label, samples, hits);
    }

    let ids: Vec<i64> = (0..args.queries).map(|_| pick().id).collect();
    let mut samples = Vec::with_capacity(ids.len());
    let mut parts = 0;
    for id in ids {
        let start = Instant::now();
        let file = store.case_file(id).await?;
        samples.push(start.elapsed());
        parts +=
            file.charges.len() + file.rulings.len() + file.notifications.len() + file.appeals.len();
    }
    report(out, "open case file (all parts)", samples, parts);

    let ids: Vec<i64> = (0..args.queries).map(|_| pick().id).collect();
    let mut samples = Vec::with_capacity(ids.len());
    let mut rows = 0;
    for id in ids {
        let start = Instant::now();
        rows += store.case_history(id).await?.len();
        samples.push(start.elapsed());
    }
    report(out, "case history (audit log)", samples, rows);

    let days = (0..args.queries.min(50))
        .map(|i| today.checked_sub_days(chrono::Days::new(u64::from(i) * 7)))
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default();
    let mut samples = Vec::with_capacity(days.len());
    let mut found = 0;
    for day in days {
        let from = day.format("%Y-%m-%d").to_string();
        let to = (day + chrono::Days::new(14)).format("%Y-%m-%d").to_string();
        let start = Instant::now();
        found += store.agenda(&from, &to).await?.len();
        samples.push(start.elapsed());
    }
    report(out, "agenda of two weeks", samples, found);

    reports(store, today, out).await?;

    let sample = pick().clone();
    let opened = store.case_file(sample.id).await?;
    let template = NewCase {
        board_id: sample.board_id,
        office_id: opened.office_id,
        manager_id: None,
        registered_on: today.format("%Y-%m-%d").to_string(),
        subject: "عدم نصب تعرفهٔ خدمات".into(),
        charges: vec![NewCharge {
            violation: "1401:34:d".into(),
            committed_on: today.format("%Y-%m-%d").to_string(),
            days: None,
            facts: "تعرفهٔ مصوب در محل دید مراجعان نصب نشده بود.".into(),
            last_prosecution_act_on: None,
        }],
    };
    let start = Instant::now();
    for _ in 0..args.inserts {
        store.create_case(&template, "heyat bench").await?;
    }
    let secs = start.elapsed().as_secs_f64();
    line!(
        out,
        "insert {} cases, one transaction each (case, charge, audit, index): {:.1} s ({:.0} cases/s, {:.2} ms each)",
        args.inserts,
        secs,
        f64::from(args.inserts) / secs,
        secs * 1e3 / f64::from(args.inserts)
    );
    Ok(())
}

/// The reports' figures (issue 13): the statistics screen over every case, index 7 of the
/// ranking for a year, and every case exported as XLSX and CSV (time and size).
async fn reports(
    store: &Store,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    let period = crate::statistics::Period::default();
    let mut samples = Vec::new();
    let mut counted = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let stats = store.statistics(&period).await?;
        samples.push(start.elapsed());
        counted = stats.cases;
    }
    report(
        out,
        "statistics, every case (6 dimensions)",
        samples,
        counted as usize,
    );

    use chrono::Datelike;
    let to = heyat_core::date::JalaliDate::from_iso(
        today.year(),
        today.month() as u8,
        today.day() as u8,
    )
    .map_err(|e| StoreError::invalid("تاریخ", e.to_string()))?;
    let from = to
        .add_days(-365)
        .map_err(|e| StoreError::invalid("تاریخ", e.to_string()))?;
    let mut samples = Vec::new();
    let mut offices = 0;
    for _ in 0..5 {
        let start = Instant::now();
        offices = store.index7_report(from, to).await?.len();
        samples.push(start.elapsed());
    }
    report(
        out,
        "ranking index 7, one year, every office",
        samples,
        offices,
    );

    let start = Instant::now();
    let table = crate::export::cases(store, &CaseFilter::default()).await?;
    let read = start.elapsed();
    let start = Instant::now();
    let xlsx = crate::export::xlsx(&table)?;
    let xlsx_time = start.elapsed();
    let start = Instant::now();
    let csv = crate::export::csv(&table);
    let csv_time = start.elapsed();
    line!(
        out,
        "export {} cases: read {:.0} ms; XLSX {:.0} ms, {:.1} MB; CSV {:.0} ms, {:.1} MB",
        table.rows.len(),
        read.as_secs_f64() * 1e3,
        xlsx_time.as_secs_f64() * 1e3,
        xlsx.len() as f64 / 1e6,
        csv_time.as_secs_f64() * 1e3,
        csv.len() as f64 / 1e6
    );
    Ok(())
}
