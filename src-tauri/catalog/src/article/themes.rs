//! An article's keywords turned into themes: a site tags its page with the film's own title, the
//! people in it and its own name as well as with what the film is about. Only the last are
//! themes; the others are dropped (and shown, so the person can still take them), and a keyword
//! that matches a theme the catalog has takes that theme's spelling.

use rusqlite::{OptionalExtension, Transaction};

use crate::error::Result;
use crate::text::{fold, tidy};

/// What the film and the article already name, which a keyword repeating is not a theme.
pub struct Known<'a> {
    pub titles: Vec<&'a str>,
    /// The people the article or the catalog credits.
    pub people: Vec<&'a str>,
    pub site: Option<&'a str>,
}

/// The keywords as themes, and the ones dropped, both in the article's order without repeats.
/// `existing` are the film's themes already: they are neither repeated nor dropped.
pub fn themes_from_keywords(
    tx: &Transaction,
    keywords: &[String],
    known: &Known,
    existing: &[String],
) -> Result<(Vec<String>, Vec<String>)> {
    let title_parts = title_parts(&known.titles);
    let people: Vec<String> = known.people.iter().map(|p| fold(p)).collect();
    let site = known.site.map(fold);
    let mut seen: Vec<String> = existing.iter().map(|t| fold(t)).collect();
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    let mut catalog_theme = tx.prepare_cached("SELECT name FROM themes WHERE name_key = ?1")?;
    let mut catalog_person = tx.prepare_cached("SELECT 1 FROM people WHERE name_key = ?1")?;
    for keyword in keywords {
        let keyword =
            tidy(keyword.trim_matches(|c: char| c.is_ascii_punctuation() || "“”‘’«»…".contains(c)));
        let key = fold(&keyword);
        if key.is_empty() || seen.contains(&key) {
            continue;
        }
        seen.push(key.clone());
        let theme: Option<String> = catalog_theme
            .query_row([&key], |row| row.get(0))
            .optional()?;
        let mut is_name = || -> Result<bool> {
            Ok(people.contains(&key)
                || catalog_person
                    .query_row([&key], |_| Ok(()))
                    .optional()?
                    .is_some())
        };
        if theme.is_none()
            && (title_parts.contains(&key) || site.as_deref() == Some(key.as_str()) || is_name()?)
        {
            dropped.push(keyword);
        } else {
            kept.push(theme.unwrap_or(keyword));
        }
    }
    Ok((kept, dropped))
}

/// A title, folded, and its parts: "Ghost in the Shell 2: Innocence" gives the whole, "ghost in
/// the shell 2", "innocence" and "ghost in the shell" (the series, without its number).
fn title_parts(titles: &[&str]) -> Vec<String> {
    let mut parts = Vec::new();
    for title in titles {
        let folded = fold(title);
        let mut add = |part: &str| {
            let part = part.trim();
            if !part.is_empty() && !parts.iter().any(|p: &String| p == part) {
                parts.push(part.to_owned());
            }
        };
        add(&folded);
        for part in folded
            .split([':', '–', '—', '(', ')'])
            .flat_map(|p| p.split(" - "))
        {
            add(part);
            let without_number = part
                .trim()
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
            if without_number.len() < part.trim().len() {
                add(without_number);
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_gives_its_parts_and_its_series() {
        assert_eq!(
            title_parts(&["Ghost in the Shell 2: Innocence"]),
            [
                "ghost in the shell 2: innocence",
                "ghost in the shell 2",
                "ghost in the shell",
                "innocence"
            ]
        );
    }
}
