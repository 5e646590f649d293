//! CSV files Letterboxd's importer reads (`Title,Year,Directors,Rating,WatchedDate,Rewatch,Tags,
//! Review`), a row per viewing (or one per film never logged), split into files of at most
//! 1,000 rows as Letterboxd asks.

use std::path::Path;

use super::csv_out::directors;
use super::document::Document;

pub const HEADERS: [&str; 8] = [
    "Title",
    "Year",
    "Directors",
    "Rating",
    "WatchedDate",
    "Rewatch",
    "Tags",
    "Review",
];
pub const MAX_ROWS_PER_FILE: usize = 1_000;

pub fn write(dir: &Path, document: &Document) -> std::io::Result<u64> {
    let mut rows: Vec<[String; 8]> = Vec::new();
    for film in document.films.iter().filter(|f| f.deleted_at.is_none()) {
        let base = |rating: Option<f64>| {
            [
                film.title.clone(),
                film.year.map(|y| y.to_string()).unwrap_or_default(),
                directors(film).join(", "),
                rating.map(|r| r.to_string()).unwrap_or_default(),
                String::new(),
                String::new(),
                film.themes.join(", "),
                String::new(),
            ]
        };
        // The person's own review goes with the most recent viewing (or the film's only row).
        let review = film
            .reviews
            .iter()
            .find(|r| r.kind == crate::ReviewKind::Review)
            .map(|r| r.body.clone())
            .unwrap_or_default();
        let mut viewings: Vec<_> = film.viewings.iter().collect();
        viewings.sort_by(|a, b| a.watched_on.cmp(&b.watched_on));
        if viewings.is_empty() {
            let mut row = base(film.rating);
            row[7] = review;
            rows.push(row);
            continue;
        }
        let last = viewings.len() - 1;
        for (i, v) in viewings.into_iter().enumerate() {
            let mut row = base(v.rating.or(film.rating));
            row[4] = v.watched_on.clone();
            row[5] = if v.rewatch { "true" } else { "false" }.to_owned();
            if i == last {
                row[7] = review.clone();
            }
            rows.push(row);
        }
    }
    let mut files = 0;
    for (n, chunk) in rows.chunks(MAX_ROWS_PER_FILE).enumerate() {
        let mut writer = csv::Writer::from_path(dir.join(format!("letterboxd-{:03}.csv", n + 1)))?;
        writer.write_record(HEADERS)?;
        for row in chunk {
            writer.write_record(row)?;
        }
        writer.flush()?;
        files += 1;
    }
    Ok(files)
}
