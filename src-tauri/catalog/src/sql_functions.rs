//! The SQL functions the catalog's schema calls, registered on every connection Cinedex opens to
//! a catalog. The search views and triggers fold text through `cinedex_search_fold`, so a
//! connection without it can read the tables but not write films or reviews.

use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;

use crate::text::search_fold;

/// Registers the functions on `conn`. Tools and tests that open a catalog file with their own
/// connection and write to it call this first.
pub fn install(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "cinedex_search_fold",
        1,
        // Deterministic and innocuous: usable in views, triggers and indexes.
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        fold_value,
    )
}

/// Folds text; NULL stays NULL, and numbers and blobs (which the schema never passes) are
/// returned as they are.
fn fold_value(ctx: &mut Context<'_>) -> rusqlite::Result<Value> {
    Ok(match ctx.get_raw(0) {
        ValueRef::Text(bytes) => Value::Text(search_fold(&String::from_utf8_lossy(bytes))),
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_function_folds_text_and_passes_null_through() {
        let conn = Connection::open_in_memory().unwrap();
        install(&conn).unwrap();
        let folded: (String, Option<String>, i64) = conn
            .query_row(
                "SELECT cinedex_search_fold('Ёжик Œuvre'), cinedex_search_fold(NULL), cinedex_search_fold(7)",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .unwrap();
        assert_eq!(folded, ("ежик oeuvre".to_owned(), None, 7));
    }
}
