//! Loading and running the scenario files.

use serde_json::Value;
use std::path::PathBuf;

/// One scenario: a case and what the suggestion must contain.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub file: String,
    pub name: String,
    pub case: Value,
    pub expect: Option<Value>,
    /// For bad input: the field the error must name.
    pub error_field: Option<String>,
    pub steps_include: Vec<Value>,
    pub steps_exclude: Vec<String>,
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) if s == "null" => Value::Null,
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

pub fn scenario_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios")
}

/// Every scenario of every file, in file order.
pub fn load_all() -> Vec<Scenario> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenario_dir())
        .expect("tests/scenarios exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no scenario files");
    let mut out = Vec::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).expect("readable scenario file");
        let doc: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: not valid TOML: {e}"));
        let list = doc
            .get("scenario")
            .and_then(|v| v.as_array())
            .unwrap_or_else(|| panic!("{file}: no [[scenario]]"));
        for s in list {
            let t = s
                .as_table()
                .unwrap_or_else(|| panic!("{file}: scenario is not a table"));
            let name = t
                .get("name")
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("{file}: a scenario has no name"))
                .to_string();
            let case = toml_to_json(
                t.get("case")
                    .cloned()
                    .unwrap_or_else(|| panic!("{file}: {name}: no case")),
            );
            // `steps_include` / `steps_exclude` may sit inside [scenario.expect] (TOML puts
            // keys written under a table header into that table).
            let mut expect_table = t.get("expect").and_then(|v| v.as_table()).cloned();
            let mut from_expect = |key: &str| {
                expect_table
                    .as_mut()
                    .and_then(|e| e.remove(key))
                    .or_else(|| t.get(key).cloned())
            };
            let steps_include_v = from_expect("steps_include");
            let steps_exclude_v = from_expect("steps_exclude");
            let expect = expect_table.map(|e| toml_to_json(toml::Value::Table(e)));
            let error_field = t
                .get("error_field")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            assert!(
                expect.is_some() != error_field.is_some(),
                "{file}: {name}: give either [expect] or error_field"
            );
            let steps_include = steps_include_v
                .map(toml_to_json)
                .and_then(|v| v.as_array().cloned())
                .unwrap_or_default();
            let steps_exclude = steps_exclude_v
                .as_ref()
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            out.push(Scenario {
                file: file.clone(),
                name,
                case,
                expect,
                error_field,
                steps_include,
                steps_exclude,
            });
        }
    }
    out
}

/// Runs a scenario's case through `suggest_json`.
pub fn run(s: &Scenario) -> Result<Value, heyat_core::SuggestError> {
    let input = serde_json::to_string(&s.case).unwrap();
    heyat_core::suggest_json(&input)
        .map(|out| serde_json::from_str(&out).expect("suggest_json returns JSON"))
}

/// Whether `expected` is contained in `actual`: every key of an expected object present
/// with a contained value; arrays of equal length, element by element.
pub fn contained(expected: &Value, actual: &Value, path: &str, problems: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => contained(ev, av, &format!("{path}.{k}"), problems),
                    None => problems.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                problems.push(format!(
                    "{path}: {} items, expected {}: {}",
                    a.len(),
                    e.len(),
                    actual
                ));
                return;
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                contained(ev, av, &format!("{path}[{i}]"), problems);
            }
        }
        (e, a) => {
            if e != a {
                problems.push(format!("{path}: {a}, expected {e}"));
            }
        }
    }
}
