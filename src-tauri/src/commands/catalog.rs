//! Commands about the catalog as a whole, and the Markdown preview of the review form.

use cinedex_catalog::{markdown, CatalogInfo};
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn catalog_info(state: State<'_, CatalogState>) -> Result<CatalogInfo, IpcError> {
    state.run(|c| c.info()).await
}

/// Renders Markdown exactly as a saved review would be, for the live preview while writing.
#[tauri::command]
pub async fn render_markdown(text: String) -> Result<String, IpcError> {
    tauri::async_runtime::spawn_blocking(move || markdown::render(&text))
        .await
        .map_err(IpcError::internal)
}
