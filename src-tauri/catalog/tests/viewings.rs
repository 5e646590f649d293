//! Viewings, ratings, spoilers and the watchlist on in-memory catalogs.

use cinedex_catalog::{
    Catalog, CatalogError, FilmInput, FilmListQuery, ReviewInput, ViewingInput, WatchStatus,
};

fn catalog_with_film() -> (Catalog, i64) {
    let c = Catalog::open_in_memory().unwrap();
    let id = c
        .add_film(&FilmInput {
            title: "Stalker".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    (c, id)
}

fn on(date: &str) -> ViewingInput {
    ViewingInput {
        watched_on: date.into(),
        ..Default::default()
    }
}

fn invalid_field<T: std::fmt::Debug>(result: Result<T, CatalogError>) -> &'static str {
    match result {
        Err(CatalogError::Invalid { field, .. }) => field,
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

#[test]
fn every_viewing_is_kept_and_the_film_shows_the_count_and_last_date() {
    let (c, film) = catalog_with_film();
    let first = c
        .add_viewing(
            film,
            &ViewingInput {
                place: Some("Cinémathèque".into()),
                rating: Some(4.5),
                ..on("2019-03-02")
            },
        )
        .unwrap();
    c.add_viewing(
        film,
        &ViewingInput {
            rewatch: true,
            note: Some("Better the second time".into()),
            ..on("2023-11-20")
        },
    )
    .unwrap();
    c.add_viewing(
        film,
        &ViewingInput {
            rewatch: true,
            ..on("2021-01-01")
        },
    )
    .unwrap();
    assert_eq!(first.place.as_deref(), Some("Cinémathèque"));
    assert_eq!(first.rating, Some(4.5));
    let detail = c.get_film(film).unwrap();
    assert_eq!(detail.film.viewing_count, 3);
    assert_eq!(
        detail.film.last_watched_on.unwrap().to_string(),
        "2023-11-20"
    );
    let dates: Vec<String> = detail
        .viewings
        .iter()
        .map(|v| v.watched_on.to_string())
        .collect();
    assert_eq!(dates, ["2023-11-20", "2021-01-01", "2019-03-02"]);
}

#[test]
fn a_viewing_in_the_future_or_without_a_date_is_refused() {
    let (c, film) = catalog_with_film();
    let tomorrow = (chrono::Local::now().date_naive() + chrono::Days::new(1)).to_string();
    assert_eq!(
        invalid_field(c.add_viewing(film, &on(&tomorrow))),
        "watchedOn"
    );
    assert_eq!(invalid_field(c.add_viewing(film, &on(""))), "watchedOn");
    assert_eq!(
        invalid_field(c.add_viewing(film, &on("2020-02-31"))),
        "watchedOn"
    );
    assert!(c.list_viewings(film).unwrap().is_empty());
}

#[test]
fn ratings_go_from_half_a_star_to_five_in_halves() {
    let (c, film) = catalog_with_film();
    for bad in [0.0, 0.25, 5.5, 3.7, -1.0, f64::NAN] {
        assert_eq!(
            invalid_field(c.add_viewing(
                film,
                &ViewingInput {
                    rating: Some(bad),
                    ..on("2020-01-01")
                }
            )),
            "rating",
            "{bad}"
        );
        let review = ReviewInput {
            rating: Some(bad),
            body: "x".into(),
            ..Default::default()
        };
        assert_eq!(
            invalid_field(c.add_review(film, &review)),
            "rating",
            "{bad}"
        );
    }
    for good in [0.5, 1.0, 3.5, 5.0] {
        let review = ReviewInput {
            rating: Some(good),
            spoiler: true,
            body: "x".into(),
            ..Default::default()
        };
        let saved = c.add_review(film, &review).unwrap();
        assert_eq!((saved.rating, saved.spoiler), (Some(good), true));
    }
}

#[test]
fn editing_and_deleting_a_viewing() {
    let (c, film) = catalog_with_film();
    let viewing = c.add_viewing(film, &on("2020-01-01")).unwrap();
    let edited = c
        .update_viewing(
            viewing.id,
            &ViewingInput {
                place: Some("Home".into()),
                ..on("2020-01-02")
            },
        )
        .unwrap();
    assert_eq!(edited.watched_on.to_string(), "2020-01-02");
    assert_eq!(edited.place.as_deref(), Some("Home"));
    c.delete_viewing(viewing.id).unwrap();
    assert_eq!(c.get_film(film).unwrap().film.viewing_count, 0);
    assert!(matches!(
        c.delete_viewing(viewing.id),
        Err(CatalogError::NotFound { .. })
    ));
}

#[test]
fn the_watchlist_filters_the_library_and_a_viewing_takes_a_film_off_it() {
    let (c, film) = catalog_with_film();
    let other = c
        .add_film(&FilmInput {
            title: "Solaris".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    assert_eq!(
        c.set_watch_status(other, WatchStatus::Watchlist)
            .unwrap()
            .watch_status,
        WatchStatus::Watchlist
    );
    let watchlist = FilmListQuery {
        watch_status: Some(WatchStatus::Watchlist),
        ..Default::default()
    };
    let titles = |q: &FilmListQuery| {
        c.list_films(q)
            .unwrap()
            .into_iter()
            .map(|f| f.title)
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&watchlist), ["Solaris"]);
    c.add_viewing(other, &on("2024-05-05")).unwrap();
    assert!(titles(&watchlist).is_empty());
    assert_eq!(
        c.get_film(other).unwrap().film.watch_status,
        WatchStatus::Watched
    );
    assert_eq!(
        c.get_film(film).unwrap().film.watch_status,
        WatchStatus::None
    );
}

#[test]
fn viewings_stay_with_a_trashed_film_and_cannot_be_added_to_it() {
    let (c, film) = catalog_with_film();
    c.add_viewing(film, &on("2020-01-01")).unwrap();
    c.delete_film(film).unwrap();
    assert!(matches!(
        c.add_viewing(film, &on("2020-01-02")),
        Err(CatalogError::Conflict(_))
    ));
    assert!(matches!(
        c.set_watch_status(film, WatchStatus::Watchlist),
        Err(CatalogError::Conflict(_))
    ));
    c.restore_film(film).unwrap();
    assert_eq!(c.list_viewings(film).unwrap().len(), 1);
    c.delete_film(film).unwrap();
    c.purge_film(film).unwrap();
    assert!(matches!(
        c.list_viewings(film),
        Err(CatalogError::NotFound { .. })
    ));
}
