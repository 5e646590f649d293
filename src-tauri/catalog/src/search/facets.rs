//! Facet counts (directors, themes, genres, decades) over the films a search gathered, each with the
//! filter text that narrows the query to it.

use rusqlite::Transaction;

use super::{FacetCount, Facets};
use crate::error::Result;

/// Values shown per facet.
const TOP: i64 = 12;

/// Counts over `ids` (film ids; integers, so listing them in the SQL text is safe).
pub fn count(tx: &Transaction, ids: &[i64]) -> Result<Facets> {
    if ids.is_empty() {
        return Ok(Facets::default());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let directors = rows(
        tx,
        &format!(
            "SELECT p.name, count(*) FROM film_people fp JOIN people p ON p.id = fp.person_id
              WHERE fp.role = 'director' AND fp.film_id IN ({list})
              GROUP BY p.id ORDER BY count(*) DESC, p.name_key LIMIT {TOP}"
        ),
        |name| format!("director:{}", quoted(name)),
    )?;
    let themes = rows(
        tx,
        &format!(
            "SELECT t.name, count(*) FROM film_themes ft JOIN themes t ON t.id = ft.theme_id
              WHERE ft.film_id IN ({list})
              GROUP BY t.id ORDER BY count(*) DESC, t.name_key LIMIT {TOP}"
        ),
        |name| format!("theme:{}", quoted(name)),
    )?;
    let genres = rows(
        tx,
        &format!(
            "SELECT g.name, count(*) FROM film_genres fg JOIN genres g ON g.id = fg.genre_id
              WHERE fg.film_id IN ({list})
              GROUP BY g.id ORDER BY count(*) DESC, g.name_key LIMIT {TOP}"
        ),
        |name| format!("genre:{}", quoted(name)),
    )?;
    let decades = rows(
        tx,
        &format!(
            "SELECT (year / 10 * 10) || 's', count(*) FROM films
              WHERE id IN ({list}) AND year IS NOT NULL GROUP BY year / 10 ORDER BY year / 10"
        ),
        |decade| format!("year:{decade}"),
    )?;
    Ok(Facets {
        directors,
        themes,
        genres,
        decades,
    })
}

fn rows(tx: &Transaction, sql: &str, filter: impl Fn(&str) -> String) -> Result<Vec<FacetCount>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map([], |row| {
        let value: String = row.get(0)?;
        let count: u32 = row.get(1)?;
        Ok(FacetCount {
            filter: filter(&value),
            value,
            count,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A name as one query value: quoted when it has spaces; quotes inside it dropped.
fn quoted(name: &str) -> String {
    let clean: String = name.chars().filter(|c| *c != '"').collect();
    if clean.chars().any(char::is_whitespace) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}
