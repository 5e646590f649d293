//! What a person page shows: the person, their films in the catalog by role with what the person
//! using Cinedex has seen of them, and, when asked, the rest of their filmography from the
//! reference (films not in the catalog are "ghosts", addable to the watchlist).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CreditRole, ExternalId, WatchStatus};

/// A person credited on films of the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// Their Wikidata item (`Q…`), when a film of theirs came from Wikidata.
    pub wikidata_id: Option<String>,
    /// Their TMDB person id, when a film of theirs came from TMDB.
    pub tmdb_id: Option<String>,
    /// Known once their filmography has been asked of the reference.
    pub birth_year: Option<i32>,
    pub death_year: Option<i32>,
}

/// The catalog person behind one credit of a film: what the credited name opens, so two people
/// who share a name each open their own page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreditedPerson {
    pub role: CreditRole,
    pub name: String,
    #[ts(type = "number")]
    pub person_id: i64,
}

/// Seen, meant to be seen, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SeenStatus {
    Seen,
    Watchlist,
    NotSeen,
}

/// One catalog film of the person's, in one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonFilm {
    #[ts(type = "number")]
    pub film_id: i64,
    pub title: String,
    pub year: Option<i32>,
    /// Seen when the film is marked watched or has a viewing.
    pub status: SeenStatus,
    pub watch_status: WatchStatus,
    /// The film's one rating (as the library shows it).
    pub rating: Option<f64>,
    pub has_poster: bool,
    /// The part an actor plays, when known.
    pub character: Option<String>,
}

/// The person's catalog films in one role, oldest first, with how many are seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonRole {
    pub role: CreditRole,
    pub films: Vec<PersonFilm>,
    pub seen: u32,
    pub total: u32,
}

/// A film of the person's filmography as the reference lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmographyEntry {
    /// What "add to watchlist" passes on: `wikidata:Q…` or `tmdb:ID`.
    pub reference_id: String,
    pub title: String,
    pub year: Option<i32>,
    /// Their roles on it, in [`CreditRole::ALL`] order.
    pub roles: Vec<CreditRole>,
    pub character: Option<String>,
    pub external_ids: Vec<ExternalId>,
    /// The catalog film it already is, if any.
    #[ts(type = "number | null")]
    pub in_catalog: Option<i64>,
}

/// The person's filmography from one reference service, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Filmography {
    /// `wikidata` or `tmdb`.
    pub source: String,
    pub birth_year: Option<i32>,
    pub death_year: Option<i32>,
    /// Their photo at TMDB, for the window to ask as a thumbnail (`candidate_poster`).
    pub photo_url: Option<String>,
    pub entries: Vec<FilmographyEntry>,
}

/// A person page: `filmography` is there only when it was asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonPage {
    pub person: Person,
    /// The roles they have in the catalog, in [`CreditRole::ALL`] order.
    pub roles: Vec<PersonRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub filmography: Option<Filmography>,
}
