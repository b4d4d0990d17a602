//! Sign-in and accounts: the first start's administrator, sign-in and out, the idle lock,
//! enrolment codes, passwords, the board's public keys, audit checkpoints, and checking a
//! printed ruling. Every other command asks [`AppState::allow`] (or its case and chair
//! forms) who is signed in and whether their role and board may act.

use crate::AppState;
use crate::error::CommandError;
use crate::state::AuditCheck;
use crate::views::fa_moment;
use heyat_core::proceedings::{Action, Caller, Role};
use heyat_documents::VerifyReport;
use serde::Serialize;
use tauri::State;

/// Whether the audit chain was intact at this start (`checking` while the check still runs).
#[derive(Debug, Clone, Serialize)]
pub struct AuditHealth {
    pub ok: bool,
    pub checking: bool,
    pub message: String,
}

/// Who is signed in, and what their role may do (the UI hides the rest).
#[derive(Debug, Clone, Serialize)]
pub struct SignedIn {
    pub account_id: i64,
    pub username: String,
    pub name: String,
    pub role: Role,
    pub role_title: String,
    pub board_id: Option<i64>,
    pub board_name: Option<String>,
    pub member_id: Option<i64>,
    pub may: Vec<Action>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuthState {
    pub needs_setup: bool,
    pub signed_in: Option<SignedIn>,
    pub idle_lock_minutes: u32,
    pub audit: AuditHealth,
}

#[derive(Debug, Clone, Serialize)]
pub struct AccountView {
    pub id: i64,
    pub username: Option<String>,
    pub name: String,
    pub role: Role,
    pub role_title: String,
    pub board_id: Option<i64>,
    pub board_name: Option<String>,
    pub member_id: Option<i64>,
    pub active: bool,
    pub enrolled: bool,
    pub locked: bool,
    pub enrolment_expires_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EnrolmentView {
    pub account_id: i64,
    pub name: String,
    pub code: String,
    pub expires_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckpointView {
    pub seq: i64,
    pub head: String,
    pub at: String,
    pub fingerprint: String,
}

async fn signed_in_view(state: &AppState, caller: &Caller) -> Result<SignedIn, CommandError> {
    let board_name = match caller.board_id {
        Some(id) => state
            .store
            .boards()
            .await?
            .into_iter()
            .find(|b| b.id == id)
            .map(|b| b.name),
        None => None,
    };
    Ok(SignedIn {
        account_id: caller.account_id,
        username: caller.username.clone(),
        name: caller.name.clone(),
        role: caller.role,
        role_title: caller.role.title_fa().to_owned(),
        board_id: caller.board_id,
        board_name,
        member_id: caller.member_id,
        may: caller.role.actions(),
    })
}

async fn start_session(state: &AppState, caller: Caller) -> Result<SignedIn, CommandError> {
    let view = signed_in_view(state, &caller).await?;
    state.set_session(Some(caller));
    Ok(view)
}

#[tauri::command]
pub async fn auth_state(state: State<'_, AppState>) -> Result<AuthState, CommandError> {
    let current = state.session.lock().ok().and_then(|s| s.clone());
    // A role, board or deactivation changed since sign-in counts from the next command.
    let current = match current {
        Some(c) => {
            let fresh = state.store.caller(c.account_id).await?;
            state.set_session(fresh.clone());
            fresh
        }
        None => None,
    };
    let signed_in = match &current {
        Some(c) => Some(signed_in_view(&state, c).await?),
        None => None,
    };
    Ok(AuthState {
        needs_setup: state.store.needs_setup().await?,
        signed_in,
        idle_lock_minutes: state.idle_lock_minutes,
        audit: match state.audit_check() {
            AuditCheck::Checking => AuditHealth {
                ok: true,
                checking: true,
                message: "زنجیرهٔ دفتر رویدادها در حال وارسی است.".to_owned(),
            },
            AuditCheck::Intact => AuditHealth {
                ok: true,
                checking: false,
                message: "زنجیرهٔ دفتر رویدادها سالم است.".to_owned(),
            },
            AuditCheck::Broken(problem) => AuditHealth {
                ok: false,
                checking: false,
                message: problem,
            },
        },
    })
}

#[tauri::command]
pub async fn first_start(
    state: State<'_, AppState>,
    username: String,
    name: String,
    password: String,
) -> Result<SignedIn, CommandError> {
    let caller = state
        .store
        .create_administrator(&username, &name, &password)
        .await?;
    start_session(&state, caller).await
}

#[tauri::command]
pub async fn sign_in(
    state: State<'_, AppState>,
    username: String,
    password: String,
) -> Result<SignedIn, CommandError> {
    state.set_session(None);
    let caller = state.store.sign_in(&username, &password).await?;
    start_session(&state, caller).await
}

#[tauri::command]
pub fn sign_out(state: State<'_, AppState>) {
    state.set_session(None);
}

/// The idle lock: the window forgets who was signed in; the UI asks for the password again.
#[tauri::command]
pub fn lock(state: State<'_, AppState>) {
    state.set_session(None);
}

#[tauri::command]
pub async fn enrol(
    state: State<'_, AppState>,
    code: String,
    username: String,
    password: String,
) -> Result<SignedIn, CommandError> {
    let caller = state.store.enrol(&code, &username, &password).await?;
    start_session(&state, caller).await
}

#[tauri::command]
pub async fn change_password(
    state: State<'_, AppState>,
    current: String,
    password: String,
) -> Result<(), CommandError> {
    let caller = state.signed_in().await?;
    Ok(state
        .store
        .change_password(&caller, &current, &password)
        .await?)
}

#[tauri::command]
pub async fn list_accounts(state: State<'_, AppState>) -> Result<Vec<AccountView>, CommandError> {
    state.allow(Action::ManageAccounts).await?;
    state
        .store
        .accounts()
        .await?
        .into_iter()
        .map(|a| {
            Ok(AccountView {
                id: a.id,
                username: a.username,
                name: a.name,
                role: a.role,
                role_title: a.role.title_fa().to_owned(),
                board_id: a.board_id,
                board_name: a.board_name,
                member_id: a.member_id,
                active: a.active,
                enrolled: a.enrolled,
                locked: a.locked,
                enrolment_expires_at: a.enrolment_expires_at.as_deref().map(fa_moment),
            })
        })
        .collect()
}

fn enrolment_view(e: heyat_store::Enrolment) -> EnrolmentView {
    EnrolmentView {
        account_id: e.account_id,
        name: e.name,
        code: e.code,
        expires_at: fa_moment(&e.expires_at),
    }
}

#[tauri::command]
pub async fn create_account(
    state: State<'_, AppState>,
    role: Role,
    name: String,
    board_id: Option<i64>,
    member_id: Option<i64>,
) -> Result<EnrolmentView, CommandError> {
    let caller = state.allow(Action::ManageAccounts).await?;
    let board_id = board_id.ok_or_else(|| {
        CommandError::invalid("هیأت: هیأتی را که این شخص برای آن کار می‌کند برگزینید")
    })?;
    let e = state
        .store
        .create_account(role, &name, board_id, member_id, &caller.actor())
        .await?;
    Ok(enrolment_view(e))
}

#[tauri::command]
pub async fn reissue_enrolment(
    state: State<'_, AppState>,
    account_id: i64,
) -> Result<EnrolmentView, CommandError> {
    let caller = state.allow(Action::ManageAccounts).await?;
    let e = state
        .store
        .reissue_enrolment(account_id, &caller.actor())
        .await?;
    Ok(enrolment_view(e))
}

#[tauri::command]
pub async fn unlock_account(
    state: State<'_, AppState>,
    account_id: i64,
) -> Result<(), CommandError> {
    let caller = state.allow(Action::ManageAccounts).await?;
    Ok(state
        .store
        .unlock_account(account_id, &caller.actor())
        .await?)
}

#[tauri::command]
pub async fn deactivate_account(
    state: State<'_, AppState>,
    account_id: i64,
) -> Result<(), CommandError> {
    let caller = state.allow(Action::ManageAccounts).await?;
    if caller.account_id == account_id {
        return Err(CommandError::invalid("حساب: حساب خودتان را غیرفعال نکنید"));
    }
    Ok(state
        .store
        .deactivate_account(account_id, &caller.actor())
        .await?)
}

/// Writes every public key of the board (members', the installation's) to
/// `documents/board-keys-DATE.json`, for the Center, the Kanoon or an appeal board.
#[tauri::command]
pub async fn export_board_keys(state: State<'_, AppState>) -> Result<String, CommandError> {
    state.allow(Action::ExportKeys).await?;
    let dir = state.data_dir.join("documents");
    std::fs::create_dir_all(&dir)
        .map_err(|e| CommandError::storage(format!("پوشهٔ اسناد ساخته نشد: {e}")))?;
    let path = dir.join(format!("board-keys-{}.json", state.today_iso()));
    heyat_documents::trusted_keys_file(&state.store, &path).await?;
    Ok(path.display().to_string())
}

#[tauri::command]
pub async fn checkpoint_audit(state: State<'_, AppState>) -> Result<CheckpointView, CommandError> {
    let caller = state.allow(Action::Checkpoint).await?;
    let c = state.store.checkpoint_audit(&caller).await?;
    Ok(CheckpointView {
        seq: c.seq,
        head: c.head,
        at: fa_moment(&c.at),
        fingerprint: c.fingerprint,
    })
}

/// Checks a printed ruling at `path` against the public keys this installation knows.
#[tauri::command]
pub async fn verify_document(
    state: State<'_, AppState>,
    path: String,
) -> Result<VerifyReport, CommandError> {
    state.allow(Action::Verify).await?;
    let bytes = std::fs::read(path.trim())
        .map_err(|e| CommandError::invalid(format!("پرونده: «{}» خوانده نشد: {e}", path.trim())))?;
    let keys = state.store.public_keys().await?;
    Ok(heyat_documents::verify_pdf(&state.renderer, &bytes, &keys))
}
