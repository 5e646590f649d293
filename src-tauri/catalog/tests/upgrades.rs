//! Upgrading the saved catalogs of every released schema version (the root tests/fixtures/catalog-vN.sqlite,
//! written exactly as those versions stored them): the data comes through whole, a backup of the
//! old file is written first, and the upgraded catalog is sound and fully usable.

use std::path::{Path, PathBuf};

use cinedex_catalog::{backups_dir, list_backups, BackupReason};
use cinedex_catalog::{Catalog, LATEST_VERSION};

fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../tests/fixtures/catalog-v{version}.sqlite"))
}

/// Every schema version that has been released has its saved catalog.
const RELEASED: &[i64] = &[1, 2, 5, 7, 8];

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

/// Schema 6 rewrote the CHECK lists as chains of `=` and keeps only CJK films in the trigram
/// index: an upgraded catalog refuses the same bad values, writes without temporary b-trees, and
/// still finds CJK titles.
#[test]
fn an_upgraded_catalog_checks_values_alike_without_temporary_btrees() {
    for &version in RELEASED {
        let (_dir, path, catalog) = upgraded_copy(version);
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        // The search triggers fold text with Cinedex's own function.
        cinedex_catalog::install_sql_functions(&conn).unwrap();
        // As during an import: the search triggers, which have temporary b-trees of their own
        // (DISTINCT), set aside.
        let tx = conn.transaction().unwrap();
        tx.execute_batch(
            "DROP TRIGGER search_films_insert; DROP TRIGGER search_film_people_insert;
             DROP TRIGGER search_reviews_insert;",
        )
        .unwrap();
        for sql in [
            "INSERT INTO films (title, title_key, watch_status, created_at, updated_at) VALUES ('a', 'a', 'watched', 'x', 'x')",
            "INSERT INTO film_people (film_id, person_id, role, position) VALUES (1, 1, 'writer', 0)",
            "INSERT INTO reviews (film_id, kind, body, created_at, updated_at) VALUES (1, 'note', 'b', 'x', 'x')",
        ] {
            let ops: Vec<String> = tx
                .prepare(&format!("EXPLAIN {sql}"))
                .unwrap()
                .query_map([], |row| row.get(1))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert!(
                !ops.iter().any(|op| op == "OpenEphemeral"),
                "v{version}: {sql}"
            );
        }
        tx.rollback().unwrap();
        for bad in [
            "INSERT INTO films (title, title_key, watch_status, created_at, updated_at) VALUES ('a', 'a', 'seen', 'x', 'x')",
            "INSERT INTO film_people (film_id, person_id, role, position) VALUES (1, 1, 'gaffer', 0)",
            "INSERT INTO reviews (film_id, kind, body, created_at, updated_at) VALUES (1, 'essay', 'b', 'x', 'x')",
        ] {
            let error = conn.execute(bad, []).unwrap_err().to_string();
            assert!(error.contains("CHECK"), "v{version}: {bad}: {error}");
        }
        let grams: i64 = conn
            .query_row("SELECT count(*) FROM search_grams", [], |row| row.get(0))
            .unwrap();
        assert_eq!(grams, 1, "v{version}: only Spirited Away has CJK text");
        let found = catalog.search("千尋", 10, 0).unwrap();
        let titles: Vec<&str> = found.hits.iter().map(|h| h.film.title.as_str()).collect();
        assert_eq!(titles, ["Spirited Away"], "v{version}");
        assert!(catalog.check().unwrap().ok, "v{version}");
    }
}

/// Schema 8 indexes text folded by Cinedex: an upgraded catalog is re-indexed, so its films are
/// found by their words with or without accents, Cyrillic included, and new writing is too.
#[test]
fn an_upgraded_catalog_is_searched_with_folded_text() {
    for &version in RELEASED {
        let (_dir, _path, catalog) = upgraded_copy(version);
        for (query, title) in [
            ("amelie poulain", "Amélie"),
            ("Сталкер", "Stalker"),
            ("СТАЛКЕР", "Stalker"),
            ("wishes", "Stalker"),
        ] {
            let found = catalog.search(query, 10, 0).unwrap();
            let titles: Vec<&str> = found.hits.iter().map(|h| h.film.title.as_str()).collect();
            assert_eq!(titles, [title], "v{version}: {query}");
        }
        let stalker = catalog.list_films(&Default::default()).unwrap()[2].clone();
        let review = cinedex_catalog::ReviewInput {
            body: "Ёжик в тумане comes to mind".into(),
            ..Default::default()
        };
        catalog.add_review(stalker.id, &review).unwrap();
        let found = catalog.search("ежик", 10, 0).unwrap();
        assert_eq!(found.hits.len(), 1, "v{version}: the new review is found");
        assert!(catalog.check().unwrap().ok, "v{version}");
    }
}
