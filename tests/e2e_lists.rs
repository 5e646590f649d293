//! Real-window test of the Lists view and a canon list: following "Palme d'Or" (a stand-in for
//! Wikidata on 127.0.0.1, never the internet) makes a list of its six winners, all ghosts in an
//! empty catalog, "0 of 6 seen"; adding a ghost to the catalog makes it a real entry; the Lists
//! view shows the list with its progress. A list file followed from the command line shows its
//! ghosts greyed, and one is added from the window. Screenshots lists.png, canon-list.png and
//! list-file.png. Run by `make test`.

use crate::e2e;
use crate::reference_standin;
use e2e::{click, count_when, screenshot, text_when, type_into, Desktop};

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn an_award_is_followed_as_a_list_of_ghosts_and_one_is_added_to_the_catalog() {
    let wikidata = reference_standin::wikidata();
    let desktop = Desktop::start_with_env(&[
        ("CINEDEX_WIKIDATA_URL", wikidata.as_str()),
        ("CINEDEX_OFFLINE", "0"),
    ]);
    let app = desktop.open_app().await;

    click(&app, "[data-testid=open-lists]").await;
    type_into(&app, "[data-testid=follow-award]", "Palme d'Or").await;
    click(&app, "[data-testid=follow-award-submit]").await;
    text_when(&app, "[data-testid=list-title]", |t| t == "Palme d'Or").await;
    text_when(&app, "[data-testid=detail-progress]", |t| {
        t == "0 of 6 seen"
    })
    .await;
    count_when(&app, "[data-testid=ghost-entry]", 6).await;
    text_when(&app, "[data-testid=list-detail]", |t| {
        t.contains("Parasite (2019)") && t.contains("Bong Joon-ho")
    })
    .await;

    click(&app, "[aria-label='Add Parasite to the catalog']").await;
    count_when(&app, "[data-testid=ghost-entry]", 5).await;
    count_when(&app, "[data-testid=list-entry]", 1).await;
    text_when(&app, "[data-testid=list-entry]", |t| t.contains("Parasite")).await;
    screenshot(&app, "canon-list.png").await;

    click(&app, "[data-testid=open-lists]").await;
    text_when(&app, "[data-testid=list-progress]", |t| t == "0 of 6 seen").await;
    screenshot(&app, "lists.png").await;
    app.close().await.expect("the session closes");
}

/// A list file followed from the command line (the open dialog is the system's, out of
/// WebDriver's reach): in the window its ghosts are greyed, the list says it follows a file, and
/// "Add to catalog" makes a ghost known only by the file's row a real entry in its place.
#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn a_followed_list_files_ghost_is_added_to_the_catalog_from_the_window() {
    let desktop = Desktop::start();
    let file = desktop.catalog_path().with_file_name("slow-cinema.csv");
    std::fs::write(
        &file,
        "Title,Year,Director,Notes\nStalker,1979,Andrei Tarkovsky,The Zone\nJeanne Dielman,1975,Chantal Akerman,Potatoes\nSátántangó,1994,Béla Tarr,\n",
    )
    .expect("the list file is written");
    desktop.cli(&["add", "--title", "Stalker", "--year", "1979"]);
    desktop.cli(&[
        "canon",
        "import",
        &file.display().to_string(),
        "--name",
        "Slow Cinema",
    ]);
    let app = desktop.open_app().await;

    click(&app, "[data-testid=open-lists]").await;
    click(&app, "[aria-label='Open Slow Cinema']").await;
    text_when(&app, "[data-testid=detail-progress]", |t| {
        t == "0 of 3 seen"
    })
    .await;
    count_when(&app, "[data-testid=ghost-entry]", 2).await;
    count_when(&app, "[data-testid=list-entry]", 1).await;
    text_when(&app, "[data-testid=list-detail]", |t| {
        t.contains("followed from a list file")
            && t.contains("Jeanne Dielman (1975)")
            && t.contains("Potatoes")
    })
    .await;

    click(&app, "[aria-label='Add Jeanne Dielman to the catalog']").await;
    count_when(&app, "[data-testid=ghost-entry]", 1).await;
    count_when(&app, "[data-testid=list-entry]", 2).await;
    text_when(&app, "[data-testid=list-detail]", |t| {
        t.contains("Jeanne Dielman") && t.contains("Potatoes")
    })
    .await;
    screenshot(&app, "list-file.png").await;
    app.close().await.expect("the session closes");
}
