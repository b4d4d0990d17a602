use crate::common::*;

#[tokio::test]
async fn evidence_is_content_addressed_sniffed_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".to_vec();
    // The name says .exe; the bytes say PDF, and the bytes decide.
    let rec = w
        .store
        .add_evidence(c.id, "../../گزارش بازرس.exe", &pdf, "گزارش بازرسی", ACTOR)
        .await
        .unwrap();
    assert_eq!(rec.media_type, "application/pdf");
    assert_eq!(rec.file_name, "گزارش بازرس.exe", "no path parts kept");
    let on_disk = dir
        .path()
        .join("evidence")
        .join(&rec.sha256[..2])
        .join(&rec.sha256);
    assert_eq!(std::fs::read(&on_disk).unwrap(), pdf);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&on_disk).unwrap().permissions().mode() & 0o111,
            0,
            "never executable"
        );
    }
    let (_, bytes) = w.store.read_evidence(rec.id).await.unwrap();
    assert_eq!(bytes, pdf);
    assert_eq!(w.store.case_file(c.id).await.unwrap().evidence.len(), 1);

    let elf = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    let err = w
        .store
        .add_evidence(c.id, "report.pdf", &elf, "", ACTOR)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "evidence");
    assert!(err.to_string().contains("PDF"), "{err}");
    let script = b"#!/bin/sh\nrm -rf /\n".to_vec();
    assert!(
        w.store
            .add_evidence(c.id, "a.txt", &script, "", ACTOR)
            .await
            .is_err()
    );
    let big = vec![b'a'; heyat_store::EVIDENCE_MAX_BYTES + 1];
    assert!(
        w.store
            .add_evidence(c.id, "big.txt", &big, "", ACTOR)
            .await
            .unwrap_err()
            .to_string()
            .contains("۲۵")
    );
    assert!(
        w.store
            .add_evidence(c.id, "again.pdf", &pdf, "", ACTOR)
            .await
            .is_err()
    );
    assert!(
        w.store
            .add_evidence(999, "a.pdf", &pdf, "", ACTOR)
            .await
            .is_err()
    );
    assert_eq!(count(&w.store, "evidence").await, 1);

    // A file changed on disk is caught when read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&on_disk, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    std::fs::write(&on_disk, b"%PDF-1.7 changed").unwrap();
    assert_eq!(
        w.store.read_evidence(rec.id).await.unwrap_err().code(),
        "evidence"
    );
}

#[tokio::test]
async fn an_exported_copy_is_named_by_the_type_its_bytes_show() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let files: [(&str, &[u8], &str); 4] = [
        ("گزارش.pdf.exe", b"%PDF-1.4 report", "pdf"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n0000", "png"),
        ("scan", b"\xFF\xD8\xFF\xE0jpeg", "jpg"),
        ("notes.html", "یادداشت بازرس".as_bytes(), "txt"),
    ];
    for (name, bytes, ext) in files {
        let rec = w
            .store
            .add_evidence(c.id, name, bytes, "", ACTOR)
            .await
            .unwrap();
        let (rec, read) = w.store.read_evidence(rec.id).await.unwrap();
        let exported = heyat_store::export_name(&rec, &read);
        assert!(
            exported.ends_with(&format!(".{ext}")),
            "{name} → {exported}"
        );
        assert_eq!(exported.matches('.').count(), 1, "{exported}");
        assert!(exported.starts_with(&format!("{}-", rec.id)), "{exported}");
    }
    assert_eq!(heyat_store::extension_of(b"\x7fELF\x02\x01\x01\0\0"), "bin");
}

#[tokio::test]
async fn text_evidence_is_shown_inside_the_app_within_a_limit() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let text = "گزارش بازرسی: دفتر در ساعت اداری بسته بود.\n";
    let note = w
        .store
        .add_evidence(c.id, "note.pdf", text.as_bytes(), "", ACTOR)
        .await
        .unwrap();
    assert_eq!(w.store.evidence_text(note.id).await.unwrap(), text);
    let pdf = w
        .store
        .add_evidence(c.id, "a.pdf", b"%PDF-1.4 x", "", ACTOR)
        .await
        .unwrap();
    let err = w.store.evidence_text(pdf.id).await.unwrap_err();
    assert_eq!(err.code(), "evidence");
    assert!(err.to_string().contains("متن نیست"), "{err}");
    let long = "الف".repeat(heyat_store::EVIDENCE_TEXT_MAX_BYTES / 2 + 1);
    let big = w
        .store
        .add_evidence(c.id, "long.txt", long.as_bytes(), "", ACTOR)
        .await
        .unwrap();
    let err = w.store.evidence_text(big.id).await.unwrap_err();
    assert!(err.to_string().contains("۲۵۶"), "{err}");
    let err = w.store.evidence_text(9999).await.unwrap_err();
    assert_eq!(err.code(), "not_found");
}

#[tokio::test]
async fn a_sha256_that_is_not_64_lower_case_hex_never_becomes_a_path() {
    let good = "a".repeat(64);
    assert!(heyat_store::sha256_is_valid(&good));
    for bad in [
        "A".repeat(64),
        "a".repeat(63),
        "a".repeat(65),
        format!("../{}", "a".repeat(61)),
        format!("{}/..", "a".repeat(61)),
        "g".repeat(64),
        String::new(),
    ] {
        assert!(!heyat_store::sha256_is_valid(&bad), "{bad}");
        let err = heyat_store::evidence_path(std::path::Path::new("/data"), &bad).unwrap_err();
        assert_eq!(err.code(), "corrupt", "{bad}");
    }
    // A row edited to lead out of the evidence folder is refused when read.
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let rec = w
        .store
        .add_evidence(c.id, "a.pdf", b"%PDF-1.4 x", "", ACTOR)
        .await
        .unwrap();
    // 64 characters, as the table's CHECK wants, but a path out of the folder.
    let escape = format!("{}x", "../".repeat(21));
    sqlx::query("UPDATE evidence SET sha256 = $1 WHERE id = $2")
        .bind(&escape)
        .bind(rec.id)
        .execute(w.store.pool())
        .await
        .unwrap();
    let err = w.store.read_evidence(rec.id).await.unwrap_err();
    assert_eq!(err.code(), "corrupt", "{err}");
    assert!(err.to_string().contains("۶۴"), "{err}");
    // And a backup of such a database is refused rather than copy a file from elsewhere
    // (SQLite's own backup: on a server the backup is pg_dump's).
    if skip_unless_sqlite() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let err = w
        .store
        .backup_to(&out.path().join("b.sqlite3"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "corrupt", "{err}");
}

/// On a server, two machines share the database but not the data folder: a file attached on
/// one opens on the other (its bytes come from the database, checked against the hash, and
/// are kept in the second folder); bytes changed in the database are caught by the hash and
/// never kept.
#[tokio::test]
async fn evidence_attached_on_one_machine_opens_on_another() {
    if !on_postgres() {
        eprintln!("two data folders on one database: a server's test only");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    let c = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let text = "گزارش بازرسی: مدیر دفتر پنج روز غایب بود."
        .as_bytes()
        .to_vec();
    let rec = w
        .store
        .add_evidence(c.id, "گزارش.txt", &text, "", ACTOR)
        .await
        .unwrap();
    let (other, b) = another_machine(dir.path()).await;
    let kept = heyat_store::evidence_path(other.path(), &rec.sha256).unwrap();
    assert!(!kept.exists());
    let (_, bytes) = b.read_evidence(rec.id).await.unwrap();
    assert_eq!(bytes, text);
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        text,
        "kept on the second machine"
    );
    // Bytes changed in the database (by its owner) are caught by the hash on a machine
    // without the copy, and never kept.
    sqlx::query("UPDATE evidence_blobs SET bytes = $1 WHERE sha256 = $2")
        .bind(b"forged".to_vec())
        .bind(&rec.sha256)
        .execute(b.pool())
        .await
        .unwrap();
    let (third, c3) = another_machine(dir.path()).await;
    let err = c3.read_evidence(rec.id).await.unwrap_err();
    assert_eq!(err.code(), "evidence", "{err}");
    assert!(err.to_string().contains("پایگاه دادهٔ کارساز"), "{err}");
    assert!(
        !heyat_store::evidence_path(third.path(), &rec.sha256)
            .unwrap()
            .exists()
    );
    b.close().await;
    c3.close().await;
}

/// Another machine on the server of the data folder `dir`: a folder of its own whose
/// `server.url` is `dir`'s, and the store opened on it.
async fn another_machine(dir: &std::path::Path) -> (tempfile::TempDir, heyat_store::Store) {
    let other = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.join(heyat_store::SERVER_FILE),
        other.path().join(heyat_store::SERVER_FILE),
    )
    .unwrap();
    let store = open_in(other.path()).await.unwrap();
    (other, store)
}
