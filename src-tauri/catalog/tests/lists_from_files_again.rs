//! Following the same list file again, or under a name already taken: new rows are added at
//! the end, what the person wrote and their order stay, nothing is duplicated; a list of that
//! name is adopted unless it follows another canon, which is refused without writing.

use cinedex_catalog::CatalogError;

use crate::lists_from_files::{catalog_for_the_letterboxd_list, places, write, LETTERBOXD_LIST};

#[test]
fn following_the_file_again_adds_new_rows_keeps_notes_and_order_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "slow-cinema.csv", LETTERBOXD_LIST);
    let (catalog, _, _, _) = catalog_for_the_letterboxd_list();
    let first = catalog.follow_list_file(&path, None, false).unwrap();
    let id = first.list_id;
    catalog.set_list_entry_note(id, 2, Some("mine")).unwrap();
    catalog
        .set_list_entry_note(id, 4, Some("mine too"))
        .unwrap();
    catalog.reorder_list_entry(id, 4, 1).unwrap();
    let grown =
        format!("{LETTERBOXD_LIST}5,Béla's Other,1988,https://letterboxd.com/film/damnation/,\n");
    write(dir.path(), "slow-cinema.csv", &grown);
    let again = catalog.follow_list_file(&path, None, false).unwrap();
    assert_eq!(again.list_id, id);
    assert_eq!((again.linked, again.ghosts), (3, 2));
    let detail = catalog.get_list(id).unwrap();
    assert_eq!(
        places(&detail),
        [
            (1, "Jeanne Dielman".into(), true, Some("mine too".into())),
            (2, "Matrix".into(), false, Some("Not slow at all".into())),
            (3, "Stalker".into(), false, Some("mine".into())),
            (4, "Satantango".into(), false, None),
            (5, "Béla's Other".into(), true, None),
        ]
    );
    assert_eq!(catalog.list_lists().unwrap().len(), 1);
}

#[test]
fn a_plain_list_of_the_same_name_is_adopted_and_one_following_another_canon_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "slow-cinema.csv", LETTERBOXD_LIST);
    let (catalog, matrix, _, _) = catalog_for_the_letterboxd_list();
    let plain = catalog.create_list("slow cinema", None).unwrap();
    catalog.add_films_to_list(plain.id, &[matrix]).unwrap();
    let followed = catalog.follow_list_file(&path, None, false).unwrap();
    assert_eq!(
        followed.list_id, plain.id,
        "the list of that name follows the file now"
    );
    assert_eq!(
        (followed.linked, followed.total),
        (3, 4),
        "Matrix is not there twice"
    );
    // Renamed, the list still follows `file:Slow Cinema`; its new name is taken for another file.
    catalog.rename_list(plain.id, "Tarkovsky").unwrap();
    let again = catalog.follow_list_file(&path, None, false).unwrap();
    assert_eq!(again.list_id, plain.id);
    let before = catalog.get_list(plain.id).unwrap();
    let other = write(dir.path(), "other.csv", "Title\nStalker\n");
    let error = catalog
        .follow_list_file(&other, Some("Tarkovsky"), false)
        .unwrap_err();
    assert!(matches!(error, CatalogError::Conflict(_)), "{error:?}");
    assert_eq!(catalog.list_lists().unwrap().len(), 1);
    assert_eq!(catalog.get_list(plain.id).unwrap(), before);
}
