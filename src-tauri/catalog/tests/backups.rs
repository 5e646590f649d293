//! Backups, restore and health checks on catalog files.

use crate::support::film;
use cinedex_catalog::{backups_dir, list_backups, BackupReason};
use cinedex_catalog::{Catalog, CatalogError, FilmListQuery};
use rusqlite::Connection;

/// What a backup file starts with; enough for the listing, which reads no further.
const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

fn titles(c: &Catalog) -> Vec<String> {
    c.list_films(&FilmListQuery::default())
        .unwrap()
        .into_iter()
        .map(|f| f.title)
        .collect()
}

#[test]
fn a_backup_is_a_complete_checked_catalog_that_can_be_restored() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
    c.add_film(&film("Kept").input()).unwrap();
    let backup = c.backup(BackupReason::Manual).unwrap();
    assert!(backup.path.starts_with(
        &backups_dir(&dir.path().join("catalog.sqlite"))
            .display()
            .to_string()
    ));
    assert!(backup.size_bytes > 0);
    c.add_film(&film("Added after").input()).unwrap();

    let report = c.restore_from(std::path::Path::new(&backup.path)).unwrap();
    assert_eq!(titles(&c), ["Kept"]);
    let safety = report.safety_copy;
    assert_eq!(safety.reason, BackupReason::Restore);
    // The catalog as it was before the restore is itself a backup.
    let before = Catalog::open(&safety.path).unwrap();
    assert_eq!(titles(&before), ["Added after", "Kept"]);
    let listed = list_backups(&backups_dir(&dir.path().join("catalog.sqlite"))).unwrap();
    assert_eq!(listed.len(), 2);
}

#[test]
fn a_backup_to_a_chosen_file_never_overwrites_one() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
    let out = dir.path().join("out/copy.sqlite");
    c.backup_to(&out).unwrap();
    assert!(matches!(c.backup_to(&out), Err(CatalogError::Conflict(_))));
    assert!(!dir.path().join("out/copy.sqlite.partial").exists());
}

#[test]
fn restoring_something_that_is_not_a_catalog_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
    c.add_film(&film("Precious").input()).unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all, just words ".repeat(100)).unwrap();
    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE x (y);")
        .unwrap();
    for bad in [&text, &other, &dir.path().join("missing.sqlite")] {
        assert!(c.restore_from(bad).is_err(), "{}", bad.display());
    }
    let missing = c
        .restore_from(&dir.path().join("missing.sqlite"))
        .unwrap_err()
        .to_string();
    assert!(
        missing.contains("missing.sqlite") && missing.contains("No such file"),
        "{missing}"
    );
    assert_eq!(titles(&c), ["Precious"]);
    assert!(
        list_backups(&backups_dir(&dir.path().join("catalog.sqlite")))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_daily_backup_is_made_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
    assert!(c.backup_daily_if_due().unwrap().is_some());
    assert!(c.backup_daily_if_due().unwrap().is_none());
}

#[test]
fn old_automatic_backups_are_thinned_but_manual_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
    let backups = backups_dir(&dir.path().join("catalog.sqlite"));
    std::fs::create_dir_all(&backups).unwrap();
    // Forty days of daily backups and one manual backup, written as older files.
    for day in 1..=40 {
        let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(day);
        std::fs::write(
            backups.join(format!(
                "catalog-{}-020000-daily.sqlite",
                date.format("%Y%m%d")
            )),
            SQLITE_HEADER,
        )
        .unwrap();
    }
    std::fs::write(
        backups.join("catalog-20240101-120000-manual.sqlite"),
        SQLITE_HEADER,
    )
    .unwrap();
    c.backup(BackupReason::Daily).unwrap();
    let left = list_backups(&backups).unwrap();
    let manual = left
        .iter()
        .filter(|b| b.reason == BackupReason::Manual)
        .count();
    let daily = left.len() - manual;
    assert_eq!(manual, 1);
    assert!(
        (7..=7 + 4 + 12).contains(&daily),
        "{daily} automatic backups left"
    );
    assert!(daily < 41);
}

#[test]
fn upgrading_an_old_catalog_writes_a_backup_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_init.sql"))
            .unwrap();
        conn.pragma_update(None, "application_id", cinedex_catalog::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    Catalog::open(&path).unwrap();
    let backups = list_backups(&backups_dir(&path)).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, BackupReason::Migration);
    let version: i64 = Connection::open(&backups[0].path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the backup is the catalog as it was");
}

#[test]
fn a_sound_catalog_passes_its_check() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
    c.add_film(&film("Fine").input()).unwrap();
    let report = c.check().unwrap();
    assert!(report.ok, "{:?}", report.problems);
}

#[test]
fn an_import_into_a_catalog_with_films_backs_it_up_first() {
    use cinedex_catalog::{ImportOptions, ImportSource};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let c = Catalog::open(&path).unwrap();
    let csv = dir.path().join("films.csv");
    std::fs::write(&csv, "Title,Year\nHeat,1995\n").unwrap();
    let go = |_: u64, _: u64| true;
    // An empty catalog has nothing to lose: no backup.
    c.import(ImportSource::Csv, &csv, &ImportOptions::default(), &go)
        .unwrap();
    assert!(list_backups(&backups_dir(&path)).unwrap().is_empty());

    std::fs::write(&csv, "Title,Year\nRonin,1998\n").unwrap();
    c.import(ImportSource::Csv, &csv, &ImportOptions::default(), &go)
        .unwrap();
    let backups = list_backups(&backups_dir(&path)).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, BackupReason::Import);
    let before = Catalog::open(&backups[0].path).unwrap();
    assert_eq!(
        titles(&before),
        ["Heat"],
        "the backup is the catalog before the import"
    );
}
