//! `cinedex highlight ...` end to end on a temporary catalog: adding (a quote not in the text is
//! refused with one error line), listing in text order with --json in the Highlight shape, notes,
//! deleting, and usage errors.

use crate::common;
use common::{innocence, Shell};
use predicates::prelude::*;

const REVIEW: &str = "The dolls dream of us.\n\nOshii films the dolls as *mirrors*.";

fn review(shell: &Shell) -> String {
    let film = innocence(shell)["id"].to_string();
    shell.json(&["review", "add", &film, "--text", REVIEW])["id"].to_string()
}

#[test]
fn a_highlight_is_added_listed_in_text_order_noted_and_deleted() {
    let shell = Shell::new();
    let review = review(&shell);
    let late = shell.json(&[
        "highlight",
        "add",
        &review,
        "--quote",
        "the dolls as mirrors",
        "--note",
        "Kleist again",
    ]);
    assert_eq!(late["quote"], "the dolls as mirrors");
    assert_eq!(late["note"], "Kleist again");
    assert_eq!(late["reviewId"].to_string(), review);
    assert_eq!(late["orphaned"], false);
    assert!(late["createdAt"].is_string() && late["prefix"].is_string());
    let early = shell.json(&["highlight", "add", &review, "--quote", "The dolls"]);
    assert_eq!(early["start"], 0);
    assert!(early["note"].is_null());

    let list = shell.json(&["highlight", "list", &review]);
    let ids: Vec<&serde_json::Value> = list.as_array().unwrap().iter().map(|h| &h["id"]).collect();
    assert_eq!(ids, vec![&early["id"], &late["id"]]);
    shell
        .cmd(&["highlight", "list", &review])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "> the dolls as mirrors\n  Kleist again",
        ));

    let early_id = early["id"].to_string();
    let noted = shell.json(&["highlight", "note", &early_id, "who dreams whom"]);
    assert_eq!(noted["note"], "who dreams whom");
    let deleted = shell.json(&["highlight", "delete", &early_id]);
    assert_eq!(deleted["deleted"], true);
    assert_eq!(
        shell
            .json(&["highlight", "list", &review])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // The note is searchable.
    let found = shell.json(&["search", "kleist"]);
    assert_eq!(found["hits"].as_array().unwrap().len(), 1);
}

#[test]
fn a_quote_not_in_the_review_exits_1_with_one_error_line_and_writes_nothing() {
    let shell = Shell::new();
    let review = review(&shell);
    let output = shell
        .cmd(&["highlight", "add", &review, "--quote", "the dolls sleep"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: quote:"))
        .get_output()
        .stderr
        .clone();
    assert_eq!(String::from_utf8_lossy(&output).lines().count(), 1);
    shell
        .cmd(&["highlight", "add", "999", "--quote", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("review 999 not found"));
    shell
        .cmd(&["highlight", "delete", "42"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: "));
    assert_eq!(
        shell.json(&["highlight", "list", &review]),
        serde_json::json!([])
    );
}

#[test]
fn highlight_usage_errors_exit_2() {
    let shell = Shell::new();
    shell.cmd(&["highlight", "add", "1"]).assert().code(2);
    shell
        .cmd(&["highlight", "add", "x", "--quote", "a"])
        .assert()
        .code(2);
    shell.cmd(&["highlight", "list"]).assert().code(2);
    shell.cmd(&["highlight", "frob"]).assert().code(2);
}
