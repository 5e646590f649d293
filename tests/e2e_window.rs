//! Real-window end-to-end tests: the release binary in a real window under Xvfb, driven through
//! WebDriver (tauri-driver + WebKitWebDriver). Ignored by a bare `cargo test`; `make test` runs
//! them with `--ignored` after `make build`. Screenshots go to target/screenshots/.

use crate::e2e;
use e2e::{
    click, count_when, find, replace_text, screenshot, text_when, texts, type_into, Desktop, ENTER,
};
use fantoccini::Locator;

const TITLE: &str = "Ghost in the Shell 2: Innocence";
const HOSTILE_BODY: &str =
    r#"**bold** <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"#;

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn a_film_with_a_review_is_added_edited_and_still_there_after_a_restart() {
    let desktop = Desktop::start();
    let app = desktop.open_app().await;

    // A new catalog greets the person instead of showing an empty table.
    find(&app, "[data-testid=empty-state]").await;
    screenshot(&app, "library-empty.png").await;

    // Mistakes are explained next to the field, and nothing is added.
    click(&app, "[data-testid=add-film]").await;
    click(&app, "[data-testid=save-film]").await;
    let title_error = text_when(&app, "[data-testid=error-title]", |t| !t.is_empty()).await;
    assert!(
        title_error.to_lowercase().contains("title"),
        "{title_error}"
    );
    type_into(&app, "input[name=title]", "Future film").await;
    type_into(&app, "input[name=year]", "3000").await;
    click(&app, "[data-testid=save-film]").await;
    let year_error = text_when(&app, "[data-testid=error-year]", |t| t.contains("3000")).await;
    assert!(year_error.contains("1870"), "{year_error}");
    screenshot(&app, "film-form-errors.png").await;
    click(&app, "[data-testid=cancel-film]").await;
    find(&app, "[data-testid=empty-state]").await;

    // Add a film with two directors and three themes.
    click(&app, "[data-testid=add-film]").await;
    type_into(&app, "input[name=title]", TITLE).await;
    type_into(&app, "input[name=originalTitle]", "イノセンス").await;
    type_into(&app, "input[name=year]", "2004").await;
    type_into(
        &app,
        "[data-testid=directors-input]",
        &format!("Mamoru Oshii{ENTER}"),
    )
    .await;
    type_into(
        &app,
        "[data-testid=directors-input]",
        &format!("Kazunori Itō{ENTER}"),
    )
    .await;
    type_into(
        &app,
        "[data-testid=themes-input]",
        &format!("cyberpunk{ENTER}identity,"),
    )
    .await;
    type_into(&app, "[data-testid=themes-input]", "dolls").await; // still pending: saved with the form
    click(&app, "[data-testid=save-film]").await;
    count_when(&app, "[data-testid=film-row]", 1).await;
    // The row fills in as its page arrives from the core.
    let row = text_when(&app, "[data-testid=film-row]", |t| {
        t.contains(TITLE) && t.contains("Mamoru Oshii")
    })
    .await;
    for expected in [
        "2004",
        "Mamoru Oshii",
        "Kazunori Itō",
        "cyberpunk",
        "identity",
        "dolls",
    ] {
        assert!(row.contains(expected), "row lacks {expected}: {row}");
    }

    // Open it and attach a review whose body tries to run script.
    click(&app, "[data-testid=film-row] [role=gridcell]").await;
    text_when(&app, "[data-testid=film-title]", |t| t == TITLE).await;
    let directors = text_when(&app, "[data-testid=film-directors]", |t| !t.is_empty()).await;
    assert!(
        directors.contains("Mamoru Oshii") && directors.contains("Kazunori Itō"),
        "{directors}"
    );
    let themes = text_when(&app, "[data-testid=film-themes]", |t| !t.is_empty()).await;
    for theme in ["cyberpunk", "identity", "dolls"] {
        assert!(themes.contains(theme), "{themes}");
    }
    click(&app, "[data-testid=add-review]").await;
    type_into(&app, "input[name=reviewTitle]", "On dolls").await;
    type_into(&app, "input[name=author]", "A. Critic").await;
    type_into(&app, "textarea[name=body]", HOSTILE_BODY).await;
    click(&app, "[data-testid=save-review]").await;
    // Asked afresh each time: the film page reloads after the save and may draw the body again.
    text_when(&app, "[data-testid=review-body] strong", |t| t == "bold").await;
    assert!(app
        .find_all(Locator::Css(
            "[data-testid=review-body] script, [data-testid=review-body] img, \
             [data-testid=review-body] [onerror]"
        ))
        .await
        .unwrap()
        .is_empty());
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let pwned = app
        .execute("return typeof window.__pwned", vec![])
        .await
        .unwrap();
    assert_eq!(pwned, "undefined", "script in a review ran");
    assert_eq!(
        texts(&app, "[data-testid=review-title]").await,
        ["On dolls"]
    );
    screenshot(&app, "film-view.png").await;

    // Edit the year.
    click(&app, "[data-testid=edit-film]").await;
    replace_text(&app, "input[name=year]", "2005").await;
    click(&app, "[data-testid=save-film]").await;
    text_when(&app, "[data-testid=film-year]", |t| t == "2005").await;
    click(&app, "[data-testid=back-to-library]").await;
    text_when(&app, "[data-testid=film-row]", |t| t.contains("2005")).await;
    screenshot(&app, "library.png").await;
    app.close().await.unwrap();

    // Restart on the same catalog: everything is still there.
    let app = desktop.open_app().await;
    let row = text_when(&app, "[data-testid=film-row]", |t| t.contains(TITLE)).await;
    assert!(
        row.contains("2005") && row.contains("Kazunori Itō"),
        "{row}"
    );
    click(&app, "[data-testid=film-row] [role=gridcell]").await;
    text_when(&app, "[data-testid=review-title]", |t| t == "On dolls").await;
    let body = find(&app, "[data-testid=review-body]").await;
    assert_eq!(
        body.find(Locator::Css("strong"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "bold"
    );
    app.close().await.unwrap();
}

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn the_library_sorts_by_column_and_delete_asks_first() {
    let desktop = Desktop::start();
    desktop.cli(&[
        "add",
        "--title",
        "Stalker",
        "--year",
        "1979",
        "--director",
        "Andrei Tarkovsky",
    ]);
    desktop.cli(&[
        "add",
        "--title",
        "Amélie",
        "--year",
        "2001",
        "--director",
        "Jean-Pierre Jeunet",
    ]);
    desktop.cli(&[
        "add",
        "--title",
        "Metropolis",
        "--year",
        "1927",
        "--director",
        "Fritz Lang",
    ]);
    let app = desktop.open_app().await;
    count_when(&app, "[data-testid=film-row]", 3).await;
    let first_words = |rows: Vec<String>| {
        rows.iter()
            .map(|r| r.split_whitespace().next().unwrap_or("").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        first_words(texts(&app, "[data-testid=film-row]").await),
        ["Amélie", "Metropolis", "Stalker"]
    );

    click(&app, "[data-testid=sort-year]").await;
    text_when(&app, "[data-testid=film-row]", |t| {
        t.starts_with("Metropolis")
    })
    .await;
    assert_eq!(
        first_words(texts(&app, "[data-testid=film-row]").await),
        ["Metropolis", "Stalker", "Amélie"]
    );
    click(&app, "[data-testid=sort-year]").await;
    text_when(&app, "[data-testid=film-row]", |t| t.starts_with("Amélie")).await;
    assert_eq!(
        first_words(texts(&app, "[data-testid=film-row]").await),
        ["Amélie", "Stalker", "Metropolis"]
    );

    // The title filter ignores accents.
    type_into(&app, "[data-testid=title-filter]", "amelie").await;
    count_when(&app, "[data-testid=film-row]", 1).await;
    replace_text(&app, "[data-testid=title-filter]", "").await;
    count_when(&app, "[data-testid=film-row]", 3).await;

    // Log a viewing: the film page sums them up.
    click(&app, "[data-testid=film-row] [role=gridcell]").await;
    let doomed = text_when(&app, "[data-testid=film-title]", |t| !t.is_empty()).await;
    click(&app, "[data-testid=add-viewing]").await;
    replace_text(&app, "input[name=place]", "Cinémathèque").await;
    click(&app, "[data-testid=save-viewing]").await;
    text_when(&app, "[data-testid=viewing]", |t| {
        t.contains("Cinémathèque")
    })
    .await;
    text_when(&app, "[data-testid=viewing-summary]", |t| t.contains("1×")).await;
    screenshot(&app, "film-viewings.png").await;

    // Deleting asks first; confirming moves the film to the trash.
    click(&app, "[data-testid=delete-film]").await;
    find(&app, "[data-testid=confirm-delete]").await;
    screenshot(&app, "confirm-delete.png").await;
    click(&app, "[data-testid=confirm-delete]").await;
    count_when(&app, "[data-testid=film-row]", 2).await;
    assert!(!texts(&app, "[data-testid=film-row]")
        .await
        .iter()
        .any(|r| r.contains(&doomed)));
    click(&app, "[data-testid=open-trash]").await;
    text_when(&app, "[data-testid=trash-row]", |t| t.contains(&doomed)).await;
    app.close().await.unwrap();
}

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn a_pasted_article_becomes_a_review_after_the_person_settles_the_conflict() {
    let desktop = Desktop::start();
    desktop.cli(&[
        "add",
        "--title",
        "Innocence",
        "--year",
        "2004",
        "--director",
        "Mamoru Oshii",
    ]);
    let app = desktop.open_app().await;
    count_when(&app, "[data-testid=film-row]", 1).await;

    click(&app, "[data-testid=import-article]").await;
    let article = "Review: Innocence (2005)\n\nBy A. Critic\n\n*Innocence* (2005), directed by Mamoru Oshii, \
                   asks what dolls are for.\n\nRelated articles\n- Ten best anime\n\nTags: dolls, cyborgs";
    // WebKitWebDriver drops "\n" from typed text; Enter in a textarea is a new line.
    type_into(
        &app,
        "[data-testid=article-text]",
        &article.replace('\n', ENTER),
    )
    .await;
    click(&app, "[data-testid=read-article]").await;
    let matched = text_when(&app, "[data-testid=proposal-match]", |t| !t.is_empty()).await;
    assert!(matched.contains("already in your catalog"), "{matched}");
    let conflict = text_when(&app, "[data-testid=conflict-year]", |t| t.contains("2005")).await;
    assert!(conflict.contains("2004"), "{conflict}");
    screenshot(&app, "article-proposal.png").await;
    click(&app, "[data-testid=conflict-year-article]").await;
    click(&app, "[data-testid=confirm-import]").await;

    text_when(&app, "[data-testid=film-title]", |t| t == "Innocence").await;
    text_when(&app, "[data-testid=film-year]", |t| t == "2005").await;
    text_when(&app, "[data-testid=review-title]", |t| {
        t == "Review: Innocence (2005)"
    })
    .await;
    let body = text_when(&app, "[data-testid=review-body]", |t| {
        t.contains("dolls are for")
    })
    .await;
    assert!(!body.contains("Ten best anime"), "{body}");
    let themes = text_when(&app, "[data-testid=film-themes]", |t| t.contains("dolls")).await;
    assert!(themes.contains("cyborgs"), "{themes}");
    app.close().await.unwrap();
}

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn settings_back_up_check_and_restore_the_catalog() {
    let desktop = Desktop::start();
    desktop.cli(&["add", "--title", "Before the backup"]);
    let app = desktop.open_app().await;
    count_when(&app, "[data-testid=film-row]", 1).await;

    click(&app, "[data-testid=open-settings]").await;
    let path = text_when(&app, "[data-testid=catalog-path]", |t| !t.is_empty()).await;
    assert_eq!(path, desktop.catalog_path().display().to_string());
    click(&app, "[data-testid=check-catalog]").await;
    text_when(&app, "[data-testid=check-result]", |t| t.contains("sound")).await;
    // The daily backup may already be listed; a manual one is added to it.
    let before = texts(&app, "[data-testid=backup-row]").await.len();
    click(&app, "[data-testid=backup-now]").await;
    count_when(&app, "[data-testid=backup-row]", before + 1).await;
    screenshot(&app, "settings.png").await;

    // A film added after the backup is gone once the backup is restored.
    desktop.cli(&["add", "--title", "After the backup"]);
    let manual = texts(&app, "[data-testid=backup-row]")
        .await
        .iter()
        .position(|r| r.contains("manual"))
        .expect("the manual backup is listed");
    let restore_buttons = app
        .find_all(fantoccini::Locator::Css("[data-testid=backup-row] button"))
        .await
        .unwrap();
    restore_buttons[manual].click().await.unwrap();
    click(&app, "[data-testid=confirm-restore]").await;
    click(&app, "[data-testid=back-to-library], .settings button.link").await;
    count_when(&app, "[data-testid=film-row]", 1).await;
    text_when(&app, "[data-testid=film-row]", |t| {
        t.contains("Before the backup")
    })
    .await;
    app.close().await.unwrap();
}
