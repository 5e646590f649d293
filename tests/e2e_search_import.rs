//! Real-window tests of searching as you type and of importing a Letterboxd export through the
//! Import view (its typed-path seam stands in for the file dialog). Run by `make test`.

use crate::e2e;
use std::io::Write;

use e2e::{click, find, screenshot, text_when, texts, type_into, Desktop};
use fantoccini::{Client, Locator};

fn seed_for_search(desktop: &Desktop) {
    desktop.cli(&[
        "add",
        "--title",
        "Amélie",
        "--year",
        "2001",
        "--director",
        "Jean-Pierre Jeunet",
        "--theme",
        "Paris",
    ]);
    desktop.cli(&[
        "add",
        "--title",
        "Stalker",
        "--year",
        "1979",
        "--director",
        "Andrei Tarkovsky",
        "--theme",
        "zone",
    ]);
    desktop.cli(&[
        "add",
        "--title",
        "Ghost in the Shell 2: Innocence",
        "--original-title",
        "イノセンス",
        "--year",
        "2004",
        "--director",
        "Mamoru Oshii",
        "--theme",
        "cyberpunk",
    ]);
    desktop.cli(&[
        "review",
        "add",
        "2",
        "--title",
        "Into the Zone",
        "--text",
        "Three men walk through the wasteland toward a room that grants wishes.",
    ]);
}

async fn result_titles(app: &Client) -> Vec<String> {
    texts(app, "[data-testid=search-result]").await
}

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn typing_a_query_shows_ranked_highlighted_results_and_review_snippets() {
    let desktop = Desktop::start();
    seed_for_search(&desktop);
    let app = desktop.open_app().await;

    // `/` from the library opens the search box with the focus in it.
    find(&app, "body")
        .await
        .send_keys("/")
        .await
        .expect("the / key");
    let input = find(&app, "[data-testid=search-input]").await;
    input.send_keys("amelie").await.expect("typing");
    text_when(&app, "[data-testid=search-result]", |t| {
        t.contains("Amélie")
    })
    .await;
    let marked = texts(&app, "[data-testid=search-result] mark").await;
    assert!(
        marked.iter().any(|m| m == "Amélie"),
        "the accent-insensitive match is highlighted: {marked:?}"
    );

    // A prefix of a director's name, then a word only a review holds, with its snippet.
    e2e::replace_text(&app, "[data-testid=search-input]", "tarko").await;
    text_when(&app, "[data-testid=search-result]", |t| {
        t.contains("Stalker")
    })
    .await;
    e2e::replace_text(&app, "[data-testid=search-input]", "wasteland").await;
    let snippet = text_when(&app, "[data-testid=search-snippet]", |t| {
        t.contains("wasteland")
    })
    .await;
    assert!(snippet.contains("room that grants"), "{snippet}");
    let snippet_marks = texts(&app, "[data-testid=search-snippet] mark").await;
    assert_eq!(snippet_marks, ["wasteland"]);
    screenshot(&app, "search.png").await;

    // A filter narrows; a result opens its film.
    e2e::replace_text(&app, "[data-testid=search-input]", "year:2004").await;
    text_when(&app, "[data-testid=search-result]", |t| {
        t.contains("Innocence")
    })
    .await;
    assert_eq!(result_titles(&app).await.len(), 1);
    click(&app, "[data-testid=search-result]").await;
    text_when(&app, "[data-testid=film-title]", |t| {
        t.contains("Innocence")
    })
    .await;
    app.close().await.expect("the session closes");
}

const DIARY: &str = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
2024-01-02,Perfect Blue,1997,https://boxd.it/a1,4.5,,\"anime, psychological\",2024-01-01
2024-03-02,Perfect Blue,1997,https://boxd.it/a2,5,Yes,,2024-03-01
2024-03-05,Solaris,1972,https://boxd.it/a3,4,,,2024-03-04
";
const REVIEWS: &str = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date
2024-03-05,Solaris,1972,https://boxd.it/a3,4,,\"A station <i>orbiting</i> grief.<br/><script>window.__pwned=1</script>\",,2024-03-04
";
const WATCHLIST: &str = "Date,Name,Year,Letterboxd URI
2024-05-01,Sans Soleil,1983,https://boxd.it/b1
";

fn letterboxd_zip(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("letterboxd-export.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).expect("zip file"));
    let options = zip::write::SimpleFileOptions::default();
    for (member, text) in [
        ("diary.csv", DIARY),
        ("reviews.csv", REVIEWS),
        ("watchlist.csv", WATCHLIST),
    ] {
        zip.start_file(member, options).expect("zip member");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish");
    path
}

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn a_letterboxd_export_is_previewed_then_imported_with_progress() {
    let desktop = Desktop::start();
    let files = tempfile::tempdir().expect("temp dir");
    let zip = letterboxd_zip(files.path());
    let app = desktop.open_app().await;

    click(&app, "[data-testid=open-import]").await;
    find(&app, "[data-testid=import-source]")
        .await
        .select_by_value("letterboxd")
        .await
        .expect("choose Letterboxd");
    type_into(
        &app,
        "[data-testid=import-path]",
        zip.to_str().expect("utf-8 path"),
    )
    .await;
    click(&app, "[data-testid=import-preview-button]").await;
    find(&app, "[data-testid=import-preview]").await;
    text_when(&app, "[data-testid=import-count-new]", |t| t.contains('3')).await;
    text_when(&app, "[data-testid=import-count-viewings]", |t| {
        t.contains('3')
    })
    .await;
    screenshot(&app, "import-preview.png").await;
    // Nothing is written by a preview.
    assert!(!text_when(&app, "[data-testid=film-count]", |_| true)
        .await
        .starts_with('3'));

    click(&app, "[data-testid=import-commit]").await;
    find(&app, "[data-testid=import-report]").await;
    find(&app, "progress[data-testid=import-progress]").await;
    let full = app
        .execute(
            "const bar = document.querySelector('progress[data-testid=import-progress]'); \
             return bar.max > 0 && bar.value === bar.max;",
            vec![],
        )
        .await
        .expect("the page answers");
    assert_eq!(full, serde_json::json!(true), "the progress bar ends full");
    text_when(&app, "[data-testid=film-count]", |t| t.starts_with("3 ")).await;
    screenshot(&app, "import-report.png").await;

    // The films are in the library, and the review's script did not come along.
    click(&app, "[data-testid=brand]").await;
    // The library fills in as its first page arrives.
    text_when(&app, "[data-testid=library]", |t| {
        t.contains("Perfect Blue") && t.contains("Sans Soleil") && t.contains("Solaris")
    })
    .await;
    let rows = texts(&app, "[data-testid=film-row]").await;
    assert_eq!(rows.len(), 3, "{rows:?}");
    let solaris = app
        .find(Locator::XPath(
            "//*[@data-testid='film-row'][contains(., 'Solaris')]/*[1]",
        ))
        .await
        .expect("the Solaris row");
    solaris.click().await.expect("open Solaris");
    let review = text_when(&app, "[data-testid=review-body]", |t| {
        t.contains("orbiting")
    })
    .await;
    assert!(!review.contains("__pwned"), "{review}");
    let pwned = app
        .execute("return String(window.__pwned)", vec![])
        .await
        .expect("the page answers");
    assert_eq!(pwned, "undefined");
    app.close().await.expect("the session closes");
}
