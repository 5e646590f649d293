//! Turning review articles of several shapes into proposals, and importing them atomically.

use cinedex_catalog::{Catalog, CatalogError, FilmInput, FilmListQuery, ReviewKind};

fn catalog() -> Catalog {
    Catalog::open_in_memory().unwrap()
}

fn film(c: &Catalog, title: &str, year: i32, directors: &[&str]) -> i64 {
    let input = FilmInput {
        title: title.into(),
        year: Some(year),
        directors: directors.iter().map(|d| d.to_string()).collect(),
        ..Default::default()
    };
    c.add_film(&input).unwrap().id
}

const PLAIN: &str = "Stalker review: a journey into the Zone
By Jane Doe

Andrei Tarkovsky's Stalker (1980), directed by Andrei Tarkovsky, follows three men into the Zone.

It is a slow, hypnotic film about faith and desire.

Related articles
- Solaris at 50
- The Mirror, revisited

Keywords: faith, desire, science fiction, Andrei Tarkovsky
";

#[test]
fn a_plain_text_article_about_a_known_film_keeps_the_catalog_year_and_reports_the_conflict() {
    let c = catalog();
    let id = film(&c, "Stalker", 1979, &["Andrei Tarkovsky"]);
    let proposal = c.propose_article(PLAIN, Some("stalker.txt"), None).unwrap();
    assert_eq!(proposal.film_id, Some(id));
    assert_eq!(proposal.film.year, Some(1979), "the catalog's year is kept");
    assert_eq!(proposal.conflicts.len(), 1);
    assert_eq!(proposal.conflicts[0].field, "year");
    assert_eq!(proposal.conflicts[0].catalog, ["1979"]);
    assert_eq!(proposal.conflicts[0].article, ["1980"]);
    assert_eq!(
        proposal.film.themes,
        ["faith", "desire", "science fiction"],
        "the director is not a theme"
    );
    assert_eq!(proposal.review.kind, ReviewKind::Article);
    assert_eq!(
        proposal.review.title.as_deref(),
        Some("Stalker review: a journey into the Zone")
    );
    assert_eq!(proposal.review.author.as_deref(), Some("Jane Doe"));
    assert!(proposal.review.body.contains("hypnotic film"));
    for chrome in ["Related articles", "Solaris at 50", "Keywords:"] {
        assert!(
            !proposal.review.body.contains(chrome),
            "{chrome} left in: {}",
            proposal.review.body
        );
    }
}

#[test]
fn a_markdown_article_about_a_new_film_proposes_its_title_year_and_directors() {
    let c = catalog();
    let text = "# Review: *The Umbrellas of Cherbourg*\n\n*The Umbrellas of Cherbourg* (1964), directed by \
                Jacques Demy, is sung from first word to last.\n\nTags: musical | Algerian War | love\n";
    let proposal = c.propose_article(text, Some("umbrellas.md"), None).unwrap();
    assert_eq!(proposal.film_id, None);
    assert_eq!(proposal.film.title, "The Umbrellas of Cherbourg");
    assert_eq!(proposal.film.year, Some(1964));
    assert_eq!(proposal.film.directors, ["Jacques Demy"]);
    assert_eq!(proposal.film.themes, ["musical", "Algerian War", "love"]);
    assert!(proposal.conflicts.is_empty());
}

const PAGE: &str = r#"<!doctype html><html><head>
<title>Innocence review | Cine Weekly</title>
<meta property="og:site_name" content="Cine Weekly">
<link rel="canonical" href="https://cineweekly.example/reviews/innocence">
<meta property="article:published_time" content="2004-09-17T08:00:00Z">
<meta name="keywords" content="cyborgs, dolls">
<script>window.__pwned = 1; document.write("INJECTED")</script>
</head><body>
<nav><a href="/">Home</a> <a href="/reviews">Reviews</a></nav>
<article>
  <h1>Innocence review – dolls, dogs and ghosts</h1>
  <p class="byline">By Kim Lee</p>
  <p><em>Innocence</em> (2004), directed by Mamoru Oshii, is a film of <strong>astonishing</strong> surfaces.</p>
  <blockquote><p>What are dolls for?</p></blockquote>
  <div class="share-buttons"><p>Share on Twitter</p></div>
  <script>alert("no")</script>
  <p>Keywords: philosophy; Batou</p>
</article>
<aside class="related"><h2>Related articles</h2><ul><li>Ghost in the Shell at 30</li></ul></aside>
<footer><p>© Cine Weekly</p></footer>
</body></html>"#;

#[test]
fn an_html_page_loses_its_navigation_scripts_and_related_links() {
    let c = catalog();
    let proposal = c
        .propose_article(PAGE, Some("innocence.html"), None)
        .unwrap();
    let review = &proposal.review;
    assert_eq!(
        review.title.as_deref(),
        Some("Innocence review – dolls, dogs and ghosts")
    );
    assert_eq!(review.author.as_deref(), Some("Kim Lee"));
    assert_eq!(review.source.as_deref(), Some("Cine Weekly"));
    assert_eq!(
        review.url.as_deref(),
        Some("https://cineweekly.example/reviews/innocence")
    );
    assert_eq!(review.published_on.as_deref(), Some("2004-09-17"));
    assert!(
        review.body.contains("*Innocence* (2004)"),
        "{}",
        review.body
    );
    assert!(review.body.contains("**astonishing**"), "{}", review.body);
    assert!(
        review.body.contains("> What are dolls for?"),
        "{}",
        review.body
    );
    for chrome in [
        "Home",
        "pwned",
        "INJECTED",
        "alert",
        "Share on",
        "Related",
        "Ghost in the Shell at 30",
        "©",
    ] {
        assert!(
            !review.body.contains(chrome),
            "{chrome} left in: {}",
            review.body
        );
    }
    assert_eq!(proposal.film.title, "Innocence");
    assert_eq!(proposal.film.year, Some(2004));
    assert_eq!(proposal.film.directors, ["Mamoru Oshii"]);
    assert_eq!(
        proposal.film.themes,
        ["cyborgs", "dolls", "philosophy", "Batou"]
    );
}

#[test]
fn an_article_naming_two_catalog_films_picks_the_one_in_its_headline_and_offers_the_other() {
    let c = catalog();
    let solaris = film(&c, "Solaris", 1972, &["Andrei Tarkovsky"]);
    let stalker = film(&c, "Stalker", 1979, &["Andrei Tarkovsky"]);
    let text = "Stalker, seen again\n\nWhere *Solaris* (1972) looked to space, *Stalker* (1979) looks at a wasteland.\n";
    let proposal = c.propose_article(text, None, None).unwrap();
    assert_eq!(proposal.film_id, Some(stalker));
    assert_eq!(
        proposal.candidates.iter().map(|f| f.id).collect::<Vec<_>>(),
        [solaris]
    );
    assert!(proposal.conflicts.is_empty(), "{:?}", proposal.conflicts);
    let forced = c.propose_article(text, None, Some(solaris)).unwrap();
    assert_eq!(forced.film_id, Some(solaris));
    assert_eq!(forced.film.year, Some(1972));
}

#[test]
fn a_director_the_catalog_does_not_have_is_a_conflict() {
    let c = catalog();
    film(&c, "Innocence", 2004, &["Lucile Hadžihalilović"]);
    let proposal = c.propose_article(PAGE, Some("page.html"), None).unwrap();
    let conflict = proposal
        .conflicts
        .iter()
        .find(|c| c.field == "directors")
        .expect("a directors conflict");
    assert_eq!(conflict.catalog, ["Lucile Hadžihalilović"]);
    assert_eq!(conflict.article, ["Mamoru Oshii"]);
    assert_eq!(
        proposal.film.directors,
        ["Lucile Hadžihalilović"],
        "the catalog's directors are kept"
    );
}

#[test]
fn importing_writes_the_film_and_the_article_together() {
    let c = catalog();
    let mut proposal = c.propose_article(PAGE, Some("page.html"), None).unwrap();
    proposal.film.year = Some(2004);
    let detail = c.import_article(&proposal).unwrap();
    assert_eq!(detail.film.title, "Innocence");
    assert_eq!(detail.reviews.len(), 1);
    assert_eq!(detail.reviews[0].kind, ReviewKind::Article);
    assert!(detail.reviews[0].body_html.contains("<em>Innocence</em>"));
    // Importing the same article again onto the known film adds a second review, no second film.
    let again = c.propose_article(PAGE, Some("page.html"), None).unwrap();
    assert_eq!(again.film_id, Some(detail.film.id));
    c.import_article(&again).unwrap();
    assert_eq!(c.list_films(&FilmListQuery::default()).unwrap().len(), 1);
}

#[test]
fn a_refused_import_writes_nothing() {
    let c = catalog();
    let mut proposal = c.propose_article(PLAIN, None, None).unwrap();
    proposal.review.body = "  ".into();
    assert!(matches!(
        c.import_article(&proposal),
        Err(CatalogError::Invalid { field: "body", .. })
    ));
    proposal.review.body = "text".into();
    proposal.film.year = Some(3000);
    assert!(matches!(
        c.import_article(&proposal),
        Err(CatalogError::Invalid { field: "year", .. })
    ));
    assert!(c.list_films(&FilmListQuery::default()).unwrap().is_empty());
}

#[test]
fn binary_or_empty_input_is_refused() {
    let c = catalog();
    assert!(matches!(
        c.propose_article("PK\u{3}\u{4}\0\0", Some("x.zip"), None),
        Err(CatalogError::Invalid { field: "file", .. })
    ));
    assert!(matches!(
        c.propose_article("   \n", None, None),
        Err(CatalogError::Invalid { field: "text", .. })
    ));
}

#[test]
fn stated_facts_hashtags_and_front_matter_are_read() {
    let c = catalog();
    let stalker = film(&c, "Stalker", 1979, &["Andrei Tarkovsky"]);
    let text = "Stalker\n\nDirector: Andrei Tarkovsky\nYear: 1979\n\nThree men walk into the Zone.\n\nTags: #faith #desire\n";
    let proposal = c.propose_article(text, Some("notes.txt"), None).unwrap();
    assert_eq!(proposal.film_id, Some(stalker));
    assert!(proposal.conflicts.is_empty(), "{:?}", proposal.conflicts);
    assert_eq!(proposal.film.themes, ["faith", "desire"]);
    assert_eq!(proposal.review.body, "Three men walk into the Zone.");

    let front = "---\ntitle: \"Cléo de 5 à 7\"\nauthor: Sam\ndirector: Agnès Varda\ntags: Paris, mortality\n---\n\n\
                 Varda follows Cléo for ninety minutes of real time, in 1962 Paris.\n";
    let proposal = c.propose_article(front, Some("cleo.md"), None).unwrap();
    assert_eq!(proposal.film_id, None);
    assert_eq!(proposal.film.title, "Cléo de 5 à 7");
    assert_eq!(proposal.film.year, Some(1962));
    assert_eq!(proposal.film.directors, ["Agnès Varda"]);
    assert_eq!(proposal.film.themes, ["Paris", "mortality"]);
    assert_eq!(proposal.review.author.as_deref(), Some("Sam"));
}

#[test]
fn a_page_without_a_heading_takes_its_title_without_the_site_name() {
    let c = catalog();
    let page = "<html><head><title>Sans Soleil, an essay film — The Review Site</title></head><body>\
                <div class=\"menu\"><a>Home</a></div><div><p>Chris Marker’s <i>Sans Soleil</i> (1983) is a letter \
                from a traveller.</p><p>Read more: Ten essay films</p></div></body></html>";
    let proposal = c.propose_article(page, Some("page.htm"), None).unwrap();
    assert_eq!(
        proposal.review.title.as_deref(),
        Some("Sans Soleil, an essay film")
    );
    assert_eq!(proposal.film.title, "Sans Soleil");
    assert_eq!(proposal.film.year, Some(1983));
    assert!(!proposal.review.body.contains("Home") && !proposal.review.body.contains("Read more"));
}

#[test]
fn an_html_article_keeps_its_web_links_and_drops_the_others() {
    let c = catalog();
    let page = "<html><body><article><h1>Stalker (1979)</h1><p>By <a href=\"/critics/ac\">A. Critic</a></p>\
        <p>See <a href=\"https://example.org/zone\">the studio page</a>, \
        <a href=\"javascript:alert(1)\">this trick</a>, <a href=\"/relative\">a local page</a>, \
        <a href=\"https://example.org/a (b)\">a [bracketed] name</a> and \
        <a href=\"mailto:critic@example.org\">write</a>.</p></article></body></html>";
    let proposal = c.propose_article(page, Some("stalker.html"), None).unwrap();
    let body = &proposal.review.body;
    assert_eq!(proposal.review.author.as_deref(), Some("A. Critic"));
    assert!(
        body.contains("[the studio page](https://example.org/zone)"),
        "{body}"
    );
    assert!(
        body.contains("[a \\[bracketed\\] name](<https://example.org/a (b)>)"),
        "{body}"
    );
    assert!(
        body.contains("[write](mailto:critic@example.org)"),
        "{body}"
    );
    assert!(body.contains("this trick, a local page"), "{body}");
    assert!(!body.contains("javascript"), "{body}");
    assert!(!body.contains("/relative"), "{body}");

    let detail = c.import_article(&proposal).unwrap();
    let html = &detail.reviews[0].body_html;
    assert!(
        html.contains("<a href=\"https://example.org/zone\"")
            && html.contains(">the studio page</a>"),
        "{html}"
    );
    assert!(html.contains("a [bracketed] name</a>"), "{html}");
}
