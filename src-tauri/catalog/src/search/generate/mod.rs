//! A deterministic generator of realistic catalogs, for search tests and the search benchmark:
//! titles and names with accents, CJK titles, common words such as "the", several directors,
//! actors and themes per film, and reviews and notes of a few paragraphs. The same size and seed
//! always give the same catalog. A few known films are planted at fixed places so tests and the
//! benchmark can check that they are found.

use rusqlite::{params, Transaction};

use crate::db::Catalog;
use crate::error::Result;
use crate::text::fold;

mod text;
use text::{invented, paragraph, person, title, Rng};

/// What was generated.
#[derive(Debug, Clone, Copy, Default)]
pub struct Generated {
    pub films: usize,
    pub reviews: usize,
}

/// Films planted every [`PLANT_EVERY`] films: (title, original title, director, theme, year).
pub const PLANTED: &[(&str, Option<&str>, &str, &str, i32)] = &[
    (
        "Amélie",
        Some("Le Fabuleux Destin d'Amélie Poulain"),
        "Jean-Pierre Jeunet",
        "paris",
        2001,
    ),
    ("Stalker", Some("Сталкер"), "Andrei Tarkovsky", "zone", 1979),
    (
        "Spirited Away",
        Some("千と千尋の神隠し"),
        "Hayao Miyazaki",
        "spirits",
        2001,
    ),
    (
        "Innocence",
        Some("イノセンス"),
        "Mamoru Oshii",
        "cyberpunk",
        2004,
    ),
    (
        "Ghost in the Shell",
        Some("攻殻機動隊"),
        "Mamoru Oshii",
        "cyberpunk",
        1995,
    ),
];
pub const PLANT_EVERY: usize = 1_000;

/// Fills `catalog` (which should be empty) with `films` films and about as many reviews.
/// With `bulk`, the search triggers are set aside while writing and the index is rebuilt once at
/// the end ([`Catalog::rebuild_search_index`], not called here), as a bulk load would; without,
/// every row goes through the triggers like any other write.
pub fn fill(catalog: &Catalog, films: usize, seed: u64, bulk: bool) -> Result<Generated> {
    catalog.write(|tx| {
        let triggers = if bulk {
            set_aside_triggers(tx)?
        } else {
            Vec::new()
        };
        let generated = write_films(tx, films, seed)?;
        for sql in triggers {
            tx.execute_batch(&sql)?;
        }
        Ok(generated)
    })
}

fn set_aside_triggers(tx: &Transaction) -> Result<Vec<String>> {
    let triggers: Vec<(String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search%'",
        )?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    Ok(triggers.into_iter().map(|(_, sql)| sql).collect())
}

fn write_films(tx: &Transaction, films: usize, seed: u64) -> Result<Generated> {
    let mut rng = Rng(seed);
    let directors = (films / 8).max(20);
    let actors = (films / 4).max(50);
    let themes = 150;
    let mut add_person =
        tx.prepare("INSERT OR IGNORE INTO people (id, name, name_key) VALUES (?1, ?2, ?3)")?;
    for id in 0..directors + actors {
        let name = person(id);
        add_person.execute(params![
            id as i64 + 1,
            name,
            format!("{}#{id}", fold(&name))
        ])?;
    }
    let planted_people: Vec<i64> = PLANTED
        .iter()
        .enumerate()
        .map(|(i, (_, _, director, _, _))| {
            // One row per planted name, however many films it directs.
            let first = PLANTED.iter().position(|p| p.2 == *director).unwrap_or(i);
            let id = (directors + actors + first + 1) as i64;
            add_person.execute(params![id, director, fold(director)])?;
            Ok(id)
        })
        .collect::<Result<_>>()?;
    let mut add_theme =
        tx.prepare("INSERT INTO themes (id, name, name_key) VALUES (?1, ?2, ?3)")?;
    for id in 0..themes {
        let name = if id < PLANTED.len() {
            // Repeated planted themes get a numbered twin that is never used.
            if PLANTED[..id].iter().any(|p| p.3 == PLANTED[id].3) {
                format!("{}{id}", PLANTED[id].3)
            } else {
                PLANTED[id].3.to_owned()
            }
        } else {
            format!("{}{id}", invented(&mut rng, 2, 2))
        };
        add_theme.execute(params![id as i64 + 1, name, fold(&name)])?;
    }
    let mut add_film = tx.prepare(
        "INSERT INTO films (id, title, original_title, title_key, original_title_key, year, rating,
                            watch_status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?;
    let mut credit = tx.prepare(
        "INSERT OR IGNORE INTO film_people (film_id, person_id, role, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut theme = tx.prepare(
        "INSERT OR IGNORE INTO film_themes (film_id, theme_id, position) VALUES (?1, ?2, ?3)",
    )?;
    let mut review = tx.prepare(
        "INSERT INTO reviews (film_id, kind, title, author, body, rating, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?;
    let mut generated = Generated::default();
    for index in 0..films {
        let id = index as i64 + 1;
        let planted = (index % PLANT_EVERY == PLANT_EVERY / 2)
            .then(|| PLANTED[(index / PLANT_EVERY) % PLANTED.len()]);
        let (name, original, year) = match planted {
            Some((t, o, _, _, y)) => (t.to_owned(), o.map(str::to_owned), y),
            None => (title(&mut rng), None, 1920 + rng.below(106) as i32),
        };
        let rating = (rng.below(3) == 0).then(|| (1 + rng.below(10)) as f64 / 2.0);
        let status = ["none", "none", "watched", "watchlist"][rng.below(4)];
        let created = format!("2024-01-01T00:00:{:02}.000Z", index % 60);
        add_film.execute(params![
            id,
            name,
            original,
            fold(&name),
            original.as_deref().map(fold).unwrap_or_default(),
            year,
            rating,
            status,
            created
        ])?;
        match planted {
            Some(p) => {
                let which = PLANTED.iter().position(|q| q.0 == p.0).unwrap_or(0);
                let theme_of = PLANTED.iter().position(|q| q.3 == p.3).unwrap_or(which);
                credit.execute(params![id, planted_people[which], "director", 0])?;
                theme.execute(params![id, theme_of as i64 + 1, 0])?;
            }
            None => {
                for position in 0..1 + rng.below(2) {
                    let person = 1 + rng.skewed(directors) as i64;
                    credit.execute(params![id, person, "director", position as i64])?;
                }
                for position in 0..rng.below(3) {
                    let person = 1 + (directors + rng.below(actors)) as i64;
                    credit.execute(params![id, person, "actor", position as i64])?;
                }
                for position in 0..rng.below(4) {
                    let t = 1 + (PLANTED.len() + rng.skewed(themes - PLANTED.len())) as i64;
                    theme.execute(params![id, t, position as i64])?;
                }
            }
        }
        // 0, 1 or 2 reviews: about one per film on average.
        for _ in 0..rng.below(3) {
            let kind = ["review", "review", "note", "article"][rng.below(4)];
            let paragraphs = 1 + rng.below(3);
            let body = (0..paragraphs)
                .map(|_| {
                    let words = 20 + rng.below(40);
                    paragraph(&mut rng, words)
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            let heading = (rng.below(2) == 0).then(|| title(&mut rng));
            let author = (kind == "article").then(|| person(rng.below(directors)));
            let stars = (kind == "review").then(|| (1 + rng.below(10)) as f64 / 2.0);
            review.execute(params![id, kind, heading, author, body, stars, created])?;
            generated.reviews += 1;
        }
        generated.films += 1;
    }
    Ok(generated)
}
