//! Writing a plan, inside the caller's one transaction, through the same helpers as every other
//! write (so validation, the search index and `updated_at` behave as for a film typed by hand).

use rusqlite::{params, Transaction};

use crate::credits::{self, NameIds, Role};
use crate::error::{CatalogError, Result};
use crate::people::ids::{self as people_ids, IdentifiedCredit};
use crate::search::bulk::Touched;
use crate::{annotations, films, highlights, lists, reviews, viewings};

use super::carried;
use super::plan::{Plan, Target};
use super::record::{status_rank, FilmRecord};
use super::Progress;

/// Progress is reported every this many films: often enough for a smooth bar, rarely enough
/// not to cost anything.
const PROGRESS_EVERY: u64 = 2_000;

/// What writing one film needs besides the transaction: the people and themes met so far, and
/// the record of what the search index must take in at the end.
struct Writer<'a> {
    tx: &'a Transaction<'a>,
    ids: NameIds,
    touched: &'a mut Touched,
}

/// Writes `plan`, reporting to `touched` every film and review it writes (they are indexed once
/// at the end, see `search::bulk`).
pub fn apply(
    tx: &Transaction,
    touched: &mut Touched,
    plan: Plan,
    progress: Progress,
) -> Result<()> {
    let total = plan.total_work();
    let mut done = 0u64;
    let report = |done: u64| -> Result<()> {
        if (done % PROGRESS_EVERY == 0 || done == total) && !progress(done, total) {
            return Err(CatalogError::Cancelled);
        }
        Ok(())
    };
    report(0)?;
    let mut film_ids = Vec::with_capacity(plan.groups.len());
    let mut writer = Writer {
        tx,
        ids: NameIds::default(),
        touched,
    };
    for group in &plan.groups {
        let id = match group.target {
            Target::New => Some(writer.insert_new(&group.record)?),
            Target::Existing(id) => {
                if group.changed {
                    writer.add_to_existing(id, &group.record)?;
                }
                Some(id)
            }
            Target::Skipped => None,
        };
        film_ids.push(id);
        done += 1;
        report(done)?;
    }
    for list in &plan.lists {
        let stamps = list
            .stamps
            .as_ref()
            .map(|s| (s.created.as_str(), s.updated.as_str()));
        let (list_id, _) =
            lists::find_or_create(tx, &list.name, list.description.as_deref(), stamps)?;
        if let Some(canon) = &list.canon {
            carried::follow_canon(tx, list_id, canon)?;
        }
        // Ghosts and entries in one order: each ghost goes before the entry it was before.
        let mut ghosts = list.ghosts.iter().peekable();
        for (at, (group, note)) in list.entries.iter().enumerate() {
            while let Some(ghost) = ghosts.next_if(|g| g.before <= at) {
                carried::write_ghost(tx, list_id, ghost)?;
                done += 1;
                report(done)?;
            }
            if let Some(film_id) = film_ids[*group] {
                lists::add_film(tx, list_id, film_id, note.as_deref())?;
            }
            done += 1;
            report(done)?;
        }
        for ghost in ghosts {
            carried::write_ghost(tx, list_id, ghost)?;
            done += 1;
            report(done)?;
        }
    }
    carried::write_people(tx, &plan.people)?;
    progress(total, total)
        .then_some(())
        .ok_or(CatalogError::Cancelled)
}

impl Writer<'_> {
    fn insert_new(&mut self, record: &FilmRecord) -> Result<i64> {
        let tx = self.tx;
        let id = films::insert_film_with(
            tx,
            &mut self.ids,
            &record.film,
            record.runtime_minutes,
            record.rating,
            record.status,
        )?;
        let names = record.credits.iter().map(|c| c.name.as_str());
        let texts = [record.film.title()]
            .into_iter()
            .chain(record.film.original_title())
            .chain(record.film.directors().iter().map(String::as_str))
            .chain(names);
        self.touched.new_film(id, texts);
        self.add_children(id, record, false)?;
        // A viewing marks the film watched; a Cinedex export says exactly what the status was.
        if record.exact_status && !record.viewings.is_empty() {
            films::set_status(tx, id, record.status)?;
        }
        if let Some(stamps) = &record.stamps {
            films::set_stamps(
                tx,
                id,
                &stamps.created,
                &stamps.updated,
                record.deleted_at.as_deref(),
            )?;
        }
        Ok(id)
    }

    fn add_to_existing(&mut self, id: i64, record: &FilmRecord) -> Result<()> {
        let tx = self.tx;
        self.touched.changed_film(id);
        credits::add_people(
            tx,
            &mut self.ids,
            id,
            Role::Director,
            record.film.directors(),
        )?;
        credits::add_themes(tx, &mut self.ids, id, record.film.themes())?;
        self.add_children(id, record, true)?;
        let current: String = tx.query_row(
            "SELECT watch_status FROM films WHERE id = ?1",
            [id],
            |row| row.get(0),
        )?;
        let current = crate::WatchStatus::parse(&current).unwrap_or_default();
        if status_rank(record.status) > status_rank(current) {
            films::set_status(tx, id, record.status)?;
        }
        films::touch_film(tx, id)
    }

    /// What new and matched films both get: credits beyond directors, runtime and rating, external
    /// ids, viewings, reviews and timecoded notes.
    fn add_children(&mut self, id: i64, record: &FilmRecord, extras: bool) -> Result<()> {
        let tx = self.tx;
        for role in Role::ALL.into_iter().filter(|r| *r != Role::Director) {
            let names: Vec<String> = record
                .credits
                .iter()
                .filter(|c| c.role == role)
                .map(|c| c.name.clone())
                .collect();
            if !names.is_empty() {
                credits::add_people(tx, &mut self.ids, id, role, &names)?;
            }
        }
        for credit in record.credits.iter().filter(|c| c.credited_as.is_some()) {
            tx.execute(
                "UPDATE film_people SET credited_as = ?3
                  WHERE film_id = ?1 AND role = ?2
                    AND person_id IN (SELECT id FROM people WHERE name_key = ?4)",
                params![
                    id,
                    credit.role.as_str(),
                    credit.credited_as,
                    crate::text::fold(&credit.name)
                ],
            )?;
        }
        if !record.person_ids.is_empty() {
            let identified: Vec<IdentifiedCredit> = record
                .person_ids
                .iter()
                .map(|(role, name, id)| IdentifiedCredit {
                    role: *role,
                    name,
                    id,
                })
                .collect();
            people_ids::remember(tx, id, &identified)?;
            // It may have forgotten a person the name cache holds.
            self.ids = NameIds::default();
        }
        if extras {
            films::set_extras(tx, id, record.runtime_minutes, record.rating)?;
        }
        crate::facts::fill_description(tx, id, &record.description)?;
        let mut insert_external = tx.prepare_cached(
            "INSERT OR IGNORE INTO external_ids (film_id, source, value) VALUES (?1, ?2, ?3)",
        )?;
        for (source, value) in &record.external_ids {
            insert_external.execute(params![id, source, value])?;
        }
        for (viewing, stamps) in &record.viewings {
            let viewing_id = viewings::insert_viewing(tx, id, viewing)?;
            restamp(tx, "viewings", viewing_id, stamps)?;
        }
        for (review, stamps) in &record.reviews {
            let review_id = reviews::insert_review(tx, id, review)?;
            self.touched.review(review_id);
            restamp(tx, "reviews", review_id, stamps)?;
            let marked =
                highlights::insert_carried(tx, review_id, review.body(), review.highlights())?;
            self.touched.highlights(marked);
        }
        for (at, body, stamps) in &record.annotations {
            let note_id = annotations::insert_annotation(tx, id, *at, body)?;
            restamp(tx, "annotations", note_id, stamps)?;
        }
        Ok(())
    }
}

/// Puts back the timestamps a Cinedex export carried, so a round trip changes nothing.
fn restamp(
    tx: &Transaction,
    table: &str,
    id: i64,
    stamps: &Option<super::record::Stamps>,
) -> Result<()> {
    if let Some(stamps) = stamps {
        tx.prepare_cached(&format!(
            "UPDATE {table} SET created_at = ?2, updated_at = ?3 WHERE id = ?1"
        ))?
        .execute(params![id, stamps.created, stamps.updated])?;
    }
    Ok(())
}
