//! TMDB's v3 API with the person's own key: `/configuration` for the image base URL (asked once
//! and cached), `/search/movie`, `/movie/{id}` with credits and external ids, and `/find`.

use std::sync::{Arc, OnceLock};

use serde_json::Value;
use url::Url;

use super::json::{array, field, integer, text, year_of, MAX_NAME, MAX_TEXT};
use super::model::{
    all_digits, bounded, CreditRole, ExternalId, ReferenceCredit, ReferenceFilm, ReferenceSource,
};
use super::{base_url, unreadable, Fetcher, Provider};
use crate::error::Result;

const SERVICE: &str = "TMDB";
/// The poster width asked for, or the nearest TMDB offers.
const POSTER_SIZE: &str = "w342";
/// Cast members kept, in billing order.
const MAX_CAST: usize = 15;

pub struct Tmdb {
    fetcher: Arc<Fetcher>,
    base: Url,
    key: String,
    language: String,
    image_base: OnceLock<Option<String>>,
}

impl Tmdb {
    pub(crate) fn new(
        fetcher: Arc<Fetcher>,
        base: &str,
        key: &str,
        language: &str,
    ) -> Result<Self> {
        Ok(Tmdb {
            fetcher,
            base: base_url(SERVICE, base)?,
            key: key.trim().to_owned(),
            language: bounded(language, 20).unwrap_or_else(|| "en".to_owned()),
            image_base: OnceLock::new(),
        })
    }

    /// A read-access token (a JWT) goes in a header; a v3 key in the `api_key` parameter.
    fn is_token(&self) -> bool {
        self.key.starts_with("eyJ") && self.key.contains('.')
    }

    pub(super) fn ask(&self, path: &[&str], params: &[(&str, &str)]) -> Result<Value> {
        let mut url = self.base.clone();
        url.path_segments_mut()
            .map_err(|_| unreadable(SERVICE))?
            .pop_if_empty()
            .push("3")
            .extend(path);
        {
            let mut query = url.query_pairs_mut();
            query.extend_pairs(params);
            if !self.is_token() {
                query.append_pair("api_key", &self.key);
            }
        }
        let bearer = self.is_token().then_some(self.key.as_str());
        let answer = self.fetcher.get_json(SERVICE, &url, bearer)?;
        if !answer.is_object() {
            return Err(unreadable(SERVICE));
        }
        Ok(answer)
    }

    /// `secure_base_url` + a poster size, from `/configuration`, asked at most once per client.
    fn image_base(&self) -> Result<Option<String>> {
        if let Some(base) = self.image_base.get() {
            return Ok(base.clone());
        }
        let answer = self.ask(&["configuration"], &[])?;
        let images = field(&answer, "images");
        let base = text(field(images, "secure_base_url"), MAX_NAME)
            .filter(|b| b.starts_with("https://") || b.starts_with("http://"))
            .map(|base| {
                let sizes: Vec<&str> = array(field(images, "poster_sizes"))
                    .iter()
                    .filter_map(Value::as_str)
                    .collect();
                let size = if sizes.contains(&POSTER_SIZE) || sizes.is_empty() {
                    POSTER_SIZE
                } else {
                    sizes
                        .iter()
                        .copied()
                        .find(|s| *s != "original")
                        .unwrap_or(sizes[0])
                };
                format!("{}/{size}", base.trim_end_matches('/'))
            });
        Ok(self.image_base.get_or_init(|| base).clone())
    }

    /// `url` parsed, when it is an image under the base TMDB's `/configuration` names and its
    /// path holds only the characters TMDB's file names use: the only addresses a poster is
    /// fetched from, so a crafted "poster" cannot point the client anywhere else.
    pub(crate) fn image_url(&self, url: &str) -> Result<Option<Url>> {
        let Some(base) = self.image_base()? else {
            return Ok(None);
        };
        // The base carries the poster size; any size under the same root is TMDB's.
        let root = base
            .rsplit_once('/')
            .map_or(base.as_str(), |(root, _)| root);
        let Some(rest) = url.strip_prefix(root).and_then(|r| r.strip_prefix('/')) else {
            return Ok(None);
        };
        let safe = !rest.contains("..")
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-/".contains(&b));
        Ok(safe.then(|| Url::parse(url).ok()).flatten())
    }

    /// A person's photo (`profile_path` of a `/person` answer) under TMDB's image root, in the
    /// profile width TMDB offers for lists.
    pub(super) fn profile_url(&self, person: &Value) -> Result<Option<String>> {
        let Some(path) = text(field(person, "profile_path"), 200) else {
            return Ok(None);
        };
        let safe = path.starts_with('/')
            && path[1..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
        let Some(base) = self.image_base()?.filter(|_| safe) else {
            return Ok(None);
        };
        let root = base
            .rsplit_once('/')
            .map_or(base.as_str(), |(root, _)| root);
        Ok(Some(format!("{root}/w185{path}")))
    }

    fn poster_url(&self, movie: &Value, image_base: Option<&str>) -> Option<String> {
        let path = text(field(movie, "poster_path"), 200)?;
        let safe = path.starts_with('/')
            && path[1..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
        let image_base = image_base?;
        safe.then(|| format!("{image_base}{path}"))
    }

    /// The facts a search hit and a movie answer share.
    fn summary(&self, movie: &Value, image_base: Option<&str>) -> Option<ReferenceFilm> {
        let id = integer(field(movie, "id"), 1..=i64::from(u32::MAX))?.to_string();
        let original = text(field(movie, "original_title"), MAX_NAME);
        let title = text(field(movie, "title"), MAX_NAME).or_else(|| original.clone())?;
        let mut film = ReferenceFilm::new(ReferenceSource::Tmdb, id.clone(), title);
        let code = text(field(movie, "original_language"), 20);
        film.original_language = code.as_deref().map(language_name);
        if original.as_deref() != Some(film.title.as_str()) || code.is_some() {
            film.original_title_language = original.as_ref().and(code);
            film.original_title = original;
        }
        film.year = field(movie, "release_date").as_str().and_then(year_of);
        film.synopsis = text(field(movie, "overview"), MAX_TEXT);
        film.poster_url = self.poster_url(movie, image_base);
        film.add_external_id("tmdb", &id);
        Some(film)
    }

    fn details(&self, movie: &Value, image_base: Option<&str>) -> Option<ReferenceFilm> {
        let mut film = self.summary(movie, image_base)?;
        film.runtime_minutes = integer(field(movie, "runtime"), 1..=10_000).map(|m| m as u32);
        film.genres = names(field(movie, "genres"));
        film.countries = names(field(movie, "production_countries"));
        let credits = field(movie, "credits");
        let mut cast: Vec<&Value> = array(field(credits, "cast")).iter().collect();
        cast.sort_by_key(|c| integer(field(c, "order"), 0..=100_000).unwrap_or(100_000));
        for (order, member) in cast
            .into_iter()
            .filter_map(|c| Some((c, text(field(c, "name"), MAX_NAME)?)))
            .take(MAX_CAST)
            .enumerate()
        {
            let (credit, name) = member;
            film.credits.push(ReferenceCredit {
                role: CreditRole::Actor,
                name,
                order: order as u32,
                character: text(field(credit, "character"), MAX_NAME),
                person_id: person_id(credit),
            });
        }
        let mut counts = std::collections::HashMap::new();
        for crew in array(field(credits, "crew")) {
            let Some(role) = field(crew, "job").as_str().and_then(crew_role) else {
                continue;
            };
            let Some(name) = text(field(crew, "name"), MAX_NAME) else {
                continue;
            };
            let order = counts.entry(role).or_insert(0u32);
            let known = film
                .credits
                .iter()
                .any(|c| c.role == role && c.name == name);
            if known || *order as usize >= MAX_CAST {
                continue;
            }
            film.credits.push(ReferenceCredit {
                role,
                name,
                order: *order,
                character: None,
                person_id: person_id(crew),
            });
            *order += 1;
        }
        let ids = field(movie, "external_ids");
        let imdb = text(field(ids, "imdb_id"), 20).or_else(|| text(field(movie, "imdb_id"), 20));
        if let Some(imdb) = imdb.filter(|id| id.starts_with("tt")) {
            film.add_external_id("imdb", &imdb);
        }
        if let Some(wikidata) =
            text(field(ids, "wikidata_id"), 20).filter(|id| super::model::is_wikidata_id(id))
        {
            film.add_external_id("wikidata", &wikidata);
        }
        film.complete = true;
        Some(film)
    }
}

/// A cast or crew member's TMDB person id.
fn person_id(credit: &Value) -> Option<ExternalId> {
    integer(field(credit, "id"), 1..=i64::from(u32::MAX))
        .map(|id| ExternalId::new("tmdb", id.to_string()))
}

fn names(list: &Value) -> Vec<String> {
    array(list)
        .iter()
        .filter_map(|item| text(field(item, "name"), MAX_NAME))
        .take(20)
        .collect()
}

/// The crew jobs Cinedex credits, by TMDB's job names.
fn crew_role(job: &str) -> Option<CreditRole> {
    Some(match job {
        "Director" => CreditRole::Director,
        "Screenplay" | "Writer" | "Author" | "Story" => CreditRole::Writer,
        "Original Music Composer" | "Music" => CreditRole::Composer,
        "Director of Photography" => CreditRole::Cinematographer,
        "Producer" => CreditRole::Producer,
        "Editor" => CreditRole::Editor,
        _ => return None,
    })
}

impl Provider for Tmdb {
    fn source(&self) -> ReferenceSource {
        ReferenceSource::Tmdb
    }

    fn search(&self, query: &str, year: Option<i32>, limit: usize) -> Result<Vec<ReferenceFilm>> {
        let image_base = self.image_base()?;
        let year = year.map(|y| y.to_string());
        let mut params = vec![("query", query), ("language", self.language.as_str())];
        if let Some(year) = &year {
            params.push(("year", year));
        }
        let answer = self.ask(&["search", "movie"], &params)?;
        let results = field(&answer, "results");
        if !results.is_array() {
            return Err(unreadable(SERVICE));
        }
        Ok(array(results)
            .iter()
            .filter_map(|movie| self.summary(movie, image_base.as_deref()))
            .take(limit)
            .collect())
    }

    fn film(&self, id: &str) -> Result<Option<ReferenceFilm>> {
        let id = id.trim();
        if !all_digits(id) {
            return Ok(None);
        }
        let image_base = self.image_base()?;
        let answer = self.ask(
            &["movie", id],
            &[
                ("append_to_response", "credits,external_ids"),
                ("language", &self.language),
            ],
        )?;
        Ok(self.details(&answer, image_base.as_deref()))
    }

    fn find(&self, id: &ExternalId) -> Result<Option<ReferenceFilm>> {
        let external_source = match id.source.as_str() {
            "tmdb" => return self.film(&id.value),
            "imdb" => "imdb_id",
            "wikidata" => "wikidata_id",
            _ => return Ok(None),
        };
        let value = id.query_value();
        if value.is_empty() {
            return Ok(None);
        }
        let answer = self.ask(&["find", &value], &[("external_source", external_source)])?;
        let found = array(field(&answer, "movie_results"))
            .iter()
            .find_map(|movie| integer(field(movie, "id"), 1..=i64::from(u32::MAX)));
        match found {
            Some(tmdb_id) => self.film(&tmdb_id.to_string()),
            None => Ok(None),
        }
    }
}

/// The English name of an ISO 639-1 code ("ru" → "Russian"), as Wikidata gives a language; a
/// code the standard does not know is kept as it is.
fn language_name(code: &str) -> String {
    isolang::Language::from_639_1(&code.to_ascii_lowercase())
        .map(|language| language.to_name().to_owned())
        .unwrap_or_else(|| code.to_owned())
}
