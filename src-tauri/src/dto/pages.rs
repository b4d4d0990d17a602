//! Lists read a page at a time: the case list (a virtual list on screen) and the deadlines.

use super::{CaseRow, DeadlineRow};
use serde::Serialize;
use ts_rs::TS;

/// The most lines one call returns.
pub const MAX_PAGE: i64 = 500;

/// A page of the case list: the lines from `offset`, and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CasePage {
    pub total: i64,
    pub offset: i64,
    pub rows: Vec<CaseRow>,
}

/// A page of the limits running, soonest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DeadlinePage {
    pub total: i64,
    pub offset: i64,
    pub rows: Vec<DeadlineRow>,
}

/// A page of the ruling's live preview.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewPageView {
    /// The same text in the same place gives the same hash.
    pub hash: String,
    pub width: u32,
    pub height: u32,
    /// `data:image/png;base64,…`; `null` when the window said it holds this page already.
    pub png: Option<String>,
}

/// How far a batch of rulings has come (the `batch-progress` event).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BatchProgress {
    pub done: usize,
    pub total: usize,
}

/// What a batch of sealed rulings printed did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BatchDone {
    /// The folder the PDFs were written to.
    pub folder: String,
    pub total: usize,
    pub written: usize,
    /// Typeset again but not as kept («case number: why»): not written.
    pub differing: Vec<String>,
    /// Not typeset or not written («case number: why»).
    pub failed: Vec<String>,
    pub stopped: bool,
}
