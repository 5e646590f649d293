//! Backup commands for the Settings view: back up now, list backups, restore one, check the file.

use cinedex_catalog::Damage;
use cinedex_catalog::{
    backups_dir, list_backups, BackupInfo, BackupReason, CheckReport, RestoreReport,
};
use tauri::{AppHandle, Runtime, State};

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

/// Restores one of the catalog's own backups, chosen from the list the Settings view shows, and
/// says what it restored and where the catalog it replaced is kept.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, CatalogState>,
    path: String,
) -> Result<RestoreReport, IpcError> {
    state
        .run(move |c| c.restore_listed_backup(std::path::Path::new(&path)))
        .await
}

#[tauri::command]
pub async fn check_catalog(state: State<'_, CatalogState>) -> Result<CheckReport, IpcError> {
    state.run(|c| c.check_full()).await
}

/// What start-up found wrong with the catalog file, if anything: the window shows a recovery
/// screen instead of the library when this is set.
#[tauri::command]
pub async fn recovery_status(state: State<'_, CatalogState>) -> Result<Option<Damage>, IpcError> {
    Ok(state.damage())
}

/// Puts the newest good backup in place of the damaged catalog and opens it.
#[tauri::command]
pub async fn recover_from_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, CatalogState>,
) -> Result<(), IpcError> {
    state.restore_newest_backup(&app)
}
