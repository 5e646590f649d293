//! The first answer to a title being typed: Wikidata's search hits alone, one request, read from
//! their labels and descriptions ("1972 film by Andrei Tarkovsky"), shown while the full lookup
//! (entities, credits, the filter on "instance of film") is on its way. A hit picked before the
//! full answer arrives is fetched in full like any summary ([`Reference::candidate`]).

use serde_json::Value;

use super::json::{array, field};
use super::model::is_wikidata_id;
use super::{Candidate, ExternalId, LookupResult, Reference, ReferenceFilm, ReferenceSource};
use crate::error::{CatalogError, Result};
use crate::Catalog;

/// Words a Wikidata description of a film starts or ends with, in the languages people use most:
/// hits described otherwise (novels, people, places) are left to the full lookup, which reads
/// their "instance of" instead.
const FILM_WORDS: [&str; 16] = [
    "film",
    "movie",
    "documentary",
    "animated",
    "película",
    "filme",
    "pellicola",
    "фильм",
    "映画",
    "电影",
    "電影",
    "영화",
    "ταινία",
    "elokuva",
    "filmen",
    "short",
];

impl Reference {
    /// Candidates for `query` from one request: on Wikidata the search hits described as films
    /// (no credits yet: `complete` is false). TMDB's own search is one request already, so the
    /// full lookup is as quick and there is nothing to say first: no candidate, no request.
    pub fn quick_lookup(
        &self,
        catalog: Option<&Catalog>,
        query: &str,
        source: ReferenceSource,
        limit: usize,
    ) -> Result<LookupResult> {
        let query = super::checked_query(query, limit)?;
        let films = match source {
            ReferenceSource::Wikidata => self.wikidata_summaries(query, limit)?,
            ReferenceSource::Tmdb => Vec::new(),
        };
        let mut candidates = Vec::with_capacity(films.len());
        for film in films {
            let in_catalog = match catalog {
                Some(catalog) => catalog.film_id_by_external_ids(&film.external_ids)?,
                None => None,
            };
            candidates.push(Candidate::new(film, in_catalog));
        }
        Ok(LookupResult {
            query: query.to_owned(),
            source,
            candidates,
        })
    }

    fn wikidata_summaries(&self, query: &str, limit: usize) -> Result<Vec<ReferenceFilm>> {
        let asked = (limit * 2).clamp(1, super::MAX_LIMIT).to_string();
        let language = self.wikidata.language().to_owned();
        let answer = self.wikidata.ask(&[
            ("action", "wbsearchentities"),
            ("search", query),
            ("language", &language),
            ("uselang", &language),
            ("type", "item"),
            ("limit", &asked),
        ])?;
        let hits = field(&answer, "search");
        if !hits.is_array() {
            return Err(CatalogError::Network {
                service: "Wikidata",
                message: "Wikidata's answer could not be read".into(),
            });
        }
        let mut films: Vec<ReferenceFilm> = array(hits).iter().filter_map(summary).collect();
        films.dedup_by(|a, b| a.id == b.id);
        films.truncate(limit);
        Ok(films)
    }
}

/// A search hit as a film summary, when its description reads as a film's.
fn summary(hit: &Value) -> Option<ReferenceFilm> {
    let id = field(hit, "id").as_str().filter(|id| is_wikidata_id(id))?;
    let label = field(hit, "label")
        .as_str()
        .or_else(|| field(field(hit, "match"), "text").as_str())?
        .trim();
    let description = field(hit, "description").as_str().map(str::trim)?;
    let folded = description.to_lowercase();
    if label.is_empty() || !FILM_WORDS.iter().any(|word| folded.contains(word)) {
        return None;
    }
    let mut film = ReferenceFilm::new(ReferenceSource::Wikidata, id, bounded(label, 500));
    film.description = Some(bounded(description, 500));
    film.year = year_in(description);
    film.external_ids = vec![ExternalId::new("wikidata", id)];
    Some(film)
}

/// The first plausible year a description names ("1972 film by …", "film de 1972").
fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4)
        .filter_map(|run| run.parse::<i32>().ok())
        .find(|year| (1870..=2100).contains(year))
}

fn bounded(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_hit_described_as_a_film_is_a_summary_with_its_year() {
        let hit = json!({"id": "Q228186", "label": "Solaris", "description": "1972 film by Andrei Tarkovsky"});
        let film = summary(&hit).unwrap();
        assert_eq!(
            (film.id.as_str(), film.title.as_str(), film.year),
            ("Q228186", "Solaris", Some(1972))
        );
        assert!(!film.complete);
        assert_eq!(
            year_in("film de 1972 réalisé par Andreï Tarkovski"),
            Some(1972)
        );
    }

    #[test]
    fn hits_described_otherwise_or_without_an_id_are_left_out() {
        assert!(summary(&json!({"id": "Q1136897", "label": "Solaris", "description": "1961 novel by Stanisław Lem"})).is_none());
        assert!(summary(&json!({"id": "Q1", "label": "Solaris"})).is_none());
        assert!(
            summary(&json!({"id": "nonsense", "label": "Solaris", "description": "film"}))
                .is_none()
        );
    }
}
