//! What the rules-engine screen and the forms that feed it exchange: the catalogue of
//! violations, the articles cited, and a case put to the engine as `heyat suggest` takes it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A violation the board may charge, from the catalogue of a code, with its article text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CatalogueEntry {
    /// A clause id (`1401:37:f`), an article for a residual violation (`1401:41`), or a kind
    /// measured in days (`absence`, `closure`: the engine picks the clause by days).
    pub id: String,
    /// `1401`, `1396` or `1392`.
    pub code: String,
    pub article_number: u32,
    /// The clause's letter or number as printed («الف», «۲»); empty for a whole article.
    pub label_fa: String,
    pub title_fa: String,
    pub text_fa: String,
    /// The fixed grade, where the clause carries one.
    pub grade: Option<u8>,
    /// The range the board chooses from, where it does (Art 41; the older codes).
    pub grade_range: Option<[u8; 2]>,
    /// Whether the charge needs a number of days.
    pub measured: bool,
}

/// The text of an article or clause, as the engine's steps cite it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ArticleView {
    pub id: String,
    pub regulation_fa: String,
    pub article_number: u32,
    pub title_fa: String,
    pub text_fa: String,
}

/// A case put to the rules engine: the input of `heyat suggest` (shared/contracts/suggest.md).
/// Dates are Solar Hijri `YYYY/MM/DD` (Persian or Latin digits) or ISO; the engine checks
/// every field and names the one that is wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SuggestRequest {
    pub decided_on: String,
    /// `auto`, `1401`, `1396` or `1392`.
    pub regulation: String,
    pub manager: ManagerFacts,
    pub charges: Vec<ChargeRequest>,
    pub record: Vec<RecordRequest>,
    pub complaint_withdrawn: bool,
    pub holidays: Vec<String>,
    pub decision: Option<DecisionRequest>,
    /// Art 31: the prosecution of these charges was suspended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub suspended_prosecution: Option<SuspensionRequest>,
}

/// A condition of Arts 9–11 the manager may lack (Art 45), as the forms list it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QualificationView {
    /// `1401:9:d`.
    pub id: String,
    pub article_number: u32,
    /// «ت»
    pub label_fa: String,
    pub title_fa: String,
    pub text_fa: String,
}

/// Art 31: an order suspending the prosecution (date, 1 or 2 years).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SuspensionRequest {
    pub ordered_on: String,
    pub years: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ManagerFacts {
    pub deceased: bool,
    pub permanently_separated: bool,
    pub lacks_qualifications: bool,
    /// The conditions of Arts 9–11 the manager lost (`1401:9:d`); Art 45 needs no charge.
    #[serde(default)]
    pub lost_qualifications: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChargeRequest {
    pub violation: String,
    pub committed_on: String,
    pub days: Option<u32>,
    pub last_prosecution_act_on: Option<String>,
    pub grade: Option<u8>,
    pub res_judicata: bool,
    pub crime_found: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordRequest {
    pub grade: u8,
    pub regulation: Option<String>,
    pub final_on: Option<String>,
    pub carried_out_on: Option<String>,
    /// When the violation it punished was committed (Art 31).
    #[serde(default)]
    pub committed_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DecisionRequest {
    pub grade: Option<u8>,
    pub acquitted: Option<bool>,
    pub charge_grade: Option<u8>,
    pub notified_on: Option<String>,
    /// With a grade: the charges (0-based, in the form's order) the board acquitted.
    #[serde(default)]
    pub acquitted_charges: Vec<usize>,
}
