//! A film with everything attached to it, assembled in one place that depends on the parts
//! (films, facts, reviews, viewings, timecoded notes), so none of them depends on another.

use rusqlite::Transaction;

use crate::db::Catalog;
use crate::error::Result;
use crate::films::film_by_id;
use crate::model::{CreditRole, CreditedPerson, FilmDetail};

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
                people: credited_people(tx, id)?,
            })
        })
    }
}

fn credited_people(tx: &Transaction, film_id: i64) -> Result<Vec<CreditedPerson>> {
    let mut statement = tx.prepare_cached(
        "SELECT fp.role, p.name, p.id FROM film_people fp JOIN people p ON p.id = fp.person_id
          WHERE fp.film_id = ?1 ORDER BY fp.role, fp.position",
    )?;
    let rows = statement.query_map([film_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, i64>(2)?,
        ))
    })?;
    let mut people = Vec::new();
    for row in rows {
        let (role, name, person_id) = row?;
        if let Some(role) = CreditRole::parse(&role) {
            people.push(CreditedPerson {
                role,
                name,
                person_id,
            });
        }
    }
    Ok(people)
}
