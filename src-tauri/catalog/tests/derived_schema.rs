//! The derived search schema (schema/search.sql) as catalogs get it: an old catalog upgraded through
//! every migration ends with exactly the schema of a new one; a catalog whose stored stamp (the
//! file's hash, the fold's version, the Unicode versions) differs is indexed again when it opens;
//! one that is up to date is left alone; and applying it is all or nothing.

use std::path::{Path, PathBuf};

use cinedex_catalog::{Catalog, FilmInput};
use rusqlite::Connection;

const RELEASED: &[i64] = &[1, 2, 5, 7, 8];

/// Every derived object (and the shadow tables of the indexes), as SQLite stores it.
fn derived_schema(path: &Path) -> Vec<(String, String, String, String)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
              WHERE name LIKE 'search%' OR name = 'film_rating' ORDER BY type, name",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

/// The settings each index stores (FTS5's `_config` tables) and the stamp of the derived schema.
fn settings_and_stamp(path: &Path) -> Vec<(String, String)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT 'film ' || k, CAST(v AS TEXT) FROM search_film_config
             UNION ALL SELECT 'grams ' || k, CAST(v AS TEXT) FROM search_grams_config
             UNION ALL SELECT 'reviews ' || k, CAST(v AS TEXT) FROM search_reviews_config
             UNION ALL SELECT 'meta ' || key, value FROM schema_meta
             ORDER BY 1",
        )
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

fn stored_stamp(path: &Path) -> String {
    Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT value FROM schema_meta WHERE key = 'search_schema'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn new_catalog(dir: &Path) -> PathBuf {
    let path = dir.join("new.sqlite");
    drop(Catalog::open(&path).unwrap());
    path
}

fn titles(catalog: &Catalog, query: &str) -> Vec<String> {
    let mut titles: Vec<String> = catalog
        .search(query, 20, 0)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.film.title)
        .collect();
    titles.sort();
    titles
}

/// A closed catalog file holding three films, one with a Cyrillic title and one with a CJK one.
fn catalog_with_films(dir: &Path) -> PathBuf {
    let path = dir.join("catalog.sqlite");
    let catalog = Catalog::open(&path).unwrap();
    for (title, director) in [
        ("Ёжик в тумане", "Юрий Норштейн"),
        ("千と千尋の神隠し", "宮崎駿"),
        ("Œuvre", "Someone"),
    ] {
        catalog
            .add_film(&FilmInput {
                title: title.into(),
                directors: vec![director.into()],
                ..Default::default()
            })
            .unwrap();
    }
    drop(catalog);
    path
}

/// Sets the stored stamp and empties the film indexes behind Cinedex's back, as a catalog indexed
/// under other rules would look to this build.
fn stale(path: &Path, stamp: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "UPDATE schema_meta SET value = ?1 WHERE key = 'search_schema'",
        [stamp],
    )
    .unwrap();
    conn.execute_batch("DELETE FROM search_film; DELETE FROM search_grams;")
        .unwrap();
}

#[test]
fn an_old_catalog_upgraded_through_every_migration_has_the_derived_schema_of_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = new_catalog(dir.path());
    let expected = derived_schema(&fresh);
    let names: Vec<&str> = expected.iter().map(|o| o.1.as_str()).collect();
    for name in [
        "film_rating",
        "search_film_source",
        "search_film",
        "search_films_insert",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    for &version in RELEASED {
        let old = dir.path().join(format!("v{version}.sqlite"));
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("../../tests/fixtures/catalog-v{version}.sqlite")),
            &old,
        )
        .unwrap();
        drop(Catalog::open(&old).unwrap());
        assert_eq!(derived_schema(&old), expected, "v{version}");
        assert_eq!(
            settings_and_stamp(&old),
            settings_and_stamp(&fresh),
            "v{version}"
        );
    }
}

#[test]
fn a_catalog_stamped_by_another_schema_is_indexed_again_when_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = catalog_with_films(dir.path());
    let current = stored_stamp(&path);
    stale(&path, "search.sql 0000000000000000; fold 1");

    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(titles(&catalog, "ежик"), ["Ёжик в тумане"]);
    assert_eq!(titles(&catalog, "千尋"), ["千と千尋の神隠し"]);
    assert_eq!(titles(&catalog, "oeuvre"), ["Œuvre"]);
    assert!(catalog.check_search_index().unwrap().ok);
    drop(catalog);
    assert_eq!(stored_stamp(&path), current);
}

#[test]
fn a_catalog_indexed_under_another_fold_version_is_indexed_again_when_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = catalog_with_films(dir.path());
    let current = stored_stamp(&path);
    let version = format!("fold {}", cinedex_catalog::SEARCH_FOLD_VERSION);
    assert!(current.contains(&version), "{current}");
    assert!(current.contains("unicode "), "{current}");
    let older = current.replace(
        &version,
        &format!("fold {}", cinedex_catalog::SEARCH_FOLD_VERSION + 1),
    );
    stale(&path, &older);

    let catalog = Catalog::open(&path).unwrap();
    assert_eq!(titles(&catalog, "ежик"), ["Ёжик в тумане"]);
    assert!(catalog.check_search_index().unwrap().ok);
    drop(catalog);
    assert_eq!(stored_stamp(&path), current);
}

#[test]
fn opening_an_up_to_date_catalog_leaves_its_derived_schema_and_index_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = catalog_with_films(dir.path());
    let page = |path: &Path| -> Vec<(String, i64)> {
        let conn = Connection::open(path).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT name, rootpage FROM sqlite_schema WHERE name LIKE 'search%' ORDER BY name",
            )
            .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    };
    let before = page(&path);
    // Left out of step on purpose: a re-index would repair it, so it shows none happened.
    Connection::open(&path)
        .unwrap()
        .execute_batch("DELETE FROM search_grams")
        .unwrap();
    let catalog = Catalog::open(&path).unwrap();
    assert!(!catalog.check_search_index().unwrap().ok);
    drop(catalog);
    assert_eq!(page(&path), before);
}

#[test]
fn a_derived_schema_that_cannot_be_applied_leaves_the_catalog_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = catalog_with_films(dir.path());
    stale(&path, "search.sql 0000000000000000; fold 1");
    // A table in the way of the film_rating view: creating the view fails after the old derived
    // objects were dropped.
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "DROP VIEW film_rating; CREATE TABLE film_rating (film_id INTEGER, rating REAL)",
        )
        .unwrap();
    let before = derived_schema(&path);
    assert!(before.iter().any(|o| o.1 == "search_films_insert"));

    assert!(Catalog::open(&path).is_err());
    assert_eq!(derived_schema(&path), before);
    assert_eq!(stored_stamp(&path), "search.sql 0000000000000000; fold 1");
}
