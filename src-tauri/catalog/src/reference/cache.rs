//! Reference answers kept on disk in a cache database beside the catalog, so the same lookup twice
//! asks nothing and works offline. Keys never hold an API key; TMDB answers expire within six
//! months, as its terms ask.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

/// The cache file's name, in the catalog's folder.
pub const CACHE_FILE: &str = "cache.sqlite";

/// How long an answer is used before it is asked again.
pub fn max_age(service: &str) -> Duration {
    match service {
        // TMDB's terms allow caching for at most six months.
        "TMDB" => Duration::days(180),
        _ => Duration::days(30),
    }
}

pub struct ReferenceCache {
    connection: Mutex<Connection>,
    path: PathBuf,
}

impl ReferenceCache {
    pub fn open(path: &Path) -> Result<Self> {
        let connection = Connection::open(path)?;
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        connection.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE IF NOT EXISTS answers (
                 service    TEXT NOT NULL,
                 key        TEXT NOT NULL,
                 fetched_at TEXT NOT NULL,
                 body       BLOB NOT NULL,
                 PRIMARY KEY (service, key)
             ) STRICT;",
        )?;
        Ok(ReferenceCache {
            connection: Mutex::new(connection),
            path: path.to_owned(),
        })
    }

    /// The answer stored for `key` if it is younger than the service's max age; older ones are
    /// removed, not served.
    pub fn get(&self, service: &str, key: &str) -> Result<Option<Vec<u8>>> {
        let connection = self.lock();
        let found: Option<(String, Vec<u8>)> = connection
            .query_row(
                "SELECT fetched_at, body FROM answers WHERE service = ?1 AND key = ?2",
                params![service, key],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((fetched_at, body)) = found else {
            return Ok(None);
        };
        let fresh = DateTime::parse_from_rfc3339(&fetched_at)
            .map(|at| Utc::now() - at.with_timezone(&Utc) < max_age(service))
            .unwrap_or(false);
        if fresh {
            return Ok(Some(body));
        }
        connection.execute(
            "DELETE FROM answers WHERE service = ?1 AND key = ?2",
            params![service, key],
        )?;
        Ok(None)
    }

    pub fn put(&self, service: &str, key: &str, body: &[u8]) -> Result<()> {
        self.put_fetched_at(service, key, body, Utc::now())
    }

    /// Stores an answer as fetched at `at`; tests use it to age an entry.
    pub fn put_fetched_at(
        &self,
        service: &str,
        key: &str,
        body: &[u8],
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.lock().execute(
            "INSERT OR REPLACE INTO answers (service, key, fetched_at, body) VALUES (?1, ?2, ?3, ?4)",
            params![service, key, at.to_rfc3339(), body],
        )?;
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl std::fmt::Debug for ReferenceCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReferenceCache")
            .field("path", &self.path)
            .finish()
    }
}
