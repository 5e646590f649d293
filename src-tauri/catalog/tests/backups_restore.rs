//! Restoring backups safely (issue 16): the source is only read, bad files are refused by name,
//! thinning spares what matters, the restore reports what it did and can itself be undone.

use crate::support::film;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::DateTime;
use cinedex_catalog::{backups_dir, list_backups, thin_backups, BackupInfo, BackupReason};
use cinedex_catalog::{newest_good_backup, Catalog, CatalogError, FilmListQuery};

const HOUR_MS: i64 = 3_600_000;

fn titles(c: &Catalog) -> Vec<String> {
    let films = c.list_films(&FilmListQuery::default()).unwrap();
    films.into_iter().map(|f| f.title).collect()
}

/// A catalog in a temporary folder whose backups go by a clock the test moves.
struct Fixture {
    dir: tempfile::TempDir,
    catalog: Catalog,
    clock_ms: Arc<AtomicI64>,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let clock_ms = Arc::new(AtomicI64::new(1_930_000_000_000));
        let now = Arc::clone(&clock_ms);
        let clock =
            Arc::new(move || DateTime::from_timestamp_millis(now.load(Ordering::SeqCst)).unwrap());
        let catalog = Catalog::open_with_clock(dir.path().join("catalog.sqlite"), clock).unwrap();
        Fixture {
            dir,
            catalog,
            clock_ms,
        }
    }

    fn later(&self, hours: i64) {
        self.clock_ms.fetch_add(hours * HOUR_MS, Ordering::SeqCst);
    }

    fn backups(&self) -> PathBuf {
        backups_dir(&self.dir.path().join("catalog.sqlite"))
    }

    fn listed(&self) -> Vec<BackupInfo> {
        list_backups(&self.backups()).unwrap()
    }

    fn listed_paths(&self) -> Vec<String> {
        self.listed().into_iter().map(|b| b.path).collect()
    }
}

fn refused_as_not_a_catalog(f: &Fixture, file: &Path, why: &str) {
    let error = f.catalog.restore_from(file).unwrap_err();
    let message = error.to_string();
    assert!(
        matches!(error, CatalogError::NotACatalog { .. }),
        "{message}"
    );
    let name = file.file_name().unwrap().to_str().unwrap();
    assert!(message.contains(name) && message.contains(why), "{message}");
}

#[test]
fn a_missing_file_is_refused_by_name_and_never_created() {
    let f = Fixture::new();
    f.catalog.add_film(&film("Precious").input()).unwrap();
    let missing = f.dir.path().join("gone.sqlite");
    let error = f.catalog.restore_from(&missing).unwrap_err();
    assert!(matches!(error, CatalogError::Io { .. }), "{error:?}");
    assert!(error.to_string().contains("gone.sqlite"));
    assert!(!missing.exists(), "opening read-only creates nothing");
    assert_eq!(titles(&f.catalog), ["Precious"]);
    assert!(f.listed().is_empty(), "nothing was backed up either");
}

#[test]
fn an_empty_file_is_refused_and_stays_as_it_was() {
    let f = Fixture::new();
    f.catalog.add_film(&film("Precious").input()).unwrap();
    let empty = f.dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").unwrap();
    refused_as_not_a_catalog(&f, &empty, "empty (0 bytes)");
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
    assert_eq!(titles(&f.catalog), ["Precious"]);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_by_name() {
    let f = Fixture::new();
    let junk = f.dir.path().join("junk.sqlite");
    std::fs::write(&junk, "no database here ".repeat(500)).unwrap();
    refused_as_not_a_catalog(&f, &junk, "not an SQLite database");
}

#[test]
fn a_damaged_backup_is_refused_by_name() {
    let f = Fixture::new();
    for n in 0..300 {
        f.catalog
            .add_film(&film(&format!("Film {n}")).input())
            .unwrap();
    }
    let damaged = f.dir.path().join("damaged.sqlite");
    f.catalog.backup_to(&damaged).unwrap();
    // Garbage over the header of every page but the first: every b-tree is broken.
    let mut bytes = std::fs::read(&damaged).unwrap();
    for page in (4096..bytes.len()).step_by(4096) {
        bytes[page..page + 12].fill(0xA5);
    }
    std::fs::write(&damaged, bytes).unwrap();
    let error = f.catalog.restore_from(&damaged).unwrap_err().to_string();
    assert!(error.contains("damaged.sqlite"), "{error}");
    assert_eq!(titles(&f.catalog).len(), 300);
}

#[test]
fn restoring_a_backup_keeps_it_whole_and_reports_what_it_restored() {
    let f = Fixture::new();
    f.catalog.add_film(&film("Kept").input()).unwrap();
    let backup = f.catalog.backup(BackupReason::Manual).unwrap();
    let bytes = std::fs::read(&backup.path).unwrap();
    f.catalog.add_film(&film("Added after").input()).unwrap();

    let report = f.catalog.restore_from(Path::new(&backup.path)).unwrap();
    assert_eq!(report.restored_from, backup.path);
    assert_eq!((report.films, report.reviews), (1, 0));
    assert_eq!(report.schema_version, cinedex_catalog::LATEST_VERSION);
    assert_eq!(report.safety_copy.reason, BackupReason::Restore);
    assert!(f.listed_paths().contains(&report.safety_copy.path));
    assert_eq!(
        std::fs::read(&backup.path).unwrap(),
        bytes,
        "the source is untouched"
    );
    assert_eq!(titles(&f.catalog), ["Kept"]);
}

#[test]
fn a_restore_can_be_undone_and_the_undo_undone() {
    let f = Fixture::new();
    f.catalog.add_film(&film("Old").input()).unwrap();
    let old = f.catalog.backup(BackupReason::Manual).unwrap();
    f.catalog.add_film(&film("New").input()).unwrap();

    let first = f
        .catalog
        .restore_listed_backup(Path::new(&old.path))
        .unwrap();
    assert_eq!(titles(&f.catalog), ["Old"]);
    let undo = f
        .catalog
        .restore_listed_backup(Path::new(&first.safety_copy.path))
        .unwrap();
    assert_eq!(titles(&f.catalog), ["New", "Old"]);
    assert_eq!(undo.films, 2);
    f.catalog
        .restore_listed_backup(Path::new(&undo.safety_copy.path))
        .unwrap();
    assert_eq!(titles(&f.catalog), ["Old"]);
    let listed = f.listed_paths();
    for kept in [&old.path, &first.safety_copy.path, &undo.safety_copy.path] {
        assert!(listed.contains(kept), "{kept} is still listed");
    }
}

#[test]
fn undoing_an_import_restores_the_catalog_before_it_and_keeps_the_import_backup() {
    use cinedex_catalog::{ImportOptions, ImportSource};
    let f = Fixture::new();
    f.catalog.add_film(&film("Seed").input()).unwrap();
    let csv = f.dir.path().join("small.csv");
    std::fs::write(&csv, "Title,Year\nHeat,1995\nRonin,1998\n").unwrap();
    let go = |_: u64, _: u64| true;
    f.catalog
        .import(ImportSource::Csv, &csv, &ImportOptions::default(), &go)
        .unwrap();
    let import = f.listed()[0].clone();
    assert_eq!(import.reason, BackupReason::Import);

    let report = f.catalog.restore_from(Path::new(&import.path)).unwrap();
    assert_eq!(report.films, 1);
    assert_eq!(titles(&f.catalog), ["Seed"]);
    assert!(f.listed_paths().contains(&import.path));
    assert!(std::fs::metadata(&import.path).unwrap().len() > 0);
}

#[test]
fn restoring_yesterdays_daily_backup_keeps_todays() {
    let f = Fixture::new();
    f.catalog.add_film(&film("Monday").input()).unwrap();
    let yesterday = f.catalog.backup_daily_if_due().unwrap().unwrap();
    f.later(25);
    f.catalog.add_film(&film("Tuesday").input()).unwrap();
    let today = f.catalog.backup_daily_if_due().unwrap().unwrap();
    f.later(1);

    f.catalog
        .restore_listed_backup(Path::new(&yesterday.path))
        .unwrap();
    assert_eq!(titles(&f.catalog), ["Monday"]);
    let listed = f.listed_paths();
    assert!(listed.contains(&today.path), "today's daily backup is kept");
    assert!(listed.contains(&yesterday.path));
}

#[test]
fn thinning_keeps_the_newest_of_each_kind_and_what_it_is_asked_to_spare() {
    let f = Fixture::new();
    let dir = f.backups();
    std::fs::create_dir_all(&dir).unwrap();
    // Forty days, each with a daily backup and a dozen restore safety copies; the listing reads
    // no more of a file than its SQLite header.
    let start = chrono::NaiveDate::from_ymd_opt(2031, 1, 1).unwrap();
    let written = |day: u64, hour: u32, reason: &str| {
        let date = start + chrono::Days::new(day);
        let name = format!(
            "catalog-{}-{hour:02}0000-{reason}.sqlite",
            date.format("%Y%m%d")
        );
        std::fs::write(dir.join(&name), b"SQLite format 3\0").unwrap();
        dir.join(name).display().to_string()
    };
    let mut restores = Vec::new();
    let mut dailies = Vec::new();
    for day in 0..40 {
        dailies.push(written(day, 0, "daily"));
        for hour in 1..=12 {
            restores.push(written(day, hour, "restore"));
        }
    }
    let import = written(0, 13, "import");
    thin_backups(&dir, &[Path::new(&restores[0])]).unwrap();

    let listed = f.listed_paths();
    let newest_restore = &restores[restores.len() - 1];
    for kept in [&import, &dailies[39], newest_restore, &restores[0]] {
        assert!(listed.contains(kept), "{kept} was thinned away");
    }
    let restores_left = f
        .listed()
        .iter()
        .filter(|b| b.reason == BackupReason::Restore)
        .count();
    assert!(restores_left < restores.len(), "thinning thinned");
    let newest_ten = &restores[restores.len() - 10..];
    assert!(
        newest_ten.iter().all(|p| listed.contains(p)),
        "the ten newest stay"
    );
    let dailies_left = listed
        .iter()
        .filter(|p| p.ends_with("-daily.sqlite"))
        .count();
    assert!(
        (7..40).contains(&dailies_left),
        "{dailies_left} daily backups left"
    );
}

#[test]
fn empty_and_unreadable_files_are_never_listed_or_offered() {
    let f = Fixture::new();
    f.catalog.add_film(&film("Good").input()).unwrap();
    let good = f.catalog.backup(BackupReason::Manual).unwrap();
    let dir = f.backups();
    let empty = dir.join("catalog-20990101-000000.000-daily.sqlite");
    std::fs::write(&empty, b"").unwrap();
    let text = dir.join("catalog-20990102-000000.000-daily.sqlite");
    std::fs::write(&text, "hello ".repeat(100)).unwrap();
    assert_eq!(f.listed_paths(), std::slice::from_ref(&good.path));

    let offered = newest_good_backup(&f.dir.path().join("catalog.sqlite")).unwrap();
    assert_eq!(offered.map(|b| b.path), Some(good.path));
    let refused = f.catalog.restore_listed_backup(&empty).unwrap_err();
    assert!(
        matches!(refused, CatalogError::Invalid { .. }),
        "{refused:?}"
    );
    assert_eq!(titles(&f.catalog), ["Good"]);
}

#[test]
fn two_backups_in_the_same_millisecond_get_two_files() {
    let f = Fixture::new();
    let first = f.catalog.backup(BackupReason::Manual).unwrap();
    let second = f.catalog.backup(BackupReason::Manual).unwrap();
    assert_ne!(first.path, second.path);
    assert_eq!(f.listed().len(), 2);
}
