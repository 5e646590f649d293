//! Wikidata through its Action API only, every call a plain GET: `wbsearchentities` to find
//! items, `wbgetentities` (batched by 50) for their claims and for the labels of what they name,
//! `list=search` with `haswbstatement:` to find a film by its IMDb or TMDB id.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::Value;
use url::Url;

use super::json::{array, field};
use super::model::{
    bounded, is_wikidata_id, ExternalId, ReferenceCredit, ReferenceFilm, ReferenceSource,
};
use super::wikidata_entity::{pick_language, FilmItem};
use super::{base_url, unreadable, Fetcher, Provider};
use crate::error::Result;

pub(super) const SERVICE: &str = "Wikidata";
/// Wikidata's limit of ids in one `wbgetentities` call.
const BATCH: usize = 50;

pub struct Wikidata {
    fetcher: Arc<Fetcher>,
    api: Url,
    language: String,
}

impl Wikidata {
    pub(crate) fn new(fetcher: Arc<Fetcher>, base: &str, language: &str) -> Result<Self> {
        let mut api = base_url(SERVICE, base)?;
        api.path_segments_mut()
            .map_err(|_| unreadable(SERVICE))?
            .pop_if_empty()
            .extend(["w", "api.php"]);
        let language = bounded(language, 20)
            .filter(|l| l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            .unwrap_or_else(|| "en".to_owned());
        Ok(Wikidata {
            fetcher,
            api,
            language,
        })
    }

    /// The language labels and descriptions are asked in.
    pub(super) fn language(&self) -> &str {
        &self.language
    }

    /// The languages labels are picked in: the person's, then English, then "multiple".
    pub(super) fn languages(&self) -> Vec<&str> {
        let mut languages = vec![self.language.as_str()];
        for fallback in ["en", "mul"] {
            if !languages.contains(&fallback) {
                languages.push(fallback);
            }
        }
        languages
    }

    pub(super) fn ask(&self, params: &[(&str, &str)]) -> Result<Value> {
        self.ask_with(params, false)
    }

    /// [`Wikidata::ask`], `anew` bypassing a fresh cached answer (see `Fetcher::get_json_anew`).
    pub(super) fn ask_with(&self, params: &[(&str, &str)], anew: bool) -> Result<Value> {
        let mut url = self.api.clone();
        url.query_pairs_mut()
            .extend_pairs(params)
            .append_pair("format", "json");
        let answer = if anew {
            self.fetcher.get_json_anew(SERVICE, &url)?
        } else {
            self.fetcher.get_json(SERVICE, &url, None)?
        };
        if let Some(error) = answer.get("error") {
            let code = field(error, "code").as_str().unwrap_or("unknown");
            return Err(super::http::network(
                SERVICE,
                &format!(
                    "refused the request ({})",
                    bounded(code, 80).unwrap_or_default()
                ),
            ));
        }
        Ok(answer)
    }

    /// The entities of `ids`, in that order, `BATCH` per call; missing ones are left out.
    pub(super) fn entities(&self, ids: &[String], props: &str) -> Result<Vec<Value>> {
        let languages = self.languages().join("|");
        let sites: Vec<String> = self
            .languages()
            .iter()
            .filter(|l| **l != "mul")
            .map(|l| format!("{l}wiki"))
            .collect();
        let sites = sites.join("|");
        let mut found = Vec::with_capacity(ids.len());
        for batch in ids.chunks(BATCH) {
            let joined = batch.join("|");
            let mut params = vec![
                ("action", "wbgetentities"),
                ("ids", joined.as_str()),
                ("props", props),
                ("languages", languages.as_str()),
            ];
            if props.contains("sitelinks") {
                params.push(("sitefilter", sites.as_str()));
            }
            let answer = self.ask(&params)?;
            let entities = field(&answer, "entities");
            if !entities.is_object() {
                return Err(unreadable(SERVICE));
            }
            found.extend(batch.iter().filter_map(|id| entities.get(id).cloned()));
        }
        Ok(found)
    }

    pub(super) fn films(&self, ids: &[String]) -> Result<Vec<FilmItem>> {
        let languages = self.languages();
        Ok(self
            .entities(ids, "labels|descriptions|claims|sitelinks")?
            .iter()
            .filter_map(|entity| FilmItem::parse(entity, &languages))
            .collect())
    }

    /// Labels of `ids`, asked in as few calls as the batch size allows.
    pub(super) fn labels(&self, ids: Vec<String>) -> Result<HashMap<String, String>> {
        let mut unique: Vec<String> = Vec::with_capacity(ids.len());
        for id in ids {
            if !unique.contains(&id) {
                unique.push(id);
            }
        }
        if unique.is_empty() {
            return Ok(HashMap::new());
        }
        let languages = self.languages();
        Ok(self
            .entities(&unique, "labels")?
            .iter()
            .filter_map(|entity| {
                let id = field(entity, "id").as_str()?.to_owned();
                Some((id, pick_language(field(entity, "labels"), &languages)?))
            })
            .collect())
    }

    fn to_reference(
        &self,
        item: FilmItem,
        labels: &HashMap<String, String>,
        complete: bool,
    ) -> ReferenceFilm {
        let title = item
            .label
            .clone()
            .or_else(|| item.original_title.as_ref().map(|(t, _)| t.clone()))
            .unwrap_or_else(|| item.id.clone());
        let mut film = ReferenceFilm::new(ReferenceSource::Wikidata, item.id.clone(), title);
        if let Some((original, language)) = item.original_title {
            if original != film.title || language.is_some() {
                film.original_title = Some(original);
                film.original_title_language = language;
            }
        }
        film.year = item.year;
        film.runtime_minutes = item.runtime_minutes;
        let mut order: HashMap<super::model::CreditRole, u32> = HashMap::new();
        for (role, person, character) in item.credits {
            let Some(name) = labels.get(&person) else {
                continue;
            };
            let position = order.entry(role).or_insert(0);
            film.credits.push(ReferenceCredit {
                role,
                name: name.clone(),
                order: *position,
                character,
                person_id: Some(ExternalId::new("wikidata", person.clone())),
            });
            *position += 1;
        }
        let named = |ids: &[String]| {
            ids.iter()
                .filter_map(|id| labels.get(id).cloned())
                .collect()
        };
        film.genres = named(&item.genres);
        film.countries = named(&item.countries);
        film.original_language = item.language.and_then(|id| labels.get(&id).cloned());
        film.description = item.description;
        film.add_external_id("wikidata", &item.id);
        if let Some(imdb) = &item.imdb {
            film.add_external_id("imdb", imdb);
        }
        if let Some(tmdb) = &item.tmdb {
            film.add_external_id("tmdb", tmdb);
        }
        film.wikipedia_url = item.wikipedia_url;
        film.complete = complete;
        film
    }

    /// Films for ids, every credit named.
    fn complete_films(&self, ids: &[String]) -> Result<Vec<ReferenceFilm>> {
        let items = self.films(ids)?;
        let named = items
            .iter()
            .flat_map(FilmItem::named_ids)
            .cloned()
            .collect();
        let labels = self.labels(named)?;
        Ok(items
            .into_iter()
            .map(|item| self.to_reference(item, &labels, true))
            .collect())
    }
}

impl Provider for Wikidata {
    fn source(&self) -> ReferenceSource {
        ReferenceSource::Wikidata
    }

    /// Three calls: the search, the items' claims, the labels of their directors, genres,
    /// countries and languages (one batch; other credits come with [`Provider::film`]).
    fn search(&self, query: &str, year: Option<i32>, limit: usize) -> Result<Vec<ReferenceFilm>> {
        // Room for the hits that are not films (people, novels, songs of the same name).
        let asked = (limit * 2).clamp(1, BATCH).to_string();
        let answer = self.ask(&[
            ("action", "wbsearchentities"),
            ("search", query),
            ("language", &self.language),
            ("uselang", &self.language),
            ("type", "item"),
            ("limit", &asked),
        ])?;
        let hits = field(&answer, "search");
        if !hits.is_array() {
            return Err(unreadable(SERVICE));
        }
        let mut ids: Vec<String> = Vec::new();
        for id in array(hits)
            .iter()
            .filter_map(|hit| field(hit, "id").as_str())
        {
            if is_wikidata_id(id) && !ids.iter().any(|known| known == id) {
                ids.push(id.to_owned());
            }
        }
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut items = self.films(&ids)?;
        if let Some(year) = year {
            // Stable: among films of the same distance from the year, the search's order stays.
            items.sort_by_key(|item| item.year.map_or(i32::MAX, |y| (y - year).abs()));
        }
        items.truncate(limit);
        let mut named: Vec<String> = Vec::new();
        for item in &items {
            let directors = item
                .credits
                .iter()
                .filter(|(role, _, _)| *role == super::model::CreditRole::Director)
                .map(|(_, id, _)| id);
            named.extend(
                directors
                    .chain(&item.genres)
                    .chain(&item.countries)
                    .chain(&item.language)
                    .cloned(),
            );
        }
        named.truncate(BATCH);
        let labels = self.labels(named)?;
        Ok(items
            .into_iter()
            .map(|item| {
                let complete = item
                    .credits
                    .iter()
                    .all(|(role, _, _)| *role == super::model::CreditRole::Director);
                self.to_reference(item, &labels, complete)
            })
            .collect())
    }

    fn film(&self, id: &str) -> Result<Option<ReferenceFilm>> {
        let id = id.trim().to_ascii_uppercase();
        if !is_wikidata_id(&id) {
            return Ok(None);
        }
        Ok(self.complete_films(&[id])?.into_iter().next())
    }

    fn find(&self, id: &ExternalId) -> Result<Option<ReferenceFilm>> {
        let property = match id.source.as_str() {
            "wikidata" => return self.film(&id.value),
            "imdb" => "P345",
            "tmdb" => "P4947",
            _ => return Ok(None),
        };
        let value = id.query_value();
        let statement = format!("haswbstatement:{property}={value}");
        let answer = self.ask(&[
            ("action", "query"),
            ("list", "search"),
            ("srsearch", &statement),
            ("srlimit", "5"),
        ])?;
        let hits = field(field(&answer, "query"), "search");
        if !hits.is_array() {
            return Err(unreadable(SERVICE));
        }
        let ids: Vec<String> = array(hits)
            .iter()
            .filter_map(|hit| field(hit, "title").as_str())
            .filter(|title| is_wikidata_id(title))
            .map(str::to_owned)
            .collect();
        if ids.is_empty() {
            return Ok(None);
        }
        Ok(self.complete_films(&ids)?.into_iter().next())
    }
}
