//! A completion run: the films taken a few at a time (each waits on the network most of the
//! time, and the HTTP client keeps each service to a few requests at once), progress reported
//! after every film, stopped between films by the caller or by the first network failure. Every
//! film finished before the stop stays completed; the rest are counted as remaining.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use super::apply::is_network;
use super::{
    CompletionOptions, CompletionProgress, CompletionReport, CompletionTargets, CompletionTotals,
    FilmCompletion,
};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::reference::{Reference, ReferenceSource};

/// Films completed at once: one more than the HTTP client lets through to a service at once, so
/// that while one film is being written the others keep every allowed request in flight (the
/// client's slots, not this number, are the politeness limit).
pub const DEFAULT_CONCURRENCY: usize = 4;

/// The most films completed at once, however many are asked for.
const MAX_CONCURRENCY: usize = 16;

impl Catalog {
    /// The films a run with `reference` over `targets` would take, from `source` (the preferred
    /// one when `None`): films missing a poster count only when TMDB, which has posters, is set up.
    pub fn films_to_complete(
        &self,
        reference: &Reference,
        targets: &CompletionTargets,
        source: Option<ReferenceSource>,
    ) -> Result<Vec<i64>> {
        let source = source.unwrap_or(reference.preferred_source());
        reference.provider(source)?;
        self.completion_films(targets, source, reference.has_tmdb())
    }

    /// Completes the films `targets` names from `reference`, as [`CompletionOptions`] say.
    /// `progress` is told after each film and returns `false` to stop the run (the films under
    /// way finish, none is started). A network failure stops the run the same way and is named in
    /// [`CompletionReport::stopped`] (offline, only cached answers are used).
    pub fn complete(
        &self,
        reference: &Reference,
        targets: &CompletionTargets,
        options: &CompletionOptions,
        progress: &(dyn Fn(&CompletionProgress, &FilmCompletion) -> bool + Sync),
    ) -> Result<CompletionReport> {
        let source = options.source.unwrap_or(reference.preferred_source());
        let ids = self.films_to_complete(reference, targets, Some(source))?;
        let total = ids.len();
        let workers = options
            .concurrency
            .clamp(1, MAX_CONCURRENCY)
            .min(total.max(1));
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let shared = Mutex::new(Shared {
            finished: vec![None; total],
            stopped: None,
            fatal: None,
            state: CompletionProgress {
                total: total as u32,
                totals: CompletionTotals {
                    films: total as u32,
                    ..CompletionTotals::default()
                },
                ..CompletionProgress::default()
            },
        });
        std::thread::scope(|scope| {
            for _ in 0..workers {
                let (next, stop, ids, shared) = (&next, &stop, &ids, &shared);
                scope.spawn(move || loop {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    let Some(&film_id) = ids.get(index) else {
                        break;
                    };
                    let outcome = self.complete_one(reference, source, film_id, options.dry_run);
                    // The film is told (and a cancel heard) before this worker takes another.
                    let mut shared = shared
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner());
                    shared.record(index, outcome, progress, stop);
                });
            }
        });
        let Shared {
            finished,
            stopped,
            fatal,
            mut state,
        } = shared
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(error) = fatal {
            return Err(error);
        }
        let films: Vec<FilmCompletion> = finished.into_iter().flatten().collect();
        state.totals.remaining = (total - films.len()) as u32;
        Ok(CompletionReport {
            source,
            dry_run: options.dry_run,
            films,
            totals: state.totals,
            stopped,
        })
    }
}

/// What the workers of a run share: each film's outcome in the order asked, and why it stopped.
struct Shared {
    finished: Vec<Option<FilmCompletion>>,
    stopped: Option<String>,
    fatal: Option<CatalogError>,
    state: CompletionProgress,
}

impl Shared {
    fn record(
        &mut self,
        index: usize,
        outcome: Result<FilmCompletion>,
        progress: &(dyn Fn(&CompletionProgress, &FilmCompletion) -> bool + Sync),
        stop: &AtomicBool,
    ) {
        match outcome {
            Ok(film) => {
                self.state.done += 1;
                self.state.totals.count(film.status);
                if !progress(&self.state, &film) && self.stopped.is_none() {
                    stop.store(true, Ordering::SeqCst);
                    self.stopped = Some("cancelled".into());
                }
                self.finished[index] = Some(film);
            }
            Err(error) => {
                stop.store(true, Ordering::SeqCst);
                if is_network(&error) {
                    self.stopped.get_or_insert_with(|| error.to_string());
                } else if self.fatal.is_none() {
                    self.fatal = Some(error);
                }
            }
        }
    }
}
