//! The store's part of a case that travels: a package received once, and the appeal case
//! opened from it with an office and manager this database has never seen.

use crate::common::*;
use heyat_core::proceedings::{Caller, Role};
use heyat_store::{FromPackage, NewManager, NewOffice, Parties, Receiving};

fn clerk(board: i64) -> Caller {
    Caller {
        account_id: 1,
        username: "appeal-clerk".into(),
        name: "دبیر تجدیدنظر".into(),
        role: Role::Secretary,
        board_id: Some(board),
        member_id: None,
    }
}

#[tokio::test]
async fn an_appeal_case_is_opened_from_a_package_with_a_new_office_and_manager() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let (appeal, _) = appeal_board(&w.store).await;
    let who = clerk(appeal);
    let received = w
        .store
        .receive_package(
            &who,
            &Receiving {
                manifest_sha256: "ab".repeat(32),
                case_number: "1405-0031".into(),
                origin_board: "هیأت بدوی استان اصفهان".into(),
                fingerprint: "AAAA-BBBB-CCCC-DDDD".into(),
                trusted_by: "fingerprint",
                exported_at: "2026-11-20T08:00:00Z".into(),
                rulings: 1,
                evidence: 0,
            },
            b"PK package bytes",
        )
        .await
        .unwrap();
    assert_eq!(received.opened_case_id, None);
    let offices_before = count(&w.store, "offices").await;
    let managers_before = count(&w.store, "managers").await;
    let mut input = FromPackage {
        received_id: received.id,
        board_id: appeal,
        registered_on: "2026-11-24".into(),
        parties: Parties {
            office: NewOffice {
                code: "۱۱۸۰۰۰۰۹".into(),
                name: "دفتر خدمات الکترونیک قضایی شمارهٔ ۹ اصفهان".into(),
                city: "اصفهان".into(),
                province: "اصفهان".into(),
                licence_issued_on: None,
                licence_expires_on: None,
            },
            manager: NewManager {
                national_id: "0012345670".into(),
                first_name: "سارا".into(),
                last_name: "رحیمی".into(),
                office_id: None,
            },
        },
        subject: "تجدیدنظرخواهی از رأی پروندهٔ بدوی ۱۴۰۵-۰۰۳۱".into(),
        charges: vec![charge("1401:34:d", "عدم رعایت نوبت")],
    };
    // A national id whose check digit is wrong is refused, and nothing is saved.
    let err = w
        .store
        .open_case_from_package(&who, &input)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("کد ملی"), "{err}");
    assert_eq!(count(&w.store, "offices").await, offices_before);
    assert_eq!(count(&w.store, "cases").await, 0);

    // In Persian digits, as typed at the sending board.
    input.parties.manager.national_id = "۰۰۸۴۵۷۵۹۴۸".into();
    let made = w.store.open_case_from_package(&who, &input).await.unwrap();
    assert_eq!(count(&w.store, "offices").await, offices_before + 1);
    assert_eq!(count(&w.store, "managers").await, managers_before + 1);
    let file = w.store.case_file(made.id).await.unwrap();
    assert_eq!(file.case.board_id, appeal);
    assert_eq!(file.case.office_code, "11800009");
    assert_eq!(file.case.manager_name, "سارا رحیمی");
    assert_eq!(file.charges.len(), 1);
    assert_eq!(
        w.store
            .received_package(received.id)
            .await
            .unwrap()
            .opened_case_id,
        Some(made.id)
    );
    // One case per package.
    let err = w
        .store
        .open_case_from_package(&who, &input)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("پیش‌تر"), "{err}");
    // Only an appeal board opens it.
    let err = w
        .store
        .open_case_from_package(
            &clerk(w.board),
            &FromPackage {
                board_id: w.board,
                ..input.clone()
            },
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("تجدیدنظر"), "{err}");
    assert!(w.store.verify_audit().await.unwrap().is_intact());
}
