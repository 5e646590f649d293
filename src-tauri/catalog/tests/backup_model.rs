//! A model-based test of the backup set. Random sequences of edits, imports, backups (manual and
//! daily, across days of a fake clock), thinning and restores of any listed backup or of the
//! last restore's safety copy run against a real catalog file; after every step the catalog,
//! the backups folder and every listed backup are compared with a simple model:
//! - the catalog holds exactly what the model says (after a restore: what the backup held);
//! - every listed backup opens and holds what the catalog held when it was written;
//! - nothing acknowledged is lost: a backup disappears only by thinning, and thinning never
//!   takes a manual backup, the newest of a kind, the file being restored or the safety copy.
//!
//! `CINEDEX_SAFETY_CASES` sets the number of sequences (`make test-safety-long` runs many);
//! `CINEDEX_SAFETY_SEED` replays one. A failing sequence is shrunk to a short one before it is
//! reported. The driver is our own (a seeded `fastrand`), which needs no new dependency.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::Ordering;

use cinedex_catalog::FilmInput;
use cinedex_catalog::{list_backups, thin_backups, BackupInfo, BackupReason};
use cinedex_catalog::{ImportOptions, ImportSource};

use crate::backup_support;
use backup_support::{fail, Checked, Known, World};

const STEPS: usize = 40;
const DEFAULT_CASES: u64 = 40;
const MINUTE_MS: i64 = 60_000;
const DAY_MS: i64 = 24 * 60 * MINUTE_MS;

/// One step. `pick` chooses among what exists when the step runs (modulo their number), so a
/// sequence stays meaningful when the shrinker removes steps before it.
#[derive(Debug, Clone, Copy)]
enum Step {
    Add { year: i64 },
    Edit { pick: usize, rename: bool },
    Import { films: usize },
    Delete { pick: usize },
    ManualBackup,
    DailyBackup,
    Wait { minutes: i64 },
    NextDay { hours: i64 },
    Thin,
    Restore { pick: usize },
    UndoRestore,
}

fn random_step(rng: &mut fastrand::Rng) -> Step {
    match rng.u8(0..100) {
        0..=14 => Step::Add {
            year: rng.i64(1950..=2020),
        },
        15..=24 => Step::Edit {
            pick: rng.usize(..),
            rename: rng.bool(),
        },
        25..=32 => Step::Import {
            films: rng.usize(1..=3),
        },
        33..=39 => Step::Delete {
            pick: rng.usize(..),
        },
        40..=47 => Step::ManualBackup,
        48..=57 => Step::DailyBackup,
        58..=63 => Step::Wait {
            minutes: rng.i64(1..=600),
        },
        64..=73 => Step::NextDay {
            hours: rng.i64(20..=24 * 20),
        },
        74..=78 => Step::Thin,
        79..=91 => Step::Restore {
            pick: rng.usize(..),
        },
        _ => Step::UndoRestore,
    }
}

impl World {
    fn run(&mut self, step: Step) -> Checked {
        // Each step takes a little time, so backups have distinct, ordered stamps.
        self.clock_ms.fetch_add(MINUTE_MS, Ordering::SeqCst);
        let mut spared: Vec<String> = Vec::new();
        match step {
            Step::Add { year } => {
                let title = self.fresh_title();
                let input = FilmInput {
                    title: title.clone(),
                    year: Some(year as i32),
                    ..Default::default()
                };
                self.catalog.add_film(&input).map_err(fail("add"))?;
                self.films.insert(title, (Some(year), false));
            }
            Step::Edit { pick, rename } => {
                let live = self.live_titles();
                if let Some(old) = live.get(pick % live.len().max(1)).cloned() {
                    let (year, _) = self.films.remove(&old).unwrap_or_default();
                    let title = if rename {
                        self.fresh_title()
                    } else {
                        old.clone()
                    };
                    let year = year.map(|y| if y < 2020 { y + 1 } else { 1950 });
                    let input = FilmInput {
                        title: title.clone(),
                        year: year.map(|y| y as i32),
                        ..Default::default()
                    };
                    let id = self.film_id(&old)?;
                    self.catalog.update_film(id, &input).map_err(fail("edit"))?;
                    self.films.insert(title, (year, false));
                }
            }
            Step::Import { films } => {
                let before = self.films.clone();
                let mut csv = String::from("Title,Year\n");
                for n in 0..films {
                    let title = self.fresh_title();
                    let year = 1960 + n as i64;
                    csv.push_str(&format!("{title},{year}\n"));
                    self.films.insert(title, (Some(year), false));
                }
                let file = self.dir.path().join("films.csv");
                std::fs::write(&file, csv).map_err(fail("write csv"))?;
                let known: BTreeSet<String> = self.listed.keys().cloned().collect();
                let go = |_: u64, _: u64| true;
                let options = ImportOptions::default();
                let imported = self.catalog.import(ImportSource::Csv, &file, &options, &go);
                imported.map_err(fail("import"))?;
                let now = list_backups(&self.backups).map_err(fail("list backups"))?;
                let new: Vec<&BackupInfo> =
                    now.iter().filter(|b| !known.contains(&b.path)).collect();
                match (new.as_slice(), before.is_empty()) {
                    ([], true) => {}
                    ([one], false) if one.reason == BackupReason::Import => {
                        let one = (*one).clone();
                        spared.push(one.path.clone());
                        self.remember(&one, before)?;
                    }
                    (other, _) => {
                        return Err(format!("the import wrote these backups: {other:?}"));
                    }
                }
            }
            Step::Delete { pick } => {
                let live = self.live_titles();
                if let Some(title) = live.get(pick % live.len().max(1)).cloned() {
                    let id = self.film_id(&title)?;
                    self.catalog.delete_film(id).map_err(fail("delete"))?;
                    self.films.entry(title).and_modify(|f| f.1 = true);
                }
            }
            Step::ManualBackup => {
                let info = self.catalog.backup(BackupReason::Manual);
                let info = info.map_err(fail("backup"))?;
                spared.push(info.path.clone());
                self.remember(&info, self.films.clone())?;
            }
            Step::DailyBackup => {
                let now = self.now();
                let due = !self.listed.values().any(|Known { info: b, .. }| {
                    b.reason == BackupReason::Daily
                        && b.created_at <= now
                        && now - b.created_at < chrono::Duration::hours(24)
                });
                let made = self.catalog.backup_daily_if_due();
                match (made.map_err(fail("daily backup"))?, due) {
                    (Some(info), true) => {
                        spared.push(info.path.clone());
                        self.remember(&info, self.films.clone())?;
                    }
                    (None, false) => {}
                    (made, due) => return Err(format!("due: {due}, made: {made:?}")),
                }
            }
            Step::Wait { minutes } => {
                self.clock_ms
                    .fetch_add(minutes * MINUTE_MS, Ordering::SeqCst);
            }
            Step::NextDay { hours } => {
                self.clock_ms
                    .fetch_add(hours * DAY_MS / 24, Ordering::SeqCst);
            }
            Step::Thin => {
                let removed = thin_backups(&self.backups, &[]).map_err(fail("thin"))?;
                let listed = list_backups(&self.backups).map_err(fail("list backups"))?;
                for gone in &removed {
                    if listed.iter().any(|b| b.path == gone.path) {
                        return Err(format!("{} was reported thinned but is listed", gone.path));
                    }
                }
            }
            Step::Restore { pick } => {
                let paths: Vec<String> = self.listed.keys().cloned().collect();
                if let Some(path) = paths.get(pick % paths.len().max(1)).cloned() {
                    self.restore(&path, &mut spared)?;
                }
            }
            Step::UndoRestore => {
                if let Some(path) = self.last_safety_copy.clone() {
                    if self.listed.contains_key(&path) {
                        self.restore(&path, &mut spared)?;
                    }
                }
            }
        }
        self.check(&spared)
    }

    fn restore(&mut self, path: &str, spared: &mut Vec<String>) -> Checked {
        let held = self.listed[path].held.clone();
        let report = self.catalog.restore_listed_backup(Path::new(path));
        let report = report.map_err(fail(&format!("restore {path}")))?;
        let live = held.values().filter(|(_, trashed)| !trashed).count() as i64;
        if report.films != live || report.restored_from != path {
            return Err(format!("restoring {path} held {live} films: {report:?}"));
        }
        if report.safety_copy.reason != BackupReason::Restore {
            return Err(format!("the safety copy is {:?}", report.safety_copy));
        }
        let before = std::mem::replace(&mut self.films, held);
        self.remember(&report.safety_copy, before)?;
        spared.extend([path.to_owned(), report.safety_copy.path.clone()]);
        self.last_safety_copy = Some(report.safety_copy.path);
        Ok(())
    }
}

fn run_all(steps: &[Step]) -> Checked {
    let mut world = World::new()?;
    for (index, step) in steps.iter().enumerate() {
        world
            .run(*step)
            .map_err(|e| format!("step {index} ({step:?}): {e}"))?;
    }
    Ok(())
}

/// Removes steps, one at a time, while the sequence still fails: what is left is short enough
/// to read.
fn shrink(mut steps: Vec<Step>, mut error: String) -> (Vec<Step>, String) {
    let mut tries = 0;
    let mut index = 0;
    while index < steps.len() && tries < 400 {
        tries += 1;
        let mut fewer = steps.clone();
        fewer.remove(index);
        match run_all(&fewer) {
            Err(e) => (steps, error) = (fewer, e),
            Ok(()) => index += 1,
        }
    }
    (steps, error)
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

#[test]
fn random_sequences_of_edits_backups_and_restores_never_lose_what_was_acknowledged() {
    let cases = env_number("CINEDEX_SAFETY_CASES").unwrap_or(DEFAULT_CASES);
    let seeds: Vec<u64> = match env_number("CINEDEX_SAFETY_SEED") {
        Some(seed) => vec![seed],
        None => (0..cases).map(|case| 0x5AFE_0000 + case).collect(),
    };
    let started = std::time::Instant::now();
    for seed in &seeds {
        let mut rng = fastrand::Rng::with_seed(*seed);
        let steps: Vec<Step> = (0..STEPS).map(|_| random_step(&mut rng)).collect();
        if let Err(error) = run_all(&steps) {
            let (steps, error) = shrink(steps, error);
            panic!(
                "seed {seed} (replay: CINEDEX_SAFETY_SEED={seed}) fails after shrinking to \
                 {} steps:\n{steps:#?}\n{error}",
                steps.len()
            );
        }
    }
    eprintln!(
        "{} sequences of {STEPS} steps in {:.1?}",
        seeds.len(),
        started.elapsed()
    );
}
