//! Reading one Wikidata entity (its labels, claims and sitelinks) into the facts Cinedex keeps,
//! with the ids of the people, genres, countries and languages still to be named.

use serde_json::Value;

use super::json::{array, field, text, year_of, MAX_NAME, MAX_TEXT};
use super::model::{is_wikidata_id, CreditRole};

/// "Instance of" classes that make an item a film: film and its common subclasses.
const FILM_CLASSES: &[&str] = &[
    "Q11424",    // film
    "Q24869",    // feature film
    "Q202866",   // animated film
    "Q93204",    // documentary film
    "Q24862",    // short film
    "Q506240",   // television film
    "Q226730",   // silent film
    "Q17517379", // animated short film
    "Q20650540", // anime film
    "Q229390",   // 3D film
    "Q1257444",  // film adaptation
];

/// At most this many people per role are kept (cast lists can run to hundreds).
pub(crate) const MAX_PER_ROLE: usize = 15;

/// The credit properties, in the order the film page shows them.
pub(crate) const CREDIT_PROPERTIES: &[(&str, CreditRole)] = &[
    ("P57", CreditRole::Director),
    ("P58", CreditRole::Writer),
    ("P161", CreditRole::Actor),
    ("P86", CreditRole::Composer),
    ("P344", CreditRole::Cinematographer),
    ("P162", CreditRole::Producer),
    ("P1040", CreditRole::Editor),
];

/// A film item as Wikidata states it, people and genres still as item ids.
#[derive(Debug, Clone, Default)]
pub(crate) struct FilmItem {
    pub id: String,
    pub label: Option<String>,
    pub description: Option<String>,
    pub original_title: Option<(String, Option<String>)>,
    pub year: Option<i32>,
    pub runtime_minutes: Option<u32>,
    /// (role, person item, character) in the order stated.
    pub credits: Vec<(CreditRole, String, Option<String>)>,
    pub genres: Vec<String>,
    pub countries: Vec<String>,
    pub language: Option<String>,
    pub imdb: Option<String>,
    pub tmdb: Option<String>,
    pub wikipedia_url: Option<String>,
}

impl FilmItem {
    /// Reads `entity`; `None` when it is not a film (or not an item at all).
    pub fn parse(entity: &Value, languages: &[&str]) -> Option<FilmItem> {
        let id = field(entity, "id")
            .as_str()
            .filter(|id| is_wikidata_id(id))?;
        let is_film = values(entity, "P31")
            .filter_map(item_id)
            .any(|class| FILM_CLASSES.contains(&class.as_str()));
        if !is_film {
            return None;
        }
        let mut item = FilmItem {
            id: id.to_owned(),
            label: pick_language(field(entity, "labels"), languages),
            description: pick_language(field(entity, "descriptions"), languages)
                .and_then(|d| super::model::bounded(&d, MAX_TEXT)),
            ..FilmItem::default()
        };
        item.original_title = values(entity, "P1476").find_map(|value| {
            let title = text(field(value, "text"), MAX_NAME)?;
            let language = text(field(value, "language"), 20);
            Some((title, language))
        });
        item.year = values(entity, "P577")
            .filter_map(|value| field(value, "time").as_str().and_then(year_of))
            .min();
        item.runtime_minutes = values(entity, "P2047").find_map(minutes);
        for (property, role) in CREDIT_PROPERTIES {
            let people = statements(entity, property)
                .filter_map(|statement| {
                    let person = item_id(snak_value(field(statement, "mainsnak"))?)?;
                    Some((*role, person, character(statement)))
                })
                .take(MAX_PER_ROLE);
            item.credits.extend(people);
        }
        item.genres = item_ids(entity, "P136");
        item.countries = item_ids(entity, "P495");
        item.language = item_ids(entity, "P364").into_iter().next();
        item.imdb = values(entity, "P345")
            .filter_map(|v| text(v, 20))
            .find(|id| id.starts_with("tt"));
        item.tmdb = values(entity, "P4947").find_map(|v| text(v, 20));
        item.wikipedia_url = wikipedia_url(field(entity, "sitelinks"), languages);
        Some(item)
    }

    /// Every item id that needs a label to be shown.
    pub fn named_ids(&self) -> impl Iterator<Item = &String> {
        self.credits
            .iter()
            .map(|(_, id, _)| id)
            .chain(&self.genres)
            .chain(&self.countries)
            .chain(&self.language)
    }
}

/// The statements of `property`, leaving out deprecated ones.
fn statements<'a>(entity: &'a Value, property: &str) -> impl Iterator<Item = &'a Value> {
    array(field(field(entity, "claims"), property))
        .iter()
        .filter(|statement| field(statement, "rank").as_str() != Some("deprecated"))
}

/// The values of `property`'s statements (snaks with "no value" or "unknown" are skipped).
fn values<'a>(entity: &'a Value, property: &str) -> impl Iterator<Item = &'a Value> {
    statements(entity, property).filter_map(|statement| snak_value(field(statement, "mainsnak")))
}

fn snak_value(snak: &Value) -> Option<&Value> {
    if field(snak, "snaktype")
        .as_str()
        .is_some_and(|t| t != "value")
    {
        return None;
    }
    snak.get("datavalue")?.get("value")
}

fn item_id(value: &Value) -> Option<String> {
    field(value, "id")
        .as_str()
        .filter(|id| is_wikidata_id(id))
        .map(str::to_owned)
}

fn item_ids(entity: &Value, property: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for id in values(entity, property).filter_map(item_id) {
        if !ids.contains(&id) && ids.len() < MAX_PER_ROLE {
            ids.push(id);
        }
    }
    ids
}

/// An actor's part: the "character role" qualifier's text (P4633).
fn character(statement: &Value) -> Option<String> {
    array(field(field(statement, "qualifiers"), "P4633"))
        .iter()
        .find_map(|snak| text(snak_value(snak)?, MAX_NAME))
}

/// A duration in minutes; Wikidata states it with a unit (minute, second or hour).
fn minutes(value: &Value) -> Option<u32> {
    let amount: f64 = field(value, "amount").as_str()?.trim().parse().ok()?;
    let unit = field(value, "unit").as_str().unwrap_or("1");
    let minutes = match unit.rsplit('/').next().unwrap_or(unit) {
        "Q11574" => amount / 60.0,
        "Q25235" => amount * 60.0,
        // Q7727 is the minute; a duration without a unit is taken as minutes too.
        _ => amount,
    };
    let minutes = minutes.round();
    (1.0..=10_000.0)
        .contains(&minutes)
        .then_some(minutes as u32)
}

/// The label (or description) in the first of `languages` that has one, else in any language.
pub(crate) fn pick_language(texts: &Value, languages: &[&str]) -> Option<String> {
    let in_language = |language: &str| text(field(field(texts, language), "value"), MAX_NAME);
    languages
        .iter()
        .find_map(|language| in_language(language))
        .or_else(|| {
            texts
                .as_object()?
                .values()
                .find_map(|t| text(field(t, "value"), MAX_NAME))
        })
}

fn wikipedia_url(sitelinks: &Value, languages: &[&str]) -> Option<String> {
    languages.iter().find_map(|language| {
        let language = language.split('-').next().unwrap_or(language);
        if language == "mul" || !language.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let title = text(
            field(field(sitelinks, &format!("{language}wiki")), "title"),
            MAX_NAME,
        )?;
        let mut url = url::Url::parse(&format!("https://{language}.wikipedia.org/wiki/")).ok()?;
        url.path_segments_mut()
            .ok()?
            .pop()
            .push(&title.replace(' ', "_"));
        Some(url.to_string())
    })
}
