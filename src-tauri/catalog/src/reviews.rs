//! Reviews, notes and saved articles attached to a film.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::films::{require_live, touch_film};
use crate::markdown;
use crate::model::{Review, ReviewInput, ReviewKind};
use crate::time::{self, instant_at, optional_date_at};
use crate::validate::{self, ValidReview};

const REVIEW_SELECT: &str = "
    SELECT id, film_id, kind, title, author, source, url, published_on, body, created_at, updated_at,
           rating, spoiler
      FROM reviews";

impl Catalog {
    /// Attaches a review to a film that is not in the trash.
    pub fn add_review(&self, film_id: i64, input: &ReviewInput) -> Result<Review> {
        let valid = validate::review(input)?;
        // Rendered before the write lock is taken, not while every other writer waits.
        let body_html = markdown::render(valid.body());
        let review = self.write(|tx| {
            let id = insert_review(tx, film_id, &valid)?;
            review_by_id(tx, id)
        })?;
        Ok(Review {
            body_html,
            ..review
        })
    }

    pub fn update_review(&self, id: i64, input: &ReviewInput) -> Result<Review> {
        let valid: ValidReview = validate::review(input)?;
        let body_html = markdown::render(valid.body());
        let review = self.write(|tx| {
            let film_id = review_by_id(tx, id)?.film_id;
            require_live(tx, film_id)?;
            tx.execute(
                "UPDATE reviews SET kind = ?2, title = ?3, author = ?4, source = ?5, url = ?6,
                        published_on = ?7, body = ?8, updated_at = ?9, rating = ?10, spoiler = ?11
                  WHERE id = ?1",
                params![
                    id,
                    valid.kind().as_str(),
                    valid.title(),
                    valid.author(),
                    valid.source(),
                    valid.url(),
                    valid.published_on().map(time::date_to_text),
                    valid.body(),
                    time::to_text(time::now()),
                    valid.rating(),
                    valid.spoiler()
                ],
            )?;
            // In the same transaction as the new body: no reader sees highlights out of place.
            crate::highlights::anchor::reanchor_review(tx, id, valid.body())?;
            touch_film(tx, film_id)?;
            review_by_id(tx, id)
        })?;
        Ok(Review {
            body_html,
            ..review
        })
    }

    pub fn delete_review(&self, id: i64) -> Result<()> {
        self.write(|tx| {
            let film_id = review_by_id(tx, id)?.film_id;
            require_live(tx, film_id)?;
            tx.execute("DELETE FROM reviews WHERE id = ?1", [id])?;
            touch_film(tx, film_id)
        })
    }

    pub fn get_review(&self, id: i64) -> Result<Review> {
        self.read(|tx| review_by_id(tx, id)).map(rendered)
    }

    /// The reviews of a film, live or in the trash, oldest first.
    pub fn list_reviews(&self, film_id: i64) -> Result<Vec<Review>> {
        self.read(|tx| {
            crate::films::film_by_id(tx, film_id)?;
            reviews_of(tx, film_id)
        })
    }
}

/// Stores a review of a live film inside the caller's transaction; returns its id.
pub(crate) fn insert_review(tx: &Transaction, film_id: i64, valid: &ValidReview) -> Result<i64> {
    require_live(tx, film_id)?;
    tx.prepare_cached(
        "INSERT INTO reviews (film_id, kind, title, author, source, url, published_on, body, created_at, updated_at,
                              rating, spoiler)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11)",
    )?
    .execute(params![
            film_id,
            valid.kind().as_str(),
            valid.title(),
            valid.author(),
            valid.source(),
            valid.url(),
            valid.published_on().map(time::date_to_text),
            valid.body(),
            time::to_text(time::now()),
            valid.rating(),
            valid.spoiler()
    ])?;
    let id = tx.last_insert_rowid();
    touch_film(tx, film_id)?;
    Ok(id)
}

pub(crate) fn reviews_of(tx: &Transaction, film_id: i64) -> Result<Vec<Review>> {
    let mut stmt = tx.prepare_cached(&format!(
        // The review order, defined here only: by publication date, else the day written, then when
        // written. The window shows it newest first by reading it backwards (ui/src/lib/timeline.ts).
        "{REVIEW_SELECT} WHERE film_id = ?1 ORDER BY coalesce(published_on, substr(created_at, 1, 10)), created_at, id"
    ))?;
    let rows = stmt.query_map([film_id], review_from_row)?;
    let reviews = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(reviews.into_iter().map(rendered).collect())
}

fn review_by_id(tx: &Transaction, id: i64) -> Result<Review> {
    tx.prepare_cached(&format!("{REVIEW_SELECT} WHERE id = ?1"))?
        .query_row([id], review_from_row)
        .optional()?
        .ok_or(CatalogError::NotFound {
            entity: "review",
            id,
        })
}

fn rendered(review: Review) -> Review {
    Review {
        body_html: markdown::render(&review.body),
        ..review
    }
}

/// The review as stored, its HTML not rendered yet (see [`rendered`]).
fn review_from_row(row: &Row) -> rusqlite::Result<Review> {
    let kind: String = row.get(2)?;
    let body: String = row.get(8)?;
    Ok(Review {
        id: row.get(0)?,
        film_id: row.get(1)?,
        kind: ReviewKind::parse(&kind).unwrap_or_default(),
        title: row.get(3)?,
        author: row.get(4)?,
        source: row.get(5)?,
        url: row.get(6)?,
        published_on: optional_date_at(row, 7)?,
        rating: row.get(11)?,
        spoiler: row.get(12)?,
        body_html: String::new(),
        body,
        created_at: instant_at(row, 9)?,
        updated_at: instant_at(row, 10)?,
    })
}
