//! How records read in Persian on screen: dates, charges with their article text, field
//! names of the engine's input, the catalogue, the audit log's verbs. Presentation only.

use crate::dto::{CatalogueEntry, ChargeView};
use crate::error::CommandError;
use heyat_core::date::JalaliDate;
use heyat_core::regulation;

/// An ISO date from the database as people read it: Solar Hijri with Persian digits.
pub fn fa_date(iso: &str) -> Result<String, CommandError> {
    JalaliDate::parse_iso(iso)
        .map(JalaliDate::format_fa)
        .map_err(|e| CommandError::storage(e.to_string()))
}

/// A date typed by a person (Solar Hijri or ISO) as the store keeps it, or a Persian error
/// naming the field.
pub fn iso_date(field: &str, text: &str) -> Result<String, CommandError> {
    JalaliDate::parse(text)
        .map(JalaliDate::to_iso_string)
        .map_err(|e| CommandError::invalid(format!("{field}: {e}")))
}

/// An optional date typed by a person: empty is none.
pub fn optional_iso(field: &str, text: Option<&str>) -> Result<Option<String>, CommandError> {
    match text.map(str::trim) {
        Some(d) if !d.is_empty() => Ok(Some(iso_date(field, d)?)),
        _ => Ok(None),
    }
}

pub fn library() -> Result<&'static regulation::Library, CommandError> {
    regulation::library().map_err(|e| CommandError {
        code: crate::error::ErrorCode::Engine,
        message: format!("دادهٔ مقررات معتبر نیست: {e}"),
    })
}

/// Every violation a board may charge, by code, each with its article's corrected text.
/// Absence and closure appear once each, as kinds measured in days.
pub fn catalogue() -> Result<Vec<CatalogueEntry>, CommandError> {
    let lib = library()?;
    let mut entries = Vec::new();
    for (code, articles) in regulation::CATALOGUE_ARTICLES {
        let Some(reg) = lib.regulation(code) else {
            continue;
        };
        let mut measured_seen = Vec::new();
        for article in reg.article.iter().filter(|a| articles.contains(&a.number)) {
            if article.clause.is_empty() {
                entries.push(CatalogueEntry {
                    id: article.id.clone(),
                    code: code.to_owned(),
                    article_number: article.number,
                    label_fa: String::new(),
                    title_fa: article.title_fa.clone(),
                    text_fa: article.text_fa.clone(),
                    grade: article.grade,
                    grade_range: article.grade_range,
                    measured: false,
                });
            }
            for clause in &article.clause {
                if let Some(kind) = clause.measured {
                    if !measured_seen.contains(&kind) {
                        measured_seen.push(kind);
                        let title = match kind {
                            regulation::Measured::Absence => {
                                "غیبت مدیر دفتر بدون عذر موجه (به روز)"
                            }
                            regulation::Measured::Closure => {
                                "تعطیل خدمت در اوقات اداری دفتر (به روز)"
                            }
                        };
                        entries.push(CatalogueEntry {
                            id: kind.key().to_owned(),
                            code: code.to_owned(),
                            article_number: article.number,
                            label_fa: String::new(),
                            title_fa: title.to_owned(),
                            text_fa: "درجهٔ این تخلف با شمار روزها معین می‌شود؛ موتور قواعد بند مربوط را برمی‌گزیند."
                                .to_owned(),
                            grade: None,
                            grade_range: None,
                            measured: true,
                        });
                    }
                    continue;
                }
                entries.push(CatalogueEntry {
                    id: clause.id.clone(),
                    code: code.to_owned(),
                    article_number: article.number,
                    label_fa: clause.label_fa.clone(),
                    title_fa: clause.title_fa.clone(),
                    text_fa: clause.text_fa.clone(),
                    grade: clause.grade.or(article.grade),
                    grade_range: clause.grade_range.or(article.grade_range),
                    measured: false,
                });
            }
        }
    }
    Ok(entries)
}

/// The engine names fields by JSON path (`charges[1].committed_on`); people read them in Persian.
pub fn field_fa(path: &str) -> String {
    let mut out = String::new();
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        let word = match name {
            "decided_on" => "تاریخ جلسه",
            "regulation" => "مقررهٔ حاکم",
            "charges" => "تخلف",
            "violation" => "عنوان تخلف",
            "committed_on" => "تاریخ وقوع",
            "days" => "شمار روزها",
            "last_prosecution_act_on" => "تاریخ آخرین اقدام تعقیبی",
            "grade" => "درجه",
            "record" => "سابقهٔ محکومیت",
            "final_on" => "تاریخ قطعیت",
            "carried_out_on" => "تاریخ اجرا",
            "holidays" => "تعطیلات",
            "decision" => "رأی هیأت",
            "notified_on" => "تاریخ ابلاغ",
            "charge_grade" => "درجهٔ تخلف",
            "manager" => "مدیر دفتر",
            "lost_qualifications" => "شرط از دست رفته (مواد ۹ تا ۱۱)",
            "acquitted_charges" => "تخلف برائت‌یافته",
            "suspended_prosecution" => "قرار تعلیق تعقیب",
            "ordered_on" => "تاریخ قرار",
            "years" => "مدت (سال)",
            other => other,
        };
        if !out.is_empty() {
            out.push_str(" › ");
        }
        out.push_str(word);
        if let Some(i) = index {
            out.push(' ');
            out.push_str(&heyat_core::to_persian_digits(&(i + 1).to_string()));
        }
    }
    out
}

/// How a charge reads: its clause's title, text and grade from the regulations data.
pub fn charge_view(
    lib: &regulation::Library,
    c: heyat_store::ChargeRecord,
) -> Result<ChargeView, CommandError> {
    let (title_fa, text_fa, grade, grade_range) = match (c.violation.as_str(), lib.get(&c.violation)) {
        ("absence", _) => (
            format!("غیبت مدیر دفتر بدون عذر موجه به مدت {} روز", heyat_core::to_persian_digits(&c.days.unwrap_or(0).to_string())),
            "درجه با شمار روزها معین می‌شود: تا سه روز بند ج مادهٔ ۳۷، تا ده روز بند چ مادهٔ ۳۸، تا یک ماه بند ب مادهٔ ۳۹ و بیش از یک ماه بند ث مادهٔ ۴۰.".to_owned(),
            None,
            None,
        ),
        ("closure", _) => (
            format!("تعطیل خدمت در اوقات اداری دفتر به مدت {} روز", heyat_core::to_persian_digits(&c.days.unwrap_or(0).to_string())),
            "درجه با شمار روزها معین می‌شود: تا یک روز بند خ مادهٔ ۳۸، تا سه روز بند الف مادهٔ ۳۹ و بیش از سه روز بند پ مادهٔ ۴۰.".to_owned(),
            None,
            None,
        ),
        (_, Some(regulation::Provision::Clause(article, clause))) => (
            clause.title_fa.clone(),
            clause.text_fa.clone(),
            clause.grade.or(article.grade),
            clause.grade_range.or(article.grade_range),
        ),
        (_, Some(provision)) => {
            let article = provision.article();
            (article.title_fa.clone(), provision.text_fa().to_owned(), article.grade, article.grade_range)
        }
        (id, None) => (format!("بند «{id}» در مقررات یافت نشد"), String::new(), None, None),
    };
    Ok(ChargeView {
        id: c.id,
        title_fa,
        text_fa,
        grade,
        grade_range,
        days: c.days,
        committed_on_fa: fa_date(&c.committed_on)?,
        last_prosecution_act_on_fa: c
            .last_prosecution_act_on
            .as_deref()
            .map(fa_date)
            .transpose()?,
        facts: c.facts,
        violation: c.violation,
    })
}

/// Finds every ISO date (`YYYY-MM-DD`, possibly the start of a timestamp) in `value`.
pub fn collect_dates(
    value: &serde_json::Value,
    out: &mut std::collections::BTreeMap<String, String>,
) {
    match value {
        serde_json::Value::String(s) if s.len() >= 10 && s.is_char_boundary(10) => {
            if let Ok(d) = JalaliDate::parse_iso(&s[..10]) {
                out.insert(s[..10].to_owned(), d.format_fa());
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_dates(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_dates(v, out)),
        _ => {}
    }
}

pub fn what_fa(action: &str, table: &str) -> String {
    let thing = match table {
        "cases" => "پرونده",
        "charges" => "تخلف منتسب",
        "complaints" => "شکایت یا گزارش",
        "evidence" => "مستند",
        "sessions" => "جلسه",
        "attendance" => "حضور عضو در جلسه",
        "votes" => "رأی عضو",
        "rulings" => "رأی هیأت",
        "ruling_signoffs" => "امضای عضو",
        "notifications" => "ابلاغ",
        "appeals" => "تجدیدنظرخواهی",
        "scheduled_sessions" => "وقت جلسه",
        other => other,
    };
    let verb = match action {
        "insert" => "ثبت",
        "update" => "ویرایش",
        "delete" => "حذف",
        other => other,
    };
    format!("{verb} {thing}")
}

/// A stored UTC moment as Iran's time in Solar Hijri, Persian digits.
pub fn fa_moment(at: &str) -> String {
    heyat_documents::moment_fa(at)
}

/// A suspended prosecution (Art 31) as people read it: its term in Solar Hijri, the days left,
/// and where it stands on `today`.
pub fn suspension_view(
    s: heyat_store::SuspendedCase,
    today: JalaliDate,
) -> Result<crate::dto::SuspensionView, CommandError> {
    use heyat_core::proceedings::SuspensionState;
    let o = &s.order;
    let ends_on =
        JalaliDate::parse_iso(&o.ends_on).map_err(|e| CommandError::storage(e.to_string()))?;
    let (state, state_fa) = match (&o.revoked_on, &o.closed_on, s.state) {
        (Some(_), _, _) => (
            "revoked",
            "قرار تعلیق لغو شد؛ موضوع دوباره رسیدگی می‌شود".to_owned(),
        ),
        (_, Some(_), _) => (
            "closed",
            "مدت تعلیق پایان یافت و پرونده مختومه شد".to_owned(),
        ),
        (_, _, SuspensionState::Running) => ("running", "تعلیق تعقیب در جریان است".to_owned()),
        (_, _, SuspensionState::ToRevoke { .. }) => (
            "to_revoke",
            match &s.revoking_case_number {
                Some(n) => format!(
                    "قرار تعلیق باید لغو شود — ماده ۳۱ (محکومیت قطعی در پروندهٔ {})",
                    heyat_core::to_persian_digits(n)
                ),
                None => "قرار تعلیق باید لغو شود — ماده ۳۱".to_owned(),
            },
        ),
        (_, _, SuspensionState::Ended) => (
            "ended",
            "مدت تعلیق بی‌محکومیتی پایان یافته است؛ هیأت پرونده را مختومه می‌کند".to_owned(),
        ),
    };
    Ok(crate::dto::SuspensionView {
        case_id: s.case_id,
        case_number: s.case_number,
        office_name: s.office_name,
        manager_name: s.manager_name,
        ordered_on_fa: fa_date(&o.ordered_on)?,
        years: o.years,
        ends_on_fa: ends_on.format_fa(),
        days_left: today.days_until(ends_on),
        state: state.to_owned(),
        state_fa,
        revoking_case_number: s.revoking_case_number.clone(),
        revoked_on_fa: o.revoked_on.as_deref().map(fa_date).transpose()?,
        closed_on_fa: o.closed_on.as_deref().map(fa_date).transpose()?,
    })
}
