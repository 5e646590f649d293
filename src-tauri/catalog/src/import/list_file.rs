//! Reading a list file to follow (not to import): a Letterboxd list export, or any CSV with a
//! title column and, optionally, year, directors, IMDb / TMDB id and Letterboxd URL columns.
//! Each row becomes the film it names and the ids it carries; nothing here touches the catalog.
//! The parsing is the importers' own (encoding, quotes, Letterboxd's list layout, the generic
//! CSV's header names).

use std::path::Path;

use crate::error::Result;
use crate::model::FilmInput;
use crate::validate::ValidFilm;

use super::csv_generic::{auto_field, CsvField};
use super::record::{fatal, Batch};
use super::table::{self, Row};
use super::{letterboxd, values};

/// A list file as read: its name (the Letterboxd list's own, else the file's stem) and rows.
#[derive(Debug)]
pub struct ListFile {
    pub name: String,
    pub description: Option<String>,
    /// The rows with a title (a row without one is passed over, as the importers do).
    pub rows: Vec<ListFileRow>,
}

/// One film of a list file, in file order.
#[derive(Debug, Clone)]
pub struct ListFileRow {
    pub film: ValidFilm,
    /// (source, value): `imdb`, `tmdb`, `letterboxd`, best first.
    pub ids: Vec<(String, String)>,
    pub note: Option<String>,
}

/// The id a column header names, beyond the generic CSV's fields: TMDB and Letterboxd.
fn id_source(header: &str) -> Option<&'static str> {
    let key = header.trim().to_lowercase().replace(['_', '-'], " ");
    match key.as_str() {
        "tmdb id" | "tmdb" | "tmdbid" | "themoviedb id" => Some("tmdb"),
        "letterboxd uri" | "letterboxd url" | "letterboxd" => Some("letterboxd"),
        _ => None,
    }
}

/// Reads `path` as a list to follow; any unreadable row refuses the whole file, naming the file,
/// the line and the column.
pub fn read(path: &Path) -> Result<ListFile> {
    let file = table::file_label(path);
    let (text, _) = table::decode(&file, table::read_file(path)?)?;
    let mut batch = Batch::default();
    let list = if text
        .trim_start_matches('\u{feff}')
        .starts_with("Letterboxd list export")
    {
        from_letterboxd(&file, &text, &mut batch)?
    } else {
        from_csv(&file, path, &text, &mut batch)?
    };
    if let Some(refusal) = batch.refusal("followed") {
        return Err(refusal);
    }
    Ok(list)
}

fn from_letterboxd(file: &str, text: &str, batch: &mut Batch) -> Result<ListFile> {
    letterboxd::read_list(file, text, batch, true)?;
    let list = batch
        .lists
        .pop()
        .ok_or_else(|| fatal(file, Some(1), "the file holds no list"))?;
    let rows = list
        .entries
        .into_iter()
        .filter_map(|(index, note)| {
            let record = batch.films.get(index)?;
            Some(ListFileRow {
                film: record.film.clone(),
                ids: record.external_ids.clone(),
                note,
            })
        })
        .collect();
    Ok(ListFile {
        name: list.name,
        description: list.description,
        rows,
    })
}

fn from_csv(file: &str, path: &Path, text: &str, batch: &mut Batch) -> Result<ListFile> {
    let mut rows = Vec::new();
    let header = table::for_each_row_separated(
        file,
        text,
        table::sniff_delimiter(text),
        &[],
        batch,
        |batch, row| {
            if let Some(read) = csv_row(file, batch, row) {
                rows.push(read);
            }
        },
    )?;
    if !header
        .names
        .iter()
        .any(|name| auto_field(name) == CsvField::Title)
    {
        return Err(fatal(
            file,
            Some(1),
            format!(
                "no column holds the title (columns: {}); name one \"Title\" or \"Name\"",
                header.names.join(", ")
            ),
        ));
    }
    let name = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_owned());
    Ok(ListFile {
        name,
        description: None,
        rows,
    })
}

/// The first column of this row's header that `wanted` accepts, and its value ("" when absent).
fn column<'a>(row: &'a Row, wanted: impl Fn(&str) -> bool) -> (&'a str, &'a str) {
    row.header
        .names
        .iter()
        .find(|name| wanted(name))
        .map(|name| (name.as_str(), row.get(name)))
        .unwrap_or(("", ""))
}

fn csv_row(file: &str, batch: &mut Batch, row: &Row) -> Option<ListFileRow> {
    let field = |field: CsvField| column(row, move |name| auto_field(name) == field);
    let (title_column, title) = field(CsvField::Title);
    if title.is_empty() {
        batch.skip(file, Some(row.line), "no title");
        return None;
    }
    let (year_column, year) = field(CsvField::Year);
    let year = batch.value(file, row.line, year_column, values::year(year))?;
    let (directors_column, directors) = field(CsvField::Directors);
    let input = FilmInput {
        title: title.to_owned(),
        year,
        directors: values::names(directors),
        ..FilmInput::default()
    };
    let column_of = |f: &str| {
        match f {
            "year" => year_column,
            "directors" => directors_column,
            _ => title_column,
        }
        .to_owned()
    };
    let film = batch.film(file, row.line, &input, &column_of)?;
    let mut ids = Vec::new();
    let (imdb_column, imdb) = field(CsvField::ImdbId);
    let tmdb = column(row, |name| id_source(name) == Some("tmdb"));
    let letterboxd = column(row, |name| id_source(name) == Some("letterboxd"));
    for (source, (column, text)) in [
        ("imdb", (imdb_column, imdb)),
        ("tmdb", tmdb),
        ("letterboxd", letterboxd),
    ] {
        if text.is_empty() {
            continue;
        }
        let id = batch.value(file, row.line, column, id_value(source, text))?;
        ids.push((source.to_owned(), id));
    }
    let (_, note) = column(row, |name| {
        auto_field(name) == CsvField::Note || name.eq_ignore_ascii_case("description")
    });
    Some(ListFileRow {
        film,
        ids,
        note: Some(note.to_owned()).filter(|n| !n.is_empty()),
    })
}

/// The id `text` gives for `source`: an IMDb id (`tt…`, also inside an IMDb URL), a TMDB number,
/// or a Letterboxd URL, as the catalog stores them.
fn id_value(source: &str, text: &str) -> std::result::Result<String, String> {
    let found = match source {
        "imdb" => text.match_indices("tt").find_map(|(at, _)| {
            let digits: String = text[at + 2..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            (!digits.is_empty()).then(|| format!("tt{digits}"))
        }),
        "tmdb" => text
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| text.to_owned()),
        _ => {
            (text.contains("letterboxd.com/") || text.contains("boxd.it/")).then(|| text.to_owned())
        }
    };
    let what = match source {
        "imdb" => "an IMDb id (tt…)",
        "tmdb" => "a TMDB id (a number)",
        _ => "a Letterboxd URL",
    };
    found
        .filter(|id| id.chars().count() <= 500)
        .ok_or_else(|| format!("\"{text}\" is not {what}"))
}
