//! Catalog files on disk: creation, persistence, migrations and refusing files it must not touch.

use crate::support::film;
use cinedex_catalog::{Catalog, CatalogError, LATEST_VERSION};
use rusqlite::Connection;

#[test]
fn a_new_catalog_file_is_created_with_its_folders_and_keeps_films_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/catalog.sqlite");
    let id = Catalog::open(&path)
        .unwrap()
        .add_film(&film("Persisted").input())
        .unwrap()
        .id;
    let reopened = Catalog::open(&path).unwrap();
    assert_eq!(reopened.get_film(id).unwrap().film.title, "Persisted");
    let info = reopened.info().unwrap();
    assert_eq!(info.schema_version, LATEST_VERSION);
    assert_eq!(info.film_count, 1);
}

#[test]
fn a_catalog_file_uses_wal_foreign_keys_and_its_application_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    drop(Catalog::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, cinedex_catalog::APPLICATION_ID);
}

#[test]
fn a_catalog_from_a_newer_cinedex_is_refused_with_a_clear_message_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    drop(Catalog::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", LATEST_VERSION + 5)
        .unwrap();
    let error = Catalog::open(&path)
        .err()
        .expect("a newer catalog is refused");
    assert!(matches!(error, CatalogError::TooNew { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("newer Cinedex"), "{message}");
    assert!(
        message.contains(&(LATEST_VERSION + 5).to_string()),
        "{message}"
    );
    let version: i64 = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST_VERSION + 5);
}

#[test]
fn another_programs_database_is_refused_not_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE notes (x TEXT);")
        .unwrap();
    let error = Catalog::open(&path).err().expect("refused");
    assert!(
        matches!(error, CatalogError::NotACatalog { .. }),
        "{error:?}"
    );
    let tables: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1, "nothing was added to the other program's file");
    let mode: String = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete", "its journal mode was left alone");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_with_its_path_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "these are my film notes, not a database; ".repeat(200),
    )
    .unwrap();
    let error = Catalog::open(&path).err().expect("refused");
    assert!(error.to_string().contains("notes.txt"), "{error}");
    assert!(
        matches!(error, CatalogError::NotACatalog { .. }),
        "{error:?}"
    );
}

#[test]
fn foreign_keys_are_enforced_so_orphan_reviews_cannot_exist() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let catalog = Catalog::open(&path).unwrap();
    let id = catalog.add_film(&film("Parent").input()).unwrap().id;
    catalog.delete_film(id).unwrap();
    catalog.purge_film(id).unwrap();
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let orphan = conn.execute(
        "INSERT INTO reviews (film_id, body, created_at, updated_at) VALUES (?1, 'x', 'now', 'now')",
        [id],
    );
    assert!(orphan.is_err());
}

#[test]
fn a_version_1_catalog_is_upgraded_in_place_keeping_its_films() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        // A catalog exactly as the first release of the schema wrote it.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_init.sql"))
            .unwrap();
        conn.pragma_update(None, "application_id", cinedex_catalog::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO films (title, title_key, created_at, updated_at)
             VALUES ('Old Film', 'old film', '2020-01-01T00:00:00.000000Z', '2020-01-01T00:00:00.000000Z')",
            [],
        )
        .unwrap();
    }
    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(catalog.info().unwrap().schema_version, LATEST_VERSION);
    let films = catalog.list_films(&Default::default()).unwrap();
    assert_eq!(films[0].title, "Old Film");
    let note = cinedex_catalog::AnnotationInput {
        at: "0:42:00".into(),
        body: "added after the upgrade".into(),
    };
    assert_eq!(
        catalog
            .add_annotation(films[0].id, &note)
            .unwrap()
            .at_seconds,
        2520
    );
}
