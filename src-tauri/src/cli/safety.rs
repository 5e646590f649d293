//! `cinedex backup`, `backups`, `restore` and `check`: keeping the catalog safe from the shell.

use std::path::{Path, PathBuf};

use cinedex_catalog::Catalog;
use cinedex_catalog::{backups_dir, list_backups, BackupInfo, BackupReason, RestoreReport};
use serde::Serialize;

use super::output::Output;

pub fn backup(catalog: &Catalog, out: &Output, target: Option<PathBuf>) -> anyhow::Result<()> {
    let info = match target {
        Some(path) => catalog.backup_to(&path)?,
        None => catalog.backup(BackupReason::Manual)?,
    };
    out.show(&info, |b| {
        println!(
            "Backed up the catalog to {} ({} bytes)",
            b.path, b.size_bytes
        )
    })
}

pub fn backups(catalog: &Catalog, out: &Output) -> anyhow::Result<()> {
    let list = match catalog.path() {
        Some(path) => list_backups(&backups_dir(&path))?,
        None => Vec::new(),
    };
    out.show(&list, |list| print_backups(list))
}

/// `restore --json`: the restore report, with the safety copy's fields also at the top level,
/// where scripts written before the report found them.
#[derive(Serialize)]
struct RestoreOutput<'a> {
    #[serde(flatten)]
    safety_copy: &'a BackupInfo,
    #[serde(flatten)]
    report: &'a RestoreReport,
}

pub fn restore(catalog: &Catalog, out: &Output, file: &Path) -> anyhow::Result<()> {
    let report = catalog.restore_from(file)?;
    let shown = RestoreOutput {
        safety_copy: &report.safety_copy,
        report: &report,
    };
    out.show(&shown, |shown| {
        let r = shown.report;
        println!("Restored the catalog from {}.", file.display());
        println!(
            "It holds {} film(s) and {} review(s) (written with schema version {}).",
            r.films, r.reviews, r.schema_version
        );
        println!(
            "The catalog as it was just before is kept in {}",
            r.safety_copy.path
        );
        println!(
            "To undo this restore: cinedex restore {}",
            r.safety_copy.path
        );
    })
}

pub fn check(catalog: &Catalog, out: &Output) -> anyhow::Result<()> {
    let report = catalog.check_full()?;
    out.show(&report, |r| {
        if r.ok {
            println!("The catalog is sound: SQLite's integrity check and the search index check found no problem.");
        } else {
            println!("The catalog has {} problem(s):", r.problems.len());
            for problem in &r.problems {
                println!("  {problem}");
            }
        }
    })?;
    if !report.ok {
        anyhow::bail!(
            "the catalog failed its integrity check; restore a backup (`cinedex backups`)"
        );
    }
    Ok(())
}

fn print_backups(list: &[BackupInfo]) {
    if list.is_empty() {
        println!("No backups yet. `cinedex backup` makes one.");
    }
    for backup in list {
        println!(
            "{}  {:<9}  {:>10} bytes  {}",
            backup.created_at.format("%Y-%m-%d %H:%M"),
            format!("{:?}", backup.reason).to_lowercase(),
            backup.size_bytes,
            backup.path
        );
    }
}
