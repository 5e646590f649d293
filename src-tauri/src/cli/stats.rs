//! `cinedex stats`: the Statistics view's numbers, as tables for people or JSON for scripts.

use cinedex_catalog::{Catalog, Stats, StatsQuery, Tally};
use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

use super::output::Output;

/// The widest bar drawn beside a count, in characters.
const BAR_WIDTH: i64 = 30;

pub fn run(catalog: &Catalog, out: &Output, year: Option<i32>) -> anyhow::Result<()> {
    let stats = catalog.stats(&StatsQuery { year })?;
    out.show(&stats, print)
}

fn print(stats: &Stats) {
    println!(
        "{} films, {} viewings, {} reviews and notes",
        stats.film_count, stats.viewing_count, stats.review_count
    );
    section("Films by decade", "DECADE", &stats.films_by_decade);
    section("Films by year", "YEAR", &stats.films_by_year);
    section("Viewings by month", "MONTH", &stats.viewings_by_month);
    let days = stats.viewings_by_day.len();
    let viewings: i64 = stats.viewings_by_day.iter().map(|t| t.count).sum();
    println!(
        "\nViewings from {} to {}: {viewings} on {days} day(s)",
        stats.heatmap_from, stats.heatmap_to
    );
    section("Top directors", "DIRECTOR", &stats.top_directors);
    section("Top themes", "THEME", &stats.top_themes);
    section("Ratings (each film's latest)", "RATING", &stats.ratings);
    section("Reviews written by month", "MONTH", &stats.reviews_by_month);
}

fn section(title: &str, column: &str, tallies: &[Tally]) {
    println!("\n{title}");
    if tallies.is_empty() {
        println!("  none yet");
        return;
    }
    let most = tallies.iter().map(|t| t.count).max().unwrap_or(0).max(1);
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header([column, "COUNT", ""]);
    for tally in tallies {
        // Round up so that any non-zero count shows at least one block.
        let width = (tally.count * BAR_WIDTH + most - 1) / most;
        table.add_row([
            tally.key.clone(),
            tally.count.to_string(),
            "█".repeat(width as usize),
        ]);
    }
    if let Some(count) = table.column_mut(1) {
        count.set_cell_alignment(CellAlignment::Right);
    }
    println!("{table}");
}
