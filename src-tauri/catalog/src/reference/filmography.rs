//! A person's filmography from the reference, asked on demand and cached like every answer:
//! Wikidata's films with a `haswbstatement:` of the person as director (P57), writer (P58) or
//! cast member (P161), named through `wbgetentities` in batches of 50; or TMDB's
//! `/person/{id}` with its `movie_credits`. Parsed into [`Filmography`], each film marked with
//! the catalog film it already is.

use crate::field::Field;
use serde_json::Value;

use super::json::{array, field, integer, text, year_of, MAX_NAME};
use super::model::{is_wikidata_id, ExternalId};
use super::tmdb::Tmdb;
use super::wikidata::Wikidata;
use super::{unreadable, Reference};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::model::{
    CreditRole, Film, FilmInput, Filmography, FilmographyEntry, PersonPage, WatchStatus,
};

/// The statements that make a film the person's, by role.
const WIKIDATA_ROLES: [(&str, CreditRole); 3] = [
    ("P57", CreditRole::Director),
    ("P58", CreditRole::Writer),
    ("P161", CreditRole::Actor),
];

/// The most films asked of each role's search.
const MAX_PER_ROLE: &str = "200";

impl Reference {
    /// The filmography of the person with reference id `id` (`wikidata:Q…` or `tmdb:…`).
    pub fn filmography(&self, id: &ExternalId) -> Result<Filmography> {
        match id.source.as_str() {
            "wikidata" if is_wikidata_id(&id.value) => wikidata(&self.wikidata, &id.value),
            "tmdb" if super::model::all_digits(&id.value) => match &self.tmdb {
                Some(tmdb) => tmdb_credits(tmdb, &id.value),
                None => Err(CatalogError::invalid(Field::TmdbKey,
                    "TMDB needs your API key: `cinedex config set tmdb-key KEY` or CINEDEX_TMDB_KEY",
                )),
            },
            _ => Err(CatalogError::invalid(Field::Person,
                format!("{}:{} is not a person id of the reference", id.source, id.value),
            )),
        }
    }
}

impl Catalog {
    /// `page` with the person's filmography from `reference` (TMDB when it is set up and knows
    /// them, else Wikidata), each film marked with the catalog film it is, and their birth and
    /// death years. Refused when no reference id of theirs is known.
    pub fn person_filmography(
        &self,
        reference: &Reference,
        mut page: PersonPage,
    ) -> Result<PersonPage> {
        let person = &page.person;
        let id = match (&person.tmdb_id, &person.wikidata_id) {
            (Some(tmdb), _) if reference.has_tmdb() => ExternalId::new("tmdb", tmdb.clone()),
            (_, Some(wikidata)) => ExternalId::new("wikidata", wikidata.clone()),
            (Some(tmdb), None) => ExternalId::new("tmdb", tmdb.clone()),
            (None, None) => {
                return Err(CatalogError::invalid(
                    Field::Person,
                    format!(
                        "Cinedex knows no Wikidata or TMDB id for {}: add or refresh a film of \
                         theirs from the reference first",
                        person.name
                    ),
                ))
            }
        };
        let mut filmography = reference.filmography(&id)?;
        for entry in &mut filmography.entries {
            entry.in_catalog = self.film_id_by_external_ids(&entry.external_ids)?;
        }
        page.person.birth_year = filmography.birth_year;
        page.person.death_year = filmography.death_year;
        page.filmography = Some(filmography);
        Ok(page)
    }

    /// Puts the reference film `from` (`wikidata:Q…`, `tmdb:ID`) on the watchlist in one step:
    /// added from the reference when it is not in the catalog yet, else the catalog's film is
    /// marked (a film already seen stays seen).
    pub fn add_to_watchlist(&self, reference: &Reference, from: &str) -> Result<Film> {
        let existing = match ExternalId::parse(from) {
            Some(id) => self.film_id_by_external_ids(&[id])?,
            None => None,
        };
        let film_id = match existing {
            Some(id) => id,
            None => {
                self.add_film_from(reference, from, &FilmInput::default())?
                    .film
                    .id
            }
        };
        let film = self.film_with_facts(film_id)?.film;
        if film.watch_status == WatchStatus::Watched || film.viewing_count > 0 {
            return Ok(film);
        }
        self.set_watch_status(film_id, WatchStatus::Watchlist)
    }
}

fn wikidata(service: &Wikidata, person: &str) -> Result<Filmography> {
    let person = person.to_ascii_uppercase();
    let mut roles: Vec<(String, CreditRole)> = Vec::new();
    for (property, role) in WIKIDATA_ROLES {
        let statement = format!("haswbstatement:{property}={person}");
        let answer = service.ask(&[
            ("action", "query"),
            ("list", "search"),
            ("srsearch", &statement),
            ("srlimit", MAX_PER_ROLE),
        ])?;
        let hits = field(field(&answer, "query"), "search");
        if !hits.is_array() {
            return Err(unreadable("Wikidata"));
        }
        for title in array(hits)
            .iter()
            .filter_map(|h| field(h, "title").as_str())
        {
            if is_wikidata_id(title) {
                roles.push((title.to_owned(), role));
            }
        }
    }
    let mut ids: Vec<String> = Vec::new();
    for (id, _) in &roles {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    let items = if ids.is_empty() {
        Vec::new()
    } else {
        service.films(&ids)?
    };
    let mut entries: Vec<FilmographyEntry> = items
        .into_iter()
        .map(|item| {
            let mut external_ids = vec![ExternalId::new("wikidata", item.id.clone())];
            if let Some(imdb) = &item.imdb {
                external_ids.push(ExternalId::new("imdb", imdb.clone()));
            }
            if let Some(tmdb) = &item.tmdb {
                external_ids.push(ExternalId::new("tmdb", tmdb.clone()));
            }
            let character = item
                .credits
                .iter()
                .find(|(role, who, _)| *role == CreditRole::Actor && *who == person)
                .and_then(|(_, _, character)| character.clone());
            FilmographyEntry {
                reference_id: format!("wikidata:{}", item.id),
                title: item
                    .label
                    .clone()
                    .or_else(|| item.original_title.as_ref().map(|(t, _)| t.clone()))
                    .unwrap_or_else(|| item.id.clone()),
                year: item.year,
                roles: roles_of(roles.iter().filter(|(id, _)| *id == item.id).map(|r| r.1)),
                character,
                external_ids,
                in_catalog: None,
            }
        })
        .collect();
    sort(&mut entries);
    let entity = service.entities(&[person], "claims")?;
    let born = entity.first().and_then(|e| life_year(e, "P569"));
    let died = entity.first().and_then(|e| life_year(e, "P570"));
    Ok(Filmography {
        source: "wikidata".into(),
        birth_year: born,
        death_year: died,
        photo_url: None,
        entries,
    })
}

/// The year of a person's date statement (born P569, died P570).
fn life_year(entity: &Value, property: &str) -> Option<i32> {
    array(field(field(entity, "claims"), property))
        .iter()
        .filter(|s| field(s, "rank").as_str() != Some("deprecated"))
        .find_map(|s| {
            let time = field(field(field(s, "mainsnak"), "datavalue"), "value");
            let time = field(time, "time").as_str()?;
            let digits: String = time
                .trim_start_matches('+')
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok().filter(|y| (1700..=2200).contains(y))
        })
}

fn tmdb_credits(service: &Tmdb, person: &str) -> Result<Filmography> {
    let answer = service.ask(
        &["person", person],
        &[("append_to_response", "movie_credits")],
    )?;
    let credits = field(&answer, "movie_credits");
    if !credits.is_object() {
        return Err(unreadable("TMDB"));
    }
    let mut entries: Vec<FilmographyEntry> = Vec::new();
    let mut add = |movie: &Value, role: CreditRole| {
        let Some(id) = integer(field(movie, "id"), 1..=i64::from(u32::MAX)) else {
            return;
        };
        let reference_id = format!("tmdb:{id}");
        if let Some(entry) = entries.iter_mut().find(|e| e.reference_id == reference_id) {
            entry.roles = roles_of(entry.roles.iter().copied().chain([role]));
            return;
        }
        let Some(title) = text(field(movie, "title"), MAX_NAME)
            .or_else(|| text(field(movie, "original_title"), MAX_NAME))
        else {
            return;
        };
        entries.push(FilmographyEntry {
            reference_id,
            title,
            year: field(movie, "release_date").as_str().and_then(year_of),
            roles: vec![role],
            character: (role == CreditRole::Actor)
                .then(|| text(field(movie, "character"), MAX_NAME))
                .flatten(),
            external_ids: vec![ExternalId::new("tmdb", id.to_string())],
            in_catalog: None,
        });
    };
    for movie in array(field(credits, "cast")) {
        add(movie, CreditRole::Actor);
    }
    for movie in array(field(credits, "crew")) {
        let role = match field(movie, "job").as_str() {
            Some("Director") => CreditRole::Director,
            Some("Screenplay" | "Writer" | "Story" | "Author") => CreditRole::Writer,
            Some("Original Music Composer" | "Music") => CreditRole::Composer,
            _ => continue,
        };
        add(movie, role);
    }
    sort(&mut entries);
    let life = |name: &str| field(&answer, name).as_str().and_then(year_of);
    Ok(Filmography {
        source: "tmdb".into(),
        birth_year: life("birthday"),
        death_year: life("deathday"),
        // A photo that cannot be placed (no image configuration) leaves the page without one.
        photo_url: service.profile_url(&answer).ok().flatten(),
        entries,
    })
}

fn roles_of(roles: impl Iterator<Item = CreditRole>) -> Vec<CreditRole> {
    let roles: Vec<CreditRole> = roles.collect();
    CreditRole::ALL
        .into_iter()
        .filter(|role| roles.contains(role))
        .collect()
}

/// Oldest first, films without a year last.
fn sort(entries: &mut [FilmographyEntry]) {
    entries.sort_by(|a, b| {
        (a.year.is_none(), a.year, &a.title).cmp(&(b.year.is_none(), b.year, &b.title))
    });
}
