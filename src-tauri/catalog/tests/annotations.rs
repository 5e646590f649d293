//! Timecoded notes on in-memory catalogs.

use cinedex_catalog::{AnnotationInput, Catalog, CatalogError, FilmInput};

fn note(at: &str, body: &str) -> AnnotationInput {
    AnnotationInput {
        at: at.into(),
        body: body.into(),
    }
}

#[test]
fn timecoded_notes_are_listed_in_film_order_and_shown_on_the_film() {
    let c = Catalog::open_in_memory().unwrap();
    let film = c
        .add_film(&FilmInput {
            title: "Innocence".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    c.add_annotation(film, &note("01:12:30", "the doll parade"))
        .unwrap();
    c.add_annotation(film, &note("0:05:00", "opening credits"))
        .unwrap();
    let edited = c.add_annotation(film, &note("1:40", "typo")).unwrap();
    let edited = c
        .update_annotation(edited.id, &note("00:40:00", "the library"))
        .unwrap();
    assert_eq!(edited.at, "0:40:00");
    let detail = c.get_film(film).unwrap();
    let shown: Vec<(String, String)> = detail
        .annotations
        .iter()
        .map(|a| (a.at.clone(), a.body.clone()))
        .collect();
    assert_eq!(
        shown,
        [
            ("0:05:00".to_owned(), "opening credits".to_owned()),
            ("0:40:00".to_owned(), "the library".to_owned()),
            ("1:12:30".to_owned(), "the doll parade".to_owned())
        ]
    );
    c.delete_annotation(edited.id).unwrap();
    assert_eq!(c.list_annotations(film).unwrap().len(), 2);
}

#[test]
fn a_bad_timecode_or_an_empty_note_is_refused_naming_the_field() {
    let c = Catalog::open_in_memory().unwrap();
    let film = c
        .add_film(&FilmInput {
            title: "Innocence".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    match c.add_annotation(film, &note("1:75:00", "x")) {
        Err(CatalogError::Invalid { field, message }) => {
            assert_eq!(field, "at");
            assert!(message.contains("HH:MM:SS"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        c.add_annotation(film, &note("0:01:00", "  ")),
        Err(CatalogError::Invalid { field: "body", .. })
    ));
    assert!(c.list_annotations(film).unwrap().is_empty());
}
