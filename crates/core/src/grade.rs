//! Penalty grades of Art 29 of the 1401 regulation (درجات مجازات انتظامی).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A disciplinary penalty grade, 1 (oral warning) to 7 (permanent revocation of the licence).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(try_from = "u8", into = "u8")]
#[ts(type = "number")]
pub struct Grade(u8);

/// A number outside 1–7 was given as a grade.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("درجهٔ {0} وجود ندارد؛ درجهٔ مجازات باید از ۱ تا ۷ باشد (ماده ۲۹)")]
pub struct GradeOutOfRange(pub i64);

impl Grade {
    pub const MIN: Grade = Grade(1);
    pub const MAX: Grade = Grade(7);

    pub fn new(value: i64) -> Result<Self, GradeOutOfRange> {
        if (1..=7).contains(&value) {
            Ok(Grade(value as u8))
        } else {
            Err(GradeOutOfRange(value))
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// The penalty's name as Art 29 words it.
    pub fn title_fa(self) -> &'static str {
        match self.0 {
            1 => "تذکر شفاهی",
            2 => "اخطار کتبی",
            3 => "توبیخ کتبی با درج در پرونده",
            4 => "توبیخ با درج در پایگاه اطلاع‌رسانی مرکز",
            5 => "تعلیق از مدیریت دفتر از سه ماه تا یک سال",
            6 => "تعلیق از مدیریت دفتر بیش از یک سال تا سه سال",
            _ => "لغو دائم پروانه",
        }
    }
}

impl TryFrom<u8> for Grade {
    type Error = GradeOutOfRange;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Grade::new(value.into())
    }
}

impl From<Grade> for u8 {
    fn from(g: Grade) -> u8 {
        g.0
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "درجهٔ {}", crate::to_persian_digits(&self.0.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_to_seven_are_grades() {
        assert!(Grade::new(0).is_err());
        assert!(Grade::new(8).is_err());
        assert_eq!(Grade::new(7).unwrap(), Grade::MAX);
        assert_eq!(
            Grade::new(3).unwrap().title_fa(),
            "توبیخ کتبی با درج در پرونده"
        );
        assert_eq!(Grade::new(5).unwrap().to_string(), "درجهٔ ۵");
    }

    #[test]
    fn grades_deserialize_only_in_range() {
        assert!(serde_json::from_str::<Grade>("4").is_ok());
        let err = serde_json::from_str::<Grade>("9").unwrap_err().to_string();
        assert!(err.contains("از ۱ تا ۷"), "{err}");
    }
}
