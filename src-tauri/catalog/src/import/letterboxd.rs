//! Letterboxd's export ZIP: `watched.csv`, `watchlist.csv`, `ratings.csv`, `diary.csv`,
//! `reviews.csv` and `lists/*.csv`. Diary rows become viewings (rewatches kept), ratings the
//! film's rating, reviews reviews (HTML to Markdown), tags themes, the watchlist a status, lists
//! lists. Films are matched by name and year; the film URIs of watched/watchlist/ratings are
//! kept as external ids (diary and review URIs name the entry, not the film).

use crate::field::Field;
use std::path::Path;

use csv::StringRecord;

use crate::error::Result;
use crate::model::{FilmInput, ReviewInput, ReviewKind, ViewingInput, WatchStatus};
use crate::validate;

use super::record::{fatal, Batch, FilmRecord, ListRecord};
use super::table::{self, Row};
use super::{letterboxd_files, review_html, values};

pub fn read(path: &Path) -> Result<Batch> {
    let members = letterboxd_files::members(path)?;
    let mut batch = Batch::default();
    for (name, bytes) in members {
        let (text, encoding) = table::decode(&name, bytes)?;
        batch.encoding = batch.encoding.or(encoding);
        if letterboxd_files::is_list(&name) {
            read_list(&name, &text, &mut batch, false)?;
        } else {
            table::for_each_row(&name, &text, &["Name"], &mut batch, |batch, row| {
                read_row(&name, batch, row)
            })?;
        }
    }
    Ok(batch)
}

fn column_of(field: &str) -> String {
    match Field::parse(field) {
        Some(Field::Year) => "Year",
        Some(Field::Rating) => "Rating",
        Some(Field::WatchedOn) => "Watched Date",
        Some(Field::Body) => "Review",
        Some(Field::Themes) => "Tags",
        _ => "Name",
    }
    .to_owned()
}

/// The film a row names, with its tags as themes; None (and an error or skip) if unreadable.
fn film(file: &str, batch: &mut Batch, row: &Row) -> Option<FilmRecord> {
    if row.get("Name").is_empty() {
        batch.skip(file, Some(row.line), "no film name");
        return None;
    }
    let year = batch.value(file, row.line, "Year", values::year(row.get("Year")))?;
    let input = FilmInput {
        title: row.get("Name").to_owned(),
        year,
        themes: values::names(row.get("Tags")),
        ..FilmInput::default()
    };
    let valid = batch.film(file, row.line, &input, &column_of)?;
    Some(FilmRecord::new(valid))
}

fn read_row(file: &str, batch: &mut Batch, row: &Row) {
    let Some(mut record) = film(file, batch, row) else {
        return;
    };
    let uri = row.get("Letterboxd URI");
    let rating = match batch.value(
        file,
        row.line,
        "Rating",
        values::rating(row.get("Rating"), false),
    ) {
        Some(rating) => rating,
        None => return,
    };
    match file {
        "watched.csv" | "watchlist.csv" | "ratings.csv" => {
            if !uri.is_empty() {
                record
                    .external_ids
                    .push(("letterboxd".to_owned(), uri.to_owned()));
            }
            record.status = if file == "watchlist.csv" {
                WatchStatus::Watchlist
            } else {
                WatchStatus::Watched
            };
            record.rating = rating;
        }
        "diary.csv" => {
            let date = match row.get("Watched Date") {
                "" => row.get("Date"),
                date => date,
            };
            let input = ViewingInput {
                watched_on: date.to_owned(),
                rewatch: values::yes(row.get("Rewatch")),
                rating,
                ..ViewingInput::default()
            };
            match validate::viewing(&input) {
                Ok(viewing) => record.viewings.push((viewing, None)),
                Err(error) => return batch.invalid(file, row.line, error, &column_of),
            }
            record.status = WatchStatus::Watched;
        }
        _ => {
            let body = review_html::to_markdown(row.get("Review"));
            if body.is_empty() {
                batch.skip(file, Some(row.line), "the review is empty");
                return;
            }
            let input = ReviewInput {
                kind: ReviewKind::Review,
                published_on: Some(row.get("Date").to_owned()),
                rating,
                body,
                ..ReviewInput::default()
            };
            match validate::review(&input) {
                Ok(review) => record.reviews.push((review, None)),
                Err(error) => {
                    let column = |f: &str| {
                        if Field::parse(f) == Some(Field::PublishedOn) {
                            "Date".to_owned()
                        } else {
                            column_of(f)
                        }
                    };
                    return batch.invalid(file, row.line, error, &column);
                }
            }
            record.status = WatchStatus::Watched;
        }
    }
    batch.push(record);
}

/// A list file: a `Letterboxd list export vN` line, the list's own header and row, a blank
/// line, then a table of its films (`Position,Name,Year,URL,Description`). With `keep_urls`,
/// each film's URL is kept as its `letterboxd` id (following a list file matches by it); a full
/// import leaves it out, since the export's other files name films by another URL.
pub(super) fn read_list(file: &str, text: &str, batch: &mut Batch, keep_urls: bool) -> Result<()> {
    table::check_quotes(file, text, b',')?;
    let mut reader = table::reader(text, b',');
    let mut record = StringRecord::new();
    let mut next = |batch: &mut Batch, record: &mut StringRecord| loop {
        match table::next_record(&mut reader, record, file, batch) {
            None => return None,
            Some(Ok(line)) => return Some(line),
            Some(Err(())) => continue,
        }
    };
    let first = next(batch, &mut record);
    if first.is_none()
        || !record
            .get(0)
            .unwrap_or("")
            .starts_with("Letterboxd list export")
    {
        return Err(fatal(
            file,
            Some(1),
            "not a Letterboxd list: the first line should be \"Letterboxd list export v7\"",
        ));
    }
    next(batch, &mut record).ok_or_else(|| fatal(file, Some(2), "the list's header is missing"))?;
    let list_header = table::Header::new(&record);
    list_header.require(file, &["Name"])?;
    let line = next(batch, &mut record)
        .ok_or_else(|| fatal(file, Some(3), "the list's name is missing"))?;
    let row = Row {
        line,
        record: &record,
        header: &list_header,
    };
    let mut list = ListRecord {
        name: row.get("Name").to_owned(),
        description: Some(row.get("Description").to_owned()).filter(|d| !d.is_empty()),
        ..ListRecord::default()
    };
    if list.name.is_empty() {
        return Err(fatal(file, Some(line), "the list has no name"));
    }
    let Some(_) = next(batch, &mut record) else {
        batch.lists.push(list);
        return Ok(());
    };
    let films_header = table::Header::new(&record);
    films_header.require(file, &["Name", "Year"])?;
    while let Some(line) = next(batch, &mut record) {
        batch.rows += 1;
        let row = Row {
            line,
            record: &record,
            header: &films_header,
        };
        if let Some(mut film) = film(file, batch, &row) {
            let url = row.get("URL");
            if keep_urls && !url.is_empty() {
                film.external_ids
                    .push(("letterboxd".to_owned(), url.to_owned()));
            }
            let note = Some(row.get("Description").to_owned()).filter(|d| !d.is_empty());
            let index = batch.push(film);
            list.entries.push((index, note));
        }
    }
    batch.lists.push(list);
    Ok(())
}
