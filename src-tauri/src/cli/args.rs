//! The command line's grammar, declared with clap.

use std::path::PathBuf;

use cinedex_catalog::{FilmSort, ReviewKind, WatchStatus};
use clap::{Args, Parser, Subcommand, ValueEnum};

use super::spelled::spelled;

#[derive(Debug, Parser)]
#[command(
    name = "cinedex",
    version,
    about = "Cinedex: your private film catalog. Run with no command to open the window."
)]
pub struct Cli {
    /// The catalog file [default: $XDG_DATA_HOME/org.cinedex.desktop/catalog.sqlite]
    #[arg(long, global = true, env = "CINEDEX_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print results as JSON (camelCase, the same shapes the app uses)
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a film
    Add(FilmFields),
    /// List the films in the catalog (not those in the trash)
    List(ListArgs),
    /// Show a film with its reviews
    Show { id: i64 },
    /// Change some fields of a film; the others stay as they are
    Edit(EditArgs),
    /// Move a film to the trash
    Delete { id: i64 },
    /// Bring a film back from the trash
    Undelete { id: i64 },
    /// List the films in the trash, or empty it
    Trash {
        /// Remove every film in the trash for good
        #[arg(long)]
        empty: bool,
    },
    /// Remove a film in the trash for good, with its reviews
    Purge { id: i64 },
    /// Reviews, notes and articles attached to films
    #[command(subcommand)]
    Review(ReviewCommand),
    /// Each time you watched a film
    #[command(subcommand)]
    Viewing(ViewingCommand),
    /// Timecoded notes on a film ("01:12:30 — the doll parade")
    #[command(subcommand)]
    Note(super::annotations::NoteCommand),
    /// Passages marked in a review or article, with margin notes
    #[command(subcommand)]
    Highlight(super::highlights::HighlightCommand),
    /// Bring films and writing in from files (preview, then commit)
    #[command(subcommand)]
    Import(super::import::ImportCommand),
    /// Export the catalog: json (everything, re-importable), csv, markdown (a folder), letterboxd (a folder)
    Export(super::export::ExportArgs),
    /// The lists of films (from Letterboxd, a Cinedex export or a canon), with how many are seen
    Lists,
    /// Show a list with its films in order, those not in the catalog marked, and how many are seen
    ListShow { id: i64 },
    /// Lists that follow a canon (an award's winners on Wikidata, or a list file)
    #[command(subcommand)]
    Canon(super::lists::CanonCommand),
    /// Where the catalog is and what it holds
    Info,
    /// Write a checked copy of the catalog (into the backups folder, or to OUT)
    Backup {
        /// A new file to write the backup to
        out: Option<PathBuf>,
    },
    /// List the backups in the backups folder, newest first
    Backups,
    /// Replace the catalog with a backup; the current catalog is backed up first
    Restore {
        /// A backup, or any Cinedex catalog file
        file: PathBuf,
    },
    /// Check the catalog file for damage (SQLite's integrity check and the search index)
    Check,
    /// Look a film up on Wikidata (default, no key) or TMDB (needs your API key)
    Lookup(super::lookup::LookupArgs),
    /// A film beside the reference, field by field; --fill fills blanks, --take FIELD… takes theirs
    Refresh(super::refresh::RefreshArgs),
    /// Fill the films missing directors, ids or posters from Wikidata or TMDB; doubtful matches
    /// wait in a review queue (--queue, --pick, --skip)
    Complete(super::complete::CompleteArgs),
    /// A person's films in the catalog by role, seen or not; --filmography adds the rest of
    /// their films from Wikidata or TMDB
    Person(super::person::PersonArgs),
    /// The lookup settings: tmdb-key, offline (kept in the config directory, mode 0600)
    #[command(subcommand)]
    Config(super::lookup::ConfigCommand),
    /// Numbers about the catalog: films by decade and year, viewings, top directors and themes,
    /// ratings, reviews written
    Stats {
        /// The calendar year of the day-by-day viewings [default: the last 365 days]
        #[arg(long)]
        year: Option<i32>,
    },
    /// One year in review: films seen, hours watched, first time and rewatches, the year's
    /// directors, genres and best rated, month by month; --markdown OUT writes it as a page
    Year(super::year::YearArgs),
    /// Attach a poster image (JPEG, PNG, WebP or GIF) to a film: it is copied into the posters
    /// folder beside the catalog and shown in the grid
    Poster {
        film_id: i64,
        /// The image file
        #[arg(required_unless_present = "remove")]
        file: Option<PathBuf>,
        /// Remove the film's poster instead
        #[arg(long, conflicts_with = "file")]
        remove: bool,
    },
    /// Search: words, "exact phrases", -excluded, director:, theme:, year:, rating:, has:, is:
    Search(super::search::SearchArgs),
    /// Saved searches (smart lists)
    #[command(subcommand)]
    Smart(super::search::SmartCommand),
}

#[derive(Debug, Args)]
pub struct FilmFields {
    #[arg(long, required_unless_present = "from")]
    pub title: Option<String>,
    /// Fill the film in from the reference: wikidata:Q…, tmdb:ID or imdb:tt…; the other flags
    /// given win over it
    #[arg(long, value_name = "SOURCE:ID")]
    pub from: Option<String>,
    #[arg(long, value_name = "TITLE")]
    pub original_title: Option<String>,
    #[arg(long, allow_negative_numbers = true)]
    pub year: Option<i32>,
    /// A director; repeat for several, in order
    #[arg(long = "director", value_name = "NAME")]
    pub directors: Vec<String>,
    /// A theme; repeat for several
    #[arg(long = "theme", value_name = "THEME")]
    pub themes: Vec<String>,
    #[command(flatten)]
    pub facts: super::facts::FactArgs,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub id: i64,
    #[arg(long)]
    pub title: Option<String>,
    /// The original title; an empty one removes it
    #[arg(long, value_name = "TITLE")]
    pub original_title: Option<String>,
    #[arg(long, allow_negative_numbers = true, conflicts_with = "no_year")]
    pub year: Option<i32>,
    /// Remove the year
    #[arg(long)]
    pub no_year: bool,
    /// Replaces all directors; repeat for several
    #[arg(
        long = "director",
        value_name = "NAME",
        conflicts_with = "no_directors"
    )]
    pub directors: Vec<String>,
    /// Remove all directors
    #[arg(long)]
    pub no_directors: bool,
    /// Replaces all themes; repeat for several
    #[arg(long = "theme", value_name = "THEME", conflicts_with = "no_themes")]
    pub themes: Vec<String>,
    /// Remove all themes
    #[arg(long)]
    pub no_themes: bool,
    #[command(flatten)]
    pub facts: super::facts::FactArgs,
    /// Put the film on the watchlist, mark it watched, or neither
    #[arg(long, value_parser = spelled::<WatchStatus>())]
    pub status: Option<WatchStatus>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only films whose title or original title contains this text (case and accents ignored)
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
    #[arg(long, value_enum, default_value_t = SortColumn::Title)]
    pub sort: SortColumn,
    /// Sort in descending order
    #[arg(long)]
    pub desc: bool,
    /// Only films with this watch status (`--status watchlist` lists the watchlist)
    #[arg(long, value_parser = spelled::<WatchStatus>())]
    pub status: Option<WatchStatus>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortColumn {
    Title,
    Year,
    Directors,
    Themes,
    Reviews,
    /// Your latest rating of each film
    Rating,
    Created,
    Updated,
}

impl From<SortColumn> for FilmSort {
    fn from(column: SortColumn) -> Self {
        match column {
            SortColumn::Title => FilmSort::Title,
            SortColumn::Year => FilmSort::Year,
            SortColumn::Directors => FilmSort::Directors,
            SortColumn::Themes => FilmSort::Themes,
            SortColumn::Reviews => FilmSort::ReviewCount,
            SortColumn::Rating => FilmSort::Rating,
            SortColumn::Created => FilmSort::CreatedAt,
            SortColumn::Updated => FilmSort::UpdatedAt,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Attach a review, note or article to a film
    Add {
        film_id: i64,
        #[command(flatten)]
        fields: ReviewFields,
    },
    /// List a film's reviews
    List { film_id: i64 },
    /// Show one review
    Show { id: i64 },
    /// Replace a review's text and fields
    Edit {
        id: i64,
        #[command(flatten)]
        fields: ReviewFields,
    },
    /// Delete a review
    Delete { id: i64 },
}

#[derive(Debug, Args)]
#[group(skip)]
pub struct ReviewFields {
    /// The text, in Markdown
    #[arg(long, required_unless_present = "file", conflicts_with = "file")]
    pub text: Option<String>,
    /// Read the text from a file (`-` for standard input)
    #[arg(long, value_name = "PATH", required_unless_present = "text")]
    pub file: Option<PathBuf>,
    #[arg(long, value_parser = spelled::<ReviewKind>(), default_value = "review")]
    pub kind: ReviewKind,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub author: Option<String>,
    /// Where it was published (a magazine, a site)
    #[arg(long)]
    pub source: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
    /// Publication date, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Your rating, 0.5 to 5 in halves
    #[arg(long)]
    pub rating: Option<f64>,
    /// The text gives the plot away
    #[arg(long)]
    pub spoiler: bool,
}

#[derive(Debug, Subcommand)]
pub enum ViewingCommand {
    /// Log a viewing of a film
    Add {
        film_id: i64,
        #[command(flatten)]
        fields: ViewingFields,
    },
    /// List a film's viewings, most recent first
    List { film_id: i64 },
    /// Replace a viewing's fields
    Edit {
        id: i64,
        #[command(flatten)]
        fields: ViewingFields,
    },
    /// Delete a viewing
    Delete { id: i64 },
}

#[derive(Debug, Args)]
pub struct ViewingFields {
    /// When you watched it, YYYY-MM-DD
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: String,
    /// You had seen it before
    #[arg(long)]
    pub rewatch: bool,
    /// 0.5 to 5 in halves
    #[arg(long)]
    pub rating: Option<f64>,
    /// Where or how: a cinema, a festival, "Blu-ray at home"
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
}
