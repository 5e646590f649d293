//! Typo tolerance for titles and names: a word the film index does not know is compared, by edit
//! distance, with the indexed terms that share its first three letters (else its first two), read
//! from the `fts5vocab` table over the film index, and the closest are searched as well. The
//! vocabulary table reads each term's document list, so only a bounded slice of it is read.

use rusqlite::{params, Transaction};

use crate::error::Result;

/// How many close words are searched in place of one mistyped word.
const MAX_ALTERNATIVES: usize = 5;
/// Upper bound on the terms compared, so a huge vocabulary cannot stall a keystroke.
const MAX_COMPARED: usize = 3_000;

/// Indexed words within edit distance 1 (words of 4-5 letters) or 2 (longer) of `word`; empty
/// when `word` is short or is known: an indexed word, or (`prefix`) the start of one.
pub fn alternatives(tx: &Transaction, word: &str, prefix: bool) -> Result<Vec<String>> {
    let length = word.chars().count();
    if length < 4 {
        return Ok(Vec::new());
    }
    let known = if prefix {
        tx.prepare_cached("SELECT 1 FROM search_film_vocab WHERE term >= ?1 AND term < ?2 LIMIT 1")?
            .exists(params![word, format!("{word}\u{10FFFF}")])?
    } else {
        // A MATCH stops at the first row; the vocabulary table would read the whole list.
        tx.prepare_cached("SELECT 1 FROM search_film WHERE search_film MATCH ?1 LIMIT 1")?
            .exists([super::fts::quote(word)])?
    };
    if known {
        return Ok(Vec::new());
    }
    let max = if length <= 5 { 1 } else { 2 };
    let three: String = word.chars().take(3).collect();
    let mut close = close_terms(tx, word, &three, max)?;
    if close.is_empty() {
        let two: String = word.chars().take(2).collect();
        close = close_terms(tx, word, &two, max)?;
    }
    close.sort();
    Ok(close
        .into_iter()
        .take(MAX_ALTERNATIVES)
        .map(|(_, term)| term)
        .collect())
}

/// Indexed terms starting with `prefix` within `max` edits of `word`, with their distance.
fn close_terms(
    tx: &Transaction,
    word: &str,
    prefix: &str,
    max: usize,
) -> Result<Vec<(usize, String)>> {
    let length = word.chars().count();
    let mut stmt = tx.prepare_cached(
        "SELECT term FROM search_film_vocab WHERE term >= ?1 AND term < ?2 LIMIT ?3",
    )?;
    let rows = stmt.query_map(
        params![prefix, format!("{prefix}\u{10FFFF}"), MAX_COMPARED as i64],
        |row| row.get::<_, String>(0),
    )?;
    let mut close = Vec::new();
    for term in rows {
        let term = term?;
        if term.chars().count().abs_diff(length) > max {
            continue;
        }
        let distance = strsim::damerau_levenshtein(word, &term);
        if distance <= max {
            close.push((distance, term));
        }
    }
    Ok(close)
}
