//! What the end-to-end tests share: the real app started by `tauri-driver` (one per data
//! folder, so several apps can run at once) and the steps a person takes in its window,
//! each bounded in time so that a test fails instead of hanging.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Every WebDriver step gets this long before the test fails instead of hanging.
pub const STEP: Duration = Duration::from_secs(60);

/// The app binary next to this test's own build output (`target/debug/heyat-app`).
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("HEYAT_APP_BIN") {
        return path.into();
    }
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap();
    let app = profile_dir.join("heyat-app");
    assert!(
        app.exists(),
        "{} is missing: run `cargo build -p heyat-app` first",
        app.display()
    );
    app
}

pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// tauri-driver, stopped with SIGTERM so that it takes WebKitWebDriver down with it.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    /// The app on the data folder `data_dir`, with the demo loaded on its first start.
    pub fn start(data_dir: &Path) -> Driver {
        Driver::start_with(data_dir, &[])
    }

    /// The same, with more environment for the app (`HEYAT_DB` for a server).
    pub fn start_with(data_dir: &Path, env: &[(&str, &str)]) -> Driver {
        let port = free_port();
        let native_port = free_port();
        let child = Command::new(
            std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()),
        )
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("HEYAT_DATA_DIR", data_dir)
        .env("HEYAT_TODAY", "2026-11-23")
        // No desktop viewer under Xvfb: documents opened are logged, not launched.
        .env("HEYAT_NO_VIEWER", "1")
        // The demo data and its accounts: a real first start asks for an administrator.
        .env("HEYAT_DEMO", "1")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("tauri-driver is not installed: cargo install tauri-driver --version ^2 --locked");
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
    }
}

pub async fn step<T, E: std::fmt::Debug>(
    what: &str,
    fut: impl std::future::Future<Output = Result<T, E>>,
) -> T {
    match tokio::time::timeout(STEP, fut).await {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => panic!("{what}: {e:?}"),
        Err(_) => panic!("{what}: no answer within {STEP:?}"),
    }
}

pub async fn js(client: &Client, script: &str) -> Value {
    step(script, client.execute(script, vec![])).await
}

/// Waits until `script` returns true, polling.
pub async fn until(client: &Client, what: &str, script: &str) {
    let deadline = Instant::now() + STEP;
    loop {
        if js(client, script).await == json!(true) {
            return;
        }
        if Instant::now() >= deadline {
            // What the window showed when the wait ran out, for whoever reads the failure.
            if let Ok(png) = client.screenshot().await {
                let _ = std::fs::write(screenshot_dir().join("failure.png"), png);
            }
            panic!("timed out waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

pub async fn shoot(client: &Client, name: &str) {
    // Fonts must have loaded, or the picture shows a fallback face.
    until(client, "fonts", "return document.fonts.status === 'loaded'").await;
    // WebKitGTK may hand out the previous frame right after a change: let it paint first.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = step("screenshot", client.screenshot()).await;
    std::fs::write(screenshot_dir().join(format!("{name}.png")), png).unwrap();
}

pub async fn heading(client: &Client) -> String {
    js(
        client,
        "const h = document.querySelector('main h1'); return h ? h.textContent.trim() : ''",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

pub const DEMO_PASSWORD: &str = "heyat-demo";

/// Signs out and signs in again as `username` (a demo account), landing where the role lands.
pub async fn switch_user(client: &Client, username: &str) {
    click(client, "[data-testid=sign-out]").await;
    sign_in(client, username).await;
}

/// Signs in at the sign-in screen as `username` (a demo account).
pub async fn sign_in(client: &Client, username: &str) {
    appears(client, "[data-testid=login-form] input[name=username]").await;
    fill(
        client,
        "[data-testid=login-form] input[name=username]",
        username,
    )
    .await;
    fill(
        client,
        "[data-testid=login-form] input[name=password]",
        DEMO_PASSWORD,
    )
    .await;
    click(client, "[data-testid=login]").await;
    until(
        client,
        "signed in",
        "return document.querySelector('[data-testid=who]')?.textContent.length > 0 && document.querySelector('[data-testid=login-form]') === null",
    )
    .await;
}

/// The number of the case file on screen, in Latin digits (`1405-0007`).
pub async fn case_number_shown(client: &Client) -> String {
    let title = text_of(client, "#case-title").await;
    let latin: String = title
        .chars()
        .map(|c| match c {
            '۰'..='۹' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap(),
            _ => c,
        })
        .collect();
    latin
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .find(|w| w.len() == 9 && w.as_bytes()[4] == b'-')
        .unwrap_or_else(|| panic!("no case number in {title}"))
        .to_owned()
}

/// Opens the case numbered `number` (Latin digits, e.g. `1405-0004`) from the case list.
pub async fn open_case_numbered(client: &Client, number: &str) {
    let fa: String = number
        .chars()
        .map(|c| {
            c.to_digit(10)
                .map_or(c, |d| char::from_u32(0x06F0 + d).unwrap())
        })
        .collect();
    // The window may come back on the case it showed before the sign-in.
    let shown = js(
        client,
        &format!(
            "return document.querySelector('#case-title')?.textContent.includes('{fa}') === true"
        ),
    )
    .await;
    if shown == json!(true) {
        return;
    }
    click(client, "nav button[data-section=cases]").await;
    if js(
        client,
        "return document.querySelector('.case-file button.back, button.back') !== null",
    )
    .await
        == json!(true)
    {
        click(client, "button.back").await;
    }
    appears(client, "[data-testid=case-table]").await;
    if js(
        client,
        "return document.querySelector('form[role=search] button.clear') !== null",
    )
    .await
        == json!(true)
    {
        click(client, "form[role=search] button.clear").await;
    }
    let open = format!("tr[data-case-number=\"{number}\"] button.open");
    appears(client, &open).await;
    click(client, &open).await;
    appears(client, "#case-title").await;
}

pub async fn text_of(client: &Client, css: &str) -> String {
    let script =
        format!("const e = document.querySelector('{css}'); return e ? e.textContent : ''");
    js(client, &script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Waits until an element matching `css` is on the page.
pub async fn appears(client: &Client, css: &str) {
    until(
        client,
        css,
        &format!("return document.querySelector('{css}') !== null"),
    )
    .await;
}

pub async fn click(client: &Client, css: &str) {
    let element = step(css, client.find(Locator::Css(css))).await;
    step(css, element.click()).await;
}

/// Types into a field as a person would, after emptying it.
pub async fn fill(client: &Client, css: &str, text: &str) {
    let element = step(css, client.find(Locator::Css(css))).await;
    step(css, element.clear()).await;
    step(css, element.send_keys(text)).await;
}

/// A WebDriver session on `driver`: the app starts and its window opens.
pub async fn connect(driver: &Driver) -> Client {
    let caps = json!({
        "browserName": "wry",
        "tauri:options": { "application": app_binary() }
    });
    let mut builder = ClientBuilder::new(HttpConnector::new());
    builder.capabilities(caps.as_object().unwrap().clone());
    // tauri-driver listens before WebKitWebDriver behind it is ready: retry the first request.
    let url = format!("http://127.0.0.1:{}", driver.port);
    let mut attempt = 0;
    loop {
        attempt += 1;
        match tokio::time::timeout(STEP, builder.connect(&url)).await {
            Ok(Ok(client)) => return client,
            Ok(Err(e)) if attempt < 5 => {
                eprintln!("new WebDriver session, attempt {attempt}: {e}; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Ok(Err(e)) => panic!("new WebDriver session: {e:?}"),
            Err(_) => panic!("new WebDriver session: no answer within {STEP:?}"),
        }
    }
}

/// The complaint form: received on `received_on`, against office 1, with `summary`, sent;
/// waits for the note that a case was opened.
pub async fn submit_complaint(client: &Client, received_on: &str, summary: &str) {
    appears(
        client,
        "form[aria-label=\"ثبت شکایت\"] select[name=office_id] option[value=\"1\"]",
    )
    .await;
    fill(client, "input[name=received_on]", received_on).await;
    let office = step(
        "office",
        client.find(Locator::Css("select[name=office_id]")),
    )
    .await;
    step("pick office", office.select_by_value("1")).await;
    fill(client, "textarea[name=summary]", summary).await;
    click(client, "form[aria-label=\"ثبت شکایت\"] button[type=submit]").await;
    appears(client, "[data-testid=complaint-done] button").await;
}

/// On the case file's charges tab: adds an absence of `days` days from `committed_on`.
pub async fn add_absence(client: &Client, committed_on: &str, days: &str) {
    const FORM: &str = "form[aria-label=\"افزودن تخلف\"]";
    appears(
        client,
        &format!("{FORM} select[name=violation] option[value=absence]"),
    )
    .await;
    let violation = step(
        "violation",
        client.find(Locator::Css(&format!("{FORM} select[name=violation]"))),
    )
    .await;
    step("absence", violation.select_by_value("absence")).await;
    appears(client, &format!("{FORM} input[name=days]")).await;
    fill(
        client,
        &format!("{FORM} input[name=committed_on]"),
        committed_on,
    )
    .await;
    fill(client, &format!("{FORM} input[name=days]"), days).await;
    click(client, &format!("{FORM} button[type=submit]")).await;
    appears(client, "[data-charge-id]").await;
}

/// The signing form of the member signed in (the ruling's tab open).
pub const SIGN_PASSWORD: &str = "[data-signer-self] input[name=password]";
pub const SIGN_BUTTON: &str = "[data-signer-self] [data-testid=sign]";

/// Types `password` into the signing form once it is there.
pub async fn type_signing_password(client: &Client, password: &str) {
    appears(client, SIGN_PASSWORD).await;
    fill(client, SIGN_PASSWORD, password).await;
}
