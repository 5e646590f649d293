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

/// A Letterboxd list export: Stalker is in the catalog, the other two are not.
const LIST_FILE: &str = "Letterboxd list export v7
Date,Name,Tags,URL,Description
2024-05-01,Slow Cinema,,https://letterboxd.com/someone/list/slow-cinema/,Long takes

Position,Name,Year,URL,Description
1,Stalker,1979,https://letterboxd.com/film/stalker/,The Zone
2,Sátántangó,1994,https://letterboxd.com/film/satantango/,
3,Jeanne Dielman,1975,https://letterboxd.com/film/jeanne-dielman/,Potatoes
";

fn list_file(shell: &Shell, name: &str, text: &str) -> String {
    let path = shell.db.with_file_name(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn following_a_list_file_links_what_the_catalog_has_and_shows_the_rest_as_ghosts() {
    let shell = Shell::new();
    let stalker = shell.json(&["add", "--title", "Stalker", "--year", "1979"]);
    shell.json(&[
        "viewing",
        "add",
        &stalker["id"].to_string(),
        "--date",
        "2024-03-02",
    ]);
    let file = list_file(&shell, "slow-cinema.csv", LIST_FILE);

    let dry = shell.json(&["canon", "import", &file, "--dry-run"]);
    assert_eq!(dry["linked"], 1);
    assert_eq!(dry["ghosts"], 2);
    assert_eq!(
        shell.json(&["lists"]).as_array().unwrap().len(),
        0,
        "a dry run writes nothing"
    );

    let followed = shell.json(&["canon", "import", &file]);
    let keys: Vec<&String> = followed.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["ghosts", "linked", "listId", "name", "seen", "total"]
    );
    assert_eq!(followed["name"], "Slow Cinema");
    assert_eq!(
        (followed["linked"].as_i64(), followed["ghosts"].as_i64()),
        (Some(1), Some(2))
    );
    assert_eq!(
        (followed["seen"].as_i64(), followed["total"].as_i64()),
        (Some(1), Some(3))
    );
    assert_eq!(shell.film_count(), 1, "ghosts are not films");

    let lists = shell.json(&["lists"]);
    assert_eq!(lists[0]["canon"], "file:Slow Cinema");
    assert_eq!(
        (lists[0]["seen"].as_i64(), lists[0]["total"].as_i64()),
        (Some(1), Some(3))
    );
    let id = followed["listId"].to_string();
    let shown = shell.cmd(&["list-show", &id]).assert().success();
    let text = String::from_utf8_lossy(&shown.get_output().stdout).to_string();
    assert!(text.contains("1 of 3 seen"), "{text}");
    assert!(
        text.contains(
            "[not in catalog: letterboxd:https://letterboxd.com/film/jeanne-dielman/] Jeanne Dielman (1975) — Potatoes"
        ),
        "{text}"
    );
    assert!(
        text.contains("Stalker") && text.contains("The Zone"),
        "{text}"
    );

    // Again, under the same name: the same list, no duplicate; the text output says so.
    shell
        .cmd(&["canon", "import", &file])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Slow Cinema (list #1): 1 entry linked, 2 ghosts not in the catalog — 1 of 3 seen",
        ));
    let lists = shell.json(&["lists"]);
    assert_eq!(lists.as_array().unwrap().len(), 1);
    assert_eq!(lists[0]["total"], 3);
}

#[test]
fn a_plain_csv_is_followed_under_the_name_given_and_a_title_ghost_shows_without_an_id() {
    let shell = Shell::new();
    let file = list_file(
        &shell,
        "watch.csv",
        "Title,Year,Director\nPlaytime,1967,Jacques Tati\n",
    );
    let followed = shell.json(&["canon", "import", &file, "--name", "Tati"]);
    assert_eq!(followed["name"], "Tati");
    assert_eq!(followed["ghosts"], 1);
    let shown = shell
        .cmd(&["list-show", &followed["listId"].to_string()])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&shown.get_output().stdout).to_string();
    assert!(
        text.contains("[not in catalog] Playtime (1967) — Jacques Tati"),
        "{text}"
    );
    // The film added later takes the ghost's place.
    shell.json(&["add", "--title", "Playtime", "--year", "1967"]);
    let list = shell.json(&["list-show", &followed["listId"].to_string()]);
    assert_eq!(list["ghosts"].as_array().unwrap().len(), 0);
    assert_eq!(list["entries"][0]["film"]["title"], "Playtime");
}

#[test]
fn a_bad_list_file_is_one_error_line_naming_file_line_and_column_and_changes_nothing() {
    let shell = Shell::new();
    shell.json(&["add", "--title", "Stalker", "--year", "1979"]);
    let file = list_file(
        &shell,
        "bad-list.csv",
        "Title,Year\nStalker,1979\nOther,nineteen\n",
    );
    let out = shell.cmd(&["canon", "import", &file]).assert().code(1);
    let line = one_error_line(&out);
    assert!(line.contains("bad-list.csv"), "{line}");
    assert!(line.contains('3'), "{line}");
    assert!(line.contains("Year"), "{line}");
    assert_eq!(shell.json(&["lists"]).as_array().unwrap().len(), 0);
    let missing = shell.db.with_file_name("missing.csv").display().to_string();
    let out = shell.cmd(&["canon", "import", &missing]).assert().code(1);
    assert!(one_error_line(&out).contains("missing.csv"));
}
