//! Restoring a backup (or any Cinedex catalog file) over the open catalog. The source is only
//! ever read: it is opened read-only, checked, and copied to a private file first, so neither a
//! thinning nor a change to the source while it is read can empty the catalog. The catalog as it
//! was is backed up first, which makes every restore undoable.

use crate::field::Field;
use std::path::Path;
use std::time::SystemTime;

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    backups_dir, check, list_backups, starts_as_sqlite, vacuum_into_temporary, BackupInfo,
    BackupReason,
};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::migrate;

/// What a restore put in place, and where the catalog it replaced was kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// The file restored, as it was named.
    pub restored_from: String,
    /// Films in the restored catalog, not counting the trash.
    #[ts(type = "number")]
    pub films: i64,
    #[ts(type = "number")]
    pub reviews: i64,
    /// The schema version the restored file was written with (it is brought up to date after).
    #[ts(type = "number")]
    pub schema_version: i64,
    /// The backup of the catalog as it was just before: restoring it undoes this restore.
    pub safety_copy: BackupInfo,
}

impl Catalog {
    /// Replaces the catalog's content with a backup (or any Cinedex catalog file), after backing
    /// up the current content. A missing, empty, foreign, damaged or changing file changes nothing.
    pub fn restore_from(&self, source: &Path) -> Result<RestoreReport> {
        let catalog = self
            .path()
            .ok_or_else(|| CatalogError::Conflict("an in-memory catalog has no backups".into()))?;
        let workspace = catalog.parent().unwrap_or(Path::new("."));
        let (copy, schema_version) = checked_private_copy(source, workspace)?;
        let safety_copy = self.backup_keeping(BackupReason::Restore, &[source])?;
        self.replace_with(copy.path())?;
        drop(copy);
        let (films, reviews) = self.read(|tx| {
            let films = tx.query_row(crate::library::LIVE_COUNT, [], |row| row.get(0))?;
            let reviews = tx.query_row("SELECT count(*) FROM reviews", [], |row| row.get(0))?;
            Ok((films, reviews))
        })?;
        Ok(RestoreReport {
            restored_from: source.display().to_string(),
            films,
            reviews,
            schema_version,
            safety_copy,
        })
    }

    /// Restores a backup from this catalog's own backups folder: the window may only pick from
    /// the list it was shown, never an arbitrary path.
    pub fn restore_listed_backup(&self, path: &Path) -> Result<RestoreReport> {
        let catalog = self
            .path()
            .ok_or_else(|| CatalogError::Conflict("an in-memory catalog has no backups".into()))?;
        let listed = list_backups(&backups_dir(&catalog))?;
        if !listed.iter().any(|b| Path::new(&b.path) == path) {
            return Err(CatalogError::invalid(
                Field::Path,
                format!("{} is not one of this catalog's backups", path.display()),
            ));
        }
        self.restore_from(path)
    }
}

/// Size and modification time: what tells that a file was written to while it was read.
fn fingerprint(source: &Path) -> Result<(u64, Option<SystemTime>)> {
    let metadata = std::fs::metadata(source).map_err(|e| CatalogError::Io {
        path: source.to_path_buf(),
        source: e,
    })?;
    if !metadata.is_file() {
        return Err(not_a_catalog(source, "it is not a regular file"));
    }
    Ok((metadata.len(), metadata.modified().ok()))
}

/// Checks `source` and copies it, as one consistent state, to a private file in `workspace`
/// (removed when dropped). Returns the copy and the schema version it was written with.
fn checked_private_copy(source: &Path, workspace: &Path) -> Result<(tempfile::NamedTempFile, i64)> {
    checked_private_copy_with(source, workspace, || {})
}

/// [`checked_private_copy`], running `while_reading` after the copy and before the source is
/// looked at again: where a test changes the file underfoot.
fn checked_private_copy_with(
    source: &Path,
    workspace: &Path,
    while_reading: impl FnOnce(),
) -> Result<(tempfile::NamedTempFile, i64)> {
    let before = fingerprint(source)?;
    if before.0 == 0 {
        return Err(not_a_catalog(source, "it is empty (0 bytes)"));
    }
    if !starts_as_sqlite(source) {
        return Err(not_a_catalog(source, "the file is not an SQLite database"));
    }
    // Read-only and without SQLITE_OPEN_CREATE: a file that vanished is an error, not a new one.
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let src = Connection::open_with_flags(source, flags)
        .map_err(|e| not_a_catalog(source, &format!("cannot open it: {e}")))?;
    let location = source.display().to_string();
    migrate::check_compatible(&src, &location).map_err(|e| match e {
        CatalogError::Storage(inner) => not_a_catalog(source, &inner.to_string()),
        other => other,
    })?;
    let schema_version = migrate::schema_version(&src)?;
    if schema_version == 0 {
        return Err(not_a_catalog(source, "it is empty"));
    }
    let report = check(&src, "quick_check")
        .map_err(|e| not_a_catalog(source, &format!("its check failed: {e}")))?;
    if !report.ok {
        let problems = report.problems.join("; ");
        return Err(not_a_catalog(source, &format!("it is damaged: {problems}")));
    }
    let copy = vacuum_into_temporary(&src, workspace).map_err(|e| match e {
        CatalogError::Storage(inner) => {
            not_a_catalog(source, &format!("it could not be read whole: {inner}"))
        }
        other => other,
    })?;
    drop(src);
    while_reading();
    if fingerprint(source)? != before {
        return Err(CatalogError::Conflict(format!(
            "{location} changed while it was being read; nothing was restored, try again"
        )));
    }
    Ok((copy, schema_version))
}

fn not_a_catalog(source: &Path, reason: &str) -> CatalogError {
    CatalogError::NotACatalog {
        path: source.display().to_string(),
        reason: reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_that_changes_while_it_is_read_is_refused_and_its_copy_removed() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
        let source = dir.path().join("backup.sqlite");
        catalog.backup_to(&source).unwrap();
        let workspace = dir.path().join("work");
        std::fs::create_dir(&workspace).unwrap();
        let append = || {
            use std::io::Write;
            let mut file = std::fs::OpenOptions::new()
                .append(true)
                .open(&source)
                .unwrap();
            file.write_all(&[0; 4096]).unwrap();
        };
        let error = checked_private_copy_with(&source, &workspace, append).unwrap_err();
        assert!(matches!(error, CatalogError::Conflict(_)), "{error:?}");
        let message = error.to_string();
        assert!(
            message.contains("backup.sqlite") && message.contains("changed"),
            "{message}"
        );
        assert_eq!(
            std::fs::read_dir(&workspace).unwrap().count(),
            0,
            "no copy is left"
        );
    }
}
