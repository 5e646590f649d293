//! Defensive reading of a service's JSON: a missing field, a wrong type or a huge string gives
//! `None` or a bounded value, never a panic.

use serde_json::Value;

use super::model::bounded;

/// The longest title, name or label kept.
pub(crate) const MAX_NAME: usize = 300;
/// The longest synopsis or description kept.
pub(crate) const MAX_TEXT: usize = 4000;

pub(crate) fn text(value: &Value, max: usize) -> Option<String> {
    value.as_str().and_then(|text| bounded(text, max))
}

pub(crate) fn field<'a>(value: &'a Value, name: &str) -> &'a Value {
    value.get(name).unwrap_or(&Value::Null)
}

pub(crate) fn array(value: &Value) -> &[Value] {
    value.as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// A whole number from a number or a numeric string, within `range`.
pub(crate) fn integer(value: &Value, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
    let number = match value {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f.round() as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }?;
    range.contains(&number).then_some(number)
}

/// The year of an ISO date (`2001-07-20`, `+2001-07-20T00:00:00Z`), if it is a plausible film year.
pub(crate) fn year_of(date: &str) -> Option<i32> {
    let date = date.trim().strip_prefix('+').unwrap_or(date.trim());
    let digits: String = date.chars().take_while(char::is_ascii_digit).collect();
    let year: i32 = digits.parse().ok()?;
    (1870..=2200).contains(&year).then_some(year)
}
