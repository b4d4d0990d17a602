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

/// The screens' reads at a province's size (issue 14), each beside the same read on a
/// database of a hundred cases, measured in the same run: the case list's first page under
/// each kind of filter and its last page, the desk's reads, the deadlines screen's first
/// page. `large` and `small` hold generated cases; their kept limits are filled first (and
/// that time reported).
pub async fn scale(
    small: &Store,
    large: &Store,
    today: chrono::NaiveDate,
    runs: u32,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    use chrono::Datelike;
    let day = heyat_core::date::JalaliDate::from_iso(
        today.year(),
        today.month() as u8,
        today.day() as u8,
    )
    .map_err(|e| StoreError::invalid("تاریخ", e.to_string()))?;
    let sizes = [
        small
            .cases_page(&CaseFilter::default(), 0, Some(1))
            .await?
            .total,
        large
            .cases_page(&CaseFilter::default(), 0, Some(1))
            .await?
            .total,
    ];
    line!(
        out,
        "at a province's size: {} cases beside {} (median of {runs} runs each; ratio = large / small)",
        sizes[1],
        sizes[0]
    );
    for (store, n) in [(small, sizes[0]), (large, sizes[1])] {
        let stale = store.stale_limits().await?;
        let t = Instant::now();
        store.refresh_limits(day).await?;
        line!(
            out,
            "  kept limits filled for {stale} cases (once, after generation or an upgrade) at {n}: {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    let sample = large
        .cases_page(&CaseFilter::default(), 5000, Some(1))
        .await?;
    let probe = sample.items.first().cloned();
    let last_name = probe
        .as_ref()
        .and_then(|c| c.manager_name.split(' ').next_back().map(str::to_owned))
        .unwrap_or_default();
    let filters: Vec<(&str, CaseFilter)> = vec![
        ("case list, first page: no filter", CaseFilter::default()),
        (
            "case list, first page: one status",
            CaseFilter {
                status: Some(heyat_core::CaseStatus::Heard),
                ..CaseFilter::default()
            },
        ),
        (
            "case list, first page: two statuses",
            CaseFilter {
                statuses: vec![
                    heyat_core::CaseStatus::Notified,
                    heyat_core::CaseStatus::Appealed,
                ],
                ..CaseFilter::default()
            },
        ),
        (
            "case list, first page: manager's last name",
            CaseFilter {
                text: Some(last_name),
                ..CaseFilter::default()
            },
        ),
        (
            "case list, first page: a month registered",
            CaseFilter {
                registered_from: Some(
                    (today - chrono::Days::new(60))
                        .format("%Y-%m-%d")
                        .to_string(),
                ),
                registered_to: Some(
                    (today - chrono::Days::new(30))
                        .format("%Y-%m-%d")
                        .to_string(),
                ),
                ..CaseFilter::default()
            },
        ),
    ];
    async fn median<F, Fut>(runs: u32, mut f: F) -> Result<Duration, StoreError>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<(), StoreError>>,
    {
        let mut samples = Vec::with_capacity(runs as usize);
        for _ in 0..runs.max(1) {
            let t = Instant::now();
            f().await?;
            samples.push(t.elapsed());
        }
        samples.sort();
        Ok(percentile(&samples, 0.5))
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let row = |out: &mut dyn Write, label: &str, a: Duration, b: Duration| {
        line!(
            out,
            "  {label:<46} {:>8.2} ms  {:>8.2} ms  ×{:.1}",
            ms(a),
            ms(b),
            ms(b) / ms(a).max(1e-6)
        );
    };
    line!(out, "  {:<46} {:>11}  {:>11}", "", sizes[0], sizes[1]);
    for (label, filter) in &filters {
        let mut t = [Duration::ZERO; 2];
        for (k, store) in [small, large].into_iter().enumerate() {
            t[k] = median(runs, || async {
                store.cases_page(filter, 0, Some(100)).await.map(|_| ())
            })
            .await?;
        }
        row(out, label, t[0], t[1]);
    }
    let mut t = [Duration::ZERO; 2];
    for (k, (store, n)) in [(small, sizes[0]), (large, sizes[1])]
        .into_iter()
        .enumerate()
    {
        t[k] = median(runs, || async {
            store
                .cases_page(&CaseFilter::default(), (n - 100).max(0), Some(100))
                .await
                .map(|_| ())
        })
        .await?;
    }
    row(
        out,
        "case list, the last page (scrolled to the end)",
        t[0],
        t[1],
    );
    let until = (today + chrono::Days::new(14))
        .format("%Y-%m-%d")
        .to_string();
    let from = today.format("%Y-%m-%d").to_string();
    let mut t = [Duration::ZERO; 2];
    for (k, store) in [small, large].into_iter().enumerate() {
        t[k] = median(runs, || async {
            store.agenda(&from, &until).await?;
            store.deadlines_page(day, Some(30), 0, Some(50)).await?;
            store.awaiting_signatures().await?;
            store.finalizable(day, 50).await?;
            store.suspended_cases(day).await?;
            store.status_counts().await?;
            Ok(())
        })
        .await?;
    }
    row(out, "desk: every read of the desk", t[0], t[1]);
    let mut t = [Duration::ZERO; 2];
    for (k, store) in [small, large].into_iter().enumerate() {
        t[k] = median(runs, || async {
            store
                .deadlines_page(day, None, 0, Some(200))
                .await
                .map(|_| ())
        })
        .await?;
    }
    row(out, "deadlines screen, first 200", t[0], t[1]);
    let mut t = [Duration::ZERO; 2];
    for (k, store) in [small, large].into_iter().enumerate() {
        t[k] = median(runs, || async {
            store.suspended_cases(day).await.map(|_| ())
        })
        .await?;
    }
    row(
        out,
        "  of which: suspended prosecutions (Art 31)",
        t[0],
        t[1],
    );
    let mut t = [Duration::ZERO; 2];
    for (k, store) in [small, large].into_iter().enumerate() {
        t[k] = median(runs, || async {
            store.finalizable(day, 50).await.map(|_| ())
        })
        .await?;
    }
    row(
        out,
        "  of which: rulings final by today (Art 33)",
        t[0],
        t[1],
    );
    let mut t = [Duration::ZERO; 2];
    for (k, store) in [small, large].into_iter().enumerate() {
        t[k] = median(runs, || async {
            store.awaiting_signatures().await.map(|_| ())
        })
        .await?;
    }
    row(out, "  of which: rulings awaiting signatures", t[0], t[1]);
    let mut t = [Duration::ZERO; 2];
    for (k, store) in [small, large].into_iter().enumerate() {
        t[k] = median(runs, || async { store.status_counts().await.map(|_| ()) }).await?;
    }
    row(out, "  of which: counts by status", t[0], t[1]);
    Ok(())
}
