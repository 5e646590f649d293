//! How instants and dates are written to and read from the catalog: ISO-8601 UTC text that sorts
//! in time order.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::{FromSqlError, ValueRef};
use rusqlite::Row;

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

pub fn to_text(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub fn date_to_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub fn instant_at(row: &Row, index: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = row.get(index)?;
    parse_instant(&text, index)
}

pub fn optional_instant_at(row: &Row, index: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    let text: Option<String> = row.get(index)?;
    text.map(|t| parse_instant(&t, index)).transpose()
}

pub fn optional_date_at(row: &Row, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get_ref(index)? {
        ValueRef::Null => Ok(None),
        value => {
            let text = value.as_str()?;
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map(Some)
                .map_err(|e| conversion_error(index, e))
        }
    }
}

fn parse_instant(text: &str, index: usize) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| conversion_error(index, e))
}

fn conversion_error(
    index: usize,
    error: impl std::error::Error + Send + Sync + 'static,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        index,
        rusqlite::types::Type::Text,
        Box::new(FromSqlError::Other(Box::new(error))),
    )
}
