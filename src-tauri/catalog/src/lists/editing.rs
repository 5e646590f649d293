//! Editing lists by hand: creating one, renaming it (names stay unique regardless of case and
//! accents), moving an entry, and the note on an entry. Entries, real or ghost, are named by
//! their position in the list.

use crate::field::Field;
use rusqlite::{params, OptionalExtension, Transaction};

use super::{list_detail, FilmList, FilmListDetail, LIST_SELECT};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::text::fold;
use crate::time;

/// One place in a list: a film of the catalog, or a ghost (source, value).
enum Place {
    Film(i64),
    Ghost(String, String),
}

impl Catalog {
    /// A new, empty list. Refused when a list already has that name (regardless of case and
    /// accents).
    pub fn create_list(&self, name: &str, description: Option<&str>) -> Result<FilmList> {
        let (name, description) = crate::validate::list(name, description)?;
        self.write(|tx| {
            let key = fold(&name);
            refuse_taken(tx, &key, None, &name)?;
            let now = time::to_text(time::now());
            tx.execute(
                "INSERT INTO lists (name, name_key, description, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![name, key, description, now],
            )?;
            list_row(tx, tx.last_insert_rowid())
        })
    }

    /// Renames list `id`; its description, entries and canon stay.
    pub fn rename_list(&self, id: i64, name: &str) -> Result<FilmList> {
        let (name, _) = crate::validate::list(name, None)?;
        self.write(|tx| {
            list_row(tx, id)?;
            let key = fold(&name);
            refuse_taken(tx, &key, Some(id), &name)?;
            tx.execute(
                "UPDATE lists SET name = ?2, name_key = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, name, key, time::to_text(time::now())],
            )?;
            list_row(tx, id)
        })
    }

    /// Moves the entry at `position` of list `id` to `to_position` (clamped to the list); the
    /// entries are numbered 1, 2, 3… afterwards.
    pub fn reorder_list_entry(
        &self,
        id: i64,
        position: i64,
        to_position: i64,
    ) -> Result<FilmListDetail> {
        self.write(|tx| {
            let mut places = places(tx, id)?;
            let from = index_of(&places, position)?;
            let place = places.remove(from);
            let to = usize::try_from(to_position.saturating_sub(1))
                .unwrap_or(0)
                .min(places.len());
            places.insert(to, place);
            for (index, (place, _)) in places.iter().enumerate() {
                let new = index as i64 + 1;
                match place {
                    Place::Film(film) => tx.execute(
                        "UPDATE list_films SET position = ?3 WHERE list_id = ?1 AND film_id = ?2",
                        params![id, film, new],
                    )?,
                    Place::Ghost(source, value) => tx.execute(
                        "UPDATE list_ghosts SET position = ?4
                          WHERE list_id = ?1 AND source = ?2 AND value = ?3",
                        params![id, source, value, new],
                    )?,
                };
            }
            touch(tx, id)?;
            list_detail(tx, id)
        })
    }

    /// Appends the films `film_ids` to list `id`, in that order, leaving out those already on it.
    pub fn add_films_to_list(&self, id: i64, film_ids: &[i64]) -> Result<FilmListDetail> {
        self.write(|tx| {
            list_row(tx, id)?;
            for film in film_ids {
                crate::films::film_by_id(tx, *film)?;
                super::add_film(tx, id, *film, None)?;
            }
            touch(tx, id)?;
            list_detail(tx, id)
        })
    }

    /// Sets (or, blank, clears) the note of the entry at `position` of list `id`.
    pub fn set_list_entry_note(
        &self,
        id: i64,
        position: i64,
        note: Option<&str>,
    ) -> Result<FilmListDetail> {
        let note = crate::validate::list_entry_note(note)?;
        self.write(|tx| {
            let places = places(tx, id)?;
            let (place, _) = &places[index_of(&places, position)?];
            match place {
                Place::Film(film) => tx.execute(
                    "UPDATE list_films SET note = ?3 WHERE list_id = ?1 AND film_id = ?2",
                    params![id, film, note],
                )?,
                Place::Ghost(source, value) => tx.execute(
                    "UPDATE list_ghosts SET note = ?4 WHERE list_id = ?1 AND source = ?2 AND value = ?3",
                    params![id, source, value, note],
                )?,
            };
            touch(tx, id)?;
            list_detail(tx, id)
        })
    }
}

fn list_row(tx: &Transaction, id: i64) -> Result<FilmList> {
    tx.query_row(
        &format!("{LIST_SELECT} WHERE l.id = ?1"),
        [id],
        super::list_from_row,
    )
    .optional()?
    .ok_or(CatalogError::NotFound { entity: "list", id })
}

fn refuse_taken(tx: &Transaction, key: &str, except: Option<i64>, name: &str) -> Result<()> {
    let taken: Option<i64> = tx
        .query_row(
            "SELECT id FROM lists WHERE name_key = ?1 AND id IS NOT ?2",
            params![key, except],
            |row| row.get(0),
        )
        .optional()?;
    match taken {
        Some(_) => Err(CatalogError::invalid(
            Field::Name,
            format!("A list named {name:?} already exists."),
        )),
        None => Ok(()),
    }
}

/// The list's places in order, each with its position; NotFound for a list that is not there.
fn places(tx: &Transaction, id: i64) -> Result<Vec<(Place, i64)>> {
    list_row(tx, id)?;
    let mut stmt = tx.prepare_cached(
        "SELECT film_id, NULL, NULL, position FROM list_films WHERE list_id = ?1
         UNION ALL
         SELECT NULL, source, value, position FROM list_ghosts WHERE list_id = ?1
         ORDER BY 4, 1, 3",
    )?;
    let rows = stmt.query_map([id], |row| {
        let place = match row.get::<_, Option<i64>>(0)? {
            Some(film) => Place::Film(film),
            None => Place::Ghost(row.get(1)?, row.get(2)?),
        };
        Ok((place, row.get::<_, i64>(3)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn index_of(places: &[(Place, i64)], position: i64) -> Result<usize> {
    places
        .iter()
        .position(|(_, p)| *p == position)
        .ok_or_else(|| {
            CatalogError::invalid(
                Field::Position,
                format!("the list has no entry at {position}"),
            )
        })
}

fn touch(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute(
        "UPDATE lists SET updated_at = ?2 WHERE id = ?1",
        params![id, time::to_text(time::now())],
    )?;
    Ok(())
}
