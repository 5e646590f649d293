//! The catalog's public data shapes: what goes in (inputs) and what comes out (records), shared
//! verbatim by the Tauri commands, the `--json` output and the generated TypeScript bindings.

use crate::string_enum::string_enum;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::credits::Role;

mod highlight;
mod library;
mod people;
pub use highlight::{Highlight, HighlightInput};
pub use library::{FilmGroup, FilmListQuery, FilmPage, FilmSort, GroupBy, GroupFilter};
pub use people::{
    CreditedPerson, Filmography, FilmographyEntry, Person, PersonFilm, PersonPage, PersonRole,
    SeenStatus,
};

/// A film as listed in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Film {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub original_title: Option<String>,
    pub year: Option<i32>,
    pub directors: Vec<String>,
    pub themes: Vec<String>,
    #[ts(type = "number")]
    pub review_count: i64,
    pub watch_status: WatchStatus,
    #[ts(type = "number")]
    pub viewing_count: i64,
    /// The most recent viewing's date: every viewing is kept, this only summarises them.
    pub last_watched_on: Option<NaiveDate>,
    /// The person's latest rating of the film, from a viewing or a review or note of their own;
    /// else the rating the film carries itself (one imported from IMDb, Letterboxd or a CSV).
    pub rating: Option<f64>,
    /// Whether a poster is attached; the window shows its thumbnail, others get a placeholder.
    pub has_poster: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set while the film is in the trash.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Whether a person has seen a film, or means to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum WatchStatus {
    #[default]
    None,
    Watchlist,
    Watched,
}

string_enum!(WatchStatus {
    None => "none",
    Watchlist => "watchlist",
    Watched => "watched",
});

/// A film with everything attached to it, as the film view shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmDetail {
    #[serde(flatten)]
    #[ts(flatten)]
    pub film: Film,
    #[serde(flatten)]
    #[ts(flatten)]
    pub facts: FilmFacts,
    pub reviews: Vec<Review>,
    /// Every viewing, most recent first.
    pub viewings: Vec<Viewing>,
    /// Timecoded notes, in film order.
    pub annotations: Vec<Annotation>,
    /// Who each credit (directors included) is in the catalog, in credit order within each role.
    pub people: Vec<CreditedPerson>,
}

/// One person's credit on a film, as shown and as edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Credit {
    pub role: CreditRole,
    pub name: String,
    /// The part an actor plays; `null` for other roles and when not known.
    #[serde(default)]
    pub character: Option<String>,
}

/// What a film is beyond what the library lists: mostly what a reference (Wikidata, TMDB)
/// knows, and what the person may correct. Themes stay the person's own words; genres are the
/// reference's classification, kept apart.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct FilmFacts {
    pub runtime_minutes: Option<u32>,
    /// Every credit by role (directors first, then writers, cast, ...), in credit order. In a
    /// [`FilmInput`] it holds the roles other than director, which `directors` gives.
    pub credits: Vec<Credit>,
    pub genres: Vec<String>,
    /// Countries of origin, as named ("Japan", "France").
    pub countries: Vec<String>,
    /// The original language's name ("Japanese") or code.
    pub original_language: Option<String>,
    /// A paragraph about the story.
    pub synopsis: Option<String>,
    /// The film's ids elsewhere (`imdb`, `tmdb`, `wikidata`, `letterboxd`).
    pub external_ids: Vec<ExternalId>,
}

impl FilmFacts {
    /// The names credited in `role`, in order.
    pub fn people(&self, role: CreditRole) -> Vec<String> {
        self.credits
            .iter()
            .filter(|credit| credit.role == role)
            .map(|credit| credit.name.clone())
            .collect()
    }
}

/// A film with its facts, as `add` and `edit` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmWithFacts {
    #[serde(flatten)]
    #[ts(flatten)]
    pub film: Film,
    #[serde(flatten)]
    #[ts(flatten)]
    pub facts: FilmFacts,
}

/// A credit's role, as the catalog's `film_people` roles name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CreditRole {
    Director,
    Writer,
    Actor,
    Composer,
    Cinematographer,
    Producer,
    Editor,
}

impl CreditRole {
    pub fn as_str(self) -> &'static str {
        self.catalog_role().as_str()
    }

    /// Every role, in the order a film's credits are listed.
    pub const ALL: [CreditRole; 7] = [
        CreditRole::Director,
        CreditRole::Writer,
        CreditRole::Actor,
        CreditRole::Composer,
        CreditRole::Cinematographer,
        CreditRole::Producer,
        CreditRole::Editor,
    ];

    pub fn parse(text: &str) -> Option<CreditRole> {
        CreditRole::ALL
            .into_iter()
            .find(|role| role.as_str() == text.trim().to_ascii_lowercase())
    }

    pub(crate) fn catalog_role(self) -> Role {
        match self {
            CreditRole::Director => Role::Director,
            CreditRole::Writer => Role::Writer,
            CreditRole::Actor => Role::Actor,
            CreditRole::Composer => Role::Composer,
            CreditRole::Cinematographer => Role::Cinematographer,
            CreditRole::Producer => Role::Producer,
            CreditRole::Editor => Role::Editor,
        }
    }
}

/// An identifier of the film elsewhere: `source` is `imdb`, `tmdb`, `wikidata` (or `letterboxd`
/// in the catalog), as the `external_ids` table names them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExternalId {
    pub source: String,
    pub value: String,
}

/// A note pinned to a moment of the film.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub film_id: i64,
    /// The moment as `H:MM:SS` (or `HH:MM:SS`), as shown.
    pub at: String,
    pub at_seconds: u32,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A timecoded note as typed: `at` is `HH:MM:SS`, `H:MM:SS` or `MM:SS`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct AnnotationInput {
    pub at: String,
    pub body: String,
}

/// What a person enters to add or edit a film. Validation and normalisation happen in the core.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct FilmInput {
    pub title: String,
    pub original_title: Option<String>,
    pub year: Option<i32>,
    pub directors: Vec<String>,
    pub themes: Vec<String>,
    /// The other credits, genres, countries, language, synopsis, runtime and ids: when absent
    /// (`null`), an edit keeps the film's as they are; when given, they replace them all.
    #[ts(optional)]
    pub facts: Option<FilmFacts>,
}

/// What a piece of writing about a film is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReviewKind {
    /// A personal note.
    Note,
    /// The person's own review.
    #[default]
    Review,
    /// An article or review by someone else, saved for reference.
    Article,
}

string_enum!(ReviewKind {
    Note => "note",
    Review => "review",
    Article => "article",
});

/// A review, note or article attached to a film.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub film_id: i64,
    pub kind: ReviewKind,
    pub title: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published_on: Option<NaiveDate>,
    /// 0.5 to 5, in halves.
    pub rating: Option<f64>,
    /// The text reveals the plot: the UI hides it until asked.
    pub spoiler: bool,
    /// The body as written, in Markdown.
    pub body: String,
    /// The body rendered to HTML and sanitized: safe to insert into the page as is.
    pub body_html: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a person enters to add or edit a review. Dates are `YYYY-MM-DD` text, checked by the core.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ReviewInput {
    pub kind: ReviewKind,
    pub title: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published_on: Option<String>,
    pub rating: Option<f64>,
    pub spoiler: bool,
    pub body: String,
}

/// One time a person watched a film. Every viewing is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Viewing {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub film_id: i64,
    pub watched_on: NaiveDate,
    pub rewatch: bool,
    pub rating: Option<f64>,
    /// Where or how: a cinema, a festival, "Blu-ray at home".
    pub place: Option<String>,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a person enters to log or edit a viewing; the date is `YYYY-MM-DD` text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ViewingInput {
    pub watched_on: String,
    pub rewatch: bool,
    pub rating: Option<f64>,
    pub place: Option<String>,
    pub note: Option<String>,
}

/// Facts about the open catalog, for the status bar and settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogInfo {
    pub path: String,
    #[ts(type = "number")]
    pub film_count: i64,
    #[ts(type = "number")]
    pub trash_count: i64,
    #[ts(type = "number")]
    pub schema_version: i64,
}
