//! Following a list file (a Letterboxd list export, a plain CSV): films of the catalog linked by
//! id, by title and year, by a year one off; the others kept as ghosts that are never created as
//! films, become entries when their film arrives, and are added in one click; following again
//! keeps what the person wrote; a bad file and a dry run leave the catalog byte for byte as it was.

use std::path::{Path, PathBuf};

use crate::support;

use cinedex_catalog::{Catalog, CatalogError, ExternalId, FilmListDetail, WatchStatus};
use cinedex_catalog::{Reference, ReferenceOptions};

/// A film of the catalog with these ids (`("imdb", "tt…")`), through the shared builder.
pub(crate) fn film(catalog: &Catalog, title: &str, year: Option<i32>, ids: &[(&str, &str)]) -> i64 {
    ids.iter()
        .fold(
            support::film(title).maybe_year(year),
            |film, (source, value)| film.external_id(ExternalId::new(source, *value)),
        )
        .add(catalog)
        .id
}

pub(crate) fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Every row of every table (the full-text indexes through their shadow tables), in order: what
/// "the catalog as it was" means.
fn dump(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
          ORDER BY name",
        )
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables.retain(|t| !t.starts_with("sqlite_"));
    let mut out = String::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |row| {
                let values: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                    .collect();
                Ok(values.join("\t"))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.sort();
        out.push_str(&format!("== {table}\n{}\n", rows.join("\n")));
    }
    out
}

fn offline() -> Reference {
    let mut options = ReferenceOptions::default();
    options.http.offline = true;
    Reference::new(options).unwrap()
}

/// (position, title, ghost?, note), in list order.
pub(crate) fn places(detail: &FilmListDetail) -> Vec<(i64, String, bool, Option<String>)> {
    let mut all: Vec<_> = detail
        .entries
        .iter()
        .map(|e| (e.position, e.film.title.clone(), false, e.note.clone()))
        .chain(
            detail
                .ghosts
                .iter()
                .map(|g| (g.position, g.title.clone(), true, g.note.clone())),
        )
        .collect();
    all.sort();
    all
}

pub(crate) const LETTERBOXD_LIST: &str = "Letterboxd list export v7
Date,Name,Tags,URL,Description
2024-05-01,Slow Cinema,,https://letterboxd.com/someone/list/slow-cinema/,Long takes

Position,Name,Year,URL,Description
1,The Matrix,1999,https://letterboxd.com/film/the-matrix/,Not slow at all
2,Stalker,1979,https://letterboxd.com/film/stalker/,The Zone
3,Sátántangó,1994,https://letterboxd.com/film/satantango/,
4,Jeanne Dielman,1975,https://letterboxd.com/film/jeanne-dielman/,Potatoes
";

/// Matrix by its Letterboxd URL (under another title), Stalker by title and year, Satantango by
/// title with a year one off; Jeanne Dielman is not in the catalog.
pub(crate) fn catalog_for_the_letterboxd_list() -> (Catalog, i64, i64, i64) {
    let catalog = Catalog::open_in_memory().unwrap();
    let matrix = film(
        &catalog,
        "Matrix",
        Some(1999),
        &[("letterboxd", "https://letterboxd.com/film/the-matrix/")],
    );
    let stalker = film(&catalog, "Stalker", Some(1979), &[]);
    let satantango = film(&catalog, "Satantango", Some(1993), &[]);
    (catalog, matrix, stalker, satantango)
}

#[test]
fn a_letterboxd_list_links_films_by_url_title_and_near_year_and_keeps_the_rest_as_ghosts() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "slow-cinema.csv", LETTERBOXD_LIST);
    let (catalog, matrix, stalker, satantango) = catalog_for_the_letterboxd_list();
    catalog
        .set_watch_status(stalker, WatchStatus::Watched)
        .unwrap();
    let films_before = catalog.info().unwrap().film_count;
    let followed = catalog.follow_list_file(&path, None, false).unwrap();
    assert_eq!(followed.name, "Slow Cinema");
    assert_eq!((followed.linked, followed.ghosts), (3, 1));
    assert_eq!((followed.seen, followed.total), (1, 4));
    assert_eq!(
        catalog.info().unwrap().film_count,
        films_before,
        "no film created"
    );
    let detail = catalog.get_list(followed.list_id).unwrap();
    assert_eq!(detail.list.canon.as_deref(), Some("file:Slow Cinema"));
    assert_eq!(detail.list.description.as_deref(), Some("Long takes"));
    let linked: Vec<i64> = detail.entries.iter().map(|e| e.film.id).collect();
    assert_eq!(linked, [matrix, stalker, satantango], "in file order");
    assert_eq!(
        places(&detail),
        [
            (1, "Matrix".into(), false, Some("Not slow at all".into())),
            (2, "Stalker".into(), false, Some("The Zone".into())),
            (3, "Satantango".into(), false, None),
            (4, "Jeanne Dielman".into(), true, Some("Potatoes".into())),
        ]
    );
    let ghost = &detail.ghosts[0];
    assert_eq!(
        ghost.reference_id,
        "letterboxd:https://letterboxd.com/film/jeanne-dielman/"
    );
    assert_eq!(ghost.year, Some(1975));
    let listed = catalog.list_lists().unwrap();
    assert_eq!((listed[0].seen, listed[0].total), (1, 4));
}

#[test]
fn a_plain_csv_links_by_imdb_id_and_title_and_keeps_ghosts_under_their_best_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "To watch.csv",
        "Title;Year;Directors;IMDb ID;Notes\n\
         Le Samouraï;1967;Jean-Pierre Melville;tt0062229;Cool\n\
         Playtime;;Jacques Tati;;\n\
         Solaris;1972;;;two of them, too far apart\n\
         Unknown Treasure;2001;Nobody Known;;A ghost\n\
         Ghost With Id;2010;;https://www.imdb.com/title/tt7654321/;\n",
    );
    let catalog = Catalog::open_in_memory().unwrap();
    let samourai = film(
        &catalog,
        "The Samurai",
        Some(1967),
        &[("imdb", "tt0062229")],
    );
    let playtime = film(&catalog, "Playtime", Some(1967), &[]);
    film(&catalog, "Solaris", Some(1968), &[]);
    film(&catalog, "Solaris", Some(2002), &[]);
    let followed = catalog.follow_list_file(&path, None, false).unwrap();
    assert_eq!(followed.name, "To watch", "named after the file");
    assert_eq!((followed.linked, followed.ghosts), (2, 3));
    let detail = catalog.get_list(followed.list_id).unwrap();
    let linked: Vec<i64> = detail.entries.iter().map(|e| e.film.id).collect();
    assert_eq!(linked, [samourai, playtime]);
    assert_eq!(detail.entries[0].note.as_deref(), Some("Cool"));
    let ids: Vec<&str> = detail
        .ghosts
        .iter()
        .map(|g| g.reference_id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "title:1972|solaris",
            "title:2001|unknown treasure",
            "imdb:tt7654321"
        ]
    );
    assert_eq!(detail.ghosts[1].directors, ["Nobody Known"]);
    assert_eq!(detail.ghosts[1].note.as_deref(), Some("A ghost"));
    assert_eq!(catalog.info().unwrap().film_count, 4);
}

#[test]
fn a_ghost_becomes_an_entry_in_its_place_when_its_film_is_added_by_id_or_by_title_and_year() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "later.csv",
        "Title,Year,IMDb\nFirst,2001,tt0000001\nSecond,2002,\nThird,,\n",
    );
    let catalog = Catalog::open_in_memory().unwrap();
    let list = catalog
        .follow_list_file(&path, None, false)
        .unwrap()
        .list_id;
    catalog
        .set_list_entry_note(list, 2, Some("by title"))
        .unwrap();
    let first = film(
        &catalog,
        "Another Name",
        Some(2001),
        &[("imdb", "tt0000001")],
    );
    let wrong_year = film(&catalog, "Second", Some(2005), &[]);
    let second = film(&catalog, "Second", Some(2002), &[]);
    let third = film(&catalog, "Third", Some(1990), &[]);
    let detail = catalog.get_list(list).unwrap();
    assert!(detail.ghosts.is_empty(), "{:?}", detail.ghosts);
    let entries: Vec<(i64, i64, Option<&str>)> = detail
        .entries
        .iter()
        .map(|e| (e.position, e.film.id, e.note.as_deref()))
        .collect();
    assert_eq!(
        entries,
        [
            (1, first, None),
            (2, second, Some("by title")),
            (3, third, None)
        ]
    );
    assert!(!entries.iter().any(|e| e.1 == wrong_year));
}

#[test]
fn adding_a_ghost_in_one_click_creates_its_film_with_its_id_in_the_ghosts_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "slow-cinema.csv",
        "Title,Year,Director,IMDb ID,Letterboxd URI\n\
         Titled Only,1990,Some One,,\n\
         By IMDb,1991,,tt0000042,\n\
         By Letterboxd,1992,,,https://boxd.it/abc\n",
    );
    let catalog = Catalog::open_in_memory().unwrap();
    let list = catalog
        .follow_list_file(&path, None, false)
        .unwrap()
        .list_id;
    catalog
        .set_list_entry_note(list, 1, Some("keep me"))
        .unwrap();
    let reference = offline();
    for ghost in catalog.get_list(list).unwrap().ghosts {
        catalog
            .add_ghost_film(&reference, list, &ghost.reference_id)
            .unwrap();
    }
    let detail = catalog.get_list(list).unwrap();
    assert!(detail.ghosts.is_empty());
    assert_eq!(
        places(&detail),
        [
            (1, "Titled Only".into(), false, Some("keep me".into())),
            (2, "By IMDb".into(), false, None),
            (3, "By Letterboxd".into(), false, None),
        ]
    );
    let titled = catalog.get_film(detail.entries[0].film.id).unwrap();
    assert_eq!(titled.film.directors, ["Some One"]);
    assert_eq!(titled.film.year, Some(1990));
    let ids = |i: usize| {
        catalog
            .get_film(detail.entries[i].film.id)
            .unwrap()
            .facts
            .external_ids
            .into_iter()
            .map(|id| format!("{}:{}", id.source, id.value))
            .collect::<Vec<_>>()
    };
    assert!(ids(0).is_empty(), "a title key is no id");
    assert_eq!(ids(1), ["imdb:tt0000042"]);
    assert_eq!(ids(2), ["letterboxd:https://boxd.it/abc"]);
    let error = catalog
        .add_ghost_film(&reference, list, "title:1990|titled only")
        .unwrap_err();
    assert!(matches!(error, CatalogError::Invalid { .. }), "{error:?}");
}

#[test]
fn a_malformed_file_names_its_line_and_column_and_leaves_the_catalog_byte_for_byte_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("catalog.sqlite");
    let catalog = Catalog::open(&db).unwrap();
    film(&catalog, "Stalker", Some(1979), &[]);
    let good = write(dir.path(), "slow-cinema.csv", LETTERBOXD_LIST);
    catalog.follow_list_file(&good, None, false).unwrap();
    let before = dump(&db);
    let bad = write(
        dir.path(),
        "bad.csv",
        "Title,Year\nStalker,1979\nNew One,19x9\n",
    );
    match catalog.follow_list_file(&bad, None, false).unwrap_err() {
        CatalogError::Import {
            file, line, column, ..
        } => {
            assert_eq!(file, "bad.csv");
            assert_eq!(line, Some(3));
            assert_eq!(column.as_deref(), Some("Year"));
        }
        other => panic!("expected an import error, got {other:?}"),
    }
    let no_title = write(dir.path(), "no-title.csv", "Film name,Year\nStalker,1979\n");
    let error = catalog
        .follow_list_file(&no_title, None, false)
        .unwrap_err();
    assert!(error.to_string().contains("no-title.csv"), "{error}");
    let broken_letterboxd = LETTERBOXD_LIST.replace("2,Stalker,1979", "2,\"Stalker,1979");
    let broken = write(dir.path(), "broken.csv", &broken_letterboxd);
    let error = catalog.follow_list_file(&broken, None, false).unwrap_err();
    assert!(
        matches!(&error, CatalogError::Import { line: Some(7), .. }),
        "{error:?}"
    );
    drop(catalog);
    assert_eq!(dump(&db), before);
}

#[test]
fn a_dry_run_tells_what_following_would_do_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("catalog.sqlite");
    let catalog = Catalog::open(&db).unwrap();
    film(&catalog, "Stalker", Some(1979), &[]);
    let before = dump(&db);
    let path = write(dir.path(), "slow-cinema.csv", LETTERBOXD_LIST);
    let told = catalog.follow_list_file(&path, Some("Mine"), true).unwrap();
    assert_eq!(told.name, "Mine");
    assert_eq!((told.linked, told.ghosts, told.total), (1, 3, 4));
    assert!(catalog.list_lists().unwrap().is_empty());
    drop(catalog);
    assert_eq!(dump(&db), before);
}

#[test]
fn a_year_one_off_matches_only_when_one_film_of_the_title_is_that_near() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "near.csv",
        "Title,Year\nHamlet,1991\nCarmen,1984\n",
    );
    let catalog = Catalog::open_in_memory().unwrap();
    film(&catalog, "Hamlet", Some(1990), &[]);
    film(&catalog, "Hamlet", Some(1992), &[]);
    let carmen = film(&catalog, "Carmen", Some(1983), &[]);
    let followed = catalog.follow_list_file(&path, None, false).unwrap();
    let detail = catalog.get_list(followed.list_id).unwrap();
    let linked: Vec<i64> = detail.entries.iter().map(|e| e.film.id).collect();
    assert_eq!(linked, [carmen]);
    assert_eq!(detail.ghosts[0].reference_id, "title:1991|hamlet");
}
