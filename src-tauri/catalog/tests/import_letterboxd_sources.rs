//! The shapes a Letterboxd export arrives in besides Letterboxd's own ZIP: a ZIP of the extracted
//! folder, the folder itself, one of its CSV files. The export's `deleted/` and `orphaned/`
//! folders, which repeat the file names for entries that are gone, are never read.

use crate::fixtures;
use std::path::Path;

use cinedex_catalog::*;
use fixtures::{file, zip_file, DIARY};

const WATCHLIST: &str =
    "Date,Name,Year,Letterboxd URI\n2024-02-01,Stalker,1979,https://boxd.it/st\n";
const LIST: &str = "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-01-05,Favourites,,https://letterboxd.com/me/list/favourites/,Mine\n\nPosition,Name,Year,URL,Description\n1,Stalker,1979,https://letterboxd.com/film/stalker/,\n";
const GONE: &str = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-04-01,Deleted Film,2001,https://boxd.it/x,2,,,2024-04-01\n";

fn preview(path: &Path) -> ImportSummary {
    Catalog::open_in_memory()
        .unwrap()
        .preview_import(ImportSource::Letterboxd, path, &ImportOptions::default())
        .unwrap()
}

/// 3 films from the diary (Perfect Blue, Solaris 1972 and 2002), Stalker from the watchlist.
fn assert_whole_export(summary: &ImportSummary) {
    assert_eq!(
        (
            summary.new_films,
            summary.viewings,
            summary.lists,
            summary.list_entries
        ),
        (4, 4, 1, 1),
        "{summary:?}"
    );
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
}

#[test]
fn a_zip_of_the_extracted_folder_is_read_like_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let zip = zip_file(
        dir.path(),
        "again.zip",
        &[
            ("letterboxd-me-2024-05-01/diary.csv", DIARY),
            ("letterboxd-me-2024-05-01/watchlist.csv", WATCHLIST),
            ("letterboxd-me-2024-05-01/lists/favourites.csv", LIST),
            ("letterboxd-me-2024-05-01/deleted/diary.csv", GONE),
        ],
    );
    assert_whole_export(&preview(&zip));
}

#[test]
fn the_deleted_and_orphaned_folders_of_an_export_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let zip = zip_file(
        dir.path(),
        "export.zip",
        &[
            ("diary.csv", DIARY),
            ("watchlist.csv", WATCHLIST),
            ("lists/favourites.csv", LIST),
            ("deleted/diary.csv", GONE),
            ("orphaned/diary.csv", GONE),
            ("likes/films.csv", WATCHLIST),
        ],
    );
    assert_whole_export(&preview(&zip));
}

#[test]
fn the_extracted_folder_is_read_like_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("letterboxd-me");
    std::fs::create_dir_all(export.join("lists")).unwrap();
    std::fs::create_dir_all(export.join("deleted")).unwrap();
    file(&export, "diary.csv", DIARY.as_bytes());
    file(&export, "watchlist.csv", WATCHLIST.as_bytes());
    file(&export.join("lists"), "favourites.csv", LIST.as_bytes());
    file(&export.join("deleted"), "diary.csv", GONE.as_bytes());
    assert_whole_export(&preview(&export));
}

#[test]
fn one_csv_of_the_export_is_read_on_its_own_and_an_unknown_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let diary = file(dir.path(), "diary.csv", DIARY.as_bytes());
    let summary = preview(&diary);
    assert_eq!((summary.new_films, summary.viewings), (3, 4), "{summary:?}");

    let other = file(dir.path(), "my films.csv", DIARY.as_bytes());
    let error = Catalog::open_in_memory()
        .unwrap()
        .preview_import(ImportSource::Letterboxd, &other, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("my films.csv") && error.contains("diary.csv"),
        "{error}"
    );

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let error = Catalog::open_in_memory()
        .unwrap()
        .preview_import(ImportSource::Letterboxd, &empty, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(error.contains("none of Letterboxd's files"), "{error}");
}
