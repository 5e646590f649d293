//! Tellico's `.tc` files (a ZIP holding `tellico.xml`; a bare XML file is read too), video
//! collections only: title, original title, year, directors, genres and keywords as themes,
//! running time, and comments as a note.

use crate::field::Field;
use std::path::Path;

use roxmltree::{Document, Node, ParsingOptions};

use crate::error::Result;
use crate::model::{FilmInput, ReviewInput, ReviewKind};
use crate::validate;

use super::record::{fatal, Batch, FilmRecord};
use super::{archive, review_html, table, values};

/// Tellico's collection type for videos.
const VIDEO_COLLECTION: &str = "3";

/// The most XML nodes (elements, texts, comments) read from one file: a bound on the parsed
/// tree's memory (about 70 bytes a node, so about 1 GiB at most). A generous 100,000-film
/// collection, with cast tables, needs some 10 million.
pub const MAX_NODES: u32 = 1 << 24;

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
    refuse_internal_dtd(&file, text)?;
    let options = ParsingOptions {
        // Real files carry Tellico's public DOCTYPE; its internal subset, where entities would be
        // declared, was refused above.
        allow_dtd: true,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        if matches!(e, roxmltree::Error::NodesLimitReached) {
            return fatal(
                &file,
                None,
                format!("this file has more than {MAX_NODES} XML nodes: too large to read"),
            );
        }
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
    let mut lines = LineCounter::new(text);
    for collection in root
        .children()
        .filter(|n| n.has_tag_name_local("collection"))
    {
        let kind = collection.attribute("type").unwrap_or("");
        if kind != VIDEO_COLLECTION {
            let line = lines.line_at(collection.range().start);
            return Err(fatal(&file, Some(line), format!("collection type {kind} is not a video collection (type 3); only films are imported")));
        }
        for entry in collection
            .children()
            .filter(|n| n.has_tag_name_local("entry"))
        {
            let line = lines.line_at(entry.range().start);
            batch.rows += 1;
            read_entry(&file, line, entry, &mut batch);
        }
    }
    Ok(batch)
}

/// Refuses a DOCTYPE with an internal subset (`<!DOCTYPE tellico [ ... ]>`), the only place a
/// file can declare entities: one 100 KB entity referenced 20,000 times expands to gigabytes.
/// Tellico writes only its public DOCTYPE, without a subset. The prolog is skipped as the XML
/// grammar has it (declaration, comments, processing instructions), which is where the parser
/// looks for the DOCTYPE too.
fn refuse_internal_dtd(file: &str, text: &str) -> Result<()> {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        let end = if rest.starts_with("<?") {
            rest.find("?>").map(|at| at + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|at| at + 3)
        } else {
            break;
        };
        // An unclosed declaration or comment: the parser says what is wrong with it.
        let Some(end) = end else { return Ok(()) };
        rest = &rest[end..];
    }
    let Some(doctype) = rest.strip_prefix("<!DOCTYPE") else {
        return Ok(());
    };
    let mut quote = None;
    for byte in doctype.bytes() {
        match (quote, byte) {
            (Some(open), _) if byte == open => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'>') => return Ok(()),
            (None, b'[') => {
                let line = LineCounter::new(text).line_at(text.len() - rest.len());
                return Err(fatal(
                    file,
                    Some(line),
                    "this file declares its own DTD entities (an internal DTD subset, \
                     <!DOCTYPE tellico [ ... ]>), which Tellico never writes; it is refused \
                     because such entities can expand to gigabytes",
                ));
            }
            (None, _) => {}
        }
    }
    Ok(())
}

/// Line numbers of positions met in document order, counted once through the text (asking the
/// parser for each entry's position recounts from the start: quadratic in the entries).
struct LineCounter<'a> {
    text: &'a str,
    pos: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            pos: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, pos: usize) -> u64 {
        let pos = pos.min(self.text.len());
        if pos < self.pos {
            *self = LineCounter::new(self.text);
        }
        let newlines = self.text.as_bytes()[self.pos..pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += newlines as u64;
        self.pos = pos;
        self.line
    }
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
        facts: None,
    };
    let column_of = |field: &str| match Field::parse(field) {
        Some(Field::OriginalTitle) => "origtitle".to_owned(),
        Some(Field::Directors) => "director".to_owned(),
        Some(Field::Themes) => "genre".to_owned(),
        _ => field.to_owned(),
    };
    let Some(valid) = batch.film(file, line, &input, &column_of) else {
        return;
    };
    let mut record = FilmRecord::new(valid);
    record.runtime_minutes = runtime;
    let comments = text_of(entry, &["comments"]);
    // The HTML sanitizer costs tens of microseconds even on nothing: most entries have no comments.
    let comments = if comments.is_empty() {
        comments
    } else {
        review_html::to_markdown(&comments)
    };
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
