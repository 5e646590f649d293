//! Which film of the catalog a reference film already is: the live film carrying one of its
//! external ids (Wikidata, IMDb, TMDB), for lookups, adding and canon lists.

use rusqlite::OptionalExtension;

use super::ExternalId;
use crate::error::Result;
use crate::Catalog;

impl Catalog {
    /// The live film that carries one of `ids` (the first found, in the order given).
    pub fn film_id_by_external_ids(&self, ids: &[ExternalId]) -> Result<Option<i64>> {
        if ids.is_empty() {
            return Ok(None);
        }
        self.read(|tx| film_id_by_external_ids_in(tx, ids))
    }
}

/// [`Catalog::film_id_by_external_ids`] inside the caller's transaction.
pub(crate) fn film_id_by_external_ids_in(
    tx: &rusqlite::Transaction,
    ids: &[ExternalId],
) -> Result<Option<i64>> {
    let mut statement = tx.prepare_cached(
        "SELECT e.film_id FROM external_ids e JOIN films f ON f.id = e.film_id
         WHERE e.source = ?1 AND e.value = ?2 AND f.deleted_at IS NULL",
    )?;
    for id in ids {
        let found: Option<i64> = statement
            .query_row([&id.source, &id.value], |row| row.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}
