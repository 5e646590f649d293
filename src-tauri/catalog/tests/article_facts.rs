//! An article's year and directors checked against Wikidata (recorded answers on 127.0.0.1):
//! the catalog's value kept, a wrong article value called out beside the reference's, the
//! reference's value proposed where the catalog has none; offline, nothing checked or changed.

use crate::reference_support;
use cinedex_catalog::{Catalog, FilmInput};
use cinedex_catalog::{HttpSettings, Reference, ReferenceSource};
use reference_support::{options, reference, wikidata, TestServer};

const WRONG_DIRECTOR: &str = "Solaris (1972)\n\n\
    Solaris, directed by Steven Soderbergh, is a slow film about grief aboard a station that \
    circles an ocean which thinks.\n";
const WRONG_YEAR: &str = "Solaris (1973)\n\n\
    Solaris, directed by Andrei Tarkovsky, is a slow film about grief aboard a station that \
    circles an ocean which thinks.\n";

#[test]
fn a_new_film_takes_the_references_director_and_the_articles_is_called_out() {
    let server = TestServer::start(wikidata);
    let c = Catalog::open_in_memory().unwrap();
    let proposal = c
        .propose_article_checked(WRONG_DIRECTOR, None, None, Some(&reference(&server.url)))
        .unwrap();
    assert_eq!(proposal.checked, Some(ReferenceSource::Wikidata));
    assert_eq!(proposal.film.title, "Solaris");
    assert_eq!(proposal.film.year, Some(1972));
    assert_eq!(proposal.film.directors, ["Andrei Tarkovsky"]);
    let directors = proposal
        .conflicts
        .iter()
        .find(|c| c.field == "directors")
        .expect("the article's director is called out");
    assert!(directors.catalog.is_empty());
    assert_eq!(directors.article, ["Steven Soderbergh"]);
    assert_eq!(directors.reference, ["Andrei Tarkovsky"]);
    // The year agrees with the reference: nothing to decide.
    assert!(proposal.conflicts.iter().all(|c| c.field != "year"));
}

#[test]
fn a_known_film_keeps_its_year_and_the_conflict_shows_the_references() {
    let server = TestServer::start(wikidata);
    let c = Catalog::open_in_memory().unwrap();
    let id = c
        .add_film(&FilmInput {
            title: "Solaris".into(),
            year: Some(1972),
            directors: vec!["Andrei Tarkovsky".into()],
            ..Default::default()
        })
        .unwrap()
        .id;
    let proposal = c
        .propose_article_checked(WRONG_YEAR, None, None, Some(&reference(&server.url)))
        .unwrap();
    assert_eq!(proposal.film_id, Some(id));
    assert_eq!(proposal.film.year, Some(1972));
    let year = proposal
        .conflicts
        .iter()
        .find(|c| c.field == "year")
        .unwrap();
    assert_eq!(year.catalog, ["1972"]);
    assert_eq!(year.article, ["1973"]);
    assert_eq!(year.reference, ["1972"]);
}

#[test]
fn offline_the_proposal_is_as_without_a_check_and_says_so() {
    let server = TestServer::start(wikidata);
    let c = Catalog::open_in_memory().unwrap();
    let unchecked = c.propose_article(WRONG_DIRECTOR, None, None).unwrap();
    let mut offline = options(&server.url);
    offline.http = HttpSettings {
        offline: true,
        ..offline.http
    };
    let proposal = c
        .propose_article_checked(
            WRONG_DIRECTOR,
            None,
            None,
            Some(&Reference::new(offline).unwrap()),
        )
        .unwrap();
    assert_eq!(proposal, unchecked);
    assert_eq!(proposal.checked, None);
    assert_eq!(proposal.film.directors, ["Steven Soderbergh"]);
    assert_eq!(server.requests(), 0, "offline asks nothing");
}
