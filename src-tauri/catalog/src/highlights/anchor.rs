//! Where a highlighted passage is in a review's text: found when the highlight is made, and found
//! again after the review is edited.
//!
//! The text is the review as the reader sees it (its Markdown read as plain text, whitespace
//! collapsed: `search::highlight::plain_text`), so a passage selected in the window or typed on the
//! command line matches whatever markup or line breaks the body has around it. Offsets count
//! characters (Unicode scalar values) of that text.
//!
//! Re-anchoring, after an edit: every occurrence of the quote in the new text is a candidate; each
//! is scored by how much of the stored context still surrounds it (the characters of `prefix`
//! that end right before it plus those of `suffix` that start right after it); the highest score
//! wins, and among equal scores the one nearest the old offset. A quote that no longer occurs is
//! not guessed at: the highlight is flagged orphaned and keeps its quote and note.

use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::search::highlight::plain_text;
use crate::time;

/// Characters of context kept on either side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// A quote placed in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub start: usize,
}

/// A review's body as the reader sees it, the text highlights are anchored in.
pub fn reading_text(body: &str) -> String {
    plain_text(body)
}

/// Places `quote` (already tidied) in `text`: at the occurrence starting nearest to `near`, or at
/// the first. `None` when the quote is not in the text.
pub fn locate(text: &str, quote: &str, near: Option<usize>) -> Option<Anchor> {
    let starts = occurrences(text, quote);
    let start = match near {
        Some(near) => starts.iter().copied().min_by_key(|s| s.abs_diff(near)),
        None => starts.first().copied(),
    }?;
    Some(anchor_at(&text.chars().collect::<Vec<_>>(), quote, start))
}

/// Finds `old` again in the edited `text` (see the module comment); `None` when its quote is gone.
pub fn reanchor(text: &str, old: &Anchor) -> Option<Anchor> {
    let starts = occurrences(text, &old.quote);
    if starts.is_empty() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let quote_len = old.quote.chars().count();
    let prefix: Vec<char> = old.prefix.chars().collect();
    let suffix: Vec<char> = old.suffix.chars().collect();
    let score = |start: usize| {
        let before = chars[..start].iter().rev().zip(prefix.iter().rev());
        let after = chars[start + quote_len..].iter().zip(suffix.iter());
        let kept_before = before.take_while(|(a, b)| a == b).count();
        let kept_after = after.take_while(|(a, b)| a == b).count();
        kept_before + kept_after
    };
    let best = starts
        .into_iter()
        .max_by_key(|&s| (score(s), std::cmp::Reverse(s.abs_diff(old.start))))?;
    Some(anchor_at(&chars, &old.quote, best))
}

/// The start (in characters) of every occurrence of `quote` in `text`, in order. The search is
/// the standard library's (linear time), so a long review cannot make it slow.
fn occurrences(text: &str, quote: &str) -> Vec<usize> {
    if quote.is_empty() {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let (mut byte, mut chars) = (0, 0);
    for (at, _) in text.match_indices(quote) {
        chars += text[byte..at].chars().count();
        byte = at;
        starts.push(chars);
    }
    starts
}

fn anchor_at(chars: &[char], quote: &str, start: usize) -> Anchor {
    let end = start + quote.chars().count();
    Anchor {
        quote: quote.to_owned(),
        prefix: chars[start.saturating_sub(CONTEXT_CHARS)..start]
            .iter()
            .collect(),
        suffix: chars[end..(end + CONTEXT_CHARS).min(chars.len())]
            .iter()
            .collect(),
        start,
    }
}

/// Finds every highlight of a review again in its new body, inside the caller's transaction (the
/// one that wrote the body). Found ones move (and stop being orphaned); lost ones are flagged.
pub(crate) fn reanchor_review(tx: &Transaction, review_id: i64, body: &str) -> Result<()> {
    let old: Vec<(i64, Anchor, bool)> = {
        let mut stmt = tx.prepare_cached(
            "SELECT id, quote, prefix, suffix, start_offset, orphaned FROM highlights WHERE review_id = ?1",
        )?;
        let rows = stmt.query_map([review_id], |row| {
            Ok((
                row.get(0)?,
                Anchor {
                    quote: row.get(1)?,
                    prefix: row.get(2)?,
                    suffix: row.get(3)?,
                    start: row.get::<_, u32>(4)? as usize,
                },
                row.get(5)?,
            ))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if old.is_empty() {
        return Ok(());
    }
    let text = reading_text(body);
    let now = time::to_text(time::now());
    let mut moved = tx.prepare_cached(
        "UPDATE highlights SET prefix = ?2, suffix = ?3, start_offset = ?4, orphaned = 0, updated_at = ?5
          WHERE id = ?1",
    )?;
    let mut lost =
        tx.prepare_cached("UPDATE highlights SET orphaned = 1, updated_at = ?2 WHERE id = ?1")?;
    for (id, anchor, orphaned) in old {
        match reanchor(&text, &anchor) {
            Some(found) if found != anchor || orphaned => {
                moved.execute(params![
                    id,
                    found.prefix,
                    found.suffix,
                    found.start as i64,
                    now
                ])?;
            }
            Some(_) => {}
            None if !orphaned => {
                lost.execute(params![id, now])?;
            }
            None => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_quote_is_placed_at_the_occurrence_nearest_the_hint() {
        let text = "the sea, the sea, and the sea again";
        assert_eq!(locate(text, "the sea", None).unwrap().start, 0);
        assert_eq!(locate(text, "the sea", Some(20)).unwrap().start, 22);
        let middle = locate(text, "the sea", Some(10)).unwrap();
        assert_eq!((middle.start, middle.prefix.as_str()), (9, "the sea, "));
        assert_eq!(middle.suffix, ", and the sea again");
    }

    #[test]
    fn offsets_and_context_count_characters_not_bytes() {
        let anchor = locate("Amélie — rêve éveillé, rêve", "rêve", Some(20)).unwrap();
        assert_eq!(anchor.start, 23);
        assert_eq!(anchor.prefix, "Amélie — rêve éveillé, ");
        assert_eq!(anchor.suffix, "");
    }

    #[test]
    fn context_is_at_most_thirty_two_characters_each_side() {
        let text = format!("{}QUOTE{}", "a".repeat(50), "b".repeat(50));
        let anchor = locate(&text, "QUOTE", None).unwrap();
        assert_eq!(anchor.prefix, "a".repeat(32));
        assert_eq!(anchor.suffix, "b".repeat(32));
    }

    #[test]
    fn an_edit_before_the_quote_moves_it_and_its_context_picks_the_right_copy() {
        let before = "First, the dolls. Later: the dolls dream of us.";
        let old = locate(before, "the dolls", Some(25)).unwrap();
        assert_eq!(old.start, 25);
        // Text added at the front; the first copy is now nearer the old offset, but the second
        // still has its context around it.
        let after = "A new opening sentence here. First, the dolls. Later: the dolls dream of us.";
        let found = reanchor(after, &old).unwrap();
        assert_eq!(found.start, 54);
        assert_eq!(found.suffix, " dream of us.");
    }

    #[test]
    fn a_quote_removed_by_an_edit_is_not_found() {
        let old = locate("the dolls dream of us", "dream", None).unwrap();
        assert_eq!(reanchor("the dolls sleep", &old), None);
    }
}
