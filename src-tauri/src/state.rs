//! The catalog as the window holds it: open, or not openable (with the reason shown in the UI).

use std::path::Path;

use cinedex_catalog::{Catalog, ErrorPayload};

use crate::error::IpcError;

/// How long a deleted film waits in the trash before it is removed for good.
pub const TRASH_DAYS: i64 = 30;

pub enum CatalogState {
    Ready(Catalog),
    /// The file could not be opened (say, written by a newer Cinedex); every command reports why.
    Unavailable(ErrorPayload),
}

impl CatalogState {
    pub fn open(path: &Path) -> CatalogState {
        match Catalog::open(path) {
            Ok(catalog) => CatalogState::Ready(catalog),
            Err(error) => {
                eprintln!("error: {error}");
                CatalogState::Unavailable(error.to_payload())
            }
        }
    }

    /// The daily backup, then emptying the trash of films deleted over 30 days ago: off the
    /// start-up path, so the window opens without waiting. The backup comes first, so a purged
    /// film is still in the newest backup.
    pub fn start_housekeeping(&self) {
        if let CatalogState::Ready(catalog) = self {
            let catalog = catalog.clone();
            std::thread::spawn(move || {
                if let Err(error) = catalog.backup_daily_if_due() {
                    eprintln!("warning: the daily backup failed: {error}");
                    return;
                }
                if let Err(error) = catalog.purge_trash_older_than(TRASH_DAYS) {
                    eprintln!("warning: emptying old films from the trash failed: {error}");
                }
            });
        }
    }

    /// Runs `work` on a blocking thread so the window's main thread never waits on SQLite.
    pub async fn run<T, F>(&self, work: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Catalog) -> cinedex_catalog::Result<T> + Send + 'static,
    {
        let catalog = match self {
            CatalogState::Ready(catalog) => catalog.clone(),
            CatalogState::Unavailable(reason) => return Err(IpcError::from(reason.clone())),
        };
        tauri::async_runtime::spawn_blocking(move || work(&catalog))
            .await
            .map_err(IpcError::internal)?
            .map_err(IpcError::from)
    }
}
