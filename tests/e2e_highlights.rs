//! Real-window test of an article read as a person would and annotated: pasted as plain text (a
//! headline ending in " - Site", one paragraph per line, short heading lines, a related-links
//! block, a Keywords line), previewed with its headings and paragraphs, saved with its source,
//! then a sentence selected in the saved text is highlighted with a margin note, listed on the
//! film page and found by search. Run by `make test`.

use crate::e2e;
use e2e::{click, count_when, screenshot, script_when, text_when, type_into, Desktop, ENTER};

const ARTICLE: &str = "Ghost in the Shell 2: Innocence Review - Abbey Badges
Ghost in the Shell 2: Innocence Review
Mamoru Oshii returns to the world of cyborgs with a film that is slower, stranger and more beautiful than the first.
A Refined Vision of Cyberspace and Identity
Every frame is dense with detail, and the dolls at its heart ask what a body is for.
Related Articles You Might Like
Ten anime films to see before you die
Final Thoughts
Innocence rewards patience with images that stay for years.
Keywords: cyborgs, dolls, Mamoru Oshii";

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn a_pasted_article_is_saved_readable_and_a_sentence_gets_a_margin_note() {
    let desktop = Desktop::start();
    desktop.cli(&[
        "add",
        "--title",
        "Ghost in the Shell 2: Innocence",
        "--year",
        "2004",
        "--director",
        "Mamoru Oshii",
    ]);
    let app = desktop.open_app().await;
    count_when(&app, "[data-testid=film-row]", 1).await;

    click(&app, "[data-testid=import-article]").await;
    // WebKitWebDriver drops "\n" from typed text; Enter in a textarea is a new line.
    type_into(
        &app,
        "[data-testid=article-text]",
        &ARTICLE.replace('\n', ENTER),
    )
    .await;
    click(&app, "[data-testid=read-article]").await;
    script_when(
        &app,
        "the preview shows the two headings as headings and the paragraphs apart",
        "const p = document.querySelector('[data-testid=article-preview]');
         if (!p) return false;
         const headings = [...p.querySelectorAll('h2')].map((h) => h.textContent.trim());
         return headings.includes('A Refined Vision of Cyberspace and Identity')
             && headings.includes('Final Thoughts')
             && p.querySelectorAll('p').length >= 3
             && !p.textContent.includes('Related Articles')
             && !p.textContent.includes('Keywords:');",
    )
    .await;
    screenshot(&app, "article-preview.png").await;
    click(&app, "[data-testid=confirm-import]").await;

    text_when(&app, "[data-testid=film-title]", |t| {
        t == "Ghost in the Shell 2: Innocence"
    })
    .await;
    let card = text_when(&app, "[data-testid=review]", |t| t.contains("Abbey Badges")).await;
    assert!(card.contains("Every frame is dense"), "{card}");

    // Select one sentence of the saved text, as a mouse drag would.
    let selected = app
        .execute(
            "const body = document.querySelector('[data-testid=review-body]');
             const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
             const wanted = 'the dolls at its heart ask what a body is for';
             for (let node = walker.nextNode(); node; node = walker.nextNode()) {
               const at = node.textContent.indexOf(wanted);
               if (at < 0) continue;
               const range = document.createRange();
               range.setStart(node, at);
               range.setEnd(node, at + wanted.length);
               const selection = window.getSelection();
               selection.removeAllRanges();
               selection.addRange(range);
               document.dispatchEvent(new Event('selectionchange'));
               return true;
             }
             return false;",
            vec![],
        )
        .await
        .expect("the script runs");
    assert_eq!(
        selected,
        serde_json::Value::Bool(true),
        "the sentence is in the text"
    );
    click(&app, "[data-testid=note-selection]").await;
    type_into(
        &app,
        "[data-testid=highlight-note-input]",
        "Compare with Bellmer's dolls",
    )
    .await;
    click(&app, "[data-testid=save-highlight-note]").await;

    let mark = text_when(&app, "[data-testid=review-body] mark", |t| !t.is_empty()).await;
    assert_eq!(mark, "the dolls at its heart ask what a body is for");
    text_when(&app, "[data-testid=margin-note]", |t| t.contains("Bellmer")).await;
    let listed = text_when(&app, "[data-testid=film-highlight]", |t| {
        t.contains("Bellmer")
    })
    .await;
    assert!(listed.contains("what a body is for"), "{listed}");
    screenshot(&app, "highlights.png").await;

    // The note's words are searchable.
    click(&app, "[data-testid=open-search]").await;
    type_into(&app, "[data-testid=search-input]", "bellmer").await;
    text_when(&app, "[data-testid=search-result]", |t| {
        t.contains("Innocence")
    })
    .await;
    app.close().await.expect("the session closes");
}
