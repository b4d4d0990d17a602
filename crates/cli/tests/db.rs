//! The `heyat` command's database verbs, run as a person would: demo, search, backup,
//! restore, audit verify, and bad arguments answered in Persian with exit code 2.

use std::process::{Command, Output};

fn heyat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heyat"))
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

#[test]
fn demo_search_backup_restore_and_verify() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("heyat.sqlite3");
    let db = db.to_str().unwrap();
    let o = heyat(&["--db", db, "demo", "--cases", "300"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("۳۰۰ پرونده"), "{}", stdout(&o));

    let o = heyat(&["--db", db, "search", "تهران", "--json", "--limit", "5"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let hits: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 5);
    let number = hits[0]["number"].as_str().unwrap().to_owned();
    let o = heyat(&[
        "--db",
        db,
        "search",
        &heyat_core::to_persian_digits(&number),
    ]);
    assert!(stdout(&o).contains(&number));

    let backup = dir.path().join("backup.sqlite3");
    let backup = backup.to_str().unwrap();
    let o = heyat(&["--db", db, "backup", backup]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("cases\t300"));
    let o = heyat(&["--db", db, "backup", backup]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "an existing file is not overwritten"
    );

    let restored = dir.path().join("restored.sqlite3");
    let o = heyat(&["--db", restored.to_str().unwrap(), "restore", backup]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = heyat(&["--db", restored.to_str().unwrap(), "audit", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("سالم"));
}

#[test]
fn bad_arguments_get_a_persian_message_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite3");
    let db = db.to_str().unwrap();
    for (args, expect) in [
        (vec!["frobnicate"], "شناخته نیست"),
        (vec!["search"], "لازم است"),
        (vec!["demo", "--cases", "abc"], "پذیرفته نیست"),
        (vec!["demo", "--cases", "0"], "پذیرفته نیست"),
        (vec!["demo", "--bogus"], "شناخته نیست"),
        (vec!["audit"], "verify"),
        (vec!["search", "--", "\"*"], "واژه‌ای ندارد"),
        (vec!["restore", "/nonexistent/backup.sqlite3"], "پیدا نشد"),
        (vec!["backup", "/tmp/never.sqlite3"], "پیدا نشد"),
    ] {
        let mut full = vec!["--db", db];
        full.extend(&args);
        let o = heyat(&full);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(expect), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: one line");
    }
}

#[test]
fn restore_takes_back_only_an_earlier_state_unless_forced_and_never_under_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("heyat.sqlite3");
    let db = db.to_str().unwrap();
    let o = heyat(&["--db", db, "demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let backup = dir.path().join("backup.sqlite3");
    let backup = backup.to_str().unwrap();
    assert!(heyat(&["--db", db, "backup", backup]).status.success());
    // A backup of another database: refused, then forced.
    let other_dir = tempfile::tempdir().unwrap();
    let other = other_dir.path().join("heyat.sqlite3");
    let other = other.to_str().unwrap();
    assert!(
        heyat(&["--db", other, "demo", "--cases", "3"])
            .status
            .success()
    );
    let o = heyat(&["--db", other, "restore", backup]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(stderr(&o).trim_end().lines().count(), 1);
    let o = heyat(&["--db", other, "restore", "--force", backup]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("به‌اجبار"), "{}", stderr(&o));
    let o = heyat(&["--db", other, "audit", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The app holds the data folder: no restore, forced or not.
    let held = heyat_store::DataLock::acquire(dir.path()).unwrap();
    for args in [
        vec!["--db", db, "restore", backup],
        vec!["--db", db, "restore", "--force", backup],
    ] {
        let o = heyat(&args);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("ببندید"), "{}", stderr(&o));
    }
    drop(held);
    // An earlier state of the same database: restored.
    let o = heyat(&["--db", db, "restore", backup]);
    assert!(o.status.success(), "{}", stderr(&o));
}
