//! Exporting the catalog: Cinedex JSON (full fidelity, versioned), CSV, one Markdown file per
//! film, and CSV files Letterboxd's importer reads. Everything is written next to the target
//! first and renamed into place, so a failed export leaves nothing half-written.

mod csv_out;
pub mod document;
mod letterboxd;
mod markdown;
mod snapshot;

use crate::string_enum::string_enum;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Catalog;
use crate::error::{CatalogError, Result};

pub use document::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// One JSON file with everything (re-importable with no loss).
    Json,
    /// One CSV file, a row per film.
    Csv,
    /// A folder with a Markdown file per film (YAML front matter).
    Markdown,
    /// A folder of Letterboxd import CSVs of at most 1,000 rows each.
    Letterboxd,
}

string_enum!(ExportFormat {
    Json => "json",
    Csv => "csv",
    Markdown => "markdown",
    Letterboxd => "letterboxd",
});

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub format: ExportFormat,
    pub path: String,
    #[ts(type = "number")]
    pub films: u64,
    /// Files written (1 for JSON and CSV).
    #[ts(type = "number")]
    pub files: u64,
}

impl Catalog {
    /// Everything in the catalog as a Cinedex JSON document.
    pub fn export_document(&self) -> Result<Document> {
        self.read(snapshot::document)
    }

    /// Writes the Cinedex JSON export to `writer`.
    pub fn export_json(&self, writer: impl Write) -> Result<()> {
        let document = self.export_document()?;
        serde_json::to_writer_pretty(writer, &document)
            .map_err(|e| CatalogError::Conflict(format!("cannot write the export: {e}")))
    }

    /// Exports to `out`: a new file for JSON and CSV, a new (or empty) folder for Markdown and
    /// Letterboxd. Nothing that is already there is replaced.
    pub fn export(&self, format: ExportFormat, out: &Path) -> Result<ExportReport> {
        self.export_to(format, out, Existing::Refuse)
    }

    /// [`Catalog::export`], saying what to do with a file already at `out`: the window's save
    /// dialog has asked the person before it returns a path that exists, the command line asks
    /// for `--replace`. A replaced file keeps its permissions and is swapped in whole (rename), so
    /// a failed export leaves it as it was. Folders are never replaced.
    pub fn export_to(
        &self,
        format: ExportFormat,
        out: &Path,
        existing: Existing,
    ) -> Result<ExportReport> {
        let document = self.export_document()?;
        let films = document.films.len() as u64;
        let files = match format {
            ExportFormat::Json => write_file(out, existing, |w| {
                serde_json::to_writer_pretty(&mut *w, &document).map_err(std::io::Error::other)?;
                w.write_all(b"\n")
            })
            .map(|()| 1)?,
            ExportFormat::Csv => {
                write_file(out, existing, |w| csv_out::write(w, &document)).map(|()| 1)?
            }
            ExportFormat::Markdown => write_dir(out, |dir| markdown::write(dir, &document))?,
            ExportFormat::Letterboxd => write_dir(out, |dir| letterboxd::write(dir, &document))?,
        };
        Ok(ExportReport {
            format,
            path: out.display().to_string(),
            films,
            files,
        })
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> CatalogError + '_ {
    move |source| CatalogError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The refusal to write over a file that is there: an export never replaces what it did not
/// write (a folder target refuses a folder with files in it the same way).
fn already_there(out: &Path) -> CatalogError {
    CatalogError::Conflict(format!(
        "{} already exists; choose a new file name (or remove the file first)",
        out.display()
    ))
}

/// What an export does with a file already at its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse, naming the file (the default everywhere).
    Refuse,
    /// Replace it: the person confirmed (a save dialog's "Replace?", `--replace`).
    Replace,
}

impl Existing {
    /// `Replace` when the person confirmed replacing (`--replace`, or a save dialog that asked),
    /// else `Refuse`.
    pub fn replacing(confirmed: bool) -> Existing {
        if confirmed {
            Existing::Replace
        } else {
            Existing::Refuse
        }
    }
}

/// Writes a new file through a temporary sibling, moved to `out` once complete; unless told to
/// replace, refuses when `out` exists, even if it appears while the export runs.
pub(crate) fn write_file(
    out: &Path,
    existing: Existing,
    fill: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let replaced = match out.symlink_metadata() {
        Ok(meta) if existing == Existing::Replace && meta.is_file() => Some(meta.permissions()),
        Ok(_) => return Err(already_there(out)),
        Err(_) => None,
    };
    let dir = parent_folder(out)?;
    let temp = tempfile::NamedTempFile::new_in(&dir).map_err(io_error(&dir))?;
    {
        let mut writer = std::io::BufWriter::new(temp.as_file());
        fill(&mut writer).map_err(io_error(out))?;
        writer.flush().map_err(io_error(out))?;
    }
    temp.as_file().sync_all().map_err(io_error(out))?;
    if let Some(permissions) = replaced {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(io_error(out))?;
        temp.persist(out).map_err(|e| io_error(out)(e.error))?;
        return Ok(());
    }
    temp.persist_noclobber(out)
        .map_err(|e| match e.error.kind() {
            std::io::ErrorKind::AlreadyExists => already_there(out),
            _ => io_error(out)(e.error),
        })?;
    Ok(())
}

/// Fills a temporary sibling folder, then renames it to `out` (which must not exist, or be an
/// empty folder). Returns how many files were written.
fn write_dir(out: &Path, fill: impl FnOnce(&Path) -> std::io::Result<u64>) -> Result<u64> {
    if out.exists() {
        let empty = std::fs::read_dir(out)
            .map_err(io_error(out))?
            .next()
            .is_none();
        if !empty {
            return Err(CatalogError::Conflict(format!(
                "{} already exists and is not empty; choose a new folder",
                out.display()
            )));
        }
    }
    let dir = parent_folder(out)?;
    let temp = tempfile::Builder::new()
        .prefix(".cinedex-export-")
        .tempdir_in(&dir)
        .map_err(io_error(&dir))?;
    let files = fill(temp.path()).map_err(io_error(out))?;
    if out.exists() {
        std::fs::remove_dir(out).map_err(io_error(out))?;
    }
    let kept = temp.keep();
    std::fs::rename(&kept, out).map_err(io_error(out))?;
    Ok(files)
}

/// The folder `out` goes in, created if it is missing (as a backup to a chosen file does): a
/// person exporting to `~/exports/films.json` means that folder, whether or not it exists yet.
fn parent_folder(out: &Path) -> Result<PathBuf> {
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    Ok(dir)
}
