//! Text that would not show what it holds: bidi controls and zero-width-only strings, refused in
//! titles and names.

use crate::error::{CatalogError, Result};
use crate::field::Field;

/// Characters that reorder the text around them (bidi embeddings, overrides and isolates): in a
/// title or a name they can make it read as something else (U+202E turns "exe.txt" around).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no space: fine inside a word (ZWJ in emoji, ZWNJ in Persian), but a
/// title made of nothing else looks empty.
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Refuses text that would not show what it holds: bidi controls anywhere, or nothing but
/// zero-width characters and spaces.
pub fn check_visible(field: Field, label: &str, text: &str) -> Result<()> {
    if let Some(c) = text.chars().find(|c| is_bidi_control(*c)) {
        return Err(CatalogError::invalid(
            field,
            format!(
                "{label} holds a text-direction control (U+{:04X}), which can make it read as \
                 something else; remove it.",
                u32::from(c)
            ),
        ));
    }
    if text.chars().all(|c| c.is_whitespace() || is_zero_width(c)) {
        return Err(CatalogError::invalid(
            field,
            format!("{label} has only invisible characters."),
        ));
    }
    Ok(())
}
