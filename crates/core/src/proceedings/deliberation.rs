//! Deliberation and vote (Arts 27–28; DOMAIN.md, "How a case moves", steps 4–5): the
//! questions put to the board, how a vote on the grade is read and checked, the majority, and
//! the ruling's draft seeded from what the majority decided.

use super::{ProceedingError, QuestionKind};
use crate::engine::GradeRange;
use crate::{to_latin_digits, to_persian_digits};
use serde::{Deserialize, Serialize};

/// A question put to the vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Question {
    pub kind: QuestionKind,
    /// For a question of guilt: the charge it asks about.
    pub charge_id: Option<i64>,
    pub text_fa: String,
}

/// The questions of a session, in the order they are put: one of guilt per charge
/// (`(charge id, title)`), then the grade (Arts 29, 34–44), mitigation (Art 32) and suspended
/// prosecution (Art 31).
pub fn questions_for(charges: &[(i64, String)]) -> Vec<Question> {
    let mut out: Vec<Question> = charges
        .iter()
        .map(|(id, title)| Question {
            kind: QuestionKind::Guilt,
            charge_id: Some(*id),
            text_fa: format!("آیا تخلف «{title}» محرز است؟"),
        })
        .collect();
    for (kind, text) in [
        (
            QuestionKind::Grade,
            "درجهٔ مجازات کدام است؟ (مواد ۲۹ و ۳۴ تا ۴۴)",
        ),
        (
            QuestionKind::Mitigation,
            "آیا مجازات یک یا دو درجه تخفیف یابد؟ (مادهٔ ۳۲)",
        ),
        (
            QuestionKind::Suspension,
            "آیا تعقیب یک تا دو سال معلق شود؟ (مادهٔ ۳۱)",
        ),
    ] {
        out.push(Question {
            kind,
            charge_id: None,
            text_fa: text.to_owned(),
        });
    }
    out
}

/// The grade a vote names («درجهٔ ۵», «5»): one of Art 29's seven, standing alone.
pub fn grade_in(choice: &str) -> Option<u8> {
    let latin = to_latin_digits(choice);
    let digits: Vec<&str> = latin
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .collect();
    match digits.as_slice() {
        [one] => one.parse().ok().filter(|g| (1..=7).contains(g)),
        _ => None,
    }
}

/// Refuses a grade outside what the code allows for the case, as the engine computed it: the
/// clause's grade, raised by Arts 43–44, lowered at most two by Art 32.
pub fn check_grade(range: &GradeRange, grade: u8) -> Result<(), ProceedingError> {
    let lowest = range.lowest_with_mitigation.unwrap_or(range.min);
    if grade < lowest || grade > range.max {
        return Err(ProceedingError::GradeNotAllowed {
            grade,
            lowest,
            highest: range.max,
        });
    }
    Ok(())
}

/// A member's vote as it is kept. On the grade it names one grade the code allows for the case
/// (`range`, Arts 29, 32, 34–44) and is kept as «درجهٔ n», so that the same grade typed two ways
/// counts as one choice; any other vote is kept trimmed, with Persian digits.
pub fn grade_choice(
    kind: QuestionKind,
    choice: &str,
    range: Option<&GradeRange>,
) -> Result<String, ProceedingError> {
    let choice = to_persian_digits(choice.trim());
    if kind != QuestionKind::Grade {
        return Ok(choice);
    }
    let grade = grade_in(&choice).ok_or_else(|| ProceedingError::NotAGrade {
        choice: choice.clone(),
    })?;
    check_grade(range.ok_or(ProceedingError::NoGradeRange)?, grade)?;
    Ok(format!("درجهٔ {}", to_persian_digits(&grade.to_string())))
}

/// The words of an agreeing vote, as the session panel offers them.
const YES: [&str; 4] = ["محرز است", "موافق", "بله", "آری"];
/// Negations that turn a yes word into a no («نامحرز است», «ناموافق»).
const NEGATED: [&str; 4] = ["نامحرز", "غیرمحرز", "غیر محرز", "ناموافق"];

/// Whether a vote agrees («محرز است», «موافق», «بله», «آری»).
pub fn is_yes(choice: &str) -> bool {
    let choice = choice.replace('\u{200c}', "");
    YES.iter().any(|y| choice.contains(y)) && !NEGATED.iter().any(|n| choice.contains(n))
}

/// The choice more than half of those `sitting` made, if any (Art 28: 2 of 3).
pub fn majority<'a>(choices: &[&'a str], sitting: usize) -> Option<&'a str> {
    choices
        .iter()
        .copied()
        .find(|c| choices.iter().filter(|x| *x == c).count() * 2 > sitting)
}

/// A member's vote on a question, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CastVote {
    pub kind: QuestionKind,
    pub charge_id: Option<i64>,
    pub question: String,
    pub member_id: i64,
    pub choice: String,
    pub dissent: Option<String>,
}

/// The result a ruling's draft states, as the UI's draft names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A penalty of Art 29.
    Penalty,
    Acquittal,
    /// Art 31.
    SuspendedProsecution,
    /// Art 45 alone: the licence revoked because the manager lost, or never had, the
    /// conditions of Arts 9–11.
    LicenceRevocation,
}

/// What the session's votes decided, for the ruling's draft: only what the votes decide; the
/// chair writes the rest (Art 27).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RulingSeed {
    pub verdict: Option<Verdict>,
    pub grade: Option<u8>,
    /// The member in the minority who wrote a dissent, and what he wrote.
    pub dissent_member_id: Option<i64>,
    pub dissent: Option<String>,
    /// Charges the majority found not established, and established.
    pub acquitted_charges: Vec<i64>,
    pub established_charges: Vec<i64>,
}

/// The ruling's draft seeded from the votes of a session where `sitting` members sat: the
/// grade the majority chose (a penalty); a suspended prosecution the majority agreed to
/// (Art 31); an acquittal when every charge whose guilt was decided was found not established;
/// the first dissent written. Each question is read by its kind, not its words.
pub fn seed_ruling(votes: &[CastVote], sitting: usize) -> RulingSeed {
    let mut seed = RulingSeed::default();
    // The questions in the order they were first voted on.
    let mut questions: Vec<&CastVote> = Vec::new();
    for v in votes {
        if !questions
            .iter()
            .any(|q| q.question == v.question && q.kind == v.kind && q.charge_id == v.charge_id)
        {
            questions.push(v);
        }
    }
    let (mut guilt_decided, mut guilt_established) = (0, 0);
    let mut suspended = false;
    for q in questions {
        let choices: Vec<&str> = votes
            .iter()
            .filter(|v| v.question == q.question && v.kind == q.kind && v.charge_id == q.charge_id)
            .map(|v| v.choice.as_str())
            .collect();
        let Some(decided) = majority(&choices, sitting) else {
            continue;
        };
        match q.kind {
            QuestionKind::Grade => {
                if let Some(grade) = grade_in(decided) {
                    seed.verdict = Some(Verdict::Penalty);
                    seed.grade = Some(grade);
                }
            }
            QuestionKind::Suspension => suspended |= is_yes(decided),
            QuestionKind::Guilt => {
                guilt_decided += 1;
                let list = match is_yes(decided) {
                    true => {
                        guilt_established += 1;
                        &mut seed.established_charges
                    }
                    false => &mut seed.acquitted_charges,
                };
                if let Some(id) = q.charge_id
                    && !list.contains(&id)
                {
                    list.push(id);
                }
            }
            QuestionKind::Mitigation => {}
        }
    }
    if suspended {
        seed.verdict = Some(Verdict::SuspendedProsecution);
    }
    if guilt_decided > 0 && guilt_established == 0 {
        seed.verdict = Some(Verdict::Acquittal);
        seed.grade = None;
    }
    if let Some(v) = votes
        .iter()
        .find(|v| v.dissent.as_deref().is_some_and(|d| !d.trim().is_empty()))
    {
        seed.dissent_member_id = Some(v.member_id);
        seed.dissent = v.dissent.as_deref().map(|d| d.trim().to_owned());
    }
    seed
}
