//! The rules a film or review must follow before it is stored; each failure names its field.

use crate::field::Field;
use chrono::{Datelike, NaiveDate, Utc};

use crate::error::{CatalogError, Result};
use crate::model::{FilmInput, ReviewInput, ReviewKind, ViewingInput};
use crate::text::{fold, tidy};

mod carried;
mod facts;
mod highlights;
mod valid;
mod visible;

pub use carried::*;
pub use facts::*;
pub use highlights::*;
pub use visible::check_visible;

pub const MAX_TITLE_CHARS: usize = 500;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_THEME_CHARS: usize = 100;
pub const MAX_NAMES_PER_FILM: usize = 100;
pub const MAX_REVIEW_BODY_CHARS: usize = 1_000_000;
pub const MAX_URL_CHARS: usize = 2_000;
pub const MAX_VIEWING_NOTE_CHARS: usize = 2_000;
pub const FIRST_FILM_YEAR: i32 = 1870;

/// The latest year a film may have: this year plus ten, for announced films.
pub fn last_film_year() -> i32 {
    Utc::now().year() + 10
}

/// A film input that passed validation, in the exact form it will be stored. Only [`film`] builds
/// one; the fields are read through `validate/valid.rs`.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidFilm {
    title: String,
    original_title: Option<String>,
    year: Option<i32>,
    directors: Vec<String>,
    themes: Vec<String>,
    /// `None` keeps a film's facts as they are.
    facts: Option<ValidFacts>,
}

pub fn film(input: &FilmInput) -> Result<ValidFilm> {
    let title = tidy(&input.title);
    if title.is_empty() {
        return Err(CatalogError::invalid(Field::Title, "A film needs a title."));
    }
    check_length(Field::Title, "Title", &title, MAX_TITLE_CHARS)?;
    check_visible(Field::Title, "Title", &title)?;
    let original_title = optional_name(
        Field::OriginalTitle,
        "Original title",
        &input.original_title,
        MAX_TITLE_CHARS,
    )?;
    if let Some(year) = input.year {
        let last = last_film_year();
        if !(FIRST_FILM_YEAR..=last).contains(&year) {
            return Err(CatalogError::invalid(
                Field::Year,
                format!("Year must be between {FIRST_FILM_YEAR} and {last}; {year} is not."),
            ));
        }
    }
    Ok(ValidFilm {
        title,
        original_title,
        year: input.year,
        directors: names(
            Field::Directors,
            "Director name",
            &input.directors,
            MAX_NAME_CHARS,
        )?,
        themes: names(Field::Themes, "Theme", &input.themes, MAX_THEME_CHARS)?,
        facts: input.facts.as_ref().map(facts).transpose()?,
    })
}

/// A review input that passed validation, in the exact form it will be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidReview {
    kind: ReviewKind,
    title: Option<String>,
    author: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published_on: Option<NaiveDate>,
    rating: Option<f64>,
    spoiler: bool,
    body: String,
    /// What a Cinedex export carries on the review; empty from every other source.
    highlights: Vec<CarriedHighlight>,
}

pub fn review(input: &ReviewInput) -> Result<ValidReview> {
    let body = input.body.trim().to_owned();
    if body.is_empty() {
        return Err(CatalogError::invalid(
            Field::Body,
            "The text is empty; write something first.",
        ));
    }
    check_length(Field::Body, "Text", &body, MAX_REVIEW_BODY_CHARS)?;
    Ok(ValidReview {
        kind: input.kind,
        title: optional_text(Field::Title, "Title", &input.title, MAX_TITLE_CHARS)?,
        author: optional_name(Field::Author, "Author", &input.author, MAX_NAME_CHARS)?,
        source: optional_text(Field::Source, "Source", &input.source, MAX_TITLE_CHARS)?,
        url: web_address(&input.url)?,
        published_on: date(Field::PublishedOn, "Publication date", &input.published_on)?,
        rating: rating(input.rating)?,
        spoiler: input.spoiler,
        body,
        highlights: Vec::new(),
    })
}

/// A viewing input that passed validation, in the exact form it will be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidViewing {
    watched_on: NaiveDate,
    rewatch: bool,
    rating: Option<f64>,
    place: Option<String>,
    note: Option<String>,
}

pub fn viewing(input: &ViewingInput) -> Result<ValidViewing> {
    let watched_on = date(
        Field::WatchedOn,
        "The date watched",
        &Some(input.watched_on.clone()),
    )?
    .ok_or_else(|| {
        CatalogError::invalid(
            Field::WatchedOn,
            "When did you watch it? The date is required.",
        )
    })?;
    let today = chrono::Local::now().date_naive();
    if watched_on > today {
        return Err(CatalogError::invalid(
            Field::WatchedOn,
            format!("The date watched, {watched_on}, is in the future."),
        ));
    }
    Ok(ValidViewing {
        watched_on,
        rewatch: input.rewatch,
        rating: rating(input.rating)?,
        place: optional_text(Field::Place, "Place", &input.place, MAX_NAME_CHARS)?,
        note: optional_text(Field::Note, "Note", &input.note, MAX_VIEWING_NOTE_CHARS)?,
    })
}

/// A rating from 0.5 to 5 in steps of a half, as on Letterboxd.
pub fn rating(value: Option<f64>) -> Result<Option<f64>> {
    match value {
        None => Ok(None),
        Some(r) if (0.5..=5.0).contains(&r) && (r * 2.0).fract() == 0.0 => Ok(Some(r)),
        Some(r) => Err(CatalogError::invalid(
            Field::Rating,
            format!("A rating goes from 0.5 to 5 in halves (like 3.5); {r} is not one."),
        )),
    }
}

/// Parses a `YYYY-MM-DD` calendar date; empty means none.
pub fn date(field: Field, label: &str, text: &Option<String>) -> Result<Option<NaiveDate>> {
    let Some(text) = text.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        CatalogError::invalid(
            field,
            format!("{label} must be a real date written YYYY-MM-DD; \"{text}\" is not."),
        )
    })?;
    if !(1800..=9999).contains(&parsed.year()) {
        return Err(CatalogError::invalid(
            field,
            format!("{label} {text} is out of range (years 1800 to 9999)."),
        ));
    }
    Ok(Some(parsed))
}

/// A link a person clicked in a review, checked before it is handed to the system browser:
/// only web and mail addresses, never files or other programs' schemes.
pub fn link_to_open(text: &str) -> Result<String> {
    match url::Url::parse(text.trim()) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https" | "mailto") => {
            Ok(parsed.to_string())
        }
        _ => Err(CatalogError::invalid(
            Field::Url,
            format!(
                "Only web and mail links are opened; \"{}\" is not one.",
                text.trim()
            ),
        )),
    }
}

fn web_address(text: &Option<String>) -> Result<Option<String>> {
    let Some(text) = text.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    check_length(Field::Url, "URL", text, MAX_URL_CHARS)?;
    match url::Url::parse(text) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => Ok(Some(parsed.to_string())),
        _ => Err(CatalogError::invalid(
            Field::Url,
            format!(
                "URL must be a web address starting with http:// or https://; \"{text}\" is not."
            ),
        )),
    }
}

fn optional_text(
    field: Field,
    label: &str,
    text: &Option<String>,
    max: usize,
) -> Result<Option<String>> {
    let tidied = text.as_deref().map(tidy).filter(|t| !t.is_empty());
    if let Some(value) = &tidied {
        check_length(field, label, value, max)?;
    }
    Ok(tidied)
}

/// [`optional_text`] for a title or a name, which must also show what it holds.
pub(crate) fn optional_name(
    field: Field,
    label: &str,
    text: &Option<String>,
    max: usize,
) -> Result<Option<String>> {
    let tidied = optional_text(field, label, text, max)?;
    if let Some(value) = &tidied {
        check_visible(field, label, value)?;
    }
    Ok(tidied)
}

/// Tidies a list of names, drops blanks and keeps the first spelling of names equal but for case
/// and accents.
pub(crate) fn names(field: Field, label: &str, raw: &[String], max: usize) -> Result<Vec<String>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for name in raw.iter().map(|n| tidy(n)).filter(|n| !n.is_empty()) {
        check_length(field, label, &name, max)?;
        check_visible(field, label, &name)?;
        if seen.insert(fold(&name)) {
            out.push(name);
        }
    }
    if out.len() > MAX_NAMES_PER_FILM {
        return Err(CatalogError::invalid(
            field,
            format!(
                "At most {MAX_NAMES_PER_FILM} {field} per film; got {}.",
                out.len()
            ),
        ));
    }
    Ok(out)
}

pub(crate) fn check_length(field: Field, label: &str, text: &str, max: usize) -> Result<()> {
    let chars = text.chars().count();
    if chars > max {
        return Err(CatalogError::invalid(
            field,
            format!("{label} is too long: {chars} characters, at most {max}."),
        ));
    }
    Ok(())
}
