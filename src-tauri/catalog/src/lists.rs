//! Lists of films: named (unique regardless of case and accents), ordered, with a note per film.
//! Imports fill them (Letterboxd lists, Cinedex JSON); the catalog lists and shows them, with
//! how many of their films have been seen. A list may follow a canon (`canon`), whose films not
//! in the catalog are kept as ghosts beside the real entries, in one order: an award's winners
//! (`canon`), or a list file the person follows (`follow_file`).

mod canon;
mod editing;
mod follow_file;
pub(crate) mod title_ghosts;

pub use follow_file::{FollowedListFile, FILE_CANON_PREFIX};

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::model::{Film, WatchStatus};
use crate::text::fold;
use crate::time::{self, instant_at};

/// A list as the list of lists shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmList {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    #[ts(type = "number")]
    pub film_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Entries whose film has been watched (marked watched, or with a viewing).
    #[ts(type = "number")]
    pub seen: i64,
    /// Every entry, ghosts included.
    #[ts(type = "number")]
    pub total: i64,
    /// The canon the list follows (`wikidata:Q179808`), if any.
    pub canon: Option<String>,
}

/// A list with its films in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmListDetail {
    #[serde(flatten)]
    #[ts(flatten)]
    pub list: FilmList,
    pub entries: Vec<FilmListEntry>,
    /// The canon's films not in the catalog, placed among the entries by `position`.
    pub ghosts: Vec<FilmListGhost>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmListEntry {
    #[ts(type = "number")]
    pub position: i64,
    pub note: Option<String>,
    pub film: Film,
    /// The film has been watched (marked watched, or with a viewing).
    pub seen: bool,
}

/// A film of the list's canon that is not in the catalog: what the reference says of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmListGhost {
    #[ts(type = "number")]
    pub position: i64,
    pub note: Option<String>,
    /// The reference id that adds it (`wikidata:Q…`).
    pub reference_id: String,
    pub title: String,
    pub year: Option<i32>,
    pub directors: Vec<String>,
}

impl FilmListGhost {
    /// The id worth showing beside the ghost: none for one known only by its title and year.
    pub fn shown_id(&self) -> Option<&str> {
        let title_only = self
            .reference_id
            .strip_prefix(title_ghosts::TITLE_GHOST_SOURCE)
            .is_some_and(|rest| rest.starts_with(':'));
        (!title_only).then_some(self.reference_id.as_str())
    }
}

pub(crate) const LIST_SELECT: &str = "
    SELECT l.id, l.name, l.description, l.created_at, l.updated_at,
           (SELECT count(*) FROM list_films lf WHERE lf.list_id = l.id),
           (SELECT count(*) FROM list_films lf JOIN films f ON f.id = lf.film_id
             WHERE lf.list_id = l.id AND f.deleted_at IS NULL
               AND (f.watch_status = 'watched'
                    OR EXISTS (SELECT 1 FROM viewings v WHERE v.film_id = f.id))),
           (SELECT count(*) FROM list_ghosts g WHERE g.list_id = l.id),
           l.canon
      FROM lists l";

impl Catalog {
    /// Every list, by name.
    pub fn list_lists(&self) -> Result<Vec<FilmList>> {
        self.read(|tx| {
            let mut stmt = tx.prepare(&format!("{LIST_SELECT} ORDER BY l.name_key, l.id"))?;
            let rows = stmt.query_map([], list_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// One list with its films in order.
    pub fn get_list(&self, id: i64) -> Result<FilmListDetail> {
        self.read(|tx| list_detail(tx, id))
    }
}

/// One list with its films and ghosts in order, inside the caller's transaction.
pub(crate) fn list_detail(tx: &Transaction, id: i64) -> Result<FilmListDetail> {
    let list = tx
        .query_row(
            &format!("{LIST_SELECT} WHERE l.id = ?1"),
            [id],
            list_from_row,
        )
        .optional()?
        .ok_or(CatalogError::NotFound { entity: "list", id })?;
    let mut stmt = tx.prepare(
                "SELECT position, note, film_id FROM list_films WHERE list_id = ?1 ORDER BY position, film_id",
            )?;
    let rows = stmt
        .query_map([id], |row| {
            Ok((row.get::<_, i64>(0)?, row.get(1)?, row.get::<_, i64>(2)?))
        })?
        .collect::<rusqlite::Result<Vec<(i64, Option<String>, i64)>>>()?;
    let entries = rows
        .into_iter()
        .map(|(position, note, film_id)| {
            let film = crate::films::film_by_id(tx, film_id)?;
            Ok(FilmListEntry {
                position,
                note,
                seen: film.watch_status == WatchStatus::Watched || film.viewing_count > 0,
                film,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let ghosts = ghosts_of(tx, id)?;
    Ok(FilmListDetail {
        list,
        entries,
        ghosts,
    })
}

fn ghosts_of(tx: &Transaction, list_id: i64) -> Result<Vec<FilmListGhost>> {
    let mut stmt = tx.prepare_cached(
        "SELECT position, note, source, value, title, year, directors FROM list_ghosts
          WHERE list_id = ?1 ORDER BY position, value",
    )?;
    let rows = stmt.query_map([list_id], |row| {
        let directors: Option<String> = row.get(6)?;
        Ok(FilmListGhost {
            position: row.get(0)?,
            note: row.get(1)?,
            reference_id: format!("{}:{}", row.get::<_, String>(2)?, row.get::<_, String>(3)?),
            title: row.get(4)?,
            year: row.get(5)?,
            directors: directors
                .map(|d| d.lines().map(str::to_owned).collect())
                .unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The next free position of a list, after its films and its ghosts.
pub(crate) fn next_position(tx: &Transaction, list_id: i64) -> Result<i64> {
    Ok(tx
        .prepare_cached(
            "SELECT coalesce(max(p) + 1, 1) FROM (
                SELECT max(position) AS p FROM list_films WHERE list_id = ?1
                UNION ALL SELECT max(position) FROM list_ghosts WHERE list_id = ?1)",
        )?
        .query_row([list_id], |row| row.get(0))?)
}

/// The id of the list named `name` (regardless of case and accents), creating it if new.
/// Returns the id and whether it was created.
pub(crate) fn find_or_create(
    tx: &Transaction,
    name: &str,
    description: Option<&str>,
    stamps: Option<(&str, &str)>,
) -> Result<(i64, bool)> {
    // The same rules the import preview checks, so the two cannot disagree.
    let (name, description) = crate::validate::list(name, description)?;
    let key = fold(&name);
    let existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM lists WHERE name_key = ?1")?
        .query_row([&key], |row| row.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok((id, false));
    }
    let now = time::to_text(time::now());
    let (created, updated) = stamps.unwrap_or((&now, &now));
    tx.prepare_cached(
        "INSERT INTO lists (name, name_key, description, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![name, key, description, created, updated])?;
    Ok((tx.last_insert_rowid(), true))
}

/// Appends a film to a list unless it is already on it; returns whether it was added.
pub(crate) fn add_film(
    tx: &Transaction,
    list_id: i64,
    film_id: i64,
    note: Option<&str>,
) -> Result<bool> {
    let next = next_position(tx, list_id)?;
    let note = crate::validate::list_entry_note(note)?;
    let added = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO list_films (list_id, film_id, position, note) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![list_id, film_id, next, note])?;
    Ok(added > 0)
}

pub(crate) fn list_from_row(row: &rusqlite::Row) -> rusqlite::Result<FilmList> {
    Ok(FilmList {
        id: row.get(0)?,
        name: row.get(1)?,
        description: row.get(2)?,
        created_at: instant_at(row, 3)?,
        updated_at: instant_at(row, 4)?,
        film_count: row.get(5)?,
        seen: row.get(6)?,
        total: row.get::<_, i64>(5)? + row.get::<_, i64>(7)?,
        canon: row.get(8)?,
    })
}
