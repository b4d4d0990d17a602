//! A day's docket: a sitting of one board hearing several cases, as the sessions screen shows it.

use super::{PlaceView, SessionAttendance};
use heyat_core::board::Seat;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A sitting to open (a day's docket): the board's day, who came (once for every case), the
/// chair elected among the sitting judges (Art 26), the cases in the order heard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SittingForm {
    pub board_id: i64,
    /// Solar Hijri or ISO.
    pub held_on: String,
    /// A holder not present is absent for the whole sitting; recusal is per case.
    pub attendance: SessionAttendance,
    pub chair_member_id: i64,
    pub case_ids: Vec<i64>,
}

/// A case the sitting may hear: scheduled for that day (first, by time) or another of the
/// board's cases not decided yet.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DocketCandidate {
    pub case_id: i64,
    pub number: String,
    pub subject: String,
    pub office_name: String,
    pub manager_name: String,
    pub status_fa: String,
    /// Set for that day.
    pub scheduled: bool,
    /// `HH:MM` in Persian digits, or empty.
    pub time_fa: String,
}

/// What the «hold a sitting» form needs for a board's day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DocketDay {
    pub board_id: i64,
    pub board_name: String,
    /// ISO.
    pub day: String,
    pub day_fa: String,
    pub candidates: Vec<DocketCandidate>,
}

/// A member who stepped aside on one case, and who sat instead.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecusalView {
    pub seat_fa: String,
    pub member_id: i64,
    pub member_name: String,
    pub replaced_by_name: String,
}

/// One case of a sitting, in its place.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SittingCaseView {
    pub order: i64,
    pub case_id: i64,
    pub session_id: i64,
    pub number: String,
    pub subject: String,
    pub office_name: String,
    pub manager_name: String,
    pub status_fa: String,
    pub chair_name: String,
    /// Who sits for this case, place by place.
    pub places: Vec<PlaceView>,
    pub recusals: Vec<RecusalView>,
    pub questions: i64,
    pub votes: i64,
    /// What was decided, once a ruling is drafted.
    pub outcome_fa: Option<String>,
}

/// A member in the room, by roster seat.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SittingMemberView {
    pub seat: Seat,
    pub seat_fa: String,
    pub member_id: i64,
    pub name: String,
}

/// A sitting with its cases in order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SittingView {
    pub id: i64,
    pub board_id: i64,
    pub board_name: String,
    pub day_fa: String,
    pub chair_member_id: i64,
    pub chair_name: String,
    pub present: Vec<SittingMemberView>,
    pub cases: Vec<SittingCaseView>,
}

/// A sitting as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SittingRow {
    pub id: i64,
    pub board_name: String,
    pub day_fa: String,
    pub cases: i64,
}
