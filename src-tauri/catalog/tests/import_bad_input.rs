//! Bad input of every kind is refused with a clear message naming file, line and column, and
//! the catalog is left exactly as it was.

use crate::fixtures;
use std::path::Path;

use cinedex_catalog::*;
use fixtures::{file, go, with_declared_size, zip_file, DIARY};

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
fn a_bare_tellico_xml_file_is_named_by_its_own_path() {
    let dir = tempfile::tempdir().unwrap();
    let not_xml = file(dir.path(), "films.csv", b"Title;Year\nStalker;1979\n");
    let message = refused(ImportSource::Tellico, &not_xml);
    assert!(message.contains("films.csv:1"), "{message}");
    assert!(message.contains("not well-formed XML"), "{message}");
    let latin1 = file(dir.path(), "old.xml", b"<tellico>caf\xe9</tellico>");
    let message = refused(ImportSource::Tellico, &latin1);
    assert!(
        message.contains("old.xml") && message.contains("UTF-8"),
        "{message}"
    );
}
