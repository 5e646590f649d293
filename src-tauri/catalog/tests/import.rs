//! Importing from Letterboxd, IMDb, a generic CSV and Tellico: previews, commits, idempotency and
//! every kind of bad input, on fixtures the tests write themselves.

use crate::fixtures;
use std::path::{Path, PathBuf};

use cinedex_catalog::*;
use fixtures::{file, go, imported, zip_file, DIARY};

fn letterboxd(dir: &Path) -> PathBuf {
    zip_file(
        dir,
        "letterboxd.zip",
        &[
            ("watched.csv", "Date,Name,Year,Letterboxd URI\n2024-01-02,Perfect Blue,1997,https://boxd.it/pb\n"),
            ("ratings.csv", "Date,Name,Year,Letterboxd URI,Rating\n2024-01-02,Perfect Blue,1997,https://boxd.it/pb,4.5\n"),
            ("diary.csv", DIARY),
            (
                "reviews.csv",
                "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n2024-01-02,Perfect Blue,1997,https://boxd.it/r1,4.5,,\"Unsettling.<br/><br/><i>Mima</i> <blockquote>who are you?</blockquote><script>alert(1)</script>\",,2024-01-01\n",
            ),
            ("watchlist.csv", "Date,Name,Year,Letterboxd URI\n2024-02-01,Stalker,1979,https://boxd.it/st\n"),
            (
                "lists/favourites.csv",
                "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-01-05,Favourites,,https://letterboxd.com/me/list/favourites/,Mine\n\nPosition,Name,Year,URL,Description\n1,Perfect Blue,1997,https://letterboxd.com/film/perfect-blue/,The one\n2,Stalker,1979,https://letterboxd.com/film/stalker/,\n",
            ),
        ],
    )
}

fn dump(c: &Catalog) -> String {
    serde_json::to_string(&c.export_document().unwrap()).unwrap()
}

#[test]
fn a_letterboxd_export_is_previewed_then_imported_with_every_viewing_review_tag_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let zip = letterboxd(dir.path());
    let c = Catalog::open_in_memory().unwrap();
    let preview = c
        .preview_import(ImportSource::Letterboxd, &zip, &ImportOptions::default())
        .unwrap();
    assert!(!preview.committed);
    assert_eq!(preview.new_films, 4, "{preview:?}");
    assert_eq!(preview.viewings, 4);
    assert_eq!(preview.reviews, 1);
    assert_eq!(preview.lists, 1);
    assert_eq!(preview.list_entries, 2);
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    assert!(
        c.list_films(&FilmListQuery::default()).unwrap().is_empty(),
        "a preview writes nothing"
    );

    let report = imported(&c, ImportSource::Letterboxd, &zip);
    assert!(report.committed);
    let films = c.list_films(&FilmListQuery::default()).unwrap();
    assert_eq!(
        films.len(),
        4,
        "two Solaris of different years are two films"
    );
    let blue = films.iter().find(|f| f.title == "Perfect Blue").unwrap();
    assert_eq!(blue.viewing_count, 2, "the rewatch is kept");
    assert_eq!(blue.themes, ["anime", "psychological"]);
    assert_eq!(blue.watch_status, WatchStatus::Watched);
    let detail = c.get_film(blue.id).unwrap();
    let body = &detail.reviews[0].body;
    assert!(
        body.contains("Mima") && body.contains("> who are you?"),
        "{body}"
    );
    assert!(
        !body.contains("script") && !body.contains("alert"),
        "{body}"
    );
    assert!(detail.viewings.iter().any(|v| v.rewatch));
    let stalker = films.iter().find(|f| f.title == "Stalker").unwrap();
    assert_eq!(stalker.watch_status, WatchStatus::Watchlist);
    let lists = c.list_lists().unwrap();
    assert_eq!(lists.len(), 1);
    let list = c.get_list(lists[0].id).unwrap();
    assert_eq!(list.entries[0].film.title, "Perfect Blue");
    assert_eq!(list.entries[0].note.as_deref(), Some("The one"));
    let json = dump(&c);
    assert!(
        json.contains("\"rating\":4.5"),
        "the rating became the film's"
    );
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let zip = letterboxd(dir.path());
    let c = Catalog::open_in_memory().unwrap();
    imported(&c, ImportSource::Letterboxd, &zip);
    let before = dump(&c);
    let again = imported(&c, ImportSource::Letterboxd, &zip);
    assert_eq!(
        (
            again.new_films,
            again.updated_films,
            again.viewings,
            again.reviews,
            again.lists,
            again.list_entries
        ),
        (0, 0, 0, 0, 0, 0)
    );
    assert_eq!(again.matched_films, 4);
    assert_eq!(dump(&c), before);
}

const IMDB_NEW: &str = "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
tt0133093,9,2024-01-01,The Matrix,The Matrix,https://www.imdb.com/title/tt0133093/,Movie,8.7,136,1999,Action,2000000,1999-03-31,\"Lana Wachowski, Lilly Wachowski\"
tt0245429,10,2024-01-02,Spirited Away,Sen to Chihiro no kamikakushi,https://www.imdb.com/title/tt0245429/,Movie,8.6,125,2001,Animation,900000,2001-07-20,Hayao Miyazaki
tt0903747,10,2024-01-03,Breaking Bad,Breaking Bad,https://www.imdb.com/title/tt0903747/,TV Series,9.5,49,2008,Drama,2000000,2008-01-20,
";
const IMDB_OLD: &str = "Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
tt0133093,9,2024-01-01,The Matrix,https://www.imdb.com/title/tt0133093/,movie,8.7,136,1999,Action,2000000,1999-03-31,\"Lana Wachowski, Lilly Wachowski\"
tt0108778,7,2024-01-03,Friends,https://www.imdb.com/title/tt0108778/,tvSeries,8.9,22,1994,Comedy,1000000,1994-09-22,
";

#[test]
fn imdb_ratings_in_both_header_styles_import_films_and_skip_series_with_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open_in_memory().unwrap();
    let new = file(dir.path(), "ratings.csv", IMDB_NEW.as_bytes());
    let report = imported(&c, ImportSource::Imdb, &new);
    assert_eq!((report.new_films, report.skipped_count), (2, 1));
    assert!(
        report.skipped[0].message.contains("TV Series"),
        "{:?}",
        report.skipped
    );
    let old = file(dir.path(), "old.csv", IMDB_OLD.as_bytes());
    let report = imported(&c, ImportSource::Imdb, &old);
    assert_eq!(
        (report.new_films, report.matched_films, report.skipped_count),
        (0, 1, 1)
    );
    let films = c.list_films(&FilmListQuery::default()).unwrap();
    let spirited = films.iter().find(|f| f.title == "Spirited Away").unwrap();
    assert_eq!(
        spirited.original_title.as_deref(),
        Some("Sen to Chihiro no kamikakushi")
    );
    assert_eq!(spirited.directors, ["Hayao Miyazaki"]);
    let matrix = films.iter().find(|f| f.title == "The Matrix").unwrap();
    assert_eq!(matrix.directors, ["Lana Wachowski", "Lilly Wachowski"]);
    let doc = c.export_document().unwrap();
    let m = doc.films.iter().find(|f| f.title == "The Matrix").unwrap();
    assert_eq!((m.rating, m.runtime_minutes), (Some(4.5), Some(136)));
    assert_eq!(m.external_ids[0].value, "tt0133093");
}

#[test]
fn a_generic_csv_is_mapped_by_header_with_or_without_bom_and_overrides_apply() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open_in_memory().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("Film,Year,Director,Genres,Seen on,Extra\nAmélie,2001,Jean-Pierre Jeunet,Comedy; Romance,2024-05-01,x\n".as_bytes());
    let path = file(dir.path(), "films.csv", &bytes);
    let options = ImportOptions {
        columns: vec![ColumnMapping {
            column: "Seen on".into(),
            field: CsvField::WatchedOn,
        }],
    };
    let preview = c
        .preview_import(ImportSource::Csv, &path, &options)
        .unwrap();
    assert_eq!(
        preview.columns[0],
        ColumnMapping {
            column: "Film".into(),
            field: CsvField::Title
        }
    );
    assert_eq!(preview.columns[5].field, CsvField::Ignore);
    assert_eq!((preview.new_films, preview.viewings), (1, 1));
    c.import(ImportSource::Csv, &path, &options, &go).unwrap();
    let film = &c.list_films(&FilmListQuery::default()).unwrap()[0];
    assert_eq!(film.title, "Amélie");
    assert_eq!(film.themes, ["Comedy", "Romance"]);
}

#[test]
fn a_latin1_csv_is_detected_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open_in_memory().unwrap();
    let path = file(
        dir.path(),
        "latin1.csv",
        b"Title,Year\nAm\xe9lie,2001\nLa Cit\xe9 des enfants perdus,1995\n",
    );
    let preview = c
        .preview_import(ImportSource::Csv, &path, &ImportOptions::default())
        .unwrap();
    assert!(preview.encoding.is_some(), "{preview:?}");
    imported(&c, ImportSource::Csv, &path);
    assert!(c
        .list_films(&FilmListQuery::default())
        .unwrap()
        .iter()
        .any(|f| f.title == "Amélie"));
}

#[test]
fn a_tellico_video_collection_imports_titles_directors_themes_and_comments() {
    let dir = tempfile::tempdir().unwrap();
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tellico PUBLIC "-//Robby Stephenson/DTD Tellico V11.0//EN" "http://periapsis.org/tellico/dtd/v11/tellico.dtd">
<tellico xmlns="http://periapsis.org/tellico/" syntaxVersion="11">
 <collection title="My Videos" type="3">
  <entry id="1">
   <title>Seven Samurai</title>
   <origtitle>Shichinin no samurai</origtitle>
   <year>1954</year>
   <directors><director>Akira Kurosawa</director></directors>
   <genres><genre>Drama</genre><genre>Action</genre></genres>
   <keywords><keyword>samurai</keyword></keywords>
   <running-time>207</running-time>
   <comments>Seen at the &lt;b&gt;cinema&lt;/b&gt;.</comments>
  </entry>
 </collection>
</tellico>"#;
    let tc = zip_file(dir.path(), "videos.tc", &[("tellico.xml", xml)]);
    let c = Catalog::open_in_memory().unwrap();
    let report = imported(&c, ImportSource::Tellico, &tc);
    assert_eq!(report.new_films, 1);
    let film = &c.list_films(&FilmListQuery::default()).unwrap()[0];
    assert_eq!(film.original_title.as_deref(), Some("Shichinin no samurai"));
    assert_eq!(film.directors, ["Akira Kurosawa"]);
    assert_eq!(film.themes, ["Drama", "Action", "samurai"]);
    let detail = c.get_film(film.id).unwrap();
    assert_eq!(detail.reviews[0].kind, ReviewKind::Note);
    assert!(
        detail.reviews[0].body.contains("**cinema**"),
        "{}",
        detail.reviews[0].body
    );
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Title,Year\n");
    for i in 0..5000 {
        csv.push_str(&format!("Film {i},2000\n"));
    }
    let path = file(dir.path(), "many.csv", csv.as_bytes());
    let c = Catalog::open_in_memory().unwrap();
    let seen = std::sync::Mutex::new(Vec::new());
    let stop = |done: u64, total: u64| {
        seen.lock().unwrap().push((done, total));
        done < 2000
    };
    let error = c
        .import(ImportSource::Csv, &path, &ImportOptions::default(), &stop)
        .unwrap_err();
    assert!(matches!(error, CatalogError::Cancelled));
    assert!(c.list_films(&FilmListQuery::default()).unwrap().is_empty());
    assert!(seen.lock().unwrap().iter().all(|(_, total)| *total == 5000));
}

fn titles_found(c: &Catalog, query: &str) -> Vec<String> {
    let results = c.search(query, 20, 0).unwrap();
    results.hits.into_iter().map(|hit| hit.film.title).collect()
}

#[test]
fn imported_films_and_reviews_are_searchable_and_the_index_stays_sound() {
    let dir = tempfile::tempdir().unwrap();
    let zip = letterboxd(dir.path());
    let c = Catalog::open_in_memory().unwrap();
    c.add_film(&FilmInput {
        title: "Stalker".into(),
        year: Some(1979),
        directors: vec!["Andrei Tarkovsky".into()],
        ..Default::default()
    })
    .unwrap();
    imported(&c, ImportSource::Letterboxd, &zip);
    assert!(
        c.check_search_index().unwrap().ok,
        "{:?}",
        c.check_search_index().unwrap().problems
    );
    assert_eq!(titles_found(&c, "perfect bl"), ["Perfect Blue"]);
    assert_eq!(
        titles_found(&c, "mima"),
        ["Perfect Blue"],
        "the review's text is indexed"
    );
    assert_eq!(
        titles_found(&c, "theme:psychological"),
        ["Perfect Blue"],
        "tags are themes"
    );
    assert_eq!(
        titles_found(&c, "is:watchlist"),
        ["Stalker"],
        "the matched film's new status is indexed"
    );

    // After the import the per-row triggers are back: an ordinary edit is indexed at once.
    c.add_film(&FilmInput {
        title: "Sans Soleil".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(titles_found(&c, "sans sol"), ["Sans Soleil"]);
    assert!(c.check_search_index().unwrap().ok);
}

#[test]
fn a_cancelled_import_leaves_the_index_and_its_triggers_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let zip = letterboxd(dir.path());
    let c = Catalog::open_in_memory().unwrap();
    let stop = |_: u64, _: u64| false;
    assert!(c
        .import(
            ImportSource::Letterboxd,
            &zip,
            &ImportOptions::default(),
            &stop
        )
        .is_err());
    assert!(titles_found(&c, "perfect").is_empty());
    c.add_film(&FilmInput {
        title: "Perfect Days".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(titles_found(&c, "perfect"), ["Perfect Days"]);
    assert!(c.check_search_index().unwrap().ok);
}
