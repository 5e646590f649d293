//! Backup commands for the Settings view: back up now, list backups, restore one, check the file.

use cinedex_catalog::backup::{backups_dir, list_backups, BackupInfo, BackupReason, CheckReport};
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn create_backup(state: State<'_, CatalogState>) -> Result<BackupInfo, IpcError> {
    state.run(|c| c.backup(BackupReason::Manual)).await
}

#[tauri::command]
pub async fn list_catalog_backups(
    state: State<'_, CatalogState>,
) -> Result<Vec<BackupInfo>, IpcError> {
    state
        .run(|c| match c.path() {
            Some(path) => list_backups(&backups_dir(&path)),
            None => Ok(Vec::new()),
        })
        .await
}

/// Restores one of the catalog's own backups, chosen from the list the Settings view shows.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, CatalogState>,
    path: String,
) -> Result<BackupInfo, IpcError> {
    state
        .run(move |c| c.restore_listed_backup(std::path::Path::new(&path)))
        .await
}

#[tauri::command]
pub async fn check_catalog(state: State<'_, CatalogState>) -> Result<CheckReport, IpcError> {
    state.run(|c| c.check()).await
}
