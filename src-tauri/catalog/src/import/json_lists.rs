//! The lists and people of a Cinedex JSON export read back: each list with its entries, the
//! canon it follows and its ghosts (placed among the entries by their `position`), and people's
//! reference ids, through the same rules as the rest of the catalog. A file written before
//! canons, ghosts and person ids existed simply has none.

use crate::export::document::{GhostDoc, ListDoc, PersonDoc};
use crate::field::Field;
use crate::model::FilmInput;
use crate::validate;

use super::record::{GhostRecord, ListRecord, PersonIdsRecord, Stamps};

/// A refused field (under the list or person) and why.
pub type Failure = (String, String);

/// The longest canon a list may follow (the `lists.canon` column's check).
const MAX_CANON_CHARS: usize = 200;

/// A list, through the same rules as the commit's (`lists::find_or_create`); entries pointing at
/// films that were refused or do not exist are left out, and ghosts keep their place among the
/// entries that remain.
pub fn list_record(list: ListDoc, index_of: &[Option<usize>]) -> Result<ListRecord, Failure> {
    let (name, description) =
        validate::list(&list.name, list.description.as_deref()).map_err(invalid(""))?;
    // `kept[i]`: how many of the file's first `i` entries are kept.
    let mut kept = Vec::with_capacity(list.films.len() + 1);
    let mut entries = Vec::with_capacity(list.films.len());
    for (i, entry) in list.films.iter().enumerate() {
        kept.push(entries.len());
        let prefix = format!("films[{i}].");
        let note = validate::list_entry_note(entry.note.as_deref()).map_err(invalid(&prefix))?;
        if let Some(index) = index_of.get(entry.film).copied().flatten() {
            entries.push((index, note));
        }
    }
    kept.push(entries.len());
    let canon = list
        .canon
        .as_deref()
        .map(|canon| check_canon(canon).map_err(|m| ("canon".to_owned(), m)))
        .transpose()?;
    let mut ghosts: Vec<(u64, usize, GhostRecord)> = Vec::with_capacity(list.ghosts.len());
    for (i, ghost) in list.ghosts.into_iter().enumerate() {
        let position = ghost.position;
        let record =
            ghost_record(ghost).map_err(|(field, m)| (format!("ghosts[{i}].{field}"), m))?;
        ghosts.push((position, i, record));
    }
    // Ghost k (in place order) at place p has p - 1 - k entries before it: the entries fill the
    // places the ghosts leave.
    ghosts.sort_by_key(|(position, i, _)| (*position, *i));
    let mut before = 0;
    let ghosts = ghosts
        .into_iter()
        .enumerate()
        .map(|(k, (position, _, mut record))| {
            let file_before = usize::try_from(position.saturating_sub(1))
                .unwrap_or(usize::MAX)
                .saturating_sub(k)
                .min(list.films.len());
            before = before.max(kept[file_before]);
            record.before = before;
            record
        })
        .collect();
    Ok(ListRecord {
        name,
        description,
        stamps: Some(stamps("", &list.created_at, &list.updated_at)?),
        entries,
        canon,
        ghosts,
    })
}

fn check_canon(canon: &str) -> Result<String, String> {
    let canon = canon.trim();
    match canon.split_once(':') {
        Some((source, value))
            if !source.is_empty()
                && !value.is_empty()
                && canon.chars().count() <= MAX_CANON_CHARS
                && !canon.chars().any(char::is_control) =>
        {
            Ok(canon.to_owned())
        }
        _ => Err(format!(
            "a canon is \"source:value\" (such as \"wikidata:Q179808\") of at most \
             {MAX_CANON_CHARS} characters, not {canon:?}"
        )),
    }
}

/// A ghost, checked: its reference id (`source:value`, as `list_ghosts` bounds them), its IMDb
/// id, and its title, year, directors and note by the rules of a film and a list note.
fn ghost_record(ghost: GhostDoc) -> Result<GhostRecord, Failure> {
    let reference = ghost.reference_id.trim();
    let (source, value) = reference
        .split_once(':')
        .filter(|(s, v)| (1..=40).contains(&s.len()) && (1..=500).contains(&v.len()))
        .filter(|_| !reference.chars().any(char::is_control))
        .ok_or_else(|| {
            (
                "referenceId".to_owned(),
                format!("a ghost's reference id is \"source:value\" (such as \"wikidata:Q…\"), not {reference:?}"),
            )
        })?;
    let imdb = ghost
        .imdb
        .as_deref()
        .filter(|imdb| !imdb.trim().is_empty())
        .map(|imdb| match validate::external_id("imdb", imdb) {
            Ok((_, value)) if value.chars().count() <= 40 => Ok(value),
            Ok(_) => Err(format!(
                "an IMDb id has at most 40 characters, not {imdb:?}"
            )),
            Err(e) => Err(e.to_string()),
        })
        .transpose()
        .map_err(|message| ("imdb".to_owned(), message))?;
    if ghost.position == 0 {
        return Err((
            "position".to_owned(),
            "a ghost's position counts from 1".to_owned(),
        ));
    }
    let film = validate::film(&FilmInput {
        title: ghost.title,
        year: ghost.year,
        directors: ghost.directors,
        ..FilmInput::default()
    })
    .map_err(invalid(""))?;
    let note = validate::list_entry_note(ghost.note.as_deref()).map_err(invalid(""))?;
    Ok(GhostRecord {
        before: 0,
        source: source.to_owned(),
        value: value.to_owned(),
        imdb,
        title: film.title().to_owned(),
        year: film.year(),
        directors: (!film.directors().is_empty()).then(|| film.directors().join("\n")),
        note,
    })
}

/// A person's ids, each checked (`wikidata` or `tmdb`, letters and digits).
pub fn person_record(person: PersonDoc) -> Result<PersonIdsRecord, Failure> {
    let name = validate::person_name(Field::Name, &person.name).map_err(invalid(""))?;
    let mut ids = Vec::with_capacity(person.external_ids.len());
    for (i, id) in person.external_ids.iter().enumerate() {
        let id = crate::people::ids::check(&id.source, &id.value)
            .map_err(invalid(&format!("externalIds[{i}].")))?;
        ids.push((id.source, id.value));
    }
    Ok(PersonIdsRecord { name, ids })
}

pub fn invalid(prefix: &str) -> impl Fn(crate::CatalogError) -> Failure + '_ {
    move |e| {
        (
            format!("{prefix}{}", e.field().unwrap_or("")),
            e.to_string(),
        )
    }
}

/// A record's `createdAt` and `updatedAt`, each named under `prefix` when refused.
pub fn stamps(prefix: &str, created: &str, updated: &str) -> Result<Stamps, Failure> {
    Ok(Stamps {
        created: validate::instant(Field::CreatedAt, created).map_err(invalid(prefix))?,
        updated: validate::instant(Field::UpdatedAt, updated).map_err(invalid(prefix))?,
    })
}
