//! `cinedex backup`, `backups`, `restore FILE` and `check` end to end.

use predicates::prelude::*;

mod common;
use common::{innocence, Shell};

#[test]
fn a_backup_can_be_listed_and_restored_and_the_replaced_catalog_is_kept() {
    let shell = Shell::new();
    innocence(&shell);
    let backup = shell.json(&["backup"]);
    assert_eq!(backup["reason"], "manual");
    let backup_path = backup["path"].as_str().unwrap().to_owned();
    shell.json(&["add", "--title", "Added later"]);
    assert_eq!(shell.film_count(), 2);

    let safety = shell.json(&["restore", &backup_path]);
    assert_eq!(safety["reason"], "restore");
    assert_eq!(shell.film_count(), 1);
    let listed = shell.json(&["backups"]);
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert_eq!(listed[0]["reason"], "restore", "newest first");
}

#[test]
fn a_backup_to_a_named_file_refuses_to_overwrite() {
    let shell = Shell::new();
    innocence(&shell);
    let out = shell.db.with_file_name("copy.sqlite");
    shell
        .cmd(&["backup", out.to_str().unwrap()])
        .assert()
        .success();
    shell
        .cmd(&["backup", out.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    let copy = assert_cmd::Command::cargo_bin("cinedex")
        .unwrap()
        .args(["--db", out.to_str().unwrap(), "list", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let films: serde_json::Value = serde_json::from_slice(&copy).unwrap();
    assert_eq!(
        films.as_array().unwrap().len(),
        1,
        "the copy holds the film"
    );
}

#[test]
fn restoring_a_file_that_is_not_a_catalog_exits_1_and_changes_nothing() {
    let shell = Shell::new();
    innocence(&shell);
    let junk = shell.db.with_file_name("junk.sqlite");
    std::fs::write(&junk, "definitely not SQLite ".repeat(300)).unwrap();
    shell
        .cmd(&["restore", junk.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("junk.sqlite")
                .and(predicate::str::contains("not a Cinedex catalog")),
        );
    assert_eq!(shell.film_count(), 1);
    assert_eq!(shell.json(&["backups"]), serde_json::json!([]));
}

#[test]
fn check_reports_a_sound_catalog() {
    let shell = Shell::new();
    innocence(&shell);
    shell
        .cmd(&["check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("sound"));
    assert_eq!(
        shell.json(&["check"]),
        serde_json::json!({"ok": true, "problems": []})
    );
}
