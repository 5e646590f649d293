//! Hostile Cinedex JSON files and hostile text: what the preview accepts the commit stores, every
//! refusal names the file, the record and the field, and nothing reaches SQLite's constraints.

use crate::fixtures;
use std::path::{Path, PathBuf};

use cinedex_catalog::*;
use fixtures::go;
use serde_json::{json, Value};

const STAMP: &str = "2024-03-02T18:30:00.000000Z";

fn film(title: &str) -> Value {
    json!({ "title": title, "createdAt": STAMP, "updatedAt": STAMP })
}

fn document(dir: &Path, films: Vec<Value>, lists: Vec<Value>) -> PathBuf {
    let path = dir.join("hostile.json");
    let doc = json!({ "format": "cinedex", "version": 1, "films": films, "lists": lists });
    std::fs::write(&path, serde_json::to_vec(&doc).unwrap()).unwrap();
    path
}

fn list(name: &str) -> Value {
    json!({ "name": name, "createdAt": STAMP, "updatedAt": STAMP, "films": [{ "film": 0 }] })
}

/// Previews and then commits `path`; asserts both refuse it at `column`, with no raw SQLite text,
/// and that the catalog is untouched. Returns the commit's message.
fn refused_alike(path: &Path, column: &str) -> String {
    let c = Catalog::open_in_memory().unwrap();
    let options = ImportOptions::default();
    let preview = c
        .preview_import(ImportSource::Json, path, &options)
        .unwrap();
    assert_eq!(preview.error_count, 1, "{:?}", preview.errors);
    let issue = &preview.errors[0];
    assert_eq!(issue.file, "hostile.json");
    assert_eq!(issue.column.as_deref(), Some(column), "{issue:?}");
    let error = c
        .import(ImportSource::Json, path, &options, &go)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("hostile.json") && error.contains(column),
        "{error}"
    );
    assert!(
        !error.contains("constraint") && !error.contains("database error"),
        "{error}"
    );
    assert_eq!(c.info().unwrap().film_count, 0, "nothing was written");
    error
}

#[test]
fn credits_of_every_role_are_checked_in_the_preview_as_in_the_commit() {
    let dir = tempfile::tempdir().unwrap();
    let long = "n".repeat(300);
    for (name, role) in [
        ("", "actor"),
        ("   ", "writer"),
        ("\u{0}", "editor"),
        (long.as_str(), "producer"),
        ("\u{202E}yksvokraT", "cinematographer"),
        ("\u{200B}\u{FEFF}", "director"),
    ] {
        let mut stalker = film("Stalker");
        stalker["credits"] = json!([{ "role": role, "name": name }]);
        let path = document(dir.path(), vec![stalker], vec![]);
        refused_alike(&path, "films[0].credits[0].name");
    }
    let mut unknown = film("Stalker");
    unknown["credits"] = json!([{ "role": "grip", "name": "Someone" }]);
    let path = document(dir.path(), vec![unknown], vec![]);
    refused_alike(&path, "films[0].credits[0].role");
}

#[test]
fn a_credit_with_a_name_to_tidy_is_stored_tidied_with_its_credited_as() {
    let dir = tempfile::tempdir().unwrap();
    let mut stalker = film("Stalker");
    stalker["credits"] = json!([
        { "role": "director", "name": "  Andrei\u{0} Tarkovsky ", "creditedAs": "A. Tarkovsky" },
        { "role": "actor", "name": "Aleksandr\tKaidanovsky" },
        // A NUL once reached SQLite, whose length() stops at it, and failed the CHECK.
        { "role": "composer", "name": "\u{0}Eduard Artemyev" },
    ]);
    let path = document(dir.path(), vec![stalker], vec![]);
    let c = Catalog::open_in_memory().unwrap();
    let summary = c
        .import(ImportSource::Json, &path, &ImportOptions::default(), &go)
        .unwrap();
    assert_eq!(summary.new_films, 1);
    let exported = c.export_document().unwrap();
    let credits: Vec<(&str, &str, Option<&str>)> = exported.films[0]
        .credits
        .iter()
        .map(|c| (c.role.as_str(), c.name.as_str(), c.credited_as.as_deref()))
        .collect();
    assert_eq!(
        credits,
        [
            ("actor", "Aleksandr Kaidanovsky", None),
            ("composer", "Eduard Artemyev", None),
            ("director", "Andrei Tarkovsky", Some("A. Tarkovsky")),
        ]
    );
}

#[test]
fn list_names_are_checked_in_the_preview_as_in_the_commit() {
    let dir = tempfile::tempdir().unwrap();
    let long = "l".repeat(300);
    for name in ["", "  ", long.as_str(), "\u{2066}best\u{2069}", "\u{200D}"] {
        let path = document(dir.path(), vec![film("Stalker")], vec![list(name)]);
        refused_alike(&path, "lists[0].name");
    }
    let mut noted = list("Best");
    noted["films"][0]["note"] = json!("n".repeat(5_001));
    let path = document(dir.path(), vec![film("Stalker")], vec![noted]);
    refused_alike(&path, "lists[0].films[0].note");
    let mut stamped = list("Best");
    stamped["createdAt"] = json!("yesterday");
    let path = document(dir.path(), vec![film("Stalker")], vec![stamped]);
    refused_alike(&path, "lists[0].createdAt");
}

#[test]
fn counts_sizes_and_times_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Value, &str)> = vec![
        ("runtimeMinutes", json!(0), "films[0].runtimeMinutes"),
        ("runtimeMinutes", json!(i64::MAX), "films[0].runtimeMinutes"),
        (
            "credits",
            json!(vec![json!({ "role": "actor", "name": "Extra" }); 1_001]),
            "films[0].credits",
        ),
        (
            "externalIds",
            json!([{ "source": "imdb", "value": "t".repeat(501) }]),
            "films[0].externalIds[0].value",
        ),
        (
            "externalIds",
            json!([{ "source": "", "value": "tt1" }]),
            "films[0].externalIds[0].source",
        ),
        (
            "externalIds",
            json!([{ "source": "imdb", "value": "\u{0}tt1" }]),
            "films[0].externalIds[0].value",
        ),
        (
            "externalIds",
            json!(vec![json!({ "source": "imdb", "value": "tt1" }); 51]),
            "films[0].externalIds",
        ),
        (
            "deletedAt",
            json!("0001-01-01T00:00:00Z"),
            "films[0].deletedAt",
        ),
        (
            "createdAt",
            json!("9999-12-31T23:59:59Z"),
            "films[0].createdAt",
        ),
        (
            "updatedAt",
            json!("1869-12-31T23:59:59Z"),
            "films[0].updatedAt",
        ),
        (
            "reviews",
            json!([{ "kind": "review", "body": "Fine.", "createdAt": "0001-01-01T00:00:00Z", "updatedAt": STAMP }]),
            "films[0].reviews[0].createdAt",
        ),
    ];
    for (field, value, column) in cases {
        let mut stalker = film("Stalker");
        stalker[field] = value;
        let path = document(dir.path(), vec![stalker], vec![]);
        refused_alike(&path, column);
    }
}

#[test]
fn a_timestamp_in_another_zone_is_stored_in_utc() {
    let dir = tempfile::tempdir().unwrap();
    let mut stalker = film("Stalker");
    stalker["createdAt"] = json!("2024-03-02T20:30:00+02:00");
    let path = document(dir.path(), vec![stalker], vec![]);
    let c = Catalog::open_in_memory().unwrap();
    c.import(ImportSource::Json, &path, &ImportOptions::default(), &go)
        .unwrap();
    assert_eq!(c.export_document().unwrap().films[0].created_at, STAMP);
}

#[test]
fn titles_with_direction_controls_or_nothing_visible_are_refused() {
    let c = Catalog::open_in_memory().unwrap();
    for title in [
        "\u{202E}rekalts",
        "Stalker\u{202A}",
        "\u{202B}x",
        "\u{202C}",
        "a\u{202D}b",
        "\u{2066}Stalker\u{2069}",
        "\u{2067}x",
        "\u{2068}x",
        "\u{200B}",
        "\u{200C}\u{200D}",
        " \u{2060} \u{FEFF} ",
    ] {
        let error = c
            .add_film(&FilmInput {
                title: title.into(),
                ..Default::default()
            })
            .unwrap_err();
        assert_eq!(error.field(), Some("title"), "{title:?}: {error}");
    }
    for (input, field) in [
        (
            FilmInput {
                title: "Stalker".into(),
                original_title: Some("\u{200B}".into()),
                ..Default::default()
            },
            "originalTitle",
        ),
        (
            FilmInput {
                title: "Stalker".into(),
                directors: vec!["\u{202E}yksvokraT".into()],
                ..Default::default()
            },
            "directors",
        ),
        (
            FilmInput {
                title: "Stalker".into(),
                themes: vec!["\u{FEFF}".into()],
                ..Default::default()
            },
            "themes",
        ),
    ] {
        assert_eq!(c.add_film(&input).unwrap_err().field(), Some(field));
    }
    let smart = c.add_smart_list(&SmartListInput {
        name: "\u{2067}list".into(),
        query: "stalker".into(),
    });
    assert_eq!(smart.unwrap_err().field(), Some("name"));
    assert_eq!(c.info().unwrap().film_count, 0);
}

#[test]
fn zero_width_characters_inside_visible_text_are_kept() {
    let c = Catalog::open_in_memory().unwrap();
    // ZWNJ is part of Persian spelling; ZWJ joins emoji.
    for title in [
        "می\u{200C}خواهم",
        "👩\u{200D}👩\u{200D}👧",
        "Stalker\u{200B}",
    ] {
        let film = c
            .add_film(&FilmInput {
                title: title.into(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(film.title, title);
    }
}

#[test]
fn a_stray_ancient_date_in_a_catalog_does_not_blow_up_the_charts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let c = Catalog::open(&path).unwrap();
    let film = c
        .add_film(&FilmInput {
            title: "Stalker".into(),
            ..Default::default()
        })
        .unwrap();
    for _ in 0..2 {
        c.add_review(
            film.id,
            &ReviewInput {
                body: "The zone.".into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    // As a restored or foreign catalog might hold it, past every check of the app.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute(
        "UPDATE reviews SET created_at = '0001-01-01T00:00:00.000000Z' WHERE id = (SELECT min(id) FROM reviews)",
        [],
    )
    .unwrap();
    drop(raw);
    let stats = c.stats(&StatsQuery::default()).unwrap();
    assert_eq!(
        stats.reviews_by_month.len(),
        2,
        "{:?}",
        stats.reviews_by_month
    );
    assert_eq!(stats.reviews_by_month[0].key, "0001-01");
    assert_eq!(
        stats.reviews_by_month.iter().map(|t| t.count).sum::<i64>(),
        2
    );
}
