//! Completion runs cut short: the service failing half-way, a busy service, a cancel, being
//! offline. Every finished film stays filled and the rest resume.

use crate::completion_support;
use crate::reference_support;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use cinedex_catalog::Catalog;
use cinedex_catalog::{CompletionOptions, CompletionStatus, CompletionTargets};
use cinedex_catalog::{Reference, ReferenceSource};
use completion_support::*;
use reference_support::library::WikidataLibrary;
use reference_support::{options, Asked, Reply, TestServer};

#[test]
fn a_service_that_fails_half_way_keeps_every_finished_film_and_the_rest_resumes() {
    let library = Arc::new(WikidataLibrary::letterboxd_like());
    let failing = Arc::new(AtomicUsize::new(usize::MAX));
    let (answers, fails_after) = (library.clone(), failing.clone());
    let server = TestServer::start(move |asked: &Asked| {
        if asked.number >= fails_after.load(Ordering::SeqCst) {
            Reply::Text(503, "gone".into())
        } else {
            Reply::Json(answers.answer(&asked.params))
        }
    });
    let mut settings = options(&server.url);
    settings.http.max_retries = 0;
    settings.tmdb_key = None;
    let reference = Reference::new(settings).unwrap();
    let catalog = Catalog::open_in_memory().unwrap();
    let ids = fill_catalog(&catalog, &library);
    failing.store(25, Ordering::SeqCst);

    let first = complete_missing(&catalog, &reference);

    let stopped = first.stopped.clone().expect("the run stopped");
    assert!(stopped.contains("Wikidata"), "{stopped}");
    assert!(first.totals.remaining > 0, "{first:?}");
    for film in &first.films {
        if film.status == CompletionStatus::Applied {
            assert!(!catalog
                .get_film(film.film_id)
                .unwrap()
                .film
                .directors
                .is_empty());
        }
    }
    let finished = first.films.len();
    assert!(finished >= 3, "{first:?}");

    failing.store(usize::MAX, Ordering::SeqCst);
    let second = complete_missing(&catalog, &reference);
    assert_eq!(second.stopped, None);
    assert_eq!(second.totals.films as usize, 30 - finished);
    let queue = catalog.completion_queue().unwrap();
    assert_eq!(queue.review.len(), 2);
    assert_eq!(queue.unmatched.len(), 1);
    assert_eq!(
        catalog.get_film(ids["Vertigo"]).unwrap().film.directors,
        ["Alfred Hitchcock"]
    );
}

#[test]
fn cancelling_stops_between_films_and_counts_the_rest_as_remaining() {
    let server = serve(WikidataLibrary::letterboxd_like());
    let reference = wikidata_reference(&server.url);
    let catalog = Catalog::open_in_memory().unwrap();
    fill_catalog(&catalog, &WikidataLibrary::letterboxd_like());
    let one_at_a_time = CompletionOptions {
        concurrency: 1,
        ..wikidata_only()
    };

    let report = catalog
        .complete(
            &reference,
            &CompletionTargets::Missing,
            &one_at_a_time,
            &|progress, _| progress.done < 4,
        )
        .unwrap();

    assert_eq!(report.stopped.as_deref(), Some("cancelled"));
    assert_eq!(report.films.len(), 4);
    assert_eq!(report.totals.remaining, 26);
    let rest = catalog
        .completion_films(&CompletionTargets::Missing, ReferenceSource::Wikidata, true)
        .unwrap();
    assert_eq!(rest.len(), 26);
}

#[test]
fn a_busy_service_is_waited_for_and_never_asked_more_than_three_at_once() {
    let library = WikidataLibrary::letterboxd_like();
    let in_flight = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let (now, peak) = (in_flight.clone(), most.clone());
    let server = TestServer::start(move |asked: &Asked| {
        let current = now.fetch_add(1, Ordering::SeqCst) + 1;
        peak.fetch_max(current, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(5));
        let reply = if asked.number == 3 {
            Reply::Busy(1)
        } else {
            Reply::Json(library.answer(&asked.params))
        };
        now.fetch_sub(1, Ordering::SeqCst);
        reply
    });
    let reference = wikidata_reference(&server.url);
    let catalog = Catalog::open_in_memory().unwrap();
    fill_catalog(&catalog, &WikidataLibrary::letterboxd_like());
    let eager = CompletionOptions {
        concurrency: 8,
        ..wikidata_only()
    };

    let report = complete_with(&catalog, &reference, &CompletionTargets::Missing, &eager);

    assert_eq!(
        report.stopped, None,
        "the 429 was retried after its Retry-After"
    );
    assert_eq!(report.totals.applied, 27);
    assert!(
        most.load(Ordering::SeqCst) <= 3,
        "{} at once",
        most.load(Ordering::SeqCst)
    );
}

#[test]
fn offline_nothing_is_asked_and_nothing_changes() {
    let server = serve(WikidataLibrary::letterboxd_like());
    let mut settings = options(&server.url);
    settings.http.offline = true;
    let reference = Reference::new(settings).unwrap();
    let catalog = Catalog::open_in_memory().unwrap();
    let ids = fill_catalog(&catalog, &WikidataLibrary::letterboxd_like());

    let report = complete_missing(&catalog, &reference);

    assert!(report.stopped.unwrap().contains("offline"));
    assert_eq!(server.requests(), 0);
    assert!(catalog
        .get_film(ids["Stalker"])
        .unwrap()
        .film
        .directors
        .is_empty());
    assert_eq!(
        catalog
            .completion_films(
                &CompletionTargets::Missing,
                ReferenceSource::Wikidata,
                false
            )
            .unwrap()
            .len(),
        30
    );
}
