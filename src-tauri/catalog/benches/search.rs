//! Search benchmark: latency of the first ranked page for a fixed mix of as-you-type queries, on
//! generated catalogs of 10k, 100k and 1M films, side by side with two baselines run on the same
//! database in the same run: plain ranked FTS5 (`MATCH … ORDER BY bm25`, every match ranked) and a
//! `LIKE '%…%'` scan. Also the index size and the time to build it from scratch.
//!
//! `CINEDEX_BENCH_SIZES=10k,100k,1m cargo bench -p cinedex-catalog --bench search`
//! Generated catalogs are cached in `target/bench-data/`; delete them to regenerate, or set
//! `CINEDEX_BENCH_REBUILD=1` to time the index build again on the cached ones.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cinedex_catalog::Catalog;
use cinedex_catalog::{generate_films, parse_search_query};
use rusqlite::{Connection, OpenFlags};

/// Bump when the generator changes, so cached catalogs are rebuilt.
const GENERATOR_VERSION: u32 = 1;
const SEED: u64 = 20_261_124;
const ROUNDS: usize = 5;

/// What a person types, keystroke by keystroke (prefixes of 2+ characters), plus filtered queries.
const TYPED: &[&str] = &[
    "amelie",
    "tarkovsky",
    "the night",
    "ghost in the",
    "innocense",
    "summer river",
    "kaaro",
    "silence memory",
];
const WHOLE: &[&str] = &[
    "千と千尋",
    "東京物語",
    "director:oshii",
    "director:oshii cyber",
    "theme:cyberpunk ghost",
    "year:1990..1999 river",
    "year:2004 the",
    "rating:>=4 the",
    "has:review summer",
    "is:watchlist night",
    "the -night",
    "\"the last\"",
];

fn queries() -> Vec<String> {
    let mut out = Vec::new();
    for text in TYPED {
        let chars: Vec<char> = text.chars().collect();
        for end in 2..=chars.len() {
            let prefix: String = chars[..end].iter().collect();
            if !prefix.ends_with(' ') {
                out.push(prefix);
            }
        }
    }
    out.extend(WHOLE.iter().map(|q| q.to_string()));
    out
}

fn main() {
    let sizes = std::env::var("CINEDEX_BENCH_SIZES").unwrap_or_else(|_| "10k,100k,1m".into());
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data");
    std::fs::create_dir_all(&data).expect("target/bench-data is writable");
    let queries = queries();
    println!(
        "Search benchmark: {} queries x {ROUNDS} rounds (baselines: 1 round), first page of 20",
        queries.len()
    );
    for size in sizes.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let films = parse_size(size);
        let (path, build) = prepare(&data, size, films);
        if std::env::var_os("CINEDEX_BENCH_PREPARE_ONLY").is_none() {
            report(&path, size, build, &queries);
        }
    }
}

fn parse_size(size: &str) -> usize {
    let lower = size.to_lowercase();
    let (digits, factor) = match lower.chars().last() {
        Some('k') => (&lower[..lower.len() - 1], 1_000),
        Some('m') => (&lower[..lower.len() - 1], 1_000_000),
        _ => (lower.as_str(), 1),
    };
    digits
        .parse::<usize>()
        .expect("sizes look like 10k, 100k, 1m")
        * factor
}

/// The cached catalog for `size`, generating it (and timing the index build) when missing.
fn prepare(data: &Path, size: &str, films: usize) -> (PathBuf, Duration) {
    let path = data.join(format!("search-{size}-v{GENERATOR_VERSION}.db"));
    let timing = path.with_extension("build-ms");
    if path.exists() && std::env::var_os("CINEDEX_BENCH_REBUILD").is_some() {
        // Time the index build again on the cached catalog (it rebuilds from the source tables).
        let catalog = Catalog::open(&path).expect("the cached catalog opens");
        let started = Instant::now();
        catalog.rebuild_search_index().expect("index built");
        let build = started.elapsed();
        std::fs::write(&timing, build.as_millis().to_string()).expect("timing saved");
        return (path, build);
    }
    if path.exists() {
        if let Some(ms) = std::fs::read_to_string(&timing)
            .ok()
            .and_then(|t| t.trim().parse().ok())
        {
            return (path, Duration::from_millis(ms));
        }
    }
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    eprintln!("generating {films} films into {}", partial.display());
    let started = Instant::now();
    let catalog = Catalog::open(&partial).expect("a new catalog");
    let made = generate_films(&catalog, films, SEED, true).expect("generated");
    eprintln!(
        "  {} films, {} reviews written in {:.1?}; building the index",
        made.films,
        made.reviews,
        started.elapsed()
    );
    let started = Instant::now();
    catalog.rebuild_search_index().expect("index built");
    let build = started.elapsed();
    drop(catalog);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    std::fs::rename(&partial, &path).expect("renamed");
    std::fs::write(&timing, build.as_millis().to_string()).expect("timing saved");
    (path, build)
}

fn report(path: &Path, size: &str, build: Duration, queries: &[String]) {
    let catalog = Catalog::open(path).expect("the generated catalog opens");
    let raw = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("opens");
    let (films, reviews): (i64, i64) = raw
        .query_row(
            "SELECT (SELECT count(*) FROM films), (SELECT count(*) FROM reviews)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("counts");
    let index_bytes: i64 = raw
        .query_row(
            "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'search%'",
            [],
            |r| r.get(0),
        )
        .unwrap_or(-1);
    let file_bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);

    // Warm the page cache and statement caches once, as a running app would be.
    for q in queries {
        catalog.search(q, 20, 0).expect("search works");
    }
    let mut ours = Vec::new();
    let mut worst: Vec<(Duration, &str)> = Vec::new();
    for round in 0..ROUNDS {
        for q in queries {
            let started = Instant::now();
            let results = catalog.search(q, 20, 0).expect("search works");
            let took = started.elapsed();
            ours.push(took);
            if round == 0 {
                worst.push((took, q));
            }
            std::hint::black_box(results);
        }
    }
    worst.sort_unstable_by_key(|w| std::cmp::Reverse(w.0));
    let mut fts = Vec::new();
    let mut like = Vec::new();
    for q in queries {
        let words = text_words(q);
        if words.is_empty() {
            continue;
        }
        fts.push(time(|| plain_fts(&raw, &words)));
        like.push(time(|| like_scan(&raw, &words)));
    }
    println!();
    println!(
        "## {size}: {films} films, {reviews} reviews; file {:.0} MB, search index {:.0} MB, index build from scratch {:.1} s",
        file_bytes as f64 / 1e6,
        index_bytes as f64 / 1e6,
        build.as_secs_f64()
    );
    println!("| method | p50 ms | p95 ms | p99 ms | p95 vs Cinedex |");
    println!("|---|---:|---:|---:|---:|");
    let ours_p95 = percentile(&mut ours, 95.0);
    for (name, samples) in [
        (
            "Cinedex search (tiers, bounded ranking, facets, snippets)",
            &mut ours,
        ),
        (
            "plain ranked FTS5 (MATCH … ORDER BY bm25, films + reviews)",
            &mut fts,
        ),
        (
            "LIKE '%…%' scan (titles + review bodies, LIMIT 20)",
            &mut like,
        ),
    ] {
        let p95 = percentile(samples, 95.0);
        println!(
            "| {name} | {:.2} | {:.2} | {:.2} | {:.1}x |",
            ms(percentile(samples, 50.0)),
            ms(p95),
            ms(percentile(samples, 99.0)),
            ms(p95) / ms(ours_p95).max(1e-9)
        );
    }
    print_worst(&worst);
}

/// The slowest queries of a run, for finding out what to improve.
fn print_worst(worst: &[(Duration, &str)]) {
    let list: Vec<String> = worst
        .iter()
        .take(6)
        .map(|(d, q)| format!("`{q}` {:.1} ms", ms(*d)))
        .collect();
    println!(
        "\nSlowest Cinedex queries (first round): {}",
        list.join(", ")
    );
}

fn text_words(query: &str) -> Vec<String> {
    let parsed = parse_search_query(query);
    parsed
        .terms
        .iter()
        .flat_map(|t| t.words().into_iter().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

/// The naive design: every match ranked, in titles and names, then in reviews.
fn plain_fts(conn: &Connection, words: &[String]) -> usize {
    let expr = words
        .iter()
        .map(|w| format!("\"{w}\"*"))
        .collect::<Vec<_>>()
        .join(" AND ");
    let mut found = 0;
    for sql in [
        "SELECT rowid FROM search_film WHERE search_film MATCH ?1 ORDER BY bm25(search_film) LIMIT 20",
        "SELECT rowid FROM search_reviews WHERE search_reviews MATCH ?1 ORDER BY bm25(search_reviews) LIMIT 20",
    ] {
        let mut stmt = conn.prepare_cached(sql).expect("prepares");
        found += stmt
            .query_map([&expr], |r| r.get::<_, i64>(0))
            .expect("runs")
            .count();
    }
    found
}

/// The simplest design: substring scans of titles and review bodies.
fn like_scan(conn: &Connection, words: &[String]) -> usize {
    let pattern = format!("%{}%", words.join("%"));
    let mut stmt = conn
        .prepare_cached(
            "SELECT f.id FROM films f WHERE f.deleted_at IS NULL AND (f.title_key LIKE ?1
                OR f.original_title_key LIKE ?1
                OR EXISTS (SELECT 1 FROM reviews r WHERE r.film_id = f.id AND r.body LIKE ?1))
             LIMIT 20",
        )
        .expect("prepares");
    stmt.query_map([&pattern], |r| r.get::<_, i64>(0))
        .expect("runs")
        .count()
}

fn time(work: impl FnOnce() -> usize) -> Duration {
    let started = Instant::now();
    std::hint::black_box(work());
    started.elapsed()
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    if samples.is_empty() {
        return Duration::ZERO;
    }
    samples.sort_unstable();
    let rank = ((p / 100.0) * samples.len() as f64).ceil() as usize;
    samples[rank.clamp(1, samples.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
