//! `cinedex import article URL`: the page is fetched through the core's HTTP client from a
//! local server (never the internet), read as an article, and kept with its address; offline
//! or failing, nothing is written and one error line says why.

use crate::common;
use crate::reference_standin;
use common::Shell;
use reference_standin::Answer;

const REVIEW_SITE: &str =
    include_str!("../src-tauri/catalog/tests/fixtures/articles/review-site.html");
const BARE_PAGE: &str = "<!doctype html><html><head><title>Stalker, walking into the Zone</title></head>\
    <body><p>Three men walk into the Zone and come back changed, or not at all, in a film of long \
    takes and wet floors that Andrei Tarkovsky made in 1979, his last in the Soviet Union.</p></body></html>";

/// Serves `/review` (a review site's page), `/bare` (a page with no canonical address) and 404
/// for anything else.
fn serve() -> String {
    reference_standin::serve(|target| {
        let (status, body) = match target {
            "/review" => ("200 OK", REVIEW_SITE),
            "/bare" => ("200 OK", BARE_PAGE),
            _ => ("404 Not Found", "not here"),
        };
        Answer {
            status,
            content_type: "text/html; charset=utf-8",
            body: body.to_owned(),
        }
    })
}

fn cmd(shell: &Shell, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = shell.cmd(args);
    cmd.env("CINEDEX_CONFIG_DIR", shell.db.with_file_name("config"))
        .env_remove("CINEDEX_OFFLINE");
    cmd
}

#[test]
fn a_web_page_becomes_a_proposal_with_its_facts_and_address() {
    let shell = Shell::new();
    let origin = serve();
    let output = cmd(
        &shell,
        &[
            "import",
            "article",
            &format!("{origin}/review"),
            "--dry-run",
        ],
    )
    .assert()
    .success();
    let proposal: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    assert_eq!(proposal["review"]["author"], "Rosa Quint");
    assert_eq!(proposal["review"]["source"], "Frame Rate");
    assert_eq!(proposal["review"]["rating"], 4.0);
    // The page names its own canonical address; that one is kept.
    assert_eq!(
        proposal["review"]["url"],
        "https://framerate.example/reviews/innocence-2004"
    );
    assert_eq!(shell.film_count(), 0, "a dry run writes nothing");

    let bare = format!("{origin}/bare");
    let output = cmd(&shell, &["import", "article", &bare, "--json"])
        .assert()
        .success();
    let detail: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    assert_eq!(detail["reviews"][0]["url"], bare.as_str());
    assert_eq!(detail["reviews"][0]["kind"], "article");
}

#[test]
fn offline_or_a_missing_page_writes_nothing_and_says_why_in_one_line() {
    let shell = Shell::new();
    let origin = serve();
    let offline = cmd(&shell, &["import", "article", &format!("{origin}/review")])
        .env("CINEDEX_OFFLINE", "1")
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&offline.get_output().stderr).to_string();
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error:") && stderr.to_lowercase().contains("offline"),
        "{stderr}"
    );

    let missing = cmd(&shell, &["import", "article", &format!("{origin}/gone")])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&missing.get_output().stderr).to_string();
    assert!(stderr.contains("404"), "{stderr}");
    assert_eq!(shell.film_count(), 0);
}
