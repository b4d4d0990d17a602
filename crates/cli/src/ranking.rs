//! `heyat ranking --from DATE --to DATE [--json] [--pdf OUT.pdf]`: index 7 of the 1404
//! Ranking Instruction (Art 4, item 7: the disciplinary and judicial record) for every office
//! in an evaluation period, from the final convictions in the database; a table by default,
//! JSON with --json, and the report typeset as a PDF with --pdf.

use crate::Failure;
use crate::db::{day_or_today, open_existing, runtime, store_failure, today_jalali};
use heyat_core::JalaliDate;
use heyat_core::to_persian_digits as fa;
use heyat_render::Renderer;
use heyat_store::ranking::{CRIMINAL_NOT_RECORDED_FA, Index7Row};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct RankingArgs {
    /// The first day of the evaluation period (Solar Hijri 1404/01/01, or ISO).
    #[arg(long, value_name = "DATE")]
    from: String,
    /// The last day of the evaluation period, included.
    #[arg(long, value_name = "DATE")]
    to: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Also typeset the report as a PDF to this file.
    #[arg(long, value_name = "OUT.pdf")]
    pdf: Option<PathBuf>,
}

fn jalali(iso: &str) -> Result<JalaliDate, Failure> {
    JalaliDate::parse_iso(iso).map_err(|e| Failure::other(format!("«{iso}»: {e}")))
}

pub fn run(db: Option<&Path>, args: &RankingArgs) -> Result<(), Failure> {
    let from = day_or_today("--from", Some(&args.from))?;
    let to = day_or_today("--to", Some(&args.to))?;
    let today = today_jalali()?;
    let (rows, input) = runtime()?.block_on(async {
        let store = open_existing(db).await?;
        let report = heyat_documents::ranking_report(&store, from, to, today).await;
        store.close().await;
        report.map_err(|e| match e {
            heyat_documents::DocumentError::Store(e) => store_failure(e),
            e => Failure::other(e.to_string()),
        })
    })?;
    if args.json {
        let json = serde_json::json!({
            "from": from.to_iso_string(),
            "to": to.to_iso_string(),
            "period_fa": format!("{} تا {}", from.format_fa(), to.format_fa()),
            "criminal_record_fa": CRIMINAL_NOT_RECORDED_FA,
            "offices": rows,
        });
        let text =
            serde_json::to_string_pretty(&json).map_err(|e| Failure::other(e.to_string()))?;
        println!("{text}");
    } else {
        print_table(&rows)?;
        eprintln!(
            "شاخص ۷ (سوابق انتظامی و قضائی) برای {} دفتر در دورهٔ {} تا {}.",
            fa(&rows.len().to_string()),
            from.format_fa(),
            to.format_fa()
        );
        eprintln!("{CRIMINAL_NOT_RECORDED_FA}");
    }
    if let Some(out) = &args.pdf {
        let rendered = Renderer::new()
            .ranking(&input)
            .map_err(|e| Failure::other(e.to_string()))?;
        std::fs::write(out, &rendered.pdf)
            .map_err(|e| Failure::other(format!("«{}» نوشته نشد: {e}", out.display())))?;
        eprintln!("گزارش در «{}» نوشته شد.", out.display());
    }
    Ok(())
}

/// One line per office (code, score, name, city, manager), and under it one line per
/// conviction (case, day it became final, grade and code, clause, deduction, reason).
fn print_table(rows: &[Index7Row]) -> Result<(), Failure> {
    for r in rows {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            r.office_code,
            fa(&r.score.to_string()),
            r.office_name,
            r.city,
            r.manager_name.as_deref().unwrap_or("—")
        );
        if r.rank_levels_down_max > 0 {
            println!(
                "\tتنزل رتبه تا {} درجه",
                fa(&r.rank_levels_down_max.to_string())
            );
        }
        for e in &r.effects {
            let code = heyat_core::engine::Code::from_id(&e.regulation)
                .map_or(e.regulation.as_str(), |c| c.name_fa());
            println!(
                "\t{}\t{}\tدرجهٔ {} {}\t{}\t{}\t{}",
                fa(&e.case_number),
                jalali(&e.final_on)?.format_fa(),
                fa(&e.grade.to_string()),
                code,
                heyat_store::ranking::clause_fa(e.clause.as_deref()),
                if e.deduction > 0 {
                    fa(&format!("-{}", e.deduction))
                } else {
                    "۰".to_owned()
                },
                e.reason_fa
            );
        }
    }
    Ok(())
}
