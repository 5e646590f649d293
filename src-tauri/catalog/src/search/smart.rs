//! Smart lists: saved searches with a name. Only the query is stored, so opening a list runs it
//! again and the list follows every change to the catalog.

use crate::field::Field;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::{SmartList, SmartListInput};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::text::{fold, tidy};
use crate::time::{self, instant_at};

const SELECT: &str = "SELECT id, name, query, created_at, updated_at FROM smart_lists";

impl Catalog {
    /// Saves a search under a name no other smart list has (ignoring case and accents).
    pub fn add_smart_list(&self, input: &SmartListInput) -> Result<SmartList> {
        let (name, query) = valid(input)?;
        self.write(|tx| {
            unique(tx, &name, None)?;
            let now = time::to_text(time::now());
            tx.execute(
                "INSERT INTO smart_lists (name, name_key, query, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![name, fold(&name), query, now],
            )?;
            by_id(tx, tx.last_insert_rowid())
        })
    }

    pub fn update_smart_list(&self, id: i64, input: &SmartListInput) -> Result<SmartList> {
        let (name, query) = valid(input)?;
        self.write(|tx| {
            by_id(tx, id)?;
            unique(tx, &name, Some(id))?;
            tx.execute(
                "UPDATE smart_lists SET name = ?2, name_key = ?3, query = ?4, updated_at = ?5 WHERE id = ?1",
                params![id, name, fold(&name), query, time::to_text(time::now())],
            )?;
            by_id(tx, id)
        })
    }

    pub fn delete_smart_list(&self, id: i64) -> Result<()> {
        self.write(|tx| {
            by_id(tx, id)?;
            tx.execute("DELETE FROM smart_lists WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// Every smart list, by name.
    pub fn list_smart_lists(&self) -> Result<Vec<SmartList>> {
        self.read(|tx| {
            let mut stmt = tx.prepare_cached(&format!("{SELECT} ORDER BY name_key, id"))?;
            let rows = stmt.query_map([], from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// A smart list by id, or by name (ignoring case and accents).
    pub fn find_smart_list(&self, name_or_id: &str) -> Result<SmartList> {
        self.read(|tx| {
            if let Ok(id) = name_or_id.trim().parse::<i64>() {
                if let Some(list) = optional(tx, "id = ?1", &id)? {
                    return Ok(list);
                }
            }
            optional(tx, "name_key = ?1", &fold(&tidy(name_or_id)))?.ok_or_else(|| {
                CatalogError::invalid(
                    Field::Name,
                    format!("no smart list is named \"{}\"", tidy(name_or_id)),
                )
            })
        })
    }
}

fn valid(input: &SmartListInput) -> Result<(String, String)> {
    let name = tidy(&input.name);
    if name.is_empty() {
        return Err(CatalogError::invalid(
            Field::Name,
            "a smart list needs a name",
        ));
    }
    if name.chars().count() > 100 {
        return Err(CatalogError::invalid(
            Field::Name,
            "a smart list name is at most 100 characters",
        ));
    }
    crate::validate::check_visible(Field::Name, "A smart list name", &name)?;
    // Control characters mean nothing to the query language, and SQLite's length() stops at a
    // NUL, so `"\0"` once reached the CHECK constraint as an empty query.
    let query: String = input
        .query
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let query = query.trim().to_owned();
    if query.is_empty() {
        return Err(CatalogError::invalid(
            Field::Query,
            "a smart list needs a search to save",
        ));
    }
    if query.chars().count() > 10_000 {
        return Err(CatalogError::invalid(
            Field::Query,
            "a saved search is at most 10 000 characters",
        ));
    }
    Ok((name, query))
}

fn unique(tx: &Transaction, name: &str, except: Option<i64>) -> Result<()> {
    let other: Option<i64> = tx
        .query_row(
            "SELECT id FROM smart_lists WHERE name_key = ?1",
            [fold(name)],
            |row| row.get(0),
        )
        .optional()?;
    match other {
        Some(id) if Some(id) != except => Err(CatalogError::Conflict(format!(
            "a smart list named \"{name}\" already exists"
        ))),
        _ => Ok(()),
    }
}

fn by_id(tx: &Transaction, id: i64) -> Result<SmartList> {
    optional(tx, "id = ?1", &id)?.ok_or(CatalogError::NotFound {
        entity: "smart list",
        id,
    })
}

fn optional(
    tx: &Transaction,
    condition: &str,
    value: &dyn rusqlite::ToSql,
) -> Result<Option<SmartList>> {
    Ok(tx
        .prepare_cached(&format!("{SELECT} WHERE {condition}"))?
        .query_row([value], from_row)
        .optional()?)
}

fn from_row(row: &Row) -> rusqlite::Result<SmartList> {
    Ok(SmartList {
        id: row.get(0)?,
        name: row.get(1)?,
        query: row.get(2)?,
        created_at: instant_at(row, 3)?,
        updated_at: instant_at(row, 4)?,
    })
}
