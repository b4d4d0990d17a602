//! Who may sit where on a board (Arts 23–26 of the 1401 regulation).
//!
//! A first-instance board has two judges and a Kanoon representative who is not on the
//! Kanoon's board of directors (Art 23); an appeal board two judges of judicial grade 9 or
//! more and a Center representative (Art 24); each has one alternate of each kind (Art 25);
//! the chair is one of the judges (Art 26).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum BoardKind {
    FirstInstance,
    Appeal,
}

impl BoardKind {
    pub fn code(self) -> &'static str {
        match self {
            BoardKind::FirstInstance => "first_instance",
            BoardKind::Appeal => "appeal",
        }
    }
    pub fn from_code(code: &str) -> Option<BoardKind> {
        [BoardKind::FirstInstance, BoardKind::Appeal]
            .into_iter()
            .find(|k| k.code() == code)
    }
    pub fn title_fa(self) -> &'static str {
        match self {
            BoardKind::FirstInstance => "هیأت بدوی",
            BoardKind::Appeal => "هیأت تجدیدنظر",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum MemberKind {
    Judge,
    /// Also read as `kanoon_representative` (the documents' input of earlier versions).
    #[serde(alias = "kanoon_representative")]
    KanoonRep,
    #[serde(alias = "center_representative")]
    CenterRep,
}

impl MemberKind {
    pub fn code(self) -> &'static str {
        match self {
            MemberKind::Judge => "judge",
            MemberKind::KanoonRep => "kanoon_rep",
            MemberKind::CenterRep => "center_rep",
        }
    }
    pub fn from_code(code: &str) -> Option<MemberKind> {
        [
            MemberKind::Judge,
            MemberKind::KanoonRep,
            MemberKind::CenterRep,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
    pub fn title_fa(self) -> &'static str {
        match self {
            MemberKind::Judge => "قاضی",
            MemberKind::KanoonRep => "نمایندهٔ کانون",
            MemberKind::CenterRep => "نمایندهٔ مرکز",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum Seat {
    // snake_case would write `judge1`: the code has the underscore.
    #[serde(rename = "judge_1")]
    #[cfg_attr(feature = "sqlx", sqlx(rename = "judge_1"))]
    Judge1,
    #[serde(rename = "judge_2")]
    #[cfg_attr(feature = "sqlx", sqlx(rename = "judge_2"))]
    Judge2,
    Representative,
    AlternateJudge,
    AlternateRepresentative,
}

impl Seat {
    pub const ALL: [Seat; 5] = [
        Seat::Judge1,
        Seat::Judge2,
        Seat::Representative,
        Seat::AlternateJudge,
        Seat::AlternateRepresentative,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Seat::Judge1 => "judge_1",
            Seat::Judge2 => "judge_2",
            Seat::Representative => "representative",
            Seat::AlternateJudge => "alternate_judge",
            Seat::AlternateRepresentative => "alternate_representative",
        }
    }
    pub fn from_code(code: &str) -> Option<Seat> {
        Seat::ALL.into_iter().find(|s| s.code() == code)
    }
    pub fn title_fa(self) -> &'static str {
        match self {
            Seat::Judge1 => "عضو قاضی اول",
            Seat::Judge2 => "عضو قاضی دوم",
            Seat::Representative => "عضو نماینده",
            Seat::AlternateJudge => "عضو علی‌البدل قاضی",
            Seat::AlternateRepresentative => "عضو علی‌البدل نماینده",
        }
    }
    pub fn is_judge_seat(self) -> bool {
        matches!(self, Seat::Judge1 | Seat::Judge2 | Seat::AlternateJudge)
    }
    pub fn is_alternate(self) -> bool {
        matches!(self, Seat::AlternateJudge | Seat::AlternateRepresentative)
    }
    /// The alternate who replaces this seat's holder when absent or recused (Arts 25, 28).
    pub fn alternate(self) -> Option<Seat> {
        match self {
            Seat::Judge1 | Seat::Judge2 => Some(Seat::AlternateJudge),
            Seat::Representative => Some(Seat::AlternateRepresentative),
            _ => None,
        }
    }
}

/// What the composition rules need to know about a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub kind: MemberKind,
    pub judicial_grade: Option<u8>,
    pub on_kanoon_directors: bool,
}

/// The minimum judicial grade (پایه) of an appeal board's judges (Art 24).
pub const APPEAL_JUDGE_MIN_GRADE: u8 = 9;

/// Why a person may not take a seat. The message says what to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompositionError {
    #[error("جایگاه «{}» از آنِ قاضی است؛ یک قاضی را برگزینید (مواد ۲۳ تا ۲۵)", seat.title_fa())]
    JudgeSeatNeedsJudge { seat: Seat },
    #[error("جایگاه «{}» در {} از آنِ {} است (مواد ۲۳ تا ۲۵)", seat.title_fa(), board.title_fa(), expected.title_fa())]
    WrongRepresentative {
        seat: Seat,
        board: BoardKind,
        expected: MemberKind,
    },
    #[error("قضات هیأت تجدیدنظر باید دست‌کم پایهٔ ۹ قضایی داشته باشند؛ پایهٔ این قاضی {} است (ماده ۲۴)", grade.map_or("نامعلوم".to_owned(), |g| crate::to_persian_digits(&g.to_string())))]
    AppealJudgeGrade { grade: Option<u8> },
    #[error("نمایندهٔ کانون در هیأت بدوی نباید عضو هیأت مدیرهٔ کانون باشد (ماده ۲۳)")]
    KanoonDirector,
    #[error("رئیس هیأت از میان اعضای قاضی برگزیده می‌شود (ماده ۲۶)")]
    ChairNotJudge,
}

/// Whether `who` may take `seat` on a board of `board` kind (Arts 23–25).
pub fn check_seat(board: BoardKind, seat: Seat, who: &Candidate) -> Result<(), CompositionError> {
    if seat.is_judge_seat() {
        if who.kind != MemberKind::Judge {
            return Err(CompositionError::JudgeSeatNeedsJudge { seat });
        }
        if board == BoardKind::Appeal
            && who
                .judicial_grade
                .is_none_or(|g| g < APPEAL_JUDGE_MIN_GRADE)
        {
            return Err(CompositionError::AppealJudgeGrade {
                grade: who.judicial_grade,
            });
        }
        return Ok(());
    }
    let expected = match board {
        BoardKind::FirstInstance => MemberKind::KanoonRep,
        BoardKind::Appeal => MemberKind::CenterRep,
    };
    if who.kind != expected {
        return Err(CompositionError::WrongRepresentative {
            seat,
            board,
            expected,
        });
    }
    if board == BoardKind::FirstInstance && who.on_kanoon_directors {
        return Err(CompositionError::KanoonDirector);
    }
    Ok(())
}

/// The chair is elected from among the judge members (Art 26).
pub fn check_chair(who: &Candidate) -> Result<(), CompositionError> {
    if who.kind == MemberKind::Judge {
        Ok(())
    } else {
        Err(CompositionError::ChairNotJudge)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(grade: u8) -> Candidate {
        Candidate {
            kind: MemberKind::Judge,
            judicial_grade: Some(grade),
            on_kanoon_directors: false,
        }
    }

    #[test]
    fn appeal_judges_need_grade_nine() {
        assert!(check_seat(BoardKind::Appeal, Seat::Judge1, &judge(9)).is_ok());
        let err = check_seat(BoardKind::Appeal, Seat::AlternateJudge, &judge(8)).unwrap_err();
        assert!(err.to_string().contains("ماده ۲۴"), "{err}");
        assert!(check_seat(BoardKind::FirstInstance, Seat::Judge2, &judge(3)).is_ok());
    }

    #[test]
    fn kanoon_directors_may_not_represent_the_kanoon() {
        let director = Candidate {
            kind: MemberKind::KanoonRep,
            judicial_grade: None,
            on_kanoon_directors: true,
        };
        assert_eq!(
            check_seat(BoardKind::FirstInstance, Seat::Representative, &director),
            Err(CompositionError::KanoonDirector)
        );
        let plain = Candidate {
            on_kanoon_directors: false,
            ..director
        };
        assert!(
            check_seat(
                BoardKind::FirstInstance,
                Seat::AlternateRepresentative,
                &plain
            )
            .is_ok()
        );
        assert!(check_seat(BoardKind::Appeal, Seat::Representative, &plain).is_err());
        assert!(check_seat(BoardKind::FirstInstance, Seat::Judge1, &plain).is_err());
        assert_eq!(check_chair(&plain), Err(CompositionError::ChairNotJudge));
    }
}

#[cfg(test)]
mod code_tests {
    use super::*;

    fn json(v: impl Serialize) -> String {
        serde_json::to_string(&v).unwrap()
    }

    /// The code is what serde (and, with the `sqlx` feature, sqlx) writes for each variant.
    #[test]
    fn codes_are_what_serde_writes() {
        for s in Seat::ALL {
            assert_eq!(json(s), format!("\"{}\"", s.code()));
            assert_eq!(Seat::from_code(s.code()), Some(s));
        }
        for k in [BoardKind::FirstInstance, BoardKind::Appeal] {
            assert_eq!(json(k), format!("\"{}\"", k.code()));
            assert_eq!(BoardKind::from_code(k.code()), Some(k));
        }
        for k in [
            MemberKind::Judge,
            MemberKind::KanoonRep,
            MemberKind::CenterRep,
        ] {
            assert_eq!(json(k), format!("\"{}\"", k.code()));
            assert_eq!(MemberKind::from_code(k.code()), Some(k));
        }
        assert_eq!(
            serde_json::from_str::<Seat>("\"judge_1\"").unwrap(),
            Seat::Judge1
        );
        assert_eq!(Seat::Representative.title_fa(), "عضو نماینده");
    }
}
