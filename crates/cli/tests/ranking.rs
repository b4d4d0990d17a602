//! `heyat ranking` on the demo: index 7 of the 1404 ranking instruction for every office, as
//! a table, as JSON and as a PDF; bad dates answered with one Persian line and exit code 2.

use serde_json::Value;
use std::process::{Command, Output};

fn heyat(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heyat"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("HEYAT_TODAY", "2026-11-23")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn ranking(db: &str, from: &str, to: &str) -> Vec<Value> {
    let o = heyat(db, &["ranking", "--from", from, "--to", to, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        v["criminal_record_fa"]
            .as_str()
            .unwrap()
            .contains("محکومیت‌های کیفری در سامانه ثبت نمی‌شود")
    );
    v["offices"].as_array().unwrap().clone()
}

fn office<'a>(rows: &'a [Value], code: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["office_code"] == code)
        .unwrap_or_else(|| panic!("{code} missing"))
}

/// pdftotext's text without whitespace and bidi controls.
fn pdf_text(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed");
    String::from_utf8(out.stdout)
        .unwrap()
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{200c}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{0654}')
        })
        .collect()
}

#[test]
fn every_office_gets_index_7_from_the_demo_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("heyat.sqlite3");
    let db = db.to_str().unwrap();
    let o = heyat(db, &["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));

    // 1404: the licence revoked in Rey is excepted (score 100, no clause); 114 Tehran has none.
    let rows = ranking(db, "1404/01/01", "1404/12/29");
    assert_eq!(rows.len(), 5);
    let none = office(&rows, "11560114");
    assert_eq!(none["score"], 100);
    assert!(none["effects"].as_array().unwrap().is_empty());
    let revoked = office(&rows, "11590042");
    assert_eq!(revoked["score"], 100);
    let e = &revoked["effects"][0];
    assert_eq!(e["grade"], 7);
    assert_eq!(e["clause"], Value::Null);
    assert_eq!(e["deduction"], 0);
    assert!(e["reason_fa"].as_str().unwrap().contains("مستثنا"), "{e}");

    // 1405 (ISO dates too): the grade 1 reprimand of 27 Tehran, clause پ, gives 80, listed first.
    let rows = ranking(db, "2026-03-21", "2027-03-20");
    assert_eq!(rows[0]["office_code"], "11560027");
    assert_eq!(rows[0]["score"], 80);
    assert_eq!(rows[0]["effects"][0]["clause"], "1404:4:7:c");
    assert_eq!(rows[0]["effects"][0]["deduction"], 20);
    assert_eq!(office(&rows, "11590042")["score"], 100);

    // The table: one line per office, its convictions under it.
    let o = heyat(
        db,
        &["ranking", "--from", "1405/01/01", "--to", "1405/12/29"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let table = stdout(&o);
    assert!(table.starts_with("11560027\t۸۰\t"), "{table}");
    assert!(
        table.contains("بند پ شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی"),
        "{table}"
    );
    assert!(stderr(&o).contains("محکومیت‌های کیفری در سامانه ثبت نمی‌شود"));

    // The PDF: each office and its score.
    let pdf = dir.path().join("ranking.pdf");
    let o = heyat(
        db,
        &[
            "ranking",
            "--from",
            "1404/01/01",
            "--to",
            "1405/12/29",
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdf_text(&pdf);
    for phrase in [
        "دفترخدماتالکترونیکقضاییشماره۲۷تهران",
        "امتیاز۸۰از۱۰۰",
        "دفترخدماتالکترونیکقضاییشماره۴۲ری",
        "امتیاز۱۰۰از۱۰۰",
        "بندپشاخص۷ماده۴دستورالعملرتبهبندی",
        "۱۴۰۴/۰۱/۰۱تا۱۴۰۵/۱۲/۲۹",
    ] {
        assert!(text.contains(phrase), "missing «{phrase}» in\n{text}");
    }
    if let Ok(dir) = std::env::var("HEYAT_KEEP_PDF") {
        std::fs::copy(&pdf, std::path::Path::new(&dir).join("ranking-demo.pdf")).unwrap();
    }
}

#[test]
fn bad_dates_are_refused_in_one_persian_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("heyat.sqlite3");
    let db = db.to_str().unwrap();
    assert!(heyat(db, &["demo"]).status.success());
    for (from, to) in [
        ("1404/13/01", "1404/12/29"),
        ("دیروز", "1404/12/29"),
        ("1405/01/01", "1404/01/01"),
    ] {
        let o = heyat(db, &["ranking", "--from", from, "--to", to]);
        assert_eq!(o.status.code(), Some(2), "{from} {to}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)),
            "{err}"
        );
    }
}
