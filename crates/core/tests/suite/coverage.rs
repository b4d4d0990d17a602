//! What the scenario files must reach (issue 3's list), and that every step cites law that
//! is stored with its text.

use super::common::{load_all, run};
use heyat_core::regulation::{Library, library};
use serde_json::Value;
use std::collections::BTreeSet;

/// Every suggestion the scenarios produce.
fn outputs() -> Vec<(String, Value)> {
    load_all()
        .iter()
        .filter(|s| s.error_field.is_none())
        .filter_map(|s| run(s).ok().map(|o| (format!("{} / {}", s.file, s.name), o)))
        .collect()
}

/// All steps of a suggestion, its comparison's included.
fn steps_of(out: &Value) -> Vec<Value> {
    let mut v = out["steps"].as_array().cloned().unwrap_or_default();
    v.extend(
        out["comparison"]["steps"]
            .as_array()
            .cloned()
            .unwrap_or_default(),
    );
    v
}

/// Problems with a step's citation: no article, an article or clause not stored, no text.
fn citation_problems(lib: &Library, step: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let article = step["article"].as_str().unwrap_or("");
    if article.is_empty() {
        problems.push(format!("a step has no article: {step}"));
        return problems;
    }
    match lib.article(article) {
        Some(a) if !a.text_fa.trim().is_empty() => {}
        Some(_) => problems.push(format!("{article} has no text")),
        None => problems.push(format!("{article} is not a stored article")),
    }
    if let Some(clause) = step["clause"].as_str() {
        if !clause.starts_with(&format!("{article}:")) {
            problems.push(format!("clause {clause} is not in {article}"));
        }
        match lib.get(clause) {
            Some(p) if !p.text_fa().trim().is_empty() => {}
            _ => problems.push(format!("clause {clause} is not stored with text")),
        }
    }
    for key in ["reason_fa", "reason_en"] {
        if step[key].as_str().is_none_or(|s| s.trim().is_empty()) {
            problems.push(format!("a step citing {article} has no {key}"));
        }
    }
    problems
}

#[test]
fn every_step_cites_stored_law() {
    let lib = library().unwrap();
    let mut problems = Vec::new();
    let mut count = 0;
    for (label, out) in outputs() {
        for st in steps_of(&out) {
            count += 1;
            for p in citation_problems(lib, &st) {
                problems.push(format!("{label}: {p}"));
            }
        }
        for c in out["charges"].as_array().into_iter().flatten() {
            let id = c["violation"].as_str().unwrap_or("");
            if lib.get(id).is_none_or(|p| p.text_fa().trim().is_empty()) {
                problems.push(format!("{label}: charge {id} has no stored text"));
            }
        }
    }
    assert!(count > 100, "only {count} steps checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_citation_check_fails_on_an_uncited_or_textless_step() {
    let lib = library().unwrap();
    let good = serde_json::json!({"article": "1401:44", "clause": null, "reason_fa": "x", "reason_en": "x"});
    assert!(citation_problems(lib, &good).is_empty());
    for bad in [
        serde_json::json!({"article": "", "reason_fa": "x", "reason_en": "x"}),
        serde_json::json!({"article": "1401:99", "reason_fa": "x", "reason_en": "x"}),
        serde_json::json!({"article": "1401:30", "clause": "1401:30:z", "reason_fa": "x", "reason_en": "x"}),
        serde_json::json!({"article": "1401:30", "clause": "1401:30:a", "reason_fa": "", "reason_en": "x"}),
    ] {
        assert!(!citation_problems(lib, &bad).is_empty(), "{bad}");
    }
}

#[test]
fn every_citation_the_engine_can_make_has_text() {
    let lib = library().unwrap();
    for id in heyat_core::engine::CITATIONS {
        let p = lib.get(id).unwrap_or_else(|| panic!("{id} is not stored"));
        assert!(!p.text_fa().trim().is_empty(), "{id} has no text");
    }
}

#[test]
fn scenarios_cover_every_clause_of_arts_34_to_40() {
    let lib = library().unwrap();
    let seen: BTreeSet<String> = outputs()
        .iter()
        .flat_map(|(_, o)| o["charges"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["violation"].as_str().map(str::to_string))
        .collect();
    let mut missing = Vec::new();
    for art in 34..=40 {
        for c in &lib.article(&format!("1401:{art}")).unwrap().clause {
            if !seen.contains(&c.id) {
                missing.push(c.id.clone());
            }
        }
    }
    assert!(missing.is_empty(), "no scenario for {missing:?}");
}

#[test]
fn scenarios_cover_bars_articles_and_older_codes() {
    let outs = outputs();
    let bars: BTreeSet<String> = outs
        .iter()
        .flat_map(|(_, o)| o["charges"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["barred"]["reason"].as_str().map(str::to_string))
        .collect();
    for reason in ["res_judicata", "limitation", "separation", "death"] {
        assert!(bars.contains(reason), "no scenario bars by {reason}");
    }
    let articles: BTreeSet<String> = outs
        .iter()
        .flat_map(|(_, o)| steps_of(o))
        .filter_map(|s| s["article"].as_str().map(str::to_string))
        .collect();
    for a in [
        "1401:30", "1401:31", "1401:32", "1401:33", "1401:41", "1401:42", "1401:43", "1401:44",
        "1401:45", "1396:36", "1396:38", "1392:24", "1392:26",
    ] {
        assert!(articles.contains(a), "no scenario applies {a}");
    }
    for code in ["1396", "1392"] {
        assert!(
            outs.iter().any(|(_, o)| o["regulation"] == code),
            "no scenario under the {code} code"
        );
    }
    assert!(
        outs.iter()
            .any(|(_, o)| o["comparison"]["more_lenient"].is_string()),
        "no scenario compares with the current code"
    );
}

/// Citations out of time: a case decided before the 1401 code came into force cites none of
/// it, nor a bar's article (Revision 2 applies Art 30 only from that day).
#[test]
fn nothing_decided_before_1401_cites_the_1401_code() {
    let first_day = library()
        .unwrap()
        .regulation("1401")
        .unwrap()
        .regulation
        .in_force_from;
    let mut checked = 0;
    for s in load_all().iter().filter(|s| s.error_field.is_none()) {
        let decided = s.case["decided_on"].as_str().unwrap_or_default();
        let Ok(day) = heyat_core::JalaliDate::parse(decided) else {
            continue;
        };
        if day >= first_day {
            continue;
        }
        let out = run(s).unwrap();
        checked += 1;
        for st in steps_of(&out) {
            let art = st["article"].as_str().unwrap_or_default();
            assert!(
                !art.starts_with("1401:"),
                "{} / {}: a case decided on {decided} cites {art}: {st}",
                s.file,
                s.name
            );
        }
        let bars = std::iter::once(&out["bar"]).chain(
            out["charges"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| &c["barred"]),
        );
        for bar in bars {
            let art = bar["article"].as_str().unwrap_or_default();
            assert!(
                !art.starts_with("1401:"),
                "{} / {}: a bar of a case decided on {decided} cites {art}",
                s.file,
                s.name
            );
        }
    }
    assert!(
        checked >= 20,
        "only {checked} scenarios decided before 1401/05/23"
    );
}

/// Every grade of every code has its penalty as data, with the clause that words it.
#[test]
fn every_grade_of_every_code_has_its_penalty() {
    let lib = library().unwrap();
    for (code, top, article) in [
        ("1401", 7, "1401:29"),
        ("1396", 6, "1396:35"),
        ("1392", 6, "1392:23"),
    ] {
        for g in 1..=top {
            let p = lib
                .penalty(code, g)
                .unwrap_or_else(|| panic!("{code} grade {g} has no penalty"));
            assert_eq!(p.clause, format!("{article}:{g}"), "{code} grade {g}");
            assert!(lib.clause(&p.clause).is_some(), "{}", p.clause);
            assert!(!p.title_fa.is_empty());
        }
        assert!(lib.penalty(code, top + 1).is_none());
    }
    use heyat_core::regulation::PenaltyKind::*;
    let kind = |c: &str, g| lib.penalty(c, g).unwrap().kind;
    assert_eq!(
        (kind("1401", 6), kind("1396", 6), kind("1392", 6)),
        (Suspension, Revocation, Revocation)
    );
    assert_eq!(lib.penalty("1396", 5).unwrap().term_months, Some([3, 24]));
    assert_eq!(lib.penalty("1401", 5).unwrap().term_months, Some([3, 12]));
    assert_eq!(lib.penalty("1401", 6).unwrap().least_months(), Some(13));
}

/// Every reading a step can carry is one of the engine's list, and each is written in
/// `regulations/README.md` with both readings, so a lawyer sees where the software chose.
#[test]
fn every_reading_is_listed_and_every_scenario_reading_is_known() {
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../regulations/README.md"),
    )
    .unwrap();
    let known: BTreeSet<&str> = heyat_core::engine::readings::ALL
        .iter()
        .map(|r| r.id)
        .collect();
    for r in heyat_core::engine::readings::ALL {
        assert!(
            readme.contains(&format!("`{}`", r.id)),
            "README lacks reading {}",
            r.id
        );
        assert!(
            r.fa.contains("قرائت دیگر"),
            "{} names no other reading",
            r.id
        );
        assert!(
            r.en.contains("other reading"),
            "{} names no other reading in English",
            r.id
        );
    }
    let mut seen = BTreeSet::new();
    for (label, out) in outputs() {
        for st in steps_of(&out) {
            if let Some(id) = st["reading"]["id"].as_str() {
                assert!(known.contains(id), "{label}: unknown reading {id}");
                seen.insert(id.to_string());
            }
        }
    }
    for id in &known {
        assert!(seen.contains(*id), "no scenario reaches reading {id}");
    }
}
