//! Import and export commands. The webview picks a file through the dialog plugin (or a typed
//! path) and passes the path here; all reading and writing happens in the core. A running
//! import reports `import-progress` events and stops when `cancel_import` is called.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use cinedex_catalog::{
    ExportExisting, ExportFormat, ExportReport, ImportOptions, ImportSource, ImportSummary,
};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::{CatalogState, IpcError};

/// Shared between `run_import` and `cancel_import`: set to stop the running import.
#[derive(Default)]
pub struct ImportControl {
    cancel: Arc<AtomicBool>,
}

#[derive(Clone, Serialize)]
struct ImportProgress {
    done: u64,
    total: u64,
}

#[tauri::command]
pub async fn preview_import(
    state: State<'_, CatalogState>,
    source: ImportSource,
    path: String,
    options: ImportOptions,
) -> Result<ImportSummary, IpcError> {
    state
        .run(move |c| c.preview_import(source, &PathBuf::from(path), &options))
        .await
}

#[tauri::command]
pub async fn run_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, CatalogState>,
    control: State<'_, ImportControl>,
    source: ImportSource,
    path: String,
    options: ImportOptions,
) -> Result<ImportSummary, IpcError> {
    control.cancel.store(false, Ordering::SeqCst);
    let cancel = control.cancel.clone();
    state
        .run(move |c| {
            let progress = |done: u64, total: u64| {
                let _ = app.emit("import-progress", ImportProgress { done, total });
                !cancel.load(Ordering::SeqCst)
            };
            c.import(source, &PathBuf::from(path), &options, &progress)
        })
        .await
}

#[tauri::command]
pub fn cancel_import(control: State<'_, ImportControl>) {
    control.cancel.store(true, Ordering::SeqCst);
}

#[tauri::command]
pub async fn export_catalog(
    state: State<'_, CatalogState>,
    format: ExportFormat,
    path: String,
    replace: Option<bool>,
) -> Result<ExportReport, IpcError> {
    // `replace` is true only when the system's save dialog returned the path: it has asked
    // "Replace?" itself before returning a file that exists.
    let existing = ExportExisting::replacing(replace == Some(true));
    state
        .run(move |c| c.export_to(format, &PathBuf::from(path), existing))
        .await
}
