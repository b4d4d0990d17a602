//! Settings: the boards and their seats, signing PINs, holidays, backups and restore.

use crate::AppState;
use crate::dto::{BackupDone, BackupFile, BoardView, HolidayRow, MemberForm, SeatView};
use crate::error::CommandError;
use crate::views::{fa_date, iso_date};
use heyat_core::board::Seat;
use tauri::State;

fn invalid(message: impl Into<String>) -> CommandError {
    CommandError::invalid(message)
}

fn jalali(date: chrono::NaiveDate) -> Result<heyat_core::JalaliDate, CommandError> {
    use chrono::Datelike;
    Ok(heyat_core::JalaliDate::from_iso(
        date.year(),
        date.month() as u8,
        date.day() as u8,
    )?)
}

#[tauri::command]
pub async fn list_boards(state: State<'_, AppState>) -> Result<Vec<BoardView>, CommandError> {
    state.signed_in().await?;
    state
        .store
        .boards()
        .await?
        .into_iter()
        .map(|b| {
            Ok(BoardView {
                id: b.id,
                kind_fa: if b.kind == "appeal" {
                    "هیأت تجدیدنظر"
                } else {
                    "هیأت بدوی"
                }
                .to_owned(),
                kind: b.kind,
                name: b.name,
                province: b.province,
                term_start_fa: fa_date(&b.term_start)?,
                term_end_fa: fa_date(&b.term_end)?,
                seats: b
                    .seats
                    .into_iter()
                    .map(|s| SeatView {
                        seat_fa: Seat::from_code(&s.seat)
                            .map_or("جایگاه نامشخص", Seat::title_fa)
                            .to_owned(),
                        member_id: s.member_id,
                        member_name: format!("{} {}", s.first_name, s.last_name),
                        member_kind_fa: heyat_core::board::MemberKind::from_code(&s.kind)
                            .map_or("نامشخص", heyat_core::board::MemberKind::title_fa)
                            .to_owned(),
                        judicial_grade: s.judicial_grade,
                        manages_office_fa: s
                            .manages_office
                            .as_deref()
                            .map(heyat_core::to_persian_digits),
                        seat: s.seat,
                    })
                    .collect(),
            })
        })
        .collect()
}

/// Sets a member's signing PIN (4–8 digits); changing one needs the current PIN.
#[tauri::command]
pub async fn list_holidays(state: State<'_, AppState>) -> Result<Vec<HolidayRow>, CommandError> {
    state.signed_in().await?;
    state
        .store
        .holidays()
        .await?
        .into_iter()
        .map(|h| {
            Ok(HolidayRow {
                day_fa: fa_date(&h.day)?,
                day: h.day,
                title: h.title,
            })
        })
        .collect()
}

/// Adds a day the offices are closed (Solar Hijri or ISO); deadlines move past it.
#[tauri::command]
pub async fn add_holiday(
    state: State<'_, AppState>,
    day: String,
    title: String,
) -> Result<(), CommandError> {
    let caller = state
        .allow(heyat_core::proceedings::Action::ManageBoard)
        .await?;
    if title.trim().is_empty() {
        return Err(invalid("عنوان تعطیلی را بنویسید (مثلاً «عید فطر»)."));
    }
    let day = iso_date("روز تعطیل", &day)?;
    Ok(state
        .store
        .add_holiday(&day, title.trim(), &caller.actor())
        .await?)
}

#[tauri::command]
pub async fn remove_holiday(state: State<'_, AppState>, day: String) -> Result<(), CommandError> {
    let caller = state
        .allow(heyat_core::proceedings::Action::ManageBoard)
        .await?;
    let day = iso_date("روز تعطیل", &day)?;
    Ok(state.store.remove_holiday(&day, &caller.actor()).await?)
}

/// Adds a person who may sit on boards and seats them (Arts 23–25 checked by the store: an
/// appeal judge below grade 9, a first-instance Kanoon representative who manages no office
/// or sits on the Kanoon's board of directors, a member of the wrong kind for the seat are
/// refused, and nothing is saved).
#[tauri::command]
pub async fn seat_new_member(
    state: State<'_, AppState>,
    board_id: i64,
    seat: String,
    member: MemberForm,
) -> Result<(), CommandError> {
    let caller = state
        .allow(heyat_core::proceedings::Action::ManageBoard)
        .await?;
    let member = heyat_store::NewMember {
        kind: member.kind,
        first_name: member.first_name.trim().to_owned(),
        last_name: member.last_name.trim().to_owned(),
        judicial_grade: member.judicial_grade,
        on_kanoon_directors: member.on_kanoon_directors,
        manages_office: member.manages_office,
    };
    state
        .store
        .seat_new_member(board_id, &seat, &member, &caller.actor())
        .await?;
    Ok(())
}

/// A verified copy of the database (and evidence) in the data folder's `backups/`, made while
/// the app runs; named by today's Solar Hijri date and the time.
#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupDone, CommandError> {
    state.allow(heyat_core::proceedings::Action::Backup).await?;
    let dir = state.data_dir.join("backups");
    std::fs::create_dir_all(&dir)
        .map_err(|e| CommandError::storage(format!("پوشهٔ پشتیبان ساخته نشد: {e}")))?;
    let stamp = format!(
        "{}-{}",
        state.today_jalali().format().replace('/', ""),
        chrono::Local::now().format("%H%M%S")
    );
    let report = state
        .store
        .backup_to(&dir.join(format!("heyat-{stamp}.sqlite3")))
        .await?;
    Ok(BackupDone {
        path: report.path,
        integrity: report.integrity,
        cases: report
            .counts
            .iter()
            .find(|(t, _)| t == "cases")
            .map_or(0, |(_, n)| *n),
        tables: report.counts.len() as u32,
        evidence_files: report.evidence_files,
    })
}

/// The backups in the data folder's `backups/`, newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupFile>, CommandError> {
    state.allow(heyat_core::proceedings::Action::Backup).await?;
    let dir = state.data_dir.join("backups");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() || !name.ends_with(".sqlite3") {
            continue;
        }
        let made = meta
            .modified()
            .map(chrono::DateTime::<chrono::Local>::from)
            .map_err(|e| invalid(e.to_string()))?;
        files.push((
            made,
            BackupFile {
                made_fa: format!(
                    "{}، ساعت {}",
                    jalali(made.date_naive())?.format_fa(),
                    heyat_core::to_persian_digits(&made.format("%H:%M").to_string())
                ),
                name,
                bytes: meta.len(),
            },
        ));
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    Ok(files.into_iter().map(|(_, f)| f).collect())
}

/// Asks for a backup of `backups/` to be put back at the next start (the database cannot be
/// replaced under the running app); `None` cancels a restore asked for. The backup is checked
/// then, and the database it replaces is kept.
#[tauri::command]
pub async fn restore_on_restart(
    state: State<'_, AppState>,
    name: Option<String>,
) -> Result<(), CommandError> {
    let caller = state
        .allow(heyat_core::proceedings::Action::Restore)
        .await?;
    let marker = state.data_dir.join(crate::RESTORE_PENDING);
    let io = |e: std::io::Error| CommandError::storage(format!("درخواست بازگردانی ثبت نشد: {e}"));
    let Some(name) = name else {
        return match std::fs::remove_file(&marker) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(e)),
            _ => Ok(()),
        };
    };
    // Only a file of backups/ itself: no path may lead elsewhere.
    let plain = std::path::Path::new(&name)
        .file_name()
        .is_some_and(|f| f == name.as_str());
    if !plain || !state.data_dir.join("backups").join(&name).is_file() {
        return Err(invalid(format!(
            "پشتیبانی به نام «{name}» در پوشهٔ backups نیست؛ از فهرست پشتیبان‌ها برگزینید."
        )));
    }
    std::fs::write(&marker, format!("{name}\n{}\n", caller.actor())).map_err(io)
}
