//! Highlight commands: passages marked in a review or article, with margin notes.

use cinedex_catalog::{Highlight, HighlightInput};
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn add_highlight(
    state: State<'_, CatalogState>,
    review_id: i64,
    input: HighlightInput,
) -> Result<Highlight, IpcError> {
    state.run(move |c| c.add_highlight(review_id, &input)).await
}

#[tauri::command]
pub async fn list_highlights(
    state: State<'_, CatalogState>,
    review_id: i64,
) -> Result<Vec<Highlight>, IpcError> {
    state.run(move |c| c.list_highlights(review_id)).await
}

#[tauri::command]
pub async fn list_film_highlights(
    state: State<'_, CatalogState>,
    film_id: i64,
) -> Result<Vec<Highlight>, IpcError> {
    state.run(move |c| c.list_film_highlights(film_id)).await
}

/// Writes, replaces or (with `null` or blank text) removes the note.
#[tauri::command]
pub async fn update_highlight(
    state: State<'_, CatalogState>,
    id: i64,
    note: Option<String>,
) -> Result<Highlight, IpcError> {
    state
        .run(move |c| c.update_highlight_note(id, note.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_highlight(state: State<'_, CatalogState>, id: i64) -> Result<(), IpcError> {
    state.run(move |c| c.delete_highlight(id)).await
}
