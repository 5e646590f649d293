//! Importing from Letterboxd, IMDb, a generic CSV and Tellico: previews, commits, idempotency and
//! every kind of bad input, on fixtures the tests write themselves.

use std::io::Write;
use std::path::{Path, PathBuf};

use cinedex_catalog::*;

fn zip_file(dir: &Path, name: &str, members: &[(&str, &str)]) -> PathBuf {
    let path = dir.join(name);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (member, text) in members {
        zip.start_file(*member, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    path
}

/// Rewrites the uncompressed size every central directory entry declares.
fn with_declared_size(path: PathBuf, size: u32) -> PathBuf {
    let mut bytes = std::fs::read(&path).unwrap();
    let signature = [0x50, 0x4b, 0x01, 0x02];
    let at = bytes.windows(4).position(|w| w == signature).unwrap();
    bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
    std::fs::write(&path, bytes).unwrap();
    path
}

fn file(dir: &Path, name: &str, text: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn go(_: u64, _: u64) -> bool {
    true
}

const DIARY: &str = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
2024-01-02,Perfect Blue,1997,https://boxd.it/a1,4.5,,\"anime, psychological\",2024-01-01
2024-03-02,Perfect Blue,1997,https://boxd.it/a2,5,Yes,,2024-03-01
2024-03-05,Solaris,1972,https://boxd.it/a3,4,,,2024-03-04
2024-03-06,Solaris,2002,https://boxd.it/a4,3,,,2024-03-05
";

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

    let report = c
        .import(
            ImportSource::Letterboxd,
            &zip,
            &ImportOptions::default(),
            &go,
        )
        .unwrap();
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
    c.import(
        ImportSource::Letterboxd,
        &zip,
        &ImportOptions::default(),
        &go,
    )
    .unwrap();
    let before = dump(&c);
    let again = c
        .import(
            ImportSource::Letterboxd,
            &zip,
            &ImportOptions::default(),
            &go,
        )
        .unwrap();
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
    let report = c
        .import(ImportSource::Imdb, &new, &ImportOptions::default(), &go)
        .unwrap();
    assert_eq!((report.new_films, report.skipped_count), (2, 1));
    assert!(
        report.skipped[0].message.contains("TV Series"),
        "{:?}",
        report.skipped
    );
    let old = file(dir.path(), "old.csv", IMDB_OLD.as_bytes());
    let report = c
        .import(ImportSource::Imdb, &old, &ImportOptions::default(), &go)
        .unwrap();
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
    c.import(ImportSource::Csv, &path, &ImportOptions::default(), &go)
        .unwrap();
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
    let report = c
        .import(ImportSource::Tellico, &tc, &ImportOptions::default(), &go)
        .unwrap();
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

fn refused(source: ImportSource, path: &Path) -> String {
    let c = Catalog::open_in_memory().unwrap();
    let error = c
        .import(source, path, &ImportOptions::default(), &go)
        .unwrap_err();
    assert!(
        c.list_films(&FilmListQuery::default()).unwrap().is_empty(),
        "nothing written"
    );
    error.to_string()
}

#[test]
fn bad_csv_input_is_refused_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let unclosed = file(
        dir.path(),
        "u.csv",
        b"Title,Year\nA,2001\n\"B,2002\nC,2003\n",
    );
    assert!(
        refused(ImportSource::Csv, &unclosed).contains("u.csv:3"),
        "unclosed quote"
    );
    let missing = file(dir.path(), "m.csv", b"Const,Title\ntt1,A\n");
    let message = refused(ImportSource::Imdb, &missing);
    assert!(message.contains("Title Type"), "{message}");
    let wrong = file(
        dir.path(),
        "w.csv",
        b"Title,Year,Rating\nA,2001,4\nB,soon,4\nC,2003,7\n",
    );
    let c = Catalog::open_in_memory().unwrap();
    let preview = c
        .preview_import(ImportSource::Csv, &wrong, &ImportOptions::default())
        .unwrap();
    assert_eq!(preview.error_count, 2);
    assert_eq!(
        (preview.errors[0].line, preview.errors[0].column.as_deref()),
        (Some(3), Some("Year"))
    );
    assert_eq!(
        (preview.errors[1].line, preview.errors[1].column.as_deref()),
        (Some(4), Some("Rating"))
    );
    let message = refused(ImportSource::Csv, &wrong);
    assert!(message.contains("w.csv:3: column Year"), "{message}");
    let mut huge = b"Title,Review\nA,".to_vec();
    huge.extend(std::iter::repeat_n(b'x', 5_000_000));
    huge.push(b'\n');
    let huge = file(dir.path(), "h.csv", &huge);
    assert!(refused(ImportSource::Csv, &huge).contains("bytes long"));
    let binary = file(dir.path(), "b.csv", b"\x00\x01\x02\xff\xfe\x00");
    assert!(refused(ImportSource::Csv, &binary).contains("binary"));
}

#[test]
fn bad_archives_are_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let not_zip = file(dir.path(), "export.zip", b"Date,Name\n");
    assert!(refused(ImportSource::Letterboxd, &not_zip).contains("not a ZIP"));
    let escaping = zip_file(dir.path(), "evil.zip", &[("../diary.csv", DIARY)]);
    assert!(refused(ImportSource::Letterboxd, &escaping).contains("leaves the archive"));
    let absolute = zip_file(dir.path(), "abs.zip", &[("/etc/diary.csv", DIARY)]);
    assert!(refused(ImportSource::Letterboxd, &absolute).contains("leaves the archive"));
    // A bomb announced in the central directory (300 MB declared) is refused before inflating.
    let bomb = with_declared_size(
        zip_file(dir.path(), "bomb.zip", &[("diary.csv", DIARY)]),
        300 << 20,
    );
    assert!(refused(ImportSource::Letterboxd, &bomb).contains("expand beyond"));
    // One that lies (declares 10 bytes, inflates to more) is stopped while inflating.
    let liar = with_declared_size(
        zip_file(dir.path(), "liar.zip", &[("diary.csv", DIARY)]),
        10,
    );
    let message = refused(ImportSource::Letterboxd, &liar);
    assert!(
        message.contains("expand beyond") || message.contains("diary.csv"),
        "{message}"
    );
    let not_video = zip_file(
        dir.path(),
        "books.tc",
        &[(
            "tellico.xml",
            "<tellico><collection type=\"2\"></collection></tellico>",
        )],
    );
    assert!(refused(ImportSource::Tellico, &not_video).contains("not a video collection"));
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
