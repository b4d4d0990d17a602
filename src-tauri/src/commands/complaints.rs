//! The complaints screen: register a complaint or report, forward it to the board.

use crate::AppState;
use crate::dto::{ComplaintForm, ComplaintRegistered};
use crate::error::CommandError;
use crate::views::{iso_date, optional_iso};
use tauri::State;

#[tauri::command]
pub async fn list_offices(
    state: State<'_, AppState>,
) -> Result<Vec<crate::dto::OfficeItem>, CommandError> {
    state
        .allow(heyat_core::proceedings::Action::ReadCases)
        .await?;
    Ok(state
        .store
        .offices()
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Registers a complaint or report; when forwarded, the first-instance board's case is
/// opened and the complaint joined to it (Art 21), in one action.
#[tauri::command]
pub async fn register_complaint(
    state: State<'_, AppState>,
    form: ComplaintForm,
) -> Result<ComplaintRegistered, CommandError> {
    let caller = state
        .allow(heyat_core::proceedings::Action::RegisterComplaint)
        .await?;
    let nonempty = |t: &Option<String>| t.clone().filter(|n| !n.trim().is_empty());
    let complaint = heyat_store::NewComplaint {
        kind: form.kind.clone(),
        source: form.source.clone(),
        received_on: iso_date("تاریخ دریافت", &form.received_on)?,
        office_id: Some(form.office_id),
        reporter_name: nonempty(&form.reporter_name),
        reporter_contact: nonempty(&form.reporter_contact),
        reporter_confidential: Some(form.reporter_confidential),
        summary: form.summary.trim().to_owned(),
        review_notes: nonempty(&form.review_notes).map(|n| n.trim().to_owned()),
        forwarded_on: optional_iso("تاریخ ارسال", None)?,
        case_id: None,
        case_subject: nonempty(&form.case_subject).map(|s| s.trim().to_owned()),
    };
    let done = state
        .store
        .register_and_open(
            &complaint,
            form.forward,
            &state.today_iso(),
            &caller.actor(),
        )
        .await?;
    Ok(ComplaintRegistered {
        complaint_id: done.complaint_id,
        case_id: done.case.as_ref().map(|c| c.id),
        case_number: done.case.map(|c| c.number),
    })
}

/// The identity of a complaint's reporter (Art 20), shown on purpose: the store records who
/// read whose identity, and when, in the same action.
#[tauri::command]
pub async fn reveal_reporter(
    state: State<'_, AppState>,
    complaint_id: i64,
) -> Result<crate::dto::ReporterIdentity, CommandError> {
    let caller = state
        .allow(heyat_core::proceedings::Action::ReadReporter)
        .await?;
    // ROLE: read_reporter
    Ok(state
        .store
        .reporter_of(complaint_id, &caller.actor())
        .await?
        .into())
}
