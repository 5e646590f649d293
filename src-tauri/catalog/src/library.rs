//! The library's listing: filtering, ordering by any column, paging through large catalogs, and
//! grouping by director, decade, theme or watch status with counts.

use crate::field::Field;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Transaction};

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::films::{film_from_row, FILM_SELECT};
use crate::model::{
    Film, FilmGroup, FilmListQuery, FilmPage, FilmSort, GroupBy, GroupFilter, WatchStatus,
};
use crate::text::fold;

impl Catalog {
    /// The live films the query keeps, in its order, from `offset` and at most `limit` of them.
    pub fn list_films(&self, query: &FilmListQuery) -> Result<Vec<Film>> {
        let filter = Filter::new(query)?;
        self.read(|tx| films(tx, query, &filter))
    }

    /// One page of the library and the number of films in all, read in one transaction so the
    /// two agree.
    pub fn list_film_page(&self, query: &FilmListQuery) -> Result<FilmPage> {
        let filter = Filter::new(query)?;
        self.read(|tx| {
            let total = tx
                .prepare_cached(&filter.count_sql())?
                .query_row(params_from_iter(&filter.params), |row| row.get(0))?;
            Ok(FilmPage {
                total,
                offset: query.offset,
                films: films(tx, query, &filter)?,
            })
        })
    }

    /// The groups of the films the query keeps (its own group filter ignored), each with how many
    /// films it has. A film with two directors counts in both; films without a director, year or
    /// theme form a last group with the empty key.
    pub fn film_groups(&self, by: GroupBy, query: &FilmListQuery) -> Result<Vec<FilmGroup>> {
        let query = FilmListQuery {
            group: None,
            ..query.clone()
        };
        let filter = Filter::new(&query)?;
        let base = &filter.sql;
        let (grouped, without, none_label) = match by {
            GroupBy::Director => (
                format!(
                    "SELECT CAST(p.id AS TEXT), p.name, count(*) FROM films f
                       JOIN film_people fp ON fp.film_id = f.id AND fp.role = 'director'
                       JOIN people p ON p.id = fp.person_id
                      WHERE {base} GROUP BY p.id ORDER BY p.name_key"
                ),
                format!("SELECT count(*) FROM films f WHERE {base} AND NOT EXISTS (SELECT 1 FROM film_people fp WHERE fp.film_id = f.id AND fp.role = 'director')"),
                "No director",
            ),
            GroupBy::Theme => (
                format!(
                    "SELECT CAST(t.id AS TEXT), t.name, count(*) FROM films f
                       JOIN film_themes ft ON ft.film_id = f.id
                       JOIN themes t ON t.id = ft.theme_id
                      WHERE {base} GROUP BY t.id ORDER BY t.name_key"
                ),
                format!("SELECT count(*) FROM films f WHERE {base} AND NOT EXISTS (SELECT 1 FROM film_themes ft WHERE ft.film_id = f.id)"),
                "No theme",
            ),
            GroupBy::Decade => (
                format!(
                    "SELECT CAST(f.year / 10 * 10 AS TEXT), (f.year / 10 * 10) || 's', count(*)
                       FROM films f WHERE {base} AND f.year IS NOT NULL
                      GROUP BY f.year / 10 ORDER BY f.year / 10"
                ),
                format!("SELECT count(*) FROM films f WHERE {base} AND f.year IS NULL"),
                "No year",
            ),
            GroupBy::Status => (
                format!(
                    "SELECT f.watch_status,
                            CASE f.watch_status WHEN 'watched' THEN 'Watched'
                                 WHEN 'watchlist' THEN 'Watchlist' ELSE 'Not seen' END,
                            count(*)
                       FROM films f WHERE {base} GROUP BY f.watch_status
                      ORDER BY CASE f.watch_status WHEN 'watchlist' THEN 0 WHEN 'watched' THEN 1 ELSE 2 END"
                ),
                String::new(),
                "",
            ),
        };
        self.read(|tx| {
            let mut groups = {
                let mut stmt = tx.prepare_cached(&grouped)?;
                let rows = stmt.query_map(params_from_iter(&filter.params), |row| {
                    Ok(FilmGroup {
                        key: row.get(0)?,
                        label: row.get(1)?,
                        count: row.get(2)?,
                    })
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            if !without.is_empty() {
                let count: i64 = tx
                    .prepare_cached(&without)?
                    .query_row(params_from_iter(&filter.params), |row| row.get(0))?;
                if count > 0 {
                    groups.push(FilmGroup {
                        key: String::new(),
                        label: none_label.to_owned(),
                        count,
                    });
                }
            }
            Ok(groups)
        })
    }
}

/// Every film not in the trash: the whole library, before any filter.
const LIVE: &str = "f.deleted_at IS NULL";

/// Counts the films not in the trash from two indexes (all films, minus those in the trash)
/// instead of reading every row of `films`: the library asks for this count as it opens.
pub(crate) const LIVE_COUNT: &str = "SELECT (SELECT count(*) FROM films)
    - (SELECT count(*) FROM films WHERE deleted_at IS NOT NULL)";

/// A query's WHERE clause over `films f`, with its parameters in order.
struct Filter {
    sql: String,
    params: Vec<Value>,
}

impl Filter {
    /// How many films the filter keeps.
    fn count_sql(&self) -> String {
        if self.sql == LIVE {
            LIVE_COUNT.to_owned()
        } else {
            format!("SELECT count(*) FROM films f WHERE {}", self.sql)
        }
    }

    fn new(query: &FilmListQuery) -> Result<Filter> {
        let mut sql = String::from(LIVE);
        let mut params = Vec::new();
        let title = query
            .title_filter
            .as_deref()
            .map(|text| fold(text.trim()))
            .filter(|text| !text.is_empty());
        if let Some(title) = title {
            params.push(Value::Text(title));
            let n = params.len();
            sql.push_str(&format!(
                " AND (instr(f.title_key, ?{n}) > 0 OR instr(f.original_title_key, ?{n}) > 0)"
            ));
        }
        if let Some(status) = query.watch_status {
            params.push(Value::Text(status.as_str().to_owned()));
            sql.push_str(&format!(" AND f.watch_status = ?{}", params.len()));
        }
        if let Some(group) = &query.group {
            group_clause(group, &mut sql, &mut params)?;
        }
        Ok(Filter { sql, params })
    }
}

fn group_clause(group: &GroupFilter, sql: &mut String, params: &mut Vec<Value>) -> Result<()> {
    let key = group.key.trim();
    let bad_key = || {
        CatalogError::invalid(
            Field::Group,
            format!("{key:?} is not a group of this kind (use a key from the group list)"),
        )
    };
    match group.by {
        GroupBy::Director | GroupBy::Theme => {
            let exists = if group.by == GroupBy::Director {
                "EXISTS (SELECT 1 FROM film_people fp WHERE fp.film_id = f.id AND fp.role = 'director'"
            } else {
                "EXISTS (SELECT 1 FROM film_themes fp WHERE fp.film_id = f.id"
            };
            let column = if group.by == GroupBy::Director {
                "person_id"
            } else {
                "theme_id"
            };
            if key.is_empty() {
                sql.push_str(&format!(" AND NOT {exists})"));
            } else {
                let id: i64 = key.parse().map_err(|_| bad_key())?;
                params.push(Value::Integer(id));
                sql.push_str(&format!(
                    " AND {exists} AND fp.{column} = ?{})",
                    params.len()
                ));
            }
        }
        GroupBy::Decade => {
            if key.is_empty() {
                sql.push_str(" AND f.year IS NULL");
            } else {
                let decade: i64 = key.parse().map_err(|_| bad_key())?;
                params.push(Value::Integer(decade));
                let n = params.len();
                sql.push_str(&format!(" AND f.year BETWEEN ?{n} AND ?{n} + 9"));
            }
        }
        GroupBy::Status => {
            let status = WatchStatus::parse(key).ok_or_else(bad_key)?;
            params.push(Value::Text(status.as_str().to_owned()));
            sql.push_str(&format!(" AND f.watch_status = ?{}", params.len()));
        }
    }
    Ok(())
}

/// The films of one page in two steps: first only the ids, ordered and sliced, computing nothing
/// but the sort key; then the full rows of those ids. Computing every column of the films an
/// OFFSET skips made deep pages of 100,000 films take most of a second.
fn films(tx: &Transaction, query: &FilmListQuery, filter: &Filter) -> Result<Vec<Film>> {
    // SQLite's LIMIT -1 means no limit.
    let limit = query.limit.map_or(-1, i64::from);
    let ids_sql = page_ids_sql(query, filter);
    let params = filter
        .params
        .iter()
        .cloned()
        .chain([Value::Integer(limit), Value::Integer(query.offset.into())]);
    let ids: Vec<i64> = {
        let mut stmt = tx.prepare_cached(&ids_sql)?;
        let rows = stmt.query_map(params_from_iter(params), |row| row.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let list = serde_json::to_string(&ids).map_err(|e| CatalogError::Conflict(e.to_string()))?;
    let mut stmt = tx.prepare_cached(&format!(
        "{FILM_SELECT} JOIN json_each(?1) AS page ON page.value = f.id ORDER BY page.key"
    ))?;
    let rows = stmt.query_map([list], film_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The ids of one page, in order: its parameters are the filter's, then LIMIT and OFFSET.
fn page_ids_sql(query: &FilmListQuery, filter: &Filter) -> String {
    let direction = if query.descending { "DESC" } else { "ASC" };
    // Equal keys are in title order whichever the direction.
    let tie_break = "f.title_key, f.id";
    // The sort key, computed as FILM_SELECT computes the column of the same name. By title, the
    // tie-break is the id alone: naming title_key twice would stop SQLite from walking the title
    // index, and make it sort every film to return one page.
    let (key, order) = match query.sort {
        FilmSort::Title => ("NULL", format!("f.title_key {direction}, f.id {direction}")),
        FilmSort::Year => ("f.year", format!("k IS NULL, k {direction}, {tie_break}")),
        FilmSort::Directors => (
            "(SELECT group_concat(p.name, char(31) ORDER BY fp.position)
                FROM film_people fp JOIN people p ON p.id = fp.person_id
               WHERE fp.film_id = f.id AND fp.role = 'director')",
            format!("k IS NULL, k COLLATE NOCASE {direction}, {tie_break}"),
        ),
        FilmSort::Themes => (
            "(SELECT group_concat(t.name, char(31) ORDER BY ft.position)
                FROM film_themes ft JOIN themes t ON t.id = ft.theme_id WHERE ft.film_id = f.id)",
            format!("k IS NULL, k COLLATE NOCASE {direction}, {tie_break}"),
        ),
        FilmSort::ReviewCount => (
            "(SELECT count(*) FROM reviews r WHERE r.film_id = f.id)",
            format!("k {direction}, {tie_break}"),
        ),
        FilmSort::Rating => (
            "fr.rating",
            format!("k IS NULL, k {direction}, {tie_break}"),
        ),
        FilmSort::CreatedAt => ("NULL", format!("f.created_at {direction}, {tie_break}")),
        FilmSort::UpdatedAt => ("NULL", format!("f.updated_at {direction}, {tie_break}")),
    };
    // The rating is read from its view by a join, not a subquery per film: the key is named
    // twice in the ORDER BY, and a subquery would be worked out twice for every film.
    let rating = match query.sort {
        FilmSort::Rating => "JOIN film_rating fr ON fr.film_id = f.id",
        _ => "",
    };
    let n = filter.params.len();
    format!(
        "SELECT id FROM (SELECT f.id, f.title_key, f.created_at, f.updated_at, {key} AS k
                           FROM films f {rating} WHERE {}) AS f
          ORDER BY {order} LIMIT ?{} OFFSET ?{}",
        filter.sql,
        n + 1,
        n + 2
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How SQLite runs the page query of `query`, one step per line.
    fn plan(query: &FilmListQuery) -> String {
        let catalog = Catalog::open_in_memory().unwrap();
        let filter = Filter::new(query).unwrap();
        let sql = format!("EXPLAIN QUERY PLAN {}", page_ids_sql(query, &filter));
        catalog
            .read(|tx| {
                let mut stmt = tx.prepare(&sql)?;
                let steps =
                    stmt.query_map(params_from_iter([10, 0]), |row| row.get::<_, String>(3))?;
                Ok(steps.collect::<rusqlite::Result<Vec<_>>>()?.join("\n"))
            })
            .unwrap()
    }

    #[test]
    fn a_page_by_title_walks_the_title_index_instead_of_sorting_every_film() {
        for descending in [false, true] {
            let plan = plan(&FilmListQuery {
                limit: Some(100),
                descending,
                ..FilmListQuery::default()
            });
            assert!(plan.contains("films_by_title"), "{plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        }
    }
}
