//! Person pages: a person found by id, reference id or name (folded, so case and accents do not
//! matter), with their films in the catalog by role and how many of them have been seen.

pub(crate) mod ids;

use crate::field::Field;
use rusqlite::{OptionalExtension, Transaction};

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::model::{
    CreditRole, ExternalId, Person, PersonFilm, PersonPage, PersonRole, SeenStatus, WatchStatus,
};
use crate::text::fold;

/// The longest name or id looked up.
const MAX_QUERY_CHARS: usize = 200;

impl Catalog {
    /// The person page of `id_or_name`: a catalog person id (`12`), a reference id
    /// (`wikidata:Q55400`, `Q55400`, `tmdb:608`), or a name. An unknown person is `NotFound`; a
    /// name two people share (once folded) is `Invalid`, naming their ids.
    pub fn person(&self, id_or_name: &str) -> Result<PersonPage> {
        let query = id_or_name.trim();
        if query.is_empty() {
            return Err(CatalogError::invalid(
                Field::Person,
                "name a person or give their id",
            ));
        }
        if query.chars().count() > MAX_QUERY_CHARS {
            return Err(CatalogError::invalid(
                Field::Person,
                format!("a person's name is at most {MAX_QUERY_CHARS} characters"),
            ));
        }
        self.read(|tx| {
            let id = find_person(tx, query)?;
            person_page(tx, id)
        })
    }

    /// The page of everyone the catalog credits under `name` (case and accents aside), first
    /// known first: what to choose from, by their ids and films, when two people share a name.
    pub fn people_named(&self, name: &str) -> Result<Vec<PersonPage>> {
        self.read(|tx| {
            let mut statement =
                tx.prepare_cached("SELECT id FROM people WHERE name_key = ?1 ORDER BY id")?;
            let ids: Vec<i64> = statement
                .query_map([fold(name.trim())], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.into_iter().map(|id| person_page(tx, id)).collect()
        })
    }

    /// The person page of catalog person `id`.
    pub fn person_by_id(&self, id: i64) -> Result<PersonPage> {
        self.read(|tx| {
            require_person(tx, id)?;
            person_page(tx, id)
        })
    }
}

fn require_person(tx: &Transaction, id: i64) -> Result<()> {
    let found: Option<i64> = tx
        .prepare_cached("SELECT id FROM people WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?;
    found.map(|_| ()).ok_or(CatalogError::NotFound {
        entity: "person",
        id,
    })
}

/// The person `query` names: an id, a reference id, else a name.
fn find_person(tx: &Transaction, query: &str) -> Result<i64> {
    if let Ok(id) = query.parse::<i64>() {
        require_person(tx, id)?;
        return Ok(id);
    }
    if let Some(external) = person_external_id(query) {
        return ids::person_by_external_id(tx, &external)?.ok_or_else(|| CatalogError::NoneNamed {
            entity: "person with the id",
            name: format!("{}:{}", external.source, external.value),
        });
    }
    let key = fold(query);
    let mut statement =
        tx.prepare_cached("SELECT id FROM people WHERE name_key = ?1 ORDER BY id")?;
    let found: Vec<i64> = statement
        .query_map([&key], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match found.as_slice() {
        [] => Err(CatalogError::NoneNamed {
            entity: "person named",
            name: query.to_owned(),
        }),
        [id] => Ok(*id),
        many => Err(CatalogError::invalid(
            Field::Person,
            format!(
                "{} people are named {query:?}; give one of their ids: {}",
                many.len(),
                many.iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// `wikidata:Q…`, a bare `Q…` or `tmdb:…`: the ids a person can carry.
fn person_external_id(query: &str) -> Option<ExternalId> {
    let lower = query.to_ascii_lowercase();
    let (source, value) = match lower.split_once(':') {
        Some((source, value)) => (source.trim().to_owned(), value.trim().to_owned()),
        None => ("wikidata".to_owned(), lower.clone()),
    };
    let digits = |text: &str| {
        !text.is_empty() && text.len() <= 12 && text.bytes().all(|b| b.is_ascii_digit())
    };
    match source.as_str() {
        "wikidata" if value.starts_with('q') && digits(&value[1..]) => {
            Some(ExternalId::new("wikidata", value.to_ascii_uppercase()))
        }
        "tmdb" if digits(&value) => Some(ExternalId::new("tmdb", value)),
        _ => None,
    }
}

fn person_of(tx: &Transaction, id: i64) -> Result<Person> {
    let name: String = tx
        .prepare_cached("SELECT name FROM people WHERE id = ?1")?
        .query_row([id], |row| row.get(0))?;
    let known = ids::ids_of_person(tx, id)?;
    let id_of = |source: &str| {
        known
            .iter()
            .find(|e| e.source == source)
            .map(|e| e.value.clone())
    };
    Ok(Person {
        id,
        name,
        wikidata_id: id_of("wikidata"),
        tmdb_id: id_of("tmdb"),
        birth_year: None,
        death_year: None,
    })
}

fn person_page(tx: &Transaction, id: i64) -> Result<PersonPage> {
    let person = person_of(tx, id)?;
    let mut statement = tx.prepare_cached(
        "SELECT fp.role, f.id, f.title, f.year, f.watch_status,
                EXISTS (SELECT 1 FROM viewings v WHERE v.film_id = f.id),
                (SELECT fr.rating FROM film_rating fr WHERE fr.film_id = f.id),
                f.poster IS NOT NULL, fp.credited_as
           FROM film_people fp JOIN films f ON f.id = fp.film_id
          WHERE fp.person_id = ?1 AND f.deleted_at IS NULL
          ORDER BY f.year IS NULL, f.year, f.title_key, f.id",
    )?;
    let rows = statement.query_map([id], |row| {
        let role: String = row.get(0)?;
        let watch_status = WatchStatus::parse(&row.get::<_, String>(4)?).unwrap_or_default();
        let viewed: bool = row.get(5)?;
        let status = if viewed || watch_status == WatchStatus::Watched {
            SeenStatus::Seen
        } else if watch_status == WatchStatus::Watchlist {
            SeenStatus::Watchlist
        } else {
            SeenStatus::NotSeen
        };
        Ok((
            CreditRole::parse(&role),
            PersonFilm {
                film_id: row.get(1)?,
                title: row.get(2)?,
                year: row.get(3)?,
                status,
                watch_status,
                rating: row.get(6)?,
                has_poster: row.get(7)?,
                character: row.get(8)?,
            },
        ))
    })?;
    let mut roles: Vec<PersonRole> = CreditRole::ALL
        .iter()
        .map(|&role| PersonRole {
            role,
            films: Vec::new(),
            seen: 0,
            total: 0,
        })
        .collect();
    for row in rows {
        let (role, mut film) = row?;
        let Some(role) = role else { continue };
        if role != CreditRole::Actor {
            film.character = None;
        }
        if let Some(group) = roles.iter_mut().find(|g| g.role == role) {
            group.total += 1;
            if film.status == SeenStatus::Seen {
                group.seen += 1;
            }
            group.films.push(film);
        }
    }
    roles.retain(|group| group.total > 0);
    Ok(PersonPage {
        person,
        roles,
        filmography: None,
    })
}
