//! Annotation commands: timecoded notes on a film.

use cinedex_catalog::{Annotation, AnnotationInput};
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn add_annotation(
    state: State<'_, CatalogState>,
    film_id: i64,
    input: AnnotationInput,
) -> Result<Annotation, IpcError> {
    state.run(move |c| c.add_annotation(film_id, &input)).await
}

#[tauri::command]
pub async fn update_annotation(
    state: State<'_, CatalogState>,
    id: i64,
    input: AnnotationInput,
) -> Result<Annotation, IpcError> {
    state.run(move |c| c.update_annotation(id, &input)).await
}

#[tauri::command]
pub async fn delete_annotation(state: State<'_, CatalogState>, id: i64) -> Result<(), IpcError> {
    state.run(move |c| c.delete_annotation(id)).await
}
