//! The plan of an import: records of one film merged, each film matched against the catalog (by
//! external id, then by folded title and year), and what is already there left out. Building it
//! only reads, so the same plan is the preview and, inside the write transaction, the commit.

use std::collections::HashSet;

// FxHash: a million titles and ids are hashed per import; these are local files, not a network
// input, so SipHash's flood resistance buys nothing here and costs a tenth of the import.
use rustc_hash::FxHashMap as HashMap;

use rusqlite::Transaction;

use crate::text::fold;

use super::existing;
use super::record::{
    status_rank, Batch, FilmRecord, GhostRecord, ListRecord, PersonIdsRecord, Stamps,
};
use super::{ImportSource, ImportSummary};

pub enum Target {
    New,
    Existing(i64),
    /// Matched a film in the trash that would gain something: left alone, and said so.
    Skipped,
}

pub struct Group {
    /// For a new film, everything; for a matched one, only what it does not have yet.
    pub record: FilmRecord,
    pub target: Target,
    pub changed: bool,
}

pub struct PlannedList {
    pub name: String,
    pub description: Option<String>,
    pub stamps: Option<Stamps>,
    pub existing: Option<i64>,
    /// (group index, note), only films not on the list yet.
    pub entries: Vec<(usize, Option<String>)>,
    pub canon: Option<String>,
    /// Ghosts, each before entry `before` of `entries`; those the list has already are passed
    /// over when written (`carried::write_ghost`).
    pub ghosts: Vec<GhostRecord>,
}

pub struct Plan {
    pub groups: Vec<Group>,
    pub lists: Vec<PlannedList>,
    /// People's reference ids (a Cinedex export), given once the films are written.
    pub people: Vec<PersonIdsRecord>,
    batch: Batch,
}

type TitleKey = (String, Option<i32>);

impl Plan {
    pub fn build(tx: &Transaction, mut batch: Batch) -> crate::Result<Plan> {
        let records = std::mem::take(&mut batch.films);
        let (mut groups, record_group) = group(records);
        let (by_external, by_title) = catalog_keys(tx)?;
        for group in &mut groups {
            let record = &group.record;
            let found = record
                .external_ids
                .iter()
                .find_map(|(s, v)| by_external.get(s.as_str())?.get(v.as_str()))
                .or_else(|| {
                    // An empty catalog (a first import) has nothing to match by title.
                    (!by_title.is_empty())
                        .then(|| by_title.get(&(fold(record.film.title()), record.film.year())))
                        .flatten()
                });
            if let Some(&id) = found {
                group.target = Target::Existing(id);
                group.changed = existing::reduce_to_new(tx, id, &mut group.record)?;
                if group.changed && existing::is_trashed(tx, id)? {
                    group.target = Target::Skipped;
                }
            } else {
                group.changed = true;
            }
        }
        for group in groups
            .iter()
            .filter(|g| matches!(g.target, Target::Skipped))
        {
            batch.skip(
                "(catalog)",
                None,
                format!(
                    "{} ({}): the film is in the trash; restore it to import into it",
                    group.record.film.title(),
                    group
                        .record
                        .film
                        .year()
                        .map(|y| y.to_string())
                        .unwrap_or_default()
                ),
            );
        }
        let lists = std::mem::take(&mut batch.lists)
            .into_iter()
            .map(|list| plan_list(tx, list, &record_group, &groups))
            .collect::<crate::Result<Vec<_>>>()?;
        let people = std::mem::take(&mut batch.people);
        Ok(Plan {
            groups,
            lists,
            people,
            batch,
        })
    }

    pub fn summary(&self, source: ImportSource, committed: bool) -> ImportSummary {
        let mut s = ImportSummary {
            source: Some(source),
            committed,
            rows: self.batch.rows,
            skipped_count: self.batch.skipped_count,
            skipped: self.batch.skipped.clone(),
            error_count: self.batch.errors.len() as u64,
            errors: self.batch.errors.iter().take(200).cloned().collect(),
            columns: self.batch.columns.clone(),
            encoding: self.batch.encoding.clone(),
            ..ImportSummary::default()
        };
        for group in &self.groups {
            match group.target {
                Target::New => s.new_films += 1,
                Target::Existing(_) => {
                    s.matched_films += 1;
                    s.updated_films += u64::from(group.changed);
                }
                Target::Skipped => {
                    s.matched_films += 1;
                    continue;
                }
            }
            s.viewings += group.record.viewings.len() as u64;
            s.reviews += group.record.reviews.len() as u64;
            s.notes += group.record.annotations.len() as u64;
        }
        for list in &self.lists {
            s.lists += u64::from(list.existing.is_none());
            s.list_entries += list.entries.len() as u64;
        }
        s
    }

    /// Units of work for the progress bar: films, then list entries.
    pub fn total_work(&self) -> u64 {
        let lists: usize = self
            .lists
            .iter()
            .map(|l| l.entries.len() + l.ghosts.len())
            .sum();
        (self.groups.len() + lists) as u64
    }
}

/// Merges the records of one film (same external id, or same folded title and year); returns the
/// groups and, for each record, its group.
fn group(records: Vec<FilmRecord>) -> (Vec<Group>, Vec<usize>) {
    // Sized for a file of distinct films up front: growing maps of a million keys rehashes them
    // again and again.
    let n = records.len();
    let mut groups: Vec<Group> = Vec::with_capacity(n);
    let mut record_group = Vec::with_capacity(n);
    let mut by_external: HashMap<(String, String), usize> =
        HashMap::with_capacity_and_hasher(n, Default::default());
    let mut by_title: HashMap<TitleKey, usize> =
        HashMap::with_capacity_and_hasher(n, Default::default());
    for record in records {
        let key = (fold(record.film.title()), record.film.year());
        let found = record
            .external_ids
            .iter()
            .find_map(|id| by_external.get(id).copied())
            .or_else(|| by_title.get(&key).copied());
        let index = match found {
            Some(index) => {
                merge(&mut groups[index].record, record);
                index
            }
            None => {
                groups.push(Group {
                    record: dedupe(record),
                    target: Target::New,
                    changed: false,
                });
                groups.len() - 1
            }
        };
        for id in &groups[index].record.external_ids {
            by_external.entry(id.clone()).or_insert(index);
        }
        by_title.entry(key).or_insert(index);
        record_group.push(index);
    }
    (groups, record_group)
}

fn dedupe(mut record: FilmRecord) -> FilmRecord {
    if record.viewings.len() < 2 && record.reviews.len() < 2 && record.annotations.len() < 2 {
        return record;
    }
    let children = FilmRecord {
        viewings: std::mem::take(&mut record.viewings),
        reviews: std::mem::take(&mut record.reviews),
        annotations: std::mem::take(&mut record.annotations),
        ..FilmRecord::new(record.film.clone())
    };
    append_children(&mut record, children);
    record
}

/// Folds `more` into `into`: blanks filled, names and children added unless already there.
fn merge(into: &mut FilmRecord, more: FilmRecord) {
    into.film.merge_from(&more.film);
    into.runtime_minutes = into.runtime_minutes.or(more.runtime_minutes);
    into.rating = into.rating.or(more.rating);
    if status_rank(more.status) > status_rank(into.status) {
        into.status = more.status;
    }
    for id in &more.external_ids {
        if !into.external_ids.contains(id) {
            into.external_ids.push(id.clone());
        }
    }
    for credit in &more.credits {
        if !into.credits.contains(credit) {
            into.credits.push(credit.clone());
        }
    }
    append_children(into, more);
}

fn append_children(into: &mut FilmRecord, more: FilmRecord) {
    for viewing in more.viewings {
        let v = &viewing.0;
        if !into
            .viewings
            .iter()
            .any(|(w, _)| w.watched_on() == v.watched_on() && w.rewatch() == v.rewatch())
        {
            into.viewings.push(viewing);
        }
    }
    for review in more.reviews {
        if !into
            .reviews
            .iter()
            .any(|(r, _)| r.body() == review.0.body())
        {
            into.reviews.push(review);
        }
    }
    for note in more.annotations {
        if !into
            .annotations
            .iter()
            .any(|(at, body, _)| *at == note.0 && *body == note.1)
        {
            into.annotations.push(note);
        }
    }
}

/// source → value → film id, so a lookup borrows instead of building a key.
type ExternalKeys = HashMap<String, HashMap<String, i64>>;

/// Every film's external ids and (folded title, year), read once: matching a million rows by
/// one query each would be the slowest part of an import.
fn catalog_keys(tx: &Transaction) -> crate::Result<(ExternalKeys, HashMap<TitleKey, i64>)> {
    let mut by_external: ExternalKeys = HashMap::default();
    let mut stmt = tx.prepare("SELECT source, value, film_id FROM external_ids")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        by_external
            .entry(row.get(0)?)
            .or_default()
            .insert(row.get(1)?, row.get(2)?);
    }
    let mut by_title = HashMap::default();
    let mut stmt = tx.prepare("SELECT title_key, year, id FROM films ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        by_title
            .entry((row.get(0)?, row.get(1)?))
            .or_insert(row.get(2)?);
    }
    Ok((by_external, by_title))
}

fn plan_list(
    tx: &Transaction,
    list: ListRecord,
    record_group: &[usize],
    groups: &[Group],
) -> crate::Result<PlannedList> {
    let existing: Option<i64> = rusqlite::OptionalExtension::optional(tx.query_row(
        "SELECT id FROM lists WHERE name_key = ?1",
        [fold(&crate::text::tidy(&list.name))],
        |row| row.get(0),
    ))?;
    let on_list: HashSet<i64> = match existing {
        Some(list_id) => {
            let mut stmt = tx.prepare("SELECT film_id FROM list_films WHERE list_id = ?1")?;
            let rows = stmt.query_map([list_id], |row| row.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        }
        None => HashSet::new(),
    };
    let mut seen = HashSet::new();
    // `kept[i]`: how many of the record's first `i` entries are kept, to place the ghosts.
    let mut kept = Vec::with_capacity(list.entries.len() + 1);
    let mut entries = Vec::with_capacity(list.entries.len());
    for (record, note) in list.entries {
        kept.push(entries.len());
        let Some(&index) = record_group.get(record) else {
            continue;
        };
        let keep = match groups[index].target {
            Target::New => true,
            Target::Existing(id) => !on_list.contains(&id),
            Target::Skipped => false,
        };
        if keep && seen.insert(index) {
            entries.push((index, note));
        }
    }
    kept.push(entries.len());
    let mut ghosts = list.ghosts;
    for ghost in &mut ghosts {
        ghost.before = kept[ghost.before.min(kept.len() - 1)];
    }
    Ok(PlannedList {
        name: list.name,
        description: list.description,
        stamps: list.stamps,
        existing,
        entries,
        canon: list.canon,
        ghosts,
    })
}
