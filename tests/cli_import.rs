//! `cinedex import (letterboxd|imdb|csv|tellico|json)` and `cinedex export`, end to end on temp
//! files: dry runs write nothing, --json keeps stdout clean, bad files fail with file and line.

mod common;

use common::Shell;
use predicates::prelude::*;

const IMDB: &str = "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors
tt0133093,9,2024-01-01,The Matrix,The Matrix,u,Movie,8.7,136,1999,Action,1,1999-03-31,\"Lana Wachowski, Lilly Wachowski\"
tt0903747,10,2024-01-03,Breaking Bad,Breaking Bad,u,TV Series,9.5,49,2008,Drama,1,2008-01-20,
";

#[test]
fn an_imdb_dry_run_previews_as_json_and_writes_nothing() {
    let shell = Shell::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ratings.csv");
    std::fs::write(&file, IMDB).unwrap();
    let preview = shell.json(&["import", "imdb", file.to_str().unwrap(), "--dry-run"]);
    assert_eq!(preview["newFilms"], 1);
    assert_eq!(preview["skippedCount"], 1);
    assert_eq!(preview["committed"], false);
    assert_eq!(shell.film_count(), 0);

    let report = shell.json(&["import", "imdb", file.to_str().unwrap()]);
    assert_eq!(report["committed"], true);
    assert_eq!(shell.film_count(), 1);
    let again = shell.json(&["import", "imdb", file.to_str().unwrap()]);
    assert_eq!(again["newFilms"], 0);
    assert_eq!(shell.film_count(), 1);
}

#[test]
fn a_csv_with_a_bad_value_fails_naming_file_line_and_column() {
    let shell = Shell::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("films.csv");
    std::fs::write(&file, "Name,Year\nA,2001\nB,later\n").unwrap();
    shell
        .cmd(&["import", "csv", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("films.csv:3: column Year"));
    assert_eq!(shell.film_count(), 0);
    shell
        .cmd(&[
            "import",
            "csv",
            file.to_str().unwrap(),
            "--map",
            "Name=nonsense",
        ])
        .assert()
        .code(2);
}

#[test]
fn a_missing_file_is_named_once_with_the_reason() {
    let shell = Shell::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nowhere.csv");
    let assert = shell
        .cmd(&["import", "csv", file.to_str().unwrap()])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("nowhere.csv: "), "{stderr}");
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "the reason is given once: {stderr}"
    );
}

#[test]
fn a_json_export_round_trips_through_the_command_line() {
    let shell = Shell::new();
    common::innocence(&shell);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("all.json");
    let report = shell.json(&["export", "json", out.to_str().unwrap()]);
    assert_eq!(report["films"], 1);
    let written = std::fs::read(&out).unwrap();
    shell
        .cmd(&["export", "json", out.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        written,
        "the file is left as it was"
    );
    let other = Shell::new();
    other
        .cmd(&["import", "json", out.to_str().unwrap()])
        .assert()
        .success();
    let back = dir.path().join("back.json");
    other
        .cmd(&["export", "json", back.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(out).unwrap(),
        std::fs::read_to_string(back).unwrap()
    );
    other
        .cmd(&[
            "export",
            "markdown",
            dir.path().join("md").to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 film(s)"));
    other
        .cmd(&["lists"])
        .assert()
        .success()
        .stdout(predicate::str::contains("No lists."));
}

#[test]
fn a_file_that_is_not_a_zip_is_refused_for_letterboxd() {
    let shell = Shell::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.zip");
    std::fs::write(&file, "hello").unwrap();
    shell
        .cmd(&["import", "letterboxd", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a ZIP"));
}
