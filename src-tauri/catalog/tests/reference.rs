//! Lookup on Wikidata and TMDB against recorded answers served on 127.0.0.1: titles in their
//! own scripts, credits by role, remakes, non-films skipped, the catalog's own films marked, and
//! the cache that makes a second lookup free and possible offline.

use crate::fixtures;
use crate::reference_support;
use cinedex_catalog::{Catalog, ImportSource};
use cinedex_catalog::{CreditRole, ExternalId, Reference, ReferenceFilm, ReferenceSource};
use reference_support::{options, reference, tmdb, wikidata, TestServer, TMDB_KEY};

fn search(server: &TestServer, query: &str, year: Option<i32>) -> Vec<ReferenceFilm> {
    reference(&server.url)
        .lookup(None, query, year, ReferenceSource::Wikidata, 10)
        .unwrap()
        .candidates
        .into_iter()
        .map(|c| c.film)
        .collect()
}

#[test]
fn a_japanese_animation_keeps_its_japanese_original_title_and_skips_the_soundtrack() {
    let server = TestServer::start(wikidata);
    let films = search(&server, "Spirited Away", None);
    assert_eq!(
        films.len(),
        1,
        "the soundtrack album is not a film: {films:?}"
    );
    let film = &films[0];
    assert_eq!(film.id, "Q155653");
    assert_eq!(film.title, "Spirited Away");
    assert_eq!(film.original_title.as_deref(), Some("千と千尋の神隠し"));
    assert_eq!(film.original_title_language.as_deref(), Some("ja"));
    assert_eq!(film.year, Some(2001), "the earliest publication date");
    assert_eq!(film.runtime_minutes, Some(125));
    assert_eq!(film.people(CreditRole::Director), ["Hayao Miyazaki"]);
    assert_eq!(film.genres, ["fantasy film", "animated feature film"]);
    assert_eq!(film.countries, ["Japan"]);
    assert_eq!(film.original_language.as_deref(), Some("Japanese"));
    assert_eq!(film.external_id("imdb"), Some("tt0245429"));
    assert_eq!(film.external_id("tmdb"), Some("129"));
    assert_eq!(film.external_id("wikidata"), Some("Q155653"));
    assert_eq!(
        film.wikipedia_url.as_deref(),
        Some("https://en.wikipedia.org/wiki/Spirited_Away")
    );
    assert!(server.requests() <= 3, "{} requests", server.requests());
}

#[test]
fn a_french_title_keeps_its_accents_in_the_query_and_the_answer() {
    let server = TestServer::start(wikidata);
    let films = search(&server, "Amélie", None);
    assert_eq!(films.len(), 1);
    assert_eq!(films[0].title, "Amélie");
    assert_eq!(
        films[0].original_title.as_deref(),
        Some("Le Fabuleux Destin d'Amélie Poulain")
    );
    assert_eq!(films[0].countries, ["France", "Germany"]);
    let asked = server.asked.lock().unwrap().clone();
    assert!(asked[0].contains("search=Am%C3%A9lie"), "{}", asked[0]);
}

#[test]
fn a_film_with_two_directors_lists_both_in_order_and_reads_a_runtime_in_seconds() {
    let server = TestServer::start(wikidata);
    let films = search(&server, "The Matrix", None);
    assert_eq!(
        films[0].people(CreditRole::Director),
        ["Lana Wachowski", "Lilly Wachowski"]
    );
    assert_eq!(films[0].runtime_minutes, Some(136));
}

#[test]
fn a_remake_and_its_original_are_two_candidates_with_the_asked_year_first() {
    let server = TestServer::start(wikidata);
    let films = search(&server, "Solaris", Some(2002));
    let years: Vec<_> = films.iter().map(|f| f.year).collect();
    assert_eq!(years, [Some(2002), Some(1972)], "the novel is left out");
    assert_eq!(films[0].people(CreditRole::Director), ["Steven Soderbergh"]);
    assert_eq!(films[1].people(CreditRole::Director), ["Andrei Tarkovsky"]);
    assert_eq!(films[1].original_title.as_deref(), Some("Солярис"));
    assert!(server.requests() <= 3, "{} requests", server.requests());
}

#[test]
fn an_entity_with_wrong_types_and_a_huge_label_is_read_without_panicking() {
    let server = TestServer::start(wikidata);
    let films = search(&server, "Oddity", None);
    assert_eq!(films.len(), 1);
    let film = &films[0];
    assert!(film.title.starts_with("Oddity"));
    assert!(film.title.chars().count() <= 300, "the label is bounded");
    assert_eq!(film.year, None);
    assert_eq!(film.runtime_minutes, None);
    assert!(film.credits.is_empty() && film.genres.is_empty());
    assert_eq!(film.description, None);
    assert_eq!(film.external_id("imdb"), None);
    assert_eq!(film.wikipedia_url, None);
}

#[test]
fn a_film_found_by_its_imdb_id_has_every_credit_with_characters_in_three_requests() {
    let server = TestServer::start(wikidata);
    let film = reference(&server.url)
        .fetch(
            &ExternalId::new("imdb", "tt0211915"),
            Some(ReferenceSource::Wikidata),
        )
        .unwrap()
        .expect("Amélie is found by its IMDb id");
    assert_eq!(film.id, "Q484048");
    assert_eq!(
        film.people(CreditRole::Writer),
        ["Jean-Pierre Jeunet", "Guillaume Laurant"]
    );
    let cast: Vec<_> = film
        .credits
        .iter()
        .filter(|c| c.role == CreditRole::Actor)
        .map(|c| (c.name.as_str(), c.character.as_deref()))
        .collect();
    assert_eq!(
        cast,
        [
            ("Audrey Tautou", Some("Amélie Poulain")),
            ("Mathieu Kassovitz", Some("Nino Quincampoix"))
        ]
    );
    assert_eq!(film.people(CreditRole::Composer), ["Yann Tiersen"]);
    assert_eq!(
        film.people(CreditRole::Cinematographer),
        ["Bruno Delbonnel"]
    );
    assert!(film.complete);
    assert_eq!(server.requests(), 3);
}

#[test]
fn a_film_found_by_its_wikidata_id_is_asked_in_two_requests_and_a_non_film_is_none() {
    let server = TestServer::start(wikidata);
    let reference = reference(&server.url);
    let film = reference
        .fetch(&ExternalId::parse("wikidata:Q83495").unwrap(), None)
        .unwrap()
        .unwrap();
    assert_eq!(film.people(CreditRole::Editor), ["Zach Staenberg"]);
    assert_eq!(server.requests(), 2);
    let novel = reference
        .fetch(&ExternalId::parse("Q1136897").unwrap(), None)
        .unwrap();
    assert_eq!(novel, None);
}

#[test]
fn a_candidate_already_in_the_catalog_is_marked_with_its_film_id() {
    let server = TestServer::start(wikidata);
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::open_in_memory().unwrap();
    let imdb = dir.path().join("imdb.csv");
    std::fs::write(
        &imdb,
        "Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n\
         tt0069293,9,2024-01-01,Solaris,u,movie,8,167,1972,Drama,1,1972-03-20,Andrei Tarkovsky\n",
    )
    .unwrap();
    fixtures::imported(&catalog, ImportSource::Imdb, &imdb);
    let own = catalog
        .film_id_by_external_ids(&[ExternalId::new("imdb", "tt0069293")])
        .unwrap()
        .expect("the imported film carries its IMDb id");
    let result = reference(&server.url)
        .lookup(
            Some(&catalog),
            "Solaris",
            None,
            ReferenceSource::Wikidata,
            10,
        )
        .unwrap();
    let marks: Vec<_> = result
        .candidates
        .iter()
        .map(|c| (c.year, c.in_catalog))
        .collect();
    assert_eq!(marks, [(Some(1972), Some(own)), (Some(2002), None)]);
}

#[test]
fn a_second_lookup_is_answered_from_the_cache_and_works_offline() {
    let server = TestServer::start(wikidata);
    let dir = tempfile::tempdir().unwrap();
    let cached = |offline: bool| {
        let mut options = options(&server.url)
            .with_cache_beside(dir.path().join("catalog.sqlite").to_str().unwrap());
        options.http.offline = offline;
        Reference::new(options).unwrap()
    };
    let first = cached(false)
        .lookup(None, "Spirited Away", None, ReferenceSource::Wikidata, 5)
        .unwrap();
    let asked = server.requests();
    assert!(asked > 0);
    assert!(dir.path().join("cache.sqlite").exists());
    let again = cached(false)
        .lookup(None, "Spirited Away", None, ReferenceSource::Wikidata, 5)
        .unwrap();
    assert_eq!(again, first);
    let offline = cached(true)
        .lookup(None, "Spirited Away", None, ReferenceSource::Wikidata, 5)
        .unwrap();
    assert_eq!(offline, first);
    assert_eq!(server.requests(), asked, "the cache answered");
}

#[test]
fn offline_without_a_cached_answer_asks_nothing_and_says_so() {
    let server = TestServer::start(wikidata);
    let mut options = options(&server.url);
    options.http.offline = true;
    let error = Reference::new(options)
        .unwrap()
        .lookup(None, "Solaris", None, ReferenceSource::Wikidata, 5)
        .unwrap_err();
    assert_eq!(error.kind(), cinedex_catalog::ErrorKind::Offline);
    assert!(error.to_string().contains("Wikidata"), "{error}");
    assert_eq!(server.requests(), 0);
}

#[test]
fn tmdb_candidates_have_posters_from_the_configured_base_url_and_skip_broken_hits() {
    let server = TestServer::start(tmdb);
    let result = reference(&server.url)
        .lookup(None, "Solaris", Some(1972), ReferenceSource::Tmdb, 10)
        .unwrap();
    let ids: Vec<_> = result.candidates.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["2103", "593", "999"]);
    assert_eq!(
        result.candidates[0].poster_url.as_deref(),
        Some("https://image.tmdb.org/t/p/w342/qLhEXW1wrdFr3h6LF1fnHXcKAQ5.jpg")
    );
    assert_eq!(result.candidates[2].poster_url, None);
    assert_eq!(result.candidates[2].year, None);
    assert_eq!(
        result.candidates[1].original_title.as_deref(),
        Some("Солярис")
    );
    let asked = server.asked.lock().unwrap().clone();
    assert!(
        asked.iter().any(|url| url.contains("year=1972")),
        "{asked:?}"
    );
}

#[test]
fn a_tmdb_film_found_by_imdb_id_has_cast_in_billing_order_with_characters_and_crew_by_job() {
    let server = TestServer::start(tmdb);
    let film = reference(&server.url)
        .fetch(&ExternalId::new("imdb", "tt0245429"), None)
        .unwrap()
        .unwrap();
    assert_eq!(film.source, ReferenceSource::Tmdb);
    assert_eq!(film.original_title.as_deref(), Some("千と千尋の神隠し"));
    assert_eq!(film.runtime_minutes, Some(125));
    let cast: Vec<_> = film
        .credits
        .iter()
        .filter(|c| c.role == CreditRole::Actor)
        .map(|c| (c.order, c.name.as_str()))
        .collect();
    assert_eq!(
        cast,
        [(0, "Rumi Hiiragi"), (1, "Miyu Irino"), (2, "Mari Natsuki")]
    );
    assert_eq!(film.people(CreditRole::Director), ["Hayao Miyazaki"]);
    assert_eq!(film.people(CreditRole::Writer), ["Hayao Miyazaki"]);
    assert_eq!(film.people(CreditRole::Cinematographer), ["Atsushi Okui"]);
    assert!(
        film.credits.iter().all(|c| c.name != "Someone"),
        "caterers are not credited"
    );
    assert_eq!(film.genres, ["Animation", "Family", "Fantasy"]);
    assert_eq!(film.external_id("wikidata"), Some("Q155653"));
    assert_eq!(film.external_id("imdb"), Some("tt0245429"));
    assert_eq!(
        film.synopsis
            .as_deref()
            .map(|s| s.starts_with("A young girl")),
        Some(true)
    );
}

#[test]
fn the_tmdb_key_never_appears_in_an_error_or_the_cache() {
    let server = TestServer::start(|_: &reference_support::Asked| {
        reference_support::Reply::Text(500, "oops".into())
    });
    let dir = tempfile::tempdir().unwrap();
    let failing =
        options(&server.url).with_cache_beside(dir.path().join("catalog.sqlite").to_str().unwrap());
    let error = Reference::new(failing)
        .unwrap()
        .lookup(None, "Solaris", None, ReferenceSource::Tmdb, 5)
        .unwrap_err();
    assert_eq!(error.to_string(), "TMDB answered 500");
    assert!(!format!("{error:?}").contains(TMDB_KEY));

    let tmdb_server = TestServer::start(tmdb);
    let options = options(&tmdb_server.url)
        .with_cache_beside(dir.path().join("catalog.sqlite").to_str().unwrap());
    Reference::new(options)
        .unwrap()
        .lookup(None, "Solaris", None, ReferenceSource::Tmdb, 5)
        .unwrap();
    let cache = rusqlite::Connection::open(dir.path().join("cache.sqlite")).unwrap();
    let keys: Vec<String> = cache
        .prepare("SELECT key FROM answers")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(keys.len(), 2, "configuration and search: {keys:?}");
    assert!(keys.iter().all(|key| !key.contains(TMDB_KEY)), "{keys:?}");
}

#[test]
fn tmdb_without_a_key_asks_for_one() {
    let mut options = options("http://127.0.0.1:9");
    options.tmdb_key = None;
    let error = Reference::new(options)
        .unwrap()
        .lookup(None, "Solaris", None, ReferenceSource::Tmdb, 5)
        .unwrap_err();
    assert_eq!(error.kind(), cinedex_catalog::ErrorKind::Invalid);
    assert!(error.to_string().contains("tmdb-key"), "{error}");
}

#[test]
fn a_tmdb_search_hit_picked_is_fetched_in_full_with_its_crew() {
    let server = TestServer::start(tmdb);
    let reference = reference(&server.url);
    let hit = reference
        .lookup(None, "Solaris", Some(1972), ReferenceSource::Tmdb, 10)
        .unwrap()
        .candidates
        .into_iter()
        .find(|c| c.id == "593")
        .unwrap();
    assert!(!hit.film.complete, "a search hit is a summary");
    assert!(hit.directors.is_empty());
    let full = reference
        .candidate(None, ReferenceSource::Tmdb, "593")
        .unwrap()
        .unwrap();
    assert!(full.film.complete);
    assert_eq!(full.directors, ["Andrei Tarkovsky"]);
    assert_eq!(full.facts.runtime_minutes, Some(167));
    assert!(full
        .facts
        .credits
        .iter()
        .any(|c| c.name == "Natalya Bondarchuk" && c.character.as_deref() == Some("Hari")));
    assert!(full.external_ids.iter().any(|id| id.value == "tt0069293"));
    let unknown = reference
        .candidate(None, ReferenceSource::Tmdb, "424242")
        .unwrap_err();
    assert_eq!(unknown.to_string(), "TMDB answered 404");
}
