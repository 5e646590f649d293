//! Article commands: propose a catalog entry from an article's text, then import it as confirmed.

use cinedex_catalog::article::ArticleProposal;
use cinedex_catalog::FilmDetail;
use tauri::State;

use crate::{CatalogState, IpcError};

/// The UI reads a chosen file itself (an `<input type=file>`) and passes its text and name here.
#[tauri::command]
pub async fn propose_article(
    state: State<'_, CatalogState>,
    text: String,
    file_name: Option<String>,
    film_id: Option<i64>,
) -> Result<ArticleProposal, IpcError> {
    state
        .run(move |c| c.propose_article(&text, file_name.as_deref(), film_id))
        .await
}

#[tauri::command]
pub async fn import_article(
    state: State<'_, CatalogState>,
    proposal: ArticleProposal,
) -> Result<FilmDetail, IpcError> {
    state.run(move |c| c.import_article(&proposal)).await
}
