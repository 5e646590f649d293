//! Viewing commands: logging, editing and deleting viewings, and the watchlist.

use cinedex_catalog::{Film, Viewing, ViewingInput, WatchStatus};
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn add_viewing(
    state: State<'_, CatalogState>,
    film_id: i64,
    input: ViewingInput,
) -> Result<Viewing, IpcError> {
    state.run(move |c| c.add_viewing(film_id, &input)).await
}

#[tauri::command]
pub async fn update_viewing(
    state: State<'_, CatalogState>,
    id: i64,
    input: ViewingInput,
) -> Result<Viewing, IpcError> {
    state.run(move |c| c.update_viewing(id, &input)).await
}

#[tauri::command]
pub async fn delete_viewing(state: State<'_, CatalogState>, id: i64) -> Result<(), IpcError> {
    state.run(move |c| c.delete_viewing(id)).await
}

#[tauri::command]
pub async fn set_watch_status(
    state: State<'_, CatalogState>,
    id: i64,
    status: WatchStatus,
) -> Result<Film, IpcError> {
    state.run(move |c| c.set_watch_status(id, status)).await
}
