//! Completing the catalog from the reference: each film matched to Wikidata or TMDB (by its
//! external ids first, else by title and year, scored), its blanks filled, doubtful matches kept
//! in a review queue for the person to pick. Nothing the person wrote is overwritten: a match only
//! fills what is blank, through the one merge rule of [`crate::reference::refresh`].

mod apply;
pub mod matching;
mod run;
mod store;

use crate::string_enum::string_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Film;
use crate::reference::{ReferenceFilm, ReferenceSource};

pub use run::DEFAULT_CONCURRENCY;

/// What a completion did with one film.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CompletionStatus {
    /// Matched, and blanks were filled (or would be, in a dry run).
    Applied,
    /// Candidates were found but none is sure enough: the film waits in the review queue.
    Review,
    /// No candidate came close.
    Unmatched,
    /// Matched, and the film had nothing blank the reference could fill.
    Unchanged,
}

string_enum!(CompletionStatus {
    Applied => "applied",
    Review => "review",
    Unmatched => "unmatched",
    Unchanged => "unchanged",
});

/// How a film was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum MatchedBy {
    /// One of the film's external ids (IMDb, TMDB, Wikidata) led to it.
    Id,
    /// Its title and year, scored.
    Title,
    /// The person picked it.
    Pick,
}

/// The reference film a catalog film was matched to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompletionMatch {
    pub source: ReferenceSource,
    pub id: String,
    /// From 0 to 1; 1 for a match by id or a pick.
    pub score: f64,
    pub by: MatchedBy,
    /// The reference's title and year, for a person to read.
    pub title: String,
    pub year: Option<i32>,
}

/// One film's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmCompletion {
    #[ts(type = "number")]
    pub film_id: i64,
    pub title: String,
    pub year: Option<i32>,
    pub status: CompletionStatus,
    /// The match applied, or the best candidate of a film sent to review; `null` when unmatched.
    #[serde(rename = "match")]
    #[ts(rename = "match")]
    pub matched: Option<CompletionMatch>,
    /// The fields filled (`directors`, `runtimeMinutes`, `poster`, ...), in field order.
    pub filled: Vec<String>,
    /// A film in review: its best candidates, best first, each with its score.
    pub candidates: Vec<ScoredCandidate>,
    /// Why a film could not be completed although the reference answered (its answer was
    /// refused by the catalog's rules, say); `null` otherwise.
    pub problem: Option<String>,
}

/// A candidate of the review queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScoredCandidate {
    pub score: f64,
    pub film: ReferenceFilm,
}

/// Counts of a run, by outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompletionTotals {
    /// Films the run was asked to complete.
    pub films: u32,
    pub applied: u32,
    pub review: u32,
    pub unmatched: u32,
    pub unchanged: u32,
    /// Films not reached because the run was cancelled or the reference stopped answering; a
    /// new run over the films missing something goes on with them.
    pub remaining: u32,
}

impl CompletionTotals {
    pub(crate) fn count(&mut self, status: CompletionStatus) {
        match status {
            CompletionStatus::Applied => self.applied += 1,
            CompletionStatus::Review => self.review += 1,
            CompletionStatus::Unmatched => self.unmatched += 1,
            CompletionStatus::Unchanged => self.unchanged += 1,
        }
    }
}

/// What a run did, film by film, in the order the films were given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompletionReport {
    pub source: ReferenceSource,
    pub dry_run: bool,
    pub films: Vec<FilmCompletion>,
    pub totals: CompletionTotals,
    /// Set when the run stopped early: cancelled, or why the reference stopped answering.
    pub stopped: Option<String>,
}

/// How far a run is, as the window's progress bar shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompletionProgress {
    pub done: u32,
    pub total: u32,
    pub totals: CompletionTotals,
}

/// Which films a run completes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "ids")]
pub enum CompletionTargets {
    /// Films without a director, without any reference id, or (with TMDB) without a poster,
    /// that no earlier run with the same source has decided on.
    Missing,
    /// These films, whatever an earlier run decided.
    Films(#[ts(type = "number[]")] Vec<i64>),
}

/// How a run goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionOptions {
    /// The service asked; the preferred one (TMDB when set up) when `None`.
    pub source: Option<ReferenceSource>,
    /// Decide and report, write nothing.
    pub dry_run: bool,
    /// Films completed at once; each waits on the network most of the time.
    pub concurrency: usize,
}

impl Default for CompletionOptions {
    fn default() -> Self {
        CompletionOptions {
            source: None,
            dry_run: false,
            concurrency: DEFAULT_CONCURRENCY,
        }
    }
}

/// A film of the review queue, or of those left unmatched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QueuedFilm {
    pub film: Film,
    pub source: ReferenceSource,
    pub candidates: Vec<ScoredCandidate>,
    pub checked_at: chrono::DateTime<chrono::Utc>,
}

/// The films waiting for the person: those to review, and those no candidate matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompletionQueue {
    pub review: Vec<QueuedFilm>,
    pub unmatched: Vec<QueuedFilm>,
}
