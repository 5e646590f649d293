//! The catalog as the window holds it: open, damaged (set aside, with a backup to offer), or not
//! openable (with the reason shown in the UI); and the background work that keeps it tidy.

use std::path::{Path, PathBuf};
use std::sync::{RwLock, RwLockReadGuard};
use std::time::Duration;

use cinedex_catalog::Reference;
use cinedex_catalog::{
    check_after_unclean_end, mark_open, restore_backup_in_place, Damage, SessionMarker,
};
use cinedex_catalog::{Catalog, ChangeWatcher, ErrorKind, ErrorPayload};
use tauri::{Emitter, Runtime};

use crate::error::IpcError;

/// The event the window listens to for changes made by another process (say, the command line).
pub const CHANGED_EVENT: &str = "catalog-changed";
/// Often enough that a change made in a terminal shows in the window within a second.
const WATCH_INTERVAL: Duration = Duration::from_millis(400);
/// Housekeeping starts once the window has painted its first frame, or after this long.
const HOUSEKEEPING_WAITS_AT_MOST: Duration = Duration::from_secs(10);

/// The catalog behind the window. The lock is only ever held to clone the handle or to swap in a
/// restored catalog after damage, never while SQLite works.
pub struct CatalogState {
    opened: RwLock<Opened>,
}

enum Opened {
    Ready {
        catalog: Catalog,
        /// Removed on a clean exit; left behind by a crash, so the next start checks the file.
        _marker: Option<SessionMarker>,
    },
    /// The last session ended uncleanly and the file failed its check: it was moved aside.
    Damaged { path: PathBuf, damage: Damage },
    /// The file could not be opened (say, written by a newer Cinedex); every command reports why.
    Unavailable(ErrorPayload),
}

impl Opened {
    fn open(path: &Path) -> Opened {
        match check_after_unclean_end(path) {
            Ok(Some(damage)) => {
                eprintln!(
                    "error: the catalog was damaged: {}",
                    damage.problems.join("; ")
                );
                return Opened::Damaged {
                    path: path.to_owned(),
                    damage,
                };
            }
            Ok(None) => {}
            Err(error) => eprintln!("warning: the start-up check could not run: {error}"),
        }
        match Catalog::open(path) {
            Ok(catalog) => {
                let marker = mark_open(path)
                    .inspect_err(|error| eprintln!("warning: {error}"))
                    .ok();
                Opened::Ready {
                    catalog,
                    _marker: marker,
                }
            }
            Err(error) => {
                eprintln!("error: {error}");
                Opened::Unavailable(error.to_payload())
            }
        }
    }
}

fn conflict(message: &str) -> IpcError {
    IpcError::from(ErrorPayload {
        kind: ErrorKind::Conflict,
        message: message.into(),
        field: None,
    })
}

impl CatalogState {
    /// Opens the catalog at `path`, checking it first if the last session ended uncleanly.
    pub fn open(path: &Path) -> CatalogState {
        CatalogState {
            opened: RwLock::new(Opened::open(path)),
        }
    }

    fn opened(&self) -> RwLockReadGuard<'_, Opened> {
        // A poisoned lock means a panic while swapping; the value is still a whole Opened.
        self.opened.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The open catalog, if it is open.
    pub fn catalog(&self) -> Option<Catalog> {
        match &*self.opened() {
            Opened::Ready { catalog, .. } => Some(catalog.clone()),
            _ => None,
        }
    }

    pub fn damage(&self) -> Option<Damage> {
        match &*self.opened() {
            Opened::Damaged { damage, .. } => Some(damage.clone()),
            _ => None,
        }
    }

    /// Puts the newest good backup where the damaged catalog was and opens it.
    pub fn restore_newest_backup<R: Runtime>(
        &self,
        app: &tauri::AppHandle<R>,
    ) -> Result<(), IpcError> {
        let mut opened = self.opened.write().unwrap_or_else(|p| p.into_inner());
        let Opened::Damaged { path, damage } = &*opened else {
            return Err(conflict("the catalog is not damaged"));
        };
        let path = path.clone();
        let backup = damage.newest_good_backup.as_ref().ok_or_else(|| {
            IpcError::from(ErrorPayload {
                kind: ErrorKind::NotFound,
                message: "there is no good backup to restore".into(),
                field: None,
            })
        })?;
        restore_backup_in_place(&path, Path::new(&backup.path))?;
        *opened = Opened::open(&path);
        drop(opened);
        self.start_housekeeping(app.clone());
        Ok(())
    }

    /// [`Catalog::housekeep`] (the daily backup, then the trash retention), then watching
    /// for other processes' writes: off the start-up path, so the window opens without waiting, and
    /// only once it has painted its first frame.
    pub fn start_housekeeping<R: Runtime>(&self, app: tauri::AppHandle<R>) {
        let Opened::Ready { catalog, .. } = &*self.opened() else {
            return;
        };
        let catalog = catalog.clone();
        std::thread::spawn(move || {
            // Watching starts now, so a write made while the window opens is not missed.
            let watcher = catalog
                .watch_changes()
                .inspect_err(|e| {
                    eprintln!("warning: changes from other programs will not show: {e}")
                })
                .ok();
            crate::startup::wait_for_first_frame(HOUSEKEEPING_WAITS_AT_MOST);
            if let Err(error) = catalog.housekeep() {
                eprintln!("warning: the daily backup or emptying old films from the trash failed: {error}");
            }
            if let Some(watcher) = watcher {
                watch_for_changes(watcher, &app);
            }
        });
    }

    /// [`CatalogState::run`] with the reference as the person set it up (their TMDB key, their
    /// offline switch, the cache beside the catalog), for the commands that may ask Wikidata or TMDB.
    pub async fn run_with_reference<T, F>(&self, work: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Catalog, &Reference) -> cinedex_catalog::Result<T> + Send + 'static,
    {
        self.run(move |catalog| {
            let reference = crate::reference_for(catalog)?;
            work(catalog, &reference)
        })
        .await
    }

    /// Runs `work` on a blocking thread so the window's main thread never waits on SQLite.
    pub async fn run<T, F>(&self, work: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Catalog) -> cinedex_catalog::Result<T> + Send + 'static,
    {
        let catalog = match &*self.opened() {
            Opened::Ready { catalog, .. } => catalog.clone(),
            Opened::Unavailable(reason) => return Err(IpcError::from(reason.clone())),
            Opened::Damaged { damage, .. } => {
                return Err(IpcError::from(ErrorPayload {
                    kind: ErrorKind::Storage,
                    message: format!(
                        "the catalog file was damaged and has been set aside as {}",
                        damage.set_aside_as
                    ),
                    field: None,
                }))
            }
        };
        tauri::async_runtime::spawn_blocking(move || work(&catalog))
            .await
            .map_err(IpcError::internal)?
            .map_err(IpcError::from)
    }
}

/// Tells the window whenever the catalog file changes under it, until the app exits.
fn watch_for_changes<R: Runtime>(mut watcher: ChangeWatcher, app: &tauri::AppHandle<R>) {
    loop {
        std::thread::sleep(WATCH_INTERVAL);
        match watcher.changed() {
            Ok(true) => {
                let _ = app.emit(CHANGED_EVENT, ());
            }
            Ok(false) => {}
            Err(error) => eprintln!("warning: watching the catalog: {error}"),
        }
    }
}
