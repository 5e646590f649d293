//! Opening a catalog file: connection settings, the one writer and its readers, and the
//! transaction helpers every other module goes through.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::backup::Clock;
use crate::error::{CatalogError, Result};
use crate::migrate;

const READERS: usize = 3;
/// Page cache sizes, negative as SQLite takes KiB: the writer's usual, and during bulk writes.
pub const WRITER_CACHE_KIB: i64 = -65_536;
pub const BULK_CACHE_KIB: i64 = -524_288;
/// SQLite's default: the WAL is copied into the database file once it holds this many pages.
const WAL_AUTOCHECKPOINT_PAGES: i64 = 1000;
const WAL_SIZE_LIMIT_BYTES: i64 = 64 * 1024 * 1024;

/// The handle to one catalog. Cheap to clone: clones share the same connections.
#[derive(Clone)]
pub struct Catalog {
    inner: Arc<Inner>,
}

struct Inner {
    location: String,
    /// What backups are stamped, thinned and judged due by; the system clock but in tests.
    clock: Clock,
    /// Readers let a search or a listing run while the writer is busy with an import.
    /// Empty for in-memory catalogs, which read through the writer.
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    /// Declared after the readers so it closes last: the last connection to close checkpoints
    /// the WAL into the file and removes it, which only a writable connection can do.
    writer: Mutex<Connection>,
}

impl Catalog {
    /// Opens (creating if needed) the catalog at `path` and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Catalog> {
        Catalog::open_with_clock(path, crate::backup::system_clock())
    }

    /// [`Catalog::open`] with the clock its backups go by, so a test can live through days of
    /// daily backups and thinning in a second.
    pub fn open_with_clock(path: impl AsRef<Path>, clock: Clock) -> Result<Catalog> {
        let path = path.as_ref();
        let location = path.display().to_string();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| CatalogError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let mut writer = Connection::open(path).map_err(|e| not_a_catalog_or(e, &location))?;
        // Check before configuring: switching another program's database to WAL would change it.
        migrate::check_compatible(&writer, &location).map_err(|e| match e {
            CatalogError::Storage(inner) => not_a_catalog_or(inner, &location),
            other => other,
        })?;
        configure(&writer, true).map_err(|e| not_a_catalog_or(e, &location))?;
        let version = migrate::schema_version(&writer)?;
        if version > 0 && version < migrate::LATEST_VERSION {
            crate::backup::backup_before_migration(&writer, path, clock())?;
        }
        migrate::migrate(&mut writer, &location)?;
        let readers = (0..READERS)
            .map(|_| {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let reader = Connection::open_with_flags(path, flags)?;
                configure(&reader, false)?;
                Ok(Mutex::new(reader))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Catalog::from_parts(location, writer, readers, clock))
    }

    /// A private catalog that lives only as long as the handle: for tests and previews.
    pub fn open_in_memory() -> Result<Catalog> {
        let mut writer = Connection::open_in_memory()?;
        configure(&writer, true)?;
        migrate::migrate(&mut writer, ":memory:")?;
        Ok(Catalog::from_parts(
            ":memory:".to_owned(),
            writer,
            Vec::new(),
            crate::backup::system_clock(),
        ))
    }

    fn from_parts(
        location: String,
        writer: Connection,
        readers: Vec<Mutex<Connection>>,
        clock: Clock,
    ) -> Catalog {
        Catalog {
            inner: Arc::new(Inner {
                location,
                clock,
                writer: Mutex::new(writer),
                readers,
                next_reader: AtomicUsize::new(0),
            }),
        }
    }

    /// Where the catalog lives, as given to [`Catalog::open`] (`:memory:` for in-memory ones).
    pub fn location(&self) -> &str {
        &self.inner.location
    }

    pub fn path(&self) -> Option<PathBuf> {
        (self.inner.location != ":memory:").then(|| PathBuf::from(&self.inner.location))
    }

    /// The time by the catalog's clock (see [`Catalog::open_with_clock`]).
    pub(crate) fn now(&self) -> DateTime<Utc> {
        (self.inner.clock)()
    }

    /// Runs `work` in one immediate write transaction: all of it is stored, or none of it.
    pub(crate) fn write<T>(&self, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.inner.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// [`Catalog::write`], but rolled back when `dry_run`: a dry run does exactly what the write
    /// would and tells what it did, and the catalog stays as it was.
    pub(crate) fn write_unless<T>(
        &self,
        dry_run: bool,
        work: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        let mut conn = lock(&self.inner.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(value)
    }

    /// [`Catalog::write`] for bulk work (imports), tuned for writing a million rows at once:
    /// - a page cache of up to 512 MB, so the new films and their index entries stay in memory
    ///   until the one commit;
    /// - the commit does not checkpoint the WAL: copying a large write into the database file
    ///   would double its commit time, so it is left to [`Catalog::checkpoint`], which does not
    ///   block readers or writers (and to the last connection's close).
    pub(crate) fn write_bulk<T>(&self, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.inner.writer);
        conn.pragma_update(None, "cache_size", BULK_CACHE_KIB)?;
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        let result = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = work(&tx)?;
            tx.commit()?;
            Ok(value)
        })();
        conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)?;
        conn.pragma_update(None, "cache_size", WRITER_CACHE_KIB)?;
        result
    }

    /// Copies what the WAL holds into the database file, as far as open readers allow, without
    /// waiting for them or blocking writers. Called after a bulk write, off the caller's path.
    /// [`Catalog::checkpoint`] on a thread of its own: a large import's commit leaves its pages in
    /// the WAL, and copying them into the file takes seconds nobody need wait for (whether the
    /// window or the command line imported). A process that exits first loses nothing: the WAL is
    /// checkpointed when the last connection closes, or the next time the catalog opens.
    pub fn checkpoint_in_background(&self) {
        let catalog = self.clone();
        std::thread::spawn(move || {
            if let Err(error) = catalog.checkpoint() {
                eprintln!("cinedex: checkpoint after the import failed: {error}");
            }
        });
    }

    pub fn checkpoint(&self) -> Result<()> {
        let Some(path) = self.path() else {
            return Ok(());
        };
        // Its own connection: the readers are read-only, and the writer must stay free for edits.
        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Runs `work` in one read transaction, so it sees a single consistent state of the catalog.
    pub(crate) fn read<T>(&self, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.reader();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let value = work(&tx)?;
        tx.finish()?;
        Ok(value)
    }

    /// Runs `work` on a reader outside any transaction: for statements that refuse to run inside
    /// one, such as `VACUUM INTO`.
    pub(crate) fn with_reader<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        work(&self.reader())
    }

    /// Copies the catalog file at `source` over this catalog's content, page by page, then brings
    /// its schema up to date. Readers see the new content from their next transaction on.
    /// The source is opened read-only: a missing file is an error, never a new empty database.
    pub(crate) fn replace_with(&self, source: &Path) -> Result<()> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let from = Connection::open_with_flags(source, flags)?;
        let mut conn = lock(&self.inner.writer);
        rusqlite::backup::Backup::new(&from, &mut conn)?.run_to_completion(
            1024,
            Duration::ZERO,
            None,
        )?;
        migrate::migrate(&mut conn, &self.inner.location)
    }

    fn reader(&self) -> MutexGuard<'_, Connection> {
        let readers = &self.inner.readers;
        if readers.is_empty() {
            return lock(&self.inner.writer);
        }
        let start = self.inner.next_reader.fetch_add(1, Ordering::Relaxed);
        for offset in 0..readers.len() {
            if let Ok(guard) = readers[(start + offset) % readers.len()].try_lock() {
                return guard;
            }
        }
        lock(&readers[start % readers.len()])
    }
}

/// A poisoned lock only means another thread panicked mid-transaction, which SQLite rolled back.
fn lock(mutex: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn configure(conn: &Connection, writer: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    crate::sql_functions::install(conn)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // Imports and exports cycle through more statements than rusqlite's default cache of 16.
    conn.set_prepared_statement_cache_capacity(64);
    if writer {
        // WAL lets readers go on while a write is in progress; FULL makes every edit survive a power cut.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Up to 64 MB of page cache (used only as needed): a large import then stays in memory
        // until its one commit instead of spilling pages to the WAL as it goes.
        conn.pragma_update(None, "cache_size", WRITER_CACHE_KIB)?;
        // After a bulk write's checkpoint, the WAL file shrinks back to this instead of keeping
        // the size of the largest write on disk.
        conn.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT_BYTES)?;
    }
    Ok(())
}

fn not_a_catalog_or(error: rusqlite::Error, location: &str) -> CatalogError {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => CatalogError::NotACatalog {
            path: location.to_owned(),
            reason: "the file is not an SQLite database".to_owned(),
        },
        Some(rusqlite::ErrorCode::CannotOpen) | Some(rusqlite::ErrorCode::PermissionDenied) => {
            CatalogError::Io {
                path: PathBuf::from(location),
                source: std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    error.to_string(),
                ),
            }
        }
        _ => CatalogError::Storage(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many people the database file alone holds, without its WAL.
    fn people_in_file(dir: &Path) -> i64 {
        let copy = dir.join("copy.sqlite");
        std::fs::copy(dir.join("catalog.sqlite"), &copy).unwrap();
        let copied = Connection::open(&copy).unwrap();
        copied
            .query_row("SELECT count(*) FROM people", [], |row| row.get(0))
            .unwrap()
    }

    #[test]
    fn a_bulk_write_leaves_the_wal_to_the_checkpoint() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
        catalog.checkpoint().unwrap();
        assert_eq!(people_in_file(dir.path()), 0);
        // About 8 MB: twice what would make an ordinary commit checkpoint the WAL.
        catalog
            .write_bulk(|tx| {
                let mut insert =
                    tx.prepare("INSERT INTO people (name, name_key) VALUES (?1, ?1)")?;
                for n in 0..20_000 {
                    insert.execute([format!("{n:0>200}")])?;
                }
                Ok(())
            })
            .unwrap();
        assert_eq!(people_in_file(dir.path()), 0);
        catalog.checkpoint().unwrap();
        assert_eq!(people_in_file(dir.path()), 20_000);
    }
}
