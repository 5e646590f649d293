//! Rules for a film's facts as a person edits them or a reference brings them: credits beside
//! the directors, genres, countries, the original language, the synopsis, the runtime and the ids.

use crate::field::Field;
use std::collections::HashSet;

use super::{
    check_length, count_per_film, credited_as, external_id, names, optional_name, person_name,
    runtime, MAX_CREDITS_PER_FILM, MAX_EXTERNAL_IDS_PER_FILM, MAX_THEME_CHARS,
};
use crate::error::{CatalogError, Result};
use crate::model::{CreditRole, FilmFacts};
use crate::text::fold;

/// As the catalog's schema allows (`films.synopsis`).
pub const MAX_SYNOPSIS_CHARS: usize = 5_000;
/// As the catalog's schema allows (`films.original_language`, `film_countries.country`).
pub const MAX_LANGUAGE_CHARS: usize = 100;

/// Facts that passed validation, in the exact form they will be stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidFacts {
    runtime_minutes: Option<i64>,
    /// Roles other than director, each role's names in credit order, once each.
    credits: Vec<ValidCredit>,
    genres: Vec<String>,
    countries: Vec<String>,
    original_language: Option<String>,
    synopsis: Option<String>,
    /// `(source, value)`, once each.
    external_ids: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidCredit {
    role: CreditRole,
    name: String,
    character: Option<String>,
}

impl ValidFacts {
    pub fn runtime_minutes(&self) -> Option<i64> {
        self.runtime_minutes
    }

    pub fn credits(&self) -> &[ValidCredit] {
        &self.credits
    }

    pub fn genres(&self) -> &[String] {
        &self.genres
    }

    pub fn countries(&self) -> &[String] {
        &self.countries
    }

    pub fn original_language(&self) -> Option<&str> {
        self.original_language.as_deref()
    }

    pub fn synopsis(&self) -> Option<&str> {
        self.synopsis.as_deref()
    }

    /// `(source, value)`, once each.
    pub fn external_ids(&self) -> &[(String, String)] {
        &self.external_ids
    }
}

impl ValidCredit {
    pub fn role(&self) -> CreditRole {
        self.role
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn character(&self) -> Option<&str> {
        self.character.as_deref()
    }
}

pub fn facts(input: &FilmFacts) -> Result<ValidFacts> {
    count_per_film(
        Field::Credits,
        "credits",
        input.credits.len(),
        MAX_CREDITS_PER_FILM,
    )?;
    let mut seen = HashSet::new();
    let mut credits = Vec::new();
    for (index, credit) in input.credits.iter().enumerate() {
        if credit.role == CreditRole::Director {
            return Err(CatalogError::invalid(
                Field::Credits,
                format!(
                    "Credit {} names a director ({}); directors are given as the film's directors.",
                    index + 1,
                    credit.name.trim()
                ),
            ));
        }
        let name = person_name(Field::Credits, &credit.name)?;
        let character = if credit.role == CreditRole::Actor {
            credited_as(Field::Credits, &credit.character)?
        } else {
            None
        };
        if seen.insert((credit.role, fold(&name))) {
            credits.push(ValidCredit {
                role: credit.role,
                name,
                character,
            });
        }
    }
    let synopsis = match input.synopsis.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => {
            check_length(Field::Synopsis, "Synopsis", text, MAX_SYNOPSIS_CHARS)?;
            if text.contains('\0') {
                return Err(CatalogError::invalid(
                    Field::Synopsis,
                    "A synopsis cannot hold a NUL character.",
                ));
            }
            Some(text.to_owned())
        }
        _ => None,
    };
    let mut ids = Vec::new();
    for id in &input.external_ids {
        let pair = external_id(&id.source, &id.value)
            .map_err(|e| CatalogError::invalid(Field::ExternalIds, e.to_string()))?;
        if !ids.contains(&pair) {
            ids.push(pair);
        }
    }
    count_per_film(
        Field::ExternalIds,
        "external ids",
        ids.len(),
        MAX_EXTERNAL_IDS_PER_FILM,
    )?;
    Ok(ValidFacts {
        runtime_minutes: runtime(input.runtime_minutes.map(i64::from))?,
        credits,
        genres: names(Field::Genres, "Genre", &input.genres, MAX_THEME_CHARS)?,
        countries: names(
            Field::Countries,
            "Country",
            &input.countries,
            MAX_LANGUAGE_CHARS,
        )?,
        original_language: optional_name(
            Field::OriginalLanguage,
            "Original language",
            &input.original_language,
            MAX_LANGUAGE_CHARS,
        )?,
        synopsis,
        external_ids: ids,
    })
}
