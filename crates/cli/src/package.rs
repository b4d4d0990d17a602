//! A case file that travels, from a terminal: `heyat package export NUMBER OUT.heyat`,
//! `heyat package verify FILE`, `heyat package import FILE` and `heyat package list`.

use crate::Failure;
use crate::account::{Login, refused};
use crate::db::{open_existing, runtime, store_failure};
use heyat_core::proceedings::Action;
use heyat_core::to_persian_digits;
use heyat_documents::DocumentError;
use heyat_documents::package::{self, PackageReport, Trust};
use std::path::PathBuf;

#[derive(clap::Subcommand)]
pub enum PackageCommand {
    /// Writes the case NUMBER (e.g. 1405-0003) with its sealed rulings, evidence and the
    /// board's public keys to OUT.heyat, signed by this installation; needs --user (a
    /// secretary), and prints the key's fingerprint for the receiving board to compare.
    Export {
        number: String,
        out: PathBuf,
        /// Which board, when two boards use the same number.
        #[arg(long, value_name = "ID")]
        board: Option<i64>,
    },
    /// Checks a package: exit 0 when it may be received, 1 with the reason when not.
    Verify(TrustArgs),
    /// Checks and keeps a package from another board (needs --user, a secretary): refused,
    /// with the reason, unless it is intact, from a trusted sender, with genuine rulings.
    Import(TrustArgs),
    /// The packages this database received.
    List,
    /// Opens the appeal case of package ID (from `list`) at the appeal board of --user (its
    /// secretary), registered today: the office and manager found or entered, the charges as
    /// the first-instance board framed them.
    Open { id: i64 },
}

#[derive(clap::Args)]
pub struct TrustArgs {
    /// The package (.heyat).
    file: PathBuf,
    /// The sending board's public keys, as its `heyat keys export` wrote them.
    #[arg(long, value_name = "KEYS.json")]
    keys: Option<PathBuf>,
    /// The sending installation's fingerprint, as its secretary read it out (any digits,
    /// any case, dashes optional).
    #[arg(long, value_name = "XXXX-XXXX-XXXX-XXXX")]
    fingerprint: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

fn failure(e: DocumentError) -> Failure {
    match e {
        DocumentError::Store(s) => store_failure(s),
        DocumentError::Refused(m) => Failure::input(m),
        DocumentError::Io(m) => Failure::other(m),
        DocumentError::Render(r) => Failure::other(r.to_string()),
    }
}

impl TrustArgs {
    fn read(&self) -> Result<(Vec<u8>, Trust), Failure> {
        let meta = std::fs::metadata(&self.file).map_err(|e| {
            Failure::input(format!("بستهٔ «{}» خوانده نشد: {e}", self.file.display()))
        })?;
        if meta.len() > package::PACKAGE_MAX_BYTES {
            return Err(Failure::input(
                "این بسته از یک گیگابایت بزرگ‌تر است و خوانده نشد",
            ));
        }
        let bytes = std::fs::read(&self.file).map_err(|e| {
            Failure::input(format!("بستهٔ «{}» خوانده نشد: {e}", self.file.display()))
        })?;
        let keys = match &self.keys {
            Some(path) => heyat_documents::read_keys_file(path).map_err(failure)?,
            None => Vec::new(),
        };
        Ok((
            bytes,
            Trust {
                keys,
                fingerprint: self.fingerprint.clone(),
            },
        ))
    }
}

fn print_report(report: &PackageReport) {
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
    println!(
        "پرونده: {} — {}",
        to_persian_digits(&or_dash(&report.case_number)),
        or_dash(&report.origin_board)
    );
    println!("ارسال: {}", or_dash(&report.exported_at_fa));
    println!("اثر انگشت کلید فرستنده: {}", or_dash(&report.fingerprint));
    println!(
        "محتوا: {} رأی مهرشده، {} مدرک، {} پرونده در فهرست ({} بایت)",
        to_persian_digits(&report.rulings.len().to_string()),
        to_persian_digits(&report.evidence.to_string()),
        to_persian_digits(&report.files.to_string()),
        to_persian_digits(&report.bytes.to_string())
    );
    for r in &report.rulings {
        println!(
            "  {} {}: {}",
            if r.genuine { "✓" } else { "✗" },
            r.file,
            r.detail
        );
    }
}

pub fn run(
    db: Option<&std::path::Path>,
    user: Option<&str>,
    command: &PackageCommand,
) -> Result<(), Failure> {
    let login = match command {
        PackageCommand::Export { .. } => Some(Login::required(user, "ارسال بستهٔ پرونده")?),
        PackageCommand::Import(_) => Some(Login::required(user, "دریافت بستهٔ پرونده")?),
        PackageCommand::Open { .. } => Some(Login::required(user, "گشودن پروندهٔ تجدیدنظر")?),
        _ => Login::optional(user)?,
    };
    runtime()?.block_on(async {
        let store = open_existing(db).await?;
        let renderer = heyat_render::Renderer::new();
        let done = async {
            let caller = match &login {
                Some(login) => Some(login.sign_in(&store).await?),
                None => None,
            };
            match command {
                PackageCommand::Export { number, out, board } => {
                    let caller = caller.expect("required above");
                    let case_id = store
                        .case_id_by_number(number, *board)
                        .await
                        .map_err(store_failure)?;
                    let (board_id, _) = store.case_boards(case_id).await.map_err(store_failure)?;
                    caller
                        .may(
                            Action::SendCase,
                            heyat_core::proceedings::Scope {
                                board_id: Some(board_id),
                                ..Default::default()
                            },
                        )
                        .map_err(refused)?;
                    let written = package::export_case(&store, &caller, case_id, out)
                        .await
                        .map_err(failure)?;
                    println!(
                        "بستهٔ پروندهٔ {} در «{}» نوشته شد: {} رأی مهرشده، {} مدرک، {} بایت.",
                        to_persian_digits(&written.case_number),
                        written.path,
                        to_persian_digits(&written.rulings.to_string()),
                        to_persian_digits(&written.evidence.to_string()),
                        to_persian_digits(&written.bytes.to_string())
                    );
                    println!(
                        "اثر انگشت کلید این دستگاه: {} — آن را جدا از بسته (تلفنی یا در نامهٔ ارسال) به هیأت گیرنده بدهید.",
                        written.fingerprint
                    );
                    Ok(())
                }
                PackageCommand::Verify(args) => {
                    let (bytes, trust) = args.read()?;
                    let report = package::verify_package(&store, &renderer, &bytes, &trust)
                        .await
                        .map_err(failure)?;
                    if args.json {
                        let text = serde_json::to_string_pretty(&report)
                            .map_err(|e| Failure::other(e.to_string()))?;
                        println!("{text}");
                    } else {
                        print_report(&report);
                    }
                    match report.genuine {
                        true => {
                            if !args.json {
                                println!("این بسته سالم است و از فرستندهٔ شناخته‌شده؛ می‌توان آن را دریافت کرد.");
                            }
                            Ok(())
                        }
                        false => Err(Failure::other(report.reason.unwrap_or_default())),
                    }
                }
                PackageCommand::Import(args) => {
                    let caller = caller.expect("required above");
                    caller.may_act(Action::ReceiveCase).map_err(refused)?;
                    let (bytes, trust) = args.read()?;
                    let (report, kept) =
                        package::receive_package(&store, &renderer, &caller, &bytes, &trust)
                            .await
                            .map_err(failure)?;
                    if args.json {
                        let text = serde_json::to_string_pretty(&kept)
                            .map_err(|e| Failure::other(e.to_string()))?;
                        println!("{text}");
                    } else {
                        print_report(&report);
                        println!(
                            "بسته دریافت و در «{}» نگه داشته شد (ردیف {}).",
                            store.received_path(&kept.manifest_sha256).display(),
                            to_persian_digits(&kept.id.to_string())
                        );
                    }
                    Ok(())
                }
                PackageCommand::Open { id } => {
                    let caller = caller.expect("required above");
                    caller.may_act(Action::ReceiveCase).map_err(refused)?;
                    let board_id = caller.board_id.ok_or_else(|| {
                        Failure::input("پروندهٔ واصله را دبیر هیأت تجدیدنظر می‌گشاید")
                    })?;
                    let kept = store.received_package(*id).await.map_err(store_failure)?;
                    let today = chrono::Local::now().date_naive();
                    use chrono::Datelike;
                    let today = heyat_core::date::JalaliDate::from_iso(
                        today.year(),
                        today.month() as u8,
                        today.day() as u8,
                    )
                    .map_err(|e| Failure::other(e.to_string()))?;
                    let made = package::open_appeal_case(&store, &caller, &kept, board_id, today)
                        .await
                        .map_err(failure)?;
                    println!(
                        "پروندهٔ تجدیدنظر {} از بستهٔ پروندهٔ {} گشوده شد.",
                        to_persian_digits(&made.number),
                        to_persian_digits(&kept.case_number)
                    );
                    Ok(())
                }
                PackageCommand::List => {
                    for p in store.received_packages().await.map_err(store_failure)? {
                        println!(
                            "{}\t{}\t{}\t{}\t{}",
                            to_persian_digits(&p.id.to_string()),
                            to_persian_digits(&p.case_number),
                            p.origin_board,
                            p.received_at,
                            p.fingerprint
                        );
                    }
                    Ok(())
                }
            }
        }
        .await;
        store.close().await;
        done
    })
}
