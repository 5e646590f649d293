//! Timecoded notes: remarks pinned to a moment of a film, listed in the film's own order.

use crate::field::Field;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::films::{require_live, touch_film};
use crate::model::{Annotation, AnnotationInput};
use crate::time::{self, instant_at};

pub const MAX_ANNOTATION_CHARS: usize = 5_000;
const ANNOTATION_SELECT: &str =
    "SELECT id, film_id, at_seconds, body, created_at, updated_at FROM annotations";

impl Catalog {
    pub fn add_annotation(&self, film_id: i64, input: &AnnotationInput) -> Result<Annotation> {
        let (at_seconds, body) = validate(input)?;
        self.write(|tx| {
            let id = insert_annotation(tx, film_id, at_seconds, &body)?;
            annotation_by_id(tx, id)
        })
    }

    pub fn update_annotation(&self, id: i64, input: &AnnotationInput) -> Result<Annotation> {
        let (at_seconds, body) = validate(input)?;
        self.write(|tx| {
            let film_id = annotation_by_id(tx, id)?.film_id;
            require_live(tx, film_id)?;
            tx.execute(
                "UPDATE annotations SET at_seconds = ?2, body = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, at_seconds, body, time::to_text(time::now())],
            )?;
            touch_film(tx, film_id)?;
            annotation_by_id(tx, id)
        })
    }

    pub fn delete_annotation(&self, id: i64) -> Result<()> {
        self.write(|tx| {
            let film_id = annotation_by_id(tx, id)?.film_id;
            require_live(tx, film_id)?;
            tx.execute("DELETE FROM annotations WHERE id = ?1", [id])?;
            touch_film(tx, film_id)
        })
    }

    /// A film's timecoded notes, in the order of the film.
    pub fn list_annotations(&self, film_id: i64) -> Result<Vec<Annotation>> {
        self.read(|tx| {
            crate::films::film_by_id(tx, film_id)?;
            annotations_of(tx, film_id)
        })
    }
}

/// Pins a checked note to a live film inside the caller's transaction; returns its id.
pub(crate) fn insert_annotation(
    tx: &Transaction,
    film_id: i64,
    at_seconds: u32,
    body: &str,
) -> Result<i64> {
    require_live(tx, film_id)?;
    tx.prepare_cached(
        "INSERT INTO annotations (film_id, at_seconds, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
    )?
    .execute(params![film_id, at_seconds, body, time::to_text(time::now())])?;
    let id = tx.last_insert_rowid();
    touch_film(tx, film_id)?;
    Ok(id)
}

pub(crate) fn annotations_of(tx: &Transaction, film_id: i64) -> Result<Vec<Annotation>> {
    let mut stmt = tx.prepare_cached(&format!(
        "{ANNOTATION_SELECT} WHERE film_id = ?1 ORDER BY at_seconds, created_at, id"
    ))?;
    let rows = stmt.query_map([film_id], annotation_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn annotation_by_id(tx: &Transaction, id: i64) -> Result<Annotation> {
    tx.prepare_cached(&format!("{ANNOTATION_SELECT} WHERE id = ?1"))?
        .query_row([id], annotation_from_row)
        .optional()?
        .ok_or(CatalogError::NotFound {
            entity: "annotation",
            id,
        })
}

pub(crate) fn validate(input: &AnnotationInput) -> Result<(u32, String)> {
    let at = parse_timecode(&input.at).ok_or_else(|| {
        CatalogError::invalid(
            Field::At,
            format!(
                "\"{}\" is not a moment of a film: write it as HH:MM:SS, like 01:12:30.",
                input.at.trim()
            ),
        )
    })?;
    let body = input.body.trim().to_owned();
    if body.is_empty() {
        return Err(CatalogError::invalid(
            Field::Body,
            "The note is empty; write something first.",
        ));
    }
    let chars = body.chars().count();
    if chars > MAX_ANNOTATION_CHARS {
        return Err(CatalogError::invalid(
            Field::Body,
            format!("The note is too long: {chars} characters, at most {MAX_ANNOTATION_CHARS}."),
        ));
    }
    Ok((at, body))
}

/// Reads `HH:MM:SS`, `H:MM:SS` or `MM:SS` (minutes and seconds below 60, under 24 hours).
pub fn parse_timecode(text: &str) -> Option<u32> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (hours, minutes, seconds) = match numbers[..] {
        [m, s] => (0, m, s),
        [h, m, s] => (h, m, s),
        _ => return None,
    };
    (hours < 24 && minutes < 60 && seconds < 60).then_some(hours * 3600 + minutes * 60 + seconds)
}

pub fn format_timecode(seconds: u32) -> String {
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

fn annotation_from_row(row: &Row) -> rusqlite::Result<Annotation> {
    let at_seconds: u32 = row.get(2)?;
    Ok(Annotation {
        id: row.get(0)?,
        film_id: row.get(1)?,
        at: format_timecode(at_seconds),
        at_seconds,
        body: row.get(3)?,
        created_at: instant_at(row, 4)?,
        updated_at: instant_at(row, 5)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timecodes_are_read_in_their_usual_forms() {
        assert_eq!(parse_timecode("01:12:30"), Some(4350));
        assert_eq!(parse_timecode("1:12:30"), Some(4350));
        assert_eq!(parse_timecode(" 12:30 "), Some(750));
        assert_eq!(format_timecode(4350), "1:12:30");
    }

    #[test]
    fn things_that_are_not_timecodes_are_refused() {
        for bad in [
            "",
            "12",
            "1:60:00",
            "24:00:00",
            "1:2:3:4",
            "ab:cd",
            "-1:00",
            "1:5x",
            "001:00:00",
        ] {
            assert_eq!(parse_timecode(bad), None, "{bad}");
        }
    }
}
