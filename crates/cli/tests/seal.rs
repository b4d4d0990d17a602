//! Sealed rulings from the outside: `heyat demo` signs one, `heyat verify` finds it genuine
//! and refuses a changed byte, an unsigned print and keys of another board; `heyat keys
//! export`, `heyat audit checkpoint` and `heyat audit verify` on the same data folder.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs `heyat` with `stdin` as its standard input (HEYAT_PASSWORD unset).
fn heyat_in(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_heyat"))
        .args(args)
        .env("HEYAT_TODAY", "2026-11-23")
        .env_remove("HEYAT_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn heyat(args: &[&str]) -> Output {
    heyat_in(args, "")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Loads the demo into a fresh folder: the database and the sealed ruling's PDF.
fn demo(dir: &Path) -> (String, PathBuf) {
    let db = dir.join("heyat.sqlite3").to_str().unwrap().to_owned();
    let o = heyat(&["--db", &db, "demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains(heyat_store::DEMO_PASSWORD), "{out}");
    assert!(out.contains("judge-1"), "{out}");
    let pdf = out
        .lines()
        .find(|l| l.starts_with("رأی امضاشدهٔ نمونه"))
        .and_then(|l| l.split_once(": "))
        .map(|(_, p)| PathBuf::from(p.trim()))
        .unwrap_or_else(|| panic!("no sealed ruling: {out}"));
    assert!(pdf.starts_with(dir.join("documents")), "{}", pdf.display());
    (db, pdf)
}

/// `heyat verify` that must refuse: exit 1, the reason on one line of standard error.
fn not_genuine(args: &[&str]) -> String {
    let o = heyat(args);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("اصیل نیست"), "{err}");
    err
}

#[test]
fn the_demo_ruling_verifies_and_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    let (db, pdf) = demo(dir.path());
    let file = pdf.to_str().unwrap();

    // Genuine against the database's keys: three signers, named with seat and key.
    let o = heyat(&["--db", &db, "verify", file]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("اصیل است"), "{text}");
    assert!(text.contains("رأی هیأت بدوی"), "{text}");
    let o = heyat(&["--db", &db, "verify", file, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["genuine"], true, "{report}");
    let signers = report["signers"].as_array().unwrap();
    assert_eq!(signers.len(), 3, "{report}");
    for s in signers {
        for field in ["name", "seat_title", "fingerprint", "signed_at"] {
            let v = s[field].as_str().unwrap();
            assert!(!v.is_empty(), "{field}: {report}");
            assert!(text.contains(v), "{field} {v} printed: {text}");
        }
    }
    assert!(report["case_number"].as_str().is_some(), "{report}");

    // One byte changed in the middle: refused.
    let mut bytes = std::fs::read(&pdf).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let changed = dir.path().join("changed.pdf");
    std::fs::write(&changed, &bytes).unwrap();
    not_genuine(&["--db", &db, "verify", changed.to_str().unwrap()]);

    // A ruling typeset by `heyat render`: no signatures.
    let o = heyat(&["render", "ruling", "--example"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let example = dir.path().join("ruling.json");
    std::fs::write(&example, o.stdout).unwrap();
    let printed = dir.path().join("printed.pdf");
    let o = heyat(&[
        "render",
        "ruling",
        example.to_str().unwrap(),
        "-o",
        printed.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = not_genuine(&["--db", &db, "verify", printed.to_str().unwrap()]);
    assert!(err.contains("امضای الکترونیکی"), "{err}");
    assert!(err.contains("heyat render"), "{err}");

    // The board's keys exported: the ruling verifies against the file, without the database.
    let keys = dir.path().join("keys.json");
    let o = heyat(&["--db", &db, "keys", "export", keys.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&keys).unwrap()).unwrap();
    let list = exported["keys"].as_array().unwrap();
    let members = list.iter().filter(|k| k["purpose"] == "member").count();
    assert!(members >= 3, "{exported}");
    assert!(
        list.iter().any(|k| k["purpose"] == "installation"),
        "{exported}"
    );
    for fp in signers.iter().map(|s| &s["fingerprint"]) {
        assert!(list.iter().any(|k| &k["fingerprint"] == fp), "{fp}");
    }
    let o = heyat(&["verify", file, "--keys", keys.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));

    // Against the keys of another board (a second demo, its members' own keys): refused.
    let other = tempfile::tempdir().unwrap();
    let (other_db, _) = demo(other.path());
    let other_keys = other.path().join("keys.json");
    let o = heyat(&[
        "--db",
        &other_db,
        "keys",
        "export",
        other_keys.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = not_genuine(&["verify", file, "--keys", other_keys.to_str().unwrap()]);
    assert!(err.contains("کلیدهای اعضای این هیأت نیست"), "{err}");
    let err = not_genuine(&["--db", &other_db, "verify", file]);
    assert!(err.contains("کلیدهای اعضای این هیأت نیست"), "{err}");

    // Usage errors: exit 2.
    for args in [
        vec![
            "verify",
            "/nonexistent/ruling.pdf",
            "--keys",
            keys.to_str().unwrap(),
        ],
        vec![
            "--db",
            &db,
            "verify",
            file,
            "--keys",
            keys.to_str().unwrap(),
        ],
        vec!["verify", file, "--keys", "/nonexistent/keys.json"],
        vec!["verify", file, "--keys", example.to_str().unwrap()],
        vec!["--db", "/nonexistent/heyat.sqlite3", "verify", file],
    ] {
        let o = heyat(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o).trim_end().lines().count(), 1, "{args:?}");
    }
}

#[test]
fn checkpoints_and_the_audit_log_after_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let (db, pdf) = demo(dir.path());
    let o = heyat(&["--db", &db, "audit", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));

    // A checkpoint is the administrator's: the password read from standard input.
    let password = format!("{}\n", heyat_store::DEMO_PASSWORD);
    let o = heyat_in(
        &["--db", &db, "audit", "checkpoint", "--user", "secretary"],
        &password,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("در اختیار"), "{}", stderr(&o));
    let o = heyat_in(
        &["--db", &db, "audit", "checkpoint", "--user", "admin"],
        "wrong-password\n",
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = heyat(&["--db", &db, "audit", "checkpoint"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--user"), "{}", stderr(&o));
    let o = heyat_in(
        &["--db", &db, "audit", "checkpoint", "--user", "admin"],
        &password,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let c: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let seq = c["seq"].as_i64().unwrap();
    assert!(seq > 0, "{c}");
    assert!(
        std::fs::read_to_string(dir.path().join(heyat_store::ANCHORS_FILE))
            .unwrap()
            .contains(c["head"].as_str().unwrap())
    );
    let o = heyat(&["--db", &db, "audit", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));

    if !sqlite3_available() {
        eprintln!("sqlite3 is not installed: the SQL edits are not tried");
        return;
    }
    // A signed ruling's row edited in the file behind the app's back (its guard dropped):
    // the PDF is self-contained and still verifies, and so does the sealed ruling the store
    // kept, written out again.
    sqlite3(
        &db,
        "DROP TRIGGER rulings_signed_immutable;
         UPDATE rulings SET text = 'متن دیگری', grade = 1 WHERE status <> 'draft';",
    );
    let o = heyat(&["--db", &db, "verify", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: serde_json::Value =
        serde_json::from_slice(&heyat(&["--db", &db, "cases", "--json"]).stdout).unwrap();
    let number = report_case_number(&db, &pdf);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|c| c["number"] == number.as_str()),
        "{number}"
    );
    let o = heyat(&["--db", &db, "case", "sealed", &number]);
    assert!(o.status.success(), "{}", stderr(&o));
    let again: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let again = again["path"].as_str().unwrap();
    assert_eq!(std::fs::read(again).unwrap(), std::fs::read(&pdf).unwrap());
    let o = heyat(&["--db", &db, "verify", again]);
    assert!(o.status.success(), "{}", stderr(&o));

    // The audit log cut short behind the checkpoint: `audit verify` says so and exits 1.
    sqlite3(
        &db,
        &format!(
            "DROP TRIGGER IF EXISTS audit_log_no_delete;
             DELETE FROM audit_log WHERE id >= {seq};"
        ),
    );
    let o = heyat(&["--db", &db, "audit", "verify"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("کوتاه شده"), "{}", stdout(&o));
}

/// The case number of the ruling in `pdf` (Latin digits), as `heyat verify --json` reads it.
fn report_case_number(db: &str, pdf: &Path) -> String {
    let o = heyat(&["--db", db, "verify", pdf.to_str().unwrap(), "--json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    heyat_core::to_latin_digits(report["case_number"].as_str().unwrap())
}

fn sqlite3_available() -> bool {
    Command::new("sqlite3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn sqlite3(db: &str, sql: &str) {
    let o = Command::new("sqlite3").arg(db).arg(sql).output().unwrap();
    assert!(o.status.success(), "{sql}: {}", stderr(&o));
}
