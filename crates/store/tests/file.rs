use crate::common::*;
use heyat_core::board::Seat;
use heyat_core::proceedings::{HolderWas, Party, RulingOutcome, RulingStatus, ServiceMethod};
use heyat_store::{AttendanceRecord, NewRuling, NewSession, StoreError};

fn seat(seat: &str, member_id: i64, holder_was: &str) -> AttendanceRecord {
    AttendanceRecord {
        seat: Seat::from_code(seat).unwrap(),
        member_id,
        holder_was: HolderWas::from_code(holder_was).unwrap(),
    }
}

async fn heard_case(w: &World) -> (i64, i64) {
    let c = w
        .store
        .create_case(
            &new_case(w, vec![charge("1401:38:k", "رسید بیش از تعرفه")]),
            ACTOR,
        )
        .await
        .unwrap();
    let m = &w.members;
    let session = w
        .store
        .record_session(
            &NewSession {
                case_id: c.id,
                held_on: "2026-08-01".into(),
                attendance: vec![
                    seat("judge_1", m[0], "present"),
                    // Judge 2 recused: the alternate judge sits (Arts 25, 28).
                    seat("judge_2", m[3], "recused"),
                    seat("representative", m[2], "present"),
                ],
                minutes: "جلسه با حضور همهٔ اعضا تشکیل شد.".into(),
            },
            ACTOR,
        )
        .await
        .unwrap();
    (c.id, session)
}

#[tokio::test]
async fn a_session_needs_every_seat_and_alternates_of_the_same_kind() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let m = &w.members;
    let missing = NewSession {
        case_id: c.id,
        held_on: "2026-08-01".into(),
        attendance: vec![
            seat("judge_1", m[0], "present"),
            seat("judge_2", m[1], "present"),
        ],
        minutes: String::new(),
    };
    let err = w.store.record_session(&missing, ACTOR).await.unwrap_err();
    assert!(err.to_string().contains("ماده ۲۸"), "{err}");
    // The alternate representative may not replace a judge.
    let wrong_kind = NewSession {
        attendance: vec![
            seat("judge_1", m[0], "present"),
            seat("judge_2", m[4], "absent"),
            seat("representative", m[2], "present"),
        ],
        ..missing.clone()
    };
    assert_eq!(
        w.store
            .record_session(&wrong_kind, ACTOR)
            .await
            .unwrap_err()
            .code(),
        "invalid"
    );
    assert_eq!(count(&w.store, "sessions").await, 0);

    let (case_id, session) = heard_case(&w).await;
    let file = w.store.case_file(case_id).await.unwrap();
    assert_eq!(file.sessions.len(), 1);
    assert_eq!(
        file.sessions[0].attendance[1].holder_was,
        HolderWas::Recused
    );
    assert_eq!(file.sessions[0].id, session);
}

#[tokio::test]
async fn one_vote_per_member_per_question() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (case_id, session) = heard_case(&w).await;
    let q = "آیا تخلف بند ک مادهٔ ۳۸ محرز است؟";
    w.store
        .record_vote(session, q, w.members[0], "yes", None, ACTOR)
        .await
        .unwrap();
    w.store
        .record_vote(
            session,
            q,
            w.members[2],
            "no",
            Some("دلیل کافی نیست."),
            ACTOR,
        )
        .await
        .unwrap();
    let err = w
        .store
        .record_vote(session, q, w.members[0], "no", None, ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "duplicate", "{err}");
    // Judge 2 recused and did not sit; he does not vote.
    let err = w
        .store
        .record_vote(session, q, w.members[1], "yes", None, ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    let file = w.store.case_file(case_id).await.unwrap();
    assert_eq!(file.sessions[0].votes.len(), 2);
    assert_eq!(
        file.sessions[0].votes[1].dissent.as_deref(),
        Some("دلیل کافی نیست.")
    );
}

#[tokio::test]
async fn a_signed_ruling_and_its_charges_cannot_change() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (case_id, session) = heard_case(&w).await;
    let suggestion = heyat_core::suggest_json(
        r#"{"decided_on":"1405/05/10","charges":[{"violation":"1401:38:k","committed_on":"1405/03/11"}]}"#,
    )
    .unwrap();
    let draft = NewRuling {
        case_id,
        session_id: Some(session),
        outcome: Some(RulingOutcome::Conviction),
        grade: Some(5),
        text: "هیأت تخلف را محرز می‌داند.".into(),
        suggestion: Some(suggestion),
        drafted_on: "2026-08-01".into(),
        ..NewRuling::default()
    };
    let ruling = w.store.draft_ruling(&draft, ACTOR).await.unwrap();
    w.store
        .update_ruling(
            ruling,
            &NewRuling {
                grade: Some(4),
                ..draft.clone()
            },
            ACTOR,
        )
        .await
        .unwrap();
    // Judge 2 did not sit; he does not sign.
    assert!(
        w.store
            .sign_ruling(ruling, &[w.members[1]], "2026-08-01", ACTOR)
            .await
            .is_err()
    );
    let hash = w
        .store
        .sign_ruling(
            ruling,
            &[w.members[0], w.members[3], w.members[2]],
            "2026-08-01",
            ACTOR,
        )
        .await
        .unwrap();
    assert_eq!(hash.len(), 64);

    // Refused in Rust, with the Persian message.
    let err = w
        .store
        .update_ruling(ruling, &draft, ACTOR)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::SignedRuling));
    assert!(err.to_string().contains("رأی امضاشده"), "{err}");
    assert!(matches!(
        w.store
            .add_charge(case_id, &charge("1401:34:a", "x"), ACTOR)
            .await,
        Err(StoreError::SignedRuling)
    ));
    let charge_id = w.store.case_file(case_id).await.unwrap().charges[0].id;
    assert!(matches!(
        w.store.delete_charge(charge_id, ACTOR).await,
        Err(StoreError::SignedRuling)
    ));
    assert!(
        w.store
            .sign_ruling(ruling, &[w.members[0]], "2026-08-02", ACTOR)
            .await
            .is_err()
    );

    // Refused by the triggers too, for anything that goes around the store.
    for sql in [
        "UPDATE rulings SET text = 'دست‌کاری' WHERE id = $1",
        "UPDATE rulings SET status = 'draft' WHERE id = $1",
        "DELETE FROM rulings WHERE id = $1",
        "DELETE FROM ruling_signoffs WHERE ruling_id = $1",
        "UPDATE charges SET facts = 'دست‌کاری' WHERE case_id = (SELECT case_id FROM rulings WHERE id = $1)",
        "DELETE FROM charges WHERE case_id = (SELECT case_id FROM rulings WHERE id = $1)",
        "INSERT INTO charges (case_id, violation, committed_on) SELECT case_id, '1401:34:a', '2026-01-01' FROM rulings WHERE id = $1",
    ] {
        let err: StoreError = sqlx::query(sql)
            .bind(ruling)
            .execute(w.store.pool())
            .await
            .unwrap_err()
            .into();
        assert!(matches!(err, StoreError::SignedRuling), "{sql}: {err}");
    }
    // Signed → final is the one change allowed.
    w.store.finalize_ruling(ruling, ACTOR).await.unwrap();
    let file = w.store.case_file(case_id).await.unwrap();
    let r = &file.rulings[0];
    assert_eq!(r.status, RulingStatus::Final);
    assert_eq!(r.grade, Some(4));
    assert_eq!(r.signoffs.len(), 3);
    assert_eq!(r.content_hash.as_deref(), Some(hash.as_str()));
    assert!(r.suggestion.is_some());
    assert_eq!(file.charges[0].facts, "رسید بیش از تعرفه");
    assert!(w.store.verify_audit().await.unwrap().is_intact());
}

#[tokio::test]
async fn appeals_in_time_count_twenty_days_past_fridays_and_holidays() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    // 2026-08-01 + 20 = 2026-08-21, a Friday: the last day is Saturday 2026-08-22.
    assert_eq!(
        w.store.appeal_deadline("2026-08-01").await.unwrap(),
        "2026-08-22"
    );
    let (case_id, _) = heard_case(&w).await;
    let ruling = w
        .store
        .draft_ruling(
            &NewRuling {
                case_id,
                grade: Some(5),
                outcome: Some(RulingOutcome::Conviction),
                text: "رأی".into(),
                drafted_on: "2026-07-30".into(),
                ..NewRuling::default()
            },
            ACTOR,
        )
        .await
        .unwrap();
    let err = w
        .store
        .serve(
            case_id,
            Party::Manager,
            ServiceMethod::Post,
            "2026-08-01",
            ACTOR,
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("امضا"), "{err}");
    w.store
        .sign_ruling(ruling, &[w.members[0]], "2026-07-31", ACTOR)
        .await
        .unwrap();
    let err = w
        .store
        .appeal(case_id, Party::Manager, "2026-08-05", "", ACTOR)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ابلاغ"), "{err}");
    w.store
        .add_holiday("2026-08-22", "تعطیل رسمی", ACTOR)
        .await
        .unwrap();
    assert_eq!(
        w.store.appeal_deadline("2026-08-01").await.unwrap(),
        "2026-08-23"
    );
    let served = w
        .store
        .serve(
            case_id,
            Party::Manager,
            ServiceMethod::Electronic,
            "2026-08-01",
            ACTOR,
        )
        .await
        .unwrap();
    assert_eq!(served.deadline.as_deref(), Some("2026-08-23"));
    assert!(!served.final_now);
    let late = w
        .store
        .appeal(case_id, Party::Manager, "2026-08-24", "", ACTOR)
        .await
        .unwrap_err();
    assert_eq!(late.code(), "refused", "{late}");
    let by_complainant = w
        .store
        .appeal(case_id, Party::Complainant, "2026-08-02", "", ACTOR)
        .await
        .unwrap_err();
    assert_eq!(by_complainant.code(), "refused", "{by_complainant}");
    let filed = w
        .store
        .appeal(case_id, Party::Manager, "2026-08-23", "اعتراض", ACTOR)
        .await
        .unwrap();
    assert!(filed.appeal.in_time);
    assert_eq!(filed.deadline, "2026-08-23");
    let file = w.store.case_file(case_id).await.unwrap();
    assert_eq!(file.notifications.len(), 1);
    assert_eq!(file.appeals.len(), 1, "refused appeals leave nothing");
    assert_eq!(file.case.status, heyat_core::CaseStatus::Appealed);
}

#[tokio::test]
async fn a_reporter_stays_confidential_unless_released() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    for confidential in [None, Some(false)] {
        w.store
            .register_complaint(
                &heyat_store::NewComplaint {
                    kind: "complaint".into(),
                    source: "client".into(),
                    received_on: "2026-06-20".into(),
                    office_id: Some(w.office),
                    reporter_name: Some("شاکی".into()),
                    reporter_confidential: confidential,
                    summary: "دریافت وجه اضافه".into(),
                    case_id: Some(c.id),
                    ..Default::default()
                },
                ACTOR,
            )
            .await
            .unwrap();
    }
    let first = w.store.case_file(c.id).await.unwrap().complaints[0].id;
    w.store
        .review_complaint(
            first,
            Some("گزارش بازرس پیوست شود."),
            Some("2026-06-25"),
            None,
            ACTOR,
        )
        .await
        .unwrap();
    let err = w
        .store
        .review_complaint(first, None, Some("25/06/2026"), None, ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    let file = w.store.case_file(c.id).await.unwrap();
    assert_eq!(
        file.complaints[0].forwarded_on.as_deref(),
        Some("2026-06-25")
    );
    assert_eq!(
        file.complaints[0].review_notes.as_deref(),
        Some("گزارش بازرس پیوست شود.")
    );
    assert_eq!(
        file.complaints[0].reporter_name, None,
        "Art 20: confidential by default"
    );
    assert!(file.complaints[0].reporter_confidential);
    assert_eq!(file.complaints[1].reporter_name.as_deref(), Some("شاکی"));
    let err = w
        .store
        .register_complaint(
            &heyat_store::NewComplaint {
                source: "neighbour".into(),
                ..Default::default()
            },
            ACTOR,
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
}
