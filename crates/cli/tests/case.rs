//! `heyat case …` run as a board's script would: a case registered against the demo's office
//! in Shahriar, heard, voted, drafted, signed by each member with their own account, served
//! and appealed from the command line; and refusals answered with one line on standard
//! error, exit code 2 and nothing saved.

use serde_json::Value;
use std::process::{Command, Output};

/// The day the demo is loaded and the case is worked on (1405/09/02).
const TODAY: &str = "2026-11-23";

fn heyat(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heyat"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("HEYAT_TODAY", TODAY)
        .env("USER", "case-test")
        .env("HEYAT_PASSWORD", heyat_store::DEMO_PASSWORD)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Runs a command that must succeed and answers its JSON.
fn json(db: &str, args: &[&str]) -> Value {
    let o = heyat(db, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{args:?}: {e}: {}", stdout(&o)))
}

/// Runs a command that must be refused: exit 2, nothing on standard output, one line on
/// standard error; answers that line.
fn refused(db: &str, args: &[&str]) -> String {
    let o = heyat(db, args);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{args:?}: {}", stdout(&o));
    let err = stderr(&o);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "{args:?}: one line: {err}"
    );
    err
}

fn demo(dir: &tempfile::TempDir) -> String {
    let db = dir.path().join("heyat.sqlite3");
    let db = db.to_str().unwrap().to_owned();
    let o = heyat(&db, &["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

/// A new case against the demo's office in Shahriar (one charge of 1401:38:b), scheduled
/// for today: the demo's own cases may have moved on (it seals one ruling when it loads).
fn scheduled_case(db: &str) -> String {
    let done = json(
        db,
        &[
            "case",
            "register",
            "--office",
            "11570031",
            "--kind",
            "violation_report",
            "--source",
            "inspection",
            "--received",
            "1405/08/20",
            "--summary",
            "انتشار تصویر اوراق قضایی مراجع",
            "--subject",
            "افشای اطلاعات اصحاب دعوا",
        ],
    );
    let number = done["case"]["number"].as_str().unwrap().to_owned();
    json(
        db,
        &[
            "case",
            "charge",
            &number,
            "--violation",
            "1401:38:b",
            "--committed",
            "1405/08/10",
            "--facts",
            "تصویر اوراق قضایی یک مراجع در فضای مجازی منتشر شده است.",
        ],
    );
    json(db, &["case", "schedule", &number, "--day", "1405/09/02"]);
    number
}

/// The number of the one demo case in `status` whose office has `code`.
fn case_number(db: &str, status: &str, office_code: &str) -> String {
    let list = json(db, &["cases", "--status", status, "--json"]);
    let found: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["office_code"] == office_code)
        .collect();
    assert_eq!(found.len(), 1, "{list}");
    found[0]["number"].as_str().unwrap().to_owned()
}

#[test]
fn the_demo_case_from_hearing_to_appeal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let db = db.as_str();
    // A scheduled case against the office of Shahriar, one charge of 1401:38:b.
    let number = scheduled_case(db);
    let file = json(db, &["case", "show", &number]);
    assert_eq!(file["case"]["status"], "scheduled");
    assert_eq!(file["charges"].as_array().unwrap().len(), 1);
    assert_eq!(file["charges"][0]["violation"], "1401:38:b");
    let charge = file["charges"][0]["id"].as_i64().unwrap().to_string();

    // Heard today with everyone present: the three principal members sit.
    let heard = json(db, &["case", "hear", &number, "--on", "1405/09/02"]);
    assert!(heard["session_id"].as_i64().is_some(), "{heard}");
    let sitting = heard["sitting"].as_array().unwrap();
    assert_eq!(sitting.len(), 3);
    let seats: Vec<&str> = sitting
        .iter()
        .map(|p| p["seat"].as_str().unwrap())
        .collect();
    assert_eq!(seats, ["judge_1", "judge_2", "representative"]);
    assert!(sitting.iter().all(|p| p["by_alternate"] == false));
    assert!(
        sitting
            .iter()
            .all(|p| !p["name"].as_str().unwrap().is_empty())
    );
    let members: Vec<String> = sitting
        .iter()
        .map(|p| p["member_id"].as_i64().unwrap().to_string())
        .collect();
    // Each member's demo account is named after their seat.
    let usernames: Vec<String> = seats.iter().map(|s| s.replace('_', "-")).collect();
    let votes =
        |choice: &str| -> Vec<String> { members.iter().map(|m| format!("{m}={choice}")).collect() };
    let with_votes = |head: &[&str], votes: &[String]| -> Vec<String> {
        let mut args: Vec<String> = head.iter().map(|s| s.to_string()).collect();
        for v in votes {
            args.push("--vote".into());
            args.push(v.clone());
        }
        args
    };

    // A grade the code does not allow for 1401:38:b is refused, and nothing is saved.
    let args = with_votes(
        &[
            "case",
            "vote",
            &number,
            "--kind",
            "grade",
            "--question",
            "درجهٔ مجازات",
        ],
        &votes("7"),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    refused(db, &args);
    let file = json(db, &["case", "show", &number]);
    assert_eq!(file["sessions"][0]["votes"], serde_json::json!([]));

    // Guilt, then grade 5, each decided by all three.
    let args = with_votes(
        &[
            "case",
            "vote",
            &number,
            "--kind",
            "guilt",
            "--charge",
            &charge,
            "--question",
            "آیا تخلف افشای اطلاعات اصحاب دعوا محرز است؟",
        ],
        &votes("محرز است"),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let count = json(db, &args);
    assert_eq!(count["decided"], "محرز است", "{count}");
    assert_eq!(count["awaiting"], serde_json::json!([]));
    let args = with_votes(
        &[
            "case",
            "vote",
            &number,
            "--kind",
            "grade",
            "--question",
            "درجهٔ مجازات",
        ],
        &votes("5"),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let count = json(db, &args);
    assert_eq!(count["decided"], "درجهٔ ۵", "{count}");

    // The ruling drafted from a JSON file, typeset beside the database.
    let draft = dir.path().join("draft.json");
    std::fs::write(
        &draft,
        serde_json::json!({
            "verdict": "penalty",
            "grade": 5,
            "suspension_months": 6,
            "suspension_years": null,
            "session_date": "1405/09/02",
            "complaint_summary": "",
            "defence_summary": "مدیر دفتر انتشار تصویر را کار یکی از کارکنان دانست.",
            "reasoning": "با توجه به گزارش و مستندات پرونده، انتشار اوراق قضایی مراجع محرز است.",
            "dissent_seat": null,
            "dissent": null
        })
        .to_string(),
    )
    .unwrap();
    let drafted = json(
        db,
        &["case", "draft", &number, "--draft", draft.to_str().unwrap()],
    );
    let pdf = std::path::PathBuf::from(drafted["path"].as_str().unwrap());
    assert!(pdf.starts_with(dir.path().join("documents")), "{drafted}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert!(drafted["pages"].as_u64().unwrap() >= 1);
    assert!(drafted["ruling_id"].as_i64().is_some());

    // Signing needs an account: without --user it is refused; the secretary is no member.
    let err = refused(db, &["case", "sign", &number]);
    assert!(err.contains("--user"), "{err}");
    refused(db, &["case", "sign", &number, "--user", "secretary"]);
    // The three who sat sign, each with their own account; the last signature locks the
    // ruling and saves its sealed PDF, which verifies with the three of them.
    let mut last = Value::Null;
    for (i, user) in usernames.iter().enumerate() {
        last = json(db, &["case", "sign", &number, "--user", user]);
        assert_eq!(last["signed"].as_array().unwrap().len(), i + 1, "{last}");
    }
    assert_eq!(last["remaining"], serde_json::json!([]), "{last}");
    assert!(last["content_hash"].as_str().is_some(), "{last}");
    let sealed = last["path"].as_str().unwrap();
    assert!(sealed.ends_with("-signed.pdf"), "{last}");
    let report = json(db, &["verify", sealed, "--json"]);
    assert_eq!(report["genuine"], true, "{report}");
    assert_eq!(report["signers"].as_array().unwrap().len(), 3, "{report}");
    // Signed once: a second signature by the same member is refused.
    refused(db, &["case", "sign", &number, "--user", &usernames[0]]);

    // Served on the manager today: his 20 days start.
    let served = json(
        db,
        &[
            "case",
            "serve",
            &number,
            "--to",
            "manager",
            "--method",
            "electronic",
            "--on",
            "1405/09/02",
        ],
    );
    assert_eq!(served["final_now"], false, "{served}");
    assert!(served["deadline"].as_str().is_some(), "{served}");

    // An appeal two months later is out of time: refused, nothing saved.
    let err = refused(
        db,
        &[
            "case",
            "appeal",
            &number,
            "--by",
            "manager",
            "--on",
            "1405/11/02",
            "--grounds",
            "دیر",
        ],
    );
    assert!(!err.trim().is_empty());
    let file = json(db, &["case", "show", &number]);
    assert_eq!(file["appeals"], serde_json::json!([]));
    assert_eq!(file["case"]["status"], "notified");

    // In time, the manager's appeal opens a case before the appeal board.
    let filed = json(
        db,
        &[
            "case",
            "appeal",
            &number,
            "--by",
            "manager",
            "--on",
            "1405/09/05",
            "--grounds",
            "مجازات با شدت تخلف تناسب ندارد.",
        ],
    );
    let appeal_number = filed["appeal_case"]["number"].as_str().unwrap();
    assert!(!appeal_number.is_empty(), "{filed}");
    // The appeal board numbers its cases on its own: its number is shown with --board.
    let appeal_id = filed["appeal_case"]["id"].clone();
    let list = json(db, &["cases", "--json"]);
    let board = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == appeal_id)
        .map(|c| c["board_id"].as_i64().unwrap().to_string())
        .unwrap();
    let appeal = json(db, &["case", "show", appeal_number, "--board", &board]);
    assert_eq!(appeal["appeal_of"]["id"], file["case"]["id"], "{appeal}");
    let file = json(db, &["case", "show", &number]);
    assert_eq!(file["case"]["status"], "appealed");
}

#[test]
fn bad_input_is_refused_before_anything_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let db = db.as_str();
    let number = scheduled_case(db);
    for (args, expect) in [
        (
            vec![
                "case",
                "serve",
                &number,
                "--to",
                "judge",
                "--method",
                "post",
                "--on",
                "1405/09/02",
            ],
            "manager",
        ),
        (vec!["case", "hear", &number, "--on", "1405/13/40"], "--on"),
        (
            vec![
                "case",
                "hear",
                &number,
                "--on",
                "1405/09/02",
                "--absent",
                "secretary",
            ],
            "judge_1",
        ),
        (
            vec!["case", "schedule", &number, "--day", "1405/09/01"],
            "گذشته",
        ),
        (vec!["case", "show", "no-number"], "شمارهٔ پرونده"),
        (
            vec![
                "case",
                "register",
                "--office",
                "999",
                "--kind",
                "complaint",
                "--source",
                "client",
                "--received",
                "1405/09/01",
                "--summary",
                "x",
            ],
            "999",
        ),
        (vec!["case", "frobnicate"], "register"),
        (vec!["case", "sealed", &number], "امضاشده"),
        // Signed in, the role is checked: the Kanoon reviewer keeps no case file.
        (
            vec![
                "case",
                "schedule",
                &number,
                "--day",
                "1405/09/10",
                "--user",
                "kanoon",
            ],
            "در اختیار",
        ),
    ] {
        let err = refused(db, &args);
        assert!(err.contains(expect), "{args:?}: {err}");
    }
    // Every refusal left the case as it was.
    let file = json(db, &["case", "show", &number]);
    assert_eq!(file["case"]["status"], "scheduled");
    assert_eq!(file["sessions"], serde_json::json!([]));
}

#[test]
fn register_charge_and_schedule_a_new_case() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let db = db.as_str();
    let done = json(
        db,
        &[
            "case",
            "register",
            "--office",
            "11590042",
            "--kind",
            "complaint",
            "--source",
            "client",
            "--received",
            "1405/09/01",
            "--summary",
            "دریافت وجه بیش از تعرفه",
            "--reporter",
            "مراجع",
            "--subject",
            "دریافت وجه اضافه",
        ],
    );
    assert!(done["complaint_id"].as_i64().is_some(), "{done}");
    let number = done["case"]["number"].as_str().unwrap().to_owned();
    let charged = json(
        db,
        &[
            "case",
            "charge",
            &number,
            "--violation",
            "1401:38:k",
            "--committed",
            "1405/08/20",
            "--facts",
            "رسید بیش از تعرفه",
        ],
    );
    assert!(charged["charge_id"].as_i64().is_some(), "{charged}");
    let set = json(
        db,
        &[
            "case",
            "schedule",
            &number,
            "--day",
            "1405/09/10",
            "--at",
            "10:30",
            "--user",
            "secretary",
        ],
    );
    assert!(set["scheduled_id"].as_i64().is_some(), "{set}");
    let file = json(db, &["case", "show", &number]);
    assert_eq!(file["case"]["subject"], "دریافت وجه اضافه");
    assert_eq!(
        file["complaints"][0]["reporter_name"],
        serde_json::Value::Null
    );
    assert_eq!(file["complaints"][0]["reporter_on_file"], true);
    assert_eq!(file["charges"][0]["violation"], "1401:38:k");
    assert_eq!(file["case"]["status"], "scheduled");
    // Not forwarded: a complaint with no case.
    let done = json(
        db,
        &[
            "case",
            "register",
            "--office",
            "11590042",
            "--kind",
            "violation_report",
            "--source",
            "inspection",
            "--received",
            "1405/09/01",
            "--summary",
            "گزارش بازرسی",
            "--no-forward",
        ],
    );
    assert_eq!(done["case"], Value::Null, "{done}");
}

#[test]
fn suggest_for_a_demo_case_shows_the_recidivism_step() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let db = db.as_str();
    // Office 0's manager has an earlier final, carried-out conviction (Art 43). The demo sets
    // his open case for today, beside Shahriar's (a sitting hears both).
    let number = case_number(db, "scheduled", "11560027");
    let s = json(db, &["suggest", "--case", &number]);
    let steps = s["steps"].as_array().unwrap();
    assert!(steps.iter().any(|step| step["article"] == "1401:43"), "{s}");
}
