//! Canon lists against recorded Wikidata answers served on 127.0.0.1: an award's winners become a
//! list named after it, films already in the catalog linked, the others ghosts that become real
//! entries when added; following again keeps what the person wrote; a failed fetch changes nothing.

use crate::reference_support;
use crate::support::film;
use cinedex_catalog::{Catalog, CatalogError, FilmListDetail, WatchStatus};
use cinedex_catalog::{ExternalId, Reference, ReferenceOptions};
use reference_support::{options, reference, wikidata, Asked, Reply, TestServer};

/// A catalog with Pulp Fiction (by its Wikidata id, watched) and Shoplifters (by its IMDb id).
fn catalog_with_two_winners() -> (Catalog, i64, i64) {
    let catalog = Catalog::open_in_memory().unwrap();
    let pulp = film("Pulp Fiction")
        .year(1994)
        .external_id(ExternalId::new("wikidata", "Q104123"))
        .add(&catalog)
        .id;
    let shoplifters = film("Shoplifters")
        .year(2018)
        .external_id(ExternalId::new("imdb", "tt8075192"))
        .add(&catalog)
        .id;
    catalog
        .set_watch_status(pulp, WatchStatus::Watched)
        .unwrap();
    (catalog, pulp, shoplifters)
}

fn titles(detail: &FilmListDetail) -> Vec<(i64, String, bool)> {
    let mut all: Vec<(i64, String, bool)> = detail
        .entries
        .iter()
        .map(|e| (e.position, e.film.title.clone(), false))
        .chain(
            detail
                .ghosts
                .iter()
                .map(|g| (g.position, g.title.clone(), true)),
        )
        .collect();
    all.sort();
    all
}

#[test]
fn following_an_award_makes_a_list_named_after_it_with_ghosts_for_the_films_not_in_the_catalog() {
    let server = TestServer::start(wikidata);
    let (catalog, pulp, shoplifters) = catalog_with_two_winners();
    let detail = catalog
        .add_canon(&reference(&server.url), "Q179808")
        .unwrap();
    assert_eq!(detail.list.name, "Palme d'Or");
    assert_eq!(detail.list.canon.as_deref(), Some("wikidata:Q179808"));
    assert_eq!(detail.list.total, 6, "six films; the actor is not one");
    assert_eq!(detail.list.seen, 1);
    assert_eq!(detail.list.film_count, 2);
    let linked: Vec<i64> = detail.entries.iter().map(|e| e.film.id).collect();
    assert!(linked.contains(&pulp) && linked.contains(&shoplifters));
    assert!(detail.entries.iter().any(|e| e.film.id == pulp && e.seen));
    let parasite = detail
        .ghosts
        .iter()
        .find(|g| g.title == "Parasite")
        .expect("Parasite is a ghost");
    assert_eq!(parasite.reference_id, "wikidata:Q61448040");
    assert_eq!(parasite.year, Some(2019));
    assert_eq!(parasite.directors, ["Bong Joon-ho"]);
    assert!(!detail.ghosts.iter().any(|g| g.title == "Alain Delon"));
    let lists = catalog.list_lists().unwrap();
    assert_eq!(lists.len(), 1);
    assert_eq!((lists[0].seen, lists[0].total), (1, 6));
}

#[test]
fn an_award_named_in_words_is_looked_up_and_an_unknown_one_is_refused_by_name() {
    let server = TestServer::start(wikidata);
    let catalog = Catalog::open_in_memory().unwrap();
    let detail = catalog
        .add_canon(&reference(&server.url), "Palme d'Or")
        .unwrap();
    assert_eq!(detail.list.canon.as_deref(), Some("wikidata:Q179808"));
    let error = catalog
        .add_canon(&reference(&server.url), "Golden Turnip")
        .unwrap_err();
    match error {
        CatalogError::Invalid { field, message } => {
            assert_eq!(field, "award");
            assert!(message.contains("Golden Turnip"), "{message}");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(catalog.list_lists().unwrap().len(), 1);
}

#[test]
fn following_the_same_award_again_keeps_notes_and_order_and_makes_no_duplicate() {
    let server = TestServer::start(wikidata);
    let (catalog, _, _) = catalog_with_two_winners();
    let first = catalog
        .add_canon(&reference(&server.url), "Q179808")
        .unwrap();
    let id = first.list.id;
    let last = first.list.total;
    catalog.reorder_list_entry(id, last, 1).unwrap();
    catalog
        .set_list_entry_note(id, 1, Some("  see first  "))
        .unwrap();
    let before = titles(&catalog.get_list(id).unwrap());
    let again = catalog
        .add_canon(&reference(&server.url), "palme d'or")
        .unwrap();
    assert_eq!(again.list.id, id);
    assert_eq!(catalog.list_lists().unwrap().len(), 1);
    assert_eq!(titles(&again), before);
    let first_place = again
        .entries
        .iter()
        .map(|e| (e.position, e.note.clone()))
        .chain(again.ghosts.iter().map(|g| (g.position, g.note.clone())))
        .find(|(p, _)| *p == 1)
        .unwrap();
    assert_eq!(first_place.1.as_deref(), Some("see first"));
}

#[test]
fn adding_a_ghost_to_the_catalog_turns_it_into_a_real_entry_in_its_place() {
    let server = TestServer::start(wikidata);
    let (catalog, _, _) = catalog_with_two_winners();
    let reference = reference(&server.url);
    let detail = catalog.add_canon(&reference, "Q179808").unwrap();
    let ghost = detail
        .ghosts
        .iter()
        .find(|g| g.title == "Parasite")
        .unwrap()
        .clone();
    catalog
        .set_list_entry_note(detail.list.id, ghost.position, Some("Bong!"))
        .unwrap();
    let after = catalog
        .add_ghost_film(&reference, detail.list.id, &ghost.reference_id)
        .unwrap();
    assert_eq!(after.ghosts.len(), 3, "four ghosts, one added");
    let entry = after
        .entries
        .iter()
        .find(|e| e.film.title == "Parasite")
        .expect("Parasite is a real entry now");
    assert_eq!(entry.position, ghost.position);
    assert_eq!(entry.note.as_deref(), Some("Bong!"));
    assert_eq!(after.list.total, 6);
    let error = catalog
        .add_ghost_film(&reference, detail.list.id, "wikidata:Q1")
        .unwrap_err();
    assert!(matches!(error, CatalogError::Invalid { .. }), "{error:?}");
}

#[test]
fn offline_following_an_award_is_refused_clearly_and_changes_nothing() {
    let server = TestServer::start(wikidata);
    let (catalog, _, _) = catalog_with_two_winners();
    let mut offline: ReferenceOptions = options(&server.url);
    offline.http.offline = true;
    let error = catalog
        .add_canon(&Reference::new(offline).unwrap(), "Q179808")
        .unwrap_err();
    assert!(matches!(error, CatalogError::Offline { .. }), "{error:?}");
    assert!(error.to_string().contains("offline"));
    assert!(catalog.list_lists().unwrap().is_empty());
    assert_eq!(server.requests(), 0);
}

#[test]
fn a_fetch_failing_midway_leaves_the_catalog_exactly_as_it_was() {
    let server = TestServer::start(|asked: &Asked| {
        // The winners are found, but the answer naming their directors never comes.
        if asked.param("action") == "wbgetentities" && asked.param("ids").contains("Q3772") {
            return Reply::Text(500, "server error".into());
        }
        wikidata(asked)
    });
    let (catalog, _, _) = catalog_with_two_winners();
    let error = catalog
        .add_canon(&reference(&server.url), "Q179808")
        .unwrap_err();
    assert!(matches!(error, CatalogError::Network { .. }), "{error:?}");
    assert!(catalog.list_lists().unwrap().is_empty());
}

#[test]
fn a_film_added_by_its_imdb_id_replaces_its_ghost_on_every_list() {
    let server = TestServer::start(wikidata);
    let catalog = Catalog::open_in_memory().unwrap();
    let detail = catalog
        .add_canon(&reference(&server.url), "Q179808")
        .unwrap();
    assert_eq!(detail.ghosts.len(), 6);
    film("Apocalypse Now")
        .year(1979)
        .external_id(ExternalId::new("imdb", "tt0078788"))
        .add(&catalog);
    let after = catalog.get_list(detail.list.id).unwrap();
    assert_eq!(after.ghosts.len(), 5);
    assert_eq!(after.entries.len(), 1);
    assert_eq!(after.entries[0].film.title, "Apocalypse Now");
}

#[test]
fn a_ghost_whose_film_comes_back_from_the_trash_becomes_its_entry_when_followed_again() {
    let server = TestServer::start(wikidata);
    let (catalog, pulp, _) = catalog_with_two_winners();
    catalog.delete_film(pulp).unwrap();
    let first = catalog
        .add_canon(&reference(&server.url), "Q179808")
        .unwrap();
    let ghost = first
        .ghosts
        .iter()
        .find(|g| g.title == "Pulp Fiction")
        .expect("a film in the trash is not in the catalog")
        .clone();
    catalog
        .set_list_entry_note(first.list.id, ghost.position, Some("restore it"))
        .unwrap();
    catalog.restore_film(pulp).unwrap();
    let again = catalog
        .add_canon(&reference(&server.url), "Q179808")
        .unwrap();
    assert!(!again.ghosts.iter().any(|g| g.title == "Pulp Fiction"));
    let entry = again.entries.iter().find(|e| e.film.id == pulp).unwrap();
    assert_eq!(entry.position, ghost.position);
    assert_eq!(entry.note.as_deref(), Some("restore it"));
    assert_eq!(again.list.total, 6);
}

#[test]
fn following_again_asks_for_the_winners_anew_and_offline_reads_them_from_the_cache() {
    let server = TestServer::start(wikidata);
    let dir = tempfile::tempdir().unwrap();
    let mut cached = options(&server.url);
    cached.cache_path = Some(dir.path().join("cache.sqlite"));
    let catalog = Catalog::open_in_memory().unwrap();
    catalog
        .add_canon(&Reference::new(cached.clone()).unwrap(), "Q179808")
        .unwrap();
    server.reset();
    catalog
        .add_canon(&Reference::new(cached.clone()).unwrap(), "Q179808")
        .unwrap();
    let asked = server.asked.lock().unwrap().clone();
    assert!(
        asked.iter().any(|url| url.contains("haswbstatement")),
        "the winners are asked again: {asked:?}"
    );
    assert!(
        !asked.iter().any(|url| url.contains("wbgetentities")),
        "the films come from the cache: {asked:?}"
    );
    cached.http.offline = true;
    let offline = catalog
        .add_canon(&Reference::new(cached).unwrap(), "Q179808")
        .unwrap();
    assert_eq!(offline.list.total, 6);
    assert_eq!(catalog.list_lists().unwrap().len(), 1);
}
