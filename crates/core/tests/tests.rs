//! The engine's tests from the outside: the contract, the scenario files a lawyer can read
//! and extend (`tests/scenarios/*.toml`), the coverage of the code they must reach, the
//! citations, robustness against malformed input, and the proceedings' scenario files
//! (`tests/scenarios/proceedings/*.toml`: appeal, finality, deliberation), and who may do
//! what (`tests/scenarios/access/*.toml`); the ranking index and the board's composition
//! (`tests/scenarios/ranking/`, `tests/scenarios/composition/`).

#[path = "suite/access.rs"]
mod access;
#[path = "suite/common.rs"]
mod common;
#[path = "suite/contract.rs"]
mod contract;
#[path = "suite/coverage.rs"]
mod coverage;
#[path = "suite/law.rs"]
mod law;
#[path = "suite/proceedings.rs"]
mod proceedings;
#[path = "suite/robustness.rs"]
mod robustness;
#[path = "suite/scenarios.rs"]
mod scenarios;
