//! `cinedex person`: a person's films in the catalog by role with seen counts, as a table or as
//! the window's `PersonPage` JSON; `--filmography` asks a local stand-in for Wikidata (no test
//! reaches the internet); unknown people and the offline switch fail with one `error:` line.

use crate::common;
use crate::reference_standin;
use common::{json_of, one_error_line, Shell};
use reference_standin::{tmdb, wikidata, TMDB_KEY};
use serde_json::Value;

fn varda(shell: &Shell) -> (i64, i64) {
    let cleo = shell.json(&[
        "add",
        "--title",
        "Cléo from 5 to 7",
        "--year",
        "1962",
        "--director",
        "Agnès Varda",
    ]);
    let vagabond = shell.json(&[
        "add",
        "--title",
        "Vagabond",
        "--year",
        "1985",
        "--director",
        "Agnès Varda",
    ]);
    (
        cleo["id"].as_i64().unwrap(),
        vagabond["id"].as_i64().unwrap(),
    )
}

#[test]
fn person_json_is_the_person_page_with_films_by_role_and_seen_counts() {
    let shell = Shell::new();
    let (cleo, _) = varda(&shell);
    shell.json(&["edit", &cleo.to_string(), "--status", "watched"]);
    let page = shell.json(&["person", "agnes", "varda"]);
    assert_eq!(page["person"]["name"], "Agnès Varda");
    assert!(page["person"]["id"].is_i64());
    assert_eq!(page["person"]["wikidataId"], Value::Null);
    assert!(page.get("filmography").is_none(), "only when asked: {page}");
    let role = &page["roles"][0];
    assert_eq!(role["role"], "director");
    assert_eq!(
        (role["seen"].as_i64(), role["total"].as_i64()),
        (Some(1), Some(2))
    );
    assert_eq!(role["films"][0]["filmId"], cleo);
    assert_eq!(role["films"][0]["status"], "seen");
    assert_eq!(role["films"][1]["status"], "notSeen");
    assert_eq!(role["films"][1]["watchStatus"], "none");
}

#[test]
fn person_prints_a_table_per_role_with_the_completion() {
    let shell = Shell::new();
    varda(&shell);
    let out = shell.cmd(&["person", "Agnès Varda"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.starts_with("Agnès Varda"), "{text}");
    assert!(text.contains("director: seen 0 of 2"), "{text}");
    assert!(text.contains("Vagabond"), "{text}");
}

#[test]
fn an_unknown_person_fails_with_one_error_line_and_no_name_is_a_usage_error() {
    let shell = Shell::new();
    varda(&shell);
    let out = shell.cmd(&["person", "Jacques Demy"]).assert().code(1);
    let error = one_error_line(&out);
    assert!(error.contains("Jacques Demy"), "{error}");
    shell.cmd(&["person"]).assert().code(2);
}

#[test]
fn person_filmography_adds_the_rest_of_their_films_marking_the_catalogs_own() {
    let shell = Shell::new();
    let server = wikidata();
    let added = json_of(
        &shell
            .online(&server, &["add", "--from", "wikidata:Q155653", "--json"])
            .assert()
            .success(),
    );
    let page = json_of(
        &shell
            .online(&server, &["person", "Q55400", "--filmography", "--json"])
            .assert()
            .success(),
    );
    assert_eq!(page["person"]["name"], "Hayao Miyazaki");
    assert_eq!(page["person"]["wikidataId"], "Q55400");
    assert_eq!(page["person"]["birthYear"], 1941);
    let entries = page["filmography"]["entries"].as_array().unwrap();
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["My Neighbor Totoro", "Princess Mononoke", "Spirited Away"]
    );
    assert_eq!(entries[2]["inCatalog"], added["id"]);
    assert_eq!(entries[0]["inCatalog"], Value::Null);
    assert_eq!(entries[0]["referenceId"], "wikidata:Q39571");

    let table = shell
        .online(&server, &["person", "Hayao Miyazaki", "--filmography"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&table.get_output().stdout).to_string();
    assert!(text.contains("2 not in the catalog"), "{text}");
}

#[test]
fn offline_the_filmography_fails_clearly_and_the_page_still_shows() {
    let shell = Shell::new();
    let server = wikidata();
    shell
        .online(&server, &["add", "--from", "wikidata:Q155653"])
        .assert()
        .success();
    // A new catalog directory has no cached filmography: the default shell is offline.
    let out = shell
        .cmd(&["person", "Hayao Miyazaki", "--filmography"])
        .assert()
        .code(1);
    let error = one_error_line(&out);
    assert!(error.contains("offline"), "{error}");
    let page = shell.json(&["person", "Hayao Miyazaki"]);
    assert_eq!(page["roles"][0]["total"], 1);
}

#[test]
fn with_tmdb_set_up_the_filmography_comes_from_the_persons_tmdb_credits() {
    let shell = Shell::new();
    let (wikidata, tmdb) = (wikidata(), tmdb());
    let with_tmdb = |args: &[&str]| {
        let mut cmd = shell.online(&wikidata, args);
        cmd.env("CINEDEX_TMDB_URL", &tmdb)
            .env("CINEDEX_TMDB_KEY", TMDB_KEY);
        cmd
    };
    let added = json_of(
        &with_tmdb(&["add", "--from", "tmdb:129", "--json"])
            .assert()
            .success(),
    );
    let page = json_of(
        &with_tmdb(&["person", "tmdb:608", "--filmography", "--json"])
            .assert()
            .success(),
    );
    assert_eq!(page["person"]["tmdbId"], "608");
    assert_eq!(page["filmography"]["source"], "tmdb");
    let entries = page["filmography"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3, "{entries:?}");
    let spirited = entries
        .iter()
        .find(|e| e["referenceId"] == "tmdb:129")
        .unwrap();
    assert_eq!(spirited["inCatalog"], added["id"]);
    assert_eq!(spirited["roles"], serde_json::json!(["director", "writer"]));
}

#[test]
fn two_people_who_share_a_name_are_named_by_their_ids_and_each_has_their_page() {
    let shell = Shell::new();
    let file = common::fixture("namesakes.json");
    shell
        .cmd(&["import", "json", file.to_str().unwrap()])
        .assert()
        .success();

    let first = shell.json(&["person", "Q501"]);
    let second = shell.json(&["person", "wikidata:Q502"]);
    assert_ne!(first["person"]["id"], second["person"]["id"]);
    assert_eq!(first["roles"][0]["films"][0]["title"], "Harbour Lights");
    assert_eq!(second["roles"][0]["films"][0]["title"], "Night Train");
    assert_eq!(second["roles"][0]["total"], 1);

    let out = shell
        .cmd(&["person", "John Smith"])
        .assert()
        .failure()
        .code(1);
    let error = one_error_line(&out);
    for page in [&first, &second] {
        let id = page["person"]["id"].to_string();
        assert!(error.contains(&id), "{error} names {id}");
    }
    // The film names its own John Smith, by the id `person` takes.
    let films = shell.json(&["list"]);
    let night_train = films
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["title"] == "Night Train")
        .unwrap()["id"]
        .to_string();
    let shown = shell.json(&["show", &night_train]);
    assert_eq!(shown["people"][0]["name"], "John Smith");
    assert_eq!(shown["people"][0]["personId"], second["person"]["id"]);
    let by_id = shell.json(&["person", &shown["people"][0]["personId"].to_string()]);
    assert_eq!(by_id["person"]["wikidataId"], "Q502");
}
