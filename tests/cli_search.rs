//! `cinedex search` and `cinedex smart` end to end.

use predicates::prelude::*;

use crate::common;
use common::{film, innocence, Shell};

fn titles(value: &serde_json::Value) -> Vec<String> {
    value["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["film"]["title"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn search_prints_the_same_results_as_json_and_as_a_table() {
    let shell = Shell::new();
    innocence(&shell);
    film("Amélie")
        .year(2001)
        .director("Jean-Pierre Jeunet")
        .add(&shell);
    film("Stalker")
        .year(1979)
        .director("Andrei Tarkovsky")
        .add(&shell);

    let found = shell.json(&["search", "amelie"]);
    assert_eq!(titles(&found), ["Amélie"]);
    assert_eq!(found["hits"][0]["title"][0]["text"], "Amélie");
    assert_eq!(found["hits"][0]["title"][0]["hit"], true);
    assert_eq!(found["hits"][0]["matched"][0], "title");
    assert!(found["facets"]["directors"].is_array());
    assert_eq!(found["totalIsEstimate"], false);

    assert_eq!(titles(&shell.json(&["search", "tarko"])), ["Stalker"]);
    assert_eq!(titles(&shell.json(&["search", "innocense"])).len(), 1);
    assert_eq!(
        titles(&shell.json(&["search", "director:oshii", "year:2004"])).len(),
        1
    );
    assert_eq!(
        titles(&shell.json(&["search", "year:1970..1999"])),
        ["Stalker"]
    );

    shell
        .cmd(&["search", "tarkovsky"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Stalker"))
        .stdout(predicate::str::contains("[Tarkovsky]").not())
        .stdout(predicate::str::contains("director"));
    shell
        .cmd(&["search", "amel"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[Amél]ie"));
}

#[test]
fn search_limits_and_never_fails_on_odd_input() {
    let shell = Shell::new();
    for n in 0..5 {
        film(&format!("The Night {n}"))
            .year(1990)
            .director("Someone")
            .add(&shell);
    }
    assert_eq!(
        titles(&shell.json(&["search", "night", "--limit", "2"])).len(),
        2
    );
    let long = "x".repeat(10_000);
    for query in [
        "\"",
        "*",
        "(",
        "NEAR(",
        "AND OR NOT",
        "'; DROP TABLE films; --",
        "🎬",
        &long,
    ] {
        shell.json(&["search", query]);
    }
    shell
        .cmd(&["--json", "search", "--", "-night", "year:1990"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"hits\": []"));
    assert_eq!(shell.film_count(), 5);
    shell
        .cmd(&["search", "night", "--limit", "0"])
        .assert()
        .code(2);
}

#[test]
fn a_year_no_film_can_have_finds_nothing_and_its_smart_list_still_opens() {
    let shell = Shell::new();
    innocence(&shell);
    for query in ["year:<1000", "year:>9999"] {
        assert!(
            titles(&shell.json(&["search", query])).is_empty(),
            "{query}"
        );
    }
    shell.json(&["smart", "add", "Before cinema", "year:<1000"]);
    let shown = shell.json(&["smart", "show", "before cinema"]);
    assert!(titles(&shown["results"]).is_empty());
}

#[test]
fn smart_lists_are_saved_listed_shown_live_and_deleted() {
    let shell = Shell::new();
    innocence(&shell);
    let list = shell.json(&["smart", "add", "Oshii", "director:oshii"]);
    let id = list["id"].as_i64().unwrap().to_string();
    shell
        .cmd(&["smart", "add", "oshii", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(shell.json(&["smart", "list"])[0]["name"], "Oshii");
    film("The Sky Crawlers")
        .year(2008)
        .director("Mamoru Oshii")
        .add(&shell);
    let shown = shell.json(&["smart", "show", "oshii"]);
    assert_eq!(
        titles(&shown["results"]).len(),
        2,
        "the list follows the catalog"
    );
    shell
        .cmd(&["smart", "show", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("Sky Crawlers"));
    shell.json(&["smart", "delete", &id]);
    assert!(shell
        .json(&["smart", "list"])
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn check_includes_the_search_index() {
    let shell = Shell::new();
    innocence(&shell);
    shell
        .cmd(&["check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("search index"));
}

#[test]
fn titles_in_other_alphabets_are_found_as_typed_with_or_without_accents() {
    let shell = Shell::new();
    film("Ёжик в тумане")
        .year(1975)
        .director("Юрий Норштейн")
        .add(&shell);
    film("기생충").year(2019).director("봉준호").add(&shell);
    film("Le Cœur des hommes")
        .year(2003)
        .director("Marc Esposito")
        .add(&shell);
    for (query, title) in [
        ("Ёжик", "Ёжик в тумане"),
        ("ежик", "Ёжик в тумане"),
        ("기생충", "기생충"),
        ("coeur", "Le Cœur des hommes"),
    ] {
        assert_eq!(titles(&shell.json(&["search", query])), [title], "{query}");
    }
}
