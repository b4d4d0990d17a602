//! Runs the scenario files of who may do what (`tests/scenarios/access/*.toml`): a `caller`
//! (role, board, member), an `action` and the `scope` it touches (the file's board, the
//! session's chair, whether the chair is required); `expect.allowed`, and for a refusal a
//! piece of its Persian message (`expect.refused`). Checked against `Caller::may`.

use heyat_core::proceedings::{Action, Caller, Role, Scope};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    scenario: Vec<Scenario>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    title: String,
    caller: Who,
    action: Action,
    #[serde(default)]
    scope: Touches,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Who {
    role: Role,
    board: Option<i64>,
    member: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Touches {
    board: Option<i64>,
    chair: Option<i64>,
    #[serde(default)]
    chair_only: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    allowed: bool,
    refused: Option<String>,
}

#[test]
fn every_access_scenario_holds() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios/access");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/scenarios/access exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no access scenario files");
    let mut failures = Vec::new();
    let mut count = 0;
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).expect("readable scenario file");
        let file: File =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: not a scenario file: {e}"));
        for s in file.scenario {
            count += 1;
            let caller = Caller {
                account_id: 1,
                username: "u".into(),
                name: "ن".into(),
                role: s.caller.role,
                board_id: s.caller.board,
                member_id: s.caller.member,
            };
            let got = caller.may(
                s.action,
                Scope {
                    board_id: s.scope.board,
                    chair_member_id: s.scope.chair,
                    chair_only: s.scope.chair_only,
                },
            );
            let ok = match (&got, s.expect.allowed) {
                (Ok(()), true) => true,
                (Err(e), false) => s
                    .expect
                    .refused
                    .as_deref()
                    .is_none_or(|piece| e.to_string().contains(piece)),
                _ => false,
            };
            if !ok {
                failures.push(format!("{name}: «{}»: got {got:?}", s.title));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{count} scenarios, failed:\n{}",
        failures.join("\n")
    );
}
