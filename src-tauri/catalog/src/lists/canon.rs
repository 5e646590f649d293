//! Lists that follow a canon: the winners of an award become the list's entries, those already
//! in the catalog (matched by Wikidata, IMDb or TMDB id) as real entries, the others as ghosts.
//! Following the same canon again adds what is new and keeps everything the person wrote (notes,
//! order); nothing is fetched inside the transaction, so a failed fetch changes nothing.

use crate::field::Field;
use rusqlite::{params, OptionalExtension, Transaction};

use super::follow_file::ghost_becomes;
use super::title_ghosts::TITLE_GHOST_SOURCE;
use super::{add_film, find_or_create, list_detail, next_position, FilmListDetail, FilmListGhost};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::model::{ExternalId, FilmFacts, FilmInput};
use crate::reference::{film_id_by_external_ids_in, Canon, Reference};
use crate::time;

impl Catalog {
    /// Follows the award `award` names (`Q179808`, or a name such as "Palme d'Or"): the list
    /// named after the award's label, created or brought up to date, with its winners.
    pub fn add_canon(&self, reference: &Reference, award: &str) -> Result<FilmListDetail> {
        let canon = reference.canon(award)?;
        self.write(|tx| apply(tx, &canon))
    }

    /// Adds the film a ghost of list `list_id` stands for (`wikidata:Q…`, `imdb:tt…`,
    /// `letterboxd:URL`, `title:…`) to the catalog: the ghost becomes the film's entry, in its
    /// place and with its note. A ghost the reference can look up (Wikidata, IMDb or TMDB id) is
    /// added from it, as the reference describes the film; an IMDb or TMDB ghost while Cinedex is
    /// offline, and any other ghost (a list file's row), is added as the file named it (title,
    /// year, directors, and its id as the film's external id), in one transaction.
    pub fn add_ghost_film(
        &self,
        reference: &Reference,
        list_id: i64,
        reference_id: &str,
    ) -> Result<FilmListDetail> {
        let ghost = self.read(|tx| {
            super::list_detail(tx, list_id).map(|detail| {
                detail
                    .ghosts
                    .into_iter()
                    .find(|ghost| ghost.reference_id == reference_id)
            })
        })?;
        let Some(ghost) = ghost else {
            return Err(CatalogError::invalid(
                Field::ReferenceId,
                format!("{reference_id:?} is not a film of this list missing from the catalog"),
            ));
        };
        let (source, value) = reference_id.split_once(':').unwrap_or(("", reference_id));
        let looked_up = match source {
            "wikidata" => Some(self.add_film_from(reference, reference_id, &FilmInput::default())),
            "imdb" | "tmdb" => {
                match self.add_film_from(reference, reference_id, &FilmInput::default()) {
                    Err(CatalogError::Offline { .. }) => None,
                    other => Some(other),
                }
            }
            _ => None,
        };
        match looked_up {
            Some(added) => {
                let film_id = added?.film.id;
                // The reference's film may not carry the ghost's own id: it takes its place anyway.
                self.write(|tx| ghost_becomes(tx, list_id, source, value, film_id))?;
            }
            None => self.write(|tx| add_as_named(tx, list_id, source, value, &ghost))?,
        }
        self.get_list(list_id)
    }
}

/// Adds the film a ghost names, with its id (unless it is only a title key), and gives it the
/// ghost's place.
fn add_as_named(
    tx: &Transaction,
    list_id: i64,
    source: &str,
    value: &str,
    ghost: &FilmListGhost,
) -> Result<()> {
    let external_ids = if source == TITLE_GHOST_SOURCE {
        Vec::new()
    } else {
        vec![ExternalId::new(source, value)]
    };
    let valid = crate::validate::film(&FilmInput {
        title: ghost.title.clone(),
        year: ghost.year,
        directors: ghost.directors.clone(),
        facts: Some(FilmFacts {
            external_ids,
            ..FilmFacts::default()
        }),
        ..FilmInput::default()
    })?;
    let film_id = crate::films::insert_film(tx, &valid)?;
    ghost_becomes(tx, list_id, source, value, film_id)?;
    Ok(())
}

fn apply(tx: &Transaction, canon: &Canon) -> Result<FilmListDetail> {
    let source = format!("{}:{}", canon.source.source, canon.source.value);
    let following: Option<i64> = tx
        .query_row("SELECT id FROM lists WHERE canon = ?1", [&source], |row| {
            row.get(0)
        })
        .optional()?;
    let list_id = match following {
        Some(id) => id,
        None => {
            let (id, _) = find_or_create(tx, &canon.label, None, None)?;
            let adopted = tx.execute(
                "UPDATE lists SET canon = ?2 WHERE id = ?1 AND canon IS NULL",
                params![id, source],
            )?;
            if adopted == 0 {
                return Err(CatalogError::Conflict(format!(
                    "the list named {:?} already follows another canon",
                    canon.label
                )));
            }
            id
        }
    };
    for film in &canon.films {
        if let Some(film_id) = film_id_by_external_ids_in(tx, &film.external_ids())? {
            // A ghost of it left from before (the film was in the trash then) gives its place.
            let moved = tx.execute(
                "INSERT OR IGNORE INTO list_films (list_id, film_id, position, note)
                 SELECT list_id, ?3, position, note FROM list_ghosts
                  WHERE list_id = ?1 AND source = 'wikidata' AND value = ?2",
                params![list_id, film.id, film_id],
            )?;
            tx.execute(
                "DELETE FROM list_ghosts WHERE list_id = ?1 AND source = 'wikidata' AND value = ?2",
                params![list_id, film.id],
            )?;
            if moved == 0 {
                add_film(tx, list_id, film_id, None)?;
            }
            continue;
        }
        let directors = (!film.directors.is_empty()).then(|| film.directors.join("\n"));
        let position = next_position(tx, list_id)?;
        tx.prepare_cached(
            "INSERT INTO list_ghosts (list_id, source, value, imdb, title, year, directors, position)
             VALUES (?1, 'wikidata', ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (list_id, source, value) DO UPDATE
                SET imdb = excluded.imdb, title = excluded.title, year = excluded.year,
                    directors = excluded.directors",
        )?
        .execute(params![
            list_id, film.id, film.imdb, film.title, film.year, directors, position
        ])?;
    }
    tx.execute(
        "UPDATE lists SET updated_at = ?2 WHERE id = ?1",
        params![list_id, time::to_text(time::now())],
    )?;
    list_detail(tx, list_id)
}
