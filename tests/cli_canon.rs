//! `cinedex canon add`, `cinedex lists` and `cinedex list-show` against a stand-in for
//! Wikidata's Action API on 127.0.0.1 (no test reaches the internet): an award's winners as a
//! list named after it, films already in the catalog linked, the others shown as ghosts, and
//! "N of M seen" everywhere.

use crate::common;
use crate::reference_standin;
use common::{json_of, one_error_line, Shell};
use reference_standin::wikidata;

#[test]
fn following_an_award_prints_its_list_with_ghosts_and_progress() {
    let shell = Shell::new();
    let server = wikidata();
    let added = shell
        .online(&server, &["add", "--from", "wikidata:Q104123", "--json"])
        .assert()
        .success();
    let pulp = json_of(&added)["id"].as_i64().unwrap();
    shell.json(&["viewing", "add", &pulp.to_string(), "--date", "2024-03-02"]);

    let out = shell
        .online(&server, &["canon", "add", "Palme", "d'Or", "--json"])
        .assert()
        .success();
    let list = json_of(&out);
    assert_eq!(list["name"], "Palme d'Or");
    assert_eq!(list["canon"], "wikidata:Q179808");
    assert_eq!(list["seen"], 1);
    assert_eq!(list["total"], 6);
    assert_eq!(list["filmCount"], 1);
    assert_eq!(list["entries"][0]["film"]["id"], pulp);
    assert_eq!(list["entries"][0]["seen"], true);
    let ghosts = list["ghosts"].as_array().unwrap();
    assert_eq!(ghosts.len(), 5);
    let parasite = ghosts.iter().find(|g| g["title"] == "Parasite").unwrap();
    assert_eq!(parasite["referenceId"], "wikidata:Q61448040");
    assert_eq!(parasite["year"], 2019);
    assert_eq!(parasite["directors"][0], "Bong Joon-ho");

    let lists = shell.json(&["lists"]);
    assert_eq!(lists[0]["seen"], 1);
    assert_eq!(lists[0]["total"], 6);
    assert_eq!(lists[0]["filmCount"], 1);
    let id = lists[0]["id"].as_i64().unwrap().to_string();
    shell
        .cmd(&["lists"])
        .assert()
        .success()
        .stdout(predicates::str::contains("1 of 6 seen"));
    let shown = shell.cmd(&["list-show", &id]).assert().success();
    let text = String::from_utf8_lossy(&shown.get_output().stdout).to_string();
    assert!(text.contains("1 of 6 seen"), "{text}");
    assert!(
        text.contains("[not in catalog: wikidata:Q61448040] Parasite (2019)"),
        "{text}"
    );
    assert!(text.contains("Pulp Fiction"), "{text}");

    // Again, by its Q-id: the same list, brought up to date, no duplicate.
    shell
        .online(&server, &["canon", "add", "Q179808", "--json"])
        .assert()
        .success();
    assert_eq!(shell.json(&["lists"]).as_array().unwrap().len(), 1);
}

#[test]
fn an_award_wikidata_does_not_know_is_one_error_line_naming_it() {
    let shell = Shell::new();
    let server = wikidata();
    let out = shell
        .online(&server, &["canon", "add", "Golden Turnip"])
        .assert()
        .code(1);
    assert!(one_error_line(&out).contains("Golden Turnip"));
    assert_eq!(shell.json(&["lists"]).as_array().unwrap().len(), 0);
}

#[test]
fn offline_following_an_award_fails_with_one_line_and_adds_no_list() {
    let shell = Shell::new();
    let server = wikidata();
    let out = shell
        .online(&server, &["canon", "add", "Q179808"])
        .env("CINEDEX_OFFLINE", "1")
        .assert()
        .code(1);
    assert!(one_error_line(&out).contains("offline"));
    assert_eq!(shell.json(&["lists"]).as_array().unwrap().len(), 0);
}

#[test]
fn canon_add_without_an_award_is_a_usage_error() {
    let shell = Shell::new();
    shell.cmd(&["canon", "add"]).assert().code(2);
    shell.cmd(&["canon"]).assert().code(2);
}
