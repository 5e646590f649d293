//! Reading the values of import rows (years, ratings, dates, yes/no, name lists), each failure a
//! sentence saying what was expected.

pub fn year(text: &str) -> Result<Option<i32>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i32>()
        .map(Some)
        .map_err(|_| format!("\"{text}\" is not a year"))
}

/// A rating on the 0.5–5 scale; `out_of_ten` halves it first (IMDb's 1–10).
pub fn rating(text: &str, out_of_ten: bool) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    // "4,5": the decimal comma of the locales whose spreadsheets separate fields with semicolons.
    let decimal_comma = text.matches(',').count() == 1 && !text.contains('.');
    let number = if decimal_comma {
        text.replace(',', ".")
    } else {
        text.to_owned()
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("\"{text}\" is not a rating (a number)"))?;
    let value = if out_of_ten { value / 2.0 } else { value };
    crate::validate::rating(Some(value)).map_err(|e| e.to_string())
}

pub fn positive(text: &str) -> Result<Option<i64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        // The same bound the JSON import and the film form keep to.
        Ok(n) if n > 0 && n <= crate::validate::MAX_RUNTIME_MINUTES => Ok(Some(n)),
        _ => Err(format!("\"{text}\" is not a number of minutes")),
    }
}

pub fn yes(text: &str) -> bool {
    matches!(
        text.to_lowercase().as_str(),
        "yes" | "y" | "true" | "1" | "x"
    )
}

/// Names in one cell: split on `;` or `|` when present (so "Kurosawa, Akira" survives), else `,`.
pub fn names(text: &str) -> Vec<String> {
    let separators: &[char] = if text.contains([';', '|']) {
        &[';', '|']
    } else {
        &[',']
    };
    text.split(separators)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}
