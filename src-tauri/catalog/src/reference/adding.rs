//! Adding a film as the reference describes it: the person's own values (typed over the lookup)
//! win field by field; every credit, the runtime and the external ids come along, so the film can
//! be found again by its ids and is never added twice.

use super::{CreditRole, ExternalId, Reference, ReferenceFilm};
use crate::credits::NameIds;
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::field::Field;
use crate::films::{film_by_id, insert_film_with};
use crate::model::{Credit, Film, FilmFacts, FilmInput, WatchStatus};
use crate::people::ids::{self as people_ids, IdentifiedCredit};
use crate::validate;

/// The roles stored beside the directors, which the film form edits itself.
const OTHER_ROLES: [CreditRole; 6] = [
    CreditRole::Writer,
    CreditRole::Actor,
    CreditRole::Composer,
    CreditRole::Cinematographer,
    CreditRole::Producer,
    CreditRole::Editor,
];

/// At most this many actors are kept: the leads, not the whole cast list.
const MAX_ACTORS: usize = 10;

/// A film added from the reference, and why its poster is missing when the reference had one.
#[derive(Debug)]
pub struct AddedFilm {
    pub film: Film,
    pub poster_problem: Option<CatalogError>,
}

impl Catalog {
    /// The film `from` names (`wikidata:Q…`, `tmdb:ID`, `imdb:tt…`, or a bare `Q…`/`tt…`),
    /// fetched from `reference` and added with `mine` over it, as
    /// [`Catalog::add_film_from_reference`] does, then given the reference's poster. The film is
    /// added even when its poster cannot be fetched (offline, a timeout): the problem is returned
    /// beside it, for the front to mention.
    pub fn add_film_from(
        &self,
        reference: &Reference,
        from: &str,
        mine: &FilmInput,
    ) -> Result<AddedFilm> {
        let id = ExternalId::parse(from).ok_or_else(|| {
            CatalogError::invalid(
                Field::From,
                format!(
                    "{from:?} is not an id Cinedex can look up (wikidata:Q…, tmdb:ID or imdb:tt…)"
                ),
            )
        })?;
        let film = reference.fetch(&id, None)?.ok_or_else(|| {
            CatalogError::invalid(
                Field::From,
                format!(
                    "{}:{} is not a film the reference knows",
                    id.source, id.value
                ),
            )
        })?;
        let added = self.add_film_from_reference(&film, mine)?;
        // A Wikidata film gets TMDB's poster through its ids, when TMDB is set up.
        if film.poster_url.is_none() && !reference.has_tmdb() {
            return Ok(AddedFilm {
                film: added,
                poster_problem: None,
            });
        }
        Ok(
            match self.download_poster(reference, added.id, film.poster_url.as_deref()) {
                Ok(film) => AddedFilm {
                    film,
                    poster_problem: None,
                },
                Err(problem) => AddedFilm {
                    film: added,
                    poster_problem: Some(problem),
                },
            },
        )
    }

    /// Adds `film` with `mine` over it: a title, original title, year, directors or themes the
    /// person gave replace the reference's. Refused, writing nothing, when a film of the catalog
    /// already carries one of its external ids (the error names that film).
    pub fn add_film_from_reference(&self, film: &ReferenceFilm, mine: &FilmInput) -> Result<Film> {
        let film = &self.read(|tx| with_catalog_names(tx, film))?;
        if let Some(existing) = self.film_id_by_external_ids(&film.external_ids)? {
            return Err(CatalogError::invalid(
                Field::From,
                format!(
                    "{} is already in your catalog as film {existing}",
                    film.title
                ),
            ));
        }
        let theirs = reference_facts(film);
        let facts = match &mine.facts {
            Some(given) => over(given, theirs),
            None => theirs,
        };
        let input = FilmInput {
            title: if mine.title.trim().is_empty() {
                film.title.clone()
            } else {
                mine.title.clone()
            },
            original_title: mine
                .original_title
                .clone()
                .or_else(|| film.original_title.clone()),
            year: mine.year.or(film.year),
            directors: if mine.directors.is_empty() {
                film.people(CreditRole::Director)
            } else {
                mine.directors.clone()
            },
            themes: mine.themes.clone(),
            facts: Some(facts),
        };
        let valid = validate::film(&input)?;
        self.write(|tx| {
            let mut ids = NameIds::default();
            let id = insert_film_with(tx, &mut ids, &valid, None, None, WatchStatus::None)?;
            people_ids::remember(tx, id, &identified(film))?;
            film_by_id(tx, id)
        })
    }
}

/// `film` with each credited person the catalog knows by their reference id named as the
/// catalog names them: a person the reference renamed stays the one row.
fn with_catalog_names(tx: &rusqlite::Transaction, film: &ReferenceFilm) -> Result<ReferenceFilm> {
    let mut film = film.clone();
    for credit in &mut film.credits {
        if let Some(id) = &credit.person_id {
            if let Some(name) = people_ids::catalog_name(tx, id)? {
                credit.name = name;
            }
        }
    }
    Ok(film)
}

/// The credits of `film` that carry a person id.
pub(crate) fn identified(film: &ReferenceFilm) -> Vec<IdentifiedCredit<'_>> {
    film.credits
        .iter()
        .filter_map(|c| {
            Some(IdentifiedCredit {
                role: c.role.catalog_role(),
                name: &c.name,
                id: c.person_id.as_ref()?,
            })
        })
        .collect()
}

/// What the reference says of `film` as the catalog's facts: the leads of the cast, runtimes and
/// names within the catalog's bounds (a reference's oddities are dropped, not refused).
pub(crate) fn reference_facts(film: &ReferenceFilm) -> FilmFacts {
    let mut credits = Vec::new();
    for role in OTHER_ROLES {
        let mut people: Vec<_> = film.credits.iter().filter(|c| c.role == role).collect();
        people.sort_by_key(|c| c.order);
        if role == CreditRole::Actor {
            people.truncate(MAX_ACTORS);
        }
        credits.extend(
            people
                .into_iter()
                .filter(|c| validate::person_name(Field::Credits, &c.name).is_ok())
                .map(|c| Credit {
                    role,
                    name: c.name.clone(),
                    character: c.character.clone().filter(|ch| {
                        validate::credited_as(Field::Credits, &Some(ch.clone())).is_ok()
                    }),
                }),
        );
    }
    let bounded = |text: &Option<String>, max: usize| {
        text.clone()
            .map(|t| t.chars().take(max).collect::<String>())
    };
    FilmFacts {
        runtime_minutes: film
            .runtime_minutes
            .filter(|m| (1..=validate::MAX_RUNTIME_MINUTES).contains(&i64::from(*m))),
        credits,
        genres: short(&film.genres, validate::MAX_THEME_CHARS),
        countries: short(&film.countries, validate::MAX_LANGUAGE_CHARS),
        original_language: bounded(&film.original_language, validate::MAX_LANGUAGE_CHARS),
        synopsis: bounded(&film.synopsis, validate::MAX_SYNOPSIS_CHARS),
        external_ids: film.external_ids.clone(),
    }
}

fn short(names: &[String], max: usize) -> Vec<String> {
    names
        .iter()
        .filter(|name| name.chars().count() <= max)
        .cloned()
        .collect()
}

/// `mine` over `theirs`, field by field: what the person gave wins, blanks take the reference's.
fn over(mine: &FilmFacts, theirs: FilmFacts) -> FilmFacts {
    let mut credits: Vec<Credit> = mine.credits.clone();
    for role in OTHER_ROLES {
        if !mine.credits.iter().any(|c| c.role == role) {
            credits.extend(theirs.credits.iter().filter(|c| c.role == role).cloned());
        }
    }
    let mut external_ids = theirs.external_ids;
    for id in &mine.external_ids {
        if !external_ids.contains(id) {
            external_ids.push(id.clone());
        }
    }
    let list = |mine: &Vec<String>, theirs: Vec<String>| {
        if mine.is_empty() {
            theirs
        } else {
            mine.clone()
        }
    };
    FilmFacts {
        runtime_minutes: mine.runtime_minutes.or(theirs.runtime_minutes),
        credits,
        genres: list(&mine.genres, theirs.genres),
        countries: list(&mine.countries, theirs.countries),
        original_language: mine.original_language.clone().or(theirs.original_language),
        synopsis: mine.synopsis.clone().or(theirs.synopsis),
        external_ids,
    }
}
