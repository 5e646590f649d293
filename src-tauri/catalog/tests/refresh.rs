//! Refreshing a film from a reference film (no network: the reference's answer is made here):
//! the comparison, filling blanks, taking fields, and — against a model, over random films and
//! random choices — that nothing but the chosen fields changes and nothing is ever blanked.

use cinedex_catalog::*;
use cinedex_catalog::{
    CreditRole as RefRole, FieldStatus, ReferenceCredit, ReferenceFilm, ReferenceSource, Take,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn reference() -> ReferenceFilm {
    let mut film = ReferenceFilm::new(ReferenceSource::Wikidata, "Q1140578", "Innocence");
    film.year = Some(2004);
    film.original_title = Some("イノセンス".into());
    film.runtime_minutes = Some(99);
    film.genres = vec!["anime".into(), "science fiction film".into()];
    film.credits = vec![
        ReferenceCredit {
            role: RefRole::Director,
            name: "Mamoru Oshii".into(),
            order: 0,
            character: None,
            person_id: None,
        },
        ReferenceCredit {
            role: RefRole::Writer,
            name: "Mamoru Oshii".into(),
            order: 0,
            character: None,
            person_id: None,
        },
    ];
    film.external_ids = vec![ExternalId::new("wikidata", "Q1140578")];
    film
}

fn catalog_with_film() -> (Catalog, i64) {
    let c = Catalog::open_in_memory().unwrap();
    let film = c
        .add_film(&FilmInput {
            title: "Innocence".into(),
            year: Some(2003),
            directors: vec!["mamoru oshii".into()],
            themes: vec!["dolls".into()],
            facts: Some(FilmFacts {
                synopsis: Some("My own summary.".into()),
                external_ids: vec![ExternalId::new("imdb", "tt0347246")],
                ..Default::default()
            }),
            ..Default::default()
        })
        .unwrap();
    (c, film.id)
}

fn status_of(refresh: &Refresh, field: &str) -> FieldStatus {
    refresh
        .fields
        .iter()
        .find(|f| f.field == field)
        .unwrap_or_else(|| panic!("no field {field}"))
        .status
}

#[test]
fn a_comparison_shows_each_field_and_writes_nothing() {
    let (c, id) = catalog_with_film();
    let before = c.get_film(id).unwrap();
    let refresh = c
        .refresh_film_from(id, &reference(), &Take::Nothing)
        .unwrap();
    assert_eq!(status_of(&refresh, "year"), FieldStatus::Differs);
    // Case and accents aside, the directors agree.
    assert_eq!(status_of(&refresh, "directors"), FieldStatus::Same);
    assert_eq!(status_of(&refresh, "genres"), FieldStatus::Fill);
    assert_eq!(status_of(&refresh, "writers"), FieldStatus::Fill);
    assert_eq!(status_of(&refresh, "synopsis"), FieldStatus::Absent);
    assert_eq!(status_of(&refresh, "externalIds"), FieldStatus::Fill);
    assert!(refresh.applied.is_empty());
    assert_eq!(c.get_film(id).unwrap(), before);
}

#[test]
fn fill_takes_blanks_only_and_take_replaces_the_fields_named() {
    let (c, id) = catalog_with_film();
    let filled = c
        .refresh_film_from(id, &reference(), &Take::Blanks)
        .unwrap();
    assert_eq!(
        filled.applied,
        [
            "originalTitle",
            "runtimeMinutes",
            "writers",
            "genres",
            "externalIds"
        ]
    );
    let detail = c.get_film(id).unwrap();
    assert_eq!(detail.film.year, Some(2003), "a differing year is kept");
    assert_eq!(detail.facts.runtime_minutes, Some(99));
    assert_eq!(detail.facts.synopsis.as_deref(), Some("My own summary."));
    assert_eq!(detail.film.themes, ["dolls"]);
    let ids: Vec<_> = detail
        .facts
        .external_ids
        .iter()
        .map(|i| i.source.as_str())
        .collect();
    assert_eq!(ids, ["imdb", "wikidata"], "ids are added, never dropped");

    let taken = c
        .refresh_film_from(id, &reference(), &Take::Fields(vec!["year".into()]))
        .unwrap();
    assert_eq!(taken.applied, ["year"]);
    assert_eq!(c.get_film(id).unwrap().film.year, Some(2004));
    assert_eq!(status_of(&taken, "year"), FieldStatus::Same);

    let before = c.get_film(id).unwrap();
    match c.refresh_film_from(id, &reference(), &Take::Fields(vec!["budget".into()])) {
        Err(CatalogError::Invalid { field, message }) => {
            assert_eq!(field, "take");
            assert!(
                message.contains("budget") && message.contains("genres"),
                "{message}"
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(c.get_film(id).unwrap(), before);
}

#[test]
fn a_film_without_ids_says_how_to_get_one() {
    let c = Catalog::open_in_memory().unwrap();
    let film = c
        .add_film(&FilmInput {
            title: "Stalker".into(),
            ..Default::default()
        })
        .unwrap();
    let reference = Reference::new(ReferenceOptions::default()).unwrap();
    match c.refresh_film(&reference, film.id, None, &Take::Nothing) {
        Err(CatalogError::Invalid { field, message }) => {
            assert_eq!(field, "film");
            assert!(
                message.contains("no Wikidata, IMDb or TMDB id"),
                "{message}"
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Field names a refresh may take, as `--take` spells them.
const TAKEABLE: [&str; 8] = [
    "year",
    "runtimeMinutes",
    "writers",
    "cast",
    "genres",
    "countries",
    "originalLanguage",
    "synopsis",
];

fn maybe_names() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::sample::select(vec!["Ann", "Bo", "Cy", "Dee"]), 0..3).prop_map(
        |v| {
            let mut names: Vec<String> = v.into_iter().map(str::to_owned).collect();
            names.dedup();
            names
        },
    )
}

fn maybe_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop::sample::select(vec!["one", "two"]).prop_map(str::to_owned))
}

#[derive(Debug, Clone)]
struct Facts {
    year: Option<i32>,
    runtime: Option<u32>,
    writers: Vec<String>,
    cast: Vec<String>,
    genres: Vec<String>,
    countries: Vec<String>,
    language: Option<String>,
    synopsis: Option<String>,
}

fn facts() -> impl Strategy<Value = Facts> {
    (
        prop::option::of(2000..2003i32),
        prop::option::of(90..92u32),
        maybe_names(),
        maybe_names(),
        maybe_names(),
        maybe_names(),
        maybe_text(),
        maybe_text(),
    )
        .prop_map(
            |(year, runtime, writers, cast, genres, countries, language, synopsis)| Facts {
                year,
                runtime,
                writers,
                cast,
                genres,
                countries,
                language,
                synopsis,
            },
        )
}

fn values(f: &Facts, field: &str) -> Vec<String> {
    let one = |v: Option<String>| v.into_iter().collect::<Vec<_>>();
    match field {
        "year" => one(f.year.map(|y| y.to_string())),
        "runtimeMinutes" => one(f.runtime.map(|m| m.to_string())),
        "writers" => f.writers.clone(),
        "cast" => f.cast.clone(),
        "genres" => f.genres.clone(),
        "countries" => f.countries.clone(),
        "originalLanguage" => one(f.language.clone()),
        _ => one(f.synopsis.clone()),
    }
}

fn stored(c: &Catalog, id: i64) -> Facts {
    let d = c.get_film(id).unwrap();
    Facts {
        year: d.film.year,
        runtime: d.facts.runtime_minutes,
        writers: d.facts.people(CreditRole::Writer),
        cast: d.facts.people(CreditRole::Actor),
        genres: d.facts.genres.clone(),
        countries: d.facts.countries.clone(),
        language: d.facts.original_language.clone(),
        synopsis: d.facts.synopsis.clone(),
    }
}

fn credits(role: CreditRole, names: &[String]) -> Vec<Credit> {
    names
        .iter()
        .map(|n| Credit {
            role,
            name: n.clone(),
            character: None,
        })
        .collect()
}

#[test]
fn refreshing_changes_only_chosen_fields_to_the_references_and_never_blanks_one() {
    let choice = prop_oneof![
        Just(Take::Nothing),
        Just(Take::Blanks),
        Just(Take::All),
        prop::collection::vec(prop::sample::select(TAKEABLE.to_vec()), 0..4)
            .prop_map(|v| Take::Fields(v.into_iter().map(str::to_owned).collect())),
    ];
    let steps = prop::collection::vec((facts(), choice), 1..6);
    TestRunner::new(Config::with_cases(48))
        .run(&(facts(), steps), |(mine, steps)| {
            let c = Catalog::open_in_memory().unwrap();
            let film = c
                .add_film(&FilmInput {
                    title: "Film".into(),
                    year: mine.year,
                    themes: vec!["mine".into()],
                    facts: Some(FilmFacts {
                        runtime_minutes: mine.runtime,
                        credits: [
                            credits(CreditRole::Writer, &mine.writers),
                            credits(CreditRole::Actor, &mine.cast),
                        ]
                        .concat(),
                        genres: mine.genres.clone(),
                        countries: mine.countries.clone(),
                        original_language: mine.language.clone(),
                        synopsis: mine.synopsis.clone(),
                        external_ids: vec![],
                    }),
                    ..Default::default()
                })
                .unwrap();
            // The model: the catalog's facts, changed only as the rules say.
            let mut model = mine;
            for (theirs, take) in steps {
                let mut reference = ReferenceFilm::new(ReferenceSource::Wikidata, "Q1", "Film");
                reference.year = theirs.year;
                reference.runtime_minutes = theirs.runtime;
                reference.genres = theirs.genres.clone();
                reference.countries = theirs.countries.clone();
                reference.original_language = theirs.language.clone();
                reference.synopsis = theirs.synopsis.clone();
                for (role, names) in [
                    (RefRole::Writer, &theirs.writers),
                    (RefRole::Actor, &theirs.cast),
                ] {
                    for (order, name) in names.iter().enumerate() {
                        reference.credits.push(ReferenceCredit {
                            role,
                            name: name.clone(),
                            order: order as u32,
                            character: None,
                            person_id: None,
                        });
                    }
                }
                let refresh = c.refresh_film_from(film.id, &reference, &take).unwrap();
                for field in TAKEABLE {
                    let (ours, theirs_v) = (values(&model, field), values(&theirs, field));
                    let wanted = match &take {
                        Take::Nothing => false,
                        Take::Blanks => ours.is_empty(),
                        Take::All => true,
                        Take::Fields(names) => names.iter().any(|n| n == field),
                    };
                    let taken = wanted && !theirs_v.is_empty() && ours != theirs_v;
                    prop_assert_eq!(
                        taken,
                        refresh.applied.iter().any(|a| a == field),
                        "{}",
                        field
                    );
                    if taken {
                        set(&mut model, field, &theirs);
                    }
                }
                let now = stored(&c, film.id);
                for field in TAKEABLE {
                    prop_assert_eq!(values(&now, field), values(&model, field), "{}", field);
                }
                prop_assert_eq!(
                    c.get_film(film.id).unwrap().film.themes,
                    vec!["mine".to_owned()]
                );
            }
            Ok(())
        })
        .unwrap();
}

fn set(model: &mut Facts, field: &str, theirs: &Facts) {
    match field {
        "year" => model.year = theirs.year,
        "runtimeMinutes" => model.runtime = theirs.runtime,
        "writers" => model.writers = theirs.writers.clone(),
        "cast" => model.cast = theirs.cast.clone(),
        "genres" => model.genres = theirs.genres.clone(),
        "countries" => model.countries = theirs.countries.clone(),
        "originalLanguage" => model.language = theirs.language.clone(),
        _ => model.synopsis = theirs.synopsis.clone(),
    }
}
