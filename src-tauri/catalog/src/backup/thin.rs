//! Thinning the automatic backups, so the backups folder stays bounded without ever losing the
//! backups that matter: manual ones, the newest ones of each kind, and the files a caller spares.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Utc};

use super::{list_backups, BackupInfo, BackupReason};
use crate::error::{CatalogError, Result};

/// The newest backups of each kind kept whatever their dates: a run of restores or imports on
/// one day must not thin away the catalog as it was before the first of them.
const NEWEST_KEPT: usize = 10;
/// Besides those, the newest backup of each of the last 7 days, 4 weeks and 12 months that have
/// one, for each kind.
const DAYS_KEPT: usize = 7;
const WEEKS_KEPT: usize = 4;
const MONTHS_KEPT: usize = 12;

/// Removes the automatic backups in `dir` that the schedule above does not keep, and returns
/// them. Manual backups and every file in `spared` are never removed; each kind of automatic
/// backup is thinned on its own, so a restore's safety copy never takes a daily backup's place.
pub fn thin(dir: &Path, spared: &[&Path]) -> Result<Vec<BackupInfo>> {
    let spared: HashSet<PathBuf> = spared.iter().filter_map(|p| identity(p)).collect();
    let listed = list_backups(dir)?;
    let mut removed = Vec::new();
    for reason in BackupReason::AUTOMATIC {
        let of_kind: Vec<&BackupInfo> = listed.iter().filter(|b| b.reason == reason).collect();
        let kept = kept_by_schedule(&of_kind);
        for (index, backup) in of_kind.iter().enumerate() {
            let path = Path::new(&backup.path);
            if kept.contains(&index) || identity(path).is_some_and(|p| spared.contains(&p)) {
                continue;
            }
            match std::fs::remove_file(path) {
                Ok(()) => removed.push((*backup).clone()),
                // Another thinning got there first: it is gone either way.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(CatalogError::Io {
                        path: path.to_path_buf(),
                        source,
                    })
                }
            }
        }
    }
    Ok(removed)
}

/// The calendar period (day, ISO week or month) an instant falls in, as two numbers.
type PeriodOf = fn(DateTime<Utc>) -> (i32, u32);

/// The positions, in `newest_first`, of the backups the schedule keeps. The first is always kept.
fn kept_by_schedule(newest_first: &[&BackupInfo]) -> HashSet<usize> {
    let mut kept: HashSet<usize> = (0..newest_first.len().min(NEWEST_KEPT)).collect();
    let periods: [(usize, PeriodOf); 3] = [
        (DAYS_KEPT, |t| (t.year(), t.ordinal())),
        (WEEKS_KEPT, |t| (t.iso_week().year(), t.iso_week().week())),
        (MONTHS_KEPT, |t| (t.year(), t.month())),
    ];
    for (limit, period_of) in periods {
        let mut seen = Vec::new();
        for (index, backup) in newest_first.iter().enumerate() {
            let period = period_of(backup.created_at);
            if !seen.contains(&period) && seen.len() < limit {
                seen.push(period);
                kept.insert(index);
            }
        }
    }
    kept
}

/// The same file however its path was written (relative, through links); `None` if it is gone.
fn identity(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}
