//! Crash safety, as a test rather than a promise: the `cinedex` command line is killed with SIGKILL
//! at random moments while it writes, and after every kill the catalog must pass SQLite's
//! integrity check and the search index check, hold every write that was acknowledged before the
//! kill, and show no import half-applied.
//!
//! Ignored by plain `cargo test`: `make test` runs it with 20 kills of each kind and
//! `make test-crash` with 100 (`CINEDEX_CRASH_RUNS`). The random moments come from a fixed seed
//! (`CINEDEX_CRASH_SEED`), printed so a failing run can be replayed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cinedex_catalog::Catalog;

const BIN: &str = env!("CARGO_BIN_EXE_cinedex");

fn runs() -> usize {
    std::env::var("CINEDEX_CRASH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20)
}

/// A small deterministic generator (SplitMix64): the same seed gives the same kill moments.
struct Moments(u64);

impl Moments {
    fn from_env() -> Moments {
        let seed = std::env::var("CINEDEX_CRASH_SEED")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(20_261_124);
        eprintln!("crash seed: {seed} (set CINEDEX_CRASH_SEED to replay)");
        Moments(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn between(&mut self, low: Duration, high: Duration) -> Duration {
        let span = (high - low).as_micros().max(1) as u64;
        low + Duration::from_micros(self.next() % span)
    }
}

/// Starts `script` under sh in a process group of its own, so one kill takes every process.
fn spawn_group(script: &str, db: &Path) -> Child {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(script)
        .env("CINEDEX_BIN", BIN)
        .env("CINEDEX_DB", db)
        .stdin(Stdio::null())
        .stderr(Stdio::null());
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    command.spawn().expect("sh starts")
}

fn kill_group(child: &mut Child) {
    let group = format!("-{}", child.id());
    let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
    let _ = child.wait();
}

fn cli(db: &Path, args: &[&str]) -> String {
    let output = Command::new(BIN)
        .env_remove("CINEDEX_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("cinedex runs");
    assert!(
        output.status.success(),
        "cinedex {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Opens the catalog after a kill (which also recovers the WAL) and checks it is sound.
fn assert_sound(db: &Path, run: usize) -> Catalog {
    let catalog = Catalog::open(db).unwrap_or_else(|e| panic!("run {run}: cannot reopen: {e}"));
    let report = catalog.check().expect("the check runs");
    assert!(
        report.ok,
        "run {run}: the catalog is damaged: {:?}",
        report.problems
    );
    catalog
}

fn titles(db: &Path) -> BTreeSet<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT title FROM films").unwrap();
    let titles = stmt
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<BTreeSet<String>>>()
        .unwrap();
    titles
}

#[test]
#[ignore = "kills processes for a while; run by make test and make test-crash"]
fn killing_the_command_line_mid_edit_never_loses_an_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("catalog.sqlite");
    cli(
        &db,
        &["add", "--title", "Seed film", "--director", "Someone"],
    );
    let mut moments = Moments::from_env();
    for run in 0..runs() {
        let acks = dir.path().join(format!("acks-{run}"));
        // Each line of the ack file is written only after `cinedex` reported success.
        let script = format!(
            r#"i=0; while :; do
                 "$CINEDEX_BIN" add --title "run {run} film $i" --director "Director $i" --theme crash >/dev/null && echo "run {run} film $i" >> '{acks}'
                 "$CINEDEX_BIN" edit 1 --year $((1900 + i % 100)) >/dev/null || exit 1
                 i=$((i+1))
               done"#,
            acks = acks.display()
        );
        let mut writer = spawn_group(&script, &db);
        std::thread::sleep(moments.between(Duration::from_millis(30), Duration::from_millis(700)));
        kill_group(&mut writer);

        drop(assert_sound(&db, run));
        let acknowledged = std::fs::read_to_string(&acks).unwrap_or_default();
        let present = titles(&db);
        for title in acknowledged.lines() {
            assert!(
                present.contains(title),
                "run {run}: acknowledged {title:?} is missing"
            );
        }
    }
}

/// A catalog of `films` films with reviews, exported as Cinedex JSON: the import to kill.
fn big_import(dir: &Path, films: usize) -> PathBuf {
    let source = dir.join("source.sqlite");
    let catalog = Catalog::open(&source).unwrap();
    for i in 0..films {
        let film = catalog
            .add_film(&cinedex_catalog::FilmInput {
                title: format!("Imported film {i}"),
                year: Some(1950 + (i % 70) as i32),
                directors: vec![format!("Imported director {}", i % 300)],
                themes: vec![format!("theme {}", i % 40)],
                ..Default::default()
            })
            .unwrap();
        let review = cinedex_catalog::ReviewInput {
            body: format!("A review of film {i}, long enough to be indexed. ").repeat(8),
            ..Default::default()
        };
        catalog.add_review(film.id, &review).unwrap();
    }
    drop(catalog);
    let export = dir.join("export.json");
    cli(&source, &["export", "json", export.to_str().unwrap()]);
    export
}

#[test]
#[ignore = "kills processes for a while; run by make test and make test-crash"]
fn killing_an_import_leaves_all_of_it_or_none_of_it() {
    const FILMS: usize = 3000;
    let dir = tempfile::tempdir().unwrap();
    let export = big_import(dir.path(), FILMS);
    let base = dir.path().join("base.sqlite");
    cli(&base, &["add", "--title", "Already there"]);
    drop(Catalog::open(&base).unwrap()); // folds the WAL into the file before copying it

    // How long one whole import takes here, so kills land anywhere within it.
    let timing = dir.path().join("timing.sqlite");
    std::fs::copy(&base, &timing).unwrap();
    let started = Instant::now();
    cli(&timing, &["import", "json", export.to_str().unwrap()]);
    let full = started.elapsed();
    assert_eq!(titles(&timing).len(), FILMS + 1, "the import itself works");

    let mut moments = Moments::from_env();
    let (mut none, mut all) = (0, 0);
    for run in 0..runs() {
        let db = dir.path().join(format!("run-{run}.sqlite"));
        std::fs::copy(&base, &db).unwrap();
        let script = format!(
            r#""$CINEDEX_BIN" import json '{}' >/dev/null"#,
            export.display()
        );
        let mut importer = spawn_group(&script, &db);
        std::thread::sleep(moments.between(Duration::from_millis(5), full + full / 5));
        kill_group(&mut importer);

        let catalog = assert_sound(&db, run);
        let count = catalog.info().unwrap().film_count as usize;
        match count {
            1 => none += 1,
            n if n == FILMS + 1 => all += 1,
            n => panic!("run {run}: the import is half-applied: {n} films"),
        }
        drop(catalog);
        let _ = std::fs::remove_file(&db);
    }
    eprintln!("{} kills: {none} before the commit, {all} after it", runs());
}
