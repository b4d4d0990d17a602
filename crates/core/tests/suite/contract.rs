//! What `../shared/checks/suggest-contract` checks, on `suggest_json` directly (the CLI adds
//! only reading the file, printing and the exit code).

use serde_json::{Value, json};

fn example() -> Value {
    json!({
      "decided_on": "1403/07/01", "regulation": "auto",
      "manager": {"deceased": false, "permanently_separated": false},
      "charges": [
        {"violation": "1401:36:a", "committed_on": "1403/02/10"},
        {"violation": "absence", "days": 5, "committed_on": "1403/03/01", "last_prosecution_act_on": "1403/04/01"},
        {"violation": "1401:41", "grade": 3, "committed_on": "1403/01/05"},
        {"violation": "1401:35:b", "committed_on": "1402/01/01", "res_judicata": true}],
      "record": [{"grade": 3, "regulation": "1396", "final_on": "1399/01/15", "carried_out_on": "1399/02/01"}],
      "complaint_withdrawn": false, "holidays": ["1403/07/28"],
      "decision": {"grade": 5, "notified_on": "1403/07/10"}
    })
}

fn get<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(v, |cur, part| &cur[part])
}

#[test]
fn checker_shape_and_values_on_the_example() {
    let out: Value =
        serde_json::from_str(&heyat_core::suggest_json(&example().to_string()).unwrap()).unwrap();
    assert!(get(&out, "regulation").is_string());
    assert!(get(&out, "outcome").is_string());
    assert!(get(&out, "charges").is_array());
    assert!(get(&out, "grade.min").is_u64());
    assert!(get(&out, "grade.max").is_u64());
    assert!(get(&out, "suspension.available").is_boolean());
    assert!(get(&out, "appeal.appealable").is_boolean());
    let steps = out["steps"].as_array().unwrap();
    assert!(!steps.is_empty());
    for st in steps {
        assert!(st["article"].is_string(), "{st}");
        assert!(st["mandatory"].is_boolean(), "{st}");
        assert!(
            st["reason_fa"].as_str().is_some_and(|s| !s.is_empty()),
            "{st}"
        );
        assert!(
            st["reason_en"].as_str().is_some_and(|s| !s.is_empty()),
            "{st}"
        );
    }
    for c in out["charges"].as_array().unwrap() {
        assert!(c["violation"].is_string());
        assert!(c["grade_range"].is_array());
        assert!(c["title_fa"].is_string());
    }
    assert_eq!(out["regulation"], "1401");
    assert_eq!(out["outcome"], "penalty");
    assert_eq!(
        out["grade"],
        json!({"min": 5, "max": 6, "lowest_with_mitigation": 3})
    );
    assert_eq!(out["appeal"]["deadline"], "1403/07/30");
    assert_eq!(out["charges"][1]["violation"], "1401:38:g");
    assert_eq!(out["charges"][1]["grade_range"], json!([5, 5]));
    assert_eq!(
        out["charges"][1]["title_fa"],
        "غیبت مدیر دفتر بیش از سه روز تا ده روز بدون عذر موجه"
    );
    assert!(out["comparison"].is_null());
    assert!(out["bar"].is_null());
}

#[test]
fn checker_bad_inputs() {
    let bad = [
        json!({"charges": [{"violation": "1401:34:a", "committed_on": "1403/02/10"}]}).to_string(),
        json!({"decided_on": "1403/07/01", "charges": [{"violation": "1401:34:z", "committed_on": "1403/02/10"}]}).to_string(),
        "{not json".to_string(),
    ];
    for input in bad {
        let e = heyat_core::suggest_json(&input).unwrap_err();
        let line = e.to_string();
        assert!(!line.trim().is_empty() && !line.contains('\n'), "{line:?}");
    }
}

#[test]
fn persian_digits_and_iso_dates_give_the_same_answer() {
    let latin = heyat_core::suggest_json(&example().to_string()).unwrap();
    let mut persian = example();
    persian["decided_on"] = json!("۱۴۰۳/۰۷/۰۱");
    persian["charges"][0]["committed_on"] = json!("2024-04-29"); // 1403/02/10
    persian["decision"]["notified_on"] = json!("١٤٠٣/٠٧/١٠");
    assert_eq!(
        heyat_core::suggest_json(&persian.to_string()).unwrap(),
        latin
    );
}
