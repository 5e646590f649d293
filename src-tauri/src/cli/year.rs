//! `cinedex year YEAR [--markdown OUT [--replace]]`: one year's review, as a summary for people,
//! JSON for scripts, or a Markdown page written to a file.

use std::path::PathBuf;

use cinedex_catalog::{Catalog, ExportExisting, Tally, YearInReview};
use clap::Args;

use super::output::Output;

#[derive(Debug, Args)]
pub struct YearArgs {
    /// The calendar year
    pub year: i32,
    /// Write the review as a Markdown page to this new file
    #[arg(long, value_name = "OUT")]
    pub markdown: Option<PathBuf>,
    /// Replace a file already at OUT; without it an existing file is refused
    #[arg(long, requires = "markdown")]
    pub replace: bool,
}

pub fn run(catalog: &Catalog, out: &Output, args: YearArgs) -> anyhow::Result<()> {
    let review = catalog.year_in_review(args.year)?;
    if let Some(path) = &args.markdown {
        let existing = ExportExisting::replacing(args.replace);
        catalog.export_year_in_review_markdown(args.year, path, existing)?;
        return out.show(&review, |r| {
            println!("Saved the review of {} to {}", r.year, path.display())
        });
    }
    out.show(&review, print)
}

fn print(review: &YearInReview) {
    println!("{} in review", review.year);
    if review.viewing_count == 0 {
        println!("No viewings recorded in {}.", review.year);
        return;
    }
    println!(
        "{} film(s) seen, {} viewing(s): {} first time, {} rewatch(es)",
        review.films_seen, review.viewing_count, review.first_time, review.rewatches
    );
    let mut hours = format!("{} hours watched", review.hours_watched());
    if review.unknown_runtime > 0 {
        hours.push_str(&format!(
            " ({} viewing(s) of unknown runtime)",
            review.unknown_runtime
        ));
    }
    println!("{hours}");
    if review.longest_streak > 1 {
        println!("Longest streak: {} days", review.longest_streak);
    }
    ranked("Top directors", &review.top_directors);
    ranked("Top genres", &review.top_genres);
    if !review.best_rated.is_empty() {
        println!("\nBest rated");
        for (i, film) in review.best_rated.iter().enumerate() {
            let year = film.year.map(|y| format!(" ({y})")).unwrap_or_default();
            println!("  {:>2}. {}{year}  {}", i + 1, film.title, film.rating);
        }
    }
    println!("\nMonths");
    for month in &review.months {
        println!(
            "  {}  {:>4}  {}",
            month.key,
            month.count,
            "█".repeat(month.count.clamp(0, 60) as usize)
        );
    }
}

fn ranked(title: &str, tallies: &[Tally]) {
    if tallies.is_empty() {
        return;
    }
    println!("\n{title}");
    for (i, tally) in tallies.iter().enumerate() {
        println!("  {:>2}. {}  {}", i + 1, tally.key, tally.count);
    }
}
