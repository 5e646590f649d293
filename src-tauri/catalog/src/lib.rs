//! The Cinedex catalog core: films, the people and themes credited on them, and the reviews and
//! notes attached to them, in one SQLite file. Every rule about the catalog lives here; the desktop
//! app and the command line are thin fronts over [`Catalog`].

mod annotations;
pub mod article;
pub mod backup;
mod changes;
pub mod completion;
mod credits;
mod db;
mod error;
pub mod export;
mod facts;
mod film_detail;
mod films;
mod highlights;
mod housekeeping;
mod html_depth;
pub mod import;
mod library;
pub mod lists;
pub mod markdown;
mod migrate;
mod model;
mod people;
pub mod posters;
pub mod recovery;
pub mod reference;
mod reviews;
pub mod search;
pub mod sql_functions;
mod stats;
pub mod text;
mod time;
pub mod validate;
mod viewings;
mod year_review;

pub use changes::ChangeWatcher;
pub use db::Catalog;
pub use error::{CatalogError, ErrorKind, ErrorPayload, Result};
pub use export::{Existing as ExportExisting, ExportFormat, ExportReport};
pub use housekeeping::{Housekeeping, TRASH_RETENTION_DAYS};
pub use import::{
    ColumnMapping, CsvField, ImportIssue, ImportOptions, ImportSource, ImportSummary,
};
pub use lists::{FilmList, FilmListDetail, FilmListEntry, FilmListGhost, FollowedListFile};
pub use migrate::{APPLICATION_ID, LATEST_VERSION};
pub use model::{
    Annotation, AnnotationInput, CatalogInfo, Credit, CreditRole, ExternalId, Film, FilmDetail,
    FilmFacts, FilmGroup, FilmInput, FilmListQuery, FilmPage, FilmSort, FilmWithFacts, Filmography,
    FilmographyEntry, GroupBy, GroupFilter, Highlight, HighlightInput, Person, PersonFilm,
    PersonPage, PersonRole, Review, ReviewInput, ReviewKind, SeenStatus, Viewing, ViewingInput,
    WatchStatus,
};
pub use search::{
    FacetCount, Facets, MatchField, SearchHit, SearchIndexReport, SearchResults, Segment,
    SmartList, SmartListInput, Snippet,
};
pub use stats::{Stats, StatsQuery, Tally};
pub use year_review::{check_png, YearFilm, YearInReview, MAX_PNG_BYTES, MAX_PNG_SIDE};

impl Catalog {
    /// Counts and the schema version, for the status bar and `cinedex info`.
    pub fn info(&self) -> Result<CatalogInfo> {
        let location = self.location().to_owned();
        self.read(|tx| {
            let film_count = tx.query_row(library::LIVE_COUNT, [], |row| row.get(0))?;
            let trash_count = tx.query_row(
                "SELECT count(*) FROM films WHERE deleted_at IS NOT NULL",
                [],
                |row| row.get(0),
            )?;
            Ok(CatalogInfo {
                path: location,
                film_count,
                trash_count,
                schema_version: migrate::schema_version(tx)?,
            })
        })
    }
}
