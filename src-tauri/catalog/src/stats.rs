//! Statistics over the catalog: one SQL query per figure, films in the trash left out. The window's
//! Statistics view and `cinedex stats` show exactly these numbers.

use crate::field::Field;
use chrono::{Duration, NaiveDate};
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::time;

/// How many directors and themes the top lists keep.
const TOP: i64 = 10;

/// One bar of a chart: what is counted (a decade, a year, a month, a day, a name, a rating) and
/// how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    pub key: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// Which stretch of time the viewing heatmap covers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct StatsQuery {
    /// A calendar year; without it, the 365 days ending today.
    pub year: Option<i32>,
}

/// Every figure of the Statistics view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    #[ts(type = "number")]
    pub film_count: i64,
    #[ts(type = "number")]
    pub viewing_count: i64,
    #[ts(type = "number")]
    pub review_count: i64,
    /// Keys `1960s`, ... from the oldest decade to the newest, empty decades included.
    pub films_by_decade: Vec<Tally>,
    /// Keys `1994`, ...: only years with films, in order.
    pub films_by_year: Vec<Tally>,
    /// Keys `2024-03`, ...: every month from the first viewing's to the last's, in order.
    pub viewings_by_month: Vec<Tally>,
    /// The heatmap's first and last day (inclusive).
    pub heatmap_from: NaiveDate,
    pub heatmap_to: NaiveDate,
    /// Keys `2024-03-02`, ...: days in the heatmap range with at least one viewing.
    pub viewings_by_day: Vec<Tally>,
    /// The ten directors with the most films, most first (ties by name).
    pub top_directors: Vec<Tally>,
    /// The ten themes with the most films, most first (ties by name).
    pub top_themes: Vec<Tally>,
    /// Keys `0.5` to `5`, every half step, each film counted once with its rating as the library
    /// shows it (`Film.rating`; saved articles by others are not the person's).
    pub ratings: Vec<Tally>,
    /// Keys `2024-03`, ...: reviews and notes the person wrote, by the month they were written,
    /// every month from the first to the last.
    pub reviews_by_month: Vec<Tally>,
}

impl Catalog {
    pub fn stats(&self, query: &StatsQuery) -> Result<Stats> {
        let (from, to) = heatmap_range(query)?;
        self.read(|tx| {
            let (film_count, viewing_count, review_count) = totals(tx)?;
            Ok(Stats {
                film_count,
                viewing_count,
                review_count,
                films_by_decade: films_by_decade(tx)?,
                films_by_year: tallies(
                    tx,
                    "SELECT CAST(year AS TEXT), count(*) FROM films
                      WHERE deleted_at IS NULL AND year IS NOT NULL GROUP BY year ORDER BY year",
                    [],
                )?,
                viewings_by_month: fill_months(tallies(
                    tx,
                    "SELECT substr(v.watched_on, 1, 7) AS month, count(*)
                       FROM viewings v JOIN films f ON f.id = v.film_id
                      WHERE f.deleted_at IS NULL GROUP BY month ORDER BY month",
                    [],
                )?),
                heatmap_from: from,
                heatmap_to: to,
                viewings_by_day: tallies(
                    tx,
                    "SELECT v.watched_on, count(*)
                       FROM viewings v JOIN films f ON f.id = v.film_id
                      WHERE f.deleted_at IS NULL AND v.watched_on BETWEEN ?1 AND ?2
                      GROUP BY v.watched_on ORDER BY v.watched_on",
                    params![time::date_to_text(from), time::date_to_text(to)],
                )?,
                top_directors: tallies(
                    tx,
                    "SELECT p.name, count(DISTINCT fp.film_id) AS n
                       FROM film_people fp
                       JOIN people p ON p.id = fp.person_id
                       JOIN films f ON f.id = fp.film_id
                      WHERE fp.role = 'director' AND f.deleted_at IS NULL
                      GROUP BY p.id ORDER BY n DESC, p.name_key LIMIT ?1",
                    [TOP],
                )?,
                top_themes: tallies(
                    tx,
                    "SELECT t.name, count(*) AS n
                       FROM film_themes ft
                       JOIN themes t ON t.id = ft.theme_id
                       JOIN films f ON f.id = ft.film_id
                      WHERE f.deleted_at IS NULL
                      GROUP BY t.id ORDER BY n DESC, t.name_key LIMIT ?1",
                    [TOP],
                )?,
                ratings: ratings(tx)?,
                reviews_by_month: fill_months(tallies(
                    tx,
                    "SELECT substr(r.created_at, 1, 7) AS month, count(*)
                       FROM reviews r JOIN films f ON f.id = r.film_id
                      WHERE f.deleted_at IS NULL AND r.kind IN ('review', 'note')
                      GROUP BY month ORDER BY month",
                    [],
                )?),
            })
        })
    }
}

fn heatmap_range(query: &StatsQuery) -> Result<(NaiveDate, NaiveDate)> {
    match query.year {
        Some(year) => {
            let first = NaiveDate::from_ymd_opt(year, 1, 1);
            let last = NaiveDate::from_ymd_opt(year, 12, 31);
            first.zip(last).ok_or_else(|| {
                CatalogError::invalid(Field::Year, format!("{year} is not a calendar year"))
            })
        }
        None => {
            let today = time::now().date_naive();
            Ok((today - Duration::days(364), today))
        }
    }
}

fn totals(tx: &Transaction) -> Result<(i64, i64, i64)> {
    Ok(tx.query_row(
        "SELECT
           (SELECT count(*) FROM films WHERE deleted_at IS NULL),
           (SELECT count(*) FROM viewings v JOIN films f ON f.id = v.film_id WHERE f.deleted_at IS NULL),
           (SELECT count(*) FROM reviews r JOIN films f ON f.id = r.film_id WHERE f.deleted_at IS NULL)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?)
}

/// Runs a query whose rows are (key, count).
pub(crate) fn tallies(
    tx: &Transaction,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Tally>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map(params, |row| {
        Ok(Tally {
            key: row.get(0)?,
            count: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Films per decade, with the empty decades between the oldest and the newest filled in so a
/// chart's axis has no holes.
fn films_by_decade(tx: &Transaction) -> Result<Vec<Tally>> {
    let mut stmt = tx.prepare_cached(
        "SELECT year / 10 * 10 AS decade, count(*) FROM films
          WHERE deleted_at IS NULL AND year IS NOT NULL GROUP BY decade ORDER BY decade",
    )?;
    let found = stmt
        .query_map([], |row| Ok((row.get::<_, i32>(0)?, row.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (Some(first), Some(last)) = (found.first(), found.last()) else {
        return Ok(Vec::new());
    };
    Ok((first.0..=last.0)
        .step_by(10)
        .map(|decade| Tally {
            key: format!("{decade}s"),
            count: found
                .iter()
                .find(|(d, _)| *d == decade)
                .map_or(0, |(_, n)| *n),
        })
        .collect())
}

/// The rating distribution, every half step from 0.5 to 5 present.
fn ratings(tx: &Transaction) -> Result<Vec<Tally>> {
    // A film's rating as the library shows it: the view film_rating (schema/search.sql).
    // HAVING rather than WHERE: the rating is then worked out once per film, not twice.
    let mut stmt = tx.prepare_cached(
        "SELECT CAST(fr.rating * 2 AS INTEGER) AS halves, count(*)
           FROM films f JOIN film_rating fr ON fr.film_id = f.id
          WHERE f.deleted_at IS NULL
          GROUP BY halves
         HAVING halves IS NOT NULL",
    )?;
    let found = stmt
        .query_map([], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((1..=10)
        .map(|halves| Tally {
            key: rating_key(halves),
            count: found
                .iter()
                .find(|(h, _)| *h == halves)
                .map_or(0, |(_, n)| *n),
        })
        .collect())
}

fn rating_key(halves: i64) -> String {
    if halves % 2 == 0 {
        (halves / 2).to_string()
    } else {
        format!("{}.5", halves / 2)
    }
}

/// The most months a chart over time is filled out to: two centuries. A catalog restored from a
/// foreign file may hold a stray date (year 1 or 9999); its months are still shown, but the
/// thousands of empty months between it and the rest are not invented.
const MAX_FILLED_MONTHS: i64 = 12 * 200;

/// Adds the months with no count between the first and the last (keys `YYYY-MM`, in order), so
/// a chart over time shows the quiet months as zero instead of skipping them.
fn fill_months(found: Vec<Tally>) -> Vec<Tally> {
    let parse = |key: &str| -> Option<(i64, i64)> {
        let (year, month) = key.split_once('-')?;
        let (year, month) = (year.parse().ok()?, month.parse().ok()?);
        (1..=12).contains(&month).then_some((year, month))
    };
    let months: Option<Vec<(i64, i64)>> = found.iter().map(|t| parse(&t.key)).collect();
    let Some(months) = months else {
        return found;
    };
    let (Some(&first), Some(&last)) = (months.first(), months.last()) else {
        return found;
    };
    let span = (last.0 - first.0) * 12 + (last.1 - first.1);
    if span > MAX_FILLED_MONTHS {
        return found;
    }
    // `found` is in month order: one walk beside the calendar, not a search per month.
    let mut counts = months
        .into_iter()
        .zip(found.iter().map(|t| t.count))
        .peekable();
    let mut filled = Vec::new();
    let (mut year, mut month) = first;
    while (year, month) <= last {
        let mut count = 0;
        while let Some(&(_, n)) = counts.peek().filter(|(at, _)| *at <= (year, month)) {
            count += n;
            counts.next();
        }
        filled.push(Tally {
            key: format!("{year:04}-{month:02}"),
            count,
        });
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    filled
}
