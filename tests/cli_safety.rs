//! `cinedex backup`, `backups`, `restore FILE` and `check` end to end.

use predicates::prelude::*;

use crate::common;
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
    assert_eq!(
        reasons(&listed),
        ["restore", "manual", "daily"],
        "newest first"
    );
}

/// The reasons of a `backups --json` listing, in its order.
fn reasons(listed: &serde_json::Value) -> Vec<&str> {
    listed
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["reason"].as_str().unwrap())
        .collect()
}

#[test]
fn the_first_write_of_the_day_makes_the_daily_backup_and_a_read_makes_none() {
    let shell = Shell::new();
    shell.json(&["list"]);
    assert_eq!(shell.json(&["backups"]), serde_json::json!([]));
    shell.json(&["add", "--title", "Heat"]);
    let listed = shell.json(&["backups"]);
    assert_eq!(reasons(&listed), ["daily"]);
    shell.json(&["add", "--title", "Ronin"]);
    shell.json(&["search", "heat"]);
    assert_eq!(shell.json(&["backups"]), listed, "one a day");
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
    // The daily backup of the film's adding; the refused restore added none.
    assert_eq!(reasons(&shell.json(&["backups"])), ["daily"]);
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

/// The sequence of issue 16: undoing an import by restoring its backup emptied the catalog and
/// the backup file.
#[test]
fn restoring_the_backup_an_import_wrote_brings_back_the_catalog_before_it() {
    let shell = Shell::new();
    shell.cmd(&["add", "--title", "Seed"]).assert().success();
    let csv = shell.db.with_file_name("small.csv");
    std::fs::write(&csv, "Title,Year\nHeat,1995\nRonin,1998\n").unwrap();
    shell
        .cmd(&["import", "csv", csv.to_str().unwrap()])
        .assert()
        .success();
    let listed = shell.json(&["backups"]);
    assert_eq!(reasons(&listed), ["import", "daily"]);
    let import = listed[0]["path"].as_str().unwrap().to_owned();
    let size_before = std::fs::metadata(&import).unwrap().len();

    shell.cmd(&["restore", &import]).assert().success().stdout(
        predicate::str::starts_with(format!("Restored the catalog from {import}."))
            .and(predicate::str::contains("1 film(s) and 0 review(s)")),
    );
    shell
        .cmd(&["info"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"Films:\s+1\b").unwrap());
    assert_eq!(std::fs::metadata(&import).unwrap().len(), size_before);

    // Undoing the undo: the safety copy brings back the three films.
    let listed = shell.json(&["backups"]);
    let safety = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["reason"] == "restore")
        .expect("the safety copy is listed");
    let report = shell.json(&["restore", safety["path"].as_str().unwrap()]);
    assert_eq!(report["films"], 3);
    assert_eq!(report["restoredFrom"], safety["path"]);
    assert_eq!(report["safetyCopy"]["reason"], "restore");
    assert_eq!(report["reason"], "restore", "the old top-level fields stay");
    assert_eq!(shell.film_count(), 3);
    assert!(std::path::Path::new(&import).exists());
}
