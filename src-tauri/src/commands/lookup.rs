//! Lookup commands: candidates from the reference for a title being typed, and adding the film a
//! person picked. The network is asked on the blocking pool (`CatalogState::run`), never on the
//! IPC thread, with the person's settings (their TMDB key, their offline switch) and the cache
//! beside the catalog; the key itself never reaches the webview.

use cinedex_catalog::reference::{
    LookupResult, Reference, ReferenceFilm, ReferenceOptions, ReferenceSource,
};
use cinedex_catalog::{Catalog, Film, FilmInput};
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
        .run(move |c| {
            let source = source.unwrap_or(ReferenceSource::Wikidata);
            reference_for(c)?.lookup(Some(c), &query, year, source, DIALOG_LIMIT)
        })
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

fn reference_for(catalog: &Catalog) -> cinedex_catalog::Result<Reference> {
    let options = ReferenceOptions::for_person(crate::default_config_dir())?
        .with_cache_beside(catalog.location());
    Reference::new(options)
}
