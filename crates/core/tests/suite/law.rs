//! Scenario files for the rules outside the engine's suggestion:
//! - `tests/scenarios/ranking/*.toml`: index 7 of the 1404 ranking instruction for an office's
//!   convictions in an evaluation period (`convictions`: `{ grade, regulation }` or
//!   `{ crime_grade, intentional, revoked_licence }`), expecting `score`,
//!   `rank_levels_down_max` and each conviction's clause (`clauses`, `"none"` for excepted);
//! - `tests/scenarios/composition/*.toml`: who may take which seat (Arts 23–25), expecting
//!   `allowed` or a piece of the Persian refusal.

use heyat_core::board::{BoardKind, Candidate, MemberKind, Seat, check_seat};
use heyat_core::engine::Code;
use heyat_core::engine::ranking::{RankingConviction, index7};
use heyat_core::regulation::library;
use serde::Deserialize;
use std::path::PathBuf;

fn files(dir: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/scenarios")
        .join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no scenario files in {}", dir.display());
    paths
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RankingFile {
    scenario: Vec<RankingScenario>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RankingScenario {
    title: String,
    convictions: Vec<ConvictionIn>,
    score: u32,
    #[serde(default)]
    rank_levels_down_max: u32,
    clauses: Vec<String>,
    /// A piece of the first effect's Persian reason.
    #[serde(default)]
    reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConvictionIn {
    grade: Option<u8>,
    regulation: Option<String>,
    crime_grade: Option<u8>,
    #[serde(default)]
    intentional: bool,
    #[serde(default)]
    revoked_licence: bool,
}

#[test]
fn every_ranking_scenario_holds() {
    let lib = library().unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, text) in files("ranking") {
        let parsed: RankingFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        for s in parsed.scenario {
            count += 1;
            let convictions: Vec<RankingConviction> = s
                .convictions
                .iter()
                .map(|c| match (c.grade, c.crime_grade) {
                    (Some(grade), None) => RankingConviction::Disciplinary {
                        grade,
                        regulation: Code::from_id(c.regulation.as_deref().unwrap_or("1401"))
                            .expect("a code id"),
                    },
                    (None, Some(crime_grade)) => RankingConviction::Criminal {
                        crime_grade,
                        intentional: c.intentional,
                        revoked_licence: c.revoked_licence,
                    },
                    _ => panic!(
                        "{file}: {}: a conviction is a grade or a crime_grade",
                        s.title
                    ),
                })
                .collect();
            let out = index7(lib, &convictions).unwrap();
            let clauses: Vec<String> = out
                .effects
                .iter()
                .map(|e| e.clause.clone().unwrap_or_else(|| "none".into()))
                .collect();
            if (out.score, out.rank_levels_down_max, &clauses)
                != (s.score, s.rank_levels_down_max, &s.clauses)
            {
                failures.push(format!(
                    "{file}: {}: got score {}, levels {}, clauses {clauses:?}",
                    s.title, out.score, out.rank_levels_down_max
                ));
            }
            if let Some(piece) = &s.reason
                && !out
                    .effects
                    .first()
                    .is_some_and(|e| e.reason_fa.contains(piece.as_str()))
            {
                failures.push(format!("{file}: {}: the reason lacks «{piece}»", s.title));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(count >= 8, "only {count} ranking scenarios");
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompositionFile {
    scenario: Vec<CompositionScenario>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompositionScenario {
    title: String,
    board: BoardKind,
    seat: Seat,
    kind: MemberKind,
    judicial_grade: Option<u8>,
    #[serde(default)]
    on_kanoon_directors: bool,
    manages_office: Option<String>,
    allowed: bool,
    refused: Option<String>,
}

#[test]
fn every_composition_scenario_holds() {
    let mut failures = Vec::new();
    for (file, text) in files("composition") {
        let parsed: CompositionFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        for s in parsed.scenario {
            let who = Candidate {
                kind: s.kind,
                judicial_grade: s.judicial_grade,
                on_kanoon_directors: s.on_kanoon_directors,
                manages_office: s.manages_office.clone(),
            };
            match (check_seat(s.board, s.seat, &who), s.allowed) {
                (Ok(()), true) => {}
                (Ok(()), false) => failures.push(format!("{file}: {}: allowed", s.title)),
                (Err(e), true) => failures.push(format!("{file}: {}: refused: {e}", s.title)),
                (Err(e), false) => {
                    if let Some(piece) = &s.refused
                        && !e.to_string().contains(piece.as_str())
                    {
                        failures.push(format!("{file}: {}: «{e}» lacks «{piece}»", s.title));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
