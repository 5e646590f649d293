//! Person pages: a person's catalog films by role, their filmography from the reference (asked
//! on the blocking pool, with the person's settings and the cache), and a film of it put on the
//! watchlist in one step.

use cinedex_catalog::{Film, PersonPage};
use tauri::State;

use crate::{CatalogState, IpcError};

/// The page of the person `query` names: their catalog id, a reference id, or a name.
#[tauri::command]
pub async fn get_person(
    state: State<'_, CatalogState>,
    query: String,
) -> Result<PersonPage, IpcError> {
    state.run(move |c| c.person(&query)).await
}

/// The pages of everyone credited under `name`: the people to choose from when two share it.
#[tauri::command]
pub async fn people_named(
    state: State<'_, CatalogState>,
    name: String,
) -> Result<Vec<PersonPage>, IpcError> {
    state.run(move |c| c.people_named(&name)).await
}

/// The page of person `id` with the rest of their filmography from the reference.
#[tauri::command]
pub async fn get_person_filmography(
    state: State<'_, CatalogState>,
    id: i64,
) -> Result<PersonPage, IpcError> {
    state
        .run_with_reference(move |c, reference| {
            let page = c.person_by_id(id)?;
            c.person_filmography(reference, page)
        })
        .await
}

/// Puts the reference film `from` (`wikidata:Q…`, `tmdb:ID`) on the watchlist, adding it first
/// when the catalog does not have it.
#[tauri::command]
pub async fn add_to_watchlist(
    state: State<'_, CatalogState>,
    from: String,
) -> Result<Film, IpcError> {
    state
        .run_with_reference(move |c, reference| c.add_to_watchlist(reference, &from))
        .await
}
