//! A session of a board: who sits, whether it may sit at all, who chairs, and how a question
//! is decided (Arts 26–28 of the 1401 regulation).
//!
//! A session is held only with all members present; an absent (or recused) member is replaced
//! by the alternate of the same kind (Arts 25, 28). A [`Sitting`] can only be made by
//! [`seat_the_board`], which checks that quorum, so no vote can be counted without it. The
//! majority decides (2 of 3); a member in the minority may write a dissent.

use crate::board::Seat;
use serde::{Deserialize, Serialize};

/// The three places of a sitting board.
pub const PRINCIPAL_SEATS: [Seat; 3] = [Seat::Judge1, Seat::Judge2, Seat::Representative];

/// Who is in the room, by seat of the board's roster.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    /// Seats whose holder attended.
    pub present: Vec<Seat>,
    /// Seats whose holder attended but stepped aside for a conflict of interest.
    pub recused: Vec<Seat>,
}

/// One of the three places and who fills it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The principal seat (judge 1, judge 2, representative).
    pub seat: Seat,
    /// The roster seat whose holder sits there: the seat itself, or its alternate.
    pub filled_by: Seat,
}

impl Place {
    pub fn by_alternate(&self) -> bool {
        self.seat != self.filled_by
    }
}

/// A board with every place filled: the only way to hold a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sitting {
    places: [Place; 3],
}

/// Why a session cannot sit, or a vote cannot be counted. Each message says what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error(
        "جلسه رسمیت ندارد: جای {} خالی است و عضو علی‌البدل هم‌سنخ حاضر نیست یا جای دیگری را پر کرده است. همهٔ اعضا باید حاضر باشند (ماده ۲۸)؛ حضور عضو علی‌البدل را ثبت کنید یا جلسه را تجدید کنید.",
        names(.0)
    )]
    NoQuorum(Vec<Seat>),
    #[error("«{}» نمی‌تواند هم حاضر باشد و هم کناره‌گیری کند؛ یکی را برگزینید.", .0.title_fa())]
    PresentAndRecused(Seat),
    #[error("رئیس هیأت باید یکی از دو عضو قاضیِ حاضر در جلسه باشد (ماده ۲۶).")]
    ChairNotSittingJudge,
    #[error("برای انتخاب رئیس هیأت، دست‌کم دو عضو باید به یک قاضی رأی دهند (ماده ۲۶).")]
    NoChairMajority,
    #[error("«{}» در این جلسه عضو هیأت نیست و نمی‌تواند رأی دهد.", .0.title_fa())]
    NotSitting(Seat),
    #[error("«{}» پیش‌تر به این پرسش رأی داده است؛ هر عضو یک رأی دارد.", .0.title_fa())]
    VotedTwice(Seat),
    #[error("نظر مخالف را تنها عضوی می‌نویسد که در اقلیت است؛ «{}» با اکثریت رأی داده است.", .0.title_fa())]
    DissentFromMajority(Seat),
}

fn names(seats: &[Seat]) -> String {
    seats
        .iter()
        .map(|s| format!("«{}»", s.title_fa()))
        .collect::<Vec<_>>()
        .join(" و ")
}

/// Fills the three places from the attendance: each holder present and not recused sits in
/// his own place; otherwise the alternate of the same kind, if present, not recused and not
/// already sitting elsewhere. Refused when a place stays empty (Art 28).
pub fn seat_the_board(attendance: &Attendance) -> Result<Sitting, SessionError> {
    if let Some(&seat) = attendance
        .recused
        .iter()
        .find(|s| attendance.present.contains(s))
    {
        return Err(SessionError::PresentAndRecused(seat));
    }
    let available = |seat: Seat| attendance.present.contains(&seat);
    let mut used_alternates: Vec<Seat> = Vec::new();
    let mut places = Vec::with_capacity(3);
    let mut empty = Vec::new();
    for seat in PRINCIPAL_SEATS {
        if available(seat) {
            places.push(Place {
                seat,
                filled_by: seat,
            });
            continue;
        }
        match seat.alternate() {
            Some(alt) if available(alt) && !used_alternates.contains(&alt) => {
                used_alternates.push(alt);
                places.push(Place {
                    seat,
                    filled_by: alt,
                });
            }
            _ => empty.push(seat),
        }
    }
    if !empty.is_empty() {
        return Err(SessionError::NoQuorum(empty));
    }
    Ok(Sitting {
        places: [places[0], places[1], places[2]],
    })
}

impl Sitting {
    pub fn places(&self) -> &[Place; 3] {
        &self.places
    }

    /// Whether the holder of roster seat `who` sits in this session.
    pub fn sits(&self, who: Seat) -> bool {
        self.places.iter().any(|p| p.filled_by == who)
    }

    /// Elects the chair from the votes of the sitting members (voter, candidate), both given
    /// as roster seats. The candidate must be a sitting judge and win at least two votes.
    pub fn elect_chair(&self, votes: &[(Seat, Seat)]) -> Result<Seat, SessionError> {
        let mut seen = Vec::new();
        for &(voter, candidate) in votes {
            if !self.sits(voter) {
                return Err(SessionError::NotSitting(voter));
            }
            if seen.contains(&voter) {
                return Err(SessionError::VotedTwice(voter));
            }
            seen.push(voter);
            if !self.sits(candidate) || !candidate.is_judge_seat() {
                return Err(SessionError::ChairNotSittingJudge);
            }
        }
        self.places
            .iter()
            .map(|p| p.filled_by)
            .filter(|s| s.is_judge_seat())
            .find(|&judge| votes.iter().filter(|(_, c)| *c == judge).count() >= 2)
            .ok_or(SessionError::NoChairMajority)
    }

    /// Counts the votes on one question. Every voter must sit, and vote once; a dissent
    /// is written only by a member in the minority. The result is decided once two votes
    /// agree; until then, or when all three differ, there is no majority yet.
    pub fn tally(&self, votes: &[Vote]) -> Result<Tally, SessionError> {
        let mut seen: Vec<Seat> = Vec::new();
        for v in votes {
            if !self.sits(v.member) {
                return Err(SessionError::NotSitting(v.member));
            }
            if seen.contains(&v.member) {
                return Err(SessionError::VotedTwice(v.member));
            }
            seen.push(v.member);
        }
        let majority = votes
            .iter()
            .map(|v| &v.choice)
            .find(|choice| votes.iter().filter(|v| &v.choice == *choice).count() >= 2)
            .cloned();
        if let Some(choice) = &majority
            && let Some(v) = votes
                .iter()
                .find(|v| &v.choice == choice && v.dissent.is_some())
        {
            return Err(SessionError::DissentFromMajority(v.member));
        }
        let dissenters = match &majority {
            Some(choice) => votes
                .iter()
                .filter(|v| &v.choice != choice)
                .map(|v| v.member)
                .collect(),
            None => Vec::new(),
        };
        Ok(Tally {
            decided: majority,
            votes_cast: votes.len() as u8,
            awaiting: self
                .places
                .iter()
                .map(|p| p.filled_by)
                .filter(|s| !seen.contains(s))
                .collect(),
            dissenters,
        })
    }
}

/// A member's vote on a question: the choice (e.g. `guilty`, `acquitted`, a grade `5`),
/// and, in the minority, the reasons of the dissent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    /// The roster seat of the member who votes.
    pub member: Seat,
    pub choice: String,
    pub dissent: Option<String>,
}

/// The count on one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// The majority's choice, once two members agree.
    pub decided: Option<String>,
    pub votes_cast: u8,
    /// Sitting members who have not voted yet.
    pub awaiting: Vec<Seat>,
    /// Members who voted against the majority.
    pub dissenters: Vec<Seat>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use Seat::*;

    fn all_present() -> Attendance {
        Attendance {
            present: vec![Judge1, Judge2, Representative],
            recused: vec![],
        }
    }

    fn vote(member: Seat, choice: &str) -> Vote {
        Vote {
            member,
            choice: choice.into(),
            dissent: None,
        }
    }

    #[test]
    fn the_full_board_sits_in_its_own_places() {
        let sitting = seat_the_board(&all_present()).unwrap();
        assert!(sitting.places().iter().all(|p| !p.by_alternate()));
    }

    #[test]
    fn an_absent_judge_is_replaced_by_the_alternate_judge() {
        let a = Attendance {
            present: vec![Judge1, Representative, AlternateJudge],
            recused: vec![],
        };
        let sitting = seat_the_board(&a).unwrap();
        assert_eq!(
            sitting.places()[1],
            Place {
                seat: Judge2,
                filled_by: AlternateJudge
            }
        );
        assert!(sitting.sits(AlternateJudge));
    }

    #[test]
    fn a_recused_representative_is_replaced_by_the_alternate_representative() {
        let a = Attendance {
            present: vec![Judge1, Judge2, AlternateRepresentative],
            recused: vec![Representative],
        };
        let sitting = seat_the_board(&a).unwrap();
        assert_eq!(sitting.places()[2].filled_by, AlternateRepresentative);
    }

    #[test]
    fn no_quorum_without_every_place_filled() {
        // Two judges absent, one alternate judge: one place stays empty.
        let a = Attendance {
            present: vec![Representative, AlternateJudge],
            recused: vec![],
        };
        let err = seat_the_board(&a).unwrap_err();
        assert_eq!(err, SessionError::NoQuorum(vec![Judge2]));
        assert!(err.to_string().contains("ماده ۲۸"), "{err}");
        // An alternate of the other kind does not replace a judge.
        let a = Attendance {
            present: vec![Judge1, Representative, AlternateRepresentative],
            recused: vec![],
        };
        assert_eq!(
            seat_the_board(&a).unwrap_err(),
            SessionError::NoQuorum(vec![Judge2])
        );
        let a = Attendance {
            present: vec![Judge1, Judge2],
            recused: vec![Judge1],
        };
        assert_eq!(
            seat_the_board(&a).unwrap_err(),
            SessionError::PresentAndRecused(Judge1)
        );
    }

    #[test]
    fn the_chair_is_a_sitting_judge_elected_by_two_votes() {
        let sitting = seat_the_board(&all_present()).unwrap();
        let chair = sitting
            .elect_chair(&[(Judge1, Judge2), (Judge2, Judge2), (Representative, Judge1)])
            .unwrap();
        assert_eq!(chair, Judge2);
        assert_eq!(
            sitting
                .elect_chair(&[(Judge1, Representative)])
                .unwrap_err(),
            SessionError::ChairNotSittingJudge
        );
        assert_eq!(
            sitting
                .elect_chair(&[(Judge1, Judge1), (Judge2, Judge2)])
                .unwrap_err(),
            SessionError::NoChairMajority
        );
    }

    #[test]
    fn two_of_three_decide_and_the_minority_may_dissent() {
        let sitting = seat_the_board(&all_present()).unwrap();
        let mut votes = vec![vote(Judge1, "5"), vote(Judge2, "5")];
        let mut dissent = vote(Representative, "4");
        dissent.dissent = Some("سابقهٔ درخشان مدیر دفتر تخفیف را ایجاب می‌کرد.".into());
        votes.push(dissent);
        let t = sitting.tally(&votes).unwrap();
        assert_eq!(t.decided.as_deref(), Some("5"));
        assert_eq!(t.dissenters, vec![Representative]);
        assert!(t.awaiting.is_empty());
    }

    #[test]
    fn a_vote_is_refused_twice_from_outside_or_as_a_majority_dissent() {
        let sitting = seat_the_board(&all_present()).unwrap();
        let err = sitting
            .tally(&[vote(Judge1, "guilty"), vote(Judge1, "acquitted")])
            .unwrap_err();
        assert_eq!(err, SessionError::VotedTwice(Judge1));
        assert!(err.to_string().contains("یک رأی"), "{err}");
        assert_eq!(
            sitting
                .tally(&[vote(AlternateJudge, "guilty")])
                .unwrap_err(),
            SessionError::NotSitting(AlternateJudge)
        );
        let mut with_majority = vote(Judge2, "guilty");
        with_majority.dissent = Some("مخالفم".into());
        assert_eq!(
            sitting
                .tally(&[vote(Judge1, "guilty"), with_majority])
                .unwrap_err(),
            SessionError::DissentFromMajority(Judge2)
        );
    }

    #[test]
    fn no_majority_until_two_agree() {
        let sitting = seat_the_board(&all_present()).unwrap();
        let t = sitting.tally(&[vote(Judge1, "4")]).unwrap();
        assert_eq!(t.decided, None);
        assert_eq!(t.awaiting, vec![Judge2, Representative]);
        let t = sitting
            .tally(&[
                vote(Judge1, "4"),
                vote(Judge2, "5"),
                vote(Representative, "6"),
            ])
            .unwrap();
        assert_eq!(t.decided, None);
        assert!(t.dissenters.is_empty());
    }
}
