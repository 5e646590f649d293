//! Search: every query form, accents, CJK, typos, ranking, hostile input and smart lists.

use crate::support::film;
use cinedex_catalog::*;

use crate::search_support;
use search_support::*;

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
    assert_eq!(marked(&snippet.text), ["zone"]);
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
    // Filters alone match no text: no field is reported as matched.
    let by_year = c.search("year:2001", 10, 0).unwrap();
    assert!(by_year.hits.iter().all(|hit| hit.matched.is_empty()));
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
    film("The Sky Crawlers")
        .year(2008)
        .directors(["Mamoru Oshii"])
        .add(&c);
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
fn titles_starting_with_the_query_and_shorter_titles_rank_first() {
    let c = Catalog::open_in_memory().unwrap();
    film("The Long Night").year(2000).add(&c);
    film("Night and Fog").year(1956).add(&c);
    film("Night").year(1990).add(&c);
    film("Nightcrawler").year(2014).add(&c);
    assert_eq!(
        titles(&c, "night"),
        ["Night", "Nightcrawler", "Night and Fog", "The Long Night"]
    );
}
