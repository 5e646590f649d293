//! The catalog as one CSV, a row per film, with headers the generic CSV import maps back
//! automatically.

use std::io::Write;

use super::document::{Document, FilmDoc};

pub const HEADERS: [&str; 12] = [
    "Title",
    "Original Title",
    "Year",
    "Directors",
    "Themes",
    "Rating",
    "Runtime",
    "Status",
    "IMDb ID",
    "Viewings",
    "Last Watched",
    "Reviews",
];

pub fn write(out: &mut impl Write, document: &Document) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADERS)?;
    for film in document.films.iter().filter(|f| f.deleted_at.is_none()) {
        let last = film
            .viewings
            .iter()
            .map(|v| v.watched_on.as_str())
            .max()
            .unwrap_or("");
        writer.write_record([
            film.title.as_str(),
            film.original_title.as_deref().unwrap_or(""),
            &film.year.map(|y| y.to_string()).unwrap_or_default(),
            &directors(film).join("; "),
            &film.themes.join("; "),
            &film.rating.map(|r| r.to_string()).unwrap_or_default(),
            &film
                .runtime_minutes
                .map(|r| r.to_string())
                .unwrap_or_default(),
            film.watch_status.as_str(),
            external(film, "imdb").unwrap_or(""),
            &film.viewings.len().to_string(),
            last,
            &film.reviews.len().to_string(),
        ])?;
    }
    writer.flush()
}

pub fn directors(film: &FilmDoc) -> Vec<String> {
    film.credits
        .iter()
        .filter(|c| c.role == "director")
        .map(|c| c.name.clone())
        .collect()
}

pub fn external<'a>(film: &'a FilmDoc, source: &str) -> Option<&'a str> {
    film.external_ids
        .iter()
        .find(|e| e.source == source)
        .map(|e| e.value.as_str())
}
