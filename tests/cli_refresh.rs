//! `cinedex refresh ID` against the local Wikidata stand-in: the comparison field by field,
//! `--fill` filling only blanks, `--take FIELD` taking the reference's value, and the person's
//! own values kept otherwise; an unknown field or a film without ids exits 1 writing nothing.

use crate::common;
use crate::reference_standin;
use common::Shell;
use reference_standin::wikidata;
use serde_json::{json, Value};

fn field<'a>(refresh: &'a Value, name: &str) -> &'a Value {
    refresh["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == name)
        .unwrap_or_else(|| panic!("no {name} in {refresh}"))
}

#[test]
fn refresh_compares_fills_blanks_and_takes_only_what_is_asked() {
    let shell = Shell::new();
    let server = wikidata();
    let added = shell.online_json(&server, &["add", "--from", "wikidata:Q155653"]);
    let id = added["id"].to_string();
    // The person's own year and a cleared runtime and genres.
    shell.json(&["edit", &id, "--year", "2000", "--synopsis", "Mine."]);
    let before = shell.json(&["show", &id]);

    let compared = shell.online_json(&server, &["refresh", &id]);
    assert_eq!(compared["source"], "wikidata");
    assert_eq!(compared["referenceId"], "Q155653");
    assert_eq!(field(&compared, "year")["status"], "differs");
    assert_eq!(field(&compared, "year")["catalog"], json!(["2000"]));
    assert_eq!(field(&compared, "year")["reference"], json!(["2001"]));
    assert_eq!(field(&compared, "directors")["status"], "same");
    assert_eq!(compared["applied"], json!([]));
    assert_eq!(
        shell.json(&["show", &id]),
        before,
        "comparing writes nothing"
    );

    let filled = shell.online_json(&server, &["refresh", &id, "--fill"]);
    assert!(!filled["applied"]
        .as_array()
        .unwrap()
        .contains(&json!("year")));
    let shown = shell.json(&["show", &id]);
    assert_eq!(shown["year"], 2000, "a differing value is kept by --fill");
    assert_eq!(shown["synopsis"], "Mine.");

    let taken = shell.online_json(&server, &["refresh", &id, "--take", "year"]);
    assert_eq!(taken["applied"], json!(["year"]));
    assert_eq!(shell.json(&["show", &id])["year"], 2001);

    let human = shell.online(&server, &["refresh", &id]).assert().success();
    let text = String::from_utf8_lossy(&human.get_output().stdout).to_string();
    assert!(text.contains("Wikidata Q155653"), "{text}");
}

#[test]
fn an_unknown_field_or_a_film_without_ids_exits_1_and_writes_nothing() {
    let shell = Shell::new();
    let server = wikidata();
    let id = shell.online_json(&server, &["add", "--from", "wikidata:Q155653"])["id"].to_string();
    let before = shell.json(&["show", &id]);
    let bad = shell
        .online(&server, &["refresh", &id, "--take", "budget"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&bad.get_output().stderr).to_string();
    assert!(
        stderr.starts_with("error: take:") && stderr.contains("budget"),
        "{stderr}"
    );
    assert_eq!(shell.json(&["show", &id]), before);

    let plain = shell.json(&["add", "--title", "Stalker"])["id"].to_string();
    let none = shell.online(&server, &["refresh", &plain]).assert().code(1);
    let stderr = String::from_utf8_lossy(&none.get_output().stderr).to_string();
    assert!(stderr.contains("no Wikidata, IMDb or TMDB id"), "{stderr}");

    // Offline, the refresh says so in one line.
    let offline = shell.cmd(&["refresh", &id]).assert().code(1);
    let stderr = String::from_utf8_lossy(&offline.get_output().stderr).to_string();
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}
