//! Tables as spreadsheets save them: blank lines written as rows of empty fields, and column
//! headers in other languages in a Latin-1 file.

use crate::fixtures;
use cinedex_catalog::*;
use fixtures::{imported, zip_file};

#[test]
fn rows_of_empty_fields_read_as_blank_lines() {
    // What a spreadsheet writes when it saves a list file or a table with a blank line in it.
    let dir = tempfile::tempdir().unwrap();
    let zip = zip_file(
        dir.path(),
        "resaved.zip",
        &[(
            "lists/kon.csv",
            "Letterboxd list export v7\r\nDate,Name,Tags,URL,Description\r\n2024-01-05,Satoshi Kon,,https://letterboxd.com/me/list/kon/,\r\n,,,,\r\nPosition,Name,Year,URL,Description\r\n1,Perfect Blue,1997,,\r\n,,,,\r\n2,Paprika,2006,,\r\n",
        )],
    );
    let c = Catalog::open_in_memory().unwrap();
    let report = imported(&c, ImportSource::Letterboxd, &zip);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(
        (report.new_films, report.lists, report.list_entries),
        (2, 1, 2)
    );

    let table = fixtures::file(
        dir.path(),
        "films.csv",
        b"Title,Year\nA,2001\n,\n  ,  \nB,2002\n",
    );
    let report = imported(&c, ImportSource::Csv, &table);
    assert_eq!(report.new_films, 2);
    assert!(
        report.skipped.is_empty() && report.errors.is_empty(),
        "{report:?}"
    );
}

#[test]
fn a_french_spreadsheet_saved_in_latin_1_maps_its_columns_by_their_french_names() {
    let dir = tempfile::tempdir().unwrap();
    // "Titre;Année;Réalisateur;Durée" and "Le Mépris" in ISO-8859-1, as an older Excel saves it.
    let table = fixtures::file(
        dir.path(),
        "films.csv",
        b"Titre;Titre original;Ann\xe9e;R\xe9alisateur;Dur\xe9e\nLe M\xe9pris;;1963;Jean-Luc Godard;103\n",
    );
    let c = Catalog::open_in_memory().unwrap();
    let report = imported(&c, ImportSource::Csv, &table);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let films = c.list_films(&FilmListQuery::default()).unwrap();
    assert_eq!(films.len(), 1);
    assert_eq!(films[0].title, "Le Mépris");
    assert_eq!(films[0].year, Some(1963));
    assert_eq!(films[0].directors, ["Jean-Luc Godard"]);
    let mapped: Vec<_> = report.columns.iter().map(|m| m.field).collect();
    assert_eq!(
        mapped,
        [
            CsvField::Title,
            CsvField::OriginalTitle,
            CsvField::Year,
            CsvField::Directors,
            CsvField::RuntimeMinutes
        ]
    );
}
