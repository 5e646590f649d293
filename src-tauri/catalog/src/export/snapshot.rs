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
    each(tx, "SELECT fp.film_id, fp.role, p.name, fp.credited_as,
                     (SELECT group_concat(e.source || ':' || e.value, ' ' ORDER BY e.source = 'tmdb', e.source, e.value)
                        FROM person_external_ids e WHERE e.person_id = p.id)
                FROM film_people fp JOIN people p ON p.id = fp.person_id ORDER BY fp.film_id, fp.role, fp.position", |row| {
        let ids: Option<String> = row.get(4)?;
        Ok((row.get(0)?, CreditDoc { role: row.get(1)?, name: row.get(2)?, credited_as: row.get(3)?, person_ids: person_ids(ids.as_deref()) }))
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
    let lists = lists(tx, &index_of)?;
    let people = people(tx)?;
    // Completion decisions (the `completion` table) are not exported: they are derived state,
    // what one run against the reference decided (with its candidates as the reference gave
    // them then), and a catalog imported elsewhere is best completed afresh. Leaving them out
    // costs nothing the person wrote; a picked candidate already lives on in the film's fields.
    Ok(Document {
        format: FORMAT.to_owned(),
        version: VERSION,
        films,
        lists,
        people,
    })
}

/// The lists with their entries and ghosts, in each list's one order: entries in it, and each
/// ghost with its place there counted from 1 (not the stored position, which may have gaps), so
/// export → import → export is identical.
fn lists(tx: &Transaction, index_of: &HashMap<i64, usize>) -> Result<Vec<ListDoc>> {
    let mut lists = Vec::new();
    let mut list_index: HashMap<i64, usize> = HashMap::new();
    let mut stmt = tx.prepare(
        "SELECT id, name, description, created_at, updated_at, canon FROM lists ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        list_index.insert(row.get(0)?, lists.len());
        lists.push(ListDoc {
            name: row.get(1)?,
            description: row.get(2)?,
            created_at: row.get(3)?,
            updated_at: row.get(4)?,
            films: Vec::new(),
            canon: row.get(5)?,
            ghosts: Vec::new(),
        });
    }
    // The same order as the list shows (`lists::editing`): by position, ghosts first at a tie.
    let mut stmt = tx.prepare(
        "SELECT list_id, film_id, note, NULL, NULL, NULL, NULL, NULL, position
           FROM list_films
         UNION ALL
         SELECT list_id, NULL, note, source || ':' || value, imdb, title, year, directors, position
           FROM list_ghosts
          ORDER BY 1, 9, 2, 4",
    )?;
    let mut rows = stmt.query([])?;
    let mut places: HashMap<usize, u64> = HashMap::new();
    while let Some(row) = rows.next()? {
        let Some(&l) = list_index.get(&row.get::<_, i64>(0)?) else {
            continue;
        };
        let film: Option<i64> = row.get(1)?;
        let note: Option<String> = row.get(2)?;
        match film {
            Some(film) => {
                if let Some(&f) = index_of.get(&film) {
                    lists[l].films.push(ListEntryDoc { film: f, note });
                } else {
                    continue;
                }
            }
            None => {
                let directors: Option<String> = row.get(7)?;
                lists[l].ghosts.push(GhostDoc {
                    reference_id: row.get(3)?,
                    imdb: row.get(4)?,
                    title: row.get(5)?,
                    year: row.get(6)?,
                    directors: directors
                        .map(|d| d.lines().map(str::to_owned).collect())
                        .unwrap_or_default(),
                    position: places.get(&l).copied().unwrap_or(0) + 1,
                    note,
                });
            }
        }
        *places.entry(l).or_insert(0) += 1;
    }
    Ok(lists)
}

/// `wikidata:Q1 tmdb:2` as the ids it lists (person ids are letters and digits only).
fn person_ids(listed: Option<&str>) -> Vec<ExternalIdDoc> {
    listed
        .unwrap_or_default()
        .split(' ')
        .filter_map(|id| id.split_once(':'))
        .map(|(source, value)| ExternalIdDoc {
            source: source.to_owned(),
            value: value.to_owned(),
        })
        .collect()
}

/// Everyone with an id at a reference service, by name, Wikidata ids before TMDB ones.
fn people(tx: &Transaction) -> Result<Vec<PersonDoc>> {
    let mut people: Vec<PersonDoc> = Vec::new();
    let mut stmt = tx.prepare(
        "SELECT p.id, p.name, e.source, e.value FROM person_external_ids e
           JOIN people p ON p.id = e.person_id
          ORDER BY p.name_key, p.id, e.source = 'tmdb', e.source, e.value",
    )?;
    let mut rows = stmt.query([])?;
    let mut last = None;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let external = ExternalIdDoc {
            source: row.get(2)?,
            value: row.get(3)?,
        };
        match people.last_mut() {
            Some(person) if last == Some(id) => person.external_ids.push(external),
            _ => people.push(PersonDoc {
                name: row.get(1)?,
                external_ids: vec![external],
            }),
        }
        last = Some(id);
    }
    Ok(people)
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
