//! The people and themes attached to a film: shared rows in `people` and `themes`, linked in order,
//! matched by their folded name so "mamoru oshii" and "Mamoru Oshii" are one person.

use crate::string_enum::string_enum;
use rusqlite::{params, Transaction};
// FxHash: the keys are names from the person's own files, not a network input.
use rustc_hash::FxHashMap as HashMap;

use crate::error::Result;
use crate::text::fold;

/// A film credit's role. The film form edits directors; imports and exports carry every role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Director,
    Writer,
    Actor,
    Composer,
    Cinematographer,
    Producer,
    Editor,
}

string_enum!(Role {
    Director => "director",
    Writer => "writer",
    Actor => "actor",
    Composer => "composer",
    Cinematographer => "cinematographer",
    Producer => "producer",
    Editor => "editor",
});

/// Replaces the film's people in `role` with `names`, in that order. A name the film already
/// credits in `role` stays that person, so saving a film whose director shares a name with
/// another person keeps crediting the one it credited.
pub fn set_people(tx: &Transaction, film_id: i64, role: Role, names: &[String]) -> Result<()> {
    let credited: HashMap<String, i64> = {
        let mut statement = tx.prepare_cached(
            "SELECT p.name_key, p.id FROM film_people fp JOIN people p ON p.id = fp.person_id
              WHERE fp.film_id = ?1 AND fp.role = ?2",
        )?;
        let rows = statement.query_map(params![film_id, role.as_str()], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let previous: Vec<i64> = credited.values().copied().collect();
    tx.execute(
        "DELETE FROM film_people WHERE film_id = ?1 AND role = ?2",
        params![film_id, role.as_str()],
    )?;
    for (position, name) in names.iter().enumerate() {
        let person_id = match credited.get(&fold(name)) {
            Some(&id) => id,
            None => upsert_named(tx, "people", name)?,
        };
        tx.execute(
            "INSERT INTO film_people (film_id, person_id, role, position) VALUES (?1, ?2, ?3, ?4)",
            params![film_id, person_id, role.as_str(), position as i64],
        )?;
    }
    forget_unused(tx, "people", "film_people", "person_id", &previous)
}

/// Adds `names` after the film's people in `role`, skipping those already credited in it: for new
/// films and imports, without the delete-and-rewrite of [`set_people`].
pub fn add_people(
    tx: &Transaction,
    ids: &mut NameIds,
    film_id: i64,
    role: Role,
    names: &[String],
) -> Result<()> {
    let next: i64 = tx
        .prepare_cached(
            "SELECT coalesce(max(position) + 1, 0) FROM film_people WHERE film_id = ?1 AND role = ?2",
        )?
        .query_row(params![film_id, role.as_str()], |row| row.get(0))?;
    append_people(tx, ids, film_id, role, names, next)
}

/// Adds `names` from position `next` on; a film just inserted starts at 0 without asking.
pub fn append_people(
    tx: &Transaction,
    ids: &mut NameIds,
    film_id: i64,
    role: Role,
    names: &[String],
    mut next: i64,
) -> Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO film_people (film_id, person_id, role, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for name in names {
        let person_id = ids.person(tx, name)?;
        if insert.execute(params![film_id, person_id, role.as_str(), next])? > 0 {
            next += 1;
        }
    }
    Ok(())
}

/// Adds `names` after the film's themes, skipping those it already has.
pub fn add_themes(
    tx: &Transaction,
    ids: &mut NameIds,
    film_id: i64,
    names: &[String],
) -> Result<()> {
    let next: i64 = tx
        .prepare_cached(
            "SELECT coalesce(max(position) + 1, 0) FROM film_themes WHERE film_id = ?1",
        )?
        .query_row([film_id], |row| row.get(0))?;
    append_themes(tx, ids, film_id, names, next)
}

/// Adds themes from position `next` on; a film just inserted starts at 0 without asking.
pub fn append_themes(
    tx: &Transaction,
    ids: &mut NameIds,
    film_id: i64,
    names: &[String],
    mut next: i64,
) -> Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO film_themes (film_id, theme_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for name in names {
        let theme_id = ids.theme(tx, name)?;
        if insert.execute(params![film_id, theme_id, next])? > 0 {
            next += 1;
        }
    }
    Ok(())
}

/// Replaces the film's themes with `names`, in that order.
pub fn set_themes(tx: &Transaction, film_id: i64, names: &[String]) -> Result<()> {
    let previous: Vec<i64> = column(
        tx,
        "SELECT theme_id FROM film_themes WHERE film_id = ?1",
        params![film_id],
    )?;
    tx.execute(
        "DELETE FROM film_themes WHERE film_id = ?1",
        params![film_id],
    )?;
    for (position, name) in names.iter().enumerate() {
        let theme_id = upsert_named(tx, "themes", name)?;
        tx.execute(
            "INSERT INTO film_themes (film_id, theme_id, position) VALUES (?1, ?2, ?3)",
            params![film_id, theme_id, position as i64],
        )?;
    }
    forget_unused(tx, "themes", "film_themes", "theme_id", &previous)
}

/// Replaces the film's genres with `names`, in that order.
pub fn set_genres(tx: &Transaction, film_id: i64, names: &[String]) -> Result<()> {
    let previous: Vec<i64> = column(
        tx,
        "SELECT genre_id FROM film_genres WHERE film_id = ?1",
        params![film_id],
    )?;
    tx.execute(
        "DELETE FROM film_genres WHERE film_id = ?1",
        params![film_id],
    )?;
    for (position, name) in names.iter().enumerate() {
        let genre_id = upsert_named(tx, "genres", name)?;
        tx.execute(
            "INSERT INTO film_genres (film_id, genre_id, position) VALUES (?1, ?2, ?3)",
            params![film_id, genre_id, position as i64],
        )?;
    }
    forget_unused(tx, "genres", "film_genres", "genre_id", &previous)
}

/// Before a film is removed for good: its people, themes and genres, to forget if nothing else
/// uses them.
pub struct Detached {
    people: Vec<i64>,
    themes: Vec<i64>,
    genres: Vec<i64>,
}

pub fn detach_all(tx: &Transaction, film_id: i64) -> Result<Detached> {
    let people = column(
        tx,
        "SELECT person_id FROM film_people WHERE film_id = ?1",
        params![film_id],
    )?;
    let themes = column(
        tx,
        "SELECT theme_id FROM film_themes WHERE film_id = ?1",
        params![film_id],
    )?;
    let genres = column(
        tx,
        "SELECT genre_id FROM film_genres WHERE film_id = ?1",
        params![film_id],
    )?;
    for table in ["film_people", "film_themes", "film_genres"] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE film_id = ?1"),
            params![film_id],
        )?;
    }
    Ok(Detached {
        people,
        themes,
        genres,
    })
}

pub fn forget_detached(tx: &Transaction, detached: Detached) -> Result<()> {
    forget_unused(tx, "people", "film_people", "person_id", &detached.people)?;
    forget_unused(tx, "themes", "film_themes", "theme_id", &detached.themes)?;
    forget_unused(tx, "genres", "film_genres", "genre_id", &detached.genres)
}

/// The ids of people and themes looked up or added so far in one transaction, by folded name: an
/// import credits the same few thousand people across a million films, and a hash lookup costs a
/// fraction of a query. Only for writers that add names; one that deletes people or themes must
/// not keep it across the deletion.
#[derive(Debug, Default)]
pub struct NameIds {
    people: HashMap<String, i64>,
    themes: HashMap<String, i64>,
}

impl NameIds {
    pub fn person(&mut self, tx: &Transaction, name: &str) -> Result<i64> {
        cached(&mut self.people, tx, "people", name)
    }

    pub fn theme(&mut self, tx: &Transaction, name: &str) -> Result<i64> {
        cached(&mut self.themes, tx, "themes", name)
    }
}

fn cached(
    ids: &mut HashMap<String, i64>,
    tx: &Transaction,
    table: &str,
    name: &str,
) -> Result<i64> {
    let key = fold(name);
    if let Some(&id) = ids.get(&key) {
        return Ok(id);
    }
    let id = upsert_key(tx, table, name, &key)?;
    ids.insert(key, id);
    Ok(id)
}

/// Returns the id of the row named `name` (by folded key), adding it with this spelling if new.
fn upsert_named(tx: &Transaction, table: &str, name: &str) -> Result<i64> {
    upsert_key(tx, table, name, &fold(name))
}

/// The row named `key`: names of themes and genres are unique; two people may share one, and a
/// credit by name alone then goes to the first of them (people::ids moves a credit that comes
/// with a reference id to the person carrying it).
fn upsert_key(tx: &Transaction, table: &str, name: &str, key: &str) -> Result<i64> {
    let existing = tx
        .prepare_cached(&format!(
            "SELECT id FROM {table} WHERE name_key = ?1 ORDER BY id LIMIT 1"
        ))?
        .query_row([key], |row| row.get(0));
    match existing {
        Ok(id) => Ok(id),
        Err(rusqlite::Error::QueryReturnedNoRows) => {
            tx.prepare_cached(&format!(
                "INSERT INTO {table} (name, name_key) VALUES (?1, ?2)"
            ))?
            .execute(params![name, key])?;
            Ok(tx.last_insert_rowid())
        }
        Err(other) => Err(other.into()),
    }
}

/// Deletes the rows among `ids` that no film links to any more, so lists of people and themes
/// only hold names in use.
fn forget_unused(
    tx: &Transaction,
    table: &str,
    link: &str,
    link_column: &str,
    ids: &[i64],
) -> Result<()> {
    let sql = format!(
        "DELETE FROM {table} WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM {link} WHERE {link_column} = ?1)"
    );
    let mut delete = tx.prepare_cached(&sql)?;
    for id in ids {
        delete.execute([id])?;
    }
    Ok(())
}

fn column(tx: &Transaction, sql: &str, params: impl rusqlite::Params) -> Result<Vec<i64>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map(params, |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
}
