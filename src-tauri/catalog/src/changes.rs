//! Noticing writes made by other processes (the command line while the window is open), through
//! SQLite's `PRAGMA data_version`, which changes whenever another connection commits.

use rusqlite::{Connection, OpenFlags};

use crate::db::Catalog;
use crate::error::{CatalogError, Result};

/// A private read-only connection that tells whether the catalog changed since it last looked.
pub struct ChangeWatcher {
    conn: Connection,
    last: i64,
}

impl ChangeWatcher {
    /// True when some other connection (another process, or this catalog's writer) has committed
    /// since the previous call.
    pub fn changed(&mut self) -> Result<bool> {
        let now = data_version(&self.conn)?;
        let changed = now != self.last;
        self.last = now;
        Ok(changed)
    }
}

fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "data_version", |row| row.get(0))?)
}

impl Catalog {
    /// A watcher for commits to this catalog's file. In-memory catalogs cannot be watched.
    pub fn watch_changes(&self) -> Result<ChangeWatcher> {
        let path = self.path().ok_or_else(|| {
            CatalogError::Conflict("an in-memory catalog cannot be watched".into())
        })?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let last = data_version(&conn)?;
        Ok(ChangeWatcher { conn, last })
    }
}
