//! Film lookup on the reference services (Wikidata, TMDB): every network call of the core goes
//! through here, answers are parsed into [`ReferenceFilm`]s and cached beside the catalog.

mod adding;
pub mod cache;
pub mod canon;
pub mod config;
mod filmography;
pub mod http;
mod json;
mod matching;
pub mod model;
pub mod page;
pub mod poster;
mod quick;
pub mod refresh;
pub mod settings_view;
pub mod tmdb;
pub mod wikidata;
mod wikidata_entity;

use crate::field::Field;
use std::path::PathBuf;
use std::sync::Arc;

use url::Url;

use crate::error::{CatalogError, Result};
use crate::Catalog;
pub use cache::ReferenceCache;
pub use canon::Canon;
pub use config::{SettingName, Settings};
pub use http::{HttpClient, HttpSettings};
pub(crate) use matching::film_id_by_external_ids_in;
pub use model::{
    Candidate, CreditRole, ExternalId, LookupResult, ReferenceCredit, ReferenceFilm,
    ReferenceSource,
};
pub use refresh::{FieldComparison, FieldStatus, Refresh, Take};

/// The most candidates one lookup returns.
pub const MAX_LIMIT: usize = 50;

/// A reference service: finds films by title, by its own id, or by another service's id.
pub trait Provider: Send + Sync {
    fn source(&self) -> ReferenceSource;

    /// Films matching `query`, those of `year` first. Results carry titles, year, directors,
    /// genres, countries and the description ([`ReferenceFilm::complete`] tells whether every
    /// credit is there).
    fn search(&self, query: &str, year: Option<i32>, limit: usize) -> Result<Vec<ReferenceFilm>>;

    /// The film with the service's own `id`, with every credit; `None` when it is not a film.
    fn film(&self, id: &str) -> Result<Option<ReferenceFilm>>;

    /// The film another service (or this one) knows by `id`.
    fn find(&self, id: &ExternalId) -> Result<Option<ReferenceFilm>>;
}

/// Where the services are and how to reach them; [`ReferenceOptions::from_environment`] reads
/// the environment and the person's settings.
#[derive(Debug, Clone)]
pub struct ReferenceOptions {
    pub wikidata_url: String,
    pub tmdb_url: String,
    pub tmdb_key: Option<String>,
    /// The language of labels and titles asked for (`en`, `fr`, `ja`).
    pub language: String,
    pub http: HttpSettings,
    /// The cache database; `None` caches nothing.
    pub cache_path: Option<PathBuf>,
}

impl Default for ReferenceOptions {
    fn default() -> Self {
        ReferenceOptions {
            wikidata_url: "https://www.wikidata.org".into(),
            tmdb_url: "https://api.themoviedb.org".into(),
            tmdb_key: None,
            language: "en".into(),
            http: HttpSettings::default(),
            cache_path: None,
        }
    }
}

impl ReferenceOptions {
    /// `CINEDEX_WIKIDATA_URL`, `CINEDEX_TMDB_URL`, `CINEDEX_TMDB_KEY` and `CINEDEX_OFFLINE=1`
    /// over the settings, over the defaults.
    pub fn from_environment(settings: &Settings) -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let defaults = ReferenceOptions::default();
        let offline_env = offline_by_environment();
        ReferenceOptions {
            wikidata_url: var("CINEDEX_WIKIDATA_URL").unwrap_or(defaults.wikidata_url),
            tmdb_url: var("CINEDEX_TMDB_URL").unwrap_or(defaults.tmdb_url),
            tmdb_key: var("CINEDEX_TMDB_KEY").or_else(|| settings.tmdb_key.clone()),
            http: HttpSettings {
                offline: offline_env || settings.offline,
                ..defaults.http
            },
            ..defaults
        }
    }

    /// The environment over the person's saved settings (in [`config::config_dir`] of
    /// `default_config_dir`), over the defaults: what every front starts from.
    pub fn for_person(default_config_dir: Option<PathBuf>) -> Result<Self> {
        let settings = match config::config_dir(default_config_dir) {
            Some(dir) => Settings::load(&dir)?,
            None => Settings::default(),
        };
        Ok(Self::from_environment(&settings))
    }

    /// The cache beside the catalog file at `catalog` (none for an in-memory catalog).
    pub fn with_cache_beside(mut self, catalog: &str) -> Self {
        if !catalog.is_empty() && catalog != ":memory:" {
            let path = std::path::Path::new(catalog);
            let dir = path.parent().unwrap_or(std::path::Path::new("."));
            self.cache_path = Some(dir.join(cache::CACHE_FILE));
        }
        self
    }
}

/// A typed title, trimmed, and a limit, as every lookup takes them.
pub(crate) fn checked_query(query: &str, limit: usize) -> Result<&str> {
    let query = query.trim();
    if query.is_empty() {
        return Err(CatalogError::invalid(
            Field::Query,
            "type a title to look up",
        ));
    }
    if query.chars().count() > 200 {
        return Err(CatalogError::invalid(
            Field::Query,
            "a lookup is at most 200 characters",
        ));
    }
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(CatalogError::invalid(
            Field::Limit,
            format!("the limit is 1 to {MAX_LIMIT}"),
        ));
    }
    Ok(query)
}

/// `CINEDEX_OFFLINE` is set to anything but `0`/`false`/`no`/`off`.
pub fn offline_by_environment() -> bool {
    std::env::var("CINEDEX_OFFLINE")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .is_some_and(|v| !matches!(v.trim(), "0" | "false" | "no" | "off"))
}

/// The HTTP client and the cache, shared by the providers.
pub(crate) struct Fetcher {
    http: HttpClient,
    cache: Option<ReferenceCache>,
}

impl Fetcher {
    /// The JSON answer for `url`: from the cache when fresh, else asked and stored.
    pub(crate) fn get_json(
        &self,
        service: &'static str,
        url: &Url,
        bearer: Option<&str>,
    ) -> Result<serde_json::Value> {
        self.get_checked(service, url, bearer, |body| {
            serde_json::from_slice(body).map_err(|_| unreadable(service))
        })
    }

    /// The JSON answer for `url`, asked anew and stored, for answers that change (an award's
    /// winners); from the cache only when the network is switched off.
    pub(crate) fn get_json_anew(
        &self,
        service: &'static str,
        url: &Url,
    ) -> Result<serde_json::Value> {
        let key = http::redacted(url);
        let parse = |body: &[u8]| serde_json::from_slice(body).map_err(|_| unreadable(service));
        match self.http.get(service, url, None) {
            Ok(body) => {
                let value = parse(&body)?;
                if let Some(cache) = &self.cache {
                    cache.put(service, &key, &body)?;
                }
                Ok(value)
            }
            Err(offline @ CatalogError::Offline { .. }) => {
                let cached = match &self.cache {
                    Some(cache) => cache.get(service, &key)?,
                    None => None,
                };
                cached.and_then(|body| parse(&body).ok()).ok_or(offline)
            }
            Err(other) => Err(other),
        }
    }

    /// The body at `url`, read by `check`: from the cache when fresh, else asked and stored,
    /// but stored only once `check` accepts it, so a bad answer is never served again offline.
    pub(crate) fn get_checked<T>(
        &self,
        service: &'static str,
        url: &Url,
        bearer: Option<&str>,
        check: impl Fn(&[u8]) -> Result<T>,
    ) -> Result<T> {
        let key = http::redacted(url);
        if let Some(cache) = &self.cache {
            if let Some(body) = cache.get(service, &key)? {
                if let Ok(value) = check(&body) {
                    return Ok(value);
                }
            }
        }
        let body = self.http.get(service, url, bearer)?;
        let value = check(&body)?;
        if let Some(cache) = &self.cache {
            cache.put(service, &key, &body)?;
        }
        Ok(value)
    }
}

pub(crate) fn unreadable(service: &'static str) -> CatalogError {
    CatalogError::Network {
        service,
        message: format!("{service}'s answer could not be read"),
    }
}

pub(crate) fn base_url(service: &'static str, base: &str) -> Result<Url> {
    let url = Url::parse(base.trim_end_matches('/')).map_err(|_| {
        CatalogError::invalid(
            Field::BaseUrl,
            format!("{service}'s address {base:?} is not a URL"),
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(CatalogError::invalid(
            Field::BaseUrl,
            format!("{service}'s address must start with http:// or https://"),
        ));
    }
    Ok(url)
}

/// Both providers over one client and one cache.
pub struct Reference {
    fetcher: Arc<Fetcher>,
    wikidata: wikidata::Wikidata,
    tmdb: Option<tmdb::Tmdb>,
}

impl Reference {
    pub fn new(options: ReferenceOptions) -> Result<Self> {
        let cache = match &options.cache_path {
            Some(path) => Some(ReferenceCache::open(path)?),
            None => None,
        };
        let fetcher = Arc::new(Fetcher {
            http: HttpClient::new(options.http.clone()),
            cache,
        });
        let wikidata =
            wikidata::Wikidata::new(fetcher.clone(), &options.wikidata_url, &options.language)?;
        let tmdb = match &options.tmdb_key {
            Some(key) => Some(tmdb::Tmdb::new(
                fetcher.clone(),
                &options.tmdb_url,
                key,
                &options.language,
            )?),
            None => None,
        };
        Ok(Reference {
            fetcher,
            wikidata,
            tmdb,
        })
    }

    /// The reference as the person set it up (the environment over their saved settings in the
    /// config directory `default_config_dir` stands for), with its cache beside `catalog`: what
    /// every front asks, so that all of them see the same key, switch and cache.
    pub fn for_person(default_config_dir: Option<PathBuf>, catalog: &Catalog) -> Result<Self> {
        let options = ReferenceOptions::for_person(default_config_dir)?;
        Reference::new(options.with_cache_beside(catalog.location()))
    }

    /// The winners of the award `award` names (a Q-id, or a name looked up on Wikidata).
    pub fn canon(&self, award: &str) -> Result<Canon> {
        self.wikidata.canon(award)
    }

    /// A TMDB key is set up.
    pub fn has_tmdb(&self) -> bool {
        self.tmdb.is_some()
    }

    /// Where a lookup goes when the person names no service: TMDB when they set it up (it has
    /// posters and characters), else Wikidata.
    pub fn preferred_source(&self) -> ReferenceSource {
        if self.has_tmdb() {
            ReferenceSource::Tmdb
        } else {
            ReferenceSource::Wikidata
        }
    }

    pub fn provider(&self, source: ReferenceSource) -> Result<&dyn Provider> {
        match source {
            ReferenceSource::Wikidata => Ok(&self.wikidata),
            ReferenceSource::Tmdb => match &self.tmdb {
                Some(tmdb) => Ok(tmdb),
                None => Err(CatalogError::invalid(Field::TmdbKey,
                    "TMDB needs your API key: `cinedex config set tmdb-key KEY` or CINEDEX_TMDB_KEY",
                )),
            },
        }
    }

    /// Candidates for a typed title, each marked with the catalog film it already is, if any.
    pub fn lookup(
        &self,
        catalog: Option<&Catalog>,
        query: &str,
        year: Option<i32>,
        source: ReferenceSource,
        limit: usize,
    ) -> Result<LookupResult> {
        let query = checked_query(query, limit)?;
        let films = self.provider(source)?.search(query, year, limit)?;
        let mut candidates = Vec::with_capacity(films.len());
        for film in films {
            let in_catalog = match catalog {
                Some(catalog) => catalog.film_id_by_external_ids(&film.external_ids)?,
                None => None,
            };
            candidates.push(Candidate::new(film, in_catalog));
        }
        Ok(LookupResult {
            query: query.to_owned(),
            source,
            candidates,
        })
    }

    /// Candidate `id` of `source` in full (every credit, the runtime, the genres): what a picked
    /// search hit becomes when the search answered only a summary (TMDB's do), marked with the
    /// catalog film it already is, if any.
    pub fn candidate(
        &self,
        catalog: Option<&Catalog>,
        source: ReferenceSource,
        id: &str,
    ) -> Result<Option<Candidate>> {
        let Some(film) = self.fetch(&ExternalId::new(source.as_str(), id), Some(source))? else {
            return Ok(None);
        };
        let in_catalog = match catalog {
            Some(catalog) => catalog.film_id_by_external_ids(&film.external_ids)?,
            None => None,
        };
        Ok(Some(Candidate::new(film, in_catalog)))
    }

    /// The film `id` names (`wikidata:Q…`, `tmdb:…`, `imdb:tt…`), asked of `source`, or of the
    /// service the id belongs to (Wikidata for an IMDb id without a TMDB key).
    pub fn fetch(
        &self,
        id: &ExternalId,
        source: Option<ReferenceSource>,
    ) -> Result<Option<ReferenceFilm>> {
        let source = source.unwrap_or(match id.source.as_str() {
            "tmdb" => ReferenceSource::Tmdb,
            "imdb" if self.tmdb.is_some() => ReferenceSource::Tmdb,
            _ => ReferenceSource::Wikidata,
        });
        self.provider(source)?.find(id)
    }
}
