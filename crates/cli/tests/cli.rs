//! The `heyat` binary from the outside: what other systems and scripts rely on.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn heyat(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_heyat"))
        .args(args)
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

#[test]
fn suggest_reads_standard_input_and_prints_json() {
    let out = heyat(
        &["suggest", "-"],
        r#"{"decided_on":"1403/07/01","charges":[{"violation":"absence","days":5,"committed_on":"1403/03/01"}]}"#,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["charges"][0]["violation"], "1401:38:g");
    assert_eq!(json["grade"]["min"], 5);
}

#[test]
fn bad_input_is_one_line_on_stderr_and_exit_2() {
    let out = heyat(
        &["suggest", "-"],
        r#"{"decided_on":"1402/12/30","charges":[]}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("decided_on"), "{err}");
}

#[test]
fn unknown_arguments_exit_2() {
    let out = heyat(&["no-such-command"], "");
    assert_eq!(out.status.code(), Some(2));
    let out = heyat(&["render", "no-such-document", "--example"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-document"));
}
