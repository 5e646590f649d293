//! The catalog's own backup operations: a backup now (then the thinning), one to a chosen file,
//! the daily one when it is due, and the full check. The files themselves — names, listing,
//! checked copies — are the parent module's, which knows nothing of the catalog handle.

use std::path::Path;

use super::{
    backups_dir, check, describe, free_name, list_backups, thin, write_checked_copy, BackupInfo,
    BackupReason, CheckReport,
};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};

impl Catalog {
    /// Writes a backup into the backups folder beside the catalog, then thins older automatic ones.
    pub fn backup(&self, reason: BackupReason) -> Result<BackupInfo> {
        self.backup_keeping(reason, &[])
    }

    /// [`Catalog::backup`], with the thinning that follows it sparing `spared` (the file a
    /// restore is about to read) besides the new backup itself.
    pub(crate) fn backup_keeping(
        &self,
        reason: BackupReason,
        spared: &[&Path],
    ) -> Result<BackupInfo> {
        let path = self
            .path()
            .ok_or_else(|| CatalogError::Conflict("an in-memory catalog has no backups".into()))?;
        let dir = backups_dir(&path);
        let target = free_name(&dir, self.now(), reason);
        self.backup_to(&target)?;
        let info = describe(&target).ok_or_else(|| {
            CatalogError::Conflict(format!("{} vanished as it was written", target.display()))
        })?;
        let mut keep = spared.to_vec();
        keep.push(&target);
        thin(&dir, &keep)?;
        Ok(info)
    }

    /// Writes a complete, checked copy of the catalog to `target`, which must not exist yet.
    pub fn backup_to(&self, target: &Path) -> Result<BackupInfo> {
        self.with_reader(|conn| write_checked_copy(conn, target))
    }

    /// A daily backup, unless the last one is less than 24 hours old by the catalog's clock.
    /// Only daily backups count: each kind is its own series, thinned on its own.
    pub fn backup_daily_if_due(&self) -> Result<Option<BackupInfo>> {
        let Some(path) = self.path() else {
            return Ok(None);
        };
        let now = self.now();
        // One stamped in the future (a clock set back) does not hold the daily backups off.
        let recent = list_backups(&backups_dir(&path))?.into_iter().any(|b| {
            b.reason == BackupReason::Daily
                && b.created_at <= now
                && now - b.created_at < chrono::Duration::hours(24)
        });
        if recent {
            return Ok(None);
        }
        self.backup(BackupReason::Daily).map(Some)
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
