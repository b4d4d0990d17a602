//! The ruling: the live preview, the draft printed and kept, each member's signature, and
//! the notification slips.

use crate::AppState;
use crate::dto::{PendingNotice, PreviewPageView, PrintedRuling, RulingDraft, SignView};
use crate::error::CommandError;
use crate::views::fa_date;
use heyat_core::proceedings::Action;
use heyat_documents::DocumentError;
use tauri::State;

/// The ruling as drafted, typeset page by page as PNG images for the live preview; nothing
/// is saved. Pages whose hash is in `known` (those the window shows already) come back
/// without their image.
#[tauri::command]
pub async fn preview_ruling(
    state: State<'_, AppState>,
    case_id: i64,
    draft: RulingDraft,
    known: Option<Vec<String>>,
) -> Result<Vec<PreviewPageView>, CommandError> {
    use base64::Engine;
    state.allow_case(Action::ReadCases, case_id).await?;
    let d = heyat_documents::draft_ruling(&state.store, case_id, &draft).await?;
    let pages = state
        .renderer
        .ruling_preview_png(
            &d.input,
            d.appeal,
            heyat_render::PREVIEW_SCALE,
            &known.unwrap_or_default(),
        )
        .map_err(DocumentError::from)?;
    Ok(pages
        .into_iter()
        .map(|p| PreviewPageView {
            hash: p.hash,
            width: p.width,
            height: p.height,
            png: p.png.map(|png| {
                format!(
                    "data:image/png;base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(png)
                )
            }),
        })
        .collect())
}

/// Typesets the case's ruling as drafted by the board, keeps it as a draft with the engine's
/// suggestion, and saves the PDF in the data folder's `documents/`.
#[tauri::command]
pub async fn print_ruling(
    state: State<'_, AppState>,
    case_id: i64,
    draft: RulingDraft,
) -> Result<PrintedRuling, CommandError> {
    let caller = state.allow_case_chair(Action::DraftRuling, case_id).await?;
    let d = heyat_documents::draft_ruling(&state.store, case_id, &draft).await?;
    let rendered = match d.appeal {
        true => state.renderer.appeal_ruling(&d.input),
        false => state.renderer.ruling(&d.input),
    }
    .map_err(DocumentError::from)?;
    state.store.keep_draft(&d.record, &caller.actor()).await?;
    Ok(heyat_documents::save(&state.data_dir, &d.file_name, rendered)?.into())
}

/// The signed-in member signs the draft ruling with their password (it opens their key);
/// the last signature seals it: the ruling locks, the case moves on, and the final PDF with
/// every signature is kept and saved, in one action (Art 27).
#[tauri::command]
pub async fn sign_off(
    state: State<'_, AppState>,
    ruling_id: i64,
    password: String,
) -> Result<SignView, CommandError> {
    let case_id = state.store.ruling_case(ruling_id).await?;
    let caller = state.allow_case(Action::SignRuling, case_id).await?;
    let (progress, pdf_path) = heyat_documents::sign_ruling(
        &state.store,
        &state.renderer,
        case_id,
        &caller,
        &password,
        state.today_jalali(),
    )
    .await?;
    let names = state.store.member_names().await?;
    let name = |id: &i64| names.get(id).cloned().unwrap_or_else(|| "—".to_owned());
    Ok(SignView {
        signed: progress.signed.iter().map(name).collect(),
        remaining: progress.remaining.iter().map(name).collect(),
        content_hash: progress.content_hash,
        pdf_path,
    })
}

/// The notifications on record whose slip is not in `documents/` yet, oldest first: what the
/// batch print goes through, one document at a time, showing its progress.
#[tauri::command]
pub async fn pending_notices(
    state: State<'_, AppState>,
) -> Result<Vec<PendingNotice>, CommandError> {
    state.allow(Action::Print).await?;
    let mut out = Vec::new();
    for (case, n) in state.store.notifications().await? {
        let slip = state
            .data_dir
            .join("documents")
            .join(heyat_documents::notice_file(&case.number, n.id));
        if !slip.exists() {
            out.push(PendingNotice {
                case_id: case.id,
                notification_id: n.id,
                case_number: case.number.clone(),
                recipient_fa: n.recipient.title_fa().to_owned(),
                notified_on_fa: fa_date(&n.notified_on)?,
            });
        }
    }
    Ok(out)
}

/// Typesets the slip of one notification and saves it in `documents/`.
#[tauri::command]
pub async fn print_notice(
    state: State<'_, AppState>,
    case_id: i64,
    notification_id: i64,
) -> Result<PrintedRuling, CommandError> {
    state.allow_case(Action::Print, case_id).await?;
    let (input, name) = heyat_documents::notice(&state.store, case_id, notification_id).await?;
    let rendered = state.renderer.notice(&input).map_err(DocumentError::from)?;
    Ok(heyat_documents::save(&state.data_dir, &name, rendered)?.into())
}
