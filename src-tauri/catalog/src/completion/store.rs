//! The `completion` table: which films a run takes, what it decided for each, the review queue
//! read back, and the person's answers to it (pick a candidate, skip the film).

use crate::field::Field;
use rusqlite::{params, OptionalExtension};

use super::apply::match_of;
use super::{
    CompletionQueue, CompletionStatus, CompletionTargets, FilmCompletion, MatchedBy, QueuedFilm,
    ScoredCandidate,
};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::films::{film_by_id, film_from_row, FILM_SELECT};
use crate::model::ExternalId;
use crate::reference::{Reference, ReferenceSource};
use crate::time::{self, instant_at};

/// Films a run over "what is missing" takes: live, lacking a director or every reference id (or,
/// with `posters`, a poster), and not decided on by an earlier run with `source`.
const MISSING: &str = "
    SELECT f.id FROM films f
     WHERE f.deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM completion c WHERE c.film_id = f.id AND c.source = ?1)
       AND (NOT EXISTS (SELECT 1 FROM film_people p WHERE p.film_id = f.id AND p.role = 'director')
            OR NOT EXISTS (SELECT 1 FROM external_ids e
                            WHERE e.film_id = f.id AND e.source IN ('wikidata', 'tmdb', 'imdb'))
            OR (?2 AND f.poster IS NULL))
     ORDER BY f.id";

impl Catalog {
    /// The ids of the films `targets` names, in order; a film that is not in the catalog (or is
    /// in the trash) is refused by its id before anything is asked.
    pub fn completion_films(
        &self,
        targets: &CompletionTargets,
        source: ReferenceSource,
        posters: bool,
    ) -> Result<Vec<i64>> {
        self.read(|tx| match targets {
            CompletionTargets::Missing => {
                let mut stmt = tx.prepare(MISSING)?;
                let ids = stmt
                    .query_map(params![source.as_str(), posters], |row| row.get(0))?
                    .collect::<rusqlite::Result<Vec<i64>>>()?;
                Ok(ids)
            }
            CompletionTargets::Films(ids) => {
                let mut unique = Vec::with_capacity(ids.len());
                for &id in ids {
                    let film = film_by_id(tx, id)?;
                    if film.deleted_at.is_some() {
                        return Err(CatalogError::invalid(
                            Field::Film,
                            format!("film {id} is in the trash; restore it to complete it"),
                        ));
                    }
                    if !unique.contains(&id) {
                        unique.push(id);
                    }
                }
                Ok(unique)
            }
        })
    }

    /// Writes what a run decided for one film, replacing an earlier decision.
    pub(super) fn record_completion(
        &self,
        source: ReferenceSource,
        outcome: &FilmCompletion,
    ) -> Result<()> {
        let candidates = serde_json::to_string(&outcome.candidates).map_err(|e| {
            CatalogError::invalid(Field::Candidates, format!("they could not be kept: {e}"))
        })?;
        let now = time::to_text(self.now());
        let (reference_id, score) = match &outcome.matched {
            Some(m) => (Some(m.id.as_str()), Some(m.score)),
            None => (None, None),
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO completion (film_id, status, source, reference_id, score, candidates, checked_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (film_id) DO UPDATE SET status = excluded.status,
                   source = excluded.source, reference_id = excluded.reference_id,
                   score = excluded.score, candidates = excluded.candidates,
                   checked_at = excluded.checked_at",
                params![
                    outcome.film_id,
                    outcome.status.as_str(),
                    source.as_str(),
                    reference_id,
                    score,
                    candidates,
                    now
                ],
            )?;
            Ok(())
        })
    }

    /// The films waiting for the person: to review (with their candidates), and unmatched.
    pub fn completion_queue(&self) -> Result<CompletionQueue> {
        Ok(CompletionQueue {
            review: self.queued("review")?,
            unmatched: self.queued("unmatched")?,
        })
    }

    fn queued(&self, status: &str) -> Result<Vec<QueuedFilm>> {
        self.read(|tx| {
            let mut stmt = tx.prepare(&format!(
                "{FILM_SELECT} JOIN completion c ON c.film_id = f.id
                  WHERE c.status = ?1 AND f.deleted_at IS NULL
                  ORDER BY f.title_key, f.id"
            ))?;
            let films = stmt
                .query_map([status], film_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut queued = Vec::with_capacity(films.len());
            let mut details = tx.prepare_cached(
                "SELECT source, candidates, checked_at FROM completion WHERE film_id = ?1",
            )?;
            for film in films {
                let (source, candidates, checked_at) = details.query_row([film.id], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        instant_at(row, 2)?,
                    ))
                })?;
                let source = ReferenceSource::parse(&source).unwrap_or(ReferenceSource::Wikidata);
                // Candidates written by another version and unreadable now are simply not shown.
                let candidates: Vec<ScoredCandidate> =
                    serde_json::from_str(&candidates).unwrap_or_default();
                queued.push(QueuedFilm {
                    film,
                    source,
                    candidates,
                    checked_at,
                });
            }
            Ok(queued)
        })
    }

    /// Takes the person's pick for film `film_id`: the reference film `pick` names (a queued
    /// candidate or any other), its blanks filled from it as a confident match's are. The film
    /// leaves the queue.
    pub fn pick_completion(
        &self,
        reference: &Reference,
        film_id: i64,
        pick: &ExternalId,
    ) -> Result<FilmCompletion> {
        let detail = self.get_film(film_id)?;
        let source = match pick.source.as_str() {
            "tmdb" => ReferenceSource::Tmdb,
            _ => ReferenceSource::Wikidata,
        };
        let film = reference.fetch(pick, None)?.ok_or_else(|| {
            CatalogError::invalid(
                Field::Pick,
                format!(
                    "{}:{} is not a film the reference knows",
                    pick.source, pick.value
                ),
            )
        })?;
        if let Some(other) = self.film_id_by_external_ids(&film.external_ids)? {
            if other != film_id {
                return Err(CatalogError::Conflict(format!(
                    "{} is already in your catalog as film {other}",
                    film.title
                )));
            }
        }
        let filled = self.fill_from(reference, &detail, &film, false)?;
        let outcome = FilmCompletion {
            film_id,
            title: detail.film.title.clone(),
            year: detail.film.year,
            status: if filled.is_empty() {
                CompletionStatus::Unchanged
            } else {
                CompletionStatus::Applied
            },
            matched: Some(match_of(&film, 1.0, MatchedBy::Pick)),
            filled,
            candidates: Vec::new(),
            problem: None,
        };
        self.record_completion(source, &outcome)?;
        Ok(outcome)
    }

    /// Takes film `film_id` out of the review queue (and out of later runs over what is missing)
    /// without changing it.
    pub fn skip_completion(&self, film_id: i64) -> Result<()> {
        self.write(|tx| {
            film_by_id(tx, film_id)?;
            let changed = tx.execute(
                "UPDATE completion SET status = 'skipped' WHERE film_id = ?1 AND status IN ('review', 'unmatched')",
                [film_id],
            )?;
            if changed == 0 {
                let status: Option<String> = tx
                    .query_row(
                        "SELECT status FROM completion WHERE film_id = ?1",
                        [film_id],
                        |row| row.get(0),
                    )
                    .optional()?;
                return Err(CatalogError::invalid(Field::Film,
                    match status {
                        Some(status) => format!("film {film_id} is not waiting for review ({status})"),
                        None => format!("film {film_id} is not waiting for review"),
                    },
                ));
            }
            Ok(())
        })
    }
}
