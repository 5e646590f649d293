//! `cinedex lookup` and `cinedex config` against a stand-in for Wikidata's Action API on
//! 127.0.0.1, serving the core's recorded answers (no test reaches the internet): candidates are
//! films only, marked when the catalog already has them; offline, unreachable or refused, exit 1
//! with one `error:` line; the TMDB key is kept with mode 0600 and never printed.

use crate::common;
use crate::reference_standin;
use std::net::TcpListener;
use std::path::PathBuf;

use common::{json_of, one_error_line, Shell};
use reference_standin::{tmdb, wikidata, TMDB_KEY};
use serde_json::{json, Value};

#[test]
fn a_lookup_lists_films_only_with_their_directors_and_marks_the_catalogs_own() {
    let shell = Shell::new();
    let server = wikidata();
    let out = shell
        .online(&server, &["lookup", "Solaris", "--year", "1972", "--json"])
        .assert()
        .success();
    let result = json_of(&out);
    assert_eq!(result["query"], "Solaris");
    assert_eq!(result["source"], "wikidata");
    let candidates = result["candidates"].as_array().unwrap();
    let ids: Vec<&str> = candidates
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(
        !ids.contains(&"Q1136897"),
        "the novel is not a film: {ids:?}"
    );
    assert_eq!(ids[0], "Q228186", "the 1972 film first: {ids:?}");
    assert_eq!(candidates[0]["year"], 1972);
    assert_eq!(candidates[0]["directors"], json!(["Andrei Tarkovsky"]));
    assert_eq!(candidates[0]["inCatalog"], Value::Null);
    assert!(candidates[0]["externalIds"]
        .as_array()
        .unwrap()
        .contains(&json!({"source": "wikidata", "value": "Q228186"})));

    // A film the catalog has under the same Wikidata id is marked, not offered as new.
    let file = shell.db.with_file_name("solaris.json");
    let stamp = "2024-03-02T18:30:00.000000Z";
    let doc = json!({"format": "cinedex", "version": 1, "films": [{
        "title": "Solaris", "year": 1972, "createdAt": stamp, "updatedAt": stamp,
        "externalIds": [{"source": "wikidata", "value": "Q228186"}]}]});
    std::fs::write(&file, doc.to_string()).unwrap();
    shell.json(&["import", "json", file.to_str().unwrap()]);
    let film_id = shell.json(&["list"])[0]["id"].clone();
    let again = json_of(
        &shell
            .online(&server, &["lookup", "Solaris", "--json"])
            .assert()
            .success(),
    );
    let marked = again["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "Q228186")
        .unwrap();
    assert_eq!(marked["inCatalog"], film_id);

    let text = shell
        .online(&server, &["lookup", "Solaris"])
        .assert()
        .success();
    let table = String::from_utf8_lossy(&text.get_output().stdout).to_string();
    assert!(
        table.contains("Andrei Tarkovsky") && table.contains("1972"),
        "{table}"
    );
}

#[test]
fn offline_unreachable_or_a_bad_limit_exit_1_with_one_error_line() {
    let shell = Shell::new();
    let server = wikidata();
    let offline = shell
        .online(&server, &["lookup", "Solaris"])
        .env("CINEDEX_OFFLINE", "1")
        .assert()
        .code(1);
    assert!(one_error_line(&offline).to_lowercase().contains("offline"));

    // A port nothing listens on.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let unreachable = shell
        .online(&address, &["lookup", "Solaris"])
        .assert()
        .code(1);
    assert!(one_error_line(&unreachable).contains("Wikidata could not be reached"));

    let limit = shell
        .online(&server, &["lookup", "Solaris", "--limit", "0"])
        .assert()
        .code(1);
    assert!(one_error_line(&limit).contains("limit"));
}

#[test]
fn settings_are_kept_owner_only_and_the_key_is_never_printed() {
    let shell = Shell::new();
    let server = wikidata();
    let key = "0123456789abcdef0123456789abcdef";
    let set = shell
        .online(&server, &["config", "set", "tmdb-key", key])
        .assert()
        .success();
    let got = shell
        .online(&server, &["config", "get", "tmdb-key", "--json"])
        .assert()
        .success();
    for output in [&set, &got] {
        let printed = String::from_utf8_lossy(&output.get_output().stdout).to_string();
        assert!(!printed.contains(key), "the key was printed: {printed}");
    }
    let shown = json_of(&got);
    assert_eq!(shown["set"], true);
    assert!(shown["value"].as_str().unwrap().ends_with("cdef"));
    let file = PathBuf::from(shown["file"].as_str().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }

    // The saved offline switch turns lookups off without the environment.
    shell
        .online(&server, &["config", "set", "offline", "true"])
        .assert()
        .success();
    let off = shell
        .online(&server, &["lookup", "Solaris"])
        .assert()
        .code(1);
    assert!(one_error_line(&off).to_lowercase().contains("offline"));
    shell
        .online(&server, &["config", "unset", "offline"])
        .assert()
        .success();
    shell
        .online(&server, &["lookup", "Solaris"])
        .assert()
        .success();

    shell
        .online(&server, &["config", "unset", "tmdb-key"])
        .assert()
        .success();
    let gone = json_of(
        &shell
            .online(&server, &["config", "get", "tmdb-key", "--json"])
            .assert()
            .success(),
    );
    assert_eq!(gone["set"], false);
    assert!(!std::fs::read_to_string(&file).unwrap().contains(key));
}

#[test]
fn add_from_the_reference_fills_the_film_in_and_never_adds_it_twice() {
    let shell = Shell::new();
    let server = wikidata();
    let added = json_of(
        &shell
            .online(&server, &["add", "--from", "wikidata:Q155653", "--json"])
            .assert()
            .success(),
    );
    assert_eq!(added["title"], "Spirited Away");
    assert_eq!(added["year"], 2001);
    assert_eq!(added["directors"], json!(["Hayao Miyazaki"]));
    assert!(added["originalTitle"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));

    // Credits beyond the directors, the runtime and the ids are stored (the export carries them).
    let out = shell.db.with_file_name("out.json");
    shell.json(&["export", "json", out.to_str().unwrap()]);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let film = &doc["films"][0];
    assert!(
        film["runtimeMinutes"].as_i64().is_some_and(|m| m > 100),
        "{film}"
    );
    assert!(film["externalIds"]
        .as_array()
        .unwrap()
        .contains(&json!({"source": "wikidata", "value": "Q155653"})));
    let writers: Vec<&Value> = film["credits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["role"] == "writer")
        .collect();
    assert!(!writers.is_empty(), "{film}");

    let twice = shell
        .online(&server, &["add", "--from", "wikidata:Q155653"])
        .assert()
        .code(1);
    let error = one_error_line(&twice);
    assert!(error.contains(&format!("film {}", added["id"])), "{error}");
    assert_eq!(shell.film_count(), 1);

    // The person's own flags win over the reference.
    let mine = json_of(
        &shell
            .online(
                &server,
                &[
                    "add", "--from", "Q228186", "--title", "Solyaris", "--theme", "grief", "--json",
                ],
            )
            .assert()
            .success(),
    );
    assert_eq!(mine["title"], "Solyaris");
    assert_eq!(mine["year"], 1972);
    assert_eq!(mine["themes"], json!(["grief"]));

    let bad = shell
        .online(&server, &["add", "--from", "letterboxd:x"])
        .assert()
        .code(1);
    assert!(one_error_line(&bad).contains("from"));
}

#[test]
fn a_film_added_with_tmdb_set_up_comes_with_its_poster_and_a_missing_one_is_only_a_warning() {
    let shell = Shell::new();
    let (wikidata, tmdb) = (wikidata(), tmdb());
    let with_tmdb = |args: &[&str]| {
        let mut cmd = shell.online(&wikidata, args);
        cmd.env("CINEDEX_TMDB_URL", &tmdb)
            .env("CINEDEX_TMDB_KEY", TMDB_KEY);
        cmd
    };
    let out = with_tmdb(&["add", "--from", "tmdb:129", "--json"])
        .assert()
        .success();
    assert!(
        out.get_output().stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.get_output().stderr)
    );
    let added = json_of(&out);
    assert_eq!(added["title"], "Spirited Away");
    assert_eq!(added["hasPoster"], true, "{added}");
    let posters = shell.db.with_file_name("posters");
    assert!(posters.join(format!("{}.jpg", added["id"])).exists());

    // Solaris is on Wikidata with a TMDB id the stand-in does not know: the film is added, the
    // poster is not, and stderr says so in one line.
    let out = with_tmdb(&["add", "--from", "wikidata:Q228186", "--json"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("warning: the poster was not downloaded"),
        "{stderr}"
    );
    assert_eq!(json_of(&out)["hasPoster"], false);
    assert_eq!(shell.film_count(), 2);
}
