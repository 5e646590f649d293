//! A film's facts in the catalog: the credits beside the directors (with actors' characters),
//! genres, countries, original language, synopsis, runtime and external ids; written whole, read
//! whole.

use crate::field::Field;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::credits;
use crate::error::{CatalogError, Result};
use crate::model::{Credit, CreditRole, ExternalId, FilmFacts};
use crate::text::fold;
use crate::validate::ValidFacts;

/// What a reference says a film is, beside its credits: set on a new film, filling only blanks
/// on one already in the catalog.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Description {
    pub genres: Vec<String>,
    pub countries: Vec<String>,
    pub original_language: Option<String>,
    pub synopsis: Option<String>,
}

/// Replaces every fact of film `film_id` (its directors and themes excepted) with `facts`.
pub(crate) fn write_facts(tx: &Transaction, film_id: i64, facts: &ValidFacts) -> Result<()> {
    tx.prepare_cached(
        "UPDATE films SET runtime_minutes = ?2, original_language = ?3, synopsis = ?4 WHERE id = ?1",
    )?
    .execute(params![
        film_id,
        facts.runtime_minutes(),
        facts.original_language(),
        facts.synopsis()
    ])?;
    for role in CreditRole::ALL
        .into_iter()
        .filter(|r| *r != CreditRole::Director)
    {
        let names: Vec<String> = facts
            .credits()
            .iter()
            .filter(|c| c.role() == role)
            .map(|c| c.name().to_owned())
            .collect();
        credits::set_people(tx, film_id, role.catalog_role(), &names)?;
    }
    let mut character = tx.prepare_cached(
        "UPDATE film_people SET credited_as = ?3
          WHERE film_id = ?1 AND role = ?2 AND person_id IN (SELECT id FROM people WHERE name_key = ?4)",
    )?;
    for credit in facts.credits().iter().filter(|c| c.character().is_some()) {
        character.execute(params![
            film_id,
            credit.role().as_str(),
            credit.character(),
            fold(credit.name())
        ])?;
    }
    credits::set_genres(tx, film_id, facts.genres())?;
    tx.execute("DELETE FROM film_countries WHERE film_id = ?1", [film_id])?;
    let mut country = tx.prepare_cached(
        "INSERT OR IGNORE INTO film_countries (film_id, country, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, name) in facts.countries().iter().enumerate() {
        country.execute(params![film_id, name, position as i64])?;
    }
    write_external_ids(tx, film_id, facts.external_ids())
}

/// Replaces the film's external ids; refused, naming the other film, when one of them already
/// belongs to another film (an id names one film).
fn write_external_ids(tx: &Transaction, film_id: i64, ids: &[(String, String)]) -> Result<()> {
    tx.execute("DELETE FROM external_ids WHERE film_id = ?1", [film_id])?;
    let mut owner =
        tx.prepare_cached("SELECT film_id FROM external_ids WHERE source = ?1 AND value = ?2")?;
    let mut insert =
        tx.prepare_cached("INSERT INTO external_ids (film_id, source, value) VALUES (?1, ?2, ?3)")?;
    for (source, value) in ids {
        let other: Option<i64> = owner
            .query_row(params![source, value], |row| row.get(0))
            .optional()?;
        if let Some(other) = other {
            return Err(CatalogError::invalid(
                Field::ExternalIds,
                format!("{source}:{value} is already the id of film {other}."),
            ));
        }
        insert.execute(params![film_id, source, value])?;
    }
    Ok(())
}

/// Sets `description` where film `film_id` has nothing yet: an import adds what it knows and
/// never overwrites genres, countries, a language or a synopsis already there.
pub(crate) fn fill_description(
    tx: &Transaction,
    film_id: i64,
    description: &Description,
) -> Result<()> {
    if !description.genres.is_empty() && strings(tx, GENRES, film_id)?.is_empty() {
        credits::set_genres(tx, film_id, &description.genres)?;
    }
    if !description.countries.is_empty() && strings(tx, COUNTRIES, film_id)?.is_empty() {
        let mut country = tx.prepare_cached(
            "INSERT OR IGNORE INTO film_countries (film_id, country, position) VALUES (?1, ?2, ?3)",
        )?;
        for (position, name) in description.countries.iter().enumerate() {
            country.execute(params![film_id, name, position as i64])?;
        }
    }
    if description.original_language.is_some() || description.synopsis.is_some() {
        tx.prepare_cached(
            "UPDATE films SET original_language = coalesce(original_language, ?2),
                              synopsis = coalesce(synopsis, ?3)
              WHERE id = ?1",
        )?
        .execute(params![
            film_id,
            description.original_language,
            description.synopsis
        ])?;
    }
    Ok(())
}

const GENRES: &str = "SELECT g.name FROM film_genres fg JOIN genres g ON g.id = fg.genre_id
                       WHERE fg.film_id = ?1 ORDER BY fg.position";
const COUNTRIES: &str = "SELECT country FROM film_countries WHERE film_id = ?1 ORDER BY position";

/// Every fact of film `film_id`, credits by role in [`CreditRole::ALL`] order.
pub(crate) fn facts_of(tx: &Transaction, film_id: i64) -> Result<FilmFacts> {
    let (runtime, language, synopsis): (Option<i64>, Option<String>, Option<String>) = tx
        .prepare_cached(
            "SELECT runtime_minutes, original_language, synopsis FROM films WHERE id = ?1",
        )?
        .query_row([film_id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()?
        .unwrap_or_default();
    let mut credits: Vec<Credit> = {
        let mut stmt = tx.prepare_cached(
            "SELECT fp.role, p.name, fp.credited_as, fp.position FROM film_people fp
               JOIN people p ON p.id = fp.person_id
              WHERE fp.film_id = ?1 ORDER BY fp.position",
        )?;
        let rows = stmt.query_map([film_id], |row| {
            let role: String = row.get(0)?;
            Ok((
                role,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut credits = Vec::new();
        for row in rows {
            let (role, name, credited_as) = row?;
            if let Some(role) = CreditRole::parse(&role) {
                let character = credited_as.filter(|_| role == CreditRole::Actor);
                credits.push(Credit {
                    role,
                    name,
                    character,
                });
            }
        }
        credits
    };
    // Stable: within a role, the position order of the query stays.
    credits.sort_by_key(|c| CreditRole::ALL.iter().position(|r| *r == c.role));
    Ok(FilmFacts {
        runtime_minutes: runtime.and_then(|m| u32::try_from(m).ok()),
        credits,
        genres: strings(tx, GENRES, film_id)?,
        countries: strings(tx, COUNTRIES, film_id)?,
        original_language: language,
        synopsis,
        external_ids: {
            let mut stmt = tx.prepare_cached(
                "SELECT source, value FROM external_ids WHERE film_id = ?1 ORDER BY source, value",
            )?;
            let rows = stmt.query_map([film_id], |row| {
                Ok(ExternalId::new(
                    &row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                ))
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        },
    })
}

fn strings(tx: &Transaction, sql: &str, film_id: i64) -> Result<Vec<String>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([film_id], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}
