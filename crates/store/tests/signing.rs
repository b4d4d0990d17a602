//! Sign-offs one member at a time with PINs, scheduled sessions, the appeal case and the
//! history read from the audit log.

use crate::common::*;
use heyat_store::{AttendanceRecord, NewRuling, NewSession, StoreError};

async fn drafted(w: &World) -> (i64, i64) {
    let c = w
        .store
        .create_case(
            &new_case(w, vec![charge("1401:38:k", "وجه بیش از تعرفه")]),
            ACTOR,
        )
        .await
        .unwrap();
    let m = &w.members;
    let att = |seat: &str, id: i64| AttendanceRecord {
        seat: heyat_core::board::Seat::from_code(seat).unwrap(),
        member_id: id,
        holder_was: heyat_core::proceedings::HolderWas::Present,
    };
    let session = w
        .store
        .record_session(
            &NewSession {
                case_id: c.id,
                held_on: "2026-08-01".into(),
                attendance: vec![
                    att("judge_1", m[0]),
                    att("judge_2", m[1]),
                    att("representative", m[2]),
                ],
                minutes: String::new(),
            },
            ACTOR,
        )
        .await
        .unwrap();
    let ruling = w
        .store
        .draft_ruling(
            &NewRuling {
                case_id: c.id,
                session_id: Some(session),
                outcome: Some(heyat_core::proceedings::RulingOutcome::Conviction),
                grade: Some(5),
                text: "تخلف محرز است.".into(),
                drafted_on: "2026-08-01".into(),
                ..NewRuling::default()
            },
            ACTOR,
        )
        .await
        .unwrap();
    (c.id, ruling)
}

#[tokio::test]
async fn members_sign_one_by_one_and_the_last_locks_the_ruling() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (case_id, ruling) = drafted(&w).await;
    let m = &w.members;
    let err = w
        .store
        .sign_off(ruling, m[0], "1234", "2026-08-02", ACTOR)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("رمز امضا تعیین نشده"), "{err}");
    for id in &m[..3] {
        w.store
            .set_member_pin(*id, None, "۱۲۳۴", ACTOR)
            .await
            .unwrap();
    }
    assert_eq!(w.store.members_with_pin().await.unwrap(), m[..3].to_vec());
    let (hash,): (String,) = sqlx::query_as("SELECT pin_hash FROM member_pins WHERE member_id = ?")
        .bind(m[0])
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    assert_eq!(hash.len(), 64);
    assert!(!hash.contains("1234"));
    let (logged,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM audit_log WHERE table_name = 'member_pins' AND after LIKE '%pin_hash%'",
    )
    .fetch_one(w.store.pool())
    .await
    .unwrap();
    assert_eq!(logged, 0, "the audit log never holds a PIN's hash");

    let err = w
        .store
        .sign_off(ruling, m[0], "4321", "2026-08-02", ACTOR)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    assert_eq!(count(&w.store, "ruling_signoffs").await, 0);
    // The alternate did not sit.
    w.store
        .set_member_pin(m[3], None, "1234", ACTOR)
        .await
        .unwrap();
    assert!(
        w.store
            .sign_off(ruling, m[3], "1234", "2026-08-02", ACTOR)
            .await
            .is_err()
    );
    let one = w
        .store
        .sign_off(ruling, m[0], "1234", "2026-08-02", ACTOR)
        .await
        .unwrap();
    assert_eq!(one.signed, vec![m[0]]);
    assert_eq!(one.remaining, vec![m[1], m[2]]);
    assert!(one.content_hash.is_none());
    assert!(
        w.store
            .sign_off(ruling, m[0], "1234", "2026-08-02", ACTOR)
            .await
            .is_err(),
        "once each"
    );
    w.store
        .sign_off(ruling, m[1], "1234", "2026-08-02", ACTOR)
        .await
        .unwrap();
    let last = w
        .store
        .sign_off(ruling, m[2], "1234", "2026-08-02", ACTOR)
        .await
        .unwrap();
    assert!(last.remaining.is_empty());
    let hash = last.content_hash.unwrap();
    let file = w.store.case_file(case_id).await.unwrap();
    assert_eq!(
        file.rulings[0].status,
        heyat_core::proceedings::RulingStatus::Signed
    );
    assert_eq!(file.rulings[0].content_hash.as_deref(), Some(hash.as_str()));
    assert_eq!(file.rulings[0].signoffs.len(), 3);
    assert!(matches!(
        w.store
            .sign_off(ruling, m[2], "1234", "2026-08-02", ACTOR)
            .await
            .unwrap_err(),
        StoreError::SignedRuling
    ));
    assert!(w.store.verify_audit().await.unwrap().is_intact());
}

#[tokio::test]
async fn a_changed_draft_drops_the_signatures_it_had() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (case_id, ruling) = drafted(&w).await;
    let m = &w.members;
    w.store
        .set_member_pin(m[0], None, "1234", ACTOR)
        .await
        .unwrap();
    w.store
        .sign_off(ruling, m[0], "1234", "2026-08-02", ACTOR)
        .await
        .unwrap();
    let file = w.store.case_file(case_id).await.unwrap();
    let r = &file.rulings[0];
    w.store
        .update_ruling(
            ruling,
            &NewRuling {
                case_id,
                session_id: r.session_id,
                outcome: r.outcome,
                grade: Some(4),
                text: "متن تازه.".into(),
                drafted_on: "2026-08-01".into(),
                ..NewRuling::default()
            },
            ACTOR,
        )
        .await
        .unwrap();
    assert_eq!(count(&w.store, "ruling_signoffs").await, 0);
}

#[tokio::test]
async fn a_pin_changes_only_with_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let id = w.members[0];
    assert!(w.store.set_member_pin(id, None, "12", ACTOR).await.is_err());
    assert!(
        w.store
            .set_member_pin(id, None, "12ab", ACTOR)
            .await
            .is_err()
    );
    w.store
        .set_member_pin(id, None, "1234", ACTOR)
        .await
        .unwrap();
    assert!(
        w.store
            .set_member_pin(id, None, "5555", ACTOR)
            .await
            .is_err()
    );
    assert!(
        w.store
            .set_member_pin(id, Some("9999"), "5555", ACTOR)
            .await
            .is_err()
    );
    w.store
        .set_member_pin(id, Some("1234"), "55556666", ACTOR)
        .await
        .unwrap();
}

#[tokio::test]
async fn sessions_are_scheduled_and_listed_by_day() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![charge("1401:34:a", "نوبت‌دهی")]), ACTOR)
        .await
        .unwrap();
    assert!(
        w.store
            .schedule_session(c.id, "2026-12-01", "9:3", "", ACTOR)
            .await
            .is_err()
    );
    w.store
        .schedule_session(c.id, "2026-12-01", "10:30", "", ACTOR)
        .await
        .unwrap();
    w.store
        .schedule_session(c.id, "2026-12-01", "08:00", "نخست", ACTOR)
        .await
        .unwrap();
    let day = w.store.agenda("2026-12-01", "2026-12-01").await.unwrap();
    assert_eq!(
        day.iter().map(|s| s.at_time.as_str()).collect::<Vec<_>>(),
        ["08:00", "10:30"]
    );
    assert!(
        w.store
            .agenda("2026-12-02", "2026-12-31")
            .await
            .unwrap()
            .is_empty()
    );
    let file = w.store.case_file(c.id).await.unwrap();
    assert_eq!(file.case.status, heyat_core::CaseStatus::Scheduled);
    assert_eq!(file.scheduled.len(), 2);
}

#[tokio::test]
async fn an_appeal_case_carries_the_charges_and_links_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (case_id, _) = drafted(&w).await;
    // A first-instance board is not an appeal board.
    assert!(
        w.store
            .open_appeal_case(case_id, w.board, "2026-09-01", ACTOR)
            .await
            .is_err()
    );
    let appeal_board = w
        .store
        .add_board(
            &heyat_store::NewBoard {
                kind: "appeal".into(),
                name: "هیأت تجدیدنظر".into(),
                province: "تهران".into(),
                term_start: "2025-01-01".into(),
                term_end: "2027-12-30".into(),
            },
            ACTOR,
        )
        .await
        .unwrap();
    let made = w
        .store
        .open_appeal_case(case_id, appeal_board, "2026-09-01", ACTOR)
        .await
        .unwrap();
    assert!(
        w.store
            .open_appeal_case(case_id, appeal_board, "2026-09-02", ACTOR)
            .await
            .is_err(),
        "opened once"
    );
    let appeal = w.store.case_file(made.id).await.unwrap();
    assert_eq!(appeal.case.board_id, appeal_board);
    assert_eq!(appeal.charges.len(), 1);
    assert_eq!(appeal.charges[0].violation, "1401:38:k");
    assert_eq!(appeal.appeal_of.as_ref().map(|l| l.id), Some(case_id));
    let first = w.store.case_file(case_id).await.unwrap();
    assert_eq!(first.appealed_as.as_ref().map(|l| l.id), Some(made.id));

    let history = w.store.case_history(case_id).await.unwrap();
    let tables: Vec<&str> = history.iter().map(|h| h.table_name.as_str()).collect();
    for t in ["cases", "charges", "sessions", "attendance", "rulings"] {
        assert!(tables.contains(&t), "{t} in {tables:?}");
    }
    assert!(history.windows(2).all(|p| p[0].id < p[1].id));
    assert!(
        !w.store
            .case_history(made.id)
            .await
            .unwrap()
            .iter()
            .any(|h| h.table_name == "sessions"),
        "another case's session is not in this history"
    );
}

#[tokio::test]
async fn five_wrong_pins_lock_the_member_out_for_a_quarter_hour() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (_, ruling) = drafted(&w).await;
    let m = w.members[0];
    w.store
        .set_member_pin(m, None, "1234", ACTOR)
        .await
        .unwrap();
    for left in (0..5).rev() {
        let err = w
            .store
            .sign_off(ruling, m, "0000", "2026-08-02", ACTOR)
            .await
            .unwrap_err()
            .to_string();
        let left = heyat_core::to_persian_digits(&left.to_string());
        assert!(err.contains(&format!("{left} بار دیگر")), "{err}");
    }
    let err = w
        .store
        .sign_off(ruling, m, "1234", "2026-08-02", ACTOR)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("پانزده دقیقه"), "the right PIN too: {err}");
    assert_eq!(count(&w.store, "ruling_signoffs").await, 0);
    // A quarter of an hour later the tries no longer count.
    sqlx::query("UPDATE pin_failures SET at = '2000-01-01T00:00:00Z'")
        .execute(w.store.pool())
        .await
        .unwrap();
    w.store
        .sign_off(ruling, m, "1234", "2026-08-02", ACTOR)
        .await
        .unwrap();
    assert_eq!(
        count(&w.store, "pin_failures").await,
        0,
        "a right PIN clears them"
    );
}
