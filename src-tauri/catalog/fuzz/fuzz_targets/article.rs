//! Any file offered as an article (text, Markdown or HTML, by its name) gives a proposal or a
//! typed error, never a panic, on an in-memory catalog that holds a few films to match against.
#![no_main]

use std::sync::OnceLock;

use cinedex_catalog::{Catalog, FilmInput};
use libfuzzer_sys::fuzz_target;

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
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = ["review.txt", "review.md", "review.html"][selector as usize % 3];
    let _ = catalog().propose_article(text, Some(name), None);
});
