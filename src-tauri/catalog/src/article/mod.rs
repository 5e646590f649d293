//! Turning a review article into a catalog entry: a proposal (which film, its directors and
//! themes, the article as a review) that a person confirms or edits, and then one atomic write.

mod extract;
pub mod facts;
mod file;
mod guess;
mod html;
mod layout;
mod linked_data;
mod readable;
mod themes;

use crate::field::Field;
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use extract::ArticleFormat;
pub use file::{article_text, read_article_file, ArticleFile, MAX_ARTICLE_BYTES};

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::films::{film_by_id, insert_film, replace_film};
use crate::model::{Film, FilmDetail, FilmInput, ReviewInput, ReviewKind};
use crate::reference::Reference;
use crate::reviews::insert_review;
use crate::text::fold;
use crate::validate;

/// Where an article and the catalog disagree about the film; the catalog's value is kept
/// unless the person picks the article's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldConflict {
    /// `year` or `directors`.
    pub field: String,
    pub catalog: Vec<String>,
    pub article: Vec<String>,
    /// What the reference (Wikidata, TMDB) says; empty when it was not asked.
    #[serde(default)]
    pub reference: Vec<String>,
}

/// Another film of the catalog the article names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilmCandidate {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub year: Option<i32>,
}

/// What importing an article would write. Edited by the person, then passed to `import_article`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleProposal {
    /// The catalog film the article is about, or none for a new film.
    #[ts(type = "number | null")]
    pub film_id: Option<i64>,
    /// The film as it will be stored (for a known film: the catalog's values plus the new themes).
    pub film: FilmInput,
    pub conflicts: Vec<FieldConflict>,
    /// Other catalog films the article names, to pick instead.
    pub candidates: Vec<FilmCandidate>,
    /// The article itself, as a review of kind `article`.
    pub review: ReviewInput,
    /// Keywords not proposed as themes (the film's title, people, the site), to take by hand.
    #[serde(default)]
    pub dropped_themes: Vec<String>,
    /// The reference the facts were checked against, or none when they were not.
    #[serde(default)]
    pub checked: Option<crate::reference::ReferenceSource>,
}

impl Catalog {
    /// Reads an article and proposes what to write; writes nothing. `film_id` forces the film.
    pub fn propose_article(
        &self,
        text: &str,
        file_name: Option<&str>,
        film_id: Option<i64>,
    ) -> Result<ArticleProposal> {
        self.propose_article_checked(text, file_name, film_id, None)
    }

    /// [`Catalog::propose_article`], with the year and directors checked against `reference`
    /// when one is given and reachable (see [`facts`]); offline, the proposal is as without.
    pub fn propose_article_checked(
        &self,
        text: &str,
        file_name: Option<&str>,
        film_id: Option<i64>,
        reference: Option<&Reference>,
    ) -> Result<ArticleProposal> {
        if text.contains('\0') {
            return Err(CatalogError::invalid(
                Field::File,
                "This is not a text file (it contains binary data).",
            ));
        }
        if text.trim().is_empty() {
            return Err(CatalogError::invalid(Field::Text, "The article is empty."));
        }
        let format = ArticleFormat::detect(file_name, text);
        let mut article = match format {
            ArticleFormat::Html => html::extract(text),
            ArticleFormat::Text | ArticleFormat::Markdown => extract::extract_text(text),
        };
        if article.body.trim().is_empty() {
            // A one-line article: its only line is both the headline and the text.
            article.body = article.headline.clone().unwrap_or_default();
        }
        if article.body.trim().is_empty() {
            return Err(CatalogError::invalid(
                Field::Text,
                "No article text was found in it.",
            ));
        }
        let mut candidates = guess::title_candidates(
            article.headline.as_deref(),
            &article.emphasized,
            &article.body,
        );
        let all_text = format!(
            "{}\n{}",
            article.headline.clone().unwrap_or_default(),
            article.body
        );
        if let Some(title) = &article.film_title {
            candidates.insert(0, title.clone());
        }
        let directors = if article.directors.is_empty() {
            guess::directors(&all_text)
        } else {
            article.directors.clone()
        };
        let (mut proposal, article_year, known_film) = self.read(|tx| {
            let mut matches =
                matching_films(tx, &candidates, &all_text, article.headline.as_deref())?;
            if let Some(id) = film_id {
                let forced = film_by_id(tx, id)?;
                matches.retain(|f| f.id != id);
                matches.insert(0, forced);
            }
            let (film, chosen) = match matches.first() {
                Some(known) => (known.clone(), Some(known.id)),
                None => (new_film(&candidates), None),
            };
            let article_year = article.year.or_else(|| {
                guess::year_for(&film.title, article.headline.as_deref(), &article.body)
            });
            let mut conflicts = Vec::new();
            let mut proposed = FilmInput {
                title: film.title.clone(),
                original_title: film.original_title.clone(),
                year: film.year.or(article_year),
                directors: if film.directors.is_empty() {
                    directors.clone()
                } else {
                    film.directors.clone()
                },
                themes: film.themes.clone(),
                facts: None,
            };
            if chosen.is_some() {
                if let (Some(ours), Some(theirs)) = (film.year, article_year) {
                    if ours != theirs {
                        conflicts.push(FieldConflict {
                            field: "year".into(),
                            catalog: vec![ours.to_string()],
                            article: vec![theirs.to_string()],
                            reference: Vec::new(),
                        });
                    }
                }
                let known: Vec<String> = film.directors.iter().map(|d| fold(d)).collect();
                if !film.directors.is_empty()
                    && !directors.is_empty()
                    && directors.iter().any(|d| !known.contains(&fold(d)))
                {
                    conflicts.push(FieldConflict {
                        field: "directors".into(),
                        catalog: film.directors.clone(),
                        article: directors.clone(),
                        reference: Vec::new(),
                    });
                }
            }
            let known = themes::Known {
                titles: [
                    Some(proposed.title.as_str()),
                    proposed.original_title.as_deref(),
                    article.film_title.as_deref(),
                    candidates.first().map(String::as_str),
                ]
                .into_iter()
                .flatten()
                .collect(),
                people: proposed
                    .directors
                    .iter()
                    .chain(&directors)
                    .map(String::as_str)
                    .collect(),
                site: article.source.as_deref(),
            };
            let (themes, dropped_themes) =
                themes::themes_from_keywords(tx, &article.keywords, &known, &proposed.themes)?;
            proposed.themes.extend(themes);
            let proposal = ArticleProposal {
                film_id: chosen,
                film: proposed,
                conflicts,
                candidates: matches
                    .iter()
                    .skip(1)
                    .map(|f| FilmCandidate {
                        id: f.id,
                        title: f.title.clone(),
                        year: f.year,
                    })
                    .collect(),
                review: ReviewInput {
                    kind: ReviewKind::Article,
                    title: article.headline.clone(),
                    author: article.author.clone(),
                    source: article.source.clone(),
                    url: article.url.clone().filter(|u| u.starts_with("http")),
                    published_on: article.published_on.clone().filter(|d| {
                        validate::date(Field::PublishedOn, "", &Some(d.clone())).is_ok()
                    }),
                    rating: article.rating,
                    spoiler: false,
                    body: article.body.clone(),
                },
                dropped_themes,
                checked: None,
            };
            Ok((proposal, article_year, chosen.map(|_| film)))
        })?;
        // Asked outside the read: a slow network never holds a catalog connection.
        if let Some(reference) = reference {
            let article = facts::Stated {
                year: article_year,
                directors: &directors,
            };
            facts::check(&mut proposal, known_film.as_ref(), &article, reference);
        }
        Ok(proposal)
    }

    /// Reads a fetched web page as an article; the page's address becomes the review's URL
    /// unless the page names its own canonical one.
    pub fn propose_article_from_page(
        &self,
        page: &str,
        url: &str,
        film_id: Option<i64>,
        reference: Option<&Reference>,
    ) -> Result<ArticleProposal> {
        let mut proposal = self.propose_article_checked(page, None, film_id, reference)?;
        if proposal.review.url.is_none() {
            proposal.review.url = Some(url.to_owned());
        }
        Ok(proposal)
    }

    /// Writes a confirmed proposal: the film (new, or updated as edited) and the article as its
    /// review, in one transaction. Returns the film as it now is.
    pub fn import_article(&self, proposal: &ArticleProposal) -> Result<FilmDetail> {
        let film = validate::film(&proposal.film)?;
        let review = validate::review(&ReviewInput {
            kind: ReviewKind::Article,
            ..proposal.review.clone()
        })?;
        let id = self.write(|tx| {
            let id = match proposal.film_id {
                Some(id) => {
                    replace_film(tx, id, &film)?;
                    id
                }
                None => insert_film(tx, &film)?,
            };
            insert_review(tx, id, &review)?;
            Ok(id)
        })?;
        self.get_film(id)
    }
}

/// Catalog films whose title or original title is one of the candidates, best first: named in
/// the headline, then by how often the text mentions them.
fn matching_films(
    tx: &Transaction,
    candidates: &[String],
    text: &str,
    headline: Option<&str>,
) -> Result<Vec<Film>> {
    let folded_text = fold(text);
    let folded_headline = fold(headline.unwrap_or_default());
    let mut scored: Vec<(i64, Film)> = Vec::new();
    let mut lookup = tx.prepare_cached(
        "SELECT id FROM films WHERE deleted_at IS NULL AND (title_key = ?1 OR original_title_key = ?1) ORDER BY id",
    )?;
    for candidate in candidates {
        let key = fold(candidate);
        let ids: Vec<i64> = lookup
            .query_map(params![key], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in ids {
            if scored.iter().any(|(_, f)| f.id == id) {
                continue;
            }
            let film = film_by_id(tx, id)?;
            let keys = [
                fold(&film.title),
                film.original_title.as_deref().map(fold).unwrap_or_default(),
            ];
            let mentions = keys
                .iter()
                .filter(|k| !k.is_empty())
                .map(|k| folded_text.matches(k.as_str()).count())
                .sum::<usize>();
            let in_headline = keys
                .iter()
                .any(|k| !k.is_empty() && folded_headline.contains(k.as_str()));
            scored.push((mentions as i64 + if in_headline { 100 } else { 0 }, film));
        }
    }
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    Ok(scored.into_iter().map(|(_, film)| film).collect())
}

fn new_film(candidates: &[String]) -> Film {
    Film {
        id: 0,
        title: candidates
            .first()
            .cloned()
            .unwrap_or_else(|| "Untitled".into()),
        original_title: None,
        year: None,
        directors: Vec::new(),
        themes: Vec::new(),
        review_count: 0,
        watch_status: Default::default(),
        viewing_count: 0,
        last_watched_on: None,
        rating: None,
        has_poster: false,
        created_at: chrono::Utc::now(),
        updated_at: chrono::Utc::now(),
        deleted_at: None,
    }
}
