//! Real-window test of completing an imported library: 30 films imported from a CSV (no
//! directors), one found from its own page, the rest completed from a local Wikidata stand-in (never the internet) with the progress
//! shown; the two remakes wait in the review queue beside their candidates, one is picked, the
//! other skipped, and the library shows the directors filled in. Run by `make test`.

use crate::e2e;
use crate::reference_standin;
use e2e::{click, count_when, replace_text, screenshot, text_when, type_into, Desktop};
use fantoccini::Locator;
use reference_standin::library::WikidataLibrary;

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn an_imported_library_is_completed_and_its_remakes_reviewed() {
    let wikidata = reference_standin::wikidata_library();
    let desktop = Desktop::start_with_env(&[
        ("CINEDEX_WIKIDATA_URL", wikidata.as_str()),
        ("CINEDEX_OFFLINE", "0"),
    ]);
    let csv = desktop.catalog_path().with_file_name("library.csv");
    std::fs::write(&csv, WikidataLibrary::letterboxd_like().catalog_csv())
        .expect("the CSV is written");
    desktop.cli(&["import", "csv", csv.to_str().expect("a UTF-8 path")]);
    let app = desktop.open_app().await;

    // One film found from its own page, by its title and year.
    type_into(&app, "[data-testid=title-filter]", "Stalker").await;
    count_when(&app, "[data-testid=film-row]", 1).await;
    click(&app, "[data-testid=film-row]").await;
    click(&app, "[data-testid=find-on-reference]").await;
    text_when(&app, "[data-testid=find-note]", |t| {
        t.contains("Found on Wikidata")
    })
    .await;
    text_when(&app, "[data-testid=film-directors]", |t| {
        t == "Andrei Tarkovsky"
    })
    .await;
    screenshot(&app, "film-found-on-wikidata.png").await;
    click(&app, "[data-testid=brand]").await;

    click(&app, "[data-testid=open-complete]").await;
    text_when(&app, "[data-testid=incomplete-count]", |t| {
        t.contains("29 films are missing")
    })
    .await;
    screenshot(&app, "complete-start.png").await;
    click(&app, "[data-testid=complete-start]").await;
    let summary = text_when(&app, "[data-testid=complete-summary]", |t| !t.is_empty()).await;
    assert!(
        summary.contains("26 filled")
            && summary.contains("2 to review")
            && summary.contains("1 unmatched"),
        "{summary}"
    );
    count_when(&app, "[data-testid=review-item]", 2).await;
    text_when(&app, "[data-testid=unmatched-list]", |t| {
        t.contains("A Home Movie Nobody Knows")
    })
    .await;
    screenshot(&app, "complete-review-queue.png").await;

    app.find(Locator::XPath(
        "//button[@aria-label='This is Solaris (1972)']",
    ))
    .await
    .expect("the 1972 Solaris candidate")
    .click()
    .await
    .expect("picked");
    count_when(&app, "[data-testid=review-item]", 1).await;
    click(&app, "[data-testid=review-skip]").await;
    count_when(&app, "[data-testid=review-item]", 0).await;

    click(&app, "[data-testid=brand]").await;
    text_when(&app, "[data-testid=library]", |t| {
        t.contains("Akira Kurosawa") && t.contains("Agnès Varda")
    })
    .await;
    replace_text(&app, "[data-testid=title-filter]", "Solaris").await;
    text_when(&app, "[data-testid=film-row]", |t| {
        t.contains("Solaris") && t.contains("1972") && t.contains("Andrei Tarkovsky")
    })
    .await;
    screenshot(&app, "library-completed.png").await;
}
