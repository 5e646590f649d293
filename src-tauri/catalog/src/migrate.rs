//! Schema migrations: numbered SQL files applied in order, one transaction each, with SQLite's
//! `user_version` recording how far a catalog has come. They change tables; the views, triggers
//! and indexes derived from them are applied after, from schema/search.sql (`search::schema`).

use rusqlite::Connection;

use crate::error::{CatalogError, Result};

/// Marks a SQLite file as a Cinedex catalog ("CDNX"), so another program's database is refused.
pub const APPLICATION_ID: i64 = 0x4344_4E58;

/// Every migration, in order; the schema version of a catalog is the number applied.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../migrations/0001_init.sql")),
    (
        "0002_annotations",
        include_str!("../migrations/0002_annotations.sql"),
    ),
    ("0003_search", include_str!("../migrations/0003_search.sql")),
    ("0004_lists", include_str!("../migrations/0004_lists.sql")),
    (
        "0005_posters",
        include_str!("../migrations/0005_posters.sql"),
    ),
    (
        "0006_faster_writes",
        include_str!("../migrations/0006_faster_writes.sql"),
    ),
    (
        "0007_one_rating",
        include_str!("../migrations/0007_one_rating.sql"),
    ),
    (
        "0008_search_folding",
        include_str!("../migrations/0008_search_folding.sql"),
    ),
    (
        "0009_schema_meta",
        include_str!("../migrations/0009_schema_meta.sql"),
    ),
    (
        "0010_film_facts",
        include_str!("../migrations/0010_film_facts.sql"),
    ),
    (
        "0011_highlights",
        include_str!("../migrations/0011_highlights.sql"),
    ),
    (
        "0012_completion",
        include_str!("../migrations/0012_completion.sql"),
    ),
    ("0013_canon", include_str!("../migrations/0013_canon.sql")),
    (
        "0014_people_ids",
        include_str!("../migrations/0014_people_ids.sql"),
    ),
];

/// The schema version this build of Cinedex writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Checks that `conn` holds a Cinedex catalog this build can open, without changing it.
pub fn check_compatible(conn: &Connection, path: &str) -> Result<i64> {
    let version = schema_version(conn)?;
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if app_id != 0 && app_id != APPLICATION_ID {
        return Err(CatalogError::NotACatalog {
            path: path.to_owned(),
            reason: format!(
                "it is an SQLite database of another program (application id {app_id:#x})"
            ),
        });
    }
    if version == 0 && app_id == 0 {
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            [],
            |row| row.get(0),
        )?;
        if tables > 0 {
            return Err(CatalogError::NotACatalog {
                path: path.to_owned(),
                reason: format!("it is an SQLite database with {tables} tables of its own"),
            });
        }
    }
    if version > LATEST_VERSION {
        return Err(CatalogError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    Ok(version)
}

/// Brings the catalog up to [`LATEST_VERSION`], then its derived search schema up to this build's.
/// Each step commits on its own, so a failure leaves the catalog at the last complete version.
pub fn migrate(conn: &mut Connection, path: &str) -> Result<()> {
    let current = check_compatible(conn, path)?;
    for (index, (_name, sql)) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = index as i64 + 1;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    crate::search::schema::apply(conn)?;
    Ok(())
}
