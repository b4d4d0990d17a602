//! The summons (اخطاریه): issued with the case's charges frozen in it and its session set in
//! the same action; served, starting ten days to defend (CPC Arts 444–445); the defence
//! recorded, late ones marked; every refusal in Persian with nothing saved, every act audited
//! with its actor.

use crate::common::*;
use heyat_core::CaseStatus;
use heyat_core::date::JalaliDate;
use heyat_core::proceedings::ServiceMethod;
use heyat_store::{NewSummons, StoreError};

fn d(s: &str) -> JalaliDate {
    JalaliDate::parse(s).unwrap()
}

fn iso(s: &str) -> String {
    d(s).to_iso_string()
}

/// 2026-11-23, a Monday.
fn today() -> JalaliDate {
    d("1405/09/02")
}

fn summons_for(case_id: i64, session: &str) -> NewSummons {
    NewSummons {
        case_id,
        session_on: iso(session),
        at_time: "۱۰:۳۰".into(),
        place: String::new(),
    }
}

async fn a_case(w: &World) -> i64 {
    w.store
        .create_case(
            &new_case(
                w,
                vec![
                    charge("1401:38:k", "دریافت وجه بیش از تعرفه"),
                    charge("1401:35:d", "ندادن رسید"),
                ],
            ),
            ACTOR,
        )
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn a_summons_freezes_the_charges_and_sets_its_session() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let case_id = a_case(&w).await;
    let issued = w
        .store
        .issue_summons(
            &summons_for(case_id, "1405/09/15"),
            today(),
            "دبیر (secretary)",
        )
        .await
        .unwrap();
    assert_eq!(issued.issued_on, iso("1405/09/02"));
    assert_eq!(issued.at_time, "10:30");
    assert_eq!(issued.place, "دبیرخانهٔ هیأت، قم");
    assert_eq!(issued.charges.len(), 2);
    assert_eq!(issued.charges[0].violation, "1401:38:k");
    assert!(issued.served_on.is_none() && issued.defence_due.is_none());
    // The session was set by the same action, and the case awaits it.
    let file = w.store.case_file(case_id).await.unwrap();
    assert_eq!(file.scheduled.len(), 1);
    assert_eq!(file.scheduled[0].scheduled_on, iso("1405/09/15"));
    assert_eq!(Some(file.scheduled[0].id), issued.scheduled_session_id);
    assert_eq!(file.case.status, CaseStatus::Scheduled);
    // A charge framed later is not in the summons already issued.
    w.store
        .add_charge(case_id, &charge("1401:34:a", "نوبت‌دهی"), ACTOR)
        .await
        .unwrap();
    let kept = w.store.summons(issued.id).await.unwrap();
    assert_eq!(kept.charges.len(), 2);
    // Audited with its actor, and in the case's history.
    let history = w.store.case_history(case_id).await.unwrap();
    let row = history
        .iter()
        .find(|h| h.table_name == "summonses")
        .expect("the summons in the case's history");
    assert_eq!(row.actor, "دبیر (secretary)");
    assert_eq!(row.action, "insert");
}

#[tokio::test]
async fn a_summons_for_a_session_already_set_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let case_id = a_case(&w).await;
    let set = w
        .store
        .schedule_session(case_id, &iso("1405/09/19"), "09:00", "", ACTOR)
        .await
        .unwrap();
    let issued = w
        .store
        .issue_summons(&summons_for(case_id, "1405/09/19"), today(), ACTOR)
        .await
        .unwrap();
    assert_eq!(issued.scheduled_session_id, Some(set));
    assert_eq!(count(&w.store, "scheduled_sessions").await, 1);
}

#[tokio::test]
async fn refusals_say_what_to_fix_and_save_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let case_id = a_case(&w).await;
    let empty = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap()
        .id;
    let audit = count(&w.store, "audit_log").await;
    let refused = |r: Result<heyat_store::SummonsRecord, StoreError>| r.unwrap_err().to_string();
    // Ten days from today end on 1405/09/12; 09/13 is a Friday.
    let too_soon = refused(
        w.store
            .issue_summons(&summons_for(case_id, "1405/09/12"), today(), ACTOR)
            .await,
    );
    assert!(too_soon.contains("۱۴۰۵/۰۹/۱۴ یا پس از آن"), "{too_soon}");
    let no_charge = refused(
        w.store
            .issue_summons(&summons_for(empty, "1405/09/19"), today(), ACTOR)
            .await,
    );
    assert!(no_charge.contains("هنوز تخلفی ندارد"), "{no_charge}");
    let no_time = refused(
        w.store
            .issue_summons(
                &NewSummons {
                    at_time: String::new(),
                    ..summons_for(case_id, "1405/09/19")
                },
                today(),
                ACTOR,
            )
            .await,
    );
    assert!(no_time.starts_with("ساعت جلسه"), "{no_time}");
    let bad_day = refused(
        w.store
            .issue_summons(
                &NewSummons {
                    session_on: "1405-13-01".into(),
                    ..summons_for(case_id, "1405/09/19")
                },
                today(),
                ACTOR,
            )
            .await,
    );
    assert!(bad_day.starts_with("روز جلسه"), "{bad_day}");
    assert_eq!(count(&w.store, "summonses").await, 0);
    assert_eq!(count(&w.store, "scheduled_sessions").await, 0);
    assert_eq!(count(&w.store, "audit_log").await, audit);
    // One summons per session day.
    w.store
        .issue_summons(&summons_for(case_id, "1405/09/19"), today(), ACTOR)
        .await
        .unwrap();
    let twice = refused(
        w.store
            .issue_summons(&summons_for(case_id, "1405/09/19"), today(), ACTOR)
            .await,
    );
    assert!(twice.contains("پیش‌تر صادر شده"), "{twice}");
    assert_eq!(count(&w.store, "summonses").await, 1);
}

#[tokio::test]
async fn service_starts_ten_days_and_a_late_defence_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let case_id = a_case(&w).await;
    let issued = w
        .store
        .issue_summons(&summons_for(case_id, "1405/09/19"), today(), ACTOR)
        .await
        .unwrap();
    // Not served yet: no defence.
    let err = w
        .store
        .record_defence(issued.id, &iso("1405/09/05"), "", d("1405/09/05"), ACTOR)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("نخست تاریخ و نحوهٔ ابلاغ"), "{err}");
    // A service in the future, or before the issue, is refused.
    for (on, piece) in [("1405/09/06", "هنوز نرسیده"), ("1405/09/01", "پیش از صدور")]
    {
        let err = w
            .store
            .serve_summons(
                issued.id,
                ServiceMethod::InPerson,
                &iso(on),
                d("1405/09/04"),
                ACTOR,
            )
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains(piece), "{err}");
    }
    // Served on 09/03: the tenth day, 09/13, is a Friday, so the last day is 09/14.
    let (served, after) = w
        .store
        .serve_summons(
            issued.id,
            ServiceMethod::InPerson,
            &iso("1405/09/03"),
            d("1405/09/04"),
            "دبیر (secretary)",
        )
        .await
        .unwrap();
    assert_eq!(
        served.defence_due.as_deref(),
        Some(iso("1405/09/14").as_str())
    );
    assert_eq!(served.method, Some(ServiceMethod::InPerson));
    assert!(!after.session_too_soon);
    let again = w
        .store
        .serve_summons(
            issued.id,
            ServiceMethod::Post,
            &iso("1405/09/04"),
            d("1405/09/04"),
            ACTOR,
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(again.contains("دوباره ثبت نمی‌شود"), "{again}");
    // A defence the day after the last day: kept, marked late.
    let defended = w
        .store
        .record_defence(
            issued.id,
            &iso("1405/09/15"),
            "  لایحهٔ دفاعیه در سه برگ  ",
            d("1405/09/16"),
            ACTOR,
        )
        .await
        .unwrap();
    assert_eq!(defended.defence_late, Some(true));
    assert_eq!(defended.defence_note, "لایحهٔ دفاعیه در سه برگ");
    assert_eq!(w.store.summonses_of(case_id).await.unwrap(), vec![defended]);
    let updates = w
        .store
        .case_history(case_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|h| h.table_name == "summonses" && h.action == "update")
        .count();
    assert_eq!(updates, 2);
}

#[tokio::test]
async fn a_holiday_on_the_last_day_moves_it_and_a_defence_then_is_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    w.store
        .add_holiday(&iso("1405/09/14"), "تعطیل رسمی", ACTOR)
        .await
        .unwrap();
    let case_id = a_case(&w).await;
    let issued = w
        .store
        .issue_summons(&summons_for(case_id, "1405/09/22"), today(), ACTOR)
        .await
        .unwrap();
    let (served, _) = w
        .store
        .serve_summons(
            issued.id,
            ServiceMethod::Electronic,
            &iso("1405/09/03"),
            today().add_days(2).unwrap(),
            ACTOR,
        )
        .await
        .unwrap();
    assert_eq!(
        served.defence_due.as_deref(),
        Some(iso("1405/09/15").as_str())
    );
    let pending = w.store.summonses_pending(d("1405/09/10")).await.unwrap();
    assert_eq!(pending.len(), 1);
    let defended = w
        .store
        .record_defence(issued.id, &iso("1405/09/15"), "", d("1405/09/15"), ACTOR)
        .await
        .unwrap();
    assert_eq!(defended.defence_late, Some(false));
    assert!(
        w.store
            .summonses_pending(d("1405/09/10"))
            .await
            .unwrap()
            .is_empty()
    );
}
