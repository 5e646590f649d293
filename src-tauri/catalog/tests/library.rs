//! The library listing: paging with a total, sorting by rating, grouping with counts, group
//! filters, on in-memory catalogs.

use crate::support::film;
use cinedex_catalog::{
    Catalog, CatalogError, FilmListQuery, FilmSort, GroupBy, GroupFilter, ViewingInput, WatchStatus,
};

fn sample() -> Catalog {
    let c = Catalog::open_in_memory().unwrap();
    film("Vertigo")
        .year(1958)
        .directors(["Alfred Hitchcock"])
        .themes(["obsession"])
        .add(&c);
    film("Psycho")
        .year(1960)
        .directors(["Alfred Hitchcock"])
        .themes(["motel", "obsession"])
        .add(&c);
    film("Heat")
        .year(1995)
        .directors(["Michael Mann"])
        .themes(["heist"])
        .add(&c);
    film("Collateral")
        .year(2004)
        .directors(["Michael Mann"])
        .add(&c);
    film("Anonymous").add(&c);
    let gone = film("Gone")
        .year(1995)
        .directors(["Michael Mann"])
        .themes(["heist"])
        .add(&c)
        .id;
    c.delete_film(gone).unwrap();
    c
}

fn titles(films: &[cinedex_catalog::Film]) -> Vec<&str> {
    films.iter().map(|f| f.title.as_str()).collect()
}

fn groups(c: &Catalog, by: GroupBy) -> Vec<(String, i64)> {
    c.film_groups(by, &FilmListQuery::default())
        .unwrap()
        .into_iter()
        .map(|g| (g.label, g.count))
        .collect()
}

#[test]
fn a_page_holds_its_slice_of_the_ordered_library_and_the_total() {
    let c = sample();
    let query = |offset, limit| FilmListQuery {
        offset,
        limit: Some(limit),
        ..Default::default()
    };
    let first = c.list_film_page(&query(0, 2)).unwrap();
    assert_eq!(first.total, 5);
    assert_eq!(titles(&first.films), ["Anonymous", "Collateral"]);
    let last = c.list_film_page(&query(4, 2)).unwrap();
    assert_eq!(last.offset, 4);
    assert_eq!(titles(&last.films), ["Vertigo"]);
    assert!(c.list_film_page(&query(10, 2)).unwrap().films.is_empty());
}

#[test]
fn the_latest_personal_rating_is_shown_and_sorts_with_unrated_films_last() {
    let c = Catalog::open_in_memory().unwrap();
    let rate = |title: &str, ratings: &[(&str, f64)]| {
        let id = film(title).add(&c).id;
        for (date, rating) in ratings {
            c.add_viewing(
                id,
                &ViewingInput {
                    watched_on: date.to_string(),
                    rating: Some(*rating),
                    ..Default::default()
                },
            )
            .unwrap();
        }
    };
    rate("Loved later", &[("2001-01-01", 1.0), ("2020-01-01", 5.0)]);
    rate("Middling", &[("2010-01-01", 3.0)]);
    rate("Unrated", &[]);
    let films = c
        .list_films(&FilmListQuery {
            sort: FilmSort::Rating,
            descending: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(titles(&films), ["Loved later", "Middling", "Unrated"]);
    assert_eq!(films[0].rating, Some(5.0));
    assert_eq!(films[2].rating, None);
}

#[test]
fn groups_by_director_count_each_directors_films_and_those_without_one() {
    let c = sample();
    assert_eq!(
        groups(&c, GroupBy::Director),
        [
            ("Alfred Hitchcock".into(), 2),
            ("Michael Mann".into(), 2),
            ("No director".into(), 1)
        ]
    );
}

#[test]
fn groups_by_decade_theme_and_status_have_labels_and_counts() {
    let c = sample();
    assert_eq!(
        groups(&c, GroupBy::Decade),
        [
            ("1950s".into(), 1),
            ("1960s".into(), 1),
            ("1990s".into(), 1),
            ("2000s".into(), 1),
            ("No year".into(), 1)
        ]
    );
    assert_eq!(
        groups(&c, GroupBy::Theme),
        [
            ("heist".into(), 1),
            ("motel".into(), 1),
            ("obsession".into(), 2),
            ("No theme".into(), 2)
        ]
    );
    let heat = c.list_films(&FilmListQuery::default()).unwrap()[2].id;
    c.set_watch_status(heat, WatchStatus::Watchlist).unwrap();
    assert_eq!(
        groups(&c, GroupBy::Status),
        [("Watchlist".into(), 1), ("Not seen".into(), 4)]
    );
}

#[test]
fn a_group_filter_lists_the_films_of_that_group_only() {
    let c = sample();
    let all = FilmListQuery::default();
    for by in [
        GroupBy::Director,
        GroupBy::Decade,
        GroupBy::Theme,
        GroupBy::Status,
    ] {
        for group in c.film_groups(by, &all).unwrap() {
            let page = c
                .list_film_page(&FilmListQuery {
                    group: Some(GroupFilter {
                        by,
                        key: group.key.clone(),
                    }),
                    ..Default::default()
                })
                .unwrap();
            assert_eq!(page.total, group.count, "{by:?} {}", group.label);
            assert_eq!(page.films.len() as i64, group.count);
        }
    }
    let mann = c.film_groups(GroupBy::Director, &all).unwrap()[1].clone();
    let films = c
        .list_films(&FilmListQuery {
            group: Some(GroupFilter {
                by: GroupBy::Director,
                key: mann.key,
            }),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(titles(&films), ["Collateral", "Heat"]);
}

#[test]
fn groups_follow_the_title_filter() {
    let c = sample();
    let query = FilmListQuery {
        title_filter: Some("o".into()),
        ..Default::default()
    };
    let decades: Vec<(String, i64)> = c
        .film_groups(GroupBy::Decade, &query)
        .unwrap()
        .into_iter()
        .map(|g| (g.key, g.count))
        .collect();
    // Vertigo, Psycho, Collateral and Anonymous have an "o"; Heat has none.
    assert_eq!(
        decades,
        [
            ("1950".into(), 1),
            ("1960".into(), 1),
            ("2000".into(), 1),
            ("".into(), 1)
        ]
    );
}

#[test]
fn a_group_key_of_the_wrong_kind_is_refused_naming_the_group() {
    let c = sample();
    let result = c.list_films(&FilmListQuery {
        group: Some(GroupFilter {
            by: GroupBy::Director,
            key: "Hitchcock".into(),
        }),
        ..Default::default()
    });
    match result {
        Err(CatalogError::Invalid { field, .. }) => assert_eq!(field, "group"),
        other => panic!("expected an invalid group, got {other:?}"),
    }
}
