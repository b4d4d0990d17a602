//! From an input struct to the data a template reads (`/data.json`): dates in Persian digits,
//! article texts looked up, the operative part and the appeal notice worded, every free text
//! with its Latin runs isolated. The templates only lay out what is prepared here.

use crate::RenderError;
use crate::input::*;
use crate::text::{fa, isolate_latin as iso, isolate_number as num, months_words, words};
use crate::verify::Verification;
use heyat_core::JalaliDate;
use heyat_core::engine::Code;
use heyat_core::regulation::{Library, PenaltyKind, Provision, Suspends, library};
use serde_json::{Value, json};

fn bad(msg: impl Into<String>) -> RenderError {
    RenderError::Invalid(msg.into())
}

fn lib() -> Result<&'static Library, RenderError> {
    library().map_err(|e| bad(format!("داده مقررات معتبر نیست: {e}")))
}

/// `۱۴۰۳/۰۷/۰۱`.
fn date(d: JalaliDate) -> String {
    d.format_fa()
}

/// `سه‌شنبه ۱۴۰۳/۰۷/۰۱`.
fn day_and_date(d: JalaliDate) -> String {
    format!("{} {}", d.weekday().name_fa(), d.format_fa())
}

/// How a document names a member's role under his signature and in the attendance.
fn seat_fa(seat: MemberKind) -> &'static str {
    match seat {
        MemberKind::Judge => "عضو قضایی",
        MemberKind::KanoonRep => "نمایندهٔ کانون",
        MemberKind::CenterRep => "نمایندهٔ مرکز",
    }
}

fn level_fa(level: BoardLevel) -> &'static str {
    match level {
        BoardLevel::FirstInstance => "هیأت بدوی",
        BoardLevel::Appeal => "هیأت تجدیدنظر",
    }
}

fn code_name(version: &str) -> String {
    match Code::from_id(version) {
        Some(c) => c.name_fa().to_owned(),
        None => lib()
            .ok()
            .and_then(|l| l.regulation(version))
            .map(|r| r.regulation.title_fa.clone())
            .unwrap_or_else(|| version.to_owned()),
    }
}

fn part_label(label: &str) -> String {
    // The older codes number their items (ردیف ۶), the 1401 code letters its clauses (بند «ج»).
    if !label.is_empty()
        && label
            .chars()
            .all(|c| c.is_ascii_digit() || ('۰'..='۹').contains(&c))
    {
        format!("ردیف {label}")
    } else if label.chars().count() <= 3 {
        format!("بند «{label}»")
    } else {
        label.to_owned()
    }
}

/// «ماده ۳۷ آیین‌نامه ۱۴۰۱، بند «ج»» for an id.
fn cite(id: &str) -> Result<(String, &'static str), RenderError> {
    let lib = lib()?;
    let p = lib
        .get(id)
        .ok_or_else(|| bad(format!("مادهٔ «{id}» در مقررات نیست")))?;
    let version = id.split(':').next().unwrap_or_default();
    let article = format!("مادهٔ {} {}", fa(p.article().number), code_name(version));
    let heading = match p {
        Provision::Article(_) => article,
        Provision::Clause(_, c) => format!("{}، {}", article, part_label(&c.label_fa)),
        Provision::Note(_, n) => format!("{}، {}", article, n.label_fa),
    };
    Ok((heading, p.text_fa()))
}

/// Orders ids as the regulations do: by code, article number, then clause.
fn citation_key(id: &str) -> (String, u32, String) {
    let mut parts = id.split(':');
    let v = parts.next().unwrap_or_default().to_owned();
    let a = parts.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let c = parts.next().unwrap_or_default().to_owned();
    (v, a, c)
}

/// The quoted provisions: each id once, a clause dropped when its whole article is quoted.
fn citations(ids: &[String]) -> Result<Vec<Value>, RenderError> {
    let mut ids: Vec<String> = ids.to_vec();
    ids.sort_by_key(|id| citation_key(id));
    ids.dedup();
    let articles: Vec<String> = ids
        .iter()
        .filter(|id| id.split(':').count() == 2)
        .cloned()
        .collect();
    let mut out = Vec::new();
    for id in &ids {
        let parent = id.split(':').take(2).collect::<Vec<_>>().join(":");
        if id.split(':').count() > 2 && articles.contains(&parent) {
            continue;
        }
        let (heading, text) = cite(id)?;
        out.push(json!({ "id": id, "heading": heading, "text": text }));
    }
    Ok(out)
}

/// How a document names a grade of `code`: «درجهٔ پنج (۵)» (1401 Art 29 numbers grades),
/// «ردیف پنج (۵) مادهٔ ۳۵ آیین‌نامه ۱۳۹۶» (the older codes list their penalties in rows).
fn grade_name(code: &str, grade: u8) -> String {
    match Code::from_id(code) {
        Some(Code::V1401) | None => format!("درجهٔ {} ({})", words(grade.into()), fa(grade)),
        Some(c) => format!(
            "ردیف {} ({}) مادهٔ {} {}",
            words(grade.into()),
            fa(grade),
            fa(c.grades_article().split(':').nth(1).unwrap_or_default()),
            c.name_fa()
        ),
    }
}

/// The penalty of `grade` as the code that judged the case words it (1401 Art 29, 1396
/// Art 35, 1392 Art 23), its suspension's length checked against that code's term; and the
/// clause that words it, to quote.
fn penalty_words(
    code: &str,
    grade: u8,
    months: Option<u32>,
) -> Result<(String, String), RenderError> {
    let lib = lib()?;
    let name = Code::from_id(code)
        .map(|c| c.name_fa().to_owned())
        .ok_or_else(|| bad(format!("مقررهٔ «{code}» شناخته نیست (regulation)")))?;
    let penalty = lib.penalty(code, grade).ok_or_else(|| {
        let max = Code::from_id(code).map_or(7, Code::max_grade);
        bad(format!(
            "{name} درجهٔ {} ندارد؛ مجازات‌های آن از درجهٔ ۱ تا {} است (verdict.grade)",
            fa(grade),
            fa(max)
        ))
    })?;
    let head = format!("مجازات انتظامی {}", grade_name(code, grade));
    let what = match (penalty.kind, penalty.term_months, months) {
        (PenaltyKind::Suspension, Some([_, most]), Some(m)) => {
            let least = penalty.least_months().unwrap_or(1);
            if !(least..=most).contains(&m) {
                return Err(bad(format!(
                    "مدت تعلیق برای {} ({}) از {} تا {} ماه است، نه {} ماه (verdict.suspension_months)",
                    grade_name(code, grade),
                    penalty.title_fa,
                    fa(least),
                    fa(most),
                    fa(m)
                )));
            }
            match penalty.suspends {
                Some(Suspends::Licence) => format!("تعلیق موقت پروانه به مدت {}", months_words(m)),
                _ => format!("تعلیق از مدیریت دفتر به مدت {}", months_words(m)),
            }
        }
        (PenaltyKind::Suspension, term, None) => {
            return Err(bad(format!(
                "برای {} ({}) مدت تعلیق را به ماه بنویسید: از {} تا {} ماه (verdict.suspension_months)",
                grade_name(code, grade),
                penalty.title_fa,
                fa(penalty.least_months().unwrap_or(0)),
                fa(term.map_or(0, |t| t[1]))
            )));
        }
        (_, _, Some(_)) => {
            return Err(bad(format!(
                "{} ({}) مدت ندارد؛ مدت تعلیق تنها برای مجازات تعلیق نوشته می‌شود (verdict.suspension_months)",
                grade_name(code, grade),
                penalty.title_fa
            )));
        }
        _ => penalty.title_fa.clone(),
    };
    Ok((format!("{head}: {what}"), penalty.clause))
}

fn bar_clause(reason: BarReason) -> (&'static str, &'static str) {
    match reason {
        BarReason::ResJudicata => ("1401:30:a", "شمول امر مختومه"),
        BarReason::Limitation => ("1401:30:b", "شمول مرور زمان"),
        BarReason::Separation => ("1401:30:c", "منفک شدن دائم مدیر از مدیریت دفتر"),
        BarReason::Death => ("1401:30:d", "فوت مدیر دفتر"),
    }
}

/// The title of a charge's clause as the regulations give it.
fn charge_title(lib: &Library, violation: &str) -> String {
    match lib.get(violation) {
        Some(Provision::Clause(_, cl)) => cl.title_fa.clone(),
        Some(p) => p.article().title_fa.clone(),
        None => String::new(),
    }
}

/// «الف»، «ب» و «پ».
fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|t| format!("«{t}»")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} و {last}", rest.join("، ")),
    }
}

/// The conditions of Arts 9–11 (1401) that Art 45 weighs.
const QUALIFICATION_ARTICLES: [&str; 3] = ["1401:9", "1401:10", "1401:11"];

/// Each condition an Art 45 ruling found lost: its heading, title and corrected text.
fn qualifications(ids: &[String]) -> Result<Vec<Value>, RenderError> {
    let lib = lib()?;
    if ids.is_empty() {
        return Err(bad(
            "رأی لغو پروانه به استناد مادهٔ ۴۵ باید شرط یا شرایطی از مواد ۹ تا ۱۱ آیین‌نامه ۱۴۰۱ را که مدیر دفتر فاقد آن است نام ببرد (verdict.qualifications)",
        ));
    }
    ids.iter()
        .map(|id| {
            let article = id.split(':').take(2).collect::<Vec<_>>().join(":");
            if !QUALIFICATION_ARTICLES.contains(&article.as_str()) {
                return Err(bad(format!(
                    "«{id}» از شرایط مواد ۹ تا ۱۱ آیین‌نامه ۱۴۰۱ نیست (verdict.qualifications)"
                )));
            }
            let (heading, text) = cite(id)?;
            Ok(json!({
                "id": id,
                "heading": heading,
                "title": charge_title(lib, id),
                "text": text,
            }))
        })
        .collect()
}

/// The operative sentence and the provisions it rests on.
fn operative(input: &RulingInput) -> Result<(String, Vec<String>), RenderError> {
    let lib = lib()?;
    let who = format!(
        "{}، مدیر {}",
        iso(&input.office.manager),
        iso(&input.office.name)
    );
    // The code that judged the case; a ruling drafted before `regulation` existed was worded
    // as the 1401 code words it, and quoted the grade of its first charge's code.
    let judged_by = input
        .regulation
        .clone()
        .unwrap_or_else(|| "1401".to_owned());
    let quoted_code = input.regulation.clone().unwrap_or_else(|| {
        input
            .charges
            .first()
            .and_then(|c| c.violation.split(':').next())
            .unwrap_or("1401")
            .to_owned()
    });
    let mut cited = Vec::new();
    let text = match &input.verdict {
        Verdict::Penalty {
            grade,
            suspension_months,
        } => {
            let (penalty, clause) = penalty_words(&judged_by, *grade, *suspension_months)?;
            let quoted = if quoted_code == judged_by {
                Some(clause)
            } else {
                lib.penalty(&quoted_code, *grade).map(|p| p.clause)
            };
            cited.extend(quoted);
            let (convicted, acquitted): (Vec<&Charge>, Vec<&Charge>) =
                input.charges.iter().partition(|c| c.established);
            if acquitted.is_empty() {
                format!("هیأت با احراز تخلف، {who} را به {penalty} محکوم می‌کند.")
            } else if convicted.is_empty() {
                return Err(bad(
                    "هیچ‌یک از تخلف‌ها محرز نیست (charges[].established)؛ بی تخلف محرز رأی محکومیت صادر نمی‌شود",
                ));
            } else {
                let titles = |cs: &[&Charge]| {
                    quoted_list(
                        &cs.iter()
                            .map(|c| charge_title(lib, &c.violation))
                            .collect::<Vec<_>>(),
                    )
                };
                format!(
                    "هیأت تخلف {} را محرز نمی‌داند و به برائت {who} از این اتهام رأی می‌دهد؛ و با احراز تخلف {}، او را به {penalty} محکوم می‌کند.",
                    titles(&acquitted),
                    titles(&convicted)
                )
            }
        }
        Verdict::Acquittal => {
            format!("هیأت تخلف منتسب را محرز ندانسته و به برائت {who} رأی می‌دهد.")
        }
        Verdict::Barred { reason } => {
            let (id, why) = bar_clause(*reason);
            cited.push(id.to_owned());
            format!(
                "به سبب {why} و به استناد {}، قرار موقوفی تعقیب انتظامی {who} صادر می‌شود.",
                cite(id)?.0
            )
        }
        Verdict::SuspendedProsecution { years } => {
            if !(1..=2).contains(years) {
                return Err(bad("مدت تعلیق تعقیب یک تا دو سال است (ماده ۳۱)"));
            }
            cited.push("1401:31".to_owned());
            format!(
                "هیأت به استناد مادهٔ ۳۱ آیین‌نامه ۱۴۰۱، تعقیب انتظامی {who} را به مدت {} ({}) سال معلق می‌کند؛ هرگاه در این مدت مرتکب تخلفی شود که به محکومیت قطعی بینجامد، تعلیق لغو و به موضوع اصلی نیز رسیدگی خواهد شد.",
                words((*years).into()),
                fa(years)
            )
        }
        Verdict::LicenceRevocation {
            qualifications: ids,
        } => {
            if judged_by != "1401" {
                return Err(bad(format!(
                    "لغو پروانه به سبب فقدان شرایط تنها در مادهٔ ۴۵ آیین‌نامه ۱۴۰۱ آمده است و {} چنین حکمی ندارد (regulation)",
                    code_name(&judged_by)
                )));
            }
            let found = qualifications(ids)?;
            cited.push("1401:45".to_owned());
            cited.extend(ids.iter().cloned());
            let lost: Vec<String> = found
                .iter()
                .map(|q| {
                    format!(
                        "«{}» ({})",
                        q["title"].as_str().unwrap_or_default(),
                        q["heading"].as_str().unwrap_or_default()
                    )
                })
                .collect();
            let lost = match lost.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} و {last}", rest.join("، ")),
                _ => lost.concat(),
            };
            format!(
                "هیأت با احراز اینکه {who} {} {lost} را از دست داده یا از ابتدا فاقد آن بوده است، به استناد مادهٔ ۴۵ آیین‌نامه ۱۴۰۱ رأی به لغو پروانهٔ دفتر صادر می‌کند.",
                if ids.len() == 1 {
                    "شرط"
                } else {
                    "شرایط"
                }
            )
        }
    };
    Ok((text, cited))
}

fn appeal_text(notice: Option<&AppealNotice>) -> Result<(String, Vec<String>), RenderError> {
    let Some(n) = notice else {
        return Ok(("این رأی قطعی است.".to_owned(), Vec::new()));
    };
    let (article, _) = cite(&n.article)?;
    if !n.appealable {
        return Ok((
            format!("این رأی به استناد {article} قطعی است."),
            vec![n.article.clone()],
        ));
    }
    let by: Vec<&str> =
        n.by.iter()
            .map(|a| match a {
                Appellant::Manager => "مدیر دفتر",
                Appellant::CenterHead => "رئیس مرکز آمار و فناوری اطلاعات قوه قضاییه",
            })
            .collect();
    let by = if by.is_empty() {
        "اشخاص ذی‌نفع".to_owned()
    } else {
        by.join(" یا ")
    };
    Ok((
        format!(
            "این رأی به استناد {article} ظرف {} ({}) روز از تاریخ ابلاغ، از سوی {by}، قابل اعتراض در هیأت تجدیدنظر رسیدگی به تخلفات مدیران دفاتر خدمات الکترونیک قضایی است؛ روز ابلاغ شمرده نمی‌شود.",
            words(n.days),
            fa(n.days)
        ),
        vec![n.article.clone()],
    ))
}

fn complainant_text(c: Option<&Complainant>) -> String {
    match c {
        None => "—".to_owned(),
        Some(c) => match (&c.name, c.confidential) {
            (Some(name), false) => format!("{}: {}", iso(&c.source), iso(name)),
            _ => format!(
                "{} (هویت گزارش‌دهنده به استناد مادهٔ ۲۰ محرمانه است)",
                iso(&c.source)
            ),
        },
    }
}

fn step_sentence(s: &TraceStep) -> String {
    let text = iso(&s.reason_fa);
    match (s.mandatory, s.adopted) {
        (false, Some(true)) => format!("{text} هیأت از این اختیار استفاده کرد."),
        (false, Some(false)) => format!("{text} هیأت از این اختیار استفاده نکرد."),
        _ => text,
    }
}

fn meta(title: &str, author: &str, subject: &str, v: &Verification) -> Value {
    json!({
        "title": title,
        "author": author,
        "subject": subject,
        "keywords": ["heyat", v.sha256.clone()],
    })
}

/// Prepared data of a ruling (first instance or appeal).
pub fn ruling(
    input: &RulingInput,
    appeal: bool,
    v: &Verification,
) -> Result<(Value, JalaliDate), RenderError> {
    let lib = lib()?;
    if input.members.is_empty() {
        return Err(bad("اعضای هیأت (members) خالی است"));
    }
    if appeal && input.appeal_of.is_none() {
        return Err(bad("دادنامهٔ تجدیدنظر بدون appeal_of ساخته نمی‌شود"));
    }
    let mut cited: Vec<String> = input.citations.clone();
    // A conviction on some charges and an acquittal on others says which is which.
    let mixed = matches!(input.verdict, Verdict::Penalty { .. })
        && input.charges.iter().any(|c| c.established)
        && input.charges.iter().any(|c| !c.established);
    let mut charges = Vec::new();
    for c in &input.charges {
        let (heading, _) = cite(&c.violation)?;
        cited.push(c.violation.clone());
        charges.push(json!({
            "heading": heading,
            "title": charge_title(lib, &c.violation),
            "days": c.days.map(|d| format!("{} روز", fa(d))),
            "committed_on": date(c.committed_on),
            "finding": match (c.established, mixed) {
                (true, false) => "محرز است",
                (false, false) => "محرز نیست",
                (true, true) => "محرز است؛ محکومیت",
                (false, true) => "محرز نیست؛ برائت",
            },
            "facts": c.facts.as_deref().map(iso),
        }));
    }
    let qualifications = match &input.verdict {
        Verdict::LicenceRevocation {
            qualifications: ids,
        } => qualifications(ids)?,
        _ => Vec::new(),
    };
    for s in &input.steps {
        cited.push(s.clause.clone().unwrap_or_else(|| s.article.clone()));
    }
    let (operative, more) = operative(input)?;
    cited.extend(more);
    let (appeal_notice, more) = if appeal {
        (
            // Arts 24 and 33 leave no further appeal from the appeal board.
            "این رأی قطعی است.".to_owned(),
            Vec::new(),
        )
    } else {
        // Art 45 makes the revocation appealable within 20 days; the text names neither the
        // start nor who appeals, read as Art 33 reads (DOMAIN.md): from notification, by the
        // manager or the head of the Center.
        let art45 = AppealNotice {
            appealable: true,
            article: "1401:45".to_owned(),
            by: vec![Appellant::Manager, Appellant::CenterHead],
            days: 20,
        };
        let notice = match (&input.appeal, &input.verdict) {
            (None, Verdict::LicenceRevocation { .. }) => Some(&art45),
            (notice, _) => notice.as_ref(),
        };
        appeal_text(notice)?
    };
    cited.extend(more);
    let citations = citations(&cited)?;

    let dissenters: Vec<&Member> = input
        .members
        .iter()
        .filter(|m| m.dissent.is_some())
        .collect();
    let majority = if dissenters.is_empty() {
        "این رأی به اتفاق آرای اعضا صادر شد."
    } else {
        "این رأی به اکثریت آرای اعضا صادر شد و نظر عضو مخالف پس از رأی درج شده است."
    };
    let members: Vec<Value> = input
        .members
        .iter()
        .map(|m| {
            let mut role = seat_fa(m.seat).to_owned();
            if m.chair {
                role = format!("رئیس هیأت، {role}");
            }
            if m.alternate {
                role.push_str(" (علی‌البدل)");
            }
            json!({
                "name": iso(&m.name),
                "role": role,
                "vote": if m.dissent.is_some() { "عضو مخالف" } else { "عضو اکثریت" },
            })
        })
        .collect();
    let dissents: Vec<Value> = dissenters
        .iter()
        .map(|m| json!({ "name": iso(&m.name), "role": seat_fa(m.seat), "text": iso(m.dissent.as_deref().unwrap_or_default()) }))
        .collect();

    let appeal_of = match (&input.appeal_of, appeal) {
        (Some(a), true) => {
            let result = match a.result {
                AppealResult::Confirmed => "تأیید",
                AppealResult::Reversed => "نقض",
                AppealResult::Modified => "اصلاح",
            };
            json!({
                "board": iso(&a.board),
                "ruling": format!("دادنامهٔ شمارهٔ {} مورخ {}", num(&a.ruling_number), date(a.ruling_date)),
                "decided": iso(&a.decided),
                "appellant": iso(&a.appellant),
                "filed_on": date(a.filed_on),
                "grounds": iso(&a.grounds),
                "result": result,
                "sentence": match a.result {
                    AppealResult::Confirmed => format!(
                        "با توجه به آنچه گذشت، اعتراض وارد نیست و دادنامهٔ شمارهٔ {} مورخ {} {} تأیید می‌شود.",
                        num(&a.ruling_number), date(a.ruling_date), iso(&a.board)),
                    AppealResult::Reversed => format!(
                        "با توجه به آنچه گذشت، اعتراض وارد است و دادنامهٔ شمارهٔ {} مورخ {} {} نقض می‌شود.",
                        num(&a.ruling_number), date(a.ruling_date), iso(&a.board)),
                    AppealResult::Modified => format!(
                        "با توجه به آنچه گذشت، اعتراض در بخشی وارد است و دادنامهٔ شمارهٔ {} مورخ {} {} به شرح زیر اصلاح می‌شود.",
                        num(&a.ruling_number), date(a.ruling_date), iso(&a.board)),
                },
            })
        }
        _ => Value::Null,
    };

    let title = if appeal {
        "دادنامهٔ هیأت تجدیدنظر"
    } else {
        "دادنامهٔ هیأت بدوی"
    };
    let doc_title = format!("{title} شمارهٔ {}", input.ruling_number);
    let data = json!({
        "meta": meta(&doc_title, &input.board.name, &format!("پروندهٔ {} — {}", input.case_number, input.subject), v),
        "verification": v.to_json(),
        "title": title,
        "board": iso(&input.board.name),
        "level": level_fa(input.board.level),
        "ruling_number": num(&input.ruling_number),
        "case_number": num(&input.case_number),
        "session_date": date(input.session_date),
        "session_day": day_and_date(input.session_date),
        "office": iso(&format!("{} (کد {})، {}", input.office.name, input.office.code, input.office.city)),
        "manager": iso(&input.office.manager),
        "complainant": complainant_text(input.complainant.as_ref()),
        "subject": iso(&input.subject),
        "complaint_summary": iso(&input.complaint_summary),
        "defence_summary": iso(&input.defence_summary),
        "charges": charges,
        "qualifications": qualifications,
        "reasoning": input.reasoning.iter().map(|p| iso(p)).collect::<Vec<_>>(),
        "steps": input.steps.iter().map(step_sentence).collect::<Vec<_>>(),
        "citations": citations,
        "operative": operative,
        "appeal_notice": appeal_notice,
        "appeal_of": appeal_of,
        "majority": majority,
        "members": members,
        "dissents": dissents,
        "secretary": input.secretary.as_deref().map(iso),
        // The signatures, for a sealed ruling (`seal::prepare`); `null` on the unsigned print.
        "seal": Value::Null,
    });
    Ok((data, input.session_date))
}

fn choice_fa(c: VoteChoice) -> &'static str {
    match c {
        VoteChoice::Yes => "موافق",
        VoteChoice::No => "مخالف",
        VoteChoice::Abstain => "ممتنع",
    }
}

/// Prepared data of session minutes.
pub fn minutes(input: &MinutesInput, v: &Verification) -> Result<(Value, JalaliDate), RenderError> {
    let (seats, alternates, quorum) = attendance(&input.attendance);
    let questions = questions(&input.questions);
    let title = "صورتجلسهٔ هیأت";
    let doc_title = format!(
        "صورتجلسهٔ شمارهٔ {} پروندهٔ {}",
        input.session_number, input.case_number
    );
    let data = json!({
        "meta": meta(&doc_title, &input.board.name, &iso(&input.agenda), v),
        "verification": v.to_json(),
        "title": title,
        "board": iso(&input.board.name),
        "level": level_fa(input.board.level),
        "case_number": num(&input.case_number),
        "session_number": num(&input.session_number),
        "session_date": date(input.session_date),
        "session_day": day_and_date(input.session_date),
        "start_time": iso(&input.start_time),
        "place": iso(&input.place),
        "attendance": seats,
        "alternates": alternates,
        "quorum": quorum,
        "chair": iso(&input.chair),
        "agenda": iso(&input.agenda),
        "questions": questions,
        "dissents": dissents(&input.dissents),
        "notes": input.notes.as_deref().map(iso),
        "secretary": iso(&input.secretary),
        "signers": signers(&input.attendance),
    });
    Ok((data, input.session_date))
}

fn dissents(ds: &[Dissent]) -> Vec<Value> {
    ds.iter()
        .map(|d| json!({"name": iso(&d.member), "text": iso(&d.text)}))
        .collect()
}

fn signers(attendance: &[Attendance]) -> Vec<Value> {
    attendance
        .iter()
        .map(|a| {
            json!({
                "name": iso(a.replaced_by.as_deref().filter(|_| !a.present).unwrap_or(&a.member)),
                "role": seat_fa(a.seat),
            })
        })
        .collect()
}

/// The attendance table's rows, the alternates who sat, and the quorum sentence (Art 28).
fn attendance(rows: &[Attendance]) -> (Vec<Value>, Vec<String>, String) {
    let seats: Vec<Value> = rows
        .iter()
        .map(|a| {
            let status = match (a.present, &a.replaced_by) {
                (true, _) => "حاضر".to_owned(),
                (false, Some(alt)) => format!("غایب؛ عضو علی‌البدل {} جایگزین شد", iso(alt)),
                (false, None) => "غایب".to_owned(),
            };
            json!({
                "seat": seat_fa(a.seat),
                "member": iso(&a.member),
                "status": status,
                "note": a.note.as_deref().map(iso),
            })
        })
        .collect();
    let filled = rows.iter().all(|a| a.present || a.replaced_by.is_some());
    let quorum = if filled && rows.len() >= 3 {
        format!(
            "همهٔ {} ({}) کرسی هیأت پر است؛ جلسه به استناد مادهٔ ۲۸ آیین‌نامه ۱۴۰۱ رسمی است.",
            words(rows.len() as u32),
            fa(rows.len())
        )
    } else {
        "همهٔ کرسی‌های هیأت پر نیست؛ به استناد مادهٔ ۲۸ آیین‌نامه ۱۴۰۱ جلسه رسمیت ندارد و رأی صادر نمی‌شود."
            .to_owned()
    };
    let alternates: Vec<String> = rows
        .iter()
        .filter_map(|a| {
            a.replaced_by.as_ref().map(|alt| {
                format!(
                    "{} به جای {} ({})",
                    iso(alt),
                    iso(&a.member),
                    seat_fa(a.seat)
                )
            })
        })
        .collect();
    (seats, alternates, quorum)
}

/// Each question with every vote, the count and the result.
fn questions(qs: &[Question]) -> Vec<Value> {
    qs.iter()
        .enumerate()
        .map(|(i, q)| {
            let yes = q
                .votes
                .iter()
                .filter(|v| v.choice == VoteChoice::Yes)
                .count();
            let no = q
                .votes
                .iter()
                .filter(|v| v.choice == VoteChoice::No)
                .count();
            let abstain = q.votes.len() - yes - no;
            let mut tally = format!("{} موافق، {} مخالف", fa(yes), fa(no));
            if abstain > 0 {
                tally.push_str(&format!("، {} ممتنع", fa(abstain)));
            }
            json!({
                "number": fa(i + 1),
                "text": iso(&q.text),
                "votes": q.votes.iter().map(|v| json!({
                    "member": iso(&v.member),
                    "choice": choice_fa(v.choice),
                    "note": v.note.as_deref().map(iso),
                })).collect::<Vec<_>>(),
                "tally": tally,
                "result": iso(&q.result),
            })
        })
        .collect()
}

/// Prepared data of a sitting's combined minutes: the attendance once, then each case in
/// order with who sat when it differs (a recusal), its questions and votes, dissents and what
/// was decided.
pub fn sitting_minutes(
    input: &SittingMinutesInput,
    v: &Verification,
) -> Result<(Value, JalaliDate), RenderError> {
    if input.cases.is_empty() {
        return Err(bad("نشست بی‌پرونده صورت‌جلسه ندارد"));
    }
    let (seats, alternates, quorum) = attendance(&input.attendance);
    let cases: Vec<Value> = input
        .cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let recusals: Vec<String> = c
                .recusals
                .iter()
                .map(|r| {
                    format!(
                        "{} ({}) در این پرونده کناره‌گیری کرد و عضو علی‌البدل {} به جای او نشست (مواد ۲۵ و ۲۸)",
                        iso(&r.member),
                        seat_fa(r.seat),
                        iso(&r.replaced_by)
                    )
                })
                .collect();
            json!({
                "order": fa(i + 1),
                "case_number": num(&c.case_number),
                "agenda": iso(&c.agenda),
                "parties": iso(&c.parties),
                "recusals": recusals,
                "chair": c.chair.as_deref().map(iso),
                "questions": questions(&c.questions),
                "dissents": dissents(&c.dissents),
                "decided": iso(&c.decided),
            })
        })
        .collect();
    let numbers: Vec<String> = input.cases.iter().map(|c| num(&c.case_number)).collect();
    let doc_title = format!(
        "صورت‌جلسهٔ نشست شمارهٔ {} ({})",
        input.sitting_number,
        date(input.sitting_date)
    );
    let data = json!({
        "meta": meta(&doc_title, &input.board.name, &format!("پرونده‌های {}", numbers.join("، ")), v),
        "verification": v.to_json(),
        "title": "صورت‌جلسهٔ نشست هیأت",
        "board": iso(&input.board.name),
        "level": level_fa(input.board.level),
        "sitting_number": num(&input.sitting_number),
        "sitting_date": date(input.sitting_date),
        "sitting_day": day_and_date(input.sitting_date),
        "start_time": iso(&input.start_time),
        "place": iso(&input.place),
        "attendance": seats,
        "alternates": alternates,
        "standby": input.standby.iter().map(|s| iso(s)).collect::<Vec<_>>(),
        "quorum": quorum,
        "chair": iso(&input.chair),
        "count": format!("{} ({})", words(input.cases.len() as u32), fa(input.cases.len())),
        "cases": cases,
        "secretary": iso(&input.secretary),
        "signers": signers(&input.attendance),
    });
    Ok((data, input.sitting_date))
}

/// Prepared data of a notification slip.
pub fn notice(input: &NoticeInput, v: &Verification) -> Result<(Value, JalaliDate), RenderError> {
    let role = match input.recipient_role {
        RecipientRole::Manager => "مدیر دفتر",
        RecipientRole::CenterHead => "رئیس مرکز آمار و فناوری اطلاعات قوه قضاییه",
        RecipientRole::Complainant => "شاکی",
        RecipientRole::Other => "ذی‌نفع",
    };
    let deadline = match &input.deadline {
        None => "این رأی قطعی است و مهلت اعتراضی ندارد.".to_owned(),
        Some(d) => {
            let (article, _) = cite(&d.article)?;
            format!(
                "به استناد {article}، مهلت اعتراض {} ({}) روز از تاریخ این ابلاغ است (روز ابلاغ شمرده نمی‌شود) و آخرین روز آن {} است. اعتراض به {} تقدیم می‌شود.",
                words(d.days),
                fa(d.days),
                day_and_date(d.last_day),
                iso(&d.board)
            )
        }
    };
    let doc_title = format!(
        "برگ ابلاغ {} شمارهٔ {}",
        input.document, input.document_number
    );
    let data = json!({
        "meta": meta(&doc_title, &input.board.name, &format!("پروندهٔ {}", input.case_number), v),
        "verification": v.to_json(),
        "title": "برگ ابلاغ",
        "board": iso(&input.board.name),
        "case_number": num(&input.case_number),
        "document": iso(&input.document),
        "document_number": num(&input.document_number),
        "document_date": date(input.document_date),
        "summary": iso(&input.summary),
        "recipient": iso(&input.recipient),
        "role": role,
        "address": iso(&input.address),
        "notified_on": date(input.notified_on),
        "notified_day": day_and_date(input.notified_on),
        "method": iso(&input.method),
        "deadline": deadline,
        "served_by": iso(&input.served_by),
        "secretary": iso(&input.secretary),
    });
    Ok((data, input.notified_on))
}

/// Prepared data of a summons: each charge with its clause's title and corrected text, the
/// session, the time to defend (and, once served, its last day), the provisions quoted.
pub fn summons(input: &SummonsInput, v: &Verification) -> Result<(Value, JalaliDate), RenderError> {
    let lib = lib()?;
    if input.charges.is_empty() {
        return Err(bad(
            "اخطاریه بی‌اتهام ساخته نمی‌شود؛ دست‌کم یک تخلف منتسب بدهید (charges)",
        ));
    }
    if input.session.day <= input.issued_on {
        return Err(bad(
            "روز جلسه باید پس از تاریخ صدور اخطاریه باشد (session.day)",
        ));
    }
    if input.articles.is_empty() {
        return Err(bad("مستند اخطاریه (articles) خالی است"));
    }
    let mut charges = Vec::with_capacity(input.charges.len());
    for c in &input.charges {
        let (heading, text) = cite(&c.violation)?;
        let title = charge_title(lib, &c.violation);
        charges.push(json!({
            "heading": heading,
            // The catalogue's clauses are often one line, their title; printed once.
            "text": (text.trim() != title.trim()).then_some(text),
            "title": title,
            "days": c.days.map(|d| format!("{} روز", fa(d))),
            "committed_on": date(c.committed_on),
            "facts": c.facts.as_deref().filter(|f| !f.trim().is_empty()).map(iso),
        }));
    }
    let t = heyat_core::to_latin_digits(input.session.time.trim());
    let is_time = t.len() == 5
        && t.as_bytes()[2] == b':'
        && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && t[3..].parse::<u8>().is_ok_and(|m| m < 60);
    if !is_time {
        return Err(bad(format!(
            "ساعت جلسه «{}» ساعت نیست؛ به شکل ۰۹:۳۰ بدهید (session.time)",
            input.session.time
        )));
    }
    let time = fa(&t);
    let session = format!(
        "{} ساعت {} در {}",
        day_and_date(input.session.day),
        time,
        iso(&input.session.place)
    );
    let days = format!("{} ({})", words(input.defence_days), fa(input.defence_days));
    let deadline = match &input.served {
        Some(s) => {
            if s.on < input.issued_on || s.defence_due <= s.on {
                return Err(bad(
                    "تاریخ ابلاغ یا آخرین روز دفاع با تاریخ صدور نمی‌خواند (served)",
                ));
            }
            format!(
                "این اخطاریه در {} ({}) ابلاغ شد؛ مهلت {days} روزهٔ دفاع کتبی از روز پس از ابلاغ شمرده می‌شود و آخرین روز آن {} است.",
                day_and_date(s.on),
                iso(&s.method),
                day_and_date(s.defence_due)
            )
        }
        None => format!(
            "مهلت دفاع کتبی {days} روز از تاریخ ابلاغ این اخطاریه است؛ روز ابلاغ شمرده نمی‌شود و اگر روز آخر جمعه یا تعطیل رسمی باشد، مهلت تا نخستین روز کاری پس از آن ادامه دارد (مواد ۴۴۴ و ۴۴۵ قانون آیین دادرسی مدنی)."
        ),
    };
    let articles = citations(&input.articles)?;
    // «مواد ۲۱، ۲۷ و ۲۸ آیین‌نامه ۱۴۰۱» when the provisions are whole articles of one code;
    // otherwise each heading.
    let version = input.articles[0].split(':').next().unwrap_or_default();
    let whole = input
        .articles
        .iter()
        .all(|id| id.split(':').count() == 2 && id.starts_with(&format!("{version}:")));
    let basis = if whole && input.articles.len() > 1 {
        let numbers: Vec<String> = input
            .articles
            .iter()
            .map(|id| fa(id.split(':').nth(1).unwrap_or_default()))
            .collect();
        let (last, rest) = numbers.split_last().expect("two or more");
        for id in &input.articles {
            cite(id)?;
        }
        vec![format!(
            "مواد {} و {last} {}",
            rest.join("، "),
            code_name(version)
        )]
    } else {
        input
            .articles
            .iter()
            .map(|id| cite(id).map(|(h, _)| h))
            .collect::<Result<Vec<_>, _>>()?
    };
    let doc_title = format!("اخطاریهٔ پروندهٔ {}", input.case_number);
    let data = json!({
        "meta": meta(&doc_title, &input.board.name, &format!("پروندهٔ {}", input.case_number), v),
        "verification": v.to_json(),
        "title": "اخطاریه",
        "board": iso(&input.board.name),
        "level": level_fa(input.board.level),
        "case_number": num(&input.case_number),
        "summons_number": num(&input.summons_number),
        "issued_on": date(input.issued_on),
        "manager": iso(&input.office.manager),
        "office": iso(&input.office.name),
        "office_code": num(&input.office.code),
        "city": iso(&input.office.city),
        "charges": charges,
        "session": session,
        "session_day": day_and_date(input.session.day),
        "session_time": time,
        "place": iso(&input.session.place),
        "deadline": deadline,
        "served": input.served.is_some(),
        "basis": basis.join("، "),
        "articles": articles,
        "secretary": iso(&input.secretary),
    });
    Ok((data, input.issued_on))
}

/// «بند پ شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی» for a clause of index 7.
fn index7_clause(id: &str) -> Result<String, RenderError> {
    let label = id
        .strip_prefix("1404:4:7:")
        .and_then(|_| lib().ok()?.clause(id))
        .map(|(_, c)| c.label_fa.clone())
        .ok_or_else(|| {
            bad(format!(
                "«{id}» بندی از شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی نیست"
            ))
        })?;
    Ok(format!("بند {label} شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی"))
}

/// Prepared data of the report of index 7 (the 1404 Ranking Instruction, Art 4 item 7).
pub fn ranking(input: &RankingInput, v: &Verification) -> Result<(Value, JalaliDate), RenderError> {
    let lib = lib()?;
    if input.from > input.to {
        return Err(bad("آغاز دورهٔ ارزیابی پس از پایان آن است"));
    }
    let period = format!("{} تا {}", date(input.from), date(input.to));
    let index = lib
        .clause("1404:4:7")
        .ok_or_else(|| bad("شاخص ۷ دستورالعمل رتبه‌بندی در مقررات نیست"))?
        .1;
    let mut offices = Vec::with_capacity(input.offices.len());
    let mut cited: Vec<String> = Vec::new();
    for (i, o) in input.offices.iter().enumerate() {
        if o.score > index.full_score.unwrap_or(100) {
            return Err(bad(format!("امتیاز دفتر «{}» بیش از ۱۰۰ است", o.code)));
        }
        let mut effects = Vec::with_capacity(o.effects.len());
        for e in &o.effects {
            let clause = match &e.clause {
                Some(id) => {
                    if !cited.contains(id) {
                        cited.push(id.clone());
                    }
                    index7_clause(id)?
                }
                None => "بدون کسر".to_owned(),
            };
            effects.push(json!({
                "case_number": num(&fa(&e.case_number)),
                "final_on": date(e.final_on),
                "grade": fa(e.grade),
                "regulation": Code::from_id(&e.regulation)
                    .ok_or_else(|| bad(format!("«{}» آیین‌نامهٔ انتظامی شناخته‌شده‌ای نیست (1401، 1396 یا 1392)", e.regulation)))?
                    .name_fa(),
                "clause": clause,
                "deduction": if e.deduction > 0 { format!("{}-", fa(e.deduction)) } else { "۰".to_owned() },
                "reason": iso(&e.reason_fa),
            }));
        }
        let levels = (o.rank_levels_down_max > 0).then(|| {
            format!(
                "تنزل رتبه تا {} درجه (بند الف شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی)",
                fa(o.rank_levels_down_max)
            )
        });
        offices.push(json!({
            "row": fa(i + 1),
            "code": num(&fa(&o.code)),
            "name": iso(&o.name),
            "city": iso(&o.city),
            "manager": o.manager.as_deref().map(iso).unwrap_or_else(|| "—".to_owned()),
            "score": fa(o.score),
            "count": fa(o.effects.len()),
            "levels": levels,
            "effects": effects,
        }));
    }
    cited.sort();
    let mut quoted = vec![json!({
        "heading": "شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی دفاتر خدمات الکترونیک قضایی",
        "text": index.text_fa,
    })];
    for id in &cited {
        let clause = lib
            .clause(id)
            .ok_or_else(|| bad(format!("«{id}» در مقررات نیست")))?
            .1;
        quoted.push(json!({ "heading": index7_clause(id)?, "text": clause.text_fa }));
    }
    let objection = lib
        .article("1404:12")
        .map(|a| a.text_fa.clone())
        .unwrap_or_default();
    let title = "گزارش شاخص سوابق انتظامی و قضائی دفاتر";
    let data = json!({
        "meta": meta(
            &format!("{title} — دورهٔ ارزیابی {period}"),
            &input.issuer,
            &format!("شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی، دورهٔ {period}"),
            v,
        ),
        "verification": v.to_json(),
        "title": title,
        "board": iso(&input.issuer),
        "period": period,
        "from": date(input.from),
        "to": date(input.to),
        "made_on": date(input.made_on),
        "count": fa(input.offices.len()),
        "offices": offices,
        "quoted": quoted,
        "objection": objection,
        "note": input.note.as_deref().map(iso),
    });
    Ok((data, input.made_on))
}
