//! Writing what a Cinedex export carries beside films, inside the import's transaction: the
//! canon a list follows, its ghosts among its entries, and people's reference ids. Each is
//! written so that importing the same file again changes nothing.

use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::lists;
use crate::model::ExternalId;
use crate::reference::film_id_by_external_ids_in;

use super::record::{GhostRecord, PersonIdsRecord};

/// Lets list `list_id` follow `canon`, unless it already follows one or another list follows
/// this one (the catalog's lists are one per canon): then the list keeps what it had, entries
/// and ghosts included.
pub fn follow_canon(tx: &Transaction, list_id: i64, canon: &str) -> Result<()> {
    tx.execute(
        "UPDATE lists SET canon = ?2
          WHERE id = ?1 AND canon IS NULL
            AND NOT EXISTS (SELECT 1 FROM lists WHERE canon = ?2)",
        params![list_id, canon],
    )?;
    Ok(())
}

/// Places `ghost` at the end of list `list_id`. A film of the catalog carrying its id (say it
/// was imported in the same file, or was there already) takes its place as a real entry, as the
/// trigger `list_ghosts_found` would have done had the film come later; a ghost the list already
/// has stays as it is.
pub fn write_ghost(tx: &Transaction, list_id: i64, ghost: &GhostRecord) -> Result<()> {
    let mut ids = vec![ExternalId {
        source: ghost.source.clone(),
        value: ghost.value.clone(),
    }];
    if let Some(imdb) = &ghost.imdb {
        ids.push(ExternalId {
            source: "imdb".to_owned(),
            value: imdb.clone(),
        });
    }
    if let Some(film_id) = film_id_by_external_ids_in(tx, &ids)? {
        lists::add_film(tx, list_id, film_id, ghost.note.as_deref())?;
        return Ok(());
    }
    let position = lists::next_position(tx, list_id)?;
    tx.prepare_cached(
        "INSERT INTO list_ghosts (list_id, source, value, imdb, title, year, directors, position, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (list_id, source, value) DO NOTHING",
    )?
    .execute(params![
        list_id,
        ghost.source,
        ghost.value,
        ghost.imdb,
        ghost.title,
        ghost.year,
        ghost.directors,
        position,
        ghost.note
    ])?;
    Ok(())
}

/// Gives each person their ids (see `people::ids::carry`).
pub fn write_people(tx: &Transaction, people: &[PersonIdsRecord]) -> Result<()> {
    for person in people {
        let ids: Vec<ExternalId> = person
            .ids
            .iter()
            .map(|(source, value)| ExternalId {
                source: source.clone(),
                value: value.clone(),
            })
            .collect();
        crate::people::ids::carry(tx, &person.name, &ids)?;
    }
    Ok(())
}
