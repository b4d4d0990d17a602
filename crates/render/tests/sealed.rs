//! The sealed ruling: the members' signatures typeset, the seal attached to the PDF and read
//! back, errors for what is not a sealed ruling, and byte-for-byte determinism (in one
//! process and across two). Text is checked with `pdftotext`, the attachment with
//! `pdfdetach` (poppler-utils).

use heyat_render::{
    AuditAnchor, Document, RenderError, Renderer, RulingInput, SEAL_FILE, Seal, SealSignature,
    SealedRuling, content_sha256, evict_cache, extract_seal,
};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(Renderer::new)
}

/// Made-up but well-formed hex: the SHA-256 of a label, repeated to `len` digits.
fn hex(label: &str, len: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.len() < len {
        let digest = Sha256::digest(format!("{label}/{i}").as_bytes());
        out.extend(digest.iter().map(|b| format!("{b:02x}")));
        i += 1;
    }
    out.truncate(len);
    out
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn input(doc: Document) -> RulingInput {
    serde_json::from_str(doc.example()).unwrap()
}

/// The example ruling signed by its three members, as the store would seal it: the body
/// hash is the SHA-256 of the unsigned print.
fn sealed(doc: Document) -> SealedRuling {
    let input = input(doc);
    let body = match doc {
        Document::AppealRuling => renderer().appeal_ruling(&input),
        _ => renderer().ruling(&input),
    }
    .unwrap()
    .pdf;
    let seats = ["رئیس هیأت، عضو قضایی", "عضو قضایی", "نمایندهٔ کانون"];
    let signatures = input
        .members
        .iter()
        .zip(seats)
        .enumerate()
        .map(|(i, (m, seat))| SealSignature {
            member_id: i as i64 + 1,
            name: m.name.clone(),
            seat_title: seat.to_owned(),
            public_key: hex(&format!("key{i}"), 64),
            fingerprint: hex(&format!("key{i}"), 16)
                .to_uppercase()
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join("-"),
            signed_at: format!("2026-12-03T{:02}:15:00Z", 9 + i),
            signature: hex(&format!("sig{i}"), 128),
        })
        .collect();
    SealedRuling {
        seal: Seal {
            version: 1,
            kind: doc.name().to_owned(),
            board: input.board.name.clone(),
            content_sha256: content_sha256(&input),
            body_sha256: sha256(&body),
            signatures,
            anchor: Some(AuditAnchor {
                seq: 1284,
                head: hex("head", 64),
                fingerprint: "9C1B-3F2A-A1E4-77D0".to_owned(),
                signature: hex("anchor", 128),
            }),
        },
        input,
    }
}

fn tool(tool: &str, args: &[&str], stdin: &[u8]) -> String {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{tool} failed");
    String::from_utf8(out.stdout).unwrap()
}

/// `pdftotext` without what it adds or moves (see tests.rs): whitespace, bidi controls,
/// ZWNJ, the hamza above.
fn pdf_text(pdf: &[u8]) -> String {
    squash(&tool("pdftotext", &["-", "-"], pdf))
}

fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{200c}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{0654}')
        })
        .collect::<String>()
        .replace("هه", "ه")
}

fn assert_phrases(pdf: &[u8], phrases: &[&str]) {
    let text = pdf_text(pdf);
    for phrase in phrases {
        assert!(
            text.contains(&squash(phrase)),
            "missing «{phrase}» in\n{text}"
        );
    }
}

/// Where a test leaves a PDF (and its pages as PNG) to look at.
fn keep(name: &str, pdf: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sealed");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    path
}

#[test]
fn a_sealed_ruling_prints_each_signature_and_is_pdf_a_3b() {
    let sealed = sealed(Document::Ruling);
    let r = renderer().sealed_ruling(&sealed).unwrap();
    let path = keep("sealed-ruling", &r.pdf);
    // The pages as images, to look at: `pdftoppm -png -r 70`.
    let _ = Command::new("pdftoppm")
        .args(["-png", "-r", "70"])
        .arg(&path)
        .arg(path.with_extension(""))
        .status();

    let xmp = String::from_utf8_lossy(&r.pdf);
    assert!(xmp.contains("<pdfaid:part>3</pdfaid:part>"), "not PDF/A-3");
    assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    let unsigned = renderer().ruling(&sealed.input).unwrap();
    assert_eq!(r.pages, unsigned.pages);
    assert_eq!(r.verification, unsigned.verification);

    let s = &sealed.seal.signatures;
    assert_phrases(
        &r.pdf,
        &[
            "دادنامه هیأت بدوی",
            "امضای اعضای هیأت",
            "حسین کریمی",
            "رئیس هیأت، عضو قضایی",
            "نمایندهٔ کانون",
            "امضای الکترونیکی",
            &s[0].fingerprint,
            &s[2].fingerprint,
            // 09:15 UTC is 12:45 in Tehran, on 12 Azar 1405.
            "پنجشنبه ۱۴۰۵/۰۹/۱۲",
            "ساعت ۱۲:۴۵ به وقت تهران",
            "ساعت ۱۴:۴۵ به وقت تهران",
            // The signature, in groups of eight.
            &s[1].signature[..8],
            &s[1].signature[120..],
            "دادنامهٔ امضاشده",
            // pdftotext moves brackets and colons next to digits: phrases avoid them.
            "این دادنامه را همهٔ سه",
            "عضو هیأت با امضای الکترونیکی",
            "heyat verify",
            "heyat-seal.json",
            "زنجیرهٔ دفتر رویدادها هنگام قطعیت امضا",
            "۱۲۸۴",
            &sealed.seal.anchor.as_ref().unwrap().head[..16],
            "9C1B-3F2A-A1E4-77D0",
            &sealed.seal.content_sha256,
            &sealed.seal.body_sha256,
        ],
    );
    let text = pdf_text(&r.pdf);
    assert!(
        !text.contains("نسخهامضانشده"),
        "a sealed ruling is not unsigned"
    );

    // poppler sees the attachment too.
    let listed = Command::new("pdfdetach")
        .arg("-list")
        .arg(&path)
        .output()
        .expect("pdfdetach (poppler-utils) is needed");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(listed.contains(SEAL_FILE), "{listed}");
}

#[test]
fn the_unsigned_print_says_that_it_is_unsigned() {
    let r = renderer().ruling(&input(Document::Ruling)).unwrap();
    keep("unsigned-ruling", &r.pdf);
    assert_phrases(&r.pdf, &["نسخهٔ امضانشده؛ اعتبار رأی به نسخهٔ امضاشده است."]);
    assert_eq!(extract_seal(&r.pdf).unwrap(), None);
    let xmp = String::from_utf8_lossy(&r.pdf);
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"));
}

#[test]
fn an_appeal_ruling_is_sealed_as_an_appeal_ruling() {
    let sealed = sealed(Document::AppealRuling);
    let r = renderer().sealed_ruling(&sealed).unwrap();
    keep("sealed-appeal-ruling", &r.pdf);
    assert_phrases(&r.pdf, &["دادنامه هیأت تجدیدنظر", "امضای الکترونیکی"]);
    assert_eq!(extract_seal(&r.pdf).unwrap().unwrap(), sealed);
}

#[test]
fn the_seal_reads_back_exactly() {
    let sealed = sealed(Document::Ruling);
    let r = renderer().sealed_ruling(&sealed).unwrap();
    assert_eq!(extract_seal(&r.pdf).unwrap(), Some(sealed.clone()));

    // The attached bytes are the seal's JSON as serialized, byte for byte.
    let path = keep("sealed-ruling-detach", &r.pdf);
    let out = path.with_file_name("heyat-seal-detached.json");
    let status = Command::new("pdfdetach")
        .args(["-savefile", SEAL_FILE, "-o"])
        .arg(&out)
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(
        std::fs::read(&out).unwrap(),
        serde_json::to_vec(&sealed).unwrap()
    );

    // Without an anchor too.
    let mut bare = sealed;
    bare.seal.anchor = None;
    let r = renderer().sealed_ruling(&bare).unwrap();
    assert_eq!(extract_seal(&r.pdf).unwrap(), Some(bare));
    assert!(!pdf_text(&r.pdf).contains("زنجیره"));
}

#[test]
fn what_is_not_a_sealed_pdf_is_an_error_in_persian() {
    for garbage in [&b""[..], b"not a pdf at all", b"%PDF-1.7\n%%EOF\n"] {
        match extract_seal(garbage) {
            Err(e @ RenderError::Seal(_)) => {
                assert!(e.to_string().contains("مهر دادنامه خوانده نشد"), "{e}")
            }
            other => panic!("{garbage:?}: {other:?}"),
        }
    }
    // A PDF cut in half is not read either (or at least has no seal to give).
    let r = renderer().sealed_ruling(&sealed(Document::Ruling)).unwrap();
    assert!(!matches!(
        extract_seal(&r.pdf[..r.pdf.len() / 2]),
        Ok(Some(_))
    ));
}

#[test]
fn an_attachment_that_is_not_a_seal_is_an_error() {
    let r = renderer().sealed_ruling(&sealed(Document::Ruling)).unwrap();
    let mut doc = lopdf::Document::load_mem(&r.pdf).unwrap();
    // Replace the embedded file's content with text that is not JSON.
    let ids: Vec<_> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_stream()
                .ok()
                .and_then(|s| s.dict.get(b"Type").ok())
                .and_then(|t| t.as_name().ok())
                == Some(&b"EmbeddedFile"[..])
        })
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(ids.len(), 1);
    let stream = doc.get_object_mut(ids[0]).unwrap().as_stream_mut().unwrap();
    stream.dict.remove(b"Filter");
    stream.set_content(b"{ not json".to_vec());
    let mut tampered = Vec::new();
    doc.save_to(&mut tampered).unwrap();
    match extract_seal(&tampered) {
        Err(RenderError::Seal(msg)) => assert!(msg.contains(SEAL_FILE), "{msg}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_seal_that_does_not_fit_its_ruling_is_refused() {
    let good = sealed(Document::Ruling);
    type Change = Box<dyn Fn(&mut SealedRuling)>;
    let cases: Vec<(&str, Change)> = vec![
        (
            "other content",
            Box::new(|s| s.input.subject.push_str(" (ویرایش)")),
        ),
        ("kind", Box::new(|s| s.seal.kind = "minutes".into())),
        ("version", Box::new(|s| s.seal.version = 2)),
        (
            "body hex",
            Box::new(|s| s.seal.body_sha256 = s.seal.body_sha256.to_uppercase()),
        ),
        ("no signature", Box::new(|s| s.seal.signatures.clear())),
        (
            "short signature",
            Box::new(|s| s.seal.signatures[0].signature.truncate(100)),
        ),
        (
            "key",
            Box::new(|s| s.seal.signatures[1].public_key = "zz".repeat(32)),
        ),
        (
            "moment",
            Box::new(|s| s.seal.signatures[2].signed_at = "1405/09/12 10:15".into()),
        ),
        (
            "twice",
            Box::new(|s| s.seal.signatures[1].member_id = s.seal.signatures[0].member_id),
        ),
        (
            "anchor",
            Box::new(|s| s.seal.anchor.as_mut().unwrap().head.truncate(10)),
        ),
    ];
    for (what, change) in cases {
        let mut s = good.clone();
        change(&mut s);
        assert!(
            matches!(renderer().sealed_ruling(&s), Err(RenderError::Invalid(_))),
            "{what}"
        );
    }
}

#[test]
fn markup_in_the_seal_prints_literally() {
    let mut s = sealed(Document::Ruling);
    // Inside Persian text: pdftotext mirrors the brackets at either end of a line.
    s.seal.signatures[0].name = "حسین #panic(\"x\") *b* $y$ ] <q> @z کریمی".into();
    s.seal.signatures[1].seat_title = "عضو #panic(\"x\") *b* $y$ ] <q> @z قضایی".into();
    s.seal.signatures[2].fingerprint = "#panic(\"x\") *b* $y$ ] <q> @z".into();
    let r = renderer().sealed_ruling(&s).unwrap();
    let text = pdf_text(&r.pdf);
    for token in ["#panic(\"x\")", "*b*", "$y$", "]", "<q>", "@z"] {
        assert!(text.contains(token), "«{token}» not in\n{text}");
    }
    assert_eq!(extract_seal(&r.pdf).unwrap(), Some(s));
}

#[test]
fn the_same_seal_gives_the_same_bytes() {
    let s = sealed(Document::Ruling);
    let a = renderer().sealed_ruling(&s).unwrap();
    evict_cache();
    let b = renderer().sealed_ruling(&s).unwrap();
    assert!(a.pdf == b.pdf, "same seal, different bytes");
    // A renderer of its own gives them too.
    let c = Renderer::new().sealed_ruling(&s).unwrap();
    assert!(a.pdf == c.pdf, "another renderer, different bytes");

    // And the unsigned print, whose hash the members sign.
    let input = input(Document::Ruling);
    let u1 = renderer().ruling(&input).unwrap();
    evict_cache();
    let u2 = renderer().ruling(&input).unwrap();
    assert!(
        u1.pdf == u2.pdf,
        "the unsigned print changed between renders"
    );
    assert_eq!(sha256(&u1.pdf), s.seal.body_sha256);

    // Another signature changes the bytes.
    let mut other = s.clone();
    other.seal.signatures[0].signature = hex("another", 128);
    assert!(renderer().sealed_ruling(&other).unwrap().pdf != a.pdf);
}

/// Set in the child process of [`the_same_seal_gives_the_same_bytes_in_another_process`]:
/// where it writes its PDFs.
const CHILD_OUT: &str = "HEYAT_SEALED_CHILD_OUT";

#[test]
fn the_same_seal_gives_the_same_bytes_in_another_process() {
    let s = sealed(Document::Ruling);
    let sealed_pdf = renderer().sealed_ruling(&s).unwrap().pdf;
    let unsigned_pdf = renderer().ruling(&s.input).unwrap().pdf;
    if let Some(dir) = std::env::var_os(CHILD_OUT) {
        let dir = PathBuf::from(dir);
        std::fs::write(dir.join("sealed.pdf"), &sealed_pdf).unwrap();
        std::fs::write(dir.join("unsigned.pdf"), &unsigned_pdf).unwrap();
        return;
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("sealed-child-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "the_same_seal_gives_the_same_bytes_in_another_process",
            "--test-threads=1",
        ])
        .env(CHILD_OUT, &dir)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let child_sealed = std::fs::read(dir.join("sealed.pdf")).unwrap();
    let child_unsigned = std::fs::read(dir.join("unsigned.pdf")).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        child_sealed == sealed_pdf,
        "sealed bytes differ across processes"
    );
    assert!(
        child_unsigned == unsigned_pdf,
        "unsigned bytes differ across processes"
    );
}
