//! Cinedex's own JSON export read back: every field, credit, review, viewing, note, external id,
//! list and timestamp, through the same validation as anything typed by hand.

use std::path::Path;

use crate::annotations;
use crate::credits::Role;
use crate::error::Result;
use crate::export::document::{Document, FilmDoc, FORMAT, VERSION};
use crate::model::{AnnotationInput, FilmInput, ReviewInput, ViewingInput};
use crate::validate;

use super::record::{fatal, Batch, Credit, FilmRecord, ListRecord, Stamps};
use super::table;

pub fn read(path: &Path) -> Result<Batch> {
    let file = table::file_label(path);
    let bytes = table::read_file(path)?;
    let document: Document =
        serde_json::from_slice(&bytes).map_err(|e| crate::CatalogError::Import {
            file: file.clone(),
            line: Some(e.line() as u64),
            column: Some(e.column().to_string()),
            message: format!("not a Cinedex JSON export: {e}"),
        })?;
    if document.format != FORMAT {
        return Err(fatal(
            &file,
            None,
            format!("\"format\" is \"{}\", not \"{FORMAT}\"", document.format),
        ));
    }
    if document.version > VERSION {
        return Err(fatal(
            &file,
            None,
            format!(
                "written by a newer Cinedex (version {}; this one reads up to {VERSION})",
                document.version
            ),
        ));
    }
    let mut batch = Batch::default();
    let mut index_of = Vec::with_capacity(document.films.len());
    for (i, film) in document.films.into_iter().enumerate() {
        batch.rows += 1;
        let at = format!("films[{i}]");
        match record(film) {
            Ok(record) => index_of.push(Some(batch.push(record))),
            Err((field, message)) => {
                batch.error(&file, None, Some(&format!("{at}.{field}")), message);
                index_of.push(None);
            }
        }
    }
    for list in document.lists {
        let entries = list
            .films
            .iter()
            .filter_map(|e| Some((index_of.get(e.film).copied().flatten()?, e.note.clone())))
            .collect();
        batch.lists.push(ListRecord {
            name: list.name,
            description: list.description,
            stamps: Some(
                stamps(&list.created_at, &list.updated_at)
                    .map_err(|(_, m)| fatal(&file, None, m))?,
            ),
            entries,
        });
    }
    Ok(batch)
}

type Failure = (String, String);

fn invalid(prefix: &str) -> impl Fn(crate::CatalogError) -> Failure + '_ {
    move |e| {
        (
            format!("{prefix}{}", e.field().unwrap_or("")),
            e.to_string(),
        )
    }
}

fn record(doc: FilmDoc) -> Result<FilmRecord, Failure> {
    let mut directors = Vec::new();
    let mut credits = Vec::new();
    for credit in &doc.credits {
        let role = Role::parse(&credit.role).ok_or_else(|| {
            (
                "credits".to_owned(),
                format!("unknown role \"{}\"", credit.role),
            )
        })?;
        if role == Role::Director {
            directors.push(credit.name.clone());
        }
        if role != Role::Director || credit.credited_as.is_some() {
            credits.push(Credit {
                role,
                name: credit.name.clone(),
                credited_as: credit.credited_as.clone(),
            });
        }
    }
    let input = FilmInput {
        title: doc.title,
        original_title: doc.original_title,
        year: doc.year,
        directors,
        themes: doc.themes,
    };
    let mut record = FilmRecord::new(validate::film(&input).map_err(invalid(""))?);
    record.credits = credits;
    record.rating = validate::rating(doc.rating).map_err(invalid(""))?;
    if doc.runtime_minutes.is_some_and(|m| m <= 0) {
        return Err((
            "runtimeMinutes".to_owned(),
            "a runtime is a positive number of minutes".to_owned(),
        ));
    }
    record.runtime_minutes = doc.runtime_minutes;
    record.status = doc.watch_status;
    record.exact_status = true;
    record.external_ids = doc
        .external_ids
        .into_iter()
        .map(|e| (e.source, e.value))
        .collect();
    for (i, r) in doc.reviews.into_iter().enumerate() {
        let input = ReviewInput {
            kind: r.kind,
            title: r.title,
            author: r.author,
            source: r.source,
            url: r.url,
            published_on: r.published_on,
            rating: r.rating,
            spoiler: r.spoiler,
            body: r.body,
        };
        let prefix = format!("reviews[{i}].");
        let valid = validate::review(&input).map_err(invalid(&prefix))?;
        record
            .reviews
            .push((valid, Some(stamps(&r.created_at, &r.updated_at)?)));
    }
    for (i, v) in doc.viewings.into_iter().enumerate() {
        let input = ViewingInput {
            watched_on: v.watched_on,
            rewatch: v.rewatch,
            rating: v.rating,
            place: v.place,
            note: v.note,
        };
        let prefix = format!("viewings[{i}].");
        let valid = validate::viewing(&input).map_err(invalid(&prefix))?;
        record
            .viewings
            .push((valid, Some(stamps(&v.created_at, &v.updated_at)?)));
    }
    for (i, a) in doc.annotations.into_iter().enumerate() {
        let prefix = format!("annotations[{i}].");
        let (at, body) = annotations::validate(&AnnotationInput {
            at: a.at,
            body: a.body,
        })
        .map_err(invalid(&prefix))?;
        record
            .annotations
            .push((at, body, Some(stamps(&a.created_at, &a.updated_at)?)));
    }
    record.stamps = Some(stamps(&doc.created_at, &doc.updated_at)?);
    if let Some(deleted) = &doc.deleted_at {
        instant(deleted)?;
    }
    record.deleted_at = doc.deleted_at;
    Ok(record)
}

fn stamps(created: &str, updated: &str) -> Result<Stamps, Failure> {
    instant(created)?;
    instant(updated)?;
    Ok(Stamps {
        created: created.to_owned(),
        updated: updated.to_owned(),
    })
}

fn instant(text: &str) -> Result<(), Failure> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|_| ())
        .map_err(|_| {
            (
                "createdAt".to_owned(),
                format!("\"{text}\" is not an ISO-8601 timestamp"),
            )
        })
}
