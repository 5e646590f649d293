//! Completing one film: finding its match (by id, else by title and year) and filling its blanks
//! from it, poster included when TMDB is set up. Each film is its own small write, so whatever
//! stops a run keeps every film it finished.

use super::matching::{self, Decision, Wanted};
use super::{CompletionMatch, CompletionStatus, FilmCompletion, MatchedBy, ScoredCandidate};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::model::{ExternalId, FilmDetail};
use crate::reference::{FieldStatus, Reference, ReferenceFilm, ReferenceSource, Take};

/// Candidates a title search asks for.
const SEARCH_LIMIT: usize = 5;

impl Catalog {
    /// Matches film `film_id` on `source` and, unless `dry_run`, fills its blanks and records the
    /// outcome. Network trouble is returned as an error (the run stops there); a reference answer
    /// the catalog refuses is the film's `problem`, and the run goes on.
    pub(super) fn complete_one(
        &self,
        reference: &Reference,
        source: ReferenceSource,
        film_id: i64,
        dry_run: bool,
    ) -> Result<FilmCompletion> {
        let detail = self.get_film(film_id)?;
        let mut outcome = FilmCompletion {
            film_id,
            title: detail.film.title.clone(),
            year: detail.film.year,
            status: CompletionStatus::Unmatched,
            matched: None,
            filled: Vec::new(),
            candidates: Vec::new(),
            problem: None,
        };
        let found = match self.match_by_id(reference, source, &detail)? {
            Some(film) => Some((film, 1.0, MatchedBy::Id)),
            None => self.match_by_title(reference, source, &detail, &mut outcome)?,
        };
        if let Some((film, score, by)) = found {
            outcome.matched = Some(match_of(&film, score, by));
            match self.fill_from(reference, &detail, &film, dry_run) {
                Ok(filled) => {
                    outcome.status = if filled.is_empty() {
                        CompletionStatus::Unchanged
                    } else {
                        CompletionStatus::Applied
                    };
                    outcome.filled = filled;
                }
                Err(error) if is_network(&error) => return Err(error),
                Err(error) => {
                    outcome.status = CompletionStatus::Unmatched;
                    outcome.problem = Some(error.to_string());
                }
            }
        }
        if !dry_run {
            self.record_completion(source, &outcome)?;
        }
        Ok(outcome)
    }

    /// The reference film one of the film's own ids names, asked in the order the service knows
    /// best (its own id, then IMDb's, then the other service's).
    fn match_by_id(
        &self,
        reference: &Reference,
        source: ReferenceSource,
        detail: &FilmDetail,
    ) -> Result<Option<ReferenceFilm>> {
        let order: &[&str] = match source {
            ReferenceSource::Tmdb => &["tmdb", "imdb"],
            ReferenceSource::Wikidata => &["wikidata", "imdb", "tmdb"],
        };
        for wanted in order {
            for id in detail
                .facts
                .external_ids
                .iter()
                .filter(|i| i.source == *wanted)
            {
                if let Some(film) = reference.fetch(id, Some(source))? {
                    return Ok(Some(film));
                }
            }
        }
        Ok(None)
    }

    /// The candidate a title search is sure of; a doubtful search fills `outcome` for review.
    fn match_by_title(
        &self,
        reference: &Reference,
        source: ReferenceSource,
        detail: &FilmDetail,
        outcome: &mut FilmCompletion,
    ) -> Result<Option<(ReferenceFilm, f64, MatchedBy)>> {
        let provider = reference.provider(source)?;
        let film = &detail.film;
        let wanted = Wanted {
            title: &film.title,
            original_title: film.original_title.as_deref(),
            year: film.year,
        };
        let mut candidates = provider.search(&film.title, film.year, SEARCH_LIMIT)?;
        if candidates.is_empty() {
            if let Some(original) = film.original_title.as_deref() {
                candidates = provider.search(original, film.year, SEARCH_LIMIT)?;
            }
        }
        // TMDB's search keeps only the year asked for, and a catalog's year is often a festival
        // year off by one: without a close candidate, the title is asked again without it.
        // (Wikidata's search only sorts by the year, so asking again would find the same.)
        let close = |found: &[ReferenceFilm]| {
            found
                .iter()
                .any(|c| matching::score(&wanted, c) >= matching::PLAUSIBLE)
        };
        if source == ReferenceSource::Tmdb && film.year.is_some() && !close(&candidates) {
            for more in provider.search(&film.title, None, SEARCH_LIMIT)? {
                if !candidates.iter().any(|c| c.id == more.id) {
                    candidates.push(more);
                }
            }
        }
        // A candidate another film of the catalog already is cannot be this one.
        let mut free = Vec::with_capacity(candidates.len());
        for candidate in candidates {
            match self.film_id_by_external_ids(&candidate.external_ids)? {
                Some(other) if other != film.id => {}
                _ => free.push(candidate),
            }
        }
        let scores: Vec<f64> = free.iter().map(|c| matching::score(&wanted, c)).collect();
        match matching::decide(&scores) {
            Decision::NoMatch => Ok(None),
            Decision::Confident(best) => {
                let score = scores[best];
                let chosen = free.swap_remove(best);
                let full = if chosen.complete {
                    chosen
                } else {
                    provider.film(&chosen.id)?.unwrap_or(chosen)
                };
                Ok(Some((full, score, MatchedBy::Title)))
            }
            Decision::Ambiguous(order) => {
                outcome.status = CompletionStatus::Review;
                outcome.candidates = order
                    .iter()
                    .map(|&i| ScoredCandidate {
                        score: scores[i],
                        film: free[i].clone(),
                    })
                    .collect();
                outcome.matched = outcome
                    .candidates
                    .first()
                    .map(|c| match_of(&c.film, c.score, MatchedBy::Title));
                Ok(None)
            }
        }
    }

    /// Fills film `detail`'s blanks from `theirs` (in a dry run, only names them), then its
    /// poster when TMDB has one and the film has none. The fields filled, in field order.
    pub(super) fn fill_from(
        &self,
        reference: &Reference,
        detail: &FilmDetail,
        theirs: &ReferenceFilm,
        dry_run: bool,
    ) -> Result<Vec<String>> {
        let film_id = detail.film.id;
        let mut filled = if dry_run {
            self.refresh_film_from(film_id, theirs, &Take::Nothing)?
                .fields
                .into_iter()
                .filter(|f| f.status == FieldStatus::Fill)
                .map(|f| f.field)
                .collect()
        } else {
            self.refresh_film_from(film_id, theirs, &Take::Blanks)?
                .applied
        };
        let poster_possible = !detail.film.has_poster
            && reference.has_tmdb()
            && (theirs.poster_url.is_some() || has_tmdb_or_imdb(theirs, detail));
        if poster_possible {
            if dry_run {
                filled.push("poster".into());
            } else {
                // The film is written by now: a poster TMDB lacks, or cannot send, leaves it
                // filled all the same (a later run over what is missing asks again).
                if self
                    .download_poster(reference, film_id, theirs.poster_url.as_deref())
                    .is_ok()
                {
                    filled.push("poster".into());
                }
            }
        }
        Ok(filled)
    }
}

fn has_tmdb_or_imdb(theirs: &ReferenceFilm, detail: &FilmDetail) -> bool {
    let usable = |id: &ExternalId| matches!(id.source.as_str(), "tmdb" | "imdb");
    theirs.external_ids.iter().any(usable) || detail.facts.external_ids.iter().any(usable)
}

pub(super) fn match_of(film: &ReferenceFilm, score: f64, by: MatchedBy) -> CompletionMatch {
    CompletionMatch {
        source: film.source,
        id: film.id.clone(),
        score,
        by,
        title: film.title.clone(),
        year: film.year,
    }
}

/// Trouble reaching the service, as opposed to an answer the catalog refused.
pub(super) fn is_network(error: &CatalogError) -> bool {
    matches!(
        error,
        CatalogError::Network { .. } | CatalogError::Offline { .. }
    )
}
