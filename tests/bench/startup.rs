//! `make bench` (startup): time from process start to the first interactive frame of the library
//! with 10k and 100k films, and the peak memory of the whole process tree (the app and its WebKit
//! processes), side by side with a bare Tauri window showing a static page, measured in the same
//! run by the same release binary (`CINEDEX_BENCH_BARE_WINDOW`). Also the size of the `.deb` when
//! one has been built. Needs `make build`, Xvfb; catalogs are generated once under
//! target/bench-data/.

#[path = "../display/mod.rs"]
mod display;

use display::Display;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Rounds of the cases; the table shows medians. Start-up times vary by tens of milliseconds from
/// one start to the next, so an odd number large enough for a steady median.
const RUNS: usize = 9;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn binary() -> PathBuf {
    root().join("target/release/cinedex")
}

/// A catalog of `films` generated films (with credits, themes and reviews), made once.
fn catalog(films: usize) -> PathBuf {
    let dir = root().join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench-data dir");
    let path = dir.join(format!("startup-{films}.sqlite"));
    if !path.exists() {
        eprintln!("generating a catalog of {films} films…");
        let partial = dir.join(format!("startup-{films}.partial.sqlite"));
        let _ = std::fs::remove_file(&partial);
        let catalog = cinedex_catalog::Catalog::open(&partial).expect("a new catalog");
        cinedex_catalog::generate_films(&catalog, films, 2026, true).expect("the generated films");
        catalog.rebuild_search_index().expect("the search index");
        drop(catalog);
        std::fs::rename(&partial, &path).expect("rename the catalog");
    }
    path
}

/// The resident memory of `pid` and all its descendants, in KiB.
fn tree_rss_kib(pid: u32) -> u64 {
    let mut parents: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut rss: HashMap<u32, u64> = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(status) = std::fs::read_to_string(entry.path().join("status")) else {
            continue;
        };
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        };
        if let Some(ppid) = field("PPid:") {
            parents.entry(ppid as u32).or_default().push(child);
        }
        rss.insert(child, field("VmRSS:").unwrap_or(0));
    }
    let mut total = 0;
    let mut stack = vec![pid];
    while let Some(p) = stack.pop() {
        total += rss.get(&p).copied().unwrap_or(0);
        stack.extend(parents.get(&p).into_iter().flatten());
    }
    total
}

struct Run {
    ready_ms: f64,
    peak_mib: f64,
}

/// Starts the app, waits for its ready line, keeps sampling memory a moment longer, then stops it.
fn run_once(display: &Display, db: Option<&Path>) -> Run {
    let scratch = tempfile::tempdir().expect("temp dir");
    let mut command = Command::new(binary());
    command
        .env("DISPLAY", display.name())
        .env("CINEDEX_STARTUP_PROBE", "1")
        .env("XDG_DATA_HOME", scratch.path())
        .env("XDG_CONFIG_HOME", scratch.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    match db {
        Some(db) => {
            // A copy, so daily backups and the like never touch the generated catalog.
            let copy = scratch.path().join("catalog.sqlite");
            std::fs::copy(db, &copy).expect("copy the catalog");
            command.env("CINEDEX_DB", copy);
        }
        None => {
            command.env("CINEDEX_BENCH_BARE_WINDOW", "1");
            command.env("CINEDEX_DB", scratch.path().join("unused.sqlite"));
        }
    }
    let mut app = command.spawn().expect("the app starts");
    let stderr = app.stderr.take().expect("stderr");
    let (sender, ready) = mpsc::channel();
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let lines = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(ms) = line.strip_prefix("cinedex-ready-ms ") {
                let _ = sender.send(ms.trim().parse::<f64>().unwrap_or(f64::NAN));
            }
            lines.lock().map(|mut l| l.push(line)).ok();
        }
    });
    let started = Instant::now();
    let mut peak = 0;
    let mut ready_ms = None;
    let mut settle_until = None;
    loop {
        peak = peak.max(tree_rss_kib(app.id()));
        if ready_ms.is_none() {
            if let Ok(ms) = ready.try_recv() {
                ready_ms = Some(ms);
                settle_until = Some(Instant::now() + Duration::from_millis(1500));
            }
        }
        if settle_until.is_some_and(|t| Instant::now() > t) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the app never reported its first frame; it printed:\n{}",
            log.lock().map(|l| l.join("\n")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(25));
    }
    let _ = app.kill();
    let _ = app.wait();
    Run {
        ready_ms: ready_ms.unwrap_or(f64::NAN),
        peak_mib: peak as f64 / 1024.0,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list` asks for test names; this is not a harness bench
    }
    assert!(
        binary().exists(),
        "{} is missing: run `make build` first",
        binary().display()
    );
    let sizes: Vec<usize> = std::env::var("CINEDEX_BENCH_STARTUP_SIZES")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let catalogs: Vec<(usize, PathBuf)> = sizes.iter().map(|&n| (n, catalog(n))).collect();
    let display = Display::start();
    // One unmeasured start warms the page cache for the binary and WebKit.
    run_once(&display, None);

    // The cases take turns, round after round, so a change in the machine's load during the
    // run falls on all of them alike instead of on whichever case ran at that moment.
    let mut cases: Vec<(String, Option<&Path>, Vec<Run>)> =
        vec![("bare Tauri window, static page".into(), None, Vec::new())];
    for (films, path) in &catalogs {
        cases.push((
            format!("Cinedex library, {films} films"),
            Some(path.as_path()),
            Vec::new(),
        ));
    }
    for _ in 0..RUNS {
        for (_, db, runs) in &mut cases {
            runs.push(run_once(&display, *db));
        }
    }
    // Each round's start-up over that round's bare window, as well as the medians' ratio: the
    // machine's load changes from one round to the next, and within a round it is about the same.
    let bare_rounds: Vec<f64> = cases[0].2.iter().map(|r| r.ready_ms).collect();
    let rows: Vec<(String, f64, f64, f64)> = cases
        .into_iter()
        .map(|(label, _, runs)| {
            let ready = median(runs.iter().map(|r| r.ready_ms).collect());
            let peak = median(runs.iter().map(|r| r.peak_mib).collect());
            let paired = median(
                runs.iter()
                    .zip(&bare_rounds)
                    .map(|(r, bare)| r.ready_ms / bare)
                    .collect(),
            );
            (label, ready, peak, paired)
        })
        .collect();

    let (bare_ms, bare_mib) = (rows[0].1, rows[0].2);
    println!("\nStart-up to the first interactive frame (median of {RUNS} runs) and peak memory of the process tree");
    println!(
        "| window | ready (ms) | × bare | × bare, per round | peak RSS (MiB) | − bare (MiB) |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for (label, ms, mib, paired) in &rows {
        println!(
            "| {label} | {ms:.0} | {:.2} | {paired:.2} | {mib:.0} | {:+.0} |",
            ms / bare_ms,
            mib - bare_mib
        );
    }
    println!("targets: ready ≤ 1.2 × bare; peak ≤ bare + 60 MiB (× bare, per round: the median of each round's ratio)");

    let debs: Vec<PathBuf> = std::fs::read_dir(root().join("target/release/bundle/deb"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "deb"))
        .collect();
    match debs.first() {
        Some(deb) => {
            let size = std::fs::metadata(deb).map(|m| m.len()).unwrap_or(0);
            println!(
                "\n.deb size: {:.1} MB ({}; target ≤ 10 MB)",
                size as f64 / 1e6,
                deb.display()
            );
        }
        None => println!("\n.deb size: not built (run `make package` first)"),
    }
}
