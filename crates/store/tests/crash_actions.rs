//! Each multi-step user action is one transaction: a child process runs the action on a copy
//! of a prepared data folder (the database, the installation's keys and `anchors.log`), holding its transaction open just before the commit
//! ([`Store::pausing_before_commit`]), and is killed with SIGKILL at a random moment; the
//! database it leaves must pass `integrity_check`, keep an intact audit chain, and hold either
//! all of the action or none of it: its fingerprint (row counts, the cases' and rulings'
//! statuses, the boards' chairs, the checkpoints and seals) equals the one taken before the action or the one taken
//! after running the action to completion.

use crate::common::*;
use heyat_core::board::Seat;
use heyat_core::date::JalaliDate;
use heyat_core::proceedings::{
    Caller, HolderWas, Party, QuestionKind, RulingOutcome, ServiceMethod, Stage,
};
use heyat_store::{
    ANCHORS_FILE, AttendanceRecord, Ballot, DATABASE_FILE, Motion, NewComplaint, NewRuling,
    NewSession, Store,
};
use sqlx::{AnyConnection, Connection};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ACTION_ENV: &str = "HEYAT_CRASH_ACTION";
const DB_ENV: &str = "HEYAT_CRASH_ACTION_DB";
const IDS_ENV: &str = "HEYAT_CRASH_ACTION_IDS";
/// Kills at a random moment per action; one more kill comes after the child reported done.
const KILLS: usize = 8;
/// How long the child holds each action's transaction open before committing.
const PAUSE: Duration = Duration::from_millis(150);
/// The latest a random kill lands after the child said it began the action, beyond the time
/// the action's work takes without pauses (signing opens a key with Argon2 inside its
/// transaction, before any write: the window reaches past that to the commit).
const MAX_DELAY_MS: u64 = 250;
const TODAY: &str = "2026-11-23";

/// The actions under test; `serve_final` is a service that also makes the ruling final, and
/// `sign_ruling` is the last signature of an appeal board's ruling: it locks the ruling, moves
/// both cases, signs a checkpoint of the audit chain and keeps the sealed PDF.
const ACTIONS: [&str; 8] = [
    "register_and_open",
    "hold_session",
    "cast_votes",
    "sign_ruling",
    "serve",
    "serve_final",
    "appeal",
    "finalize_due",
];

/// The ids the actions need, passed to the child as `name=id,name=id`.
#[derive(Debug, Clone, Default)]
struct Ids(BTreeMap<String, i64>);

impl Ids {
    fn set(&mut self, name: &str, id: i64) {
        self.0.insert(name.to_owned(), id);
    }

    fn get(&self, name: &str) -> i64 {
        *self.0.get(name).unwrap_or_else(|| panic!("no id «{name}»"))
    }

    fn encode(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    fn decode(text: &str) -> Ids {
        Ids(text
            .split(',')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.parse().unwrap()))
            .collect())
    }
}

/// What the test compares: counts of every table an action writes, each case's status, each
/// ruling's status and finality, each board's chair.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    counts: Vec<(&'static str, i64)>,
    /// (id, status, appeal_of_case_id)
    cases: Vec<(i64, String, Option<i64>)>,
    /// (id, status, final_on, locked with a content hash)
    rulings: Vec<(i64, String, Option<String>, i64)>,
    /// (board id, chair)
    chairs: Vec<(i64, Option<i64>)>,
}

const TABLES: [&str; 14] = [
    "complaints",
    "cases",
    "charges",
    "case_search",
    "sessions",
    "attendance",
    "votes",
    "rulings",
    "ruling_signoffs",
    "notifications",
    "appeals",
    "audit_log",
    "audit_checkpoints",
    "ruling_seals",
];

async fn fingerprint(conn: &mut AnyConnection) -> Fingerprint {
    let mut counts = Vec::new();
    for table in TABLES {
        let (n,): (i64,) =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
                .fetch_one(&mut *conn)
                .await
                .unwrap();
        counts.push((table, n));
    }
    let cases = sqlx::query_as("SELECT id, status, appeal_of_case_id FROM cases ORDER BY id")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    let rulings = sqlx::query_as(
        "SELECT id, status, final_on, CASE WHEN content_hash IS NULL THEN 0 ELSE 1 END FROM rulings ORDER BY id",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    let chairs = sqlx::query_as("SELECT id, chair_member_id FROM boards ORDER BY id")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    Fingerprint {
        counts,
        cases,
        rulings,
        chairs,
    }
}

/// Opens the file as the killed process left it: `integrity_check` first and the
/// fingerprint with a bare connection (so nothing the store does on opening can mend a
/// half-written action), then the store, whose audit chain must be intact and whose opening
/// changes nothing the fingerprint sees.
async fn check(path: &Path) -> Fingerprint {
    sqlx::any::install_default_drivers();
    let mut conn = AnyConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(integrity, "ok", "{}", path.display());
    let print = fingerprint(&mut conn).await;
    conn.close().await.unwrap();
    let store = Store::open(path).await.unwrap();
    let report = store.verify_audit().await.unwrap();
    assert!(report.is_intact(), "{}: {report:?}", path.display());
    let again = fingerprint(&mut store.pool().acquire().await.unwrap()).await;
    assert_eq!(again, print, "opening the store changed the file");
    store.close().await;
    print
}

fn attendance(members: &[i64]) -> Vec<AttendanceRecord> {
    [Seat::Judge1, Seat::Judge2, Seat::Representative]
        .into_iter()
        .zip(members)
        .map(|(seat, &member_id)| AttendanceRecord {
            seat,
            member_id,
            holder_was: HolderWas::Present,
        })
        .collect()
}

/// A first-instance case heard on `held_on` by the three holders; answers (case, session).
async fn heard(w: &World, held_on: &str) -> (i64, i64) {
    let c = w
        .store
        .create_case(
            &new_case(w, vec![charge("1401:38:k", "دریافت وجه بیش از تعرفه")]),
            ACTOR,
        )
        .await
        .unwrap();
    let session = w
        .store
        .hold_session(
            &NewSession {
                case_id: c.id,
                held_on: held_on.into(),
                attendance: attendance(&w.members[..3]),
                minutes: String::new(),
            },
            None,
            TODAY,
            ACTOR,
        )
        .await
        .unwrap();
    (c.id, session)
}

/// A first-instance conviction of `grade`, heard on `on` and signed by all three who sat
/// (`signers`, signed in); answers (case, ruling).
async fn signed(w: &World, signers: &[Caller], grade: i64, on: &str) -> (i64, i64) {
    let (case_id, session) = heard(w, on).await;
    let ruling = w
        .store
        .draft_ruling(
            &NewRuling {
                case_id,
                session_id: Some(session),
                outcome: Some(RulingOutcome::Conviction),
                grade: Some(grade),
                text: "تخلف محرز است.".into(),
                suggestion: None,
                drafted_on: on.into(),
                content_json: Some(format!(r#"{{"case":{case_id}}}"#)),
                ..NewRuling::default()
            },
            ACTOR,
        )
        .await
        .unwrap();
    for c in signers {
        sign_as(&w.store, ruling, c, PASSWORD, on).await.unwrap();
    }
    (case_id, ruling)
}

async fn serve(w: &World, case_id: i64, to: Party, on: &str) {
    w.store
        .serve(case_id, to, ServiceMethod::Electronic, on, ACTOR)
        .await
        .unwrap();
}

/// One database holding, side by side, what every action needs just before it runs.
async fn prepare(store: Store) -> Ids {
    let w = world_in(store).await;
    let s = &w.store;
    let mut ids = Ids::default();
    ids.set("office", w.office);
    // The administrator: the installation's key (checkpoints) is made now, kept in keys/.
    s.create_administrator("admin", "مدیر سامانه", PASSWORD)
        .await
        .unwrap();
    let mut sitting = Vec::new();
    for (i, &m) in w.members[..3].iter().enumerate() {
        sitting.push(member_account(s, w.board, m, &format!("member-{i}")).await);
    }
    // The appeal board: judges of grade 9 or more and a Center representative (Arts 24–25).
    let (appeal_board, judges) = appeal_board(s).await;
    let mut appeal_judges = Vec::new();
    for (i, &id) in judges[..3].iter().enumerate() {
        appeal_judges.push(member_account(s, appeal_board, id, &format!("appeal-{i}")).await);
    }

    // hold_session: a registered case; the first-instance board has no chair yet.
    let c = s
        .create_case(&new_case(&w, vec![charge("1401:35:d", "بدون رسید")]), ACTOR)
        .await
        .unwrap();
    ids.set("hold_case", c.id);
    ids.set("chair", w.members[0]);
    for (i, &m) in w.members[..3].iter().enumerate() {
        ids.set(&format!("member{i}"), m);
    }

    // cast_votes: a heard case and its session.
    let (case_id, session) = heard(&w, "2026-11-01").await;
    ids.set("vote_session", session);
    ids.set(
        "vote_charge",
        s.case_file(case_id).await.unwrap().charges[0].id,
    );

    // sign_ruling: a grade-5 conviction served and appealed; the appeal board heard the
    // appeal case and two of its three have signed the draft.
    let (first, _) = signed(&w, &sitting, 5, "2026-11-01").await;
    serve(&w, first, Party::Manager, "2026-11-05").await;
    let appeal_case = s
        .appeal(first, Party::Manager, "2026-11-10", "اعتراض", ACTOR)
        .await
        .unwrap()
        .appeal_case
        .unwrap()
        .id;
    let appeal_session = s
        .hold_session(
            &NewSession {
                case_id: appeal_case,
                held_on: "2026-11-15".into(),
                attendance: attendance(&judges[..3]),
                minutes: String::new(),
            },
            Some(judges[0]),
            TODAY,
            ACTOR,
        )
        .await
        .unwrap();
    let appeal_ruling = s
        .draft_ruling(
            &NewRuling {
                case_id: appeal_case,
                session_id: Some(appeal_session),
                stage: Some(Stage::Appeal),
                outcome: Some(RulingOutcome::Confirmed),
                grade: Some(5),
                text: "رأی بدوی تأیید می‌شود.".into(),
                suggestion: None,
                drafted_on: "2026-11-15".into(),
                content_json: Some(r#"{"appeal":"confirmed"}"#.into()),
                ..NewRuling::default()
            },
            ACTOR,
        )
        .await
        .unwrap();
    for c in &appeal_judges[..2] {
        sign_as(s, appeal_ruling, c, PASSWORD, "2026-11-16")
            .await
            .unwrap();
    }
    ids.set("appeal_ruling", appeal_ruling);
    // The last signer's account: the child finds who they are as a signed-in app would.
    ids.set("last_signer", appeal_judges[2].account_id);

    // serve: a signed grade-5 conviction, appealable.
    ids.set("serve_case", signed(&w, &sitting, 5, "2026-11-01").await.0);
    // serve_final: a grade-3 conviction nobody may appeal: final once served.
    ids.set("final_case", signed(&w, &sitting, 3, "2026-11-01").await.0);

    // appeal: a signed grade-5 conviction served on the manager.
    let (case_id, _) = signed(&w, &sitting, 5, "2026-11-01").await;
    serve(&w, case_id, Party::Manager, "2026-11-05").await;
    ids.set("appeal_case", case_id);

    // finalize_due: two convictions served on both who may appeal, long before today.
    for grade in [4, 6] {
        let (case_id, _) = signed(&w, &sitting, grade, "2026-09-20").await;
        serve(&w, case_id, Party::Manager, "2026-10-01").await;
        serve(&w, case_id, Party::CenterHead, "2026-10-01").await;
    }
    ids
}

/// Runs one action to its end.
async fn run(store: &Store, action: &str, ids: &Ids) {
    match action {
        "register_and_open" => {
            let complaint = NewComplaint {
                kind: "complaint".into(),
                source: "client".into(),
                received_on: "2026-11-20".into(),
                office_id: Some(ids.get("office")),
                reporter_name: Some("علی رضایی".into()),
                summary: "دریافت وجه بیش از تعرفه برای ثبت‌نام".into(),
                ..NewComplaint::default()
            };
            let made = store
                .register_and_open(&complaint, true, TODAY, ACTOR)
                .await
                .unwrap();
            assert!(made.case.is_some());
        }
        "hold_session" => {
            let members: Vec<i64> = (0..3).map(|i| ids.get(&format!("member{i}"))).collect();
            store
                .hold_session(
                    &NewSession {
                        case_id: ids.get("hold_case"),
                        held_on: "2026-11-01".into(),
                        attendance: attendance(&members),
                        minutes: "جلسه با حضور همهٔ اعضا".into(),
                    },
                    Some(ids.get("chair")),
                    TODAY,
                    ACTOR,
                )
                .await
                .unwrap();
        }
        "cast_votes" => {
            let ballots: Vec<Ballot> = (0..3)
                .map(|i| Ballot {
                    member_id: ids.get(&format!("member{i}")),
                    choice: "محرز است".into(),
                    dissent: None,
                })
                .collect();
            let count = store
                .cast_votes(
                    ids.get("vote_session"),
                    &Motion {
                        kind: QuestionKind::Guilt,
                        charge_id: Some(ids.get("vote_charge")),
                        text: "آیا تخلف محرز است؟".into(),
                    },
                    &ballots,
                    ACTOR,
                )
                .await
                .unwrap();
            assert!(count.decided.is_some());
        }
        "sign_ruling" => {
            let caller = store
                .caller(ids.get("last_signer"))
                .await
                .unwrap()
                .expect("an enrolled, unlocked account");
            let ruling = ids.get("appeal_ruling");
            let progress = sign_as(store, ruling, &caller, PASSWORD, "2026-11-16")
                .await
                .unwrap();
            assert!(progress.remaining.is_empty());
            assert!(progress.content_hash.is_some() && progress.pdf_sha256.is_some());
        }
        "serve" | "serve_final" => {
            let case_id = ids.get(if action == "serve" {
                "serve_case"
            } else {
                "final_case"
            });
            let served = store
                .serve(
                    case_id,
                    Party::Manager,
                    ServiceMethod::Electronic,
                    "2026-11-05",
                    ACTOR,
                )
                .await
                .unwrap();
            assert_eq!(served.final_now, action == "serve_final");
        }
        "appeal" => {
            let filed = store
                .appeal(
                    ids.get("appeal_case"),
                    Party::Manager,
                    "2026-11-10",
                    "اعتراض به درجهٔ مجازات",
                    ACTOR,
                )
                .await
                .unwrap();
            assert!(filed.appeal_case.is_some());
        }
        "finalize_due" => {
            let done = store
                .finalize_due(JalaliDate::parse_iso(TODAY).unwrap(), ACTOR)
                .await
                .unwrap();
            assert_eq!(done.len(), 2);
        }
        other => panic!("unknown action {other}"),
    }
}

/// Does nothing in a normal run; re-invoked by the test below with the action, the database
/// and the ids in its environment, runs the action with every transaction held open before
/// its commit, says «BEGIN» and «DONE» around it, and waits to be killed.
#[tokio::test]
async fn crash_action_child() {
    let (Ok(action), Some(db), Ok(ids)) = (
        std::env::var(ACTION_ENV),
        std::env::var_os(DB_ENV),
        std::env::var(IDS_ENV),
    ) else {
        return;
    };
    let store = Store::open(Path::new(&db))
        .await
        .unwrap()
        .pausing_before_commit(PAUSE);
    say("BEGIN");
    run(&store, &action, &Ids::decode(&ids)).await;
    say("DONE");
    std::thread::sleep(Duration::from_secs(60));
}

fn say(word: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{word}").unwrap();
    out.flush().unwrap();
}

/// Runs `action` in a child on `db` and kills it `delay` after it began, or once it said
/// it was done when `delay` is `None`. Answers whether it said it was done before dying.
fn kill_child(exe: &Path, action: &str, db: &Path, ids: &Ids, delay: Option<Duration>) -> bool {
    let mut child = Command::new(exe)
        .args([
            "crash_actions::crash_action_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ACTION_ENV, action)
        .env(DB_ENV, db)
        .env(IDS_ENV, ids.encode())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            // The harness prints «test … ... » before the child's first word, on its line.
            for word in ["BEGIN", "DONE"] {
                if line.trim_end().ends_with(word) {
                    let _ = tx.send(word);
                }
            }
        }
    });
    let first = rx
        .recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("{action}: the child never began"));
    assert_eq!(first, "BEGIN");
    match delay {
        Some(delay) => std::thread::sleep(delay),
        None => {
            let done = rx
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("{action}: the child never finished"));
            assert_eq!(done, "DONE");
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            reader.join().unwrap();
            return true;
        }
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "{action}: the child was to be killed");
    reader.join().unwrap();
    rx.try_iter().any(|l| l == "DONE")
}

/// A copy of the prepared data folder `base` (its database, its `keys/` and `anchors.log`)
/// as `dir/name`; answers the copy's database. Each run has a folder of its own: a
/// checkpoint one run appends to its `anchors.log` is no other run's.
fn copy_of(base: &Path, dir: &Path, name: &str) -> PathBuf {
    let from = base.parent().unwrap();
    let to = dir.join(name);
    std::fs::create_dir_all(to.join("keys")).unwrap();
    for entry in std::fs::read_dir(from.join("keys")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join("keys").join(entry.file_name())).unwrap();
    }
    if from.join(ANCHORS_FILE).exists() {
        std::fs::copy(from.join(ANCHORS_FILE), to.join(ANCHORS_FILE)).unwrap();
    }
    let path = to.join(DATABASE_FILE);
    std::fs::copy(base, &path).unwrap();
    path
}

#[test]
#[cfg(unix)]
fn sigkill_inside_each_action_leaves_all_of_it_or_none() {
    // SQLite's file and its WAL; the server's crash is `pg_crash.rs`'s.
    if skip_unless_sqlite() {
        return;
    }
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("prepared").join(DATABASE_FILE);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let ids = rt.block_on(async {
        let store = crate::common::open_in(base.parent().unwrap())
            .await
            .unwrap();
        let ids = prepare(store.clone()).await;
        // Everything in the main file, so a copy of it is the whole database.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(store.pool())
            .await
            .unwrap();
        store.close().await;
        ids
    });
    let wal = base.with_file_name(format!("{DATABASE_FILE}-wal"));
    assert!(
        std::fs::metadata(&wal).map_or(true, |m| m.len() == 0),
        "the prepared database is checkpointed"
    );
    let before = rt.block_on(check(&copy_of(&base, dir.path(), "before")));
    let exe = std::env::current_exe().unwrap();
    let mut rng = fastrand::Rng::with_seed(23);
    let mut totals = (0, 0);
    for action in ACTIONS {
        let mut work = Duration::ZERO;
        let after = rt.block_on(async {
            let path = copy_of(&base, dir.path(), &format!("{action}-after"));
            let store = Store::open(&path).await.unwrap();
            let began = Instant::now();
            run(&store, action, &ids).await;
            work = began.elapsed();
            store.close().await;
            check(&path).await
        });
        assert_ne!(after, before, "{action} changes nothing the test sees");
        let (mut none, mut all) = (0, 0);
        for k in 0..=KILLS {
            let db = copy_of(&base, dir.path(), &format!("{action}-{k}"));
            // The last child is killed only once it said it was done.
            let max_delay = work.as_millis() as u64 + MAX_DELAY_MS;
            let delay = (k < KILLS).then(|| Duration::from_millis(rng.u64(0..=max_delay)));
            let done = kill_child(&exe, action, &db, &ids, delay);
            let got = rt.block_on(check(&db));
            if got == before {
                assert!(
                    !done,
                    "{action}: the child said done, yet none of it is there"
                );
                none += 1;
            } else if got == after {
                all += 1;
            } else {
                panic!(
                    "{action}: killed after {delay:?}, the database holds part of the action\n\
                     got    {got:?}\nbefore {before:?}\nafter  {after:?}"
                );
            }
        }
        eprintln!(
            "crash_actions: {action}: {} SIGKILLs ({KILLS} at random, 1 after DONE): {none} none, {all} all",
            KILLS + 1
        );
        assert!(none >= 1, "{action}: no kill landed inside the transaction");
        assert!(all >= 1, "{action}: no run committed");
        totals.0 += none;
        totals.1 += all;
    }
    eprintln!(
        "crash_actions: {} actions, {} SIGKILLs: {} none, {} all, in {:.1} s",
        ACTIONS.len(),
        ACTIONS.len() * (KILLS + 1),
        totals.0,
        totals.1,
        started.elapsed().as_secs_f64()
    );
}
