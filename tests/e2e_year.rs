//! Real-window test of the Year in review page: reached from the Statistics view, its numbers,
//! lists and heatmap shown for the chosen year. Ignored by a bare `cargo test`; `make e2e` runs it
//! after `make build`. The screenshot goes to target/screenshots/year-in-review.png. "Save as
//! image" and "Save as Markdown" are followed to the files they write, the save dialog answered
//! from the test's side.

use std::collections::HashSet;
use std::path::Path;

use crate::common::film;
use crate::e2e;
use e2e::{answer_save_dialogs, click, count_when, find, screenshot, text_when, Desktop};

async fn select(client: &fantoccini::Client, css: &str, value: &str) {
    let element = find(client, css).await;
    element
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("selecting {value} in {css}: {e}"));
}

#[tokio::test]
#[ignore = "real window: run by `make e2e` (needs `make build`, Xvfb and tauri-driver)"]
async fn the_year_in_review_shows_the_years_numbers_from_the_statistics_view() {
    let desktop = Desktop::start();
    for (title, year, director) in [
        ("Vagabond", "1985", "Agnès Varda"),
        ("Cléo from 5 to 7", "1962", "Agnès Varda"),
        ("Heat", "1995", "Michael Mann"),
    ] {
        desktop.cli(&film(title).year(year).director(director).args());
    }
    for (film, date, extra) in [
        ("1", "2023-11-02", None),
        ("1", "2024-01-10", Some("3.5")),
        ("2", "2024-01-11", Some("4.5")),
        ("3", "2024-06-01", None),
    ] {
        let mut args = vec!["viewing", "add", film, "--date", date];
        if let Some(rating) = extra {
            args.extend(["--rating", rating]);
        }
        desktop.cli(&args);
    }
    let app = desktop.open_app().await;
    click(&app, "[data-testid=open-stats]").await;
    select(&app, "[data-testid=stats-year]", "2024").await;
    text_when(&app, "[data-testid=open-year]", |t| t.contains("2024")).await;
    click(&app, "[data-testid=open-year]").await;
    text_when(&app, "[data-testid=year-films]", |t| t == "3").await;
    text_when(&app, "[data-testid=year-first-time]", |t| t == "2").await;
    text_when(&app, "[data-testid=year-directors]", |t| {
        t.contains("Agnès Varda")
    })
    .await;
    text_when(&app, "[data-testid=year-best]", |t| {
        t.starts_with("Cléo from 5 to 7")
    })
    .await;
    count_when(
        &app,
        "[data-testid=stats-chart-heatmap] svg[role=img] rect.level-4",
        3,
    )
    .await;
    screenshot(&app, "year-in-review.png").await;

    answer_save_dialogs(&app, desktop.dir()).await;
    let image = desktop.dir().join("cinedex-2024-in-review.png");
    click(&app, "[data-testid=year-save-png]").await;
    text_when(&app, "[data-testid=year-saved]", |t| {
        t == format!("Saved to {}", image.display())
    })
    .await;
    assert_is_a_picture_of_a_page(&image);
    let copy =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots/year-in-review-saved.png");
    std::fs::copy(&image, copy).expect("copy the saved image beside the screenshots");

    let page = desktop.dir().join("cinedex-2024-in-review.md");
    click(&app, "[data-testid=year-save-markdown]").await;
    text_when(&app, "[data-testid=year-saved]", |t| {
        t == format!("Saved to {}", page.display())
    })
    .await;
    let markdown = std::fs::read_to_string(&page).expect("the Markdown page was written");
    assert!(markdown.contains("2024"), "{markdown}");
    assert!(markdown.contains("Cléo from 5 to 7"), "{markdown}");
    assert!(markdown.contains("Agnès Varda"), "{markdown}");
    app.close().await.unwrap();
}

/// The saved file is a PNG the core accepts, about as wide as the page (the window is 1200 wide,
/// drawn at twice its density), and shows something: a blank or black frame has a handful of
/// colours, text and a heatmap on cards have hundreds (anti-aliasing included), and the heatmap
/// kept its colours.
fn assert_is_a_picture_of_a_page(path: &Path) {
    let bytes = std::fs::read(path).expect("the image was written");
    let (width, height) = cinedex_catalog::check_png(&bytes).expect("the core accepts the PNG");
    assert!(
        width > 400 && height > 300,
        "the image is only {width}×{height}"
    );
    let pixels = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
        .expect("the PNG decodes")
        .to_rgba8();
    let colours: HashSet<[u8; 4]> = pixels.pixels().map(|p| p.0).collect();
    assert!(
        colours.len() > 50,
        "the image has only {} distinct colours",
        colours.len()
    );
    // The page paints nothing pure black (its text is #1f1b18): black is what an SVG shape falls
    // back to when the capture loses its stylesheet colours, as the heatmap's squares once did.
    let black = pixels.pixels().filter(|p| p.0 == [0, 0, 0, 255]).count();
    let all = pixels.pixels().len();
    assert!(
        black * 200 < all,
        "{black} of {all} pixels are pure black: the heatmap lost its colours"
    );
}
