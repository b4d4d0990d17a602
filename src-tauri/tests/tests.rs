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
    _dir: tempfile::TempDir,
    webview: tauri::WebviewWindow<tauri::test::MockRuntime>,
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let state = tauri::async_runtime::block_on(AppState::open(dir.path(), today)).unwrap();
    let app = heyat_app::with_commands(mock_builder())
        .build(tauri::generate_context!())
        .unwrap();
    app.manage(state);
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    App { _dir: dir, webview }
}

fn invoke(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        &app.webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
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
    let all = invoke(&app, "list_cases", json!({ "filter": {} })).unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 6);
    assert_eq!(all[0]["number"], "1405-0006");
    assert_eq!(all[0]["status_fa"], "ثبت‌شده");
    assert_eq!(all[0]["registered_on_fa"], "۱۴۰۵/۰۸/۲۰");

    let found = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "text": "شهریار" } }),
    )
    .unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);
    let final_ones = invoke(
        &app,
        "list_cases",
        json!({ "filter": { "status": "final" } }),
    )
    .unwrap();
    assert_eq!(final_ones.as_array().unwrap().len(), 1);
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
            "نماینده",
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
        6
    );
}
