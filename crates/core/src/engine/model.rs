//! The engine's input (a case) and output (a suggestion). The output serializes exactly as
//! `../shared/contracts/suggest.md` describes; fields beyond the contract are additions.

use serde::{Serialize, Serializer};
use ts_rs::TS;

use std::collections::BTreeMap;

use crate::date::JalaliDate;
use crate::regulation::{Measured, Penalty};

/// A disciplinary code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, TS)]
#[ts(type = "\"1392\" | \"1396\" | \"1401\"")]
pub enum Code {
    /// The 1392 instruction (seed 002), before 1396/12/26.
    V1392,
    /// The 1396 regulation (seeds 001/003), 1396/12/26 – 1401/05/22.
    V1396,
    /// The 1401 regulation (seed 000), from 1401/05/23.
    V1401,
}

impl Code {
    pub fn from_id(id: &str) -> Option<Code> {
        match id {
            "1392" => Some(Code::V1392),
            "1396" => Some(Code::V1396),
            "1401" => Some(Code::V1401),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Code::V1392 => "1392",
            Code::V1396 => "1396",
            Code::V1401 => "1401",
        }
    }

    /// Chronological rank, to tell older from newer.
    pub fn rank(self) -> u8 {
        match self {
            Code::V1392 => 0,
            Code::V1396 => 1,
            Code::V1401 => 2,
        }
    }

    /// The highest grade: 7 (Art 29) or 6 (1396 Art 35, 1392 Art 23).
    pub fn max_grade(self) -> u8 {
        match self {
            Code::V1401 => 7,
            _ => 6,
        }
    }

    /// The article listing the grades.
    pub fn grades_article(self) -> &'static str {
        match self {
            Code::V1401 => "1401:29",
            Code::V1396 => "1396:35",
            Code::V1392 => "1392:23",
        }
    }

    /// The article on reporting crimes (1401 Art 42, 1396 Art 38, 1392 Art 26).
    pub fn crimes_article(self) -> &'static str {
        match self {
            Code::V1401 => "1401:42",
            Code::V1396 => "1396:38",
            Code::V1392 => "1392:26",
        }
    }

    /// The article on appeals (1401 Art 33, 1396 Art 36, 1392 Art 24).
    pub fn appeal_article(self) -> &'static str {
        match self {
            Code::V1401 => "1401:33",
            Code::V1396 => "1396:36",
            Code::V1392 => "1392:24",
        }
    }

    /// The article that records when this code took over (1401 Art 54 replaced the 1396
    /// regulation; 1396 Art 39 replaced the 1392 instruction and so bounds it too).
    pub fn succession_article(self) -> &'static str {
        match self {
            Code::V1401 => "1401:54",
            Code::V1396 | Code::V1392 => "1396:39",
        }
    }

    /// Persian name for reasons.
    pub fn name_fa(self) -> &'static str {
        match self {
            Code::V1401 => "آیین‌نامه ۱۴۰۱",
            Code::V1396 => "آیین‌نامه ۱۳۹۶",
            Code::V1392 => "دستورالعمل ۱۳۹۲",
        }
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Code::from_id(&id)
            .ok_or_else(|| serde::de::Error::custom(format!("«{id}»: one of 1401, 1396, 1392")))
    }
}

/// `"auto"` or a forced code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeChoice {
    Auto,
    Fixed(Code),
}

impl CodeChoice {
    /// An older code forced by the board.
    pub fn is_older(self) -> bool {
        matches!(self, CodeChoice::Fixed(c) if c != Code::V1401)
    }
}

/// What a charge names: a clause id or a kind measured in days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViolationRef {
    /// `1401:37:f`, `1401:41`, `1396:37:2`.
    Clause(String),
    /// `absence` / `closure`, with the charge's `days`.
    Measured(Measured),
}

/// A violation alleged in the case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChargeInput {
    pub violation: ViolationRef,
    pub days: Option<u32>,
    pub committed_on: JalaliDate,
    pub last_prosecution_act_on: Option<JalaliDate>,
    /// The board's chosen grade where the code leaves it open (Art 41; older codes).
    pub grade: Option<u8>,
    pub res_judicata: bool,
    /// For an older code's clause: the current clause it corresponds to (a board's reading).
    pub current_violation: Option<ViolationRef>,
    /// A crime with a public aspect came to light while hearing this charge (Art 42).
    pub crime_found: bool,
    /// This is the original matter of a suspended prosecution whose suspension the board
    /// revoked (Art 31, second sentence).
    pub suspension_revoked: bool,
}

/// An earlier final disciplinary conviction of the same manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordEntry {
    pub grade: u8,
    pub regulation: Option<Code>,
    pub final_on: Option<JalaliDate>,
    pub carried_out_on: Option<JalaliDate>,
    /// When the violation it punished was committed (Art 31: a violation during a suspended
    /// prosecution that ends in a final conviction revokes the suspension).
    pub committed_on: Option<JalaliDate>,
}

/// Art 31: the board suspended the prosecution of this case's charges (the original matter)
/// on `ordered_on` for `years` (1 or 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuspensionOrder {
    pub ordered_on: JalaliDate,
    pub years: u8,
}

/// What the board decided (used only for the appeal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionOutcome {
    Grade(u8),
    /// Acquitted of a charge that carried `charge_grade`.
    Acquitted {
        charge_grade: u8,
    },
    /// The licence revoked for lost qualifications, with no charge (Art 45 alone).
    Revocation,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub outcome: DecisionOutcome,
    pub notified_on: Option<JalaliDate>,
    /// With a penalty: the charges (input indices) the board acquitted, convicting on the rest.
    pub acquitted_charges: Vec<usize>,
}

/// A case as the engine sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub decided_on: JalaliDate,
    pub regulation: CodeChoice,
    pub deceased: bool,
    pub permanently_separated: bool,
    /// The first-instance board found the manager lost (or never had) the qualifications
    /// of the regulation (Art 45).
    pub lacks_qualifications: bool,
    /// Which of the conditions of Arts 9–11 the manager lost or never had (clause or article
    /// ids such as `1401:9:d`, `1401:11:b`); not empty implies `lacks_qualifications`.
    pub lost_qualifications: Vec<String>,
    /// Art 31: the prosecution of these charges was suspended.
    pub suspended_prosecution: Option<SuspensionOrder>,
    pub charges: Vec<ChargeInput>,
    pub record: Vec<RecordEntry>,
    pub complaint_withdrawn: bool,
    pub holidays: Vec<JalaliDate>,
    pub decision: Option<Decision>,
}

/// `"penalty"`, `"barred"`, or `"revocation"` (Art 45 alone, with no charges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Penalty,
    Barred,
    Revocation,
}

/// Why prosecution is barred (Art 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BarReason {
    ResJudicata,
    Limitation,
    Separation,
    Death,
}

/// A bar with its article (`1401:30`) and clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Bar {
    pub reason: BarReason,
    pub article: &'static str,
    /// The clause (`1401:30:a`); the article itself where it has no clause for it.
    pub clause: &'static str,
}

/// One charge as the engine read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChargeOutcome {
    /// The clause id (a measured kind resolved to its clause).
    pub violation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// The grade, when fixed by the clause or chosen by the board.
    pub grade: Option<u8>,
    pub grade_range: [u8; 2],
    pub barred: Option<Bar>,
    pub title_fa: String,
    /// The clause's corrected text, as the ruling must quote it.
    pub text_fa: String,
    pub committed_on: JalaliDate,
    /// Last day on which prosecution is not yet barred by limitation (1401 Art 30, applied
    /// from the day the 1401 code came into force).
    pub limitation_until: Option<JalaliDate>,
    /// The board acquitted the manager of this charge (`decision.acquitted_charges`).
    pub acquitted: bool,
}

/// The grades the code allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct GradeRange {
    pub min: u8,
    pub max: u8,
    pub lowest_with_mitigation: Option<u8>,
}

/// Art 31.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Suspension {
    pub available: bool,
    pub years: [u8; 2],
    pub article: &'static str,
}

impl Suspension {
    pub fn unavailable() -> Self {
        Suspension {
            available: false,
            years: [1, 2],
            article: "1401:31",
        }
    }
}

/// One rule applied, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Step {
    /// `VERSION:ARTICLE`.
    pub article: String,
    /// `VERSION:ARTICLE:CLAUSE` when a clause or note is meant.
    pub clause: Option<String>,
    /// Index of the charge (in input order) the step is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub charge: Option<usize>,
    pub mandatory: bool,
    pub from: Option<u8>,
    pub to: Option<u8>,
    pub reason_fa: String,
    pub reason_en: String,
    /// A reading the text leaves open that this step relies on.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reading: Option<Reading>,
}

/// A point where the seeds allow two readings and the engine follows one (listed, with both
/// readings and their articles, in `regulations/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Reading {
    pub id: &'static str,
    pub fa: &'static str,
    pub en: &'static str,
}

/// Who may appeal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Appellant {
    Manager,
    CenterHead,
}

/// Whether and how the decision may be appealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(untagged)]
pub enum Appeal {
    Open {
        appealable: bool,
        by: Vec<Appellant>,
        /// The manager's last day (for 1401, everyone's); null where none is written or the
        /// decision is not notified yet.
        deadline: Option<JalaliDate>,
        center_head_deadline: Option<JalaliDate>,
        board: &'static str,
        article: &'static str,
    },
    Final {
        appealable: bool,
        article: &'static str,
    },
}

/// Which code is more lenient to the manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TS)]
#[ts(type = "\"1392\" | \"1396\" | \"1401\" | \"same\"")]
pub enum Lenient {
    Code(Code),
    Same,
}

impl Serialize for Lenient {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Lenient::Code(c) => s.serialize_str(c.id()),
            Lenient::Same => s.serialize_str("same"),
        }
    }
}

/// The case under the current code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Comparison {
    pub regulation: Code,
    pub outcome: Outcome,
    pub grade: Option<GradeRange>,
    pub more_lenient: Lenient,
    /// The penalty at each side's `grade.min`, in its code's words, keyed by code (`"1396"`,
    /// `"1401"`); a side with no penalty (barred) says so.
    pub penalty_fa: BTreeMap<String, String>,
    /// The same penalties as data.
    pub penalties: BTreeMap<String, Option<Penalty>>,
    pub steps: Vec<Step>,
}

/// Art 42 and the older codes' equivalents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Referral {
    pub required: bool,
    pub article: &'static str,
    pub charges: Vec<usize>,
}

/// Art 45.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LicenceRevocation {
    pub article: &'static str,
    /// The conditions of Arts 9–11 found lost, by id.
    pub qualifications: Vec<String>,
    pub appeal: Appeal,
}

/// Where a suspended prosecution (Art 31) stands on `decided_on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SuspensionStatus {
    /// The period runs; nothing revokes it yet.
    Running,
    /// A violation committed in the period ended in a final conviction: the board revokes the
    /// suspension and hears the matter, combining under Art 44.
    Revoked,
    /// The period ended with no such conviction.
    Ended,
}

/// A suspension order of the case (Art 31) as the engine read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SuspensionOrderOutcome {
    pub ordered_on: JalaliDate,
    pub years: u8,
    /// The last day of the period.
    pub ends_on: JalaliDate,
    pub status: SuspensionStatus,
    /// The record entry (input index) whose conviction revokes it.
    pub revoked_by: Option<usize>,
    pub article: &'static str,
}

/// The engine's suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Suggestion {
    pub regulation: Code,
    pub outcome: Outcome,
    pub bar: Option<Bar>,
    pub charges: Vec<ChargeOutcome>,
    pub grade: Option<GradeRange>,
    pub suspension: Suspension,
    pub steps: Vec<Step>,
    pub appeal: Option<Appeal>,
    pub comparison: Option<Comparison>,
    pub referral: Option<Referral>,
    pub licence_revocation: Option<LicenceRevocation>,
    /// The penalty at `grade.min`, in the judging code's words and as data.
    pub penalty: Option<Penalty>,
    pub suspension_order: Option<SuspensionOrderOutcome>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typescript_declarations_follow_the_json() {
        let decl = Suggestion::decl(&ts_rs::Config::default());
        assert!(decl.contains("regulation: Code"), "{decl}");
        let grade = GradeRange::decl(&ts_rs::Config::default());
        assert!(
            grade.contains("lowest_with_mitigation: number | null"),
            "{grade}"
        );
        let charge = ChargeOutcome::decl(&ts_rs::Config::default());
        assert!(charge.contains("committed_on: JalaliDate"), "{charge}");
        assert!(Code::inline(&ts_rs::Config::default()).contains("\"1401\""));
    }
}
