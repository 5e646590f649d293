//! A deterministic generator of realistic catalogs, for search tests and the search benchmark:
//! titles and names with accents, CJK titles, common words such as "the", several directors,
//! actors and themes per film, and reviews and notes of a few paragraphs. The same size and seed
//! always give the same catalog. A few known films are planted at fixed places so tests and the
//! benchmark can check that they are found.

use rusqlite::{params, Transaction};

use crate::db::Catalog;
use crate::error::Result;
use crate::text::fold;

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

const TITLE_WORDS: &[&str] = &[
    "the",
    "the",
    "the",
    "of",
    "a",
    "in",
    "and",
    "night",
    "love",
    "city",
    "last",
    "man",
    "woman",
    "house",
    "river",
    "summer",
    "winter",
    "dark",
    "light",
    "blue",
    "red",
    "story",
    "dream",
    "return",
    "secret",
    "journey",
    "garden",
    "shadow",
    "empire",
    "king",
    "queen",
    "war",
    "sea",
    "mountain",
    "road",
    "station",
    "mirror",
    "silence",
    "voyage",
    "été",
    "mañana",
    "garçon",
    "über",
    "ça",
    "étoile",
    "rêve",
    "père",
    "mère",
    "noël",
    "señor",
    "niño",
    "café",
    "naïve",
    "fräulein",
    "öffnung",
    "straße",
    "ghost",
    "machine",
    "heart",
    "stranger",
    "paradise",
    "angel",
    "devil",
    "wind",
    "fire",
    "water",
    "stone",
    "glass",
    "paper",
    "moon",
    "sun",
    "star",
];
const CJK_TITLES: &[&str] = &[
    "東京物語",
    "七人の侍",
    "花様年華",
    "羅生門",
    "となりのトトロ",
    "悲情城市",
    "天国と地獄",
    "火垂るの墓",
    "乱",
    "花火",
    "雨月物語",
    "晩春",
    "浮雲",
    "菊次郎の夏",
    "重慶森林",
];
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "tar", "ko", "vsky", "an", "dre", "ma", "ru", "shi", "li", "na", "ber",
    "gman", "fel", "ini", "go", "dard", "var", "da", "ké", "lé", "zu", "ño", "wong", "kar", "wai",
    "ozu", "mu", "ra", "sen", "ta", "ni", "el", "to", "sa", "ki", "yo", "lu", "ço", "ø",
];
const COMMON: &[&str] = &[
    "the",
    "the",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "is",
    "that",
    "it",
    "film",
    "with",
    "as",
    "its",
    "this",
    "but",
    "for",
    "on",
    "not",
    "by",
    "his",
    "her",
    "one",
    "from",
    "an",
    "at",
    "scene",
    "camera",
    "light",
    "shot",
    "story",
    "time",
    "city",
    "night",
    "long",
    "slow",
    "quiet",
    "beautiful",
    "strange",
    "memory",
    "dream",
    "water",
    "face",
    "silence",
    "music",
    "colour",
    "frame",
    "character",
    "ending",
    "beginning",
    "rhythm",
    "tenderness",
    "cruelty",
];

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Skewed towards small indices, like word frequencies.
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        self.below(a + 1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A made-up word of `base` to `base + spread - 1` syllables.
fn invented(rng: &mut Rng, base: usize, spread: usize) -> String {
    let syllables = base + rng.below(spread);
    (0..syllables).map(|_| rng.pick(SYLLABLES)).collect()
}

/// The name of person `index`: the same index always gives the same name.
fn person(index: usize) -> String {
    let mut seeded = Rng(index as u64 * 7919 + 17);
    let first = invented(&mut seeded, 2, 2);
    let last = invented(&mut seeded, 2, 2);
    format!("{} {}", capitalised(&first), capitalised(&last))
}

fn title(rng: &mut Rng) -> String {
    if rng.below(40) == 0 {
        return rng.pick(CJK_TITLES).to_owned();
    }
    let words = 1 + rng.below(4);
    let mut parts = Vec::with_capacity(words);
    for _ in 0..words {
        if rng.below(4) == 0 {
            parts.push(capitalised(&invented(rng, 2, 2)));
        } else {
            parts.push(capitalised(TITLE_WORDS[rng.skewed(TITLE_WORDS.len())]));
        }
    }
    parts.join(" ")
}

fn paragraph(rng: &mut Rng, words: usize) -> String {
    let mut out = String::with_capacity(words * 7);
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        if rng.below(6) == 0 {
            out.push_str(&invented(rng, 2, 3));
        } else {
            out.push_str(COMMON[rng.skewed(COMMON.len())]);
        }
    }
    out.push('.');
    out
}

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
