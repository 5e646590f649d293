//! Running a search. Ranking every match is what makes plain FTS5 slow on a big catalog (and even
//! bm25 on a few rows reads every match once, to count them), so each tier reads at most
//! [`CANDIDATES`] matches in index order (newest first: rowids are film and review ids) and ranks
//! only those, by a cheap score: titles starting with the query first, then shorter titles.
//! Tiers are tried in order until the page and the facet pool are full: 1. titles, 2. names and
//! themes, 3. reviews and notes (newest first).

use std::collections::HashSet;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Transaction};

use super::fts::{self, Plan};
use super::parser::{self, Query};
use super::{facets, highlight, snippet, typo, MatchField, SearchHit, SearchResults};
use crate::db::Catalog;
use crate::error::Result;
use crate::films::films_by_ids;
use crate::model::ReviewKind;

/// Matches read per tier; the bound that keeps a keystroke fast whatever the catalog size.
const CANDIDATES: usize = 200;
/// Films gathered before stopping, so facets have something to count.
const POOL: usize = 100;
/// Review matches read at most in tier 3 before the film filters are applied (checking a film
/// against its filters costs about 10 µs, so this keeps a filtered tier 3 near 10 ms).
const REVIEW_SCAN: usize = 1_000;
/// Largest page a caller may ask for (pages are `1..=MAX_LIMIT`).
pub const MAX_LIMIT: usize = 500;
/// The window's page of search results when it asks for no other size.
pub const WINDOW_PAGE: usize = 50;
/// The command line's page of search results when `--limit` is not given.
pub const CLI_PAGE: usize = 20;

/// A film found, and how.
struct Candidate {
    film_id: i64,
    tier: u8,
    review_id: Option<i64>,
}

impl Catalog {
    /// Searches the catalog: the films matching `text` (in the query language), best first,
    /// `limit` of them after skipping `offset`. Every string is a valid query.
    pub fn search(&self, text: &str, limit: usize, offset: usize) -> Result<SearchResults> {
        let query = parser::parse(text);
        let limit = limit.clamp(1, MAX_LIMIT);
        self.read(|tx| run(tx, text, &query, limit, offset))
    }
}

fn run(
    tx: &Transaction,
    text: &str,
    query: &Query,
    limit: usize,
    offset: usize,
) -> Result<SearchResults> {
    let mut results = SearchResults {
        query: text.to_owned(),
        hits: Vec::new(),
        total: 0,
        total_is_estimate: false,
        facets: Default::default(),
    };
    if query.is_empty() {
        return Ok(results);
    }
    let plan = fts::plan(query, |word, prefix| {
        typo::alternatives(tx, word, prefix).unwrap_or_default()
    });
    let want = (offset + limit).max(POOL);
    let bound = want.max(CANDIDATES);
    let mut pool: Vec<Candidate> = Vec::new();
    let mut seen = HashSet::new();
    let mut capped = false;
    let mut add = |pool: &mut Vec<Candidate>, found: Vec<Candidate>| {
        capped |= found.len() >= bound;
        for candidate in found {
            if seen.insert(candidate.film_id) {
                pool.push(candidate);
            }
        }
    };

    if plan.film_match().is_none() && plan.cjk.is_empty() {
        add(&mut pool, by_filters(tx, &plan, bound)?);
    } else {
        let tiers: [&dyn Fn() -> Result<Vec<Candidate>>; 3] = [
            &|| film_tier(tx, &plan, true, bound),
            &|| film_tier(tx, &plan, false, bound),
            &|| review_tier(tx, &plan, bound),
        ];
        for tier in tiers {
            if pool.len() >= want {
                capped = true;
                break;
            }
            add(&mut pool, tier()?);
        }
    }
    results.total = pool.len() as u32;
    results.total_is_estimate = capped;
    let ids: Vec<i64> = pool.iter().map(|c| c.film_id).collect();
    results.facets = facets::count(tx, &ids)?;
    let page: Vec<&Candidate> = pool.iter().skip(offset).take(limit).collect();
    let films = films_by_ids(tx, &page.iter().map(|c| c.film_id).collect::<Vec<_>>())?;
    for (candidate, film) in page.into_iter().zip(films) {
        results.hits.push(hit(tx, query, &plan, candidate, film)?);
    }
    Ok(results)
}

/// The SQL conditions on `films f` for what `facts` tokens could not express (wide year ranges,
/// `list:` names).
fn filters(plan: &Plan, params: &mut Vec<Value>) -> String {
    let mut sql = String::new();
    if let Some((from, to)) = plan.sql_years {
        params.extend([Value::from(from), Value::from(to)]);
        sql.push_str(" AND f.year BETWEEN ? AND ?");
    }
    for name in &plan.lists {
        let pattern: String = name
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .chain(['%'])
            .collect();
        params.push(Value::from(pattern));
        sql.push_str(
            " AND f.id IN (SELECT lf.film_id FROM list_films lf JOIN lists l ON l.id = lf.list_id
                            WHERE l.name_key LIKE ? ESCAPE '\\')",
        );
    }
    sql
}

/// CJK words: substrings of titles and names, through the trigram index (or a scan of it for
/// words under three characters, which trigrams cannot look up).
fn cjk_conditions(plan: &Plan, params: &mut Vec<Value>) -> String {
    let mut sql = String::new();
    for word in &plan.cjk {
        if word.chars().count() >= 3 {
            sql.push_str(
                " AND f.id IN (SELECT rowid FROM search_grams WHERE search_grams MATCH ?)",
            );
            params.push(Value::from(fts::quote(word)));
        } else {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM search_grams g WHERE g.rowid = f.id AND (g.titles LIKE ? OR g.names LIKE ?))",
            );
            let pattern = format!("%{word}%");
            params.extend([Value::from(pattern.clone()), Value::from(pattern)]);
        }
    }
    sql
}

/// Leaves out films matching an excluded term, when no FTS expression could say `NOT`.
fn exclusion(plan: &Plan, params: &mut Vec<Value>) -> String {
    match &plan.excluded {
        Some(excluded) => {
            params.push(Value::from(excluded.clone()));
            " AND f.id NOT IN (SELECT rowid FROM search_film WHERE search_film MATCH ?)".to_owned()
        }
        None => String::new(),
    }
}

/// Tier 1 (`titles`) or 2: films whose index row matches, the newest `bound` of them, by bm25.
fn film_tier(tx: &Transaction, plan: &Plan, titles: bool, bound: usize) -> Result<Vec<Candidate>> {
    let mut params = Vec::new();
    let expr = if titles {
        plan.title_match()
    } else {
        plan.film_match()
    };
    let (driver, matching) = match expr {
        Some(expr) => {
            params.push(Value::from(expr));
            ("search_film", "search_film MATCH ?".to_owned())
        }
        // Only CJK words: the trigram index drives, shortest titles first.
        None if !plan.cjk.is_empty() => {
            let column = if titles { "titles" } else { "names" };
            let first = &plan.cjk[0];
            let mut matching = if first.chars().count() >= 3 {
                params.push(Value::from(format!("{{{column}}} : {}", fts::quote(first))));
                "search_grams MATCH ?".to_owned()
            } else {
                params.push(Value::from(format!("%{first}%")));
                format!("search_grams.{column} LIKE ?")
            };
            matching.push_str(&exclusion(plan, &mut params));
            ("search_grams", matching)
        }
        None => return Ok(Vec::new()),
    };
    let mut sql = format!(
        "SELECT f.id, f.title_key FROM {driver} JOIN films f ON f.id = {driver}.rowid WHERE {matching}"
    );
    sql.push_str(&cjk_conditions(plan, &mut params));
    sql.push_str(&filters(plan, &mut params));
    // The index's own order (rowid, newest first) lets SQLite stop after `bound` matches.
    sql.push_str(&format!(" ORDER BY {driver}.rowid DESC LIMIT ?"));
    params.push(Value::from(bound as i64));
    let tier = if titles { 1 } else { 2 };
    let mut stmt = tx.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(params), |row| {
        Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
    })?;
    let found = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let typed = plan.highlight.first().cloned().unwrap_or_default();
    let mut scored: Vec<((bool, usize), i64)> = found
        .into_iter()
        .map(|(id, key)| ((!key.starts_with(&typed), key.chars().count()), id))
        .collect();
    // Stable: equal scores keep the index order, newest first.
    scored.sort_by_key(|(score, _)| *score);
    Ok(scored
        .into_iter()
        .map(|(_, film_id)| Candidate {
            film_id,
            tier,
            review_id: None,
        })
        .collect())
}

/// Tier 3: films with a review or note that matches, each with its best-ranked review.
fn review_tier(tx: &Transaction, plan: &Plan, bound: usize) -> Result<Vec<Candidate>> {
    let Some(text) = &plan.review_text else {
        return Ok(Vec::new());
    };
    // Matching reviews are read newest first, at most REVIEW_SCAN of them, and only then checked
    // against the film's filters: a selective filter cannot make the scan run through every review.
    // A review also matches through the margin notes of its highlights (their own index, read
    // the same way): all the words in its text, or all in one note.
    let scan = Value::from(REVIEW_SCAN as i64);
    let mut params = vec![
        Value::from(text.clone()),
        scan.clone(),
        Value::from(text.clone()),
        scan,
    ];
    let mut sql = "SELECT r.film_id, r.id
                     FROM (SELECT id FROM (SELECT rowid AS id FROM search_reviews
                                            WHERE search_reviews MATCH ? ORDER BY rowid DESC LIMIT ?)
                           UNION
                           SELECT review_id FROM (SELECT h.review_id FROM search_notes
                                                    JOIN highlights h ON h.id = search_notes.rowid
                                                   WHERE search_notes MATCH ?
                                                   ORDER BY search_notes.rowid DESC LIMIT ?)) m
                     JOIN reviews r ON r.id = m.id
                     JOIN films f ON f.id = r.film_id
                    WHERE f.deleted_at IS NULL"
        .to_owned();
    match plan.film_constraint() {
        Some(constraint) => {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM search_film WHERE search_film MATCH ? AND search_film.rowid = f.id)",
            );
            params.push(Value::from(constraint));
        }
        None => sql.push_str(&exclusion(plan, &mut params)),
    }
    sql.push_str(&filters(plan, &mut params));
    sql.push_str(" ORDER BY m.id DESC LIMIT ?");
    params.push(Value::from(bound as i64));
    let mut stmt = tx.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(params), |row| {
        Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
    })?;
    let found = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found
        .into_iter()
        .map(|(film_id, review_id)| Candidate {
            film_id,
            tier: 3,
            review_id: Some(review_id),
        })
        .collect())
}

/// Filters only (`year:2004 is:watchlist`): films by title.
fn by_filters(tx: &Transaction, plan: &Plan, bound: usize) -> Result<Vec<Candidate>> {
    let mut params = Vec::new();
    let mut sql = "SELECT f.id FROM films f WHERE f.deleted_at IS NULL".to_owned();
    sql.push_str(&filters(plan, &mut params));
    sql.push_str(&exclusion(plan, &mut params));
    sql.push_str(" ORDER BY f.title_key, f.id LIMIT ?");
    params.push(Value::from(bound as i64));
    let mut stmt = tx.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(params), |row| row.get::<_, i64>(0))?;
    Ok(rows
        .map(|id| {
            id.map(|film_id| Candidate {
                film_id,
                tier: 0,
                review_id: None,
            })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

fn hit(
    tx: &Transaction,
    query: &Query,
    plan: &Plan,
    candidate: &Candidate,
    film: crate::model::Film,
) -> Result<SearchHit> {
    let words = &plan.highlight;
    let mut matched = Vec::new();
    if highlight::contains(&film.title, words) {
        matched.push(MatchField::Title);
    }
    let original = film.original_title.as_deref();
    if original.is_some_and(|o| highlight::contains(o, words)) {
        matched.push(MatchField::OriginalTitle);
    }
    let director_words: Vec<String> = query.directors.iter().flatten().cloned().collect();
    if film
        .directors
        .iter()
        .any(|d| highlight::contains(d, words) || highlight::contains(d, &director_words))
    {
        matched.push(MatchField::Director);
    }
    let theme_words: Vec<String> = query.themes.iter().flatten().cloned().collect();
    if film
        .themes
        .iter()
        .any(|t| highlight::contains(t, words) || highlight::contains(t, &theme_words))
    {
        matched.push(MatchField::Theme);
    }
    // Only words can have matched a person who is not shown; a query of filters alone matched
    // no text at all.
    let searched_text = !words.is_empty() || !query.people.is_empty();
    if candidate.tier == 2 && matched.is_empty() && searched_text {
        matched.push(unshown_match(tx, query, film.id, words)?);
    }
    let snippet = match candidate.review_id {
        Some(id) => Some(snippet::snippet(tx, id, words)?),
        None => None,
    };
    if let Some(snippet) = &snippet {
        matched.push(match snippet.kind {
            ReviewKind::Review => MatchField::Review,
            ReviewKind::Note => MatchField::Note,
            ReviewKind::Article => MatchField::Article,
        });
    }
    Ok(SearchHit {
        title: highlight::segments(&film.title, words),
        original_title: original.map(|o| highlight::segments(o, words)),
        matched,
        snippet,
        film,
    })
}

/// What a film found in its index row matched when no shown field did: a genre, the synopsis,
/// or else a person credited beside the directors.
fn unshown_match(
    tx: &Transaction,
    query: &Query,
    film_id: i64,
    words: &[String],
) -> Result<MatchField> {
    let (genres, synopsis): (Option<String>, Option<String>) = tx
        .prepare_cached(
            "SELECT (SELECT group_concat(g.name, ' ') FROM film_genres fg
                       JOIN genres g ON g.id = fg.genre_id WHERE fg.film_id = f.id),
                    f.synopsis
               FROM films f WHERE f.id = ?1",
        )?
        .query_row([film_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    let genre_words: Vec<String> = query.genres.iter().flatten().cloned().collect();
    let genres = genres.unwrap_or_default();
    if highlight::contains(&genres, words) || highlight::contains(&genres, &genre_words) {
        return Ok(MatchField::Genre);
    }
    if synopsis.is_some_and(|s| highlight::contains(&s, words)) {
        return Ok(MatchField::Synopsis);
    }
    Ok(MatchField::Person)
}
