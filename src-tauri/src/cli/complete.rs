//! `cinedex complete`: fills the films missing something (or the films named) from Wikidata or
//! TMDB, shows the review queue (`--queue`), and takes the person's answers to it (`--pick`,
//! `--skip`).

use std::io::{IsTerminal, Write};

use anyhow::bail;
use cinedex_catalog::ExternalId;
use cinedex_catalog::{Catalog, ReferenceSource};
use cinedex_catalog::{
    CompletionOptions, CompletionQueue, CompletionReport, CompletionStatus, CompletionTargets,
    FilmCompletion, QueuedFilm,
};
use clap::Args;
use comfy_table::{presets, ContentArrangement, Table};

use super::output::Output;
use super::spelled::spelled;

#[derive(Debug, Args)]
pub struct CompleteArgs {
    /// The films to complete [default: every film missing directors, a reference id or (with
    /// TMDB) a poster, that no earlier run has decided on]
    #[arg(conflicts_with_all = ["missing", "queue", "pick", "skip"])]
    pub ids: Vec<i64>,
    /// Complete the films missing something (the default)
    #[arg(long)]
    pub missing: bool,
    /// Which reference to ask [default: TMDB when your key is set up, else Wikidata]
    #[arg(long, value_parser = spelled::<ReferenceSource>())]
    pub source: Option<ReferenceSource>,
    /// Decide and report, change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Show the films waiting for review, with their candidates, and those left unmatched
    #[arg(long, conflicts_with_all = ["missing", "pick", "skip", "dry_run"])]
    pub queue: bool,
    /// Complete FILM_ID from the candidate you pick (SOURCE:ID, e.g. wikidata:Q193573)
    #[arg(long, num_args = 2, value_names = ["FILM_ID", "SOURCE:ID"], conflicts_with_all = ["missing", "skip", "dry_run"])]
    pub pick: Vec<String>,
    /// Take FILM_ID out of the review queue without changing it
    #[arg(long, value_name = "FILM_ID", conflicts_with_all = ["missing", "dry_run"])]
    pub skip: Option<i64>,
}

pub fn run(catalog: &Catalog, out: &Output, args: CompleteArgs) -> anyhow::Result<()> {
    if args.queue {
        return out.show(&catalog.completion_queue()?, print_queue);
    }
    if let Some(film_id) = args.skip {
        catalog.skip_completion(film_id)?;
        return out.show(
            &serde_json::json!({ "filmId": film_id, "skipped": true }),
            |_| println!("Film {film_id} is out of the review queue."),
        );
    }
    let reference = crate::reference_for(catalog)?;
    if let [film_id, pick] = args.pick.as_slice() {
        let film_id: i64 = film_id
            .parse()
            .map_err(|_| anyhow::anyhow!("--pick: {film_id:?} is not a film id"))?;
        let Some(id) = ExternalId::parse(pick) else {
            bail!("--pick: {pick:?} is not a reference id (wikidata:Q…, tmdb:ID or imdb:tt…)");
        };
        let outcome = catalog.pick_completion(&reference, film_id, &id)?;
        return out.show(&outcome, |o| print_films(std::slice::from_ref(o)));
    }
    let targets = if args.ids.is_empty() {
        CompletionTargets::Missing
    } else {
        CompletionTargets::Films(args.ids)
    };
    let options = CompletionOptions {
        source: args.source,
        dry_run: args.dry_run,
        ..CompletionOptions::default()
    };
    let terminal = std::io::stderr().is_terminal();
    let progress = |state: &cinedex_catalog::CompletionProgress, _: &FilmCompletion| {
        if terminal {
            eprint!(
                "\rcompleting {}/{} ({} filled, {} to review)",
                state.done, state.total, state.totals.applied, state.totals.review
            );
            let _ = std::io::stderr().flush();
        }
        true
    };
    let report = catalog.complete(&reference, &targets, &options, &progress)?;
    if terminal && report.totals.films > 0 {
        eprintln!();
    }
    out.show(&report, print_report)?;
    if let Some(why) = &report.stopped {
        bail!(
            "{why}; {} film(s) were not reached: run `cinedex complete` again to go on",
            report.totals.remaining
        );
    }
    Ok(())
}

fn print_report(report: &CompletionReport) {
    if report.films.is_empty() {
        println!(
            "Nothing to complete: every film has its directors and ids, or was decided on by an \
             earlier run (see `cinedex complete --queue`)."
        );
        return;
    }
    print_films(&report.films);
    let t = &report.totals;
    println!(
        "{}{} filled, {} to review, {} unmatched, {} unchanged (from {}).",
        if report.dry_run {
            "Dry run, nothing changed: "
        } else {
            ""
        },
        t.applied,
        t.review,
        t.unmatched,
        t.unchanged,
        report.source.service_name()
    );
    if t.review > 0 && !report.dry_run {
        println!("See the films to review with `cinedex complete --queue`.");
    }
}

fn print_films(films: &[FilmCompletion]) {
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["ID", "FILM", "STATUS", "MATCH", "FILLED"]);
    for film in films {
        let matched = film
            .matched
            .as_ref()
            .map(|m| {
                let year = m.year.map(|y| format!(" ({y})")).unwrap_or_default();
                format!(
                    "{}:{} {}{year} · {:.2}",
                    m.source.as_str(),
                    m.id,
                    m.title,
                    m.score
                )
            })
            .unwrap_or_default();
        let status = match (&film.status, &film.problem) {
            (CompletionStatus::Unmatched, Some(problem)) => format!("unmatched: {problem}"),
            (status, _) => status.as_str().to_owned(),
        };
        table.add_row([
            film.film_id.to_string(),
            title_year(&film.title, film.year),
            status,
            matched,
            film.filled.join(", "),
        ]);
    }
    println!("{table}");
}

fn print_queue(queue: &CompletionQueue) {
    if queue.review.is_empty() && queue.unmatched.is_empty() {
        println!("No film is waiting for review.");
        return;
    }
    for queued in &queue.review {
        print_queued(queued);
    }
    if !queue.unmatched.is_empty() {
        println!("Unmatched (no candidate came close):");
        for queued in &queue.unmatched {
            println!(
                "  {}  {}",
                queued.film.id,
                title_year(&queued.film.title, queued.film.year)
            );
        }
    }
}

fn print_queued(queued: &QueuedFilm) {
    println!(
        "{}  {} — pick one with `cinedex complete --pick {} SOURCE:ID`:",
        queued.film.id,
        title_year(&queued.film.title, queued.film.year),
        queued.film.id
    );
    for candidate in &queued.candidates {
        let film = &candidate.film;
        println!(
            "    {}:{}  {}  {}  · {:.2}",
            film.source.as_str(),
            film.id,
            title_year(&film.title, film.year),
            film.description.as_deref().unwrap_or(""),
            candidate.score
        );
    }
}

fn title_year(title: &str, year: Option<i32>) -> String {
    match year {
        Some(year) => format!("{title} ({year})"),
        None => title.to_owned(),
    }
}
