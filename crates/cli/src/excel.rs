//! `heyat export` and `heyat import`: the board's lists out as XLSX or CSV, a register of
//! offices, managers and open cases in from XLSX. The work is the store's (`export`,
//! `import`); this only parses arguments and prints.

use crate::Failure;
use crate::account::{Login, refused};
use crate::db::{open_existing, runtime, store_failure, today_jalali};
use heyat_core::CaseStatus;
use heyat_store::{CaseFilter, export, import};
use std::path::{Path, PathBuf};

/// Which list to export.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum List {
    /// The cases (with --status and --text, as `heyat cases`).
    Cases,
    /// The limits running today: appeal (Art 33) and limitation (Art 30).
    Deadlines,
    /// Every ruling.
    Rulings,
    /// Every session set.
    Sessions,
    /// The figures of the cases registered between --from and --to (by violation, grade,
    /// office, month, outcome and status).
    Statistics,
    /// Index 7 of the 1404 ranking instruction for every office in the period --from … --to.
    Ranking,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// cases, deadlines, rulings or sessions.
    #[arg(value_enum)]
    list: List,
    /// Only cases in this status (with `cases`).
    #[arg(long)]
    status: Option<String>,
    /// Words to find in the number, office code or name, city or manager's name (with `cases`).
    #[arg(long)]
    text: Option<String>,
    /// The first day (Solar Hijri or ISO): of the registrations counted (with `statistics`)
    /// or of the evaluation period (with `ranking`, where it is required).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// The last day, included (as --from).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// The file to write: .xlsx or .csv.
    #[arg(short = 'o', long = "out", value_name = "OUT")]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The register to import (.xlsx, laid out as the template).
    #[arg(required_unless_present = "template", conflicts_with = "template")]
    file: Option<PathBuf>,
    /// Write the template to fill to this .xlsx file instead.
    #[arg(long, value_name = "OUT")]
    template: Option<PathBuf>,
    /// Save the register when it is clean; without it nothing is saved (a dry run).
    #[arg(long)]
    confirm: bool,
}

fn status_of(code: Option<&str>) -> Result<Option<CaseStatus>, Failure> {
    code.map(|code| {
        CaseStatus::from_code(code).ok_or_else(|| {
            let known: Vec<&str> = CaseStatus::ALL.iter().map(|s| s.code()).collect();
            Failure::input(format!(
                "وضعیت «{code}» شناخته نیست؛ یکی از این‌ها را بدهید: {}",
                known.join(", ")
            ))
        })
    })
    .transpose()
}

pub fn export(db: Option<&Path>, args: &ExportArgs) -> Result<(), Failure> {
    export::Format::of(&args.out).map_err(store_failure)?;
    if !matches!(args.list, List::Cases) && (args.status.is_some() || args.text.is_some()) {
        return Err(Failure::input(
            "--status و --text فقط با فهرست پرونده‌ها (cases) می‌آیند",
        ));
    }
    let period = matches!(args.list, List::Statistics | List::Ranking);
    if !period && (args.from.is_some() || args.to.is_some()) {
        return Err(Failure::input(
            "--from و --to فقط با آمار (statistics) و رتبه‌بندی (ranking) می‌آیند",
        ));
    }
    let day = |flag: &str, v: &Option<String>| -> Result<Option<heyat_core::JalaliDate>, Failure> {
        v.as_deref()
            .map(|d| crate::db::day_or_today(flag, Some(d)))
            .transpose()
    };
    let (from, to) = (day("--from", &args.from)?, day("--to", &args.to)?);
    if matches!(args.list, List::Ranking) && (from.is_none() || to.is_none()) {
        return Err(Failure::input(
            "برای رتبه‌بندی دورهٔ ارزیابی را با --from و --to بدهید",
        ));
    }
    let filter = CaseFilter {
        status: status_of(args.status.as_deref())?,
        text: args.text.clone(),
        ..Default::default()
    };
    let today = today_jalali()?;
    let table = runtime()?.block_on(async {
        let store = open_existing(db).await?;
        let table = match args.list {
            List::Cases => export::cases(&store, &filter).await,
            List::Deadlines => export::deadlines(&store, today).await,
            List::Rulings => export::rulings(&store).await,
            List::Sessions => export::sessions(&store).await,
            List::Statistics => store
                .statistics(&heyat_store::statistics::Period {
                    from: from.map(|d| d.to_iso_string()),
                    to: to.map(|d| d.to_iso_string()),
                    board_id: None,
                })
                .await
                .map(|s| export::statistics(&s)),
            List::Ranking => match (from, to) {
                (Some(from), Some(to)) => heyat_store::ranking::index7_report(&store, from, to)
                    .await
                    .map(|rows| export::ranking(&rows)),
                _ => unreachable!("checked above"),
            },
        };
        store.close().await;
        table.map_err(store_failure)
    })?;
    export::write(&table, &args.out).map_err(store_failure)?;
    println!(
        "{} ردیف در «{}» نوشته شد",
        heyat_core::to_persian_digits(&table.rows.len().to_string()),
        args.out.display()
    );
    Ok(())
}

pub fn import(db: Option<&Path>, user: Option<&str>, args: &ImportArgs) -> Result<(), Failure> {
    if let Some(out) = &args.template {
        import::write_template(out).map_err(store_failure)?;
        println!("الگو در «{}» نوشته شد", out.display());
        return Ok(());
    }
    let Some(file) = &args.file else {
        return Err(Failure::input("پروندهٔ اکسل را بدهید"));
    };
    if !file.is_file() {
        return Err(Failure::input(format!("پروندهٔ «{}» نیست", file.display())));
    }
    let login = Login::optional(user)?;
    let report = runtime()?.block_on(async {
        let store = open_existing(db).await?;
        let report = async {
            // The audit log names the signed-in account (--user), else `cli:$USER`.
            let actor = match &login {
                Some(login) => {
                    // Registering offices, managers and cases is the secretary's work.
                    let caller = login.sign_in(&store).await?;
                    caller
                        .may_act(heyat_core::proceedings::Action::RegisterComplaint)
                        .map_err(refused)?;
                    caller.actor()
                }
                None => crate::case::actor(),
            };
            store
                .import_register(file, args.confirm, &actor)
                .await
                .map_err(store_failure)
        }
        .await;
        store.close().await;
        report
    })?;
    let fa = |n: usize| heyat_core::to_persian_digits(&n.to_string());
    if !report.problems.is_empty() {
        for p in &report.problems {
            eprintln!("{p}");
        }
        return Err(Failure::input(format!(
            "{} ردیف نادرست؛ آن‌ها را درست کنید و دوباره بکوشید. چیزی ذخیره نشد",
            fa(report.problems.len())
        )));
    }
    let counts = format!(
        "{} دفتر، {} مدیر و {} پرونده",
        fa(report.offices),
        fa(report.managers),
        fa(report.cases)
    );
    if report.saved {
        println!("{counts} ذخیره شد");
        for n in &report.case_numbers {
            println!("{}", heyat_core::to_persian_digits(n));
        }
    } else {
        println!(
            "پرونده بی‌خطاست: {counts}. چیزی ذخیره نشد؛ برای ذخیره با --confirm دوباره اجرا کنید"
        );
    }
    Ok(())
}
