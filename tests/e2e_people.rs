//! Real-window test of a person page: from the film page, a director's name opens their page
//! with the catalog's films and the completion; the rest of their filmography comes from a local
//! Wikidata stand-in (never the internet), and a film of it goes on the watchlist in one click.
//! Saves `target/screenshots/person-page.png`. Run by `make test`.

use crate::e2e;
use crate::reference_standin;
use std::process::{Command, Stdio};

use e2e::{click, count_when, find, screenshot, text_when, Desktop};

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn a_directors_page_shows_what_was_seen_and_adds_the_rest_to_the_watchlist() {
    let wikidata = reference_standin::wikidata();
    let desktop = Desktop::start_with_env(&[
        ("CINEDEX_WIKIDATA_URL", wikidata.as_str()),
        ("CINEDEX_OFFLINE", "0"),
    ]);
    // Seeded from the stand-in, so the director comes with his Wikidata id.
    let config = tempfile::tempdir().unwrap();
    let status = Command::new(e2e::app_binary())
        .env("CINEDEX_WIKIDATA_URL", &wikidata)
        .env("CINEDEX_OFFLINE", "0")
        .env("CINEDEX_CONFIG_DIR", config.path())
        .env_remove("CINEDEX_TMDB_KEY")
        .arg("--db")
        .arg(desktop.catalog_path())
        .args(["add", "--from", "wikidata:Q155653"])
        .stdout(Stdio::null())
        .status()
        .expect("cinedex runs");
    assert!(status.success());
    let app = desktop.open_app().await;

    count_when(&app, "[data-testid=film-row]", 1).await;
    click(&app, "[data-testid=film-row]").await;
    text_when(&app, "[data-testid=film-title]", |t| t == "Spirited Away").await;
    click(
        &app,
        "[data-testid=film-directors] [data-testid=person-link]",
    )
    .await;
    text_when(&app, "[data-testid=person-name]", |t| t == "Hayao Miyazaki").await;
    text_when(&app, "[data-testid=person-completion-director]", |t| {
        t.contains("seen 0 of 1 film directed")
    })
    .await;

    click(&app, "[data-testid=show-filmography]").await;
    count_when(&app, "[data-testid=ghost-film]", 2).await;
    text_when(&app, "[data-testid=person-life]", |t| t.contains("1941")).await;
    screenshot(&app, "person-page.png").await;

    click(&app, "[data-testid=add-to-watchlist]").await;
    count_when(&app, "[data-testid=ghost-film]", 1).await;
    text_when(&app, "[data-testid=person-completion-director]", |t| {
        t.contains("seen 0 of 2 films directed")
    })
    .await;
}

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn two_directors_who_share_a_name_each_open_their_own_page() {
    let desktop = Desktop::start();
    let file = crate::common::fixture("namesakes.json");
    desktop.cli(&["import", "json", file.to_str().unwrap()]);
    let app = desktop.open_app().await;

    // From a film page, the name opens that film's John Smith.
    count_when(&app, "[data-testid=film-row]", 2).await;
    let rows = app
        .find_all(fantoccini::Locator::Css("[data-testid=film-row]"))
        .await
        .unwrap();
    let mut night_train = None;
    for row in rows {
        if row.text().await.unwrap().contains("Night Train") {
            night_train = Some(row);
        }
    }
    night_train
        .expect("Night Train is listed")
        .click()
        .await
        .unwrap();
    text_when(&app, "[data-testid=film-title]", |t| t == "Night Train").await;
    click(
        &app,
        "[data-testid=film-directors] [data-testid=person-link]",
    )
    .await;
    text_when(&app, "[data-testid=person-name]", |t| t == "John Smith").await;
    text_when(&app, "[data-testid=person-film]", |t| {
        t.contains("Night Train")
    })
    .await;
    count_when(&app, "[data-testid=person-film]", 1).await;

    // From search, where only the name is known, the two are offered to choose from.
    find(&app, "body")
        .await
        .send_keys("/")
        .await
        .expect("the / key");
    find(&app, "[data-testid=search-input]")
        .await
        .send_keys("harbour")
        .await
        .expect("typing");
    text_when(&app, "[data-testid=search-result]", |t| {
        t.contains("Harbour Lights")
    })
    .await;
    click(&app, "[data-testid=search-person]").await;
    count_when(&app, "[data-testid=namesake]", 2).await;
    text_when(&app, "[data-testid=namesakes]", |t| {
        t.contains("2 people are named John Smith")
            && t.contains("Q501")
            && t.contains("Harbour Lights (1952)")
            && t.contains("Night Train (2011)")
    })
    .await;
    screenshot(&app, "namesakes.png").await;
    click(&app, "[data-testid=namesake]").await;
    text_when(&app, "[data-testid=person-film]", |t| {
        t.contains("Harbour Lights")
    })
    .await;
    count_when(&app, "[data-testid=person-film]", 1).await;
}
