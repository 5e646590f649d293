//! Lookup commands: candidates from the reference for a title being typed, and adding the film a
//! person picked. The network is asked on the blocking pool (`CatalogState::run`), never on the
//! IPC thread, with the person's settings (their TMDB key, their offline switch) and the cache
//! beside the catalog; the key itself never reaches the webview.

use cinedex_catalog::{change_settings, SettingsChange, SettingsView};
use cinedex_catalog::{
    config_dir, Candidate, LookupResult, ReferenceFilm, ReferenceSource, Refresh, Settings, Take,
};
use cinedex_catalog::{Film, FilmInput};
use tauri::State;

use crate::{CatalogState, IpcError};

/// Candidates the Add film dialog shows under the catalog's own matches.
const DIALOG_LIMIT: usize = 8;

#[tauri::command]
pub async fn lookup_films(
    state: State<'_, CatalogState>,
    query: String,
    year: Option<i32>,
    source: Option<ReferenceSource>,
) -> Result<LookupResult, IpcError> {
    state
        .run_with_reference(move |c, reference| {
            let source = source.unwrap_or(reference.preferred_source());
            reference.lookup(Some(c), &query, year, source, DIALOG_LIMIT)
        })
        .await
}

/// The first candidates for a title being typed: one request, summaries without credits,
/// shown until `lookup_films` answers.
#[tauri::command]
pub async fn quick_lookup_films(
    state: State<'_, CatalogState>,
    query: String,
    source: Option<ReferenceSource>,
) -> Result<LookupResult, IpcError> {
    state
        .run_with_reference(move |c, reference| {
            let source = source.unwrap_or(reference.preferred_source());
            reference.quick_lookup(Some(c), &query, source, DIALOG_LIMIT)
        })
        .await
}

/// A picked candidate in full, when the search gave only a summary (`film.complete` is false).
#[tauri::command]
pub async fn lookup_candidate(
    state: State<'_, CatalogState>,
    source: ReferenceSource,
    id: String,
) -> Result<Option<Candidate>, IpcError> {
    state
        .run_with_reference(move |c, reference| reference.candidate(Some(c), source, &id))
        .await
}

/// Adds `film` as the reference gave it, with what the person typed in the form over it.
#[tauri::command]
pub async fn add_film_from_reference(
    state: State<'_, CatalogState>,
    film: ReferenceFilm,
    input: FilmInput,
) -> Result<Film, IpcError> {
    state
        .run(move |c| c.add_film_from_reference(&film, &input))
        .await
}

/// Fetches TMDB's poster for film `id` (the one at `url`, else the one its ids lead to), after
/// the film is saved: adding a film never waits on the network.
#[tauri::command]
pub async fn download_poster(
    state: State<'_, CatalogState>,
    id: i64,
    url: Option<String>,
) -> Result<Film, IpcError> {
    state
        .run_with_reference(move |c, reference| c.download_poster(reference, id, url.as_deref()))
        .await
}

/// A candidate's poster as a small `data:` URL (the webview loads no remote image).
#[tauri::command]
pub async fn candidate_poster(
    state: State<'_, CatalogState>,
    url: String,
) -> Result<String, IpcError> {
    state
        .run_with_reference(move |_, reference| reference.candidate_poster(&url))
        .await
}

/// Film `id` beside the reference, field by field; writes nothing.
#[tauri::command]
pub async fn compare_with_reference(
    state: State<'_, CatalogState>,
    id: i64,
    source: Option<ReferenceSource>,
) -> Result<Refresh, IpcError> {
    refresh(state, id, source, Take::Nothing).await
}

/// Takes the reference's value of `fields` (all blanks when `fill`), in one edit.
#[tauri::command]
pub async fn take_from_reference(
    state: State<'_, CatalogState>,
    id: i64,
    source: Option<ReferenceSource>,
    fields: Vec<String>,
    fill: bool,
) -> Result<Refresh, IpcError> {
    let take = if fill {
        Take::Blanks
    } else {
        Take::Fields(fields)
    };
    refresh(state, id, source, take).await
}

async fn refresh(
    state: State<'_, CatalogState>,
    id: i64,
    source: Option<ReferenceSource>,
    take: Take,
) -> Result<Refresh, IpcError> {
    state
        .run_with_reference(move |c, reference| c.refresh_film(reference, id, source, &take))
        .await
}

/// The lookup settings as Settings shows them: the switch and whether a key is saved, never it.
#[tauri::command]
pub async fn reference_settings() -> Result<SettingsView, IpcError> {
    let dir = settings_dir()?;
    tauri::async_runtime::spawn_blocking(move || Ok::<_, IpcError>(Settings::load(&dir)?.view()))
        .await
        .map_err(|_| IpcError::internal("the settings could not be read"))?
}

#[tauri::command]
pub async fn set_reference_settings(change: SettingsChange) -> Result<SettingsView, IpcError> {
    let dir = settings_dir()?;
    tauri::async_runtime::spawn_blocking(move || Ok::<_, IpcError>(change_settings(&dir, &change)?))
        .await
        .map_err(|_| IpcError::internal("the settings could not be saved"))?
}

fn settings_dir() -> Result<std::path::PathBuf, IpcError> {
    config_dir(crate::default_config_dir())
        .ok_or_else(|| IpcError::internal("this system has no config directory for the settings"))
}
