//! The commands the UI may call (each granted in `capabilities/main.json`).

use crate::AppState;
use crate::dto::{
    AppInfo, ArticleView, BoardView, CaseFileView, CaseRow, CatalogueEntry, ChargeView,
    CommandError, SeatView, StatusCountRow, SuggestRequest,
};
use chrono::{Datelike, NaiveDate};
use heyat_core::date::JalaliDate;
use heyat_core::{engine, regulation};
use heyat_store::CaseFilter;
use tauri::State;

/// The longest search text accepted; anything longer is a mistake, not a query.
const MAX_QUERY_CHARS: usize = 200;

fn invalid(message: impl Into<String>) -> CommandError {
    CommandError {
        code: "invalid_input".into(),
        message: message.into(),
    }
}

fn jalali(date: NaiveDate) -> Result<JalaliDate, CommandError> {
    JalaliDate::from_iso(date.year(), date.month() as u8, date.day() as u8).map_err(|e| {
        CommandError {
            code: "date".into(),
            message: e.to_string(),
        }
    })
}

/// An ISO date from the database as people read it: Solar Hijri with Persian digits.
fn fa_date(iso: &str) -> Result<String, CommandError> {
    JalaliDate::parse_iso(iso)
        .map(JalaliDate::format_fa)
        .map_err(|e| CommandError {
            code: "date".into(),
            message: e.to_string(),
        })
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, CommandError> {
    let boards = state.store.boards().await?;
    let today = jalali(state.today)?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        board_name: boards
            .into_iter()
            .find(|b| b.kind == "first_instance")
            .map(|b| b.name),
        data_dir: state.data_dir.display().to_string(),
        database_path: state.store.path().display().to_string(),
        today: state.today.format("%Y-%m-%d").to_string(),
        today_fa: format!("{} {}", today.weekday().name_fa(), today.format_fa()),
        today_solar: today.format(),
    })
}

#[tauri::command]
pub async fn list_cases(
    state: State<'_, AppState>,
    filter: CaseFilter,
) -> Result<Vec<CaseRow>, CommandError> {
    if filter
        .text
        .as_deref()
        .is_some_and(|t| t.chars().count() > MAX_QUERY_CHARS)
    {
        return Err(invalid(
            "عبارت جستجو بیش از ۲۰۰ نویسه است؛ آن را کوتاه‌تر کنید.",
        ));
    }
    let cases = state.store.cases(&filter).await?;
    cases
        .into_iter()
        .map(|case| {
            Ok(CaseRow {
                status_fa: case.status.title_fa().to_owned(),
                registered_on_fa: fa_date(&case.registered_on)?,
                case,
            })
        })
        .collect()
}

#[tauri::command]
pub async fn status_counts(
    state: State<'_, AppState>,
) -> Result<Vec<StatusCountRow>, CommandError> {
    Ok(state
        .store
        .status_counts()
        .await?
        .into_iter()
        .map(|c| StatusCountRow {
            status: c.status,
            status_fa: c.status.title_fa().to_owned(),
            count: c.count,
        })
        .collect())
}

fn seat_fa(seat: &str) -> &'static str {
    match seat {
        "judge_1" => "عضو قاضی اول",
        "judge_2" => "عضو قاضی دوم",
        "representative" => "نماینده",
        "alternate_judge" => "عضو علی‌البدل قاضی",
        "alternate_representative" => "عضو علی‌البدل نماینده",
        _ => "جایگاه نامشخص",
    }
}

fn member_kind_fa(kind: &str) -> &'static str {
    match kind {
        "judge" => "قاضی",
        "kanoon_rep" => "نمایندهٔ کانون",
        "center_rep" => "نمایندهٔ مرکز",
        _ => "نامشخص",
    }
}

#[tauri::command]
pub async fn list_boards(state: State<'_, AppState>) -> Result<Vec<BoardView>, CommandError> {
    state
        .store
        .boards()
        .await?
        .into_iter()
        .map(|b| {
            Ok(BoardView {
                id: b.id,
                kind_fa: if b.kind == "appeal" {
                    "هیأت تجدیدنظر"
                } else {
                    "هیأت بدوی"
                }
                .to_owned(),
                kind: b.kind,
                name: b.name,
                province: b.province,
                term_start_fa: fa_date(&b.term_start)?,
                term_end_fa: fa_date(&b.term_end)?,
                seats: b
                    .seats
                    .into_iter()
                    .map(|s| SeatView {
                        seat_fa: seat_fa(&s.seat).to_owned(),
                        member_id: s.member_id,
                        member_name: format!("{} {}", s.first_name, s.last_name),
                        member_kind_fa: member_kind_fa(&s.kind).to_owned(),
                        judicial_grade: s.judicial_grade,
                        seat: s.seat,
                    })
                    .collect(),
            })
        })
        .collect()
}

/// The catalogue articles of each code (DOMAIN.md): 1401 Arts 34–41, 1396 Art 37, 1392 Art 25.
const CATALOGUES: [(&str, std::ops::RangeInclusive<u32>); 3] =
    [("1401", 34..=41), ("1396", 37..=37), ("1392", 25..=25)];

fn library() -> Result<&'static regulation::Library, CommandError> {
    regulation::library().map_err(|e| CommandError {
        code: "regulations".into(),
        message: format!("دادهٔ مقررات معتبر نیست: {e}"),
    })
}

/// Every violation a board may charge, by code, each with its article's corrected text.
/// Absence and closure appear once each, as kinds measured in days.
#[tauri::command]
pub fn catalogue() -> Result<Vec<CatalogueEntry>, CommandError> {
    let lib = library()?;
    let mut entries = Vec::new();
    for (code, articles) in CATALOGUES {
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

/// The corrected text of an article, clause or note, by its id (`1401:44`, `1401:37:f`).
#[tauri::command]
pub fn article(id: String) -> Result<ArticleView, CommandError> {
    let lib = library()?;
    let provision = lib
        .get(&id)
        .ok_or_else(|| invalid(format!("ماده یا بندی با شناسهٔ «{id}» در مقررات نیست.")))?;
    let article = provision.article();
    let code = id.split(':').next().unwrap_or_default();
    let regulation_fa = lib
        .regulation(code)
        .map(|r| r.regulation.title_fa.clone())
        .unwrap_or_default();
    let title_fa = match provision {
        regulation::Provision::Clause(_, c) => c.title_fa.clone(),
        _ => article.title_fa.clone(),
    };
    Ok(ArticleView {
        id,
        regulation_fa,
        article_number: article.number,
        title_fa,
        text_fa: provision.text_fa().to_owned(),
    })
}

/// The rules engine's suggestion for a case. The engine checks every field; a bad one is
/// refused with its path and what to fix, in Persian.
#[tauri::command]
pub fn suggest(request: SuggestRequest) -> Result<engine::Suggestion, CommandError> {
    let input = serde_json::to_string(&request).map_err(|e| invalid(e.to_string()))?;
    heyat_core::suggest::suggest_value(&input).map_err(|e| CommandError {
        code: "invalid_input".into(),
        message: format!("{}: {}", field_fa(&e.field), e.message),
    })
}

/// The engine names fields by JSON path (`charges[1].committed_on`); people read them in Persian.
fn field_fa(path: &str) -> String {
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
fn charge_view(
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

/// Opens a case file with every part.
#[tauri::command]
pub async fn open_case(
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<CaseFileView, CommandError> {
    let lib = library()?;
    let mut file = state.store.case_file(case_id).await?;
    let charges = std::mem::take(&mut file.charges);
    Ok(CaseFileView {
        status_fa: file.case.status.title_fa().to_owned(),
        registered_on_fa: fa_date(&file.case.registered_on)?,
        charges: charges
            .iter()
            .cloned()
            .map(|c| charge_view(lib, c))
            .collect::<Result<_, _>>()?,
        file: heyat_store::CaseFile { charges, ..file },
    })
}

/// The engine's suggestion for a case's charges as recorded, decided on `decided_on`
/// (Solar Hijri or ISO; today when absent).
#[tauri::command]
pub async fn suggest_for_case(
    state: State<'_, AppState>,
    case_id: i64,
    decided_on: Option<String>,
) -> Result<engine::Suggestion, CommandError> {
    let file = state.store.case_file(case_id).await?;
    if file.charges.is_empty() {
        return Err(invalid(
            "برای این پرونده هنوز تخلفی ثبت نشده است؛ نخست تخلف‌های منتسب را بیفزایید.",
        ));
    }
    let decided_on = match decided_on.filter(|d| !d.trim().is_empty()) {
        Some(d) => d,
        None => jalali(state.today)?.format(),
    };
    suggest(SuggestRequest {
        decided_on,
        regulation: "auto".into(),
        manager: crate::dto::ManagerFacts {
            deceased: false,
            permanently_separated: false,
            lacks_qualifications: false,
        },
        charges: file
            .charges
            .iter()
            .map(|c| crate::dto::ChargeRequest {
                violation: c.violation.clone(),
                committed_on: c.committed_on.clone(),
                days: c.days.and_then(|d| u32::try_from(d).ok()),
                last_prosecution_act_on: c.last_prosecution_act_on.clone(),
                grade: None,
                res_judicata: false,
                crime_found: false,
            })
            .collect(),
        record: Vec::new(),
        complaint_withdrawn: false,
        holidays: Vec::new(),
        decision: None,
    })
}
