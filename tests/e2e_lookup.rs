//! Real-window test of adding a film by lookup: the title typed in the Add film dialog brings
//! Wikidata's candidates (a local stand-in on 127.0.0.1, never the internet), picking one fills
//! the form and saving adds it with its director; looked up again, it is the catalog's own film
//! and opens instead of being added twice. With TMDB set up (a stand-in too), candidates show
//! their posters and the film picked is saved at once, its poster arriving after. Run by
//! `make test`.

use crate::e2e;
use crate::reference_standin;
use e2e::{click, count_when, find, screenshot, script_when, text_when, type_into, Desktop};
use fantoccini::Locator;

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn a_film_is_added_by_lookup_and_opened_when_looked_up_again() {
    let wikidata = reference_standin::wikidata();
    let desktop = Desktop::start_with_env(&[
        ("CINEDEX_WIKIDATA_URL", wikidata.as_str()),
        ("CINEDEX_OFFLINE", "0"),
    ]);
    let app = desktop.open_app().await;

    click(&app, "[data-testid=add-film]").await;
    type_into(&app, "input[name=title]", "Solaris").await;
    let candidate = text_when(&app, "[data-testid=lookup-candidate]", |t| {
        t.contains("1972")
    })
    .await;
    assert!(candidate.contains("Andrei Tarkovsky"), "{candidate}");
    screenshot(&app, "add-film-lookup.png").await;
    app.find(Locator::XPath(
        "//*[@data-testid='lookup-candidate'][contains(., '1972')]",
    ))
    .await
    .expect("the 1972 candidate")
    .click()
    .await
    .expect("picked");
    text_when(&app, "[data-testid=lookup-picked]", |t| {
        t.contains("Q228186")
    })
    .await;
    let year = find(&app, "input[name=year]")
        .await
        .prop("value")
        .await
        .expect("the year field")
        .unwrap_or_default();
    assert_eq!(year, "1972");
    click(&app, "[data-testid=save-film]").await;
    count_when(&app, "[data-testid=film-row]", 1).await;
    text_when(&app, "[data-testid=film-row]", |t| {
        t.contains("Solaris") && t.contains("Andrei Tarkovsky")
    })
    .await;

    // Looked up again, the film is the catalog's own: it opens, nothing is added.
    click(&app, "[data-testid=add-film]").await;
    type_into(&app, "input[name=title]", "Solaris").await;
    text_when(&app, "[data-testid=lookup-suggestions]", |t| {
        t.contains("in your catalog")
    })
    .await;
    click(&app, "[data-testid=lookup-own]").await;
    text_when(&app, "[data-testid=film-title]", |t| t == "Solaris").await;
    let directors = text_when(&app, "[data-testid=film-directors]", |t| !t.is_empty()).await;
    assert_eq!(directors, "Andrei Tarkovsky");
    // The facts the lookup brought are on the film page.
    text_when(&app, "[data-testid=film-runtime]", |t| t.ends_with("min")).await;
    text_when(&app, "[data-testid=film-countries]", |t| !t.is_empty()).await;
    text_when(&app, "[data-testid=film-ids]", |t| t.contains("Q228186")).await;
    screenshot(&app, "film-added-by-lookup.png").await;

    // The person's own year differs from Wikidata's: refreshing keeps it until theirs is picked.
    click(&app, "[data-testid=edit-film]").await;
    let year_field = find(&app, "input[name=year]").await;
    year_field.clear().await.expect("the year clears");
    year_field.send_keys("1971").await.expect("a year is typed");
    click(&app, "[data-testid=save-film]").await;
    text_when(&app, "[data-testid=film-year]", |t| t == "1971").await;
    click(&app, "[data-testid=refresh-compare]").await;
    let conflict = text_when(&app, "[data-testid=conflict-year]", |t| t.contains("1972")).await;
    assert!(conflict.contains("Keep yours: 1971"), "{conflict}");
    screenshot(&app, "film-refresh.png").await;
    click(&app, "[data-testid=conflict-year-reference]").await;
    click(&app, "[data-testid=refresh-take]").await;
    text_when(&app, "[data-testid=refresh-note]", |t| t.contains("Took 1")).await;
    text_when(&app, "[data-testid=film-year]", |t| t == "1972").await;
    app.close().await.expect("the session closes");
}

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn with_tmdb_set_up_candidates_show_posters_and_the_picked_film_gets_its_own() {
    let tmdb = reference_standin::tmdb();
    let desktop = Desktop::start_with_env(&[
        ("CINEDEX_TMDB_URL", tmdb.as_str()),
        ("CINEDEX_TMDB_KEY", reference_standin::TMDB_KEY),
        ("CINEDEX_OFFLINE", "0"),
    ]);
    let app = desktop.open_app().await;

    click(&app, "[data-testid=add-film]").await;
    type_into(&app, "input[name=title]", "Solaris").await;
    script_when(
        &app,
        "the 1972 candidate",
        "return [...document.querySelectorAll('[data-testid=lookup-candidate]')]
            .some((c) => c.textContent.includes('1972'));",
    )
    .await;
    // Two of the three candidates have posters, shrunk in Rust and shown as data: URLs.
    script_when(
        &app,
        "two candidate posters, loaded",
        "return [...document.querySelectorAll('[data-testid=candidate-poster]')]
            .filter((img) => img.src.startsWith('data:image/jpeg') && img.naturalWidth > 0)
            .length === 2;",
    )
    .await;
    screenshot(&app, "add-film-tmdb.png").await;
    app.find(Locator::XPath(
        "//*[@data-testid='lookup-candidate'][contains(., '1972')]",
    ))
    .await
    .expect("the 1972 candidate")
    .click()
    .await
    .expect("picked");
    text_when(&app, "[data-testid=lookup-picked]", |t| t.contains("TMDB")).await;
    click(&app, "[data-testid=save-film]").await;
    count_when(&app, "[data-testid=film-row]", 1).await;
    click(&app, "[data-testid=film-row]").await;
    text_when(&app, "[data-testid=film-title]", |t| t == "Solaris").await;
    script_when(
        &app,
        "the film's poster, downloaded after saving",
        "const poster = document.querySelector('[data-testid=film-poster]');
         return poster !== null && poster.dataset.hasPoster === 'true';",
    )
    .await;
    screenshot(&app, "film-tmdb-poster.png").await;
    app.close().await.expect("the session closes");
}
