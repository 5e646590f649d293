//! Statistics on in-memory catalogs: each figure checked against a catalog whose numbers are known.

use crate::support::film;
use cinedex_catalog::{
    Catalog, CatalogError, ReviewInput, ReviewKind, StatsQuery, Tally, ViewingInput,
};

fn watch(c: &Catalog, film: i64, date: &str, rating: Option<f64>) {
    c.add_viewing(
        film,
        &ViewingInput {
            watched_on: date.into(),
            rating,
            ..Default::default()
        },
    )
    .unwrap();
}

fn review(c: &Catalog, film: i64, kind: ReviewKind, rating: Option<f64>) {
    c.add_review(
        film,
        &ReviewInput {
            kind,
            rating,
            body: "Words.".into(),
            ..Default::default()
        },
    )
    .unwrap();
}

fn pairs(tallies: &[Tally]) -> Vec<(&str, i64)> {
    tallies.iter().map(|t| (t.key.as_str(), t.count)).collect()
}

fn year(y: i32) -> StatsQuery {
    StatsQuery { year: Some(y) }
}

#[test]
fn an_empty_catalog_has_zero_everywhere_and_all_ten_rating_steps() {
    let c = Catalog::open_in_memory().unwrap();
    let stats = c.stats(&StatsQuery::default()).unwrap();
    assert_eq!(stats.film_count, 0);
    assert!(stats.films_by_decade.is_empty());
    assert!(stats.films_by_year.is_empty());
    assert!(stats.top_directors.is_empty());
    let keys: Vec<&str> = stats.ratings.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(
        keys,
        ["0.5", "1", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5"]
    );
    assert!(stats.ratings.iter().all(|t| t.count == 0));
    assert_eq!((stats.heatmap_to - stats.heatmap_from).num_days(), 364);
}

#[test]
fn films_are_counted_by_decade_with_empty_decades_filled_and_by_year() {
    let c = Catalog::open_in_memory().unwrap();
    film("Vertigo").year(1958).add(&c);
    film("Psycho").year(1960).add(&c);
    film("The Birds").year(1963).add(&c);
    film("Heat").year(1995).add(&c);
    film("Undated").add(&c);
    let trashed = film("Gone").year(1995).add(&c).id;
    c.delete_film(trashed).unwrap();

    let stats = c.stats(&StatsQuery::default()).unwrap();
    assert_eq!(stats.film_count, 5);
    assert_eq!(
        pairs(&stats.films_by_decade),
        [
            ("1950s", 1),
            ("1960s", 2),
            ("1970s", 0),
            ("1980s", 0),
            ("1990s", 1)
        ]
    );
    assert_eq!(
        pairs(&stats.films_by_year),
        [("1958", 1), ("1960", 1), ("1963", 1), ("1995", 1)]
    );
}

#[test]
fn top_directors_and_themes_count_films_most_first_and_stop_at_ten() {
    let c = Catalog::open_in_memory().unwrap();
    film("Vertigo")
        .year(1958)
        .directors(["Alfred Hitchcock"])
        .themes(["obsession"])
        .add(&c);
    film("Psycho")
        .year(1960)
        .directors(["Alfred Hitchcock"])
        .themes(["Obsession", "motel"])
        .add(&c);
    film("Heat")
        .year(1995)
        .directors(["Michael Mann"])
        .themes(["heist"])
        .add(&c);
    for n in 0..12 {
        film(&format!("Short {n}"))
            .directors([&format!("Director {n:02}")])
            .add(&c);
    }
    let stats = c.stats(&StatsQuery::default()).unwrap();
    assert_eq!(stats.top_directors.len(), 10);
    assert_eq!(
        pairs(&stats.top_directors[..3]),
        [
            ("Alfred Hitchcock", 2),
            ("Director 00", 1),
            ("Director 01", 1)
        ]
    );
    assert_eq!(
        pairs(&stats.top_themes),
        [("obsession", 2), ("heist", 1), ("motel", 1)]
    );
}

#[test]
fn viewings_are_counted_by_month_and_by_day_within_the_heatmap_year() {
    let c = Catalog::open_in_memory().unwrap();
    let a = film("Stalker").year(1979).add(&c).id;
    let b = film("Solaris").year(1972).add(&c).id;
    watch(&c, a, "2023-12-31", None);
    watch(&c, a, "2024-03-02", None);
    watch(&c, b, "2024-03-02", None);
    watch(&c, b, "2024-03-20", None);
    watch(&c, b, "2025-01-01", None);

    let stats = c.stats(&year(2024)).unwrap();
    assert_eq!(stats.viewing_count, 5);
    let months = pairs(&stats.viewings_by_month);
    assert_eq!(
        months.len(),
        14,
        "December 2023 to January 2025, quiet months included"
    );
    assert_eq!(months[0], ("2023-12", 1));
    assert_eq!(months[1], ("2024-01", 0));
    assert_eq!(months[3], ("2024-03", 3));
    assert_eq!(months[13], ("2025-01", 1));
    assert_eq!(months.iter().map(|(_, n)| n).sum::<i64>(), 5);
    assert_eq!(stats.heatmap_from.to_string(), "2024-01-01");
    assert_eq!(stats.heatmap_to.to_string(), "2024-12-31");
    assert_eq!(
        pairs(&stats.viewings_by_day),
        [("2024-03-02", 2), ("2024-03-20", 1)]
    );
}

#[test]
fn the_rating_distribution_counts_each_film_once_with_its_latest_personal_rating() {
    let c = Catalog::open_in_memory().unwrap();
    let changed_mind = film("Changed mind").add(&c).id;
    watch(&c, changed_mind, "2001-01-01", Some(2.0));
    watch(&c, changed_mind, "2020-01-01", Some(4.5));
    let reviewed = film("Reviewed").add(&c).id;
    watch(&c, reviewed, "2001-01-01", Some(1.0));
    // The review is written today, after the viewing: it is the latest word.
    review(&c, reviewed, ReviewKind::Review, Some(4.5));
    let others_opinion = film("Others' opinion").add(&c).id;
    review(&c, others_opinion, ReviewKind::Article, Some(0.5));
    let half = film("Half").add(&c).id;
    watch(&c, half, "2010-05-05", Some(0.5));

    let stats = c.stats(&StatsQuery::default()).unwrap();
    let counted: Vec<(&str, i64)> = pairs(&stats.ratings)
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(counted, [("0.5", 1), ("4.5", 2)]);
}

#[test]
fn reviews_written_are_counted_by_month_without_saved_articles_or_trashed_films() {
    let c = Catalog::open_in_memory().unwrap();
    let kept = film("Kept").add(&c).id;
    review(&c, kept, ReviewKind::Review, None);
    review(&c, kept, ReviewKind::Note, None);
    review(&c, kept, ReviewKind::Article, None);
    let gone = film("Gone").add(&c).id;
    review(&c, gone, ReviewKind::Review, None);
    c.delete_film(gone).unwrap();

    let stats = c.stats(&StatsQuery::default()).unwrap();
    let this_month = chrono::Utc::now().format("%Y-%m").to_string();
    assert_eq!(pairs(&stats.reviews_by_month), [(this_month.as_str(), 2)]);
    assert_eq!(stats.review_count, 3);
}

#[test]
fn a_heatmap_year_out_of_the_calendar_is_refused_naming_the_field() {
    let c = Catalog::open_in_memory().unwrap();
    match c.stats(&year(i32::MAX)) {
        Err(CatalogError::Invalid { field, .. }) => assert_eq!(field, "year"),
        other => panic!("expected an invalid year, got {other:?}"),
    }
}
