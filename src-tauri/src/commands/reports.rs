//! The board's figures and lists: statistics for a period, index 7 of the ranking instruction
//! (on screen, as a PDF, as a sheet), every list written out as XLSX or CSV into the data
//! folder's `exports/`, and a register of offices, managers and open cases imported from XLSX
//! (a dry run until the secretary confirms a clean file).

use crate::AppState;
use crate::commands::case_file::scoped_filter;
use crate::dto::{
    CountView, DimensionView, ExportFormat, ExportRequest, ImportProblemView, ImportReportView,
    PeriodForm, PrintedRuling, RankingEffectView, RankingRowView, RankingView, StatisticsView,
    WrittenFile,
};
use crate::error::CommandError;
use crate::views::{fa_date, iso_date, optional_iso};
use heyat_core::JalaliDate;
use heyat_core::proceedings::Action;
use heyat_documents::DocumentError;
use heyat_store::statistics::{DIMENSIONS, Period};
use heyat_store::{export, ranking};
use std::path::{Path, PathBuf};
use tauri::State;

/// The largest register accepted (a board's register is a few hundred rows, well under this).
const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

fn period_fa(from: Option<&str>, to: Option<&str>) -> Result<String, CommandError> {
    Ok(match (from, to) {
        (None, None) => "همهٔ پرونده‌ها".to_owned(),
        (Some(f), None) => format!("از {}", fa_date(f)?),
        (None, Some(t)) => format!("تا {}", fa_date(t)?),
        (Some(f), Some(t)) => format!("از {} تا {}", fa_date(f)?, fa_date(t)?),
    })
}

/// The statistics' period, parsed, for the caller's board (an administrator: every board).
async fn statistics_period(state: &AppState, period: &PeriodForm) -> Result<Period, CommandError> {
    let caller = state.allow(Action::ReadCases).await?;
    Ok(Period {
        from: optional_iso("از تاریخ", period.from.as_deref())?,
        to: optional_iso("تا تاریخ", period.to.as_deref())?,
        board_id: caller.board_id,
    })
}

/// Counts of the cases registered in the period by violation, grade, office, month, outcome
/// and status.
#[tauri::command]
pub async fn statistics(
    state: State<'_, AppState>,
    period: PeriodForm,
) -> Result<StatisticsView, CommandError> {
    let period = statistics_period(&state, &period).await?;
    let stats = state.store.statistics(&period).await?;
    Ok(StatisticsView {
        period_fa: period_fa(period.from.as_deref(), period.to.as_deref())?,
        cases: stats.cases,
        charges: stats.charges,
        rulings: stats.rulings,
        dimensions: DIMENSIONS
            .iter()
            .map(|(key, title)| DimensionView {
                key: (*key).to_owned(),
                title_fa: (*title).to_owned(),
                counts: stats
                    .dimension(key)
                    .iter()
                    .map(|c| CountView {
                        key: c.key.clone(),
                        label_fa: c.label_fa.clone(),
                        count: c.count,
                    })
                    .collect(),
            })
            .collect(),
    })
}

/// The evaluation period: both days required.
fn ranking_period(period: &PeriodForm) -> Result<(JalaliDate, JalaliDate), CommandError> {
    let day = |field: &str, v: Option<&str>| -> Result<JalaliDate, CommandError> {
        match v.map(str::trim) {
            Some(d) if !d.is_empty() => JalaliDate::parse_iso(&iso_date(field, d)?)
                .map_err(|e| CommandError::invalid(e.to_string())),
            _ => Err(CommandError::invalid(format!(
                "{field} دورهٔ ارزیابی را بدهید (مثلاً ۱۴۰۴/۰۱/۰۱)."
            ))),
        }
    };
    Ok((
        day("آغاز", period.from.as_deref())?,
        day("پایان", period.to.as_deref())?,
    ))
}

/// Index 7 (disciplinary and judicial record) of the 1404 ranking instruction for every office
/// in the evaluation period, each deduction with its clause.
#[tauri::command]
pub async fn ranking(
    state: State<'_, AppState>,
    period: PeriodForm,
) -> Result<RankingView, CommandError> {
    state.allow(Action::ReadCases).await?;
    let (from, to) = ranking_period(&period)?;
    let rows = ranking::index7_report(&state.store, from, to).await?;
    Ok(RankingView {
        period_fa: format!("از {} تا {}", from.format_fa(), to.format_fa()),
        note_fa: ranking::CRIMINAL_NOT_RECORDED_FA.to_owned(),
        offices: rows
            .into_iter()
            .map(|r| {
                Ok(RankingRowView {
                    office_code: r.office_code,
                    office_name: r.office_name,
                    city: r.city,
                    manager_name: r.manager_name,
                    score: r.score,
                    rank_levels_down_max: r.rank_levels_down_max,
                    effects: r
                        .effects
                        .into_iter()
                        .map(|e| {
                            Ok(RankingEffectView {
                                final_on_fa: fa_date(&e.final_on)?,
                                regulation_fa: heyat_core::engine::Code::from_id(&e.regulation)
                                    .map_or(e.regulation.clone(), |c| c.name_fa().to_owned()),
                                clause_fa: ranking::clause_fa(e.clause.as_deref()),
                                case_number: e.case_number,
                                grade: e.grade,
                                deduction: e.deduction,
                                reason_fa: e.reason_fa,
                            })
                        })
                        .collect::<Result<_, CommandError>>()?,
                })
            })
            .collect::<Result<_, CommandError>>()?,
    })
}

/// Typesets the ranking report of the period and saves it in `documents/`.
#[tauri::command]
pub async fn print_ranking(
    state: State<'_, AppState>,
    period: PeriodForm,
) -> Result<PrintedRuling, CommandError> {
    state.allow(Action::Print).await?;
    let (from, to) = ranking_period(&period)?;
    let (_, input) =
        heyat_documents::ranking_report(&state.store, from, to, state.today_jalali()).await?;
    let rendered = state
        .renderer
        .ranking(&input)
        .map_err(DocumentError::from)?;
    Ok(heyat_documents::save(
        &state.data_dir,
        &heyat_documents::ranking_file(from, to),
        rendered,
    )?
    .into())
}

/// `exports/cases-1405-09-12.xlsx`, numbered when that name is taken.
fn export_path(data_dir: &Path, name: &str, today: JalaliDate, ext: &str) -> PathBuf {
    let dir = data_dir.join("exports");
    let stem = format!(
        "{name}-{:04}-{:02}-{:02}",
        today.year(),
        today.month(),
        today.day()
    );
    let mut path = dir.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    path
}

/// Writes a list (the cases as filtered on screen, the deadlines, rulings, sessions, the
/// statistics or the ranking of a period) to `exports/` as XLSX or CSV.
#[tauri::command]
pub async fn export_list(
    state: State<'_, AppState>,
    request: ExportRequest,
    format: ExportFormat,
) -> Result<WrittenFile, CommandError> {
    let (name, table) = match request {
        ExportRequest::Cases { filter } => {
            let filter = scoped_filter(&state, filter).await?;
            ("cases", export::cases(&state.store, &filter).await?)
        }
        ExportRequest::Deadlines => {
            state.allow(Action::ReadCases).await?;
            (
                "deadlines",
                export::deadlines(&state.store, state.today_jalali()).await?,
            )
        }
        ExportRequest::Rulings => {
            state.allow(Action::ReadCases).await?;
            ("rulings", export::rulings(&state.store).await?)
        }
        ExportRequest::Sessions => {
            state.allow(Action::ReadCases).await?;
            ("sessions", export::sessions(&state.store).await?)
        }
        ExportRequest::Statistics { period } => {
            let period = statistics_period(&state, &period).await?;
            let stats = state.store.statistics(&period).await?;
            ("statistics", export::statistics(&stats))
        }
        ExportRequest::Ranking { period } => {
            state.allow(Action::ReadCases).await?;
            let (from, to) = ranking_period(&period)?;
            let rows = ranking::index7_report(&state.store, from, to).await?;
            ("ranking", export::ranking(&rows))
        }
    };
    let ext = match format {
        ExportFormat::Xlsx => "xlsx",
        ExportFormat::Csv => "csv",
    };
    let path = export_path(&state.data_dir, name, state.today_jalali(), ext);
    std::fs::create_dir_all(path.parent().unwrap_or(&state.data_dir))
        .map_err(|e| CommandError::storage(format!("پوشهٔ خروجی‌ها ساخته نشد: {e}")))?;
    export::write(&table, &path)?;
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    tracing::info!(list = name, rows = table.rows.len(), "list exported");
    Ok(WrittenFile {
        path: path.display().to_string(),
        rows: table.rows.len() as u32,
        bytes: bytes as u32,
    })
}

/// Writes the register's template (the sheets and headers the import reads, with a guide) to
/// `exports/`.
#[tauri::command]
pub async fn import_template(state: State<'_, AppState>) -> Result<WrittenFile, CommandError> {
    state.allow(Action::RegisterComplaint).await?;
    let path = state
        .data_dir
        .join("exports")
        .join("register-template.xlsx");
    std::fs::create_dir_all(path.parent().unwrap_or(&state.data_dir))
        .map_err(|e| CommandError::storage(format!("پوشهٔ خروجی‌ها ساخته نشد: {e}")))?;
    heyat_store::import::write_template(&path)?;
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(WrittenFile {
        path: path.display().to_string(),
        rows: 0,
        bytes: bytes as u32,
    })
}

/// A file name safe to keep: letters, digits, `-`, `_` and `.`, at most 80 characters.
fn safe_name(name: &str) -> String {
    let kept: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    if kept.trim_matches('.').is_empty() {
        "register.xlsx".to_owned()
    } else {
        kept
    }
}

/// Reads a register (XLSX, laid out as the template) sent from the screen — the bytes as the
/// call's raw body, the file name (URI-encoded) in `heyat-file-name` and `heyat-confirm: 1` to
/// save: every row checked, each problem with its row number and what to fix; saved, in one
/// transaction, only when confirmed and the file is clean. The file is kept in `imports/` as
/// it was read.
#[tauri::command]
pub async fn import_register(
    state: State<'_, AppState>,
    request: tauri::ipc::Request<'_>,
) -> Result<ImportReportView, CommandError> {
    let caller = state.allow(Action::RegisterComplaint).await?;
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(CommandError::invalid(
            "پرونده‌ای فرستاده نشد؛ پروندهٔ اکسل را دوباره برگزینید.",
        ));
    };
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(crate::commands::evidence::percent_decoded)
    };
    let file_name = header("heyat-file-name").unwrap_or_default();
    let confirm = header("heyat-confirm").is_some_and(|v| v == "1");
    if bytes.is_empty() {
        return Err(CommandError::invalid(
            "پروندهٔ اکسل خالی است؛ الگوی پرشده را دوباره برگزینید.",
        ));
    }
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(CommandError::invalid(
            "پروندهٔ اکسل بیش از ۲۰ مگابایت است؛ دفتر را در چند پرونده وارد کنید.",
        ));
    }
    if !file_name.to_lowercase().ends_with(".xlsx") {
        return Err(CommandError::invalid(
            "فقط پروندهٔ اکسل (.xlsx) وارد می‌شود؛ اگر پرونده .xls یا .csv است آن را در اکسل با قالب .xlsx ذخیره کنید.",
        ));
    }
    let dir = state.data_dir.join("imports");
    std::fs::create_dir_all(&dir)
        .map_err(|e| CommandError::storage(format!("پوشهٔ ورودی‌ها ساخته نشد: {e}")))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let kept = dir.join(format!("{stamp}-{}", safe_name(&file_name)));
    std::fs::write(&kept, bytes)
        .map_err(|e| CommandError::storage(format!("پروندهٔ اکسل نگه داشته نشد: {e}")))?;
    let report = state
        .store
        .import_register(&kept, confirm, &caller.actor())
        .await?;
    tracing::info!(
        confirm,
        saved = report.saved,
        problems = report.problems.len(),
        cases = report.cases,
        "register import"
    );
    Ok(ImportReportView {
        kept_as: kept.display().to_string(),
        offices: report.offices as u32,
        managers: report.managers as u32,
        cases: report.cases as u32,
        problems: report
            .problems
            .into_iter()
            .map(|p| ImportProblemView {
                sheet: p.sheet,
                row: p.row,
                column: p.column,
                message: p.message,
            })
            .collect(),
        saved: report.saved,
        case_numbers: report.case_numbers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_names_cannot_leave_the_imports_folder() {
        assert_eq!(safe_name("دفتر ۱۴۰۵.xlsx"), "دفتر_۱۴۰۵.xlsx");
        assert_eq!(safe_name("../../etc/passwd.xlsx"), ".._.._etc_passwd.xlsx");
        assert_eq!(safe_name(".."), "register.xlsx");
    }

    #[test]
    fn an_export_never_overwrites_one_made_earlier() {
        let dir = tempfile::tempdir().unwrap();
        let today = JalaliDate::new(1405, 9, 12).unwrap();
        let first = export_path(dir.path(), "cases", today, "xlsx");
        assert!(first.ends_with("exports/cases-1405-09-12.xlsx"));
        std::fs::create_dir_all(first.parent().unwrap()).unwrap();
        std::fs::write(&first, b"x").unwrap();
        let second = export_path(dir.path(), "cases", today, "xlsx");
        assert!(second.ends_with("exports/cases-1405-09-12-2.xlsx"));
    }
}
