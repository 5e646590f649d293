//! A canon from Wikidata: the films that won an award (`haswbstatement:P166=Q…`), read into
//! [`CanonFilm`]s (title, year, directors, ids). The award is a Q-id or a name, looked up with
//! `wbsearchentities`; the winners are paged through `list=search`, then read with
//! `wbgetentities` in batches of 50. Only films are kept. The winners are asked anew each time
//! (the cache serves them only offline); the films' entities come from the cache when fresh.

use crate::field::Field;
use serde_json::Value;

use super::json::{array, field, integer};
use super::model::{is_wikidata_id, CreditRole};
use super::wikidata::{Wikidata, SERVICE};
use super::wikidata_entity::FilmItem;
use super::{unreadable, ExternalId};
use crate::error::{CatalogError, Result};

/// Winners asked per `list=search` page.
const PAGE: usize = 500;
/// The most winners read for one award: every real award has fewer.
pub const MAX_WINNERS: usize = 2_000;
/// The longest award name looked up.
const MAX_AWARD_CHARS: usize = 200;

/// An award and the films that won it, in the order Wikidata listed them.
#[derive(Debug, Clone, PartialEq)]
pub struct Canon {
    /// `wikidata:Q…`
    pub source: ExternalId,
    /// The award's label ("Palme d'Or").
    pub label: String,
    pub films: Vec<CanonFilm>,
}

/// One film of a canon, as the reference states it.
#[derive(Debug, Clone, PartialEq)]
pub struct CanonFilm {
    /// The Wikidata item (`Q…`).
    pub id: String,
    pub title: String,
    pub year: Option<i32>,
    pub directors: Vec<String>,
    pub imdb: Option<String>,
    pub tmdb: Option<String>,
}

impl CanonFilm {
    /// Every id the film may carry in the catalog: Wikidata's, IMDb's, TMDB's.
    pub fn external_ids(&self) -> Vec<ExternalId> {
        let mut ids = vec![ExternalId::new("wikidata", self.id.clone())];
        ids.extend(self.imdb.iter().map(|v| ExternalId::new("imdb", v.clone())));
        ids.extend(self.tmdb.iter().map(|v| ExternalId::new("tmdb", v.clone())));
        ids
    }
}

impl Wikidata {
    pub(super) fn canon(&self, award: &str) -> Result<Canon> {
        let award = award.trim();
        if award.is_empty() || award.chars().count() > MAX_AWARD_CHARS {
            return Err(CatalogError::invalid(
                Field::Award,
                format!("name an award (a Wikidata Q-id or 1 to {MAX_AWARD_CHARS} characters)"),
            ));
        }
        let id = self.award_id(award)?;
        let labels = self.labels(vec![id.clone()])?;
        let label = labels.get(&id).cloned().unwrap_or_else(|| id.clone());
        let winners = self.winners(&id)?;
        let languages = self.languages();
        let items: Vec<FilmItem> = self
            .entities(&winners, "labels|claims")?
            .iter()
            .filter_map(|entity| FilmItem::parse(entity, &languages))
            .collect();
        let directors: Vec<String> = items
            .iter()
            .flat_map(|item| item.credits.iter())
            .filter(|(role, _, _)| *role == CreditRole::Director)
            .map(|(_, person, _)| person.clone())
            .collect();
        let names = self.labels(directors)?;
        let films = items
            .into_iter()
            .map(|item| CanonFilm {
                title: item.label.clone().unwrap_or_else(|| item.id.clone()),
                year: item.year,
                directors: item
                    .credits
                    .iter()
                    .filter(|(role, _, _)| *role == CreditRole::Director)
                    .filter_map(|(_, person, _)| names.get(person).cloned())
                    .collect(),
                imdb: item.imdb,
                tmdb: item.tmdb,
                id: item.id,
            })
            .collect();
        Ok(Canon {
            source: ExternalId::new("wikidata", id),
            label,
            films,
        })
    }

    /// The item `award` names: itself when it is a Q-id, else the best hit of a search.
    fn award_id(&self, award: &str) -> Result<String> {
        let upper = award.to_ascii_uppercase();
        if is_wikidata_id(&upper) {
            return Ok(upper);
        }
        let language = self.languages()[0].to_owned();
        let answer = self.ask(&[
            ("action", "wbsearchentities"),
            ("search", award),
            ("language", &language),
            ("uselang", &language),
            ("type", "item"),
            ("limit", "5"),
        ])?;
        let hits = field(&answer, "search");
        if !hits.is_array() {
            return Err(unreadable(SERVICE));
        }
        array(hits)
            .iter()
            .filter_map(|hit| field(hit, "id").as_str())
            .find(|id| is_wikidata_id(id))
            .map(str::to_owned)
            .ok_or_else(|| {
                CatalogError::invalid(
                    Field::Award,
                    format!("Wikidata knows no award named {award:?}"),
                )
            })
    }

    /// The items stating "award received: `award`", page after page, at most [`MAX_WINNERS`].
    fn winners(&self, award: &str) -> Result<Vec<String>> {
        let statement = format!("haswbstatement:P166={award}");
        let limit = PAGE.to_string();
        let mut ids: Vec<String> = Vec::new();
        let mut offset: Option<String> = None;
        loop {
            let mut params = vec![
                ("action", "query"),
                ("list", "search"),
                ("srsearch", statement.as_str()),
                ("srlimit", limit.as_str()),
                ("srprop", ""),
            ];
            if let Some(offset) = &offset {
                params.push(("sroffset", offset.as_str()));
            }
            // Asked anew each time (an award has new winners every year), unless offline.
            let answer = self.ask_with(&params, true)?;
            let hits = field(field(&answer, "query"), "search");
            if !hits.is_array() {
                return Err(unreadable(SERVICE));
            }
            for title in array(hits)
                .iter()
                .filter_map(|hit| field(hit, "title").as_str())
            {
                if is_wikidata_id(title) && !ids.iter().any(|known| known == title) {
                    ids.push(title.to_owned());
                }
            }
            let next = next_offset(&answer);
            match next {
                Some(next) if ids.len() < MAX_WINNERS && !array(hits).is_empty() => {
                    offset = Some(next.to_string());
                }
                _ => break,
            }
        }
        ids.truncate(MAX_WINNERS);
        Ok(ids)
    }
}

/// The `continue.sroffset` of a search answer, when there are more hits.
fn next_offset(answer: &Value) -> Option<i64> {
    integer(
        field(field(answer, "continue"), "sroffset"),
        1..=MAX_WINNERS as i64 * 2,
    )
}
