//! Any CSV with a header row: each column is mapped to a catalog field, guessed from its header
//! and overridable by the person (the UI's mapping editor, the CLI's `--map column=field`).

use crate::field::Field;
use crate::string_enum::string_enum;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::model::{FilmInput, ReviewInput, ReviewKind, ViewingInput, WatchStatus};
use crate::validate;

use super::record::{fatal, Batch, FilmRecord};
use super::table::{self, Row};
use super::{values, ColumnMapping, ImportOptions};

/// The catalog field a CSV column fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CsvField {
    Ignore,
    Title,
    OriginalTitle,
    Year,
    Directors,
    Themes,
    /// 0.5 to 5 in halves.
    Rating,
    RuntimeMinutes,
    /// none, watchlist or watched.
    WatchStatus,
    /// A viewing's date, YYYY-MM-DD.
    WatchedOn,
    Rewatch,
    Review,
    Note,
    ImdbId,
}

string_enum!(CsvField {
    Ignore => "ignore",
    Title => "title",
    OriginalTitle => "originalTitle",
    Year => "year",
    Directors => "directors",
    Themes => "themes",
    Rating => "rating",
    RuntimeMinutes => "runtimeMinutes",
    WatchStatus => "watchStatus",
    WatchedOn => "watchedOn",
    Rewatch => "rewatch",
    Review => "review",
    Note => "note",
    ImdbId => "imdbId",
});

/// The field a column header suggests, or `Ignore`. Besides English, the headers French,
/// German, Spanish and Italian spreadsheets commonly use are recognised.
pub fn auto_field(header: &str) -> CsvField {
    let key: String = header.trim().to_lowercase().replace(['_', '-'], " ");
    match key.as_str() {
        "title" | "name" | "film" | "movie" | "film title" | "movie title" | "primarytitle"
        | "primary title" | "titre" | "titel" | "título" | "titulo" | "titolo" => CsvField::Title,
        "original title" | "originaltitle" | "original name" | "titre original"
        | "originaltitel" | "título original" | "titulo original" | "titolo originale" => {
            CsvField::OriginalTitle
        }
        "year" | "release year" | "startyear" | "start year" | "année" | "annee" | "jahr"
        | "año" | "ano" | "anno" => CsvField::Year,
        "director" | "directors" | "directed by" | "director(s)" | "réalisateur"
        | "réalisateurs" | "realisateur" | "réalisation" | "regie" | "regisseur" | "dirección"
        | "direccion" | "regista" | "regia" => CsvField::Directors,
        "theme" | "themes" | "tags" | "genre" | "genres" | "keywords" | "thème" | "thèmes"
        | "categories" | "category" | "género" | "genero" | "generi" => CsvField::Themes,
        "rating" | "my rating" | "stars" => CsvField::Rating,
        "runtime" | "runtime (mins)" | "runtime (minutes)" | "minutes" | "length" | "duration"
        | "running time" | "durée" | "duree" | "laufzeit" | "dauer" | "duración" | "durata" => {
            CsvField::RuntimeMinutes
        }
        "status" | "watch status" => CsvField::WatchStatus,
        "watched date" | "watched on" | "date watched" | "watched" | "seen on" | "viewed on"
        | "date viewed" => CsvField::WatchedOn,
        "rewatch" => CsvField::Rewatch,
        "review" | "my review" | "critique" => CsvField::Review,
        "note" | "notes" | "comment" | "comments" | "commentaire" | "commentaires" => {
            CsvField::Note
        }
        "imdb id" | "imdb" | "imdbid" | "const" | "tconst" => CsvField::ImdbId,
        _ => CsvField::Ignore,
    }
}

pub fn read(path: &Path, options: &ImportOptions) -> Result<Batch> {
    let file = table::file_label(path);
    let bytes = table::read_file(path)?;
    let (text, encoding) = table::decode(&file, bytes)?;
    let mut batch = Batch {
        encoding,
        ..Batch::default()
    };
    let mut mapping: Option<Vec<(String, CsvField)>> = None;
    // Spreadsheets save "CSV" with semicolons in many locales, and tab-separated files are common.
    let delimiter = table::sniff_delimiter(&text);
    let header =
        table::for_each_row_separated(&file, &text, delimiter, &[], &mut batch, |batch, row| {
            let mapping = mapping.get_or_insert_with(|| map_columns(&row.header.names, options));
            read_row(&file, batch, row, mapping)
        })?;
    let mapping = mapping.unwrap_or_else(|| map_columns(&header.names, options));
    batch.columns = mapping
        .iter()
        .map(|(column, field)| ColumnMapping {
            column: column.clone(),
            field: *field,
        })
        .collect();
    if !mapping.iter().any(|(_, f)| *f == CsvField::Title) {
        return Err(fatal(
            &file,
            Some(1),
            format!(
                "no column is mapped to the title (columns: {}); map one, e.g. --map \"{}=title\"",
                header.names.join(", "),
                header.names.first().map(String::as_str).unwrap_or("Name")
            ),
        ));
    }
    Ok(batch)
}

fn map_columns(names: &[String], options: &ImportOptions) -> Vec<(String, CsvField)> {
    names
        .iter()
        .map(|name| {
            let field = options
                .columns
                .iter()
                .find(|m| m.column.eq_ignore_ascii_case(name))
                .map(|m| m.field)
                .unwrap_or_else(|| auto_field(name));
            (name.clone(), field)
        })
        .collect()
}

fn read_row(file: &str, batch: &mut Batch, row: &Row, mapping: &[(String, CsvField)]) {
    let get = |field: CsvField| {
        mapping
            .iter()
            .find(|(_, f)| *f == field)
            .map(|(column, _)| (column.as_str(), row.get(column)))
            .unwrap_or(("", ""))
    };
    let column_of = |field: &str| {
        let wanted = match Field::parse(field) {
            Some(Field::OriginalTitle) => CsvField::OriginalTitle,
            Some(Field::Year) => CsvField::Year,
            Some(Field::Directors) => CsvField::Directors,
            Some(Field::Themes) => CsvField::Themes,
            Some(Field::Rating) => CsvField::Rating,
            Some(Field::WatchedOn) => CsvField::WatchedOn,
            Some(Field::Body) => CsvField::Review,
            _ => CsvField::Title,
        };
        get(wanted).0.to_owned()
    };
    let line = row.line;
    if get(CsvField::Title).1.is_empty() {
        batch.skip(file, Some(line), "no title");
        return;
    }
    let (col, text) = get(CsvField::Year);
    let Some(year) = batch.value(file, line, col, values::year(text)) else {
        return;
    };
    let (col, text) = get(CsvField::Rating);
    let Some(rating) = batch.value(file, line, col, values::rating(text, false)) else {
        return;
    };
    let (col, text) = get(CsvField::RuntimeMinutes);
    let Some(runtime) = batch.value(file, line, col, values::positive(text)) else {
        return;
    };
    let (col, text) = get(CsvField::WatchStatus);
    let Some(status) = batch.value(file, line, col, status(text)) else {
        return;
    };
    let input = FilmInput {
        title: get(CsvField::Title).1.to_owned(),
        original_title: Some(get(CsvField::OriginalTitle).1.to_owned()),
        year,
        directors: values::names(get(CsvField::Directors).1),
        themes: values::names(get(CsvField::Themes).1),
        facts: None,
    };
    let Some(valid) = batch.film(file, line, &input, &column_of) else {
        return;
    };
    let mut record = FilmRecord::new(valid);
    record.rating = rating;
    record.runtime_minutes = runtime;
    record.status = status;
    let imdb = get(CsvField::ImdbId).1;
    if !imdb.is_empty() {
        record
            .external_ids
            .push(("imdb".to_owned(), imdb.to_owned()));
    }
    let watched = get(CsvField::WatchedOn).1;
    if !watched.is_empty() {
        let input = ViewingInput {
            watched_on: watched.to_owned(),
            rewatch: values::yes(get(CsvField::Rewatch).1),
            ..ViewingInput::default()
        };
        match validate::viewing(&input) {
            Ok(viewing) => record.viewings.push((viewing, None)),
            Err(error) => return batch.invalid(file, line, error, &column_of),
        }
    }
    for (field, kind) in [
        (CsvField::Review, ReviewKind::Review),
        (CsvField::Note, ReviewKind::Note),
    ] {
        let body = get(field).1;
        if body.is_empty() {
            continue;
        }
        let input = ReviewInput {
            kind,
            body: body.to_owned(),
            ..ReviewInput::default()
        };
        match validate::review(&input) {
            Ok(review) => record.reviews.push((review, None)),
            Err(error) => {
                let column = get(field).0.to_owned();
                return batch.invalid(file, line, error, &|_| column.clone());
            }
        }
    }
    batch.push(record);
}

fn status(text: &str) -> Result<WatchStatus, String> {
    match text.to_lowercase().as_str() {
        "" | "none" => Ok(WatchStatus::None),
        "watchlist" | "to watch" | "want to watch" => Ok(WatchStatus::Watchlist),
        "watched" | "seen" => Ok(WatchStatus::Watched),
        _ => Err(format!(
            "\"{text}\" is not a watch status (none, watchlist or watched)"
        )),
    }
}
