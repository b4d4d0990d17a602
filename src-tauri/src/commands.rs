//! The commands the UI may call (each granted in `capabilities/main.json`).

use crate::AppState;
use crate::dto::{
    AgendaRow, AppInfo, AppealFiled, ArticleView, BackupDone, BackupFile, BoardView, CalendarDay,
    CalendarMonth, CaseFileView, CaseRow, CatalogueEntry, ChargeForm, ChargeView, CommandError,
    ComplaintForm, ComplaintRegistered, DeadlineRow, DeskView, HistoryRow, HolidayRow, MemberForm,
    PlaceView, PrintedRuling, QuorumView, RulingDraft, SeatView, SessionAttendance, SignView,
    StatusCountRow, SuggestRequest, TallyView, UnsignedRow, VoteInput,
};
use crate::dto::{NotificationDone, PendingNotice};
use chrono::{Datelike, NaiveDate};
use heyat_core::CaseStatus;
use heyat_core::board::Seat;
use heyat_core::date::JalaliDate;
use heyat_core::session::{Attendance, Sitting, Vote, seat_the_board};
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

/// An ISO date from the database as the engine takes it: Solar Hijri, Latin digits.
fn fa_solar(iso: &str) -> Result<String, CommandError> {
    JalaliDate::parse_iso(iso)
        .map(JalaliDate::format)
        .map_err(|e| invalid(e.to_string()))
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
        restore_note: state.restore_note.clone(),
        restore_pending: std::fs::read_to_string(state.data_dir.join(crate::RESTORE_PENDING))
            .ok()
            .map(|n| n.trim().to_owned()),
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
    let mut filter = filter;
    for (field, value) in [
        ("از تاریخ", &mut filter.registered_from),
        ("تا تاریخ", &mut filter.registered_to),
    ] {
        *value = match value.as_deref().map(str::trim) {
            Some(d) if !d.is_empty() => Some(iso_date(field, d)?),
            _ => None,
        };
    }
    if let (Some(from), Some(to)) = (&filter.registered_from, &filter.registered_to)
        && from > to
    {
        return Err(invalid(
            "«از تاریخ» پس از «تا تاریخ» است؛ بازهٔ تاریخ را درست کنید.",
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
    let with_pin = state.store.members_with_pin().await?;
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
                        has_pin: with_pin.contains(&s.member_id),
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
    let mut dates_fa = std::collections::BTreeMap::new();
    let json = serde_json::to_value(&file).map_err(|e| invalid(e.to_string()))?;
    collect_dates(&json, &mut dates_fa);
    let chair_member_id = state
        .store
        .boards()
        .await?
        .into_iter()
        .find(|b| b.id == file.case.board_id)
        .and_then(|b| b.chair_member_id);
    Ok(CaseFileView {
        chair_member_id,
        dates_fa,
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
    case_suggestion(&state, &file, decided_on)
}

fn case_suggestion(
    state: &AppState,
    file: &heyat_store::CaseFile,
    decided_on: Option<String>,
) -> Result<engine::Suggestion, CommandError> {
    if file.charges.is_empty() {
        return Err(invalid(
            "برای این پرونده هنوز تخلفی ثبت نشده است؛ نخست تخلف‌های منتسب را بیفزایید.",
        ));
    }
    let decided_on = match decided_on.filter(|d| !d.trim().is_empty()) {
        Some(d) => d,
        None => jalali(state.today)?.format(),
    };
    suggest(case_request(file, decided_on))
}

/// The cases in `status`, each with its whole file.
async fn files_in(
    state: &AppState,
    status: CaseStatus,
) -> Result<Vec<(heyat_store::CaseListItem, heyat_store::CaseFile)>, CommandError> {
    let filter = CaseFilter {
        status: Some(status),
        ..CaseFilter::default()
    };
    let mut out = Vec::new();
    for case in state.store.cases(&filter).await? {
        let file = state.store.case_file(case.id).await?;
        out.push((case, file));
    }
    Ok(out)
}

/// The board hearing the case.
fn hearing_board<'a>(
    boards: &'a [heyat_store::BoardSummary],
    file: &heyat_store::CaseFile,
) -> Result<&'a heyat_store::BoardSummary, CommandError> {
    boards
        .iter()
        .find(|b| b.id == file.case.board_id)
        .ok_or_else(|| invalid("هیأت رسیدگی‌کنندهٔ این پرونده یافت نشد."))
}

/// The board as a document's letterhead names it.
fn document_board(board: &heyat_store::BoardSummary) -> heyat_render::Board {
    heyat_render::Board {
        name: board.name.clone(),
        level: if board.kind == "appeal" {
            heyat_render::BoardLevel::Appeal
        } else {
            heyat_render::BoardLevel::FirstInstance
        },
    }
}

/// Saves a typeset document in the data folder's `documents/` and says where.
fn save_document(
    state: &AppState,
    name: &str,
    rendered: heyat_render::Rendered,
) -> Result<PrintedRuling, CommandError> {
    let dir = state.data_dir.join("documents");
    std::fs::create_dir_all(&dir).map_err(|e| CommandError {
        code: "io".into(),
        message: format!("پوشهٔ اسناد ساخته نشد: {e}"),
    })?;
    let path = dir.join(name);
    std::fs::write(&path, &rendered.pdf).map_err(|e| CommandError {
        code: "io".into(),
        message: format!("PDF نوشته نشد: {e}"),
    })?;
    Ok(PrintedRuling {
        path: path.display().to_string(),
        pages: rendered.pages as u32,
        bytes: rendered.pdf.len() as u32,
        verification_code: rendered.verification.map(|v| v.code).unwrap_or_default(),
    })
}

/// Refuses a grade outside what the code allows for the case, as the engine computed it: the
/// clause's grade, raised by Arts 43–44, lowered at most two by Art 32.
fn grade_allowed(suggestion: &engine::Suggestion, grade: u8) -> Result<(), CommandError> {
    let allowed = suggestion
        .grade
        .ok_or_else(|| invalid("موتور قواعد درجه‌ای برای این پرونده نیافت."))?;
    let lowest = allowed.lowest_with_mitigation.unwrap_or(allowed.min);
    if grade < lowest || grade > allowed.max {
        let fa = |g: u8| heyat_core::to_persian_digits(&g.to_string());
        return Err(invalid(format!(
            "درجهٔ {} در این پرونده مجاز نیست: مقررات درجهٔ {} تا {} را روا می‌دارد (مواد ۳۲، ۴۳ و ۴۴ آیین‌نامهٔ ۱۴۰۱ و بند مربوط از مواد ۳۴ تا ۴۱).",
            fa(grade),
            fa(lowest),
            fa(allowed.max)
        )));
    }
    Ok(())
}

/// The grade a vote names («درجهٔ ۵», «5»): one of Art 29's seven, standing alone.
fn grade_in(choice: &str) -> Option<u8> {
    let latin = heyat_core::to_latin_digits(choice);
    let digits: Vec<&str> = latin
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .collect();
    match digits.as_slice() {
        [one] => one.parse().ok().filter(|g| (1..=7).contains(g)),
        _ => None,
    }
}

fn render_error(e: heyat_render::RenderError) -> CommandError {
    CommandError {
        code: "render".into(),
        message: e.to_string(),
    }
}

/// A ruling as the board drafted it, checked against the engine: what both the preview
/// and the print typeset.
struct Drafted {
    input: heyat_render::RulingInput,
    suggestion: engine::Suggestion,
    decided: Option<u8>,
    ruling_seq: usize,
    file: heyat_store::CaseFile,
    session_date: JalaliDate,
    /// `first_instance` or `appeal`, by the board hearing the case.
    stage: &'static str,
}

/// The typst input for the case's ruling as drafted. The engine is run on the case's charges
/// with the board's grade: a grade the code does not allow is refused with the article that
/// bounds it.
async fn drafted_ruling(
    state: &AppState,
    case_id: i64,
    draft: &RulingDraft,
) -> Result<Drafted, CommandError> {
    use heyat_render as r;
    let file = state.store.case_file(case_id).await?;
    let boards = state.store.boards().await?;
    let board = hearing_board(&boards, &file)?;
    // An appeal board's ruling confirms, reverses or modifies the first-instance one (Art 33).
    let stage = if board.kind == "appeal" {
        "appeal"
    } else {
        "first_instance"
    };
    if file
        .rulings
        .iter()
        .any(|x| x.stage == stage && x.status != "draft")
    {
        return Err(CommandError::from(heyat_store::StoreError::SignedRuling));
    }
    if draft.reasoning.trim().is_empty() {
        return Err(invalid(
            "استدلال هیأت خالی است؛ رأی باید مستدل باشد (مادهٔ ۲۷). دلایل را بنویسید.",
        ));
    }
    let session_date =
        JalaliDate::parse(&draft.session_date).map_err(|e| invalid(format!("تاریخ جلسه: {e}")))?;
    let suggestion = case_suggestion(state, &file, Some(session_date.format()))?;
    let verdict = match draft.verdict.as_str() {
        _ if suggestion.outcome == engine::Outcome::Barred => {
            let bar = suggestion.bar.as_ref().map(|b| b.reason);
            r::Verdict::Barred {
                reason: match bar {
                    Some(engine::BarReason::ResJudicata) => r::BarReason::ResJudicata,
                    Some(engine::BarReason::Separation) => r::BarReason::Separation,
                    Some(engine::BarReason::Death) => r::BarReason::Death,
                    _ => r::BarReason::Limitation,
                },
            }
        }
        "penalty" => {
            let grade = draft
                .grade
                .ok_or_else(|| invalid("درجهٔ مجازات را برگزینید."))?;
            grade_allowed(&suggestion, grade)?;
            r::Verdict::Penalty {
                grade,
                suspension_months: draft.suspension_months,
            }
        }
        "acquittal" => r::Verdict::Acquittal,
        "suspended_prosecution" => {
            if !suggestion.suspension.available {
                return Err(invalid(
                    "تعلیق تعقیب در این پرونده ممکن نیست: تنها تخلف‌های درجهٔ ۱ تا ۴ را می‌توان تعلیق کرد (مادهٔ ۳۱).",
                ));
            }
            r::Verdict::SuspendedProsecution {
                years: draft.suspension_years.unwrap_or(1),
            }
        }
        other => {
            return Err(invalid(format!(
                "نتیجهٔ «{other}» شناخته نیست؛ محکومیت، برائت یا تعلیق تعقیب را برگزینید."
            )));
        }
    };
    // The appeal notice follows the decision actually taken (Art 33).
    let decided = match &verdict {
        r::Verdict::Penalty { grade, .. } => Some(*grade),
        _ => None,
    };
    let appeal_of = match stage {
        "appeal" => Some(appeal_of(state, &file, draft, decided).await?),
        _ => None,
    };
    let appeal = match decided {
        // The appeal board's ruling is final; its template says so (Arts 24, 33).
        _ if appeal_of.is_some() => None,
        Some(grade) => {
            let mut request = case_request(&file, session_date.format());
            request.decision = Some(crate::dto::DecisionRequest {
                grade: Some(grade),
                acquitted: None,
                charge_grade: None,
                notified_on: None,
            });
            suggest(request)?
                .appeal
                .map(|a| r::AppealNotice::from_engine(&a))
        }
        // An acquittal on a charge of grades 5–7 may be appealed by the head of the Center.
        None if matches!(verdict, r::Verdict::Acquittal) => {
            let mut request = case_request(&file, session_date.format());
            request.decision = Some(crate::dto::DecisionRequest {
                grade: None,
                acquitted: Some(true),
                charge_grade: charge_grade(&suggestion),
                notified_on: None,
            });
            suggest(request)?
                .appeal
                .map(|a| r::AppealNotice::from_engine(&a))
        }
        None => Some(r::AppealNotice {
            appealable: false,
            article: "1401:33".into(),
            by: Vec::new(),
            days: 20,
        }),
    };
    // A reprinted draft keeps its number.
    let ruling_seq = file
        .rulings
        .iter()
        .position(|x| x.status == "draft")
        .unwrap_or(file.rulings.len())
        + 1;
    // Who signs: those who sat in the latest session (alternates marked), else the holders.
    let sitting: Vec<(String, i64, bool)> = match file.sessions.last() {
        Some(session) => session
            .attendance
            .iter()
            .map(|a| (a.seat.clone(), a.member_id, a.holder_was != "present"))
            .collect(),
        None => board
            .seats
            .iter()
            .filter(|s| ["judge_1", "judge_2", "representative"].contains(&s.seat.as_str()))
            .map(|s| (s.seat.clone(), s.member_id, false))
            .collect(),
    };
    let chair = file.sessions.last().and_then(|s| s.chair_member_id);
    let members = sitting
        .iter()
        .filter_map(|(seat, member_id, alternate)| {
            let s = board.seats.iter().find(|s| s.member_id == *member_id)?;
            Some(r::Member {
                name: format!("{} {}", s.first_name, s.last_name),
                seat: match s.kind.as_str() {
                    "judge" => r::Seat::Judge,
                    "center_rep" => r::Seat::CenterRepresentative,
                    _ => r::Seat::KanoonRepresentative,
                },
                chair: chair.map_or(seat == "judge_1", |c| c == *member_id),
                alternate: *alternate,
                dissent: draft
                    .dissent
                    .clone()
                    .filter(|_| draft.dissent_seat.as_deref() == Some(seat.as_str())),
            })
        })
        .collect();
    let complaint = file.complaints.first();
    let input = r::RulingInput {
        board: document_board(board),
        case_number: heyat_core::to_persian_digits(&file.case.number),
        ruling_number: heyat_core::to_persian_digits(&format!(
            "{}/{}",
            file.case.number, ruling_seq
        )),
        session_date,
        office: r::Office {
            name: file.case.office_name.clone(),
            code: heyat_core::to_persian_digits(&file.case.office_code),
            city: file.case.city.clone(),
            manager: file.case.manager_name.clone(),
        },
        complainant: complaint.map(|k| r::Complainant {
            source: k.source.clone(),
            name: k.reporter_name.clone(),
            confidential: k.reporter_confidential,
        }),
        subject: file.case.subject.clone(),
        // A ruling always says what was complained of and what the manager answered.
        complaint_summary: Some(draft.complaint_summary.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .or_else(|| complaint.map(|k| k.summary.clone()))
            .unwrap_or_else(|| file.case.subject.clone()),
        defence_summary: Some(draft.defence_summary.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| "مدیر دفتر با وجود ابلاغ، لایحهٔ دفاعیه‌ای تقدیم نکرده است.".to_owned()),
        charges: suggestion
            .charges
            .iter()
            .map(|c| r::Charge {
                violation: c.violation.clone(),
                days: c.days,
                committed_on: c.committed_on,
                established: draft.verdict != "acquittal",
                facts: None,
            })
            .collect(),
        reasoning: draft
            .reasoning
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        steps: r::RulingInput::steps_from(&suggestion),
        citations: Vec::new(),
        verdict,
        appeal,
        appeal_of,
        members,
        secretary: None,
    };
    Ok(Drafted {
        input,
        suggestion,
        decided,
        ruling_seq,
        file,
        session_date,
        stage,
    })
}

/// What the appeal ruling says of the first-instance ruling it reviews: its number and date,
/// what it decided, who appealed and why, and the appeal board's result, checked against the
/// decision: confirming keeps the decision, modifying changes it.
async fn appeal_of(
    state: &AppState,
    file: &heyat_store::CaseFile,
    draft: &RulingDraft,
    decided: Option<u8>,
) -> Result<heyat_render::AppealOf, CommandError> {
    use heyat_render as r;
    let link = file.appeal_of.as_ref().ok_or_else(|| {
        invalid("این پرونده به رأی بدوی‌ای پیوند ندارد؛ پروندهٔ تجدیدنظر با ثبت تجدیدنظرخواهی در پروندهٔ بدوی گشوده می‌شود.")
    })?;
    let first = state.store.case_file(link.id).await?;
    let (position, ruling) = first
        .rulings
        .iter()
        .enumerate()
        .rev()
        .find(|(_, x)| x.status != "draft")
        .ok_or_else(|| invalid("رأی امضاشده‌ای در پروندهٔ بدوی نیست."))?;
    let appeal = first
        .appeals
        .iter()
        .find(|a| a.ruling_id == ruling.id && a.in_time)
        .ok_or_else(|| invalid("تجدیدنظرخواهیِ در مهلتی از رأی بدوی ثبت نشده است (مادهٔ ۳۳)."))?;
    let first_grade = ruling.grade.and_then(|g| u8::try_from(g).ok());
    let result = match draft.appeal_result.as_deref() {
        Some("confirmed") if decided != first_grade => {
            return Err(invalid(
                "تأیید رأی بدوی با تصمیمی جز تصمیم بدوی ممکن نیست؛ اگر درجه یا نتیجه تغییر می‌کند «اصلاح» یا «نقض» را برگزینید.",
            ));
        }
        Some("modified") if decided == first_grade => {
            return Err(invalid(
                "رأی اصلاحی باید تصمیم بدوی را تغییر دهد؛ اگر همان است «تأیید» را برگزینید.",
            ));
        }
        Some("confirmed") => r::AppealResult::Confirmed,
        Some("reversed") => r::AppealResult::Reversed,
        Some("modified") => r::AppealResult::Modified,
        _ => {
            return Err(invalid(
                "نتیجهٔ تجدیدنظر را برگزینید: تأیید، نقض یا اصلاح رأی بدوی.",
            ));
        }
    };
    let first_board = state
        .store
        .boards()
        .await?
        .into_iter()
        .find(|b| b.id == first.case.board_id)
        .map(|b| b.name)
        .unwrap_or_default();
    let date = |iso: &str| JalaliDate::parse_iso(iso).map_err(|e| invalid(e.to_string()));
    Ok(r::AppealOf {
        board: first_board,
        ruling_number: heyat_core::to_persian_digits(&format!(
            "{}/{}",
            first.case.number,
            position + 1
        )),
        ruling_date: date(ruling.signed_on.as_deref().unwrap_or(&ruling.drafted_on))?,
        decided: decided_fa(ruling.outcome.as_deref(), ruling.grade),
        appellant: if appeal.appellant == "center_head" {
            "رئیس مرکز آمار و فناوری اطلاعات قوه قضاییه"
        } else {
            "مدیر دفتر"
        }
        .to_owned(),
        filed_on: date(&appeal.filed_on)?,
        grounds: Some(appeal.grounds.trim())
            .filter(|g| !g.is_empty())
            .unwrap_or("تجدیدنظرخواه دلیلی جز اعتراض به رأی ننوشته است.")
            .to_owned(),
        result,
    })
}

/// The ruling as drafted, typeset page by page as SVG for the live preview; nothing is saved.
#[tauri::command]
pub async fn preview_ruling(
    state: State<'_, AppState>,
    case_id: i64,
    draft: RulingDraft,
) -> Result<Vec<String>, CommandError> {
    let d = drafted_ruling(&state, case_id, &draft).await?;
    state
        .renderer
        .ruling_preview(&d.input, d.stage == "appeal")
        .map_err(render_error)
}

/// Typesets the case's ruling as drafted by the board, keeps it as a draft with the engine's
/// suggestion, and saves the PDF in the data folder's `documents/`.
#[tauri::command]
pub async fn print_ruling(
    state: State<'_, AppState>,
    case_id: i64,
    draft: RulingDraft,
) -> Result<PrintedRuling, CommandError> {
    use heyat_render as r;
    let Drafted {
        input,
        suggestion,
        decided,
        ruling_seq,
        file,
        session_date,
        stage,
    } = drafted_ruling(&state, case_id, &draft).await?;
    let rendered = if stage == "appeal" {
        state.renderer.appeal_ruling(&input)
    } else {
        state.renderer.ruling(&input)
    }
    .map_err(render_error)?;
    // The draft is kept with the engine's suggestion; a signed ruling is never rewritten.
    let outcome = match (&input.appeal_of, &input.verdict) {
        (Some(a), _) => match a.result {
            r::AppealResult::Confirmed => "confirmed",
            r::AppealResult::Reversed => "reversed",
            r::AppealResult::Modified => "modified",
        },
        (None, r::Verdict::Penalty { .. }) => "conviction",
        (None, r::Verdict::Acquittal) => "acquittal",
        (None, r::Verdict::Barred { .. }) => "barred",
        (None, r::Verdict::SuspendedProsecution { .. }) => "suspended_prosecution",
    };
    let record = heyat_store::NewRuling {
        case_id,
        session_id: file.sessions.last().map(|s| s.id),
        stage: Some(stage.into()),
        outcome: Some(outcome.into()),
        grade: decided.map(i64::from),
        text: draft.reasoning.trim().to_owned(),
        suggestion: serde_json::to_string(&suggestion).ok(),
        drafted_on: session_date.to_iso_string(),
    };
    match file.rulings.iter().rev().find(|x| x.stage == stage) {
        Some(existing) if existing.status == "draft" => {
            state
                .store
                .update_ruling(existing.id, &record, "secretary")
                .await?
        }
        Some(_) => return Err(CommandError::from(heyat_store::StoreError::SignedRuling)),
        None => {
            state.store.draft_ruling(&record, "secretary").await?;
        }
    }
    save_document(
        &state,
        &format!("ruling-{}-{}.pdf", file.case.number, ruling_seq),
        rendered,
    )
}

/// The engine's input for a case's charges as recorded.
fn case_request(file: &heyat_store::CaseFile, decided_on: String) -> SuggestRequest {
    SuggestRequest {
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
    }
}

/// The roster of the board hearing `case_id`: (seat, member id, name).
async fn roster(
    state: &AppState,
    case_id: i64,
) -> Result<(heyat_store::CaseFile, Vec<(Seat, i64, String)>), CommandError> {
    let file = state.store.case_file(case_id).await?;
    let boards = state.store.boards().await?;
    let board = boards
        .into_iter()
        .find(|b| b.id == file.case.board_id)
        .ok_or_else(|| invalid("هیأت رسیدگی‌کنندهٔ این پرونده یافت نشد."))?;
    let seats = board
        .seats
        .into_iter()
        .filter_map(|s| {
            Seat::from_code(&s.seat).map(|seat| {
                (
                    seat,
                    s.member_id,
                    format!("{} {}", s.first_name, s.last_name),
                )
            })
        })
        .collect();
    Ok((file, seats))
}

fn attendance_of(a: &SessionAttendance) -> Result<Attendance, CommandError> {
    let mut att = Attendance::default();
    for (seat, status) in [
        (Seat::Judge1, &a.judge_1),
        (Seat::Judge2, &a.judge_2),
        (Seat::Representative, &a.representative),
    ] {
        match status.as_str() {
            "present" => att.present.push(seat),
            "recused" => att.recused.push(seat),
            "absent" => {}
            other => {
                return Err(invalid(format!(
                    "وضعیت حضور «{other}» شناخته نیست؛ حاضر، غایب یا کناره‌گیری را برگزینید."
                )));
            }
        }
    }
    if a.alternate_judge_present {
        att.present.push(Seat::AlternateJudge);
    }
    if a.alternate_representative_present {
        att.present.push(Seat::AlternateRepresentative);
    }
    Ok(att)
}

fn places(
    sitting: &Sitting,
    roster: &[(Seat, i64, String)],
) -> Result<Vec<PlaceView>, CommandError> {
    sitting
        .places()
        .iter()
        .map(|p| {
            let (_, id, name) = roster
                .iter()
                .find(|(s, _, _)| *s == p.filled_by)
                .ok_or_else(|| {
                    invalid(format!(
                        "جایگاه «{}» در این هیأت کسی را ندارد؛ از «تنظیمات» آن را پر کنید.",
                        p.filled_by.title_fa()
                    ))
                })?;
            Ok(PlaceView {
                seat: p.seat.code().to_owned(),
                seat_fa: p.seat.title_fa().to_owned(),
                member_id: *id,
                member_name: name.clone(),
                by_alternate: p.by_alternate(),
            })
        })
        .collect()
}

/// Whether the board hearing the case has quorum with this attendance (Art 28), and who sits.
#[tauri::command]
pub async fn check_quorum(
    state: State<'_, AppState>,
    case_id: i64,
    attendance: SessionAttendance,
) -> Result<QuorumView, CommandError> {
    let (_, roster) = roster(&state, case_id).await?;
    Ok(match seat_the_board(&attendance_of(&attendance)?) {
        Ok(sitting) => QuorumView {
            quorum: true,
            message: None,
            places: places(&sitting, &roster)?,
        },
        Err(e) => QuorumView {
            quorum: false,
            message: Some(e.to_string()),
            places: Vec::new(),
        },
    })
}

/// Records a session: refused without quorum (Art 28).
#[tauri::command]
pub async fn record_session(
    state: State<'_, AppState>,
    case_id: i64,
    held_on: String,
    attendance: SessionAttendance,
    chair_member_id: Option<i64>,
) -> Result<i64, CommandError> {
    let (file, roster) = roster(&state, case_id).await?;
    let sitting =
        seat_the_board(&attendance_of(&attendance)?).map_err(|e| invalid(e.to_string()))?;
    let held_on = JalaliDate::parse(&held_on).map_err(|e| invalid(format!("تاریخ جلسه: {e}")))?;
    if held_on > jalali(state.today)? {
        return Err(invalid(
            "تاریخ جلسه در آینده است؛ جلسه‌ای را ثبت کنید که برگزار شده است (برای آینده «تعیین وقت» کنید).",
        ));
    }
    // The chair the members elected among the sitting judges (Art 26), recorded on the board.
    if let Some(chair) = chair_member_id {
        let sitting_judge = places(&sitting, &roster)?
            .iter()
            .any(|p| p.member_id == chair && p.seat != "representative");
        if !sitting_judge {
            return Err(invalid(
                "رئیس هیأت از میان اعضای قاضیِ حاضر در جلسه برگزیده می‌شود (مادهٔ ۲۶).",
            ));
        }
        state
            .store
            .elect_chair(file.case.board_id, chair, "secretary")
            .await?;
    }
    let status = |seat: Seat| match seat {
        Seat::Judge1 => attendance.judge_1.clone(),
        Seat::Judge2 => attendance.judge_2.clone(),
        _ => attendance.representative.clone(),
    };
    let session = heyat_store::NewSession {
        case_id,
        held_on: held_on.to_iso_string(),
        attendance: places(&sitting, &roster)?
            .into_iter()
            .zip(sitting.places())
            .map(|(view, place)| heyat_store::AttendanceRecord {
                seat: view.seat,
                member_id: view.member_id,
                holder_was: status(place.seat),
            })
            .collect(),
        minutes: String::new(),
    };
    let id = state.store.record_session(&session, "secretary").await?;
    advance(&state, case_id, file.case.status, CaseStatus::Heard).await?;
    Ok(id)
}

/// Records the sitting members' votes on one question and counts them: each member votes
/// once, only a member in the minority writes a dissent, and the majority (2 of 3) decides.
#[tauri::command]
pub async fn record_votes(
    state: State<'_, AppState>,
    case_id: i64,
    session_id: i64,
    question: String,
    votes: Vec<VoteInput>,
) -> Result<TallyView, CommandError> {
    let (file, roster) = roster(&state, case_id).await?;
    let session = file
        .sessions
        .iter()
        .find(|s| s.id == session_id)
        .ok_or_else(|| invalid("این جلسه در پرونده ثبت نشده است."))?;
    let question = question.trim().to_owned();
    if question.is_empty() {
        return Err(invalid("پرسشی را که به رأی گذاشته می‌شود بنویسید."));
    }
    // The session's sitting, rebuilt from its recorded attendance.
    let seat_of = |member_id: i64| {
        roster
            .iter()
            .find(|(_, id, _)| *id == member_id)
            .map(|(s, _, _)| *s)
    };
    let mut att = Attendance::default();
    for a in &session.attendance {
        att.present.extend(seat_of(a.member_id));
    }
    let sitting = seat_the_board(&att).map_err(|e| invalid(e.to_string()))?;
    let mut all: Vec<Vote> = session
        .votes
        .iter()
        .filter(|v| v.question == question)
        .filter_map(|v| {
            Some(Vote {
                member: seat_of(v.member_id)?,
                choice: v.choice.clone(),
                dissent: v.dissent.clone(),
            })
        })
        .collect();
    let mut new = Vec::new();
    // A vote on the grade names one the code allows for these charges (Arts 29, 32, 34–44),
    // and is kept as «درجهٔ n» so that the same grade typed two ways counts as one choice.
    let on_grade = question.starts_with("درجهٔ مجازات");
    let suggestion = match on_grade {
        true => Some(case_suggestion(
            &state,
            &file,
            Some(fa_solar(&session.held_on)?),
        )?),
        false => None,
    };
    for v in votes.iter().filter(|v| !v.choice.trim().is_empty()) {
        let member = seat_of(v.member_id).ok_or_else(|| invalid("این شخص عضو هیأت نیست."))?;
        let dissent = v.dissent.clone().filter(|d| !d.trim().is_empty());
        let mut choice = heyat_core::to_persian_digits(v.choice.trim());
        if let Some(suggestion) = &suggestion {
            let grade = grade_in(&choice).ok_or_else(|| {
                invalid(format!(
                    "رأی «{choice}» درجه‌ای از مادهٔ ۲۹ نیست؛ به پرسش درجه با «درجهٔ ۱» تا «درجهٔ ۷» رأی دهید."
                ))
            })?;
            grade_allowed(suggestion, grade)?;
            choice = format!("درجهٔ {}", heyat_core::to_persian_digits(&grade.to_string()));
        }
        new.push((v.member_id, choice.clone(), dissent.clone()));
        all.push(Vote {
            member,
            choice,
            dissent,
        });
    }
    // Checked as a whole before anything is written, so a refused vote saves nothing.
    let tally = sitting.tally(&all).map_err(|e| invalid(e.to_string()))?;
    for (member_id, choice, dissent) in &new {
        state
            .store
            .record_vote(
                session_id,
                &question,
                *member_id,
                choice,
                dissent.as_deref(),
                "secretary",
            )
            .await?;
    }
    let name = |seat: &Seat| {
        roster
            .iter()
            .find(|(s, _, _)| s == seat)
            .map(|(_, _, n)| n.clone())
            .unwrap_or_default()
    };
    Ok(TallyView {
        decided: tally.decided,
        dissenters: tally.dissenters.iter().map(name).collect(),
        awaiting: tally.awaiting.iter().map(name).collect(),
    })
}

/// Finds every ISO date (`YYYY-MM-DD`, possibly the start of a timestamp) in `value`.
fn collect_dates(value: &serde_json::Value, out: &mut std::collections::BTreeMap<String, String>) {
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

/// A date typed by a person (Solar Hijri or ISO) as the store keeps it, or a Persian error
/// naming the field.
fn iso_date(field: &str, text: &str) -> Result<String, CommandError> {
    JalaliDate::parse(text)
        .map(JalaliDate::to_iso_string)
        .map_err(|e| invalid(format!("{field}: {e}")))
}

#[tauri::command]
pub async fn list_offices(
    state: State<'_, AppState>,
) -> Result<Vec<heyat_store::OfficeItem>, CommandError> {
    Ok(state.store.offices().await?)
}

/// Registers a complaint or report; when forwarded, the first-instance board's case is
/// opened and the complaint joined to it (Art 21).
#[tauri::command]
pub async fn register_complaint(
    state: State<'_, AppState>,
    form: ComplaintForm,
) -> Result<ComplaintRegistered, CommandError> {
    if form.summary.trim().is_empty() {
        return Err(invalid(
            "شرح شکایت یا گزارش خالی است؛ بنویسید چه تخلفی گزارش شده است.",
        ));
    }
    let received_on = iso_date("تاریخ دریافت", &form.received_on)?;
    let reporter = form.reporter_name.clone().filter(|n| !n.trim().is_empty());
    let complaint = heyat_store::NewComplaint {
        kind: form.kind.clone(),
        source: form.source.clone(),
        received_on: received_on.clone(),
        office_id: Some(form.office_id),
        reporter_name: reporter,
        reporter_contact: form
            .reporter_contact
            .clone()
            .filter(|c| !c.trim().is_empty()),
        reporter_confidential: Some(form.reporter_confidential),
        summary: form.summary.trim().to_owned(),
        ..Default::default()
    };
    let complaint_id = state
        .store
        .register_complaint(&complaint, "secretary")
        .await?;
    let notes = form
        .review_notes
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if !form.forward {
        if notes.is_some() {
            state
                .store
                .review_complaint(complaint_id, notes, None, None, "secretary")
                .await?;
        }
        return Ok(ComplaintRegistered {
            complaint_id,
            case_id: None,
            case_number: None,
        });
    }
    let boards = state.store.boards().await?;
    let board = boards
        .iter()
        .find(|b| b.kind == "first_instance")
        .ok_or_else(|| invalid("هیأت بدوی تعریف نشده است؛ نخست در «تنظیمات» هیأت را بسازید."))?;
    let today = jalali(state.today)?.to_iso_string();
    let subject: String = form.summary.trim().chars().take(120).collect();
    let case = state
        .store
        .create_case(
            &heyat_store::NewCase {
                board_id: board.id,
                office_id: form.office_id,
                manager_id: None,
                registered_on: today.clone(),
                subject,
                charges: Vec::new(),
            },
            "secretary",
        )
        .await?;
    state
        .store
        .review_complaint(
            complaint_id,
            notes,
            Some(&today),
            Some(case.id),
            "secretary",
        )
        .await?;
    Ok(ComplaintRegistered {
        complaint_id,
        case_id: Some(case.id),
        case_number: Some(case.number),
    })
}

/// Adds a charge from the catalogue to a case; refused once a signed ruling fixed it.
#[tauri::command]
pub async fn add_charge(
    state: State<'_, AppState>,
    case_id: i64,
    form: ChargeForm,
) -> Result<i64, CommandError> {
    let lib = library()?;
    let measured = matches!(form.violation.as_str(), "absence" | "closure");
    if !measured && lib.get(&form.violation).is_none() {
        return Err(invalid("عنوان تخلف را از فهرست تخلفات برگزینید."));
    }
    if measured && form.days.is_none_or(|d| d < 1) {
        return Err(invalid(
            "برای غیبت یا تعطیلی، شمار روزها (دست‌کم یک روز) را بنویسید.",
        ));
    }
    let charge = heyat_store::NewCharge {
        violation: form.violation,
        committed_on: iso_date("تاریخ وقوع", &form.committed_on)?,
        days: if measured { form.days } else { None },
        facts: form.facts.trim().to_owned(),
        last_prosecution_act_on: match form.last_prosecution_act_on.as_deref().map(str::trim) {
            Some(d) if !d.is_empty() => Some(iso_date("تاریخ آخرین اقدام تعقیبی", d)?),
            _ => None,
        },
    };
    Ok(state
        .store
        .add_charge(case_id, &charge, "secretary")
        .await?)
}

/// The case's latest signed (or final) ruling, which is what is notified and appealed.
fn signed_ruling(file: &heyat_store::CaseFile) -> Result<&heyat_store::RulingRecord, CommandError> {
    file.rulings
        .iter()
        .rev()
        .find(|r| r.status != "draft")
        .ok_or_else(|| {
            invalid("رأی امضاشده‌ای در این پرونده نیست؛ پیش‌نویس ابلاغ نمی‌شود. نخست رأی را امضا کنید.")
        })
}

/// The last day to appeal a notification made on `notified_on` (ISO): 20 days, moved past
/// Fridays and the holidays the secretary keeps (Art 33; CPC Arts 443–445).
async fn deadline_after(state: &AppState, notified_on: &str) -> Result<String, CommandError> {
    let holidays: Vec<String> = state
        .store
        .holidays()
        .await?
        .into_iter()
        .map(|h| h.day)
        .collect();
    Ok(heyat_store::appeal_deadline(notified_on, &holidays)?)
}

/// Records the service of the signed ruling and answers the appeal deadline it starts.
#[tauri::command]
pub async fn record_notification(
    state: State<'_, AppState>,
    case_id: i64,
    recipient: String,
    method: String,
    notified_on: String,
) -> Result<NotificationDone, CommandError> {
    let file = state.store.case_file(case_id).await?;
    let ruling = signed_ruling(&file)?;
    let notified_on = iso_date("تاریخ ابلاغ", &notified_on)?;
    if let Some(signed) = ruling.signed_on.as_deref()
        && notified_on.as_str() < signed
    {
        return Err(invalid(format!(
            "تاریخ ابلاغ پیش از امضای رأی ({}) است؛ رأی پس از امضا ابلاغ می‌شود. تاریخ را بازبینی کنید.",
            fa_date(signed)?
        )));
    }
    state
        .store
        .record_notification(ruling.id, &recipient, &method, &notified_on, "secretary")
        .await?;
    advance(&state, case_id, file.case.status, CaseStatus::Notified).await?;
    // Art 33: what no one may appeal is final once served; otherwise the 20 days run for
    // whoever may appeal, from his own notification.
    if !appealable_by(ruling, "manager") && !appealable_by(ruling, "center_head") {
        finalize(&state, case_id, ruling.id).await?;
        return Ok(NotificationDone {
            deadline_fa: None,
            final_now: true,
        });
    }
    Ok(NotificationDone {
        deadline_fa: match appealable_by(ruling, &recipient) {
            true => Some(fa_date(&deadline_after(&state, &notified_on).await?)?),
            false => None,
        },
        final_now: false,
    })
}

/// Marks the ruling final and the case with it.
async fn finalize(state: &AppState, case_id: i64, ruling_id: i64) -> Result<(), CommandError> {
    state.store.finalize_ruling(ruling_id, "secretary").await?;
    let status = state.store.case_file(case_id).await?.case.status;
    advance(state, case_id, status, CaseStatus::Final).await
}

/// Whether a notified ruling has become final on `today` (Art 33): everyone who may appeal
/// it was notified, each one's 20 days have run out, and no appeal was filed in time.
async fn final_by_now(
    state: &AppState,
    file: &heyat_store::CaseFile,
    today: &str,
) -> Result<Option<i64>, CommandError> {
    let Some(ruling) = file.rulings.iter().rev().find(|r| r.status == "signed") else {
        return Ok(None);
    };
    if file
        .appeals
        .iter()
        .any(|a| a.ruling_id == ruling.id && a.in_time)
    {
        return Ok(None);
    }
    for who in ["manager", "center_head"] {
        if !appealable_by(ruling, who) {
            continue;
        }
        let Some(notified) = file
            .notifications
            .iter()
            .filter(|n| n.ruling_id == ruling.id && n.recipient == who)
            .map(|n| n.notified_on.clone())
            .min()
        else {
            return Ok(None);
        };
        if deadline_after(state, &notified).await?.as_str() >= today {
            return Ok(None);
        }
    }
    Ok(Some(ruling.id))
}

/// Makes final every notified ruling whose appeal period has ended with no appeal (Art 33);
/// answers the case numbers.
#[tauri::command]
pub async fn finalize_due(state: State<'_, AppState>) -> Result<Vec<String>, CommandError> {
    let today = jalali(state.today)?.to_iso_string();
    let mut done = Vec::new();
    for (case, file) in files_in(&state, CaseStatus::Notified).await? {
        if let Some(ruling) = final_by_now(&state, &file, &today).await? {
            finalize(&state, case.id, ruling).await?;
            done.push(case.number);
        }
    }
    Ok(done)
}

/// Registers an appeal (Art 33): refused when the ruling is final for this appellant, when
/// the ruling was not notified to him, or when the 20 days have run out.
#[tauri::command]
pub async fn file_appeal(
    state: State<'_, AppState>,
    case_id: i64,
    appellant: String,
    filed_on: String,
    grounds: String,
) -> Result<AppealFiled, CommandError> {
    let file = state.store.case_file(case_id).await?;
    let ruling = signed_ruling(&file)?;
    let by_fa = if appellant == "center_head" {
        "رئیس مرکز"
    } else {
        "مدیر دفتر"
    };
    if ruling.stage == "appeal" {
        return Err(invalid(
            "رأی هیأت تجدیدنظر قطعی است و از آن تجدیدنظر خواسته نمی‌شود (مواد ۲۴ و ۳۳).",
        ));
    }
    match (ruling.outcome.as_deref(), ruling.grade) {
        (Some("conviction"), Some(g)) if g < 4 => {
            return Err(invalid(
                "این رأی قطعی است: محکومیت به درجه‌های ۱ تا ۳ قابل تجدیدنظر نیست (مادهٔ ۳۳).",
            ));
        }
        (Some("acquittal"), _) if appellant != "center_head" => {
            return Err(invalid(
                "از رأی برائت تنها رئیس مرکز می‌تواند تجدیدنظر بخواهد (مادهٔ ۳۳).",
            ));
        }
        (Some("acquittal"), _) if !appealable_by(ruling, "center_head") => {
            return Err(invalid(
                "این رأی قطعی است: تنها برائت در تخلف‌های درجهٔ ۵ تا ۷ قابل تجدیدنظرخواهی رئیس مرکز است (مادهٔ ۳۳).",
            ));
        }
        (Some("barred" | "suspended_prosecution"), _) => {
            return Err(invalid(
                "این رأی محکومیت نیست و تجدیدنظر از آن پیش‌بینی نشده است (مادهٔ ۳۳).",
            ));
        }
        _ => {}
    }
    let notified = file
        .notifications
        .iter()
        .filter(|n| n.ruling_id == ruling.id && n.recipient == appellant)
        .map(|n| n.notified_on.clone())
        .min()
        .ok_or_else(|| {
            invalid(format!(
                "ابلاغ رأی به {by_fa} ثبت نشده است؛ نخست ابلاغ را ثبت کنید."
            ))
        })?;
    let filed = iso_date("تاریخ تجدیدنظرخواهی", &filed_on)?;
    let deadline = deadline_after(&state, &notified).await?;
    if filed > deadline {
        return Err(invalid(format!(
            "تجدیدنظرخواهی خارج از مهلت است: مهلت بیست‌روزه از ابلاغ {} در {} به پایان رسیده است (مادهٔ ۳۳).",
            fa_date(&notified)?,
            fa_date(&deadline)?
        )));
    }
    if filed < notified {
        return Err(invalid(
            "تاریخ تجدیدنظرخواهی پیش از ابلاغ رأی است؛ تاریخ را بازبینی کنید.",
        ));
    }
    let record = state
        .store
        .file_appeal(ruling.id, &appellant, &filed, grounds.trim(), "secretary")
        .await?;
    advance(&state, case_id, file.case.status, CaseStatus::Appealed).await?;
    // The file goes before the appeal board (Art 33): a case opened there, once, with the
    // first-instance file linked and its charges copied.
    let appeal_case = match (
        &file.appealed_as,
        state
            .store
            .boards()
            .await?
            .iter()
            .find(|b| b.kind == "appeal"),
    ) {
        (Some(open), _) => Some((open.id, heyat_store::case_number(open.year, open.seq))),
        (None, Some(board)) => {
            let made = state
                .store
                .open_appeal_case(case_id, board.id, &filed, "secretary")
                .await?;
            Some((made.id, made.number))
        }
        (None, None) => None,
    };
    Ok(AppealFiled {
        appeal: record,
        appeal_case_id: appeal_case.as_ref().map(|a| a.0),
        appeal_case_number: appeal_case.map(|a| a.1),
    })
}

/// Moves a case along its lifecycle to `target` by the shortest path of allowed steps, so the
/// status follows what was recorded (a session heard, a ruling signed, notified, appealed).
/// A case already past `target`, or that cannot reach it, is left as it is.
async fn advance(
    state: &AppState,
    case_id: i64,
    current: CaseStatus,
    target: CaseStatus,
) -> Result<(), CommandError> {
    let mut paths = std::collections::VecDeque::from([vec![current]]);
    let mut seen = vec![current];
    while let Some(path) = paths.pop_front() {
        let last = *path.last().unwrap_or(&current);
        if last == target {
            for step in &path[1..] {
                state.store.move_case(case_id, *step, "secretary").await?;
            }
            return Ok(());
        }
        for next in CaseStatus::ALL {
            if last.may_move_to(next) && !seen.contains(&next) {
                seen.push(next);
                let mut longer = path.clone();
                longer.push(next);
                paths.push_back(longer);
            }
        }
    }
    Ok(())
}

/// The limits running on the board's open cases, soonest first: the 20 days to appeal a
/// notified ruling (Art 33) and the two years of limitation before a ruling (Art 30, from the
/// violation or the last act of prosecution, as the engine computes them).
#[tauri::command]
pub async fn deadlines(state: State<'_, AppState>) -> Result<Vec<DeadlineRow>, CommandError> {
    let today = jalali(state.today)?;
    let mut rows = Vec::new();
    for case in state.store.cases(&CaseFilter::default()).await? {
        let before_ruling = matches!(
            case.status,
            CaseStatus::Registered
                | CaseStatus::InReview
                | CaseStatus::Scheduled
                | CaseStatus::Heard
        );
        if !before_ruling && case.status != CaseStatus::Notified {
            continue;
        }
        let file = state.store.case_file(case.id).await?;
        let row = |kind: &str, kind_fa: &str, article: &str, due: JalaliDate| DeadlineRow {
            case_id: case.id,
            case_number: case.number.clone(),
            office_name: case.office_name.clone(),
            kind: kind.to_owned(),
            kind_fa: kind_fa.to_owned(),
            article: article.to_owned(),
            due_on_fa: due.format_fa(),
            days_left: today.days_until(due),
        };
        if case.status == CaseStatus::Notified {
            if let Some(first) = file
                .notifications
                .iter()
                .map(|n| n.notified_on.clone())
                .min()
            {
                let due = JalaliDate::parse_iso(&deadline_after(&state, &first).await?)
                    .map_err(|e| invalid(e.to_string()))?;
                rows.push(row("appeal", "مهلت تجدیدنظرخواهی", "1401:33", due));
            }
            continue;
        }
        if file.charges.is_empty() {
            continue;
        }
        // A case the engine cannot read (e.g. a clause of another code) has no limit to show.
        let Ok(suggestion) = suggest(case_request(&file, today.format())) else {
            continue;
        };
        if let Some(due) = suggestion
            .charges
            .iter()
            .filter_map(|c| c.limitation_until)
            .min()
        {
            rows.push(row("limitation", "مرور زمان تعقیب", "1401:30", due));
        }
    }
    rows.sort_by_key(|r| r.days_left);
    Ok(rows)
}

/// A verified copy of the database (and evidence) in the data folder's `backups/`, made while
/// the app runs; named by today's Solar Hijri date and the time.
#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupDone, CommandError> {
    let dir = state.data_dir.join("backups");
    std::fs::create_dir_all(&dir).map_err(|e| CommandError {
        code: "io".into(),
        message: format!("پوشهٔ پشتیبان ساخته نشد: {e}"),
    })?;
    let stamp = format!(
        "{}-{}",
        jalali(state.today)?.format().replace('/', ""),
        chrono::Local::now().format("%H%M%S")
    );
    let report = state
        .store
        .backup_to(&dir.join(format!("heyat-{stamp}.sqlite3")))
        .await?;
    Ok(BackupDone {
        path: report.path,
        integrity: report.integrity,
        cases: report
            .counts
            .iter()
            .find(|(t, _)| t == "cases")
            .map_or(0, |(_, n)| *n),
        tables: report.counts.len() as u32,
        evidence_files: report.evidence_files,
    })
}

/// A Solar Hijri month for the date picker (today's when `year`/`month` are absent), with
/// Fridays and the holidays on record marked closed.
#[tauri::command]
pub async fn calendar_month(
    state: State<'_, AppState>,
    year: Option<i32>,
    month: Option<u8>,
) -> Result<CalendarMonth, CommandError> {
    let today = jalali(state.today)?;
    let (year, month) = (year.unwrap_or(today.year()), month.unwrap_or(today.month()));
    let first = JalaliDate::new(year, month, 1).map_err(|e| invalid(e.to_string()))?;
    let holidays = state.store.holidays().await?;
    let days = (0..i64::from(heyat_core::date::days_in_month(year, month)))
        .map(|i| {
            let d = first.add_days(i).map_err(|e| invalid(e.to_string()))?;
            let iso = d.to_iso_string();
            let closed = holidays
                .iter()
                .find(|h| h.day == iso)
                .map(|h| h.title.clone())
                .or_else(|| d.is_friday().then(|| "جمعه".to_owned()));
            Ok(CalendarDay {
                day: d.day(),
                solar: d.format(),
                weekday: d.weekday() as u8,
                closed,
                today: d == today,
                iso,
            })
        })
        .collect::<Result<_, CommandError>>()?;
    Ok(CalendarMonth {
        year,
        month,
        title_fa: format!(
            "{} {}",
            heyat_core::date::month_name_fa(month),
            heyat_core::to_persian_digits(&year.to_string())
        ),
        days,
    })
}

fn agenda_row(s: heyat_store::ScheduledSession, today: &str) -> Result<AgendaRow, CommandError> {
    let day = JalaliDate::parse_iso(&s.scheduled_on).map_err(|e| invalid(e.to_string()))?;
    Ok(AgendaRow {
        id: s.id,
        case_id: s.case_id,
        case_number: heyat_store::case_number(s.case_year, s.case_seq),
        board_name: s.board_name,
        office_name: s.office_name,
        manager_name: s.manager_name,
        day_fa: format!("{} {}", day.weekday().name_fa(), day.format_fa()),
        time_fa: heyat_core::to_persian_digits(&s.at_time),
        note: s.note,
        is_today: s.scheduled_on == today,
    })
}

/// The desk: today's sessions, the next two weeks', limits running out, counts by status and
/// rulings awaiting signatures.
#[tauri::command]
pub async fn desk(state: State<'_, AppState>) -> Result<DeskView, CommandError> {
    let today = jalali(state.today)?;
    let today_iso = today.to_iso_string();
    let until = today
        .add_days(14)
        .map_err(|e| invalid(e.to_string()))?
        .to_iso_string();
    let mut today_rows = Vec::new();
    let mut upcoming = Vec::new();
    for s in state.store.agenda(&today_iso, &until).await? {
        let row = agenda_row(s, &today_iso)?;
        if row.is_today {
            today_rows.push(row);
        } else {
            upcoming.push(row);
        }
    }
    let mut limits = deadlines(state.clone()).await?;
    limits.retain(|d| d.days_left <= 30);
    let mut unsigned = Vec::new();
    for (case, file) in files_in(&state, CaseStatus::Heard).await? {
        if let Some(r) = file.rulings.iter().find(|r| r.status == "draft") {
            let sitting = r
                .session_id
                .and_then(|id| file.sessions.iter().find(|s| s.id == id))
                .map_or(0, |s| s.attendance.len());
            unsigned.push(UnsignedRow {
                case_id: case.id,
                case_number: case.number.clone(),
                office_name: case.office_name.clone(),
                signed: r.signoffs.len() as u32,
                sitting: sitting as u32,
            });
        }
    }
    let mut finalizable = Vec::new();
    for (case, file) in files_in(&state, CaseStatus::Notified).await? {
        if final_by_now(&state, &file, &today_iso).await?.is_some() {
            finalizable.push(case.number);
        }
    }
    Ok(DeskView {
        finalizable,
        today_fa: format!("{} {}", today.weekday().name_fa(), today.format_fa()),
        today: today_rows,
        upcoming,
        deadlines: limits,
        counts: status_counts(state).await?,
        unsigned,
    })
}

/// The sessions set from today on, for the sessions screen.
#[tauri::command]
pub async fn agenda(state: State<'_, AppState>) -> Result<Vec<AgendaRow>, CommandError> {
    let today = jalali(state.today)?.to_iso_string();
    state
        .store
        .agenda(&today, "9999-12-31")
        .await?
        .into_iter()
        .map(|s| agenda_row(s, &today))
        .collect()
}

/// Sets a session for a case (Solar Hijri or ISO day, optional `HH:MM`); a day already past
/// is refused.
#[tauri::command]
pub async fn schedule_session(
    state: State<'_, AppState>,
    case_id: i64,
    day: String,
    at_time: String,
    note: String,
) -> Result<i64, CommandError> {
    let day = iso_date("تاریخ جلسه", &day)?;
    let today = jalali(state.today)?;
    if day < today.to_iso_string() {
        return Err(invalid(format!(
            "تاریخ جلسه گذشته است؛ روزی از امروز ({}) به بعد برگزینید.",
            today.format_fa()
        )));
    }
    Ok(state
        .store
        .schedule_session(case_id, &day, &at_time, &note, "secretary")
        .await?)
}

/// One member who sat signs the draft ruling with their PIN; the last signature locks it
/// (Art 27) and the case is then decided.
#[tauri::command]
pub async fn sign_off(
    state: State<'_, AppState>,
    case_id: i64,
    member_id: i64,
    pin: String,
) -> Result<SignView, CommandError> {
    let file = state.store.case_file(case_id).await?;
    let Some(ruling) = file.rulings.iter().rev().find(|r| r.status == "draft") else {
        if file.rulings.iter().any(|r| r.status != "draft") {
            return Err(heyat_store::StoreError::SignedRuling.into());
        }
        return Err(invalid(
            "پیش‌نویس رأیی برای امضا نیست؛ نخست رأی را بنویسید و PDF آن را بسازید.",
        ));
    };
    let today = jalali(state.today)?.to_iso_string();
    let progress = state
        .store
        .sign_off(ruling.id, member_id, &pin, &today, "secretary")
        .await?;
    if progress.content_hash.is_some() {
        advance(&state, case_id, file.case.status, CaseStatus::Decided).await?;
        // The appeal board has ruled: the first-instance case's appeal is decided.
        if let Some(first) = &file.appeal_of {
            let status = state.store.case_file(first.id).await?.case.status;
            advance(&state, first.id, status, CaseStatus::AppealDecided).await?;
        }
    }
    let boards = state.store.boards().await?;
    let name = |id: &i64| {
        boards
            .iter()
            .flat_map(|b| &b.seats)
            .find(|s| s.member_id == *id)
            .map_or_else(
                || "—".to_owned(),
                |s| format!("{} {}", s.first_name, s.last_name),
            )
    };
    Ok(SignView {
        signed: progress.signed.iter().map(name).collect(),
        remaining: progress.remaining.iter().map(name).collect(),
        content_hash: progress.content_hash,
    })
}

/// Sets a member's signing PIN (4–8 digits); changing one needs the current PIN.
#[tauri::command]
pub async fn set_member_pin(
    state: State<'_, AppState>,
    member_id: i64,
    current: Option<String>,
    pin: String,
) -> Result<(), CommandError> {
    Ok(state
        .store
        .set_member_pin(member_id, current.as_deref(), &pin, "secretary")
        .await?)
}

fn what_fa(action: &str, table: &str) -> String {
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

/// The case's history from the audit log, oldest first.
#[tauri::command]
pub async fn case_history(
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<Vec<HistoryRow>, CommandError> {
    state
        .store
        .case_history(case_id)
        .await?
        .into_iter()
        .map(|h| {
            // The log keeps UTC; people read the day and time where they are.
            let local = chrono::DateTime::parse_from_rfc3339(&h.at)
                .map(|t| t.with_timezone(&chrono::Local).naive_local())
                .map_err(|e| invalid(format!("زمان «{}» در دفتر وقایع خوانا نیست: {e}", h.at)))?;
            let day = jalali(local.date())?.format_fa();
            let time = heyat_core::to_persian_digits(&local.format("%H:%M").to_string());
            let mut what = what_fa(&h.action, &h.table_name);
            // A status change says which status.
            if h.table_name == "cases" && h.action == "update" {
                let status = h
                    .row
                    .as_deref()
                    .and_then(|r| serde_json::from_str::<serde_json::Value>(r).ok())
                    .and_then(|v| v["status"].as_str().and_then(CaseStatus::from_code));
                if let Some(s) = status {
                    what = format!("وضعیت پرونده: {}", s.title_fa());
                }
            }
            Ok(HistoryRow {
                id: h.id,
                at_fa: day,
                time_fa: time,
                actor: h.actor,
                what_fa: what,
                table_name: h.table_name,
                row_id: h.row_id,
            })
        })
        .collect()
}

#[tauri::command]
pub async fn list_holidays(state: State<'_, AppState>) -> Result<Vec<HolidayRow>, CommandError> {
    state
        .store
        .holidays()
        .await?
        .into_iter()
        .map(|h| {
            Ok(HolidayRow {
                day_fa: fa_date(&h.day)?,
                day: h.day,
                title: h.title,
            })
        })
        .collect()
}

/// Adds a day the offices are closed (Solar Hijri or ISO); deadlines move past it.
#[tauri::command]
pub async fn add_holiday(
    state: State<'_, AppState>,
    day: String,
    title: String,
) -> Result<(), CommandError> {
    if title.trim().is_empty() {
        return Err(invalid("عنوان تعطیلی را بنویسید (مثلاً «عید فطر»)."));
    }
    let day = iso_date("روز تعطیل", &day)?;
    Ok(state
        .store
        .add_holiday(&day, title.trim(), "secretary")
        .await?)
}

#[tauri::command]
pub async fn remove_holiday(state: State<'_, AppState>, day: String) -> Result<(), CommandError> {
    let day = iso_date("روز تعطیل", &day)?;
    Ok(state.store.remove_holiday(&day, "secretary").await?)
}

/// Adds a person who may sit on boards and seats them (Arts 23–25 checked by the store: an
/// appeal judge below grade 9, a Kanoon representative on its board of directors, a member
/// of the wrong kind for the seat are refused, and nothing is saved).
#[tauri::command]
pub async fn seat_new_member(
    state: State<'_, AppState>,
    board_id: i64,
    seat: String,
    member: MemberForm,
) -> Result<(), CommandError> {
    if member.first_name.trim().is_empty() || member.last_name.trim().is_empty() {
        return Err(invalid("نام و نام خانوادگی عضو را بنویسید."));
    }
    let boards = state.store.boards().await?;
    let board = boards
        .iter()
        .find(|b| b.id == board_id)
        .ok_or_else(|| invalid("این هیأت یافت نشد."))?;
    let seat_code =
        Seat::from_code(&seat).ok_or_else(|| invalid(format!("جایگاه «{seat}» شناخته نیست.")))?;
    let candidate = heyat_core::board::Candidate {
        kind: heyat_core::board::MemberKind::from_code(&member.kind)
            .ok_or_else(|| invalid("نوع عضو را برگزینید: قاضی، نمایندهٔ کانون یا نمایندهٔ مرکز."))?,
        judicial_grade: member.judicial_grade.and_then(|g| u8::try_from(g).ok()),
        on_kanoon_directors: member.on_kanoon_directors,
    };
    let kind = heyat_core::board::BoardKind::from_code(&board.kind)
        .ok_or_else(|| invalid("نوع هیأت معتبر نیست."))?;
    // Checked before the member is added, so a refusal leaves no stray person behind.
    heyat_core::board::check_seat(kind, seat_code, &candidate)
        .map_err(|e| invalid(e.to_string()))?;
    let id = state
        .store
        .add_member(
            &heyat_store::NewMember {
                kind: member.kind,
                first_name: member.first_name.trim().to_owned(),
                last_name: member.last_name.trim().to_owned(),
                judicial_grade: member.judicial_grade,
                on_kanoon_directors: member.on_kanoon_directors,
            },
            "secretary",
        )
        .await?;
    Ok(state
        .store
        .assign_seat(board_id, &seat, id, "secretary")
        .await?)
}

/// `%XX` escapes (what `encodeURIComponent` writes) back to text.
fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Attaches a file to a case: the bytes as the raw body of the call, the case, file name and
/// description in headers (`heyat-case-id`, `heyat-file-name`, `heyat-description`, the
/// texts URI-encoded). The store checks the type (PDF, image, text), the size (25 MiB) and
/// refuses the same file twice.
#[tauri::command]
pub async fn attach_evidence(
    state: State<'_, AppState>,
    request: tauri::ipc::Request<'_>,
) -> Result<heyat_store::EvidenceRecord, CommandError> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(invalid(
            "پرونده‌ای برای پیوست فرستاده نشد؛ پرونده را دوباره برگزینید.",
        ));
    };
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(percent_decoded)
    };
    let case_id = header("heyat-case-id")
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| invalid("پروندهٔ مقصد پیوست معلوم نیست."))?;
    let file_name = header("heyat-file-name").unwrap_or_default();
    let description = header("heyat-description").unwrap_or_default();
    if description.trim().is_empty() {
        return Err(invalid(
            "شرح مستند را بنویسید (مثلاً «گزارش بازرسی مورخ ۱۴۰۵/۰۸/۲۰»).",
        ));
    }
    Ok(state
        .store
        .add_evidence(case_id, &file_name, bytes, &description, "secretary")
        .await?)
}

/// Opens an evidence file with the system's viewer: the bytes are checked against their
/// SHA-256 first and a copy is written under the data folder's `exports/` (the kept file
/// itself is never handed out). Answers the copy's path.
#[tauri::command]
pub async fn open_evidence(
    state: State<'_, AppState>,
    evidence_id: i64,
) -> Result<String, CommandError> {
    let (record, bytes) = state.store.read_evidence(evidence_id).await?;
    let dir = state.data_dir.join("exports");
    std::fs::create_dir_all(&dir).map_err(|e| CommandError {
        code: "io".into(),
        message: format!("پوشهٔ exports ساخته نشد: {e}"),
    })?;
    let path = dir.join(format!("{}-{}", record.id, record.file_name));
    std::fs::write(&path, &bytes).map_err(|e| CommandError {
        code: "io".into(),
        message: format!("رونوشت مستند نوشته نشد: {e}"),
    })?;
    // The viewer is the desktop's business; without one the copy stays where it is.
    if state.open_with_viewer
        && let Ok(mut viewer) = std::process::Command::new("xdg-open")
            .arg(&path)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
    {
        // Reaped when it exits, so that no finished viewer lingers as a zombie.
        std::thread::spawn(move || viewer.wait());
    }
    Ok(path.display().to_string())
}

/// Typesets the minutes of a session held in the case (attendance with alternates, the chair,
/// each question with every member's vote and the majority, dissents) and saves the PDF in
/// `documents/`. A vote is printed as agreeing or not with the majority, its words beside it.
#[tauri::command]
pub async fn print_minutes(
    state: State<'_, AppState>,
    case_id: i64,
    session_id: i64,
) -> Result<PrintedRuling, CommandError> {
    use heyat_render as r;
    let file = state.store.case_file(case_id).await?;
    let boards = state.store.boards().await?;
    let board = hearing_board(&boards, &file)?;
    let (index, session) = file
        .sessions
        .iter()
        .enumerate()
        .find(|(_, s)| s.id == session_id)
        .ok_or_else(|| invalid("این جلسه در پرونده ثبت نشده است."))?;
    let person = |id: i64| {
        board.seats.iter().find(|s| s.member_id == id).map_or_else(
            || "—".to_owned(),
            |s| format!("{} {}", s.first_name, s.last_name),
        )
    };
    let holder = |seat: &str| board.seats.iter().find(|s| s.seat == seat);
    let attendance = session
        .attendance
        .iter()
        .map(|a| {
            let held_by = holder(&a.seat);
            let present = a.holder_was == "present";
            r::Attendance {
                seat: match held_by.map(|h| h.kind.as_str()) {
                    Some("judge") => r::Seat::Judge,
                    Some("center_rep") => r::Seat::CenterRepresentative,
                    _ => r::Seat::KanoonRepresentative,
                },
                member: held_by.map_or_else(
                    || person(a.member_id),
                    |h| format!("{} {}", h.first_name, h.last_name),
                ),
                present,
                replaced_by: (!present).then(|| person(a.member_id)),
                note: match a.holder_was.as_str() {
                    "absent" => Some("غایب".to_owned()),
                    "recused" => Some("کناره‌گیری به سبب تعارض منافع".to_owned()),
                    _ => None,
                },
            }
        })
        .collect();
    let mut asked: Vec<&str> = Vec::new();
    for v in &session.votes {
        if !asked.contains(&v.question.as_str()) {
            asked.push(&v.question);
        }
    }
    let questions = asked
        .iter()
        .map(|q| {
            let votes: Vec<_> = session.votes.iter().filter(|v| v.question == *q).collect();
            let majority = votes.iter().map(|v| v.choice.as_str()).find(|c| {
                votes.iter().filter(|v| v.choice == *c).count() * 2 > session.attendance.len()
            });
            r::Question {
                text: (*q).to_owned(),
                votes: votes
                    .iter()
                    .map(|v| r::Vote {
                        member: person(v.member_id),
                        choice: match majority {
                            Some(m) if m == v.choice => r::VoteChoice::Yes,
                            Some(_) => r::VoteChoice::No,
                            None => r::VoteChoice::Abstain,
                        },
                        note: Some(v.choice.clone()),
                    })
                    .collect(),
                result: majority.map_or_else(
                    || "اکثریتی حاصل نشد".to_owned(),
                    |m| format!("به اکثریت آرا: «{m}»"),
                ),
            }
        })
        .collect();
    let dissents = session
        .votes
        .iter()
        .filter_map(|v| {
            v.dissent.as_ref().map(|d| r::Dissent {
                member: person(v.member_id),
                text: d.clone(),
            })
        })
        .collect();
    let start_time = file
        .scheduled
        .iter()
        .find(|s| s.scheduled_on == session.held_on && !s.at_time.is_empty())
        .map_or_else(
            || "—".to_owned(),
            |s| heyat_core::to_persian_digits(&s.at_time),
        );
    let input = r::MinutesInput {
        board: document_board(board),
        case_number: heyat_core::to_persian_digits(&file.case.number),
        session_number: heyat_core::to_persian_digits(&(index + 1).to_string()),
        session_date: JalaliDate::parse_iso(&session.held_on)
            .map_err(|e| invalid(e.to_string()))?,
        start_time,
        place: format!("محل تشکیل هیأت، استان {}", board.province),
        attendance,
        chair: session
            .chair_member_id
            .map_or_else(|| "—".to_owned(), person),
        agenda: file.case.subject.clone(),
        questions,
        dissents,
        notes: Some(session.minutes.trim())
            .filter(|m| !m.is_empty())
            .map(str::to_owned),
        secretary: "دبیر هیأت".to_owned(),
    };
    let rendered = state.renderer.minutes(&input).map_err(render_error)?;
    save_document(
        &state,
        &format!("minutes-{}-{}.pdf", file.case.number, index + 1),
        rendered,
    )
}

/// The backups in the data folder's `backups/`, newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupFile>, CommandError> {
    let dir = state.data_dir.join("backups");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() || !name.ends_with(".sqlite3") {
            continue;
        }
        let made = meta
            .modified()
            .map(chrono::DateTime::<chrono::Local>::from)
            .map_err(|e| invalid(e.to_string()))?;
        files.push((
            made,
            BackupFile {
                made_fa: format!(
                    "{}، ساعت {}",
                    jalali(made.date_naive())?.format_fa(),
                    heyat_core::to_persian_digits(&made.format("%H:%M").to_string())
                ),
                name,
                bytes: meta.len(),
            },
        ));
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    Ok(files.into_iter().map(|(_, f)| f).collect())
}

/// Asks for a backup of `backups/` to be put back at the next start (the database cannot be
/// replaced under the running app); `None` cancels a restore asked for. The backup is checked
/// then, and the database it replaces is kept.
#[tauri::command]
pub async fn restore_on_restart(
    state: State<'_, AppState>,
    name: Option<String>,
) -> Result<(), CommandError> {
    let marker = state.data_dir.join(crate::RESTORE_PENDING);
    let io = |e: std::io::Error| CommandError {
        code: "io".into(),
        message: format!("درخواست بازگردانی ثبت نشد: {e}"),
    };
    let Some(name) = name else {
        return match std::fs::remove_file(&marker) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(e)),
            _ => Ok(()),
        };
    };
    // Only a file of backups/ itself: no path may lead elsewhere.
    let plain = std::path::Path::new(&name)
        .file_name()
        .is_some_and(|f| f == name.as_str());
    if !plain || !state.data_dir.join("backups").join(&name).is_file() {
        return Err(invalid(format!(
            "پشتیبانی به نام «{name}» در پوشهٔ backups نیست؛ از فهرست پشتیبان‌ها برگزینید."
        )));
    }
    std::fs::write(&marker, &name).map_err(io)
}

/// What a signed ruling decided, in a sentence (for notices and the appeal ruling).
fn decided_fa(outcome: Option<&str>, grade: Option<i64>) -> String {
    let fa = |g: i64| heyat_core::to_persian_digits(&g.to_string());
    match (outcome, grade) {
        (Some("conviction" | "modified" | "confirmed"), Some(g)) => {
            format!("محکومیت مدیر دفتر به مجازات انتظامی درجهٔ {}", fa(g))
        }
        (Some("acquittal"), _) => "برائت مدیر دفتر".to_owned(),
        (Some("suspended_prosecution"), _) => "تعلیق تعقیب".to_owned(),
        (Some("reversed"), _) => "نقض رأی بدوی".to_owned(),
        _ => "موقوفی تعقیب".to_owned(),
    }
}

/// The highest grade the charges carry, as the engine read them: what an acquittal is
/// weighed by for appeal (Art 33). A charge whose grade the board chooses counts at its top.
fn charge_grade(suggestion: &engine::Suggestion) -> Option<u8> {
    suggestion
        .charges
        .iter()
        .map(|c| c.grade.unwrap_or(c.grade_range[1]))
        .max()
}

/// [`charge_grade`] of a signed ruling, from the suggestion kept with it.
fn acquitted_grade(ruling: &heyat_store::RulingRecord) -> Option<u8> {
    let kept: serde_json::Value = serde_json::from_str(ruling.suggestion.as_deref()?).ok()?;
    kept["charges"]
        .as_array()?
        .iter()
        .filter_map(|c| c["grade"].as_u64().or_else(|| c["grade_range"][1].as_u64()))
        .max()
        .and_then(|g| u8::try_from(g).ok())
}

/// Whether `recipient` may appeal the signed `ruling` (Art 33): a first-instance conviction
/// of grades 4–7 by the manager or the head of the Center, an acquittal on a charge of grades
/// 5–7 by the head only.
fn appealable_by(ruling: &heyat_store::RulingRecord, recipient: &str) -> bool {
    ruling.stage == "first_instance"
        && match (ruling.outcome.as_deref(), ruling.grade) {
            (Some("conviction"), Some(g)) => g >= 4 && recipient != "complainant",
            (Some("acquittal"), _) => {
                recipient == "center_head" && acquitted_grade(ruling).is_some_and(|g| g >= 5)
            }
            _ => false,
        }
}

fn notice_file(case_number: &str, notification_id: i64) -> String {
    format!("notice-{case_number}-{notification_id}.pdf")
}

/// The notifications on record whose slip is not in `documents/` yet, oldest first: what the
/// batch print goes through, one document at a time, showing its progress.
#[tauri::command]
pub async fn pending_notices(
    state: State<'_, AppState>,
) -> Result<Vec<PendingNotice>, CommandError> {
    let mut out = Vec::new();
    for status in [
        CaseStatus::Notified,
        CaseStatus::Final,
        CaseStatus::Appealed,
        CaseStatus::AppealDecided,
        CaseStatus::Decided,
    ] {
        for (case, file) in files_in(&state, status).await? {
            for n in &file.notifications {
                let printed = state
                    .data_dir
                    .join("documents")
                    .join(notice_file(&case.number, n.id))
                    .exists();
                if !printed {
                    out.push(PendingNotice {
                        case_id: case.id,
                        notification_id: n.id,
                        case_number: case.number.clone(),
                        recipient_fa: recipient_fa(&n.recipient).to_owned(),
                        notified_on_fa: fa_date(&n.notified_on)?,
                    });
                }
            }
        }
    }
    out.sort_by_key(|p| p.notification_id);
    Ok(out)
}

fn recipient_fa(recipient: &str) -> &'static str {
    match recipient {
        "manager" => "مدیر دفتر",
        "center_head" => "رئیس مرکز آمار و فناوری اطلاعات قوه قضاییه",
        _ => "شاکی",
    }
}

/// Typesets the slip of one notification (who was served, how, when, and the appeal deadline
/// it starts where the ruling may be appealed by him, Art 33) and saves it in `documents/`.
#[tauri::command]
pub async fn print_notice(
    state: State<'_, AppState>,
    case_id: i64,
    notification_id: i64,
) -> Result<PrintedRuling, CommandError> {
    use heyat_render as r;
    let file = state.store.case_file(case_id).await?;
    let notice = file
        .notifications
        .iter()
        .find(|n| n.id == notification_id)
        .ok_or_else(|| invalid("این ابلاغ در پرونده ثبت نشده است."))?;
    let (position, ruling) = file
        .rulings
        .iter()
        .enumerate()
        .find(|(_, x)| x.id == notice.ruling_id)
        .ok_or_else(|| invalid("رأی این ابلاغ در پرونده نیست."))?;
    let boards = state.store.boards().await?;
    let board = hearing_board(&boards, &file)?;
    let date = |iso: &str| JalaliDate::parse_iso(iso).map_err(|e| invalid(e.to_string()));
    let deadline = if appealable_by(ruling, &notice.recipient) {
        let appeal_board = boards
            .iter()
            .find(|b| b.kind == "appeal")
            .map(|b| b.name.clone())
            .unwrap_or_else(|| "هیأت تجدیدنظر".to_owned());
        Some(r::Deadline {
            days: 20,
            last_day: date(&deadline_after(&state, &notice.notified_on).await?)?,
            board: appeal_board,
            article: "1401:33".into(),
        })
    } else {
        None
    };
    let input = r::NoticeInput {
        board: document_board(board),
        case_number: heyat_core::to_persian_digits(&file.case.number),
        document: if ruling.stage == "appeal" {
            "دادنامهٔ هیأت تجدیدنظر"
        } else {
            "دادنامهٔ هیأت بدوی"
        }
        .to_owned(),
        document_number: heyat_core::to_persian_digits(&format!(
            "{}/{}",
            file.case.number,
            position + 1
        )),
        document_date: date(ruling.signed_on.as_deref().unwrap_or(&ruling.drafted_on))?,
        summary: decided_fa(ruling.outcome.as_deref(), ruling.grade),
        recipient: match notice.recipient.as_str() {
            "manager" => file.case.manager_name.clone(),
            other => recipient_fa(other).to_owned(),
        },
        recipient_role: match notice.recipient.as_str() {
            "manager" => r::RecipientRole::Manager,
            "center_head" => r::RecipientRole::CenterHead,
            _ => r::RecipientRole::Complainant,
        },
        address: match notice.recipient.as_str() {
            "manager" => format!("{}، {}", file.case.office_name, file.case.city),
            "center_head" => "مرکز آمار و فناوری اطلاعات قوه قضاییه، تهران".to_owned(),
            // Art 20: the complainant's particulars stay out of the file's documents.
            _ => "نشانی شاکی نزد دبیرخانهٔ هیأت محرمانه نگه داشته می‌شود.".to_owned(),
        },
        notified_on: date(&notice.notified_on)?,
        method: match notice.method.as_str() {
            "electronic" => "ابلاغ الکترونیکی از راه سامانهٔ ثنا",
            "in_person" => "تحویل حضوری",
            _ => "پست سفارشی",
        }
        .to_owned(),
        deadline,
        served_by: "دبیرخانهٔ هیأت".to_owned(),
        secretary: "دبیر هیأت".to_owned(),
    };
    let rendered = state.renderer.notice(&input).map_err(render_error)?;
    save_document(&state, &notice_file(&file.case.number, notice.id), rendered)
}
