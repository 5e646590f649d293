//! IMDb's ratings and watchlist CSV exports, with today's headers (`Original Title`, title types
//! like `Movie`, `TV Series`) and the older ones (no `Original Title`, `movie`, `tvSeries`).
//! The `Const` (tt...) is kept as the film's imdb id; titles that are not films are skipped and
//! counted.

use crate::field::Field;
use std::path::Path;

use crate::error::Result;
use crate::model::{FilmInput, WatchStatus};

use super::record::{Batch, FilmRecord};
use super::table::{self, Row};
use super::values;

pub fn read(path: &Path) -> Result<Batch> {
    let file = table::file_label(path);
    let bytes = table::read_file(path)?;
    let (text, encoding) = table::decode(&file, bytes)?;
    let mut batch = Batch {
        encoding,
        ..Batch::default()
    };
    let mut watchlist = None;
    table::for_each_row(
        &file,
        &text,
        &["Const", "Title", "Title Type"],
        &mut batch,
        |batch, row| {
            // The watchlist export numbers its rows; the ratings export does not.
            let is_watchlist = *watchlist.get_or_insert_with(|| row.header.has("Position"));
            read_row(&file, batch, row, is_watchlist)
        },
    )?;
    Ok(batch)
}

/// Film title types, folded (lower case, no spaces): `Movie`/`movie`, `TV Movie`/`tvMovie`, ...
fn is_film(title_type: &str) -> bool {
    let folded: String = title_type
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        folded.as_str(),
        "movie" | "tvmovie" | "short" | "video" | "feature"
    )
}

fn column_of(field: &str) -> String {
    match Field::parse(field) {
        Some(Field::OriginalTitle) => "Original Title",
        Some(Field::Year) => "Year",
        Some(Field::Directors) => "Directors",
        _ => "Title",
    }
    .to_owned()
}

fn read_row(file: &str, batch: &mut Batch, row: &Row, is_watchlist: bool) {
    let title_type = row.get("Title Type");
    if !is_film(title_type) {
        batch.skip(
            file,
            Some(row.line),
            format!("{}: a {title_type}, not a film", row.get("Title")),
        );
        return;
    }
    let id = row.get("Const");
    if !(id.starts_with("tt") && id.len() > 2 && id[2..].bytes().all(|b| b.is_ascii_digit())) {
        batch.error(
            file,
            Some(row.line),
            Some("Const"),
            format!("\"{id}\" is not an IMDb title id (tt followed by digits)"),
        );
        return;
    }
    let line = row.line;
    let Some(year) = batch.value(file, line, "Year", values::year(row.get("Year"))) else {
        return;
    };
    let Some(runtime) = batch.value(
        file,
        line,
        "Runtime (mins)",
        values::positive(row.get("Runtime (mins)")),
    ) else {
        return;
    };
    let Some(rating) = batch.value(
        file,
        line,
        "Your Rating",
        values::rating(row.get("Your Rating"), true),
    ) else {
        return;
    };
    let title = row.get("Title");
    let original = row.get("Original Title");
    let input = FilmInput {
        title: title.to_owned(),
        original_title: (!original.is_empty() && original != title).then(|| original.to_owned()),
        year,
        directors: values::names(row.get("Directors")),
        themes: Vec::new(),
        facts: None,
    };
    let Some(valid) = batch.film(file, line, &input, &column_of) else {
        return;
    };
    let mut record = FilmRecord::new(valid);
    record.external_ids.push(("imdb".to_owned(), id.to_owned()));
    record.runtime_minutes = runtime;
    record.rating = rating;
    record.status = if rating.is_some() {
        WatchStatus::Watched
    } else if is_watchlist {
        WatchStatus::Watchlist
    } else {
        WatchStatus::None
    };
    batch.push(record);
}
