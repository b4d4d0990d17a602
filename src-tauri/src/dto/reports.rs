//! Statistics, the ranking report, lists exported and the register imported.

use super::CaseFilter;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One bar of a chart.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CountView {
    pub key: String,
    pub label_fa: String,
    pub count: i64,
}

/// One chart: what it counts by, and its bars.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DimensionView {
    /// `violation`, `grade`, `office`, `month`, `outcome` or `status`.
    pub key: String,
    pub title_fa: String,
    pub counts: Vec<CountView>,
}

/// The figures of the cases registered in a period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StatisticsView {
    /// «از ۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۹/۱۲», or «همهٔ پرونده‌ها».
    pub period_fa: String,
    pub cases: i64,
    pub charges: i64,
    pub rulings: i64,
    pub dimensions: Vec<DimensionView>,
}

/// A period asked for (Solar Hijri or ISO days; either may be left empty for the statistics).
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
pub struct PeriodForm {
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One conviction's effect on an office's index 7, in Persian.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RankingEffectView {
    pub case_number: String,
    pub final_on_fa: String,
    pub grade: u8,
    /// «آیین‌نامهٔ ۱۴۰۱».
    pub regulation_fa: String,
    /// «بند پ شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی», or «بدون کسر».
    pub clause_fa: String,
    pub deduction: u32,
    pub reason_fa: String,
}

/// An office's index 7 in the period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RankingRowView {
    pub office_code: String,
    pub office_name: String,
    pub city: String,
    pub manager_name: Option<String>,
    pub score: u32,
    pub rank_levels_down_max: u32,
    pub effects: Vec<RankingEffectView>,
}

/// Index 7 of the 1404 ranking instruction for every office in an evaluation period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RankingView {
    pub period_fa: String,
    /// That criminal convictions are not on record here, and must be added from their source.
    pub note_fa: String,
    pub offices: Vec<RankingRowView>,
}

/// A list the app writes out.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(tag = "list", rename_all = "snake_case")]
pub enum ExportRequest {
    /// The cases, filtered as the case list is.
    Cases {
        filter: CaseFilter,
    },
    Deadlines,
    Rulings,
    Sessions,
    Statistics {
        period: PeriodForm,
    },
    Ranking {
        period: PeriodForm,
    },
}

/// How a list is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Xlsx,
    Csv,
}

/// A file the app wrote into the data folder.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WrittenFile {
    pub path: String,
    pub rows: u32,
    pub bytes: u32,
}

/// A row of an imported register to fix.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportProblemView {
    pub sheet: String,
    pub row: u32,
    pub column: Option<String>,
    pub message: String,
}

/// What an import found, and whether it was saved.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportReportView {
    /// The copy of the file kept in the data folder's `imports/`.
    pub kept_as: String,
    pub offices: u32,
    pub managers: u32,
    pub cases: u32,
    pub problems: Vec<ImportProblemView>,
    pub saved: bool,
    pub case_numbers: Vec<String>,
}
