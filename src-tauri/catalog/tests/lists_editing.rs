//! Lists edited by hand: created, renamed (names unique regardless of case and accents),
//! entries moved and annotated, and counted as seen.

use cinedex_catalog::{Catalog, CatalogError, FilmInput, WatchStatus};

fn film(catalog: &Catalog, title: &str) -> i64 {
    catalog
        .add_film(&FilmInput {
            title: title.into(),
            ..FilmInput::default()
        })
        .unwrap()
        .id
}

#[test]
fn a_new_list_is_empty_and_a_name_differing_only_by_case_or_accents_is_refused() {
    let catalog = Catalog::open_in_memory().unwrap();
    let list = catalog.create_list("Été 2024", None).unwrap();
    assert_eq!((list.seen, list.total, list.film_count), (0, 0, 0));
    let error = catalog.create_list("ete 2024", None).unwrap_err();
    assert!(
        matches!(error, CatalogError::Invalid { field: "name", .. }),
        "{error:?}"
    );
    let error = catalog.create_list("   ", None).unwrap_err();
    assert!(matches!(error, CatalogError::Invalid { field: "name", .. }));
}

#[test]
fn renaming_a_list_keeps_it_and_refuses_another_lists_name() {
    let catalog = Catalog::open_in_memory().unwrap();
    let first = catalog.create_list("Best of", None).unwrap();
    catalog.create_list("Worst of", None).unwrap();
    let renamed = catalog.rename_list(first.id, "Best of all").unwrap();
    assert_eq!(renamed.name, "Best of all");
    assert_eq!(renamed.id, first.id);
    assert!(catalog.rename_list(first.id, "WORST OF").is_err());
    assert!(catalog.rename_list(first.id, "best OF ALL").is_ok());
    assert!(matches!(
        catalog.rename_list(999, "x").unwrap_err(),
        CatalogError::NotFound { .. }
    ));
}

#[test]
fn moving_an_entry_renumbers_the_list_and_notes_stay_with_their_film() {
    let catalog = Catalog::open_in_memory().unwrap();
    let list = catalog.create_list("Order", None).unwrap();
    let ids: Vec<i64> = ["A", "B", "C"].iter().map(|t| film(&catalog, t)).collect();
    catalog.add_films_to_list(list.id, &ids).unwrap();
    catalog
        .set_list_entry_note(list.id, 3, Some("last"))
        .unwrap();
    let moved = catalog.reorder_list_entry(list.id, 3, 1).unwrap();
    let order: Vec<(&str, Option<&str>)> = moved
        .entries
        .iter()
        .map(|e| (e.film.title.as_str(), e.note.as_deref()))
        .collect();
    assert_eq!(order, [("C", Some("last")), ("A", None), ("B", None)]);
    let positions: Vec<i64> = moved.entries.iter().map(|e| e.position).collect();
    assert_eq!(positions, [1, 2, 3]);
    catalog
        .set_watch_status(ids[0], WatchStatus::Watched)
        .unwrap();
    let list = catalog.get_list(list.id).unwrap().list;
    assert_eq!((list.seen, list.total), (1, 3));
    assert!(catalog.set_list_entry_note(list.id, 9, Some("x")).is_err());
}
