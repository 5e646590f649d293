//! The Statistics view's command.

use cinedex_catalog::{Stats, StatsQuery};
use tauri::State;

use crate::{CatalogState, IpcError};

#[tauri::command]
pub async fn get_stats(
    state: State<'_, CatalogState>,
    query: StatsQuery,
) -> Result<Stats, IpcError> {
    state.run(move |c| c.stats(&query)).await
}
