//! Two people who share a name stay two people: credits that come with a reference id go to the
//! person carrying it, a namesake with another id gets a row of their own, a film saved again
//! keeps crediting the one it credited, and an export carries each credit's ids through an import.

use std::path::Path;

use crate::support::film;
use cinedex_catalog::{Catalog, ErrorKind, FilmInput, ImportOptions, ImportSource};
use cinedex_catalog::{
    CreditRole, ExternalId, ReferenceCredit, ReferenceFilm, ReferenceSource, Take,
};

const NAME: &str = "John Smith";

/// A Wikidata film `qid` directed by `NAME`, the person `person_qid`.
fn directed_by(qid: &str, title: &str, year: i32, person_qid: &str) -> ReferenceFilm {
    let mut film = ReferenceFilm::new(ReferenceSource::Wikidata, qid, title);
    film.year = Some(year);
    film.credits.push(ReferenceCredit {
        role: CreditRole::Director,
        name: NAME.into(),
        order: 0,
        character: None,
        person_id: Some(ExternalId::new("wikidata", person_qid)),
    });
    film.external_ids.push(ExternalId::new("wikidata", qid));
    film
}

fn add(catalog: &Catalog, film: &ReferenceFilm) -> i64 {
    catalog
        .add_film_from_reference(film, &FilmInput::default())
        .unwrap()
        .id
}

/// The catalog person film `film_id` credits as its director.
fn director_of(catalog: &Catalog, film_id: i64) -> i64 {
    let detail = catalog.get_film(film_id).unwrap();
    let directors: Vec<_> = detail
        .people
        .iter()
        .filter(|p| p.role == CreditRole::Director)
        .collect();
    assert_eq!(directors.len(), 1, "{:?}", detail.people);
    assert_eq!(directors[0].name, NAME);
    directors[0].person_id
}

fn titles_directed(catalog: &Catalog, person: &str) -> Vec<String> {
    let page = catalog.person(person).unwrap();
    page.roles
        .iter()
        .filter(|r| r.role == CreditRole::Director)
        .flat_map(|r| r.films.iter().map(|f| f.title.clone()))
        .collect()
}

#[test]
fn two_directors_who_share_a_name_are_two_people_each_with_their_own_films() {
    let catalog = Catalog::open_in_memory().unwrap();
    let first = add(
        &catalog,
        &directed_by("Q1001", "Harbour Lights", 1952, "Q501"),
    );
    let second = add(&catalog, &directed_by("Q1002", "Night Train", 2011, "Q502"));

    assert_ne!(director_of(&catalog, first), director_of(&catalog, second));
    assert_eq!(titles_directed(&catalog, "Q501"), ["Harbour Lights"]);
    assert_eq!(titles_directed(&catalog, "Q502"), ["Night Train"]);
    let by_name = catalog.person(NAME).unwrap_err();
    assert_eq!(by_name.kind(), ErrorKind::Invalid);
    let message = by_name.to_string();
    for film in [first, second] {
        let id = director_of(&catalog, film).to_string();
        assert!(message.contains(&id), "{message} names {id}");
    }
    let named = catalog.people_named("john SMITH").unwrap();
    let films: Vec<_> = named
        .iter()
        .map(|page| page.roles[0].films[0].title.as_str())
        .collect();
    assert_eq!(
        films,
        ["Harbour Lights", "Night Train"],
        "first known first"
    );
    // Both are found by name in search, each on their own film.
    let found = catalog.search("director:smith", 10, 0).unwrap();
    assert_eq!(found.total, 2);
}

#[test]
fn a_third_film_of_either_namesake_joins_the_right_one() {
    let catalog = Catalog::open_in_memory().unwrap();
    add(
        &catalog,
        &directed_by("Q1001", "Harbour Lights", 1952, "Q501"),
    );
    add(&catalog, &directed_by("Q1002", "Night Train", 2011, "Q502"));
    let third = add(&catalog, &directed_by("Q1003", "Day Train", 2014, "Q502"));

    assert_eq!(
        titles_directed(&catalog, "Q502"),
        ["Night Train", "Day Train"]
    );
    assert_eq!(titles_directed(&catalog, "Q501"), ["Harbour Lights"]);
    let page = catalog.person_by_id(director_of(&catalog, third)).unwrap();
    assert_eq!(page.person.wikidata_id.as_deref(), Some("Q502"));
}

#[test]
fn completing_a_typed_film_moves_its_credit_to_the_namesake_the_reference_names() {
    let catalog = Catalog::open_in_memory().unwrap();
    add(
        &catalog,
        &directed_by("Q1001", "Harbour Lights", 1952, "Q501"),
    );
    // Typed (or imported from Letterboxd) by name alone: it goes to the first John Smith…
    let typed = film("Night Train")
        .year(2011)
        .directors([NAME])
        .add(&catalog)
        .id;
    let first_smith = catalog.person("Q501").unwrap().person.id;
    assert_eq!(director_of(&catalog, typed), first_smith);

    // …until the reference says which John Smith directed it, though no field is blank.
    let theirs = directed_by("Q1002", "Night Train", 2011, "Q502");
    catalog
        .refresh_film_from(typed, &theirs, &Take::Blanks)
        .unwrap();
    let second_smith = director_of(&catalog, typed);
    assert_ne!(second_smith, first_smith);
    assert_eq!(titles_directed(&catalog, "Q502"), ["Night Train"]);
    assert_eq!(titles_directed(&catalog, "Q501"), ["Harbour Lights"]);

    // A look that writes nothing leaves the credits alone.
    let other = directed_by("Q1003", "Night Train", 2011, "Q503");
    catalog
        .refresh_film_from(typed, &other, &Take::Nothing)
        .unwrap();
    assert_eq!(director_of(&catalog, typed), second_smith);
}

#[test]
fn saving_a_film_again_keeps_crediting_its_own_namesake() {
    let catalog = Catalog::open_in_memory().unwrap();
    add(
        &catalog,
        &directed_by("Q1001", "Harbour Lights", 1952, "Q501"),
    );
    let second = add(&catalog, &directed_by("Q1002", "Night Train", 2011, "Q502"));
    let person = director_of(&catalog, second);

    let mut input = FilmInput {
        title: "Night Train (restored)".into(),
        year: Some(2011),
        directors: vec![NAME.into(), "Ann Lee".into()],
        ..FilmInput::default()
    };
    catalog.update_film(second, &input).unwrap();
    assert_eq!(director_of_named(&catalog, second, NAME), person);
    input.directors = vec![NAME.into()];
    catalog.update_film(second, &input).unwrap();
    assert_eq!(director_of(&catalog, second), person);
    assert_eq!(
        catalog.person("Q502").unwrap().person.id,
        person,
        "the id stays with the person"
    );
}

fn director_of_named(catalog: &Catalog, film_id: i64, name: &str) -> i64 {
    catalog
        .get_film(film_id)
        .unwrap()
        .people
        .iter()
        .find(|p| p.role == CreditRole::Director && p.name == name)
        .map(|p| p.person_id)
        .unwrap()
}

fn go(_: u64, _: u64) -> bool {
    true
}

fn round_trip(catalog: &Catalog, dir: &Path) -> Catalog {
    let path = dir.join("catalog.json");
    catalog
        .export(cinedex_catalog::ExportFormat::Json, &path)
        .unwrap();
    let copy = Catalog::open_in_memory().unwrap();
    copy.import(ImportSource::Json, &path, &ImportOptions::default(), &go)
        .unwrap();
    copy
}

#[test]
fn namesakes_stay_apart_through_a_json_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::open_in_memory().unwrap();
    add(
        &catalog,
        &directed_by("Q1001", "Harbour Lights", 1952, "Q501"),
    );
    add(&catalog, &directed_by("Q1002", "Night Train", 2011, "Q502"));
    add(&catalog, &directed_by("Q1003", "Day Train", 2014, "Q502"));

    let copy = round_trip(&catalog, dir.path());
    assert_eq!(titles_directed(&copy, "Q501"), ["Harbour Lights"]);
    assert_eq!(titles_directed(&copy, "Q502"), ["Night Train", "Day Train"]);
    assert_eq!(copy.person(NAME).unwrap_err().kind(), ErrorKind::Invalid);

    // Importing the same file again changes nobody.
    let path = dir.path().join("again.json");
    copy.export(cinedex_catalog::ExportFormat::Json, &path)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    copy.import(ImportSource::Json, &path, &ImportOptions::default(), &go)
        .unwrap();
    let again = dir.path().join("after.json");
    copy.export(cinedex_catalog::ExportFormat::Json, &again)
        .unwrap();
    let after = std::fs::read(&again).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&before),
        String::from_utf8_lossy(&after)
    );
}

#[test]
fn a_renamed_person_found_by_id_keeps_one_row_and_the_stray_name_is_forgotten() {
    let catalog = Catalog::open_in_memory().unwrap();
    let first = add(
        &catalog,
        &directed_by("Q1001", "Harbour Lights", 1952, "Q501"),
    );
    let typed = film("Night Train")
        .year(2011)
        .directors(["J. Smith"])
        .add(&catalog)
        .id;
    let mut theirs = directed_by("Q1002", "Night Train", 2011, "Q501");
    theirs.credits[0].name = "J. Smith".into();
    catalog
        .refresh_film_from(typed, &theirs, &Take::Blanks)
        .unwrap();
    assert_eq!(
        catalog.get_film(typed).unwrap().people[0].person_id,
        director_of(&catalog, first)
    );
    assert_eq!(
        catalog.person("J. Smith").unwrap_err().kind(),
        ErrorKind::NotFound,
        "no one is credited under the stray name any more"
    );
}

#[test]
fn an_old_catalog_upgraded_keeps_its_people_and_the_search_schemas_trigger_on_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/catalog-v8.sqlite");
    let credits_in = |path: &Path| -> Vec<(i64, String, String)> {
        let conn = rusqlite::Connection::open(path).unwrap();
        let mut statement = conn
            .prepare(
                "SELECT fp.film_id, fp.role, p.name FROM film_people fp
                   JOIN people p ON p.id = fp.person_id ORDER BY 1, 2, fp.position",
            )
            .unwrap();
        let rows = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .unwrap();
        rows.map(Result::unwrap).collect()
    };
    std::fs::copy(&fixture, &path).unwrap();
    let before = credits_in(&path);
    assert!(!before.is_empty());
    let catalog = Catalog::open(&path).unwrap();
    assert!(catalog.check_full().unwrap().ok);
    drop(catalog);
    assert_eq!(credits_in(&path), before);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let trigger: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'search_people_rename'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(trigger, 1);
    let unique: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_index_list('people') WHERE \"unique\" = 1",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(unique, 0, "two people may share a name");
}
