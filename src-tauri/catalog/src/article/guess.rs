//! Guessing what an article says about its film: the title, the year and the directors, from the
//! way reviews are usually written ("*Stalker* (1979), directed by Andrei Tarkovsky").

use crate::text::tidy;
use crate::validate::{last_film_year, FIRST_FILM_YEAR};

/// How many candidates are looked up in the catalog: the likeliest come first.
const MAX_CANDIDATES: usize = 50;
/// How many set-apart spans are tried as titles.
const MAX_SPANS: usize = 200;
/// How much of the headline is read: longer than any headline, so a one-line article is not
/// searched whole for every span.
const MAX_HEADLINE_BYTES: usize = 300;
/// How far before a `(year)` its title is looked for: longer than any title.
const TITLE_WINDOW_BYTES: usize = 200;

/// Possible film titles, most likely first: titles with a year, set-apart spans, then the headline.
pub fn title_candidates(headline: Option<&str>, emphasized: &[String], body: &str) -> Vec<String> {
    let emphasized = &emphasized[..emphasized.len().min(MAX_SPANS)];
    let mut candidates = Vec::new();
    if let Some(headline) = headline {
        let headline = prefix(headline, MAX_HEADLINE_BYTES);
        candidates.extend(titled_years(headline).into_iter().map(|(title, _)| title));
        candidates.extend(
            emphasized
                .iter()
                .filter(|span| headline.contains(span.as_str()))
                .cloned(),
        );
        candidates.extend(headline_titles(headline));
    }
    candidates.extend(titled_years(body).into_iter().map(|(title, _)| title));
    candidates.extend(emphasized.iter().cloned());
    let mut seen = std::collections::HashSet::new();
    candidates.retain(|c| !c.is_empty() && seen.insert(crate::text::fold(c)));
    candidates.truncate(MAX_CANDIDATES);
    candidates
}

/// At most the first `max` bytes of `text`, cut at a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// At most the last `max` bytes of `text`, starting at a whole word.
fn last_words(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    // The window may start inside a word: that word is not whole, so it is left out.
    match text[start..].split_once(char::is_whitespace) {
        Some((_partial, rest)) => rest,
        None => "",
    }
}

/// The headline without the usual review wording: "Review: Stalker – the Zone" → "Stalker", ...
fn headline_titles(headline: &str) -> Vec<String> {
    let mut text = headline.trim().to_owned();
    for prefix in [
        "film review:",
        "movie review:",
        "review:",
        "critique:",
        "reviewed:",
    ] {
        if text.to_lowercase().starts_with(prefix) {
            text = text[prefix.len()..].trim().to_owned();
        }
    }
    let without_review = |part: &str| {
        let mut part = part.trim().to_owned();
        for suffix in [
            " review",
            " – review",
            " - review",
            " — review",
            " (review)",
            " reviewed",
            " revisited",
        ] {
            if part.to_lowercase().ends_with(suffix) {
                part.truncate(part.len() - suffix.len());
            }
        }
        strip_quotes(&part)
    };
    let without_year = |t: String| match t.rfind(" (") {
        Some(i) if t.ends_with(')') => t[..i].trim().to_owned(),
        _ => t,
    };
    let first_part = text
        .split([':', '–', '—', ','])
        .next()
        .map(without_review)
        .unwrap_or_default();
    vec![
        without_year(first_part),
        without_year(without_review(&text)),
    ]
}

fn strip_quotes(text: &str) -> String {
    tidy(
        text.trim()
            .trim_matches(['"', '\'', '“', '”', '‘', '’', '«', '»', '*', '_']),
    )
}

/// `Title (1979)` occurrences: the capitalised words before a year in brackets. Only the words
/// just before each bracket are read, so the work is linear in the text.
pub fn titled_years(text: &str) -> Vec<(String, i32)> {
    let mut found = Vec::new();
    for (index, _) in text.match_indices('(') {
        let Some(year) = year_at(&text[index + 1..]) else {
            continue;
        };
        let before = last_words(&text[..index], TITLE_WINDOW_BYTES)
            .trim_end()
            .trim_end_matches(['*', '_', '"', '”', '’']);
        let words: Vec<&str> = before.split_whitespace().collect();
        let mut start = words.len();
        // Walk back over the title's words: capitalised ones, and short joining words inside.
        while start > 0 {
            let word = words[start - 1].trim_start_matches(['*', '_', '"', '“', '‘']);
            // "Tarkovsky's Stalker (1979)": the possessive names the director, not the film.
            if word.ends_with("'s") || word.ends_with("’s") {
                break;
            }
            let capitalised = word
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric());
            let joining = [
                "of", "the", "a", "an", "and", "in", "on", "to", "de", "la", "le", "du", "des",
                "from",
            ]
            .contains(&word);
            if !(capitalised || (joining && start < words.len()))
                || words[start - 1].ends_with(['.', ',', ';'])
            {
                break;
            }
            start -= 1;
            if words[start].starts_with(['*', '_', '"', '“', '‘']) {
                break;
            }
        }
        while start < words.len()
            && ["of", "the", "and", "in", "on", "to", "from"].contains(&words[start])
        {
            start += 1;
        }
        let title = strip_quotes(&words[start..].join(" "));
        if !title.is_empty() {
            found.push((title, year));
        }
    }
    found
}

/// A plausible film year at the start of `text` (`1979)` or `1979,`).
fn year_at(text: &str) -> Option<i32> {
    let digits: String = text.chars().take(4).collect();
    let year: i32 = digits.parse().ok()?;
    let next = text.chars().nth(4);
    (digits.len() == 4
        && matches!(next, Some(')' | ',' | ';'))
        && (FIRST_FILM_YEAR..=last_film_year()).contains(&year))
    .then_some(year)
}

/// The year the article gives `title`, or else the first film year in brackets it mentions.
pub fn year_for(title: &str, headline: Option<&str>, body: &str) -> Option<i32> {
    let key = crate::text::fold(title);
    let all: Vec<(String, i32)> = headline
        .into_iter()
        .chain([body])
        .flat_map(titled_years)
        .collect();
    all.iter()
        .find(|(t, _)| crate::text::fold(t) == key)
        .or_else(|| all.first())
        .map(|(_, year)| *year)
        .or_else(|| first_year(body))
}

/// The first word of `text` that is a plausible film year ("directed by Agnès Varda in 1962").
fn first_year(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|word| word.len() == 4)
        .filter_map(|word| word.parse().ok())
        .find(|year| (FIRST_FILM_YEAR..=last_film_year()).contains(year))
}

/// Names after "directed by", "director", "filmmaker": runs of capitalised words, joined by "and".
pub fn directors(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let lower = text.to_lowercase();
    for marker in [
        "directed by ",
        "director ",
        "filmmaker ",
        "réalisé par ",
        "a film by ",
    ] {
        for (index, _) in lower.match_indices(marker) {
            // The lowercased text has the same byte offsets for the ASCII markers we look for.
            let Some(rest) = text.get(index + marker.len()..) else {
                continue;
            };
            let mut words = rest.split_whitespace().peekable();
            loop {
                let name = name_at(&mut words);
                if name.is_empty() {
                    break;
                }
                names.push(name);
                match words.peek() {
                    Some(&"and") | Some(&"&") => {
                        words.next();
                    }
                    _ => break,
                }
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(crate::text::fold(n)));
    names
}

fn name_at<'a>(words: &mut std::iter::Peekable<impl Iterator<Item = &'a str>>) -> String {
    let mut parts: Vec<String> = Vec::new();
    while let Some(&word) = words.peek() {
        let clean =
            word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '.');
        let capitalised = clean.chars().next().is_some_and(char::is_uppercase);
        let particle = !parts.is_empty()
            && ["de", "van", "von", "da", "del", "der", "le", "la", "di"].contains(&clean);
        if !(capitalised || particle) || parts.len() >= 4 {
            break;
        }
        parts.push(clean.trim_end_matches(['.', '\'']).to_owned());
        let ends_sentence =
            word.ends_with([',', '.', ';', ':', ')', '!', '?']) && !clean.ends_with('.');
        words.next();
        if ends_sentence || word.ends_with([',', ';', ':', ')']) {
            break;
        }
    }
    while parts.last().is_some_and(|p| {
        ["de", "van", "von", "da", "del", "der", "le", "la", "di"].contains(&p.as_str())
    }) {
        parts.pop();
    }
    if parts.len() < 2 {
        return String::new();
    }
    parts.join(" ")
}
