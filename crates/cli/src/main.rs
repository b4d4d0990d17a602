//! `heyat`: the rules engine, documents and the board's database from a terminal.
//!
//! Exit codes: 0 done; 2 bad input or bad arguments (a one-line message on standard error,
//! nothing on standard output); 1 anything else that failed (a message on standard error).

use clap::{Parser, Subcommand};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

mod account;
mod bench;
mod case;
mod db;
mod excel;
mod package;
mod ranking;
mod render;
mod seal;

#[derive(Parser)]
#[command(
    name = "heyat",
    version,
    about = "هیأت: رسیدگی به تخلفات مدیران دفاتر خدمات الکترونیک قضایی"
)]
struct Cli {
    /// The database: a SQLite file, or a PostgreSQL server as `postgres://user@host/db`
    /// (default: the app's own, in its data folder, which its `server.url` may point at a
    /// server; HEYAT_DATA_DIR overrides the folder).
    #[arg(long, global = true, value_name = "PATH|URL")]
    db: Option<PathBuf>,
    /// Sign in as this account (password from HEYAT_PASSWORD, else one line of standard
    /// input): required by `case sign` and `audit checkpoint`; with other `case` commands the
    /// audit log names the person and their role is checked.
    #[arg(long, global = true, value_name = "USERNAME")]
    user: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The rules engine's suggestion for a case (see shared/contracts/suggest.md): from a JSON
    /// file (`-` reads standard input), or with --case for a case in the database, read as the
    /// app reads it (the manager's record, holidays and facts on file).
    Suggest {
        #[arg(required_unless_present = "number", conflicts_with = "number")]
        case: Option<PathBuf>,
        /// A case in the database by its number (`1405-0004`).
        #[arg(long = "case", value_name = "NUMBER")]
        number: Option<String>,
        /// With --case: which board, when two boards use the same number.
        #[arg(long, value_name = "ID", requires = "number")]
        board: Option<i64>,
        /// With --case: the day of the session (Solar Hijri or ISO; default today).
        #[arg(long, value_name = "DATE", requires = "number")]
        on: Option<String>,
    },
    /// Typesets a document to PDF from its JSON data.
    Render(render::RenderArgs),
    /// Lists the cases in the database.
    Cases(db::CasesArgs),
    /// Loads the demo into an empty database: its data, its accounts (password heyat-demo) and
    /// one ruling signed by three members, saved as a PDF; or with --cases N generates N cases.
    Demo(db::DemoArgs),
    /// Finds cases by manager name, office code or name, case number or facts (Persian full-text search).
    Search(db::SearchArgs),
    /// Writes a verified copy of the database (and its evidence files) to FILE; safe while the app runs.
    Backup {
        /// The new backup file; it must not exist yet.
        file: PathBuf,
    },
    /// Replaces the database with a verified backup of an earlier state of it; the replaced
    /// database is kept beside it. Refused while the app has the data folder open.
    Restore {
        /// The backup file to restore.
        file: PathBuf,
        /// Restore even a backup that is not an earlier state of this database (another
        /// database, or a history since rewritten); the restored audit log records it.
        #[arg(long)]
        force: bool,
    },
    /// The audit log.
    #[command(subcommand)]
    Audit(db::AuditCommand),
    /// Measures search, opening a case and inserting cases on a generated database.
    Bench(bench::BenchArgs),
    /// The proceedings of a case: register, charge, schedule, hear, vote, draft, sign, serve,
    /// appeal, show, sealed; each prints JSON.
    #[command(subcommand)]
    Case(case::CaseCommand),
    /// Checks a printed ruling: exit 0 with its signers when genuine, 1 with the reason when not.
    Verify(seal::VerifyArgs),
    /// The board's public keys.
    #[command(subcommand)]
    Keys(seal::KeysCommand),
    /// Index 7 of the 1404 ranking instruction (disciplinary and judicial record) for every
    /// office in an evaluation period: a table, JSON with --json, a PDF with --pdf OUT.pdf.
    Ranking(ranking::RankingArgs),
    /// Writes a list (cases, deadlines, rulings, sessions, statistics, ranking) to OUT.xlsx or OUT.csv.
    Export(excel::ExportArgs),
    /// Imports a register of offices, managers and open cases from XLSX: a dry run unless
    /// --confirm; --template OUT.xlsx writes the template to fill.
    Import(excel::ImportArgs),
    /// A case file that travels to a board that shares no database: export, verify, import,
    /// list (signed packages with the sealed rulings and evidence).
    #[command(subcommand)]
    Package(package::PackageCommand),
}

/// A failure and the exit code it deserves.
#[derive(Debug)]
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

/// Bad arguments in Persian (exit 2); help and version as clap prints them (exit 0).
fn parse() -> Result<Cli, ExitCode> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let err = match Cli::try_parse() {
        Ok(cli) => return Ok(cli),
        Err(err) => err,
    };
    let context = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("، "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    // `heyat audit` and `heyat case` have their own subcommands.
    let command = {
        let mut args = std::env::args().skip(1);
        let mut command = None;
        while let Some(a) = args.next() {
            if a == "--db" || a == "--user" {
                args.next();
            } else if !a.starts_with('-') {
                command = Some(a);
                break;
            }
        }
        command
    };
    let under = |name: &str| command.as_deref() == Some(name);
    let commands = if under("audit") {
        "verify، checkpoint (heyat audit …)"
    } else if under("case") {
        "register، charge، schedule، hear، vote، draft، sign، serve، appeal، show، sealed (heyat case …)"
    } else if under("keys") {
        "export (heyat keys export OUT.json)"
    } else if under("package") {
        "export، verify، import، list (heyat package …)"
    } else {
        "suggest، render، cases، demo، search، backup، restore، audit، bench، case، verify، keys، ranking، export، import، package"
    };
    let message = match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return Err(ExitCode::SUCCESS);
        }
        ErrorKind::InvalidSubcommand => format!(
            "فرمان «{}» شناخته نیست؛ یکی از این‌ها را بدهید: {commands}",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument => format!(
            "گزینهٔ «{}» شناخته نیست؛ فهرست گزینه‌ها را با --help ببینید",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "این ورودی لازم است و داده نشده: {}",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "مقدار «{}» برای {} پذیرفته نیست{}",
            context(ContextKind::InvalidValue),
            context(ContextKind::InvalidArg),
            match err.get(ContextKind::ValidValue) {
                Some(_) => format!(
                    "؛ یکی از این‌ها را بدهید: {}",
                    context(ContextKind::ValidValue)
                ),
                None => "؛ مقدار درست را بدهید (--help)".to_owned(),
            }
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            format!("فرمانی داده نشده؛ یکی از این‌ها را بدهید: {commands} (راهنما: heyat --help)")
        }
        ErrorKind::ArgumentConflict => format!(
            "گزینهٔ «{}» با گزینهٔ دیگری که داده شده با هم نمی‌آیند",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => format!(
            "ورودی زیادی یا نادرست: «{}»؛ راهنما: heyat --help",
            context(ContextKind::InvalidValue)
        ),
        _ => format!(
            "ورودی‌های فرمان درست نیست؛ راهنما: heyat --help ({})",
            err.kind()
        ),
    };
    eprintln!("{}", message.replace('\n', " "));
    Err(ExitCode::from(2))
}

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let db = cli.db.as_deref();
    let user = cli.user.as_deref();
    let result = match &cli.command {
        Command::Suggest {
            case: Some(case), ..
        } => suggest(case),
        Command::Suggest {
            number: Some(number),
            board,
            on,
            ..
        } => db::suggest_case(db, number, *board, on.as_deref()),
        Command::Suggest { .. } => Err(Failure::input(
            "پرونده‌ای داده نشده: مسیر JSON یا --case NUMBER را بدهید",
        )),
        Command::Render(args) => render::run(args),
        Command::Cases(args) => db::cases(db, args),
        Command::Demo(args) => db::demo(db, args),
        Command::Search(args) => db::search(db, args),
        Command::Backup { file } => db::backup(db, file),
        Command::Restore { file, force } => db::restore(db, file, *force),
        Command::Audit(db::AuditCommand::Verify { json }) => db::audit_verify(db, *json),
        Command::Audit(db::AuditCommand::Checkpoint) => seal::checkpoint(db, user),
        Command::Bench(args) => bench::run(db, args),
        Command::Case(command) => case::run(db, user, command),
        Command::Verify(args) => seal::verify(db, args),
        Command::Keys(command) => seal::keys(db, user, command),
        Command::Ranking(args) => ranking::run(db, args),
        Command::Export(args) => excel::export(db, args),
        Command::Import(args) => excel::import(db, user, args),
        Command::Package(command) => package::run(db, user, command),
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
