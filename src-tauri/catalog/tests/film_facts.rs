//! A film's facts (cast and crew with characters, genres, countries, language, synopsis, runtime,
//! ids): stored and read whole, kept when an edit leaves them out, refused with the field named,
//! searched, and carried by the JSON and Markdown exports.

use cinedex_catalog::*;

fn catalog() -> Catalog {
    Catalog::open_in_memory().expect("in-memory catalog opens")
}

fn credit(role: CreditRole, name: &str, character: Option<&str>) -> Credit {
    Credit {
        role,
        name: name.into(),
        character: character.map(Into::into),
    }
}

fn innocence_facts() -> FilmFacts {
    FilmFacts {
        runtime_minutes: Some(99),
        credits: vec![
            credit(CreditRole::Actor, "Akio Otsuka", Some("Batou")),
            credit(CreditRole::Writer, "Mamoru Oshii", None),
            credit(CreditRole::Actor, "Atsuko Tanaka", Some("Motoko Kusanagi")),
            credit(CreditRole::Composer, "Kenji Kawai", None),
            credit(CreditRole::Cinematographer, "Miki Sakuma", None),
        ],
        genres: vec!["Science fiction".into(), "Anime".into()],
        countries: vec!["Japan".into()],
        original_language: Some("Japanese".into()),
        synopsis: Some("A cyborg detective investigates gynoids that murder their owners.".into()),
        external_ids: vec![ExternalId::new("wikidata", "Q1140578")],
    }
}

fn innocence(c: &Catalog) -> Film {
    c.add_film(&FilmInput {
        title: "Innocence".into(),
        year: Some(2004),
        directors: vec!["Mamoru Oshii".into()],
        themes: vec!["identity".into()],
        facts: Some(innocence_facts()),
        ..Default::default()
    })
    .expect("a valid film with facts")
}

#[test]
fn facts_are_stored_and_read_back_by_role_in_credit_order() {
    let c = catalog();
    let film = innocence(&c);
    let facts = c.get_film(film.id).unwrap().facts;
    let credits: Vec<(CreditRole, &str, Option<&str>)> = facts
        .credits
        .iter()
        .map(|c| (c.role, c.name.as_str(), c.character.as_deref()))
        .collect();
    assert_eq!(
        credits,
        [
            (CreditRole::Director, "Mamoru Oshii", None),
            (CreditRole::Writer, "Mamoru Oshii", None),
            (CreditRole::Actor, "Akio Otsuka", Some("Batou")),
            (CreditRole::Actor, "Atsuko Tanaka", Some("Motoko Kusanagi")),
            (CreditRole::Composer, "Kenji Kawai", None),
            (CreditRole::Cinematographer, "Miki Sakuma", None),
        ]
    );
    assert_eq!(facts.runtime_minutes, Some(99));
    assert_eq!(facts.genres, ["Science fiction", "Anime"]);
    assert_eq!(facts.countries, ["Japan"]);
    assert_eq!(facts.original_language.as_deref(), Some("Japanese"));
    assert!(facts.synopsis.unwrap().contains("gynoids"));
    assert_eq!(
        facts.external_ids,
        [ExternalId::new("wikidata", "Q1140578")]
    );
    // The themes stay the person's own, apart from the genres.
    assert_eq!(c.get_film(film.id).unwrap().film.themes, ["identity"]);
}

#[test]
fn an_edit_without_facts_keeps_them_and_one_with_facts_replaces_them() {
    let c = catalog();
    let film = innocence(&c);
    let mut input = FilmInput {
        title: "Innocence".into(),
        year: Some(2004),
        directors: vec!["Mamoru Oshii".into()],
        ..Default::default()
    };
    c.update_film(film.id, &input).unwrap();
    assert_eq!(c.get_film(film.id).unwrap().facts.genres.len(), 2);

    input.facts = Some(FilmFacts {
        credits: vec![credit(CreditRole::Writer, "Kazunori Itō", None)],
        genres: vec!["Anime".into()],
        ..Default::default()
    });
    c.update_film(film.id, &input).unwrap();
    let facts = c.get_film(film.id).unwrap().facts;
    assert_eq!(facts.genres, ["Anime"]);
    assert_eq!(facts.people(CreditRole::Writer), ["Kazunori Itō"]);
    assert!(facts.people(CreditRole::Actor).is_empty());
    assert_eq!(facts.people(CreditRole::Director), ["Mamoru Oshii"]);
    assert_eq!(facts.runtime_minutes, None);
    assert!(facts.external_ids.is_empty());
}

fn refused_field(result: Result<Film>) -> String {
    match result {
        Err(CatalogError::Invalid { field, .. }) => field.to_owned(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn bad_facts_are_refused_naming_the_field_and_nothing_is_written() {
    let c = catalog();
    let film = innocence(&c);
    let before = c.get_film(film.id).unwrap();
    let with = |facts: FilmFacts| FilmInput {
        title: "Innocence".into(),
        facts: Some(facts),
        ..Default::default()
    };
    let cases = [
        (
            FilmFacts {
                credits: vec![credit(CreditRole::Director, "Someone", None)],
                ..Default::default()
            },
            "credits",
        ),
        (
            FilmFacts {
                synopsis: Some("x".repeat(5_001)),
                ..Default::default()
            },
            "synopsis",
        ),
        (
            FilmFacts {
                runtime_minutes: Some(0),
                ..Default::default()
            },
            "runtimeMinutes",
        ),
        (
            FilmFacts {
                genres: vec!["g".repeat(101)],
                ..Default::default()
            },
            "genres",
        ),
        (
            FilmFacts {
                external_ids: vec![ExternalId::new("IMDB!", "tt1")],
                ..Default::default()
            },
            "externalIds",
        ),
    ];
    for (facts, field) in cases {
        assert_eq!(refused_field(c.update_film(film.id, &with(facts))), field);
    }
    // An id another film already has names that film.
    let other = c
        .add_film(&with(FilmFacts {
            external_ids: vec![ExternalId::new("imdb", "tt0347246")],
            ..Default::default()
        }))
        .unwrap();
    let taken = c.update_film(
        film.id,
        &with(FilmFacts {
            genres: vec!["Drama".into()],
            external_ids: vec![ExternalId::new("imdb", "tt0347246")],
            ..Default::default()
        }),
    );
    match taken {
        Err(CatalogError::Invalid { field, message }) => {
            assert_eq!(field, "externalIds");
            assert!(message.contains(&format!("film {}", other.id)), "{message}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(c.get_film(film.id).unwrap(), before);
}

#[test]
fn search_finds_synopsis_words_and_filters_and_counts_genres() {
    let c = catalog();
    let film = innocence(&c);
    c.add_film(&FilmInput {
        title: "Stalker".into(),
        year: Some(1979),
        facts: Some(FilmFacts {
            genres: vec!["Drama".into(), "Science fiction".into()],
            ..Default::default()
        }),
        ..Default::default()
    })
    .unwrap();
    let found = c.search("gynoids", 20, 0).unwrap();
    assert_eq!(found.hits.len(), 1);
    assert_eq!(found.hits[0].film.id, film.id);
    assert!(found.hits[0].matched.contains(&MatchField::Synopsis));

    let anime = c.search("genre:anime", 20, 0).unwrap();
    let titles: Vec<_> = anime.hits.iter().map(|h| h.film.title.as_str()).collect();
    assert_eq!(titles, ["Innocence"]);

    let fiction = c.search("genre:\"science fiction\"", 20, 0).unwrap();
    assert_eq!(fiction.hits.len(), 2);
    let facet: Vec<_> = fiction
        .facets
        .genres
        .iter()
        .map(|g| (g.value.as_str(), g.count, g.filter.as_str()))
        .collect();
    assert!(facet.contains(&("Science fiction", 2, "genre:\"Science fiction\"")));
    assert!(facet.contains(&("Drama", 1, "genre:Drama")));

    // Accents and case fold as everywhere else; a new synopsis is searchable at once.
    let mut input = FilmInput {
        title: "Innocence".into(),
        facts: Some(FilmFacts {
            synopsis: Some("Détective à Neo-Tokyo".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    c.update_film(film.id, &input).unwrap();
    assert_eq!(c.search("detective", 20, 0).unwrap().hits.len(), 1);
    assert!(c.search("gynoids", 20, 0).unwrap().hits.is_empty());
    input.facts = None;
    c.update_film(film.id, &input).unwrap();
    assert_eq!(c.search("detective", 20, 0).unwrap().hits.len(), 1);
}

#[test]
fn the_json_export_carries_facts_through_a_round_trip_and_markdown_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open(dir.path().join("a.cinedex")).unwrap();
    let film = innocence(&c);
    let json = dir.path().join("all.json");
    c.export(ExportFormat::Json, &json).unwrap();

    let fresh = Catalog::open(dir.path().join("b.cinedex")).unwrap();
    fresh
        .import(
            ImportSource::Json,
            &json,
            &ImportOptions::default(),
            &|_, _| true,
        )
        .unwrap();
    let id = fresh.list_films(&FilmListQuery::default()).unwrap()[0].id;
    assert_eq!(
        fresh.get_film(id).unwrap().facts,
        c.get_film(film.id).unwrap().facts
    );
    // Importing again fills nothing twice.
    fresh
        .import(
            ImportSource::Json,
            &json,
            &ImportOptions::default(),
            &|_, _| true,
        )
        .unwrap();
    assert_eq!(fresh.get_film(id).unwrap().facts.genres.len(), 2);

    let md = dir.path().join("md");
    c.export(ExportFormat::Markdown, &md).unwrap();
    let file = std::fs::read_dir(&md)
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.path().extension().is_some_and(|x| x == "md"))
        .expect("one Markdown file");
    let text = std::fs::read_to_string(file.path()).unwrap();
    for expected in [
        "genres: [\"Science fiction\", \"Anime\"]",
        "cast: [\"Akio Otsuka\", \"Atsuko Tanaka\"]",
        "original_language: \"Japanese\"",
        "gynoids",
    ] {
        assert!(text.contains(expected), "{expected} missing from\n{text}");
    }
}
