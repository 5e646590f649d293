//! The Year in review page's commands: the year's figures, and saving the page as a Markdown
//! file or as the PNG image the window rendered of it.

use std::path::PathBuf;

use cinedex_catalog::{ExportExisting, YearInReview};
use serde::Deserialize;
use tauri::State;

use crate::{CatalogState, IpcError};

/// What `export_year_in_review` writes.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum YearExportFormat {
    Markdown,
    Png,
}

#[tauri::command]
pub async fn get_year_in_review(
    state: State<'_, CatalogState>,
    year: i32,
) -> Result<YearInReview, IpcError> {
    state.run(move |c| c.year_in_review(year)).await
}

/// Writes the page of `year` to `path`. For a PNG, `png_base64` is the image the window
/// rendered (base64, a `data:` URL's prefix allowed); the core checks it is a PNG before
/// writing. `replace` is true only when the save dialog returned the path, having asked first.
#[tauri::command]
pub async fn export_year_in_review(
    state: State<'_, CatalogState>,
    year: i32,
    format: YearExportFormat,
    path: String,
    replace: Option<bool>,
    png_base64: Option<String>,
) -> Result<(), IpcError> {
    let existing = ExportExisting::replacing(replace == Some(true));
    let path = PathBuf::from(path);
    match format {
        YearExportFormat::Markdown => {
            state
                .run(move |c| c.export_year_in_review_markdown(year, &path, existing))
                .await
        }
        YearExportFormat::Png => {
            state
                .run(move |c| {
                    c.save_year_in_review_png_base64(png_base64.as_deref(), &path, existing)
                })
                .await
        }
    }
}
