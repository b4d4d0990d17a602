//! Runs the scenario files of the proceedings (`tests/scenarios/proceedings/*.toml`): who may
//! appeal what and until when, when a ruling becomes final, and how the session's votes are
//! read. Each `[[scenario]]` has a Persian `title`, the facts, one thing to do, and what must
//! come of it (`[scenario.expect]`); a failure names the file and the title.
//!
//! The things to do, each checked against `heyat_core::proceedings`:
//! - `appeal = { by, on }`: `check_appeal` of the `ruling` served as `served` lists;
//! - `serve = { to, on }`: `after_service`;
//! - `today = "…"`: `is_final_by` (with `appealed_in_time`);
//! - `choices = [...]`: `majority` of `sitting` members (3 unless given);
//! - `vote = { kind, choice, range = [min, max, lowest_with_mitigation] }`: `grade_choice`;
//! - `votes = [{ kind, charge, member, choice, dissent }]`: `seed_ruling`;
//! - `charges = [{ id, title }]`: `questions_for`;
//! - `is_yes = "…"`: `is_yes`.
//! - `docket = { board, present, chair, cases = [{ id, number, board, status }], recusals =
//!   [{ case, seat, votes_cast, chair }] }`: `open_sitting`, then each recusal in order
//!   (`Docket::recuse`); `expect.heard` lists the case ids in order, `expect.sat` each case's
//!   three roster seats (`{ case, seats, chair }`).
//! - `[scenario.summons]` (`act` = `issue`, `serve` or `defence`, with `today`, the `session`
//!   day and the summons as recorded): `summons::check_issue`, `check_service`,
//!   `check_defence`; `expect.deadline` is the last day to defend, `expect.late` and
//!   `expect.too_soon` what the defence and the service are marked.
//!
//! `expect.may_appeal` lists who may appeal the `ruling` (`appealable_by`); `expect.refused`
//! is a piece of the Persian message the refusal must contain.

use heyat_core::CaseStatus;
use heyat_core::board::Seat;
use heyat_core::date::JalaliDate;
use heyat_core::engine::GradeRange;
use heyat_core::proceedings::{
    self as p, AfterService, CastVote, Party, QuestionKind, RulingFacts, RulingOutcome,
    RulingStatus, Service, Stage,
};
use heyat_core::session::Attendance;
use serde::Deserialize;
use serde_json::Value;
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
    #[serde(default)]
    holidays: Vec<JalaliDate>,
    ruling: Option<Ruling>,
    #[serde(default)]
    served: Vec<Service>,
    appeal: Option<AppealAct>,
    serve: Option<Service>,
    today: Option<JalaliDate>,
    #[serde(default)]
    appealed_in_time: bool,
    choices: Option<Vec<String>>,
    #[serde(default = "three")]
    sitting: usize,
    vote: Option<VoteAct>,
    votes: Option<Vec<VoteRow>>,
    charges: Option<Vec<ChargeRow>>,
    is_yes: Option<String>,
    docket: Option<DocketAct>,
    summons: Option<SummonsAct>,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocketAct {
    #[serde(default = "one")]
    board: i64,
    present: Vec<Seat>,
    chair: Seat,
    cases: Vec<DocketRow>,
    #[serde(default)]
    recusals: Vec<RecusalRow>,
}

fn one() -> i64 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocketRow {
    id: i64,
    number: String,
    #[serde(default = "one")]
    board: i64,
    #[serde(default = "scheduled")]
    status: CaseStatus,
}

fn scheduled() -> CaseStatus {
    CaseStatus::Scheduled
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecusalRow {
    case: i64,
    seat: Seat,
    #[serde(default)]
    votes_cast: bool,
    chair: Option<Seat>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SatRow {
    case: i64,
    seats: Vec<Seat>,
    chair: Option<Seat>,
}

/// A summons to issue, serve, or answer (`act`), on `today`; the case and the summons as
/// recorded before it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SummonsAct {
    act: String,
    today: JalaliDate,
    /// The session day the summons names.
    session: JalaliDate,
    /// When the summons was issued (`serve`, `defence`); `today` unless given.
    issued: Option<JalaliDate>,
    #[serde(default = "scheduled")]
    status: heyat_core::CaseStatus,
    #[serde(default = "one_charge")]
    charges: usize,
    /// The day a ruling of the case was signed, if one was.
    signed: Option<JalaliDate>,
    /// The service on record (`defence`, or a second `serve`).
    served: Option<JalaliDate>,
    /// A defence on record already.
    received: Option<JalaliDate>,
    /// The day of the service or of the defence recorded now.
    on: Option<JalaliDate>,
}

fn one_charge() -> usize {
    1
}

fn three() -> usize {
    3
}

/// A ruling's facts; by default a signed first-instance ruling signed on 1403/07/01.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ruling {
    #[serde(default = "first_instance")]
    stage: Stage,
    #[serde(default = "signed")]
    status: RulingStatus,
    outcome: Option<RulingOutcome>,
    grade: Option<u8>,
    acquitted_charge_grade: Option<u8>,
    #[serde(default = "signed_on")]
    signed_on: Option<JalaliDate>,
    /// The code that judged the case (`"1396"`); absent reads as 1401.
    regulation: Option<String>,
}

fn first_instance() -> Stage {
    Stage::FirstInstance
}
fn signed() -> RulingStatus {
    RulingStatus::Signed
}
fn signed_on() -> Option<JalaliDate> {
    JalaliDate::parse("1403/07/01").ok()
}

impl Ruling {
    fn facts(&self) -> RulingFacts {
        RulingFacts {
            stage: self.stage,
            status: self.status,
            outcome: self.outcome,
            grade: self.grade,
            acquitted_charge_grade: self.acquitted_charge_grade,
            signed_on: self.signed_on,
            regulation: self
                .regulation
                .as_deref()
                .map(|r| heyat_core::engine::Code::from_id(r).expect("a code id")),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AppealAct {
    by: Party,
    on: JalaliDate,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteAct {
    kind: QuestionKind,
    choice: String,
    /// `[min, max]` or `[min, max, lowest_with_mitigation]`.
    range: Option<Vec<u8>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteRow {
    kind: QuestionKind,
    charge: Option<i64>,
    question: Option<String>,
    member: i64,
    choice: String,
    dissent: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChargeRow {
    id: i64,
    title: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    may_appeal: Option<Vec<Party>>,
    /// A piece of the Persian message of the refusal.
    refused: Option<String>,
    deadline: Option<JalaliDate>,
    /// The service starts no deadline for this recipient.
    no_deadline: Option<bool>,
    final_now: Option<bool>,
    is_final: Option<bool>,
    /// The majority's choice, or "none".
    majority: Option<String>,
    choice: Option<String>,
    yes: Option<bool>,
    /// Keys of the `RulingSeed` as JSON; the string "none" stands for null.
    seed: Option<Value>,
    questions: Option<Vec<String>>,
    /// The docket's case ids in order.
    heard: Option<Vec<i64>>,
    /// Who sits (roster seats, place by place) and chairs each case of the docket.
    sat: Option<Vec<SatRow>>,
    /// The defence came after the last day to defend.
    late: Option<bool>,
    /// The summons was served too late for the ten days to end before the session.
    too_soon: Option<bool>,
}

fn scenario_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios/proceedings")
}

fn load() -> Vec<(String, Scenario)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenario_dir())
        .expect("tests/scenarios/proceedings exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no proceedings scenario files");
    let mut out = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).expect("readable scenario file");
        let file: File =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: not a scenario file: {e}"));
        out.extend(file.scenario.into_iter().map(|s| (name.clone(), s)));
    }
    out
}

/// Compares a refusal or an answer with what is expected.
fn outcome<T>(
    got: Result<T, p::ProceedingError>,
    refused: &Option<String>,
    problems: &mut Vec<String>,
) -> Option<T> {
    match (got, refused) {
        (Ok(v), None) => Some(v),
        (Ok(_), Some(want)) => {
            problems.push(format!("accepted; expected a refusal saying «{want}»"));
            None
        }
        (Err(e), None) => {
            problems.push(format!("refused: {e}"));
            None
        }
        (Err(e), Some(want)) => {
            let message = e.to_string();
            if !message.contains(want.as_str()) {
                problems.push(format!("refused with «{message}», expected «{want}»"));
            }
            if message.contains('\n') || !message.ends_with('.') {
                problems.push(format!("the message is not one sentence: «{message}»"));
            }
            None
        }
    }
}

fn null_for_none(v: Value) -> Value {
    match v {
        Value::String(s) if s == "none" => Value::Null,
        Value::Array(a) => Value::Array(a.into_iter().map(null_for_none).collect()),
        other => other,
    }
}

/// Runs one scenario; answers what went wrong and how many expectations were checked.
fn run(s: &Scenario) -> (Vec<String>, usize) {
    let mut problems = Vec::new();
    let mut checked = 0;
    let e = &s.expect;
    let facts = s.ruling.as_ref().map(Ruling::facts);
    let mut actions = 0;

    if let (Some(facts), Some(want)) = (&facts, &e.may_appeal) {
        checked += 1;
        let may: Vec<Party> = Party::ALL
            .into_iter()
            .filter(|&who| p::appealable_by(facts, who))
            .collect();
        if &may != want {
            problems.push(format!("may appeal: {may:?}, expected {want:?}"));
        }
        if p::nobody_may_appeal(facts) != want.is_empty() {
            problems.push("nobody_may_appeal disagrees with appealable_by".into());
        }
    }

    if let Some(act) = &s.appeal {
        actions += 1;
        let facts = facts.expect("an appeal needs a ruling");
        let got = p::check_appeal(&facts, act.by, &s.served, act.on, &s.holidays);
        checked += usize::from(e.refused.is_some());
        if let Some(deadline) = outcome(got, &e.refused, &mut problems)
            && let Some(want) = e.deadline
        {
            checked += 1;
            if deadline != want {
                problems.push(format!("deadline {deadline}, expected {want}"));
            }
        }
    }

    if let Some(service) = &s.serve {
        actions += 1;
        let facts = facts.expect("a service needs a ruling");
        let got = p::after_service(&facts, service.to, service.on, &s.holidays);
        checked += usize::from(e.refused.is_some());
        if let Some(after) = outcome(got, &e.refused, &mut problems) {
            let (final_now, deadline) = match after {
                AfterService::FinalNow => (true, None),
                AfterService::Runs { deadline } => (false, deadline),
            };
            if let Some(want) = e.final_now {
                checked += 1;
                if final_now != want {
                    problems.push(format!("final at once: {final_now}, expected {want}"));
                }
            }
            if let Some(want) = e.deadline {
                checked += 1;
                if deadline != Some(want) {
                    problems.push(format!("deadline {deadline:?}, expected {want}"));
                }
            }
            if e.no_deadline == Some(true) {
                checked += 1;
                if deadline.is_some() {
                    problems.push(format!("deadline {deadline:?}, expected none"));
                }
            }
        }
    }

    if let Some(today) = s.today {
        actions += 1;
        let facts = facts.expect("finality needs a ruling");
        let got = p::is_final_by(&facts, &s.served, s.appealed_in_time, &s.holidays, today);
        if let Some(want) = e.is_final {
            checked += 1;
            if got != want {
                problems.push(format!("final on {today}: {got}, expected {want}"));
            }
        }
    }

    if let Some(choices) = &s.choices {
        actions += 1;
        let refs: Vec<&str> = choices.iter().map(String::as_str).collect();
        let got = p::majority(&refs, s.sitting).unwrap_or("none");
        if let Some(want) = &e.majority {
            checked += 1;
            if got != want {
                problems.push(format!("majority «{got}», expected «{want}»"));
            }
        }
    }

    if let Some(vote) = &s.vote {
        actions += 1;
        let range = vote.range.as_ref().map(|r| GradeRange {
            min: r[0],
            max: r[1],
            lowest_with_mitigation: r.get(2).copied(),
        });
        let got = p::grade_choice(vote.kind, &vote.choice, range.as_ref());
        checked += usize::from(e.refused.is_some());
        if let Some(choice) = outcome(got, &e.refused, &mut problems)
            && let Some(want) = &e.choice
        {
            checked += 1;
            if &choice != want {
                problems.push(format!("kept as «{choice}», expected «{want}»"));
            }
        }
    }

    if let Some(rows) = &s.votes {
        actions += 1;
        let votes: Vec<CastVote> = rows
            .iter()
            .map(|r| CastVote {
                kind: r.kind,
                charge_id: r.charge,
                question: r
                    .question
                    .clone()
                    .unwrap_or_else(|| format!("{}:{:?}", r.kind.code(), r.charge)),
                member_id: r.member,
                choice: r.choice.clone(),
                dissent: r.dissent.clone(),
            })
            .collect();
        let seed = serde_json::to_value(p::seed_ruling(&votes, s.sitting)).unwrap();
        if let Some(Value::Object(want)) = &e.seed {
            for (key, value) in want {
                checked += 1;
                let value = null_for_none(value.clone());
                match seed.get(key) {
                    Some(got) if *got == value => {}
                    Some(got) => problems.push(format!("seed.{key}: {got}, expected {value}")),
                    None => problems.push(format!("seed has no {key}")),
                }
            }
        }
    }

    if let Some(charges) = &s.charges {
        actions += 1;
        let input: Vec<(i64, String)> = charges.iter().map(|c| (c.id, c.title.clone())).collect();
        let questions = p::questions_for(&input);
        if let Some(want) = &e.questions {
            checked += 1;
            let texts: Vec<&str> = questions.iter().map(|q| q.text_fa.as_str()).collect();
            if texts != *want {
                problems.push(format!("questions {texts:?}, expected {want:?}"));
            }
            for (q, c) in questions.iter().zip(charges) {
                if q.kind != QuestionKind::Guilt || q.charge_id != Some(c.id) {
                    problems.push(format!(
                        "question «{}» is not of guilt on {}",
                        q.text_fa, c.id
                    ));
                }
            }
        }
    }

    if let Some(choice) = &s.is_yes {
        actions += 1;
        if let Some(want) = e.yes {
            checked += 1;
            if p::is_yes(choice) != want {
                problems.push(format!("is_yes(«{choice}») is not {want}"));
            }
        }
    }

    if let Some(d) = &s.docket {
        actions += 1;
        checked += usize::from(e.refused.is_some());
        let cases: Vec<p::DocketCase> = d
            .cases
            .iter()
            .map(|c| p::DocketCase {
                case_id: c.id,
                number: c.number.clone(),
                board_id: c.board,
                status: c.status,
            })
            .collect();
        let attendance = Attendance {
            present: d.present.clone(),
            recused: Vec::new(),
        };
        let got = p::open_sitting(d.board, &attendance, d.chair, &cases).and_then(|mut docket| {
            for r in &d.recusals {
                let number = cases
                    .iter()
                    .find(|c| c.case_id == r.case)
                    .map_or_else(|| r.case.to_string(), |c| c.number.clone());
                docket.recuse(r.case, &number, r.seat, r.votes_cast, r.chair)?;
            }
            Ok(docket)
        });
        if let Some(docket) = outcome(got, &e.refused, &mut problems) {
            if let Some(want) = &e.heard {
                checked += 1;
                let ids: Vec<i64> = docket.entries.iter().map(|e| e.case_id).collect();
                if &ids != want {
                    problems.push(format!("heard {ids:?}, expected {want:?}"));
                }
            }
            for want in e.sat.iter().flatten() {
                checked += 1;
                let Some(entry) = docket.entry(want.case) else {
                    problems.push(format!("case {} is not on the docket", want.case));
                    continue;
                };
                let seats: Vec<Seat> = entry.sitting.places().iter().map(|p| p.filled_by).collect();
                if seats != want.seats {
                    problems.push(format!(
                        "case {}: sat {seats:?}, expected {:?}",
                        want.case, want.seats
                    ));
                }
                if let Some(chair) = want.chair
                    && entry.chair != chair
                {
                    problems.push(format!(
                        "case {}: chaired by {:?}, expected {chair:?}",
                        want.case, entry.chair
                    ));
                }
            }
        }
    }
    if let Some(act) = &s.summons {
        actions += 1;
        checked += usize::from(e.refused.is_some());
        run_summons(act, &s.holidays, e, &mut problems, &mut checked);
    }

    if actions > 1 {
        problems.push("give one thing to do per scenario".into());
    }
    (problems, checked)
}

/// One summons act, checked against `heyat_core::proceedings::summons`.
fn run_summons(
    act: &SummonsAct,
    holidays: &[JalaliDate],
    e: &Expect,
    problems: &mut Vec<String>,
    checked: &mut usize,
) {
    use p::summons as s;
    let facts = s::SummonsFacts {
        issued_on: act.issued.unwrap_or(act.today),
        session_on: act.session,
        served_on: act.served,
        defence_received_on: act.received,
    };
    let mut expect_due = |due: JalaliDate, problems: &mut Vec<String>| {
        if let Some(want) = e.deadline {
            *checked += 1;
            if due != want {
                problems.push(format!("last day to defend {due}, expected {want}"));
            }
        }
    };
    match act.act.as_str() {
        "issue" => {
            let case = s::CaseForSummons {
                status: act.status,
                charges: act.charges,
                ruling_signed: act.signed.is_some(),
            };
            let got = s::check_issue(&case, act.session, act.today, holidays)
                .map_err(p::ProceedingError::from);
            if let Some(due) = outcome(got, &e.refused, problems) {
                expect_due(due, problems);
            }
        }
        "serve" => {
            let on = act.on.expect("serve needs `on`");
            let got =
                s::check_service(&facts, on, act.today, holidays).map_err(p::ProceedingError::from);
            if let Some(after) = outcome(got, &e.refused, problems) {
                expect_due(after.defence_due, problems);
                if let Some(want) = e.too_soon {
                    *checked += 1;
                    if after.session_too_soon != want {
                        problems.push(format!(
                            "session too soon: {}, expected {want}",
                            after.session_too_soon
                        ));
                    }
                }
            }
        }
        "defence" => {
            let on = act.on.expect("defence needs `on`");
            let got = s::check_defence(&facts, on, act.today, act.signed, holidays)
                .map_err(p::ProceedingError::from);
            if let Some(late) = outcome(got, &e.refused, problems)
                && let Some(want) = e.late
            {
                *checked += 1;
                if late != want {
                    problems.push(format!("late: {late}, expected {want}"));
                }
            }
        }
        other => problems.push(format!("unknown summons act «{other}»")),
    }
}

#[test]
fn every_proceedings_scenario_holds() {
    let scenarios = load();
    let mut failures = Vec::new();
    for (file, s) in &scenarios {
        let (problems, checked) = run(s);
        if checked == 0 {
            failures.push(format!("{file} / {}: expects nothing", s.title));
        } else if !problems.is_empty() {
            failures.push(format!(
                "{file} / {}:\n    {}",
                s.title,
                problems.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} proceedings scenarios failed:\n{}",
        failures.len(),
        scenarios.len(),
        failures.join("\n")
    );
    eprintln!("{} proceedings scenarios hold", scenarios.len());
}
