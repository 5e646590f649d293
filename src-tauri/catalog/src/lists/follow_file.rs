//! Following a list file (a Letterboxd list export or a plain CSV) as a canon `file:<name>`:
//! rows naming a film of the catalog become its entries, in file order, with the row's
//! description as the note; the others are kept as ghosts, never created as films.
//!
//! A row matches a film (not in the trash) by an id first (IMDb, TMDB, Letterboxd URL), else by
//! folded title or original title and year; a year one off matches when that film is the only
//! one of the title within a year, and a row without a year matches a title only one film has.
//! A ghost keeps the best id its row has (`imdb`, `tmdb`, `letterboxd`), else the title key
//! `<year>|<folded title>` under the source `title` (`title_ghosts` turns it into an entry when
//! a film of that title and year is added).
//!
//! Following the same file again adds its new rows at the end and keeps everything the person
//! wrote: an entry or ghost already on the list keeps its place and note; a ghost whose film has
//! since entered the catalog becomes that entry in its place; rows gone from the file stay on the
//! list, with what the person wrote about them. All of it is one transaction, and a dry
//! run is that transaction rolled back.

use std::path::Path;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::title_ghosts::{title_key, TITLE_GHOST_SOURCE};
use super::{add_film, find_or_create, list_detail, next_position};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::import::list_file::{self, ListFileRow};
use crate::model::ExternalId;
use crate::reference::film_id_by_external_ids_in;
use crate::text::fold;
use crate::time;

/// The prefix of the canon of a list followed from a file (`file:Slow Cinema`); the window reads
/// it from the generated bindings to say what a list follows.
pub const FILE_CANON_PREFIX: &str = "file:";
/// The `lists.canon` column's bound.
const MAX_CANON_CHARS: usize = 200;

/// What following a list file did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowedListFile {
    /// The list's id (in a dry run of a new list, the id it would get).
    #[ts(type = "number")]
    pub list_id: i64,
    pub name: String,
    /// Rows of the file that are films of the catalog, now entries of the list.
    #[ts(type = "number")]
    pub linked: u64,
    /// Rows kept as ghosts.
    #[ts(type = "number")]
    pub ghosts: u64,
    /// Every entry of the list afterwards, ghosts included.
    #[ts(type = "number")]
    pub total: i64,
    #[ts(type = "number")]
    pub seen: i64,
}

impl Catalog {
    /// Follows the list in the file at `path`, named `name` (else the list's own name, or the
    /// file's stem): see the module's documentation. With `dry_run`, nothing is written.
    pub fn follow_list_file(
        &self,
        path: &Path,
        name: Option<&str>,
        dry_run: bool,
    ) -> Result<FollowedListFile> {
        let file = list_file::read(path)?;
        let name = name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .unwrap_or(file.name);
        let (name, description) = crate::validate::list(&name, file.description.as_deref())?;
        self.write_unless(dry_run, |tx| {
            follow(tx, &name, description.as_deref(), &file.rows)
        })
    }
}

/// The canon of the list named `name` followed from a file.
pub fn file_canon(name: &str) -> String {
    let room = MAX_CANON_CHARS - FILE_CANON_PREFIX.len();
    format!(
        "{FILE_CANON_PREFIX}{}",
        name.chars().take(room).collect::<String>()
    )
}

fn follow(
    tx: &Transaction,
    name: &str,
    description: Option<&str>,
    rows: &[ListFileRow],
) -> Result<FollowedListFile> {
    let list_id = list_following(tx, name, description)?;
    let (mut linked, mut ghosts) = (0, 0);
    for row in rows {
        let (source, value) = ghost_id(row);
        match matching_film(tx, row)? {
            Some(film_id) => {
                ghost_becomes(tx, list_id, &source, &value, film_id)?;
                add_film(tx, list_id, film_id, row.note.as_deref())?;
                linked += 1;
            }
            None => {
                keep_ghost(tx, list_id, row, &source, &value)?;
                ghosts += 1;
            }
        }
    }
    tx.execute(
        "UPDATE lists SET updated_at = ?2 WHERE id = ?1",
        params![list_id, time::to_text(time::now())],
    )?;
    let detail = list_detail(tx, list_id)?;
    Ok(FollowedListFile {
        list_id,
        name: detail.list.name,
        linked,
        ghosts,
        total: detail.list.total,
        seen: detail.list.seen,
    })
}

/// The list following this file's canon; else the list of that name, made to follow it (a list
/// of that name following another canon is refused); else a new one.
fn list_following(tx: &Transaction, name: &str, description: Option<&str>) -> Result<i64> {
    let canon = file_canon(name);
    let following: Option<i64> = tx
        .query_row("SELECT id FROM lists WHERE canon = ?1", [&canon], |row| {
            row.get(0)
        })
        .optional()?;
    if let Some(id) = following {
        return Ok(id);
    }
    let (id, _) = find_or_create(tx, name, description, None)?;
    let adopted = tx.execute(
        "UPDATE lists SET canon = ?2 WHERE id = ?1 AND canon IS NULL",
        params![id, canon],
    )?;
    if adopted == 0 {
        return Err(CatalogError::Conflict(format!(
            "the list named {name:?} already follows another canon; follow the file under another name (--name)"
        )));
    }
    Ok(id)
}

/// The film of the catalog `row` names, if exactly one can be told (see the module's rules).
fn matching_film(tx: &Transaction, row: &ListFileRow) -> Result<Option<i64>> {
    let ids: Vec<ExternalId> = row
        .ids
        .iter()
        .map(|(source, value)| ExternalId::new(source, value.clone()))
        .collect();
    if let Some(id) = film_id_by_external_ids_in(tx, &ids)? {
        return Ok(Some(id));
    }
    let mut stmt = tx.prepare_cached(
        "SELECT id, year FROM films
          WHERE deleted_at IS NULL AND (title_key = ?1 OR original_title_key = ?1) ORDER BY id",
    )?;
    let candidates = stmt
        .query_map([fold(row.film.title())], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(i64, Option<i32>)>>>()?;
    let Some(year) = row.film.year() else {
        return Ok(match candidates.as_slice() {
            [(id, _)] => Some(*id),
            _ => None,
        });
    };
    if let Some((id, _)) = candidates.iter().find(|(_, y)| *y == Some(year)) {
        return Ok(Some(*id));
    }
    let near: Vec<i64> = candidates
        .iter()
        .filter(|(_, y)| y.is_some_and(|y| (y - year).abs() <= 1))
        .map(|(id, _)| *id)
        .collect();
    Ok(match near.as_slice() {
        [id] => Some(*id),
        _ => None,
    })
}

/// The id a ghost of `row` is kept under: its best id, else its title key.
fn ghost_id(row: &ListFileRow) -> (String, String) {
    if let Some((source, value)) = row.ids.first() {
        return (source.clone(), value.clone());
    }
    (
        TITLE_GHOST_SOURCE.to_owned(),
        title_key(row.film.title(), row.film.year()),
    )
}

/// Adds the ghost, or brings the one the list has up to date (its place and note stay).
fn keep_ghost(
    tx: &Transaction,
    list_id: i64,
    row: &ListFileRow,
    source: &str,
    value: &str,
) -> Result<()> {
    let note = crate::validate::list_entry_note(row.note.as_deref())?;
    let imdb = row
        .ids
        .iter()
        .find(|(source, _)| source == "imdb")
        .map(|(_, value)| value.as_str());
    let directors = (!row.film.directors().is_empty()).then(|| row.film.directors().join("\n"));
    let position = next_position(tx, list_id)?;
    tx.prepare_cached(
        "INSERT INTO list_ghosts (list_id, source, value, imdb, title, year, directors, position, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (list_id, source, value) DO UPDATE
            SET imdb = excluded.imdb, title = excluded.title, year = excluded.year,
                directors = excluded.directors",
    )?
    .execute(params![
        list_id,
        source,
        value,
        imdb,
        row.film.title(),
        row.film.year(),
        directors,
        position,
        note
    ])?;
    Ok(())
}

/// The ghost (`source`, `value`) of list `list_id`, if there, becomes film `film_id`'s entry in
/// its place and with its note; whether it was there.
pub(crate) fn ghost_becomes(
    tx: &Transaction,
    list_id: i64,
    source: &str,
    value: &str,
    film_id: i64,
) -> Result<bool> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO list_films (list_id, film_id, position, note)
         SELECT list_id, ?4, position, note FROM list_ghosts
          WHERE list_id = ?1 AND source = ?2 AND value = ?3",
    )?
    .execute(params![list_id, source, value, film_id])?;
    let removed = tx
        .prepare_cached(
            "DELETE FROM list_ghosts WHERE list_id = ?1 AND source = ?2 AND value = ?3",
        )?
        .execute(params![list_id, source, value])?;
    Ok(removed > 0)
}
