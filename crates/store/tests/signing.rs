//! Rulings signed one member at a time, each with their own key opened by their password;
//! accounts (enrolment codes, lockout, password change); the audit log's checkpoints;
//! scheduled sessions, the appeal case and the history read from the audit log.

use crate::common::*;
use heyat_core::CaseStatus;
use heyat_core::board::Seat;
use heyat_core::proceedings::{
    HolderWas, Party, Role, RulingOutcome, RulingStatus, ServiceMethod, Stage,
};
use heyat_store::{
    ANCHORS_FILE, AttendanceRecord, NewRuling, NewSession, SealInput, Store, StoreError, keys,
};

async fn failed_tries(store: &Store, account_id: i64) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT failed_tries FROM users WHERE id = $1")
        .bind(account_id)
        .fetch_one(store.pool())
        .await
        .unwrap();
    n
}

async fn exec(store: &Store, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(crate::common::portable(sql)))
        .execute(store.pool())
        .await
        .unwrap();
}

/// A draft of `case_id` heard in `session` with `text` and `content` as its print.
fn draft(case_id: i64, session: Option<i64>, text: &str, content: &str) -> NewRuling {
    NewRuling {
        case_id,
        session_id: session,
        outcome: Some(RulingOutcome::Conviction),
        grade: Some(5),
        text: text.into(),
        drafted_on: "2026-08-01".into(),
        content_json: Some(content.into()),
        ..NewRuling::default()
    }
}

/// A ruling signed by the three who sat; answers the store's latest checkpoint's row.
async fn signed_by_all(w: &World) -> (i64, i64) {
    let (_, ruling) = drafted(w).await;
    for c in sitting(w).await {
        sign_as(&w.store, ruling, &c, PASSWORD, "2026-08-02")
            .await
            .unwrap();
    }
    let (seq, _, _) = w.store.last_checkpoint().await.unwrap().unwrap();
    (ruling, seq)
}

#[tokio::test]
async fn members_sign_one_by_one_and_the_last_locks_the_ruling() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (case_id, ruling) = drafted(&w).await;
    let m = &w.members;
    let s = sitting(&w).await;
    let alternate = member_account(&w.store, w.board, m[3], "alternate").await;
    let e = w
        .store
        .create_account(Role::Secretary, "دبیر هیأت", w.board, None, ACTOR)
        .await
        .unwrap();
    let secretary = w.store.enrol(&e.code, "secretary", PASSWORD).await.unwrap();

    // A wrong password: refused, counted, nothing signed.
    let err = sign_as(&w.store, ruling, &s[0], "not-the-password", "2026-08-02")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    assert!(err.to_string().contains("نادرست"), "{err}");
    assert_eq!(count(&w.store, "ruling_signoffs").await, 0);
    assert_eq!(failed_tries(&w.store, s[0].account_id).await, 1);
    // Only the members who sat sign: not the alternate, not the secretary.
    let err = sign_as(&w.store, ruling, &alternate, PASSWORD, "2026-08-02")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("حاضر نبوده‌اید"), "{err}");
    let err = sign_as(&w.store, ruling, &secretary, PASSWORD, "2026-08-02")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    assert_eq!(count(&w.store, "ruling_signoffs").await, 0);

    // In any order: who signed in the order they signed, who is left in seat order.
    let one = sign_as(&w.store, ruling, &s[1], PASSWORD, "2026-08-02")
        .await
        .unwrap();
    assert_eq!(one.signed, vec![m[1]]);
    assert_eq!(one.remaining, vec![m[0], m[2]]);
    assert!(one.content_hash.is_none() && one.pdf_sha256.is_none());
    assert!(w.store.sealed_ruling(ruling).await.unwrap().is_none());
    // Once each.
    let err = sign_as(&w.store, ruling, &s[1], PASSWORD, "2026-08-02")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("یک بار"), "{err}");
    let two = sign_as(&w.store, ruling, &s[0], PASSWORD, "2026-08-02")
        .await
        .unwrap();
    assert_eq!(two.signed, vec![m[1], m[0]]);
    assert_eq!(two.remaining, vec![m[2]]);
    assert_eq!(count(&w.store, "ruling_signoffs").await, 2);
    assert!(w.store.last_checkpoint().await.unwrap().is_none());
    let file = w.store.case_file(case_id).await.unwrap();
    assert_eq!(file.rulings[0].status, RulingStatus::Draft);

    // The last signature seals: the final PDF is typeset from every signature and the
    // checkpoint taken in the same action.
    let mut seen: Option<SealInput> = None;
    let last = w
        .store
        .sign_ruling_as(ruling, &s[2], PASSWORD, BODY, "2026-08-02", |input| {
            seen = Some(input.clone());
            seal(input)
        })
        .await
        .unwrap();
    assert!(last.remaining.is_empty());
    assert_eq!(last.signed, vec![m[1], m[0], m[2]]);
    let content_sha = keys::sha256_hex(CONTENT.as_bytes());
    let pdf_sha = keys::sha256_hex(SEALED_PDF);
    assert_eq!(last.content_hash.as_deref(), Some(content_sha.as_str()));
    assert_eq!(last.pdf_sha256.as_deref(), Some(pdf_sha.as_str()));
    let input = seen.expect("sealed once, by the last signature");
    assert_eq!(input.kind, "ruling");
    assert_eq!(input.content_json, CONTENT);
    assert_eq!(input.content_sha256, content_sha);
    assert_eq!(input.body_sha256, BODY);
    assert_eq!(
        input
            .signatures
            .iter()
            .map(|s| s.member_id)
            .collect::<Vec<_>>(),
        m[..3].to_vec(),
        "in seat order"
    );
    for sig in &input.signatures {
        let message =
            keys::ruling_message("ruling", &content_sha, BODY, sig.member_id, &sig.signed_at);
        assert!(keys::verify_signature(
            &sig.public_key,
            &message,
            &sig.signature
        ));
        let other = keys::ruling_message(
            "ruling",
            &content_sha,
            &"0".repeat(64),
            sig.member_id,
            &sig.signed_at,
        );
        assert!(!keys::verify_signature(
            &sig.public_key,
            &other,
            &sig.signature
        ));
    }
    let keys_used: std::collections::BTreeSet<&str> = input
        .signatures
        .iter()
        .map(|s| s.public_key.as_str())
        .collect();
    assert_eq!(
        keys_used.len(),
        3,
        "each member signs with a key of their own"
    );
    let (seq, head, _) = w.store.last_checkpoint().await.unwrap().unwrap();
    assert_eq!(
        (seq, head.as_str()),
        (input.checkpoint.seq, input.checkpoint.head.as_str())
    );
    assert!(keys::verify_signature(
        &input.checkpoint.public_key,
        &keys::checkpoint_message(seq, &head),
        &input.checkpoint.signature
    ));
    let anchors = std::fs::read_to_string(dir.path().join(ANCHORS_FILE)).unwrap();
    assert!(anchors.contains(&format!("{seq} {head} ")), "{anchors}");
    let (sealed_json, pdf, sha) = w.store.sealed_ruling(ruling).await.unwrap().unwrap();
    assert_eq!((sealed_json.as_str(), pdf.as_slice()), ("{}", SEALED_PDF));
    assert_eq!(sha, pdf_sha);

    // Locked, and the case decided, in that same action.
    let file = w.store.case_file(case_id).await.unwrap();
    assert_eq!(file.rulings[0].status, RulingStatus::Signed);
    assert_eq!(
        file.rulings[0].content_hash.as_deref(),
        Some(content_sha.as_str())
    );
    assert_eq!(file.rulings[0].signoffs.len(), 3);
    assert_eq!(file.case.status, CaseStatus::Decided);
    assert!(matches!(
        sign_as(&w.store, ruling, &s[2], PASSWORD, "2026-08-02")
            .await
            .unwrap_err(),
        StoreError::SignedRuling
    ));
    assert!(matches!(
        w.store
            .keep_draft(
                &draft(case_id, file.rulings[0].session_id, "متن تازه.", CONTENT),
                ACTOR
            )
            .await
            .unwrap_err(),
        StoreError::SignedRuling
    ));
    // The triggers refuse what goes around the store.
    for sql in [
        "UPDATE rulings SET text = 'دست‌کاری' WHERE id = $1",
        "UPDATE rulings SET content_json = '{}' WHERE id = $1",
        "UPDATE rulings SET status = 'draft' WHERE id = $1",
        "DELETE FROM ruling_signoffs WHERE ruling_id = $1",
        "UPDATE ruling_seals SET pdf = x'00' WHERE ruling_id = $1",
        "DELETE FROM ruling_seals WHERE ruling_id = $1",
    ] {
        let err: StoreError = sqlx::query(sqlx::AssertSqlSafe(portable(sql)))
            .bind(ruling)
            .execute(w.store.pool())
            .await
            .unwrap_err()
            .into();
        assert!(matches!(err, StoreError::SignedRuling), "{sql}: {err}");
    }
    let report = w.store.verify_audit().await.unwrap();
    assert!(report.is_intact(), "{report:?}");
}

#[tokio::test]
async fn a_draft_without_its_print_or_session_is_not_signed() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (case_id, ruling) = drafted(&w).await;
    let s = sitting(&w).await;
    let session = w.store.case_file(case_id).await.unwrap().rulings[0].session_id;
    w.store
        .update_ruling(
            ruling,
            &NewRuling {
                content_json: None,
                ..draft(case_id, session, "تخلف محرز است.", CONTENT)
            },
            ACTOR,
        )
        .await
        .unwrap();
    let err = sign_as(&w.store, ruling, &s[0], PASSWORD, "2026-08-02")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("PDF"), "{err}");
    assert!(w.store.ruling_to_sign(case_id).await.is_err());
    w.store
        .update_ruling(
            ruling,
            &draft(case_id, None, "تخلف محرز است.", CONTENT),
            ACTOR,
        )
        .await
        .unwrap();
    let err = sign_as(&w.store, ruling, &s[0], PASSWORD, "2026-08-02")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("جلسه"), "{err}");
    assert_eq!(count(&w.store, "ruling_signoffs").await, 0);
    w.store
        .update_ruling(
            ruling,
            &draft(case_id, session, "تخلف محرز است.", CONTENT),
            ACTOR,
        )
        .await
        .unwrap();
    let to_sign = w.store.ruling_to_sign(case_id).await.unwrap();
    assert_eq!(
        (
            to_sign.ruling_id,
            to_sign.kind,
            to_sign.content_json.as_str()
        ),
        (ruling, "ruling", CONTENT)
    );
    sign_as(&w.store, ruling, &s[0], PASSWORD, "2026-08-02")
        .await
        .unwrap();
}

#[tokio::test]
async fn every_member_signs_the_same_print() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (_, ruling) = drafted(&w).await;
    let s = sitting(&w).await;
    sign_as(&w.store, ruling, &s[0], PASSWORD, "2026-08-02")
        .await
        .unwrap();
    let other_body = "c".repeat(64);
    let err = w
        .store
        .sign_ruling_as(ruling, &s[1], PASSWORD, &other_body, "2026-08-02", seal)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("تغییر کرده"), "{err}");
    assert_eq!(count(&w.store, "ruling_signoffs").await, 1);
}

#[tokio::test]
async fn a_changed_draft_drops_the_signatures_it_had() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (case_id, ruling) = drafted(&w).await;
    let s = sitting(&w).await;
    let session = w.store.case_file(case_id).await.unwrap().rulings[0].session_id;
    sign_as(&w.store, ruling, &s[0], PASSWORD, "2026-08-02")
        .await
        .unwrap();
    // Kept again as it was: the sign-off still covers it.
    let same = draft(case_id, session, "تخلف محرز است.", CONTENT);
    assert_eq!(w.store.keep_draft(&same, ACTOR).await.unwrap(), ruling);
    assert_eq!(count(&w.store, "ruling_signoffs").await, 1);
    // Another print of the same words: signed again.
    let other_content = draft(case_id, session, "تخلف محرز است.", r#"{"test":2}"#);
    assert_eq!(
        w.store.keep_draft(&other_content, ACTOR).await.unwrap(),
        ruling
    );
    assert_eq!(count(&w.store, "ruling_signoffs").await, 0);
    sign_as(&w.store, ruling, &s[0], PASSWORD, "2026-08-02")
        .await
        .unwrap();
    assert_eq!(count(&w.store, "ruling_signoffs").await, 1);
    // Other words: signed again.
    w.store
        .update_ruling(
            ruling,
            &draft(case_id, session, "متن تازه.", r#"{"test":2}"#),
            ACTOR,
        )
        .await
        .unwrap();
    assert_eq!(count(&w.store, "ruling_signoffs").await, 0);
    // And what the members then sign is the new print.
    for c in &s {
        sign_as(&w.store, ruling, c, PASSWORD, "2026-08-02")
            .await
            .unwrap();
    }
    let file = w.store.case_file(case_id).await.unwrap();
    assert_eq!(
        file.rulings[0].content_hash,
        Some(keys::sha256_hex(br#"{"test":2}"#))
    );
    assert_eq!(file.rulings[0].text, "متن تازه.");
    assert!(w.store.verify_audit().await.unwrap().is_intact());
}

#[tokio::test]
async fn the_last_signature_of_an_appeal_ruling_decides_both_cases() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (first, ruling) = drafted(&w).await;
    for c in sitting(&w).await {
        sign_as(&w.store, ruling, &c, PASSWORD, "2026-08-02")
            .await
            .unwrap();
    }
    w.store
        .serve(
            first,
            Party::Manager,
            ServiceMethod::Electronic,
            "2026-08-05",
            ACTOR,
        )
        .await
        .unwrap();
    let (appeal_board, judges) = appeal_board(&w.store).await;
    let appeal_case = w
        .store
        .appeal(first, Party::Manager, "2026-08-10", "اعتراض", ACTOR)
        .await
        .unwrap()
        .appeal_case
        .unwrap()
        .id;
    let session = w
        .store
        .hold_session(
            &NewSession {
                case_id: appeal_case,
                held_on: "2026-08-20".into(),
                attendance: [Seat::Judge1, Seat::Judge2, Seat::Representative]
                    .into_iter()
                    .zip(&judges)
                    .map(|(seat, &member_id)| AttendanceRecord {
                        seat,
                        member_id,
                        holder_was: HolderWas::Present,
                    })
                    .collect(),
                minutes: String::new(),
            },
            Some(judges[0]),
            "2026-11-23",
            ACTOR,
        )
        .await
        .unwrap();
    let appeal_ruling = w
        .store
        .draft_ruling(
            &NewRuling {
                case_id: appeal_case,
                session_id: Some(session),
                stage: Some(Stage::Appeal),
                outcome: Some(RulingOutcome::Confirmed),
                grade: Some(5),
                text: "رأی بدوی تأیید می‌شود.".into(),
                drafted_on: "2026-08-20".into(),
                content_json: Some(r#"{"appeal":1}"#.into()),
                ..NewRuling::default()
            },
            ACTOR,
        )
        .await
        .unwrap();
    let mut judged = Vec::new();
    for (i, &judge) in judges[..3].iter().enumerate() {
        judged.push(member_account(&w.store, appeal_board, judge, &format!("appeal-{i}")).await);
    }
    for c in &judged[..2] {
        sign_as(&w.store, appeal_ruling, c, PASSWORD, "2026-08-21")
            .await
            .unwrap();
    }
    assert_eq!(
        w.store.case_file(first).await.unwrap().case.status,
        CaseStatus::Appealed
    );
    let mut seen: Option<SealInput> = None;
    let last = w
        .store
        .sign_ruling_as(
            appeal_ruling,
            &judged[2],
            PASSWORD,
            BODY,
            "2026-08-21",
            |input| {
                seen = Some(input.clone());
                seal(input)
            },
        )
        .await
        .unwrap();
    assert!(last.remaining.is_empty() && last.content_hash.is_some());
    assert!(
        w.store
            .sealed_ruling(appeal_ruling)
            .await
            .unwrap()
            .is_some()
    );
    // The appeal is decided, and so is the first-instance case it reviewed.
    assert_eq!(
        w.store.case_file(appeal_case).await.unwrap().case.status,
        CaseStatus::Decided
    );
    assert_eq!(
        w.store.case_file(first).await.unwrap().case.status,
        CaseStatus::AppealDecided
    );
    let input = seen.unwrap();
    assert_eq!(input.kind, "appeal-ruling");
    assert_eq!(input.signatures.len(), 3);
    let content_sha = keys::sha256_hex(br#"{"appeal":1}"#);
    for sig in &input.signatures {
        let message = keys::ruling_message(
            "appeal-ruling",
            &content_sha,
            BODY,
            sig.member_id,
            &sig.signed_at,
        );
        assert!(keys::verify_signature(
            &sig.public_key,
            &message,
            &sig.signature
        ));
    }
    assert_eq!(
        count(&w.store, "audit_checkpoints").await,
        2,
        "one checkpoint per locked ruling"
    );
    assert!(w.store.verify_audit().await.unwrap().is_intact());
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
async fn five_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (_, ruling) = drafted(&w).await;
    let m = w.members[0];
    let me = member_account(&w.store, w.board, m, "judge-1").await;
    // Wrong passwords count the same at sign-in and at signing.
    for left in (0..5).rev() {
        let err = if left >= 3 {
            w.store
                .sign_in("judge-1", "wrong-password")
                .await
                .unwrap_err()
        } else {
            sign_as(&w.store, ruling, &me, "wrong-password", "2026-08-02")
                .await
                .unwrap_err()
        };
        assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
        let err = err.to_string();
        assert!(err.contains("نادرست"), "{err}");
        if left > 0 {
            let left = heyat_core::to_persian_digits(&left.to_string());
            assert!(err.contains(&format!("{left} بار دیگر")), "{err}");
        } else {
            assert!(err.contains("قفل شد"), "{err}");
        }
    }
    // Locked: the right password is refused too, everywhere.
    let err = sign_as(&w.store, ruling, &me, PASSWORD, "2026-08-02")
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("قفل"),
        "the right password too: {err}"
    );
    assert!(w.store.sign_in("judge-1", PASSWORD).await.is_err());
    assert!(w.store.caller(me.account_id).await.unwrap().is_none());
    assert_eq!(count(&w.store, "ruling_signoffs").await, 0);
    let listed = w.store.accounts().await.unwrap();
    let row = listed.iter().find(|a| a.id == me.account_id).unwrap();
    assert!(row.locked && row.enrolled && row.active, "{row:?}");
    // The tries the lock counted are in the audit log (without secrets).
    let (audited,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM audit_log WHERE table_name = 'users' AND row_id = $1 AND after LIKE '%\"failed_tries\":5%'",
    )
    .bind(me.account_id)
    .fetch_one(w.store.pool())
    .await
    .unwrap();
    assert_eq!(audited, 1);

    w.store.unlock_account(me.account_id, ACTOR).await.unwrap();
    assert!(!w.store.accounts().await.unwrap()[0].locked);
    assert_eq!(w.store.sign_in("judge-1", PASSWORD).await.unwrap(), me);
    let one = sign_as(&w.store, ruling, &me, PASSWORD, "2026-08-02")
        .await
        .unwrap();
    assert_eq!(one.signed, vec![m]);
}

#[tokio::test]
async fn an_enrolment_code_works_once_and_expires() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let m = &w.members;
    let e = w
        .store
        .create_account(Role::Member, "عضو یکم", w.board, Some(m[0]), ACTOR)
        .await
        .unwrap();
    assert_eq!(e.code.len(), 14, "{}", e.code);
    assert_eq!(e.code.split('-').count(), 3, "{}", e.code);
    // A short password is refused and the code stays good.
    let err = w
        .store
        .enrol(&e.code, "judge-1", "short")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    assert!(
        w.store
            .enrol("ZZZZ-ZZZZ-ZZZZ", "judge-1", PASSWORD)
            .await
            .is_err()
    );
    // The code as typed: lower case, without its dashes.
    let typed = e.code.replace('-', "").to_lowercase();
    let me = w.store.enrol(&typed, "Judge-1", PASSWORD).await.unwrap();
    assert_eq!(
        (me.username.as_str(), me.role, me.board_id, me.member_id),
        ("judge-1", Role::Member, Some(w.board), Some(m[0]))
    );
    // Once.
    let err = w
        .store
        .enrol(&e.code, "someone-else", PASSWORD)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("پیش‌تر به کار رفته"), "{err}");
    assert_eq!(w.store.sign_in("judge-1", PASSWORD).await.unwrap(), me);
    // A member has one account.
    assert!(
        w.store
            .create_account(Role::Member, "عضو یکم", w.board, Some(m[0]), ACTOR)
            .await
            .is_err()
    );
    // A member's account is a seated member's; other accounts are nobody's seat.
    assert!(
        w.store
            .create_account(Role::Member, "بی‌جایگاه", w.board, None, ACTOR)
            .await
            .is_err()
    );
    assert!(
        w.store
            .create_account(Role::Secretary, "دبیر", w.board, Some(m[1]), ACTOR)
            .await
            .is_err()
    );

    // Expired: refused; a new code from the administrator works, the old one no longer.
    let e2 = w
        .store
        .create_account(Role::Member, "عضو دوم", w.board, Some(m[1]), ACTOR)
        .await
        .unwrap();
    sqlx::query("UPDATE users SET enrolment_expires_at = '2000-01-01T00:00:00Z' WHERE id = $1")
        .bind(e2.account_id)
        .execute(w.store.pool())
        .await
        .unwrap();
    let err = w
        .store
        .enrol(&e2.code, "judge-2", PASSWORD)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("مهلت"), "{err}");
    let row = w.store.accounts().await.unwrap();
    let row = row.iter().find(|a| a.id == e2.account_id).unwrap();
    assert!(!row.enrolled && row.username.is_none(), "{row:?}");
    let e3 = w
        .store
        .reissue_enrolment(e2.account_id, ACTOR)
        .await
        .unwrap();
    assert_ne!(e3.code, e2.code);
    assert!(w.store.enrol(&e2.code, "judge-2", PASSWORD).await.is_err());
    // The username is taken.
    assert!(w.store.enrol(&e3.code, "judge-1", PASSWORD).await.is_err());
    let two = w.store.enrol(&e3.code, "judge-2", PASSWORD).await.unwrap();
    assert_eq!(two.member_id, Some(m[1]));
    assert!(w.store.verify_audit().await.unwrap().is_intact());
}

#[tokio::test]
async fn a_changed_password_seals_the_same_key_again() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (_, ruling) = drafted(&w).await;
    let m = w.members[0];
    let me = member_account(&w.store, w.board, m, "judge-1").await;
    let key = |store: Store, id: i64| async move {
        let row: (i64, String, Vec<u8>, Vec<u8>) = sqlx::query_as(
            "SELECT id, public_key, salt, sealed FROM account_keys WHERE user_id = $1 AND retired_at IS NULL",
        )
        .bind(id)
        .fetch_one(store.pool())
        .await
        .unwrap();
        row
    };
    let before = key(w.store.clone(), me.account_id).await;
    const NEW: &str = "another-password";
    // The current password is checked; the new one must be long enough.
    assert!(
        w.store
            .change_password(&me, "not-my-password", NEW)
            .await
            .is_err()
    );
    assert!(
        w.store
            .change_password(&me, PASSWORD, "short")
            .await
            .is_err()
    );
    assert_eq!(key(w.store.clone(), me.account_id).await, before);
    w.store.change_password(&me, PASSWORD, NEW).await.unwrap();
    let after = key(w.store.clone(), me.account_id).await;
    assert_eq!((after.0, &after.1), (before.0, &before.1), "the same key");
    assert_ne!((&after.2, &after.3), (&before.2, &before.3), "sealed anew");

    assert!(w.store.sign_in("judge-1", PASSWORD).await.is_err());
    assert_eq!(w.store.sign_in("judge-1", NEW).await.unwrap(), me);
    let err = sign_as(&w.store, ruling, &me, PASSWORD, "2026-08-02")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("نادرست"), "{err}");
    assert_eq!(count(&w.store, "ruling_signoffs").await, 0);
    sign_as(&w.store, ruling, &me, NEW, "2026-08-02")
        .await
        .unwrap();
    let (at, signature, key_id): (String, String, i64) = sqlx::query_as(
        "SELECT signed_at, signature, key_id FROM ruling_signoffs WHERE ruling_id = $1",
    )
    .bind(ruling)
    .fetch_one(w.store.pool())
    .await
    .unwrap();
    assert_eq!(key_id, before.0);
    let message = keys::ruling_message(
        "ruling",
        &keys::sha256_hex(CONTENT.as_bytes()),
        BODY,
        m,
        &at,
    );
    assert!(keys::verify_signature(&before.1, &message, &signature));
}

#[tokio::test]
async fn the_audit_log_keeps_no_secret_of_an_account() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    w.store
        .create_administrator("admin", "مدیر سامانه", PASSWORD)
        .await
        .unwrap();
    let (case_id, ruling) = drafted(&w).await;
    let e = w
        .store
        .create_account(Role::Member, "عضو یکم", w.board, Some(w.members[0]), ACTOR)
        .await
        .unwrap();
    let me = w.store.enrol(&e.code, "judge-1", PASSWORD).await.unwrap();
    const NEW: &str = "another-password";
    w.store.change_password(&me, PASSWORD, NEW).await.unwrap();
    let others = [
        member_account(&w.store, w.board, w.members[1], "judge-2").await,
        member_account(&w.store, w.board, w.members[2], "representative").await,
    ];
    assert!(
        sign_as(&w.store, ruling, &me, "wrong-password", "2026-08-02")
            .await
            .is_err()
    );
    sign_as(&w.store, ruling, &me, NEW, "2026-08-02")
        .await
        .unwrap();
    for c in &others {
        sign_as(&w.store, ruling, c, PASSWORD, "2026-08-02")
            .await
            .unwrap();
    }
    assert_eq!(
        w.store.case_file(case_id).await.unwrap().rulings[0].status,
        RulingStatus::Signed
    );

    let rows: Vec<(String, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT table_name, before, after FROM audit_log")
            .fetch_all(w.store.pool())
            .await
            .unwrap();
    let log: String = rows
        .iter()
        .map(|(t, b, a)| {
            format!(
                "{t} {} {}\n",
                b.as_deref().unwrap_or(""),
                a.as_deref().unwrap_or("")
            )
        })
        .collect();
    assert!(log.contains("judge-1"), "accounts are audited");
    assert!(log.contains("\"failed_tries\":1"), "a wrong try is audited");
    for secret in [
        "$argon2id$",
        "password_hash",
        "enrolment_hash",
        PASSWORD,
        NEW,
        e.code.as_str(),
    ] {
        assert!(!log.contains(secret), "the audit log holds «{secret}»");
    }
    let code_hash =
        keys::sha256_hex(format!("heyat/enrolment/v1\n{}", e.code.replace('-', "")).as_bytes());
    let (stored,): (Option<String>,) =
        sqlx::query_as("SELECT enrolment_hash FROM users WHERE id = $1")
            .bind(e.account_id)
            .fetch_one(w.store.pool())
            .await
            .unwrap();
    assert!(stored.is_none(), "a redeemed code is forgotten");
    assert!(!log.contains(&code_hash));
    type SealedRow = (String, Vec<u8>, Vec<u8>, Vec<u8>);
    let sealed: Vec<SealedRow> = sqlx::query_as(
        "SELECT public_key, salt, nonce, sealed FROM account_keys WHERE sealed IS NOT NULL",
    )
    .fetch_all(w.store.pool())
    .await
    .unwrap();
    assert_eq!(sealed.len(), 4, "the administrator and three members");
    for (public_key, salt, nonce, secret) in &sealed {
        assert!(log.contains(public_key.as_str()), "a public key is audited");
        for bytes in [salt, nonce, secret] {
            assert!(!log.contains(&hex::encode(bytes)));
            assert!(!log.contains(&hex::encode_upper(bytes)));
        }
    }
    // Nor does the installation's key leave its file.
    let installation = std::fs::read(dir.path().join("keys").join("installation.key")).unwrap();
    assert!(!log.contains(&hex::encode(&installation)));
}

/// Recomputes the audit chain's hashes from row `from` on, as a determined editor of the
/// file would after changing a row (the store's `hash_of`, repeated).
async fn rechain(store: &Store, from: i64) {
    fn hash_of(fields: [&str; 9]) -> String {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        for part in fields {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        hex::encode(h.finalize())
    }
    type Row = (
        i64,
        String,
        String,
        String,
        String,
        i64,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, at, actor, action, table_name, row_id, before, after FROM audit_log WHERE id >= $1 ORDER BY id",
    )
    .bind(from)
    .fetch_all(store.pool())
    .await
    .unwrap();
    let (mut prev,): (String,) = sqlx::query_as("SELECT hash FROM audit_log WHERE id = $1")
        .bind(from - 1)
        .fetch_one(store.pool())
        .await
        .unwrap();
    for (id, at, actor, action, table, row_id, before, after) in rows {
        let hash = hash_of([
            &prev,
            &id.to_string(),
            &at,
            &actor,
            &action,
            &table,
            &row_id.to_string(),
            before.as_deref().unwrap_or("\u{0}"),
            after.as_deref().unwrap_or("\u{0}"),
        ]);
        sqlx::query("UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE id = $3")
            .bind(&prev)
            .bind(&hash)
            .bind(id)
            .execute(store.pool())
            .await
            .unwrap();
        prev = hash;
    }
    set_head(store).await;
}

/// Points `meta.audit_head` at the log's last row, as the store keeps it.
async fn set_head(store: &Store) {
    let (id, hash): (i64, String) =
        sqlx::query_as("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_one(store.pool())
            .await
            .unwrap();
    sqlx::query("UPDATE meta SET value = $1 WHERE key = 'audit_head'")
        .bind(format!("{id}:{hash}"))
        .execute(store.pool())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_chain_cut_short_before_a_checkpoint_shows() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (_, seq) = signed_by_all(&w).await;
    assert!(w.store.verify_audit().await.unwrap().is_intact());
    // Cut from the checkpoint's row on, with the head moved to match: the chain itself
    // is whole; only the checkpoint knows it was longer.
    exec(&w.store, "DROP TRIGGER audit_log_no_delete").await;
    sqlx::query("DELETE FROM audit_log WHERE id >= $1")
        .bind(seq)
        .execute(w.store.pool())
        .await
        .unwrap();
    set_head(&w.store).await;
    let report = w.store.verify_audit().await.unwrap();
    assert_eq!(report.problems.len(), 2, "{report:?}");
    for p in &report.problems {
        assert!(p.problem.contains("کوتاه"), "{report:?}");
        assert_eq!(p.id, seq);
    }
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.problem.contains(ANCHORS_FILE))
    );
    // With the database's own checkpoints gone too, anchors.log still knows.
    exec(&w.store, "DELETE FROM audit_checkpoints").await;
    let report = w.store.verify_audit().await.unwrap();
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert!(report.problems[0].problem.contains("کوتاه"), "{report:?}");
    assert!(
        report.problems[0].problem.contains(ANCHORS_FILE),
        "{report:?}"
    );
}

#[tokio::test]
async fn a_rewritten_row_at_a_checkpoint_shows() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (_, seq) = signed_by_all(&w).await;
    exec(&w.store, "DROP TRIGGER audit_log_no_update").await;
    // The bare edit of that row's hash.
    let (hash,): (String,) = sqlx::query_as("SELECT hash FROM audit_log WHERE id = $1")
        .bind(seq)
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET hash = $1 WHERE id = $2")
        .bind("f".repeat(64))
        .bind(seq)
        .execute(w.store.pool())
        .await
        .unwrap();
    let report = w.store.verify_audit().await.unwrap();
    assert!(!report.is_intact());
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.id == seq && p.problem.contains("بازنویسی")),
        "{report:?}"
    );
    sqlx::query("UPDATE audit_log SET hash = $1 WHERE id = $2")
        .bind(&hash)
        .bind(seq)
        .execute(w.store.pool())
        .await
        .unwrap();
    assert!(w.store.verify_audit().await.unwrap().is_intact());
    // A careful rewrite: the row changed and every hash from it on recomputed, the head
    // moved to match. The chain holds together; the signed checkpoint does not.
    sqlx::query("UPDATE audit_log SET actor = 'دیگری' WHERE id = $1")
        .bind(seq)
        .execute(w.store.pool())
        .await
        .unwrap();
    rechain(&w.store, seq).await;
    let report = w.store.verify_audit().await.unwrap();
    assert_eq!(report.problems.len(), 2, "{report:?}");
    for p in &report.problems {
        assert!(p.problem.contains("بازنویسی"), "{report:?}");
        assert_eq!(p.id, seq);
    }
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.problem.contains(ANCHORS_FILE))
    );
}

#[tokio::test]
async fn a_signed_ruling_edited_in_sql_shows_in_the_audit_check() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (ruling, _) = signed_by_all(&w).await;
    assert!(w.store.verify_audit().await.unwrap().is_intact());
    // Someone with the file drops the trigger and changes what the ruling says.
    exec(&w.store, "DROP TRIGGER rulings_signed_immutable").await;
    exec(
        &w.store,
        &format!(
            "UPDATE rulings SET content_json = '{{\"test\":2}}', grade = 1 WHERE id = {ruling}"
        ),
    )
    .await;
    let report = w.store.verify_audit().await.unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.id == ruling && p.problem.contains("دست خورده")),
        "{report:?}"
    );
    // Covering the tracks (the hash too) still leaves the members' signatures unmatched.
    exec(
        &w.store,
        &format!(
            "UPDATE rulings SET content_hash = '{}' WHERE id = {ruling}",
            heyat_store::keys::sha256_hex(br#"{"test":2}"#)
        ),
    )
    .await;
    let report = w.store.verify_audit().await.unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.id == ruling && p.problem.contains("امضای عضو")),
        "{report:?}"
    );
}

/// The content a signature covers is written in Rust on both backends; on SQLite it is the
/// very text SQLite's `json_object` gave before, so rulings signed then still verify.
#[tokio::test]
async fn the_signed_content_is_what_sqlites_json_object_wrote() {
    if skip_unless_sqlite() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (ruling, _) = signed_by_all(&w).await;
    let (sqlite_json,): (String,) = sqlx::query_as(
        "SELECT json_object('case_id', r.case_id, 'stage', r.stage, 'outcome', r.outcome, 'grade', r.grade,
                'text', r.text, 'suggestion', r.suggestion,
                'charges', (SELECT json_group_array(json_object('id', id, 'violation', violation,
                    'committed_on', committed_on, 'days', days, 'facts', facts)) FROM
                    (SELECT * FROM charges WHERE case_id = r.case_id ORDER BY id)))
         FROM rulings r WHERE r.id = $1",
    )
    .bind(ruling)
    .fetch_one(w.store.pool())
    .await
    .unwrap();
    assert!(sqlite_json.contains("\"charges\":[{"), "{sqlite_json}");
    assert_eq!(
        w.store.ruling_content_text(ruling).await.unwrap(),
        sqlite_json
    );
}
