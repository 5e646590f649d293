//! Viewings: each time a person watched a film, kept one by one (never merged into a summary).

use rusqlite::{params, OptionalExtension, Row, Transaction};

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::films::{require_live, touch_film};
use crate::model::{Viewing, ViewingInput, WatchStatus};
use crate::time::{self, instant_at};
use crate::validate::{self, ValidViewing};

const VIEWING_SELECT: &str = "
    SELECT id, film_id, watched_on, rewatch, rating, place, note, created_at, updated_at FROM viewings";

impl Catalog {
    /// Logs a viewing. A film on the watchlist counts as watched from then on.
    pub fn add_viewing(&self, film_id: i64, input: &ViewingInput) -> Result<Viewing> {
        let valid = validate::viewing(input)?;
        self.write(|tx| {
            let id = insert_viewing(tx, film_id, &valid)?;
            viewing_by_id(tx, id)
        })
    }

    pub fn update_viewing(&self, id: i64, input: &ViewingInput) -> Result<Viewing> {
        let valid = validate::viewing(input)?;
        self.write(|tx| {
            let film_id = viewing_by_id(tx, id)?.film_id;
            require_live(tx, film_id)?;
            tx.execute(
                "UPDATE viewings SET watched_on = ?2, rewatch = ?3, rating = ?4, place = ?5, note = ?6, updated_at = ?7
                  WHERE id = ?1",
                params![
                    id,
                    time::date_to_text(valid.watched_on()),
                    valid.rewatch(),
                    valid.rating(),
                    valid.place(),
                    valid.note(),
                    time::to_text(time::now())
                ],
            )?;
            touch_film(tx, film_id)?;
            viewing_by_id(tx, id)
        })
    }

    pub fn delete_viewing(&self, id: i64) -> Result<()> {
        self.write(|tx| {
            let film_id = viewing_by_id(tx, id)?.film_id;
            require_live(tx, film_id)?;
            tx.execute("DELETE FROM viewings WHERE id = ?1", [id])?;
            touch_film(tx, film_id)
        })
    }

    /// A film's viewings, most recent first.
    pub fn list_viewings(&self, film_id: i64) -> Result<Vec<Viewing>> {
        self.read(|tx| {
            crate::films::film_by_id(tx, film_id)?;
            viewings_of(tx, film_id)
        })
    }
}

/// Logs a viewing of a live film inside the caller's transaction; the film counts as watched.
pub(crate) fn insert_viewing(tx: &Transaction, film_id: i64, valid: &ValidViewing) -> Result<i64> {
    require_live(tx, film_id)?;
    tx.prepare_cached(
        "INSERT INTO viewings (film_id, watched_on, rewatch, rating, place, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?
    .execute(params![
        film_id,
        time::date_to_text(valid.watched_on()),
        valid.rewatch(),
        valid.rating(),
        valid.place(),
        valid.note(),
        time::to_text(time::now())
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("UPDATE films SET watch_status = ?2 WHERE id = ?1")?
        .execute(params![film_id, WatchStatus::Watched.as_str()])?;
    touch_film(tx, film_id)?;
    Ok(id)
}

pub(crate) fn viewings_of(tx: &Transaction, film_id: i64) -> Result<Vec<Viewing>> {
    let mut stmt = tx.prepare_cached(&format!(
        "{VIEWING_SELECT} WHERE film_id = ?1 ORDER BY watched_on DESC, created_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([film_id], viewing_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn viewing_by_id(tx: &Transaction, id: i64) -> Result<Viewing> {
    tx.prepare_cached(&format!("{VIEWING_SELECT} WHERE id = ?1"))?
        .query_row([id], viewing_from_row)
        .optional()?
        .ok_or(CatalogError::NotFound {
            entity: "viewing",
            id,
        })
}

fn viewing_from_row(row: &Row) -> rusqlite::Result<Viewing> {
    Ok(Viewing {
        id: row.get(0)?,
        film_id: row.get(1)?,
        watched_on: time::optional_date_at(row, 2)?.unwrap_or_default(),
        rewatch: row.get(3)?,
        rating: row.get(4)?,
        place: row.get(5)?,
        note: row.get(6)?,
        created_at: instant_at(row, 7)?,
        updated_at: instant_at(row, 8)?,
    })
}
