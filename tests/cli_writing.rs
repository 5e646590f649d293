//! The command line for what a person writes and logs about a film: viewings, ratings, spoilers,
//! the watchlist and timecoded notes.

use predicates::prelude::*;

use crate::common;
use common::{innocence, Shell};

#[test]
fn viewings_are_logged_listed_and_summarised_on_the_film() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    let viewing = shell.json(&[
        "viewing",
        "add",
        &id,
        "--date",
        "2004-09-20",
        "--rating",
        "4.5",
        "--place",
        "Cinéma du Panthéon",
        "--note",
        "first time",
    ]);
    assert_eq!(viewing["watchedOn"], "2004-09-20");
    assert_eq!(viewing["rating"], 4.5);
    assert_eq!(viewing["rewatch"], false);
    shell.json(&["viewing", "add", &id, "--date", "2021-02-01", "--rewatch"]);
    let viewings = shell.json(&["viewing", "list", &id]);
    assert_eq!(viewings[0]["watchedOn"], "2021-02-01");
    assert_eq!(viewings[1]["place"], "Cinéma du Panthéon");
    let film = shell.json(&["show", &id]);
    assert_eq!(film["viewingCount"], 2);
    assert_eq!(film["lastWatchedOn"], "2021-02-01");
    assert_eq!(film["watchStatus"], "watched");
    assert_eq!(film["viewings"].as_array().unwrap().len(), 2);
}

#[test]
fn a_bad_viewing_or_rating_exits_1_naming_the_field() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    shell
        .cmd(&["viewing", "add", &id, "--date", "2999-01-01"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error: watchedOn:").and(predicate::str::contains("future")),
        );
    shell
        .cmd(&[
            "viewing",
            "add",
            &id,
            "--date",
            "2020-01-01",
            "--rating",
            "3.7",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: rating:"));
    shell
        .cmd(&["review", "add", &id, "--text", "x", "--rating", "6"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: rating:"));
    assert_eq!(shell.json(&["viewing", "list", &id]), serde_json::json!([]));
}

#[test]
fn reviews_carry_a_rating_and_a_spoiler_flag() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    let review = shell.json(&[
        "review",
        "add",
        &id,
        "--text",
        "The ending!",
        "--rating",
        "3.5",
        "--spoiler",
        "--kind",
        "review",
    ]);
    assert_eq!(review["rating"], 3.5);
    assert_eq!(review["spoiler"], true);
}

#[test]
fn the_watchlist_is_set_with_edit_and_listed_with_list_status() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    shell.json(&["add", "--title", "Solaris"]);
    let film = shell.json(&["edit", &id, "--status", "watchlist"]);
    assert_eq!(film["watchStatus"], "watchlist");
    assert_eq!(film["title"], "Ghost in the Shell 2: Innocence");
    let watchlist = shell.json(&["list", "--status", "watchlist"]);
    assert_eq!(watchlist.as_array().unwrap().len(), 1);
    assert_eq!(watchlist[0]["id"].to_string(), id);
}

#[test]
fn a_refused_edit_changes_nothing_not_even_the_status_given_with_it() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    shell
        .cmd(&["edit", &id, "--status", "watched", "--year", "3000"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("year"));
    let film = shell.json(&["show", &id]);
    assert_eq!(film["watchStatus"], "none");
    assert_eq!(film["year"], 2004);
    // Given with a valid change, the status and the change land together.
    let film = shell.json(&["edit", &id, "--status", "watched", "--year", "2005"]);
    assert_eq!(
        (film["watchStatus"].as_str(), film["year"].as_i64()),
        (Some("watched"), Some(2005))
    );
}

#[test]
fn timecoded_notes_are_added_and_listed_in_film_order() {
    let shell = Shell::new();
    let id = innocence(&shell)["id"].to_string();
    let note = shell.json(&[
        "note",
        "add",
        &id,
        "--at",
        "01:12:30",
        "--text",
        "the doll parade",
    ]);
    assert_eq!(note["at"], "1:12:30");
    assert_eq!(note["atSeconds"], 4350);
    shell.json(&["note", "add", &id, "--at", "00:03:10", "--text", "opening"]);
    let notes = shell.json(&["note", "list", &id]);
    assert_eq!(notes[0]["body"], "opening");
    assert_eq!(notes[1]["body"], "the doll parade");
    shell
        .cmd(&["note", "add", &id, "--at", "1:75:00", "--text", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: at:"));
    assert_eq!(
        shell.json(&["show", &id])["annotations"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

const ARTICLE: &str = "Review: Innocence (2005)\n\nBy A. Critic\n\n*Innocence* (2005), directed by Mamoru Oshii, \
                       is about dolls and what they are for.\n\nYou may also like\n- Another review\n\nTags: dolls, cyborgs\n";

#[test]
fn import_article_dry_run_prints_the_proposal_and_writes_nothing() {
    let shell = Shell::new();
    innocence(&shell); // titled "Ghost in the Shell 2: Innocence": a different title, no match
    let id = shell.json(&[
        "add",
        "--title",
        "Innocence",
        "--year",
        "2004",
        "--director",
        "Mamoru Oshii",
    ])["id"]
        .clone();
    let file = shell.db.with_file_name("innocence.md");
    std::fs::write(&file, ARTICLE).unwrap();
    let output = shell
        .cmd(&["import", "article", file.to_str().unwrap(), "--dry-run"])
        .assert()
        .success();
    let proposal: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    assert_eq!(proposal["filmId"], id);
    assert_eq!(proposal["film"]["year"], 2004);
    assert_eq!(proposal["conflicts"][0]["field"], "year");
    assert_eq!(
        proposal["conflicts"][0]["article"],
        serde_json::json!(["2005"])
    );
    assert_eq!(proposal["conflicts"][0]["reference"], serde_json::json!([]));
    assert_eq!(proposal["checked"], serde_json::Value::Null);
    assert!(proposal["droppedThemes"].is_array());
    assert_eq!(proposal["review"]["kind"], "article");
    assert_eq!(proposal["review"]["author"], "A. Critic");
    assert!(!proposal["review"]["body"]
        .as_str()
        .unwrap()
        .contains("Another review"));
    assert_eq!(
        shell.json(&["review", "list", &id.to_string()]),
        serde_json::json!([])
    );

    let detail = shell.json(&["import", "article", file.to_str().unwrap()]);
    assert_eq!(detail["id"], id);
    assert_eq!(detail["year"], 2004, "the catalog's year is kept");
    assert_eq!(detail["reviews"][0]["kind"], "article");
    assert_eq!(detail["themes"], serde_json::json!(["dolls", "cyborgs"]));
}

#[test]
fn importing_a_file_that_is_not_text_exits_1_and_writes_nothing() {
    let shell = Shell::new();
    let file = shell.db.with_file_name("poster.png");
    std::fs::write(&file, [0x89u8, b'P', b'N', b'G', 0, 0, 0xff, 0xfe]).unwrap();
    shell
        .cmd(&["import", "article", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("poster.png").and(predicate::str::contains("not a text file")),
        );
    assert_eq!(shell.film_count(), 0);
}

#[test]
fn an_article_saved_in_windows_1252_is_read_with_its_accents() {
    let shell = Shell::new();
    // "Amélie - Cahiers" / "Une fée à Montmartre…" in Windows-1252: é is 0xE9, à 0xE0, è 0xE8.
    let mut bytes =
        b"Am\xe9lie - Cahiers\n\nUne f\xe9e \xe0 Montmartre, o\xf9 le caf\xe9 d\xe9borde \
        de d\xe9tails tr\xe8s fran\xe7ais, et chaque plan est une carte postale.\n"
            .to_vec();
    bytes.extend(b"\nKeywords: Paris, caf\xe9\n");
    let file = shell.db.with_file_name("amelie.txt");
    std::fs::write(&file, bytes).unwrap();
    let output = shell
        .cmd(&["import", "article", file.to_str().unwrap(), "--dry-run"])
        .assert()
        .success();
    let proposal: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    let body = proposal["review"]["body"].as_str().unwrap();
    assert!(body.contains("Une fée à Montmartre"), "{body}");
    assert_eq!(shell.film_count(), 0);
}
