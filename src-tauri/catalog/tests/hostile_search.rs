//! Search under hostile queries: filters with bounds nothing can meet, odd values, and a property
//! test that any string at all, typed or saved as a smart list, searches without an error.

use cinedex_catalog::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::search_support;
use search_support::*;

#[test]
fn year_filters_that_no_year_can_meet_find_nothing_instead_of_failing() {
    let c = catalog();
    for query in [
        "year:<1000",
        "year:>9999",
        "year:<1000 stalker",
        "year:>9999 zone",
        "year:<1000 -stalker",
        "rating:<0.5",
        "rating:>5",
        "rating:<0.5 year:>9999 is:watchlist",
    ] {
        assert!(titles(&c, query).is_empty(), "{query:?} matched something");
    }
    assert_eq!(titles(&c, "year:<=1979 stalker"), ["Stalker"]);
    assert_eq!(titles(&c, "year:>=2004 is:watchlist"), ["Innocence"]);
}

#[test]
fn odd_filter_values_are_searched_as_words_or_as_filters_never_as_errors() {
    let c = catalog();
    let huge = format!("year:{}", "9".repeat(400));
    for query in [
        "year:..",
        "year:1990..",
        "year:..1999",
        "year:-1990",
        "year:1990-",
        "year:-",
        "year:--1",
        "year:1999..1990",
        "year:1000..9999",
        "year:0",
        "year:-5",
        "year:2147483647",
        "year:-2147483648",
        "year:99999999999999999999",
        huge.as_str(),
        "year:1990s",
        "year:1995s",
        "year:>=",
        "year:<",
        "year:=",
        "year:>>1990",
        "year:<=-1",
        "rating:",
        "rating:>=",
        "rating:-1",
        "rating:NaN",
        "rating:inf",
        "rating:>=-inf",
        "rating:1e308",
        "rating:0.25",
        "rating:4.75",
        "has:",
        "is:",
        "director:",
        "director:-",
        "director:\"\"",
        "theme:\"*\"",
        "person:()",
        "-year:<1000",
        "-\"\"",
        "\"\"",
        "\"-\"",
    ] {
        c.search(query, 20, 0)
            .unwrap_or_else(|e| panic!("{query:?}: {e}"));
    }
    // A range given backwards is the same range.
    assert_eq!(titles(&c, "year:1980..1970"), ["Solaris", "Stalker"]);
}

#[test]
fn a_smart_list_saved_with_an_impossible_year_still_opens() {
    let c = catalog();
    let list = c
        .add_smart_list(&SmartListInput {
            name: "Before cinema".into(),
            query: "year:<1000".into(),
        })
        .unwrap();
    let found = c.search(&c.find_smart_list("before cinema").unwrap().query, 20, 0);
    assert!(found.unwrap().hits.is_empty(), "{}", list.query);
}

/// Text made of the pieces the query language gives meaning to, FTS5's own syntax, numbers at
/// and past every bound, and characters the index tokenizer and the folding treat specially.
fn query_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("year:".to_owned()),
        Just("rating:".to_owned()),
        Just("director:".to_owned()),
        Just("person:".to_owned()),
        Just("theme:".to_owned()),
        Just("has:".to_owned()),
        Just("is:".to_owned()),
        Just("-".to_owned()),
        Just("\"".to_owned()),
        Just("..".to_owned()),
        Just(" ".to_owned()),
        Just(">=".to_owned()),
        Just("<=".to_owned()),
        Just(">".to_owned()),
        Just("<".to_owned()),
        Just("=".to_owned()),
        Just("s".to_owned()),
        Just("*".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("NEAR".to_owned()),
        Just("AND".to_owned()),
        Just("NOT".to_owned()),
        Just("{title}".to_owned()),
        Just("^".to_owned()),
        Just("watchlist".to_owned()),
        Just("review".to_owned()),
        Just("千尋".to_owned()),
        Just("\u{0301}".to_owned()),
        Just("\u{0945}".to_owned()),
        Just("\u{200b}".to_owned()),
        Just("\u{0}".to_owned()),
        Just("ß".to_owned()),
        any::<i64>().prop_map(|n| n.to_string()),
        (0i32..=10_001).prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        "[a-z]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

/// `cases` by default; `PROPTEST_CASES` asks for more (a long run) or fewer.
fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![query_like(), any::<String>(), "\\PC{0,40}"]
}

#[test]
fn any_string_is_a_query_that_searches_without_an_error() {
    let c = catalog();
    let mut runner = runner(3_000);
    runner
        .run(&any_query(), |query| {
            c.search(&query, 20, 0)
                .map_err(|e| TestCaseError::fail(format!("{query:?}: {e}")))?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn any_string_saved_as_a_smart_list_opens_without_an_error() {
    let c = catalog();
    let mut runner = runner(500);
    let saved = std::cell::Cell::new(0u32);
    runner
        .run(&any_query(), |query| {
            saved.set(saved.get() + 1);
            let input = SmartListInput {
                name: format!("list {}", saved.get()),
                query: query.clone(),
            };
            match c.add_smart_list(&input) {
                Ok(list) => {
                    let reopened = c
                        .find_smart_list(&list.id.to_string())
                        .map_err(|e| TestCaseError::fail(format!("{query:?}: {e}")))?;
                    c.search(&reopened.query, 20, 0)
                        .map_err(|e| TestCaseError::fail(format!("{query:?}: {e}")))?;
                }
                // Only a search with nothing to look for is refused, and as the person's mistake,
                // never by SQLite.
                Err(CatalogError::Invalid { field, .. }) => {
                    prop_assert_eq!(field, "query");
                    let blank = query.chars().all(|c| c.is_whitespace() || c.is_control());
                    prop_assert!(blank, "{:?} refused", query);
                }
                Err(other) => return Err(TestCaseError::fail(format!("{query:?}: {other}"))),
            }
            Ok(())
        })
        .unwrap();
}
