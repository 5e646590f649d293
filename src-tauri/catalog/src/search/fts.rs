//! Turns a parsed [`Query`] into FTS5 MATCH expressions. Every word is emitted inside double
//! quotes (with any quote doubled), so user text can never be read as FTS5 syntax: `NEAR(`, `AND`,
//! `*` or `"` are only ever searched as words, or dropped when they have no letters at all.

use super::parser::{Compare, Has, Query, Term};
use crate::text::is_cjk;

/// The expressions one search runs, in the order they are tried.
#[derive(Debug, Default)]
pub struct Plan {
    /// The text terms over the film index (titles, names, themes), typo alternatives included.
    pub film_text: Option<String>,
    /// The text terms over reviews and notes.
    pub review_text: Option<String>,
    /// `director:`, `person:` and `theme:` filters over the film index.
    pub columns: Option<String>,
    /// Excluded terms: a film matching this anywhere in its record is left out.
    pub excluded: Option<String>,
    /// Words in scripts without spaces, matched as substrings of titles and names.
    pub cjk: Vec<String>,
    /// Every folded word to highlight in titles and snippets.
    pub highlight: Vec<String>,
    /// A year range too wide to spell as `facts` tokens: checked in SQL instead.
    pub sql_years: Option<(i32, i32)>,
    /// `list:` names (folded), checked in SQL against the lists' folded names, as prefixes.
    pub lists: Vec<String>,
}

impl Plan {
    /// `title:(text) AND filters NOT excluded`: films whose title matches.
    pub fn title_match(&self) -> Option<String> {
        let text = self.film_text.as_ref()?;
        Some(combine(
            &[
                Some(format!("{{title original_title}} : ({text})")),
                self.columns.clone(),
            ],
            self.excluded.as_deref(),
        ))
    }

    /// `text AND filters NOT excluded` over every film column; None when there is neither.
    pub fn film_match(&self) -> Option<String> {
        if self.film_text.is_none() && self.columns.is_none() {
            return None;
        }
        let text = self
            .film_text
            .as_ref()
            .map(|text| format!("{{{TEXT_COLUMNS}}} : ({text})"));
        Some(combine(
            &[text, self.columns.clone()],
            self.excluded.as_deref(),
        ))
    }

    /// What a film found through a review must also satisfy in the film index.
    pub fn film_constraint(&self) -> Option<String> {
        self.columns
            .as_ref()
            .map(|columns| combine(&[Some(columns.clone())], self.excluded.as_deref()))
    }
}

/// The film index columns searched for words (`facts` holds filter tokens, never searched as text).
const TEXT_COLUMNS: &str = "title original_title directors people themes genres synopsis";

/// Builds the plan; `alternatives(word, prefix)` returns indexed words close to a mistyped `word`.
///
/// As in most search-as-you-type engines, only the last word is a prefix (`ghost in th` looks for
/// "ghost", "in" and words starting with "th"): the words before it are complete, and matching
/// them exactly keeps FTS5 from merging the lists of every word they begin.
pub fn plan(query: &Query, mut alternatives: impl FnMut(&str, bool) -> Vec<String>) -> Plan {
    let mut plan = Plan {
        lists: query.lists.clone(),
        ..Plan::default()
    };
    let last = query
        .terms
        .iter()
        .rposition(|term| matches!(term, Term::Word(_)));
    let mut film_parts = Vec::new();
    let mut review_parts = Vec::new();
    for (index, term) in query.terms.iter().enumerate() {
        let is_prefix = Some(index) == last;
        let word_form = |word: &str| {
            if is_prefix {
                prefix(word)
            } else {
                quote(word)
            }
        };
        match term {
            Term::Word(word) if word.chars().any(is_cjk) => {
                plan.cjk.push(word.clone());
                review_parts.push(word_form(word));
                plan.highlight.push(word.clone());
            }
            // One letter as a prefix would merge the lists of thousands of words: as you type
            // "ghost i", the "i" only matches the word "i" until a second letter comes.
            Term::Word(word) if word.chars().count() == 1 => {
                film_parts.push(quote(word));
                review_parts.push(quote(word));
            }
            Term::Word(word) => {
                let alts = alternatives(word, is_prefix);
                let mut group = vec![word_form(word)];
                group.extend(alts.iter().map(|alt| quote(alt)));
                film_parts.push(any_of(&group));
                review_parts.push(word_form(word));
                plan.highlight.push(word.clone());
                plan.highlight.extend(alts);
            }
            Term::Phrase(words) => {
                let phrase = quote(&words.join(" "));
                film_parts.push(phrase.clone());
                review_parts.push(phrase);
                plan.highlight.extend(words.iter().cloned());
            }
        }
    }
    plan.film_text = all_of(&film_parts);
    plan.review_text = all_of(&review_parts);

    let mut columns = Vec::new();
    for (names, column) in [
        (&query.directors, "directors"),
        (&query.people, "{directors people}"),
        (&query.themes, "themes"),
        (&query.genres, "genres"),
    ] {
        for words in names {
            let words: Vec<String> = words.iter().map(|w| prefix(w)).collect();
            columns.push(format!("{column} : ({})", words.join(" AND ")));
        }
    }
    facts(query, &mut columns, &mut plan);
    plan.columns = all_of(&columns);

    let excluded: Vec<String> = query
        .excluded
        .iter()
        .map(|term| match term {
            Term::Word(word) => prefix(word),
            Term::Phrase(words) => quote(&words.join(" ")),
        })
        .collect();
    plan.excluded =
        (!excluded.is_empty()).then(|| format!("{{{TEXT_COLUMNS}}} : ({})", excluded.join(" OR ")));
    plan
}

/// Years a range may span and still be spelled as tokens (`y1990 OR y1991 ...`).
const MAX_YEAR_TOKENS: i32 = 30;

/// Filters as `facts` tokens (see search_film_source in schema/search.sql): `y2004`, `d1990`,
/// `swatchlist`, `r8` (4 stars), `hreview`, `hviewing`. FTS5 intersects them with the words inside
/// the index.
fn facts(query: &Query, columns: &mut Vec<String>, plan: &mut Plan) {
    let mut facts = Vec::new();
    if let Some((from, to)) = query.years {
        if from % 10 == 0 && to == from + 9 {
            facts.push(quote(&format!("d{from}")));
        } else if to - from < MAX_YEAR_TOKENS {
            let years: Vec<String> = (from..=to).map(|y| quote(&format!("y{y}"))).collect();
            facts.push(any_of(&years));
        } else {
            plan.sql_years = Some((from, to));
        }
    }
    if let Some(status) = query.status {
        facts.push(quote(&format!("s{status}")));
    }
    if let Some((cmp, value)) = query.rating {
        // Ratings are stored in half stars: r1 (0.5) to r10 (5); r0 is "not rated".
        let target = value * 2.0;
        let halves: Vec<String> = (1..=10)
            .filter(|h| {
                let h = f64::from(*h);
                match cmp {
                    Compare::Eq => h == target,
                    Compare::Ge => h >= target,
                    Compare::Gt => h > target,
                    Compare::Le => h <= target,
                    Compare::Lt => h < target,
                }
            })
            .map(|h| quote(&format!("r{h}")))
            .collect();
        facts.push(any_of(&halves));
    }
    for has in &query.has {
        facts.push(quote(match has {
            Has::Review => "hreview",
            Has::Note => "hnote",
            Has::Article => "harticle",
            Has::Viewing => "hviewing",
        }));
    }
    if !facts.is_empty() {
        columns.push(format!("facts : ({})", facts.join(" AND ")));
    }
}

/// `"word"*`: the word as a prefix.
fn prefix(word: &str) -> String {
    format!("{}*", quote(word))
}

/// A string FTS5 reads as one literal: in double quotes, inner quotes doubled.
pub fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

fn all_of(parts: &[String]) -> Option<String> {
    match parts {
        [] => None,
        [one] => Some(one.clone()),
        many => Some(
            many.iter()
                .map(|p| format!("({p})"))
                .collect::<Vec<_>>()
                .join(" AND "),
        ),
    }
}

/// A `facts` token no film has: what an empty choice (`year:<1000`, `rating:<0.5`) matches.
const NO_FACT: &str = "\"xnone\"";

/// `(a OR b ...)`. An empty choice matches nothing (as `OR` over nothing is false) and is spelled
/// as [`NO_FACT`]: written as `()`, it is an FTS5 syntax error (`year:<1000` once failed so).
fn any_of(parts: &[String]) -> String {
    match parts {
        [] => NO_FACT.to_owned(),
        [one] => one.clone(),
        many => format!("({})", many.join(" OR ")),
    }
}

fn combine(parts: &[Option<String>], excluded: Option<&str>) -> String {
    let parts: Vec<String> = parts.iter().flatten().cloned().collect();
    let positive = all_of(&parts).unwrap_or_default();
    match excluded {
        Some(excluded) => format!("({positive}) NOT ({excluded})"),
        None => positive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::parser::parse;

    #[test]
    fn every_word_is_quoted() {
        let plan = plan(
            &parse(r#"NEAR( AND "x y" -z director:oshii"#),
            |_, _| vec![],
        );
        assert_eq!(
            plan.film_match().as_deref(),
            Some(
                r#"(({title original_title directors people themes genres synopsis} : (("near") AND ("and"*) AND ("x y"))) AND (directors : ("oshii"*))) NOT ({title original_title directors people themes genres synopsis} : ("z"*))"#
            )
        );
        assert_eq!(
            plan.title_match().as_deref(),
            Some(
                r#"(({title original_title} : (("near") AND ("and"*) AND ("x y"))) AND (directors : ("oshii"*))) NOT ({title original_title directors people themes genres synopsis} : ("z"*))"#
            )
        );
    }

    #[test]
    fn filters_become_fact_tokens() {
        let plan = plan(
            &parse("year:1990..1999 rating:>=4 is:watchlist has:note"),
            |_, _| vec![],
        );
        assert_eq!(
            plan.columns.as_deref(),
            Some(r#"facts : ("d1990" AND "swatchlist" AND ("r8" OR "r9" OR "r10") AND "hnote")"#)
        );
        let wide = super::plan(&parse("year:>=1950"), |_, _| vec![]);
        assert_eq!(wide.sql_years, Some((1950, 9999)));
        assert!(wide.columns.is_none());
    }

    #[test]
    fn a_filter_nothing_can_meet_is_a_token_no_film_has() {
        for query in ["year:<1000", "year:>9999", "rating:<0.5"] {
            let plan = plan(&parse(query), |_, _| vec![]);
            assert_eq!(
                plan.columns.as_deref(),
                Some(r#"facts : ("xnone")"#),
                "{query}"
            );
        }
    }

    #[test]
    fn typo_alternatives_are_ored_with_the_word() {
        let plan = plan(&parse("innocense"), |_, _| vec!["innocence".into()]);
        assert_eq!(
            plan.film_text.as_deref(),
            Some(r#"("innocense"* OR "innocence")"#)
        );
        assert_eq!(plan.review_text.as_deref(), Some(r#""innocense"*"#));
    }
}
