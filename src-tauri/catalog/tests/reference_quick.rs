//! The first answer to a typed title: Wikidata's search hits alone, from one request, the hits
//! not described as films left out; picked, a summary is fetched in full.

use crate::reference_support;
use cinedex_catalog::ReferenceSource;
use reference_support::{reference, wikidata, TestServer};

#[test]
fn the_quick_lookup_asks_once_and_keeps_the_hits_described_as_films() {
    let server = TestServer::start(wikidata);
    let reference = reference(&server.url);

    let quick = reference
        .quick_lookup(None, "Solaris", ReferenceSource::Wikidata, 8)
        .unwrap();

    assert_eq!(server.requests(), 1);
    let found: Vec<(&str, Option<i32>)> = quick
        .candidates
        .iter()
        .map(|c| (c.id.as_str(), c.year))
        .collect();
    assert_eq!(
        found,
        [("Q228186", Some(1972)), ("Q1140578", Some(2002))],
        "the 1961 novel is left out"
    );
    assert!(quick
        .candidates
        .iter()
        .all(|c| !c.film.complete && c.directors.is_empty()));

    let full = reference
        .candidate(None, ReferenceSource::Wikidata, "Q228186")
        .unwrap()
        .unwrap();
    assert_eq!(full.directors, ["Andrei Tarkovsky"]);
}

#[test]
fn on_tmdb_the_quick_lookup_asks_nothing_since_its_search_is_one_request_already() {
    let server = TestServer::start(reference_support::tmdb);
    let quick = reference(&server.url)
        .quick_lookup(None, "Solaris", ReferenceSource::Tmdb, 8)
        .unwrap();
    assert!(quick.candidates.is_empty());
    assert_eq!(server.requests(), 0);
    let error = reference(&server.url)
        .quick_lookup(None, "   ", ReferenceSource::Wikidata, 8)
        .unwrap_err();
    assert!(error.to_string().contains("type a title"), "{error}");
}

#[test]
fn the_full_lookup_after_the_quick_one_finds_its_search_in_the_cache() {
    let server = TestServer::start(wikidata);
    let dir = tempfile::tempdir().unwrap();
    let beside = dir.path().join("catalog.sqlite");
    let options =
        reference_support::options(&server.url).with_cache_beside(beside.to_str().unwrap());
    let reference = cinedex_catalog::Reference::new(options).unwrap();

    reference
        .quick_lookup(None, "Solaris", ReferenceSource::Wikidata, 8)
        .unwrap();
    server.reset();
    let full = reference
        .lookup(None, "Solaris", None, ReferenceSource::Wikidata, 8)
        .unwrap();

    assert_eq!(full.candidates.len(), 2);
    assert_eq!(
        server.requests(),
        2,
        "the films' claims and the people's labels, not the search again"
    );
}
