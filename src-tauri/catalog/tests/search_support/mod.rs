//! Shared by the search tests: a small catalog with known films and reviews, and helpers to query it.

use crate::support::film;
use cinedex_catalog::*;

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
    film("Amélie")
        .original_title("Le Fabuleux Destin d'Amélie Poulain")
        .year(2001)
        .directors(["Jean-Pierre Jeunet"])
        .themes(["paris", "romance"])
        .add(&c);
    let stalker = film("Stalker")
        .year(1979)
        .directors(["Andrei Tarkovsky"])
        .themes(["zone"])
        .add(&c);
    film("Spirited Away")
        .original_title("千と千尋の神隠し")
        .year(2001)
        .directors(["Hayao Miyazaki"])
        .themes(["spirits"])
        .add(&c);
    let innocence = film("Innocence")
        .year(2004)
        .directors(["Mamoru Oshii"])
        .themes(["cyberpunk"])
        .add(&c);
    film("Ghost in the Shell")
        .original_title("攻殻機動隊")
        .year(1995)
        .directors(["Mamoru Oshii"])
        .themes(["cyberpunk"])
        .add(&c);
    let solaris = film("Solaris")
        .year(1972)
        .directors(["Andrei Tarkovsky"])
        .themes(["space"])
        .add(&c);
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
