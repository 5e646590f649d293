//! Adding a film as the reference describes it: the person's own values (typed over the lookup)
//! win field by field; every credit, the runtime and the external ids come along, so the film can
//! be found again by its ids and is never added twice.

use rusqlite::params;

use super::{CreditRole, ExternalId, Reference, ReferenceFilm};
use crate::credits::{self, NameIds};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::films::{film_by_id, insert_film_with};
use crate::model::{Film, FilmInput, WatchStatus};
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

impl Catalog {
    /// The film `from` names (`wikidata:Q…`, `tmdb:ID`, `imdb:tt…`, or a bare `Q…`/`tt…`),
    /// fetched from `reference` and added with `mine` over it, as
    /// [`Catalog::add_film_from_reference`] does.
    pub fn add_film_from(
        &self,
        reference: &Reference,
        from: &str,
        mine: &FilmInput,
    ) -> Result<Film> {
        let id = ExternalId::parse(from).ok_or_else(|| {
            CatalogError::invalid(
                "from",
                format!(
                    "{from:?} is not an id Cinedex can look up (wikidata:Q…, tmdb:ID or imdb:tt…)"
                ),
            )
        })?;
        let film = reference.fetch(&id, None)?.ok_or_else(|| {
            CatalogError::invalid(
                "from",
                format!(
                    "{}:{} is not a film the reference knows",
                    id.source, id.value
                ),
            )
        })?;
        self.add_film_from_reference(&film, mine)
    }

    /// Adds `film` with `mine` over it: a title, original title, year, directors or themes the
    /// person gave replace the reference's. Refused, writing nothing, when a film of the catalog
    /// already carries one of its external ids (the error names that film).
    pub fn add_film_from_reference(&self, film: &ReferenceFilm, mine: &FilmInput) -> Result<Film> {
        if let Some(existing) = self.film_id_by_external_ids(&film.external_ids)? {
            return Err(CatalogError::invalid(
                "from",
                format!(
                    "{} is already in your catalog as film {existing}",
                    film.title
                ),
            ));
        }
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
        };
        let valid = validate::film(&input)?;
        let mut credits = Vec::new();
        for role in OTHER_ROLES {
            let mut people: Vec<_> = film.credits.iter().filter(|c| c.role == role).collect();
            people.sort_by_key(|c| c.order);
            if role == CreditRole::Actor {
                people.truncate(MAX_ACTORS);
            }
            for credit in people {
                let name = validate::person_name("credits", &credit.name)?;
                credits.push((role, name, credit.character.clone()));
            }
        }
        let runtime = film
            .runtime_minutes
            .map(i64::from)
            .filter(|m| *m <= validate::MAX_RUNTIME_MINUTES);
        self.write(|tx| {
            let mut ids = NameIds::default();
            let id = insert_film_with(tx, &mut ids, &valid, runtime, None, WatchStatus::None)?;
            for role in OTHER_ROLES {
                let names: Vec<String> = credits
                    .iter()
                    .filter(|(r, _, _)| *r == role)
                    .map(|(_, name, _)| name.clone())
                    .collect();
                credits::add_people(tx, &mut ids, id, role.catalog_role(), &names)?;
            }
            for (role, name, character) in credits.iter().filter(|(_, _, c)| c.is_some()) {
                tx.execute(
                    "UPDATE film_people SET credited_as = ?3
                      WHERE film_id = ?1 AND role = ?2
                        AND person_id = (SELECT id FROM people WHERE name_key = ?4)",
                    params![id, role.as_str(), character, crate::text::fold(name)],
                )?;
            }
            let mut insert_id = tx.prepare_cached(
                "INSERT OR IGNORE INTO external_ids (film_id, source, value) VALUES (?1, ?2, ?3)",
            )?;
            for external in &film.external_ids {
                insert_id.execute(params![id, external.source, external.value])?;
            }
            film_by_id(tx, id)
        })
    }
}
