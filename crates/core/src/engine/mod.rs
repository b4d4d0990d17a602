//! The rules engine: from the facts of a case to a suggested penalty range with a trace.
//!
//! Pure: no I/O and no clock (`decided_on` is an input). The engine suggests; where the code
//! leaves the board a choice (Arts 31, 32, 41, 44 second sentence; the older codes' grades)
//! it shows the choice with its article and never makes it. Every [`Step`] names the article
//! (and clause) it applies, whether it is mandatory, the grade before and after, and a Persian
//! and English reason. Article texts come from [`crate::regulation`].
//!
//! Readings fixed by `../shared/contracts/suggest.md` ("Points of reading") are followed
//! exactly; where that contract is silent the choice is written next to the code.

mod appeal;
mod combine;
mod model;
pub mod ranking;
pub mod readings;

pub use appeal::{APPEAL_DAYS, appeal_deadline};
pub use model::*;

use crate::date::JalaliDate;
use crate::regulation::{Library, Measured};
use crate::to_persian_digits;

/// Every article or clause the engine can cite. A test checks that each resolves to stored
/// text, so that no step can cite law that is not in `regulations/`.
pub const CITATIONS: &[&str] = &[
    "1401:9",
    "1401:10",
    "1401:11",
    "1401:29",
    "1401:30",
    "1401:30:a",
    "1401:30:b",
    "1401:30:c",
    "1401:30:d",
    "1401:30:note",
    "1401:31",
    "1401:32",
    "1401:33",
    "1401:34",
    "1401:35",
    "1401:36",
    "1401:37",
    "1401:38",
    "1401:39",
    "1401:40",
    "1401:41",
    "1401:42",
    "1401:43",
    "1401:44",
    "1401:45",
    "1401:54",
    "1396:31",
    "1396:34",
    "1396:35",
    "1396:36",
    "1396:37",
    "1396:38",
    "1396:38:note-2",
    "1396:38:note-3",
    "1396:39",
    "1392:19",
    "1392:22",
    "1392:23",
    "1392:24",
    "1392:25",
    "1392:26",
    "1392:26:note-2",
    "1392:26:note-3",
];

/// Persian digits for a number or a date shown in a reason.
pub(crate) fn fa(x: impl ToString) -> String {
    to_persian_digits(&x.to_string())
}

/// Bad input found while applying the rules: the field (a JSON path such as
/// `charges[1].violation`) and what is wrong, in Persian.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct CaseError {
    pub field: String,
    pub message: String,
}

impl CaseError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The code in force on `date`, or an error naming `field`.
fn code_on(lib: &Library, date: JalaliDate, field: &str) -> Result<Code, CaseError> {
    lib.code_in_force_on(date)
        .and_then(|r| Code::from_id(r.id()))
        .ok_or_else(|| {
            CaseError::new(
                field,
                format!(
                    "در تاریخ {} هیچ‌یک از مقررات انتظامی دفاتر (از ۱۳۹۲/۰۲/۲۶) لازم‌الاجرا نبود",
                    date.format_fa()
                ),
            )
        })
}

/// Applies the rules to a case.
pub fn suggest(case: &Case, lib: &Library) -> Result<Suggestion, CaseError> {
    let current = code_on(lib, case.decided_on, "decided_on")?;
    let mut s = evaluate(case, lib, current)?;
    s.comparison = compare(case, lib, current, &s)?;
    Ok(s)
}

/// The day the 1401 code came into force (reading `in-force-1401`: its approval).
pub(crate) fn in_force_1401(lib: &Library) -> Result<JalaliDate, CaseError> {
    lib.regulation("1401")
        .map(|r| r.regulation.in_force_from)
        .ok_or_else(|| CaseError::new("(مقررات)", "آیین‌نامه ۱۴۰۱ در داده‌ها نیست"))
}

/// The conditions of Arts 9–11 named in `lost_qualifications`, checked.
fn qualification_steps(case: &Case, lib: &Library, steps: &mut Vec<Step>) -> Result<(), CaseError> {
    for (i, id) in case.lost_qualifications.iter().enumerate() {
        let field = format!("manager.lost_qualifications[{i}]");
        let (article, title) = match lib.get(id) {
            Some(crate::regulation::Provision::Clause(a, c)) => (a, c.title_fa.clone()),
            Some(crate::regulation::Provision::Article(a)) => (a, a.title_fa.clone()),
            _ => {
                return Err(CaseError::new(
                    &field,
                    format!("«{id}» شرطی از مواد ۹ تا ۱۱ آیین‌نامه ۱۴۰۱ نیست (نمونه: 1401:9:d)"),
                ));
            }
        };
        if !article.id.starts_with("1401:") || !(9..=11).contains(&article.number) {
            return Err(CaseError::new(
                &field,
                format!("«{id}» شرطی از مواد ۹ تا ۱۱ آیین‌نامه ۱۴۰۱ نیست (نمونه: 1401:9:d)"),
            ));
        }
        if case.lost_qualifications[..i].contains(id) {
            return Err(CaseError::new(&field, "این شرط دو بار آمده است"));
        }
        steps.push(Step {
            article: article.id.clone(),
            clause: (id != &article.id).then(|| id.clone()),
            charge: None,
            mandatory: true,
            from: None,
            to: None,
            reason_fa: format!(
                "هیأت احراز کرده است که مدیر دفتر شرط «{title}» (ماده {} آیین‌نامه ۱۴۰۱) را ندارد.",
                fa(article.number)
            ),
            reason_en: format!(
                "The board found the manager lacks the condition {id} (Art {} of the 1401 code).",
                article.number
            ),
            reading: None,
        });
    }
    Ok(())
}

/// Art 45 alone (Revision 2): no charges, the licence revoked for lost qualifications.
fn revocation_alone(case: &Case, lib: &Library, current: Code) -> Result<Suggestion, CaseError> {
    if current != Code::V1401 || case.regulation.is_older() {
        return Err(CaseError::new(
            "charges",
            "لغو پروانه به سبب فقدان شرایط (ماده ۴۵) فقط در آیین‌نامه ۱۴۰۱ هست؛ در مقررات پیشین دست‌کم یک تخلف لازم است",
        ));
    }
    let mut steps = vec![Step {
        article: "1401:45".to_string(),
        clause: None,
        charge: None,
        mandatory: true,
        from: None,
        to: None,
        reason_fa: "پرونده تخلفی ندارد: موضوع آن فقط فقدان شرایط مدیر دفتر است (ماده ۴۵ آیین‌نامه ۱۴۰۱ که در تاریخ جلسه لازم‌الاجراست)؛ درجه‌ای سنجیده نمی‌شود.".to_string(),
        reason_en: "No charges: the case is only about the manager's qualifications (Art 45 of the 1401 code, in force on the session date); no grade is computed.".to_string(),
        reading: None,
    }];
    qualification_steps(case, lib, &mut steps)?;
    let licence_revocation = appeal::licence_revocation(case, lib, current, &mut steps)?;
    let appeal = match (&case.decision, &licence_revocation) {
        (Some(_), Some(l)) => Some(l.appeal.clone()),
        _ => None,
    };
    Ok(Suggestion {
        regulation: Code::V1401,
        outcome: Outcome::Revocation,
        bar: None,
        charges: Vec::new(),
        grade: None,
        suspension: Suspension::unavailable(),
        steps,
        appeal,
        comparison: None,
        referral: None,
        licence_revocation,
        penalty: None,
        suspension_order: None,
    })
}

/// Everything but the comparison.
fn evaluate(case: &Case, lib: &Library, current: Code) -> Result<Suggestion, CaseError> {
    if case.charges.is_empty() {
        if case.lacks_qualifications || !case.lost_qualifications.is_empty() {
            return revocation_alone(case, lib, current);
        }
        return Err(CaseError::new(
            "charges",
            "دست‌کم یک تخلف لازم است (یا فقدان شرایط مدیر، ماده ۴۵)",
        ));
    }
    if let Some(d) = &case.decision {
        for (k, &i) in d.acquitted_charges.iter().enumerate() {
            if i >= case.charges.len() || d.acquitted_charges[..k].contains(&i) {
                return Err(CaseError::new(
                    format!("decision.acquitted_charges[{k}]"),
                    "باید شماره یکی از تخلفات ورودی باشد، هر کدام یک بار",
                ));
            }
        }
        if !d.acquitted_charges.is_empty() && d.acquitted_charges.len() == case.charges.len() {
            return Err(CaseError::new(
                "decision.acquitted_charges",
                "همه تخلفات برائت خورده‌اند؛ رأی برائت است، نه مجازات",
            ));
        }
    }
    let mut steps = Vec::new();

    // 1. One code for the whole case.
    let (latest_i, latest) = case
        .charges
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.committed_on))
        .max_by_key(|(i, d)| (*d, std::cmp::Reverse(*i)))
        .ok_or_else(|| CaseError::new("charges", "دست‌کم یک تخلف لازم است"))?;
    let code = match case.regulation {
        CodeChoice::Auto => code_on(lib, latest, &format!("charges[{latest_i}].committed_on"))?,
        CodeChoice::Fixed(c) => c,
    };
    steps.push(code_step(lib, code, case.regulation, latest)?);

    // 2. Each charge: its clause and grade, then the bars.
    let mut charges = Vec::with_capacity(case.charges.len());
    for (i, ch) in case.charges.iter().enumerate() {
        let field = format!("charges[{i}]");
        if ch.committed_on > case.decided_on {
            return Err(CaseError::new(
                format!("{field}.committed_on"),
                format!(
                    "تاریخ تخلف ({}) پس از تاریخ جلسه ({}) است",
                    ch.committed_on.format_fa(),
                    case.decided_on.format_fa()
                ),
            ));
        }
        if let Some(act) = ch.last_prosecution_act_on {
            if act < ch.committed_on {
                return Err(CaseError::new(
                    format!("{field}.last_prosecution_act_on"),
                    "آخرین اقدام تعقیبی نمی‌تواند پیش از تاریخ وقوع تخلف باشد",
                ));
            }
            if act > case.decided_on {
                return Err(CaseError::new(
                    format!("{field}.last_prosecution_act_on"),
                    "آخرین اقدام تعقیبی نمی‌تواند پس از تاریخ جلسه باشد",
                ));
            }
        }
        let classified = combine::classify(
            lib,
            code,
            case.suspended_prosecution.is_some(),
            ch,
            &field,
            i,
            &mut steps,
        )?;
        let bars = combine::bars(case, lib, ch, code, i, &mut steps)?;
        let acquitted = case
            .decision
            .as_ref()
            .is_some_and(|d| d.acquitted_charges.contains(&i));
        if acquitted && bars.first_bar.is_none() {
            let article = classified
                .violation
                .splitn(3, ':')
                .take(2)
                .collect::<Vec<_>>()
                .join(":");
            steps.push(Step {
                clause: (article != classified.violation).then(|| classified.violation.clone()),
                article,
                charge: Some(i),
                mandatory: true,
                from: classified.grade,
                to: None,
                reason_fa: format!(
                    "هیأت تخلف «{}» را محرز ندانسته و از آن رأی برائت داده است؛ این تخلف در تعیین مجازات به حساب نمی‌آید.",
                    classified.title_fa
                ),
                reason_en: format!(
                    "The board found charge {i} ({}) not established and acquitted on it; it takes no part in the penalty.",
                    classified.violation
                ),
                reading: None,
            });
        }
        charges.push(ChargeOutcome {
            barred: bars.first_bar,
            limitation_until: bars.limitation_until,
            acquitted,
            ..classified
        });
    }

    // Art 31: a suspension order of this matter, and whether a new conviction revokes it.
    let suspension_order = combine::suspension_order(case, code, &mut steps)?;
    let extra: Vec<(usize, u8)> = match &suspension_order {
        Some(SuspensionOrderOutcome {
            status: SuspensionStatus::Revoked,
            revoked_by: Some(k),
            ..
        }) => case
            .record
            .get(*k)
            .map(|r| (*k, r.grade))
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };

    // 3–5. Combine the live charges (Art 44), recidivism (Art 43 / older note 3), caps.
    let live: Vec<(usize, &ChargeOutcome)> = charges
        .iter()
        .enumerate()
        .filter(|(_, c)| c.barred.is_none() && !c.acquitted)
        .collect();
    let all_barred = charges.iter().all(|c| c.barred.is_some());
    let (outcome, bar, grade, suspension) = if all_barred {
        let bar = charges.first().and_then(|c| c.barred.clone());
        (Outcome::Barred, bar, None, Suspension::unavailable())
    } else if live.is_empty() {
        // Every live charge acquitted: refused above; barred + acquitted leaves no penalty.
        (Outcome::Penalty, None, None, Suspension::unavailable())
    } else {
        let range = combine::combine(case, code, &live, &extra, &mut steps)?;
        let suspension = combine::suspension(case, code, &live, &suspension_order, &mut steps);
        (Outcome::Penalty, None, Some(range), suspension)
    };
    // Lost qualifications alongside charges (Art 45 with a disciplinary case).
    if current == Code::V1401 {
        qualification_steps(case, lib, &mut steps)?;
    }

    // Art 42 (and the older codes' Arts 38/26): crimes found are reported.
    let referral = combine::referral(case, code, &mut steps);
    // Art 45: lost qualifications.
    let licence_revocation = appeal::licence_revocation(case, lib, current, &mut steps)?;
    // Art 33 (1396 Art 36, 1392 Art 24): appeal against the decision.
    let appeal = match &case.decision {
        Some(d) => Some(appeal::appeal_decision(
            case, d, code, &charges, &mut steps,
        )?),
        None => None,
    };

    Ok(Suggestion {
        regulation: code,
        outcome,
        bar,
        charges,
        grade,
        suspension,
        steps,
        appeal,
        comparison: None,
        referral,
        licence_revocation,
        penalty: grade.and_then(|g| lib.penalty(code.id(), g.min)),
        suspension_order,
    })
}

fn code_step(
    lib: &Library,
    code: Code,
    choice: CodeChoice,
    latest: JalaliDate,
) -> Result<Step, CaseError> {
    // The two readings of the 1401 code's first day differ only on 1401/05/23.
    let boundary = in_force_1401(lib)?;
    let reading =
        (choice == CodeChoice::Auto && latest == boundary).then_some(readings::IN_FORCE_1401);
    let reg = lib
        .regulation(code.id())
        .ok_or_else(|| CaseError::new("regulation", "مقرره در داده‌ها نیست"))?;
    let from = reg.regulation.in_force_from.format_fa();
    let until = reg
        .regulation
        .in_force_until
        .map(|d| format!(" تا {}", d.format_fa()))
        .unwrap_or_default();
    let until_en = reg
        .regulation
        .in_force_until
        .map(|d| format!(" to {d}"))
        .unwrap_or_default();
    let (reason_fa, reason_en) = match choice {
        CodeChoice::Auto => (
            format!(
                "آخرین تخلف پرونده در {} واقع شده است؛ مقرره لازم‌الاجرا در آن تاریخ «{}» (از {}{}) است و همه پرونده با همین مقرره سنجیده می‌شود.",
                latest.format_fa(),
                reg.regulation.title_fa,
                from,
                until
            ),
            format!(
                "The latest violation was committed on {latest}; the code in force then is the {} {} (from {}{until_en}), applied to the whole case.",
                code.id(),
                reg.regulation.kind,
                reg.regulation.in_force_from
            ),
        ),
        CodeChoice::Fixed(_) => (
            format!(
                "مقرره «{}» (از {}{}) به انتخاب هیأت بر همه پرونده اعمال می‌شود.",
                reg.regulation.title_fa, from, until
            ),
            format!(
                "The board chose the {} {} (in force from {}{until_en}) for the whole case.",
                code.id(),
                reg.regulation.kind,
                reg.regulation.in_force_from
            ),
        ),
    };
    Ok(Step {
        article: code.succession_article().to_string(),
        clause: None,
        charge: None,
        mandatory: true,
        from: None,
        to: None,
        reason_fa,
        reason_en,
        reading,
    })
}

/// The same case under the current code, when an older one was applied and every charge
/// names its current clause (`current_violation`).
fn compare(
    case: &Case,
    lib: &Library,
    current: Code,
    chosen: &Suggestion,
) -> Result<Option<Comparison>, CaseError> {
    if chosen.regulation == current || chosen.regulation.rank() > current.rank() {
        return Ok(None);
    }
    let mut charges = Vec::with_capacity(case.charges.len());
    for ch in &case.charges {
        let Some(v) = &ch.current_violation else {
            return Ok(None);
        };
        charges.push(ChargeInput {
            violation: v.clone(),
            grade: None,
            current_violation: None,
            ..ch.clone()
        });
    }
    let other = Case {
        regulation: CodeChoice::Fixed(current),
        charges,
        decision: None,
        lacks_qualifications: false,
        ..case.clone()
    };
    let under_current = evaluate(&other, lib, current).map_err(|e| {
        let field = e.field.replace(".violation", ".current_violation");
        CaseError::new(field, e.message)
    })?;
    let mut under_current = under_current;
    if let Some(first) = under_current.steps.first_mut() {
        first.reason_fa = format!(
            "برای مقایسه: همین پرونده با مقرره کنونی ({}، لازم‌الاجرا در تاریخ جلسه) و با بندهای متناظری که هیأت برای هر تخلف خوانده است (current_violation).",
            current.name_fa()
        );
        first.reason_en = format!(
            "For comparison: the same case under the current code ({}, in force on the session date), each charge read as the current clause the board named (current_violation).",
            current.id()
        );
    }
    // Revision 2: compare what the penalties are, not their grade numbers.
    let at_min = |code: Code, g: &Option<GradeRange>| g.and_then(|g| lib.penalty(code.id(), g.min));
    let chosen_penalty = at_min(chosen.regulation, &chosen.grade);
    let current_penalty = at_min(current, &under_current.grade);
    let more_lenient = match (&chosen_penalty, &current_penalty) {
        (None, None) => Lenient::Same,
        (None, Some(_)) => Lenient::Code(chosen.regulation),
        (Some(_), None) => Lenient::Code(current),
        (Some(a), Some(b)) => match a.severity().cmp(&b.severity()) {
            std::cmp::Ordering::Less => Lenient::Code(chosen.regulation),
            std::cmp::Ordering::Greater => Lenient::Code(current),
            std::cmp::Ordering::Equal => Lenient::Same,
        },
    };
    let mut penalty_fa = std::collections::BTreeMap::new();
    let mut penalties = std::collections::BTreeMap::new();
    for (code, p, outcome) in [
        (chosen.regulation, &chosen_penalty, chosen.outcome),
        (current, &current_penalty, under_current.outcome),
    ] {
        penalty_fa.insert(
            code.id().to_string(),
            match p {
                Some(p) => penalty_words_fa(code, p),
                None if outcome == Outcome::Barred => "تعقیب موقوف است".to_string(),
                None => "بی‌مجازات".to_string(),
            },
        );
        penalties.insert(code.id().to_string(), p.clone());
    }
    let (lenient_fa, lenient_en) = match more_lenient {
        Lenient::Same => (
            "مجازات‌ها از نظر نوع و مدت یکسان‌اند".to_string(),
            "the penalties are the same in kind and term".to_string(),
        ),
        Lenient::Code(c) => (
            format!("{} برای مدیر دفتر مساعدتر است", c.name_fa()),
            format!("the {} code is more lenient to the manager", c.id()),
        ),
    };
    let sides_fa = penalty_fa
        .iter()
        .map(|(k, v)| {
            format!(
                "{}: {v}",
                Code::from_id(k).map_or(k.as_str(), |c| c.name_fa())
            )
        })
        .collect::<Vec<_>>()
        .join("؛ ");
    under_current.steps.push(Step {
        article: current.grades_article().to_string(),
        clause: current_penalty.as_ref().map(|p| p.clause.clone()),
        charge: None,
        mandatory: true,
        from: None,
        to: None,
        reason_fa: format!(
            "مقایسه مجازات‌ها به نوع و مدت (نه شماره درجه): {sides_fa}؛ {lenient_fa}."
        ),
        reason_en: format!("Penalties compared by kind and term, not grade number: {lenient_en}."),
        reading: None,
    });
    Ok(Some(Comparison {
        regulation: current,
        outcome: under_current.outcome,
        grade: under_current.grade,
        more_lenient,
        penalty_fa,
        penalties,
        steps: under_current.steps,
    }))
}

/// A penalty in its code's words with its place: «لغو دایم پروانه (ردیف ۶ ماده ۳۵ آیین‌نامه ۱۳۹۶)».
pub fn penalty_words_fa(code: Code, p: &crate::regulation::Penalty) -> String {
    let article = code.grades_article().split(':').nth(1).unwrap_or_default();
    let place = match code {
        Code::V1401 => format!("درجه {}", fa(p.grade)),
        _ => format!("ردیف {}", fa(p.grade)),
    };
    format!(
        "{} ({place} ماده {} {})",
        p.title_fa,
        fa(article),
        code.name_fa()
    )
}

/// Shows a measured kind in Persian ("غیبت" / "تعطیل").
pub(crate) fn kind_fa(kind: Measured) -> &'static str {
    match kind {
        Measured::Absence => "غیبت مدیر دفتر",
        Measured::Closure => "تعطیل خدمت دفتر",
    }
}
