//! Person pages: a person's films in the catalog by role with what has been seen of them, found
//! by name (case and accents aside) or id; their ids at the reference, stored as films are added;
//! the rest of their filmography from the reference, on demand, and one-click watchlist adds.

use crate::reference_support;
use cinedex_catalog::{
    Catalog, CatalogError, ErrorKind, FilmInput, SeenStatus, ViewingInput, WatchStatus,
};
use cinedex_catalog::{
    CreditRole, ExternalId, Reference, ReferenceCredit, ReferenceFilm, ReferenceSource,
};
use reference_support::{options, tmdb, wikidata, Asked, TestServer};

fn film(catalog: &Catalog, title: &str, year: i32, directors: &[&str]) -> i64 {
    catalog
        .add_film(&FilmInput {
            title: title.into(),
            year: Some(year),
            directors: directors.iter().map(|d| d.to_string()).collect(),
            ..FilmInput::default()
        })
        .unwrap()
        .id
}

fn seen(catalog: &Catalog, film_id: i64, rating: Option<f64>) {
    catalog
        .add_viewing(
            film_id,
            &ViewingInput {
                watched_on: "2024-05-01".into(),
                rating,
                ..ViewingInput::default()
            },
        )
        .unwrap();
}

fn both_services() -> TestServer {
    TestServer::start(|asked: &Asked| {
        if asked.path == "/w/api.php" {
            wikidata(asked)
        } else {
            tmdb(asked)
        }
    })
}

/// Wikidata only: no TMDB key, so nothing asks for a poster.
fn wikidata_only(url: &str) -> Reference {
    let mut options = options(url);
    options.tmdb_key = None;
    Reference::new(options).unwrap()
}

fn add_from(catalog: &Catalog, reference: &Reference, id: &str) -> i64 {
    let id = ExternalId::parse(id).unwrap();
    let found = reference.fetch(&id, None).unwrap().expect("a film");
    catalog
        .add_film_from_reference(&found, &FilmInput::default())
        .unwrap()
        .id
}

#[test]
fn a_person_page_lists_their_catalog_films_by_role_with_what_was_seen_and_rated() {
    let catalog = Catalog::open_in_memory().unwrap();
    let cleo = film(&catalog, "Cléo from 5 to 7", 1962, &["Agnès Varda"]);
    let vagabond = film(&catalog, "Vagabond", 1985, &["Agnès Varda"]);
    let gleaners = film(&catalog, "The Gleaners and I", 2000, &["Agnès Varda"]);
    film(&catalog, "Jules and Jim", 1962, &["François Truffaut"]);
    seen(&catalog, cleo, Some(4.5));
    catalog
        .set_watch_status(vagabond, WatchStatus::Watchlist)
        .unwrap();

    let page = catalog.person("Agnès Varda").unwrap();
    assert_eq!(page.person.name, "Agnès Varda");
    assert_eq!(page.roles.len(), 1, "{:?}", page.roles);
    let directed = &page.roles[0];
    assert_eq!(directed.role, CreditRole::Director);
    assert_eq!((directed.seen, directed.total), (1, 3));
    let titles: Vec<&str> = directed.films.iter().map(|f| f.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Cléo from 5 to 7", "Vagabond", "The Gleaners and I"]
    );
    assert_eq!(directed.films[0].status, SeenStatus::Seen);
    assert_eq!(directed.films[0].rating, Some(4.5));
    assert_eq!(directed.films[1].status, SeenStatus::Watchlist);
    assert_eq!(directed.films[2].status, SeenStatus::NotSeen);
    assert_eq!(directed.films[2].film_id, gleaners);
    assert!(page.filmography.is_none());
}

#[test]
fn a_person_is_found_by_name_whatever_its_case_and_accents_and_by_id() {
    let catalog = Catalog::open_in_memory().unwrap();
    film(&catalog, "Cléo from 5 to 7", 1962, &["Agnès Varda"]);
    let by_name = catalog.person("  agnes VARDA ").unwrap();
    assert_eq!(by_name.person.name, "Agnès Varda");
    let by_id = catalog.person(&by_name.person.id.to_string()).unwrap();
    assert_eq!(by_id.person, by_name.person);
    assert_eq!(
        catalog.person_by_id(by_name.person.id).unwrap().person,
        by_name.person
    );
}

#[test]
fn an_unknown_person_is_not_found_and_an_empty_name_is_refused() {
    let catalog = Catalog::open_in_memory().unwrap();
    film(&catalog, "Cléo from 5 to 7", 1962, &["Agnès Varda"]);
    let unknown = catalog.person("Jacques Demy").unwrap_err();
    assert_eq!(unknown.kind(), ErrorKind::NotFound, "{unknown}");
    assert!(unknown.to_string().contains("Jacques Demy"), "{unknown}");
    assert_eq!(
        catalog.person("9999").unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(
        catalog.person("Q1").unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert!(matches!(
        catalog.person("   "),
        Err(CatalogError::Invalid {
            field: "person",
            ..
        })
    ));
}

#[test]
fn a_film_added_from_wikidata_gives_its_people_their_q_ids() {
    let server = both_services();
    let catalog = Catalog::open_in_memory().unwrap();
    add_from(&catalog, &wikidata_only(&server.url), "wikidata:Q155653");
    let page = catalog.person("Q55400").unwrap();
    assert_eq!(page.person.name, "Hayao Miyazaki");
    assert_eq!(page.person.wikidata_id.as_deref(), Some("Q55400"));
    let composer = catalog.person("Joe Hisaishi").unwrap();
    assert_eq!(composer.person.wikidata_id.as_deref(), Some("Q193338"));
}

#[test]
fn a_film_added_from_tmdb_gives_its_people_their_tmdb_ids() {
    let server = both_services();
    let catalog = Catalog::open_in_memory().unwrap();
    add_from(
        &catalog,
        &reference_support::reference(&server.url),
        "tmdb:129",
    );
    let page = catalog.person("tmdb:608").unwrap();
    assert_eq!(page.person.name, "Hayao Miyazaki");
    assert_eq!(page.person.tmdb_id.as_deref(), Some("608"));
    let roles: Vec<CreditRole> = page.roles.iter().map(|r| r.role).collect();
    assert!(roles.contains(&CreditRole::Director), "{roles:?}");
}

#[test]
fn a_person_the_reference_names_differently_stays_the_one_person_of_the_catalog() {
    let server = both_services();
    let catalog = Catalog::open_in_memory().unwrap();
    add_from(&catalog, &wikidata_only(&server.url), "wikidata:Q155653");
    let mut other = ReferenceFilm::new(ReferenceSource::Wikidata, "Q39571", "My Neighbor Totoro");
    other.year = Some(1988);
    other.credits.push(ReferenceCredit {
        role: CreditRole::Director,
        name: "宮崎駿".into(),
        order: 0,
        character: None,
        person_id: Some(ExternalId::new("wikidata", "Q55400")),
    });
    other
        .external_ids
        .push(ExternalId::new("wikidata", "Q39571"));
    let added = catalog
        .add_film_from_reference(&other, &FilmInput::default())
        .unwrap();
    assert_eq!(added.directors, ["Hayao Miyazaki"]);
    let page = catalog.person("Q55400").unwrap();
    assert_eq!(page.roles[0].total, 2, "{:?}", page.roles);
}

#[test]
fn the_filmography_from_wikidata_marks_the_films_already_in_the_catalog() {
    let server = both_services();
    let reference = wikidata_only(&server.url);
    let catalog = Catalog::open_in_memory().unwrap();
    let spirited = add_from(&catalog, &reference, "wikidata:Q155653");
    let page = catalog.person("Hayao Miyazaki").unwrap();
    let page = catalog.person_filmography(&reference, page).unwrap();
    assert_eq!(page.person.birth_year, Some(1941));
    let filmography = page.filmography.expect("asked for");
    assert_eq!(filmography.source, "wikidata");
    let titles: Vec<(&str, Option<i64>)> = filmography
        .entries
        .iter()
        .map(|e| (e.title.as_str(), e.in_catalog))
        .collect();
    assert_eq!(
        titles,
        [
            ("My Neighbor Totoro", None),
            ("Princess Mononoke", None),
            ("Spirited Away", Some(spirited)),
        ]
    );
    let totoro = &filmography.entries[0];
    assert_eq!(totoro.reference_id, "wikidata:Q39571");
    assert_eq!(totoro.year, Some(1988));
    assert_eq!(totoro.roles, [CreditRole::Director, CreditRole::Writer]);
    let asked = server.asked.lock().unwrap().join("\n");
    assert!(asked.contains("haswbstatement%3AP57%3DQ55400"), "{asked}");
}

#[test]
fn the_filmography_from_tmdb_comes_from_the_persons_movie_credits() {
    let server = both_services();
    let reference = reference_support::reference(&server.url);
    let catalog = Catalog::open_in_memory().unwrap();
    let spirited = add_from(&catalog, &reference, "tmdb:129");
    let page = catalog.person("tmdb:608").unwrap();
    let page = catalog.person_filmography(&reference, page).unwrap();
    let filmography = page.filmography.unwrap();
    assert_eq!(filmography.source, "tmdb");
    assert_eq!(filmography.birth_year, Some(1941));
    let spirited_entry = filmography
        .entries
        .iter()
        .find(|e| e.reference_id == "tmdb:129")
        .unwrap();
    assert_eq!(spirited_entry.in_catalog, Some(spirited));
    assert_eq!(
        spirited_entry.roles,
        [CreditRole::Director, CreditRole::Writer],
        "one entry per film, every role of theirs on it"
    );
    assert_eq!(filmography.entries.len(), 3);
    let photo = filmography.photo_url.expect("TMDB has a photo of him");
    assert!(
        photo.ends_with("/w185/mG3cfxtA5jqDc7fpKgyzZMKoXDh.jpg"),
        "{photo}"
    );
    assert!(reference.poster_url_allowed(&photo).is_ok(), "{photo}");
}

#[test]
fn offline_the_filmography_is_refused_clearly_and_the_catalog_part_still_works() {
    let server = both_services();
    let catalog = Catalog::open_in_memory().unwrap();
    add_from(&catalog, &wikidata_only(&server.url), "wikidata:Q155653");
    let mut offline = options(&server.url);
    offline.tmdb_key = None;
    offline.http.offline = true;
    let offline = Reference::new(offline).unwrap();
    let page = catalog.person("Hayao Miyazaki").unwrap();
    let error = catalog.person_filmography(&offline, page).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Offline, "{error}");
    assert!(error.to_string().contains("offline"), "{error}");
    assert_eq!(catalog.person("Hayao Miyazaki").unwrap().roles[0].total, 1);
}

#[test]
fn a_person_without_reference_ids_has_no_filmography_to_ask_for() {
    let server = both_services();
    let catalog = Catalog::open_in_memory().unwrap();
    film(&catalog, "Cléo from 5 to 7", 1962, &["Agnès Varda"]);
    let page = catalog.person("Agnès Varda").unwrap();
    let error = catalog
        .person_filmography(&wikidata_only(&server.url), page)
        .unwrap_err();
    assert!(
        matches!(
            error,
            CatalogError::Invalid {
                field: "person",
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(server.requests(), 0);
}

#[test]
fn adding_a_ghost_film_to_the_watchlist_takes_one_step_and_counts_on_the_page() {
    let server = both_services();
    let reference = wikidata_only(&server.url);
    let catalog = Catalog::open_in_memory().unwrap();
    let spirited = add_from(&catalog, &reference, "wikidata:Q155653");
    seen(&catalog, spirited, None);
    let totoro = catalog
        .add_to_watchlist(&reference, "wikidata:Q39571")
        .unwrap();
    assert_eq!(totoro.title, "My Neighbor Totoro");
    assert_eq!(totoro.watch_status, WatchStatus::Watchlist);
    let again = catalog
        .add_to_watchlist(&reference, "wikidata:Q39571")
        .unwrap();
    assert_eq!(again.id, totoro.id, "never added twice");
    let kept = catalog
        .add_to_watchlist(&reference, "wikidata:Q155653")
        .unwrap();
    assert_ne!(
        kept.watch_status,
        WatchStatus::Watchlist,
        "a seen film stays seen"
    );

    let page = catalog.person("Q55400").unwrap();
    let directed = page
        .roles
        .iter()
        .find(|r| r.role == CreditRole::Director)
        .unwrap();
    assert_eq!((directed.seen, directed.total), (1, 2));
    assert_eq!(directed.films[0].status, SeenStatus::Watchlist);
}

#[test]
fn director_varda_is_unseen_finds_her_films_not_yet_seen() {
    let catalog = Catalog::open_in_memory().unwrap();
    let cleo = film(&catalog, "Cléo from 5 to 7", 1962, &["Agnès Varda"]);
    film(&catalog, "Vagabond", 1985, &["Agnès Varda"]);
    film(&catalog, "Jules and Jim", 1962, &["François Truffaut"]);
    catalog
        .set_watch_status(cleo, WatchStatus::Watched)
        .unwrap();
    let results = catalog.search("director:varda is:unseen", 20, 0).unwrap();
    let titles: Vec<&str> = results.hits.iter().map(|h| h.film.title.as_str()).collect();
    assert_eq!(titles, ["Vagabond"]);
}

#[test]
fn refreshing_a_film_from_wikidata_gives_the_people_it_credits_their_q_ids() {
    let server = both_services();
    let catalog = Catalog::open_in_memory().unwrap();
    let id = catalog
        .add_film(&FilmInput {
            title: "Spirited Away".into(),
            year: Some(2001),
            directors: vec!["Hayao Miyazaki".into()],
            facts: Some(cinedex_catalog::FilmFacts {
                external_ids: vec![ExternalId::new("wikidata", "Q155653")],
                ..Default::default()
            }),
            ..FilmInput::default()
        })
        .unwrap()
        .id;
    assert_eq!(
        catalog.person("Q55400").unwrap_err().kind(),
        ErrorKind::NotFound
    );
    catalog
        .refresh_film(
            &wikidata_only(&server.url),
            id,
            None,
            &cinedex_catalog::Take::Blanks,
        )
        .unwrap();
    assert_eq!(
        catalog.person("Q55400").unwrap().person.name,
        "Hayao Miyazaki"
    );
}
