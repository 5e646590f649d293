//! Build script: Tauri's code generation, with the app's IPC command allowlist. A command missing
//! here cannot be called from the webview, whatever the front end tries.

const COMMANDS: &[&str] = &[
    "list_films",
    "get_film",
    "add_film",
    "update_film",
    "delete_film",
    "list_trash",
    "restore_film",
    "purge_film",
    "empty_trash",
    "add_review",
    "update_review",
    "delete_review",
    "add_viewing",
    "update_viewing",
    "delete_viewing",
    "set_watch_status",
    "add_annotation",
    "update_annotation",
    "delete_annotation",
    "add_highlight",
    "list_highlights",
    "list_film_highlights",
    "update_highlight",
    "delete_highlight",
    "propose_article",
    "read_article",
    "propose_article_from_url",
    "lookup_films",
    "lookup_candidate",
    "add_film_from_reference",
    "download_poster",
    "candidate_poster",
    "compare_with_reference",
    "take_from_reference",
    "reference_settings",
    "set_reference_settings",
    "import_article",
    "render_markdown",
    "catalog_info",
    "open_link",
    "create_backup",
    "list_catalog_backups",
    "restore_backup",
    "check_catalog",
    "report_ready",
    "recovery_status",
    "recover_from_backup",
    "get_stats",
    "list_film_page",
    "list_film_groups",
    "attach_poster",
    "remove_poster",
    "preview_import",
    "run_import",
    "cancel_import",
    "export_catalog",
    "search_films",
    "list_smart_lists",
    "add_smart_list",
    "update_smart_list",
    "delete_smart_list",
    "get_person",
    "get_person_filmography",
    "add_to_watchlist",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
