//! `heyat`: the rules engine, documents and the board's database from a terminal.
//!
//! Exit codes: 0 done; 2 bad input or bad arguments (a one-line message on standard error,
//! nothing on standard output); 1 anything else that failed (a message on standard error).

use clap::{Parser, Subcommand};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

mod db;
mod render;

#[derive(Parser)]
#[command(
    name = "heyat",
    version,
    about = "هیأت: رسیدگی به تخلفات مدیران دفاتر خدمات الکترونیک قضایی"
)]
struct Cli {
    /// The database file (default: the app's own, in its data folder; HEYAT_DATA_DIR overrides it).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The rules engine's suggestion for a case (see shared/contracts/suggest.md); `-` reads standard input.
    Suggest { case: PathBuf },
    /// Typesets a document to PDF from its JSON data.
    Render(render::RenderArgs),
    /// Lists the cases in the database.
    Cases(db::CasesArgs),
    /// Loads the demo data set into an empty database.
    Demo,
}

/// A failure and the exit code it deserves.
pub struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
    pub fn other(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &std::path::Path) -> Result<String, Failure> {
    let mut text = String::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::input(format!("ورودی استاندارد خوانده نشد: {e}")))?;
    } else {
        text = std::fs::read_to_string(path)
            .map_err(|e| Failure::input(format!("پروندهٔ «{}» خوانده نشد: {e}", path.display())))?;
    }
    Ok(text)
}

fn suggest(case: &std::path::Path) -> Result<(), Failure> {
    let input = read_input(case)?;
    let output = heyat_core::suggest_json(&input).map_err(|e| Failure::input(e.to_string()))?;
    println!("{output}");
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Suggest { case } => suggest(case),
        Command::Render(args) => render::run(args),
        Command::Cases(args) => db::cases(cli.db.as_deref(), args),
        Command::Demo => db::demo(cli.db.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            // One line, so that callers can read it as a single message.
            eprintln!("{}", f.message.replace('\n', " "));
            ExitCode::from(f.code)
        }
    }
}
