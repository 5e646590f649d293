//! Refreshing a film from the reference: each field as the catalog has it beside what Wikidata
//! or TMDB says, blanks filled on request, and a value that differs kept unless the person takes
//! the reference's. What the person wrote is never replaced by a blank.

use crate::field::Field;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::adding::reference_facts;
use super::{ExternalId, Reference, ReferenceFilm, ReferenceSource};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::model::{Credit, CreditRole, FilmDetail, FilmFacts, FilmInput};
use crate::text::fold;

/// How one field compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FieldStatus {
    /// Both say the same (case and accents aside).
    Same,
    /// The catalog has nothing (or, for ids, lacks some): the reference's value fills it.
    Fill,
    /// Both have a value and they differ: the catalog's stays unless taken.
    Differs,
    /// The reference says nothing: the catalog's stays.
    Absent,
}

/// One field, the catalog's value beside the reference's, each as the lines a person reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldComparison {
    /// The name `--take` and the window use: `year`, `cast`, `genres`, ...
    pub field: String,
    pub label: String,
    pub catalog: Vec<String>,
    pub reference: Vec<String>,
    pub status: FieldStatus,
}

/// A film compared with the reference, and what was taken from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Refresh {
    #[ts(type = "number")]
    pub film_id: i64,
    pub source: ReferenceSource,
    pub reference_id: String,
    pub fields: Vec<FieldComparison>,
    /// The fields written, in field order; empty when only compared.
    pub applied: Vec<String>,
}

/// What a refresh takes from the reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Take {
    Nothing,
    /// Every field the catalog has blank.
    Blanks,
    /// These fields, where the reference has a value that is not already the catalog's.
    Fields(Vec<String>),
    /// Every field where the reference has a value that is not already the catalog's.
    All,
}

/// The fields compared, in the order shown.
pub const FIELDS: [(&str, &str); 15] = [
    ("title", "Title"),
    ("originalTitle", "Original title"),
    ("year", "Year"),
    ("runtimeMinutes", "Runtime"),
    ("directors", "Directors"),
    ("writers", "Writers"),
    ("cast", "Cast"),
    ("composers", "Music"),
    ("cinematographers", "Photography"),
    ("producers", "Producers"),
    ("editors", "Editors"),
    ("genres", "Genres"),
    ("countries", "Countries"),
    ("originalLanguage", "Original language"),
    ("synopsis", "Synopsis"),
];

const ID_FIELD: (&str, &str) = ("externalIds", "Ids");

/// A film as both sides describe it, in the catalog's shapes.
#[derive(Debug, Clone)]
struct Side {
    title: String,
    original_title: Option<String>,
    year: Option<i32>,
    directors: Vec<String>,
    facts: FilmFacts,
}

impl Side {
    fn of_catalog(detail: &FilmDetail) -> Side {
        Side {
            title: detail.film.title.clone(),
            original_title: detail.film.original_title.clone(),
            year: detail.film.year,
            directors: detail.film.directors.clone(),
            facts: detail.facts.clone(),
        }
    }

    fn of_reference(film: &ReferenceFilm) -> Side {
        Side {
            title: film.title.clone(),
            original_title: film.original_title.clone(),
            year: film.year,
            directors: film.people(CreditRole::Director),
            facts: reference_facts(film),
        }
    }

    fn values(&self, field: &str) -> Vec<String> {
        let one = |value: Option<String>| value.into_iter().collect::<Vec<_>>();
        match field {
            "title" => vec![self.title.clone()],
            "originalTitle" => one(self.original_title.clone()),
            "year" => one(self.year.map(|y| y.to_string())),
            "runtimeMinutes" => one(self.facts.runtime_minutes.map(|m| m.to_string())),
            "directors" => self.directors.clone(),
            "genres" => self.facts.genres.clone(),
            "countries" => self.facts.countries.clone(),
            "originalLanguage" => one(self.facts.original_language.clone()),
            "synopsis" => one(self.facts.synopsis.clone()),
            "externalIds" => self
                .facts
                .external_ids
                .iter()
                .map(|id| format!("{}:{}", id.source, id.value))
                .collect(),
            other => match role_of(other) {
                Some(role) => self
                    .facts
                    .credits
                    .iter()
                    .filter(|c| c.role == role)
                    .map(|c| match &c.character {
                        Some(character) => format!("{} ({character})", c.name),
                        None => c.name.clone(),
                    })
                    .collect(),
                None => Vec::new(),
            },
        }
    }

    /// Puts `theirs`'s value of `field` in place of this side's.
    fn take(&mut self, theirs: &Side, field: &str) {
        match field {
            "title" => self.title = theirs.title.clone(),
            "originalTitle" => self.original_title = theirs.original_title.clone(),
            "year" => self.year = theirs.year,
            "runtimeMinutes" => self.facts.runtime_minutes = theirs.facts.runtime_minutes,
            "directors" => self.directors = theirs.directors.clone(),
            "genres" => self.facts.genres = theirs.facts.genres.clone(),
            "countries" => self.facts.countries = theirs.facts.countries.clone(),
            "originalLanguage" => {
                self.facts.original_language = theirs.facts.original_language.clone()
            }
            "synopsis" => self.facts.synopsis = theirs.facts.synopsis.clone(),
            // Ids are only ever added: one the reference lacks may be another service's.
            "externalIds" => {
                for id in &theirs.facts.external_ids {
                    if !self.facts.external_ids.contains(id) {
                        self.facts.external_ids.push(id.clone());
                    }
                }
            }
            other => {
                if let Some(role) = role_of(other) {
                    self.facts.credits.retain(|c| c.role != role);
                    let taken: Vec<Credit> = theirs
                        .facts
                        .credits
                        .iter()
                        .filter(|c| c.role == role)
                        .cloned()
                        .collect();
                    self.facts.credits.extend(taken);
                }
            }
        }
    }
}

fn role_of(field: &str) -> Option<CreditRole> {
    Some(match field {
        "writers" => CreditRole::Writer,
        "cast" => CreditRole::Actor,
        "composers" => CreditRole::Composer,
        "cinematographers" => CreditRole::Cinematographer,
        "producers" => CreditRole::Producer,
        "editors" => CreditRole::Editor,
        _ => return None,
    })
}

fn status(field: &str, catalog: &[String], reference: &[String]) -> FieldStatus {
    let folded = |values: &[String]| values.iter().map(|v| fold(v)).collect::<Vec<_>>();
    let (mine, theirs) = (folded(catalog), folded(reference));
    if theirs.is_empty() {
        FieldStatus::Absent
    } else if field == ID_FIELD.0 {
        if theirs.iter().all(|id| mine.contains(id)) {
            FieldStatus::Same
        } else {
            FieldStatus::Fill
        }
    } else if mine == theirs {
        FieldStatus::Same
    } else if mine.is_empty() {
        FieldStatus::Fill
    } else {
        FieldStatus::Differs
    }
}

/// Every field of `catalog` beside `reference`.
fn compare(catalog: &Side, reference: &Side) -> Vec<FieldComparison> {
    FIELDS
        .iter()
        .chain(std::iter::once(&ID_FIELD))
        .map(|(field, label)| {
            let (mine, theirs) = (catalog.values(field), reference.values(field));
            FieldComparison {
                field: (*field).to_owned(),
                label: (*label).to_owned(),
                status: status(field, &mine, &theirs),
                catalog: mine,
                reference: theirs,
            }
        })
        .collect()
}

/// The names `take` picks among `fields`; an unknown name is refused, listing the known ones.
fn chosen(fields: &[FieldComparison], take: &Take) -> Result<Vec<String>> {
    if let Take::Fields(names) = take {
        for name in names {
            if !fields.iter().any(|f| &f.field == name) {
                let known: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
                return Err(CatalogError::invalid(
                    Field::Take,
                    format!(
                        "\"{name}\" is not a field to take; the fields are: {}, or all.",
                        known.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(fields
        .iter()
        .filter(|f| match take {
            Take::Nothing => false,
            Take::Blanks => f.status == FieldStatus::Fill,
            Take::All => matches!(f.status, FieldStatus::Fill | FieldStatus::Differs),
            Take::Fields(names) => {
                names.contains(&f.field)
                    && matches!(f.status, FieldStatus::Fill | FieldStatus::Differs)
            }
        })
        .map(|f| f.field.clone())
        .collect())
}

impl Catalog {
    /// Compares film `film_id` with `theirs` and writes the fields `take` picks, in one edit.
    pub fn refresh_film_from(
        &self,
        film_id: i64,
        theirs: &ReferenceFilm,
        take: &Take,
    ) -> Result<Refresh> {
        let detail = self.get_film(film_id)?;
        let (mut mine, reference) = (Side::of_catalog(&detail), Side::of_reference(theirs));
        let fields = compare(&mine, &reference);
        let applied = chosen(&fields, take)?;
        if !applied.is_empty() {
            for field in &applied {
                mine.take(&reference, field);
            }
            mine.facts
                .credits
                .retain(|c| c.role != CreditRole::Director);
            let input = FilmInput {
                title: mine.title,
                original_title: mine.original_title,
                year: mine.year,
                directors: mine.directors,
                themes: detail.film.themes.clone(),
                facts: Some(mine.facts),
            };
            self.update_film(film_id, &input)?;
        }
        if !matches!(take, Take::Nothing) {
            // The people credited as the reference credits them are who it says, even where no
            // field changed: its ids go to them, or their credit to the namesake carrying the id.
            let credits = super::adding::identified(theirs);
            self.write(|tx| crate::people::ids::remember(tx, film_id, &credits))?;
        }
        let fields = if applied.is_empty() {
            fields
        } else {
            compare(&Side::of_catalog(&self.get_film(film_id)?), &reference)
        };
        Ok(Refresh {
            film_id,
            source: theirs.source,
            reference_id: theirs.id.clone(),
            fields,
            applied,
        })
    }

    /// Fetches film `film_id` from `reference` by the ids it has (Wikidata's, then IMDb's, then
    /// TMDB's; TMDB's first when `source` is TMDB), then [`Catalog::refresh_film_from`].
    pub fn refresh_film(
        &self,
        reference: &Reference,
        film_id: i64,
        source: Option<ReferenceSource>,
        take: &Take,
    ) -> Result<Refresh> {
        let detail = self.get_film(film_id)?;
        let order: &[&str] = match source {
            Some(ReferenceSource::Tmdb) => &["tmdb", "imdb"],
            _ => &["wikidata", "imdb", "tmdb"],
        };
        let id: Option<&ExternalId> = order.iter().find_map(|wanted| {
            detail
                .facts
                .external_ids
                .iter()
                .find(|id| id.source == *wanted)
        });
        let Some(id) = id else {
            return Err(CatalogError::invalid(
                Field::Film,
                format!(
                    "Film {film_id} has no Wikidata, IMDb or TMDB id to be refreshed by; add it \
                     again by lookup (cinedex add --from …) or import it with its ids."
                ),
            ));
        };
        let theirs = reference.fetch(id, source)?.ok_or_else(|| {
            CatalogError::invalid(
                Field::Film,
                format!(
                    "{}:{} is not a film the reference knows.",
                    id.source, id.value
                ),
            )
        })?;
        self.refresh_film_from(film_id, &theirs, take)
    }
}
