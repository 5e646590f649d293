//! What every source is read into: film records with what is attached to them, lists, and the
//! rows skipped or refused, each with the file and line it came from.

use crate::credits::Role;
use crate::error::CatalogError;
pub use crate::facts::Description;
use crate::model::{ExternalId, WatchStatus};
use crate::validate::{ValidFilm, ValidReview, ValidViewing};

use super::{ColumnMapping, ImportIssue};

/// At most this many skipped rows and errors are listed one by one; all are counted.
pub const MAX_LISTED_ISSUES: usize = 200;

/// Timestamps kept from a Cinedex export, as stored (ISO-8601 UTC text).
#[derive(Debug, Clone, PartialEq)]
pub struct Stamps {
    pub created: String,
    pub updated: String,
}

/// A credit beyond the directors (which live in `ValidFilm`): Cinedex JSON carries every role.
#[derive(Debug, Clone, PartialEq)]
pub struct Credit {
    pub role: Role,
    pub name: String,
    pub credited_as: Option<String>,
}

/// One film as a source describes it; several records of one film are merged before matching.
#[derive(Debug, Clone)]
pub struct FilmRecord {
    pub film: ValidFilm,
    pub credits: Vec<Credit>,
    /// The reference ids of credited people (Cinedex JSON): role, name as credited, id.
    pub person_ids: Vec<(Role, String, ExternalId)>,
    pub runtime_minutes: Option<i64>,
    pub rating: Option<f64>,
    pub description: Description,
    pub status: WatchStatus,
    /// Cinedex JSON: the status is set as given, not only raised.
    pub exact_status: bool,
    /// (source, value), such as ("imdb", "tt0133093").
    pub external_ids: Vec<(String, String)>,
    pub viewings: Vec<(ValidViewing, Option<Stamps>)>,
    pub reviews: Vec<(ValidReview, Option<Stamps>)>,
    pub annotations: Vec<(u32, String, Option<Stamps>)>,
    pub stamps: Option<Stamps>,
    pub deleted_at: Option<String>,
}

impl FilmRecord {
    pub fn new(film: ValidFilm) -> FilmRecord {
        FilmRecord {
            film,
            credits: Vec::new(),
            person_ids: Vec::new(),
            runtime_minutes: None,
            rating: None,
            description: Description::default(),
            status: WatchStatus::None,
            exact_status: false,
            external_ids: Vec::new(),
            viewings: Vec::new(),
            reviews: Vec::new(),
            annotations: Vec::new(),
            stamps: None,
            deleted_at: None,
        }
    }
}

/// A list and its films, which point into [`Batch::films`].
#[derive(Debug, Clone, Default)]
pub struct ListRecord {
    pub name: String,
    pub description: Option<String>,
    pub stamps: Option<Stamps>,
    pub entries: Vec<(usize, Option<String>)>,
    /// The canon the list follows (`wikidata:Q…`), from a Cinedex export.
    pub canon: Option<String>,
    /// Its canon's films not in the catalog, in order, each placed before entry `before`.
    pub ghosts: Vec<GhostRecord>,
}

/// A ghost of a list, checked: the reference id it stands for and what is known of the film.
#[derive(Debug, Clone)]
pub struct GhostRecord {
    /// How many of the list's `entries` come before it.
    pub before: usize,
    pub source: String,
    pub value: String,
    pub imdb: Option<String>,
    pub title: String,
    pub year: Option<i32>,
    /// Director names, one per line (as `list_ghosts` keeps them).
    pub directors: Option<String>,
    pub note: Option<String>,
}

/// A person's reference ids carried by a Cinedex export, for the person of that name.
#[derive(Debug, Clone)]
pub struct PersonIdsRecord {
    pub name: String,
    pub ids: Vec<(String, String)>,
}

/// Everything read from one import file.
#[derive(Debug, Default)]
pub struct Batch {
    pub films: Vec<FilmRecord>,
    pub lists: Vec<ListRecord>,
    pub people: Vec<PersonIdsRecord>,
    pub rows: u64,
    pub skipped: Vec<ImportIssue>,
    pub skipped_count: u64,
    pub errors: Vec<ImportIssue>,
    pub columns: Vec<ColumnMapping>,
    pub encoding: Option<String>,
}

impl Batch {
    /// The file refused for its errors, if it has any: the first one, named where it stands,
    /// with how many there were and that nothing was `done` ("imported", "followed").
    pub fn refusal(&self, done: &str) -> Option<CatalogError> {
        let first = self.errors.first()?;
        Some(CatalogError::Import {
            file: first.file.clone(),
            line: first.line,
            column: first.column.clone(),
            message: format!(
                "{} ({} error(s) in all; nothing was {done})",
                first.message,
                self.errors.len()
            ),
        })
    }

    pub fn skip(&mut self, file: &str, line: Option<u64>, message: impl Into<String>) {
        self.skipped_count += 1;
        if self.skipped.len() < MAX_LISTED_ISSUES {
            self.skipped.push(issue(file, line, None, message.into()));
        }
    }

    pub fn error(
        &mut self,
        file: &str,
        line: Option<u64>,
        column: Option<&str>,
        message: impl Into<String>,
    ) {
        // Every error is kept (they are counted by `errors.len()`); rows are small.
        self.errors.push(issue(file, line, column, message.into()));
    }

    /// Records a validation failure of one row, naming the source column the field came from.
    pub fn invalid(
        &mut self,
        file: &str,
        line: u64,
        error: CatalogError,
        column_of: &dyn Fn(&str) -> String,
    ) {
        match error {
            CatalogError::Invalid { field, message } => {
                let column = column_of(field);
                self.error(file, Some(line), Some(&column), message)
            }
            other => self.error(file, Some(line), None, other.to_string()),
        }
    }

    /// Validates a film read from a row; a failure becomes an error naming the source column.
    pub fn film(
        &mut self,
        file: &str,
        line: u64,
        input: &crate::model::FilmInput,
        column_of: &dyn Fn(&str) -> String,
    ) -> Option<ValidFilm> {
        match crate::validate::film(input) {
            Ok(valid) => Some(valid),
            Err(error) => {
                self.invalid(file, line, error, column_of);
                None
            }
        }
    }

    /// Unwraps a value read from a row, or records why it could not be read.
    pub fn value<T>(
        &mut self,
        file: &str,
        line: u64,
        column: &str,
        value: Result<T, String>,
    ) -> Option<T> {
        match value {
            Ok(value) => Some(value),
            Err(message) => {
                self.error(file, Some(line), Some(column), message);
                None
            }
        }
    }

    /// Adds a film record and returns its index, for list entries.
    pub fn push(&mut self, record: FilmRecord) -> usize {
        self.films.push(record);
        self.films.len() - 1
    }
}

fn issue(file: &str, line: Option<u64>, column: Option<&str>, message: String) -> ImportIssue {
    ImportIssue {
        file: file.to_owned(),
        line,
        column: column.map(str::to_owned),
        message,
    }
}

/// The fatal error for a file that cannot be read at all.
pub fn fatal(file: &str, line: Option<u64>, message: impl Into<String>) -> CatalogError {
    CatalogError::Import {
        file: file.to_owned(),
        line,
        column: None,
        message: message.into(),
    }
}

/// How far a status goes: watched is beyond the watchlist, which is beyond nothing.
pub fn status_rank(status: WatchStatus) -> u8 {
    match status {
        WatchStatus::None => 0,
        WatchStatus::Watchlist => 1,
        WatchStatus::Watched => 2,
    }
}
