//! Documents and copies in the data folder opened with the system's viewer, or shown in their
//! folder (`tauri-plugin-opener`: the desktop's default program on Linux, Windows and macOS).
//! Only a file inside the data folder is handed out; the viewer's print dialog prints it.

use crate::AppState;
use crate::error::CommandError;
use std::path::{Path, PathBuf};
use tauri::State;

/// `path` resolved and checked to be a file inside the data folder.
fn inside_data_dir(data_dir: &Path, path: &str) -> Result<PathBuf, CommandError> {
    let refused = || {
        CommandError::invalid(
            "فقط سندها و رونوشت‌های پوشهٔ دادهٔ هیأت باز می‌شوند؛ این مسیر بیرون از آن است یا وجود ندارد.",
        )
    };
    let root = data_dir.canonicalize().map_err(|_| refused())?;
    let file = Path::new(path).canonicalize().map_err(|_| refused())?;
    if !file.starts_with(&root) || !file.is_file() {
        return Err(refused());
    }
    Ok(file)
}

/// The path as the log keeps it: relative to the data folder.
fn relative(data_dir: &Path, file: &Path) -> String {
    let root = data_dir
        .canonicalize()
        .unwrap_or_else(|_| data_dir.to_path_buf());
    file.strip_prefix(&root)
        .unwrap_or(file)
        .display()
        .to_string()
}

/// Opens a document of the data folder (a printed ruling, minutes, a notice, a checked copy of
/// evidence) with the system's viewer, whose print dialog prints it. Answers the file opened.
#[tauri::command]
pub async fn open_document(
    state: State<'_, AppState>,
    path: String,
) -> Result<String, CommandError> {
    state.signed_in().await?;
    let file = inside_data_dir(&state.data_dir, &path)?;
    tracing::info!(file = %relative(&state.data_dir, &file), viewer = state.open_with_viewer, "open document");
    to_viewer(&state, &file)
}

/// Hands a file of the data folder to the system's viewer (unless the app runs without one,
/// as under the e2e walk); answers its path.
pub(crate) fn to_viewer(state: &AppState, file: &Path) -> Result<String, CommandError> {
    if state.open_with_viewer {
        tauri_plugin_opener::open_path(file.display().to_string(), None::<&str>).map_err(|e| {
            CommandError::storage(format!(
                "نمایشگر سامانه این سند را باز نکرد ({e}). سند در {} است.",
                file.display()
            ))
        })?;
    }
    Ok(file.display().to_string())
}

/// Shows a document of the data folder selected in the system's file manager.
#[tauri::command]
pub async fn show_in_folder(
    state: State<'_, AppState>,
    path: String,
) -> Result<String, CommandError> {
    state.signed_in().await?;
    let file = inside_data_dir(&state.data_dir, &path)?;
    tracing::info!(file = %relative(&state.data_dir, &file), viewer = state.open_with_viewer, "show in folder");
    if state.open_with_viewer {
        tauri_plugin_opener::reveal_item_in_dir(&file).map_err(|e| {
            CommandError::storage(format!(
                "مدیر پرونده‌های سامانه پوشه را نشان نداد ({e}). سند در {} است.",
                file.display()
            ))
        })?;
    }
    Ok(file.display().to_string())
}

/// The bytes of a PDF of the data folder, for the print view to lay out its pages; sent as
/// raw bytes (an `ArrayBuffer` on the screen), not as JSON.
#[tauri::command]
pub async fn read_document(
    state: State<'_, AppState>,
    path: String,
) -> Result<tauri::ipc::Response, CommandError> {
    state.signed_in().await?;
    let file = inside_data_dir(&state.data_dir, &path)?;
    if !file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        return Err(CommandError::invalid(
            "نمای چاپ فقط سندهای PDF را نشان می‌دهد؛ این پرونده را با «باز کردن» ببینید.",
        ));
    }
    let bytes = std::fs::read(&file)
        .map_err(|e| CommandError::storage(format!("سند {} خوانده نشد: {e}", file.display())))?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// Brings up the system's print dialog for the window, which shows the print view's pages
/// only (its print style hides the rest). `pages` is what the view laid out, for the log.
#[tauri::command]
pub async fn print_view<R: tauri::Runtime>(
    state: State<'_, AppState>,
    window: tauri::WebviewWindow<R>,
    pages: u32,
) -> Result<(), CommandError> {
    state.signed_in().await?;
    tracing::info!(pages, dialog = state.open_with_viewer, "print view");
    if state.open_with_viewer {
        window.print().map_err(|e| {
            CommandError::storage(format!(
                "پنجرهٔ چاپ باز نشد ({e}). سند را با «باز کردن» در نمایشگر سامانه باز کنید و از آنجا چاپ کنید."
            ))
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_data_folder_are_handed_out() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("documents")).unwrap();
        std::fs::write(data.join("documents/r.pdf"), b"%PDF").unwrap();
        std::fs::write(dir.path().join("outside.pdf"), b"%PDF").unwrap();
        assert!(inside_data_dir(&data, data.join("documents/r.pdf").to_str().unwrap()).is_ok());
        for bad in [
            dir.path().join("outside.pdf"),
            data.join("documents/../../outside.pdf"),
            data.join("documents"),
            data.join("missing.pdf"),
        ] {
            let err = inside_data_dir(&data, bad.to_str().unwrap()).unwrap_err();
            assert!(err.message.contains("پوشهٔ دادهٔ هیأت"), "{bad:?}: {err:?}");
        }
    }
}
