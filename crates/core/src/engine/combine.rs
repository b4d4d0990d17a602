//! Charges: classification (Arts 34–41; older catalogues), bars (Art 30), combination
//! (Art 44), recidivism (Art 43; older codes' note 3), caps, mitigation (Art 32; older
//! codes' note 2), suspended prosecution (Art 31) and the report of crimes (Art 42).

use super::model::*;
use super::{CaseError, fa, kind_fa};
use crate::date::JalaliDate;
use crate::regulation::Library;

// A private constructor mirroring Step's fields one to one.
#[allow(clippy::too_many_arguments)]
fn step(
    article: &str,
    clause: Option<&str>,
    charge: Option<usize>,
    mandatory: bool,
    from: Option<u8>,
    to: Option<u8>,
    reason_fa: String,
    reason_en: String,
) -> Step {
    Step {
        article: article.to_string(),
        clause: clause.map(str::to_string),
        charge,
        mandatory,
        from,
        to,
        reason_fa,
        reason_en,
        reading: None,
    }
}

/// Reads one charge: which clause, which grade or range. Pushes its step.
#[allow(clippy::too_many_arguments)]
pub(super) fn classify(
    lib: &Library,
    code: Code,
    order_given: bool,
    ch: &ChargeInput,
    field: &str,
    index: usize,
    steps: &mut Vec<Step>,
) -> Result<ChargeOutcome, CaseError> {
    let vfield = format!("{field}.violation");
    let (article, clause, measured_days) = match &ch.violation {
        ViolationRef::Measured(kind) => {
            if code != Code::V1401 {
                return Err(CaseError::new(
                    vfield,
                    format!(
                        "«{}» (بر حسب روز) فقط در آیین‌نامه ۱۴۰۱ هست؛ پرونده با {} سنجیده می‌شود؛ شناسه بند را بنویسید",
                        kind.key(),
                        code.name_fa()
                    ),
                ));
            }
            let days = ch.days.ok_or_else(|| {
                CaseError::new(
                    format!("{field}.days"),
                    format!("برای «{}» شمار روزها لازم است", kind.key()),
                )
            })?;
            if days == 0 {
                return Err(CaseError::new(
                    format!("{field}.days"),
                    "شمار روزها باید دست‌کم ۱ باشد",
                ));
            }
            let (a, c) = lib.measured_clause(code.id(), *kind, days).ok_or_else(|| {
                CaseError::new(format!("{field}.days"), "بندی برای این شمار روز نیست")
            })?;
            (a, Some(c), Some((*kind, days)))
        }
        ViolationRef::Clause(id) => {
            let version = id.split(':').next().unwrap_or_default();
            if version != code.id() {
                let msg = if Code::from_id(version).is_some() {
                    format!(
                        "«{id}» بندی از مقرره {version} است اما پرونده با {} سنجیده می‌شود (یک مقرره برای همه پرونده)",
                        code.name_fa()
                    )
                } else {
                    format!("«{id}» شناسه بند تخلف نیست (نمونه: 1401:37:f یا 1396:37:2)")
                };
                return Err(CaseError::new(vfield, msg));
            }
            let catalogue = |art: u32| match code {
                Code::V1401 => (34..=40).contains(&art),
                Code::V1396 => art == 37,
                Code::V1392 => art == 25,
            };
            if let Some((a, c)) = lib.clause(id) {
                if !catalogue(a.number) {
                    return Err(CaseError::new(
                        vfield,
                        format!("«{id}» در فهرست تخلفات {} نیست", code.name_fa()),
                    ));
                }
                let days = match (c.measured, ch.days) {
                    (_, None) => None,
                    (Some(kind), Some(d)) => {
                        let fits = c.days_min.is_some_and(|lo| d >= lo)
                            && c.days_max.is_none_or(|hi| d <= hi);
                        if !fits {
                            return Err(CaseError::new(
                                format!("{field}.days"),
                                format!(
                                    "{} روز با بند «{id}» نمی‌خواند؛ به جای شناسه بند «{}» را بنویسید",
                                    fa(d),
                                    kind.key()
                                ),
                            ));
                        }
                        Some((kind, d))
                    }
                    // Days on an older code's clause serve its `current_violation` kind.
                    (None, Some(_))
                        if matches!(ch.current_violation, Some(ViolationRef::Measured(_))) =>
                    {
                        None
                    }
                    (None, Some(_)) => {
                        return Err(CaseError::new(
                            format!("{field}.days"),
                            "شمار روز فقط برای غیبت یا تعطیل است",
                        ));
                    }
                };
                (a, Some(c), days)
            } else if code == Code::V1401 && id == "1401:41" {
                let a = lib
                    .article(id)
                    .ok_or_else(|| CaseError::new(vfield.clone(), "ماده ۴۱ در داده‌ها نیست"))?;
                if ch.days.is_some() {
                    return Err(CaseError::new(
                        format!("{field}.days"),
                        "شمار روز فقط برای غیبت یا تعطیل است",
                    ));
                }
                (a, None, None)
            } else {
                return Err(CaseError::new(
                    vfield,
                    format!("«{id}» در فهرست تخلفات {} نیست", code.name_fa()),
                ));
            }
        }
    };

    // The grade: fixed by the clause, or a range the board chooses from.
    let fixed = clause.and_then(|c| c.grade).or(article.grade);
    let open = clause.and_then(|c| c.grade_range).or(article.grade_range);
    let gfield = format!("{field}.grade");
    let (grade, range) = match (fixed, open) {
        (Some(g), _) => {
            if let Some(chosen) = ch.grade
                && chosen != g
            {
                return Err(CaseError::new(
                    gfield,
                    format!(
                        "درجه این بند را قانون تعیین کرده است (درجه {})؛ هیأت درجه را فقط در ماده ۴۱ و مقررات پیشین برمی‌گزیند",
                        fa(g)
                    ),
                ));
            }
            (Some(g), [g, g])
        }
        (None, Some([lo, hi])) => match ch.grade {
            Some(chosen) if (lo..=hi).contains(&chosen) => (Some(chosen), [chosen, chosen]),
            Some(chosen) => {
                return Err(CaseError::new(
                    gfield,
                    format!(
                        "درجه {} بیرون از درجات مجاز این تخلف ({} تا {}) است",
                        fa(chosen),
                        fa(lo),
                        fa(hi)
                    ),
                ));
            }
            None => (None, [lo, hi]),
        },
        (None, None) => {
            return Err(CaseError::new(vfield, "برای این بند درجه‌ای در داده‌ها نیست"));
        }
    };

    let (id, title, text, label) = match clause {
        Some(c) => (
            c.id.clone(),
            c.title_fa.clone(),
            c.text_fa.clone(),
            c.label_fa.clone(),
        ),
        None => (
            article.id.clone(),
            article.title_fa.clone(),
            article.text_fa.clone(),
            String::new(),
        ),
    };
    let art_no = fa(article.number);
    let where_fa = if label.is_empty() {
        format!("ماده {art_no} {}", code.name_fa())
    } else if code == Code::V1401 {
        format!("بند «{label}» ماده {art_no} {}", code.name_fa())
    } else {
        format!("ردیف {label} ماده {art_no} {}", code.name_fa())
    };
    let days_fa = measured_days
        .map(|(k, d)| format!("{} به مدت {} روز: ", kind_fa(k), fa(d)))
        .unwrap_or_default();
    let days_en = measured_days
        .map(|(k, d)| {
            let kind = match k {
                crate::regulation::Measured::Absence => "Absence",
                crate::regulation::Measured::Closure => "Closure",
            };
            format!("{kind} of {d} day(s). ")
        })
        .unwrap_or_default();
    let (lo, hi) = open.map_or((range[0], range[1]), |r| (r[0], r[1]));
    let (mandatory, to, reason_fa, reason_en) = match (fixed, grade) {
        (Some(g), _) => (
            true,
            Some(g),
            format!(
                "{days_fa}تخلف «{title}» مشمول {where_fa} است و مجازات آن درجه {} است.",
                fa(g)
            ),
            format!("{days_en}The violation falls under {id}, which carries grade {g}."),
        ),
        (None, Some(g)) => (
            false,
            Some(g),
            format!(
                "تخلف «{title}» مشمول {where_fa} است؛ قانون درجه را به هیأت واگذارده ({} تا {}) و هیأت درجه {} را برگزیده است.",
                fa(lo),
                fa(hi),
                fa(g)
            ),
            format!(
                "The violation falls under {id}; the code leaves the grade to the board ({lo} to {hi}), which chose grade {g}."
            ),
        ),
        (None, None) => (
            false,
            None,
            format!(
                "تخلف «{title}» مشمول {where_fa} است؛ قانون درجه را به هیأت واگذارده است: یکی از درجات {} تا {}.",
                fa(range[0]),
                fa(range[1])
            ),
            format!(
                "The violation falls under {id}; the code leaves the grade to the board: one of grades {} to {}.",
                range[0], range[1]
            ),
        ),
    };
    let clause_id = clause.map(|c| c.id.as_str());
    let absence = measured_days.is_some_and(|(k, _)| k == crate::regulation::Measured::Absence);
    steps.push(Step {
        reading: absence.then_some(super::readings::ABSENCE_DAYS),
        ..step(
            &article.id,
            clause_id,
            Some(index),
            mandatory,
            None,
            to,
            reason_fa,
            reason_en,
        )
    });
    // With the order itself given (`suspended_prosecution`), its own step says this once.
    if ch.suspension_revoked && !order_given {
        steps.push(step(
            "1401:31",
            None,
            Some(index),
            true,
            None,
            None,
            "تعقیب این تخلف پیش‌تر معلق شده بود و قرار تعلیق لغو شده است؛ هیأت به موضوع رسیدگی می‌کند و در صورت محکومیت طبق ماده ۴۴ (تعدد تخلف) عمل می‌شود.".to_string(),
            "Prosecution of this violation had been suspended and the suspension was revoked: the board hears the matter and, on conviction, Art 44 (multiple violations) applies.".to_string(),
        ));
    }
    Ok(ChargeOutcome {
        violation: id,
        days: measured_days.map(|(_, d)| d),
        grade,
        grade_range: range,
        barred: None,
        title_fa: title,
        text_fa: text,
        committed_on: ch.committed_on,
        limitation_until: None,
        acquitted: false,
    })
}

pub(super) struct Bars {
    pub first_bar: Option<Bar>,
    pub limitation_until: Option<JalaliDate>,
}

/// Art 30 for one charge: res judicata, limitation, separation, death (in the clause order
/// of Art 30). Every bar that applies is a step; the first is the charge's `barred`.
///
/// Art 30 governs proceedings from the day the 1401 code came into force, whatever code
/// judges the case (Revision 2): a case decided from then on cites it. Before that day an
/// older code's case has no limitation, and its other bars rest on that code's own text or
/// on a general principle (reading `bars-before-1401`), never on an article not yet in force.
pub(super) fn bars(
    case: &Case,
    lib: &Library,
    ch: &ChargeInput,
    code: Code,
    index: usize,
    steps: &mut Vec<Step>,
) -> Result<Bars, CaseError> {
    let first_day = super::in_force_1401(lib)?;
    let art30 = code == Code::V1401 || case.decided_on >= first_day;
    let boundary = (case.decided_on == first_day && code != Code::V1401)
        .then_some(super::readings::IN_FORCE_1401);
    let mut found: Vec<Bar> = Vec::new();
    let older_fa = if code == Code::V1401 {
        String::new()
    } else {
        format!(
            " ({} در این باره حکمی ندارد؛ ماده ۳۰ آیین‌نامه ۱۴۰۱ قاعده‌ای شکلی است و از روز لازم‌الاجرا شدن آن ({}) بی‌درنگ بر رسیدگی‌ها حاکم است.)",
            code.name_fa(),
            first_day.format_fa()
        )
    };
    let older_en = if code == Code::V1401 {
        String::new()
    } else {
        format!(
            " (The {} code is silent; Art 30 of the 1401 code is a procedural rule that governs proceedings from the day it came into force, {first_day}.)",
            code.id()
        )
    };
    // Before the 1401 code: the older code's own article, or its competence article for res
    // judicata (a general principle of law).
    let (own_end, own_competence) = match code {
        Code::V1396 => ("1396:31", "1396:34"),
        _ => ("1392:19", "1392:22"),
    };
    let mut add = |reason: BarReason,
                   clause: &'static str,
                   fa_text: String,
                   en_text: String,
                   reading: Option<Reading>| {
        let (article, clause) = if art30 {
            ("1401:30", clause)
        } else if reason == BarReason::ResJudicata {
            (own_competence, own_competence)
        } else {
            (own_end, own_end)
        };
        steps.push(Step {
            article: article.to_string(),
            clause: (clause != article).then(|| clause.to_string()),
            charge: Some(index),
            mandatory: true,
            from: None,
            to: None,
            reason_fa: fa_text,
            reason_en: en_text,
            reading,
        });
        found.push(Bar {
            reason,
            article,
            clause,
        });
    };
    let (before_fa, before_en) = (
        format!(
            " ({} در این باره حکمی ندارد و ماده ۳۰ آیین‌نامه ۱۴۰۱ در تاریخ جلسه هنوز لازم‌الاجرا نبود.)",
            code.name_fa()
        ),
        format!(
            " (The {} code is silent and Art 30 of the 1401 code was not yet in force on the session date.)",
            code.id()
        ),
    );
    let (note_fa, note_en, reading) = if art30 {
        (older_fa.clone(), older_en.clone(), boundary)
    } else {
        (
            before_fa.clone(),
            before_en.clone(),
            Some(super::readings::BARS_BEFORE_1401),
        )
    };
    if ch.res_judicata {
        add(
            BarReason::ResJudicata,
            "1401:30:a",
            format!("این تخلف مشمول امر مختومه است؛ تعقیب انتظامی آن موقوف می‌شود.{note_fa}"),
            format!("This violation is res judicata: its prosecution is barred.{note_en}"),
            reading,
        );
    }
    let mut limitation_until = None;
    if art30 {
        let start = ch
            .last_prosecution_act_on
            .map_or(ch.committed_on, |a| a.max(ch.committed_on));
        let until = start
            .add_years(2)
            .map_err(|e| CaseError::new(format!("charges[{index}].committed_on"), e.to_string()))?;
        limitation_until = Some(until);
        if case.decided_on > until {
            let from_fa = if ch.last_prosecution_act_on.is_some() {
                format!("آخرین اقدام تعقیبی ({})", start.format_fa())
            } else {
                format!("تاریخ وقوع تخلف ({})", start.format_fa())
            };
            let from_en = if ch.last_prosecution_act_on.is_some() {
                format!("the last act of prosecution ({start})")
            } else {
                format!("the violation ({start})")
            };
            add(
                BarReason::Limitation,
                "1401:30:b",
                format!(
                    "مرور زمان: دو سال از {from_fa} در {} به پایان رسیده و جلسه در {} است؛ تعقیب موقوف می‌شود (بند ب و تبصره ماده ۳۰).{older_fa}",
                    until.format_fa(),
                    case.decided_on.format_fa()
                ),
                format!(
                    "Limitation: two years from {from_en} ended on {until}, before the session of {}; prosecution is barred (Art 30(b) and its note).{older_en}",
                    case.decided_on
                ),
                boundary,
            );
        }
    }
    if case.permanently_separated {
        add(
            BarReason::Separation,
            "1401:30:c",
            format!(
                "مدیر دفتر به طور دائم از مدیریت دفتر منفک شده است؛ تعقیب انتظامی موقوف می‌شود.{note_fa}"
            ),
            format!(
                "The manager is permanently separated from managing the office: prosecution is barred.{note_en}"
            ),
            reading,
        );
    }
    if case.deceased {
        add(
            BarReason::Death,
            "1401:30:d",
            format!("مدیر دفتر فوت کرده است؛ تعقیب انتظامی موقوف می‌شود.{note_fa}"),
            format!("The manager has died: prosecution is barred.{note_en}"),
            reading,
        );
    }
    Ok(Bars {
        first_bar: found.into_iter().next(),
        limitation_until,
    })
}

fn list_fa(grades: &[u8]) -> String {
    grades.iter().map(fa).collect::<Vec<_>>().join("، ")
}

fn list_en(grades: &[u8]) -> String {
    grades
        .iter()
        .map(|g| g.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Combines the live charges, applies recidivism, caps and mitigation. Returns the range.
/// `extra`: final convictions (record index, grade) that combine with the live charges: the
/// conviction that revoked a suspended prosecution (Art 31, second sentence → Art 44).
pub(super) fn combine(
    case: &Case,
    code: Code,
    live: &[(usize, &ChargeOutcome)],
    extra: &[(usize, u8)],
    steps: &mut Vec<Step>,
) -> Result<GradeRange, CaseError> {
    let top = code.max_grade();
    let mut lows: Vec<u8> = live.iter().map(|(_, c)| c.grade_range[0]).collect();
    let mut highs: Vec<u8> = live.iter().map(|(_, c)| c.grade_range[1]).collect();
    lows.extend(extra.iter().map(|(_, g)| *g));
    highs.extend(extra.iter().map(|(_, g)| *g));
    let l = lows.iter().copied().max().unwrap_or(1);
    let h = highs.iter().copied().max().unwrap_or(1);
    let all_fixed = live
        .iter()
        .all(|(_, c)| c.grade_range[0] == c.grade_range[1]);
    let (mut min, mut max) = (l, h);
    let count = live.len() + extra.len();
    if let Some((k, g)) = extra.first() {
        steps.push(Step {
            reading: None,
            ..step(
                "1401:31",
                None,
                None,
                true,
                None,
                Some(*g),
                format!(
                    "محکومیت قطعی تازه (سابقه ردیف {}، درجه {}) به سبب تخلفی در مدت تعلیق، قرار تعلیق تعقیب را لغو می‌کند؛ هیأت به موضوع اصلی رسیدگی می‌کند و در صورت محکومیت، آن محکومیت با تخلفات این پرونده طبق ماده ۴۴ جمع می‌شود.",
                    fa(k + 1),
                    fa(*g)
                ),
                format!(
                    "The new final conviction (record[{k}], grade {g}) for a violation within the suspension period revokes it; the board hears the original matter and, on conviction, combines it with that conviction under Art 44."
                ),
            )
        });
    }

    if count >= 2 {
        if code == Code::V1401 {
            let some_lower = lows.iter().any(|&g| g < l);
            let repeated_top = lows.iter().filter(|&&g| g == l).count() >= 2;
            if all_fixed && !some_lower {
                // Art 44, first sentence: same grade → one grade higher (mandatory).
                min = l + 1;
                max = l + 1;
                steps.push(step(
                    "1401:44",
                    None,
                    None,
                    true,
                    Some(l),
                    Some(min),
                    format!(
                        "تعدد تخلف: {} تخلف همه مستوجب مجازات درجه {}‌اند؛ طبق ماده ۴۴ مجازات یک درجه تشدید می‌شود.",
                        fa(count),
                        fa(l)
                    ),
                    format!(
                        "Multiple violations: all {count} carry grade {l}; Art 44 raises the penalty one grade (mandatory)."
                    ),
                ));
            } else if all_fixed {
                // Art 44, second sentence: different grades → the highest (mandatory) …
                min = l;
                max = l + 1;
                let mixed = repeated_top.then_some(super::readings::ART44_MIXED);
                steps.push(Step {
                    reading: mixed,
                    ..step(
                    "1401:44",
                    None,
                    None,
                    true,
                    Some(l),
                    Some(l),
                    format!(
                        "تعدد تخلف با درجات مختلف ({}): طبق ماده ۴۴ به مجازات درجه بالاتر، درجه {}، محکوم می‌شود.",
                        list_fa(&lows),
                        fa(l)
                    ),
                    format!(
                        "Multiple violations of different grades ({}): under Art 44 the highest grade, {l}, applies (mandatory).",
                        list_en(&lows)
                    ),
                )
                });
            } else {
                // Ranges (Art 41 without a chosen grade): the lowest and highest results over
                // every grade the board could choose.
                min = if some_lower { l } else { l + 1 };
                max = h + 1;
                steps.push(step(
                    "1401:44",
                    None,
                    None,
                    true,
                    Some(l),
                    Some(min),
                    format!(
                        "تعدد تخلف: کمترین درجات ممکن تخلفات ({}) است و هیأت درجه تخلف ماده ۴۱ را برمی‌گزیند؛ کمترین نتیجه ترکیب طبق ماده ۴۴ (همان درجه ← یک درجه تشدید؛ درجات مختلف ← درجه بالاتر) درجه {} است.",
                        list_fa(&lows),
                        fa(min)
                    ),
                    format!(
                        "Multiple violations with a grade the board chooses (Art 41); lowest possible grades ({}). The lowest Art 44 result (same grade → one higher; different → the highest) is grade {min}.",
                        list_en(&lows)
                    ),
                ));
            }
            if max > min {
                let from = if all_fixed { l } else { min };
                steps.push(step(
                    "1401:44",
                    None,
                    None,
                    false,
                    Some(from),
                    Some(max),
                    format!(
                        "ماده ۴۴ (جمله آخر): در تعدد تخلفات با درجات مختلف، هیأت می‌تواند مجازات را یک درجه تشدید کند؛ بالاترین درجه ممکن {} است.",
                        fa(max)
                    ),
                    format!(
                        "Art 44 (last sentence): for violations of different grades the board may raise the penalty one more grade; the highest possible grade is {max}."
                    ),
                ));
            }
        } else {
            steps.push(step(
                match code {
                    Code::V1396 => "1396:37",
                    _ => "1392:25",
                },
                None,
                None,
                true,
                Some(l),
                Some(l),
                format!(
                    "{} قاعده‌ای درباره تعدد تخلف ندارد: تشدیدی به سبب تعدد نیست و مجازات پرونده دست‌کم بالاترین درجه‌ای است که برای تخلفات ممکن است (کمترین: درجه {}، بیشترین: درجه {}).",
                    code.name_fa(),
                    fa(l),
                    fa(h)
                ),
                format!(
                    "The {} code has no rule on multiple violations: no aggravation for their number; the case's penalty is at least the highest grade possible for a charge (lowest {l}, highest {h}).",
                    code.id()
                ),
            ));
        }
    }

    // Recidivism.
    if code == Code::V1401 {
        if let Some((entry, until, charge)) = art43(case, live) {
            let before = min;
            min += 1;
            max += 1;
            steps.push(step(
                "1401:43",
                None,
                Some(charge),
                true,
                Some(before),
                Some(min),
                format!(
                    "تکرار تخلف: مدیر پیش‌تر به درجه {} محکوم شده و حکم در {} اجرا شده است؛ تخلف تازه در {} (ظرف دو سال، تا {}) واقع شده؛ طبق ماده ۴۳ مجازات یک درجه تشدید می‌شود.",
                    fa(entry.grade),
                    entry.carried_out_on.map(|d| d.format_fa()).unwrap_or_default(),
                    live.iter().find(|(i, _)| *i == charge).map(|(_, c)| c.committed_on.format_fa()).unwrap_or_default(),
                    until.format_fa()
                ),
                format!(
                    "Recidivism: a grade {} penalty was carried out on {}; a new violation followed within two years (until {until}); Art 43 raises the penalty one grade (mandatory).",
                    entry.grade,
                    entry.carried_out_on.map(|d| d.to_string()).unwrap_or_default()
                ),
            ));
        }
    } else if let Some((prev, charge)) = older_note3(case, live) {
        let floor = prev + 1;
        let (note_article, note) = match code {
            Code::V1396 => ("1396:38", "1396:38:note-3"),
            _ => ("1392:26", "1392:26:note-3"),
        };
        let before = min;
        min = min.max(floor);
        max = max.max(floor);
        steps.push(step(
            note_article,
            Some(note),
            Some(charge),
            true,
            Some(before),
            Some(min),
            format!(
                "تکرار تخلف ({} تبصره ۳): مدیر پیش‌تر به درجه {} محکوم شده و پس از قطعیت آن حکم دوباره مرتکب تخلف شده است؛ باید به درجه‌ای بالاتر از حکم قبلی، یعنی دست‌کم درجه {}، محکوم شود.",
                code.name_fa(),
                fa(prev),
                fa(floor)
            ),
            format!(
                "Recidivism (note 3): the manager was convicted at grade {prev} and offended again after that ruling became final; the penalty must be higher than the previous one: at least grade {floor}."
            ),
        ));
    }

    // Caps.
    if max > top || min > top {
        let before = max;
        min = min.min(top);
        max = max.min(top);
        steps.push(step(
            code.grades_article(),
            None,
            None,
            true,
            Some(before),
            Some(max),
            format!(
                "سقف مجازات: بالاترین درجه در {} درجه {} است؛ درجه از آن بالاتر نمی‌رود.",
                code.name_fa(),
                fa(top)
            ),
            format!("Cap: the highest grade of the {} code is {top}.", code.id()),
        ));
    }

    // Mitigation.
    let lowest_with_mitigation = if code == Code::V1401 {
        let low = min.saturating_sub(2).max(1);
        let forgiven = if case.complaint_withdrawn {
            " گذشت شاکی (استرداد شکایت) از جهات همین ماده است."
        } else {
            ""
        };
        let forgiven_en = if case.complaint_withdrawn {
            " The complainant's withdrawal (forgiveness) is one of its grounds."
        } else {
            ""
        };
        steps.push(step(
            "1401:32",
            None,
            None,
            false,
            Some(min),
            Some(low),
            format!(
                "تخفیف (ماده ۳۲): هیأت می‌تواند با توجه به مدت فعالیت دفتر، نداشتن سابقه محکومیت انتظامی، وضعیت فردی و اجتماعی، اوضاع و احوال وقوع تخلف، پیش‌بینی اصلاح، ندامت، جبران خسارت یا گذشت شاکی، مجازات را یک تا دو درجه تخفیف دهد؛ کمترین درجه با تخفیف {} است.{forgiven}",
                fa(low)
            ),
            format!(
                "Mitigation (Art 32): the board may reduce the penalty by one or two grades; the lowest with mitigation is grade {low}.{forgiven_en}"
            ),
        ));
        Some(low)
    } else {
        if case.complaint_withdrawn {
            let (a, n) = match code {
                Code::V1396 => ("1396:38", "1396:38:note-2"),
                _ => ("1392:26", "1392:26:note-2"),
            };
            steps.push(step(
                a,
                Some(n),
                None,
                true,
                Some(min),
                Some(min),
                format!(
                    "استرداد شکایت ({} تبصره ۲): مانع رسیدگی نیست، اما در صورت محکومیت مجازاتی که هیأت برمی‌گزیند باید تخفیف یابد.",
                    code.name_fa()
                ),
                "Withdrawn complaint (note 2): the case goes on, but on conviction the penalty the board chooses must be mitigated.".to_string(),
            ));
        }
        None
    };
    Ok(GradeRange {
        min,
        max,
        lowest_with_mitigation,
    })
}

/// Art 43: a record entry of grade 1–4 carried out, and a live charge committed after it
/// and on or before the same day two Solar Hijri years later. Returns the entry, the end of
/// the window and the charge's index.
fn art43<'a>(
    case: &'a Case,
    live: &[(usize, &ChargeOutcome)],
) -> Option<(&'a RecordEntry, JalaliDate, usize)> {
    for entry in &case.record {
        if !(1..=4).contains(&entry.grade) {
            continue;
        }
        let Some(done) = entry.carried_out_on else {
            continue;
        };
        let Ok(until) = done.add_years(2) else {
            continue;
        };
        if let Some((i, _)) = live
            .iter()
            .find(|(_, c)| c.committed_on > done && c.committed_on <= until)
        {
            return Some((entry, until, *i));
        }
    }
    None
}

/// Older codes' note 3: the highest earlier grade 1–4 whose ruling became final before a
/// live charge was committed. Returns (that grade, the charge's index).
fn older_note3(case: &Case, live: &[(usize, &ChargeOutcome)]) -> Option<(u8, usize)> {
    let mut best: Option<(u8, usize)> = None;
    for entry in &case.record {
        if !(1..=4).contains(&entry.grade) {
            continue;
        }
        let Some(final_on) = entry.final_on else {
            continue;
        };
        if let Some((i, _)) = live.iter().find(|(_, c)| c.committed_on > final_on)
            && best.is_none_or(|(g, _)| entry.grade > g)
        {
            best = Some((entry.grade, *i));
        }
    }
    best
}

/// Art 31, second sentence: the case's suspension order, its end, and whether a violation
/// committed from the order to its end that ended in a final conviction (by the session date)
/// revokes it.
pub(super) fn suspension_order(
    case: &Case,
    code: Code,
    steps: &mut Vec<Step>,
) -> Result<Option<SuspensionOrderOutcome>, CaseError> {
    let Some(order) = case.suspended_prosecution else {
        return Ok(None);
    };
    if code != Code::V1401 {
        return Err(CaseError::new(
            "suspended_prosecution",
            format!(
                "تعلیق تعقیب (ماده ۳۱) فقط در آیین‌نامه ۱۴۰۱ هست و پرونده با {} سنجیده می‌شود",
                code.name_fa()
            ),
        ));
    }
    if !(1..=2).contains(&order.years) {
        return Err(CaseError::new(
            "suspended_prosecution.years",
            "مدت تعلیق تعقیب یک یا دو سال است (ماده ۳۱)",
        ));
    }
    if order.ordered_on > case.decided_on {
        return Err(CaseError::new(
            "suspended_prosecution.ordered_on",
            "تاریخ قرار تعلیق پس از تاریخ جلسه است",
        ));
    }
    // One rule for the period and what revokes it, shared with the case file's order.
    use crate::proceedings::suspension::{LaterConviction, revoking_conviction, suspension_term};
    let term = suspension_term(order.ordered_on, Some(i64::from(order.years)))
        .map_err(|e| CaseError::new("suspended_prosecution", e.to_string()))?;
    let ends_on = term.ends_on;
    let later: Vec<LaterConviction> = case
        .record
        .iter()
        .enumerate()
        .filter_map(|(k, r)| {
            Some(LaterConviction {
                ruling_id: k as i64,
                committed_on: r.committed_on?,
                final_on: r.final_on?,
            })
        })
        .collect();
    let revoked_by = revoking_conviction(&term, &later, case.decided_on)
        .and_then(|c| usize::try_from(c.ruling_id).ok());
    let status = match revoked_by {
        Some(_) => SuspensionStatus::Revoked,
        None if case.decided_on <= ends_on => SuspensionStatus::Running,
        None => SuspensionStatus::Ended,
    };
    let period_fa = format!(
        "قرار تعلیق تعقیب از {} به مدت {} سال (تا {})",
        order.ordered_on.format_fa(),
        fa(order.years),
        ends_on.format_fa()
    );
    match status {
        SuspensionStatus::Running => steps.push(step(
            "1401:31",
            None,
            None,
            true,
            None,
            None,
            format!(
                "{period_fa} برقرار است و تا امروز محکومیت قطعی تازه‌ای به سبب تخلفی در این مدت ثبت نشده است؛ مادام که قرار لغو نشده، به موضوع رسیدگی نمی‌شود."
            ),
            format!(
                "The prosecution was suspended on {} for {} year(s), until {ends_on}; no final conviction for a violation in that period is recorded: the matter is not heard while the order stands.",
                order.ordered_on, order.years
            ),
        )),
        SuspensionStatus::Ended => steps.push(Step {
            reading: Some(super::readings::ART31_END),
            ..step(
                "1401:31",
                None,
                None,
                true,
                None,
                None,
                format!(
                    "{period_fa} بی‌آنکه مدیر در این مدت مرتکب تخلفی منجر به محکومیت قطعی شود به پایان رسیده است؛ قرار دیگر لغوشدنی نیست."
                ),
                format!(
                    "The suspension (from {}, {} year(s), until {ends_on}) ended with no conviction for a violation in the period; it can no longer be revoked.",
                    order.ordered_on, order.years
                ),
            )
        }),
        // The revocation's step is written where the conviction enters Art 44.
        SuspensionStatus::Revoked => {}
    }
    Ok(Some(SuspensionOrderOutcome {
        ordered_on: order.ordered_on,
        years: order.years,
        ends_on,
        status,
        revoked_by,
        article: "1401:31",
    }))
}

/// Art 31: the board may suspend prosecution for 1–2 years when each live charge's own grade
/// (the lower end of a range) is 1–4 (reading `art31-before-aggravation`). Only the 1401 code
/// has it, and not for a matter whose suspension was revoked.
pub(super) fn suspension(
    case: &Case,
    code: Code,
    live: &[(usize, &ChargeOutcome)],
    order: &Option<SuspensionOrderOutcome>,
    steps: &mut Vec<Step>,
) -> Suspension {
    if code != Code::V1401 {
        return Suspension::unavailable();
    }
    let eligible = live
        .iter()
        .all(|(_, c)| (1..=4).contains(&c.grade_range[0]));
    let revoked = live
        .iter()
        .any(|(i, _)| case.charges.get(*i).is_some_and(|c| c.suspension_revoked))
        || order.is_some();
    let available = eligible && !revoked;
    if available {
        let forgiven = if case.complaint_withdrawn {
            " گذشت شاکی از جهات همین ماده است."
        } else {
            ""
        };
        steps.push(Step {
            reading: Some(super::readings::ART31_AFTER_AGGRAVATION),
            ..step(
                "1401:31",
                None,
                None,
                false,
                None,
                None,
                format!(
                    "تعلیق تعقیب (ماده ۳۱): همه تخلفات مستوجب درجات یک تا چهارند؛ هیأت می‌تواند با ملاحظه وضعیت فردی و اجتماعی، سوابق، اوضاع و احوال، پیش‌بینی اصلاح، ندامت، جبران خسارت یا گذشت شاکی، تعقیب را یک تا دو سال معلق کند.{forgiven}"
                ),
                "Suspended prosecution (Art 31): every charge carries grade 1–4; the board may suspend prosecution for one to two years.".to_string(),
            )
        });
    }
    Suspension {
        available,
        ..Suspension::unavailable()
    }
}

/// Art 42 (1401), Art 38 (1396), Art 26 (1392): a crime found in the hearing is reported to
/// the judicial authority; the disciplinary case goes on.
pub(super) fn referral(case: &Case, code: Code, steps: &mut Vec<Step>) -> Option<Referral> {
    let charges: Vec<usize> = case
        .charges
        .iter()
        .enumerate()
        .filter(|(_, c)| c.crime_found)
        .map(|(i, _)| i)
        .collect();
    if charges.is_empty() {
        return None;
    }
    let article = code.crimes_article();
    steps.push(step(
        article,
        None,
        None,
        true,
        None,
        None,
        match code {
            Code::V1401 => format!(
                "اعلام جرم: در رسیدگی از وقوع جرم واجد جنبه عمومی آگاهی حاصل شده است؛ هیأت مکلف است مراتب را به مرجع قضایی صالح اعلام کند و رسیدگی کیفری مانع رسیدگی انتظامی نیست ({}).",
                code.name_fa()
            ),
            _ => format!(
                "اعلام جرم: هیأت در حین رسیدگی از وقوع جرمی مطلع شده است؛ مکلف است مراتب را به مرجع قضایی ذی‌صلاح اعلام کند و رسیدگی به جرم مانع رسیدگی به تخلف انتظامی نیست ({}، ماده {} و تبصره ۱ آن؛ هر جرمی، نه فقط جرم واجد جنبه عمومی).",
                code.name_fa(),
                fa(code.crimes_article().split(':').nth(1).unwrap_or_default())
            ),
        },
        match code {
            Code::V1401 => "Crime with a public aspect found: the board must report it to the competent judicial authority; criminal proceedings do not stop the disciplinary case.".to_string(),
            _ => format!("Crime found (any crime, {}): the board must report it to the competent judicial authority; criminal proceedings do not stop the disciplinary case.", code.crimes_article()),
        },
    ));
    Some(Referral {
        required: true,
        article,
        charges,
    })
}
