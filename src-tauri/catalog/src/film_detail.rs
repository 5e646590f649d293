//! A film with everything attached to it, assembled in one place that depends on the parts
//! (films, facts, reviews, viewings, timecoded notes), so none of them depends on another.

use crate::db::Catalog;
use crate::error::Result;
use crate::films::film_by_id;
use crate::model::FilmDetail;

impl Catalog {
    /// A film with everything attached to it, whether live or in the trash.
    pub fn get_film(&self, id: i64) -> Result<FilmDetail> {
        self.read(|tx| {
            Ok(FilmDetail {
                film: film_by_id(tx, id)?,
                facts: crate::facts::facts_of(tx, id)?,
                reviews: crate::reviews::reviews_of(tx, id)?,
                viewings: crate::viewings::viewings_of(tx, id)?,
                annotations: crate::annotations::annotations_of(tx, id)?,
            })
        })
    }
}
