//! How the command line prints: JSON in the app's camelCase shapes, or tables and text for people.

use cinedex_catalog::{CatalogInfo, Film, FilmDetail, Review};
use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;

pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints `value` as JSON when asked, or else runs `human` to print it for a person.
    pub fn show<T: Serialize>(&self, value: &T, human: impl FnOnce(&T)) -> anyhow::Result<()> {
        if self.json {
            println!("{}", serde_json::to_string_pretty(value)?);
        } else {
            human(value);
        }
        Ok(())
    }
}

pub fn film_line(film: &Film) -> String {
    match film.year {
        Some(year) => format!("{} ({year})", film.title),
        None => film.title.clone(),
    }
}

pub fn film_table(films: &[Film]) {
    if films.is_empty() {
        println!("No films.");
        return;
    }
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(["ID", "TITLE", "YEAR", "DIRECTORS", "THEMES", "REVIEWS"]);
    for film in films {
        table.add_row([
            film.id.to_string(),
            film.title.clone(),
            film.year.map(|y| y.to_string()).unwrap_or_default(),
            film.directors.join(", "),
            film.themes.join(", "),
            film.review_count.to_string(),
        ]);
    }
    println!("{table}");
}

pub fn film_detail(detail: &FilmDetail) {
    let film = &detail.film;
    println!("{}", film_line(film));
    if let Some(original) = &film.original_title {
        println!("  Original title: {original}");
    }
    if !film.directors.is_empty() {
        println!("  Directed by:    {}", film.directors.join(", "));
    }
    if !film.themes.is_empty() {
        println!("  Themes:         {}", film.themes.join(", "));
    }
    println!("  Id:             {}", film.id);
    println!(
        "  Added:          {}",
        film.created_at.format("%Y-%m-%d %H:%M UTC")
    );
    if let Some(deleted) = film.deleted_at {
        println!(
            "  In the trash since {}",
            deleted.format("%Y-%m-%d %H:%M UTC")
        );
    }
    for review in &detail.reviews {
        println!();
        review_text(review);
    }
}

pub fn review_text(review: &Review) {
    let mut heading = format!("[{}] #{}", review.kind.as_str(), review.id);
    if let Some(title) = &review.title {
        heading.push_str(&format!(" {title}"));
    }
    let byline: Vec<String> = [
        review.author.clone(),
        review.source.clone(),
        review.published_on.map(|d| d.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !byline.is_empty() {
        heading.push_str(&format!(" — {}", byline.join(", ")));
    }
    println!("{heading}");
    if let Some(url) = &review.url {
        println!("{url}");
    }
    for line in review.body.lines() {
        println!("  {line}");
    }
}

pub fn reviews_table(reviews: &[Review]) {
    if reviews.is_empty() {
        println!("No reviews.");
    }
    for (index, review) in reviews.iter().enumerate() {
        if index > 0 {
            println!();
        }
        review_text(review);
    }
}

pub fn info(info: &CatalogInfo) {
    println!("Catalog:        {}", info.path);
    println!("Films:          {}", info.film_count);
    println!("In the trash:   {}", info.trash_count);
    println!("Schema version: {}", info.schema_version);
}
