//! The app's commands through Tauri's real IPC path (mock runtime, no display), and the
//! check that the UI's generated TypeScript types match the Rust ones.

use heyat_app::{AppState, dto};
use serde_json::{Value, json};
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

const BINDINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/bindings.ts");

#[test]
fn bindings_match_the_rust_types() {
    let generated = dto::typescript_bindings();
    if std::env::var_os("HEYAT_WRITE_BINDINGS").is_some() {
        std::fs::write(BINDINGS, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(BINDINGS).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/bindings.ts is out of date with the Rust types; \
         run `HEYAT_WRITE_BINDINGS=1 cargo test -p heyat-app bindings` and commit the result"
    );
}

struct App {
    dir: tempfile::TempDir,
    webview: tauri::WebviewWindow<tauri::test::MockRuntime>,
}

fn app() -> App {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    app_in(tempfile::tempdir().unwrap(), today)
}

/// The app over the data folder `dir` (a later start, on another day), with the demo data
/// and its accounts (no ruling signed yet), signed in as the first-instance secretary.
fn app_in(dir: tempfile::TempDir, today: chrono::NaiveDate) -> App {
    let mut state =
        tauri::async_runtime::block_on(AppState::open(dir.path(), Some(today), false)).unwrap();
    tauri::async_runtime::block_on(async {
        state.store.load_demo_if_new(today).await.unwrap();
        state.store.create_demo_accounts().await.unwrap();
    });
    // Opening evidence writes the checked copy but starts no viewer from a test.
    state.open_with_viewer = false;
    let app = heyat_app::with_commands(mock_builder())
        .build(tauri::generate_context!())
        .unwrap();
    app.manage(state);
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let app = App { dir, webview };
    sign_in_as(&app, "secretary");
    app
}

/// Signs in at the app's window as one of the demo accounts.
fn sign_in_as(app: &App, username: &str) -> Value {
    raw_invoke(
        app,
        "sign_in",
        json!({ "username": username, "password": heyat_store::DEMO_PASSWORD }),
    )
    .unwrap_or_else(|e| panic!("{username} signs in: {e}"))
}

/// Calls a command as the person whose work it is, the way the board works: the chair
/// records votes and writes the ruling (judge 1 of the board hearing the case, whom the
/// sessions here elect), the administrator keeps the board's composition and holidays, the
/// secretary does the rest. Each command still checks the role in Rust; the refusals are
/// tested on their own (`each_role_is_refused_what_it_may_not_do`).
fn invoke(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    match cmd {
        "record_votes" | "print_ruling" => {
            sign_in_as(app, "judge-1");
            let first = raw_invoke(app, cmd, args.clone());
            let out = match &first {
                Err(e) if e["code"] == "forbidden" => {
                    sign_in_as(app, "appeal-judge-1");
                    raw_invoke(app, cmd, args)
                }
                _ => first,
            };
            sign_in_as(app, "secretary");
            out
        }
        "seat_new_member" | "add_holiday" | "remove_holiday" | "restore_on_restart" => {
            sign_in_as(app, "admin");
            let out = raw_invoke(app, cmd, args);
            sign_in_as(app, "secretary");
            out
        }
        // A case before the appeal board is the appeal board's secretary's.
        _ => match raw_invoke(app, cmd, args.clone()) {
            Err(e)
                if e["code"] == "forbidden"
                    && e["message"].as_str().unwrap().contains("هیأت دیگری") =>
            {
                sign_in_as(app, "appeal-secretary");
                let out = raw_invoke(app, cmd, args);
                sign_in_as(app, "secretary");
                out
            }
            out => out,
        },
    }
}

fn raw_invoke(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke_with(app, cmd, InvokeBody::Json(args), Default::default())
}

fn invoke_with(
    app: &App,
    cmd: &str,
    body: InvokeBody,
    headers: tauri::http::HeaderMap,
) -> Result<Value, Value> {
    get_ipc_response(
        &app.webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body,
            headers,
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

/// The demo case against the Shahriar office: one charge of Art 38(b), grade 5.
fn shahriar_case(app: &App) -> i64 {
    let list =
        invoke(app, "list_cases", json!({ "filter": { "text": "شهریار" } })).unwrap()["rows"]
            .clone();
    list[0]["id"].as_i64().unwrap()
}

/// A ruling as the chair drafts it, for `print_ruling`.
fn ruling_draft(case_id: i64, grade: u8, months: Option<u32>, reasoning: &str) -> Value {
    json!({ "caseId": case_id, "draft": {
        "verdict": "penalty", "grade": grade, "suspension_months": months, "suspension_years": null,
        "session_date": "1405/09/02", "complaint_summary": "", "defence_summary": "",
        "reasoning": reasoning, "dissent_seat": null, "dissent": null } })
}

/// Every holder present, today (1405/09/02): a session with quorum. Returns who sat.
fn hold_session(app: &App, id: i64) -> Vec<i64> {
    let attendance = json!({ "judge_1": "present", "judge_2": "present", "representative": "present",
                             "alternate_judge_present": false, "alternate_representative_present": false });
    let q = invoke(
        app,
        "check_quorum",
        json!({ "caseId": id, "attendance": attendance }),
    )
    .unwrap();
    invoke(
        app,
        "record_session",
        json!({ "caseId": id, "heldOn": "1405/09/02", "attendance": attendance, "chairMemberId": null }),
    )
    .unwrap();
    q["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["member_id"].as_i64().unwrap())
        .collect()
}

/// A session with quorum, the ruling printed from `draft` and signed by everyone who sat.
fn sign_ruling(app: &App, id: i64, draft: Value) {
    let members = hold_session(app, id);
    invoke(app, "print_ruling", draft).unwrap();
    sign_all(app, id, &members);
}

/// The demo username of each seated member, by id (`judge-1`, `appeal-representative`, …).
fn usernames(app: &App) -> std::collections::HashMap<i64, String> {
    let boards = raw_invoke(app, "list_boards", json!({})).unwrap();
    let mut out = std::collections::HashMap::new();
    for b in boards.as_array().unwrap() {
        let prefix = if b["kind"] == "appeal" { "appeal-" } else { "" };
        for s in b["seats"].as_array().unwrap() {
            out.insert(
                s["member_id"].as_i64().unwrap(),
                format!("{prefix}{}", s["seat"].as_str().unwrap().replace('_', "-")),
            );
        }
    }
    out
}

/// The case's draft ruling's id.
fn draft_ruling_id(app: &App, id: i64) -> Option<i64> {
    let file = raw_invoke(app, "open_case", json!({ "caseId": id })).unwrap();
    file["file"]["rulings"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|r| r["status"] == "draft")
        .and_then(|r| r["id"].as_i64())
}

/// `member` signs the case's draft with `password`, signed in as themselves.
fn sign_as(app: &App, id: i64, member: i64, password: &str) -> Result<Value, Value> {
    let names = usernames(app);
    let ruling = draft_ruling_id(app, id)
        .or_else(|| {
            let file = raw_invoke(app, "open_case", json!({ "caseId": id })).unwrap();
            file["file"]["rulings"].as_array().unwrap().last()?["id"].as_i64()
        })
        .unwrap_or(0);
    sign_in_as(app, &names[&member]);
    let out = raw_invoke(
        app,
        "sign_off",
        json!({ "rulingId": ruling, "password": password }),
    );
    sign_in_as(app, "secretary");
    out
}

/// Each member signs with their own demo account; returns the last answer.
fn sign_all(app: &App, id: i64, members: &[i64]) -> Value {
    let mut last = Value::Null;
    for m in members {
        last = sign_as(app, id, *m, heyat_store::DEMO_PASSWORD).unwrap();
    }
    last
}

#[test]
fn app_info_names_the_board_and_today_in_solar_hijri() {
    let app = app();
    let info = invoke(&app, "app_info", json!({})).unwrap();
    assert_eq!(info["today"], "2026-11-23");
    assert_eq!(info["today_fa"], "دوشنبه ۱۴۰۵/۰۹/۰۲");
    assert!(
        info["board_name"]
            .as_str()
            .unwrap()
            .starts_with("هیأت بدوی"),
        "{info}"
    );
}

#[test]
fn the_demo_cases_are_listed_and_filtered() {
    let app = app();
    let all = invoke(&app, "list_cases", json!({ "filter": {} })).unwrap()["rows"].clone();
    let all = all.as_array().unwrap();
    // Six cases of 1405, the suspended prosecution of 1404 and the revoked licence of 1403.
    assert_eq!(all.len(), 8);
    assert_eq!(all[0]["number"], "1405-0006");
    assert_eq!(all[0]["status_fa"], "ثبت‌شده");
    assert_eq!(all[0]["registered_on_fa"], "۱۴۰۵/۰۸/۲۰");

    let found = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "text": "شهریار" } }),
    )
    .unwrap()["rows"]
        .clone();
    assert_eq!(found.as_array().unwrap().len(), 1);
    let final_ones = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "status": "final" } }),
    )
    .unwrap()["rows"]
        .clone();
    assert_eq!(final_ones.as_array().unwrap().len(), 2);
}

#[test]
fn bad_input_is_refused_with_a_persian_message() {
    let app = app();
    let err = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "text": "ا".repeat(201) } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert!(
        err["message"].as_str().unwrap().contains("۲۰۰ نویسه"),
        "{err}"
    );
    let err = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "status": "lost" } }),
    )
    .unwrap_err();
    assert!(err.as_str().is_some_and(|m| m.contains("lost")), "{err}");
}

#[test]
fn boards_show_every_seat_in_persian() {
    let app = app();
    let boards = invoke(&app, "list_boards", json!({})).unwrap();
    let first = &boards[0];
    assert_eq!(first["kind_fa"], "هیأت بدوی");
    let seats: Vec<&str> = first["seats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["seat_fa"].as_str().unwrap())
        .collect();
    assert_eq!(
        seats,
        [
            "عضو قاضی اول",
            "عضو قاضی دوم",
            "عضو نماینده",
            "عضو علی‌البدل قاضی",
            "عضو علی‌البدل نماینده"
        ]
    );
    let counts = invoke(&app, "status_counts", json!({})).unwrap();
    assert_eq!(
        counts
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["count"].as_i64().unwrap())
            .sum::<i64>(),
        8
    );
}

#[test]
fn the_catalogue_lists_every_clause_with_its_text() {
    let app = app();
    let entries = invoke(&app, "catalogue", json!({})).unwrap();
    let entries = entries.as_array().unwrap();
    let current: Vec<&Value> = entries.iter().filter(|e| e["code"] == "1401").collect();
    // Arts 34–40 have 4+4+7+11+12+6+7 clauses; absence and closure collapse to one kind each
    // (absence: 37(ج), 38(چ), 39(ب), 40(ث); closure: 38(خ), 39(الف), 40(پ)), plus Art 41.
    let clauses = 4 + 4 + 7 + 11 + 12 + 6 + 7 - 7;
    assert_eq!(current.len(), clauses + 2 + 1);
    let tariff = current.iter().find(|e| e["id"] == "1401:34:d").unwrap();
    assert_eq!(tariff["grade"], 1);
    assert!(!tariff["text_fa"].as_str().unwrap().is_empty());
    let residual = current.iter().find(|e| e["id"] == "1401:41").unwrap();
    assert_eq!(residual["grade_range"], json!([2, 4]));
    assert!(
        current
            .iter()
            .any(|e| e["id"] == "absence" && e["measured"] == true)
    );
    assert!(entries.iter().any(|e| e["id"] == "1396:37:2"));
}

#[test]
fn the_engine_answers_through_ipc_with_cited_steps() {
    let app = app();
    let request = json!({ "request": {
        "decided_on": "1403/07/01", "regulation": "auto",
        "manager": { "deceased": false, "permanently_separated": false, "lacks_qualifications": false },
        "charges": [{ "violation": "absence", "committed_on": "۱۴۰۳/۰۳/۰۱", "days": 5,
                      "last_prosecution_act_on": null, "grade": null, "res_judicata": false, "crime_found": false }],
        "record": [], "complaint_withdrawn": false, "holidays": [],
        "decision": { "grade": 5, "acquitted": null, "charge_grade": null, "notified_on": "1403/07/10" }
    }});
    let out = invoke(&app, "suggest", request).unwrap();
    assert_eq!(out["charges"][0]["violation"], "1401:38:g");
    assert_eq!(out["grade"]["min"], 5);
    assert!(
        out["steps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["article"].as_str().unwrap().starts_with("1401:"))
    );
    assert_eq!(out["appeal"]["deadline"], "1403/07/30");

    let text = invoke(&app, "article", json!({ "id": "1401:38:g" })).unwrap();
    assert!(text["text_fa"].as_str().unwrap().contains("غیبت"), "{text}");
    assert_eq!(text["article_number"], 38);
}

#[test]
fn the_engine_screen_takes_art45_alone_acquittals_and_a_suspension_order() {
    let app = app();
    // The conditions of Arts 9–11 the forms list.
    let quals = invoke(&app, "qualifications", json!({})).unwrap();
    let quals = quals.as_array().unwrap();
    assert!(quals.len() >= 14, "{quals:?}");
    let degree = quals.iter().find(|q| q["id"] == "1401:9:d").unwrap();
    assert_eq!(
        (
            degree["article_number"].as_u64(),
            degree["label_fa"].as_str()
        ),
        (Some(9), Some("ت"))
    );
    // Art 45 alone: no charges, the lost condition, the notification.
    let request = json!({ "request": {
        "decided_on": "1403/07/01", "regulation": "auto",
        "manager": { "deceased": false, "permanently_separated": false, "lacks_qualifications": true,
                     "lost_qualifications": ["1401:9:d"] },
        "charges": [], "record": [], "complaint_withdrawn": false, "holidays": [],
        "decision": { "grade": null, "acquitted": null, "charge_grade": null,
                      "notified_on": "1403/07/10", "acquitted_charges": [] }
    }});
    let out = invoke(&app, "suggest", request).unwrap();
    assert_eq!(out["outcome"], "revocation");
    assert!(out["grade"].is_null());
    assert_eq!(
        out["licence_revocation"]["qualifications"],
        json!(["1401:9:d"])
    );
    assert_eq!(out["appeal"]["deadline"], "1403/07/30");
    // One charge acquitted, the other convicted; and a bad acquittal index named in Persian.
    let charge = |v: &str| {
        json!({ "violation": v, "committed_on": "1403/02/01", "days": null,
        "last_prosecution_act_on": null, "grade": null, "res_judicata": false, "crime_found": false })
    };
    let mixed = |acquitted: Value| {
        json!({ "request": {
            "decided_on": "1403/07/01", "regulation": "auto",
            "manager": { "deceased": false, "permanently_separated": false, "lacks_qualifications": false },
            "charges": [charge("1401:38:a"), charge("1401:36:a")],
            "record": [], "complaint_withdrawn": false, "holidays": [],
            "decision": { "grade": 3, "acquitted": null, "charge_grade": null,
                          "notified_on": "1403/07/10", "acquitted_charges": acquitted }
        }})
    };
    let out = invoke(&app, "suggest", mixed(json!([0]))).unwrap();
    assert_eq!(out["charges"][0]["acquitted"], true);
    assert_eq!(out["appeal"]["by"], json!(["center_head"]));
    let err = invoke(&app, "suggest", mixed(json!([5]))).unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .starts_with("رأی هیأت › تخلف برائت‌یافته ۱"),
        "{err}"
    );
    // A suspension order revoked by a conviction for a violation within its period.
    let request = json!({ "request": {
        "decided_on": "1403/10/01", "regulation": "auto",
        "manager": { "deceased": false, "permanently_separated": false, "lacks_qualifications": false },
        "charges": [charge("1401:36:a")],
        "record": [{ "grade": 3, "regulation": "1401", "final_on": "1403/09/01", "carried_out_on": null,
                     "committed_on": "1403/06/01" }],
        "complaint_withdrawn": false, "holidays": [], "decision": null,
        "suspended_prosecution": { "ordered_on": "1403/03/01", "years": 1 }
    }});
    let out = invoke(&app, "suggest", request).unwrap();
    assert_eq!(out["suspension_order"]["status"], "revoked");
    assert_eq!(out["grade"]["min"], 4);
}

#[test]
fn the_engine_refuses_an_impossible_date_naming_the_field_in_persian() {
    let app = app();
    let request = json!({ "request": {
        "decided_on": "1402/12/30", "regulation": "auto",
        "manager": { "deceased": false, "permanently_separated": false, "lacks_qualifications": false },
        "charges": [{ "violation": "1401:34:a", "committed_on": "1402/10/01", "days": null,
                      "last_prosecution_act_on": null, "grade": null, "res_judicata": false, "crime_found": false }],
        "record": [], "complaint_withdrawn": false, "holidays": [], "decision": null
    }});
    let err = invoke(&app, "suggest", request).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    let message = err["message"].as_str().unwrap();
    assert!(message.starts_with("تاریخ جلسه:"), "{message}");
    let err = invoke(&app, "article", json!({ "id": "1401:99" })).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("1401:99"),
        "{err}"
    );
}

#[test]
fn a_case_file_opens_with_its_charges_and_the_engine_reads_them() {
    let app = app();
    let id = shahriar_case(&app);
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(file["file"]["case"]["city"], "شهریار");
    let charge = &file["charges"][0];
    assert_eq!(charge["violation"], "1401:38:b");
    assert_eq!(charge["grade"], 5);
    assert!(!charge["text_fa"].as_str().unwrap().is_empty());
    assert!(
        charge["committed_on_fa"]
            .as_str()
            .unwrap()
            .starts_with("۱۴۰۵/")
    );

    let suggestion = invoke(
        &app,
        "suggest_for_case",
        json!({ "caseId": id, "decidedOn": null }),
    )
    .unwrap();
    assert_eq!(suggestion["grade"]["min"], 5);
    let err = invoke(&app, "open_case", json!({ "caseId": 999_999 })).unwrap_err();
    assert!(err["message"].as_str().is_some(), "{err}");
}

#[test]
fn a_ruling_prints_to_pdf_and_a_grade_the_code_forbids_is_refused() {
    let app = app();
    let id = shahriar_case(&app);
    // The chair writes the ruling once the session was held (Arts 27–28).
    let err = invoke(&app, "print_ruling", ruling_draft(id, 5, Some(6), "احراز.")).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("جلسه"), "{err}");
    hold_session(&app, id);
    let draft = |grade: u8, reasoning: &str| {
        json!({ "caseId": id, "draft": {
            "verdict": "penalty", "grade": grade, "suspension_months": 6, "suspension_years": null,
            "session_date": "۱۴۰۵/۰۹/۰۲", "complaint_summary": "انتشار اوراق قضایی مراجع.",
            "defence_summary": "مدیر دفتر انتشار را کار کارمند دانست.", "reasoning": reasoning,
            "dissent_seat": "representative", "dissent": "به نظر اقلیت، درجهٔ ۴ بس بود."
        }})
    };
    // Disclosure of parties' data is grade 5 (Art 38(b)); with mitigation (Art 32) down to 3.
    let err = invoke(&app, "print_ruling", draft(7, "احراز تخلف.")).unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("درجهٔ ۷ در این پرونده مجاز نیست"),
        "{err}"
    );
    let err = invoke(&app, "print_ruling", draft(5, "  ")).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("مادهٔ ۲۷"),
        "{err}"
    );

    let printed = invoke(
        &app,
        "print_ruling",
        draft(5, "تخلف با گزارش بازرسی و اقرار مدیر دفتر احراز شد."),
    )
    .unwrap();
    let path = std::path::PathBuf::from(printed["path"].as_str().unwrap());
    let pdf = std::fs::read(&path).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(printed["bytes"].as_u64().unwrap() as usize, pdf.len());
    assert!(printed["pages"].as_u64().unwrap() >= 1);
    assert!(!printed["verification_code"].as_str().unwrap().is_empty());
}

#[test]
fn a_session_needs_quorum_and_each_member_votes_once() {
    let app = app();
    let id = shahriar_case(&app);
    let attendance = |alternate: bool| {
        json!({ "judge_1": "present", "judge_2": "absent", "representative": "present",
                "alternate_judge_present": alternate, "alternate_representative_present": false })
    };
    let q = invoke(
        &app,
        "check_quorum",
        json!({ "caseId": id, "attendance": attendance(false) }),
    )
    .unwrap();
    assert_eq!(q["quorum"], false);
    assert!(q["message"].as_str().unwrap().contains("ماده ۲۸"), "{q}");
    let err = invoke(
        &app,
        "record_session",
        json!({ "caseId": id, "heldOn": "1405/09/02", "attendance": attendance(false) }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("رسمیت ندارد"),
        "{err}"
    );

    let q = invoke(
        &app,
        "check_quorum",
        json!({ "caseId": id, "attendance": attendance(true) }),
    )
    .unwrap();
    assert_eq!(q["quorum"], true);
    assert_eq!(q["places"][1]["by_alternate"], true);
    let session = invoke(
        &app,
        "record_session",
        json!({ "caseId": id, "heldOn": "1405/09/02", "attendance": attendance(true) }),
    )
    .unwrap()
    .as_i64()
    .unwrap();
    let members: Vec<i64> = q["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["member_id"].as_i64().unwrap())
        .collect();
    let votes = json!([
        { "member_id": members[0], "choice": "محرز است", "dissent": null },
        { "member_id": members[1], "choice": "محرز است", "dissent": null },
        { "member_id": members[2], "choice": "محرز نیست", "dissent": "گزارش بازرسی امضا ندارد." }
    ]);
    let tally = invoke(
        &app,
        "record_votes",
        json!({ "caseId": id, "sessionId": session, "question": "آیا تخلف محرز است؟", "kind": "guilt", "votes": votes }),
    )
    .unwrap();
    assert_eq!(tally["decided"], "محرز است");
    assert_eq!(tally["dissenters"].as_array().unwrap().len(), 1);
    let again = json!([{ "member_id": members[0], "choice": "محرز نیست", "dissent": null }]);
    let err = invoke(
        &app,
        "record_votes",
        json!({ "caseId": id, "sessionId": session, "question": "آیا تخلف محرز است؟", "kind": "guilt", "votes": again }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("یک رأی"), "{err}");
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(
        file["file"]["sessions"][0]["votes"]
            .as_array()
            .unwrap()
            .len(),
        3,
        "the refused vote saved nothing"
    );

    // A vote on the grade is held to what the code allows: Art 38(b) is grade 5, at most two
    // lower with mitigation (Art 32).
    let grade_q = "درجهٔ مجازات کدام است؟ (مواد ۲۹ و ۳۴ تا ۴۴)";
    let grade_votes = |g: [&str; 3]| {
        json!([
            { "member_id": members[0], "choice": g[0], "dissent": null },
            { "member_id": members[1], "choice": g[1], "dissent": null },
            { "member_id": members[2], "choice": g[2], "dissent": null }
        ])
    };
    for (choices, expected) in [
        (["درجهٔ ۷", "درجهٔ ۵", "درجهٔ ۵"], "مجاز نیست"),
        (["درجهٔ ۲", "درجهٔ ۵", "درجهٔ ۵"], "مجاز نیست"),
        (["سنگین", "درجهٔ ۵", "درجهٔ ۵"], "مادهٔ ۲۹"),
    ] {
        let err = invoke(
            &app,
            "record_votes",
            json!({ "caseId": id, "sessionId": session, "question": grade_q, "kind": "grade", "votes": grade_votes(choices) }),
        )
        .unwrap_err();
        assert!(
            err["message"].as_str().unwrap().contains(expected),
            "{choices:?}: {err}"
        );
    }
    let tally = invoke(
        &app,
        "record_votes",
        json!({ "caseId": id, "sessionId": session, "question": grade_q, "kind": "grade",
                "votes": grade_votes(["درجهٔ ۵", "درجهٔ 5", "درجهٔ ۴"]) }),
    )
    .unwrap();
    assert_eq!(
        tally["decided"], "درجهٔ ۵",
        "«درجهٔ ۵» and «درجهٔ 5» are one grade"
    );
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(
        file["file"]["sessions"][0]["votes"]
            .as_array()
            .unwrap()
            .len(),
        6
    );

    // The minutes of that session, typeset and saved.
    let minutes = invoke(
        &app,
        "print_minutes",
        json!({ "caseId": id, "sessionId": session }),
    )
    .unwrap();
    let pdf = std::fs::read(minutes["path"].as_str().unwrap()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(minutes["pages"].as_u64().unwrap() >= 1);
    let err = invoke(
        &app,
        "print_minutes",
        json!({ "caseId": id, "sessionId": session + 1000 }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("جلسه"), "{err}");
}

#[test]
fn a_forwarded_complaint_opens_a_case_that_takes_charges() {
    let app = app();
    let form = |summary: &str| {
        json!({ "form": { "kind": "complaint", "source": "client", "received_on": "۱۴۰۵/۰۸/۲۸", "office_id": 2,
                          "reporter_name": "مریم کاظمی", "reporter_contact": null, "reporter_confidential": true,
                          "summary": summary, "review_notes": "گزارش مستند است.", "forward": true } })
    };
    let err = invoke(&app, "register_complaint", form("  ")).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("شرح شکایت"),
        "{err}"
    );
    let done = invoke(&app, "register_complaint", form("غیبت پنج‌روزهٔ مدیر دفتر.")).unwrap();
    let case_id = done["case_id"].as_i64().unwrap();
    assert!(
        done["case_number"].as_str().unwrap().starts_with("1405-"),
        "{done}"
    );

    let bad = json!({ "caseId": case_id, "form": { "violation": "1401:34:z", "committed_on": "1405/08/20",
                                                    "days": null, "facts": "", "last_prosecution_act_on": null } });
    assert!(
        invoke(&app, "add_charge", bad).unwrap_err()["message"]
            .as_str()
            .unwrap()
            .contains("در مقررات نیست")
    );
    let no_days = json!({ "caseId": case_id, "form": { "violation": "absence", "committed_on": "1405/08/20",
                                                        "days": null, "facts": "", "last_prosecution_act_on": null } });
    assert!(
        invoke(&app, "add_charge", no_days).unwrap_err()["message"]
            .as_str()
            .unwrap()
            .contains("شمار روزها")
    );
    let good = json!({ "caseId": case_id, "form": { "violation": "absence", "committed_on": "۱۴۰۵/۰۸/۲۰",
                                                     "days": 5, "facts": "غیبت", "last_prosecution_act_on": null } });
    invoke(&app, "add_charge", good).unwrap();
    let file = invoke(&app, "open_case", json!({ "caseId": case_id })).unwrap();
    assert_eq!(file["charges"].as_array().unwrap().len(), 1);
    let complaint = &file["file"]["complaints"][0];
    assert_eq!(complaint["reporter_confidential"], true);
    assert!(
        complaint["reporter_name"].is_null(),
        "Art 20: the confidential reporter is not sent to the UI"
    );
    assert_eq!(complaint["reporter_on_file"], true);
    // The subject is the secretary's: none was written, so the case has none.
    assert_eq!(
        file["file"]["case"]["subject"], "",
        "{}",
        file["file"]["case"]
    );
    invoke(
        &app,
        "set_case_subject",
        json!({ "caseId": case_id, "subject": "غیبت مدیر دفتر" }),
    )
    .unwrap();
    let file = invoke(&app, "open_case", json!({ "caseId": case_id })).unwrap();
    assert_eq!(file["file"]["case"]["subject"], "غیبت مدیر دفتر");
    // Revealed on demand, and the reading is on record without the identity.
    let id = complaint["id"].as_i64().unwrap();
    let who = invoke(&app, "reveal_reporter", json!({ "complaintId": id })).unwrap();
    assert_eq!(who["name"], "مریم کاظمی");
    assert_eq!(who["confidential"], true);
    let state = app.webview.state::<AppState>();
    let last = &tauri::async_runtime::block_on(state.store.audit_entries(1)).unwrap()[0];
    assert_eq!(last.table_name, "reporter_reads");
    assert_eq!(last.actor, "دبیر هیأت بدوی (secretary)");
    let log = tauri::async_runtime::block_on(state.store.audit_entries(10_000)).unwrap();
    assert!(
        log.iter().all(|e| !format!("{e:?}").contains("مریم کاظمی")),
        "no identity in the audit log"
    );
    let err = invoke(&app, "reveal_reporter", json!({ "complaintId": 99_999 })).unwrap_err();
    assert_eq!(err["code"], "not_found");
}

#[test]
fn a_pinned_day_is_honoured_only_by_a_debug_build() {
    let day = Some("2026-11-23".to_owned());
    assert_eq!(
        heyat_app::pinned_today(day.clone(), true).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
    );
    assert_eq!(heyat_app::pinned_today(day, false).unwrap(), None);
    assert!(heyat_app::pinned_today(Some("دیروز".into()), true).is_err());
    assert_eq!(
        heyat_app::pinned_today(Some("دیروز".into()), false).unwrap(),
        None
    );
}

#[test]
fn a_signed_ruling_cannot_be_printed_over() {
    let app = app();
    let id = shahriar_case(&app);
    let draft = |reasoning: &str| ruling_draft(id, 4, None, reasoning);
    let members = hold_session(&app, id);
    assert_eq!(
        sign_as(&app, id, members[0], heyat_store::DEMO_PASSWORD).unwrap_err()["code"],
        "not_found",
        "no draft, nothing to sign"
    );
    invoke(&app, "print_ruling", draft("نخستین متن.")).unwrap();
    invoke(&app, "print_ruling", draft("متن اصلاح‌شده.")).unwrap();
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(
        file["file"]["rulings"].as_array().unwrap().len(),
        1,
        "a reprinted draft is updated, not duplicated"
    );
    assert_eq!(file["file"]["rulings"][0]["text"], "متن اصلاح‌شده.");

    let done = sign_all(&app, id, &members);
    assert_eq!(done["content_hash"].as_str().unwrap().len(), 64);
    let err = invoke(&app, "print_ruling", draft("تغییر پس از امضا.")).unwrap_err();
    assert_eq!(err["code"], "signed_ruling");
    assert!(
        err["message"].as_str().unwrap().contains("امضاشده"),
        "{err}"
    );
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(
        file["file"]["rulings"][0]["text"], "متن اصلاح‌شده.",
        "nothing signed was changed"
    );
    assert_eq!(file["file"]["rulings"][0]["status"], "signed");
}

#[test]
fn a_notified_ruling_may_be_appealed_only_within_twenty_days() {
    let app = app();
    let id = shahriar_case(&app);
    let draft = ruling_draft(id, 5, Some(4), "احراز تخلف.");
    let notify = json!({ "caseId": id, "recipient": "manager", "method": "electronic", "notifiedOn": "۱۴۰۵/۰۹/۰۲" });
    let err = invoke(&app, "record_notification", notify.clone()).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("امضا"),
        "a draft is not notified: {err}"
    );
    let members = hold_session(&app, id);
    invoke(&app, "print_ruling", draft).unwrap();
    sign_all(&app, id, &members);
    // 1405/09/02 + 20 days = 1405/09/22, a Sunday.
    assert_eq!(
        invoke(&app, "record_notification", notify).unwrap()["deadline_fa"],
        "۱۴۰۵/۰۹/۲۲"
    );

    // The deadlines screen: the appeal limit of this case, and limitation on open cases.
    let page = invoke(&app, "deadlines", json!({})).unwrap();
    let limits = page["rows"].as_array().unwrap();
    assert_eq!(page["total"].as_u64().unwrap() as usize, limits.len());
    // A page of two: the first two of the same list.
    let two = invoke(&app, "deadlines", json!({ "offset": 0, "limit": 2 })).unwrap();
    assert_eq!(two["rows"].as_array().unwrap()[..], limits[..2]);
    assert_eq!(two["total"], page["total"]);
    let err = invoke(&app, "deadlines", json!({ "limit": 0 })).unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    let appeal_row = limits.iter().find(|r| r["case_id"] == id).unwrap();
    assert_eq!(appeal_row["kind"], "appeal");
    assert_eq!(appeal_row["due_on_fa"], "۱۴۰۵/۰۹/۲۲");
    assert_eq!(appeal_row["days_left"], 20);
    assert!(
        limits
            .iter()
            .any(|r| r["kind"] == "limitation" && r["article"] == "1401:30")
    );
    let days: Vec<i64> = limits
        .iter()
        .map(|r| r["days_left"].as_i64().unwrap())
        .collect();
    assert!(
        days.windows(2).all(|w| w[0] <= w[1]),
        "soonest first: {days:?}"
    );
    let appeal = |by: &str, on: &str| json!({ "caseId": id, "appellant": by, "filedOn": on, "grounds": "درجه سنگین است." });
    let err = invoke(&app, "file_appeal", appeal("manager", "1405/09/23")).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("خارج از مهلت"),
        "{err}"
    );
    let err = invoke(&app, "file_appeal", appeal("center_head", "1405/09/10")).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("رئیس مرکز"),
        "not notified to him: {err}"
    );
    let filed = invoke(&app, "file_appeal", appeal("manager", "1405/09/22")).unwrap();
    assert_eq!(filed["appeal"]["in_time"], true);
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(
        file["file"]["case"]["status"], "appealed",
        "the status followed each step"
    );

    // The case went before the appeal board with the first-instance file linked.
    let appeal_id = filed["appeal_case_id"].as_i64().unwrap();
    assert_eq!(file["file"]["appealed_as"]["id"], appeal_id);
    let before_appeal = invoke(&app, "open_case", json!({ "caseId": appeal_id })).unwrap();
    assert_eq!(before_appeal["file"]["appeal_of"]["id"], id);
    assert_eq!(
        before_appeal["charges"].as_array().unwrap().len(),
        file["charges"].as_array().unwrap().len(),
        "the charges went with the file"
    );
    let boards = invoke(&app, "list_boards", json!({})).unwrap();
    let appeal_board = boards
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "appeal")
        .unwrap();
    assert_eq!(
        before_appeal["file"]["case"]["board_id"],
        appeal_board["id"]
    );
    // A second appeal (the head of the Center, once notified) does not open a second case.
    let notify_center = json!({ "caseId": id, "recipient": "center_head", "method": "post", "notifiedOn": "1405/09/05" });
    invoke(&app, "record_notification", notify_center).unwrap();
    let second = invoke(&app, "file_appeal", appeal("center_head", "1405/09/10")).unwrap();
    assert_eq!(second["appeal_case_id"], appeal_id);

    // The history tells the story from the audit log, in order.
    let history = invoke(&app, "case_history", json!({ "caseId": id })).unwrap();
    let what: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["what_fa"].as_str().unwrap())
        .collect();
    for expected in ["ثبت جلسه", "ثبت امضای عضو", "ثبت ابلاغ", "ثبت تجدیدنظرخواهی"]
    {
        assert!(what.contains(&expected), "{expected} in {what:?}");
    }
    assert!(what.iter().any(|w| w.contains("در تجدیدنظر")), "{what:?}");
}

#[test]
fn a_backup_is_put_back_at_the_next_start_keeping_the_replaced_database() {
    let app = app();
    let done = invoke(&app, "backup_now", json!({})).unwrap();
    let backups = invoke(&app, "list_backups", json!({})).unwrap();
    let name = backups[0]["name"].as_str().unwrap().to_owned();
    assert!(done["path"].as_str().unwrap().ends_with(&name));
    for bad in ["../heyat.sqlite3", "nothing-here.sqlite3"] {
        let err = invoke(&app, "restore_on_restart", json!({ "name": bad })).unwrap_err();
        assert!(
            err["message"].as_str().unwrap().contains("backups"),
            "{err}"
        );
    }
    // A change after the backup, which the restore takes back.
    let id = shahriar_case(&app);
    invoke(
        &app,
        "schedule_session",
        json!({ "caseId": id, "day": "1405/09/20", "atTime": "", "note": "" }),
    )
    .unwrap();
    invoke(&app, "restore_on_restart", json!({ "name": name })).unwrap();
    let info = invoke(&app, "app_info", json!({})).unwrap();
    assert_eq!(info["restore_pending"], name.as_str());

    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    // While this window is open, another start can neither restore nor open the folder; the
    // restore asked for waits.
    let err = tauri::async_runtime::block_on(AppState::open(app.dir.path(), Some(today), false))
        .err()
        .unwrap();
    assert!(err.to_string().contains("ببندید"), "{err}");
    assert!(app.dir.path().join(heyat_app::RESTORE_PENDING).exists());
    // The app closes (lets go of the folder); the next start restores.
    app.webview.state::<AppState>().release_lock();
    let restarted =
        tauri::async_runtime::block_on(AppState::open(app.dir.path(), Some(today), false)).unwrap();
    let note = restarted.restore_note.clone().unwrap();
    assert!(note.contains("بازگردانده شد"), "{note}");
    let file = tauri::async_runtime::block_on(restarted.store.case_file(id)).unwrap();
    assert_eq!(
        file.scheduled.len(),
        1,
        "the session set after the backup is gone"
    );
    assert!(
        !app.dir.path().join(heyat_app::RESTORE_PENDING).exists(),
        "asked once, done once"
    );
}

#[test]
fn a_backup_is_made_and_verified_while_the_app_runs() {
    let app = app();
    let done = invoke(&app, "backup_now", json!({})).unwrap();
    assert_eq!(done["integrity"], "ok");
    assert_eq!(done["cases"], 8);
    let path = std::path::PathBuf::from(done["path"].as_str().unwrap());
    assert!(
        path.exists() && path.parent().unwrap().ends_with("backups"),
        "{path:?}"
    );
}

#[test]
fn each_member_signs_with_their_password_and_the_last_signature_seals_the_ruling() {
    let app = app();
    let id = shahriar_case(&app);
    let members = hold_session(&app, id);
    invoke(
        &app,
        "print_ruling",
        ruling_draft(id, 5, Some(4), "احراز تخلف."),
    )
    .unwrap();
    let sign = |member: i64, password: &str| sign_as(&app, id, member, password);
    let err = sign(members[0], "not-the-password").unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("نادرست"), "{err}");
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert!(
        file["file"]["rulings"][0]["signoffs"]
            .as_array()
            .unwrap()
            .is_empty(),
        "a refused password saved nothing"
    );
    // The secretary signs nothing: signing is the members' (Art 27).
    let ruling = draft_ruling_id(&app, id).unwrap();
    let err = raw_invoke(
        &app,
        "sign_off",
        json!({ "rulingId": ruling, "password": heyat_store::DEMO_PASSWORD }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "forbidden", "{err}");

    let first = sign(members[0], heyat_store::DEMO_PASSWORD).unwrap();
    assert_eq!(first["signed"].as_array().unwrap().len(), 1);
    assert_eq!(first["remaining"].as_array().unwrap().len(), 2);
    assert!(first["content_hash"].is_null());
    let err = sign(members[0], heyat_store::DEMO_PASSWORD).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("یک بار"), "{err}");

    // Someone who did not sit does not sign.
    let boards = invoke(&app, "list_boards", json!({})).unwrap();
    let alternate = boards[0]["seats"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["seat"] == "alternate_judge")
        .unwrap()["member_id"]
        .as_i64()
        .unwrap();
    let err = sign(alternate, heyat_store::DEMO_PASSWORD).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("حاضر نبوده"),
        "{err}"
    );

    // A changed draft needs every signature again.
    invoke(
        &app,
        "print_ruling",
        ruling_draft(id, 5, Some(4), "احراز تخلف با دلایل تازه."),
    )
    .unwrap();
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert!(
        file["file"]["rulings"][0]["signoffs"]
            .as_array()
            .unwrap()
            .is_empty(),
        "sign-offs of the old text are dropped"
    );
    let last = sign_all(&app, id, &members);
    assert_eq!(last["remaining"].as_array().unwrap().len(), 0);
    assert_eq!(last["content_hash"].as_str().unwrap().len(), 64);
    let pdf = last["pdf_path"].as_str().unwrap().to_owned();
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(file["file"]["rulings"][0]["status"], "signed");
    assert_eq!(file["file"]["case"]["status"], "decided");
    assert_eq!(
        sign(members[0], heyat_store::DEMO_PASSWORD).unwrap_err()["code"],
        "signed_ruling"
    );

    // The sealed PDF verifies; with one byte changed it does not.
    let report = raw_invoke(&app, "verify_document", json!({ "path": pdf })).unwrap();
    assert_eq!(report["genuine"], true, "{report}");
    assert_eq!(report["signers"].as_array().unwrap().len(), 3);
    let mut bytes = std::fs::read(&pdf).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    let forged = app.dir.path().join("forged.pdf");
    std::fs::write(&forged, &bytes).unwrap();
    let report = raw_invoke(&app, "verify_document", json!({ "path": forged })).unwrap();
    assert_eq!(report["genuine"], false, "{report}");
}

#[test]
fn accounts_are_enrolled_with_a_one_time_code_and_locked_after_five_wrong_passwords() {
    let app = app();
    sign_in_as(&app, "admin");
    let boards = raw_invoke(&app, "list_boards", json!({})).unwrap();
    let board = boards[0]["id"].as_i64().unwrap();
    let e = raw_invoke(
        &app,
        "create_account",
        json!({ "role": "secretary", "name": "زهرا احمدی", "boardId": board, "memberId": null }),
    )
    .unwrap();
    let code = e["code"].as_str().unwrap().to_owned();
    let account = e["account_id"].as_i64().unwrap();
    let err = raw_invoke(
        &app,
        "enrol",
        json!({ "code": code, "username": "zahra", "password": "short" }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("۸"), "{err}");
    let me = raw_invoke(
        &app,
        "enrol",
        json!({ "code": code.to_lowercase(), "username": "zahra", "password": "یک گذرواژهٔ بلند" }),
    )
    .unwrap();
    assert_eq!(me["role"], "secretary");
    let err = raw_invoke(
        &app,
        "enrol",
        json!({ "code": code, "username": "zahra2", "password": "another-long-one" }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("شناخته نشد"),
        "{err}"
    );
    // Five wrong passwords lock the account; the right one no longer opens it.
    for _ in 0..5 {
        raw_invoke(
            &app,
            "sign_in",
            json!({ "username": "zahra", "password": "wrong-password" }),
        )
        .unwrap_err();
    }
    let err = raw_invoke(
        &app,
        "sign_in",
        json!({ "username": "zahra", "password": "یک گذرواژهٔ بلند" }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("قفل"), "{err}");
    sign_in_as(&app, "admin");
    let rows = raw_invoke(&app, "list_accounts", json!({})).unwrap();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == account)
        .unwrap();
    assert_eq!(row["locked"], true);
    raw_invoke(&app, "unlock_account", json!({ "accountId": account })).unwrap();
    raw_invoke(
        &app,
        "sign_in",
        json!({ "username": "zahra", "password": "یک گذرواژهٔ بلند" }),
    )
    .unwrap();
    raw_invoke(&app, "list_cases", json!({ "filter": {} })).unwrap();
    // Deactivated by the administrator (from another window), the open window acts no more.
    let store = &app.webview.state::<AppState>().store;
    tauri::async_runtime::block_on(store.deactivate_account(account, "admin")).unwrap();
    assert_eq!(
        raw_invoke(&app, "list_cases", json!({ "filter": {} })).unwrap_err()["code"],
        "unauthenticated"
    );
    // The audit log names who did it, never a password hash.
    let store = &app.webview.state::<AppState>().store;
    let log = tauri::async_runtime::block_on(store.audit_entries(10_000)).unwrap();
    assert!(log.iter().any(|e| e.actor.contains("zahra")));
    assert!(
        !log.iter()
            .any(|e| e.after.as_deref().unwrap_or("").contains("$argon2id$"))
    );
}

/// Each role, from each command it may not call: refused with `forbidden` (or
/// `unauthenticated` when no one is signed in), before anything is done.
#[test]
fn each_role_is_refused_what_it_may_not_do() {
    let app = app();
    let id = shahriar_case(&app);
    let table: Vec<(&str, Value)> = vec![
        (
            "register_complaint",
            json!({ "form": {
            "kind": "complaint", "source": "client", "received_on": "1405/09/01", "office_id": 1,
            "reporter_name": null, "reporter_contact": null, "reporter_confidential": true,
            "summary": "شکایت آزمایشی", "review_notes": null, "forward": true, "case_subject": null } }),
        ),
        (
            "record_session",
            json!({ "caseId": id, "heldOn": "1405/09/02", "chairMemberId": null,
            "attendance": { "judge_1": "present", "judge_2": "present", "representative": "present",
                "alternate_judge_present": false, "alternate_representative_present": false } }),
        ),
        (
            "schedule_session",
            json!({ "caseId": id, "day": "1405/09/20", "atTime": "", "note": "" }),
        ),
        (
            "add_charge",
            json!({ "caseId": id, "form": { "violation": "1401:34:d",
            "committed_on": "1405/09/01", "days": null, "facts": "آزمایش", "last_prosecution_act_on": null } }),
        ),
        (
            "record_notification",
            json!({ "caseId": id, "recipient": "manager", "method": "in_person", "notifiedOn": "1405/09/02" }),
        ),
        (
            "file_appeal",
            json!({ "caseId": id, "appellant": "manager", "filedOn": "1405/09/02", "grounds": "" }),
        ),
        ("finalize_due", json!({})),
        ("print_ruling", ruling_draft(id, 5, Some(4), "احراز.")),
        ("sign_off", json!({ "rulingId": 1, "password": "x" })),
        ("remove_holiday", json!({ "day": "1405/09/20" })),
        (
            "add_holiday",
            json!({ "day": "1405/09/20", "title": "تعطیل" }),
        ),
        ("list_accounts", json!({})),
        (
            "create_account",
            json!({ "role": "secretary", "name": "x", "boardId": 1, "memberId": null }),
        ),
        ("checkpoint_audit", json!({})),
        ("restore_on_restart", json!({ "name": null })),
        ("backup_now", json!({})),
        ("export_board_keys", json!({})),
        ("reveal_reporter", json!({ "complaintId": 1 })),
        ("export_case_package", json!({ "caseId": id })),
        ("received_packages", json!({})),
        ("open_case_from_package", json!({ "id": 1 })),
    ];
    let allowed: &[(&str, &[&str])] = &[
        (
            "secretary",
            &[
                "register_complaint",
                "record_session",
                "schedule_session",
                "add_charge",
                "record_notification",
                "file_appeal",
                "finalize_due",
                "backup_now",
                "export_board_keys",
                "reveal_reporter",
                "export_case_package",
                "received_packages",
                "open_case_from_package",
            ],
        ),
        ("judge-2", &["print_ruling", "sign_off"]),
        ("kanoon", &["reveal_reporter"]),
        (
            "admin",
            &[
                "remove_holiday",
                "add_holiday",
                "list_accounts",
                "create_account",
                "checkpoint_audit",
                "restore_on_restart",
                "backup_now",
                "export_board_keys",
            ],
        ),
    ];
    let mut refused = 0;
    for (user, may) in allowed {
        sign_in_as(&app, user);
        for (cmd, args) in &table {
            if may.contains(cmd) {
                continue;
            }
            let err = raw_invoke(&app, cmd, args.clone()).unwrap_err();
            assert_eq!(err["code"], "forbidden", "{user} → {cmd}: {err}");
            refused += 1;
        }
    }
    // The appeal board's secretary acts only on the appeal board's files.
    sign_in_as(&app, "appeal-secretary");
    for cmd in [
        "record_session",
        "schedule_session",
        "add_charge",
        "record_notification",
    ] {
        let args = table.iter().find(|(c, _)| *c == cmd).unwrap().1.clone();
        let err = raw_invoke(&app, cmd, args).unwrap_err();
        assert_eq!(err["code"], "forbidden", "appeal-secretary → {cmd}: {err}");
        assert!(
            err["message"].as_str().unwrap().contains("هیأت دیگری"),
            "{err}"
        );
        refused += 1;
    }
    // A board lists its own files: the appeal board has none yet; the first-instance
    // secretary may not list the appeal board's.
    let listed = raw_invoke(&app, "list_cases", json!({ "filter": {} })).unwrap()["rows"].clone();
    assert!(listed.as_array().unwrap().is_empty(), "{listed}");
    sign_in_as(&app, "secretary");
    let boards = raw_invoke(&app, "list_boards", json!({})).unwrap();
    let appeal_board = boards
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "appeal")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let err = raw_invoke(
        &app,
        "list_cases",
        json!({ "filter": { "board_id": appeal_board } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "forbidden", "{err}");
    assert_eq!(
        raw_invoke(&app, "list_cases", json!({ "filter": {} })).unwrap()["rows"]
            .clone()
            .as_array()
            .unwrap()
            .len(),
        8
    );
    // judge-2 is a member but not the chair: the chair's acts are refused to them.
    sign_in_as(&app, "secretary");
    let members = hold_session(&app, id);
    assert_eq!(members.len(), 3);
    sign_in_as(&app, "judge-2");
    let err = raw_invoke(&app, "print_ruling", ruling_draft(id, 5, Some(4), "احراز.")).unwrap_err();
    assert_eq!(err["code"], "forbidden", "{err}");
    assert!(err["message"].as_str().unwrap().contains("رئیس"), "{err}");
    // No one signed in: everything but signing in is refused.
    raw_invoke(&app, "sign_out", json!({})).unwrap();
    for (cmd, args) in &table {
        let err = raw_invoke(&app, cmd, args.clone()).unwrap_err();
        assert_eq!(err["code"], "unauthenticated", "{cmd}: {err}");
    }
    for cmd in ["list_cases", "open_case", "desk", "app_info"] {
        let err = raw_invoke(&app, cmd, json!({ "caseId": id, "filter": {} })).unwrap_err();
        assert_eq!(err["code"], "unauthenticated", "{cmd}: {err}");
    }
    assert!(refused > 40, "{refused}");
    // Nothing refused was saved.
    sign_in_as(&app, "secretary");
    let file = raw_invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert!(file["file"]["rulings"].as_array().unwrap().is_empty());
}

#[test]
fn the_desk_shows_todays_sessions_limits_and_counts() {
    let app = app();
    let desk = invoke(&app, "desk", json!({})).unwrap();
    assert_eq!(desk["today_fa"], "دوشنبه ۱۴۰۵/۰۹/۰۲");
    let today = desk["today"].as_array().unwrap();
    assert!(
        !today.is_empty(),
        "the demo sets its scheduled cases for today: {desk}"
    );
    assert!(today.iter().all(|r| r["is_today"] == true));
    assert_eq!(today[0]["time_fa"], "۰۹:۰۰");
    let total: i64 = desk["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 8);
    assert!(
        desk["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["days_left"].as_i64().unwrap() <= 30)
    );

    let id = shahriar_case(&app);
    let schedule = |day: &str, at: &str| {
        invoke(
            &app,
            "schedule_session",
            json!({ "caseId": id, "day": day, "atTime": at, "note": "با حضور مدیر دفتر" }),
        )
    };
    let err = schedule("1405/08/30", "").unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("گذشته"), "{err}");
    let err = schedule("1405/09/10", "25:00").unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("ساعت"), "{err}");
    let err = schedule("1405/13/10", "").unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("ماه"), "{err}");
    schedule("۱۴۰۵/۰۹/۱۰", "۱۰:۳۰").unwrap();
    let desk = invoke(&app, "desk", json!({})).unwrap();
    let row = desk["upcoming"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["case_id"] == id)
        .expect("the new session is on the next two weeks' agenda");
    assert_eq!(row["day_fa"], "سه‌شنبه ۱۴۰۵/۰۹/۱۰");
    assert_eq!(row["time_fa"], "۱۰:۳۰");
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(
        file["file"]["scheduled"].as_array().unwrap().len(),
        2,
        "the demo's and this one"
    );
    assert_eq!(file["file"]["case"]["status"], "scheduled");
}

#[test]
fn the_calendar_marks_fridays_and_holidays_and_deadlines_move_past_them() {
    let app = app();
    let esfand = invoke(&app, "calendar_month", json!({ "year": 1403, "month": 12 })).unwrap();
    assert_eq!(esfand["title_fa"], "اسفند ۱۴۰۳");
    let days = esfand["days"].as_array().unwrap();
    assert_eq!(days.len(), 30, "1403 is a leap year");
    assert_eq!(days[29]["iso"], "2025-03-20");
    assert!(
        days.iter()
            .all(|d| (d["weekday"] == 6) == (d["closed"] == "جمعه"))
    );
    let now = invoke(
        &app,
        "calendar_month",
        json!({ "year": null, "month": null }),
    )
    .unwrap();
    assert_eq!(now["title_fa"], "آذر ۱۴۰۵");
    assert_eq!(now["days"][1]["today"], true);
    let err = invoke(&app, "calendar_month", json!({ "year": 1405, "month": 13 })).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("ماه"), "{err}");

    // A holiday on the last day of an appeal moves the deadline to the next open day.
    let err = invoke(
        &app,
        "add_holiday",
        json!({ "day": "1405/09/22", "title": " " }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("عنوان"), "{err}");
    invoke(
        &app,
        "add_holiday",
        json!({ "day": "۱۴۰۵/۰۹/۲۲", "title": "تعطیل رسمی" }),
    )
    .unwrap();
    let holidays = invoke(&app, "list_holidays", json!({})).unwrap();
    assert!(
        holidays
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["day_fa"] == "۱۴۰۵/۰۹/۲۲")
    );
    let azar = invoke(&app, "calendar_month", json!({ "year": 1405, "month": 9 })).unwrap();
    assert_eq!(azar["days"][21]["closed"], "تعطیل رسمی");
    let id = shahriar_case(&app);
    sign_ruling(&app, id, ruling_draft(id, 5, Some(4), "احراز."));
    let notify = json!({ "caseId": id, "recipient": "manager", "method": "electronic", "notifiedOn": "1405/09/02" });
    assert_eq!(
        invoke(&app, "record_notification", notify).unwrap()["deadline_fa"],
        "۱۴۰۵/۰۹/۲۳"
    );
    invoke(&app, "remove_holiday", json!({ "day": "1405/09/22" })).unwrap();
    let err = invoke(&app, "remove_holiday", json!({ "day": "1405/09/22" })).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("تعطیلات"), "{err}");
}

#[test]
fn seats_are_filled_by_the_composition_rules() {
    let app = app();
    let boards = invoke(&app, "list_boards", json!({})).unwrap();
    let appeal = boards
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "appeal")
        .unwrap()["id"]
        .clone();
    let seat = |kind: &str, grade: Option<i64>, seat: &str| {
        invoke(
            &app,
            "seat_new_member",
            json!({ "boardId": appeal, "seat": seat, "member": { "kind": kind, "first_name": "رضا",
                    "last_name": "نوری", "judicial_grade": grade, "on_kanoon_directors": false,
                    "manages_office": null } }),
        )
    };
    let err = seat("judge", Some(8), "judge_2").unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("۹"),
        "Art 24: {err}"
    );
    let err = seat("kanoon_rep", None, "representative").unwrap_err();
    assert!(!err["message"].as_str().unwrap().is_empty());
    let after = invoke(&app, "list_boards", json!({})).unwrap();
    assert_eq!(after, boards, "a refused member is not added anywhere");
    seat("judge", Some(10), "judge_2").unwrap();
    let after = invoke(&app, "list_boards", json!({})).unwrap();
    let judge_2 = after
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "appeal")
        .unwrap()["seats"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["seat"] == "judge_2")
        .unwrap()
        .clone();
    assert_eq!(judge_2["member_name"], "رضا نوری");
}

/// Art 23: a first-instance board's Kanoon representative (and its alternate, Art 25) is an
/// office manager. One who manages no office is refused: the UI gets the code and a Persian
/// message citing the article and saying what to fix, and nothing is saved.
#[test]
fn a_kanoon_representative_who_manages_no_office_is_refused() {
    let app = app();
    let boards = invoke(&app, "list_boards", json!({})).unwrap();
    let first = boards
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "first_instance")
        .unwrap()["id"]
        .clone();
    let seat = |seat: &str, office: Value| {
        invoke(
            &app,
            "seat_new_member",
            json!({ "boardId": first, "seat": seat, "member": { "kind": "kanoon_rep",
                    "first_name": "لیلا", "last_name": "کاظمی", "judicial_grade": null,
                    "on_kanoon_directors": false, "manages_office": office } }),
        )
    };
    for (place, office) in [
        ("representative", Value::Null),
        ("alternate_representative", json!("  ")),
    ] {
        let err = seat(place, office).unwrap_err();
        assert_eq!(err["code"], "invalid_input", "{err}");
        let message = err["message"].as_str().unwrap();
        assert!(message.contains("ماده ۲۳"), "{message}");
        assert!(message.contains("مدیران دفتر"), "{message}");
        assert!(message.contains("کد دفتر"), "says what to fix: {message}");
    }
    // A form from before the field (no `manages_office`) is read as managing none.
    let err = invoke(
        &app,
        "seat_new_member",
        json!({ "boardId": first, "seat": "representative", "member": { "kind": "kanoon_rep",
                "first_name": "لیلا", "last_name": "کاظمی", "judicial_grade": null,
                "on_kanoon_directors": false } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    let err = seat("representative", json!("دفتر")).unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("کد دفتر"),
        "{err}"
    );
    assert_eq!(
        invoke(&app, "list_boards", json!({})).unwrap(),
        boards,
        "nothing saved"
    );

    seat("representative", json!("۱۱۵۶۰۱۲۷")).unwrap();
    let after = invoke(&app, "list_boards", json!({})).unwrap();
    let seats = after
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "first_instance")
        .unwrap()["seats"]
        .clone();
    let held = |place: &str| {
        seats
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["seat"] == place)
            .unwrap()
            .clone()
    };
    assert_eq!(held("representative")["member_name"], "لیلا کاظمی");
    assert_eq!(held("representative")["manages_office_fa"], "۱۱۵۶۰۱۲۷");
    // The demo's alternate representative is listed with the office she manages.
    assert_eq!(
        held("alternate_representative")["manages_office_fa"],
        "۱۱۵۷۰۱۱۸"
    );
    assert_eq!(held("judge_1")["manages_office_fa"], Value::Null);
}

#[test]
fn the_ruling_preview_is_typeset_without_saving_anything() {
    let app = app();
    let id = shahriar_case(&app);
    let args = ruling_draft(id, 5, Some(4), "احراز تخلف.");
    let pages = invoke(&app, "preview_ruling", args.clone()).unwrap();
    let pages = pages.as_array().unwrap();
    assert!(!pages.is_empty());
    for page in pages {
        let png = page["png"].as_str().unwrap();
        assert!(png.starts_with("data:image/png;base64,"), "{}", &png[..40]);
        assert_eq!(page["width"], 893, "A4 at 1.5 px/pt");
        assert!(
            png.len() < 200 * 1024,
            "a page is {} bytes over IPC",
            png.len()
        );
    }
    // The window holds these pages: asked again with their hashes, none is sent again.
    let mut again_args = args;
    again_args["known"] = pages.iter().map(|p| p["hash"].clone()).collect();
    let again = invoke(&app, "preview_ruling", again_args).unwrap();
    assert_eq!(again.as_array().unwrap().len(), pages.len());
    assert!(again.as_array().unwrap().iter().all(|p| p["png"].is_null()));
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert!(
        file["file"]["rulings"].as_array().unwrap().is_empty(),
        "a preview saves nothing"
    );
    let err = invoke(&app, "preview_ruling", ruling_draft(id, 1, None, "x")).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("مجاز نیست"),
        "{err}"
    );
}

#[test]
fn cases_are_filtered_by_board_office_and_dates() {
    let app = app();
    let all = invoke(&app, "list_cases", json!({ "filter": {} })).unwrap()["rows"].clone();
    let all = all.as_array().unwrap();
    let office = all[0]["office_code"].clone();
    let offices = invoke(&app, "list_offices", json!({})).unwrap();
    let office_id = offices
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["code"] == office)
        .unwrap()["id"]
        .clone();
    let by_office = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "office_id": office_id } }),
    )
    .unwrap()["rows"]
        .clone();
    assert!(
        by_office
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["office_code"] == office)
    );
    let newest = all[0]["registered_on"].as_str().unwrap().to_owned();
    let recent = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "registered_from": newest } }),
    )
    .unwrap()["rows"]
        .clone();
    assert!(!recent.as_array().unwrap().is_empty());
    assert!(recent.as_array().unwrap().len() < all.len());
    let err = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "registered_from": "1405/09/01", "registered_to": "1405/08/01" } }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("بازه"), "{err}");
    let err = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "registered_to": "1402/12/30" } }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("وجود ندارد"),
        "{err}"
    );
}

#[test]
fn evidence_is_attached_as_raw_bytes_and_opened_after_its_hash_is_checked() {
    let app = app();
    let id = shahriar_case(&app);
    let attach = |bytes: &[u8], name: &str, description: &str| {
        let mut headers = tauri::http::HeaderMap::new();
        headers.insert("heyat-case-id", id.to_string().parse().unwrap());
        headers.insert("heyat-file-name", encode(name).parse().unwrap());
        headers.insert("heyat-description", encode(description).parse().unwrap());
        invoke_with(
            &app,
            "attach_evidence",
            InvokeBody::Raw(bytes.to_vec()),
            headers,
        )
    };
    let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    let err = attach(pdf, "گزارش.pdf", " ").unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("شرح"), "{err}");
    let err = attach(b"MZ\x90\x00 not a document", "x.exe", "برنامه").unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("نوع"), "{err}");
    let done = attach(pdf, "گزارش بازرسی.pdf", "گزارش بازرسی ۱۴۰۵/۰۸/۲۰").unwrap();
    assert_eq!(done["file_name"], "گزارش بازرسی.pdf");
    assert_eq!(done["media_type"], "application/pdf");
    assert_eq!(done["sha256"].as_str().unwrap().len(), 64);
    let err = attach(pdf, "دوباره.pdf", "همان").unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("پیش‌تر"), "{err}");
    let path = invoke(&app, "open_evidence", json!({ "evidenceId": done["id"] })).unwrap();
    let copy = std::fs::read(path.as_str().unwrap()).unwrap();
    assert_eq!(copy, pdf);
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(file["file"]["evidence"].as_array().unwrap().len(), 1);

    // The copy is named by the type of its bytes, never by the name it was given.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let shown = attach(png, "scan.pdf.exe", "تصویر رسید").unwrap();
    let path = invoke(&app, "open_evidence", json!({ "evidenceId": shown["id"] })).unwrap();
    let path = path.as_str().unwrap();
    assert!(path.ends_with(".png") && !path.contains(".exe"), "{path}");
    // Text evidence is shown inside the app; anything else is refused there.
    let note = "گزارش تلفنی: دفتر در ساعت ۱۰ بسته بود.";
    let text = attach(note.as_bytes(), "note.doc", "یادداشت").unwrap();
    assert_eq!(text["media_type"], "text/plain; charset=utf-8");
    let path = invoke(&app, "open_evidence", json!({ "evidenceId": text["id"] })).unwrap();
    assert!(path.as_str().unwrap().ends_with(".txt"), "{path}");
    assert_eq!(
        invoke(&app, "evidence_text", json!({ "evidenceId": text["id"] })).unwrap(),
        note
    );
    let err = invoke(&app, "evidence_text", json!({ "evidenceId": done["id"] })).unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("متن نیست"),
        "{err}"
    );
}

/// What `encodeURIComponent` does to a header value.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn the_appeal_board_confirms_or_modifies_and_its_ruling_is_final() {
    let app = app();
    let id = shahriar_case(&app);
    sign_ruling(&app, id, ruling_draft(id, 5, Some(4), "احراز تخلف."));
    let notify = |case: i64| json!({ "caseId": case, "recipient": "manager", "method": "in_person", "notifiedOn": "1405/09/02" });
    invoke(&app, "record_notification", notify(id)).unwrap();
    let filed = invoke(
        &app,
        "file_appeal",
        json!({ "caseId": id, "appellant": "manager", "filedOn": "1405/09/02", "grounds": "درجه سنگین است." }),
    )
    .unwrap();
    let appeal_id = filed["appeal_case_id"].as_i64().unwrap();
    let sitting = hold_session(&app, appeal_id);
    let draft = |result: Option<&str>, grade: u8, months: Option<u32>| {
        let mut d = ruling_draft(
            appeal_id,
            grade,
            months,
            "با توجه به سابقهٔ روشن مدیر دفتر، یک درجه تخفیف داده می‌شود.",
        );
        d["draft"]["appeal_result"] = json!(result);
        d
    };
    let refused = |d: Value| {
        invoke(&app, "print_ruling", d).unwrap_err()["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(refused(draft(None, 4, None)).contains("نتیجهٔ تجدیدنظر"));
    assert!(refused(draft(Some("confirmed"), 4, None)).contains("تأیید"));
    assert!(refused(draft(Some("modified"), 5, Some(4))).contains("اصلاحی"));
    let pages = invoke(&app, "preview_ruling", draft(Some("modified"), 4, None)).unwrap();
    assert!(
        pages[0]["png"]
            .as_str()
            .unwrap()
            .starts_with("data:image/png")
    );
    let printed = invoke(&app, "print_ruling", draft(Some("modified"), 4, None)).unwrap();
    let pdf = std::fs::read(printed["path"].as_str().unwrap()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    sign_all(&app, appeal_id, &sitting);

    let appeal_file = invoke(&app, "open_case", json!({ "caseId": appeal_id })).unwrap();
    let ruling = &appeal_file["file"]["rulings"][0];
    assert_eq!(ruling["stage"], "appeal");
    assert_eq!(ruling["outcome"], "modified");
    assert_eq!(ruling["status"], "signed");
    assert_eq!(appeal_file["file"]["case"]["status"], "decided");
    let first = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(first["file"]["case"]["status"], "appeal_decided");
    // The appeal board's ruling is final (Arts 24, 33).
    invoke(&app, "record_notification", notify(appeal_id)).unwrap();
    let err = invoke(
        &app,
        "file_appeal",
        json!({ "caseId": appeal_id, "appellant": "manager", "filedOn": "1405/09/02", "grounds": "" }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("قطعی"), "{err}");
}

#[test]
fn notification_slips_are_printed_one_by_one_until_none_is_left() {
    let app = app();
    let id = shahriar_case(&app);
    sign_ruling(&app, id, ruling_draft(id, 5, Some(4), "احراز تخلف."));
    let before = invoke(&app, "pending_notices", json!({})).unwrap();
    for (recipient, on) in [("manager", "1405/09/02"), ("center_head", "1405/09/02")] {
        invoke(
            &app,
            "record_notification",
            json!({ "caseId": id, "recipient": recipient, "method": "electronic", "notifiedOn": on }),
        )
        .unwrap();
    }
    let pending = invoke(&app, "pending_notices", json!({})).unwrap();
    let pending = pending.as_array().unwrap();
    assert_eq!(pending.len(), before.as_array().unwrap().len() + 2);
    for p in pending {
        let printed = invoke(
            &app,
            "print_notice",
            json!({ "caseId": p["case_id"], "notificationId": p["notification_id"] }),
        )
        .unwrap();
        let pdf = std::fs::read(printed["path"].as_str().unwrap()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
    assert!(
        invoke(&app, "pending_notices", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .is_empty()
    );
    let err = invoke(
        &app,
        "print_notice",
        json!({ "caseId": id, "notificationId": 999_999 }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("ابلاغ"), "{err}");
}

#[test]
fn a_ruling_no_one_appeals_in_time_becomes_final() {
    let app = app();
    let id = shahriar_case(&app);
    sign_ruling(&app, id, ruling_draft(id, 5, Some(4), "احراز تخلف."));
    let notify = |app: &App, who: &str, on: &str| {
        invoke(
            app,
            "record_notification",
            json!({ "caseId": id, "recipient": who, "method": "electronic", "notifiedOn": on }),
        )
    };
    let err = notify(&app, "manager", "1405/09/01").unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("پیش از امضای"),
        "{err}"
    );
    let done = notify(&app, "manager", "1405/09/02").unwrap();
    assert_eq!(done["deadline_fa"], "۱۴۰۵/۰۹/۲۲");
    assert_eq!(done["final_now"], false);
    notify(&app, "center_head", "1405/09/02").unwrap();
    let desk = invoke(&app, "desk", json!({})).unwrap();
    assert!(desk["finalizable"].as_array().unwrap().is_empty());
    assert!(
        invoke(&app, "finalize_due", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .is_empty()
    );

    // A later start, after the 20 days (1405/09/29): no appeal came, the ruling is final.
    app.webview.state::<AppState>().release_lock();
    let App { dir, .. } = app;
    let later = app_in(dir, chrono::NaiveDate::from_ymd_opt(2026, 12, 20).unwrap());
    let desk = invoke(&later, "desk", json!({})).unwrap();
    let number =
        invoke(&later, "open_case", json!({ "caseId": id })).unwrap()["file"]["case"]["number"]
            .clone();
    assert_eq!(desk["finalizable"], json!([number]));
    assert_eq!(
        invoke(&later, "finalize_due", json!({})).unwrap(),
        json!([number])
    );
    let file = invoke(&later, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(file["file"]["case"]["status"], "final");
    assert_eq!(file["file"]["rulings"][0]["status"], "final");
    let err = invoke(
        &later,
        "file_appeal",
        json!({ "caseId": id, "appellant": "manager", "filedOn": "1405/09/29", "grounds": "" }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("خارج از مهلت"),
        "{err}"
    );
}

#[test]
fn a_ruling_of_grades_1_to_3_is_final_once_served() {
    let app = app();
    let id = shahriar_case(&app);
    sign_ruling(
        &app,
        id,
        ruling_draft(id, 3, None, "با تخفیف دو درجه (مادهٔ ۳۲)."),
    );
    let done = invoke(
        &app,
        "record_notification",
        json!({ "caseId": id, "recipient": "manager", "method": "in_person", "notifiedOn": "1405/09/02" }),
    )
    .unwrap();
    assert_eq!(done["final_now"], true);
    assert!(done["deadline_fa"].is_null());
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert_eq!(file["file"]["case"]["status"], "final");
    let err = invoke(
        &app,
        "file_appeal",
        json!({ "caseId": id, "appellant": "manager", "filedOn": "1405/09/02", "grounds": "" }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("قطعی"), "{err}");
}

#[test]
fn an_acquittal_may_be_appealed_by_the_head_of_the_center_only_on_grades_5_to_7() {
    let app = app();
    let acquit = |case: i64| {
        let mut d = ruling_draft(case, 1, None, "تخلف احراز نشد.");
        d["draft"]["verdict"] = json!("acquittal");
        d["draft"]["grade"] = json!(null);
        d
    };
    let notify = |case: i64, who: &str| {
        invoke(
            &app,
            "record_notification",
            json!({ "caseId": case, "recipient": who, "method": "post", "notifiedOn": "1405/09/02" }),
        )
        .unwrap()
    };
    // Art 38(b), grade 5: the head of the Center may appeal the acquittal, the manager not.
    let grave = shahriar_case(&app);
    let members = hold_session(&app, grave);
    invoke(&app, "print_ruling", acquit(grave)).unwrap();
    sign_all(&app, grave, &members);
    let to_manager = notify(grave, "manager");
    assert!(to_manager["deadline_fa"].is_null() && to_manager["final_now"] == false);
    assert_eq!(notify(grave, "center_head")["deadline_fa"], "۱۴۰۵/۰۹/۲۲");

    // Arts 34(d) and 35(c), grades 1 and 2: the acquittal is final once served.
    let list = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "status": "registered" } }),
    )
    .unwrap()["rows"]
        .clone();
    let light = list[0]["id"].as_i64().unwrap();
    let members = hold_session(&app, light);
    invoke(&app, "print_ruling", acquit(light)).unwrap();
    sign_all(&app, light, &members);
    assert_eq!(notify(light, "center_head")["final_now"], true);
    let err = invoke(
        &app,
        "file_appeal",
        json!({ "caseId": light, "appellant": "center_head", "filedOn": "1405/09/02", "grounds": "" }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("قطعی"), "{err}");
}

#[test]
fn the_suggestion_in_session_reads_the_managers_record_and_the_holidays() {
    let app = app();
    // The demo's registered case is against a manager whose earlier grade-1 conviction was
    // final and carried out months ago: Art 43 must show in the app's suggestion.
    let list = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "status": "registered" } }),
    )
    .unwrap()["rows"]
        .clone();
    let id = list[0]["id"].as_i64().unwrap();
    let s = invoke(
        &app,
        "suggest_for_case",
        json!({ "caseId": id, "decidedOn": "1405/09/02" }),
    )
    .unwrap();
    let steps = s["steps"].as_array().unwrap();
    assert!(
        steps
            .iter()
            .any(|st| st["article"] == "1401:43" && st["mandatory"] == true),
        "{s}"
    );
}

#[test]
fn facts_of_the_file_reach_the_engine() {
    let app = app();
    let list = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "status": "registered" } }),
    )
    .unwrap()["rows"]
        .clone();
    let id = list[0]["id"].as_i64().unwrap();
    let bad = invoke(
        &app,
        "record_case_facts",
        json!({ "caseId": id, "facts": { "deceased_on": "1405/13/01" } }),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "invalid_input", "{bad}");
    invoke(
        &app,
        "record_case_facts",
        json!({ "caseId": id, "facts": { "deceased_on": "1405/09/01" } }),
    )
    .unwrap();
    let s = invoke(
        &app,
        "suggest_for_case",
        json!({ "caseId": id, "decidedOn": "1405/09/02" }),
    )
    .unwrap();
    assert_eq!(s["outcome"], "barred", "{s}");
    assert_eq!(s["bar"]["reason"], "death", "{s}");
}

#[test]
fn a_real_first_start_asks_for_the_administrator_and_loads_no_demo() {
    let dir = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let state =
        tauri::async_runtime::block_on(AppState::open(dir.path(), Some(today), false)).unwrap();
    let app = heyat_app::with_commands(mock_builder())
        .build(tauri::generate_context!())
        .unwrap();
    app.manage(state);
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let app = App { dir, webview };
    let auth = raw_invoke(&app, "auth_state", json!({})).unwrap();
    assert_eq!(auth["needs_setup"], true);
    assert!(auth["signed_in"].is_null());
    assert_eq!(auth["audit"]["ok"], true);
    // Nothing is open before someone signs in, and no demo account exists.
    assert_eq!(
        raw_invoke(&app, "list_cases", json!({ "filter": {} })).unwrap_err()["code"],
        "unauthenticated"
    );
    raw_invoke(
        &app,
        "sign_in",
        json!({ "username": "admin", "password": heyat_store::DEMO_PASSWORD }),
    )
    .unwrap_err();
    let err = raw_invoke(
        &app,
        "first_start",
        json!({ "username": "boss", "name": "مدیر سامانه", "password": "short" }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("۸"), "{err}");
    let me = raw_invoke(
        &app,
        "first_start",
        json!({ "username": "boss", "name": "مدیر سامانه", "password": "a long enough one" }),
    )
    .unwrap();
    assert_eq!(me["role"], "admin");
    assert!(
        me["may"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "manage_accounts")
    );
    let auth = raw_invoke(&app, "auth_state", json!({})).unwrap();
    assert_eq!(auth["needs_setup"], false);
    assert_eq!(auth["signed_in"]["username"], "boss");
    // A second administrator cannot be made this way.
    let err = raw_invoke(
        &app,
        "first_start",
        json!({ "username": "other", "name": "دیگری", "password": "a long enough one" }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("پیش‌تر"), "{err}");
    let cases = raw_invoke(&app, "list_cases", json!({ "filter": {} })).unwrap()["rows"].clone();
    assert!(cases.as_array().unwrap().is_empty(), "no demo data");
    // The window locks: from then on nothing but signing in.
    raw_invoke(&app, "lock", json!({})).unwrap();
    assert_eq!(
        raw_invoke(&app, "list_cases", json!({ "filter": {} })).unwrap_err()["code"],
        "unauthenticated"
    );
}

/// The printed PDF's text, with what `pdftotext` moves (whitespace, bidi controls, ZWNJ, the
/// hamza above) taken out of the comparison.
fn printed_text(printed: &Value) -> String {
    let out = std::process::Command::new("pdftotext")
        .args([printed["path"].as_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed");
    squash(&String::from_utf8(out.stdout).unwrap())
}

fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{200c}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{0654}')
        })
        .collect::<String>()
        .replace("هه", "ه")
}

/// A case opened from a forwarded complaint against office 2, with no charge yet.
fn new_case(app: &App) -> i64 {
    let done = invoke(
        app,
        "register_complaint",
        json!({ "form": { "kind": "complaint", "source": "client", "received_on": "۱۴۰۵/۰۸/۲۸", "office_id": 2,
                          "reporter_name": null, "reporter_contact": null, "reporter_confidential": true,
                          "summary": "گزارش بازرسی دربارهٔ مدیر دفتر.", "review_notes": null, "forward": true } }),
    )
    .unwrap();
    done["case_id"].as_i64().unwrap()
}

fn add_charge(
    app: &App,
    id: i64,
    violation: &str,
    committed_on: &str,
    last_act: Option<&str>,
) -> i64 {
    invoke(
        app,
        "add_charge",
        json!({ "caseId": id, "form": { "violation": violation, "committed_on": committed_on,
                                        "days": null, "facts": "", "last_prosecution_act_on": last_act } }),
    )
    .unwrap()
    .as_i64()
    .unwrap()
}

/// A draft for `print_ruling` with the second reading's fields.
fn draft_with(
    id: i64,
    verdict: &str,
    grade: Option<u8>,
    months: Option<u32>,
    extra: Value,
) -> Value {
    let mut draft = json!({
        "verdict": verdict, "grade": grade, "suspension_months": months, "suspension_years": null,
        "session_date": "1405/09/02", "complaint_summary": "", "defence_summary": "",
        "reasoning": "هیأت با بررسی پرونده چنین یافت.", "dissent_seat": null, "dissent": null });
    for (k, v) in extra.as_object().unwrap() {
        draft[k] = v.clone();
    }
    json!({ "caseId": id, "draft": draft })
}

#[test]
fn one_ruling_acquits_on_one_charge_and_convicts_on_another() {
    let app = app();
    let id = new_case(&app);
    // Art 38(a), grade 5; Art 36(a), grade 3.
    let grave = add_charge(&app, id, "1401:38:a", "1405/07/01", None);
    add_charge(&app, id, "1401:36:a", "1405/07/10", None);
    hold_session(&app, id);
    let acquit_grave = json!({ "acquitted_charges": [grave] });
    // The grade is the convicted charge's (3), not Art 44's combination with the acquitted one.
    let err = invoke(
        &app,
        "print_ruling",
        draft_with(id, "penalty", Some(5), Some(6), acquit_grave.clone()),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("درجهٔ ۵"), "{err}");
    let printed = invoke(
        &app,
        "print_ruling",
        draft_with(id, "penalty", Some(3), None, acquit_grave),
    )
    .unwrap();
    let text = printed_text(&printed);
    for phrase in [
        "محرز نیست؛ برائت",
        "محرز است؛ محکومیت",
        "را محرز نمی‌داند و به برائت",
        "را به مجازات انتظامی درجه سه",
        // Art 33: the head of the Center may appeal the acquittal on a grade 5 charge.
        "از سوی رئیس مرکز آمار و",
    ] {
        assert!(
            text.contains(&squash(phrase)),
            "missing «{phrase}» in\n{text}"
        );
    }
    assert!(!text.contains(&squash("از سوی مدیر دفتر")), "{text}");
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    let ruling = &file["file"]["rulings"][0];
    assert_eq!(ruling["outcome"], "conviction");
    assert_eq!(ruling["grade"], 3);
    // Every charge acquitted is not a conviction; a charge of another case is refused.
    let all = json!({ "acquitted_charges": file["charges"].as_array().unwrap().iter().map(|c| c["id"].clone()).collect::<Vec<_>>() });
    let err = invoke(
        &app,
        "print_ruling",
        draft_with(id, "penalty", Some(3), None, all),
    )
    .unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("رأی برائت را برگزینید"),
        "{err}"
    );
    let err = invoke(
        &app,
        "print_ruling",
        draft_with(
            id,
            "penalty",
            Some(3),
            None,
            json!({ "acquitted_charges": [999_999] }),
        ),
    )
    .unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("در این پرونده نیست"),
        "{err}"
    );
}

#[test]
fn a_case_judged_under_the_1396_code_prints_its_penalties() {
    let app = app();
    let id = new_case(&app);
    // Committed under the 1396 regulation; prosecuted last within Art 30's two years.
    add_charge(&app, id, "1396:37:2", "1400/03/01", Some("1405/01/15"));
    hold_session(&app, id);
    let printed = invoke(
        &app,
        "print_ruling",
        draft_with(id, "penalty", Some(6), None, json!({})),
    )
    .unwrap();
    let text = printed_text(&printed);
    for phrase in [
        "به مجازات انتظامی ردیف شش",
        "لغو دائم پروانه محکوم می‌کند",
        "ماده ۳۵ آیین‌نامه",
    ] {
        assert!(
            text.contains(&squash(phrase)),
            "missing «{phrase}» in\n{text}"
        );
    }
    let printed = invoke(
        &app,
        "print_ruling",
        draft_with(id, "penalty", Some(5), Some(18), json!({})),
    )
    .unwrap();
    let text = printed_text(&printed);
    assert!(
        text.contains(&squash("تعلیق موقت پروانه به مدت یک سال و شش ماه")),
        "{text}"
    );
    let err = invoke(
        &app,
        "print_ruling",
        draft_with(id, "penalty", Some(5), Some(30), json!({})),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("از ۳ تا ۲۴ ماه"),
        "{err}"
    );
}

#[test]
fn article_45_alone_revokes_the_licence_and_is_appealable() {
    let app = app();
    let id = new_case(&app);
    hold_session(&app, id);
    let err = invoke(
        &app,
        "print_ruling",
        draft_with(id, "licence_revocation", None, None, json!({})),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("مواد ۹ تا ۱۱"),
        "{err}"
    );
    let printed = invoke(
        &app,
        "print_ruling",
        draft_with(
            id,
            "licence_revocation",
            None,
            None,
            json!({ "qualifications": ["1401:9:d"] }),
        ),
    )
    .unwrap();
    let text = printed_text(&printed);
    for phrase in [
        "شرایطی که مدیر دفتر فاقد آن است",
        "رأی به لغو پروانه دفتر صادر می‌کند",
        "از سوی مدیر دفتر یا رئیس مرکز آمار و",
        "دارا بودن مدرک کارشناسی یا بالاتر در رشته‌های مرتبط با حقوق",
    ] {
        assert!(
            text.contains(&squash(phrase)),
            "missing «{phrase}» in\n{text}"
        );
    }
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    let ruling = &file["file"]["rulings"][0];
    assert_eq!(ruling["outcome"], "conviction");
    assert!(ruling["grade"].is_null());
    // A case with charges is ruled on its charges.
    add_charge(&app, id, "1401:36:a", "1405/07/10", None);
    let err = invoke(
        &app,
        "print_ruling",
        draft_with(
            id,
            "licence_revocation",
            None,
            None,
            json!({ "qualifications": ["1401:9:d"] }),
        ),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("بی‌تخلف"), "{err}");
}

/// Art 45 and Art 31 through the app: the case file lists the conditions of Arts 9–11 and
/// records those lost (refused, nothing saved, for anything else or the wrong role); the desk
/// shows the demo's running suspended prosecution with its end; revoking it is refused to
/// the roles it is not for, and to the secretary while no conviction revokes it; closing it
/// while it runs is refused.
#[test]
fn lost_qualifications_and_suspended_prosecutions_through_the_app() {
    let app = app();
    let list = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "status": "registered" } }),
    )
    .unwrap()["rows"]
        .clone();
    let id = list[0]["id"].as_i64().unwrap();
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    let conditions = file["conditions"].as_array().unwrap();
    let degree = conditions
        .iter()
        .find(|c| c["id"] == "1401:9:d")
        .unwrap_or_else(|| panic!("{conditions:?}"));
    assert_eq!(degree["title_fa"], "مدرک تحصیلی");
    assert_eq!(degree["label_fa"], "ت");
    assert!(
        file["file"]["lost_qualifications"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let one = json!([{ "condition": "1401:9:d", "found_on": "1405/08/20", "note": "نامهٔ ۱۲" }]);
    sign_in_as(&app, "judge-2");
    let err = raw_invoke(
        &app,
        "set_lost_qualifications",
        json!({ "caseId": id, "list": one }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "forbidden", "{err}");
    sign_in_as(&app, "secretary");
    for (list, piece) in [
        (
            json!([{ "condition": "1401:37:f", "found_on": "1405/08/20" }]),
            "مواد ۹ تا ۱۱",
        ),
        (
            json!([{ "condition": "1401:9:d", "found_on": "1405/13/20" }]),
            "تاریخ احراز",
        ),
    ] {
        let err = raw_invoke(
            &app,
            "set_lost_qualifications",
            json!({ "caseId": id, "list": list }),
        )
        .unwrap_err();
        assert!(err["message"].as_str().unwrap().contains(piece), "{err}");
    }
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert!(
        file["file"]["lost_qualifications"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    raw_invoke(
        &app,
        "set_lost_qualifications",
        json!({ "caseId": id, "list": one }),
    )
    .unwrap();
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    let lost = &file["file"]["lost_qualifications"][0];
    assert_eq!(lost["condition"], "1401:9:d");
    assert_eq!(lost["found_on"], "2026-11-11");
    assert_eq!(file["dates_fa"]["2026-11-11"], "۱۴۰۵/۰۸/۲۰");

    // The desk: the demo's suspended prosecution runs, with its end in Persian digits.
    let desk = invoke(&app, "desk", json!({})).unwrap();
    let s = &desk["suspensions"][0];
    assert_eq!(s["case_number"], "1404-0001", "{desk}");
    assert_eq!(s["state"], "running");
    assert_eq!(s["years"], 1);
    assert!(
        s["ends_on_fa"].as_str().unwrap().starts_with("۱۴۰۵/"),
        "{s}"
    );
    let suspended = s["case_id"].as_i64().unwrap();
    let file = invoke(&app, "open_case", json!({ "caseId": suspended })).unwrap();
    assert_eq!(file["status_fa"], "تعلیق تعقیب");
    assert_eq!(file["suspension"]["state"], "running");

    // Revoking: not the Kanoon reviewer's, not a member's unless the board's chair; the
    // secretary is refused while no conviction within the period revokes it.
    for (who, piece) in [("kanoon", "نمایندهٔ کانون"), ("judge-1", "رئیس")] {
        sign_in_as(&app, who);
        let err =
            raw_invoke(&app, "revoke_suspension", json!({ "caseId": suspended })).unwrap_err();
        assert_eq!(err["code"], "forbidden", "{who}: {err}");
        assert!(err["message"].as_str().unwrap().contains(piece), "{err}");
    }
    sign_in_as(&app, "secretary");
    let err = raw_invoke(&app, "revoke_suspension", json!({ "caseId": suspended })).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("مادهٔ ۳۱"),
        "{err}"
    );
    let err = raw_invoke(&app, "close_suspension", json!({ "caseId": suspended })).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("ادامه دارد"),
        "{err}"
    );
    let file = invoke(&app, "open_case", json!({ "caseId": suspended })).unwrap();
    assert_eq!(file["file"]["case"]["status"], "suspended");
}

/// A day's docket (issue 13): one sitting hears two cases in order, the attendance taken
/// once; a member steps aside on the second case and the alternate sits for it only; each
/// case's votes go to its own session; the combined minutes print.
#[test]
fn a_sitting_hears_two_cases_in_order() {
    let app = app();
    let day = invoke(&app, "docket_day", json!({})).unwrap();
    let board = day["board_id"].as_i64().unwrap();
    let candidates = day["candidates"].as_array().unwrap();
    assert_eq!(
        candidates[0]["scheduled"], true,
        "the day's scheduled case comes first: {day}"
    );
    assert!(candidates.len() >= 2, "{day}");
    let shahriar = shahriar_case(&app);
    assert_eq!(candidates[0]["case_id"], shahriar);
    let second = candidates[1]["case_id"].as_i64().unwrap();
    let attendance = json!({ "judge_1": "present", "judge_2": "present", "representative": "present",
        "alternate_judge_present": false, "alternate_representative_present": true });
    let q = invoke(
        &app,
        "sitting_quorum",
        json!({ "boardId": board, "attendance": attendance }),
    )
    .unwrap();
    assert_eq!(q["quorum"], true, "{q}");
    let members: Vec<i64> = q["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["member_id"].as_i64().unwrap())
        .collect();
    let form = |cases: Vec<i64>| {
        json!({ "form": { "board_id": board, "held_on": "۱۴۰۵/۰۹/۰۲", "attendance": attendance,
            "chair_member_id": members[0], "case_ids": cases } })
    };
    // The same case twice is refused, naming it; nothing is saved.
    let err = invoke(&app, "open_sitting", form(vec![shahriar, second, shahriar])).unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("دو بار در دستور نشست"),
        "{err}"
    );
    assert!(
        invoke(&app, "list_sittings", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .is_empty()
    );
    // Only the secretary holds it: a member may not.
    sign_in_as(&app, "judge-2");
    let err = raw_invoke(&app, "open_sitting", form(vec![shahriar, second])).unwrap_err();
    assert_eq!(err["code"], "forbidden", "{err}");
    sign_in_as(&app, "secretary");

    let id = invoke(&app, "open_sitting", form(vec![shahriar, second]))
        .unwrap()
        .as_i64()
        .unwrap();
    let s = invoke(&app, "get_sitting", json!({ "sittingId": id })).unwrap();
    assert_eq!(s["day_fa"], "دوشنبه ۱۴۰۵/۰۹/۰۲");
    let cases = s["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0]["case_id"], shahriar);
    assert_eq!(cases[1]["case_id"], second);
    assert_eq!(cases[0]["status_fa"], "رسیدگی‌شده", "{s}");

    // The representative steps aside on the second case: the alternate sits for it only.
    let s = invoke(
        &app,
        "recuse_in_sitting",
        json!({ "sittingId": id, "caseId": second, "memberId": members[2], "chairMemberId": null }),
    )
    .unwrap();
    let recusal = &s["cases"][1]["recusals"][0];
    assert_eq!(recusal["member_id"], members[2], "{s}");
    assert_eq!(s["cases"][1]["places"][2]["by_alternate"], true);
    assert_eq!(s["cases"][0]["places"][2]["member_id"], members[2]);
    // No one is left to replace judge 2 there: refused, naming the case and what to do.
    let err = invoke(
        &app,
        "recuse_in_sitting",
        json!({ "sittingId": id, "caseId": second, "memberId": members[1], "chairMemberId": null }),
    )
    .unwrap_err();
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains("عضو علی‌البدل هم‌سنخ در نشست حاضر نیست"),
        "{err}"
    );
    assert!(message.contains("وقت تعیین کنید"), "{err}");

    // A vote in each case, recorded in its own session as today.
    for (case, session) in cases.iter().map(|c| {
        (
            c["case_id"].as_i64().unwrap(),
            c["session_id"].as_i64().unwrap(),
        )
    }) {
        let file = invoke(&app, "open_case", json!({ "caseId": case })).unwrap();
        let sat: Vec<i64> = file["file"]["sessions"][0]["attendance"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["member_id"].as_i64().unwrap())
            .collect();
        let votes: Vec<Value> = sat
            .iter()
            .map(|m| json!({ "member_id": m, "choice": "محرز است", "dissent": null }))
            .collect();
        let tally = invoke(
            &app,
            "record_votes",
            json!({ "caseId": case, "sessionId": session, "question": "آیا تخلف محرز است؟", "kind": "guilt", "votes": votes }),
        )
        .unwrap();
        assert_eq!(tally["decided"], "محرز است");
    }
    let s = invoke(&app, "get_sitting", json!({ "sittingId": id })).unwrap();
    assert_eq!(s["cases"][0]["votes"], 3);
    assert_eq!(s["cases"][1]["votes"], 3);

    let printed = invoke(&app, "print_sitting_minutes", json!({ "sittingId": id })).unwrap();
    assert!(
        printed["path"]
            .as_str()
            .unwrap()
            .contains("sitting-minutes-2026-11-23"),
        "{printed}"
    );
    let text = printed_text(&printed);
    for phrase in [
        "صورت‌جلسه نشست هیأت",
        "حضور و غیاب اعضا (یک بار برای همه پرونده‌های نشست)",
        "در این پرونده کناره‌گیری کرد",
        "آیا تخلف محرز است؟",
        "نتیجه هر پرسش در بالا آمده است",
    ] {
        assert!(text.contains(&squash(phrase)), "«{phrase}» in {text}");
    }
    let listed = invoke(&app, "list_sittings", json!({})).unwrap();
    assert_eq!(listed[0]["cases"], 2);
}

#[test]
fn a_summons_is_issued_printed_served_and_answered() {
    let app = app();
    let id = shahriar_case(&app);
    let panel = invoke(&app, "list_summonses", json!({ "caseId": id })).unwrap();
    // Ten days from Monday 1405/09/02 end on Thursday 09/12; the 13th is a Friday.
    assert_eq!(panel["earliest_session"], "1405/09/14");
    assert_eq!(panel["defence_days"], 10);
    // The demo's session today is too soon for a summons: not offered.
    assert_eq!(panel["scheduled_day"], Value::Null);
    let issue = |day: &str, at: &str| {
        invoke(
            &app,
            "issue_summons",
            json!({ "caseId": id, "sessionOn": day, "atTime": at, "place": "" }),
        )
    };
    let err = issue("1405/09/12", "10:00").unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("۱۴۰۵/۰۹/۱۴ یا پس از آن"),
        "{err}"
    );
    let err = issue("1405/09/21", "").unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("ساعت"), "{err}");
    // A member reads the summonses but does not issue one.
    sign_in_as(&app, "judge-1");
    assert!(raw_invoke(&app, "list_summonses", json!({ "caseId": id })).is_ok());
    let err = raw_invoke(
        &app,
        "issue_summons",
        json!({ "caseId": id, "sessionOn": "1405/09/21", "atTime": "10:00", "place": "" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "forbidden", "{err}");
    sign_in_as(&app, "secretary");

    let issued = issue("۱۴۰۵/۰۹/۲۱", "۱۰:۳۰").unwrap();
    let s = &issued["summons"];
    assert_eq!(s["session_on_fa"], "شنبه ۱۴۰۵/۰۹/۲۱");
    assert_eq!(s["at_time_fa"], "۱۰:۳۰");
    assert_eq!(s["issued_on_fa"], "۱۴۰۵/۰۹/۰۲");
    assert!(!s["charges_fa"].as_array().unwrap().is_empty());
    let path = issued["printed"]["path"].as_str().unwrap();
    assert!(path.ends_with(".pdf") && std::path::Path::new(path).exists());
    assert_eq!(s["pdf_path"].as_str(), Some(path));
    let text = std::process::Command::new("pdftotext")
        .args([path, "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("اخطاریه"), "{text}");
    assert!(text.contains("۱۴۰۵/۰۹/۲۱"), "{text}");
    // The session is on the case's calendar now.
    let file = invoke(&app, "open_case", json!({ "caseId": id })).unwrap();
    assert!(
        file["file"]["scheduled"]
            .as_array()
            .unwrap()
            .iter()
            .any(|sc| sc["scheduled_on"] == "2026-12-12"),
        "{}",
        file["file"]["scheduled"]
    );

    let summons_id = s["id"].as_i64().unwrap();
    let err = invoke(
        &app,
        "record_summons_service",
        json!({ "summonsId": summons_id, "method": "in_person", "servedOn": "1405/09/05" }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("هنوز نرسیده"),
        "{err}"
    );
    let served = invoke(
        &app,
        "record_summons_service",
        json!({ "summonsId": summons_id, "method": "in_person", "servedOn": "1405/09/02" }),
    )
    .unwrap();
    assert_eq!(served["defence_due_fa"], "۱۴۰۵/۰۹/۱۲");
    assert_eq!(served["days_left"], 10);
    assert_eq!(served["session_too_soon"], false);
    let defended = invoke(
        &app,
        "record_defence",
        json!({ "summonsId": summons_id, "receivedOn": "1405/09/02", "note": "لایحهٔ دفاعیه در دو برگ" }),
    )
    .unwrap();
    assert_eq!(defended["defence_late"], false);
    assert_eq!(defended["defence_received_on_fa"], "۱۴۰۵/۰۹/۰۲");
    let reprinted = invoke(&app, "print_summons", json!({ "summonsId": summons_id })).unwrap();
    assert_eq!(reprinted["path"].as_str(), Some(path));
    let panel = invoke(&app, "list_summonses", json!({ "caseId": id })).unwrap();
    assert_eq!(panel["summonses"].as_array().unwrap().len(), 1);
    // Its history names the secretary.
    let history = invoke(&app, "case_history", json!({ "caseId": id })).unwrap();
    assert!(
        history.to_string().contains("summonses") || history.to_string().contains("اخطاریه"),
        "{history}"
    );
}

#[test]
fn sealed_rulings_are_printed_again_in_a_batch_identical_to_the_kept_pdfs() {
    let app = app();
    let id = shahriar_case(&app);
    sign_ruling(&app, id, ruling_draft(id, 5, Some(4), "احراز تخلف."));
    let done = invoke(
        &app,
        "reprint_rulings",
        json!({ "from": "1400/01/01", "to": "1405/12/29" }),
    )
    .unwrap();
    let written = done["written"].as_u64().unwrap();
    assert!(written >= 1, "the ruling just sealed: {done}");
    assert_eq!(done["total"].as_u64().unwrap(), written, "{done}");
    assert!(done["differing"].as_array().unwrap().is_empty(), "{done}");
    assert_eq!(done["stopped"], false);
    let folder = std::path::PathBuf::from(done["folder"].as_str().unwrap());
    let pdfs: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(pdfs.len() as u64, written);
    // Nothing sealed in a year with no rulings; a range backwards is refused.
    let none = invoke(
        &app,
        "reprint_rulings",
        json!({ "from": "1399/01/01", "to": "1399/12/29" }),
    )
    .unwrap();
    assert_eq!(none["total"], 0);
    let err = invoke(
        &app,
        "reprint_rulings",
        json!({ "from": "1405/12/29", "to": "1400/01/01" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
    let err = invoke(
        &app,
        "reprint_rulings",
        json!({ "from": "1405/13/01", "to": "1405/12/29" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input", "{err}");
}

/// The audit chain is checked after the window opens: "checking" at first, then intact; a
/// row edited behind the app's back turns the banner on at the next start's check.
#[test]
fn the_audit_chain_is_checked_in_the_background_at_start() {
    let app = app();
    let state = app.webview.state::<AppState>();
    let first = invoke(&app, "auth_state", json!({})).unwrap();
    assert_eq!(first["audit"]["checking"], true, "{first}");
    assert_eq!(
        first["audit"]["ok"], true,
        "no banner while checking: {first}"
    );
    tauri::async_runtime::block_on(state.check_audit()).unwrap();
    let done = invoke(&app, "auth_state", json!({})).unwrap();
    assert_eq!(done["audit"]["checking"], false, "{done}");
    assert_eq!(done["audit"]["ok"], true, "{done}");

    tauri::async_runtime::block_on(async {
        for sql in [
            "DROP TRIGGER audit_log_no_update",
            "UPDATE audit_log SET actor = 'someone else' WHERE id = 2",
        ] {
            sqlx::query(sql).execute(state.store.pool()).await.unwrap();
        }
    });
    tauri::async_runtime::block_on(state.check_audit()).unwrap();
    let broken = invoke(&app, "auth_state", json!({})).unwrap();
    assert_eq!(broken["audit"]["ok"], false, "{broken}");
    let message = broken["audit"]["message"].as_str().unwrap();
    assert!(
        message.contains("سالم نیست") && message.contains("۲"),
        "{message}"
    );
    let diagnostics = invoke(&app, "diagnostics", json!({})).unwrap();
    let text = diagnostics.as_str().unwrap();
    assert!(
        text.contains("audit chain: ") && !text.contains("audit chain: intact"),
        "{text}"
    );
}

/// A case package from the case file, checked and received through the raw IPC body: the
/// same installation knows its own key; a second receipt is refused and the first kept.
#[test]
fn a_case_package_is_sent_checked_and_received_once() {
    let app = app();
    let id = shahriar_case(&app);
    let sent = invoke(&app, "export_case_package", json!({ "caseId": id })).unwrap();
    let path = sent["path"].as_str().unwrap();
    assert!(
        path.contains("/packages/case-") && path.ends_with(".heyat"),
        "{path}"
    );
    assert_eq!(sent["fingerprint"].as_str().unwrap().len(), 19, "{sent}");
    let bytes = std::fs::read(path).unwrap();
    let send = |cmd: &str, bytes: &[u8]| {
        let mut headers = tauri::http::HeaderMap::new();
        headers.insert("heyat-fingerprint", "".parse().unwrap());
        invoke_with(&app, cmd, InvokeBody::Raw(bytes.to_vec()), headers)
    };
    let report = send("verify_case_package", &bytes).unwrap();
    assert_eq!(report["genuine"], true, "{report}");
    assert_eq!(report["trusted_by"], "known", "{report}");
    assert_eq!(report["case"]["case"]["id"], id);
    let kept = send("receive_case_package", &bytes).unwrap();
    assert_eq!(kept["case_number"], report["case_number"]);
    assert_eq!(kept["trusted_fa"], "کلید فرستنده در این دستگاه شناخته بود");
    let again = send("receive_case_package", &bytes).unwrap_err();
    assert!(
        again["message"].as_str().unwrap().contains("پیش‌تر"),
        "{again}"
    );
    let list = invoke(&app, "received_packages", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    // Bytes that are not a package say so, and nothing is kept.
    let err = send("receive_case_package", b"not a package").unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("ZIP"), "{err}");
    let err = send("receive_case_package", b"").unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("خالی"), "{err}");
    assert_eq!(
        invoke(&app, "received_packages", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // The first-instance board does not open an appeal case; the appeal board does, once.
    let received_id = list[0]["id"].as_i64().unwrap();
    let err = raw_invoke(&app, "open_case_from_package", json!({ "id": received_id })).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("تجدیدنظر"),
        "{err}"
    );
    sign_in_as(&app, "appeal-secretary");
    let opened = raw_invoke(&app, "open_case_from_package", json!({ "id": received_id })).unwrap();
    let file = raw_invoke(&app, "open_case", json!({ "caseId": opened["id"] })).unwrap();
    assert!(
        file["file"]["case"]["subject"]
            .as_str()
            .unwrap()
            .contains("تجدیدنظرخواهی"),
        "{file}"
    );
    let list = raw_invoke(&app, "received_packages", json!({})).unwrap();
    assert_eq!(list[0]["opened_case_id"], opened["id"]);
    let again =
        raw_invoke(&app, "open_case_from_package", json!({ "id": received_id })).unwrap_err();
    assert!(
        again["message"].as_str().unwrap().contains("پیش‌تر"),
        "{again}"
    );
    // A member neither sends nor receives.
    sign_in_as(&app, "judge-1");
    let err = raw_invoke(&app, "export_case_package", json!({ "caseId": id })).unwrap_err();
    assert_eq!(err["code"], "forbidden");
    sign_in_as(&app, "secretary");
}

/// A database that does not open at start — a server that does not answer, a data folder
/// another copy holds — still gives a window: it says why in Persian and where it looked (a
/// server without its password), nothing else answers meanwhile, and a retry once the cause
/// is gone opens the database.
#[test]
fn a_start_that_cannot_open_the_database_says_why_and_tries_again() {
    use heyat_app::commands::start::{StartArgs, install};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let start = |args: StartArgs| {
        let app = heyat_app::with_commands(mock_builder())
            .build(tauri::generate_context!())
            .unwrap();
        let opened = tauri::async_runtime::block_on(args.open());
        assert!(opened.is_err(), "{args:?} opened");
        install(&app, args, opened);
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        App {
            dir: tempfile::tempdir().unwrap(),
            webview,
        }
    };

    // A server no one listens on (port 9, discard): refused at once.
    let dir = tempfile::tempdir().unwrap();
    let app = start(StartArgs {
        data_dir: dir.path().to_path_buf(),
        db: Some("postgres://heyat:s3cret@127.0.0.1:9/heyat".into()),
        today: Some(today),
        demo: false,
    });
    let status = raw_invoke(&app, "start_status", json!({})).unwrap();
    assert_eq!(status["ok"], false);
    let message = status["message"].as_str().unwrap();
    assert!(
        message.contains("در دسترس نیست") && message.contains("چیزی ذخیره نشد"),
        "{message}"
    );
    let place = status["place"].as_str().unwrap();
    assert_eq!(place, "postgres://heyat:***@127.0.0.1:9/heyat");
    assert!(!message.contains("s3cret"), "{message}");
    assert!(raw_invoke(&app, "auth_state", json!({})).is_err());
    let again = raw_invoke(&app, "retry_start", json!({})).unwrap();
    assert_eq!(again["ok"], false, "still no server: {again}");

    // The data folder held by another copy; once it lets go, a retry opens it.
    let dir = tempfile::tempdir().unwrap();
    let held = heyat_store::DataLock::acquire(dir.path()).unwrap();
    let app = start(StartArgs {
        data_dir: dir.path().to_path_buf(),
        db: None,
        today: Some(today),
        demo: false,
    });
    let status = raw_invoke(&app, "start_status", json!({})).unwrap();
    assert_eq!(status["ok"], false);
    assert_eq!(status["place"], json!(dir.path().display().to_string()));
    drop(held);
    let status = raw_invoke(&app, "retry_start", json!({})).unwrap();
    assert_eq!(status["ok"], true, "{status}");
    let state = raw_invoke(&app, "auth_state", json!({})).unwrap();
    assert_eq!(
        state["needs_setup"], true,
        "a new folder asks for its administrator"
    );
}
