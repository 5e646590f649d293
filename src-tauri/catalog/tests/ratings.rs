//! A film's rating follows one rule in the library, its sort, the statistics and the `rating:`
//! filter: the latest personal rating (viewings, own reviews and notes), else the rating the film
//! carries itself, as IMDb, Letterboxd and CSV imports give it.

use crate::fixtures;
use cinedex_catalog::*;
use fixtures::{file, go};

fn imported(c: &Catalog) {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "ratings.csv",
        b"Title,Year,Rating\nStalker,1979,4.5\nSolaris,1972,3\nMirror,1975,\n",
    );
    c.import(ImportSource::Csv, &path, &ImportOptions::default(), &go)
        .unwrap();
}

fn ratings_shown(c: &Catalog) -> Vec<(String, Option<f64>)> {
    c.list_films(&FilmListQuery {
        sort: FilmSort::Rating,
        descending: true,
        ..Default::default()
    })
    .unwrap()
    .into_iter()
    .map(|f| (f.title, f.rating))
    .collect()
}

fn found(c: &Catalog, query: &str) -> Vec<String> {
    let mut titles: Vec<String> = c
        .search(query, 20, 0)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.film.title)
        .collect();
    titles.sort();
    titles
}

fn counted(c: &Catalog) -> Vec<(String, i64)> {
    c.stats(&StatsQuery::default())
        .unwrap()
        .ratings
        .into_iter()
        .filter(|t| t.count > 0)
        .map(|t| (t.key, t.count))
        .collect()
}

#[test]
fn an_imported_rating_is_the_films_rating_everywhere() {
    let c = Catalog::open_in_memory().unwrap();
    imported(&c);
    assert_eq!(
        ratings_shown(&c),
        [
            ("Stalker".to_owned(), Some(4.5)),
            ("Solaris".to_owned(), Some(3.0)),
            ("Mirror".to_owned(), None)
        ]
    );
    assert_eq!(counted(&c), [("3".to_owned(), 1), ("4.5".to_owned(), 1)]);
    assert_eq!(found(&c, "rating:>=4"), ["Stalker"]);
    assert_eq!(found(&c, "rating:<4"), ["Solaris"]);
}

#[test]
fn a_later_personal_rating_takes_over_from_the_imported_one_everywhere() {
    let c = Catalog::open_in_memory().unwrap();
    imported(&c);
    let stalker = c.search("stalker", 1, 0).unwrap().hits[0].film.id;
    c.add_viewing(
        stalker,
        &ViewingInput {
            watched_on: "2024-05-01".into(),
            rating: Some(2.0),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        ratings_shown(&c),
        [
            ("Solaris".to_owned(), Some(3.0)),
            ("Stalker".to_owned(), Some(2.0)),
            ("Mirror".to_owned(), None)
        ]
    );
    assert_eq!(counted(&c), [("2".to_owned(), 1), ("3".to_owned(), 1)]);
    assert_eq!(found(&c, "rating:>=4"), Vec::<String>::new());
    assert_eq!(found(&c, "rating:<3"), ["Stalker"]);
    assert!(c.check_search_index().unwrap().ok);
}
