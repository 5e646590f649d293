//! Highlighting in Rust, not in SQL: the matching words of a title or a review passage are found
//! by folding the text the same way the index does, and returned as plain-text segments, so the
//! UI never receives markup it would have to trust.

use crate::text::{is_cjk, search_fold_char};

use super::Segment;

/// Characters of review text shown around the first match.
const SNIPPET_CHARS: usize = 180;

/// `text` cut into segments, with the words that start with one of `words` marked (substrings
/// anywhere for CJK words, which are not split into words).
pub fn segments(text: &str, words: &[String]) -> Vec<Segment> {
    let ranges = matches(text, words);
    to_segments(text, &ranges, 0, text.len())
}

/// True when `text` contains one of `words` as the index would match it.
pub fn contains(text: &str, words: &[String]) -> bool {
    !matches(text, words).is_empty()
}

/// A passage of about [`SNIPPET_CHARS`] characters of `text` around its first match, with
/// ellipses where it was cut. Falls back to the start of the text.
pub fn snippet(text: &str, words: &[String]) -> Vec<Segment> {
    let ranges = matches(text, words);
    let first = ranges.first().map_or(0, |r| r.0);
    // Start a little before the match, at a word boundary.
    let lead = SNIPPET_CHARS / 3;
    let mut start = text[..first]
        .char_indices()
        .rev()
        .nth(lead)
        .map_or(0, |(i, _)| i);
    if start > 0 {
        start = text[start..]
            .find(char::is_whitespace)
            .map_or(start, |i| start + i + 1)
            .min(first);
    }
    let end = text[start..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    let end = if end < text.len() {
        text[end..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| end + i)
    } else {
        end
    };
    let mut out = to_segments(text, &ranges, start, end);
    if start > 0 {
        out.insert(0, plain("…"));
    }
    if end < text.len() {
        out.push(plain("…"));
    }
    out
}

/// Review Markdown as the reader sees it: text without markup, on one line.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            // The end of an emphasis or a link is inside a word ("**Ё**жик" is one word); only
            // the ends of blocks (paragraphs, headings, items) separate words.
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    crate::text::tidy(&out)
}

fn plain(text: &str) -> Segment {
    Segment {
        text: text.to_owned(),
        hit: false,
    }
}

/// Byte ranges of `text` that match, sorted and merged.
fn matches(text: &str, words: &[String]) -> Vec<(usize, usize)> {
    // The folded text, one entry per folded char, with the byte offset of its source char.
    let mut folded: Vec<char> = Vec::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len());
    for (at, ch) in text.char_indices() {
        search_fold_char(ch, |f| {
            folded.push(f);
            origin.push(at);
        });
    }
    let mut ranges = Vec::new();
    for word in words {
        let needle: Vec<char> = word.chars().collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        let anywhere = needle.iter().any(|c| is_cjk(*c));
        for start in 0..=folded.len() - needle.len() {
            if !anywhere && start > 0 && folded[start - 1].is_alphanumeric() {
                continue;
            }
            if folded[start..start + needle.len()] == needle[..] {
                let from = origin[start];
                let to = origin
                    .get(start + needle.len())
                    .copied()
                    .unwrap_or(text.len());
                ranges.push((from, to));
            }
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

fn to_segments(text: &str, ranges: &[(usize, usize)], start: usize, end: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = start;
    for &(from, to) in ranges {
        let (from, to) = (from.max(start), to.min(end));
        if from >= to {
            continue;
        }
        if from > at {
            out.push(plain(&text[at..from]));
        }
        out.push(Segment {
            text: text[from..to].to_owned(),
            hit: true,
        });
        at = to;
    }
    if at < end {
        out.push(plain(&text[at..end]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(segments: &[Segment]) -> Vec<&str> {
        segments
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect()
    }

    #[test]
    fn accented_words_are_marked_in_their_original_spelling() {
        let s = segments("Le Fabuleux Destin d'Amélie Poulain", &["amel".into()]);
        assert_eq!(marked(&s), vec!["Amél"]);
        let joined: String = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "Le Fabuleux Destin d'Amélie Poulain");
    }

    #[test]
    fn words_match_at_word_starts_and_cjk_anywhere() {
        assert!(marked(&segments("Stalker", &["talk".into()])).is_empty());
        assert_eq!(
            marked(&segments("千と千尋の神隠し", &["千尋".into()])),
            vec!["千尋"]
        );
    }

    #[test]
    fn snippets_cut_around_the_first_match() {
        let text = format!("{} the zone {}", "word ".repeat(100), "more ".repeat(100));
        let s = snippet(&text, &["zone".into()]);
        assert_eq!(s.first().map(|s| s.text.as_str()), Some("…"));
        assert_eq!(s.last().map(|s| s.text.as_str()), Some("…"));
        assert_eq!(marked(&s), vec!["zone"]);
        assert_eq!(plain_text("# Title\n\n*so* `good`"), "Title so good");
        assert_eq!(
            plain_text("**Ё**жик, [the Zone](https://example.org), *there*."),
            "Ёжик, the Zone, there."
        );
    }
}
