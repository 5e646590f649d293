//! Importing films and what is written about them from other programs' files (Letterboxd, IMDb,
//! a generic CSV, Tellico) and from Cinedex's own JSON export.
//!
//! Every source is read into the same [`record::Batch`]; [`plan`] then matches it against the
//! catalog without writing (the preview), and [`apply`] writes the plan in one transaction.

mod apply;
mod archive;
mod carried;
mod csv_generic;
mod existing;
mod imdb;
mod json;
mod json_lists;
mod letterboxd;
mod letterboxd_files;
pub(crate) mod list_file;
mod plan;
pub(crate) mod record;
mod review_html;
mod table;
mod tellico;
mod values;

use crate::string_enum::string_enum;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Catalog;
use crate::error::Result;

pub use csv_generic::CsvField;
pub use table::decode as decode_text;

/// Where an import comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ImportSource {
    /// A Letterboxd export ZIP (or one of its CSV files).
    Letterboxd,
    /// An IMDb ratings or watchlist CSV.
    Imdb,
    /// Any CSV with a header row; columns are mapped to fields.
    Csv,
    /// A Tellico `.tc` file (video collections).
    Tellico,
    /// Cinedex's own JSON export.
    Json,
}

string_enum!(ImportSource {
    Letterboxd => "letterboxd",
    Imdb => "imdb",
    Csv => "csv",
    Tellico => "tellico",
    Json => "json",
});

/// Choices a person makes about an import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ImportOptions {
    /// Generic CSV only: which field each column fills, overriding the guess from its header.
    pub columns: Vec<ColumnMapping>,
}

/// One column of a generic CSV and the catalog field it fills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    pub column: String,
    pub field: CsvField,
}

/// A row that was skipped or could not be read, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportIssue {
    /// The file (inside a ZIP: the member's name).
    pub file: String,
    #[ts(type = "number | null")]
    pub line: Option<u64>,
    /// The column's header, when one column is at fault.
    pub column: Option<String>,
    pub message: String,
}

impl ImportIssue {
    /// `file:line`, or the file alone, as every message about an import issue names its place.
    pub fn place(&self) -> String {
        crate::error::file_and_line(&self.file, self.line)
    }
}

/// What an import would write (a preview) or wrote (once committed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub source: Option<ImportSource>,
    /// False for a preview: nothing was written.
    pub committed: bool,
    /// Data rows (or entries) read.
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub new_films: u64,
    /// Films already in the catalog (by external id, or by title and year).
    #[ts(type = "number")]
    pub matched_films: u64,
    /// Matched films that gain something (a viewing, a review, a theme, a rating...).
    #[ts(type = "number")]
    pub updated_films: u64,
    #[ts(type = "number")]
    pub viewings: u64,
    #[ts(type = "number")]
    pub reviews: u64,
    /// Timecoded notes.
    #[ts(type = "number")]
    pub notes: u64,
    #[ts(type = "number")]
    pub lists: u64,
    #[ts(type = "number")]
    pub list_entries: u64,
    #[ts(type = "number")]
    pub skipped_count: u64,
    /// The first skipped rows, with why (all are counted in `skipped_count`).
    pub skipped: Vec<ImportIssue>,
    #[ts(type = "number")]
    pub error_count: u64,
    /// The first errors; an import with errors cannot be committed.
    pub errors: Vec<ImportIssue>,
    /// Generic CSV: the column mapping used (guessed, then as overridden).
    pub columns: Vec<ColumnMapping>,
    /// Set when the file was not UTF-8 and was decoded from this encoding.
    pub encoding: Option<String>,
}

/// What the progress callback returns: go on, or stop and write nothing.
pub type Progress<'a> = &'a (dyn Fn(u64, u64) -> bool + Sync);

impl Catalog {
    /// Reads `path` as `source` and tells what importing it would do. Writes nothing.
    pub fn preview_import(
        &self,
        source: ImportSource,
        path: &Path,
        options: &ImportOptions,
    ) -> Result<ImportSummary> {
        let batch = read(source, path, options)?;
        self.read(|tx| {
            let plan = plan::Plan::build(tx, batch)?;
            Ok(plan.summary(source, false))
        })
    }

    /// A backup of a catalog that has something to lose, before an import changes it.
    fn backup_before_import(&self) -> Result<()> {
        let info = self.info()?;
        if self.path().is_some() && info.film_count + info.trash_count > 0 {
            self.backup(crate::backup::BackupReason::Import)?;
        }
        Ok(())
    }

    /// Imports `path` as `source` in one transaction: all of it, or nothing when any row has an
    /// error or `progress` returns false. Re-importing the same file changes nothing.
    pub fn import(
        &self,
        source: ImportSource,
        path: &Path,
        options: &ImportOptions,
        progress: Progress,
    ) -> Result<ImportSummary> {
        let batch = read(source, path, options)?;
        if let Some(refusal) = batch.refusal("imported") {
            return Err(refusal);
        }
        self.backup_before_import()?;
        let summary = self.write_bulk(|tx| {
            let plan = plan::Plan::build(tx, batch)?;
            let summary = plan.summary(source, true);
            // Indexed once per film at the end rather than by a trigger per row written.
            crate::search::bulk::without_triggers(tx, |tx, touched| {
                apply::apply(tx, touched, plan, progress)
            })?;
            Ok(summary)
        })?;
        self.checkpoint_in_background();
        Ok(summary)
    }
}

fn read(source: ImportSource, path: &Path, options: &ImportOptions) -> Result<record::Batch> {
    match source {
        ImportSource::Letterboxd => letterboxd::read(path),
        ImportSource::Imdb => imdb::read(path),
        ImportSource::Csv => csv_generic::read(path, options),
        ImportSource::Tellico => tellico::read(path),
        ImportSource::Json => json::read(path),
    }
}
