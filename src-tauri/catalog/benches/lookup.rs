//! `make bench`: looking a title up, against the recorded Wikidata and TMDB answers served on
//! 127.0.0.1 with `CINEDEX_BENCH_LATENCY_MS` (default 100) added to every answer. Each row is
//! set beside a baseline measured in the same run:
//! - a cold lookup (no cache) beside one round trip of the same server (the floor: one request);
//! - a lookup answered from the cache beside reading its cached answers straight from SQLite
//!   (the floor: the reads alone), p50 and p95 over `CINEDEX_BENCH_LOOKUPS` (default 200);
//! - the requests each lookup makes, per candidate it returns.

#[path = "../tests/reference_support/mod.rs"]
mod reference_support;

use std::time::{Duration, Instant};

use cinedex_catalog::{HttpClient, HttpSettings, Reference, ReferenceSource};
use reference_support::{options, tmdb, wikidata, Asked, Reply, TestServer};

const LIMIT: usize = 8;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let latency = Duration::from_millis(env_number("CINEDEX_BENCH_LATENCY_MS", 100));
    let lookups = env_number("CINEDEX_BENCH_LOOKUPS", 200) as usize;
    let server = TestServer::start(move |asked: &Asked| {
        std::thread::sleep(latency);
        match asked.path.as_str() {
            "/ping" => Reply::Text(200, "ok".into()),
            "/w/api.php" => wikidata(asked),
            _ => tmdb(asked),
        }
    });
    let round_trip = median(
        (0..9)
            .map(|_| {
                let client = HttpClient::new(HttpSettings::default());
                let url = url::Url::parse(&format!("{}/ping", server.url)).expect("a URL");
                time(|| client.get("bench", &url, None).expect("the ping")).0
            })
            .collect(),
    );

    println!();
    println!(
        "Lookup of \"Solaris\" (limit {LIMIT}), {} ms added to every answer; one round trip \
         measured: {:.1} ms",
        latency.as_millis(),
        ms(round_trip)
    );
    println!();
    println!(
        "| source | cold lookup ms | × one round trip | requests | candidates | requests per film |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for source in [ReferenceSource::Wikidata, ReferenceSource::Tmdb] {
        let mut times = Vec::new();
        let (mut requests, mut candidates) = (0, 0);
        for _ in 0..5 {
            // A new client each time: TMDB's image base is asked once per client, as in the app.
            let reference = Reference::new(options(&server.url)).expect("a reference");
            server.reset();
            let (elapsed, found) = time(|| {
                reference
                    .lookup(None, "Solaris", None, source, LIMIT)
                    .expect("a lookup")
            });
            times.push(elapsed);
            requests = server.requests();
            candidates = found.candidates.len();
        }
        let cold = median(times);
        println!(
            "| {} | {:.1} | {:.2} | {requests} | {candidates} | {:.2} |",
            source.service_name(),
            ms(cold),
            cold.as_secs_f64() / round_trip.as_secs_f64(),
            requests as f64 / candidates.max(1) as f64
        );
    }

    // What the Add film dialog shows first: Wikidata's search hits alone (one request), and on
    // TMDB its search once the image configuration is cached (the app keeps it for days).
    println!();
    println!(
        "| source | first candidates ms | × one round trip | requests | candidates | target |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for source in [ReferenceSource::Wikidata, ReferenceSource::Tmdb] {
        let mut times = Vec::new();
        let (mut requests, mut candidates) = (0, 0);
        for _ in 0..5 {
            let warm_dir = tempfile::tempdir().expect("a temp dir");
            let beside = warm_dir.path().join("catalog.sqlite");
            let options = options(&server.url).with_cache_beside(beside.to_str().expect("UTF-8"));
            let reference = Reference::new(options).expect("a reference");
            if source == ReferenceSource::Tmdb {
                // Asks (and caches) TMDB's configuration; the address itself is refused.
                let _ = reference.poster_url_allowed("https://example.invalid/p.jpg");
            }
            server.reset();
            let (elapsed, found) = time(|| match source {
                ReferenceSource::Wikidata => reference.quick_lookup(None, "Solaris", source, LIMIT),
                ReferenceSource::Tmdb => reference.lookup(None, "Solaris", None, source, LIMIT),
            });
            times.push(elapsed);
            requests = server.requests();
            candidates = found.map(|f| f.candidates.len()).unwrap_or(0);
        }
        let first = median(times);
        let ratio = first.as_secs_f64() / round_trip.as_secs_f64();
        println!(
            "| {} | {:.1} | {ratio:.2} | {requests} | {candidates} | ≤ 1.2 ×: {} |",
            source.service_name(),
            ms(first),
            if ratio <= 1.2 { "met" } else { "NOT met" }
        );
    }

    let dir = tempfile::tempdir().expect("a temp dir");
    let catalog = dir.path().join("catalog.sqlite");
    let cached_options =
        || options(&server.url).with_cache_beside(catalog.to_str().expect("UTF-8"));
    println!();
    println!(
        "| source | from the cache p50 ms | p95 ms | raw cache reads p95 ms | × raw | target p95 |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for source in [ReferenceSource::Wikidata, ReferenceSource::Tmdb] {
        Reference::new(cached_options())
            .expect("a reference")
            .lookup(None, "Solaris", None, source, LIMIT)
            .expect("the warming lookup");
        // Offline: every answer must come from the cache (a request would fail, not be slow).
        let mut offline = cached_options();
        offline.http.offline = true;
        let reference = Reference::new(offline).expect("a reference");
        let mut cached: Vec<Duration> = (0..lookups)
            .map(|_| {
                time(|| {
                    reference
                        .lookup(None, "Solaris", None, source, LIMIT)
                        .expect("answered from the cache")
                })
                .0
            })
            .collect();
        let connection =
            rusqlite::Connection::open(dir.path().join("cache.sqlite")).expect("the cache file");
        let service = source.service_name();
        let mut raw: Vec<Duration> = (0..lookups)
            .map(|_| {
                time(|| {
                    let mut statement = connection
                        .prepare_cached("SELECT body FROM answers WHERE service = ?1")
                        .expect("a query");
                    let bodies: Vec<Vec<u8>> = statement
                        .query_map([service], |row| row.get(0))
                        .expect("rows")
                        .map(|row| row.expect("a body"))
                        .collect();
                    bodies.len()
                })
                .0
            })
            .collect();
        let (p50, p95) = (percentile(&mut cached, 50), percentile(&mut cached, 95));
        let raw95 = percentile(&mut raw, 95);
        println!(
            "| {service} | {:.2} | {:.2} | {:.3} | {:.1} | ≤ 16 ms: {} |",
            ms(p50),
            ms(p95),
            ms(raw95),
            p95.as_secs_f64() / raw95.as_secs_f64().max(1e-9),
            if ms(p95) <= 16.0 { "met" } else { "NOT met" }
        );
    }
    println!();
    println!(
        "targets: the first candidates within 1.2 × one round trip; at most 3 requests per film; \
         from the cache within 16 ms p95"
    );
}

fn time<T>(work: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = work();
    (start.elapsed(), out)
}

fn median(mut times: Vec<Duration>) -> Duration {
    percentile(&mut times, 50)
}

fn percentile(times: &mut [Duration], p: usize) -> Duration {
    times.sort();
    times[(times.len() - 1) * p / 100]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
