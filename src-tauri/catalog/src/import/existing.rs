//! Matched films: what the catalog already has of them, left out of the plan so that importing
//! the same file again writes nothing.

use std::collections::HashSet;

use rusqlite::Transaction;

use crate::text::fold;

use super::record::{status_rank, FilmRecord};

pub fn is_trashed(tx: &Transaction, id: i64) -> crate::Result<bool> {
    Ok(tx.query_row(
        "SELECT deleted_at IS NOT NULL FROM films WHERE id = ?1",
        [id],
        |row| row.get(0),
    )?)
}

/// Leaves in a matched film's record only what the catalog does not have yet; whether anything
/// is left that would change the film.
pub fn reduce_to_new(tx: &Transaction, id: i64, r: &mut FilmRecord) -> crate::Result<bool> {
    let (rating, runtime, status): (Option<f64>, Option<i64>, String) = tx.query_row(
        "SELECT rating, runtime_minutes, watch_status FROM films WHERE id = ?1",
        [id],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    r.rating = r.rating.filter(|_| rating.is_none());
    r.runtime_minutes = r.runtime_minutes.filter(|_| runtime.is_none());
    let current = crate::model::WatchStatus::parse(&status).unwrap_or_default();
    if status_rank(r.status) <= status_rank(current) {
        r.status = current;
    }
    let status_changes = r.status != current;
    r.exact_status = false;
    r.stamps = None;
    r.deleted_at = None;
    let credited: HashSet<(String, String)> = strings2(
        tx,
        "SELECT fp.role, p.name_key FROM film_people fp JOIN people p ON p.id = fp.person_id WHERE fp.film_id = ?1",
        id,
    )?;
    r.film
        .retain_directors(|n| !credited.contains(&("director".to_owned(), fold(n))));
    r.credits
        .retain(|c| !credited.contains(&(c.role.as_str().to_owned(), fold(&c.name))));
    let themes: HashSet<(String, String)> = strings2(
        tx,
        "SELECT '', t.name_key FROM film_themes ft JOIN themes t ON t.id = ft.theme_id WHERE ft.film_id = ?1",
        id,
    )?;
    r.film
        .retain_themes(|n| !themes.contains(&(String::new(), fold(n))));
    let external: HashSet<(String, String)> = strings2(
        tx,
        "SELECT source, value FROM external_ids WHERE film_id = ?1",
        id,
    )?;
    r.external_ids.retain(|e| !external.contains(e));
    let viewings: HashSet<(String, String)> = strings2(
        tx,
        "SELECT watched_on, CAST(rewatch AS TEXT) FROM viewings WHERE film_id = ?1",
        id,
    )?;
    r.viewings.retain(|(v, _)| {
        let key = (
            crate::time::date_to_text(v.watched_on()),
            u8::from(v.rewatch()).to_string(),
        );
        !viewings.contains(&key)
    });
    let bodies: HashSet<(String, String)> =
        strings2(tx, "SELECT '', body FROM reviews WHERE film_id = ?1", id)?;
    r.reviews
        .retain(|(review, _)| !bodies.contains(&(String::new(), review.body().to_owned())));
    let notes: HashSet<(String, String)> = strings2(
        tx,
        "SELECT CAST(at_seconds AS TEXT), body FROM annotations WHERE film_id = ?1",
        id,
    )?;
    r.annotations
        .retain(|(at, body, _)| !notes.contains(&(at.to_string(), body.clone())));
    Ok(r.rating.is_some()
        || r.runtime_minutes.is_some()
        || status_changes
        || !r.film.directors().is_empty()
        || !r.credits.is_empty()
        || !r.film.themes().is_empty()
        || !r.external_ids.is_empty()
        || !r.viewings.is_empty()
        || !r.reviews.is_empty()
        || !r.annotations.is_empty())
}

fn strings2(tx: &Transaction, sql: &str, id: i64) -> crate::Result<HashSet<(String, String)>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
