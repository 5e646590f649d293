//! Exports: Cinedex JSON round trips exactly; CSV, Markdown and Letterboxd files hold what they
//! should; a failed export leaves nothing behind.

use std::path::Path;

use cinedex_catalog::*;

fn go(_: u64, _: u64) -> bool {
    true
}

fn rich_catalog(dir: &Path) -> Catalog {
    let c = Catalog::open_in_memory().unwrap();
    let film = c
        .add_film(&FilmInput {
            title: "Ghost in the Shell".into(),
            original_title: Some("Kōkaku Kidōtai".into()),
            year: Some(1995),
            directors: vec!["Mamoru Oshii".into()],
            themes: vec!["cyberpunk".into(), "identity".into()],
            facts: None,
        })
        .unwrap();
    c.add_review(
        film.id,
        &ReviewInput {
            body: "The *puppet master*.".into(),
            rating: Some(4.5),
            spoiler: true,
            title: Some("Shells".into()),
            ..ReviewInput::default()
        },
    )
    .unwrap();
    c.add_review(
        film.id,
        &ReviewInput {
            kind: ReviewKind::Article,
            body: "A saved article.".into(),
            author: Some("Critic".into()),
            url: Some("https://example.org/a".into()),
            published_on: Some("2020-02-02".into()),
            ..ReviewInput::default()
        },
    )
    .unwrap();
    c.add_viewing(
        film.id,
        &ViewingInput {
            watched_on: "2023-10-01".into(),
            rating: Some(4.0),
            place: Some("Cinema".into()),
            note: Some("35mm".into()),
            ..ViewingInput::default()
        },
    )
    .unwrap();
    c.add_viewing(
        film.id,
        &ViewingInput {
            watched_on: "2024-10-01".into(),
            rewatch: true,
            ..ViewingInput::default()
        },
    )
    .unwrap();
    c.add_annotation(
        film.id,
        &AnnotationInput {
            at: "01:12:30".into(),
            body: "the dive".into(),
        },
    )
    .unwrap();
    let trashed = c
        .add_film(&FilmInput {
            title: "Gone".into(),
            ..FilmInput::default()
        })
        .unwrap();
    c.delete_film(trashed.id).unwrap();
    let listed = c
        .add_film(&FilmInput {
            title: "Stalker".into(),
            year: Some(1979),
            ..FilmInput::default()
        })
        .unwrap();
    c.set_watch_status(listed.id, WatchStatus::Watchlist)
        .unwrap();
    let imdb = dir.join("imdb.csv");
    std::fs::write(&imdb, "Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\ntt0113568,9,2024-01-01,Ghost in the Shell,u,movie,8,83,1995,Anime,1,1995-11-18,Mamoru Oshii\n").unwrap();
    c.import(ImportSource::Imdb, &imdb, &ImportOptions::default(), &go)
        .unwrap();
    let lb = dir.join("lb.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&lb).unwrap());
    zip.start_file("lists/top.csv", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, b"Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-01-05,Top,,u,Best\n\nPosition,Name,Year,URL,Description\n1,Stalker,1979,u,zone\n2,Ghost in the Shell,1995,u,\n").unwrap();
    zip.finish().unwrap();
    c.import(
        ImportSource::Letterboxd,
        &lb,
        &ImportOptions::default(),
        &go,
    )
    .unwrap();
    c
}

#[test]
fn a_json_export_imported_into_an_empty_catalog_exports_identically() {
    let dir = tempfile::tempdir().unwrap();
    let c = rich_catalog(dir.path());
    let first = dir.path().join("first.json");
    let report = c.export(ExportFormat::Json, &first).unwrap();
    assert_eq!((report.films, report.files), (3, 1));
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.contains("\"format\": \"cinedex\"") && text.contains("\"version\": 1"));

    let empty = Catalog::open_in_memory().unwrap();
    let imported = empty
        .import(ImportSource::Json, &first, &ImportOptions::default(), &go)
        .unwrap();
    assert_eq!(
        (
            imported.new_films,
            imported.reviews,
            imported.viewings,
            imported.notes,
            imported.lists
        ),
        (3, 2, 2, 1, 1)
    );
    let second = dir.path().join("second.json");
    empty.export(ExportFormat::Json, &second).unwrap();
    assert_eq!(std::fs::read_to_string(&second).unwrap(), text);

    let again = empty
        .import(ImportSource::Json, &first, &ImportOptions::default(), &go)
        .unwrap();
    assert_eq!(
        (again.new_films, again.updated_films),
        (0, 0),
        "re-importing changes nothing"
    );
    let third = dir.path().join("third.json");
    empty.export(ExportFormat::Json, &third).unwrap();
    assert_eq!(std::fs::read_to_string(&third).unwrap(), text);
}

#[test]
fn a_json_export_of_a_newer_version_or_broken_json_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open_in_memory().unwrap();
    let newer = dir.path().join("n.json");
    std::fs::write(&newer, r#"{"format":"cinedex","version":99,"films":[]}"#).unwrap();
    let error = c
        .import(ImportSource::Json, &newer, &ImportOptions::default(), &go)
        .unwrap_err();
    assert!(error.to_string().contains("newer Cinedex"), "{error}");
    let broken = dir.path().join("b.json");
    std::fs::write(
        &broken,
        "{\"format\":\"cinedex\",\n\"version\":1,\n\"films\":[{]}",
    )
    .unwrap();
    let error = c
        .import(ImportSource::Json, &broken, &ImportOptions::default(), &go)
        .unwrap_err();
    assert!(error.to_string().contains("b.json:3"), "{error}");
}

#[test]
fn the_csv_export_reimports_through_the_generic_csv_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let c = rich_catalog(dir.path());
    let out = dir.path().join("films.csv");
    c.export(ExportFormat::Csv, &out).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("Title,Original Title,Year,Directors,Themes,Rating"),
        "{text}"
    );
    assert!(
        !text.contains("Gone"),
        "films in the trash are not exported to CSV"
    );
    let fresh = Catalog::open_in_memory().unwrap();
    let report = fresh
        .import(ImportSource::Csv, &out, &ImportOptions::default(), &go)
        .unwrap();
    assert_eq!(report.new_films, 2);
    let ghost = fresh
        .list_films(&FilmListQuery::default())
        .unwrap()
        .into_iter()
        .find(|f| f.year == Some(1995))
        .unwrap();
    assert_eq!(ghost.themes, ["cyberpunk", "identity"]);
    assert_eq!(ghost.directors, ["Mamoru Oshii"]);
}

#[test]
fn markdown_export_writes_one_file_per_film_with_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let c = rich_catalog(dir.path());
    let out = dir.path().join("notes");
    let report = c.export(ExportFormat::Markdown, &out).unwrap();
    assert_eq!(report.files, 2);
    let text = std::fs::read_to_string(out.join("ghost-in-the-shell-1995.md")).unwrap();
    assert!(
        text.starts_with("---\ntitle: \"Ghost in the Shell\"\n"),
        "{text}"
    );
    assert!(
        text.contains("directors: [\"Mamoru Oshii\"]") && text.contains("rating: 4.5"),
        "{text}"
    );
    assert!(text.contains("The *puppet master*."), "{text}");
    let again = c.export(ExportFormat::Markdown, &out).unwrap_err();
    assert!(again.to_string().contains("not empty"), "{again}");
}

#[test]
fn letterboxd_export_splits_into_files_of_at_most_a_thousand_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Title,Year,Watched Date\n");
    for i in 0..2300 {
        csv.push_str(&format!("Film {i},2001,2024-01-01\n"));
    }
    let path = dir.path().join("many.csv");
    std::fs::write(&path, csv).unwrap();
    let c = Catalog::open_in_memory().unwrap();
    c.import(ImportSource::Csv, &path, &ImportOptions::default(), &go)
        .unwrap();
    let out = dir.path().join("lb");
    let report = c.export(ExportFormat::Letterboxd, &out).unwrap();
    assert_eq!(report.files, 3);
    let first = std::fs::read_to_string(out.join("letterboxd-001.csv")).unwrap();
    assert!(first.starts_with("Title,Year,Directors,Rating,WatchedDate,Rewatch,Tags,Review\n"));
    assert_eq!(first.lines().count(), 1001);
    let last = std::fs::read_to_string(out.join("letterboxd-003.csv")).unwrap();
    assert_eq!(last.lines().count(), 301);
}

#[test]
fn an_export_into_a_missing_folder_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let c = rich_catalog(dir.path());
    let out = dir.path().join("missing").join("deeper").join("x.json");
    let report = c.export(ExportFormat::Json, &out).unwrap();
    assert_eq!(report.files, 1);
    assert!(std::fs::read_to_string(&out).unwrap().contains("\"films\""));
    let folder = dir.path().join("elsewhere").join("notes");
    c.export(ExportFormat::Markdown, &folder).unwrap();
    assert!(std::fs::read_dir(&folder).unwrap().next().is_some());
}

#[test]
fn an_export_that_cannot_be_written_names_the_folder_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let c = rich_catalog(dir.path());
    // A file where the folder should be.
    std::fs::write(dir.path().join("taken"), "a file").unwrap();
    let out = dir.path().join("taken").join("x.json");
    let message = c.export(ExportFormat::Json, &out).unwrap_err().to_string();
    assert!(message.contains("taken"), "{message}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken")).unwrap(),
        "a file"
    );
}
