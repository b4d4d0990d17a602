//! Runs the rules engine on a case file (or `-` for standard input) and prints the
//! suggestion: `cargo run -p heyat-core --example suggest -- CASE.json`.
//! The real command is `heyat suggest` (crates/cli); this is for trying cases while editing
//! the regulations or the scenarios.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: suggest CASE.json|-");
        return ExitCode::from(2);
    };
    let mut input = String::new();
    let read = if path == "-" {
        std::io::stdin().read_to_string(&mut input).map(|_| ())
    } else {
        std::fs::read_to_string(&path).map(|s| input = s)
    };
    if let Err(e) = read {
        eprintln!("{path}: {e}");
        return ExitCode::from(2);
    }
    match heyat_core::suggest_json(&input) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
