//! Checking an article's facts against the reference: for the year and the directors, the
//! catalog's value, the article's and Wikidata's (or TMDB's) side by side. The catalog's value
//! is kept; where the catalog has none, the reference's is proposed rather than the article's
//! (articles misspell and misattribute; the reference is checked by many). Offline or
//! unreachable, nothing changes and the proposal says it was not checked.

use super::{ArticleProposal, FieldConflict};
use crate::model::Film;
use crate::reference::{CreditRole, Reference, ReferenceFilm, ReferenceSource};
use crate::text::fold;

/// How many candidates of the reference's search are weighed.
const CANDIDATES: usize = 5;

/// What the article states about the film.
pub struct Stated<'a> {
    pub year: Option<i32>,
    pub directors: &'a [String],
}

/// Fills `proposal.checked` and each conflict's `reference`, adding conflicts where the
/// reference disagrees, when the reference knows the film; leaves the proposal alone otherwise.
pub fn check(
    proposal: &mut ArticleProposal,
    catalog: Option<&Film>,
    article: &Stated,
    reference: &Reference,
) {
    let source = ReferenceSource::Wikidata;
    let year = proposal.film.year;
    let Ok(result) = reference.lookup(None, &proposal.film.title, year, source, CANDIDATES) else {
        return;
    };
    proposal.checked = Some(source);
    let Some(film) = best_match(
        &proposal.film.title,
        year,
        result.candidates.into_iter().map(|c| c.film),
    ) else {
        return;
    };
    let ours_year = catalog.and_then(|f| f.year);
    let ours_directors = catalog.map(|f| f.directors.clone()).unwrap_or_default();
    let theirs_directors = film.people(CreditRole::Director);

    let show = |year: Option<i32>| year.map(|y| y.to_string()).into_iter().collect::<Vec<_>>();
    if let Some(theirs) = film.year {
        if ours_year.is_none() && article.year != Some(theirs) {
            proposal.film.year = Some(theirs);
        }
        side_by_side(
            proposal,
            "year",
            show(ours_year),
            show(article.year),
            vec![theirs.to_string()],
        );
    }
    if !theirs_directors.is_empty() {
        if ours_directors.is_empty() && !same_people(article.directors, &theirs_directors) {
            proposal.film.directors = theirs_directors.clone();
        }
        side_by_side(
            proposal,
            "directors",
            ours_directors,
            article.directors.to_vec(),
            theirs_directors,
        );
    }
}

/// Records the three sides of `field` when any two that are stated differ.
fn side_by_side(
    proposal: &mut ArticleProposal,
    field: &str,
    catalog: Vec<String>,
    article: Vec<String>,
    reference: Vec<String>,
) {
    if let Some(conflict) = proposal.conflicts.iter_mut().find(|c| c.field == field) {
        conflict.reference = reference;
        return;
    }
    let sides = [&catalog, &article, &reference];
    let stated: Vec<&&Vec<String>> = sides.iter().filter(|s| !s.is_empty()).collect();
    let disagree = stated.windows(2).any(|pair| !same_people(pair[0], pair[1]));
    if disagree {
        proposal.conflicts.push(FieldConflict {
            field: field.to_owned(),
            catalog,
            article,
            reference,
        });
    }
}

/// The same names, in any order, ignoring case and accents.
fn same_people(a: &[String], b: &[String]) -> bool {
    let mut a: Vec<String> = a.iter().map(|n| fold(n)).collect();
    let mut b: Vec<String> = b.iter().map(|n| fold(n)).collect();
    a.sort();
    b.sort();
    a == b
}

/// The reference film with the proposal's title (or original title), of its year give or take
/// one when the year is known: the search's first such film.
fn best_match(
    title: &str,
    year: Option<i32>,
    films: impl Iterator<Item = ReferenceFilm>,
) -> Option<ReferenceFilm> {
    let key = fold(title);
    films
        .filter(|f| {
            fold(&f.title) == key || f.original_title.as_deref().is_some_and(|t| fold(t) == key)
        })
        .find(|f| match (year, f.year) {
            (Some(ours), Some(theirs)) => (ours - theirs).abs() <= 1,
            _ => true,
        })
}
