//! A review article pasted as plain text, the way a browser copies a page: one line per
//! paragraph, short heading lines, the site's title suffix, a block of related links in the
//! middle and a keywords line at the end. It must come out as a faithful, readable copy.

use cinedex_catalog::{Catalog, FilmInput};

const INNOCENCE: &str = include_str!("fixtures/articles/innocence-plain.txt");

fn catalog_with_innocence() -> (Catalog, i64) {
    let c = Catalog::open_in_memory().unwrap();
    let id = c
        .add_film(&FilmInput {
            title: "Ghost in the Shell 2: Innocence".into(),
            year: Some(2004),
            directors: vec!["Mamoru Oshii".into()],
            ..Default::default()
        })
        .unwrap()
        .id;
    // A theme the catalog already spells its own way.
    c.add_film(&FilmInput {
        title: "Akira".into(),
        year: Some(1988),
        themes: vec!["Cyberpunk".into()],
        ..Default::default()
    })
    .unwrap();
    (c, id)
}

#[test]
fn paragraphs_and_headings_are_kept_and_the_headline_appears_once() {
    let (c, id) = catalog_with_innocence();
    let proposal = c.propose_article(INNOCENCE, None, None).unwrap();
    assert_eq!(proposal.film_id, Some(id));
    let review = &proposal.review;
    assert_eq!(
        review.title.as_deref(),
        Some("Ghost in the Shell 2: Innocence Review – A Cinematic Masterpiece")
    );
    assert_eq!(review.source.as_deref(), Some("Abbey Badges"));
    let body = &review.body;
    assert!(body.starts_with("Directed by Masairo Yachi"), "{body}");
    assert!(
        body.contains("predecessor.\n\nBatou, now working alone"),
        "paragraphs melted: {body}"
    );
    assert!(
        body.contains("\n\n## A Refined Vision of Cyberspace and Identity\n\nThe film's digital"),
        "{body}"
    );
    assert!(
        body.contains("\n\n## Final Thoughts\n\nInnocence is not an easy film"),
        "{body}"
    );
    for chrome in [
        "Related Articles",
        "Best Anime Films",
        "Still Ahead",
        "Akira",
        "Keywords",
    ] {
        assert!(!body.contains(chrome), "{chrome} left in: {body}");
    }
    let html = c.import_article(&proposal).unwrap().reviews[0]
        .body_html
        .clone();
    assert!(html.contains("<h2>Final Thoughts</h2>"), "{html}");
    assert_eq!(html.matches("<p>").count(), 4, "{html}");
}

#[test]
fn keywords_lose_the_title_the_people_and_the_final_dot_and_take_the_catalog_spelling() {
    let (c, _) = catalog_with_innocence();
    let proposal = c.propose_article(INNOCENCE, None, None).unwrap();
    assert_eq!(
        proposal.film.themes,
        ["Cyberpunk", "philosophy", "Cinematic masterpiece"]
    );
    assert_eq!(
        proposal.dropped_themes,
        ["Ghost in the Shell 2", "Innocence", "Mamoru Oshii"]
    );
    // The catalog keeps its director; the article's other name is a conflict to decide.
    assert_eq!(proposal.film.directors, ["Mamoru Oshii"]);
    let directors = proposal
        .conflicts
        .iter()
        .find(|c| c.field == "directors")
        .expect("the wrong director is called out");
    assert_eq!(directors.catalog, ["Mamoru Oshii"]);
    assert_eq!(directors.article, ["Masairo Yachi"]);
    assert!(directors.reference.is_empty());
    assert_eq!(proposal.checked, None);
}

#[test]
fn a_title_of_its_own_keeps_its_dash_and_a_site_after_a_bar_is_the_source() {
    let c = Catalog::open_in_memory().unwrap();
    let text = "Stalker – A Journey Into the Zone | Cine Weekly\n\
                Three men walk into the Zone and come back changed, or not at all, in a film of long takes.";
    let proposal = c.propose_article(text, None, None).unwrap();
    assert_eq!(
        proposal.review.title.as_deref(),
        Some("Stalker – A Journey Into the Zone")
    );
    assert_eq!(proposal.review.source.as_deref(), Some("Cine Weekly"));
}

const REVIEW_SITE: &str = include_str!("fixtures/articles/review-site.html");

#[test]
fn a_review_site_page_gives_its_article_its_facts_and_none_of_its_chrome() {
    let c = Catalog::open_in_memory().unwrap();
    let proposal = c
        .propose_article(REVIEW_SITE, Some("innocence.html"), None)
        .unwrap();
    let review = &proposal.review;
    assert_eq!(
        review.title.as_deref(),
        Some("Innocence (2004) review: Oshii's dolls dream of ghosts")
    );
    assert_eq!(review.author.as_deref(), Some("Rosa Quint"));
    assert_eq!(review.source.as_deref(), Some("Frame Rate"));
    assert_eq!(review.published_on.as_deref(), Some("2024-03-02"));
    assert_eq!(
        review.url.as_deref(),
        Some("https://framerate.example/reviews/innocence-2004")
    );
    assert_eq!(review.rating, Some(4.0));
    // JSON-LD names the film reviewed.
    assert_eq!(proposal.film.title, "Innocence");
    assert_eq!(proposal.film.year, Some(2004));
    let body = &review.body;
    assert!(
        body.starts_with("Mamoru Oshii's *Innocence* opens"),
        "{body}"
    );
    assert!(
        body.contains("## A detective story that keeps stopping to think"),
        "{body}"
    );
    assert!(body.contains("> Life and death come and go"), "{body}");
    assert!(
        body.contains("Verdict: a difficult, beautiful sequel"),
        "{body}"
    );
    for chrome in [
        "Trending now",
        "best horror films",
        "Perfect Blue",
        "More from",
        "Log in",
        "Anime",
        "cookies",
        "independent film magazine",
        "6 min read",
        "dataLayer",
    ] {
        assert!(!body.contains(chrome), "{chrome} left in: {body}");
    }
}
