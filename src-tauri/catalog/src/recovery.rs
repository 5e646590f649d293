//! Starting after a crash: a marker file tells whether the window closed cleanly last time; if it
//! did not, the catalog file gets SQLite's `quick_check` before it is used, and a damaged file is
//! set aside (never deleted) so the newest good backup can take its place.

use crate::field::Field;
use std::path::{Path, PathBuf};

use chrono::Utc;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::backup::{backups_dir, list_backups, BackupInfo};
use crate::error::{CatalogError, Result};

/// What start-up found wrong with a catalog file and what can be done about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Damage {
    /// The catalog path the app wanted to open.
    pub catalog: String,
    /// Where the damaged file was moved, so nothing is lost.
    pub set_aside_as: String,
    /// SQLite's own words for what is wrong.
    pub problems: Vec<String>,
    /// The newest backup that passes its own check, if any.
    pub newest_good_backup: Option<BackupInfo>,
}

/// Present while a window has the catalog open; dropping it (a clean exit) removes the marker.
pub struct SessionMarker {
    path: PathBuf,
}

impl Drop for SessionMarker {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn marker_path(catalog: &Path) -> PathBuf {
    let mut name = catalog.as_os_str().to_owned();
    name.push(".open");
    PathBuf::from(name)
}

/// Whether the last window on `catalog` ended without closing it (a crash, a kill, a power cut).
pub fn ended_uncleanly(catalog: &Path) -> bool {
    marker_path(catalog).exists()
}

/// Marks `catalog` as open by a window until the returned marker is dropped.
pub fn mark_open(catalog: &Path) -> Result<SessionMarker> {
    let path = marker_path(catalog);
    std::fs::write(&path, std::process::id().to_string()).map_err(|source| CatalogError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(SessionMarker { path })
}

/// SQLite's `quick_check` of a catalog file, without migrating or changing it. A file too damaged
/// to open at all reports that as its problem.
pub fn quick_check_file(catalog: &Path) -> Vec<String> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    // Read-write so a hot WAL left by the crash is replayed before checking, as a normal open would.
    let conn = match Connection::open_with_flags(catalog, flags) {
        Ok(conn) => conn,
        Err(error) => return vec![format!("cannot open the file: {error}")],
    };
    let lines = conn.prepare("PRAGMA quick_check").and_then(|mut stmt| {
        stmt.query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()
    });
    match lines {
        Ok(lines) => lines.into_iter().filter(|line| line != "ok").collect(),
        Err(error) => vec![format!("the check could not read the file: {error}")],
    }
}

/// After an unclean end, checks `catalog`; a damaged file (with its WAL) is moved aside and
/// described. `Ok(None)` means the catalog is fine to open.
pub fn check_after_unclean_end(catalog: &Path) -> Result<Option<Damage>> {
    if !ended_uncleanly(catalog) || !catalog.exists() {
        return Ok(None);
    }
    let problems = quick_check_file(catalog);
    if problems.is_empty() {
        return Ok(None);
    }
    let set_aside_as = set_aside(catalog)?;
    Ok(Some(Damage {
        catalog: catalog.display().to_string(),
        set_aside_as: set_aside_as.display().to_string(),
        problems,
        newest_good_backup: newest_good_backup(catalog)?,
    }))
}

/// Moves a damaged catalog and its WAL and shared-memory files aside, under a dated name.
pub fn set_aside(catalog: &Path) -> Result<PathBuf> {
    let stamp = Utc::now().format("%Y%m%d-%H%M%S");
    let aside = catalog.with_file_name(format!(
        "{}-damaged-{stamp}.sqlite",
        catalog
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "catalog".into())
    ));
    for suffix in ["", "-wal", "-shm"] {
        let mut from = catalog.as_os_str().to_owned();
        from.push(suffix);
        let mut to = aside.as_os_str().to_owned();
        to.push(suffix);
        match std::fs::rename(&from, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !suffix.is_empty() => {}
            Err(source) => {
                return Err(CatalogError::Io {
                    path: PathBuf::from(from),
                    source,
                })
            }
        }
    }
    Ok(aside)
}

/// The newest backup of `catalog` that passes `quick_check` and holds a catalog (the listing
/// already leaves out empty and unreadable files; an empty database passes `quick_check` too).
pub fn newest_good_backup(catalog: &Path) -> Result<Option<BackupInfo>> {
    Ok(list_backups(&backups_dir(catalog))?
        .into_iter()
        .find(|backup| holds_a_sound_catalog(Path::new(&backup.path))))
}

fn holds_a_sound_catalog(file: &Path) -> bool {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let Ok(conn) = Connection::open_with_flags(file, flags) else {
        return false;
    };
    let version = conn.pragma_query_value(None, "user_version", |row| row.get::<_, i64>(0));
    version.is_ok_and(|v| v > 0)
        && conn
            .query_row("PRAGMA quick_check", [], |row| row.get::<_, String>(0))
            .is_ok_and(|first| first == "ok")
}

/// Puts a copy of `backup` where the (set-aside) catalog was, so the next open finds it. Only a
/// backup from the catalog's own backups folder is accepted.
pub fn restore_backup_in_place(catalog: &Path, backup: &Path) -> Result<()> {
    let listed = list_backups(&backups_dir(catalog))?;
    if !listed.iter().any(|b| Path::new(&b.path) == backup) {
        return Err(CatalogError::invalid(
            Field::Path,
            format!("{} is not one of this catalog's backups", backup.display()),
        ));
    }
    if catalog.exists() {
        return Err(CatalogError::Conflict(format!(
            "{} exists; it must be set aside before a backup replaces it",
            catalog.display()
        )));
    }
    let dir = catalog
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| CatalogError::Io { path, source }
    };
    // A temporary file removed on every failure: a failed copy leaves no `.partial` behind.
    let mut partial = tempfile::Builder::new()
        .prefix(".catalog-")
        .suffix(".sqlite.partial")
        .tempfile_in(dir)
        .map_err(io(dir))?;
    let mut from = std::fs::File::open(backup).map_err(io(backup))?;
    std::io::copy(&mut from, partial.as_file_mut()).map_err(io(backup))?;
    partial.as_file().sync_all().map_err(io(partial.path()))?;
    partial
        .persist_noclobber(catalog)
        .map_err(|e| CatalogError::Io {
            path: catalog.to_path_buf(),
            source: e.error,
        })?;
    Ok(())
}
