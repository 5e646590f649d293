//! Commands about the catalog as a whole, and the Markdown preview of the review form.

use cinedex_catalog::CatalogInfo;
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn catalog_info(state: State<'_, CatalogState>) -> Result<CatalogInfo, IpcError> {
    crate::startup::mark("first catalog_info");
    state.run(|c| c.info()).await
}

/// Renders Markdown exactly as a saved review would be, for the live preview while writing.
#[tauri::command]
pub async fn render_markdown(text: String) -> Result<String, IpcError> {
    tauri::async_runtime::spawn_blocking(move || cinedex_catalog::render_markdown(&text))
        .await
        .map_err(IpcError::internal)
}

/// Opens a link from a review in the system browser, after the person clicked it; the app's own
/// window never navigates away.
#[tauri::command]
pub async fn open_link(url: String) -> Result<(), IpcError> {
    let url = cinedex_catalog::link_to_open(&url)?;
    open::that_detached(&url).map_err(|error| {
        IpcError::from(cinedex_catalog::ErrorPayload {
            kind: cinedex_catalog::ErrorKind::Io,
            message: format!("cannot open {url} in the browser: {error}"),
            field: None,
        })
    })
}

/// The window's first interactive frame is painted: background work may start. Logged only when
/// the start-up benchmark asks.
/// `marks` are the page's own steps (name, milliseconds since its navigation started, and `now`,
/// the page's clock when it called), for reading where the time goes.
#[tauri::command]
pub async fn report_ready(marks: Option<Vec<(String, f64)>>, now: Option<f64>) {
    crate::startup::first_frame_painted();
    crate::startup::report_ready(&marks.unwrap_or_default(), now);
}
