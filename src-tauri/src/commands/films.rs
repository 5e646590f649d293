//! Film commands: the library, the film view, the film form and the trash.

use cinedex_catalog::{Film, FilmDetail, FilmGroup, FilmInput, FilmListQuery, FilmPage, GroupBy};
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn list_films(
    state: State<'_, CatalogState>,
    query: FilmListQuery,
) -> Result<Vec<Film>, IpcError> {
    state.run(move |c| c.list_films(&query)).await
}

#[tauri::command]
pub async fn get_film(state: State<'_, CatalogState>, id: i64) -> Result<FilmDetail, IpcError> {
    state.run(move |c| c.get_film(id)).await
}

#[tauri::command]
pub async fn add_film(state: State<'_, CatalogState>, input: FilmInput) -> Result<Film, IpcError> {
    state.run(move |c| c.add_film(&input)).await
}

#[tauri::command]
pub async fn update_film(
    state: State<'_, CatalogState>,
    id: i64,
    input: FilmInput,
) -> Result<Film, IpcError> {
    state.run(move |c| c.update_film(id, &input)).await
}

#[tauri::command]
pub async fn delete_film(state: State<'_, CatalogState>, id: i64) -> Result<(), IpcError> {
    state.run(move |c| c.delete_film(id)).await
}

#[tauri::command]
pub async fn list_trash(state: State<'_, CatalogState>) -> Result<Vec<Film>, IpcError> {
    state.run(|c| c.list_trash()).await
}

#[tauri::command]
pub async fn restore_film(state: State<'_, CatalogState>, id: i64) -> Result<Film, IpcError> {
    state.run(move |c| c.restore_film(id)).await
}

#[tauri::command]
pub async fn purge_film(state: State<'_, CatalogState>, id: i64) -> Result<(), IpcError> {
    state.run(move |c| c.purge_film(id)).await
}

#[tauri::command]
pub async fn empty_trash(state: State<'_, CatalogState>) -> Result<usize, IpcError> {
    state.run(|c| c.empty_trash()).await
}

/// One page of the library and the total: the view pages from here as it scrolls.
#[tauri::command]
pub async fn list_film_page(
    state: State<'_, CatalogState>,
    first_page: State<'_, crate::first_page::FirstPage>,
    query: FilmListQuery,
) -> Result<FilmPage, IpcError> {
    crate::startup::mark("list_film_page asked");
    if first_page.may_answer(&query) {
        let (read_ahead, wanted) = (first_page.inner().clone(), query.clone());
        // Waiting for the read under way blocks, so not on the async runtime's threads.
        let taken = tauri::async_runtime::spawn_blocking(move || read_ahead.take(&wanted)).await;
        if let Ok(Some(page)) = taken {
            crate::startup::mark("list_film_page answered from the page read ahead");
            return Ok(page);
        }
    }
    let page = state.run(move |c| c.list_film_page(&query)).await;
    crate::startup::mark("list_film_page answered");
    page
}

#[tauri::command]
pub async fn list_film_groups(
    state: State<'_, CatalogState>,
    by: GroupBy,
    query: FilmListQuery,
) -> Result<Vec<FilmGroup>, IpcError> {
    state.run(move |c| c.film_groups(by, &query)).await
}
