//! Review commands: writing, editing and deleting reviews, notes and articles on a film.

use cinedex_catalog::{Review, ReviewInput};
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn add_review(
    state: State<'_, CatalogState>,
    film_id: i64,
    input: ReviewInput,
) -> Result<Review, IpcError> {
    state.run(move |c| c.add_review(film_id, &input)).await
}

#[tauri::command]
pub async fn update_review(
    state: State<'_, CatalogState>,
    id: i64,
    input: ReviewInput,
) -> Result<Review, IpcError> {
    state.run(move |c| c.update_review(id, &input)).await
}

#[tauri::command]
pub async fn delete_review(state: State<'_, CatalogState>, id: i64) -> Result<(), IpcError> {
    state.run(move |c| c.delete_review(id)).await
}
