//! Signed rulings from a terminal: `heyat verify FILE.pdf` checks a printed ruling against
//! the board's public keys (the database's, or a file `heyat keys export` wrote), and
//! `heyat audit checkpoint` signs the audit chain's head now.

use crate::Failure;
use crate::account::{Login, refused};
use crate::db::{open_existing, runtime, store_failure};
use heyat_core::proceedings::Action;
use heyat_core::to_persian_digits;
use heyat_documents::DocumentError;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct VerifyArgs {
    /// The printed ruling (PDF) to check.
    file: PathBuf,
    /// The board's public keys as `heyat keys export` wrote them; without it, the keys of
    /// the database (--db, or the app's own).
    #[arg(long, value_name = "KEYS.json")]
    keys: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Subcommand)]
pub enum KeysCommand {
    /// Writes the board's public keys (members' and this installation's) to OUT.json, for
    /// whoever checks its rulings with `heyat verify --keys`.
    Export {
        /// The file to write.
        out: PathBuf,
    },
}

fn keys_failure(e: DocumentError) -> Failure {
    match e {
        DocumentError::Store(s) => store_failure(s),
        // An unreadable or malformed keys file is the caller's to fix.
        DocumentError::Refused(m) | DocumentError::Io(m) => Failure::input(m),
        DocumentError::Render(r) => Failure::other(r.to_string()),
    }
}

/// `heyat verify FILE.pdf`: exit 0 and what the ruling is when genuine; exit 1 and why not.
pub fn verify(db: Option<&Path>, args: &VerifyArgs) -> Result<(), Failure> {
    if db.is_some() && args.keys.is_some() {
        return Err(Failure::input(
            "--db و --keys با هم نمی‌آیند: کلیدها یا از پایگاه داده خوانده می‌شوند یا از پرونده‌ای که heyat keys export نوشته",
        ));
    }
    let pdf = std::fs::read(&args.file)
        .map_err(|e| Failure::input(format!("پروندهٔ «{}» خوانده نشد: {e}", args.file.display())))?;
    let trusted = match &args.keys {
        Some(path) => heyat_documents::read_keys_file(path).map_err(keys_failure)?,
        None => runtime()?.block_on(async {
            let store = open_existing(db).await?;
            let keys = store.public_keys().await.map_err(store_failure);
            store.close().await;
            keys
        })?,
    };
    let report = heyat_documents::verify_pdf(&heyat_render::Renderer::new(), &pdf, &trusted);
    if args.json {
        let text =
            serde_json::to_string_pretty(&report).map_err(|e| Failure::other(e.to_string()))?;
        println!("{text}");
    } else if report.genuine {
        let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
        println!("این رأی اصیل است: امضای همهٔ اعضا و خود پرونده درست است.");
        println!("نوع: {}", or_dash(&report.kind));
        println!(
            "شمارهٔ پرونده: {}",
            to_persian_digits(&or_dash(&report.case_number))
        );
        println!("تاریخ رأی: {}", or_dash(&report.decided_on));
        println!("هیأت: {}", or_dash(&report.board));
        println!("امضاکنندگان:");
        for s in &report.signers {
            println!(
                "  {}، {}، اثر انگشت کلید {}، امضا در {}",
                s.name, s.seat_title, s.fingerprint, s.signed_at
            );
        }
        if let Some(head) = &report.audit_head {
            println!("نقطهٔ وارسی دفتر وقایع: {head}");
        }
    }
    if report.genuine {
        Ok(())
    } else {
        Err(Failure::other(format!(
            "این رأی اصیل نیست: {}",
            report.reason.as_deref().unwrap_or("دلیلی گفته نشد")
        )))
    }
}

/// `heyat keys export OUT.json`.
pub fn keys(db: Option<&Path>, user: Option<&str>, command: &KeysCommand) -> Result<(), Failure> {
    let KeysCommand::Export { out } = command;
    let login = Login::optional(user)?;
    let count = runtime()?.block_on(async {
        let store = open_existing(db).await?;
        let done = async {
            if let Some(login) = &login {
                let caller = login.sign_in(&store).await?;
                caller.may_act(Action::ExportKeys).map_err(refused)?;
            }
            heyat_documents::trusted_keys_file(&store, out)
                .await
                .map_err(|e| match e {
                    DocumentError::Io(m) => Failure::other(m),
                    e => keys_failure(e),
                })
        }
        .await;
        store.close().await;
        done
    })?;
    println!(
        "{} کلید عمومی در «{}» نوشته شد.",
        to_persian_digits(&count.to_string()),
        out.display()
    );
    Ok(())
}

/// `heyat audit checkpoint --user ADMIN`: signs the audit chain's head now.
pub fn checkpoint(db: Option<&Path>, user: Option<&str>) -> Result<(), Failure> {
    let login = Login::required(user, "نقطهٔ وارسی دفتر وقایع")?;
    let c = runtime()?.block_on(async {
        let store = open_existing(db).await?;
        let done = async {
            let caller = login.sign_in(&store).await?;
            caller.may_act(Action::Checkpoint).map_err(refused)?;
            store.checkpoint_audit(&caller).await.map_err(store_failure)
        }
        .await;
        store.close().await;
        done
    })?;
    let text = serde_json::to_string_pretty(&c).map_err(|e| Failure::other(e.to_string()))?;
    println!("{text}");
    eprintln!(
        "نقطهٔ وارسی دفتر وقایع تا ردیف {} امضا و در {} نوشته شد.",
        to_persian_digits(&c.seq.to_string()),
        heyat_store::ANCHORS_FILE
    );
    Ok(())
}
