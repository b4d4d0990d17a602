//! The summons (اخطاریه) as the case file shows it.

use heyat_core::proceedings::ServiceMethod;
use serde::Serialize;
use ts_rs::TS;

/// One summons: its session, its service, the last day to defend and the defence.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SummonsView {
    pub id: i64,
    pub case_id: i64,
    pub issued_on_fa: String,
    /// With the weekday: «دوشنبه ۱۴۰۵/۰۹/۱۶».
    pub session_on_fa: String,
    /// `HH:MM` in Persian digits.
    pub at_time_fa: String,
    pub place: String,
    /// The charges it notified (frozen when issued), by their clause's title.
    pub charges_fa: Vec<String>,
    pub served_on_fa: Option<String>,
    pub method: Option<ServiceMethod>,
    pub defence_due_fa: Option<String>,
    /// Days from today to the last day to defend (negative once it passed), while no
    /// defence is on record.
    pub days_left: Option<i64>,
    /// Served too late for the ten days to end before the session: put the session off.
    pub session_too_soon: bool,
    pub defence_received_on_fa: Option<String>,
    pub defence_late: Option<bool>,
    pub defence_note: String,
    /// The PDF under `documents/`, when it was printed.
    pub pdf_path: Option<String>,
}

/// The summonses of a case, and what the form to issue one starts with.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SummonsPanel {
    pub summonses: Vec<SummonsView>,
    /// The next session set for the case from today on (`1405/09/16`, Latin digits, as the
    /// form takes it), if it is late enough for a summons.
    pub scheduled_day: Option<String>,
    pub scheduled_at: Option<String>,
    /// The first day a session may be set for in a summons issued today (Latin digits).
    pub earliest_session: String,
    pub earliest_session_fa: String,
    /// Days to defend from the service.
    pub defence_days: u32,
}

/// A summons issued and printed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SummonsIssued {
    pub summons: SummonsView,
    pub printed: super::PrintedRuling,
}
