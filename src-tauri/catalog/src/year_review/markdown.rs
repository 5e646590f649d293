//! The year in review as a Markdown page: headings, the big numbers, lists and a month table, in
//! the words the window uses.

use std::fmt::Write;

use crate::stats::Tally;

use super::YearInReview;

impl YearInReview {
    /// A readable Markdown page of the year.
    pub fn to_markdown(&self) -> String {
        let mut page = String::new();
        let mut line = |text: &str| {
            page.push_str(text);
            page.push('\n');
        };
        line(&format!("# {} in review", self.year));
        line("");
        if self.viewing_count == 0 {
            line(&format!("No viewings recorded in {}.", self.year));
            return page;
        }
        line(&format!(
            "- **{}** seen",
            count(self.films_seen, "film", "films")
        ));
        let rewatch = if self.rewatches == 1 {
            "rewatch"
        } else {
            "rewatches"
        };
        line(&format!(
            "- **{}** ({} first time, {} {rewatch})",
            count(self.viewing_count, "viewing", "viewings"),
            self.first_time,
            self.rewatches
        ));
        let hours = self.hours_watched();
        let unit = if hours == 1.0 { "hour" } else { "hours" };
        let mut hours = format!("- **{hours} {unit}** watched");
        if self.unknown_runtime > 0 {
            let _ = write!(
                hours,
                " ({} of unknown runtime)",
                count(self.unknown_runtime, "viewing", "viewings")
            );
        }
        line(&hours);
        if self.longest_streak > 1 {
            line(&format!(
                "- Longest streak: **{} days** in a row",
                self.longest_streak
            ));
        }
        ranked(&mut line, "Top directors", &self.top_directors);
        ranked(&mut line, "Top genres", &self.top_genres);
        if !self.best_rated.is_empty() {
            line("");
            line("## Best rated");
            line("");
            for (i, film) in self.best_rated.iter().enumerate() {
                let year = film.year.map(|y| format!(" ({y})")).unwrap_or_default();
                line(&format!(
                    "{}. {}{} — {}",
                    i + 1,
                    escape(&film.title),
                    year,
                    stars(film.rating)
                ));
            }
        }
        line("");
        line("## Month by month");
        line("");
        line("| Month | Viewings |");
        line("|---|---:|");
        for month in &self.months {
            line(&format!("| {} | {} |", month_name(&month.key), month.count));
        }
        page
    }
}

fn ranked(line: &mut impl FnMut(&str), title: &str, tallies: &[Tally]) {
    if tallies.is_empty() {
        return;
    }
    line("");
    line(&format!("## {title}"));
    line("");
    for (i, tally) in tallies.iter().enumerate() {
        line(&format!(
            "{}. {} — {}",
            i + 1,
            escape(&tally.key),
            count(tally.count, "film", "films")
        ));
    }
}

fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A rating as stars: `★★★½ (3.5)`.
fn stars(rating: f64) -> String {
    let halves = (rating * 2.0).round() as usize;
    let half = if halves % 2 == 1 { "½" } else { "" };
    format!("{}{half} ({rating})", "★".repeat(halves / 2))
}

/// `2026-03` → `March`.
fn month_name(key: &str) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    key.get(5..7)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| NAMES.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or("?")
}

/// A title or name as Markdown text: characters Markdown would read as markup are escaped, and a
/// line break becomes a space.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}
