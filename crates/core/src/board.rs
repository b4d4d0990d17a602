//! Who may sit where on a board (Arts 23–26 of the 1401 regulation).
//!
//! A first-instance board has two judges and a Kanoon representative who is an office
//! manager and not on the Kanoon's board of directors (Art 23; its alternate likewise); an appeal board two judges of judicial grade 9 or
//! more and a Center representative (Art 24); each has one alternate of each kind (Art 25);
//! the chair is one of the judges (Art 26).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum BoardKind {
    FirstInstance,
    Appeal,
}

#[cfg(feature = "sqlx")]
sqlx_text_code!(BoardKind, MemberKind, Seat);

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
pub enum Seat {
    // snake_case would write `judge1`: the code has the underscore.
    #[serde(rename = "judge_1")]
    Judge1,
    #[serde(rename = "judge_2")]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub kind: MemberKind,
    pub judicial_grade: Option<u8>,
    pub on_kanoon_directors: bool,
    /// The code of the office whose licence this person holds (مدیر دفتر, Art 1(ث)); `None`
    /// when they manage none. A first-instance board's Kanoon representative must (Art 23).
    pub manages_office: Option<String>,
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
    #[error("{}", not_office_manager(*seat))]
    NotOfficeManager { seat: Seat },
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
    if board == BoardKind::FirstInstance {
        // Art 23: chosen «from among the office managers other than the members of the board
        // of directors»; the alternate (Art 25) stands in for them and meets the same terms.
        if who
            .manages_office
            .as_deref()
            .is_none_or(|c| c.trim().is_empty())
        {
            return Err(CompositionError::NotOfficeManager { seat });
        }
        if who.on_kanoon_directors {
            return Err(CompositionError::KanoonDirector);
        }
    }
    Ok(())
}

fn not_office_manager(seat: Seat) -> String {
    let (whom, cite) = if seat.is_alternate() {
        (
            "عضو علی‌البدل نمایندهٔ کانون در هیأت بدوی",
            "ماده ۲۳ و ماده ۲۵",
        )
    } else {
        ("نمایندهٔ کانون در هیأت بدوی", "ماده ۲۳")
    };
    format!(
        "{whom} باید از میان مدیران دفتر (دارندگان پروانهٔ دفتر) باشد؛ کد دفتری را که او مدیر آن است بدهید، یا مدیر دفتری را برگزینید ({cite})"
    )
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
            manages_office: None,
        }
    }

    fn kanoon_rep(manages_office: Option<&str>, on_kanoon_directors: bool) -> Candidate {
        Candidate {
            kind: MemberKind::KanoonRep,
            judicial_grade: None,
            on_kanoon_directors,
            manages_office: manages_office.map(str::to_owned),
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
        let director = kanoon_rep(Some("11560027"), true);
        assert_eq!(
            check_seat(BoardKind::FirstInstance, Seat::Representative, &director),
            Err(CompositionError::KanoonDirector)
        );
        let plain = kanoon_rep(Some("11560027"), false);
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

    /// Art 23: the Kanoon's representative is chosen from among the office managers; the
    /// alternate representative (Art 25) likewise.
    #[test]
    fn the_kanoon_representative_manages_an_office() {
        for seat in [Seat::Representative, Seat::AlternateRepresentative] {
            for who in [
                kanoon_rep(None, false),
                kanoon_rep(Some(""), false),
                kanoon_rep(Some("  "), false),
            ] {
                let err = check_seat(BoardKind::FirstInstance, seat, &who).unwrap_err();
                assert_eq!(err, CompositionError::NotOfficeManager { seat });
                let text = err.to_string();
                assert!(text.contains("ماده ۲۳"), "{text}");
                assert!(text.contains("مدیران دفتر"), "{text}");
                assert!(text.contains("کد دفتر"), "says what to fix: {text}");
                assert!(!text.contains('\n'), "one line: {text}");
            }
            assert!(
                check_seat(
                    BoardKind::FirstInstance,
                    seat,
                    &kanoon_rep(Some("11560027"), false)
                )
                .is_ok()
            );
        }
        let alternate = check_seat(
            BoardKind::FirstInstance,
            Seat::AlternateRepresentative,
            &kanoon_rep(None, false),
        )
        .unwrap_err()
        .to_string();
        assert!(alternate.contains("علی‌البدل"), "{alternate}");
        assert!(alternate.contains("ماده ۲۵"), "{alternate}");
        // Not an office manager and on the board of directors: the first condition is named.
        assert_eq!(
            check_seat(
                BoardKind::FirstInstance,
                Seat::Representative,
                &kanoon_rep(None, true)
            ),
            Err(CompositionError::NotOfficeManager {
                seat: Seat::Representative
            })
        );
    }

    /// Art 24 sets no such condition for the appeal board's Center representative, and a
    /// judge's seat does not ask it.
    #[test]
    fn only_the_first_instance_kanoon_seats_ask_for_an_office() {
        let center = Candidate {
            kind: MemberKind::CenterRep,
            ..kanoon_rep(None, false)
        };
        assert!(check_seat(BoardKind::Appeal, Seat::Representative, &center).is_ok());
        assert!(check_seat(BoardKind::Appeal, Seat::AlternateRepresentative, &center).is_ok());
        assert!(check_seat(BoardKind::FirstInstance, Seat::Judge1, &judge(5)).is_ok());
        assert!(check_seat(BoardKind::FirstInstance, Seat::AlternateJudge, &judge(5)).is_ok());
        // A Kanoon representative on the appeal board is the wrong kind, office or not.
        assert!(matches!(
            check_seat(
                BoardKind::Appeal,
                Seat::Representative,
                &kanoon_rep(Some("11560027"), false)
            ),
            Err(CompositionError::WrongRepresentative { .. })
        ));
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
