//! Review HTML (a Letterboxd `reviews.csv` Review cell) built to nest deep gives a preview or a
//! typed error, never a panic or a stack overflow, on a thread with the app's 2 MiB worker stack.
//! The input is a little program: each byte opens a tag, closes one or writes a word, so short
//! inputs reach depths a byte-for-byte mutation of real HTML never would.
#![no_main]

use std::sync::OnceLock;

use cinedex_catalog::{ImportOptions, ImportSource};
use cinedex_catalog::Catalog;
use libfuzzer_sys::fuzz_target;

mod nesting;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::open_in_memory().expect("an in-memory catalog"))
}

fn scratch() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a scratch dir")).path()
}

fuzz_target!(|data: &[u8]| {
    let review = nesting::html_of(data).replace('"', "\"\"");
    let csv = format!(
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n\
         2024-01-02,Perfect Blue,1997,https://boxd.it/r1,4.5,,\"{review}\",,2024-01-01\n"
    );
    let path = scratch().join("reviews.csv");
    std::fs::write(&path, csv).expect("the scratch file");
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let _ = catalog().preview_import(ImportSource::Letterboxd, &path, &ImportOptions::default());
        })
        .expect("a worker thread")
        .join()
        .expect("the preview does not panic");
});
