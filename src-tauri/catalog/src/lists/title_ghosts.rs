//! Ghosts known only by their title: a list file's row without an IMDb, TMDB or Letterboxd id is
//! kept under the source `title` with the value `<year>|<folded title>` (`|<folded title>` without
//! a year), which no reference id can equal. When a film of that title (or original title) and
//! year enters the catalog, such a ghost becomes its entry, keeping its place and note; one
//! without a year takes the first film of that title. Ghosts with an id are turned by the
//! trigger `list_ghosts_found` (migration 0013) instead.
//!
//! Every new film passes here (`films::insert_film_with` is the one place films are written):
//! a step in Rust rather than a trigger, because a trigger deleting from `list_ghosts` would
//! build a temporary b-tree on every film insert of an import.

use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::text::fold;

/// The source of a ghost known only by its title and year.
pub const TITLE_GHOST_SOURCE: &str = "title";
/// The `list_ghosts.value` column's bound.
const MAX_GHOST_VALUE_CHARS: usize = 500;

/// `<year>|<folded title>`: the value of the ghost of a film known by title and year.
pub fn title_key(title: &str, year: Option<i32>) -> String {
    let key = format!(
        "{}|{}",
        year.map(|y| y.to_string()).unwrap_or_default(),
        fold(title)
    );
    key.chars().take(MAX_GHOST_VALUE_CHARS).collect()
}

/// Film `film_id` (just written) takes the place of every ghost of its title and year.
pub(crate) fn film_arrived(
    tx: &Transaction,
    film_id: i64,
    title: &str,
    original_title: Option<&str>,
    year: Option<i32>,
) -> Result<()> {
    // Most catalogs have no such ghost: one index seek per film then, even in a large import.
    let any: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM list_ghosts WHERE source = 'title')")?
        .query_row([], |row| row.get(0))?;
    if !any {
        return Ok(());
    }
    let mut keys = vec![title_key(title, year)];
    if year.is_some() {
        keys.push(title_key(title, None));
    }
    if let Some(original) = original_title {
        keys.push(title_key(original, year));
        if year.is_some() {
            keys.push(title_key(original, None));
        }
    }
    keys.sort();
    keys.dedup();
    for key in keys {
        let lists: Vec<i64> = tx
            .prepare_cached(
                "SELECT list_id FROM list_ghosts WHERE source = 'title' AND value = ?1",
            )?
            .query_map([&key], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for list_id in lists {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO list_films (list_id, film_id, position, note)
                 SELECT list_id, ?3, position, note FROM list_ghosts
                  WHERE list_id = ?1 AND source = 'title' AND value = ?2",
            )?
            .execute(params![list_id, key, film_id])?;
            tx.prepare_cached(
                "DELETE FROM list_ghosts WHERE list_id = ?1 AND source = 'title' AND value = ?2",
            )?
            .execute(params![list_id, key])?;
        }
    }
    Ok(())
}
