//! Article commands: propose a catalog entry from an article's text, then import it as confirmed.

use cinedex_catalog::FilmDetail;
use cinedex_catalog::{read_article_file, ArticleFile, ArticleProposal};
use tauri::State;

use crate::{CatalogState, IpcError};

/// The article file the person chose in the system's dialog, read as the command line reads one
/// (its encoding found, binary and oversized files refused), for the form to show and propose.
#[tauri::command]
pub async fn read_article(
    state: State<'_, CatalogState>,
    path: String,
) -> Result<ArticleFile, IpcError> {
    state
        .run(move |_| read_article_file(std::path::Path::new(&path)))
        .await
}

/// The article's text (pasted, or read by [`read_article`]) and its file's name; the year and
/// directors are checked against Wikidata unless the person is offline.
#[tauri::command]
pub async fn propose_article(
    state: State<'_, CatalogState>,
    text: String,
    file_name: Option<String>,
    film_id: Option<i64>,
) -> Result<ArticleProposal, IpcError> {
    state
        .run_with_reference(move |c, reference| {
            c.propose_article_checked(&text, file_name.as_deref(), film_id, Some(reference))
        })
        .await
}

/// Fetches the page at `url` through the core's HTTP client (the offline switch and every
/// limit apply) and reads it as an article; the webview itself never reaches the network.
#[tauri::command]
pub async fn propose_article_from_url(
    state: State<'_, CatalogState>,
    url: String,
    film_id: Option<i64>,
) -> Result<ArticleProposal, IpcError> {
    state
        .run_with_reference(move |c, reference| {
            let page = reference.fetch_page(&url)?;
            c.propose_article_from_page(&page, &url, film_id, Some(reference))
        })
        .await
}

#[tauri::command]
pub async fn import_article(
    state: State<'_, CatalogState>,
    proposal: ArticleProposal,
) -> Result<FilmDetail, IpcError> {
    state.run(move |c| c.import_article(&proposal)).await
}
