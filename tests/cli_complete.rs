//! `cinedex complete` end to end against the local Wikidata stand-in: a 30-film library imported
//! from a CSV is filled where sure, its remakes queued, `--queue`, `--pick` and `--skip` answer
//! the queue, `--dry-run` writes nothing, and offline the command exits 1 changing nothing, or
//! completes from the cache of an earlier run.

use crate::common;
use crate::reference_standin;
use common::Shell;
use reference_standin::library::WikidataLibrary;
use reference_standin::wikidata_library;
use serde_json::Value;

/// The library's catalog side, imported from a CSV (IMDb ids where the library has them).
fn import_library(shell: &Shell) {
    let csv = WikidataLibrary::letterboxd_like().catalog_csv();
    let file = shell.db.with_file_name("library.csv");
    std::fs::write(&file, csv).unwrap();
    shell
        .cmd(&["import", "csv", file.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(shell.film_count(), 30);
}

fn film_id(shell: &Shell, title: &str) -> String {
    let films = shell.json(&["list"]);
    films
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["title"] == title)
        .unwrap_or_else(|| panic!("no {title} in {films}"))["id"]
        .to_string()
}

#[test]
fn complete_fills_the_sure_films_queues_the_remakes_and_answers_the_queue() {
    let shell = Shell::new();
    let server = wikidata_library();
    import_library(&shell);

    let report = shell.online_json(&server, &["complete", "--source", "wikidata"]);

    let totals = &report["totals"];
    assert_eq!(totals["films"], 30, "{report}");
    assert_eq!(totals["applied"], 27);
    assert_eq!(totals["review"], 2);
    assert_eq!(totals["unmatched"], 1);
    assert_eq!(totals["remaining"], 0);
    let films = report["films"].as_array().unwrap();
    let vertigo = films.iter().find(|f| f["title"] == "Vertigo").unwrap();
    assert_eq!(vertigo["status"], "applied");
    assert_eq!(vertigo["match"]["source"], "wikidata");
    assert_eq!(vertigo["match"]["score"], 1.0);
    assert!(vertigo["filled"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "directors"));
    let shown = shell.json(&["show", &film_id(&shell, "Vertigo")]);
    assert_eq!(shown["directors"][0], "Alfred Hitchcock");

    let queue = shell.online_json(&server, &["complete", "--queue"]);
    let review = queue["review"].as_array().unwrap();
    assert_eq!(review.len(), 2, "{queue}");
    assert_eq!(review[0]["film"]["title"], "Solaris");
    assert_eq!(
        queue["unmatched"][0]["film"]["title"],
        "A Home Movie Nobody Knows"
    );
    let candidate = review[0]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["film"]["year"] == 1972)
        .unwrap();
    let pick = format!("wikidata:{}", candidate["film"]["id"].as_str().unwrap());
    let solaris = film_id(&shell, "Solaris");

    let picked = shell.online_json(&server, &["complete", "--pick", &solaris, &pick]);
    assert_eq!(picked["status"], "applied");
    assert_eq!(
        shell.json(&["show", &solaris])["directors"][0],
        "Andrei Tarkovsky"
    );
    let suspiria = film_id(&shell, "Suspiria");
    shell
        .online(&server, &["complete", "--skip", &suspiria])
        .assert()
        .success();
    let queue = shell.online_json(&server, &["complete", "--queue"]);
    assert_eq!(queue["review"].as_array().unwrap().len(), 0, "{queue}");

    // A human-readable run over nothing left says so.
    let out = shell.online(&server, &["complete"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("Nothing to complete"), "{text}");
}

#[test]
fn offline_exits_1_naming_why_a_dry_run_changes_nothing_and_what_it_fetched_serves_offline() {
    let shell = Shell::new();
    let server = wikidata_library();
    import_library(&shell);
    let before = shell.json(&["list"]);

    let out = shell
        .online(&server, &["complete", "--json"])
        .env("CINEDEX_OFFLINE", "1")
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.starts_with("error: ") && stderr.contains("offline"),
        "{stderr}"
    );
    assert!(stderr.contains("30 film(s) were not reached"), "{stderr}");
    assert_eq!(shell.json(&["list"]), before);

    let dry = shell.online_json(&server, &["complete", "--dry-run", "--source", "wikidata"]);
    assert_eq!(dry["dryRun"], true);
    assert_eq!(dry["totals"]["applied"], 27);
    assert_eq!(shell.json(&["list"]), before);

    // The dry run's answers are in the cache beside the catalog: offline is enough now.
    let offline = shell
        .online(&server, &["complete", "--json"])
        .env("CINEDEX_OFFLINE", "1")
        .assert()
        .success();
    let report: Value = serde_json::from_slice(&offline.get_output().stdout).unwrap();
    assert_eq!(report["totals"]["applied"], 27, "{report}");
    assert_eq!(report["stopped"], Value::Null);
}

#[test]
fn bad_picks_and_unknown_films_are_refused_by_name() {
    let shell = Shell::new();
    let server = wikidata_library();
    import_library(&shell);
    let stalker = film_id(&shell, "Stalker");

    let out = shell
        .online(&server, &["complete", "--pick", &stalker, "nonsense"])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("\"nonsense\""));
    let out = shell.online(&server, &["complete", "999"]).assert().code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("999"));
    shell
        .online(&server, &["complete", "--queue", "--missing"])
        .assert()
        .code(2);
}
