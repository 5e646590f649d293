//! `make bench`: completing `CINEDEX_BENCH_FILMS` (default 2,000) films against a local Wikidata
//! stand-in with `CINEDEX_BENCH_LATENCY_MS` (default 100) added to every answer. The baseline,
//! measured in the same run, is the floor the politeness limit sets: the requests made, divided by
//! the requests allowed at once per service, times one round trip of the same server. A run that
//! keeps every allowed request in flight reaches 1.0 of that floor. A second run over the same
//! films, with the cache the first one filled, shows what a resumed or repeated run costs.

#[path = "../tests/reference_support/mod.rs"]
mod reference_support;

use std::time::{Duration, Instant};

use cinedex_catalog::{Catalog, FilmFacts, FilmInput};
use cinedex_catalog::{CompletionOptions, CompletionTargets};
use cinedex_catalog::{ExternalId, HttpClient, HttpSettings, Reference, ReferenceSource};
use reference_support::library::WikidataLibrary;
use reference_support::{options, Asked, Reply, TestServer};

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let latency = Duration::from_millis(env_number("CINEDEX_BENCH_LATENCY_MS", 100));
    let count = env_number("CINEDEX_BENCH_FILMS", 2000) as usize;
    let library = WikidataLibrary::generated(count);
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("catalog.sqlite");
    let catalog = Catalog::open(&path).expect("a catalog");
    for film in library.catalog_films() {
        let external_ids = if film.catalog_has_imdb {
            vec![ExternalId::new("imdb", film.imdb.clone())]
        } else {
            Vec::new()
        };
        catalog
            .add_film(&FilmInput {
                title: film.catalog_title.clone(),
                year: film.catalog_year,
                facts: Some(FilmFacts {
                    external_ids,
                    ..FilmFacts::default()
                }),
                ..FilmInput::default()
            })
            .expect("a film");
    }
    let server = TestServer::start(move |asked: &Asked| {
        std::thread::sleep(latency);
        if asked.path == "/ping" {
            Reply::Text(200, "ok".into())
        } else {
            Reply::Json(library.answer(&asked.params))
        }
    });
    let round_trip = {
        let client = HttpClient::new(HttpSettings::default());
        let url = url::Url::parse(&format!("{}/ping", server.url)).expect("a URL");
        let mut times: Vec<Duration> = (0..9)
            .map(|_| {
                let start = Instant::now();
                client.get("bench", &url, None).expect("the ping");
                start.elapsed()
            })
            .collect();
        times.sort();
        times[4]
    };
    let mut settings = options(&server.url).with_cache_beside(path.to_str().expect("UTF-8"));
    settings.http.total_timeout = Duration::from_secs(30);
    let in_flight = settings.http.max_in_flight_per_host;
    let reference = Reference::new(settings).expect("a reference");
    let run = CompletionOptions {
        source: Some(ReferenceSource::Wikidata),
        ..CompletionOptions::default()
    };

    println!();
    println!(
        "Completing {count} films from Wikidata, {} ms added to every answer (one round trip \
         measured: {:.1} ms), {} films at once, at most {in_flight} requests at once",
        latency.as_millis(),
        round_trip.as_secs_f64() * 1000.0,
        run.concurrency
    );
    println!();
    println!(
        "| run | films | filled | requests | requests per film | seconds | films/s | floor s | floor ÷ time | target |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let ids: Vec<i64> = catalog
        .completion_films(
            &CompletionTargets::Missing,
            ReferenceSource::Wikidata,
            false,
        )
        .expect("the films");
    for (name, targets) in [
        ("cold (no cache)", CompletionTargets::Missing),
        (
            "again, from the cache",
            CompletionTargets::Films(ids.clone()),
        ),
    ] {
        server.reset();
        let start = Instant::now();
        let report = catalog
            .complete(&reference, &targets, &run, &|_, _| true)
            .expect("the run");
        let elapsed = start.elapsed().as_secs_f64();
        let requests = server.requests();
        let floor = requests as f64 / in_flight as f64 * round_trip.as_secs_f64();
        let ratio = if requests == 0 { 1.0 } else { floor / elapsed };
        let done = report.films.len();
        println!(
            "| {name} | {done} | {} | {requests} | {:.2} | {elapsed:.1} | {:.1} | {floor:.1} | {ratio:.2} | {} |",
            report.totals.applied + report.totals.unchanged,
            requests as f64 / done.max(1) as f64,
            done as f64 / elapsed,
            if requests == 0 { "no request" } else if ratio >= 0.8 { "≥ 0.8: met" } else { "≥ 0.8: NOT met" }
        );
    }
    println!();
}
