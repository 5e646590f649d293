//! Tellico's `.tc` files (a ZIP holding `tellico.xml`; a bare XML file is read too), video
//! collections only: title, original title, year, directors, genres and keywords as themes,
//! running time, and comments as a note.

use std::path::Path;

use roxmltree::{Document, Node, ParsingOptions};

use crate::error::Result;
use crate::model::{FilmInput, ReviewInput, ReviewKind};
use crate::validate;

use super::record::{fatal, Batch, FilmRecord};
use super::{archive, review_html, table, values};

/// Tellico's collection type for videos.
const VIDEO_COLLECTION: &str = "3";

pub fn read(path: &Path) -> Result<Batch> {
    let bytes = table::read_file(path)?;
    let (file, xml) = if bytes.starts_with(b"PK") {
        drop(bytes);
        let mut members = archive::read_members(path, |name| name == "tellico.xml")?;
        let (name, xml) = members.pop().ok_or_else(|| {
            fatal(
                &path.display().to_string(),
                None,
                "this ZIP has no tellico.xml: not a Tellico file",
            )
        })?;
        (name, xml)
    } else {
        // A bare XML file: errors name the file the person chose.
        (table::file_label(path), bytes)
    };
    let text =
        std::str::from_utf8(&xml).map_err(|_| fatal(&file, None, "this is not UTF-8 text"))?;
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        crate::CatalogError::Import {
            file: file.clone(),
            line: Some(u64::from(pos.row)),
            column: Some(pos.col.to_string()),
            message: format!("not well-formed XML: {e}"),
        }
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "tellico" {
        return Err(fatal(
            &file,
            Some(1),
            format!(
                "the root element is <{}>, not <tellico>",
                root.tag_name().name()
            ),
        ));
    }
    let mut batch = Batch::default();
    for collection in root
        .children()
        .filter(|n| n.has_tag_name_local("collection"))
    {
        let kind = collection.attribute("type").unwrap_or("");
        if kind != VIDEO_COLLECTION {
            let line = u64::from(doc.text_pos_at(collection.range().start).row);
            return Err(fatal(&file, Some(line), format!("collection type {kind} is not a video collection (type 3); only films are imported")));
        }
        for entry in collection
            .children()
            .filter(|n| n.has_tag_name_local("entry"))
        {
            let line = u64::from(doc.text_pos_at(entry.range().start).row);
            batch.rows += 1;
            read_entry(&file, line, entry, &mut batch);
        }
    }
    Ok(batch)
}

trait LocalName {
    fn has_tag_name_local(&self, name: &str) -> bool;
}

impl LocalName for Node<'_, '_> {
    fn has_tag_name_local(&self, name: &str) -> bool {
        self.is_element() && self.tag_name().name() == name
    }
}

fn text_of(entry: Node, names: &[&str]) -> String {
    entry
        .children()
        .find(|n| names.iter().any(|name| n.has_tag_name_local(name)))
        .and_then(|n| n.text())
        .map(|t| t.trim().to_owned())
        .unwrap_or_default()
}

/// Values of a multi-valued field: `<directors><director>..</director></directors>`.
fn all_of(entry: Node, group: &str, item: &str) -> Vec<String> {
    entry
        .children()
        .filter(|n| n.has_tag_name_local(group) || n.has_tag_name_local(item))
        .flat_map(|n| {
            if n.has_tag_name_local(item) {
                vec![n.text().unwrap_or("").trim().to_owned()]
            } else {
                n.children()
                    .filter(|c| c.has_tag_name_local(item))
                    .map(|c| c.text().unwrap_or("").trim().to_owned())
                    .collect()
            }
        })
        .filter(|v| !v.is_empty())
        .collect()
}

fn read_entry(file: &str, line: u64, entry: Node, batch: &mut Batch) {
    let title = text_of(entry, &["title"]);
    if title.is_empty() {
        batch.skip(file, Some(line), "an entry without a title");
        return;
    }
    let Some(year) = batch.value(file, line, "year", values::year(&text_of(entry, &["year"])))
    else {
        return;
    };
    let Some(runtime) = batch.value(
        file,
        line,
        "running-time",
        values::positive(&text_of(entry, &["running-time"])),
    ) else {
        return;
    };
    let mut themes = all_of(entry, "genres", "genre");
    themes.extend(all_of(entry, "keywords", "keyword"));
    let original = text_of(entry, &["origtitle", "original-title"]);
    let input = FilmInput {
        original_title: (!original.is_empty() && original != title).then_some(original),
        title,
        year,
        directors: all_of(entry, "directors", "director"),
        themes,
    };
    let column_of = |field: &str| match field {
        "originalTitle" => "origtitle".to_owned(),
        "directors" => "director".to_owned(),
        "themes" => "genre".to_owned(),
        other => other.to_owned(),
    };
    let Some(valid) = batch.film(file, line, &input, &column_of) else {
        return;
    };
    let mut record = FilmRecord::new(valid);
    record.runtime_minutes = runtime;
    let comments = review_html::to_markdown(&text_of(entry, &["comments"]));
    if !comments.is_empty() {
        let input = ReviewInput {
            kind: ReviewKind::Note,
            body: comments,
            ..ReviewInput::default()
        };
        match validate::review(&input) {
            Ok(note) => record.reviews.push((note, None)),
            Err(error) => return batch.invalid(file, line, error, &|_| "comments".to_owned()),
        }
    }
    batch.push(record);
}
