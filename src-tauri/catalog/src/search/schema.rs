//! The derived search schema, `schema/search.sql`: the views, triggers and full-text indexes
//! computed from the tables. A catalog gets it when it opens, whenever the stamp stored in it
//! differs from this build's, and its indexes are then filled anew; and the FTS5 settings under
//! which those indexes are written in bulk.

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use crate::error::Result;
use crate::text::SEARCH_FOLD_VERSION;

/// Every view, trigger and index of the derived schema, in the order they are created.
const SEARCH_SQL: &str = include_str!("../../schema/search.sql");

/// The key of the stamp in `schema_meta` (migration 0009).
const STAMP_KEY: &str = "search_schema";

/// The columns of `search_film`, as `search_film_source` names them too.
pub(crate) const FILM_COLUMNS: &str =
    "title, original_title, directors, people, themes, facts, genres, synopsis";

/// The FTS5 tables that store an index, whose flushing is tuned while they are written in bulk.
const FTS_TABLES: [&str; 4] = [
    "search_film",
    "search_grams",
    "search_reviews",
    "search_notes",
];

/// Pending index data FTS5 keeps in memory before it writes a segment (its default is 1 MB).
/// A bulk write of a million films then writes a few large segments instead of hundreds of small
/// ones that are merged again and again while it runs.
const BULK_HASH_SIZE: i64 = 256 * 1024 * 1024;

/// (option, value during a bulk write, FTS5's default). The defaults are written back rather
/// than the rows deleted, because FTS5 only reloads its settings when they are set through it.
const SETTINGS: [(&str, i64, i64); 2] = [
    ("hashsize", BULK_HASH_SIZE, 1024 * 1024),
    ("automerge", 0, 4),
];

/// What the indexes of this build are made from: the text of `schema/search.sql`, the version
/// of the fold that feeds them, and the Unicode tables the fold reads (those of
/// unicode-normalization for decomposition, the standard library's for lower case). A catalog
/// whose stored stamp differs from this one was indexed by other rules and is indexed again.
pub fn stamp() -> String {
    let (nfd_major, nfd_minor, nfd_patch) = unicode_normalization::UNICODE_VERSION;
    let (std_major, std_minor, std_patch) = char::UNICODE_VERSION;
    format!(
        "search.sql {:016x}; fold {SEARCH_FOLD_VERSION}; \
         unicode {nfd_major}.{nfd_minor}.{nfd_patch} (normalization), \
         {std_major}.{std_minor}.{std_patch} (case)",
        fnv1a(SEARCH_SQL.as_bytes())
    )
}

/// FNV-1a, 64 bits: the same on every platform and Rust release (unlike `DefaultHasher`), and
/// enough to notice that the file changed.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn stored_stamp(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM schema_meta WHERE key = ?1",
            [STAMP_KEY],
            |row| row.get(0),
        )
        .optional()?)
}

/// Brings the derived schema of a migrated catalog up to this build's, when its stamp differs:
/// every derived object is dropped, created again from `schema/search.sql`, and the indexes are
/// filled from the tables, all in one transaction. Returns whether it did so; a catalog already
/// up to date costs one read.
pub(crate) fn apply(conn: &mut Connection) -> Result<bool> {
    let stamp = stamp();
    if stored_stamp(conn)?.as_deref() == Some(stamp.as_str()) {
        return Ok(false);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another Cinedex may have applied it while this one waited for the lock.
    if stored_stamp(&tx)?.as_deref() == Some(stamp.as_str()) {
        return Ok(false);
    }
    drop_derived(&tx)?;
    tx.execute_batch(SEARCH_SQL)?;
    fill(&tx)?;
    tx.execute(
        "INSERT INTO schema_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![STAMP_KEY, stamp],
    )?;
    tx.commit()?;
    Ok(true)
}

/// Drops every derived object, whichever schema created it: the triggers and views named
/// `search%` and `film_rating`, then the FTS5 tables named `search%` (with their shadow tables).
fn drop_derived(tx: &Transaction) -> Result<()> {
    let objects: Vec<(String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT upper(type), name FROM main.sqlite_schema
              WHERE (type IN ('trigger', 'view') AND (name LIKE 'search%' OR name = 'film_rating'))
                 OR (type = 'table' AND name LIKE 'search%' AND sql LIKE 'CREATE VIRTUAL TABLE%')
              ORDER BY CASE type WHEN 'trigger' THEN 0 WHEN 'view' THEN 1 ELSE 2 END, name",
        )?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (kind, name) in objects {
        // Dropping an FTS5 table drops its shadow tables, which may come later in the list.
        tx.execute_batch(&format!("DROP {kind} IF EXISTS main.\"{name}\""))?;
    }
    Ok(())
}

/// Fills the (empty) indexes from their source views, under the bulk settings.
pub(crate) fn fill(tx: &Transaction) -> Result<()> {
    let settings = FtsSettings::for_bulk(tx)?;
    tx.execute_batch(&format!(
        "INSERT INTO search_film (rowid, {FILM_COLUMNS})
             SELECT id, {FILM_COLUMNS} FROM search_film_source;
         INSERT INTO search_grams (rowid, titles, names)
             SELECT id, titles, names FROM search_grams_source;
         INSERT INTO search_reviews (search_reviews) VALUES ('rebuild');
         INSERT INTO search_notes (search_notes) VALUES ('rebuild');"
    ))?;
    settings.restore(tx)
}

/// The FTS5 settings changed for a bulk write, as they were before, to be put back in the same
/// transaction (they are stored in each table's `_config` shadow table).
pub(crate) struct FtsSettings {
    previous: Vec<(&'static str, &'static str, i64)>,
}

impl FtsSettings {
    /// A large in-memory buffer and no merging while the bulk write runs: the segments written are
    /// merged by later writes (automerge) as usual.
    pub(crate) fn for_bulk(tx: &Transaction) -> Result<FtsSettings> {
        let mut previous = Vec::new();
        for table in FTS_TABLES {
            for (key, bulk, default) in SETTINGS {
                let value: i64 = tx
                    .prepare_cached(&format!("SELECT v FROM {table}_config WHERE k = ?1"))?
                    .query_row([key], |row| row.get(0))
                    .or_else(|e| match e {
                        rusqlite::Error::QueryReturnedNoRows => Ok(default),
                        e => Err(e),
                    })?;
                previous.push((table, key, value));
                set(tx, table, key, bulk)?;
            }
        }
        Ok(FtsSettings { previous })
    }

    pub(crate) fn restore(self, tx: &Transaction) -> Result<()> {
        for (table, key, value) in self.previous {
            set(tx, table, key, value)?;
        }
        Ok(())
    }
}

/// Sets an FTS5 option through FTS5, which also makes it reload its settings.
fn set(tx: &Transaction, table: &str, key: &str, value: i64) -> Result<()> {
    tx.prepare_cached(&format!(
        "INSERT INTO {table} ({table}, rank) VALUES (?1, ?2)"
    ))?
    .execute(params![key, value])?;
    Ok(())
}
