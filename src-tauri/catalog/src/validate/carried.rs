//! Rules for what only files carry (credits of every role, external ids, runtimes, timestamps,
//! lists): the import preview and the commit both go through them.

use crate::field::Field;
use chrono::{Datelike, Utc};

use super::{
    check_length, check_visible, last_film_year, optional_name, FIRST_FILM_YEAR, MAX_NAME_CHARS,
};
use crate::error::{CatalogError, Result};
use crate::text::tidy;

/// Credits of every role on one film (a full cast and crew is a few hundred).
pub const MAX_CREDITS_PER_FILM: usize = 1_000;
/// External ids per film (imdb, tmdb, letterboxd... one or two of each).
pub const MAX_EXTERNAL_IDS_PER_FILM: usize = 50;
pub const MAX_EXTERNAL_SOURCE_CHARS: usize = 40;
/// As the catalog's schema allows (`external_ids.value`).
pub const MAX_EXTERNAL_ID_CHARS: usize = 500;
/// The longest films ever shown run some 860 hours; past this a runtime is a typo or garbage.
pub const MAX_RUNTIME_MINUTES: i64 = 60_000;
pub const MAX_LIST_NAME_CHARS: usize = 200;
pub const MAX_LIST_DESCRIPTION_CHARS: usize = 5_000;
pub const MAX_LIST_NOTE_CHARS: usize = 5_000;

/// A note on a film's place in a list: trimmed, bounded, no NUL; `None` when blank.
pub fn list_entry_note(note: Option<&str>) -> Result<Option<String>> {
    let Some(note) = note.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(None);
    };
    check_length(Field::Note, "A list note", note, MAX_LIST_NOTE_CHARS)?;
    if note.contains('\0') {
        return Err(CatalogError::invalid(
            Field::Note,
            "A list note cannot hold a NUL character.",
        ));
    }
    Ok(Some(note.to_owned()))
}

/// One person's name in a credit: tidied, not blank, bounded, visible.
pub fn person_name(field: Field, raw: &str) -> Result<String> {
    let name = tidy(raw);
    if name.is_empty() {
        return Err(CatalogError::invalid(field, "A credit needs a name."));
    }
    check_length(field, "Name", &name, MAX_NAME_CHARS)?;
    check_visible(field, "Name", &name)?;
    Ok(name)
}

/// How a person is credited on one film ("as Alan Smithee"), if at all.
pub fn credited_as(field: Field, raw: &Option<String>) -> Result<Option<String>> {
    optional_name(field, "Credited as", raw, MAX_NAME_CHARS)
}

/// `count` items of `what` on one film, at most `max`.
pub fn count_per_film(field: Field, what: &str, count: usize, max: usize) -> Result<()> {
    if count > max {
        return Err(CatalogError::invalid(
            field,
            format!("At most {max} {what} per film; got {count}."),
        ));
    }
    Ok(())
}

/// An id from another service, such as ("imdb", "tt0133093"): a short lower-case source name and
/// a bounded value of printable text.
pub fn external_id(source: &str, value: &str) -> Result<(String, String)> {
    let source = source.trim();
    let well_formed = source
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    if source.is_empty() || !well_formed {
        return Err(CatalogError::invalid(
            Field::Source,
            format!(
                "An id's source is a short lower-case name like \"imdb\"; \"{source}\" is not."
            ),
        ));
    }
    check_length(Field::Source, "Source", source, MAX_EXTERNAL_SOURCE_CHARS)?;
    let value = value.trim();
    if value.is_empty() || value.chars().any(char::is_control) {
        return Err(CatalogError::invalid(
            Field::Value,
            "An id is a non-empty value of printable characters.",
        ));
    }
    check_length(Field::Value, "Id", value, MAX_EXTERNAL_ID_CHARS)?;
    Ok((source.to_owned(), value.to_owned()))
}

/// A runtime in whole minutes, when given.
pub fn runtime(minutes: Option<i64>) -> Result<Option<i64>> {
    match minutes {
        Some(m) if !(1..=MAX_RUNTIME_MINUTES).contains(&m) => Err(CatalogError::invalid(
            Field::RuntimeMinutes,
            format!("A runtime is 1 to {MAX_RUNTIME_MINUTES} minutes; {m} is not."),
        )),
        _ => Ok(minutes),
    }
}

/// An ISO-8601 instant carried by a file (created, updated, deleted), in the catalog's stored
/// form; within cinema's lifetime (1870 to ten years from now), so charts over time stay bounded.
pub fn instant(field: Field, text: &str) -> Result<String> {
    let parsed = chrono::DateTime::parse_from_rfc3339(text.trim())
        .map_err(|_| {
            CatalogError::invalid(
                field,
                format!("\"{text}\" is not an ISO-8601 timestamp (like 2024-03-02T18:30:00Z)."),
            )
        })?
        .with_timezone(&Utc);
    let last = last_film_year();
    if !(FIRST_FILM_YEAR..=last).contains(&parsed.year()) {
        return Err(CatalogError::invalid(
            field,
            format!("The time {text} is out of range (years {FIRST_FILM_YEAR} to {last})."),
        ));
    }
    Ok(crate::time::to_text(parsed))
}

/// A list's name and description, as they will be stored.
pub fn list(name: &str, description: Option<&str>) -> Result<(String, Option<String>)> {
    let name = tidy(name);
    if name.is_empty() || name.chars().count() > MAX_LIST_NAME_CHARS {
        return Err(CatalogError::invalid(
            Field::Name,
            format!("A list name needs 1 to {MAX_LIST_NAME_CHARS} characters."),
        ));
    }
    check_visible(Field::Name, "List name", &name)?;
    let description = description.map(str::trim).filter(|d| !d.is_empty());
    if let Some(d) = description {
        check_length(
            Field::Description,
            "Description",
            d,
            MAX_LIST_DESCRIPTION_CHARS,
        )?;
        if d.contains('\0') {
            return Err(CatalogError::invalid(
                Field::Description,
                "A list description cannot hold a NUL character.",
            ));
        }
    }
    Ok((name, description.map(str::to_owned)))
}
