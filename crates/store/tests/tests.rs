//! The store against real SQLite files in temporary folders. One test binary; its modules
//! mirror `src`.

mod art45_31;
mod audit;
mod backup;
mod common;
mod concurrency;
mod confidential;
mod crash;
mod crash_actions;
mod demo;
mod evidence;
mod excel;
mod file;
mod limits;
mod package;
mod ranking;
mod search;
mod server_kill;
mod signing;
mod sittings;
mod statistics;
mod summons;
mod write;

use chrono::NaiveDate;
use heyat_core::CaseStatus;
use heyat_store::{CaseFilter, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

async fn demo_store(dir: &tempfile::TempDir) -> Store {
    let store = crate::common::open_in(dir.path()).await.unwrap();
    assert!(store.load_demo_if_new(today()).await.unwrap());
    store
}

#[tokio::test]
async fn opening_creates_the_file_and_runs_migrations() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    let store = crate::common::open_in(&nested).await.unwrap();
    assert!(store.boards().await.unwrap().is_empty());
    if crate::common::on_postgres() {
        // The server's own guarantees that a commit is on its disk when reported done.
        for setting in ["fsync", "synchronous_commit"] {
            let (value,): (String,) =
                sqlx::query_as(sqlx::AssertSqlSafe(format!("SHOW {setting}")))
                    .fetch_one(store.pool())
                    .await
                    .unwrap();
            assert_eq!(value, "on", "{setting}");
        }
        return;
    }
    assert!(nested.join(heyat_store::DATABASE_FILE).exists());
    let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let (fk,): (i64,) = sqlx::query_as("PRAGMA foreign_keys")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(fk, 1);
    // Every commit reaches the disk before it is reported done.
    let (sync,): (i64,) = sqlx::query_as("PRAGMA synchronous")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(sync, 2, "synchronous = FULL");
}

#[cfg(unix)]
#[tokio::test]
async fn the_data_folder_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("heyat");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let store = crate::common::open_in(&data).await.unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700, "made private when opened");
    store.close().await;
    let fresh = dir.path().join("new/heyat");
    crate::common::open_in(&fresh).await.unwrap();
    assert_eq!(mode(&fresh), 0o700, "made private when created");
}

#[tokio::test]
async fn demo_data_loads_once_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    assert!(
        !store.load_demo_if_new(today()).await.unwrap(),
        "second load must do nothing"
    );
    store.close().await;

    let store = crate::common::open_in(dir.path()).await.unwrap();
    assert!(!store.load_demo_if_new(today()).await.unwrap());
    let boards = store.boards().await.unwrap();
    assert_eq!(boards.len(), 2);
    assert_eq!(boards[0].kind, "first_instance");
    let seats: Vec<&str> = boards[0].seats.iter().map(|s| s.seat.as_str()).collect();
    assert_eq!(
        seats,
        [
            "judge_1",
            "judge_2",
            "representative",
            "alternate_judge",
            "alternate_representative"
        ]
    );
    // Art 24: appeal judges hold judicial grade 9 or more.
    for seat in boards[1].seats.iter().filter(|s| s.kind == "judge") {
        assert!(seat.judicial_grade.unwrap() >= 9, "{seat:?}");
    }
    // Every demo seat meets the composition rules (Arts 23–25): seating its holder again is
    // allowed (the Kanoon representative and the alternate manage an office, Art 23).
    for b in &boards {
        for seat in &b.seats {
            store
                .assign_seat(b.id, &seat.seat, seat.member_id, "test")
                .await
                .unwrap_or_else(|e| panic!("{} {}: {e}", b.name, seat.seat));
        }
    }
    assert_eq!(store.boards().await.unwrap(), boards);
    // Six cases of 1405, the suspended prosecution of 1404 and the licence revoked in 1403.
    assert_eq!(store.cases(&CaseFilter::default()).await.unwrap().len(), 8);
}

#[tokio::test]
async fn cases_filter_by_status_and_text_with_persian_digits() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let all = store.cases(&CaseFilter::default()).await.unwrap();
    assert_eq!(
        all[0].number, "1405-0006",
        "newest first, numbered oldest first"
    );
    assert_eq!(all[5].number, "1405-0001");
    // The suspended prosecution (Art 31), registered the year before.
    assert_eq!(all[6].number, "1404-0001");
    assert_eq!(all[6].status, CaseStatus::Suspended);
    // The licence revoked (grade 7) in 1403, by the former manager of the office in Rey.
    assert_eq!(all[7].number, "1403-0001");
    assert_eq!(all[7].status, CaseStatus::Final);
    assert_eq!(all[0].charge_count, 2);

    let scheduled = store
        .cases(&CaseFilter {
            status: Some(CaseStatus::Scheduled),
            text: None,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(scheduled.len(), 1);
    assert_eq!(scheduled[0].city, "شهریار");

    let by_code = store
        .cases(&CaseFilter {
            status: None,
            text: Some("۱۱۵۶۰۰۲۷".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by_code.len(), 2, "office 11560027 has two cases");
    let by_name = store
        .cases(&CaseFilter {
            status: None,
            text: Some("قاسمی".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by_name.len(), 1);
    let none = store
        .cases(&CaseFilter {
            status: None,
            text: Some("ناموجود".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(none.is_empty());
}

#[tokio::test]
async fn status_counts_cover_every_status() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let counts = store.status_counts().await.unwrap();
    assert_eq!(counts.len(), CaseStatus::ALL.len());
    assert_eq!(counts.iter().map(|c| c.count).sum::<i64>(), 8);
    assert_eq!(
        counts
            .iter()
            .find(|c| c.status == CaseStatus::Appealed)
            .unwrap()
            .count,
        0
    );
}

#[tokio::test]
async fn a_database_with_its_own_board_gets_no_demo_data() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::common::open_in(dir.path()).await.unwrap();
    sqlx::query("INSERT INTO boards (kind, name, province, term_start, term_end) VALUES ('appeal', 'x', 'y', '2025-01-01', '2026-01-01')")
        .execute(store.pool())
        .await
        .unwrap();
    assert!(!store.load_demo_if_new(today()).await.unwrap());
    assert!(
        store
            .cases(&CaseFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_database_made_by_the_first_schema_is_upgraded_and_indexed() {
    // A file as the first release left it: only migration 0001, with a case in it.
    let dir = tempfile::tempdir().unwrap();
    let only_first = dir.path().join("migrations");
    std::fs::create_dir(&only_first).unwrap();
    let first = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/migrations/0001_boards_offices_cases.sql"
    );
    std::fs::copy(first, only_first.join("0001_boards_offices_cases.sql")).unwrap();
    let path = dir.path().join(heyat_store::DATABASE_FILE);
    {
        use sqlx::ConnectOptions;
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true);
        let mut conn = options.connect().await.unwrap();
        sqlx::migrate::Migrator::new(only_first.as_path())
            .await
            .unwrap()
            .run(&mut conn)
            .await
            .unwrap();
        for sql in [
            "INSERT INTO boards (id, kind, name, province, term_start, term_end) VALUES (1, 'first_instance', 'هیأت', 'تهران', '2025-01-01', '2027-01-01')",
            "INSERT INTO offices (id, code, name, city, province) VALUES (1, '11560027', 'دفتر شمارهٔ ۲۷', 'تهران', 'تهران')",
            "INSERT INTO managers (id, national_id, first_name, last_name, office_id) VALUES (1, '0012345679', 'رضا', 'محمدي', 1)",
            "INSERT INTO cases (id, board_id, year, seq, office_id, manager_id, status, registered_on, subject) VALUES (1, 1, 1405, 7, 1, 1, 'registered', '2026-05-01', 'تعرفه')",
        ] {
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
        sqlx::Connection::close(conn).await.unwrap();
    }
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.search("محمدی", 10).await.unwrap().len(), 1);
    assert_eq!(store.search("1405-0007", 10).await.unwrap().len(), 1);
    assert!(store.verify_audit().await.unwrap().is_intact());
    let file = store.case_file(1).await.unwrap();
    assert!(file.rulings.is_empty());
}

#[tokio::test]
async fn the_first_start_demo_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let report = store.verify_audit().await.unwrap();
    assert!(report.is_intact());
    // 2 boards, 10 members and seats, 5 offices and managers and the former manager of the
    // office in Rey, 8 cases, 10 charges, the final case's ruling with its service and
    // execution, the suspended case's ruling with its service and order (Art 31), the revoked
    // licence's ruling with its service; then today's session for the one case awaiting it.
    // No accounts: those are made apart (`create_demo_accounts`).
    assert_eq!(report.rows, 2 + 20 + 11 + 8 + 10 + 3 + 3 + 2 + 1);
    assert_eq!(store.search("قاسمی", 10).await.unwrap().len(), 1);
    assert!(store.needs_setup().await.unwrap());
}

#[tokio::test]
async fn the_demo_accounts_are_enrolled_people_with_keys_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let made = store.create_demo_accounts().await.unwrap();
    // The administrator; per board its secretary and its five members; the Kanoon's reviewer.
    assert_eq!(made.len(), 1 + 2 * (1 + 5) + 1, "{made:?}");
    for name in ["admin", "secretary", "kanoon", "judge-1", "appeal-judge-1"] {
        assert!(made.iter().any(|m| m == name), "{name} in {made:?}");
    }
    assert!(!store.needs_setup().await.unwrap());
    let judge = store
        .sign_in("judge-1", heyat_store::DEMO_PASSWORD)
        .await
        .unwrap();
    assert_eq!(judge.role, heyat_core::proceedings::Role::Member);
    assert!(judge.member_id.is_some() && judge.board_id.is_some());
    assert!(
        store
            .sign_in("judge-1", "not-the-demo-password")
            .await
            .is_err()
    );
    let keys = store.public_keys().await.unwrap();
    let members = keys.iter().filter(|k| k.purpose == "member").count();
    assert_eq!(members, 10, "each seated member has a key");
    assert_eq!(
        keys.iter().filter(|k| k.purpose == "installation").count(),
        1
    );
    // Made once.
    assert!(store.create_demo_accounts().await.unwrap().is_empty());
    assert!(store.verify_audit().await.unwrap().is_intact());
}

/// The demo's one registered case: against the manager with an earlier final, carried-out
/// conviction (the demo's repeat offender).
async fn registered_demo_case(store: &Store) -> i64 {
    store
        .cases(&CaseFilter {
            status: Some(CaseStatus::Registered),
            ..Default::default()
        })
        .await
        .unwrap()[0]
        .id
}

#[tokio::test]
async fn the_engine_reads_the_managers_record_from_the_database() {
    use heyat_core::JalaliDate;
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    // The demo's registered case is against the manager whose earlier conviction (grade 1)
    // became final and was carried out some six months ago: Art 43 raises the grade.
    let open = registered_demo_case(&store).await;
    let today = JalaliDate::from_iso(2026, 11, 23).unwrap();
    let case = store.engine_case(open, today).await.unwrap();
    assert_eq!(case.record.len(), 1, "{:?}", case.record);
    assert_eq!(case.record[0].grade, 1);
    assert!(case.record[0].carried_out_on.is_some());
    let suggestion = store.suggestion(open, today).await.unwrap();
    let art43 = suggestion
        .steps
        .iter()
        .find(|s| s.article == "1401:43")
        .expect("the Art 43 step");
    assert!(art43.mandatory);
    // Before the penalty was carried out, Art 43 cannot count it.
    let before = JalaliDate::from_iso(2026, 3, 1).unwrap();
    let early = store.engine_case(open, before).await.unwrap();
    assert!(early.record.iter().all(|r| r.carried_out_on.is_none()));
    // A holiday on record moves the appeal deadline (Art 33; CPC Art 444).
    assert_eq!(
        store.appeal_deadline("2026-08-01").await.unwrap(),
        "2026-08-22"
    );
    store
        .add_holiday("2026-08-22", "تعطیل", "test")
        .await
        .unwrap();
    assert_eq!(
        store.appeal_deadline("2026-08-01").await.unwrap(),
        "2026-08-23"
    );
    let with_holiday = store.engine_case(open, today).await.unwrap();
    assert!(!with_holiday.holidays.is_empty());
}

#[tokio::test]
async fn offices_are_listed_by_code_with_their_manager() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let offices = store.offices().await.unwrap();
    assert_eq!(offices.len(), 5);
    assert_eq!(offices[0].code, "11560027");
    assert_eq!(offices[0].manager_name.as_deref(), Some("رضا محمدی"));
}

#[tokio::test]
async fn case_facts_are_recorded_in_one_action_and_the_engine_weighs_them() {
    use heyat_core::JalaliDate;
    use heyat_store::CaseFacts;
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let open = registered_demo_case(&store).await;
    let today = JalaliDate::from_iso(2026, 11, 23).unwrap();
    let rows_before = store.verify_audit().await.unwrap().rows;
    // A carried-out date on a case with no final conviction is refused, and nothing of the
    // other facts given with it is saved.
    let err = store
        .record_case_facts(
            open,
            &CaseFacts {
                carried_out_on: Some("2026-11-01".into()),
                deceased_on: Some("2026-11-02".into()),
                ..Default::default()
            },
            "test",
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("قطعی"), "{err}");
    assert_eq!(store.verify_audit().await.unwrap().rows, rows_before);
    assert!(!store.engine_case(open, today).await.unwrap().deceased);
    // The manager's permanent separation bars prosecution (Art 30).
    store
        .record_case_facts(
            open,
            &CaseFacts {
                separated_on: Some("2026-11-10".into()),
                ..Default::default()
            },
            "test",
        )
        .await
        .unwrap();
    let s = store.suggestion(open, today).await.unwrap();
    assert_eq!(s.outcome, heyat_core::engine::Outcome::Barred, "{s:?}");
    let file = store.case_file(open).await.unwrap();
    assert_eq!(file.manager_separated_on.as_deref(), Some("2026-11-10"));
}

#[tokio::test]
async fn the_demo_has_a_running_suspended_prosecution() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir).await;
    let today =
        heyat_core::date::JalaliDate::parse_iso(&today().format("%Y-%m-%d").to_string()).unwrap();
    let desk = store.suspended_cases(today).await.unwrap();
    assert_eq!(desk.len(), 1);
    assert_eq!(desk[0].case_number, "1404-0001");
    assert_eq!(
        desk[0].state,
        heyat_core::proceedings::SuspensionState::Running
    );
    assert!(desk[0].order.ends_on.as_str() > "2026-11-23");
}

/// A server across a network is reached over TLS: with `sslmode=verify-full` and the
/// server's certificate (`HEYAT_TEST_PG_CA`, `scripts/pg ca`) the store opens and its
/// connection is encrypted; a certificate the server's does not match is refused in Persian.
#[tokio::test]
async fn a_server_is_reached_over_verified_tls() {
    if !crate::common::on_postgres() {
        eprintln!("TLS to a server: not a SQLite test");
        return;
    }
    let Ok(ca) = std::env::var("HEYAT_TEST_PG_CA") else {
        eprintln!("HEYAT_TEST_PG_CA is not set: the server's certificate is not known here");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = crate::common::open_in(dir.path()).await.unwrap();
    let url = heyat_store::server_setting(dir.path()).unwrap().unwrap();
    store.close().await;
    let verified = format!("{url}?sslmode=verify-full&sslrootcert={ca}");
    let store = Store::connect(&verified, dir.path()).await.unwrap();
    let (ssl, version): (bool, String) =
        sqlx::query_as("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert!(ssl, "the connection is encrypted");
    eprintln!("connection over {version}");
    store.close().await;
    // Another certificate authority than the server's: refused, nothing opened.
    let other = dir.path().join("other-ca.crt");
    std::fs::write(&other, include_str!("other-ca.crt")).unwrap();
    let wrong = format!("{url}?sslmode=verify-full&sslrootcert={}", other.display());
    let err = Store::connect(&wrong, dir.path()).await.unwrap_err();
    assert_eq!(err.code(), "unreachable", "{err}");
    assert!(err.to_string().contains("TLS"), "{err}");
    eprintln!("another certificate: {err}");
}
