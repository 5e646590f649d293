//! `make bench`: importing a generated IMDb-shaped CSV (CINEDEX_BENCH_FILMS rows, default 1M)
//! through the full importer (read, validate, match, write through the catalog's helpers), side
//! by side with the raw limit measured in the same run: prepared inserts of the same rows into
//! `films` in one transaction, no parsing, no matching, no credits, no search index.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use cinedex_catalog::{Catalog, ImportOptions, ImportSource};

const DIRECTORS: [&str; 8] = [
    "Akira Kurosawa",
    "Agnès Varda",
    "Satoshi Kon",
    "Chantal Akerman",
    "Andrei Tarkovsky",
    "Hayao Miyazaki",
    "Claire Denis",
    "Wong Kar-wai",
];

fn main() {
    let rows: usize = std::env::var("CINEDEX_BENCH_FILMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let data = generate(rows);
    let dir = tempfile::tempdir().expect("temp dir");

    let catalog_path = dir.path().join("import.sqlite");
    let catalog = Catalog::open(&catalog_path).expect("open catalog");
    // Reading, validating and matching alone (the preview), to show where the time goes.
    let start = Instant::now();
    catalog
        .preview_import(ImportSource::Imdb, &data, &ImportOptions::default())
        .expect("preview");
    let preview_secs = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let report = catalog
        .import(
            ImportSource::Imdb,
            &data,
            &ImportOptions::default(),
            &|_, _| true,
        )
        .expect("import");
    let import_secs = start.elapsed().as_secs_f64();
    assert_eq!(report.new_films as usize, rows);
    // Not part of the import: the app runs it in the background once the import has returned.
    let start = Instant::now();
    catalog.checkpoint().expect("checkpoint");
    let checkpoint_secs = start.elapsed().as_secs_f64();

    let raw_secs = raw_limit(&dir.path().join("raw.sqlite"), rows);

    let import_rate = rows as f64 / import_secs;
    let raw_rate = rows as f64 / raw_secs;
    println!();
    println!("| what | rows | seconds | films/s |");
    println!("| --- | ---: | ---: | ---: |");
    println!("| full import (IMDb CSV) | {rows} | {import_secs:.2} | {import_rate:.0} |");
    println!(
        "| of which read + validate + match (the preview) | {rows} | {preview_secs:.2} | {:.0} |",
        rows as f64 / preview_secs
    );
    println!(
        "| then the WAL checkpoint (in the background in the app) | {rows} | {checkpoint_secs:.2} | |"
    );
    println!("| raw limit (prepared inserts, one tx) | {rows} | {raw_secs:.2} | {raw_rate:.0} |");
    println!();
    println!(
        "ratio import / raw: {:.2} (target ≥ 0.30); import target ≥ 100000 films/s",
        import_rate / raw_rate
    );
}

fn title(i: usize) -> String {
    format!("Film number {i} of the bench")
}

/// The deterministic CSV, cached under target/bench-data.
fn generate(rows: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench-data dir");
    let path = dir.join(format!("imdb-{rows}.csv"));
    if path.exists() {
        return path;
    }
    let mut text = String::with_capacity(rows * 160);
    text.push_str("Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n");
    for i in 0..rows {
        let id = format!("tt{:08}", i + 1);
        let _ = writeln!(
            text,
            "{id},{},2024-01-01,{},{},https://www.imdb.com/title/{id}/,Movie,7.5,{},{},Drama,1000,2000-01-01,\"{}\"",
            i % 10 + 1,
            title(i),
            title(i),
            80 + i % 100,
            1900 + i % 120,
            DIRECTORS[i % DIRECTORS.len()],
        );
    }
    std::fs::write(&path, text).expect("write bench data");
    path
}

fn raw_limit(path: &Path, rows: usize) -> f64 {
    // The same schema as a real catalog, then plain inserts of the already-built rows.
    drop(Catalog::open(path).expect("open raw catalog"));
    let mut conn = rusqlite::Connection::open(path).expect("open raw");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("pragma");
    // "No index": the search triggers, which the full import pays for, are not part of the limit.
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search%'")
        .expect("list triggers")
        .query_map([], |row| row.get(0))
        .expect("triggers")
        .collect::<rusqlite::Result<_>>()
        .expect("trigger names");
    for name in triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))
            .expect("drop trigger");
    }
    let values: Vec<(String, String, i64, i64, f64)> = (0..rows)
        .map(|i| {
            let t = title(i);
            let key = t.to_lowercase();
            (
                t,
                key,
                1900 + (i % 120) as i64,
                80 + (i % 100) as i64,
                (i % 10 + 1) as f64 / 2.0,
            )
        })
        .collect();
    let start = Instant::now();
    let tx = conn.transaction().expect("tx");
    {
        let mut insert = tx
            .prepare("INSERT INTO films (title, title_key, year, runtime_minutes, rating, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, '2024-01-01T00:00:00.000000Z', '2024-01-01T00:00:00.000000Z')")
            .expect("prepare");
        for (title, key, year, runtime, rating) in &values {
            insert
                .execute(rusqlite::params![title, key, year, runtime, rating])
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
    start.elapsed().as_secs_f64()
}
