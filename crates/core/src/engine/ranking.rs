//! Index 7 of the 1404 Ranking Instruction (Art 4, item 7): the office's disciplinary and
//! judicial record in the evaluation period. No conviction → 100. Otherwise, except
//! convictions that revoke the licence, each conviction is deducted as its clause says
//! (values read from `regulations/1404-ranking.toml`): final conviction for crimes of
//! grades 1–3 (Islamic Penal Code Art 19) → the rank is lowered up to two levels; intentional
//! crimes of grades 4–8 → −40; disciplinary grades 1–4 → −20; grade 5 → −30; grade 6 → −50.
//!
//! The exception «به استثنای مواردی که موجب لغو پروانه می‌شود» covers every conviction that
//! revokes the licence: a 1401 grade 7, a 1396 or 1392 grade 6 («لغو دایم پروانه»), and a
//! criminal conviction that revoked the licence. The instruction (1404) counts grades as the
//! 1401 code numbers them; an older code's grade 1–5 is read as the same 1401 grade.
//!
//! Reading (the text does not say how several convictions combine): each conviction is
//! deducted on its own and the score does not go below 0.

use serde::Serialize;
use ts_rs::TS;

use super::{CaseError, Code, fa};
use crate::regulation::{Clause, Library, PenaltyKind};

/// A final conviction in the evaluation period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankingConviction {
    /// A disciplinary penalty of this grade under the code that judged it.
    Disciplinary { grade: u8, regulation: Code },
    /// A criminal conviction for a crime of this grade (Islamic Penal Code Art 19, 1–8);
    /// `revoked_licence` when it revoked the office's licence.
    Criminal {
        crime_grade: u8,
        intentional: bool,
        revoked_licence: bool,
    },
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
        RankingConviction::Disciplinary { grade, .. } => clause
            .disciplinary_grades
            .is_some_and(|[lo, hi]| (lo..=hi).contains(&grade)),
        RankingConviction::Criminal {
            crime_grade,
            intentional,
            ..
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
            RankingConviction::Disciplinary { grade, regulation }
                if !(1..=regulation.max_grade()).contains(&grade) =>
            {
                return Err(CaseError::new(
                    format!("convictions[{i}].grade"),
                    format!(
                        "درجه در {} باید ۱ تا {} باشد",
                        regulation.name_fa(),
                        fa(regulation.max_grade())
                    ),
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
        // The exception: whatever revoked the licence.
        let revocation = match c {
            RankingConviction::Disciplinary { grade, regulation } => lib
                .penalty(regulation.id(), grade)
                .filter(|p| p.kind == PenaltyKind::Revocation)
                .map(|p| {
                    (
                        format!(
                            "محکومیت به {} موجب لغو پروانه است و از موارد کسر امتیاز مستثناست.",
                            super::penalty_words_fa(regulation, &p)
                        ),
                        format!(
                            "A grade {grade} penalty of the {} code revokes the licence: excluded from the deductions.",
                            regulation.id()
                        ),
                    )
                }),
            RankingConviction::Criminal {
                revoked_licence: true,
                ..
            } => Some((
                "محکومیت کیفری که موجب لغو پروانه شده است از موارد کسر امتیاز مستثناست.".into(),
                "A criminal conviction that revoked the licence is excluded from the deductions."
                    .into(),
            )),
            _ => None,
        };
        if let Some((reason_fa, reason_en)) = revocation {
            effects.push(IndexEffect {
                conviction: i,
                clause: None,
                deduction: 0,
                rank_levels_down_max: 0,
                reason_fa,
                reason_en,
            });
            continue;
        }
        let read_as = match c {
            RankingConviction::Disciplinary { grade, regulation } if regulation != Code::V1401 => {
                format!(
                    " (درجه {} {} همان درجه {} آیین‌نامه ۱۴۰۱ خوانده شده است.)",
                    fa(grade),
                    regulation.name_fa(),
                    fa(grade)
                )
            }
            _ => String::new(),
        };
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
                        format!("«{}»: تنزل رتبه تا {} درجه.{read_as}", cl.title_fa, fa(l))
                    } else {
                        format!("«{}»: {} امتیاز کسر می‌شود.{read_as}", cl.title_fa, fa(d))
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

    fn d(grade: u8) -> RankingConviction {
        Disciplinary {
            grade,
            regulation: Code::V1401,
        }
    }

    fn older(grade: u8) -> RankingConviction {
        Disciplinary {
            grade,
            regulation: Code::V1396,
        }
    }

    fn crime(crime_grade: u8, intentional: bool) -> RankingConviction {
        Criminal {
            crime_grade,
            intentional,
            revoked_licence: false,
        }
    }

    fn score(c: &[RankingConviction]) -> Index7 {
        index7(library().unwrap(), c).unwrap()
    }

    #[test]
    fn no_conviction_is_full_score() {
        assert_eq!(score(&[]).score, 100);
    }

    #[test]
    fn deductions_by_grade() {
        assert_eq!(score(&[d(1)]).score, 80);
        assert_eq!(score(&[d(4)]).score, 80);
        assert_eq!(score(&[d(5)]).score, 70);
        assert_eq!(score(&[d(6)]).score, 50);
        assert_eq!(score(&[d(7)]).score, 100);
        let c = score(&[crime(5, true)]);
        assert_eq!(
            (c.score, c.effects[0].clause.as_deref()),
            (60, Some("1404:4:7:b"))
        );
        assert_eq!(score(&[crime(5, false)]).score, 100);
        let grave = score(&[crime(2, true)]);
        assert_eq!((grave.score, grave.rank_levels_down_max), (100, 2));
    }

    #[test]
    fn every_revocation_is_excepted() {
        // A 1396 grade 6 is «لغو دایم پروانه», not a 1401 grade 6 suspension.
        let r = score(&[older(6)]);
        assert_eq!((r.score, r.effects[0].clause.as_deref()), (100, None));
        assert!(r.effects[0].reason_fa.contains("لغو دائم پروانه"), "{r:?}");
        let r = score(&[Disciplinary {
            grade: 6,
            regulation: Code::V1392,
        }]);
        assert_eq!(r.score, 100);
        // A criminal conviction that revoked the licence, even of a grade 1–3 crime.
        let r = score(&[Criminal {
            crime_grade: 2,
            intentional: true,
            revoked_licence: true,
        }]);
        assert_eq!((r.score, r.rank_levels_down_max), (100, 0));
        // Older grades 1–5 read as the same 1401 grades.
        let r = score(&[older(5)]);
        assert_eq!(
            (r.score, r.effects[0].clause.as_deref()),
            (70, Some("1404:4:7:d"))
        );
        assert!(r.effects[0].reason_fa.contains("۱۴۰۱"), "{r:?}");
    }

    #[test]
    fn several_convictions_add_up_and_stop_at_zero() {
        assert_eq!(score(&[d(3), d(5)]).score, 50);
        assert_eq!(score(&[d(6); 3]).score, 0);
    }

    #[test]
    fn out_of_range_grades_are_refused() {
        assert!(index7(library().unwrap(), &[d(0)]).is_err());
        assert!(index7(library().unwrap(), &[older(7)]).is_err());
        assert!(index7(library().unwrap(), &[crime(9, true)]).is_err());
    }
}
