//! Upgrading the saved catalogs of every released schema version (the root tests/fixtures/catalog-vN.sqlite,
//! written exactly as those versions stored them): the data comes through whole, a backup of the
//! old file is written first, and the upgraded catalog is sound and fully usable.

use std::path::{Path, PathBuf};

use cinedex_catalog::backup::{backups_dir, list_backups, BackupReason};
use cinedex_catalog::{Catalog, LATEST_VERSION};

fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../tests/fixtures/catalog-v{version}.sqlite"))
}

/// Every schema version that has been released has its saved catalog.
const RELEASED: &[i64] = &[1, 2];

fn upgraded_copy(version: i64) -> (tempfile::TempDir, PathBuf, Catalog) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    std::fs::copy(fixture(version), &path).unwrap();
    let catalog = Catalog::open(&path)
        .unwrap_or_else(|e| panic!("the version {version} catalog does not open: {e}"));
    (dir, path, catalog)
}

fn user_version(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap()
}

#[test]
fn every_released_schema_version_has_a_saved_catalog() {
    for version in 1..LATEST_VERSION {
        if RELEASED.contains(&version) {
            assert!(
                fixture(version).exists(),
                "catalog-v{version}.sqlite is missing"
            );
            assert_eq!(user_version(&fixture(version)), version);
        }
    }
}

#[test]
fn each_old_catalog_is_upgraded_with_its_films_credits_writing_and_viewings() {
    for &version in RELEASED {
        let (_dir, _path, catalog) = upgraded_copy(version);
        assert_eq!(catalog.info().unwrap().schema_version, LATEST_VERSION);
        let films = catalog.list_films(&Default::default()).unwrap();
        let titles: Vec<&str> = films.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(titles, ["Amélie", "Spirited Away", "Stalker"], "v{version}");
        assert_eq!(catalog.list_trash().unwrap()[0].title, "In the Trash");

        let stalker = films.iter().find(|f| f.title == "Stalker").unwrap();
        let detail = catalog.get_film(stalker.id).unwrap();
        assert_eq!(detail.film.directors, ["Andrei Tarkovsky"]);
        assert_eq!(detail.film.themes, ["Zone"]);
        assert_eq!(detail.film.original_title.as_deref(), Some("Сталкер"));
        assert_eq!(detail.reviews.len(), 1);
        assert!(detail.reviews[0].body.contains("the Zone"));
        assert_eq!(detail.viewings.len(), 2, "v{version}: both viewings kept");
        let expected_notes = if version >= 2 { 1 } else { 0 };
        assert_eq!(detail.annotations.len(), expected_notes, "v{version}");
        assert!(
            catalog.check().unwrap().ok,
            "v{version}: sound after the upgrade"
        );
    }
}

#[test]
fn the_old_file_is_backed_up_as_it_was_before_the_upgrade() {
    for &version in RELEASED.iter().filter(|&&v| v < LATEST_VERSION) {
        let (_dir, path, catalog) = upgraded_copy(version);
        drop(catalog);
        let backups = list_backups(&backups_dir(&path)).unwrap();
        assert_eq!(backups.len(), 1, "v{version}: one backup before migrating");
        assert_eq!(backups[0].reason, BackupReason::Migration);
        assert_eq!(user_version(Path::new(&backups[0].path)), version);
        assert_eq!(user_version(&path), LATEST_VERSION);
    }
}

#[test]
fn an_upgraded_catalog_takes_new_writing_everywhere() {
    for &version in RELEASED {
        let (_dir, _path, catalog) = upgraded_copy(version);
        let amelie = catalog.list_films(&Default::default()).unwrap()[0].clone();
        let input = cinedex_catalog::FilmInput {
            title: "Amélie".into(),
            year: Some(2001),
            directors: vec!["Jean-Pierre Jeunet".into(), "Someone Else".into()],
            themes: vec!["paris".into(), "Whimsy".into()],
            ..Default::default()
        };
        let edited = catalog.update_film(amelie.id, &input).unwrap();
        assert_eq!(edited.directors, ["Jean-Pierre Jeunet", "Someone Else"]);
        assert_eq!(
            edited.themes,
            ["Paris", "Whimsy"],
            "the old theme's spelling is kept"
        );
        let note = cinedex_catalog::AnnotationInput {
            at: "0:42:00".into(),
            body: "added after the upgrade".into(),
        };
        catalog.add_annotation(amelie.id, &note).unwrap();
        assert!(catalog.check().unwrap().ok);
    }
}
