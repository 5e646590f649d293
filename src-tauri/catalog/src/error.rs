//! The catalog's one error type, and the `{kind, message, field}` shape it takes across IPC and `--json`.

use crate::field::Field;
use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

/// Everything that can go wrong in the catalog, each variant saying what a person needs to fix it.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: i64 },

    /// Nothing of that name (or id elsewhere) is in the catalog.
    #[error("no {entity} {name:?} in the catalog")]
    NoneNamed { entity: &'static str, name: String },

    /// A value a person typed breaks a rule; `field` is the camelCase name of the input field.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    #[error("{0}")]
    Conflict(String),

    #[error(
        "{path}: this catalog has schema version {found}, written by a newer Cinedex \
         (this one knows up to version {supported}); update Cinedex to open it"
    )]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },

    #[error("{path}: not a Cinedex catalog ({reason})")]
    NotACatalog { path: String, reason: String },

    /// An import file that cannot be read as what it claims to be; nothing was written.
    #[error("{}", import_message(file, line, column, message))]
    Import {
        file: String,
        line: Option<u64>,
        column: Option<String>,
        message: String,
    },

    /// Long work stopped by the person before it wrote anything.
    #[error("cancelled; nothing was written")]
    Cancelled,

    #[error("database error: {0}")]
    Storage(#[from] rusqlite::Error),

    /// A reference service (Wikidata, TMDB) could not be reached, timed out, or answered with an
    /// error or something unreadable; `message` names the service and never holds an API key.
    #[error("{message}")]
    Network {
        service: &'static str,
        message: String,
    },

    /// The network is switched off (`CINEDEX_OFFLINE=1` or the offline setting) and the answer
    /// was not in the cache.
    #[error("{service} was not asked: Cinedex is offline (CINEDEX_OFFLINE or `cinedex config set offline false`)")]
    Offline { service: &'static str },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// `file:line`, or the file alone when the line is not known: the one spelling of where an import
/// issue is, in the import error's message and in the command line's preview
/// ([`crate::ImportIssue::place`]).
pub(crate) fn file_and_line(file: &str, line: Option<u64>) -> String {
    match line {
        Some(line) => format!("{file}:{line}"),
        None => file.to_owned(),
    }
}

/// `file:line: column: message`, leaving out what is not known.
pub(crate) fn import_message(
    file: &str,
    line: &Option<u64>,
    column: &Option<String>,
    message: &str,
) -> String {
    let mut text = file_and_line(file, *line);
    if let Some(column) = column {
        text.push_str(&format!(": column {column}"));
    }
    format!("{text}: {message}")
}

pub type Result<T, E = CatalogError> = std::result::Result<T, E>;

impl CatalogError {
    /// The one way the core builds an `Invalid` error: the field is a [`Field`], not free text.
    pub(crate) fn invalid(field: Field, message: impl Into<String>) -> Self {
        CatalogError::Invalid {
            field: field.as_str(),
            message: message.into(),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            CatalogError::NotFound { .. } | CatalogError::NoneNamed { .. } => ErrorKind::NotFound,
            CatalogError::Invalid { .. } => ErrorKind::Invalid,
            CatalogError::Conflict(_) => ErrorKind::Conflict,
            CatalogError::TooNew { .. } | CatalogError::NotACatalog { .. } => {
                ErrorKind::Incompatible
            }
            CatalogError::Import { .. } => ErrorKind::Import,
            CatalogError::Cancelled => ErrorKind::Cancelled,
            CatalogError::Storage(_) => ErrorKind::Storage,
            CatalogError::Io { .. } => ErrorKind::Io,
            CatalogError::Network { .. } => ErrorKind::Network,
            CatalogError::Offline { .. } => ErrorKind::Offline,
        }
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            CatalogError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    pub fn to_payload(&self) -> ErrorPayload {
        ErrorPayload {
            kind: self.kind(),
            message: self.to_string(),
            field: self.field().map(str::to_owned),
        }
    }
}

/// What kind of failure an error is, so a front end can react without parsing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    NotFound,
    Invalid,
    Conflict,
    Incompatible,
    Import,
    Cancelled,
    Storage,
    Io,
    Network,
    Offline,
    /// A failure of the app itself, not of the catalog (a panic in a command, IPC refusing a
    /// call): nothing the person typed or stored is the cause.
    Internal,
}

/// An error as the UI and `--json` consumers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
    pub field: Option<String>,
}
