//! Two apps on one PostgreSQL server, as two machines of one board would be (issue 15): each
//! its own data folder, both on one database. A case goes from complaint to a signed ruling
//! between them — the secretary registers it in one, the chair votes and drafts in the other,
//! two members sign the same ruling at the same moment from the two windows, the third seals
//! it — and the server is read at the end: one ruling sealed, one intact audit chain.
//!
//! Needs `HEYAT_TEST_PG` (a server URL whose role may create databases; `./test` passes the
//! loopback server of `scripts/pg`), a display and `tauri-driver`, like the smoke walk.

use fantoccini::{Client, Locator};
use heyat_e2e::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_apps_on_one_server_carry_a_case_to_a_signed_ruling() {
    let Ok(server) = std::env::var("HEYAT_TEST_PG") else {
        eprintln!("HEYAT_TEST_PG is not set: this walk needs a PostgreSQL server; not run");
        return;
    };
    let name = format!("heyat_e2e_{}", std::process::id());
    let db = heyat_store::create_server_database(&server, &name)
        .await
        .expect("a database of the walk's own on the server");
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // The first app finds the database empty and loads the demo before its window opens;
    // the second, started after, finds the data there and loads nothing.
    let driver_a = Driver::start_with(dir_a.path(), &[("HEYAT_DB", &db)]);
    let a = connect(&driver_a).await;
    appears(&a, "[data-testid=login-form] input[name=username]").await;
    let driver_b = Driver::start_with(dir_b.path(), &[("HEYAT_DB", &db)]);
    let b = connect(&driver_b).await;
    appears(&b, "[data-testid=login-form] input[name=username]").await;
    sign_in(&a, "secretary").await;
    sign_in(&b, "judge-1").await;
    appears(&a, "[data-testid=desk-counts]").await;

    // The header says which server the window writes to, without user or password.
    for client in [&a, &b] {
        // The header fills in once the app's information has come after the sign-in.
        appears(client, "[data-testid=server-badge]").await;
        let badge = text_of(client, "[data-testid=server-badge]").await;
        assert!(
            badge.contains("127.0.0.1") && badge.contains(&name) && !badge.contains("heyat@"),
            "the header names the server: {badge}"
        );
    }
    shoot(&a, "server-a-desk").await;

    // Machine A, the secretary: a complaint opens a case; a charge; a session set and held.
    let number = register_case(&a).await;
    held_session(&a).await;
    shoot(&a, "server-a-session").await;

    // Machine B, the chair: the case A just opened is there; the votes and the draft.
    open_case_numbered(&b, &number).await;
    votes(&b).await;
    draft_ruling(&b).await;
    shoot(&b, "server-b-draft").await;

    // Judge 1 on B and judge 2 on A sign the same ruling at the same moment.
    switch_user(&a, "judge-2").await;
    open_case_numbered(&a, &number).await;
    click(&a, "button[data-tab=rulings]").await;
    for client in [&a, &b] {
        type_signing_password(client, DEMO_PASSWORD).await;
    }
    tokio::join!(click(&a, SIGN_BUTTON), click(&b, SIGN_BUTTON));
    for client in [&a, &b] {
        until(
            client,
            "signed",
            "return document.querySelector('[data-signer-self]') === null",
        )
        .await;
    }
    shoot(&a, "server-a-signed").await;
    shoot(&b, "server-b-signed").await;

    // The representative seals it on A; B, opening the case again, finds it sealed.
    switch_user(&a, "representative").await;
    open_case_numbered(&a, &number).await;
    click(&a, "button[data-tab=rulings]").await;
    type_signing_password(&a, DEMO_PASSWORD).await;
    click(&a, SIGN_BUTTON).await;
    appears(&a, "[data-testid=locked]").await;
    let notice = text_of(&a, "[data-testid=case-notice]").await;
    let sealed = notice
        .split("ذخیره شد: ")
        .nth(1)
        .unwrap_or_else(|| panic!("no sealed path in: {notice}"))
        .trim()
        .to_owned();
    click(&b, "button[data-tab=summary]").await;
    click(&b, "button[data-tab=rulings]").await;
    appears(&b, "[data-testid=locked]").await;
    let record = text_of(&b, "[data-testid=locked]").await;
    let listed = text_of(&b, ".panel").await;
    js(
        &b,
        "document.querySelector('[data-testid=locked]').scrollIntoView({ block: 'center' }); return true",
    )
    .await;
    shoot(&b, "server-b-sealed").await;
    assert!(
        listed.contains("به دست ۳ عضو"),
        "B lists the three signatures of the sealed ruling: {record} {listed}"
    );
    assert_eq!(
        js(
            &b,
            "return document.querySelector('[data-testid=case-notice]') === null"
        )
        .await,
        json!(true),
        "no stale note of B's own signature"
    );

    // B checks the PDF A sealed against the members' keys on the server: genuine.
    click(&b, "nav button[data-section=verify]").await;
    appears(&b, "input[name=path]").await;
    fill(&b, "input[name=path]", &sealed).await;
    click(&b, "[data-testid=verify]").await;
    appears(&b, "[data-testid=verify-genuine]").await;
    shoot(&b, "server-b-verify").await;
    std::fs::copy(&sealed, screenshot_dir().join("server-ruling-signed.pdf")).unwrap();
    let text = std::process::Command::new("pdftotext")
        .args([sealed.as_str(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("مراجع دفتر") && !text.contains("client"),
        "the complaint's source in Persian, never its code: {text}"
    );

    step("close A", a.close()).await;
    step("close B", b.close()).await;
    drop((driver_a, driver_b));

    // The server holds one sealed ruling for the case, and one unbroken audit chain.
    let reader = tempfile::tempdir().unwrap();
    let store = heyat_store::Store::connect(&db, reader.path())
        .await
        .unwrap();
    let sealed_here: Vec<_> = store
        .sealed_between("2000-01-01", "2100-12-31")
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.case_number == number)
        .collect();
    assert_eq!(sealed_here.len(), 1, "one sealed ruling for {number}");
    let report = store.verify_audit().await.unwrap();
    assert!(
        report.problems.is_empty(),
        "the audit chain of both apps is one intact chain: {:?}",
        report.problems
    );
    eprintln!(
        "case {number}: sealed by two apps on one server; audit chain of {} rows intact",
        report.rows
    );
    store.close().await;
    if std::env::var_os("HEYAT_KEEP_DB").is_none() {
        heyat_store::drop_server_database(&db).await.unwrap();
    }
    // Neither app made a SQLite file: both worked on the server.
    for dir in [dir_a.path(), dir_b.path()] {
        assert!(!dir.join(heyat_store::DATABASE_FILE).exists());
    }
}

/// The secretary registers a complaint against office 1, opens its case and adds a 5-day
/// absence; answers the case's number.
async fn register_case(client: &Client) -> String {
    click(client, "nav button[data-section=complaints]").await;
    submit_complaint(
        client,
        "۱۴۰۵/۰۸/۲۸",
        "مدیر دفتر از ۱۴۰۵/۰۸/۲۰ پنج روز در دفتر حاضر نشد.",
    )
    .await;
    click(client, "[data-testid=complaint-done] button").await;
    appears(client, "#case-title").await;
    let number = case_number_shown(client).await;
    click(client, "button[data-tab=charges]").await;
    add_absence(client, "1405/08/20", "5").await;
    number
}

/// The session is set for 1405/09/10 and held, the whole board present, judge 1 in the chair.
async fn held_session(client: &Client) {
    click(client, "button[data-tab=sessions]").await;
    appears(client, "input[name=schedule_day]").await;
    fill(client, "input[name=schedule_day]", "۱۴۰۵/۰۹/۱۰").await;
    fill(client, "input[name=schedule_at]", "۱۰:۳۰").await;
    click(
        client,
        "form[aria-label=\"تعیین وقت جلسه\"] button[type=submit]",
    )
    .await;
    until(client, "scheduled", "return document.querySelector('[data-testid=scheduled]')?.textContent.includes('۱۴۰۵/۰۹/۱۰') === true").await;
    appears(client, "input[name=held_on]").await;
    fill(client, "input[name=held_on]", "۱۴۰۵/۰۹/۰۲").await;
    until(client, "quorum", "return document.querySelector('[data-testid=quorum]')?.textContent.includes('رسمیت دارد') === true").await;
    let chair = step("chair", client.find(Locator::Css("select[name=chair]"))).await;
    step("chair", chair.select_by_index(1)).await;
    click(client, "form[aria-label=\"ثبت جلسه\"] button[type=submit]").await;
    appears(client, "[data-testid=session-record]").await;
}

/// The chair records the board's votes: the charge proved, then grade 6 (grade 5 of Art 38,
/// raised by the manager's record under Art 43), all three agreeing.
async fn votes(client: &Client) {
    click(client, "button[data-tab=sessions]").await;
    appears(client, "form.votes [data-voter]").await;
    for answer in ["محرز است", "درجهٔ ۶"] {
        let fields = step(
            "voters",
            client.find_all(Locator::Css("form.votes [data-voter] input[name=choice]")),
        )
        .await;
        assert_eq!(fields.len(), 3, "three members sat");
        for field in &fields {
            step("clear", field.clear()).await;
            step("vote", field.send_keys(answer)).await;
        }
        click(client, "form.votes button[type=submit]").await;
        until(
            client,
            answer,
            &format!(
                "return document.querySelector('[data-testid=tally]')?.textContent.includes('اکثریت: «{answer}»') === true"
            ),
        )
        .await;
    }
}

/// The chair's draft of the ruling, seeded from the votes (grade 6, 18 months), printed.
async fn draft_ruling(client: &Client) {
    click(client, "button[data-tab=rulings]").await;
    appears(client, "form.ruling-form").await;
    until(
        client,
        "seeded grade",
        "return document.querySelector('select[name=grade]')?.value === '6'",
    )
    .await;
    fill(client, "input[name=session_date]", "۱۴۰۵/۰۹/۰۲").await;
    appears(client, "input[name=suspension_months]").await;
    fill(client, "input[name=suspension_months]", "18").await;
    fill(
        client,
        "textarea[name=reasoning]",
        "غیبت پنج‌روزه با گزارش بازرسی احراز شد و سابقهٔ محکومیت قطعی، مجازات را یک درجه تشدید می‌کند.",
    )
    .await;
    click(client, "form.ruling-form button[type=submit]").await;
    appears(client, "[data-testid=printed]").await;
    assert_eq!(
        js(
            client,
            "return document.querySelector('[data-testid=case-error]')?.textContent ?? ''"
        )
        .await,
        json!("")
    );
}
