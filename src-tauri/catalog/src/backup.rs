//! Backups of a catalog file: written whole to a temporary file, checked, synced to disk, then
//! renamed into place, so a backup that exists is a good one. Automatic backups are thinned
//! (`thin`); a restore (`restore`) works from a private checked copy of its source and first
//! backs up the catalog it replaces.

mod making;
mod restore;
mod thin;

use crate::string_enum::string_enum;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CatalogError, Result};

pub use restore::RestoreReport;
pub use thin::thin;

/// What "now" is for backups: when they are stamped, which are due, which are thinned.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The clock every catalog uses unless a test gives it another.
pub fn system_clock() -> Clock {
    Arc::new(Utc::now)
}

/// Why a backup was made; manual ones are never thinned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BackupReason {
    Manual,
    Daily,
    Migration,
    Restore,
    Import,
}

string_enum!(BackupReason {
    Manual => "manual",
    Daily => "daily",
    Migration => "migration",
    Restore => "restore",
    Import => "import",
});

impl BackupReason {
    /// The reasons whose backups are made by the app itself and thinned.
    pub const AUTOMATIC: [BackupReason; 4] = [
        BackupReason::Daily,
        BackupReason::Migration,
        BackupReason::Restore,
        BackupReason::Import,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub path: String,
    pub created_at: DateTime<Utc>,
    pub reason: BackupReason,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

/// How a catalog file's health check went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    pub ok: bool,
    /// SQLite's own words for each problem found; empty when the catalog is sound.
    pub problems: Vec<String>,
}

/// Milliseconds keep two backups of the same second apart and in order.
const STAMP: &str = "%Y%m%d-%H%M%S%.3f";
const STAMP_SECONDS: &str = "%Y%m%d-%H%M%S";
/// Every SQLite database file starts with these bytes; anything else is not a backup.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The folder automatic and manual backups of the catalog at `catalog` go to.
pub fn backups_dir(catalog: &Path) -> PathBuf {
    catalog.parent().unwrap_or(Path::new(".")).join("backups")
}

fn backup_name(at: DateTime<Utc>, reason: BackupReason) -> String {
    format!("catalog-{}-{}.sqlite", at.format(STAMP), reason.as_str())
}

/// A name for a backup made at `now` that no file has yet: two backups in the same millisecond
/// (a quick restore after a restore) take the next free one.
fn free_name(dir: &Path, now: DateTime<Utc>, reason: BackupReason) -> PathBuf {
    let mut at = now;
    loop {
        let target = dir.join(backup_name(at, reason));
        if !target.exists() {
            return target;
        }
        at += chrono::Duration::milliseconds(1);
    }
}

/// The backups in `dir`, newest first. Only files named as Cinedex backups that hold an SQLite
/// database are listed: an empty or unreadable file is never offered.
pub fn list_backups(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(CatalogError::Io {
                path: dir.to_path_buf(),
                source,
            })
        }
    };
    let mut backups: Vec<BackupInfo> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| describe(&entry.path()))
        .collect();
    backups.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.path.cmp(&a.path)));
    Ok(backups)
}

/// What the backup file at `path` is, from its name; `None` when it is not one.
fn describe(path: &Path) -> Option<BackupInfo> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_prefix("catalog-")?.strip_suffix(".sqlite")?;
    let (stamp, reason) = stem.rsplit_once('-')?;
    let created = NaiveDateTime::parse_from_str(stamp, STAMP)
        .or_else(|_| NaiveDateTime::parse_from_str(stamp, STAMP_SECONDS))
        .ok()?
        .and_utc();
    let reason = BackupReason::parse(reason)?;
    let metadata = std::fs::metadata(path).ok()?;
    if !metadata.is_file() || !starts_as_sqlite(path) {
        return None;
    }
    Some(BackupInfo {
        path: path.display().to_string(),
        created_at: created,
        reason,
        size_bytes: metadata.len(),
    })
}

/// Whether the file can be read and begins as an SQLite database (so it is not empty either).
pub(crate) fn starts_as_sqlite(path: &Path) -> bool {
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut header))
        .is_ok_and(|()| &header == SQLITE_HEADER)
}

/// Before a migration changes an existing catalog, a copy of it as it was.
pub(crate) fn backup_before_migration(
    conn: &Connection,
    catalog: &Path,
    now: DateTime<Utc>,
) -> Result<()> {
    let target = free_name(&backups_dir(catalog), now, BackupReason::Migration);
    write_checked_copy(conn, &target).map(|_| ())
}

/// `VACUUM INTO` a temporary file, check it, sync it, rename it to `target` (never over an
/// existing file). On any failure the temporary file is removed: no `.partial` is left behind.
pub(crate) fn write_checked_copy(conn: &Connection, target: &Path) -> Result<BackupInfo> {
    let io = |source| CatalogError::Io {
        path: target.to_path_buf(),
        source,
    };
    let exists = || {
        CatalogError::Conflict(format!(
            "{} already exists; choose another name",
            target.display()
        ))
    };
    if target.exists() {
        return Err(exists());
    }
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io)?;
    let temporary = vacuum_into_temporary(conn, parent)?;
    let copy = Connection::open_with_flags(temporary.path(), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let report = check(&copy, "quick_check")?;
    drop(copy);
    if !report.ok {
        return Err(CatalogError::Conflict(format!(
            "the backup failed its check: {}",
            report.problems.join("; ")
        )));
    }
    temporary.as_file().sync_all().map_err(io)?;
    temporary.persist_noclobber(target).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            exists()
        } else {
            io(e.error)
        }
    })?;
    std::fs::File::open(parent)
        .and_then(|d| d.sync_all())
        .map_err(io)?;
    Ok(BackupInfo {
        path: target.display().to_string(),
        created_at: Utc::now(),
        reason: BackupReason::Manual,
        size_bytes: std::fs::metadata(target).map_err(io)?.len(),
    })
}

fn check(conn: &Connection, pragma: &str) -> Result<CheckReport> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let lines: Vec<String> = stmt
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let problems: Vec<String> = lines.into_iter().filter(|l| l != "ok").collect();
    Ok(CheckReport {
        ok: problems.is_empty(),
        problems,
    })
}

/// A complete copy of the database `conn` reads, in a new hidden file in `dir` that is deleted
/// when dropped unless it is persisted. `VACUUM INTO` reads in one transaction, so the copy is
/// one consistent state even while others write.
pub(crate) fn vacuum_into_temporary(
    conn: &Connection,
    dir: &Path,
) -> Result<tempfile::NamedTempFile> {
    let temporary = tempfile::Builder::new()
        .prefix(".catalog-")
        .suffix(".sqlite.partial")
        .tempfile_in(dir)
        .map_err(|source| CatalogError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    conn.execute("VACUUM INTO ?1", [temporary.path().to_string_lossy()])?;
    Ok(temporary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_vacuum_into_leaves_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("catalog.sqlite")).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1); BEGIN; SELECT * FROM t;")
            .unwrap();
        // SQLite refuses VACUUM inside a transaction: the copy fails after its temporary file exists.
        let target = dir.path().join("out/copy.sqlite");
        assert!(write_checked_copy(&conn, &target).is_err());
        let left: Vec<_> = std::fs::read_dir(dir.path().join("out")).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
