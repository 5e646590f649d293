//! People's ids at the reference services (`person_external_ids`): stored for the people of a
//! film added from the reference, and read to find a person again by id, so a person the
//! reference has renamed is still credited as the one row the catalog knows.

use crate::field::Field;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::{CatalogError, Result};
use crate::model::{CreditRole, ExternalId};

/// The sources a person id may come from.
const SOURCES: [&str; 2] = ["wikidata", "tmdb"];

/// One credit of a film as the reference gave it, with the person's id there.
pub(crate) struct IdentifiedCredit<'a> {
    pub role: CreditRole,
    pub name: &'a str,
    pub id: &'a ExternalId,
}

fn usable(id: &ExternalId) -> bool {
    SOURCES.contains(&id.source.as_str())
        && (1..=40).contains(&id.value.len())
        && id.value.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A person id carried by a file (a Cinedex export), checked as [`remember`] would take it.
pub(crate) fn check(source: &str, value: &str) -> Result<ExternalId> {
    let id = ExternalId {
        source: source.trim().to_owned(),
        value: value.trim().to_owned(),
    };
    if !SOURCES.contains(&id.source.as_str()) {
        return Err(CatalogError::invalid(
            Field::Source,
            format!("a person id comes from wikidata or tmdb, not {source:?}"),
        ));
    }
    if !usable(&id) {
        return Err(CatalogError::invalid(
            Field::Value,
            format!(
                "{value:?} is not a {} person id (1 to 40 letters and digits)",
                id.source
            ),
        ));
    }
    Ok(id)
}

/// Gives the person named `name` (case and accents aside) the checked `ids`, under the rules
/// of [`remember`]: an id another person has stays theirs, a source the person already has an
/// id of keeps it. A name the catalog does not know is passed over. Running it twice changes
/// nothing the second time.
pub(crate) fn carry(tx: &Transaction, name: &str, ids: &[ExternalId]) -> Result<()> {
    let person: Option<i64> = tx
        .prepare_cached("SELECT id FROM people WHERE name_key = ?1")?
        .query_row([crate::text::fold(name)], |row| row.get(0))
        .optional()?;
    let Some(person) = person else {
        return Ok(());
    };
    let mut has_source = tx
        .prepare_cached("SELECT 1 FROM person_external_ids WHERE person_id = ?1 AND source = ?2")?;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO person_external_ids (person_id, source, value) VALUES (?1, ?2, ?3)",
    )?;
    for id in ids.iter().filter(|id| usable(id)) {
        let known = has_source
            .query_row(params![person, id.source], |_| Ok(()))
            .optional()?
            .is_some();
        if !known {
            insert.execute(params![person, id.source, id.value])?;
        }
    }
    Ok(())
}

/// The catalog person carrying `id`, if any.
pub(crate) fn person_by_external_id(tx: &Transaction, id: &ExternalId) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached(
            "SELECT person_id FROM person_external_ids WHERE source = ?1 AND value = ?2",
        )?
        .query_row(params![id.source, id.value], |row| row.get(0))
        .optional()?)
}

/// The name the catalog credits the person with `id` under, if it knows them.
pub(crate) fn catalog_name(tx: &Transaction, id: &ExternalId) -> Result<Option<String>> {
    Ok(tx
        .prepare_cached(
            "SELECT p.name FROM person_external_ids e JOIN people p ON p.id = e.person_id
              WHERE e.source = ?1 AND e.value = ?2",
        )?
        .query_row(params![id.source, id.value], |row| row.get(0))
        .optional()?)
}

/// Every reference id person `person_id` carries, Wikidata first.
pub(crate) fn ids_of_person(tx: &Transaction, person_id: i64) -> Result<Vec<ExternalId>> {
    let mut statement = tx.prepare_cached(
        "SELECT source, value FROM person_external_ids WHERE person_id = ?1
          ORDER BY source = 'tmdb', value",
    )?;
    let rows = statement.query_map([person_id], |row| {
        Ok(ExternalId {
            source: row.get(0)?,
            value: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Stores the ids of `credits` for the people film `film_id` credits under those names and
/// roles. An id already given to another person is left with them, and a person who already
/// has an id of that source keeps it: ids never move silently from one person to another.
pub(crate) fn remember(
    tx: &Transaction,
    film_id: i64,
    credits: &[IdentifiedCredit<'_>],
) -> Result<()> {
    let mut credited = tx.prepare_cached(
        "SELECT fp.person_id FROM film_people fp JOIN people p ON p.id = fp.person_id
          WHERE fp.film_id = ?1 AND fp.role = ?2 AND p.name_key = ?3",
    )?;
    let mut has_source = tx
        .prepare_cached("SELECT 1 FROM person_external_ids WHERE person_id = ?1 AND source = ?2")?;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO person_external_ids (person_id, source, value) VALUES (?1, ?2, ?3)",
    )?;
    for credit in credits.iter().filter(|c| usable(c.id)) {
        let key = crate::text::fold(credit.name);
        let person: Option<i64> = credited
            .query_row(params![film_id, credit.role.as_str(), key], |row| {
                row.get(0)
            })
            .optional()?;
        let Some(person) = person else { continue };
        let known = has_source
            .query_row(params![person, credit.id.source], |_| Ok(()))
            .optional()?
            .is_some();
        if !known {
            insert.execute(params![person, credit.id.source, credit.id.value])?;
        }
    }
    Ok(())
}
