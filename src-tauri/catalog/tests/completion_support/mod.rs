//! What the completion tests share: the 30-film library's catalog side, a Wikidata-only
//! reference, and a run that reports to nobody.

use std::collections::HashMap;

use cinedex_catalog::{Catalog, Film, FilmFacts, FilmInput};
use cinedex_catalog::{
    CompletionOptions, CompletionProgress, CompletionReport, CompletionTargets, FilmCompletion,
};
use cinedex_catalog::{ExternalId, Reference, ReferenceSource};

use crate::reference_support::library::WikidataLibrary;
use crate::reference_support::{options, Asked, Reply, TestServer};

pub fn wikidata_only() -> CompletionOptions {
    CompletionOptions {
        source: Some(ReferenceSource::Wikidata),
        ..CompletionOptions::default()
    }
}

/// The library's catalog side: each film as a Letterboxd (or IMDb) import leaves it. Returns
/// the film ids by catalog title.
pub fn fill_catalog(catalog: &Catalog, library: &WikidataLibrary) -> HashMap<String, i64> {
    let mut ids = HashMap::new();
    for film in library.catalog_films() {
        let external_ids = if film.catalog_has_imdb {
            vec![ExternalId::new("imdb", film.imdb.clone())]
        } else {
            vec![ExternalId::new(
                "letterboxd",
                format!("https://boxd.it/{}", film.qid),
            )]
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
        ids.insert(film.catalog_title.clone(), added.id);
    }
    ids
}

/// Wikidata alone at `url`: these stand-ins do not answer TMDB.
pub fn wikidata_reference(url: &str) -> Reference {
    let mut settings = options(url);
    settings.tmdb_key = None;
    Reference::new(settings).unwrap()
}

pub fn serve(library: WikidataLibrary) -> TestServer {
    TestServer::start(move |asked: &Asked| Reply::Json(library.answer(&asked.params)))
}

pub fn no_progress() -> impl Fn(&CompletionProgress, &FilmCompletion) -> bool + Sync {
    |_, _| true
}

/// A Wikidata-only run over the films missing something, reporting to nobody.
pub fn complete_missing(catalog: &Catalog, reference: &Reference) -> CompletionReport {
    complete_with(
        catalog,
        reference,
        &CompletionTargets::Missing,
        &wikidata_only(),
    )
}

/// A run over `targets` as `options` say, reporting to nobody.
pub fn complete_with(
    catalog: &Catalog,
    reference: &Reference,
    targets: &CompletionTargets,
    options: &CompletionOptions,
) -> CompletionReport {
    catalog
        .complete(reference, targets, options, &no_progress())
        .unwrap()
}

pub fn tmdb_only() -> CompletionOptions {
    CompletionOptions {
        source: Some(ReferenceSource::Tmdb),
        ..CompletionOptions::default()
    }
}

/// Film `title` of `year`, typed in with nothing else.
pub fn typed_film(catalog: &Catalog, title: &str, year: Option<i32>) -> Film {
    catalog
        .add_film(&FilmInput {
            title: title.into(),
            year,
            ..FilmInput::default()
        })
        .unwrap()
}
