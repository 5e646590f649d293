//! The error a Tauri command returns: it reaches the webview as `{kind, message, field}`.

use cinedex_catalog::{CatalogError, ErrorKind, ErrorPayload};
use serde::Serialize;

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct IpcError(ErrorPayload);

impl IpcError {
    /// A failure of the app itself (a worker thread that panicked), not of the catalog.
    pub fn internal(error: impl std::fmt::Display) -> IpcError {
        IpcError(ErrorPayload {
            kind: ErrorKind::Internal,
            message: format!("internal error: {error}"),
            field: None,
        })
    }
}

impl From<CatalogError> for IpcError {
    fn from(error: CatalogError) -> Self {
        IpcError(error.to_payload())
    }
}

impl From<ErrorPayload> for IpcError {
    fn from(payload: ErrorPayload) -> Self {
        IpcError(payload)
    }
}
