//! The model of the completion model test: what it knows of each catalog film, the world it runs
//! in (a catalog, a Wikidata stand-in that can fail after a number of requests), and the check of
//! the catalog against the model after every step.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use cinedex_catalog::CompletionTargets;
use cinedex_catalog::{Catalog, FilmFacts, FilmInput};
use cinedex_catalog::{ExternalId, Reference, ReferenceSource};

use crate::reference_support::library::{LibraryFilm, WikidataLibrary};
use crate::reference_support::{options, Asked, Reply, TestServer};

/// The stand-in's budget when it never fails.
pub const HEALTHY: usize = usize::MAX;

/// What the model knows of one catalog film.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// The director the person wrote.
    pub mine: Option<String>,
    /// The reference film it was matched to (by a run or a pick).
    pub matched: Option<String>,
    /// What the last (real) run or answer decided: None until then.
    pub decided: Option<&'static str>,
}

pub struct World {
    pub library: WikidataLibrary,
    pub catalog: Catalog,
    pub reference: Reference,
    pub budget: Arc<AtomicUsize>,
    pub _server: TestServer,
    /// Catalog film id → its library film.
    pub films: BTreeMap<i64, LibraryFilm>,
    pub known: BTreeMap<i64, Known>,
}

impl World {
    pub fn new() -> World {
        let library = WikidataLibrary::letterboxd_like();
        let budget = Arc::new(AtomicUsize::new(HEALTHY));
        let (answers, left) = (WikidataLibrary::letterboxd_like(), budget.clone());
        let server = TestServer::start(move |asked: &Asked| {
            let granted = left
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| match n {
                    HEALTHY => Some(HEALTHY),
                    0 => None,
                    n => Some(n - 1),
                })
                .is_ok();
            if granted {
                Reply::Json(answers.answer(&asked.params))
            } else {
                Reply::Text(503, "gone".into())
            }
        });
        let mut settings = options(&server.url);
        settings.http.max_retries = 0;
        // Wikidata alone: with a TMDB key, films without a poster would count as missing too.
        settings.tmdb_key = None;
        let reference = Reference::new(settings).unwrap();
        let catalog = Catalog::open_in_memory().unwrap();
        let mut films = BTreeMap::new();
        for film in library.catalog_films() {
            let external_ids = if film.catalog_has_imdb {
                vec![ExternalId::new("imdb", film.imdb.clone())]
            } else {
                Vec::new()
            };
            let added = catalog
                .add_film(&FilmInput {
                    title: film.catalog_title.clone(),
                    year: film.catalog_year,
                    facts: Some(FilmFacts {
                        external_ids,
                        ..FilmFacts::default()
                    }),
                    ..FilmInput::default()
                })
                .unwrap();
            films.insert(added.id, film.clone());
        }
        let known = films.keys().map(|&id| (id, Known::default())).collect();
        World {
            library,
            catalog,
            reference,
            budget,
            _server: server,
            films,
            known,
        }
    }

    pub fn ids(&self) -> Vec<i64> {
        self.films.keys().copied().collect()
    }

    /// The reference films a title search finds for `film` (the remakes have two).
    pub fn namesakes(&self, film: &LibraryFilm) -> Vec<&LibraryFilm> {
        self.library
            .films
            .iter()
            .filter(|f| f.in_reference && f.title == film.title)
            .collect()
    }

    /// What a run decides for film `id`, by the model.
    pub fn expected(&self, id: i64) -> (&'static str, Option<String>) {
        let film = &self.films[&id];
        let known = &self.known[&id];
        if let Some(matched) = &known.matched {
            // Found again by the Wikidata id it now carries: nothing left blank.
            return ("unchanged", Some(matched.clone()));
        }
        if film.catalog_has_imdb {
            return ("applied", Some(film.qid.clone()));
        }
        match self.namesakes(film).as_slice() {
            [] => ("unmatched", None),
            [one] => ("applied", Some(one.qid.clone())),
            _ => ("review", None),
        }
    }

    pub fn missing(&self) -> BTreeSet<i64> {
        self.known
            .iter()
            .filter(|(id, k)| {
                let has_director = k.mine.is_some() || k.matched.is_some();
                let has_id = k.matched.is_some() || self.films[id].catalog_has_imdb;
                k.decided.is_none() && (!has_director || !has_id)
            })
            .map(|(id, _)| *id)
            .collect()
    }

    pub fn check(&self) -> Result<(), String> {
        for (&id, known) in &self.known {
            let film = self.catalog.get_film(id).map_err(|e| e.to_string())?;
            let ours = &self.films[&id];
            let reference = known.matched.as_ref().map(|qid| {
                self.library
                    .films
                    .iter()
                    .find(|f| &f.qid == qid)
                    .expect("a library film")
            });
            let directors = match (&known.mine, reference) {
                (Some(mine), _) => vec![mine.clone()],
                (None, Some(theirs)) => vec![theirs.director.clone()],
                (None, None) => Vec::new(),
            };
            if film.film.directors != directors {
                return Err(format!(
                    "film {id} ({}): directors {:?}, the model {directors:?}",
                    ours.catalog_title, film.film.directors
                ));
            }
            let year = ours.catalog_year.or(reference.map(|r| r.year));
            if film.film.year != year || film.film.title != ours.catalog_title {
                return Err(format!(
                    "film {id}: {:?} ({:?}), the model {:?} ({year:?})",
                    film.film.title, film.film.year, ours.catalog_title
                ));
            }
            let has_wikidata = film
                .facts
                .external_ids
                .iter()
                .any(|e| e.source == "wikidata");
            if has_wikidata != reference.is_some() {
                return Err(format!(
                    "film {id}: a Wikidata id is {has_wikidata}, the model says matched {:?}",
                    known.matched
                ));
            }
        }
        let queue = self.catalog.completion_queue().map_err(|e| e.to_string())?;
        let listed = |films: &[cinedex_catalog::QueuedFilm]| {
            films.iter().map(|q| q.film.id).collect::<BTreeSet<_>>()
        };
        let modelled = |status: &str| {
            self.known
                .iter()
                .filter(|(_, k)| k.decided == Some(status))
                .map(|(id, _)| *id)
                .collect::<BTreeSet<_>>()
        };
        if listed(&queue.review) != modelled("review")
            || listed(&queue.unmatched) != modelled("unmatched")
        {
            return Err(format!("the queue {queue:?} is not the model's"));
        }
        let missing: BTreeSet<i64> = self
            .catalog
            .completion_films(
                &CompletionTargets::Missing,
                ReferenceSource::Wikidata,
                false,
            )
            .map_err(|e| e.to_string())?
            .into_iter()
            .collect();
        if missing != self.missing() {
            return Err(format!(
                "missing {missing:?}, the model {:?}",
                self.missing()
            ));
        }
        Ok(())
    }
}
