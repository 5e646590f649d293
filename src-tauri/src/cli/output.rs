//! How the command line prints: JSON in the app's camelCase shapes, or tables and text for people.

use cinedex_catalog::{
    Annotation, CatalogInfo, CreditRole, Film, FilmDetail, FilmFacts, Review, Viewing,
};
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
        .set_header([
            "ID",
            "TITLE",
            "YEAR",
            "DIRECTORS",
            "THEMES",
            "REVIEWS",
            "RATING",
        ]);
    for film in films {
        table.add_row([
            film.id.to_string(),
            film.title.clone(),
            film.year.map(|y| y.to_string()).unwrap_or_default(),
            film.directors.join(", "),
            film.themes.join(", "),
            film.review_count.to_string(),
            film.rating.map(|r| r.to_string()).unwrap_or_default(),
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
    facts_lines(&detail.facts);
    if !film.themes.is_empty() {
        println!("  Themes:         {}", film.themes.join(", "));
    }
    if film.watch_status != cinedex_catalog::WatchStatus::None {
        println!("  Status:         {}", film.watch_status.as_str());
    }
    if let Some(last) = film.last_watched_on {
        println!(
            "  Watched:        {} time(s), last on {last}",
            film.viewing_count
        );
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
    if !detail.viewings.is_empty() {
        println!();
        viewings_table(&detail.viewings);
    }
    if !detail.annotations.is_empty() {
        println!();
        print_notes(&detail.annotations);
    }
}

/// The film's facts beside its directors, one line each, as `show` prints them.
fn facts_lines(facts: &FilmFacts) {
    let roles = [
        (CreditRole::Writer, "Written by:   "),
        (CreditRole::Actor, "Cast:         "),
        (CreditRole::Composer, "Music:        "),
        (CreditRole::Cinematographer, "Photography:  "),
        (CreditRole::Producer, "Produced by:  "),
        (CreditRole::Editor, "Edited by:    "),
    ];
    for (role, label) in roles {
        let people: Vec<String> = facts
            .credits
            .iter()
            .filter(|c| c.role == role)
            .map(|c| match &c.character {
                Some(character) => format!("{} ({character})", c.name),
                None => c.name.clone(),
            })
            .collect();
        if !people.is_empty() {
            println!("  {label}  {}", people.join(", "));
        }
    }
    if let Some(minutes) = facts.runtime_minutes {
        println!("  Runtime:        {minutes} min");
    }
    for (label, values) in [
        ("Genres:        ", &facts.genres),
        ("Countries:     ", &facts.countries),
    ] {
        if !values.is_empty() {
            println!("  {label} {}", values.join(", "));
        }
    }
    if let Some(language) = &facts.original_language {
        println!("  Language:       {language}");
    }
    if !facts.external_ids.is_empty() {
        let ids: Vec<String> = facts
            .external_ids
            .iter()
            .map(|id| format!("{}:{}", id.source, id.value))
            .collect();
        println!("  Ids:            {}", ids.join(", "));
    }
    if let Some(synopsis) = &facts.synopsis {
        println!("  Synopsis:       {synopsis}");
    }
}

pub fn viewing_line(viewing: &Viewing) -> String {
    let mut line = format!("#{} {}", viewing.id, viewing.watched_on);
    if viewing.rewatch {
        line.push_str(" (rewatch)");
    }
    if let Some(rating) = viewing.rating {
        line.push_str(&format!(" ★ {rating}"));
    }
    for text in [&viewing.place, &viewing.note].into_iter().flatten() {
        line.push_str(&format!(" — {text}"));
    }
    line
}

pub fn viewings_table(viewings: &[Viewing]) {
    if viewings.is_empty() {
        println!("No viewings.");
    }
    for viewing in viewings {
        println!("{}", viewing_line(viewing));
    }
}

pub fn review_text(review: &Review) {
    let mut heading = format!("[{}] #{}", review.kind.as_str(), review.id);
    if let Some(rating) = review.rating {
        heading.push_str(&format!(" ★ {rating}"));
    }
    if review.spoiler {
        heading.push_str(" (spoilers)");
    }
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

/// A film's timecoded notes, one per line, in film order.
pub fn print_notes(notes: &[Annotation]) {
    if notes.is_empty() {
        println!("No timecoded notes.");
    }
    for note in notes {
        println!("{:>8} — {} (#{})", note.at, note.body, note.id);
    }
}
