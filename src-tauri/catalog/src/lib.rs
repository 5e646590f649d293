//! The Cinedex catalog core: films, the people and themes credited on them, and the reviews and
//! notes attached to them, in one SQLite file. Every rule about the catalog lives here; the desktop
//! app and the command line are thin fronts over [`Catalog`].
//!
//! The fronts (the app, the command line, benches, fuzz targets and integration tests) import
//! everything from the crate root: every module is private and what a front may use is re-exported
//! below, so an internal module can be split or renamed without touching a front. Free functions
//! are re-exported under names that say what they are about (`render_markdown`, `thin_backups`,
//! `install_sql_functions`). The data generator of tests and benches, which writes raw `INSERT`s
//! past validation, is only there with the `testing` feature (`generate_films`).

mod annotations;
mod article;
mod backup;
mod changes;
mod completion;
mod credits;
mod db;
mod error;
mod export;
mod facts;
mod field;
mod film_detail;
mod films;
mod highlights;
mod housekeeping;
mod html_depth;
mod import;
mod library;
mod lists;
mod markdown;
mod migrate;
mod model;
mod people;
mod posters;
mod recovery;
mod reference;
mod reviews;
mod search;
mod sql_functions;
mod stats;
mod string_enum;
mod text;
mod time;
mod validate;
mod viewings;
mod year_review;

pub use article::{
    article_text, read_article_file, ArticleFile, ArticleProposal, FieldConflict, FilmCandidate,
    MAX_ARTICLE_BYTES,
};
pub use backup::{
    backups_dir, list_backups, thin as thin_backups, BackupInfo, BackupReason, CheckReport,
    RestoreReport,
};
pub use changes::ChangeWatcher;
pub use completion::{
    CompletionMatch, CompletionOptions, CompletionProgress, CompletionQueue, CompletionReport,
    CompletionStatus, CompletionTargets, CompletionTotals, FilmCompletion, MatchedBy, QueuedFilm,
    ScoredCandidate,
};
pub use db::Catalog;
pub use error::{CatalogError, ErrorKind, ErrorPayload, Result};
pub use export::{Existing as ExportExisting, ExportFormat, ExportReport};
pub use housekeeping::{Housekeeping, TRASH_RETENTION_DAYS};
pub use import::{
    ColumnMapping, CsvField, ImportIssue, ImportOptions, ImportSource, ImportSummary,
};
pub use lists::{
    FilmList, FilmListDetail, FilmListEntry, FilmListGhost, FollowedListFile, FILE_CANON_PREFIX,
};
pub use markdown::{
    render as render_markdown, MAX_NESTING as MAX_MARKDOWN_NESTING, MAX_RAW_HTML_TAGS,
};
pub use migrate::{APPLICATION_ID, LATEST_VERSION};
pub use model::{
    Annotation, AnnotationInput, CatalogInfo, Credit, CreditRole, CreditedPerson, ExternalId, Film,
    FilmDetail, FilmFacts, FilmGroup, FilmInput, FilmListQuery, FilmPage, FilmSort, FilmWithFacts,
    Filmography, FilmographyEntry, GroupBy, GroupFilter, Highlight, HighlightInput, Person,
    PersonFilm, PersonPage, PersonRole, Review, ReviewInput, ReviewKind, SeenStatus, Viewing,
    ViewingInput, WatchStatus,
};
pub use posters::{posters_dir, MAX_POSTER_BYTES, THUMB_HEIGHT, THUMB_WIDTH};
pub use recovery::{
    check_after_unclean_end, ended_uncleanly, mark_open, newest_good_backup,
    restore_backup_in_place, Damage, SessionMarker,
};
pub use reference::config::{config_dir, SETTINGS_FILE};
pub use reference::page::is_web_address;
pub use reference::settings_view::{change_settings, SettingsChange, SettingsView};
pub use reference::{
    Candidate, FieldComparison, FieldStatus, HttpClient, HttpSettings, LookupResult, Reference,
    ReferenceCredit, ReferenceFilm, ReferenceOptions, ReferenceSource, Refresh, SettingName,
    Settings, Take,
};
#[cfg(feature = "testing")]
pub use search::generate::fill as generate_films;
pub use search::parser::parse as parse_search_query;
pub use search::{
    FacetCount, Facets, MatchField, SearchHit, SearchIndexReport, SearchResults, Segment,
    SmartList, SmartListInput, Snippet,
};
pub use search::{CLI_PAGE, MAX_LIMIT as MAX_SEARCH_LIMIT, WINDOW_PAGE};
pub use sql_functions::install as install_sql_functions;
pub use stats::{Stats, StatsQuery, Tally};
pub use string_enum::TextEnum;
pub use text::SEARCH_FOLD_VERSION;
pub use validate::{last_film_year, link_to_open};
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
