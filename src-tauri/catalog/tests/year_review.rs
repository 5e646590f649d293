//! The year in review on in-memory catalogs: each figure checked against viewings whose numbers
//! are known.

use crate::support::film;
use cinedex_catalog::{check_png, Catalog, CatalogError, ExportExisting, Tally, ViewingInput};

fn watch(c: &Catalog, film: i64, date: &str, rewatch: bool, rating: Option<f64>) {
    c.add_viewing(
        film,
        &ViewingInput {
            watched_on: date.into(),
            rewatch,
            rating,
            ..Default::default()
        },
    )
    .unwrap();
}

fn pairs(tallies: &[Tally]) -> Vec<(&str, i64)> {
    tallies.iter().map(|t| (t.key.as_str(), t.count)).collect()
}

#[test]
fn a_year_with_no_viewings_is_an_empty_page_with_twelve_quiet_months() {
    let c = Catalog::open_in_memory().unwrap();
    let review = c.year_in_review(2024).unwrap();
    assert_eq!(review.year, 2024);
    assert_eq!(review.films_seen, 0);
    assert_eq!(review.viewing_count, 0);
    assert_eq!(review.minutes_watched, 0);
    assert!(review.best_rated.is_empty() && review.days.is_empty());
    assert_eq!(review.months.len(), 12);
    assert!(review.months.iter().all(|m| m.count == 0));
    assert!(review
        .to_markdown()
        .contains("No viewings recorded in 2024."));
}

#[test]
fn a_year_outside_the_catalogs_years_is_refused_naming_the_year() {
    let c = Catalog::open_in_memory().unwrap();
    for year in [1869, 9999, -5] {
        match c.year_in_review(year) {
            Err(CatalogError::Invalid { field, .. }) => assert_eq!(field, "year"),
            other => panic!("{year}: {other:?}"),
        }
    }
}

#[test]
fn films_seen_count_each_film_once_and_hours_count_each_viewing() {
    let c = Catalog::open_in_memory().unwrap();
    let a = film("Alpha").year(2000).runtime(Some(90)).add(&c).id;
    let b = film("Beta").year(2000).runtime(Some(120)).add(&c).id;
    watch(&c, a, "2024-01-05", false, None);
    watch(&c, a, "2024-03-05", false, None);
    watch(&c, b, "2024-03-06", false, None);
    watch(&c, b, "2023-12-31", false, None);
    let review = c.year_in_review(2024).unwrap();
    assert_eq!(review.films_seen, 2);
    assert_eq!(review.viewing_count, 3);
    assert_eq!(review.minutes_watched, 90 + 90 + 120);
    assert_eq!(review.hours_watched(), 5.0);
    assert_eq!(review.unknown_runtime, 0);
    assert_eq!(review.months[0].count, 1);
    assert_eq!(review.months[2].count, 2);
    assert_eq!(
        pairs(&review.days),
        [("2024-01-05", 1), ("2024-03-05", 1), ("2024-03-06", 1)]
    );
    assert_eq!(review.longest_streak, 2);
}

#[test]
fn a_film_without_a_runtime_is_counted_as_unknown_not_as_zero_hours() {
    let c = Catalog::open_in_memory().unwrap();
    let known = film("Known").year(2000).runtime(Some(60)).add(&c).id;
    let unknown = film("Unknown").year(2000).runtime(None).add(&c).id;
    watch(&c, known, "2024-02-01", false, None);
    watch(&c, unknown, "2024-02-02", false, None);
    watch(&c, unknown, "2024-02-03", false, None);
    let review = c.year_in_review(2024).unwrap();
    assert_eq!(review.minutes_watched, 60);
    assert_eq!(review.unknown_runtime, 2);
    assert!(review
        .to_markdown()
        .contains("- **1 hour** watched (2 viewings of unknown runtime)"));
}

#[test]
fn a_film_seen_in_an_earlier_year_is_a_rewatch_even_unflagged() {
    let c = Catalog::open_in_memory().unwrap();
    let old = film("Old friend").year(2000).runtime(None).add(&c).id;
    let new = film("New face").year(2000).runtime(None).add(&c).id;
    let flagged = film("Flagged").year(2000).runtime(None).add(&c).id;
    watch(&c, old, "2019-06-01", false, None);
    watch(&c, old, "2024-06-01", false, None);
    watch(&c, new, "2024-06-02", false, None);
    watch(&c, new, "2024-06-09", false, None);
    watch(&c, flagged, "2024-07-01", true, None);
    let review = c.year_in_review(2024).unwrap();
    assert_eq!(review.viewing_count, 4);
    // Old friend (seen in 2019), the second New face, and the flagged one.
    assert_eq!(review.rewatches, 3);
    assert_eq!(review.first_time, 1);
    let earlier = c.year_in_review(2019).unwrap();
    assert_eq!((earlier.first_time, earlier.rewatches), (1, 0));
}

#[test]
fn top_directors_and_genres_count_the_films_seen_that_year_ties_by_name() {
    let c = Catalog::open_in_memory().unwrap();
    let a = film("A")
        .year(2000)
        .directors(["Varda"])
        .runtime(None)
        .genres(["Drama"])
        .add(&c)
        .id;
    let b = film("B")
        .year(2000)
        .directors(["Varda", "Demy"])
        .runtime(None)
        .genres(["Drama", "musical"])
        .add(&c)
        .id;
    let d = film("D")
        .year(2000)
        .directors(["agnès"])
        .runtime(None)
        .genres(["Comedy"])
        .add(&c)
        .id;
    let unseen = film("Not this year")
        .year(2000)
        .directors(["Ozu"])
        .runtime(None)
        .genres(["Drama"])
        .add(&c)
        .id;
    watch(&c, a, "2024-01-01", false, None);
    watch(&c, a, "2024-02-01", false, None);
    watch(&c, b, "2024-01-02", false, None);
    watch(&c, d, "2024-01-03", false, None);
    watch(&c, unseen, "2023-01-03", false, None);
    let review = c.year_in_review(2024).unwrap();
    assert_eq!(
        pairs(&review.top_directors),
        [("Varda", 2), ("agnès", 1), ("Demy", 1)]
    );
    assert_eq!(
        pairs(&review.top_genres),
        [("Drama", 2), ("Comedy", 1), ("musical", 1)]
    );
}

#[test]
fn best_rated_uses_the_rating_given_that_year_not_one_from_another_year() {
    let c = Catalog::open_in_memory().unwrap();
    let loved_later = film("Loved later").year(2000).runtime(None).add(&c).id;
    let steady = film("Steady").year(2000).runtime(None).add(&c).id;
    let only_before = film("Rated before").year(2000).runtime(None).add(&c).id;
    watch(&c, loved_later, "2024-03-01", false, Some(2.0));
    watch(&c, loved_later, "2025-01-01", false, Some(5.0));
    watch(&c, steady, "2024-04-01", false, Some(4.5));
    watch(&c, steady, "2024-05-01", false, Some(3.5));
    watch(&c, only_before, "2023-04-01", false, Some(5.0));
    watch(&c, only_before, "2024-04-01", false, None);
    let review = c.year_in_review(2024).unwrap();
    let best: Vec<(&str, f64)> = review
        .best_rated
        .iter()
        .map(|f| (f.title.as_str(), f.rating))
        .collect();
    // Steady's latest rating of the year (3.5), Loved later's 2024 rating (2), and none for the
    // film rated only in 2023.
    assert_eq!(best, [("Steady", 3.5), ("Loved later", 2.0)]);
    assert_eq!(review.best_rated[0].film_id, steady);
}

#[test]
fn films_in_the_trash_are_left_out_of_the_year() {
    let c = Catalog::open_in_memory().unwrap();
    let gone = film("Gone")
        .year(2000)
        .directors(["Someone"])
        .runtime(Some(100))
        .add(&c)
        .id;
    watch(&c, gone, "2024-01-01", false, Some(4.0));
    c.delete_film(gone).unwrap();
    let review = c.year_in_review(2024).unwrap();
    assert_eq!((review.films_seen, review.minutes_watched), (0, 0));
    assert!(review.top_directors.is_empty() && review.best_rated.is_empty());
}

#[test]
fn the_markdown_page_has_the_numbers_lists_and_months() {
    let c = Catalog::open_in_memory().unwrap();
    let a = film("Cléo *from* 5 to 7")
        .year(2000)
        .directors(["Agnès Varda"])
        .runtime(Some(90))
        .genres(["Drama"])
        .add(&c)
        .id;
    watch(&c, a, "2024-03-01", false, Some(4.5));
    let page = c.year_in_review(2024).unwrap().to_markdown();
    assert!(page.starts_with("# 2024 in review\n"));
    assert!(page.contains("- **1 film** seen"));
    assert!(page.contains("(1 first time, 0 rewatches)"));
    assert!(page.contains("- **1.5 hours** watched"));
    assert!(page.contains("## Top directors\n\n1. Agnès Varda — 1 film"));
    assert!(page.contains("1. Cléo \\*from\\* 5 to 7 (2000) — ★★★★½ (4.5)"));
    assert!(page.contains("| March | 1 |"));
    assert!(page.contains("| December | 0 |"));
}

#[test]
fn the_markdown_export_refuses_an_existing_file_unless_told_to_replace() {
    let c = Catalog::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("2024.md");
    std::fs::write(&out, "mine").unwrap();
    let refused = c.export_year_in_review_markdown(2024, &out, ExportExisting::Refuse);
    assert!(
        matches!(refused, Err(CatalogError::Conflict(_))),
        "{refused:?}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    c.export_year_in_review_markdown(2024, &out, ExportExisting::Replace)
        .unwrap();
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("# 2024 in review"));
}

fn tiny_png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbaImage::new(width, height)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

#[test]
fn a_png_from_the_window_is_checked_before_it_is_written() {
    let c = Catalog::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("2024.png");
    assert_eq!(check_png(&tiny_png(3, 2)).unwrap(), (3, 2));
    for bad in [
        b"GIF89a".to_vec(),
        b"\x89PNG\r\n\x1a\nbroken".to_vec(),
        Vec::new(),
    ] {
        match c.save_year_in_review_png(&bad, &out, ExportExisting::Refuse) {
            Err(CatalogError::Invalid { field, .. }) => assert_eq!(field, "image"),
            other => panic!("{other:?}"),
        }
    }
    assert!(!out.exists());
    c.save_year_in_review_png(&tiny_png(4, 4), &out, ExportExisting::Refuse)
        .unwrap();
    let again = c.save_year_in_review_png(&tiny_png(4, 4), &out, ExportExisting::Refuse);
    assert!(matches!(again, Err(CatalogError::Conflict(_))), "{again:?}");
    c.save_year_in_review_png(&tiny_png(5, 5), &out, ExportExisting::Replace)
        .unwrap();
    assert_eq!(check_png(&std::fs::read(&out).unwrap()).unwrap(), (5, 5));
}
