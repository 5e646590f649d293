//! The highlight types: a marked passage of a review, note or article, with an optional margin
//! note, as the UI, the command line (`--json`) and the export see it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A passage marked in a review's text, found again by its quote and context when the review is
/// edited. `start` counts characters (Unicode scalar values) of the review read as plain text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Highlight {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub review_id: i64,
    #[ts(type = "number")]
    pub film_id: i64,
    pub quote: String,
    /// Up to 32 characters of the text before the quote, to tell repeated quotes apart.
    pub prefix: String,
    /// Up to 32 characters of the text after the quote.
    pub suffix: String,
    pub start: u32,
    pub note: Option<String>,
    /// The review was edited and the quote is no longer in it: kept, not deleted, so the note
    /// survives; the UI lists it apart.
    pub orphaned: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A passage to highlight, as selected. `quote` must occur in the review's text (whitespace
/// need not match exactly); when it occurs several times, the occurrence starting nearest to
/// `near` (a character offset like [`Highlight::start`]) is taken, or else the first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct HighlightInput {
    pub quote: String,
    pub note: Option<String>,
    #[ts(optional)]
    pub near: Option<u32>,
}
