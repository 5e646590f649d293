//! The year in review: one calendar year of viewings summed up (films seen, hours watched,
//! first-time against rewatch, the year's directors and genres, its best-rated films, months and
//! days), for the window's Year in review page and `cinedex year`. Films in the trash are left out.

mod files;
mod markdown;

use crate::field::Field;
use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::stats::{tallies, Tally};
use crate::time;
use crate::validate::{last_film_year, FIRST_FILM_YEAR};

pub use files::{check_png, MAX_PNG_BYTES, MAX_PNG_SIDE};

/// How many directors, genres and best-rated films the page keeps.
const TOP: i64 = 10;

/// A film of the year's best-rated list, with the rating the person gave it that year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct YearFilm {
    #[ts(type = "number")]
    pub film_id: i64,
    pub title: String,
    pub year: Option<i32>,
    /// The latest rating given in the year (a viewing's, else a review's or note's that day).
    pub rating: f64,
}

/// Every figure of one year's review page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct YearInReview {
    pub year: i32,
    /// Distinct films with at least one viewing dated in the year.
    #[ts(type = "number")]
    pub films_seen: i64,
    #[ts(type = "number")]
    pub viewing_count: i64,
    /// Viewings of a film seen for the first time.
    #[ts(type = "number")]
    pub first_time: i64,
    /// Viewings flagged as rewatches, or of a film with an earlier viewing (in any year).
    #[ts(type = "number")]
    pub rewatches: i64,
    /// The runtimes of the films of the year's viewings, summed (a film seen twice counts twice).
    #[ts(type = "number")]
    pub minutes_watched: i64,
    /// Viewings whose film has no runtime, left out of `minutesWatched`.
    #[ts(type = "number")]
    pub unknown_runtime: i64,
    /// Directors of the films seen in the year, by films seen, most first (ties by name).
    pub top_directors: Vec<Tally>,
    /// Genres of the films seen in the year, by films seen, most first (ties by name).
    pub top_genres: Vec<Tally>,
    /// The ten highest ratings given in the year, highest first (ties by title).
    pub best_rated: Vec<YearFilm>,
    /// Keys `2026-01` to `2026-12`: viewings per month, all twelve present.
    pub months: Vec<Tally>,
    /// Keys `2026-03-02`, ...: days of the year with at least one viewing, in order.
    pub days: Vec<Tally>,
    /// The most consecutive days with a viewing within the year.
    #[ts(type = "number")]
    pub longest_streak: i64,
}

impl YearInReview {
    /// Hours watched, rounded to a tenth.
    pub fn hours_watched(&self) -> f64 {
        (self.minutes_watched as f64 / 6.0).round() / 10.0
    }
}

/// `year` checked against the years a catalog knows: 1870 to this year plus ten.
fn year_range(year: i32) -> Result<(NaiveDate, NaiveDate)> {
    let last = last_film_year();
    let bounds = NaiveDate::from_ymd_opt(year, 1, 1).zip(NaiveDate::from_ymd_opt(year, 12, 31));
    match bounds {
        Some(range) if (FIRST_FILM_YEAR..=last).contains(&year) => Ok(range),
        _ => Err(CatalogError::invalid(
            Field::Year,
            format!("Year must be between {FIRST_FILM_YEAR} and {last}; {year} is not."),
        )),
    }
}

impl Catalog {
    /// The review of one calendar year; a year with no viewings is an empty page, not an error.
    pub fn year_in_review(&self, year: i32) -> Result<YearInReview> {
        let (from, to) = year_range(year)?;
        let (from, to) = (time::date_to_text(from), time::date_to_text(to));
        self.read(|tx| {
            let (viewing_count, films_seen, rewatches, minutes, unknown) = totals(tx, &from, &to)?;
            let days = tallies(
                tx,
                "SELECT v.watched_on, count(*)
                   FROM viewings v JOIN films f ON f.id = v.film_id
                  WHERE f.deleted_at IS NULL AND v.watched_on BETWEEN ?1 AND ?2
                  GROUP BY v.watched_on ORDER BY v.watched_on",
                params![from, to],
            )?;
            Ok(YearInReview {
                year,
                films_seen,
                viewing_count,
                first_time: viewing_count - rewatches,
                rewatches,
                minutes_watched: minutes,
                unknown_runtime: unknown,
                top_directors: tallies(
                    tx,
                    "SELECT p.name, count(DISTINCT fp.film_id) AS n
                       FROM film_people fp
                       JOIN people p ON p.id = fp.person_id
                       JOIN films f ON f.id = fp.film_id
                      WHERE fp.role = 'director' AND f.deleted_at IS NULL
                        AND fp.film_id IN (SELECT film_id FROM viewings
                                            WHERE watched_on BETWEEN ?1 AND ?2)
                      GROUP BY p.id ORDER BY n DESC, p.name_key LIMIT ?3",
                    params![from, to, TOP],
                )?,
                top_genres: tallies(
                    tx,
                    "SELECT g.name, count(DISTINCT fg.film_id) AS n
                       FROM film_genres fg
                       JOIN genres g ON g.id = fg.genre_id
                       JOIN films f ON f.id = fg.film_id
                      WHERE f.deleted_at IS NULL
                        AND fg.film_id IN (SELECT film_id FROM viewings
                                            WHERE watched_on BETWEEN ?1 AND ?2)
                      GROUP BY g.id ORDER BY n DESC, g.name_key LIMIT ?3",
                    params![from, to, TOP],
                )?,
                best_rated: best_rated(tx, &from, &to)?,
                months: months(year, &days),
                longest_streak: longest_streak(&days),
                days,
            })
        })
    }
}

/// (viewings, distinct films, rewatches, minutes of known runtime, viewings of unknown runtime).
fn totals(tx: &Transaction, from: &str, to: &str) -> Result<(i64, i64, i64, i64, i64)> {
    // A viewing is a rewatch when flagged, or when its film was seen before: an earlier day, or
    // the same day entered earlier.
    Ok(tx.query_row(
        "SELECT count(*),
                count(DISTINCT v.film_id),
                coalesce(sum(v.rewatch = 1 OR EXISTS (
                    SELECT 1 FROM viewings e
                     WHERE e.film_id = v.film_id
                       AND (e.watched_on < v.watched_on
                            OR (e.watched_on = v.watched_on AND e.id < v.id)))), 0),
                coalesce(sum(f.runtime_minutes), 0),
                coalesce(sum(f.runtime_minutes IS NULL), 0)
           FROM viewings v JOIN films f ON f.id = v.film_id
          WHERE f.deleted_at IS NULL AND v.watched_on BETWEEN ?1 AND ?2",
        params![from, to],
        |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
            ))
        },
    )?)
}

/// The films rated in the year, each with the latest rating given in it. The order of "latest"
/// is the one of the view `film_rating` (schema/search.sql): by day, a review's or note's before
/// a viewing's of the same day, articles by others never counted; only the days are kept to the
/// year, so a rating given in another year does not make this year's list.
fn best_rated(tx: &Transaction, from: &str, to: &str) -> Result<Vec<YearFilm>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, title, year, rating FROM (
           SELECT f.id, f.title, f.title_key, f.year,
                  (SELECT rating FROM (
                       SELECT v.rating, v.watched_on AS day, 0 AS weight FROM viewings v
                        WHERE v.film_id = f.id AND v.rating IS NOT NULL
                          AND v.watched_on BETWEEN ?1 AND ?2
                       UNION ALL
                       SELECT r.rating, substr(r.created_at, 1, 10), 1 FROM reviews r
                        WHERE r.film_id = f.id AND r.rating IS NOT NULL AND r.kind <> 'article'
                          AND substr(r.created_at, 1, 10) BETWEEN ?1 AND ?2)
                    ORDER BY day DESC, weight DESC LIMIT 1) AS rating
             FROM films f
            WHERE f.deleted_at IS NULL
              AND f.id IN (SELECT film_id FROM viewings WHERE watched_on BETWEEN ?1 AND ?2
                           UNION
                           SELECT film_id FROM reviews
                            WHERE substr(created_at, 1, 10) BETWEEN ?1 AND ?2))
          WHERE rating IS NOT NULL
          ORDER BY rating DESC, title_key, id LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![from, to, TOP], |row| {
        Ok(YearFilm {
            film_id: row.get(0)?,
            title: row.get(1)?,
            year: row.get(2)?,
            rating: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The twelve months of `year` with the viewings of `days` summed into them.
fn months(year: i32, days: &[Tally]) -> Vec<Tally> {
    (1..=12)
        .map(|month| {
            let key = format!("{year:04}-{month:02}");
            let count = days
                .iter()
                .filter(|d| d.key.starts_with(&key))
                .map(|d| d.count)
                .sum();
            Tally { key, count }
        })
        .collect()
}

/// The longest run of consecutive days in `days` (in order, each a `YYYY-MM-DD` key).
fn longest_streak(days: &[Tally]) -> i64 {
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for day in days {
        let Ok(date) = NaiveDate::parse_from_str(&day.key, "%Y-%m-%d") else {
            previous = None;
            run = 0;
            continue;
        };
        run = match previous {
            Some(p) if p.succ_opt() == Some(date) => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(date);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(key: &str) -> Tally {
        Tally {
            key: key.into(),
            count: 1,
        }
    }

    #[test]
    fn a_streak_runs_across_a_month_end_and_stops_at_a_gap() {
        let days = [
            day("2026-01-30"),
            day("2026-01-31"),
            day("2026-02-01"),
            day("2026-02-03"),
        ];
        assert_eq!(longest_streak(&days), 3);
        assert_eq!(longest_streak(&[]), 0);
    }

    #[test]
    fn every_month_of_the_year_is_present() {
        let months = months(2026, &[day("2026-03-02"), day("2026-03-09")]);
        assert_eq!(months.len(), 12);
        assert_eq!(months[2].count, 2);
        assert_eq!(months[0].key, "2026-01");
    }
}
