//! Completion commands: the films missing something filled from the reference in the background,
//! with `completion-progress` events after each film and `cancel_completion` to stop between
//! films; the review queue and the person's answers to it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use cinedex_catalog::{
    CompletionOptions, CompletionQueue, CompletionReport, CompletionTargets, FilmCompletion,
};
use cinedex_catalog::{ExternalId, ReferenceSource};
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::{CatalogState, IpcError};

/// The event a running completion sends after each film, with a `CompletionProgress`.
pub const PROGRESS_EVENT: &str = "completion-progress";

/// Shared between `complete_films` and `cancel_completion`: set to stop the running completion.
#[derive(Default)]
pub struct CompletionControl {
    cancel: Arc<AtomicBool>,
}

#[tauri::command]
pub async fn complete_films<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, CatalogState>,
    control: State<'_, CompletionControl>,
    targets: CompletionTargets,
    source: Option<ReferenceSource>,
    dry_run: Option<bool>,
) -> Result<CompletionReport, IpcError> {
    control.cancel.store(false, Ordering::SeqCst);
    let cancel = control.cancel.clone();
    state
        .run_with_reference(move |c, reference| {
            let options = CompletionOptions {
                source,
                dry_run: dry_run.unwrap_or(false),
                ..CompletionOptions::default()
            };
            let progress = |state: &_, _: &FilmCompletion| {
                let _ = app.emit(PROGRESS_EVENT, state);
                !cancel.load(Ordering::SeqCst)
            };
            c.complete(reference, &targets, &options, &progress)
        })
        .await
}

#[tauri::command]
pub fn cancel_completion(control: State<'_, CompletionControl>) {
    control.cancel.store(true, Ordering::SeqCst);
}

/// How many films a run over "what is missing" would take now.
#[tauri::command]
pub async fn count_incomplete_films(
    state: State<'_, CatalogState>,
    source: Option<ReferenceSource>,
) -> Result<usize, IpcError> {
    state
        .run_with_reference(move |c, reference| {
            Ok(
                c.films_to_complete(reference, &CompletionTargets::Missing, source)?
                    .len(),
            )
        })
        .await
}

#[tauri::command]
pub async fn completion_queue(state: State<'_, CatalogState>) -> Result<CompletionQueue, IpcError> {
    state.run(|c| c.completion_queue()).await
}

#[tauri::command]
pub async fn pick_completion(
    state: State<'_, CatalogState>,
    film_id: i64,
    source: ReferenceSource,
    id: String,
) -> Result<FilmCompletion, IpcError> {
    state
        .run_with_reference(move |c, reference| {
            c.pick_completion(reference, film_id, &ExternalId::new(source.as_str(), id))
        })
        .await
}

#[tauri::command]
pub async fn skip_completion(state: State<'_, CatalogState>, film_id: i64) -> Result<(), IpcError> {
    state.run(move |c| c.skip_completion(film_id)).await
}
