//! Service of the ruling and appeals (Art 33).

use crate::AppState;
use crate::dto::{AppealFiled, NotificationDone};
use crate::error::CommandError;
use crate::views::fa_date;
use heyat_core::proceedings::{Party, ServiceMethod};
use tauri::State;

/// Records the service of the signed ruling and answers the appeal deadline it starts; a
/// ruling no one may appeal is final at once.
#[tauri::command]
pub async fn record_notification(
    state: State<'_, AppState>,
    case_id: i64,
    recipient: Party,
    method: ServiceMethod,
    notified_on: String,
) -> Result<NotificationDone, CommandError> {
    let caller = state
        .allow_case(heyat_core::proceedings::Action::Serve, case_id)
        .await?;
    let notified_on = crate::views::iso_date("تاریخ ابلاغ", &notified_on)?;
    let served = state
        .store
        .serve(case_id, recipient, method, &notified_on, &caller.actor())
        .await?;
    Ok(NotificationDone {
        deadline_fa: served.deadline.as_deref().map(fa_date).transpose()?,
        final_now: served.final_now,
    })
}

/// Registers an appeal in time and opens the case before the appeal board (Art 33).
#[tauri::command]
pub async fn file_appeal(
    state: State<'_, AppState>,
    case_id: i64,
    appellant: Party,
    filed_on: String,
    grounds: String,
) -> Result<AppealFiled, CommandError> {
    let caller = state
        .allow_case(heyat_core::proceedings::Action::Appeal, case_id)
        .await?;
    let filed_on = crate::views::iso_date("تاریخ تجدیدنظرخواهی", &filed_on)?;
    let filed = state
        .store
        .appeal(case_id, appellant, &filed_on, &grounds, &caller.actor())
        .await?;
    Ok(AppealFiled {
        appeal: filed.appeal.into(),
        appeal_case_id: filed.appeal_case.as_ref().map(|c| c.id),
        appeal_case_number: filed.appeal_case.map(|c| c.number),
    })
}
