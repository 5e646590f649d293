//! Films: adding, editing, listing, and the trash (soft delete, restore, purge).

use rusqlite::{params, OptionalExtension, Row, Transaction};

use crate::credits::{self, Role};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::model::{Film, FilmInput, FilmWithFacts, WatchStatus};
use crate::text::fold;
use crate::time::{self, instant_at, optional_date_at, optional_instant_at};
use crate::validate::{self, ValidFilm};

/// Separates names inside one aggregated column; a control character, so never part of a name.
const NAME_SEPARATOR: char = '\u{1f}';

/// The SQL of a film's rating, for the film aliased `f`: the one rule, defined by the view
/// `film_rating` in schema/search.sql (its latest personal rating, else the rating it carries).
macro_rules! film_rating_sql {
    () => {
        "(SELECT fr.rating FROM film_rating fr WHERE fr.film_id = f.id)"
    };
}

/// The columns every film query selects, in the order [`film_from_row`] reads them.
pub(crate) const FILM_SELECT: &str = concat!(
    "
    SELECT f.id, f.title, f.original_title, f.year,
      (SELECT group_concat(p.name, char(31) ORDER BY fp.position)
         FROM film_people fp JOIN people p ON p.id = fp.person_id
        WHERE fp.film_id = f.id AND fp.role = 'director') AS directors,
      (SELECT group_concat(t.name, char(31) ORDER BY ft.position)
         FROM film_themes ft JOIN themes t ON t.id = ft.theme_id
        WHERE ft.film_id = f.id) AS themes,
      (SELECT count(*) FROM reviews r WHERE r.film_id = f.id) AS review_count,
      f.created_at, f.updated_at, f.deleted_at, f.watch_status,
      (SELECT count(*) FROM viewings v WHERE v.film_id = f.id) AS viewing_count,
      (SELECT max(v.watched_on) FROM viewings v WHERE v.film_id = f.id) AS last_watched_on,
      ",
    film_rating_sql!(),
    " AS rating,
      f.poster IS NOT NULL AS has_poster
    FROM films f"
);

impl Catalog {
    pub fn add_film(&self, input: &FilmInput) -> Result<Film> {
        let valid = validate::film(input)?;
        self.write(|tx| {
            let id = insert_film(tx, &valid)?;
            film_by_id(tx, id)
        })
    }

    /// Replaces a film's editable fields. Films in the trash must be restored before editing.
    pub fn update_film(&self, id: i64, input: &FilmInput) -> Result<Film> {
        self.update_film_with_status(id, input, None)
    }

    /// Replaces a film's fields and, if given, its watch status, in one write: when the fields
    /// are refused, the status is not changed either.
    pub fn update_film_with_status(
        &self,
        id: i64,
        input: &FilmInput,
        status: Option<WatchStatus>,
    ) -> Result<Film> {
        let valid = validate::film(input)?;
        self.write(|tx| {
            replace_film(tx, id, &valid)?;
            if let Some(status) = status {
                set_status(tx, id, status)?;
            }
            film_by_id(tx, id)
        })
    }

    /// Moves a film to the trash; its reviews stay with it until it is purged.
    pub fn delete_film(&self, id: i64) -> Result<()> {
        self.write(|tx| {
            require_live(tx, id)?;
            tx.execute(
                "UPDATE films SET deleted_at = ?2 WHERE id = ?1",
                params![id, time::to_text(time::now())],
            )?;
            Ok(())
        })
    }

    pub fn restore_film(&self, id: i64) -> Result<Film> {
        self.write(|tx| {
            let film = film_by_id(tx, id)?;
            if film.deleted_at.is_none() {
                return Err(CatalogError::Conflict(format!(
                    "film {id} is not in the trash"
                )));
            }
            tx.execute("UPDATE films SET deleted_at = NULL WHERE id = ?1", [id])?;
            film_by_id(tx, id)
        })
    }

    /// Removes a film in the trash for good, with everything attached to it.
    pub fn purge_film(&self, id: i64) -> Result<()> {
        self.write(|tx| purge(tx, id))?;
        self.sweep_posters()?;
        Ok(())
    }

    /// Purges every film in the trash; returns how many there were.
    pub fn empty_trash(&self) -> Result<usize> {
        self.write(|tx| {
            let ids = {
                let mut stmt = tx.prepare("SELECT id FROM films WHERE deleted_at IS NOT NULL")?;
                let rows = stmt.query_map([], |row| row.get::<_, i64>(0))?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            for id in &ids {
                purge(tx, *id)?;
            }
            Ok(ids.len())
        })
        .and_then(|count| self.sweep_posters().map(|_| count))
    }

    /// Purges films that have been in the trash longer than `days`; returns how many.
    pub fn purge_trash_older_than(&self, days: i64) -> Result<usize> {
        let cutoff = time::to_text(time::now() - chrono::Duration::days(days));
        self.write(|tx| {
            let ids = {
                let mut stmt = tx.prepare(
                    "SELECT id FROM films WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
                )?;
                let rows = stmt.query_map([&cutoff], |row| row.get::<_, i64>(0))?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            for id in &ids {
                purge(tx, *id)?;
            }
            Ok(ids.len())
        })
        .and_then(|count| self.sweep_posters().map(|_| count))
    }

    /// A film with its facts, as `add` and `edit` answer on the command line.
    pub fn film_with_facts(&self, id: i64) -> Result<FilmWithFacts> {
        self.read(|tx| {
            Ok(FilmWithFacts {
                film: film_by_id(tx, id)?,
                facts: crate::facts::facts_of(tx, id)?,
            })
        })
    }

    /// Puts a film on the watchlist, marks it watched, or neither.
    pub fn set_watch_status(&self, id: i64, status: WatchStatus) -> Result<Film> {
        self.write(|tx| {
            require_live(tx, id)?;
            tx.execute(
                "UPDATE films SET watch_status = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, status.as_str(), time::to_text(time::now())],
            )?;
            film_by_id(tx, id)
        })
    }

    /// Films in the trash, most recently deleted first.
    pub fn list_trash(&self) -> Result<Vec<Film>> {
        self.read(|tx| {
            let sql = format!(
                "{FILM_SELECT} WHERE f.deleted_at IS NOT NULL ORDER BY f.deleted_at DESC, f.id"
            );
            let mut stmt = tx.prepare_cached(&sql)?;
            let rows = stmt.query_map([], film_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}

/// Stores a new film inside the caller's transaction; returns its id.
pub(crate) fn insert_film(tx: &Transaction, valid: &ValidFilm) -> Result<i64> {
    let mut ids = credits::NameIds::default();
    insert_film_with(tx, &mut ids, valid, None, None, WatchStatus::None)
}

/// Stores a new film with the fields the film form does not edit (imports have them), in one
/// statement; returns its id. `ids` remembers the people and themes across many films.
pub(crate) fn insert_film_with(
    tx: &Transaction,
    ids: &mut credits::NameIds,
    valid: &ValidFilm,
    runtime_minutes: Option<i64>,
    rating: Option<f64>,
    status: WatchStatus,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO films (title, original_title, title_key, original_title_key, year, runtime_minutes,
                            rating, watch_status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute(params![
        valid.title(),
        valid.original_title(),
        fold(valid.title()),
        original_key(valid),
        valid.year(),
        runtime_minutes,
        rating,
        status.as_str(),
        time::to_text(time::now())
    ])?;
    let id = tx.last_insert_rowid();
    crate::lists::title_ghosts::film_arrived(
        tx,
        id,
        valid.title(),
        valid.original_title(),
        valid.year(),
    )?;
    // A new film has no credits yet: adding skips the delete-and-rewrite of replacing them.
    credits::append_people(tx, ids, id, Role::Director, valid.directors(), 0)?;
    credits::append_themes(tx, ids, id, valid.themes(), 0)?;
    if let Some(facts) = valid.facts() {
        crate::facts::write_facts(tx, id, facts)?;
    }
    Ok(id)
}

/// Sets the fields the film form does not edit (runtime, personal rating), inside the caller's
/// transaction; `None` leaves a field as it is.
pub(crate) fn set_extras(
    tx: &Transaction,
    id: i64,
    runtime_minutes: Option<i64>,
    rating: Option<f64>,
) -> Result<()> {
    if runtime_minutes.is_none() && rating.is_none() {
        return Ok(());
    }
    tx.prepare_cached(
        "UPDATE films SET runtime_minutes = coalesce(?2, runtime_minutes), rating = coalesce(?3, rating)
          WHERE id = ?1",
    )?
    .execute(params![id, runtime_minutes, rating])?;
    Ok(())
}

pub(crate) fn set_status(tx: &Transaction, id: i64, status: WatchStatus) -> Result<()> {
    tx.prepare_cached("UPDATE films SET watch_status = ?2 WHERE id = ?1")?
        .execute(params![id, status.as_str()])?;
    Ok(())
}

/// Restores a film's own timestamps (a Cinedex JSON import keeps them as exported).
pub(crate) fn set_stamps(
    tx: &Transaction,
    id: i64,
    created: &str,
    updated: &str,
    deleted: Option<&str>,
) -> Result<()> {
    tx.prepare_cached(
        "UPDATE films SET created_at = ?2, updated_at = ?3, deleted_at = ?4 WHERE id = ?1",
    )?
    .execute(params![id, created, updated, deleted])?;
    Ok(())
}

/// Replaces a live film's fields inside the caller's transaction.
pub(crate) fn replace_film(tx: &Transaction, id: i64, valid: &ValidFilm) -> Result<()> {
    require_live(tx, id)?;
    tx.execute(
        "UPDATE films SET title = ?2, original_title = ?3, title_key = ?4, original_title_key = ?5,
                year = ?6, updated_at = ?7
          WHERE id = ?1",
        params![
            id,
            valid.title(),
            valid.original_title(),
            fold(valid.title()),
            original_key(valid),
            valid.year(),
            time::to_text(time::now())
        ],
    )?;
    set_credits(tx, id, valid)
}

/// Reads one film by id, live or trashed.
pub(crate) fn film_by_id(tx: &Transaction, id: i64) -> Result<Film> {
    tx.prepare_cached(&format!("{FILM_SELECT} WHERE f.id = ?1"))?
        .query_row([id], film_from_row)
        .optional()?
        .ok_or(CatalogError::NotFound { entity: "film", id })
}

/// Fails unless film `id` exists and is not in the trash.
pub(crate) fn require_live(tx: &Transaction, id: i64) -> Result<()> {
    let deleted: Option<Option<String>> = tx
        .prepare_cached("SELECT deleted_at FROM films WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?;
    match deleted {
        None => Err(CatalogError::NotFound { entity: "film", id }),
        Some(Some(_)) => Err(CatalogError::Conflict(format!(
            "film {id} is in the trash; restore it first"
        ))),
        Some(None) => Ok(()),
    }
}

fn purge(tx: &Transaction, id: i64) -> Result<()> {
    let film = film_by_id(tx, id)?;
    if film.deleted_at.is_none() {
        return Err(CatalogError::Conflict(format!(
            "film {id} is not in the trash; delete it before removing it for good"
        )));
    }
    let detached = credits::detach_all(tx, id)?;
    tx.execute("DELETE FROM films WHERE id = ?1", [id])?;
    credits::forget_detached(tx, detached)
}

fn set_credits(tx: &Transaction, id: i64, valid: &ValidFilm) -> Result<()> {
    credits::set_people(tx, id, Role::Director, valid.directors())?;
    credits::set_themes(tx, id, valid.themes())?;
    match valid.facts() {
        Some(facts) => crate::facts::write_facts(tx, id, facts),
        None => Ok(()),
    }
}

fn original_key(valid: &ValidFilm) -> String {
    valid.original_title().map(fold).unwrap_or_default()
}

pub(crate) fn film_from_row(row: &Row) -> rusqlite::Result<Film> {
    Ok(Film {
        id: row.get(0)?,
        title: row.get(1)?,
        original_title: row.get(2)?,
        year: row.get(3)?,
        directors: split_names(row.get(4)?),
        themes: split_names(row.get(5)?),
        review_count: row.get(6)?,
        created_at: instant_at(row, 7)?,
        updated_at: instant_at(row, 8)?,
        deleted_at: optional_instant_at(row, 9)?,
        watch_status: WatchStatus::parse(&row.get::<_, String>(10)?).unwrap_or_default(),
        viewing_count: row.get(11)?,
        last_watched_on: optional_date_at(row, 12)?,
        rating: row.get(13)?,
        has_poster: row.get(14)?,
    })
}

fn split_names(joined: Option<String>) -> Vec<String> {
    joined
        .map(|text| text.split(NAME_SEPARATOR).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Reads films by id in the order given, skipping ids that no longer exist.
pub(crate) fn films_by_ids(tx: &Transaction, ids: &[i64]) -> Result<Vec<Film>> {
    let mut stmt = tx.prepare_cached(&format!("{FILM_SELECT} WHERE f.id = ?1"))?;
    let mut films = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(film) = stmt.query_row([id], film_from_row).optional()? {
            films.push(film);
        }
    }
    Ok(films)
}

/// A change to what is attached to a film (a review, a viewing, a note) is a change to the film:
/// the library's "recently updated" order shows it.
pub(crate) fn touch_film(tx: &Transaction, film_id: i64) -> Result<()> {
    tx.prepare_cached("UPDATE films SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![film_id, time::to_text(time::now())])?;
    Ok(())
}
