//! The Year in review page's commands: the year's figures, and saving the page as a Markdown
//! file or as the PNG image the window rendered of it.

use std::path::PathBuf;

use base64::Engine;
use cinedex_catalog::{CatalogError, ExportExisting, YearInReview};
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
    let existing = if replace == Some(true) {
        ExportExisting::Replace
    } else {
        ExportExisting::Refuse
    };
    let path = PathBuf::from(path);
    match format {
        YearExportFormat::Markdown => {
            state
                .run(move |c| c.export_year_in_review_markdown(year, &path, existing))
                .await
        }
        YearExportFormat::Png => {
            let bytes = decode_png(png_base64.as_deref())?;
            state
                .run(move |c| c.save_year_in_review_png(&bytes, &path, existing))
                .await
        }
    }
}

fn decode_png(text: Option<&str>) -> Result<Vec<u8>, CatalogError> {
    let invalid = |message: &str| CatalogError::Invalid {
        field: "image",
        message: message.to_owned(),
    };
    let text = text.ok_or_else(|| invalid("No image was sent."))?;
    let text = text.strip_prefix("data:image/png;base64,").unwrap_or(text);
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|_| invalid("The image is not valid base64."))
}
