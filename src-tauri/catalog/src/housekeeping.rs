//! The upkeep every front runs the same way: the daily backup with the trash retention after it,
//! and the full check (SQLite's integrity and foreign key checks, then the search index's own).

use crate::backup::{BackupInfo, CheckReport};
use crate::{Catalog, Result};

/// How long a deleted film waits in the trash before it is removed for good.
pub const TRASH_RETENTION_DAYS: i64 = 30;

/// What one round of housekeeping did.
#[derive(Debug, Default)]
pub struct Housekeeping {
    /// The daily backup made this time; `None` when the last one is under a day old.
    pub backup: Option<BackupInfo>,
    /// Films removed from the trash for good because they waited there over the retention.
    pub purged: usize,
}

impl Catalog {
    /// The daily backup if due, then emptying the trash of films deleted over
    /// [`TRASH_RETENTION_DAYS`] ago. The backup comes first, so a purged film is still in the
    /// newest backup; when the backup fails nothing is purged. Cheap when the backup is not due.
    pub fn housekeep(&self) -> Result<Housekeeping> {
        let backup = self.backup_daily_if_due()?;
        let purged = self.purge_trash_older_than(TRASH_RETENTION_DAYS)?;
        Ok(Housekeeping { backup, purged })
    }

    /// The full check both fronts show: [`Catalog::check`] and the search index's FTS5 checks
    /// (which need the writer, though they change nothing), each problem said once.
    pub fn check_full(&self) -> Result<CheckReport> {
        let mut report = self.check()?;
        let index = self.check_search_index()?;
        report.problems.extend(index.problems);
        report.problems.dedup();
        report.ok = report.problems.is_empty();
        Ok(report)
    }
}
