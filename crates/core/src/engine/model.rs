//! The engine's input (a case) and output (a suggestion). The output serializes exactly as
//! `../shared/contracts/suggest.md` describes; fields beyond the contract are additions.

use serde::{Serialize, Serializer};
use ts_rs::TS;

use crate::date::JalaliDate;
use crate::regulation::Measured;

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

/// `"auto"` or a forced code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeChoice {
    Auto,
    Fixed(Code),
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
}

/// What the board decided (used only for the appeal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionOutcome {
    Grade(u8),
    /// Acquitted of a charge that carried `charge_grade`.
    Acquitted {
        charge_grade: u8,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub outcome: DecisionOutcome,
    pub notified_on: Option<JalaliDate>,
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
    pub charges: Vec<ChargeInput>,
    pub record: Vec<RecordEntry>,
    pub complaint_withdrawn: bool,
    pub holidays: Vec<JalaliDate>,
    pub decision: Option<Decision>,
}

/// `"penalty"` or `"barred"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Penalty,
    Barred,
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
    /// Last day on which prosecution is not yet barred by limitation (1401 code only).
    pub limitation_until: Option<JalaliDate>,
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
    pub appeal: Appeal,
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
