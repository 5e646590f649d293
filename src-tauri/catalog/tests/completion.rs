//! Completing a Letterboxd-like library from a local Wikidata stand-in: sure matches filled,
//! remakes queued for review, the unknown listed, nothing the person wrote replaced, and every
//! finished film kept when the run is cancelled or the service fails half-way.

use crate::completion_support;
use crate::reference_support;
use cinedex_catalog::{Catalog, CreditRole, FilmFacts, FilmInput};
use cinedex_catalog::{CompletionOptions, CompletionStatus, CompletionTargets, MatchedBy};
use cinedex_catalog::{ExternalId, Reference, ReferenceSource};
use completion_support::*;
use reference_support::library::WikidataLibrary;
use reference_support::options;

#[test]
fn a_letterboxd_like_library_is_filled_where_sure_queued_where_not_and_the_unknown_listed() {
    let server = serve(WikidataLibrary::letterboxd_like());
    let reference = wikidata_reference(&server.url);
    let catalog = Catalog::open_in_memory().unwrap();
    let ids = fill_catalog(&catalog, &WikidataLibrary::letterboxd_like());

    let report = complete_missing(&catalog, &reference);

    let totals = &report.totals;
    assert_eq!(
        (
            totals.films,
            totals.applied,
            totals.review,
            totals.unmatched,
            totals.unchanged,
            totals.remaining
        ),
        (30, 27, 2, 1, 0, 0),
        "{report:#?}"
    );
    assert_eq!(report.stopped, None);
    let stalker = catalog.get_film(ids["Stalker"]).unwrap();
    assert_eq!(stalker.film.directors, ["Andrei Tarkovsky"]);
    assert_eq!(stalker.facts.runtime_minutes, Some(80 + 1979 % 60));
    assert!(stalker
        .facts
        .external_ids
        .iter()
        .any(|id| id.source == "wikidata" && id.value == "Q8000000"));
    // Matched by its IMDb id, under the person's own title, which stays.
    let fellini = catalog.get_film(ids["Otto e mezzo"]).unwrap();
    assert_eq!(fellini.film.title, "Otto e mezzo");
    assert_eq!(fellini.film.directors, ["Federico Fellini"]);
    let by_id = report
        .films
        .iter()
        .find(|f| f.film_id == ids["Otto e mezzo"])
        .unwrap();
    assert_eq!(by_id.matched.as_ref().unwrap().by, MatchedBy::Id);
    assert!(by_id.filled.contains(&"directors".to_owned()), "{by_id:?}");
    // An accent dropped and a year off by one still match by title.
    assert_eq!(
        catalog
            .get_film(ids["Cleo from 5 to 7"])
            .unwrap()
            .film
            .directors,
        ["Agnès Varda"]
    );
    let daisies = catalog.get_film(ids["Daisies"]).unwrap();
    assert_eq!(daisies.film.directors, ["Věra Chytilová"]);
    assert_eq!(daisies.film.year, Some(1967), "the person's year stays");

    let queue = catalog.completion_queue().unwrap();
    let queued: Vec<&str> = queue.review.iter().map(|q| q.film.title.as_str()).collect();
    assert_eq!(queued, ["Solaris", "Suspiria"]);
    let solaris = &queue.review[0];
    let years: Vec<Option<i32>> = solaris.candidates.iter().map(|c| c.film.year).collect();
    assert_eq!(years.len(), 2);
    assert!(years.contains(&Some(1972)) && years.contains(&Some(2002)));
    assert!(catalog
        .get_film(solaris.film.id)
        .unwrap()
        .film
        .directors
        .is_empty());
    let unmatched: Vec<&str> = queue
        .unmatched
        .iter()
        .map(|q| q.film.title.as_str())
        .collect();
    assert_eq!(unmatched, ["A Home Movie Nobody Knows"]);

    // Every film is decided: running again over what is missing asks nothing.
    server.reset();
    let again = complete_missing(&catalog, &reference);
    assert_eq!(again.totals.films, 0);
    assert_eq!(server.requests(), 0);
}

#[test]
fn picking_a_queued_candidate_fills_the_film_and_skipping_takes_it_out_of_the_queue() {
    let server = serve(WikidataLibrary::letterboxd_like());
    let reference = wikidata_reference(&server.url);
    let catalog = Catalog::open_in_memory().unwrap();
    let ids = fill_catalog(&catalog, &WikidataLibrary::letterboxd_like());
    complete_missing(&catalog, &reference);
    let queue = catalog.completion_queue().unwrap();
    let tarkovsky = queue.review[0]
        .candidates
        .iter()
        .find(|c| c.film.year == Some(1972))
        .unwrap();

    let picked = catalog
        .pick_completion(
            &reference,
            ids["Solaris"],
            &ExternalId::new("wikidata", tarkovsky.film.id.clone()),
        )
        .unwrap();

    assert_eq!(picked.status, CompletionStatus::Applied);
    assert_eq!(picked.matched.unwrap().by, MatchedBy::Pick);
    let solaris = catalog.get_film(ids["Solaris"]).unwrap();
    assert_eq!(solaris.film.directors, ["Andrei Tarkovsky"]);
    assert_eq!(solaris.film.year, Some(1972), "a blank year is filled");
    catalog.skip_completion(ids["Suspiria"]).unwrap();
    let queue = catalog.completion_queue().unwrap();
    assert!(queue.review.is_empty(), "{queue:?}");
    assert!(catalog
        .get_film(ids["Suspiria"])
        .unwrap()
        .film
        .directors
        .is_empty());
    let error = catalog.skip_completion(ids["Stalker"]).unwrap_err();
    assert!(
        error.to_string().contains("not waiting for review"),
        "{error}"
    );
    // The film another catalog film already is cannot be picked again.
    let error = catalog
        .pick_completion(
            &reference,
            ids["Suspiria"],
            &ExternalId::new("wikidata", "Q8000000"),
        )
        .unwrap_err();
    assert!(
        error.to_string().contains("already in your catalog"),
        "{error}"
    );
}

#[test]
fn what_the_person_wrote_is_never_replaced() {
    let server = serve(WikidataLibrary::letterboxd_like());
    let reference = wikidata_reference(&server.url);
    let catalog = Catalog::open_in_memory().unwrap();
    let mine = catalog
        .add_film(&FilmInput {
            title: "Stalker".into(),
            year: Some(1979),
            directors: vec!["A. Tarkovsky".into()],
            facts: Some(FilmFacts {
                runtime_minutes: Some(161),
                ..FilmFacts::default()
            }),
            ..FilmInput::default()
        })
        .unwrap();

    let report = complete_with(
        &catalog,
        &reference,
        &CompletionTargets::Films(vec![mine.id]),
        &wikidata_only(),
    );

    let film = catalog.get_film(mine.id).unwrap();
    assert_eq!(film.film.directors, ["A. Tarkovsky"]);
    assert_eq!(film.facts.runtime_minutes, Some(161));
    assert_eq!(report.films[0].filled, ["externalIds"], "{report:?}");
    assert!(film
        .facts
        .credits
        .iter()
        .all(|c| c.role != CreditRole::Actor));
}

#[test]
fn a_dry_run_reports_the_same_decisions_and_writes_nothing() {
    let server = serve(WikidataLibrary::letterboxd_like());
    let reference = wikidata_reference(&server.url);
    let catalog = Catalog::open_in_memory().unwrap();
    let ids = fill_catalog(&catalog, &WikidataLibrary::letterboxd_like());
    let before: Vec<_> = ids
        .values()
        .map(|&id| catalog.get_film(id).unwrap())
        .collect();
    let dry = CompletionOptions {
        dry_run: true,
        ..wikidata_only()
    };

    let report = complete_with(&catalog, &reference, &CompletionTargets::Missing, &dry);

    assert!(report.dry_run);
    assert_eq!(
        (
            report.totals.applied,
            report.totals.review,
            report.totals.unmatched
        ),
        (27, 2, 1)
    );
    let stalker = report
        .films
        .iter()
        .find(|f| f.film_id == ids["Stalker"])
        .unwrap();
    assert!(stalker.filled.contains(&"directors".to_owned()));
    let after: Vec<_> = ids
        .values()
        .map(|&id| catalog.get_film(id).unwrap())
        .collect();
    assert_eq!(before, after);
    let queue = catalog.completion_queue().unwrap();
    assert!(queue.review.is_empty() && queue.unmatched.is_empty());
}

#[test]
fn a_film_in_the_trash_or_not_in_the_catalog_is_refused_by_its_id() {
    let catalog = Catalog::open_in_memory().unwrap();
    let film = catalog
        .add_film(&FilmInput {
            title: "Stalker".into(),
            ..FilmInput::default()
        })
        .unwrap();
    catalog.delete_film(film.id).unwrap();
    let error = catalog
        .completion_films(
            &CompletionTargets::Films(vec![film.id]),
            ReferenceSource::Wikidata,
            false,
        )
        .unwrap_err();
    assert!(error.to_string().contains("trash"), "{error}");
    let error = catalog
        .completion_films(
            &CompletionTargets::Films(vec![999]),
            ReferenceSource::Wikidata,
            false,
        )
        .unwrap_err();
    assert!(error.to_string().contains("999"), "{error}");
}

#[test]
fn with_tmdb_a_film_is_matched_by_title_and_year_and_gets_its_poster() {
    let server = reference_support::tmdb_with_images();
    let reference = Reference::new(options(&server.url)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
    let film = typed_film(&catalog, "Solaris", Some(1972));
    let tmdb = tmdb_only();

    let report = complete_with(&catalog, &reference, &CompletionTargets::Missing, &tmdb);

    let outcome = &report.films[0];
    assert_eq!(outcome.status, CompletionStatus::Applied, "{report:?}");
    let matched = outcome.matched.as_ref().unwrap();
    assert_eq!((matched.id.as_str(), matched.by), ("593", MatchedBy::Title));
    assert!(outcome.filled.contains(&"poster".to_owned()), "{outcome:?}");
    let detail = catalog.get_film(film.id).unwrap();
    assert!(detail.film.has_poster);
    assert_eq!(detail.film.directors, ["Andrei Tarkovsky"]);
    // TMDB's "ru", by name, as Wikidata gives languages.
    assert_eq!(detail.facts.original_language.as_deref(), Some("Russian"));
    assert!(detail
        .facts
        .credits
        .iter()
        .any(|c| c.role == CreditRole::Actor && c.character.is_some()));
}

#[test]
fn on_tmdb_a_year_off_by_one_is_asked_again_without_it() {
    // TMDB keeps only the year asked for: a festival year one off finds nothing with it.
    let server = reference_support::TestServer::start(|asked: &reference_support::Asked| {
        if asked.path == "/3/search/movie" && !asked.param("year").is_empty() {
            return reference_support::Reply::Json(serde_json::json!({"page": 1, "results": []}));
        }
        // No image base: no poster address, so nothing is fetched from anywhere else.
        if asked.path == "/3/configuration" {
            return reference_support::Reply::Json(serde_json::json!({"images": {}}));
        }
        reference_support::tmdb(asked)
    });
    let reference = Reference::new(options(&server.url)).unwrap();
    let catalog = Catalog::open_in_memory().unwrap();
    let film = typed_film(&catalog, "Solaris", Some(1973));
    let tmdb = tmdb_only();

    let report = complete_with(
        &catalog,
        &reference,
        &CompletionTargets::Films(vec![film.id]),
        &tmdb,
    );

    let matched = report.films[0]
        .matched
        .as_ref()
        .expect("matched without the year");
    assert_eq!(matched.id, "593");
    assert_eq!(
        report.films[0].status,
        CompletionStatus::Applied,
        "{report:?}"
    );
    assert_eq!(
        catalog.get_film(film.id).unwrap().film.year,
        Some(1973),
        "the person's year stays"
    );
}
