//! `cinedex import (letterboxd|imdb|csv|tellico|json)` and `cinedex export`, end to end on temp
//! files: dry runs write nothing, --json keeps stdout clean, bad files fail with file and line.

use crate::common;
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

/// A Cinedex JSON file as `cinedex export json` writes it: a list following a canon, whose
/// ghosts sit before and after its one film, and a person's Wikidata id.
const CANON_EXPORT: &str = r#"{
  "format": "cinedex",
  "version": 1,
  "films": [{
    "title": "Pulp Fiction", "year": 1994, "watchStatus": "none",
    "credits": [{"role": "director", "name": "Quentin Tarantino", "creditedAs": null}],
    "themes": [], "externalIds": [{"source": "wikidata", "value": "Q104123"}],
    "reviews": [], "viewings": [], "annotations": [],
    "createdAt": "2026-01-01T10:00:00.000000Z", "updatedAt": "2026-01-01T10:00:00.000000Z",
    "deletedAt": null
  }],
  "lists": [{
    "name": "Palme d'Or", "description": null,
    "createdAt": "2026-01-02T10:00:00.000000Z", "updatedAt": "2026-01-02T10:00:00.000000Z",
    "films": [{"film": 0, "note": "seen at the Rex"}],
    "canon": "wikidata:Q179808",
    "ghosts": [
      {"referenceId": "wikidata:Q61448040", "imdb": "tt6751668", "title": "Parasite",
       "year": 2019, "directors": ["Bong Joon-ho"], "position": 1, "note": "next"},
      {"referenceId": "wikidata:Q27895863", "imdb": null, "title": "The Square",
       "year": 2017, "directors": ["Ruben Östlund"], "position": 3, "note": null}
    ]
  }],
  "people": [{"name": "Quentin Tarantino",
              "externalIds": [{"source": "wikidata", "value": "Q3772"}]}]
}
"#;

#[test]
fn a_json_export_with_a_canon_ghosts_and_person_ids_imports_and_exports_them_again() {
    let shell = Shell::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("canon.json");
    std::fs::write(&file, CANON_EXPORT).unwrap();
    shell
        .cmd(&["import", "json", file.to_str().unwrap()])
        .assert()
        .success();
    let again = shell.json(&["import", "json", file.to_str().unwrap()]);
    assert_eq!(again["newFilms"], 0);
    let lists = shell.json(&["lists"]);
    let id = lists[0]["id"].as_i64().unwrap();
    assert_eq!(lists[0]["canon"], "wikidata:Q179808");
    assert_eq!(lists[0]["total"], 3);
    shell
        .cmd(&["list-show", &id.to_string()])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1.   [not in catalog: wikidata:Q61448040] Parasite (2019) — Bong Joon-ho — next",
        ))
        .stdout(predicate::str::contains("Pulp Fiction"))
        .stdout(predicate::str::contains(
            "3.   [not in catalog: wikidata:Q27895863] The Square",
        ));
    let out = dir.path().join("out.json");
    shell
        .cmd(&["export", "json", out.to_str().unwrap()])
        .assert()
        .success();
    let read = |path: &std::path::Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    };
    let (written, exported) = (read(&file), read(&out));
    assert_eq!(exported["lists"], written["lists"]);
    assert_eq!(exported["people"], written["people"]);
}
