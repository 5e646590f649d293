//! The snippet shown under a film found by a review: a passage of the review around the words
//! searched, or of one of its highlights' margin notes when only a note matched.

use rusqlite::Transaction;

use super::{highlight, Snippet};
use crate::error::Result;
use crate::model::ReviewKind;

pub(super) fn snippet(tx: &Transaction, review_id: i64, words: &[String]) -> Result<Snippet> {
    let (kind, title, author, body): (String, Option<String>, Option<String>, String) = tx
        .prepare_cached("SELECT kind, title, author, body FROM reviews WHERE id = ?1")?
        .query_row([review_id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?;
    Ok(Snippet {
        review_id,
        kind: ReviewKind::parse(&kind).unwrap_or_default(),
        title,
        author,
        text: highlight::snippet(&snippet_source(tx, review_id, &body, words)?, words),
    })
}

/// The text a review's snippet is cut from: the review as read, or the first of its highlights'
/// notes that holds the words when only a note matched.
fn snippet_source(
    tx: &Transaction,
    review_id: i64,
    body: &str,
    words: &[String],
) -> Result<String> {
    let text = highlight::plain_text(body);
    if words.is_empty() || highlight::contains(&text, words) {
        return Ok(text);
    }
    let mut stmt = tx.prepare_cached(
        "SELECT note FROM highlights WHERE review_id = ?1 AND note IS NOT NULL
          ORDER BY orphaned, start_offset, id",
    )?;
    let notes = stmt.query_map([review_id], |row| row.get::<_, String>(0))?;
    for note in notes {
        let note = note?;
        if highlight::contains(&note, words) {
            return Ok(note);
        }
    }
    Ok(text)
}
