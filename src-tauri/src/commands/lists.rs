//! List commands for the Lists view: the lists with their progress, one list with its entries
//! and ghosts, creating, renaming, moving entries, notes, and following a canon (whose fetch runs
//! on the blocking pool, with the person's reference settings and cache) or a list file.

use std::path::PathBuf;

use cinedex_catalog::{FilmList, FilmListDetail, FollowedListFile};
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn list_lists(state: State<'_, CatalogState>) -> Result<Vec<FilmList>, IpcError> {
    state.run(|c| c.list_lists()).await
}

#[tauri::command]
pub async fn get_list(state: State<'_, CatalogState>, id: i64) -> Result<FilmListDetail, IpcError> {
    state.run(move |c| c.get_list(id)).await
}

#[tauri::command]
pub async fn create_list(
    state: State<'_, CatalogState>,
    name: String,
    description: Option<String>,
) -> Result<FilmList, IpcError> {
    state
        .run(move |c| c.create_list(&name, description.as_deref()))
        .await
}

#[tauri::command]
pub async fn rename_list(
    state: State<'_, CatalogState>,
    id: i64,
    name: String,
) -> Result<FilmList, IpcError> {
    state.run(move |c| c.rename_list(id, &name)).await
}

#[tauri::command]
pub async fn reorder_list_entry(
    state: State<'_, CatalogState>,
    id: i64,
    position: i64,
    to_position: i64,
) -> Result<FilmListDetail, IpcError> {
    state
        .run(move |c| c.reorder_list_entry(id, position, to_position))
        .await
}

#[tauri::command]
pub async fn set_list_entry_note(
    state: State<'_, CatalogState>,
    id: i64,
    position: i64,
    note: Option<String>,
) -> Result<FilmListDetail, IpcError> {
    state
        .run(move |c| c.set_list_entry_note(id, position, note.as_deref()))
        .await
}

/// Follows an award (a Q-id or a name) as a list named after it.
#[tauri::command]
pub async fn add_canon(
    state: State<'_, CatalogState>,
    award: String,
) -> Result<FilmListDetail, IpcError> {
    state
        .run_with_reference(move |c, reference| c.add_canon(reference, &award))
        .await
}

/// Adds the film a ghost of list `id` stands for; the ghost becomes its entry.
#[tauri::command]
pub async fn add_ghost_film(
    state: State<'_, CatalogState>,
    id: i64,
    reference_id: String,
) -> Result<FilmListDetail, IpcError> {
    state
        .run_with_reference(move |c, reference| c.add_ghost_film(reference, id, &reference_id))
        .await
}

/// Follows the list file at `path` (a Letterboxd list export or a CSV): films in the catalog
/// become its entries, the others ghosts. With `dry_run`, tells what it would do.
#[tauri::command]
pub async fn follow_list_file(
    state: State<'_, CatalogState>,
    path: String,
    name: Option<String>,
    dry_run: bool,
) -> Result<FollowedListFile, IpcError> {
    state
        .run(move |c| c.follow_list_file(&PathBuf::from(path), name.as_deref(), dry_run))
        .await
}
