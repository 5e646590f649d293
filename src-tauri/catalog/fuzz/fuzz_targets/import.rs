//! Any file offered to any importer gives a preview or a typed error, never a panic: the first
//! byte picks the source (Letterboxd ZIP or CSV, IMDb CSV, generic CSV, Tellico, Cinedex JSON),
//! the rest is the file.
#![no_main]

use std::sync::OnceLock;

use cinedex_catalog::{ImportOptions, ImportSource};
use cinedex_catalog::{Catalog, FilmInput};
use libfuzzer_sys::fuzz_target;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let catalog = Catalog::open_in_memory().expect("an in-memory catalog");
        let film = FilmInput {
            title: "Perfect Blue".into(),
            year: Some(1997),
            ..Default::default()
        };
        catalog.add_film(&film).expect("a seed film");
        catalog
    })
}

fn scratch() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a scratch dir")).path()
}

const SOURCES: &[(ImportSource, &str)] = &[
    (ImportSource::Letterboxd, "export.zip"),
    (ImportSource::Letterboxd, "diary.csv"),
    (ImportSource::Imdb, "ratings.csv"),
    (ImportSource::Csv, "films.csv"),
    (ImportSource::Tellico, "collection.tc"),
    (ImportSource::Json, "catalog.json"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let (source, name) = SOURCES[selector as usize % SOURCES.len()];
    let path = scratch().join(name);
    std::fs::write(&path, file).expect("the scratch file");
    let _ = catalog().preview_import(source, &path, &ImportOptions::default());
});
