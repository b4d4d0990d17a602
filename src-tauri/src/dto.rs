//! What crosses the IPC boundary. The TypeScript declarations in `ui/src/lib/bindings.ts`
//! are generated from these types (see the `bindings` test), so the two cannot drift.

use heyat_core::CaseStatus;
use heyat_store::{CaseFilter, CaseListItem};
use serde::Serialize;
use ts_rs::TS;

/// Every failed command answers with a stable code for the UI and a Persian message for people.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl From<heyat_store::StoreError> for CommandError {
    fn from(e: heyat_store::StoreError) -> Self {
        CommandError {
            code: e.code().to_owned(),
            message: e.to_string(),
        }
    }
}

/// The app, its board and where its data lives.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// The first-instance board this installation serves, if one is set up.
    pub board_name: Option<String>,
    pub data_dir: String,
    pub database_path: String,
    /// ISO date.
    pub today: String,
    /// Solar Hijri, Persian digits, with the weekday: «دوشنبه ۱۴۰۵/۰۹/۰۲».
    pub today_fa: String,
}

/// A line of the case list, with what people read already in Persian.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub case: CaseListItem,
    pub status_fa: String,
    /// Solar Hijri with Persian digits.
    pub registered_on_fa: String,
}

/// How many cases stand in one status.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StatusCountRow {
    pub status: CaseStatus,
    pub status_fa: String,
    pub count: i64,
}

/// A board and its members, as the settings screen shows them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BoardView {
    pub id: i64,
    pub kind: String,
    pub kind_fa: String,
    pub name: String,
    pub province: String,
    pub term_start_fa: String,
    pub term_end_fa: String,
    pub seats: Vec<SeatView>,
}

/// One seat of a board (Arts 23–25) and who holds it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SeatView {
    pub seat: String,
    pub seat_fa: String,
    pub member_name: String,
    pub member_kind_fa: String,
    pub judicial_grade: Option<i64>,
}

/// The declarations of every IPC type, in one TypeScript module.
pub fn typescript_bindings() -> String {
    let cfg = ts_rs::Config::new().with_large_int("number");
    let decls = [
        CommandError::decl(&cfg),
        AppInfo::decl(&cfg),
        CaseStatus::decl(&cfg),
        CaseListItem::decl(&cfg),
        CaseRow::decl(&cfg),
        CaseFilter::decl(&cfg),
        StatusCountRow::decl(&cfg),
        BoardView::decl(&cfg),
        SeatView::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/src/dto.rs and the crates they use.\n\
         // Do not edit: run `HEYAT_WRITE_BINDINGS=1 cargo test -p heyat-app bindings` instead.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}
