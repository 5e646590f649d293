//! Search: every query form, accents, CJK, typos, ranking, hostile input, and the index staying in
//! step with every kind of write.

use cinedex_catalog::search::generate;
use cinedex_catalog::*;

fn film(
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
        })
        .expect("valid film")
}

fn review(catalog: &Catalog, film_id: i64, kind: ReviewKind, body: &str) -> Review {
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
fn catalog() -> Catalog {
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

fn titles(catalog: &Catalog, query: &str) -> Vec<String> {
    catalog
        .search(query, 20, 0)
        .unwrap_or_else(|e| panic!("{query:?} failed: {e}"))
        .hits
        .into_iter()
        .map(|h| h.film.title)
        .collect()
}

fn assert_index_sound(catalog: &Catalog) {
    let report = catalog.check_search_index().unwrap();
    assert!(report.ok, "{:?}", report.problems);
}

#[test]
fn accents_prefixes_and_cjk_find_their_films() {
    let c = catalog();
    assert_eq!(titles(&c, "amelie"), ["Amélie"]);
    assert_eq!(titles(&c, "AMÉL"), ["Amélie"]);
    let tarko = titles(&c, "tarko");
    assert_eq!(tarko.len(), 2);
    assert!(tarko.contains(&"Stalker".to_owned()) && tarko.contains(&"Solaris".to_owned()));
    assert_eq!(titles(&c, "千と千尋"), ["Spirited Away"]);
    assert_eq!(titles(&c, "千尋"), ["Spirited Away"]);
    assert_eq!(titles(&c, "機動隊"), ["Ghost in the Shell"]);
}

#[test]
fn a_typo_in_a_title_or_name_still_finds_the_film() {
    let c = catalog();
    assert_eq!(titles(&c, "innocense"), ["Innocence"]);
    assert_eq!(titles(&c, "tarkovksy solaris"), ["Solaris"]);
}

#[test]
fn a_title_match_ranks_before_a_match_in_a_review() {
    let c = catalog();
    let results = c.search("zone", 20, 0).unwrap();
    let found: Vec<&str> = results.hits.iter().map(|h| h.film.title.as_str()).collect();
    assert_eq!(found, ["Stalker", "Solaris"]);
    assert_eq!(results.hits[0].matched, [MatchField::Theme]);
    let snippet = results.hits[1]
        .snippet
        .as_ref()
        .expect("a snippet from the review");
    assert_eq!(snippet.kind, ReviewKind::Review);
    let marked: Vec<&str> = snippet
        .text
        .iter()
        .filter(|s| s.hit)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked, ["zone"]);
    let text: String = snippet.text.iter().map(|s| s.text.as_str()).collect();
    assert!(!text.contains("**"), "markdown is shown as text: {text}");
    assert_eq!(results.hits[1].matched, [MatchField::Review]);

    let shell = c.search("ghost", 20, 0).unwrap();
    assert_eq!(
        shell.hits[0].title,
        vec![
            Segment {
                text: "Ghost".into(),
                hit: true
            },
            Segment {
                text: " in the Shell".into(),
                hit: false
            },
        ]
    );
}

#[test]
fn filters_phrases_and_exclusions_narrow_the_results() {
    let c = catalog();
    assert_eq!(titles(&c, "director:oshii year:2004"), ["Innocence"]);
    assert_eq!(
        titles(&c, r#"director:"mamoru oshii" -innocence"#),
        ["Ghost in the Shell"]
    );
    assert_eq!(
        titles(&c, "theme:cyberpunk year:1990..1999"),
        ["Ghost in the Shell"]
    );
    assert_eq!(titles(&c, r#""in the shell""#), ["Ghost in the Shell"]);
    assert_eq!(titles(&c, r#""the in shell""#), Vec::<String>::new());
    assert_eq!(titles(&c, "is:watchlist"), ["Innocence"]);
    assert_eq!(titles(&c, "has:review"), ["Solaris"]);
    assert_eq!(titles(&c, "has:note tarkovsky"), ["Stalker"]);
    assert_eq!(titles(&c, "year:2001"), ["Amélie", "Spirited Away"]);
    assert_eq!(titles(&c, "year:2001 -spirited"), ["Amélie"]);
    assert!(titles(&c, "rating:>=4").is_empty());
    let solaris = c.search("solaris", 1, 0).unwrap().hits[0].film.id;
    c.add_viewing(
        solaris,
        &ViewingInput {
            watched_on: "2024-05-01".into(),
            rating: Some(4.5),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(titles(&c, "rating:>=4"), ["Solaris"]);
    assert_eq!(titles(&c, "rating:<4"), Vec::<String>::new());
}

#[test]
fn facets_count_directors_themes_and_decades_of_the_results() {
    let c = catalog();
    let results = c.search("theme:cyberpunk", 20, 0).unwrap();
    assert_eq!(results.total, 2);
    assert!(!results.total_is_estimate);
    let directors = &results.facets.directors;
    assert_eq!(directors.len(), 1);
    assert_eq!(
        (directors[0].value.as_str(), directors[0].count),
        ("Mamoru Oshii", 2)
    );
    assert_eq!(directors[0].filter, r#"director:"Mamoru Oshii""#);
    let decades: Vec<(&str, u32)> = results
        .facets
        .decades
        .iter()
        .map(|d| (d.value.as_str(), d.count))
        .collect();
    assert_eq!(decades, [("1990s", 1), ("2000s", 1)]);
    // A facet's filter narrows the query to it.
    let narrowed = format!("theme:cyberpunk {}", results.facets.decades[0].filter);
    assert_eq!(titles(&c, &narrowed), ["Ghost in the Shell"]);
}

#[test]
fn every_string_is_a_valid_query() {
    let c = catalog();
    let long = "x".repeat(10_000);
    let words = "the ".repeat(2_500);
    for query in [
        "",
        " ",
        "\"",
        "*",
        "(",
        ")",
        "NEAR(",
        "NEAR(a b",
        "AND OR NOT",
        "a AND",
        "NOT",
        "'; DROP TABLE films; --",
        "🎬",
        "🎬 amelie",
        "^",
        "{title}:x",
        "title:",
        ":",
        "-",
        "--",
        "\"unclosed phrase",
        "year:",
        "year:99999",
        "rating:>=x",
        "director:\"",
        "col:\"x\"y\"",
        long.as_str(),
        words.as_str(),
        "\u{0}",
        "a\u{0}b",
        "\\",
        "%",
        "_",
        "千",
    ] {
        c.search(query, 20, 0)
            .unwrap_or_else(|e| panic!("{query:?}: {e}"));
    }
    assert!(c.search("", 20, 0).unwrap().hits.is_empty());
    assert_eq!(titles(&c, "🎬 amelie"), ["Amélie"]);
    assert_eq!(c.info().unwrap().film_count, 6, "nothing was dropped");
}

#[test]
fn the_index_follows_every_kind_of_write() {
    let c = catalog();
    assert_index_sound(&c);
    let f = film(&c, "Paprika", None, 2006, &["Satoshi Kon"], &["dreams"]);
    assert_eq!(titles(&c, "paprika"), ["Paprika"]);
    assert_index_sound(&c);

    c.update_film(
        f.id,
        &FilmInput {
            title: "Perfect Blue".into(),
            year: Some(1997),
            directors: vec!["Satoshi Kon".into()],
            themes: vec!["idols".into()],
            ..Default::default()
        },
    )
    .unwrap();
    assert!(titles(&c, "paprika").is_empty());
    assert_eq!(titles(&c, "theme:idols"), ["Perfect Blue"]);
    assert_index_sound(&c);

    let r = review(&c, f.id, ReviewKind::Note, "a mirror and a dancer");
    assert_eq!(titles(&c, "dancer"), ["Perfect Blue"]);
    c.update_review(
        r.id,
        &ReviewInput {
            kind: ReviewKind::Note,
            body: "a mirror and a singer".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(titles(&c, "dancer").is_empty());
    assert_eq!(titles(&c, "singer"), ["Perfect Blue"]);
    assert_index_sound(&c);
    c.delete_review(r.id).unwrap();
    assert!(titles(&c, "singer").is_empty());
    assert_index_sound(&c);

    review(&c, f.id, ReviewKind::Review, "the singer again");
    c.delete_film(f.id).unwrap();
    assert!(titles(&c, "perfect").is_empty());
    assert!(
        titles(&c, "singer").is_empty(),
        "reviews of films in the trash are not found"
    );
    assert_index_sound(&c);
    c.restore_film(f.id).unwrap();
    assert_eq!(titles(&c, "singer"), ["Perfect Blue"]);
    assert_index_sound(&c);
    c.delete_film(f.id).unwrap();
    c.purge_film(f.id).unwrap();
    assert!(titles(&c, "kon").is_empty());
    assert_index_sound(&c);
    c.empty_trash().unwrap();
    assert_index_sound(&c);
    assert!(c.check().unwrap().ok);
}

#[test]
fn rebuilding_the_index_repairs_it() {
    let c = catalog();
    c.rebuild_search_index().unwrap();
    assert_index_sound(&c);
    assert_eq!(titles(&c, "amelie"), ["Amélie"]);
}

#[test]
fn smart_lists_are_saved_searches_that_stay_live() {
    let c = catalog();
    let list = c
        .add_smart_list(&SmartListInput {
            name: "Oshii".into(),
            query: "director:oshii".into(),
        })
        .unwrap();
    let dup = c.add_smart_list(&SmartListInput {
        name: "OSHII".into(),
        query: "x".into(),
    });
    assert_eq!(dup.unwrap_err().kind(), ErrorKind::Conflict);
    let empty = c.add_smart_list(&SmartListInput {
        name: " ".into(),
        query: "x".into(),
    });
    assert_eq!(empty.unwrap_err().kind(), ErrorKind::Invalid);
    assert_eq!(c.find_smart_list("oshii").unwrap(), list);
    assert_eq!(c.find_smart_list(&list.id.to_string()).unwrap(), list);
    assert_eq!(titles(&c, &list.query).len(), 2);
    film(&c, "The Sky Crawlers", None, 2008, &["Mamoru Oshii"], &[]);
    assert_eq!(
        titles(&c, &c.find_smart_list("Oshii").unwrap().query).len(),
        3
    );
    assert_eq!(c.list_smart_lists().unwrap(), vec![list.clone()]);
    c.delete_smart_list(list.id).unwrap();
    assert!(c.list_smart_lists().unwrap().is_empty());
    assert_eq!(
        c.delete_smart_list(list.id).unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn a_generated_catalog_is_indexed_alike_through_triggers_and_a_rebuild() {
    let through_triggers = Catalog::open_in_memory().unwrap();
    let made = generate::fill(&through_triggers, 6_000, 7, false).unwrap();
    assert_eq!(made.films, 6_000);
    assert_index_sound(&through_triggers);
    let bulk = Catalog::open_in_memory().unwrap();
    generate::fill(&bulk, 6_000, 7, true).unwrap();
    bulk.rebuild_search_index().unwrap();
    assert_index_sound(&bulk);
    for query in [
        "amelie",
        "tarko",
        "千と千尋",
        "innocense",
        "director:oshii year:2004",
        "the night",
        "zo",
    ] {
        let a = through_triggers.search(query, 20, 0).unwrap();
        let b = bulk.search(query, 20, 0).unwrap();
        assert_eq!(a.hits, b.hits, "{query}");
        assert!(!a.hits.is_empty(), "{query} finds something");
    }
    let amelie = bulk.search("amelie", 5, 0).unwrap();
    assert_eq!(amelie.hits[0].film.title, "Amélie");
    let innocence = bulk.search("innocense", 5, 0).unwrap();
    assert_eq!(innocence.hits[0].film.title, "Innocence");
}

#[test]
fn titles_starting_with_the_query_and_shorter_titles_rank_first() {
    let c = Catalog::open_in_memory().unwrap();
    film(&c, "The Long Night", None, 2000, &[], &[]);
    film(&c, "Night and Fog", None, 1956, &[], &[]);
    film(&c, "Night", None, 1990, &[], &[]);
    film(&c, "Nightcrawler", None, 2014, &[], &[]);
    assert_eq!(
        titles(&c, "night"),
        ["Night", "Nightcrawler", "Night and Fog", "The Long Night"]
    );
}

#[test]
fn a_catalog_from_before_search_is_indexed_when_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_init.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../migrations/0002_annotations.sql"))
            .unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO films (id, title, title_key, year, created_at, updated_at)
             VALUES (1, 'Amélie', 'amelie', 2001, '2020-01-01T00:00:00.000000Z', '2020-01-01T00:00:00.000000Z');
             INSERT INTO reviews (film_id, body, created_at, updated_at)
             VALUES (1, 'a garden gnome travels', '2020-01-01T00:00:00.000000Z', '2020-01-01T00:00:00.000000Z');",
        )
        .unwrap();
    }
    let c = Catalog::open(&path).unwrap();
    assert_eq!(titles(&c, "amelie year:2001"), ["Amélie"]);
    assert_eq!(titles(&c, "gnome"), ["Amélie"]);
    assert_index_sound(&c);
    assert!(c.check().unwrap().ok);
}

#[test]
fn an_index_out_of_step_with_the_catalog_is_reported_and_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let c = Catalog::open(&path).unwrap();
    film(&c, "Stalker", None, 1979, &["Andrei Tarkovsky"], &[]);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("DROP TRIGGER search_films_update; UPDATE films SET title = 'Solaris'")
            .unwrap();
    }
    let report = c.check_search_index().unwrap();
    assert!(!report.ok);
    assert!(
        report.problems.iter().any(|p| p.contains("out of date")),
        "{:?}",
        report.problems
    );
    assert!(!c.check().unwrap().ok, "cinedex check reports it too");
    c.rebuild_search_index().unwrap();
    assert_index_sound(&c);
    assert_eq!(titles(&c, "solaris"), ["Solaris"]);
}
