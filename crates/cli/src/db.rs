//! Commands over the board's database.

use crate::Failure;
use chrono::NaiveDate;
use heyat_core::CaseStatus;
use heyat_store::{CaseFilter, Store};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct DemoArgs {
    /// Generate this many cases (1 to 1000000) with offices, boards and rulings, instead of the small set.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    cases: Option<u32>,
    /// The generator's seed: the same seed gives the same data.
    #[arg(long, default_value_t = 1404)]
    seed: u64,
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words to find: a manager's name, an office's code or name, a case number (1403-0012), facts.
    query: String,
    /// At most this many cases, best match first.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(i64).range(1..=10_000))]
    limit: i64,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Subcommand)]
pub enum AuditCommand {
    /// Checks the audit log's hash chain and its signed checkpoints (in the database and in
    /// anchors.log); exits 1 and lists the problems if a row was edited or deleted, or the log
    /// was cut short or rewritten since a checkpoint.
    Verify {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Signs the audit chain's head now (administrator: --user, password from HEYAT_PASSWORD
    /// or standard input); a later rewrite or truncation of the log is then found.
    Checkpoint,
}

#[derive(clap::Args)]
pub struct CasesArgs {
    /// Only cases in this status (registered, in_review, scheduled, heard, decided, notified, final, appealed, appeal_decided).
    #[arg(long)]
    status: Option<String>,
    /// Words to find in the number, office code or name, city or manager's name.
    #[arg(long)]
    text: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// The app's own database: `$HEYAT_DATA_DIR/heyat.sqlite3`, else the folder Tauri gives the
/// app on Linux (`$XDG_DATA_HOME` or `~/.local/share`, then the app's identifier).
fn default_db() -> Result<PathBuf, Failure> {
    let dir = if let Some(dir) = std::env::var_os("HEYAT_DATA_DIR") {
        PathBuf::from(dir)
    } else if let Some(xdg) = std::env::var_os("XDG_DATA_HOME") {
        PathBuf::from(xdg).join("ir.heyat.desktop")
    } else if let Some(home) = std::env::var_os("HOME") {
        PathBuf::from(home).join(".local/share/ir.heyat.desktop")
    } else {
        return Err(Failure::input(
            "پوشهٔ داده‌ها معلوم نیست؛ --db یا HEYAT_DATA_DIR را بدهید.",
        ));
    };
    Ok(dir.join(heyat_store::DATABASE_FILE))
}

pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::other(format!("اجرای ناهمگام آغاز نشد: {e}")))
}

fn db_path(db: Option<&Path>) -> Result<PathBuf, Failure> {
    match db {
        Some(p) => Ok(p.to_path_buf()),
        None => default_db(),
    }
}

/// A store failure: bad input (2) when the person can fix what they typed, else 1.
pub(crate) fn store_failure(e: heyat_store::StoreError) -> Failure {
    match e.code() {
        "invalid" | "not_found" | "duplicate" | "transition" | "composition" | "evidence"
        | "signed_ruling" | "refused" | "engine" | "clock" | "locked" | "spreadsheet" => {
            Failure::input(e.to_string())
        }
        _ => Failure::other(e.to_string()),
    }
}

pub(crate) async fn open(db: Option<&Path>) -> Result<Store, Failure> {
    let server = db
        .and_then(Path::to_str)
        .filter(|s| heyat_store::is_server_url(s));
    if server.is_some() || db.is_none() {
        let default = default_db()?;
        let data_dir = default.parent().unwrap_or(Path::new("."));
        // `--db postgres://…`: the server; the data folder still holds evidence and keys.
        if let Some(url) = server {
            return Store::connect(url, data_dir).await.map_err(store_failure);
        }
        // No --db: the data folder's database, which its `server.url` may put on a server.
        if heyat_store::server_setting(data_dir)
            .map_err(store_failure)?
            .is_some()
        {
            return Store::open_in(data_dir).await.map_err(store_failure);
        }
    }
    let path = db_path(db)?;
    if path.is_dir() {
        return Err(Failure::input(format!(
            "«{}» پوشه است؛ با --db نشانی پروندهٔ پایگاه داده را بدهید",
            path.display()
        )));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure::other(format!("پوشهٔ «{}» ساخته نشد: {e}", parent.display())))?;
    }
    Store::open(&path)
        .await
        .map_err(|e| Failure::other(e.to_string()))
}

/// Whether this build honours a day set by hand (`HEYAT_TODAY`, an `--on` in the past of the
/// record): debug and test builds only. A release build dates what it does by the clock.
pub(crate) const PINNED_DAYS_HONOURED: bool = cfg!(debug_assertions);

pub(crate) fn today() -> Result<NaiveDate, Failure> {
    let pinned = pinned_today(std::env::var("HEYAT_TODAY").ok(), PINNED_DAYS_HONOURED)?;
    Ok(pinned.unwrap_or_else(|| chrono::Local::now().date_naive()))
}

/// The day `HEYAT_TODAY` pins (`value`), when this build `honoured` it: in a release build it
/// is ignored, with one line on standard error saying so.
pub(crate) fn pinned_today(
    value: Option<String>,
    honoured: bool,
) -> Result<Option<NaiveDate>, Failure> {
    let Some(text) = value else { return Ok(None) };
    if !honoured {
        eprintln!(
            "HEYAT_TODAY نادیده گرفته شد: در نسخهٔ نهایی «امروز» را ساعت رایانه می‌گوید، نه این متغیر."
        );
        return Ok(None);
    }
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            Failure::input(format!(
                "HEYAT_TODAY باید به شکل YYYY-MM-DD باشد، نه «{text}»"
            ))
        })
}

/// Refuses, in a release build (`honoured` false), a day given by hand for a signature, a
/// service or what makes a ruling final that is before the day of the last change on record
/// (`last_recorded_at`, the audit log's last moment): the record may not be dated back.
pub(crate) fn not_before_the_record(
    field: &str,
    day_iso: &str,
    last_recorded_at: Option<&str>,
    honoured: bool,
) -> Result<(), Failure> {
    let Some(last) = last_recorded_at else {
        return Ok(());
    };
    let last_day = last.get(..10).unwrap_or(last);
    if honoured || day_iso >= last_day {
        return Ok(());
    }
    let fa = |iso: &str| {
        heyat_core::JalaliDate::parse_iso(iso)
            .map(|d| d.format_fa())
            .unwrap_or_else(|_| iso.to_owned())
    };
    Err(Failure::input(format!(
        "{field}: روز {} پیش از آخرین تغییر ثبت‌شده ({}) است و پذیرفته نمی‌شود؛ روزی از {} به بعد بدهید یا اگر ساعت رایانه عقب است آن را درست کنید",
        fa(day_iso),
        fa(last_day),
        fa(last_day)
    )))
}

/// Today in the Solar Hijri calendar (the clock, or `HEYAT_TODAY`).
pub(crate) fn today_jalali() -> Result<heyat_core::JalaliDate, Failure> {
    use chrono::Datelike;
    let t = today()?;
    heyat_core::JalaliDate::from_iso(t.year(), t.month() as u8, t.day() as u8)
        .map_err(|e| Failure::other(e.to_string()))
}

/// A day given on the command line (Solar Hijri or ISO), or today.
pub(crate) fn day_or_today(
    field: &str,
    text: Option<&str>,
) -> Result<heyat_core::JalaliDate, Failure> {
    match text {
        Some(t) => {
            heyat_core::JalaliDate::parse(t).map_err(|e| Failure::input(format!("{field}: {e}")))
        }
        None => today_jalali(),
    }
}

/// `heyat suggest --case NUMBER`: the suggest contract's JSON for a case in the database, built
/// by the same function the app uses in session.
pub fn suggest_case(
    db: Option<&Path>,
    number: &str,
    board: Option<i64>,
    on: Option<&str>,
) -> Result<(), Failure> {
    let on = day_or_today("--on", on)?;
    runtime()?.block_on(async {
        let store = open_existing(db).await?;
        let id = store
            .case_id_by_number(number, board)
            .await
            .map_err(store_failure)?;
        let suggestion = store.suggestion(id, on).await.map_err(store_failure)?;
        let json =
            serde_json::to_string_pretty(&suggestion).map_err(|e| Failure::other(e.to_string()))?;
        println!("{json}");
        Ok(())
    })
}

/// Opens a database that must already exist (commands that read a board's cases).
pub(crate) async fn open_existing(db: Option<&Path>) -> Result<Store, Failure> {
    let path = db_path(db)?;
    if !path.is_file() {
        return Err(Failure::input(format!(
            "پایگاه دادهٔ «{}» نیست؛ با --db نشانی آن را بدهید",
            path.display()
        )));
    }
    open(db).await
}

pub fn cases(db: Option<&Path>, args: &CasesArgs) -> Result<(), Failure> {
    let status = match args.status.as_deref() {
        None => None,
        Some(code) => Some(CaseStatus::from_code(code).ok_or_else(|| {
            let known: Vec<&str> = CaseStatus::ALL.iter().map(|s| s.code()).collect();
            Failure::input(format!(
                "وضعیت «{code}» شناخته نیست؛ یکی از این‌ها را بدهید: {}",
                known.join(", ")
            ))
        })?),
    };
    let filter = CaseFilter {
        status,
        text: args.text.clone(),
        ..Default::default()
    };
    let list = runtime()?.block_on(async {
        let store = open(db).await?;
        let list = store.cases(&filter).await.map_err(store_failure);
        store.close().await;
        list
    })?;
    print_cases(&list, args.json)
}

fn print_cases(list: &[heyat_store::CaseListItem], json: bool) -> Result<(), Failure> {
    if json {
        let json = serde_json::to_string_pretty(list).map_err(|e| Failure::other(e.to_string()))?;
        println!("{json}");
    } else {
        for c in list {
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                c.number,
                c.registered_on,
                c.status.title_fa(),
                c.office_code,
                c.manager_name,
                c.subject
            );
        }
        eprintln!(
            "{} پرونده",
            heyat_core::to_persian_digits(&list.len().to_string())
        );
    }
    Ok(())
}

pub fn demo(db: Option<&Path>, args: &DemoArgs) -> Result<(), Failure> {
    let today = today()?;
    let rt = runtime()?;
    let Some(n) = args.cases else {
        let loaded = rt.block_on(async {
            let store = open(db).await?;
            let loaded = async {
                let Some(path) =
                    heyat_documents::demo::load(&store, &heyat_render::Renderer::new(), today)
                        .await
                        .map_err(crate::case::document_failure)?
                else {
                    return Ok(None);
                };
                let accounts = store.accounts().await.map_err(store_failure)?;
                let usernames: Vec<String> =
                    accounts.into_iter().filter_map(|a| a.username).collect();
                Ok(Some((path, usernames)))
            }
            .await;
            store.close().await;
            loaded
        })?;
        match loaded {
            Some((path, usernames)) => {
                println!("داده‌های نمونه بارگذاری شد.");
                println!("رأی امضاشدهٔ نمونه: {path}");
                println!("نام‌های کاربری: {}", usernames.join("، "));
                println!("گذرواژهٔ همهٔ حساب‌های نمونه: {}", heyat_store::DEMO_PASSWORD);
                eprintln!("برای وارسی رأی: heyat verify «{path}»");
            }
            None => println!("این پایگاه داده از پیش داده دارد؛ چیزی افزوده نشد."),
        }
        return Ok(());
    };
    let started = std::time::Instant::now();
    let report = rt.block_on(async {
        let store = open(db).await?;
        let report = store
            .generate_demo(n, today, args.seed, "heyat demo")
            .await
            .map_err(store_failure);
        store.close().await;
        report
    })?;
    println!(
        "{} پرونده با {} اتهام در {} دفتر ساخته شد ({} ثانیه).",
        heyat_core::to_persian_digits(&report.cases.to_string()),
        heyat_core::to_persian_digits(&report.charges.to_string()),
        heyat_core::to_persian_digits(&report.offices.to_string()),
        heyat_core::to_persian_digits(&format!("{:.1}", started.elapsed().as_secs_f64()))
    );
    Ok(())
}

pub fn search(db: Option<&Path>, args: &SearchArgs) -> Result<(), Failure> {
    if heyat_store::fts_query(&args.query).is_none() {
        return Err(Failure::input(
            "عبارت جست‌وجو واژه‌ای ندارد (واژه‌های همگانی مانند «دفتر» و «خدمات» شمرده نمی‌شوند)؛ نام، کد دفتر، شمارهٔ پرونده یا واژه‌ای از شرح را بدهید",
        ));
    }
    let list = runtime()?.block_on(async {
        let store = open(db).await?;
        let list = store
            .search(&args.query, args.limit)
            .await
            .map_err(store_failure);
        store.close().await;
        list
    })?;
    print_cases(&list, args.json)
}

fn print_counts(report: &heyat_store::BackupReport) {
    for (table, n) in &report.counts {
        println!("{table}\t{n}");
    }
}

pub fn backup(db: Option<&Path>, file: &Path) -> Result<(), Failure> {
    let path = db_path(db)?;
    if !path.is_file() {
        return Err(Failure::input(format!(
            "پایگاه دادهٔ «{}» پیدا نشد؛ با --db نشانی آن را بدهید",
            path.display()
        )));
    }
    if file.exists() {
        return Err(Failure::input(format!(
            "«{}» از پیش هست؛ نام دیگری بدهید تا چیزی رونویسی نشود",
            file.display()
        )));
    }
    let report = runtime()?.block_on(async {
        let store = open(Some(&path)).await?;
        let report = store.backup_to(file).await.map_err(store_failure);
        store.close().await;
        report
    })?;
    print_counts(&report);
    eprintln!(
        "پشتیبان در «{}» نوشته و وارسی شد (integrity_check: ok، {} پروندهٔ مدرک).",
        report.path,
        heyat_core::to_persian_digits(&report.evidence_files.to_string())
    );
    Ok(())
}

pub fn restore(db: Option<&Path>, file: &Path, force: bool) -> Result<(), Failure> {
    let path = db_path(db)?;
    if !file.is_file() {
        return Err(Failure::input(format!(
            "پروندهٔ پشتیبان «{}» پیدا نشد",
            file.display()
        )));
    }
    let report = runtime()?
        .block_on(heyat_store::Store::restore_from(
            file,
            &path,
            force,
            &crate::case::actor(),
        ))
        .map_err(store_failure)?;
    print_counts(&report);
    if let Some(previous) = &report.previous {
        eprintln!("پایگاه دادهٔ پیشین در «{previous}» نگه داشته شد.");
    }
    if force {
        eprintln!("بازگردانی به‌اجبار انجام شد و در دفتر وقایع پایگاه دادهٔ بازگردانده ثبت شد.");
    }
    eprintln!(
        "پشتیبان «{}» در «{}» بازگردانده و وارسی شد.",
        file.display(),
        report.path
    );
    Ok(())
}

pub fn audit_verify(db: Option<&Path>, json: bool) -> Result<(), Failure> {
    let report = runtime()?.block_on(async {
        let store = open(db).await?;
        let report = store.verify_audit().await.map_err(store_failure);
        store.close().await;
        report
    })?;
    if json {
        let text =
            serde_json::to_string_pretty(&report).map_err(|e| Failure::other(e.to_string()))?;
        println!("{text}");
    } else {
        for p in &report.problems {
            println!("{}\t{}", p.id, p.problem);
        }
    }
    if report.is_intact() {
        eprintln!(
            "دفتر وقایع سالم است: {} ردیف، زنجیره پیوسته.",
            heyat_core::to_persian_digits(&report.rows.to_string())
        );
        Ok(())
    } else {
        Err(Failure::other(format!(
            "دفتر وقایع دست‌کاری شده است: {} مورد در {} ردیف",
            heyat_core::to_persian_digits(&report.problems.len().to_string()),
            heyat_core::to_persian_digits(&report.rows.to_string())
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_day_counts_only_where_honoured() {
        let day = Some("2026-11-23".to_owned());
        assert_eq!(
            pinned_today(day.clone(), true).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 23)
        );
        assert_eq!(pinned_today(day, false).unwrap(), None, "release: ignored");
        assert_eq!(pinned_today(None, true).unwrap(), None);
        let bad = pinned_today(Some("23/11/2026".into()), true).unwrap_err();
        assert_eq!(bad.code, 2);
        assert!(pinned_today(Some("23/11/2026".into()), false).is_ok());
    }

    #[test]
    fn a_day_before_the_record_is_refused_in_a_release_build() {
        let last = Some("2026-11-23T08:00:00Z");
        let err = not_before_the_record("--on", "2026-11-22", last, false).unwrap_err();
        assert_eq!(err.code, 2);
        assert!(
            err.message.contains("پیش از آخرین تغییر"),
            "{}",
            err.message
        );
        assert!(err.message.contains("۱۴۰۵/۰۹/۰۲"), "{}", err.message);
        not_before_the_record("--on", "2026-11-23", last, false).unwrap();
        not_before_the_record("--on", "2026-11-24", last, false).unwrap();
        not_before_the_record("--on", "2026-11-22", None, false).unwrap();
        // Debug and test builds take it (tests date their cases by hand).
        not_before_the_record("--on", "2026-11-22", last, true).unwrap();
    }
}
