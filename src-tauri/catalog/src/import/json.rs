//! Cinedex's own JSON export read back: every field, credit, review, viewing, note, external id,
//! list (with its canon and ghosts), person id and timestamp, through the same validation as anything typed by hand.

use crate::field::Field;
use std::path::Path;

use crate::annotations;
use crate::credits::Role;
use crate::error::Result;
use crate::export::document::{Document, FilmDoc, FORMAT, VERSION};
use crate::model::{AnnotationInput, FilmFacts, FilmInput, ReviewInput, ViewingInput};
use crate::validate;

use super::json_lists::{invalid, list_record, person_record, stamps, Failure};
use super::record::{fatal, Batch, Credit, Description, FilmRecord};
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
    for (i, list) in document.lists.into_iter().enumerate() {
        match list_record(list, &index_of) {
            Ok(record) => batch.lists.push(record),
            Err((field, message)) => {
                batch.error(&file, None, Some(&format!("lists[{i}].{field}")), message)
            }
        }
    }
    for (i, person) in document.people.into_iter().enumerate() {
        match person_record(person) {
            Ok(record) => batch.people.push(record),
            Err((field, message)) => {
                batch.error(&file, None, Some(&format!("people[{i}].{field}")), message)
            }
        }
    }
    Ok(batch)
}

fn record(doc: FilmDoc) -> Result<FilmRecord, Failure> {
    validate::count_per_film(
        Field::Credits,
        "credits",
        doc.credits.len(),
        validate::MAX_CREDITS_PER_FILM,
    )
    .map_err(invalid(""))?;
    let mut directors = Vec::new();
    let mut credits = Vec::new();
    let mut person_ids = Vec::new();
    for (i, credit) in doc.credits.iter().enumerate() {
        let prefix = format!("credits[{i}].");
        let role = Role::parse(&credit.role).ok_or_else(|| {
            (
                format!("{prefix}role"),
                format!("unknown role \"{}\"", credit.role),
            )
        })?;
        // The same rules as a director typed by hand, for every role: what the preview accepts,
        // the commit can store.
        let name = validate::person_name(Field::Name, &credit.name).map_err(invalid(&prefix))?;
        let credited_as = validate::credited_as(Field::CreditedAs, &credit.credited_as)
            .map_err(invalid(&prefix))?;
        for (j, id) in credit.person_ids.iter().enumerate() {
            let id = crate::people::ids::check(&id.source, &id.value)
                .map_err(invalid(&format!("{prefix}personIds[{j}].")))?;
            person_ids.push((role, name.clone(), id));
        }
        if role == Role::Director {
            directors.push(name.clone());
        }
        if role != Role::Director || credited_as.is_some() {
            credits.push(Credit {
                role,
                name,
                credited_as,
            });
        }
    }
    let input = FilmInput {
        title: doc.title,
        original_title: doc.original_title,
        year: doc.year,
        directors,
        themes: doc.themes,
        facts: None,
    };
    let mut record = FilmRecord::new(validate::film(&input).map_err(invalid(""))?);
    record.credits = credits;
    record.person_ids = person_ids;
    record.rating = validate::rating(doc.rating).map_err(invalid(""))?;
    record.runtime_minutes = validate::runtime(doc.runtime_minutes).map_err(invalid(""))?;
    let described = validate::facts(&FilmFacts {
        genres: doc.genres,
        countries: doc.countries,
        original_language: doc.original_language,
        synopsis: doc.synopsis,
        ..FilmFacts::default()
    })
    .map_err(invalid(""))?;
    record.description = Description {
        genres: described.genres().to_vec(),
        countries: described.countries().to_vec(),
        original_language: described.original_language().map(str::to_owned),
        synopsis: described.synopsis().map(str::to_owned),
    };
    record.status = doc.watch_status;
    record.exact_status = true;
    validate::count_per_film(
        Field::ExternalIds,
        "external ids",
        doc.external_ids.len(),
        validate::MAX_EXTERNAL_IDS_PER_FILM,
    )
    .map_err(invalid(""))?;
    for (i, id) in doc.external_ids.iter().enumerate() {
        let prefix = format!("externalIds[{i}].");
        let id = validate::external_id(&id.source, &id.value).map_err(invalid(&prefix))?;
        if !record.external_ids.contains(&id) {
            record.external_ids.push(id);
        }
    }
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
        let mut valid = validate::review(&input).map_err(invalid(&prefix))?;
        let stamps = stamps(&prefix, &r.created_at, &r.updated_at)?;
        validate::highlights_per_review(r.highlights.len()).map_err(invalid(&prefix))?;
        for (j, h) in r.highlights.into_iter().enumerate() {
            let carried = validate::carried_highlight(validate::CarriedHighlight {
                quote: h.quote,
                prefix: h.prefix,
                suffix: h.suffix,
                start: h.start,
                note: h.note,
                orphaned: h.orphaned,
                created_at: h.created_at,
                updated_at: h.updated_at,
            })
            .map_err(invalid(&format!("{prefix}highlights[{j}].")))?;
            valid.add_highlight(carried);
        }
        record.reviews.push((valid, Some(stamps)));
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
        let stamps = stamps(&prefix, &v.created_at, &v.updated_at)?;
        record.viewings.push((valid, Some(stamps)));
    }
    for (i, a) in doc.annotations.into_iter().enumerate() {
        let prefix = format!("annotations[{i}].");
        let (at, body) = annotations::validate(&AnnotationInput {
            at: a.at,
            body: a.body,
        })
        .map_err(invalid(&prefix))?;
        let stamps = stamps(&prefix, &a.created_at, &a.updated_at)?;
        record.annotations.push((at, body, Some(stamps)));
    }
    record.stamps = Some(stamps("", &doc.created_at, &doc.updated_at)?);
    record.deleted_at = doc
        .deleted_at
        .as_deref()
        .map(|deleted| validate::instant(Field::DeletedAt, deleted))
        .transpose()
        .map_err(invalid(""))?;
    Ok(record)
}
