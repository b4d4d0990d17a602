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
