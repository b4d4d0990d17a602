//! The case list and the case file: parties, charges, evidence, history, and the engine.

use crate::AppState;
use crate::dto::{
    ArticleView, CaseFileView, CaseFilter, CaseRow, CatalogueEntry, ChargeForm, HistoryRow,
    QualificationView, SuggestRequest,
};
use crate::error::CommandError;
use crate::views::{self, fa_date, iso_date, optional_iso};
use heyat_core::{CaseStatus, JalaliDate, engine, regulation};
use tauri::State;

/// The longest search text accepted; anything longer is a mistake, not a query.
const MAX_QUERY_CHARS: usize = 200;

/// The case list's filter as the caller may use it: a board's people see their own board's
/// files (an administrator, every board's); dates parsed; refused in Persian when wrong.
pub(crate) async fn scoped_filter(
    state: &AppState,
    filter: CaseFilter,
) -> Result<heyat_store::CaseFilter, CommandError> {
    let caller = state
        .allow(heyat_core::proceedings::Action::ReadCases)
        .await?;
    // A board's people list their own board's files (an administrator, every board's); a
    // file an appeal links is opened from the linked file.
    let filter = match (caller.board_id, filter.board_id) {
        (Some(own), None) => CaseFilter {
            board_id: Some(own),
            ..filter
        },
        (_, Some(asked)) => {
            caller.may(
                heyat_core::proceedings::Action::ReadCases,
                heyat_core::proceedings::Scope {
                    board_id: Some(asked),
                    ..Default::default()
                },
            )?;
            filter
        }
        (None, None) => filter,
    };
    if filter
        .text
        .as_deref()
        .is_some_and(|t| t.chars().count() > MAX_QUERY_CHARS)
    {
        return Err(CommandError::invalid(
            "عبارت جستجو بیش از ۲۰۰ نویسه است؛ آن را کوتاه‌تر کنید.",
        ));
    }
    let filter: heyat_store::CaseFilter = CaseFilter {
        registered_from: optional_iso("از تاریخ", filter.registered_from.as_deref())?,
        registered_to: optional_iso("تا تاریخ", filter.registered_to.as_deref())?,
        ..filter
    }
    .into();
    if let (Some(from), Some(to)) = (&filter.registered_from, &filter.registered_to)
        && from > to
    {
        return Err(CommandError::invalid(
            "«از تاریخ» پس از «تا تاریخ» است؛ بازهٔ تاریخ را درست کنید.",
        ));
    }
    Ok(filter)
}

/// A page of the case list under `filter`, newest first: `limit` lines (at most
/// [`MAX_PAGE`](crate::dto::MAX_PAGE)) from `offset`, with how many match in all.
#[tauri::command]
pub async fn list_cases(
    state: State<'_, AppState>,
    filter: CaseFilter,
    offset: Option<i64>,
    limit: Option<i64>,
) -> Result<crate::dto::CasePage, CommandError> {
    let filter = scoped_filter(&state, filter).await?;
    let limit = limit.unwrap_or(crate::dto::MAX_PAGE);
    if !(1..=crate::dto::MAX_PAGE).contains(&limit) || offset.is_some_and(|o| o < 0) {
        return Err(CommandError::invalid(
            "صفحهٔ فهرست نادرست خواسته شد: از ۱ تا ۵۰۰ سطر، از سطر صفر به بعد.",
        ));
    }
    let page = state
        .store
        .cases_page(&filter, offset.unwrap_or(0), Some(limit))
        .await?;
    Ok(crate::dto::CasePage {
        total: page.total,
        offset: page.offset,
        rows: page
            .items
            .into_iter()
            .map(|case| {
                Ok(CaseRow {
                    status_fa: case.status.title_fa().to_owned(),
                    registered_on_fa: fa_date(&case.registered_on)?,
                    case: case.into(),
                })
            })
            .collect::<Result<_, CommandError>>()?,
    })
}

/// Every code's Persian title, from core's vocabulary: the one place titles are written.
#[tauri::command]
pub async fn vocabulary(
    state: State<'_, AppState>,
) -> Result<crate::dto::Vocabulary, CommandError> {
    state.signed_in().await?;
    let lib = views::library()?;
    use heyat_core::board::Seat;
    use heyat_core::proceedings::{
        ComplaintSource, HolderWas, Party, RulingStatus, ServiceMethod, Stage,
    };
    fn map<T: Copy>(
        all: &[T],
        code: fn(T) -> &'static str,
        title: fn(T) -> &'static str,
    ) -> std::collections::BTreeMap<String, String> {
        all.iter()
            .map(|t| (code(*t).to_owned(), title(*t).to_owned()))
            .collect()
    }
    Ok(crate::dto::Vocabulary {
        seats: map(&Seat::ALL, Seat::code, Seat::title_fa),
        holder_was: map(&HolderWas::ALL, HolderWas::code, HolderWas::title_fa),
        ruling_status: map(
            &RulingStatus::ALL,
            RulingStatus::code,
            RulingStatus::title_fa,
        ),
        stages: map(&Stage::ALL, Stage::code, Stage::title_fa),
        parties: map(&Party::ALL, Party::code, Party::short_fa),
        methods: map(
            &ServiceMethod::ALL,
            ServiceMethod::code,
            ServiceMethod::title_fa,
        ),
        case_status: map(&CaseStatus::ALL, CaseStatus::code, CaseStatus::title_fa),
        complaint_sources: map(
            &ComplaintSource::ALL,
            ComplaintSource::code,
            ComplaintSource::title_fa,
        ),
        qualifications: ["1401:9", "1401:10", "1401:11"]
            .iter()
            .filter_map(|id| lib.article(id))
            .flat_map(|a| {
                a.clause.iter().map(move |c| {
                    (
                        c.id.clone(),
                        format!(
                            "مادهٔ {}، بند «{}»: {}",
                            heyat_core::to_persian_digits(&a.number.to_string()),
                            c.label_fa,
                            c.title_fa
                        ),
                    )
                })
            })
            .collect(),
        penalties: ["1401", "1396", "1392"]
            .iter()
            .map(|code| {
                let list = (1..=7).filter_map(|g| lib.penalty(code, g)).collect();
                ((*code).to_owned(), list)
            })
            .collect(),
    })
}

#[tauri::command]
pub async fn catalogue(state: State<'_, AppState>) -> Result<Vec<CatalogueEntry>, CommandError> {
    state.signed_in().await?;
    views::catalogue()
}

/// The conditions of Arts 9–11 whose loss revokes the licence (Art 45), for the forms.
#[tauri::command]
pub async fn qualifications(
    state: State<'_, AppState>,
) -> Result<Vec<QualificationView>, CommandError> {
    state.signed_in().await?;
    Ok(views::library()?
        .qualifications()
        .into_iter()
        .map(|(a, c)| QualificationView {
            id: c.id.clone(),
            article_number: a.number,
            label_fa: c.label_fa.clone(),
            title_fa: c.title_fa.clone(),
            text_fa: c.text_fa.clone(),
        })
        .collect())
}

/// The corrected text of an article, clause or note, by its id (`1401:44`, `1401:37:f`).
#[tauri::command]
pub async fn article(state: State<'_, AppState>, id: String) -> Result<ArticleView, CommandError> {
    state.signed_in().await?;
    let lib = views::library()?;
    let provision = lib.get(&id).ok_or_else(|| {
        CommandError::invalid(format!("ماده یا بندی با شناسهٔ «{id}» در مقررات نیست."))
    })?;
    let code = id.split(':').next().unwrap_or_default();
    Ok(ArticleView {
        regulation_fa: lib
            .regulation(code)
            .map(|r| r.regulation.title_fa.clone())
            .unwrap_or_default(),
        article_number: provision.article().number,
        title_fa: match provision {
            regulation::Provision::Clause(_, c) => c.title_fa.clone(),
            _ => provision.article().title_fa.clone(),
        },
        text_fa: provision.text_fa().to_owned(),
        id,
    })
}

/// The rules engine's suggestion for a case typed on the engine screen. The engine checks
/// every field; a bad one is refused with its path and what to fix, in Persian.
#[tauri::command]
pub async fn suggest(
    state: State<'_, AppState>,
    request: SuggestRequest,
) -> Result<engine::Suggestion, CommandError> {
    state
        .allow(heyat_core::proceedings::Action::ReadCases)
        .await?;
    let input =
        serde_json::to_string(&request).map_err(|e| CommandError::invalid(e.to_string()))?;
    heyat_core::suggest::suggest_value(&input)
        .map_err(|e| CommandError::invalid(format!("{}: {}", views::field_fa(&e.field), e.message)))
}

/// Opens a case file with every part, the questions its session puts to the vote, and the
/// ruling's draft as the last session's votes decided it.
#[tauri::command]
pub async fn open_case(
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<CaseFileView, CommandError> {
    state
        .allow_case(heyat_core::proceedings::Action::ReadCases, case_id)
        .await?;
    let lib = views::library()?;
    let file = state.store.case_file(case_id).await?;
    let mut dates_fa = std::collections::BTreeMap::new();
    let json = serde_json::to_value(&file).map_err(|e| CommandError::storage(e.to_string()))?;
    views::collect_dates(&json, &mut dates_fa);
    let chair_member_id = state
        .store
        .boards()
        .await?
        .into_iter()
        .find(|b| b.id == file.case.board_id)
        .and_then(|b| b.chair_member_id);
    let charges = file
        .charges
        .iter()
        .cloned()
        .map(|c| views::charge_view(lib, c))
        .collect::<Result<Vec<_>, _>>()?;
    let titles: Vec<(i64, String)> = charges.iter().map(|c| (c.id, c.title_fa.clone())).collect();
    let today = state.today_jalali();
    let suspension = match state.store.suspension_of_case(case_id, today).await? {
        Some(s) => Some(views::suspension_view(s, today)?),
        None => None,
    };
    Ok(CaseFileView {
        conditions: heyat_core::proceedings::qualification_conditions(lib),
        suspension,
        questions: heyat_core::proceedings::questions_for(&titles),
        seed: file.sessions.last().map(|s| {
            let votes: Vec<_> = s.votes.iter().filter_map(|v| v.cast()).collect();
            heyat_core::proceedings::seed_ruling(&votes, s.attendance.len())
        }),
        chair_member_id,
        dates_fa,
        status_fa: file.case.status.title_fa().to_owned(),
        registered_on_fa: fa_date(&file.case.registered_on)?,
        charges,
        file: file.into(),
    })
}

/// The engine's suggestion for the case as recorded — the charges, the manager's record,
/// the holidays, the facts on file — decided on `decided_on` (Solar Hijri or ISO; today when
/// absent).
#[tauri::command]
pub async fn suggest_for_case(
    state: State<'_, AppState>,
    case_id: i64,
    decided_on: Option<String>,
) -> Result<engine::Suggestion, CommandError> {
    state
        .allow_case(heyat_core::proceedings::Action::ReadCases, case_id)
        .await?;
    let on = match decided_on.filter(|d| !d.trim().is_empty()) {
        Some(d) => {
            JalaliDate::parse(&d).map_err(|e| CommandError::invalid(format!("تاریخ جلسه: {e}")))?
        }
        None => state.today_jalali(),
    };
    Ok(state.store.suggestion(case_id, on).await?)
}

/// Writes a case's subject: the secretary's words (a case opened from a complaint has none
/// until then; it is never taken from the complaint's text).
#[tauri::command]
pub async fn set_case_subject(
    state: State<'_, AppState>,
    case_id: i64,
    subject: String,
) -> Result<(), CommandError> {
    let caller = state
        .allow_case(heyat_core::proceedings::Action::EditCase, case_id)
        .await?;
    Ok(state
        .store
        .set_case_subject(case_id, &subject, &caller.actor())
        .await?)
}

/// Adds a charge from the catalogue to a case; refused once a signed ruling fixed it.
#[tauri::command]
pub async fn add_charge(
    state: State<'_, AppState>,
    case_id: i64,
    form: ChargeForm,
) -> Result<i64, CommandError> {
    let caller = state
        .allow_case(heyat_core::proceedings::Action::EditCase, case_id)
        .await?;
    let measured = matches!(form.violation.as_str(), "absence" | "closure");
    let charge = heyat_store::NewCharge {
        committed_on: iso_date("تاریخ وقوع", &form.committed_on)?,
        days: if measured { form.days } else { None },
        facts: form.facts.trim().to_owned(),
        last_prosecution_act_on: optional_iso(
            "تاریخ آخرین اقدام تعقیبی",
            form.last_prosecution_act_on.as_deref(),
        )?,
        violation: form.violation,
    };
    Ok(state
        .store
        .add_charge(case_id, &charge, &caller.actor())
        .await?)
}

/// Records facts of the case file the engine weighs: the day its final penalty was carried
/// out (Art 43), the manager's death or permanent separation (Art 30), a withdrawn complaint.
#[tauri::command]
pub async fn record_case_facts(
    state: State<'_, AppState>,
    case_id: i64,
    facts: crate::dto::CaseFacts,
) -> Result<(), CommandError> {
    let caller = state
        .allow_case(heyat_core::proceedings::Action::EditCase, case_id)
        .await?;
    let facts = heyat_store::CaseFacts {
        carried_out_on: optional_iso("تاریخ اجرای مجازات", facts.carried_out_on.as_deref())?,
        deceased_on: optional_iso("تاریخ فوت مدیر", facts.deceased_on.as_deref())?,
        separated_on: optional_iso("تاریخ انفصال دائم مدیر", facts.separated_on.as_deref())?,
        complaint_withdrawn_on: optional_iso(
            "تاریخ استرداد شکایت",
            facts.complaint_withdrawn_on.as_deref(),
        )?,
    };
    Ok(state
        .store
        .record_case_facts(case_id, &facts, &caller.actor())
        .await?)
}

/// The case's history from the audit log, oldest first.
#[tauri::command]
pub async fn case_history(
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<Vec<HistoryRow>, CommandError> {
    state
        .allow_case(heyat_core::proceedings::Action::ReadCases, case_id)
        .await?;
    state
        .store
        .case_history(case_id)
        .await?
        .into_iter()
        .map(|h| {
            // The log keeps UTC; people read the day and time where they are.
            let local = chrono::DateTime::parse_from_rfc3339(&h.at)
                .map(|t| t.with_timezone(&chrono::Local).naive_local())
                .map_err(|e| {
                    CommandError::storage(format!("زمان «{}» در دفتر وقایع خوانا نیست: {e}", h.at))
                })?;
            use chrono::Datelike;
            let day = JalaliDate::from_iso(local.year(), local.month() as u8, local.day() as u8)?;
            let mut what = views::what_fa(&h.action, &h.table_name);
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
                at_fa: day.format_fa(),
                time_fa: heyat_core::to_persian_digits(&local.format("%H:%M").to_string()),
                actor: h.actor,
                what_fa: what,
                table_name: h.table_name,
                row_id: h.row_id,
            })
        })
        .collect()
}

/// Records which conditions of Arts 9–11 the manager lost or never had (Art 45), as the whole
/// list (an empty list clears it); each with the day the board found it (Solar Hijri or ISO)
/// and a note. Refused, nothing saved, for anything but those conditions or a signed case.
#[tauri::command]
pub async fn set_lost_qualifications(
    state: State<'_, AppState>,
    case_id: i64,
    list: Vec<crate::dto::LostQualification>,
) -> Result<(), CommandError> {
    let caller = state
        .allow_case(heyat_core::proceedings::Action::EditCase, case_id)
        .await?;
    let list = list
        .into_iter()
        .map(|q| {
            Ok(heyat_store::LostQualification {
                found_on: iso_date("تاریخ احراز", &q.found_on)?,
                condition: q.condition,
                note: q.note,
            })
        })
        .collect::<Result<Vec<_>, CommandError>>()?;
    Ok(state
        .store
        .set_lost_qualifications(case_id, &list, state.today_jalali(), &caller.actor())
        .await?)
}

/// Revokes the case's suspended prosecution (Art 31) on `revoked_on` (today when absent): the
/// board's act, recorded by its secretary or its chair, for a final conviction of the manager
/// for a violation committed within the period. The case goes back to be heard.
#[tauri::command]
pub async fn revoke_suspension(
    state: State<'_, AppState>,
    case_id: i64,
    revoked_on: Option<String>,
) -> Result<(), CommandError> {
    let caller = state
        .allow_case_board_chair(heyat_core::proceedings::Action::RevokeSuspension, case_id)
        .await?;
    let on = optional_iso("تاریخ لغو قرار تعلیق", revoked_on.as_deref())?
        .unwrap_or_else(|| state.today_iso());
    state
        .store
        .revoke_suspension(case_id, &on, state.today_jalali(), &caller.actor())
        .await?;
    Ok(())
}

/// Closes the file of a suspended prosecution whose period ended with no conviction that
/// revokes it (Art 31): the case is final.
#[tauri::command]
pub async fn close_suspension(
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<(), CommandError> {
    let caller = state
        .allow_case(heyat_core::proceedings::Action::Finalize, case_id)
        .await?;
    Ok(state
        .store
        .close_suspension(case_id, state.today_jalali(), &caller.actor())
        .await?)
}
