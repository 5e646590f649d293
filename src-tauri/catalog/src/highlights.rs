//! Highlights and margin notes: passages marked in a review, note or saved article, each with an
//! optional note. A highlight is anchored by its quote and the text around it (see
//! [`anchor`]), so it survives edits elsewhere in the review; when an edit removes its quote it
//! is kept and flagged orphaned, never deleted silently.

pub(crate) mod anchor;

use crate::field::Field;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::films::{require_live, touch_film};
use crate::model::{Highlight, HighlightInput};
use crate::time::{self, instant_at};
use crate::validate::{
    highlight_note as valid_note, highlight_quote as valid_quote, CarriedHighlight,
};
use anchor::Anchor;

const HIGHLIGHT_SELECT: &str = "
    SELECT h.id, h.review_id, r.film_id, h.quote, h.prefix, h.suffix, h.start_offset, h.note,
           h.orphaned, h.created_at, h.updated_at
      FROM highlights h JOIN reviews r ON r.id = h.review_id";
/// Text order: placed highlights by where they start, the orphaned ones after them.
const TEXT_ORDER: &str = "ORDER BY h.orphaned, h.start_offset, h.id";

impl Catalog {
    /// Marks a passage of a review. The quote must occur in the review's text (compared with
    /// whitespace collapsed); `input.near` picks among repeated occurrences.
    pub fn add_highlight(&self, review_id: i64, input: &HighlightInput) -> Result<Highlight> {
        let quote = valid_quote(&input.quote)?;
        let note = valid_note(input.note.as_deref())?;
        self.write(|tx| {
            let (film_id, body) = review_of(tx, review_id)?;
            require_live(tx, film_id)?;
            let text = anchor::reading_text(&body);
            let near = input.near.map(|n| n as usize);
            let placed = anchor::locate(&text, &quote, near).ok_or_else(|| {
                CatalogError::invalid(
                    Field::Quote,
                    format!(
                        "\"{}\" is not in the text of review {review_id}.",
                        shorten(&quote)
                    ),
                )
            })?;
            let id = insert_highlight(tx, review_id, &placed, false, note.as_deref())?;
            touch_film(tx, film_id)?;
            highlight_by_id(tx, id)
        })
    }

    /// A review's highlights in text order, the orphaned ones last.
    pub fn list_highlights(&self, review_id: i64) -> Result<Vec<Highlight>> {
        self.read(|tx| {
            review_of(tx, review_id)?;
            let mut stmt = tx.prepare_cached(&format!(
                "{HIGHLIGHT_SELECT} WHERE h.review_id = ?1 {TEXT_ORDER}"
            ))?;
            let rows = stmt.query_map([review_id], highlight_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Every highlight of a film's reviews, review by review (oldest first) in text order: the
    /// film page's list.
    pub fn list_film_highlights(&self, film_id: i64) -> Result<Vec<Highlight>> {
        self.read(|tx| {
            crate::films::film_by_id(tx, film_id)?;
            let mut stmt = tx.prepare_cached(&format!(
                "{HIGHLIGHT_SELECT} WHERE r.film_id = ?1
                  ORDER BY r.created_at, r.id, h.orphaned, h.start_offset, h.id"
            ))?;
            let rows = stmt.query_map([film_id], highlight_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Writes, replaces or (with `None` or blank text) removes a highlight's note.
    pub fn update_highlight_note(&self, id: i64, note: Option<&str>) -> Result<Highlight> {
        let note = valid_note(note)?;
        self.write(|tx| {
            let film_id = highlight_by_id(tx, id)?.film_id;
            require_live(tx, film_id)?;
            tx.execute(
                "UPDATE highlights SET note = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, note, time::to_text(time::now())],
            )?;
            touch_film(tx, film_id)?;
            highlight_by_id(tx, id)
        })
    }

    pub fn delete_highlight(&self, id: i64) -> Result<()> {
        self.write(|tx| {
            let film_id = highlight_by_id(tx, id)?.film_id;
            require_live(tx, film_id)?;
            tx.execute("DELETE FROM highlights WHERE id = ?1", [id])?;
            touch_film(tx, film_id)
        })
    }
}

/// Stores a placed highlight inside the caller's transaction; returns its id.
pub(crate) fn insert_highlight(
    tx: &Transaction,
    review_id: i64,
    placed: &Anchor,
    orphaned: bool,
    note: Option<&str>,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO highlights (review_id, quote, prefix, suffix, start_offset, orphaned, note,
                                 created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        review_id,
        placed.quote,
        placed.prefix,
        placed.suffix,
        placed.start as i64,
        orphaned,
        note,
        time::to_text(time::now())
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Writes the highlights an export carried on a review just written (by an import), placed in
/// its body by their quote and context, orphaned when the quote is not there; their timestamps
/// are kept. Returns their ids, for the search index.
pub(crate) fn insert_carried(
    tx: &Transaction,
    review_id: i64,
    body: &str,
    carried: &[CarriedHighlight],
) -> Result<Vec<i64>> {
    if carried.is_empty() {
        return Ok(Vec::new());
    }
    let text = anchor::reading_text(body);
    let mut ids = Vec::with_capacity(carried.len());
    for h in carried {
        let stored = Anchor {
            quote: h.quote.clone(),
            prefix: h.prefix.clone(),
            suffix: h.suffix.clone(),
            start: h.start as usize,
        };
        let id = match anchor::reanchor(&text, &stored) {
            Some(placed) => insert_highlight(tx, review_id, &placed, false, h.note.as_deref())?,
            None => insert_highlight(tx, review_id, &stored, true, h.note.as_deref())?,
        };
        tx.prepare_cached("UPDATE highlights SET created_at = ?2, updated_at = ?3 WHERE id = ?1")?
            .execute(params![id, h.created_at, h.updated_at])?;
        ids.push(id);
    }
    Ok(ids)
}

/// A quote short enough for an error line.
fn shorten(quote: &str) -> String {
    const SHOWN: usize = 60;
    if quote.chars().count() <= SHOWN {
        return quote.to_owned();
    }
    let head: String = quote.chars().take(SHOWN).collect();
    format!("{head}…")
}

/// The film and body of a review, or `NotFound`.
fn review_of(tx: &Transaction, review_id: i64) -> Result<(i64, String)> {
    tx.prepare_cached("SELECT film_id, body FROM reviews WHERE id = ?1")?
        .query_row([review_id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?
        .ok_or(CatalogError::NotFound {
            entity: "review",
            id: review_id,
        })
}

fn highlight_by_id(tx: &Transaction, id: i64) -> Result<Highlight> {
    tx.prepare_cached(&format!("{HIGHLIGHT_SELECT} WHERE h.id = ?1"))?
        .query_row([id], highlight_from_row)
        .optional()?
        .ok_or(CatalogError::NotFound {
            entity: "highlight",
            id,
        })
}

fn highlight_from_row(row: &Row) -> rusqlite::Result<Highlight> {
    Ok(Highlight {
        id: row.get(0)?,
        review_id: row.get(1)?,
        film_id: row.get(2)?,
        quote: row.get(3)?,
        prefix: row.get(4)?,
        suffix: row.get(5)?,
        start: row.get(6)?,
        note: row.get(7)?,
        orphaned: row.get(8)?,
        created_at: instant_at(row, 9)?,
        updated_at: instant_at(row, 10)?,
    })
}
