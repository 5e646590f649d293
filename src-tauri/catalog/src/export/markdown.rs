//! One Markdown file per film: YAML front matter (title, year, directors, themes, rating, ...)
//! and then its reviews, viewings and timecoded notes.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use super::csv_out::{directors, external};
use super::document::{Document, FilmDoc};

pub fn write(dir: &Path, document: &Document) -> std::io::Result<u64> {
    let mut used = HashSet::new();
    let mut count = 0;
    for film in document.films.iter().filter(|f| f.deleted_at.is_none()) {
        let base = file_stem(film);
        let mut name = format!("{base}.md");
        let mut n = 2;
        while !used.insert(name.clone()) {
            name = format!("{base}-{n}.md");
            n += 1;
        }
        std::fs::write(dir.join(&name), render(film))?;
        count += 1;
    }
    Ok(count)
}

/// `title-year`, lower case, letters and digits only (any script), dashes between words.
fn file_stem(film: &FilmDoc) -> String {
    let mut stem = String::new();
    for ch in film.title.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            stem.push(ch);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let mut stem: String = stem.trim_end_matches('-').chars().take(80).collect();
    if stem.is_empty() {
        stem.push_str("film");
    }
    if let Some(year) = film.year {
        stem.push_str(&format!("-{year}"));
    }
    stem
}

/// A YAML scalar: JSON strings are valid YAML, and escape whatever needs escaping.
fn yaml(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn yaml_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| yaml(i)).collect();
    format!("[{}]", quoted.join(", "))
}

pub fn render(film: &FilmDoc) -> String {
    let mut md = String::from("---\n");
    let _ = writeln!(md, "title: {}", yaml(&film.title));
    if let Some(original) = &film.original_title {
        let _ = writeln!(md, "original_title: {}", yaml(original));
    }
    if let Some(year) = film.year {
        let _ = writeln!(md, "year: {year}");
    }
    let _ = writeln!(md, "directors: {}", yaml_list(&directors(film)));
    let _ = writeln!(md, "themes: {}", yaml_list(&film.themes));
    for (key, role) in [
        ("writers", "writer"),
        ("cast", "actor"),
        ("composers", "composer"),
        ("cinematographers", "cinematographer"),
    ] {
        let names: Vec<String> = film
            .credits
            .iter()
            .filter(|c| c.role == role)
            .map(|c| c.name.clone())
            .collect();
        if !names.is_empty() {
            let _ = writeln!(md, "{key}: {}", yaml_list(&names));
        }
    }
    if !film.genres.is_empty() {
        let _ = writeln!(md, "genres: {}", yaml_list(&film.genres));
    }
    if !film.countries.is_empty() {
        let _ = writeln!(md, "countries: {}", yaml_list(&film.countries));
    }
    if let Some(language) = &film.original_language {
        let _ = writeln!(md, "original_language: {}", yaml(language));
    }
    if let Some(rating) = film.rating {
        let _ = writeln!(md, "rating: {rating}");
    }
    if let Some(runtime) = film.runtime_minutes {
        let _ = writeln!(md, "runtime_minutes: {runtime}");
    }
    let _ = writeln!(md, "status: {}", film.watch_status.as_str());
    if let Some(imdb) = external(film, "imdb") {
        let _ = writeln!(md, "imdb: {}", yaml(imdb));
    }
    let _ = writeln!(md, "created_at: {}", yaml(&film.created_at));
    md.push_str("---\n\n");
    let _ = writeln!(
        md,
        "# {}{}\n",
        film.title,
        film.year.map(|y| format!(" ({y})")).unwrap_or_default()
    );
    if let Some(synopsis) = &film.synopsis {
        let _ = writeln!(md, "{}\n", synopsis.trim());
    }
    if !film.viewings.is_empty() {
        md.push_str("## Viewings\n\n");
        for v in &film.viewings {
            let _ = write!(md, "- {}", v.watched_on);
            if v.rewatch {
                md.push_str(" (rewatch)");
            }
            if let Some(r) = v.rating {
                let _ = write!(md, " ★ {r}");
            }
            for text in [&v.place, &v.note].into_iter().flatten() {
                let _ = write!(md, " — {text}");
            }
            md.push('\n');
        }
        md.push('\n');
    }
    for review in &film.reviews {
        let heading = review.title.clone().unwrap_or_else(|| match review.kind {
            crate::ReviewKind::Note => "Note".to_owned(),
            crate::ReviewKind::Review => "Review".to_owned(),
            crate::ReviewKind::Article => "Article".to_owned(),
        });
        let _ = writeln!(md, "## {heading}\n");
        let byline: Vec<String> = [
            review.author.clone(),
            review.source.clone(),
            review.published_on.clone(),
            review.rating.map(|r| format!("★ {r}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !byline.is_empty() {
            let _ = writeln!(md, "*{}*\n", byline.join(", "));
        }
        let _ = writeln!(md, "{}\n", review.body.trim());
        if !review.highlights.is_empty() {
            md.push_str("### Highlights\n\n");
        }
        for h in &review.highlights {
            // A blank line between quotes, or Markdown would join them into one block.
            let _ = writeln!(md, "> {}\n", h.quote);
            if let Some(note) = &h.note {
                let _ = writeln!(md, "{}\n", note.trim());
            }
        }
    }
    if !film.annotations.is_empty() {
        md.push_str("## Moments\n\n");
        for a in &film.annotations {
            let _ = writeln!(md, "- {} — {}", a.at, a.body);
        }
    }
    md
}
