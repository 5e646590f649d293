//! The Cinedex desktop app: a thin Tauri shell and a thin command line over the catalog core.

pub mod cli;
mod commands;
mod error;
mod state;

use std::path::PathBuf;

use tauri::{Manager, Runtime};

pub use error::IpcError;
pub use state::CatalogState;

/// The app's identifier: it names the data directory (`$XDG_DATA_HOME/org.cinedex.desktop`).
pub const APP_IDENTIFIER: &str = "org.cinedex.desktop";
pub const CATALOG_FILE: &str = "catalog.sqlite";

/// Where the catalog lives when neither `--db` nor `CINEDEX_DB` says otherwise; the same
/// directory Tauri's `app_data_dir` gives the window.
pub fn default_catalog_path() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER).join(CATALOG_FILE))
}

/// Registers the state and the IPC commands on `builder`; tests pass a mock builder.
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>, db: Option<PathBuf>) -> tauri::Builder<R> {
    builder
        .setup(move |app| {
            let path = match db {
                Some(path) => path,
                None => app.path().app_data_dir()?.join(CATALOG_FILE),
            };
            let state = CatalogState::open(&path);
            state.start_housekeeping(app.handle().clone());
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::films::list_films,
            commands::films::get_film,
            commands::films::add_film,
            commands::films::update_film,
            commands::films::delete_film,
            commands::films::list_trash,
            commands::films::restore_film,
            commands::films::purge_film,
            commands::films::empty_trash,
            commands::reviews::add_review,
            commands::reviews::update_review,
            commands::reviews::delete_review,
            commands::viewings::add_viewing,
            commands::viewings::update_viewing,
            commands::viewings::delete_viewing,
            commands::viewings::set_watch_status,
            commands::annotations::add_annotation,
            commands::annotations::update_annotation,
            commands::annotations::delete_annotation,
            commands::articles::propose_article,
            commands::articles::import_article,
            commands::catalog::render_markdown,
            commands::catalog::catalog_info,
            commands::catalog::open_link,
            commands::safety::create_backup,
            commands::safety::list_catalog_backups,
            commands::safety::restore_backup,
            commands::safety::check_catalog,
            commands::safety::recovery_status,
            commands::safety::recover_from_backup,
            commands::search::search_films,
            commands::search::list_smart_lists,
            commands::search::add_smart_list,
            commands::search::update_smart_list,
            commands::search::delete_smart_list,
        ])
}

/// Opens the window on the catalog at `db` (or the default one) and runs until it is closed.
pub fn run_window(db: Option<PathBuf>) -> anyhow::Result<()> {
    build_app(tauri::Builder::default(), db).run(tauri::generate_context!())?;
    Ok(())
}
