//! The search index after bulk imports, which write it once at the end instead of through the
//! per-row triggers: exact after a large import with every kind of credit, theme, review and
//! viewing, untouched by a cancelled one, and its tuning put back afterwards.

use crate::fixtures;
use std::path::Path;

use cinedex_catalog::generate_films;
use cinedex_catalog::*;
use fixtures::go;

/// A generated catalog (credits in every role, themes, reviews), with viewings and a film in the
/// trash added, exported as Cinedex JSON to `out`.
fn exported_catalog(out: &Path, films: usize) {
    let c = Catalog::open_in_memory().unwrap();
    generate_films(&c, films, 11, false).unwrap();
    for id in [3, 5, 8] {
        c.add_viewing(
            id,
            &ViewingInput {
                watched_on: "2024-03-01".into(),
                rating: Some(3.5),
                ..Default::default()
            },
        )
        .unwrap();
    }
    c.delete_film(13).unwrap();
    c.export(ExportFormat::Json, out).unwrap();
}

fn assert_index_sound(c: &Catalog) {
    let report = c.check_search_index().unwrap();
    assert!(report.ok, "{:?}", report.problems);
}

/// How many films `query` finds, and which when they fit on one page (beyond that, ties in
/// rank may order two equal catalogs differently).
fn hits(c: &Catalog, query: &str) -> (u32, Vec<(String, Option<i32>)>) {
    let results = c.search(query, 50, 0).unwrap();
    let mut hits: Vec<_> = results
        .hits
        .into_iter()
        .map(|hit| (hit.film.title, hit.film.year))
        .collect();
    hits.sort();
    if results.total > 50 {
        hits.clear();
    }
    (results.total, hits)
}

#[test]
fn a_large_import_with_credits_themes_reviews_and_viewings_is_indexed_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("catalog.json");
    exported_catalog(&json, 3_000);

    let empty = Catalog::open_in_memory().unwrap();
    empty
        .import(ImportSource::Json, &json, &ImportOptions::default(), &go)
        .unwrap();
    assert_index_sound(&empty);
    // The index written at the end of the import answers as one rebuilt from scratch.
    let queries = [
        "tarko",
        "director:tarkovsky",
        "theme:zone",
        "the night",
        "zo",
        "rating:>=3",
        "is:watched",
        // CJK words go through the trigram index, which an import fills only for CJK films.
        "物語",
        "七人の侍",
    ];
    let imported: Vec<_> = queries.iter().map(|q| hits(&empty, q)).collect();
    empty.rebuild_search_index().unwrap();
    let rebuilt: Vec<_> = queries.iter().map(|q| hits(&empty, q)).collect();
    assert_eq!(imported, rebuilt);
    assert!(imported.iter().all(|(total, _)| *total > 0), "{imported:?}");

    // Into a catalog that has films of its own, some of them matched by the import.
    let busy = Catalog::open_in_memory().unwrap();
    generate_films(&busy, 500, 11, false).unwrap();
    busy.import(ImportSource::Json, &json, &ImportOptions::default(), &go)
        .unwrap();
    assert_index_sound(&busy);

    // Importing it again changes nothing, the index included.
    let before = hits(&empty, "the");
    empty
        .import(ImportSource::Json, &json, &ImportOptions::default(), &go)
        .unwrap();
    assert_index_sound(&empty);
    assert_eq!(hits(&empty, "the"), before);
}

#[test]
fn an_import_cancelled_halfway_leaves_catalog_and_index_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("catalog.json");
    exported_catalog(&json, 5_000);
    let c = Catalog::open_in_memory().unwrap();
    generate_films(&c, 300, 5, false).unwrap();
    let info = c.info().unwrap();
    let before = hits(&c, "the");

    // Cancelled once thousands of films are written, before the index is.
    let stop_late = |done: u64, _: u64| done < 4_000;
    let result = c.import(
        ImportSource::Json,
        &json,
        &ImportOptions::default(),
        &stop_late,
    );
    assert!(matches!(result, Err(CatalogError::Cancelled)), "{result:?}");
    assert_eq!(c.info().unwrap(), info);
    assert_eq!(hits(&c, "the"), before);
    assert_index_sound(&c);
}

#[test]
fn the_index_tuning_of_a_bulk_import_is_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("catalog.json");
    exported_catalog(&json, 200);
    let path = dir.path().join("catalog.sqlite");
    let c = Catalog::open(&path).unwrap();
    c.import(ImportSource::Json, &json, &ImportOptions::default(), &go)
        .unwrap();
    drop(c);
    let conn = rusqlite::Connection::open(&path).unwrap();
    for table in ["search_film", "search_grams", "search_reviews"] {
        let setting = |key: &str| -> Option<i64> {
            conn.query_row(
                &format!("SELECT v FROM {table}_config WHERE k = ?1"),
                [key],
                |row| row.get(0),
            )
            .ok()
        };
        assert!(
            matches!(setting("hashsize"), None | Some(1_048_576)),
            "{table}"
        );
        assert!(matches!(setting("automerge"), None | Some(4)), "{table}");
    }
}
