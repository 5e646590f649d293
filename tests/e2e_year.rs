//! Real-window test of the Year in review page: reached from the Statistics view, its numbers,
//! lists and heatmap shown for the chosen year. Ignored by a bare `cargo test`; `make e2e` runs it
//! after `make build`. The screenshot goes to target/screenshots/year-in-review.png.

use crate::e2e;
use e2e::{click, count_when, find, screenshot, text_when, Desktop};

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
        desktop.cli(&[
            "add",
            "--title",
            title,
            "--year",
            year,
            "--director",
            director,
        ]);
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
    app.close().await.unwrap();
}
