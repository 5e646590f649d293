//! Any file offered as an article (text, Markdown or HTML, by its name) gives a proposal or a
//! typed error, never a panic or a stack overflow, on an in-memory catalog that holds a few films
//! to match against, on a thread with the app's 2 MiB worker stack. A first byte with its high
//! bit set makes the rest a program of nested tags (see `nesting.rs`) inside an HTML page.
#![no_main]

use std::sync::OnceLock;

use cinedex_catalog::{Catalog, FilmInput};
use libfuzzer_sys::fuzz_target;

mod nesting;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let catalog = Catalog::open_in_memory().expect("an in-memory catalog");
        for (title, year) in [("Stalker", 1979), ("Amélie", 2001), ("イノセンス", 2004)] {
            let film = FilmInput {
                title: title.into(),
                year: Some(year),
                ..Default::default()
            };
            catalog.add_film(&film).expect("a seed film");
        }
        catalog
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let (text, name) = if selector & 0x80 != 0 {
        let page = format!(
            "<html><body><article><h1>Stalker (1979)</h1><p>{}</p></article></body></html>",
            nesting::html_of(rest)
        );
        (page, "review.html")
    } else {
        let Ok(text) = std::str::from_utf8(rest) else {
            return;
        };
        let name = ["review.txt", "review.md", "review.html"][selector as usize % 3];
        (text.to_owned(), name)
    };
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let _ = catalog().propose_article(&text, Some(name), None);
        })
        .expect("a worker thread")
        .join()
        .expect("reading the article does not panic");
});
