//! Commands over the board's database.

use crate::Failure;
use chrono::NaiveDate;
use heyat_core::CaseStatus;
use heyat_store::{CaseFilter, Store};
use std::path::{Path, PathBuf};

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

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::other(format!("اجرای ناهمگام آغاز نشد: {e}")))
}

async fn open(db: Option<&Path>) -> Result<Store, Failure> {
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => default_db()?,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure::other(format!("پوشهٔ «{}» ساخته نشد: {e}", parent.display())))?;
    }
    Store::open(&path)
        .await
        .map_err(|e| Failure::other(e.to_string()))
}

fn today() -> Result<NaiveDate, Failure> {
    match std::env::var("HEYAT_TODAY") {
        Ok(text) => NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
            Failure::input(format!(
                "HEYAT_TODAY باید به شکل YYYY-MM-DD باشد، نه «{text}»"
            ))
        }),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
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
    };
    let list = runtime()?.block_on(async {
        let store = open(db).await?;
        let list = store
            .cases(&filter)
            .await
            .map_err(|e| Failure::other(e.to_string()));
        store.close().await;
        list
    })?;
    if args.json {
        let json =
            serde_json::to_string_pretty(&list).map_err(|e| Failure::other(e.to_string()))?;
        println!("{json}");
    } else {
        for c in &list {
            println!(
                "{}\t{}\t{}\t{}\t{}",
                c.number,
                c.registered_on,
                c.status.title_fa(),
                c.office_code,
                c.manager_name
            );
        }
        eprintln!(
            "{} پرونده",
            heyat_core::to_persian_digits(&list.len().to_string())
        );
    }
    Ok(())
}

pub fn demo(db: Option<&Path>) -> Result<(), Failure> {
    let today = today()?;
    let loaded = runtime()?.block_on(async {
        let store = open(db).await?;
        let loaded = store
            .load_demo_if_new(today)
            .await
            .map_err(|e| Failure::other(e.to_string()));
        store.close().await;
        loaded
    })?;
    if loaded {
        println!("داده‌های نمونه بارگذاری شد.");
    } else {
        println!("این پایگاه داده از پیش داده دارد؛ چیزی افزوده نشد.");
    }
    Ok(())
}
