//! Shared by the search tests: a small catalog with known films and reviews, and helpers to query it.
// Each test file uses its own subset of these helpers.
#![allow(dead_code)]

use cinedex_catalog::*;

pub fn film(
    catalog: &Catalog,
    title: &str,
    original: Option<&str>,
    year: i32,
    directors: &[&str],
    themes: &[&str],
) -> Film {
    catalog
        .add_film(&FilmInput {
            title: title.into(),
            original_title: original.map(Into::into),
            year: Some(year),
            directors: directors.iter().map(|d| d.to_string()).collect(),
            themes: themes.iter().map(|t| t.to_string()).collect(),
            facts: None,
        })
        .expect("valid film")
}

pub fn review(catalog: &Catalog, film_id: i64, kind: ReviewKind, body: &str) -> Review {
    catalog
        .add_review(
            film_id,
            &ReviewInput {
                kind,
                body: body.into(),
                ..Default::default()
            },
        )
        .expect("valid review")
}

/// A small catalog: Amélie, Stalker, Spirited Away, Innocence, Ghost in the Shell, and a film whose
/// only link to "zone" is a review.
pub fn catalog() -> Catalog {
    let c = Catalog::open_in_memory().unwrap();
    film(
        &c,
        "Amélie",
        Some("Le Fabuleux Destin d'Amélie Poulain"),
        2001,
        &["Jean-Pierre Jeunet"],
        &["paris", "romance"],
    );
    let stalker = film(&c, "Stalker", None, 1979, &["Andrei Tarkovsky"], &["zone"]);
    film(
        &c,
        "Spirited Away",
        Some("千と千尋の神隠し"),
        2001,
        &["Hayao Miyazaki"],
        &["spirits"],
    );
    let innocence = film(
        &c,
        "Innocence",
        None,
        2004,
        &["Mamoru Oshii"],
        &["cyberpunk"],
    );
    film(
        &c,
        "Ghost in the Shell",
        Some("攻殻機動隊"),
        1995,
        &["Mamoru Oshii"],
        &["cyberpunk"],
    );
    let solaris = film(&c, "Solaris", None, 1972, &["Andrei Tarkovsky"], &["space"]);
    review(
        &c,
        solaris.id,
        ReviewKind::Review,
        "Like the **zone** in a later film, the station is a mind.",
    );
    review(
        &c,
        stalker.id,
        ReviewKind::Note,
        "Watched at the cinematheque; the dog!",
    );
    c.set_watch_status(innocence.id, WatchStatus::Watchlist)
        .unwrap();
    c
}

pub fn titles(catalog: &Catalog, query: &str) -> Vec<String> {
    catalog
        .search(query, 20, 0)
        .unwrap_or_else(|e| panic!("{query:?} failed: {e}"))
        .hits
        .into_iter()
        .map(|h| h.film.title)
        .collect()
}

pub fn assert_index_sound(catalog: &Catalog) {
    let report = catalog.check_search_index().unwrap();
    assert!(report.ok, "{:?}", report.problems);
}

/// The marked (matching) parts of a highlighted title or snippet.
pub fn marked(segments: &[Segment]) -> Vec<&str> {
    segments
        .iter()
        .filter(|s| s.hit)
        .map(|s| s.text.as_str())
        .collect()
}
