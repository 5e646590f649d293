//! Highlights and margin notes on in-memory catalogs: placing a quote, refusing one that is not in
//! the text, text order, notes, re-anchoring after edits, orphans, cascades and the trash.

use cinedex_catalog::{Catalog, CatalogError, FilmInput, HighlightInput, ReviewInput, ReviewKind};

const BODY: &str = "Oshii's *Innocence* is a film about dolls.\n\nThe dolls dream of us, \
                    and the film  dreams\nof them in turn.";

fn catalog_with_review(body: &str) -> (Catalog, i64, i64) {
    let c = Catalog::open_in_memory().unwrap();
    let film = c
        .add_film(&FilmInput {
            title: "Innocence".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let review = c
        .add_review(
            film,
            &ReviewInput {
                kind: ReviewKind::Article,
                body: body.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    (c, film, review)
}

fn quote(text: &str) -> HighlightInput {
    HighlightInput {
        quote: text.into(),
        ..Default::default()
    }
}

fn invalid_field<T: std::fmt::Debug>(result: Result<T, CatalogError>) -> &'static str {
    match result {
        Err(CatalogError::Invalid { field, .. }) => field,
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

fn edit(c: &Catalog, review: i64, body: &str) {
    c.update_review(
        review,
        &ReviewInput {
            kind: ReviewKind::Article,
            body: body.into(),
            ..Default::default()
        },
    )
    .unwrap();
}

#[test]
fn a_quote_across_markup_and_line_breaks_is_placed_in_the_text_as_read() {
    let (c, film, review) = catalog_with_review(BODY);
    let h = c
        .add_highlight(
            review,
            &HighlightInput {
                quote: "the film dreams of\n them".into(),
                note: Some("  a mirror  ".into()),
                near: None,
            },
        )
        .unwrap();
    assert_eq!(h.quote, "the film dreams of them");
    assert_eq!((h.review_id, h.film_id), (review, film));
    assert_eq!(h.note.as_deref(), Some("a mirror"));
    assert!(!h.orphaned);
    assert!(h.prefix.ends_with("dream of us, and "), "{:?}", h.prefix);
    assert_eq!(h.suffix, " in turn.");
    let markup = c
        .add_highlight(review, &quote("Innocence is a film"))
        .unwrap();
    assert_eq!(markup.start, 8);
}

#[test]
fn an_empty_quote_or_one_not_in_the_text_is_refused_naming_the_quote() {
    let (c, _, review) = catalog_with_review(BODY);
    assert_eq!(
        invalid_field(c.add_highlight(review, &quote("  \n "))),
        "quote"
    );
    assert_eq!(
        invalid_field(c.add_highlight(review, &quote("dolls sleep"))),
        "quote"
    );
    assert_eq!(
        invalid_field(c.add_highlight(review, &quote(&"x".repeat(2_001)))),
        "quote"
    );
    assert!(c.list_highlights(review).unwrap().is_empty());
}

#[test]
fn notes_are_bounded_and_a_blank_note_is_no_note() {
    let (c, _, review) = catalog_with_review(BODY);
    let long = HighlightInput {
        quote: "dolls".into(),
        note: Some("n".repeat(5_001)),
        near: None,
    };
    assert_eq!(invalid_field(c.add_highlight(review, &long)), "note");
    let h = c.add_highlight(review, &quote("dolls")).unwrap();
    let noted = c
        .update_highlight_note(h.id, Some("they look back"))
        .unwrap();
    assert_eq!(noted.note.as_deref(), Some("they look back"));
    assert_eq!(
        c.update_highlight_note(h.id, Some("  ")).unwrap().note,
        None
    );
    assert_eq!(
        invalid_field(c.update_highlight_note(h.id, Some("a\0b"))),
        "note"
    );
}

#[test]
fn a_repeated_quote_takes_the_first_occurrence_or_the_one_nearest_the_hint() {
    let (c, _, review) = catalog_with_review(BODY);
    let first = c.add_highlight(review, &quote("dolls")).unwrap();
    let near = c
        .add_highlight(
            review,
            &HighlightInput {
                quote: "dolls".into(),
                note: None,
                near: Some(44),
            },
        )
        .unwrap();
    assert_eq!(first.start, 34);
    assert_eq!(near.start, 45);
}

#[test]
fn highlights_are_listed_in_text_order_and_on_the_film_page() {
    let (c, film, review) = catalog_with_review(BODY);
    let late = c.add_highlight(review, &quote("in turn")).unwrap();
    let early = c.add_highlight(review, &quote("Oshii's")).unwrap();
    let ids: Vec<i64> = c
        .list_highlights(review)
        .unwrap()
        .iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(ids, vec![early.id, late.id]);
    let on_film: Vec<i64> = c
        .list_film_highlights(film)
        .unwrap()
        .iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(on_film, ids);
}

#[test]
fn an_edit_around_a_highlight_moves_it_with_its_text() {
    let (c, _, review) = catalog_with_review(BODY);
    let h = c
        .add_highlight(review, &quote("The dolls dream of us"))
        .unwrap();
    edit(
        &c,
        review,
        &format!("A new first paragraph.\n\n{BODY}\n\nAnd a last one."),
    );
    let moved = &c.list_highlights(review).unwrap()[0];
    assert_eq!(
        moved.start,
        h.start + "A new first paragraph. ".len() as u32
    );
    assert!(!moved.orphaned);
    assert_eq!(moved.quote, h.quote);
}

#[test]
fn a_highlight_whose_quote_is_edited_away_is_kept_as_an_orphan_and_found_again_if_it_returns() {
    let (c, _, review) = catalog_with_review(BODY);
    let h = c
        .add_highlight(
            review,
            &HighlightInput {
                quote: "dream of us".into(),
                note: Some("the note survives".into()),
                near: None,
            },
        )
        .unwrap();
    edit(&c, review, "Oshii's Innocence: the dolls sleep.");
    let kept = c.list_highlights(review).unwrap();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].orphaned);
    assert_eq!(kept[0].note.as_deref(), Some("the note survives"));
    edit(&c, review, BODY);
    let back = &c.list_highlights(review).unwrap()[0];
    assert!(!back.orphaned);
    assert_eq!(back.start, h.start);
}

#[test]
fn deleting_a_highlight_or_its_review_removes_it() {
    let (c, _, review) = catalog_with_review(BODY);
    let a = c.add_highlight(review, &quote("dolls")).unwrap();
    c.add_highlight(
        review,
        &HighlightInput {
            quote: "in turn".into(),
            note: Some("indexed, then cascaded away".into()),
            near: None,
        },
    )
    .unwrap();
    c.delete_highlight(a.id).unwrap();
    assert_eq!(c.list_highlights(review).unwrap().len(), 1);
    assert!(matches!(
        c.delete_highlight(a.id),
        Err(CatalogError::NotFound {
            entity: "highlight",
            ..
        })
    ));
    c.delete_review(review).unwrap();
    assert!(matches!(
        c.list_highlights(review),
        Err(CatalogError::NotFound {
            entity: "review",
            ..
        })
    ));
    assert!(c.check_search_index().unwrap().ok);
    assert_eq!(c.search("cascaded", 10, 0).unwrap().total, 0);
}

#[test]
fn highlighting_a_review_of_a_film_in_the_trash_is_refused() {
    let (c, film, review) = catalog_with_review(BODY);
    c.delete_film(film).unwrap();
    assert!(matches!(
        c.add_highlight(review, &quote("dolls")),
        Err(CatalogError::Conflict(_))
    ));
    assert!(matches!(
        c.add_highlight(999, &quote("dolls")),
        Err(CatalogError::NotFound {
            entity: "review",
            ..
        })
    ));
}

#[test]
fn a_word_only_in_a_highlights_note_finds_the_film_with_the_note_as_snippet() {
    let (c, film, review) = catalog_with_review(BODY);
    assert_eq!(c.search("marionettes", 10, 0).unwrap().total, 0);
    let h = c
        .add_highlight(
            review,
            &HighlightInput {
                quote: "dolls dream".into(),
                note: Some("Kleist's essay on marionettes".into()),
                near: None,
            },
        )
        .unwrap();
    let found = c.search("marionettes", 10, 0).unwrap();
    assert_eq!(found.hits.len(), 1);
    assert_eq!(found.hits[0].film.id, film);
    let snippet = found.hits[0].snippet.as_ref().expect("a snippet");
    assert_eq!(snippet.review_id, review);
    let text: String = snippet.text.iter().map(|s| s.text.as_str()).collect();
    assert!(text.contains("Kleist"), "{text}");
    assert!(snippet
        .text
        .iter()
        .any(|s| s.hit && s.text == "marionettes"));
    // The quote is the review's own text, found as before.
    assert_eq!(c.search("dolls", 10, 0).unwrap().hits.len(), 1);

    c.update_highlight_note(h.id, Some("puppets, rather"))
        .unwrap();
    assert_eq!(c.search("marionettes", 10, 0).unwrap().total, 0);
    assert_eq!(c.search("puppets", 10, 0).unwrap().hits.len(), 1);
    c.delete_highlight(h.id).unwrap();
    assert_eq!(c.search("puppets", 10, 0).unwrap().total, 0);
    let report = c.check_search_index().unwrap();
    assert!(report.ok, "{:?}", report.problems);
}

#[test]
fn a_note_of_a_film_in_the_trash_finds_nothing_and_a_rebuilt_index_keeps_notes() {
    let (c, film, review) = catalog_with_review(BODY);
    c.add_highlight(
        review,
        &HighlightInput {
            quote: "dolls".into(),
            note: Some("automata".into()),
            near: None,
        },
    )
    .unwrap();
    c.rebuild_search_index().unwrap();
    assert_eq!(c.search("automata", 10, 0).unwrap().hits.len(), 1);
    c.delete_film(film).unwrap();
    assert_eq!(c.search("automata", 10, 0).unwrap().total, 0);
    assert!(c.check_search_index().unwrap().ok);
}
