//! People's ids at the reference services (`person_external_ids`): stored for the people of a
//! film added from the reference, and read to find a person again by id, so a person the
//! reference has renamed is still credited as the one row the catalog knows.

use crate::field::Field;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::credits::Role;
use crate::error::{CatalogError, Result};
use crate::model::ExternalId;

/// The sources a person id may come from.
const SOURCES: [&str; 2] = ["wikidata", "tmdb"];

/// One credit of a film as the reference gave it, with the person's id there.
pub(crate) struct IdentifiedCredit<'a> {
    pub role: Role,
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
/// id of keeps it. A name the catalog does not know, or that several people share (their
/// credits carry their own ids, see [`remember`]), is passed over. Running it twice changes
/// nothing the second time.
pub(crate) fn carry(tx: &Transaction, name: &str, ids: &[ExternalId]) -> Result<()> {
    let named: Vec<i64> = {
        let mut statement =
            tx.prepare_cached("SELECT id FROM people WHERE name_key = ?1 LIMIT 2")?;
        let rows = statement.query_map([crate::text::fold(name)], |row| row.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let [person] = named.as_slice() else {
        return Ok(());
    };
    for id in ids.iter().filter(|id| usable(id)) {
        if !has_id_of(tx, *person, &id.source)? {
            give_id(tx, *person, id)?;
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

/// Gives the people film `film_id` credits the reference ids `credits` carry, so each credit
/// names the right person: the credit of a name goes to the person who carries its id (a person
/// the reference renamed stays one row); else the credited person takes the id, unless they
/// already carry another id of that source — then they are a namesake, and the credit goes to a
/// person of its own. Ids never move from one person to another. A person no film credits any
/// more is forgotten, so a writer holding a `credits::NameIds` must clear it after.
pub(crate) fn remember(
    tx: &Transaction,
    film_id: i64,
    credits: &[IdentifiedCredit<'_>],
) -> Result<()> {
    let mut credited = tx.prepare_cached(
        "SELECT fp.person_id FROM film_people fp JOIN people p ON p.id = fp.person_id
          WHERE fp.film_id = ?1 AND fp.role = ?2 AND p.name_key = ?3
          ORDER BY fp.position LIMIT 1",
    )?;
    for credit in credits.iter().filter(|c| usable(c.id)) {
        let role = credit.role.as_str();
        let person: Option<i64> = credited
            .query_row(
                params![film_id, role, crate::text::fold(credit.name)],
                |row| row.get(0),
            )
            .optional()?;
        let Some(person) = person else { continue };
        let carrier = match person_by_external_id(tx, credit.id)? {
            Some(carrier) if carrier == person => continue,
            Some(carrier) => carrier,
            None if !has_id_of(tx, person, &credit.id.source)? => {
                give_id(tx, person, credit.id)?;
                continue;
            }
            None => {
                let namesake = new_person(tx, credit.name)?;
                give_id(tx, namesake, credit.id)?;
                namesake
            }
        };
        move_credit(tx, film_id, role, person, carrier)?;
    }
    Ok(())
}

fn has_id_of(tx: &Transaction, person: i64, source: &str) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM person_external_ids WHERE person_id = ?1 AND source = ?2")?
        .query_row(params![person, source], |_| Ok(()))
        .optional()?
        .is_some())
}

fn give_id(tx: &Transaction, person: i64, id: &ExternalId) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO person_external_ids (person_id, source, value) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![person, id.source, id.value])?;
    Ok(())
}

fn new_person(tx: &Transaction, name: &str) -> Result<i64> {
    tx.prepare_cached("INSERT INTO people (name, name_key) VALUES (?1, ?2)")?
        .execute(params![name, crate::text::fold(name)])?;
    Ok(tx.last_insert_rowid())
}

/// Credits `to` instead of `from` in film `film_id`'s `role`, in the same place, and forgets
/// `from` when nothing credits them any more. A delete and an insert rather than an update, so
/// the search index's triggers see the change.
fn move_credit(tx: &Transaction, film_id: i64, role: &str, from: i64, to: i64) -> Result<()> {
    let (position, credited_as): (i64, Option<String>) = tx
        .prepare_cached(
            "SELECT position, credited_as FROM film_people
              WHERE film_id = ?1 AND role = ?2 AND person_id = ?3",
        )?
        .query_row(params![film_id, role, from], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    tx.prepare_cached(
        "DELETE FROM film_people WHERE film_id = ?1 AND role = ?2 AND person_id = ?3",
    )?
    .execute(params![film_id, role, from])?;
    // OR IGNORE: when `to` was credited in the role already, the name was the same person twice.
    tx.prepare_cached(
        "INSERT OR IGNORE INTO film_people (film_id, person_id, role, position, credited_as)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![film_id, to, role, position, credited_as])?;
    tx.prepare_cached(
        "DELETE FROM people WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM film_people WHERE person_id = ?1)",
    )?
    .execute([from])?;
    Ok(())
}
