//! Runs every scenario file: each case's suggestion must contain what `[expect]` says, or
//! the input must be refused naming `error_field`.

use super::common::{contained, load_all, run};
use serde_json::Value;

#[test]
fn every_scenario_holds() {
    let scenarios = load_all();
    let mut failures = Vec::new();
    for s in &scenarios {
        let label = format!("{} / {}", s.file, s.name);
        match (run(s), &s.error_field) {
            (Ok(out), None) => {
                let mut problems = Vec::new();
                if let Some(expect) = &s.expect {
                    contained(expect, &out, "", &mut problems);
                }
                let steps = out["steps"].as_array().cloned().unwrap_or_default();
                for want in &s.steps_include {
                    let found = steps.iter().any(|st| {
                        let mut p = Vec::new();
                        contained(want, st, "", &mut p);
                        p.is_empty()
                    });
                    if !found {
                        problems.push(format!("no step like {want}"));
                    }
                }
                for art in &s.steps_exclude {
                    if steps
                        .iter()
                        .any(|st| st["article"] == Value::String(art.clone()))
                    {
                        problems.push(format!("a step cites {art}, none should"));
                    }
                }
                if !problems.is_empty() {
                    failures.push(format!("{label}:\n    {}", problems.join("\n    ")));
                }
            }
            (Ok(out), Some(field)) => failures.push(format!(
                "{label}: expected an error naming {field}, got a suggestion: {}",
                out["grade"]
            )),
            (Err(e), None) => failures.push(format!("{label}: refused: {e}")),
            (Err(e), Some(field)) => {
                if &e.field != field {
                    failures.push(format!(
                        "{label}: error names {}, expected {field}: {e}",
                        e.field
                    ));
                }
                if e.to_string().contains('\n') || e.message.trim().is_empty() {
                    failures.push(format!("{label}: error is not one line: {e:?}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        scenarios.len(),
        failures.join("\n")
    );
    eprintln!("{} scenarios hold", scenarios.len());
}
