//! Index 7 of the 1404 Ranking Instruction (Art 4, item 7): the office's disciplinary and
//! judicial record in the evaluation period. No conviction → 100. Otherwise, except
//! convictions that revoke the licence, each conviction is deducted as its clause says
//! (values read from `regulations/1404-ranking.toml`): final conviction for crimes of
//! grades 1–3 (Islamic Penal Code Art 19) → the rank is lowered up to two levels; intentional
//! crimes of grades 4–8 → −40; disciplinary grades 1–4 → −20; grade 5 → −30; grade 6 → −50.
//!
//! Reading (the text does not say how several convictions combine): each conviction is
//! deducted on its own and the score does not go below 0.

use serde::Serialize;
use ts_rs::TS;

use super::{CaseError, fa};
use crate::regulation::{Clause, Library};

/// A final conviction in the evaluation period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankingConviction {
    /// A disciplinary penalty of this grade (1401 Art 29).
    Disciplinary { grade: u8 },
    /// A criminal conviction for a crime of this grade (Islamic Penal Code Art 19, 1–8).
    Criminal { crime_grade: u8, intentional: bool },
}

/// One conviction's effect on the index, with its clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IndexEffect {
    /// Index of the conviction in the input.
    pub conviction: usize,
    /// `1404:4:7:a` … `1404:4:7:e`, or null when no clause counts it.
    pub clause: Option<String>,
    pub deduction: u32,
    pub rank_levels_down_max: u32,
    pub reason_fa: String,
    pub reason_en: String,
}

/// Index 7's score (0–100) and what lowered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Index7 {
    pub score: u32,
    /// Up to how many levels the rank may be lowered (crimes of grades 1–3).
    pub rank_levels_down_max: u32,
    pub effects: Vec<IndexEffect>,
    pub article: &'static str,
}

fn counts(clause: &Clause, c: RankingConviction) -> bool {
    match c {
        RankingConviction::Disciplinary { grade } => clause
            .disciplinary_grades
            .is_some_and(|[lo, hi]| (lo..=hi).contains(&grade)),
        RankingConviction::Criminal {
            crime_grade,
            intentional,
        } => {
            clause
                .crime_grades
                .is_some_and(|[lo, hi]| (lo..=hi).contains(&crime_grade))
                && (intentional || !clause.intentional_only)
        }
    }
}

/// Computes index 7 for the convictions of one evaluation period.
pub fn index7(lib: &Library, convictions: &[RankingConviction]) -> Result<Index7, CaseError> {
    let index = lib
        .clause("1404:4:7")
        .ok_or_else(|| CaseError::new("(مقررات)", "شاخص ۷ دستورالعمل رتبه‌بندی در داده‌ها نیست"))?
        .1;
    let full = index.full_score.unwrap_or(100);
    let article = lib
        .article("1404:4")
        .ok_or_else(|| CaseError::new("(مقررات)", "ماده ۴ دستورالعمل رتبه‌بندی در داده‌ها نیست"))?;
    let mut effects = Vec::new();
    let mut deducted: u32 = 0;
    let mut levels = 0;
    for (i, &c) in convictions.iter().enumerate() {
        match c {
            RankingConviction::Disciplinary { grade } if !(1..=7).contains(&grade) => {
                return Err(CaseError::new(
                    format!("convictions[{i}].grade"),
                    "درجه باید ۱ تا ۷ باشد",
                ));
            }
            RankingConviction::Criminal { crime_grade, .. } if !(1..=8).contains(&crime_grade) => {
                return Err(CaseError::new(
                    format!("convictions[{i}].crime_grade"),
                    "درجه جرم (ماده ۱۹ قانون مجازات اسلامی) باید ۱ تا ۸ باشد",
                ));
            }
            _ => {}
        }
        if c == (RankingConviction::Disciplinary { grade: 7 }) {
            effects.push(IndexEffect {
                conviction: i,
                clause: None,
                deduction: 0,
                rank_levels_down_max: 0,
                reason_fa: "محکومیت درجه هفت (لغو دائم پروانه) از موارد کسر امتیاز مستثناست."
                    .into(),
                reason_en:
                    "A grade 7 penalty (revocation of the licence) is excluded from the deductions."
                        .into(),
            });
            continue;
        }
        let clause = article
            .clause
            .iter()
            .filter(|cl| cl.id.starts_with("1404:4:7:"))
            .find(|cl| counts(cl, c));
        match clause {
            Some(cl) => {
                let d = cl.deduction.unwrap_or(0);
                let l = cl.rank_levels_down_max.unwrap_or(0);
                deducted = deducted.saturating_add(d);
                levels = levels.max(l);
                effects.push(IndexEffect {
                    conviction: i,
                    clause: Some(cl.id.clone()),
                    deduction: d,
                    rank_levels_down_max: l,
                    reason_fa: if l > 0 {
                        format!("«{}»: تنزل رتبه تا {} درجه.", cl.title_fa, fa(l))
                    } else {
                        format!("«{}»: {} امتیاز کسر می‌شود.", cl.title_fa, fa(d))
                    },
                    reason_en: if l > 0 {
                        format!("{}: the rank may be lowered up to {l} levels.", cl.id)
                    } else {
                        format!("{}: {d} points are deducted.", cl.id)
                    },
                });
            }
            None => effects.push(IndexEffect {
                conviction: i,
                clause: None,
                deduction: 0,
                rank_levels_down_max: 0,
                reason_fa: "این محکومیت در هیچ‌یک از بندهای شاخص ۷ نمی‌گنجد (مثلاً جرم غیرعمدی درجه چهار تا هشت).".into(),
                reason_en: "No clause of index 7 counts this conviction (e.g. an unintentional crime of grades 4–8).".into(),
            }),
        }
    }
    Ok(Index7 {
        score: full.saturating_sub(deducted),
        rank_levels_down_max: levels,
        effects,
        article: "1404:4",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regulation::library;
    use RankingConviction::*;

    fn score(c: &[RankingConviction]) -> Index7 {
        index7(library().unwrap(), c).unwrap()
    }

    #[test]
    fn no_conviction_is_full_score() {
        assert_eq!(score(&[]).score, 100);
    }

    #[test]
    fn deductions_by_grade() {
        assert_eq!(score(&[Disciplinary { grade: 1 }]).score, 80);
        assert_eq!(score(&[Disciplinary { grade: 4 }]).score, 80);
        assert_eq!(score(&[Disciplinary { grade: 5 }]).score, 70);
        assert_eq!(score(&[Disciplinary { grade: 6 }]).score, 50);
        assert_eq!(score(&[Disciplinary { grade: 7 }]).score, 100);
        let crime = score(&[Criminal {
            crime_grade: 5,
            intentional: true,
        }]);
        assert_eq!(
            (crime.score, crime.effects[0].clause.as_deref()),
            (60, Some("1404:4:7:b"))
        );
        assert_eq!(
            score(&[Criminal {
                crime_grade: 5,
                intentional: false
            }])
            .score,
            100
        );
        let grave = score(&[Criminal {
            crime_grade: 2,
            intentional: true,
        }]);
        assert_eq!((grave.score, grave.rank_levels_down_max), (100, 2));
    }

    #[test]
    fn several_convictions_add_up_and_stop_at_zero() {
        assert_eq!(
            score(&[Disciplinary { grade: 3 }, Disciplinary { grade: 5 }]).score,
            50
        );
        let many = [Disciplinary { grade: 6 }; 3];
        assert_eq!(score(&many).score, 0);
    }

    #[test]
    fn out_of_range_grades_are_refused() {
        assert!(index7(library().unwrap(), &[Disciplinary { grade: 0 }]).is_err());
        assert!(
            index7(
                library().unwrap(),
                &[Criminal {
                    crime_grade: 9,
                    intentional: true
                }]
            )
            .is_err()
        );
    }
}
