//! The demo: the store's demo data set, its accounts (each member enrolled with a key of
//! their own) and one ruling carried through a session to the members' signatures, so that a
//! sealed ruling's final PDF is under `documents/` for `heyat verify` to check. Only behind
//! an explicit demo flag (`./run`, `heyat demo`); a real first start makes none of it.

use crate::{DocumentError, RulingDraft};
use heyat_core::board::Seat;
use heyat_core::date::JalaliDate;
use heyat_core::proceedings::{HolderWas, Verdict};
use heyat_render as r;
use heyat_store::{AttendanceRecord, CaseFilter, DEMO_PASSWORD, NewSession, Store};

/// Loads the demo into a database that never held data: answers the path of the sealed
/// ruling it signed, or `None` when the database already had data (nothing is changed then).
pub async fn load(
    store: &Store,
    renderer: &r::Renderer,
    today: chrono::NaiveDate,
) -> Result<Option<String>, DocumentError> {
    if !store.load_demo_if_new(today).await? {
        return Ok(None);
    }
    store.create_demo_accounts().await?;
    set_second_case_for_today(store, today).await?;
    use chrono::Datelike;
    let today = JalaliDate::from_iso(today.year(), today.month() as u8, today.day() as u8)?;
    let case_id = draft_for_signing(store, renderer, today, "11560114").await?;
    let mut saved = None;
    for username in ["judge-1", "judge-2", "representative"] {
        let member = store.sign_in(username, DEMO_PASSWORD).await?;
        let (_, path) =
            crate::sign_ruling(store, renderer, case_id, &member, DEMO_PASSWORD, today).await?;
        saved = path.or(saved);
    }
    saved
        .map(Some)
        .ok_or_else(|| DocumentError::Refused("رأی نمایشی امضا نشد.".into()))
}

/// Sets the registered case of office 11560027 for today at 09:30, beside the Shahriar case
/// at 09:00: two cases of the first-instance board on one day, that a sitting hears in
/// order (the day's docket). The secretary sets it, as a person would (the case moves to
/// «scheduled»).
async fn set_second_case_for_today(
    store: &Store,
    today: chrono::NaiveDate,
) -> Result<(), DocumentError> {
    let case = store
        .cases(&CaseFilter {
            text: Some("11560027".into()),
            status: Some(heyat_core::CaseStatus::Registered),
            ..CaseFilter::default()
        })
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| DocumentError::Refused("پروندهٔ نمایشی دفتر ۱۱۵۶۰۰۲۷ یافت نشد.".into()))?;
    let secretary = store.sign_in("secretary", DEMO_PASSWORD).await?;
    store
        .schedule_session(
            case.id,
            &today.format("%Y-%m-%d").to_string(),
            "09:30",
            "",
            &secretary.actor(),
        )
        .await?;
    Ok(())
}

/// Carries the demo case of the office coded `office` to a draft ready for signatures: the
/// full first-instance board sits today (the secretary records it), judge 1 chairs and
/// drafts the lowest grade the engine allows, and the draft is printed. Answers the case's
/// id. The demo does it for the manager's absence (office 11560114), leaving the Shahriar
/// case for a person — and the end-to-end walk — to carry through; `heyat bench` does it for
/// Shahriar's to time the signatures.
pub async fn draft_for_signing(
    store: &Store,
    renderer: &r::Renderer,
    today: JalaliDate,
    office: &str,
) -> Result<i64, DocumentError> {
    let case = store
        .cases(&CaseFilter {
            text: Some(office.into()),
            ..CaseFilter::default()
        })
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| DocumentError::Refused("پروندهٔ نمایشی این دفتر یافت نشد.".into()))?;
    let roster = store.roster_of(case.id).await?;
    let holder = |seat: Seat| {
        roster
            .iter()
            .find(|s| s.seat == seat.code())
            .map(|s| s.member_id)
            .ok_or_else(|| DocumentError::Refused("هیأت نمایشی کامل نیست.".into()))
    };
    let sitting = [Seat::Judge1, Seat::Judge2, Seat::Representative];
    let attendance = sitting
        .iter()
        .map(|&seat| {
            Ok(AttendanceRecord {
                seat,
                member_id: holder(seat)?,
                holder_was: HolderWas::Present,
            })
        })
        .collect::<Result<Vec<_>, DocumentError>>()?;
    let secretary = store.sign_in("secretary", DEMO_PASSWORD).await?;
    let iso = today.to_iso_string();
    store
        .hold_session(
            &NewSession {
                case_id: case.id,
                held_on: iso.clone(),
                attendance,
                minutes: String::new(),
            },
            Some(holder(Seat::Judge1)?),
            &iso,
            &secretary.actor(),
        )
        .await?;
    let chair = store.sign_in("judge-1", DEMO_PASSWORD).await?;
    let grade = store
        .suggestion(case.id, today)
        .await?
        .grade
        .map_or(1, |g| g.min);
    let draft = RulingDraft {
        verdict: Verdict::Penalty,
        grade: Some(grade),
        suspension_months: match grade {
            5 => Some(3),
            6 => Some(13),
            _ => None,
        },
        suspension_years: None,
        session_date: today.format_fa(),
        complaint_summary:
            "بازرسی گزارش کرده است که مدیر دفتر پنج روز کاری بی‌عذر در دفتر حاضر نبوده است.".into(),
        defence_summary: "مدیر دفتر بیماری را علت غیبت دانسته اما مدرکی نداده است.".into(),
        reasoning: "با توجه به گزارش بازرسی و نبود مدرک بر عذر موجه، تخلف محرز است.".into(),
        dissent_seat: None,
        dissent: None,
        appeal_result: None,
        acquitted_charges: Vec::new(),
        qualifications: Vec::new(),
    };
    let d = crate::draft_ruling(store, case.id, &draft).await?;
    let body = renderer.ruling(&d.input)?;
    store.keep_draft(&d.record, &chair.actor()).await?;
    crate::save(store.data_dir(), &d.file_name, body)?;
    Ok(case.id)
}
