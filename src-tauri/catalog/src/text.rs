//! Text normalisation shared by validation, sorting, filtering and search.

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
/// "Amélie" and "AMELIE" fold to the same "amelie". Stored as the key of films, people, themes,
/// lists and smart lists, so it cannot change without migrating those keys; search uses
/// [`search_fold`], which also spells out æ, ß, ø... and keeps kana and Hangul whole.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkd()
        .filter(|ch| !is_combining_mark(*ch))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The version of [`search_fold`]: bump it by hand whenever the fold changes what it gives for
/// any text. The search indexes hold folded text, so a catalog indexed under another version (or
/// under other Unicode tables, which search::schema also records) is re-indexed when it opens.
pub const SEARCH_FOLD_VERSION: u32 = 1;

/// The form search compares text in: the index (through the SQL function
/// `cinedex_search_fold`, see `sql_functions`), the words of a query and the marking of matches all use it,
/// so what is indexed and what is looked up cannot differ. Lower case; accents removed in every
/// alphabet ("Ёжик" → "ежик", "Θίασος" → "θιασοσ"); letters that are not an accented form of
/// another spelled as people type them without the key ("Œuvre" → "oeuvre", "Straße" →
/// "strasse", "Søren" → "soren"); Han, kana and Hangul kept as they are, because there the marks
/// are part of the letter ("ゴジラ" is not "コシラ").
pub fn search_fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        search_fold_char(ch, |folded| out.push(folded));
    }
    out
}

/// [`search_fold`] of one character, which may give none, one or several.
pub fn search_fold_char(ch: char, mut emit: impl FnMut(char)) {
    if ch.is_ascii() {
        return emit(ch.to_ascii_lowercase());
    }
    if keeps_its_marks(ch) {
        return emit(ch);
    }
    for base in std::iter::once(ch)
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
    {
        for lower in base.to_lowercase() {
            match spelled_without_the_key(lower) {
                Some(spelled) => spelled.chars().for_each(&mut emit),
                None => emit(lower),
            }
        }
    }
}

/// Letters Unicode does not decompose into a base letter and a mark.
fn spelled_without_the_key(letter: char) -> Option<&'static str> {
    Some(match letter {
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ħ' => "h",
        'ı' => "i",
        // A capital sigma lowers to σ wherever it stands; the final form must meet it.
        'ς' => "σ",
        _ => return None,
    })
}

/// Han, kana (with their voicing marks) and Hangul syllables, as [`is_cjk`], and half-width
/// katakana, whose decomposition would drop the voicing marks.
fn keeps_its_marks(ch: char) -> bool {
    is_cjk(ch) || ('\u{FF65}'..='\u{FF9F}').contains(&ch)
}

/// True when `text`, folded for search, has CJK characters: the trigram index holds exactly those
/// films. Compatibility forms (the Kangxi radicals, for one) fold into ideographs.
pub fn has_cjk_when_folded(text: &str) -> bool {
    !text.is_ascii()
        && text.chars().any(|ch| {
            let mut cjk = false;
            search_fold_char(ch, |folded| cjk |= is_cjk(folded));
            cjk
        })
}

/// True for characters of scripts written without spaces (Han, kana, Hangul), which the word
/// tokenizer keeps in long runs: search matches them as substrings instead.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
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

    #[test]
    fn search_fold_removes_accents_in_every_alphabet() {
        assert_eq!(search_fold("Amélie"), "amelie");
        assert_eq!(search_fold("Ёжик в тумане"), "ежик в тумане");
        assert_eq!(search_fold("Иван Грозный"), "иван грозныи");
        assert_eq!(search_fold("Ο Θίασος"), "ο θιασοσ");
        assert_eq!(search_fold("ΘΙΑΣΟΣ"), search_fold("θίασος"));
    }

    #[test]
    fn search_fold_spells_letters_that_have_no_accent_to_remove() {
        assert_eq!(search_fold("Le Cœur des hommes"), "le coeur des hommes");
        assert_eq!(search_fold("Ænima"), "aenima");
        assert_eq!(search_fold("Die Straße"), "die strasse");
        assert_eq!(search_fold("Søren Kraghjacobsen"), "soren kraghjacobsen");
        assert_eq!(search_fold("Łódź"), "lodz");
        assert_eq!(search_fold("Guðmundsdóttir"), "gudmundsdottir");
        assert_eq!(search_fold("Ǿ"), "o", "a decomposed letter is spelled too");
    }

    #[test]
    fn search_fold_keeps_han_kana_and_hangul_whole() {
        assert_eq!(search_fold("ゴジラ"), "ゴジラ");
        assert_eq!(search_fold("기생충"), "기생충");
        assert_eq!(search_fold("千と千尋の神隠し"), "千と千尋の神隠し");
        assert_eq!(search_fold("ｺﾞｼﾞﾗ"), "ｺﾞｼﾞﾗ");
    }
}
