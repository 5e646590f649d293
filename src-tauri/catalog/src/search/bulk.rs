//! Bulk writes (imports) without the per-row search triggers: they re-index a film once for every
//! credit, theme and review written to it, which makes a large import several times slower. The
//! triggers are set aside inside the caller's transaction, the work says which films and reviews
//! it wrote ([`Touched`]), and only those are indexed once at the end, before the triggers come
//! back; all of it in the same transaction, so a failed or cancelled import leaves index and
//! catalog as they were.

use rusqlite::{params, Transaction};

use super::schema::{FtsSettings, FILM_COLUMNS};
use crate::error::Result;
use crate::text::has_cjk_when_folded;

/// What the bulk work wrote, to be indexed at the end.
#[derive(Debug, Default)]
pub(crate) struct Touched {
    /// Films added by the work: they have no index rows yet.
    new_films: Vec<i64>,
    /// The new films whose titles or names have CJK characters: only they can have a row in the
    /// trigram index (see search_grams_source in schema/search.sql), so only they are looked up for it.
    new_cjk_films: Vec<i64>,
    /// Films that were there before and changed: their old index rows are replaced.
    changed_films: Vec<i64>,
    reviews: Vec<i64>,
    /// Highlights written on the new reviews: their notes are indexed in search_notes.
    highlights: Vec<i64>,
}

impl Touched {
    /// A film the work added, with every title and name it was written with.
    pub(crate) fn new_film<'a>(&mut self, id: i64, texts: impl IntoIterator<Item = &'a str>) {
        self.new_films.push(id);
        if texts.into_iter().any(has_cjk_when_folded) {
            self.new_cjk_films.push(id);
        }
    }

    pub(crate) fn changed_film(&mut self, id: i64) {
        self.changed_films.push(id);
    }

    pub(crate) fn review(&mut self, id: i64) {
        self.reviews.push(id);
    }

    pub(crate) fn highlights(&mut self, ids: impl IntoIterator<Item = i64>) {
        self.highlights.extend(ids);
    }
}

/// Runs `work` with the search triggers set aside, then indexes what it reported in [`Touched`].
/// `work` may insert films, credits, themes, viewings, reviews and their highlights and update films; it must not
/// delete rows or change the indexed text of existing reviews (the importers only add), and it
/// must report every film and review it writes.
pub(crate) fn without_triggers<T>(
    tx: &Transaction,
    work: impl FnOnce(&Transaction, &mut Touched) -> Result<T>,
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
    let mut touched = Touched::default();
    let value = work(tx, &mut touched)?;
    // Only now: an FTS5 table that took part in the transaction is asked for a savepoint by
    // every statement after, which would cost each of `work`'s million inserts a little.
    let settings = FtsSettings::for_bulk(tx)?;
    index(tx, touched)?;
    settings.restore(tx)?;
    for (_, sql) in &triggers {
        tx.execute_batch(sql)?;
    }
    Ok(value)
}

/// Writes the index rows of the touched films and reviews. Each run of consecutive ids is one
/// `INSERT ... SELECT` per index: FTS5 then takes the rows in few large statements, which costs
/// a fraction of a statement per film.
fn index(tx: &Transaction, touched: Touched) -> Result<()> {
    let Touched {
        new_films,
        new_cjk_films,
        changed_films,
        mut reviews,
        highlights,
    } = touched;
    let changed_films = sorted(changed_films);
    {
        let mut film = tx.prepare_cached("DELETE FROM search_film WHERE rowid = ?1")?;
        let mut grams = tx.prepare_cached("DELETE FROM search_grams WHERE rowid = ?1")?;
        for id in &changed_films {
            film.execute([id])?;
            grams.execute([id])?;
        }
    }
    let mut film = tx.prepare_cached(&format!(
        "INSERT INTO search_film (rowid, {FILM_COLUMNS})
             SELECT id, {FILM_COLUMNS} FROM search_film_source WHERE id BETWEEN ?1 AND ?2"
    ))?;
    for (first, last) in runs(&sorted([new_films, changed_films.clone()].concat())) {
        film.execute(params![first, last])?;
    }
    let mut grams = tx.prepare_cached(
        "INSERT INTO search_grams (rowid, titles, names)
             SELECT id, titles, names FROM search_grams_source WHERE id BETWEEN ?1 AND ?2",
    )?;
    for (first, last) in runs(&sorted([new_cjk_films, changed_films].concat())) {
        grams.execute(params![first, last])?;
    }
    reviews.sort_unstable();
    reviews.dedup();
    let mut review = tx.prepare_cached(
        "INSERT INTO search_reviews (rowid, title, author, body)
             SELECT id, title, author, body FROM search_reviews_source WHERE id BETWEEN ?1 AND ?2",
    )?;
    for (first, last) in runs(&reviews) {
        review.execute(params![first, last])?;
    }
    let mut notes = tx.prepare_cached(
        "INSERT INTO search_notes (rowid, note)
             SELECT id, note FROM search_notes_source WHERE id BETWEEN ?1 AND ?2",
    )?;
    for (first, last) in runs(&sorted(highlights)) {
        notes.execute(params![first, last])?;
    }
    Ok(())
}

fn sorted(mut ids: Vec<i64>) -> Vec<i64> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The sorted, distinct `ids` as runs of consecutive ids: an import's new rows are one run, so
/// the view is read by one range scan instead of a lookup per film.
fn runs(ids: &[i64]) -> Vec<(i64, i64)> {
    let mut runs: Vec<(i64, i64)> = Vec::new();
    for &id in ids {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == id => *last = id,
            _ => runs.push((id, id)),
        }
    }
    runs
}
