//! The Cinedex JSON document (`"format": "cinedex", "version": 1`): every film with everything
//! attached to it, and the lists, without database ids (lists point at films by their index in
//! `films`). Timestamps are kept exactly as stored, so export → import → export is identical.
//! The schema is documented in README.md ("Cinedex JSON"). Fields added after version 1 first
//! shipped (genres, highlights, a list's canon and ghosts, people's ids) are optional and left
//! out when empty, so a file without them is still version 1 and reads as before.

use serde::{Deserialize, Serialize};

use crate::model::{ReviewKind, WatchStatus};

pub const FORMAT: &str = "cinedex";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub format: String,
    pub version: u32,
    pub films: Vec<FilmDoc>,
    #[serde(default)]
    pub lists: Vec<ListDoc>,
    /// People with ids at the reference services, by the name their credits use; left out
    /// when no one has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<PersonDoc>,
}

/// A person's ids at the reference services (`wikidata`, `tmdb`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonDoc {
    pub name: String,
    pub external_ids: Vec<ExternalIdDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FilmDoc {
    pub title: String,
    #[serde(default)]
    pub original_title: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub runtime_minutes: Option<i64>,
    #[serde(default)]
    pub rating: Option<f64>,
    #[serde(default)]
    pub watch_status: WatchStatus,
    /// People in their roles, in credit order within each role.
    #[serde(default)]
    pub credits: Vec<CreditDoc>,
    #[serde(default)]
    pub themes: Vec<String>,
    /// The reference's genres, apart from the person's themes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub genres: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synopsis: Option<String>,
    #[serde(default)]
    pub external_ids: Vec<ExternalIdDoc>,
    #[serde(default)]
    pub reviews: Vec<ReviewDoc>,
    #[serde(default)]
    pub viewings: Vec<ViewingDoc>,
    #[serde(default)]
    pub annotations: Vec<AnnotationDoc>,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default)]
    pub deleted_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditDoc {
    pub role: String,
    pub name: String,
    #[serde(default)]
    pub credited_as: Option<String>,
    /// The credited person's ids at the reference services, so two people who share a name
    /// stay two people through an export and an import.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub person_ids: Vec<ExternalIdDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExternalIdDoc {
    pub source: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewDoc {
    pub kind: ReviewKind,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub published_on: Option<String>,
    #[serde(default)]
    pub rating: Option<f64>,
    #[serde(default)]
    pub spoiler: bool,
    pub body: String,
    pub created_at: String,
    pub updated_at: String,
    /// Passages marked in the body, in text order; absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<HighlightDoc>,
}

/// A highlight: its quote and context as anchored (`start` in characters of the review read as
/// plain text), so an import places it again exactly, or flags it orphaned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HighlightDoc {
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default)]
    pub start: u32,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub orphaned: bool,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewingDoc {
    pub watched_on: String,
    #[serde(default)]
    pub rewatch: bool,
    #[serde(default)]
    pub rating: Option<f64>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnnotationDoc {
    /// `H:MM:SS`.
    pub at: String,
    pub body: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListDoc {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub films: Vec<ListEntryDoc>,
    /// The canon the list follows (`wikidata:Q179808`); left out when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canon: Option<String>,
    /// The canon's films not in the catalog; left out when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ghosts: Vec<GhostDoc>,
}

/// A film of a list's canon that is not in the catalog. `position` is its place (from 1) in the
/// list's whole order, ghosts and `films` entries together; the entries fill the places the
/// ghosts leave, in their order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GhostDoc {
    /// `source:value`, such as `wikidata:Q…`.
    pub reference_id: String,
    #[serde(default)]
    pub imdb: Option<String>,
    pub title: String,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub directors: Vec<String>,
    pub position: u64,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListEntryDoc {
    /// Index into the document's `films`.
    pub film: usize,
    #[serde(default)]
    pub note: Option<String>,
}
