//! The Cinedex desktop app: a thin Tauri shell and a thin command line over the catalog core.

pub mod cli;
mod commands;
mod error;
mod first_page;
mod navigation;
mod rendering;
pub mod startup;
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

/// Where the person's settings (the TMDB key, the offline switch) live, apart from the catalog
/// so that no export or backup carries them: `$XDG_CONFIG_HOME/org.cinedex.desktop`.
pub fn default_config_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join(APP_IDENTIFIER))
}

/// Wikidata and TMDB as the person set them up (their key, their offline switch) with the cache
/// beside `catalog`: what the window and the command line both ask.
pub fn reference_for(
    catalog: &cinedex_catalog::Catalog,
) -> cinedex_catalog::Result<cinedex_catalog::Reference> {
    cinedex_catalog::Reference::for_person(default_config_dir(), catalog)
}

/// Registers the state and the IPC commands on `builder`; tests pass a mock builder.
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>, db: Option<PathBuf>) -> tauri::Builder<R> {
    builder
        .register_asynchronous_uri_scheme_protocol(
            commands::posters::SCHEME,
            commands::posters::serve,
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(navigation::guard())
        .manage(commands::imports::ImportControl::default())
        .manage(commands::completion::CompletionControl::default())
        .manage(first_page::FirstPage::default())
        .setup(move |app| {
            if startup::bare_window_requested() {
                // The benchmark's baseline is a bare window: no catalog is opened behind it.
                open_main_window(app)?;
                return Ok(());
            }
            let path = match db {
                Some(path) => path,
                None => app.path().app_data_dir()?.join(CATALOG_FILE),
            };
            startup::mark("setup");
            let state = CatalogState::open(&path);
            startup::mark("catalog open");
            if let Some(catalog) = state.catalog() {
                app.state::<first_page::FirstPage>().start_reading(catalog);
            }
            state.start_housekeeping(app.handle().clone());
            app.manage(state);
            open_main_window(app)?;
            startup::mark("window created");
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
            commands::highlights::add_highlight,
            commands::highlights::list_highlights,
            commands::highlights::list_film_highlights,
            commands::highlights::update_highlight,
            commands::highlights::delete_highlight,
            commands::articles::propose_article,
            commands::articles::read_article,
            commands::articles::propose_article_from_url,
            commands::lookup::lookup_films,
            commands::lookup::lookup_candidate,
            commands::lookup::quick_lookup_films,
            commands::completion::complete_films,
            commands::completion::cancel_completion,
            commands::completion::count_incomplete_films,
            commands::completion::completion_queue,
            commands::completion::pick_completion,
            commands::completion::skip_completion,
            commands::lookup::add_film_from_reference,
            commands::lookup::download_poster,
            commands::lookup::candidate_poster,
            commands::lookup::compare_with_reference,
            commands::lookup::take_from_reference,
            commands::lookup::reference_settings,
            commands::lookup::set_reference_settings,
            commands::articles::import_article,
            commands::catalog::render_markdown,
            commands::catalog::catalog_info,
            commands::catalog::open_link,
            commands::safety::create_backup,
            commands::safety::list_catalog_backups,
            commands::safety::restore_backup,
            commands::safety::check_catalog,
            commands::catalog::report_ready,
            commands::safety::recovery_status,
            commands::safety::recover_from_backup,
            commands::stats::get_stats,
            commands::year::get_year_in_review,
            commands::year::export_year_in_review,
            commands::films::list_film_page,
            commands::films::list_film_groups,
            commands::posters::attach_poster,
            commands::posters::remove_poster,
            commands::imports::preview_import,
            commands::imports::run_import,
            commands::imports::cancel_import,
            commands::imports::export_catalog,
            commands::search::search_films,
            commands::search::list_smart_lists,
            commands::search::add_smart_list,
            commands::search::update_smart_list,
            commands::search::delete_smart_list,
            commands::lists::list_lists,
            commands::lists::get_list,
            commands::lists::create_list,
            commands::lists::rename_list,
            commands::lists::reorder_list_entry,
            commands::lists::set_list_entry_note,
            commands::lists::add_canon,
            commands::lists::add_ghost_film,
            commands::lists::follow_list_file,
            commands::people::get_person,
            commands::people::get_person_filmography,
            commands::people::people_named,
            commands::people::add_to_watchlist,
        ])
}

/// The window described in tauri.conf.json (created here, not by Tauri, so the start-up benchmark
/// can open the same window on its static baseline page instead of the app).
fn open_main_window<R: Runtime>(app: &tauri::App<R>) -> tauri::Result<()> {
    let Some(mut config) = app.config().app.windows.first().cloned() else {
        return Ok(());
    };
    config.create = true;
    if startup::bare_window_requested() {
        config.url = tauri::WebviewUrl::App("bare.html".into());
    }
    tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?
        // A link asking for a new window (target=_blank, a middle click) opens none: the UI hands
        // clicked links to the system browser, and some webviews would open the page in-app.
        .on_new_window(|_, _| tauri::webview::NewWindowResponse::Deny)
        .build()?;
    Ok(())
}

/// Opens the window on the catalog at `db` (or the default one) and runs until it is closed.
pub fn run_window(db: Option<PathBuf>) -> anyhow::Result<()> {
    rendering::prefer_cpu_painting_without_gpu();
    // Desktop-only plugins live here, not in `build_app`, so mock-runtime tests stay windowless.
    let mut builder = tauri::Builder::default();
    if db.is_none() {
        // One window on the default catalog: starting `cinedex` again brings that window to the
        // front instead of opening a second one on the same file. A window on another catalog
        // (`--db`, CINEDEX_DB) is a deliberate choice and opens on its own.
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }));
    }
    let builder = builder.plugin(tauri_plugin_window_state::Builder::default().build());
    build_app(builder, db).run(tauri::generate_context!())?;
    Ok(())
}
