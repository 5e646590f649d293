//! Reading the whole catalog into a [`Document`], in a stable order (films, and what belongs to
//! them, by id; credits by role then position) so two exports of one catalog are identical.

use std::collections::HashMap;

use rusqlite::Transaction;

use crate::error::Result;
use crate::model::{ReviewKind, WatchStatus};

use super::document::*;

pub fn document(tx: &Transaction) -> Result<Document> {
    let mut films = Vec::new();
    let mut index_of: HashMap<i64, usize> = HashMap::new();
    let mut stmt = tx.prepare(
        "SELECT id, title, original_title, year, runtime_minutes, rating, watch_status, created_at, updated_at, deleted_at,
                original_language, synopsis
           FROM films ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut ids = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        index_of.insert(id, films.len());
        ids.push(id);
        films.push(FilmDoc {
            title: row.get(1)?,
            original_title: row.get(2)?,
            year: row.get(3)?,
            runtime_minutes: row.get(4)?,
            rating: row.get(5)?,
            watch_status: WatchStatus::parse(&row.get::<_, String>(6)?).unwrap_or_default(),
            credits: Vec::new(),
            themes: Vec::new(),
            genres: Vec::new(),
            countries: Vec::new(),
            original_language: row.get(10)?,
            synopsis: row.get(11)?,
            external_ids: Vec::new(),
            reviews: Vec::new(),
            viewings: Vec::new(),
            annotations: Vec::new(),
            created_at: row.get(7)?,
            updated_at: row.get(8)?,
            deleted_at: row.get(9)?,
        });
    }
    // One pass per table, attached through the id → index map: a query per film would make
    // exporting a large catalog slow.
    each(tx, "SELECT fp.film_id, fp.role, p.name, fp.credited_as FROM film_people fp JOIN people p ON p.id = fp.person_id ORDER BY fp.film_id, fp.role, fp.position", |row| {
        Ok((row.get(0)?, CreditDoc { role: row.get(1)?, name: row.get(2)?, credited_as: row.get(3)? }))
    }, |i, c| films[i].credits.push(c), &index_of)?;
    each(tx, "SELECT ft.film_id, t.name FROM film_themes ft JOIN themes t ON t.id = ft.theme_id ORDER BY ft.film_id, ft.position", |row| {
        Ok((row.get(0)?, row.get::<_, String>(1)?))
    }, |i, t| films[i].themes.push(t), &index_of)?;
    each(tx, "SELECT fg.film_id, g.name FROM film_genres fg JOIN genres g ON g.id = fg.genre_id ORDER BY fg.film_id, fg.position", |row| {
        Ok((row.get(0)?, row.get::<_, String>(1)?))
    }, |i, g| films[i].genres.push(g), &index_of)?;
    each(
        tx,
        "SELECT film_id, country FROM film_countries ORDER BY film_id, position",
        |row| Ok((row.get(0)?, row.get::<_, String>(1)?)),
        |i, c| films[i].countries.push(c),
        &index_of,
    )?;
    each(
        tx,
        "SELECT film_id, source, value FROM external_ids ORDER BY film_id, source, value",
        |row| {
            Ok((
                row.get(0)?,
                ExternalIdDoc {
                    source: row.get(1)?,
                    value: row.get(2)?,
                },
            ))
        },
        |i, e| films[i].external_ids.push(e),
        &index_of,
    )?;
    // Where each review went (film index, review index), for its highlights.
    let mut review_at: HashMap<i64, (usize, usize)> = HashMap::new();
    each(tx, "SELECT film_id, kind, title, author, source, url, published_on, rating, spoiler, body, created_at, updated_at, id FROM reviews ORDER BY film_id, id", |row| {
        Ok((row.get(0)?, (row.get::<_, i64>(12)?, ReviewDoc {
            kind: ReviewKind::parse(&row.get::<_, String>(1)?).unwrap_or_default(),
            title: row.get(2)?, author: row.get(3)?, source: row.get(4)?, url: row.get(5)?,
            published_on: row.get(6)?, rating: row.get(7)?, spoiler: row.get(8)?, body: row.get(9)?,
            created_at: row.get(10)?, updated_at: row.get(11)?, highlights: Vec::new(),
        })))
    }, |i, (id, r)| {
        review_at.insert(id, (i, films[i].reviews.len()));
        films[i].reviews.push(r);
    }, &index_of)?;
    let mut stmt = tx.prepare(
        "SELECT review_id, quote, prefix, suffix, start_offset, note, orphaned, created_at, updated_at
           FROM highlights ORDER BY review_id, orphaned, start_offset, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let review: i64 = row.get(0)?;
        if let Some(&(f, r)) = review_at.get(&review) {
            films[f].reviews[r].highlights.push(HighlightDoc {
                quote: row.get(1)?,
                prefix: row.get(2)?,
                suffix: row.get(3)?,
                start: row.get(4)?,
                note: row.get(5)?,
                orphaned: row.get(6)?,
                created_at: row.get(7)?,
                updated_at: row.get(8)?,
            });
        }
    }
    each(tx, "SELECT film_id, watched_on, rewatch, rating, place, note, created_at, updated_at FROM viewings ORDER BY film_id, id", |row| {
        Ok((row.get(0)?, ViewingDoc {
            watched_on: row.get(1)?, rewatch: row.get(2)?, rating: row.get(3)?, place: row.get(4)?,
            note: row.get(5)?, created_at: row.get(6)?, updated_at: row.get(7)?,
        }))
    }, |i, v| films[i].viewings.push(v), &index_of)?;
    each(tx, "SELECT film_id, at_seconds, body, created_at, updated_at FROM annotations ORDER BY film_id, id", |row| {
        Ok((row.get(0)?, AnnotationDoc {
            at: crate::annotations::format_timecode(row.get(1)?), body: row.get(2)?,
            created_at: row.get(3)?, updated_at: row.get(4)?,
        }))
    }, |i, a| films[i].annotations.push(a), &index_of)?;
    let mut lists = Vec::new();
    let mut list_index: HashMap<i64, usize> = HashMap::new();
    let mut stmt =
        tx.prepare("SELECT id, name, description, created_at, updated_at FROM lists ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        list_index.insert(row.get(0)?, lists.len());
        lists.push(ListDoc {
            name: row.get(1)?,
            description: row.get(2)?,
            created_at: row.get(3)?,
            updated_at: row.get(4)?,
            films: Vec::new(),
        });
    }
    let mut stmt = tx.prepare(
        "SELECT list_id, film_id, note FROM list_films ORDER BY list_id, position, film_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (list, film): (i64, i64) = (row.get(0)?, row.get(1)?);
        if let (Some(&l), Some(&f)) = (list_index.get(&list), index_of.get(&film)) {
            lists[l].films.push(ListEntryDoc {
                film: f,
                note: row.get(2)?,
            });
        }
    }
    Ok(Document {
        format: FORMAT.to_owned(),
        version: VERSION,
        films,
        lists,
    })
}

fn each<T>(
    tx: &Transaction,
    sql: &str,
    read: impl Fn(&rusqlite::Row) -> rusqlite::Result<(i64, T)>,
    mut put: impl FnMut(usize, T),
    index_of: &HashMap<i64, usize>,
) -> Result<()> {
    let mut stmt = tx.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (film, value) = read(row)?;
        if let Some(&i) = index_of.get(&film) {
            put(i, value);
        }
    }
    Ok(())
}
