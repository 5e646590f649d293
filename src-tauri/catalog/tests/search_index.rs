//! The search index: in step with every kind of write, rebuilt alike from triggers or from scratch,
//! built when an old catalog is upgraded, and repaired when it is out of step.

use crate::support::film;
use cinedex_catalog::generate_films;
use cinedex_catalog::*;

use crate::search_support;
use search_support::*;

#[test]
fn the_index_follows_every_kind_of_write() {
    let c = catalog();
    assert_index_sound(&c);
    let f = film("Paprika")
        .year(2006)
        .directors(["Satoshi Kon"])
        .themes(["dreams"])
        .add(&c);
    assert_eq!(titles(&c, "paprika"), ["Paprika"]);
    assert_index_sound(&c);

    c.update_film(
        f.id,
        &FilmInput {
            title: "Perfect Blue".into(),
            year: Some(1997),
            directors: vec!["Satoshi Kon".into()],
            themes: vec!["idols".into()],
            ..Default::default()
        },
    )
    .unwrap();
    assert!(titles(&c, "paprika").is_empty());
    assert_eq!(titles(&c, "theme:idols"), ["Perfect Blue"]);
    assert_index_sound(&c);

    let r = review(&c, f.id, ReviewKind::Note, "a mirror and a dancer");
    assert_eq!(titles(&c, "dancer"), ["Perfect Blue"]);
    c.update_review(
        r.id,
        &ReviewInput {
            kind: ReviewKind::Note,
            body: "a mirror and a singer".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(titles(&c, "dancer").is_empty());
    assert_eq!(titles(&c, "singer"), ["Perfect Blue"]);
    assert_index_sound(&c);
    c.delete_review(r.id).unwrap();
    assert!(titles(&c, "singer").is_empty());
    assert_index_sound(&c);

    review(&c, f.id, ReviewKind::Review, "the singer again");
    c.delete_film(f.id).unwrap();
    assert!(titles(&c, "perfect").is_empty());
    assert!(
        titles(&c, "singer").is_empty(),
        "reviews of films in the trash are not found"
    );
    assert_index_sound(&c);
    c.restore_film(f.id).unwrap();
    assert_eq!(titles(&c, "singer"), ["Perfect Blue"]);
    assert_index_sound(&c);
    c.delete_film(f.id).unwrap();
    c.purge_film(f.id).unwrap();
    assert!(titles(&c, "kon").is_empty());
    assert_index_sound(&c);
    c.empty_trash().unwrap();
    assert_index_sound(&c);
    assert!(c.check().unwrap().ok);
}

#[test]
fn rebuilding_the_index_repairs_it() {
    let c = catalog();
    c.rebuild_search_index().unwrap();
    assert_index_sound(&c);
    assert_eq!(titles(&c, "amelie"), ["Amélie"]);
}

#[test]
fn a_generated_catalog_is_indexed_alike_through_triggers_and_a_rebuild() {
    let through_triggers = Catalog::open_in_memory().unwrap();
    let made = generate_films(&through_triggers, 6_000, 7, false).unwrap();
    assert_eq!(made.films, 6_000);
    assert_index_sound(&through_triggers);
    let bulk = Catalog::open_in_memory().unwrap();
    generate_films(&bulk, 6_000, 7, true).unwrap();
    bulk.rebuild_search_index().unwrap();
    assert_index_sound(&bulk);
    for query in [
        "amelie",
        "tarko",
        "千と千尋",
        "innocense",
        "director:oshii year:2004",
        "the night",
        "zo",
    ] {
        let a = through_triggers.search(query, 20, 0).unwrap();
        let b = bulk.search(query, 20, 0).unwrap();
        assert_eq!(a.hits, b.hits, "{query}");
        assert!(!a.hits.is_empty(), "{query} finds something");
    }
    let amelie = bulk.search("amelie", 5, 0).unwrap();
    assert_eq!(amelie.hits[0].film.title, "Amélie");
    let innocence = bulk.search("innocense", 5, 0).unwrap();
    assert_eq!(innocence.hits[0].film.title, "Innocence");
}

#[test]
fn a_catalog_from_before_search_is_indexed_when_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_init.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../migrations/0002_annotations.sql"))
            .unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO films (id, title, title_key, year, created_at, updated_at)
             VALUES (1, 'Amélie', 'amelie', 2001, '2020-01-01T00:00:00.000000Z', '2020-01-01T00:00:00.000000Z');
             INSERT INTO reviews (film_id, body, created_at, updated_at)
             VALUES (1, 'a garden gnome travels', '2020-01-01T00:00:00.000000Z', '2020-01-01T00:00:00.000000Z');",
        )
        .unwrap();
    }
    let c = Catalog::open(&path).unwrap();
    assert_eq!(titles(&c, "amelie year:2001"), ["Amélie"]);
    assert_eq!(titles(&c, "gnome"), ["Amélie"]);
    assert_index_sound(&c);
    assert!(c.check().unwrap().ok);
}

#[test]
fn an_index_out_of_step_with_the_catalog_is_reported_and_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let c = Catalog::open(&path).unwrap();
    film("Stalker")
        .year(1979)
        .directors(["Andrei Tarkovsky"])
        .add(&c);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("DROP TRIGGER search_films_update; UPDATE films SET title = 'Solaris'")
            .unwrap();
    }
    let report = c.check_search_index().unwrap();
    assert!(!report.ok);
    assert!(
        report.problems.iter().any(|p| p.contains("out of date")),
        "{:?}",
        report.problems
    );
    assert!(!c.check().unwrap().ok, "cinedex check reports it too");
    c.rebuild_search_index().unwrap();
    assert_index_sound(&c);
    assert_eq!(titles(&c, "solaris"), ["Solaris"]);
}
