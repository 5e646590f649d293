//! Reviews and notes on in-memory catalogs: validation, editing, safe rendering, cascade rules.

use cinedex_catalog::{Catalog, CatalogError, FilmInput, ReviewInput, ReviewKind};

fn catalog_with_film() -> (Catalog, i64) {
    let c = Catalog::open_in_memory().unwrap();
    let id = c
        .add_film(&FilmInput {
            title: "Innocence".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    (c, id)
}

fn body(text: &str) -> ReviewInput {
    ReviewInput {
        body: text.into(),
        ..Default::default()
    }
}

fn invalid_field(result: Result<impl std::fmt::Debug, CatalogError>) -> &'static str {
    match result {
        Err(CatalogError::Invalid { field, .. }) => field,
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

#[test]
fn a_review_keeps_every_field_and_counts_on_its_film() {
    let (c, film) = catalog_with_film();
    let input = ReviewInput {
        kind: ReviewKind::Article,
        title: Some(" On dolls ".into()),
        author: Some("A. Critic".into()),
        source: Some("Sight & Sound".into()),
        url: Some("https://example.org/innocence".into()),
        published_on: Some("2004-09-01".into()),
        rating: Some(4.0),
        spoiler: false,
        body: "A *long* look.".into(),
    };
    let review = c.add_review(film, &input).unwrap();
    assert_eq!(review.film_id, film);
    assert_eq!(review.kind, ReviewKind::Article);
    assert_eq!(review.title.as_deref(), Some("On dolls"));
    assert_eq!(review.author.as_deref(), Some("A. Critic"));
    assert_eq!(review.source.as_deref(), Some("Sight & Sound"));
    assert_eq!(review.url.as_deref(), Some("https://example.org/innocence"));
    assert_eq!(review.published_on.unwrap().to_string(), "2004-09-01");
    assert_eq!(review.body, "A *long* look.");
    assert_eq!(review.body_html.trim(), "<p>A <em>long</em> look.</p>");
    let detail = c.get_film(film).unwrap();
    assert_eq!(detail.film.review_count, 1);
    assert_eq!(detail.reviews, vec![review]);
}

#[test]
fn a_review_body_is_rendered_without_scripts_or_handlers() {
    let (c, film) = catalog_with_film();
    let review = c
        .add_review(film, &body(r#"**bold** <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"#))
        .unwrap();
    assert!(review.body_html.contains("<strong>bold</strong>"));
    assert!(!review.body_html.contains("<script"));
    assert!(!review.body_html.contains("onerror"));
    // The Markdown as written is kept, so editing shows what the person typed.
    assert!(review.body.contains("<script>"));
}

#[test]
fn an_empty_body_a_bad_url_or_a_bad_date_is_refused_naming_the_field() {
    let (c, film) = catalog_with_film();
    assert_eq!(invalid_field(c.add_review(film, &body("   "))), "body");
    for url in ["javascript:alert(1)", "not a url", "ftp://example.org/x"] {
        let input = ReviewInput {
            url: Some(url.into()),
            ..body("text")
        };
        assert_eq!(invalid_field(c.add_review(film, &input)), "url", "{url}");
    }
    for date in ["2004-02-30", "01/09/2004", "yesterday", "0999-01-01"] {
        let input = ReviewInput {
            published_on: Some(date.into()),
            ..body("text")
        };
        assert_eq!(
            invalid_field(c.add_review(film, &input)),
            "publishedOn",
            "{date}"
        );
    }
    assert!(
        c.list_reviews(film).unwrap().is_empty(),
        "nothing was written"
    );
}

#[test]
fn blank_optional_fields_are_stored_as_missing() {
    let (c, film) = catalog_with_film();
    let input = ReviewInput {
        title: Some("  ".into()),
        url: Some("".into()),
        published_on: Some(" ".into()),
        ..body("text")
    };
    let review = c.add_review(film, &input).unwrap();
    assert_eq!(
        (review.title, review.url, review.published_on),
        (None, None, None)
    );
}

#[test]
fn editing_a_review_replaces_it_and_touches_its_film() {
    let (c, film) = catalog_with_film();
    let before = c.get_film(film).unwrap().film;
    let review = c.add_review(film, &body("first")).unwrap();
    let edited = c
        .update_review(
            review.id,
            &ReviewInput {
                kind: ReviewKind::Note,
                title: Some("Later".into()),
                ..body("second")
            },
        )
        .unwrap();
    assert_eq!(edited.id, review.id);
    assert_eq!(edited.kind, ReviewKind::Note);
    assert_eq!(edited.body, "second");
    assert_eq!(edited.created_at, review.created_at);
    assert!(edited.updated_at > review.updated_at);
    assert!(c.get_film(film).unwrap().film.updated_at > before.updated_at);
}

#[test]
fn deleting_a_review_removes_only_that_review() {
    let (c, film) = catalog_with_film();
    let a = c.add_review(film, &body("a")).unwrap();
    let b = c.add_review(film, &body("b")).unwrap();
    c.delete_review(a.id).unwrap();
    assert_eq!(c.list_reviews(film).unwrap(), vec![b]);
    assert!(matches!(
        c.delete_review(a.id),
        Err(CatalogError::NotFound { .. })
    ));
}

#[test]
fn adding_a_review_to_a_missing_or_trashed_film_is_refused() {
    let (c, film) = catalog_with_film();
    assert!(matches!(
        c.add_review(999, &body("x")),
        Err(CatalogError::NotFound { .. })
    ));
    let review = c.add_review(film, &body("kept")).unwrap();
    c.delete_film(film).unwrap();
    assert!(matches!(
        c.add_review(film, &body("x")),
        Err(CatalogError::Conflict(_))
    ));
    assert!(matches!(
        c.update_review(review.id, &body("x")),
        Err(CatalogError::Conflict(_))
    ));
    // The trash keeps a film's reviews: restoring brings them back intact.
    c.restore_film(film).unwrap();
    assert_eq!(c.list_reviews(film).unwrap(), vec![review]);
}

#[test]
fn reviews_are_listed_by_publication_date_then_by_when_they_were_written() {
    let (c, film) = catalog_with_film();
    let undated = c.add_review(film, &body("undated, written today")).unwrap();
    let old = c
        .add_review(
            film,
            &ReviewInput {
                published_on: Some("1999-01-01".into()),
                ..body("old")
            },
        )
        .unwrap();
    let ids: Vec<i64> = c.list_reviews(film).unwrap().iter().map(|r| r.id).collect();
    assert_eq!(ids, [old.id, undated.id]);
}

#[test]
fn only_web_and_mail_links_may_be_opened_outside_the_app() {
    use cinedex_catalog::link_to_open;
    assert_eq!(
        link_to_open(" https://example.org/a ").unwrap(),
        "https://example.org/a"
    );
    assert!(link_to_open("mailto:critic@example.org").is_ok());
    for bad in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "tauri://localhost",
        "/relative",
        "smb://host/share",
    ] {
        assert!(link_to_open(bad).is_err(), "{bad}");
    }
}
