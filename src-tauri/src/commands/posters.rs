//! Posters: attaching an image file to a film, removing it, and the `poster:` protocol that
//! serves thumbnails to the webview.

use std::path::PathBuf;

use cinedex_catalog::Film;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, State, UriSchemeContext, UriSchemeResponder};

use crate::{CatalogState, IpcError};

/// The URI scheme of poster thumbnails: `poster://localhost/<film id>`.
pub const SCHEME: &str = "poster";

#[tauri::command]
pub async fn attach_poster(
    state: State<'_, CatalogState>,
    film_id: i64,
    path: PathBuf,
) -> Result<Film, IpcError> {
    state.run(move |c| c.attach_poster(film_id, &path)).await
}

#[tauri::command]
pub async fn remove_poster(state: State<'_, CatalogState>, film_id: i64) -> Result<Film, IpcError> {
    state.run(move |c| c.remove_poster(film_id)).await
}

/// Serves the thumbnail of the film whose id is the whole path, and nothing else: no file
/// names, no directories, so the webview can reach no other file through it.
pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let id = request
        .uri()
        .path()
        .trim_start_matches('/')
        .parse::<i64>()
        .ok();
    let app = ctx.app_handle().clone();
    tauri::async_runtime::spawn_blocking(move || {
        let catalog = app.state::<CatalogState>().catalog();
        let thumbnail = id
            .zip(catalog)
            .and_then(|(id, catalog)| catalog.poster_thumbnail(id).ok().flatten());
        let response = match thumbnail.and_then(|path| std::fs::read(path).ok()) {
            Some(bytes) => Response::builder()
                .header(header::CONTENT_TYPE, "image/jpeg")
                .header(header::CACHE_CONTROL, "no-cache")
                .body(bytes),
            None => Response::builder()
                .status(StatusCode::NOT_FOUND)
                .body(Vec::new()),
        };
        match response {
            Ok(response) => responder.respond(response),
            Err(error) => eprintln!("warning: poster response failed: {error}"),
        }
    });
}
