use crate::common::*;
use heyat_core::CaseStatus;
use heyat_store::{NewManager, NewMember};

#[tokio::test]
async fn a_case_is_numbered_per_board_and_solar_year() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let a = w
        .store
        .create_case(
            &new_case(&w, vec![charge("1401:38:k", "رسید بیش از تعرفه")]),
            ACTOR,
        )
        .await
        .unwrap();
    let b = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    // 2026-07-01 is in 1405.
    assert_eq!(a.number, "1405-0001");
    assert_eq!(b.number, "1405-0002");
    let mut later = new_case(&w, vec![]);
    later.registered_on = "2027-03-25".into(); // 1406/01/04
    assert_eq!(
        w.store.create_case(&later, ACTOR).await.unwrap().number,
        "1406-0001"
    );
    let file = w.store.case_file(a.id).await.unwrap();
    assert_eq!(file.charges.len(), 1);
    assert_eq!(file.case.status, CaseStatus::Registered);
    assert_eq!(file.manager_national_id, "0012345679");
    assert_eq!(
        file.case.office_code, "31200045",
        "Persian digits stored as ASCII"
    );
}

#[tokio::test]
async fn bad_input_is_refused_in_persian_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let before = (
        count(&w.store, "cases").await,
        count(&w.store, "charges").await,
        count(&w.store, "audit_log").await,
    );

    // The second charge is bad: the whole case is refused, not half saved.
    let bad = new_case(&w, vec![charge("1401:38:k", "x"), charge("1401:99:z", "y")]);
    let err = w.store.create_case(&bad, ACTOR).await.unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("1401:99:z"), "{err}");

    let mut absence = charge("absence", "غیبت");
    let err = w
        .store
        .create_case(&new_case(&w, vec![absence.clone()]), ACTOR)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("روز"), "{err}");
    absence.days = Some(4);
    absence.committed_on = "1405/04/10".into();
    let err = w
        .store
        .create_case(&new_case(&w, vec![absence]), ACTOR)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");

    let mut no_board = new_case(&w, vec![]);
    no_board.board_id = 999;
    assert_eq!(
        w.store
            .create_case(&no_board, ACTOR)
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );
    let mut empty = new_case(&w, vec![]);
    empty.subject = "  ".into();
    assert_eq!(
        w.store.create_case(&empty, ACTOR).await.unwrap_err().code(),
        "invalid"
    );

    let err = w
        .store
        .add_manager(
            &NewManager {
                national_id: "0012345678".into(),
                first_name: "الف".into(),
                last_name: "ب".into(),
                office_id: None,
            },
            ACTOR,
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("کد ملی"), "{err}");
    let dup = w
        .store
        .add_manager(
            &NewManager {
                national_id: "۰۰۱۲۳۴۵۶۷۹".into(),
                first_name: "الف".into(),
                last_name: "ب".into(),
                office_id: None,
            },
            ACTOR,
        )
        .await
        .unwrap_err();
    assert_eq!(dup.code(), "duplicate", "{dup}");

    let after = (
        count(&w.store, "cases").await,
        count(&w.store, "charges").await,
        count(&w.store, "audit_log").await,
    );
    assert_eq!(before, after);
}

#[tokio::test]
async fn composition_rules_of_arts_23_to_26() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let appeal = w
        .store
        .add_board(
            &heyat_store::NewBoard {
                kind: "appeal".into(),
                name: "هیأت تجدیدنظر".into(),
                province: "تهران".into(),
                term_start: "2025-01-01".into(),
                term_end: "2027-01-01".into(),
            },
            ACTOR,
        )
        .await
        .unwrap();
    let judge = |grade| NewMember {
        kind: "judge".into(),
        first_name: "قاضی".into(),
        last_name: "پایه".into(),
        judicial_grade: Some(grade),
        on_kanoon_directors: false,
        manages_office: None,
    };
    let eight = w.store.add_member(&judge(8), ACTOR).await.unwrap();
    let nine = w.store.add_member(&judge(9), ACTOR).await.unwrap();
    let err = w
        .store
        .assign_seat(appeal, "judge_1", eight, ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "composition");
    assert!(err.to_string().contains("ماده ۲۴"), "{err}");
    w.store
        .assign_seat(appeal, "judge_1", nine, ACTOR)
        .await
        .unwrap();

    let director = w
        .store
        .add_member(
            &NewMember {
                kind: "kanoon_rep".into(),
                first_name: "عضو".into(),
                last_name: "هیأت مدیره".into(),
                judicial_grade: None,
                on_kanoon_directors: true,
                manages_office: Some("31200777".into()),
            },
            ACTOR,
        )
        .await
        .unwrap();
    let err = w
        .store
        .assign_seat(w.board, "representative", director, ACTOR)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ماده ۲۳"), "{err}");
    assert!(err.to_string().contains("هیأت مدیره"), "{err}");
    let err = w
        .store
        .assign_seat(appeal, "representative", director, ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "composition");
    assert_eq!(
        w.store
            .assign_seat(w.board, "chair", nine, ACTOR)
            .await
            .unwrap_err()
            .code(),
        "invalid"
    );

    // The chair is a judge sitting on the board (Art 26).
    let err = w
        .store
        .elect_chair(w.board, w.members[2], ACTOR)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ماده ۲۶"), "{err}");
    assert_eq!(
        w.store
            .elect_chair(w.board, nine, ACTOR)
            .await
            .unwrap_err()
            .code(),
        "invalid"
    );
    w.store
        .elect_chair(w.board, w.members[0], ACTOR)
        .await
        .unwrap();

    // The seats the rules refused are still as they were.
    let boards = w.store.boards().await.unwrap();
    let first = boards.iter().find(|b| b.id == w.board).unwrap();
    assert_eq!(first.seats.len(), 5);
    assert_eq!(first.seats[2].member_id, w.members[2]);
}

#[tokio::test]
async fn the_lifecycle_allows_no_jump() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let err = w
        .store
        .move_case(c.id, CaseStatus::Decided, ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "transition");
    assert!(err.to_string().contains("«رأی صادر شده»"), "{err}");
    for s in [
        CaseStatus::InReview,
        CaseStatus::Scheduled,
        CaseStatus::Heard,
    ] {
        w.store.move_case(c.id, s, ACTOR).await.unwrap();
    }
    assert_eq!(
        w.store.case_file(c.id).await.unwrap().case.status,
        CaseStatus::Heard
    );
    assert_eq!(
        w.store
            .move_case(999, CaseStatus::InReview, ACTOR)
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[tokio::test]
async fn charges_change_until_the_ruling_is_signed() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![charge("1401:35:d", "بدون رسید")]), ACTOR)
        .await
        .unwrap();
    let extra = w
        .store
        .add_charge(c.id, &charge("1401:34:d", "تعرفه نصب نشده"), ACTOR)
        .await
        .unwrap();
    w.store
        .update_charge(extra, &charge("1401:34:c", "اطلاعیه نصب نشده"), ACTOR)
        .await
        .unwrap();
    w.store.delete_charge(extra, ACTOR).await.unwrap();
    assert_eq!(w.store.case_file(c.id).await.unwrap().charges.len(), 1);
    assert_eq!(
        w.store
            .delete_charge(extra, ACTOR)
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );
}

/// Art 23: a first-instance board's Kanoon representative is chosen from among the office
/// managers; its alternate (Art 25) likewise. One who manages no office is refused, with a
/// Persian message citing the article, and nothing is changed: neither the seat, nor (when
/// seated as a new member) the member, nor the audit log.
#[tokio::test]
async fn a_kanoon_representative_who_manages_no_office_is_not_seated() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let rep = |office: Option<&str>| NewMember {
        kind: "kanoon_rep".into(),
        first_name: "نماینده".into(),
        last_name: "کانون".into(),
        judicial_grade: None,
        on_kanoon_directors: false,
        manages_office: office.map(Into::into),
    };
    let boards_before = w.store.boards().await.unwrap();
    let no_office = w.store.add_member(&rep(None), ACTOR).await.unwrap();
    let blank = w.store.add_member(&rep(Some("  ")), ACTOR).await.unwrap();
    let members_before = count(&w.store, "members").await;
    let log_before = count(&w.store, "audit_log").await;
    for (seat, who) in [
        ("representative", no_office),
        ("alternate_representative", no_office),
        ("representative", blank),
    ] {
        let err = w
            .store
            .assign_seat(w.board, seat, who, ACTOR)
            .await
            .unwrap_err();
        assert_eq!(err.code(), "composition", "{seat}: {err}");
        let text = err.to_string();
        assert!(text.contains("ماده ۲۳"), "{text}");
        assert!(text.contains("مدیران دفتر"), "{text}");
        assert!(text.contains("کد دفتر"), "says what to fix: {text}");
    }
    let err = w
        .store
        .seat_new_member(w.board, "alternate_representative", &rep(None), ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "composition");
    assert!(err.to_string().contains("ماده ۲۵"), "{err}");
    assert_eq!(w.store.boards().await.unwrap(), boards_before);
    assert_eq!(count(&w.store, "members").await, members_before);
    assert_eq!(count(&w.store, "audit_log").await, log_before);

    // An office code that is not digits is refused as input, naming the field.
    let err = w
        .store
        .add_member(&rep(Some("دفتر ۴۵")), ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("manages_office"), "{err}");
    assert_eq!(count(&w.store, "members").await, members_before);

    // An office manager takes the seat; the code is kept in Latin digits and listed.
    let manager = w
        .store
        .seat_new_member(w.board, "representative", &rep(Some(" ۳۱۲۰۰۰۴۶ ")), ACTOR)
        .await
        .unwrap();
    let boards = w.store.boards().await.unwrap();
    let first = boards.iter().find(|b| b.id == w.board).unwrap();
    let seat = first
        .seats
        .iter()
        .find(|s| s.seat == "representative")
        .unwrap();
    assert_eq!(seat.member_id, manager);
    assert_eq!(seat.manages_office.as_deref(), Some("31200046"));

    // The appeal board's Center representative is asked no such thing (Art 24).
    let appeal = w
        .store
        .add_board(
            &heyat_store::NewBoard {
                kind: "appeal".into(),
                name: "هیأت تجدیدنظر".into(),
                province: "تهران".into(),
                term_start: "2025-01-01".into(),
                term_end: "2027-01-01".into(),
            },
            ACTOR,
        )
        .await
        .unwrap();
    w.store
        .seat_new_member(
            appeal,
            "representative",
            &NewMember {
                kind: "center_rep".into(),
                ..rep(None)
            },
            ACTOR,
        )
        .await
        .unwrap();
}
