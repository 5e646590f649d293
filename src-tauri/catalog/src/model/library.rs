//! What the library view asks and gets: its sortable columns, the query for a page of films,
//! the groups it can show and the page itself.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Film, WatchStatus};

/// The library's sortable columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FilmSort {
    #[default]
    Title,
    Year,
    Directors,
    Themes,
    ReviewCount,
    /// The film's rating, as [`Film::rating`].
    Rating,
    CreatedAt,
    UpdatedAt,
}

/// Which films the library shows and in what order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct FilmListQuery {
    /// Keeps films whose title or original title contains this text, ignoring case and accents.
    pub title_filter: Option<String>,
    /// Keeps only films with this watch status.
    pub watch_status: Option<WatchStatus>,
    pub sort: FilmSort,
    pub descending: bool,
    /// Keeps only the films of one group (as [`FilmGroup`] lists them).
    pub group: Option<GroupFilter>,
    /// How many films of the ordered list to skip: the library pages through large catalogs.
    pub offset: u32,
    /// How many films to return at most; all of them when absent.
    pub limit: Option<u32>,
}

/// What the library can group films by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum GroupBy {
    Director,
    Decade,
    Theme,
    Status,
}

/// One group of the library: `key` selects it in a [`GroupFilter`]; the empty key is the group
/// of films with no director, no year or no theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmGroup {
    pub key: String,
    pub label: String,
    #[ts(type = "number")]
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupFilter {
    pub by: GroupBy,
    pub key: String,
}

/// A window onto the ordered library: the films from `offset` on, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmPage {
    #[ts(type = "number")]
    pub total: i64,
    pub offset: u32,
    pub films: Vec<Film>,
}
