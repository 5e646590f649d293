//! Starting after a crash, and noticing other processes' writes.

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use cinedex_catalog::BackupReason;
use cinedex_catalog::{
    check_after_unclean_end, ended_uncleanly, mark_open, restore_backup_in_place,
};
use cinedex_catalog::{Catalog, FilmInput};

fn film(title: &str) -> FilmInput {
    FilmInput {
        title: title.into(),
        ..Default::default()
    }
}

/// Overwrites the middle of the file with garbage, as a failing disk would.
fn damage(path: &Path) {
    let len = std::fs::metadata(path).unwrap().len();
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    for page in 1..(len / 4096) {
        file.seek(SeekFrom::Start(page * 4096 + 100)).unwrap();
        file.write_all(&[0xA5; 3000]).unwrap();
    }
    file.sync_all().unwrap();
}

fn catalog_with_films(path: &Path, count: usize) -> Catalog {
    let catalog = Catalog::open(path).unwrap();
    for i in 0..count {
        catalog.add_film(&film(&format!("Film {i}"))).unwrap();
    }
    catalog
}

#[test]
fn a_clean_exit_removes_the_marker_so_the_next_start_skips_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    drop(catalog_with_films(&path, 1));
    let marker = mark_open(&path).unwrap();
    assert!(ended_uncleanly(&path), "while open, the marker is there");
    drop(marker);
    assert!(!ended_uncleanly(&path));
    assert_eq!(check_after_unclean_end(&path).unwrap(), None);
}

#[test]
fn a_sound_catalog_after_a_crash_is_checked_and_opened_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    drop(catalog_with_films(&path, 3));
    std::mem::forget(mark_open(&path).unwrap()); // the process "died" with the marker in place
    assert_eq!(check_after_unclean_end(&path).unwrap(), None);
    assert_eq!(Catalog::open(&path).unwrap().info().unwrap().film_count, 3);
}

#[test]
fn a_damaged_catalog_after_a_crash_is_set_aside_and_the_newest_good_backup_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let catalog = catalog_with_films(&path, 300);
    let backup = catalog.backup(BackupReason::Manual).unwrap();
    catalog.add_film(&film("After the backup")).unwrap();
    drop(catalog);
    damage(&path);
    std::mem::forget(mark_open(&path).unwrap());

    let found = check_after_unclean_end(&path)
        .unwrap()
        .expect("damage is found");
    assert!(!found.problems.is_empty());
    assert!(!path.exists(), "the damaged file is moved out of the way");
    assert!(
        Path::new(&found.set_aside_as).exists(),
        "and kept, not deleted"
    );
    let offered = found.newest_good_backup.expect("the backup is offered");
    assert_eq!(offered.path, backup.path);

    restore_backup_in_place(&path, Path::new(&offered.path)).unwrap();
    let restored = Catalog::open(&path).unwrap();
    assert_eq!(restored.info().unwrap().film_count, 300);
    assert!(restored.check().unwrap().ok);
}

#[test]
fn closing_a_catalog_folds_its_write_ahead_log_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    drop(catalog_with_films(&path, 5));
    assert!(!dir.path().join("catalog.sqlite-wal").exists());
    assert_eq!(Catalog::open(&path).unwrap().info().unwrap().film_count, 5);
}

#[test]
fn only_the_catalogs_own_backups_can_be_restored_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let stranger = dir.path().join("elsewhere.sqlite");
    drop(catalog_with_films(&stranger, 1));
    let error = restore_backup_in_place(&path, &stranger).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("not one of this catalog's backups"),
        "{error}"
    );
    assert!(!path.exists());
}

#[test]
fn a_write_by_another_process_is_noticed_by_the_watcher() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let window = Catalog::open(&path).unwrap();
    let mut watcher = window.watch_changes().unwrap();
    assert!(!watcher.changed().unwrap(), "nothing happened yet");
    let command_line = Catalog::open(&path).unwrap();
    command_line.add_film(&film("From the shell")).unwrap();
    assert!(watcher.changed().unwrap());
    assert!(!watcher.changed().unwrap(), "each change is reported once");
}

#[test]
fn two_processes_writing_at_once_never_see_a_locked_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    drop(Catalog::open(&path).unwrap());
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                // A catalog handle of its own: separate connections, as a second process has.
                let catalog = Catalog::open(&path).unwrap();
                for i in 0..100 {
                    catalog
                        .add_film(&film(&format!("Writer {w} film {i}")))
                        .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("no writer failed");
    }
    assert_eq!(
        Catalog::open(&path).unwrap().info().unwrap().film_count,
        200
    );
}
