//! `heyat case …`: the whole case from the command line, on the same store and documents as
//! the app: register, charge, schedule, hear with attendance, vote, draft, sign, serve, appeal
//! and show. Each subcommand is one action of the store (one transaction) and prints one JSON
//! object on standard output; a refusal prints one line on standard error, exits 2 and saves
//! nothing. The rules live in `heyat-core` and `heyat-store`; here only the arguments are read.

use crate::Failure;
use crate::account::{Login, refused};
use crate::db::{
    PINNED_DAYS_HONOURED, not_before_the_record, open_existing, runtime, store_failure,
    today_jalali,
};
use heyat_core::JalaliDate;
use heyat_core::board::Seat;
use heyat_core::proceedings::{
    Action, Caller, HolderWas, Party, QuestionKind, Scope, ServiceMethod,
};
use heyat_core::session::{Attendance, Sitting, seat_the_board};
use heyat_documents::DocumentError;
use heyat_store::Store;
use serde_json::json;
use std::path::{Path, PathBuf};

/// A case by its number, and the board when two boards use the same number.
#[derive(clap::Args)]
pub struct Which {
    /// The case number (`1405-0004`, Persian or Latin digits).
    number: String,
    /// Which board, when two boards use the same number.
    #[arg(long, value_name = "ID")]
    board: Option<i64>,
}

#[derive(clap::Subcommand)]
pub enum CaseCommand {
    /// Registers a complaint or report and, unless --no-forward, opens its case (Art 21).
    Register {
        /// The office complained of, by its code.
        #[arg(long, value_name = "CODE")]
        office: String,
        /// complaint or violation_report.
        #[arg(long)]
        kind: String,
        /// client, inspection, services_deputy, kanoon or other_authority.
        #[arg(long)]
        source: String,
        /// The day it was received (Solar Hijri or ISO).
        #[arg(long, value_name = "DATE")]
        received: String,
        /// What is complained of.
        #[arg(long)]
        summary: String,
        /// Who complained or reported.
        #[arg(long, value_name = "NAME")]
        reporter: Option<String>,
        /// How to reach him.
        #[arg(long, value_name = "TEXT")]
        contact: Option<String>,
        /// The reporter's name may be shown (Art 20: confidential unless said otherwise).
        #[arg(long)]
        not_confidential: bool,
        /// Register only; do not open a case before the board.
        #[arg(long)]
        no_forward: bool,
        /// The subject of the case it opens, in the secretary's words (never taken from
        /// the summary); without it the case has no subject yet.
        #[arg(long, value_name = "TEXT")]
        subject: Option<String>,
    },
    /// Adds a charge from the catalogue to a case.
    Charge {
        #[command(flatten)]
        case: Which,
        /// The clause (`1401:38:b`), or absence / closure with --days.
        #[arg(long, value_name = "ID")]
        violation: String,
        /// The day it was committed (Solar Hijri or ISO).
        #[arg(long, value_name = "DATE")]
        committed: String,
        /// For absence or closure: how many days.
        #[arg(long, value_name = "N")]
        days: Option<i64>,
        /// The facts of the charge.
        #[arg(long, value_name = "TEXT", default_value = "")]
        facts: String,
        /// The last act of prosecution (Art 30).
        #[arg(long, value_name = "DATE")]
        last_act: Option<String>,
    },
    /// Sets a session for a case, today or later.
    Schedule {
        #[command(flatten)]
        case: Which,
        /// The day of the session (Solar Hijri or ISO).
        #[arg(long, value_name = "DATE")]
        day: String,
        /// The hour (`09:30`).
        #[arg(long, value_name = "HH:MM", default_value = "")]
        at: String,
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// Records a session held, with who attended (Art 28) and the chair elected (Art 26).
    Hear {
        #[command(flatten)]
        case: Which,
        /// The day it was held (Solar Hijri or ISO; not in the future).
        #[arg(long, value_name = "DATE")]
        on: String,
        /// A member who did not attend, by seat (judge_1, judge_2, representative,
        /// alternate_judge, alternate_representative); repeat for each.
        #[arg(long, value_name = "SEAT")]
        absent: Vec<String>,
        /// A principal member who stepped aside for a conflict of interest; repeat for each.
        #[arg(long, value_name = "SEAT")]
        recused: Vec<String>,
        /// The chair the members elected among the sitting judges, by member id.
        #[arg(long, value_name = "MEMBER_ID")]
        chair: Option<i64>,
    },
    /// Records the sitting members' votes on one question in the case's latest session.
    Vote {
        #[command(flatten)]
        case: Which,
        /// guilt, grade, mitigation or suspension.
        #[arg(long)]
        kind: String,
        /// For a question of guilt: the charge's id.
        #[arg(long, value_name = "CHARGE_ID")]
        charge: Option<i64>,
        /// The question put to the vote.
        #[arg(long, value_name = "TEXT")]
        question: String,
        /// A member's vote: `MEMBER_ID=CHOICE` or `MEMBER_ID=CHOICE:DISSENT`; repeat for each.
        #[arg(
            long = "vote",
            value_name = "MEMBER_ID=CHOICE[:DISSENT]",
            required = true
        )]
        votes: Vec<String>,
    },
    /// Typesets the ruling as drafted (a RulingDraft as JSON), keeps it as the case's draft
    /// and saves the PDF in `documents/` beside the database.
    Draft {
        #[command(flatten)]
        case: Which,
        /// The draft as JSON; `-` reads standard input.
        #[arg(long, value_name = "FILE.json")]
        draft: PathBuf,
    },
    /// One member who sat signs the draft ruling with their own key (Art 27): --user
    /// USERNAME, the password from HEYAT_PASSWORD or one line of standard input. The last
    /// signature seals the ruling and saves its final PDF in `documents/` ("path").
    Sign {
        #[command(flatten)]
        case: Which,
    },
    /// Serves the signed ruling on a party (Art 33).
    Serve {
        #[command(flatten)]
        case: Which,
        /// manager, center_head or complainant.
        #[arg(long, value_name = "PARTY")]
        to: String,
        /// electronic, in_person or post.
        #[arg(long)]
        method: String,
        /// The day of service (Solar Hijri or ISO).
        #[arg(long, value_name = "DATE")]
        on: String,
    },
    /// Files an appeal against the signed ruling and opens the appeal case (Art 33).
    Appeal {
        #[command(flatten)]
        case: Which,
        /// manager or center_head.
        #[arg(long, value_name = "PARTY")]
        by: String,
        /// The day it was filed (Solar Hijri or ISO).
        #[arg(long, value_name = "DATE")]
        on: String,
        #[arg(long, value_name = "TEXT", default_value = "")]
        grounds: String,
    },
    /// The whole case file as JSON.
    Show {
        #[command(flatten)]
        case: Which,
    },
    /// Writes the case's sealed ruling again, byte for byte as kept when the last member
    /// signed, to `documents/` beside the database, and prints its path.
    Sealed {
        #[command(flatten)]
        case: Which,
    },
}

/// Who the audit log names for changes made from the command line.
pub(crate) fn actor() -> String {
    let user = std::env::var("USER")
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_owned());
    format!("cli:{user}")
}

/// A day typed on the command line (Solar Hijri or ISO) as the store keeps it (ISO).
fn iso(field: &str, text: &str) -> Result<String, Failure> {
    JalaliDate::parse(text.trim())
        .map(JalaliDate::to_iso_string)
        .map_err(|e| Failure::input(format!("{field}: {e}")))
}

fn today_iso() -> Result<String, Failure> {
    Ok(today_jalali()?.to_iso_string())
}

/// A word of the proceedings' vocabulary by its code, or a Persian message listing the codes.
fn code_of<T: Copy>(
    field: &str,
    text: &str,
    from_code: fn(&str) -> Option<T>,
    all: &[T],
    code: fn(T) -> &'static str,
) -> Result<T, Failure> {
    from_code(text.trim()).ok_or_else(|| {
        let known: Vec<&str> = all.iter().map(|&v| code(v)).collect();
        Failure::input(format!(
            "مقدار «{text}» برای {field} پذیرفته نیست؛ یکی از این‌ها را بدهید: {}",
            known.join("، ")
        ))
    })
}

fn seat(field: &str, text: &str) -> Result<Seat, Failure> {
    code_of(field, text, Seat::from_code, &Seat::ALL, Seat::code)
}

fn party(field: &str, text: &str) -> Result<Party, Failure> {
    code_of(field, text, Party::from_code, &Party::ALL, Party::code)
}

pub(crate) fn document_failure(e: DocumentError) -> Failure {
    match e {
        DocumentError::Store(s) => store_failure(s),
        DocumentError::Refused(message) => Failure::input(message),
        DocumentError::Render(r) => Failure::other(r.to_string()),
        DocumentError::Io(message) => Failure::other(message),
    }
}

async fn case_id(store: &Store, which: &Which) -> Result<i64, Failure> {
    store
        .case_id_by_number(&which.number, which.board)
        .await
        .map_err(store_failure)
}

/// Who a command runs for: the signed-in account (`--user`), or whoever runs the CLI.
pub(crate) struct Who {
    /// What the audit log records.
    actor: String,
    caller: Option<Caller>,
}

impl Who {
    /// Whether the signed-in caller may take `action` in `case_id` (its board, and for the
    /// votes and the ruling's text, the chair of its latest session); without --user the
    /// command runs as before, for whoever runs the CLI.
    async fn may(&self, store: &Store, action: Action, case_id: i64) -> Result<(), Failure> {
        let Some(caller) = &self.caller else {
            return Ok(());
        };
        let (board, reviewing) = store.case_boards(case_id).await.map_err(store_failure)?;
        let board = match caller.board_id {
            Some(mine) if action == Action::ReadCases && reviewing.contains(&mine) => mine,
            _ => board,
        };
        let chair_only = matches!(action, Action::RecordVotes | Action::DraftRuling);
        let chair_member_id = match chair_only {
            false => None,
            true => match store
                .last_session_of(case_id)
                .await
                .map_err(store_failure)?
            {
                Some(session) => {
                    store
                        .session_board_and_chair(session)
                        .await
                        .map_err(store_failure)?
                        .1
                }
                None => None,
            },
        };
        caller
            .may(
                action,
                Scope {
                    board_id: Some(board),
                    chair_member_id,
                    chair_only,
                },
            )
            .map_err(refused)
    }
}

/// Runs one action on the database, which must exist, and prints its answer as JSON; with
/// a login, the person signs in first and the action runs as them.
fn with_store(
    db: Option<&Path>,
    login: Option<&Login>,
    action: impl AsyncFnOnce(&Store, &Who) -> Result<serde_json::Value, Failure>,
) -> Result<(), Failure> {
    let value = runtime()?.block_on(async {
        let store = open_existing(db).await?;
        let out = async {
            let who = match login {
                Some(login) => {
                    let caller = login.sign_in(&store).await?;
                    Who {
                        actor: caller.actor(),
                        caller: Some(caller),
                    }
                }
                None => Who {
                    actor: actor(),
                    caller: None,
                },
            };
            action(&store, &who).await
        }
        .await;
        store.close().await;
        out
    })?;
    let text = serde_json::to_string_pretty(&value).map_err(|e| Failure::other(e.to_string()))?;
    println!("{text}");
    Ok(())
}

fn to_json(value: &impl serde::Serialize) -> Result<serde_json::Value, Failure> {
    serde_json::to_value(value).map_err(|e| Failure::other(e.to_string()))
}

pub fn run(db: Option<&Path>, user: Option<&str>, command: &CaseCommand) -> Result<(), Failure> {
    let login = match command {
        CaseCommand::Sign { .. } => Some(Login::required(user, "امضای رأی")?),
        _ => Login::optional(user)?,
    };
    let login = login.as_ref();
    match command {
        CaseCommand::Register {
            office,
            kind,
            source,
            received,
            summary,
            reporter,
            contact,
            not_confidential,
            no_forward,
            subject,
        } => {
            let received_on = iso("--received", received)?;
            let today = today_iso()?;
            let nonempty = |t: &Option<String>| {
                t.as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
            };
            with_store(db, login, async |store, who| {
                if let Some(caller) = &who.caller {
                    caller.may_act(Action::RegisterComplaint).map_err(refused)?;
                }
                let code = heyat_core::to_latin_digits(office.trim());
                let office_id = store
                    .offices()
                    .await
                    .map_err(store_failure)?
                    .into_iter()
                    .find(|o| o.code == code)
                    .map(|o| o.id)
                    .ok_or_else(|| {
                        Failure::input(format!("--office: دفتری با کد «{office}» ثبت نشده است"))
                    })?;
                let complaint = heyat_store::NewComplaint {
                    kind: kind.trim().to_owned(),
                    source: source.trim().to_owned(),
                    received_on,
                    office_id: Some(office_id),
                    reporter_name: nonempty(reporter),
                    reporter_contact: nonempty(contact),
                    reporter_confidential: Some(!not_confidential),
                    summary: summary.trim().to_owned(),
                    review_notes: None,
                    forwarded_on: None,
                    case_id: None,
                    case_subject: nonempty(subject),
                };
                let done = store
                    .register_and_open(&complaint, !no_forward, &today, &who.actor)
                    .await
                    .map_err(store_failure)?;
                to_json(&done)
            })
        }
        CaseCommand::Charge {
            case,
            violation,
            committed,
            days,
            facts,
            last_act,
        } => {
            let charge = heyat_store::NewCharge {
                violation: violation.trim().to_owned(),
                committed_on: iso("--committed", committed)?,
                days: *days,
                facts: facts.trim().to_owned(),
                last_prosecution_act_on: last_act
                    .as_deref()
                    .map(|d| iso("--last-act", d))
                    .transpose()?,
            };
            with_store(db, login, async |store, who| {
                let id = case_id(store, case).await?;
                who.may(store, Action::EditCase, id).await?;
                let charge_id = store
                    .add_charge(id, &charge, &who.actor)
                    .await
                    .map_err(store_failure)?;
                Ok(json!({ "case_id": id, "charge_id": charge_id }))
            })
        }
        CaseCommand::Schedule {
            case,
            day,
            at,
            note,
        } => {
            let day = iso("--day", day)?;
            // As the app does: a session is set for today or later.
            let today = today_jalali()?;
            if day < today.to_iso_string() {
                return Err(Failure::input(format!(
                    "تاریخ جلسه گذشته است؛ روزی از امروز ({}) به بعد برگزینید.",
                    today.format_fa()
                )));
            }
            with_store(db, login, async |store, who| {
                let id = case_id(store, case).await?;
                who.may(store, Action::Schedule, id).await?;
                let scheduled_id = store
                    .schedule_session(id, &day, at, note, &who.actor)
                    .await
                    .map_err(store_failure)?;
                Ok(json!({ "case_id": id, "scheduled_id": scheduled_id, "day": day }))
            })
        }
        CaseCommand::Hear {
            case,
            on,
            absent,
            recused,
            chair,
        } => {
            let held_on = iso("--on", on)?;
            let absent = absent
                .iter()
                .map(|s| seat("--absent", s))
                .collect::<Result<Vec<_>, _>>()?;
            let recused = recused
                .iter()
                .map(|s| seat("--recused", s))
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(s) = recused.iter().find(|s| s.is_alternate()) {
                return Err(Failure::input(format!(
                    "--recused: «{}» عضو علی‌البدل است؛ کناره‌گیری تنها برای judge_1، judge_2 و representative ثبت می‌شود",
                    s.code()
                )));
            }
            if let Some(s) = recused.iter().find(|s| absent.contains(s)) {
                return Err(Failure::input(format!(
                    "«{}» هم غایب و هم کناره‌گیر داده شده؛ یکی را برگزینید",
                    s.code()
                )));
            }
            let today = today_iso()?;
            // What each principal seat's holder did, as the session panel records it.
            let holder_was = |seat: Seat| {
                if recused.contains(&seat) {
                    HolderWas::Recused
                } else if absent.contains(&seat) {
                    HolderWas::Absent
                } else {
                    HolderWas::Present
                }
            };
            let mut attendance = Attendance::default();
            for s in heyat_core::session::PRINCIPAL_SEATS {
                match holder_was(s) {
                    HolderWas::Present => attendance.present.push(s),
                    HolderWas::Recused => attendance.recused.push(s),
                    HolderWas::Absent => {}
                }
            }
            for s in [Seat::AlternateJudge, Seat::AlternateRepresentative] {
                if !absent.contains(&s) {
                    attendance.present.push(s);
                }
            }
            let sitting = seat_the_board(&attendance).map_err(|e| Failure::input(e.to_string()))?;
            with_store(db, login, async |store, who| {
                let id = case_id(store, case).await?;
                who.may(store, Action::HoldSession, id).await?;
                let places = places(store, id, &sitting).await?;
                let session = heyat_store::NewSession {
                    case_id: id,
                    held_on,
                    attendance: places
                        .iter()
                        .map(|p| heyat_store::AttendanceRecord {
                            seat: p.seat,
                            member_id: p.member_id,
                            holder_was: holder_was(p.seat),
                        })
                        .collect(),
                    minutes: String::new(),
                };
                let session_id = store
                    .hold_session(&session, *chair, &today, &who.actor)
                    .await
                    .map_err(store_failure)?;
                let sitting: Vec<_> = places
                    .iter()
                    .map(|p| {
                        json!({
                            "seat": p.seat,
                            "member_id": p.member_id,
                            "name": p.name,
                            "by_alternate": p.by_alternate,
                        })
                    })
                    .collect();
                Ok(json!({ "session_id": session_id, "sitting": sitting }))
            })
        }
        CaseCommand::Vote {
            case,
            kind,
            charge,
            question,
            votes,
        } => {
            let kind = code_of(
                "--kind",
                kind,
                QuestionKind::from_code,
                &QuestionKind::ALL,
                QuestionKind::code,
            )?;
            let ballots = votes
                .iter()
                .map(|v| ballot(v))
                .collect::<Result<Vec<_>, _>>()?;
            let motion = heyat_store::Motion {
                kind,
                charge_id: *charge,
                text: question.clone(),
            };
            with_store(db, login, async |store, who| {
                let id = case_id(store, case).await?;
                who.may(store, Action::RecordVotes, id).await?;
                let file = store.case_file(id).await.map_err(store_failure)?;
                let session = file
                    .sessions
                    .iter()
                    .max_by(|a, b| (&a.held_on, a.id).cmp(&(&b.held_on, b.id)))
                    .ok_or_else(|| {
                        Failure::input(
                            "این پرونده جلسه‌ای ندارد؛ نخست جلسه را با «heyat case hear» ثبت کنید",
                        )
                    })?;
                let count = store
                    .cast_votes(session.id, &motion, &ballots, &who.actor)
                    .await
                    .map_err(store_failure)?;
                let mut out = to_json(&count)?;
                out["session_id"] = json!(session.id);
                Ok(out)
            })
        }
        CaseCommand::Draft { case, draft } => {
            let text = crate::read_input(draft)?;
            let draft: heyat_documents::RulingDraft = serde_json::from_str(&text)
                .map_err(|e| Failure::input(format!("--draft: پیش‌نویس رأی خوانا نیست: {e}")))?;
            with_store(db, login, async |store, who| {
                let id = case_id(store, case).await?;
                who.may(store, Action::DraftRuling, id).await?;
                let data_dir = data_dir(store.path());
                let d = heyat_documents::draft_ruling(store, id, &draft)
                    .await
                    .map_err(document_failure)?;
                let renderer = heyat_render::Renderer::new();
                let rendered = match d.appeal {
                    true => renderer.appeal_ruling(&d.input),
                    false => renderer.ruling(&d.input),
                }
                .map_err(|e| document_failure(e.into()))?;
                let ruling_id = store
                    .keep_draft(&d.record, &who.actor)
                    .await
                    .map_err(store_failure)?;
                let saved = heyat_documents::save(&data_dir, &d.file_name, rendered)
                    .map_err(document_failure)?;
                Ok(json!({
                    "path": saved.path,
                    "pages": saved.pages,
                    "ruling_id": ruling_id,
                }))
            })
        }
        CaseCommand::Sign { case } => {
            let today = today_jalali()?;
            let password = login.map(|l| l.password.clone()).unwrap_or_default();
            with_store(db, login, async |store, who| {
                let caller = who.caller.as_ref().ok_or_else(|| {
                    Failure::input("امضای رأی با حساب کاربری عضو انجام می‌شود: --user را بدهید")
                })?;
                let id = case_id(store, case).await?;
                let (progress, path) = heyat_documents::sign_ruling(
                    store,
                    &heyat_render::Renderer::new(),
                    id,
                    caller,
                    &password,
                    today,
                )
                .await
                .map_err(document_failure)?;
                let mut out = to_json(&progress)?;
                out["path"] = json!(path);
                Ok(out)
            })
        }
        CaseCommand::Serve {
            case,
            to,
            method,
            on,
        } => {
            let recipient = party("--to", to)?;
            let method = code_of(
                "--method",
                method,
                ServiceMethod::from_code,
                &ServiceMethod::ALL,
                ServiceMethod::code,
            )?;
            let on = iso("--on", on)?;
            with_store(db, login, async |store, who| {
                not_dated_back(store, &on).await?;
                let id = case_id(store, case).await?;
                who.may(store, Action::Serve, id).await?;
                let served = store
                    .serve(id, recipient, method, &on, &who.actor)
                    .await
                    .map_err(store_failure)?;
                to_json(&served)
            })
        }
        CaseCommand::Appeal {
            case,
            by,
            on,
            grounds,
        } => {
            let appellant = party("--by", by)?;
            let on = iso("--on", on)?;
            with_store(db, login, async |store, who| {
                not_dated_back(store, &on).await?;
                let id = case_id(store, case).await?;
                who.may(store, Action::Appeal, id).await?;
                let filed = store
                    .appeal(id, appellant, &on, grounds, &who.actor)
                    .await
                    .map_err(store_failure)?;
                to_json(&filed)
            })
        }
        CaseCommand::Show { case } => with_store(db, login, async |store, who| {
            let id = case_id(store, case).await?;
            who.may(store, Action::ReadCases, id).await?;
            let file = store.case_file(id).await.map_err(store_failure)?;
            to_json(&file)
        }),
        CaseCommand::Sealed { case } => with_store(db, login, async |store, who| {
            let id = case_id(store, case).await?;
            who.may(store, Action::Print, id).await?;
            let file = store.case_file(id).await.map_err(store_failure)?;
            let mut sealed = None;
            for r in &file.rulings {
                if store
                    .sealed_ruling(r.id)
                    .await
                    .map_err(store_failure)?
                    .is_some()
                {
                    sealed = Some(r.id);
                }
            }
            let ruling_id = sealed.ok_or_else(|| {
                Failure::input("این پرونده رأی امضاشده ندارد: رأی پس از امضای همهٔ اعضای حاضر در جلسه مهر می‌شود")
            })?;
            let path = heyat_documents::save_sealed(store, id, ruling_id)
                .await
                .map_err(document_failure)?;
            Ok(json!({ "ruling_id": ruling_id, "path": path }))
        }),
    }
}

/// Refuses an `--on` day (of a service, or an appeal: what decides whether a ruling becomes
/// final) before the last change on record, in a release build.
async fn not_dated_back(store: &Store, on: &str) -> Result<(), Failure> {
    let last = store.last_recorded_at().await.map_err(store_failure)?;
    not_before_the_record("--on", on, last.as_deref(), PINNED_DAYS_HONOURED)
}

/// `MEMBER_ID=CHOICE` or `MEMBER_ID=CHOICE:DISSENT`.
fn ballot(text: &str) -> Result<heyat_store::Ballot, Failure> {
    let bad = || {
        Failure::input(format!(
            "--vote: «{text}» درست نیست؛ به شکل MEMBER_ID=CHOICE یا MEMBER_ID=CHOICE:DISSENT بدهید"
        ))
    };
    let (member, rest) = text.split_once('=').ok_or_else(bad)?;
    let member_id = heyat_core::to_latin_digits(member.trim())
        .parse::<i64>()
        .map_err(|_| bad())?;
    let (choice, dissent) = match rest.split_once(':') {
        Some((c, d)) => (c, Some(d.trim().to_owned()).filter(|d| !d.is_empty())),
        None => (rest, None),
    };
    if choice.trim().is_empty() {
        return Err(bad());
    }
    Ok(heyat_store::Ballot {
        member_id,
        choice: choice.trim().to_owned(),
        dissent,
    })
}

/// The folder of the database, where `documents/` is kept.
fn data_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Who fills each place of the sitting, from the roster of the board hearing the case (the
/// store's reading, as the app's session panel shows it).
async fn places(
    store: &Store,
    case_id: i64,
    sitting: &Sitting,
) -> Result<Vec<heyat_store::SeatedPlace>, Failure> {
    store
        .places_of(case_id, sitting)
        .await
        .map_err(store_failure)
}
