//! Hostile HTML and article text: nesting deep enough to overflow a recursive walk, and text
//! shaped to make a guesser quadratic. Every case runs on a thread with the 2 MiB stack of the
//! app's worker threads, so an unbounded recursion aborts the test binary as it would the app.

use crate::fixtures;
use std::path::Path;

use cinedex_catalog::{Catalog, FilmListQuery, ImportSource};
use fixtures::{file, imported, zip_file};

/// The stack size of the app's worker threads (the Rust default for spawned threads).
const WORKER_STACK: usize = 2 * 1024 * 1024;

/// Runs `work` on a thread with the app's worker stack and returns what it returned.
fn on_a_worker_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(work)
        .unwrap()
        .join()
        .unwrap()
}

/// `text` inside `depth` nested `<tag>`s, written with `open` and `close` (plain or escaped).
fn nested(open: &str, close: &str, depth: usize, text: &str) -> String {
    format!("{}{text}{}", open.repeat(depth), close.repeat(depth))
}

/// The one review or note body of the only film in the catalog.
fn only_review_body(c: &Catalog) -> String {
    let films = c.list_films(&FilmListQuery::default()).unwrap();
    assert_eq!(films.len(), 1, "{films:?}");
    let detail = c.get_film(films[0].id).unwrap();
    assert_eq!(detail.reviews.len(), 1, "{:?}", detail.reviews);
    detail.reviews[0].body.clone()
}

fn letterboxd_reviews(dir: &Path, review: &str) -> std::path::PathBuf {
    let csv = format!(
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n\
         2024-01-02,Perfect Blue,1997,https://boxd.it/r1,4.5,,\"Before. {review} After.\",,2024-01-01\n"
    );
    file(dir, "reviews.csv", csv.as_bytes())
}

#[test]
fn a_letterboxd_review_nested_ten_thousand_italics_deep_imports_as_its_words() {
    let body = on_a_worker_thread(|| {
        let dir = tempfile::tempdir().unwrap();
        let review = nested("<i>", "</i>", 10_000, "the deepest words");
        let path = letterboxd_reviews(dir.path(), &review);
        let c = Catalog::open_in_memory().unwrap();
        imported(&c, ImportSource::Letterboxd, &path);
        only_review_body(&c)
    });
    assert!(body.contains("the deepest words"), "{body}");
    assert!(body.starts_with("Before."), "{body}");
    assert!(body.ends_with("After."), "{body}");
}

#[test]
fn a_shallow_letterboxd_review_keeps_its_emphasis_beside_a_deep_one() {
    let body = on_a_worker_thread(|| {
        let dir = tempfile::tempdir().unwrap();
        let review = format!("<i>Mima</i> {}", nested("<b>", "</b>", 10_000, "down here"));
        let path = letterboxd_reviews(dir.path(), &review);
        let c = Catalog::open_in_memory().unwrap();
        imported(&c, ImportSource::Letterboxd, &path);
        only_review_body(&c)
    });
    assert!(body.contains("*Mima*") || body.contains("_Mima_"), "{body}");
    assert!(body.contains("down here"), "{body}");
}

#[test]
fn a_tellico_comment_nested_ten_thousand_italics_deep_imports_as_its_words() {
    let body = on_a_worker_thread(|| {
        let dir = tempfile::tempdir().unwrap();
        // Tellico stores a comment's HTML escaped, as the text of <comments>.
        let comment = nested("&lt;i&gt;", "&lt;/i&gt;", 10_000, "seen at the cinema");
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<tellico xmlns="http://periapsis.org/tellico/" syntaxVersion="11">
 <collection title="My Videos" type="3">
  <entry id="1">
   <title>Seven Samurai</title>
   <year>1954</year>
   <comments>{comment}</comments>
  </entry>
 </collection>
</tellico>"#
        );
        let tc = zip_file(dir.path(), "videos.tc", &[("tellico.xml", &xml)]);
        let c = Catalog::open_in_memory().unwrap();
        imported(&c, ImportSource::Tellico, &tc);
        only_review_body(&c)
    });
    assert!(body.contains("seen at the cinema"), "{body}");
}

#[test]
fn an_html_article_nested_fifty_thousand_spans_deep_is_read() {
    let proposal = on_a_worker_thread(|| {
        let page = format!(
            "<!doctype html><html><head><title>Stalker review | The Site</title></head><body>\
             <article><h1>Stalker (1979)</h1><p>A <i>slow</i> film.</p><p>{}</p></article></body></html>",
            nested("<span>", "</span>", 50_000, "Into the Zone with Andrei Tarkovsky.")
        );
        let c = Catalog::open_in_memory().unwrap();
        c.propose_article(&page, Some("stalker.html"), None)
            .unwrap()
    });
    let body = &proposal.review.body;
    assert!(
        body.contains("Into the Zone with Andrei Tarkovsky."),
        "{body}"
    );
    assert!(body.contains("A *slow* film."), "{body}");
    assert_eq!(proposal.film.title, "Stalker");
    assert_eq!(proposal.film.year, Some(1979));
}

#[test]
fn an_html_article_nested_deep_in_blocks_keeps_the_paragraphs_below_the_depth_limit() {
    let proposal = on_a_worker_thread(|| {
        let page = format!(
            "<html><body><article><h1>Solaris</h1>{}</article></body></html>",
            nested(
                "<div>",
                "</div>",
                50_000,
                "<p>First paragraph.</p><p>Second paragraph.</p>"
            )
        );
        let c = Catalog::open_in_memory().unwrap();
        c.propose_article(&page, Some("solaris.html"), None)
            .unwrap()
    });
    let body = &proposal.review.body;
    assert!(body.contains("First paragraph."), "{body}");
    assert!(body.contains("Second paragraph."), "{body}");
    assert!(
        !body.contains("paragraph.Second"),
        "flattened blocks keep a space between them: {body}"
    );
}

#[test]
fn an_article_of_a_million_bracketed_years_is_read_in_one_pass() {
    let proposal = on_a_worker_thread(|| {
        // 960 KB: a `(` before every word made title guessing re-split the text 80,000 times.
        let text = format!("Word review\n\n{}\n", "Word (1979) ".repeat(80_000));
        let c = Catalog::open_in_memory().unwrap();
        c.propose_article(&text, Some("word.txt"), None).unwrap()
    });
    assert_eq!(proposal.film.title, "Word");
    assert_eq!(proposal.film.year, Some(1979));
    assert!(proposal.review.body.starts_with("Word (1979) Word (1979)"));
    assert!(proposal.review.body.len() > 900_000);
}

#[test]
fn an_article_of_blank_lines_is_read_in_one_pass() {
    let proposal = on_a_worker_thread(|| {
        let text = format!(
            "Stalker\n{}The Zone (1979) is a place.\n",
            "\n".repeat(500_000)
        );
        let c = Catalog::open_in_memory().unwrap();
        c.propose_article(&text, Some("stalker.txt"), None).unwrap()
    });
    assert_eq!(proposal.review.body, "The Zone (1979) is a place.");
}

#[test]
fn probe_depth() {
    let Ok(depth) = std::env::var("DEPTH") else {
        return;
    };
    let depth: usize = depth.parse().unwrap();
    let kind = std::env::var("KIND").unwrap();
    on_a_worker_thread(move || {
        if kind == "htmd" {
            let html = nested("<i>", "</i>", depth, "x");
            let md = htmd::convert(&html).unwrap();
            println!("{}", &md[..md.len().min(300)]);
        } else if kind == "word" {
            let text = format!("Word review\n\n{}\n", "Word (1979) ".repeat(depth));
            let c = Catalog::open_in_memory().unwrap();
            let t = std::time::Instant::now();
            let p = c.propose_article(&text, Some("word.txt"), None).unwrap();
            println!("{} reps: {:?} {}", depth, t.elapsed(), p.film.title);
        } else if kind == "ammonia" {
            let html = nested("<i>", "</i>", depth, "x");
            let _ = ammonia::clean(&html);
        } else {
            let page = format!(
                "<html><body><article><p>{}</p></article></body></html>",
                nested("<b>", "</b>", depth, "x")
            );
            let c = Catalog::open_in_memory().unwrap();
            let p = c.propose_article(&page, Some("a.html"), None).unwrap();
            println!("{}", p.review.body);
        }
    });
}
