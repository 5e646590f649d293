//! The `list:` search filter: a list's name, folded (case and accents do not matter), or its
//! beginning, keeps only the films on that list; a list that does not exist finds nothing.

use crate::support::film;
use cinedex_catalog::Catalog;

fn found(catalog: &Catalog, query: &str) -> Vec<String> {
    let mut titles: Vec<String> = catalog
        .search(query, 50, 0)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.film.title)
        .collect();
    titles.sort();
    titles
}

fn catalog() -> Catalog {
    let catalog = Catalog::open_in_memory().unwrap();
    let palme = catalog.create_list("Palme d'Or", None).unwrap();
    let ete = catalog.create_list("Été 100%", None).unwrap();
    let parasite = film("Parasite").add(&catalog).id;
    let piano = film("The Piano").add(&catalog).id;
    film("The Pianist").add(&catalog);
    catalog
        .add_films_to_list(palme.id, &[parasite, piano])
        .unwrap();
    catalog.add_films_to_list(ete.id, &[piano]).unwrap();
    catalog
}

#[test]
fn a_list_filter_alone_finds_every_film_on_the_list() {
    let catalog = catalog();
    assert_eq!(
        found(&catalog, "list:\"Palme d'Or\""),
        ["Parasite", "The Piano"]
    );
}

#[test]
fn a_list_filter_ignores_case_and_accents_and_takes_a_prefix() {
    let catalog = catalog();
    assert_eq!(
        found(&catalog, "list:\"PALME D'OR\""),
        ["Parasite", "The Piano"]
    );
    assert_eq!(found(&catalog, "list:palme"), ["Parasite", "The Piano"]);
    assert_eq!(found(&catalog, "list:ete"), ["The Piano"]);
}

#[test]
fn a_list_filter_narrows_a_text_search() {
    let catalog = catalog();
    assert_eq!(found(&catalog, "pian list:palme"), ["The Piano"]);
    assert_eq!(found(&catalog, "pian"), ["The Pianist", "The Piano"]);
}

#[test]
fn an_unknown_list_or_like_wildcards_find_nothing_and_are_never_an_error() {
    let catalog = catalog();
    assert!(found(&catalog, "list:\"No such list\"").is_empty());
    assert!(found(&catalog, "list:%").is_empty());
    assert!(found(&catalog, "list:_alme").is_empty());
    assert_eq!(found(&catalog, "list:\"ete 100%\""), ["The Piano"]);
    for odd in [
        "list:",
        "list:\"",
        "list:\"\"",
        "list:'; DROP TABLE lists; --",
    ] {
        catalog.search(odd, 10, 0).unwrap();
    }
}
