//! Films on in-memory catalogs: validation, editing, listing order, timestamps and the trash.

use crate::support::{catalog, film};
use cinedex_catalog::{Catalog, CatalogError, FilmInput, FilmListQuery, FilmSort, ReviewInput};

fn invalid_field(result: Result<impl std::fmt::Debug, CatalogError>) -> (&'static str, String) {
    match result {
        Err(CatalogError::Invalid { field, message }) => (field, message),
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

fn titles(catalog: &Catalog, query: &FilmListQuery) -> Vec<String> {
    catalog
        .list_films(query)
        .unwrap()
        .into_iter()
        .map(|f| f.title)
        .collect()
}

#[test]
fn adding_a_film_stores_it_with_its_directors_and_themes_in_order() {
    let c = catalog();
    let mut input = film("Innocence")
        .year(2004)
        .directors(["Mamoru Oshii", "Kazunori Itō"])
        .themes(["cyberpunk", "dolls", "identity"])
        .input();
    input.original_title = Some("イノセンス".into());
    let added = c.add_film(&input).unwrap();
    let shown = c.get_film(added.id).unwrap().film;
    assert_eq!(shown, added);
    assert_eq!(shown.title, "Innocence");
    assert_eq!(shown.original_title.as_deref(), Some("イノセンス"));
    assert_eq!(shown.year, Some(2004));
    assert_eq!(shown.directors, ["Mamoru Oshii", "Kazunori Itō"]);
    assert_eq!(shown.themes, ["cyberpunk", "dolls", "identity"]);
    assert_eq!(shown.review_count, 0);
    assert_eq!(shown.created_at, shown.updated_at);
    assert!(shown.deleted_at.is_none());
}

#[test]
fn an_empty_or_blank_title_is_refused_naming_the_title_field() {
    let c = catalog();
    for title in ["", "   ", "\n\t"] {
        let (field, message) = invalid_field(c.add_film(&film(title).input()));
        assert_eq!(field, "title");
        assert!(message.contains("title"), "{message}");
    }
    assert!(c.list_films(&FilmListQuery::default()).unwrap().is_empty());
}

#[test]
fn a_title_longer_than_500_characters_is_refused_but_500_is_fine() {
    let c = catalog();
    assert!(c.add_film(&film(&"é".repeat(500)).input()).is_ok());
    let (field, message) = invalid_field(c.add_film(&film(&"é".repeat(501)).input()));
    assert_eq!(field, "title");
    assert!(message.contains("501"), "{message}");
}

#[test]
fn years_outside_1870_to_ten_years_from_now_are_refused() {
    let c = catalog();
    let last = cinedex_catalog::last_film_year();
    for year in [1869, 3000, last + 1, -5] {
        let (field, message) = invalid_field(c.add_film(&film("Too odd").year(year).input()));
        assert_eq!(field, "year");
        assert!(message.contains(&year.to_string()), "{message}");
    }
    for year in [1870, 1999, last] {
        assert_eq!(
            c.add_film(&film("Fine").year(year).input()).unwrap().year,
            Some(year)
        );
    }
}

#[test]
fn names_are_trimmed_and_duplicates_collapse_ignoring_case_and_accents() {
    let c = catalog();
    let added = c
        .add_film(
            &film("  The   Film ")
                .directors([" Agnès Varda ", "agnes varda", "", "Jacques Demy"])
                .themes(["Memory", "memory", "MÉMORY", " ", "time"])
                .input(),
        )
        .unwrap();
    assert_eq!(added.title, "The Film");
    assert_eq!(added.directors, ["Agnès Varda", "Jacques Demy"]);
    assert_eq!(added.themes, ["Memory", "time"]);
}

#[test]
fn a_theme_is_shared_between_films_whatever_its_case() {
    let c = catalog();
    c.add_film(&film("A").themes(["Cyberpunk"]).input())
        .unwrap();
    let b = c
        .add_film(&film("B").themes(["cyberpunk"]).input())
        .unwrap();
    // One theme row: the first spelling is the theme's name everywhere.
    assert_eq!(b.themes, ["Cyberpunk"]);
}

#[test]
fn editing_a_film_replaces_its_fields_and_moves_updated_at_forward() {
    let c = catalog();
    let added = c
        .add_film(
            &film("Innocnce")
                .year(2003)
                .directors(["Oshii"])
                .themes(["dolls"])
                .input(),
        )
        .unwrap();
    let edited = c
        .update_film(
            added.id,
            &film("Innocence")
                .year(2004)
                .directors(["Mamoru Oshii"])
                .themes(["dolls", "cyborgs"])
                .input(),
        )
        .unwrap();
    assert_eq!(edited.title, "Innocence");
    assert_eq!(edited.year, Some(2004));
    assert_eq!(edited.directors, ["Mamoru Oshii"]);
    assert_eq!(edited.themes, ["dolls", "cyborgs"]);
    assert_eq!(edited.created_at, added.created_at);
    assert!(edited.updated_at > added.updated_at);
}

#[test]
fn an_invalid_edit_changes_nothing() {
    let c = catalog();
    let added = c
        .add_film(
            &film("Kept")
                .year(2000)
                .directors(["Someone"])
                .themes(["kept"])
                .input(),
        )
        .unwrap();
    let (field, _) = invalid_field(c.update_film(added.id, &film("Kept").year(3000).input()));
    assert_eq!(field, "year");
    assert_eq!(c.get_film(added.id).unwrap().film, added);
}

#[test]
fn editing_or_showing_a_missing_film_says_not_found() {
    let c = catalog();
    assert!(matches!(
        c.get_film(42),
        Err(CatalogError::NotFound { id: 42, .. })
    ));
    assert!(matches!(
        c.update_film(42, &film("X").input()),
        Err(CatalogError::NotFound { .. })
    ));
    assert!(matches!(
        c.delete_film(42),
        Err(CatalogError::NotFound { .. })
    ));
}

#[test]
fn deleting_moves_a_film_to_the_trash_and_restoring_brings_it_back() {
    let c = catalog();
    let kept = c.add_film(&film("Kept").input()).unwrap();
    let gone = c.add_film(&film("Gone").input()).unwrap();
    c.delete_film(gone.id).unwrap();
    assert_eq!(titles(&c, &FilmListQuery::default()), ["Kept"]);
    let trash = c.list_trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].id, gone.id);
    assert!(trash[0].deleted_at.is_some());
    let info = c.info().unwrap();
    assert_eq!((info.film_count, info.trash_count), (1, 1));

    let restored = c.restore_film(gone.id).unwrap();
    assert!(restored.deleted_at.is_none());
    assert_eq!(titles(&c, &FilmListQuery::default()), ["Gone", "Kept"]);
    assert!(c.list_trash().unwrap().is_empty());
    assert!(matches!(
        c.restore_film(kept.id),
        Err(CatalogError::Conflict(_))
    ));
}

#[test]
fn a_film_in_the_trash_cannot_be_edited_or_deleted_again() {
    let c = catalog();
    let f = c.add_film(&film("Trashed").input()).unwrap();
    c.delete_film(f.id).unwrap();
    assert!(matches!(
        c.update_film(f.id, &film("New").input()),
        Err(CatalogError::Conflict(_))
    ));
    assert!(matches!(
        c.delete_film(f.id),
        Err(CatalogError::Conflict(_))
    ));
}

#[test]
fn purging_removes_the_film_its_reviews_and_names_no_one_else_uses() {
    let c = catalog();
    let doomed = c
        .add_film(
            &film("Doomed")
                .directors(["Only Here", "Shared"])
                .themes(["lonely", "common"])
                .input(),
        )
        .unwrap();
    c.add_film(
        &film("Other")
            .directors(["Shared"])
            .themes(["Common"])
            .input(),
    )
    .unwrap();
    let review = c
        .add_review(
            doomed.id,
            &ReviewInput {
                body: "gone soon".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(
        matches!(c.purge_film(doomed.id), Err(CatalogError::Conflict(_))),
        "only trashed films are purged"
    );
    c.delete_film(doomed.id).unwrap();
    c.purge_film(doomed.id).unwrap();
    assert!(matches!(
        c.get_film(doomed.id),
        Err(CatalogError::NotFound { .. })
    ));
    assert!(matches!(
        c.get_review(review.id),
        Err(CatalogError::NotFound { .. })
    ));
    // "Only Here" and "lonely" went with the film; re-adding them takes the new spelling.
    let again = c
        .add_film(
            &film("Again")
                .directors(["ONLY HERE", "shared"])
                .themes(["LONELY", "common"])
                .input(),
        )
        .unwrap();
    assert_eq!(again.directors, ["ONLY HERE", "Shared"]);
    assert_eq!(again.themes, ["LONELY", "common"]);
}

#[test]
fn emptying_the_trash_purges_every_trashed_film() {
    let c = catalog();
    for title in ["A", "B", "C"] {
        let f = c.add_film(&film(title).input()).unwrap();
        if title != "B" {
            c.delete_film(f.id).unwrap();
        }
    }
    assert_eq!(c.empty_trash().unwrap(), 2);
    assert!(c.list_trash().unwrap().is_empty());
    assert_eq!(titles(&c, &FilmListQuery::default()), ["B"]);
}

#[test]
fn the_library_sorts_by_each_column_with_missing_values_last() {
    let c = catalog();
    c.add_film(
        &film("Éclair")
            .year(1990)
            .directors(["Zed"])
            .themes(["b"])
            .input(),
    )
    .unwrap();
    c.add_film(&film("apple").input()).unwrap();
    c.add_film(
        &film("Banana")
            .year(1950)
            .directors(["Ann"])
            .themes(["a", "z"])
            .input(),
    )
    .unwrap();
    let by = |sort, descending| {
        titles(
            &c,
            &FilmListQuery {
                title_filter: None,
                watch_status: None,
                sort,
                descending,
                ..Default::default()
            },
        )
    };
    assert_eq!(by(FilmSort::Title, false), ["apple", "Banana", "Éclair"]);
    assert_eq!(by(FilmSort::Title, true), ["Éclair", "Banana", "apple"]);
    assert_eq!(by(FilmSort::Year, false), ["Banana", "Éclair", "apple"]);
    assert_eq!(by(FilmSort::Year, true), ["Éclair", "Banana", "apple"]);
    assert_eq!(
        by(FilmSort::Directors, false),
        ["Banana", "Éclair", "apple"]
    );
    assert_eq!(by(FilmSort::Themes, false), ["Banana", "Éclair", "apple"]);
}

#[test]
fn the_library_sorts_by_number_of_reviews() {
    let c = catalog();
    let few = c.add_film(&film("Few").input()).unwrap();
    let many = c.add_film(&film("Many").input()).unwrap();
    c.add_film(&film("None").input()).unwrap();
    let note = ReviewInput {
        body: "x".into(),
        ..Default::default()
    };
    c.add_review(few.id, &note).unwrap();
    c.add_review(many.id, &note).unwrap();
    c.add_review(many.id, &note).unwrap();
    let query = FilmListQuery {
        title_filter: None,
        watch_status: None,
        sort: FilmSort::ReviewCount,
        descending: true,
        ..Default::default()
    };
    assert_eq!(titles(&c, &query), ["Many", "Few", "None"]);
}

#[test]
fn the_title_filter_ignores_case_and_accents_and_looks_at_original_titles() {
    let c = catalog();
    c.add_film(&FilmInput {
        original_title: Some("Le Fabuleux Destin d'Amélie Poulain".into()),
        ..film("Amélie").input()
    })
    .unwrap();
    c.add_film(&FilmInput {
        original_title: Some("千と千尋の神隠し".into()),
        ..film("Spirited Away").input()
    })
    .unwrap();
    let filter = |text: &str| {
        titles(
            &c,
            &FilmListQuery {
                title_filter: Some(text.into()),
                ..Default::default()
            },
        )
    };
    assert_eq!(filter("AMELIE"), ["Amélie"]);
    assert_eq!(filter("fabuleux"), ["Amélie"]);
    assert_eq!(filter("千と千尋"), ["Spirited Away"]);
    assert_eq!(filter("   "), ["Amélie", "Spirited Away"]);
    assert!(filter("%").is_empty(), "LIKE wildcards are plain text");
}

#[test]
fn films_are_purged_from_the_trash_after_thirty_days_only() {
    let c = catalog();
    let old = c.add_film(&film("Long gone").input()).unwrap();
    let recent = c.add_film(&film("Just deleted").input()).unwrap();
    c.delete_film(old.id).unwrap();
    c.delete_film(recent.id).unwrap();
    assert_eq!(c.purge_trash_older_than(30).unwrap(), 0);
    // Deleted "now": a zero-day limit takes both, as emptying the trash would.
    std::thread::sleep(std::time::Duration::from_millis(5));
    assert_eq!(c.purge_trash_older_than(0).unwrap(), 2);
    assert!(c.list_trash().unwrap().is_empty());
}
