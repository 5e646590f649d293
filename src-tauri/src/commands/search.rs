//! Search and smart-list commands for the Search view. Searches run on a worker thread, so typing
//! never blocks the window; the view discards answers to queries it has since replaced.

use cinedex_catalog::{SearchResults, SmartList, SmartListInput};
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn search_films(
    state: State<'_, CatalogState>,
    query: String,
    limit: Option<usize>,
    offset: Option<usize>,
) -> Result<SearchResults, IpcError> {
    state
        .run(move |c| c.search(&query, limit.unwrap_or(50), offset.unwrap_or(0)))
        .await
}

#[tauri::command]
pub async fn list_smart_lists(state: State<'_, CatalogState>) -> Result<Vec<SmartList>, IpcError> {
    state.run(|c| c.list_smart_lists()).await
}

#[tauri::command]
pub async fn add_smart_list(
    state: State<'_, CatalogState>,
    input: SmartListInput,
) -> Result<SmartList, IpcError> {
    state.run(move |c| c.add_smart_list(&input)).await
}

#[tauri::command]
pub async fn update_smart_list(
    state: State<'_, CatalogState>,
    id: i64,
    input: SmartListInput,
) -> Result<SmartList, IpcError> {
    state.run(move |c| c.update_smart_list(id, &input)).await
}

#[tauri::command]
pub async fn delete_smart_list(state: State<'_, CatalogState>, id: i64) -> Result<(), IpcError> {
    state.run(move |c| c.delete_smart_list(id)).await
}
