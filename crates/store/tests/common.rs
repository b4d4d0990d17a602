//! What the tests share: a store in a temporary folder, with a board and an office.

use chrono::NaiveDate;
use heyat_core::proceedings::{Caller, Role};
use heyat_store::{
    AttendanceRecord, NewBoard, NewCase, NewCharge, NewManager, NewMember, NewOffice, NewRuling,
    NewSession, SealInput, Sealed, SignProgress, Store, StoreError,
};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

pub const ACTOR: &str = "test";

/// A board with all five seats filled lawfully, an office and its manager.
pub struct World {
    pub store: Store,
    pub board: i64,
    /// judge_1, judge_2, representative, alternate_judge, alternate_representative
    pub members: Vec<i64>,
    pub office: i64,
}

/// The store in `dir`: SQLite, as the app opens it; or, when `HEYAT_TEST_PG` names a
/// PostgreSQL server (`postgres://user@host:port/db`, a role that may create databases), a
/// fresh database of its own on that server, which the folder's `server.url` names — so the
/// whole suite runs on either backend, and reopening the folder reopens the same database.
pub async fn open_in(dir: &std::path::Path) -> Result<Store, StoreError> {
    if let Ok(url) = std::env::var("HEYAT_TEST_PG") {
        let setting = dir.join(heyat_store::SERVER_FILE);
        if !setting.exists() {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&setting, fresh_database(&url).await).unwrap();
        }
    }
    Store::open_in(dir).await
}

/// For a test of SQLite's own file (its backup, its WAL after a kill): whether to run it,
/// which is only when the suite runs on SQLite. Says so on the PostgreSQL run.
pub fn skip_unless_sqlite() -> bool {
    if on_postgres() {
        eprintln!("SQLite's own file: not a PostgreSQL test");
        return true;
    }
    false
}

/// Whether the suite runs on PostgreSQL (`HEYAT_TEST_PG`).
pub fn on_postgres() -> bool {
    std::env::var_os("HEYAT_TEST_PG").is_some()
}

/// `sql` written for SQLite, as the tests write it, in the running backend's dialect: on
/// PostgreSQL a trigger is dropped `ON` its table, `group_concat` is `string_agg` and a blob
/// literal `x'…'` is a `bytea`.
pub fn portable(sql: &str) -> String {
    if !on_postgres() {
        return sql.to_owned();
    }
    if let Some(name) = sql.strip_prefix("DROP TRIGGER ") {
        let table = if name.starts_with("audit_log") {
            "audit_log"
        } else if name.starts_with("rulings") {
            "rulings"
        } else if name.starts_with("ruling_seals") {
            "ruling_seals"
        } else {
            panic!("which table is trigger {name} on?")
        };
        return format!("DROP TRIGGER {name} ON {table}");
    }
    let mut out = sql.replace("group_concat(", "string_agg(");
    while let Some(start) = out.find("x'") {
        let end = start + 2 + out[start + 2..].find('\'').unwrap();
        let hex = out[start + 2..end].to_owned();
        out.replace_range(start..=end, &format!("'\\x{hex}'::bytea"));
    }
    out
}

/// A new, empty database on the server at `url`; its URL.
async fn fresh_database(url: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "heyat_t_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        chrono::Utc::now().timestamp_micros() % 1_000_000
    );
    heyat_store::create_server_database(url, &name)
        .await
        .unwrap()
}

pub async fn world(dir: &tempfile::TempDir) -> World {
    let store = open_in(dir.path()).await.unwrap();
    world_in(store).await
}

/// A board of `kind` with its five seats filled lawfully (Arts 23–25): for each seat, the
/// member's kind and judicial grade. Answers the board and the members, in seat order.
pub async fn board_with_seats(
    store: &Store,
    kind: &str,
    name: &str,
    seats: [(&str, &str, Option<i64>); 5],
) -> (i64, Vec<i64>) {
    let board = store
        .add_board(
            &NewBoard {
                kind: kind.into(),
                name: name.into(),
                province: "قم".into(),
                term_start: "2025-01-01".into(),
                term_end: "2027-12-30".into(),
            },
            ACTOR,
        )
        .await
        .unwrap();
    let mut members = Vec::new();
    for (seat, member_kind, grade) in seats {
        let id = store
            .add_member(
                &NewMember {
                    kind: member_kind.into(),
                    first_name: "عضو".into(),
                    last_name: seat.into(),
                    judicial_grade: grade,
                    on_kanoon_directors: false,
                    // A Kanoon representative manages an office of their own (Art 23).
                    manages_office: (member_kind == "kanoon_rep")
                        .then(|| format!("3120{:04}", 9000 + members.len())),
                },
                ACTOR,
            )
            .await
            .unwrap();
        store.assign_seat(board, seat, id, ACTOR).await.unwrap();
        members.push(id);
    }
    (board, members)
}

/// The appeal board: judges of grade 9 or more and a Center representative (Arts 24–25),
/// seated; its id and members in seat order.
pub async fn appeal_board(store: &Store) -> (i64, Vec<i64>) {
    board_with_seats(
        store,
        "appeal",
        "هیأت تجدیدنظر",
        [
            ("judge_1", "judge", Some(10)),
            ("judge_2", "judge", Some(9)),
            ("representative", "center_rep", None),
            ("alternate_judge", "judge", Some(9)),
            ("alternate_representative", "center_rep", None),
        ],
    )
    .await
}

pub async fn world_in(store: Store) -> World {
    let (board, members) = board_with_seats(
        &store,
        "first_instance",
        "هیأت بدوی استان قم",
        [
            ("judge_1", "judge", Some(6)),
            ("judge_2", "judge", Some(4)),
            ("representative", "kanoon_rep", None),
            ("alternate_judge", "judge", Some(3)),
            ("alternate_representative", "kanoon_rep", None),
        ],
    )
    .await;
    let office = store
        .add_office(
            &NewOffice {
                code: "۳۱۲۰۰۰۴۵".into(),
                name: "دفتر خدمات الکترونیک قضايي شمارهٔ ۴۵ قم".into(),
                city: "قم".into(),
                province: "قم".into(),
                licence_issued_on: Some("2019-05-01".into()),
                licence_expires_on: None,
            },
            ACTOR,
        )
        .await
        .unwrap();
    store
        .add_manager(
            &NewManager {
                national_id: "0012345679".into(),
                first_name: "مهدي".into(),
                last_name: "کاظمي‌نژاد".into(),
                office_id: Some(office),
            },
            ACTOR,
        )
        .await
        .unwrap();
    World {
        store,
        board,
        members,
        office,
    }
}

pub fn charge(violation: &str, facts: &str) -> NewCharge {
    NewCharge {
        violation: violation.into(),
        committed_on: "2026-06-01".into(),
        days: None,
        facts: facts.into(),
        last_prosecution_act_on: None,
    }
}

pub fn new_case(w: &World, charges: Vec<NewCharge>) -> NewCase {
    NewCase {
        board_id: w.board,
        office_id: w.office,
        manager_id: None,
        registered_on: "2026-07-01".into(),
        subject: "دريافت وجه بیش از تعرفه".into(),
        charges,
    }
}

pub async fn count(store: &Store, table: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
        .fetch_one(store.pool())
        .await
        .unwrap();
    n
}

/// The password every test account enrols with.
pub const PASSWORD: &str = "test-password";
/// The canonical content a test draft carries: what its members sign.
pub const CONTENT: &str = r#"{"test":1}"#;
/// The SHA-256 of the unsigned PDF members sign with it (any 64 hex digits will do here).
pub const BODY: &str = "b0d7b0d7b0d7b0d7b0d7b0d7b0d7b0d7b0d7b0d7b0d7b0d7b0d7b0d7b0d7b0d7";
/// The final PDF the test seal makes.
pub const SEALED_PDF: &[u8] = b"%PDF-1.7 test";

/// An account for the member `member_id` of `board`, enrolled as `username` with
/// [`PASSWORD`]: the member signed in.
pub async fn member_account(store: &Store, board: i64, member_id: i64, username: &str) -> Caller {
    let e = store
        .create_account(Role::Member, "عضو آزمون", board, Some(member_id), ACTOR)
        .await
        .unwrap();
    store.enrol(&e.code, username, PASSWORD).await.unwrap()
}

/// The test's final PDF: no typesetting, a fixed body.
pub fn seal(_: &SealInput) -> Result<Sealed, String> {
    Ok(Sealed {
        sealed_json: "{}".into(),
        pdf: SEALED_PDF.to_vec(),
    })
}

/// `caller` signs `ruling` with `password` on `signed_on`, over [`BODY`], sealed by [`seal`].
pub async fn sign_as(
    store: &Store,
    ruling: i64,
    caller: &Caller,
    password: &str,
    signed_on: &str,
) -> Result<SignProgress, StoreError> {
    store
        .sign_ruling_as(ruling, caller, password, BODY, signed_on, seal)
        .await
}

/// A case with one charge, heard by judge 1, judge 2 and the representative, and its
/// ruling drafted with [`CONTENT`]: answers the case and the ruling.
pub async fn drafted(w: &World) -> (i64, i64) {
    let c = w
        .store
        .create_case(
            &new_case(w, vec![charge("1401:38:k", "وجه بیش از تعرفه")]),
            ACTOR,
        )
        .await
        .unwrap();
    let m = &w.members;
    let att = |seat: &str, id: i64| AttendanceRecord {
        seat: heyat_core::board::Seat::from_code(seat).unwrap(),
        member_id: id,
        holder_was: heyat_core::proceedings::HolderWas::Present,
    };
    let session = w
        .store
        .record_session(
            &NewSession {
                case_id: c.id,
                held_on: "2026-08-01".into(),
                attendance: vec![
                    att("judge_1", m[0]),
                    att("judge_2", m[1]),
                    att("representative", m[2]),
                ],
                minutes: String::new(),
            },
            ACTOR,
        )
        .await
        .unwrap();
    let ruling = w
        .store
        .draft_ruling(
            &NewRuling {
                case_id: c.id,
                session_id: Some(session),
                outcome: Some(heyat_core::proceedings::RulingOutcome::Conviction),
                grade: Some(5),
                text: "تخلف محرز است.".into(),
                drafted_on: "2026-08-01".into(),
                content_json: Some(CONTENT.into()),
                ..NewRuling::default()
            },
            ACTOR,
        )
        .await
        .unwrap();
    (c.id, ruling)
}

/// The three who sat in `drafted`'s session, enrolled: judge 1, judge 2, the representative.
pub async fn sitting(w: &World) -> Vec<Caller> {
    let mut out = Vec::new();
    for (i, name) in ["judge-1", "judge-2", "representative"].iter().enumerate() {
        out.push(member_account(&w.store, w.board, w.members[i], name).await);
    }
    out
}
