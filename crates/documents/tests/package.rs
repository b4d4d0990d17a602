//! A case file that travels: exported by the first-instance board's installation, checked and
//! received by the appeal board's, which shares no database with it (issue 15).

use heyat_documents::package::{self, Trust};
use heyat_render::Renderer;
use heyat_store::{CaseFilter, DEMO_PASSWORD, Store};
use std::io::{Read, Write};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The demo's installation, with its one ruling signed by three members: (store, the signed
/// case's id).
async fn sender(dir: &std::path::Path, renderer: &Renderer) -> (Store, i64) {
    let store = Store::open_in(dir).await.unwrap();
    heyat_documents::demo::load(&store, renderer, today())
        .await
        .unwrap()
        .expect("the demo signs a ruling");
    let case = store
        .cases(&CaseFilter::default())
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.office_code == "11560114")
        .unwrap();
    (store, case.id)
}

/// Another installation elsewhere, with the demo's boards and accounts (the same names,
/// other keys: nothing of the sender's is known here).
async fn receiver(dir: &std::path::Path) -> Store {
    let store = Store::open_in(dir).await.unwrap();
    store.load_demo_if_new(today()).await.unwrap();
    store.create_demo_accounts().await.unwrap();
    store
}

/// The package with `name` replaced by `bytes` (or added), written as another archive.
fn rewritten(package: &[u8], name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut replaced = false;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let entry_name = entry.name().unwrap().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if entry_name == name {
            data = bytes.to_vec();
            replaced = true;
        }
        out.start_file(entry_name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    if !replaced {
        out.start_file(name, options).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[tokio::test]
async fn a_case_travels_to_a_board_that_shares_no_database() {
    let renderer = Renderer::new();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (first, case_id) = sender(a.path(), &renderer).await;
    let secretary = first.sign_in("secretary", DEMO_PASSWORD).await.unwrap();
    let report_pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    first
        .add_evidence(
            case_id,
            "گزارش بازرسی.pdf",
            report_pdf,
            "گزارش بازرسی",
            "test",
        )
        .await
        .unwrap();
    let out = a.path().join("out").join("case.heyat");
    let written = package::export_case(&first, &secretary, case_id, &out)
        .await
        .unwrap();
    assert_eq!(written.rulings, 1, "{written:?}");
    assert_eq!(written.evidence, 1, "{written:?}");
    assert!(written.bytes > 10_000, "{written:?}");
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(bytes.len() as u64, written.bytes);
    // The sending is on the register and in the audit log, by the secretary.
    let sent = first.sent_packages(case_id).await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].manifest_sha256, written.manifest_sha256);
    let last = &first.audit_entries(1).await.unwrap()[0];
    assert_eq!(last.table_name, "sent_packages");
    assert!(last.actor.contains("secretary"), "{}", last.actor);

    let appeal = receiver(b.path()).await;
    let clerk = appeal
        .sign_in("appeal-secretary", DEMO_PASSWORD)
        .await
        .unwrap();

    // Unknown sender: intact, but not to be received until the fingerprint is compared.
    let report = package::verify_package(&appeal, &renderer, &bytes, &Trust::default())
        .await
        .unwrap();
    assert!(report.intact && !report.genuine, "{report:?}");
    assert_eq!(report.trusted_by, None);
    let reason = report.reason.clone().unwrap();
    assert!(reason.contains(&written.fingerprint), "{reason}");
    assert_eq!(
        report.case_number.as_deref(),
        Some(written.case_number.as_str())
    );
    assert!(report.rulings.iter().all(|r| r.genuine), "{report:?}");
    let err = package::receive_package(&appeal, &renderer, &clerk, &bytes, &Trust::default())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("دریافت نشد"), "{err}");
    assert!(appeal.received_packages().await.unwrap().is_empty());

    // A wrong fingerprint is named as such.
    let wrong = Trust {
        fingerprint: Some("0000-0000-0000-0000".into()),
        ..Trust::default()
    };
    let report = package::verify_package(&appeal, &renderer, &bytes, &wrong)
        .await
        .unwrap();
    assert!(!report.genuine);
    assert!(report.reason.unwrap().contains("نپذیرید"));

    // The fingerprint read out over the phone, in Persian digits and lower case, is enough.
    let spoken =
        heyat_core::to_persian_digits(&written.fingerprint.to_lowercase().replace('-', " "));
    let trust = Trust {
        fingerprint: Some(spoken),
        ..Trust::default()
    };
    let (report, kept) = package::receive_package(&appeal, &renderer, &clerk, &bytes, &trust)
        .await
        .unwrap();
    assert!(report.genuine, "{report:?}");
    assert_eq!(kept.trusted_by, "fingerprint");
    assert_eq!(kept.case_number, written.case_number);
    assert_eq!(kept.rulings, 1);
    assert_eq!((kept.evidence, report.evidence), (1, 1));
    // The evidence comes out as it was attached.
    let files = package::received_files(&appeal, &kept).await.unwrap();
    let evidence = files.iter().find(|f| f.starts_with("evidence/")).unwrap();
    assert!(evidence.ends_with(".pdf"), "{files:?}");
    assert_eq!(
        package::received_file(&appeal, &kept, evidence)
            .await
            .unwrap(),
        report_pdf
    );
    // A path the manifest does not list is refused, whatever its name.
    let err = package::received_file(&appeal, &kept, "../heyat.sqlite3")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("نیست"), "{err}");
    let signers = &report.rulings[0].detail;
    assert!(signers.contains("عضو قاضی اول"), "{signers}");
    let case = report.case.unwrap();
    assert_eq!(case["case"]["number"], written.case_number.as_str());
    // The ruling comes out of the kept package as it was sealed.
    let pdf_path = &report.rulings[0].file;
    let pdf = package::received_file(&appeal, &kept, pdf_path)
        .await
        .unwrap();
    let ruling = first
        .case_file(case_id)
        .await
        .unwrap()
        .rulings
        .into_iter()
        .find(|r| r.status == heyat_core::proceedings::RulingStatus::Signed)
        .unwrap();
    assert_eq!(
        pdf,
        first.sealed_ruling(ruling.id).await.unwrap().unwrap().1
    );
    let last = &appeal.audit_entries(1).await.unwrap()[0];
    assert_eq!(last.table_name, "received_packages");
    assert!(last.actor.contains("appeal-secretary"), "{}", last.actor);

    // The appeal board opens its case from the package: the office and manager found by
    // code and national id, the charges as framed, the subject naming the first case.
    let today = heyat_core::date::JalaliDate::from_iso(2026, 11, 24).unwrap();
    let board = clerk.board_id.unwrap();
    let opened = package::open_appeal_case(&appeal, &clerk, &kept, board, today)
        .await
        .unwrap();
    let file = appeal.case_file(opened.id).await.unwrap();
    let sent_file = first.case_file(case_id).await.unwrap();
    assert_eq!(file.case.board_id, board);
    assert_eq!(file.case.office_code, sent_file.case.office_code);
    assert_eq!(file.manager_national_id, sent_file.manager_national_id);
    assert_eq!(file.charges.len(), sent_file.charges.len());
    assert_eq!(file.charges[0].violation, sent_file.charges[0].violation);
    assert!(
        file.case
            .subject
            .contains(&heyat_core::to_persian_digits(&written.case_number)),
        "{}",
        file.case.subject
    );
    let listed = appeal.received_packages().await.unwrap();
    assert_eq!(listed[0].opened_case_id, Some(opened.id));
    let err = package::open_appeal_case(&appeal, &clerk, &kept, board, today)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("پیش‌تر"), "{err}");
    // Only an appeal board opens it.
    let first_board = appeal.sign_in("secretary", DEMO_PASSWORD).await.unwrap();
    let err = package::open_appeal_case(
        &appeal,
        &first_board,
        &kept,
        first_board.board_id.unwrap(),
        today,
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("تجدیدنظر"), "{err}");

    // Once only; the first stays as it was.
    let err = package::receive_package(&appeal, &renderer, &clerk, &bytes, &trust)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("پیش‌تر"), "{err}");
    assert_eq!(appeal.received_packages().await.unwrap().len(), 1);
    // A row received is never changed.
    let edit = sqlx::query("UPDATE received_packages SET origin_board = 'x'")
        .execute(appeal.pool())
        .await;
    assert!(edit.is_err());
    // Now the sender is known here: the next package from it needs no fingerprint.
    assert!(appeal.verify_audit().await.unwrap().is_intact());
    assert!(first.verify_audit().await.unwrap().is_intact());
}

#[tokio::test]
async fn a_package_changed_on_the_way_is_refused_and_says_what_changed() {
    let renderer = Renderer::new();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (first, case_id) = sender(a.path(), &renderer).await;
    let secretary = first.sign_in("secretary", DEMO_PASSWORD).await.unwrap();
    let out = a.path().join("case.heyat");
    let written = package::export_case(&first, &secretary, case_id, &out)
        .await
        .unwrap();
    let bytes = std::fs::read(&out).unwrap();
    let appeal = receiver(b.path()).await;
    let trust = Trust {
        fingerprint: Some(written.fingerprint.clone()),
        ..Trust::default()
    };
    let check = |bytes: Vec<u8>| {
        let (appeal, renderer, trust) = (&appeal, &renderer, &trust);
        async move {
            package::verify_package(appeal, renderer, &bytes, trust)
                .await
                .unwrap()
        }
    };
    // The case's facts edited.
    let report = check(rewritten(&bytes, "case.json", b"{\"case\":{}}")).await;
    assert!(!report.intact && !report.genuine);
    assert!(report.reason.unwrap().contains("case.json"));
    // A file slipped in.
    let report = check(rewritten(&bytes, "evidence/extra.pdf", b"%PDF-1.4")).await;
    assert!(!report.genuine);
    assert!(report.reason.unwrap().contains("extra.pdf"));
    // The manifest edited to match an edited file: the signature no longer holds.
    let report = check(rewritten(&bytes, "manifest.json", b"{}")).await;
    assert!(!report.genuine);
    // Not a package at all.
    let report = check(b"not a zip".to_vec()).await;
    assert!(!report.genuine && report.reason.unwrap().contains("ZIP"));
    // The original still passes.
    assert!(check(bytes).await.genuine);
}
