//! A generic CSV saved with another separator: the semicolons spreadsheets write where the comma
//! is the decimal mark, and tabs. The separator is read from the header line.

use crate::fixtures;
use cinedex_catalog::*;
use fixtures::{file, go};

fn imported(name: &str, bytes: &[u8]) -> (ImportSummary, Vec<Film>) {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open_in_memory().unwrap();
    let path = file(dir.path(), name, bytes);
    let preview = c
        .preview_import(ImportSource::Csv, &path, &ImportOptions::default())
        .unwrap();
    c.import(ImportSource::Csv, &path, &ImportOptions::default(), &go)
        .unwrap();
    (preview, c.list_films(&FilmListQuery::default()).unwrap())
}

#[test]
fn a_semicolon_separated_csv_keeps_commas_inside_its_fields_and_decimal_commas() {
    let (preview, films) = imported(
        "films.csv",
        "Title;Year;Director;Rating\r\n\"Cléo de 5 à 7\";1962;Agnès Varda;4,5\r\nHiroshima, mon amour;1959;Alain Resnais;\r\n"
            .as_bytes(),
    );
    let fields: Vec<CsvField> = preview.columns.iter().map(|c| c.field).collect();
    assert_eq!(fields[0], CsvField::Title, "{preview:?}");
    assert_eq!(preview.new_films, 2, "{preview:?}");
    let titles: Vec<&str> = films.iter().map(|f| f.title.as_str()).collect();
    assert_eq!(titles, ["Cléo de 5 à 7", "Hiroshima, mon amour"]);
    assert_eq!(films[0].rating, Some(4.5), "the decimal comma");
    assert_eq!(films[1].directors, ["Alain Resnais"]);
    assert_eq!(films[1].year, Some(1959));
}

#[test]
fn a_tab_separated_file_is_read_by_its_columns() {
    let (preview, films) = imported(
        "films.tsv",
        b"Title\tYear\tDirector\nStalker\t1979\tAndrei Tarkovsky\nPerfect Blue, uncut\t1997\tSatoshi Kon\n",
    );
    assert_eq!(preview.new_films, 2);
    let stalker = films.iter().find(|f| f.title == "Stalker").unwrap();
    assert_eq!(stalker.directors, ["Andrei Tarkovsky"]);
    assert!(films.iter().any(|f| f.title == "Perfect Blue, uncut"));
}

#[test]
fn an_unclosed_quote_is_found_with_semicolons_too() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open_in_memory().unwrap();
    let path = file(
        dir.path(),
        "broken.csv",
        b"Title;Year\nStalker;1979\n\"Solaris;1972\nMirror;1975\n",
    );
    let error = c
        .preview_import(ImportSource::Csv, &path, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(error.contains("broken.csv:3"), "{error}");
}
