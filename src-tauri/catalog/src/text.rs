//! Text normalisation shared by validation, sorting and filtering.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Tidies a name or title as typed: Unicode NFC, surrounding space trimmed, runs of whitespace
/// (including newlines and tabs) collapsed to one space, control characters dropped.
pub fn tidy(text: &str) -> String {
    // ASCII is already in NFC: skip the normalizer (imports tidy millions of names).
    if text.is_ascii() {
        let bytes = text.as_bytes();
        let tidy_already = bytes.iter().all(|b| (b' '..=b'~').contains(b))
            && !text.contains("  ")
            && bytes.first() != Some(&b' ')
            && bytes.last() != Some(&b' ');
        if tidy_already {
            return text.to_owned();
        }
        return collapse(text.chars());
    }
    collapse(text.nfc())
}

fn collapse(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for ch in chars {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
        } else if !ch.is_control() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    out
}

/// The key two strings are compared by when case and accents should not matter:
/// "Amélie" and "AMELIE" fold to the same "amelie"; CJK text is kept as it is.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkd()
        .filter(|ch| !is_combining_mark(*ch))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_trims_and_collapses_whitespace() {
        assert_eq!(tidy("  Mamoru \t\n Oshii  "), "Mamoru Oshii");
        assert_eq!(tidy("\u{7}bell"), "bell");
        assert_eq!(tidy("   "), "");
    }

    #[test]
    fn tidy_composes_decomposed_accents() {
        assert_eq!(tidy("Ame\u{301}lie"), "Amélie");
    }

    #[test]
    fn fold_ignores_case_and_accents_but_keeps_cjk() {
        assert_eq!(fold("Amélie"), "amelie");
        assert_eq!(fold("ÉLITE"), "elite");
        assert_eq!(fold("Kazunori Itō"), "kazunori ito");
        assert_eq!(fold("千と千尋"), "千と千尋");
    }
}
