//! The Cinedex JSON round trip of what came after version 1 first shipped: a list's canon and
//! its ghosts (in their places among the real entries, with their notes), and people's ids at the
//! reference. Export → import into an empty catalog gives the same lists, ghosts and ids;
//! importing again changes nothing; a file without them still imports; a broken ghost is named;
//! completion decisions stay out of the file and in the catalog.

use crate::reference_support;
use std::path::{Path, PathBuf};

use cinedex_catalog::{Catalog, CatalogError, FilmInput, ImportOptions, ImportSource};
use cinedex_catalog::{ExternalId, Reference};
use reference_support::{options, tmdb, wikidata, Asked, TestServer};
use serde_json::Value;

fn go(_: u64, _: u64) -> bool {
    true
}

fn both_services() -> TestServer {
    TestServer::start(|asked: &Asked| {
        if asked.path == "/w/api.php" {
            wikidata(asked)
        } else {
            tmdb(asked)
        }
    })
}

/// Wikidata only: no TMDB key, so nothing asks for a poster.
fn wikidata_only(url: &str) -> Reference {
    let mut options = options(url);
    options.tmdb_key = None;
    Reference::new(options).unwrap()
}

fn film_with(catalog: &Catalog, title: &str, year: i32, id: &str) -> i64 {
    catalog
        .add_film(&FilmInput {
            title: title.into(),
            year: Some(year),
            facts: Some(cinedex_catalog::FilmFacts {
                external_ids: vec![ExternalId::parse(id).unwrap()],
                ..Default::default()
            }),
            ..FilmInput::default()
        })
        .unwrap()
        .id
}

/// Spirited Away from Wikidata (so Miyazaki carries `Q55400`), two Palme d'Or winners, and the
/// award followed: two real entries and four ghosts, reordered so that a ghost comes first and
/// the real entries sit between ghosts, with a note on a ghost and one on an entry.
fn catalog_with_a_canon(server: &TestServer) -> (Catalog, i64) {
    let catalog = Catalog::open_in_memory().unwrap();
    let reference = wikidata_only(&server.url);
    let id = ExternalId::parse("wikidata:Q155653").unwrap();
    let found = reference.fetch(&id, None).unwrap().expect("a film");
    catalog
        .add_film_from_reference(&found, &FilmInput::default())
        .unwrap();
    film_with(&catalog, "Pulp Fiction", 1994, "wikidata:Q104123");
    film_with(&catalog, "Shoplifters", 2018, "imdb:tt8075192");
    let list = catalog.add_canon(&reference, "Q179808").unwrap();
    let id = list.list.id;
    let total = list.list.total;
    assert_eq!((total, list.ghosts.len()), (6, 4));
    catalog.reorder_list_entry(id, total, 1).unwrap();
    let detail = catalog.get_list(id).unwrap();
    let first_entry = detail.entries.iter().map(|e| e.position).min().unwrap();
    let first_ghost = detail.ghosts.iter().map(|g| g.position).min().unwrap();
    catalog
        .set_list_entry_note(id, first_ghost, Some("a ghost's note"))
        .unwrap();
    catalog
        .set_list_entry_note(id, first_entry, Some("an entry's note"))
        .unwrap();
    (catalog, id)
}

/// One place of a list: title, note, and a ghost's reference id.
type Place = (String, Option<String>, Option<String>);

/// A spoiled copy of a good export: its file name, the change, and the field the error names.
type Spoiled = (&'static str, fn(&mut Value), &'static str);

/// A list as one order.
fn places(catalog: &Catalog, name: &str) -> Vec<Place> {
    let list = catalog
        .list_lists()
        .unwrap()
        .into_iter()
        .find(|l| l.name == name)
        .expect("the list");
    let detail = catalog.get_list(list.id).unwrap();
    let mut all: Vec<(i64, bool, Place)> = detail
        .entries
        .iter()
        .map(|e| {
            (
                e.position,
                true,
                (e.film.title.clone(), e.note.clone(), None),
            )
        })
        .chain(detail.ghosts.iter().map(|g| {
            (
                g.position,
                false,
                (
                    g.title.clone(),
                    g.note.clone(),
                    Some(g.reference_id.clone()),
                ),
            )
        }))
        .collect();
    all.sort();
    all.into_iter().map(|(_, _, place)| place).collect()
}

fn export(catalog: &Catalog, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    catalog
        .export(cinedex_catalog::ExportFormat::Json, &path)
        .unwrap();
    path
}

fn import(catalog: &Catalog, path: &Path) -> Result<cinedex_catalog::ImportSummary, CatalogError> {
    catalog.import(ImportSource::Json, path, &ImportOptions::default(), &go)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_canon_list_with_ghosts_and_a_persons_ids_survive_export_and_import_into_an_empty_catalog() {
    let server = both_services();
    let dir = tempfile::tempdir().unwrap();
    let (catalog, _) = catalog_with_a_canon(&server);
    let before = places(&catalog, "Palme d'Or");
    assert!(before[0].2.is_some(), "a ghost comes first: {before:?}");
    let kinds: String = before
        .iter()
        .map(|p| if p.2.is_some() { 'g' } else { 'f' })
        .collect();
    assert!(
        kinds.contains("gf") && kinds.contains("fg"),
        "interleaved: {kinds}"
    );
    let first = export(&catalog, dir.path(), "first.json");
    let json = read_json(&first);
    let list = &json["lists"][0];
    assert_eq!(list["canon"], "wikidata:Q179808");
    assert_eq!(list["ghosts"].as_array().unwrap().len(), 4);
    assert_eq!(list["ghosts"][0]["position"], 1);
    assert_eq!(list["ghosts"][0]["note"], "a ghost's note");
    assert_eq!(json["version"], 1);
    let miyazaki = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Hayao Miyazaki")
        .expect("Miyazaki has an id");
    assert_eq!(miyazaki["externalIds"][0]["source"], "wikidata");
    assert_eq!(miyazaki["externalIds"][0]["value"], "Q55400");

    let copy = Catalog::open_in_memory().unwrap();
    import(&copy, &first).unwrap();
    assert_eq!(places(&copy, "Palme d'Or"), before);
    let lists = copy.list_lists().unwrap();
    assert_eq!(lists[0].canon.as_deref(), Some("wikidata:Q179808"));
    assert_eq!((lists[0].total, lists[0].film_count), (6, 2));
    let page = copy.person("Q55400").unwrap();
    assert_eq!(page.person.name, "Hayao Miyazaki");
    assert_eq!(
        copy.person("Joe Hisaishi")
            .unwrap()
            .person
            .wikidata_id
            .as_deref(),
        Some("Q193338")
    );
    let second = export(&copy, dir.path(), "second.json");
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap(),
        "export → import → export is identical"
    );
}

#[test]
fn importing_the_same_export_again_changes_no_list_ghost_or_id() {
    let server = both_services();
    let dir = tempfile::tempdir().unwrap();
    let (catalog, _) = catalog_with_a_canon(&server);
    let first = export(&catalog, dir.path(), "first.json");
    // Into the catalog it came from, and twice into a new one.
    import(&catalog, &first).unwrap();
    let again = export(&catalog, dir.path(), "again.json");
    assert_eq!(read_json(&first)["lists"], read_json(&again)["lists"]);
    assert_eq!(read_json(&first)["people"], read_json(&again)["people"]);
    let copy = Catalog::open_in_memory().unwrap();
    import(&copy, &first).unwrap();
    let once = places(&copy, "Palme d'Or");
    import(&copy, &first).unwrap();
    assert_eq!(places(&copy, "Palme d'Or"), once);
    assert_eq!(copy.list_lists().unwrap()[0].total, 6);
    let twice = export(&copy, dir.path(), "twice.json");
    assert_eq!(read_json(&first)["lists"], read_json(&twice)["lists"]);
    assert_eq!(read_json(&first)["people"], read_json(&twice)["people"]);
}

#[test]
fn a_ghost_whose_film_is_already_in_the_catalog_is_imported_as_that_films_entry_in_its_place() {
    let server = both_services();
    let dir = tempfile::tempdir().unwrap();
    let (catalog, _) = catalog_with_a_canon(&server);
    let first = export(&catalog, dir.path(), "first.json");
    let before = places(&catalog, "Palme d'Or");
    let ghost = before[0].clone();
    let reference = ghost.2.clone().unwrap();
    let target = Catalog::open_in_memory().unwrap();
    film_with(&target, &ghost.0, 2000, &reference);
    import(&target, &first).unwrap();
    let after = places(&target, "Palme d'Or");
    assert_eq!(after.len(), before.len());
    assert_eq!(
        after[0],
        (ghost.0, ghost.1, None),
        "a real entry now, first"
    );
    assert_eq!(after[1..], before[1..]);
}

#[test]
fn an_export_written_before_canons_ghosts_and_person_ids_still_imports() {
    let server = both_services();
    let dir = tempfile::tempdir().unwrap();
    let (catalog, _) = catalog_with_a_canon(&server);
    let mut json = read_json(&export(&catalog, dir.path(), "new.json"));
    json.as_object_mut().unwrap().remove("people");
    for film in json["films"].as_array_mut().unwrap() {
        for credit in film["credits"].as_array_mut().unwrap() {
            credit.as_object_mut().unwrap().remove("personIds");
        }
    }
    for list in json["lists"].as_array_mut().unwrap() {
        let list = list.as_object_mut().unwrap();
        list.remove("canon");
        list.remove("ghosts");
    }
    let old = dir.path().join("old.json");
    std::fs::write(&old, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    let copy = Catalog::open_in_memory().unwrap();
    let summary = import(&copy, &old).unwrap();
    assert_eq!(summary.lists, 1);
    let lists = copy.list_lists().unwrap();
    assert_eq!((lists[0].canon.as_deref(), lists[0].total), (None, 2));
    let list = copy.get_list(lists[0].id).unwrap();
    assert!(list.ghosts.is_empty());
    assert!(list
        .entries
        .iter()
        .any(|e| e.note.as_deref() == Some("an entry's note")));
    assert_eq!(
        copy.person("Hayao Miyazaki").unwrap().person.wikidata_id,
        None
    );
}

#[test]
fn a_malformed_ghost_or_person_id_is_refused_naming_its_file_and_field_and_nothing_is_imported() {
    let server = both_services();
    let dir = tempfile::tempdir().unwrap();
    let (catalog, _) = catalog_with_a_canon(&server);
    let good = read_json(&export(&catalog, dir.path(), "good.json"));
    let cases: [Spoiled; 4] = [
        (
            "untitled.json",
            |json| json["lists"][0]["ghosts"][1]["title"] = Value::from("  "),
            "lists[0].ghosts[1].title",
        ),
        (
            "no-id.json",
            |json| json["lists"][0]["ghosts"][2]["referenceId"] = Value::from("Q123"),
            "lists[0].ghosts[2].referenceId",
        ),
        (
            "bad-canon.json",
            |json| json["lists"][0]["canon"] = Value::from(""),
            "lists[0].canon",
        ),
        (
            "bad-person.json",
            |json| json["people"][0]["externalIds"][0]["source"] = Value::from("imdb"),
            "people[0].externalIds[0].source",
        ),
    ];
    for (name, spoil, field) in cases {
        let mut json = good.clone();
        spoil(&mut json);
        let path = dir.path().join(name);
        std::fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
        let copy = Catalog::open_in_memory().unwrap();
        match import(&copy, &path).unwrap_err() {
            CatalogError::Import { file, column, .. } => {
                assert_eq!(file, name);
                assert_eq!(column.as_deref(), Some(field));
            }
            other => panic!("{name}: expected an Import error, got {other:?}"),
        }
        assert!(copy.list_lists().unwrap().is_empty(), "{name}");
        assert!(copy.export_document().unwrap().films.is_empty(), "{name}");
    }
}

#[test]
fn completion_decisions_stay_out_of_the_export_and_an_import_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let film = {
        let catalog = Catalog::open(&path).unwrap();
        film_with(&catalog, "Stalker", 1979, "imdb:tt0079944")
    };
    {
        let db = rusqlite::Connection::open(&path).unwrap();
        db.execute(
            "INSERT INTO completion (film_id, status, source, checked_at)
             VALUES (?1, 'unmatched', 'wikidata', '2026-01-01T00:00:00.000000Z')",
            [film],
        )
        .unwrap();
    }
    let catalog = Catalog::open(&path).unwrap();
    let out = export(&catalog, dir.path(), "out.json");
    assert!(!std::fs::read_to_string(&out).unwrap().contains("unmatched"));
    import(&catalog, &out).unwrap();
    let other = Catalog::open_in_memory().unwrap();
    import(&other, &out).unwrap();
    drop(catalog);
    let db = rusqlite::Connection::open(&path).unwrap();
    let status: String = db
        .query_row(
            "SELECT status FROM completion WHERE film_id = ?1",
            [film],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(status, "unmatched");
}
