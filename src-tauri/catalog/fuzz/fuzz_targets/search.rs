//! Any text is a valid search: the query parser and the search never panic and never return an
//! error (no FTS5 syntax error can come from user text), on a small catalog with reviews.
#![no_main]

use std::sync::OnceLock;

use cinedex_catalog::{Catalog, FilmInput, ReviewInput};
use libfuzzer_sys::fuzz_target;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let catalog = Catalog::open_in_memory().expect("an in-memory catalog");
        for (title, director) in [
            ("Stalker", "Andrei Tarkovsky"),
            ("Amélie", "Jean-Pierre Jeunet"),
            ("千と千尋の神隠し", "宮崎駿"),
        ] {
            let film = FilmInput {
                title: title.into(),
                year: Some(2001),
                directors: vec![director.into()],
                themes: vec!["dreams".into()],
                ..Default::default()
            };
            let id = catalog.add_film(&film).expect("a seed film").id;
            let review = ReviewInput {
                body: format!("A *review* of {title}: the zone, the dream."),
                ..Default::default()
            };
            catalog.add_review(id, &review).expect("a seed review");
        }
        catalog
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = cinedex_catalog::parse_search_query(&text);
    std::hint::black_box(parsed);
    catalog()
        .search(&text, 20, 0)
        .expect("every string is a valid query");
});
