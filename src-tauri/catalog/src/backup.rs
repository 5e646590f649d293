//! Backups of a catalog file: written whole to a temporary file, checked, synced to disk, then
//! renamed into place, so a backup that exists is a good one. Automatic backups are thinned; a
//! restore first backs up the catalog it replaces.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::migrate;

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

impl BackupReason {
    fn as_str(self) -> &'static str {
        match self {
            BackupReason::Manual => "manual",
            BackupReason::Daily => "daily",
            BackupReason::Migration => "migration",
            BackupReason::Restore => "restore",
            BackupReason::Import => "import",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [
            Self::Manual,
            Self::Daily,
            Self::Migration,
            Self::Restore,
            Self::Import,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
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

/// The folder automatic and manual backups of the catalog at `catalog` go to.
pub fn backups_dir(catalog: &Path) -> PathBuf {
    catalog.parent().unwrap_or(Path::new(".")).join("backups")
}

impl Catalog {
    /// Writes a backup into the backups folder beside the catalog, then thins older automatic ones.
    pub fn backup(&self, reason: BackupReason) -> Result<BackupInfo> {
        let path = self
            .path()
            .ok_or_else(|| CatalogError::Conflict("an in-memory catalog has no backups".into()))?;
        let dir = backups_dir(&path);
        let now = Utc::now();
        let target = dir.join(format!(
            "catalog-{}-{}.sqlite",
            now.format(STAMP),
            reason.as_str()
        ));
        let info = BackupInfo {
            reason,
            ..self.backup_to(&target)?
        };
        thin(&dir)?;
        Ok(info)
    }

    /// Writes a complete, checked copy of the catalog to `target`, which must not exist yet.
    pub fn backup_to(&self, target: &Path) -> Result<BackupInfo> {
        self.with_reader(|conn| write_checked_copy(conn, target))
    }

    /// A daily backup, unless one was made in the last 24 hours. For the window's start.
    pub fn backup_daily_if_due(&self) -> Result<Option<BackupInfo>> {
        let Some(path) = self.path() else {
            return Ok(None);
        };
        let newest = list_backups(&backups_dir(&path))?
            .into_iter()
            .map(|b| b.created_at)
            .max();
        if newest.is_some_and(|t| Utc::now() - t < chrono::Duration::hours(24)) {
            return Ok(None);
        }
        self.backup(BackupReason::Daily).map(Some)
    }

    /// Replaces the catalog's content with a backup (or any Cinedex catalog file), after backing up
    /// the current content. The file is checked first; a bad one changes nothing.
    pub fn restore_from(&self, source: &Path) -> Result<BackupInfo> {
        let location = source.display().to_string();
        // SQLite words a missing file as "unable to open database file"; the system says it plainly.
        std::fs::metadata(source).map_err(|e| CatalogError::Io {
            path: source.to_path_buf(),
            source: e,
        })?;
        let src =
            Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
                CatalogError::NotACatalog {
                    path: location.clone(),
                    reason: format!("cannot open it: {e}"),
                }
            })?;
        migrate::check_compatible(&src, &location).map_err(|e| match e {
            CatalogError::Storage(inner) => CatalogError::NotACatalog {
                path: location.clone(),
                reason: inner.to_string(),
            },
            other => other,
        })?;
        if migrate::schema_version(&src)? == 0 {
            return Err(CatalogError::NotACatalog {
                path: location,
                reason: "it is empty".into(),
            });
        }
        let report = check(&src, "quick_check")?;
        if !report.ok {
            return Err(CatalogError::NotACatalog {
                path: location,
                reason: format!("it is damaged: {}", report.problems.join("; ")),
            });
        }
        drop(src);
        let safety = self.backup(BackupReason::Restore)?;
        self.replace_with(source)?;
        Ok(safety)
    }

    /// Restores a backup from this catalog's own backups folder: the window may only pick from
    /// the list it was shown, never an arbitrary path.
    pub fn restore_listed_backup(&self, path: &Path) -> Result<BackupInfo> {
        let catalog = self
            .path()
            .ok_or_else(|| CatalogError::Conflict("an in-memory catalog has no backups".into()))?;
        let listed = list_backups(&backups_dir(&catalog))?;
        if !listed.iter().any(|b| Path::new(&b.path) == path) {
            return Err(CatalogError::invalid(
                "path",
                format!("{} is not one of this catalog's backups", path.display()),
            ));
        }
        self.restore_from(path)
    }

    /// SQLite's full `integrity_check` and the foreign key check, in words.
    pub fn check(&self) -> Result<CheckReport> {
        self.read(|tx| {
            let mut report = check(tx, "integrity_check")?;
            let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
            let orphans = stmt.query_map([], |row| {
                Ok(format!(
                    "a row of {} points to a missing {}",
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(2)?
                ))
            })?;
            for orphan in orphans {
                report.problems.push(orphan?);
            }
            report.problems.extend(crate::search::index_problems(tx)?);
            report.ok = report.problems.is_empty();
            Ok(report)
        })
    }
}

/// The backups in `dir`, newest first; files that are not Cinedex backups are left out.
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
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stem = name.strip_prefix("catalog-")?.strip_suffix(".sqlite")?;
            let (stamp, reason) = stem.rsplit_once('-')?;
            let created = NaiveDateTime::parse_from_str(stamp, STAMP)
                .or_else(|_| NaiveDateTime::parse_from_str(stamp, STAMP_SECONDS))
                .ok()?
                .and_utc();
            Some(BackupInfo {
                path: entry.path().display().to_string(),
                created_at: created,
                reason: BackupReason::parse(reason)?,
                size_bytes: entry.metadata().ok()?.len(),
            })
        })
        .collect();
    backups.sort_by_key(|b| std::cmp::Reverse(b.created_at));
    Ok(backups)
}

/// Keeps every manual backup and, of the others, the newest of each of the last 7 days, 4 weeks
/// and 12 months that have one.
fn thin(dir: &Path) -> Result<()> {
    let automatic: Vec<BackupInfo> = list_backups(dir)?
        .into_iter()
        .filter(|b| b.reason != BackupReason::Manual)
        .collect();
    let mut keep = std::collections::HashSet::new();
    for (limit, period) in [(7usize, 0u8), (4, 1), (12, 2)] {
        let mut seen = Vec::new();
        for backup in &automatic {
            let t = backup.created_at;
            let key = match period {
                0 => (t.year(), t.ordinal()),
                1 => (t.iso_week().year(), t.iso_week().week()),
                _ => (t.year(), t.month()),
            };
            if !seen.contains(&key) && seen.len() < limit {
                seen.push(key);
                keep.insert(backup.path.clone());
            }
        }
    }
    for backup in automatic.iter().filter(|b| !keep.contains(&b.path)) {
        std::fs::remove_file(&backup.path).map_err(|source| CatalogError::Io {
            path: PathBuf::from(&backup.path),
            source,
        })?;
    }
    Ok(())
}

/// Before a migration changes an existing catalog, a copy of it as it was.
pub(crate) fn backup_before_migration(conn: &Connection, catalog: &Path) -> Result<()> {
    let target = backups_dir(catalog).join(format!(
        "catalog-{}-{}.sqlite",
        Utc::now().format(STAMP),
        BackupReason::Migration.as_str()
    ));
    write_checked_copy(conn, &target).map(|_| ())
}

/// `VACUUM INTO` a temporary file, check it, sync it, rename it to `target`.
pub(crate) fn write_checked_copy(conn: &Connection, target: &Path) -> Result<BackupInfo> {
    let io = |source| CatalogError::Io {
        path: target.to_path_buf(),
        source,
    };
    if target.exists() {
        return Err(CatalogError::Conflict(format!(
            "{} already exists; choose another name",
            target.display()
        )));
    }
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let temporary = target.with_extension("sqlite.partial");
    let _ = std::fs::remove_file(&temporary);
    conn.execute("VACUUM INTO ?1", [temporary.to_string_lossy()])?;
    let copy = Connection::open_with_flags(&temporary, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let report = check(&copy, "quick_check")?;
    drop(copy);
    if !report.ok {
        let _ = std::fs::remove_file(&temporary);
        return Err(CatalogError::Conflict(format!(
            "the backup failed its check: {}",
            report.problems.join("; ")
        )));
    }
    std::fs::File::open(&temporary)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    std::fs::rename(&temporary, target).map_err(io)?;
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(parent)
            .and_then(|d| d.sync_all())
            .map_err(io)?;
    }
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
