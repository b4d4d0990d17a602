//! Appeals: Art 33 of the 1401 code (1396 Art 36, 1392 Art 24), Art 45, and the deadline
//! rule of the Civil Procedure Code (Arts 443–445).

use super::model::*;
use super::{CaseError, fa};
use crate::date::{DateError, JalaliDate};
use crate::regulation::Library;

/// Days to appeal (Arts 33, 45; 1396 Art 36).
pub const APPEAL_DAYS: i64 = 20;

/// The last day to appeal: the `days`-th day after `notified_on` (the notification day is
/// not counted, CPC Art 445); while that day is a Friday or in `holidays`, the next day
/// (CPC Art 444).
pub fn appeal_deadline(
    notified_on: JalaliDate,
    days: i64,
    holidays: &[JalaliDate],
) -> Result<JalaliDate, DateError> {
    let mut last = notified_on.add_days(days)?;
    // Bounded: at most one step per listed holiday plus the Fridays between them.
    for _ in 0..=(holidays.len() * 2 + 2) {
        if last.is_friday() || holidays.contains(&last) {
            last = last.add_days(1)?;
        } else {
            break;
        }
    }
    Ok(last)
}

fn deadline_for(case: &Case, d: &Decision) -> Result<Option<JalaliDate>, CaseError> {
    d.notified_on
        .map(|n| appeal_deadline(n, APPEAL_DAYS, &case.holidays))
        .transpose()
        .map_err(|e| CaseError::new("decision.notified_on", e.to_string()))
}

fn deadline_reason(d: &Decision, deadline: Option<JalaliDate>) -> (String, String) {
    match (d.notified_on, deadline) {
        (Some(n), Some(last)) => {
            let plain = n.add_days(APPEAL_DAYS).ok();
            let moved = plain.is_some_and(|p| p != last);
            let moved_fa = if moved {
                format!(
                    " روز بیستم ({}) جمعه یا تعطیل است و مهلت به نخستین روز کاری بعد منتقل می‌شود (ماده ۴۴۴ قانون آیین دادرسی مدنی).",
                    plain.map(|p| p.format_fa()).unwrap_or_default()
                )
            } else {
                String::new()
            };
            let moved_en = if moved {
                " The 20th day is a Friday or holiday, so the deadline moves to the next working day (CPC Art 444)."
            } else {
                ""
            };
            (
                format!(
                    " مهلت بیست روز از ابلاغ ({}) است و روز ابلاغ شمرده نمی‌شود (ماده ۴۴۵ قانون آیین دادرسی مدنی)؛ آخرین روز: {}.{moved_fa}",
                    n.format_fa(),
                    last.format_fa()
                ),
                format!(
                    " Twenty days from notification on {n}, not counting that day (CPC Art 445): last day {last}.{moved_en}"
                ),
            )
        }
        _ => (
            " مهلت بیست روز از تاریخ ابلاغ است؛ تاریخ ابلاغ هنوز داده نشده است.".to_string(),
            " Twenty days from notification; no notification date was given.".to_string(),
        ),
    }
}

fn step(article: &str, reason_fa: String, reason_en: String) -> Step {
    Step {
        article: article.to_string(),
        clause: None,
        charge: None,
        mandatory: true,
        from: None,
        to: None,
        reason_fa,
        reason_en,
        reading: None,
    }
}

/// Who may appeal the decision, until when, and to which board.
pub(super) fn appeal(
    case: &Case,
    d: &Decision,
    code: Code,
    steps: &mut Vec<Step>,
) -> Result<Appeal, CaseError> {
    let top = code.max_grade();
    let article = code.appeal_article();
    let check = |field: &str, g: u8| {
        if (1..=top).contains(&g) {
            Ok(())
        } else {
            Err(CaseError::new(
                field,
                format!(
                    "درجه {} در {} نیست؛ درجات ۱ تا {} است",
                    fa(g),
                    code.name_fa(),
                    fa(top)
                ),
            ))
        }
    };
    match d.outcome {
        DecisionOutcome::Grade(g) => check("decision.grade", g)?,
        DecisionOutcome::Acquitted { charge_grade } => {
            check("decision.charge_grade", charge_grade)?
        }
        DecisionOutcome::Revocation => {
            return Err(CaseError::new(
                "decision",
                "پرونده تخلف دارد: grade (درجه مجازات) یا \"acquitted\": true لازم است",
            ));
        }
    }
    let deadline = deadline_for(case, d)?;
    let (dl_fa, dl_en) = deadline_reason(d, deadline);
    use Appellant::*;
    let (by, deadline, center_head_deadline, reason_fa, reason_en): (
        Vec<Appellant>,
        Option<JalaliDate>,
        Option<JalaliDate>,
        String,
        String,
    ) = match (code, d.outcome) {
        (Code::V1401, DecisionOutcome::Grade(g)) if g >= 4 => (
            vec![Manager, CenterHead],
            deadline,
            deadline,
            format!(
                "رأی به مجازات درجه {} (چهار تا هفت) است و محکوم‌علیه یا رئیس مرکز می‌توانند در هیأت تجدیدنظر اعتراض کنند (ماده ۳۳).{dl_fa}",
                fa(g)
            ),
            format!("A grade {g} penalty (4–7) may be appealed by the manager or the head of the Center to the appeal board (Art 33).{dl_en}"),
        ),
        (Code::V1401, DecisionOutcome::Grade(g)) => {
            steps.push(step(
                article,
                format!("رأی به مجازات درجه {} قطعی است؛ فقط مجازات‌های درجه چهار تا هفت قابل اعتراض است (ماده ۳۳).", fa(g)),
                format!("A grade {g} penalty is final: only grades 4–7 may be appealed (Art 33)."),
            ));
            return Ok(Appeal::Final { appealable: false, article });
        }
        (Code::V1401, DecisionOutcome::Acquitted { charge_grade }) if charge_grade >= 5 => (
            vec![CenterHead],
            deadline,
            deadline,
            format!(
                "رأی برائت در تخلف مستوجب درجه {} (پنج تا هفت) است و رئیس مرکز می‌تواند ظرف همان مهلت اعتراض کند (ماده ۳۳).{dl_fa}",
                fa(charge_grade)
            ),
            format!("An acquittal on a charge of grade {charge_grade} (5–7) may be appealed by the head of the Center (Art 33).{dl_en}"),
        ),
        (Code::V1401, DecisionOutcome::Acquitted { charge_grade }) => {
            steps.push(step(
                article,
                format!("رأی برائت در تخلف مستوجب درجه {} قطعی است؛ فقط برائت در تخلفات درجه پنج تا هفت قابل اعتراض رئیس مرکز است (ماده ۳۳).", fa(charge_grade)),
                format!("An acquittal on a grade {charge_grade} charge is final: only acquittals on grades 5–7 may be appealed (Art 33)."),
            ));
            return Ok(Appeal::Final { appealable: false, article });
        }
        (Code::V1396, DecisionOutcome::Grade(g)) if g >= 5 => (
            vec![Manager, CenterHead],
            deadline,
            None,
            format!(
                "رأی به مجازات ردیف {} است: محکوم‌علیه ظرف بیست روز از ابلاغ، و رئیس مرکز که همه آرای هیأت بدوی را می‌تواند اعتراض کند (بی‌آنکه مهلتی نوشته شده باشد)، در هیأت تجدیدنظر اعتراض می‌کنند (ماده ۳۶ آیین‌نامه ۱۳۹۶).{dl_fa}",
                fa(g)
            ),
            format!("A grade {g} penalty: the manager may appeal within 20 days of notification; the head of the Center may appeal any first-instance ruling, with no deadline written (1396 Art 36).{dl_en}"),
        ),
        (Code::V1396, _) => (
            vec![CenterHead],
            None,
            None,
            "این رأی نسبت به محکوم‌علیه قطعی است (ردیف‌های یک تا چهار) یا رأی برائت است؛ اما همه آرای هیأت بدوی از سوی رئیس مرکز قابل اعتراض است و مهلتی برای آن نوشته نشده است (ماده ۳۶ آیین‌نامه ۱۳۹۶).".to_string(),
            "Final for the manager (grades 1–4) or an acquittal; but the head of the Center may appeal any first-instance ruling, with no deadline written (1396 Art 36).".to_string(),
        ),
        (Code::V1392, DecisionOutcome::Grade(g)) if g >= 5 => (
            vec![Manager, CenterHead],
            None,
            None,
            format!(
                "رأی به مجازات ردیف {} است و با اعتراض محکوم‌علیه یا رئیس مرکز در هیأت تجدیدنظر (اعضای شورای مشورتی) قابل رسیدگی است؛ مهلتی نوشته نشده است (ماده ۲۴ دستورالعمل ۱۳۹۲).",
                fa(g)
            ),
            format!("A grade {g} penalty may be appealed by the manager or the head of the Center to the appeal board (the Consultative Council); no deadline is written (1392 Art 24)."),
        ),
        (Code::V1392, DecisionOutcome::Grade(g)) => {
            steps.push(step(
                article,
                format!("محکومیت ردیف {} (یک تا چهار) قطعی است (ماده ۲۴ دستورالعمل ۱۳۹۲).", fa(g)),
                format!("A grade {g} penalty (1–4) is final (1392 Art 24)."),
            ));
            return Ok(Appeal::Final { appealable: false, article });
        }
        (_, DecisionOutcome::Revocation) => unreachable_revocation()?,
        (Code::V1392, DecisionOutcome::Acquitted { .. }) => {
            steps.push(Step {
                reading: Some(super::readings::ART24_1392_REST),
                ..step(
                article,
                "ماده ۲۴ دستورالعمل ۱۳۹۲ فقط محکومیت‌های ردیف پنج و شش را قابل تجدیدنظر می‌داند؛ برای رأی برائت راه اعتراضی نوشته نشده است.".to_string(),
                "1392 Art 24 opens appeal only against grade 5–6 penalties; nothing is written for acquittals.".to_string(),
            )
            });
            return Ok(Appeal::Final { appealable: false, article });
        }
    };
    steps.push(Step {
        reading: deadline
            .or(center_head_deadline)
            .map(|_| super::readings::APPEAL_DAY_OF_ACT),
        ..step(article, reason_fa, reason_en)
    });
    Ok(Appeal::Open {
        appealable: true,
        by,
        deadline,
        center_head_deadline,
        board: "appeal",
        article,
    })
}

fn unreachable_revocation<T>() -> Result<T, CaseError> {
    Err(CaseError::new(
        "decision",
        "رأی لغو پروانه بدون تخلف فقط در ماده ۴۵ است",
    ))
}

/// The appeal against a decision that may acquit on some charges and convict on the rest:
/// each part's appeal (Art 33: the conviction's grade; an acquittal on a charge of grade 5–7),
/// joined.
pub(super) fn appeal_decision(
    case: &Case,
    d: &Decision,
    code: Code,
    charges: &[ChargeOutcome],
    steps: &mut Vec<Step>,
) -> Result<Appeal, CaseError> {
    let main = appeal(case, d, code, steps)?;
    let acquitted = d
        .acquitted_charges
        .iter()
        .filter_map(|&i| charges.get(i))
        .filter(|c| c.barred.is_none())
        .map(|c| c.grade.unwrap_or(c.grade_range[0]))
        .max();
    let Some(charge_grade) = acquitted else {
        return Ok(main);
    };
    let part = Decision {
        outcome: DecisionOutcome::Acquitted { charge_grade },
        notified_on: d.notified_on,
        acquitted_charges: Vec::new(),
    };
    let other = appeal(case, &part, code, steps)?;
    Ok(match (main, other) {
        (
            Appeal::Open {
                by: mut by_a,
                deadline: da,
                center_head_deadline: ca,
                board,
                article,
                ..
            },
            Appeal::Open {
                by: by_b,
                deadline: db,
                center_head_deadline: cb,
                ..
            },
        ) => {
            for who in by_b {
                if !by_a.contains(&who) {
                    by_a.push(who);
                }
            }
            by_a.sort_by_key(|w| matches!(w, Appellant::CenterHead));
            Appeal::Open {
                appealable: true,
                by: by_a,
                deadline: da.or(db),
                center_head_deadline: ca.or(cb),
                board,
                article,
            }
        }
        (open @ Appeal::Open { .. }, _) | (_, open @ Appeal::Open { .. }) => open,
        (fin, _) => fin,
    })
}

/// Art 45: the first-instance board found the manager lost (or never had) the
/// qualifications (Arts 9–11): the licence is revoked; appealable within 20 days, read like
/// Art 33 (from notification, by the manager or the head of the Center).
pub(super) fn licence_revocation(
    case: &Case,
    lib: &Library,
    current: Code,
    steps: &mut Vec<Step>,
) -> Result<Option<LicenceRevocation>, CaseError> {
    if !case.lacks_qualifications {
        return Ok(None);
    }
    if current != Code::V1401 || lib.article("1401:45").is_none() {
        return Err(CaseError::new(
            "manager.lacks_qualifications",
            "لغو پروانه به سبب فقدان شرایط (ماده ۴۵) فقط در آیین‌نامه ۱۴۰۱ هست و تاریخ جلسه پیش از آن است",
        ));
    }
    let deadline = match &case.decision {
        Some(d) => deadline_for(case, d)?,
        None => None,
    };
    let (dl_fa, dl_en) = match &case.decision {
        Some(d) => deadline_reason(d, deadline),
        None => (
            " مهلت بیست روز از ابلاغ است.".to_string(),
            " Twenty days from notification.".to_string(),
        ),
    };
    steps.push(Step {
        article: "1401:45".to_string(),
        clause: None,
        charge: None,
        mandatory: true,
        from: None,
        to: None,
        reason_fa: format!(
            "هیأت بدوی احراز کرده است که مدیر دفتر شرایط مقرر در آیین‌نامه (مواد ۹ تا ۱۱) را از دست داده یا از ابتدا نداشته است؛ رأی به لغو پروانه صادر می‌شود و ظرف بیست روز در هیأت تجدیدنظر قابل اعتراض است (مبدأ مهلت و معترض در متن نیامده؛ مانند ماده ۳۳: از ابلاغ، محکوم‌علیه یا رئیس مرکز).{dl_fa}"
        ),
        reason_en: format!(
            "The board found the manager lost (or never had) the qualifications (Arts 9–11): the licence is revoked; appealable within 20 days (start and appellants read as in Art 33).{dl_en}"
        ),
        reading: Some(super::readings::ART45_APPEAL),
    });
    Ok(Some(LicenceRevocation {
        article: "1401:45",
        qualifications: case.lost_qualifications.clone(),
        appeal: Appeal::Open {
            appealable: true,
            by: vec![Appellant::Manager, Appellant::CenterHead],
            deadline,
            center_head_deadline: deadline,
            board: "appeal",
            article: "1401:45",
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> JalaliDate {
        JalaliDate::parse(s).unwrap()
    }

    #[test]
    fn twenty_days_not_counting_the_notification_day() {
        assert_eq!(
            appeal_deadline(d("1403/07/10"), 20, &[]).unwrap(),
            d("1403/07/30")
        );
    }

    #[test]
    fn friday_and_holidays_move_the_last_day() {
        // 1403/07/27 is a Friday.
        assert_eq!(
            appeal_deadline(d("1403/07/07"), 20, &[]).unwrap(),
            d("1403/07/28")
        );
        assert_eq!(
            appeal_deadline(d("1403/07/07"), 20, &[d("1403/07/28")]).unwrap(),
            d("1403/07/29")
        );
        // A holiday Thursday followed by Friday: two days later.
        assert_eq!(
            appeal_deadline(d("1403/07/06"), 20, &[d("1403/07/26")]).unwrap(),
            d("1403/07/28")
        );
    }
}
