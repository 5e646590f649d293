//! Rules for highlights: the quote and the note as typed, and the highlights a Cinedex export
//! carries on its reviews (checked in the import preview and the commit alike).

use super::{check_length, instant};
use crate::error::{CatalogError, Result};
use crate::field::Field;
use crate::text::tidy;

pub const MAX_QUOTE_CHARS: usize = 2_000;
pub const MAX_HIGHLIGHT_NOTE_CHARS: usize = 5_000;
/// Highlights on one review in a file; a person marks a few dozen at most.
pub const MAX_HIGHLIGHTS_PER_REVIEW: usize = 1_000;
/// As the schema allows (`highlights.prefix`, `highlights.suffix`).
const MAX_CONTEXT_CHARS: usize = 32;

/// The quote as it will be matched: tidied (NFC, whitespace collapsed), not empty, bounded.
pub fn highlight_quote(quote: &str) -> Result<String> {
    let quote = tidy(quote);
    if quote.is_empty() {
        return Err(CatalogError::invalid(
            Field::Quote,
            "The quote is empty; select a passage of the review first.",
        ));
    }
    check_length(Field::Quote, "The quote", &quote, MAX_QUOTE_CHARS)?;
    Ok(quote)
}

/// A note as stored: trimmed, `None` when blank, bounded, without NUL.
pub fn highlight_note(note: Option<&str>) -> Result<Option<String>> {
    let Some(note) = note.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(None);
    };
    if note.contains('\0') {
        return Err(CatalogError::invalid(
            Field::Note,
            "The note holds a NUL character.",
        ));
    }
    check_length(Field::Note, "The note", note, MAX_HIGHLIGHT_NOTE_CHARS)?;
    Ok(Some(note.to_owned()))
}

pub fn highlights_per_review(count: usize) -> Result<()> {
    if count > MAX_HIGHLIGHTS_PER_REVIEW {
        return Err(CatalogError::invalid(
            Field::Highlights,
            format!("At most {MAX_HIGHLIGHTS_PER_REVIEW} highlights per review; got {count}."),
        ));
    }
    Ok(())
}

/// A highlight as a Cinedex export carries it, checked; placed in its review's text when the
/// review is written (and flagged orphaned when its quote is not there).
#[derive(Debug, Clone, PartialEq)]
pub struct CarriedHighlight {
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub start: u32,
    pub note: Option<String>,
    pub orphaned: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// Checks an exported highlight's fields; the context is cut to what the schema keeps.
pub fn carried_highlight(raw: CarriedHighlight) -> Result<CarriedHighlight> {
    let keep = |text: &str| -> String {
        let chars: Vec<char> = text.chars().collect();
        chars[chars.len().saturating_sub(MAX_CONTEXT_CHARS)..]
            .iter()
            .collect()
    };
    Ok(CarriedHighlight {
        quote: highlight_quote(&raw.quote)?,
        prefix: keep(&raw.prefix),
        suffix: raw.suffix.chars().take(MAX_CONTEXT_CHARS).collect(),
        start: raw.start,
        note: highlight_note(raw.note.as_deref())?,
        orphaned: raw.orphaned,
        created_at: instant(Field::CreatedAt, &raw.created_at)?,
        updated_at: instant(Field::UpdatedAt, &raw.updated_at)?,
    })
}
