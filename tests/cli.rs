//! The `cinedex` command line end to end, on temporary catalogs: output shapes, exit codes, error
//! messages, and that a refused command writes nothing.

use assert_cmd::Command;
use predicates::prelude::*;

use crate::common;
use common::{innocence, Shell};

#[test]
fn add_prints_the_film_as_camel_case_json() {
    let shell = Shell::new();
    let film = innocence(&shell);
    assert_eq!(film["title"], "Ghost in the Shell 2: Innocence");
    assert_eq!(film["originalTitle"], "イノセンス");
    assert_eq!(film["year"], 2004);
    assert_eq!(
        film["directors"],
        serde_json::json!(["Mamoru Oshii", "Kazunori Itō"])
    );
    assert_eq!(
        film["themes"],
        serde_json::json!(["cyberpunk", "identity", "dolls"])
    );
    assert_eq!(film["reviewCount"], 0);
    assert!(film["id"].is_i64());
    for key in ["createdAt", "updatedAt"] {
        assert!(
            film[key].as_str().unwrap().ends_with('Z'),
            "{key} is UTC ISO-8601"
        );
    }
}

#[test]
fn list_and_show_return_what_was_added_with_reviews() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    let review = shell.json(&[
        "review",
        "add",
        &id,
        "--text",
        "**Dolls** and *souls*.",
        "--title",
        "On dolls",
        "--author",
        "A. Critic",
        "--source",
        "Notebook",
        "--url",
        "https://example.org/r",
        "--published",
        "2004-09-01",
    ]);
    assert_eq!(review["filmId"].to_string(), id);
    assert_eq!(review["publishedOn"], "2004-09-01");
    assert!(review["bodyHtml"]
        .as_str()
        .unwrap()
        .contains("<strong>Dolls</strong>"));

    let list = shell.json(&["list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["reviewCount"], 1);
    let shown = shell.json(&["show", &id]);
    assert_eq!(shown["title"], "Ghost in the Shell 2: Innocence");
    assert_eq!(shown["reviews"][0]["title"], "On dolls");
    assert_eq!(shown["reviews"][0]["author"], "A. Critic");
    let reviews = shell.json(&["review", "list", &id]);
    assert_eq!(reviews[0]["body"], "**Dolls** and *souls*.");

    shell
        .cmd(&["list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Mamoru Oshii, Kazunori Itō"));
    shell
        .cmd(&["show", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("On dolls"));
}

#[test]
fn a_review_body_can_come_from_a_file() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    let file = shell.db.with_file_name("review.md");
    std::fs::write(&file, "# Heading\n\nFrom a file.").unwrap();
    let review = shell.json(&[
        "review",
        "add",
        &id,
        "--file",
        file.to_str().unwrap(),
        "--kind",
        "note",
    ]);
    assert_eq!(review["kind"], "note");
    assert!(review["bodyHtml"]
        .as_str()
        .unwrap()
        .contains("<h1>Heading</h1>"));
}

#[test]
fn edit_changes_only_the_given_fields() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    let edited = shell.json(&["edit", &id, "--year", "2005"]);
    assert_eq!(edited["year"], 2005);
    assert_eq!(edited["title"], "Ghost in the Shell 2: Innocence");
    assert_eq!(edited["directors"].as_array().unwrap().len(), 2);
    let edited = shell.json(&["edit", &id, "--theme", "memory", "--no-year"]);
    assert_eq!(edited["themes"], serde_json::json!(["memory"]));
    assert!(edited["year"].is_null());
}

#[test]
fn delete_moves_to_the_trash_and_restore_brings_back() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    let trashed = shell.json(&["delete", &id]);
    assert!(trashed["deletedAt"].is_string());
    assert_eq!(shell.film_count(), 0);
    assert_eq!(shell.json(&["trash"]).as_array().unwrap().len(), 1);
    shell.json(&["undelete", &id]);
    assert_eq!(shell.film_count(), 1);
}

#[test]
fn an_invalid_film_exits_1_naming_the_field_and_writes_nothing() {
    let shell = Shell::new();
    innocence(&shell);
    shell
        .cmd(&["add", "--title", "   "])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("error: title:"));
    shell
        .cmd(&["add", "--title", "Future", "--year", "3000"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: year:").and(predicate::str::contains("3000")));
    assert_eq!(shell.film_count(), 1);
}

#[test]
fn an_invalid_review_exits_1_and_writes_nothing() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    shell
        .cmd(&[
            "review",
            "add",
            &id,
            "--text",
            "ok",
            "--published",
            "2004-13-40",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: publishedOn:"));
    shell
        .cmd(&[
            "review",
            "add",
            &id,
            "--text",
            "ok",
            "--url",
            "javascript:alert(1)",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: url:"));
    shell
        .cmd(&["review", "add", &id, "--file", "/no/such/review.md"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/no/such/review.md"));
    assert_eq!(shell.json(&["review", "list", &id]), serde_json::json!([]));
}

#[test]
fn usage_errors_exit_2() {
    let shell = Shell::new();
    shell
        .cmd(&["add"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--title"));
    shell.cmd(&["show", "abc"]).assert().code(2);
    shell.cmd(&["review", "add", "1"]).assert().code(2);
    shell
        .cmd(&["review", "add", "1", "--text", "a", "--file", "b"])
        .assert()
        .code(2);
    shell.cmd(&["frobnicate"]).assert().code(2);
}

#[test]
fn a_missing_film_exits_1_with_not_found() {
    let shell = Shell::new();
    shell
        .cmd(&["show", "99"])
        .assert()
        .code(1)
        .stderr("error: film 99 not found\n");
    shell
        .cmd(&["review", "add", "99", "--text", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("film 99 not found"));
}

#[test]
fn cinedex_db_sets_the_default_catalog() {
    let shell = Shell::new();
    let mut cmd = Command::cargo_bin("cinedex").unwrap();
    cmd.env("CINEDEX_DB", &shell.db)
        .args(["add", "--title", "From env"])
        .assert()
        .success();
    assert_eq!(shell.json(&["list"])[0]["title"], "From env");
}

#[test]
fn a_catalog_from_a_newer_cinedex_is_refused_and_left_untouched() {
    let shell = Shell::new();
    innocence(&shell);
    let conn = rusqlite::Connection::open(&shell.db).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = std::fs::read(&shell.db).unwrap();
    shell
        .cmd(&["list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("newer Cinedex").and(predicate::str::contains("99")));
    assert_eq!(std::fs::read(&shell.db).unwrap(), before);
}
