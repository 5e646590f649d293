//! Search: the query language (`parser`), its safe translation to FTS5 (`fts`), ranked execution
//! over bounded candidate sets (`query`), highlighted titles and snippets as text segments
//! (`highlight`), the derived schema of views, triggers and indexes (`schema`), index upkeep and
//! checks (`index`), saved searches (`smart`), and a deterministic catalog generator for tests
//! and the benchmark (`generate`, only with the `testing` feature: it writes past validation).

pub(crate) mod bulk;
mod facets;
mod fts;
#[cfg(feature = "testing")]
pub(crate) mod generate;
pub(crate) mod highlight;
mod index;
pub mod parser;
mod query;
pub(crate) mod schema;
mod smart;
mod snippet;
mod typo;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Film, ReviewKind};

pub use index::SearchIndexReport;
pub use query::{CLI_PAGE, MAX_LIMIT, WINDOW_PAGE};

/// The search index compared with the catalog, for `Catalog::check` (its read-only part).
pub(crate) fn index_problems(tx: &rusqlite::Transaction) -> crate::error::Result<Vec<String>> {
    index::problems(tx, false)
}

/// The answer to one search: a ranked page of films and facet counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// The query as given, so a caller can tell which request this answers.
    pub query: String,
    pub hits: Vec<SearchHit>,
    /// How many films matched, counted over the bounded candidate set (see `totalIsEstimate`).
    pub total: u32,
    /// True when there were more matches than were looked at: `total` is then a lower bound.
    pub total_is_estimate: bool,
    /// Counts over the same bounded candidate set as `total`.
    pub facets: Facets,
}

/// One film found, with why it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub film: Film,
    /// Where the query matched, best first.
    pub matched: Vec<MatchField>,
    /// The title cut into plain and highlighted pieces: render as text and `<mark>`, never HTML.
    pub title: Vec<Segment>,
    pub original_title: Option<Vec<Segment>>,
    /// A short passage of the matching review or note, when the match is in one.
    pub snippet: Option<Snippet>,
}

/// A piece of text; `hit` pieces are the words that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// A passage of a review, note or article around the words that matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
    #[ts(type = "number")]
    pub review_id: i64,
    pub kind: ReviewKind,
    pub title: Option<String>,
    pub author: Option<String>,
    pub text: Vec<Segment>,
}

/// Which part of a film's record matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum MatchField {
    Title,
    OriginalTitle,
    Director,
    Person,
    Theme,
    /// One of the reference's genres.
    Genre,
    /// The film's synopsis.
    Synopsis,
    Review,
    Note,
    Article,
}

/// Counts of directors, themes, genres and decades among the films found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Facets {
    pub directors: Vec<FacetCount>,
    pub themes: Vec<FacetCount>,
    pub genres: Vec<FacetCount>,
    pub decades: Vec<FacetCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FacetCount {
    /// What to show: "Mamoru Oshii", "cyberpunk", "1990s".
    pub value: String,
    pub count: u32,
    /// The query text that narrows to this value, to append to the query: `director:"Mamoru Oshii"`.
    pub filter: String,
}

/// A saved search, shown as a list that stays live as the catalog changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SmartList {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub query: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a person enters to save a search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SmartListInput {
    pub name: String,
    pub query: String,
}
