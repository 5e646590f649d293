//! The core's own types for what a reference service knows about a film; everything downstream
//! (lookup, add, refresh) reads these, never raw JSON.

use crate::string_enum::string_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::model::{CreditRole, ExternalId};

/// Where a reference film comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReferenceSource {
    Wikidata,
    Tmdb,
}

string_enum!(lenient ReferenceSource {
    Wikidata => "wikidata",
    Tmdb => "tmdb",
});

impl ReferenceSource {
    /// The service's name as a person reads it in a message.
    pub fn service_name(self) -> &'static str {
        match self {
            ReferenceSource::Wikidata => "Wikidata",
            ReferenceSource::Tmdb => "TMDB",
        }
    }
}

/// One person credited on a film; `order` is the position within the role, from 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceCredit {
    pub role: CreditRole,
    pub name: String,
    pub order: u32,
    /// The part an actor plays, when the source knows it.
    pub character: Option<String>,
    /// The person's id at the source (`wikidata:Q…`, `tmdb:…`), when it gives one.
    #[serde(default)]
    pub person_id: Option<ExternalId>,
}

impl ExternalId {
    /// The id as it may go into a query string or a search statement: ids of every service are
    /// short and alphanumeric (`tt0347246`, `Q193573`, `129`), so anything else is dropped
    /// rather than sent. Empty when nothing of it is usable.
    pub(crate) fn query_value(&self) -> String {
        self.value
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(20)
            .collect()
    }

    pub fn new(source: &str, value: impl Into<String>) -> Self {
        ExternalId {
            source: source.to_owned(),
            value: value.into(),
        }
    }

    /// Reads `wikidata:Q…`, `tmdb:ID`, `imdb:tt…`, or a bare `Q…`/`tt…`.
    pub fn parse(text: &str) -> Option<ExternalId> {
        let text = text.trim();
        let (source, value) = match text.split_once(':') {
            Some((source, value)) => (source.trim().to_ascii_lowercase(), value.trim()),
            None if text.starts_with('Q') || text.starts_with('q') => ("wikidata".into(), text),
            None if text.starts_with("tt") => ("imdb".into(), text),
            None => return None,
        };
        let valid = match source.as_str() {
            "wikidata" => is_wikidata_id(value),
            "imdb" => value.len() > 2 && value.starts_with("tt") && all_digits(&value[2..]),
            "tmdb" => all_digits(value),
            _ => false,
        };
        let value = if source == "wikidata" {
            value.to_ascii_uppercase()
        } else {
            value.to_owned()
        };
        valid.then(|| ExternalId::new(&source, value))
    }
}

pub(crate) fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.len() <= 12 && text.bytes().all(|b| b.is_ascii_digit())
}

pub(crate) fn is_wikidata_id(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some('Q' | 'q')) && all_digits(chars.as_str())
}

/// Everything a source says about one film, already checked and bounded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceFilm {
    pub source: ReferenceSource,
    /// The source's own id: `Q…` for Wikidata, the number for TMDB.
    pub id: String,
    /// The title in the asked language (or English), the source's label.
    pub title: String,
    pub original_title: Option<String>,
    /// The language of the original title (`ja`, `fr`), where the source says it.
    pub original_title_language: Option<String>,
    pub year: Option<i32>,
    pub runtime_minutes: Option<u32>,
    /// By role, in credit order.
    pub credits: Vec<ReferenceCredit>,
    pub genres: Vec<String>,
    pub countries: Vec<String>,
    /// The original language's name ("Japanese") or code, as the source gives it.
    pub original_language: Option<String>,
    /// A paragraph about the story (TMDB's overview).
    pub synopsis: Option<String>,
    /// A one-line description ("2001 film by Hayao Miyazaki").
    pub description: Option<String>,
    pub external_ids: Vec<ExternalId>,
    pub poster_url: Option<String>,
    pub wikipedia_url: Option<String>,
    /// Every credit the source knows is here; a search result may carry only the directors.
    pub complete: bool,
}

impl ReferenceFilm {
    pub fn new(source: ReferenceSource, id: impl Into<String>, title: impl Into<String>) -> Self {
        ReferenceFilm {
            source,
            id: id.into(),
            title: title.into(),
            original_title: None,
            original_title_language: None,
            year: None,
            runtime_minutes: None,
            credits: Vec::new(),
            genres: Vec::new(),
            countries: Vec::new(),
            original_language: None,
            synopsis: None,
            description: None,
            external_ids: Vec::new(),
            poster_url: None,
            wikipedia_url: None,
            complete: false,
        }
    }

    /// The names credited in `role`, in order.
    pub fn people(&self, role: CreditRole) -> Vec<String> {
        let mut credits: Vec<&ReferenceCredit> =
            self.credits.iter().filter(|c| c.role == role).collect();
        credits.sort_by_key(|c| c.order);
        credits.into_iter().map(|c| c.name.clone()).collect()
    }

    pub fn external_id(&self, source: &str) -> Option<&str> {
        self.external_ids
            .iter()
            .find(|id| id.source == source)
            .map(|id| id.value.as_str())
    }

    /// Adds an id unless the film already has one from that source.
    pub(crate) fn add_external_id(&mut self, source: &str, value: &str) {
        if !value.is_empty() && self.external_id(source).is_none() {
            self.external_ids.push(ExternalId::new(source, value));
        }
    }
}

/// One line of a lookup's answer, what `cinedex lookup --json` prints and the Add film dialog shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub source: ReferenceSource,
    pub id: String,
    pub title: String,
    pub original_title: Option<String>,
    pub year: Option<i32>,
    pub directors: Vec<String>,
    pub description: Option<String>,
    pub poster_url: Option<String>,
    pub external_ids: Vec<ExternalId>,
    /// The catalog film with one of the same external ids, to open instead of adding it twice.
    #[ts(type = "number | null")]
    pub in_catalog: Option<i64>,
    /// What the catalog would store of it (the leads of the cast, bounded names), to fill the
    /// film form's facts with.
    pub facts: crate::model::FilmFacts,
    /// Everything the source said, for filling the form without asking again.
    pub film: ReferenceFilm,
}

impl Candidate {
    pub fn new(film: ReferenceFilm, in_catalog: Option<i64>) -> Self {
        Candidate {
            source: film.source,
            id: film.id.clone(),
            title: film.title.clone(),
            original_title: film.original_title.clone(),
            year: film.year,
            directors: film.people(CreditRole::Director),
            description: film.description.clone().or_else(|| film.synopsis.clone()),
            poster_url: film.poster_url.clone(),
            external_ids: film.external_ids.clone(),
            in_catalog,
            facts: super::adding::reference_facts(&film),
            film,
        }
    }
}

/// A lookup's whole answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LookupResult {
    pub query: String,
    pub source: ReferenceSource,
    pub candidates: Vec<Candidate>,
}

/// Bounds a string from the network: trimmed, at most `max` characters, `None` when empty.
pub(crate) fn bounded(text: &str, max: usize) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(match text.char_indices().nth(max) {
        Some((cut, _)) => text[..cut].trim_end().to_owned(),
        None => text.to_owned(),
    })
}
