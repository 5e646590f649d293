//! Real-window tests of the desktop features: the poster grid and grouping, attaching a poster,
//! the Statistics view, keyboard navigation and the command palette, and an axe-core check of the
//! main views. Ignored by a bare `cargo test`; `make e2e` runs them after `make build`.
//! Screenshots go to target/screenshots/.

use crate::e2e;
use e2e::{
    axe_serious_violations, click, count_when, find, screenshot, script_when, text_when, type_into,
    Desktop, ENTER,
};
use fantoccini::Client;

const DOWN: &str = "\u{E015}";
const RIGHT: &str = "\u{E014}";
const ESCAPE: &str = "\u{E00C}";
const CONTROL: &str = "\u{E009}";
const RELEASE: &str = "\u{E000}";

/// The smallest valid PNG: one red pixel.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

fn seed(desktop: &Desktop) {
    for (title, year, director, theme) in [
        ("Vertigo", "1958", "Alfred Hitchcock", "obsession"),
        ("Psycho", "1960", "Alfred Hitchcock", "motel"),
        ("Heat", "1995", "Michael Mann", "heist"),
        ("Cléo from 5 to 7", "1962", "Agnès Varda", "time"),
    ] {
        desktop.cli(&[
            "add",
            "--title",
            title,
            "--year",
            year,
            "--director",
            director,
            "--theme",
            theme,
        ]);
    }
    desktop.cli(&[
        "viewing",
        "add",
        "1",
        "--date",
        "2024-03-02",
        "--rating",
        "4.5",
    ]);
    desktop.cli(&[
        "viewing",
        "add",
        "3",
        "--date",
        "2024-07-14",
        "--rating",
        "4",
    ]);
    desktop.cli(&[
        "review",
        "add",
        "3",
        "--text",
        "The diner scene.",
        "--rating",
        "5",
    ]);
}

async fn select(client: &Client, css: &str, value: &str) {
    find(client, css)
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("cannot choose {value} in {css}: {e}"));
}

/// Puts the keyboard focus on an element, as a Tab to it would.
async fn focus(client: &Client, css: &str) {
    client
        .execute(
            "document.querySelector(arguments[0]).focus();",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap_or_else(|e| panic!("cannot focus {css}: {e}"));
}

#[tokio::test]
#[ignore = "real window: run by `make e2e` (needs `make build`, Xvfb and tauri-driver)"]
async fn the_poster_grid_groups_by_decade_and_shows_an_attached_poster() {
    let desktop = Desktop::start();
    seed(&desktop);
    let poster = desktop.catalog_path().with_file_name("poster.png");
    std::fs::write(&poster, PNG).unwrap();
    let app = desktop.open_app().await;

    click(&app, "[data-testid=view-grid]").await;
    count_when(&app, "[data-testid=grid-card]", 4).await;
    count_when(&app, "[data-testid=poster-placeholder]", 4).await;
    select(&app, "[data-testid=group-by]", "decade").await;
    count_when(&app, "[data-testid=group-header]", 3).await;
    text_when(&app, "[data-testid=group-header]", |t| {
        t.contains("1950s") && t.contains('1')
    })
    .await;
    screenshot(&app, "library-grid-by-decade.png").await;

    // Attach a poster from the film view; the grid then shows the thumbnail, served by `poster:`.
    click(&app, "[data-testid=grid-card]").await;
    find(&app, "[data-testid=film-view]").await;
    // The system's open dialog is out of WebDriver's reach: the typed path goes the same way.
    click(&app, ".poster-panel details.typed summary").await;
    type_into(&app, "[data-testid=poster-path]", poster.to_str().unwrap()).await;
    click(&app, "[data-testid=poster-attach]").await;
    find(&app, "[data-testid=film-poster][data-has-poster=true] img").await;
    // The image loads lazily and decodes off the main thread: wait for it rather than racing it.
    script_when(
        &app,
        "the thumbnail loads through the poster protocol",
        "const img = document.querySelector('[data-testid=film-poster] img');
         return img !== null && img.complete && img.naturalWidth > 0;",
    )
    .await;
    screenshot(&app, "film-poster.png").await;
    click(&app, "[data-testid=back-to-library]").await;
    count_when(&app, "[data-testid=poster-placeholder]", 3).await;
    app.close().await.unwrap();
}

#[tokio::test]
#[ignore = "real window: run by `make e2e` (needs `make build`, Xvfb and tauri-driver)"]
async fn the_statistics_view_draws_every_chart_and_the_heatmap() {
    let desktop = Desktop::start();
    seed(&desktop);
    let app = desktop.open_app().await;
    click(&app, "[data-testid=open-stats]").await;
    text_when(&app, "[data-testid=stats-totals]", |t| {
        t == "4 films · 2 viewings · 1 review or note"
    })
    .await;
    select(&app, "[data-testid=stats-year]", "2024").await;
    for name in [
        "heatmap",
        "years",
        "decades",
        "viewings-by-month",
        "directors",
        "themes",
        "ratings",
        "reviews-by-month",
    ] {
        find(&app, &format!("[data-testid=stats-chart-{name}]")).await;
    }
    let label = find(&app, "[data-testid=stats-chart-directors]")
        .await
        .attr("aria-label")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(label.contains("Alfred Hitchcock 2"), "{label}");
    screenshot(&app, "statistics.png").await;
    app.close().await.unwrap();
}

#[tokio::test]
#[ignore = "real window: run by `make e2e` (needs `make build`, Xvfb and tauri-driver)"]
async fn the_keyboard_moves_opens_and_finds_commands() {
    let desktop = Desktop::start();
    seed(&desktop);
    let app = desktop.open_app().await;
    let table = find(&app, "[data-testid=film-table]").await;
    count_when(&app, "[data-testid=film-row]", 4).await;
    focus(&app, "[data-testid=film-table]").await;
    table.send_keys(&format!("{DOWN}{DOWN}")).await.unwrap();
    find(&app, "[data-testid=film-row][aria-selected=true]").await;
    table.send_keys(ENTER).await.unwrap();
    // Sorted by title: Cléo, Heat, Psycho, Vertigo; the second is Heat.
    text_when(&app, "[data-testid=film-title]", |t| t == "Heat").await;
    find(&app, "body").await.send_keys(ESCAPE).await.unwrap();
    find(&app, "[data-testid=library]").await;

    find(&app, "body")
        .await
        .send_keys(&format!("{CONTROL}k{RELEASE}"))
        .await
        .unwrap();
    find(&app, "[data-testid=command-palette]").await;
    screenshot(&app, "command-palette.png").await;
    type_into(
        &app,
        "[data-testid=palette-input]",
        &format!("statistics{ENTER}"),
    )
    .await;
    find(&app, "[data-testid=stats-view]").await;

    find(&app, "body").await.send_keys("?").await.unwrap();
    text_when(&app, "[role=dialog]", |t| {
        t.contains("Ctrl+K") && t.contains("Del")
    })
    .await;
    app.close().await.unwrap();
}

#[tokio::test]
#[ignore = "real window: run by `make e2e` (needs `make build`, Xvfb and tauri-driver)"]
async fn the_main_views_have_no_serious_accessibility_violations() {
    let desktop = Desktop::start();
    seed(&desktop);
    let app = desktop.open_app().await;
    count_when(&app, "[data-testid=film-row]", 4).await;
    let mut found = Vec::new();
    let mut check = |view: &str, violations: Vec<String>| {
        found.extend(violations.into_iter().map(|v| format!("{view}: {v}")));
    };
    check("library table", axe_serious_violations(&app).await);
    click(&app, "[data-testid=view-grid]").await;
    count_when(&app, "[data-testid=grid-card]", 4).await;
    check("library grid", axe_serious_violations(&app).await);
    let grid = find(&app, "[data-testid=grid]").await;
    focus(&app, "[data-testid=grid]").await;
    grid.send_keys(&format!("{RIGHT}{ENTER}")).await.unwrap();
    find(&app, "[data-testid=film-view]").await;
    check("film", axe_serious_violations(&app).await);
    click(&app, "[data-testid=open-stats]").await;
    find(&app, "[data-testid=stats-chart-decades]").await;
    check("statistics", axe_serious_violations(&app).await);
    click(&app, "[data-testid=open-settings]").await;
    find(&app, "[data-testid=open-settings]").await;
    check("settings", axe_serious_violations(&app).await);
    assert!(
        found.is_empty(),
        "serious accessibility violations:\n{}",
        found.join("\n")
    );
    app.close().await.unwrap();
}
