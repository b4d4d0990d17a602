//! A day's docket: a sitting opened as one action (one session per case, attendance carried,
//! chair elected once), a recusal on one case as another, refusals that save nothing.

use crate::common::*;
use heyat_core::CaseStatus;
use heyat_core::board::Seat;
use heyat_core::proceedings::{HolderWas, QuestionKind};
use heyat_store::{Ballot, Motion, NewSitting};

async fn three_cases(w: &World) -> Vec<i64> {
    let mut ids = Vec::new();
    for facts in ["بدون رسید", "دریافت وجه اضافه", "تأخیر در ثبت"] {
        let c = w
            .store
            .create_case(&new_case(w, vec![charge("1401:35:d", facts)]), ACTOR)
            .await
            .unwrap();
        ids.push(c.id);
    }
    ids
}

fn sitting(w: &World, present: &[Seat], case_ids: Vec<i64>) -> NewSitting {
    NewSitting {
        board_id: w.board,
        held_on: "2026-11-23".into(),
        present: present.to_vec(),
        chair_member_id: w.members[0],
        case_ids,
    }
}

const ALL_AND_ALTERNATE_JUDGE: [Seat; 4] = [
    Seat::Judge1,
    Seat::Judge2,
    Seat::Representative,
    Seat::AlternateJudge,
];

async fn audit_rows(w: &World) -> i64 {
    count(&w.store, "audit_log").await
}

#[tokio::test]
async fn a_sitting_hears_its_cases_in_order_with_attendance_carried() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let ids = three_cases(&w).await;
    let order = vec![ids[2], ids[0], ids[1]];
    let id = w
        .store
        .open_sitting(
            &sitting(&w, &ALL_AND_ALTERNATE_JUDGE, order.clone()),
            "2026-11-23",
            "secretary",
        )
        .await
        .unwrap();
    let s = w.store.sitting(id).await.unwrap();
    assert_eq!(s.board_id, w.board);
    assert_eq!(s.held_on, "2026-11-23");
    assert_eq!(s.chair_member_id, w.members[0]);
    assert_eq!(s.created_by, "secretary");
    assert_eq!(s.present.len(), 4);
    let heard: Vec<i64> = s.cases.iter().map(|c| c.case_id).collect();
    assert_eq!(heard, order);
    assert_eq!(
        s.cases.iter().map(|c| c.order).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    for c in &s.cases {
        assert_eq!(c.status, CaseStatus::Heard, "{}", c.number);
        assert_eq!(c.chair_member_id, Some(w.members[0]));
        let sat: Vec<i64> = c.attendance.iter().map(|a| a.member_id).collect();
        assert_eq!(sat, w.members[..3]);
        assert!(c.recusals.is_empty());
        assert_eq!(c.manager_name, "مهدي کاظمي‌نژاد");
        // Each case keeps its own session, as a single session would.
        let file = w.store.case_file(c.case_id).await.unwrap();
        assert_eq!(file.sessions.len(), 1);
        assert_eq!(file.sessions[0].id, c.session_id);
        assert_eq!(
            w.store.sitting_of_session(c.session_id).await.unwrap(),
            Some(id)
        );
    }
    // The chair elected once for the sitting is the board's (Art 26).
    let board = w.store.boards().await.unwrap();
    assert_eq!(board[0].chair_member_id, Some(w.members[0]));
    // Audited with the actor who opened it.
    let entries = w.store.audit_entries(200).await.unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.table_name == "sittings" && e.actor == "secretary")
    );
    assert_eq!(
        entries
            .iter()
            .filter(|e| e.table_name == "sessions" && e.action == "insert")
            .count(),
        3
    );
    let listed = w.store.sittings_from("2026-11-01").await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].cases, 3);
    assert!(w.store.verify_audit().await.unwrap().is_intact());

    // A vote in one case of the sitting is recorded in that case's session, as today.
    let session = s.cases[0].session_id;
    let count = w
        .store
        .cast_votes(
            session,
            &Motion {
                kind: QuestionKind::Guilt,
                charge_id: None,
                text: "آیا تخلف محرز است؟".into(),
            },
            &w.members[..3]
                .iter()
                .map(|&m| Ballot {
                    member_id: m,
                    choice: "محرز است".into(),
                    dissent: None,
                })
                .collect::<Vec<_>>(),
            "judge-1",
        )
        .await
        .unwrap();
    assert_eq!(count.decided.as_deref(), Some("محرز است"));
    let s = w.store.sitting(id).await.unwrap();
    assert_eq!((s.cases[0].questions, s.cases[0].votes), (1, 3));
    assert_eq!((s.cases[1].questions, s.cases[1].votes), (0, 0));
}

#[tokio::test]
async fn a_member_recuses_on_one_case_and_the_alternate_sits_for_it_only() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let ids = three_cases(&w).await;
    let id = w
        .store
        .open_sitting(
            &sitting(&w, &ALL_AND_ALTERNATE_JUDGE, ids[..2].to_vec()),
            "2026-11-23",
            ACTOR,
        )
        .await
        .unwrap();
    // The chair (judge 1) steps aside on the second case: the alternate judge sits there,
    // and judge 2 chairs it.
    w.store
        .recuse_in_sitting(id, ids[1], w.members[0], None, "secretary")
        .await
        .unwrap();
    let s = w.store.sitting(id).await.unwrap();
    let first: Vec<i64> = s.cases[0].attendance.iter().map(|a| a.member_id).collect();
    assert_eq!(first, w.members[..3]);
    let second = &s.cases[1];
    assert_eq!(second.attendance[0].member_id, w.members[3]);
    assert_eq!(second.attendance[0].holder_was, HolderWas::Recused);
    assert_eq!(second.chair_member_id, Some(w.members[1]));
    assert_eq!(second.recusals.len(), 1);
    assert_eq!(second.recusals[0].member_id, w.members[0]);
    assert_eq!(second.recusals[0].replaced_by, w.members[3]);
    assert_eq!(s.cases[0].chair_member_id, Some(w.members[0]));
    // The case file reads the same session: who sat in the place of the recused judge.
    let file = w.store.case_file(ids[1]).await.unwrap();
    assert_eq!(file.sessions[0].attendance[0].member_id, w.members[3]);
    // Who chairs the case's session records its votes: judge 2 now.
    assert_eq!(
        w.store
            .session_board_and_chair(second.session_id)
            .await
            .unwrap()
            .1,
        Some(w.members[1])
    );
    let entries = w.store.audit_entries(5).await.unwrap();
    assert!(
        entries.iter().any(|e| e.table_name == "attendance"
            && e.action == "update"
            && e.actor == "secretary")
    );

    // The alternate judge now sits in the second case: judge 2 stepping aside there too has
    // no one to replace him. Refused, naming the case, nothing saved.
    let rows = audit_rows(&w).await;
    let err = w
        .store
        .recuse_in_sitting(id, ids[1], w.members[1], None, ACTOR)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("عضو علی‌البدل هم‌سنخ در نشست حاضر نیست"),
        "{err}"
    );
    assert!(err.contains("۱۴۰۵-۰۰۰۲") || err.contains("-۰۰۰۲"), "{err}");
    assert!(err.contains("وقت تعیین کنید"), "{err}");
    assert_eq!(audit_rows(&w).await, rows);
    // The representative has no alternate in the room: refused on the first case too.
    let err = w
        .store
        .recuse_in_sitting(id, ids[0], w.members[2], None, ACTOR)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("«عضو نماینده» کناره‌گیری کرده"), "{err}");
    // A case not on the docket.
    let err = w
        .store
        .recuse_in_sitting(id, ids[2], w.members[1], None, ACTOR)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("در دستور این نشست نیست"), "{err}");
    assert_eq!(audit_rows(&w).await, rows);
    assert!(w.store.verify_audit().await.unwrap().is_intact());
}

#[tokio::test]
async fn a_recusal_after_votes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let ids = three_cases(&w).await;
    let id = w
        .store
        .open_sitting(
            &sitting(&w, &ALL_AND_ALTERNATE_JUDGE, vec![ids[0]]),
            "2026-11-23",
            ACTOR,
        )
        .await
        .unwrap();
    let session = w.store.sitting(id).await.unwrap().cases[0].session_id;
    w.store
        .cast_votes(
            session,
            &Motion {
                kind: QuestionKind::Guilt,
                charge_id: None,
                text: "آیا تخلف محرز است؟".into(),
            },
            &[Ballot {
                member_id: w.members[1],
                choice: "محرز است".into(),
                dissent: None,
            }],
            ACTOR,
        )
        .await
        .unwrap();
    let err = w
        .store
        .recuse_in_sitting(id, ids[0], w.members[1], None, ACTOR)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("رأی‌گیری آغاز شده است"), "{err}");
}

#[tokio::test]
async fn a_bad_docket_is_refused_whole_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let ids = three_cases(&w).await;
    let (appeal_board, _) = appeal_board(&w.store).await;
    let mut other = new_case(&w, vec![charge("1401:35:d", "بدون رسید")]);
    other.board_id = appeal_board;
    let other = w.store.create_case(&other, ACTOR).await.unwrap();
    let rows = audit_rows(&w).await;
    let refused = |s: NewSitting| {
        let store = &w.store;
        async move {
            store
                .open_sitting(&s, "2026-11-23", ACTOR)
                .await
                .unwrap_err()
                .to_string()
        }
    };
    // A case of another board.
    let err = refused(sitting(
        &w,
        &ALL_AND_ALTERNATE_JUDGE,
        vec![ids[0], other.id],
    ))
    .await;
    assert!(err.contains("از آنِ هیأت دیگری است"), "{err}");
    // The same case twice.
    let err = refused(sitting(
        &w,
        &ALL_AND_ALTERNATE_JUDGE,
        vec![ids[0], ids[1], ids[0]],
    ))
    .await;
    assert!(err.contains("دو بار در دستور نشست آمده است"), "{err}");
    // No quorum: the representative absent, no alternate of his kind (Art 28).
    let err = refused(sitting(
        &w,
        &[Seat::Judge1, Seat::Judge2, Seat::AlternateJudge],
        vec![ids[0]],
    ))
    .await;
    assert!(err.contains("ماده ۲۸"), "{err}");
    // The chair must be a sitting judge (Art 26).
    let mut s = sitting(&w, &ALL_AND_ALTERNATE_JUDGE, vec![ids[0]]);
    s.chair_member_id = w.members[2];
    let err = refused(s).await;
    assert!(err.contains("ماده ۲۶"), "{err}");
    // A day to come.
    let mut s = sitting(&w, &ALL_AND_ALTERNATE_JUDGE, vec![ids[0]]);
    s.held_on = "2026-12-01".into();
    let err = refused(s).await;
    assert!(err.contains("در آینده است"), "{err}");
    assert_eq!(audit_rows(&w).await, rows);
    assert_eq!(count(&w.store, "sittings").await, 0);
    assert_eq!(count(&w.store, "sessions").await, 0);

    // A case already heard and decided (a draft ruling moves it on) is not ready.
    let id = w
        .store
        .open_sitting(
            &sitting(&w, &ALL_AND_ALTERNATE_JUDGE, vec![ids[0]]),
            "2026-11-23",
            ACTOR,
        )
        .await
        .unwrap();
    sqlx::query("UPDATE cases SET status = 'final' WHERE id = $1")
        .bind(ids[0])
        .execute(w.store.pool())
        .await
        .unwrap();
    let err = refused(sitting(&w, &ALL_AND_ALTERNATE_JUDGE, vec![ids[1], ids[0]])).await;
    assert!(err.contains("در وضعیت «قطعی» است"), "{err}");
    assert_eq!(count(&w.store, "sittings").await, 1);
    assert!(w.store.sitting(id).await.is_ok());
}
