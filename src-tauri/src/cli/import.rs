//! `cinedex import ...`: bringing writing in from files.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use cinedex_catalog::is_web_address;
use cinedex_catalog::{
    Catalog, ColumnMapping, CsvField, ImportOptions, ImportSource, ImportSummary,
};
use clap::{Args, Subcommand};

use super::output::{self, Output};

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Turn a review article (.txt, .md or .html, or a web page) into a catalog entry: the film
    /// and the article
    Article {
        /// The article file, an http(s) address to fetch, or `-` for standard input
        #[arg(value_name = "FILE|URL|-")]
        file: PathBuf,
        /// The catalog film the article is about, instead of the one Cinedex finds
        #[arg(long, value_name = "ID")]
        film: Option<i64>,
        /// Print the proposal as JSON and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// A Letterboxd export ZIP (diary, ratings, reviews, watchlist, lists)
    Letterboxd(SourceArgs),
    /// An IMDb ratings or watchlist CSV
    Imdb(SourceArgs),
    /// Any CSV with a header row; columns are mapped by name (override with --map)
    Csv(CsvArgs),
    /// A Tellico .tc file (video collection)
    Tellico(SourceArgs),
    /// A Cinedex JSON export
    Json(SourceArgs),
}

#[derive(Debug, Args)]
pub struct SourceArgs {
    pub file: PathBuf,
    /// Show what would be imported and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CsvArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Map a column to a field (title, originalTitle, year, directors, themes, rating,
    /// runtimeMinutes, watchStatus, watchedOn, rewatch, review, note, imdbId, ignore); repeatable
    #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = parse_mapping)]
    pub map: Vec<ColumnMapping>,
}

fn parse_mapping(text: &str) -> Result<ColumnMapping, String> {
    let (column, field) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("\"{text}\" is not COLUMN=FIELD"))?;
    let field = CsvField::parse(field.trim())
        .ok_or_else(|| format!("\"{field}\" is not a field (e.g. title, year, directors)"))?;
    Ok(ColumnMapping {
        column: column.trim().to_owned(),
        field,
    })
}

pub fn run(catalog: &Catalog, out: &Output, command: ImportCommand) -> anyhow::Result<()> {
    let (source, args, options) = match command {
        ImportCommand::Letterboxd(a) => (ImportSource::Letterboxd, a, ImportOptions::default()),
        ImportCommand::Imdb(a) => (ImportSource::Imdb, a, ImportOptions::default()),
        ImportCommand::Tellico(a) => (ImportSource::Tellico, a, ImportOptions::default()),
        ImportCommand::Json(a) => (ImportSource::Json, a, ImportOptions::default()),
        ImportCommand::Csv(a) => (
            ImportSource::Csv,
            a.source,
            ImportOptions { columns: a.map },
        ),
        ImportCommand::Article {
            file,
            film,
            dry_run,
        } => return article(catalog, out, file, film, dry_run),
    };
    let preview = catalog.preview_import(source, &args.file, &options)?;
    if args.dry_run {
        out.show(&preview, print_summary)?;
        if preview.error_count > 0 {
            anyhow::bail!(
                "{} error(s); nothing would be imported",
                preview.error_count
            );
        }
        return Ok(());
    }
    if !out.json {
        print_summary(&preview);
    }
    let terminal = std::io::stderr().is_terminal();
    let progress = |done: u64, total: u64| {
        if terminal {
            eprint!("\rimporting {done}/{total}");
            let _ = std::io::stderr().flush();
        }
        true
    };
    let report = catalog.import(source, &args.file, &options, &progress)?;
    if terminal {
        eprintln!();
    }
    out.show(&report, |r| {
        println!(
            "Imported: {} new film(s), {} updated, {} viewing(s), {} review(s).",
            r.new_films, r.updated_films, r.viewings, r.reviews
        )
    })
}

/// The preview (or report) as a person reads it: counts, then skipped rows and errors.
fn print_summary(s: &ImportSummary) {
    println!("Rows read:       {}", s.rows);
    println!("New films:       {}", s.new_films);
    println!(
        "Matched films:   {} ({} gain something)",
        s.matched_films, s.updated_films
    );
    println!("Viewings:        {}", s.viewings);
    println!("Reviews:         {}", s.reviews);
    if s.notes > 0 {
        println!("Timecoded notes: {}", s.notes);
    }
    if s.lists > 0 || s.list_entries > 0 {
        println!(
            "Lists:           {} new, {} film(s) added to lists",
            s.lists, s.list_entries
        );
    }
    if let Some(encoding) = &s.encoding {
        println!("Encoding:        {encoding} (not UTF-8)");
    }
    if !s.columns.is_empty() {
        let mapped: Vec<String> = s
            .columns
            .iter()
            .map(|m| {
                format!(
                    "{}={}",
                    m.column,
                    serde_json::to_value(m.field)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                )
            })
            .collect();
        println!("Columns:         {}", mapped.join(", "));
    }
    println!("Skipped:         {}", s.skipped_count);
    for issue in &s.skipped {
        println!("  {}", issue_line(issue));
    }
    println!("Errors:          {}", s.error_count);
    for issue in &s.errors {
        println!("  {}", issue_line(issue));
    }
}

fn issue_line(issue: &cinedex_catalog::ImportIssue) -> String {
    let mut at = issue.place();
    if let Some(column) = &issue.column {
        at.push_str(&format!(" [{column}]"));
    }
    format!("{at}: {}", issue.message)
}

fn article(
    catalog: &Catalog,
    out: &Output,
    file: PathBuf,
    film: Option<i64>,
    dry_run: bool,
) -> anyhow::Result<()> {
    let address = file.to_str().filter(|a| is_web_address(a));
    // The one client for the page and the fact check; offline, the check is skipped.
    let reference = crate::reference_for(catalog)?;
    let proposal = match address {
        Some(url) => {
            let page = reference.fetch_page(url)?;
            catalog.propose_article_from_page(&page, url, film, Some(&reference))?
        }
        None => {
            let read = cinedex_catalog::read_article_file(&file)?;
            let name = (file.as_os_str() != "-").then_some(read.name.as_str());
            catalog.propose_article_checked(&read.text, name, film, Some(&reference))?
        }
    };
    if dry_run {
        // A dry run is for looking before writing: the proposal in full, always as JSON.
        println!("{}", serde_json::to_string_pretty(&proposal)?);
        return Ok(());
    }
    let detail = catalog.import_article(&proposal)?;
    out.show(&detail, |d| {
        println!(
            "Imported the article into film {}: {}",
            d.film.id,
            output::film_line(&d.film)
        );
        for conflict in &proposal.conflicts {
            let reference = match proposal.checked {
                Some(source) if !conflict.reference.is_empty() => format!(
                    "; {} says {}",
                    source.service_name(),
                    conflict.reference.join(", ")
                ),
                _ => String::new(),
            };
            println!(
                "  {}: the catalog has {}; the article says {}{reference}",
                conflict.field,
                or_nothing(&conflict.catalog),
                or_nothing(&conflict.article)
            );
        }
        if proposal.checked.is_none() {
            println!("  the facts were not checked against Wikidata (offline or unreachable)");
        }
        if !proposal.dropped_themes.is_empty() {
            println!(
                "  not taken as themes: {}",
                proposal.dropped_themes.join(", ")
            );
        }
    })
}

fn or_nothing(values: &[String]) -> String {
    if values.is_empty() {
        "nothing".into()
    } else {
        values.join(", ")
    }
}
