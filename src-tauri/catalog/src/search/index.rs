//! Keeping the search index honest. The triggers of schema/search.sql update it inside every
//! write transaction; this module rebuilds it from the source tables and checks it against them.

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::schema::{self, FILM_COLUMNS};
use crate::db::Catalog;
use crate::error::Result;

/// What `check_search_index` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchIndexReport {
    pub ok: bool,
    pub problems: Vec<String>,
    #[ts(type = "number")]
    pub films_indexed: i64,
    #[ts(type = "number")]
    pub reviews_indexed: i64,
}

const FTS_CHECKS: &[(&str, &str)] = &[
    (
        "search_film",
        "INSERT INTO search_film (search_film) VALUES ('integrity-check')",
    ),
    (
        "search_grams",
        "INSERT INTO search_grams (search_grams) VALUES ('integrity-check')",
    ),
    // rank = 1 also compares the index with its content table, `reviews`.
    (
        "search_reviews",
        "INSERT INTO search_reviews (search_reviews, rank) VALUES ('integrity-check', 1)",
    ),
    (
        "search_notes",
        "INSERT INTO search_notes (search_notes, rank) VALUES ('integrity-check', 1)",
    ),
];

impl Catalog {
    /// Rebuilds every search index from the films, people, themes and reviews tables.
    pub fn rebuild_search_index(&self) -> Result<()> {
        self.write(rebuild)
    }

    /// FTS5's own integrity checks, and the indexed rows compared with the rows they index.
    pub fn check_search_index(&self) -> Result<SearchIndexReport> {
        // FTS5's integrity check is spelled as an INSERT, so it needs the writer; it changes nothing.
        self.write(|tx| {
            let problems = problems(tx, true)?;
            let count = |sql: &str| tx.query_row(sql, [], |row| row.get::<_, i64>(0));
            Ok(SearchIndexReport {
                ok: problems.is_empty(),
                problems,
                films_indexed: count("SELECT count(*) FROM search_film")?,
                reviews_indexed: count("SELECT count(*) FROM reviews")?,
            })
        })
    }
}

pub(crate) fn rebuild(tx: &Transaction) -> Result<()> {
    tx.execute_batch("DELETE FROM search_film; DELETE FROM search_grams;")?;
    schema::fill(tx)?;
    tx.execute_batch(
        "INSERT INTO search_film (search_film) VALUES ('optimize');
         INSERT INTO search_grams (search_grams) VALUES ('optimize');
         INSERT INTO search_reviews (search_reviews) VALUES ('optimize');
         INSERT INTO search_notes (search_notes) VALUES ('optimize');",
    )?;
    Ok(())
}

/// Every difference between the index and the catalog, in words; empty when they agree.
/// `fts_checks` adds FTS5's own integrity checks, which are spelled as INSERTs and so only run on
/// the writer (on readers, `PRAGMA integrity_check` covers the FTS5 structure).
pub(crate) fn problems(tx: &Transaction, fts_checks: bool) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let checks = if fts_checks { FTS_CHECKS } else { &[] };
    for (table, check) in checks {
        if let Err(e) = tx.execute_batch(check) {
            problems.push(format!("the search index {table} is damaged: {e}"));
        }
    }
    let differing = |sql: &str| tx.query_row(sql, [], |row| row.get::<_, i64>(0));
    let missing = differing(&format!(
        "SELECT count(*) FROM (SELECT id, {FILM_COLUMNS} FROM search_film_source
                               EXCEPT SELECT rowid, {FILM_COLUMNS} FROM search_film)"
    ))?;
    if missing > 0 {
        problems.push(format!(
            "{missing} films are missing from the search index or indexed out of date"
        ));
    }
    let stale = differing(&format!(
        "SELECT count(*) FROM (SELECT rowid, {FILM_COLUMNS} FROM search_film
                               EXCEPT SELECT id, {FILM_COLUMNS} FROM search_film_source)"
    ))?;
    if stale > 0 {
        problems.push(format!(
            "{stale} rows of the search index are films that are gone, in the trash or changed"
        ));
    }
    let grams = differing(
        "SELECT (SELECT count(*) FROM (
                    SELECT id, titles, names FROM search_grams_source
                    EXCEPT SELECT rowid, titles, names FROM search_grams))
              + abs((SELECT count(*) FROM search_grams) - (SELECT count(*) FROM search_grams_source))",
    )?;
    if grams != 0 {
        problems.push("the substring index of titles and names is out of date".to_owned());
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use rusqlite::params;

    use crate::text::has_cjk_when_folded;
    use crate::{Catalog, FilmInput};

    /// The view behind the trigram index spells `is_cjk`'s ranges as a GLOB: both must pick the
    /// same characters, or a CJK word could miss a film (or Latin films would fill the index).
    #[test]
    fn the_trigram_index_holds_exactly_the_films_with_cjk_characters() {
        let catalog = Catalog::open_in_memory().unwrap();
        let film = catalog
            .add_film(&FilmInput {
                title: "x".into(),
                ..Default::default()
            })
            .unwrap();
        let edges = [
            0x3040, 0x30FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFAFF, 0xAC00, 0xD7AF,
            0x20000, 0x2FA1F,
        ];
        let mut probes: Vec<u32> = edges.iter().flat_map(|e| [e - 1, *e, e + 1]).collect();
        probes.extend((0x20..0x3_1000).step_by(97));
        let mut cjk_seen = 0;
        for c in probes.into_iter().filter_map(char::from_u32) {
            if c.is_control() {
                continue;
            }
            let indexed = catalog
                .write(|tx| {
                    tx.execute(
                        "UPDATE films SET title = ?1 WHERE id = ?2",
                        params![format!("a{c}b"), film.id],
                    )?;
                    let rows: i64 = tx.query_row(
                        "SELECT count(*) FROM search_grams WHERE rowid = ?1",
                        [film.id],
                        |row| row.get(0),
                    )?;
                    Ok(rows == 1)
                })
                .unwrap();
            assert_eq!(
                indexed,
                has_cjk_when_folded(&c.to_string()),
                "U+{:04X}",
                c as u32
            );
            cjk_seen += usize::from(indexed);
        }
        assert!(cjk_seen > 100, "the probes reach into every CJK range");
    }
}
