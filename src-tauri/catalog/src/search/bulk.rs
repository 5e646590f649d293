//! Bulk writes (imports) without the per-row search triggers: they re-index a film once for every
//! credit, theme and review written to it, which makes a large import several times slower. The
//! triggers are set aside inside the caller's transaction, every film and review the work touches
//! is recorded, and only those are indexed once at the end, before the triggers come back; all of
//! it in the same transaction, so a failed or cancelled import leaves index and catalog as they were.

use rusqlite::Transaction;

use crate::error::Result;

const FILM_COLUMNS: &str = "title, original_title, directors, people, themes, facts";

/// Temporary triggers that note which films and reviews the bulk work writes.
const RECORD_TOUCHED: &str = "
CREATE TEMP TABLE IF NOT EXISTS bulk_films (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS bulk_reviews (id INTEGER PRIMARY KEY);
DELETE FROM bulk_films;
DELETE FROM bulk_reviews;
CREATE TEMP TRIGGER bulk_films_insert AFTER INSERT ON main.films BEGIN
    INSERT OR IGNORE INTO bulk_films VALUES (new.id); END;
CREATE TEMP TRIGGER bulk_films_update AFTER UPDATE ON main.films BEGIN
    INSERT OR IGNORE INTO bulk_films VALUES (new.id); END;
CREATE TEMP TRIGGER bulk_people_insert AFTER INSERT ON main.film_people BEGIN
    INSERT OR IGNORE INTO bulk_films VALUES (new.film_id); END;
CREATE TEMP TRIGGER bulk_themes_insert AFTER INSERT ON main.film_themes BEGIN
    INSERT OR IGNORE INTO bulk_films VALUES (new.film_id); END;
CREATE TEMP TRIGGER bulk_viewings_insert AFTER INSERT ON main.viewings BEGIN
    INSERT OR IGNORE INTO bulk_films VALUES (new.film_id); END;
CREATE TEMP TRIGGER bulk_reviews_insert AFTER INSERT ON main.reviews BEGIN
    INSERT OR IGNORE INTO bulk_films VALUES (new.film_id);
    INSERT OR IGNORE INTO bulk_reviews VALUES (new.id); END;
";

const STOP_RECORDING: &str = "
DROP TRIGGER temp.bulk_films_insert;
DROP TRIGGER temp.bulk_films_update;
DROP TRIGGER temp.bulk_people_insert;
DROP TRIGGER temp.bulk_themes_insert;
DROP TRIGGER temp.bulk_viewings_insert;
DROP TRIGGER temp.bulk_reviews_insert;
";

/// Runs `work` with the search triggers set aside, then indexes what it wrote. `work` may insert
/// films, credits, themes, viewings and reviews and update films; it must not delete rows or
/// change the indexed text of existing reviews (the importers only add).
pub(crate) fn without_triggers<T>(
    tx: &Transaction,
    work: impl FnOnce(&Transaction) -> Result<T>,
) -> Result<T> {
    let triggers: Vec<(String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger' AND name LIKE 'search%'",
        )?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER main.\"{name}\""))?;
    }
    tx.execute_batch(RECORD_TOUCHED)?;
    let value = work(tx)?;
    tx.execute_batch(STOP_RECORDING)?;
    tx.execute_batch(&format!(
        "DELETE FROM search_film WHERE rowid IN (SELECT id FROM bulk_films);
         INSERT INTO search_film (rowid, {FILM_COLUMNS})
             SELECT id, {FILM_COLUMNS} FROM search_film_source
              WHERE id IN (SELECT id FROM bulk_films);
         DELETE FROM search_grams WHERE rowid IN (SELECT id FROM bulk_films);
         INSERT INTO search_grams (rowid, titles, names)
             SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people)
               FROM search_film_source WHERE id IN (SELECT id FROM bulk_films);
         INSERT INTO search_reviews (rowid, title, author, body)
             SELECT id, title, author, body FROM reviews WHERE id IN (SELECT id FROM bulk_reviews);
         DELETE FROM bulk_films;
         DELETE FROM bulk_reviews;"
    ))?;
    for (_, sql) in &triggers {
        tx.execute_batch(sql)?;
    }
    Ok(value)
}
